/*
 * t_export.c: JSON and TSV output and escaping: exact bytes, and never a
 * raw control byte.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "article.h"
#include "export.h"
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
	return tap_done();
}
