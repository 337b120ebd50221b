/*
 * fuzz_search.c: libFuzzer target for the search query language
 * (search.c), the word splitter it relies on (stem.c), and the archive
 * search that runs a query (db_search() in db.c).  The input is a query,
 * then optionally a NUL byte and a text to find its words in (without
 * one, the query is searched in itself).
 *
 * Checked: a query either parses or says why, never both; a parsed query
 * has valid dates in order and no empty parts; its FTS5 expression is
 * exactly its terms, each quoted, joined by AND and NOT; the matches in
 * the text are in order and inside it; the word splitter finds the same
 * words with and without stemming; and every parsed query runs on the
 * sample archive (data/articles, imported once into memory) without an
 * SQL error, for articles and for quotes.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "article.h"
#include "db.h"
#include "fuzz.h"
#include "import.h"
#include "quotes.h"
#include "search.h"
#include "stem.h"
#include "util.h"

/* Spans of words collected by stem_tokenize(). */
struct spans {
	struct search_span	*v;
	size_t			 n;
};

static struct db	*fuzz_db;
static struct stemmer	*fuzz_stemmer;

static int	archive_add(void *, struct article *);
static void	archive_diag(void *, const char *, long, long, const char *);
static void	archive_load(void);
static void	check_query(const struct search_query *);
static void	check_fts(const struct search_query *, const char *);
static void	check_matches(const struct search_query *, const char *,
		    size_t);
static int	spans_add(void *, const char *, size_t, size_t, size_t);
static void	check_words(const char *, size_t);
static int	hit_check(void *, const struct db_hit *);
static void	check_db(const struct search_query *);

static int
archive_add(void *ctx, struct article *a)
{
	struct quote_list	 ql;
	char			*cause = NULL;

	(void)ctx;
	quote_list_init(&ql);
	quotes_extract(fuzz_lexicon(), a, &ql);
	if (db_article_put(fuzz_db, a, &ql, &cause) < 0) {
		fprintf(stderr, "fuzz: cannot store an article: %s\n", cause);
		exit(1);
	}
	quote_list_free(&ql);
	article_free(a);
	return 0;
}

static void
archive_diag(void *ctx, const char *file, long line, long col,
    const char *reason)
{
	(void)ctx;
	(void)file;
	(void)line;
	(void)col;
	(void)reason;
}

/* The sample articles, with their quotes, in an archive in memory. */
static void
archive_load(void)
{
	struct import_result	  res = { 0, 0 };
	char			 *data, *dir, **files, *cause = NULL, *s;
	size_t			  nfiles, i, len;

	if ((fuzz_db = db_open(":memory:", DB_WRITE, &cause)) == NULL ||
	    db_begin(fuzz_db, &cause) != 0) {
		fprintf(stderr, "fuzz: cannot make the archive: %s\n", cause);
		exit(1);
	}
	data = fuzz_datadir();
	dir = xasprintf("%s/articles", data);
	nfiles = import_expand(&dir, 1, &files, archive_diag, NULL);
	for (i = 0; i < nfiles; i++) {
		if ((s = import_read_file(files[i], &len, &cause)) == NULL) {
			fprintf(stderr, "fuzz: %s: %s\n", files[i], cause);
			exit(1);
		}
		import_parse(files[i], s, len, IMPORT_TEXT, archive_add,
		    archive_diag, NULL, &res);
		free(s);
		free(files[i]);
	}
	free(files);
	free(dir);
	free(data);
	if (res.records == 0 || db_commit(fuzz_db, &cause) != 0) {
		fprintf(stderr, "fuzz: no sample articles (set "
		    "CITATA_DATADIR): %s\n", cause != NULL ? cause : "");
		exit(1);
	}
}

int
LLVMFuzzerInitialize(int *argc, char ***argv)
{
	(void)argc;
	(void)argv;
	fuzz_locale_setup();
	fuzz_stemmer = stem_new();
	archive_load();
	return 0;
}

static void
check_query(const struct search_query *sq)
{
	size_t	i;

	for (i = 0; i < sq->nterms; i++)
		if (sq->terms[i] == NULL || *sq->terms[i] == '\0')
			fuzz_fail("term %zu is empty", i);
	for (i = 0; i < sq->nexcluded; i++)
		if (sq->excluded[i] == NULL || *sq->excluded[i] == '\0')
			fuzz_fail("exclusion %zu is empty", i);
	if (sq->nterms == 0 && sq->nexcluded > 0)
		fuzz_fail("a query of exclusions only");
	if ((sq->speaker != NULL && *sq->speaker == '\0') ||
	    (sq->source != NULL && *sq->source == '\0'))
		fuzz_fail("an empty filter");
	if ((sq->since != NULL && import_date_valid(sq->since,
	    strlen(sq->since)) != 0) || (sq->until != NULL &&
	    import_date_valid(sq->until, strlen(sq->until)) != 0))
		fuzz_fail("a bad date");
	if (sq->since != NULL && sq->until != NULL &&
	    strcmp(sq->since, sq->until) > 0)
		fuzz_fail("since:%s is after until:%s", sq->since, sq->until);
}

/* e must be "T1" AND "T2" ... NOT "X1" ..., with inner quotes doubled. */
static void
check_fts(const struct search_query *sq, const char *e)
{
	struct buf	 b;
	const char	*p = e, *want, *sep;
	size_t		 i, total = sq->nterms + sq->nexcluded;

	if ((e == NULL) != (sq->nterms == 0))
		fuzz_fail("FTS5 expression %s with %zu terms",
		    e == NULL ? "missing" : "present", sq->nterms);
	if (e == NULL)
		return;
	buf_init(&b);
	for (i = 0; i < total; i++) {
		want = i < sq->nterms ? sq->terms[i] :
		    sq->excluded[i - sq->nterms];
		sep = i == 0 ? "" : i < sq->nterms ? " AND " : " NOT ";
		if (strncmp(p, sep, strlen(sep)) != 0 || p[strlen(sep)] != '"')
			fuzz_fail("FTS5 expression [%s]: no '%s\"' at %zu", e,
			    sep, (size_t)(p - e));
		p += strlen(sep) + 1;
		buf_reset(&b);
		for (;;) {
			if (*p == '\0')
				fuzz_fail("FTS5 expression [%s]: unterminated "
				    "string", e);
			if (*p == '"' && p[1] != '"')
				break;
			if (*p == '"')
				p++;
			buf_addc(&b, *p++);
		}
		p++;
		if (strcmp(b.data != NULL ? b.data : "", want) != 0)
			fuzz_fail("FTS5 expression [%s]: '%s' for '%s'", e,
			    b.data, want);
	}
	if (*p != '\0')
		fuzz_fail("FTS5 expression [%s]: '%s' left over", e, p);
	buf_free(&b);
}

static void
check_matches(const struct search_query *sq, const char *text, size_t len)
{
	struct search_span	*sp;
	size_t			 i, n;

	n = search_matches(fuzz_stemmer, sq, text, len, &sp);
	if ((n == 0) != (sp == NULL))
		fuzz_fail("%zu matches in %p", n, (void *)sp);
	for (i = 0; i < n; i++) {
		if (sp[i].start >= sp[i].end || sp[i].end > len)
			fuzz_fail("match %zu-%zu outside the text (%zu)",
			    sp[i].start, sp[i].end, len);
		if (i > 0 && sp[i].start < sp[i - 1].end)
			fuzz_fail("match %zu overlaps the one before", i);
	}
	free(sp);
}

static int
spans_add(void *ctx, const char *tok, size_t len, size_t start, size_t end)
{
	struct spans	*s = ctx;

	if (len == 0 || memchr(tok, '\0', len) != NULL)
		fuzz_fail("word at %zu-%zu has an empty or NUL form", start,
		    end);
	s->v = xreallocarray(s->v, s->n + 1, sizeof(*s->v));
	s->v[s->n].start = start;
	s->v[s->n].end = end;
	s->n++;
	return 0;
}

/* stem_tokenize() finds the same words stemming or not. */
static void
check_words(const char *text, size_t len)
{
	struct spans	a, b;
	size_t		i;

	memset(&a, 0, sizeof(a));
	memset(&b, 0, sizeof(b));
	stem_tokenize(fuzz_stemmer, text, len, 0, spans_add, &a);
	stem_tokenize(fuzz_stemmer, text, len, 1, spans_add, &b);
	if (a.n != b.n)
		fuzz_fail("%zu words stemmed, %zu as spans", a.n, b.n);
	for (i = 0; i < a.n; i++) {
		if (a.v[i].start != b.v[i].start || a.v[i].end != b.v[i].end)
			fuzz_fail("word %zu: %zu-%zu stemmed, %zu-%zu as a "
			    "span", i, a.v[i].start, a.v[i].end,
			    b.v[i].start, b.v[i].end);
		if (a.v[i].start >= a.v[i].end || a.v[i].end > len ||
		    (i > 0 && a.v[i].start < a.v[i - 1].end))
			fuzz_fail("word %zu: %zu-%zu out of order or outside "
			    "the text", i, a.v[i].start, a.v[i].end);
	}
	free(a.v);
	free(b.v);
}

static int
hit_check(void *ctx, const struct db_hit *h)
{
	(void)ctx;
	if (h->article_id <= 0 || h->date == NULL || h->title == NULL ||
	    h->snippet == NULL)
		fuzz_fail("a search hit without its article, date, title or "
		    "snippet");
	return 0;
}

static void
check_db(const struct search_query *sq)
{
	char	*cause = NULL;
	int	 quotes;

	for (quotes = 0; quotes <= 1; quotes++)
		if (db_search(fuzz_db, sq, quotes, 5, hit_check, NULL,
		    &cause) < 0)
			fuzz_fail("db_search(quotes %d) fails: %s", quotes,
			    cause);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct search_query	*sq;
	char			*q, *cause = NULL, *e;
	const char		*text;
	size_t			 qlen, tlen;

	q = fuzz_strndup(data, size);
	qlen = strlen(q);
	if (qlen < size) {
		text = (const char *)data + qlen + 1;
		tlen = size - qlen - 1;
	} else {
		text = q;
		tlen = qlen;
	}
	sq = search_parse(q, &cause);
	if ((sq == NULL) == (cause == NULL) ||
	    (cause != NULL && *cause == '\0'))
		fuzz_fail("search_parse() gives %s and %s",
		    sq != NULL ? "a query" : "no query",
		    cause != NULL ? "a reason" : "no reason");
	free(cause);
	check_words(text, tlen);
	if (sq != NULL) {
		check_query(sq);
		e = search_fts_expr(sq);
		check_fts(sq, e);
		free(e);
		check_matches(sq, text, tlen);
		check_db(sq);
	}
	search_free(sq);
	free(q);
	return 0;
}
