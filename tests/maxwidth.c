/*
 * maxwidth.c: a helper of t_cli.sh, not a test: reads text and prints the
 * widest line's wcswidth(); exits 1 when a line holds a byte wcswidth()
 * cannot place (a control, ESC included, or invalid UTF-8).
 */
#include "config.h"

#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <wchar.h>

int
main(void)
{
	char	*line = NULL;
	size_t	 cap = 0;
	ssize_t	 n;
	wchar_t	*w;
	int	 max = 0, bad = 0, k;

	setlocale(LC_ALL, "C.UTF-8");
	while ((n = getline(&line, &cap, stdin)) != -1) {
		if (n > 0 && line[n - 1] == '\n')
			line[--n] = '\0';
		w = calloc((size_t)n + 1, sizeof(*w));
		if (w == NULL)
			return 2;
		if (mbstowcs(w, line, (size_t)n + 1) == (size_t)-1 ||
		    (k = wcswidth(w, (size_t)n + 1)) < 0)
			bad = 1;
		else if (k > max)
			max = k;
		free(w);
	}
	free(line);
	printf("%d\n", max);
	return bad;
}
