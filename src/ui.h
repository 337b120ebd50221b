#ifndef UI_H
#define UI_H

/*
 * ui.c, ui_*.c: the interactive reader.  Only these files include curses.
 *
 * ui.c owns the main loop, the view stack, the status line and the
 * prompt; ui_term.c the terminal, its colours and its key names; ui_act.c
 * the keys that run programs.  Each pane (ui_list.c: articles; ui_article.c:
 * the article text and its quotes; ui_speakers.c: speakers and a
 * speaker's quotes; ui_help.c: the keys) is a struct pane with a table of
 * operations.  Key handlers change state and return REDRAW_* bits; only
 * draw functions touch the screen; the main loop draws what is dirty,
 * wnoutrefresh()es each pane it drew and calls doupdate() once.
 *
 * Everything drawn goes through text.c (sanitize, fit, pad, wrap), so a
 * row is always exactly its pane's width and borders stay in place.
 */

#include <stddef.h>
#include <wchar.h>

struct buf;
struct config;
struct db;
struct rect;

/* Runs the reader on db until the user quits or a signal ends it, and
 * restores the terminal.  path is the archive's name for messages; cfg
 * the configuration read (its keys already bound), or NULL.  Returns
 * the exit status. */
int	ui_run(struct db *db, const char *path, const struct config *cfg);

/*
 * ui_fetch.c: "citata -d PATH fetch" in the background, its standard
 * output and error read as they come.
 */
struct ui_fetch;
struct ui_fetch_state {
	size_t	 feeds;		/* done so far */
	size_t	 added;		/* new articles so far */
	size_t	 failed;	/* feeds that failed */
	char	*problem;	/* the last failure, or NULL */
	char	*summary;	/* the closing line, or NULL */
	int	 status;	/* exit status, once done */
};
/* Starts the child on archive path, or NULL with *cause set. */
struct ui_fetch	*ui_fetch_start(const char *path, char **cause);
/* The descriptor to poll for the child's output. */
int		 ui_fetch_fd(const struct ui_fetch *);
/* Reads what the child wrote so far; 1 when it has finished (its
 * status is then in the state), 0 while it runs. */
int		 ui_fetch_read(struct ui_fetch *);
/* What the child said so far; borrowed. */
const struct ui_fetch_state *ui_fetch_state(const struct ui_fetch *);
/* Stops the child if it still runs (SIGTERM: the feeds it finished
 * stay), waits for it, and frees f; NULL does nothing. */
void		 ui_fetch_stop(struct ui_fetch *f);

/* ---- for the ui_*.c files only ---- */

enum ui_pane_id {
	PANE_LIST,		/* articles */
	PANE_TEXT,		/* the article's text */
	PANE_SIDE,		/* the article's quotes and speakers */
	PANE_SPEAKERS,		/* every speaker */
	PANE_SPQUOTES,		/* one speaker's quotes */
	PANE_HELP,
	PANE_COUNT
};

#define REDRAW_PANE(id)	(1 << (id))
#define REDRAW_STATUS	(1 << PANE_COUNT)
#define REDRAW_ALL	(1 << (PANE_COUNT + 1))	/* layout and every pane */

/* The colour table's entries; each has a colour and a monochrome form. */
enum ui_color {
	UI_NORMAL,
	UI_SELECTED,		/* cursor row in the focused pane */
	UI_SELECTED_IDLE,	/* cursor row in another pane */
	UI_HEADER,		/* titles, section heads */
	UI_DIM,			/* dates, counts */
	UI_UNREAD,
	UI_DIRECT,		/* direct speech */
	UI_INDIRECT,		/* reported speech */
	UI_CURRENT,		/* the current quote */
	UI_MATCH,		/* a word a search matched */
	UI_MATCH_CURRENT,	/* the current match */
	UI_STATUS,
	UI_ERROR,
	UI_BORDER,
	UI_COLOR_COUNT
};

struct ui;
struct pane;

/* What a pane keeps for Back (pane_ops save); the pane's own struct
 * begins with it, and free frees the whole. */
struct ui_saved {
	void	(*free)(struct ui_saved *);
};

struct pane_ops {
	const char	*name;
	void		(*draw)(struct pane *);
	int		(*key)(struct pane *, int action); /* REDRAW_* bits */
	void		(*resize)(struct pane *, const struct rect *);
	void		(*free)(struct pane *);
	/* Sets the filter (NULL clears it); returns REDRAW_* bits.  May
	 * be NULL when the pane cannot filter. */
	int		(*filter)(struct pane *, const char *);
	/* Appends "where you are" for the status line. */
	void		(*status)(struct pane *, struct buf *);
	/* What Back needs to show the pane again as it is now: what it
	 * shows, its filter, cursor and scroll; the caller frees it.
	 * NULL (the op or its result): nothing to keep. */
	struct ui_saved	*(*save)(struct pane *);
	/* Shows the pane again as save found it; returns REDRAW_* bits.
	 * What it showed is read again: it may be gone. */
	int		(*restore)(struct pane *, const struct ui_saved *);
};

/* One pane.  win is NULL while the pane is not on screen. */
struct pane {
	const struct pane_ops	*ops;
	struct ui		*ui;
	void			*win;		/* WINDOW * */
	int			 h, w;		/* of win */
	int			 focused;
	void			*data;		/* the pane's own state */
	unsigned long long	*drawn;		/* per row of win: a hash of
						 * what ui_put_row() wrote,
						 * 0 when unknown */
};

/*
 * ui_rows.c: the cursor and the paging window of every pane that shows
 * rows (the article list and its search results, the speakers, a
 * speaker's quotes, the article's quotes and speakers, the help, and
 * the article text as a list of lines), in the manner of tmux's window
 * modes: the pane says how to read and draw a row (struct ui_rows_ops);
 * this part moves the cursor, scrolls, pages and keeps the cursor in
 * view, and reads rows in as they come on screen.
 *
 * Rows are counted by rank, from 0 to total.  A pane whose rows come
 * from the archive (the article list, a speaker's quotes) holds only a
 * window of them, [first, first + n), read a screenful at a time next
 * to the rows held and trimmed to a few screens, so its cost follows the
 * screen and not the archive.  A pane with all its rows in memory either
 * hands them over (ui_rows_hold with whole set: search results) or keeps
 * them itself and draws by rank (ops->fetch NULL).
 *
 * One rule for every pane: a page is the rows shown.  Without a cursor
 * (no_cursor: the help, the article text) sel follows top and the keys
 * scroll.
 */

/* Rows read by ops->fetch, in the order read. */
struct ui_rows_fetch {
	void	**rows;
	size_t	  n, cap;
};

struct ui_rows_ops {
	/*
	 * Reads up to limit rows and appends them to f.  Going down (up
	 * 0): the rows from rank on, where next_to is the row at rank - 1
	 * (NULL when rank is 0).  Going up: the rows before rank, the
	 * nearest first, where next_to is the row at rank (NULL when rank
	 * is the total: from the end).  A pane paging along an index uses
	 * next_to, one reading by rank uses rank.  Returns 0, or -1 after
	 * showing the error.  NULL: the pane keeps its rows itself.
	 */
	int	 (*fetch)(struct pane *, long long rank, const void *next_to,
		    int up, long limit, struct ui_rows_fetch *f);
	/* Frees a row that fetch made; NULL when rows are not owned. */
	void	 (*free_row)(void *);
	/* Writes the row of rank into b (row is NULL when none is held
	 * there, always for a pane that keeps its rows) and returns its
	 * colour; the cursor's colour replaces it on the cursor's row.
	 * NULL: the pane draws its rows itself. */
	enum ui_color (*draw)(struct pane *, long long rank, const void *row,
		    struct buf *b);
	/* Whether the cursor may stop on the row of rank (NULL: every
	 * row), for rows that are headings. */
	int	 (*can_select)(struct pane *, long long rank);
};

struct ui_rows {
	const struct ui_rows_ops *ops;
	void		**rows;		/* the window; owned when
					 * ops->free_row is set */
	size_t		  n;
	long long	  first;	/* rank of rows[0] */
	long long	  total;	/* rows in the list */
	long long	  sel;		/* the cursor */
	long long	  top;		/* first row shown */
	int		  y0;		/* screen rows above the list (a
					 * heading drawn by the pane) */
	int		  no_cursor;
	int		  whole;	/* rows holds them all: none to read */
	int		  by_rank;	/* fetch reads from any rank, so a
					 * jump reads where it lands */
};

/* Sets up r empty, with ops. */
void	 ui_rows_init(struct ui_rows *r, const struct ui_rows_ops *ops);
/* Frees the rows held; total, sel and top stay.  whole is cleared. */
void	 ui_rows_clear(struct ui_rows *r);
/* Appends row to f. */
void	 ui_rows_add(struct ui_rows_fetch *f, void *row);
/* Frees the rows in f (with ops->free_row) and f's array. */
void	 ui_rows_fetch_free(const struct ui_rows_ops *ops,
	    struct ui_rows_fetch *f);
/* For a pane that reads its rows by id: appends to f the rows of ids
 * [0..n), in that order (up: the last first), taking them from got,
 * which holds them in that order with the ids that are gone skipped,
 * and making a row with gone() for each of those.  got is emptied (its
 * rows left over freed with ops->free_row). */
void	 ui_rows_by_id(struct ui_rows_fetch *f, struct ui_rows_fetch *got,
	    const long long *ids, size_t n, int up,
	    const struct ui_rows_ops *ops, long long (*id_of)(const void *),
	    void *(*gone)(long long));
/* Replaces the rows held with f's, the first at rank first; f is
 * emptied.  With whole, they are all the rows: total becomes their
 * count and nothing more is read. */
void	 ui_rows_hold(struct ui_rows *r, struct ui_rows_fetch *f,
	    long long first, int whole);
/* The row held at rank, or NULL. */
void	*ui_rows_at(const struct ui_rows *r, long long rank);
/* The rows of p that r shows (p->h less the heading), at least 0. */
int	 ui_rows_shown(const struct pane *p, const struct ui_rows *r);
/* Reads what is missing of rows [lo, hi).  Returns -1 after showing
 * the error. */
int	 ui_rows_ensure(struct pane *p, struct ui_rows *r, long long lo,
	    long long hi);
/* Moves the cursor (or scrolls) for a movement key: KEYS_DOWN, _UP,
 * _PAGE_DOWN, _PAGE_UP, _TOP, _BOTTOM.  Returns 1 when the cursor or
 * the rows shown changed, 0 when not (or for another key), -1 when the
 * rows could not be read (the cursor stays, the error is shown). */
int	 ui_rows_key(struct pane *p, struct ui_rows *r, int action);
/* Puts the cursor on rank (clamped), scrolling as little as possible;
 * returns as ui_rows_key. */
int	 ui_rows_move(struct pane *p, struct ui_rows *r, long long rank);
/* Puts the cursor (without one: the top) on rank, a third down the
 * pane when it was out of view; returns as ui_rows_key. */
int	 ui_rows_show(struct pane *p, struct ui_rows *r, long long rank);
/* n and N: the next or previous row, past the last the first again,
 * saying so ("last WHAT; from the first"); returns as ui_rows_key. */
int	 ui_rows_step(struct pane *p, struct ui_rows *r, int action,
	    const char *what);
/* After the pane's size or the total changed: clamps the cursor, keeps
 * it in view and reads the rows shown. */
void	 ui_rows_fit(struct pane *p, struct ui_rows *r);
/* Draws the rows shown, from screen row r->y0 down. */
void	 ui_rows_draw(struct pane *p, struct ui_rows *r);
/* Whether rank is a row on screen. */
int	 ui_rows_visible(const struct pane *p, const struct ui_rows *r,
	    long long rank);

/* The panes' constructors; each returns the new pane's state in p->data. */
void	ui_list_init(struct pane *);
void	ui_article_init_text(struct pane *);
void	ui_article_init_side(struct pane *);
void	ui_speakers_init(struct pane *);
void	ui_speakers_init_quotes(struct pane *);
void	ui_help_init(struct pane *);

/* Services of ui.c to the panes. */
struct db	*ui_db(struct ui *);
struct pane	*ui_pane(struct ui *, enum ui_pane_id);
int		 ui_is_wide(struct ui *);
/* Shows a message (or an error) in the status line until the next key. */
void		 ui_message(struct ui *, const char *, ...)
		    __attribute__((format(printf, 2, 3)));
void		 ui_error(struct ui *, const char *, ...)
		    __attribute__((format(printf, 2, 3)));
/* Attributes of a colour table entry. */
int		 ui_attr(enum ui_color);
/* Writes s at row y of p: s is padded to the pane's width (text.c); the
 * blanks it ends in may be cleared rather than written. */
void		 ui_put(struct pane *p, int y, const char *s, enum ui_color);
/* Writes s fitted and padded to the pane's width at row y. */
void		 ui_put_row(struct pane *p, int y, const char *s,
		    enum ui_color);
/* Changes the attributes of n cells from column x of row y. */
void		 ui_paint(struct pane *p, int y, int x, int n, enum ui_color);
/* The unread mark: a bullet, or "*" when text is shown in ASCII. */
const char	*ui_mark_unread(struct ui *);

/* Marks article id read or unread in the archive and the list; returns
 * 0, or -1 after showing the error.  On a read-only archive the mark is
 * kept until the reader quits, and the status line says so once. */
int	ui_set_read(struct ui *, long long id, int is_read);

/* Navigation, returning REDRAW_* bits. */
int	ui_open_article(struct ui *, long long id, long long quote_id);
int	ui_open_speaker(struct ui *, long long speaker_id, const char *name);
int	ui_focus(struct ui *, enum ui_pane_id);
int	ui_back(struct ui *);

/* Between the panes of ui_article.c and the rest. */
/* Loads article id into the text and side panes (0 empties them),
 * positioned on quote quote_id when it is not 0. */
int	ui_article_load(struct ui *, long long id, long long quote_id);
long long ui_article_id(struct ui *);
/* Reads the article shown again, its panes where they were. */
int	ui_article_reload(struct ui *);
/* The quote under the cursor of pane id, PANE_TEXT (the current quote)
 * or PANE_SIDE (0 when the cursor is on a speaker), or 0. */
long long ui_article_quote(struct ui *, enum ui_pane_id id);
/* Highlights the words of search query (NULL: none) in every article
 * shown from now on, and moves to the first match of the article shown;
 * returns REDRAW_* bits.  A malformed query is shown as an error. */
int	ui_article_search(struct ui *, const char *query);
/* Toggles the read mark of the article shown. */
int	ui_article_toggle_read(struct ui *);
/* Loads the quotes of speaker id into the speaker-quotes pane. */
int	ui_speakers_load_quotes(struct ui *, long long id, const char *name);
/* The list's selected article, or 0. */
long long ui_list_selected(struct ui *);
/* The speakers pane's selected speaker and the one whose quotes are
 * loaded, or 0. */
long long ui_speakers_selected(struct ui *);
long long ui_speakers_quotes_id(struct ui *);
/* The quote under the cursor of the speaker-quotes pane, or 0. */
long long ui_speakers_quote(struct ui *);
/* Whether the list holds article id as read (1), unread (0), or does
 * not hold it (-1). */
int	ui_list_read(struct ui *, long long id);
/* Marks article id read or unread in the list's rows. */
void	ui_list_mark(struct ui *, long long id, int is_read);
/* What the user set in the configuration file, or NULL. */
const struct config *ui_config(struct ui *);
enum ui_pane_id	 ui_focused(struct ui *);
int		 ui_ascii(struct ui *);		/* the screen shows ASCII */
int		 ui_status_cols(struct ui *);
/* Sends text to the terminal's clipboard (OSC 52) after the next
 * update. */
void		 ui_osc52(struct ui *, const char *text, size_t len);
/* The article o, * and | act on: the one on screen, else the list's
 * selected one; 0 when none. */
long long	 ui_current_article(struct ui *);

/* Runs a program with the terminal (ui_act.c); flags UI_SPAWN_*. */
#define UI_SPAWN_WAIT		0x1	/* "Press Enter" after it */
#define UI_SPAWN_ANY_INPUT	0x2	/* need not read all its input */
int	ui_spawn(struct ui *, char *const argv[], const char *in,
	    size_t inlen, int flags);

/* A line typed in the status line for a command: label before it
 * ("| "), init the line to start from (may be NULL), hint on the
 * right.  On Enter done is called with the line and ctx; Tab calls
 * complete (may be NULL) to change the line.  ctx (may be NULL) is
 * freed after done, or on Esc. */
typedef int	(*ui_prompt_fn)(struct ui *, const char *line, void *ctx);
typedef void	(*ui_complete_fn)(struct ui *, struct buf *line, void *ctx);
void	ui_prompt(struct ui *, const char *label, const char *init,
	    const char *hint, ui_prompt_fn done, ui_complete_fn complete,
	    void *ctx);

/* ui_term.c: starts curses on the terminal ($TERM, else the first
 * known fallback, said in the status line), or -1 after a message;
 * ui_term_close() frees it after endwin(). */
int	ui_term_open(struct ui *);
void	ui_term_close(void);
/* The colour table: the defaults with the configuration's color and
 * mono lines (cfg may be NULL), then set up on the terminal, unless
 * NO_COLOR or the terminal says no. */
void	ui_colors_set(const struct config *cfg);
void	ui_colors_init(void);
/* The key table's name for what get_wch() returned (rc, wc), or NULL;
 * tmp (MB_LEN_MAX + 16 bytes) may hold it. */
const char *ui_key_name(int rc, wint_t wc, char *tmp, size_t size);
/* For a message: name, else a name for a key the table cannot name. */
const char *ui_key_label(int rc, wint_t wc, const char *name, char *tmp,
	    size_t size);

/* The keys of ui_act.c: o, y, |, e and d. */
int	ui_browse(struct ui *);
int	ui_cite(struct ui *);
int	ui_pipe(struct ui *);
int	ui_set_speaker(struct ui *);
int	ui_reject(struct ui *);

/* A, *, v and u on the article list (ui_list.c). */
int	ui_list_read_all(struct ui *);
int	ui_list_star(struct ui *, long long id);
int	ui_list_starred(struct ui *);
int	ui_list_next_unread(struct ui *, long long *id);
/* Saves the list position in the archive. */
void	ui_list_save(struct ui *);
/* Read the archive again after another process changed it (an import),
 * each list keeping its cursor on the same row and its filter; the
 * article list says how many articles are new. */
int	ui_list_reload(struct ui *);
int	ui_speakers_reload(struct ui *);

/* Case- and ё-insensitive substring test: is folded needle (from
 * fold_name) in hay? */
int	ui_match(const char *hay, const char *needle);

#endif /* UI_H */
