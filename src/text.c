/*
 * text.c: UTF-8 validity and normalization, display width, fitting and
 * wrapping for the terminal.  libunistring finds grapheme clusters, line
 * break opportunities and character classes; widths come from wcwidth(),
 * which is what ncursesw uses to place characters.
 */
#include "config.h"

#include "text.h"

#include <langinfo.h>
#include <locale.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <unictype.h>
#include <unigbrk.h>
#include <unilbrk.h>
#include <uninorm.h>
#include <unistr.h>
#include <wchar.h>

#include "abbrev.h"
#include "quotemark.h"
#include "util.h"

/*
 * Grapheme clusters of a run of bytes.  Most news text holds only
 * characters that are always a cluster of their own (see simple_len()),
 * and then the slow u8_grapheme_breaks() is skipped.  gb is reused from
 * call to call; its owner frees it.
 */
struct run {
	const uint8_t	*s;
	size_t		 n;
	int		 simple;	/* one cluster per character */
	int		 plain;		/* simple, and no controls either */
	size_t		 nchars;	/* characters, when plain */
	char		*gb;		/* grapheme breaks, unless simple */
	size_t		 cap;
};

/* One piece of a hard line: the text up to the next break opportunity. */
struct piece {
	size_t	end;		/* where the next piece starts */
	size_t	cend;		/* end of the content, blanks excluded */
	int	width;		/* columns of the content */
	int	shy;		/* the content ends in a soft hyphen */
	int	glued;		/* it spans a TEXT_BREAK_GLUE */
};

/* The state of text_wrap(); s is the whole text. */
struct wrap {
	const uint8_t	*s;
	size_t		 base;		/* offset of the hard line in s */
	size_t		 n;		/* length of the hard line */
	int		 cols;
	char		*lb;		/* break opportunities of the line */
	size_t		 lbcap;
	struct run	 run;
	struct text_line *lines;
	size_t		 nlines;
	size_t		 alloc;
};

/* Our own value in the u8_possible_linebreaks() array: a break that is
 * taken only when the text it would keep together is wider than a line. */
#define TEXT_BREAK_GLUE	100

static enum text_mode	text_mode_current = TEXT_UTF8;

static int	is_utf8_codeset(const char *);
static size_t	simple_len(const uint8_t *, size_t);
static int	is_cf(ucs4_t);
static int	is_line_sep(ucs4_t);
static void	put_uc(struct buf *, ucs4_t);
static int	put_spaces(struct buf *, int);
static int	tab_width(int);
static int	translit(ucs4_t, ucs4_t, struct buf *);
static int	cluster_ascii(const uint8_t *, size_t, int, int,
		    struct buf *);
static int	cluster_put(const uint8_t *, size_t, int, int,
		    struct buf *);
static void	run_set(struct run *, const uint8_t *, size_t);
static size_t	run_next(const struct run *, size_t);
static int	run_width(const struct run *, size_t, size_t, int, int);
static int	sanitize_run(const uint8_t *, size_t, int, struct buf *);
static void	fit_sanitized(const char *, size_t, int, int, int,
		    struct buf *, int *);
static const char *fit_mark(void);
static size_t	hard_break_len(const uint8_t *, size_t);
static int	is_digit_group(const uint8_t *, size_t, size_t, size_t);
static int	is_glue(const uint8_t *, size_t, size_t, ucs4_t);
static void	wrap_rules(const uint8_t *, size_t, char *);
static int	blank_width(const uint8_t *, size_t, size_t, int);
static int	only_punct(const uint8_t *, size_t, size_t);
static void	wrap_piece(struct wrap *, size_t, int, int, struct piece *);
static void	wrap_measure(struct wrap *, size_t, int, struct piece *);
static void	wrap_emit(struct wrap *, size_t, size_t, int, int);
static void	wrap_emit_cut(struct wrap *, size_t, size_t);
static int	wrap_long(struct wrap *, size_t, const struct piece *,
		    size_t *);
static void	wrap_hard(struct wrap *, size_t, size_t);

int
text_utf8_check(const char *s, size_t len, size_t *bad)
{
	const uint8_t	*p = u8_check((const uint8_t *)s, len);

	if (p == NULL)
		return 0;
	if (bad != NULL)
		*bad = (size_t)(p - (const uint8_t *)s);
	return -1;
}

/* Conservative ranges, the text of this field: Latin up to the
 * combining marks, Cyrillic with the Kazakh letters (without its
 * combining marks), dashes, quotation marks and other punctuation,
 * currency signs and the numero sign. */
int
text_nfc_inert(unsigned long c)
{
	return c < 0x300 || (c >= 0x400 && c <= 0x482) ||
	    (c >= 0x48a && c <= 0x52f) || (c >= 0x2010 && c <= 0x2027) ||
	    (c >= 0x2030 && c <= 0x205e) || (c >= 0x20a0 && c <= 0x20c0) ||
	    c == 0x2116;
}

/* Whether s[0..len), valid UTF-8, holds only text_nfc_inert() ones,
 * and so is in NFC as it is. */
static int
nfc_quick(const uint8_t *s, size_t len)
{
	size_t	i = 0;
	ucs4_t	c;
	int	n;

	while (i < len) {
		if (s[i] < 0x80) {
			i++;
			continue;
		}
		if ((n = u8_mbtouc_unsafe(&c, s + i, len - i)) <= 0 ||
		    !text_nfc_inert(c))
			return 0;
		i += (size_t)n;
	}
	return 1;
}

char *
text_nfc(const char *s, size_t len, size_t *outlen)
{
	uint8_t	*r;
	char	*out;
	size_t	 n = 0;

	/* Most news text is in NFC already; libunistring would take some
	 * 160 instructions a byte to say so (12 % of an import). */
	if (nfc_quick((const uint8_t *)s, len)) {
		*outlen = len;
		return xstrndup(s, len);
	}
	r = u8_normalize(UNINORM_NFC, (const uint8_t *)s, len, NULL, &n);
	if (r == NULL)		/* only on exhaustion or invalid input */
		fatal("cannot normalize text");
	out = xstrndup((const char *)r, n);
	free(r);
	*outlen = n;
	return out;
}

/* ------------------------------------------------------------ locale */

static int
is_utf8_codeset(const char *cs)
{
	return strcasecmp(cs, "UTF-8") == 0 || strcasecmp(cs, "UTF8") == 0;
}

enum text_mode
text_locale_setup(char **note)
{
	char		*was;
	int		 is_plain, switched = 0;
	enum text_mode	 mode;

	if (note != NULL)
		*note = NULL;
	if (is_utf8_codeset(nl_langinfo(CODESET))) {
		text_mode_set(TEXT_UTF8);
		return TEXT_UTF8;
	}

	/* setlocale() may overwrite what nl_langinfo() returned. */
	was = xstrdup(nl_langinfo(CODESET));
	is_plain = strcmp(was, "ANSI_X3.4-1968") == 0 ||
	    strcasecmp(was, "ASCII") == 0 || strcasecmp(was, "US-ASCII") == 0;
	if ((setlocale(LC_CTYPE, "C.UTF-8") != NULL ||
	    setlocale(LC_CTYPE, "C.utf8") != NULL ||
	    setlocale(LC_CTYPE, "en_US.UTF-8") != NULL) &&
	    is_utf8_codeset(nl_langinfo(CODESET)))
		switched = 1;

	if (switched && is_plain) {
		mode = TEXT_UTF8;
		if (note != NULL)
			*note = xasprintf("locale has no character set, "
			    "using %s", setlocale(LC_CTYPE, NULL));
	} else {
		mode = TEXT_ASCII;
		if (note != NULL)
			*note = xasprintf("character set %s is not UTF-8, "
			    "showing text in ASCII", was);
	}
	free(was);
	text_mode_set(mode);
	return mode;
}

void
text_mode_set(enum text_mode mode)
{
	text_mode_current = mode;
}

enum text_mode
text_mode_get(void)
{
	return text_mode_current;
}

/* -------------------------------------------------------- characters */

/*
 * Returns the length of the character at s[0..n) when it is "simple":
 * printable, exactly one column, unchanged by sanitizing, and a grapheme
 * cluster of its own whatever surrounds it (unless a mark follows).
 * Returns 0 otherwise.  Covers ASCII, Latin-1, Cyrillic with Kazakh, and
 * the dashes, quotes and currency signs of news text; the unit test
 * checks every one against wcwidth().
 */
static inline size_t
simple_len(const uint8_t *s, size_t n)
{
	ucs4_t	c;

	if (s[0] >= 0x20 && s[0] < 0x7f)
		return 1;
	if (s[0] >= 0xc2 && s[0] < 0xe0) {
		if (n < 2 || (s[1] & 0xc0) != 0x80)
			return 0;
		c = ((ucs4_t)(s[0] & 0x1f) << 6) | (s[1] & 0x3f);
		if ((c >= 0xa0 && c < 0x300 && c != 0xad) ||
		    (c >= 0x400 && c <= 0x482) || (c >= 0x48a && c <= 0x52f))
			return 2;
		return 0;
	}
	if (s[0] == 0xe2 && n >= 3 && (s[1] & 0xc0) == 0x80 &&
	    (s[2] & 0xc0) == 0x80) {
		c = 0x2000 | ((ucs4_t)(s[1] & 0x3f) << 6) | (s[2] & 0x3f);
		if ((c >= 0x2010 && c <= 0x2027) ||
		    (c >= 0x2030 && c <= 0x205e) ||
		    (c >= 0x20a0 && c <= 0x20bf) || c == 0x2116)
			return 3;
	}
	return 0;
}

size_t
text_bidi_control(const char *s, size_t n)
{
	const uint8_t	*p = (const uint8_t *)s;
	ucs4_t		 c;
	int		 k;

	/* All of them are U+061C or in U+2000..U+2FFF. */
	if (n < 2 || (p[0] != 0xd8 && p[0] != 0xe2))
		return 0;
	if ((k = u8_mbtoucr(&c, p, n)) < 0 || !uc_is_property_bidi_control(c))
		return 0;
	return (size_t)k;
}

/* Format characters (Cf), bidi controls among them; the test is cheap
 * for the common scripts. */
static int
is_cf(ucs4_t c)
{
	if (c < 0x600)
		return c == 0xad;
	return uc_is_general_category(c, UC_CATEGORY_Cf);
}

/* Characters that end a line; in a single line they show as a space. */
static int
is_line_sep(ucs4_t c)
{
	return c == '\n' || c == 0x0b || c == 0x0c || c == 0x85 ||
	    c == 0x2028 || c == 0x2029;
}

static void
put_uc(struct buf *out, ucs4_t c)
{
	uint8_t	tmp[6];
	int	k;

	if (out == NULL)
		return;
	k = u8_uctomb(tmp, c, sizeof tmp);
	if (k > 0)
		buf_add(out, tmp, (size_t)k);
}

static int
put_spaces(struct buf *out, int n)
{
	int	i;

	if (out != NULL)
		for (i = 0; i < n; i++)
			buf_addc(out, ' ');
	return n;
}

static inline int
tab_width(int col)
{
	return TEXT_TABSTOP - col % TEXT_TABSTOP;
}

/* Russian а..я (U+0430..U+044F), GOST 7.79-2000 system B, simplified. */
static const char *const text_ru_latin[32] = {
	"a", "b", "v", "g", "d", "e", "zh", "z",
	"i", "j", "k", "l", "m", "n", "o", "p",
	"r", "s", "t", "u", "f", "x", "c", "ch",
	"sh", "shh", "``", "y`", "`", "e`", "yu", "ya"
};

/* Other Cyrillic letters, lower case; the capital is one code point
 * below for the Kazakh letters and 0x50 below for U+0450..U+045F. */
static const struct {
	ucs4_t		 c;
	const char	*latin;
} text_cyr_latin[] = {
	{ 0x451, "yo" }, { 0x454, "ye" }, { 0x456, "i" }, { 0x457, "yi" },
	{ 0x45e, "u``" }, { 0x491, "g`" }, { 0x493, "g`" }, { 0x49b, "q" },
	{ 0x4a3, "n`" }, { 0x4af, "u``" }, { 0x4b1, "u`" }, { 0x4bb, "h" },
	{ 0x4d9, "a`" }, { 0x4e9, "o`" }
};

/*
 * Appends the ASCII form of base (with mark, the first U+0306 or U+0308
 * after it, for NFD й and ё) to out; returns its width.
 */
static int
translit(ucs4_t base, ucs4_t mark, struct buf *out)
{
	const char	*t = NULL;
	ucs4_t		 lower = base;
	size_t		 i, n;
	int		 upper = 0;

	if (base < 0x7f) {
		if (out != NULL)
			buf_addc(out, (char)base);
		return 1;
	}
	if (base >= 0x400 && base < 0x410) {
		lower = base + 0x50;
		upper = 1;
	} else if (base >= 0x410 && base < 0x430) {
		lower = base + 0x20;
		upper = 1;
	} else if (base >= 0x490 && base < 0x500 && base % 2 == 0) {
		lower = base + 1;
		upper = 1;
	}
	if (lower == 0x438 && mark == 0x306)
		lower = 0x439;
	else if (lower == 0x435 && mark == 0x308)
		lower = 0x451;

	if (lower >= 0x430 && lower < 0x450)
		t = text_ru_latin[lower - 0x430];
	for (i = 0; t == NULL && i < sizeof text_cyr_latin /
	    sizeof text_cyr_latin[0]; i++)
		if (text_cyr_latin[i].c == lower)
			t = text_cyr_latin[i].latin;
	if (t == NULL && quotemark_ascii(base) != 0)
		t = quotemark_ascii(base) == '"' ? "\"" : "'";
	if (t == NULL) {
		upper = 0;
		switch (base) {
		case 0x2010: case 0x2011: case 0x2012: case 0x2013:
		case 0x2014: case 0x2015: case 0x2212:
			t = "-";
			break;
		case 0x2026:
			t = "...";
			break;
		case 0x2116:
			t = "No";
			break;
		case 0xa0: case 0x202f: case 0x205f: case 0x3000:
			t = " ";
			break;
		default:
			t = (base >= 0x2000 && base <= 0x200a) ? " " : "?";
			break;
		}
	}
	n = strlen(t);
	if (out != NULL) {
		buf_add(out, t, n);
		if (upper && t[0] >= 'a' && t[0] <= 'z')
			out->data[out->len - n] = (char)(t[0] - 'a' + 'A');
	}
	return (int)n;
}

/* cluster_put() for TEXT_ASCII: one transliterated base per cluster. */
static int
cluster_ascii(const uint8_t *s, size_t n, int col, int tabs,
    struct buf *out)
{
	ucs4_t	c, base = 0, mark = 0;
	size_t	i = 0;
	int	k, w = 0;

	while (i < n) {
		k = u8_mbtoucr(&c, s + i, n - i);
		if (k < 0) {
			i += (size_t)u8_mbtouc(&c, s + i, n - i);
			if (out != NULL)
				buf_addc(out, '?');
			w++;
			continue;
		}
		i += (size_t)k;
		if (c == '\r')
			continue;
		if (c == '\t' && tabs) {
			w += put_spaces(out, tab_width(col + w));
			continue;
		}
		if (c == '\t' || is_line_sep(c)) {
			w += put_spaces(out, 1);
			continue;
		}
		if (c < 0x20 || (c >= 0x7f && c < 0xa0)) {
			if (out != NULL)
				buf_addc(out, '?');
			w++;
			continue;
		}
		if (base == 0) {
			if (!is_cf(c) && !uc_is_general_category(c,
			    UC_CATEGORY_M) && !(c >= 0xfe00 && c <= 0xfe0f))
				base = c;
		} else if (mark == 0 && (c == 0x306 || c == 0x308))
			mark = c;
	}
	if (base != 0)
		w += translit(base, mark, out);
	return w;
}

/*
 * Appends the sanitized form of the one grapheme cluster s[0..n), drawn
 * from column col, to out (which may be NULL) and returns its width.
 * With tabs set, TAB expands to the next tab stop, else it is a space.
 * The rules are listed in text.h.
 */
static int
cluster_put(const uint8_t *s, size_t n, int col, int tabs, struct buf *out)
{
	ucs4_t	c;
	size_t	i = 0;
	int	k, cw, w = 0, has_base = 0, marks = 0, zwj_tail = 0;

	if (text_mode_current == TEXT_ASCII)
		return cluster_ascii(s, n, col, tabs, out);
	while (i < n) {
		k = u8_mbtoucr(&c, s + i, n - i);
		if (k < 0) {		/* an invalid or truncated piece */
			i += (size_t)u8_mbtouc(&c, s + i, n - i);
			put_uc(out, 0xfffd);
			w++;
			has_base = 1;
			continue;
		}
		i += (size_t)k;
		if (c == '\r')
			continue;
		if (c == '\t' && tabs) {
			w += put_spaces(out, tab_width(col + w));
			has_base = 1;
			continue;
		}
		if (c == '\t' || is_line_sep(c)) {
			w += put_spaces(out, 1);
			has_base = 1;
			continue;
		}
		if (c < 0x20 || (c >= 0x7f && c < 0xa0)) {
			put_uc(out, 0xfffd);	/* never send a control */
			w++;
			has_base = 1;
			continue;
		}
		if (zwj_tail)
			continue;
		if (c == 0x200d) {	/* an emoji keeps its first part */
			if (has_base)
				zwj_tail = 1;
			continue;
		}
		if (is_cf(c) || (c >= 0xfe00 && c <= 0xfe0f) ||
		    (c >= 0xe0100 && c <= 0xe01ef))
			continue;
		/* A skin tone, even with no emoji before it: kept there, it
		 * would be dropped when the text is sanitized again. */
		if (c >= 0x1f3fb && c <= 0x1f3ff)
			continue;
		cw = wcwidth((wchar_t)c);
		if (cw < 0) {		/* unassigned here, noncharacter */
			put_uc(out, 0xfffd);
			w++;
			has_base = 1;
		} else if (cw == 0) {	/* a mark: ncurses keeps 5 per cell */
			if (has_base && marks < TEXT_MAX_MARKS) {
				put_uc(out, c);
				marks++;
			}
		} else {
			put_uc(out, c);
			w += cw;
			has_base = 1;
		}
	}
	return w;
}

/* ------------------------------------------------------------ runs */

/* Finds the grapheme clusters of s[0..n) into r. */
static void
run_set(struct run *r, const uint8_t *s, size_t n)
{
	size_t	i = 0, k;

	r->s = s;
	r->n = n;
	r->simple = 1;
	r->plain = 1;
	r->nchars = 0;
	while (i < n) {
		if ((k = simple_len(s + i, n - i)) > 0) {
			i += k;
			r->nchars++;
		} else if ((s[i] < 0x20 && s[i] != '\r') || s[i] == 0x7f) {
			i++;		/* a control is a cluster alone */
			r->plain = 0;
		} else {
			r->plain = 0;
			r->simple = 0;
			break;
		}
	}
	if (r->simple)
		return;
	if (r->cap < n) {
		r->cap = n < 256 ? 256 : n;
		free(r->gb);
		r->gb = xmalloc(r->cap);
	}
	u8_grapheme_breaks(s, n, r->gb);
}

/* Returns the end of the cluster that starts at i. */
static inline size_t
run_next(const struct run *r, size_t i)
{
	if (r->simple) {
		if (r->s[i] < 0x80)
			return i + 1;
		return i + (r->s[i] < 0xe0 ? 2 : 3);
	}
	for (i++; i < r->n && !r->gb[i]; i++)
		continue;
	return i;
}

/* Width of the cluster r->s[a..b) drawn at column col. */
static inline int
run_width(const struct run *r, size_t a, size_t b, int col, int tabs)
{
	if (text_mode_current == TEXT_UTF8 && b - a <= 3 &&
	    simple_len(r->s + a, b - a) == b - a)
		return 1;
	return cluster_put(r->s + a, b - a, col, tabs, NULL);
}

/* Appends the sanitized s[0..n) to out (may be NULL); returns its width.
 * With tabs set, tab stops count from the start of s. */
static int
sanitize_run(const uint8_t *s, size_t n, int tabs, struct buf *out)
{
	struct run	r;
	size_t		a, b;
	int		w = 0;

	memset(&r, 0, sizeof r);
	run_set(&r, s, n);
	if (r.plain && text_mode_current == TEXT_UTF8) {
		if (out != NULL)	/* nothing to change */
			buf_add(out, s, n);
		return (int)r.nchars;
	}
	for (a = 0; a < n; a = b) {
		b = run_next(&r, a);
		if (text_mode_current == TEXT_UTF8 && b - a <= 3 &&
		    simple_len(s + a, b - a) == b - a) {
			if (out != NULL)
				buf_add(out, s + a, b - a);
			w++;
		} else
			w += cluster_put(s + a, b - a, w, tabs, out);
	}
	free(r.gb);
	return w;
}

char *
text_sanitize(const char *s, size_t len, size_t *outlen)
{
	struct buf	b;

	buf_init(&b);
	buf_grow(&b, len);	/* leaves the new storage unterminated */
	b.data[0] = '\0';
	sanitize_run((const uint8_t *)s, len, 0, &b);
	if (outlen != NULL)
		*outlen = b.len;
	return buf_steal(&b);
}

int
text_width(const char *s, size_t len)
{
	return sanitize_run((const uint8_t *)s, len, 0, NULL);
}

/* -------------------------------------------------------------- fit */

/* What marks a cut; one column wide in either mode. */
static const char *
fit_mark(void)
{
	return text_mode_current == TEXT_ASCII ? "~" : "\xe2\x80\xa6";
}

/*
 * Appends the sanitized t[0..n), total columns wide, fitted to cols
 * columns to out: whole if it fits, else cut between clusters with the
 * mark at the right end (or at the left end, keeping the tail, when
 * left is set).  Stores the width in *width.
 */
static void
fit_sanitized(const char *t, size_t n, int total, int cols, int left,
    struct buf *out, int *width)
{
	struct run	r;
	size_t		a, b, cut = 0;
	int		cw, w = 0;

	if (total <= cols) {
		buf_add(out, t, n);
		*width = total;
		return;
	}
	if (cols <= 0) {
		*width = 0;
		return;
	}
	memset(&r, 0, sizeof r);
	run_set(&r, (const uint8_t *)t, n);
	for (a = 0; a < n; a = b) {
		b = run_next(&r, a);
		cw = run_width(&r, a, b, w, 0);
		if (left) {
			if (total - w <= cols - 1)
				break;
		} else if (w + cw > cols - 1)
			break;
		w += cw;
		cut = b;
	}
	free(r.gb);
	if (left) {
		buf_adds(out, fit_mark());
		buf_add(out, t + cut, n - cut);
		*width = total - w + 1;
	} else {
		buf_add(out, t, cut);
		buf_adds(out, fit_mark());
		*width = w + 1;
	}
}

/* s sanitized, then fitted to cols (from its end when left), padded
 * with spaces to cols when pad; its width in *width when not NULL. */
static char *
fit(const char *s, size_t len, int cols, int left, int pad, int *width)
{
	struct buf	t, out;
	int		total, w;

	buf_init(&t);
	buf_init(&out);
	total = sanitize_run((const uint8_t *)s, len, 0, &t);
	fit_sanitized(t.data, t.len, total, cols, left, &out, &w);
	buf_free(&t);
	if (pad && w < cols) {
		put_spaces(&out, cols - w);
		w = cols;
	}
	if (width != NULL)
		*width = w;
	return buf_steal(&out);
}

char *
text_fit(const char *s, size_t len, int cols, int *width)
{
	return fit(s, len, cols, 0, 0, width);
}

char *
text_fit_left(const char *s, size_t len, int cols, int *width)
{
	return fit(s, len, cols, 1, 0, width);
}

char *
text_pad(const char *s, size_t len, int cols)
{
	return fit(s, len, cols, 0, 1, NULL);
}

/* ------------------------------------------------------------- wrap */

/* Length of the line break at s[0..n) (CR LF is one), or 0. */
static inline size_t
hard_break_len(const uint8_t *s, size_t n)
{
	switch (s[0]) {
	case '\n':
	case 0x0b:
	case 0x0c:
		return 1;
	case '\r':
		return n > 1 && s[1] == '\n' ? 2 : 1;
	case 0xc2:
		return n > 1 && s[1] == 0x85 ? 2 : 0;
	case 0xe2:
		return n > 2 && s[1] == 0x80 && (s[2] == 0xa8 ||
		    s[2] == 0xa9) ? 3 : 0;
	default:
		return 0;
	}
}

/*
 * Whether s[..e) ends in a group of one to three digits and s[w..n)
 * starts with exactly three, as in "12 400" typed with a plain space.
 */
static int
is_digit_group(const uint8_t *s, size_t n, size_t e, size_t w)
{
	ucs4_t	c;
	size_t	k;

	for (k = 0; k < e && k < 4 && s[e - 1 - k] >= '0' &&
	    s[e - 1 - k] <= '9'; k++)
		continue;
	if (k == 0 || k > 3)
		return 0;
	for (k = 0; w + k < n && k < 4 && s[w + k] >= '0' && s[w + k] <= '9';
	    k++)
		continue;
	if (k != 3)
		return 0;
	if (w + k == n)
		return 1;
	u8_mbtouc(&c, s + w + k, n - w - k);
	return !uc_is_alnum(c);
}

/*
 * Whether the break before the word at s[i] of s[0..n) (after spaces,
 * first character c) should be taken only when needed: inside a number
 * with spaces between digit groups ("12 400"), after a one-letter word
 * (an initial or abbreviation) or an abbreviation of abbrev.c before a
 * capital or a digit ("г. Алматы", "с. 5", "А. С. Пушкин", "ул. Абая",
 * "млн руб. 5"), or between one-letter abbreviations ("т. е.").
 */
static int
is_glue(const uint8_t *s, size_t n, size_t i, ucs4_t c)
{
	const uint8_t	*p, *q, *w;
	ucs4_t		 letter, before;
	size_t		 word = i;
	int		 k;

	while (i > 0 && s[i - 1] == ' ')
		i--;
	if (i > 0 && is_digit_group(s, n, i, word))
		return 1;
	if (i < 2 || s[i - 1] != '.')
		return 0;
	if ((p = u8_prev(&letter, s + i - 1, s)) == NULL ||
	    !uc_is_alpha(letter))
		return 0;
	/* The word before the point: letters and inner hyphens ("р-н"). */
	for (w = p; w > s; w = q)
		if ((q = u8_prev(&before, w, s)) == NULL ||
		    (!uc_is_alpha(before) && before != '-'))
			break;
	if (w > s && (u8_prev(&before, w, s) == NULL ||
	    uc_is_digit(before)))
		return 0;
	if (w < p)
		return (uc_is_upper(c) || uc_is_digit(c)) &&
		    abbrev_before_point((const char *)w,
		    (size_t)(s + i - 1 - w)) == ABBREV_WORD;
	if (uc_is_upper(c) || uc_is_digit(c))
		return 1;
	/* "т. е.", "т. д.": a lower-case letter glues only to another
	 * one-letter abbreviation, so "т. е. на" may still break. */
	if (!uc_is_lower(letter) || !uc_is_lower(c))
		return 0;
	k = u8_mblen(s + word, n - word);
	return k > 0 && word + (size_t)k < n && s[word + (size_t)k] == '.';
}

/*
 * Corrects the UAX #14 break opportunities lb of the hard line s[0..n)
 * for Russian text and for our handling of blanks.
 */
static void
wrap_rules(const uint8_t *s, size_t n, char *lb)
{
	ucs4_t	c, prev;
	size_t	i;

	for (i = 1; i < n; i++) {
		if (lb[i] == UC_BREAK_MANDATORY ||
		    lb[i] == UC_BREAK_HYPHENATION)
			lb[i] = UC_BREAK_POSSIBLE;
		if (lb[i] != UC_BREAK_POSSIBLE)
			continue;
		/* Blanks stay at the end of the piece before them. */
		if (s[i] == ' ' || s[i] == '\t') {
			lb[i] = UC_BREAK_PROHIBITED;
			continue;
		}
		if (u8_prev(&prev, s + i, s) == NULL)
			continue;
		u8_mbtouc(&c, s + i, n - i);
		if ((prev == '.' || prev == ',' || prev == ':' ||
		    prev == ';') && uc_is_alpha(c))
			lb[i] = UC_BREAK_PROHIBITED;	/* LB29: т.е. */
		else if ((c == 0x2014 || c == 0x2013) && prev == ' ' &&
		    (i + 3 >= n || s[i + 3] == ' ' || s[i + 3] == '\t'))
			lb[i] = UC_BREAK_PROHIBITED;	/* no "— " line start */
		else if (prev == ' ' && is_glue(s, n, i, c))
			lb[i] = TEXT_BREAK_GLUE;
	}
}

/* Columns of the blanks s[a..b) drawn from column col. */
static int
blank_width(const uint8_t *s, size_t a, size_t b, int col)
{
	int	x = col;

	for (; a < b; a++)
		x += s[a] == '\t' ? tab_width(x) : 1;
	return x - col;
}

/* Whether s[a..b) holds only punctuation and blanks (" —", "»."). */
static int
only_punct(const uint8_t *s, size_t a, size_t b)
{
	ucs4_t	c;

	while (a < b) {
		a += (size_t)u8_mbtouc(&c, s + a, b - a);
		if (!uc_is_punct(c) && c != ' ' && c != '\t')
			return 0;
	}
	return 1;
}

/* Measures the piece of the hard line that starts at a, drawn from column
 * col, into pc; glue says whether TEXT_BREAK_GLUE is passed over. */
static void
wrap_piece(struct wrap *w, size_t a, int col, int glue, struct piece *pc)
{
	const uint8_t	*s = w->s + w->base;
	size_t		 i = a, j;
	int		 x = col, cx = col;

	pc->cend = a;
	pc->glued = 0;
	do {
		j = run_next(&w->run, i);
		if (j - i == 1 && (s[i] == ' ' || s[i] == '\t'))
			x += s[i] == '\t' ? tab_width(x) : 1;
		else {
			x += run_width(&w->run, i, j, x, 1);
			pc->cend = j;
			cx = x;
		}
		i = j;
		if (i < w->n && w->lb[i] == TEXT_BREAK_GLUE && glue)
			pc->glued = 1;
	} while (i < w->n && w->lb[i] != UC_BREAK_POSSIBLE &&
	    (w->lb[i] != TEXT_BREAK_GLUE || glue));
	pc->end = i;
	pc->width = cx - col;
	pc->shy = pc->cend >= a + 2 && s[pc->cend - 2] == 0xc2 &&
	    s[pc->cend - 1] == 0xad;
}

/* wrap_piece(), keeping glued words together only if they fit a line. */
static void
wrap_measure(struct wrap *w, size_t a, int col, struct piece *pc)
{
	wrap_piece(w, a, col, 1, pc);
	if (pc->glued && pc->width > w->cols)
		wrap_piece(w, a, col, 0, pc);
}

/* Adds the line s[start..end) of the hard line, width columns. */
static void
wrap_emit(struct wrap *w, size_t start, size_t end, int width, int shy)
{
	struct text_line	*l;

	if (w->nlines == w->alloc) {
		w->alloc = w->alloc == 0 ? 16 : w->alloc * 2;
		w->lines = xreallocarray(w->lines, w->alloc, sizeof *l);
	}
	l = &w->lines[w->nlines++];
	l->start = w->base + start;
	l->end = w->base + end;
	l->hyphen = shy && width < w->cols;
	l->width = width + l->hyphen;
	/* Only a line of one cluster is wider (a wide character in one
	 * column, a spacing mark after a letter, Hangul jamo): it is drawn
	 * as the mark of a cut, one column. */
	if (l->width > w->cols)
		l->width = 1;
}

/*
 * Emits the line [start, end) of the hard line without its trailing
 * blanks, which a piece cut inside (" — !") can leave; measures what is
 * left.  A blank is a cluster of its own: after a Prepend character
 * (U+0600) a space belongs to that character's cluster and stays.
 */
static void
wrap_emit_cut(struct wrap *w, size_t start, size_t end)
{
	const uint8_t	*s = w->s + w->base;
	size_t		 i, j, keep = start;
	int		 x = 0, kx = 0;

	for (i = start; i < end; i = j) {
		j = run_next(&w->run, i);
		x += run_width(&w->run, i, j, x, 1);
		if (j - i > 1 || (s[i] != ' ' && s[i] != '\t')) {
			keep = j;
			kx = x;
		}
	}
	wrap_emit(w, start, keep, kx, 0);
}

/*
 * Lays out a piece wider than a line, which starts a line, cut between
 * grapheme clusters.  Never starts a line with the closing punctuation
 * of the word: one more cluster moves down with it.  Emits all lines but
 * the last, whose start goes in *lstart; returns that line's width.
 */
static int
wrap_long(struct wrap *w, size_t a, const struct piece *pc, size_t *lstart)
{
	const uint8_t	*s = w->s + w->base;
	size_t		 i = a, j, last = a;
	int		 x = 0, cw, w0;

	*lstart = a;
	while (i < pc->cend) {
		j = run_next(&w->run, i);
		cw = run_width(&w->run, i, j, x, 1);
		if (x + cw > w->cols && x > 0) {
			/* Widths are measured again where they move to, as
			 * a TAB's depends on its column. */
			w0 = run_width(&w->run, last, i, 0, 1);
			if (last > *lstart && only_punct(s, i, pc->cend) &&
			    w0 + run_width(&w->run, i, j, w0, 1) <= w->cols) {
				wrap_emit_cut(w, *lstart, last);
				*lstart = last;
				x = w0;
			} else {
				wrap_emit_cut(w, *lstart, i);
				*lstart = i;
				x = 0;
			}
			cw = run_width(&w->run, i, j, x, 1);
		}
		last = i;
		x += cw;
		i = j;
	}
	return x;
}

/* Wraps the hard line s[a..b) (no line break characters in it). */
static void
wrap_hard(struct wrap *w, size_t a, size_t b)
{
	const uint8_t	*s = w->s + a;
	struct piece	 pc;
	size_t		 n = b - a, i = 0, lstart = 0, lend = 0;
	int		 col = 0, lw = 0, shy = 0;

	w->base = a;
	w->n = n;
	if (n == 0) {
		wrap_emit(w, 0, 0, 0, 0);
		return;
	}
	if (w->lbcap < n) {
		w->lbcap = n < 256 ? 256 : n;
		free(w->lb);
		w->lb = xmalloc(w->lbcap);
	}
	u8_possible_linebreaks(s, n, "UTF-8", w->lb);
	wrap_rules(s, n, w->lb);
	run_set(&w->run, s, n);

	while (i < n) {
		wrap_measure(w, i, col, &pc);
		if (lend > lstart && col + pc.width + pc.shy > w->cols) {
			wrap_emit(w, lstart, lend, lw, shy);
			lstart = lend = i;
			col = 0;
			wrap_measure(w, i, col, &pc);
		} else if (lend == lstart && col > 0 &&
		    col + pc.width > w->cols) {
			/* Indentation that leaves no room: drop it. */
			lstart = lend = i;
			col = 0;
			wrap_measure(w, i, col, &pc);
		}
		if (pc.width <= w->cols - col) {
			if (pc.cend > i) {
				lend = pc.cend;
				lw = col + pc.width;
			}
		} else {
			lw = wrap_long(w, i, &pc, &lstart);
			lend = pc.cend;
		}
		col = lw + blank_width(s, lend, pc.end, lw);
		if (lend == lstart)	/* only blanks so far */
			col = blank_width(s, lstart, pc.end, 0);
		shy = pc.shy;
		i = pc.end;
	}
	wrap_emit(w, lstart, lend, lw, 0);
}

size_t
text_wrap(const char *s, size_t len, int cols, struct text_line **lines)
{
	struct wrap	 w;
	const uint8_t	*u = (const uint8_t *)s;
	size_t		 i = 0, start = 0, k;

	memset(&w, 0, sizeof w);
	w.s = u;
	w.cols = cols < 1 ? 1 : cols;
	while (i < len) {
		if ((k = hard_break_len(u + i, len - i)) == 0) {
			i++;
			continue;
		}
		wrap_hard(&w, start, i);
		i += k;
		start = i;
	}
	if (start < len)
		wrap_hard(&w, start, len);
	free(w.lb);
	free(w.run.gb);
	*lines = w.lines;
	return w.nlines;
}

char *
text_line_render(const char *s, const struct text_line *l, size_t *outlen)
{
	struct buf	b, f;
	int		w, fw;

	buf_init(&b);
	w = sanitize_run((const uint8_t *)s + l->start, l->end - l->start, 1,
	    &b);
	if (l->hyphen) {
		buf_addc(&b, '-');
		w++;
	}
	if (w > l->width) {
		/* Only a cluster wider than the line: the mark alone. */
		buf_init(&f);
		fit_sanitized(b.data, b.len, w, l->width, 0, &f, &fw);
		buf_free(&b);
		b = f;
	}
	if (outlen != NULL)
		*outlen = b.len;
	return buf_steal(&b);
}

int
text_line_col(const char *s, const struct text_line *l, size_t off)
{
	struct run	r;
	size_t		a, b;
	int		x = 0, max = l->width - l->hyphen;

	if (off <= l->start)
		return 0;
	if (off >= l->end)
		return max;
	memset(&r, 0, sizeof r);
	run_set(&r, (const uint8_t *)s + l->start, l->end - l->start);
	for (a = 0; a < r.n; a = b) {
		b = run_next(&r, a);
		if (l->start + b > off)
			break;
		x += run_width(&r, a, b, x, 1);
	}
	free(r.gb);
	return x < max ? x : max;
}
