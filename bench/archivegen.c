/*
 * archivegen.c: writes a reproducible import set of N articles for the
 * scale benchmarks.  Articles are drawn (fixed seed) from the pool,
 * ../shared/corpus/pool/articles.txt, or from our own data/articles when
 * the pool is missing, so their lengths and their speakers are those of
 * real news.  Each gets a date spread evenly over ten years, one of 64
 * invented sources and a numbered closing line that makes it unique.
 *
 *	archivegen [-n N] [-c PER_FILE] [-s SEED] -o DIR [INPUT...]
 *
 * The output is DIR/00000.jsonl, DIR/00001.jsonl, ... with PER_FILE
 * articles each (default 2,000, about the pool's 8.6 MB), in the JSON
 * Lines form "citata import DIR" reads: import reads one file at a time,
 * so its memory does not depend on N.  INPUT is the pool, or files and
 * directories of articles (default: the pool, else data/articles).
 */
#include "config.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "article.h"
#include "bench.h"
#include "export.h"
#include "import.h"
#include "util.h"

/* Ten years of dates, from 2016-01-01. */
#define GEN_FIRST_DAY	16801		/* days from 1970-01-01 */
#define GEN_DAYS	3653

/* 8 x 8 outlet names of our own invention. */
static const char *const gen_adj[] = {
	"Северный", "Степной", "Городской", "Речной", "Вечерний",
	"Утренний", "Областной", "Новый"
};
static const char *const gen_noun[] = {
	"вестник", "курьер", "обозреватель", "телеграф", "листок",
	"глашатай", "репортёр", "дневник"
};

static unsigned long long	gen_seed = 20261124;

static unsigned long
rnd(void)
{
	gen_seed = gen_seed * 6364136223846793005ULL + 1442695040888963407ULL;
	return (unsigned long)(gen_seed >> 33);
}

static void
diag(void *ctx, const char *file, long line, long col, const char *reason)
{
	(void)ctx;
	(void)file;
	(void)line;
	(void)col;
	(void)reason;	/* the sample's hostile record is skipped on purpose */
}

/* Days since 1970-01-01 to YYYY-MM-DD (Howard Hinnant's civil_from_days). */
static void
day_string(long z, char out[32])
{
	long		era, doe, yoe, y, doy, mp, d, m;

	z += 719468;
	era = (z >= 0 ? z : z - 146096) / 146097;
	doe = z - era * 146097;
	yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
	y = yoe + era * 400;
	doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
	mp = (5 * doy + 2) / 153;
	d = doy - (153 * mp + 2) / 5 + 1;
	m = mp < 10 ? mp + 3 : mp - 9;
	snprintf(out, 32, "%04ld-%02ld-%02ld", y + (m <= 2), m, d);
}

static void
load(struct bench_pool *p, char **args, size_t nargs)
{
	struct import_result	 res = { 0, 0 };
	char			**files, *data, *cause = NULL;
	size_t			 nfiles, i, len;

	nfiles = import_expand(args, nargs, &files, diag, NULL);
	for (i = 0; i < nfiles; i++) {
		if ((data = import_read_file(files[i], &len, &cause)) == NULL)
			fatal("%s: %s", files[i], cause);
		import_parse(files[i], data, len, import_format_guess(files[i],
		    data, len), bench_pool_add, diag, p, &res);
		free(data);
		free(files[i]);
	}
	free(files);
}

int
main(int argc, char **argv)
{
	struct bench_pool	 p = { NULL, 0, 0 };
	struct article	 c;
	struct buf	 b;
	const char	*dir = NULL, *env;
	char		*path, *def[1], date[32], src[64];
	double		 bytes = 0;
	long		 n = 100000, per = 2000, i, nsrc;
	FILE		*f = NULL;
	int		 ch;

	util_set_progname("archivegen");
	while ((ch = getopt(argc, argv, "n:c:s:o:")) != -1) {
		switch (ch) {
		case 'n':
			n = atol(optarg);
			break;
		case 'c':
			per = atol(optarg);
			break;
		case 's':
			gen_seed = strtoull(optarg, NULL, 10);
			break;
		case 'o':
			dir = optarg;
			break;
		default:
			fprintf(stderr, "usage: archivegen [-n N] [-c PER_FILE] "
			    "[-s SEED] -o DIR [INPUT...]\n");
			return 2;
		}
	}
	if (dir == NULL || n < 1 || per < 1)
		fatal("usage: archivegen [-n N] [-c PER_FILE] [-s SEED] "
		    "-o DIR [INPUT...]");
	if (optind < argc)
		load(&p, argv + optind, (size_t)(argc - optind));
	else {
		env = getenv("top_srcdir");
		def[0] = xasprintf("%s/../shared/corpus/pool/articles.txt",
		    env != NULL ? env : ".");
		if (access(def[0], R_OK) != 0) {
			free(def[0]);
			def[0] = xasprintf("%s/data/articles",
			    env != NULL ? env : ".");
		}
		load(&p, def, 1);
		fprintf(stderr, "archivegen: %zu articles from %s\n", p.n,
		    def[0]);
		free(def[0]);
	}
	if (p.n == 0)
		fatal("no input articles");
	if (mkdir(dir, 0777) != 0 && errno != EEXIST)
		fatal("%s: %s", dir, strerror(errno));

	nsrc = (long)(sizeof(gen_adj) / sizeof(gen_adj[0]) *
	    sizeof(gen_noun) / sizeof(gen_noun[0]));
	buf_init(&b);
	for (i = 0; i < n; i++) {
		struct article	*a = p.a[rnd() % p.n];
		long		 s = (long)(rnd() % (unsigned long)nsrc);

		if (i % per == 0) {
			if (f != NULL && fclose(f) != 0)
				fatal("write: %s", strerror(errno));
			path = xasprintf("%s/%05ld.jsonl", dir, i / per);
			if ((f = fopen(path, "w")) == NULL)
				fatal("%s: %s", path, strerror(errno));
			free(path);
		}
		c = *a;
		day_string(GEN_FIRST_DAY + (long)(rnd() % GEN_DAYS), date);
		snprintf(src, sizeof(src), "%s %s", gen_adj[s / 8],
		    gen_noun[s % 8]);
		c.date = date;
		c.source = src;
		c.url = NULL;
		c.text = xasprintf("%s\n\nМатериал архива номер %ld.", a->text,
		    i + 1);
		c.len = strlen(c.text);
		bytes += (double)c.len;
		buf_reset(&b);
		export_article_jsonl(&b, &c);
		if (fwrite(b.data, 1, b.len, f) != b.len)
			fatal("write: %s", strerror(errno));
		free(c.text);
	}
	if (f != NULL && fclose(f) != 0)
		fatal("write: %s", strerror(errno));
	printf("archivegen: %ld articles, %.1f MB of text, in %s "
	    "(%ld files)\n", n, bytes / 1e6, dir, (n + per - 1) / per);
	buf_free(&b);
	for (i = 0; i < (long)p.n; i++)
		article_free(p.a[i]);
	free(p.a);
	return 0;
}
