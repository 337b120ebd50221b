#ifndef TEXT_H
#define TEXT_H

#include <stddef.h>

/*
 * text.c: the one place that knows about UTF-8 validity, normalization,
 * display width, fitting and wrapping.  Every string that reaches the
 * terminal goes through it.
 *
 * The display policy (../shared/width-vectors.md has the evidence):
 * text is first sanitized, grapheme cluster by grapheme cluster, so that
 * what ncursesw is handed has a width every terminal agrees on:
 *
 *  - an invalid UTF-8 piece, a C0 or C1 control (ESC included), DEL and a
 *    character wcwidth() does not know become U+FFFD, one column;
 *  - CR is dropped; TAB, LF, VT, FF, NEL, U+2028 and U+2029 become one
 *    space in single-line strings (the wrapper treats them as line breaks
 *    and expands TAB to the next multiple of TEXT_TABSTOP);
 *  - format characters (category Cf: soft hyphen, zero-width space and
 *    joiners, BOM, bidi controls) and variation selectors are dropped;
 *  - an emoji ZWJ sequence keeps its first emoji, a skin tone is dropped;
 *  - at most TEXT_MAX_MARKS combining marks stay on a base (ncurses keeps
 *    five characters in a cell); marks with no base are dropped.
 *
 * A width is then the sum of wcwidth() over the sanitized text, which is
 * what ncursesw uses.  wcwidth() needs LC_CTYPE to be a UTF-8 locale: call
 * text_locale_setup() once after setlocale(LC_ALL, "").
 *
 * Terminals set to "ambiguous characters are wide" (xterm -cjk_width,
 * some CJK terminal profiles) draw Cyrillic two columns wide; no program
 * can correct that, so the user must set ambiguous width to narrow.
 *
 * No function here prints; all returned strings are NUL-terminated.
 */

#define TEXT_TABSTOP	8	/* tab stops in wrapped text */
#define TEXT_MAX_MARKS	4	/* combining marks kept per base */

enum text_mode {
	TEXT_UTF8,	/* sanitized UTF-8, the normal case */
	TEXT_ASCII	/* everything transliterated to printable ASCII */
};

/* Returns 0 when s[0..len) is valid UTF-8, else -1 with *bad set to the
 * byte offset of the first invalid sequence. */
int	 text_utf8_check(const char *s, size_t len, size_t *bad);

/*
 * The length of the bidi control at s[0..n) (Unicode's Bidi_Control: ALM
 * U+061C, LRM and RLM U+200E and U+200F, the embeddings and overrides
 * U+202A..U+202E, the isolates U+2066..U+2069), 0 when there is none
 * there.  The sanitizer drops them with the other format characters;
 * they reorder what a terminal shows after them (an RLO shows "txt.exe"
 * as "exe.txt"), so output meant for a terminal in any format drops or
 * escapes them too.
 */
size_t	 text_bidi_control(const char *s, size_t n);

/* Returns s[0..len) (valid UTF-8) in Unicode normalization form C, with
 * its length in *outlen.  The caller frees it. */
char	*text_nfc(const char *s, size_t len, size_t *outlen);
/* Whether NFC leaves code point c alone wherever it stands: c is its
 * own normal form, of combining class 0, and the second character of
 * no canonical composition.  text_nfc() copies a text of only these as
 * it is; t_text checks every one against libunistring. */
int	 text_nfc_inert(unsigned long c);

/*
 * Chooses how text is shown; call once, after setlocale(LC_ALL, "") and
 * before anything else in this module.
 *
 *  - LC_CTYPE is UTF-8: TEXT_UTF8, nothing changes.
 *  - LC_CTYPE is the plain C/POSIX locale (usually an unset LANG over
 *    ssh): LC_CTYPE is switched to C.UTF-8 and the mode is TEXT_UTF8,
 *    since the terminal is almost always UTF-8 in that case.
 *  - LC_CTYPE is another charset (KOI8-R, CP1251, ISO-8859-5, ...), or no
 *    UTF-8 locale exists: the terminal cannot take UTF-8, so the mode is
 *    TEXT_ASCII.  LC_CTYPE is still switched to C.UTF-8 when possible, so
 *    wide-character calls keep working; the UI should then draw its
 *    borders in ASCII too.
 *
 * When it changed something or chose TEXT_ASCII, *note gets a one-line
 * explanation for the user (the caller frees it); otherwise *note is set
 * to NULL.  note may be NULL.  Returns the mode chosen.
 */
enum text_mode	 text_locale_setup(char **note);

/* Sets or reads the display mode (tests, or a command-line option). */
void		 text_mode_set(enum text_mode);
enum text_mode	 text_mode_get(void);

/*
 * TEXT_ASCII transliteration, applied per grapheme cluster by every
 * function below, so widths stay consistent (one column per byte):
 *
 *  - Russian after GOST 7.79-2000 system B, simplified: а a, б b, в v,
 *    г g, д d, е e, ё yo, ж zh, з z, и i, й j, к k, л l, м m, н n, о o,
 *    п p, р r, с s, т t, у u, ф f, х x, ц c, ч ch, ш sh, щ shh, ъ ``,
 *    ы y`, ь `, э e`, ю yu, я ya; capitals capitalize the first letter
 *    (Щ Shh).  NFD й and ё (и + U+0306, е + U+0308) come out as j, yo.
 *  - Kazakh: ә a`, ғ g`, қ q, ң n`, ө o`, ұ u`, ү u``, һ h, і i; and
 *    Ukrainian є ye, ї yi, ґ g`, Belarusian ў u``.
 *  - Double quotation marks (« » „ “ ” ‟) become ", single ones (‘ ’ ‚ ‛
 *    ‹ ›) become ' (quotemark.h has the table), dashes and minus
 *    become -, … becomes ..., № becomes No, no-break and other fixed
 *    spaces a space.
 *  - Any other non-ASCII cluster, and U+FFFD, becomes ?.
 *  - Fitting marks a cut with ~ instead of the ellipsis.
 */

/* The display-safe form of s[0..len), which may be invalid UTF-8, for a
 * single line (see the policy above).  Its length goes in *outlen when
 * outlen is not NULL.  The caller frees it. */
char	*text_sanitize(const char *s, size_t len, size_t *outlen);

/* Columns ncursesw uses for text_sanitize(s, len). */
int	 text_width(const char *s, size_t len);

/* text_sanitize(s, len) cut at a grapheme boundary to at most cols
 * columns, ending in "…" when something was cut.  Its width goes in
 * *width when width is not NULL.  cols <= 0 gives "".  The caller frees
 * it. */
char	*text_fit(const char *s, size_t len, int cols, int *width);

/* The same, but keeps the right end: "…" then the tail.  The caller
 * frees it. */
char	*text_fit_left(const char *s, size_t len, int cols, int *width);

/* text_fit(s, len, cols) followed by spaces up to exactly cols columns
 * (none when cols <= 0).  The caller frees it. */
char	*text_pad(const char *s, size_t len, int cols);

/* One line of wrapped text, as byte offsets into the text given to
 * text_wrap(), so that spans found in that text can be drawn on it. */
struct text_line {
	size_t	start, end;	/* byte span in the ORIGINAL text; end
				   excludes trailing spaces and the newline */
	int	width;		/* display columns of the rendered line,
				   the hyphen included; never above cols */
	int	hyphen;		/* broke at a soft hyphen: render adds "-" */
};

/*
 * Wraps s[0..len) (one or more paragraphs, may be invalid UTF-8) to cols
 * columns (cols < 1 counts as 1).  LF, CR LF, CR, VT, FF, NEL, U+2028 and
 * U+2029 end a line; an empty line between them ("\n\n") gives an empty
 * text_line; a final line break gives no extra line.
 *
 * Breaks come from UAX #14 (u8_possible_linebreaks) with Russian
 * corrections: no break after . , : ; before a letter ("т.е.", "г.Алматы"),
 * none before a dash with spaces around it (no line starts with " — "),
 * and "т. е.", "г. Алматы", "А. С. Пушкин", "12 400" kept on one line
 * when the unit they make fits in cols (a word bound to a dash after it
 * is part of the unit).  Filling is greedy; trailing spaces are not counted; a
 * word wider than cols is cut between grapheme clusters (carrying one
 * more cluster down rather than starting a line with its closing
 * punctuation); a line broken after a soft hyphen shows "-".  TAB expands
 * to the next multiple of TEXT_TABSTOP from the line start.
 *
 * Stores a new array in *lines (the caller frees it; it is NULL when the
 * count is 0) and returns the number of lines.  Each line's rendered
 * width is at most cols.
 */
size_t	 text_wrap(const char *s, size_t len, int cols,
	    struct text_line **lines);

/* The display string of line l of s, where l came from text_wrap() on the
 * same s: sanitized, tabs expanded, "-" added at a soft-hyphen break.  It
 * is l->width columns wide.  Its length goes in *outlen when outlen is not
 * NULL.  The caller frees it. */
char	*text_line_render(const char *s, const struct text_line *l,
	    size_t *outlen);

/* The column in text_line_render(s, l) where the character at byte off
 * of s starts: 0 for off <= l->start, the width without the hyphen for
 * off >= l->end, and the start of its grapheme cluster in between.  Use
 * it to draw spans (quotes, search hits) on wrapped lines. */
int	 text_line_col(const char *s, const struct text_line *l, size_t off);

#endif /* TEXT_H */
