/*
 * lexicon.c: word lists for the extractor.  Placeholder until the
 * extraction work lands: loads nothing and always succeeds.
 */
#include "config.h"

#include "lexicon.h"

#include <stdlib.h>

#include "util.h"

struct lexicon {
	int	unused;
};

struct lexicon *
lexicon_load(const char *dir, char **cause)
{
	(void)dir;
	(void)cause;
	return xcalloc(1, sizeof(struct lexicon));
}

void
lexicon_free(struct lexicon *lx)
{
	free(lx);
}
