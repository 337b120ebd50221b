/*
 * ui.c: the reader's main loop, views, status line and prompt.  The
 * panes themselves live in ui_list.c, ui_article.c, ui_speakers.c and
 * ui_help.c, the terminal and its colours in ui_term.c; this file places
 * the panes, routes keys to them and draws what they mark dirty, with
 * one doupdate() per key.
 */
#include "config.h"

#include "ui.h"

#include <curses.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <poll.h>
#include <signal.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <wchar.h>

#include "db.h"
#include "export.h"
#include "fold.h"
#include "keys.h"
#include "layout.h"
#include "text.h"
#include "util.h"

/* What fills the screen; the views form a stack, "back" pops it. */
enum ui_view {
	VIEW_ARTICLES,		/* the list (wide: with the article beside) */
	VIEW_ARTICLE,		/* one article and its quotes */
	VIEW_SPEAKERS,		/* speakers (wide: with their quotes beside) */
	VIEW_SPQUOTES,		/* one speaker's quotes */
	VIEW_HELP
};

/*
 * A view on the stack.  The panes are one of each kind, so when a view
 * is covered by another, what its panes show (the article, the speaker,
 * filters, cursors and scroll) is saved with it, and put back when Back
 * uncovers it; the top view's panes are the truth and it saves nothing.
 */
struct ui_frame {
	enum ui_view		 view;
	enum ui_pane_id		 focus;
	struct ui_saved		*saved[PANE_COUNT];
	char			*applied[PANE_COUNT];	/* their filters */
};

#define UI_STACK	64	/* past it the oldest views are dropped */

/* What / takes: a query of 4 KiB is some 2,000 Cyrillic letters, and
 * the prompt says so when a key does not fit. */
#define UI_INPUT_MAX	4096
#define UI_INPUT_FULL	"4096 bytes at most"

/* A line typed for a command (|, e): what it is for, and what to do
 * with it. */
struct ui_prompt {
	char		*label;		/* before the line: "| " */
	char		*hint;		/* on the right */
	ui_prompt_fn	 done;
	ui_complete_fn	 complete;
	void		*ctx;		/* freed after done or Esc */
};

/* A read mark not yet written: another process held the write lock. */
struct ui_mark {
	long long	id;
	int		is_read;
};

struct ui {
	struct db		*db;
	const char		*path;
	struct pane		 panes[PANE_COUNT];
	int			 shown[PANE_COUNT];	/* on screen now */
	struct ui_frame		 stack[UI_STACK];
	int			 depth;
	struct layout		 lay;
	WINDOW			*statusw;
	int			 dirty;		/* REDRAW_* bits */
	char			*msg;		/* until the next key */
	int			 msg_is_error;
	int			 prompting;	/* UI_PROMPT_*: typing */
	struct ui_prompt	 cmd;		/* for UI_PROMPT_COMMAND */
	struct buf		 input;		/* UI_INPUT_MAX at most */
	int			 input_full;	/* the last key did not fit */
	int			 live_due;	/* a filter typed, not yet
						 * applied: keys typed ahead
						 * apply it once, after the
						 * last of them */
	char			*applied[PANE_COUNT];	/* filters set */
	int			 quit;
	int			 ascii;
	int			 told_readonly;
	struct ui_mark		*pending;	/* read marks to write */
	size_t			 npending;
	int			 told_busy;
	struct ui_fetch		*fetch;		/* fetch running, or NULL */
	struct buf		 osc;		/* for after the next update */
	const struct config	*cfg;
};

enum {
	UI_PROMPT_NONE,
	UI_PROMPT_FILTER,	/* "/": the focused pane's filter */
	UI_PROMPT_COMMAND	/* ui_prompt(): a line for a command */
};

static volatile sig_atomic_t	 ui_signalled;
static int			 ui_sigpipe[2] = { -1, -1 };
static struct ui		*ui_current;	/* for the fatal hook */

static void	 ui_on_signal(int);
static void	 ui_vmessage(struct ui *, int, const char *, va_list)
		    __attribute__((format(printf, 3, 0)));
static void	 ui_fatal_hook(void);
static void	 ui_relayout(struct ui *);
static void	 ui_normalize(struct ui *);
static void	 ui_place(struct ui *, enum ui_pane_id, const struct rect *);
static void	 ui_border(const struct rect *, int);
static void	 ui_draw(struct ui *);
static void	 ui_draw_status(struct ui *);
static void	 ui_draw_small(struct ui *);
static void	 ui_prompt_line(struct ui *, struct buf *, int);
static int	 ui_wait(int, int);
static int	 ui_key(struct ui *, int, wint_t);
static int	 ui_prompt_key(struct ui *, int, wint_t);
static int	 ui_live_flush(struct ui *);
static int	 ui_prompt_edit(struct ui *, int, wint_t);
static int	 ui_prompt_command_key(struct ui *, int, wint_t);
static void	 ui_prompt_forget(struct ui *);
static int	 ui_prompt_live(struct ui *);
static int	 ui_action(struct ui *, enum keys_action);
static int	 ui_next_unread(struct ui *);
static int	 ui_push(struct ui *, enum ui_view, enum ui_pane_id);
static void	 ui_frame_save(struct ui *, struct ui_frame *);
static int	 ui_frame_restore(struct ui *, struct ui_frame *);
static void	 ui_frame_forget(struct ui_frame *);
static void	 ui_sync(struct ui *);
static int	 ui_cycle_focus(struct ui *);
static struct ui_frame *ui_top(struct ui *);
static int	 ui_pending_flush(struct ui *);
static int	 ui_fetch_key(struct ui *);
static int	 ui_fetch_poll(struct ui *);

static void
ui_on_signal(int sig)
{
	int	saved = errno;

	ui_signalled = sig;
	if (ui_sigpipe[1] != -1)
		(void)write(ui_sigpipe[1], "", 1);
	errno = saved;
}

/* fatal() calls this before it writes: give the terminal back first. */
static void
ui_fatal_hook(void)
{
	if (ui_current != NULL && !isendwin())
		endwin();
}

static struct ui_frame *
ui_top(struct ui *ui)
{
	return &ui->stack[ui->depth - 1];
}

struct db *
ui_db(struct ui *ui)
{
	return ui->db;
}

const struct config *
ui_config(struct ui *ui)
{
	return ui->cfg;
}

enum ui_pane_id
ui_focused(struct ui *ui)
{
	return ui_top(ui)->focus;
}

int
ui_ascii(struct ui *ui)
{
	return ui->ascii;
}

int
ui_status_cols(struct ui *ui)
{
	return ui->lay.status.w;
}

void
ui_osc52(struct ui *ui, const char *text, size_t len)
{
	buf_reset(&ui->osc);
	export_osc52(&ui->osc, text, len);
}

struct pane *
ui_pane(struct ui *ui, enum ui_pane_id id)
{
	return &ui->panes[id];
}

int
ui_is_wide(struct ui *ui)
{
	return ui->lay.wide;
}

const char *
ui_mark_unread(struct ui *ui)
{
	return ui->ascii ? "*" : "\xe2\x80\xa2";	/* U+2022 */
}

static void
ui_vmessage(struct ui *ui, int is_error, const char *fmt, va_list ap)
{
	free(ui->msg);
	ui->msg = xvasprintf(fmt, ap);
	ui->msg_is_error = is_error;
	ui->dirty |= REDRAW_STATUS;
}

void
ui_message(struct ui *ui, const char *fmt, ...)
{
	va_list	ap;

	va_start(ap, fmt);
	ui_vmessage(ui, 0, fmt, ap);
	va_end(ap);
}

void
ui_error(struct ui *ui, const char *fmt, ...)
{
	va_list	ap;

	va_start(ap, fmt);
	ui_vmessage(ui, 1, fmt, ap);
	va_end(ap);
}

/*
 * Writes s at the start of row y.  The row is converted to wide
 * characters here, in one mbstowcs() call, and written with
 * waddnwstr(): waddstr() would decode it a byte at a time (mbrtowc()
 * and wctob() for every byte), which was half of the reader's time for
 * a key.  A row that does not convert (not the locale's encoding) goes
 * through waddstr() as before.  The blanks that pad a row in the plain
 * colour are cleared (wclrtoeol(), the same blank cells): waddnwstr()
 * takes some 200 instructions a cell, a blank one too, and an
 * article's short lines and empty rows are a fifth of its pane.
 */
void
ui_put(struct pane *p, int y, const char *s, enum ui_color c)
{
	WINDOW	*w = p->win;
	wchar_t	 small[512], *ws = small;
	size_t	 n, k;
	int	 a = ui_attr(c);

	if (w == NULL || s == NULL || y < 0 || y >= p->h)
		return;
	if (p->drawn != NULL)
		p->drawn[y] = 0;
	n = strlen(s) + 1;
	if (n > sizeof(small) / sizeof(small[0]))
		ws = xreallocarray(NULL, n, sizeof(*ws));
	wattrset(w, a);
	if ((n = mbstowcs(ws, s, n)) == (size_t)-1)
		mvwaddstr(w, y, 0, s);
	else if (a != A_NORMAL)
		mvwaddnwstr(w, y, 0, ws, (int)n);
	else {
		/* Ended before the blanks, the text leaves the cursor on
		 * this row. */
		for (k = n; k > 0 && ws[k - 1] == L' '; k--)
			;
		mvwaddnwstr(w, y, 0, ws, (int)k);
		if (k < n)
			wclrtoeol(w);
	}
	wattrset(w, A_NORMAL);
	if (ws != small)
		free(ws);
}

/*
 * Rows that are written again as they are (the list's rows but two on a
 * step) are not: ncurses would still mark them changed and compare them
 * with the screen in doupdate().  A row is known by a hash of its text
 * and colour, forgotten when anything else writes there or the window
 * is made anew.
 */
void
ui_put_row(struct pane *p, int y, const char *s, enum ui_color c)
{
	unsigned long long	 h = 0xcbf29ce484222325ULL;
	const unsigned char	*u;
	char			*t;

	if (s == NULL)		/* an empty struct buf */
		s = "";
	for (u = (const unsigned char *)s; *u != '\0'; u++)
		h = (h ^ *u) * 0x100000001b3ULL;
	h = (h ^ (unsigned)c) * 0x100000001b3ULL;
	if (h == 0)
		h = 1;
	if (p->drawn != NULL && y >= 0 && y < p->h && p->drawn[y] == h)
		return;
	t = text_pad(s, strlen(s), p->w);
	ui_put(p, y, t, c);
	free(t);
	if (p->drawn != NULL && y >= 0 && y < p->h && p->win != NULL)
		p->drawn[y] = h;
}

void
ui_paint(struct pane *p, int y, int x, int n, enum ui_color c)
{
	WINDOW	*w = p->win;
	int	 a = ui_attr(c);

	if (w == NULL || y < 0 || y >= p->h || x >= p->w || n <= 0)
		return;
	if (p->drawn != NULL)
		p->drawn[y] = 0;
	if (x + n > p->w)
		n = p->w - x;
	mvwchgat(w, y, x, n, (attr_t)a & ~A_COLOR, (short)PAIR_NUMBER(a),
	    NULL);
}

int
ui_match(const char *hay, const char *needle)
{
	char	*f;
	int	 found;

	if (needle == NULL || *needle == '\0')
		return 1;
	f = fold_name(hay);
	found = strstr(f, needle) != NULL;
	free(f);
	return found;
}

/* Gives pane id the rectangle r and a window there. */
static void
ui_place(struct ui *ui, enum ui_pane_id id, const struct rect *r)
{
	struct pane	*p = &ui->panes[id];
	WINDOW		*w;

	if (r->h <= 0 || r->w <= 0)
		return;
	if ((w = newwin(r->h, r->w, r->y, r->x)) == NULL)
		return;
	leaveok(w, TRUE);
	p->win = w;
	p->h = r->h;
	p->w = r->w;
	p->drawn = xcalloc((size_t)r->h, sizeof(*p->drawn));
	ui->shown[id] = 1;
	p->ops->resize(p, r);
}

/* Draws a border on stdscr: a column when r is one wide, else a row. */
static void
ui_border(const struct rect *r, int ascii)
{
	attrset(ui_attr(UI_BORDER));
	if (r->w == 1 && r->h > 0) {
		if (ascii)
			mvvline(r->y, r->x, '|', r->h);
		else
			mvvline_set(r->y, r->x, WACS_VLINE, r->h);
	} else if (r->h == 1 && r->w > 0) {
		if (ascii)
			mvhline(r->y, r->x, '-', r->w);
		else
			mvhline_set(r->y, r->x, WACS_HLINE, r->w);
	}
	attrset(A_NORMAL);
}

/*
 * Views change shape with the width: a wide terminal shows the list and
 * the article (or speakers and their quotes) side by side, a narrow one
 * one of them.  After a resize, turn the view stack into the one that
 * shows the same place: the article focused beside the list becomes an
 * article view of its own, and back.
 */
static void
ui_normalize(struct ui *ui)
{
	struct ui_frame	*f = ui_top(ui);
	struct ui_frame	*below = ui->depth > 1 ? f - 1 : NULL;

	enum ui_pane_id	 focus = f->focus;

	if (!ui->lay.wide) {
		if (f->view == VIEW_ARTICLES && focus != PANE_LIST) {
			f->focus = PANE_LIST;
			ui_push(ui, VIEW_ARTICLE, focus);
		} else if (f->view == VIEW_SPEAKERS &&
		    focus != PANE_SPEAKERS) {
			f->focus = PANE_SPEAKERS;
			ui_push(ui, VIEW_SPQUOTES, PANE_SPQUOTES);
		}
		return;
	}
	if (below == NULL)
		return;
	/* What is on screen stays: below's saved panes are not put back. */
	if (f->view == VIEW_ARTICLE && below->view == VIEW_ARTICLES &&
	    ui_article_id(ui) == ui_list_selected(ui)) {
		below->focus = f->focus;
		ui_frame_forget(below);
		ui->depth--;
	} else if (f->view == VIEW_SPQUOTES && below->view == VIEW_SPEAKERS &&
	    ui_speakers_quotes_id(ui) == ui_speakers_selected(ui)) {
		below->focus = PANE_SPQUOTES;
		ui_frame_forget(below);
		ui->depth--;
	}
}

/* Computes the layout for the terminal's size and the top view, makes
 * the windows, draws the borders, and marks everything dirty. */
static void
ui_relayout(struct ui *ui)
{
	struct rect	 a, border, b;
	struct ui_frame	*f;
	int		 rows, cols, i;

	for (i = 0; i < PANE_COUNT; i++) {
		if (ui->panes[i].win != NULL)
			delwin(ui->panes[i].win);
		ui->panes[i].win = NULL;
		free(ui->panes[i].drawn);
		ui->panes[i].drawn = NULL;
		ui->panes[i].focused = 0;
		ui->shown[i] = 0;
	}
	if (ui->statusw != NULL)
		delwin(ui->statusw);
	ui->statusw = NULL;

	getmaxyx(stdscr, rows, cols);
	werase(stdscr);
	layout_compute(cols, rows, &ui->lay);
	if (!ui->lay.too_small)
		ui_normalize(ui);
	f = ui_top(ui);
	if (!ui->lay.too_small)
		ui_sync(ui);
	/* Too small, the message may take every row. */
	if ((ui->statusw = newwin(ui->lay.too_small ? rows : 1,
	    ui->lay.status.w, ui->lay.status.y, 0)) != NULL)
		leaveok(ui->statusw, TRUE);
	if (ui->lay.too_small) {
		wnoutrefresh(stdscr);
		ui->dirty = REDRAW_STATUS;
		return;
	}

	switch (f->view) {
	case VIEW_ARTICLES:
		ui_place(ui, PANE_LIST, &ui->lay.left);
		if (ui->lay.wide) {
			ui_border(&ui->lay.vline, ui->ascii);
			layout_split(&ui->lay.right, 1, &a, &border, &b);
			ui_place(ui, PANE_TEXT, &a);
			ui_border(&border, ui->ascii);
			ui_place(ui, PANE_SIDE, &b);
		}
		break;
	case VIEW_ARTICLE:
		layout_split(&ui->lay.full, ui->lay.wide, &a, &border, &b);
		ui_place(ui, PANE_TEXT, &a);
		ui_border(&border, ui->ascii);
		ui_place(ui, PANE_SIDE, &b);
		break;
	case VIEW_SPEAKERS:
		ui_place(ui, PANE_SPEAKERS, &ui->lay.left);
		if (ui->lay.wide) {
			ui_border(&ui->lay.vline, ui->ascii);
			ui_place(ui, PANE_SPQUOTES, &ui->lay.right);
		}
		break;
	case VIEW_SPQUOTES:
		ui_place(ui, PANE_SPQUOTES, &ui->lay.full);
		break;
	case VIEW_HELP:
		ui_place(ui, PANE_HELP, &ui->lay.full);
		break;
	}
	if (!ui->shown[f->focus]) {
		for (i = 0; i < PANE_COUNT && !ui->shown[i]; i++)
			;
		if (i < PANE_COUNT)
			f->focus = (enum ui_pane_id)i;
	}
	ui->panes[f->focus].focused = 1;
	wnoutrefresh(stdscr);
	ui->dirty = REDRAW_STATUS;
	for (i = 0; i < PANE_COUNT; i++)
		if (ui->shown[i])
			ui->dirty |= REDRAW_PANE(i);
}

/*
 * "terminal too small" and the size needed, in the status line's
 * colours from the top row: the words are shortened until the message
 * fits the width, and when even "need 40x10" does not, it is wrapped
 * over the rows, so that the size needed is always there to read.
 */
static void
ui_draw_small(struct ui *ui)
{
	struct text_line	*tl = NULL;
	char			*m[4], *s, *row;
	int			 cols = ui->lay.status.w, rows = LINES;
	int			 margin = cols > 2;	/* a space */
	size_t			 i, k, n;

	m[0] = xasprintf("terminal too small: %dx%d, need %dx%d", cols, rows,
	    LAYOUT_MIN_COLS, LAYOUT_MIN_ROWS);
	m[1] = xasprintf("too small: %dx%d, need %dx%d", cols, rows,
	    LAYOUT_MIN_COLS, LAYOUT_MIN_ROWS);
	m[2] = xasprintf("too small, need %dx%d", LAYOUT_MIN_COLS,
	    LAYOUT_MIN_ROWS);
	m[3] = xasprintf("need %dx%d", LAYOUT_MIN_COLS, LAYOUT_MIN_ROWS);
	for (k = 0; k < 3 && text_width(m[k], strlen(m[k])) > cols - margin;
	    k++)
		;
	n = text_wrap(m[k], strlen(m[k]), cols - margin, &tl);
	wattrset(ui->statusw, ui_attr(UI_STATUS));
	for (i = 0; i < n && (int)i < rows; i++) {
		s = text_line_render(m[k], &tl[i], NULL);
		row = xasprintf("%s%s", margin ? " " : "", s);
		free(s);
		s = text_pad(row, strlen(row), cols);
		mvwaddstr(ui->statusw, (int)i, 0, s);
		free(s);
		free(row);
	}
	wattrset(ui->statusw, A_NORMAL);
	wnoutrefresh(ui->statusw);
	free(tl);
	for (i = 0; i < 4; i++)
		free(m[i]);
}

/* "/query▏" in w columns: when the query is wider, its start gives way
 * to "…", so that its end, where the cursor is, stays in view. */
static void
ui_prompt_line(struct ui *ui, struct buf *b, int w)
{
	char		*s;
	const char	*label = ui->prompting == UI_PROMPT_COMMAND ?
			    ui->cmd.label : "/";
	int		 lw = text_width(label, strlen(label));

	s = text_fit_left(ui->input.len > 0 ? ui->input.data : "",
	    ui->input.len, w - 1 - lw > 1 ? w - 1 - lw : 1, NULL);
	buf_adds(b, label);
	buf_adds(b, s);
	buf_adds(b, ui->ascii ? "_" : "\xe2\x96\x8f");
	free(s);
}

static void
ui_draw_status(struct ui *ui)
{
	struct pane	*p;
	struct buf	 left;
	const char	*right = "?:help";
	char		*l, *r;
	int		 cols, rw, lw;

	if (ui->statusw == NULL)
		return;
	if (ui->lay.too_small) {
		ui_draw_small(ui);
		return;
	}
	cols = ui->lay.status.w;
	buf_init(&left);
	if (ui->prompting && ui->input_full)
		right = UI_INPUT_FULL;
	else if (ui->prompting == UI_PROMPT_COMMAND)
		right = ui->cmd.hint;
	else if (ui->prompting)
		right = ui_prompt_live(ui) ? "Enter:apply Esc:cancel" :
		    ui_top(ui)->focus == PANE_SPQUOTES ?
		    "Enter:filter Esc:cancel" : "Enter:search Esc:cancel";
	rw = text_width(right, strlen(right));
	if (rw + 2 > cols / 2)
		rw = 0, right = "";
	r = text_pad(right, strlen(right), rw);
	/* " left  right " */
	lw = cols - rw - (rw > 0 ? 2 : 0) - 1;
	if (ui->prompting)
		ui_prompt_line(ui, &left, lw);
	else if (ui->msg != NULL)
		buf_adds(&left, ui->msg);
	else {
		p = &ui->panes[ui_top(ui)->focus];
		if (p->ops->status != NULL)
			p->ops->status(p, &left);
	}
	l = text_pad(left.len > 0 ? left.data : "", left.len, lw > 0 ? lw :
	    0);
	buf_reset(&left);
	buf_addc(&left, ' ');
	buf_adds(&left, l);
	if (rw > 0) {
		buf_addc(&left, ' ');
		buf_adds(&left, r);
		buf_addc(&left, ' ');
	}
	free(l);
	free(r);
	wattrset(ui->statusw, ui_attr(ui->msg != NULL && ui->msg_is_error &&
	    !ui->prompting ? UI_ERROR : UI_STATUS));
	mvwaddstr(ui->statusw, 0, 0, left.data);
	wattrset(ui->statusw, A_NORMAL);
	buf_free(&left);
	wnoutrefresh(ui->statusw);
}

/* Draws the dirty panes, refreshes each into the virtual screen, then
 * sends the difference to the terminal in one go. */
static void
ui_draw(struct ui *ui)
{
	int	i;

	if (ui->dirty & REDRAW_ALL)
		ui_relayout(ui);
	for (i = 0; i < PANE_COUNT; i++) {
		if (!(ui->dirty & REDRAW_PANE(i)) || !ui->shown[i] ||
		    ui->panes[i].win == NULL)
			continue;
		ui->panes[i].ops->draw(&ui->panes[i]);
		wnoutrefresh(ui->panes[i].win);
	}
	if (ui->dirty & REDRAW_STATUS)
		ui_draw_status(ui);
	ui->dirty = 0;
	doupdate();
	if (ui->osc.len > 0) {
		/* doupdate() has written and flushed all curses had, so a
		 * sequence for the terminal itself (y's OSC 52) goes
		 * between two updates, never inside one. */
		if (fwrite(ui->osc.data, 1, ui->osc.len, stdout) !=
		    ui->osc.len || fflush(stdout) != 0)
			clearerr(stdout);
		buf_reset(&ui->osc);
	}
}

/* Sleeps until there is input, a signal or output of the background
 * fetch on fd (-1 for none), or for ms milliseconds unless ms is -1: an
 * idle reader uses no CPU.  Returns -1 when a
 * terminating signal came or the terminal went away. */
static int
ui_wait(int ms, int fd)
{
	struct pollfd	pfd[3];
	char		c;

	pfd[0].fd = STDIN_FILENO;
	pfd[0].events = POLLIN;
	pfd[1].fd = ui_sigpipe[0];
	pfd[1].events = POLLIN;
	pfd[2].fd = fd;		/* a background fetch, or -1 */
	pfd[2].events = POLLIN;
	if (poll(pfd, 3, ms) < 0 && errno != EINTR)
		return -1;
	if (pfd[1].revents & POLLIN)
		while (read(ui_sigpipe[0], &c, 1) == 1)
			;
	if (pfd[0].revents & (POLLHUP | POLLERR | POLLNVAL))
		return -1;
	return ui_signalled ? -1 : 0;
}

/* Typing a filter or a search in the status line.  The list of
 * speakers filters as you type, once for the keys typed ahead (a paste,
 * a fast typist): at a million articles a filter looks through 611,137
 * speakers' names; the article list, the text search and a speaker's
 * quotes, on Enter: filtering the quotes reads all of the speaker's
 * quotes, too much to do at every key. */
/* Whether the focused pane filters as the user types. */
static int
ui_prompt_live(struct ui *ui)
{
	int	focus = ui_top(ui)->focus;

	return focus != PANE_LIST && focus != PANE_TEXT &&
	    focus != PANE_SPQUOTES;
}

/* A key that edits the line typed: 1 when it changed, -1 when it did
 * not fit, 0 for a key that does not edit. */
static int
ui_prompt_edit(struct ui *ui, int rc, wint_t wc)
{
	char		 tmp[MB_LEN_MAX + 1];
	mbstate_t	 ps;
	size_t		 n;

	ui->input_full = 0;
	if ((rc == KEY_CODE_YES && wc == KEY_BACKSPACE) || (rc == OK &&
	    (wc == 0x7f || wc == '\b'))) {
		while (ui->input.len > 0 &&
		    (ui->input.data[--ui->input.len] & 0xc0) == 0x80)
			;
		ui->input.data[ui->input.len] = '\0';
	} else if (rc == OK && wc == 'U' - '@')
		buf_reset(&ui->input);
	else if (rc == OK && wc >= ' ') {
		memset(&ps, 0, sizeof(ps));
		if ((n = wcrtomb(tmp, (wchar_t)wc, &ps)) == (size_t)-1)
			return 0;
		if (ui->input.len + n > UI_INPUT_MAX) {
			ui->input_full = 1;
			return -1;
		}
		buf_add(&ui->input, tmp, n);
	} else
		return 0;
	return 1;
}

void
ui_prompt(struct ui *ui, const char *label, const char *init,
    const char *hint, ui_prompt_fn done, ui_complete_fn complete, void *ctx)
{
	ui_prompt_forget(ui);
	ui->prompting = UI_PROMPT_COMMAND;
	ui->cmd.label = xstrdup(label);
	ui->cmd.hint = xstrdup(hint);
	ui->cmd.done = done;
	ui->cmd.complete = complete;
	ui->cmd.ctx = ctx;
	buf_reset(&ui->input);
	if (init != NULL && strlen(init) <= UI_INPUT_MAX)
		buf_adds(&ui->input, init);
	ui->dirty |= REDRAW_STATUS;
}

static void
ui_prompt_forget(struct ui *ui)
{
	free(ui->cmd.label);
	free(ui->cmd.hint);
	free(ui->cmd.ctx);
	memset(&ui->cmd, 0, sizeof(ui->cmd));
}

/* A key while typing the line of ui_prompt(): Enter runs its command,
 * Esc forgets it, Tab completes. */
static int
ui_prompt_command_key(struct ui *ui, int rc, wint_t wc)
{
	int	bits = REDRAW_STATUS;

	if ((rc == KEY_CODE_YES && wc == KEY_ENTER) || (rc == OK &&
	    (wc == '\n' || wc == '\r'))) {
		ui->prompting = UI_PROMPT_NONE;
		bits |= ui->cmd.done(ui, ui->input.len > 0 ? ui->input.data :
		    "", ui->cmd.ctx);
		ui_prompt_forget(ui);
		return bits;
	}
	if (rc == OK && wc == 033) {
		ui->prompting = UI_PROMPT_NONE;
		ui_prompt_forget(ui);
		return bits;
	}
	if (rc == OK && wc == '\t') {
		if (ui->cmd.complete != NULL)
			ui->cmd.complete(ui, &ui->input, ui->cmd.ctx);
		return bits;
	}
	return ui_prompt_edit(ui, rc, wc) != 0 ? bits : 0;
}

/* Applies the filter typed so far, when a key has changed it since. */
static int
ui_live_flush(struct ui *ui)
{
	struct pane	*p = &ui->panes[ui_top(ui)->focus];

	if (!ui->live_due)
		return 0;
	ui->live_due = 0;
	return p->ops->filter(p, ui->input.len > 0 ? ui->input.data : NULL);
}

static int
ui_prompt_key(struct ui *ui, int rc, wint_t wc)
{
	struct pane	*p = &ui->panes[ui_top(ui)->focus];
	int		 n, bits = REDRAW_STATUS, live;

	if (ui->prompting == UI_PROMPT_COMMAND)
		return ui_prompt_command_key(ui, rc, wc);
	live = ui_prompt_live(ui);
	ui->input_full = 0;
	if ((rc == KEY_CODE_YES && wc == KEY_ENTER) || (rc == OK &&
	    (wc == '\n' || wc == '\r'))) {
		bits |= ui_live_flush(ui);
		ui->prompting = 0;
		free(ui->applied[ui_top(ui)->focus]);
		ui->applied[ui_top(ui)->focus] = ui->input.len > 0 ?
		    xstrdup(ui->input.data) : NULL;
		if (!live || ui->input.len == 0)
			bits |= p->ops->filter(p, ui->input.len > 0 ?
			    ui->input.data : NULL);
		return bits;
	}
	if (rc == OK && wc == 033) {
		ui->prompting = 0;
		ui->live_due = 0;
		if (live)
			bits |= p->ops->filter(p,
			    ui->applied[ui_top(ui)->focus]);
		return bits;
	}
	if ((n = ui_prompt_edit(ui, rc, wc)) <= 0)
		return n < 0 ? REDRAW_STATUS : 0;
	if (live)
		ui->live_due = 1;
	return bits;
}

static int
ui_key(struct ui *ui, int rc, wint_t wc)
{
	char		 tmp[MB_LEN_MAX + 16];
	const char	*name;
	enum keys_action act;
	int		 bits = 0;

	if (rc == KEY_CODE_YES && wc == KEY_RESIZE)
		return REDRAW_ALL;
	if (ui->msg != NULL) {
		free(ui->msg);
		ui->msg = NULL;
		bits |= REDRAW_STATUS;
	}
	if (ui->lay.too_small) {
		if (rc == OK && wc == 'q')
			ui->quit = 1;
		return bits;
	}
	if (ui->prompting)
		return bits | ui_prompt_key(ui, rc, wc);
	name = ui_key_name(rc, wc, tmp, sizeof(tmp));
	if (name == NULL || (act = keys_lookup(name)) == KEYS_NONE) {
		/* As mutt says it. */
		ui_message(ui, "Key %s is not bound. Press ? for help.",
		    ui_key_label(rc, wc, name, tmp, sizeof(tmp)));
		return bits | REDRAW_STATUS;
	}
	return bits | ui_action(ui, act);
}

/* Saves what the panes on screen show (a pane off screen shows nothing
 * to go back to; a wide view's pane beside follows its list anyway). */
static void
ui_frame_save(struct ui *ui, struct ui_frame *f)
{
	struct pane	*p;
	int		 i;

	ui_frame_forget(f);
	for (i = 0; i < PANE_COUNT; i++) {
		p = &ui->panes[i];
		if (!ui->shown[i] || p->ops->save == NULL)
			continue;
		f->saved[i] = p->ops->save(p);
		if (ui->applied[i] != NULL)
			f->applied[i] = xstrdup(ui->applied[i]);
	}
}

/* Puts back what f saved, in pane order (the speakers before their
 * quotes), and forgets it. */
static int
ui_frame_restore(struct ui *ui, struct ui_frame *f)
{
	struct pane	*p;
	int		 i, bits = 0;

	for (i = 0; i < PANE_COUNT; i++) {
		if (f->saved[i] == NULL)
			continue;
		p = &ui->panes[i];
		bits |= p->ops->restore(p, f->saved[i]);
		free(ui->applied[i]);
		ui->applied[i] = f->applied[i];
		f->applied[i] = NULL;
	}
	ui_frame_forget(f);
	return bits;
}

static void
ui_frame_forget(struct ui_frame *f)
{
	int	i;

	for (i = 0; i < PANE_COUNT; i++) {
		if (f->saved[i] != NULL)
			f->saved[i]->free(f->saved[i]);
		f->saved[i] = NULL;
		free(f->applied[i]);
		f->applied[i] = NULL;
	}
}

/* Covers the top view with view v, saving what the top view shows;
 * the caller then loads v's panes. */
static int
ui_push(struct ui *ui, enum ui_view v, enum ui_pane_id focus)
{
	struct ui_frame	*f;

	if (ui->depth == UI_STACK) {
		ui_frame_forget(&ui->stack[1]);
		memmove(&ui->stack[1], &ui->stack[2], (UI_STACK - 2) *
		    sizeof(ui->stack[0]));
		ui->depth--;
	}
	ui_frame_save(ui, ui_top(ui));
	f = &ui->stack[ui->depth++];
	memset(f, 0, sizeof(*f));
	f->view = v;
	f->focus = focus;
	return REDRAW_ALL;
}

/* On a wide terminal, what is shown beside a list follows the list's
 * cursor: reload it when the view comes back into sight. */
static void
ui_sync(struct ui *ui)
{
	struct ui_frame	*f = ui_top(ui);
	long long	 id;

	if (!ui->lay.wide)
		return;
	if (f->view == VIEW_ARTICLES && (id = ui_list_selected(ui)) !=
	    ui_article_id(ui))
		ui_article_load(ui, id, 0);
	if (f->view == VIEW_SPEAKERS && (id = ui_speakers_selected(ui)) !=
	    ui_speakers_quotes_id(ui))
		ui_speakers_load_quotes(ui, id, NULL);
}

int
ui_focus(struct ui *ui, enum ui_pane_id id)
{
	struct ui_frame	*f = ui_top(ui);
	enum ui_pane_id	 old = f->focus;

	if (!ui->shown[id] || old == id)
		return 0;
	ui->panes[old].focused = 0;
	f->focus = id;
	ui->panes[id].focused = 1;
	return REDRAW_PANE(id) | REDRAW_PANE(old) | REDRAW_STATUS;
}

static int
ui_cycle_focus(struct ui *ui)
{
	struct ui_frame	*f = ui_top(ui);
	int		 i, id;

	for (i = 1; i < PANE_COUNT; i++) {
		id = (f->focus + i) % PANE_COUNT;
		if (ui->shown[id])
			return ui_focus(ui, (enum ui_pane_id)id);
	}
	return 0;
}

int
ui_back(struct ui *ui)
{
	struct ui_frame	*f = ui_top(ui);

	if (f->view == VIEW_ARTICLES && f->focus != PANE_LIST)
		return ui_focus(ui, PANE_LIST);
	if (f->view == VIEW_SPEAKERS && f->focus != PANE_SPEAKERS)
		return ui_focus(ui, PANE_SPEAKERS);
	if (f->view == VIEW_ARTICLE && f->focus == PANE_SIDE &&
	    ui->shown[PANE_TEXT])
		return ui_focus(ui, PANE_TEXT);
	if (ui->depth == 1)
		return 0;
	ui->depth--;
	return REDRAW_ALL | ui_frame_restore(ui, ui_top(ui));
}

/*
 * Writes the read marks kept while another process (an import) held the
 * archive's write lock, oldest first, until the lock is met again.
 * Returns how many are still pending, or -1 after showing an error.
 */
static int
ui_pending_flush(struct ui *ui)
{
	char	*cause = NULL;
	size_t	 done;
	int	 rc = 0;

	for (done = 0; done < ui->npending; done++) {
		rc = db_article_set_read(ui->db, ui->pending[done].id,
		    ui->pending[done].is_read, &cause);
		if (rc != 0)
			break;
	}
	memmove(ui->pending, ui->pending + done, (ui->npending - done) *
	    sizeof(*ui->pending));
	ui->npending -= done;
	if (ui->npending == 0)
		ui->told_busy = 0;
	if (rc < 0) {
		ui_error(ui, "%s", cause);
		free(cause);
		ui->npending = 0;
		return -1;
	}
	return (int)ui->npending;
}

int
ui_set_read(struct ui *ui, long long id, int is_read)
{
	if (db_readonly(ui->db)) {
		if (!ui->told_readonly)
			ui_message(ui, "the archive is read-only: read marks "
			    "last until you quit");
		ui->told_readonly = 1;
		ui_list_mark(ui, id, is_read);
		return 0;
	}
	ui->pending = xreallocarray(ui->pending, ui->npending + 1,
	    sizeof(*ui->pending));
	ui->pending[ui->npending].id = id;
	ui->pending[ui->npending].is_read = is_read;
	ui->npending++;
	switch (ui_pending_flush(ui)) {
	case -1:
		return -1;
	case 0:
		break;
	default:
		if (!ui->told_busy)
			ui_message(ui, "another process is writing the "
			    "archive: read marks wait for it");
		ui->told_busy = 1;
		break;
	}
	ui_list_mark(ui, id, is_read);
	return 0;
}

int
ui_open_article(struct ui *ui, long long id, long long quote_id)
{
	struct ui_frame	*f = ui_top(ui);
	int		 bits;

	if (id <= 0)
		return 0;
	ui_set_read(ui, id, 1);
	if (f->view == VIEW_ARTICLES && ui->lay.wide)
		bits = ui_focus(ui, PANE_TEXT) | REDRAW_ALL;
	else
		bits = ui_push(ui, VIEW_ARTICLE, PANE_TEXT);
	ui_article_load(ui, id, quote_id);
	return bits;
}

int
ui_open_speaker(struct ui *ui, long long speaker_id, const char *name)
{
	struct ui_frame	*f = ui_top(ui);
	int		 bits;

	if (speaker_id <= 0) {
		ui_message(ui, "this quote has no known speaker");
		return REDRAW_STATUS;
	}
	if (f->view == VIEW_SPEAKERS && ui->lay.wide)
		bits = ui_focus(ui, PANE_SPQUOTES) | REDRAW_ALL;
	else
		bits = ui_push(ui, VIEW_SPQUOTES, PANE_SPQUOTES);
	ui_speakers_load_quotes(ui, speaker_id, name);
	return bits;
}

/* The article the keys o, * and | act on: the one on screen, else the
 * list's selected one. */
long long
ui_current_article(struct ui *ui)
{
	struct ui_frame	*f = ui_top(ui);

	return f->view == VIEW_ARTICLE || (f->view == VIEW_ARTICLES &&
	    f->focus != PANE_LIST) ? ui_article_id(ui) : ui_list_selected(ui);
}

/* u: the next unread article, selected in the list; opened when an
 * article is on screen (where r and o would act on it), as newsboat's
 * next-unread does in its article view. */
static int
ui_next_unread(struct ui *ui)
{
	struct ui_frame	*f = ui_top(ui);
	long long	 id;
	int		 bits, open;

	open = f->view == VIEW_ARTICLE || (f->view == VIEW_ARTICLES &&
	    f->focus != PANE_LIST);
	while (open && ui->depth > 1 && ui_top(ui)->view != VIEW_ARTICLE)
		ui_back(ui);
	bits = ui_list_next_unread(ui, &id);
	if (id > 0 && open)
		bits |= ui_open_article(ui, id, 0) | REDRAW_ALL;
	return bits;
}

/* Global keys here; the rest go to the focused pane. */
static int
ui_action(struct ui *ui, enum keys_action act)
{
	struct ui_frame	*f = ui_top(ui);
	struct pane	*p = &ui->panes[f->focus];
	int		 bits;

	switch (act) {
	case KEYS_NONE:
		return 0;
	case KEYS_QUIT:
		if (f->view == VIEW_HELP)
			return ui_back(ui);
		if (ui->depth == 1 && f->focus == PANE_LIST) {
			ui->quit = 1;
			return 0;
		}
		return ui_back(ui);
	case KEYS_HELP:
		if (f->view == VIEW_HELP)
			return ui_back(ui);
		return ui_push(ui, VIEW_HELP, PANE_HELP);
	case KEYS_REDRAW:
		/* As in less, also read again what may have changed. */
		clearok(curscr, TRUE);
		if (ui->npending > 0)
			ui_pending_flush(ui);
		return REDRAW_ALL | ui_list_reload(ui) |
		    ui_speakers_reload(ui);
	case KEYS_FETCH:
		return ui_fetch_key(ui);
	case KEYS_BROWSE:
		return ui_browse(ui);
	case KEYS_CITE:
		return ui_cite(ui);
	case KEYS_PIPE:
		return ui_pipe(ui);
	case KEYS_SET_SPEAKER:
		return ui_set_speaker(ui);
	case KEYS_REJECT:
		return ui_reject(ui);
	case KEYS_SUSPEND:
		/* ncurses' SIGTSTP handler restores and resumes the
		 * screen; ^Z only arrives here when the tty does not send
		 * the signal itself. */
		raise(SIGTSTP);
		return REDRAW_ALL;
	case KEYS_PANE:
		return ui_cycle_focus(ui);
	case KEYS_READ_ALL:
		return ui_list_read_all(ui);
	case KEYS_STAR:
		return ui_list_star(ui, ui_current_article(ui));
	case KEYS_STARRED:
		if (f->view != VIEW_ARTICLES) {
			ui_message(ui, "v works in the article list");
			return REDRAW_STATUS;
		}
		return ui_list_starred(ui) | ui_focus(ui, PANE_LIST);
	case KEYS_NEXT_UNREAD:
		return ui_next_unread(ui);
	case KEYS_SPEAKERS_ALL:
		if (f->view == VIEW_SPEAKERS)
			return ui_focus(ui, PANE_SPEAKERS);
		return ui_push(ui, VIEW_SPEAKERS, PANE_SPEAKERS);
	case KEYS_SPEAKERS:
		if (f->view == VIEW_ARTICLES && !ui->lay.wide) {
			ui_open_article(ui, ui_list_selected(ui), 0);
			f = ui_top(ui);
			f->focus = PANE_SIDE;
			ui->panes[PANE_SIDE].ops->key(&ui->panes[PANE_SIDE],
			    act);
			return REDRAW_ALL;
		}
		if (!ui->shown[PANE_SIDE])
			return 0;
		bits = ui_focus(ui, PANE_SIDE);
		return bits | ui->panes[PANE_SIDE].ops->key(
		    &ui->panes[PANE_SIDE], act);
	case KEYS_QUOTE_NEXT:
	case KEYS_QUOTE_PREV:
		if (!ui->shown[PANE_TEXT])
			return 0;
		return ui->panes[PANE_TEXT].ops->key(&ui->panes[PANE_TEXT],
		    act);
	case KEYS_FILTER:
		if (p->ops->filter == NULL) {
			ui_message(ui, "/ searches in the list, the text "
			    "and the speakers");
			return REDRAW_STATUS;
		}
		ui->prompting = UI_PROMPT_FILTER;
		buf_reset(&ui->input);
		return REDRAW_STATUS;
	default:
		break;
	}
	bits = p->ops->key(p, act);
	if (bits != 0 && act == KEYS_BACK) {
		/* A list takes "back" to drop its filter. */
		free(ui->applied[f->focus]);
		ui->applied[f->focus] = NULL;
	}
	if (bits == 0 && act == KEYS_BACK)
		bits = ui_back(ui);
	return bits;
}

/* F: starts fetch in the background, or says how far it is. */
static int
ui_fetch_key(struct ui *ui)
{
	const struct ui_fetch_state	*st;
	char				*cause = NULL;

	if (ui->fetch != NULL) {
		st = ui_fetch_state(ui->fetch);
		ui_message(ui, "still fetching: %zu feeds done, %zu new "
		    "articles", st->feeds, st->added);
		return REDRAW_STATUS;
	}
	if ((ui->fetch = ui_fetch_start(ui->path, &cause)) == NULL) {
		ui_error(ui, "%s", cause);
		free(cause);
		return REDRAW_STATUS;
	}
	ui_message(ui, "fetching the feeds in the background...");
	return REDRAW_STATUS;
}

/* Reads what the background fetch said: its progress in the status
 * line, and once it is done the list read again and its summary. */
static int
ui_fetch_poll(struct ui *ui)
{
	const struct ui_fetch_state	*st = ui_fetch_state(ui->fetch);
	int				 done, bits;

	done = ui_fetch_read(ui->fetch);
	if (!done) {
		ui_message(ui, "fetching: %zu feeds done, %zu new articles%s",
		    st->feeds, st->added, st->failed > 0 ? ", some failed" :
		    "");
		return REDRAW_STATUS;
	}
	bits = ui_list_reload(ui) | ui_speakers_reload(ui);
	/* The summary, and the last failure when there was one. */
	if (st->status == 0 && st->summary != NULL)
		ui_message(ui, "%s", st->summary);
	else if (st->summary != NULL && st->problem != NULL)
		ui_error(ui, "%s; %s", st->summary, st->problem);
	else if (st->problem != NULL)
		ui_error(ui, "fetch: %s", st->problem);
	else
		ui_error(ui, "fetch failed (exit %d)", st->status);
	ui_fetch_stop(ui->fetch);
	ui->fetch = NULL;
	return bits | REDRAW_STATUS;
}

int
ui_run(struct db *db, const char *path, const struct config *cfg)
{
	struct ui		 ui;
	struct sigaction	 act;
	wint_t			 wc;
	int			 i, rc, flags;

	if (!isatty(STDIN_FILENO) || !isatty(STDOUT_FILENO)) {
		warnx("the reader needs a terminal; 'citata list' and "
		    "'citata show ID' work in pipes");
		return 2;
	}
	memset(&ui, 0, sizeof(ui));
	ui.db = db;
	ui.path = path;
	ui.cfg = cfg;
	ui_colors_set(cfg);
	ui.ascii = text_mode_get() == TEXT_ASCII;
	buf_init(&ui.input);
	buf_init(&ui.osc);
	ui.stack[0].view = VIEW_ARTICLES;
	ui.stack[0].focus = PANE_LIST;
	ui.depth = 1;

	if (pipe(ui_sigpipe) != 0)
		fatal("pipe: %s", strerror(errno));
	for (i = 0; i < 2; i++) {
		flags = fcntl(ui_sigpipe[i], F_GETFL);
		fcntl(ui_sigpipe[i], F_SETFL, flags | O_NONBLOCK);
		fcntl(ui_sigpipe[i], F_SETFD, FD_CLOEXEC);
	}
	memset(&act, 0, sizeof(act));
	act.sa_handler = ui_on_signal;
	sigemptyset(&act.sa_mask);
	sigaction(SIGINT, &act, NULL);
	sigaction(SIGTERM, &act, NULL);
	sigaction(SIGHUP, &act, NULL);

	set_escdelay(50);
	if (ui_term_open(&ui) != 0)
		return 2;
	ui_current = &ui;
	util_set_fatal_hook(ui_fatal_hook);
	cbreak();
	noecho();
	nonl();
	keypad(stdscr, TRUE);
	nodelay(stdscr, TRUE);
	curs_set(0);
	ui_colors_init();
	/*
	 * ncurses (6.4 here) flushes its output at each move of the cursor
	 * until the screen has been left once with endwin() and come back
	 * to ("the screen has not been initialized", lib_mvcur.c): every
	 * row an update changed was a write(2) of its own, 43 for a page
	 * of a speaker's quotes, each a trip through the terminal's driver.
	 * Left and come back to before anything is drawn, each update is
	 * one write.
	 */
	endwin();
	doupdate();
	if (ui.ascii)
		ui_message(&ui, "the terminal is not UTF-8: showing text "
		    "in ASCII");

	ui.panes[PANE_LIST].ui = &ui;
	ui_list_init(&ui.panes[PANE_LIST]);
	ui.panes[PANE_TEXT].ui = &ui;
	ui_article_init_text(&ui.panes[PANE_TEXT]);
	ui.panes[PANE_SIDE].ui = &ui;
	ui_article_init_side(&ui.panes[PANE_SIDE]);
	ui.panes[PANE_SPEAKERS].ui = &ui;
	ui_speakers_init(&ui.panes[PANE_SPEAKERS]);
	ui.panes[PANE_SPQUOTES].ui = &ui;
	ui_speakers_init_quotes(&ui.panes[PANE_SPQUOTES]);
	ui.panes[PANE_HELP].ui = &ui;
	ui_help_init(&ui.panes[PANE_HELP]);
	ui.dirty = REDRAW_ALL;
	while (!ui.quit && !ui_signalled) {
		if (ui.npending > 0)
			ui_pending_flush(&ui);
		ui_draw(&ui);
		/* Keys typed ahead are all handled before drawing, each on
		 * the layout the previous one made. */
		while (!ui.quit && (rc = get_wch(&wc)) != ERR) {
			ui.dirty |= ui_key(&ui, rc, wc);
			if (ui.dirty & REDRAW_ALL)
				ui_relayout(&ui);
		}
		ui.dirty |= ui_live_flush(&ui);
		if (ui.dirty != 0 || ui.quit)
			continue;
		/* Pending read marks are retried every second. */
		if (ui_wait(ui.npending > 0 ? 1000 : -1, ui.fetch != NULL ?
		    ui_fetch_fd(ui.fetch) : -1) != 0)
			break;
		if (ui.fetch != NULL)
			ui.dirty |= ui_fetch_poll(&ui);
	}

	ui_list_save(&ui);
	if (ui.npending > 0)
		ui_pending_flush(&ui);
	endwin();
	if (ui.fetch != NULL) {
		ui_fetch_stop(ui.fetch);
		warnx("the background fetch was stopped; the feeds it had "
		    "finished are stored");
	}
	if (ui.npending > 0)
		warnx("%zu read mark%s not saved: another process was "
		    "writing the archive", ui.npending, ui.npending > 1 ?
		    "s were" : " was");
	free(ui.pending);
	ui_current = NULL;
	util_set_fatal_hook(NULL);
	for (i = 0; i < ui.depth; i++)
		ui_frame_forget(&ui.stack[i]);
	for (i = 0; i < PANE_COUNT; i++) {
		ui.panes[i].ops->free(&ui.panes[i]);
		free(ui.panes[i].drawn);
	}
	ui_term_close();
	free(ui.msg);
	for (i = 0; i < PANE_COUNT; i++)
		free(ui.applied[i]);
	buf_free(&ui.input);
	buf_free(&ui.osc);
	close(ui_sigpipe[0]);
	close(ui_sigpipe[1]);
	ui_sigpipe[0] = ui_sigpipe[1] = -1;
	signal(SIGINT, SIG_DFL);
	signal(SIGTERM, SIG_DFL);
	signal(SIGHUP, SIG_DFL);
	return 0;
}
