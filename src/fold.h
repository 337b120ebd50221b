#ifndef FOLD_H
#define FOLD_H

#include <stddef.h>
#include <stdint.h>

/*
 * fold.c: the one case fold, for comparisons only (the text itself is
 * kept as published).  A character folds to lower case by Unicode's
 * simple mapping (Russian, the Kazakh letters Ә Ғ Қ Ң Ө Ұ Ү Һ І, Latin,
 * Greek alike) and ё to е; the stress mark U+0301 and the soft hyphen
 * U+00AD fold away; everything else, spaces and punctuation included,
 * stays as it is.  No normalization: import makes the text NFC, and a
 * combining mark other than U+0301 is kept.
 *
 * Segmentation, the word lists, speakers and their merge keys, search
 * and the reader all fold through here.  The archive stores folded
 * names (speakers.fold, speaker_aliases.fold, the merge key in
 * speakers.surname) and a search index of folded stems: a change to
 * what folds to what needs a schema step that recomputes them.
 */

struct buf;

/* The folded form of character c (c itself when it has none).  The
 * characters that fold away (fold_ignorable()) are returned as they are;
 * callers drop them first. */
uint32_t	 fold_char(uint32_t c);

/* Does c fold away: U+0301 (stress) or U+00AD (soft hyphen)? */
int		 fold_ignorable(uint32_t c);

/* Appends the folded form of s[0..len) to b.  A byte that is not valid
 * UTF-8 becomes U+FFFD, so what is appended is always valid. */
void		 fold_add(struct buf *b, const char *s, size_t len);

/* The folded form of s[0..len); the caller frees it. */
char		*fold_string(const char *s, size_t len);

/* A name folded for comparison: its words (runs of letters, digits and
 * inner hyphens) folded and joined by one space, every other character
 * a separator: "  Ерлан  Қ. Булекпаев-Ли " gives "ерлан қ булекпаев-ли".
 * The caller frees it. */
char		*fold_name(const char *name);

#endif /* FOLD_H */
