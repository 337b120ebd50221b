/*
 * wrapbench.c: how fast text_wrap() is.  Wraps a whole file (by default
 * the 8.6 MB news corpus in ../shared) at 79 columns several times,
 * prints the best MB/s for text_wrap() alone and with every line
 * rendered, checks that no line is wider than 79, and times
 * "fold -w 79" on the same file for comparison.
 *
 * usage: wrapbench [-n runs] [-w cols] [file]
 */
#include "config.h"

#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "bench.h"
#include "import.h"
#include "text.h"
#include "util.h"

static double	run_wrap(const char *, size_t, int, int, size_t *, int *,
		    size_t *);
static double	run_fold(const char *, int);

/* Seconds for one wrap of s (with rendering when render is set); the
 * line count, the widest line and the rendered bytes go in *nlines,
 * *widest and *bytes. */
static double
run_wrap(const char *s, size_t len, int cols, int render, size_t *nlines,
    int *widest, size_t *bytes)
{
	struct text_line	*l;
	size_t			 i, n, rn, sink = 0;
	double			 t0;
	char			*r;

	t0 = bench_now();
	n = text_wrap(s, len, cols, &l);
	if (render)
		for (i = 0; i < n; i++) {
			r = text_line_render(s, &l[i], &rn);
			sink += rn;
			free(r);
		}
	t0 = bench_now() - t0;
	*widest = 0;
	for (i = 0; i < n; i++)
		if (l[i].width > *widest)
			*widest = l[i].width;
	*nlines = n;
	*bytes = sink;
	free(l);
	return t0;
}

/* Seconds for "fold -w cols path > /dev/null", or -1. */
static double
run_fold(const char *path, int cols)
{
	char	*cmd;
	double	 t0;
	int	 rc;

	cmd = xasprintf("fold -w %d '%s' > /dev/null", cols, path);
	t0 = bench_now();
	rc = system(cmd);
	t0 = bench_now() - t0;
	free(cmd);
	return rc == 0 ? t0 : -1;
}

int
main(int argc, char *argv[])
{
	const char	*top = getenv("top_srcdir");
	char		*path, *s;
	size_t		 len, nlines = 0, bytes = 0;
	double		 t, best_wrap = 1e9, best_render = 1e9;
	double		 best_fold = 1e9;
	int		 ch, runs = 5, cols = 79, i, widest = 0, bad = 0;

	while ((ch = getopt(argc, argv, "n:w:")) != -1) {
		switch (ch) {
		case 'n':
			runs = atoi(optarg);
			break;
		case 'w':
			cols = atoi(optarg);
			break;
		default:
			fprintf(stderr, "usage: wrapbench [-n runs] [-w cols] "
			    "[file]\n");
			return 2;
		}
	}
	if (optind < argc)
		path = xstrdup(argv[optind]);
	else
		path = xasprintf("%s/../shared/corpus/pool/articles.txt",
		    top != NULL ? top : ".");
	setlocale(LC_ALL, "");
	text_locale_setup(NULL);
	if ((s = bench_slurp(path, &len)) == NULL) {
		printf("wrapbench: %s not found, nothing to measure\n", path);
		free(path);
		return 0;
	}

	if (runs < 1)
		runs = 1;
	for (i = 0; i < runs; i++) {
		if ((t = run_wrap(s, len, cols, 0, &nlines, &widest,
		    &bytes)) < best_wrap)
			best_wrap = t;
		bad |= widest > cols;
		if ((t = run_wrap(s, len, cols, 1, &nlines, &widest,
		    &bytes)) < best_render)
			best_render = t;
		if ((t = run_fold(path, cols)) >= 0 && t < best_fold)
			best_fold = t;
	}
	printf("file: %s, %.2f MB, %zu lines at %d columns, widest %d\n",
	    path, (double)len / 1e6, nlines, cols, widest);
	printf("text_wrap:          %8.1f MB/s  (best of %d)\n",
	    (double)len / 1e6 / best_wrap, runs);
	printf("text_wrap + render: %8.1f MB/s  (%zu bytes drawn)\n",
	    (double)len / 1e6 / best_render, bytes);
	if (best_fold < 1e9)
		printf("fold -w %d:         %8.1f MB/s  (counts bytes, "
		    "not columns)\n", cols, (double)len / 1e6 / best_fold);
	free(s);
	free(path);
	if (bad) {
		printf("FAIL: a line is wider than %d columns\n", cols);
		return 1;
	}
	return 0;
}
