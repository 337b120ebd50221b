/*
 * ui_help.c: the help pane, the list of keys made from the key table
 * (keys.c), so it says what the dispatcher does.
 */
#include "config.h"

#include "ui.h"

#include <stdlib.h>
#include <string.h>

#include "keys.h"
#include "layout.h"
#include "text.h"
#include "util.h"

#define HELP_KEYS_COLS	20	/* width of the key names column */

static void	help_draw(struct pane *);
static enum ui_color help_draw_row(struct pane *, long long, const void *,
		    struct buf *);
static int	help_key(struct pane *, int);
static void	help_resize(struct pane *, const struct rect *);
static void	help_free(struct pane *);
static void	help_status(struct pane *, struct buf *);
static long	help_rows(void);

static const struct pane_ops help_ops = {
	"Help", help_draw, help_key, help_resize, help_free, NULL,
	help_status
};

static const struct ui_rows_ops help_rows_ops = {
	NULL, NULL, help_draw_row, NULL
};

/* The rows, scrolled without a cursor. */
struct help {
	struct ui_rows	rows;
};

void
ui_help_init(struct pane *p)
{
	struct help	*h = xcalloc(1, sizeof(*h));

	ui_rows_init(&h->rows, &help_rows_ops);
	h->rows.no_cursor = 1;
	h->rows.total = help_rows();
	p->ops = &help_ops;
	p->data = h;
}

static void
help_free(struct pane *p)
{
	free(p->data);
	p->data = NULL;
}

/* A heading, a blank line, then one row per binding. */
static long
help_rows(void)
{
	const struct keys_binding	*b;
	long				 n = 2;

	for (b = keys_table(); b->action != KEYS_NONE; b++)
		n++;
	return n;
}

static void
help_resize(struct pane *p, const struct rect *r)
{
	struct help	*h = p->data;

	(void)r;
	ui_rows_fit(p, &h->rows);
}

static void
help_draw(struct pane *p)
{
	struct help	*h = p->data;

	ui_rows_draw(p, &h->rows);
}

static enum ui_color
help_draw_row(struct pane *p, long long rank, const void *row,
    struct buf *line)
{
	const struct keys_binding	*b = keys_table();
	char				*names, *s;
	int				 kw;

	(void)row;
	if (rank == 0) {
		buf_adds(line, " Keys (q or ? to close)");
		return UI_HEADER;
	}
	if (rank == 1 || rank >= help_rows())
		return UI_NORMAL;
	kw = p->w / 3 < HELP_KEYS_COLS ? p->w / 3 : HELP_KEYS_COLS;
	names = keys_names(&b[rank - 2]);
	s = text_pad(names, strlen(names), kw);
	buf_adds(line, "  ");
	buf_adds(line, s);
	buf_addc(line, ' ');
	buf_adds(line, b[rank - 2].help);
	free(s);
	free(names);
	return UI_NORMAL;
}

static int
help_key(struct pane *p, int action)
{
	struct help	*h = p->data;

	return ui_rows_key(p, &h->rows, action) > 0 ?
	    REDRAW_PANE(PANE_HELP) : 0;
}

static void
help_status(struct pane *p, struct buf *b)
{
	(void)p;
	buf_adds(b, "Help");
}
