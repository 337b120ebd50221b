#ifndef STEM_H
#define STEM_H

#include <stddef.h>

/*
 * stem.c: words for full-text search.  Splits text into words (letters,
 * digits and their combining marks, by libunistring's character
 * classes), folds them (lower case, ё to е, stress and other combining
 * marks dropped) and stems them with Snowball: the Russian stemmer for
 * Cyrillic words (Kazakh letters included), the English one for Latin
 * words; words with digits or mixed scripts are kept as folded.
 * Pure: no I/O.
 */

struct stemmer;

/* The caller frees it with stem_free(). */
struct stemmer	*stem_new(void);
void		 stem_free(struct stemmer *);

/* Receives one word: its folded, stemmed form tok[0..len) (borrowed for
 * the call) and the byte span [start, end) of the word in the text.
 * Returns 0 to go on. */
typedef int	(*stem_token_fn)(void *ctx, const char *tok, size_t len,
		    size_t start, size_t end);

/* Calls fn for each word of s[0..n) (which may be invalid UTF-8: bad bytes
 * separate words).  With spans_only, fn gets the word as written, neither
 * folded nor stemmed: the same words and spans, for callers that need
 * only where the words are (FTS5 snippets), at a fraction of the cost.
 * Returns 0, or the first non-zero value of fn. */
int	stem_tokenize(struct stemmer *, const char *s, size_t n,
	    int spans_only, stem_token_fn fn, void *ctx);

/* The folded, stemmed form of the single word s (the first word if there
 * are several); "" when s has none.  The caller frees it. */
char	*stem_word(struct stemmer *, const char *s);

#endif /* STEM_H */
