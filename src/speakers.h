#ifndef SPEAKERS_H
#define SPEAKERS_H

#include <stddef.h>

/*
 * speakers.c: people's names as a reader writes them.  Turns an inflected
 * mention (Ермаганбета Булекпаева) into the nominative (Ермаганбет
 * Булекпаев) with the patronymic dropped, decides gender, and gives the
 * archive layer a comparison key (merge.c decides who is one person).
 * No I/O.
 */

#include "article.h"

struct lexicon;

/* The grammatical case a construction puts a name in. */
enum speakers_case {
	SPEAKERS_NOM,		/* subject: отметил Булекпаев */
	SPEAKERS_GEN,		/* по словам Булекпаева */
	SPEAKERS_ACC,		/* цитирует Булекпаева */
	SPEAKERS_DAT,
	SPEAKERS_INS,
	SPEAKERS_PREP
};

/*
 * Returns the nominative of the name written as words w[0..n) (as in the
 * text, not folded) standing in case c, patronymic dropped, words joined
 * by spaces.  *g holds the gender known from context (the verb's
 * agreement) or GENDER_UNKNOWN, and on return the gender decided.
 * The caller frees the result.
 */
char	*speakers_normalize(const struct lexicon *lx, const char *const *w,
	    size_t n, enum speakers_case c, enum gender *g);

/* Returns nonzero when folded word w is a patronymic in any case
 * (Иванович, Сергеевны). */
int	 speakers_is_patronymic(const char *w);

/* Returns the gender of a known first name given folded, in the
 * nominative, or GENDER_UNKNOWN. */
enum gender speakers_first_gender(const struct lexicon *lx, const char *w);

/*
 * Returns nonzero when folded first names a and b are two spellings of
 * one name: as long, one letter apart, not the first, and the two
 * letters a voiced and a voiceless consonant of a pair (Асия and Азия,
 * from one name written by ear).  Дина and Тина differ at the first.
 */
int	 speakers_first_variant(const char *a, const char *b);

/*
 * Returns folded surname w past an Arabic article joined to it by a
 * hyphen (уль-малук: малук; аль-, эль-, ад-, ас-, ...), else w itself:
 * the article is dropped as often as it is written.
 */
const char *speakers_particle_skip(const char *w);

/* fold_name() of fold.h, under its old name for the extractor's callers.
 * The caller frees it. */
char	*speakers_fold(const char *name);


#endif /* SPEAKERS_H */
