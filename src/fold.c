/*
 * fold.c: the one case fold: lower case, ё as е, stress marks and soft
 * hyphens dropped.  ASCII and Russian take a fast path because they are
 * nearly all the text; the rest goes through libunistring.
 */
#include "config.h"

#include "fold.h"

#include <stdlib.h>
#include <string.h>
#include <unicase.h>
#include <unictype.h>
#include <unistr.h>

#include "util.h"

static int	fold_decode(const uint8_t *, size_t, uint32_t *);
static size_t	fold_encode(uint8_t *, uint32_t);

uint32_t
fold_char(uint32_t c)
{
	if (c < 0x80)
		return c >= 'A' && c <= 'Z' ? c + 0x20 : c;
	if (c >= 0x410 && c <= 0x42f)		/* А..Я */
		return c + 0x20;
	if (c >= 0x430 && c <= 0x44f)		/* а..я */
		return c;
	if (c >= 0x400 && c <= 0x40f)		/* Ѐ..Џ, Ё among them */
		c += 0x50;
	else
		c = uc_tolower(c);
	return c == 0x451 ? 0x435 : c;		/* ё */
}

int
fold_ignorable(uint32_t c)
{
	return c == 0x301 || c == 0xad;
}

/* Decodes the character at p (n > 0 bytes left) into *c; returns its
 * length.  An invalid or cut sequence gives U+FFFD and a length of at
 * least 1. */
static inline int
fold_decode(const uint8_t *p, size_t n, uint32_t *c)
{
	ucs4_t	uc;
	int	k;

	if (p[0] < 0x80) {
		*c = p[0];
		return 1;
	}
	if (p[0] >= 0xc2 && p[0] <= 0xdf && n >= 2 && (p[1] & 0xc0) == 0x80) {
		*c = ((uint32_t)(p[0] & 0x1f) << 6) | (p[1] & 0x3f);
		return 2;
	}
	k = u8_mbtouc(&uc, p, n);
	*c = uc;
	return k > 0 ? k : 1;
}

/* Writes c as UTF-8 at p (room for 4 bytes); returns its length. */
static inline size_t
fold_encode(uint8_t *p, uint32_t c)
{
	int	k;

	if (c < 0x80) {
		p[0] = (uint8_t)c;
		return 1;
	}
	if (c < 0x800) {
		p[0] = (uint8_t)(0xc0 | (c >> 6));
		p[1] = (uint8_t)(0x80 | (c & 0x3f));
		return 2;
	}
	k = u8_uctomb(p, c, 4);
	return k > 0 ? (size_t)k : 0;
}

void
fold_add(struct buf *b, const char *s, size_t len)
{
	const uint8_t	*p = (const uint8_t *)s;
	size_t		 off = 0;
	uint32_t	 c;

	buf_grow(b, len);
	while (off < len) {
		off += (size_t)fold_decode(p + off, len - off, &c);
		if (fold_ignorable(c))
			continue;
		/* A byte may become up to three (U+FFFD for a bad one). */
		if (b->cap - b->len < 5)
			buf_grow(b, 4 + (len - off));
		b->len += fold_encode((uint8_t *)b->data + b->len,
		    fold_char(c));
	}
	b->data[b->len] = '\0';
}

char *
fold_string(const char *s, size_t len)
{
	struct buf	b;

	buf_init(&b);
	fold_add(&b, s, len);
	return buf_steal(&b);
}

char *
fold_name(const char *name)
{
	struct buf	 b;
	const uint8_t	*p = (const uint8_t *)name;
	size_t		 left = strlen(name);
	uint32_t	 c;
	int		 n, space = 0;

	buf_init(&b);
	buf_grow(&b, left);
	while (left > 0) {
		n = fold_decode(p, left, &c);
		p += n;
		left -= (size_t)n;
		if (fold_ignorable(c))
			continue;
		if (b.cap - b.len < 6)
			buf_grow(&b, 5 + left);
		if (uc_is_property_alphabetic(c) ||
		    uc_is_property_numeric(c)) {
			if (space && b.len > 0)
				b.data[b.len++] = ' ';
			space = 0;
			b.len += fold_encode((uint8_t *)b.data + b.len,
			    fold_char(c));
		} else if (c == '-' && b.len > 0 && !space)
			b.data[b.len++] = '-';
		else
			space = 1;
	}
	b.data[b.len] = '\0';
	return buf_steal(&b);
}
