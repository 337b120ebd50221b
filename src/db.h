#ifndef DB_H
#define DB_H

#include <stddef.h>

#include "article.h"

/*
 * db.c and db_*.c: the archive, one SQLite file.  Every SQL statement of
 * citata lives in those files (the only ones that include sqlite3.h),
 * prepared once in db_open() and finalised in db_close(): db.c opens
 * the archive, db_schema.c makes and upgrades its schema, db_article.c
 * holds articles, db_quote.c quotes and speakers, db_state.c the
 * reader's state, db_search.c full-text search.
 *
 * Strings in the row structs handed to callbacks are borrowed: valid only
 * during the callback.
 */

struct db;

/* The schema this build writes; db_open() upgrades older archives step
 * by step and refuses newer ones. */
#define DB_SCHEMA_VERSION	17

enum db_mode {
	DB_READ,	/* read; upgrade the schema when the file is writable */
	DB_WRITE	/* read and write; create the file when missing */
};

/* Milliseconds an archive waits for another process's write lock before
 * an operation fails with "locked by another process". */
#define DB_BUSY_TIMEOUT		5000

/* Sets that wait for archives opened from now on; 0 does not wait. */
void		 db_busy_timeout_set(int ms);

/* Opens (and creates or upgrades) the archive at path.  Returns NULL and
 * sets *cause (the caller frees it) when it cannot. */
struct db	*db_open(const char *path, enum db_mode mode, char **cause);
void		 db_close(struct db *);
int		 db_readonly(const struct db *);

/* The word lists the archive merges speakers with (short first names:
 * Джо for Джозеф, see merge.h); borrowed, and lx must outlive db.  Without
 * them speakers merge the same, short forms aside. */
struct lexicon;
void		 db_set_lexicon(struct db *, const struct lexicon *lx);

/* One write transaction; an import is one.  Each returns 0 or -1 with
 * *cause set. */
int	db_begin(struct db *, char **cause);
int	db_commit(struct db *, char **cause);
void	db_rollback(struct db *);

/*
 * Stores a and the quotes ql found in it (ql may be NULL), merging their
 * speakers into the archive's.  Returns 1 when stored, 0 when the same
 * text is already there (a->id is set to the stored one either way), -1
 * on error with *cause set.
 */
int	db_article_put(struct db *, struct article *a,
	    const struct quote_list *ql, char **cause);

/*
 * Replaces the automatic quotes of article a with ql, keeping manual
 * ones.  Returns 0 or -1 with *cause set.
 */
int	db_quotes_replace(struct db *, const struct article *a,
	    const struct quote_list *ql, char **cause);

/*
 * A person's corrections.  db_quote_set_speaker() gives quote id the
 * speaker called name (found among the archive's records as a quote's
 * speaker would be, else made) and makes it manual: re-extraction keeps
 * it.  db_quote_reject() deletes quote id and remembers its span, where
 * re-extraction then stores no quote.  Each returns 1 when done, 0 when
 * there is no quote id, -1 with *cause set on error.
 */
int	db_quote_set_speaker(struct db *, long long id, const char *name,
	    char **cause);
int	db_quote_reject(struct db *, long long id, char **cause);

/*
 * Forgets every speaker no manual quote names, with their forms and
 * roles, so that re-extracting every article merges speakers afresh.
 * Call it in the transaction that then replaces every article's quotes.
 * Returns 0 or -1 with *cause set.
 */
int	db_speakers_forget_auto(struct db *, char **cause);

/*
 * Finds the article that item guid (or, without a guid match, link url)
 * of feed feed_id became, either may be NULL.  Returns its id, 0 when
 * there is none, -1 with *cause set on error.  A link matches an
 * article of any feed, not one imported from a file.
 */
long long db_article_find_item(struct db *, long long feed_id,
	    const char *guid, const char *url, char **cause);

/*
 * Replaces stored article a->id with a (its date, time, title, link and
 * text; its feed and guid stay) and its automatic quotes with ql, when
 * its title or text differ.  Manual quotes stay where their words are
 * in the new text; one whose words are gone is removed and counted in
 * *lost.  Returns 1 when replaced, 0 when nothing differed, -1 with
 * *cause set on error.
 */
int	db_article_replace(struct db *, const struct article *a,
	    const struct quote_list *ql, size_t *lost, char **cause);

/* Reads article id, or NULL: *cause is set on error and NULL when there is
 * no such article.  The caller frees it with article_free(). */
struct article	*db_article_get(struct db *, long long id, char **cause);

/* Marks article id read (1) or unread (0).  For the reader, so it never
 * waits for another writer: returns 0 when done, 1 when another process
 * (an import) holds the write lock and nothing was done, or -1 with
 * *cause set. */
int	db_article_set_read(struct db *, long long id, int is_read,
	    char **cause);

/* Stars article id (1) or takes its star away (0); returns as
 * db_article_set_read(). */
int	db_article_set_star(struct db *, long long id, int starred,
	    char **cause);

/* Whether article id is starred (1) or not (0); -1 with *cause set. */
int	db_article_starred(struct db *, long long id, char **cause);

/* Marks every article read, at once whatever the archive's size; *n
 * is how many were unread.  Returns as db_article_set_read(). */
int	db_read_all(struct db *, long long *n, char **cause);

/* The number of unread articles; -1 with *cause set on error. */
long long db_unread_total(struct db *, char **cause);

struct db_article_row {
	long long	 id;
	const char	*date;
	const char	*source;	/* may be NULL */
	const char	*title;
	long		 nquotes;
	int		 is_read;
	const char	*time;		/* HH:MM:SS, "" when unknown */
	int		 starred;
};
typedef int	(*db_article_fn)(void *ctx, const struct db_article_row *);

/* Which articles a list holds: every one, or (DB_LIST_STARRED) the
 * starred ones only. */
#define DB_LIST_STARRED	0x1

/* Calls fn for every article (as flags say), newest first, until fn
 * returns non-zero.  Returns 0, or -1 with *cause set. */
int	db_articles(struct db *, int flags, db_article_fn fn, void *ctx,
	    char **cause);

typedef int	(*db_export_fn)(void *ctx, const struct article *);

/* Calls fn with every whole article, oldest first (import order). */
int	db_export(struct db *, db_export_fn fn, void *ctx, char **cause);

/* Calls fn with the id of every article above from (0: every one),
 * oldest first, until fn returns non-zero.  The ids are read first, so
 * fn may write and commit. */
int	db_article_ids(struct db *, long long from,
	    int (*fn)(void *, long long), void *ctx,
	    char **cause);

/* Where a stored quote came from. */
enum db_origin {
	DB_ORIGIN_AUTO,		/* found by the extractor */
	DB_ORIGIN_MANUAL	/* added by a person; reextract keeps it */
};

/* "auto" or "manual", as the archive and the JSON Lines output say. */
const char	*db_origin_name(enum db_origin);

struct db_quote_row {
	long long	 id;
	long long	 article_id;
	long long	 speaker_id;	/* 0 when unknown */
	const char	*date;
	const char	*source;	/* may be NULL */
	const char	*url;		/* the article's link; may be NULL */
	const char	*speaker;	/* may be NULL */
	const char	*role;		/* may be NULL */
	enum quote_kind	 kind;
	const char	*cue;		/* may be NULL */
	const char	*mention;	/* may be NULL */
	enum db_origin	 origin;
	const char	*text;		/* the quote's bytes */
	size_t		 len;
	size_t		 start, end;
};
typedef int	(*db_quote_fn)(void *ctx, const struct db_quote_row *);

/* Calls fn for the quotes of one speaker (speaker_id > 0), of one article
 * (article_id > 0), or of both filters at once; all quotes when both are
 * 0.  Newest article first, then text order.  A speaker's quotes come
 * in the order of db_speaker_quotes_page(), unsorted. */
int	db_quotes(struct db *, long long speaker_id, long long article_id,
	    db_quote_fn fn, void *ctx, char **cause);

/* Calls fn for the quotes ids[0..n), in that order, skipping ids that
 * are gone, until fn returns non-zero.  Returns 0, or -1 with *cause
 * set.  One look-up by key each. */
int	db_quotes_get(struct db *, const long long *ids, size_t n,
	    db_quote_fn fn, void *ctx, char **cause);

/* A place in one speaker's quotes, which run newest article first (date,
 * then article id, descending), then in text order (start, then id):
 * the fields of a row.  The reader pages through them from such keys. */
struct db_quote_key {
	char		date[11];
	long long	article_id;
	size_t		start;
	long long	id;
};

/*
 * Like db_articles_page() for the quotes of speaker speaker_id: calls fn
 * for at most limit quotes next to key, the following ones in order when
 * older is non-zero, else the preceding ones nearest first; a NULL key
 * starts at the first quote (older) or the last (newer).  Returns the
 * number of rows given to fn, or -1 with *cause set.  Reads the index
 * quotes_speaker_date from key on: the cost is the page's, whatever the
 * speaker's number of quotes.
 */
long	db_speaker_quotes_page(struct db *, long long speaker_id,
	    const struct db_quote_key *key, int older, int limit,
	    db_quote_fn fn, void *ctx, char **cause);

/* The number of quotes of speaker speaker_id (its count kept by
 * triggers: one row read), 0 when there is no such speaker, -1 with
 * *cause set on error.  When name is not NULL, *name is set to the
 * speaker's name (the caller frees it) or NULL. */
long long db_speaker_quotes_total(struct db *, long long speaker_id,
	    char **name, char **cause);

struct db_speaker_row {
	long long		 id;
	const char		*name;
	enum speaker_kind	 kind;
	enum gender		 gender;
	const char		*roles;		/* up to 3 roles of the
						 * articles imported last,
						 * "; "-separated, or NULL */
	long			 nquotes;
	long			 narticles;
	const char		*fold;		/* the name folded */
	const char		*forms;		/* every folded form of the
						 * name, "|"-separated; only
						 * from db_speakers() */
};
typedef int	(*db_speaker_fn)(void *ctx, const struct db_speaker_row *);

/* Calls fn for every speaker, most quoted first. */
int	db_speakers(struct db *, db_speaker_fn fn, void *ctx, char **cause);

/* A place in the reader's list of speakers, which runs most quoted
 * first, then by folded name, then by id: the fields of a row. */
struct db_speaker_key {
	long long	 nquotes;
	const char	*fold;
	long long	 id;
};

/*
 * Calls fn for up to limit speakers with a quote next to key in the
 * reader's order: after it (down), or before it, the nearest first.
 * Without a key, from the first speaker down or from the last up.
 * Returns the number of rows passed to fn, or -1 with *cause set.  A
 * walk of the index speakers_rank: its cost is the rows read.
 */
long	db_speakers_page(struct db *, const struct db_speaker_key *key,
	    int down, int limit, db_speaker_fn fn, void *ctx, char **cause);
/* The number of speakers with a quote, or -1 with *cause set. */
long long db_speakers_total(struct db *, char **cause);
/* The rank (from 0) in that order of the speaker at key, or -1 with
 * *cause set.  It counts the speakers before it. */
long long db_speakers_rank(struct db *, const struct db_speaker_key *key,
	    char **cause);
/* The ids of the speakers with a quote and a form of the name that
 * holds fold (folded already), in the reader's order, in *ids (the
 * caller frees it).  Returns their number, or -1 with *cause set. */
long	db_speakers_match(struct db *, const char *fold, long long **ids,
	    char **cause);
/* Keeps in ids[0..n), in their order, those of speakers with a form of
 * the name that holds fold, for a filter typed further: one look-up of
 * the forms of each.  Returns how many are kept, or -1 with *cause
 * set. */
long	db_speakers_narrow(struct db *, const char *fold, long long *ids,
	    size_t n, char **cause);
/* Calls fn for the speakers ids[0..n), in that order, skipping ids that
 * are gone.  Returns 0, or -1 with *cause set. */
int	db_speakers_get(struct db *, const long long *ids, size_t n,
	    db_speaker_fn fn, void *ctx, char **cause);

/*
 * Finds the speakers a name refers to, in any of its forms (case and ё
 * folded): stores their ids in *ids (caller frees) and returns the count,
 * 0 when none, -1 on error.
 */
long	db_speaker_find(struct db *, const char *name, long long **ids,
	    char **cause);

/* The names of at most max quoted speakers with a form of their name
 * that starts with prefix (case and ё folded), the most quoted first:
 * in *names, NULL-ended, the caller frees each and the array.  Returns
 * their number, or -1 with *cause set. */
long	db_speaker_complete(struct db *, const char *prefix, int max,
	    char ***names, char **cause);

/* A place in the article list, which runs newest first: the (date,
 * time, id) of a row, time "" for an article without a time of day.
 * The reader pages through the list from such keys, a screen at a
 * time, so no query ever reads the whole archive. */
struct db_article_key {
	char		date[11];
	char		time[9];
	long long	id;
};

/*
 * Calls fn for at most limit articles next to key: older ones (further
 * down the list) when older is non-zero, in list order; else newer ones,
 * nearest first (so in reverse list order).  A NULL key starts at the
 * newest article (older) or at the oldest (newer).  Returns the number
 * of rows given to fn, or -1 with *cause set.  Uses the (date, time,
 * id) index only.
 */
long	db_articles_page(struct db *, const struct db_article_key *key,
	    int older, int limit, int flags, db_article_fn fn, void *ctx,
	    char **cause);

/* The number of articles (as flags say); -1 with *cause set on error.
 * Sums the per-day counts: as many rows as days, whatever the
 * archive's size; the starred ones are counted in their own index. */
long long db_article_total(struct db *, int flags, char **cause);

/* How many articles (as flags say) come before key in the list (are
 * newer); -1 on error.  Sums the per-day counts of newer days and
 * counts the newer articles of key's own day. */
long long db_article_rank(struct db *, const struct db_article_key *key,
	    int flags, char **cause);

/* The key of the first unread article below from in the list (from
 * the top when from is NULL): 1 with *next set, 0 when there is none,
 * -1 with *cause set. */
int	db_next_unread(struct db *, const struct db_article_key *from,
	    struct db_article_key *next, char **cause);

/*
 * Subscriptions (db_feed.c).  A feed is named by the user (--name), or
 * shown by the title its document gives, or by its URL.
 */
struct db_feed {
	long long	 id;
	const char	*url;
	const char	*name;		/* the user's; NULL when none */
	const char	*title;		/* the feed's own; NULL until fetched */
	const char	*etag;		/* validators of the last 200 */
	const char	*last_modified;
	long long	 added;		/* Unix times; 0 when never */
	long long	 fetched;	/* last attempt */
	long long	 ok;		/* last success (200 or 304) */
	long long	 retry_until;	/* the server asked to wait until */
	const char	*status;	/* of the last attempt; NULL if none */
	int		 failed;	/* the last attempt failed */
	long long	 narticles;	/* articles from it in the archive */
};
typedef int	(*db_feed_fn)(void *ctx, const struct db_feed *);

/* Adds a subscription to url named name (may be NULL).  Returns 1 and
 * sets *id when added, 0 and sets *id when url is there already, -1
 * with *cause set on error. */
int	db_feed_add(struct db *, const char *url, const char *name,
	    long long *id, char **cause);
/* Calls fn for every feed, in the order of their names as shown (name,
 * else title, else URL), until fn returns non-zero.  The strings are
 * borrowed for the call.  Returns 0, or -1 with *cause set. */
int	db_feeds(struct db *, db_feed_fn fn, void *ctx, char **cause);
/* Removes feed id; its articles stay, from no feed.  Returns 0 or -1. */
int	db_feed_remove(struct db *, long long id, char **cause);

/* What a fetch of a feed found, for db_feed_fetched(). */
struct db_feed_fetch {
	const char	*status;	/* "ok", "not modified", or why not */
	int		 failed;
	const char	*moved_to;	/* new URL after a permanent redirect */
	const char	*title;		/* the document's title, or NULL */
	int		 body;		/* a 200 was read: the validators
					   below replace the stored ones */
	const char	*etag;
	const char	*last_modified;
	long long	 retry_until;	/* 0 when the server asked nothing */
};
/* Records the fetch of feed id at time now.  A moved_to that another
 * feed already has is not taken.  Returns 0, or -1 with *cause set. */
int	db_feed_fetched(struct db *, long long id, long long now,
	    const struct db_feed_fetch *f, char **cause);

/* The reader's remembered state: a value by key, NULL when unset (the
 * caller frees it).  Setting is a no-op on a read-only archive, and
 * like db_article_set_read() never waits: 1 means the archive is locked
 * and nothing was done. */
char	*db_state_get(struct db *, const char *key);
int	 db_state_set(struct db *, const char *key, const char *value,
	    char **cause);

struct search_query;

/* One search result: an article, or a quote (quote_id > 0).  The snippet
 * marks each match with \001 before and \002 after it. */
struct db_hit {
	long long	 article_id;
	long long	 quote_id;
	const char	*date;
	const char	*source;	/* may be NULL */
	const char	*title;
	const char	*speaker;	/* quotes only; may be NULL */
	const char	*snippet;
	double		 rank;		/* bm25: lower is better */
	long		 nquotes;	/* of the article */
	int		 is_read;	/* the article */
};
typedef int	(*db_hit_fn)(void *ctx, const struct db_hit *);

/*
 * Searches the archive, best match first, at most limit results: articles
 * (title and text), or quotes when quotes is set or the query names a
 * speaker.  A query without words lists the newest articles or quotes
 * that pass its filters.  Returns the number of results, or -1 with
 * *cause set.
 *
 * Ranking looks at the newest rows first: a window of 2,000 articles
 * (or quotes), grown tenfold until it holds limit matches that pass the
 * filters, or the whole archive, so that a common word costs the same in
 * a large archive as in a small one.  Dates that hold few articles, or
 * speakers with few quotes, have those matched one by one instead, and
 * the best of all of them ranked.
 */
long	db_search(struct db *, const struct search_query *sq, int quotes,
	    int limit, db_hit_fn fn, void *ctx, char **cause);

/* Sets the first search window (rows; 0 for the default), and the most
 * rows a search matches one by one instead (articles of the dates,
 * quotes of the speakers; -1 for the defaults, 0 for never): for
 * tests. */
void	db_search_window(struct db *, long long rows);
void	db_search_few(struct db *, long long articles, long long quotes);
/* Sets the most quotes of a search's speakers whose ids are gathered at
 * once rather than each match looked up (-1 for the default, 0 for
 * never): for tests. */
void	db_search_speaker_set(struct db *, long long quotes);

/* Rebuilds the article search index from the articles (for measuring
 * and repair).  Returns 0 or -1 with *cause set. */
int	db_fts_rebuild(struct db *, char **cause);

/*
 * For tests: calls fn for each line of the query plan (EXPLAIN QUERY
 * PLAN) of every statement db_open() prepares, with the statement's name
 * (its id in db_int.h without ST_: "PAGE_FIRST") and SQL, a line of a
 * subquery indented two spaces a level, once with a
 * NULL plan for a statement without one (BEGIN), until fn returns
 * non-zero.  The strings are borrowed for the call.  Returns 0, or -1
 * with *cause set.
 */
typedef int	(*db_explain_fn)(void *ctx, const char *name, const char *sql,
		    const char *plan);
int	db_explain(struct db *, db_explain_fn fn, void *ctx, char **cause);

struct db_counts {
	long long	articles;
	long long	quotes;
	long long	speakers;
};
int	db_count(struct db *, struct db_counts *, char **cause);

#endif /* DB_H */
