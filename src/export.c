/*
 * export.c: everything the commands write on standard output, in text,
 * TSV and JSON Lines, citations of quotes, and escaping for diagnostics.
 * Output never holds a raw control byte, so piping it to a terminal is
 * safe; the one exception is export_osc52(), a terminal sequence on
 * purpose, whose payload is base64.
 */
#include "config.h"

#include "export.h"

#include <limits.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "article.h"
#include "db.h"
#include "text.h"
#include "util.h"

static size_t	utf8_seq(const unsigned char *, size_t);
static size_t	escape_one(struct buf *, const unsigned char *, size_t, int);
static void	add_sanitized(struct buf *, const char *, size_t);
static void	add_sanitized_str(struct buf *, const char *);
static void	tsv_str(struct buf *, const char *);
static void	add_wrapped(struct buf *, const char *, size_t, int);
static void	json_span(struct buf *, const struct article *, size_t,
		    size_t);
static void	snippet_mark(struct buf *, const char *);
static void	json_field(struct buf *, const char *, const char *);
static char	*cite_text(const char *, size_t, size_t *);
static void	add_utc(struct buf *, long long, const char *);
static void	json_time(struct buf *, const char *, long long);

/*
 * Length of the valid UTF-8 sequence at s (at most n bytes), 0 when the
 * bytes there are not one.  Overlong forms and surrogates are invalid.
 */
static size_t
utf8_seq(const unsigned char *s, size_t n)
{
	size_t	len, i;
	uint32_t cp;

	if (s[0] < 0x80)
		return 1;
	if (s[0] >= 0xc2 && s[0] <= 0xdf)
		len = 2, cp = s[0] & 0x1f;
	else if (s[0] >= 0xe0 && s[0] <= 0xef)
		len = 3, cp = s[0] & 0x0f;
	else if (s[0] >= 0xf0 && s[0] <= 0xf4)
		len = 4, cp = s[0] & 0x07;
	else
		return 0;
	if (n < len)
		return 0;
	for (i = 1; i < len; i++) {
		if ((s[i] & 0xc0) != 0x80)
			return 0;
		cp = (cp << 6) | (s[i] & 0x3f);
	}
	if ((len == 3 && (cp < 0x800 || (cp >= 0xd800 && cp <= 0xdfff))) ||
	    (len == 4 && (cp < 0x10000 || cp > 0x10ffff)))
		return 0;
	return len;
}

void
export_json_string(struct buf *b, const char *s, size_t len)
{
	const unsigned char	*p = (const unsigned char *)s;
	size_t			 i = 0, n;

	if (s == NULL) {
		buf_adds(b, "null");
		return;
	}
	buf_addc(b, '"');
	while (i < len) {
		if (p[i] == '"' || p[i] == '\\') {
			buf_addc(b, '\\');
			buf_addc(b, (char)p[i++]);
		} else if (p[i] == '\n') {
			buf_adds(b, "\\n"), i++;
		} else if (p[i] == '\t') {
			buf_adds(b, "\\t"), i++;
		} else if (p[i] < 0x20 || p[i] == 0x7f) {
			buf_printf(b, "\\u%04x", p[i++]);
		} else if ((n = utf8_seq(p + i, len - i)) == 0) {
			buf_adds(b, "\\ufffd"), i++;
		} else if (text_bidi_control(s + i, len - i) > 0) {
			/* Kept, as import reads them back, but not raw. */
			buf_printf(b, "\\u%04x", n == 2 ?
			    ((p[i] & 0x1fu) << 6) | (p[i + 1] & 0x3fu) :
			    ((p[i] & 0x0fu) << 12) | ((p[i + 1] & 0x3fu) << 6) |
			    (p[i + 2] & 0x3fu));
			i += n;
		} else if (n == 2 && p[i] == 0xc2 && p[i + 1] < 0xa0) {
			/* C1 controls, U+0080..U+009F. */
			buf_printf(b, "\\u%04x", p[i + 1]);
			i += 2;
		} else {
			buf_add(b, p + i, n);
			i += n;
		}
	}
	buf_addc(b, '"');
}

void
export_json_str(struct buf *b, const char *s)
{
	export_json_string(b, s, s != NULL ? strlen(s) : 0);
}

/*
 * Appends the character at p (n bytes left) as is, or as \xNN escapes
 * when it is a control (C0, DEL, C1) or not valid UTF-8.  A bidi control
 * (text_bidi_control()) is dropped when drop_bidi is set, else escaped
 * too.  Returns the bytes consumed.
 */
static size_t
escape_one(struct buf *b, const unsigned char *p, size_t n, int drop_bidi)
{
	size_t	k, i;

	if (p[0] < 0x20 || p[0] == 0x7f || (k = utf8_seq(p, n)) == 0) {
		buf_printf(b, "\\x%02x", p[0]);
		return 1;
	}
	if (text_bidi_control((const char *)p, k) > 0) {
		for (i = 0; !drop_bidi && i < k; i++)
			buf_printf(b, "\\x%02x", p[i]);
		return k;
	}
	if (k == 2 && p[0] == 0xc2 && p[1] < 0xa0) {
		buf_printf(b, "\\xc2\\x%02x", p[1]);
		return 2;
	}
	buf_add(b, p, k);
	return k;
}

void
export_tsv_field(struct buf *b, const char *s, size_t len)
{
	const unsigned char	*p = (const unsigned char *)s;
	size_t			 i = 0;

	if (s == NULL)
		return;
	while (i < len) {
		switch (p[i]) {
		case '\t':
			buf_adds(b, "\\t"), i++;
			continue;
		case '\n':
			buf_adds(b, "\\n"), i++;
			continue;
		case '\r':
			buf_adds(b, "\\r"), i++;
			continue;
		case '\\':
			buf_adds(b, "\\\\"), i++;
			continue;
		}
		i += escape_one(b, p + i, len - i, 1);
	}
}

void
export_escape(struct buf *b, const char *s)
{
	const unsigned char	*p = (const unsigned char *)s;
	size_t			 i = 0, len = strlen(s);

	while (i < len)
		i += escape_one(b, p + i, len - i, 0);
}

void
export_article_jsonl(struct buf *b, const struct article *a)
{
	buf_adds(b, "{\"date\":");
	export_json_str(b, a->date);
	json_field(b, "title", a->title);
	json_field(b, "source", a->source);
	json_field(b, "url", a->url);
	if (a->time != NULL)
		json_field(b, "time", a->time);
	buf_adds(b, ",\"text\":");
	export_json_string(b, a->text, a->len);
	buf_adds(b, "}\n");
}

/* Appends s[0..len) made safe for a terminal (text_sanitize()). */
static void
add_sanitized(struct buf *b, const char *s, size_t len)
{
	char	*t;
	size_t	 n;

	t = text_sanitize(s, len, &n);
	buf_add(b, t, n);
	free(t);
}

/* add_sanitized() of a NUL-terminated string, "?" for NULL. */
static void
add_sanitized_str(struct buf *b, const char *s)
{
	if (s == NULL)
		s = "?";
	add_sanitized(b, s, strlen(s));
}

/* export_tsv_field() of a NUL-terminated string; NULL is empty. */
static void
tsv_str(struct buf *b, const char *s)
{
	if (s != NULL)
		export_tsv_field(b, s, strlen(s));
}

/* Appends s wrapped to cols columns, line by line. */
static void
add_wrapped(struct buf *b, const char *s, size_t len, int cols)
{
	struct text_line	*lines;
	size_t			 n, i, rl;
	char			*r;

	n = text_wrap(s, len, cols, &lines);
	for (i = 0; i < n; i++) {
		r = text_line_render(s, &lines[i], &rl);
		buf_add(b, r, rl);
		buf_addc(b, '\n');
		free(r);
	}
	free(lines);
}

/* Appends ,"key": and s as a JSON string, or null: the next field of an
 * object. */
static void
json_field(struct buf *b, const char *key, const char *s)
{
	buf_printf(b, ",\"%s\":", key);
	export_json_str(b, s);
}

/* Appends the span [s, e) of a's text as a JSON string, or null. */
static void
json_span(struct buf *b, const struct article *a, size_t s, size_t e)
{
	if (e <= s || e > a->len)
		buf_adds(b, "null");
	else
		export_json_string(b, a->text + s, e - s);
}

/* Appends a snippet with its \001/\002 match marks as [ and ], on one
 * line. */
static void
snippet_mark(struct buf *b, const char *s)
{
	for (; s != NULL && *s != '\0'; s++) {
		if (*s == '\001')
			buf_addc(b, '[');
		else if (*s == '\002')
			buf_addc(b, ']');
		else if (*s == '\n')
			buf_addc(b, ' ');
		else
			buf_addc(b, *s);
	}
}

void
export_article_row(struct buf *b, enum export_format f,
    const struct db_article_row *r, int cols)
{
	char	*s;

	switch (f) {
	case EXPORT_JSONL:
		buf_printf(b, "{\"id\":%lld,\"date\":", r->id);
		export_json_str(b, r->date);
		json_field(b, "source", r->source);
		json_field(b, "title", r->title);
		buf_printf(b, ",\"quotes\":%ld,\"read\":%s,\"starred\":%s}\n",
		    r->nquotes, r->is_read ? "true" : "false",
		    r->starred ? "true" : "false");
		break;
	case EXPORT_TSV:
		buf_printf(b, "%lld\t%s\t", r->id, r->date);
		tsv_str(b, r->source);
		buf_addc(b, '\t');
		tsv_str(b, r->title);
		buf_printf(b, "\t%ld\n", r->nquotes);
		break;
	default:
		buf_printf(b, "%6lld  %s  ", r->id, r->date);
		s = text_pad(r->source != NULL ? r->source : "-",
		    r->source != NULL ? strlen(r->source) : 1, 16);
		buf_adds(b, s);
		free(s);
		buf_printf(b, " %3ld  ", r->nquotes);
		s = text_fit(r->title, strlen(r->title), cols > 0 ? cols :
		    INT_MAX, NULL);
		buf_adds(b, s);
		free(s);
		buf_addc(b, '\n');
		break;
	}
}

void
export_article_text(struct buf *b, const struct article *a, int cols)
{
	char	*head;

	add_wrapped(b, a->title, strlen(a->title), cols);
	head = xasprintf("%s%s%s", a->date, a->source != NULL ? " · " : "",
	    a->source != NULL ? a->source : "");
	add_wrapped(b, head, strlen(head), cols);
	free(head);
	if (a->url != NULL)
		add_wrapped(b, a->url, strlen(a->url), cols);
	buf_addc(b, '\n');
	add_wrapped(b, a->text, a->len, cols);
}

void
export_quote_found(struct buf *b, enum export_format f, const char *file,
    long ordinal, const struct article *a, const struct quote *q)
{
	if (f == EXPORT_TEXT) {
		export_escape(b, file);
		buf_printf(b, ":%ld: ", ordinal);
		add_sanitized_str(b, q->speaker);
		buf_printf(b, " [%s]: ", quote_kind_name(q->kind));
		add_sanitized(b, a->text + q->start, q->end - q->start);
		buf_addc(b, '\n');
		return;
	}
	buf_adds(b, "{\"file\":");
	export_json_str(b, file);
	buf_printf(b, ",\"article\":%ld,\"speaker\":", ordinal);
	export_json_str(b, q->speaker);
	json_field(b, "role", q->role);
	json_field(b, "gender", gender_name(q->gender));
	json_field(b, "kind", quote_kind_name(q->kind));
	buf_adds(b, ",\"text\":");
	json_span(b, a, q->start, q->end);
	buf_adds(b, ",\"cue\":");
	json_span(b, a, q->cue_start, q->cue_end);
	buf_adds(b, ",\"mention\":");
	json_span(b, a, q->mention_start, q->mention_end);
	buf_printf(b, ",\"start\":%zu,\"end\":%zu}\n", q->start, q->end);
}

void
export_quote_row(struct buf *b, enum export_format f,
    const struct db_quote_row *r)
{
	switch (f) {
	case EXPORT_JSONL:
		buf_printf(b, "{\"id\":%lld,\"article\":%lld,\"date\":",
		    r->id, r->article_id);
		export_json_str(b, r->date);
		json_field(b, "source", r->source);
		json_field(b, "speaker", r->speaker);
		json_field(b, "role", r->role);
		json_field(b, "kind", quote_kind_name(r->kind));
		json_field(b, "cue", r->cue);
		json_field(b, "mention", r->mention);
		json_field(b, "origin", db_origin_name(r->origin));
		buf_printf(b, ",\"start\":%zu,\"end\":%zu,\"text\":",
		    r->start, r->end);
		export_json_string(b, r->text, r->len);
		buf_adds(b, "}\n");
		break;
	case EXPORT_TSV:
		buf_printf(b, "%lld\t%lld\t%s\t", r->id, r->article_id,
		    r->date);
		tsv_str(b, r->speaker);
		buf_printf(b, "\t%s\t", quote_kind_name(r->kind));
		export_tsv_field(b, r->text, r->len);
		buf_addc(b, '\n');
		break;
	case EXPORT_CITE:
		export_quote_cite(b, r);
		buf_addc(b, '\n');
		break;
	default:
		buf_printf(b, "%lld  %s  ", r->article_id, r->date);
		add_sanitized_str(b, r->speaker);
		buf_printf(b, " (%s): ", quote_kind_name(r->kind));
		add_sanitized(b, r->text, r->len);
		buf_addc(b, '\n');
		break;
	}
}

/* The quote s[0..len) sanitized, on one line: every run of spaces (line
 * breaks and tabs become spaces) made one, none at either end.  Its
 * length goes in *outlen; the caller frees it. */
static char *
cite_text(const char *s, size_t len, size_t *outlen)
{
	char	*t;
	size_t	 n, i, o = 0;

	t = text_sanitize(s, len, &n);
	for (i = 0; i < n; i++) {
		if (t[i] == ' ' && (o == 0 || t[o - 1] == ' '))
			continue;
		t[o++] = t[i];
	}
	while (o > 0 && t[o - 1] == ' ')
		o--;
	t[o] = '\0';
	*outlen = o;
	return t;
}

void
export_quote_cite(struct buf *b, const struct db_quote_row *r)
{
	struct buf	 raw;
	char		*t;
	size_t		 n;
	int		 is_direct = r->kind == QUOTE_DIRECT, comma = 1;

	/* Put together from sanitized text, then sanitized whole, so
	 * that the punctuation added here follows the text mode too. */
	buf_init(&raw);
	t = cite_text(r->text, r->len, &n);
	if (is_direct) {
		if (n > 0 && t[n - 1] == '.' && (n < 2 || t[n - 2] != '.'))
			n--;
		else if (n > 0 && (t[n - 1] == '?' || t[n - 1] == '!' ||
		    t[n - 1] == '.' || (n >= 3 &&
		    memcmp(t + n - 3, "\xe2\x80\xa6", 3) == 0)))
			comma = 0;
		buf_adds(&raw, "«");
		buf_add(&raw, t, n);
		buf_adds(&raw, "»");
		if (r->speaker != NULL) {
			buf_adds(&raw, comma ? ", — " : " — ");
			buf_adds(&raw, r->speaker);
			if (r->role != NULL)
				buf_printf(&raw, ", %s", r->role);
		}
	} else {
		if (r->speaker != NULL) {
			buf_adds(&raw, r->speaker);
			if (r->role != NULL)
				buf_printf(&raw, ", %s", r->role);
			buf_adds(&raw, ": ");
		}
		buf_add(&raw, t, n);
	}
	free(t);
	buf_adds(&raw, " (");
	if (r->source != NULL)
		buf_printf(&raw, "%s, ", r->source);
	buf_adds(&raw, r->date);
	if (r->url != NULL)
		buf_printf(&raw, ", %s", r->url);
	buf_addc(&raw, ')');
	add_sanitized(b, raw.data, raw.len);
	buf_free(&raw);
}

void
export_base64(struct buf *b, const void *p, size_t len)
{
	static const char	 abc[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZ"
				    "abcdefghijklmnopqrstuvwxyz0123456789+/";
	const unsigned char	*s = p;
	unsigned long		 v;
	size_t			 i;
	char			 out[4];

	for (i = 0; i + 3 <= len; i += 3) {
		v = (unsigned long)s[i] << 16 | (unsigned long)s[i + 1] << 8 |
		    s[i + 2];
		out[0] = abc[v >> 18 & 63];
		out[1] = abc[v >> 12 & 63];
		out[2] = abc[v >> 6 & 63];
		out[3] = abc[v & 63];
		buf_add(b, out, 4);
	}
	if (i == len)
		return;
	v = (unsigned long)s[i] << 16;
	if (i + 1 < len)
		v |= (unsigned long)s[i + 1] << 8;
	out[0] = abc[v >> 18 & 63];
	out[1] = abc[v >> 12 & 63];
	out[2] = i + 1 < len ? abc[v >> 6 & 63] : '=';
	out[3] = '=';
	buf_add(b, out, 4);
}

void
export_osc52(struct buf *b, const char *s, size_t len)
{
	buf_adds(b, "\033]52;c;");
	export_base64(b, s, len);
	buf_addc(b, '\007');
}

void
export_speaker_row(struct buf *b, enum export_format f,
    const struct db_speaker_row *r)
{
	switch (f) {
	case EXPORT_JSONL:
		buf_printf(b, "{\"id\":%lld,\"name\":", r->id);
		export_json_str(b, r->name);
		json_field(b, "kind", speaker_kind_name(r->kind));
		json_field(b, "gender", gender_name(r->gender));
		json_field(b, "roles", r->roles);
		buf_printf(b, ",\"quotes\":%ld,\"articles\":%ld}\n",
		    r->nquotes, r->narticles);
		break;
	case EXPORT_TSV:
		buf_printf(b, "%lld\t", r->id);
		tsv_str(b, r->name);
		buf_printf(b, "\t%s\t%s\t", speaker_kind_name(r->kind),
		    r->gender != GENDER_UNKNOWN ? gender_name(r->gender) : "");
		tsv_str(b, r->roles);
		buf_printf(b, "\t%ld\t%ld\n", r->nquotes, r->narticles);
		break;
	default:
		buf_printf(b, "%5ld %4ld  ", r->nquotes, r->narticles);
		add_sanitized_str(b, r->name);
		if (r->roles != NULL) {
			buf_adds(b, " — ");
			add_sanitized_str(b, r->roles);
		}
		buf_addc(b, '\n');
		break;
	}
}

/* Appends Unix time t as YYYY-MM-DDTHH:MM:SSZ, or "never" (text) / ""
 * when 0. */
static void
add_utc(struct buf *b, long long t, const char *never)
{
	struct tm	tm;
	time_t		tt = (time_t)t;
	char		s[32];

	if (t <= 0 || gmtime_r(&tt, &tm) == NULL ||
	    strftime(s, sizeof(s), "%Y-%m-%dT%H:%M:%SZ", &tm) == 0)
		buf_adds(b, never);
	else
		buf_adds(b, s);
}

static void
json_time(struct buf *b, const char *key, long long t)
{
	buf_printf(b, ",\"%s\":", key);
	if (t <= 0)
		buf_adds(b, "null");
	else {
		buf_addc(b, '"');
		add_utc(b, t, "");
		buf_addc(b, '"');
	}
}

void
export_feed_row(struct buf *b, enum export_format f, const struct db_feed *r)
{
	const char	*shown = r->name != NULL ? r->name :
			    r->title != NULL ? r->title : r->url;

	switch (f) {
	case EXPORT_JSONL:
		buf_printf(b, "{\"id\":%lld,\"name\":", r->id);
		export_json_str(b, r->name);
		json_field(b, "title", r->title);
		json_field(b, "url", r->url);
		buf_printf(b, ",\"articles\":%lld", r->narticles);
		json_time(b, "added", r->added);
		json_time(b, "fetched", r->fetched);
		json_time(b, "ok", r->ok);
		json_field(b, "status", r->status);
		buf_printf(b, ",\"failed\":%s", r->failed ? "true" : "false");
		json_time(b, "retry_until", r->retry_until);
		buf_adds(b, "}\n");
		break;
	case EXPORT_TSV:
		buf_printf(b, "%lld\t", r->id);
		tsv_str(b, shown);
		buf_addc(b, '\t');
		tsv_str(b, r->url);
		buf_printf(b, "\t%lld\t", r->narticles);
		add_utc(b, r->fetched, "");
		buf_addc(b, '\t');
		tsv_str(b, r->status);
		buf_addc(b, '\n');
		break;
	default:
		buf_printf(b, "%3lld  ", r->id);
		add_sanitized_str(b, shown);
		buf_printf(b, "  %lld articles, ", r->narticles);
		if (r->fetched <= 0)
			buf_adds(b, "never fetched");
		else {
			buf_adds(b, "fetched ");
			add_utc(b, r->fetched, "");
			buf_adds(b, ": ");
			add_sanitized_str(b, r->status != NULL ? r->status :
			    "?");
		}
		buf_adds(b, "\n     ");
		add_sanitized_str(b, r->url);
		buf_addc(b, '\n');
		break;
	}
}

void
export_hit(struct buf *b, enum export_format f, const struct db_hit *h)
{
	struct buf	snip;

	buf_init(&snip);
	snippet_mark(&snip, h->snippet);
	switch (f) {
	case EXPORT_JSONL:
		buf_printf(b, "{\"article\":%lld,", h->article_id);
		if (h->quote_id > 0)
			buf_printf(b, "\"quote\":%lld,", h->quote_id);
		buf_adds(b, "\"date\":");
		export_json_str(b, h->date);
		json_field(b, "source", h->source);
		json_field(b, "title", h->title);
		if (h->quote_id > 0) {
			json_field(b, "speaker", h->speaker);
		}
		buf_adds(b, ",\"snippet\":");
		export_json_string(b, snip.data, snip.len);
		buf_printf(b, ",\"rank\":%.4f}\n", h->rank);
		break;
	case EXPORT_TSV:
		buf_printf(b, "%lld\t%lld\t%s\t", h->article_id, h->quote_id,
		    h->date);
		tsv_str(b, h->source);
		buf_addc(b, '\t');
		tsv_str(b, h->speaker);
		buf_addc(b, '\t');
		tsv_str(b, h->title);
		buf_addc(b, '\t');
		export_tsv_field(b, snip.data, snip.len);
		buf_addc(b, '\n');
		break;
	default:
		buf_printf(b, "%lld  %s  ", h->article_id, h->date);
		add_sanitized_str(b, h->quote_id == 0 ? h->title :
		    h->speaker);
		buf_adds(b, "\n    ");
		add_sanitized(b, snip.data, snip.len);
		buf_addc(b, '\n');
		break;
	}
	buf_free(&snip);
}
