/*
 * bench.h: what the bench programs share: a clock, a whole file, and a
 * pool of articles read with import_parse().  Header-only, as
 * tests/tap.h, so that each program stays one file.
 */
#ifndef BENCH_H
#define BENCH_H

#include <stdio.h>
#include <stdlib.h>
#include <time.h>

#include "article.h"
#include "import.h"
#include "util.h"

/* Seconds on clock (CLOCK_MONOTONIC, CLOCK_PROCESS_CPUTIME_ID). */
static inline double
bench_clock(clockid_t clock)
{
	struct timespec	ts;

	clock_gettime(clock, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

/* Wall-clock seconds. */
static inline double
bench_now(void)
{
	return bench_clock(CLOCK_MONOTONIC);
}

/* The whole file; the caller frees it.  NULL if it cannot be read. */
static inline char *
bench_slurp(const char *path, size_t *len)
{
	char	*cause = NULL, *s = import_read_file(path, len, &cause);

	free(cause);
	return s;
}

/* Articles kept as import_parse() gives them (its callback). */
struct bench_pool {
	struct article	**a;
	size_t		  n, cap;
};

static inline int
bench_pool_add(void *ctx, struct article *a)
{
	struct bench_pool	*p = ctx;

	if (p->n == p->cap) {
		p->cap = p->cap == 0 ? 1024 : p->cap * 2;
		p->a = xreallocarray(p->a, p->cap, sizeof(*p->a));
	}
	p->a[p->n++] = a;
	return 0;
}

/* The pool of articles the benchmarks read: path when given, else
 * ../shared/corpus/pool/articles.txt beside $top_srcdir (or "."). */
static inline char *
bench_pool_path(const char *path)
{
	const char	*top = getenv("top_srcdir");

	if (path != NULL)
		return xstrdup(path);
	return xasprintf("%s/../shared/corpus/pool/articles.txt",
	    top != NULL ? top : ".");
}

static inline void
bench_pool_diag(void *ctx, const char *file, long line, long col,
    const char *reason)
{
	(void)ctx;
	fprintf(stderr, "%s:%ld:%ld: %s\n", file, line, col, reason);
}

/* The articles of the seed-format file path into p; 0, or -1 when the
 * file cannot be read. */
static inline int
bench_pool_read(const char *path, struct bench_pool *p)
{
	struct import_result	 res = { 0, 0 };
	char			*data;
	size_t			 len;

	if ((data = bench_slurp(path, &len)) == NULL)
		return -1;
	import_parse(path, data, len, IMPORT_TEXT, bench_pool_add,
	    bench_pool_diag, p, &res);
	free(data);
	return 0;
}

#endif /* BENCH_H */
