/*
 * fuzz_text.c: libFuzzer target for text.c.  The first input byte gives
 * a width (cols -2 to 200 for fitting, at least 1 for wrapping), the
 * second the mode (bit 0: TEXT_ASCII); the rest is the text, any bytes.
 *
 * Checked, with widths measured by wcswidth() rather than by text.c:
 * text_utf8_check() agrees with an independent validator; text_nfc() is
 * stable; text_sanitize() gives valid UTF-8 without control characters
 * (printable ASCII in TEXT_ASCII), of the length it reports, unchanged by
 * a second pass; text_width() is the width of that; text_fit(),
 * text_fit_left() and text_pad() keep to cols and cut only at the end
 * they promise; and text_wrap() obeys what tests/t_wrap.c asserts: every
 * rendered line is as wide as its width and no wider than cols, holds no
 * control character, spans are in order with only blanks and line breaks
 * between them and give back the sanitized text, no span ends in a blank,
 * no line starts with a spaced dash that could have stayed with the word
 * before it, and text_line_col() grows from 0 to the line's width.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>
#include <unigbrk.h>
#include <unistr.h>

#include "fuzz.h"
#include "text.h"
#include "util.h"

static int	is_gap(const char *, size_t, size_t);
static void	check_utf8(const char *, size_t);
static void	check_clean(const char *, const char *, size_t);
static char	*check_sanitize(const char *, size_t);
static void	check_fit(const char *, size_t, const char *, int, int);
static int	dash_could_stay(const char *, size_t,
		    const struct text_line *, const struct text_line *, int);
static int	ends_in_blank(const char *, const struct text_line *);
static void	check_line_col(const char *, const struct text_line *);
static void	check_wrap(const char *, size_t, int, const char *);

/* Whether s[a..b) holds only blanks and line breaks (as in t_wrap.c). */
static int
is_gap(const char *s, size_t a, size_t b)
{
	const unsigned char	*u = (const unsigned char *)s;

	while (a < b) {
		if (u[a] != '\0' && strchr(" \t\n\r\v\f", u[a]) != NULL)
			a++;
		else if (b - a >= 2 && u[a] == 0xc2 && u[a + 1] == 0x85)
			a += 2;
		else if (b - a >= 3 && u[a] == 0xe2 && u[a + 1] == 0x80 &&
		    (u[a + 2] == 0xa8 || u[a + 2] == 0xa9))
			a += 3;
		else
			return 0;
	}
	return 1;
}

static void
check_utf8(const char *s, size_t n)
{
	size_t	 good = fuzz_utf8_prefix(s, n), bad = (size_t)-1, nn, nn2;
	char	*t, *t2;
	int	 rc = text_utf8_check(s, n, &bad);

	if ((rc == 0) != (good == n) || (rc != 0 && bad != good))
		fuzz_fail("text_utf8_check() gives %d at %zu, the valid "
		    "prefix is %zu of %zu bytes", rc, bad, good, n);
	t = text_nfc(s, good, &nn);
	if (nn != strlen(t) && memchr(s, '\0', good) == NULL)
		fuzz_fail("text_nfc() length %zu is not its strlen", nn);
	if (fuzz_utf8_prefix(t, nn) != nn)
		fuzz_fail("text_nfc() gives invalid UTF-8");
	t2 = text_nfc(t, nn, &nn2);
	if (nn2 != nn || memcmp(t, t2, nn) != 0)
		fuzz_fail("text_nfc() is not stable");
	free(t2);
	free(t);
}

/* A string for the terminal: valid UTF-8 without controls, of length n,
 * printable ASCII in TEXT_ASCII. */
static void
check_clean(const char *what, const char *s, size_t n)
{
	size_t	i;

	if (strlen(s) != n)
		fuzz_fail("%s: length %zu, strlen %zu", what, n, strlen(s));
	if (fuzz_utf8_prefix(s, n) != n)
		fuzz_fail("%s: invalid UTF-8 '%s'", what, s);
	if ((i = fuzz_control_find(s, n)) != n)
		fuzz_fail("%s: control character at %zu", what, i);
	if (text_mode_get() == TEXT_ASCII)
		for (i = 0; i < n; i++)
			if ((unsigned char)s[i] < 0x20 ||
			    (unsigned char)s[i] > 0x7e)
				fuzz_fail("%s: byte 0x%02x in ASCII mode",
				    what, (unsigned char)s[i]);
}

/* Returns text_sanitize(s, n) after checking it; the caller frees it. */
static char *
check_sanitize(const char *s, size_t n)
{
	char	*t, *t2;
	size_t	 tn, tn2;
	int	 w, sw;

	t = text_sanitize(s, n, &tn);
	check_clean("text_sanitize()", t, tn);
	t2 = text_sanitize(t, tn, &tn2);
	if (tn2 != tn || memcmp(t, t2, tn) != 0)
		fuzz_fail("text_sanitize() is not stable: '%s', then '%s'",
		    t, t2);
	free(t2);
	w = text_width(s, n);
	sw = fuzz_screen_width(t);
	if (w != sw)
		fuzz_fail("text_width() %d, wcswidth() of the sanitized "
		    "text %d: '%s'", w, sw, t);
	if (text_width(t, tn) != w)
		fuzz_fail("the sanitized text has another width");
	return t;
}

/* The three fitting functions against the sanitized text t. */
static void
check_fit(const char *s, size_t n, const char *t, int total, int cols)
{
	const char	*mark = text_mode_get() == TEXT_ASCII ? "~" :
			    "\xe2\x80\xa6";
	size_t		 ml = strlen(mark), tn = strlen(t), fn;
	char		*f;
	int		 fw, sw;

	f = text_fit(s, n, cols, &fw);
	fn = strlen(f);
	check_clean("text_fit()", f, fn);
	sw = fuzz_screen_width(f);
	if (sw != fw || (cols > 0 && fw > cols) || (cols <= 0 && fn != 0))
		fuzz_fail("text_fit(%d) says %d columns, is %d: '%s'", cols,
		    fw, sw, f);
	if (total <= cols && strcmp(f, t) != 0)
		fuzz_fail("text_fit(%d) cut a text %d wide", cols, total);
	if (total > cols && cols > 0 && (fn < ml ||
	    strcmp(f + fn - ml, mark) != 0 || memcmp(f, t, fn - ml) != 0))
		fuzz_fail("text_fit(%d) is not a head and the mark: '%s'",
		    cols, f);
	free(f);

	f = text_fit_left(s, n, cols, &fw);
	fn = strlen(f);
	check_clean("text_fit_left()", f, fn);
	sw = fuzz_screen_width(f);
	if (sw != fw || (cols > 0 && fw > cols) || (cols <= 0 && fn != 0))
		fuzz_fail("text_fit_left(%d) says %d columns, is %d: '%s'",
		    cols, fw, sw, f);
	if (total <= cols && strcmp(f, t) != 0)
		fuzz_fail("text_fit_left(%d) cut a text %d wide", cols,
		    total);
	if (total > cols && cols > 0 && (fn < ml ||
	    memcmp(f, mark, ml) != 0 ||
	    memcmp(f + ml, t + tn - (fn - ml), fn - ml) != 0))
		fuzz_fail("text_fit_left(%d) is not the mark and a tail: "
		    "'%s'", cols, f);
	free(f);

	f = text_pad(s, n, cols);
	fn = strlen(f);
	check_clean("text_pad()", f, fn);
	sw = fuzz_screen_width(f);
	if (sw != (cols > 0 ? cols : 0))
		fuzz_fail("text_pad(%d) is %d columns: '%s'", cols, sw, f);
	free(f);
}

/*
 * Whether line l of s[0..len), after line prev of the same paragraph,
 * starts with a spaced dash that could have stayed with the word before
 * it.  That is when a word follows the dash (so nothing glues to the
 * dash's right: "— !" may move as a whole) and the word before, the
 * spaces and the dash fit in cols.
 */
static int
dash_could_stay(const char *s, size_t len, const struct text_line *prev,
    const struct text_line *l, int cols)
{
	const unsigned char	*u = (const unsigned char *)s;
	size_t			 a, i = l->start;

	if (l->start == 0 || s[l->start - 1] != ' ' || len - i < 5 ||
	    (strncmp(s + i, "— ", 4) != 0 && strncmp(s + i, "– ", 4) != 0))
		return 0;
	if (!((u[i + 4] >= 'a' && u[i + 4] <= 'z') ||
	    (u[i + 4] >= 'A' && u[i + 4] <= 'Z') ||
	    (u[i + 4] >= '0' && u[i + 4] <= '9') ||
	    ((u[i + 4] == 0xd0 || u[i + 4] == 0xd1) && len - i >= 6 &&
	    (u[i + 5] & 0xc0) == 0x80)))
		return 0;
	for (a = prev->end; a < l->start; a++)
		if (s[a] != ' ')
			return 0;
	if (prev->hyphen)
		return 0;
	/* A space the previous line ends in belongs to its last cluster
	 * (after a Prepend character such as U+0600): it is part of the
	 * word before, not a blank between. */
	a = prev->end < l->start ? prev->end : l->start - 1;
	while (a > prev->start && s[a - 1] != ' ')
		a--;
	return text_width(s + a, l->start + 3 - a) <= cols;
}

/*
 * Whether line l of s ends in a blank that is a grapheme cluster of its
 * own: after a Prepend character (U+0600 ARABIC NUMBER SIGN) a space is
 * part of its cluster, and the wrapper rightly keeps it.
 */
static int
ends_in_blank(const char *s, const struct text_line *l)
{
	const uint8_t	*u = (const uint8_t *)s, *p;
	ucs4_t		 c;

	if (l->end == l->start || (s[l->end - 1] != ' ' &&
	    s[l->end - 1] != '\t'))
		return 0;
	p = u8_prev(&c, u + l->end - 1, u + l->start);
	return p == NULL || uc_graphemeclusterbreak_property(c) !=
	    GBP_PREPEND;
}

/* text_line_col() at the start of each character (at most 8 of them),
 * and at both ends. */
static void
check_line_col(const char *s, const struct text_line *l)
{
	size_t	off, step = (l->end - l->start) / 8 + 1;
	int	col, last = 0, max = l->width - l->hyphen;

	if (text_line_col(s, l, l->start) != 0)
		fuzz_fail("text_line_col() at the line start is not 0");
	for (off = l->start; off < l->end; off += step) {
		while (off < l->end && !fuzz_char_start(s, l->end, off))
			off++;
		col = text_line_col(s, l, off);
		if (col < last || col > max)
			fuzz_fail("text_line_col() at %zu is %d, after %d, "
			    "line width %d", off, col, last, max);
		last = col;
	}
	if (text_line_col(s, l, l->end) != max)
		fuzz_fail("text_line_col() at the line end is not %d", max);
}

static void
check_wrap(const char *s, size_t len, int cols, const char *all)
{
	struct text_line	*l;
	struct buf		 joined;
	size_t			 i, n, pos = 0, rn;
	char			*r, *t;
	int			 sw, wcols = cols < 1 ? 1 : cols;

	buf_init(&joined);
	buf_adds(&joined, "");
	n = text_wrap(s, len, cols, &l);
	if ((n == 0) != (l == NULL))
		fuzz_fail("text_wrap() gives %zu lines in %p", n, (void *)l);
	for (i = 0; i < n; i++) {
		r = text_line_render(s, &l[i], &rn);
		check_clean("text_line_render()", r, rn);
		sw = fuzz_screen_width(r);
		if (sw != l[i].width || sw > wcols)
			fuzz_fail("line %zu at %d columns: width %d, "
			    "wcswidth %d: '%s'", i, wcols, l[i].width, sw, r);
		if (l[i].start < pos || l[i].end < l[i].start ||
		    l[i].end > len || !is_gap(s, pos, l[i].start))
			fuzz_fail("line %zu spans %zu-%zu after %zu: out of "
			    "order, or more than blanks between", i,
			    l[i].start, l[i].end, pos);
		t = text_sanitize(s + pos, l[i].start - pos, NULL);
		buf_adds(&joined, t);
		free(t);
		t = text_sanitize(s + l[i].start, l[i].end - l[i].start,
		    NULL);
		buf_adds(&joined, t);
		free(t);
		pos = l[i].end;
		if (ends_in_blank(s, &l[i]))
			fuzz_fail("line %zu at %d columns ends in a blank: "
			    "'%s'", i, wcols, r);
		if (i > 0 && dash_could_stay(s, len, &l[i - 1], &l[i], wcols))
			fuzz_fail("line %zu at %d columns starts with a "
			    "spaced dash", i, wcols);
		check_line_col(s, &l[i]);
		free(r);
	}
	free(l);
	if (!is_gap(s, pos, len))
		fuzz_fail("text after the last line: %zu of %zu", pos, len);
	t = text_sanitize(s + pos, len - pos, NULL);
	buf_adds(&joined, t);
	free(t);
	if (strcmp(all, joined.data) != 0)
		fuzz_fail("the lines at %d columns do not give back the "
		    "sanitized text:\n'%s'\n'%s'", wcols, joined.data, all);
	buf_free(&joined);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const char	*s;
	char		*t;
	size_t		 n;
	int		 cols, total;

	if (size < 2)
		return 0;
	cols = (int)(data[0] % 203) - 2;
	text_mode_set(data[1] & 1 ? TEXT_ASCII : TEXT_UTF8);
	s = (const char *)data + 2;
	n = size - 2;

	check_utf8(s, n);
	t = check_sanitize(s, n);
	total = text_width(s, n);
	check_fit(s, n, t, total, cols);
	check_wrap(s, n, cols, t);
	free(t);
	text_mode_set(TEXT_UTF8);
	return 0;
}
