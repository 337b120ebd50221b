/*
 * extractbench.c: how fast quotes_extract() is.  Cuts a file in the seed
 * format (by default the 8.6 MB news pool in ../shared) into articles,
 * extracts the quotes of every article several times, and prints the
 * best MB/s on one core with the number of quotes found.
 *
 * usage: extractbench [-n runs] [file]
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "article.h"
#include "bench.h"
#include "import.h"
#include "lexicon.h"
#include "quotes.h"
#include "util.h"

struct span {
	size_t	start, len;
};

static size_t	 split(const char *, size_t, struct span **);
static void	 run(const struct lexicon *, char *, const struct span *,
		    size_t, size_t *, double *, double *);

/*
 * Each record starts with a line " date YYYY-MM-DD " and its first
 * paragraph; the article text runs from after the date to the next
 * record.  Returns the number of articles; the caller frees *out.
 */
static size_t
split(const char *s, size_t len, struct span **out)
{
	size_t	off = 0, n = 0, cap = 0, cur = (size_t)-1;

	*out = NULL;
	while (off < len) {
		const char	*nl = memchr(s + off, '\n', len - off);
		size_t		 end = nl != NULL ? (size_t)(nl - s) : len;

		if (end - off >= 17 && memcmp(s + off, " date ", 6) == 0) {
			if (cur != (size_t)-1)
				(*out)[cur].len = off - (*out)[cur].start;
			if (n == cap) {
				cap = cap * 2 + 256;
				*out = xreallocarray(*out, cap, sizeof(**out));
			}
			cur = n++;
			(*out)[cur].start = off + 17;
		}
		off = end + 1;
	}
	if (cur != (size_t)-1)
		(*out)[cur].len = len - (*out)[cur].start;
	return n;
}

/* Seconds for one extraction of every article; quotes in *nq. */
/* One pass over every article: wall and CPU seconds. */
static void
run(const struct lexicon *lx, char *s, const struct span *sp, size_t n,
    size_t *nq, double *wall, double *cpu)
{
	struct article		a;
	struct quote_list	ql;
	size_t			i;
	double			t0 = bench_clock(CLOCK_MONOTONIC);
	double			c0 = bench_clock(CLOCK_PROCESS_CPUTIME_ID);

	*nq = 0;
	memset(&a, 0, sizeof(a));
	for (i = 0; i < n; i++) {
		a.text = s + sp[i].start;
		a.len = sp[i].len;
		quote_list_init(&ql);
		*nq += quotes_extract(lx, &a, &ql);
		quote_list_free(&ql);
	}
	*wall = bench_clock(CLOCK_MONOTONIC) - t0;
	*cpu = bench_clock(CLOCK_PROCESS_CPUTIME_ID) - c0;
}

int
main(int argc, char **argv)
{
	const char	*top = getenv("top_srcdir"), *data;
	char		*path, *dir, *s, *cause = NULL;
	struct lexicon	*lx;
	struct span	*sp;
	size_t		 len, n, nq = 0, bytes = 0, i;
	double		 best = 1e9, bestcpu = 1e9, t, c;
	int		 runs = 3, ch, r;

	while ((ch = getopt(argc, argv, "n:")) != -1) {
		switch (ch) {
		case 'n':
			runs = atoi(optarg);
			break;
		default:
			fprintf(stderr, "usage: extractbench [-n runs] "
			    "[file]\n");
			return 2;
		}
	}
	if (top == NULL)
		top = ".";
	if (optind < argc)
		path = xstrdup(argv[optind]);
	else
		path = xasprintf("%s/../shared/corpus/pool/articles.txt", top);
	if ((data = getenv("CITATA_DATADIR")) != NULL)
		dir = xasprintf("%s/lexicon", data);
	else
		dir = xasprintf("%s/data/lexicon", top);
	if ((lx = lexicon_load(dir, &cause)) == NULL) {
		fprintf(stderr, "extractbench: %s\n", cause);
		free(cause);
		free(dir);
		free(path);
		return 1;
	}
	free(dir);
	if ((s = bench_slurp(path, &len)) == NULL) {
		printf("extractbench: %s not found, nothing to measure\n",
		    path);
		lexicon_free(lx);
		free(path);
		return 0;
	}
	n = split(s, len, &sp);
	for (i = 0; i < n; i++)
		bytes += sp[i].len;
	if (runs < 1)
		runs = 1;
	for (r = 0; r < runs; r++) {
		run(lx, s, sp, n, &nq, &t, &c);
		if (t < best)
			best = t;
		if (c < bestcpu)
			bestcpu = c;
	}
	/* CPU time too: on a busy machine the wall clock also counts
	 * the time other processes had the core. */
	printf("extract: %zu articles, %.1f MB, %zu quotes, best of %d: "
	    "%.3f s, %.1f MB/s (CPU time %.3f s, %.1f MB/s)\n", n,
	    bytes / 1e6, nq, runs, best, bytes / 1e6 / best, bestcpu,
	    bytes / 1e6 / bestcpu);
	free(sp);
	free(s);
	free(path);
	lexicon_free(lx);
	return 0;
}
