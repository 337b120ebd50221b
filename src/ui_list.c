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
	char		 time[9];	/* "" when unknown */
	char		*source;	/* NULL when unknown */
	char		*title;		/* or "Speaker: the quote…" */
	long		 nquotes;
	int		 is_read;
	int		 starred;
	char		*cells;		/* date, source, title and quotes as
					 * drawn at width cells_w, or NULL */
	int		 cells_w;
};

/*
 * Without a search the rows are the archive's articles by rank (0 is the
 * newest), read a screenful at a time as the cursor moves; with one,
 * they are all the results, held whole.
 */
struct list {
	struct ui_rows		 rows;
	char			*query;	/* as typed; NULL without a search */
	struct db_article_key	 back;	/* where Esc goes back to */
	int			 flags;	/* DB_LIST_STARRED: starred only */
	long long		 unread; /* in the archive; -1 unknown */
};

static void	 list_draw(struct pane *);
static int	 list_key(struct pane *, int);
static void	 list_resize(struct pane *, const struct rect *);
static void	 list_free(struct pane *);
static int	 list_search(struct pane *, const char *);
static void	 list_status(struct pane *, struct buf *);
static int	 list_fetch(struct pane *, long long, const void *, int, long,
		    struct ui_rows_fetch *);
static enum ui_color list_draw_row(struct pane *, long long, const void *,
		    struct buf *);
static int	 list_fetch_row(void *, const struct db_article_row *);
static int	 list_hit_row(void *, const struct db_hit *);
static int	 list_show(struct pane *);
static void	 list_row_free(void *);
static int	 list_restore(struct pane *, const struct db_article_key *);
static void	 list_row_key(const struct list_row *, struct db_article_key *);
static int	 list_moved(struct pane *, int, long long);
static long long list_total(struct pane *);
static const char *list_count(long, char *, size_t);
static void	 list_row_cells(struct list_row *, int);
static void	 list_unread_count(struct pane *);
static int	 list_unwritten(struct ui *, int, char *, const char *);

static const struct pane_ops list_ops = {
	"Articles", list_draw, list_key, list_resize, list_free,
	list_search, list_status, NULL, NULL
};

static const struct ui_rows_ops list_rows_ops = {
	list_fetch, list_row_free, list_draw_row, NULL
};

static void
list_row_free(void *row)
{
	struct list_row	*r = row;

	free(r->source);
	free(r->title);
	free(r->cells);
	free(r);
}

static int
list_fetch_row(void *ctx, const struct db_article_row *r)
{
	struct list_row	*lr = xcalloc(1, sizeof(*lr));

	lr->id = r->id;
	snprintf(lr->date, sizeof(lr->date), "%s", r->date);
	snprintf(lr->time, sizeof(lr->time), "%s",
	    r->time != NULL ? r->time : "");
	lr->source = r->source != NULL ? xstrdup(r->source) : NULL;
	lr->title = xstrdup(r->title);
	lr->nquotes = r->nquotes;
	lr->is_read = r->is_read;
	lr->starred = r->starred;
	ui_rows_add(ctx, lr);
	return 0;
}

/* A search result as a row: an article by its title, a quote as
 * "Speaker: its words…" with the snippet's match marks dropped. */
static int
list_hit_row(void *ctx, const struct db_hit *h)
{
	struct list_row	*lr = xcalloc(1, sizeof(*lr));
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
	ui_rows_add(ctx, lr);
	return 0;
}

/* Reads articles next to the row next_to along the date index (the
 * ranks are the window's business). */
static int
list_fetch(struct pane *p, long long rank, const void *next_to, int up,
    long limit, struct ui_rows_fetch *f)
{
	const struct list_row	*r = next_to;
	struct db_article_key	 key;
	char			*cause = NULL;

	(void)rank;
	if (r != NULL)
		list_row_key(r, &key);
	if (db_articles_page(ui_db(p->ui), r != NULL ? &key : NULL, !up,
	    (int)limit, ((struct list *)p->data)->flags, list_fetch_row, f,
	    &cause) < 0) {
		ui_error(p->ui, "%s", cause);
		free(cause);
		return -1;
	}
	return 0;
}

/* The place of row r in the list. */
static void
list_row_key(const struct list_row *r, struct db_article_key *key)
{
	snprintf(key->date, sizeof(key->date), "%s", r->date);
	snprintf(key->time, sizeof(key->time), "%s", r->time);
	key->id = r->id;
}

/* The archive's count of articles, 0 after showing an error. */
static long long
list_total(struct pane *p)
{
	char		*cause = NULL;
	long long	 n;

	if ((n = db_article_total(ui_db(p->ui),
	    ((struct list *)p->data)->flags, &cause)) < 0) {
		ui_error(p->ui, "%s", cause);
		free(cause);
		n = 0;
	}
	return n;
}

/* Puts the cursor on the article at key, as the rank query counts it,
 * or at the top when it is gone. */
static int
list_restore(struct pane *p, const struct db_article_key *key)
{
	struct list		*l = p->data;
	struct ui_rows		*rows = &l->rows;
	struct ui_rows_fetch	 f;
	struct list_row		 r;
	char			*cause = NULL;
	long long		 rank;
	int			 h = p->h > 0 ? p->h : 24;

	ui_rows_clear(rows);
	if ((rank = db_article_rank(ui_db(p->ui), key, l->flags, &cause)) < 0) {
		ui_error(p->ui, "%s", cause);
		free(cause);
		rank = 0;
	}
	if (rank >= rows->total)
		rank = rows->total > 0 ? rows->total - 1 : 0;
	if (rank > 0) {
		/* The row before key, to page on from. */
		memset(&r, 0, sizeof(r));
		snprintf(r.date, sizeof(r.date), "%s", key->date);
		snprintf(r.time, sizeof(r.time), "%s", key->time);
		r.id = key->id;
		memset(&f, 0, sizeof(f));
		if (list_fetch(p, rank, &r, 1, 1, &f) != 0) {
			ui_rows_fetch_free(&list_rows_ops, &f);
			return -1;
		}
		if (f.n == 1)
			ui_rows_hold(rows, &f, rank - 1, 0);
		else
			ui_rows_fetch_free(&list_rows_ops, &f);
	}
	rows->sel = rank;
	rows->top = rank - h / 3;
	if (rows->top < 0)
		rows->top = 0;
	if (rows->n == 0)
		return ui_rows_ensure(p, rows, 0, rank + h);
	ui_rows_ensure(p, rows, rank, rank + h);
	return ui_rows_ensure(p, rows, rows->top, rows->top + h);
}

void
ui_list_init(struct pane *p)
{
	struct list		*l = xcalloc(1, sizeof(*l));
	struct db_article_key	 key;
	char			*pos;

	p->ops = &list_ops;
	p->data = l;
	ui_rows_init(&l->rows, &list_rows_ops);
	l->rows.total = list_total(p);
	list_unread_count(p);
	pos = db_state_get(ui_db(p->ui), LIST_STATE_KEY);
	memset(&key, 0, sizeof(key));
	/* "DATE ID [TIME]": the time came with schema 11. */
	if (pos != NULL && sscanf(pos, "%10s %lld %8s", key.date, &key.id,
	    key.time) >= 2 && key.id > 0)
		list_restore(p, &key);
	else
		ui_rows_ensure(p, &l->rows, 0, 64);
	free(pos);
}

void
ui_list_save(struct ui *ui)
{
	struct pane	*p = ui_pane(ui, PANE_LIST);
	struct list	*l = p->data;
	struct list_row	*r = ui_rows_at(&l->rows, l->rows.sel);
	char		*v, *cause = NULL;

	if (r == NULL || l->query != NULL)
		return;
	v = xasprintf("%s %lld %s", r->date, r->id, r->time);
	if (db_state_set(ui_db(ui), LIST_STATE_KEY, v, &cause) != 0)
		free(cause);
	free(v);
}

int
ui_list_reload(struct ui *ui)
{
	struct pane		*p = ui_pane(ui, PANE_LIST);
	struct list		*l = p->data;
	struct list_row		*r = ui_rows_at(&l->rows, l->rows.sel);
	struct db_article_key	 key;
	char			*cause = NULL, *pattern;
	long long		 before = l->rows.total, total;
	int			 bits;

	if (l->query != NULL) {
		pattern = xstrdup(l->query);
		bits = list_search(p, pattern);
		free(pattern);
		return bits;
	}
	list_unread_count(p);
	if ((total = db_article_total(ui_db(ui), l->flags, &cause)) < 0) {
		ui_error(ui, "%s", cause);
		free(cause);
		return REDRAW_STATUS;
	}
	l->rows.total = total;
	if (r != NULL) {
		list_row_key(r, &key);
		list_restore(p, &key);
	} else {
		ui_rows_clear(&l->rows);
		l->rows.sel = l->rows.top = 0;
		ui_rows_ensure(p, &l->rows, 0, p->h);
	}
	if (l->flags & DB_LIST_STARRED)
		;
	else if (total > before)
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
	struct list_row	*r = ui_rows_at(&l->rows, l->rows.sel);

	return r != NULL ? r->id : 0;
}

int
ui_list_read(struct ui *ui, long long id)
{
	struct list	*l = ui_pane(ui, PANE_LIST)->data;
	struct list_row	*r;
	size_t		 i;

	for (i = 0; i < l->rows.n; i++)
		if ((r = l->rows.rows[i])->id == id)
			return r->is_read;
	return -1;
}

void
ui_list_mark(struct ui *ui, long long id, int is_read)
{
	struct list	*l = ui_pane(ui, PANE_LIST)->data;
	struct list_row	*r;
	size_t		 i;

	int		 held = 0;

	for (i = 0; i < l->rows.n; i++)
		if ((r = l->rows.rows[i])->id == id) {
			if (!held && l->unread >= 0 && r->is_read != is_read)
				l->unread += is_read ? -1 : 1;
			held = 1;
			r->is_read = is_read;
		}
	/* Not on screen: count again, unless the mark waits for a lock
	 * (then the count follows when it is written). */
	if (!held && !db_readonly(ui_db(ui)))
		list_unread_count(ui_pane(ui, PANE_LIST));
}

static void
list_free(struct pane *p)
{
	struct list	*l = p->data;

	if (l == NULL)
		return;
	ui_rows_clear(&l->rows);
	free(l->query);
	free(l);
	p->data = NULL;
}

static void
list_resize(struct pane *p, const struct rect *r)
{
	struct list	*l = p->data;

	(void)r;
	ui_rows_fit(p, &l->rows);
}

static void
list_draw(struct pane *p)
{
	struct list	*l = p->data;

	ui_rows_draw(p, &l->rows);
}

/* A count of quotes in the four columns the list has for it: as it is
 * up to 9999, then abbreviated, rounded down: 151k, 1.5M, 15M. */
static const char *
list_count(long n, char *s, size_t size)
{
	if (n < 10000)
		snprintf(s, size, "%ld", n);
	else if (n < 1000000)
		snprintf(s, size, "%ldk", n / 1000);
	else if (n < 10000000)
		snprintf(s, size, "%ld.%ldM", n / 1000000, n / 100000 % 10);
	else if (n < 1000000000)
		snprintf(s, size, "%ldM", n / 1000000);
	else
		snprintf(s, size, "%ldG", n / 1000000000);
	return s;
}

/*
 * The part of a row that only the pane's width changes: date, source,
 * title and quotes, padded to their columns.  Fitting a title costs more
 * than all the rest of a row, and a step of the cursor draws every row
 * of the pane again, so it is made once for each row held.
 */
static void
list_row_cells(struct list_row *r, int w)
{
	struct buf	 b;
	char		*s, n[24];
	int		 has_source = w >= 70;
	int		 tw = w - 2 - 11 - (has_source ? 15 : 0) - 5;

	buf_init(&b);
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
	buf_printf(&b, " %4s", list_count(r->nquotes, n, sizeof(n)));
	free(r->cells);
	r->cells = buf_steal(&b);
	r->cells_w = w;
}

/*
 * A row: unread mark, star, date, source (from 70 columns), title,
 * quotes.
 *
 *	• 2024-04-15 BAQ.KZ         В Талдыкоргане отремонтируют…   12
 */
static enum ui_color
list_draw_row(struct pane *p, long long rank, const void *row,
    struct buf *b)
{
	struct list		*l = p->data;
	struct list_row		*r = ui_rows_at(&l->rows, rank);

	/* row as the window holds it, to keep the cells made once. */
	(void)row;
	if (r == NULL) {
		if (rank == 0 && l->rows.total == 0)
			buf_adds(b, l->query != NULL ?
			    "  Nothing matches the search." :
			    "  The archive is empty: "
			    "citata import FILE... adds articles.");
		return UI_NORMAL;
	}
	buf_adds(b, r->is_read ? " " : ui_mark_unread(p->ui));
	buf_adds(b, r->starred ? "!" : " ");
	if (r->cells == NULL || r->cells_w != p->w)
		list_row_cells(r, p->w);
	buf_adds(b, r->cells);
	return r->is_read ? UI_NORMAL : UI_UNREAD;
}

/* The REDRAW_* bits for rc from ui_rows_*() after the cursor was on
 * rank old: the article beside follows the cursor. */
static int
list_moved(struct pane *p, int rc, long long old)
{
	struct list	*l = p->data;

	if (rc < 0)
		return REDRAW_STATUS;
	if (rc == 0)
		return 0;
	if (l->rows.sel == old)
		return REDRAW_PANE(PANE_LIST) | REDRAW_STATUS;
	return REDRAW_PANE(PANE_LIST) | REDRAW_STATUS | list_show(p);
}

/* Shows the selected row's article beside the list when there is room,
 * at the row's quote for a search's quote. */
static int
list_show(struct pane *p)
{
	struct list	*l = p->data;
	struct list_row	*r = ui_rows_at(&l->rows, l->rows.sel);

	if (!ui_is_wide(p->ui))
		return 0;
	return ui_article_load(p->ui, r != NULL ? r->id : 0,
	    r != NULL ? r->quote_id : 0);
}

static int
list_key(struct pane *p, int action)
{
	struct list	*l = p->data;
	struct list_row	*r = ui_rows_at(&l->rows, l->rows.sel);
	long long	 old = l->rows.sel;

	switch (action) {
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
		return list_moved(p, ui_rows_step(p, &l->rows, action,
		    "result"), old);
	case KEYS_BACK:
		if (l->query == NULL)
			return 0;
		return list_search(p, NULL);
	default:
		return list_moved(p, ui_rows_key(p, &l->rows, action), old);
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
	struct list_row		*r = ui_rows_at(&l->rows, l->rows.sel);
	struct search_query	*sq;
	struct ui_rows_fetch	 f;
	char			*cause = NULL;
	long			 n;
	int			 bits = REDRAW_PANE(PANE_LIST) | REDRAW_STATUS;

	if (query == NULL) {
		if (l->query == NULL)
			return 0;
		free(l->query);
		l->query = NULL;
		bits |= ui_article_search(p->ui, NULL);
		ui_rows_clear(&l->rows);
		l->rows.total = list_total(p);
		l->rows.sel = l->rows.top = 0;
		if (l->back.id > 0)
			list_restore(p, &l->back);
		else
			ui_rows_ensure(p, &l->rows, 0, p->h);
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
		ui_rows_fetch_free(&list_rows_ops, &f);
		return REDRAW_STATUS;
	}
	if (l->query == NULL) {
		memset(&l->back, 0, sizeof(l->back));
		if (r != NULL)
			list_row_key(r, &l->back);
	}
	free(l->query);
	l->query = xstrdup(query);
	ui_rows_hold(&l->rows, &f, 0, 1);
	l->rows.sel = l->rows.top = 0;
	bits |= ui_article_search(p->ui, query);
	if (l->rows.total == 0)
		ui_message(p->ui, "nothing matches '%s'; Esc shows all",
		    query);
	else if (l->rows.total >= LIST_SEARCH_MAX)
		ui_message(p->ui, "the best %d results; more words narrow "
		    "the search", LIST_SEARCH_MAX);
	return bits | list_show(p);
}

static void
list_status(struct pane *p, struct buf *b)
{
	struct list	*l = p->data;

	buf_printf(b, "%s %lld/%lld", l->query != NULL ? "Results" :
	    l->flags & DB_LIST_STARRED ? "Starred" : "Articles",
	    l->rows.total > 0 ? l->rows.sel + 1 : 0, l->rows.total);
	if (l->unread > 0)
		buf_printf(b, "  %lld unread", l->unread);
	if (l->query != NULL)
		buf_printf(b, "  search: %s", l->query);
}

/* Counts the archive's unread articles again; -1 (not shown) after an
 * error. */
static void
list_unread_count(struct pane *p)
{
	struct list	*l = p->data;
	char		*cause = NULL;

	if ((l->unread = db_unread_total(ui_db(p->ui), &cause)) < 0)
		free(cause);
}

/* Says why a write of key did not happen: rc -1, the error cause
 * (freed); rc 1, another process held the lock. */
static int
list_unwritten(struct ui *ui, int rc, char *cause, const char *key)
{
	if (rc < 0)
		ui_error(ui, "%s", cause);
	else
		ui_message(ui, "another process is writing the archive: try "
		    "%s again when it is done", key);
	free(cause);
	return REDRAW_STATUS;
}

/*
 * A: marks every article of the list read.  The whole list at once in
 * the archive, whatever its size (db_read_all()); a search's results or
 * the starred articles one by one, as r would.
 */
int
ui_list_read_all(struct ui *ui)
{
	struct pane	*p = ui_pane(ui, PANE_LIST);
	struct list	*l = p->data;
	struct list_row	*r;
	char		*cause = NULL;
	long long	 n = 0, total, i;
	int		 rc;

	if (l->query != NULL || (l->flags & DB_LIST_STARRED)) {
		/* Rows by rank: the starred ones are paged in as needed. */
		total = l->rows.total;
		for (i = 0; i < total; i++) {
			if (ui_rows_ensure(p, &l->rows, i, i + 1) < 0 ||
			    (r = ui_rows_at(&l->rows, i)) == NULL)
				break;
			if (r->is_read)
				continue;
			if (ui_set_read(ui, r->id, 1) != 0)
				return REDRAW_STATUS;
			n++;
		}
	} else if (db_readonly(ui_db(ui))) {
		ui_message(ui, "the archive is read-only: A marks nothing");
		return REDRAW_STATUS;
	} else if ((rc = db_read_all(ui_db(ui), &n, &cause)) != 0)
		return list_unwritten(ui, rc, cause, "A");
	else {
		for (i = 0; i < (long long)l->rows.n; i++)
			((struct list_row *)l->rows.rows[i])->is_read = 1;
		l->unread = 0;
	}
	ui_message(ui, "marked %lld article%s read", n, n == 1 ? "" : "s");
	return REDRAW_PANE(PANE_LIST) | REDRAW_STATUS | REDRAW_PANE(PANE_TEXT);
}

/* *: stars article id, or takes its star away (the list's row
 * follows). */
int
ui_list_star(struct ui *ui, long long id)
{
	struct list	*l = ui_pane(ui, PANE_LIST)->data;
	struct list_row	*r;
	char		*cause = NULL;
	size_t		 i;
	int		 starred = -1, rc;

	if (id <= 0)
		return 0;
	for (i = 0; i < l->rows.n; i++)
		if ((r = l->rows.rows[i])->id == id)
			starred = r->starred;
	if (starred < 0 && (starred = db_article_starred(ui_db(ui), id,
	    &cause)) < 0) {
		ui_error(ui, "%s", cause);
		free(cause);
		return REDRAW_STATUS;
	}
	if (db_readonly(ui_db(ui))) {
		ui_message(ui, "the archive is read-only: * stars nothing");
		return REDRAW_STATUS;
	}
	if ((rc = db_article_set_star(ui_db(ui), id, !starred, &cause)) != 0)
		return list_unwritten(ui, rc, cause, "*");
	for (i = 0; i < l->rows.n; i++)
		if ((r = l->rows.rows[i])->id == id)
			r->starred = !starred;
	ui_message(ui, starred ? "star taken away" : "starred");
	return REDRAW_PANE(PANE_LIST) | REDRAW_STATUS;
}

/* v: shows only the starred articles, or all of them again, from the
 * top. */
int
ui_list_starred(struct ui *ui)
{
	struct pane	*p = ui_pane(ui, PANE_LIST);
	struct list	*l = p->data;
	int		 bits = REDRAW_PANE(PANE_LIST) | REDRAW_STATUS;

	if (l->query != NULL)
		bits |= list_search(p, NULL);
	l->flags ^= DB_LIST_STARRED;
	ui_rows_clear(&l->rows);
	l->rows.total = list_total(p);
	l->rows.sel = l->rows.top = 0;
	ui_rows_ensure(p, &l->rows, 0, p->h > 0 ? p->h : 24);
	if (!(l->flags & DB_LIST_STARRED))
		ui_message(ui, "all articles");
	else if (l->rows.total == 0)
		ui_message(ui, "no article is starred: * stars one, v shows "
		    "all again");
	else
		ui_message(ui, "starred articles only: v shows all again");
	return bits | list_show(p);
}

/*
 * u: puts the cursor on the next unread article below it in the whole
 * list, from the top when there is none below; 0 when there is no unread
 * article at all (after saying so), else REDRAW_* bits.  *id is the
 * article found.
 */
int
ui_list_next_unread(struct ui *ui, long long *id)
{
	struct pane		*p = ui_pane(ui, PANE_LIST);
	struct list		*l = p->data;
	struct list_row		*r;
	struct db_article_key	 key, next;
	char			*cause = NULL;
	int			 rc, bits = REDRAW_PANE(PANE_LIST) | REDRAW_STATUS;

	*id = 0;
	if (l->query != NULL || (l->flags & DB_LIST_STARRED)) {
		if (l->query != NULL)
			bits |= list_search(p, NULL);
		else {
			l->flags = 0;
			l->rows.total = list_total(p);
		}
	}
	r = ui_rows_at(&l->rows, l->rows.sel);
	if (r != NULL)
		list_row_key(r, &key);
	rc = db_next_unread(ui_db(ui), r != NULL ? &key : NULL, &next, &cause);
	if (rc == 0 && r != NULL)
		rc = db_next_unread(ui_db(ui), NULL, &next, &cause);
	if (rc < 0) {
		ui_error(ui, "%s", cause);
		free(cause);
		return REDRAW_STATUS;
	}
	if (rc == 0) {
		ui_message(ui, "no unread article");
		return bits;
	}
	list_restore(p, &next);
	*id = next.id;
	return bits | list_show(p);
}
