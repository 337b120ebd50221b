/*
 * ui_article.c: one article on screen.  Two panes share one document:
 * the text pane (title, date and source, the text wrapped with its quotes
 * highlighted) and the side pane (the article's quotes as "Speaker: first
 * words…", then its speakers with role and count).  Moving through the
 * quotes in either pane moves the current quote in both.  A search ("/"
 * here, or in the list) highlights the words it matches in the text, in
 * any inflected form; n and N move through them.
 */
#include "config.h"

#include "ui.h"

#include <stdlib.h>
#include <string.h>

#include "article.h"
#include "db.h"
#include "keys.h"
#include "layout.h"
#include "search.h"
#include "stem.h"
#include "text.h"
#include "util.h"

struct doc_quote {
	long long	 id;
	long long	 speaker_id;	/* 0 when unknown */
	int		 is_direct;
	size_t		 start, end;	/* in the article's text */
	char		*speaker;	/* NULL when unknown */
};

struct doc_speaker {
	long long	 id;
	char		*name;
	char		*role;		/* NULL when none */
	long		 n;		/* quotes in this article */
};

enum doc_line_kind {
	LINE_TITLE,
	LINE_META,
	LINE_URL,		/* the article's link, when it has one */
	LINE_BLANK,
	LINE_TEXT
};

/* A display line: a wrapped line of the title or of the text. */
struct doc_line {
	enum doc_line_kind	kind;
	struct text_line	l;
};

/* The document both panes show; owned by the text pane. */
struct doc {
	long long		 id;		/* 0: no article */
	struct article		*a;
	char			*meta;		/* "date · source" */
	struct doc_quote	*q;		/* in text order */
	size_t			 nq, capq;
	struct doc_speaker	*sp;		/* most quoted first */
	size_t			 nsp, capsp;
	size_t			*qend;		/* the latest end of q[0..i] */
	struct doc_line		*lines;
	size_t			 nlines;
	size_t			 line0;		/* the first line of text */
	int			 wrapw;		/* lines are wrapped to this */
	int			 texth;		/* the text pane's height */
	struct ui_rows		 text;		/* the lines, no cursor */
	long			 cur;		/* current quote, or -1 */
	struct ui_rows		 side;		/* the side pane's rows */
	struct search_span	*m;		/* the search's matches */
	size_t			 nm;
	long			 mcur;		/* current match, or -1 */
};

/* The search highlighted, kept across articles. */
struct doc_search {
	char			*query;		/* as typed; NULL for none */
	struct search_query	*sq;
	struct stemmer		*st;
};

/* The text pane's state. */
struct art {
	struct doc		 doc;
	struct doc_search	 search;
};

static void	 art_draw(struct pane *);
static int	 art_key(struct pane *, int);
static void	 art_resize(struct pane *, const struct rect *);
static void	 art_saved_free(struct ui_saved *);
static struct ui_saved *art_save(struct pane *);
static int	 art_restore(struct pane *, const struct ui_saved *);
static void	 art_free(struct pane *);
static void	 art_status(struct pane *, struct buf *);
static int	 art_search(struct pane *, const char *);
static void	 doc_find(struct doc *, const struct doc_search *);
static int	 doc_set_match(struct ui *, long);
static int	 doc_match_step(struct pane *, int);
static long	 doc_line_at(const struct doc *, size_t);
static void	 side_draw(struct pane *);
static int	 side_key(struct pane *, int);
static void	 side_resize(struct pane *, const struct rect *);
static void	 side_free(struct pane *);
static void	 side_status(struct pane *, struct buf *);
static void	 doc_clear(struct doc *);
static void	 doc_wrap(struct doc *, int);
static int	 doc_quote_row(void *, const struct db_quote_row *);
static long	 doc_line_of(const struct doc *, size_t);
static long	 doc_first_below(const struct doc *, int, long);
static size_t	 doc_quote_from(const struct doc *, size_t);
static void	 doc_scroll_to(struct ui *, long);
static long	 side_row_of(const struct doc *, long);
static long	 side_item_at(const struct doc *, long long);
static enum ui_color side_draw_row(struct pane *, long long, const void *,
		    struct buf *);
static int	 side_can_select(struct pane *, long long);
static int	 doc_set_quote(struct ui *, long);
static struct doc *doc_of(struct ui *);
static struct art *art_of(struct ui *);
static int	 doc_search_set(struct art *, const char *, char **);
static size_t	 doc_match_from(const struct doc *, size_t);
static int	 doc_quote_cmp(const void *, const void *);
static void	 doc_sort_speakers(struct doc *);
static long	 side_rows(const struct doc *);

static const struct pane_ops art_ops = {
	"Article", art_draw, art_key, art_resize, art_free, art_search,
	art_status, art_save, art_restore
};

static const struct pane_ops side_ops = {
	"Quotes", side_draw, side_key, side_resize, side_free, NULL,
	side_status, NULL, NULL
};

/* The text pane draws its lines itself, painting quotes and matches. */
static const struct ui_rows_ops art_rows_ops = {
	NULL, NULL, NULL, NULL
};

static const struct ui_rows_ops side_rows_ops = {
	NULL, NULL, side_draw_row, side_can_select
};

static struct art *
art_of(struct ui *ui)
{
	return ui_pane(ui, PANE_TEXT)->data;
}

static struct doc *
doc_of(struct ui *ui)
{
	return &art_of(ui)->doc;
}

void
ui_article_init_text(struct pane *p)
{
	struct art	*t = xcalloc(1, sizeof(*t));

	doc_clear(&t->doc);
	p->ops = &art_ops;
	p->data = t;
}

void
ui_article_init_side(struct pane *p)
{
	p->ops = &side_ops;
	p->data = NULL;		/* the text pane's document */
}

static void
doc_clear(struct doc *d)
{
	size_t	i;

	for (i = 0; i < d->nq; i++)
		free(d->q[i].speaker);
	for (i = 0; i < d->nsp; i++) {
		free(d->sp[i].name);
		free(d->sp[i].role);
	}
	free(d->q);
	free(d->qend);
	free(d->sp);
	free(d->lines);
	free(d->meta);
	free(d->m);
	article_free(d->a);
	memset(d, 0, sizeof(*d));
	d->cur = -1;
	d->mcur = -1;
	ui_rows_init(&d->text, &art_rows_ops);
	d->text.no_cursor = 1;
	ui_rows_init(&d->side, &side_rows_ops);
}

static void
art_free(struct pane *p)
{
	struct art	*t = p->data;

	if (t == NULL)
		return;
	doc_clear(&t->doc);
	free(t->search.query);
	search_free(t->search.sq);
	stem_free(t->search.st);
	free(t);
	p->data = NULL;
}

static void
side_free(struct pane *p)
{
	p->data = NULL;
}

long long
ui_article_id(struct ui *ui)
{
	return doc_of(ui)->id;
}

long long
ui_article_quote(struct ui *ui, enum ui_pane_id id)
{
	struct doc	*d = doc_of(ui);
	long		 item;

	if (d->a == NULL)
		return 0;
	if (id == PANE_SIDE) {
		item = side_item_at(d, d->side.sel);
		return item >= 0 && item < (long)d->nq ? d->q[item].id : 0;
	}
	return d->cur >= 0 ? d->q[d->cur].id : 0;
}

/* Collects the quotes of the article and counts them by speaker. */
static int
doc_quote_row(void *ctx, const struct db_quote_row *r)
{
	struct doc		*d = ctx;
	struct doc_quote	*q;
	size_t			 i;

	/* Doubling: growing by one copied the array for each quote, which
	 * took minutes for 80,000 quotes under AddressSanitizer. */
	if (d->nq == d->capq) {
		d->capq = d->capq == 0 ? 16 : d->capq * 2;
		d->q = xreallocarray(d->q, d->capq, sizeof(*d->q));
	}
	q = &d->q[d->nq++];
	q->id = r->id;
	q->speaker_id = r->speaker_id;
	q->is_direct = r->kind == QUOTE_DIRECT;
	q->start = r->start;
	q->end = r->end;
	q->speaker = r->speaker != NULL ? xstrdup(r->speaker) : NULL;
	if (r->speaker == NULL)
		return 0;
	for (i = 0; i < d->nsp; i++)
		if (d->sp[i].id == r->speaker_id &&
		    strcmp(d->sp[i].name, r->speaker) == 0)
			break;
	if (i == d->nsp) {
		if (d->nsp == d->capsp) {
			d->capsp = d->capsp == 0 ? 8 : d->capsp * 2;
			d->sp = xreallocarray(d->sp, d->capsp,
			    sizeof(*d->sp));
		}
		d->sp[i].id = r->speaker_id;
		d->sp[i].name = xstrdup(r->speaker);
		d->sp[i].role = r->role != NULL ? xstrdup(r->role) : NULL;
		d->sp[i].n = 0;
		d->nsp++;
	}
	if (d->sp[i].role == NULL && r->role != NULL)
		d->sp[i].role = xstrdup(r->role);
	d->sp[i].n++;
	return 0;
}

/* Quote order is text order; the archive gives it, but make sure. */
static int
doc_quote_cmp(const void *a, const void *b)
{
	const struct doc_quote	*x = a, *y = b;

	if (x->start != y->start)
		return x->start < y->start ? -1 : 1;
	return x->end < y->end ? -1 : x->end > y->end;
}

/* Most quoted first; ties keep their order of appearance. */
static void
doc_sort_speakers(struct doc *d)
{
	struct doc_speaker	t;
	size_t			i, j;

	for (i = 1; i < d->nsp; i++) {
		t = d->sp[i];
		for (j = i; j > 0 && d->sp[j - 1].n < t.n; j--)
			d->sp[j] = d->sp[j - 1];
		d->sp[j] = t;
	}
}

int
ui_article_load(struct ui *ui, long long id, long long quote_id)
{
	struct doc	*d = doc_of(ui);
	struct pane	*tp = ui_pane(ui, PANE_TEXT);
	char		*cause = NULL;
	size_t		 i, k;
	int		 bits;

	bits = REDRAW_PANE(PANE_TEXT) | REDRAW_PANE(PANE_SIDE) |
	    REDRAW_STATUS;

	if (id == d->id && quote_id == 0)
		return 0;
	if (id != d->id) {
		doc_clear(d);
		if (id <= 0)
			return bits;
		if ((d->a = db_article_get(ui_db(ui), id, &cause)) == NULL) {
			if (cause != NULL) {
				ui_error(ui, "%s", cause);
				free(cause);
			} else
				ui_error(ui, "article %lld is gone", id);
			return bits;
		}
		d->id = id;
		if (db_quotes(ui_db(ui), 0, id, doc_quote_row, d,
		    &cause) != 0) {
			ui_error(ui, "%s", cause);
			free(cause);
		}
		if (d->nq > 1)
			qsort(d->q, d->nq, sizeof(*d->q), doc_quote_cmp);
		d->qend = xreallocarray(NULL, d->nq + 1, sizeof(*d->qend));
		for (i = 0; i < d->nq; i++)
			d->qend[i] = i > 0 && d->qend[i - 1] > d->q[i].end ?
			    d->qend[i - 1] : d->q[i].end;
		doc_sort_speakers(d);
		d->side.total = side_rows(d);
		d->side.sel = side_row_of(d, 0);
		doc_find(d, &art_of(ui)->search);
		if (d->a->source != NULL)
			d->meta = xasprintf("%s %s %s", d->a->date,
			    text_mode_get() == TEXT_ASCII ? "-" :
			    "\xc2\xb7", d->a->source);
		else
			d->meta = xstrdup(d->a->date);
		if (tp->w > 0)
			doc_wrap(d, tp->w);
		if (quote_id == 0 && d->nm > 0)
			doc_set_match(ui, 0);
	}
	for (i = 0; i < d->nq; i++)
		if (d->q[i].id == quote_id) {
			d->cur = (long)i;
			doc_scroll_to(ui, doc_line_of(d, i));
			ui_rows_move(ui_pane(ui, PANE_SIDE), &d->side,
			    side_row_of(d, (long)i));
			/* A search's quote: its first match. */
			k = doc_match_from(d, d->q[i].start);
			if (k < d->nm && d->m[k].start < d->q[i].end)
				doc_set_match(ui, (long)k);
		}
	return bits;
}

/* Reads the article shown again (its quotes changed), each pane
 * where it was. */
int
ui_article_reload(struct ui *ui)
{
	struct pane	*tp = ui_pane(ui, PANE_TEXT);
	struct doc	*d = doc_of(ui);
	struct ui_saved	*v;
	int		 bits;

	if (d->id <= 0)
		return 0;
	v = art_save(tp);
	doc_clear(d);
	bits = art_restore(tp, v);
	v->free(v);
	return bits;
}

/* Finds the search's matches in the article. */
static void
doc_find(struct doc *d, const struct doc_search *s)
{
	free(d->m);
	d->m = NULL;
	d->nm = 0;
	d->mcur = -1;
	if (d->a == NULL || s->sq == NULL)
		return;
	d->nm = search_matches(s->st, s->sq, d->a->text, d->a->len, &d->m);
}

/* The first match ending after byte off (d->nm when none). */
static size_t
doc_match_from(const struct doc *d, size_t off)
{
	size_t	lo = 0, hi = d->nm, mid;

	while (lo < hi) {
		mid = lo + (hi - lo) / 2;
		if (d->m[mid].end <= off)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo;
}

/* Sets the search (NULL: none) and finds its matches in the article
 * shown.  Returns -1 with *cause set when query is malformed, leaving
 * the search as it was. */
static int
doc_search_set(struct art *t, const char *query, char **cause)
{
	struct doc_search	*s = &t->search;
	struct search_query	*sq = NULL;

	if (query != NULL && (sq = search_parse(query, cause)) == NULL)
		return -1;
	free(s->query);
	search_free(s->sq);
	s->query = query != NULL ? xstrdup(query) : NULL;
	s->sq = sq;
	if (sq != NULL && s->st == NULL)
		s->st = stem_new();
	doc_find(&t->doc, s);
	return 0;
}

/* Makes match i current and scrolls to it. */
static int
doc_set_match(struct ui *ui, long i)
{
	struct doc	*d = doc_of(ui);

	d->mcur = i;
	doc_scroll_to(ui, doc_line_at(d, d->m[i].start));
	return REDRAW_PANE(PANE_TEXT) | REDRAW_STATUS;
}

int
ui_article_search(struct ui *ui, const char *query)
{
	struct art	*t = art_of(ui);
	char		*cause = NULL;
	int		 bits = REDRAW_PANE(PANE_TEXT) | REDRAW_STATUS;

	if (doc_search_set(t, query, &cause) != 0) {
		ui_error(ui, "search: %s", cause);
		free(cause);
		return REDRAW_STATUS;
	}
	if (t->doc.nm > 0)
		bits |= doc_match_step(ui_pane(ui, PANE_TEXT),
		    KEYS_MATCH_NEXT);
	return bits;
}

/* "/" in the text: the search as in the list, for this article. */
static int
art_search(struct pane *p, const char *query)
{
	struct doc	*d = doc_of(p->ui);
	int		 bits;

	bits = ui_article_search(p->ui, query);
	if (query != NULL && d->a != NULL && d->nm == 0 &&
	    art_of(p->ui)->search.sq != NULL &&
	    strcmp(art_of(p->ui)->search.query, query) == 0)
		ui_message(p->ui, "'%s' is not in this article", query);
	return bits;
}

/*
 * n and N: the next match below the current one (when it is on screen)
 * or below the top of the screen; the previous one likewise; past the
 * last, the first again.
 */
static int
doc_match_step(struct pane *p, int action)
{
	struct doc	*d = doc_of(p->ui);
	long		 i, line;
	int		 visible = 0, next = action == KEYS_MATCH_NEXT;

	if (d->nm == 0) {
		ui_message(p->ui, art_of(p->ui)->search.sq == NULL ?
		    "no search: / searches" : "no match in this article");
		return REDRAW_STATUS;
	}
	if (d->mcur >= 0) {
		line = doc_line_at(d, d->m[d->mcur].start);
		visible = ui_rows_visible(p, &d->text, line);
	}
	if (visible)
		i = d->mcur + (next ? 1 : -1);
	else if (next)
		i = doc_first_below(d, 1, d->text.top);
	else
		i = doc_first_below(d, 1, d->text.top + p->h) - 1;
	if (i < 0 || i >= (long)d->nm) {
		i = next ? 0 : (long)d->nm - 1;
		ui_message(p->ui, next ? "last match; from the first" :
		    "first match; from the last");
	}
	return doc_set_match(p->ui, i);
}

/*
 * Wraps the title and the text to the pane's width less a margin of one
 * column on each side, keeping the first line shown on the same words.
 */
static void
doc_wrap(struct doc *d, int w)
{
	struct text_line	*tl;
	size_t			 n, i, k, anchor = (size_t)-1;
	int			 cols = w - 2 > 0 ? w - 2 : 1;

	if (d->a == NULL || cols == d->wrapw)
		return;
	if (d->lines != NULL && d->text.top >= 0 &&
	    (size_t)d->text.top < d->nlines &&
	    d->lines[d->text.top].kind == LINE_TEXT)
		anchor = d->lines[d->text.top].l.start;
	free(d->lines);
	d->lines = NULL;
	d->nlines = 0;
	d->wrapw = cols;

	/* A title made from the first sentence would show it twice. */
	n = d->a->title_derived ? 0 : text_wrap(d->a->title,
	    strlen(d->a->title), cols, &tl);
	if (n == 0)
		tl = NULL;
	d->lines = xreallocarray(NULL, n + 3, sizeof(*d->lines));
	for (i = 0; i < n; i++) {
		d->lines[d->nlines].kind = LINE_TITLE;
		d->lines[d->nlines++].l = tl[i];
	}
	free(tl);
	memset(&d->lines[d->nlines], 0, 3 * sizeof(*d->lines));
	d->lines[d->nlines++].kind = LINE_META;
	if (d->a->url != NULL)
		d->lines[d->nlines++].kind = LINE_URL;
	d->lines[d->nlines++].kind = LINE_BLANK;
	d->line0 = d->nlines;

	n = text_wrap(d->a->text, d->a->len, cols, &tl);
	d->lines = xreallocarray(d->lines, d->nlines + n, sizeof(*d->lines));
	for (i = 0; i < n; i++) {
		d->lines[d->nlines].kind = LINE_TEXT;
		d->lines[d->nlines++].l = tl[i];
	}
	free(tl);

	if (anchor != (size_t)-1) {
		for (k = 0; k < d->nlines; k++)
			if (d->lines[k].kind == LINE_TEXT &&
			    d->lines[k].l.start <= anchor)
				d->text.top = (long)k;
	}
	d->text.total = (long long)d->nlines;
}

/* The display line where quote i starts. */
static long
doc_line_of(const struct doc *d, size_t i)
{
	if (i >= d->nq)
		return 0;
	return doc_line_at(d, d->q[i].start);
}

/* The display line holding byte off of the text: the last line of text
 * that starts at or before it (lines of text start in text order). */
static long
doc_line_at(const struct doc *d, size_t off)
{
	size_t	lo = d->line0, hi = d->nlines, mid;

	while (lo < hi) {
		mid = lo + (hi - lo) / 2;
		if (d->lines[mid].l.start <= off)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo > d->line0 ? (long)lo - 1 : 0;
}

/*
 * The first quote, or with matches set the first match, that starts on
 * display line line or below it (d->nq, d->nm when none).  Both are in
 * text order, so their lines never go up: a binary search, where a walk
 * from the first took seconds on an article of 100,000 quotes.
 */
static long
doc_first_below(const struct doc *d, int matches, long line)
{
	size_t	lo = 0, hi = matches ? d->nm : d->nq, mid;

	while (lo < hi) {
		mid = lo + (hi - lo) / 2;
		if (doc_line_at(d, matches ? d->m[mid].start :
		    d->q[mid].start) < line)
			lo = mid + 1;
		else
			hi = mid;
	}
	return (long)lo;
}

/* The first quote that may reach byte off or past it: those before it
 * all end at or before off. */
static size_t
doc_quote_from(const struct doc *d, size_t off)
{
	size_t	lo = 0, hi = d->nq, mid;

	while (lo < hi) {
		mid = lo + (hi - lo) / 2;
		if (d->qend[mid] <= off)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo;
}

/* Scrolls the text so that line is in view, a third down when it was
 * not. */
static void
doc_scroll_to(struct ui *ui, long line)
{
	ui_rows_show(ui_pane(ui, PANE_TEXT), &doc_of(ui)->text, line);
}

static void
art_resize(struct pane *p, const struct rect *r)
{
	struct doc	*d = doc_of(p->ui);
	int		 wrapw = d->wrapw;

	/* A new size brings the current match or quote into view; the
	 * same size (a view that comes back) keeps the scroll. */
	doc_wrap(d, r->w);
	if (d->wrapw != wrapw || r->h != d->texth) {
		if (d->mcur >= 0)
			doc_scroll_to(p->ui, doc_line_at(d,
			    d->m[d->mcur].start));
		else if (d->cur >= 0)
			doc_scroll_to(p->ui, doc_line_of(d, (size_t)d->cur));
	}
	d->texth = r->h;
	ui_rows_fit(p, &d->text);
}

/* What Back keeps of an article: which, its current quote and match,
 * the first line shown (by the byte it starts at, so that it survives
 * a new width), and the side pane's cursor. */
struct art_saved {
	struct ui_saved	 base;
	long long	 id;
	long		 cur, mcur;
	long long	 top;		/* in the title: the line */
	size_t		 top_off;	/* in the text: its first byte */
	int		 top_in_text;
	long long	 side_sel, side_top;
};

static void
art_saved_free(struct ui_saved *v)
{
	free(v);
}

static struct ui_saved *
art_save(struct pane *p)
{
	struct doc		*d = doc_of(p->ui);
	struct art_saved	*v = xcalloc(1, sizeof(*v));

	v->base.free = art_saved_free;
	v->id = d->id;
	v->cur = d->cur;
	v->mcur = d->mcur;
	v->top = d->text.top;
	if (d->text.top < (long long)d->nlines &&
	    d->lines[d->text.top].kind == LINE_TEXT) {
		v->top_in_text = 1;
		v->top_off = d->lines[d->text.top].l.start;
	}
	v->side_sel = d->side.sel;
	v->side_top = d->side.top;
	return &v->base;
}

static int
art_restore(struct pane *p, const struct ui_saved *saved)
{
	const struct art_saved	*v = (const struct art_saved *)saved;
	struct doc		*d = doc_of(p->ui);
	int			 bits;

	bits = ui_article_load(p->ui, v->id, 0);
	if (d->id != v->id || d->id == 0)
		return bits;
	d->cur = v->cur < (long)d->nq ? v->cur : -1;
	d->mcur = v->mcur < (long)d->nm ? v->mcur : -1;
	d->text.top = v->top_in_text ? doc_line_at(d, v->top_off) : v->top;
	/* Clamped: the article may have lost a quote since (d). */
	d->side.sel = v->side_sel < d->side.total ? v->side_sel :
	    d->side.total > 0 ? d->side.total - 1 : 0;
	d->side.top = v->side_top <= d->side.sel ? v->side_top : d->side.sel;
	d->texth = p->h;
	return bits | REDRAW_PANE(PANE_TEXT) | REDRAW_PANE(PANE_SIDE) |
	    REDRAW_STATUS;
}

static void
art_draw(struct pane *p)
{
	struct doc		*d = doc_of(p->ui);
	struct doc_line		*dl;
	struct doc_quote	*q;
	struct buf		 b;
	char			*s;
	size_t			 len, i, from, to;
	int			 y, c0, c1;

	buf_init(&b);
	if (d->a == NULL) {
		for (y = 0; y < p->h; y++)
			ui_put_row(p, y, "", UI_NORMAL);
		buf_free(&b);
		return;
	}
	for (y = 0; y < p->h; y++) {
		buf_reset(&b);
		if (d->text.top + y >= (long)d->nlines) {
			ui_put_row(p, y, "", UI_NORMAL);
			continue;
		}
		dl = &d->lines[d->text.top + y];
		switch (dl->kind) {
		case LINE_TITLE:
			s = text_line_render(d->a->title, &dl->l, NULL);
			buf_addc(&b, ' ');
			buf_adds(&b, s);
			free(s);
			ui_put_row(p, y, b.data, UI_HEADER);
			break;
		case LINE_META:
			buf_addc(&b, ' ');
			buf_adds(&b, d->meta);
			ui_put_row(p, y, b.data, UI_DIM);
			break;
		case LINE_URL:
			/* Cut to the pane; o opens it whole. */
			buf_addc(&b, ' ');
			buf_adds(&b, d->a->url);
			ui_put_row(p, y, b.data, UI_DIM);
			break;
		case LINE_BLANK:
			ui_put_row(p, y, "", UI_NORMAL);
			break;
		case LINE_TEXT:
			s = text_line_render(d->a->text, &dl->l, &len);
			buf_addc(&b, ' ');
			buf_add(&b, s, len);
			free(s);
			for (c0 = 1 + dl->l.width; c0 < p->w; c0++)
				buf_addc(&b, ' ');
			ui_put(p, y, b.data, UI_NORMAL);
			for (i = doc_quote_from(d, dl->l.start); i < d->nq &&
			    d->q[i].start < dl->l.end; i++) {
				q = &d->q[i];
				if (q->start >= dl->l.end ||
				    q->end <= dl->l.start)
					continue;
				from = q->start > dl->l.start ? q->start :
				    dl->l.start;
				to = q->end < dl->l.end ? q->end : dl->l.end;
				c0 = text_line_col(d->a->text, &dl->l, from);
				c1 = text_line_col(d->a->text, &dl->l, to);
				ui_paint(p, y, 1 + c0, c1 - c0, q->is_direct ?
				    UI_DIRECT : UI_INDIRECT);
				if ((long)i == d->cur)
					ui_paint(p, y, 1 + c0, c1 - c0,
					    UI_CURRENT);
			}
			for (i = doc_match_from(d, dl->l.start); i < d->nm &&
			    d->m[i].start < dl->l.end; i++) {
				from = d->m[i].start > dl->l.start ?
				    d->m[i].start : dl->l.start;
				to = d->m[i].end < dl->l.end ? d->m[i].end :
				    dl->l.end;
				c0 = text_line_col(d->a->text, &dl->l, from);
				c1 = text_line_col(d->a->text, &dl->l, to);
				ui_paint(p, y, 1 + c0, c1 - c0,
				    (long)i == d->mcur ? UI_MATCH_CURRENT :
				    UI_MATCH);
			}
			break;
		}
	}
	buf_free(&b);
}

/* Makes quote i current in both panes; -1 clears it. */
static int
doc_set_quote(struct ui *ui, long i)
{
	struct doc	*d = doc_of(ui);

	d->cur = i;
	if (i >= 0) {
		doc_scroll_to(ui, doc_line_of(d, (size_t)i));
		ui_rows_move(ui_pane(ui, PANE_SIDE), &d->side,
		    side_row_of(d, i));
	}
	return REDRAW_PANE(PANE_TEXT) | REDRAW_PANE(PANE_SIDE) |
	    REDRAW_STATUS;
}

static int
art_key(struct pane *p, int action)
{
	struct doc	*d = doc_of(p->ui);
	long		 i, line, top = d->text.top;
	int		 visible;

	if (d->a == NULL)
		return 0;
	switch (action) {
	case KEYS_QUOTE_NEXT:
	case KEYS_QUOTE_PREV:
		if (d->nq == 0) {
			ui_message(p->ui, "no quotes in this article");
			return REDRAW_STATUS;
		}
		visible = 0;
		if (d->cur >= 0) {
			line = doc_line_of(d, (size_t)d->cur);
			visible = ui_rows_visible(p, &d->text, line);
		}
		if (visible)
			i = d->cur + (action == KEYS_QUOTE_NEXT ? 1 : -1);
		else if (action == KEYS_QUOTE_NEXT)
			i = doc_first_below(d, 0, top);
		else
			i = doc_first_below(d, 0, top + p->h) - 1;
		if (i < 0 || i >= (long)d->nq) {
			ui_message(p->ui, action == KEYS_QUOTE_NEXT ?
			    "no more quotes below" : "no more quotes above");
			return REDRAW_STATUS;
		}
		return doc_set_quote(p->ui, i);
	case KEYS_OPEN:
		if (d->cur < 0) {
			ui_message(p->ui, "] selects a quote; Enter then "
			    "shows its speaker's quotes");
			return REDRAW_STATUS;
		}
		return ui_open_speaker(p->ui, d->q[d->cur].speaker_id,
		    d->q[d->cur].speaker);
	case KEYS_READ:
		return ui_article_toggle_read(p->ui);
	case KEYS_MATCH_NEXT:
	case KEYS_MATCH_PREV:
		return doc_match_step(p, action);
	default:
		return ui_rows_key(p, &d->text, action) > 0 ?
		    REDRAW_PANE(PANE_TEXT) | REDRAW_STATUS : 0;
	}
}

int
ui_article_toggle_read(struct ui *ui)
{
	struct doc	*d = doc_of(ui);
	int		 is_read;

	if (d->id == 0)
		return 0;
	is_read = ui_list_read(ui, d->id);
	is_read = is_read < 0 ? 0 : !is_read;
	if (ui_set_read(ui, d->id, is_read) != 0)
		return REDRAW_STATUS;
	if (!db_readonly(ui_db(ui)))
		ui_message(ui, "marked %s", is_read ? "read" : "unread");
	return REDRAW_PANE(PANE_LIST) | REDRAW_STATUS;
}

static void
art_status(struct pane *p, struct buf *b)
{
	struct doc	*d = doc_of(p->ui);
	long		 last = d->text.top + p->h;

	if (d->a == NULL) {
		buf_adds(b, "Article");
		return;
	}
	if (last > (long)d->nlines)
		last = (long)d->nlines;
	buf_printf(b, "Article %lld-%ld/%zu", d->text.top + 1, last,
	    d->nlines);
	if (d->nq > 0) {
		if (d->cur >= 0)
			buf_printf(b, "  quote %ld/%zu", d->cur + 1, d->nq);
		else
			buf_printf(b, "  %zu quote%s", d->nq, d->nq == 1 ?
			    "" : "s");
	}
	if (d->nm > 0) {
		if (d->mcur >= 0)
			buf_printf(b, "  match %ld/%zu", d->mcur + 1, d->nm);
		else
			buf_printf(b, "  %zu match%s", d->nm, d->nm == 1 ?
			    "" : "es");
	}
}

/*
 * The side pane's rows:
 *
 *	Quotes (3)
 *	 Сарсенбаев: В прошлом году мы…
 *	 ...
 *	(blank)
 *	Speakers (2)
 *	 Ермек Сарсенбаев, заместитель акима   3
 */
static long
side_row_of(const struct doc *d, long item)
{
	if (item < (long)d->nq)
		return 1 + item;
	return 1 + (d->nq > 0 ? (long)d->nq : 1) + 2 + (item - (long)d->nq);
}

static long
side_rows(const struct doc *d)
{
	return side_row_of(d, (long)(d->nq + (d->nsp > 0 ? d->nsp : 1)));
}

/* The item (a quote, then a speaker) on side row row, or -1 for a
 * heading, a blank row or a note. */
static long
side_item_at(const struct doc *d, long long row)
{
	long long	s = side_row_of(d, (long)d->nq);

	if (row >= 1 && row <= (long long)d->nq)
		return (long)row - 1;
	if (row >= s && row < s + (long long)d->nsp)
		return (long)d->nq + (long)(row - s);
	return -1;
}

static int
side_can_select(struct pane *p, long long row)
{
	return side_item_at(doc_of(p->ui), row) >= 0;
}

static void
side_resize(struct pane *p, const struct rect *r)
{
	struct doc	*d = doc_of(p->ui);

	(void)r;
	p->data = d;
	ui_rows_fit(p, &d->side);
}

static void
side_draw(struct pane *p)
{
	struct doc	*d = doc_of(p->ui);

	p->data = d;
	ui_rows_draw(p, &d->side);
}

static enum ui_color
side_draw_row(struct pane *p, long long row, const void *unused,
    struct buf *b)
{
	struct doc		*d = doc_of(p->ui);
	struct doc_quote	*q;
	struct doc_speaker	*sp;
	char			*s, *cnt;
	long			 item = side_item_at(d, row);
	long			 shead = side_row_of(d, (long)d->nq) - 1;

	(void)unused;
	if (d->a == NULL || row >= d->side.total)
		return UI_NORMAL;
	if (row == 0) {
		buf_printf(b, " Quotes (%zu)", d->nq);
		return UI_HEADER;
	}
	if (row == shead) {
		buf_printf(b, " Speakers (%zu)", d->nsp);
		return UI_HEADER;
	}
	if (item >= 0 && item < (long)d->nq) {
		q = &d->q[item];
		buf_addc(b, ' ');
		buf_adds(b, q->speaker != NULL ? q->speaker : "?");
		buf_adds(b, ": ");
		buf_add(b, d->a->text + q->start, q->end - q->start);
	} else if (item >= 0) {
		sp = &d->sp[item - (long)d->nq];
		cnt = xasprintf(" %ld ", sp->n);
		buf_addc(b, ' ');
		buf_adds(b, sp->name);
		if (sp->role != NULL) {
			buf_adds(b, ", ");
			buf_adds(b, sp->role);
		}
		s = text_pad(b->data, b->len, p->w - (int)strlen(cnt));
		buf_reset(b);
		buf_adds(b, s);
		buf_adds(b, cnt);
		free(s);
		free(cnt);
	} else if (row == 1 && d->nq == 0)
		buf_adds(b, "  No quotes found.");
	else if (row == shead + 1 && d->nsp == 0)
		buf_adds(b, "  No speakers.");
	return UI_NORMAL;
}

static int
side_key(struct pane *p, int action)
{
	struct doc		*d = doc_of(p->ui);
	struct doc_speaker	*sp;
	long			 item;
	int			 rc;

	p->data = d;
	if (d->a == NULL || d->nq + d->nsp == 0)
		return 0;
	item = side_item_at(d, d->side.sel);
	switch (action) {
	case KEYS_DOWN:
	case KEYS_UP:
	case KEYS_PAGE_DOWN:
	case KEYS_PAGE_UP:
	case KEYS_HALF_DOWN:
	case KEYS_HALF_UP:
	case KEYS_TOP:
	case KEYS_BOTTOM:
		rc = ui_rows_key(p, &d->side, action);
		break;
	case KEYS_SPEAKERS:
		if (d->nsp == 0) {
			ui_message(p->ui, "no known speakers in this article");
			return REDRAW_STATUS;
		}
		rc = ui_rows_move(p, &d->side, side_row_of(d, (long)d->nq));
		break;
	case KEYS_OPEN:
		if (item < 0)
			return 0;
		if (item < (long)d->nq)
			return doc_set_quote(p->ui, item) |
			    ui_focus(p->ui, PANE_TEXT);
		sp = &d->sp[item - (long)d->nq];
		return ui_open_speaker(p->ui, sp->id, sp->name);
	case KEYS_READ:
		return ui_article_toggle_read(p->ui);
	default:
		return 0;
	}
	item = side_item_at(d, d->side.sel);
	if (item >= 0 && item < (long)d->nq && item != d->cur)
		return doc_set_quote(p->ui, item);
	return rc > 0 ? REDRAW_PANE(PANE_SIDE) | REDRAW_STATUS :
	    REDRAW_STATUS;
}

static void
side_status(struct pane *p, struct buf *b)
{
	struct doc	*d = doc_of(p->ui);
	long		 item = side_item_at(d, d->side.sel);

	if (d->a == NULL)
		buf_adds(b, "Quotes");
	else if (d->nq == 0 && d->nsp == 0)
		buf_adds(b, "Quotes 0/0");
	else if (item < (long)d->nq)
		buf_printf(b, "Quotes %ld/%zu", item + 1, d->nq);
	else
		buf_printf(b, "Speakers %ld/%zu", item + 1 - (long)d->nq,
		    d->nsp);
}
