/*
 * ui_speakers.c: two panes.  The speakers pane lists everyone in the
 * archive, most quoted first, filtered as you type by any form of the
 * name; the speaker-quotes pane lists one speaker's quotes across the
 * archive (date, source, text), and Enter on one opens its article on
 * that quote.  Both hold only the rows near the screen, read a page at
 * a time, so their cost follows the screen, not the archive (611,137
 * speakers at a million articles) or the speaker.
 */
#include "config.h"

#include "ui.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "db.h"
#include "fold.h"
#include "keys.h"
#include "layout.h"
#include "text.h"
#include "util.h"

/* One speaker; strings owned.  An empty row (a speaker gone since
 * the filter was set) has the id and no name. */
struct sp_row {
	long long	 id;
	char		*name;
	char		*roles;		/* NULL when none */
	char		*fold;		/* the name folded: the key */
	long		 nquotes;
};

/*
 * The speakers, a screenful at a time (ui_rows.c).  Without a filter
 * the rows are read along the index of the list next to the rows held
 * (db_speakers_page); with one, match holds the ids of the speakers
 * that match, in order, found when the filter was set, and rows are
 * read by rank from there (db_speakers_get).
 */
struct speakers {
	int		 loaded;
	long long	 nall;		/* speakers with a quote */
	struct ui_rows	 rows;
	long long	*match;		/* with a filter */
	size_t		 nmatch;
	char		*filter;	/* folded; NULL for none */
	char		*shown_filter;
};

/* A filter typed further looks again only at the forms of the last
 * matches when there are at most this many. */
#define SP_NARROW_MAX	5000

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
 * One speaker's quotes, newest article first, read a screenful at a
 * time (ui_rows.c).  Without a filter the rows are the speaker's quotes,
 * read along the index of the speaker's quotes next to the rows held
 * (db_speaker_quotes_page), and the total is the speaker's count of
 * quotes.  With one, match holds the ids of the quotes that match, in
 * order, found once when the filter was set, and rows are read by rank
 * from there (db_quotes_get).
 */
struct spquotes {
	long long	 speaker_id;	/* 0: none loaded */
	char		*name;
	long long	 nquotes;	/* the speaker's */
	struct ui_rows	 rows;
	long long	*match;		/* with a filter */
	size_t		 nmatch;
	char		*filter;	/* folded; NULL for none */
	char		*shown_filter;
};

/* The ids of the quotes a filter matches. */
struct spq_matches {
	char		*filter;	/* folded */
	long long	*ids;
	size_t		 n, cap;
};

static void	 sp_draw(struct pane *);
static enum ui_color sp_draw_row(struct pane *, long long, const void *,
		    struct buf *);
static int	 sp_key(struct pane *, int);
static void	 sp_resize(struct pane *, const struct rect *);
static void	 sp_free(struct pane *);
static int	 sp_filter(struct pane *, const char *);
static void	 sp_status(struct pane *, struct buf *);
static void	 sp_load(struct pane *);
static int	 sp_fetch_row(void *, const struct db_speaker_row *);
static int	 sp_fetch(struct pane *, long long, const void *, int, long,
		    struct ui_rows_fetch *);
static void	 sp_row_free(void *);
static long long sp_id(const void *);
static void	*sp_gone(long long);
static void	 sp_rematch(struct pane *, const char *);
static void	 sp_select(struct pane *, long long);
static int	 sp_follow(struct pane *);
static struct sp_row *sp_selected(struct speakers *);
static void	 spq_draw(struct pane *);
static enum ui_color spq_draw_row(struct pane *, long long, const void *,
		    struct buf *);
static int	 spq_key(struct pane *, int);
static void	 spq_resize(struct pane *, const struct rect *);
static void	 spq_free(struct pane *);
static int	 spq_filter(struct pane *, const char *);
static void	 spq_status(struct pane *, struct buf *);
static void	 spq_row_free(void *);
static long long spq_id(const void *);
static void	*spq_gone(long long);
static void	 spq_clear(struct spquotes *);
static int	 spq_fetch_row(void *, const struct db_quote_row *);
static int	 spq_fetch(struct pane *, long long, const void *, int, long,
		    struct ui_rows_fetch *);
static int	 spq_fetch_match(struct pane *, long long, int, long,
		    struct ui_rows_fetch *);
static int	 spq_match_row(void *, const struct db_quote_row *);
static int	 spq_moved(int);
static int	 sp_same(const char *, const char *);
static void	 sp_saved_free(struct ui_saved *);
static struct ui_saved *sp_save(struct pane *);
static int	 sp_restore(struct pane *, const struct ui_saved *);
static struct spq_row *spq_row_copy(const struct spq_row *);
static void	 spq_saved_free(struct ui_saved *);
static struct ui_saved *spq_save(struct pane *);
static int	 spq_restore(struct pane *, const struct ui_saved *);

static const struct pane_ops sp_ops = {
	"Speakers", sp_draw, sp_key, sp_resize, sp_free, sp_filter,
	sp_status, sp_save, sp_restore
};

static const struct ui_rows_ops sp_rows_ops = {
	sp_fetch, sp_row_free, sp_draw_row, NULL
};

static const struct pane_ops spq_ops = {
	"Quotes", spq_draw, spq_key, spq_resize, spq_free, spq_filter,
	spq_status, spq_save, spq_restore
};

static const struct ui_rows_ops spq_rows_ops = {
	spq_fetch, spq_row_free, spq_draw_row, NULL
};

void
ui_speakers_init(struct pane *p)
{
	struct speakers	*s = xcalloc(1, sizeof(*s));

	ui_rows_init(&s->rows, &sp_rows_ops);
	p->ops = &sp_ops;
	p->data = s;
}

void
ui_speakers_init_quotes(struct pane *p)
{
	struct spquotes	*q = xcalloc(1, sizeof(*q));

	ui_rows_init(&q->rows, &spq_rows_ops);
	q->rows.y0 = 1;
	p->ops = &spq_ops;
	p->data = q;
}

static int
sp_fetch_row(void *ctx, const struct db_speaker_row *r)
{
	struct sp_row	*sr = xcalloc(1, sizeof(*sr));

	sr->id = r->id;
	sr->name = xstrdup(r->name);
	sr->roles = r->roles != NULL ? xstrdup(r->roles) : NULL;
	sr->fold = xstrdup(r->fold != NULL ? r->fold : "");
	sr->nquotes = r->nquotes;
	ui_rows_add(ctx, sr);
	return 0;
}

static long long
sp_id(const void *row)
{
	return ((const struct sp_row *)row)->id;
}

/* The row of a speaker gone since the filter was set: empty. */
static void *
sp_gone(long long id)
{
	struct sp_row	*r = xcalloc(1, sizeof(*r));

	r->id = id;
	r->name = xstrdup("");
	r->fold = xstrdup("");
	return r;
}

static void
sp_row_free(void *row)
{
	struct sp_row	*r = row;

	free(r->name);
	free(r->roles);
	free(r->fold);
	free(r);
}

/*
 * Reads speakers next to the row next_to along the index of the list;
 * with a filter, by rank among the matches, a speaker gone since then
 * as an empty row.
 */
static int
sp_fetch(struct pane *p, long long rank, const void *next_to, int up,
    long limit, struct ui_rows_fetch *f)
{
	struct speakers		*s = p->data;
	const struct sp_row	*r = next_to;
	struct db_speaker_key	 key;
	struct ui_rows_fetch	 got;
	long long		 a, b;
	char			*cause = NULL;
	int			 rc;

	if (s->filter == NULL) {
		if (r != NULL) {
			key.nquotes = r->nquotes;
			key.fold = r->fold;
			key.id = r->id;
		}
		rc = db_speakers_page(ui_db(p->ui), r != NULL ? &key : NULL,
		    !up, (int)limit, sp_fetch_row, f, &cause) < 0 ? -1 : 0;
		goto out;
	}
	a = up ? rank - limit : rank;
	b = up ? rank : rank + limit;
	if (a < 0)
		a = 0;
	if (b > (long long)s->nmatch)
		b = (long long)s->nmatch;
	if (a >= b)
		return 0;
	memset(&got, 0, sizeof(got));
	if ((rc = db_speakers_get(ui_db(p->ui), s->match + a, (size_t)(b - a),
	    sp_fetch_row, &got, &cause)) != 0) {
		ui_rows_fetch_free(&sp_rows_ops, &got);
		goto out;
	}
	/* They come in the order asked, the missing ones skipped. */
	ui_rows_by_id(f, &got, s->match + a, (size_t)(b - a), up,
	    &sp_rows_ops, sp_id, sp_gone);
out:
	if (rc != 0) {
		ui_error(p->ui, "%s", cause);
		free(cause);
	}
	return rc;
}

/*
 * Finds the speakers the filter matches (all of them without one); the
 * rows held are dropped and the cursor goes to the first.  A filter
 * typed further than the last (its text holds the last's) keeps those
 * of the last matches that still match, looking at their forms alone,
 * when they are few; otherwise every form of every name is looked
 * through.
 */
static void
sp_rematch(struct pane *p, const char *last)
{
	struct speakers	*s = p->data;
	char		*cause = NULL;
	long		 n = -1;

	ui_rows_clear(&s->rows);
	s->rows.sel = s->rows.top = 0;
	s->rows.by_rank = s->filter != NULL;
	s->rows.total = s->nall;
	if (s->filter == NULL) {
		free(s->match);
		s->match = NULL;
		s->nmatch = 0;
		return;
	}
	if (last != NULL && s->match != NULL && s->nmatch <= SP_NARROW_MAX &&
	    strstr(s->filter, last) != NULL)
		n = db_speakers_narrow(ui_db(p->ui), s->filter, s->match,
		    s->nmatch, &cause);
	if (n < 0) {
		free(cause);
		cause = NULL;
		free(s->match);
		s->match = NULL;
		if ((n = db_speakers_match(ui_db(p->ui), s->filter, &s->match,
		    &cause)) < 0) {
			ui_error(p->ui, "%s", cause);
			free(cause);
			n = 0;
		}
	}
	s->nmatch = (size_t)n;
	s->rows.total = n;
}

/* Reads the speakers the first time they are wanted: their number, the
 * filter's matches and the first screenful. */
static void
sp_load(struct pane *p)
{
	struct speakers	*s = p->data;
	char		*cause = NULL;
	int		 h = ui_rows_shown(p, &s->rows);

	if (s->loaded)
		return;
	s->loaded = 1;
	if ((s->nall = db_speakers_total(ui_db(p->ui), &cause)) < 0) {
		ui_error(p->ui, "%s", cause);
		free(cause);
		s->nall = 0;
	}
	sp_rematch(p, NULL);
	ui_rows_ensure(p, &s->rows, 0, h > 0 ? h : 24);
}

/*
 * Puts the cursor on speaker id when it is shown, reading the rows
 * around it: with a filter its rank is found among the matches;
 * without, its row is read and held at the rank the archive counts for
 * it, and the list read on from there both ways.
 */
static void
sp_select(struct pane *p, long long id)
{
	struct speakers		*s = p->data;
	struct ui_rows_fetch	 f;
	struct db_speaker_key	 key;
	struct sp_row		*r;
	long long		 rank = -1;
	size_t			 i;
	char			*cause = NULL;
	int			 h = ui_rows_shown(p, &s->rows);

	if (id <= 0)
		return;
	if (h <= 0)
		h = 24;
	if (s->filter != NULL) {
		for (i = 0; i < s->nmatch; i++)
			if (s->match[i] == id) {
				ui_rows_show(p, &s->rows, (long long)i);
				break;
			}
		return;
	}
	memset(&f, 0, sizeof(f));
	if (db_speakers_get(ui_db(p->ui), &id, 1, sp_fetch_row, &f,
	    &cause) != 0 || f.n == 0) {
		if (cause != NULL) {
			ui_error(p->ui, "%s", cause);
			free(cause);
		}
		ui_rows_fetch_free(&sp_rows_ops, &f);
		return;
	}
	r = f.rows[0];
	key.nquotes = r->nquotes;
	key.fold = r->fold;
	key.id = r->id;
	if (r->nquotes <= 0 || (rank = db_speakers_rank(ui_db(p->ui), &key,
	    &cause)) < 0 || rank >= s->rows.total) {
		if (cause != NULL) {
			ui_error(p->ui, "%s", cause);
			free(cause);
		}
		ui_rows_fetch_free(&sp_rows_ops, &f);
		return;
	}
	ui_rows_clear(&s->rows);
	ui_rows_hold(&s->rows, &f, rank, 0);
	free(f.rows);
	ui_rows_ensure(p, &s->rows, rank, rank + h);
	ui_rows_ensure(p, &s->rows, rank - h, rank + h);
	ui_rows_show(p, &s->rows, rank);
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
	s->loaded = 0;
	sp_load(p);
	sp_select(p, id);
	return REDRAW_PANE(PANE_SPEAKERS) | REDRAW_STATUS;
}

static void
sp_free(struct pane *p)
{
	struct speakers	*s = p->data;

	ui_rows_clear(&s->rows);
	free(s->match);
	free(s->filter);
	free(s->shown_filter);
	free(s);
	p->data = NULL;
}

static struct sp_row *
sp_selected(struct speakers *s)
{
	struct sp_row	*r;

	if (s->rows.total == 0 || (r = ui_rows_at(&s->rows, s->rows.sel)) ==
	    NULL || r->name == NULL || *r->name == '\0')
		return NULL;
	return r;
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

long long
ui_speakers_quote(struct ui *ui)
{
	struct spquotes	*q = ui_pane(ui, PANE_SPQUOTES)->data;
	struct spq_row	*r;

	if (q->speaker_id <= 0 || (r = ui_rows_at(&q->rows, q->rows.sel)) ==
	    NULL)
		return 0;
	return r->id;
}

static void
sp_resize(struct pane *p, const struct rect *r)
{
	struct speakers	*s = p->data;

	(void)r;
	sp_load(p);
	ui_rows_fit(p, &s->rows);
}

static void
sp_draw(struct pane *p)
{
	struct speakers	*s = p->data;

	ui_rows_draw(p, &s->rows);
}

static enum ui_color
sp_draw_row(struct pane *p, long long rank, const void *row, struct buf *b)
{
	struct speakers		*s = p->data;
	const struct sp_row	*r = row;

	if (rank == 0 && s->rows.total == 0) {
		buf_adds(b, s->filter != NULL ?
		    "  No speaker's name matches." :
		    "  No speakers in the archive.");
		return UI_NORMAL;
	}
	if (r == NULL || r->name == NULL || *r->name == '\0')
		return UI_NORMAL;
	buf_printf(b, " %4ld  %s", r->nquotes, r->name);
	if (r->roles != NULL)
		buf_printf(b, " %s %s", text_mode_get() == TEXT_ASCII ? "-" :
		    "\xe2\x80\x94", r->roles);
	return UI_NORMAL;
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
		if (ui_rows_step(p, &s->rows, action, "match") <= 0)
			return 0;
		return REDRAW_PANE(PANE_SPEAKERS) | REDRAW_STATUS |
		    sp_follow(p);
	case KEYS_BACK:
		if (s->filter == NULL)
			return 0;
		return sp_filter(p, NULL);
	default:
		if (ui_rows_key(p, &s->rows, action) <= 0)
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
	char		*last;
	int		 h = ui_rows_shown(p, &s->rows);

	sp_load(p);
	last = s->filter;
	free(s->shown_filter);
	s->filter = s->shown_filter = NULL;
	if (pattern != NULL) {
		s->filter = fold_name(pattern);
		s->shown_filter = xstrdup(pattern);
	}
	sp_rematch(p, last);
	free(last);
	ui_rows_ensure(p, &s->rows, 0, h > 0 ? h : 24);
	sp_select(p, id);
	return REDRAW_PANE(PANE_SPEAKERS) | REDRAW_STATUS | sp_follow(p);
}

static void
sp_status(struct pane *p, struct buf *b)
{
	struct speakers	*s = p->data;

	buf_printf(b, "Speakers %lld/%lld", s->rows.total > 0 ?
	    s->rows.sel + 1 : 0, s->rows.total);
	if (s->filter != NULL)
		buf_printf(b, "  filter: %s", s->shown_filter);
}

/* ---- one speaker's quotes ---- */

static void
spq_row_free(void *row)
{
	struct spq_row	*r = row;

	free(r->source);
	free(r->text);
	free(r);
}

static long long
spq_id(const void *row)
{
	return ((const struct spq_row *)row)->id;
}

/* The row of a quote gone since the filter was set: empty. */
static void *
spq_gone(long long id)
{
	struct spq_row	*r = xcalloc(1, sizeof(*r));

	r->id = id;
	r->text = xstrdup("");
	return r;
}

static void
spq_clear(struct spquotes *q)
{
	ui_rows_clear(&q->rows);
	free(q->match);
	free(q->name);
	free(q->filter);
	free(q->shown_filter);
	memset(q, 0, sizeof(*q));
	ui_rows_init(&q->rows, &spq_rows_ops);
	q->rows.y0 = 1;
}

static int
spq_fetch_row(void *ctx, const struct db_quote_row *r)
{
	struct spq_row	*qr = xcalloc(1, sizeof(*qr));

	qr->id = r->id;
	qr->article_id = r->article_id;
	snprintf(qr->date, sizeof(qr->date), "%s", r->date);
	qr->start = r->start;
	qr->source = r->source != NULL ? xstrdup(r->source) : NULL;
	qr->text = xstrndup(r->text, r->len);
	qr->len = r->len;
	ui_rows_add(ctx, qr);
	return 0;
}

/* Reads quotes next to the row next_to along the index of the
 * speaker's quotes; with a filter, by rank among the matches. */
static int
spq_fetch(struct pane *p, long long rank, const void *next_to, int up,
    long limit, struct ui_rows_fetch *f)
{
	struct spquotes		*q = p->data;
	const struct spq_row	*r = next_to;
	struct db_quote_key	 key;
	char			*cause = NULL;

	if (q->filter != NULL)
		return spq_fetch_match(p, rank, up, limit, f);
	if (r != NULL) {
		snprintf(key.date, sizeof(key.date), "%s", r->date);
		key.article_id = r->article_id;
		key.start = r->start;
		key.id = r->id;
	}
	if (db_speaker_quotes_page(ui_db(p->ui), q->speaker_id, r != NULL ?
	    &key : NULL, !up, (int)limit, spq_fetch_row, f, &cause) < 0) {
		ui_error(p->ui, "%s", cause);
		free(cause);
		return -1;
	}
	return 0;
}

/*
 * With a filter: the matches from rank down, or before it up (the
 * nearest first), read by id.  A quote gone from the archive since the
 * filter was set stays as an empty row.
 */
static int
spq_fetch_match(struct pane *p, long long rank, int up, long limit,
    struct ui_rows_fetch *f)
{
	struct spquotes		*q = p->data;
	struct ui_rows_fetch	 got;
	long long		 a, b;
	char			*cause = NULL;

	a = up ? rank - limit : rank;
	b = up ? rank : rank + limit;
	if (a < 0)
		a = 0;
	if (b > (long long)q->nmatch)
		b = (long long)q->nmatch;
	if (a >= b)
		return 0;
	memset(&got, 0, sizeof(got));
	if (db_quotes_get(ui_db(p->ui), q->match + a, (size_t)(b - a),
	    spq_fetch_row, &got, &cause) != 0) {
		ui_error(p->ui, "%s", cause);
		free(cause);
		ui_rows_fetch_free(&spq_rows_ops, &got);
		return -1;
	}
	/* They come in the order asked, the missing ones skipped. */
	ui_rows_by_id(f, &got, q->match + a, (size_t)(b - a), up,
	    &spq_rows_ops, spq_id, spq_gone);
	return 0;
}

int
ui_speakers_load_quotes(struct ui *ui, long long id, const char *name)
{
	struct pane	*p = ui_pane(ui, PANE_SPQUOTES);
	struct spquotes	*q = p->data;
	char		*cause = NULL, *dbname = NULL;
	long long	 n = 0;
	int		 h = ui_rows_shown(p, &q->rows);

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
	q->rows.total = n;
	if (id > 0)
		ui_rows_ensure(p, &q->rows, 0, h > 0 ? h : 24);
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

	(void)r;
	if (q->speaker_id > 0)
		ui_rows_fit(p, &q->rows);
}

/*
 *	Ермек Сарсенбаев: 5 quotes
 *	2024-04-15 BAQ.KZ        В прошлом году мы получили…
 */
static void
spq_draw(struct pane *p)
{
	struct spquotes	*q = p->data;
	struct buf	 b;

	buf_init(&b);
	if (q->speaker_id > 0)
		buf_printf(&b, " %s: %lld quote%s", q->name != NULL ? q->name :
		    "?", q->nquotes, q->nquotes == 1 ? "" : "s");
	ui_put_row(p, 0, b.data, UI_HEADER);
	buf_free(&b);
	ui_rows_draw(p, &q->rows);
}

static enum ui_color
spq_draw_row(struct pane *p, long long rank, const void *row,
    struct buf *b)
{
	struct spquotes		*q = p->data;
	const struct spq_row	*r = row;
	char			*s;

	if (r == NULL) {
		if (rank == 0 && q->speaker_id > 0 && q->filter != NULL &&
		    q->rows.total == 0)
			buf_adds(b, "  No quote matches.");
		return UI_NORMAL;
	}
	buf_printf(b, " %s ", r->date);
	if (p->w >= 60) {
		s = text_pad(r->source != NULL ? r->source : "",
		    r->source != NULL ? strlen(r->source) : 0, 14);
		buf_adds(b, s);
		buf_addc(b, ' ');
		free(s);
	}
	buf_add(b, r->text, r->len);
	return UI_NORMAL;
}

/* The REDRAW_* bits for what ui_rows_*() returned. */
static int
spq_moved(int rc)
{
	if (rc < 0)
		return REDRAW_STATUS;
	return rc > 0 ? REDRAW_PANE(PANE_SPQUOTES) | REDRAW_STATUS : 0;
}

static int
spq_key(struct pane *p, int action)
{
	struct spquotes	*q = p->data;
	struct spq_row	*r = ui_rows_at(&q->rows, q->rows.sel);

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
		return spq_moved(ui_rows_step(p, &q->rows, action, "match"));
	case KEYS_BACK:
		if (q->filter == NULL)
			return 0;
		return spq_filter(p, NULL);
	default:
		return spq_moved(ui_rows_key(p, &q->rows, action));
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
	int			 h = ui_rows_shown(p, &q->rows);

	free(q->filter);
	free(q->shown_filter);
	free(q->match);
	q->filter = q->shown_filter = NULL;
	q->match = NULL;
	q->nmatch = 0;
	ui_rows_clear(&q->rows);
	q->rows.sel = q->rows.top = 0;
	q->rows.total = q->nquotes;
	q->rows.by_rank = 0;
	if (pattern != NULL && q->speaker_id > 0) {
		memset(&m, 0, sizeof(m));
		m.filter = fold_name(pattern);
		if (db_quotes(ui_db(p->ui), q->speaker_id, 0, spq_match_row,
		    &m, &cause) != 0) {
			ui_error(p->ui, "%s", cause);
			free(cause);
		}
		q->filter = m.filter;
		q->shown_filter = xstrdup(pattern);
		q->match = m.ids;
		q->nmatch = m.n;
		q->rows.total = (long long)m.n;
		q->rows.by_rank = 1;
	}
	if (q->speaker_id > 0)
		ui_rows_ensure(p, &q->rows, 0, h > 0 ? h : 24);
	return REDRAW_PANE(PANE_SPQUOTES) | REDRAW_STATUS;
}

static void
spq_status(struct pane *p, struct buf *b)
{
	struct spquotes	*q = p->data;

	buf_printf(b, "Quotes %lld/%lld", q->rows.total > 0 ?
	    q->rows.sel + 1 : 0, q->rows.total);
	if (q->filter != NULL)
		buf_printf(b, "  filter: %s", q->shown_filter);
}

/* Whether two filters (NULL: none) are the same. */
static int
sp_same(const char *a, const char *b)
{
	if (a == NULL || b == NULL)
		return a == b;
	return strcmp(a, b) == 0;
}

/* What Back keeps of the speakers: the filter and the cursor. */
struct sp_saved {
	struct ui_saved	 base;
	char		*filter;	/* as typed; NULL for none */
	long long	 id;		/* the speaker under the cursor */
	long long	 sel, top;
};

static void
sp_saved_free(struct ui_saved *v)
{
	struct sp_saved	*s = (struct sp_saved *)v;

	free(s->filter);
	free(s);
}

static struct ui_saved *
sp_save(struct pane *p)
{
	struct speakers	*s = p->data;
	struct sp_saved	*v = xcalloc(1, sizeof(*v));
	struct sp_row	*r = sp_selected(s);

	v->base.free = sp_saved_free;
	v->filter = s->shown_filter != NULL ? xstrdup(s->shown_filter) :
	    NULL;
	v->id = r != NULL ? r->id : 0;
	v->sel = s->rows.sel;
	v->top = s->rows.top;
	return &v->base;
}

static int
sp_restore(struct pane *p, const struct ui_saved *saved)
{
	const struct sp_saved	*v = (const struct sp_saved *)saved;
	struct speakers		*s = p->data;
	struct sp_row		*r;

	sp_load(p);
	if (!sp_same(v->filter, s->shown_filter))
		sp_filter(p, v->filter);
	if ((r = ui_rows_at(&s->rows, v->sel)) != NULL && r->id == v->id &&
	    ui_rows_at(&s->rows, v->top) != NULL) {
		s->rows.sel = v->sel;
		s->rows.top = v->top;
	} else
		sp_select(p, v->id);	/* read again since */
	return REDRAW_PANE(PANE_SPEAKERS) | REDRAW_STATUS;
}

/* What Back keeps of a speaker's quotes: whose, the filter, the
 * cursor, and the row at the top to read on from. */
struct spq_saved {
	struct ui_saved	 base;
	long long	 speaker_id;
	char		*name;
	char		*filter;	/* as typed; NULL for none */
	long long	 sel, top;
	struct spq_row	*anchor;	/* a copy of the row at top */
};

static struct spq_row *
spq_row_copy(const struct spq_row *r)
{
	struct spq_row	*c = xcalloc(1, sizeof(*c));

	*c = *r;
	c->source = r->source != NULL ? xstrdup(r->source) : NULL;
	c->text = xstrndup(r->text, r->len);
	return c;
}

static void
spq_saved_free(struct ui_saved *v)
{
	struct spq_saved	*s = (struct spq_saved *)v;

	free(s->name);
	free(s->filter);
	if (s->anchor != NULL)
		spq_row_free(s->anchor);
	free(s);
}

static struct ui_saved *
spq_save(struct pane *p)
{
	struct spquotes		*q = p->data;
	struct spq_saved	*v = xcalloc(1, sizeof(*v));
	struct spq_row		*r = ui_rows_at(&q->rows, q->rows.top);

	v->base.free = spq_saved_free;
	v->speaker_id = q->speaker_id;
	v->name = q->name != NULL ? xstrdup(q->name) : NULL;
	v->filter = q->shown_filter != NULL ? xstrdup(q->shown_filter) :
	    NULL;
	v->sel = q->rows.sel;
	v->top = q->rows.top;
	v->anchor = r != NULL ? spq_row_copy(r) : NULL;
	return &v->base;
}

/*
 * The speaker's quotes are read again, and filtered again when the
 * filter was another.  Without a filter the rows are read on from the
 * row that was at the top (the index has no ranks), with one by rank,
 * when the pane is placed again (ui_rows_fit() in spq_resize()).
 */
static int
spq_restore(struct pane *p, const struct ui_saved *saved)
{
	const struct spq_saved	*v = (const struct spq_saved *)saved;
	struct spquotes		*q = p->data;
	struct ui_rows_fetch	 f;

	if (v->speaker_id != q->speaker_id)
		ui_speakers_load_quotes(p->ui, v->speaker_id, v->name);
	if (!sp_same(v->filter, q->shown_filter))
		spq_filter(p, v->filter);
	if (q->speaker_id > 0 && !q->rows.by_rank && v->anchor != NULL &&
	    ui_rows_at(&q->rows, v->top) == NULL) {
		memset(&f, 0, sizeof(f));
		ui_rows_add(&f, spq_row_copy(v->anchor));
		ui_rows_hold(&q->rows, &f, v->top, 0);
	}
	q->rows.sel = v->sel;
	q->rows.top = v->top;
	return REDRAW_PANE(PANE_SPQUOTES) | REDRAW_STATUS;
}
