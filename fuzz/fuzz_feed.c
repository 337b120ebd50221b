/*
 * fuzz_feed.c: libFuzzer target for feed.c and html.c.  Byte 0 chooses
 * the HTTP charset (bits 0-1: none, windows-1251, KOI8-R, UTF-8); the
 * rest is the document, any bytes.
 *
 * Checked: feed_parse() either gives a feed or a cause, never both; a
 * cause is one line of valid UTF-8 without controls; every string of the
 * feed is valid UTF-8 in NFC without controls, the text's only control
 * being the "\n" of lines and paragraphs (no blank line at either end,
 * never three in a row), the one-line fields holding none; dates are
 * YYYY-MM-DD, times HH:MM:SS, no time without a date; at most
 * FEED_MAX_ITEMS items.  html_to_text() and html_plain_to_text() of the
 * same bytes keep to the same rules.  feed_subs_parse() gives a count
 * or -1 with a cause; its subscriptions written with feed_opml_write()
 * and read back are the same.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "feed.h"
#include "fuzz.h"
#include "html.h"
#include "text.h"
#include "util.h"

static void	check_str(const char *, const char *, int);
static void	check_date(const char *, const char *, const char *);
static void	check_feed(const struct feed *);
static void	check_subs(const char *, size_t);

/* s (what names it) is valid UTF-8 in NFC without controls; when
 * is_text, "\n" is allowed as html_to_text() uses it. */
static void
check_str(const char *what, const char *s, int is_text)
{
	size_t	 n, off, c, nn;
	char	*t;

	if (s == NULL)
		return;
	n = strlen(s);
	if (fuzz_utf8_prefix(s, n) != n)
		fuzz_fail("%s: invalid UTF-8", what);
	for (off = 0; off < n; off += c + 1) {
		c = fuzz_control_find(s + off, n - off);
		if (off + c < n && (!is_text || s[off + c] != '\n'))
			fuzz_fail("%s: control character at %zu", what,
			    off + c);
	}
	if (is_text && n > 0 && (s[0] == '\n' || s[n - 1] == '\n' ||
	    strstr(s, "\n\n\n") != NULL))
		fuzz_fail("%s: a blank line too many", what);
	t = text_nfc(s, n, &nn);
	if (nn != n || memcmp(s, t, n) != 0)
		fuzz_fail("%s: not NFC", what);
	free(t);
}

/* date is NULL or YYYY-MM-DD, time NULL or HH:MM:SS and then so is not
 * date. */
static void
check_date(const char *what, const char *date, const char *time)
{
	static const char	*dfmt = "dddd-dd-dd", *tfmt = "dd:dd:dd";
	size_t			 i;

	if (time != NULL && date == NULL)
		fuzz_fail("%s: a time without a date", what);
	if (date != NULL) {
		if (strlen(date) != 10)
			fuzz_fail("%s: date '%s'", what, date);
		for (i = 0; i < 10; i++)
			if (dfmt[i] == 'd' ? date[i] < '0' || date[i] > '9' :
			    date[i] != dfmt[i])
				fuzz_fail("%s: date '%s'", what, date);
	}
	if (time != NULL) {
		if (strlen(time) != 8)
			fuzz_fail("%s: time '%s'", what, time);
		for (i = 0; i < 8; i++)
			if (tfmt[i] == 'd' ? time[i] < '0' || time[i] > '9' :
			    time[i] != tfmt[i])
				fuzz_fail("%s: time '%s'", what, time);
	}
}

static void
check_feed(const struct feed *f)
{
	size_t	i;

	if (f->n > FEED_MAX_ITEMS || (f->n > 0 && f->items == NULL))
		fuzz_fail("%zu items", f->n);
	check_str("feed title", f->title, 0);
	check_str("feed link", f->link, 0);
	for (i = 0; i < f->n; i++) {
		const struct feed_item	*it = &f->items[i];

		check_str("guid", it->guid, 0);
		check_str("link", it->link, 0);
		check_str("title", it->title, 0);
		check_str("author", it->author, 0);
		check_date("item", it->date, it->time);
		if (it->text == NULL)
			fuzz_fail("item %zu: text NULL", i);
		check_str("text", it->text, 1);
		if (it->full != 0 && it->full != 1)
			fuzz_fail("full %d", it->full);
		if (it->line < 0)
			fuzz_fail("line %ld", it->line);
	}
}

/* feed_subs_parse() of s[0..n), then the OPML of what it found read
 * back. */
static void
check_subs(const char *s, size_t n)
{
	struct feed_sub	*subs, *back;
	struct buf	 b;
	char		*cause = NULL;
	long		 count, count2, i;

	count = feed_subs_parse(s, n, &subs, NULL, NULL, &cause);
	if (count < 0) {
		if (cause == NULL || subs != NULL)
			fuzz_fail("feed_subs_parse: -1 without a cause");
		check_str("subs cause", cause, 0);
		free(cause);
		return;
	}
	if (cause != NULL)
		fuzz_fail("feed_subs_parse: a count and a cause");
	for (i = 0; i < count; i++) {
		if (subs[i].url == NULL)
			fuzz_fail("subscription without a URL");
		check_str("sub url", subs[i].url, 0);
		check_str("sub name", subs[i].name, 0);
	}
	buf_init(&b);
	feed_opml_write(&b, "fuzz", subs, (size_t)count);
	count2 = feed_subs_parse(b.data, b.len, &back, NULL, NULL, &cause);
	if (count2 != count)
		fuzz_fail("OPML read back: %ld of %ld (%s)", count2, count,
		    cause != NULL ? cause : "");
	for (i = 0; i < count; i++)
		if (strcmp(subs[i].url, back[i].url) != 0 ||
		    (subs[i].name == NULL) != (back[i].name == NULL) ||
		    (subs[i].name != NULL &&
		    strcmp(subs[i].name, back[i].name) != 0))
			fuzz_fail("OPML read back: subscription %ld differs",
			    i);
	feed_subs_free(back, (size_t)count2);
	feed_subs_free(subs, (size_t)count);
	buf_free(&b);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static const char *const charsets[4] = {
		NULL, "windows-1251", "KOI8-R", "UTF-8"
	};
	const char	*charset, *s;
	struct feed	*f;
	char		*cause = NULL, *t;
	size_t		 n, tn;

	if (size < 1)
		return 0;
	charset = charsets[data[0] & 3];
	s = (const char *)data + 1;
	n = size - 1;
	f = feed_parse(s, n, "https://fuzz.example.kz/feed/rss.xml", charset,
	    &cause);
	if ((f == NULL) == (cause == NULL))
		fuzz_fail("feed_parse: a feed and a cause, or neither");
	if (f != NULL)
		check_feed(f);
	else
		check_str("cause", cause, 0);
	feed_free(f);
	free(cause);
	t = html_to_text(s, n, charset, &tn);
	if (tn != strlen(t))
		fuzz_fail("html_to_text: length %zu, strlen %zu", tn,
		    strlen(t));
	check_str("html_to_text", t, 1);
	free(t);
	t = html_plain_to_text(s, n, &tn);
	if (tn != strlen(t))
		fuzz_fail("html_plain_to_text: length %zu", tn);
	check_str("html_plain_to_text", t, 1);
	free(t);
	check_subs(s, n);
	return 0;
}
