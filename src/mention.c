/*
 * mention.c: the source a cue names.  Reads the noun phrase before a
 * verb (its subject), after it (postposed: "заявил Булекпаев"), or a
 * framing phrase's object, as a person's name, a pronoun, a role, a
 * group or an institution.  No I/O.
 */
#include "config.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <unistr.h>

#include "extract.h"
#include "quotemark.h"
#include "lexicon.h"
#include "segment.h"
#include "speakers.h"
#include "util.h"

static size_t	 skip_inserted(const struct ex *, size_t, size_t);
static int	 one_of(const struct ex *, size_t);
static int	 mention_acting(const struct ex *, size_t);
static int	 adjective_oblique(const char *);
static int	 noun_subject(const struct ex *, size_t, size_t, enum agr,
		    struct mention *, int);
static int	 enum_link(const struct ex *, size_t, size_t);
static int	 conjoined_names(struct ex *, size_t, size_t, struct mention *);
static int	 capital_compound(const struct ex *, size_t);
static int	 addressee(const struct ex *, size_t);
static int	 medium_dative(const struct ex *, size_t);
static size_t	 medium_name_end(const struct ex *, size_t, size_t);
static int	 nominative_surname(const struct ex *, size_t);
static int	 name_in_phrase(const struct ex *, size_t, size_t);
static size_t	 loc_complement(const struct ex *, size_t, size_t);
static size_t	 mention_np_end(const struct ex *, size_t, size_t);
static int	 np_has_noun(const struct ex *, size_t, size_t);
static int	 body_before(const struct ex *, size_t, size_t);
static int	 quoted_body(const struct ex *, size_t, size_t,
		    struct mention *);
static int	 clause_gerund(const struct ex *, size_t, size_t);
static int	 participial(const struct ex *, size_t, size_t);
static int	 said_in(const struct ex *, size_t, size_t);
static int	 subject_before(struct ex *, size_t, size_t, struct mention *,
		    enum agr);
static int	 role_before(const struct ex *, size_t, size_t);
static int	 office_noun(const struct ex *, size_t);
static int	 role_oblique(const struct ex *, size_t, int);
static int	 role_genitive_before(const struct ex *, size_t);
static int	 parenthetical(const struct ex *, size_t, size_t);
static int	 words_to(const struct ex *, size_t, size_t);
static int	 latin_body(const struct ex *, size_t, size_t);
static int	 name_ok(const struct ex *, size_t, size_t, int);

/* Is token i a noun of an unnamed source ("источник", "собеседник"),
 * whose medium in the genitive is no speaker ("источник «Ведомостей»")? */
static int
source_of(const struct ex *x, size_t i)
{
	const struct lex_entry	*le;

	return (le = lexicon_word(x->lx, LEX_ROLES, x->w[i])) != NULL &&
	    (strcmp(le->tag, "literal") == 0 || strcmp(le->tag, "back") == 0);
}

/* Is the source of a mention a medium (передает BAQ.KZ, сообщает
 * агентство Reuters)?  Looks at the head and the word before a name. */
int
mention_media(const struct ex *x, const struct mention *m)
{
	size_t	s = m->ns;
	size_t	e = m->ne;

	if (m->ne <= m->ns)
		return tok_media(x, m->s, m->e);
	/* "Huffington Post", "Long War Journal": a Latin name whose last
	 * word, a medium's, the name run left out. */
	if ((x->sg->t[m->ns].flags & SEG_LATIN) && m->ne < x->sg->n &&
	    (x->sg->t[m->ne].flags & SEG_LATIN) &&
	    tok_media(x, m->ne, m->ne + 1))
		return 1;
	/* A medium named last, right before the verb: "Отставку главы
	 * ГРУ «Коммерсантъ» объяснил" (its subject after an object). */
	while (e > m->ns && x->sg->t[e - 1].type == SEG_PUNCT)
		e--;
	if (e > m->ns + 1 && tok_media(x, e - 1, e) &&
	    (x->sg->t[e - 1].flags & (SEG_CAP | SEG_LATIN)) &&
	    tok_open_quote(x, e - 2) && !tok_prep(x, e - 3) &&
	    !source_of(x, e - 3))
		return 1;
	/* A Latin name stands for a body, and "телеканал Ifeng" is a
	 * medium. */
	if (m->type != MEN_NAME && !(m->type == MEN_INST &&
	    (x->sg->t[s].flags & SEG_LATIN)))
		return tok_media(x, s, s + 1);	/* the head noun */
	/* "агентству Иван Петров": a person's full name after the noun
	 * of a medium is the person, not the medium's name. */
	if (m->type == MEN_NAME && m->ne >= s + 2 && tok_has(x, s, TF_FIRST))
		return tok_media(x, s, m->ne);
	if (s > m->s)
		s--;
	return tok_media(x, s, m->ne);
}

/*
 * The run of name words that ends at token last (inclusive), not before
 * token lo: up to a first name, an initial and a patronymic before the
 * surname.  Returns the first token; *n gets the number of tokens, 0 if
 * token last is no name.
 */
size_t
mention_name_run(const struct ex *x, size_t lo, size_t last, size_t *n)
{
	size_t	s = last, words = 1;

	*n = 0;
	if (!tok_name(x, last))
		return last;
	/* A name never runs over a paragraph's start (a title without
	 * a period above: "Иван Котов" / "Митинг 12 марта"). */
	while (s > lo && words < 4 && !(x->sg->t[s].flags & SEG_PARA)) {
		/* A particle between two names: "Мухаммед бин Салман",
		 * "Урсула фон дер Ляйен", "Шарль де Голль". */
		if (s >= lo + 2 && mention_particle(x, s - 1)) {
			size_t	p = s - 1;

			while (p > lo && mention_particle(x, p - 1))
				p--;
			if (p > lo && tok_name(x, p - 1)) {
				s = p;
				continue;
			}
			break;
		}
		if (words == 3 && !(s > lo && tok_has(x, s - 1, TF_FIRST)))
			break;	/* a fourth word: a known first name only */
		/* An initial: "Е." or "Е.Булекпаев". */
		if (s >= lo + 2 && tok_punct(x, s - 1, '.') &&
		    x->sg->t[s - 2].type == SEG_WORD &&
		    (x->sg->t[s - 2].flags & SEG_CAP) &&
		    x->w[s - 2][0] != '\0' &&
		    x->sg->t[s - 2].end - x->sg->t[s - 2].start <= 2) {
			s -= 2;
			words++;
			continue;
		}
		if (tok_name(x, s - 1) &&
		    ((x->sg->t[s - 1].flags & SEG_LATIN) ==
		    (x->sg->t[last].flags & SEG_LATIN))) {
			const char	*f = x->w[s - 1];

			/* A third word: a patronymic in the middle, three
			 * short words (Пан Ги Мун), or a known first name
			 * and two more (Мухаммед Афзал Кадри). */
			if (words == 2 && !speakers_is_patronymic(x->w[s]) &&
			    !(strlen(f) <= 6 && strlen(x->w[s]) <= 6 &&
			    strlen(x->w[last]) <= 6) &&
			    lexicon_word(x->lx, LEX_FIRSTNAMES, f) == NULL)
				break;
			if (words == 1 && !speakers_is_patronymic(f) &&
			    lexicon_word(x->lx, LEX_FIRSTNAMES, f) == NULL) {
				size_t	l = strlen(f);

				/* A genitive place before a surname
				 * (Польши Чапутович) is no first name. */
				if (l > 4 && (tok_ends(f, "ии") ||
				    tok_ends(f, "ы") || tok_ends(f, "ой") ||
				    tok_ends(f, "ом")) &&
				    tok_oblique_first(x, s - 1) == SPEAKERS_NOM)
					break;
			}
			s--;
			words++;
			continue;
		}
		break;
	}
	/* A name right after a preposition is a place or an object. */
	if (s > lo && tok_prep(x, s - 1) && s == last)
		return last;
	*n = last - s + 1;
	return s;
}

/*
 * Is the name run of n tokens at first all a place of places.txt in an
 * oblique case (Канады, Соединенных Штатов)?  Not in the nominative
 * ("Канада обратилась" may be its government).
 */
int
mention_place(const struct ex *x, size_t first, size_t n)
{
	const struct lex_entry	*le;
	size_t			 k, i, off = 0, l;

	if (n == 0 || (le = lexicon_match(x->lx, LEX_PLACES, x->w + first, n,
	    &k)) == NULL || k != n)
		return 0;
	/* "Канада обратилась": the nominative may be its government. */
	for (i = 0; i < n; i++) {
		l = strlen(x->w[first + i]);
		if (strncmp(le->tag + off, x->w[first + i], l) != 0 ||
		    (le->tag[off + l] != ' ' && le->tag[off + l] != '\0'))
			return 1;
		off += l + (le->tag[off + l] == ' ');
	}
	return 0;
}

/*
 * May the name run of n tokens at first be a speaker?  Not a title in
 * quotation marks, not the object of a preposition, and not a form that
 * is plainly oblique (Бориса Джонсона, Великобритании).
 */
static int
name_ok(const struct ex *x, size_t first, size_t n, int oblique)
{
	/* "со ссылкой на Анну Ким": the preposition of the frame. */
	if (oblique && first >= 2 && tok_is(x, first - 1, "на") &&
	    tok_is(x, first - 2, "ссылкой"))
		return 1;
	if (first > 0 && (tok_prep(x, first - 1) ||
	    tok_open_quote(x, first - 1)))
		return 0;
	/* "из Венесуэлы и Никарагуа": the second object of a preposition. */
	if (first >= 3 && (tok_is(x, first - 1, "и") ||
	    tok_is(x, first - 1, "или"))) {
		size_t	k;

		for (k = first - 1; k > 0 && x->sg->t[k - 1].type == SEG_WORD &&
		    !tok_common(x, k - 1); k--)
			;
		if (k < first - 1 && k > 0 && tok_prep(x, k - 1))
			return 0;
	}
	if (oblique)
		return 1;
	/* "директор Института США и Канады говорит", "Северная
	 * Каролина": a place is no person. */
	if (mention_place(x, first, n))
		return 0;
	/* "аким Алматы заявил": a place after a role noun, in any case,
	 * is the role's. */
	if (first > 0 && tok_has(x, first - 1, TF_ROLE)) {
		size_t	k;

		if (lexicon_match(x->lx, LEX_PLACES, x->w + first, n, &k) !=
		    NULL && k == n)
			return 0;
	}
	/* "Газпром заявил": no instrumental is the subject of a verb
	 * that agrees with it ("Айгерим", "Касым" are first names). */
	if (tok_oblique(x->w[first + n - 1]) &&
	    !tok_has(x, first + n - 1, TF_FIRST) &&
	    !(tok_ends(x->w[first + n - 1], "ом") && first + n < x->sg->n &&
	    tok_agr(x->w[first + n]) == AGR_M &&
	    tok_verb(x, first + n, x->sg->n, NULL, NULL) &&
	    /* "Скандалом назвал то, что": what is named, before a
	     * verb of naming */
	    strncmp(x->w[first + n], "назва", 10) != 0 &&
	    strncmp(x->w[first + n], "называ", 12) != 0))
		return 0;
	if (n == 1) {
		enum gender	 g = GENDER_UNKNOWN;
		const char	*w1[1];
		char		*nom, *f = NULL;
		int		 obl;

		/* "Владимира" alone is a first name in the genitive. */
		if (tok_has(x, first, TF_FIRST))
			return 1;
		w1[0] = x->w[first];
		nom = speakers_normalize(x->lx, w1, 1, SPEAKERS_GEN, &g);
		segment_fold_string(nom, strlen(nom), &f);
		obl = strcmp(f, x->w[first]) != 0 &&
		    lexicon_word(x->lx, LEX_FIRSTNAMES, f) != NULL;
		free(f);
		free(nom);
		return !obl;
	}
	if (!tok_has(x, first, TF_FIRST) &&
	    x->sg->t[first].end - x->sg->t[first].start > 2) {
		enum gender	 g = GENDER_UNKNOWN;
		const char	*w1[1];
		char		*nom, *f = NULL;
		int		 obl;

		w1[0] = x->w[first];
		nom = speakers_normalize(x->lx, w1, 1, SPEAKERS_GEN, &g);
		segment_fold_string(nom, strlen(nom), &f);
		obl = lexicon_word(x->lx, LEX_FIRSTNAMES, f) != NULL;
		free(f);
		free(nom);
		if (obl)
			return 0;
	}
	return 1;
}

/*
 * Does the name at token first stand inside a prepositional phrase
 * ("в интервью газете X", "в беседе с корреспондентом X": a preposition
 * and lower-case words, the last no word of time), with a name in the
 * nominative before the preposition, not before s?  A first name makes
 * it a subject after all ("комиссар Евросоюза по бюджету Гюнтер
 * Эттингер").
 */
static int
name_in_phrase(const struct ex *x, size_t s, size_t first)
{
	size_t	p, n;

	/* "РИА Новости": the whole run of capitalised words. */
	while (first > s && !tok_common(x, first - 1) &&
	    x->sg->t[first - 1].type == SEG_WORD)
		first--;
	if (first <= s + 2 || !tok_common(x, first - 1) ||
	    tok_time(x, first - 1) || tok_prep(x, first - 1) ||
	    tok_has(x, first, TF_FIRST))
		return 0;
	for (p = first - 1; p > s && first - p <= 3; p--)
		if (tok_prep(x, p - 1))
			break;
	if (p <= s || first - p > 3 || !tok_prep(x, p - 1))
		return 0;
	for (p = p - 1; p > s; p--) {
		if (!tok_name(x, p - 1))
			continue;
		p = mention_name_run(x, s, p - 1, &n);
		return n > 0 && mention_name_case(x, p) == SPEAKERS_NOM;
	}
	return 0;
}

/*
 * Is token i a masculine surname with the suffix of a Russian or
 * Kazakh one and no case ending (Аймагамбетов, Ильин, Мусин,
 * Вишневский)?
 */
static int
nominative_surname(const struct ex *x, size_t i)
{
	const char	*f = x->w[i];

	if (!(x->sg->t[i].flags & SEG_CAP) || (x->sg->t[i].flags &
	    (SEG_ALLCAPS | SEG_LATIN)) || strlen(f) < 10)
		return 0;
	return tok_ends(f, "ов") || tok_ends(f, "ев") ||
	    tok_ends(f, "ин") || tok_ends(f, "ын") ||
	    tok_ends(f, "ский") || tok_ends(f, "цкий");
}

/*
 * The complement in the genitive that follows an institution's noun at
 * token s, not past e ("в министерстве энергетики", "в пресс-службе
 * акимата области"): returns where it ends (s: none).  It stops at a
 * preposition, punctuation, a capitalised word after a lower-case one
 * ("В министерстве Иван Котов заявил") and an adverb.
 */
static size_t
loc_complement(const struct ex *x, size_t s, size_t e)
{
	size_t	i, end = s;
	enum gender g;

	e = mention_np_end(x, s > 0 ? s - 1 : s, e);
	for (i = s; i < e; i++) {
		if (x->sg->t[i].type != SEG_WORD || tok_prep(x, i) ||
		    tok_pronoun(x, i, &g) || tok_time(x, i) ||
		    tok_adverb(x, i))
			break;
		if (tok_is(x, i, "и")) {
			if (i == s)
				break;
			continue;
		}
		/* "В полиции РИА Новости отказались": a medium is
		 * addressed, no part of the body. */
		if (tok_has(x, i, TF_MEDIA))
			break;
		/* "премьер-министра Айгерим Нурбек": the name of a role's
		 * person, whatever its words' endings. */
		if (i > s && end == i && tok_has(x, i - 1, TF_ROLE) &&
		    tok_common(x, i - 1) && tok_name(x, i) &&
		    tok_name(x, i + 1) && i + 1 < e) {
			end = i + 2;
			i++;
			continue;
		}
		/* "В МИД Казахстана министра раскритиковали": a role
		 * after the complement is the object. */
		if (i > s && tok_has(x, i, TF_ROLE))
			break;
		/* (Stop words hold places too: "МИД Казахстана".) */
		if ((tok_stop(x, i) && tok_common(x, i)) ||
		    tok_has(x, i, TF_FIRST) || (x->sg->t[i].flags & SEG_PARA))
			break;
		/* A word in the genitive: -а/-я/-ы/-и/-ов/-ей/-ого/-ой, or
		 * an abbreviation. */
		if (!(x->sg->t[i].flags & SEG_ALLCAPS) &&
		    !tok_ends(x->w[i], "а") && !tok_ends(x->w[i], "я") &&
		    !tok_ends(x->w[i], "ы") && !tok_ends(x->w[i], "и") &&
		    !tok_ends(x->w[i], "ов") && !tok_ends(x->w[i], "ев") &&
		    !tok_ends(x->w[i], "ей") && !tok_ends(x->w[i], "ого") &&
		    !tok_ends(x->w[i], "его") && !tok_ends(x->w[i], "ой") &&
		    !tok_ends(x->w[i], "ых") && !tok_ends(x->w[i], "их"))
			break;
		end = i + 1;
	}
	return end;
}

/*
 * Where the noun phrase of a group, body or role whose head is token h
 * ends, not past e: before an adverb that follows it ("США
 * неоднократно", "Киев категорически").
 */
static size_t
mention_np_end(const struct ex *x, size_t h, size_t e)
{
	static const char *const adv[] = {
		"ранее", "вчера", "сегодня", "также", "тоже", "неоднократно",
		"категорически", "официально", "публично", "открыто", "прямо",
		"резко", "вновь", "снова", "тогда", "затем", "впервые",
		"повторно", "уже", "еще", "ещё", "давно", "недавно", "всегда",
		"накануне", "позже", "позднее", "теперь", "сейчас", "якобы",
		NULL
	};
	size_t	i;

	for (i = h + 1; i < e; i++) {
		/* "Один из ректоров «не для записи» заявил" */
		if (tok_open_quote(x, i) && i + 1 < e &&
		    !(x->sg->t[i + 1].flags & (SEG_CAP | SEG_ALLCAPS)))
			return i;
		if (x->sg->t[i].type != SEG_WORD ||
		    (x->sg->t[i].flags & SEG_CAP))
			continue;
		if (str_in(x->w[i], adv))
			return i;
		if (strncmp(x->w[i], "по-", 5) == 0)
			return i;	/* по-разному, по-прежнему */
		/* "министерство в своём заявлении": what the body says
		 * in, not the body. */
		if (tok_prep(x, i) && i + 1 < e &&
		    strncmp(x->w[i + 1], "сво", 6) == 0)
			return i;
		/* "Россия в сентябре 2015 года": a time is no part. */
		if ((tok_is(x, i, "в") || tok_is(x, i, "во")) && i + 1 < e &&
		    (tok_time(x, i + 1) ||
		    (x->sg->t[i + 1].flags & SEG_DIGIT)))
			return i;
		/* "МЧС от 5", "глава комитета в совместном заявлении",
		 * "профсоюз на пресс-конференции": a number, or where
		 * and how it was said. */
		if (tok_prep(x, i) && i + 1 < e &&
		    ((x->sg->t[i + 1].flags & SEG_DIGIT) ||
		    said_in(x, i + 1, e) || tok_is(x, i + 1, "главе")))
			return i;	/* and "во главе с X" */
	}
	return e;
}

/* Do the words at i (an adjective, then a noun) say where or how
 * something was said: "совместном заявлении", "Twitter", "ходе",
 * "условиях анонимности"? */
static int
said_in(const struct ex *x, size_t i, size_t e)
{
	static const char *const noun[] = {
		"заявлении", "резолюции", "отчете", "докладе", "интервью",
		"эфире", "брифинге", "пресс-конференции", "обращении",
		"письме", "послании", "сообщении", "блоге", "микроблоге",
		"соцсети", "соцсетях", "твиттере", "твиттер", "twitter",
		"facebook", "instagram", "telegram", "телеграм-канале",
		"telegram-канале", "ходе", "течение", "условиях",
		"пресс-релизе", "комментарии", "ответ", NULL
	};
	size_t	j;

	for (j = i; j < e && j < i + 2; j++) {
		if (x->sg->t[j].type != SEG_WORD)
			return 0;
		if (str_in(x->w[j], noun))
			return 1;
		if (!tok_adjective(x, j))
			return 0;
	}
	return 0;
}

/* Is there a common noun of a body in [s, first), and no role noun
 * after it, before the name at first? */
static int
body_before(const struct ex *x, size_t s, size_t first)
{
	size_t	i;
	int	body = 0, role = 0;

	for (i = s; i < first; i++) {
		if (tok_punct(x, i, ','))
			body = role = 0;
		else if (tok_has(x, i, TF_ROLE))
			body = 0, role = 1;
		/* "уполномоченный кабмина ФРГ ... Дирк Визе": a body
		 * after a role is the role's, and the name its holder. */
		else if (tok_has(x, i, TF_INST) && tok_common(x, i) && !role)
			body = 1;
	}
	return body;
}

/* Is there a group, body or role noun in tokens [s, e)?  Then "его"
 * before it is an object or a possessive, not the subject:
 * "прибывшие поддержать его украинцы ответили". */
static int
np_has_noun(const struct ex *x, size_t s, size_t e)
{
	for (; s < e; s++)
		if (tok_has(x, s, TF_GROUP) || tok_has(x, s, TF_ROLE) ||
		    tok_has(x, s, TF_INST))
			return 1;
	return 0;
}

/*
 * Reads the noun phrase in tokens [s, e) as a mention: a person's name
 * (the rightmost name run, or the leftmost with MNP_LEFT), else a
 * pronoun, a group, an institution or a role.  With MNP_LOC, "в Кремле"
 * counts as the institution.  Returns 0 when nothing in it can be a
 * source.
 */
int
mention_np(struct ex *x, size_t s, size_t e, struct mention *m,
    int flags)
{
	size_t	i, n, first, k;
	enum gender g;
	int	allow_loc = flags & MNP_LOC;
	const struct lex_entry *le = NULL;
	struct mention loc;

	memset(m, 0, sizeof(m[0]));
	memset(&loc, 0, sizeof(loc));
	/* "по заявлениям самого футболиста": "сам" is no part of it. */
	while (s < e && (tok_is(x, s, "самого") || tok_is(x, s, "самой") ||
	    tok_is(x, s, "самих") || tok_is(x, s, "сам") ||
	    tok_is(x, s, "сама") || tok_is(x, s, "сами")))
		s++;
	if (s >= e)
		return 0;
	m->s = s;
	m->e = e;
	/* "... Саджиду Джавиду он написал": a pronoun right before the
	 * verb is the subject, whatever names stand before it. */
	if (!(flags & MNP_LEFT) && tok_pronoun(x, e - 1, &g)) {
		m->type = MEN_PRON;
		m->ns = e - 1;
		m->ne = e;
		return 1;
	}
	for (k = 0; k < e - s && !(flags & MNP_NONAME); k++) {
		size_t	last;

		if (flags & MNP_LEFT) {
			i = s + k;
			if (!tok_name(x, i))
				continue;
			last = i;
			for (;;) {
				size_t	p = last + 1;

				/* "Урсула фон дер Ляйен" */
				while (p < e && p < last + 3 &&
				    mention_particle(x, p))
					p++;
				if (p > last + 1 && p < e && tok_name(x, p)) {
					last = p;
					continue;
				}
				if (!(last + 1 < e && last < i + 3 &&
				    (tok_name(x, last + 1) ||
				    (tok_punct(x, last + 1, '.') &&
				    last + 2 < e && tok_name(x, last + 2)))))
					break;
				last += tok_punct(x, last + 1, '.') ? 2 : 1;
			}
		} else
			last = e - 1 - k;
		first = mention_name_run(x, s, last, &n);
		if ((flags & MNP_LEFT) && n > 0) {
			size_t	j;

			/* "сказал президент на заседании Госсовета": a
			 * name inside a prepositional phrase is no
			 * subject. */
			for (j = first; j > s; j--)
				if (tok_prep(x, j - 1) ||
				    tok_has(x, j - 1, TF_ROLE) ||
				    tok_punct(x, j - 1, ','))
					break;	/* ", 62-летний Хоакин Ортис" */
			/* A first name in the nominative makes it a
			 * subject after all ("в четверг Владимир Путин"),
			 * so does a surname with no case ending ("в среду
			 * Досаев"). */
			if (j > s && tok_prep(x, j - 1) &&
			    !(n >= 2 && tok_has(x, first, TF_FIRST)) &&
			    !(j < first && nominative_surname(x, last)))
				continue;
		}
		/* "Анна Ким в интервью газете Aftenposten заявила": a
		 * name inside a phrase after the subject is no subject
		 * when a name stands before that phrase. */
		if (n > 0 && !(flags & MNP_LEFT) && name_in_phrase(x, s, first))
			continue;
		/* "президент Эквадора", "пресс-секретарь Трампа": one
		 * word in the genitive after a role is no name. */
		if (n == 1 && first > s && !(flags & MNP_OBL) &&
		    tok_common(x, first - 1) &&
		    (tok_has(x, first - 1, TF_ROLE) ||
		    tok_has(x, first - 1, TF_INST)) &&
		    (tok_ends(x->w[first], "а") || tok_ends(x->w[first], "я") ||
		    tok_kin(x->w[first - 1]) || (capital_compound(x, first) &&
		    !tok_has(x, first, TF_FIRST))))
			continue;	/* "муж Биби" is the husband, "полиции
					 * Сан-Диего" a place */
		/* "прокуратура города Павия": a name after a body's noun,
		 * with no role between, is its complement. */
		if (n > 0 && !(flags & MNP_OBL) &&
		    !(x->sg->t[first].flags & SEG_LATIN) &&
		    !(n >= 2 && tok_has(x, first, TF_FIRST)) &&
		    body_before(x, s, first))
			continue;	/* (but "куратор музея Айгерим
					 * Жакупова" is a person) */
		/* "леди США в интервью телеведущей Опре Уинфри": a name
		 * in an oblique case is no subject. */
		if (n > 0 && !(flags & (MNP_OBL | MNP_LEFT)) &&
		    mention_name_case(x, first) != SPEAKERS_NOM)
			continue;
		/* "Пользователи Tumblr", "сотрудники Google": a name
		 * after a group's noun is the group's complement. */
		if (n > 0 && first > s && tok_has(x, first - 1, TF_GROUP) &&
		    !tok_has(x, first, TF_FIRST) && tok_common(x, first - 1) &&
		    (tok_ends(x->w[first - 1], "ы") ||
		    tok_ends(x->w[first - 1], "и")) &&
		    !nominative_surname(x, first + n - 1))
			continue;
		/* "обозреватель Би-би-си": a medium after a role noun is
		 * the role's employer; the role is the source. */
		if (n > 0 && first > s && tok_has(x, first - 1, TF_ROLE) &&
		    tok_media(x, first, last + 1))
			continue;
		/* "пресс-секретарь компании Kaspi": a company after a
		 * role noun is the role's employer; the role is the
		 * source, as with a medium. */
		if (n > 0 && !(flags & MNP_OBL) && latin_body(x, first, n) &&
		    role_before(x, s, first))
			continue;
		if (n > 0 && name_ok(x, first, n, flags & MNP_OBL)) {
			/* One Latin word alone is a company or a body
			 * (Ryanair, Google, NASA), not a person. */
			m->type = latin_body(x, first, n) ? MEN_INST :
			    MEN_NAME;
			/* One letter alone is no name ("особенно G.",
			 * "Д"). */
			if (n == 1 && u8_mbsnlen((const uint8_t *)x->w[first],
			    strlen(x->w[first])) == 1)
				continue;
			m->ns = first;
			m->ne = last + 1;
			return 1;
		}
	}
	/* "один из советников губернатора", "одна из экс-гимнасток";
	 * not "в одном из своих бестселлеров". */
	for (i = s; i + 2 < e; i++)
		if (one_of(x, i) && tok_is(x, i + 1, "из") &&
		    !(i > 0 && tok_prep(x, i - 1)) &&
		    /* "остается одним из инвесторов": a subject is in
		     * the nominative */
		    ((flags & MNP_OBL) || tok_is(x, i, "один") ||
		    tok_is(x, i, "одна") || tok_is(x, i, "одно")) &&
		    x->sg->t[i + 2].type == SEG_WORD) {
			m->type = MEN_ROLE;
			m->ns = i;
			m->ne = mention_np_end(x, i + 2, e);
			m->one_of = 1;
			return 1;
		}
	/* Multi-word institutions written with capitals (Белый дом). */
	for (i = s; i < e; i++)
		if ((x->sg->t[i].flags & SEG_CAP) && (le = lexicon_match(x->lx,
		    LEX_INSTITUTIONS, x->w + i, e - i, &k)) != NULL && k > 1) {
			m->type = MEN_INST;
			m->ns = i;
			m->ne = i + k;
			if (i > s && (tok_is(x, i - 1, "в") ||
			    tok_is(x, i - 1, "во")))
				m->literal = le->tag;
			else if (m->ne < e &&
			    x->sg->t[m->ne].type == SEG_WORD &&
			    ((x->sg->t[m->ne].flags & SEG_ALLCAPS) ||
			    ((x->sg->t[m->ne].flags & SEG_CAP) &&
			    (tok_ends(x->w[m->ne], "а") ||
			    tok_ends(x->w[m->ne], "я") ||
			    tok_ends(x->w[m->ne], "ы") ||
			    tok_ends(x->w[m->ne], "и")))))
				m->ne++;	/* "... иностранных дел Казахстана" */
			return 1;
		}
	for (i = s; i < e; i++)
		if (tok_pronoun(x, i, &g) || ((tok_is(x, i, "его") ||
		    tok_is(x, i, "ее") || tok_is(x, i, "их")) &&
		    !np_has_noun(x, i + 1, e))) {
			m->type = MEN_PRON;
			m->ns = i;
			m->ne = i + 1;
			return 1;
		}
	for (i = s; i < e; i++) {
		size_t		 st = i;
		enum men	 type = MEN_NONE;

		if (x->sg->t[i].type != SEG_WORD)
			continue;
		if (tok_has(x, i, TF_GROUP))
			type = MEN_GROUP;
		else if ((le = lexicon_match(x->lx, LEX_INSTITUTIONS,
		    x->w + i, e - i, &k)) != NULL)
			type = MEN_INST;
		else if (allow_loc && i > s && office_noun(x, i)) {
			/* "В канцелярии премьер-министра X сообщили":
			 * the office, named as the place it speaks from,
			 * with all that follows it. */
			if (loc.type == MEN_NONE && (tok_is(x, i - 1, "в") ||
			    tok_is(x, i - 1, "во"))) {
				loc.type = MEN_INST;
				loc.s = m->s;
				loc.e = m->e;
				loc.ns = i;
				loc.cs = i + 1;
				loc.ce = loc_complement(x, i + 1, e);
				loc.ne = loc.ce;
				loc.loc = 1;
				i = loc.ne - 1;
			}
			continue;
		}
		else if (tok_has(x, i, TF_ROLE))
			type = tok_ends(x->w[i], "ов") ||
			    tok_ends(x->w[i], "ев") ||
			    tok_ends(x->w[i], "ей") ? MEN_GROUP : MEN_ROLE;
		if (type == MEN_NONE)
			continue;
		for (st = i; st > s && !tok_stop(x, st - 1) &&
		    (tok_adjective(x, st - 1) || tok_ends(x->w[st - 1], "ом") ||
		    tok_ends(x->w[st - 1], "ем") ||
		    tok_ends(x->w[st - 1], "ей") ||
		    /* "радикально настроенные" */
		    (st < i && tok_ends(x->w[st - 1], "о") &&
		    tok_adjective(x, st) && strlen(x->w[st - 1]) > 8)); st--)
			;
		if (st > s && (tok_is(x, st - 1, "в") ||
		    tok_is(x, st - 1, "во")) && allow_loc && le != NULL &&
		    type == MEN_INST) {
			/* "В Италии профсоюзы призывали": a subject after
			 * the place is the source, else the place. */
			if (loc.type == MEN_NONE) {
				loc.type = MEN_INST;
				loc.s = m->s;
				loc.e = m->e;
				loc.ns = i;
				loc.ne = i + k;
				loc.literal = le->tag;
				loc.cs = loc.ce = i + k;
				loc.ce = loc_complement(x, i + k, e);
				loc.ne = loc.ce;
			}
			i = loc.ne - 1;
			continue;
		}
		if (i > s && tok_prep(x, i - 1))
			continue;
		/* "вслед за своими коллегами", "с новым руководством": the
		 * object of a preposition, with its adjectives ("в
		 * правоохранительных органах сообщили" is the place that
		 * speaks). */
		if (tok_oblique(x->w[i]) &&
		    ((st > s && st < i && tok_prep(x, st - 1) &&
		    !tok_is(x, st - 1, "в") && !tok_is(x, st - 1, "во")) ||
		    (i > s + 1 && tok_prep(x, i - 2) &&
		    (strncmp(x->w[i - 1], "сво", 6) == 0 ||
		    strncmp(x->w[i - 1], "наш", 6) == 0 ||
		    strncmp(x->w[i - 1], "ваш", 6) == 0))))
			continue;
		/* "В российском МИДе уход министра расценили": after the
		 * place, a singular role is no subject of the plural
		 * verb. */
		if (loc.type != MEN_NONE && type == MEN_ROLE &&
		    !tok_ends(x->w[i], "ы") && !tok_ends(x->w[i], "и") &&
		    !tok_ends(x->w[i], "е"))
			continue;
		m->type = type;
		m->ns = st;
		m->ne = mention_np_end(x, i, e);
		return 1;
	}
	if (loc.type != MEN_NONE) {
		*m = loc;
		return 1;
	}
	/* "Радикально настроенные мусульмане призывали": a plural noun
	 * phrase before a plural verb is a group. */
	if (allow_loc && e - s <= 4 && x->sg->t[e - 1].type == SEG_WORD &&
	    !tok_prep(x, s) && !tok_stop(x, e - 1) &&
	    !(x->sg->t[e - 1].flags & SEG_CAP)) {
		size_t		 l = strlen(x->w[e - 1]);
		const char	*f = x->w[e - 1];

		if (l > 6 && (tok_ends(f, "е") || tok_ends(f, "ы") ||
		    tok_ends(f, "и"))) {
			m->type = MEN_GROUP;
			m->ns = s;
			m->ne = e;
			return 1;
		}
	}
	/* "В Ryanair сообщили": a capitalised place as the source. */
	for (i = s + 1; allow_loc && i < e; i++)
		if ((x->sg->t[i].flags & (SEG_CAP | SEG_ALLCAPS)) &&
		    x->sg->t[i].type == SEG_WORD &&
		    (tok_is(x, i - 1, "в") || tok_is(x, i - 1, "во") ||
		    /* "В «Казмунайгазе» сообщили" */
		    (i >= s + 2 && tok_open_quote(x, i - 1) &&
		    (tok_is(x, i - 2, "в") || tok_is(x, i - 2, "во"))))) {
			size_t	j = i + 1;
			int	open = 0;

			/* "В АО «КТЖ» сообщили": a legal form and the name
			 * in marks after it. */
			while (j < e && ((x->sg->t[j].flags &
			    (SEG_CAP | SEG_ALLCAPS)) ||
			    (tok_open_quote(x, j) && j + 1 < e &&
			    (x->sg->t[j + 1].flags & (SEG_CAP | SEG_ALLCAPS)) &&
			    ++open) || (open && tok_close_quote(x, j) &&
			    open-- > 0)))
				j++;
			m->type = MEN_INST;
			m->ns = i;
			m->ne = j;
			m->loc = 1;
			return 1;
		}
	return 0;
}

/*
 * Does token k, a comma or "и", join two capitalised words of an
 * enumeration ("США, Канады и Великобритании", "Меркель и Олланд")?
 */
static int
enum_link(const struct ex *x, size_t lo, size_t k)
{
	size_t	r = k + 1;

	if (k <= lo || k + 1 >= x->sg->n)
		return 0;
	/* "Папа Римский и патриарх Кирилл": a role before the name
	 * after "и". */
	while (r < x->sg->n && r < k + 3 && x->sg->t[r].type == SEG_WORD &&
	    !(x->sg->t[r].flags & (SEG_CAP | SEG_ALLCAPS)) &&
	    (tok_has(x, r, TF_ROLE) || tok_adjective(x, r)))
		r++;
	if (r > k + 1 && (r >= x->sg->n || !tok_has(x, r - 1, TF_ROLE) ||
	    !tok_is(x, k, "и") || !tok_name(x, r) || tok_adjective(x, r) ||
	    (x->sg->t[r].flags & SEG_ALLCAPS)))
		return 0;	/* not "и представители ПАСЕ" */
	return x->sg->t[k - 1].type == SEG_WORD &&
	    x->sg->t[r].type == SEG_WORD &&
	    (x->sg->t[k - 1].flags & (SEG_CAP | SEG_ALLCAPS)) &&
	    (x->sg->t[r].flags & (SEG_CAP | SEG_ALLCAPS)) &&
	    !(x->sg->t[k + 1].flags & SEG_PARA);
}

/*
 * Tokens [s, e) as two or more people's names joined by "и" and commas
 * ("Мэттью Хьюлетт и Калеб Тюрон"): fills m as a group of them.
 */
static int
conjoined_names(struct ex *x, size_t s, size_t e, struct mention *m)
{
	size_t	i, n, first, names = 0, end = e;

	first = e;
	while (end > s) {
		first = mention_name_run(x, s, end - 1, &n);
		if (n == 0 || (n == 1 && !tok_name(x, first)))
			break;
		names++;
		if (first == s)
			break;
		/* "Папа Римский и патриарх Кирилл": a role before a name
		 * joined to another. */
		i = first;
		while (i > s + 1 && i + 3 > first &&
		    x->sg->t[i - 1].type == SEG_WORD &&
		    !(x->sg->t[i - 1].flags & SEG_CAP) &&
		    (tok_has(x, i - 1, TF_ROLE) || tok_adjective(x, i - 1)))
			i--;
		if (i == first || !tok_has(x, first - 1, TF_ROLE) ||
		    !(tok_is(x, i - 1, "и") || tok_punct(x, i - 1, ',')))
			i = first;
		i = i - 1;
		if (!tok_is(x, i, "и") && !tok_punct(x, i, ','))
			break;
		end = i;
	}
	if (names < 2)
		return 0;
	/* "В январе X и Y", "25 января 2014 г. X и Y": words of time
	 * before them. */
	while (s < first && (tok_time(x, s) || tok_adverb(x, s) ||
	    tok_stop(x, s) || (x->sg->t[s].flags & SEG_DIGIT) ||
	    tok_punct(x, s, '.') || tok_is(x, s, "г") ||
	    ((tok_is(x, s, "в") || tok_is(x, s, "во")) &&
	    tok_time(x, s + 1))))
		s++;
	/* Only their group or role nouns before them: "Школьники Мэттью
	 * Хьюлетт и Калеб Тюрон". */
	for (i = s; i < first; i++)
		if (!tok_has(x, i, TF_GROUP) && !tok_has(x, i, TF_ROLE) &&
		    !tok_adjective(x, i) &&
		    /* "Аким области X и посол Y", "Депутаты Госдумы X и
		     * Y" */
		    !(i > s && (tok_has(x, s, TF_ROLE) ||
		    tok_has(x, s, TF_GROUP)) &&
		    x->sg->t[i].type == SEG_WORD &&
		    !tok_verb(x, i, e, NULL, NULL)))
			return 0;
	memset(m, 0, sizeof(*m));
	m->type = MEN_GROUP;
	m->s = s;
	m->ns = first;
	m->e = m->ne = e;
	m->conj = 1;
	return 1;
}

/* Is token i one word of two capitalised parts joined by a hyphen
 * (Сан-Диего, Нью-Йорк), a place's shape after a body's noun? */
static int
capital_compound(const struct ex *x, size_t i)
{
	const struct token	*t = &x->sg->t[i];
	const char		*p, *e = x->text + t->end;

	for (p = x->text + t->start; p + 1 < e; p++)
		if (*p == '-')
			return segment_starts_upper(p + 1);
	return 0;
}

/* Is token i "один" in any case and gender? */
static int
one_of(const struct ex *x, size_t i)
{
	static const char *const one[] = {
		"один", "одна", "одно", "одного", "одной", "одному", "одним",
		"одну", "одном", NULL
	};
	size_t	k;

	for (k = 0; one[k] != NULL; k++)
		if (tok_is(x, i, one[k]))
			return 1;
	return 0;
}

/* Is token i a lower-case particle inside a name (бин, фон, дер, де,
 * ван, аль, ибн, ла, ле, да, ди, дель, дос)? */
int
mention_particle(const struct ex *x, size_t i)
{
	static const char *const part[] = {
		"бин", "бен", "ибн", "фон", "дер", "де", "ван", "аль", "эль",
		"ла", "ле", "да", "ди", "дель", "дос", "дас", "ду", "дю", NULL
	};

	if (i >= x->sg->n || x->sg->t[i].type != SEG_WORD ||
	    (x->sg->t[i].flags & SEG_CAP))
		return 0;
	return str_in(x->w[i], part);
}

/*
 * Are tokens [s, e) a body's name in quotation marks, alone or after
 * a legal form in capitals ("«Казахтелеком»", "АО «КТЖ»", "ОАО
 * «Газпром»")?  Fills m as that institution.
 */
static int
quoted_body(const struct ex *x, size_t s, size_t e, struct mention *m)
{
	size_t	i = s;

	if (i < e && x->sg->t[i].type == SEG_WORD &&
	    (x->sg->t[i].flags & SEG_ALLCAPS) &&
	    x->sg->t[i].end - x->sg->t[i].start <= 8)
		i++;
	if (i + 2 >= e + 0 || !tok_open_quote(x, i) ||
	    !tok_close_quote(x, e - 1))
		return 0;
	for (i++; i < e - 1; i++)
		if (x->sg->t[i].type == SEG_WORD ?
		    !(x->sg->t[i].flags & (SEG_CAP | SEG_ALLCAPS)) &&
		    !tok_is(x, i, "и") : !tok_dash(x, i))
			return 0;
	if (!(x->sg->t[tok_open_quote(x, s) ? s + 1 : s + 2].flags &
	    (SEG_CAP | SEG_ALLCAPS)))
		return 0;
	memset(m, 0, sizeof(*m));
	m->type = MEN_INST;
	m->s = m->ns = s;
	m->e = m->ne = e;
	if (tok_open_quote(x, s)) {
		/* The name alone, its head noun first (a medium?). */
		m->ns = s + 1;
		m->ne = e - 1;
	}
	return 1;
}

/* Are tokens [s, e) words only, none a verb of speech or in the past? */
static int
words_to(const struct ex *x, size_t s, size_t e)
{
	size_t	i;

	for (i = s; i < e; i++)
		if (x->sg->t[i].type != SEG_WORD ||
		    tok_verb(x, i, e, NULL, NULL) || tok_finite_past(x, i))
			return 0;
	return 1;
}

/*
 * When token e - 1 closes a relative or participial clause set off by
 * commas ("..., который ...,", "..., отрывок из которого ...,",
 * "..., находящийся с визитом в ...,"), returns where the clause opens,
 * so the subject is looked for before it; else e.
 */
static size_t
skip_inserted(const struct ex *x, size_t lo, size_t e)
{
	size_t	k, j;
	int	rel = 0;

	if (e <= lo + 2 || !tok_punct(x, e - 1, ','))
		return e;
	for (k = e - 1; k > lo && !tok_punct(x, k - 1, ','); k--) {
		if (tok_sentend(x, k - 1) || tok_punct(x, k - 1, ':') ||
		    tok_dash(x, k - 1) || x->mask[k - 1])
			return e;
		if (strncmp(x->w[k - 1], "котор", 10) == 0 ||
		    tok_is(x, k - 1, "где") || tok_is(x, k - 1, "чей") ||
		    tok_is(x, k - 1, "чья"))
			rel = 1;
	}
	if (k <= lo + 1 || e - k > 25)
		return e;
	j = k;		/* the first word of the clause */
	/* A parenthetical phrase: "он, в частности, заявил" (but not
	 * "в соцсети X, где, в частности, попросил"). */
	if (parenthetical(x, j, e - 1)) {
		if (k >= lo + 2 && (tok_is(x, k - 2, "где") ||
		    tok_is(x, k - 2, "что") || tok_is(x, k - 2, "когда") ||
		    tok_is(x, k - 2, "и") || tok_is(x, k - 2, "а") ||
		    tok_is(x, k - 2, "но") ||
		    strncmp(x->w[k - 2], "котор", 10) == 0))
			return e;
		return k - 1;
	}
	/* "Сам Кимура, в интервью, которое дал ..., сказал": a short
	 * phrase of where it was said. */
	if (!rel && tok_prep(x, j) && e - 1 - j <= 4 &&
	    words_to(x, j, e - 1) && !tok_is(x, j, "по"))
		return k - 1;
	/* A relative or participial clause, a gerund's ("хитро
	 * улыбаясь"), or an apposition of a role ("многолетний
	 * председатель общества"). */
	if (!rel && !tok_participle(x->w[j]) && !((tok_adverb(x, j) ||
	    /* "долго работавший", "ранее возглавлявший" */
	    ((tok_ends(x->w[j], "о") || tok_ends(x->w[j], "ее")) &&
	    tok_common(x, j))) && j + 1 < e &&
	    tok_participle(x->w[j + 1])) &&
	    /* "в прошлом занимавшая пост" */
	    !(tok_prep(x, j) && j + 2 < e && tok_participle(x->w[j + 2])) &&
	    /* "знакомый с ситуацией", "близкий к переговорам": an
	     * adjective in the nominative and its complement */
	    !(tok_common(x, j) && tok_adjective(x, j) && (tok_ends(x->w[j],
	    "ый") || tok_ends(x->w[j], "ий") || tok_ends(x->w[j], "ая") ||
	    tok_ends(x->w[j], "ые") || tok_ends(x->w[j], "ие")) &&
	    j + 2 < e && tok_prep(x, j + 1)) &&
	    !clause_gerund(x, j, e - 1) &&
	    !(tok_has(x, j, TF_ROLE) || (tok_adjective(x, j) &&
	    tok_has(x, j + 1, TF_ROLE))))
		return e;
	return k - 1;
}

/*
 * Is the name of n words at first in Latin letters a company or a body:
 * one word (Ryanair, Google), or several with no first name among them
 * (New York Post, Global Times)?
 */
static int
latin_body(const struct ex *x, size_t first, size_t n)
{
	size_t	i;

	for (i = first; i < first + n; i++)
		if (!(x->sg->t[i].flags & SEG_LATIN) || tok_has(x, i, TF_FIRST))
			return 0;
	return 1;
}

/*
 * Is the name at token i in apposition to a role noun in an oblique
 * case ("телеведущей Опре Уинфри")?  Past the role's complement, one or
 * two capitalised words ("с премьер-министром Турции Ахметом
 * Йылмазом"), or with strict set, only a role in the dative or the
 * instrumental singular ("министром", "послу"), not one that may be a
 * genitive plural ("палаты предпринимателей Даурен Искаков").
 */
static int
role_oblique(const struct ex *x, size_t i, int strict)
{
	size_t		 r;
	const char	*f;

	for (r = i; r > 0 && r + 2 >= i; r--) {
		if (r < i && !((x->sg->t[r].flags & (SEG_CAP | SEG_ALLCAPS)) &&
		    x->sg->t[r].type == SEG_WORD))
			break;
		if (!tok_has(x, r - 1, TF_ROLE) ||
		    (x->sg->t[r - 1].flags & SEG_CAP))
			continue;
		f = x->w[r - 1];
		if (strict || r < i) {
			if (tok_ends(f, "ом") || tok_ends(f, "ем") ||
			    tok_ends(f, "ой") || tok_ends(f, "ою") ||
			    tok_ends(f, "ею") || tok_ends(f, "у") ||
			    tok_ends(f, "ю"))
				return 1;
		} else if (tok_oblique(f) || tok_ends(f, "ей") ||
		    tok_ends(f, "у") || tok_ends(f, "ю"))
			return 1;
	}
	return 0;
}

/* Is there a role noun in the genitive ("посла", "министра",
 * "председателя") right before token i, or before one or two
 * capitalised words of its complement ("посла Германии")? */
static int
role_genitive_before(const struct ex *x, size_t i)
{
	size_t	r;

	for (r = i; r > 0 && r + 2 >= i; r--) {
		if (r < i && !((x->sg->t[r].flags & (SEG_CAP | SEG_ALLCAPS)) &&
		    x->sg->t[r].type == SEG_WORD))
			return 0;
		if (x->sg->t[r - 1].type != SEG_WORD ||
		    (x->sg->t[r - 1].flags & SEG_CAP) ||
		    !tok_has(x, r - 1, TF_ROLE))
			continue;
		/* "пресс-секретарь президента Альфредо Скоссимарро": a
		 * role before it may be the name's. */
		if (r >= 2 && (tok_has(x, r - 2, TF_ROLE) ||
		    tok_has(x, r - 2, TF_GROUP)))
			return 0;
		return tok_role_genitive(x, r - 1);
	}
	return 0;
}

/* Is token i an office's noun in the prepositional (канцелярии)? */
static int
office_noun(const struct ex *x, size_t i)
{
	const struct lex_entry	*le;
	size_t			 k;

	le = lexicon_match(x->lx, LEX_PHRASES, x->w + i, 1, &k);
	return le != NULL && strcmp(le->tag, "office") == 0 &&
	    tok_common(x, i);
}

/*
 * Is there a role noun, lower case, among the three words before token
 * first, with only words between ("представитель авиакомпании")?
 */
static int
role_before(const struct ex *x, size_t s, size_t first)
{
	size_t	j;

	for (j = first; j > s && first - j < 3; j--) {
		if (x->sg->t[j - 1].type != SEG_WORD)
			return 0;
		if (tok_has(x, j - 1, TF_ROLE) && tok_common(x, j - 1))
			return 1;
	}
	return 0;
}

/* Are tokens [s, e) a parenthetical phrase ("в частности", "в свою
 * очередь", "кроме того")? */
static int
parenthetical(const struct ex *x, size_t s, size_t e)
{
	static const char *const ph[] = {
		"в частности", "в свою очередь", "кроме того", "например",
		"однако", "впрочем", "со своей стороны", "к примеру",
		"в то же время", "при этом", "как известно", "по сути",
		"в целом", "в итоге", "тем не менее", "между тем", "наконец",
		"безусловно", "конечно", "видимо", "по-видимому", NULL
	};
	size_t	i, n;
	char	buf[64];

	if (e <= s || e - s > 4)
		return 0;
	buf[0] = '\0';
	for (i = s; i < e; i++) {
		if (x->sg->t[i].type != SEG_WORD)
			return 0;
		n = strlen(buf);
		if (n + strlen(x->w[i]) + 2 > sizeof(buf))
			return 0;
		snprintf(buf + n, sizeof(buf) - n, "%s%s", n ? " " : "",
		    x->w[i]);
	}
	return str_in(buf, ph);
}

/* Is there a gerund among the first three words of [s, e)? */
static int
clause_gerund(const struct ex *x, size_t s, size_t e)
{
	size_t	i;

	for (i = s; i < e && i < s + 3; i++)
		if (x->sg->t[i].type == SEG_WORD && tok_gerund(x->w[i]) &&
		    (tok_ends(x->w[i], "ясь") || tok_ends(x->w[i], "ая") ||
		    tok_ends(x->w[i], "яя") || tok_ends(x->w[i], "уя") ||
		    tok_ends(x->w[i], "юя") || tok_ends(x->w[i], "оря") ||
		    tok_ends(x->w[i], "ив") ||
		    tok_ends(x->w[i], "ав") || tok_ends(x->w[i], "вшись")))
			return 1;
	return 0;
}


/*
 * The subject of the verb at token v, looked for in [lo, v): the noun
 * phrase right before it, past adverbs, back to a comma or the start;
 * failing that, a noun of occupation no list knows ("пианист заявил")
 * or an abbreviation ("ВОЗ заявила", "NASA сообщило"): a body.
 */
int
mention_before(struct ex *x, size_t lo, size_t v, struct mention *m,
    enum agr a)
{
	size_t	k = v;

	if (subject_before(x, lo, v, m, a))
		return 1;
	while (k > lo && x->sg->t[k - 1].type == SEG_WORD &&
	    tok_adverb(x, k - 1))
		k--;
	/* "пианист заявил": a noun no list knows, shaped like one of
	 * occupation, alone before a verb in the singular. */
	if (k > lo && (a == AGR_M || a == AGR_F || a == AGR_SG) &&
	    people_role_shape(x, k - 1) && (k - 1 == lo ||
	    x->sg->t[k - 2].type != SEG_WORD || tok_adjective(x, k - 2))) {
		memset(m, 0, sizeof(*m));
		m->type = MEN_ROLE;
		m->s = m->ns = k - 1;
		while (m->ns > lo && tok_adjective(x, m->ns - 1))
			m->ns--;
		m->s = m->ns;
		m->e = m->ne = k;
		return 1;
	}
	if (k == lo || a == AGR_PL || a == AGR_NONE ||
	    !(x->sg->t[k - 1].flags & SEG_ALLCAPS) ||
	    strlen(x->w[k - 1]) < 2 || tok_media(x, k - 1, k) ||
	    (k - 1 > lo && (tok_prep(x, k - 2) ||
	    x->sg->t[k - 2].type == SEG_WORD)))
		return 0;
	memset(m, 0, sizeof(*m));
	m->type = MEN_INST;
	m->s = m->ns = k - 1;
	m->e = m->ne = k;
	return 1;
}

/* mention_before() but the abbreviation. */
static int
subject_before(struct ex *x, size_t lo, size_t v, struct mention *m,
    enum agr a)
{
	size_t	e = v, s;

	/* Skip adverbs and short phrases between subject and verb. */
	if (e >= lo + 3 && tok_is(x, e - 1, "раз") && tok_is(x, e - 2, "не"))
		e -= 2;		/* "не раз" */
	while (e > lo && x->sg->t[e - 1].type == SEG_WORD &&
	    (tok_stop(x, e - 1) || tok_adverb(x, e - 1)) &&
	    !tok_has(x, e - 1, TF_INST) &&
	    !(x->sg->t[e - 1].flags & SEG_ALLCAPS) &&
	    !tok_pronoun(x, e - 1, &(enum gender){0}) &&
	    strncmp(x->w[e - 1], "котор", 10) != 0 &&
	    !tok_is(x, e - 1, "и") && !tok_is(x, e - 1, "а") &&
	    !tok_is(x, e - 1, "но") && !tok_is(x, e - 1, "мы") &&
	    !tok_is(x, e - 1, "я"))
		e--;
	/* "Минюст США 19 октября обвинил": a date between the subject
	 * and its verb. */
	if (e >= lo + 3 && tok_time(x, e - 1) &&
	    isdigit((unsigned char)x->w[e - 2][0]))
		e -= 2;
	else if (e >= lo + 2 && e < v && tok_time(x, e) &&
	    isdigit((unsigned char)x->w[e - 1][0]))
		e--;	/* the month was skipped as an adverb of time */
	/* "в один голос утверждают", "в очередной раз упомянуло" */
	if (e >= lo + 3 && (tok_is(x, e - 1, "голос") ||
	    tok_is(x, e - 1, "раз")) && tok_is(x, e - 3, "в"))
		e -= 3;
	/* "Юрген Клинсман (Jürgen Klinsmann) назвал": a gloss in
	 * parentheses between the subject and its verb. */
	if (e > lo + 2 && tok_punct(x, e - 1, ')')) {
		size_t	k;

		for (k = e - 1; k > lo && e - k < 14 &&
		    !tok_punct(x, k - 1, '('); k--)
			;
		if (k > lo + 1 && tok_punct(x, k - 1, '('))
			e = k - 1;
	}
	/* "Американские чиновники, в том числе и X, предупреждали":
	 * who is among the subject, in commas, is no part of it; nor is
	 * a participle's clause ("Ryanair, столкнувшийся с забастовками,
	 * грозил"). */
	if (e > lo + 4 && tok_punct(x, e - 1, ',')) {
		size_t	k;

		for (k = e - 2; k > lo && e - k < 12 &&
		    !tok_punct(x, k - 1, ','); k--)
			;
		if (k > lo + 1 && tok_punct(x, k - 1, ',') &&
		    ((tok_is(x, k, "в") && tok_is(x, k + 1, "том") &&
		    tok_is(x, k + 2, "числе")) || tok_is(x, k, "включая") ||
		    (tok_is(x, k, "среди") && tok_is(x, k + 1, "них")) ||
		    participial(x, k, e - 1))) {
			size_t	k2;

			e = k - 1;
			/* "Генерал Флинн, серьёзный человек, не
			 * бросающий ...": an apposition before it. */
			for (k2 = e; k2 > lo && e - k2 < 6 &&
			    x->sg->t[k2 - 1].type == SEG_WORD &&
			    tok_common(x, k2 - 1); k2--)
				;
			if (k2 < e && k2 > lo + 1 &&
			    tok_punct(x, k2 - 1, ',') && tok_name(x, k2 - 2))
				e = k2 - 1;
		}
	}
	/* "министр, который заявил": the relative's antecedent;
	 * "мать, казни которой требуют жители": the subject is after
	 * the verb. */
	if (e > lo && strncmp(x->w[e - 1], "котор", 10) == 0) {
		static const char *const gen_pl[] = { "ов", "ев", "ей",
		    "ых", "их", NULL };

		if ((tok_is(x, e - 1, "который") ||
		    tok_is(x, e - 1, "которая") ||
		    tok_is(x, e - 1, "которое") ||
		    tok_is(x, e - 1, "которые")) && e >= lo + 2 &&
		    tok_punct(x, e - 2, ',')) {
			if (!mention_before(x, lo, e - 2, m, a))
				return 0;
			/* "прогнозы тех обозревателей, которые
			 * предсказывали": the antecedent keeps its case. */
			if ((m->type == MEN_GROUP || m->type == MEN_ROLE) &&
			    m->ne > m->ns && tok_is(x, e - 1, "которые") &&
			    strlen(x->w[m->ne - 1]) > 8 &&
			    tok_ends_any(x->w[m->ne - 1], gen_pl))
				m->cas = SPEAKERS_GEN;
			return 1;
		}
		return 0;
	}
	/* "X, отрывок из которого был показан в эфире, выразила": a
	 * clause in commas between the subject and its verb. */
	if ((s = skip_inserted(x, lo, e)) < e) {
		/* "X, занимавшая пост при Y, который ..., заявила": one
		 * clause in commas after another. */
		e = s;
		while (e > lo && tok_punct(x, e, ',') &&
		    (s = skip_inserted(x, lo, e + 1)) < e)
			e = s;
	}
	/* "Представитель компании, Алексей Семенов, сообщил": a full
	 * name in commas after a role is the subject. */
	if (e > lo + 3 && tok_punct(x, e - 1, ',')) {
		size_t	n, first = mention_name_run(x, lo, e - 2, &n);

		if (n >= 2 && tok_has(x, first, TF_FIRST) && first > lo + 1 &&
		    tok_punct(x, first - 1, ',') &&
		    mention_np(x, first, e - 1, m, 0) && m->type == MEN_NAME)
			return 1;
	}
	s = e;
	/* "Мы рассказывали": the newsroom, no source. */
	if (e > lo && (tok_is(x, e - 1, "мы") || tok_is(x, e - 1, "я"))) {
		memset(m, 0, sizeof(*m));
		m->type = MEN_SELF;
		return 1;
	}
	while (s > lo) {
		const struct token	*t = &x->sg->t[s - 1];

		if (t->type == SEG_PUNCT) {
			/* Inner marks of a name in quotes, initials. */
			if (t->uc == '.' && s >= 2 + lo &&
			    x->sg->t[s - 2].end - x->sg->t[s - 2].start <= 2 &&
			    (x->sg->t[s - 2].flags & SEG_CAP)) {
				s--;
				continue;
			}
			if (quotemark_ascii(t->uc) == '"') {
				s--;
				continue;
			}
			/* An enumeration: "США, Канады и Великобритании". */
			if (t->uc == ',' && enum_link(x, lo, s - 1)) {
				s--;
				continue;
			}
			break;
		}
		if (tok_is(x, s - 1, "и") && enum_link(x, lo, s - 1)) {
			s--;
			continue;
		}
		if (tok_is(x, s - 1, "что") ||
		    strncmp(x->w[s - 1], "котор", 10) == 0 ||
		    tok_is(x, s - 1, "и") ||
		    tok_is(x, s - 1, "а") || tok_is(x, s - 1, "но") ||
		    tok_verb(x, s - 1, v, NULL, NULL))
			break;
		s--;
	}
	/* "X, который в интервью телеканалу сообщил": the relative's
	 * antecedent, past where it was said. */
	if (s >= lo + 2 && s < e && tok_punct(x, s - 2, ',') &&
	    tok_prep(x, s) && (tok_is(x, s - 1, "который") ||
	    tok_is(x, s - 1, "которая") || tok_is(x, s - 1, "которые"))) {
		size_t	k;

		for (k = s; k < e && !tok_name(x, k) &&
		    !tok_has(x, k, TF_ROLE) && !tok_has(x, k, TF_GROUP); k++)
			;
		if ((k == e || (x->sg->t[k].flags & (SEG_LATIN |
		    SEG_ALLCAPS)) || tok_has(x, k, TF_MEDIA)) &&
		    mention_before(x, lo, s - 2, m, a) &&
		    !((a == AGR_M || a == AGR_F) && m->type == MEN_GROUP))
			return 1;
		memset(m, 0, sizeof(*m));
	}
	/* "В интервью CNN Баффет заявил": where it was said, and the
	 * outlet, before the subject. */
	if (e > s + 3 && (tok_is(x, s, "в") || tok_is(x, s, "во")) &&
	    (tok_is(x, s + 1, "интервью") || tok_is(x, s + 1, "эфире") ||
	    tok_is(x, s + 1, "беседе") || tok_is(x, s + 1, "разговоре"))) {
		size_t	k = s + 2;

		while (k + 1 < e && ((x->sg->t[k].flags & (SEG_LATIN |
		    SEG_ALLCAPS)) || tok_has(x, k, TF_MEDIA) ||
		    tok_open_quote(x, k) || tok_close_quote(x, k)))
			k++;
		if (k > s + 2 && tok_name(x, k) && !(x->sg->t[k].flags &
		    (SEG_LATIN | SEG_ALLCAPS)) && !tok_has(x, k, TF_MEDIA))
			s = k;
	}
	/* "Меркель и Олланд призвали": named people together. */
	if (a == AGR_PL && conjoined_names(x, s, e, m))
		return 1;
	/* "«Казахтелеком» сообщил", "АО «КТЖ» сообщило" */
	if (quoted_body(x, s, e, m))
		return 1;	/* (a medium: the caller's to drop) */
	if (!mention_np(x, s, e, m, a == AGR_PL ? MNP_LOC : 0)) {
		size_t	o;

		/* "В 20-х числах марта «Газпром» уведомил": a name in
		 * quotation marks right before the verb, after words of
		 * time or place. */
		if (e > s + 3 && tok_close_quote(x, e - 1)) {
			for (o = e - 2; o > s && e - o < 8 &&
			    !tok_open_quote(x, o); o--)
				;
			if (o > s && tok_open_quote(x, o) &&
			    quoted_body(x, o, e, m))
				return 1;
		}
		return noun_subject(x, s, e, a, m, 1);
	}
	/* Agreement: a plural verb has no single person for subject
	 * ("Британцы высказались" is a group; "Биби попросили" has an
	 * object in front), a neuter one no person at all. */
	/* "Гибель командира подтвердили": a singular role is no subject
	 * of a plural verb. */
	if (m->type == MEN_ROLE && a == AGR_PL && !m->conj &&
	    !tok_ends(x->w[m->ns], "ы") && !tok_ends(x->w[m->ns], "и") &&
	    !tok_ends(x->w[m->ns], "е"))
		return 0;
	if (m->type == MEN_NAME && (a == AGR_PL || a == AGR_N)) {
		if (a == AGR_PL && m->ne == m->ns + 1 && m->ns == s &&
		    !tok_has(x, m->ns, TF_FIRST) &&
		    !(x->sg->t[m->ns].flags & SEG_LATIN) &&
		    (tok_ends(x->w[m->ns], "ы") || tok_ends(x->w[m->ns], "и") ||
		    tok_ends(x->w[m->ns], "е"))) {
			m->type = MEN_GROUP;
			return 1;
		}
		/* "В российском МИД уход Джонсона расценили": look for
		 * the institution instead. */
		return mention_np(x, s, e, m, MNP_LOC | MNP_NONAME) &&
		    m->type != MEN_NAME;
	}
	/* "Анна Соколовская, профессор МГУ, отметила": a role phrase in
	 * commas after a name. */
	if (m->type == MEN_ROLE && s > lo + 1 && tok_punct(x, s - 1, ',')) {
		struct mention	m2;
		size_t		s2 = s - 1;

		while (s2 > lo && x->sg->t[s2 - 1].type == SEG_WORD)
			s2--;
		if (mention_np(x, s2, s - 1, &m2, 0) && m2.type == MEN_NAME &&
		    m2.ne == s - 1) {
			m2.e = e;
			*m = m2;
		}
	}
	return 1;
}

/*
 * A verb coordinated with an earlier one ("обвиняемые принесли
 * извинения, а также заявили о ...") shares its subject: find the
 * earlier verb of the same agreement in [lo, v) and its subject.
 */
int
mention_subject_left(struct ex *x, size_t lo, size_t v, struct mention *m,
    enum agr a)
{
	size_t	u, stop;
	enum agr ua;

	if (a == AGR_SG)
		return 0;
	for (u = v; u-- > lo;) {
		if (x->sg->t[u].type != SEG_WORD || u + 1 == v)
			continue;
		if (tok_stop(x, u) || tok_name(x, u))
			continue;
		ua = tok_agr(x->w[u]);
		/* With a of AGR_NONE (a gerund), any finite verb, but
		 * not a noun in -ен, -ег ("орден", "снег"). */
		if ((a == AGR_NONE ? ua != AGR_NONE && ua != AGR_N &&
		    !tok_ends(x->w[u], "ен") && !tok_ends(x->w[u], "ег") &&
		    !tok_ends(x->w[u], "ена") && !tok_ends(x->w[u], "ены") :
		    ua == a) &&
		    strlen(x->w[u]) > 4 && !tok_adjective(x, u) &&
		    !(x->sg->t[u].flags & SEG_CAP)) {
			/* "выступил Иван Котов и рассказал": the name
			 * after the first verb; "поблагодарил Джонсона и
			 * назвал" is his object. */
			if (u + 2 < v && tok_is(x, v - 1, "и") &&
			    tok_name(x, u + 1) &&
			    mention_np(x, u + 1, v - 1, m, 0) &&
			    m->type == MEN_NAME && m->ns == u + 1 &&
			    m->ne == v - 1 && !(ua == AGR_M &&
			    m->ne == m->ns + 1 && (tok_ends(x->w[m->ns], "а") ||
			    tok_ends(x->w[m->ns], "я"))))
				return 1;
			if (mention_before(x, lo, u, m, ua))
				return 1;
			/* "Это подтвердил депутат X, отметив, что": a
			 * gerund's subject after the finite verb. */
			if (a == AGR_NONE && tok_punct(x, v - 1, ',') &&
			    mention_after(x, u + 1, v - 1, m, &stop,
			    mention_agr(ua)) && stop == v - 1 &&
			    m->ns <= u + 3 &&
			    (m->type == MEN_NAME || m->type == MEN_ROLE ||
			    m->type == MEN_GROUP || m->type == MEN_INST))
				return 1;
			memset(m, 0, sizeof(*m));
			return 0;
		}
	}
	return 0;
}

/* Is [s, e) a participle's clause: an active participle and no
 * finite verb ("с начала года столкнувшийся с забастовками")? */
static int
participial(const struct ex *x, size_t s, size_t e)
{
	size_t	i;
	int	part = 0;

	for (i = s; i < e; i++) {
		if (x->sg->t[i].type != SEG_WORD)
			continue;
		if (tok_finite_past(x, i) || tok_verb(x, i, e, NULL, NULL))
			return 0;
		if (tok_participle_active(x->w[i]))
			part = 1;
	}
	return part;
}

/* Is the period at token p one of "и. о." (acting: "и. о. главы")? */
static int
mention_acting(const struct ex *x, size_t p)
{
	return p > 0 && ((tok_is(x, p - 1, "и") && tok_is(x, p + 1, "о") &&
	    tok_punct(x, p + 2, '.')) || (p > 2 && tok_is(x, p - 1, "о") &&
	    tok_punct(x, p - 2, '.') && tok_is(x, p - 3, "и")));
}

/* Is token i a noun of the people a statement is told to, in the
 * dative ("журналистам", "корреспонденту")? */
static int
addressee(const struct ex *x, size_t i)
{
	static const char *const w[] = { "журналистам", "журналисту",
	    "корреспонденту", "корреспондентам", "репортерам", "репортеру",
	    "репортёрам", "репортёру", "прессе", "депутатам", "участникам",
	    "собравшимся", "слушателям", "читателям", "зрителям", NULL };

	return x->sg->t[i].type == SEG_WORD &&
	    !(x->sg->t[i].flags & SEG_CAP) && str_in(x->w[i], w);
}

/* Is token i a medium's noun in the dative, the addressee of a
 * statement ("заявил газете", "рассказала агентству"), no part of the
 * source after it? */
static int
medium_dative(const struct ex *x, size_t i)
{
	static const char *const w[] = { "газете", "изданию", "агентству",
	    "телеканалу", "радиостанции", "журналу", "порталу", "сайту",
	    "телекомпании", "таблоиду", "еженедельнику", NULL };

	return x->sg->t[i].type == SEG_WORD &&
	    !(x->sg->t[i].flags & SEG_CAP) && str_in(x->w[i], w);
}

/* Where the medium's name that starts at token i ends: Latin words
 * ("The Sunday Telegraph") or a name in quotation marks; i when it is
 * neither. */
static size_t
medium_name_end(const struct ex *x, size_t i, size_t e)
{
	size_t	j;

	if (tok_open_quote(x, i)) {
		for (j = i + 1; j < e && j < i + 8 && !tok_close_quote(x, j);
		    j++)
			;
		return j < e && tok_close_quote(x, j) ? j + 1 : i;
	}
	for (j = i; j < e && x->sg->t[j].type == SEG_WORD &&
	    (x->sg->t[j].flags & SEG_LATIN); j++)
		;
	return j;
}

/* Past those a statement is told to, at token i before e: a noun of
 * people in the dative ("журналистам"), or an outlet's noun in the
 * dative with its name ("британской газете The Times", "агентству
 * «Интерфакс»"); i when there are none. */
size_t
mention_skip_addressee(const struct ex *x, size_t i, size_t e)
{
	size_t	k;

	if (i + 1 < e && addressee(x, i))
		return i + 1;
	for (k = i; k < e && k < i + 2 && tok_adjective(x, k); k++)
		;
	if (k + 2 < e && medium_dative(x, k))
		return medium_name_end(x, k + 1, e);
	return i;
}

/*
 * The subject after the verb (postposed: "заявил Булекпаев", "отметил
 * он", "считает партийный деятель"), from token i to a comma or the end
 * of the clause before end.  *stop gets the first token after it.
 */
int
mention_after(struct ex *x, size_t i, size_t end, struct mention *m,
    size_t *stop, int flags)
{
	const struct lex_entry	*le;
	size_t			 e = i, k;

	while (e < end) {
		const struct token	*t = &x->sg->t[e];

		if (t->type == SEG_PUNCT) {
			if (e > i && e + 1 < end && tok_initial_dot(x, e)) {
				e++;
				continue;
			}
			if (quotemark_ascii(t->uc) == '"' ||
			    mention_acting(x, e)) {
				e++;
				continue;
			}
			/* An attribution clause runs on past commas:
			 * "говорит член Ассоциации, партнер фирмы X". */
			if (t->uc == ',' && (flags & MNP_COMMA) && e > i) {
				e++;
				continue;
			}
			break;
		}
		if (tok_is(x, e, "что") || tok_is(x, e, "чтобы"))
			break;
		/* "сообщает ТАСС со ссылкой на X": the source ends
		 * before the body it refers to. */
		if (e > i && tok_is(x, e, "со") &&
		    (le = lexicon_match(x->lx, LEX_PHRASES, x->w + e,
		    end - e, &k)) != NULL && strcmp(le->tag, "ref") == 0)
			break;
		/* "— сказал швейцар и пошел за ключами". */
		if (e > i && (tok_is(x, e, "и") || tok_is(x, e, "а") ||
		    tok_is(x, e, "но")) && tok_finite_past(x, e + 1))
			break;
		e++;
		if (e - i > ((flags & MNP_COMMA) ? 24 : 14))
			break;
	}
	*stop = e;
	if (e == i)
		return 0;
	/* "заявляли Бенедикт XVI и Франциск": named people together. */
	if ((flags & MNP_AGR_PL) && conjoined_names(x, i, e, m))
		return 1;
	if (mention_np(x, i, e, m, MNP_LEFT | (flags & (MNP_LOC | MNP_OBL))))
		return 1;
	/* "— сказал швейцар", "— заявил голландец". */
	return !(flags & MNP_OBL) && e <= i + 3 &&
	    noun_subject(x, i, e, (flags & MNP_AGR_M) ? AGR_M :
	    (flags & MNP_AGR_F) ? AGR_F : (flags & MNP_AGR_PL) ? AGR_PL :
	    AGR_NONE, m, 0);
}

int
mention_agr(enum agr a)
{
	return a == AGR_M ? MNP_AGR_M : a == AGR_F ? MNP_AGR_F :
	    a == AGR_PL ? MNP_AGR_PL : 0;
}

/*
 * Is the adjective f in an oblique case that no subject takes
 * (длительного, новому, последних, громкую)?  Not -ой, which is also a
 * nominative (молодой).
 */
static int
adjective_oblique(const char *f)
{
	static const char *const end[] = {
		"ого", "его", "ому", "ему", "ым", "ых", "их", "ыми", "ими",
		"ую", "юю", NULL
	};

	return tok_ends_any(f, end);
}

/*
 * A common noun the word lists do not know, as a subject: the noun in
 * the nominative right before the verb ("швейцар сказал", "Люди
 * утверждают") or right after it (first set to 0: "— заявил
 * голландец"), agreeing with the verb's a, with its adjectives.  Fills m
 * as a role described (MEN_ROLE).
 */
static int
noun_subject(const struct ex *x, size_t s, size_t e, enum agr a,
    struct mention *m, int before)
{
	static const char *const pron[] = { "ними", "ним", "нему", "него",
	    "неё", "нее", "ней", "них", "нём", "нем", "ими", "себе", "собой",
	    "теми", "этими", "всеми", "другими", "чего", "чему", "чем", NULL };
	size_t		 h, st;
	const char	*f;

	if (e <= s)
		return 0;
	if (before) {
		h = e - 1;
		if (e - s > 4)
			s = e - 4;
	} else {
		/* "— описала впечатления шахматистка": the last word that
		 * can be the subject, after an object. */
		for (h = e; h > s; h--)
			if (noun_subject(x, h - 1, h, a, m, 1)) {
				for (st = m->ns; st > s && tok_adjective(x,
				    st - 1) && tok_common(x, st - 1); st--)
					;
				m->s = m->ns = st;
				return 1;
			}
		return 0;
	}
	f = x->w[h];
	if (x->sg->t[h].type != SEG_WORD || !tok_common(x, h) ||
	    str_in(f, pron) ||
	    tok_stop(x, h) || tok_prep(x, h) || tok_adjective(x, h) ||
	    tok_verb(x, h, x->sg->n, NULL, NULL) || strlen(f) < 6 ||
	    tok_agr(f) != AGR_NONE || tok_gerund(f) || tok_oblique(f) ||
	    tok_ends(f, "о") || tok_ends(f, "у") || tok_ends(f, "ю") ||
	    tok_ends(f, "ам") || tok_ends(f, "ям") || tok_ends(f, "ах") ||
	    tok_ends(f, "ях") || tok_ends(f, "ов") || tok_ends(f, "ев") ||
	    tok_ends(f, "ей") || tok_ends(f, "ие") || tok_ends(f, "ся") ||
	    tok_has(x, h, TF_MEDIA) || (x->sg->t[h].flags & SEG_DIGIT))
		return 0;
	/* Agreement with the verb: a plural noun for a plural verb. */
	if (a == AGR_PL && !(tok_ends(f, "ы") || tok_ends(f, "и")))
		return 0;
	if ((a == AGR_M || a == AGR_F || a == AGR_SG) &&
	    (tok_ends(f, "ы") || tok_ends(f, "и")))
		return 0;
	if (a == AGR_F && !(tok_ends(f, "а") || tok_ends(f, "я") ||
	    tok_ends(f, "ь")))
		return 0;
	if ((a == AGR_M || a == AGR_NONE) && (tok_ends(f, "я") ||
	    tok_ends(f, "а")))
		return 0;	/* "концерта" is a genitive */
	for (st = h; st > s && tok_adjective(x, st - 1) &&
	    tok_common(x, st - 1); st--)
		if (adjective_oblique(x->w[st - 1]))
			return 0;	/* "длительного периода" */
	memset(m, 0, sizeof(*m));
	m->type = MEN_ROLE;
	m->s = m->ns = st;
	m->e = m->ne = h + 1;
	return 1;
}

/* Is token i a first name that keeps its form in every case: a woman's
 * ending in a consonant (Мишель, Айгерим) or in -и, -о, -е? */
int
mention_first_indeclinable(const struct ex *x, size_t i)
{
	const char	*w = x->w[i];

	/* A woman's name, or one both bear (Мишель), in its own form. */
	if (speakers_first_gender(x->lx, w) == GENDER_MALE ||
	    lexicon_word(x->lx, LEX_FIRSTNAMES, w) == NULL)
		return 0;
	return !tok_ends(w, "а") && !tok_ends(w, "я");
}

/* The case in which the name that starts at token i stands, judged from
 * its first word and the word before it. */
enum speakers_case
mention_name_case(const struct ex *x, size_t i)
{
	static const char *const male_vowel[] = { "о", "е", "и", "у",
	    "ю", "э", NULL };
	enum speakers_case	 c;

	if (tok_has(x, i, TF_FIRST)) {
		/* "Мишель Обамы": a first name that does not decline
		 * leaves the case to the surname. */
		if (mention_first_indeclinable(x, i) && tok_name(x, i + 1) &&
		    (tok_ends(x->w[i + 1], "ы") || tok_ends(x->w[i + 1], "ой") ||
		    ((tok_ends(x->w[i + 1], "у") ||
		    tok_ends(x->w[i + 1], "е")) &&
		    speakers_first_gender(x->lx, x->w[i]) == GENDER_FEMALE)))
			return SPEAKERS_GEN;
		/* "с Джо Байденом", "Джо Байдену", "Джо Байдена": a man's
		 * first name in a vowel does not decline either. */
		if (speakers_first_gender(x->lx, x->w[i]) == GENDER_MALE &&
		    tok_ends_any(x->w[i], male_vowel) && tok_name(x, i + 1) &&
		    strlen(x->w[i + 1]) > 8) {
			if (tok_ends(x->w[i + 1], "ом") ||
			    tok_ends(x->w[i + 1], "ем"))
				return SPEAKERS_INS;
			if (tok_ends(x->w[i + 1], "ну") ||
			    tok_ends(x->w[i + 1], "ву") ||
			    tok_ends(x->w[i + 1], "ру") ||
			    tok_ends(x->w[i + 1], "ту"))
				return SPEAKERS_DAT;
			if (i > 0 && (tok_prep(x, i - 1) ||
			    tok_is(x, i - 1, "словам") ||
			    tok_is(x, i - 1, "мнению")) &&
			    (tok_ends(x->w[i + 1], "а") ||
			    tok_ends(x->w[i + 1], "я")))
				return SPEAKERS_GEN;
		}
		/* "с министром Японии Таро Коно": a first name that
		 * does not decline, or a role's case no name breaks. */
		if (role_oblique(x, i, 1))
			return SPEAKERS_DAT;
		return SPEAKERS_NOM;
	}
	if ((c = tok_oblique_first(x, i)) != SPEAKERS_NOM)
		return c;
	if (i > 0 && tok_prep(x, i - 1))
		return SPEAKERS_GEN;
	/* "В беседе с журналистами Аймагамбетов": a surname in -ов,
	 * -ев, -ин, -ский has no case ending, whatever stands before. */
	if (nominative_surname(x, i))
		return SPEAKERS_NOM;
	if (role_oblique(x, i, 0))
		return SPEAKERS_DAT;
	/* "посла Германии Тобиаса Кларка": after a role in the genitive,
	 * a name no list knows is in the genitive too. */
	if (role_genitive_before(x, i))
		return SPEAKERS_GEN;
	/* After any noun in the dative: "своему преемнику Джереми
	 * Ханту". */
	if (i > 0 && x->sg->t[i - 1].type == SEG_WORD &&
	    !(x->sg->t[i - 1].flags & SEG_CAP) &&
	    strlen(x->w[i - 1]) > 8 && (tok_ends(x->w[i - 1], "ику") ||
	    tok_ends(x->w[i - 1], "телю") || tok_ends(x->w[i - 1], "ому") ||
	    tok_ends(x->w[i - 1], "ему") || tok_ends(x->w[i - 1], "ру") ||
	    tok_ends(x->w[i - 1], "ту")) && !tok_stop(x, i - 1))
		return SPEAKERS_DAT;
	return SPEAKERS_NOM;
}
