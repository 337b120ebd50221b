/*
 * ui_list.c: the article list pane, newest first.  Rows come from the
 * archive a screenful at a time (db_articles_page), so the list opens at
 * once on any archive.  "/" replaces the rows with the results of a
 * full-text search (db_search), best first; Esc brings the list back.
 */
#include "config.h"

#include "ui.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "db.h"
#include "keys.h"
#include "layout.h"
#include "search.h"
#include "text.h"
#include "util.h"

#define LIST_STATE_KEY	"reader.position"
#define LIST_SEARCH_MAX	200	/* results a search shows */

/* One row; strings owned. */
struct list_row {
	long long	 id;
	long long	 quote_id;	/* a search's quote, or 0 */
	char		 date[11];
	char		*source;	/* NULL when unknown */
	char		*title;		/* or "Speaker: the quote…" */
	long		 nquotes;
	int		 is_read;
};

/*
 * The rows held are a window [first, first + n) of the list, by rank
 * (0 is the newest article).  Without a search the window moves with the
 * cursor, a page at a time, and is trimmed to a few screens; with one,
 * rows holds every result and first is 0.
 */
struct list {
	struct list_row	*rows;
	size_t		 n;
	long long	 first;
	long long	 total;
	long long	 sel, top;
	char		*query;		/* as typed; NULL without a search */
	struct db_article_key	 back;	/* where Esc goes back to */
};

/* Rows handed over by a query. */
struct list_fetch {
	struct list_row	*rows;
	size_t		 n, cap;
};

static void	 list_draw(struct pane *);
static int	 list_key(struct pane *, int);
static void	 list_resize(struct pane *, const struct rect *);
static void	 list_free(struct pane *);
static int	 list_search(struct pane *, const char *);
static void	 list_status(struct pane *, struct buf *);
static int	 list_fetch_row(void *, const struct db_article_row *);
static int	 list_hit_row(void *, const struct db_hit *);
static struct list_row *list_fetch_add(struct list_fetch *);
static int	 list_show(struct pane *);
static void	 list_row_free(struct list_row *);
static void	 list_clear(struct list *);
static int	 list_page(struct pane *, const struct list_row *, int, long,
		    struct list_fetch *);
static int	 list_ensure(struct pane *, long long, long long);
static void	 list_trim(struct list *, long long, long long);
static int	 list_restore(struct pane *, const struct db_article_key *);
static struct list_row *list_at(struct list *, long long);
static int	 list_move(struct pane *, long long);

static const struct pane_ops list_ops = {
	"Articles", list_draw, list_key, list_resize, list_free,
	list_search, list_status
};

static void
list_row_free(struct list_row *r)
{
	free(r->source);
	free(r->title);
}

static void
list_clear(struct list *l)
{
	size_t	i;

	for (i = 0; i < l->n; i++)
		list_row_free(&l->rows[i]);
	free(l->rows);
	l->rows = NULL;
	l->n = 0;
	l->first = 0;
}

/* A new zeroed row at the end of f. */
static struct list_row *
list_fetch_add(struct list_fetch *f)
{
	if (f->n == f->cap) {
		f->cap = f->cap == 0 ? 64 : f->cap * 2;
		f->rows = xreallocarray(f->rows, f->cap, sizeof(*f->rows));
	}
	memset(&f->rows[f->n], 0, sizeof(*f->rows));
	return &f->rows[f->n++];
}

static int
list_fetch_row(void *ctx, const struct db_article_row *r)
{
	struct list_row	*lr = list_fetch_add(ctx);

	lr->id = r->id;
	snprintf(lr->date, sizeof(lr->date), "%s", r->date);
	lr->source = r->source != NULL ? xstrdup(r->source) : NULL;
	lr->title = xstrdup(r->title);
	lr->nquotes = r->nquotes;
	lr->is_read = r->is_read;
	return 0;
}

/* A search result as a row: an article by its title, a quote as
 * "Speaker: its words…" with the snippet's match marks dropped. */
static int
list_hit_row(void *ctx, const struct db_hit *h)
{
	struct list_row	*lr = list_fetch_add(ctx);
	struct buf	 b;
	const char	*s;

	lr->id = h->article_id;
	lr->quote_id = h->quote_id;
	snprintf(lr->date, sizeof(lr->date), "%s", h->date);
	lr->source = h->source != NULL ? xstrdup(h->source) : NULL;
	if (h->quote_id == 0 || h->snippet == NULL)
		lr->title = xstrdup(h->title);
	else {
		buf_init(&b);
		if (h->speaker != NULL)
			buf_printf(&b, "%s: ", h->speaker);
		for (s = h->snippet; *s != '\0'; s++)
			if (*s != '\001' && *s != '\002')
				buf_addc(&b, *s);
		lr->title = buf_steal(&b);
	}
	lr->nquotes = h->nquotes;
	lr->is_read = h->is_read;
	return 0;
}

/* Reads up to limit rows next to r (NULL: from an end of the list). */
static int
list_page(struct pane *p, const struct list_row *r, int older, long limit,
    struct list_fetch *f)
{
	struct db_article_key	 key;
	char			*cause = NULL;

	memset(f, 0, sizeof(*f));
	if (r != NULL) {
		snprintf(key.date, sizeof(key.date), "%s", r->date);
		key.id = r->id;
	}
	if (limit > 100000)
		limit = 100000;
	if (db_articles_page(ui_db(p->ui), r != NULL ? &key : NULL, older,
	    (int)limit, list_fetch_row, f, &cause) < 0) {
		ui_error(p->ui, "%s", cause);
		free(cause);
		while (f->n > 0)
			list_row_free(&f->rows[--f->n]);
		free(f->rows);
		f->rows = NULL;
		return -1;
	}
	return 0;
}

/* Drops held rows far from [lo, hi), keeping about three screens. */
static void
list_trim(struct list *l, long long lo, long long hi)
{
	long long	keep = (hi - lo) * 3 + 64;
	size_t		drop, i;

	if (l->query != NULL || (long long)l->n <= keep)
		return;
	if (lo - l->first > keep / 3) {
		drop = (size_t)(lo - l->first - keep / 3);
		for (i = 0; i < drop; i++)
			list_row_free(&l->rows[i]);
		memmove(l->rows, l->rows + drop, (l->n - drop) *
		    sizeof(*l->rows));
		l->n -= drop;
		l->first += (long long)drop;
	}
	if ((long long)l->n > keep) {
		for (i = (size_t)keep; i < l->n; i++)
			list_row_free(&l->rows[i]);
		l->n = (size_t)keep;
	}
}

/* Makes rows [lo, hi) available, reading only what is missing next to
 * the rows held, or from an end of the list.  Returns -1 on error. */
static int
list_ensure(struct pane *p, long long lo, long long hi)
{
	struct list		*l = p->data;
	struct list_fetch	 f;
	long long		 end = l->first + (long long)l->n;
	long			 slack = p->h > 0 ? p->h : 24;
	size_t			 i;

	if (lo < 0)
		lo = 0;
	if (hi > l->total)
		hi = l->total;
	if (lo >= hi || l->query != NULL)
		return 0;
	if (l->n > 0 && lo >= l->first && hi <= end)
		return 0;
	if (l->n > 0 && lo >= l->first && lo <= end) {
		if (list_page(p, &l->rows[l->n - 1], 1, (long)(hi - end) +
		    slack, &f) != 0)
			return -1;
		l->rows = xreallocarray(l->rows, l->n + f.n + 1,
		    sizeof(*l->rows));
		memcpy(l->rows + l->n, f.rows, f.n * sizeof(*f.rows));
		l->n += f.n;
		if ((long long)f.n < hi - end)
			l->total = l->first + (long long)l->n;
	} else if (l->n > 0 && hi <= end && hi >= l->first) {
		if (list_page(p, &l->rows[0], 0, (long)(l->first - lo) +
		    slack, &f) != 0)
			return -1;
		l->rows = xreallocarray(l->rows, l->n + f.n + 1,
		    sizeof(*l->rows));
		memmove(l->rows + f.n, l->rows, l->n * sizeof(*l->rows));
		for (i = 0; i < f.n; i++)
			l->rows[f.n - 1 - i] = f.rows[i];
		l->n += f.n;
		l->first -= (long long)f.n;
		if (l->first < 0)
			l->first = 0;
	} else if (lo == 0 || l->n == 0) {
		list_clear(l);
		if (list_page(p, NULL, 1, (long)hi + slack, &f) != 0)
			return -1;
		l->rows = f.rows;
		l->n = f.n;
		f.rows = NULL;
		if ((long long)f.n < hi)
			l->total = (long long)f.n;
	} else {
		/* The end of the list, newest first from the oldest. */
		list_clear(l);
		if (list_page(p, NULL, 0, (long)(l->total - lo) + slack,
		    &f) != 0)
			return -1;
		l->rows = xreallocarray(f.rows, f.n + 1, sizeof(*l->rows));
		f.rows = NULL;
		for (i = 0; i < f.n / 2; i++) {
			struct list_row	t = l->rows[i];

			l->rows[i] = l->rows[f.n - 1 - i];
			l->rows[f.n - 1 - i] = t;
		}
		l->n = f.n;
		l->first = l->total - (long long)f.n;
		if (l->first < 0)
			l->first = 0;
	}
	free(f.rows);
	list_trim(l, lo, hi);
	return 0;
}

static struct list_row *
list_at(struct list *l, long long rank)
{
	if (rank < l->first || rank >= l->first + (long long)l->n)
		return NULL;
	return &l->rows[rank - l->first];
}

/* Puts the cursor on the article at key, as the rank query counts it,
 * or at the top when it is gone. */
static int
list_restore(struct pane *p, const struct db_article_key *key)
{
	struct list		*l = p->data;
	struct list_fetch	 f;
	struct list_row		 r;
	char			*cause = NULL;
	long long		 rank;
	int			 h = p->h > 0 ? p->h : 24;

	list_clear(l);
	if ((rank = db_article_rank(ui_db(p->ui), key, &cause)) < 0) {
		ui_error(p->ui, "%s", cause);
		free(cause);
		rank = 0;
	}
	if (rank >= l->total)
		rank = l->total > 0 ? l->total - 1 : 0;
	if (rank > 0) {
		/* The row before key, to page on from. */
		memset(&r, 0, sizeof(r));
		snprintf(r.date, sizeof(r.date), "%s", key->date);
		r.id = key->id;
		if (list_page(p, &r, 0, 1, &f) != 0)
			return -1;
		if (f.n == 1) {
			l->rows = f.rows;
			l->n = 1;
			l->first = rank - 1;
		} else
			free(f.rows);
	}
	l->sel = rank;
	l->top = rank - h / 3;
	if (l->top < 0)
		l->top = 0;
	if (l->n == 0)
		return list_ensure(p, 0, rank + h);
	list_ensure(p, rank, rank + h);
	return list_ensure(p, l->top, l->top + h);
}

void
ui_list_init(struct pane *p)
{
	struct list		*l = xcalloc(1, sizeof(*l));
	struct db_article_key	 key;
	char			*pos, *cause = NULL;
	int			 n = 0;

	p->ops = &list_ops;
	p->data = l;
	if ((l->total = db_article_total(ui_db(p->ui), &cause)) < 0) {
		ui_error(p->ui, "%s", cause);
		free(cause);
		l->total = 0;
	}
	pos = db_state_get(ui_db(p->ui), LIST_STATE_KEY);
	memset(&key, 0, sizeof(key));
	if (pos != NULL && sscanf(pos, "%10s %lld%n", key.date, &key.id,
	    &n) == 2 && key.id > 0)
		list_restore(p, &key);
	else
		list_ensure(p, 0, 64);
	free(pos);
}

void
ui_list_save(struct ui *ui)
{
	struct pane	*p = ui_pane(ui, PANE_LIST);
	struct list	*l = p->data;
	struct list_row	*r = list_at(l, l->sel);
	char		*v, *cause = NULL;

	if (r == NULL || l->query != NULL)
		return;
	v = xasprintf("%s %lld", r->date, r->id);
	if (db_state_set(ui_db(ui), LIST_STATE_KEY, v, &cause) != 0)
		free(cause);
	free(v);
}

int
ui_list_reload(struct ui *ui)
{
	struct pane		*p = ui_pane(ui, PANE_LIST);
	struct list		*l = p->data;
	struct list_row		*r = list_at(l, l->sel);
	struct db_article_key	 key;
	char			*cause = NULL, *pattern;
	long long		 before = l->total, total;
	int			 bits;

	if (l->query != NULL) {
		pattern = xstrdup(l->query);
		bits = list_search(p, pattern);
		free(pattern);
		return bits;
	}
	if ((total = db_article_total(ui_db(ui), &cause)) < 0) {
		ui_error(ui, "%s", cause);
		free(cause);
		return REDRAW_STATUS;
	}
	l->total = total;
	if (r != NULL) {
		snprintf(key.date, sizeof(key.date), "%s", r->date);
		key.id = r->id;
		list_restore(p, &key);
	} else {
		list_clear(l);
		l->sel = l->top = 0;
		list_ensure(p, 0, p->h);
	}
	if (total > before)
		ui_message(ui, "%lld new article%s", total - before,
		    total - before > 1 ? "s" : "");
	else
		ui_message(ui, "no new articles");
	return REDRAW_PANE(PANE_LIST) | REDRAW_STATUS;
}

long long
ui_list_selected(struct ui *ui)
{
	struct list	*l = ui_pane(ui, PANE_LIST)->data;
	struct list_row	*r = list_at(l, l->sel);

	return r != NULL ? r->id : 0;
}

int
ui_list_read(struct ui *ui, long long id)
{
	struct list	*l = ui_pane(ui, PANE_LIST)->data;
	size_t		 i;

	for (i = 0; i < l->n; i++)
		if (l->rows[i].id == id)
			return l->rows[i].is_read;
	return -1;
}

void
ui_list_mark(struct ui *ui, long long id, int is_read)
{
	struct list	*l = ui_pane(ui, PANE_LIST)->data;
	size_t		 i;

	for (i = 0; i < l->n; i++)
		if (l->rows[i].id == id)
			l->rows[i].is_read = is_read;
}

static void
list_free(struct pane *p)
{
	struct list	*l = p->data;

	if (l == NULL)
		return;
	list_clear(l);
	free(l->query);
	free(l);
	p->data = NULL;
}

static void
list_resize(struct pane *p, const struct rect *r)
{
	struct list	*l = p->data;

	(void)r;
	if (l->sel >= l->top + p->h)
		l->top = l->sel - p->h + 1;
	if (l->top > l->sel)
		l->top = l->sel;
	if (l->top < 0)
		l->top = 0;
	list_ensure(p, l->top, l->top + p->h);
}

/*
 * A row: unread mark, date, source (from 70 columns), title, quotes.
 *
 *	• 2024-04-15 BAQ.KZ         В Талдыкоргане отремонтируют…   12
 */
static void
list_draw(struct pane *p)
{
	struct list	*l = p->data;
	struct list_row	*r;
	struct buf	 b;
	char		*s;
	int		 y, tw, has_source = p->w >= 70;
	enum ui_color	 c;

	buf_init(&b);
	tw = p->w - 2 - 11 - (has_source ? 15 : 0) - 5;
	for (y = 0; y < p->h; y++) {
		buf_reset(&b);
		r = list_at(l, l->top + y);
		if (r == NULL) {
			if (y == 0 && l->total == 0)
				buf_adds(&b, l->query != NULL ?
				    "  Nothing matches the search." :
				    "  The archive is empty: "
				    "citata import FILE... adds articles.");
			ui_put_row(p, y, b.data, UI_NORMAL);
			continue;
		}
		buf_adds(&b, r->is_read ? "  " : ui_mark_unread(p->ui));
		if (!r->is_read)
			buf_addc(&b, ' ');
		buf_printf(&b, "%s ", r->date);
		if (has_source) {
			s = text_pad(r->source != NULL ? r->source : "",
			    r->source != NULL ? strlen(r->source) : 0, 14);
			buf_adds(&b, s);
			buf_addc(&b, ' ');
			free(s);
		}
		s = text_pad(r->title, strlen(r->title), tw);
		buf_adds(&b, s);
		free(s);
		buf_printf(&b, " %4ld", r->nquotes > 9999 ? 9999 :
		    r->nquotes);
		if (l->top + y == l->sel)
			c = p->focused ? UI_SELECTED : UI_SELECTED_IDLE;
		else
			c = r->is_read ? UI_NORMAL : UI_UNREAD;
		ui_put_row(p, y, b.data, c);
	}
	buf_free(&b);
}

/* Moves the cursor to rank (clamped), scrolling as little as possible. */
static int
list_move(struct pane *p, long long rank)
{
	struct list	*l = p->data;
	long long	 old = l->sel, oldtop = l->top;
	int		 bits = REDRAW_PANE(PANE_LIST) | REDRAW_STATUS;

	if (rank >= l->total)
		rank = l->total - 1;
	if (rank < 0)
		rank = 0;
	l->sel = rank;
	if (l->sel < l->top)
		l->top = l->sel;
	if (l->sel >= l->top + p->h)
		l->top = l->sel - p->h + 1;
	if (list_ensure(p, l->top, l->top + p->h) != 0) {
		l->sel = old;
		l->top = oldtop;
		return REDRAW_STATUS;
	}
	if (l->sel != old)
		bits |= list_show(p);
	return l->sel != old || l->top != oldtop ? bits : 0;
}

/* Shows the selected row's article beside the list when there is room,
 * at the row's quote for a search's quote. */
static int
list_show(struct pane *p)
{
	struct list	*l = p->data;
	struct list_row	*r = list_at(l, l->sel);

	if (!ui_is_wide(p->ui))
		return 0;
	return ui_article_load(p->ui, r != NULL ? r->id : 0,
	    r != NULL ? r->quote_id : 0);
}

static int
list_key(struct pane *p, int action)
{
	struct list	*l = p->data;
	struct list_row	*r = list_at(l, l->sel);
	long long	 page = p->h > 1 ? p->h : 1, old;
	int		 bits;

	switch (action) {
	case KEYS_DOWN:
		return list_move(p, l->sel + 1);
	case KEYS_UP:
		return list_move(p, l->sel - 1);
	case KEYS_PAGE_DOWN:
		if (l->top + page >= l->total)
			return list_move(p, l->total - 1);
		l->top += page;
		if (l->top + page > l->total)
			l->top = l->total - page > 0 ? l->total - page : 0;
		return list_move(p, l->sel + page) | REDRAW_PANE(PANE_LIST);
	case KEYS_PAGE_UP:
		l->top -= page;
		if (l->top < 0)
			l->top = 0;
		return list_move(p, l->sel - page) | REDRAW_PANE(PANE_LIST);
	case KEYS_TOP:
		return list_move(p, 0);
	case KEYS_BOTTOM:
		return list_move(p, l->total - 1);
	case KEYS_OPEN:
		if (r == NULL)
			return 0;
		return ui_open_article(p->ui, r->id, r->quote_id);
	case KEYS_READ:
		if (r == NULL)
			return 0;
		if (ui_set_read(p->ui, r->id, !r->is_read) != 0)
			return REDRAW_STATUS;
		if (!db_readonly(ui_db(p->ui)))
			ui_message(p->ui, "marked %s", r->is_read ? "read" :
			    "unread");
		return REDRAW_PANE(PANE_LIST) | REDRAW_STATUS;
	case KEYS_MATCH_NEXT:
	case KEYS_MATCH_PREV:
		if (l->query == NULL) {
			ui_message(p->ui, "no search: / searches the archive");
			return REDRAW_STATUS;
		}
		if (l->total == 0)
			return 0;
		old = l->sel;
		if (action == KEYS_MATCH_NEXT && l->sel + 1 >= l->total) {
			ui_message(p->ui, "last result; from the first");
			return list_move(p, 0) | REDRAW_STATUS;
		}
		if (action == KEYS_MATCH_PREV && l->sel == 0) {
			ui_message(p->ui, "first result; from the last");
			return list_move(p, l->total - 1) | REDRAW_STATUS;
		}
		return list_move(p, old + (action == KEYS_MATCH_NEXT ? 1 :
		    -1));
	case KEYS_BACK:
		if (l->query == NULL)
			return 0;
		bits = list_search(p, NULL);
		return bits;
	default:
		return 0;
	}
}

/*
 * Replaces the rows with the results of a full-text search of the
 * archive (the query language of citata search), best first; NULL goes
 * back to the whole list, on the article selected before the search.
 * The article pane highlights the query's words.
 */
static int
list_search(struct pane *p, const char *query)
{
	struct list		*l = p->data;
	struct list_row		*r = list_at(l, l->sel);
	struct search_query	*sq;
	struct list_fetch	 f;
	char			*cause = NULL;
	long			 n;
	int			 bits = REDRAW_PANE(PANE_LIST) | REDRAW_STATUS;

	if (query == NULL) {
		if (l->query == NULL)
			return 0;
		free(l->query);
		l->query = NULL;
		bits |= ui_article_search(p->ui, NULL);
		if ((l->total = db_article_total(ui_db(p->ui), &cause)) < 0) {
			ui_error(p->ui, "%s", cause);
			free(cause);
			l->total = 0;
		}
		list_clear(l);
		l->sel = l->top = 0;
		if (l->back.id > 0)
			list_restore(p, &l->back);
		else
			list_ensure(p, 0, p->h);
		return bits | list_show(p);
	}
	if ((sq = search_parse(query, &cause)) == NULL) {
		ui_error(p->ui, "search: %s", cause);
		free(cause);
		return REDRAW_STATUS;
	}
	memset(&f, 0, sizeof(f));
	n = db_search(ui_db(p->ui), sq, 0, LIST_SEARCH_MAX, list_hit_row, &f,
	    &cause);
	search_free(sq);
	if (n < 0) {
		ui_error(p->ui, "%s", cause);
		free(cause);
		while (f.n > 0)
			list_row_free(&f.rows[--f.n]);
		free(f.rows);
		return REDRAW_STATUS;
	}
	if (l->query == NULL) {
		memset(&l->back, 0, sizeof(l->back));
		if (r != NULL) {
			snprintf(l->back.date, sizeof(l->back.date), "%s",
			    r->date);
			l->back.id = r->id;
		}
	}
	list_clear(l);
	free(l->query);
	l->query = xstrdup(query);
	l->rows = f.rows;
	l->n = f.n;
	l->first = 0;
	l->total = (long long)f.n;
	l->sel = l->top = 0;
	bits |= ui_article_search(p->ui, query);
	if (f.n == 0)
		ui_message(p->ui, "nothing matches '%s'; Esc shows all",
		    query);
	else if (f.n >= LIST_SEARCH_MAX)
		ui_message(p->ui, "the best %d results; more words narrow "
		    "the search", LIST_SEARCH_MAX);
	return bits | list_show(p);
}

static void
list_status(struct pane *p, struct buf *b)
{
	struct list	*l = p->data;

	buf_printf(b, "%s %lld/%lld", l->query != NULL ? "Results" :
	    "Articles", l->total > 0 ? l->sel + 1 : 0, l->total);
	if (l->query != NULL)
		buf_printf(b, "  search: %s", l->query);
}
