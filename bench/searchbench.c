/*
 * searchbench.c: full-text search at archive scale.  Builds an archive of
 * N articles (default 200,000) from the pool, replicated with a numbered
 * suffix so every copy is a new article; measures the import (extraction
 * and indexing included) and a rebuild of the article index, whose time as
 * a share of the import's is the cost of indexing; then runs 100 queries
 * made from the pool's own words (fixed seed) and prints the median and
 * worst latency.
 *
 *	searchbench [-r] [-n N] [-d DB] [POOL]
 *
 * -r reuses the archive a previous run left at DB: queries only; -v
 * prints each query with its time.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "article.h"
#include "bench.h"
#include "db.h"
#include "import.h"
#include "lexicon.h"
#include "quotes.h"
#include "search.h"
#include "util.h"

static unsigned long	seed = 20261124;

static unsigned long
rnd(void)
{
	seed = seed * 6364136223846793005UL + 1442695040888963407UL;
	return seed >> 33;
}

/* A word of at least 6 bytes from a random pool article, or NULL. */
static char *
pool_word(struct bench_pool *p)
{
	struct article	*a = p->a[rnd() % p->n];
	size_t		 off = rnd() % a->len, e;

	while (off > 0 && a->text[off - 1] != ' ')
		off--;
	for (e = off; e < a->len && a->text[e] != ' ' &&
	    a->text[e] != ',' && a->text[e] != '.' && a->text[e] != '\n' &&
	    a->text[e] != '"' && a->text[e] != '\xc2'; e++)
		;
	if (e - off < 6)
		return NULL;
	return xstrndup(a->text + off, e - off);
}

static int
count_hit(void *ctx, const struct db_hit *h)
{
	(void)h;
	(*(long *)ctx)++;
	return 0;
}

static int
cmp_double(const void *a, const void *b)
{
	double	x = *(const double *)a, y = *(const double *)b;

	return x < y ? -1 : x > y;
}

int
main(int argc, char **argv)
{
	const char		*path = "/tmp/citata-searchbench.db";
	const char		*env;
	struct bench_pool	 p = { NULL, 0, 0 };
	struct lexicon		*lx;
	struct db		*db;
	struct article		 c;
	struct quote_list	 ql;
	struct search_query	*sq;
	char			*poolf, *data, *cause = NULL, *w1, *w2, *q, *dir;
	double			 t0, t_import, t_rebuild, lat[100], mb = 0;
	long			 n = 200000, i, hits, total_hits = 0;
	int			 ch, k, reuse = 0, verbose = 0;

	while ((ch = getopt(argc, argv, "rvn:d:")) != -1) {
		switch (ch) {
		case 'v':
			verbose = 1;
			break;
		case 'r':
			reuse = 1;
			break;
		case 'n':
			n = atol(optarg);
			break;
		case 'd':
			path = optarg;
			break;
		default:
			fprintf(stderr, "usage: searchbench [-rv] [-n N] "
			    "[-d DB] [POOL]\n");
			return 2;
		}
	}
	poolf = bench_pool_path(optind < argc ? argv[optind] : NULL);
	if (access(poolf, R_OK) != 0) {
		printf("searchbench: %s not found; skipped\n", poolf);
		return 0;
	}
	if (bench_pool_read(poolf, &p) != 0)
		fatal("%s: cannot read it", poolf);
	env = getenv("CITATA_DATADIR");
	dir = xasprintf("%s/lexicon", env != NULL ? env : PKGDATADIR);
	if ((lx = lexicon_load(dir, &cause)) == NULL)
		fatal("%s", cause);

	if (reuse) {
		if ((db = db_open(path, DB_WRITE, &cause)) == NULL)
			fatal("%s", cause);
		n = (long)db_article_total(db, 0, &cause);
		t_import = t_rebuild = 0;
		goto queries;
	}
	unlink(path);
	data = xasprintf("%s-wal", path);
	unlink(data);
	free(data);
	if ((db = db_open(path, DB_WRITE, &cause)) == NULL)
		fatal("%s", cause);
	t0 = bench_now();
	if (db_begin(db, &cause) != 0)
		fatal("%s", cause);
	for (i = 0; i < n; i++) {
		struct article	*a = p.a[i % (long)p.n];

		c = *a;
		c.text = xasprintf("%s\n\n(копия %ld)", a->text, i);
		c.len = strlen(c.text);
		c.id = 0;
		mb += c.len;
		quote_list_init(&ql);
		quotes_extract(lx, &c, &ql);
		if (db_article_put(db, &c, &ql, &cause) < 0)
			fatal("%s", cause);
		quote_list_free(&ql);
		free(c.text);
		if (i % 20000 == 19999) {	/* bounded WAL and memory */
			if (db_commit(db, &cause) != 0 ||
			    db_begin(db, &cause) != 0)
				fatal("%s", cause);
		}
	}
	if (db_commit(db, &cause) != 0)
		fatal("%s", cause);
	t_import = bench_now() - t0;
	t0 = bench_now();
	if (db_fts_rebuild(db, &cause) != 0)
		fatal("%s", cause);
	t_rebuild = bench_now() - t0;
queries:
	for (k = 0; k < 100; k++) {
		while ((w1 = pool_word(&p)) == NULL)
			;
		w2 = NULL;
		if (k % 3 == 1)
			while ((w2 = pool_word(&p)) == NULL)
				;
		q = w2 != NULL ? xasprintf("%s %s", w1, w2) : xstrdup(w1);
		free(w1);
		free(w2);
		if ((sq = search_parse(q, &cause)) == NULL) {
			free(cause);
			cause = NULL;
			free(q);
			k--;
			continue;
		}
		hits = 0;
		t0 = bench_now();
		if (db_search(db, sq, k % 10 == 9, 20, count_hit, &hits,
		    &cause) < 0)
			fatal("%s: %s", q, cause);
		lat[k] = (bench_now() - t0) * 1000;
		if (verbose)
			printf("  %8.2f ms %5ld hits %s%s\n", lat[k], hits,
			    k % 10 == 9 ? "quotes: " : "", q);
		total_hits += hits;
		search_free(sq);
		free(q);
	}
	qsort(lat, 100, sizeof(lat[0]), cmp_double);
	printf("search at scale: %ld articles (%.0f MB), from %zu pool "
	    "articles\n", n, mb / 1e6, p.n);
	if (!reuse) {
		printf("  import, with extraction and indexing: %8.2f s "
		    "(%.0f articles/s)\n", t_import, n / t_import);
		printf("  rebuild of the article index:         %8.2f s "
		    "(%.0f%% of the import)\n", t_rebuild,
		    100 * t_rebuild / t_import);
	}
	printf("  100 queries (1-2 pool words; every 10th over quotes), "
	    "top 20 by bm25:\n");
	printf("    median %.2f ms, 90th %.2f ms, worst %.2f ms "
	    "(targets: 20, -, 200); %ld results\n", (lat[49] + lat[50]) / 2,
	    lat[89], lat[99], total_hits);
	db_close(db);
	lexicon_free(lx);
	for (i = 0; i < (long)p.n; i++)
		article_free(p.a[i]);
	free(p.a);
	return 0;
}
