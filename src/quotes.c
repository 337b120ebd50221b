/*
 * quotes.c: find direct and indirect speech in an article.
 * Placeholder until the extraction work lands: finds nothing.
 * No I/O, no curses, no SQL.
 */
#include "config.h"

#include "quotes.h"

#include "article.h"
#include "lexicon.h"

size_t
quotes_extract(const struct lexicon *lx, const struct article *a,
    struct quote_list *ql)
{
	(void)lx;
	(void)a;
	(void)ql;
	return 0;
}
