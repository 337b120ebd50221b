#ifndef KEYS_H
#define KEYS_H

/*
 * keys.c: the reader's key table.  One table names every key and what it
 * does; the reader dispatches from it, the help screen is printed from
 * it, and the KEYS section of citata(1) is checked against keys_mdoc()
 * by tests/t_keys.c, so the three cannot drift apart.
 *
 * Keys are named, not coded, so this module needs no curses: the UI
 * turns what the terminal sends into one of these names ("j", "Down",
 * "PgDn", "Enter", "Esc", "Tab", "Space", "C-l", ...).
 */

struct buf;

enum keys_action {
	KEYS_NONE,
	KEYS_DOWN,
	KEYS_UP,
	KEYS_PAGE_DOWN,
	KEYS_PAGE_UP,
	KEYS_HALF_DOWN,
	KEYS_HALF_UP,
	KEYS_TOP,
	KEYS_BOTTOM,
	KEYS_OPEN,
	KEYS_BACK,
	KEYS_QUIT,
	KEYS_PANE,
	KEYS_QUOTE_NEXT,
	KEYS_QUOTE_PREV,
	KEYS_SPEAKERS,
	KEYS_SPEAKERS_ALL,
	KEYS_FILTER,
	KEYS_MATCH_NEXT,
	KEYS_MATCH_PREV,
	KEYS_READ,
	KEYS_HELP,
	KEYS_REDRAW,
	KEYS_FETCH,
	KEYS_BROWSE,
	KEYS_CITE,
	KEYS_SUSPEND
};

#define KEYS_MAX_NAMES	4

struct keys_binding {
	enum keys_action	 action;
	const char		*names[KEYS_MAX_NAMES + 1]; /* NULL-ended */
	const char		*help;	/* lower case, no final stop */
};

/* The table, ended by an entry with action KEYS_NONE; borrowed, static. */
const struct keys_binding	*keys_table(void);

/* The action bound to the key called name, or KEYS_NONE. */
enum keys_action		 keys_lookup(const char *name);

/* "j, Down": the names of b joined for the help screen; the caller
 * frees it. */
char				*keys_names(const struct keys_binding *b);

/* Appends the mdoc list of the KEYS section (".Bl" to ".El") made from
 * the table, as citata(1) must hold it; a name that mdoc would take for
 * punctuation ("]", "?") is escaped with "\&". */
void				 keys_mdoc(struct buf *);

#endif /* KEYS_H */
