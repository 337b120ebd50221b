/*
 * t_plan.c: every statement the reader runs uses an index.  SQLite's
 * query plan (EXPLAIN QUERY PLAN, through db_explain()) of each one must
 * not scan the articles or the quotes: a scan costs the whole archive,
 * seconds at a million articles, whatever the screen shows.
 *
 * A plan line "SCAN articles" or "SCAN quotes" (or their aliases a and q)
 * fails, with one exception: a walk along an index in its order ("SCAN a
 * USING INDEX articles_date") in a statement with a LIMIT, which stops
 * after the rows it returns.  Searches, lookups of a row by key ("SEARCH
 * ... USING INDEX", "USING INTEGER PRIMARY KEY") and scans of the small
 * tables or of the full-text indexes pass.
 *
 * The statements that page (names with "page"), a speaker's quotes and
 * the search for one speaker's quotes without words must also come in the order of their index: a "USE TEMP B-TREE FOR
 * ORDER BY" line means every matching row is read and sorted before
 * the first is returned, whatever the LIMIT.  A speaker's quote pages
 * must walk the index quotes_speaker_date.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "article.h"
#include "db.h"
#include "util.h"

#include "tap.h"

struct plans {
	char		*name;		/* the statement being read */
	struct buf	 lines;		/* its plan */
	int		 scans;		/* lines that scan a big table */
	int		 sorts;		/* lines that sort for ORDER BY */
	int		 uses_index;	/* of quotes_speaker_date */
	int		 n;		/* statements seen */
};

/* Whether plan line detail of statement sql reads all of a big table. */
static int
full_scan(const char *sql, const char *detail)
{
	static const char	*big[] = { "articles", "quotes", "a", "q" };
	const char		*t = detail + 5;
	size_t			 i, len;

	if (strncmp(detail, "SCAN ", 5) != 0)
		return 0;
	len = strcspn(t, " ");
	for (i = 0; i < sizeof(big) / sizeof(big[0]); i++)
		if (strlen(big[i]) == len && strncmp(t, big[i], len) == 0)
			break;
	if (i == sizeof(big) / sizeof(big[0]))
		return 0;
	if ((strstr(detail, " USING INDEX ") != NULL ||
	    strstr(detail, " USING COVERING INDEX ") != NULL) &&
	    strstr(sql, " LIMIT ") != NULL)
		return 0;
	return 1;
}

/* Whether statement name must return rows in index order. */
static int
must_stream(const char *name)
{
	return strstr(name, "page") != NULL ||
	    strcmp(name, "quotes of a speaker") == 0 ||
	    strcmp(name, "search: a speaker's quotes, no words") == 0;
}

static void
plans_flush(struct plans *p)
{
	if (p->name == NULL)
		return;
	ok(p->scans == 0, "%s: no scan of articles or quotes", p->name);
	if (must_stream(p->name))
		ok(p->sorts == 0, "%s: in index order, no sort", p->name);
	if (strncmp(p->name, "speaker quotes page", 19) == 0 ||
	    strcmp(p->name, "quotes of a speaker") == 0 ||
	    strcmp(p->name, "search: a speaker's quotes, no words") == 0)
		ok(p->uses_index, "%s: along quotes_speaker_date", p->name);
	if (p->lines.len > 0)
		printf("%s", p->lines.data);
	free(p->name);
	p->name = NULL;
	buf_reset(&p->lines);
	p->scans = 0;
	p->sorts = 0;
	p->uses_index = 0;
}

static int
plan_line(void *ctx, const char *name, const char *sql, const char *plan)
{
	struct plans	*p = ctx;

	if (p->name == NULL || strcmp(p->name, name) != 0) {
		plans_flush(p);
		p->name = xstrdup(name);
		p->n++;
	}
	buf_printf(&p->lines, "#   %s\n", plan);
	p->scans += full_scan(sql, plan);
	p->sorts += strstr(plan, "TEMP B-TREE FOR ORDER BY") != NULL ||
	    strstr(plan, "TEMP B-TREE FOR RIGHT PART OF ORDER BY") != NULL;
	p->uses_index += strstr(plan, "INDEX quotes_speaker_date ") != NULL;
	return 0;
}

int
main(void)
{
	char		 path[] = "/tmp/t_plan.XXXXXX", *cause = NULL, *f;
	struct db	*db;
	struct article	*a;
	struct plans	 p;
	int		 fd, i;

	if ((fd = mkstemp(path)) == -1) {
		printf("1..0 # SKIP cannot make a temporary file\n");
		return 0;
	}
	close(fd);
	unlink(path);
	if ((db = db_open(path, DB_WRITE, &cause)) == NULL) {
		printf("Bail out! %s\n", cause);
		return 1;
	}
	/* A few rows, so the tables are not empty. */
	db_begin(db, &cause);
	for (i = 0; i < 3; i++) {
		a = article_new();
		a->date = xstrdup("2026-01-01");
		a->title = xstrdup("T");
		a->text = xasprintf("Текст номер %d.", i);
		a->len = strlen(a->text);
		db_article_put(db, a, NULL, &cause);
		article_free(a);
	}
	db_commit(db, &cause);

	memset(&p, 0, sizeof(p));
	buf_init(&p.lines);
	i = db_explain(db, plan_line, &p, &cause);
	plans_flush(&p);
	ok(i == 0, "plans read");
	ok(p.n >= 32, "the plans of %d statements", p.n);
	buf_free(&p.lines);

	/* The rule itself. */
	ok(full_scan("SELECT count(*) FROM articles", "SCAN articles USING "
	    "COVERING INDEX articles_hash"), "count(*) over an index fails");
	ok(full_scan("SELECT * FROM quotes q", "SCAN q"),
	    "a plain scan of quotes fails");
	ok(!full_scan("SELECT * FROM articles ORDER BY date DESC LIMIT ?1",
	    "SCAN articles USING INDEX articles_date"),
	    "a walk down an index to a LIMIT passes");
	ok(!full_scan("SELECT * FROM speakers s", "SCAN s"),
	    "a scan of the speakers passes");

	db_close(db);
	for (i = 0; i < 3; i++) {
		f = xasprintf("%s%s", path, i == 0 ? "" : i == 1 ? "-wal" :
		    "-shm");
		unlink(f);
		free(f);
	}
	return tap_done();
}
