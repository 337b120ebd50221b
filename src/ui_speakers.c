/*
 * ui_speakers.c: two panes.  The speakers pane lists everyone in the
 * archive, most quoted first, filtered as you type by any form of the
 * name; the speaker-quotes pane lists one speaker's quotes across the
 * archive (date, source, text), and Enter on one opens its article on
 * that quote.
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

struct spq_row {
	long long	 id;
	long long	 article_id;
	char		 date[11];
	char		*source;	/* NULL when unknown */
	char		*text;
	size_t		 len;
};

struct spquotes {
	long long	 speaker_id;	/* 0: none loaded */
	char		*name;
	struct spq_row	*rows;
	size_t		 n;
	size_t		*idx;
	struct nav	 nav;
	char		*filter;
	char		*shown_filter;
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
static int	 spq_row(void *, const struct db_quote_row *);
static void	 spq_clear(struct spquotes *);
static void	 spq_apply(struct spquotes *);

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

static int
spq_row(void *ctx, const struct db_quote_row *r)
{
	struct spquotes	*q = ctx;
	struct spq_row	*qr;

	q->rows = xreallocarray(q->rows, q->n + 1, sizeof(*q->rows));
	qr = &q->rows[q->n++];
	qr->id = r->id;
	qr->article_id = r->article_id;
	snprintf(qr->date, sizeof(qr->date), "%s", r->date);
	qr->source = r->source != NULL ? xstrdup(r->source) : NULL;
	qr->text = xstrndup(r->text, r->len);
	qr->len = r->len;
	if (q->name == NULL && r->speaker != NULL)
		q->name = xstrdup(r->speaker);
	return 0;
}

static void
spq_clear(struct spquotes *q)
{
	size_t	i;

	for (i = 0; i < q->n; i++) {
		free(q->rows[i].source);
		free(q->rows[i].text);
	}
	free(q->rows);
	free(q->idx);
	free(q->name);
	free(q->filter);
	free(q->shown_filter);
	memset(q, 0, sizeof(*q));
}

static void
spq_apply(struct spquotes *q)
{
	size_t	i;

	free(q->idx);
	q->idx = xreallocarray(NULL, q->n + 1, sizeof(*q->idx));
	q->nav.n = 0;
	for (i = 0; i < q->n; i++)
		if (q->filter == NULL || ui_match(q->rows[i].text, q->filter))
			q->idx[q->nav.n++] = i;
	q->nav.sel = q->nav.top = 0;
}

int
ui_speakers_load_quotes(struct ui *ui, long long id, const char *name)
{
	struct spquotes	*q = ui_pane(ui, PANE_SPQUOTES)->data;
	char		*cause = NULL;

	if (id == q->speaker_id)
		return 0;
	spq_clear(q);
	q->speaker_id = id;
	if (name != NULL)
		q->name = xstrdup(name);
	if (id > 0 && db_quotes(ui_db(ui), id, 0, spq_row, q, &cause) != 0) {
		ui_error(ui, "%s", cause);
		free(cause);
	}
	spq_apply(q);
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
	long		 i;
	int		 y, has_source = p->w >= 60;
	enum ui_color	 c;

	buf_init(&b);
	if (q->speaker_id > 0)
		buf_printf(&b, " %s: %zu quote%s", q->name != NULL ? q->name :
		    "?", q->n, q->n == 1 ? "" : "s");
	ui_put_row(p, 0, b.data, UI_HEADER);
	for (y = 1; y < p->h; y++) {
		i = q->nav.top + y - 1;
		buf_reset(&b);
		c = UI_NORMAL;
		if (i < q->nav.n) {
			r = &q->rows[q->idx[i]];
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
			if (i == q->nav.sel)
				c = p->focused ? UI_SELECTED :
				    UI_SELECTED_IDLE;
		} else if (y == 1 && q->speaker_id > 0 && q->filter != NULL)
			buf_adds(&b, "  No quote matches.");
		ui_put_row(p, y, b.data, c);
	}
	buf_free(&b);
}

static int
spq_key(struct pane *p, int action)
{
	struct spquotes	*q = p->data;
	struct spq_row	*r = q->nav.n > 0 ? &q->rows[q->idx[q->nav.sel]] :
			    NULL;

	switch (action) {
	case KEYS_OPEN:
		if (r == NULL)
			return 0;
		return ui_open_article(p->ui, r->article_id, r->id);
	case KEYS_MATCH_NEXT:
	case KEYS_MATCH_PREV:
		if (q->filter == NULL) {
			ui_message(p->ui, "no filter: / sets one");
			return REDRAW_STATUS;
		}
		nav_match(p, &q->nav, action);
		return REDRAW_PANE(PANE_SPQUOTES) | REDRAW_STATUS;
	case KEYS_BACK:
		if (q->filter == NULL)
			return 0;
		return spq_filter(p, NULL);
	default:
		if (!nav_key(&q->nav, p->h - 1, action))
			return 0;
		return REDRAW_PANE(PANE_SPQUOTES) | REDRAW_STATUS;
	}
}

static int
spq_filter(struct pane *p, const char *pattern)
{
	struct spquotes	*q = p->data;

	free(q->filter);
	free(q->shown_filter);
	q->filter = q->shown_filter = NULL;
	if (pattern != NULL) {
		q->filter = speakers_fold(pattern);
		q->shown_filter = xstrdup(pattern);
	}
	spq_apply(q);
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
