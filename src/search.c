/*
 * search.c: parse the search query language (see search.h) and build the
 * FTS5 expression for it.  Stemming happens in the index's tokenizer,
 * which FTS5 applies to the query's quoted strings too.
 */
#include "config.h"

#include "search.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <unictype.h>
#include <unistr.h>

#include "import.h"
#include "stem.h"
#include "util.h"

static void	 list_add(char ***, size_t *, char *);
static size_t	 list_dedup(struct stemmer *, char **, size_t, size_t *);
static int	 key_add(void *, const char *, size_t, size_t, size_t);
static int	 key_cmp(const void *, const void *);
static void	 fts_quote(struct buf *, const char *);
static int	 has_word(const char *);
static int	 read_value(const char **, char **, char **, const char *);
static int	 collect_stem(void *, const char *, size_t, size_t, size_t);
static int	 stem_cmp(const void *, const void *);
static size_t	 stem_find(char *const *, size_t, const char *, size_t);
static int	 match_word(void *, const char *, size_t, size_t, size_t);
static int	 matcher_word(void *, const char *, size_t, size_t, size_t);
static size_t	 matcher_count(const struct search_matcher *, size_t);

/* Appends s to the array *v of *n strings, which doubles as it fills. */
static void
list_add(char ***v, size_t *n, char *s)
{
	if ((*n & (*n - 1)) == 0)	/* 0, 1, 2, 4...: full */
		*v = xreallocarray(*v, *n == 0 ? 1 : *n * 2, sizeof(**v));
	(*v)[(*n)++] = s;
}

/* A term as the index sees it: its words folded and stemmed. */
struct term_key {
	struct buf	 key;		/* the words, space-separated */
	size_t		 words;
	size_t		 i;		/* the term's place in the query */
};

static int
key_add(void *ctx, const char *tok, size_t len, size_t start, size_t end)
{
	struct term_key	*k = ctx;

	(void)start;
	(void)end;
	if (k->words++ > 0)
		buf_addc(&k->key, ' ');
	buf_add(&k->key, tok, len);
	return 0;
}

static int
key_cmp(const void *a, const void *b)
{
	const struct term_key	*x = a, *y = b;
	int			 c = strcmp(x->key.data, y->key.data);

	if (c != 0)
		return c;
	return x->i < y->i ? -1 : x->i > y->i;
}

/*
 * Drops from v[0..n) every term whose words, folded and stemmed, are
 * those of an earlier term ("а", "(а", "А" and "а," are one; so are
 * "конституция" and "конституции"): the index sees the same phrase,
 * so the results are the same, and FTS5 does work for each copy, its
 * snippets in the square of their number (5,000 copies of "а" took
 * 136 s).  Keeps the order of the rest; adds their words to *words.
 * Returns the new n.  Sorting makes it n log n.
 */
static size_t
list_dedup(struct stemmer *st, char **v, size_t n, size_t *words)
{
	struct term_key	*k;
	size_t		 i, m = 0;

	if (n == 0)
		return 0;
	k = xcalloc(n, sizeof(*k));
	for (i = 0; i < n; i++) {
		buf_init(&k[i].key);
		k[i].i = i;
		stem_tokenize(st, v[i], strlen(v[i]), 0, key_add, &k[i]);
	}
	qsort(k, n, sizeof(*k), key_cmp);
	for (i = 0; i < n; i++) {
		if (i > 0 && strcmp(k[i].key.data, k[i - 1].key.data) == 0) {
			free(v[k[i].i]);
			v[k[i].i] = NULL;
		} else
			*words += k[i].words;
	}
	for (i = 0; i < n; i++)
		buf_free(&k[i].key);
	free(k);
	for (i = 0; i < n; i++)
		if (v[i] != NULL)
			v[m++] = v[i];
	return m;
}

/* Whether s holds a letter or digit: a term of only punctuation would
 * make an empty FTS5 phrase. */
static int
has_word(const char *s)
{
	const uint8_t	*p = (const uint8_t *)s;
	size_t		 n = strlen(s);
	ucs4_t		 c;
	int		 k;

	while (n > 0) {
		k = u8_mbtouc(&c, p, n);
		if (uc_is_property_alphabetic(c) ||
		    uc_is_general_category(c, UC_CATEGORY_Nd))
			return 1;
		p += k;
		n -= (size_t)k;
	}
	return 0;
}

/*
 * Reads a word or a "quoted phrase" at *p, stores a copy in *out and moves
 * *p past it.  Returns -1 with *cause set for an unbalanced quotation
 * mark; q is the whole query, to give the column in characters.
 */
static int
read_value(const char **p, char **out, char **cause, const char *q)
{
	const char	*s = *p, *e;
	size_t		 col0;

	if (*s == '"') {
		if ((e = strchr(s + 1, '"')) == NULL) {
			col0 = u8_mbsnlen((const uint8_t *)q, (size_t)(s - q));
			*cause = xasprintf("unbalanced '\"' at column %zu",
			    col0 + 1);
			return -1;
		}
		*out = xstrndup(s + 1, (size_t)(e - s - 1));
		*p = e + 1;
		return 0;
	}
	e = s;
	while (*e != '\0' && *e != ' ' && *e != '\t' && *e != '\n')
		e++;
	*out = xstrndup(s, (size_t)(e - s));
	*p = e;
	return 0;
}

struct search_query *
search_parse(const char *q, char **cause)
{
	static const char	*keys[] = { "speaker:", "source:", "since:",
				    "until:", NULL };
	struct search_query	*sq = xcalloc(1, sizeof(*sq));
	struct stemmer		*st;
	const char		*p = q;
	char			*v, **slot;
	size_t			 k, kl, words = 0;
	int			 neg;

	*cause = NULL;
	while (*p != '\0') {
		if (*p == ' ' || *p == '\t' || *p == '\n') {
			p++;
			continue;
		}
		slot = NULL;
		for (k = 0; keys[k] != NULL; k++) {
			kl = strlen(keys[k]);
			if (strncmp(p, keys[k], kl) == 0)
				break;
		}
		if (keys[k] != NULL) {
			p += kl;
			if (read_value(&p, &v, cause, q) != 0)
				goto bad;
			slot = k == 0 ? &sq->speaker : k == 1 ? &sq->source :
			    k == 2 ? &sq->since : &sq->until;
			if (*v == '\0') {
				*cause = xasprintf("'%.*s' needs a value",
				    (int)kl, keys[k]);
				free(v);
				goto bad;
			}
			if (k >= 2 && import_date_valid(v, strlen(v)) != 0) {
				*cause = xasprintf("bad date '%s' after '%s' "
				    "(want YYYY-MM-DD)", v, keys[k]);
				free(v);
				goto bad;
			}
			if (*slot != NULL) {
				*cause = xasprintf("'%s' given twice",
				    keys[k]);
				free(v);
				goto bad;
			}
			*slot = v;
			continue;
		}
		neg = *p == '-';
		if (neg)
			p++;
		if (read_value(&p, &v, cause, q) != 0)
			goto bad;
		if (!has_word(v)) {
			free(v);	/* "-", "—", "..." mean nothing */
			continue;
		}
		if (neg)
			list_add(&sq->excluded, &sq->nexcluded, v);
		else
			list_add(&sq->terms, &sq->nterms, v);
	}
	if (sq->nterms == 0 && sq->nexcluded > 0) {
		*cause = xstrdup("only exclusions: say what to look for too");
		goto bad;
	}
	if (sq->nterms == 0 && sq->speaker == NULL && sq->source == NULL &&
	    sq->since == NULL && sq->until == NULL) {
		*cause = xstrdup("nothing to search for");
		goto bad;
	}
	if (sq->since != NULL && sq->until != NULL &&
	    strcmp(sq->since, sq->until) > 0) {
		*cause = xasprintf("since:%s is after until:%s", sq->since,
		    sq->until);
		goto bad;
	}
	st = stem_new();
	sq->nterms = list_dedup(st, sq->terms, sq->nterms, &words);
	sq->nexcluded = list_dedup(st, sq->excluded, sq->nexcluded, &words);
	stem_free(st);
	if (words > SEARCH_MAX_WORDS) {
		*cause = xasprintf("too long: %zu different words, at most %d",
		    words, SEARCH_MAX_WORDS);
		goto bad;
	}
	return sq;
bad:
	search_free(sq);
	return NULL;
}

void
search_free(struct search_query *sq)
{
	size_t	i;

	if (sq == NULL)
		return;
	for (i = 0; i < sq->nterms; i++)
		free(sq->terms[i]);
	for (i = 0; i < sq->nexcluded; i++)
		free(sq->excluded[i]);
	free(sq->terms);
	free(sq->excluded);
	free(sq->speaker);
	free(sq->source);
	free(sq->since);
	free(sq->until);
	free(sq);
}

/* Appends s as an FTS5 string: in double quotes, inner ones doubled. */
static void
fts_quote(struct buf *b, const char *s)
{
	buf_addc(b, '"');
	for (; *s != '\0'; s++) {
		if (*s == '"')
			buf_addc(b, '"');
		buf_addc(b, *s);
	}
	buf_addc(b, '"');
}

char *
search_fts_expr(const struct search_query *sq)
{
	struct buf	b;
	size_t		i;

	if (sq->nterms == 0)
		return NULL;
	buf_init(&b);
	for (i = 0; i < sq->nterms; i++) {
		if (i > 0)
			buf_adds(&b, " AND ");
		fts_quote(&b, sq->terms[i]);
	}
	for (i = 0; i < sq->nexcluded; i++) {
		buf_adds(&b, " NOT ");
		fts_quote(&b, sq->excluded[i]);
	}
	return buf_steal(&b);
}

/* The stems of the query's words, sorted, and the spans found so far. */
struct match_ctx {
	char			**stems;
	size_t			  nstems;
	struct search_span	 *spans;
	size_t			  n, cap;
};

static int
collect_stem(void *ctx, const char *tok, size_t len, size_t start,
    size_t end)
{
	struct match_ctx	*m = ctx;

	(void)start;
	(void)end;
	list_add(&m->stems, &m->nstems, xstrndup(tok, len));
	return 0;
}

static int
stem_cmp(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* The place of stem tok (len bytes, not NUL-terminated) in the sorted
 * stems[0..n), by binary search, or n when it is none of them. */
static size_t
stem_find(char *const *stems, size_t n, const char *tok, size_t len)
{
	size_t	lo = 0, hi = n, mid;
	int	c;

	while (lo < hi) {
		mid = lo + (hi - lo) / 2;
		/* strcmp() order: tok is not NUL-terminated. */
		if ((c = strncmp(tok, stems[mid], len)) == 0)
			c = stems[mid][len] == '\0' ? 0 : -1;
		if (c == 0)
			return mid;
		if (c < 0)
			hi = mid;
		else
			lo = mid + 1;
	}
	return n;
}

/* A word of the text: a match when its stem is one of the query's, found
 * by binary search, so a long query costs the log of its length a word. */
static int
match_word(void *ctx, const char *tok, size_t len, size_t start, size_t end)
{
	struct match_ctx	*m = ctx;

	if (stem_find(m->stems, m->nstems, tok, len) == m->nstems)
		return 0;
	if (m->n == m->cap) {
		m->cap = m->cap == 0 ? 16 : m->cap * 2;
		m->spans = xreallocarray(m->spans, m->cap, sizeof(*m->spans));
	}
	m->spans[m->n].start = start;
	m->spans[m->n].end = end;
	m->n++;
	return 0;
}

size_t
search_matches(struct stemmer *st, const struct search_query *sq,
    const char *text, size_t len, struct search_span **spans)
{
	struct match_ctx	m;
	size_t			i;

	memset(&m, 0, sizeof(m));
	for (i = 0; i < sq->nterms; i++)
		stem_tokenize(st, sq->terms[i], strlen(sq->terms[i]), 0,
		    collect_stem, &m);
	if (m.nstems > 0) {
		qsort(m.stems, m.nstems, sizeof(*m.stems), stem_cmp);
		stem_tokenize(st, text, len, 0, match_word, &m);
	}
	for (i = 0; i < m.nstems; i++)
		free(m.stems[i]);
	free(m.stems);
	*spans = m.spans;
	return m.n;
}

/*
 * A query's terms and exclusions as the full-text index compares them:
 * each a list of stems, numbered in a table of the query's stems, sorted
 * and each once, so that a word of a text is looked up once, however
 * many phrases hold it.
 */
struct search_matcher {
	struct stemmer	 *st;		/* borrowed */
	char		**stems;	/* sorted, each once */
	size_t		  nstems;
	struct {
		size_t	 *w;		/* its words' places in stems */
		size_t	  n;
	}		 *ph;		/* terms, then exclusions */
	size_t		  nph, nterms;
	size_t		 *tok;		/* the text's words: a place in
					   stems, or nstems for none */
	size_t		  ntok, cap;
	int		  empty;	/* a phrase with no word */
};

static int
matcher_word(void *ctx, const char *tok, size_t len, size_t start,
    size_t end)
{
	struct search_matcher	*m = ctx;
	size_t			 k = stem_find(m->stems, m->nstems, tok, len);

	(void)start;
	(void)end;
	if (m->ntok == m->cap) {
		m->cap = m->cap == 0 ? 256 : m->cap * 2;
		m->tok = xreallocarray(m->tok, m->cap, sizeof(*m->tok));
	}
	m->tok[m->ntok++] = k;
	return 0;
}

struct search_matcher *
search_matcher_new(struct stemmer *st, const struct search_query *sq)
{
	struct search_matcher	*m = xcalloc(1, sizeof(*m));
	struct match_ctx	 c;
	const char		*s;
	size_t			 i, j, k, n;

	m->st = st;
	m->nterms = sq->nterms;
	m->nph = sq->nterms + sq->nexcluded;
	m->ph = xcalloc(m->nph == 0 ? 1 : m->nph, sizeof(*m->ph));
	/* Every phrase's stems in a row, then the table of them. */
	memset(&c, 0, sizeof(c));
	for (i = 0; i < m->nph; i++) {
		s = i < sq->nterms ? sq->terms[i] : sq->excluded[i -
		    sq->nterms];
		n = c.nstems;
		stem_tokenize(st, s, strlen(s), 0, collect_stem, &c);
		m->ph[i].n = c.nstems - n;
		m->empty |= m->ph[i].n == 0;
	}
	m->stems = xcalloc(c.nstems == 0 ? 1 : c.nstems, sizeof(*m->stems));
	for (i = 0; i < c.nstems; i++)
		m->stems[i] = xstrdup(c.stems[i]);
	qsort(m->stems, c.nstems, sizeof(*m->stems), stem_cmp);
	for (i = 0, j = 0; i < c.nstems; i++) {
		if (j > 0 && strcmp(m->stems[i], m->stems[j - 1]) == 0)
			free(m->stems[i]);
		else
			m->stems[j++] = m->stems[i];
	}
	m->nstems = j;
	/* Each phrase's stems as places in the table. */
	for (i = 0, k = 0; i < m->nph; i++) {
		m->ph[i].w = xcalloc(m->ph[i].n + 1, sizeof(*m->ph[i].w));
		for (j = 0; j < m->ph[i].n; j++, k++) {
			m->ntok = 0;
			matcher_word(m, c.stems[k], strlen(c.stems[k]), 0, 0);
			m->ph[i].w[j] = m->tok[0];
		}
	}
	m->ntok = 0;
	for (i = 0; i < c.nstems; i++)
		free(c.stems[i]);
	free(c.stems);
	return m;
}

void
search_matcher_free(struct search_matcher *m)
{
	size_t	i;

	if (m == NULL)
		return;
	for (i = 0; i < m->nstems; i++)
		free(m->stems[i]);
	for (i = 0; i < m->nph; i++)
		free(m->ph[i].w);
	free(m->stems);
	free(m->ph);
	free(m->tok);
	free(m);
}

int
search_matcher_empty(const struct search_matcher *m)
{
	return m->empty;
}

/* Where phrase i of m stands in the text last tokenized: how many times,
 * overlapping ones each counted ("да да" twice in "да да да"). */
static size_t
matcher_count(const struct search_matcher *m, size_t i)
{
	size_t	at, j, n = 0;

	for (at = 0; at + m->ph[i].n <= m->ntok; at++) {
		for (j = 0; j < m->ph[i].n; j++)
			if (m->tok[at + j] != m->ph[i].w[j])
				break;
		n += j == m->ph[i].n;
	}
	return n;
}

int
search_matcher_test(struct search_matcher *m, const char *text, size_t len,
    double *freq, size_t *ntok)
{
	size_t	i, n;

	m->ntok = 0;
	stem_tokenize(m->st, text, len, 0, matcher_word, m);
	*ntok = m->ntok;
	for (i = 0; i < m->nph; i++) {
		n = matcher_count(m, i);
		if (i < m->nterms) {
			if (n == 0)
				return 0;
			freq[i] = (double)n;
		} else {
			if (n > 0)
				return 0;
			freq[i] = 0;
		}
	}
	return 1;
}
