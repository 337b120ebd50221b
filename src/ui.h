#ifndef UI_H
#define UI_H

/*
 * ui.c, ui_*.c: the interactive reader.  Only these files include curses.
 *
 * ui.c owns the terminal, the main loop, the view stack, the status
 * line and the colour table.  Each pane (ui_list.c: articles; ui_article.c:
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

struct buf;
struct db;
struct rect;

/* Runs the reader on db until the user quits or a signal ends it, and
 * restores the terminal.  path is the archive's name for messages.
 * Returns the exit status. */
int	ui_run(struct db *db, const char *path);

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
/* Writes s (already fitted or padded by text.c) at row y of p. */
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
/* Whether the list holds article id as read (1), unread (0), or does
 * not hold it (-1). */
int	ui_list_read(struct ui *, long long id);
/* Marks article id read or unread in the list's rows. */
void	ui_list_mark(struct ui *, long long id, int is_read);
/* Saves the list position in the archive. */
void	ui_list_save(struct ui *);
/* Read the archive again after another process changed it (an import),
 * each list keeping its cursor on the same row and its filter; the
 * article list says how many articles are new. */
int	ui_list_reload(struct ui *);
int	ui_speakers_reload(struct ui *);

/* Case- and ё-insensitive substring test: is folded needle (from
 * speakers_fold) in hay? */
int	ui_match(const char *hay, const char *needle);

#endif /* UI_H */
