#ifndef TEXT_H
#define TEXT_H

#include <stddef.h>

/*
 * text.c: the one place that knows about UTF-8 validity, normalization,
 * display width, fitting and wrapping.  Every string that reaches the
 * terminal goes through it.
 */

/* Returns 0 when s[0..len) is valid UTF-8, else -1 with *bad set to the
 * byte offset of the first invalid sequence. */
int	 text_utf8_check(const char *s, size_t len, size_t *bad);

/* Returns s[0..len) (valid UTF-8) in Unicode normalization form C, with
 * its length in *outlen.  The caller frees it. */
char	*text_nfc(const char *s, size_t len, size_t *outlen);

#endif /* TEXT_H */
