/*
 * querybench.c: every form of search on a large archive, as a user runs
 * it: "citata -d DB search ..." started as a process for each query, so
 * that start-up, opening the archive and printing count.  A fixed set of
 * queries (fixed seed) made from the pool's words and the archive's own
 * speakers, sources and dates:
 *
 *	words      one word; two words
 *	common     one of the pool's 20 most frequent words of 6 letters or
 *	           more ("президент", "заявил")
 *	phrase     two words that stand together in a pool article, quoted
 *	exclude    a common word and -another word
 *	speaker    speaker:"Name" alone, and with a word
 *	source     source:"Name" with a common word
 *	since      since:DATE with a common word (dates spread over the
 *	until      archive's, and one past either end)
 *	quotes     --quotes with a word
 *
 *	querybench [-v] [-c citata] [-n per-form] -d DB [POOL]
 *
 * Each query runs once to warm the cache, then once timed; -v prints
 * every query with both times.  Prints the median and worst time of each
 * form, and over all queries the median, 90th percentile and worst
 * (targets: median <= 20 ms, worst <= 200 ms).  A query that finds
 * nothing (exit 1) counts; exits 1 when a query fails (exit 2).
 */
#include "config.h"

#include <fcntl.h>
#include <spawn.h>
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "bench.h"
#include "stem.h"

extern char	**environ;

struct query {
	const char	*form;
	char		*text;		/* the query, as one argument */
	int		 quotes;	/* --quotes */
	double		 cold, warm;	/* ms */
};

static struct query	*qs;
static size_t		 nq, capq;

static unsigned long	seed = 20261207;

static unsigned long
rnd(void)
{
	seed = seed * 6364136223846793005UL + 1442695040888963407UL;
	return seed >> 33;
}

static void
add(const char *form, int quotes, char *text)
{
	if (nq == capq) {
		capq = capq == 0 ? 128 : capq * 2;
		qs = xreallocarray(qs, capq, sizeof(*qs));
	}
	qs[nq].form = form;
	qs[nq].text = text;
	qs[nq].quotes = quotes;
	qs[nq].cold = qs[nq].warm = 0;
	nq++;
}

/* The pool's words as written, by their spans, one list per article. */
struct span {
	size_t	start, end;
};

struct words {
	const char	*text;
	struct span	*w;
	size_t		 n, cap;
};

static int
word_span(void *ctx, const char *tok, size_t len, size_t start, size_t end)
{
	struct words	*ws = ctx;

	(void)tok;
	(void)len;
	if (ws->n == ws->cap) {
		ws->cap = ws->cap == 0 ? 256 : ws->cap * 2;
		ws->w = xreallocarray(ws->w, ws->cap, sizeof(*ws->w));
	}
	ws->w[ws->n].start = start;
	ws->w[ws->n].end = end;
	ws->n++;
	return 0;
}

/* Characters of UTF-8 s[0..n). */
static size_t
chars(const char *s, size_t n)
{
	size_t	i, k = 0;

	for (i = 0; i < n; i++)
		k += ((unsigned char)s[i] & 0xc0) != 0x80;
	return k;
}

/* A word of at least 5 characters, no digit, from a random article. */
static char *
pool_word(struct words *aw, size_t na)
{
	struct words	*ws;
	struct span	*s;
	size_t		 i;

	for (;;) {
		ws = &aw[rnd() % na];
		if (ws->n == 0)
			continue;
		s = &ws->w[rnd() % ws->n];
		if (chars(ws->text + s->start, s->end - s->start) < 5)
			continue;
		for (i = s->start; i < s->end; i++)
			if (ws->text[i] >= '0' && ws->text[i] <= '9')
				break;
		if (i == s->end)
			return xstrndup(ws->text + s->start,
			    s->end - s->start);
	}
}

/* Two words standing together (one space between), as a phrase. */
static char *
pool_phrase(struct words *aw, size_t na)
{
	struct words	*ws;
	size_t		 i;

	for (;;) {
		ws = &aw[rnd() % na];
		if (ws->n < 2)
			continue;
		i = rnd() % (ws->n - 1);
		if (ws->w[i + 1].start != ws->w[i].end + 1 ||
		    ws->text[ws->w[i].end] != ' ' ||
		    ws->w[i].end - ws->w[i].start < 4 ||
		    ws->w[i + 1].end - ws->w[i + 1].start < 4)
			continue;
		return xasprintf("\"%.*s\"",
		    (int)(ws->w[i + 1].end - ws->w[i].start),
		    ws->text + ws->w[i].start);
	}
}

/* The most frequent words of 6 characters or more ("президент",
 * "заявил"), by a count over the pool. */
struct count {
	char	*word;
	long	 n;
};

static int
count_cmp(const void *a, const void *b)
{
	const struct count *x = a, *y = b;

	if (x->n != y->n)
		return x->n > y->n ? -1 : 1;
	return strcmp(x->word, y->word);
}

static int
str_cmp(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

static char **
common_words(struct words *aw, size_t na, size_t want)
{
	char		**all = NULL, **top;
	struct count	 *c = NULL;
	size_t		  n = 0, cap = 0, nc = 0, i, j;

	for (i = 0; i < na; i++)
		for (j = 0; j < aw[i].n; j++) {
			struct span *s = &aw[i].w[j];

			if (chars(aw[i].text + s->start, s->end - s->start) <
			    6)
				continue;
			if (n == cap) {
				cap = cap == 0 ? 65536 : cap * 2;
				all = xreallocarray(all, cap, sizeof(*all));
			}
			all[n++] = xstrndup(aw[i].text + s->start,
			    s->end - s->start);
		}
	qsort(all, n, sizeof(*all), str_cmp);
	c = xreallocarray(NULL, n + 1, sizeof(*c));
	for (i = 0; i < n; i = j) {
		for (j = i + 1; j < n && strcmp(all[i], all[j]) == 0; j++)
			;
		c[nc].word = all[i];
		c[nc++].n = (long)(j - i);
	}
	qsort(c, nc, sizeof(*c), count_cmp);
	top = xcalloc(want, sizeof(*top));
	for (i = 0; i < want && i < nc; i++)
		top[i] = xstrdup(c[i].word);
	for (i = 0; i < n; i++)
		free(all[i]);
	free(all);
	free(c);
	return top;
}

/* Rows of one column from the archive, at most max. */
static char **
column(sqlite3 *h, const char *sql, size_t max, size_t *np)
{
	sqlite3_stmt	*st;
	char		**v = xcalloc(max, sizeof(*v));
	size_t		  n = 0;

	if (sqlite3_prepare_v2(h, sql, -1, &st, NULL) != SQLITE_OK)
		fatal("%s: %s", sql, sqlite3_errmsg(h));
	while (n < max && sqlite3_step(st) == SQLITE_ROW)
		if (sqlite3_column_text(st, 0) != NULL)
			v[n++] = xstrdup((const char *)sqlite3_column_text(st,
			    0));
	sqlite3_finalize(st);
	*np = n;
	return v;
}

/* Runs one query; returns its wall time in ms, or -1 if it failed. */
static double
run(const char *citata, const char *db, const struct query *q)
{
	posix_spawn_file_actions_t	fa;
	char	*argv[7];
	double	 t0;
	pid_t	 pid;
	int	 st, i = 0;

	argv[i++] = (char *)citata;
	argv[i++] = (char *)"-d";
	argv[i++] = (char *)db;
	argv[i++] = (char *)"search";
	if (q->quotes)
		argv[i++] = (char *)"--quotes";
	argv[i++] = q->text;
	argv[i] = NULL;
	posix_spawn_file_actions_init(&fa);
	posix_spawn_file_actions_addopen(&fa, 1, "/dev/null", O_WRONLY, 0);
	t0 = bench_now();
	if (posix_spawn(&pid, citata, &fa, NULL, argv, environ) != 0)
		fatal("cannot start %s", citata);
	posix_spawn_file_actions_destroy(&fa);
	/* 1: nothing found, which is an answer too. */
	if (waitpid(pid, &st, 0) < 0 || !WIFEXITED(st) ||
	    WEXITSTATUS(st) > 1)
		return -1;
	return (bench_now() - t0) * 1000;
}

static int
dbl_cmp(const void *a, const void *b)
{
	double	x = *(const double *)a, y = *(const double *)b;

	return x < y ? -1 : x > y;
}

/* Median and worst of v[0..n), sorted in place. */
static void
stats(double *v, size_t n, double *med, double *p90, double *worst)
{
	qsort(v, n, sizeof(*v), dbl_cmp);
	*med = n % 2 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
	*p90 = v[(n * 9) / 10 < n ? (n * 9) / 10 : n - 1];
	*worst = v[n - 1];
}

int
main(int argc, char **argv)
{
	const char		*citata = "./src/citata", *db = NULL;
	const char		*forms[] = { "words", "common", "phrase",
				    "exclude", "speaker", "source", "since",
				    "until", "quotes" };
	struct bench_pool	 p = { NULL, 0, 0 };
	struct stemmer		*st;
	struct words		*aw;
	sqlite3			*h;
	char			*poolf, **common, **spk, **src, **dates, *w;
	double			*v, med, p90, worst;
	size_t			 i, k, nspk, nsrc, ndates, nv;
	long			 per = 10;
	int			 ch, verbose = 0, failed = 0;

	while ((ch = getopt(argc, argv, "vc:d:n:")) != -1) {
		switch (ch) {
		case 'v':
			verbose = 1;
			break;
		case 'c':
			citata = optarg;
			break;
		case 'd':
			db = optarg;
			break;
		case 'n':
			per = atol(optarg);
			break;
		default:
			goto usage;
		}
	}
	if (db == NULL || per < 1 || argc - optind > 1) {
usage:
		fprintf(stderr, "usage: querybench [-v] [-c citata] "
		    "[-n per-form] -d DB [POOL]\n");
		return 2;
	}
	poolf = bench_pool_path(optind < argc ? argv[optind] : NULL);
	if (bench_pool_read(poolf, &p) != 0)
		fatal("%s: cannot read it", poolf);
	if (p.n == 0)
		fatal("%s: no articles", poolf);
	st = stem_new();
	aw = xcalloc(p.n, sizeof(*aw));
	for (i = 0; i < p.n; i++) {
		aw[i].text = p.a[i]->text;
		stem_tokenize(st, p.a[i]->text, p.a[i]->len, 1, word_span,
		    &aw[i]);
	}
	stem_free(st);
	common = common_words(aw, p.n, 20);

	if (sqlite3_open_v2(db, &h, SQLITE_OPEN_READONLY, NULL) != SQLITE_OK)
		fatal("%s: %s", db, sqlite3_errmsg(h));
	spk = column(h, "SELECT name FROM speakers WHERE kind = 'person'"
	    " ORDER BY nquotes DESC, id LIMIT 200", 200, &nspk);
	src = column(h, "SELECT source FROM articles WHERE id IN"
	    " (SELECT id FROM articles ORDER BY id LIMIT 64) GROUP BY source",
	    64, &nsrc);
	dates = column(h, "SELECT date FROM article_days WHERE n > 0"
	    " ORDER BY date", 100000, &ndates);
	sqlite3_close(h);
	if (nspk == 0 || nsrc == 0 || ndates == 0)
		fatal("%s: no speakers, sources or dates", db);

	for (k = 0; k < (size_t)per; k++) {
		if (k % 2 == 0)
			add("words", 0, pool_word(aw, p.n));
		else {
			char	*a = pool_word(aw, p.n), *b = pool_word(aw, p.n);

			add("words", 0, xasprintf("%s %s", a, b));
			free(a);
			free(b);
		}
		add("common", 0, xstrdup(common[k % 20]));
		add("phrase", 0, pool_phrase(aw, p.n));
		w = pool_word(aw, p.n);
		add("exclude", 0, xasprintf("%s -%s", common[rnd() % 10], w));
		free(w);
		/* The most quoted speakers first, then any of the 200. */
		if (k % 2 == 0)
			add("speaker", 0, xasprintf("speaker:\"%s\"",
			    spk[k / 2 < nspk ? k / 2 : 0]));
		else
			add("speaker", 0, xasprintf("speaker:\"%s\" %s",
			    spk[rnd() % nspk], common[rnd() % 10]));
		add("source", 0, xasprintf("source:\"%s\" %s",
		    src[rnd() % nsrc], common[rnd() % 20]));
		/* One of each past the archive's last or first day. */
		add("since", 0, xasprintf("since:%s %s", k == 0 ? "2099-01-01" :
		    dates[rnd() % ndates], common[rnd() % 20]));
		add("until", 0, xasprintf("until:%s %s", k == 0 ? "1900-01-01" :
		    dates[rnd() % ndates], common[rnd() % 20]));
		add("quotes", 1, k % 2 == 0 ? xstrdup(common[rnd() % 20]) :
		    pool_word(aw, p.n));
	}

	for (i = 0; i < nq; i++) {
		qs[i].cold = run(citata, db, &qs[i]);
		qs[i].warm = run(citata, db, &qs[i]);
		if (qs[i].cold < 0 || qs[i].warm < 0) {
			fprintf(stderr, "querybench: failed: search %s%s\n",
			    qs[i].quotes ? "--quotes " : "", qs[i].text);
			failed = 1;
		}
		if (verbose)
			printf("  %-8s %8.1f %8.1f ms  %s%s\n", qs[i].form,
			    qs[i].cold, qs[i].warm, qs[i].quotes ?
			    "--quotes " : "", qs[i].text);
	}
	v = xcalloc(nq, sizeof(*v));
	printf("search on %s, %zu queries, process start included "
	    "(ms; first run, then warm):\n", db, nq);
	printf("  %-8s %5s %9s %9s %9s\n", "form", "n", "median", "worst",
	    "1st worst");
	for (k = 0; k < sizeof(forms) / sizeof(forms[0]); k++) {
		double	cw = 0;

		for (nv = 0, i = 0; i < nq; i++)
			if (strcmp(qs[i].form, forms[k]) == 0) {
				v[nv++] = qs[i].warm;
				if (qs[i].cold > cw)
					cw = qs[i].cold;
			}
		if (nv == 0)
			continue;
		stats(v, nv, &med, &p90, &worst);
		printf("  %-8s %5zu %9.1f %9.1f %9.1f\n", forms[k], nv, med,
		    worst, cw);
	}
	for (i = 0; i < nq; i++)
		v[i] = qs[i].warm;
	stats(v, nq, &med, &p90, &worst);
	printf("  all      %5zu %9.1f %9.1f  90th %.1f  (targets: median "
	    "<= 20, worst <= 200)\n", nq, med, worst, p90);
	return failed;
}
