#ifndef FEED_H
#define FEED_H

#include <stddef.h>

/*
 * feed.c: an RSS 2.0, RSS 1.0 (RDF) or Atom 1.0 document, as bytes, to
 * its items, with libxml2.  No I/O and no network: the parser never
 * loads a DTD or an external entity, refuses entity expansion that grows
 * out of bounds (the "billion laughs"), and reads the charset the
 * document declares (windows-1251, KOI8-R ...), else the one the HTTP
 * Content-Type gave, else UTF-8.  Every string it hands out is valid
 * UTF-8 in NFC without NUL or C0/C1 controls other than the "\n" of
 * paragraphs.
 *
 * Decisions the contract below leaves open:
 *  - A byte that is not valid UTF-8 in a UTF-8 document becomes U+FFFD,
 *    and a raw C0 control (ESC ...) in any ASCII-based document is left
 *    out, before libxml2 reads it: one stray byte does not cost the whole
 *    feed.  A character reference to a control (&#27;) is still not XML,
 *    and the feed is refused.
 *  - Elements are matched by namespace URI.  An item's text is the first
 *    non-empty of: yandex:full-text (or a full-text element in any
 *    namespace), then content:encoded or Atom content, then the
 *    description or Atom summary; full is 1 for the first two.  A
 *    description, yandex:full-text and content:encoded are HTML when
 *    html_is_markup() says so, else plain text; Atom text constructs
 *    follow their type (an out-of-line content, src=, is skipped).
 *  - Without a link, an RSS guid that is an http(s) URL and not
 *    isPermaLink="false" is the link.  Atom: the first rel="alternate"
 *    (or rel-less) link, text/html first; an entry without an author
 *    takes the feed's; published is preferred to updated.
 *  - author: dc:creator, else <author>; guid of RSS 1.0: rdf:about.
 *  - Dates: RFC 822 (weekday, seconds, time optional; two-digit years
 *    00-49 are 20xx; any zone, ignored) and RFC 3339 / ISO 8601
 *    (fractions and zone ignored); years 1900-2999; a date that does not
 *    exist (31 Feb, 24:00) gives date and time NULL.
 *  - Entities the document declares in its internal subset are expanded
 *    (at most 8 deep, 1 MiB a field), HTML's named entities (&nbsp;)
 *    where none is declared; external ones never.
 */

enum feed_kind {
	FEED_RSS2,		/* <rss> (0.9x and 2.0) */
	FEED_RSS1,		/* <rdf:RDF> */
	FEED_ATOM		/* <feed xmlns="http://www.w3.org/2005/Atom"> */
};

/* One item (entry).  Owned by the feed; NULL where the item has none. */
struct feed_item {
	char	*guid;		/* <guid>, Atom <id>, RDF rdf:about */
	char	*link;		/* absolute URL (resolved against the
				   feed's base) */
	char	*title;		/* plain text, one line */
	char	*author;	/* plain text, one line */
	char	*date;		/* YYYY-MM-DD as the publisher wrote it
				   (its own time zone, not converted) */
	char	*time;		/* HH:MM:SS, likewise; NULL without one */
	char	*text;		/* article text: paragraphs separated by
				   "\n\n" (html_to_text()); never NULL,
				   "" when the item has no body */
	int	 full;		/* text is the full article
				   (content:encoded, Atom content,
				   yandex:full-text), not a summary */
	long	 line;		/* line of the document where it starts */
};

/* Items kept of a feed; those after are left out. */
#define FEED_MAX_ITEMS	10000

struct feed {
	enum feed_kind	  kind;
	char		 *title;	/* NULL when none */
	char		 *link;		/* the site, NULL when none */
	struct feed_item *items;
	size_t		  n;
};

/*
 * Parses data[0..len), fetched from url (the base of relative links;
 * may be NULL), whose HTTP Content-Type named charset (NULL when it did
 * not).  Returns a new feed (feed_free()), or NULL with *cause set (the
 * caller frees it) to one line saying why: not XML, truncated or
 * malformed XML (with the line), an HTML page rather than a feed, an
 * unknown root element, entity expansion refused.  An item without a
 * title, link or date is kept with those fields NULL.  The causes begin
 * "empty document", "malformed XML at line N: ", "entity expansion
 * refused at line N: ", "an HTML page, not a feed" and "not RSS or Atom
 * (root element <NAME>)".  At most FEED_MAX_ITEMS items are read.
 */
struct feed	*feed_parse(const char *data, size_t len, const char *url,
		    const char *charset, char **cause);
void		 feed_free(struct feed *);

/* A subscription as OPML or a newsboat urls file lists it. */
struct feed_sub {
	char	*url;
	char	*name;		/* NULL when none */
};

/*
 * Reads subscriptions from data[0..len): an OPML document (every
 * <outline> with an xmlUrl, at any depth; its title or text is the
 * name), or else a newsboat urls file (one URL a line, then optional
 * tags; "#" comments; a tag "~NAME" names the feed; "query:" and
 * "exec:"/"filter:" lines are skipped with a diagnostic).  Stores a new
 * array in *subs (feed_subs_free()) and returns the count, or -1 with
 * *cause set when the document cannot be read.  diag is called with a
 * line number and a reason for each entry left out; it may be NULL.
 * Only http, https and file URLs are taken ("not an http(s) or file
 * URL"); a line of a urls file that is not valid UTF-8 or holds a
 * control character is skipped; a quoted token may hold blanks (\" and
 * \\ escaped); the first "~NAME" tag names the feed.  An OPML outline
 * whose only name is its URL has none (as feed_opml_write() writes
 * it).  Empty input gives 0.
 */
long	feed_subs_parse(const char *data, size_t len, struct feed_sub **subs,
	    void (*diag)(void *ctx, long line, const char *reason),
	    void *ctx, char **cause);
void	feed_subs_free(struct feed_sub *subs, size_t n);

/* Appends to out an OPML 2.0 document (UTF-8, escaped) that lists the n
 * subscriptions, titled title: one <outline type="rss"> each, its text
 * and title the name (text the URL when there is no name, and no
 * title).  Invalid UTF-8 becomes U+FFFD, controls other than tab and
 * line breaks are left out.  feed_subs_parse() reads it back. */
struct buf;
void	feed_opml_write(struct buf *out, const char *title,
	    const struct feed_sub *subs, size_t n);

#endif /* FEED_H */
