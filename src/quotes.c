/*
 * quotes.c: find direct and indirect speech in an article and who said it.
 *
 * Two passes.  The first walks the segmented text and records candidate
 * quotes, each with the span of its content, its cue and an unresolved
 * mention of its source (a name, a pronoun, a role noun, a group, an
 * institution, or nothing when the source is the previous speaker).  It
 * also records every full person name it sees.  The second pass takes
 * these events in text order and resolves each mention against a table of
 * the article's people, so pronouns and role nouns find the person they
 * refer to and every quote gets the fullest form of its speaker's name.
 * No I/O, no curses, no SQL.
 */
#include "config.h"

#include "quotes.h"

#include <stdlib.h>
#include <string.h>

#include "article.h"
#include "extract.h"
#include "segment.h"
#include "util.h"

static int	 cand_pos_cmp(const void *, const void *);
static int	 cand_cmp(const void *, const void *);
static void	 emit(struct ex *, struct quote_list *, const int *);
static void	 unnamed_from_next(struct ex *, int *);

struct cand *
quotes_cand_add(struct ex *x)
{
	struct cand	*c;

	if (x->nc == x->capc) {
		x->capc = x->capc * 2 + 16;
		x->c = xreallocarray(x->c, x->capc, sizeof(*x->c));
	}
	c = &x->c[x->nc++];
	memset(c, 0, sizeof(*c));
	return c;
}

/* A candidate's place when the quotes are put in text order. */
struct cand_pos {
	size_t	ts;	/* content start */
	size_t	k;	/* index among the candidates */
};

static int
cand_pos_cmp(const void *a, const void *b)
{
	const struct cand_pos	*x = a, *y = b;

	if (x->ts != y->ts)
		return x->ts < y->ts ? -1 : 1;
	return x->k < y->k ? -1 : x->k > y->k;
}

static int
cand_cmp(const void *a, const void *b)
{
	const struct cand	*x = a, *y = b;

	if (x->order != y->order)
		return x->order < y->order ? -1 : 1;
	return x->is_quote - y->is_quote;
}

/*
 * "«Q», — рассказали агентству. В холдинге уточнили, что": a quote of
 * a plural verb with no subject takes the source of the next quote, in
 * the next sentence of its paragraph, when that one's is a body named
 * as a place ("в холдинге", "в министерстве").
 */
static void
unnamed_from_next(struct ex *x, int *who)
{
	size_t	i, j = x->nc;	/* the next quote after i */

	/* From the end, so that the next quote is at hand: one pass, not
	 * a walk to it from each. */
	for (i = x->nc; i-- > 0; ) {
		const struct cand	*c = &x->c[i], *n;

		if (!c->is_quote)
			continue;
		n = j < x->nc ? &x->c[j] : NULL;
		j = i;
		if (who[i] >= 0 || c->m.type != MEN_NONE ||
		    c->agr != AGR_PL || n == NULL || who[n - x->c] < 0)
			continue;
		if (n->m.type == MEN_INST && (n->m.loc || (n->m.ns > 0 &&
		    (tok_is(x, n->m.ns - 1, "в") ||
		    tok_is(x, n->m.ns - 1, "во")))) && n->agr == AGR_PL &&
		    x->sg->t[n->order].para == x->sg->t[c->order].para &&
		    x->sg->t[n->order].sent <= x->sg->t[c->order].sent + 1)
			who[i] = who[n - x->c];
	}
}

/* Turns the resolved candidates into quotes, in text order. */
static void
emit(struct ex *x, struct quote_list *ql, const int *who)
{
	size_t	i, j;

	for (i = 0; i < x->nc; i++) {
		const struct cand	*c = &x->c[i];
		struct quote		*q;
		const struct ent	*e;

		if (!c->is_quote || (who[i] < 0 && c->m.type != MEN_PRON) ||
		    c->ts >= c->te)
			continue;
		/* A direct quote found twice keeps the first record.  The
		 * candidates are in content order, so only those starting
		 * where this one does can be the same. */
		for (j = i; j > 0 && x->c[j - 1].ts == c->ts; j--)
			if (x->c[j - 1].is_quote && who[j - 1] >= 0 &&
			    x->c[j - 1].te == c->te)
				break;
		if (j > 0 && x->c[j - 1].ts == c->ts)
			continue;
		e = who[i] >= 0 ? &x->e[people_full_name(x, who[i])] : NULL;
		q = quote_list_add(ql);
		q->kind = c->kind;
		q->start = x->sg->t[c->ts].start;
		q->end = x->sg->t[c->te - 1].end;
		if (c->ce > c->cs) {
			q->cue_start = x->sg->t[c->cs].start;
			q->cue_end = x->sg->t[c->ce - 1].end;
		} else if (c->colon_cue) {
			q->cue_start = x->sg->t[c->cue_tok].start;
			q->cue_end = x->sg->t[c->cue_tok].end;
		}
		if (c->m.type != MEN_NONE && c->m.type != MEN_CONT &&
		    c->m.ne > c->m.ns) {
			q->mention_start = x->sg->t[c->m.ns].start;
			q->mention_end = x->sg->t[c->m.ne - 1].end;
		}
		if (e == NULL)
			continue;
		q->speaker = xstrdup(e->name);
		q->role = e->role != NULL ? xstrdup(e->role) : NULL;
		q->gender = e->g;
		q->speaker_kind = e->kind;
	}
}

size_t
quotes_extract(const struct lexicon *lx, const struct article *a,
    struct quote_list *ql)
{
	struct ex	 x;
	size_t		 i, before = ql->n;
	int		*who, last = -1, lastq = -1;

	if (a->text == NULL || a->len == 0)
		return 0;
	memset(&x, 0, sizeof(x));
	x.lx = lx;
	x.text = a->text;
	x.sg = segment_text(a->text, a->len);
	if (x.sg->n == 0) {
		segment_free(x.sg);
		return 0;
	}
	x.w = xcalloc(x.sg->n, sizeof(*x.w));
	for (i = 0; i < x.sg->n; i++)
		x.w[i] = segment_fold(x.sg, i);
	x.mask = xcalloc(x.sg->n, 1);
	x.ind = xcalloc(x.sg->n, 1);
	x.tf = xcalloc(x.sg->n, sizeof(*x.tf));
	x.vlen = xcalloc(x.sg->n, 1);
	x.vcls = xcalloc(x.sg->n, sizeof(x.vcls[0]));
	x.ofirst = xcalloc(x.sg->n, 1);

	direct_pass(&x);
	indirect_pass(&x);
	people_names(&x);
	if (x.nc > 0)
		qsort(x.c, x.nc, sizeof(*x.c), cand_cmp);
	who = xcalloc(x.nc + 1, sizeof(*who));
	for (i = 0; i < x.nc; i++)
		who[i] = people_resolve(&x, i, &last, &lastq);
	unnamed_from_next(&x, who);
	/* Quotes in text order. */
	for (i = 0; i < x.nc; i++)
		x.c[i].order = x.c[i].ts;
	{
		/* Sort the quotes by content start, keeping who; equal
		 * starts keep their order.  (An insertion sort here was
		 * quadratic in an article with thousands of quotes.) */
		struct cand_pos	*idx = xcalloc(x.nc + 1, sizeof(*idx));
		struct cand *c2 = xcalloc(x.nc + 1, sizeof(*c2));
		int	*w2 = xcalloc(x.nc + 1, sizeof(*w2));
		size_t	 k, n = 0;

		for (k = 0; k < x.nc; k++)
			if (x.c[k].is_quote) {
				idx[n].ts = x.c[k].ts;
				idx[n++].k = k;
			}
		if (n > 0)
			qsort(idx, n, sizeof(*idx), cand_pos_cmp);
		for (k = 0; k < n; k++) {
			c2[k] = x.c[idx[k].k];
			w2[k] = who[idx[k].k];
		}
		free(x.c);
		free(who);
		free(idx);
		x.c = c2;
		x.nc = n;
		who = w2;
	}
	emit(&x, ql, who);
	people_free(&x);
	free(x.c);
	free(who);
	free(x.w);
	free(x.mask);
	free(x.ind);
	free(x.tf);
	free(x.vlen);
	free(x.vcls);
	free(x.ofirst);
	segment_free(x.sg);
	return ql->n - before;
}
