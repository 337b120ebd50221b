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

/* The rows, made for the width w and scrolled without a cursor. */
struct help {
	struct ui_rows	 rows;
	char		**line;
	size_t		 n;
	int		 w;
};

static void	help_draw(struct pane *);
static enum ui_color help_draw_row(struct pane *, long long, const void *,
		    struct buf *);
static int	help_key(struct pane *, int);
static void	help_resize(struct pane *, const struct rect *);
static void	help_free(struct pane *);
static void	help_status(struct pane *, struct buf *);
static void	help_clear(struct help *);
static void	help_add(struct help *, char *);
static void	help_make(struct help *, int);

static const struct pane_ops help_ops = {
	"Help", help_draw, help_key, help_resize, help_free, NULL,
	help_status, NULL, NULL
};

static const struct ui_rows_ops help_rows_ops = {
	NULL, NULL, help_draw_row, NULL
};

void
ui_help_init(struct pane *p)
{
	struct help	*h = xcalloc(1, sizeof(*h));

	ui_rows_init(&h->rows, &help_rows_ops);
	h->rows.no_cursor = 1;
	help_make(h, 80);
	p->ops = &help_ops;
	p->data = h;
}

static void
help_clear(struct help *h)
{
	size_t	i;

	for (i = 0; i < h->n; i++)
		free(h->line[i]);
	free(h->line);
	h->line = NULL;
	h->n = 0;
}

static void
help_free(struct pane *p)
{
	help_clear(p->data);
	free(p->data);
	p->data = NULL;
}

/* Appends row s, which the help takes. */
static void
help_add(struct help *h, char *s)
{
	h->line = xreallocarray(h->line, h->n + 1, sizeof(*h->line));
	h->line[h->n++] = s;
}

/*
 * A heading, a blank row, then each binding: its keys in a column of
 * their own and what it does beside them, both wrapped to their
 * columns, so that nothing is cut on a narrow terminal.
 */
static void
help_make(struct help *h, int w)
{
	const struct keys_binding	*b;
	struct text_line		*nl, *dl;
	struct buf			 row;
	char				*names, *s, *pad;
	size_t				 nn, nd, i;
	int				 kw, dw;

	help_clear(h);
	kw = w / 3 < HELP_KEYS_COLS ? w / 3 : HELP_KEYS_COLS;
	dw = w - 2 - kw - 1 > 0 ? w - 2 - kw - 1 : 1;
	help_add(h, xstrdup(" Keys (q or ? to close)"));
	help_add(h, xstrdup(""));
	buf_init(&row);
	for (b = keys_table(); b->action != KEYS_NONE; b++) {
		names = keys_names(b);
		nn = text_wrap(names, strlen(names), kw, &nl);
		nd = text_wrap(b->help, strlen(b->help), dw, &dl);
		for (i = 0; i < nn || i < nd; i++) {
			buf_reset(&row);
			buf_adds(&row, "  ");
			s = i < nn ? text_line_render(names, &nl[i], NULL) :
			    xstrdup("");
			pad = text_pad(s, strlen(s), kw);
			buf_adds(&row, pad);
			free(pad);
			free(s);
			if (i < nd) {
				s = text_line_render(b->help, &dl[i], NULL);
				buf_addc(&row, ' ');
				buf_adds(&row, s);
				free(s);
			}
			help_add(h, buf_steal(&row));
		}
		free(nl);
		free(dl);
		free(names);
	}
	buf_free(&row);
	h->w = w;
	h->rows.total = (long long)h->n;
}

static void
help_resize(struct pane *p, const struct rect *r)
{
	struct help	*h = p->data;

	if (r->w != h->w)
		help_make(h, r->w);
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
    struct buf *b)
{
	struct help	*h = p->data;

	(void)row;
	if (rank < (long long)h->n)
		buf_adds(b, h->line[rank]);
	return rank == 0 ? UI_HEADER : UI_NORMAL;
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
