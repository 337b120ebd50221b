/*
 * text.c: UTF-8 validity and normalization, display width, fitting and
 * wrapping for the terminal.  libunistring does the Unicode work.
 */
#include "config.h"

#include "text.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <uninorm.h>
#include <unistr.h>

#include "util.h"

int
text_utf8_check(const char *s, size_t len, size_t *bad)
{
	const uint8_t	*p = u8_check((const uint8_t *)s, len);

	if (p == NULL)
		return 0;
	if (bad != NULL)
		*bad = (size_t)(p - (const uint8_t *)s);
	return -1;
}

char *
text_nfc(const char *s, size_t len, size_t *outlen)
{
	uint8_t	*r;
	char	*out;
	size_t	 n = 0;

	r = u8_normalize(UNINORM_NFC, (const uint8_t *)s, len, NULL, &n);
	if (r == NULL)		/* only on exhaustion or invalid input */
		fatal("cannot normalize text");
	out = xstrndup((const char *)r, n);
	free(r);
	*outlen = n;
	return out;
}
