/*
 * db_article.c: articles in the archive: storing one (with its quotes),
 * reading one, and listing them, whole or a page at a time.
 */
#include "config.h"

#include "db.h"

#include <sqlite3.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "article.h"
#include "db_int.h"
#include "util.h"

/* Whether an article is read is whether the table unread lacks it
 * (schema 13). */
#define ROW_COLUMNS \
	"SELECT id, date, source, title, nquotes," \
	" NOT EXISTS (SELECT 1 FROM unread u WHERE u.id = articles.id)," \
	" time, starred FROM articles"
#define STARRED	" WHERE starred <> 0"
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
	/* The articles db_article_put() stored in this transaction: their
	 * ids are above any there before, so a range holds them all. */
	[ST_ARTICLE_FTS_RANGE] =
	    "SELECT id, title, text FROM articles WHERE id BETWEEN ?1 AND ?2",
	/* One row from values: see db_fts_flush(). */
	[ST_ARTICLE_FTS_INSERT] =
	    "INSERT INTO articles_fts (rowid, title, text) VALUES (?1, ?2, ?3)",
	[ST_ARTICLE_GET] =
	    ARTICLE_COLUMNS " WHERE id = ?1",
	[ST_ARTICLE_SET_READ] =
	    "DELETE FROM unread WHERE id = ?1",
	[ST_ARTICLE_SET_UNREAD] =
	    "INSERT OR IGNORE INTO unread (id)"
	    " SELECT id FROM articles WHERE id = ?1",
	[ST_ARTICLE_STARRED] =
	    "SELECT starred <> 0 FROM articles WHERE id = ?1",
	[ST_ARTICLE_SET_STAR] =
	    "UPDATE articles SET starred = ?2 WHERE id = ?1",
	/* No WHERE and no trigger on unread: SQLite empties the table
	 * page by page (its truncate optimization), not row by row. */
	[ST_READ_ALL] =
	    "DELETE FROM unread",
	[ST_UNREAD_TOTAL] =
	    "SELECT count(*) FROM unread",
	/* The next unread article down the list: along the list's index
	 * when most articles are unread, from the unread ones when few
	 * are (db_next_unread()). */
	[ST_UNREAD_NEXT] =
	    "SELECT date, time, id FROM articles a"
	    " WHERE (date, time, id) < (?1, ?3, ?2)"
	    " AND EXISTS (SELECT 1 FROM unread u WHERE u.id = a.id)"
	    " ORDER BY date DESC, time DESC, id DESC LIMIT 1",
	[ST_UNREAD_NEXT_FEW] =
	    "SELECT a.date, a.time, a.id FROM unread u"
	    " CROSS JOIN articles a ON a.id = u.id"
	    " WHERE (a.date, a.time, a.id) < (?1, ?3, ?2)"
	    " ORDER BY a.date DESC, a.time DESC, a.id DESC LIMIT 1",
	/* The starred articles, along their own small index. */
	[ST_STAR_FIRST] =
	    ROW_COLUMNS STARRED
	    " ORDER BY date DESC, time DESC, id DESC LIMIT ?1",
	[ST_STAR_LAST] =
	    ROW_COLUMNS STARRED " ORDER BY date, time, id LIMIT ?1",
	[ST_STAR_OLDER] =
	    ROW_COLUMNS STARRED " AND (date, time, id) < (?1, ?4, ?2)"
	    " ORDER BY date DESC, time DESC, id DESC LIMIT ?3",
	[ST_STAR_NEWER] =
	    ROW_COLUMNS STARRED " AND (date, time, id) > (?1, ?4, ?2)"
	    " ORDER BY date, time, id LIMIT ?3",
	[ST_STAR_TOTAL] =
	    "SELECT count(*) FROM articles" STARRED,
	[ST_STAR_RANK] =
	    "SELECT count(*) FROM articles" STARRED
	    " AND (date, time, id) > (?1, ?3, ?2)",
	[ST_ARTICLES_STARRED] =
	    ROW_COLUMNS STARRED " ORDER BY date DESC, time DESC, id DESC",
	[ST_ARTICLES] =
	    ROW_COLUMNS " ORDER BY date DESC, time DESC, id DESC",
	[ST_EXPORT] =
	    ARTICLE_COLUMNS " ORDER BY id",
	[ST_IDS] =
	    "SELECT id FROM articles WHERE id > ?1 ORDER BY id",
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
	[ST_ITEM_BY_GUID] =
	    "SELECT id FROM articles WHERE feed_id = ?1 AND guid = ?2",
	[ST_ITEM_BY_URL] =
	    "SELECT id FROM articles WHERE url = ?1 AND feed_id IS NOT NULL"
	    " ORDER BY id LIMIT 1",
	[ST_ARTICLE_UPDATE] =
	    "UPDATE articles SET date = ?2, time = ?3, title = ?4,"
	    " title_derived = ?5, url = coalesce(?6, url), text = ?7,"
	    " hash = ?8, nquotes = ?9 WHERE id = ?1",
	[ST_QUOTES_MANUAL] =
	    "SELECT id, start, \"end\" FROM quotes"
	    " WHERE article_id = ?1 AND origin = 'manual'",
	[ST_QUOTE_MOVE] =
	    "UPDATE quotes SET start = ?2, \"end\" = ?3 WHERE id = ?1",
	[ST_QUOTE_DELETE] =
	    "DELETE FROM quotes WHERE id = ?1",
	[ST_TOTAL] = "SELECT coalesce(sum(n), 0) FROM article_days",
	/* The newer days, then the newer articles of the same day. */
	[ST_RANK] =
	    "SELECT (SELECT coalesce(sum(n), 0) FROM article_days"
	    "   WHERE date > ?1)"
	    " + (SELECT count(*) FROM articles WHERE date = ?1"
	    "   AND (time, id) > (?3, ?2))",
};

static char	*content_hash(const char *, size_t);
static int	 id_cmp(const void *, const void *);
static int	 manual_quotes_move(struct db *, long long, const char *,
		    size_t, const char *, size_t, size_t *, char **);
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
	/*
	 * The article's full-text row is written at the commit, with the
	 * others of the transaction, in one statement (schema 14).  Every
	 * statement SQLite may have to undo alone (those with triggers,
	 * as the quotes' and speakers' are) first makes FTS5 write out
	 * what it holds in memory: written per article, the index was a
	 * small segment per article to merge again and again, a quarter
	 * of an import's time.  Outside a transaction it is written at
	 * the end of db_quotes_insert().
	 */
	if (db->fts_first == 0)
		db->fts_first = a->id;
	db->fts_last = a->id;
	if (db_quotes_insert(db, a, ql, 0, cause) != 0)
		return -1;
	return 1;
}

long long
db_article_find_item(struct db *db, long long feed_id, const char *guid,
    const char *url, char **cause)
{
	sqlite3_stmt	*st;
	long long	 id = 0;
	int		 rc;

	if (guid != NULL) {
		st = db_stmt(db, ST_ITEM_BY_GUID);
		sqlite3_bind_int64(st, 1, feed_id);
		bind_text(st, 2, guid);
		if ((rc = sqlite3_step(st)) == SQLITE_ROW)
			id = sqlite3_column_int64(st, 0);
		sqlite3_reset(st);
		if (rc != SQLITE_ROW && rc != SQLITE_DONE)
			goto fail;
	}
	if (id == 0 && url != NULL) {
		st = db_stmt(db, ST_ITEM_BY_URL);
		bind_text(st, 1, url);
		if ((rc = sqlite3_step(st)) == SQLITE_ROW)
			id = sqlite3_column_int64(st, 0);
		sqlite3_reset(st);
		if (rc != SQLITE_ROW && rc != SQLITE_DONE)
			goto fail;
	}
	return id;
fail:
	*cause = db_error(db, "cannot read the archive");
	return -1;
}

int
db_article_replace(struct db *db, const struct article *a,
    const struct quote_list *ql, size_t *lost, char **cause)
{
	struct article	*old;
	sqlite3_stmt	*st;
	char		*hash;
	int		 same;

	*lost = 0;
	if ((old = db_article_get(db, a->id, cause)) == NULL) {
		if (*cause == NULL)
			*cause = xasprintf("article %lld is gone", a->id);
		return -1;
	}
	same = old->len == a->len && memcmp(old->text, a->text, a->len) == 0 &&
	    strcmp(old->title, a->title) == 0;
	if (same) {
		article_free(old);
		return 0;
	}
	/* Its full-text row must be there for the update's trigger to
	 * take it out. */
	if (db_fts_flush(db, cause) != 0) {
		article_free(old);
		return -1;
	}
	/* Manual quotes first, while the old text is at hand. */
	if (manual_quotes_move(db, a->id, old->text, old->len, a->text, a->len,
	    lost, cause) != 0) {
		article_free(old);
		return -1;
	}
	article_free(old);
	hash = content_hash(a->text, a->len);
	st = db_stmt(db, ST_ARTICLE_UPDATE);
	sqlite3_bind_int64(st, 1, a->id);
	bind_text(st, 2, a->date);
	bind_text(st, 3, a->time != NULL ? a->time : "");
	bind_text(st, 4, a->title);
	sqlite3_bind_int(st, 5, a->title_derived);
	bind_text(st, 6, a->url);
	sqlite3_bind_text(st, 7, a->text, (int)a->len, SQLITE_STATIC);
	bind_text(st, 8, hash);
	sqlite3_bind_int64(st, 9, 0);
	free(hash);
	if (db_done(db, st, SQLITE_DONE, cause) != 0)
		return -1;
	if (db_quotes_replace(db, a, ql, cause) != 0)
		return -1;
	return 1;
}

/*
 * Moves the manual quotes of article id from old[0..oldlen) to the same
 * words in text[0..len), the occurrence nearest their old place; one
 * whose words are not there any more is deleted and counted in *lost.
 */
static int
manual_quotes_move(struct db *db, long long id, const char *old,
    size_t oldlen, const char *text, size_t len, size_t *lost, char **cause)
{
	struct moved {
		long long	id;
		size_t		start, end;
		int		gone;
	}		*m = NULL;
	sqlite3_stmt	*st = db_stmt(db, ST_QUOTES_MANUAL);
	const char	*p, *best;
	size_t		 n = 0, cap = 0, i, s, e, qlen;
	int		 rc;

	sqlite3_bind_int64(st, 1, id);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		if (n == cap) {
			cap = cap == 0 ? 8 : cap * 2;
			m = xreallocarray(m, cap, sizeof(*m));
		}
		m[n].id = sqlite3_column_int64(st, 0);
		m[n].start = (size_t)sqlite3_column_int64(st, 1);
		m[n].end = (size_t)sqlite3_column_int64(st, 2);
		m[n].gone = 1;
		n++;
	}
	if (db_rows_end(db, st, rc, cause) != 0) {
		free(m);
		return -1;
	}
	for (i = 0; i < n; i++) {
		s = m[i].start;
		e = m[i].end;
		if (e > oldlen || s >= e)
			continue;
		qlen = e - s;
		best = NULL;
		for (p = text; (p = memmem(p, len - (size_t)(p - text),
		    old + s, qlen)) != NULL; p++)
			if (best == NULL || labs((long)(p - text) - (long)s) <
			    labs((long)(best - text) - (long)s))
				best = p;
		if (best != NULL) {
			m[i].start = (size_t)(best - text);
			m[i].end = m[i].start + qlen;
			m[i].gone = 0;
		}
	}
	for (i = 0; i < n; i++) {
		if (m[i].gone) {
			st = db_stmt(db, ST_QUOTE_DELETE);
			sqlite3_bind_int64(st, 1, m[i].id);
			(*lost)++;
		} else {
			st = db_stmt(db, ST_QUOTE_MOVE);
			sqlite3_bind_int64(st, 1, m[i].id);
			sqlite3_bind_int64(st, 2, (sqlite3_int64)m[i].start);
			sqlite3_bind_int64(st, 3, (sqlite3_int64)m[i].end);
		}
		if (db_done(db, st, SQLITE_DONE, cause) != 0) {
			free(m);
			return -1;
		}
	}
	free(m);
	return 0;
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
db_fts_flush(struct db *db, char **cause)
{
	sqlite3_stmt	*st, *row;
	size_t		 i;
	int		 rc;

	/*
	 * An article a statement, each one row from values: a statement
	 * that may write many rows (INSERT ... SELECT) keeps every page it
	 * changes in a statement journal, and at a million articles FTS5's
	 * merges inside one such statement held some 100 MB there.
	 */
	if (db->fts_first > 0) {
		row = db_stmt(db, ST_ARTICLE_FTS_RANGE);
		sqlite3_bind_int64(row, 1, db->fts_first);
		sqlite3_bind_int64(row, 2, db->fts_last);
		db->fts_first = db->fts_last = 0;
		while ((rc = sqlite3_step(row)) == SQLITE_ROW) {
			st = db_stmt(db, ST_ARTICLE_FTS_INSERT);
			sqlite3_bind_int64(st, 1, sqlite3_column_int64(row, 0));
			/* Both NOT NULL; the row stays until the next step. */
			sqlite3_bind_text(st, 2, (const char *)
			    sqlite3_column_text(row, 1), sqlite3_column_bytes(row,
			    1), SQLITE_STATIC);
			sqlite3_bind_text(st, 3, (const char *)
			    sqlite3_column_text(row, 2), sqlite3_column_bytes(row,
			    2), SQLITE_STATIC);
			if (db_done(db, st, SQLITE_DONE, cause) != 0)
				break;
		}
		sqlite3_reset(row);
		if (rc != SQLITE_DONE) {
			if (rc != SQLITE_ROW)
				*cause = db_error(db, "cannot index articles");
			return -1;
		}
	}
	/* One statement a quote, none of them with a trigger, so FTS5
	 * gathers their terms. */
	for (i = 0; i < db->fts_nq; i++) {
		st = db_stmt(db, ST_QUOTE_FTS_INSERT);
		sqlite3_bind_int64(st, 1, db->fts_q[i].id);
		sqlite3_bind_text(st, 2, db->fts_qtext + db->fts_q[i].off,
		    (int)db->fts_q[i].len, SQLITE_STATIC);
		if (db_done(db, st, SQLITE_DONE, cause) != 0)
			break;
	}
	rc = i < db->fts_nq ? -1 : 0;
	db->fts_nq = db->fts_qlen = 0;
	if (rc != 0) {
		db->fts_nsp = 0;
		return -1;
	}
	/* Each speaker once, however often it was noted. */
	if (db->fts_nsp > 1)
		qsort(db->fts_sp, db->fts_nsp, sizeof(*db->fts_sp), id_cmp);
	for (i = 0; i < db->fts_nsp; i++) {
		if (i > 0 && db->fts_sp[i] == db->fts_sp[i - 1])
			continue;
		st = db_stmt(db, ST_SPEAKER_FTS_DELETE);
		sqlite3_bind_int64(st, 1, db->fts_sp[i]);
		if (db_done(db, st, SQLITE_DONE, cause) != 0)
			break;
		row = db_stmt(db, ST_SPEAKER_FTS_ROW);
		sqlite3_bind_int64(row, 1, db->fts_sp[i]);
		if ((rc = sqlite3_step(row)) != SQLITE_ROW) {
			sqlite3_reset(row);
			if (rc == SQLITE_DONE)
				continue;	/* the speaker is gone */
			*cause = db_error(db, "cannot index a speaker");
			break;
		}
		st = db_stmt(db, ST_SPEAKER_FTS_INSERT);
		sqlite3_bind_int64(st, 1, db->fts_sp[i]);
		sqlite3_bind_value(st, 2, sqlite3_column_value(row, 1));
		sqlite3_bind_value(st, 3, sqlite3_column_value(row, 2));
		sqlite3_reset(row);
		if (db_done(db, st, SQLITE_DONE, cause) != 0)
			break;
	}
	rc = i < db->fts_nsp ? -1 : 0;
	db->fts_nsp = 0;
	return rc;
}

void
db_fts_forget(struct db *db)
{
	db->fts_first = db->fts_last = 0;
	db->fts_nq = db->fts_qlen = 0;
	db->fts_nsp = 0;
}

/* Past this much quoted text the notes are written out at once. */
#define DB_FTS_QTEXT_MAX	(8 << 20)

int
db_fts_quote(struct db *db, long long id, const char *text, size_t len,
    char **cause)
{
	if (db->fts_qlen > 0 && db->fts_qlen + len > DB_FTS_QTEXT_MAX &&
	    db_fts_flush(db, cause) != 0)
		return -1;
	if (db->fts_nq == db->fts_capq) {
		db->fts_capq = db->fts_capq == 0 ? 256 : db->fts_capq * 2;
		db->fts_q = xreallocarray(db->fts_q, db->fts_capq,
		    sizeof(*db->fts_q));
	}
	if (db->fts_qlen + len > db->fts_qcap) {
		while (db->fts_qlen + len > db->fts_qcap)
			db->fts_qcap = db->fts_qcap == 0 ? 65536 :
			    db->fts_qcap * 2;
		db->fts_qtext = xreallocarray(db->fts_qtext, db->fts_qcap, 1);
	}
	memcpy(db->fts_qtext + db->fts_qlen, text, len);
	db->fts_q[db->fts_nq].id = id;
	db->fts_q[db->fts_nq].off = db->fts_qlen;
	db->fts_q[db->fts_nq++].len = len;
	db->fts_qlen += len;
	return 0;
}

void
db_fts_speaker(struct db *db, long long id)
{
	size_t	i, n;

	/* Noted once a quote.  When full it keeps the distinct ids, and
	 * grows only when they fill more than half of it: a transaction
	 * of millions of quotes holds about as many ids as speakers. */
	if (db->fts_nsp == db->fts_capsp) {
		if (db->fts_nsp > 1) {
			qsort(db->fts_sp, db->fts_nsp, sizeof(*db->fts_sp),
			    id_cmp);
			for (i = n = 1; i < db->fts_nsp; i++)
				if (db->fts_sp[i] != db->fts_sp[n - 1])
					db->fts_sp[n++] = db->fts_sp[i];
			db->fts_nsp = n;
		}
		if (db->fts_capsp == 0 || db->fts_nsp * 2 > db->fts_capsp) {
			db->fts_capsp = db->fts_capsp == 0 ? 256 :
			    db->fts_capsp * 2;
			db->fts_sp = xreallocarray(db->fts_sp, db->fts_capsp,
			    sizeof(*db->fts_sp));
		}
	}
	db->fts_sp[db->fts_nsp++] = id;
}

static int
id_cmp(const void *a, const void *b)
{
	long long	x = *(const long long *)a, y = *(const long long *)b;

	return x < y ? -1 : x > y;
}

int
db_article_set_read(struct db *db, long long id, int is_read, char **cause)
{
	sqlite3_stmt	*st = db_stmt(db, is_read ? ST_ARTICLE_SET_READ :
			    ST_ARTICLE_SET_UNREAD);

	sqlite3_bind_int64(st, 1, id);
	return db_done_nowait(db, st, cause);
}

int
db_article_set_star(struct db *db, long long id, int starred, char **cause)
{
	sqlite3_stmt	*st = db_stmt(db, ST_ARTICLE_SET_STAR);

	sqlite3_bind_int64(st, 1, id);
	sqlite3_bind_int(st, 2, starred != 0);
	return db_done_nowait(db, st, cause);
}

int
db_article_starred(struct db *db, long long id, char **cause)
{
	sqlite3_stmt	*st = db_stmt(db, ST_ARTICLE_STARRED);

	sqlite3_bind_int64(st, 1, id);
	return (int)db_one_int(db, st, cause);
}

int
db_read_all(struct db *db, long long *n, char **cause)
{
	int	rc;

	*n = 0;
	if ((rc = db_done_nowait(db, db_stmt(db, ST_READ_ALL), cause)) == 0)
		*n = sqlite3_changes64(db->h);
	return rc;
}

long long
db_unread_total(struct db *db, char **cause)
{
	return db_one_int(db, db_stmt(db, ST_UNREAD_TOTAL), cause);
}

/* Below this many unread articles the next one is looked for among
 * them; above it, along the list, where one comes soon. */
#define UNREAD_FEW	20000

int
db_next_unread(struct db *db, const struct db_article_key *from,
    struct db_article_key *next, char **cause)
{
	sqlite3_stmt	*st;
	long long	 n;
	int		 rc;

	if ((n = db_unread_total(db, cause)) < 0)
		return -1;
	if (n == 0)
		return 0;
	st = db_stmt(db, n < UNREAD_FEW ? ST_UNREAD_NEXT_FEW : ST_UNREAD_NEXT);
	/* From the top of the list when there is no key: above any row. */
	bind_text(st, 1, from != NULL ? from->date : "9999-99-99");
	sqlite3_bind_int64(st, 2, from != NULL ? from->id : INT64_MAX);
	bind_text(st, 3, from != NULL ? from->time : "99");
	if ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		memset(next, 0, sizeof(*next));
		snprintf(next->date, sizeof(next->date), "%s",
		    col_text(st, 0));
		snprintf(next->time, sizeof(next->time), "%s",
		    col_text(st, 1));
		next->id = sqlite3_column_int64(st, 2);
		sqlite3_reset(st);
		return 1;
	}
	sqlite3_reset(st);
	if (rc != SQLITE_DONE) {
		*cause = db_error(db, "cannot read the archive");
		return -1;
	}
	return 0;
}

int
db_articles(struct db *db, int flags, db_article_fn fn, void *ctx,
    char **cause)
{
	sqlite3_stmt		*st = db_stmt(db, flags & DB_LIST_STARRED ?
				    ST_ARTICLES_STARRED : ST_ARTICLES);
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
db_article_ids(struct db *db, long long from, int (*fn)(void *, long long),
    void *ctx, char **cause)
{
	sqlite3_stmt	 *st = db_stmt(db, ST_IDS);
	long long	 *ids = NULL;
	size_t		  n = 0, cap = 0, i;
	int		  rc;

	/* Collected first, so fn may use the database freely. */
	sqlite3_bind_int64(st, 1, from);
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
	r->starred = sqlite3_column_int(st, 7) != 0;
}

long
db_articles_page(struct db *db, const struct db_article_key *key,
    int older, int limit, int flags, db_article_fn fn, void *ctx,
    char **cause)
{
	int			 star = (flags & DB_LIST_STARRED) != 0;
	sqlite3_stmt		*st;
	struct db_article_row	 r;
	long			 n = 0;
	int			 rc;

	if (key == NULL)
		st = db_stmt(db, star ? (older ? ST_STAR_FIRST : ST_STAR_LAST) :
		    older ? ST_PAGE_FIRST : ST_PAGE_LAST);
	else {
		st = db_stmt(db, star ? (older ? ST_STAR_OLDER : ST_STAR_NEWER) :
		    older ? ST_PAGE_OLDER : ST_PAGE_NEWER);
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
db_article_total(struct db *db, int flags, char **cause)
{
	return db_one_int(db, db_stmt(db, flags & DB_LIST_STARRED ?
	    ST_STAR_TOTAL : ST_TOTAL), cause);
}

long long
db_article_rank(struct db *db, const struct db_article_key *key,
    int flags, char **cause)
{
	sqlite3_stmt	*st = db_stmt(db, flags & DB_LIST_STARRED ?
			    ST_STAR_RANK : ST_RANK);

	bind_text(st, 1, key->date);
	sqlite3_bind_int64(st, 2, key->id);
	bind_text(st, 3, key->time);
	return db_one_int(db, st, cause);
}
