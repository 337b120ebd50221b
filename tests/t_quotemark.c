/*
 * t_quotemark.c: the one table of quotation marks (quotemark.c).
 */
#include "config.h"

#include <stdint.h>

#include "quotemark.h"

#include "tap.h"

/* Which of the characters cs[0..n) pass fn, as a string of 0 and 1. */
static void
classes(int (*fn)(uint32_t), const uint32_t *cs, size_t n, char *out)
{
	size_t	i;

	for (i = 0; i < n; i++)
		out[i] = fn(cs[i]) ? '1' : '0';
	out[n] = '\0';
}

int
main(void)
{
	/* " ' « » ‘ ’ ‚ ‛ “ ” „ ‟ ‹ › and what is none: a - — ` ´ ″ 〝 ＂ */
	static const uint32_t	cs[] = {
		0x22, 0x27, 0xab, 0xbb, 0x2018, 0x2019, 0x201a, 0x201b,
		0x201c, 0x201d, 0x201e, 0x201f, 0x2039, 0x203a,
		'a', '-', 0x2014, '`', 0xb4, 0x2033, 0x301d, 0xff02, 0
	};
	char	got[32], asc[32];
	size_t	n = sizeof(cs) / sizeof(cs[0]), i;

	classes(quotemark_is, cs, n, got);
	is(got, "11111111111111000000000", "quotemark_is: the 14 marks, "
	    "no other character");
	classes(quotemark_opens, cs, n, got);
	is(got, "10100000101100000000000", "quotemark_opens: \" « “ „ ‟");
	classes(quotemark_closes, cs, n, got);
	is(got, "10010000110000000000000", "quotemark_closes: \" » “ ”");
	for (i = 0; i < n; i++)
		asc[i] = quotemark_ascii(cs[i]) == 0 ? '.' :
		    quotemark_ascii(cs[i]);
	asc[n] = '\0';
	is(asc, "\"'\"\"''''\"\"\"\"''.........",
	    "quotemark_ascii: double marks \", single ones '");
	ok(quotemark_opens(0x201c) && quotemark_closes(0x201c),
	    "“ is ambiguous: it closes „ and opens ”");
	ok(!quotemark_opens(0x2039) && !quotemark_closes(0x2018),
	    "single marks are none of extraction's opening or closing "
	    "marks");
	return tap_done();
}
