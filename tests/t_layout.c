/*
 * t_layout.c: the reader's pane geometry, without a terminal.
 */
#include "config.h"

#include <stdio.h>

#include "layout.h"
#include "tap.h"

static int	covers(const struct rect *, const struct rect *,
		    const struct rect *, const struct rect *);

/* Do a, border and b tile area exactly, side by side or stacked? */
static int
covers(const struct rect *area, const struct rect *a,
    const struct rect *border, const struct rect *b)
{
	if (a->y == b->y && a->h == area->h && b->h == area->h)
		return a->x == area->x && border->x == a->x + a->w &&
		    border->w == 1 && b->x == border->x + 1 &&
		    b->x + b->w == area->x + area->w;
	return a->x == area->x && b->x == area->x && a->w == area->w &&
	    b->w == area->w && a->y == area->y &&
	    border->y == a->y + a->h && border->h == 1 &&
	    b->y == border->y + 1 && b->y + b->h == area->y + area->h;
}

int
main(void)
{
	static const int	sizes[][2] = {
		{ 40, 10 }, { 80, 24 }, { 119, 30 }, { 120, 30 },
		{ 132, 43 }, { 200, 60 }, { 1000, 300 }
	};
	struct layout		l;
	struct rect		a, border, b;
	size_t			i;
	int			cols, rows;

	ok(layout_compute(39, 24, &l) == 1 && l.too_small,
	    "39 columns is too small");
	ok(layout_compute(80, 9, &l) == 1 && l.too_small,
	    "9 rows is too small");
	ok(l.status.y == 0 && l.status.w == 80 && l.status.h == 1,
	    "too small: the message goes on the first row");
	ok(layout_compute(0, 0, &l) == 1 && l.status.h == 0,
	    "a 0x0 terminal has no status row");
	ok(layout_compute(40, 10, &l) == 0 && !l.wide,
	    "40x10 is usable, one view at a time");
	ok(layout_compute(119, 40, &l) == 0 && !l.wide,
	    "119 columns is narrow");
	ok(layout_compute(120, 40, &l) == 0 && l.wide,
	    "120 columns is wide");

	for (i = 0; i < sizeof(sizes) / sizeof(sizes[0]); i++) {
		cols = sizes[i][0];
		rows = sizes[i][1];
		layout_compute(cols, rows, &l);
		ok(l.status.y == rows - 1 && l.status.w == cols &&
		    l.full.h == rows - 1 && l.full.w == cols,
		    "%dx%d: status on the last row, the rest above", cols,
		    rows);
		if (l.wide)
			ok(l.left.x == 0 && l.vline.x == l.left.w &&
			    l.right.x == l.left.w + 1 &&
			    l.right.x + l.right.w == cols &&
			    l.left.w >= 36, "%dx%d: list | border | right",
			    cols, rows);
		else
			ok(l.left.w == cols && l.left.h == rows - 1,
			    "%dx%d: the list fills the screen", cols, rows);
		layout_split(&l.full, 0, &a, &border, &b);
		ok(covers(&l.full, &a, &border, &b) && b.h >= 3 && a.h >= 5,
		    "%dx%d: text over border over quotes tiles the screen",
		    cols, rows);
		if (l.wide) {
			layout_split(&l.right, 1, &a, &border, &b);
			ok(covers(&l.right, &a, &border, &b) && b.w >= 12 &&
			    a.w > b.w, "%dx%d: text | border | quotes tiles "
			    "the right side", cols, rows);
		}
	}

	a.y = 0; a.x = 0; a.h = 4; a.w = 80;
	layout_split(&a, 0, &a, &border, &b);
	ok(a.h == 4 && border.h == 0 && b.h == 0,
	    "an area of 4 rows is not split");
	a.y = 0; a.x = 0; a.h = 20; a.w = 2;
	layout_split(&a, 1, &a, &border, &b);
	ok(a.w == 2 && border.w == 0 && b.w == 0,
	    "an area of 2 columns is not split");
	return tap_done();
}
