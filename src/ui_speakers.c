/*
 * ui_speakers.c: two panes.  The speakers pane lists everyone in the
 * archive, most quoted first, filtered as you type by any form of the
 * name; the speaker-quotes pane lists one speaker's quotes across the
 * archive (date, source, text), and Enter on one opens its article on
 * that quote.  That pane holds only the rows near the screen, read a
 * page at a time, so its cost follows the screen, not the speaker.
 */
#include "config.h"

#include "ui.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "db.h"
#include "keys.h"
#include "layout.h"
#include "speakers.h"
#include "text.h"
#include "util.h"

/* A cursor over n rows of which h are shown. */
struct nav {
	long	sel, top, n;
};

struct sp_row {
	long long	 id;
	char		*name;
	char		*roles;		/* NULL when none */
	char		*forms;		/* folded, "|"-separated */
	long		 nquotes;
};

struct speakers {
	int		 loaded;
	struct sp_row	*rows;
	size_t		 n;
	size_t		*idx;		/* rows shown: those matching */
	struct nav	 nav;		/* over idx */
	char		*filter;	/* folded; NULL for none */
	char		*shown_filter;
};

/* One quote; strings owned.  id 0: not read (yet). */
struct spq_row {
	long long	 id;
	long long	 article_id;
	char		 date[11];
	size_t		 start;
	char		*source;	/* NULL when unknown */
	char		*text;
	size_t		 len;
};

/*
 * One speaker's quotes, newest article first.  The rows held are a
 * window [first, first + n) of the rows by rank, never all of them.
 * Without a filter the rows are the speaker's quotes, read a page at a
 * time next to the window (db_speaker_quotes_page) as the cursor moves,
 * and nav.n is the speaker's count of quotes.  With one, match holds the
 * ids of the quotes that match, in order, found once when the filter
 * was set, and the window's rows are read by id.
 */
struct spquotes {
	long long	 speaker_id;	/* 0: none loaded */
	char		*name;
	long long	 nquotes;	/* the speaker's */
	struct spq_row	*rows;		/* the window */
	size_t		 n;
	long		 first;
	struct nav	 nav;		/* over the rows by rank */
	long long	*match;		/* with a filter */
	char		*filter;	/* folded; NULL for none */
	char		*shown_filter;
};

/* Rows handed over by a query. */
struct spq_fetch {
	struct spq_row	*rows;
	size_t		 n, cap;
};

/* The ids of the quotes a filter matches. */
struct spq_matches {
	char		*filter;	/* folded */
	long long	*ids;
	size_t		 n, cap;
};

static int	 nav_key(struct nav *, int, int);
static int	 nav_match(struct pane *, struct nav *, int);
static void	 sp_draw(struct pane *);
static int	 sp_key(struct pane *, int);
static void	 sp_resize(struct pane *, const struct rect *);
static void	 sp_free(struct pane *);
static int	 sp_filter(struct pane *, const char *);
static void	 sp_status(struct pane *, struct buf *);
static void	 sp_load(struct pane *);
static int	 sp_row(void *, const struct db_speaker_row *);
static void	 sp_apply(struct speakers *);
static void	 sp_clear(struct speakers *);
static void	 sp_select(struct pane *, long long);
static int	 sp_follow(struct pane *);
static struct sp_row *sp_selected(struct speakers *);
static void	 spq_draw(struct pane *);
static int	 spq_key(struct pane *, int);
static void	 spq_resize(struct pane *, const struct rect *);
static void	 spq_free(struct pane *);
static int	 spq_filter(struct pane *, const char *);
static void	 spq_status(struct pane *, struct buf *);
static void	 spq_row_free(struct spq_row *);
static void	 spq_rows_clear(struct spquotes *);
static void	 spq_clear(struct spquotes *);
static int	 spq_fetch_row(void *, const struct db_quote_row *);
static void	 spq_fetch_free(struct spq_fetch *);
static int	 spq_page(struct pane *, const struct spq_row *, int, long,
		    struct spq_fetch *);
static void	 spq_trim(struct spquotes *, long, long);
static int	 spq_ensure_match(struct pane *, long, long, long);
static int	 spq_ensure(struct pane *, long, long);
static struct spq_row *spq_at(struct spquotes *, long);
static int	 spq_move(struct pane *, int);
static int	 spq_match_row(void *, const struct db_quote_row *);

static const struct pane_ops sp_ops = {
	"Speakers", sp_draw, sp_key, sp_resize, sp_free, sp_filter,
	sp_status
};

static const struct pane_ops spq_ops = {
	"Quotes", spq_draw, spq_key, spq_resize, spq_free, spq_filter,
	spq_status
};

/* Moves the cursor for a key; returns 1 when something changed. */
static int
nav_key(struct nav *v, int h, int action)
{
	long	old = v->sel, oldtop = v->top, page = h > 1 ? h : 1;

	switch (action) {
	case KEYS_DOWN:
		v->sel++;
		break;
	case KEYS_UP:
		v->sel--;
		break;
	case KEYS_PAGE_DOWN:
		v->sel += page;
		v->top += page;
		break;
	case KEYS_PAGE_UP:
		v->sel -= page;
		v->top -= page;
		break;
	case KEYS_TOP:
		v->sel = 0;
		break;
	case KEYS_BOTTOM:
		v->sel = v->n - 1;
		break;
	default:
		return 0;
	}
	if (v->sel >= v->n)
		v->sel = v->n - 1;
	if (v->sel < 0)
		v->sel = 0;
	if (v->top > v->n - h)
		v->top = v->n - h;
	if (v->top < 0)
		v->top = 0;
	if (v->sel < v->top)
		v->top = v->sel;
	if (h > 0 && v->sel >= v->top + h)
		v->top = v->sel - h + 1;
	return v->sel != old || v->top != oldtop;
}

/* n and N: the next or previous row of a filtered list, wrapping. */
static int
nav_match(struct pane *p, struct nav *v, int action)
{
	if (v->n == 0)
		return 0;
	if (action == KEYS_MATCH_NEXT) {
		if (v->sel + 1 >= v->n) {
			ui_message(p->ui, "last match; from the first");
			v->sel = -1;
		}
		return nav_key(v, p->h, KEYS_DOWN) | 1;
	}
	if (v->sel == 0) {
		ui_message(p->ui, "first match; from the last");
		v->sel = v->n;
	}
	return nav_key(v, p->h, KEYS_UP) | 1;
}

void
ui_speakers_init(struct pane *p)
{
	p->ops = &sp_ops;
	p->data = xcalloc(1, sizeof(struct speakers));
}

void
ui_speakers_init_quotes(struct pane *p)
{
	p->ops = &spq_ops;
	p->data = xcalloc(1, sizeof(struct spquotes));
}

static int
sp_row(void *ctx, const struct db_speaker_row *r)
{
	struct speakers	*s = ctx;
	struct sp_row	*sr;

	s->rows = xreallocarray(s->rows, s->n + 1, sizeof(*s->rows));
	sr = &s->rows[s->n++];
	sr->id = r->id;
	sr->name = xstrdup(r->name);
	sr->roles = r->roles != NULL ? xstrdup(r->roles) : NULL;
	sr->forms = xstrdup(r->forms != NULL ? r->forms : "");
	sr->nquotes = r->nquotes;
	return 0;
}

/* Reads the speakers the first time they are wanted. */
static void
sp_load(struct pane *p)
{
	struct speakers	*s = p->data;
	char		*cause = NULL;

	if (s->loaded)
		return;
	s->loaded = 1;
	if (db_speakers(ui_db(p->ui), sp_row, s, &cause) != 0) {
		ui_error(p->ui, "%s", cause);
		free(cause);
	}
	sp_apply(s);
}

/* Recomputes which speakers the filter shows. */
static void
sp_apply(struct speakers *s)
{
	size_t	i;

	free(s->idx);
	s->idx = xreallocarray(NULL, s->n + 1, sizeof(*s->idx));
	s->nav.n = 0;
	for (i = 0; i < s->n; i++)
		if (s->filter == NULL || strstr(s->rows[i].forms,
		    s->filter) != NULL || ui_match(s->rows[i].name, s->filter))
			s->idx[s->nav.n++] = i;
	s->nav.sel = s->nav.top = 0;
}

/* Frees the rows read. */
static void
sp_clear(struct speakers *s)
{
	size_t	i;

	for (i = 0; i < s->n; i++) {
		free(s->rows[i].name);
		free(s->rows[i].roles);
		free(s->rows[i].forms);
	}
	free(s->rows);
	s->rows = NULL;
	s->n = 0;
}

/* Puts the cursor on speaker id when it is shown. */
static void
sp_select(struct pane *p, long long id)
{
	struct speakers	*s = p->data;
	long		 i;

	for (i = 0; i < s->nav.n; i++)
		if (s->rows[s->idx[i]].id == id) {
			s->nav.sel = i;
			if (i >= p->h)
				s->nav.top = i - p->h / 3;
		}
}

int
ui_speakers_reload(struct ui *ui)
{
	struct pane	*p = ui_pane(ui, PANE_SPEAKERS);
	struct speakers	*s = p->data;
	struct sp_row	*r = sp_selected(s);
	long long	 id = r != NULL ? r->id : 0;

	if (!s->loaded)
		return 0;
	sp_clear(s);
	s->loaded = 0;
	sp_load(p);
	sp_select(p, id);
	return REDRAW_PANE(PANE_SPEAKERS) | REDRAW_STATUS;
}

static void
sp_free(struct pane *p)
{
	struct speakers	*s = p->data;

	sp_clear(s);
	free(s->idx);
	free(s->filter);
	free(s->shown_filter);
	free(s);
	p->data = NULL;
}

static struct sp_row *
sp_selected(struct speakers *s)
{
	if (s->nav.n == 0)
		return NULL;
	return &s->rows[s->idx[s->nav.sel]];
}

long long
ui_speakers_selected(struct ui *ui)
{
	struct pane	*p = ui_pane(ui, PANE_SPEAKERS);
	struct sp_row	*r;

	sp_load(p);
	r = sp_selected(p->data);
	return r != NULL ? r->id : 0;
}

long long
ui_speakers_quotes_id(struct ui *ui)
{
	struct spquotes	*q = ui_pane(ui, PANE_SPQUOTES)->data;

	return q->speaker_id;
}

static void
sp_resize(struct pane *p, const struct rect *r)
{
	struct speakers	*s = p->data;

	sp_load(p);
	if (s->nav.sel >= s->nav.top + r->h)
		s->nav.top = s->nav.sel - r->h + 1;
}

static void
sp_draw(struct pane *p)
{
	struct speakers	*s = p->data;
	struct sp_row	*r;
	struct buf	 b;
	long		 i;
	int		 y;
	enum ui_color	 c;

	buf_init(&b);
	for (y = 0; y < p->h; y++) {
		i = s->nav.top + y;
		buf_reset(&b);
		c = UI_NORMAL;
		if (i < s->nav.n) {
			r = &s->rows[s->idx[i]];
			buf_printf(&b, " %4ld  %s", r->nquotes, r->name);
			if (r->roles != NULL)
				buf_printf(&b, " %s %s", text_mode_get() ==
				    TEXT_ASCII ? "-" : "\xe2\x80\x94",
				    r->roles);
			if (i == s->nav.sel)
				c = p->focused ? UI_SELECTED :
				    UI_SELECTED_IDLE;
		} else if (y == 0)
			buf_adds(&b, s->filter != NULL ?
			    "  No speaker's name matches." :
			    "  No speakers in the archive.");
		ui_put_row(p, y, b.data, c);
	}
	buf_free(&b);
}

/* On a wide terminal the quotes beside follow the cursor. */
static int
sp_follow(struct pane *p)
{
	struct sp_row	*r = sp_selected(p->data);

	if (!ui_is_wide(p->ui))
		return 0;
	return ui_speakers_load_quotes(p->ui, r != NULL ? r->id : 0,
	    r != NULL ? r->name : NULL);
}

static int
sp_key(struct pane *p, int action)
{
	struct speakers	*s = p->data;
	struct sp_row	*r = sp_selected(s);

	switch (action) {
	case KEYS_OPEN:
		if (r == NULL)
			return 0;
		return ui_open_speaker(p->ui, r->id, r->name);
	case KEYS_MATCH_NEXT:
	case KEYS_MATCH_PREV:
		if (s->filter == NULL) {
			ui_message(p->ui, "no filter: / sets one");
			return REDRAW_STATUS;
		}
		nav_match(p, &s->nav, action);
		return REDRAW_PANE(PANE_SPEAKERS) | REDRAW_STATUS |
		    sp_follow(p);
	case KEYS_BACK:
		if (s->filter == NULL)
			return 0;
		return sp_filter(p, NULL);
	default:
		if (!nav_key(&s->nav, p->h, action))
			return 0;
		return REDRAW_PANE(PANE_SPEAKERS) | REDRAW_STATUS |
		    sp_follow(p);
	}
}

static int
sp_filter(struct pane *p, const char *pattern)
{
	struct speakers	*s = p->data;
	struct sp_row	*r = sp_selected(s);
	long long	 id = r != NULL ? r->id : 0;

	sp_load(p);
	free(s->filter);
	free(s->shown_filter);
	s->filter = s->shown_filter = NULL;
	if (pattern != NULL) {
		s->filter = speakers_fold(pattern);
		s->shown_filter = xstrdup(pattern);
	}
	sp_apply(s);
	sp_select(p, id);
	return REDRAW_PANE(PANE_SPEAKERS) | REDRAW_STATUS | sp_follow(p);
}

static void
sp_status(struct pane *p, struct buf *b)
{
	struct speakers	*s = p->data;

	buf_printf(b, "Speakers %ld/%ld", s->nav.n > 0 ? s->nav.sel + 1 : 0,
	    s->nav.n);
	if (s->filter != NULL)
		buf_printf(b, "  filter: %s", s->shown_filter);
}

/* ---- one speaker's quotes ---- */

static void
spq_row_free(struct spq_row *r)
{
	free(r->source);
	free(r->text);
}

/* Frees the rows held, keeping the rest. */
static void
spq_rows_clear(struct spquotes *q)
{
	size_t	i;

	for (i = 0; i < q->n; i++)
		spq_row_free(&q->rows[i]);
	free(q->rows);
	q->rows = NULL;
	q->n = 0;
	q->first = 0;
}

static void
spq_clear(struct spquotes *q)
{
	spq_rows_clear(q);
	free(q->match);
	free(q->name);
	free(q->filter);
	free(q->shown_filter);
	memset(q, 0, sizeof(*q));
}

static int
spq_fetch_row(void *ctx, const struct db_quote_row *r)
{
	struct spq_fetch	*f = ctx;
	struct spq_row		*qr;

	if (f->n == f->cap) {
		f->cap = f->cap == 0 ? 64 : f->cap * 2;
		f->rows = xreallocarray(f->rows, f->cap, sizeof(*f->rows));
	}
	qr = &f->rows[f->n++];
	qr->id = r->id;
	qr->article_id = r->article_id;
	snprintf(qr->date, sizeof(qr->date), "%s", r->date);
	qr->start = r->start;
	qr->source = r->source != NULL ? xstrdup(r->source) : NULL;
	qr->text = xstrndup(r->text, r->len);
	qr->len = r->len;
	return 0;
}

static void
spq_fetch_free(struct spq_fetch *f)
{
	while (f->n > 0)
		spq_row_free(&f->rows[--f->n]);
	free(f->rows);
	f->rows = NULL;
	f->cap = 0;
}

/* Reads up to limit quotes next to r (NULL: from an end). */
static int
spq_page(struct pane *p, const struct spq_row *r, int older, long limit,
    struct spq_fetch *f)
{
	struct spquotes		*q = p->data;
	struct db_quote_key	 key;
	char			*cause = NULL;

	memset(f, 0, sizeof(*f));
	if (r != NULL) {
		snprintf(key.date, sizeof(key.date), "%s", r->date);
		key.article_id = r->article_id;
		key.start = r->start;
		key.id = r->id;
	}
	if (limit > 100000)
		limit = 100000;
	if (db_speaker_quotes_page(ui_db(p->ui), q->speaker_id, r != NULL ?
	    &key : NULL, older, (int)limit, spq_fetch_row, f, &cause) < 0) {
		ui_error(p->ui, "%s", cause);
		free(cause);
		spq_fetch_free(f);
		return -1;
	}
	return 0;
}

/* Drops held rows far from [lo, hi), keeping about three screens. */
static void
spq_trim(struct spquotes *q, long lo, long hi)
{
	long	keep = (hi - lo) * 3 + 64;
	size_t	drop, i;

	if ((long)q->n <= keep)
		return;
	if (lo - q->first > keep / 3) {
		drop = (size_t)(lo - q->first - keep / 3);
		for (i = 0; i < drop; i++)
			spq_row_free(&q->rows[i]);
		memmove(q->rows, q->rows + drop, (q->n - drop) *
		    sizeof(*q->rows));
		q->n -= drop;
		q->first += (long)drop;
	}
	if ((long)q->n > keep) {
		for (i = (size_t)keep; i < q->n; i++)
			spq_row_free(&q->rows[i]);
		q->n = (size_t)keep;
	}
}

/*
 * With a filter: makes matches [lo, hi) available, reading by id those
 * not held, in a window a screen wider on each side.  A quote gone from
 * the archive since the filter was set stays as an empty row.
 */
static int
spq_ensure_match(struct pane *p, long lo, long hi, long slack)
{
	struct spquotes		*q = p->data;
	struct spq_fetch	 f;
	struct spq_row		*rows;
	size_t			 k;
	long			 a, b, i, j, end = q->first + (long)q->n;
	char			*cause = NULL;
	int			 rc = 0;

	if (q->n > 0 && lo >= q->first && hi <= end)
		return 0;
	a = lo - slack > 0 ? lo - slack : 0;
	b = hi + slack < q->nav.n ? hi + slack : q->nav.n;
	rows = xcalloc((size_t)(b - a) + 1, sizeof(*rows));
	for (i = a; i < b; i++)
		if (i >= q->first && i < end) {
			rows[i - a] = q->rows[i - q->first];
			memset(&q->rows[i - q->first], 0, sizeof(*rows));
		}
	for (i = a; i < b; i = j) {
		/* A run [i, j) of rows not held, read in one call. */
		for (j = i; j < b && rows[j - a].id == 0; j++)
			;
		if (j == i) {
			j = i + 1;
			continue;
		}
		memset(&f, 0, sizeof(f));
		if (db_quotes_get(ui_db(p->ui), q->match + i, (size_t)(j - i),
		    spq_fetch_row, &f, &cause) != 0) {
			ui_error(p->ui, "%s", cause);
			free(cause);
			cause = NULL;
			rc = -1;
		}
		/* They come in the order asked, the missing ones skipped. */
		for (k = 0; i < j; i++) {
			if (k < f.n && f.rows[k].id == q->match[i])
				rows[i - a] = f.rows[k++];
			else {
				rows[i - a].id = q->match[i];
				rows[i - a].text = xstrdup("");
			}
		}
		while (k < f.n)
			spq_row_free(&f.rows[k++]);
		free(f.rows);
	}
	spq_rows_clear(q);
	q->rows = rows;
	q->n = (size_t)(b - a);
	q->first = a;
	return rc;
}

/*
 * Makes rows [lo, hi) available.  Without a filter: reads only what is
 * missing next to the rows held, or a page from an end of the list,
 * then trims the window, like the article list's list_ensure().
 * Returns -1 on error.
 */
static int
spq_ensure(struct pane *p, long lo, long hi)
{
	struct spquotes		*q = p->data;
	struct spq_fetch	 f;
	long			 end = q->first + (long)q->n;
	long			 slack = p->h > 1 ? p->h - 1 : 24;
	size_t			 i;

	if (lo < 0)
		lo = 0;
	if (hi > q->nav.n)
		hi = q->nav.n;
	if (lo >= hi || q->speaker_id <= 0)
		return 0;
	if (q->filter != NULL)
		return spq_ensure_match(p, lo, hi, slack);
	if (q->n > 0 && lo >= q->first && hi <= end)
		return 0;
	if (q->n > 0 && lo >= q->first && lo <= end) {
		if (spq_page(p, &q->rows[q->n - 1], 1, hi - end + slack,
		    &f) != 0)
			return -1;
		q->rows = xreallocarray(q->rows, q->n + f.n + 1,
		    sizeof(*q->rows));
		memcpy(q->rows + q->n, f.rows, f.n * sizeof(*f.rows));
		q->n += f.n;
		if ((long)f.n < hi - end)
			q->nav.n = q->first + (long)q->n;
	} else if (q->n > 0 && hi <= end && hi >= q->first) {
		if (spq_page(p, &q->rows[0], 0, q->first - lo + slack,
		    &f) != 0)
			return -1;
		q->rows = xreallocarray(q->rows, q->n + f.n + 1,
		    sizeof(*q->rows));
		memmove(q->rows + f.n, q->rows, q->n * sizeof(*q->rows));
		for (i = 0; i < f.n; i++)
			q->rows[f.n - 1 - i] = f.rows[i];
		q->n += f.n;
		q->first -= (long)f.n;
		if (q->first < 0)
			q->first = 0;
	} else if (lo == 0 || q->n == 0) {
		spq_rows_clear(q);
		if (spq_page(p, NULL, 1, hi + slack, &f) != 0)
			return -1;
		q->rows = f.rows;
		q->n = f.n;
		f.rows = NULL;
		if ((long)f.n < hi)
			q->nav.n = (long)f.n;
	} else {
		/* The end of the list, read backwards from the last. */
		spq_rows_clear(q);
		if (spq_page(p, NULL, 0, q->nav.n - lo + slack, &f) != 0)
			return -1;
		q->rows = xreallocarray(f.rows, f.n + 1, sizeof(*q->rows));
		f.rows = NULL;
		for (i = 0; i < f.n / 2; i++) {
			struct spq_row	t = q->rows[i];

			q->rows[i] = q->rows[f.n - 1 - i];
			q->rows[f.n - 1 - i] = t;
		}
		q->n = f.n;
		q->first = q->nav.n - (long)f.n;
		if (q->first < 0)
			q->first = 0;
	}
	free(f.rows);
	spq_trim(q, lo, hi);
	return 0;
}

static struct spq_row *
spq_at(struct spquotes *q, long rank)
{
	if (rank < q->first || rank >= q->first + (long)q->n)
		return NULL;
	return &q->rows[rank - q->first];
}

int
ui_speakers_load_quotes(struct ui *ui, long long id, const char *name)
{
	struct pane	*p = ui_pane(ui, PANE_SPQUOTES);
	struct spquotes	*q = p->data;
	char		*cause = NULL, *dbname = NULL;
	long long	 n = 0;

	if (id == q->speaker_id)
		return 0;
	spq_clear(q);
	q->speaker_id = id;
	if (id > 0 && (n = db_speaker_quotes_total(ui_db(ui), id, &dbname,
	    &cause)) < 0) {
		ui_error(ui, "%s", cause);
		free(cause);
		n = 0;
	}
	q->name = name != NULL ? xstrdup(name) : dbname;
	if (name != NULL)
		free(dbname);
	q->nquotes = n;
	q->nav.n = (long)n;
	spq_ensure(p, 0, p->h > 1 ? p->h - 1 : 24);
	return REDRAW_PANE(PANE_SPQUOTES) | REDRAW_STATUS;
}

static void
spq_free(struct pane *p)
{
	spq_clear(p->data);
	free(p->data);
	p->data = NULL;
}

static void
spq_resize(struct pane *p, const struct rect *r)
{
	struct spquotes	*q = p->data;
	int		 h = r->h - 1;

	if (h > 0 && q->nav.sel >= q->nav.top + h)
		q->nav.top = q->nav.sel - h + 1;
	if (h > 0)
		spq_ensure(p, q->nav.top, q->nav.top + h);
}

/*
 *	Ермек Сарсенбаев: 5 quotes
 *	2024-04-15 BAQ.KZ        В прошлом году мы получили…
 */
static void
spq_draw(struct pane *p)
{
	struct spquotes	*q = p->data;
	struct spq_row	*r;
	struct buf	 b;
	char		*s;
	int		 y, has_source = p->w >= 60;
	enum ui_color	 c;

	buf_init(&b);
	if (q->speaker_id > 0)
		buf_printf(&b, " %s: %lld quote%s", q->name != NULL ? q->name :
		    "?", q->nquotes, q->nquotes == 1 ? "" : "s");
	ui_put_row(p, 0, b.data, UI_HEADER);
	for (y = 1; y < p->h; y++) {
		r = spq_at(q, q->nav.top + y - 1);
		buf_reset(&b);
		c = UI_NORMAL;
		if (r != NULL) {
			buf_printf(&b, " %s ", r->date);
			if (has_source) {
				s = text_pad(r->source != NULL ? r->source :
				    "", r->source != NULL ?
				    strlen(r->source) : 0, 14);
				buf_adds(&b, s);
				buf_addc(&b, ' ');
				free(s);
			}
			buf_add(&b, r->text, r->len);
			if (q->nav.top + y - 1 == q->nav.sel)
				c = p->focused ? UI_SELECTED :
				    UI_SELECTED_IDLE;
		} else if (y == 1 && q->speaker_id > 0 && q->filter != NULL &&
		    q->nav.n == 0)
			buf_adds(&b, "  No quote matches.");
		ui_put_row(p, y, b.data, c);
	}
	buf_free(&b);
}

/* Moves the cursor for a key and reads the rows it brings on screen;
 * on error the cursor stays.  Returns 1 when something changed. */
static int
spq_move(struct pane *p, int action)
{
	struct spquotes	*q = p->data;
	struct nav	 old = q->nav;

	if (!nav_key(&q->nav, p->h - 1, action))
		return 0;
	if (spq_ensure(p, q->nav.top, q->nav.top + p->h - 1) != 0) {
		q->nav = old;
		return 0;
	}
	return 1;
}

static int
spq_key(struct pane *p, int action)
{
	struct spquotes	*q = p->data;
	struct spq_row	*r = spq_at(q, q->nav.sel);
	struct nav	 old = q->nav;

	switch (action) {
	case KEYS_OPEN:
		if (r == NULL || r->article_id <= 0)
			return 0;
		return ui_open_article(p->ui, r->article_id, r->id);
	case KEYS_MATCH_NEXT:
	case KEYS_MATCH_PREV:
		if (q->filter == NULL) {
			ui_message(p->ui, "no filter: / sets one");
			return REDRAW_STATUS;
		}
		nav_match(p, &q->nav, action);
		if (spq_ensure(p, q->nav.top, q->nav.top + p->h - 1) != 0)
			q->nav = old;
		return REDRAW_PANE(PANE_SPQUOTES) | REDRAW_STATUS;
	case KEYS_BACK:
		if (q->filter == NULL)
			return 0;
		return spq_filter(p, NULL);
	default:
		if (!spq_move(p, action))
			return 0;
		return REDRAW_PANE(PANE_SPQUOTES) | REDRAW_STATUS;
	}
}

static int
spq_match_row(void *ctx, const struct db_quote_row *r)
{
	struct spq_matches	*m = ctx;

	if (!ui_match(r->text, m->filter))
		return 0;
	if (m->n == m->cap) {
		m->cap = m->cap == 0 ? 256 : m->cap * 2;
		m->ids = xreallocarray(m->ids, m->cap, sizeof(*m->ids));
	}
	m->ids[m->n++] = r->id;
	return 0;
}

/*
 * Sets the filter, or clears it (NULL).  Setting reads every quote of
 * the speaker once, like a search, and keeps the ids of those that
 * match; the rows shown are then read by id, a screen at a time.  Both
 * ways the cursor goes to the first row.
 */
static int
spq_filter(struct pane *p, const char *pattern)
{
	struct spquotes		*q = p->data;
	struct spq_matches	 m;
	char			*cause = NULL;

	free(q->filter);
	free(q->shown_filter);
	free(q->match);
	q->filter = q->shown_filter = NULL;
	q->match = NULL;
	spq_rows_clear(q);
	q->nav.sel = q->nav.top = 0;
	q->nav.n = (long)q->nquotes;
	if (pattern != NULL && q->speaker_id > 0) {
		memset(&m, 0, sizeof(m));
		m.filter = speakers_fold(pattern);
		if (db_quotes(ui_db(p->ui), q->speaker_id, 0, spq_match_row,
		    &m, &cause) != 0) {
			ui_error(p->ui, "%s", cause);
			free(cause);
		}
		q->filter = m.filter;
		q->shown_filter = xstrdup(pattern);
		q->match = m.ids;
		q->nav.n = (long)m.n;
	}
	spq_ensure(p, 0, p->h > 1 ? p->h - 1 : 24);
	return REDRAW_PANE(PANE_SPQUOTES) | REDRAW_STATUS;
}

static void
spq_status(struct pane *p, struct buf *b)
{
	struct spquotes	*q = p->data;

	buf_printf(b, "Quotes %ld/%ld", q->nav.n > 0 ? q->nav.sel + 1 : 0,
	    q->nav.n);
	if (q->filter != NULL)
		buf_printf(b, "  filter: %s", q->shown_filter);
}
