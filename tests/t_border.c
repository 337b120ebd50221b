/*
 * t_border.c: where the pane borders are on a captured screen.  With -c
 * it reads a "tmux capture-pane -p" dump and checks that every row but
 * the last (the status line) has its vertical borders (U+2502 or '|' with
 * -a) in the same columns, counting columns as wcwidth() does, which is
 * what tmux and ncursesw use; it prints the columns of each row that
 * differs and exits 1.  t_ui.sh uses it on the hostile-text fixture.
 * Run without arguments, it tests itself (TAP).
 */
#include "config.h"

#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <wchar.h>

#include "tap.h"
#include "util.h"

#define BORDER_MAX	8	/* borders looked for per row */

static int	border_cols(const char *, wchar_t, int *);
static int	border_check(FILE *, wchar_t, FILE *);
static int	border_check_str(const char *);

/* Stores in cols the columns of the border characters of line s and
 * returns how many there are. */
static int
border_cols(const char *s, wchar_t border, int *cols)
{
	mbstate_t	ps;
	wchar_t		wc;
	size_t		n, len = strlen(s);
	int		col = 0, w, found = 0;

	memset(&ps, 0, sizeof(ps));
	while (len > 0 && (n = mbrtowc(&wc, s, len, &ps)) != 0) {
		if (n == (size_t)-1 || n == (size_t)-2) {
			memset(&ps, 0, sizeof(ps));
			n = 1;
			wc = L'?';
		}
		if (wc == L'\n')
			break;
		if (wc == border && found < BORDER_MAX)
			cols[found++] = col;
		if ((w = wcwidth(wc)) > 0)
			col += w;
		s += n;
		len -= n;
	}
	return found;
}

/* Returns 0 when every row but the last has the borders of the first. */
static int
border_check(FILE *in, wchar_t border, FILE *report)
{
	char	**lines = NULL, buf[65536];
	int	 first[BORDER_MAX], cols[BORDER_MAX], nfirst, n, bad = 0;
	size_t	 nlines = 0, i;
	int	 k;

	while (fgets(buf, sizeof(buf), in) != NULL) {
		lines = xreallocarray(lines, nlines + 1, sizeof(*lines));
		lines[nlines++] = xstrdup(buf);
	}
	if (nlines < 2) {
		free(lines != NULL ? lines[0] : NULL);
		free(lines);
		return 0;
	}
	nfirst = border_cols(lines[0], border, first);
	for (i = 0; i + 1 < nlines; i++) {
		n = border_cols(lines[i], border, cols);
		if (n != nfirst || memcmp(cols, first, (size_t)n *
		    sizeof(*cols)) != 0) {
			bad = 1;
			if (report != NULL) {
				fprintf(report, "row %zu: borders at", i + 1);
				for (k = 0; k < n; k++)
					fprintf(report, " %d", cols[k]);
				fprintf(report, ", not");
				for (k = 0; k < nfirst; k++)
					fprintf(report, " %d", first[k]);
				fprintf(report, ": %s", lines[i]);
			}
		}
	}
	for (i = 0; i < nlines; i++)
		free(lines[i]);
	free(lines);
	return bad;
}

static int
border_check_str(const char *s)
{
	FILE	*f = fmemopen((void *)(size_t)s, strlen(s), "r");
	int	 rc;

	if (f == NULL)
		return 2;
	rc = border_check(f, L'\x2502', NULL);
	fclose(f);
	return rc;
}

int
main(int argc, char **argv)
{
	int	cols[BORDER_MAX];

	if (setlocale(LC_ALL, "C.UTF-8") == NULL &&
	    setlocale(LC_ALL, "") == NULL)
		return 2;
	if (argc > 1 && strcmp(argv[1], "-c") == 0)
		return border_check(stdin, L'\x2502', stdout);
	if (argc > 1 && strcmp(argv[1], "-a") == 0)
		return border_check(stdin, L'|', stdout);

	ok(border_cols("ab\xe2\x94\x82", L'\x2502', cols) == 1 &&
	    cols[0] == 2, "a border after two ASCII letters is in column 2");
	ok(border_cols("\xe6\xbc\xa2\xe2\x94\x82", L'\x2502', cols) == 1 &&
	    cols[0] == 2, "a CJK character takes two columns");
	ok(border_cols("\xd0\xb5\xcc\x81\xe2\x94\x82", L'\x2502', cols) == 1 &&
	    cols[0] == 1, "a combining accent takes none");
	ok(border_check_str("a\xe2\x94\x82x\n\xd0\x96\xe2\x94\x82y\n"
	    "status\n") == 0, "rows with borders in one column pass");
	ok(border_check_str("a\xe2\x94\x82x\n\xe6\xbc\xa2\xe2\x94\x82y\n"
	    "status\n") != 0, "a row with its border moved fails");
	ok(border_check_str("a\xe2\x94\x82x\nab\n\nstatus\n") != 0,
	    "a row without its border fails");
	return tap_done();
}
