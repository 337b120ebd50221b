/*
 * t_import.c: the importer's parsers, from strings: record boundaries,
 * titles and sources, and every kind of bad input.
 */
#include "config.h"

#include <sys/mman.h>
#include <sys/wait.h>

#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "article.h"
#include "import.h"
#include "util.h"

#include "tap.h"

struct got {
	struct article	*a[16];
	size_t		 n;
	struct buf	 diags;
};

static int
emit(void *ctx, struct article *a)
{
	struct got	*g = ctx;

	if (g->n < 16)
		g->a[g->n++] = a;
	else
		article_free(a);
	return 0;
}

static void
diag(void *ctx, const char *file, long line, long col, const char *reason)
{
	struct got	*g = ctx;

	buf_printf(&g->diags, "%s:%ld:%ld: %s\n", file, line, col, reason);
}

static void
got_free(struct got *g)
{
	size_t	i;

	for (i = 0; i < g->n; i++)
		article_free(g->a[i]);
	buf_free(&g->diags);
	memset(g, 0, sizeof(*g));
}

static struct import_result
parse(struct got *g, const char *name, const char *s, size_t len)
{
	struct import_result	res = { 0, 0 };

	memset(g, 0, sizeof(*g));
	buf_init(&g->diags);
	buf_adds(&g->diags, "");
	import_parse(name, s, len, import_format_guess(name, s, len), emit,
	    diag, g, &res);
	return res;
}

static void
test_text_records(void)
{
	struct got		g;
	struct import_result	r;
	const char		*s =
	    " date 2026-03-11 Аким выступил на форуме, передает BAQ.KZ.\n"
	    "\n"
	    "Второй абзац.\n"
	    "Та же строка абзаца.\n"
	    "\n\n\n"
	    "Третий абзац.\n"
	    "\n"
	    " date 2026-03-12 Второй материал.\n";

	r = parse(&g, "a.txt", s, strlen(s));
	ok(r.records == 2 && g.n == 2, "two records in one file");
	ok(r.skipped == 0, "nothing skipped");
	is(g.a[0]->date, "2026-03-11", "date of the first record");
	is(g.a[0]->text, "Аким выступил на форуме, передает BAQ.KZ.\n\n"
	    "Второй абзац.\nТа же строка абзаца.\n\nТретий абзац.",
	    "paragraphs joined by one blank line, hard breaks kept");
	is(g.a[0]->title, "Аким выступил на форуме",
	    "title is the first sentence without the attribution");
	is(g.a[0]->source, "BAQ.KZ", "source from 'передает BAQ.KZ'");
	ok(g.a[0]->title_derived, "title marked as derived");
	ok(g.a[0]->line == 1 && g.a[1]->line == 10, "record lines");
	is(g.a[1]->title, "Второй материал", "closing point dropped");
	ok(g.a[1]->source == NULL, "no attribution, no source");
	is(g.diags.data, "", "no diagnostics");
	got_free(&g);
}

static void
test_titles(void)
{
	struct got	g;
	const char	*s =
	    "Заголовок статьи date 2025-01-02 Первый абзац.\n\n"
	    " date 2025-01-03 Министр Е. Булекпаев посетил г. Алматы. "
	    "Потом второе предложение.\n\n"
	    " date 2025-01-04 Как дела? Вопрос остался.\n\n"
	    " date 2025-01-05 Открылся мост, сообщает корреспондент "
	    "Tengrinews.kz со ссылкой на акимат.\n";

	parse(&g, "t.txt", s, strlen(s));
	ok(g.n == 4, "four records");
	is(g.a[0]->title, "Заголовок статьи", "a title before 'date'");
	ok(!g.a[0]->title_derived, "given title not marked derived");
	is(g.a[0]->text, "Первый абзац.", "text after the date");
	is(g.a[1]->title, "Министр Е. Булекпаев посетил г. Алматы",
	    "initials and abbreviations do not end the sentence");
	is(g.a[2]->title, "Как дела?", "a question mark is kept");
	is(g.a[3]->source, "Tengrinews.kz",
	    "'корреспондент' and 'со ссылкой' dropped from the source");
	is(g.a[3]->title, "Открылся мост", "attribution stripped");
	got_free(&g);

	/* The abbreviations of segmentation (abbrev.c), in any case, and
	 * initials in any alphabet: this list knew neither "Ул." nor "Ә.". */
	s = " date 2025-01-07 Ул. Абая закроют на ремонт. Потом.\n\n"
	    " date 2025-01-08 Аким Ә. Нұрланов открыл мост. Потом.\n\n"
	    " date 2025-01-09 Мост откроют в с. Ушкын, т. е. рядом, и "
	    "т. п. Потом.\n";
	parse(&g, "t.txt", s, strlen(s));
	ok(g.n == 3, "three records");
	is(g.n == 3 ? g.a[0]->title : NULL, "Ул. Абая закроют на ремонт",
	    "a capitalised abbreviation does not end the title");
	is(g.n == 3 ? g.a[1]->title : NULL, "Аким Ә. Нұрланов открыл мост",
	    "nor does a Kazakh initial");
	is(g.n == 3 ? g.a[2]->title : NULL,
	    "Мост откроют в с. Ушкын, т. е. рядом, и т. п. Потом",
	    "nor т. е. and т. п.");
	got_free(&g);

	/* Found by fuzz_import_jsonl: a title made from "Конец ." kept
	 * the space, and import of the exported article then trimmed it,
	 * so export and import disagreed on the title. */
	s = " date 2025-01-06 Конец . Дальше.\n";
	parse(&g, "t.txt", s, strlen(s));
	is(g.n == 1 ? g.a[0]->title : NULL, "Конец",
	    "a derived title has no trailing space");
	got_free(&g);
}

/* Makes b a new buffer: head, then words until it is longer than n
 * bytes. */
static void
long_line(struct buf *b, const char *head, size_t n)
{
	buf_init(b);
	buf_adds(b, head);
	while (b->len <= n)
		buf_adds(b, " слово");
}

static void
test_text_errors(void)
{
	struct got		 g;
	struct import_result	 r;
	struct buf		 big;
	const char		*s;

	s = "Stray text\n\n date 2026-02-30 Bad date.\n\n"
	    " date 2026-02-28 Good.\n\n date 2026-01-01\n\n"
	    " date 2026-01-02 Bad \xff byte.\n\n date 2024-02-29 Leap.\r\n";
	r = parse(&g, "bad.txt", s, strlen(s));
	ok(r.records == 2, "the two good records come through");
	ok(g.n == 2 && strcmp(g.a[0]->text, "Good.") == 0 &&
	    strcmp(g.a[1]->text, "Leap.") == 0, "CRLF accepted, leap day ok");
	ok(r.skipped == 4, "stray text, bad date, empty and invalid UTF-8 "
	    "skipped");
	is(g.diags.data,
	    "bad.txt:1:0: text before the first ' date YYYY-MM-DD' header, "
	    "skipped\n"
	    "bad.txt:3:7: bad date '2026-02-30' (want YYYY-MM-DD), "
	    "article skipped\n"
	    "bad.txt:7:0: empty article, skipped\n"
	    "bad.txt:9:22: invalid UTF-8, article skipped\n",
	    "each problem named with line, column and reason");
	got_free(&g);

	long_line(&big, " date 2026-01-01 Long:", IMPORT_MAX_LINE);
	buf_adds(&big, "\n\n date 2026-01-02 Short.\n");
	r = parse(&g, "long.txt", big.data, big.len);
	ok(r.records == 1 && r.skipped == 1, "a line over 1 MiB skips its "
	    "record only");
	ok(strstr(g.diags.data, "long.txt:1:0: line longer than 1 MiB") ==
	    g.diags.data, "and says so");
	got_free(&g);
	buf_free(&big);

	/* Found by fuzz_import_text: a lone CR inside a line stayed in
	 * the text, where JSON Lines import makes it a line break, so an
	 * exported article came back with another text. */
	s = " date 2026-01-01 Первая\rвторая.\n";
	r = parse(&g, "cr.txt", s, strlen(s));
	ok(r.records == 1 && strcmp(g.a[0]->text, "Первая\nвторая.") == 0,
	    "a lone CR in a line is a line break, as in JSON Lines");
	is(r.records == 1 ? g.a[0]->title : NULL, "Первая",
	    "and ends the title");
	got_free(&g);

	/* Found by fuzz_import_text: the title before "date" was not
	 * checked, so an article could carry invalid UTF-8 in its title. */
	s = "Заголовок \xff date 2026-01-01 Текст.\n";
	r = parse(&g, "title.txt", s, strlen(s));
	ok(r.records == 0 && r.skipped == 1, "invalid UTF-8 in a title "
	    "skips the article");
	is(g.diags.data, "title.txt:1:20: invalid UTF-8, article skipped\n",
	    "and names the column in the title");
	got_free(&g);

	r = parse(&g, "bin.txt", "\x89PNG\r\n\x1a\n\0\0\0", 11);
	ok(r.records == 0 && r.skipped == 1, "binary file skipped");
	is(g.diags.data, "bin.txt:1:0: binary data (NUL bytes), file "
	    "skipped\n", "binary file named");
	got_free(&g);
}

static void
test_jsonl(void)
{
	struct got		 g;
	struct import_result	 r;
	const char		*s =
	    "{\"text\":\"Первый.\\r\\n\\r\\nВторой.\",\"date\":\"2025-05-05\","
	    "\"title\":\"Т\",\"source\":\"S\",\"url\":\"http://x\"}\n"
	    "\n"
	    "{\"text\":\"Без даты\"}\n"
	    "{\"text\":\"x\",\"date\":\"05.05.2025\"}\n"
	    "{\"text\":\"x\",\"date\":\"2025-05-05\",\"title\":5}\n"
	    "not json\n"
	    "[1,2]\n"
	    "{\"text\":\"   \",\"date\":\"2025-05-05\"}\n"
	    "{\"text\":\"Ещё, пишут СМИ.\",\"date\":\"2025-05-06\"}\n";

	r = parse(&g, "a.jsonl", s, strlen(s));
	ok(r.records == 2 && r.skipped == 6, "two good lines, six bad");
	is(g.a[0]->text, "Первый.\n\nВторой.", "CRLF in JSON text folded");
	is(g.a[0]->url, "http://x", "url kept");
	is(g.a[0]->title, "Т", "title kept");
	is(g.a[1]->source, "СМИ", "source derived from 'пишут СМИ'");
	ok(g.a[1]->line == 9, "line of the second good record");
	ok(strstr(g.diags.data, "a.jsonl:3:0: no \"date\" string") != NULL,
	    "missing date named");
	ok(strstr(g.diags.data, "a.jsonl:4:0: bad date '05.05.2025'") != NULL,
	    "bad date named");
	ok(strstr(g.diags.data, "a.jsonl:5:0: \"title\" is not a string") !=
	    NULL, "wrong type named");
	ok(strstr(g.diags.data, "a.jsonl:6:3: bad JSON: ") != NULL,
	    "bad JSON named with its column");
	ok(strstr(g.diags.data, "a.jsonl:7:0: not a JSON object") != NULL,
	    "non-object named");
	ok(strstr(g.diags.data, "a.jsonl:8:0: empty article") != NULL,
	    "empty text named");
	got_free(&g);

	/* Found by fuzz_import_jsonl: a given source, and a given title
	 * when the source was not given, were kept as written, not in NFC
	 * as article.h promises. */
	s = "{\"text\":\"Т.\",\"date\":\"2025-05-05\","
	    "\"title\":\"Cafe\\u0301\",\"source\":\"BAQ.KZ\\u0301\","
	    "\"url\":\"http://e\\u0301\"}\n"
	    "{\"text\":\"Т.\",\"date\":\"2025-05-05\","
	    "\"title\":\"Cafe\\u0301\"}\n"
	    "{\"text\":\"Т.\",\"date\":\"2025-05-05\","
	    "\"source\":\"Te\\u0301\"}\n";
	r = parse(&g, "nfc.jsonl", s, strlen(s));
	ok(r.records == 3, "three articles to normalize");
	ok(g.n == 3 && strcmp(g.a[0]->title, "Café") == 0 &&
	    strcmp(g.a[0]->source, "BAQ.KŹ") == 0 &&
	    strcmp(g.a[0]->url, "http://é") == 0,
	    "given title, source and url are in NFC");
	ok(g.n == 3 && strcmp(g.a[1]->title, "Café") == 0,
	    "a given title without a source is in NFC");
	ok(g.n == 3 && strcmp(g.a[2]->source, "Té") == 0,
	    "a given source with a derived title is in NFC");
	got_free(&g);

	ok(import_format_guess("-", "  {\"a\":1}", 9) == IMPORT_JSONL,
	    "standard input starting with { is JSON Lines");
	ok(import_format_guess("-", " date 2020-01-01 x", 18) == IMPORT_TEXT,
	    "standard input otherwise is text");
	ok(import_format_guess("x.json", "", 0) == IMPORT_JSONL,
	    ".json is JSON Lines");
}

/*
 * Reads s through the streaming reader, at most chunk bytes at a time,
 * into g as parse() does.
 */
static struct import_result
parse_chunked(struct got *g, const char *name, const char *s, size_t len,
    size_t chunk)
{
	struct import_reader	*r;
	struct import_result	 res;
	struct import_diag	 d;
	struct article		*a;
	enum import_event	 ev;

	memset(g, 0, sizeof(*g));
	buf_init(&g->diags);
	buf_adds(&g->diags, "");
	r = import_reader_mem(name, s, len, IMPORT_GUESS);
	import_reader_chunk(r, chunk);
	while ((ev = import_next(r, &a, &d)) != IMPORT_END) {
		if (ev == IMPORT_ARTICLE)
			emit(g, a);
		else if (ev == IMPORT_DIAG)
			diag(g, d.file, d.line, d.col, d.reason);
		else
			break;
	}
	res = *import_reader_result(r);
	import_reader_free(r);
	return res;
}

/* Whether two parses found the same articles, counts and diagnostics. */
static int
same_got(const struct got *x, struct import_result rx, const struct got *y,
    struct import_result ry)
{
	size_t	i;

	if (x->n != y->n || rx.records != ry.records ||
	    rx.skipped != ry.skipped ||
	    strcmp(x->diags.data, y->diags.data) != 0)
		return 0;
	for (i = 0; i < x->n; i++)
		if (x->a[i]->len != y->a[i]->len ||
		    x->a[i]->line != y->a[i]->line ||
		    strcmp(x->a[i]->text, y->a[i]->text) != 0 ||
		    strcmp(x->a[i]->title, y->a[i]->title) != 0 ||
		    strcmp(x->a[i]->date, y->a[i]->date) != 0)
			return 0;
	return 1;
}

/* A UTF-8 byte order mark is skipped: it was part of the first title
 * (text) or lost the first record (JSON Lines). */
static void
test_bom(void)
{
	struct got		 g;
	struct import_result	 r;
	const char		*s;

	s = "\xef\xbb\xbfЗаголовок date 2025-01-02 Текст.\n";
	r = parse(&g, "bom.txt", s, strlen(s));
	ok(r.records == 1 && r.skipped == 0, "text with a BOM: one record");
	is(g.n == 1 ? g.a[0]->title : NULL, "Заголовок",
	    "and the BOM is not in its title");
	got_free(&g);
	s = "\xef\xbb\xbf date 2025-01-02 Текст.\n";
	r = parse(&g, "bom.txt", s, strlen(s));
	ok(r.records == 1 && r.skipped == 0 && g.a[0]->line == 1,
	    "a BOM before ' date' still starts a record on line 1");
	got_free(&g);
	s = "\xef\xbb\xbf{\"text\":\"Т.\",\"date\":\"2025-05-05\"}\n"
	    "{\"text\":\"Д.\",\"date\":\"2025-05-06\"}\n";
	r = parse(&g, "bom.jsonl", s, strlen(s));
	ok(r.records == 2 && r.skipped == 0, "JSON Lines with a BOM: both "
	    "records");
	is(g.diags.data, "", "and no diagnostic");
	got_free(&g);
	r = parse_chunked(&g, "-", s, strlen(s), 1);
	ok(r.records == 2, "standard input with a BOM and '{' is JSON Lines");
	got_free(&g);
}

/* UTF-16, with a BOM or found by where its NUL bytes are, is named and
 * the file skipped with the iconv command that converts it. */
static void
test_utf16(void)
{
	static const struct {
		const char	*what, *s;
		size_t		 len;
		const char	*order;
	} t[] = {
		{ "little-endian with a BOM", "\xff\xfe \0d\0a\0t\0e\0", 12,
		    "LE" },
		{ "big-endian with a BOM", "\xfe\xff\0 \0d\0a\0t\0e", 12,
		    "BE" },
		{ "little-endian without a BOM",
		    " \0d\0a\0t\0e\0 \0\x1f\x04\x40\x04", 14, "LE" },
		{ "big-endian without a BOM",
		    "\0 \0d\0a\0t\0e\0 \x04\x1f\x04\x40", 14, "BE" },
		{ "a BOM alone", "\xff\xfe", 2, "LE" }
	};
	struct got		 g;
	struct import_result	 r;
	char			*want;
	size_t			 i;

	for (i = 0; i < sizeof(t) / sizeof(t[0]); i++) {
		r = parse(&g, "u.txt", t[i].s, t[i].len);
		want = xasprintf("u.txt:1:0: UTF-16 input, file skipped; "
		    "convert it with iconv -f UTF-16%s -t UTF-8\n",
		    t[i].order);
		ok(r.records == 0 && r.skipped == 1 &&
		    strcmp(g.diags.data, want) == 0, "UTF-16 %s is named, "
		    "with iconv -f UTF-16%s", t[i].what, t[i].order);
		if (strcmp(g.diags.data, want) != 0)
			tap_diag("got %s", g.diags.data);
		free(want);
		got_free(&g);
	}
	r = parse(&g, "z.txt", "\0\0\0\0", 4);
	is(g.diags.data, "z.txt:1:0: binary data (NUL bytes), file "
	    "skipped\n", "NUL bytes in a row are binary, not UTF-16");
	got_free(&g);
}

/* A lone CR ends a line, as in files from old Mac software: the whole
 * file was one line, so one article. */
static void
test_cr(void)
{
	struct got		 g;
	struct import_result	 r;
	const char		*s;

	s = " date 2025-01-01 Первая.\r\rВторой абзац.\rТа же строка.\r\r"
	    " date 2025-01-02 Вторая.\r\r date 2025-13-01 Плохая.\r";
	r = parse(&g, "cr.txt", s, strlen(s));
	ok(r.records == 2 && r.skipped == 1, "CR line ends: two records "
	    "and a bad one");
	is(g.n > 0 ? g.a[0]->text : NULL, "Первая.\n\nВторой абзац.\n"
	    "Та же строка.", "paragraphs and line breaks as with LF");
	ok(g.n == 2 && g.a[1]->line == 6, "the second record is on line 6");
	is(g.diags.data, "cr.txt:8:7: bad date '2025-13-01' (want "
	    "YYYY-MM-DD), article skipped\n", "lines counted at each CR");
	got_free(&g);
	s = " date 2025-01-01 А.\r\n\r\n date 2025-01-02 Б.\r\r\n"
	    " date 2025-01-03 В.\n";
	r = parse(&g, "mix.txt", s, strlen(s));
	ok(r.records == 3 && g.n == 3 && g.a[1]->line == 3 &&
	    g.a[2]->line == 5, "CR LF is one line end, CR then CR LF two");
	got_free(&g);
	s = "{\"text\":\"Т.\",\"date\":\"2025-05-05\"}\r"
	    "{\"text\":\"Д.\",\"date\":\"2025-05-06\"}\r";
	r = parse(&g, "cr.jsonl", s, strlen(s));
	ok(r.records == 2 && g.n == 2 && g.a[1]->line == 2,
	    "JSON Lines with CR line ends");
	got_free(&g);
}

/*
 * The reader gives the same articles and diagnostics however its input
 * arrives: whole, or a byte at a time (a pipe, a terminal), including
 * lines longer than IMPORT_MAX_LINE that it does not keep.
 */
static void
test_stream(void)
{
	static const size_t	 chunks[] = { 1, 2, 3, 7, 64, 4096 };
	static const char	*inputs[] = {
		" date 2026-03-11 Аким выступил, передает BAQ.KZ.\n\nВторой."
		    "\r\nСтрока.\r\rТретий.\n\n date 2026-03-12 Два.\n",
		"\xef\xbb\xbfStray\n\n date 2026-02-30 Bad.\n\n"
		    " date 2026-01-02 Bad \xff byte.\n\n date 2024-02-29 Ok.",
		"{\"text\":\"Т.\",\"date\":\"2025-05-05\"}\n\nnot json\r"
		    "{\"text\":\"Д\",\"date\":\"2025-05-06\",\"url\":1}\n"
	};
	struct got		 g, h;
	struct import_result	 rg, rh;
	struct buf		 big;
	size_t			 i, j;
	int			 bad;

	for (i = 0; i < sizeof(inputs) / sizeof(inputs[0]); i++) {
		rg = parse(&g, i == 2 ? "s.jsonl" : "s.txt", inputs[i],
		    strlen(inputs[i]));
		for (j = 0, bad = 0; j < sizeof(chunks) / sizeof(chunks[0]);
		    j++) {
			rh = parse_chunked(&h, i == 2 ? "s.jsonl" : "s.txt",
			    inputs[i], strlen(inputs[i]), chunks[j]);
			bad += !same_got(&g, rg, &h, rh);
			got_free(&h);
		}
		ok(bad == 0 && rg.records > 0, "input %zu read in chunks of 1 "
		    "to 4096 bytes: the same as whole (%zu records)", i + 1,
		    rg.records);
		got_free(&g);
	}

	long_line(&big, " date 2026-01-01 Long:", IMPORT_MAX_LINE);
	buf_adds(&big, "\r\n\r\n date 2026-01-02 Short.\n\n");
	while (big.len <= 2 * IMPORT_MAX_LINE + 100)
		buf_adds(&big, "      ");
	buf_adds(&big, "\n date 2026-01-03 After blanks.\n");
	rg = parse(&g, "long.txt", big.data, big.len);
	rh = parse_chunked(&h, "long.txt", big.data, big.len, 4093);
	ok(rg.records == 2 && rg.skipped == 1 && same_got(&g, rg, &h, rh),
	    "a line over 1 MiB, then one of blanks: the same in chunks");
	ok(g.n == 2 && g.a[1]->line == 6, "a long line of blanks is a blank "
	    "line, and counts as one line");
	got_free(&g);
	got_free(&h);

	/* Whether a long line starts a record is seen in its first 4 KiB,
	 * whether the window holds it whole (read 64 KiB at a time) or
	 * not (4093 bytes at a time). */
	buf_reset(&big);
	while (big.len < 5000)
		buf_adds(&big, "a");
	buf_adds(&big, " date 2026-01-01 ");
	while (big.len <= IMPORT_MAX_LINE + 50000)
		buf_adds(&big, "b");
	buf_adds(&big, "\n\n date 2026-01-02 Short.\n");
	rg = parse(&g, "head.txt", big.data, big.len);
	rh = parse_chunked(&h, "head.txt", big.data, big.len, 4093);
	ok(same_got(&g, rg, &h, rh) && rg.records == 1 &&
	    strstr(g.diags.data, "line skipped") != NULL, "a long line's "
	    "header is looked for in its head however it was read");
	got_free(&g);
	got_free(&h);
	buf_free(&big);
}

static void
on_alarm(int sig)
{
	(void)sig;
}

static int	alarm_pipe[2] = { -1, -1 };

static void
on_alarm_cancel(int sig)
{
	int	saved = errno;
	ssize_t	n;

	(void)sig;
	n = write(alarm_pipe[1], "", 1);
	(void)n;
	errno = saved;
}

/*
 * A reader waiting for input that does not come (a pipe whose writer
 * stays open, as a terminal or a FIFO) stops when its cancel pipe is
 * written to, here by a signal handler as citata's, not when more input
 * comes; and a signal that writes nothing does not end the read.
 */
static void
test_cancel(void)
{
	struct import_reader	*r;
	struct import_diag	 d;
	struct article		*a;
	struct sigaction	 act;
	const char		*s = " date 2025-01-01 Одна статья.\n\n";
	enum import_event	 ev;
	pid_t			 pid;
	int			 data[2];
	ssize_t			 n;

	if (pipe(data) != 0 || pipe(alarm_pipe) != 0) {
		ok(1, "# SKIP no pipe: %s", strerror(errno));
		return;
	}
	n = write(data[1], s, strlen(s));
	ok(n == (ssize_t)strlen(s), "a record waits in a pipe");

	/* Cancelled before: stops at once, input or not. */
	n = write(alarm_pipe[1], "", 1);
	r = import_reader_fd("p", data[0], IMPORT_GUESS);
	import_reader_cancel(r, alarm_pipe[0]);
	ev = import_next(r, &a, &d);
	ok(n == 1 && ev == IMPORT_STOPPED, "a cancelled reader stops");
	import_reader_free(r);
	n = read(alarm_pipe[0], &d, 1);

	/* Cancelled by a signal while it waits in poll() or read(). */
	memset(&act, 0, sizeof(act));
	act.sa_handler = on_alarm_cancel;
	sigaction(SIGALRM, &act, NULL);
	r = import_reader_fd("p", data[0], IMPORT_GUESS);
	import_reader_cancel(r, alarm_pipe[0]);
	alarm(1);
	ev = import_next(r, &a, &d);
	alarm(0);
	ok(ev == IMPORT_STOPPED, "a signal while the reader waits for input "
	    "stops it (event %d)", (int)ev);
	import_reader_free(r);

	/* A signal that does not cancel (at 1 s, while the reader waits
	 * for the writer that comes at 2 s): EINTR, and the read goes on
	 * to the end of the input.  The first record went with the reader
	 * before. */
	act.sa_handler = on_alarm;
	sigaction(SIGALRM, &act, NULL);
	if ((pid = fork()) == 0) {
		sleep(2);
		n = write(data[1], s, strlen(s));
		_exit(n == (ssize_t)strlen(s) ? 0 : 1);
	}
	close(data[1]);
	r = import_reader_fd("p", data[0], IMPORT_GUESS);
	alarm(1);
	ev = import_next(r, &a, &d);
	alarm(0);
	waitpid(pid, NULL, 0);
	ok(ev == IMPORT_ARTICLE && a != NULL && strcmp(a->text,
	    "Одна статья.") == 0, "without a cancel, the pipe is read to "
	    "its end");
	article_free(a);
	ok(import_next(r, &a, &d) == IMPORT_END, "then the end");
	import_reader_free(r);
	act.sa_handler = SIG_DFL;
	sigaction(SIGALRM, &act, NULL);
	close(data[0]);
	close(alarm_pipe[0]);
	close(alarm_pipe[1]);
}

/*
 * Parses s placed so that its last byte is the last before a page that
 * cannot be read: a parser that reads past the end of its input crashes
 * here even without AddressSanitizer.  Returns the counts, or records
 * (size_t)-1 when the pages cannot be had.
 */
static struct import_result
parse_guarded(struct got *g, const char *name, const char *s)
{
	struct import_result	 res = { (size_t)-1, 0 };
	size_t			 len = strlen(s), page;
	char			*m;

	page = (size_t)sysconf(_SC_PAGESIZE);
	memset(g, 0, sizeof(*g));
	buf_init(&g->diags);
	buf_adds(&g->diags, "");
	if (len > page)
		return res;
	m = mmap(NULL, 2 * page, PROT_READ | PROT_WRITE,
	    MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	if (m == MAP_FAILED)
		return res;
	if (mprotect(m + page, page, PROT_NONE) != 0) {
		munmap(m, 2 * page);
		return res;
	}
	memcpy(m + page - len, s, len);
	res.records = 0;
	import_parse(name, m + page - len, len, IMPORT_TEXT, emit, diag, g,
	    &res);
	munmap(m, 2 * page);
	return res;
}

/* Found by fuzz_import_text: a header with a short bad date on the last
 * line made record_begin() copy ten bytes of date past the input. */
static void
test_short_date(void)
{
	struct got		g;
	struct import_result	r;

	r = parse_guarded(&g, "short.txt", " date 2025-0");
	if (r.records == (size_t)-1)
		ok(1, "# SKIP cannot map a guard page");
	else {
		ok(r.records == 0 && r.skipped == 1, "a short bad date at "
		    "the end of the input skips its record");
		is(g.diags.data, "short.txt:1:7: bad date '2025-0' (want "
		    "YYYY-MM-DD), article skipped\n", "and says so");
	}
	got_free(&g);
}

static void
test_dates(void)
{
	ok(import_date_valid("2024-02-29", 10) == 0, "leap day 2024");
	ok(import_date_valid("2100-02-29", 10) != 0, "no leap day 2100");
	ok(import_date_valid("2000-02-29", 10) == 0, "leap day 2000");
	ok(import_date_valid("2026-04-31", 10) != 0, "April has 30 days");
	ok(import_date_valid("2026-13-01", 10) != 0, "month 13");
	ok(import_date_valid("2026-1-01x", 10) != 0, "malformed");
	ok(import_date_valid("2026-01-01", 9) != 0, "short");
}

int
main(void)
{
	test_text_records();
	test_titles();
	test_text_errors();
	test_jsonl();
	test_short_date();
	test_dates();
	test_bom();
	test_utf16();
	test_cr();
	test_stream();
	test_cancel();
	return tap_done();
}
