/*
 * db_schema.c: the archive's schema, version by version, and the upgrade
 * of an older archive.
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
 *   9  a speaker's surname column holds merge.c's key, so that one
 *      person's case forms and spellings find one record, and each
 *      form of a name counts its uses
 *  10  a person described in lower case is keyed to no article
 *  11  feeds: the subscriptions, and for each article the feed it came
 *      from, its id there and its time of day, by which the list
 *      orders the articles of a day
 *  12  the quotes a person rejected, so that finding the quotes again
 *      does not bring them back
 *  13  the unread articles in a table of their own; an index of the
 *      starred ones
 *  14  a new article's full-text row written at the commit, not by a
 *      trigger
 *  15  the same for the speakers' full-text rows
 *  16  an index of the speakers in the order of the reader's list, read
 *      a page at a time
 *  17  an index of each article's date and source by id, for the
 *      filters of a search
 */
#include "config.h"

#include "db.h"

#include <sqlite3.h>
#include <stdlib.h>

#include "db_int.h"
#include "util.h"

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
	 * memory (db_quotes_insert()); the speakers' counts stay triggers, as
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
	 * (db_quotes_insert()) and here for the quotes already stored, and
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
	" END;",

	/*
	 * 8 -> 9: one person, one record.  The column surname now holds the
	 * key of merge.c (the surname without its case ending, spelled
	 * plainly; a body's every word), under which a new quote's speaker
	 * finds the records it may join.  Records already split stay split
	 * until "citata reextract" merges them; a generic speaker
	 * ("компания") pooled across articles is keyed to no article, so
	 * that new quotes no longer join it.  Each form of a name counts
	 * its uses (n), and a record shows its most used full form.
	 */
	"UPDATE speakers SET surname = citata_merge_key(name, kind);"
	"ALTER TABLE speaker_aliases ADD COLUMN n INTEGER NOT NULL DEFAULT 1;",

	/*
	 * 9 -> 10: a person described in lower case ("представитель
	 * Путина") is keyed to no article, like a generic speaker, so that
	 * "Путин" alone no longer finds it among the records it may be.
	 */
	"UPDATE speakers SET surname = citata_merge_key(name, kind)"
	" WHERE kind = 'person';",

	/*
	 * 10 -> 11: feeds.  A subscription keeps what the next fetch needs
	 * (the validators of a conditional request, the time a server
	 * asked us to wait until) and what "feeds list" shows.  An article
	 * from a feed knows the feed and its guid there, found again by
	 * them (or by its link) when the feed changes it; an article
	 * outlives its feed.  Its time of day ('' when unknown: imported
	 * files give none) orders the list within a day, so the index of
	 * the list gains it.
	 */
	"CREATE TABLE feeds ("
	"  id INTEGER PRIMARY KEY,"
	"  url TEXT NOT NULL UNIQUE,"
	"  name TEXT,"
	"  title TEXT,"
	"  added INTEGER NOT NULL,"
	"  etag TEXT,"
	"  last_modified TEXT,"
	"  fetched INTEGER,"
	"  ok INTEGER,"
	"  status TEXT,"
	"  failed INTEGER NOT NULL DEFAULT 0,"
	"  retry_until INTEGER"
	");"
	"ALTER TABLE articles ADD COLUMN time TEXT NOT NULL DEFAULT '';"
	"ALTER TABLE articles ADD COLUMN feed_id INTEGER"
	"  REFERENCES feeds(id) ON DELETE SET NULL;"
	"ALTER TABLE articles ADD COLUMN guid TEXT;"
	"CREATE INDEX articles_feed_guid ON articles(feed_id, guid)"
	"  WHERE feed_id IS NOT NULL;"
	"CREATE INDEX articles_feed_url ON articles(url)"
	"  WHERE feed_id IS NOT NULL;"
	"DROP INDEX articles_date;"
	"CREATE INDEX articles_date ON articles(date DESC, time DESC, id DESC);",

	/*
	 * 11 -> 12: a quote rejected by hand ("quotes --reject") is deleted
	 * and its span kept here; re-extraction stores no quote on a
	 * rejected span, nor on the span of a quote a person set the
	 * speaker of (a manual quote), which stays as it is.
	 */
	"CREATE TABLE quote_rejects ("
	"  article_id INTEGER NOT NULL"
	"    REFERENCES articles(id) ON DELETE CASCADE,"
	"  start INTEGER NOT NULL,"
	"  \"end\" INTEGER NOT NULL,"
	"  PRIMARY KEY (article_id, start, \"end\")"
	") WITHOUT ROWID;",

	/*
	 * 12 -> 13: read and starred at a million articles.  Marking every
	 * article read rewrote every article row, text and all (minutes at
	 * a million); the unread ones are now the rows of a table of their
	 * own, which "mark all read" empties at once, and counting them
	 * reads a few pages.  The column is_read is no longer used.  The
	 * starred articles get an index of their own, in list order, so
	 * that showing only them never walks the whole list.
	 */
	"CREATE TABLE unread (id INTEGER PRIMARY KEY);"
	"INSERT INTO unread (id) SELECT id FROM articles WHERE is_read = 0;"
	"CREATE TRIGGER unread_ins AFTER INSERT ON articles BEGIN"
	"  INSERT OR IGNORE INTO unread (id) VALUES (NEW.id);"
	" END;"
	"CREATE TRIGGER unread_del AFTER DELETE ON articles BEGIN"
	"  DELETE FROM unread WHERE id = OLD.id;"
	" END;"
	"CREATE INDEX articles_starred"
	"  ON articles(date DESC, time DESC, id DESC) WHERE starred <> 0;",

	/*
	 * 13 -> 14: a new article's full-text row is written by
	 * db_article_put() and db_commit(), a transaction's articles at
	 * once, no longer by a trigger per article (see db_article_put()).
	 * The triggers of a change and a deletion stay.
	 */
	"DROP TRIGGER articles_fts_ins;",

	/*
	 * 14 -> 15: the same for the speakers' full-text rows: made again
	 * at the commit for each speaker whose forms or roles changed
	 * (db_fts_speaker()), no longer updated by a trigger per quote.
	 * Rows are made again here too, so that every one is in the form
	 * db_fts_flush() gives.
	 */
	"DROP TRIGGER speakers_fts_ins;"
	"DROP TRIGGER speakers_fts_alias;"
	"DROP TRIGGER speakers_fts_role;"
	"DELETE FROM speakers_fts;"
	"INSERT INTO speakers_fts(rowid, name, roles) "
	DB_SPEAKER_FTS_ROW " FROM speakers s;",

	/*
	 * 15 -> 16: the reader's list of speakers is read a page at a time
	 * along an index in its order (most quoted, then the folded name),
	 * not all at once: 611,137 records at a million articles.  The
	 * index replaces the one by count and id, which served only that
	 * list.
	 */
	"DROP INDEX speakers_nquotes;"
	"CREATE INDEX speakers_rank ON speakers(nquotes DESC, fold);",

	/*
	 * 16 -> 17: a search with source:, since: or until: looks at the
	 * date and source of each article that matches in its window, a
	 * row each: 9,151 pages read from the file for source:"Степной
	 * вестник" вакцины on a million articles, a row of 4 KB on a page
	 * of its own.  An index by id holds the two, some 60 articles a
	 * page.
	 */
	"CREATE INDEX articles_filters ON articles(id, date, source);"
};

/* Upgrades from version from to DB_SCHEMA_VERSION, one step per
 * transaction, so an interrupted upgrade leaves a whole version. */
int
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
