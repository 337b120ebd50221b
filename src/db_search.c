/*
 * db_search.c: full-text search of the archive: the FTS5 tokenizer
 * "citata" and the SQL function citata_fold(), registered on every
 * connection, and the search statements.
 */
#include "config.h"

#include "db.h"

#include <limits.h>
#include <sqlite3.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "db_int.h"
#include "fold.h"
#include "merge.h"
#include "search.h"
#include "stem.h"
#include "util.h"

/*
 * A search hit's snippet, from FTS5's snippet(), whose cost grows with
 * the square of the matches in the text: minutes for a 50 MB article.
 * Past SNIPPET_MAX characters (some 200 KB of Cyrillic, ten times a long
 * read) the snippet is the start of the text instead, unmarked.
 */
#define SNIPPET_MAX	"100000"
#define SNIPPET(table, col, text) \
	" CASE WHEN length(" text ") > " SNIPPET_MAX \
	" THEN substr(" text ", 1, 120) || '…'" \
	" ELSE snippet(" table ", " col ", char(1), char(2), '…', 20) END,"

/* A speaker's quotes, a row each, with their text. */
#define LIST_QUOTES_FROM \
	"SELECT q.article_id, q.id, a.date, a.source, a.title, s.name," \
	" " DB_QUOTE_TEXT ", 0, a.nquotes," \
	" NOT EXISTS (SELECT 1 FROM unread u WHERE u.id = a.id)" \
	" FROM quotes q JOIN articles a ON a.id = q.article_id" \
	" LEFT JOIN speakers s ON s.id = q.speaker_id" DB_QUOTE_TEXT_JOIN

/* The filters every search statement shares: ?2 source (folded), ?3 and
 * ?4 the date range; NULL means no filter.  Where the articles are
 * joined for the filters alone, along the index articles_filters: the
 * date and source of an article, not its row (see db_schema.c, 17). */
#define SEARCH_FILTERS \
	" AND (?2 IS NULL OR citata_fold(a.source) = ?2)" \
	" AND (?3 IS NULL OR a.date >= ?3) AND (?4 IS NULL OR a.date <= ?4)"

/*
 * The same for a match f of the quotes' index, ?6 the speakers' ids
 * (JSON), and a quote's row read only when a filter asks for its
 * article.  Each match of a speaker's search was looked up in the
 * quotes, a page of the file each: 45,206 pages for speaker:"Юрий
 * Рогулёв" вакцины, a word he never says, whose window grows over the
 * million's 4 M quotes.  With ?10 set the ids of the speakers' quotes
 * are gathered once instead, at each run of the statement: 125 -> 45
 * ms there, but 25 -> 85 ms for speaker:"Джо Байден" Путина (83,357
 * quotes), which the first window answers; so only for speakers of at
 * most DB_SEARCH_SPEAKER_SET quotes (db->speaker_set).  The unary +
 * keeps FTS5 from taking the ids for rowids to look up one by one.
 */
#define QUOTE_FILTERS \
	" AND (?6 IS NULL" \
	"   OR ?10 AND +f.rowid IN (SELECT q.id FROM quotes q" \
	"   WHERE q.speaker_id IN (SELECT value FROM json_each(?6)))" \
	"   OR NOT ?10 AND EXISTS (SELECT 1 FROM quotes q" \
	"   WHERE q.id = f.rowid" \
	"   AND q.speaker_id IN (SELECT value FROM json_each(?6))))" \
	" AND (?2 IS NULL AND ?3 IS NULL AND ?4 IS NULL OR EXISTS" \
	"   (SELECT 1 FROM quotes q JOIN articles a" \
	"   INDEXED BY articles_filters ON a.id = q.article_id" \
	"   WHERE q.id = f.rowid" SEARCH_FILTERS "))"

const char *const db_search_sql[ST__COUNT] = {
	/*
	 * The best rows are chosen first, without snippets, then only
	 * those get one: snippet() is far dearer than citata_rank() and
	 * would otherwise run for every match before the sort.  The
	 * function is named rather than FTS5's "rank", whose own sorted
	 * plan reads every match, past the rowid window too.
	 */
	[ST_SEARCH_ARTICLES] =
	    "SELECT a.id, 0, a.date, a.source, a.title, NULL,"
	    SNIPPET("articles_fts", "-1", "a.text")
	    " citata_rank(articles_fts, 4.0, 1.0), a.nquotes,"
	    " NOT EXISTS (SELECT 1 FROM unread u WHERE u.id = a.id)"
	    " FROM articles_fts JOIN articles a ON a.id = articles_fts.rowid"
	    " WHERE articles_fts MATCH ?1 AND articles_fts.rowid >= ?7"
	    " AND articles_fts.rowid IN"
	    " (SELECT rowid FROM articles_fts WHERE articles_fts MATCH ?1"
	    "   AND rowid >= ?7 ORDER BY citata_rank(articles_fts, 4.0, 1.0) LIMIT ?5)"
	    " ORDER BY citata_rank(articles_fts, 4.0, 1.0)",
	/* How many matches (at most ?5) lie at rowid ?7 or above; with
	 * the filters, how many of them the filters let through. */
	[ST_SEARCH_COUNT] =
	    "SELECT count(*) FROM (SELECT rowid FROM articles_fts"
	    " WHERE articles_fts MATCH ?1 AND rowid >= ?7 LIMIT ?5)",
	[ST_SEARCH_QCOUNT] =
	    "SELECT count(*) FROM (SELECT rowid FROM quotes_fts"
	    " WHERE quotes_fts MATCH ?1 AND rowid >= ?7 LIMIT ?5)",
	[ST_SEARCH_COUNT_FILTERED] =
	    "SELECT count(*) FROM (SELECT f.rowid FROM articles_fts f"
	    " JOIN articles a INDEXED BY articles_filters"
	    " ON a.id = f.rowid"
	    " WHERE articles_fts MATCH ?1 AND f.rowid >= ?7" SEARCH_FILTERS
	    " LIMIT ?5)",
	[ST_SEARCH_QCOUNT_FILTERED] =
	    "SELECT count(*) FROM (SELECT f.rowid FROM quotes_fts f"
	    " WHERE quotes_fts MATCH ?1 AND f.rowid >= ?7" QUOTE_FILTERS
	    " LIMIT ?5)",
	/*
	 * A few rows to look at, found without the index: the quotes of
	 * speakers with few of them, the articles of a few days, where the
	 * window would grow over the whole archive to find the few that
	 * pass.  The quotes' text, to match here (speaker_few()); then the
	 * best of them, by id (?9), as FTS5 ranks them.
	 */
	[ST_SEARCH_SPEAKER_TEXTS] =
	    "SELECT q.id, t.c0 FROM quotes q"
	    " JOIN quotes_fts_content t ON t.id = q.id"
	    " WHERE q.speaker_id IN (SELECT value FROM json_each(?6))"
	    " AND (?2 IS NULL AND ?3 IS NULL AND ?4 IS NULL OR EXISTS"
	    "   (SELECT 1 FROM articles a INDEXED BY articles_filters"
	    "   WHERE a.id = q.article_id"
	    SEARCH_FILTERS "))",
	[ST_SEARCH_AVGDL] =
	    "SELECT citata_avgdl(quotes_fts) FROM quotes_fts LIMIT 1",
	[ST_SEARCH_QUOTES_BY_ID] =
	    "SELECT q.article_id, q.id, a.date, a.source, a.title, s.name,"
	    SNIPPET("quotes_fts", "0", "quotes_fts.text")
	    " citata_rank(quotes_fts), a.nquotes,"
	    " NOT EXISTS (SELECT 1 FROM unread u WHERE u.id = a.id)"
	    " FROM quotes q CROSS JOIN quotes_fts ON quotes_fts.rowid = q.id"
	    " JOIN articles a ON a.id = q.article_id"
	    " LEFT JOIN speakers s ON s.id = q.speaker_id"
	    " WHERE quotes_fts MATCH ?1"
	    " AND q.id IN (SELECT value FROM json_each(?9))"
	    " ORDER BY citata_rank(quotes_fts)",
	/* Each article of the days matched on its own (FTS5 seeks the
	 * row's id in each term's list); the best ?5 first, as above. */
	[ST_SEARCH_ARTICLES_BY_DATE] =
	    "SELECT a.id, 0, a.date, a.source, a.title, NULL,"
	    SNIPPET("articles_fts", "-1", "a.text")
	    " citata_rank(articles_fts, 4.0, 1.0), a.nquotes,"
	    " NOT EXISTS (SELECT 1 FROM unread u WHERE u.id = a.id)"
	    " FROM articles a CROSS JOIN articles_fts"
	    " ON articles_fts.rowid = a.id"
	    " WHERE articles_fts MATCH ?1 AND a.id IN"
	    " (SELECT a.id FROM articles a"
	    "   CROSS JOIN articles_fts f ON f.rowid = a.id"
	    "   WHERE a.date >= coalesce(?3, '') AND a.date <= coalesce(?4, '~')"
	    "   AND articles_fts MATCH ?1" SEARCH_FILTERS
	    "   ORDER BY citata_rank(articles_fts, 4.0, 1.0) LIMIT ?5)"
	    " ORDER BY citata_rank(articles_fts, 4.0, 1.0)",
	/* The quotes of the speakers ?6. */
	[ST_SEARCH_SPEAKERS_QUOTES] =
	    "SELECT coalesce(sum(nquotes), 0) FROM speakers"
	    " WHERE id IN (SELECT value FROM json_each(?6))",
	/* The articles of the date range, from the counts per day. */
	[ST_SEARCH_DAYS] =
	    "SELECT coalesce(sum(n), 0) FROM article_days"
	    " WHERE (?3 IS NULL OR date >= ?3) AND (?4 IS NULL OR date <= ?4)",
	[ST_MAX_ARTICLE] = "SELECT max(id) FROM articles",
	[ST_MAX_QUOTE] = "SELECT max(id) FROM quotes",
	/* With filters, the articles row is needed to choose. */
	[ST_SEARCH_ARTICLES_FILTERED] =
	    "SELECT a.id, 0, a.date, a.source, a.title, NULL,"
	    SNIPPET("articles_fts", "-1", "a.text")
	    " citata_rank(articles_fts, 4.0, 1.0), a.nquotes,"
	    " NOT EXISTS (SELECT 1 FROM unread u WHERE u.id = a.id)"
	    " FROM articles_fts JOIN articles a ON a.id = articles_fts.rowid"
	    " WHERE articles_fts MATCH ?1 AND articles_fts.rowid >= ?7"
	    " AND articles_fts.rowid IN"
	    " (SELECT f.rowid FROM articles_fts f"
	    "   JOIN articles a INDEXED BY articles_filters"
	    "   ON a.id = f.rowid"
	    "   WHERE articles_fts MATCH ?1 AND f.rowid >= ?7" SEARCH_FILTERS
	    "   ORDER BY citata_rank(articles_fts, 4.0, 1.0) LIMIT ?5)"
	    " ORDER BY citata_rank(articles_fts, 4.0, 1.0)",
	[ST_SEARCH_QUOTES] =
	    "SELECT q.article_id, q.id, a.date, a.source, a.title, s.name,"
	    SNIPPET("quotes_fts", "0", "quotes_fts.text")
	    " citata_rank(quotes_fts), a.nquotes,"
	    " NOT EXISTS (SELECT 1 FROM unread u WHERE u.id = a.id)"
	    " FROM quotes_fts JOIN quotes q ON q.id = quotes_fts.rowid"
	    " JOIN articles a ON a.id = q.article_id"
	    " LEFT JOIN speakers s ON s.id = q.speaker_id"
	    " WHERE quotes_fts MATCH ?1 AND quotes_fts.rowid >= ?7"
	    " AND quotes_fts.rowid IN"
	    " (SELECT f.rowid FROM quotes_fts f"
	    "   WHERE quotes_fts MATCH ?1 AND f.rowid >= ?7" QUOTE_FILTERS
	    "   ORDER BY citata_rank(quotes_fts) LIMIT ?5)"
	    " ORDER BY citata_rank(quotes_fts)",
	[ST_LIST_QUOTES] =
	    LIST_QUOTES_FROM
	    " WHERE q.speaker_id IN (SELECT value FROM json_each(?6))"
	    SEARCH_FILTERS
	    " ORDER BY q.date DESC, q.article_id DESC, q.start, q.id LIMIT ?5",
	/* One speaker (the usual case): along quotes_speaker_date, so the
	 * newest limit quotes are read, not all of them and sorted. */
	[ST_LIST_QUOTES_ONE] =
	    LIST_QUOTES_FROM
	    " WHERE q.speaker_id = ?8" SEARCH_FILTERS
	    " ORDER BY q.date DESC, q.article_id DESC, q.start, q.id LIMIT ?5",
	[ST_LIST_ARTICLES] =
	    "SELECT a.id, 0, a.date, a.source, a.title, NULL,"
	    " substr(a.text, 1, 200), 0, a.nquotes,"
	    " NOT EXISTS (SELECT 1 FROM unread u WHERE u.id = a.id)"
	    " FROM articles a WHERE 1" SEARCH_FILTERS
	    " ORDER BY a.date DESC, a.id DESC LIMIT ?5",
};

static int	 fts_create(void *, const char **, int, Fts5Tokenizer **);
static void	 fts_delete(Fts5Tokenizer *);
static void	 fts_destroy(void *);
static void	 fts_rank(const Fts5ExtensionApi *, Fts5Context *,
		    sqlite3_context *, int, sqlite3_value **);
static void	 fts_avgdl(const Fts5ExtensionApi *, Fts5Context *,
		    sqlite3_context *, int, sqlite3_value **);
static double	 rank_avgdl(sqlite3_int64, sqlite3_int64);
static double	 rank_score(const double *, int, int, double);
static int	 fts_token(void *, const char *, size_t, size_t, size_t);
static int	 fts_tokenize(Fts5Tokenizer *, void *, int, const char *, int,
		    int (*)(void *, int, const char *, int, int, int));
static void	 sql_fold(sqlite3_context *, int, sqlite3_value **);
static char	*ids_json(const long long *, long);
static long long search_window(struct db *, sqlite3_stmt *, int, int,
		    char **);
struct search_args;
static void	 search_bind(sqlite3_stmt *, const struct search_args *);
static int	 few_hit_cmp(const void *, const void *);
static int	 speaker_few(struct db *, const struct search_query *,
		    const struct search_args *, char **, char **);

/*
 * The FTS5 tokenizer "citata": words folded and stemmed by stem.c, the
 * same for indexed text and for queries.  One stemmer a connection,
 * shared by its full-text tables (articles, quotes, speakers), so that
 * they share its cache of stems too: a connection is used by one thread
 * at a time, and FTS5 never tokenizes inside a tokenizer's callback.
 */
static int
fts_create(void *ctx, const char **argv, int argc, Fts5Tokenizer **out)
{
	(void)argv;
	(void)argc;
	*out = (Fts5Tokenizer *)ctx;
	return SQLITE_OK;
}

static void
fts_delete(Fts5Tokenizer *t)
{
	(void)t;		/* the connection's, freed by fts_destroy() */
}

static void
fts_destroy(void *ctx)
{
	stem_free(ctx);
}

struct fts_call {
	void	*ctx;
	int	(*token)(void *, int, const char *, int, int, int);
};

static int
fts_token(void *ctx, const char *tok, size_t len, size_t start, size_t end)
{
	struct fts_call	*c = ctx;

	return c->token(c->ctx, 0, tok, (int)len, (int)start, (int)end);
}

static int
fts_tokenize(Fts5Tokenizer *t, void *ctx, int flags, const char *text,
    int n, int (*token)(void *, int, const char *, int, int, int))
{
	struct fts_call	c;

	c.ctx = ctx;
	c.token = token;
	if (n <= 0)
		return SQLITE_OK;
	return stem_tokenize((struct stemmer *)t, text, (size_t)n,
	    (flags & FTS5_TOKENIZE_AUX) != 0, fts_token,
	    &c);
}

/* The words a row holds on average, from the table's totals. */
static double
rank_avgdl(sqlite3_int64 nrow, sqlite3_int64 ntok)
{
	return nrow > 0 && ntok > 0 ? (double)ntok / (double)nrow : 1.0;
}

/* The score of a row of dtok words where phrase i stands freq[i] times
 * (weighed), in a table of words avgdl a row on average: lower is
 * better.  fts_rank() and speaker_few() both, so that they agree to the
 * last bit. */
static double
rank_score(const double *freq, int nphrase, int dtok, double avgdl)
{
	const double	k1 = 1.2, b = 0.75;
	double		norm, score = 0;
	int		i;

	norm = k1 * (1.0 - b + b * (double)dtok / avgdl);
	for (i = 0; i < nphrase; i++)
		score += freq[i] * (k1 + 1.0) / (freq[i] + norm);
	return -score;
}

/*
 * citata_rank(table, weight...): BM25 as FTS5's bm25() computes it (k1
 * 1.2, b 0.75, a weight a column), but each phrase of the query weighs
 * the same.  bm25() weighs a phrase by how many rows of the whole table
 * it matches, and counts them by reading every one of its matches at
 * each search: for "правительство" in a million articles, 1.2 G
 * instructions and 140 ms, where ranking the newest rows' matches
 * is a few (search_window()).  For one word the order is bm25()'s; with
 * several, a rare word counts no more than a common one.  Lower is
 * better, as with bm25().
 */
static void
fts_rank(const Fts5ExtensionApi *api, Fts5Context *fts, sqlite3_context *ctx,
    int nval, sqlite3_value **val)
{
	sqlite3_int64	 nrow = 0, ntok = 0;
	double		 stack[16], *freq = stack, w;
	int		 nphrase, ninst = 0, dtok = 0, i, ip, ic, io;

	nphrase = api->xPhraseCount(fts);
	if (nphrase > (int)(sizeof(stack) / sizeof(stack[0])))
		freq = xcalloc((size_t)nphrase, sizeof(*freq));
	else
		memset(stack, 0, sizeof(stack));
	if (api->xRowCount(fts, &nrow) != SQLITE_OK ||
	    api->xColumnTotalSize(fts, -1, &ntok) != SQLITE_OK ||
	    api->xColumnSize(fts, -1, &dtok) != SQLITE_OK ||
	    api->xInstCount(fts, &ninst) != SQLITE_OK) {
		sqlite3_result_error(ctx, "citata_rank: cannot read the row",
		    -1);
		goto out;
	}
	for (i = 0; i < ninst; i++) {
		if (api->xInst(fts, i, &ip, &ic, &io) != SQLITE_OK ||
		    ip < 0 || ip >= nphrase)
			continue;
		w = ic < nval ? sqlite3_value_double(val[ic]) : 1.0;
		freq[ip] += w;
	}
	sqlite3_result_double(ctx, rank_score(freq, nphrase, dtok,
	    rank_avgdl(nrow, ntok)));
out:
	if (freq != stack)
		free(freq);
}

/* citata_avgdl(table): the words a row of the table holds on average,
 * as citata_rank() counts them. */
static void
fts_avgdl(const Fts5ExtensionApi *api, Fts5Context *fts,
    sqlite3_context *ctx, int nval, sqlite3_value **val)
{
	sqlite3_int64	nrow = 0, ntok = 0;

	(void)nval;
	(void)val;
	if (api->xRowCount(fts, &nrow) != SQLITE_OK ||
	    api->xColumnTotalSize(fts, -1, &ntok) != SQLITE_OK) {
		sqlite3_result_error(ctx, "citata_avgdl: cannot read the "
		    "table", -1);
		return;
	}
	sqlite3_result_double(ctx, rank_avgdl(nrow, ntok));
}

/* The strings citata_fold() folded on a connection, and their folds, by
 * a hash of the string (one a slot): a filter on source: folds the
 * source of every row it looks at, and an archive has a few dozen
 * sources (64 in the newest 20,000 articles of archivegen's million). */
#define FOLD_CACHE	256
struct fold_cache {
	struct {
		char	*in, *out;
		size_t	 len;
	}		 e[FOLD_CACHE];
};

static void
fold_cache_free(void *p)
{
	struct fold_cache	*c = p;
	unsigned		 i;

	for (i = 0; i < FOLD_CACHE; i++) {
		free(c->e[i].in);
		free(c->e[i].out);
	}
	free(c);
}

/* citata_fold(x): fold_name() for SQL, so that filters compare case
 * and ё folded. */
static void
sql_fold(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	struct fold_cache	*c = sqlite3_user_data(ctx);
	const char		*s;
	size_t			 len, i;
	uint32_t		 h = 2166136261u;

	(void)argc;
	if ((s = (const char *)sqlite3_value_text(argv[0])) == NULL) {
		sqlite3_result_null(ctx);
		return;
	}
	len = (size_t)sqlite3_value_bytes(argv[0]);
	for (i = 0; i < len; i++)
		h = (h ^ (unsigned char)s[i]) * 16777619u;
	h %= FOLD_CACHE;
	if (c->e[h].in == NULL || c->e[h].len != len ||
	    memcmp(c->e[h].in, s, len) != 0) {
		free(c->e[h].in);
		free(c->e[h].out);
		c->e[h].in = xstrndup(s, len);
		c->e[h].len = len;
		c->e[h].out = fold_name(s);
	}
	sqlite3_result_text(ctx, c->e[h].out, -1, SQLITE_TRANSIENT);
}

/* citata_merge_key(name, kind): merge_key() for SQL, for the upgrades
 * to schemas 9 and 10; a generic name is keyed to no article (0). */
static void
sql_merge_key(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	const char		*s, *k;
	enum speaker_kind	 kind = SPEAKER_PERSON;

	(void)argc;
	if ((s = (const char *)sqlite3_value_text(argv[0])) == NULL) {
		sqlite3_result_null(ctx);
		return;
	}
	if ((k = (const char *)sqlite3_value_text(argv[1])) != NULL) {
		if (strcmp(k, speaker_kind_name(SPEAKER_GROUP)) == 0)
			kind = SPEAKER_GROUP;
		else if (strcmp(k, speaker_kind_name(SPEAKER_INSTITUTION)) ==
		    0)
			kind = SPEAKER_INSTITUTION;
	}
	sqlite3_result_text(ctx, merge_key(s, kind, 0), -1, free);
}

/* Registers the tokenizer and the SQL functions on a new connection. */
int
db_register(struct db *db)
{
	static fts5_tokenizer	 tok = { fts_create, fts_delete, fts_tokenize };
	struct stemmer		*stemmer;
	sqlite3_stmt		*st;
	fts5_api		*api = NULL;
	int			 rc;

	rc = sqlite3_create_function_v2(db->h, "citata_fold", 1, SQLITE_UTF8 |
	    SQLITE_DETERMINISTIC, xcalloc(1, sizeof(struct fold_cache)),
	    sql_fold, NULL, NULL, fold_cache_free);
	if (rc != SQLITE_OK)
		return rc;
	rc = sqlite3_create_function(db->h, "citata_merge_key", 2,
	    SQLITE_UTF8 | SQLITE_DETERMINISTIC, NULL, sql_merge_key, NULL,
	    NULL);
	if (rc != SQLITE_OK)
		return rc;
	if ((rc = sqlite3_prepare_v2(db->h, "SELECT fts5(?1)", -1, &st,
	    NULL)) != SQLITE_OK)
		return rc;
	sqlite3_bind_pointer(st, 1, &api, "fts5_api_ptr", NULL);
	sqlite3_step(st);
	sqlite3_finalize(st);
	if (api == NULL)
		return SQLITE_ERROR;
	stemmer = stem_new();
	rc = api->xCreateTokenizer(api, "citata", stemmer, &tok, fts_destroy);
	if (rc != SQLITE_OK) {
		stem_free(stemmer);
		return rc;
	}
	db->stemmer = stemmer;
	rc = api->xCreateFunction(api, "citata_rank", NULL, fts_rank, NULL);
	if (rc != SQLITE_OK)
		return rc;
	return api->xCreateFunction(api, "citata_avgdl", NULL, fts_avgdl,
	    NULL);
}

/* The ids as a JSON array, for json_each() in SQL.  The caller frees it. */
static char *
ids_json(const long long *ids, long n)
{
	struct buf	b;
	long		i;

	buf_init(&b);
	buf_addc(&b, '[');
	for (i = 0; i < n; i++)
		buf_printf(&b, "%s%lld", i > 0 ? "," : "", ids[i]);
	buf_addc(&b, ']');
	return buf_steal(&b);
}

/*
 * The lowest rowid a search looks at.  Ranking costs a look-up per
 * match, and a filter another, so a common word in a large archive
 * would take seconds: the newest DB_SEARCH_WINDOW rows are searched
 * first, and the window grows tenfold until it holds limit matches the
 * filters let through, or the whole archive.  count is the statement
 * that counts them, bound but for ?7, the window's first rowid.
 */
static long long
search_window(struct db *db, sqlite3_stmt *count, int quotes, int limit,
    char **cause)
{
	long long	 max, w, from, n;

	max = db_one_int(db, db_stmt(db, quotes ? ST_MAX_QUOTE :
	    ST_MAX_ARTICLE), cause);
	if (max < 0)
		return *cause != NULL ? -1 : 0;
	for (w = db->window; ; w *= 10) {
		from = max - w;
		if (from <= 0)
			return 0;
		sqlite3_bind_int64(count, 7, from);
		if ((n = db_one_int(db, count, cause)) < 0)
			return -1;
		if (n >= limit)
			return from;
	}
}

void
db_search_window(struct db *db, long long rows)
{
	db->window = rows > 0 ? rows : DB_SEARCH_WINDOW;
}

void
db_search_few(struct db *db, long long articles, long long quotes)
{
	db->few_articles = articles >= 0 ? articles : DB_SEARCH_FEW_ARTICLES;
	db->few_quotes = quotes >= 0 ? quotes : DB_SEARCH_FEW_QUOTES;
}

void
db_search_speaker_set(struct db *db, long long quotes)
{
	db->speaker_set = quotes >= 0 ? quotes : DB_SEARCH_SPEAKER_SET;
}

/* The values of a search statement's parameters, bound to st: those
 * it has of ?1 the match, ?2 the source (folded), ?3 and ?4 the dates,
 * ?5 the limit, ?6 the speakers' ids (JSON), ?8 the one speaker's, ?9
 * the quotes' ids (JSON), ?10 whether to gather the speakers' quotes
 * (QUOTE_FILTERS). */
struct search_args {
	const char	*expr;
	const char	*source;
	const char	*since;
	const char	*until;
	int		 limit;
	const char	*json;
	long long	 one;
	const char	*ids;
	int		 set;
};

static void
search_bind(sqlite3_stmt *st, const struct search_args *sa)
{
	if (sa->expr != NULL)
		bind_text(st, 1, sa->expr);
	if (sa->source != NULL && sqlite3_bind_parameter_index(st, "?2") > 0)
		bind_text(st, 2, sa->source);
	if (sqlite3_bind_parameter_index(st, "?3") > 0) {
		bind_text(st, 3, sa->since);
		bind_text(st, 4, sa->until);
	}
	if (sqlite3_bind_parameter_index(st, "?5") > 0)
		sqlite3_bind_int(st, 5, sa->limit);
	if (sa->json != NULL && sqlite3_bind_parameter_index(st, "?6") > 0)
		bind_text(st, 6, sa->json);
	if (sqlite3_bind_parameter_index(st, "?8") > 0)
		sqlite3_bind_int64(st, 8, sa->one);
	if (sa->ids != NULL && sqlite3_bind_parameter_index(st, "?9") > 0)
		bind_text(st, 9, sa->ids);
	if (sqlite3_bind_parameter_index(st, "?10") > 0)
		sqlite3_bind_int(st, 10, sa->set);
}

/* A quote of the speakers that matches, and its score. */
struct few_hit {
	double		rank;
	long long	id;
	size_t		seq;		/* the order read */
};

static int
few_hit_cmp(const void *a, const void *b)
{
	const struct few_hit	*x = a, *y = b;

	if (x->rank != y->rank)
		return x->rank < y->rank ? -1 : 1;
	return x->seq < y->seq ? -1 : x->seq > y->seq;
}

/*
 * The quotes of the speakers sa->json, a few thousand at most, matched
 * here and scored as citata_rank() scores them, where FTS5, asked about
 * one row at a time, set up its look-ups in each term's list afresh:
 * 338 k instructions a quote on the million, against some 10 k to read
 * a quote's full-text row and match it.  Sets *ids to the ids of the
 * best sa->limit as a JSON array, best first (of equal scores, the one
 * read first), or NULL when none matches; the caller frees it.  Returns
 * 0, 1 when the query is FTS5's to match (a term of no word), or -1
 * with *cause set.
 */
static int
speaker_few(struct db *db, const struct search_query *sq,
    const struct search_args *sa, char **ids, char **cause)
{
	struct search_matcher	*m;
	struct few_hit		*hits = NULL;
	sqlite3_stmt		*st;
	struct buf		 b;
	const char		*t;
	double			*freq, avgdl = 1.0;
	size_t			 nh = 0, cap = 0, seq, ntok, nph, i;
	int			 rc;

	*ids = NULL;
	m = search_matcher_new(db->stemmer, sq);
	if (search_matcher_empty(m)) {
		search_matcher_free(m);
		return 1;
	}
	st = db_stmt(db, ST_SEARCH_AVGDL);
	if ((rc = sqlite3_step(st)) == SQLITE_ROW)
		avgdl = sqlite3_column_double(st, 0);
	sqlite3_reset(st);
	if (rc != SQLITE_ROW && rc != SQLITE_DONE) {
		search_matcher_free(m);
		*cause = db_error(db, "cannot search the archive");
		return -1;
	}
	nph = sq->nterms + sq->nexcluded;
	freq = xcalloc(nph, sizeof(*freq));
	st = db_stmt(db, ST_SEARCH_SPEAKER_TEXTS);
	search_bind(st, sa);
	for (seq = 0; (rc = sqlite3_step(st)) == SQLITE_ROW; seq++) {
		if ((t = (const char *)sqlite3_column_text(st, 1)) == NULL ||
		    !search_matcher_test(m, t, (size_t)sqlite3_column_bytes(st,
		    1), freq, &ntok))
			continue;
		if (nh == cap) {
			cap = cap == 0 ? 64 : cap * 2;
			hits = xreallocarray(hits, cap, sizeof(*hits));
		}
		hits[nh].rank = rank_score(freq, (int)nph, (int)ntok, avgdl);
		hits[nh].id = sqlite3_column_int64(st, 0);
		hits[nh].seq = seq;
		nh++;
	}
	sqlite3_reset(st);
	search_matcher_free(m);
	free(freq);
	if (rc != SQLITE_DONE) {
		free(hits);
		*cause = db_error(db, "cannot search the archive");
		return -1;
	}
	if (nh > 0) {
		qsort(hits, nh, sizeof(*hits), few_hit_cmp);
		buf_init(&b);
		buf_addc(&b, '[');
		for (i = 0; i < nh && i < (size_t)sa->limit; i++)
			buf_printf(&b, "%s%lld", i > 0 ? "," : "", hits[i].id);
		buf_addc(&b, ']');
		*ids = buf_steal(&b);
	}
	free(hits);
	return 0;
}

long
db_search(struct db *db, const struct search_query *sq, int quotes,
    int limit, db_hit_fn fn, void *ctx, char **cause)
{
	sqlite3_stmt		*st, *count;
	struct search_args	 sa;
	struct db_hit		 h;
	long long		*ids = NULL, one = 0, from = 0, few = 0;
	long long		 days = LLONG_MAX;
	long			 nids = 0, n = 0;
	char			*expr = NULL, *json = NULL, *src = NULL;
	char			*qids = NULL;
	int			 rc, filtered;

	*cause = NULL;
	filtered = sq->source != NULL || sq->since != NULL ||
	    sq->until != NULL;
	memset(&sa, 0, sizeof(sa));
	sa.since = sq->since;
	sa.until = sq->until;
	sa.limit = limit;
	/* No article in the dates: nothing to look for. */
	if (sq->since != NULL || sq->until != NULL) {
		st = db_stmt(db, ST_SEARCH_DAYS);
		search_bind(st, &sa);
		if ((days = db_one_int(db, st, cause)) < 0)
			return -1;
		if (days == 0)
			return 0;
	}
	if (sq->speaker != NULL) {
		if ((nids = db_speaker_find(db, sq->speaker, &ids, cause)) < 0)
			return -1;
		if (nids == 0) {
			free(ids);
			return 0;
		}
		json = ids_json(ids, nids);
		one = nids == 1 ? ids[0] : 0;
		free(ids);
		quotes = 1;
	}
	expr = search_fts_expr(sq);
	if (sq->source != NULL)
		src = fold_name(sq->source);
	sa.expr = expr;
	sa.source = src;
	sa.json = json;
	sa.one = one;
	if (expr != NULL && (json != NULL || days <= db->few_articles)) {
		/* A few quotes of the speakers, or articles of the days? */
		if (json != NULL) {
			st = db_stmt(db, ST_SEARCH_SPEAKERS_QUOTES);
			search_bind(st, &sa);
			if ((few = db_one_int(db, st, cause)) < 0)
				goto fail;
			sa.set = few <= db->speaker_set;
			if (few > db->few_quotes)
				few = 0;
			else if ((rc = speaker_few(db, sq, &sa, &qids,
			    cause)) < 0)
				goto fail;
			else if (rc == 0 && qids == NULL)
				goto out;	/* none matches */
			else
				few = rc == 0 ? ST_SEARCH_QUOTES_BY_ID : 0;
			sa.ids = qids;
		} else if (!quotes)
			few = ST_SEARCH_ARTICLES_BY_DATE;
	}
	if (few > 0)
		st = db_stmt(db, (enum db_stmt_id)few);
	else if (expr != NULL) {
		/* The window first, counted with the same filters. */
		count = db_stmt(db, quotes ? (filtered || json != NULL ?
		    ST_SEARCH_QCOUNT_FILTERED : ST_SEARCH_QCOUNT) : filtered ?
		    ST_SEARCH_COUNT_FILTERED : ST_SEARCH_COUNT);
		search_bind(count, &sa);
		if ((from = search_window(db, count, quotes, limit,
		    cause)) < 0)
			goto fail;
		st = db_stmt(db, quotes ? ST_SEARCH_QUOTES : filtered ?
		    ST_SEARCH_ARTICLES_FILTERED : ST_SEARCH_ARTICLES);
		sqlite3_bind_int64(st, 7, from);
	} else
		st = db_stmt(db, one > 0 ? ST_LIST_QUOTES_ONE :
		    json != NULL ? ST_LIST_QUOTES : ST_LIST_ARTICLES);
	search_bind(st, &sa);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		h.article_id = sqlite3_column_int64(st, 0);
		h.quote_id = sqlite3_column_int64(st, 1);
		h.date = col_text(st, 2);
		h.source = col_text(st, 3);
		h.title = col_text(st, 4);
		h.speaker = col_text(st, 5);
		h.snippet = col_text(st, 6);
		h.rank = sqlite3_column_double(st, 7);
		h.nquotes = sqlite3_column_int64(st, 8);
		h.is_read = sqlite3_column_int(st, 9);
		n++;
		if (fn(ctx, &h) != 0) {
			rc = SQLITE_DONE;
			break;
		}
	}
	sqlite3_reset(st);
	if (rc == SQLITE_DONE)
		goto out;
	*cause = db_error(db, "cannot search the archive");
fail:
	n = -1;
out:
	free(expr);
	free(json);
	free(src);
	free(qids);
	return n;
}

int
db_fts_rebuild(struct db *db, char **cause)
{
	return db_exec(db, "INSERT INTO articles_fts(articles_fts)"
	    " VALUES ('rebuild')", cause);
}
