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
static int	help_key(struct pane *, int);
static void	help_resize(struct pane *, const struct rect *);
static void	help_free(struct pane *);
static void	help_status(struct pane *, struct buf *);
static long	help_rows(void);

static const struct pane_ops help_ops = {
	"Help", help_draw, help_key, help_resize, help_free, NULL,
	help_status
};

/* The first row shown. */
struct help {
	long	top;
};

void
ui_help_init(struct pane *p)
{
	p->ops = &help_ops;
	p->data = xcalloc(1, sizeof(struct help));
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

	if (h->top > help_rows() - r->h)
		h->top = help_rows() - r->h;
	if (h->top < 0)
		h->top = 0;
}

static void
help_draw(struct pane *p)
{
	struct help			*h = p->data;
	const struct keys_binding	*b = keys_table();
	struct buf			 line;
	char				*names, *s;
	long				 row;
	int				 y, kw;

	kw = p->w / 3 < HELP_KEYS_COLS ? p->w / 3 : HELP_KEYS_COLS;
	buf_init(&line);
	for (y = 0; y < p->h; y++) {
		row = h->top + y;
		buf_reset(&line);
		if (row == 0) {
			ui_put_row(p, y, " Keys (q or ? to close)",
			    UI_HEADER);
			continue;
		}
		if (row == 1 || row >= help_rows()) {
			ui_put_row(p, y, "", UI_NORMAL);
			continue;
		}
		names = keys_names(&b[row - 2]);
		s = text_pad(names, strlen(names), kw);
		buf_adds(&line, "  ");
		buf_adds(&line, s);
		buf_addc(&line, ' ');
		buf_adds(&line, b[row - 2].help);
		free(s);
		free(names);
		ui_put_row(p, y, line.data, UI_NORMAL);
	}
	buf_free(&line);
}

static int
help_key(struct pane *p, int action)
{
	struct help	*h = p->data;
	long		 old = h->top, page = p->h > 1 ? p->h - 1 : 1;

	switch (action) {
	case KEYS_DOWN:
		h->top++;
		break;
	case KEYS_UP:
		h->top--;
		break;
	case KEYS_PAGE_DOWN:
		h->top += page;
		break;
	case KEYS_PAGE_UP:
		h->top -= page;
		break;
	case KEYS_TOP:
		h->top = 0;
		break;
	case KEYS_BOTTOM:
		h->top = help_rows();
		break;
	default:
		return 0;
	}
	if (h->top > help_rows() - p->h)
		h->top = help_rows() - p->h;
	if (h->top < 0)
		h->top = 0;
	return h->top != old ? REDRAW_PANE(PANE_HELP) : 0;
}

static void
help_status(struct pane *p, struct buf *b)
{
	(void)p;
	buf_adds(b, "Help");
}
