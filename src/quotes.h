#ifndef QUOTES_H
#define QUOTES_H

#include <stddef.h>

struct article;
struct lexicon;
struct quote_list;

/* Appends every quote found in a->text to ql, in text order; returns how
 * many were added.  Pure: no I/O.  Quotes refer to a->text by byte offset,
 * so a must outlive ql. */
size_t	quotes_extract(const struct lexicon *lx, const struct article *a,
	    struct quote_list *ql);

#endif /* QUOTES_H */
