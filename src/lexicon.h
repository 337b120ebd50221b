#ifndef LEXICON_H
#define LEXICON_H

#include <stddef.h>

/*
 * lexicon.c: the extractor's word lists (speech verbs and their forms,
 * framing phrases, role nouns, name endings), read from plain-text files
 * in a data directory so they can be extended without recompiling.
 *
 * Every list file holds one entry a line: a pattern, then optionally a tab
 * and a tag, then optionally a tab and a value.  A pattern is one or more
 * words separated by spaces; a word may hold one group of alternatives,
 * "заяв(ил|ила|или)", which expands to one entry per alternative, and a
 * word ending in "*" matches any word it begins.  Patterns are folded
 * as tokens are (fold.h) when loaded.  "#" starts a comment.
 */

enum lex_list {
	LEX_VERBS,		/* verbs.txt: speech verbs, tag = classes */
	LEX_PHRASES,		/* phrases.txt: framing phrases, tag = type */
	LEX_ROLES,		/* roles.txt: role nouns */
	LEX_GROUPS,		/* groups.txt: group nouns */
	LEX_INSTITUTIONS,	/* institutions.txt: value = nominative */
	LEX_MEDIA,		/* media.txt: media outlets and their nouns */
	LEX_FIRSTNAMES,		/* firstnames.txt: tag = m or f */
	LEX_STOP,		/* stopwords.txt: capitalised non-names */
	LEX_ENDINGS,		/* endings.txt: name case endings */
	LEX_PLACES,		/* places.txt: places, tag = nominative */
	LEX_NLISTS
};

struct lex_entry {
	char		**words;	/* folded; "x*" matches by prefix */
	size_t		  nwords;
	const char	 *tag;		/* "" when absent */
	const char	 *value;	/* "" when absent */
};

struct lexicon;

/* Loads every list from directory dir.  Returns NULL and sets *cause
 * ("FILE: reason" for a file missing or unreadable, "FILE:LINE: reason"
 * for a malformed line; the caller frees it).  The caller frees the result with
 * lexicon_free(). */
struct lexicon	*lexicon_load(const char *dir, char **cause);
void		 lexicon_free(struct lexicon *);

/* Returns the entry of list that matches the most of the folded words
 * w[0..n) from w[0] on, and its length in words in *len; NULL if none
 * matches.  Borrowed; valid until lexicon_free(). */
const struct lex_entry *lexicon_match(const struct lexicon *, enum lex_list,
		    const char *const *w, size_t n, size_t *len);

/* Same for one folded word. */
const struct lex_entry *lexicon_word(const struct lexicon *, enum lex_list,
		    const char *w);

/* The entries of a list in file order, for lists read as tables
 * (endings.txt).  Borrowed; valid until lexicon_free(). */
const struct lex_entry *lexicon_entries(const struct lexicon *,
		    enum lex_list, size_t *n);

#endif /* LEXICON_H */
