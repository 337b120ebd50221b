/*
 * db.c: the archive.  Every SQL statement of citata is here, prepared in
 * db_open() and finalised in db_close(), always with bound parameters.
 *
 * Schema history (PRAGMA user_version):
 *   1  articles
 *   2  speakers, their aliases and role history, quotes; a quote count
 *      kept on articles and speakers by triggers
 *   3  a key-value table for the reader's remembered state
 *   4  full-text indexes (FTS5 with our own tokenizer "citata", see
 *      stem.c) of articles, quotes and speakers, kept in step by triggers
 *   5  the number of articles of each day, kept by triggers, so that the
 *      reader's total and rank read a few thousand rows, not the archive
 *   6  each speaker's number of articles, kept by triggers, and an index
 *      of roles by speaker, role and article, so that the list of
 *      speakers reads one row per speaker and role, not their quotes
 *   7  an article's quote count and its quotes' index rows are written by
 *      db.c once per article, not by triggers once per quote
 *   8  each quote keeps its article's date, and an index of quotes by
 *      speaker in the order the reader shows them (newest article first,
 *      then text order), so that a speaker's quotes are read a page at
 *      a time, not all at once and sorted
 */
#include "config.h"

#include "db.h"

#include <errno.h>
#include <sqlite3.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "article.h"
#include "search.h"
#include "speakers.h"
#include "stem.h"
#include "util.h"

/* The first window of a search, in rows: see search_window(). */
#define DB_SEARCH_WINDOW	10000

/* "CITA": marks the file as a citata archive. */
#define DB_APPLICATION_ID	0x43495441

static const char *db_migrations[DB_SCHEMA_VERSION] = {
	/* 0 -> 1 */
	"CREATE TABLE articles ("
	"  id INTEGER PRIMARY KEY,"
	"  date TEXT NOT NULL,"
	"  title TEXT NOT NULL,"
	"  title_derived INTEGER NOT NULL DEFAULT 0,"
	"  source TEXT,"
	"  url TEXT,"
	"  text TEXT NOT NULL,"
	"  origin TEXT,"
	"  origin_line INTEGER,"
	"  hash TEXT NOT NULL,"
	"  imported INTEGER NOT NULL,"
	"  is_read INTEGER NOT NULL DEFAULT 0,"
	"  starred INTEGER NOT NULL DEFAULT 0"
	");"
	"CREATE INDEX articles_date ON articles(date DESC, id DESC);"
	"CREATE INDEX articles_hash ON articles(hash);",

	/* 1 -> 2 */
	"ALTER TABLE articles ADD COLUMN nquotes INTEGER NOT NULL DEFAULT 0;"
	"CREATE TABLE speakers ("
	"  id INTEGER PRIMARY KEY,"
	"  name TEXT NOT NULL,"
	"  fold TEXT NOT NULL,"
	"  surname TEXT NOT NULL,"
	"  gender TEXT CHECK (gender IN ('male', 'female')),"
	"  kind TEXT NOT NULL DEFAULT 'person'"
	"    CHECK (kind IN ('person', 'group', 'institution')),"
	"  nquotes INTEGER NOT NULL DEFAULT 0"
	");"
	"CREATE INDEX speakers_surname ON speakers(surname, kind);"
	"CREATE INDEX speakers_nquotes ON speakers(nquotes DESC, id);"
	"CREATE TABLE speaker_aliases ("
	"  speaker_id INTEGER NOT NULL"
	"    REFERENCES speakers(id) ON DELETE CASCADE,"
	"  alias TEXT NOT NULL,"
	"  fold TEXT NOT NULL,"
	"  PRIMARY KEY (speaker_id, fold)"
	");"
	"CREATE INDEX speaker_aliases_fold ON speaker_aliases(fold);"
	"CREATE TABLE speaker_roles ("
	"  speaker_id INTEGER NOT NULL"
	"    REFERENCES speakers(id) ON DELETE CASCADE,"
	"  article_id INTEGER NOT NULL"
	"    REFERENCES articles(id) ON DELETE CASCADE,"
	"  role TEXT NOT NULL,"
	"  PRIMARY KEY (speaker_id, article_id, role)"
	");"
	"CREATE INDEX speaker_roles_article ON speaker_roles(article_id);"
	"CREATE TABLE quotes ("
	"  id INTEGER PRIMARY KEY,"
	"  article_id INTEGER NOT NULL"
	"    REFERENCES articles(id) ON DELETE CASCADE,"
	"  speaker_id INTEGER REFERENCES speakers(id) ON DELETE SET NULL,"
	"  kind TEXT NOT NULL CHECK (kind IN ('direct', 'indirect')),"
	"  start INTEGER NOT NULL,"
	"  \"end\" INTEGER NOT NULL,"
	"  cue TEXT,"
	"  mention TEXT,"
	"  role TEXT,"
	"  origin TEXT NOT NULL DEFAULT 'auto'"
	"    CHECK (origin IN ('auto', 'manual')),"
	"  CHECK (0 <= start AND start <= \"end\")"
	");"
	"CREATE INDEX quotes_article ON quotes(article_id, start);"
	"CREATE INDEX quotes_speaker ON quotes(speaker_id, article_id);"
	"CREATE TRIGGER quotes_count_ins AFTER INSERT ON quotes BEGIN"
	"  UPDATE articles SET nquotes = nquotes + 1 WHERE id = NEW.article_id;"
	"  UPDATE speakers SET nquotes = nquotes + 1 WHERE id = NEW.speaker_id;"
	" END;"
	"CREATE TRIGGER quotes_count_del AFTER DELETE ON quotes BEGIN"
	"  UPDATE articles SET nquotes = nquotes - 1 WHERE id = OLD.article_id;"
	"  UPDATE speakers SET nquotes = nquotes - 1 WHERE id = OLD.speaker_id;"
	" END;"
	"CREATE TRIGGER quotes_count_upd AFTER UPDATE OF speaker_id ON quotes"
	" BEGIN"
	"  UPDATE speakers SET nquotes = nquotes - 1 WHERE id = OLD.speaker_id;"
	"  UPDATE speakers SET nquotes = nquotes + 1 WHERE id = NEW.speaker_id;"
	" END;",

	/* 2 -> 3 */
	"CREATE TABLE state ("
	"  key TEXT PRIMARY KEY,"
	"  value TEXT"
	");",

	/* 3 -> 4: full-text search; existing rows are indexed here. */
	"CREATE VIRTUAL TABLE articles_fts USING fts5(title, text,"
	"  content='articles', content_rowid='id', tokenize='citata');"
	"INSERT INTO articles_fts(articles_fts) VALUES ('rebuild');"
	"CREATE TRIGGER articles_fts_ins AFTER INSERT ON articles BEGIN"
	"  INSERT INTO articles_fts(rowid, title, text)"
	"    VALUES (NEW.id, NEW.title, NEW.text);"
	" END;"
	"CREATE TRIGGER articles_fts_del AFTER DELETE ON articles BEGIN"
	"  INSERT INTO articles_fts(articles_fts, rowid, title, text)"
	"    VALUES ('delete', OLD.id, OLD.title, OLD.text);"
	" END;"
	"CREATE TRIGGER articles_fts_upd AFTER UPDATE OF title, text"
	" ON articles BEGIN"
	"  INSERT INTO articles_fts(articles_fts, rowid, title, text)"
	"    VALUES ('delete', OLD.id, OLD.title, OLD.text);"
	"  INSERT INTO articles_fts(rowid, title, text)"
	"    VALUES (NEW.id, NEW.title, NEW.text);"
	" END;"
	"CREATE VIRTUAL TABLE quotes_fts USING fts5(text, tokenize='citata');"
	"INSERT INTO quotes_fts(rowid, text)"
	"  SELECT q.id, CAST(substr(CAST(a.text AS BLOB), q.start + 1,"
	"    q.\"end\" - q.start) AS TEXT)"
	"  FROM quotes q JOIN articles a ON a.id = q.article_id;"
	"CREATE TRIGGER quotes_fts_ins AFTER INSERT ON quotes BEGIN"
	"  INSERT INTO quotes_fts(rowid, text)"
	"    SELECT NEW.id, CAST(substr(CAST(a.text AS BLOB), NEW.start + 1,"
	"      NEW.\"end\" - NEW.start) AS TEXT)"
	"    FROM articles a WHERE a.id = NEW.article_id;"
	" END;"
	"CREATE TRIGGER quotes_fts_del AFTER DELETE ON quotes BEGIN"
	"  DELETE FROM quotes_fts WHERE rowid = OLD.id;"
	" END;"
	"CREATE VIRTUAL TABLE speakers_fts USING fts5(name, roles,"
	"  tokenize='citata');"
	"INSERT INTO speakers_fts(rowid, name, roles)"
	"  SELECT s.id, s.name || ' ' || coalesce((SELECT group_concat(alias,"
	"    ' ') FROM speaker_aliases WHERE speaker_id = s.id), ''),"
	"    coalesce((SELECT group_concat(role, ' ') FROM (SELECT DISTINCT"
	"    role FROM speaker_roles WHERE speaker_id = s.id)), '')"
	"  FROM speakers s;"
	"CREATE TRIGGER speakers_fts_ins AFTER INSERT ON speakers BEGIN"
	"  INSERT INTO speakers_fts(rowid, name, roles)"
	"    VALUES (NEW.id, NEW.name, '');"
	" END;"
	"CREATE TRIGGER speakers_fts_del AFTER DELETE ON speakers BEGIN"
	"  DELETE FROM speakers_fts WHERE rowid = OLD.id;"
	" END;"
	"CREATE TRIGGER speakers_fts_alias AFTER INSERT ON speaker_aliases"
	" BEGIN"
	"  UPDATE speakers_fts SET name = name || ' ' || NEW.alias"
	"    WHERE rowid = NEW.speaker_id;"
	" END;"
	/* A role is indexed once per speaker, not once per article: the
	 * row would otherwise grow, and be rewritten, with every quote. */
	"CREATE INDEX speaker_roles_role ON speaker_roles(speaker_id, role);"
	"CREATE TRIGGER speakers_fts_role AFTER INSERT ON speaker_roles"
	" WHEN NOT EXISTS (SELECT 1 FROM speaker_roles"
	"   WHERE speaker_id = NEW.speaker_id AND role = NEW.role"
	"   AND article_id <> NEW.article_id)"
	" BEGIN"
	"  UPDATE speakers_fts SET roles = roles || ' ' || NEW.role"
	"    WHERE rowid = NEW.speaker_id;"
	" END;",

	/*
	 * 4 -> 5: articles per day.  count(*) over the articles reads a
	 * whole index, a second or more at a million articles; a sum over
	 * the days (ten years are 3,653 rows) does not grow with the
	 * archive.  Existing articles are counted here, once.
	 */
	"CREATE TABLE article_days ("
	"  date TEXT PRIMARY KEY,"
	"  n INTEGER NOT NULL"
	") WITHOUT ROWID;"
	"INSERT INTO article_days (date, n)"
	"  SELECT date, count(*) FROM articles GROUP BY date;"
	"CREATE TRIGGER article_days_ins AFTER INSERT ON articles BEGIN"
	"  INSERT INTO article_days (date, n) VALUES (NEW.date, 1)"
	"    ON CONFLICT (date) DO UPDATE SET n = n + 1;"
	" END;"
	"CREATE TRIGGER article_days_del AFTER DELETE ON articles BEGIN"
	"  UPDATE article_days SET n = n - 1 WHERE date = OLD.date;"
	" END;"
	"CREATE TRIGGER article_days_upd AFTER UPDATE OF date ON articles"
	" BEGIN"
	"  UPDATE article_days SET n = n - 1 WHERE date = OLD.date;"
	"  INSERT INTO article_days (date, n) VALUES (NEW.date, 1)"
	"    ON CONFLICT (date) DO UPDATE SET n = n + 1;"
	" END;",

	/*
	 * 5 -> 6: the speakers list counted each speaker's articles over
	 * the quotes and sorted every role row by its article's date: 4 s
	 * and more at a million articles.  The count is kept here; the
	 * latest roles are those of the newest article ids, found in an
	 * index without reading the articles.
	 */
	"ALTER TABLE speakers ADD COLUMN narticles INTEGER NOT NULL DEFAULT 0;"
	"UPDATE speakers SET narticles = (SELECT count(DISTINCT article_id)"
	"  FROM quotes WHERE speaker_id = speakers.id);"
	"CREATE TRIGGER speakers_narticles_ins AFTER INSERT ON quotes"
	" WHEN NEW.speaker_id IS NOT NULL AND NOT EXISTS (SELECT 1 FROM quotes"
	"   WHERE speaker_id = NEW.speaker_id AND article_id = NEW.article_id"
	"   AND id <> NEW.id)"
	" BEGIN"
	"  UPDATE speakers SET narticles = narticles + 1"
	"    WHERE id = NEW.speaker_id;"
	" END;"
	"CREATE TRIGGER speakers_narticles_del AFTER DELETE ON quotes"
	" WHEN OLD.speaker_id IS NOT NULL AND NOT EXISTS (SELECT 1 FROM quotes"
	"   WHERE speaker_id = OLD.speaker_id AND article_id = OLD.article_id)"
	" BEGIN"
	"  UPDATE speakers SET narticles = narticles - 1"
	"    WHERE id = OLD.speaker_id;"
	" END;"
	"CREATE TRIGGER speakers_narticles_upd AFTER UPDATE OF speaker_id"
	" ON quotes BEGIN"
	"  UPDATE speakers SET narticles = narticles - 1"
	"    WHERE id = OLD.speaker_id AND NOT EXISTS (SELECT 1 FROM quotes"
	"    WHERE speaker_id = OLD.speaker_id AND article_id = OLD.article_id);"
	"  UPDATE speakers SET narticles = narticles + 1"
	"    WHERE id = NEW.speaker_id AND NOT EXISTS (SELECT 1 FROM quotes"
	"    WHERE speaker_id = NEW.speaker_id AND article_id = NEW.article_id"
	"    AND id <> NEW.id);"
	" END;"
	"CREATE INDEX speaker_roles_recent"
	"  ON speaker_roles(speaker_id, role, article_id);"
	"DROP INDEX speaker_roles_role;",

	/* 6 -> 7: a trigger per quote rewrote the whole article row, text
	 * and all, to count it, and read the whole text again to index it:
	 * quadratic in an article with many quotes.  db.c now stores the
	 * count with the article and indexes each quote from its text in
	 * memory (quotes_insert()); the speakers' counts stay triggers, as
	 * their rows are small. */
	"DROP TRIGGER IF EXISTS quotes_fts_ins;"
	"DROP TRIGGER IF EXISTS quotes_count_ins;"
	"DROP TRIGGER IF EXISTS quotes_count_del;"
	"CREATE TRIGGER quotes_count_ins AFTER INSERT ON quotes BEGIN"
	"  UPDATE speakers SET nquotes = nquotes + 1 WHERE id = NEW.speaker_id;"
	" END;"
	"CREATE TRIGGER quotes_count_del AFTER DELETE ON quotes BEGIN"
	"  UPDATE speakers SET nquotes = nquotes - 1 WHERE id = OLD.speaker_id;"
	" END;",

	/*
	 * 7 -> 8: a speaker's quotes run newest article first, and the
	 * quotes had no date: showing them meant reading and sorting all
	 * of them (1.5 s for 150,000 at a million articles).  Each quote
	 * now keeps its article's date, written with the quote
	 * (quotes_insert()) and here for the quotes already stored, and
	 * the index quotes_speaker_date holds them in the reader's order,
	 * so a page is a walk of a few index entries.  No statement of
	 * citata changes an article's date; the trigger keeps the copies
	 * right if one ever does (or a person does with sqlite3).
	 */
	"ALTER TABLE quotes ADD COLUMN date TEXT NOT NULL DEFAULT '';"
	"UPDATE quotes SET date ="
	"  (SELECT a.date FROM articles a WHERE a.id = quotes.article_id);"
	"CREATE INDEX quotes_speaker_date"
	"  ON quotes(speaker_id, date DESC, article_id DESC, start);"
	"CREATE TRIGGER quotes_date_upd AFTER UPDATE OF date ON articles BEGIN"
	"  UPDATE quotes SET date = NEW.date WHERE article_id = NEW.id;"
	" END;"
};

enum db_stmt_id {
	ST_ARTICLE_FIND,
	ST_ARTICLE_INSERT,
	ST_ARTICLE_GET,
	ST_ARTICLE_SET_READ,
	ST_ARTICLES,
	ST_EXPORT,
	ST_IDS,
	ST_QUOTE_INSERT,
	ST_QUOTE_FTS_INSERT,
	ST_ARTICLE_COUNT_QUOTES,
	ST_QUOTES_DELETE_AUTO,
	ST_QUOTES_ALL,
	ST_QUOTES_ARTICLE,
	ST_QUOTES_SPEAKER,
	ST_QUOTES_BOTH,
	ST_QUOTE_GET,
	ST_SPQ_FIRST,
	ST_SPQ_LAST,
	ST_SPQ_OLDER_SAME,
	ST_SPQ_OLDER,
	ST_SPQ_NEWER_SAME,
	ST_SPQ_NEWER,
	ST_SPEAKER_GET,
	ST_SPEAKER_BY_ALIAS,
	ST_SPEAKER_BY_SURNAME,
	ST_SPEAKER_INSERT,
	ST_SPEAKER_RENAME,
	ST_SPEAKER_GENDER,
	ST_ALIAS_INSERT,
	ST_ROLE_INSERT,
	ST_SPEAKERS,
	ST_COUNT,
	ST_PAGE_FIRST,
	ST_PAGE_LAST,
	ST_PAGE_OLDER,
	ST_PAGE_NEWER,
	ST_TOTAL,
	ST_RANK,
	ST_STATE_GET,
	ST_STATE_SET,
	ST_SEARCH_ARTICLES,
	ST_SEARCH_ARTICLES_FILTERED,
	ST_SEARCH_COUNT,
	ST_SEARCH_QCOUNT,
	ST_MAX_ARTICLE,
	ST_MAX_QUOTE,
	ST_SEARCH_QUOTES,
	ST_LIST_QUOTES,
	ST_LIST_QUOTES_ONE,
	ST_LIST_ARTICLES,
	ST_SPEAKER_FTS,
	ST_BEGIN,
	ST_COMMIT,
	ST_ROLLBACK,
	ST__COUNT
};

/* The quote's text is read by quote_text(), not selected here.  The
 * date is the quote's copy of its article's (schema 8), the one the
 * index quotes_speaker_date orders by. */
#define QUOTE_COLUMNS \
	"SELECT q.id, q.article_id, q.speaker_id, q.date, a.source, s.name," \
	" q.role, q.kind, q.cue, q.mention, q.origin, q.start, q.\"end\"" \
	" FROM quotes q JOIN articles a ON a.id = q.article_id" \
	" LEFT JOIN speakers s ON s.id = q.speaker_id"

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

/* The filters every search statement shares: ?2 source (folded), ?3 and
 * ?4 the date range; NULL means no filter. */
#define SEARCH_FILTERS \
	" AND (?2 IS NULL OR citata_fold(a.source) = ?2)" \
	" AND (?3 IS NULL OR a.date >= ?3) AND (?4 IS NULL OR a.date <= ?4)"

static const char *db_sql[ST__COUNT] = {
	[ST_ARTICLE_FIND] =
	    "SELECT id FROM articles WHERE hash = ?1 AND text = ?2",
	[ST_ARTICLE_INSERT] =
	    "INSERT INTO articles (date, title, title_derived, source, url,"
	    " text, origin, origin_line, hash, imported, nquotes)"
	    " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)",
	[ST_ARTICLE_GET] =
	    "SELECT id, date, title, title_derived, source, url, text, origin,"
	    " origin_line FROM articles WHERE id = ?1",
	[ST_ARTICLE_SET_READ] =
	    "UPDATE articles SET is_read = ?2 WHERE id = ?1",
	[ST_ARTICLES] =
	    "SELECT id, date, source, title, nquotes, is_read FROM articles"
	    " ORDER BY date DESC, id DESC",
	[ST_EXPORT] =
	    "SELECT id, date, title, title_derived, source, url, text, origin,"
	    " origin_line FROM articles ORDER BY id",
	[ST_IDS] =
	    "SELECT id FROM articles ORDER BY id",
	[ST_QUOTE_INSERT] =
	    "INSERT INTO quotes (article_id, speaker_id, kind, start, \"end\","
	    " cue, mention, role, origin, date)"
	    " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, 'auto', ?9)",
	[ST_QUOTE_FTS_INSERT] =
	    "INSERT INTO quotes_fts (rowid, text) VALUES (?1, ?2)",
	[ST_ARTICLE_COUNT_QUOTES] =
	    "UPDATE articles SET nquotes ="
	    " (SELECT count(*) FROM quotes WHERE article_id = ?1) WHERE id = ?1",
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
	[ST_SPEAKER_BY_SURNAME] =
	    "SELECT id, name FROM speakers WHERE surname = ?1 AND kind = ?2"
	    " ORDER BY nquotes DESC, id",
	[ST_SPEAKER_INSERT] =
	    "INSERT INTO speakers (name, fold, surname, gender, kind)"
	    " VALUES (?1, ?2, ?3, ?4, ?5)",
	[ST_SPEAKER_RENAME] =
	    "UPDATE speakers SET name = ?2, fold = ?3 WHERE id = ?1",
	[ST_SPEAKER_GENDER] =
	    "UPDATE speakers SET gender = ?2 WHERE id = ?1 AND gender IS NULL",
	[ST_ALIAS_INSERT] =
	    "INSERT OR IGNORE INTO speaker_aliases (speaker_id, alias, fold)"
	    " VALUES (?1, ?2, ?3)",
	[ST_ROLE_INSERT] =
	    "INSERT OR IGNORE INTO speaker_roles (speaker_id, article_id, role)"
	    " VALUES (?1, ?2, ?3)",
	[ST_SPEAKERS] =
	    "SELECT s.id, s.name, s.kind, s.gender,"
	    " (SELECT group_concat(role, '; ') FROM (SELECT r.role"
	    "   FROM speaker_roles r WHERE r.speaker_id = s.id"
	    "   GROUP BY r.role ORDER BY max(r.article_id) DESC LIMIT 3)),"
	    " s.nquotes, s.narticles,"
	    " (SELECT group_concat(fold, '|') FROM speaker_aliases"
	    "   WHERE speaker_id = s.id)"
	    " FROM speakers s WHERE s.nquotes > 0"
	    " ORDER BY s.nquotes DESC, s.name",
	[ST_COUNT] =
	    "SELECT (SELECT count(*) FROM articles),"
	    " (SELECT count(*) FROM quotes),"
	    " (SELECT count(*) FROM speakers WHERE nquotes > 0)",
	[ST_PAGE_FIRST] =
	    "SELECT id, date, source, title, nquotes, is_read FROM articles"
	    " ORDER BY date DESC, id DESC LIMIT ?1",
	[ST_PAGE_LAST] =
	    "SELECT id, date, source, title, nquotes, is_read FROM articles"
	    " ORDER BY date, id LIMIT ?1",
	[ST_PAGE_OLDER] =
	    "SELECT id, date, source, title, nquotes, is_read FROM articles"
	    " WHERE (date, id) < (?1, ?2) ORDER BY date DESC, id DESC LIMIT ?3",
	[ST_PAGE_NEWER] =
	    "SELECT id, date, source, title, nquotes, is_read FROM articles"
	    " WHERE (date, id) > (?1, ?2) ORDER BY date, id LIMIT ?3",
	[ST_TOTAL] = "SELECT coalesce(sum(n), 0) FROM article_days",
	/* The newer days, then the newer articles of the same day. */
	[ST_RANK] =
	    "SELECT (SELECT coalesce(sum(n), 0) FROM article_days"
	    "   WHERE date > ?1)"
	    " + (SELECT count(*) FROM articles WHERE date = ?1 AND id > ?2)",
	[ST_STATE_GET] = "SELECT value FROM state WHERE key = ?1",
	[ST_STATE_SET] =
	    "INSERT INTO state (key, value) VALUES (?1, ?2)"
	    " ON CONFLICT (key) DO UPDATE SET value = excluded.value",
	/*
	 * The best rows are chosen first, without snippets, then only
	 * those get one: snippet() is far dearer than bm25() and would
	 * otherwise run for every match before the sort.  bm25() is
	 * named rather than FTS5's "rank", whose own sorted plan reads
	 * every match, past the rowid window too.
	 */
	[ST_SEARCH_ARTICLES] =
	    "SELECT a.id, 0, a.date, a.source, a.title, NULL,"
	    SNIPPET("articles_fts", "-1", "a.text")
	    " bm25(articles_fts, 4.0, 1.0), a.nquotes, a.is_read"
	    " FROM articles_fts JOIN articles a ON a.id = articles_fts.rowid"
	    " WHERE articles_fts MATCH ?1 AND articles_fts.rowid >= ?7"
	    " AND articles_fts.rowid IN"
	    " (SELECT rowid FROM articles_fts WHERE articles_fts MATCH ?1"
	    "   AND rowid >= ?7 ORDER BY bm25(articles_fts, 4.0, 1.0) LIMIT ?5)"
	    " ORDER BY bm25(articles_fts, 4.0, 1.0)",
	/* How many matches (at most ?3) lie at rowid ?2 or above. */
	[ST_SEARCH_COUNT] =
	    "SELECT count(*) FROM (SELECT rowid FROM articles_fts"
	    " WHERE articles_fts MATCH ?1 AND rowid >= ?2 LIMIT ?3)",
	[ST_SEARCH_QCOUNT] =
	    "SELECT count(*) FROM (SELECT rowid FROM quotes_fts"
	    " WHERE quotes_fts MATCH ?1 AND rowid >= ?2 LIMIT ?3)",
	[ST_MAX_ARTICLE] = "SELECT max(id) FROM articles",
	[ST_MAX_QUOTE] = "SELECT max(id) FROM quotes",
	/* With filters, the articles row is needed to choose. */
	[ST_SEARCH_ARTICLES_FILTERED] =
	    "SELECT a.id, 0, a.date, a.source, a.title, NULL,"
	    SNIPPET("articles_fts", "-1", "a.text")
	    " bm25(articles_fts, 4.0, 1.0), a.nquotes, a.is_read"
	    " FROM articles_fts JOIN articles a ON a.id = articles_fts.rowid"
	    " WHERE articles_fts MATCH ?1 AND articles_fts.rowid IN"
	    " (SELECT f.rowid FROM articles_fts f"
	    "   JOIN articles a ON a.id = f.rowid"
	    "   WHERE articles_fts MATCH ?1" SEARCH_FILTERS
	    "   ORDER BY bm25(articles_fts, 4.0, 1.0) LIMIT ?5)"
	    " ORDER BY bm25(articles_fts, 4.0, 1.0)",
	[ST_SEARCH_QUOTES] =
	    "SELECT q.article_id, q.id, a.date, a.source, a.title, s.name,"
	    SNIPPET("quotes_fts", "0", "quotes_fts.text")
	    " bm25(quotes_fts), a.nquotes, a.is_read"
	    " FROM quotes_fts JOIN quotes q ON q.id = quotes_fts.rowid"
	    " JOIN articles a ON a.id = q.article_id"
	    " LEFT JOIN speakers s ON s.id = q.speaker_id"
	    " WHERE quotes_fts MATCH ?1 AND quotes_fts.rowid >= ?7"
	    " AND quotes_fts.rowid IN"
	    " (SELECT f.rowid FROM quotes_fts f"
	    "   JOIN quotes q ON q.id = f.rowid"
	    "   JOIN articles a ON a.id = q.article_id"
	    "   WHERE quotes_fts MATCH ?1 AND f.rowid >= ?7" SEARCH_FILTERS
	    "   AND (?6 IS NULL OR q.speaker_id IN"
	    "     (SELECT value FROM json_each(?6)))"
	    "   ORDER BY bm25(quotes_fts) LIMIT ?5)"
	    " ORDER BY bm25(quotes_fts)",
	[ST_LIST_QUOTES] =
	    "SELECT q.article_id, q.id, a.date, a.source, a.title, s.name,"
	    " CAST(substr(CAST(a.text AS BLOB), q.start + 1,"
	    "   q.\"end\" - q.start) AS TEXT), 0, a.nquotes, a.is_read"
	    " FROM quotes q JOIN articles a ON a.id = q.article_id"
	    " LEFT JOIN speakers s ON s.id = q.speaker_id"
	    " WHERE q.speaker_id IN (SELECT value FROM json_each(?6))"
	    SEARCH_FILTERS
	    " ORDER BY q.date DESC, q.article_id DESC, q.start, q.id LIMIT ?5",
	/* One speaker (the usual case): along quotes_speaker_date, so the
	 * newest limit quotes are read, not all of them and sorted. */
	[ST_LIST_QUOTES_ONE] =
	    "SELECT q.article_id, q.id, a.date, a.source, a.title, s.name,"
	    " CAST(substr(CAST(a.text AS BLOB), q.start + 1,"
	    "   q.\"end\" - q.start) AS TEXT), 0, a.nquotes, a.is_read"
	    " FROM quotes q JOIN articles a ON a.id = q.article_id"
	    " LEFT JOIN speakers s ON s.id = q.speaker_id"
	    " WHERE q.speaker_id = ?8" SEARCH_FILTERS
	    " ORDER BY q.date DESC, q.article_id DESC, q.start, q.id LIMIT ?5",
	[ST_LIST_ARTICLES] =
	    "SELECT a.id, 0, a.date, a.source, a.title, NULL,"
	    " substr(a.text, 1, 200), 0, a.nquotes, a.is_read"
	    " FROM articles a WHERE 1" SEARCH_FILTERS
	    " ORDER BY a.date DESC, a.id DESC LIMIT ?5",
	[ST_SPEAKER_FTS] =
	    "SELECT rowid FROM speakers_fts WHERE speakers_fts MATCH ?1"
	    " ORDER BY rank LIMIT 64",
	[ST_BEGIN] = "BEGIN IMMEDIATE",
	[ST_COMMIT] = "COMMIT",
	[ST_ROLLBACK] = "ROLLBACK",
};

/* The statements the reader runs, named for db_explain(). */
static const struct {
	enum db_stmt_id	 id;
	const char	*name;
} db_reader_stmts[] = {
	{ ST_PAGE_FIRST, "list page from the newest" },
	{ ST_PAGE_LAST, "list page from the oldest" },
	{ ST_PAGE_OLDER, "list page, older than a key" },
	{ ST_PAGE_NEWER, "list page, newer than a key" },
	{ ST_TOTAL, "article total" },
	{ ST_RANK, "rank of a key" },
	{ ST_STATE_GET, "state get" },
	{ ST_STATE_SET, "state set" },
	{ ST_ARTICLE_GET, "article get" },
	{ ST_ARTICLE_SET_READ, "article set read" },
	{ ST_QUOTES_ARTICLE, "quotes of an article" },
	{ ST_SPEAKERS, "speakers list" },
	{ ST_QUOTES_SPEAKER, "quotes of a speaker" },
	{ ST_SPEAKER_GET, "speaker's name and quote count" },
	{ ST_SPQ_FIRST, "speaker quotes page from the newest" },
	{ ST_SPQ_LAST, "speaker quotes page from the oldest" },
	{ ST_SPQ_OLDER_SAME, "speaker quotes page, on in a key's article" },
	{ ST_SPQ_OLDER, "speaker quotes page, older than a key" },
	{ ST_SPQ_NEWER_SAME, "speaker quotes page, back in a key's article" },
	{ ST_SPQ_NEWER, "speaker quotes page, newer than a key" },
	{ ST_QUOTE_GET, "quote by id" },
	{ ST_SPEAKER_BY_ALIAS, "speaker by name" },
	{ ST_SPEAKER_BY_SURNAME, "speaker by surname" },
	{ ST_SPEAKER_FTS, "speaker by indexed name" },
	{ ST_MAX_ARTICLE, "search: newest article id" },
	{ ST_MAX_QUOTE, "search: newest quote id" },
	{ ST_SEARCH_COUNT, "search: matches in a window" },
	{ ST_SEARCH_QCOUNT, "search: quote matches in a window" },
	{ ST_SEARCH_ARTICLES, "search: articles" },
	{ ST_SEARCH_ARTICLES_FILTERED, "search: articles, filtered" },
	{ ST_SEARCH_QUOTES, "search: quotes" },
	{ ST_LIST_QUOTES, "search: speakers' quotes, no words" },
	{ ST_LIST_QUOTES_ONE, "search: a speaker's quotes, no words" },
	{ ST_LIST_ARTICLES, "search: articles, no words" }
};

struct db {
	sqlite3		*h;
	char		*path;
	int		 readonly;
	int		 busy_ms;	/* its wait for a lock */
	long long	 window;	/* first search window, in rows */
	sqlite3_stmt	*st[ST__COUNT];
};

/* How long to wait for another process's lock: db_busy_timeout_set(). */
static int	 db_busy_ms = DB_BUSY_TIMEOUT;

static char	*db_error(struct db *, const char *);
static int	 db_exec(struct db *, const char *, char **);
static int	 db_migrate(struct db *, int, char **);
static int	 db_prepare_all(struct db *, char **);
static int	 db_probe(struct db *, const char *, int, int, int *, int *,
		    int *);
static int	 db_register(struct db *);
static int	 db_dir_writable(const char *);
static int	 fts_create(void *, const char **, int, Fts5Tokenizer **);
static void	 fts_delete(Fts5Tokenizer *);
static int	 fts_token(void *, const char *, size_t, size_t, size_t);
static int	 fts_tokenize(Fts5Tokenizer *, void *, int, const char *, int,
		    int (*)(void *, int, const char *, int, int, int));
static void	 sql_fold(sqlite3_context *, int, sqlite3_value **);
static char	*ids_json(const long long *, long);
static long long search_window(struct db *, const char *, int, int, char **);
static sqlite3_stmt *db_stmt(struct db *, enum db_stmt_id);
static int	 db_done(struct db *, sqlite3_stmt *, int, char **);
static int	 db_done_nowait(struct db *, sqlite3_stmt *, char **);
static int	 db_rows_end(struct db *, sqlite3_stmt *, int, char **);
static void	 bind_text(sqlite3_stmt *, int, const char *);
static void	 bind_span(sqlite3_stmt *, int, const char *, size_t, size_t);
static const char *col_text(sqlite3_stmt *, int);
static char	*content_hash(const char *, size_t);
static long long speaker_resolve(struct db *, const struct quote *,
		    const char *, char **);
static long	 quotes_storable(const struct article *,
		    const struct quote_list *);
static int	 quotes_insert(struct db *, const struct article *,
		    const struct quote_list *, char **);
static int	 article_row_read(sqlite3_stmt *, struct article *);
static int	 quote_text(struct db *, sqlite3_blob **, long long *,
		    long long, size_t, size_t, struct buf *);
static void	 article_row_fill(sqlite3_stmt *, struct db_article_row *);
struct quote_walk;
static void	 quote_walk_init(struct quote_walk *);
static void	 quote_walk_free(struct quote_walk *);
static long	 quotes_walk(struct db *, sqlite3_stmt *, struct quote_walk *,
		    db_quote_fn, void *, int *, char **);
static long long db_one_int(struct db *, sqlite3_stmt *, char **);

static char *
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

static int
db_exec(struct db *db, const char *sql, char **cause)
{
	if (sqlite3_exec(db->h, sql, NULL, NULL, NULL) != SQLITE_OK) {
		*cause = db_error(db, "cannot update the archive");
		return -1;
	}
	return 0;
}

/* Upgrades from version from to DB_SCHEMA_VERSION, one step per
 * transaction, so an interrupted upgrade leaves a whole version. */
static int
db_migrate(struct db *db, int from, char **cause)
{
	char	*sql;
	int	 v;

	for (v = from; v < DB_SCHEMA_VERSION; v++) {
		if (db_exec(db, "BEGIN IMMEDIATE", cause) != 0)
			return -1;
		sql = xasprintf("%s; PRAGMA user_version = %d;"
		    " PRAGMA application_id = %d;", db_migrations[v], v + 1,
		    DB_APPLICATION_ID);
		if (db_exec(db, sql, cause) != 0) {
			free(sql);
			sqlite3_exec(db->h, "ROLLBACK", NULL, NULL, NULL);
			return -1;
		}
		free(sql);
		if (db_exec(db, "COMMIT", cause) != 0)
			return -1;
	}
	return 0;
}

static int
db_prepare_all(struct db *db, char **cause)
{
	int	i;

	for (i = 0; i < ST__COUNT; i++) {
		if (sqlite3_prepare_v3(db->h, db_sql[i], -1,
		    SQLITE_PREPARE_PERSISTENT, &db->st[i], NULL) != SQLITE_OK) {
			*cause = db_error(db, "cannot prepare a statement");
			return -1;
		}
	}
	return 0;
}

/*
 * The FTS5 tokenizer "citata": words folded and stemmed by stem.c, the
 * same for indexed text and for queries.  One stemmer per tokenizer
 * instance, since Snowball stemmers keep state.
 */
static int
fts_create(void *ctx, const char **argv, int argc, Fts5Tokenizer **out)
{
	(void)ctx;
	(void)argv;
	(void)argc;
	*out = (Fts5Tokenizer *)stem_new();
	return SQLITE_OK;
}

static void
fts_delete(Fts5Tokenizer *t)
{
	stem_free((struct stemmer *)t);
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

/* citata_fold(x): speakers_fold() for SQL, so that filters compare case
 * and ё folded. */
static void
sql_fold(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	const char	*s;
	char		*f;

	(void)argc;
	if ((s = (const char *)sqlite3_value_text(argv[0])) == NULL) {
		sqlite3_result_null(ctx);
		return;
	}
	f = speakers_fold(s);
	sqlite3_result_text(ctx, f, -1, free);
}

/* Registers the tokenizer and the SQL function on a new connection. */
static int
db_register(struct db *db)
{
	static fts5_tokenizer	 tok = { fts_create, fts_delete, fts_tokenize };
	sqlite3_stmt		*st;
	fts5_api		*api = NULL;
	int			 rc;

	rc = sqlite3_create_function(db->h, "citata_fold", 1, SQLITE_UTF8 |
	    SQLITE_DETERMINISTIC, NULL, sql_fold, NULL, NULL);
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
	return api->xCreateTokenizer(api, "citata", NULL, &tok, NULL);
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

/* Whether the directory that holds path can take new files. */
static int
db_dir_writable(const char *path)
{
	const char	*slash = strrchr(path, '/');
	char		*dir;
	int		 rc;

	if (slash == NULL)
		return access(".", W_OK | X_OK) == 0;
	dir = slash == path ? xstrdup("/") : xstrndup(path, slash - path);
	rc = access(dir, W_OK | X_OK) == 0;
	free(dir);
	return rc;
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
	int		 flags, version = 0, appid = 0, ntables = 0, rc, cant;

	db = xcalloc(1, sizeof(*db));
	db->path = xstrdup(path);
	db->window = DB_SEARCH_WINDOW;
	if (mode == DB_WRITE)
		flags = SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE;
	else if (access(path, F_OK) != 0) {
		*cause = xasprintf("%s: no such archive (import articles "
		    "first: citata import FILE)", path);
		db_close(db);
		return NULL;
	} else if (access(path, W_OK) == 0)
		flags = SQLITE_OPEN_READWRITE;
	else
		flags = SQLITE_OPEN_READONLY, db->readonly = 1;
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
	if (!db->readonly && (db_exec(db, "PRAGMA journal_mode = WAL",
	    cause) != 0 || db_exec(db, "PRAGMA synchronous = NORMAL",
	    cause) != 0)) {
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
	if (db_prepare_all(db, cause) != 0) {
		db_close(db);
		return NULL;
	}
	return db;
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
	free(db->path);
	free(db);
}

int
db_readonly(const struct db *db)
{
	return db->readonly;
}

static sqlite3_stmt *
db_stmt(struct db *db, enum db_stmt_id id)
{
	sqlite3_stmt	*st = db->st[id];

	sqlite3_reset(st);
	sqlite3_clear_bindings(st);
	return st;
}

/* Ends a loop over the rows of st, which stopped with rc (SQLITE_DONE
 * when all went well).  Returns 0, or -1 with *cause set. */
static int
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
static int
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
static int
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

static void
bind_text(sqlite3_stmt *st, int i, const char *s)
{
	if (s == NULL)
		sqlite3_bind_null(st, i);
	else
		sqlite3_bind_text(st, i, s, -1, SQLITE_TRANSIENT);
}

static void
bind_span(sqlite3_stmt *st, int i, const char *text, size_t s, size_t e)
{
	if (e <= s)
		sqlite3_bind_null(st, i);
	else
		sqlite3_bind_text(st, i, text + s, (int)(e - s),
		    SQLITE_TRANSIENT);
}

static const char *
col_text(sqlite3_stmt *st, int i)
{
	return (const char *)sqlite3_column_text(st, i);
}

int
db_begin(struct db *db, char **cause)
{
	return db_done(db, db_stmt(db, ST_BEGIN), SQLITE_DONE, cause);
}

int
db_commit(struct db *db, char **cause)
{
	return db_done(db, db_stmt(db, ST_COMMIT), SQLITE_DONE, cause);
}

void
db_rollback(struct db *db)
{
	char	*cause = NULL;

	if (sqlite3_get_autocommit(db->h))
		return;
	if (db_done(db, db_stmt(db, ST_ROLLBACK), SQLITE_DONE, &cause) != 0)
		free(cause);
}

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

/*
 * The speaker row a quote's speaker refers to: an alias of the same folded
 * name, else a speaker of the same surname that can be the same person
 * (speakers_same), else a new speaker.  A fuller name replaces a shorter
 * canonical one ("Булекпаев" becomes "Ермаганбет Булекпаев").  Returns the
 * id, 0 for no speaker, -1 on error.
 */
static long long
speaker_resolve(struct db *db, const struct quote *q, const char *mention,
    char **cause)
{
	sqlite3_stmt	*st;
	const char	*kind = speaker_kind_name(q->speaker_kind);
	const char	*cand;
	char		*fold, *surname, *sp;
	long long	 id = 0;
	int		 rc;

	(void)mention;
	if (q->speaker == NULL || q->speaker[0] == '\0')
		return 0;
	fold = speakers_fold(q->speaker);
	sp = strrchr(fold, ' ');
	surname = xstrdup(q->speaker_kind == SPEAKER_PERSON && sp != NULL ?
	    sp + 1 : fold);

	st = db_stmt(db, ST_SPEAKER_BY_ALIAS);
	bind_text(st, 1, fold);
	bind_text(st, 2, kind);
	if ((rc = sqlite3_step(st)) == SQLITE_ROW)
		id = sqlite3_column_int64(st, 0);
	sqlite3_reset(st);
	if (rc != SQLITE_ROW && rc != SQLITE_DONE)
		goto fail;

	if (id == 0 && q->speaker_kind == SPEAKER_PERSON) {
		st = db_stmt(db, ST_SPEAKER_BY_SURNAME);
		bind_text(st, 1, surname);
		bind_text(st, 2, kind);
		while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
			cand = col_text(st, 1);
			if (speakers_same(cand, q->speaker)) {
				id = sqlite3_column_int64(st, 0);
				/* A fuller form becomes the canonical one. */
				if (strlen(q->speaker) > strlen(cand)) {
					long long	 keep = id;

					sqlite3_reset(st);
					st = db_stmt(db, ST_SPEAKER_RENAME);
					sqlite3_bind_int64(st, 1, keep);
					bind_text(st, 2, q->speaker);
					bind_text(st, 3, fold);
					if (db_done(db, st, SQLITE_DONE,
					    cause) != 0)
						goto out;
					rc = SQLITE_DONE;
				}
				break;
			}
		}
		sqlite3_reset(st);
		if (rc != SQLITE_ROW && rc != SQLITE_DONE)
			goto fail;
	}

	if (id == 0) {
		st = db_stmt(db, ST_SPEAKER_INSERT);
		bind_text(st, 1, q->speaker);
		bind_text(st, 2, fold);
		bind_text(st, 3, surname);
		bind_text(st, 4, gender_name(q->gender));
		bind_text(st, 5, kind);
		if (db_done(db, st, SQLITE_DONE, cause) != 0)
			goto out;
		id = sqlite3_last_insert_rowid(db->h);
	} else if (q->gender != GENDER_UNKNOWN) {
		st = db_stmt(db, ST_SPEAKER_GENDER);
		sqlite3_bind_int64(st, 1, id);
		bind_text(st, 2, gender_name(q->gender));
		if (db_done(db, st, SQLITE_DONE, cause) != 0) {
			id = -1;
			goto out;
		}
	}
	st = db_stmt(db, ST_ALIAS_INSERT);
	sqlite3_bind_int64(st, 1, id);
	bind_text(st, 2, q->speaker);
	bind_text(st, 3, fold);
	if (db_done(db, st, SQLITE_DONE, cause) != 0)
		id = -1;
	goto out;
fail:
	*cause = db_error(db, "cannot read speakers");
	id = -1;
out:
	if (id == 0)
		id = -1;
	free(fold);
	free(surname);
	return id;
}

/* How many of ql's quotes quotes_insert() stores. */
static long
quotes_storable(const struct article *a, const struct quote_list *ql)
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
static int
quotes_insert(struct db *db, const struct article *a,
    const struct quote_list *ql, char **cause)
{
	sqlite3_stmt		*st;
	const struct quote	*q;
	long long		 sid;
	size_t			 i;

	for (i = 0; ql != NULL && i < ql->n; i++) {
		q = &ql->q[i];
		if (q->end > a->len || q->start > q->end)
			continue;	/* never stored: it would not round-trip */
		sid = 0;
		if (q->speaker != NULL && q->speaker[0] != '\0' &&
		    (sid = speaker_resolve(db, q, NULL, cause)) < 0)
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
		st = db_stmt(db, ST_QUOTE_FTS_INSERT);
		sqlite3_bind_int64(st, 1, sqlite3_last_insert_rowid(db->h));
		sqlite3_bind_text(st, 2, a->text + q->start,
		    (int)(q->end - q->start), SQLITE_STATIC);
		if (db_done(db, st, SQLITE_DONE, cause) != 0)
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
	return 0;
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
	sqlite3_bind_int64(st, 11, quotes_storable(a, ql));
	free(hash);
	if (db_done(db, st, SQLITE_DONE, cause) != 0)
		return -1;
	a->id = sqlite3_last_insert_rowid(db->h);
	if (quotes_insert(db, a, ql, cause) != 0)
		return -1;
	return 1;
}

int
db_quotes_replace(struct db *db, const struct article *a,
    const struct quote_list *ql, char **cause)
{
	sqlite3_stmt	*st = db_stmt(db, ST_QUOTES_DELETE_AUTO);

	sqlite3_bind_int64(st, 1, a->id);
	if (db_done(db, st, SQLITE_DONE, cause) != 0)
		return -1;
	if (quotes_insert(db, a, ql, cause) != 0)
		return -1;
	st = db_stmt(db, ST_ARTICLE_COUNT_QUOTES);
	sqlite3_bind_int64(st, 1, a->id);
	return db_done(db, st, SQLITE_DONE, cause);
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

/*
 * Reads the bytes [start, end) of article id's text into b (cut at the
 * end of the text), through a blob handle kept in *bp between calls, on
 * article *bid.  Selecting substr() of the text instead read the whole
 * text once per quote: quadratic in an article with many quotes, where
 * incremental blob I/O reads only the pages of the span.  Returns 0, or
 * -1 with the error left on the connection.
 */
static int
quote_text(struct db *db, sqlite3_blob **bp, long long *bid, long long id,
    size_t start, size_t end, struct buf *b)
{
	size_t	n;
	int	rc = SQLITE_OK;

	buf_reset(b);
	if (*bp != NULL && *bid != id && (rc = sqlite3_blob_reopen(*bp,
	    id)) != SQLITE_OK) {
		sqlite3_blob_close(*bp);
		*bp = NULL;
	}
	if (*bp == NULL)
		rc = sqlite3_blob_open(db->h, "main", "articles", "text", id, 0,
		    bp);
	if (rc != SQLITE_OK) {
		*bp = NULL;
		*bid = 0;
		return -1;
	}
	*bid = id;
	n = (size_t)sqlite3_blob_bytes(*bp);
	if (end > n)
		end = n;
	if (start > end)
		start = end;
	buf_grow(b, end - start);
	if (end > start && sqlite3_blob_read(*bp, b->data, (int)(end - start),
	    (int)start) != SQLITE_OK)
		return -1;
	b->len = end - start;
	b->data[b->len] = '\0';
	return 0;
}

/* The state of a walk over quote rows: the blob handle quote_text()
 * keeps open on the last article, and the buffer of the text. */
struct quote_walk {
	sqlite3_blob	*blob;
	long long	 blob_id;
	struct buf	 text;
};

static void
quote_walk_init(struct quote_walk *w)
{
	w->blob = NULL;
	w->blob_id = 0;
	buf_init(&w->text);
}

static void
quote_walk_free(struct quote_walk *w)
{
	sqlite3_blob_close(w->blob);
	buf_free(&w->text);
}

/*
 * Steps st, a statement selecting QUOTE_COLUMNS, and calls fn with each
 * row until fn returns non-zero (*stop is then set).  Returns the rows
 * given to fn, or -1 with *cause set; st is reset either way.
 */
static long
quotes_walk(struct db *db, sqlite3_stmt *st, struct quote_walk *w,
    db_quote_fn fn, void *ctx, int *stop, char **cause)
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
		r.kind = col_text(st, 7);
		r.cue = col_text(st, 8);
		r.mention = col_text(st, 9);
		r.origin = col_text(st, 10);
		r.start = (size_t)sqlite3_column_int64(st, 11);
		r.end = (size_t)sqlite3_column_int64(st, 12);
		if (quote_text(db, &w->blob, &w->blob_id, r.article_id,
		    r.start, r.end, &w->text) != 0) {
			rc = sqlite3_errcode(db->h);
			break;
		}
		r.text = w->text.data;
		r.len = w->text.len;
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
	struct quote_walk	 w;
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
	quote_walk_init(&w);
	n = quotes_walk(db, st, &w, fn, ctx, &stop, cause);
	quote_walk_free(&w);
	return n < 0 ? -1 : 0;
}

int
db_quotes_get(struct db *db, const long long *ids, size_t nids,
    db_quote_fn fn, void *ctx, char **cause)
{
	sqlite3_stmt		*st;
	struct quote_walk	 w;
	size_t			 i;
	int			 stop = 0, rc = 0;

	quote_walk_init(&w);
	for (i = 0; i < nids && !stop && rc == 0; i++) {
		st = db_stmt(db, ST_QUOTE_GET);
		sqlite3_bind_int64(st, 1, ids[i]);
		if (quotes_walk(db, st, &w, fn, ctx, &stop, cause) < 0)
			rc = -1;
	}
	quote_walk_free(&w);
	return rc;
}

long
db_speaker_quotes_page(struct db *db, long long speaker_id,
    const struct db_quote_key *key, int older, int limit, db_quote_fn fn,
    void *ctx, char **cause)
{
	sqlite3_stmt		*st;
	struct quote_walk	 w;
	long			 n = 0, got;
	int			 stop = 0, pass;

	quote_walk_init(&w);
	for (pass = 0; pass < 2 && !stop && n < limit; pass++) {
		if (key == NULL) {
			if (pass == 1)
				break;
			st = db_stmt(db, older ? ST_SPQ_FIRST : ST_SPQ_LAST);
		} else {
			if (pass == 0)
				st = db_stmt(db, older ? ST_SPQ_OLDER_SAME :
				    ST_SPQ_NEWER_SAME);
			else
				st = db_stmt(db, older ? ST_SPQ_OLDER :
				    ST_SPQ_NEWER);
			bind_text(st, 2, key->date);
			sqlite3_bind_int64(st, 3, key->article_id);
			sqlite3_bind_int64(st, 4, (sqlite3_int64)key->start);
			sqlite3_bind_int64(st, 5, key->id);
		}
		sqlite3_bind_int64(st, 1, speaker_id);
		sqlite3_bind_int(st, 6, limit - (int)n);
		if ((got = quotes_walk(db, st, &w, fn, ctx, &stop,
		    cause)) < 0) {
			n = -1;
			break;
		}
		n += got;
	}
	quote_walk_free(&w);
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

int
db_speakers(struct db *db, db_speaker_fn fn, void *ctx, char **cause)
{
	sqlite3_stmt		*st = db_stmt(db, ST_SPEAKERS);
	struct db_speaker_row	 r;
	int			 rc;

	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		r.id = sqlite3_column_int64(st, 0);
		r.name = col_text(st, 1);
		r.kind = col_text(st, 2);
		r.gender = col_text(st, 3);
		r.roles = col_text(st, 4);
		r.nquotes = (long)sqlite3_column_int64(st, 5);
		r.narticles = (long)sqlite3_column_int64(st, 6);
		r.forms = col_text(st, 7);
		if (fn(ctx, &r) != 0) {
			rc = SQLITE_DONE;
			break;
		}
	}
	return db_rows_end(db, st, rc, cause);
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
	fold = speakers_fold(name);
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
	/* Else every person the name can be ("Е. Булекпаев"). */
	if (n == 0) {
		sp = strrchr(fold, ' ');
		st = db_stmt(db, ST_SPEAKER_BY_SURNAME);
		bind_text(st, 1, sp != NULL ? sp + 1 : fold);
		bind_text(st, 2, "person");
		while ((rc = sqlite3_step(st)) == SQLITE_ROW && n < 64)
			if (speakers_same(col_text(st, 1), name))
				(*ids)[n++] = sqlite3_column_int64(st, 0);
		sqlite3_reset(st);
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

/* Runs a statement that yields one integer. */
static long long
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
	return db_one_int(db, st, cause);
}

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
 * The lowest rowid a search without filters looks at.  Ranking costs a
 * lookup per match, so a common word in a large archive would take
 * seconds: the newest DB_SEARCH_WINDOW rows are searched first, and the
 * window grows tenfold until it holds limit matches or the whole archive.
 * Only the start of each doclist past the window is read to count.
 */
static long long
search_window(struct db *db, const char *expr, int quotes, int limit,
    char **cause)
{
	sqlite3_stmt	*st;
	long long	 max, w, from, n;

	max = db_one_int(db, db_stmt(db, quotes ? ST_MAX_QUOTE :
	    ST_MAX_ARTICLE), cause);
	if (max < 0)
		return *cause != NULL ? -1 : 0;
	for (w = db->window; ; w *= 10) {
		from = max - w;
		if (from <= 0)
			return 0;
		st = db_stmt(db, quotes ? ST_SEARCH_QCOUNT : ST_SEARCH_COUNT);
		bind_text(st, 1, expr);
		sqlite3_bind_int64(st, 2, from);
		sqlite3_bind_int(st, 3, limit);
		if ((n = db_one_int(db, st, cause)) < 0)
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

long
db_search(struct db *db, const struct search_query *sq, int quotes,
    int limit, db_hit_fn fn, void *ctx, char **cause)
{
	sqlite3_stmt	*st;
	struct db_hit	 h;
	long long	*ids = NULL, one = 0;
	long		 nids = 0, n = 0;
	long long	 from = 0;
	char		*expr, *json = NULL, *src = NULL;
	int		 rc;

	*cause = NULL;
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
	if (expr != NULL)
		st = db_stmt(db, quotes ? ST_SEARCH_QUOTES :
		    sq->source != NULL || sq->since != NULL ||
		    sq->until != NULL ? ST_SEARCH_ARTICLES_FILTERED :
		    ST_SEARCH_ARTICLES);
	else
		st = db_stmt(db, one > 0 ? ST_LIST_QUOTES_ONE :
		    json != NULL ? ST_LIST_QUOTES : ST_LIST_ARTICLES);
	if (st == db->st[ST_SEARCH_ARTICLES] ||
	    (st == db->st[ST_SEARCH_QUOTES] && json == NULL &&
	    sq->source == NULL && sq->since == NULL && sq->until == NULL)) {
		if ((from = search_window(db, expr,
		    st == db->st[ST_SEARCH_QUOTES], limit, cause)) < 0) {
			free(expr);
			free(json);
			return -1;
		}
	}
	if (sqlite3_bind_parameter_index(st, "?7") > 0)
		sqlite3_bind_int64(st, 7, from);
	if (expr != NULL)
		bind_text(st, 1, expr);
	if (sq->source != NULL && sqlite3_bind_parameter_index(st, "?2") > 0) {
		src = speakers_fold(sq->source);
		bind_text(st, 2, src);
	}
	if (sqlite3_bind_parameter_index(st, "?3") > 0) {
		bind_text(st, 3, sq->since);
		bind_text(st, 4, sq->until);
	}
	sqlite3_bind_int(st, 5, limit);
	if (json != NULL && sqlite3_bind_parameter_index(st, "?6") > 0)
		bind_text(st, 6, json);
	if (sqlite3_bind_parameter_index(st, "?8") > 0)
		sqlite3_bind_int64(st, 8, one);
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
	free(expr);
	free(json);
	free(src);
	if (rc != SQLITE_DONE) {
		*cause = db_error(db, "cannot search the archive");
		return -1;
	}
	return n;
}

int
db_fts_rebuild(struct db *db, char **cause)
{
	return db_exec(db, "INSERT INTO articles_fts(articles_fts)"
	    " VALUES ('rebuild')", cause);
}

int
db_explain(struct db *db, db_explain_fn fn, void *ctx, char **cause)
{
	sqlite3_stmt	*st;
	const char	*sql;
	char		*q;
	size_t		 i;
	int		 rc, stop = 0;

	for (i = 0; i < sizeof(db_reader_stmts) / sizeof(db_reader_stmts[0]) &&
	    !stop; i++) {
		sql = db_sql[db_reader_stmts[i].id];
		q = xasprintf("EXPLAIN QUERY PLAN %s", sql);
		rc = sqlite3_prepare_v2(db->h, q, -1, &st, NULL);
		free(q);
		if (rc != SQLITE_OK) {
			*cause = db_error(db, "cannot explain a statement");
			return -1;
		}
		while (!stop && (rc = sqlite3_step(st)) == SQLITE_ROW)
			stop = fn(ctx, db_reader_stmts[i].name, sql,
			    col_text(st, 3));
		sqlite3_finalize(st);
		if (!stop && rc != SQLITE_DONE) {
			*cause = db_error(db, "cannot explain a statement");
			return -1;
		}
	}
	return 0;
}
