/*
 * fuzz_util.c: helpers of the libFuzzer targets: failing on a broken
 * invariant, the locale and word lists the program needs, and measures of
 * UTF-8 text written independently of text.c, which they check.
 */
#include "config.h"

#include "fuzz.h"

#include <locale.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <wchar.h>

#include "lexicon.h"
#include "text.h"
#include "util.h"

#ifndef FUZZ_SRCDIR
#define FUZZ_SRCDIR	"."
#endif

static size_t	utf8_seq(const unsigned char *, size_t, unsigned long *);

static struct lexicon	*fuzz_lexicon_loaded;

void
fuzz_fail(const char *fmt, ...)
{
	va_list	ap;

	fputs("fuzz: invariant broken: ", stderr);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
	fflush(stderr);
	abort();
}

/* Every target's set-up, the locale its checks need, unless the target
 * defines its own (fuzz_extract and fuzz_search load more). */
__attribute__((weak)) int
LLVMFuzzerInitialize(int *argc, char ***argv)
{
	(void)argc;
	(void)argv;
	fuzz_locale_setup();
	return 0;
}

void
fuzz_locale_setup(void)
{
	setlocale(LC_ALL, "");
	if (text_locale_setup(NULL) != TEXT_UTF8)
		fuzz_fail("no UTF-8 locale (LC_CTYPE %s)",
		    setlocale(LC_CTYPE, NULL));
}

char *
fuzz_datadir(void)
{
	const char	*env = getenv("CITATA_DATADIR");

	if (env != NULL && *env != '\0')
		return xstrdup(env);
	return xstrdup(FUZZ_SRCDIR "/data");
}

const struct lexicon *
fuzz_lexicon(void)
{
	char	*data, *dir, *cause = NULL;

	if (fuzz_lexicon_loaded != NULL)
		return fuzz_lexicon_loaded;
	data = fuzz_datadir();
	dir = xasprintf("%s/lexicon", data);
	if ((fuzz_lexicon_loaded = lexicon_load(dir, &cause)) == NULL) {
		fprintf(stderr, "fuzz: cannot load the word lists: %s (set "
		    "CITATA_DATADIR)\n", cause);
		exit(1);
	}
	free(dir);
	free(data);
	return fuzz_lexicon_loaded;
}

/* Length of the valid UTF-8 sequence at s (at most n bytes) with its code
 * point in *cp, or 0 when the bytes there are not one. */
static size_t
utf8_seq(const unsigned char *s, size_t n, unsigned long *cp)
{
	size_t	len, i;

	if (s[0] < 0x80) {
		*cp = s[0];
		return 1;
	}
	if (s[0] >= 0xc2 && s[0] <= 0xdf)
		len = 2, *cp = s[0] & 0x1f;
	else if (s[0] >= 0xe0 && s[0] <= 0xef)
		len = 3, *cp = s[0] & 0x0f;
	else if (s[0] >= 0xf0 && s[0] <= 0xf4)
		len = 4, *cp = s[0] & 0x07;
	else
		return 0;
	if (n < len)
		return 0;
	for (i = 1; i < len; i++) {
		if ((s[i] & 0xc0) != 0x80)
			return 0;
		*cp = (*cp << 6) | (s[i] & 0x3f);
	}
	if ((len == 3 && (*cp < 0x800 || (*cp >= 0xd800 && *cp <= 0xdfff))) ||
	    (len == 4 && (*cp < 0x10000 || *cp > 0x10ffff)))
		return 0;
	return len;
}

size_t
fuzz_utf8_prefix(const char *s, size_t n)
{
	const unsigned char	*u = (const unsigned char *)s;
	unsigned long		 cp;
	size_t			 off = 0, k;

	while (off < n) {
		if ((k = utf8_seq(u + off, n - off, &cp)) == 0)
			break;
		off += k;
	}
	return off;
}

int
fuzz_char_start(const char *s, size_t n, size_t off)
{
	return off == n || (off < n && ((unsigned char)s[off] & 0xc0) != 0x80);
}

size_t
fuzz_control_find(const char *s, size_t n)
{
	const unsigned char	*u = (const unsigned char *)s;
	unsigned long		 cp;
	size_t			 off = 0, k;

	while (off < n) {
		if ((k = utf8_seq(u + off, n - off, &cp)) == 0)
			k = 1;
		else if (cp < 0x20 || (cp >= 0x7f && cp <= 0x9f))
			return off;
		off += k;
	}
	return n;
}

int
fuzz_screen_width(const char *s)
{
	wchar_t	*w;
	size_t	 n = strlen(s) + 1;
	int	 r;

	w = xreallocarray(NULL, n, sizeof(*w));
	if (mbstowcs(w, s, n) == (size_t)-1)
		r = -1;
	else
		r = wcswidth(w, n);
	free(w);
	return r;
}

char *
fuzz_strndup(const uint8_t *data, size_t n)
{
	return xstrndup((const char *)data, n);
}
