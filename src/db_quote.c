/*
 * db_quote.c: quotes and speakers in the archive: storing an article's
 * quotes and merging their speakers into the archive's
 * (speaker_resolve()), and reading them back by article, by speaker and
 * a page at a time.
 */
#include "config.h"

#include "db.h"

#include <sqlite3.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <unistr.h>

#include "article.h"
#include "db_int.h"
#include "fold.h"
#include "merge.h"
#include "util.h"

/* The date is the quote's copy of its article's (schema 8), the one the
 * index quotes_speaker_date orders by. */
#define QUOTE_COLUMNS \
	"SELECT q.id, q.article_id, q.speaker_id, q.date, a.source, s.name," \
	" q.role, q.kind, q.cue, q.mention, q.origin, q.start, q.\"end\"," \
	" a.url, " DB_QUOTE_TEXT \
	" FROM quotes q JOIN articles a ON a.id = q.article_id" \
	" LEFT JOIN speakers s ON s.id = q.speaker_id" DB_QUOTE_TEXT_JOIN

/* A speaker as the lists show it: up to three roles, those of the
 * articles imported last; its folded name last, the key the reader pages
 * by. */
#define SPEAKER_COLUMNS \
	"SELECT s.id, s.name, s.kind, s.gender," \
	" (SELECT group_concat(role, '; ') FROM (SELECT r.role" \
	"   FROM speaker_roles r WHERE r.speaker_id = s.id" \
	"   GROUP BY r.role ORDER BY max(r.article_id) DESC LIMIT 3))," \
	" s.nquotes, s.narticles, s.fold"

const char *const db_quote_sql[ST__COUNT] = {
	[ST_QUOTE_INSERT] =
	    "INSERT INTO quotes (article_id, speaker_id, kind, start, \"end\","
	    " cue, mention, role, origin, date)"
	    " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, 'auto', ?9)",
	[ST_QUOTE_FTS_INSERT] =
	    "INSERT INTO quotes_fts (rowid, text) VALUES (?1, ?2)",
	[ST_ARTICLE_COUNT_QUOTES] =
	    "UPDATE articles SET nquotes ="
	    " (SELECT count(*) FROM quotes WHERE article_id = ?1) WHERE id = ?1",
	[ST_QUOTE_SPAN] =
	    "SELECT article_id, start, \"end\" FROM quotes WHERE id = ?1",
	[ST_QUOTE_SET_SPEAKER] =
	    "UPDATE quotes SET speaker_id = ?2, origin = 'manual'"
	    " WHERE id = ?1",
	[ST_QUOTE_REJECT] =
	    "INSERT OR IGNORE INTO quote_rejects (article_id, start, \"end\")"
	    " VALUES (?1, ?2, ?3)",
	/* A span a person decided on: rejected, or a manual quote. */
	[ST_QUOTE_HELD] =
	    "SELECT 1 FROM quote_rejects"
	    " WHERE article_id = ?1 AND start = ?2 AND \"end\" = ?3"
	    " UNION ALL SELECT 1 FROM quotes WHERE article_id = ?1"
	    " AND start = ?2 AND \"end\" = ?3 AND origin = 'manual'",
	[ST_QUOTES_DELETE_AUTO] =
	    "DELETE FROM quotes WHERE article_id = ?1 AND origin = 'auto'",
	[ST_QUOTES_ALL] =
	    QUOTE_COLUMNS " ORDER BY a.date DESC, a.id DESC, q.start",
	[ST_QUOTES_ARTICLE] =
	    QUOTE_COLUMNS " WHERE q.article_id = ?1 ORDER BY q.start",
	/* In the order of the index quotes_speaker_date: no sort. */
	[ST_QUOTES_SPEAKER] =
	    QUOTE_COLUMNS " WHERE q.speaker_id = ?1"
	    " ORDER BY q.date DESC, q.article_id DESC, q.start, q.id",
	[ST_QUOTES_BOTH] =
	    QUOTE_COLUMNS " WHERE q.speaker_id = ?1 AND q.article_id = ?2"
	    " ORDER BY q.start",
	[ST_QUOTE_GET] =
	    QUOTE_COLUMNS " WHERE q.id = ?1",
	/*
	 * A speaker's quotes a page at a time, along quotes_speaker_date:
	 * newest article first, then text order (start, then id for
	 * quotes that start together).  The order mixes descending and
	 * ascending columns, which one row-value comparison cannot
	 * follow, so a page from a key is two walks: the rest of the
	 * key's article (_SAME), then the next articles.  Newer pages run
	 * backwards, nearest the key first.  ?1 speaker, ?2 date, ?3
	 * article, ?4 start, ?5 id of the key; ?6 the limit.
	 */
	[ST_SPQ_FIRST] =
	    QUOTE_COLUMNS " WHERE q.speaker_id = ?1"
	    " ORDER BY q.date DESC, q.article_id DESC, q.start, q.id LIMIT ?6",
	[ST_SPQ_LAST] =
	    QUOTE_COLUMNS " WHERE q.speaker_id = ?1"
	    " ORDER BY q.date, q.article_id, q.start DESC, q.id DESC LIMIT ?6",
	[ST_SPQ_OLDER_SAME] =
	    QUOTE_COLUMNS " WHERE q.speaker_id = ?1 AND q.date = ?2"
	    " AND q.article_id = ?3 AND (q.start, q.id) > (?4, ?5)"
	    " ORDER BY q.start, q.id LIMIT ?6",
	[ST_SPQ_OLDER] =
	    QUOTE_COLUMNS " WHERE q.speaker_id = ?1"
	    " AND (q.date, q.article_id) < (?2, ?3)"
	    " ORDER BY q.date DESC, q.article_id DESC, q.start, q.id LIMIT ?6",
	[ST_SPQ_NEWER_SAME] =
	    QUOTE_COLUMNS " WHERE q.speaker_id = ?1 AND q.date = ?2"
	    " AND q.article_id = ?3 AND (q.start, q.id) < (?4, ?5)"
	    " ORDER BY q.start DESC, q.id DESC LIMIT ?6",
	[ST_SPQ_NEWER] =
	    QUOTE_COLUMNS " WHERE q.speaker_id = ?1"
	    " AND (q.date, q.article_id) > (?2, ?3)"
	    " ORDER BY q.date, q.article_id, q.start DESC, q.id DESC LIMIT ?6",
	[ST_SPEAKER_GET] =
	    "SELECT name, nquotes FROM speakers WHERE id = ?1",
	[ST_SPEAKER_BY_ALIAS] =
	    "SELECT DISTINCT s.id, s.name FROM speaker_aliases al"
	    " JOIN speakers s ON s.id = al.speaker_id"
	    " WHERE al.fold = ?1 AND s.kind = ?2 ORDER BY s.nquotes DESC, s.id",
	/* The records a speaker may be: those under its merge_key(). */
	/* Along speakers_surname, in no order: speaker_candidates() takes
	 * the most quoted, as an ORDER BY would in a temporary table of
	 * its own each time. */
	[ST_SPEAKER_BY_SURNAME] =
	    "SELECT id, name, gender, nquotes FROM speakers WHERE surname = ?1"
	    " AND kind = ?2",
	[ST_SPEAKER_INSERT] =
	    "INSERT INTO speakers (name, fold, surname, gender, kind)"
	    " VALUES (?1, ?2, ?3, ?4, ?5)",
	/* A record's forms of the name, for speaker_best_alias(). */
	[ST_SPEAKER_ALIASES] =
	    "SELECT alias, fold, n FROM speaker_aliases WHERE speaker_id = ?1"
	    " ORDER BY fold",
	[ST_SPEAKER_RENAME] =
	    "UPDATE speakers SET name = ?2, fold = ?3 WHERE id = ?1",
	[ST_SPEAKER_GENDER] =
	    "UPDATE speakers SET gender = ?2 WHERE id = ?1 AND gender IS NULL",
	[ST_ALIAS_INSERT] =
	    "INSERT INTO speaker_aliases (speaker_id, alias, fold)"
	    " VALUES (?1, ?2, ?3)"
	    " ON CONFLICT (speaker_id, fold) DO UPDATE SET n = n + 1",
	[ST_ROLE_INSERT] =
	    "INSERT OR IGNORE INTO speaker_roles (speaker_id, article_id, role)"
	    " VALUES (?1, ?2, ?3)",
	[ST_SPEAKERS] =
	    SPEAKER_COLUMNS ","
	    " (SELECT group_concat(fold, '|') FROM speaker_aliases"
	    "   WHERE speaker_id = s.id)"
	    " FROM speakers s WHERE s.nquotes > 0"
	    " ORDER BY s.nquotes DESC, s.fold, s.id",
	/*
	 * The reader's list of speakers, a page at a time along
	 * speakers_rank: most quoted first, then by the folded name, then
	 * by id.  As with a speaker's quotes, the order mixes descending
	 * and ascending columns, so a page from a key is two walks: the
	 * rest of the key's count (_SAME), then the next counts.  ?1
	 * count, ?2 fold, ?3 id of the key; ?4 the limit.
	 */
	[ST_SPK_FIRST] =
	    SPEAKER_COLUMNS " FROM speakers s WHERE s.nquotes > 0"
	    " ORDER BY s.nquotes DESC, s.fold, s.id LIMIT ?4",
	[ST_SPK_LAST] =
	    SPEAKER_COLUMNS " FROM speakers s WHERE s.nquotes > 0"
	    " ORDER BY s.nquotes, s.fold DESC, s.id DESC LIMIT ?4",
	[ST_SPK_NEXT_SAME] =
	    SPEAKER_COLUMNS " FROM speakers s WHERE s.nquotes = ?1"
	    " AND (s.fold, s.id) > (?2, ?3) ORDER BY s.fold, s.id LIMIT ?4",
	[ST_SPK_NEXT] =
	    SPEAKER_COLUMNS " FROM speakers s WHERE s.nquotes < ?1"
	    " AND s.nquotes > 0 ORDER BY s.nquotes DESC, s.fold, s.id"
	    " LIMIT ?4",
	[ST_SPK_PREV_SAME] =
	    SPEAKER_COLUMNS " FROM speakers s WHERE s.nquotes = ?1"
	    " AND (s.fold, s.id) < (?2, ?3)"
	    " ORDER BY s.fold DESC, s.id DESC LIMIT ?4",
	[ST_SPK_PREV] =
	    SPEAKER_COLUMNS " FROM speakers s WHERE s.nquotes > ?1"
	    " ORDER BY s.nquotes, s.fold DESC, s.id DESC LIMIT ?4",
	[ST_SPK_GET] =
	    SPEAKER_COLUMNS " FROM speakers s WHERE s.id = ?1",
	[ST_SPK_TOTAL] =
	    "SELECT count(*) FROM speakers WHERE nquotes > 0",
	/* The rank of the key: the speakers before it, two ranges of
	 * speakers_rank counted. */
	[ST_SPK_RANK] =
	    "SELECT (SELECT count(*) FROM speakers WHERE nquotes > ?1)"
	    " + (SELECT count(*) FROM speakers WHERE nquotes = ?1"
	    "  AND (fold, id) < (?2, ?3))",
	/* The speakers with a form of the name that holds ?1, in list
	 * order: the list's index walked whole, the forms that match
	 * found once. */
	[ST_SPK_MATCH] =
	    "SELECT s.id FROM speakers s WHERE s.nquotes > 0"
	    " AND (instr(s.fold, ?1) > 0 OR s.id IN (SELECT speaker_id"
	    "  FROM speaker_aliases WHERE instr(fold, ?1) > 0))"
	    " ORDER BY s.nquotes DESC, s.fold, s.id",
	/* Whether speaker ?1 has a form of the name that holds ?2. */
	[ST_SPK_HAS] =
	    "SELECT EXISTS (SELECT 1 FROM speaker_aliases"
	    "  WHERE speaker_id = ?1 AND instr(fold, ?2) > 0)"
	    " OR EXISTS (SELECT 1 FROM speakers WHERE id = ?1"
	    "  AND instr(fold, ?2) > 0)",
	/* A speaker's full-text row, made again from its record at the
	 * commit (db_fts_flush()): every form of the name, every role. */
	[ST_SPEAKER_FTS_DELETE] =
	    "DELETE FROM speakers_fts WHERE rowid = ?1",
	[ST_SPEAKER_FTS_ROW] =
	    DB_SPEAKER_FTS_ROW " FROM speakers s WHERE s.id = ?1",
	/* One row from values, not INSERT ... SELECT: a statement that may
	 * write many rows opens a statement journal, and FTS5 writes out
	 * what it holds at each one (a segment a speaker, 7 % of an
	 * import's writing thread, before). */
	[ST_SPEAKER_FTS_INSERT] =
	    "INSERT INTO speakers_fts (rowid, name, roles)"
	    " VALUES (?1, ?2, ?3)",
	[ST_SPEAKER_FTS] =
	    "SELECT rowid FROM speakers_fts WHERE speakers_fts MATCH ?1"
	    " ORDER BY rank LIMIT 64",
	/* The speakers with a form of their name, or a surname (their
	 * key), in [?1, ?2): those that start with a prefix, along the
	 * indexes of the forms and of the keys. */
	[ST_SPEAKER_COMPLETE] =
	    "SELECT s.name FROM speakers s WHERE s.nquotes > 0 AND (s.id IN"
	    " (SELECT speaker_id FROM speaker_aliases"
	    "  WHERE fold >= ?1 AND fold < ?2)"
	    " OR s.id IN (SELECT id FROM speakers"
	    "  WHERE surname >= ?1 AND surname < ?2))"
	    " ORDER BY s.nquotes DESC, s.id LIMIT ?3",
};

static int	 quote_span(struct db *, long long, long long *, long long *,
		    long long *, char **);
static size_t	 speaker_candidates(struct db *, const char *, const char *,
		    long long *, char **, struct merge_name *, size_t,
		    char **);
static int	 speaker_best_alias(struct db *, long long, const char *,
		    char **);
static long long speaker_resolve(struct db *, const struct quote *,
		    long long, char **);
static long	 quotes_walk(struct db *, sqlite3_stmt *, db_quote_fn, void *,
		    int *, char **);
static enum quote_kind	 kind_of(const char *);
static enum db_origin	 origin_of(const char *);
static enum speaker_kind speaker_kind_of(const char *);
static enum gender	 gender_of(const char *);

/*
 * The enums of the rows, from the words the archive keeps: those of
 * quote_kind_name(), speaker_kind_name(), gender_name() and
 * db_origin_name(), which the schema's CHECK constraints allow.  A
 * word of none (an archive edited by hand) reads as the first value.
 */
static enum quote_kind
kind_of(const char *s)
{
	return s != NULL && strcmp(s, quote_kind_name(QUOTE_INDIRECT)) == 0 ?
	    QUOTE_INDIRECT : QUOTE_DIRECT;
}

static enum db_origin
origin_of(const char *s)
{
	return s != NULL && strcmp(s, db_origin_name(DB_ORIGIN_MANUAL)) == 0 ?
	    DB_ORIGIN_MANUAL : DB_ORIGIN_AUTO;
}

static enum speaker_kind
speaker_kind_of(const char *s)
{
	if (s != NULL && strcmp(s, speaker_kind_name(SPEAKER_GROUP)) == 0)
		return SPEAKER_GROUP;
	if (s != NULL && strcmp(s, speaker_kind_name(SPEAKER_INSTITUTION)) ==
	    0)
		return SPEAKER_INSTITUTION;
	return SPEAKER_PERSON;
}

static enum gender
gender_of(const char *s)
{
	if (s != NULL && strcmp(s, gender_name(GENDER_MALE)) == 0)
		return GENDER_MALE;
	if (s != NULL && strcmp(s, gender_name(GENDER_FEMALE)) == 0)
		return GENDER_FEMALE;
	return GENDER_UNKNOWN;
}

const char *
db_origin_name(enum db_origin o)
{
	return o == DB_ORIGIN_MANUAL ? "manual" : "auto";
}

/* The records one speaker may be: at most this many, the most quoted. */
#define SPEAKER_CANDIDATES	64
/* Records read under one key before the rest are left out. */
#define SPEAKER_CANDIDATES_READ	4096

struct speaker_row {
	long long	 id;
	char		*name;
	enum gender	 gender;
	long long	 nquotes;
};

/* The most quoted first, then the oldest. */
static int
speaker_row_cmp(const void *a, const void *b)
{
	const struct speaker_row *x = a, *y = b;

	if (x->nquotes != y->nquotes)
		return x->nquotes > y->nquotes ? -1 : 1;
	return x->id < y->id ? -1 : x->id > y->id;
}

/*
 * Fills ids, names (the caller frees them) and c (name, gender and
 * quote count) with the at most max records under merge key key and
 * kind, the most quoted first, then the oldest.  Returns how many, or
 * (size_t)-1 with *cause set.
 */
static size_t
speaker_candidates(struct db *db, const char *key, const char *kind,
    long long *ids, char **names, struct merge_name *c, size_t max,
    char **cause)
{
	sqlite3_stmt		*st = db_stmt(db, ST_SPEAKER_BY_SURNAME);
	struct speaker_row	*row = NULL;
	size_t			 n = 0, cap = 0, i;
	int			 rc;

	bind_text(st, 1, key);
	bind_text(st, 2, kind);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW &&
	    n < SPEAKER_CANDIDATES_READ) {
		if (n == cap) {
			cap = cap == 0 ? 16 : cap * 2;
			row = xreallocarray(row, cap, sizeof(*row));
		}
		row[n].id = sqlite3_column_int64(st, 0);
		row[n].name = xstrdup(col_text(st, 1));
		row[n].gender = gender_of(col_text(st, 2));
		row[n].nquotes = sqlite3_column_int64(st, 3);
		n++;
	}
	sqlite3_reset(st);
	if (rc != SQLITE_ROW && rc != SQLITE_DONE) {
		*cause = db_error(db, "cannot read speakers");
		for (i = 0; i < n; i++)
			free(row[i].name);
		free(row);
		return (size_t)-1;
	}
	if (n > 1)
		qsort(row, n, sizeof(*row), speaker_row_cmp);
	for (i = 0; i < n; i++) {
		if (i >= max) {
			free(row[i].name);
			continue;
		}
		ids[i] = row[i].id;
		names[i] = row[i].name;
		c[i].name = row[i].name;
		c[i].gender = row[i].gender;
		c[i].nquotes = (unsigned long)row[i].nquotes;
	}
	free(row);
	return n < max ? n : max;
}

/*
 * Names record id by its best form (schema 9): the one with a first
 * name, then spelled out rather than with an initial, then the most
 * used, then the longest; of equals the first by its folded form.
 * Chosen here, not by an UPDATE ... FROM with ORDER BY, which built
 * three temporary tables each time (11,600 importing the pool).
 */
static int
speaker_best_alias(struct db *db, long long id, const char *name,
    char **cause)
{
	sqlite3_stmt	*st = db_stmt(db, ST_SPEAKER_ALIASES);
	const char	*alias;
	char		*best = NULL, *best_fold = NULL;
	long long	 key[4], best_key[4] = { -1, -1, -1, -1 };
	int		 rc, i;

	sqlite3_bind_int64(st, 1, id);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		alias = col_text(st, 0);
		key[0] = strchr(alias, ' ') != NULL;
		key[1] = strchr(alias, '.') == NULL;
		key[2] = sqlite3_column_int64(st, 2);
		key[3] = (long long)u8_mbsnlen((const uint8_t *)alias,
		    strlen(alias));
		for (i = 0; i < 4 && key[i] == best_key[i]; i++)
			;
		if (i == 4 || key[i] < best_key[i])
			continue;
		memcpy(best_key, key, sizeof(key));
		free(best);
		free(best_fold);
		best = xstrdup(alias);
		best_fold = xstrdup(col_text(st, 1));
	}
	sqlite3_reset(st);
	if (rc != SQLITE_DONE) {
		*cause = db_error(db, "cannot read speakers");
		rc = -1;
	} else if (best != NULL && strcmp(best, name) != 0) {
		st = db_stmt(db, ST_SPEAKER_RENAME);
		sqlite3_bind_int64(st, 1, id);
		bind_text(st, 2, best);
		bind_text(st, 3, best_fold);
		rc = db_done(db, st, SQLITE_DONE, cause);
	} else
		rc = 0;
	free(best);
	free(best_fold);
	return rc;
}

/*
 * The speaker row the speaker of quote q in article art refers to: among
 * the records under its merge_key() the one merge_pick() chooses, else a
 * new record.  Every form is kept as an alias with the times it was
 * used, and the record shows its most used full form ("Байден" becomes
 * "Джо Байден", and a stray "Джо Байдену" never outvotes it).  Returns
 * the id, -1 on error.
 */
static long long
speaker_resolve(struct db *db, const struct quote *q, long long art,
    char **cause)
{
	sqlite3_stmt		*st;
	const char		*kind = speaker_kind_name(q->speaker_kind);
	struct merge_name	 r, c[SPEAKER_CANDIDATES];
	long long		 ids[SPEAKER_CANDIDATES], id = 0;
	char			*fold, *key, *names[SPEAKER_CANDIDATES];
	size_t			 n = 0, i;
	long			 pick;

	fold = fold_name(q->speaker);
	key = merge_key(q->speaker, q->speaker_kind, art);
	if ((n = speaker_candidates(db, key, kind, ids, names, c,
	    SPEAKER_CANDIDATES, cause)) == (size_t)-1) {
		n = 0;
		id = -1;
		goto out;
	}
	for (i = 0; i < n; i++)
		c[i].kind = q->speaker_kind;
	r.name = q->speaker;
	r.gender = q->gender;
	r.kind = q->speaker_kind;
	if ((pick = merge_pick(db->lx, &r, c, n)) >= 0) {
		id = ids[pick];
		/* The gender is set once, when first known. */
		if (q->gender != GENDER_UNKNOWN &&
		    c[pick].gender == GENDER_UNKNOWN) {
			st = db_stmt(db, ST_SPEAKER_GENDER);
			sqlite3_bind_int64(st, 1, id);
			bind_text(st, 2, gender_name(q->gender));
			if (db_done(db, st, SQLITE_DONE, cause) != 0) {
				id = -1;
				goto out;
			}
		}
	} else {
		st = db_stmt(db, ST_SPEAKER_INSERT);
		bind_text(st, 1, q->speaker);
		bind_text(st, 2, fold);
		bind_text(st, 3, key);
		bind_text(st, 4, gender_name(q->gender));
		bind_text(st, 5, kind);
		if (db_done(db, st, SQLITE_DONE, cause) != 0) {
			id = -1;
			goto out;
		}
		id = sqlite3_last_insert_rowid(db->h);
	}
	st = db_stmt(db, ST_ALIAS_INSERT);
	sqlite3_bind_int64(st, 1, id);
	bind_text(st, 2, q->speaker);
	bind_text(st, 3, fold);
	if (db_done(db, st, SQLITE_DONE, cause) != 0) {
		id = -1;
		goto out;
	}
	/* The record's name is its best alias; the name itself quoted
	 * again only grows its own count, and stays the best. */
	if (pick >= 0 && strcmp(q->speaker, names[pick]) != 0 &&
	    speaker_best_alias(db, id, names[pick], cause) != 0)
		id = -1;
	/* Its full-text row (a new form of the name, a new role) is made
	 * again at the commit: see db_article_put(). */
	if (id > 0)
		db_fts_speaker(db, id);
out:
	for (i = 0; i < n; i++)
		free(names[i]);
	free(fold);
	free(key);
	return id;
}

/* How many of ql's quotes db_quotes_insert() stores. */
long
db_quotes_storable(const struct article *a, const struct quote_list *ql)
{
	size_t	i;
	long	n = 0;

	for (i = 0; ql != NULL && i < ql->n; i++)
		if (ql->q[i].end <= a->len && ql->q[i].start <= ql->q[i].end)
			n++;
	return n;
}

/* Stores ql's quotes of article a, with their index rows, and resolves
 * their speakers.  The article's quote count is the caller's. */
int
db_quotes_insert(struct db *db, const struct article *a,
    const struct quote_list *ql, int held, char **cause)
{
	sqlite3_stmt		*st;
	const struct quote	*q;
	long long		 sid;
	size_t			 i;

	for (i = 0; ql != NULL && i < ql->n; i++) {
		q = &ql->q[i];
		if (q->end > a->len || q->start > q->end)
			continue;	/* never stored: it would not round-trip */
		if (held) {
			int	rc;

			st = db_stmt(db, ST_QUOTE_HELD);
			sqlite3_bind_int64(st, 1, a->id);
			sqlite3_bind_int64(st, 2, (sqlite3_int64)q->start);
			sqlite3_bind_int64(st, 3, (sqlite3_int64)q->end);
			rc = sqlite3_step(st);
			sqlite3_reset(st);
			if (rc == SQLITE_ROW)
				continue;
			if (rc != SQLITE_DONE) {
				*cause = db_error(db, "cannot read the archive");
				return -1;
			}
		}
		sid = 0;
		if (q->speaker != NULL && q->speaker[0] != '\0' &&
		    (sid = speaker_resolve(db, q, a->id, cause)) < 0)
			return -1;
		st = db_stmt(db, ST_QUOTE_INSERT);
		sqlite3_bind_int64(st, 1, a->id);
		if (sid > 0)
			sqlite3_bind_int64(st, 2, sid);
		bind_text(st, 3, quote_kind_name(q->kind));
		sqlite3_bind_int64(st, 4, (sqlite3_int64)q->start);
		sqlite3_bind_int64(st, 5, (sqlite3_int64)q->end);
		bind_span(st, 6, a->text, q->cue_start, q->cue_end);
		bind_span(st, 7, a->text, q->mention_start, q->mention_end);
		bind_text(st, 8, q->role);
		bind_text(st, 9, a->date);
		if (db_done(db, st, SQLITE_DONE, cause) != 0)
			return -1;
		/* Indexed for search at the commit, as the article is. */
		if (db_fts_quote(db, sqlite3_last_insert_rowid(db->h),
		    a->text + q->start, q->end - q->start, cause) != 0)
			return -1;
		if (sid > 0 && q->role != NULL) {
			st = db_stmt(db, ST_ROLE_INSERT);
			sqlite3_bind_int64(st, 1, sid);
			sqlite3_bind_int64(st, 2, a->id);
			bind_text(st, 3, q->role);
			if (db_done(db, st, SQLITE_DONE, cause) != 0)
				return -1;
		}
	}
	/* Outside a transaction the full-text rows are made now. */
	if (sqlite3_get_autocommit(db->h))
		return db_fts_flush(db, cause);
	return 0;
}

/* The article and span of quote id: 1, 0 when there is none, -1. */
static int
quote_span(struct db *db, long long id, long long *art, long long *start,
    long long *end, char **cause)
{
	sqlite3_stmt	*st = db_stmt(db, ST_QUOTE_SPAN);
	int		 rc;

	sqlite3_bind_int64(st, 1, id);
	if ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		*art = sqlite3_column_int64(st, 0);
		*start = sqlite3_column_int64(st, 1);
		*end = sqlite3_column_int64(st, 2);
	}
	sqlite3_reset(st);
	if (rc == SQLITE_ROW)
		return 1;
	if (rc == SQLITE_DONE)
		return 0;
	*cause = db_error(db, "cannot read the archive");
	return -1;
}

int
db_quote_set_speaker(struct db *db, long long id, const char *name,
    char **cause)
{
	struct quote	 q;
	sqlite3_stmt	*st;
	long long	 art, start, end, sid;
	int		 rc;

	if ((rc = quote_span(db, id, &art, &start, &end, cause)) <= 0)
		return rc;
	memset(&q, 0, sizeof(q));
	q.speaker = (char *)name;
	q.speaker_kind = SPEAKER_PERSON;
	q.gender = GENDER_UNKNOWN;
	if ((sid = speaker_resolve(db, &q, art, cause)) < 0)
		return -1;
	st = db_stmt(db, ST_QUOTE_SET_SPEAKER);
	sqlite3_bind_int64(st, 1, id);
	sqlite3_bind_int64(st, 2, sid);
	if (db_done(db, st, SQLITE_DONE, cause) != 0)
		return -1;
	if (sqlite3_get_autocommit(db->h) && db_fts_flush(db, cause) != 0)
		return -1;
	return 1;
}

int
db_quote_reject(struct db *db, long long id, char **cause)
{
	sqlite3_stmt	*st;
	long long	 art, start, end;
	int		 rc;

	if ((rc = quote_span(db, id, &art, &start, &end, cause)) <= 0)
		return rc;
	st = db_stmt(db, ST_QUOTE_REJECT);
	sqlite3_bind_int64(st, 1, art);
	sqlite3_bind_int64(st, 2, start);
	sqlite3_bind_int64(st, 3, end);
	if (db_done(db, st, SQLITE_DONE, cause) != 0)
		return -1;
	st = db_stmt(db, ST_QUOTE_DELETE);
	sqlite3_bind_int64(st, 1, id);
	if (db_done(db, st, SQLITE_DONE, cause) != 0)
		return -1;
	st = db_stmt(db, ST_ARTICLE_COUNT_QUOTES);
	sqlite3_bind_int64(st, 1, art);
	if (db_done(db, st, SQLITE_DONE, cause) != 0)
		return -1;
	return 1;
}

int
db_speakers_forget_auto(struct db *db, char **cause)
{
	return db_exec(db, "DELETE FROM speakers WHERE id NOT IN"
	    " (SELECT speaker_id FROM quotes WHERE origin = 'manual'"
	    " AND speaker_id IS NOT NULL)", cause);
}

int
db_quotes_replace(struct db *db, const struct article *a,
    const struct quote_list *ql, char **cause)
{
	sqlite3_stmt	*st = db_stmt(db, ST_QUOTES_DELETE_AUTO);

	sqlite3_bind_int64(st, 1, a->id);
	if (db_done(db, st, SQLITE_DONE, cause) != 0)
		return -1;
	if (db_quotes_insert(db, a, ql, 1, cause) != 0)
		return -1;
	st = db_stmt(db, ST_ARTICLE_COUNT_QUOTES);
	sqlite3_bind_int64(st, 1, a->id);
	return db_done(db, st, SQLITE_DONE, cause);
}

/*
 * Steps st, a statement selecting QUOTE_COLUMNS, and calls fn with each
 * row until fn returns non-zero (*stop is then set).  Returns the rows
 * given to fn, or -1 with *cause set; st is reset either way.
 */
static long
quotes_walk(struct db *db, sqlite3_stmt *st, db_quote_fn fn, void *ctx,
    int *stop, char **cause)
{
	struct db_quote_row	r;
	long			n = 0;
	int			rc;

	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		r.id = sqlite3_column_int64(st, 0);
		r.article_id = sqlite3_column_int64(st, 1);
		r.speaker_id = sqlite3_column_int64(st, 2);
		r.date = col_text(st, 3);
		r.source = col_text(st, 4);
		r.speaker = col_text(st, 5);
		r.role = col_text(st, 6);
		r.kind = kind_of(col_text(st, 7));
		r.cue = col_text(st, 8);
		r.mention = col_text(st, 9);
		r.origin = origin_of(col_text(st, 10));
		r.start = (size_t)sqlite3_column_int64(st, 11);
		r.end = (size_t)sqlite3_column_int64(st, 12);
		r.url = col_text(st, 13);
		/* Text first, then its length (sqlite3_column_bytes()). */
		r.text = (const char *)sqlite3_column_text(st, 14);
		r.len = (size_t)sqlite3_column_bytes(st, 14);
		if (r.text == NULL)
			r.text = "";
		n++;
		if (fn(ctx, &r) != 0) {
			*stop = 1;
			rc = SQLITE_DONE;
			break;
		}
	}
	if (db_rows_end(db, st, rc, cause) != 0)
		return -1;
	return n;
}

int
db_quotes(struct db *db, long long speaker_id, long long article_id,
    db_quote_fn fn, void *ctx, char **cause)
{
	sqlite3_stmt		*st;
	int			 stop = 0;
	long			 n;

	if (speaker_id > 0 && article_id > 0) {
		st = db_stmt(db, ST_QUOTES_BOTH);
		sqlite3_bind_int64(st, 1, speaker_id);
		sqlite3_bind_int64(st, 2, article_id);
	} else if (speaker_id > 0) {
		st = db_stmt(db, ST_QUOTES_SPEAKER);
		sqlite3_bind_int64(st, 1, speaker_id);
	} else if (article_id > 0) {
		st = db_stmt(db, ST_QUOTES_ARTICLE);
		sqlite3_bind_int64(st, 1, article_id);
	} else
		st = db_stmt(db, ST_QUOTES_ALL);
	n = quotes_walk(db, st, fn, ctx, &stop, cause);
	return n < 0 ? -1 : 0;
}

int
db_quotes_get(struct db *db, const long long *ids, size_t nids,
    db_quote_fn fn, void *ctx, char **cause)
{
	sqlite3_stmt		*st;
	size_t			 i;
	int			 stop = 0, rc = 0;

	for (i = 0; i < nids && !stop && rc == 0; i++) {
		st = db_stmt(db, ST_QUOTE_GET);
		sqlite3_bind_int64(st, 1, ids[i]);
		if (quotes_walk(db, st, fn, ctx, &stop, cause) < 0)
			rc = -1;
	}
	return rc;
}

/*
 * The statement of one pass of a keyset page, from ids[3] of one
 * direction: with no key the first page ([0]) in one pass; with a key
 * the rows that tie with it on the sort key ([1]), then those beyond
 * it ([2]).  NULL when the pass has nothing to read.
 */
static sqlite3_stmt *
page_stmt(struct db *db, const enum db_stmt_id ids[3], int has_key,
    int pass)
{
	if (!has_key)
		return pass == 0 ? db_stmt(db, ids[0]) : NULL;
	return db_stmt(db, ids[pass == 0 ? 1 : 2]);
}

long
db_speaker_quotes_page(struct db *db, long long speaker_id,
    const struct db_quote_key *key, int older, int limit, db_quote_fn fn,
    void *ctx, char **cause)
{
	static const enum db_stmt_id page[2][3] = {
		{ ST_SPQ_LAST, ST_SPQ_NEWER_SAME, ST_SPQ_NEWER },
		{ ST_SPQ_FIRST, ST_SPQ_OLDER_SAME, ST_SPQ_OLDER }
	};
	sqlite3_stmt		*st;
	long			 n = 0, got;
	int			 stop = 0, pass;

	for (pass = 0; pass < 2 && !stop && n < limit; pass++) {
		if ((st = page_stmt(db, page[older != 0], key != NULL,
		    pass)) == NULL)
			break;
		if (key != NULL) {
			bind_text(st, 2, key->date);
			sqlite3_bind_int64(st, 3, key->article_id);
			sqlite3_bind_int64(st, 4, (sqlite3_int64)key->start);
			sqlite3_bind_int64(st, 5, key->id);
		}
		sqlite3_bind_int64(st, 1, speaker_id);
		sqlite3_bind_int(st, 6, limit - (int)n);
		if ((got = quotes_walk(db, st, fn, ctx, &stop,
		    cause)) < 0) {
			n = -1;
			break;
		}
		n += got;
	}
	return n;
}

long long
db_speaker_quotes_total(struct db *db, long long speaker_id, char **name,
    char **cause)
{
	sqlite3_stmt	*st = db_stmt(db, ST_SPEAKER_GET);
	const char	*s;
	long long	 n = 0;
	int		 rc;

	if (name != NULL)
		*name = NULL;
	sqlite3_bind_int64(st, 1, speaker_id);
	if ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		n = sqlite3_column_int64(st, 1);
		if (name != NULL && (s = col_text(st, 0)) != NULL)
			*name = xstrdup(s);
		rc = SQLITE_DONE;
	}
	if (db_rows_end(db, st, rc, cause) != 0)
		return -1;
	return n;
}

/* Calls fn for each row of st, a statement of SPEAKER_COLUMNS (and of
 * the forms, with forms), until it returns non-zero (*stop set).
 * Returns the number of rows, or -1 with *cause set. */
static long
speakers_walk(struct db *db, sqlite3_stmt *st, int forms, db_speaker_fn fn,
    void *ctx, int *stop, char **cause)
{
	struct db_speaker_row	 r;
	long			 n = 0;
	int			 rc;

	memset(&r, 0, sizeof(r));
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		r.id = sqlite3_column_int64(st, 0);
		r.name = col_text(st, 1);
		r.kind = speaker_kind_of(col_text(st, 2));
		r.gender = gender_of(col_text(st, 3));
		r.roles = col_text(st, 4);
		r.nquotes = (long)sqlite3_column_int64(st, 5);
		r.narticles = (long)sqlite3_column_int64(st, 6);
		r.fold = col_text(st, 7);
		r.forms = forms ? col_text(st, 8) : NULL;
		n++;
		if (fn(ctx, &r) != 0) {
			*stop = 1;
			rc = SQLITE_DONE;
			break;
		}
	}
	if (db_rows_end(db, st, rc, cause) != 0)
		return -1;
	return n;
}

int
db_speakers(struct db *db, db_speaker_fn fn, void *ctx, char **cause)
{
	int	stop = 0;

	return speakers_walk(db, db_stmt(db, ST_SPEAKERS), 1, fn, ctx, &stop,
	    cause) < 0 ? -1 : 0;
}

long
db_speakers_page(struct db *db, const struct db_speaker_key *key, int down,
    int limit, db_speaker_fn fn, void *ctx, char **cause)
{
	static const enum db_stmt_id page[2][3] = {
		{ ST_SPK_LAST, ST_SPK_PREV_SAME, ST_SPK_PREV },
		{ ST_SPK_FIRST, ST_SPK_NEXT_SAME, ST_SPK_NEXT }
	};
	sqlite3_stmt	*st;
	long		 n = 0, got;
	int		 stop = 0, pass;

	for (pass = 0; pass < 2 && !stop && n < limit; pass++) {
		if ((st = page_stmt(db, page[down != 0], key != NULL,
		    pass)) == NULL)
			break;
		if (key != NULL) {
			sqlite3_bind_int64(st, 1, key->nquotes);
			bind_text(st, 2, key->fold);
			sqlite3_bind_int64(st, 3, key->id);
		}
		sqlite3_bind_int(st, 4, limit - (int)n);
		if ((got = speakers_walk(db, st, 0, fn, ctx, &stop,
		    cause)) < 0)
			return -1;
		n += got;
	}
	return n;
}

/* The one integer st gives, or -1 with *cause set. */
static long long
speakers_count(struct db *db, sqlite3_stmt *st, char **cause)
{
	long long	n = 0;
	int		rc;

	if ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		n = sqlite3_column_int64(st, 0);
		rc = SQLITE_DONE;
	}
	if (db_rows_end(db, st, rc, cause) != 0)
		return -1;
	return n;
}

long long
db_speakers_total(struct db *db, char **cause)
{
	return speakers_count(db, db_stmt(db, ST_SPK_TOTAL), cause);
}

long long
db_speakers_rank(struct db *db, const struct db_speaker_key *key,
    char **cause)
{
	sqlite3_stmt	*st = db_stmt(db, ST_SPK_RANK);

	sqlite3_bind_int64(st, 1, key->nquotes);
	bind_text(st, 2, key->fold);
	sqlite3_bind_int64(st, 3, key->id);
	return speakers_count(db, st, cause);
}

long
db_speakers_match(struct db *db, const char *fold, long long **ids,
    char **cause)
{
	sqlite3_stmt	*st = db_stmt(db, ST_SPK_MATCH);
	size_t		 n = 0, cap = 0;
	int		 rc;

	*ids = NULL;
	bind_text(st, 1, fold);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		if (n == cap) {
			cap = cap == 0 ? 256 : cap * 2;
			*ids = xreallocarray(*ids, cap, sizeof(**ids));
		}
		(*ids)[n++] = sqlite3_column_int64(st, 0);
	}
	if (db_rows_end(db, st, rc, cause) != 0) {
		free(*ids);
		*ids = NULL;
		return -1;
	}
	return (long)n;
}

long
db_speakers_narrow(struct db *db, const char *fold, long long *ids,
    size_t nids, char **cause)
{
	sqlite3_stmt	*st = db_stmt(db, ST_SPK_HAS);
	size_t		 i, n = 0;
	int		 rc, has;

	bind_text(st, 2, fold);
	for (i = 0; i < nids; i++) {
		sqlite3_bind_int64(st, 1, ids[i]);
		has = 0;
		if ((rc = sqlite3_step(st)) == SQLITE_ROW) {
			has = sqlite3_column_int(st, 0);
			rc = SQLITE_DONE;
		}
		if (rc != SQLITE_DONE) {
			db_rows_end(db, st, rc, cause);
			return -1;
		}
		sqlite3_reset(st);
		if (has)
			ids[n++] = ids[i];
	}
	return (long)n;
}

int
db_speakers_get(struct db *db, const long long *ids, size_t nids,
    db_speaker_fn fn, void *ctx, char **cause)
{
	sqlite3_stmt	*st;
	size_t		 i;
	int		 stop = 0;

	for (i = 0; i < nids && !stop; i++) {
		st = db_stmt(db, ST_SPK_GET);
		sqlite3_bind_int64(st, 1, ids[i]);
		if (speakers_walk(db, st, 0, fn, ctx, &stop, cause) < 0)
			return -1;
	}
	return 0;
}

long
db_speaker_complete(struct db *db, const char *prefix, int max,
    char ***names, char **cause)
{
	sqlite3_stmt	*st = db_stmt(db, ST_SPEAKER_COMPLETE);
	char		*lo, *hi;
	long		 n = 0;
	int		 rc;

	*names = xcalloc((size_t)max + 1, sizeof(**names));
	lo = fold_name(prefix);
	/* Past every string that starts with lo: lo, then U+10FFFF. */
	hi = xasprintf("%s\xf4\x8f\xbf\xbf", lo);
	bind_text(st, 1, lo);
	bind_text(st, 2, hi);
	sqlite3_bind_int(st, 3, max);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW && n < max)
		(*names)[n++] = xstrdup(col_text(st, 0));
	sqlite3_reset(st);
	free(lo);
	free(hi);
	if (rc != SQLITE_ROW && rc != SQLITE_DONE) {
		*cause = db_error(db, "cannot read the archive");
		while (n > 0)
			free((*names)[--n]);
		free(*names);
		*names = NULL;
		return -1;
	}
	return n;
}

long
db_speaker_find(struct db *db, const char *name, long long **ids,
    char **cause)
{
	static const char	*kinds[] = { "person", "group", "institution" };
	sqlite3_stmt		*st;
	char			*fold, *sp;
	size_t			 n = 0, k;
	int			 rc;

	*ids = xcalloc(64, sizeof(**ids));
	fold = fold_name(name);
	/* An exact form of the name first, of any kind. */
	for (k = 0; k < 3 && n == 0; k++) {
		st = db_stmt(db, ST_SPEAKER_BY_ALIAS);
		bind_text(st, 1, fold);
		bind_text(st, 2, kinds[k]);
		while ((rc = sqlite3_step(st)) == SQLITE_ROW && n < 64)
			(*ids)[n++] = sqlite3_column_int64(st, 0);
		sqlite3_reset(st);
		if (rc != SQLITE_ROW && rc != SQLITE_DONE)
			goto fail;
	}
	/* Else every person the name can be ("Е. Булекпаев", "Байдена"):
	 * those under its key that merge_pick() would take for it. */
	if (n == 0) {
		struct merge_name	r, c;
		char			*key;

		key = merge_key(name, SPEAKER_PERSON, 0);
		r.name = name;
		r.gender = GENDER_UNKNOWN;
		r.kind = c.kind = SPEAKER_PERSON;
		st = db_stmt(db, ST_SPEAKER_BY_SURNAME);
		bind_text(st, 1, key);
		bind_text(st, 2, "person");
		while ((rc = sqlite3_step(st)) == SQLITE_ROW && n < 64) {
			c.name = col_text(st, 1);
			c.gender = GENDER_UNKNOWN;
			c.nquotes = 0;
			if (merge_pick(db->lx, &r, &c, 1) == 0)
				(*ids)[n++] = sqlite3_column_int64(st, 0);
		}
		sqlite3_reset(st);
		free(key);
		if (rc != SQLITE_ROW && rc != SQLITE_DONE)
			goto fail;
	}
	/* Else the speaker index, which stems: "Булекпаева", "Тулегеновой". */
	if (n == 0) {
		struct buf	q;

		/* Every word of the name, in any order and form. */
		buf_init(&q);
		buf_adds(&q, "name : \"");
		for (sp = fold; *sp != '\0'; sp++) {
			if (*sp == ' ')
				buf_adds(&q, "\" AND name : \"");
			else if (*sp != '"')
				buf_addc(&q, *sp);
		}
		buf_addc(&q, '"');
		st = db_stmt(db, ST_SPEAKER_FTS);
		bind_text(st, 1, q.data);
		buf_free(&q);
		while ((rc = sqlite3_step(st)) == SQLITE_ROW && n < 64)
			(*ids)[n++] = sqlite3_column_int64(st, 0);
		sqlite3_reset(st);
		if (rc != SQLITE_ROW && rc != SQLITE_DONE)
			goto fail;
	}
	free(fold);
	return (long)n;
fail:
	free(fold);
	*cause = db_error(db, "cannot read speakers");
	return -1;
}
