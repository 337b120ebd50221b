#ifndef FEEDS_H
#define FEEDS_H

#include <stddef.h>

#include "article.h"

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

/* A feed's items made articles, their quotes found: all that needs no
 * archive, done apart (on fetch's parsing thread) from storing them. */
struct feeds_prep_item {
	const struct feed_item	*it;		/* the feed's, borrowed */
	struct article		*a;		/* NULL: no title nor text */
	struct quote_list	 ql;
};
struct feeds_prep {
	struct feeds_prep_item	*items;		/* the oldest first */
	size_t			 n;
};

/*
 * Makes each item of f, fetched for feed feed_id, an article exactly as
 * import makes one, and finds its quotes, into *p (the oldest first, so
 * that the ids of one day's articles follow their times).  source names
 * the articles' source (the feed's name or title); today (YYYY-MM-DD)
 * is the date of an item that gives none.  p borrows f's items: free p
 * with feeds_prep_free() before f.  Quotes are found for every item,
 * also those stored already, which a second fetch of a changed feed
 * leaves alone: the parsing thread's time, not the archive's.
 */
void	feeds_prepare(const struct lexicon *lx, long long feed_id,
	    const char *source, const struct feed *f, const char *today,
	    struct feeds_prep *p);
void	feeds_prep_free(struct feeds_prep *p);

/*
 * Stores the items of p in the open transaction of db.  diag, which may
 * be NULL, hears of each item left out, with the item's line in the
 * document.  Adds to *c.  Returns 0, or -1 with *cause set on an
 * archive error (the caller rolls back).
 */
int	feeds_store(struct db *db, long long feed_id, struct feeds_prep *p,
	    struct feeds_counts *c,
	    void (*diag)(void *ctx, long line, const char *reason), void *ctx,
	    char **cause);

#endif /* FEEDS_H */
