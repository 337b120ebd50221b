/*
 * t_text.c: unit tests for text.c: sanitizing, widths, fitting, the
 * transliteration mode, and the 99 measured vectors of
 * tests/vectors/width-vectors.tsv (a missing file fails).
 */
#include "config.h"

#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <wchar.h>

#include <unictype.h>
#include <uninorm.h>
#include <unistr.h>

#include "tap.h"
#include "text.h"
#include "util.h"

static void	check_width(const char *, int, const char *);
static void	check_sanitize(const char *, size_t, const char *,
		    const char *);
static void	check_fit(const char *, int, const char *, int,
		    const char *);
static void	test_basic(void);
static void	test_fit(void);
static void	test_simple_ranges(void);
static void	test_ascii(void);
static void	test_line_col(void);
static void	test_locale(void);
static size_t	unhex(const char *, char *);
static size_t	unesc(const char *, char *);
static void	test_vectors(void);

static void
check_width(const char *s, int want, const char *name)
{
	int	got = text_width(s, strlen(s));

	if (!ok(got == want, "width: %s", name))
		tap_diag("got %d, want %d", got, want);
}

/* Checks text_sanitize(s, len); len 0 means strlen(s). */
static void
check_sanitize(const char *s, size_t len, const char *want,
    const char *name)
{
	char	*got;

	if (len == 0)
		len = strlen(s);
	got = text_sanitize(s, len, NULL);
	is(got, want, name);
	free(got);
}

static void
check_fit(const char *s, int cols, const char *want, int wantw,
    const char *name)
{
	char	*got;
	int	 w;

	got = text_fit(s, strlen(s), cols, &w);
	is(got, want, name);
	if (!ok(w == wantw, "fit width: %s", name))
		tap_diag("got %d, want %d", w, wantw);
	free(got);
}

static void
test_basic(void)
{
	check_width("", 0, "empty string is 0 columns");
	check_width("Hello", 5, "Latin is one column a letter");
	check_width("Привет", 6, "Cyrillic is one column a letter");
	check_width("«Привет»", 8, "guillemets are one column each");
	check_width("Аманат — партия", 15, "em dash is one column");
	check_width("Қазақстан Халық Кеңесі", 22, "Kazakh letters");
	check_width("за\xcc\x81мок", 5, "combining acute adds nothing");
	check_width("мои\xcc\x86", 3, "NFD й is one column");
	check_width("中文", 4, "CJK ideographs are two columns");
	check_width("Казахстан 哈萨克斯坦", 20, "Cyrillic and CJK mixed");
	check_width("\xf0\x9f\x91\x8d\xf0\x9f\x8f\xbd", 2,
	    "skin tone is dropped");
	check_width("\xf0\x9f\x91\xa8\xe2\x80\x8d\xf0\x9f\x91\xa9", 2,
	    "ZWJ sequence keeps its first emoji");
	check_width("об\xc2\xadщий", 5, "soft hyphen has no width");
	check_width("a\tb", 3, "TAB is one space in a single line");
	check_width("\x1b[31mred", 8, "ESC is one replacement column");
	check_width("\xcf\xf0\xe8", 3, "CP1251 bytes: one column each");

	check_sanitize("\x1b[31mкрасный\x1b[0m", 0,
	    "\xef\xbf\xbd[31mкрасный\xef\xbf\xbd[0m",
	    "ESC becomes U+FFFD");
	check_sanitize("a\xc2\x9b" "31m", 0, "a\xef\xbf\xbd" "31m",
	    "C1 CSI becomes U+FFFD");
	check_sanitize("a\x00z", 3, "a\xef\xbf\xbdz",
	    "NUL inside the length becomes U+FFFD");
	check_sanitize("стро\r\nка\x0b", 0, "стро ка ",
	    "CR dropped, LF and VT are spaces");
	check_sanitize("\xef\xbb\xbfЗа\xe2\x80\x8bголовок", 0,
	    "Заголовок", "BOM and zero-width space dropped");
	check_sanitize("\xe2\x80\xae" "абв\xe2\x80\xac", 0, "абв",
	    "bidi override dropped");
	check_sanitize("\xcc\x81" "абв", 0, "абв",
	    "a mark without a base is dropped");
	check_sanitize("a\xcc\x81\xcc\x82\xcc\x83\xcc\x84\xcc\x85\xcc\x86",
	    0, "a\xcc\x81\xcc\x82\xcc\x83\xcc\x84",
	    "at most four marks on a base");
	check_sanitize("\xe2\x9d\xa4\xef\xb8\x8f", 0, "\xe2\x9d\xa4",
	    "variation selector dropped");
	check_sanitize("\xd0\xbf\xd1", 0, "п\xef\xbf\xbd",
	    "truncated sequence at the end is U+FFFD");
	check_sanitize("5\xc2\xa0" "000", 0, "5\xc2\xa0" "000",
	    "no-break space is kept");
	/* Found by fuzz_text: a skin tone with no emoji before it was
	 * kept, then dropped by a second pass (after the space that LF
	 * became), so sanitized text changed width when sanitized again. */
	check_sanitize("\n\xf0\x9f\x8f\xbd", 0, " ",
	    "a skin tone after a line break is dropped");
	check_sanitize("\x01\xf0\x9f\x8f\xbd", 0, "\xef\xbf\xbd",
	    "a skin tone after a control is dropped");
	check_width("\n\xe2\x80\x8d\xf0\x9f\x8f\xbd", 1,
	    "a skin tone after a lone ZWJ is dropped");
}

static void
test_fit(void)
{
	char	*s;
	int	 w;

	check_fit("Привет, мир", 11, "Привет, мир", 11, "fits exactly");
	check_fit("Привет, мир", 10, "Привет, м…", 10, "cut with ellipsis");
	check_fit("Привет", 1, "…", 1, "one column is the ellipsis");
	check_fit("Привет", 0, "", 0, "zero columns is empty");
	check_fit("中文字", 4, "中…", 3, "never half a wide character");
	check_fit("за\xcc\x81мок", 3, "за\xcc\x81…", 3,
	    "a mark stays with its letter");
	check_fit("\x1b[31m", 3, "\xef\xbf\xbd[…", 3,
	    "fitting sanitizes first");

	s = text_fit_left("/home/user/news/article.txt", 27, 12, &w);
	is(s, "…article.txt", "fit from the left keeps the tail");
	ok(w == 12, "fit from the left: width");
	free(s);
	s = text_fit_left("Қазақстан", 18, 20, &w);
	is(s, "Қазақстан", "fit from the left: short text unchanged");
	free(s);

	s = text_pad("Мир", 6, 6);
	is(s, "Мир   ", "pad adds spaces to the width");
	free(s);
	s = text_pad("Казахстан", 18, 6);
	is(s, "Казах…", "pad cuts a long text");
	free(s);
	s = text_pad("中文", 6, 3);
	is(s, "中…", "pad: a wide character that fits stays");
	ok(text_width(s, strlen(s)) == 3, "pad width is exact");
	free(s);
}

/*
 * text.c skips its slow path for "simple" characters, assuming they are
 * one column; check that wcwidth() agrees on every one of them.
 */
static void
test_simple_ranges(void)
{
	static const unsigned	 ranges[][2] = {
		{ 0x20, 0x7e }, { 0xa0, 0x2ff }, { 0x400, 0x482 },
		{ 0x48a, 0x52f }, { 0x2010, 0x2027 }, { 0x2030, 0x205e },
		{ 0x20a0, 0x20bf }, { 0x2116, 0x2116 }
	};
	unsigned		 c, bad = 0;
	size_t			 i;

	for (i = 0; i < sizeof ranges / sizeof ranges[0]; i++)
		for (c = ranges[i][0]; c <= ranges[i][1]; c++)
			if (c != 0xad && wcwidth((wchar_t)c) != 1) {
				tap_diag("U+%04X has width %d", c,
				    wcwidth((wchar_t)c));
				bad++;
			}
	ok(bad == 0, "every simple character is one column in wcwidth");
}

static void
test_ascii(void)
{
	char	*s;
	int	 w;

	text_mode_set(TEXT_ASCII);
	check_sanitize("Щука и ёж", 0, "Shhuka i yozh",
	    "ASCII: Russian transliterated");
	check_sanitize("Қазақстан Халық Кеңесі", 0,
	    "Qazaqstan Xaly`q Ken`esi", "ASCII: Kazakh transliterated");
	check_sanitize("«Съезд» — объявлен…", 0,
	    "\"S``ezd\" - ob``yavlen...", "ASCII: punctuation");
	check_sanitize("„Да“ “no” ‘a’ ‚b‘ ‹c› ‟d” ‛e’", 0,
	    "\"Da\" \"no\" 'a' 'b' 'c' \"d\" 'e'",
	    "ASCII: every quotation mark, double and single");
	check_sanitize("мои\xcc\x86 е\xcc\x88", 0, "moj yo",
	    "ASCII: NFD й and ё");
	check_sanitize("\x1b[0m中\xcc\x81", 0, "?[0m?",
	    "ASCII: control and CJK become ?");
	check_width("Щука", 6, "ASCII: width is the transliteration");
	s = text_fit("Щука", 8, 4, &w);
	is(s, "Shh~", "ASCII: fit marks the cut with ~");
	ok(w == 4, "ASCII: fit width");
	free(s);
	text_mode_set(TEXT_UTF8);
	ok(text_mode_get() == TEXT_UTF8, "mode set back to UTF-8");
}

static void
test_line_col(void)
{
	const char		*s = "Круглый стол «Новая Конституция»";
	struct text_line	*l;
	size_t			 n, off;

	n = text_wrap(s, strlen(s), 20, &l);
	ok(n == 2, "two lines at 20 columns");
	off = (size_t)(strstr(s, "стол") - s);
	ok(text_line_col(s, &l[0], off) == 8, "column of a word on line 1");
	off = (size_t)(strstr(s, "Новая") - s);
	ok(text_line_col(s, &l[0], off) == 14, "column after a guillemet");
	off = (size_t)(strstr(s, "ституция") - s);
	ok(text_line_col(s, &l[1], off) == 3, "column of a word on line 2");
	ok(text_line_col(s, &l[1], off + 1) == 3,
	    "inside a character is its column");
	ok(text_line_col(s, &l[1], strlen(s)) == l[1].width,
	    "column of the end is the line width");
	ok(text_line_col(s, &l[1], 0) == 0, "before the line is column 0");
	free(l);
}

/* In the plain C locale, text_locale_setup() moves to C.UTF-8. */
static void
test_locale(void)
{
	char	*note = NULL, *was;

	was = xstrdup(setlocale(LC_CTYPE, NULL));
	if (setlocale(LC_CTYPE, "C") == NULL) {
		ok(1, "# SKIP cannot set the C locale");
		free(was);
		return;
	}
	ok(text_locale_setup(&note) == TEXT_UTF8 && note != NULL,
	    "C locale: switched to UTF-8, with a note");
	ok(text_width("Привет", strlen("Привет")) == 6,
	    "C locale: widths work after the switch");
	if (note != NULL)
		tap_diag("note: %s", note);
	free(note);
	setlocale(LC_CTYPE, was);
	ok(text_locale_setup(&note) == TEXT_UTF8 && note == NULL,
	    "UTF-8 locale: nothing to say");
	free(was);
}

/* Decodes hex digits into out; returns the byte count. */
static size_t
unhex(const char *h, char *out)
{
	size_t		n = 0;
	unsigned	b;

	while (h[0] != '\0' && h[1] != '\0' && sscanf(h, "%2x", &b) == 1) {
		out[n++] = (char)b;
		h += 2;
	}
	out[n] = '\0';
	return n;
}

/* Undoes the escaping of width-vectors.tsv (\\ \t \n \r \xNN). */
static size_t
unesc(const char *s, char *out)
{
	size_t		n = 0;
	unsigned	b;

	while (*s != '\0') {
		if (s[0] != '\\') {
			out[n++] = *s++;
			continue;
		}
		switch (s[1]) {
		case 't':
			out[n++] = '\t';
			break;
		case 'n':
			out[n++] = '\n';
			break;
		case 'r':
			out[n++] = '\r';
			break;
		case 'x':
			if (sscanf(s + 2, "%2x", &b) == 1)
				out[n++] = (char)b;
			s += 2;
			break;
		default:
			out[n++] = s[1];
			break;
		}
		s += 2;
	}
	out[n] = '\0';
	return n;
}

/* Field numbers (from 0) of width-vectors.tsv, found from its header. */
enum { V_ID, V_HEX, V_PW, V_PS, V_FW, V_FS, V_MAX };

static void
test_vectors(void)
{
	static const char	*names[V_MAX] = { "id", "hex",
	    "policy_width", "policy_string", "fit12_width", "fit12_string" };
	const char		*top = getenv("top_srcdir");
	char			*path, *line = NULL, *f[64], *p, *got;
	char			 in[4096], want[4096], name[160];
	size_t			 cap = 0, n, gotlen;
	int			 col[V_MAX], nf, i, j, rows = 0, w, gw;
	FILE			*fp;

	path = xasprintf("%s/tests/vectors/width-vectors.tsv",
	    top != NULL ? top : ".");
	if ((fp = fopen(path, "r")) == NULL) {
		ok(0, "the width vectors: cannot read %s", path);
		free(path);
		return;
	}
	for (i = 0; i < V_MAX; i++)
		col[i] = -1;
	while (getline(&line, &cap, fp) != -1) {
		line[strcspn(line, "\n")] = '\0';
		for (nf = 0, p = line; nf < 64; nf++) {
			f[nf] = p;
			if ((p = strchr(p, '\t')) == NULL) {
				nf++;
				break;
			}
			*p++ = '\0';
		}
		if (col[0] == -1) {	/* the header */
			for (i = 0; i < V_MAX; i++)
				for (j = 0; j < nf; j++)
					if (strcmp(f[j], names[i]) == 0)
						col[i] = j;
			for (i = 0; i < V_MAX; i++)
				if (col[i] == -1 || col[i] >= nf)
					break;
			if (!ok(i == V_MAX, "vector file has all columns"))
				break;
			continue;
		}
		if (nf <= col[V_FS] ||
		    strlen(f[col[V_HEX]]) / 2 >= sizeof in ||
		    strlen(f[col[V_PS]]) >= sizeof want ||
		    strlen(f[col[V_FS]]) >= sizeof want)
			continue;
		rows++;
		n = unhex(f[col[V_HEX]], in);

		w = text_width(in, n);
		if (!ok(w == atoi(f[col[V_PW]]), "vector %s: width",
		    f[col[V_ID]]))
			tap_diag("got %d, want %s", w, f[col[V_PW]]);

		unesc(f[col[V_PS]], want);
		got = text_sanitize(in, n, &gotlen);
		snprintf(name, sizeof name, "vector %s: sanitized",
		    f[col[V_ID]]);
		is(got, want, name);
		ok(gotlen == strlen(got), "vector %s: sanitized length",
		    f[col[V_ID]]);
		free(got);

		unesc(f[col[V_FS]], want);
		got = text_fit(in, n, 12, &gw);
		snprintf(name, sizeof name, "vector %s: fit12", f[col[V_ID]]);
		is(got, want, name);
		if (!ok(gw == atoi(f[col[V_FW]]), "vector %s: fit12 width",
		    f[col[V_ID]]))
			tap_diag("got %d, want %s", gw, f[col[V_FW]]);
		free(got);
	}
	ok(rows == 99, "read 99 vectors (%d)", rows);
	free(line);
	fclose(fp);
	free(path);
}

/* text_nfc(): the quick path (text already in NFC) must agree with
 * libunistring's normalization. */
static void
test_nfc(void)
{
	static const struct { const char *in, *want, *name; } c[] = {
		{ "\xd0\x95\xcc\x88\xd0\xbb\xd0\xba\xd0\xb0",
		  "\xd0\x81\xd0\xbb\xd0\xba\xd0\xb0",
		  "Cyrillic E and a combining diaeresis compose" },
		{ "\xd2\x9a\xd0\xb0\xd0\xb7\xd0\xb0\xd2\x9b "
		  "\xc2\xab\xd2\xa2\xd3\x99\xd2\xb1\xc2\xbb \xe2\x84\x96 5",
		  "\xd2\x9a\xd0\xb0\xd0\xb7\xd0\xb0\xd2\x9b "
		  "\xc2\xab\xd2\xa2\xd3\x99\xd2\xb1\xc2\xbb \xe2\x84\x96 5",
		  "Kazakh letters, guillemets and the numero sign stay" },
		{ "\xe2\x84\xa6 \xe2\x80\x80", "\xce\xa9 \xe2\x80\x82",
		  "singletons (ohm, en quad) become their canonical forms" },
		{ "cafe\xcc\x81", "caf\xc3\xa9", "Latin e and an acute compose" },
		{ "\xea\xb0\x80", "\xea\xb0\x80", "a Hangul syllable stays" }
	};
	uint32_t	 dec[UC_DECOMPOSITION_MAX_LENGTH];
	unsigned long	 u, bad = 0, seconds = 0, first = 0;
	size_t		 i, n;
	char		*got;
	int		 k;

	for (i = 0; i < sizeof(c) / sizeof(c[0]); i++) {
		got = text_nfc(c[i].in, strlen(c[i].in), &n);
		ok(strcmp(got, c[i].want) == 0 && n == strlen(c[i].want),
		    "text_nfc: %s", c[i].name);
		free(got);
	}
	/* Every character said to be inert is its own NFC, of class 0... */
	for (u = 0; u < 0x110000; u++) {
		uint8_t	 in[8], *r;
		size_t	 inlen, rlen = 0;

		if (!text_nfc_inert(u))
			continue;
		if (u >= 0xd800 && u <= 0xdfff) {
			if (bad++ == 0)
				first = u;
			continue;
		}
		inlen = (size_t)u8_uctomb(in, (ucs4_t)u, sizeof(in));
		r = u8_normalize(UNINORM_NFC, in, inlen, NULL, &rlen);
		if (r == NULL || rlen != inlen || memcmp(r, in, inlen) != 0 ||
		    uc_combining_class((ucs4_t)u) != 0) {
			if (bad++ == 0)
				first = u;
		}
		free(r);
	}
	ok(bad == 0, "every inert character is its own NFC, class 0 "
	    "(%lu wrong, the first U+%04lX)", bad, first);
	/* ...and the second of no canonical composition. */
	for (u = 0; u < 0x110000; u++) {
		if (u >= 0xd800 && u <= 0xdfff)
			continue;
		k = uc_canonical_decomposition((ucs4_t)u, dec);
		if (k == 2 && text_nfc_inert(dec[1]) && seconds++ == 0)
			first = u;
	}
	ok(seconds == 0, "no inert character is the second of a "
	    "composition (%lu are, the first in U+%04lX)", seconds, first);
	/* The quick path is taken at all: a combining mark is not inert,
	 * a Cyrillic letter is. */
	ok(!text_nfc_inert(0x301) && text_nfc_inert(0x49a) &&
	    text_nfc_inert('a'), "inert: U+0301 no, U+049A and a yes");
}

int
main(void)
{
	setlocale(LC_ALL, "");
	text_locale_setup(NULL);

	test_basic();
	test_fit();
	test_simple_ranges();
	test_ascii();
	test_line_col();
	test_locale();
	test_vectors();
	test_nfc();
	return tap_done();
}
