/*
 * layout.c: pane rectangles for a terminal size.  Pure functions of their
 * arguments, so the reader's geometry is tested without a terminal.
 */
#include "config.h"

#include "layout.h"

#include <string.h>

static struct rect	layout_rect(int, int, int, int);

static struct rect
layout_rect(int y, int x, int h, int w)
{
	struct rect	r;

	r.y = y;
	r.x = x;
	r.h = h > 0 ? h : 0;
	r.w = w > 0 ? w : 0;
	return r;
}

int
layout_compute(int cols, int rows, struct layout *l)
{
	int	lw;

	memset(l, 0, sizeof(*l));
	if (cols < LAYOUT_MIN_COLS || rows < LAYOUT_MIN_ROWS) {
		l->too_small = 1;
		l->status = layout_rect(0, 0, rows > 0 ? 1 : 0, cols);
		return 1;
	}
	l->full = layout_rect(0, 0, rows - 1, cols);
	l->status = layout_rect(rows - 1, 0, 1, cols);
	if (cols >= LAYOUT_WIDE_COLS) {
		l->wide = 1;
		lw = cols * 3 / 10;
		l->left = layout_rect(0, 0, rows - 1, lw);
		l->vline = layout_rect(0, lw, rows - 1, 1);
		l->right = layout_rect(0, lw + 1, rows - 1, cols - lw - 1);
	} else
		l->left = l->full;
	return 0;
}

void
layout_split(const struct rect *area, int beside, struct rect *a,
    struct rect *border, struct rect *b)
{
	int	n;

	*a = *area;
	*border = layout_rect(area->y, area->x, 0, 0);
	*b = *border;
	if (beside) {
		if (area->w < 3)
			return;
		n = area->w / 3;
		if (n < 12)
			n = area->w >= 36 ? 12 : area->w / 3;
		if (n < 1)
			return;
		a->w = area->w - n - 1;
		*border = layout_rect(area->y, area->x + a->w, area->h, 1);
		*b = layout_rect(area->y, area->x + a->w + 1, area->h, n);
	} else {
		if (area->h < 5)
			return;
		n = area->h / 3;
		if (n < 3)
			n = 3;
		a->h = area->h - n - 1;
		*border = layout_rect(area->y + a->h, area->x, 1, area->w);
		*b = layout_rect(area->y + a->h + 1, area->x, n, area->w);
	}
}
