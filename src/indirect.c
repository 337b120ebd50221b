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
#include "util.h"

static size_t	 content_end(const struct ex *, size_t, size_t, int);
static size_t	 words_between(const struct ex *, size_t, size_t);
static int	 genitive_group(struct ex *, size_t, size_t, struct mention *,
		    size_t *);
static void	 cand_recue(struct ex *, struct cand *, size_t, size_t,
		    const struct mention *);
static int	 genitive_mention(struct mention *, enum men, size_t, size_t,
		    size_t *);
static int	 mention_after_past_media(struct ex *, size_t, size_t,
		    struct mention *, size_t *, int);
static int	 predicate_follows(const struct ex *, size_t, size_t);
static int	 speech_setting(const struct ex *, size_t, size_t);
static int	 gloss_ends(const struct ex *, size_t, size_t);
static int	 contrast_clause(const struct ex *, size_t, size_t);
static int	 whole_quoted(const struct ex *, size_t, size_t);
static int	 prev_speech_act(struct ex *, size_t, size_t, size_t,
		    const struct mention *);
static void	 add_indirect(struct ex *, size_t, size_t, size_t, size_t,
		    enum agr, const struct mention *);
struct sent;
static int	 fronted_object(const struct ex *, const struct sent *,
		    size_t);
static size_t	 cue_frame(struct ex *, const struct sent *, size_t,
		    const struct lex_entry *, size_t);
static size_t	 cue_doc(struct ex *, const struct sent *, size_t, size_t);
static size_t	 cue_prev(struct ex *, const struct sent *, size_t, size_t,
		    int);
static int	 cue_docin(struct ex *, const struct sent *, size_t, size_t,
		    size_t *);
static int	 contrast_word(const struct ex *, size_t);
static int	 statement_noun(const char *);
static size_t	 cue_request(struct ex *, const struct sent *, size_t);
static size_t	 cue_kak_doc(struct ex *, const struct sent *, size_t);
static int	 reported_act(struct ex *, size_t, size_t, size_t, size_t,
		    const struct mention *);
static int	 attribution_ends(const struct ex *, size_t, size_t);
static int	 genitive_person(struct ex *, size_t, size_t,
		    struct mention *, size_t *);
static int	 clause_follows(const struct ex *, size_t, size_t);
static int	 abstract_subject(const struct ex *, size_t, size_t, enum agr);
static size_t	 appos_end(const struct ex *, size_t, size_t);
static size_t	 second_predicate(const struct ex *, size_t, size_t, enum agr);
static int	 closes_relative(const struct ex *, size_t, size_t);
static size_t	 cue_kak(struct ex *, const struct sent *, size_t, size_t,
		    size_t);
static size_t	 cue_noun(struct ex *, const struct sent *, size_t);
static int	 verb_topic_first(struct ex *, const struct sent *, size_t,
		    size_t, unsigned, enum agr, size_t *);
static int	 verb_postposed(struct ex *, const struct sent *, size_t,
		    size_t, enum agr, size_t *);
static size_t	 media_before(const struct ex *, size_t, size_t);
static int	 quantified(const struct ex *, const struct mention *);
static int	 verb_subject(struct ex *, const struct sent *, size_t,
		    size_t, enum agr, unsigned, struct mention *, size_t *);
static size_t	 verb_complement(struct ex *, const struct sent *, size_t,
		    size_t, unsigned, enum agr, const struct mention *,
		    size_t);
static int	 quoted_object(const struct ex *, size_t, size_t);
static int	 named_as(const struct ex *, size_t, size_t);
static size_t	 cue_verb(struct ex *, const struct sent *, size_t);
static int	 verb_inverted(struct ex *, const struct sent *, size_t,
		    size_t, enum agr, size_t *);
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
/* Do tokens i.. say where, how or when something was said ("на
 * встрече", "в интервью", "в ходе брифинга", "во время визита", "ещё до
 * заседания")? */
static int
speech_setting(const struct ex *x, size_t i, size_t e)
{
	static const char *const noun[] = {
		"встрече", "встречи", "интервью", "пресс-конференции",
		"брифинге", "брифинга", "эфире", "беседе", "разговоре",
		"заседании", "совещании", "форуме", "саммите", "соцсетях",
		"соцсети", "микроблоге", "телеграм-канале", "обращении",
		"выступлении", "ходе", "время", NULL
	};
	size_t	j;

	/* "критиковал план ещё до заседания", "за несколько часов до
	 * того, как": when. */
	if (i + 2 < e && tok_is(x, i + 1, "до") && (tok_is(x, i, "еще") ||
	    tok_is(x, i, "задолго") || tok_is(x, i, "незадолго")))
		return 1;
	if (i + 3 < e && tok_is(x, i + 3, "до") && tok_is(x, i, "за") &&
	    (tok_is(x, i + 1, "несколько") ||
	    (x->sg->t[i + 1].flags & SEG_DIGIT)) &&
	    (strncmp(x->w[i + 2], "час", 6) == 0 ||
	    strncmp(x->w[i + 2], "дн", 4) == 0 ||
	    strncmp(x->w[i + 2], "минут", 10) == 0 ||
	    strncmp(x->w[i + 2], "недел", 10) == 0))
		return 1;
	if (!(tok_is(x, i, "на") || tok_is(x, i, "в") || tok_is(x, i, "во")))
		return 0;
	for (j = i + 1; j < e && j < i + 3; j++) {
		if (x->sg->t[j].type != SEG_WORD)
			return 0;
		if (str_in(x->w[j], noun))
			return 1;
		if (!tok_adjective(x, j) && !tok_is(x, j, "своем") &&
		    !tok_is(x, j, "своей"))
			return 0;
	}
	return 0;
}

/*
 * Does a что-clause start at token k, or after at most three words of
 * an addressee ("сказал журналистам, что"), not past e?
 */
static int
clause_follows(const struct ex *x, size_t k, size_t e)
{
	size_t	i;

	for (i = k; i < e && i < k + 4; i++) {
		if (tok_is(x, i, "что"))
			return i + 1 < e;
		if (tok_punct(x, i, ','))
			return i + 2 < e && tok_is(x, i + 1, "что");
		if (x->sg->t[i].type != SEG_WORD)
			return 0;
	}
	return 0;
}

/*
 * Does a short attribution run from token k to the end of the sentence
 * e: up to six words, the last a name or a noun (", сообщил Камменос.",
 * ", заявил министр финансов.")?
 */
static int
attribution_ends(const struct ex *x, size_t k, size_t e)
{
	const char	*f;
	size_t		 i;

	if (k >= e || x->sg->t[k].type != SEG_WORD || tok_prep(x, k) ||
	    tok_is(x, k, "что") || tok_is(x, k, "о") || tok_is(x, k, "об"))
		return 0;
	for (i = k; i < e && i < k + 6; i++)
		if (x->sg->t[i].type != SEG_WORD)
			break;
	if (i == k || !(i >= e || tok_sentbreak(x, i)))
		return 0;
	/* The last word is the subject, in the nominative: not
	 * "ответила оскорблениями пророку Мухаммеду". */
	f = x->w[i - 1];
	if (tok_ends(f, "у") || tok_ends(f, "ю") || tok_ends(f, "ом") ||
	    tok_ends(f, "ем") || tok_ends(f, "ам") || tok_ends(f, "ям") ||
	    tok_ends(f, "ами") || tok_ends(f, "ями"))
		return 0;
	return tok_name(x, i - 1) || tok_has(x, i - 1, TF_ROLE) ||
	    tok_has(x, i - 1, TF_GROUP) || tok_has(x, i - 1, TF_INST);
}

static size_t
content_end(const struct ex *x, size_t s, size_t e, int np)
{
	size_t	i, j, k, subj, len;
	unsigned cls;

	for (i = s; i < e; i++) {
		if (x->mask[i])
			return i;
		/* "...; 17 марта суд ...": the next entry of a chronicle. */
		if (i > s && tok_punct(x, i, ';') && i + 1 < e &&
		    (x->sg->t[i + 1].flags & SEG_DIGIT))
			return i;
		/* A topic ends before where it was said: "рассказал о
		 * предках Обамы на встрече в Фонде". */
		if (np && i > s && speech_setting(x, i, e))
			return i;
		/* An object ends before a clause of its own: "критиковал
		 * план, он встречался с ...". */
		if (np && i > s && tok_punct(x, i, ',') && i + 2 < e &&
		    (tok_is(x, i + 1, "он") || tok_is(x, i + 1, "она") ||
		    tok_is(x, i + 1, "они") || tok_is(x, i + 1, "мы")))
			return i;
		/* An object ends before a gloss in parentheses and before
		 * a contrast: "решение ошибочным, но принимает его". */
		if (np && i > s && ((tok_punct(x, i, '(') &&
		    gloss_ends(x, i, e)) || (tok_punct(x, i, ',') &&
		    (tok_is(x, i + 1, "но") || tok_is(x, i + 1, "однако")) &&
		    contrast_clause(x, i + 2, e))))
			return i;
		/* "требует пересмотра тарифа и предварительно оценивает
		 * ...": an object with no verb of its own ends before a
		 * verb joined by "и". */
		if (np && i > s && tok_is(x, i, "и") && !tok_punct(x, i - 1,
		    ',')) {
			j = i + 1;
			while (j < e && j < i + 3 && tok_adverb(x, j))
				j++;
			for (k = s; k < i && !tok_finite_past(x, k) &&
			    !(tok_agr(x->w[k]) != AGR_NONE &&
			    (tok_ends(x->w[k], "ла") ||
			    tok_ends(x->w[k], "ли") ||
			    tok_ends(x->w[k], "ло"))); k++)
				;
			if (k == i && j < e && x->sg->t[j].type == SEG_WORD &&
			    tok_common(x, j) && (tok_finite_past(x, j) ||
			    (strlen(x->w[j]) >= 14 &&
			    (tok_ends(x->w[j], "ает") ||
			    tok_ends(x->w[j], "яет") ||
			    tok_ends(x->w[j], "ует")))))
				return i;
		}
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
		/* "C, сообщил Камменос.": a postposed attribution ends
		 * the content. */
		if (tok_punct(x, i, ',') && j == i + 1 &&
		    tok_verb(x, j, e, &len, &cls) &&
		    tok_agr(x->w[j]) != AGR_NONE && attribution_ends(x, j + len,
		    e))
			return i;
		/* "..., указывая на ...": a gerund of speech has its own
		 * content. */
		if (tok_punct(x, i, ',') && j == i + 1 && tok_gerund(x->w[j]) &&
		    tok_verb(x, j, e, &len, &cls))
			return i;
		if (tok_verb(x, j, e, &len, &cls) && (cls & VC_CLAUSE) &&
		    clause_follows(x, j + len, e))
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
		/* ", расследователи заявляли о ...", ", а X назвал ...",
		 * ", в ответ X назвал ...": a new subject and its speech
		 * verb. */
		subj = i + 1;
		if (tok_is(x, subj, "а"))
			subj++;
		if (tok_is(x, subj, "в") && tok_is(x, subj + 1, "ответ"))
			subj += 2;
		if (tok_punct(x, i, ',') && subj + 1 < e &&
		    strncmp(x->w[subj], "котор", 10) != 0 &&
		    !tok_prep(x, subj) && !tok_stop(x, subj))
			for (k = subj + 1; k < e && k < subj + 4 &&
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
	while (e > s && (tok_sentpoint(x, e - 1) || tok_punct(x, e - 1, ',') ||
	    tok_punct(x, e - 1, ':') || tok_punct(x, e - 1, ';')))
		e--;
	return e;
}

/* Is there a word in the instrumental within the next six words after
 * token s, before any punctuation ("решение Клинсмана ошибочным")? */
static int
predicate_follows(const struct ex *x, size_t s, size_t e)
{
	size_t	i;

	for (i = s + 1; i < e && i < s + 7; i++) {
		/* "считает случившееся «неприятным инцидентом»" */
		if (tok_open_quote(x, i) || tok_close_quote(x, i))
			continue;
		if (x->sg->t[i].type != SEG_WORD)
			return 0;
		if (strlen(x->w[i]) > 8 && (tok_ends(x->w[i], "ым") ||
		    tok_ends(x->w[i], "им") || tok_ends(x->w[i], "ой") ||
		    tok_ends(x->w[i], "ыми") || tok_ends(x->w[i], "ими") ||
		    tok_ends(x->w[i], "ом") || tok_ends(x->w[i], "ем")))
			return 1;
	}
	return 0;
}

/* Does the gloss in parentheses that opens at token o close the
 * sentence ending before e, or hold a clause of its own ("(того же
 * требовал и адвокат)")? */
static int
gloss_ends(const struct ex *x, size_t o, size_t e)
{
	size_t	i;
	int	verb = 0;

	for (i = o + 1; i < e && !tok_punct(x, i, ')'); i++)
		if (tok_finite_past(x, i))
			verb = 1;
	return i + 1 >= e || tok_sentbreak(x, i + 1) || (i < e && verb);
}

/* Does a clause with its own verb start at token s: a verb at once, or
 * within four words ("..., но суд присяжных наложил ...")? */
static int
contrast_clause(const struct ex *x, size_t s, size_t e)
{
	size_t	i;

	for (i = s; i < e && i < s + 4; i++) {
		if (x->sg->t[i].type != SEG_WORD)
			return 0;
		if ((i == s && tok_agr(x->w[i]) != AGR_NONE &&
		    !tok_adjective(x, i)) || tok_finite_past(x, i))
			return 1;
	}
	return 0;
}

/*
 * mention_after(), past a medium that is only the addressee: "заявила РИА
 * Новости официальный представитель МИД Мария Захарова".
 */
static int
mention_after_past_media(struct ex *x, size_t i, size_t e, struct mention *m,
    size_t *stop, int flags)
{
	const struct lex_entry	*le;
	size_t			 k, n;
	int			 found;

	/* "сообщили журналистам в военном ведомстве", "заявил британской
	 * газете The Times X": the people told are no part of the
	 * source. */
	i = mention_skip_addressee(x, i, e);
	found = mention_after(x, i, e, m, stop, flags);
	/* "Как сообщает ТАСС со ссылкой на пресс-службу министерства":
	 * the body the medium refers to, in the accusative. */
	if ((!found || mention_media(x, m)) && *stop < e &&
	    (le = lexicon_match(x->lx, LEX_PHRASES, x->w + *stop,
	    e - *stop, &n)) != NULL && strcmp(le->tag, "ref") == 0) {
		if (!mention_after(x, *stop + n, e, m, stop, flags | MNP_OBL))
			return 0;
		m->cas = SPEAKERS_ACC;
		return 1;
	}
	if (!found)
		return 0;
	if (mention_media(x, m) && m->ne < e && m->ne < *stop) {
		k = m->ne;
		if (tok_close_quote(x, k))
			k++;	/* "Деньгам" in quotes */
		if (k < e && x->sg->t[k].type == SEG_WORD)
			return mention_after(x, k, e, m, stop, flags);
	}
	return 1;
}

/* Tokens [s, e) as a mention of type, in the genitive, ending the
 * framing at e; returns 1 (for genitive_person() and genitive_group()). */
static int
genitive_mention(struct mention *m, enum men type, size_t s, size_t e,
    size_t *stop)
{
	memset(m, 0, sizeof(*m));
	m->type = type;
	m->s = m->ns = s;
	m->e = m->ne = e;
	m->cas = SPEAKERS_GEN;
	*stop = e;
	return 1;
}

/*
 * "по словам таксиста", "по словам хозяина квартиры": a singular noun
 * in the genitive that no list knows, with at most two words after it,
 * ending at a comma, as a person described.  Fills m and *stop.
 */
static int
genitive_person(struct ex *x, size_t s, size_t e, struct mention *m,
    size_t *stop)
{
	size_t		 i;
	const char	*f;

	if (s >= e || x->sg->t[s].type != SEG_WORD || !tok_common(x, s) ||
	    tok_prep(x, s) || tok_stop(x, s) || strlen(x->w[s]) < 10)
		return 0;
	f = x->w[s];
	if (!(tok_ends(f, "а") || tok_ends(f, "я") || tok_ends(f, "ки") ||
	    tok_ends(f, "цы") || tok_ends(f, "ого") || tok_ends(f, "его")) ||
	    tok_ends(f, "ия") || tok_ends(f, "ства") || tok_ends(f, "ния"))
		return 0;
	for (i = s + 1; i < e && i < s + 4 && x->sg->t[i].type == SEG_WORD &&
	    !tok_prep(x, i); i++)
		;
	if (i >= e || !tok_punct(x, i, ','))
		return 0;
	return genitive_mention(m, MEN_ROLE, s, i, stop);
}

/*
 * "по мнению некоторых радикальных феминисток": a plural noun phrase in
 * the genitive that no list knows, ending at a comma, as a group.  Fills
 * m and *stop.
 */
static int
genitive_group(struct ex *x, size_t s, size_t e, struct mention *m,
    size_t *stop)
{
	size_t	i;

	for (i = s; i < e && i < s + 5 && x->sg->t[i].type == SEG_WORD &&
	    tok_common(x, i); i++)
		;
	if (i == s || i >= e || !tok_punct(x, i, ',') ||
	    !(tok_ends(x->w[i - 1], "ов") || tok_ends(x->w[i - 1], "ев") ||
	    tok_ends(x->w[i - 1], "ей") || tok_ends(x->w[i - 1], "ок") ||
	    tok_ends(x->w[i - 1], "ек")) || strlen(x->w[i - 1]) < 8)
		return 0;
	return genitive_mention(m, MEN_GROUP, s, i, stop);
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
	size_t		 i, words = 0, paren = 0, te0;
	int		 opened = 0;

	while (e > s && (tok_sentpoint(x, e - 1) || tok_punct(x, e - 1, ',') ||
	    tok_dash(x, e - 1)))
		e--;
	te0 = e;
	while (s < e && (tok_punct(x, s, ',') || tok_dash(x, s)))
		s++;
	if (s >= ce)
		e = second_predicate(x, s, e, a);
	/* "О том, что C, сообщил X": C. */
	if (s + 4 < e && (tok_is(x, s, "о") || tok_is(x, s, "об")) &&
	    tok_is(x, s + 1, "том") && tok_punct(x, s + 2, ',') &&
	    tok_is(x, s + 3, "что"))
		s += 4;
	/* Direct quotes are not part of it: skip one that opens the
	 * span, stop at one inside it. */
	while (s < e && (x->mask[s] || x->sg->t[s].type == SEG_PUNCT)) {
		/* A title in quotation marks opening the content stays
		 * whole: "рассказал про "план А" и ...". */
		if (!x->mask[s] && tok_open_quote(x, s)) {
			for (i = s + 1; i < e && !x->mask[i] &&
			    !tok_close_quote(x, i); i++)
				;
			if (i < e && !x->mask[i] && i + 1 < e &&
			    x->sg->t[i + 1].type == SEG_WORD)
				break;
		}
		opened |= tok_open_quote(x, s);
		s++;
	}
	for (i = s; i < e; i++) {
		if (x->mask[i]) {
			e = i;
			break;
		}
		if (x->sg->t[i].type == SEG_WORD)
			words++;
		else if (tok_punct(x, i, '('))
			paren++;
	}
	/* Closing marks stay ("на 10%", "(в мае)", "«Газпром»"), but
	 * not the closing quotation mark of one skipped at the start. */
	while (e > s && x->sg->t[e - 1].type == SEG_PUNCT &&
	    !(tok_close_quote(x, e - 1) && !(opened && e == te0)) &&
	    !(paren > 0 && tok_punct(x, e - 1, ')')) &&
	    !tok_punct(x, e - 1, '%'))
		e--;
	/* One word is content only as a clause ("утверждала, что
	 * невиновна"), as a topic cut off before where it was told
	 * ("объявила о покупке в микроблоге") or after a topic phrase. */
	if (words < 2 && !(words == 1 && s > 0 && (tok_is(x, s - 1, "что") ||
	    tok_is(x, s - 1, "чтобы") || ((tok_is(x, s - 1, "о") ||
	    tok_is(x, s - 1, "об") || tok_is(x, s - 1, "обо")) &&
	    speech_setting(x, e, x->sg->n)) ||
	    /* "подчеркнул важность реформы": a topic phrase's noun */
	    (ce >= cs + 2 && ce == s))))
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
	/* Resolved where its source is named: after a content that comes
	 * first ("C, сообщается в пресс-релизе компании"). */
	c->order = cs;
}

/*
 * Where the speaker's own second predicate ends the content that runs
 * from s to e: a refusal ("заявил, что цена будет снижена, но так и не
 * объявил, на сколько", "..., но отказался уточнить") or another act
 * after a comma and "и" ("сообщила, что согласия достигнуты, и
 * пригласила служащих к переговорам").  Its verb agrees with the cue's
 * (a); no comma comes before "и" between two verbs of one clause.
 * Returns the end (e when there is none).
 */
static size_t
second_predicate(const struct ex *x, size_t s, size_t e, enum agr a)
{
	size_t	i, j;
	int	and;

	if (a != AGR_M && a != AGR_F && a != AGR_PL)
		return e;
	for (i = s + 2; i + 2 < e; i++) {
		if (!tok_punct(x, i, ','))
			continue;
		and = tok_is(x, i + 1, "и");
		if (!and && !tok_is(x, i + 1, "но") &&
		    !tok_is(x, i + 1, "однако") && !tok_is(x, i + 1, "а"))
			continue;
		j = i + 2;
		if (tok_is(x, j, "при") && tok_is(x, j + 1, "этом"))
			j += 2;
		if (tok_is(x, j, "так") && tok_is(x, j + 1, "и"))
			j += 2;
		if (tok_is(x, j, "пока") || tok_is(x, j, "также") ||
		    tok_is(x, j, "затем"))
			j++;
		if (j + 1 < e && tok_is(x, j, "не") && tok_finite_past(x,
		    j + 1) && tok_agr(x->w[j + 1]) == a)
			return i;
		if (j < e && strncmp(x->w[j], "отказал", 14) == 0 &&
		    tok_agr(x->w[j]) == a)
			return i;
		if (and && j < e && tok_finite_past(x, j) &&
		    tok_agr(x->w[j]) == a && !closes_relative(x, s, i))
			return i;
	}
	return e;
}

/*
 * Does the comma at c close a relative clause opened after s ("...
 * бутылку, которую бросил X, и бросил её": the verb after it goes on
 * with the clause before the relative one)?
 */
static int
closes_relative(const struct ex *x, size_t s, size_t c)
{
	size_t	k;

	for (k = c; k > s && !tok_punct(x, k - 1, ','); k--)
		;
	return k > s && k < c && (strncmp(x->w[k], "котор", 10) == 0 ||
	    tok_is(x, k, "где") || tok_is(x, k, "когда") ||
	    tok_participle(x->w[k]));
}

/* The sentence a cue stands in: its index and tokens [s0, s1). */
struct sent {
	size_t	si, s0, s1;
};

/*
 * "по словам X, C", "C, по словам X, D", "по его мнению, C", "со ссылкой
 * на X, что C": a framing phrase of k tokens at i, lexicon entry le.
 * Returns the last token consumed.
 */
static size_t
cue_frame(struct ex *x, const struct sent *st, size_t i,
    const struct lex_entry *le, size_t k)
{
	struct mention		 m;
	const struct lex_entry	*lead;
	size_t			 stop, j, kl;
	enum agr		 a;
	int			 ref = strcmp(le->tag, "ref") == 0, at_start;

	memset(&m, 0, sizeof(m));
	if (strcmp(le->tag, "framep") == 0) {
		m.type = MEN_PRON;
		m.s = m.ns = i + 1;
		m.e = m.ne = i + 2;
		stop = i + k;
		a = tok_is(x, i + 1, "ее") ? AGR_F : tok_is(x, i + 1, "их") ?
		    AGR_PL : AGR_M;
	} else {
		if (!mention_after(x, i + k, st->s1, &m, &stop, MNP_OBL) &&
		    !genitive_group(x, i + k, st->s1, &m, &stop) &&
		    !genitive_person(x, i + k, st->s1, &m, &stop)) {
			/* "Согласно сообщению, ...": the source spoken
			 * of.  ("По сообщениям, ..." names nobody.) */
			if (!tok_punct(x, i + k, ',') ||
			    strcmp(le->tag, "frame") != 0 ||
			    tok_ends(x->w[i + k - 1], "ям") ||
			    tok_ends(x->w[i + k - 1], "ам"))
				return i + k - 1;
			memset(&m, 0, sizeof(m));
			m.type = MEN_NONE;
			stop = i + k + 1;
		}
		m.cas = ref ? SPEAKERS_ACC : SPEAKERS_GEN;
		a = AGR_NONE;
		/* No comma after the source: "По словам Анны Ким он
		 * уехал".  The source ends with its name. */
		if (!ref && stop < st->s1 && !tok_punct(x, stop, ','))
			for (j = stop - 1; j > i + k; j--) {
				struct mention	n;

				if (j + 2 <= stop && (x->sg->t[j - 1].flags &
				    SEG_CAP) && !(x->sg->t[j].flags &
				    SEG_CAP) && mention_np(x, i + k, j,
				    &n, MNP_LEFT | MNP_OBL) &&
				    n.type == MEN_NAME && n.ne + 1 >= j) {
					m = n;
					m.cas = SPEAKERS_GEN;
					stop = j;
					break;
				}
				/* "По словам источника «Курсива» сделка
				 * ...": a name in quotation marks ends it. */
				if (j + 2 <= stop && tok_close_quote(x, j - 1) &&
				    x->sg->t[j].type == SEG_WORD &&
				    !(x->sg->t[j].flags & SEG_CAP) &&
				    mention_np(x, i + k, j, &n, MNP_LEFT |
				    MNP_OBL) && n.type != MEN_PRON) {
					m = n;
					m.cas = SPEAKERS_GEN;
					stop = j;
					break;
				}
			}
	}
	if (mention_media(x, &m))
		return i + k - 1;
	/* "По словам X, который возглавляет центр, C", "По мнению X,
	 * возглавляющей фонд, C", "По словам X, главы фонда, C": what is
	 * said of the source is no content. */
	if (!ref && m.type != MEN_PRON && stop < st->s1)
		stop = appos_end(x, stop, st->s1);
	/* At the start of the sentence, or of a clause after a colon
	 * ("рассказал о подготовке: по его словам, C"). */
	at_start = i == st->s0 || (i == st->s0 + 1 &&
	    x->sg->t[st->s0].type == SEG_WORD) ||
	    (i > st->s0 && tok_punct(x, i - 1, ':')) ||
	    /* "Однако, по словам X, C", "Вместе с тем, по мнению X, C" */
	    (i >= st->s0 + 2 && tok_punct(x, i - 1, ',') &&
	    (lead = lexicon_match(x->lx, LEX_PHRASES, x->w + st->s0,
	    i - 1 - st->s0, &kl)) != NULL && strcmp(lead->tag, "lead") == 0 &&
	    kl == i - 1 - st->s0);
	if (ref) {
		/* "... со ссылкой на X, что C". */
		j = stop;
		if (tok_punct(x, j, ','))
			j++;
		if (tok_is(x, j, "что"))
			add_indirect(x, j + 1, content_end(x, j + 1, st->s1, 0),
			    i, i + k, a, &m);
		else {
			/* "C, сообщило агентство со ссылкой на X": C. */
			for (j = i; j > st->s0 && !tok_punct(x, j - 1, ',');
			    j--)
				;
			if (j <= st->s0 + 1 || !tok_verb(x, j, i, NULL, NULL))
				j = i + 1;
			add_indirect(x, st->s0, j - 1, i, i + k, a, &m);
		}
	} else if (at_start)
		add_indirect(x, stop, st->s1, i, i + k, a, &m);
	else
		add_indirect(x, st->s0, st->s1, i, i + k, a, &m);
	return stop > i ? stop - 1 : i;
}

/* "C, говорится в заявлении X." (a statement of X after its content). */
static size_t
cue_doc(struct ex *x, const struct sent *st, size_t i, size_t k)
{
	struct mention	m;
	size_t		stop;

	if (!mention_after(x, i + k, st->s1, &m, &stop, MNP_OBL) ||
	    i == st->s0)
		return i + k - 1;
	m.cas = SPEAKERS_GEN;
	/* "Об этом говорится в сообщении X": the sentence before. */
	if (i == st->s0 + 2 && (tok_is(x, st->s0, "об") ||
	    tok_is(x, st->s0, "о")) && (tok_is(x, st->s0 + 1, "этом") ||
	    tok_is(x, st->s0 + 1, "том"))) {
		if (st->si > 0)
			add_indirect(x, x->sg->sent[st->si - 1].first,
			    x->sg->sent[st->si - 1].last, i, i + k, AGR_NONE,
			    &m);
	} else
		add_indirect(x, st->s0, i, i, i + k, AGR_NONE, &m);
	return stop > i ? stop - 1 : i;
}

/* Is folded word f a statement ("заявлением", "обращение",
 * "пресс-релиз"), whose content a "в котором говорится" may give? */
static int
statement_noun(const char *f)
{
	static const char *const stem[] = {
		"заявлен", "сообщен", "обращен", "послани", "пресс-релиз",
		"коммюнике", "письм", NULL
	};
	size_t	k;

	for (k = 0; stem[k] != NULL; k++)
		if (strncmp(f, stem[k], strlen(stem[k])) == 0)
			return 1;
	return 0;
}

/*
 * "В заявлении МИД Китая отмечается, что C", "В опубликованном вчера
 * обращении партии говорилось: C": an impersonal verb of k tokens at i
 * after a statement ("docnoun") in the prepositional and its source in
 * the genitive.  Returns 1 with *ret the last token consumed when it is
 * one.
 */
static int
cue_docin(struct ex *x, const struct sent *st, size_t i, size_t k,
    size_t *ret)
{
	const struct lex_entry	*le;
	struct mention		 m;
	size_t			 d, p, n, c, q, e;

	/* "X выступило с заявлением, в котором говорится, что C": the
	 * statement is the subject's. */
	if (i >= st->s0 + 5 && tok_is(x, i - 2, "в") &&
	    (tok_is(x, i - 1, "котором") || tok_is(x, i - 1, "которой")) &&
	    tok_punct(x, i - 3, ',') && statement_noun(x->w[i - 4])) {
		for (p = st->s0; p < i - 4; p++)
			if ((tok_finite_past(x, p) || (tok_common(x, p) &&
			    strlen(x->w[p]) >= 12 && (tok_ends(x->w[p], "ило") ||
			    tok_ends(x->w[p], "ало") ||
			    tok_ends(x->w[p], "яло")))) &&
			    tok_agr(x->w[p]) != AGR_NONE)
				break;
		if (p >= i - 4 || !mention_before(x, st->s0, p, &m,
		    tok_agr(x->w[p])) || m.type == MEN_NONE ||
		    m.type == MEN_SELF || mention_media(x, &m))
			return 0;
		d = i;
		goto content;
	}
	for (d = i; d > st->s0 && i - d < 16; d--) {
		if (tok_punct(x, d - 1, ',') || tok_sentend(x, d - 1))
			return 0;
		if ((le = lexicon_match(x->lx, LEX_PHRASES, x->w + d - 1, 1,
		    &n)) != NULL && strcmp(le->tag, "docnoun") == 0)
			break;
	}
	if (d == st->s0 || i - d >= 16 || d == i)
		return 0;
	/* "в" a few words before the noun: "В опубликованном 13 июня
	 * заявлении". */
	for (p = d - 1; p > st->s0 && d - p < 6 && !tok_is(x, p - 1, "в") &&
	    !tok_is(x, p - 1, "во"); p--)
		;
	if (p == st->s0 || d - p >= 6)
		return 0;
	/* "в сообщении комитета было сказано": the auxiliary is no part
	 * of the source. */
	e = i;
	if (e > d + 1 && (tok_is(x, e - 1, "было") || tok_is(x, e - 1,
	    "были") || tok_is(x, e - 1, "был") || tok_is(x, e - 1, "была")))
		e--;
	/* A body's noun first is the source, with all that follows it:
	 * "Комитета за мирное объединение Кореи". */
	for (q = d; q < e && !tok_has(x, q, TF_INST) && !tok_name(x, q) &&
	    !tok_has(x, q, TF_ROLE); q++)
		;
	if (q < e && tok_has(x, q, TF_INST) && !tok_has(x, q, TF_MEDIA)) {
		while (q > d && tok_adjective(x, q - 1))
			q--;
		memset(&m, 0, sizeof(m));
		m.type = MEN_INST;
		m.s = m.ns = q;
		m.e = m.ne = e;
	} else if (!mention_np(x, d, e, &m, MNP_OBL) || mention_media(x, &m))
		return 0;
	m.cas = SPEAKERS_GEN;
content:
	c = i + k;
	if (tok_punct(x, c, ',') && tok_is(x, c + 1, "что"))
		c += 2;
	else if (tok_punct(x, c, ':') && !tok_open_quote(x, c + 1))
		c++;
	else
		return 0;
	add_indirect(x, c, content_end(x, c, st->s1, 0), i, i + k, AGR_NONE,
	    &m);
	*ret = i + k - 1;
	return 1;
}

/*
 * "Как говорится в заявлении X, C", "Как отмечается в сообщении X, C":
 * a statement and its source before the content.  Returns the last
 * token consumed, or i.
 */
static size_t
cue_kak_doc(struct ex *x, const struct sent *st, size_t i)
{
	const struct lex_entry	*le;
	struct mention		 m;
	size_t			 k, d, stop;

	if (i + 4 >= st->s1 || (le = lexicon_match(x->lx, LEX_PHRASES,
	    x->w + i + 1, st->s1 - i - 1, &k)) == NULL)
		return i;
	if (strcmp(le->tag, "doc") == 0)
		d = i + 1 + k;		/* "говорится в заявлении" */
	else if (strcmp(le->tag, "docin") == 0 && (tok_is(x, i + 2, "в") ||
	    tok_is(x, i + 2, "во"))) {
		/* "отмечается в опубликованном заявлении" */
		for (d = i + 3; d < st->s1 && d < i + 6 &&
		    !((le = lexicon_match(x->lx, LEX_PHRASES, x->w + d, 1,
		    &k)) != NULL && strcmp(le->tag, "docnoun") == 0); d++)
			;
		if (d >= st->s1 || d >= i + 6)
			return i;
		d++;
	} else
		return i;
	if (!mention_after(x, d, st->s1, &m, &stop, MNP_OBL) ||
	    mention_media(x, &m) || !tok_punct(x, stop, ',') ||
	    words_between(x, stop, st->s1) < 2)
		return i;
	m.cas = SPEAKERS_GEN;
	add_indirect(x, stop + 1, content_end(x, stop + 1, st->s1, 0), i + 1,
	    d, AGR_NONE, &m);
	return stop;
}

/*
 * "Об этом сообщил X", "О своих планах X рассказал": the content is the
 * sentence before; with clause set, "A, о чем заявил X": the clause
 * before in the same sentence.
 */
static size_t
cue_prev(struct ex *x, const struct sent *st, size_t i, size_t k,
    int clause)
{
	struct mention	m;
	size_t		v, len, stop, ps;
	unsigned	cls;

	/* Up to seven words between ("Об этом в эфире телеканала «Хабар»
	 * заявил X"), but no comma. */
	for (v = i + k; v < st->s1 && v < i + k + 8; v++) {
		if (tok_punct(x, v, ','))
			return i + k - 1;
		if (tok_verb(x, v, st->s1, &len, &cls))
			break;
		/* "Такое заявление сделал X": a verb of doing. */
		if (strncmp(x->w[v], "сдела", 10) == 0 &&
		    tok_finite_past(x, v)) {
			len = 1;
			cls = 0;
			break;
		}
	}
	/* "C: об этом заявил X", "C — об этом заявил X": the clause
	 * before, as after "о чем". */
	if (!clause && i >= st->s0 + 3 && (tok_punct(x, i - 1, ':') ||
	    tok_dash(x, i - 1)))
		clause = 2;
	if (v >= st->s1 || v >= i + k + 8 || (st->si == 0 && !clause) ||
	    (clause == 1 && (i < st->s0 + 3 || !tok_punct(x, i - 1, ','))))
		return i + k - 1;
	/* "Так считает X": the verb right after "так", which opens the
	 * sentence ("Так, в 2019 году ..." is no cue). */
	if (tok_is(x, i, "так") && (v != i + k || i != st->s0))
		return i + k - 1;
	/* The subject between: "О своих планах Лужков рассказал", "Об
	 * этом Алибек Куантыров заявил журналистам". */
	if (v > i + k && mention_np(x, i + k, v, &m, 0) &&
	    (m.type == MEN_NAME || m.type == MEN_PRON))
		stop = v + len;
	else if (!mention_after_past_media(x, v + len, st->s1, &m, &stop,
	    0)) {
		if (v == i + k || !mention_np(x, i + k, v, &m, 0))
			return v + len - 1;
		stop = v + len;
	}
	if (mention_media(x, &m))
		return v + len - 1;
	/* "Об этом пишет Global Times": a name in Latin letters with a
	 * verb of the media in the present is a newsroom's sourcing. */
	if ((cls & VC_MEDIA) && m.ne > m.ns &&
	    (x->sg->t[m.ns].flags & SEG_LATIN) &&
	    (tok_ends(x->w[v], "ет") || tok_ends(x->w[v], "ут") ||
	    tok_ends(x->w[v], "ют")))
		return v + len - 1;
	/* A caption between ("Леннарт Юханссон" on a line of its own) is
	 * not what was said. */
	ps = st->si > 0 ? st->si - 1 : 0;
	while (!clause && ps > 0 &&
	    x->sg->sent[ps].last - x->sg->sent[ps].first <= 4 &&
	    !tok_sentend(x, x->sg->sent[ps].last - 1))
		ps--;
	if (clause)
		add_indirect(x, st->s0, i, v, v + len, tok_agr(x->w[v]), &m);
	else if (!prev_speech_act(x, ps, v, v + len, &m)) {
		size_t	nc = x->nc;

		add_indirect(x, x->sg->sent[ps].first, x->sg->sent[ps].last, v,
		    v + len, tok_agr(x->w[v]), &m);
		/* "«Ситуация под контролем». Так прокомментировал X": a
		 * sentence wholly in marks is direct speech. */
		if (x->nc > nc && whole_quoted(x, x->sg->sent[ps].first,
		    x->sg->sent[ps].last))
			x->c[x->nc - 1].kind = QUOTE_DIRECT;
	}
	return stop > i ? stop - 1 : i;
}

/* Are tokens [s, e) one quote in marks, and a final stop after it? */
static int
whole_quoted(const struct ex *x, size_t s, size_t e)
{
	size_t	i;

	while (e > s && tok_sentpoint(x, e - 1))
		e--;
	if (e < s + 3 || !tok_open_quote(x, s) || !tok_close_quote(x, e - 1))
		return 0;
	for (i = s + 1; i + 1 < e; i++)
		if (tok_open_quote(x, i) || tok_close_quote(x, i))
			return 0;
	return 1;
}

/* A quote found before becomes what cue [cs, ce) reports, from m. */
static void
cand_recue(struct ex *x, struct cand *c, size_t cs, size_t ce,
    const struct mention *m)
{
	c->cs = cs;
	c->ce = ce;
	c->agr = tok_agr(x->w[cs]);
	c->m = *m;
	c->order = cs;
}

/*
 * "Компания пообещала снизить цены. Об этом рассказал её глава X": the
 * sentence before holds a speech act of a body or group (its content
 * right after the verb), and X is who reported it.  That quote becomes
 * X's, over the whole sentence, with the cue [cs, ce).  Returns 1 when
 * there was one.
 */
static int
prev_speech_act(struct ex *x, size_t si, size_t cs, size_t ce,
    const struct mention *m)
{
	size_t	s0 = x->sg->sent[si].first, s1 = x->sg->sent[si].last, k;

	for (k = 0; k < x->nc; k++) {
		struct cand	*c = &x->c[k];

		if (!c->is_quote || c->kind != QUOTE_INDIRECT ||
		    c->ts < s0 || c->te > s1 || c->ts != c->ce ||
		    (c->m.type != MEN_INST && c->m.type != MEN_GROUP) ||
		    c->m.s < s0 || c->m.e > c->cs)
			continue;
		memset(x->ind + c->m.s, 1, c->ts - c->m.s);
		c->ts = c->m.s;
		cand_recue(x, c, cs, ce, m);
		return 1;
	}
	return 0;
}

/* "Как пояснил X, C", "C, как сообщил X", "..., но как отметил X, C". */
/* Is token i a conjunction that starts a clause anew (но, а, однако,
 * и)? */
static int
contrast_word(const struct ex *x, size_t i)
{
	return tok_is(x, i, "но") || tok_is(x, i, "а") ||
	    tok_is(x, i, "однако") || tok_is(x, i, "и");
}

/*
 * The comma that ends what is said of a source named before the comma
 * at c: an apposition ("X, глава ассоциации пилотов, C"), a relative
 * clause or participle ("X, который возглавляет центр, C", "X,
 * представляющей фонд, C"), one after another.  Returns c when none.
 */
static size_t
appos_end(const struct ex *x, size_t c, size_t e)
{
	static const char *const obl[] = { "ой", "ом", "ем", "ам", "ям",
	    "ами", "ями", "у", "ю", NULL };
	static const char *const copula[] = { "был", "была", "было",
	    "были", "является", "являются", "являлся", "являлась", "стал",
	    "стала", "станет", "будет", "есть", NULL };
	size_t	j, k, at = c;

	while (at + 2 < e && tok_punct(x, at, ',')) {
		k = at + 1;
		while (k < e && k < at + 3 && tok_adjective(x, k) &&
		    !tok_has(x, k, TF_ROLE))
			k++;	/* "бывший глава" */
		if (!(k < e && (tok_has(x, k, TF_ROLE) ||
		    strncmp(x->w[at + 1], "котор", 10) == 0 ||
		    (tok_common(x, at + 1) && (tok_ends(x->w[at + 1], "щего") ||
		    tok_ends(x->w[at + 1], "щей") || tok_ends(x->w[at + 1],
		    "щий") || tok_ends(x->w[at + 1], "щая") ||
		    tok_ends(x->w[at + 1], "вшего") || tok_ends(x->w[at + 1],
		    "вшей") || tok_ends(x->w[at + 1], "вший"))))))
			break;
		/* "По версии обвинения, главой группы является X": a
		 * role in the instrumental or dative is a predicate's. */
		if (tok_has(x, k, TF_ROLE) && tok_ends_any(x->w[k], obl))
			break;
		for (j = k + 1; j < e && j < at + 25 && !tok_punct(x, j, ',') &&
		    !tok_sentbreak(x, j) && !tok_is(x, j, "что") &&
		    !tok_verb(x, j, e, NULL, NULL) && !tok_finite_past(x, j) &&
		    !str_in(x->w[j], copula) && !tok_has(x, j, TF_FIRST);
		    j++)
			;
		if (j >= e || !tok_punct(x, j, ',') ||
		    words_between(x, j, e) < 2)
			break;
		at = j;
	}
	return at;
}

/* An adverb of time between "как" and its verb: "Как позднее
 * сообщил X". */
static int
kak_adverb(const struct ex *x, size_t i)
{
	static const char *const adv[] = { "позднее", "позже", "ранее",
	    "уже", "затем", "потом", "впоследствии", "тогда", "вчера",
	    "сегодня", "накануне", "также", "недавно", NULL };

	return str_in(x->w[i], adv);
}

/*
 * "как V X, C" with the verb at v (i is "как"): the content after the
 * attribution.  At the start of a sentence, words after X up to the
 * comma are the attribution's ("Как сообщил X журналистам, C", "Как
 * сообщил X после разговора с Y, C").
 */
static size_t
cue_kak(struct ex *x, const struct sent *st, size_t i, size_t v, size_t len)
{
	struct mention	m;
	size_t		stop, j;
	enum agr	a;

	a = tok_agr(x->w[v]);
	if (!mention_after_past_media(x, v + len, st->s1, &m, &stop,
	    a == AGR_PL ? MNP_LOC : 0) || mention_media(x, &m))
		return v + len - 1;
	if (i == st->s0 && stop < st->s1 && !tok_punct(x, stop, ',')) {
		for (j = stop; j < st->s1 && j < stop + 8 &&
		    x->sg->t[j].type == SEG_WORD && !tok_verb(x, j, st->s1,
		    NULL, NULL) && !tok_is(x, j, "что"); j++)
			;
		if (j < st->s1 && tok_punct(x, j, ',') &&
		    words_between(x, j, st->s1) >= 3)
			stop = j;
	}
	if (i == st->s0 && stop < st->s1)
		stop = appos_end(x, stop, st->s1);
	/* At the start, or in the middle with the content after it. */
	if (i == st->s0 || (i == st->s0 + 1 &&
	    x->sg->t[st->s0].type == SEG_WORD) ||
	    (tok_punct(x, stop, ',') && words_between(x, stop,
	    content_end(x, stop, st->s1, 0)) >= 3 && (contrast_word(x, i - 1) ||
	    /* "..., но, как сказала X, C" */
	    (i >= st->s0 + 2 && tok_punct(x, i - 1, ',') &&
	    contrast_word(x, i - 2)))))
		add_indirect(x, stop, content_end(x, stop + 1, st->s1, 0),
		    i, v + len, a, &m);
	else if (tok_punct(x, stop, ',') && i > st->s0 &&
	    tok_punct(x, i - 1, ',') && words_between(x, stop, st->s1) >= 2)
		/* "Переговоры, как заявил Петров, продолжатся": framing
		 * in the middle reports the whole sentence. */
		add_indirect(x, st->s0, st->s1, i, v + len, a, &m);
	else
		add_indirect(x, st->s0, i, i, v + len, a, &m);
	return stop > i ? stop - 1 : i;
}

/*
 * A postposed attribution at the verb i: "C, заявил X." or mid-sentence
 * "A, заметил X, B".  Returns 1 with *ret set when it is one.
 */
static int
verb_postposed(struct ex *x, const struct sent *st, size_t i, size_t len,
    enum agr a, size_t *ret)
{
	struct mention	m;
	size_t		stop = i + len, ce, c = i;
	size_t		s0 = st->s0, s1 = st->s1;
	unsigned	cls = 0;

	memset(&m, 0, sizeof(m));
	/* "C, не без сарказма напоминает X", "C, с улыбкой заметил X":
	 * how it was said, before the verb. */
	if (c > s0 + 3 && x->sg->t[c - 1].type == SEG_WORD &&
	    (tok_is(x, c - 2, "с") || tok_is(x, c - 2, "со") ||
	    tok_is(x, c - 2, "без")))
		c -= tok_is(x, c - 3, "не") ? 3 : 2;
	if (c < i && !(tok_punct(x, c - 1, ',') || tok_dash(x, c - 1)))
		c = i;
	ce = c - 1;
	/* "прокомментировал отставку Петровых": an object in the
	 * accusative, not a subject after the verb. */
	if (i + len < s1 && x->sg->t[i + len].type == SEG_WORD &&
	    !(x->sg->t[i + len].flags & (SEG_CAP | SEG_ALLCAPS)) &&
	    (tok_ends(x->w[i + len], "у") || tok_ends(x->w[i + len], "ю")) &&
	    !tok_has(x, i + len, TF_ROLE) && !tok_has(x, i + len, TF_INST) &&
	    !tok_has(x, i + len, TF_GROUP) && !tok_prep(x, i + len) &&
	    !tok_has(x, i + len, TF_MEDIA) && !tok_stop(x, i + len))
		return 0;
	if (!(c > s0 && (tok_punct(x, c - 1, ',') || tok_dash(x, c - 1)) &&
	    !tok_gerund(x->w[i]) &&
	    /* "..., сообщили в акимате": a body where it speaks;
	     * "..., сообщил агентству X": a medium addressed */
	    mention_after_past_media(x, i + len, s1, &m, &stop,
	    mention_agr(a) |
	    (a == AGR_PL ? MNP_LOC : 0)) &&
	    (stop >= s1 || tok_sentbreak(x, stop) || tok_punct(x, stop, ',') ||
	    tok_punct(x, stop, '(') ||
	    /* "A, сообщил источник агентства:" and a quote after */
	    (tok_punct(x, stop, ':') && stop + 1 >= s1))))
		return 0;
	/* "Путин, со своей стороны, неоднократно критиковал Байдена":
	 * after words of manner only a subject in the nominative. */
	if (c < i && ((m.type == MEN_NAME && m.cas != SPEAKERS_NOM) ||
	    m.type == MEN_NONE || m.type == MEN_PRON))
		return 0;
	/* "A, утверждает X (a gloss), B": past the gloss. */
	if (stop < s1 && tok_punct(x, stop, '(')) {
		while (stop < s1 && !tok_punct(x, stop, ')'))
			stop++;
		if (stop < s1)
			stop++;
	}
	*ret = i;
	if (mention_media(x, &m))
		return 1;
	/* "C, приводит слова Климкина агентство", "C, цитирует Климкина
	 * X": the speaker is the object, in the genitive or accusative. */
	if (tok_verb(x, i, s1, NULL, &cls) && (cls & VC_RELAY))
		m.cas = tok_is(x, i + len, "слова") ? SPEAKERS_GEN :
		    SPEAKERS_ACC;
	if (tok_dash(x, ce) && ce > s0 && tok_punct(x, ce - 1, ','))
		ce--;
	if (stop < s1 && tok_punct(x, stop, ',') && stop + 1 < s1 &&
	    stop <= i + len + 4 && !tok_is(x, stop + 1, "что") &&
	    !tok_sentbreak(x, stop + 1) &&
	    strncmp(x->w[stop + 1], "котор", 10) != 0 &&
	    !tok_is(x, stop + 1, "где") && !tok_is(x, stop + 1, "когда") &&
	    !tok_verb(x, stop + 1, s1, NULL, NULL))
		add_indirect(x, s0, s1, i, i + len, a, &m);
	else if (stop + 1 < s1 && tok_punct(x, stop, ',') &&
	    (tok_is(x, stop + 1, "что") || tok_is(x, stop + 1, "чтобы")))
		add_indirect(x, stop + 2, content_end(x, stop + 2, s1, 0), i,
		    i + len, a, &m);
	else if (!reported_act(x, s0, ce, i, i + len, &m))
		add_indirect(x, s0, ce, i, i + len, a, &m);
	*ret = stop > i ? stop - 1 : i;
	return 1;
}

/*
 * "Вормут попросила Афины продолжить санкции, сообщил Камменос": the
 * content [s, e) before a postposed attribution opens with a speech act
 * of its own subject; the whole is what the reporter said, with the
 * cue [cs, ce) and source m.  Returns 1 when there was one.
 */
static int
reported_act(struct ex *x, size_t s, size_t e, size_t cs, size_t ce,
    const struct mention *m)
{
	size_t	k;

	if (m->type != MEN_NAME && m->type != MEN_ROLE)
		return 0;
	for (k = 0; k < x->nc; k++) {
		struct cand	*c = &x->c[k];

		if (!c->is_quote || c->kind != QUOTE_INDIRECT ||
		    c->m.type != MEN_NAME || c->m.s != s || c->cs <= s ||
		    c->cs >= e || c->ts < c->ce || c->te > e + 1)
			continue;
		memset(x->ind + s, 1, e - s);
		c->ts = s;
		c->te = e;
		cand_recue(x, c, cs, ce, m);
		return 1;
	}
	return 0;
}

/*
 * Is the subject of the verb at v an abstract noun opening its clause,
 * with at most a complement in the genitive between ("Отставка
 * министра говорит о ...", "Решение суда означает")?
 */
static int
abstract_subject(const struct ex *x, size_t s0, size_t v, enum agr a)
{
	size_t	c = v, k;

	while (c > s0 && !tok_punct(x, c - 1, ',') && !tok_dash(x, c - 1) &&
	    !tok_punct(x, c - 1, ':'))
		c--;
	if (c >= v || v - c > 5 || x->sg->t[c].type != SEG_WORD ||
	    !tok_common(x, c) || !tok_common_noun_shape(x->w[c]) ||
	    tok_adjective(x, c) ||
	    tok_has(x, c, TF_ROLE) || tok_has(x, c, TF_GROUP) ||
	    tok_has(x, c, TF_INST) || tok_has(x, c, TF_FIRST) ||
	    tok_oblique(x->w[c]))
		return 0;
	/* "Ученики заявили", "Медики считают": people in -ики with a
	 * plural verb, not a thing in -ика. */
	if (a == AGR_PL && tok_ends(x->w[c], "ики"))
		return 0;
	/* Only a complement after it: words in the genitive. */
	for (k = c + 1; k < v; k++)
		if (x->sg->t[k].type != SEG_WORD || !(tok_ends(x->w[k], "а") ||
		    tok_ends(x->w[k], "я") || tok_ends(x->w[k], "ы") ||
		    tok_ends(x->w[k], "и") || tok_ends(x->w[k], "ого") ||
		    tok_ends(x->w[k], "его") || tok_ends(x->w[k], "ов") ||
		    tok_ends(x->w[k], "ей")))
			return 0;
	return 1;
}

/*
 * Is what opens the clause of the plural verb i one person, named or
 * a pronoun in the accusative, and nothing else ("Ерлана Карина
 * назвали лучшим министром", "Её назвали")?  That is the object of a
 * verb without a subject: nobody named speaks.
 */
static int
fronted_object(const struct ex *x, const struct sent *st, size_t i)
{
	size_t	c = i, k;

	while (c > st->s0 && !tok_punct(x, c - 1, ',') &&
	    !tok_punct(x, c - 1, ':') && !tok_dash(x, c - 1) && i - c < 5)
		c--;
	if (c == i || !(c == st->s0 || tok_punct(x, c - 1, ',') ||
	    tok_punct(x, c - 1, ':') || tok_dash(x, c - 1)))
		return 0;
	if (c + 1 == i && (tok_is(x, c, "его") || tok_is(x, c, "ее") ||
	    tok_is(x, c, "их")))
		return 1;
	/* "Аким Астаны Жениса Касымбека поблагодарили": a role and its
	 * complement before the name. */
	if (i - c > 3 && tok_has(x, c, TF_ROLE) && i - c <= 7) {
		for (k = i; k > c + 1 && tok_name(x, k - 1); k--)
			;
		if (k < i && i - k <= 3)
			c = k;
	}
	if (i - c > 3)
		return 0;
	for (k = c; k < i; k++)
		if (!tok_name(x, k))
			return 0;
	/* In the accusative: a first name's oblique form, or a
	 * surname in -у/-ю, or in -а/-я after a first name ("Женщины
	 * предложили" is a subject). */
	return tok_oblique_first(x, c) != SPEAKERS_NOM ||
	    tok_ends(x->w[i - 1], "у") || tok_ends(x->w[i - 1], "ю") ||
	    (i - c >= 2 && (tok_ends(x->w[i - 1], "а") ||
	    tok_ends(x->w[i - 1], "я")));
}

/*
 * The subject of the verb i of agreement a, into m: before it, shared
 * with a coordinated verb, or after it.  *stop gets the first token
 * after the verb and a subject that follows it.  Returns 0 when the
 * verb's subject is a medium (then it is no quote).
 */
static int
verb_subject(struct ex *x, const struct sent *st, size_t i, size_t len,
    enum agr a, unsigned cls, struct mention *m, size_t *stop)
{
	/* A medium that names, calls on or accuses ("журнал Time назвал
	 * его", "ряд СМИ назвали указ") speaks itself; one that tells
	 * or thinks is the newsroom's source. */
	int	media_ok = (cls & VC_OBJECT) &&
		    !(cls & (VC_CLAUSE | VC_TOPIC | VC_MEDIA));

	size_t	s0 = st->s0, after = i + len, k;

	memset(m, 0, sizeof(*m));
	*stop = i + len;
	/* A gerund's subject is its clause's: that of the finite verb
	 * before it, else none named here. */
	if (tok_gerund(x->w[i]) && i > s0 && tok_punct(x, i - 1, ',')) {
		if (mention_subject_left(x, s0, i, m, AGR_NONE))
			return !(m->type != MEN_NONE && mention_media(x, m));
		memset(m, 0, sizeof(*m));
		m->type = MEN_NONE;
		return 1;
	}
	/* "Отставка министра говорит о кризисе": a thing speaks only
	 * figuratively. */
	if (abstract_subject(x, s0, i, a))
		return 0;
	if (mention_before(x, s0, i, m, a) ||
	    mention_subject_left(x, s0, i, m, a) ||
	    (tok_gerund(x->w[i]) &&
	    mention_subject_left(x, s0, i, m, AGR_NONE)))
		return !(m->type != MEN_NONE && mention_media(x, m) &&
		    !media_ok) && !quantified(x, m);
	/* "Журнал «Коммерсантъ» сообщил": a medium's noun and its name
	 * right before the verb, no mention of the lists. */
	if ((k = media_before(x, s0, i)) != (size_t)-1) {
		if (!media_ok)
			return 0;
		/* "Ряд СМИ назвали": the medium speaks. */
		memset(m, 0, sizeof(*m));
		m->type = MEN_INST;
		m->s = m->ns = k;
		m->e = m->ne = i;
		return 1;
	}
	/* A gerund shares the subject of its clause, never one after it:
	 * "..., обвиняя демократов в ...". */
	if (!(tok_gerund(x->w[i]) && i > s0)) {
		if (mention_after(x, i + len, st->s1, m, &after,
		    mention_agr(a)) &&
		    mention_media(x, m))
			return 0;	/* "отмечает издание «Лента.ру»" */
		if (m->type == MEN_NAME || m->type == MEN_PRON ||
		    m->type == MEN_INST || m->type == MEN_GROUP) {
			*stop = after;
			return 1;
		}
	}
	memset(m, 0, sizeof(*m));
	m->type = MEN_NONE;
	return 1;
}

/* Is mention m a noun after "каждый" or "любой" ("каждая партия
 * боится"): anyone of a kind, nobody who said anything? */
static int
quantified(const struct ex *x, const struct mention *m)
{
	static const char *const q[] = { "каждый", "каждая", "каждое",
	    "любой", "любая", "любое", NULL };

	return (m->type == MEN_ROLE || m->type == MEN_GROUP ||
	    m->type == MEN_INST) && m->ns > 0 &&
	    str_in(x->w[m->ns - 1], q);
}

/*
 * Do the words before the verb at v, back to s0, end in a medium: its
 * noun and the name after it ("Журнал «Коммерсантъ»", "газета The
 * Times", "издание Politico", "Ряд СМИ")?  Returns where it starts, or
 * (size_t)-1.
 */
static size_t
media_before(const struct ex *x, size_t s0, size_t v)
{
	size_t	k = v, o;

	/* A name in quotation marks, whatever its words. */
	if (k > s0 + 1 && tok_close_quote(x, k - 1)) {
		for (o = k - 2; o > s0 && k - o < 8 && !tok_open_quote(x, o);
		    o--)
			;
		if (tok_open_quote(x, o))
			k = o;
	}
	while (k > s0 && (tok_open_quote(x, k - 1) ||
	    tok_close_quote(x, k - 1) || (x->sg->t[k - 1].type == SEG_WORD &&
	    (x->sg->t[k - 1].flags & (SEG_CAP | SEG_ALLCAPS | SEG_LATIN)))) &&
	    v - k < 6)
		k--;
	if (k == v)
		return (size_t)-1;
	/* The name itself a medium's, or the medium's noun before it. */
	if (tok_media(x, k, v))
		return k;
	if (k > s0 && tok_media(x, k - 1, k) &&
	    x->sg->t[k - 1].type == SEG_WORD)
		return k - 1;
	return (size_t)-1;
}

/*
 * The content the verb i governs after stop, of classes cls: a
 * что-clause, a topic phrase's content, "о" and a topic, or an object.
 * Returns the last token consumed.
 */
static size_t
verb_complement(struct ex *x, const struct sent *st, size_t i, size_t len,
    unsigned cls, enum agr a, const struct mention *m, size_t stop)
{
	size_t	j, k, quoted, s1 = st->s1, s0 = st->s0;

	/* "ответила на слова Байдена о том, что C": C is Biden's. */
	for (j = stop; j < s1 && j < stop + 6 &&
	    x->sg->t[j].type == SEG_WORD; j++)
		if (cue_noun(x, st, j) != j)
			return i + len - 1;

	/* "О том, что C, Путин заявлял и в 2014 году": the topic
	 * fronted. */
	if ((cls & VC_TOPIC) && i > s0 + 5 && (tok_is(x, s0, "о") ||
	    tok_is(x, s0, "об")) && tok_is(x, s0 + 1, "том") &&
	    tok_punct(x, s0 + 2, ',') && tok_is(x, s0 + 3, "что")) {
		for (j = m->ne > m->ns && m->ns < i ? m->ns : i; j > s0 + 4 &&
		    !tok_punct(x, j - 1, ','); j--)
			;
		if (j > s0 + 5) {
			add_indirect(x, s0 + 4, j - 1, i, i + len, a, m);
			return i + len - 1;
		}
	}
	/* The что of this verb: not one past another cue ("считает X Y
	 * и выражает надежду, что"), nor inside a parenthesis after it
	 * ("заявила (и продолжает заявлять), что"). */
	j = stop;
	if (tok_punct(x, j, '(')) {
		for (k = j + 1; k < s1 && k < j + 12 && !tok_punct(x, k, ')');
		    k++)
			;
		if (k < s1 && tok_punct(x, k, ')'))
			stop = j = k + 1;
	}
	quoted = 0;	/* tokens of names in quotation marks, not counted */
	while (j < s1 && j < stop + 8 + quoted && !tok_is(x, j, "что") &&
	    !tok_is(x, j, "чтобы") && !tok_is(x, j, "будто") &&
	    !tok_sentbreak(x, j) && !tok_punct(x, j, ':') &&
	    !(cls & VC_PHRASE) &&
	    !(j > stop && tok_verb(x, j, s1, NULL, NULL))) {
		/* "рассказал в эфире радиостанции «Говорит Москва», что":
		 * a name in quotation marks holds no cue. */
		if (j > stop && tok_open_quote(x, j) &&
		    !tok_close_quote(x, j)) {
			for (k = j + 1; k < s1 && k < j + 8 &&
			    !tok_close_quote(x, k); k++)
				;
			if (k < s1 && tok_close_quote(x, k)) {
				quoted += k - j;
				j = k + 1;
				continue;
			}
		}
		j++;
	}
	if ((cls & VC_CLAUSE) && j < s1 && (tok_is(x, j, "что") ||
	    tok_is(x, j, "чтобы") || tok_is(x, j, "будто"))) {
		/* "объяснил тем, что C" */
		add_indirect(x, j + 1, content_end(x, j + 1, s1, 0), i, i + len,
		    a, m);
		return j;
	}
	if (stop + 1 < s1 && tok_is(x, stop, "так") &&
	    tok_punct(x, stop + 1, ':'))
		stop++;		/* "сказал так: C" */
	if (stop < s1 && tok_punct(x, stop, ':')) {
		/* "Эксперты уверены: санкции не помогут": a colon with
		 * no quotation marks after it gives the rest. */
		if (stop + 2 < s1 && !x->mask[stop + 1] &&
		    !tok_open_quote(x, stop + 1) && !tok_dash(x, stop + 1) &&
		    (m->type != MEN_NONE || a != AGR_NONE)) {
			add_indirect(x, stop + 1, content_end(x, stop + 1, s1,
			    0), i, i + len, a, m);
			return s1 - 1;
		}
		return i;	/* a colon quote, found above */
	}
	if (cls & VC_PHRASE) {
		j = stop;
		if (tok_punct(x, j, ','))
			j++;
		if (tok_is(x, j, "что") || tok_is(x, j, "о") ||
		    tok_is(x, j, "об"))
			j++;
		if (tok_is(x, j, "том") && tok_punct(x, j + 1, ',') &&
		    tok_is(x, j + 2, "что"))
			j += 3;
		/* "выразил надежду на то, что C": C. */
		if ((tok_is(x, j, "на") || tok_is(x, j, "в")) &&
		    (tok_is(x, j + 1, "то") || tok_is(x, j + 1, "том")) &&
		    tok_punct(x, j + 2, ',') && (tok_is(x, j + 3, "что") ||
		    tok_is(x, j + 3, "чтобы")))
			j += 4;
		add_indirect(x, j, content_end(x, j, s1, 1), i, i + len, a, m);
		return stop - 1;
	}
	/* "заявили и о подготовке", "заявил также о": a particle
	 * before the topic. */
	if ((cls & VC_TOPIC) && stop + 1 < s1 && (tok_is(x, stop, "и") ||
	    tok_is(x, stop, "также") || tok_is(x, stop, "тоже") ||
	    tok_is(x, stop, "вновь") || tok_is(x, stop, "снова")) &&
	    (tok_is(x, stop + 1, "о") || tok_is(x, stop + 1, "об") ||
	    tok_is(x, stop + 1, "обо")))
		stop++;
	/* "предупредил правительство о возможном ограничении": the
	 * addressee, then the topic. */
	if ((cls & VC_ADDR) && stop < s1 && x->sg->t[stop].type == SEG_WORD &&
	    !tok_prep(x, stop))
		for (j = stop + 1; j < s1 && j < stop + 6 &&
		    x->sg->t[j].type == SEG_WORD &&
		    !tok_verb(x, j, s1, NULL, NULL); j++)
			if (tok_is(x, j, "о") || tok_is(x, j, "об") ||
			    tok_is(x, j, "обо")) {
				stop = j;
				break;
			}
	/* "сообщил журналистам о планах", "рассказала корреспонденту о
	 * ходе": one word in the dative, the addressee, then the topic. */
	if ((cls & VC_TOPIC) && stop + 1 < s1 && tok_common(x, stop) &&
	    !tok_prep(x, stop) && !tok_stop(x, stop) &&
	    (tok_ends(x->w[stop], "ам") || tok_ends(x->w[stop], "ям") ||
	    tok_ends(x->w[stop], "у") || tok_ends(x->w[stop], "ю")) &&
	    (tok_is(x, stop + 1, "о") || tok_is(x, stop + 1, "об") ||
	    tok_is(x, stop + 1, "обо")))
		stop++;
	if ((cls & VC_TOPIC) && (tok_is(x, stop, "о") ||
	    tok_is(x, stop, "об") || tok_is(x, stop, "обо") ||
	    /* "рассказал про «план А»" */
	    (tok_is(x, stop, "про") && !tok_is(x, stop + 1, "себя")))) {
		j = stop + 1;
		/* "объявила о ее начале": only anaphoric. */
		if ((tok_is(x, j, "ее") || tok_is(x, j, "его") ||
		    tok_is(x, j, "их")) && j + 2 < s1 &&
		    !(x->sg->t[j + 2].type == SEG_WORD))
			return i;
		if (tok_is(x, j, "этом") || tok_is(x, j, "том")) {
			/* "X сообщил об этом журналистам": the sentence
			 * before, as "Об этом сообщил X". */
			if (tok_is(x, j, "этом") && !tok_punct(x, j + 1,
			    ',') && st->si > 0 && i > st->s0 &&
			    /* not "рассказал об этом": anaphoric */
			    (strncmp(x->w[i], "сообщ", 10) == 0 ||
			    strncmp(x->w[i], "заяв", 8) == 0) &&
			    m->type != MEN_NONE && m->type != MEN_SELF) {
				if (!prev_speech_act(x, st->si - 1, i, i + len,
				    m))
					add_indirect(x,
					    x->sg->sent[st->si - 1].first,
					    x->sg->sent[st->si - 1].last, i,
					    i + len, a, m);
				return j;
			}
			if (!(tok_punct(x, j + 1, ',') &&
			    tok_is(x, j + 2, "что")))
				return i;
			j += 3;
		}
		/* "рассказал о ходе подготовки: по его словам, C": a
		 * topic that only introduces what follows the colon is
		 * no record of its own. */
		for (k = j; k < s1 && !tok_punct(x, k, ':'); k++)
			if (x->mask[k])
				break;
		if (k + 1 < s1 && tok_punct(x, k, ':') && k - j <= 8)
			return k;
		add_indirect(x, j, content_end(x, j, s1, 1), i, i + len, a, m);
		return j - 1;
	}
	/* "считает решение ошибочным", "признал себя виновным": an
	 * object and its predicate in the instrumental. */
	if ((cls & VC_CLAUSE) && stop < s1 && (strncmp(x->w[i], "счита",
	    10) == 0 || strncmp(x->w[i], "посчита", 14) == 0 ||
	    strncmp(x->w[i], "сочл", 8) == 0 || tok_is(x, i, "счел") ||
	    tok_is(x, i, "счёл") || strncmp(x->w[i], "объяви", 12) == 0 ||
	    strncmp(x->w[i], "призна", 12) == 0) &&
	    x->sg->t[stop].type == SEG_WORD && !tok_prep(x, stop) &&
	    /* "признал себя виновным" is a plea, not a statement */
	    !(strncmp(x->w[i], "призна", 12) == 0 &&
	    tok_is(x, stop, "себя")) &&
	    predicate_follows(x, stop, s1) &&
	    (m->type == MEN_NAME || m->type == MEN_PRON ||
	    m->type == MEN_ROLE || m->type == MEN_INST ||
	    m->type == MEN_GROUP)) {
		add_indirect(x, stop, content_end(x, stop, s1, 1), i, i + len,
		    a, m);
		return stop - 1;
	}
	/* "отметил экономическую мощь Пекина". */
	if ((cls & VC_CLAUSE) && !(cls & VC_OBJECT) && stop < s1 &&
	    x->sg->t[stop].type == SEG_WORD &&
	    !(x->sg->t[stop].flags & SEG_CAP) && !tok_prep(x, stop) &&
	    !tok_stop(x, stop) && (tok_adjective(x, stop) ||
	    tok_is(x, stop + 1, "и")) &&
	    (a == AGR_M || a == AGR_F || a == AGR_PL) &&
	    (m->type == MEN_NAME || m->type == MEN_PRON ||
	    m->type == MEN_ROLE)) {
		add_indirect(x, stop, content_end(x, stop, s1, 1), i, i + len,
		    a, m);
		return stop - 1;
	}
	/* "осудили эти действия" is only anaphoric; "назвал это решение
	 * ошибкой" says something of it.  "(того же требовал и адвокат)":
	 * "и" opens no object. */
	if ((cls & VC_OBJECT) && stop < s1 &&
	    (x->sg->t[stop].type == SEG_WORD || quoted_object(x, stop, s1)) &&
	    !tok_is(x, stop, "и") &&
	    (!(tok_is(x, stop, "это") ||
	    tok_is(x, stop, "этот") || tok_is(x, stop, "эти") ||
	    tok_is(x, stop, "эту")) || named_as(x, stop + 1,
	    content_end(x, stop, s1, 1)))) {
		add_indirect(x, stop, content_end(x, stop, s1, 1), i, i + len,
		    a, m);
		return stop - 1;
	}
	return i;
}

/* Does a name in quotation marks open the object at token i before e,
 * words following it ("призвал «Газпром» оплатить долг")? */
static int
quoted_object(const struct ex *x, size_t i, size_t e)
{
	size_t	k;

	if (!tok_open_quote(x, i) || tok_close_quote(x, i) || i + 1 >= e ||
	    !(x->sg->t[i + 1].flags & (SEG_CAP | SEG_ALLCAPS)))
		return 0;
	for (k = i + 1; k < e && k < i + 6 && !tok_close_quote(x, k); k++)
		if (x->sg->t[k].type != SEG_WORD && !tok_punct(x, k, '-'))
			return 0;
	return k + 1 < e && tok_close_quote(x, k) &&
	    x->sg->t[k + 1].type == SEG_WORD;
}

/* Is there, in tokens [s, e), what a thing is called: a quotation
 * or a noun in the instrumental ("назвал это решение ошибкой")? */
static int
named_as(const struct ex *x, size_t s, size_t e)
{
	static const char *const ins[] = {
		"ой", "ей", "ом", "ем", "ами", "ями", NULL
	};
	size_t	i, k;

	for (i = s; i < e; i++) {
		if (tok_open_quote(x, i))
			return 1;
		if (i == s || x->sg->t[i].type != SEG_WORD)
			continue;
		for (k = 0; ins[k] != NULL; k++)
			if (tok_ends(x->w[i], ins[k]) && strlen(x->w[i]) > 6)
				return 1;
	}
	return 0;
}

/*
 * "О необходимости перемен неоднократно заявляли X и Y": the topic
 * opens the sentence, the subject follows the verb.  Returns 1 with *ret
 * the last token consumed when it is so.
 */
static int
verb_topic_first(struct ex *x, const struct sent *st, size_t i, size_t len,
    unsigned cls, enum agr a, size_t *ret)
{
	struct mention	m;
	size_t		s0 = st->s0, e, k, stop;

	if (!(cls & VC_TOPIC) || i < s0 + 3 || !(tok_is(x, s0, "о") ||
	    tok_is(x, s0, "об") || tok_is(x, s0, "обо")) ||
	    tok_is(x, s0 + 1, "том") || tok_is(x, s0 + 1, "этом"))
		return 0;
	for (k = s0 + 1; k < i; k++)
		if (x->sg->t[k].type != SEG_WORD || x->mask[k] ||
		    tok_verb(x, k, i, NULL, NULL))
			return 0;
	/* Adverbs before the verb are no part of the topic. */
	for (e = i; e > s0 + 2 && (tok_adverb(x, e - 1) ||
	    tok_stop(x, e - 1)); e--)
		;
	/* "О своих планах Лужков рассказал": the subject is before the
	 * verb, for cue_prev(). */
	if (((x->sg->t[e - 1].flags & (SEG_CAP | SEG_ALLCAPS)) &&
	    a != AGR_PL) || tok_pronoun(x, e - 1, &(enum gender){0}))
		return 0;
	if (!mention_after(x, i + len, st->s1, &m, &stop, mention_agr(a)) ||
	    m.type == MEN_PRON || mention_media(x, &m) ||
	    tok_ends(x->w[m.ns], "ам") || tok_ends(x->w[m.ns], "ям"))
		return 0;
	add_indirect(x, s0 + 1, e, i, i + len, a, &m);
	*ret = stop > i ? stop - 1 : i;
	return 1;
}

/* A speech verb at i: its subject and what it governs. */
static size_t
cue_verb(struct ex *x, const struct sent *st, size_t i)
{
	const struct lex_entry	*le;
	struct mention		 m;
	size_t			 len, k, stop, ret;
	unsigned		 cls;
	enum agr		 a;

	if (!tok_verb(x, i, st->s1, &len, &cls))
		return i;
	if (i > st->s0 && tok_is(x, i - 1, "не") && !(cls & VC_NEG))
		return i;
	/* "Говоря о ситуации, он подчеркнул, что": a gerund opening the
	 * sentence sets a topic; the cue is the verb after it. */
	if (i == st->s0 && tok_gerund(x->w[i]) && !tok_punct(x, i + len, ','))
		return i;
	/* "сообщило со ссылкой на X": X speaks, found at the phrase. */
	if ((le = lexicon_match(x->lx, LEX_PHRASES, x->w + i + len,
	    st->s1 - i - len, &k)) != NULL && strcmp(le->tag, "ref") == 0)
		return i;
	/* "Оптимизма им добавляет тот факт, что": a fact is the
	 * subject, nobody speaks. */
	if (tok_is(x, i + len, "тот") && tok_is(x, i + len + 1, "факт"))
		return i;
	a = tok_agr(x->w[i]);
	if (a == AGR_PL && (cls & VC_OBJECT) && fronted_object(x, st, i))
		return i;
	if (verb_topic_first(x, st, i, len, cls, a, &ret))
		return ret;
	if (verb_postposed(x, st, i, len, a, &ret))
		return ret;
	if (verb_inverted(x, st, i, len, a, &ret))
		return ret;
	if (!verb_subject(x, st, i, len, a, cls, &m, &stop))
		return i;
	return verb_complement(x, st, i, len, cls, a, &m, stop);
}

/*
 * Object, verb, subject: "Гибель командира также подтвердили украинские
 * источники."  A plural verb whose subject, a group, ends the sentence
 * after it, with no plural subject before it: the content is what comes
 * before the verb.
 */
static int
verb_inverted(struct ex *x, const struct sent *st, size_t i, size_t len,
    enum agr a, size_t *ret)
{
	struct mention	m;
	size_t		stop, e = i;

	if (a != AGR_PL || i < st->s0 + 2 || tok_punct(x, i - 1, ','))
		return 0;
	if (tok_prep(x, i + len) ||
	    !mention_after(x, i + len, st->s1, &m, &stop, 0) ||
	    (m.type != MEN_GROUP && m.type != MEN_INST &&
	    m.type != MEN_ROLE) || m.ns > i + len + 2 ||
	    /* In the nominative plural: not "поручили этому художнику". */
	    (tok_common(x, m.ns) && !tok_ends(x->w[m.ns], "ые") &&
	    !tok_ends(x->w[m.ns], "ие") && !tok_ends(x->w[m.ns], "ы") &&
	    !tok_ends(x->w[m.ns], "и")) ||
	    !(stop >= st->s1 || tok_sentbreak(x, stop)) || mention_media(x, &m))
		return 0;
	/* Nothing before the verb that could be its plural subject. */
	if (mention_before(x, st->s0, i, &(struct mention){ 0 }, a))
		return 0;
	while (e > st->s0 && tok_stop(x, e - 1) && !tok_is(x, e - 1, "и"))
		e--;	/* "также" */
	if (words_between(x, st->s0, e) < 2)
		return 0;
	add_indirect(x, st->s0, e, i, i + len, a, &m);
	*ret = stop > i ? stop - 1 : i;
	return 1;
}

/*
 * Indirect speech, sentence by sentence: looks for a cue at token i of
 * sentence si -- a framing phrase, a statement ("говорится в заявлении
 * X"), "Об этом V X", "как V X", a speech verb -- and records the quote
 * it introduces.  Returns the last token it consumed; the caller goes on
 * after it.
 */
static size_t
indirect_at(struct ex *x, size_t si, size_t i)
{
	const struct lex_entry	*le;
	struct sent		 st;
	size_t			 k, len;
	unsigned		 cls;

	if (x->mask[i] || x->sg->t[i].type != SEG_WORD)
		return i;
	st.si = si;
	st.s0 = x->sg->sent[si].first;
	st.s1 = x->sg->sent[si].last;
	le = lexicon_match(x->lx, LEX_PHRASES, x->w + i, st.s1 - i, &k);
	if (le != NULL) {
		if (strcmp(le->tag, "frame") == 0 ||
		    strcmp(le->tag, "framep") == 0 ||
		    strcmp(le->tag, "ref") == 0)
			return cue_frame(x, &st, i, le, k);
		if (strcmp(le->tag, "doc") == 0)
			return cue_doc(x, &st, i, k);
		if (strcmp(le->tag, "not") == 0)
			return i + k - 1;
		if (strcmp(le->tag, "docin") == 0 && cue_docin(x, &st, i, k,
		    &len))
			return len;
		if (strcmp(le->tag, "prev") == 0)
			return cue_prev(x, &st, i, k, 0);
		if (strcmp(le->tag, "prevc") == 0)
			return cue_prev(x, &st, i, k, 1);
	}
	if (tok_is(x, i, "как")) {
		if ((len = cue_kak_doc(x, &st, i)) != i)
			return len;
		k = i + 1;
		if (k + 1 < st.s1 && kak_adverb(x, k))
			k++;
		if (tok_verb(x, k, st.s1, &len, &cls) && !(cls & VC_PHRASE))
			return cue_kak(x, &st, i, k, len);
	}
	if ((len = cue_request(x, &st, i)) != i)
		return len;
	if ((len = cue_noun(x, &st, i)) != i)
		return len;
	return cue_verb(x, &st, i);
}

/*
 * "Канада обратилась к властям с требованием обеспечить безопасность":
 * a request as a noun with an infinitive, its source the subject of
 * the verb before it.  (A noun phrase after it, "с просьбой о
 * помиловании", reports no content.)  Returns the last token consumed,
 * or i.
 */
static size_t
cue_request(struct ex *x, const struct sent *st, size_t i)
{
	struct mention	m;
	size_t		v, stop;
	const char	*f;
	enum agr	a = AGR_NONE;

	if (!tok_is(x, i, "с") || i + 2 >= st->s1 ||
	    !(tok_is(x, i + 1, "просьбой") || tok_is(x, i + 1, "требованием") ||
	    tok_is(x, i + 1, "призывом") || tok_is(x, i + 1, "предложением")))
		return i;
	f = x->w[i + 2];
	if (x->sg->t[i + 2].type != SEG_WORD || !tok_common(x, i + 2) ||
	    strlen(f) < 6 || !(tok_ends(f, "ть") || tok_ends(f, "ти") ||
	    tok_ends(f, "чь") || tok_ends(f, "ться")))
		return i;
	/* The finite verb before it, in its clause. */
	for (v = i; v > st->s0 && i - v < 12; v--) {
		if (tok_punct(x, v - 1, ',') || tok_punct(x, v - 1, ':'))
			return i;
		if (tok_common(x, v - 1) && ((a = tok_agr(x->w[v - 1])) ==
		    AGR_M || a == AGR_F || a == AGR_N || a == AGR_PL) &&
		    (tok_finite_past(x, v - 1) || tok_ends(x->w[v - 1], "лся") ||
		    tok_ends(x->w[v - 1], "лась") ||
		    tok_ends(x->w[v - 1], "лись")))
			break;
	}
	if (v == st->s0 || i - v >= 12)
		return i;
	v--;
	if (!verb_subject(x, st, v, 1, a, 0, &m, &stop) ||
	    m.type == MEN_NONE)
		return i;
	add_indirect(x, i + 2, content_end(x, i + 2, st->s1, 1), i, i + 2, a,
	    &m);
	return i + 1;
}

/*
 * "на заявление Меркель о том, что C", "обвинения Киева в том, что C":
 * a speech noun, its source in the genitive (or "его" before it) and
 * its content.  Returns the last token consumed, or i.
 */
static size_t
cue_noun(struct ex *x, const struct sent *st, size_t i)
{
	static const char *const noun[] = {
		"заявлени", "слова", "словам", "словах", "утверждени",
		"обвинени", "высказывани", "признани", "предупреждени",
		"обещани", "требовани", "призыв", "намек", "намёк", NULL
	};
	static const char first[] = "зсуовптн";	/* their first letters */
	struct mention	m;
	size_t		k, j, c = 0, e;
	const char	*w = x->w[i];

	/* Most tokens are none: a look at the first letter first. */
	if (x->sg->t[i].type != SEG_WORD || strlen(w) < 8)
		return i;
	for (k = 0; first[k] != '\0' && memcmp(w, first + k, 2) != 0; k += 2)
		;
	if (first[k] == '\0')
		return i;
	for (k = 0; noun[k] != NULL; k++)
		if (memcmp(w, noun[k], 4) == 0 &&
		    strncmp(w, noun[k], strlen(noun[k])) == 0)
			break;
	if (noun[k] == NULL)
		return i;
	/* "В (официальном) заявлении X отмечается, что": cue_docin()'s. */
	for (j = i; j > st->s0 && j + 3 > i && tok_adjective(x, j - 1); j--)
		;
	if (j > st->s0 && (tok_is(x, j - 1, "в") || tok_is(x, j - 1, "во")))
		return i;
	/* The content: "о том, что" or "в том, что" or ", что" a few
	 * words on. */
	for (j = i + 1; j < st->s1 && j < i + 8; j++) {
		if ((tok_is(x, j, "о") || tok_is(x, j, "в")) &&
		    tok_is(x, j + 1, "том") && tok_punct(x, j + 2, ',') &&
		    tok_is(x, j + 3, "что")) {
			c = j + 4;
			break;
		}
		/* ", что" right after the source, which is a name, a
		 * body or a role: "заявление Путина, что C". */
		if (tok_punct(x, j, ',') && tok_is(x, j + 1, "что")) {
			for (k = i + 1; k < j; k++)
				if (!(x->sg->t[k].flags & (SEG_CAP |
				    SEG_ALLCAPS)) && !tok_has(x, k, TF_ROLE) &&
				    !tok_has(x, k, TF_INST) &&
				    !tok_has(x, k, TF_GROUP))
					return i;
			c = j + 2;
			break;
		}
		if (x->sg->t[j].type != SEG_WORD ||
		    tok_verb(x, j, st->s1, NULL, NULL))
			return i;
	}
	if (j >= st->s1 || j >= i + 8 || c + 2 >= st->s1)
		return i;
	memset(&m, 0, sizeof(m));
	if (j == i + 1 && i > st->s0 && (tok_is(x, i - 1, "его") ||
	    tok_is(x, i - 1, "ее") || tok_is(x, i - 1, "её") ||
	    tok_is(x, i - 1, "их"))) {
		m.type = MEN_PRON;
		m.s = m.ns = i - 1;
		m.e = m.ne = i;
	} else if (j == i + 1 || !mention_np(x, i + 1, j, &m,
	    MNP_LEFT | MNP_OBL) || m.type == MEN_PRON || m.ns != i + 1 ||
	    mention_media(x, &m))
		return i;
	else
		m.cas = SPEAKERS_GEN;
	/* "Его заявление о том, что C, удивило всех": C ends before the
	 * verb of the sentence. */
	e = content_end(x, c, st->s1, 0);
	for (j = c + 1; j + 1 < e; j++)
		if (tok_punct(x, j, ',') && x->sg->t[j + 1].type == SEG_WORD &&
		    !(x->sg->t[j + 1].flags & SEG_CAP) &&
		    tok_agr(x->w[j + 1]) != AGR_NONE) {
			e = j;
			break;
		}
	add_indirect(x, c, e, i, i + 1, AGR_NONE, &m);
	return c - 1;
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
