/*
 * db_state.c: the reader's remembered state, a value by key.
 */
#include "config.h"

#include "db.h"

#include <sqlite3.h>
#include <stdlib.h>

#include "db_int.h"
#include "util.h"

const char *const db_state_sql[ST__COUNT] = {
	[ST_STATE_GET] = "SELECT value FROM state WHERE key = ?1",
	[ST_STATE_SET] =
	    "INSERT INTO state (key, value) VALUES (?1, ?2)"
	    " ON CONFLICT (key) DO UPDATE SET value = excluded.value",
};

char *
db_state_get(struct db *db, const char *key)
{
	sqlite3_stmt	*st = db_stmt(db, ST_STATE_GET);
	const char	*v;
	char		*r = NULL;

	bind_text(st, 1, key);
	if (sqlite3_step(st) == SQLITE_ROW && (v = col_text(st, 0)) != NULL)
		r = xstrdup(v);
	sqlite3_reset(st);
	return r;
}

int
db_state_set(struct db *db, const char *key, const char *value,
    char **cause)
{
	sqlite3_stmt	*st;

	if (db->readonly)
		return 0;
	st = db_stmt(db, ST_STATE_SET);
	bind_text(st, 1, key);
	bind_text(st, 2, value);
	return db_done_nowait(db, st, cause);
}
