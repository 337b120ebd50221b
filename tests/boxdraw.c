/*
 * boxdraw.c: helper of t_screen.sh.  Draws hostile strings (our own, and
 * the 99 width vectors when their file is given; an unreadable file is an
 * error) through ncursesw, one a
 * row, fitted by text_pad() into a box WIDTH columns wide, so that the
 * screen test can see where the terminal put the right border.
 *
 * The borders, with dots inside, are drawn and refreshed first; the
 * strings come after, padded with spaces to the width.  If the terminal
 * measured a string differently from ncursesw, the string either
 * overwrites the right border or leaves dots before it, and the capture
 * shows it.
 *
 *	boxdraw [-a] -w WIDTH [-r] [vectors.tsv]
 *					draw, then wait for a key
 *	boxdraw [-a] -c WIDTH [vectors.tsv] < capture
 *					compare a capture-pane dump
 *
 * -a draws in the TEXT_ASCII (transliterating) mode.  -r draws the
 * strings raw (only ncurses' own width, no text.c): the test uses it to
 * show that it does catch misaligned rows.
 */
#include "config.h"

#include <curses.h>
#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <wchar.h>

#include "text.h"
#include "util.h"

#define BORDER	"\xe2\x94\x83"		/* U+2503, in no vector */

/* Our own hostile strings, so the test means something without the
 * vector file. */
static const char *const boxdraw_own[] = {
	"Привет, мир",
	"Қазақстан Халық Кеңесі",
	"«Новая Конституция» — роль регионов",
	"доро\xcc\x81га, мои\xcc\x86 е\xcc\x88лка",
	"a\xcc\x81\xcc\x82\xcc\x83\xcc\x84\xcc\x85\xcc\x86\xcc\x87x",
	"\xf0\x9f\x91\xa8\xe2\x80\x8d\xf0\x9f\x91\xa9\xe2\x80\x8d"
	    "\xf0\x9f\x91\xa7 семья",
	"\xf0\x9f\x91\x8d\xf0\x9f\x8f\xbd \xf0\x9f\x87\xb0\xf0\x9f\x87\xbf",
	"中文标题 и ｶﾀｶﾅ",
	"\x1b[31mкрасный\x1b[0m \x1b]0;title\x07",
	"a\tb\tc\r\nd",
	"об\xc2\xadще\xc2\xadствен\xc2\xadный \xe2\x80\x8b\xef\xbb\xbf",
	"\xcf\xf0\xe8\xe2\xe5\xf2 \xc0\xaf \xed\xa0\x80",
	"а\xe2\x80\x8cб\xe2\x80\x8dв \xe2\x80\xae" "abc",
};

static size_t	unhex(const char *, char *);
static char	**read_vectors(const char *, size_t *);
static char	*row_want(int, size_t, char **, size_t);
static void	draw(int, int, char **, size_t);
static int	border_col(const char *);
static size_t	count_dots(const char *);
static int	check(int, char **, size_t);

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

/* The decoded "hex" column of the vector file; NULL if unreadable. */
static char **
read_vectors(const char *path, size_t *count)
{
	FILE	 *fp;
	char	 *line = NULL, *f, **v = NULL, *p;
	size_t	  cap = 0, n = 0;
	int	  col = -1, i;

	*count = 0;
	if ((fp = fopen(path, "r")) == NULL)
		return NULL;
	while (getline(&line, &cap, fp) != -1) {
		line[strcspn(line, "\n")] = '\0';
		for (i = 0, f = line; f != NULL; i++) {
			if ((p = strchr(f, '\t')) != NULL)
				*p++ = '\0';
			if (col == -1 && strcmp(f, "hex") == 0)
				col = i;
			else if (i == col && v != NULL) {
				v[n] = xmalloc(strlen(f) / 2 + 1);
				unhex(f, v[n]);
				n++;
			}
			f = p;
		}
		v = xreallocarray(v, n + 1, sizeof *v);
	}
	free(line);
	fclose(fp);
	*count = n;
	return v;
}

/* The expected row i (0 is the top border) of the box. */
static char *
row_want(int width, size_t i, char **vec, size_t nvec)
{
	size_t		 nown = sizeof boxdraw_own / sizeof boxdraw_own[0];
	const char	*in;
	struct buf	 b;
	char		*s;
	int		 x;

	buf_init(&b);
	if (i == 0 || i == nown + nvec + 1) {
		buf_addc(&b, '+');
		for (x = 0; x < width; x++)
			buf_addc(&b, '-');
		buf_addc(&b, '+');
		return buf_steal(&b);
	}
	in = i - 1 < nown ? boxdraw_own[i - 1] : vec[i - 1 - nown];
	s = text_pad(in, strlen(in), width);
	buf_adds(&b, BORDER);
	buf_adds(&b, s);
	buf_adds(&b, BORDER);
	free(s);
	return buf_steal(&b);
}

/*
 * Draws the box with its inside filled with dots, refreshes, then draws
 * each string padded to the width (by text_pad(), or with -r by ncurses'
 * own idea of the cursor column), and waits for a key.
 */
static void
draw(int width, int raw, char **vec, size_t nvec)
{
	size_t	 nown = sizeof boxdraw_own / sizeof boxdraw_own[0];
	size_t	 i, rows = nown + nvec, wn;
	wchar_t	*w;
	char	*s;
	int	 y, x;

	initscr();
	noecho();
	cbreak();
	for (y = 0; y < (int)rows + 2; y++) {
		s = row_want(width, (size_t)y, vec, nvec);
		if (y == 0 || y == (int)rows + 1)
			mvaddstr(y, 0, s);
		else {
			mvaddstr(y, 0, BORDER);
			for (x = 1; x <= width; x++)
				mvaddch(y, x, '.');
			mvaddstr(y, width + 1, BORDER);
		}
		free(s);
	}
	refresh();
	for (i = 0; i < rows; i++) {
		const char	*in;

		in = i < nown ? boxdraw_own[i] : vec[i - nown];
		if (raw)
			s = xstrdup(in);
		else
			s = text_pad(in, strlen(in), width);
		wn = strlen(s) + 1;
		w = xreallocarray(NULL, wn, sizeof *w);
		if (mbstowcs(w, s, wn) != (size_t)-1)
			mvaddnwstr((int)i + 1, 1, w, -1);
		while (raw && getcury(stdscr) == (int)i + 1 &&
		    getcurx(stdscr) <= width)
			addch(' ');
		free(w);
		free(s);
	}
	mvaddstr((int)rows + 2, 0, "END");
	refresh();
	getch();
	endwin();
}

/* Columns before the last border of line, or -1 if it does not end in
 * one. */
static int
border_col(const char *line)
{
	size_t	 n = strlen(line), wn;
	wchar_t	*w;
	char	*s;
	int	 col;

	if (n < 3 || strcmp(line + n - 3, BORDER) != 0)
		return -1;
	s = xstrndup(line, n - 3);
	wn = n - 2;
	w = xreallocarray(NULL, wn, sizeof *w);
	col = mbstowcs(w, s, wn) == (size_t)-1 ? -1 : wcswidth(w, wn);
	free(w);
	free(s);
	return col;
}

static size_t
count_dots(const char *s)
{
	size_t	n = 0;

	for (; *s != '\0'; s++)
		n += *s == '.';
	return n;
}

/*
 * Compares the capture on standard input with the box as it should be.
 * A row is right when it is the same, or when it has its right border at
 * the same column and no leftover dots: tmux 3.3a keeps only the first
 * of conjoining Hangul jamo in a cell, which changes the text but not
 * the columns.  Prints the rows that differ.
 */
static int
check(int width, char **vec, size_t nvec)
{
	size_t	 nown = sizeof boxdraw_own / sizeof boxdraw_own[0];
	size_t	 cap = 0, i = 0, rows = nown + nvec + 2;
	char	*line = NULL, *want;
	int	 bad = 0, same_cols = 0;

	while (i < rows && getline(&line, &cap, stdin) != -1) {
		line[strcspn(line, "\n")] = '\0';
		want = row_want(width, i, vec, nvec);
		if (strcmp(line, want) != 0) {
			if (i > 0 && i < rows - 1 &&
			    border_col(line) == width + 1 &&
			    count_dots(line) == count_dots(want)) {
				printf("row %zu: same columns, other cells: "
				    "'%s'\n", i, line);
				same_cols++;
			} else {
				printf("row %zu: got  '%s'\n", i, line);
				printf("row %zu: want '%s'\n", i, want);
				bad++;
			}
		}
		free(want);
		i++;
	}
	free(line);
	printf("%zu rows, %d misaligned, %d with other cells\n", i, bad,
	    same_cols);
	return bad == 0 && i == rows ? 0 : 1;
}

int
main(int argc, char *argv[])
{
	char	**vec = NULL;
	size_t	  nvec = 0, i;
	int	  ch, width = 20, raw = 0, checking = 0;

	setlocale(LC_ALL, "");
	text_locale_setup(NULL);
	while ((ch = getopt(argc, argv, "ac:rw:")) != -1) {
		switch (ch) {
		case 'a':
			text_mode_set(TEXT_ASCII);
			break;
		case 'c':
			checking = 1;
			width = atoi(optarg);
			break;
		case 'r':
			raw = 1;
			break;
		case 'w':
			width = atoi(optarg);
			break;
		default:
			fprintf(stderr, "usage: boxdraw [-a] -w width [-r] "
			    "[vectors.tsv] | [-a] -c width [vectors.tsv]\n");
			return 2;
		}
	}
	if (optind < argc) {
		vec = read_vectors(argv[optind], &nvec);
		if (nvec == 0) {
			fprintf(stderr, "boxdraw: no vectors in %s\n",
			    argv[optind]);
			free(vec);
			return 2;
		}
	}
	if (checking)
		ch = check(width, vec, nvec);
	else {
		draw(width, raw, vec, nvec);
		ch = 0;
	}
	for (i = 0; i < nvec; i++)
		free(vec[i]);
	free(vec);
	return ch;
}
