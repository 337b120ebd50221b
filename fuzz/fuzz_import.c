/*
 * fuzz_import.c: the body of the two importer targets.  Whatever the
 * file holds, import_parse() must hand back only articles that keep the
 * promises of article.h (a valid date, a title, valid NFC UTF-8 without
 * NUL bytes), count what it emitted and skipped, and name lines that
 * exist; an article exported as JSON Lines must import again as the
 * same article, since "citata export" is documented as re-importable;
 * and the streaming reader, fed a few bytes at a time as from a pipe,
 * must find the same articles and diagnostics as from the whole file.
 */
#include "config.h"

#include "fuzz.h"

#include <stdlib.h>
#include <string.h>

#include "article.h"
#include "export.h"
#include "import.h"
#include "text.h"
#include "util.h"

/* What one parse produced. */
struct fuzz_got {
	const char	 *name;		/* file name given to the parser */
	long		  lines;	/* lines in the input */
	struct article	**a;
	size_t		  n;
	size_t		  ndiag;
	struct buf	  diags;	/* each "line:col: reason\n" */
};

static int	got_emit(void *, struct article *);
static void	got_diag(void *, const char *, long, long, const char *);
static void	got_free(struct fuzz_got *);
static long	count_lines(const char *, size_t);
static void	check_string(const char *, const char *, int);
static void	check_article(const struct fuzz_got *, const struct article *);
static int	same_string(const char *, const char *);
static void	check_roundtrip(const struct article *);
static void	check_stream(const struct fuzz_got *,
		    const struct import_result *, const uint8_t *, size_t,
		    enum import_format);

static int
got_emit(void *ctx, struct article *a)
{
	struct fuzz_got	*g = ctx;

	g->a = xreallocarray(g->a, g->n + 1, sizeof(*g->a));
	g->a[g->n++] = a;
	return 0;
}

static void
got_diag(void *ctx, const char *file, long line, long col,
    const char *reason)
{
	struct fuzz_got	*g = ctx;

	if (file == NULL || strcmp(file, g->name) != 0)
		fuzz_fail("diagnostic names file '%s', not '%s'",
		    file != NULL ? file : "(null)", g->name);
	if (line < 1 || line > g->lines)
		fuzz_fail("diagnostic line %ld outside 1..%ld", line,
		    g->lines);
	if (col < 0)
		fuzz_fail("diagnostic column %ld", col);
	if (reason == NULL || *reason == '\0')
		fuzz_fail("diagnostic without a reason");
	g->ndiag++;
	buf_printf(&g->diags, "%ld:%ld: %s\n", line, col, reason);
}

static void
got_free(struct fuzz_got *g)
{
	size_t	i;

	for (i = 0; i < g->n; i++)
		article_free(g->a[i]);
	free(g->a);
	g->a = NULL;
	g->n = 0;
	buf_free(&g->diags);
}

/* Lines as the parsers count them: LF, CR LF and CR end one; a last
 * line without an end counts. */
static long
count_lines(const char *s, size_t n)
{
	long	lines = 0;
	size_t	i;

	for (i = 0; i < n; i++)
		if (s[i] == '\n' || (s[i] == '\r' && (i + 1 == n ||
		    s[i + 1] != '\n')))
			lines++;
	if (n > 0 && s[n - 1] != '\n' && s[n - 1] != '\r')
		lines++;
	return lines > 0 ? lines : 1;
}

/* A string of an article: valid UTF-8, in NFC, not empty. */
static void
check_string(const char *what, const char *s, int may_be_null)
{
	char	*nfc;
	size_t	 n, nn;

	if (s == NULL) {
		if (!may_be_null)
			fuzz_fail("article %s is NULL", what);
		return;
	}
	n = strlen(s);
	if (n == 0)
		fuzz_fail("article %s is empty", what);
	if (fuzz_utf8_prefix(s, n) != n)
		fuzz_fail("article %s is not valid UTF-8", what);
	nfc = text_nfc(s, n, &nn);
	if (nn != n || memcmp(nfc, s, n) != 0)
		fuzz_fail("article %s '%s' is not in NFC", what, s);
	free(nfc);
}

static void
check_article(const struct fuzz_got *g, const struct article *a)
{
	if (a->date == NULL || import_date_valid(a->date,
	    strlen(a->date)) != 0)
		fuzz_fail("article date '%s' is not a valid date",
		    a->date != NULL ? a->date : "(null)");
	if (a->text == NULL || strlen(a->text) != a->len)
		fuzz_fail("article text length %zu is not its strlen",
		    a->len);
	check_string("text", a->text, 0);
	check_string("title", a->title, 0);
	check_string("source", a->source, 1);
	check_string("url", a->url, 1);
	if (a->origin == NULL || strcmp(a->origin, g->name) != 0)
		fuzz_fail("article origin '%s' is not the file name",
		    a->origin != NULL ? a->origin : "(null)");
	if (a->line < 1 || a->line > g->lines)
		fuzz_fail("article line %ld outside 1..%ld", a->line,
		    g->lines);
}

static int
same_string(const char *a, const char *b)
{
	if (a == NULL || b == NULL)
		return a == b;
	return strcmp(a, b) == 0;
}

/* Exports a and imports it again: one article, equal in every field. */
static void
check_roundtrip(const struct article *a)
{
	struct fuzz_got		 g;
	struct import_result	 res = { 0, 0 };
	struct buf		 b;
	const struct article	*r;

	buf_init(&b);
	export_article_jsonl(&b, a);
	memset(&g, 0, sizeof(g));
	buf_init(&g.diags);
	buf_adds(&g.diags, "");
	g.name = "export.jsonl";
	g.lines = count_lines(b.data, b.len);
	if (import_parse(g.name, b.data, b.len, IMPORT_JSONL, got_emit,
	    got_diag, &g, &res) != 0 || g.n != 1 || g.ndiag != 0)
		fuzz_fail("exported article does not import again: %s",
		    b.data);
	r = g.a[0];
	if (!same_string(r->date, a->date) ||
	    !same_string(r->title, a->title) ||
	    !same_string(r->source, a->source) ||
	    !same_string(r->url, a->url) ||
	    r->len != a->len || memcmp(r->text, a->text, a->len) != 0)
		fuzz_fail("exported article imports as another: %s", b.data);
	got_free(&g);
	buf_free(&b);
}

/*
 * Reads data[0..n) again with the streaming reader, a few bytes at a time
 * (1 to 16, chosen by the input), and compares with g, what the whole
 * input gave.
 */
static void
check_stream(const struct fuzz_got *g, const struct import_result *res,
    const uint8_t *data, size_t n, enum import_format fmt)
{
	struct import_reader	*r;
	struct import_diag	 d;
	struct fuzz_got		 h;
	struct article		*a;
	enum import_event	 ev;
	size_t			 i, chunk = n > 0 ? data[n / 2] % 16 + 1 : 1;

	memset(&h, 0, sizeof(h));
	buf_init(&h.diags);
	buf_adds(&h.diags, "");
	h.name = g->name;
	h.lines = g->lines;
	r = import_reader_mem(g->name, (const char *)data, n, fmt);
	import_reader_chunk(r, chunk);
	while ((ev = import_next(r, &a, &d)) != IMPORT_END) {
		if (ev == IMPORT_ARTICLE)
			got_emit(&h, a);
		else if (ev == IMPORT_DIAG)
			got_diag(&h, d.file, d.line, d.col, d.reason);
		else
			fuzz_fail("a reader of memory stopped");
	}
	if (import_reader_result(r)->records != res->records ||
	    import_reader_result(r)->skipped != res->skipped)
		fuzz_fail("in chunks of %zu: %zu records, %zu skipped; whole: "
		    "%zu, %zu", chunk, import_reader_result(r)->records,
		    import_reader_result(r)->skipped, res->records,
		    res->skipped);
	import_reader_free(r);
	if (strcmp(h.diags.data, g->diags.data) != 0)
		fuzz_fail("in chunks of %zu the diagnostics differ:\n"
		    "%s---\n%s", chunk, h.diags.data, g->diags.data);
	if (h.n != g->n)
		fuzz_fail("in chunks of %zu: %zu articles, whole: %zu", chunk,
		    h.n, g->n);
	for (i = 0; i < h.n; i++)
		if (h.a[i]->line != g->a[i]->line ||
		    h.a[i]->len != g->a[i]->len ||
		    memcmp(h.a[i]->text, g->a[i]->text, h.a[i]->len) != 0 ||
		    !same_string(h.a[i]->title, g->a[i]->title) ||
		    !same_string(h.a[i]->date, g->a[i]->date) ||
		    !same_string(h.a[i]->source, g->a[i]->source) ||
		    !same_string(h.a[i]->url, g->a[i]->url))
			fuzz_fail("in chunks of %zu article %zu differs",
			    chunk, i);
	got_free(&h);
}

void
fuzz_import(const uint8_t *data, size_t n, enum import_format fmt)
{
	struct fuzz_got		 g;
	struct import_result	 res = { 0, 0 };
	size_t			 i;

	memset(&g, 0, sizeof(g));
	buf_init(&g.diags);
	buf_adds(&g.diags, "");
	g.name = fmt == IMPORT_JSONL ? "fuzz.jsonl" : "fuzz.txt";
	g.lines = count_lines((const char *)data, n);
	if (import_parse(g.name, (const char *)data, n, fmt, got_emit,
	    got_diag, &g, &res) != 0)
		fuzz_fail("import_parse() stopped without being asked to");
	if (res.records != g.n)
		fuzz_fail("%zu records counted, %zu emitted", res.records,
		    g.n);
	if (res.skipped > g.ndiag)
		fuzz_fail("%zu records skipped with %zu diagnostics",
		    res.skipped, g.ndiag);
	for (i = 0; i < g.n; i++) {
		check_article(&g, g.a[i]);
		if (i > 0 && g.a[i]->line <= g.a[i - 1]->line)
			fuzz_fail("article lines out of order: %ld, %ld",
			    g.a[i - 1]->line, g.a[i]->line);
		check_roundtrip(g.a[i]);
	}
	check_stream(&g, &res, data, n, fmt);
	got_free(&g);
}
