/*
 * ui_rows.c: the one cursor and paging window of every pane that shows
 * rows (ui.h says which and how).  The panes say how to read and draw a
 * row; this file moves, scrolls, pages and reads rows in, so that every
 * list in the reader behaves the same.
 */
#include "config.h"

#include "ui.h"

#include <stdlib.h>
#include <string.h>

#include "keys.h"
#include "util.h"

#define ROWS_READ_MAX	100000	/* rows one read may ask for */

static void	 rows_free(struct ui_rows *, size_t, size_t);
static int	 rows_read(struct pane *, struct ui_rows *, long long,
		    const void *, int, long long, struct ui_rows_fetch *);
static void	 rows_trim(struct ui_rows *, long long, long long);
static long long rows_selectable(struct pane *, struct ui_rows *,
		    long long, int);
static void	 rows_scroll(struct pane *, struct ui_rows *, int);
static int	 rows_settle(struct pane *, struct ui_rows *, long long,
		    long long);

void
ui_rows_init(struct ui_rows *r, const struct ui_rows_ops *ops)
{
	memset(r, 0, sizeof(*r));
	r->ops = ops;
}

/* Frees rows [from, to) of the window, when they are owned. */
static void
rows_free(struct ui_rows *r, size_t from, size_t to)
{
	if (r->ops->free_row == NULL)
		return;
	for (; from < to; from++)
		r->ops->free_row(r->rows[from]);
}

void
ui_rows_clear(struct ui_rows *r)
{
	rows_free(r, 0, r->n);
	free(r->rows);
	r->rows = NULL;
	r->n = 0;
	r->first = 0;
	r->whole = 0;
}

void
ui_rows_add(struct ui_rows_fetch *f, void *row)
{
	if (f->n == f->cap) {
		f->cap = f->cap == 0 ? 64 : f->cap * 2;
		f->rows = xreallocarray(f->rows, f->cap, sizeof(*f->rows));
	}
	f->rows[f->n++] = row;
}

void
ui_rows_fetch_free(const struct ui_rows_ops *ops, struct ui_rows_fetch *f)
{
	size_t	i;

	if (ops->free_row != NULL)
		for (i = 0; i < f->n; i++)
			ops->free_row(f->rows[i]);
	free(f->rows);
	memset(f, 0, sizeof(*f));
}

void
ui_rows_by_id(struct ui_rows_fetch *f, struct ui_rows_fetch *got,
    const long long *ids, size_t n, int up, const struct ui_rows_ops *ops,
    long long (*id_of)(const void *), void *(*gone)(long long))
{
	void	**rows;
	size_t	  i, k = 0;

	rows = xreallocarray(NULL, n + 1, sizeof(*rows));
	for (i = 0; i < n; i++)
		rows[i] = k < got->n && id_of(got->rows[k]) == ids[i] ?
		    got->rows[k++] : gone(ids[i]);
	while (k < got->n)
		ops->free_row(got->rows[k++]);
	for (i = 0; i < n; i++)
		ui_rows_add(f, rows[up ? n - 1 - i : i]);
	free(rows);
	free(got->rows);
	memset(got, 0, sizeof(*got));
}

void
ui_rows_hold(struct ui_rows *r, struct ui_rows_fetch *f, long long first,
    int whole)
{
	ui_rows_clear(r);
	r->rows = f->rows;
	r->n = f->n;
	r->first = first;
	r->whole = whole;
	if (whole)
		r->total = (long long)f->n;
	memset(f, 0, sizeof(*f));
}

void *
ui_rows_at(const struct ui_rows *r, long long rank)
{
	if (rank < r->first || rank >= r->first + (long long)r->n)
		return NULL;
	return r->rows[rank - r->first];
}

int
ui_rows_shown(const struct pane *p, const struct ui_rows *r)
{
	return p->h > r->y0 ? p->h - r->y0 : 0;
}

int
ui_rows_visible(const struct pane *p, const struct ui_rows *r,
    long long rank)
{
	return rank >= r->top && rank < r->top + ui_rows_shown(p, r);
}

/* ops->fetch with the limit bounded; on error f is left empty. */
static int
rows_read(struct pane *p, struct ui_rows *r, long long rank,
    const void *next_to, int up, long long limit, struct ui_rows_fetch *f)
{
	memset(f, 0, sizeof(*f));
	if (limit > ROWS_READ_MAX)
		limit = ROWS_READ_MAX;
	if (r->ops->fetch(p, rank, next_to, up, (long)limit, f) == 0)
		return 0;
	ui_rows_fetch_free(r->ops, f);
	return -1;
}

/* Drops held rows far from [lo, hi), keeping about three screens. */
static void
rows_trim(struct ui_rows *r, long long lo, long long hi)
{
	long long	keep = (hi - lo) * 3 + 64;
	size_t		drop;

	if (r->whole || (long long)r->n <= keep)
		return;
	if (lo - r->first > keep / 3) {
		drop = (size_t)(lo - r->first - keep / 3);
		rows_free(r, 0, drop);
		memmove(r->rows, r->rows + drop, (r->n - drop) *
		    sizeof(*r->rows));
		r->n -= drop;
		r->first += (long long)drop;
	}
	if ((long long)r->n > keep) {
		rows_free(r, (size_t)keep, r->n);
		r->n = (size_t)keep;
	}
}

/*
 * Reads only what is missing next to the rows held, a screen more than
 * asked; a jump away from them reads where it lands when the pane reads
 * by rank, else from the nearer end of the list.  A read that comes
 * back short going down found the end of the list: total follows it.
 */
int
ui_rows_ensure(struct pane *p, struct ui_rows *r, long long lo,
    long long hi)
{
	struct ui_rows_fetch	 f;
	long long		 end = r->first + (long long)r->n, a;
	long long		 slack = ui_rows_shown(p, r);
	size_t			 i;
	void			*t;

	if (slack <= 0)
		slack = 24;
	if (lo < 0)
		lo = 0;
	if (hi > r->total)
		hi = r->total;
	if (lo >= hi || r->whole || r->ops->fetch == NULL)
		return 0;
	if (r->n > 0 && lo >= r->first && hi <= end)
		return 0;
	if (r->n > 0 && lo >= r->first && lo <= end) {
		/* Down from the last row held. */
		if (rows_read(p, r, end, r->rows[r->n - 1], 0, hi - end +
		    slack, &f) != 0)
			return -1;
		r->rows = xreallocarray(r->rows, r->n + f.n + 1,
		    sizeof(*r->rows));
		memcpy(r->rows + r->n, f.rows, f.n * sizeof(*f.rows));
		r->n += f.n;
		if ((long long)f.n < hi - end)
			r->total = end + (long long)f.n;
	} else if (r->n > 0 && hi <= end && hi >= r->first) {
		/* Up from the first row held. */
		if (rows_read(p, r, r->first, r->rows[0], 1, r->first - lo +
		    slack, &f) != 0)
			return -1;
		r->rows = xreallocarray(r->rows, r->n + f.n + 1,
		    sizeof(*r->rows));
		memmove(r->rows + f.n, r->rows, r->n * sizeof(*r->rows));
		for (i = 0; i < f.n; i++)
			r->rows[f.n - 1 - i] = f.rows[i];
		r->n += f.n;
		r->first -= (long long)f.n;
		if (r->first < 0)
			r->first = 0;
	} else if (r->by_rank && lo > 0) {
		a = lo - slack > 0 ? lo - slack : 0;
		if (rows_read(p, r, a, NULL, 0, hi + slack - a, &f) != 0)
			return -1;
		ui_rows_hold(r, &f, a, 0);
	} else if (lo == 0 || r->n == 0) {
		if (rows_read(p, r, 0, NULL, 0, hi + slack, &f) != 0)
			return -1;
		if ((long long)f.n < hi)
			r->total = (long long)f.n;
		ui_rows_hold(r, &f, 0, 0);
	} else {
		/* From the end: the last rows, the nearest first. */
		if (rows_read(p, r, r->total, NULL, 1, r->total - lo + slack,
		    &f) != 0)
			return -1;
		for (i = 0; i < f.n / 2; i++) {
			t = f.rows[i];
			f.rows[i] = f.rows[f.n - 1 - i];
			f.rows[f.n - 1 - i] = t;
		}
		a = r->total - (long long)f.n;
		ui_rows_hold(r, &f, a > 0 ? a : 0, 0);
	}
	free(f.rows);
	rows_trim(r, lo, hi);
	return 0;
}

/* The first row from rank on, going dir (1 or -1), where the cursor may
 * stop; -1 when there is none. */
static long long
rows_selectable(struct pane *p, struct ui_rows *r, long long rank, int dir)
{
	if (r->ops->can_select == NULL)
		return rank >= 0 && rank < r->total ? rank : -1;
	for (; rank >= 0 && rank < r->total; rank += dir)
		if (r->ops->can_select(p, rank))
			return rank;
	return -1;
}

/*
 * Clamps the cursor to the rows (onto one it may stop on, looking dir
 * first), the top so that no screen row is empty that a row could
 * fill, then scrolls as little as brings the cursor into view.  When
 * the cursor comes to the first row it may stop on, the headings above
 * it come into view too.
 */
static void
rows_scroll(struct pane *p, struct ui_rows *r, int dir)
{
	long long	h = ui_rows_shown(p, r), s;

	if (!r->no_cursor) {
		if (r->sel >= r->total)
			r->sel = r->total - 1;
		if (r->sel < 0)
			r->sel = 0;
		if (r->ops->can_select != NULL) {
			if ((s = rows_selectable(p, r, r->sel, dir)) < 0)
				s = rows_selectable(p, r, r->sel, -dir);
			if (s >= 0)
				r->sel = s;
		}
	}
	if (r->top > r->total - h)
		r->top = r->total - h;
	if (r->top < 0)
		r->top = 0;
	if (r->no_cursor) {
		r->sel = r->top;
		return;
	}
	if (r->sel < r->top) {
		r->top = r->sel;
		if (r->ops->can_select != NULL &&
		    rows_selectable(p, r, 0, 1) == r->sel)
			r->top = 0;
	}
	if (h > 0 && r->sel >= r->top + h)
		r->top = r->sel - h + 1;
}

/* Reads the rows now shown; when that fails, puts the cursor back. */
static int
rows_settle(struct pane *p, struct ui_rows *r, long long oldsel,
    long long oldtop)
{
	if (ui_rows_ensure(p, r, r->top, r->top + ui_rows_shown(p, r)) != 0) {
		r->sel = oldsel;
		r->top = oldtop;
		return -1;
	}
	return r->sel != oldsel || r->top != oldtop;
}

int
ui_rows_key(struct pane *p, struct ui_rows *r, int action)
{
	long long	 oldsel = r->sel, oldtop = r->top;
	long long	 page = ui_rows_shown(p, r);
	long long	*c = r->no_cursor ? &r->top : &r->sel;
	int		 dir = 1;

	if (page < 1)
		page = 1;
	switch (action) {
	case KEYS_DOWN:
		(*c)++;
		break;
	case KEYS_UP:
		(*c)--;
		dir = -1;
		break;
	case KEYS_PAGE_DOWN:
		r->sel += page;
		r->top += page;
		break;
	case KEYS_PAGE_UP:
		r->sel -= page;
		r->top -= page;
		dir = -1;
		break;
	case KEYS_HALF_DOWN:
		r->sel += (page + 1) / 2;
		r->top += (page + 1) / 2;
		break;
	case KEYS_HALF_UP:
		r->sel -= (page + 1) / 2;
		r->top -= (page + 1) / 2;
		dir = -1;
		break;
	case KEYS_TOP:
		*c = 0;
		break;
	case KEYS_BOTTOM:
		*c = r->total;
		dir = -1;
		break;
	default:
		return 0;
	}
	rows_scroll(p, r, dir);
	return rows_settle(p, r, oldsel, oldtop);
}

int
ui_rows_move(struct pane *p, struct ui_rows *r, long long rank)
{
	long long	oldsel = r->sel, oldtop = r->top;

	if (r->no_cursor)
		r->top = rank;
	else
		r->sel = rank;
	rows_scroll(p, r, rank >= oldsel ? 1 : -1);
	return rows_settle(p, r, oldsel, oldtop);
}

int
ui_rows_show(struct pane *p, struct ui_rows *r, long long rank)
{
	long long	oldsel = r->sel, oldtop = r->top;
	long long	h = ui_rows_shown(p, r);

	if (!r->no_cursor)
		r->sel = rank;
	if (h > 0 && (rank < r->top || rank >= r->top + h))
		r->top = rank - h / 3;
	rows_scroll(p, r, rank >= oldsel ? 1 : -1);
	return rows_settle(p, r, oldsel, oldtop);
}

int
ui_rows_step(struct pane *p, struct ui_rows *r, int action,
    const char *what)
{
	if (r->total == 0)
		return 0;
	if (action == KEYS_MATCH_NEXT) {
		if (r->sel + 1 < r->total)
			return ui_rows_move(p, r, r->sel + 1);
		ui_message(p->ui, "last %s; from the first", what);
		return ui_rows_move(p, r, 0);
	}
	if (r->sel > 0)
		return ui_rows_move(p, r, r->sel - 1);
	ui_message(p->ui, "first %s; from the last", what);
	return ui_rows_move(p, r, r->total - 1);
}

void
ui_rows_fit(struct pane *p, struct ui_rows *r)
{
	rows_scroll(p, r, 1);
	ui_rows_ensure(p, r, r->top, r->top + ui_rows_shown(p, r));
}

/* Rows not held (a read failed, or a row is gone) are drawn empty and
 * never in the cursor's colour. */
void
ui_rows_draw(struct pane *p, struct ui_rows *r)
{
	struct buf	 b;
	const void	*row;
	long long	 rank;
	int		 y, held = r->whole || r->ops->fetch != NULL;
	enum ui_color	 c;

	buf_init(&b);
	for (y = r->y0; y < p->h; y++) {
		rank = r->top + y - r->y0;
		row = ui_rows_at(r, rank);
		buf_reset(&b);
		c = r->ops->draw(p, rank, row, &b);
		if (!r->no_cursor && rank == r->sel && rank < r->total &&
		    (row != NULL || !held) && (r->ops->can_select == NULL ||
		    r->ops->can_select(p, rank)))
			c = p->focused ? UI_SELECTED : UI_SELECTED_IDLE;
		ui_put_row(p, y, b.data, c);
	}
	buf_free(&b);
}
