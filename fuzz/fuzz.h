#ifndef FUZZ_H
#define FUZZ_H

#include <stddef.h>
#include <stdint.h>

#include "import.h"

/*
 * fuzz_util.c and fuzz_import.c: what the libFuzzer targets share.  A
 * target checks the contracts of the headers in src/ on every input and
 * calls fuzz_fail() when one is broken, so that libFuzzer keeps the input
 * as a crash.  The checks measure text without text.c where they can,
 * since text.c is under test.
 */

struct lexicon;

/* The entry points libFuzzer calls: every target defines the second;
 * fuzz_util.c the first (the locale), unless the target does. */
int	LLVMFuzzerInitialize(int *, char ***);
int	LLVMFuzzerTestOneInput(const uint8_t *, size_t);

/* Writes "fuzz: invariant broken: MESSAGE" to standard error and aborts,
 * which libFuzzer reports as a crash. */
void	fuzz_fail(const char *, ...)
	    __attribute__((format(printf, 1, 2), noreturn));

/* Sets a UTF-8 LC_CTYPE as main() does (text_locale_setup()); fails when
 * none exists, since every width check needs one. */
void	fuzz_locale_setup(void);

/* The word lists, loaded on the first call from $CITATA_DATADIR/lexicon,
 * else from the source tree the target was built from.  Borrowed; lives
 * as long as the process. */
const struct lexicon *fuzz_lexicon(void);

/* $CITATA_DATADIR, else the data/ directory of the source tree.  The
 * caller frees it. */
char	*fuzz_datadir(void);

/* The length of the valid UTF-8 prefix of s[0..n): n when it is all
 * valid.  Overlong forms, surrogates and code points above U+10FFFF are
 * invalid, as in u8_check(). */
size_t	fuzz_utf8_prefix(const char *s, size_t n);

/* Whether byte off of s[0..n) starts a character (is not a UTF-8
 * continuation byte); off == n counts as a start. */
int	fuzz_char_start(const char *s, size_t n, size_t off);

/* The offset of the first control character (C0, DEL, C1) in the valid
 * UTF-8 s[0..n), or n when there is none. */
size_t	fuzz_control_find(const char *s, size_t n);

/* wcswidth() of the NUL-terminated valid UTF-8 s: the columns a terminal
 * gives it.  -1 when some character has no width. */
int	fuzz_screen_width(const char *s);

/* A NUL-terminated copy of data[0..n); the caller frees it. */
char	*fuzz_strndup(const uint8_t *data, size_t n);

/*
 * The importer targets: parses data[0..n) as a file in format fmt, checks
 * every article and diagnostic, and imports each article again from its
 * export_article_jsonl() form, which must give the same article.
 */
void	fuzz_import(const uint8_t *data, size_t n, enum import_format fmt);

#endif /* FUZZ_H */
