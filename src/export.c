/*
 * export.c: JSON Lines and TSV output, and escaping for diagnostics.
 * Output never holds a raw control byte, so piping it to a terminal is
 * safe.
 */
#include "config.h"

#include "export.h"

#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include "article.h"
#include "util.h"

static size_t	utf8_seq(const unsigned char *, size_t);
static size_t	escape_one(struct buf *, const unsigned char *, size_t);

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
 * when it is a control (C0, DEL, C1) or not valid UTF-8.  Returns the
 * bytes consumed.
 */
static size_t
escape_one(struct buf *b, const unsigned char *p, size_t n)
{
	size_t	k;

	if (p[0] < 0x20 || p[0] == 0x7f || (k = utf8_seq(p, n)) == 0) {
		buf_printf(b, "\\x%02x", p[0]);
		return 1;
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
		i += escape_one(b, p + i, len - i);
	}
}

void
export_escape(struct buf *b, const char *s)
{
	const unsigned char	*p = (const unsigned char *)s;
	size_t			 i = 0, len = strlen(s);

	while (i < len) {
		i += escape_one(b, p + i, len - i);
	}
}

void
export_article_jsonl(struct buf *b, const struct article *a)
{
	buf_adds(b, "{\"date\":");
	export_json_str(b, a->date);
	buf_adds(b, ",\"title\":");
	export_json_str(b, a->title);
	buf_adds(b, ",\"source\":");
	export_json_str(b, a->source);
	buf_adds(b, ",\"url\":");
	export_json_str(b, a->url);
	buf_adds(b, ",\"text\":");
	export_json_string(b, a->text, a->len);
	buf_adds(b, "}\n");
}
