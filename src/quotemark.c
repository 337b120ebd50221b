/*
 * quotemark.c: the one table of quotation marks.
 */
#include "config.h"

#include "quotemark.h"

#include <stddef.h>

#define QM_OPEN		0x01	/* may open a quotation */
#define QM_CLOSE	0x02	/* may close one */
#define QM_SINGLE	0x04	/* a single mark, often an apostrophe */

/*
 * Every quotation mark.  Which closes which: « », „ “ (Russian, German)
 * and „ ” (Polish), “ ” (English), ‟ ”; single: ‹ ›, ‚ ‘, ‘ ’, ‛ ’.
 */
static const struct {
	uint32_t	c;
	unsigned char	flags;
} quotemarks[] = {
	{ 0x0022, QM_OPEN | QM_CLOSE },			/* " */
	{ 0x0027, QM_OPEN | QM_CLOSE | QM_SINGLE },	/* ' */
	{ 0x00ab, QM_OPEN },				/* « */
	{ 0x00bb, QM_CLOSE },				/* » */
	{ 0x2018, QM_OPEN | QM_CLOSE | QM_SINGLE },	/* ‘ */
	{ 0x2019, QM_CLOSE | QM_SINGLE },		/* ’ */
	{ 0x201a, QM_OPEN | QM_SINGLE },		/* ‚ */
	{ 0x201b, QM_OPEN | QM_SINGLE },		/* ‛ */
	{ 0x201c, QM_OPEN | QM_CLOSE },			/* “ */
	{ 0x201d, QM_CLOSE },				/* ” */
	{ 0x201e, QM_OPEN },				/* „ */
	{ 0x201f, QM_OPEN },				/* ‟ */
	{ 0x2039, QM_OPEN | QM_SINGLE },		/* ‹ */
	{ 0x203a, QM_CLOSE | QM_SINGLE }		/* › */
};

static int	quotemark_flags(uint32_t);

/* The flags of c, with QM_OPEN or QM_CLOSE set for a quotation mark;
 * 0 for any other character. */
static int
quotemark_flags(uint32_t c)
{
	size_t	i;

	if (c != 0x22 && c != 0x27 && c != 0xab && c != 0xbb &&
	    (c < 0x2018 || c > 0x203a))
		return 0;
	for (i = 0; i < sizeof(quotemarks) / sizeof(quotemarks[0]); i++)
		if (quotemarks[i].c == c)
			return quotemarks[i].flags;
	return 0;
}

int
quotemark_is(uint32_t c)
{
	return quotemark_flags(c) != 0;
}

int
quotemark_opens(uint32_t c)
{
	return (quotemark_flags(c) & (QM_OPEN | QM_SINGLE)) == QM_OPEN;
}

int
quotemark_closes(uint32_t c)
{
	return (quotemark_flags(c) & (QM_CLOSE | QM_SINGLE)) == QM_CLOSE;
}

char
quotemark_ascii(uint32_t c)
{
	int	f = quotemark_flags(c);

	if (f == 0)
		return 0;
	return (f & QM_SINGLE) ? '\'' : '"';
}
