/*
 * db_feed.c: the subscriptions: adding, listing and removing feeds, and
 * what each fetch of one found.
 */
#include "config.h"

#include "db.h"

#include <sqlite3.h>
#include <stdlib.h>
#include <time.h>

#include "db_int.h"
#include "util.h"

const char *const db_feed_sql[ST__COUNT] = {
	[ST_FEED_INSERT] =
	    "INSERT INTO feeds (url, name, added) VALUES (?1, ?2, ?3)"
	    " ON CONFLICT (url) DO NOTHING",
	[ST_FEED_BY_URL] =
	    "SELECT id FROM feeds WHERE url = ?1",
	/* A few hundred rows; each count reads the feed's index entries. */
	[ST_FEEDS] =
	    "SELECT f.id, f.url, f.name, f.title, f.etag, f.last_modified,"
	    " f.added, f.fetched, f.ok, f.retry_until, f.status, f.failed,"
	    " (SELECT count(*) FROM articles WHERE feed_id = f.id)"
	    " FROM feeds f"
	    " ORDER BY coalesce(f.name, f.title, f.url) COLLATE NOCASE, f.id",
	[ST_FEED_DELETE] =
	    "DELETE FROM feeds WHERE id = ?1",
	/* The validators change only with a body (200): a 304 or a
	 * failure leaves them, and so the title. */
	[ST_FEED_FETCHED] =
	    "UPDATE feeds SET fetched = ?2, status = ?3, failed = ?4,"
	    " ok = CASE WHEN ?4 THEN ok ELSE ?2 END,"
	    " title = coalesce(?5, title),"
	    " etag = CASE WHEN ?8 THEN ?6 ELSE etag END,"
	    " last_modified = CASE WHEN ?8 THEN ?7 ELSE last_modified END,"
	    " retry_until = ?9"
	    " WHERE id = ?1",
	[ST_FEED_MOVE] =
	    "UPDATE OR IGNORE feeds SET url = ?2 WHERE id = ?1",
};

int
db_feed_add(struct db *db, const char *url, const char *name, long long *id,
    char **cause)
{
	sqlite3_stmt	*st = db_stmt(db, ST_FEED_INSERT);
	int		 added;

	bind_text(st, 1, url);
	bind_text(st, 2, name);
	sqlite3_bind_int64(st, 3, (sqlite3_int64)time(NULL));
	if (db_done(db, st, SQLITE_DONE, cause) != 0)
		return -1;
	added = sqlite3_changes(db->h) > 0;
	st = db_stmt(db, ST_FEED_BY_URL);
	bind_text(st, 1, url);
	if ((*id = db_one_int(db, st, cause)) < 0)
		return -1;
	return added;
}

int
db_feeds(struct db *db, db_feed_fn fn, void *ctx, char **cause)
{
	sqlite3_stmt	*st = db_stmt(db, ST_FEEDS);
	struct db_feed	 f;
	int		 rc;

	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		f.id = sqlite3_column_int64(st, 0);
		f.url = col_text(st, 1);
		f.name = col_text(st, 2);
		f.title = col_text(st, 3);
		f.etag = col_text(st, 4);
		f.last_modified = col_text(st, 5);
		f.added = sqlite3_column_int64(st, 6);
		f.fetched = sqlite3_column_int64(st, 7);
		f.ok = sqlite3_column_int64(st, 8);
		f.retry_until = sqlite3_column_int64(st, 9);
		f.status = col_text(st, 10);
		f.failed = sqlite3_column_int(st, 11);
		f.narticles = sqlite3_column_int64(st, 12);
		if (fn(ctx, &f) != 0) {
			rc = SQLITE_DONE;
			break;
		}
	}
	return db_rows_end(db, st, rc, cause);
}

int
db_feed_remove(struct db *db, long long id, char **cause)
{
	sqlite3_stmt	*st = db_stmt(db, ST_FEED_DELETE);

	sqlite3_bind_int64(st, 1, id);
	return db_done(db, st, SQLITE_DONE, cause);
}

int
db_feed_fetched(struct db *db, long long id, long long now,
    const struct db_feed_fetch *f, char **cause)
{
	sqlite3_stmt	*st;

	if (f->moved_to != NULL) {
		st = db_stmt(db, ST_FEED_MOVE);
		sqlite3_bind_int64(st, 1, id);
		bind_text(st, 2, f->moved_to);
		if (db_done(db, st, SQLITE_DONE, cause) != 0)
			return -1;
	}
	st = db_stmt(db, ST_FEED_FETCHED);
	sqlite3_bind_int64(st, 1, id);
	sqlite3_bind_int64(st, 2, now);
	bind_text(st, 3, f->status);
	sqlite3_bind_int(st, 4, f->failed != 0);
	bind_text(st, 5, f->title);
	bind_text(st, 6, f->etag);
	bind_text(st, 7, f->last_modified);
	sqlite3_bind_int(st, 8, f->body != 0);
	if (f->retry_until > 0)
		sqlite3_bind_int64(st, 9, f->retry_until);
	return db_done(db, st, SQLITE_DONE, cause);
}
