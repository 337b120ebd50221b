/*
 * t_export.c: JSON and TSV output and escaping: exact bytes, and never a
 * raw control byte.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "article.h"
#include "db.h"
#include "export.h"
#include "text.h"
#include "util.h"

#include "tap.h"

static char *
json(const char *s, size_t n)
{
	struct buf	b;

	buf_init(&b);
	export_json_string(&b, s, n);
	return buf_steal(&b);
}

static char *
tsv(const char *s)
{
	struct buf	b;

	buf_init(&b);
	export_tsv_field(&b, s, strlen(s));
	return buf_steal(&b);
}

static char *
esc(const char *s)
{
	struct buf	b;

	buf_init(&b);
	export_escape(&b, s);
	return buf_steal(&b);
}

#define CHECK(expr, want, name) do {		\
	char	*got_ = (expr);			\
	is(got_, want, name);			\
	free(got_);				\
} while (0)

/* Writes c (below U+10000) to u as UTF-8, NUL-terminated. */
static void
utf8(unsigned c, char *u)
{
	if (c < 0x800) {
		u[0] = (char)(0xc0 | c >> 6);
		u[1] = (char)(0x80 | (c & 0x3f));
		u[2] = '\0';
	} else {
		u[0] = (char)(0xe0 | c >> 12);
		u[1] = (char)(0x80 | ((c >> 6) & 0x3f));
		u[2] = (char)(0x80 | (c & 0x3f));
		u[3] = '\0';
	}
}

/* Bidi controls: which characters they are, and what each format does
 * with them. */
static void
bidi(void)
{
	static const unsigned	 yes[] = { 0x61c, 0x200e, 0x200f, 0x202a,
				    0x202b, 0x202c, 0x202d, 0x202e, 0x2066,
				    0x2067, 0x2068, 0x2069 };
	static const unsigned	 no[] = { 0x61b, 0x200d, 0x2028, 0x2029,
				    0x202f, 0x2065, 0x206a, 0x2014 };
	char			 u[8];
	size_t			 i;
	int			 good = 1;

	for (i = 0; i < sizeof(yes) / sizeof(yes[0]); i++) {
		utf8(yes[i], u);
		if (text_bidi_control(u, strlen(u)) != strlen(u))
			good = 0;
	}
	ok(good, "the twelve bidi controls are found");
	good = 1;
	for (i = 0; i < sizeof(no) / sizeof(no[0]); i++) {
		utf8(no[i], u);
		if (text_bidi_control(u, strlen(u)) != 0)
			good = 0;
	}
	ok(good, "their neighbours, ZWJ and the separators are not");
	ok(text_bidi_control("\xe2\x80", 2) == 0, "a cut sequence is not");

	CHECK(json("a\xe2\x80\xae" "b\xd8\x9c\xe2\x81\xa6" "c\xe2\x80\x8f", 14),
	    "\"a\\u202eb\\u061c\\u2066c\\u200f\"",
	    "JSON: bidi controls as \\u escapes, so import reads them back");
	CHECK(tsv("a\xe2\x80\xae" "b\xe2\x81\xa7" "c\xe2\x80\x8e 1\xe2\x80\xaf"
	    "000"),
	    "abc 1\xe2\x80\xaf" "000", "TSV: bidi controls dropped, U+202F kept");
	CHECK(esc("x\xe2\x80\xaetxt.exe"), "x\\xe2\\x80\\xaetxt.exe",
	    "diagnostics escape bidi controls, to name a file exactly");
}

/* The rows of the commands, one of each kind in each format. */
static void
rows(void)
{
	struct db_article_row	 ar = { 7, "2026-01-02", NULL, "Заголовок",
				    3, 1, "", 1 };
	struct db_feed		 fr;
	struct db_quote_row	 qr;
	struct db_speaker_row	 sr;
	struct db_hit		 h;
	struct buf		 b;

	buf_init(&b);
	export_article_row(&b, EXPORT_TSV, &ar, 0);
	export_article_row(&b, EXPORT_JSONL, &ar, 0);
	export_article_row(&b, EXPORT_TEXT, &ar, 5);
	is(b.data, "7\t2026-01-02\t\tЗаголовок\t3\n"
	    "{\"id\":7,\"date\":\"2026-01-02\",\"source\":null,"
	    "\"title\":\"Заголовок\",\"quotes\":3,\"read\":true,"
	    "\"starred\":true}\n"
	    "     7  2026-01-02  -                  3  Заго…\n",
	    "an article row: TSV, JSON Lines, text cut to 5 columns");

	memset(&qr, 0, sizeof(qr));
	qr.id = 4;
	qr.article_id = 7;
	qr.date = "2026-01-02";
	qr.kind = QUOTE_DIRECT;
	qr.origin = DB_ORIGIN_AUTO;
	qr.text = "Да\tнет\033";
	qr.len = strlen(qr.text);
	buf_reset(&b);
	export_quote_row(&b, EXPORT_TSV, &qr);
	export_quote_row(&b, EXPORT_TEXT, &qr);
	is(b.data, "4\t7\t2026-01-02\t\tdirect\tДа\\tнет\\x1b\n"
	    "7  2026-01-02  ? (direct): Да нет\xef\xbf\xbd\n",
	    "a quote row without a speaker: TSV escaped, text sanitized");

	memset(&sr, 0, sizeof(sr));
	sr.id = 2;
	sr.name = "Иван Петров";
	sr.kind = SPEAKER_PERSON;
	sr.nquotes = 5;
	sr.narticles = 2;
	buf_reset(&b);
	export_speaker_row(&b, EXPORT_TSV, &sr);
	export_speaker_row(&b, EXPORT_JSONL, &sr);
	is(b.data, "2\tИван Петров\tperson\t\t\t5\t2\n"
	    "{\"id\":2,\"name\":\"Иван Петров\",\"kind\":\"person\","
	    "\"gender\":null,\"roles\":null,\"quotes\":5,\"articles\":2}\n",
	    "a speaker row without gender or roles");

	memset(&h, 0, sizeof(h));
	h.article_id = 7;
	h.date = "2026-01-02";
	h.title = "Т";
	h.snippet = "…a \001конституция\002\nb…";
	buf_reset(&b);
	export_hit(&b, EXPORT_TEXT, &h);
	export_hit(&b, EXPORT_TSV, &h);
	is(b.data, "7  2026-01-02  Т\n    …a [конституция] b…\n"
	    "7\t0\t2026-01-02\t\t\tТ\t…a [конституция] b…\n",
	    "a search hit: its matches in [ ], on one line");

	memset(&fr, 0, sizeof(fr));
	fr.id = 3;
	fr.url = "https://shygys.example.kz/rss";
	fr.title = "Шығыс\033[2J";
	fr.narticles = 12;
	fr.fetched = 1796558400;	/* 2026-12-06 12:00:00 UTC */
	fr.status = "HTTP 404 Not Found";
	fr.failed = 1;
	buf_reset(&b);
	export_feed_row(&b, EXPORT_TSV, &fr);
	export_feed_row(&b, EXPORT_JSONL, &fr);
	export_feed_row(&b, EXPORT_TEXT, &fr);
	is(b.data, "3\tШығыс\\x1b[2J\thttps://shygys.example.kz/rss\t12\t"
	    "2026-12-06T12:00:00Z\tHTTP 404 Not Found\n"
	    "{\"id\":3,\"name\":null,\"title\":\"Шығыс\\u001b[2J\","
	    "\"url\":\"https://shygys.example.kz/rss\",\"articles\":12,"
	    "\"added\":null,\"fetched\":\"2026-12-06T12:00:00Z\","
	    "\"ok\":null,\"status\":\"HTTP 404 Not Found\",\"failed\":true,"
	    "\"retry_until\":null}\n"
	    "  3  Шығыс\xef\xbf\xbd[2J  12 articles, fetched "
	    "2026-12-06T12:00:00Z: HTTP 404 Not Found\n"
	    "     https://shygys.example.kz/rss\n",
	    "a feed row, shown by its title: TSV, JSON Lines, text");
	buf_free(&b);
}

static char *
cite(const struct db_quote_row *r)
{
	struct buf	b;

	buf_init(&b);
	export_quote_cite(&b, r);
	return buf_steal(&b);
}

static char *
b64(const char *s, size_t n)
{
	struct buf	b;

	buf_init(&b);
	export_base64(&b, s, n);
	return buf_steal(&b);
}

/* quotes --format=cite and the reader's y: each part, each missing part,
 * and a hostile quote. */
static void
citations(void)
{
	struct db_quote_row	 r;
	struct buf		 b;

	memset(&r, 0, sizeof(r));
	r.id = 9;
	r.article_id = 3;
	r.date = "2026-12-06";
	r.source = "Шығыс";
	r.url = "https://shygys.example.kz/news/1";
	r.speaker = "Ержан Сәрсенов";
	r.role = "аким города";
	r.kind = QUOTE_DIRECT;
	r.text = "Мы успеем\nдо зимы.";
	r.len = strlen(r.text);
	CHECK(cite(&r), "«Мы успеем до зимы», — Ержан Сәрсенов, аким города "
	    "(Шығыс, 2026-12-06, https://shygys.example.kz/news/1)",
	    "direct: the line break a space, the full stop dropped before "
	    "»,");
	r.role = NULL;
	r.url = NULL;
	CHECK(cite(&r), "«Мы успеем до зимы», — Ержан Сәрсенов "
	    "(Шығыс, 2026-12-06)", "no role, no link: left out with their "
	    "commas");
	r.speaker = NULL;
	CHECK(cite(&r), "«Мы успеем до зимы» (Шығыс, 2026-12-06)",
	    "no speaker: no dash");
	r.source = NULL;
	r.text = "  Успеем ли?\r\n";
	r.len = strlen(r.text);
	r.speaker = "Ержан Сәрсенов";
	CHECK(cite(&r), "«Успеем ли?» — Ержан Сәрсенов (2026-12-06)",
	    "after a question mark no comma; blanks at the ends trimmed; "
	    "no source");
	r.text = "Посмотрим...";
	r.len = strlen(r.text);
	CHECK(cite(&r), "«Посмотрим...» — Ержан Сәрсенов (2026-12-06)",
	    "three dots stay, without a comma");

	r.kind = QUOTE_INDIRECT;
	r.source = "Шығыс";
	r.role = "аким города";
	r.url = "https://shygys.example.kz/news/1";
	r.text = "работы завершат\n\n  к декабрю";
	r.len = strlen(r.text);
	CHECK(cite(&r), "Ержан Сәрсенов, аким города: работы завершат к "
	    "декабрю (Шығыс, 2026-12-06, https://shygys.example.kz/news/1)",
	    "indirect: the reported form, SPEAKER, ROLE: TEXT");
	r.speaker = NULL;
	r.role = NULL;
	CHECK(cite(&r), "работы завершат к декабрю (Шығыс, 2026-12-06, "
	    "https://shygys.example.kz/news/1)", "indirect, no speaker");

	r.kind = QUOTE_DIRECT;
	r.speaker = "Ержан\033[2J Сәрсенов";
	r.source = "Шығыс\xe2\x80\xae";
	r.url = "https://x.example/\033]52;c;AAAA\007";
	r.text = "Мы\033[31m успеем\xe2\x80\xae\xc2\x9b" "31m";
	r.len = strlen(r.text);
	CHECK(cite(&r), "«Мы\xef\xbf\xbd[31m успеем\xef\xbf\xbd" "31m», — "
	    "Ержан\xef\xbf\xbd[2J Сәрсенов (Шығыс, 2026-12-06, "
	    "https://x.example/\xef\xbf\xbd]52;c;AAAA\xef\xbf\xbd)",
	    "hostile: ESC, C1 and BEL as U+FFFD, the RLO dropped, in every "
	    "part");

	memset(&r, 0, sizeof(r));
	r.date = "2026-12-06";
	r.kind = QUOTE_DIRECT;
	r.text = "Да.";
	r.len = strlen(r.text);
	buf_init(&b);
	export_quote_row(&b, EXPORT_CITE, &r);
	export_quote_row(&b, EXPORT_CITE, &r);
	is(b.data, "«Да» (2026-12-06)\n«Да» (2026-12-06)\n",
	    "quotes --format=cite: one citation a line");
	buf_free(&b);

	CHECK(b64("", 0), "", "base64: empty (RFC 4648)");
	CHECK(b64("f", 1), "Zg==", "base64: f");
	CHECK(b64("fo", 2), "Zm8=", "base64: fo");
	CHECK(b64("foo", 3), "Zm9v", "base64: foo");
	CHECK(b64("foob", 4), "Zm9vYg==", "base64: foob");
	CHECK(b64("fooba", 5), "Zm9vYmE=", "base64: fooba");
	CHECK(b64("foobar", 6), "Zm9vYmFy", "base64: foobar");
	CHECK(b64("«Да»", strlen("«Да»")), "wqvQlNCwwrs=", "base64: UTF-8");
	CHECK(b64("\0\xff\xfe\033", 4), "AP/+Gw==",
	    "base64: NUL, high bytes, ESC");
	buf_init(&b);
	export_osc52(&b, "\033]0;x\007", 6);
	is(b.data, "\033]52;c;G10wO3gH\007",
	    "OSC 52: ESC ] 52 ; c ; base64 BEL, the payload's ESC and BEL "
	    "encoded");
	buf_free(&b);
}

int
main(void)
{
	struct article	a;
	struct buf	b;
	char		date[] = "2026-01-02", title[] = "T", text[] = "x\ny";

	CHECK(json("«Привет», — сказал он.", strlen("«Привет», — сказал он.")),
	    "\"«Привет», — сказал он.\"", "Cyrillic, guillemets, dash as is");
	CHECK(json("a\"b\\c\nd\te", 9), "\"a\\\"b\\\\c\\nd\\te\"",
	    "quote, backslash, newline, tab escaped");
	CHECK(json("\033[31mred\007", 9), "\"\\u001b[31mred\\u0007\"",
	    "ESC and BEL as \\u escapes");
	CHECK(json("x\xc2\x9by", 4), "\"x\\u009by\"", "a C1 control escaped");
	CHECK(json("\xff\xc3(", 3), "\"\\ufffd\\ufffd(\"",
	    "invalid bytes become U+FFFD");
	CHECK(json("\xed\xa0\x80", 3), "\"\\ufffd\\ufffd\\ufffd\"",
	    "a UTF-8 surrogate is invalid");
	CHECK(json("\xf0\x9f\x87\xb0\xf0\x9f\x87\xbf", 8),
	    "\"\xf0\x9f\x87\xb0\xf0\x9f\x87\xbf\"", "four-byte emoji as is");
	buf_init(&b);
	export_json_str(&b, NULL);
	is(b.data, "null", "NULL is null");
	buf_free(&b);

	CHECK(tsv("a\tb\nc\\d\re"), "a\\tb\\nc\\\\d\\re",
	    "TSV: tab, newline, backslash, CR");
	CHECK(tsv("\033]52;c;x\007"), "\\x1b]52;c;x\\x07",
	    "TSV: controls as \\x");
	CHECK(tsv("Қазақстан"), "Қазақстан", "TSV: Kazakh as is");
	CHECK(esc("file\033[2J.txt"), "file\\x1b[2J.txt",
	    "diagnostics escape file names");
	CHECK(esc("a\xc2\x85" "b\xff"), "a\\xc2\\x85b\\xff",
	    "C1 and invalid bytes escaped");

	memset(&a, 0, sizeof(a));
	a.date = date;
	a.title = title;
	a.text = text;
	a.len = 3;
	buf_init(&b);
	export_article_jsonl(&b, &a);
	is(b.data, "{\"date\":\"2026-01-02\",\"title\":\"T\",\"source\":null,"
	    "\"url\":null,\"text\":\"x\\ny\"}\n", "article as JSON Lines");
	buf_free(&b);

	rows();
	bidi();
	citations();
	return tap_done();
}
