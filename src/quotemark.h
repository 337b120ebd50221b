#ifndef QUOTEMARK_H
#define QUOTEMARK_H

#include <stdint.h>

/*
 * quotemark.c: the quotation marks, in one table: which may open a
 * quotation, which may close one, and which are single marks.  Russian
 * text quotes with «» outside and „“ inside; English-style “”, the
 * straight " and, rarely, ‟ turn up too.  “ is ambiguous (it closes „
 * and opens ”), and so is the straight ", which callers tell apart by
 * the spaces around it.  The single marks ‘’‚‛‹›' are apostrophes more
 * often than quotation marks, so the extraction's questions below are
 * about double marks only.
 */

/* Is c a quotation mark, single or double? */
int	quotemark_is(uint32_t c);

/* May double mark c open a quotation: " « „ “ ‟? */
int	quotemark_opens(uint32_t c);

/* May double mark c close a quotation: " » “ ”? */
int	quotemark_closes(uint32_t c);

/* The ASCII stand-in of quotation mark c, '"' or '\'', or 0 when c is
 * none. */
char	quotemark_ascii(uint32_t c);

#endif /* QUOTEMARK_H */
