/*
 * termsafe.c: a helper of t_hostile.sh, not a test: reads the bytes a
 * command wrote and exits 1, naming the first few offenders, when any of
 * them could reach a terminal as a control: ESC, another C0 control but
 * LF and TAB, DEL, a C1 control (as a raw byte or as UTF-8, U+0080 to
 * U+009F), a bidi control (U+061C, U+200E, U+200F, U+202A to U+202E,
 * U+2066 to U+2069: they reorder the rest of a line), or any byte that
 * is not valid UTF-8.
 *
 * With -r the input is what a curses program sent to its terminal, in
 * which CSI sequences and a few others are the program's own: then only
 * the sequences that article text must never make are refused (OSC, DCS,
 * APC, PM, SOS, a full reset, BEL), with every C1 control and invalid
 * UTF-8 as before.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static int	utf8_len(const unsigned char *, size_t);
static void	report(size_t, const char *, int *);

/* Length of the valid UTF-8 sequence at s (n bytes left), 0 if none. */
static int
utf8_len(const unsigned char *s, size_t n)
{
	unsigned long	cp;
	int		len, i;

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
	if (n < (size_t)len)
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

static void
report(size_t off, const char *what, int *nbad)
{
	if (*nbad < 5)
		printf("offset %zu: %s\n", off, what);
	(*nbad)++;
}

int
main(int argc, char **argv)
{
	unsigned char	*d = NULL;
	size_t		 len = 0, cap = 0, i;
	ssize_t		 got;
	int		 raw = 0, nbad = 0, k;
	char		 what[64];

	if (argc > 1 && strcmp(argv[1], "-r") == 0)
		raw = 1;
	for (;;) {
		if (len == cap) {
			cap = cap == 0 ? 65536 : cap * 2;
			if ((d = realloc(d, cap)) == NULL)
				return 2;
		}
		if ((got = read(STDIN_FILENO, d + len, cap - len)) <= 0)
			break;
		len += (size_t)got;
	}
	for (i = 0; i < len; i += k) {
		k = 1;
		if (d[i] == 0x1b) {
			if (!raw) {
				report(i, "ESC", &nbad);
				continue;
			}
			if (i + 1 < len && strchr("]P_^Xc", d[i + 1]) != NULL &&
			    d[i + 1] != '\0') {
				snprintf(what, sizeof(what), "ESC %c",
				    d[i + 1]);
				report(i, what, &nbad);
			}
			continue;
		}
		if (d[i] == 0x07) {
			report(i, "BEL", &nbad);
			continue;
		}
		if (d[i] < 0x20 || d[i] == 0x7f) {
			if (d[i] == '\n' || d[i] == '\t' || (raw && (d[i] ==
			    '\r' || d[i] == '\b' || d[i] == 0x0e ||
			    d[i] == 0x0f)))
				continue;
			snprintf(what, sizeof(what), "control 0x%02x", d[i]);
			report(i, what, &nbad);
			continue;
		}
		if ((k = utf8_len(d + i, len - i)) == 0) {
			k = 1;
			snprintf(what, sizeof(what), "byte 0x%02x, not UTF-8",
			    d[i]);
			report(i, what, &nbad);
			continue;
		}
		if (k == 2 && d[i] == 0xc2 && d[i + 1] < 0xa0) {
			snprintf(what, sizeof(what), "C1 control U+%04X",
			    d[i + 1]);
			report(i, what, &nbad);
		}
		if ((k == 2 && d[i] == 0xd8 && d[i + 1] == 0x9c) ||
		    (k == 3 && d[i] == 0xe2 && ((d[i + 1] == 0x80 &&
		    (d[i + 2] == 0x8e || d[i + 2] == 0x8f ||
		    (d[i + 2] >= 0xaa && d[i + 2] <= 0xae))) ||
		    (d[i + 1] == 0x81 && d[i + 2] >= 0xa6 &&
		    d[i + 2] <= 0xa9)))) {
			snprintf(what, sizeof(what), "bidi control %02x %02x%s",
			    d[i], d[i + 1], k == 3 ? " ..." : "");
			report(i, what, &nbad);
		}
	}
	free(d);
	if (nbad > 5)
		printf("... %d in all\n", nbad);
	return nbad > 0;
}
