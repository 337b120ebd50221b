#ifndef EXPORT_H
#define EXPORT_H

#include <stddef.h>

/*
 * export.c: what the commands write: each row of list, show, quotes,
 * speakers, search and extract in text, TSV or JSON Lines (the stable
 * machine-readable forms), a quote as a citation (quotes --format=cite
 * and the reader's y, which sends it with OSC 52 in base64), JSON and
 * TSV fields, and escaping that keeps control bytes of the archive's
 * text away from a terminal.  Everything appends to a struct buf;
 * nothing here writes to a file.
 */

struct article;
struct buf;
struct db_article_row;
struct db_feed;
struct db_hit;
struct db_quote_row;
struct db_speaker_row;
struct quote;

enum export_format {
	EXPORT_TEXT,	/* for people: sanitized for the terminal */
	EXPORT_TSV,	/* one row a line, fields escaped (\t \n \xNN) */
	EXPORT_JSONL,	/* one JSON object a line */
	EXPORT_CITE	/* quotes only: export_quote_cite(), one a line; the
			 * other rows take it for EXPORT_TEXT */
};

/* Appends s[0..len) as a JSON string literal: controls and bidi
 * controls (text_bidi_control()) as \uXXXX (so no ESC byte, and nothing
 * that reorders a terminal line, is ever written), invalid UTF-8 bytes
 * as U+FFFD.  A NULL s appends null. */
void	export_json_string(struct buf *, const char *s, size_t len);
/* The same for a NUL-terminated string or NULL. */
void	export_json_str(struct buf *, const char *s);

/* Appends one TSV field: tab, newline, carriage return and backslash
 * become \t \n \r \\, other controls and invalid bytes \xNN; bidi
 * controls are dropped, as the text format drops them.  NULL is an empty
 * field. */
void	export_tsv_field(struct buf *, const char *s, size_t len);

/* Appends s with every control byte (C0, DEL, C1 in UTF-8), bidi
 * control and invalid UTF-8 byte written as \xNN: for file names and
 * strings quoted in diagnostics, which must name them exactly. */
void	export_escape(struct buf *, const char *s);

/* Appends a as one JSON object and a newline: date, title, source, url,
 * time (when it has one), text.  The form import reads back. */
void	export_article_jsonl(struct buf *, const struct article *a);

/* One row of list: id, date, source, title, quote count (and read, in
 * JSON Lines).  In text the title is cut to cols columns, 0 for no
 * limit. */
void	export_article_row(struct buf *, enum export_format,
	    const struct db_article_row *r, int cols);

/* show: a's title, date and source, url, a blank line, then its text,
 * each wrapped to cols columns. */
void	export_article_text(struct buf *, const struct article *a, int cols);

/* One quote q that extract found in the ordinal-th article a of file:
 * EXPORT_TEXT or EXPORT_JSONL (with the spans of the text, the cue and
 * the mention).  q's span must lie within a's text. */
void	export_quote_found(struct buf *, enum export_format, const char *file,
	    long ordinal, const struct article *a, const struct quote *q);

/* One row of quotes. */
void	export_quote_row(struct buf *, enum export_format,
	    const struct db_quote_row *r);

/*
 * Appends r as a citation, on one line and with no newline after it:
 *
 *	direct:   «TEXT», — SPEAKER, ROLE (SOURCE, DATE, URL)
 *	indirect: SPEAKER, ROLE: TEXT (SOURCE, DATE, URL)
 *
 * A missing speaker, role, source or URL is left out with the
 * punctuation before it («TEXT» (SOURCE, DATE); TEXT (DATE)).  In
 * direct speech a final full stop of TEXT is dropped before "», —", and
 * after a final "?", "!" or "…" there is no comma, as Russian
 * punctuates it.  Every part is sanitized as the text format is
 * (text_sanitize(): controls as U+FFFD, bidi controls dropped, in
 * TEXT_ASCII transliterated), and runs of blanks and line breaks in
 * TEXT become one space, so the line is safe on a terminal.
 */
void	export_quote_cite(struct buf *, const struct db_quote_row *r);

/* Appends the base64 (RFC 4648, with padding, no line breaks) of
 * p[0..len). */
void	export_base64(struct buf *, const void *p, size_t len);

/* Appends the OSC 52 sequence that puts s[0..len) on the terminal's
 * clipboard: ESC ] 52 ; c ; BASE64 BEL.  The only control bytes are the
 * sequence's own: whatever s holds travels as base64. */
void	export_osc52(struct buf *, const char *s, size_t len);

/* One row of speakers. */
void	export_speaker_row(struct buf *, enum export_format,
	    const struct db_speaker_row *r);

/* One row of "feeds list": id, name as shown (the user's name, else the
 * feed's title, else its URL), URL, articles, last fetch and its status
 * (JSON Lines: every field of the subscription, times in UTC as
 * YYYY-MM-DDTHH:MM:SSZ, null when never). */
void	export_feed_row(struct buf *, enum export_format,
	    const struct db_feed *f);

/* One search result, its snippet's match marks shown as [ and ]. */
void	export_hit(struct buf *, enum export_format, const struct db_hit *h);

#endif /* EXPORT_H */
