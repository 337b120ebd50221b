/*
 * db.c: the archive, one SQLite file: opening it (and refusing what is
 * not one), the statements every db*.c file prepares there, finalised
 * in db_close(), always with bound parameters, and transactions.
 *
 *   db_schema.c   the schema and its migrations
 *   db_article.c  articles: store, read, list, page
 *   db_quote.c    quotes and speakers
 *   db_state.c    the reader's remembered state
 *   db_search.c   full-text search and its tokenizer
 */
#include "config.h"

#include "db.h"

#include <sys/stat.h>

#include <errno.h>
#include <sqlite3.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "db_int.h"
#include "util.h"

const char *const db_open_sql[ST__COUNT] = {
	[ST_COUNT] =
	    "SELECT (SELECT count(*) FROM articles),"
	    " (SELECT count(*) FROM quotes),"
	    " (SELECT count(*) FROM speakers WHERE nquotes > 0)",
	[ST_BEGIN] = "BEGIN IMMEDIATE",
	[ST_COMMIT] = "COMMIT",
	[ST_ROLLBACK] = "ROLLBACK",
};

/* The name of each statement: its id without ST_.  For db_explain(). */
static const char *const db_stmt_names[ST__COUNT] = {
#define DB_STATEMENT(name)	#name,
	DB_STATEMENTS
#undef DB_STATEMENT
};

/* How long to wait for another process's lock: db_busy_timeout_set(). */
static int	 db_busy_ms = DB_BUSY_TIMEOUT;

static const char *db_sql(enum db_stmt_id);
static int	 db_probe(struct db *, const char *, int, int, int *, int *,
		    int *);
static char	*db_dir(const char *);
static int	 db_dir_writable(const char *);
static int	 db_file_check(const char *, enum db_mode, int *, char **);
static char	*db_side_files(const char *);

char *
db_error(struct db *db, const char *what)
{
	int	code = sqlite3_errcode(db->h);

	switch (code) {
	case SQLITE_BUSY:
	case SQLITE_LOCKED:
		return xasprintf("%s: %s: the archive is locked by another "
		    "process (gave up after %g s)", db->path, what,
		    db->busy_ms / 1000.0);
	case SQLITE_READONLY:
		return xasprintf("%s: %s: the archive is read-only", db->path,
		    what);
	case SQLITE_FULL:
		return xasprintf("%s: %s: disk full", db->path, what);
	case SQLITE_IOERR:
		/* A write that failed at once, not a short one. */
		switch (sqlite3_system_errno(db->h)) {
		case ENOSPC:
		case EDQUOT:
			return xasprintf("%s: %s: disk full", db->path, what);
		case EFBIG:
			return xasprintf("%s: %s: the file size limit was "
			    "reached (ulimit -f)", db->path, what);
		default:
			return xasprintf("%s: %s: %s", db->path, what,
			    sqlite3_errmsg(db->h));
		}
	case SQLITE_CORRUPT:
	case SQLITE_NOTADB:
		return xasprintf("%s: %s: the archive is damaged or not an "
		    "SQLite file", db->path, what);
	default:
		return xasprintf("%s: %s: %s", db->path, what,
		    sqlite3_errmsg(db->h));
	}
}

int
db_exec(struct db *db, const char *sql, char **cause)
{
	if (sqlite3_exec(db->h, sql, NULL, NULL, NULL) != SQLITE_OK) {
		*cause = db_error(db, "cannot update the archive");
		return -1;
	}
	return 0;
}

/* The SQL of statement id, from the table of the file it belongs to. */
static const char *
db_sql(enum db_stmt_id id)
{
	static const char *const *const	tables[] = { db_open_sql,
					    db_article_sql, db_quote_sql,
					    db_state_sql, db_search_sql,
					    db_feed_sql };
	size_t				i;

	for (i = 0; i < sizeof(tables) / sizeof(tables[0]); i++)
		if (tables[i][id] != NULL)
			return tables[i][id];
	abort();	/* every id has its SQL in one table */
}

/*
 * Statement id, prepared when first used: a command uses a few of the
 * archive's 92 statements, and preparing them all at every open was a
 * quarter of a search's instructions on a small archive.  t_plan prepares
 * every one (db_explain()), so an SQL error cannot wait for its first
 * use; a statement that fails here is a bug, or SQLite out of memory.
 */
sqlite3_stmt *
db_prepare(struct db *db, enum db_stmt_id id)
{
	if (sqlite3_prepare_v3(db->h, db_sql(id), -1,
	    SQLITE_PREPARE_PERSISTENT, &db->st[id], NULL) != SQLITE_OK)
		fatal("%s: cannot prepare %s: %s", db->path,
		    db_stmt_names[id], sqlite3_errmsg(db->h));
	return db->st[id];
}

/*
 * Opens path (as an immutable file when asked) and reads its schema
 * version, application id and number of schema objects.  Returns
 * SQLITE_ROW on success, else an SQLite error code; db->h is left open
 * unless sqlite3_open_v2() itself failed.
 */
static int
db_probe(struct db *db, const char *path, int flags, int immutable,
    int *version, int *appid, int *ntables)
{
	sqlite3_stmt	*st = NULL;
	struct buf	 uri;
	const char	*p;
	int		 rc;

	buf_init(&uri);
	buf_adds(&uri, "file:");
	for (p = path; *p != '\0'; p++) {
		if (*p == '%' || *p == '?' || *p == '#')
			buf_printf(&uri, "%%%02X", (unsigned char)*p);
		else
			buf_addc(&uri, *p);
	}
	if (immutable)
		buf_adds(&uri, "?immutable=1");
	rc = sqlite3_open_v2(uri.data, &db->h, flags | SQLITE_OPEN_URI |
	    SQLITE_OPEN_NOMUTEX, NULL);
	buf_free(&uri);
	if (rc != SQLITE_OK) {
		sqlite3_close(db->h);
		db->h = NULL;
		return rc;
	}
	db->busy_ms = db_busy_ms;
	sqlite3_busy_timeout(db->h, db->busy_ms);
	if ((rc = db_register(db)) != SQLITE_OK)
		return rc;
	rc = sqlite3_prepare_v2(db->h, "SELECT (SELECT user_version FROM"
	    " pragma_user_version), (SELECT application_id FROM"
	    " pragma_application_id), (SELECT count(*) FROM sqlite_master)",
	    -1, &st, NULL);
	if (rc == SQLITE_OK && (rc = sqlite3_step(st)) == SQLITE_ROW) {
		*version = sqlite3_column_int(st, 0);
		*appid = sqlite3_column_int(st, 1);
		*ntables = sqlite3_column_int(st, 2);
	}
	sqlite3_finalize(st);
	return rc;
}

/* The directory that holds path.  The caller frees it. */
static char *
db_dir(const char *path)
{
	const char	*slash = strrchr(path, '/');

	if (slash == NULL)
		return xstrdup(".");
	return slash == path ? xstrdup("/") : xstrndup(path, slash - path);
}

/* Whether the directory that holds path can take new files. */
static int
db_dir_writable(const char *path)
{
	char	*dir = db_dir(path);
	int	 rc;

	rc = access(dir, W_OK | X_OK) == 0;
	free(dir);
	return rc;
}

/*
 * Refuses, before SQLite opens anything, what cannot become an archive
 * in mode: a path that is not a regular file (beside a device SQLite
 * makes PATH-journal, even /dev/null-journal as root; a FIFO blocks),
 * a missing file to read, a missing directory to create one in (only
 * main.c makes the default archive's directory).  Sets *exists.
 * Returns 0, or -1 with *cause set.
 */
static int
db_file_check(const char *path, enum db_mode mode, int *exists,
    char **cause)
{
	struct stat	 sb;
	const char	*what;
	char		*dir;
	int		 rc = 0;

	*exists = 0;
	if (stat(path, &sb) == 0) {
		*exists = 1;
		if (S_ISREG(sb.st_mode))
			return 0;
		what = S_ISDIR(sb.st_mode) ? "a directory" :
		    S_ISCHR(sb.st_mode) ? "a character device" :
		    S_ISBLK(sb.st_mode) ? "a block device" :
		    S_ISFIFO(sb.st_mode) ? "a FIFO" :
		    S_ISSOCK(sb.st_mode) ? "a socket" : "not a regular file";
		*cause = xasprintf("%s: not an archive: %s", path, what);
		return -1;
	}
	if (errno != ENOENT)
		return 0;		/* SQLite will say why */
	if (mode == DB_READ) {
		*cause = xasprintf("%s: no such archive (import articles "
		    "first: citata import FILE)", path);
		return -1;
	}
	dir = db_dir(path);
	if (stat(dir, &sb) != 0 && errno == ENOENT) {
		*cause = xasprintf("%s: cannot create the archive: no "
		    "directory %s", path, dir);
		rc = -1;
	} else if (stat(dir, &sb) == 0 && !S_ISDIR(sb.st_mode)) {
		*cause = xasprintf("%s: cannot create the archive: %s is not "
		    "a directory", path, dir);
		rc = -1;
	}
	free(dir);
	return rc;
}

/*
 * SQLite makes an archive's -wal and -shm files with the archive's mode
 * and leaves them when it cannot remove them: after a read-only archive
 * was read they stay read-only, and would keep it read-only once its
 * mode is restored.  For a writable archive at path, such a file of
 * ours gets the archive's mode back.  Returns NULL, or the name of one
 * that stays read-only (another user's); the caller frees it.
 */
static char *
db_side_files(const char *path)
{
	static const char *const suffix[] = { "-wal", "-shm" };
	struct stat		 sb, fsb;
	char			*f;
	size_t			 i;

	if (stat(path, &sb) != 0)
		return NULL;
	for (i = 0; i < sizeof(suffix) / sizeof(suffix[0]); i++) {
		f = xasprintf("%s%s", path, suffix[i]);
		if (stat(f, &fsb) == 0 && S_ISREG(fsb.st_mode) &&
		    access(f, W_OK) != 0 && (fsb.st_uid != geteuid() ||
		    chmod(f, sb.st_mode & 0666) != 0 || access(f, W_OK) != 0))
			return f;
		free(f);
	}
	return NULL;
}

void
db_busy_timeout_set(int ms)
{
	db_busy_ms = ms;
}

struct db *
db_open(const char *path, enum db_mode mode, char **cause)
{
	struct db	*db;
	char		*side;
	int		 flags, version = 0, appid = 0, ntables = 0, rc, cant;
	int		 exists;

	db = xcalloc(1, sizeof(*db));
	db->path = xstrdup(path);
	db->window = DB_SEARCH_WINDOW;
	db->few_articles = DB_SEARCH_FEW_ARTICLES;
	db->few_quotes = DB_SEARCH_FEW_QUOTES;
	db->speaker_set = DB_SEARCH_SPEAKER_SET;
	if (db_file_check(path, mode, &exists, cause) != 0) {
		db_close(db);
		return NULL;
	}
	if (mode == DB_WRITE)
		flags = SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE;
	else if (access(path, W_OK) == 0)
		flags = SQLITE_OPEN_READWRITE;
	else
		flags = SQLITE_OPEN_READONLY, db->readonly = 1;
	if (exists && access(path, W_OK) == 0 &&
	    (side = db_side_files(path)) != NULL) {
		if (mode == DB_WRITE) {
			*cause = xasprintf("%s: %s is read-only, left so when "
			    "the archive was: make it writable, or remove it "
			    "while nothing has the archive open", path, side);
			free(side);
			db_close(db);
			return NULL;
		}
		free(side);
		flags = SQLITE_OPEN_READONLY, db->readonly = 1;
	}
	rc = db_probe(db, path, flags, 0, &version, &appid, &ntables);
	cant = rc == SQLITE_CANTOPEN || rc == SQLITE_READONLY;
	/*
	 * SQLite keeps a WAL archive's -wal and -shm files beside it.  In a
	 * directory we cannot write to, a writable archive is read as a
	 * read-only one; an import cannot go on.
	 */
	if (cant && !db_dir_writable(path)) {
		if (mode == DB_WRITE) {
			if (access(path, F_OK) != 0)
				*cause = xasprintf("%s: cannot create the "
				    "archive: its directory is not writable",
				    path);
			else if (access(path, W_OK) != 0)
				*cause = xasprintf("%s: the archive is "
				    "read-only", path);
			else
				*cause = xasprintf("%s: cannot write in the "
				    "archive's directory, where SQLite keeps "
				    "its -wal and -shm files", path);
			db_close(db);
			return NULL;
		}
		if (!db->readonly) {
			sqlite3_close(db->h);
			db->h = NULL;
			flags = SQLITE_OPEN_READONLY, db->readonly = 1;
			rc = db_probe(db, path, flags, 0, &version, &appid,
			    &ntables);
			cant = rc == SQLITE_CANTOPEN || rc == SQLITE_READONLY;
		}
	}
	/*
	 * A read-only WAL archive in a directory we cannot write to cannot
	 * get its -shm file; nobody can be writing it then, so it is read
	 * as immutable.
	 */
	if (rc != SQLITE_ROW && db->readonly && cant) {
		sqlite3_close(db->h);
		db->h = NULL;
		rc = db_probe(db, path, flags, 1, &version, &appid, &ntables);
	}
	if (db->h == NULL) {
		*cause = xasprintf("%s: cannot open the archive: %s", path,
		    sqlite3_errstr(rc));
		db_close(db);
		return NULL;
	}
	if (rc != SQLITE_ROW) {
		*cause = db_error(db, "cannot read the archive");
		db_close(db);
		return NULL;
	}
	if ((appid != 0 && appid != DB_APPLICATION_ID) ||
	    (appid == 0 && ntables > 0)) {
		*cause = xasprintf("%s: not a citata archive (an SQLite "
		    "database of some other program)", path);
		db_close(db);
		return NULL;
	}
	if (version > DB_SCHEMA_VERSION) {
		*cause = xasprintf("%s: the archive has schema version %d, "
		    "newer than this citata understands (%d); use a newer "
		    "citata", path, version, DB_SCHEMA_VERSION);
		db_close(db);
		return NULL;
	}
	/* A reading command never makes an archive of an empty file. */
	if (mode == DB_READ && version == 0 && ntables == 0) {
		*cause = xasprintf("%s: an empty file, not an archive yet "
		    "(import articles first: citata import FILE)", path);
		db_close(db);
		return NULL;
	}
	if (!db->readonly && (db_exec(db, "PRAGMA journal_mode = WAL",
	    cause) != 0 || db_exec(db, "PRAGMA synchronous = NORMAL",
	    cause) != 0)) {
		db_close(db);
		return NULL;
	}
	/*
	 * A statement that may write many rows inside a transaction (an
	 * insert with triggers) keeps the pages it changes in a statement
	 * journal, which past 64 KB SQLite writes to a temporary file:
	 * 11,000 writes importing the pool, as many as to the archive and
	 * its log together.  Held in memory, freed as each statement ends.
	 * Only for the commands that write: a reader's sorts stay on disk.
	 */
	if (mode == DB_WRITE && db_exec(db, "PRAGMA temp_store = MEMORY",
	    cause) != 0) {
		db_close(db);
		return NULL;
	}
	if (db_exec(db, "PRAGMA foreign_keys = ON", cause) != 0) {
		db_close(db);
		return NULL;
	}
	if (version < DB_SCHEMA_VERSION) {
		if (db->readonly) {
			*cause = xasprintf("%s: the archive has schema version "
			    "%d and is read-only, so it cannot be upgraded "
			    "to %d", path, version, DB_SCHEMA_VERSION);
			db_close(db);
			return NULL;
		}
		if (db_migrate(db, version, cause) != 0) {
			db_close(db);
			return NULL;
		}
	}
	return db;
}

void
db_set_lexicon(struct db *db, const struct lexicon *lx)
{
	db->lx = lx;
}

void
db_close(struct db *db)
{
	int	i;

	if (db == NULL)
		return;
	for (i = 0; i < ST__COUNT; i++)
		sqlite3_finalize(db->st[i]);
	if (db->h != NULL)
		sqlite3_close(db->h);
	free(db->fts_sp);
	free(db->fts_q);
	free(db->fts_qtext);
	free(db->path);
	free(db);
}

int
db_readonly(const struct db *db)
{
	return db->readonly;
}

/* Ends a loop over the rows of st, which stopped with rc (SQLITE_DONE
 * when all went well).  Returns 0, or -1 with *cause set. */
int
db_rows_end(struct db *db, sqlite3_stmt *st, int rc, char **cause)
{
	sqlite3_reset(st);
	if (rc != SQLITE_DONE) {
		*cause = db_error(db, "cannot read the archive");
		return -1;
	}
	return 0;
}

/* Steps a statement that returns no rows. */
int
db_done(struct db *db, sqlite3_stmt *st, int want, char **cause)
{
	int	rc = sqlite3_step(st);

	if (rc != want) {
		*cause = db_error(db, "cannot update the archive");
		sqlite3_reset(st);
		return -1;
	}
	sqlite3_reset(st);
	return 0;
}

/*
 * db_done() for the reader's small writes, which must not freeze the
 * screen while an import holds the write lock for minutes: no waiting.
 * Returns 0, 1 when the archive is locked (nothing done), or -1.
 */
int
db_done_nowait(struct db *db, sqlite3_stmt *st, char **cause)
{
	int	rc;

	sqlite3_busy_timeout(db->h, 0);
	rc = sqlite3_step(st);
	sqlite3_busy_timeout(db->h, db->busy_ms);
	if (rc == SQLITE_BUSY || rc == SQLITE_LOCKED) {
		sqlite3_reset(st);
		return 1;
	}
	if (rc != SQLITE_DONE) {
		*cause = db_error(db, "cannot update the archive");
		sqlite3_reset(st);
		return -1;
	}
	sqlite3_reset(st);
	return 0;
}

int
db_begin(struct db *db, char **cause)
{
	return db_done(db, db_stmt(db, ST_BEGIN), SQLITE_DONE, cause);
}

int
db_commit(struct db *db, char **cause)
{
	if (db_fts_flush(db, cause) != 0)
		return -1;
	return db_done(db, db_stmt(db, ST_COMMIT), SQLITE_DONE, cause);
}

void
db_rollback(struct db *db)
{
	char	*cause = NULL;

	db_fts_forget(db);
	if (sqlite3_get_autocommit(db->h))
		return;
	if (db_done(db, db_stmt(db, ST_ROLLBACK), SQLITE_DONE, &cause) != 0)
		free(cause);
}

int
db_count(struct db *db, struct db_counts *c, char **cause)
{
	sqlite3_stmt	*st = db_stmt(db, ST_COUNT);
	int		 rc;

	memset(c, 0, sizeof(*c));
	if ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		c->articles = sqlite3_column_int64(st, 0);
		c->quotes = sqlite3_column_int64(st, 1);
		c->speakers = sqlite3_column_int64(st, 2);
	}
	sqlite3_reset(st);
	if (rc != SQLITE_ROW) {
		*cause = db_error(db, "cannot read the archive");
		return -1;
	}
	return 0;
}

/* Runs a statement that yields one integer. */
long long
db_one_int(struct db *db, sqlite3_stmt *st, char **cause)
{
	long long	v = -1;
	int		rc;

	if ((rc = sqlite3_step(st)) == SQLITE_ROW)
		v = sqlite3_column_int64(st, 0);
	sqlite3_reset(st);
	if (rc != SQLITE_ROW)
		*cause = db_error(db, "cannot read the archive");
	return v;
}

int
db_explain(struct db *db, db_explain_fn fn, void *ctx, char **cause)
{
	sqlite3_stmt	*st;
	const char	*sql;
	char		*q;
	int		 ids[64], depths[64];
	int		 i, k, rc, lines, depth, parent, stop = 0;

	for (i = 0; i < ST__COUNT && !stop; i++) {
		sql = db_sql(i);
		q = xasprintf("EXPLAIN QUERY PLAN %s", sql);
		rc = sqlite3_prepare_v2(db->h, q, -1, &st, NULL);
		free(q);
		if (rc != SQLITE_OK) {
			*cause = db_error(db, "cannot explain a statement");
			return -1;
		}
		lines = 0;
		while (!stop && (rc = sqlite3_step(st)) == SQLITE_ROW) {
			/* Indented two spaces a level below the top. */
			depth = 0;
			parent = sqlite3_column_int(st, 1);
			for (k = 0; k < lines && k < 64; k++)
				if (ids[k] == parent)
					depth = depths[k] + 1;
			if (lines < 64) {
				ids[lines] = sqlite3_column_int(st, 0);
				depths[lines] = depth;
			}
			q = xasprintf("%*s%s", depth * 2, "", col_text(st, 3));
			stop = fn(ctx, db_stmt_names[i], sql, q);
			free(q);
			lines++;
		}
		sqlite3_finalize(st);
		if (!stop && rc != SQLITE_DONE) {
			*cause = db_error(db, "cannot explain a statement");
			return -1;
		}
		if (!stop && lines == 0)
			stop = fn(ctx, db_stmt_names[i], sql, NULL);
	}
	return 0;
}
