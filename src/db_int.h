/*
 * db_int.h: what the db*.c files share and nothing else sees: the
 * connection, the ids of its prepared statements, and the helpers that
 * step them.  Include <sqlite3.h> first; only db*.c include either.
 */
#ifndef DB_INT_H
#define DB_INT_H

/* The first window of a search, in rows: see search_window().  10,000
 * before: ranking a common word's 2,000 newest rows instead of 10,000
 * takes a search of "заявил" on a million articles from 91 M to 38 M
 * instructions, most of the rest starting the process. */
#define DB_SEARCH_WINDOW	2000
/* Rows a search matches one by one rather than along the index: the
 * articles of since: and until:, the quotes of speaker:.  A match of one
 * row costs some 60 us for an article (warm) on a million articles; a
 * window grown over the archive, up to 0.5 s when the speaker's quotes
 * seldom hold the word.  A speaker's quotes are matched by search.c,
 * 27 k instructions and some 6-8 us a quote (FTS5 asked one row at a
 * time took 338 k and 30-50 us): 20 ms for 2,450 quotes, 0.1 s for
 * 10,000. */
#define DB_SEARCH_FEW_ARTICLES	2000
#define DB_SEARCH_FEW_QUOTES	10000
/* The most quotes of the speakers of a search whose ids are gathered
 * once, not each match looked up (QUOTE_FILTERS in db_search.c). */
#define DB_SEARCH_SPEAKER_SET	30000

/* A speaker's full-text row (rowid, name, roles) from its record: every
 * form of the name, every role.  Made at the commit (db_fts_flush())
 * and by the schema step that brought that in; for "FROM speakers s". */
#define DB_SPEAKER_FTS_ROW \
	"SELECT s.id, s.name || ' ' || coalesce((SELECT" \
	"   group_concat(alias, ' ') FROM speaker_aliases" \
	"   WHERE speaker_id = s.id), '')," \
	" coalesce((SELECT group_concat(role, ' ') FROM (SELECT DISTINCT" \
	"   role FROM speaker_roles WHERE speaker_id = s.id)), '')"

/* "CITA": marks the file as a citata archive. */
#define DB_APPLICATION_ID	0x43495441

/*
 * Every statement, by name: the enum of their ids and, in db.c, their
 * names for db_explain() come from this one list, so that t_plan.c sees
 * each statement under the name of its id.
 */
#define DB_STATEMENTS \
	DB_STATEMENT(ARTICLE_FIND) \
	DB_STATEMENT(ARTICLE_INSERT) \
	DB_STATEMENT(ARTICLE_FTS_RANGE) \
	DB_STATEMENT(ARTICLE_FTS_INSERT) \
	DB_STATEMENT(SPEAKER_FTS_DELETE) \
	DB_STATEMENT(SPEAKER_FTS_ROW) \
	DB_STATEMENT(SPEAKER_FTS_INSERT) \
	DB_STATEMENT(ARTICLE_GET) \
	DB_STATEMENT(ARTICLE_SET_READ) \
	DB_STATEMENT(ARTICLE_SET_UNREAD) \
	DB_STATEMENT(ARTICLE_SET_STAR) \
	DB_STATEMENT(ARTICLE_STARRED) \
	DB_STATEMENT(READ_ALL) \
	DB_STATEMENT(UNREAD_TOTAL) \
	DB_STATEMENT(UNREAD_NEXT) \
	DB_STATEMENT(UNREAD_NEXT_FEW) \
	DB_STATEMENT(STAR_FIRST) \
	DB_STATEMENT(STAR_LAST) \
	DB_STATEMENT(STAR_OLDER) \
	DB_STATEMENT(STAR_NEWER) \
	DB_STATEMENT(STAR_TOTAL) \
	DB_STATEMENT(STAR_RANK) \
	DB_STATEMENT(ARTICLES_STARRED) \
	DB_STATEMENT(ARTICLE_UPDATE) \
	DB_STATEMENT(ITEM_BY_GUID) \
	DB_STATEMENT(ITEM_BY_URL) \
	DB_STATEMENT(QUOTES_MANUAL) \
	DB_STATEMENT(QUOTE_MOVE) \
	DB_STATEMENT(QUOTE_DELETE) \
	DB_STATEMENT(QUOTE_SPAN) \
	DB_STATEMENT(QUOTE_SET_SPEAKER) \
	DB_STATEMENT(QUOTE_REJECT) \
	DB_STATEMENT(QUOTE_HELD) \
	DB_STATEMENT(FEED_INSERT) \
	DB_STATEMENT(FEED_BY_URL) \
	DB_STATEMENT(FEEDS) \
	DB_STATEMENT(FEED_DELETE) \
	DB_STATEMENT(FEED_FETCHED) \
	DB_STATEMENT(FEED_MOVE) \
	DB_STATEMENT(ARTICLES) \
	DB_STATEMENT(EXPORT) \
	DB_STATEMENT(IDS) \
	DB_STATEMENT(QUOTE_INSERT) \
	DB_STATEMENT(QUOTE_FTS_INSERT) \
	DB_STATEMENT(ARTICLE_COUNT_QUOTES) \
	DB_STATEMENT(QUOTES_DELETE_AUTO) \
	DB_STATEMENT(QUOTES_ALL) \
	DB_STATEMENT(QUOTES_ARTICLE) \
	DB_STATEMENT(QUOTES_SPEAKER) \
	DB_STATEMENT(QUOTES_BOTH) \
	DB_STATEMENT(QUOTE_GET) \
	DB_STATEMENT(SPQ_FIRST) \
	DB_STATEMENT(SPQ_LAST) \
	DB_STATEMENT(SPQ_OLDER_SAME) \
	DB_STATEMENT(SPQ_OLDER) \
	DB_STATEMENT(SPQ_NEWER_SAME) \
	DB_STATEMENT(SPQ_NEWER) \
	DB_STATEMENT(SPEAKER_GET) \
	DB_STATEMENT(SPEAKER_BY_ALIAS) \
	DB_STATEMENT(SPEAKER_BY_SURNAME) \
	DB_STATEMENT(SPEAKER_INSERT) \
	DB_STATEMENT(SPEAKER_ALIASES) \
	DB_STATEMENT(SPEAKER_RENAME) \
	DB_STATEMENT(SPEAKER_GENDER) \
	DB_STATEMENT(ALIAS_INSERT) \
	DB_STATEMENT(ROLE_INSERT) \
	DB_STATEMENT(SPEAKERS) \
	DB_STATEMENT(SPK_FIRST) \
	DB_STATEMENT(SPK_LAST) \
	DB_STATEMENT(SPK_NEXT_SAME) \
	DB_STATEMENT(SPK_NEXT) \
	DB_STATEMENT(SPK_PREV_SAME) \
	DB_STATEMENT(SPK_PREV) \
	DB_STATEMENT(SPK_GET) \
	DB_STATEMENT(SPK_TOTAL) \
	DB_STATEMENT(SPK_RANK) \
	DB_STATEMENT(SPK_MATCH) \
	DB_STATEMENT(SPK_HAS) \
	DB_STATEMENT(COUNT) \
	DB_STATEMENT(PAGE_FIRST) \
	DB_STATEMENT(PAGE_LAST) \
	DB_STATEMENT(PAGE_OLDER) \
	DB_STATEMENT(PAGE_NEWER) \
	DB_STATEMENT(TOTAL) \
	DB_STATEMENT(RANK) \
	DB_STATEMENT(STATE_GET) \
	DB_STATEMENT(STATE_SET) \
	DB_STATEMENT(SEARCH_ARTICLES) \
	DB_STATEMENT(SEARCH_ARTICLES_FILTERED) \
	DB_STATEMENT(SEARCH_COUNT) \
	DB_STATEMENT(SEARCH_QCOUNT) \
	DB_STATEMENT(SEARCH_COUNT_FILTERED) \
	DB_STATEMENT(SEARCH_QCOUNT_FILTERED) \
	DB_STATEMENT(SEARCH_DAYS) \
	DB_STATEMENT(SEARCH_SPEAKER_TEXTS) \
	DB_STATEMENT(SEARCH_AVGDL) \
	DB_STATEMENT(SEARCH_QUOTES_BY_ID) \
	DB_STATEMENT(SEARCH_ARTICLES_BY_DATE) \
	DB_STATEMENT(SEARCH_SPEAKERS_QUOTES) \
	DB_STATEMENT(MAX_ARTICLE) \
	DB_STATEMENT(MAX_QUOTE) \
	DB_STATEMENT(SEARCH_QUOTES) \
	DB_STATEMENT(LIST_QUOTES) \
	DB_STATEMENT(LIST_QUOTES_ONE) \
	DB_STATEMENT(LIST_ARTICLES) \
	DB_STATEMENT(SPEAKER_FTS) \
	DB_STATEMENT(SPEAKER_COMPLETE) \
	DB_STATEMENT(BEGIN) \
	DB_STATEMENT(COMMIT) \
	DB_STATEMENT(ROLLBACK)

enum db_stmt_id {
#define DB_STATEMENT(name)	ST_ ## name,
	DB_STATEMENTS
#undef DB_STATEMENT
	ST__COUNT
};

/* A quote to index at the commit: its id and its text's place in
 * db->fts_qtext. */
struct db_fts_quote {
	long long	id;
	size_t		off, len;
};

struct db {
	sqlite3		*h;
	char		*path;
	int		 readonly;
	int		 busy_ms;	/* its wait for a lock */
	long long	 window;	/* first search window, in rows */
	long long	 few_articles;	/* DB_SEARCH_FEW_ARTICLES */
	long long	 few_quotes;	/* DB_SEARCH_FEW_QUOTES */
	long long	 speaker_set;	/* DB_SEARCH_SPEAKER_SET */
	sqlite3_stmt	*st[ST__COUNT];
	const struct lexicon *lx;	/* for merge_pick(); borrowed */
	struct stemmer	*stemmer;	/* the tokenizer's; borrowed */
	/* The articles and quotes inserted in this transaction and not
	 * yet in the full-text indexes: articles fts_first to fts_last
	 * (0 when none), the quotes with a copy of their text, which the
	 * archive would have to cut again from the article's
	 * (db_fts_flush()).  A quote deleted in the transaction that
	 * stored it must be flushed first: no code does that today. */
	long long	 fts_first, fts_last;
	struct db_fts_quote *fts_q;	/* quotes, their text in fts_qtext */
	size_t		 fts_nq, fts_capq;
	char		*fts_qtext;
	size_t		 fts_qlen, fts_qcap;
	/* The speakers whose names or roles changed in this transaction,
	 * their full-text rows to make again (possibly repeated). */
	long long	*fts_sp;
	size_t		 fts_nsp, fts_capsp;
};

/* Indexes the articles and quotes inserted since the last call, and
 * the speakers changed (db_article_put() defers it: see there), before
 * a commit or a change to one of them.  0, or -1 with *cause set. */
int	db_fts_flush(struct db *, char **cause);

/* Forgets what db_fts_flush() would do: after a rollback. */
void	db_fts_forget(struct db *);

/* Notes quote id, text[0..len), to index (db_quotes_insert()); 0, or -1
 * with *cause set when the notes, grown past a bound, could not be
 * written. */
int	db_fts_quote(struct db *, long long id, const char *text, size_t len,
	    char **cause);

/* Notes that speaker id's names or roles changed (speaker_resolve()). */
void	db_fts_speaker(struct db *, long long id);

/* Each file's statements, indexed by id; NULL where another file's. */
extern const char *const db_open_sql[ST__COUNT];
extern const char *const db_article_sql[ST__COUNT];
extern const char *const db_quote_sql[ST__COUNT];
extern const char *const db_state_sql[ST__COUNT];
extern const char *const db_search_sql[ST__COUNT];
extern const char *const db_feed_sql[ST__COUNT];

/* db.c.  The message for the connection's last error, "PATH: what:
 * why", in words a user can act on.  The caller frees it. */
char	*db_error(struct db *, const char *what);
/* Runs sql (no rows, no parameters); 0, or -1 with *cause set. */
int	 db_exec(struct db *, const char *sql, char **cause);
/* Steps st, which returns no rows, expecting want; 0 or -1 with *cause
 * set.  st is reset either way. */
int	 db_done(struct db *, sqlite3_stmt *st, int want, char **cause);
/* The same for the reader's small writes, without waiting for a lock:
 * 0, 1 when the archive is locked (nothing done), or -1. */
int	 db_done_nowait(struct db *, sqlite3_stmt *st, char **cause);
/* Ends a loop over st's rows that stopped with rc; 0, or -1 with *cause
 * set unless rc is SQLITE_DONE.  st is reset. */
int	 db_rows_end(struct db *, sqlite3_stmt *st, int rc, char **cause);
/* The integer of st's one row; -1 with *cause set on error. */
long long db_one_int(struct db *, sqlite3_stmt *st, char **cause);

/* db_schema.c.  Upgrades an archive of schema version from to
 * DB_SCHEMA_VERSION; 0, or -1 with *cause set. */
int	 db_migrate(struct db *, int from, char **cause);

/* db_search.c.  Registers the tokenizer "citata" and citata_fold() on a
 * new connection; an SQLite result code. */
int	 db_register(struct db *);

/* db_quote.c.  How many of ql's quotes db_quotes_insert() stores, and
 * storing them (the article's quote count is the caller's); with held,
 * not on a span a person rejected or holds a manual quote on (an
 * article stored before: a new one has neither). */
long	 db_quotes_storable(const struct article *,
	    const struct quote_list *ql);
int	 db_quotes_insert(struct db *, const struct article *,
	    const struct quote_list *ql, int held, char **cause);

/*
 * A quote's text, for a statement over quotes q joined to their
 * articles a and, by DB_QUOTE_TEXT_JOIN, to their full-text rows t: the
 * row, kept with every quote (db_fts_quote()), one look-up by key in a
 * table of quotes; the article's bytes only when the row is missing or
 * not the quote's (reading the article walked its overflow pages to the
 * quote, spread over the whole file of a large archive).
 */
#define DB_QUOTE_TEXT \
	"CASE WHEN length(CAST(t.c0 AS BLOB)) = q.\"end\" - q.start" \
	" THEN t.c0 ELSE CAST(substr(CAST(a.text AS BLOB), q.start + 1," \
	" q.\"end\" - q.start) AS TEXT) END"
#define DB_QUOTE_TEXT_JOIN \
	" LEFT JOIN quotes_fts_content t ON t.id = q.id"

/* db.c: statement id, prepared now (it was not yet). */
sqlite3_stmt	*db_prepare(struct db *, enum db_stmt_id);

/* Statement id, reset and unbound, prepared the first time. */
static inline sqlite3_stmt *
db_stmt(struct db *db, enum db_stmt_id id)
{
	sqlite3_stmt	*st = db->st[id];

	if (st == NULL)
		return db_prepare(db, id);
	sqlite3_reset(st);
	sqlite3_clear_bindings(st);
	return st;
}

static inline void
bind_text(sqlite3_stmt *st, int i, const char *s)
{
	if (s == NULL)
		sqlite3_bind_null(st, i);
	else
		sqlite3_bind_text(st, i, s, -1, SQLITE_TRANSIENT);
}

static inline void
bind_span(sqlite3_stmt *st, int i, const char *text, size_t s, size_t e)
{
	if (e <= s)
		sqlite3_bind_null(st, i);
	else
		sqlite3_bind_text(st, i, text + s, (int)(e - s),
		    SQLITE_TRANSIENT);
}

static inline const char *
col_text(sqlite3_stmt *st, int i)
{
	return (const char *)sqlite3_column_text(st, i);
}

#endif /* DB_INT_H */
