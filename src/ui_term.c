/*
 * ui_term.c: the reader's terminal: curses started on it (or refused,
 * with the reason), the colour table as the configuration changed it,
 * and the names of the keys it sends.
 */
#include "config.h"

#include "ui.h"

#include <curses.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <wchar.h>

#include "configfile.h"
#include "text.h"
#include "util.h"

struct ui_color_def {
	short	fg, bg;
	attr_t	color_attr;	/* with colour */
	attr_t	mono_attr;	/* without: bold, underline, reverse only */
};

/* The colour table.  Without colour (NO_COLOR, a monochrome terminal)
 * direct speech is bold, reported speech underlined and the current
 * quote reversed, so the three stay apart; a search's matches are
 * reversed too, the current one also bold and underlined. */
static const struct ui_color_def ui_colors_default[UI_COLOR_COUNT] = {
	[UI_NORMAL] =		{ -1, -1, A_NORMAL, A_NORMAL },
	[UI_SELECTED] =		{ COLOR_BLACK, COLOR_CYAN, A_NORMAL,
				  A_REVERSE },
	[UI_SELECTED_IDLE] =	{ -1, -1, A_REVERSE | A_DIM, A_UNDERLINE },
	[UI_HEADER] =		{ -1, -1, A_BOLD, A_BOLD },
	[UI_DIM] =		{ COLOR_BLUE, -1, A_NORMAL, A_NORMAL },
	[UI_UNREAD] =		{ -1, -1, A_BOLD, A_BOLD },
	[UI_DIRECT] =		{ COLOR_YELLOW, -1, A_BOLD, A_BOLD },
	[UI_INDIRECT] =		{ COLOR_CYAN, -1, A_NORMAL, A_UNDERLINE },
	[UI_CURRENT] =		{ COLOR_BLACK, COLOR_YELLOW, A_NORMAL,
				  A_REVERSE },
	[UI_MATCH] =		{ COLOR_BLACK, COLOR_GREEN, A_NORMAL,
				  A_REVERSE },
	[UI_MATCH_CURRENT] =	{ COLOR_BLACK, COLOR_MAGENTA, A_BOLD,
				  A_REVERSE | A_BOLD | A_UNDERLINE },
	[UI_STATUS] =		{ -1, -1, A_REVERSE, A_REVERSE },
	[UI_ERROR] =		{ COLOR_WHITE, COLOR_RED, A_BOLD,
				  A_REVERSE | A_BOLD },
	[UI_BORDER] =		{ COLOR_BLUE, -1, A_NORMAL, A_NORMAL }
};

/* The table in use: the defaults, as the configuration changed them. */
static struct ui_color_def	 ui_colors[UI_COLOR_COUNT];
static int			 ui_has_color;
static SCREEN			*ui_screen;

/* Terminal types tried, in order, when $TERM is unknown. */
static const char *const ui_fallback_terms[] = {
	"xterm-256color", "xterm", "vt220", "vt100", "ansi", NULL
};

/* Starts curses on the terminal; when $TERM is unknown, on the first
 * known fallback, with a warning.  A terminal that cannot put its
 * cursor anywhere (cup: TERM=dumb, a printing terminal) is refused:
 * curses would draw every row after the last.  Returns 0, or -1 with a
 * message. */
int
ui_term_open(struct ui *ui)
{
	const char	*term = getenv("TERM"), *used = term;
	const char	*const *t;
	SCREEN		*scr = NULL;
	struct buf	 tried;
	char		*shown, *cup;

	if (term != NULL && *term != '\0')
		scr = newterm(term, stdout, stdin);
	for (t = ui_fallback_terms; scr == NULL && *t != NULL; t++) {
		if ((scr = newterm(*t, stdout, stdin)) != NULL) {
			ui_message(ui, "unknown terminal type '%s'; using %s",
			    term != NULL ? term : "", *t);
			used = *t;
		}
	}
	if (scr == NULL) {
		/* $TERM may hold anything: shown sanitized. */
		shown = text_sanitize(term != NULL ? term : "",
		    term != NULL ? strlen(term) : 0, NULL);
		buf_init(&tried);
		for (t = ui_fallback_terms; *t != NULL; t++)
			buf_printf(&tried, "%s%s", t == ui_fallback_terms ?
			    "" : t[1] == NULL ? " or " : ", ", *t);
		warnx("cannot start the terminal: no terminfo entry for "
		    "TERM='%s', nor for %s", shown, tried.data);
		buf_free(&tried);
		free(shown);
		return -1;
	}
	set_term(scr);
	cup = tigetstr("cup");
	if (cup == NULL || cup == (char *)-1) {
		endwin();
		delscreen(scr);
		shown = text_sanitize(used, strlen(used), NULL);
		warnx("cannot start the terminal: TERM='%s' cannot move the "
		    "cursor; set TERM to the terminal's type, or use "
		    "'citata list' and 'citata show ID'", shown);
		free(shown);
		return -1;
	}
	ui_screen = scr;
	return 0;
}

void
ui_colors_init(void)
{
	const char	*nc = getenv("NO_COLOR");
	int		 i;

	ui_has_color = 0;
	if ((nc != NULL && *nc != '\0') || !has_colors() || start_color() !=
	    OK || COLORS < 8 || COLOR_PAIRS < UI_COLOR_COUNT)
		return;
	use_default_colors();
	/* A colour the terminal lacks (color200 on 8 colours) is its
	 * default colour. */
	for (i = 1; i < UI_COLOR_COUNT; i++)
		init_pair((short)i, ui_colors[i].fg < COLORS ?
		    ui_colors[i].fg : -1, ui_colors[i].bg < COLORS ?
		    ui_colors[i].bg : -1);
	ui_has_color = 1;
}

/* curses attributes for the CONFIG_* bits a. */
static attr_t
ui_config_attr(int a)
{
	attr_t	r = A_NORMAL;

	if (a & CONFIG_BOLD)
		r |= A_BOLD;
	if (a & CONFIG_UNDERLINE)
		r |= A_UNDERLINE;
	if (a & CONFIG_REVERSE)
		r |= A_REVERSE;
	if (a & CONFIG_DIM)
		r |= A_DIM;
	if (a & CONFIG_STANDOUT)
		r |= A_STANDOUT;
	if (a & CONFIG_BLINK)
		r |= A_BLINK;
#ifdef A_ITALIC
	if (a & CONFIG_ITALIC)
		r |= A_ITALIC;
#endif
	return r;
}

/* The colour table: the defaults, with the color and mono lines of the
 * configuration (when there is one) in place of theirs. */
void
ui_colors_set(const struct config *cfg)
{
	const struct config_color	*c;
	int				 i;

	memcpy(ui_colors, ui_colors_default, sizeof(ui_colors));
	for (i = 0; cfg != NULL && i < UI_COLOR_COUNT; i++) {
		c = &cfg->colors[i];
		if (c->set) {
			ui_colors[i].fg = c->fg;
			ui_colors[i].bg = c->bg;
			ui_colors[i].color_attr = ui_config_attr(c->attrs);
		}
		if (c->mono_set)
			ui_colors[i].mono_attr = ui_config_attr(c->mono);
	}
}

int
ui_attr(enum ui_color c)
{
	if (!ui_has_color)
		return (int)ui_colors[c].mono_attr;
	if (c == UI_NORMAL)
		return A_NORMAL;
	return (int)(ui_colors[c].color_attr | COLOR_PAIR(c));
}

/* Frees what ui_term_open() made, after endwin(). */
void
ui_term_close(void)
{
	if (ui_screen != NULL)
		delscreen(ui_screen);
	ui_screen = NULL;
}

/* A name for a key that has no key table name, for a message: U+0000
 * for a character, curses' name without its KEY_ for a key. */
const char *
ui_key_label(int rc, wint_t wc, const char *name, char *tmp, size_t size)
{
	const char	*k;

	if (name != NULL)
		return name;
	if (rc != KEY_CODE_YES)
		snprintf(tmp, size, "U+%04X", (unsigned)wc);
	else if (wc >= KEY_F0 && wc <= KEY_F(63))
		snprintf(tmp, size, "F%d", (int)(wc - KEY_F0));
	else {
		k = keyname((int)wc);
		snprintf(tmp, size, "%s", k == NULL ? "?" :
		    strncmp(k, "KEY_", 4) == 0 ? k + 4 : k);
	}
	return tmp;
}

/* The key table's name for what get_wch() returned, or NULL: every
 * name keys_key_valid() accepts. */
const char *
ui_key_name(int rc, wint_t wc, char *tmp, size_t size)
{
	mbstate_t	ps;
	size_t		n;

	if (rc == KEY_CODE_YES) {
		switch (wc) {
		case KEY_DOWN:	return "Down";
		case KEY_UP:	return "Up";
		case KEY_LEFT:	return "Left";
		case KEY_RIGHT:	return "Right";
		case KEY_NPAGE:	return "PgDn";
		case KEY_PPAGE:	return "PgUp";
		case KEY_HOME:	return "Home";
		case KEY_END:	return "End";
		case KEY_ENTER:	return "Enter";
		case KEY_BACKSPACE: return "Backspace";
		case KEY_DC:	return "Delete";
		case KEY_IC:	return "Insert";
		default:
			break;
		}
		if (wc >= KEY_F(1) && wc <= KEY_F(12)) {
			snprintf(tmp, size, "F%d", (int)(wc - KEY_F0));
			return tmp;
		}
		return NULL;
	}
	switch (wc) {
	case '\n':
	case '\r':	return "Enter";
	case '\t':	return "Tab";
	case 033:	return "Esc";
	case ' ':	return "Space";
	case 0x7f:
	case '\b':	return "Backspace";
	default:
		break;
	}
	if (wc < ' ') {
		if (wc == 0)
			return NULL;
		snprintf(tmp, size, "C-%c", (int)wc + '`');
		return tmp;
	}
	memset(&ps, 0, sizeof(ps));
	if (size < MB_LEN_MAX + 1 || (n = wcrtomb(tmp, (wchar_t)wc, &ps)) ==
	    (size_t)-1)
		return NULL;
	tmp[n] = '\0';
	return tmp;
}
