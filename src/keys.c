/*
 * keys.c: the key table of the reader, and the help and manual text made
 * from it.  Only names and words here; the UI maps terminal input to the
 * names.
 */
#include "config.h"

#include "keys.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include "util.h"

/* The habits of less, vi and mutt users.  Help texts are phrases in
 * lower case without a final stop: the help screen shows them as they
 * are, the manual capitalizes them and ends them with a stop. */
static const struct keys_binding keys_bindings[] = {
	{ KEYS_DOWN, { "j", "Down", NULL }, "move down one row or line" },
	{ KEYS_UP, { "k", "Up", NULL }, "move up one row or line" },
	{ KEYS_PAGE_DOWN, { "PgDn", "Space", NULL }, "move down one page" },
	{ KEYS_PAGE_UP, { "PgUp", "b", NULL }, "move up one page" },
	{ KEYS_HALF_DOWN, { "C-d", NULL }, "move down half a page" },
	{ KEYS_HALF_UP, { "C-u", NULL }, "move up half a page" },
	{ KEYS_TOP, { "g", "Home", NULL }, "go to the first row or line" },
	{ KEYS_BOTTOM, { "G", "End", NULL }, "go to the last row or line" },
	{ KEYS_OPEN, { "Enter", "l", "Right", NULL },
	  "open the article, speaker or quote under the cursor" },
	{ KEYS_BACK, { "h", "Left", "Esc", NULL },
	  "go back to the previous view or pane" },
	{ KEYS_QUIT, { "q", NULL },
	  "go back; in the article list, quit" },
	{ KEYS_PANE, { "Tab", NULL }, "move to the next pane" },
	{ KEYS_QUOTE_NEXT, { "]", NULL },
	  "highlight the next quote in the article text" },
	{ KEYS_QUOTE_PREV, { "[", NULL },
	  "highlight the previous quote in the article text" },
	{ KEYS_SPEAKERS, { "s", NULL }, "show the speakers of the article" },
	{ KEYS_SPEAKERS_ALL, { "S", NULL },
	  "show all speakers, most quoted first" },
	{ KEYS_FILTER, { "/", NULL },
	  "search the archive, the article, or the speakers' names" },
	{ KEYS_MATCH_NEXT, { "n", NULL },
	  "go to the next match of the search" },
	{ KEYS_MATCH_PREV, { "N", NULL },
	  "go to the previous match of the search" },
	{ KEYS_READ, { "r", NULL }, "mark the article read or unread" },
	{ KEYS_HELP, { "?", NULL }, "show this list of keys" },
	{ KEYS_REDRAW, { "C-l", "R", NULL },
	  "redraw and read the archive again" },
	{ KEYS_BROWSE, { "o", NULL },
	  "open the article's link with $BROWSER, else xdg-open" },
	{ KEYS_CITE, { "y", NULL },
	  "copy the quote as a citation with its source" },
	{ KEYS_FETCH, { "F", NULL },
	  "fetch every feed in the background; the list follows" },
	{ KEYS_SUSPEND, { "C-z", NULL },
	  "suspend; the shell's fg command resumes" },
	{ KEYS_NONE, { NULL }, NULL }
};

const struct keys_binding *
keys_table(void)
{
	return keys_bindings;
}

enum keys_action
keys_lookup(const char *name)
{
	const struct keys_binding	*b;
	size_t				 i;

	for (b = keys_bindings; b->action != KEYS_NONE; b++)
		for (i = 0; b->names[i] != NULL; i++)
			if (strcmp(b->names[i], name) == 0)
				return b->action;
	return KEYS_NONE;
}

char *
keys_names(const struct keys_binding *b)
{
	struct buf	out;
	size_t		i;

	buf_init(&out);
	for (i = 0; b->names[i] != NULL; i++) {
		if (i > 0)
			buf_adds(&out, ", ");
		buf_adds(&out, b->names[i]);
	}
	return buf_steal(&out);
}

void
keys_mdoc(struct buf *out)
{
	const struct keys_binding	*b;
	size_t				 i;

	buf_adds(out, ".Bl -tag -width \"Enter, l, Right\"\n");
	for (b = keys_bindings; b->action != KEYS_NONE; b++) {
		buf_adds(out, ".It");
		for (i = 0; b->names[i] != NULL; i++)
			buf_printf(out, "%s Ic %s%s", i > 0 ? " ," : "",
			    strlen(b->names[i]) == 1 && strchr("()[]{}.,;:?!|",
			    b->names[i][0]) != NULL ? "\\&" : "",
			    b->names[i]);
		buf_printf(out, "\n%c%s.\n",
		    toupper((unsigned char)b->help[0]), b->help + 1);
	}
	buf_adds(out, ".El\n");
}
