/*
 * db_article.c: articles in the archive: storing one (with its quotes),
 * reading one, and listing them, whole or a page at a time.
 */
#include "config.h"

#include "db.h"

#include <sqlite3.h>
#include <stdint.h>
#include <stdlib.h>
#include <time.h>

#include "article.h"
#include "db_int.h"
#include "util.h"

#define ROW_COLUMNS \
	"SELECT id, date, source, title, nquotes, is_read, time FROM articles"
#define ARTICLE_COLUMNS \
	"SELECT id, date, title, title_derived, source, url, text, origin," \
	" origin_line, time, feed_id, guid FROM articles"

/* The list runs newest first: by date, then time of day ('' for an
 * article without one, so after those with one), then id. */
const char *const db_article_sql[ST__COUNT] = {
	[ST_ARTICLE_FIND] =
	    "SELECT id FROM articles WHERE hash = ?1 AND text = ?2",
	[ST_ARTICLE_INSERT] =
	    "INSERT INTO articles (date, title, title_derived, source, url,"
	    " text, origin, origin_line, hash, imported, nquotes, time,"
	    " feed_id, guid)"
	    " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13,"
	    " ?14)",
	[ST_ARTICLE_GET] =
	    ARTICLE_COLUMNS " WHERE id = ?1",
	[ST_ARTICLE_SET_READ] =
	    "UPDATE articles SET is_read = ?2 WHERE id = ?1",
	[ST_ARTICLES] =
	    ROW_COLUMNS " ORDER BY date DESC, time DESC, id DESC",
	[ST_EXPORT] =
	    ARTICLE_COLUMNS " ORDER BY id",
	[ST_IDS] =
	    "SELECT id FROM articles ORDER BY id",
	[ST_PAGE_FIRST] =
	    ROW_COLUMNS " ORDER BY date DESC, time DESC, id DESC LIMIT ?1",
	[ST_PAGE_LAST] =
	    ROW_COLUMNS " ORDER BY date, time, id LIMIT ?1",
	[ST_PAGE_OLDER] =
	    ROW_COLUMNS " WHERE (date, time, id) < (?1, ?4, ?2)"
	    " ORDER BY date DESC, time DESC, id DESC LIMIT ?3",
	[ST_PAGE_NEWER] =
	    ROW_COLUMNS " WHERE (date, time, id) > (?1, ?4, ?2)"
	    " ORDER BY date, time, id LIMIT ?3",
	[ST_TOTAL] = "SELECT coalesce(sum(n), 0) FROM article_days",
	/* The newer days, then the newer articles of the same day. */
	[ST_RANK] =
	    "SELECT (SELECT coalesce(sum(n), 0) FROM article_days"
	    "   WHERE date > ?1)"
	    " + (SELECT count(*) FROM articles WHERE date = ?1"
	    "   AND (time, id) > (?3, ?2))",
};

static char	*content_hash(const char *, size_t);
static int	 article_row_read(sqlite3_stmt *, struct article *);
static void	 article_row_fill(sqlite3_stmt *, struct db_article_row *);

/* FNV-1a, 64 bits, as 16 hex digits: an index key only; equality is
 * always confirmed on the text itself. */
static char *
content_hash(const char *s, size_t n)
{
	uint64_t	h = 0xcbf29ce484222325ULL;
	size_t		i;

	for (i = 0; i < n; i++) {
		h ^= (unsigned char)s[i];
		h *= 0x100000001b3ULL;
	}
	return xasprintf("%016llx", (unsigned long long)h);
}

int
db_article_put(struct db *db, struct article *a, const struct quote_list *ql,
    char **cause)
{
	sqlite3_stmt	*st;
	char		*hash = content_hash(a->text, a->len);
	int		 rc;

	st = db_stmt(db, ST_ARTICLE_FIND);
	bind_text(st, 1, hash);
	sqlite3_bind_text(st, 2, a->text, (int)a->len, SQLITE_STATIC);
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW) {
		a->id = sqlite3_column_int64(st, 0);
		sqlite3_reset(st);
		free(hash);
		return 0;
	}
	sqlite3_reset(st);
	if (rc != SQLITE_DONE) {
		*cause = db_error(db, "cannot read the archive");
		free(hash);
		return -1;
	}
	st = db_stmt(db, ST_ARTICLE_INSERT);
	bind_text(st, 1, a->date);
	bind_text(st, 2, a->title);
	sqlite3_bind_int(st, 3, a->title_derived);
	bind_text(st, 4, a->source);
	bind_text(st, 5, a->url);
	sqlite3_bind_text(st, 6, a->text, (int)a->len, SQLITE_STATIC);
	bind_text(st, 7, a->origin);
	sqlite3_bind_int64(st, 8, a->line);
	bind_text(st, 9, hash);
	sqlite3_bind_int64(st, 10, (sqlite3_int64)time(NULL));
	sqlite3_bind_int64(st, 11, db_quotes_storable(a, ql));
	bind_text(st, 12, a->time != NULL ? a->time : "");
	if (a->feed_id > 0)
		sqlite3_bind_int64(st, 13, a->feed_id);
	bind_text(st, 14, a->guid);
	free(hash);
	if (db_done(db, st, SQLITE_DONE, cause) != 0)
		return -1;
	a->id = sqlite3_last_insert_rowid(db->h);
	if (db_quotes_insert(db, a, ql, cause) != 0)
		return -1;
	return 1;
}

/* Fills a from a row of ST_ARTICLE_GET or ST_EXPORT. */
static int
article_row_read(sqlite3_stmt *st, struct article *a)
{
	const char	*s;

	a->id = sqlite3_column_int64(st, 0);
	a->date = xstrdup(col_text(st, 1));
	a->title = xstrdup(col_text(st, 2));
	a->title_derived = sqlite3_column_int(st, 3);
	a->source = (s = col_text(st, 4)) != NULL ? xstrdup(s) : NULL;
	a->url = (s = col_text(st, 5)) != NULL ? xstrdup(s) : NULL;
	s = col_text(st, 6);
	a->len = (size_t)sqlite3_column_bytes(st, 6);
	a->text = xstrndup(s != NULL ? s : "", a->len);
	a->origin = (s = col_text(st, 7)) != NULL ? xstrdup(s) : NULL;
	a->line = (long)sqlite3_column_int64(st, 8);
	s = col_text(st, 9);
	a->time = s != NULL && *s != '\0' ? xstrdup(s) : NULL;
	a->feed_id = sqlite3_column_int64(st, 10);
	a->guid = (s = col_text(st, 11)) != NULL ? xstrdup(s) : NULL;
	return 0;
}

struct article *
db_article_get(struct db *db, long long id, char **cause)
{
	sqlite3_stmt	*st = db_stmt(db, ST_ARTICLE_GET);
	struct article	*a = NULL;
	int		 rc;

	*cause = NULL;
	sqlite3_bind_int64(st, 1, id);
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW) {
		a = article_new();
		article_row_read(st, a);
	} else if (rc != SQLITE_DONE)
		*cause = db_error(db, "cannot read the archive");
	sqlite3_reset(st);
	return a;
}

int
db_article_set_read(struct db *db, long long id, int is_read, char **cause)
{
	sqlite3_stmt	*st = db_stmt(db, ST_ARTICLE_SET_READ);

	sqlite3_bind_int64(st, 1, id);
	sqlite3_bind_int(st, 2, is_read != 0);
	return db_done_nowait(db, st, cause);
}

int
db_articles(struct db *db, db_article_fn fn, void *ctx, char **cause)
{
	sqlite3_stmt		*st = db_stmt(db, ST_ARTICLES);
	struct db_article_row	 r;
	int			 rc;

	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		article_row_fill(st, &r);
		if (fn(ctx, &r) != 0) {
			rc = SQLITE_DONE;
			break;
		}
	}
	return db_rows_end(db, st, rc, cause);
}

int
db_export(struct db *db, db_export_fn fn, void *ctx, char **cause)
{
	sqlite3_stmt	*st = db_stmt(db, ST_EXPORT);
	struct article	*a;
	int		 rc, stop = 0;

	while (!stop && (rc = sqlite3_step(st)) == SQLITE_ROW) {
		a = article_new();
		article_row_read(st, a);
		stop = fn(ctx, a);
		article_free(a);
	}
	if (stop)
		rc = SQLITE_DONE;
	return db_rows_end(db, st, rc, cause);
}

int
db_article_ids(struct db *db, int (*fn)(void *, long long), void *ctx,
    char **cause)
{
	sqlite3_stmt	 *st = db_stmt(db, ST_IDS);
	long long	 *ids = NULL;
	size_t		  n = 0, cap = 0, i;
	int		  rc;

	/* Collected first, so fn may use the database freely. */
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		if (n == cap) {
			cap = cap == 0 ? 1024 : cap * 2;
			ids = xreallocarray(ids, cap, sizeof(*ids));
		}
		ids[n++] = sqlite3_column_int64(st, 0);
	}
	sqlite3_reset(st);
	if (rc != SQLITE_DONE) {
		free(ids);
		*cause = db_error(db, "cannot read the archive");
		return -1;
	}
	for (i = 0; i < n; i++)
		if (fn(ctx, ids[i]) != 0)
			break;
	free(ids);
	return 0;
}

/* Reads one row of an ST_PAGE_* or ST_ARTICLES statement. */
static void
article_row_fill(sqlite3_stmt *st, struct db_article_row *r)
{
	r->id = sqlite3_column_int64(st, 0);
	r->date = col_text(st, 1);
	r->source = col_text(st, 2);
	r->title = col_text(st, 3);
	r->nquotes = (long)sqlite3_column_int64(st, 4);
	r->is_read = sqlite3_column_int(st, 5);
	r->time = col_text(st, 6);
}

long
db_articles_page(struct db *db, const struct db_article_key *key,
    int older, int limit, db_article_fn fn, void *ctx, char **cause)
{
	sqlite3_stmt		*st;
	struct db_article_row	 r;
	long			 n = 0;
	int			 rc;

	if (key == NULL)
		st = db_stmt(db, older ? ST_PAGE_FIRST : ST_PAGE_LAST);
	else {
		st = db_stmt(db, older ? ST_PAGE_OLDER : ST_PAGE_NEWER);
		bind_text(st, 1, key->date);
		sqlite3_bind_int64(st, 2, key->id);
		bind_text(st, 4, key->time);
	}
	sqlite3_bind_int(st, key == NULL ? 1 : 3, limit);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		article_row_fill(st, &r);
		n++;
		if (fn(ctx, &r) != 0) {
			rc = SQLITE_DONE;
			break;
		}
	}
	sqlite3_reset(st);
	if (rc != SQLITE_DONE) {
		*cause = db_error(db, "cannot read the archive");
		return -1;
	}
	return n;
}

long long
db_article_total(struct db *db, char **cause)
{
	return db_one_int(db, db_stmt(db, ST_TOTAL), cause);
}

long long
db_article_rank(struct db *db, const struct db_article_key *key,
    char **cause)
{
	sqlite3_stmt	*st = db_stmt(db, ST_RANK);

	bind_text(st, 1, key->date);
	sqlite3_bind_int64(st, 2, key->id);
	bind_text(st, 3, key->time);
	return db_one_int(db, st, cause);
}
