#ifndef LAYOUT_H
#define LAYOUT_H

/*
 * layout.c: where the reader's panes go, as rectangles.  Pure: no curses,
 * no state, so it is unit tested (tests/t_layout.c).
 *
 * Narrow terminal (below LAYOUT_WIDE_COLS), one view at a time:
 *
 *	+------------ full ------------+	+------------ a -------------+
 *	|                              |	|   article text             |
 *	|   list                       |	+--------- border -----------+
 *	|                              |	|   b: quotes, speakers      |
 *	+------------------------------+	+----------------------------+
 *	status line (1 row)			status line
 *
 * Wide terminal, the list beside what it shows:
 *
 *	+- left (30%) -+|+---- a ----+|+-- b (1/3) --+
 *	|  list        ||| text      ||| quotes      |
 *	+--------------+|+-----------+|+-------------+
 *	status line
 */

#define LAYOUT_MIN_COLS		40	/* below this, "terminal too small" */
#define LAYOUT_MIN_ROWS		10
#define LAYOUT_WIDE_COLS	120	/* from here on, panes side by side */

/* A rectangle of cells; h or w 0 means empty. */
struct rect {
	int	y, x;
	int	h, w;
};

struct layout {
	int		too_small;	/* only status is set */
	int		wide;
	struct rect	full;		/* all rows above the status line */
	struct rect	left;		/* wide: the list column */
	struct rect	vline;		/* wide: the border right of it */
	struct rect	right;		/* wide: the rest of the width */
	struct rect	status;		/* the last row */
};

/* Fills *l for a terminal of cols x rows.  Below LAYOUT_MIN_COLS or
 * LAYOUT_MIN_ROWS, l->too_small is set and only l->status (the first
 * row, full width) is meaningful.  Returns l->too_small. */
int	layout_compute(int cols, int rows, struct layout *l);

/*
 * Splits area into a, a one-cell border, and b.  Beside: a | border | b,
 * b a third of the width (at least 12 columns when it can be).  Stacked:
 * a over border over b, b a third of the height (at least 3 rows).
 * When area is too small to split, a is area and border and b are
 * empty.
 */
void	layout_split(const struct rect *area, int beside, struct rect *a,
	    struct rect *border, struct rect *b);

#endif /* LAYOUT_H */
