#ifndef LEXICON_H
#define LEXICON_H

/*
 * lexicon.c: the extractor's word lists (speech verbs and their forms,
 * framing phrases, role nouns, name endings), read from plain-text files
 * in a data directory so they can be extended without recompiling.
 */

struct lexicon;

/* Loads every list from directory dir.  Returns NULL and sets *cause
 * (the caller frees it) when a file is missing, unreadable or malformed.
 * The caller frees the result with lexicon_free(). */
struct lexicon	*lexicon_load(const char *dir, char **cause);
void		 lexicon_free(struct lexicon *);

#endif /* LEXICON_H */
