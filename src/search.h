#ifndef SEARCH_H
#define SEARCH_H

#include <stddef.h>

/*
 * search.c: the search query language, parsed into its parts; db.c turns
 * them into SQL.  Pure: no I/O.
 *
 *   words        every word must match, in any inflected form
 *   "a phrase"   the words in this order
 *   -word        excludes; also -"a phrase"
 *   speaker:X    only quotes of speaker X, any form of the name;
 *                speaker:"Имя Фамилия" for several words
 *   source:X     only articles of source X (case-insensitive)
 *   since:DATE   only articles of DATE (YYYY-MM-DD) or later
 *   until:DATE   only articles of DATE or earlier
 */

struct search_query {
	char	**terms;	/* words and phrases, as typed */
	size_t	  nterms;
	char	**excluded;	/* words and phrases after '-' */
	size_t	  nexcluded;
	char	 *speaker;	/* NULL when not given */
	char	 *source;
	char	 *since;
	char	 *until;
};

/* The most words a query may search for, counted once each (a pasted
 * paragraph is some 100). */
#define SEARCH_MAX_WORDS	1000

/* Parses q.  Returns NULL and sets *cause (the caller frees it) when q is
 * malformed: an unbalanced quotation mark, an empty filter, a bad date,
 * nothing to search for, only exclusions, or more than SEARCH_MAX_WORDS
 * words.  A term or exclusion whose words are those of an earlier one
 * (as the index folds and stems them: "Конституции" and "конституция")
 * is left out, as it would find the same.  The caller frees the result
 * with search_free(). */
struct search_query	*search_parse(const char *q, char **cause);
void			 search_free(struct search_query *);

struct stemmer;

/* A match in a text: a byte span. */
struct search_span {
	size_t	start, end;
};

/*
 * Finds in text[0..len) every word matching a word of the query's terms
 * (each word of a phrase counts on its own), compared as the index
 * compares them (stem.c).  Stores the spans, in text order, in a new
 * array *spans (the caller frees it; NULL when none) and returns their
 * number.  For highlighting the matches of a search in an article.
 */
size_t	search_matches(struct stemmer *st, const struct search_query *sq,
	    const char *text, size_t len, struct search_span **spans);

/* The FTS5 expression matching the query's terms (each one quoted, so no
 * input can be read as FTS5 syntax), or NULL when it has no terms.  The
 * caller frees it. */
char	*search_fts_expr(const struct search_query *);

/*
 * The query matched here, word by word, as the full-text index matches
 * it (for the few quotes of a speaker: FTS5 sets up its look-ups afresh
 * for each row it is asked about, some 100 times the cost).  A phrase
 * matches where its words stand in a row; every term must match and no
 * exclusion.  st is borrowed and must outlive the matcher; the caller
 * frees it with search_matcher_free().
 */
struct search_matcher;
struct search_matcher	*search_matcher_new(struct stemmer *st,
			    const struct search_query *sq);
void			 search_matcher_free(struct search_matcher *);

/* Whether a term or exclusion has no word the index would keep ("\u0301"
 * alone), which FTS5 treats its own way: such a query is left to it. */
int	search_matcher_empty(const struct search_matcher *);

/*
 * Whether text[0..len) matches.  Sets *ntok to its number of words and,
 * when it matches, freq[i] to how many times term i stands in it (the
 * instances FTS5's xInst() reports, overlapping ones too), then 0 for
 * each exclusion: freq holds nterms + nexcluded values.
 */
int	search_matcher_test(struct search_matcher *, const char *text,
	    size_t len, double *freq, size_t *ntok);

#endif /* SEARCH_H */
