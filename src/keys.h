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
	KEYS_READ_ALL,
	KEYS_NEXT_UNREAD,
	KEYS_STAR,
	KEYS_STARRED,
	KEYS_HELP,
	KEYS_REDRAW,
	KEYS_FETCH,
	KEYS_BROWSE,
	KEYS_CITE,
	KEYS_PIPE,
	KEYS_SET_SPEAKER,
	KEYS_REJECT,
	KEYS_SUSPEND
};

#define KEYS_MAX_NAMES	4

struct keys_binding {
	enum keys_action	 action;
	const char		*name;	/* for bind-key: "page-down" */
	const char		*names[KEYS_MAX_NAMES + 1]; /* NULL-ended */
	const char		*help;	/* lower case, no final stop */
};

/* The table of default bindings, ended by an entry with action
 * KEYS_NONE; borrowed, static. */
const struct keys_binding	*keys_table(void);

/* The action bound to the key called name, or KEYS_NONE: the defaults,
 * as keys_bind() has changed them. */
enum keys_action		 keys_lookup(const char *name);

/* Binds the key called key to act (KEYS_NONE unbinds it), in place of
 * what it did before.  0, or -1 when key is not a name a terminal key
 * can have (keys_key_valid()). */
int				 keys_bind(const char *key, enum keys_action);

/* Puts every default binding back. */
void				 keys_reset(void);

/* Whether name can name a key: one printable character, "C-a" to
 * "C-z" (but C-i, C-j, C-m and C-[, which are Tab, Enter and Esc), or
 * one of Down, Up, Left, Right, PgDn, PgUp, Home, End, Enter, Tab,
 * Esc, Space, Backspace, Delete, Insert, F1 to F12. */
int				 keys_key_valid(const char *name);

/* The action called name in the table ("page-down"), or KEYS_NONE. */
enum keys_action		 keys_action_named(const char *name);

/* "j, Down": the keys bound now to b's action, joined for the help
 * screen, or "" when none is; the caller frees it. */
char				*keys_names(const struct keys_binding *b);

/* Appends the mdoc list of the KEYS section (".Bl" to ".El") made from
 * the table, as citata(1) must hold it; a name that mdoc would take for
 * punctuation ("]", "?") is escaped with "\&". */
void				 keys_mdoc(struct buf *);

#endif /* KEYS_H */
