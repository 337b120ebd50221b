/*
 * indirect.c: reported speech, sentence by sentence: framing phrases
 * (по словам X), "как V X", speech verbs with что-clauses, topics and
 * objects, postposed attributions and "Об этом V X" after the content.
 * No I/O.
 */
#include "config.h"

#include <string.h>

#include "extract.h"
#include "lexicon.h"
#include "segment.h"

static size_t	 content_end(const struct ex *, size_t, size_t, int);
static size_t	 words_between(const struct ex *, size_t, size_t);
static void	 add_indirect(struct ex *, size_t, size_t, size_t, size_t,
		    enum agr, const struct mention *);
static size_t	 indirect_at(struct ex *, size_t, size_t);

/*
 * Where the content that starts at token s ends: at the end of the
 * sentence, or before a coordinated clause with its own speech verb
 * ("..., но признал, что ...", "... и призвал ...", "..., а Россия
 * уверена, что ...").  When np is set the content is a noun phrase (the
 * object of назвал, the topic of рассказал о), which also ends before a
 * coordinated verb ("..., и посетил посёлок").  Returns the end token
 * (exclusive).
 */
static size_t
content_end(const struct ex *x, size_t s, size_t e, int np)
{
	size_t	i, j, k, len;
	unsigned cls;

	for (i = s; i < e; i++) {
		if (x->mask[i])
			return i;
		if (tok_is(x, i, "как") && i > s &&
		    tok_verb(x, i + 1, e, &len, &cls)) {
			/* "..., но, как сказала X, ..." starts anew. */
			while (i > s && (tok_punct(x, i - 1, ',') ||
			    tok_is(x, i - 1, "но") || tok_is(x, i - 1, "а")))
				i--;
			return i;
		}
		if (i == s || !(tok_punct(x, i, ',') || tok_is(x, i, "но") ||
		    tok_is(x, i, "а") || tok_is(x, i, "и") ||
		    tok_is(x, i, "однако")) || i + 1 >= e)
			continue;
		j = i + 1;
		if (tok_is(x, j, "но") || tok_is(x, j, "а") ||
		    tok_is(x, j, "и") || tok_is(x, j, "однако"))
			j++;
		if (tok_is(x, j, "также") || tok_is(x, j, "еще") ||
		    tok_is(x, j, "затем") || tok_is(x, j, "тут"))
			j++;
		if (tok_verb(x, j, e, &len, &cls) && j > i + (tok_punct(x, i,
		    ',') ? 1 : 0) && tok_agr(x->w[j]) != AGR_NONE)
			return i;	/* "... и призвал ..." */
		if (tok_verb(x, j, e, &len, &cls) && (cls & VC_CLAUSE) &&
		    j + len + 1 < e && (tok_is(x, j + len, "что") ||
		    (tok_punct(x, j + len, ',') &&
		    tok_is(x, j + len + 1, "что"))))
			return i;
		/* ", а Россия уверена, что": another subject, then its
		 * verb and что.  (After "но" the clause is more often part
		 * of what is reported: "сообщил, что ..., но власти
		 * надеются, что ...".) */
		if (tok_punct(x, i, ',') && tok_is(x, i + 1, "а"))
			for (k = j; k < e && k < j + 4 &&
			    x->sg->t[k].type == SEG_WORD; k++)
				if (tok_verb(x, k, e, &len, &cls) &&
				    (cls & VC_CLAUSE) && k + len + 1 < e &&
				    tok_punct(x, k + len, ',') &&
				    tok_is(x, k + len + 1, "что"))
					return i;
		/* ", расследователи заявляли о ...": a new subject and its
		 * speech verb. */
		if (tok_punct(x, i, ',') && j == i + 1 &&
		    strncmp(x->w[j], "котор", 10) != 0 &&
		    !tok_prep(x, j) && !tok_stop(x, j))
			for (k = j + 1; k < e && k < j + 4 &&
			    x->sg->t[k - 1].type == SEG_WORD &&
			    !tok_is(x, k - 1, "не") &&
			    strncmp(x->w[k - 1], "котор", 10) != 0; k++)
				if (tok_verb(x, k, e, &len, &cls) &&
				    (cls & (VC_CLAUSE | VC_TOPIC |
				    VC_OBJECT)) && !(cls & VC_RELAY) &&
				    tok_agr(x->w[k]) != AGR_NONE)
					return i;
		if (np && j > i && (tok_is(x, i, "и") ||
		    tok_is(x, i + 1, "и") || tok_is(x, i + 1, "а")) &&
		    tok_finite_past(x, j))
			return i;	/* "..., и посетил посёлок" */
	}
	while (e > s && (tok_sentend(x, e - 1) || tok_punct(x, e - 1, ',') ||
	    tok_punct(x, e - 1, ':') || tok_punct(x, e - 1, ';')))
		e--;
	return e;
}

/* The number of words in tokens [s, e). */
static size_t
words_between(const struct ex *x, size_t s, size_t e)
{
	size_t	n = 0;

	for (; s < e; s++)
		if (x->sg->t[s].type == SEG_WORD)
			n++;
	return n;
}

static void
add_indirect(struct ex *x, size_t s, size_t e, size_t cs, size_t ce,
    enum agr a, const struct mention *m)
{
	struct cand	*c;
	size_t		 i, words = 0;

	while (e > s && (tok_sentend(x, e - 1) || tok_punct(x, e - 1, ',') ||
	    tok_dash(x, e - 1)))
		e--;
	while (s < e && (tok_punct(x, s, ',') || tok_dash(x, s)))
		s++;
	/* Direct quotes are not part of it: skip one that opens the
	 * span, stop at one inside it. */
	while (s < e && (x->mask[s] || x->sg->t[s].type == SEG_PUNCT))
		s++;
	for (i = s; i < e; i++) {
		if (x->mask[i]) {
			e = i;
			break;
		}
		if (x->sg->t[i].type == SEG_WORD)
			words++;
	}
	while (e > s && x->sg->t[e - 1].type == SEG_PUNCT &&
	    !tok_close_quote(x, e - 1))
		e--;
	if (words < 2)
		return;
	/* The same content found twice (a framing phrase and a verb): the
	 * tokens of indirect quotes are marked, rather than every quote so
	 * far compared, which was quadratic in their number. */
	for (i = s; i < e; i++)
		if (x->ind[i])
			return;
	memset(x->ind + s, 1, e - s);
	c = quotes_cand_add(x);
	c->is_quote = 1;
	c->kind = QUOTE_INDIRECT;
	c->ts = s;
	c->te = e;
	c->cs = cs;
	c->ce = ce;
	c->agr = a;
	c->m = *m;
	c->order = cs < s ? cs : s;
}

/*
 * Indirect speech, sentence by sentence: framing phrases (по словам X),
 * "как V X", speech verbs with что-clauses, topics and objects,
 * postposed attributions and "Об этом V X" after the content.
 */
/*
 * Looks for a cue at token i of sentence si and records the quote it
 * introduces.  Returns the last token it consumed; the caller goes on
 * after it.
 */
static size_t
indirect_at(struct ex *x, size_t si, size_t i)
{
	struct segmentation	*sg = x->sg;
	size_t			 s0 = sg->sent[si].first;
	size_t			 s1 = sg->sent[si].last;
	const struct lex_entry	*le;
	size_t			 k, len, stop, j;
	unsigned		 cls;
	struct mention		 m;
	enum agr		 a;
	int			 at_start;

	if (x->mask[i] || sg->t[i].type != SEG_WORD)
		return i;
	le = lexicon_match(x->lx, LEX_PHRASES, x->w + i,
	    s1 - i, &k);
	if (le != NULL && (strcmp(le->tag, "frame") == 0 ||
	    strcmp(le->tag, "framep") == 0 ||
	    strcmp(le->tag, "ref") == 0)) {
		/* по словам X, C / A, по словам X, B */
		memset(&m, 0, sizeof(m));
		if (strcmp(le->tag, "framep") == 0) {
			m.type = MEN_PRON;
			m.s = m.ns = i + 1;
			m.e = m.ne = i + 2;
			stop = i + k;
			a = tok_is(x, i + 1, "ее") ? AGR_F :
			    tok_is(x, i + 1, "их") ? AGR_PL :
			    AGR_M;
		} else {
			if (!mention_after(x, i + k, s1, &m,
			    &stop, MNP_OBL)) {
				/* "Согласно сообщению, ...":
				 * the source spoken of. */
				if (!tok_punct(x, i + k, ',') ||
				    strcmp(le->tag, "frame") != 0) {
					i += k - 1;
					return i;
				}
				memset(&m, 0, sizeof(m));
				m.type = MEN_NONE;
				stop = i + k + 1;
			}
			m.cas = strcmp(le->tag, "ref") == 0 ?
			    SPEAKERS_ACC : SPEAKERS_GEN;
			a = AGR_NONE;
		}
		if (mention_media(x, &m)) {
			i += k - 1;
			return i;
		}
		at_start = i == s0 || (i == s0 + 1 &&
		    sg->t[s0].type == SEG_WORD);
		if (strcmp(le->tag, "ref") == 0) {
			/* "... со ссылкой на X, что C". */
			j = stop;
			if (tok_punct(x, j, ','))
				j++;
			if (tok_is(x, j, "что"))
				add_indirect(x, j + 1,
				    content_end(x, j + 1, s1, 0),
				    i, i + k, a, &m);
			else
				add_indirect(x, s0, i, i,
				    i + k, a, &m);
		} else if (at_start)
			add_indirect(x, stop, s1, i, i + k, a,
			    &m);
		else
			add_indirect(x, s0, s1, i, i + k, a,
			    &m);
		i = stop > i ? stop - 1 : i;
		return i;
	}
	if (le != NULL && strcmp(le->tag, "doc") == 0) {
		/* "В заявлении X говорится, что C" is rare;
		 * "C, говорится в заявлении X." */
		if (!mention_after(x, i + k, s1, &m, &stop,
		    MNP_OBL) || i == s0) {
			i += k - 1;
			return i;
		}
		m.cas = SPEAKERS_GEN;
		add_indirect(x, s0, i, i, i + k, AGR_NONE, &m);
		i = stop > i ? stop - 1 : i;
		return i;
	}
	if (le != NULL && strcmp(le->tag, "not") == 0) {
		i += k - 1;
		return i;
	}
	if (le != NULL && strcmp(le->tag, "prev") == 0) {
		/* "Об этом сообщил X", "О своих планах X
		 * рассказал": the content is the sentence
		 * before. */
		size_t	v;

		for (v = i + k; v < s1 && v < i + k + 5; v++)
			if (tok_verb(x, v, s1, &len, &cls))
				break;
		if (v >= s1 || v >= i + k + 5 || si == 0) {
			i += k - 1;
			return i;
		}
		if (!mention_after(x, v + len, s1, &m, &stop,
		    0)) {
			/* The subject between: "О своих
			 * планах Лужков рассказал". */
			if (v == i + k ||
			    !mention_np(x, i + k, v, &m, 0)) {
				i = v + len - 1;
				return i;
			}
			stop = v + len;
		}
		if (mention_media(x, &m)) {
			i = v + len - 1;
			return i;
		}
		add_indirect(x, sg->sent[si - 1].first,
		    sg->sent[si - 1].last, v, v + len,
		    tok_agr(x->w[v]), &m);
		i = stop > i ? stop - 1 : i;
		return i;
	}
	if (tok_is(x, i, "как") &&
	    tok_verb(x, i + 1, s1, &len, &cls) &&
	    !(cls & VC_PHRASE)) {
		/* "Как пояснил X, C" / "C, как сообщил X" */
		size_t	v = i + 1;

		if (!mention_after(x, v + len, s1, &m, &stop, 0) ||
		    mention_media(x, &m)) {
			i = v + len - 1;
			return i;
		}
		a = tok_agr(x->w[v]);
		/* At the start, or in the middle with the content after
		 * it ("..., но как отметил X, сроки сместятся"). */
		if (i == s0 || (i == s0 + 1 &&
		    sg->t[s0].type == SEG_WORD) ||
		    (tok_punct(x, stop, ',') && words_between(x, stop,
		    content_end(x, stop, s1, 0)) >= 3 &&
		    (tok_is(x, i - 1, "но") || tok_is(x, i - 1, "а") ||
		    tok_is(x, i - 1, "однако") || tok_is(x, i - 1, "и"))))
			add_indirect(x, stop, content_end(x, stop + 1, s1, 0),
			    i, v + len, a, &m);
		else
			add_indirect(x, s0, i, i, v + len, a,
			    &m);
		i = stop > i ? stop - 1 : i;
		return i;
	}
	if (!tok_verb(x, i, s1, &len, &cls))
		return i;
	if (i > s0 && tok_is(x, i - 1, "не") &&
	    !(cls & VC_NEG))
		return i;
	/* "сообщило со ссылкой на X": X speaks, found at the phrase. */
	if ((le = lexicon_match(x->lx, LEX_PHRASES, x->w + i + len,
	    s1 - i - len, &k)) != NULL && strcmp(le->tag, "ref") == 0)
		return i;
	a = tok_agr(x->w[i]);
	memset(&m, 0, sizeof(m));
	stop = i + len;
	if (i > s0 && (tok_punct(x, i - 1, ',') ||
	    tok_dash(x, i - 1)) && !tok_gerund(x->w[i]) &&
	    mention_after(x, i + len, s1, &m, &stop, 0) &&
	    (stop >= s1 || tok_sentend(x, stop) ||
	    tok_punct(x, stop, ','))) {
		/* Postposed: "C, заявил X." or mid-sentence
		 * "A, заметил X, B". */
		size_t	ce = i - 1;

		if (mention_media(x, &m))
			return i;
		if (tok_dash(x, ce) && ce > s0 &&
		    tok_punct(x, ce - 1, ','))
			ce--;
		if (stop < s1 && tok_punct(x, stop, ',') &&
		    stop + 1 < s1 && stop <= i + len + 4 &&
		    !tok_is(x, stop + 1, "что") &&
		    !tok_sentend(x, stop + 1) &&
		    strncmp(x->w[stop + 1], "котор", 10) != 0 &&
		    !tok_is(x, stop + 1, "где") &&
		    !tok_is(x, stop + 1, "когда") &&
		    !tok_verb(x, stop + 1, s1, NULL, NULL)) {
			add_indirect(x, s0, s1, i, i + len, a,
			    &m);
		} else if (tok_is(x, stop + 1, "что") ||
		    tok_is(x, stop + 1, "чтобы")) {
			add_indirect(x, stop + 2,
			    content_end(x, stop + 2, s1, 0), i,
			    i + len, a, &m);
		} else
			add_indirect(x, s0, ce, i, i + len, a,
			    &m);
		i = stop > i ? stop - 1 : i;
		return i;
	}
	memset(&m, 0, sizeof(m));
	if (!mention_before(x, s0, i, &m, a) &&
	    !mention_subject_left(x, s0, i, &m, a) &&
	    !(tok_gerund(x->w[i]) &&
	    mention_subject_left(x, s0, i, &m, AGR_NONE))) {
		size_t	st;

		/* A gerund shares the subject of its clause, never one
		 * after it: "..., обвиняя демократов в ...". */
		if (tok_gerund(x->w[i]) && i > s0)
			goto gerund;

		if (mention_after(x, i + len, s1, &m, &st, 0) &&
		    mention_media(x, &m))
			return i;	/* "отмечает издание «Лента.ру»" */
		if (m.type == MEN_NAME || m.type == MEN_PRON ||
		    m.type == MEN_INST || m.type == MEN_GROUP) {
			stop = st;
		} else {
gerund:
			memset(&m, 0, sizeof(m));
			m.type = MEN_NONE;
		}
	}
	if (m.type != MEN_NONE && mention_media(x, &m))
		return i;
	/* The complement. */
	j = stop;
	while (j < s1 && j < stop + 8 &&
	    !tok_is(x, j, "что") && !tok_is(x, j, "чтобы") &&
	    !tok_is(x, j, "будто") && !tok_sentend(x, j) &&
	    !tok_punct(x, j, ':') && !(cls & VC_PHRASE))
		j++;
	if ((cls & VC_CLAUSE) && j < s1 &&
	    (tok_is(x, j, "что") || tok_is(x, j, "чтобы") ||
	    tok_is(x, j, "будто"))) {
		add_indirect(x, j + 1, content_end(x, j + 1, s1, 0),
		    i, i + len, a, &m);
		i = j;
		return i;
	}
	if (stop < s1 && tok_punct(x, stop, ':'))
		return i;	/* a colon quote, found above */
	if (cls & VC_PHRASE) {
		j = stop;
		if (tok_punct(x, j, ','))
			j++;
		if (tok_is(x, j, "что") || tok_is(x, j, "о") ||
		    tok_is(x, j, "об"))
			j++;
		if (tok_is(x, j, "том") &&
		    tok_punct(x, j + 1, ',') &&
		    tok_is(x, j + 2, "что"))
			j += 3;
		/* "выразил надежду на то, что C": C. */
		if ((tok_is(x, j, "на") || tok_is(x, j, "в")) &&
		    (tok_is(x, j + 1, "то") || tok_is(x, j + 1, "том")) &&
		    tok_punct(x, j + 2, ',') && (tok_is(x, j + 3, "что") ||
		    tok_is(x, j + 3, "чтобы")))
			j += 4;
		add_indirect(x, j, content_end(x, j, s1, 1), i,
		    i + len, a, &m);
		i = stop - 1;
		return i;
	}
	if ((cls & VC_TOPIC) && (tok_is(x, stop, "о") ||
	    tok_is(x, stop, "об") || tok_is(x, stop, "обо"))) {
		j = stop + 1;
		/* "объявила о ее начале": only anaphoric. */
		if ((tok_is(x, j, "ее") || tok_is(x, j, "его") ||
		    tok_is(x, j, "их")) && j + 2 < s1 &&
		    !(x->sg->t[j + 2].type == SEG_WORD))
			return i;
		if (tok_is(x, j, "этом") || tok_is(x, j, "том"))
		{
			if (tok_punct(x, j + 1, ',') &&
			    tok_is(x, j + 2, "что"))
				j += 3;
			else
				return i;
		}
		add_indirect(x, j, content_end(x, j, s1, 1), i,
		    i + len, a, &m);
		i = j - 1;
		return i;
	}
	if ((cls & VC_CLAUSE) && !(cls & VC_OBJECT) &&
	    stop < s1 && x->sg->t[stop].type == SEG_WORD &&
	    !(x->sg->t[stop].flags & SEG_CAP) &&
	    !tok_prep(x, stop) && !tok_stop(x, stop) &&
	    (tok_adjective(x, stop) ||
	    tok_is(x, stop + 1, "и")) &&
	    (a == AGR_M || a == AGR_F || a == AGR_PL) &&
	    (m.type == MEN_NAME || m.type == MEN_PRON ||
	    m.type == MEN_ROLE)) {
		/* "отметил экономическую мощь Пекина". */
		add_indirect(x, stop, content_end(x, stop, s1, 1),
		    i, i + len, a, &m);
		i = stop - 1;
		return i;
	}
	if ((cls & VC_OBJECT) && stop < s1 &&
	    x->sg->t[stop].type == SEG_WORD &&
	    !tok_is(x, stop, "это") && !tok_is(x, stop, "этот") &&
	    !tok_is(x, stop, "эти") && !tok_is(x, stop, "эту")) {
		add_indirect(x, stop, content_end(x, stop, s1, 1),
		    i, i + len, a, &m);
		i = stop - 1;
		return i;
	}
	return i;
}

void
indirect_pass(struct ex *x)
{
	struct segmentation	*sg = x->sg;
	size_t			 si, i;

	for (si = 0; si < sg->nsent; si++)
		for (i = sg->sent[si].first; i < sg->sent[si].last; i++)
			i = indirect_at(x, si, i);
}
