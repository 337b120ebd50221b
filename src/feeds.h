#ifndef FEEDS_H
#define FEEDS_H

#include <stddef.h>

/*
 * feeds.c: a fetched feed into the archive.  Each item becomes an
 * article exactly as import makes one (import_normalize()), with its
 * quotes extracted; an item already stored (by its guid in the feed,
 * else its link, else its text) is left alone, or replaced when the
 * feed changed it.  No network, no printing: fetch.c brings the bytes,
 * feed.c parses them, main.c says what happened.
 */

struct db;
struct feed;
struct lexicon;

/* What storing one feed did. */
struct feeds_counts {
	size_t	added;		/* new articles */
	size_t	updated;	/* stored articles the feed changed */
	size_t	unchanged;	/* items already stored as they are */
	size_t	skipped;	/* items left out (diag says why) */
	size_t	quotes;		/* quotes found in added and updated */
	size_t	lost;		/* manual quotes whose words are gone */
};

/*
 * Stores the items of f, fetched for feed feed_id, in the open
 * transaction of db: the oldest first, so that the ids of one day's
 * articles follow their times.  source names the articles' source
 * (the feed's name or title); today (YYYY-MM-DD) is the date of an
 * item that gives none.  diag, which may be NULL, hears of each item
 * left out, with the item's line in the document.  Adds to *c.  Returns
 * 0, or -1 with *cause set on an archive error (the caller rolls back).
 */
int	feeds_store(struct db *db, const struct lexicon *lx, long long feed_id,
	    const char *source, const struct feed *f, const char *today,
	    struct feeds_counts *c,
	    void (*diag)(void *ctx, long line, const char *reason), void *ctx,
	    char **cause);

#endif /* FEEDS_H */
