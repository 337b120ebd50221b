/*
 * t_keys.c: the key table is consistent, and citata(1) documents it: the
 * list between the ".\" keys-begin" and ".\" keys-end" comments of the
 * KEYS section must be exactly what keys_mdoc() makes from the table.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "keys.h"
#include "tap.h"
#include "util.h"

static char	*man_keys(const char *);

/* The lines between the markers in the man page, or NULL. */
static char *
man_keys(const char *path)
{
	FILE		*f = fopen(path, "r");
	struct buf	 b;
	char		 line[4096];
	int		 in = 0, found = 0;

	if (f == NULL)
		return NULL;
	buf_init(&b);
	while (fgets(line, sizeof(line), f) != NULL) {
		if (strncmp(line, ".\\\" keys-begin", 14) == 0)
			in = 1;
		else if (strncmp(line, ".\\\" keys-end", 12) == 0) {
			in = 0;
			found = 1;
		} else if (in)
			buf_adds(&b, line);
	}
	fclose(f);
	if (!found) {
		buf_free(&b);
		return NULL;
	}
	if (b.data == NULL)
		buf_adds(&b, "");
	return buf_steal(&b);
}

int
main(void)
{
	const struct keys_binding	*b, *c;
	const char			*srcdir = getenv("top_srcdir");
	struct buf			 want;
	char				*path, *got, *names;
	size_t				 i, j;
	int				 dup = 0, n = 0;

	for (b = keys_table(); b->action != KEYS_NONE; b++, n++) {
		for (i = 0; b->names[i] != NULL; i++) {
			if (keys_lookup(b->names[i]) != b->action)
				dup = 1;
			for (c = keys_table(); c->action != KEYS_NONE; c++)
				for (j = 0; c->names[j] != NULL; j++)
					if (c != b && strcmp(c->names[j],
					    b->names[i]) == 0)
						dup = 1;
		}
	}
	ok(n >= 20, "the table has the %d bindings of the reader", n);
	ok(!dup, "no key is bound twice and each looks itself up");
	ok(keys_lookup("j") == KEYS_DOWN && keys_lookup("Down") == KEYS_DOWN,
	    "j and Down move down");
	ok(keys_lookup("q") == KEYS_QUIT && keys_lookup("Esc") == KEYS_BACK,
	    "q quits or goes back, Esc goes back");
	ok(keys_lookup("]") == KEYS_QUOTE_NEXT &&
	    keys_lookup("[") == KEYS_QUOTE_PREV,
	    "] and [ step through quotes");
	ok(keys_lookup("x") == KEYS_NONE, "x does nothing");
	names = keys_names(&keys_table()[0]);
	is(names, "j, Down", "names are joined for the help screen");
	free(names);

	path = xasprintf("%s/man/citata.1", srcdir != NULL ? srcdir : ".");
	got = man_keys(path);
	buf_init(&want);
	keys_mdoc(&want);
	if (!ok(got != NULL && strcmp(got, want.data) == 0,
	    "man/citata.1 KEYS lists exactly the key table")) {
		tap_diag("put this between the keys-begin and keys-end "
		    "comments of %s:", path);
		printf("%s", want.data);
	}
	free(got);
	free(path);
	buf_free(&want);
	return tap_done();
}
