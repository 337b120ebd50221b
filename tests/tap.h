/*
 * tap.h: a minimal Test Anything Protocol emitter for the unit tests.
 * Header-only so every test program stays one file.
 */
#ifndef TAP_H
#define TAP_H

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int	tap_n;
static int	tap_failed;

static inline int
tap_ok(int cond, const char *fmt, ...)
{
	va_list	ap;

	tap_n++;
	if (!cond)
		tap_failed++;
	printf("%sok %d - ", cond ? "" : "not ", tap_n);
	va_start(ap, fmt);
	vprintf(fmt, ap);
	va_end(ap);
	putchar('\n');
	fflush(stdout);
	return cond;
}

#define ok(cond, ...)	tap_ok((cond) != 0, __VA_ARGS__)

/* Compares two strings and shows both when they differ. */
static inline int
tap_is(const char *got, const char *want, const char *name)
{
	int	same = (got == NULL && want == NULL) ||
	    (got != NULL && want != NULL && strcmp(got, want) == 0);

	if (!tap_ok(same, "%s", name)) {
		printf("#   got:  '%s'\n", got != NULL ? got : "(null)");
		printf("#   want: '%s'\n", want != NULL ? want : "(null)");
	}
	return same;
}

#define is(got, want, name)	tap_is((got), (want), (name))

static inline void
tap_diag(const char *fmt, ...)
{
	va_list	ap;

	printf("# ");
	va_start(ap, fmt);
	vprintf(fmt, ap);
	va_end(ap);
	putchar('\n');
}

/* The file $top_srcdir/rel (else ./rel) whole, NUL-terminated, its
 * length in *len; on failure a diagnostic and "" (*len 0), so that the
 * checks on it fail rather than crash.  The caller frees it. */
static inline char *
tap_slurp(const char *rel, size_t *len)
{
	const char	*top = getenv("top_srcdir");
	char		 path[4096];
	char		*data = NULL;
	FILE		*fp = NULL;
	long		 n = -1;

	snprintf(path, sizeof(path), "%s/%s", top != NULL ? top : ".", rel);
	if ((fp = fopen(path, "rb")) != NULL && fseek(fp, 0, SEEK_END) == 0 &&
	    (n = ftell(fp)) >= 0 && fseek(fp, 0, SEEK_SET) == 0 &&
	    (data = malloc((size_t)n + 1)) != NULL)
		*len = fread(data, 1, (size_t)n, fp);
	else {
		tap_diag("cannot read %s", path);
		if ((data = malloc(1)) == NULL)
			abort();
		*len = 0;
	}
	data[*len] = '\0';
	if (fp != NULL)
		fclose(fp);
	return data;
}

/* Prints the plan; returns the exit status for main(). */
static inline int
tap_done(void)
{
	printf("1..%d\n", tap_n);
	return tap_failed != 0;
}

#endif /* TAP_H */
