/*
 * stem.c: split, fold and stem words for the full-text index and for
 * queries, so that both see the same terms.  libunistring classifies
 * characters; Snowball (libstemmer) stems.
 */
#include "config.h"

#include "stem.h"

#include <libstemmer.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <unictype.h>
#include <unistr.h>

#include "fold.h"
#include "util.h"

/* Longest word indexed whole; longer ones are cut (a 300-letter "word"
 * is noise, not something anyone will type). */
#define STEM_MAX_WORD	64

/*
 * The stems of the words met last, by a hash of the folded word: one
 * slot each, a word met again finds its stem without Snowball (whose
 * rounds were a third of an import's tokenizing).  News repeats its
 * words, but has many: importing the pool (840,000 words), Snowball
 * ran 498,000 times with 8,192 slots (1,385 M instructions), 282,000
 * with 65,536 (791 M).  6 MB, touched as words come, one stemmer a
 * connection (db_search.c).  A word or stem longer than a slot holds is
 * stemmed each time.
 */
#define STEM_CACHE_SLOTS	65536	/* a power of two */
#define STEM_CACHE_BYTES	47

struct stem_slot {
	uint8_t	klen;		/* 0: empty */
	uint8_t	slen;
	char	key[STEM_CACHE_BYTES];
	char	stem[STEM_CACHE_BYTES];
};

struct stemmer {
	struct sb_stemmer	*ru;
	struct sb_stemmer	*en;
	struct buf		 word;
	struct stem_slot	*cache;
};

static int	first_word(void *, const char *, size_t, size_t, size_t);
static void	stem_cached(struct stemmer *, struct sb_stemmer *,
		    struct buf *);

struct stemmer *
stem_new(void)
{
	struct stemmer	*st = xcalloc(1, sizeof(*st));

	st->cache = xcalloc(STEM_CACHE_SLOTS, sizeof(*st->cache));
	st->ru = sb_stemmer_new("russian", "UTF_8");
	st->en = sb_stemmer_new("english", "UTF_8");
	if (st->ru == NULL || st->en == NULL)
		fatal("cannot start the Snowball stemmers");
	buf_init(&st->word);
	return st;
}

void
stem_free(struct stemmer *st)
{
	if (st == NULL)
		return;
	sb_stemmer_delete(st->ru);
	sb_stemmer_delete(st->en);
	buf_free(&st->word);
	free(st->cache);
	free(st);
}

/*
 * The character classes, with fast paths for ASCII and the Russian
 * alphabet, which are nearly all of the text; libunistring decides the
 * rest.
 */
static inline int
is_mark(ucs4_t c)
{
	/* Greek and Cyrillic hold no mark but U+0483..U+0489. */
	if (c < 0x0300 || (c >= 0x0370 && c <= 0x0482) ||
	    (c >= 0x048a && c <= 0x052f))
		return 0;
	return uc_is_general_category(c, UC_CATEGORY_M);
}

static inline int
is_word_char(ucs4_t c)
{
	if (c < 0x80)
		return (c >= '0' && c <= '9') || ((c | 0x20) >= 'a' &&
		    (c | 0x20) <= 'z');
	if ((c >= 0x0410 && c <= 0x044f) || c == 0x0401 || c == 0x0451)
		return 1;
	return uc_is_property_alphabetic(c) || uc_is_general_category(c,
	    UC_CATEGORY_Nd) || is_mark(c);
}

/* Decodes one character at p (n > 0 bytes left); returns its length. */
static inline int
decode(const uint8_t *p, size_t n, ucs4_t *c)
{
	if (p[0] < 0x80) {
		*c = p[0];
		return 1;
	}
	if (p[0] >= 0xc2 && p[0] < 0xe0 && n >= 2 && (p[1] & 0xc0) == 0x80) {
		*c = ((ucs4_t)(p[0] & 0x1f) << 6) | (p[1] & 0x3f);
		return 2;
	}
	return u8_mbtouc(c, p, n);
}

/*
 * Replaces word w by its stem, stemmed until it stops shrinking (at most
 * three rounds): Snowball takes "-ев" of "Булекпаев" for an ending but
 * only "-а" of "Булекпаева", and "Өскемен"/"Өскемене" likewise; both
 * forms meet at the fixed point.  The cache gives the same stem as
 * Snowball would (the word decides its stemmer: Cyrillic or Latin).
 */
static void
stem_cached(struct stemmer *st, struct sb_stemmer *sb, struct buf *w)
{
	struct stem_slot	*slot;
	const sb_symbol		*stem;
	uint32_t		 h = 2166136261u;
	size_t			 i, klen = w->len;
	int			 k, round;

	for (i = 0; i < w->len; i++)
		h = (h ^ (uint8_t)w->data[i]) * 16777619u;
	slot = &st->cache[h & (STEM_CACHE_SLOTS - 1)];
	if (slot->klen == klen && memcmp(slot->key, w->data, klen) == 0) {
		buf_reset(w);
		buf_add(w, slot->stem, slot->slen);
		return;
	}
	if (klen <= STEM_CACHE_BYTES)
		memcpy(slot->key, w->data, klen);
	for (round = 0; round < 3; round++) {
		stem = sb_stemmer_stem(sb, (const sb_symbol *)w->data,
		    (int)w->len);
		k = sb_stemmer_length(sb);
		if (stem == NULL || k <= 0 || (size_t)k >= w->len)
			break;
		buf_reset(w);
		buf_add(w, stem, (size_t)k);
	}
	if (klen <= STEM_CACHE_BYTES && w->len <= STEM_CACHE_BYTES) {
		slot->klen = (uint8_t)klen;
		slot->slen = (uint8_t)w->len;
		memcpy(slot->stem, w->data, w->len);
	} else
		slot->klen = 0;
}

int
stem_tokenize(struct stemmer *st, const char *s, size_t n, int spans_only,
    stem_token_fn fn, void *ctx)
{
	const uint8_t	*p = (const uint8_t *)s;
	struct sb_stemmer *sb;
	struct buf	*w = &st->word;
	size_t		 off = 0, start, end, letters;
	ucs4_t		 c;
	uint8_t		 enc[6];
	int		 len, k, has_cyr, has_lat, has_digit, rc;

	while (off < n) {
		len = decode(p + off, n - off, &c);
		if (!is_word_char(c) || is_mark(c)) {
			off += (size_t)len;
			continue;
		}
		start = off;
		if (spans_only) {
			while (off < n) {
				len = decode(p + off, n - off, &c);
				if (!is_word_char(c))
					break;
				off += (size_t)len;
			}
			if ((rc = fn(ctx, s + start, off - start, start,
			    off)) != 0)
				return rc;
			continue;
		}
		buf_reset(w);
		letters = 0;
		has_cyr = has_lat = has_digit = 0;
		while (off < n) {
			len = decode(p + off, n - off, &c);
			if (!is_word_char(c))
				break;
			off += (size_t)len;
			if (letters >= STEM_MAX_WORD)
				continue;
			/* Nearly all of the text: Russian letters and ASCII,
			 * folded here without a call. */
			if (c >= 0x0410 && c <= 0x044f) {
				if (c < 0x0430)
					c += 0x20;
				enc[0] = (uint8_t)(0xc0 | (c >> 6));
				enc[1] = (uint8_t)(0x80 | (c & 0x3f));
				buf_add(w, enc, 2);
				has_cyr = 1;
				letters++;
				continue;
			}
			if (c < 0x80) {
				if (c >= 'A' && c <= 'Z')
					c += 0x20;
				if (c >= '0' && c <= '9')
					has_digit = 1;
				else
					has_lat = 1;
				buf_addc(w, (char)c);
				letters++;
				continue;
			}
			if (is_mark(c))
				continue;	/* stress marks fold away */
			c = fold_char(c);
			if (c >= 0x0400 && c <= 0x052f)
				has_cyr = 1;
			else if (c < 0x0250 && uc_is_property_alphabetic(c))
				has_lat = 1;
			else if (uc_is_general_category(c, UC_CATEGORY_Nd))
				has_digit = 1;
			if (c < 0x80)
				buf_addc(w, (char)c);
			else if (c < 0x800) {
				enc[0] = (uint8_t)(0xc0 | (c >> 6));
				enc[1] = (uint8_t)(0x80 | (c & 0x3f));
				buf_add(w, enc, 2);
			} else if ((k = u8_uctomb(enc, c, sizeof(enc))) > 0)
				buf_add(w, enc, (size_t)k);
			letters++;
		}
		end = off;
		if (w->len == 0)
			continue;
		sb = NULL;
		if (!has_digit && has_cyr && !has_lat)
			sb = st->ru;
		else if (!has_digit && has_lat && !has_cyr)
			sb = st->en;
		if (sb != NULL)
			stem_cached(st, sb, w);
		rc = fn(ctx, w->data, w->len, start, end);
		if (rc != 0)
			return rc;
	}
	return 0;
}

static int
first_word(void *ctx, const char *tok, size_t len, size_t start, size_t end)
{
	char	**out = ctx;

	(void)start;
	(void)end;
	*out = xstrndup(tok, len);
	return 1;
}

char *
stem_word(struct stemmer *st, const char *s)
{
	char	*out = NULL;

	stem_tokenize(st, s, strlen(s), 0, first_word, &out);
	return out != NULL ? out : xstrdup("");
}
