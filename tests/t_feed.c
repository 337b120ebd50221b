/*
 * t_feed.c: feeds to items (feed.c) on the fixtures in tests/feeds:
 * each format, namespaces, text preference, links, dates, charsets,
 * every kind of bad document; subscriptions from OPML and newsboat urls
 * files, and OPML written and read back.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "feed.h"
#include "util.h"

#include "tap.h"

static char	*slurp(const char *, size_t *);
static struct feed *parse_file(const char *, const char *, const char *,
		    char **);
static struct feed *parse_str(const char *, char **);
static int	has(const char *, const char *);
static int	clean(const char *);
static int	feed_clean(const struct feed *);
static void	test_rss2(void);
static void	test_rss1(void);
static void	test_atom(void);
static void	test_yandex(void);
static void	test_charsets(void);
static void	test_dates(void);
static void	test_bad(void);
static void	test_hostile(void);
static void	test_limits(void);
static void	collect(void *, long, const char *);
static void	test_opml(void);
static void	test_urls(void);
static void	test_roundtrip(void);

/* The fixture tests/feeds/NAME; the caller frees it. */
static char *
slurp(const char *name, size_t *len)
{
	char	rel[256];

	snprintf(rel, sizeof(rel), "tests/feeds/%s", name);
	return tap_slurp(rel, len);
}

static struct feed *
parse_file(const char *name, const char *url, const char *charset,
    char **cause)
{
	struct feed	*f;
	size_t		 len;
	char		*data = slurp(name, &len);

	f = feed_parse(data, len, url, charset, cause);
	free(data);
	if (f == NULL)
		tap_diag("%s: %s", name, *cause);
	return f;
}

static struct feed *
parse_str(const char *s, char **cause)
{
	return feed_parse(s, strlen(s), "https://t.example.kz/rss", NULL,
	    cause);
}

/* Whether s is not NULL and holds sub. */
static int
has(const char *s, const char *sub)
{
	if (s != NULL && strstr(s, sub) != NULL)
		return 1;
	tap_diag("'%s' does not hold '%s'", s != NULL ? s : "(null)", sub);
	return 0;
}

/* Whether s (NULL is fine) is valid UTF-8 without controls but "\n". */
static int
clean(const char *s)
{
	const unsigned char	*u = (const unsigned char *)s;
	size_t			 i, n;

	if (s == NULL)
		return 1;
	for (i = 0; u[i] != '\0'; i += n) {
		if (u[i] < 0x80) {
			if ((u[i] < 0x20 && u[i] != '\n') || u[i] == 0x7f)
				return 0;
			n = 1;
			continue;
		}
		if (u[i] >= 0xc2 && u[i] <= 0xdf)
			n = 2;
		else if (u[i] >= 0xe0 && u[i] <= 0xef)
			n = 3;
		else if (u[i] >= 0xf0 && u[i] <= 0xf4)
			n = 4;
		else
			return 0;
		if (u[i] == 0xc2 && u[i + 1] >= 0x80 && u[i + 1] <= 0x9f)
			return 0;
		if (strnlen(s + i, n) < n)
			return 0;
	}
	return 1;
}

static int
feed_clean(const struct feed *f)
{
	size_t	i;

	if (!clean(f->title) || !clean(f->link))
		return 0;
	for (i = 0; i < f->n; i++) {
		const struct feed_item	*it = &f->items[i];

		if (!clean(it->guid) || !clean(it->link) ||
		    !clean(it->title) || !clean(it->author) ||
		    it->text == NULL || !clean(it->text) ||
		    (it->title != NULL && strchr(it->title, '\n') != NULL))
			return 0;
	}
	return 1;
}

static void
test_rss2(void)
{
	struct feed		*f;
	struct feed_item	*it;
	char			*cause = NULL;

	f = parse_file("rss2.xml", "https://news.example.kz/rss.xml", NULL,
	    &cause);
	if (!ok(f != NULL && f->n == 4, "rss2.xml: four items")) {
		free(cause);
		feed_free(f);
		return;
	}
	ok(f->kind == FEED_RSS2, "rss2.xml is RSS 2.0");
	is(f->title, "Новости Оскемена", "the channel's title");
	is(f->link, "https://news.example.kz/", "the channel's link");
	it = &f->items[0];
	is(it->title, "Акимат Оскемена «за» & чистый воздух",
	    "title: character references and &amp; decoded");
	is(it->link, "https://news.example.kz/oskemen/1", "link");
	is(it->guid, "oskemen-1", "guid");
	is(it->date, "2026-12-06", "pubDate: the date as written");
	is(it->time, "14:05:00", "pubDate: the time as written, not "
	    "converted from +0500");
	is(it->author, "Айгүл Сәрсенова", "dc:creator by namespace URI, "
	    "another prefix");
	is(it->text, "Акимат Оскемена провёл заседание.\n\n"
	    "Учитель Айгүл Сәрсенова сказала: «Мы готовы сажать деревья»."
	    "\nВсего 500\xc2\xa0саженцев.",
	    "content:encoded in CDATA before the description");
	ok(it->full == 1, "content:encoded is the full text");
	ok(it->line == 12, "the item's line (%ld)", it->line);
	it = &f->items[1];
	is(it->title, "Школа №7 открылась после ремонта",
	    "a title over several lines is one line, trimmed");
	is(it->link, "https://news.example.kz/news/2",
	    "a relative link resolved against the feed's URL");
	ok(it->guid == NULL, "no guid");
	is(it->date, "2026-12-06", "\"6 Dec 26 09:30 GMT\": date");
	is(it->time, "09:30:00", "\"6 Dec 26 09:30 GMT\": time");
	is(it->author, "press@example.kz (Пресс-служба)", "<author>");
	is(it->text, "Первый абзац.\n\nВторой «абзац».",
	    "an escaped HTML description, entities in it decoded");
	ok(it->full == 0, "a description is not the full text");
	ok(it->line == 24, "line of the second item");
	it = &f->items[2];
	is(it->title, "Автобус №12 <изменит> маршрут",
	    "a title with <...> that is no tag is kept");
	is(it->link, "https://news.example.kz/news/3",
	    "a permalink guid is the link when there is none");
	is(it->time, "08:00:00", "\"Mon, 07 Dec 2026 08:00 MSK\"");
	is(it->text, "Маршрут изменится с понедельника, сообщили в акимате."
	    "\n\nЦена проезда 5 < 6 тенге.",
	    "a plain-text description: paragraphs at blank lines");
	it = &f->items[3];
	is(it->title, "Срочно: новости", "tags stripped from a title");
	ok(it->date == NULL && it->time == NULL,
	    "31 February is no date, and no error");
	is(it->text, "Текст в CDATA", "a CDATA description");
	ok(feed_clean(f), "every string is clean UTF-8");
	feed_free(f);
}

static void
test_rss1(void)
{
	struct feed	*f;
	char		*cause = NULL;

	f = parse_file("rss1.rdf", "https://rdf.example.kz/rss.rdf", NULL,
	    &cause);
	if (!ok(f != NULL && f->n == 2, "rss1.rdf: two items")) {
		free(cause);
		feed_free(f);
		return;
	}
	ok(f->kind == FEED_RSS1, "rss1.rdf is RSS 1.0");
	is(f->title, "Усть-Каменогорск сегодня", "the channel's title");
	is(f->items[0].guid, "https://rdf.example.kz/a", "rdf:about is the "
	    "guid");
	is(f->items[0].date, "2026-12-06", "dc:date: date");
	is(f->items[0].time, "14:05:00", "dc:date: time");
	is(f->items[0].author, "Ерлан Касымов", "dc:creator");
	is(f->items[0].text, "Библиотека работает до 21:00.\n\nДиректор "
	    "сказал: «Ждём читателей».", "content:encoded, another prefix");
	ok(f->items[0].full == 1, "full");
	is(f->items[1].link, "https://rdf.example.kz/b", "relative link");
	ok(f->items[1].time == NULL, "a date without a time: time NULL");
	is(f->items[1].date, "2026-12-05", "date only");
	ok(f->items[1].full == 0 && strcmp(f->items[1].text,
	    "Каток у набережной.") == 0, "the description");
	ok(f->items[1].line == 20, "line");
	feed_free(f);
}

static void
test_atom(void)
{
	struct feed		*f;
	struct feed_item	*it;
	char			*cause = NULL;

	f = parse_file("atom.xml", "https://atom.example.kz/feed.atom",
	    NULL, &cause);
	if (!ok(f != NULL && f->n == 4, "atom.xml: four entries")) {
		free(cause);
		feed_free(f);
		return;
	}
	ok(f->kind == FEED_ATOM, "atom.xml is Atom");
	is(f->title, "Вести Алтая", "a type=\"html\" feed title");
	is(f->link, "https://atom.example.kz/", "the feed's alternate link, "
	    "not rel=\"self\"");
	it = &f->items[0];
	is(it->title, "Аким встретился с фермерами", "title");
	is(it->link, "https://atom.example.kz/ru/news/1",
	    "link resolved against the feed's xml:base");
	is(it->guid, "tag:atom.example.kz,2026:1", "id is the guid");
	ok(it->date != NULL && strcmp(it->date, "2026-12-06") == 0 &&
	    it->time != NULL && strcmp(it->time, "14:05:00") == 0,
	    "published before updated");
	is(it->author, "Данияр Ахметов", "the entry's author");
	is(it->text, "Аким встретился с фермерами.\n\nсемена\n\nтехника",
	    "type=\"html\" content before the summary");
	ok(it->full == 1, "content is the full text");
	ok(it->line == 11, "line");
	it = &f->items[1];
	is(it->title, "Жаңа мектеп", "a type=\"xhtml\" title");
	is(it->link, "https://other.example.kz/kz/2",
	    "link resolved against the entry's own xml:base");
	is(it->date, "2026-12-07", "updated when nothing is published");
	is(it->time, "08:00:00", "\"08:00Z\"");
	is(it->author, "Редакция", "the feed's author by default");
	is(it->text, "Жаңа мектеп ашылды.\n\nДиректор: «Қош келдіңіздер» & "
	    "сілтеме.", "type=\"xhtml\" content");
	it = &f->items[2];
	is(it->title, "5 < 6: <b> не тег", "a type=\"text\" title is not "
	    "markup");
	ok(it->link == NULL, "only a rel=\"self\" link: no link");
	ok(it->date == NULL && it->time == NULL, "no date");
	is(it->text, "Только <b>текст</b>, без разметки.",
	    "a text summary is plain text");
	ok(it->full == 0, "a summary is not the full text");
	it = &f->items[3];
	is(it->text, "Смотрите видео.", "content with src: the summary");
	ok(it->full == 0 && it->time == NULL &&
	    strcmp(it->date, "2026-12-08") == 0, "not full; a date alone");
	ok(feed_clean(f), "every string is clean UTF-8");
	feed_free(f);
}

static void
test_yandex(void)
{
	struct feed	*f;
	char		*cause = NULL;

	f = parse_file("yandex.xml", NULL, NULL, &cause);
	if (!ok(f != NULL && f->n == 3, "yandex.xml: three items")) {
		free(cause);
		feed_free(f);
		return;
	}
	is(f->items[0].text, "Сев в области начнётся на неделю раньше "
	    "обычного.\n\nФермер Болат Жумабаев сказал: «Земля уже готова». "
	    "Техника проверена.\n\nУправление сельского хозяйства обещает "
	    "семена к марту.",
	    "yandex:full-text before content:encoded, paragraphs kept");
	ok(f->items[0].full == 1, "yandex:full-text is the full text");
	is(f->items[1].text, "Уголь подорожал на 5%.\n\nАкимат обещает "
	    "субсидии.", "full-text in another namespace, as HTML");
	ok(f->items[1].full == 1, "full");
	is(f->items[2].text, "Только описание.",
	    "an empty full-text gives way to the description");
	ok(f->items[2].full == 0, "not full");
	feed_free(f);
}

static void
test_charsets(void)
{
	static const char *const files[] = { "cp1251.xml", "koi8r.xml" };
	struct feed	*f;
	char		*cause = NULL, *data, *body;
	size_t		 i, len;

	for (i = 0; i < 2; i++) {
		f = parse_file(files[i], NULL, i == 0 ? "KOI8-R" : NULL,
		    &cause);
		if (!ok(f != NULL && f->n == 1, "%s: one item", files[i])) {
			free(cause);
			cause = NULL;
			feed_free(f);
			continue;
		}
		is(f->title, "Новости Семея", files[i]);
		is(f->items[0].title, "Мост через Иртыш «откроют» в мае",
		    "the title, converted");
		is(f->items[0].text, "Строители сказали: «Успеем к маю»."
		    "\n\nЁлки - тоже, ёжики.", "the text, converted");
		is(f->items[0].time, "14:05:00", "the time");
		feed_free(f);
	}
	/* Without its declaration, HTTP's charset decides. */
	data = slurp("cp1251.xml", &len);
	body = strstr(data, "?>") + 2;
	f = feed_parse(body, len - (size_t)(body - data), NULL,
	    "windows-1251", &cause);
	ok(f != NULL && f->n == 1 && strcmp(f->items[0].title,
	    "Мост через Иртыш «откроют» в мае") == 0,
	    "no declaration: the HTTP charset is used");
	feed_free(f);
	f = feed_parse(body, len - (size_t)(body - data), NULL, NULL,
	    &cause);
	ok(f != NULL && f->n == 1 && has(f->items[0].title, "\xef\xbf\xbd")
	    && feed_clean(f),
	    "no declaration, no charset: UTF-8, the bytes become U+FFFD");
	feed_free(f);
	free(data);
	data = slurp("rss2.xml", &len);
	f = feed_parse(data, len, NULL, "windows-1251", &cause);
	ok(f != NULL && strcmp(f->title, "Новости Оскемена") == 0,
	    "the declaration wins over the HTTP charset");
	feed_free(f);
	free(data);
}

/* The date and time parse_str() finds in an item with pubDate s, as
 * "DATE TIME" ("-" for NULL). */
static void
date_is(const char *elem, const char *s, const char *want)
{
	struct feed	*f;
	char		*doc, *cause = NULL, got[64];

	doc = xasprintf("<rss xmlns:dc=\"http://purl.org/dc/elements/1.1/\">"
	    "<channel><item><%s>%s</%s></item></channel></rss>", elem, s,
	    elem);
	f = parse_str(doc, &cause);
	free(doc);
	if (f == NULL || f->n != 1) {
		ok(0, "date '%s': %s", s, cause != NULL ? cause : "no item");
		free(cause);
		feed_free(f);
		return;
	}
	snprintf(got, sizeof(got), "%s %s",
	    f->items[0].date != NULL ? f->items[0].date : "-",
	    f->items[0].time != NULL ? f->items[0].time : "-");
	if (!ok(strcmp(got, want) == 0, "%s '%s' -> %s", elem, s, want))
		tap_diag("got %s", got);
	feed_free(f);
}

static void
test_dates(void)
{
	date_is("pubDate", "Sun, 06 Dec 2026 14:05:00 +0500",
	    "2026-12-06 14:05:00");
	date_is("pubDate", "  Sun, 06 Dec 2026 14:05:00 GMT\t ",
	    "2026-12-06 14:05:00");
	date_is("pubDate", "06 Dec 2026 14:05 MSK", "2026-12-06 14:05:00");
	date_is("pubDate", "Sunday, 6 dec 26 14:05:07 EST",
	    "2026-12-06 14:05:07");
	date_is("pubDate", "Sat, 06 Dec 97 10:00:00 +0000",
	    "1997-12-06 10:00:00");
	date_is("pubDate", "Tue, 29 Feb 2028 00:00:00 +0000",
	    "2028-02-29 00:00:00");
	date_is("pubDate", "29 Feb 2026 00:00:00 +0000", "- -");
	date_is("pubDate", "06 Dec 2026", "2026-12-06 -");
	date_is("pubDate", "Sun, 06 Dec 2026 24:00:00 +0000", "- -");
	date_is("pubDate", "Sun, 06 Dek 2026 10:00:00", "- -");
	date_is("pubDate", "2026-12-06T14:05:00+05:00", "2026-12-06 14:05:00");
	date_is("pubDate", "вчера", "- -");
	date_is("pubDate", "", "- -");
	date_is("dc:date", "2026-12-06T14:05:00.123Z", "2026-12-06 14:05:00");
	date_is("dc:date", "2026-12-06T14:05+0600", "2026-12-06 14:05:00");
	date_is("dc:date", "2026-12-06", "2026-12-06 -");
	date_is("dc:date", "2026-13-01", "- -");
	date_is("dc:date", "2026-12-06T14:60:00Z", "- -");
	date_is("dc:date", "2026-12-06Tmorning", "- -");
}

static void
test_bad(void)
{
	struct feed	*f;
	char		*cause = NULL;
	size_t		 len;
	char		*data;
	clock_t		 t0;

	f = parse_file("malformed.xml", NULL, NULL, &cause);
	ok(f == NULL && has(cause, "malformed XML at line 9: ") &&
	    has(cause, "itme") && strchr(cause, '\n') == NULL,
	    "malformed.xml: the line and libxml2's reason, one line");
	tap_diag("%s", cause);
	free(cause);
	f = parse_file("truncated.xml", NULL, NULL, &cause);
	ok(f == NULL && has(cause, "malformed XML at line "),
	    "truncated.xml");
	tap_diag("%s", cause);
	free(cause);
	data = slurp("bomb.xml", &len);
	t0 = clock();
	f = feed_parse(data, len, NULL, NULL, &cause);
	ok(f == NULL && has(cause, "entity expansion refused at line "),
	    "bomb.xml: the billion laughs refused");
	tap_diag("%s", cause);
	ok(clock() - t0 < 5 * CLOCKS_PER_SEC, "at once (%.3f s)",
	    (double)(clock() - t0) / CLOCKS_PER_SEC);
	free(cause);
	free(data);
	f = parse_file("page.html", NULL, NULL, &cause);
	is(cause, "an HTML page, not a feed", "page.html");
	free(cause);
	f = parse_str("<?xml version=\"1.0\"?>\n<html xmlns=\"http://www.w3."
	    "org/1999/xhtml\"><body><p>x</p></body></html>", &cause);
	is(cause, "an HTML page, not a feed", "an XHTML page");
	free(cause);
	f = parse_str("<opml version=\"2.0\"><body/></opml>", &cause);
	is(cause, "not RSS or Atom (root element <opml>)", "an unknown root");
	free(cause);
	f = parse_str("<feed><entry/></feed>", &cause);
	is(cause, "not RSS or Atom (root element <feed>)",
	    "<feed> outside the Atom namespace");
	free(cause);
	f = feed_parse("", 0, NULL, NULL, &cause);
	is(cause, "empty document", "empty input");
	free(cause);
	f = parse_str(" \n\t\n", &cause);
	is(cause, "empty document", "white space only");
	free(cause);
	f = parse_str("just some text", &cause);
	ok(f == NULL && has(cause, "malformed XML at line 1: "),
	    "plain text is malformed XML");
	free(cause);
	f = parse_file("nodates.xml", NULL, NULL, &cause);
	if (ok(f != NULL && f->n == 3, "nodates.xml: every item kept")) {
		ok(f->items[0].title == NULL && f->items[0].link == NULL &&
		    f->items[0].date == NULL && f->items[0].guid == NULL &&
		    strcmp(f->items[0].text, "Без заголовка и без даты.") == 0,
		    "no title, link or date: NULL");
		ok(strcmp(f->items[1].title, "Без ссылки") == 0 &&
		    f->items[1].date == NULL && f->items[1].time == NULL &&
		    strcmp(f->items[1].text, "") == 0,
		    "a date that is no date: NULL; no body: \"\"");
		ok(f->items[2].title == NULL && f->items[2].author == NULL &&
		    strcmp(f->items[2].text, "") == 0 &&
		    f->items[2].line == 12,
		    "<item/>");
		ok(f->title == NULL && f->link == NULL,
		    "a channel without title or link");
	} else
		free(cause);
	feed_free(f);
}

static void
test_hostile(void)
{
	struct feed	*f;
	char		*cause = NULL;

	f = parse_str("<rss><channel><item><title>a\x1b[31mb\xc2\x9b"
	    "c&#x9b;d</title><description><![CDATA[<p>ab\xff\xfe"
	    "cd \xe2\x82</p>]]></description></item></channel></rss>",
	    &cause);
	if (ok(f != NULL && f->n == 1, "raw ESC and invalid UTF-8 in a "
	    "UTF-8 feed: the feed is read")) {
		is(f->items[0].title, "a[31mbcd", "ESC and C1 controls "
		    "dropped from the title");
		is(f->items[0].text, "ab\xef\xbf\xbd\xef\xbf\xbd" "cd "
		    "\xef\xbf\xbd", "invalid UTF-8 in CDATA becomes U+FFFD");
	} else
		free(cause);
	feed_free(f);
	f = parse_str("<rss><channel><item><title>&#27;[2J</title></item>"
	    "</channel></rss>", &cause);
	ok(f == NULL && has(cause, "malformed XML at line 1: "),
	    "&#27; is not XML: refused with a cause");
	tap_diag("%s", cause);
	free(cause);
	f = parse_str("<rss><channel><item><description>&lt;p&gt;&amp;#27;[2J"
	    "текст&lt;script&gt;x()&lt;/script&gt;&lt;/p&gt;</description>"
	    "<title>&amp;#27;[2J&amp;#x85;заголовок</title>"
	    "</item></channel></rss>", &cause);
	ok(f != NULL && f->n == 1 && strcmp(f->items[0].text, "[2Jтекст")
	    == 0 && strcmp(f->items[0].title, "[2J заголовок") == 0,
	    "an escaped &#27; in HTML is dropped, NEL is a space");
	if (f == NULL)
		free(cause);
	feed_free(f);
	f = parse_str("<!DOCTYPE rss SYSTEM \"http://127.0.0.1:1/x.dtd\" [\n"
	    "<!ENTITY ext SYSTEM \"file:///etc/passwd\">\n"
	    "<!ENTITY own \"своя сущность\">]>\n"
	    "<rss><channel><item><title>&ext;|&own;|&nbsp;|&laquo;</title>"
	    "</item></channel></rss>", &cause);
	ok(f != NULL && f->n == 1 && strcmp(f->items[0].title,
	    "|своя сущность|\xc2\xa0|«") == 0, "no external entity or DTD "
	    "loaded; internal ones and HTML's names expanded");
	if (f != NULL)
		tap_diag("%s", f->items[0].title);
	else
		free(cause);
	feed_free(f);
}

static void
test_limits(void)
{
	struct buf	 b;
	struct feed	*f;
	char		*cause = NULL;
	size_t		 i;

	buf_init(&b);
	buf_adds(&b, "<rss><channel>");
	for (i = 0; i < 10001; i++)
		buf_printf(&b, "<item><title>№%zu</title></item>\n", i);
	buf_adds(&b, "</channel></rss>");
	f = feed_parse(b.data, b.len, NULL, NULL, &cause);
	ok(f != NULL && f->n == 10000 &&
	    strcmp(f->items[9999].title, "№9999") == 0,
	    "10,001 items: the first 10,000 kept");
	ok(f != NULL && f->items[9999].line == 10000, "line 10000");
	feed_free(f);
	buf_reset(&b);
	buf_adds(&b, "<rss><channel><item><description>");
	for (i = 0; i < 200000; i++)
		buf_adds(&b, "слово ");
	buf_adds(&b, "</description></item></channel></rss>");
	f = feed_parse(b.data, b.len, NULL, NULL, &cause);
	ok(f != NULL && f->n == 1 && strlen(f->items[0].text) ==
	    200000 * 11 - 1, "a 2 MB description");
	feed_free(f);
	buf_free(&b);
}

static void
collect(void *ctx, long line, const char *reason)
{
	buf_printf(ctx, "%ld: %s\n", line, reason);
}

static void
test_opml(void)
{
	struct feed_sub	*subs;
	struct buf	 d;
	char		*data, *cause = NULL;
	size_t		 len;
	long		 n;

	buf_init(&d);
	data = slurp("opml.xml", &len);
	n = feed_subs_parse(data, len, &subs, collect, &d, &cause);
	free(data);
	if (!ok(n == 4, "opml.xml: four feeds at any depth (%ld)", n)) {
		free(cause);
		buf_free(&d);
		feed_subs_free(subs, n > 0 ? (size_t)n : 0);
		return;
	}
	ok(strcmp(subs[0].url, "https://news.example.kz/rss.xml") == 0 &&
	    strcmp(subs[0].name, "Оскемен & область") == 0,
	    "the title before the text");
	ok(strcmp(subs[1].url, "https://semey.example.kz/feed") == 0 &&
	    strcmp(subs[1].name, "Семей") == 0, "the text without a title");
	ok(strcmp(subs[2].url, "https://atom.example.kz/feed.atom") == 0 &&
	    subs[2].name == NULL, "no name");
	ok(strcmp(subs[3].url, "file:///var/feeds/local.xml") == 0,
	    "a file URL");
	is(d.data, "14: not an http(s) or file URL\n"
	    "15: an outline with an empty xmlUrl\n",
	    "diagnostics; a folder is no feed");
	feed_subs_free(subs, (size_t)n);
	buf_free(&d);
	n = feed_subs_parse("<opml><body><outline xmlUrl=\"x\">", 33, &subs,
	    NULL, NULL, &cause);
	ok(n == -1 && subs == NULL && has(cause, "malformed XML at line 1"),
	    "malformed OPML");
	free(cause);
	n = feed_subs_parse("<rss/>", 6, &subs, NULL, NULL, &cause);
	ok(n == -1 && has(cause, "not OPML (root element <rss>)"),
	    "not OPML");
	free(cause);
	n = feed_subs_parse("http://a\0b", 10, &subs, NULL, NULL, &cause);
	ok(n == -1 && cause != NULL, "NUL bytes");
	free(cause);
}

static void
test_urls(void)
{
	struct feed_sub	*subs;
	struct buf	 d;
	const char	*data;
	char		*file, *cause = NULL;
	size_t		 len;
	long		 n;

	buf_init(&d);
	data = file = slurp("newsboat-urls", &len);
	n = feed_subs_parse(data, len, &subs, collect, &d, &cause);
	free(file);
	if (!ok(n == 4, "newsboat-urls: four feeds (%ld)", n)) {
		free(cause);
		buf_free(&d);
		feed_subs_free(subs, n > 0 ? (size_t)n : 0);
		return;
	}
	ok(strcmp(subs[0].url, "https://news.example.kz/rss.xml") == 0 &&
	    strcmp(subs[0].name, "Новости Оскемена") == 0,
	    "a quoted ~name among tags");
	ok(strcmp(subs[1].url, "http://semey.example.kz/feed") == 0 &&
	    strcmp(subs[1].name, "Семей") == 0, "~name");
	ok(strcmp(subs[2].url, "https://ya.example.kz/rss.xml") == 0 &&
	    strcmp(subs[2].name, "Шығыс") == 0,
	    "tabs, a quoted tag with spaces, the first ~name");
	ok(strcmp(subs[3].url, "https://atom.example.kz/feed.atom") == 0 &&
	    subs[3].name == NULL, "no name");
	is(d.data, "7: query feeds are not supported\n"
	    "8: exec feeds are not supported\n"
	    "9: filter feeds are not supported\n"
	    "10: not an http(s) or file URL\n", "diagnostics");
	feed_subs_free(subs, (size_t)n);
	buf_reset(&d);
	data = "https://a.kz/\xff\nhttps://b.kz/\x1b[2J\r\nhttps://c.kz/\r\n";
	n = feed_subs_parse(data, strlen(data), &subs, collect, &d, &cause);
	ok(n == 1 && strcmp(subs[0].url, "https://c.kz/") == 0,
	    "CR LF; bad lines skipped");
	is(d.data, "1: invalid UTF-8, line skipped\n"
	    "2: control character, line skipped\n", "and reported");
	feed_subs_free(subs, n > 0 ? (size_t)n : 0);
	buf_reset(&d);
	data = "\"https://a b/\" x\nhttps://d.kz/ ~https://d.kz/\n";
	n = feed_subs_parse(data, strlen(data), &subs, collect, &d, &cause);
	ok(n == 1 && subs[0].name == NULL, "a name that is the URL is none");
	is(d.data, "1: not an http(s) or file URL\n", "a URL with a blank");
	feed_subs_free(subs, n > 0 ? (size_t)n : 0);
	n = feed_subs_parse("", 0, &subs, NULL, NULL, &cause);
	ok(n == 0 && subs == NULL, "an empty file: no feeds");
	buf_free(&d);
}

static void
test_roundtrip(void)
{
	static char	 u0[] = "https://news.example.kz/rss?a=1&b=<2>";
	static char	 n0[] = "«Оскемен» & \"область\" <b>";
	static char	 u1[] = "http://semey.example.kz/feed";
	static char	 u2[] = "file:///tmp/x.xml";
	static char	 n2[] = "Тест\x1b[31m\tтаб";
	struct feed_sub	 in[3] = {
		{ u0, n0 }, { u1, NULL }, { u2, n2 }
	};
	struct feed_sub	*out;
	struct buf	 b;
	char		*cause = NULL;
	long		 n;

	buf_init(&b);
	feed_opml_write(&b, "Ленты & <citata>", in, 1);
	is(b.data, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
	    "<opml version=\"2.0\">\n  <head>\n"
	    "    <title>Ленты &amp; &lt;citata&gt;</title>\n"
	    "  </head>\n  <body>\n"
	    "    <outline type=\"rss\" text=\"«Оскемен» &amp; &quot;область"
	    "&quot; &lt;b&gt;\" title=\"«Оскемен» &amp; &quot;область&quot; "
	    "&lt;b&gt;\" xmlUrl=\"https://news.example.kz/rss?a=1&amp;"
	    "b=&lt;2&gt;\"/>\n  </body>\n</opml>\n", "OPML 2.0, escaped");
	buf_reset(&b);
	feed_opml_write(&b, "citata", in, 3);
	n = feed_subs_parse(b.data, b.len, &out, NULL, NULL, &cause);
	ok(n == 3, "written and read back: three feeds");
	if (n == 3) {
		ok(strcmp(out[0].url, in[0].url) == 0 &&
		    strcmp(out[0].name, in[0].name) == 0, "same URL, name");
		ok(strcmp(out[1].url, in[1].url) == 0 && out[1].name == NULL,
		    "no name stays no name");
		is(out[2].name, "Тест[31m таб", "controls left out, a tab "
		    "is white space");
	} else
		free(cause);
	feed_subs_free(out, n > 0 ? (size_t)n : 0);
	buf_free(&b);
}

int
main(void)
{
	test_rss2();
	test_rss1();
	test_atom();
	test_yandex();
	test_charsets();
	test_dates();
	test_bad();
	test_hostile();
	test_limits();
	test_opml();
	test_urls();
	test_roundtrip();
	return tap_done();
}
