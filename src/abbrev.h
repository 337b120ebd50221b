#ifndef ABBREV_H
#define ABBREV_H

#include <stddef.h>

/*
 * abbrev.c: the one list of abbreviations after which a point does not
 * end a sentence ("г. Алматы", "ул. Абая", "т. е.", "и т. д.", "5 млн
 * руб."), and initials ("А. С. Пушкин", "Ә. Нұрланов").  Segmentation,
 * the titles import derives and line wrapping all ask here.  A static
 * table, not a word list under data/: the reader wraps text without the
 * extractor's lexicon.
 */

enum abbrev_kind {
	ABBREV_NONE,		/* an ordinary word */
	ABBREV_WORD,		/* in the list, in any case; or lower-case
				 * letters joined by points: "т.е", "и.о" */
	ABBREV_INITIAL		/* one capital letter */
};

/* What the word w[0..len), as written, is when a point follows it. */
enum abbrev_kind	abbrev_before_point(const char *w, size_t len);

#endif /* ABBREV_H */
