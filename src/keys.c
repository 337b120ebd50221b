/*
 * keys.c: the key table of the reader, and the help and manual text made
 * from it.  Only names and words here; the UI maps terminal input to the
 * names.
 */
#include "config.h"

#include "keys.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistr.h>

#include "util.h"

/* The habits of less, vi and mutt users.  Help texts are phrases in
 * lower case without a final stop: the help screen shows them as they
 * are, the manual capitalizes them and ends them with a stop. */
static const struct keys_binding keys_bindings[] = {
	{ KEYS_DOWN, "down", { "j", "Down", NULL },
	  "move down one row or line" },
	{ KEYS_UP, "up", { "k", "Up", NULL }, "move up one row or line" },
	{ KEYS_PAGE_DOWN, "page-down", { "PgDn", "Space", NULL },
	  "move down one page" },
	{ KEYS_PAGE_UP, "page-up", { "PgUp", "b", NULL },
	  "move up one page" },
	{ KEYS_HALF_DOWN, "half-down", { "C-d", NULL },
	  "move down half a page" },
	{ KEYS_HALF_UP, "half-up", { "C-u", NULL }, "move up half a page" },
	{ KEYS_TOP, "top", { "g", "Home", NULL },
	  "go to the first row or line" },
	{ KEYS_BOTTOM, "bottom", { "G", "End", NULL },
	  "go to the last row or line" },
	{ KEYS_OPEN, "open", { "Enter", "l", "Right", NULL },
	  "open the article, speaker or quote under the cursor" },
	{ KEYS_BACK, "back", { "h", "Left", "Esc", NULL },
	  "go back to the previous view or pane" },
	{ KEYS_QUIT, "quit", { "q", NULL },
	  "go back; in the article list, quit" },
	{ KEYS_PANE, "next-pane", { "Tab", NULL }, "move to the next pane" },
	{ KEYS_QUOTE_NEXT, "next-quote", { "]", NULL },
	  "highlight the next quote in the article text" },
	{ KEYS_QUOTE_PREV, "prev-quote", { "[", NULL },
	  "highlight the previous quote in the article text" },
	{ KEYS_SPEAKERS, "speakers", { "s", NULL },
	  "show the speakers of the article" },
	{ KEYS_SPEAKERS_ALL, "all-speakers", { "S", NULL },
	  "show all speakers, most quoted first" },
	{ KEYS_FILTER, "search", { "/", NULL },
	  "search the archive, the article, or the speakers' names" },
	{ KEYS_MATCH_NEXT, "next-match", { "n", NULL },
	  "go to the next match of the search" },
	{ KEYS_MATCH_PREV, "prev-match", { "N", NULL },
	  "go to the previous match of the search" },
	{ KEYS_READ, "toggle-read", { "r", NULL },
	  "mark the article read or unread" },
	{ KEYS_READ_ALL, "mark-all-read", { "A", NULL },
	  "mark every article in the list read" },
	{ KEYS_NEXT_UNREAD, "next-unread", { "u", NULL },
	  "go to the next unread article" },
	{ KEYS_STAR, "toggle-star", { "*", NULL },
	  "star the article, or take its star away" },
	{ KEYS_STARRED, "starred-only", { "v", NULL },
	  "show only starred articles, or all of them again" },
	{ KEYS_HELP, "help", { "?", NULL }, "show this list of keys" },
	{ KEYS_REDRAW, "redraw", { "C-l", "R", NULL },
	  "redraw and read the archive again" },
	{ KEYS_BROWSE, "open-link", { "o", NULL },
	  "open the article's link in the browser" },
	{ KEYS_CITE, "cite", { "y", NULL },
	  "copy the quote as a citation with its source" },
	{ KEYS_PIPE, "pipe", { "|", NULL },
	  "pipe the article, or the quote, to a command" },
	{ KEYS_SET_SPEAKER, "set-speaker", { "e", NULL },
	  "change who said the quote" },
	{ KEYS_REJECT, "reject-quote", { "d", NULL },
	  "reject the quote: it is not one" },
	{ KEYS_FETCH, "fetch", { "F", NULL },
	  "fetch every feed in the background; the list follows" },
	{ KEYS_SUSPEND, "suspend", { "C-z", NULL },
	  "suspend; the shell's fg command resumes" },
	{ KEYS_NONE, NULL, { NULL }, NULL }
};

/* The bindings in force: the defaults, then what keys_bind() changed.
 * A key bound to KEYS_NONE stays in the map, so that unbinding a
 * default holds. */
#define KEYS_MAP_MAX	256
#define KEYS_NAME_MAX	16

struct keys_map {
	char			key[KEYS_NAME_MAX];
	enum keys_action	action;
};

static struct keys_map	keys_map[KEYS_MAP_MAX];
static size_t		keys_nmap;
static int		keys_ready;

static const char *const keys_special[] = {
	"Down", "Up", "Left", "Right", "PgDn", "PgUp", "Home", "End",
	"Enter", "Tab", "Esc", "Space", "Backspace", "Delete", "Insert",
	NULL
};

const struct keys_binding *
keys_table(void)
{
	return keys_bindings;
}

void
keys_reset(void)
{
	const struct keys_binding	*b;
	size_t				 i;

	keys_nmap = 0;
	for (b = keys_bindings; b->action != KEYS_NONE; b++)
		for (i = 0; b->names[i] != NULL; i++) {
			snprintf(keys_map[keys_nmap].key, KEYS_NAME_MAX, "%s",
			    b->names[i]);
			keys_map[keys_nmap++].action = b->action;
		}
	keys_ready = 1;
}

static struct keys_map *
keys_find(const char *name)
{
	size_t	i;

	if (!keys_ready)
		keys_reset();
	for (i = 0; i < keys_nmap; i++)
		if (strcmp(keys_map[i].key, name) == 0)
			return &keys_map[i];
	return NULL;
}

enum keys_action
keys_lookup(const char *name)
{
	struct keys_map	*m;

	return (m = keys_find(name)) == NULL ? KEYS_NONE : m->action;
}

int
keys_key_valid(const char *name)
{
	size_t	i, n = strlen(name);
	ucs4_t	uc;
	int	f;

	for (i = 0; keys_special[i] != NULL; i++)
		if (strcmp(name, keys_special[i]) == 0)
			return 1;
	if (n == 3 && name[0] == 'C' && name[1] == '-' && name[2] >= 'a' &&
	    name[2] <= 'z')
		return strchr("ijm", name[2]) == NULL;
	if (name[0] == 'F' && n >= 2 && n <= 3 && isdigit((unsigned char)
	    name[1]) && (n == 2 || isdigit((unsigned char)name[2]))) {
		f = atoi(name + 1);
		return f >= 1 && f <= 12 && name[1] != '0';
	}
	/* One printable character: ASCII, or one UTF-8 sequence. */
	if (n == 1)
		return name[0] > ' ' && name[0] < 0x7f;
	return n > 1 && n <= 4 && u8_mbtoucr(&uc, (const uint8_t *)name,
	    n) == (int)n && uc >= 0xa0;
}

int
keys_bind(const char *key, enum keys_action act)
{
	struct keys_map	*m;

	if (!keys_key_valid(key))
		return -1;
	if ((m = keys_find(key)) == NULL) {
		if (keys_nmap == KEYS_MAP_MAX)
			return -1;
		m = &keys_map[keys_nmap++];
		snprintf(m->key, KEYS_NAME_MAX, "%s", key);
	}
	m->action = act;
	return 0;
}

enum keys_action
keys_action_named(const char *name)
{
	const struct keys_binding	*b;

	for (b = keys_bindings; b->action != KEYS_NONE; b++)
		if (strcmp(b->name, name) == 0)
			return b->action;
	return KEYS_NONE;
}

char *
keys_names(const struct keys_binding *b)
{
	struct buf	out;
	size_t		i;

	if (!keys_ready)
		keys_reset();
	buf_init(&out);
	for (i = 0; i < keys_nmap; i++) {
		if (keys_map[i].action != b->action)
			continue;
		if (out.len > 0)
			buf_adds(&out, ", ");
		buf_adds(&out, keys_map[i].key);
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
