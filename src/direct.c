/*
 * direct.c: direct speech.  Quotation marks with their attribution
 * after them or a colon before, quotes split by their attribution, dash
 * dialogue, paragraphs introduced by a colon, quote paragraphs followed
 * by a "— Name, role" line.  No I/O.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "extract.h"
#include "lexicon.h"
#include "quotemark.h"
#include "segment.h"
#include "util.h"

static size_t	 quote_close(const struct ex *, size_t, size_t);
static int	 chain_links(const struct ex *, size_t, size_t);
static int	 content_before(const struct ex *, const struct cand *);
static int	 governs_clause(const struct ex *, size_t, size_t);
static int	 intro_clause(const struct ex *, size_t, size_t);
static int	 dash_question(const struct ex *, size_t, size_t);
static int	 doc_intro(struct ex *, size_t, size_t, struct cand *);
static int	 reports_itself(const struct ex *, size_t, size_t);
static int	 speech_noun(struct ex *, size_t, size_t, struct cand *);
static int	 attribution(struct ex *, size_t, size_t, struct cand *,
		    size_t *);
static int	 find_split(struct ex *, size_t, size_t, size_t *, size_t *,
		    struct cand *);
static void	 add_direct(struct ex *, size_t, size_t, const struct cand *);
static int	 intro_name(const struct ex *, const struct mention *);
static int	 voiced_intro(struct ex *, size_t, size_t, struct cand *);
static int	 intro_subject(struct ex *, size_t, size_t, struct cand *, int);
static int	 names_person(const struct ex *, const struct mention *, size_t,
		    size_t);
static int	 attr_line(struct ex *, size_t, struct cand *);
static int	 run_attribution(struct ex *, size_t, struct cand *);
static size_t	 transcript_line(struct ex *, size_t, size_t, struct cand *);
static size_t	 colon_text(struct ex *, size_t, size_t, struct cand *);
static int	 first_person(const struct ex *, size_t);
static int	 words_intro(struct ex *, size_t, size_t, struct cand *);
static int	 first_person_run(const struct ex *, size_t, size_t);
static int	 narrated(const struct ex *, size_t, size_t);
static size_t	 speech_end(const struct ex *, size_t, size_t);
static int	 dash_run(const struct ex *, size_t, size_t);
static int	 ends_utterance(const struct ex *, size_t);
static int	 manner_verb(const struct ex *, size_t);
static int	 mention_role_known(const struct ex *,
		    const struct mention *);
static int	 in_run(const struct ex *, size_t, size_t);
static int	 run_in_paragraph(struct ex *, size_t, size_t, struct cand *);

/*
 * "В заявлении X говорится:" (or "сказано", "отмечается") in [s, e):
 * the statement of X introduces the next paragraph.  Fills c.
 */
static int
doc_intro(struct ex *x, size_t s, size_t e, struct cand *c)
{
	static const char *const doc[] = {
		"заявлени", "сообщени", "пресс-релиз", "обращени", "письм",
		"коммюнике", "публикаци", "посте", "релизе", NULL
	};
	size_t	i, k, v;

	if (e < s + 3 || !(tok_is(x, e - 1, "говорится") ||
	    tok_is(x, e - 1, "сказано") || tok_is(x, e - 1, "отмечается")))
		return 0;
	v = e - 1;
	for (i = s; i + 1 < v; i++) {
		if (!tok_is(x, i, "в") && !tok_is(x, i, "во"))
			continue;
		for (k = 0; doc[k] != NULL; k++)
			if (strncmp(x->w[i + 1], doc[k], strlen(doc[k])) == 0)
				break;
		if (doc[k] == NULL)
			continue;
		memset(c, 0, sizeof(*c));
		c->cs = v;
		c->ce = v + 1;
		if (!mention_np(x, i + 2, v, &c->m, MNP_LEFT | MNP_OBL))
			c->m.type = MEN_NONE;
		c->m.cas = SPEAKERS_GEN;
		return 1;
	}
	return 0;
}

/*
 * Is paragraph [s, e) a report of its own, in the newsroom's voice: a
 * speech verb in the past with no first person anywhere ("Гибель X
 * также подтвердили украинские источники")?  Then it is not the words
 * of the intro before it, whose quote the crawl lost.
 */
static int
reports_itself(const struct ex *x, size_t s, size_t e)
{
	const struct lex_entry	*le;
	size_t			 i, k;
	int			 verb = 0;

	if (tok_open_quote(x, s) || tok_dash(x, s))
		return 0;
	/* The newsroom's voice: "Как сообщается, ...", "Напомним, ...",
	 * "По данным ...". */
	if ((tok_is(x, s, "как") && (le = lexicon_match(x->lx, LEX_PHRASES,
	    x->w + s + 1, e - s - 1, &k)) != NULL &&
	    strcmp(le->tag, "docin") == 0) || tok_is(x, s, "напомним") ||
	    tok_is(x, s, "отметим") || ((le = lexicon_match(x->lx,
	    LEX_PHRASES, x->w + s, e - s, &k)) != NULL &&
	    strcmp(le->tag, "not") == 0))
		return 1;
	for (i = s; i < e; i++) {
		if (x->sg->t[i].type != SEG_WORD)
			continue;
		/* "Подтверждением этих слов стала ...": about the words,
		 * not the words. */
		if ((tok_is(x, i, "этих") && tok_is(x, i + 1, "слов")) ||
		    (tok_is(x, i, "этим") && tok_is(x, i + 1, "словам")))
			return 1;
		if (first_person(x, i))
			return 0;
		if (tok_verb(x, i, e, NULL, NULL) && tok_finite_past(x, i))
			verb = 1;
	}
	return verb;
}

/* Is token i a pronoun of the first or second person (мы, нас, ваш)? */
static int
first_person(const struct ex *x, size_t i)
{
	static const char *const first[] = {
		"я", "мы", "меня", "мне", "мной", "нас", "нам", "нами", "мой",
		"моя", "мое", "мои", "наш", "наша", "наше", "наши", "нашей",
		"нашего", "нашим", "наших", "моей", "моего", "вы", "вас",
		"вам", "вами", "ваш", "ваша", "ваше", "ваши", NULL
	};

	if (x->sg->t[i].type != SEG_WORD)
		return 0;
	return str_in(x->w[i], first);
}

/*
 * "Тогда X оправдался такими словами:", "X опубликовал следующий
 * текст:": a clause [s, e) before a colon that announces words, with a
 * verb no list holds.  Sets the cue (the verb) and the source (its
 * subject) in c.
 */
static int
words_intro(struct ex *x, size_t s, size_t e, struct cand *c)
{
	static const char *const det[] = { "такими", "таким", "следующими",
	    "этими", "такие", "следующие", "следующий", "следующее",
	    "следующую", NULL };
	static const char *const noun[] = { "словами", "слова", "текст",
	    "заявление", "сообщение", "обращение", "запись", "пост", NULL };
	size_t	v, k;

	if (e < s + 3)
		return 0;
	if (tok_is(x, e - 1, "следующее") || tok_is(x, e - 1, "так"))
		k = e - 1;
	else if (str_in(x->w[e - 1], noun) && str_in(x->w[e - 2], det))
		k = e - 2;
	else if (tok_is(x, e - 1, "словами") && (manner_verb(x, e - 2) ||
	    tok_ends(x->w[e - 2], "ется") || tok_ends(x->w[e - 2], "ится")))
		k = e - 1;	/* "Бекенбауэр отшучивается словами:" */
	else
		return 0;
	for (v = tok_is(x, k, "словами") ? k - 1 : s; v < k; v++)
		if ((tok_finite_past(x, v) && tok_agr(x->w[v]) != AGR_NONE) ||
		    tok_is(x, k, "словами"))
			break;
	return v < k && intro_subject(x, s, v, c, 1);
}

/*
 * The verb at v, found by an intro rule, and its subject before it in
 * [s, v) into c: a person, a pronoun, a role, a group or, with bodies
 * set, an institution.
 */
static int
intro_subject(struct ex *x, size_t s, size_t v, struct cand *c, int bodies)
{
	memset(c, 0, sizeof(*c));
	c->cs = v;
	c->ce = v + 1;
	c->agr = tok_agr(x->w[v]);
	if (!mention_before(x, s, v, &c->m, c->agr))
		return 0;
	return c->m.type == MEN_NAME || c->m.type == MEN_PRON ||
	    c->m.type == MEN_ROLE || c->m.type == MEN_GROUP ||
	    (bodies && c->m.type == MEN_INST);
}

/*
 * The sentence [s, e) before a colon that ends a paragraph, when the
 * paragraph after it speaks in the first person (first_person_run()):
 * a name alone ("Аннабель Джонс:", "Джоэл Коллинс (художник):"), or
 * the subject of its first verb in the past or the present, whatever
 * the verb ("Тайсон Фьюри признался в употреблении кокаина:").  Fills
 * c as the colon rules do.
 */
static int
voiced_intro(struct ex *x, size_t s, size_t e, struct cand *c)
{
	size_t	v, k = e;

	memset(c, 0, sizeof(*c));
	if (k > s + 2 && tok_punct(x, k - 1, ')')) {
		while (k > s && !tok_punct(x, k - 1, '('))
			k--;
		if (k > s)
			k--;
	}
	if (k >= s + 2 && k <= s + 4 && tok_name(x, s) &&
	    mention_np(x, s, k, &c->m, 0) && c->m.type == MEN_NAME &&
	    c->m.ns == s && c->m.ne == k && c->m.cas == SPEAKERS_NOM) {
		c->colon_cue = 1;
		c->cue_tok = e;
		return 1;
	}
	for (v = s; v < e; v++)
		if (manner_verb(x, v) || (tok_agr(x->w[v]) == AGR_PL &&
		    tok_finite_past(x, v)))
			break;
	/* "фонд инвестировал ...:" then someone's words: a body is
	 * no one who says "я". */
	if (v < e && intro_subject(x, s, v, c, 0))
		return 1;
	/* "Сделка нашла одобрение президента Владимира Путина:": the
	 * person named last, in any case, says the words. */
	for (k = e; k > s && e - k < 3 && tok_name(x, k - 1); k--)
		;
	memset(c, 0, sizeof(*c));
	if (k < e && e - k >= 2 && (tok_has(x, k, TF_FIRST) ||
	    tok_oblique_first(x, k) != SPEAKERS_NOM) &&
	    mention_np(x, v < k ? v + 1 : k, e, &c->m, MNP_OBL) &&
	    c->m.type == MEN_NAME && c->m.ns == k && c->m.ne == e) {
		c->m.cas = tok_oblique_first(x, k);
		c->colon_cue = 1;
		c->cue_tok = e;
		return 1;
	}
	return 0;
}

/*
 * Does paragraph [s, e) name the person of mention m (a word of the
 * name, not after "я": "наш брат Кит")?  Then it talks about the
 * person, in someone else's voice.
 */
static int
names_person(const struct ex *x, const struct mention *m, size_t s,
    size_t e)
{
	size_t	i, k;

	if (m->type != MEN_NAME)
		return 0;
	for (i = s; i < e; i++) {
		if (x->sg->t[i].type != SEG_WORD || !(x->sg->t[i].flags &
		    SEG_CAP))
			continue;
		for (k = m->ns; k < m->ne; k++)
			if (strcmp(x->w[i], x->w[k]) == 0 &&
			    !(i > s && tok_is(x, i - 1, "я")) &&
			    !(i > s + 1 && tok_is(x, i - 2, "я")))
				return 1;
	}
	return 0;
}

/*
 * Does paragraph [s, e) go on in the voice of a quote paragraph before
 * it: words in the first person, no quotation, no dash line, no colon
 * of its own at the end?
 */
static int
first_person_run(const struct ex *x, size_t s, size_t e)
{
	size_t	i;
	int	me = 0;

	if (e <= s + 2 || tok_dash(x, s) || tok_punct(x, e - 1, ':'))
		return 0;
	for (i = s; i < e; i++) {
		if (x->sg->t[i].type == SEG_PUNCT &&
		    quotemark_opens(x->sg->t[i].uc))
			return 0;
		me |= first_person(x, i);
	}
	return me;
}

/*
 * Is sentence [s, e) told in the newsroom's voice: a verb in the past
 * ("стало известно", "Команда была основана") and no first or second
 * person?  Speech goes on in the present and future, or says "мы".
 */
static int
narrated(const struct ex *x, size_t s, size_t e)
{
	static const char *const neut[] = { "ало", "ило", "ело", "яло",
	    "шел", "шла", "шло", "шли", NULL };	/* and пришла, ушли */
	size_t	i, k;
	int	past = 0;

	for (i = s; i < e; i++) {
		if (first_person(x, i))
			return 0;
		if (x->sg->t[i].type != SEG_WORD || past)
			continue;
		if (tok_finite_past(x, i) || tok_is(x, i, "был") ||
		    tok_is(x, i, "была") || tok_is(x, i, "было") ||
		    tok_is(x, i, "были"))
			past = 1;
		else if (!(x->sg->t[i].flags & SEG_CAP))
			for (k = 0; neut[k] != NULL; k++)
				if (strlen(x->w[i]) >= strlen(neut[k]) + 4 &&
				    tok_ends(x->w[i], neut[k]))
					past = 1;
	}
	return past;
}

/*
 * May tokens [s, e), after a dash that opens a sentence inside a
 * paragraph, be one line of dialogue the crawl ran into the paragraph:
 * at most five sentences, none after the first opening with a dash or
 * a quotation mark?
 */
static int
dash_run(const struct ex *x, size_t s, size_t e)
{
	const struct segmentation	*sg = x->sg;
	unsigned int			 k;

	if (sg->t[e - 1].sent > sg->t[s].sent + 4)
		return 0;
	for (k = sg->t[s].sent + 1; k <= sg->t[e - 1].sent; k++)
		if (tok_dash(x, sg->sent[k].first) ||
		    tok_open_quote(x, sg->sent[k].first))
			return 0;
	return 1;
}

/*
 * Where does a quote that starts at token s, with no mark to close it,
 * end before pe?  At the end of its first sentence, or of a later one
 * when the sentences between go on in the speaker's voice: none opens
 * with a dash or a quotation mark (another speaker, another quote) and
 * none is narrated.  A paragraph ends a quote, but crawls run
 * paragraphs together, and then the report after the quote follows it
 * in the same paragraph.
 */
static size_t
speech_end(const struct ex *x, size_t s, size_t pe)
{
	const struct segmentation	*sg = x->sg;
	size_t				 e, k;

	if (s >= pe)
		return pe;
	e = sg->sent[sg->t[s].sent].last;
	while (e < pe) {
		k = sg->t[e].sent;
		if (tok_dash(x, e) || tok_open_quote(x, e) ||
		    narrated(x, sg->sent[k].first, sg->sent[k].last))
			break;
		e = sg->sent[k].last;
	}
	return e < pe ? e : pe;
}

/* Is paragraph [s, e), which opens with a dash, a question and nothing
 * more (an interviewer's line)? */
static int
dash_question(const struct ex *x, size_t s, size_t e)
{
	size_t	i;

	if (e < s + 3 || !tok_punct(x, e - 1, '?'))
		return 0;
	for (i = s + 1; i + 1 < e; i++)
		if (tok_dash(x, i) && tok_punct(x, i - 1, ','))
			return 0;	/* "— Когда? — спросил он" */
	return 1;
}

/*
 * Is [s, e) a clause that introduces what follows: a speech verb or a
 * phrase like "в заявлении говорится" near its end?
 */
static int
intro_clause(const struct ex *x, size_t s, size_t e)
{
	const struct lex_entry	*le;
	size_t			 i, k;

	for (i = e; i > s && e - i < 12; i--)
		if (tok_verb(x, i - 1, e, NULL, NULL) ||
		    tok_is(x, i - 1, "говорится") ||
		    tok_is(x, i - 1, "сказано") ||
		    ((le = lexicon_match(x->lx, LEX_PHRASES, x->w + i - 1,
		    e - i + 1, &k)) != NULL && strcmp(le->tag, "lead") != 0))
			return 1;
	return 0;
}

/*
 * Do the tokens between a quotation closing at token a and one opening at
 * token b only join them ("«A» и «B»", "«A», «B»", "«A» «B»")?
 */
static int
chain_links(const struct ex *x, size_t a, size_t b)
{
	size_t	i;

	if (b <= a)
		return 0;
	for (i = a + 1; i < b; i++)
		if (!tok_punct(x, i, ',') && !tok_is(x, i, "и") &&
		    !tok_is(x, i, "а") && !tok_is(x, i, "также"))
			return 0;
	return 1;
}

/*
 * A speech noun before a colon, and whose words it names: "комментарии
 * пользователей интернета:", "слова министра:".  Fills c's cue (the
 * colon) and mention.
 */
static int
speech_noun(struct ex *x, size_t s, size_t e, struct cand *c)
{
	static const char *const noun[] = {
		"комментари", "слова", "реплик", "высказывани", "заявлени",
		"отзыв", "призыв", "лозунг", "ответ", "признани", "цитат",
		"мнени", "обращени", "напутстви", "пожелани", NULL
	};
	size_t	i, k;

	for (i = s; i < e; i++)
		for (k = 0; noun[k] != NULL; k++)
			if (strncmp(x->w[i], noun[k], strlen(noun[k])) == 0 &&
			    i + 1 < e &&
			    mention_np(x, i + 1, e, &c->m, MNP_LEFT | MNP_OBL) &&
			    c->m.type != MEN_PRON) {
				c->m.cas = SPEAKERS_GEN;
				c->colon_cue = 1;
				c->cue_tok = e;
				return 1;
			}
	return 0;
}

/*
 * The closing mark of the quotation that opens at token o, or pe when it
 * does not close in its paragraph.  «» nest with „“ or “” inside (a “
 * glued to the word after it opens).  The mark that opened o again
 * after a sentence's end opens the next paragraph of the quotation,
 * which the crawl ran into this one ("«Q1. «Q2», — сказал X"): then the
 * answer is the token that ends the sentence before it, not a mark
 * (in_run() tells).  Straight
 * marks nest too, an inner one opening after a space before a word
 * ("Столько врать миру про "руку Кремля", ... люди", - написала) and
 * closing glued to the word before it.
 */
static size_t
quote_close(const struct ex *x, size_t o, size_t pe)
{
	size_t	cl, depth = 0, inner = 0;

	if (tok_punct(x, o, '"')) {
		for (cl = o + 1; cl < pe; cl++) {
			if (!tok_punct(x, cl, '"'))
				continue;
			if (tok_open_quote(x, cl) && cl + 1 < pe) {
				inner++;
				continue;
			}
			if (inner == 0)
				return cl;
			inner--;
		}
		/* Unbalanced: the first mark after o, as before. */
		for (cl = o + 1; cl < pe && !tok_punct(x, cl, '"'); cl++)
			;
		return cl;
	}
	for (cl = o + 1; cl < pe; cl++) {
		const struct token	*t = &x->sg->t[cl];
		uint32_t		 m = t->type == SEG_PUNCT ? t->uc : 0;

		if (depth == 0 && m == x->sg->t[o].uc && cl > o + 2 &&
		    (x->sg->t[cl].flags & SEG_SPACE) && ends_utterance(x,
		    cl - 1))
			return cl - 1;	/* «Q1. «Q2»: a paragraph run in */
		if ((quotemark_opens(m) && !quotemark_closes(m)) ||
		    (m == 0x201c && tok_open_quote(x, cl)))	/* « „ “Так” */
			depth++;
		else if (quotemark_closes(m) && m != '"') {	/* » “ ” */
			if (depth == 0)
				return cl;
			depth--;
		}
	}
	return cl;
}

/* Does role mention m hold a noun of roles.txt (not "надпись")? */
static int
mention_role_known(const struct ex *x, const struct mention *m)
{
	size_t	k;

	for (k = m->ns; k < m->ne; k++)
		if (tok_has(x, k, TF_ROLE))
			return 1;
	return 0;
}

/* Is token i a finite verb no list knows, in lower case, in the past
 * singular or the present's third person singular (отрезал, вздохнула,
 * заключает)? */
static int
manner_verb(const struct ex *x, size_t i)
{
	const char	*f = x->w[i];
	enum agr	 a = tok_agr(f);

	if (x->sg->t[i].type != SEG_WORD || !tok_common(x, i) ||
	    (x->sg->t[i].flags & SEG_CAP) || strlen(f) < 10 ||
	    tok_stop(x, i) || tok_adjective(x, i) || tok_has(x, i, TF_ROLE))
		return 0;
	if (a == AGR_M || a == AGR_F)
		return tok_finite_past(x, i) || tok_ends(f, "лся") ||
		    tok_ends(f, "лась");
	return a == AGR_SG && (tok_ends(f, "ает") || tok_ends(f, "яет") ||
	    tok_ends(f, "ует") || tok_ends(f, "ит"));
}

/* Is token i a point, !, ? or … that may end what someone said? */
static int
ends_utterance(const struct ex *x, size_t i)
{
	return tok_punct(x, i, '.') || tok_punct(x, i, '!') ||
	    tok_punct(x, i, '?') || tok_punct(x, i, 0x2026);
}

/* Did quote_close() end a quotation at cl < pe before the next part of
 * it, rather than at a closing mark? */
static int
in_run(const struct ex *x, size_t cl, size_t pe)
{
	return cl < pe && !tok_close_quote(x, cl) && ends_utterance(x, cl);
}

/*
 * The quotation opening at token q is a later part of a run ("«Q1.
 * «Q2. «Q3», — сказал X"): fills c with the attribution after the part
 * that closes the run, if there is one, as run_attribution() does for
 * paragraphs.
 */
static int
run_in_paragraph(struct ex *x, size_t q, size_t pe, struct cand *c)
{
	size_t	cl, end, k;

	for (k = 0; k < 5 && q < pe; k++) {
		cl = quote_close(x, q, pe);
		if (in_run(x, cl, pe)) {
			q = cl + 1;
			continue;
		}
		memset(c, 0, sizeof(*c));
		return cl + 1 < pe && (tok_punct(x, cl + 1, ',') ||
		    tok_dash(x, cl + 1)) && attribution(x, cl + 1, pe, c,
		    &end);
	}
	return 0;
}

/*
 * Does the paragraph in tokens [ps, pe) open with a speaker and a colon,
 * as in a transcript ("Имя Фамилия: text", "Министр Имя Фамилия:
 * text"), with no verb before the colon and no quotation mark after it
 * (those the colon rules take)?  Returns the colon's token and fills c;
 * else 0.
 */
static size_t
transcript_line(struct ex *x, size_t ps, size_t pe, struct cand *c)
{
	size_t	k, words = 0, i;

	for (k = ps + 1; k < pe && k < ps + 12; k++)
		if (tok_punct(x, k, ':') || tok_sentbreak(x, k) ||
		    tok_verb(x, k, pe, NULL, NULL))
			break;
	if (k >= pe || k >= ps + 12 || !tok_punct(x, k, ':') ||
	    tok_verb(x, ps, pe, NULL, NULL) || k + 1 >= pe ||
	    x->sg->t[k + 1].type != SEG_WORD)
		return 0;
	/* Only words and commas before the colon, opening with a first
	 * name or a role ("Генеральный директор"): no footer
	 * ("Свидетельство о регистрации Эл № ... Учредитель:"). */
	for (i = ps; i < k; i++)
		if (x->sg->t[i].type != SEG_WORD && !tok_punct(x, i, ','))
			return 0;
	if (!tok_has(x, ps, TF_FIRST) && !tok_has(x, ps, TF_ROLE) &&
	    !(tok_adjective(x, ps) && tok_has(x, ps + 1, TF_ROLE)))
		return 0;
	for (i = k + 1; i < pe; i++)
		if (x->sg->t[i].type == SEG_WORD)
			words++;
	if (words < 3)
		return 0;
	memset(c, 0, sizeof(*c));
	if (!mention_np(x, ps, k, &c->m, 0) || !intro_name(x, &c->m))
		return 0;
	c->colon_cue = 1;
	c->cue_tok = k;
	return k;
}

/*
 * Is there in tokens [ps, pe) a speech verb with its speaker, then a
 * colon and a sentence opening in a capital, in no marks ("Мамин
 * отметил: Мы выполнили всё. Реформа завершится.")?  That is a quote to
 * the paragraph's end, as a paragraph after "V:" is.  Returns the
 * colon's token and fills c; else 0.
 */
static size_t
colon_text(struct ex *x, size_t ps, size_t pe, struct cand *c)
{
	size_t		 k, j, v, i, len, end, words;
	unsigned	 cls;

	for (k = ps + 2; k + 1 < pe; k++) {
		if (!tok_punct(x, k, ':') || x->mask[k] ||
		    x->sg->t[k + 1].type != SEG_WORD ||
		    !(x->sg->t[k + 1].flags & SEG_CAP) ||
		    (x->sg->t[k + 1].flags & SEG_ALLCAPS))
			continue;
		for (words = 0, i = k + 1; i < pe; i++)
			if (x->sg->t[i].type == SEG_WORD)
				words++;
		if (words < 3)
			return 0;
		for (j = k; j > ps && !tok_sentend(x, j - 1); j--)
			;
		for (v = j; v < k; v++)
			if (tok_verb(x, v, k, &len, &cls))
				break;
		/* The verb just before the colon ("написала в соцсети:"),
		 * no quotation between ("заявил: «Так: A, B»"), and no
		 * list of names after it. */
		if (v >= k || x->mask[v] || !(cls & (VC_CLAUSE | VC_ATTR)) ||
		    k > v + len + 4 || tok_has(x, k + 1, TF_FIRST))
			continue;
		for (i = v; i < k; i++)
			if (x->sg->t[i].type == SEG_PUNCT &&
			    quotemark_is(x->sg->t[i].uc))
				break;
		if (i < k)
			continue;
		memset(c, 0, sizeof(*c));
		c->cs = v;
		c->ce = v + len;
		c->agr = tok_agr(x->w[v]);
		if (!mention_before(x, j, v, &c->m, c->agr) &&
		    !mention_subject_left(x, j, v, &c->m, c->agr) &&
		    !mention_after(x, v + len, k, &c->m, &end, 0))
			continue;
		if (c->m.type == MEN_NONE || mention_media(x, &c->m))
			continue;
		return k;
	}
	return 0;
}

/*
 * Paragraph p opens a quote and leaves it open.  When the paragraphs
 * after it each open a quotation mark too, and the first of them that
 * closes its quote has an attribution after it ("«Q1.", "«Q2», —
 * сказал X."), fills c with that attribution: a quote over several
 * paragraphs, the Russian way.  Returns 0 otherwise.
 */
static int
run_attribution(struct ex *x, size_t p, struct cand *c)
{
	struct segmentation	*sg = x->sg;
	size_t			 q, qs, qe, cl, end;

	for (q = p + 1; q < sg->npara && q <= p + 5; q++) {
		qs = sg->para[q].first;
		qe = sg->para[q].last;
		if (qs >= qe || sg->t[qs].type != SEG_PUNCT ||
		    !quotemark_opens(sg->t[qs].uc))
			return 0;
		cl = quote_close(x, qs, qe);
		if (cl >= qe)
			continue;	/* open still: the run goes on */
		memset(c, 0, sizeof(*c));
		return cl + 1 < qe && (tok_punct(x, cl + 1, ',') ||
		    tok_dash(x, cl + 1)) && attribution(x, cl + 1, qe, c,
		    &end);
	}
	return 0;
}

/*
 * Parses an attribution clause in tokens [s, e): "— подчеркнул Ермаганбет
 * Булекпаев", "— Калинкин заявил", "— цитирует ИА Regnum Минченко",
 * "— говорится в сообщении МВД".  Fills the cue and mention of c;
 * *end gets the first token after the clause.  Returns 0 when it holds
 * no speech verb near its start.
 */
static int
attribution(struct ex *x, size_t s, size_t e, struct cand *c, size_t *end)
{
	size_t			 i, len = 0, stop;
	unsigned		 cls = 0;
	const struct lex_entry	*le;
	size_t			 k;
	int			 split;

	while (s < e && (tok_dash(x, s) || tok_punct(x, s, ',')))
		s++;
	/* "— не без иронии заметил X", "— с улыбкой сказал X": how it
	 * was said, before the verb. */
	if (s + 3 < e && tok_is(x, s, "не") && tok_is(x, s + 1, "без") &&
	    tok_verb(x, s + 3, e, NULL, NULL))
		s += 3;
	else if (s + 2 < e && (tok_is(x, s, "с") || tok_is(x, s, "со") ||
	    tok_is(x, s, "без")) && tok_verb(x, s + 2, e, NULL, NULL))
		s += 2;
	/* "«Q», — и добавил, что ...": the speaker of the sentence. */
	if (s + 1 < e && tok_is(x, s, "и") && tok_verb(x, s + 1, e, NULL,
	    NULL))
		s++;
	/* The clause ends at the end of the sentence. */
	for (*end = s; *end < e && (!tok_sentbreak(x, *end) ||
	    tok_initial_dot(x, *end)) &&
	    !tok_punct(x, *end, ':') && !tok_punct(x, *end, ';'); (*end)++)
		if (*end > s && tok_dash(x, *end) &&
		    tok_punct(x, *end - 1, ','))
			break;
	e = *end;
	/* "— так говорится в заявлении", "— это было отмечено в ...". */
	if ((tok_is(x, s, "так") || tok_is(x, s, "это")) && s + 1 < e &&
	    (le = lexicon_match(x->lx, LEX_PHRASES, x->w + s + 1,
	    e - s - 1, &k)) != NULL && strcmp(le->tag, "doc") == 0)
		s++;
	/* "— с этими словами Квачков отправился": the source follows. */
	if ((le = lexicon_match(x->lx, LEX_PHRASES, x->w + s, e - s,
	    &k)) != NULL && strcmp(le->tag, "attr") == 0) {
		c->cs = s;
		c->ce = s + k;
		c->agr = AGR_NONE;
		if (!mention_np(x, s + k, e, &c->m, MNP_LEFT))
			return 0;
		for (i = s + k; i < e; i++)
			if (tok_agr(x->w[i]) != AGR_NONE &&
			    tok_finite_past(x, i)) {
				c->agr = tok_agr(x->w[i]);
				break;
			}
		return 1;
	}
	if ((le = lexicon_match(x->lx, LEX_PHRASES, x->w + s, e - s,
	    &k)) != NULL && strcmp(le->tag, "doc") == 0) {
		size_t	oe;

		c->cs = s;
		c->ce = s + k;
		c->agr = AGR_NONE;
		/* "в заявлении группы, опубликованном ...": the owner
		 * ends at a comma; with none before it, "в письме,
		 * которое ученые направили" names it after. */
		for (oe = s + k; oe < e && !tok_punct(x, oe, ','); oe++)
			;
		if (!mention_np(x, s + k, oe, &c->m, MNP_LEFT | MNP_OBL) &&
		    !mention_np(x, s + k, e, &c->m, MNP_LEFT | MNP_OBL))
			c->m.type = MEN_NONE;	/* "— говорится в интервью" */
		c->m.cas = SPEAKERS_GEN;
		return 1;
	}
	for (i = s; i < e && i < s + 5; i++)
		if (tok_verb(x, i, e, &len, &cls))
			break;
	/* "«Q», — отрезал X", "— заключает X": right after the dash, a
	 * verb the lists do not know, in the past or the third person,
	 * with its subject after it, says how Q was said. */
	if ((i >= e || i >= s + 5) && s + 1 < e && manner_verb(x, s)) {
		struct mention	 mm;

		if (!mention_after(x, s + 1, e, &mm, &stop,
		    mention_agr(tok_agr(x->w[s]))) ||
		    !(mm.type == MEN_NAME || mm.type == MEN_PRON ||
		    (mm.type == MEN_ROLE && mention_role_known(x, &mm))) ||
		    mention_media(x, &mm))
			return 0;
		i = s;
		len = 1;
		cls = VC_CLAUSE;
	} else if ((i >= e || i >= s + 5) && e > s + 1 && e < s + 5 &&
	    manner_verb(x, e - 1)) {
		/* "— аким отрезал.": the person, then the verb, last. */
		struct mention	 mm;

		if (!mention_np(x, s, e - 1, &mm, 0) || mm.ns != s ||
		    mm.ne != e - 1 || !(mm.type == MEN_NAME ||
		    mm.type == MEN_PRON || (mm.type == MEN_ROLE &&
		    mention_role_known(x, &mm))) || mention_media(x, &mm))
			return 0;
		i = e - 1;
		len = 1;
		cls = VC_CLAUSE;
	}
	if (i >= e || i >= s + 5)
		return 0;
	if (i > s && tok_is(x, i - 1, "не") && !(cls & VC_NEG))
		return 0;
	c->cs = i;
	c->ce = i + len;
	c->agr = tok_agr(x->w[i]);
	if (cls & VC_RELAY) {
		/* The speaker is the object: skip the medium. */
		size_t	j;

		for (j = i + len; j < e; j++) {
			size_t	n;

			if (tok_name(x, j + 1) && j + 1 < e)
				continue;	/* the run goes on */
			mention_name_run(x, i + len, j, &n);
			/* "цитирует ИА Regnum Минченко", "цитирует ТАСС
			 * Евгения Минченко": the person follows the
			 * medium's own name (in capitals or Latin), in
			 * one run of capitals with it or right after it;
			 * after a noun ("газета X") X is the medium, and
			 * so is a name in marks ("«РИА Новости» его"). */
			split = 0;
			for (k = j; n > 1 && k > j + 1 - n; k--)
				if (tok_media(x, k - 1, k)) {
					n = j + 1 - k;
					split = 1;
					break;
				}
			if (n > 0 && !split && j - n > i &&
			    tok_media(x, j - n, j + 1 - n) &&
			    (x->sg->t[j - n].flags & (SEG_ALLCAPS |
			    SEG_LATIN)) && !tok_close_quote(x, j + 1))
				split = !tok_media(x, j + 1 - n, j + 1);
			if (n > 0 && (split || !tok_media(x,
			    j - n > i ? j - n : j + 1 - n, j + 1))) {
				memset(&c->m, 0, sizeof(c->m));
				c->m.type = MEN_NAME;
				c->m.s = j + 1 - n;
				c->m.e = j + 1;
				c->m.ns = j + 1 - n;
				c->m.ne = j + 1;
				c->m.cas = SPEAKERS_ACC;
				c->agr = AGR_NONE;
				return 1;
			}
		}
		for (j = i + len; j < e; j++)
			if (tok_is(x, j, "его") || tok_is(x, j, "ее") ||
			    tok_is(x, j, "их")) {
				memset(&c->m, 0, sizeof(c->m));
				c->m.type = MEN_PRON;
				c->m.s = c->m.ns = j;
				c->m.e = c->m.ne = j + 1;
				c->agr = tok_is(x, j, "ее") ? AGR_F :
				    tok_is(x, j, "их") ? AGR_PL : AGR_M;
				return 1;
			}
		return 0;
	}
	/* "— коротко ответил Досаев", "— также отметил он": an adverb
	 * before the verb, the speaker after it. */
	while (s < i && x->sg->t[s].type == SEG_WORD && (tok_adverb(x, s) ||
	    tok_is(x, s, "также") || tok_is(x, s, "тоже") ||
	    tok_is(x, s, "затем") || tok_is(x, s, "потом") ||
	    tok_is(x, s, "позже") || tok_is(x, s, "позднее")))
		s++;
	/* "— с поклоном сказал швейцар": a phrase of manner before the
	 * verb, the speaker after it. */
	if (i > s && tok_prep(x, s) && !mention_np(x, s, i, &c->m, 0))
		s = i;
	if (i > s) {
		/* "— Калинкин заявил". */
		if (!mention_np(x, s, i, &c->m, 0))
			return 0;
	} else if (!mention_after(x, mention_skip_addressee(x, i + len, e), e,
	    &c->m, &stop, MNP_COMMA | mention_agr(c->agr) |
	    (c->agr == AGR_PL ? MNP_LOC : 0))) {
		memset(&c->m, 0, sizeof(c->m));
		c->m.type = MEN_NONE;
	}
	if (c->m.type != MEN_NONE && mention_media(x, &c->m) &&
	    (cls & VC_MEDIA))
		return 0;
	return 1;
}

/*
 * Looks in tokens [s, e) of a quotation for an attribution that splits
 * it: "Q1, — подчеркнул X. — Q2".  Returns 1 with *q1e (end of the first
 * part) and *q2s (start of the second, e when none) set and the cue and
 * mention in c.
 */
static int
find_split(struct ex *x, size_t s, size_t e, size_t *q1e, size_t *q2s,
    struct cand *c)
{
	size_t	i, end;

	for (i = s + 1; i + 1 < e; i++) {
		if (!tok_dash(x, i))
			continue;
		if (!(tok_punct(x, i - 1, ',') || tok_punct(x, i - 1, '!') ||
		    tok_punct(x, i - 1, '?') || tok_punct(x, i - 1, 0x2026) ||
		    tok_punct(x, i - 1, '.')))
			continue;
		if (!attribution(x, i + 1, e, c, &end))
			continue;
		*q1e = tok_punct(x, i - 1, ',') ? i - 1 : i;
		/* Past the attribution: ". — Q2" or the end. */
		while (end < e && (tok_sentpoint(x, end) ||
		    tok_punct(x, end, ':') || tok_punct(x, end, ',')))
			end++;
		if (end < e && tok_dash(x, end))
			end++;
		*q2s = end;
		return 1;
	}
	return 0;
}

/* Records a direct quote with content tokens [s, e). */
static void
add_direct(struct ex *x, size_t s, size_t e, const struct cand *proto)
{
	struct cand	*c;
	size_t		 i;

	while (e > s && (tok_dash(x, e - 1) || tok_punct(x, e - 1, ',')))
		e--;
	while (s < e && tok_dash(x, s))
		s++;
	if (s >= e)
		return;
	c = quotes_cand_add(x);
	*c = *proto;
	c->is_quote = 1;
	c->kind = QUOTE_DIRECT;
	c->ts = s;
	c->te = e;
	c->order = s;
	for (i = s; i < e; i++)
		x->mask[i] = 1;
	/* The cue is used up, unless it governs a что-clause of its own
	 * ("заявил, что C: «Q»" gives two quotes). */
	if (proto->ce > proto->cs && !governs_clause(x, proto->ce,
	    proto->cs > s ? x->sg->n : s) && !content_before(x, proto))
		for (i = proto->cs; i < proto->ce; i++)
			x->mask[i] = 1;
}

/* Has the cue of proto a content of its own before it, in its
 * sentence ("В Донецке убит командир, сообщил источник:")? */
static int
content_before(const struct ex *x, const struct cand *proto)
{
	size_t	cs = proto->cs;

	return !proto->colon_cue && cs > 0 && tok_punct(x, cs - 1, ',') &&
	    cs >= x->sg->sent[x->sg->t[cs].sent].first + 4 &&
	    !x->mask[cs - 2];
}

/* Is there a "что" or "чтобы" between tokens a and b of one sentence? */
static int
governs_clause(const struct ex *x, size_t a, size_t b)
{
	size_t	i;

	for (i = a; i < b && i < a + 10; i++) {
		if (tok_is(x, i, "что") || tok_is(x, i, "чтобы"))
			return 1;
		if (tok_sentbreak(x, i))
			return 0;
	}
	return 0;
}

/*
 * May a mention without a verb introduce a quote ("Дина Сарсенова,
 * учитель:")?  Only a full name, or a name with its role: a lone
 * capitalised word before a colon is a heading ("Смотрите:").
 */
static int
intro_name(const struct ex *x, const struct mention *m)
{
	char	*role;

	if (m->type != MEN_NAME)
		return 0;
	if (m->ne - m->ns >= 2 && tok_has(x, m->ns, TF_FIRST))
		return 1;
	if ((role = people_role_text(x, m)) == NULL)
		return 0;
	free(role);
	return 1;
}

/*
 * Is paragraph p a line "— Имя Фамилия, должность" that attributes the
 * paragraph before it?  Fills c when it is.
 */
static int
attr_line(struct ex *x, size_t p, struct cand *c)
{
	size_t	s = x->sg->para[p].first, e = x->sg->para[p].last, i, n;

	if (e - s > 25 || !tok_dash(x, s))
		return 0;
	/* "— Тимур Муратович, вырастет ли ставка?": an interviewer's
	 * question, addressed to a name, attributes nothing. */
	for (i = s + 1; i < e; i++)
		if (tok_verb(x, i, e, NULL, NULL) || tok_punct(x, i, '?'))
			return 0;
	for (i = s + 1; i < e && x->sg->t[i].type == SEG_WORD; i++)
		;
	if (i == s + 1)
		return 0;
	mention_name_run(x, s + 1, i - 1, &n);
	if (n == 0 || i - n != s + 1)
		return 0;
	if (i < e && !tok_punct(x, i, ',') && !tok_sentbreak(x, i))
		return 0;
	memset(c, 0, sizeof(*c));
	c->m.type = MEN_NAME;
	c->m.s = s + 1;
	c->m.e = e;
	c->m.ns = s + 1;
	c->m.ne = i;
	c->colon_cue = 1;
	c->cue_tok = s;
	return 1;
}

/*
 * Does paragraph p open with an attribution clause cut off from the
 * quote paragraph above it by the crawl: a speech verb in lower case
 * first, after a dash or not ("заявил после инаугурации Рамзан
 * Кадыров.", "— сказал он.")?  Fills c when it does.
 */
static int
verb_line(struct ex *x, size_t p, struct cand *c)
{
	size_t	s = x->sg->para[p].first, e = x->sg->para[p].last, end;

	/* Its first sentence; "— заявил X." too. */
	e = x->sg->sent[x->sg->t[s].sent].last < e ?
	    x->sg->sent[x->sg->t[s].sent].last : e;
	if (tok_dash(x, s) && s + 1 < e)
		s++;
	if (e - s > 25 || x->sg->t[s].type != SEG_WORD ||
	    (x->sg->t[s].flags & (SEG_CAP | SEG_ALLCAPS)) ||
	    !tok_verb(x, s, e, NULL, NULL))
		return 0;
	memset(c, 0, sizeof(*c));
	return attribution(x, s, e, c, &end) && c->m.type != MEN_NONE;
}

/*
 * Direct speech: quotation marks with an attribution after them or a
 * colon before, quotes split by their attribution, dash dialogue,
 * paragraphs introduced by a colon, quote paragraphs followed by a
 * "— Name, role" line, and runs of dialogue that continue a speaker.
 */
void
direct_pass(struct ex *x)
{
	struct segmentation	*sg = x->sg;
	size_t			 p;
	int			 prev_quote = 0;	/* paragraph before */
	int			 prev_question = 0;	/* a dash question */
	struct cand		 intro, run;
	int			 has_intro = 0, has_run = 0;

	for (p = 0; p < sg->npara; p++) {
		size_t		ps = sg->para[p].first, pe = sg->para[p].last;
		size_t		i, q1e, q2s, end, k0;
		struct cand	c;
		int		this_quote = 0, has_chain = 0, run_on;
		struct cand	chain;
		size_t		chain_end = 0;

		if (ps >= pe)
			continue;
		run_on = has_run;
		has_run = 0;
		if (attr_line(x, p, &c)) {
			/* Attributes the quote paragraph above, if it is no
			 * quote of its own yet. */
			size_t	s = p > 0 ? sg->para[p - 1].first : 0;
			size_t	e = p > 0 ? sg->para[p - 1].last : 0;

			if (p > 0 && tok_open_quote(x, s))
				s++;
			if (e > s && tok_sentpoint(x, e - 1) &&
			    tok_close_quote(x, e - 2))
				e--;
			if (e > s && tok_close_quote(x, e - 1))
				e--;
			if (p > 0 && s < e && !x->mask[s])
				add_direct(x, s, e, &c);
			for (i = ps; i < pe; i++)
				x->mask[i] = 1;
			prev_quote = 0;
			continue;
		}
		if (tok_dash(x, ps)) {
			/* Dash dialogue. */
			memset(&c, 0, sizeof(c));
			if (find_split(x, ps + 1, pe, &q1e, &q2s, &c)) {
				add_direct(x, ps + 1, q1e, &c);
				if (q2s < pe) {
					struct cand	c2 = c;

					c2.cs = c2.ce = 0;
					c2.m.type = MEN_CONT;
					add_direct(x, q2s, pe, &c2);
				}
				this_quote = 1;
			} else if (dash_question(x, ps, pe)) {
				/* An interviewer's question: no quote. */
				prev_question = 2;
			} else if (x->sg->t[ps + 1].type == SEG_WORD &&
			    tok_common(x, ps + 1) &&
			    !(x->sg->t[ps + 1].flags & SEG_CAP)) {
				/* "- оперативная информация о ...": a line
				 * in lower case is a footer or a list, no
				 * line of dialogue. */
			} else if (prev_quote || has_intro) {
				if (has_intro)
					c = intro;
				else
					c.m.type = MEN_CONT;
				add_direct(x, ps + 1, pe, &c);
				this_quote = 1;
			} else if (prev_question) {
				/* The answer to it: the person the interview
				 * is with. */
				c.m.type = MEN_NONE;
				add_direct(x, ps + 1, pe, &c);
				this_quote = 1;
			}
			has_intro = 0;
			prev_quote = this_quote;
			if (prev_question > 0)
				prev_question--;
			continue;
		}
		if (has_intro && tok_punct(x, pe - 1, ':') &&
		    intro_clause(x, ps, pe - 1)) {
			/* "объявил об отставке:" then "В заявлении клуба
			 * говорится:" -- the second introduces the quote. */
			has_intro = 0;
		}
		if (has_intro && reports_itself(x, ps, pe))
			has_intro = 0;	/* the crawl lost the quote */
		if (has_intro) {
			/* A paragraph after "X сказал:" is the quote. */
			size_t	s = ps, e = pe;

			if (tok_open_quote(x, s))
				s++;
			if (e > s + 1 && tok_sentpoint(x, e - 1) &&
			    tok_close_quote(x, e - 2))
				e--;
			if (e > s && tok_close_quote(x, e - 1))
				e--;
			add_direct(x, s, e, &intro);
			has_intro = 0;
			prev_quote = 1;
			run = intro;
			has_run = 1;
			continue;
		}
		/* "X написал:" then paragraphs in X's voice: each is a
		 * quote of X's. */
		if (run_on && first_person_run(x, ps, pe)) {
			add_direct(x, ps, pe, &run);
			prev_quote = 1;
			has_run = 1;
			continue;
		}
		if ((k0 = transcript_line(x, ps, pe, &c)) > 0 ||
		    (k0 = colon_text(x, ps, pe, &c)) > 0) {
			add_direct(x, k0 + 1, speech_end(x, k0 + 1, pe), &c);
			this_quote = 1;
		}
		/* Dash dialogue inside a paragraph, when the crawl lost the
		 * line breaks: ". — Q1, — V X. — Q2." */
		for (i = ps + 1; i + 2 < pe; i++) {
			size_t	q2e;

			if (!tok_dash(x, i) || !tok_sentend(x, i - 1) ||
			    x->mask[i])
				continue;
			memset(&c, 0, sizeof(c));
			if (!find_split(x, i + 1, pe, &q1e, &q2s, &c) ||
			    q1e <= i + 1 || !dash_run(x, i + 1, q1e))
				continue;
			add_direct(x, i + 1, q1e, &c);
			q2e = q2s;
			if (q2s < pe && tok_dash(x, q2s - 1)) {
				struct cand	c2 = c;

				q2e = speech_end(x, q2s, pe);
				c2.cs = c2.ce = 0;
				c2.m.type = MEN_CONT;
				add_direct(x, q2s, q2e, &c2);
			}
			this_quote = 1;
			i = q2e > i ? q2e - 1 : i;
		}
		/* Quotation marks. */
		for (i = ps; i < pe; i++) {
			size_t	o = i, cl, words = 0, k;
			int	sent_start, after_colon, attributed = 0, open;
			unsigned vcls = 0;

			if (sg->t[i].type != SEG_PUNCT ||
			    !quotemark_opens(sg->t[i].uc))
				continue;
			if (x->mask[i])
				continue;
			cl = quote_close(x, o, pe);
			/* A quotation that does not close in its paragraph
			 * runs as far as the speaker's voice does: with the
			 * paragraphs run together, the paragraph may be the
			 * rest of the article.  Unattributed, it is no
			 * further quote of the last source then: a stray «
			 * is as likely a title that lost its ». */
			open = cl >= pe;
			if (open && o + 1 < pe)
				cl = speech_end(x, o + 1, pe);
			for (k = o + 1; k < cl; k++)
				if (sg->t[k].type == SEG_WORD)
					words++;
			sent_start = o == ps || tok_sentend(x, o - 1) ||
			    sg->t[o].sent != sg->t[o - 1].sent ||
			    /* "— сказал X. — «Q2»" */
			    (o >= ps + 2 && tok_dash(x, o - 1) &&
			    (tok_sentend(x, o - 2) ||
			    sg->t[o - 1].sent != sg->t[o - 2].sent));
			after_colon = o > ps && (tok_punct(x, o - 1, ':') ||
			    /* "Он подчеркнул, «Q»": a comma for a colon */
			    (o >= ps + 2 && tok_punct(x, o - 1, ',') &&
			    tok_verb(x, o - 2, o - 1, NULL, &vcls) &&
			    (vcls & VC_CLAUSE) && words >= 3) ||
			    /* "..., сказав «Q»": no mark at all after a
			     * gerund of speech */
			    (o >= ps + 2 && words >= 4 &&
			    tok_gerund(x->w[o - 1]) &&
			    tok_verb(x, o - 1, o, NULL, &vcls) &&
			    (vcls & VC_CLAUSE)));
			memset(&c, 0, sizeof(c));
			if (words >= 2 && cl + 1 < pe &&
			    (tok_punct(x, cl + 1, ',') ||
			    tok_dash(x, cl + 1) ||
			    /* "«Q.» заявил X": the comma and dash lost */
			    (words >= 3 && tok_close_quote(x, cl) &&
			    ends_utterance(x, cl - 1) &&
			    tok_verb(x, cl + 1, pe, NULL, NULL) &&
			    tok_common(x, cl + 1))) &&
			    attribution(x, cl + 1, pe, &c, &end)) {
				attributed = 1;
				if (!sent_start && !after_colon) {
					/* Only "... «Q», — V X" where the
					 * quote opens its sentence. */
					size_t	j = o;

					while (j > ps &&
					    !tok_sentend(x, j - 1))
						j--;
					if (j != o && !tok_dash(x, o - 1))
						attributed = 0;
				}
			}
			if (attributed) {
				size_t	a, b;
				struct cand c2;

				memset(&c2, 0, sizeof(c2));
				if (find_split(x, o + 1, cl, &a, &b, &c2)) {
					add_direct(x, o + 1, a, &c2);
					c2.cs = c2.ce = 0;
					c2.m.type = MEN_CONT;
					add_direct(x, b, cl, &c2);
				} else
					add_direct(x, o + 1, cl, &c);
				this_quote = 1;
				i = end > cl ? end - 1 : cl;
				continue;
			}
			if (words >= 3 && in_run(x, cl, pe) &&
			    (sent_start || after_colon) &&
			    run_in_paragraph(x, cl + 1, pe, &c)) {
				/* "«Q1. «Q2», — сказал X": Q1 is X's too. */
				add_direct(x, o + 1, cl + 1, &c);
				this_quote = 1;
				i = cl;
				continue;
			}
			if (words >= 3 && !after_colon) {
				/* «Q1, — V X. — Q2» */
				size_t	a, b;
				struct cand c2;

				memset(&c2, 0, sizeof(c2));
				if (find_split(x, o + 1, cl, &a, &b, &c2)) {
					add_direct(x, o + 1, a, &c2);
					c2.cs = c2.ce = 0;
					c2.m.type = MEN_CONT;
					add_direct(x, b, cl, &c2);
					this_quote = 1;
					i = cl;
					continue;
				}
			}
			if ((words >= 2 || (words >= 1 && o >= ps + 2 &&
			    tok_verb(x, o - 2, o - 1, NULL, NULL))) &&
			    after_colon) {
				/* "X сказал: «Q»" or "X: «Q»". */
				size_t	j = o - 1, v, len;
				unsigned cls;

				while (j > ps && !tok_sentend(x, j - 1) &&
				    !(sg->t[j].flags & SEG_PARA))
					j--;
				/* The gerund right before the mark, else
				 * the verb before the colon or the comma. */
				if (tok_gerund(x->w[o - 1]) &&
				    tok_verb(x, o - 1, o, &len, &cls))
					v = o - 1;
				else
					for (v = j; v < o - 1; v++)
						if (tok_verb(x, v, o - 1, &len,
						    &cls))
							break;
				memset(&c, 0, sizeof(c));
				if (v < o - 1 || (v == o - 1 &&
				    tok_gerund(x->w[v]))) {
					c.cs = v;
					c.ce = v + len;
					c.agr = tok_agr(x->w[v]);
					if (!mention_before(x, j, v, &c.m,
					    c.agr) &&
					    !mention_subject_left(x, j, v, &c.m,
					    c.agr) &&
					    !mention_after(x, v + len, o - 1,
					    &c.m, &end, 0))
						c.m.type = MEN_NONE;
				} else if (speech_noun(x, j, o - 1, &c)) {
					/* "комментарии пользователей:" */
				} else if (words_intro(x, j, o - 1, &c)) {
					/* "оправдался такими словами:" */
				} else if (!mention_np(x, j, o - 1, &c.m, 0) ||
				    !intro_name(x, &c.m)) {
					continue;
				} else {
					c.colon_cue = 1;
					c.cue_tok = o - 1;
				}
				add_direct(x, o + 1, cl, &c);
				chain = c;
				chain_end = cl;
				has_chain = 1;
				this_quote = 1;
				i = cl;
				continue;
			}
			if (words >= 2 && has_chain && chain_links(x, chain_end,
			    o)) {
				/* "скандировали: «A» и «B»": B has A's source. */
				c = chain;
				c.m.type = MEN_CONT;
				add_direct(x, o + 1, cl, &c);
				chain_end = cl;
				this_quote = 1;
				i = cl;
				continue;
			}
			if (words >= 3 && o == ps && cl + 2 >= pe &&
			    p + 1 < sg->npara && attr_line(x, p + 1, &c)) {
				/* Left for the "— Name, role" line. */
				i = cl;
				continue;
			}
			if (words >= 3 && o == ps && cl + 2 >= pe &&
			    p + 1 < sg->npara && verb_line(x, p + 1, &c)) {
				/* "«Q»" and "заявил X." below it. */
				add_direct(x, o + 1, cl, &c);
				for (k = c.cs; k < c.ce; k++)
					x->mask[k] = 1;
				this_quote = 1;
				i = cl;
				continue;
			}
			if (words >= 3 && o == ps && open &&
			    run_attribution(x, p, &c)) {
				/* "«Q1." then "«Q2», — сказал X." */
				add_direct(x, o + 1, pe, &c);
				this_quote = 1;
				i = cl;
				continue;
			}
			if (words >= 3 && sent_start && (prev_quote ||
			    this_quote || o == ps) && (cl + 1 >= pe ||
			    (cl + 2 == pe && tok_sentpoint(x, cl + 1)))) {
				/* A further quote of the same source. */
				c.m.type = MEN_CONT;
				add_direct(x, o + 1, cl, &c);
				this_quote = 1;
				i = cl;
				continue;
			}
			/* "Он заметил, что A. «B»." A quotation that is
			 * a whole sentence of its own goes on with the quote
			 * of the sentence before it, if there is one (no
			 * title is a sentence). */
			if (words >= 4 && sent_start && !after_colon &&
			    !open && cl + 1 < pe && (tok_sentpoint(x, cl + 1) ||
			    (tok_sentpoint(x, cl - 1) &&
			    sg->t[cl + 1].sent != sg->t[cl].sent))) {
				memset(&c, 0, sizeof(c));
				c.m.type = MEN_CONT;
				c.near = 1;
				add_direct(x, o + 1, cl, &c);
				i = cl;
				continue;
			}
			i = cl;
		}
		/* A paragraph ending in ":" introduces the next one. */
		if (pe - ps >= 2 && tok_punct(x, pe - 1, ':') &&
		    !x->mask[pe - 1]) {
			size_t	j = pe - 1, v, len;
			unsigned cls;

			while (j > ps && !tok_sentend(x, j - 1))
				j--;
			memset(&intro, 0, sizeof(intro));
			for (v = j; v < pe - 1; v++)
				if (tok_verb(x, v, pe - 1, &len, &cls))
					break;
			if (v < pe - 1) {
				intro.cs = v;
				intro.ce = v + len;
				intro.agr = tok_agr(x->w[v]);
				/* "подал в отставку и призвал к ...:"
				 * shares the first verb's subject. */
				if (!mention_before(x, j, v, &intro.m,
				    intro.agr) &&
				    !mention_after(x, v + len, pe - 1,
				    &intro.m, &end, 0) &&
				    !(v > j && tok_is(x, v - 1, "и") &&
				    mention_subject_left(x, j, v, &intro.m,
				    intro.agr)))
					intro.m.type = MEN_NONE;
				has_intro = 1;
			} else if (doc_intro(x, j, pe - 1, &intro)) {
				/* "В заявлении клуба говорится:" */
				has_intro = 1;
			} else if (words_intro(x, j, pe - 1, &intro)) {
				/* "опубликовал следующий текст:" */
				has_intro = 1;
			} else if (mention_np(x, j, pe - 1, &intro.m, 0) &&
			    intro_name(x, &intro.m) && !(p + 1 < sg->npara &&
			    names_person(x, &intro.m, sg->para[p + 1].first,
			    sg->para[p + 1].last))) {
				intro.colon_cue = 1;
				intro.cue_tok = pe - 1;
				has_intro = 1;
			} else if (p + 1 < sg->npara &&
			    first_person_run(x, sg->para[p + 1].first,
			    sg->para[p + 1].last) &&
			    voiced_intro(x, j, pe - 1, &intro) &&
			    !names_person(x, &intro.m, sg->para[p + 1].first,
			    sg->para[p + 1].last)) {
				/* "Тайсон Фьюри признался ...:" and his
				 * words in the first person */
				has_intro = 1;
			}
			if (has_intro && !governs_clause(x, intro.ce, pe) &&
			    !content_before(x, &intro))
				for (v = intro.cs; v < intro.ce; v++)
					x->mask[v] = 1;
		}
		prev_quote = this_quote;
	}
}
