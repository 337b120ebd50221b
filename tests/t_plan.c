/*
 * t_plan.c: every statement the archive prepares uses an index.  SQLite's
 * query plan (EXPLAIN QUERY PLAN, through db_explain()) of each one must
 * not scan the articles or the quotes: a scan costs the whole archive,
 * seconds at a million articles, whatever the screen shows, and in a
 * statement an import runs per article it makes the import quadratic.
 *
 * A plan line "SCAN articles" or "SCAN quotes" (or their aliases a and q)
 * fails, with one exception: a walk along an index in its order ("SCAN a
 * USING INDEX articles_date") in a statement with a LIMIT, which stops
 * after the rows it returns.  Searches, lookups of a row by key ("SEARCH
 * ... USING INDEX", "USING INTEGER PRIMARY KEY") and scans of the small
 * tables or of the full-text indexes pass.  Only the statements of the
 * commands that read everything on purpose (list, export, quotes with no
 * filter) may scan.
 *
 * The statements that page, a speaker's quotes and the search for one
 * speaker's quotes without words must also come in the order of their
 * index: a "USE TEMP B-TREE FOR ORDER BY" line means every matching row
 * is read and sorted before the first is returned, whatever the LIMIT.
 * A speaker's quote pages must walk the index quotes_speaker_date.
 * The filters of a search (source:, since:, until:) read an article's
 * date and source from the index articles_filters, not from its row of
 * 4 KB and more, a page each; a speaker's quotes to match are found
 * along quotes_speaker.
 *
 * The table below names every statement db_explain() reports, by the
 * name of its id: a statement it does not list fails ("not covered"),
 * and so does one it lists that is no longer there, so a new or renamed
 * statement cannot go unchecked.
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

enum {
	WHOLE = 1,	/* reads the whole archive on purpose: may scan */
	NOPLAN = 2,	/* a transaction: no plan at all */
	STREAM = 4,	/* rows in index order, no sort */
	SPD = 8,	/* along quotes_speaker_date */
	STAR = 16,	/* along articles_starred, the starred ones only */
	RANK = 32,	/* along speakers_rank, the reader's speakers */
	FILT = 64,	/* the filters' date and source, articles_filters */
	SPKQ = 128	/* a speaker's quotes along quotes_speaker */
};

static struct expect {
	const char	*name;
	int		 rules;
	int		 seen;
} expects[] = {
	/* import, once or more per article, and reextract */
	{ "ARTICLE_FIND", 0, 0 },
	{ "ARTICLE_INSERT", 0, 0 },
	{ "ARTICLE_FTS_RANGE", STREAM, 0 },
	{ "ARTICLE_FTS_INSERT", 0, 0 },
	{ "SPEAKER_FTS_DELETE", 0, 0 },
	{ "SPEAKER_FTS_ROW", 0, 0 },
	{ "SPEAKER_FTS_INSERT", 0, 0 },
	{ "QUOTE_INSERT", 0, 0 },
	{ "QUOTE_FTS_INSERT", 0, 0 },
	{ "SPEAKER_BY_ALIAS", 0, 0 },
	{ "SPEAKER_BY_SURNAME", 0, 0 },
	{ "SPEAKER_INSERT", 0, 0 },
	{ "SPEAKER_ALIASES", STREAM, 0 },
	{ "SPEAKER_RENAME", 0, 0 },
	{ "SPEAKER_GENDER", 0, 0 },
	{ "ALIAS_INSERT", 0, 0 },
	{ "ROLE_INSERT", 0, 0 },
	{ "ARTICLE_COUNT_QUOTES", 0, 0 },
	{ "QUOTES_DELETE_AUTO", 0, 0 },
	/* feeds: fetch, and the feeds command */
	{ "ITEM_BY_GUID", 0, 0 },
	{ "ITEM_BY_URL", 0, 0 },
	{ "ARTICLE_UPDATE", 0, 0 },
	{ "QUOTES_MANUAL", 0, 0 },
	{ "QUOTE_MOVE", 0, 0 },
	{ "QUOTE_DELETE", 0, 0 },
	/* corrections */
	{ "QUOTE_SPAN", 0, 0 },
	{ "QUOTE_SET_SPEAKER", 0, 0 },
	{ "QUOTE_REJECT", 0, 0 },
	{ "QUOTE_HELD", 0, 0 },
	{ "FEED_INSERT", 0, 0 },
	{ "FEED_BY_URL", 0, 0 },
	{ "FEEDS", 0, 0 },
	{ "FEED_DELETE", 0, 0 },
	{ "FEED_FETCHED", 0, 0 },
	{ "FEED_MOVE", 0, 0 },
	/* list, export, quotes, reextract: everything, on purpose */
	{ "ARTICLES", WHOLE, 0 },
	{ "ARTICLES_STARRED", STAR, 0 },
	{ "EXPORT", WHOLE, 0 },
	{ "IDS", WHOLE, 0 },
	{ "QUOTES_ALL", WHOLE, 0 },
	{ "COUNT", WHOLE, 0 },
	{ "QUOTES_BOTH", 0, 0 },
	/* the reader */
	{ "PAGE_FIRST", STREAM, 0 },
	{ "PAGE_LAST", STREAM, 0 },
	{ "PAGE_OLDER", STREAM, 0 },
	{ "PAGE_NEWER", STREAM, 0 },
	{ "TOTAL", 0, 0 },
	{ "RANK", 0, 0 },
	{ "STATE_GET", 0, 0 },
	{ "STATE_SET", 0, 0 },
	{ "ARTICLE_GET", 0, 0 },
	{ "ARTICLE_SET_READ", 0, 0 },
	{ "ARTICLE_SET_UNREAD", 0, 0 },
	{ "ARTICLE_SET_STAR", 0, 0 },
	{ "ARTICLE_STARRED", 0, 0 },
	{ "READ_ALL", 0, 0 },
	{ "UNREAD_TOTAL", 0, 0 },
	{ "UNREAD_NEXT", STREAM, 0 },
	{ "UNREAD_NEXT_FEW", 0, 0 },
	{ "STAR_FIRST", STREAM | STAR, 0 },
	{ "STAR_LAST", STREAM | STAR, 0 },
	{ "STAR_OLDER", STREAM | STAR, 0 },
	{ "STAR_NEWER", STREAM | STAR, 0 },
	{ "STAR_TOTAL", STAR, 0 },
	{ "STAR_RANK", STAR, 0 },
	{ "QUOTES_ARTICLE", 0, 0 },
	{ "SPEAKERS", STREAM | RANK, 0 },
	{ "SPEAKER_GET", 0, 0 },
	{ "QUOTE_GET", 0, 0 },
	{ "QUOTES_SPEAKER", STREAM | SPD, 0 },
	{ "SPQ_FIRST", STREAM | SPD, 0 },
	{ "SPQ_LAST", STREAM | SPD, 0 },
	{ "SPQ_OLDER_SAME", STREAM | SPD, 0 },
	{ "SPQ_OLDER", STREAM | SPD, 0 },
	{ "SPQ_NEWER_SAME", STREAM | SPD, 0 },
	{ "SPQ_NEWER", STREAM | SPD, 0 },
	{ "SPK_FIRST", STREAM | RANK, 0 },
	{ "SPK_LAST", STREAM | RANK, 0 },
	{ "SPK_NEXT_SAME", STREAM | RANK, 0 },
	{ "SPK_NEXT", STREAM | RANK, 0 },
	{ "SPK_PREV_SAME", STREAM | RANK, 0 },
	{ "SPK_PREV", STREAM | RANK, 0 },
	{ "SPK_GET", 0, 0 },
	{ "SPK_TOTAL", RANK, 0 },
	{ "SPK_RANK", RANK, 0 },
	{ "SPK_MATCH", STREAM | RANK, 0 },
	{ "SPK_HAS", 0, 0 },
	/* search, in the reader and on the command line */
	{ "SPEAKER_FTS", 0, 0 },
	{ "SPEAKER_COMPLETE", 0, 0 },
	{ "MAX_ARTICLE", 0, 0 },
	{ "MAX_QUOTE", 0, 0 },
	{ "SEARCH_COUNT", 0, 0 },
	{ "SEARCH_QCOUNT", 0, 0 },
	{ "SEARCH_COUNT_FILTERED", FILT, 0 },
	{ "SEARCH_QCOUNT_FILTERED", FILT, 0 },
	{ "SEARCH_DAYS", 0, 0 },
	{ "SEARCH_SPEAKER_TEXTS", FILT | SPKQ, 0 },
	{ "SEARCH_AVGDL", 0, 0 },
	{ "SEARCH_QUOTES_BY_ID", 0, 0 },
	{ "SEARCH_ARTICLES_BY_DATE", 0, 0 },
	{ "SEARCH_SPEAKERS_QUOTES", 0, 0 },
	{ "SEARCH_ARTICLES", 0, 0 },
	{ "SEARCH_ARTICLES_FILTERED", FILT, 0 },
	{ "SEARCH_QUOTES", FILT, 0 },
	{ "LIST_QUOTES", 0, 0 },
	{ "LIST_QUOTES_ONE", STREAM | SPD, 0 },
	{ "LIST_ARTICLES", 0, 0 },
	/* transactions */
	{ "BEGIN", NOPLAN, 0 },
	{ "COMMIT", NOPLAN, 0 },
	{ "ROLLBACK", NOPLAN, 0 }
};

struct plans {
	char		*name;		/* the statement being read */
	struct buf	 lines;		/* its plan */
	int		 nlines;
	int		 scans;		/* lines that scan a big table */
	int		 sorts;		/* lines that sort for ORDER BY */
	int		 uses_index;	/* of quotes_speaker_date */
	int		 uses_star;	/* of articles_starred */
	int		 uses_rank;	/* of speakers_rank */
	int		 uses_filt;	/* of articles_filters, covering */
	int		 uses_spkq;	/* of quotes_speaker */
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
	/* The index of the starred articles holds them only. */
	if (strstr(detail, " INDEX articles_starred") != NULL)
		return 0;
	if ((strstr(detail, " USING INDEX ") != NULL ||
	    strstr(detail, " USING COVERING INDEX ") != NULL) &&
	    strstr(sql, " LIMIT ") != NULL)
		return 0;
	return 1;
}

/* The rules of statement name, or NULL when the table has none. */
static struct expect *
expect_find(const char *name)
{
	size_t	i;

	for (i = 0; i < sizeof(expects) / sizeof(expects[0]); i++)
		if (strcmp(expects[i].name, name) == 0)
			return &expects[i];
	return NULL;
}

static void
plans_flush(struct plans *p)
{
	struct expect	*e;

	if (p->name == NULL)
		return;
	if ((e = expect_find(p->name)) == NULL)
		ok(0, "%s: not covered by this test", p->name);
	else {
		e->seen++;
		if (e->rules & NOPLAN)
			ok(p->nlines == 0, "%s: no plan", p->name);
		else if (!(e->rules & WHOLE))
			ok(p->scans == 0, "%s: no scan of articles or quotes",
			    p->name);
		if (e->rules & STREAM)
			ok(p->sorts == 0, "%s: in index order, no sort",
			    p->name);
		if (e->rules & SPD)
			ok(p->uses_index, "%s: along quotes_speaker_date",
			    p->name);
		if (e->rules & STAR)
			ok(p->uses_star, "%s: along articles_starred",
			    p->name);
		if (e->rules & RANK)
			ok(p->uses_rank, "%s: along speakers_rank",
			    p->name);
		if (e->rules & FILT)
			ok(p->uses_filt, "%s: date and source from "
			    "articles_filters, not the article's row",
			    p->name);
		if (e->rules & SPKQ)
			ok(p->uses_spkq, "%s: along quotes_speaker", p->name);
	}
	printf("# %s%s\n%s", p->name, e != NULL && (e->rules & WHOLE) ?
	    ", which may read everything:" : ":", p->lines.data);
	free(p->name);
	p->name = NULL;
	buf_reset(&p->lines);
	p->nlines = 0;
	p->scans = 0;
	p->sorts = 0;
	p->uses_index = 0;
	p->uses_star = 0;
	p->uses_rank = 0;
	p->uses_filt = 0;
	p->uses_spkq = 0;
}

static int
plan_line(void *ctx, const char *name, const char *sql, const char *plan)
{
	struct plans	*p = ctx;

	if (p->name == NULL || strcmp(p->name, name) != 0) {
		plans_flush(p);
		p->name = xstrdup(name);
	}
	if (plan == NULL)
		return 0;
	p->nlines++;
	buf_printf(&p->lines, "#   %s\n", plan);
	/* A subquery's lines are indented: a scan counts anywhere, a sort
	 * only of the statement's own rows (the roles of one speaker are
	 * sorted in a subquery, a few rows). */
	p->scans += full_scan(sql, plan + strspn(plan, " "));
	if (*plan != ' ')
		p->sorts += strstr(plan, "TEMP B-TREE FOR ORDER BY") != NULL ||
		    strstr(plan, "TEMP B-TREE FOR RIGHT PART OF ORDER BY") !=
		    NULL;
	p->uses_index += strstr(plan, "INDEX quotes_speaker_date ") != NULL;
	p->uses_star += strstr(plan, "INDEX articles_starred") != NULL;
	p->uses_rank += strstr(plan, "INDEX speakers_rank") != NULL;
	p->uses_filt += strstr(plan, "COVERING INDEX articles_filters ") !=
	    NULL;
	p->uses_spkq += strstr(plan, "INDEX quotes_speaker ") != NULL;
	return 0;
}

int
main(void)
{
	char		 path[] = "/tmp/t_plan.XXXXXX", *cause = NULL, *f;
	struct db	*db;
	struct article	*a;
	struct plans	 p;
	size_t		 k;
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
	buf_free(&p.lines);
	for (k = 0; k < sizeof(expects) / sizeof(expects[0]); k++)
		ok(expects[k].seen == 1, "%s: explained once (%d), not gone",
		    expects[k].name, expects[k].seen);

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
