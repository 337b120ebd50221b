/*
 * tok.c: what a token is, for the extractor: punctuation, quotation
 * marks and dashes, words that can be part of a name, speech verbs and
 * topic phrases (verbs.txt, phrases.txt), agreement, media.  No I/O.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "extract.h"
#include "lexicon.h"
#include "quotemark.h"
#include "segment.h"
#include "speakers.h"
#include "util.h"

static int	 participle_shape(const char *, int);
static int	 tok_straight_opens(const struct ex *, size_t);
static int	 tok_name_uncached(const struct ex *, size_t);
static int	 tok_particle_name(const struct ex *, size_t);
static int	 first_stem_known(const struct ex *, const char *);
static int	 verb_find(const struct ex *, size_t, size_t, size_t *,
		    unsigned *);

int
tok_ends(const char *s, const char *end)
{
	size_t	ls = strlen(s), le = strlen(end);

	return ls >= le && memcmp(s + ls - le, end, le) == 0;
}

/* Does s end in one of the endings of end (NULL-ended), with more than
 * two bytes (one Cyrillic letter) before it? */
int
tok_ends_any(const char *s, const char *const *end)
{
	size_t	ls = strlen(s);

	for (; *end != NULL; end++)
		if (ls > strlen(*end) + 2 && tok_ends(s, *end))
			return 1;
	return 0;
}

int
tok_is(const struct ex *x, size_t i, const char *s)
{
	return i < x->sg->n && x->w[i][0] == s[0] && (s[0] == '\0' ||
	    (x->w[i][1] == s[1] && strcmp(x->w[i], s) == 0));
}

int
tok_punct(const struct ex *x, size_t i, uint32_t c)
{
	return i < x->sg->n && x->sg->t[i].type == SEG_PUNCT &&
	    x->sg->t[i].uc == c;
}

int
tok_dash(const struct ex *x, size_t i)
{
	return i < x->sg->n && x->sg->t[i].type == SEG_PUNCT &&
	    segment_is_dash(x->sg->t[i].uc);
}

/* Is token i a point that may end a sentence (segment.h: SEG_NOEND),
 * ! ? or …? */
int
tok_sentpoint(const struct ex *x, size_t i)
{
	return (tok_punct(x, i, '.') && !(x->sg->t[i].flags & SEG_NOEND)) ||
	    tok_punct(x, i, '!') ||
	    tok_punct(x, i, '?') || tok_punct(x, i, 0x2026);
}

/*
 * Sentences as the segmenter cuts them: by a point, and where a crawl ran
 * two sentences together with none (segment.h: SEG_GLUED, "... посетил
 * завод В акимате заявили").  Does token i close a sentence (a point, or
 * the word before a glued sentence), for scans going back?  Does it stop
 * a scan going forward (a point, or the first word of a glued sentence)?
 */
int
tok_sentend(const struct ex *x, size_t i)
{
	return tok_sentpoint(x, i) ||
	    (i + 1 < x->sg->n && (x->sg->t[i + 1].flags & SEG_GLUED));
}

int
tok_sentbreak(const struct ex *x, size_t i)
{
	return tok_sentpoint(x, i) ||
	    (i < x->sg->n && (x->sg->t[i].flags & SEG_GLUED));
}

/* Is the period at token i an initial's ("Е. Булекпаев"): after one
 * capital letter and before a capitalised word? */
int
tok_initial_dot(const struct ex *x, size_t i)
{
	return tok_punct(x, i, '.') && i > 0 && i + 1 < x->sg->n &&
	    x->sg->t[i - 1].type == SEG_WORD &&
	    (x->sg->t[i - 1].flags & SEG_CAP) &&
	    x->sg->t[i - 1].end - x->sg->t[i - 1].start <= 2 &&
	    (x->sg->t[i + 1].flags & SEG_CAP);
}

/*
 * A straight quotation mark opens when it stands after a space (or at
 * the start of a paragraph) with a word right after it, and closes when
 * it is glued to the word before: `канала" Илья` closes, `"Первого`
 * opens.
 */
static int
tok_straight_opens(const struct ex *x, size_t i)
{
	const struct token	*t = &x->sg->t[i];

	if (i + 1 >= x->sg->n || (x->sg->t[i + 1].flags & SEG_SPACE))
		return 0;
	return i == 0 || (t->flags & (SEG_SPACE | SEG_PARA)) ||
	    x->sg->t[i - 1].type == SEG_PUNCT;
}

int
tok_open_quote(const struct ex *x, size_t i)
{
	/* " and “ both open and close: „Заң“ closes, “Заң” opens. */
	if (tok_punct(x, i, 0x201c))
		return segment_curly_opens(x->sg, i);
	if (tok_punct(x, i, '"'))
		return tok_straight_opens(x, i);
	return i < x->sg->n && x->sg->t[i].type == SEG_PUNCT &&
	    quotemark_opens(x->sg->t[i].uc);
}

int
tok_close_quote(const struct ex *x, size_t i)
{
	if (tok_punct(x, i, 0x201c))
		return !segment_curly_opens(x->sg, i);
	if (tok_punct(x, i, '"'))
		return !tok_straight_opens(x, i);
	return i < x->sg->n && x->sg->t[i].type == SEG_PUNCT &&
	    quotemark_closes(x->sg->t[i].uc);
}

/* Is token i in word list k (TF_ROLE ... TF_FIRST)?  Each answer is
 * looked up once per token. */
int
tok_has(const struct ex *x, size_t i, int k)
{
	static const enum lex_list list[] = {
		LEX_ROLES, LEX_GROUPS, LEX_INSTITUTIONS, LEX_MEDIA, LEX_STOP,
		LEX_FIRSTNAMES
	};
	unsigned int	known = 1u << (2 * k), yes = 1u << (2 * k + 1);

	if (!(x->tf[i] & known)) {
		x->tf[i] |= known;
		if (x->sg->t[i].type == SEG_WORD &&
		    lexicon_word(x->lx, list[k], x->w[i]) != NULL)
			x->tf[i] |= yes;
	}
	return (x->tf[i] & yes) != 0;
}

int
tok_stop(const struct ex *x, size_t i)
{
	return tok_has(x, i, TF_STOP);
}

/* Is token i a name with a lower-case particle glued by a hyphen
 * (аль-Асад, уль-Малук, ибн-Сауд)? */
static int
tok_particle_name(const struct ex *x, size_t i)
{
	static const char *const pfx[] = {
		"аль-", "уль-", "эль-", "ад-", "ас-", "ан-", "ибн-", "бен-",
		"ди-", "де-", "дю-", "ла-", "ле-", NULL
	};
	const struct token	*t = &x->sg->t[i];
	size_t			 k, l;
	char			*rest = NULL;
	int			 cap;

	if (strchr(x->w[i], '-') == NULL)
		return 0;
	for (k = 0; pfx[k] != NULL; k++) {
		l = strlen(pfx[k]);
		if (strncmp(x->w[i], pfx[k], l) != 0 ||
		    t->end - t->start <= l + 2)
			continue;
		/* The letter after the hyphen is a capital in the text. */
		rest = xstrndup(x->text + t->start + l, 4);
		cap = segment_starts_upper(rest);
		free(rest);
		return cap;
	}
	return 0;
}

/* Does folded word f end like a Russian common noun, not a surname
 * (-ость, -ство, -ние, -ция, -ие, -ка after a consonant, ...)? */
int
tok_common_noun_shape(const char *f)
{
	static const char *const end[] = {
		"ость", "ости", "ство", "ства", "ние", "ния", "ния", "ции",
		"ция", "сия", "зия", "тия", "ие", "ья", "ье", "ика", "ики",
		"тка", "вка", "пка", "нка", "рка", "лка", "жка", "шка",
		"ения", "ания", "ажа", "изм", "ура", "ары", "ара", NULL
	};
	size_t	k, l = strlen(f);

	for (k = 0; end[k] != NULL; k++)
		if (l >= strlen(end[k]) + 4 && tok_ends(f, end[k]))
			return 1;
	return 0;
}

/* Could token i be part of a person's name? */
int
tok_name(const struct ex *x, size_t i)
{
	int	is;

	unsigned int	known = 1u << (2 * TF_NAME);
	unsigned int	yes = 1u << (2 * TF_NAME + 1);

	if (x->tf[i] & known)
		return (x->tf[i] & yes) != 0;
	is = tok_name_uncached(x, i);
	x->tf[i] |= known | (is ? yes : 0);
	return is;
}

static int
tok_name_uncached(const struct ex *x, size_t i)
{
	const struct token	*t = &x->sg->t[i];
	size_t			 k;

	if (t->type == SEG_WORD && !(t->flags & SEG_CAP) &&
	    tok_particle_name(x, i))
		return 1;	/* уль-Малук, аль-Асад */
	if (t->type != SEG_WORD || !(t->flags & SEG_CAP) ||
	    (t->flags & (SEG_ALLCAPS | SEG_DIGIT)))
		return 0;
	if (tok_stop(x, i))
		return 0;
	/* "Патриарх Московский и всея Руси Кирилл": a place. */
	if (i > 0 && tok_is(x, i - 1, "всея"))
		return 0;
	/* A word of the lists is no name, unless a first name comes
	 * before it within the sentence ("Петра Королева", not the
	 * queen). */
	if ((tok_has(x, i, TF_ROLE) || tok_has(x, i, TF_GROUP) ||
	    tok_has(x, i, TF_INST) || tok_has(x, i, TF_MEDIA)) &&
	    !(i > 0 && !tok_common(x, i) && (x->sg->t[i - 1].flags &
	    SEG_CAP) && (tok_has(x, i - 1, TF_FIRST) ||
	    tok_oblique_first(x, i - 1) != SPEAKERS_NOM)))
		return 0;
	if (tok_verb(x, i, i + 1, NULL, NULL))
		return 0;
	/* "Экс-министр", "Вице-премьер". */
	if ((strncmp(x->w[i], "экс-", 7) == 0 &&
	    lexicon_word(x->lx, LEX_ROLES, x->w[i] + 7) != NULL) ||
	    (strncmp(x->w[i], "вице-", 9) == 0 &&
	    lexicon_word(x->lx, LEX_ROLES, x->w[i] + 9) != NULL))
		return 0;
	/* A capitalised word opening a sentence before a lowercase word
	 * that is no verb ("Радикально настроенные"): not a name. */
	if ((t->flags & SEG_PARA || (i > 0 && tok_sentend(x, i - 1))) &&
	    i + 1 < x->sg->n && x->sg->t[i + 1].type == SEG_WORD &&
	    !(x->sg->t[i + 1].flags & (SEG_CAP | SEG_DIGIT)) &&
	    !tok_has(x, i, TF_FIRST) && !tok_stop(x, i + 1) &&
	    tok_agr(x->w[i + 1]) == AGR_NONE &&
	    !tok_verb(x, i + 1, x->sg->n, NULL, NULL) &&
	    /* but "Путин публично заявил": an adverb, then the verb */
	    !(tok_ends(x->w[i + 1], "о") && i + 2 < x->sg->n &&
	    tok_verb(x, i + 2, x->sg->n, NULL, NULL) &&
	    !tok_oblique(x->w[i]) && !tok_ends(x->w[i], "у") &&
	    !tok_ends(x->w[i], "ю")))
		return 0;
	/* A word shaped like a common noun opening a sentence
	 * ("Следствие полагает", "Отставка Бориса", "Впечатления"): not
	 * a name, unless it is a known first name. */
	if ((t->flags & SEG_PARA || i == 0 || tok_sentend(x, i - 1) ||
	    tok_open_quote(x, i - 1)) && !tok_has(x, i, TF_FIRST) &&
	    tok_common_noun_shape(x->w[i]))
		return 0;
	/* The first word of a capitalised institution (Белый дом). */
	if (lexicon_match(x->lx, LEX_INSTITUTIONS, x->w + i, x->sg->n - i,
	    &k) != NULL && k > 1)
		return 0;
	/* An adjective before a noun: "Главный тренер", "Российский
	 * президент". */
	if (tok_adjective(x, i) && i + 1 < x->sg->n &&
	    !tok_has(x, i, TF_FIRST) && (tok_has(x, i + 1, TF_ROLE) ||
	    tok_has(x, i + 1, TF_INST) || tok_has(x, i + 1, TF_GROUP) ||
	    tok_has(x, i + 1, TF_MEDIA)))
		return 0;	/* and "Американский журнал" */
	/* "Коррупционный скандал затронул": an adjective in -ный
	 * opening a sentence before a word that is no speech verb,
	 * though that word looks like one (-ал). */
	if (tok_adjective(x, i) && (t->flags & SEG_PARA || i == 0 ||
	    tok_sentend(x, i - 1)) && i + 1 < x->sg->n &&
	    x->sg->t[i + 1].type == SEG_WORD &&
	    !(x->sg->t[i + 1].flags & (SEG_CAP | SEG_DIGIT)) &&
	    !tok_has(x, i, TF_FIRST) && !tok_stop(x, i + 1) &&
	    !tok_verb(x, i + 1, x->sg->n, NULL, NULL) &&
	    (tok_ends(x->w[i], "ный") || tok_ends(x->w[i], "ная") ||
	    tok_ends(x->w[i], "ное") || tok_ends(x->w[i], "ные")))
		return 0;
	/* ... but "Зеленский тогда заявил": a word of the stop list and
	 * a verb after it. */
	if (tok_adjective(x, i) && i + 1 < x->sg->n &&
	    x->sg->t[i + 1].type == SEG_WORD &&
	    !(x->sg->t[i + 1].flags & SEG_CAP) &&
	    tok_agr(x->w[i + 1]) == AGR_NONE &&
	    !tok_has(x, i, TF_FIRST) &&
	    /* "Валентины Бондаревой он": a surname after a first name */
	    !(i > 0 && (x->sg->t[i - 1].flags & SEG_CAP) &&
	    (tok_has(x, i - 1, TF_FIRST) ||
	    tok_oblique_first(x, i - 1) != SPEAKERS_NOM)) &&
	    !(tok_stop(x, i + 1) && !tok_prep(x, i + 1) &&
	    tok_verb(x, i + 2, x->sg->n, NULL, NULL)))
		return 0;
	return 1;
}

int
tok_prep(const struct ex *x, size_t i)
{
	static const char *const prep[] = {
		"в", "во", "на", "из", "от", "с", "со", "к", "ко", "по",
		"о", "об", "для", "при", "у", "за", "до", "под", "над",
		"перед", "после", "без", "через", "между", "про", "против",
		"вместо", "среди", "кроме", "помимо", "около", "возле",
		"вокруг", "ради", "из-за", "вдоль", "внутри", "вне", "насчет",
		"насчёт", "ввиду", NULL
	};
	unsigned int	known = 1u << (2 * TF_PREP);
	unsigned int	yes = 1u << (2 * TF_PREP + 1);

	if (i >= x->sg->n || x->sg->t[i].type != SEG_WORD)
		return 0;
	if (!(x->tf[i] & known)) {
		x->tf[i] |= known;
		if (str_in(x->w[i], prep))
			x->tf[i] |= yes;
	}
	return (x->tf[i] & yes) != 0;
}

/* Nominative personal pronouns; *g gets their gender. */
int
tok_pronoun(const struct ex *x, size_t i, enum gender *g)
{
	if (tok_is(x, i, "он")) {
		*g = GENDER_MALE;
		return 1;
	}
	if (tok_is(x, i, "она")) {
		*g = GENDER_FEMALE;
		return 1;
	}
	if (tok_is(x, i, "они") || tok_is(x, i, "оно")) {
		*g = GENDER_UNKNOWN;
		return 1;
	}
	return 0;
}

/* An adjective that may open a role or institution: российский МИД. */
int
tok_adjective(const struct ex *x, size_t i)
{
	static const char *const end[] = {
		"ий", "ый", "ой", "ая", "яя", "ое", "ее", "ие", "ые", "ого",
		"его", "ому", "ему", "ым", "ых", "их", "ую", "юю", "ыми",
		NULL
	};
	unsigned int	known = 1u << (2 * TF_ADJ);
	unsigned int	yes = 1u << (2 * TF_ADJ + 1);
	size_t		k, l;

	if (x->sg->t[i].type != SEG_WORD)
		return 0;
	if (x->tf[i] & known)
		return (x->tf[i] & yes) != 0;
	x->tf[i] |= known;
	/* Nouns in -ние, -тие look like adjectives in -ие, and their
	 * genitive plural in -аний, -ений ("в ходе слушаний адвокаты")
	 * like one in -ий (but "внутренний", "осенний"). */
	if (tok_ends(x->w[i], "ние") || tok_ends(x->w[i], "тие") ||
	    tok_ends(x->w[i], "аний") || (tok_ends(x->w[i], "ений") &&
	    !tok_ends(x->w[i], "енний")))
		return 0;
	/* "Айгерим", "Касым": a capitalised known first name. */
	if ((x->sg->t[i].flags & SEG_CAP) && tok_has(x, i, TF_FIRST))
		return 0;
	/* "Касым Аманов", "Рахим Жумабаева": a capitalised word before
	 * a surname in -ов, -ев, -ин is a first name. */
	if ((x->sg->t[i].flags & SEG_CAP) && i + 1 < x->sg->n &&
	    x->sg->t[i + 1].type == SEG_WORD &&
	    (x->sg->t[i + 1].flags & SEG_CAP) &&
	    !(x->sg->t[i + 1].flags & SEG_ALLCAPS) &&
	    strlen(x->w[i + 1]) > 6 && (tok_ends(x->w[i + 1], "ов") ||
	    tok_ends(x->w[i + 1], "ев") || tok_ends(x->w[i + 1], "ин") ||
	    tok_ends(x->w[i + 1], "ова") || tok_ends(x->w[i + 1], "ева") ||
	    tok_ends(x->w[i + 1], "ина")))
		return 0;
	l = strlen(x->w[i]);
	for (k = 0; end[k] != NULL; k++)
		if (l > 4 && l > strlen(end[k]) &&
		    strcmp(x->w[i] + l - strlen(end[k]), end[k]) == 0) {
			x->tf[i] |= yes;
			return 1;
		}
	return 0;
}

enum agr
tok_agr(const char *f)
{
	static const struct {
		const char	*end;
		enum agr	 a;
	} tab[] = {
		{ "лась", AGR_F }, { "лось", AGR_N }, { "лись", AGR_PL },
		{ "лся", AGR_M }, { "ла", AGR_F }, { "ло", AGR_N },
		{ "ли", AGR_PL }, { "л", AGR_M }, { "ег", AGR_M },
		{ "ена", AGR_F }, { "ены", AGR_PL }, { "ен", AGR_M },
		{ "ён", AGR_M }, { "ются", AGR_PL }, { "ятся", AGR_PL },
		{ "ется", AGR_SG }, { "ится", AGR_SG }, { "ют", AGR_PL },
		{ "ят", AGR_PL }, { "ут", AGR_PL }, { "ет", AGR_SG },
		{ "ит", AGR_SG }, { "ёт", AGR_SG }, { NULL, AGR_NONE }
	};
	size_t	l = strlen(f), k;

	for (k = 0; tab[k].end != NULL; k++) {
		size_t	le = strlen(tab[k].end);

		if (l > le && strcmp(f + l - le, tab[k].end) == 0)
			return tab[k].a;
	}
	return AGR_NONE;
}

/*
 * Is there a speech verb or a topic phrase at token i (not past end)?
 * Returns its length in tokens, and its classes in *cls.
 */
int
tok_verb(const struct ex *x, size_t i, size_t end, size_t *len,
    unsigned *cls)
{
	unsigned int	known = 1u << (2 * TF_VERB);
	struct ex	*mx = (struct ex *)x;	/* the caches only */

	if (i >= end || x->sg->t[i].type != SEG_WORD)
		return 0;
	if (!(x->tf[i] & known)) {
		size_t		l = 0;
		unsigned	k = 0;

		mx->tf[i] |= known;
		mx->vlen[i] = 0;
		/* "радиостанция «Говорит Москва»": a verb that opens a
		 * name in quotation marks is none. */
		if (i > 0 && tok_open_quote(x, i - 1) &&
		    !tok_close_quote(x, i - 1) &&
		    (x->sg->t[i].flags & SEG_CAP) && (tok_close_quote(x,
		    i + 1) || tok_close_quote(x, i + 2)))
			return 0;
		if (verb_find(x, i, x->sg->n, &l, &k) && l < 256) {
			mx->vlen[i] = (unsigned char)l;
			mx->vcls[i] = (unsigned short)k;
		}
	}
	if (x->vlen[i] == 0)
		return 0;
	if (x->vlen[i] > end - i)
		return verb_find(x, i, end, len, cls);
	if (len != NULL)
		*len = x->vlen[i];
	if (cls != NULL)
		*cls = x->vcls[i];
	return 1;
}

/* tok_verb() without the cache. */
static int
verb_find(const struct ex *x, size_t i, size_t end, size_t *len,
    unsigned *cls)
{
	const struct lex_entry	*e;
	size_t			 n;
	const char		*p;
	unsigned		 c = 0;

	if (i >= end || x->sg->t[i].type != SEG_WORD)
		return 0;
	e = lexicon_match(x->lx, LEX_PHRASES, x->w + i, end - i, &n);
	if (e != NULL && strcmp(e->tag, "topic") == 0) {
		if (len != NULL)
			*len = n;
		if (cls != NULL)
			*cls = VC_PHRASE | VC_ATTR;
		return 1;
	}
	e = lexicon_word(x->lx, LEX_VERBS, x->w[i]);
	if (e == NULL)
		return 0;
	for (p = e->tag; *p != '\0'; p++) {
		switch (*p) {
		case 'c':
			c |= VC_CLAUSE;
			break;
		case 't':
			c |= VC_TOPIC;
			break;
		case 'd':
			c |= VC_OBJECT;
			break;
		case 'r':
			c |= VC_RELAY;
			break;
		case 'm':
			c |= VC_MEDIA;
			break;
		case 'x':
			c |= VC_NEG;
			break;
		case 'o':
			c |= VC_ADDR;
			break;
		default:
			break;
		}
	}
	if (len != NULL)
		*len = 1;
	if (cls != NULL)
		*cls = c | VC_ATTR;
	return 1;
}

/* Is token i "агентство" of a kind that is no medium ("рейтинговое
 * агентство Fitch", "Агентство по атомной энергии")? */
static int
agency_not_media(const struct ex *x, size_t i)
{
	static const char *const kind[] = { "рейтингов", "кредитн",
	    "космическ", "антидопингов", "кадров", "рекламн", "туристическ",
	    "страхов", "федеральн", "правительственн", "энергетическ",
	    "европейск", "международн", NULL };
	size_t	k;

	if (strncmp(x->w[i], "агентств", 16) != 0)
		return 0;
	if (i + 1 < x->sg->n && tok_is(x, i + 1, "по"))
		return 1;
	if (i == 0 || x->sg->t[i - 1].type != SEG_WORD)
		return 0;
	for (k = 0; kind[k] != NULL; k++)
		if (strncmp(x->w[i - 1], kind[k], strlen(kind[k])) == 0)
			return 1;
	return 0;
}

/* Does tokens [s, e) name a medium? */
int
tok_media(const struct ex *x, size_t s, size_t e)
{
	size_t	i;

	for (i = s; i < e; i++) {
		const char	*f = x->w[i];

		if (x->sg->t[i].type != SEG_WORD)
			continue;
		if (lexicon_word(x->lx, LEX_MEDIA, f) != NULL &&
		    !agency_not_media(x, i))
			return 1;
		/* Domain names: baq.kz, ura.ru. */
		if (strchr(f, '.') != NULL && (x->sg->t[i].flags & SEG_LATIN))
			return 1;
	}
	return 0;
}

/* Does a single folded word end like an oblique case (Великобритании,
 * Навального, Эрдоганом)? */
int
tok_oblique(const char *f)
{
	static const char *const end[] = {
		"ии", "ого", "ому", "ым", "им", "ими", "ыми", "ами", "ями",
		"ах", "ях", "ом", "ой", "ею", "ою", NULL
	};

	return tok_ends_any(f, end);
}



/* The oblique case in which token i is a known first name (Марии,
 * Сергею), or SPEAKERS_NOM when it is none. */
enum speakers_case
tok_oblique_first(const struct ex *x, size_t i)
{
	static const enum speakers_case cases[] = {
		SPEAKERS_GEN, SPEAKERS_DAT, SPEAKERS_ACC, SPEAKERS_INS
	};
	size_t		 k;
	int		 known = 0;
	unsigned char	*cache = x->ofirst;

	/* Four normalizations a word: looked up once each token. */
	if (cache[i] != 0)
		return (enum speakers_case)(cache[i] - 1);
	cache[i] = SPEAKERS_NOM + 1;
	/* Only a capitalised word can be a first name, and only one whose
	 * stem, with a nominative ending, is one. */
	if (x->sg->t[i].type != SEG_WORD || !(x->sg->t[i].flags & SEG_CAP) ||
	    !first_stem_known(x, x->w[i]))
		return SPEAKERS_NOM;
	for (k = 0; k < sizeof(cases) / sizeof(cases[0]); k++) {
		enum gender	 g = GENDER_UNKNOWN;
		const char	*w2[2];
		char		*nom, *f = NULL;

		/* As the first of two words, so first-name rules apply. */
		w2[0] = x->w[i];
		w2[1] = "x";
		nom = speakers_normalize(x->lx, w2, 2, cases[k], &g);
		nom[strlen(nom) - 2] = '\0';
		segment_fold_string(nom, strlen(nom), &f);
		known = strcmp(f, x->w[i]) != 0 &&
		    lexicon_word(x->lx, LEX_FIRSTNAMES, f) != NULL;
		free(f);
		free(nom);
		if (known) {
			cache[i] = (unsigned char)(cases[k] + 1);
			return cases[k];
		}
	}
	return SPEAKERS_NOM;
}

/*
 * A quick filter for tok_oblique_first(): does folded f, less an oblique
 * ending, with a nominative one (none, -а, -я, -ь, -й, -ий), give a
 * known first name?  Most capitalised words (surnames, places) fail it
 * without the four normalizations.
 */
static int
first_stem_known(const struct ex *x, const char *f)
{
	static const char *const obl[] = {
		"ою", "ею", "ом", "ем", "ой", "ей", "ам", "а", "у", "е", "ы",
		"и", "ю", "я", NULL
	};
	static const char *const nom[] = {
		"", "а", "я", "ь", "й", "ий", "ей", "ел", "ол", NULL
	};
	char	buf[128];
	size_t	l = strlen(f), k, n, le;

	for (k = 0; obl[k] != NULL; k++) {
		le = strlen(obl[k]);
		if (l <= le + 2 || !tok_ends(f, obl[k]) || l - le + 5 >=
		    sizeof(buf))
			continue;
		memcpy(buf, f, l - le);
		for (n = 0; nom[n] != NULL; n++) {
			memcpy(buf + l - le, nom[n], strlen(nom[n]) + 1);
			if (lexicon_word(x->lx, LEX_FIRSTNAMES, buf) != NULL)
				return 1;
		}
	}
	/* Павла -> Павел, Льва -> Лев: a fleeting vowel. */
	return l > 4 && (strncmp(f, "павл", 8) == 0 ||
	    strncmp(f, "льв", 6) == 0);
}

/* Is token i a finite verb in the past tense, lower case, long enough
 * not to be a noun (посетил, заявила, провели)? */
int
tok_finite_past(const struct ex *x, size_t i)
{
	static const char *const end[] = {
		"ил", "ила", "или", "ал", "ала", "али", "ял", "яла", "яли",
		"ел", "ела", "ели", "ул", "ула", "ули", "ился", "илась",
		"ились", "ался", "алась", "ались", NULL
	};
	size_t	k, l;

	if (i >= x->sg->n || x->sg->t[i].type != SEG_WORD ||
	    (x->sg->t[i].flags & SEG_CAP))
		return 0;
	l = strlen(x->w[i]);
	for (k = 0; end[k] != NULL; k++)
		if (l >= strlen(end[k]) + 6 && tok_ends(x->w[i], end[k]))
			return 1;
	return 0;
}

/* Is role noun i in the genitive: "президента", "председателя", whose
 * form without -а/-я (or with -ь for -я) is a role too? */
int
tok_role_genitive(const struct ex *x, size_t i)
{
	const struct lex_entry	*le;
	const char		*f = x->w[i];
	size_t			 l = strlen(f);
	char			 b[64];

	if ((le = lexicon_word(x->lx, LEX_ROLES, f)) != NULL &&
	    strcmp(le->tag, "form") == 0)
		return 1;	/* "посла" */
	if (l < 6 || l + 2 >= sizeof(b) || !(tok_ends(f, "а") ||
	    tok_ends(f, "я")))
		return 0;
	memcpy(b, f, l - 2);
	b[l - 2] = '\0';
	if (lexicon_word(x->lx, LEX_ROLES, b) != NULL)
		return 1;
	memcpy(b + l - 2, "ь", sizeof("ь"));
	return tok_ends(f, "я") && lexicon_word(x->lx, LEX_ROLES, b) != NULL;
}

/* Does folded word f end like a participle (находящийся, показанном,
 * заявившего)? */
int
tok_participle(const char *f)
{
	return participle_shape(f, 0);
}

/* Does folded word f end like an active participle, in any case
 * (назвавшаяся, представляющего), not a passive one or an adjective in
 * -нный (художественный)? */
int
tok_participle_active(const char *f)
{
	return participle_shape(f, 1);
}

/* The participle's suffix and ending at the end of f: with active set,
 * only the active suffixes (-вш-, -щ-). */
static int
participle_shape(const char *f, int active)
{
	static const char *const suf[] = {
		"вш", "дш", "сш", "зш", "щ", "нн", "ем", "им", NULL
	};
	static const char *const end[] = {
		"ий", "ая", "ее", "ие", "его", "ей", "ему", "им", "ем", "их",
		"ый", "ое", "ые", "ого", "ой", "ому", "ым", "ом", "ых", "ую",
		"ими", "ийся", "аяся", "иеся", "егося", "ейся", NULL
	};
	size_t	l = strlen(f), i, k;

	if (l < 12)
		return 0;
	for (k = 0; end[k] != NULL; k++) {
		size_t	le = strlen(end[k]);

		if (l <= le || memcmp(f + l - le, end[k], le) != 0)
			continue;
		for (i = 0; suf[i] != NULL; i++) {
			size_t	ls = strlen(suf[i]);

			if (active && strcmp(suf[i], "вш") != 0 &&
			    strcmp(suf[i], "щ") != 0)
				continue;
			if (l > le + ls &&
			    memcmp(f + l - le - ls, suf[i], ls) == 0)
				return 1;
		}
	}
	return 0;
}

/* Is folded word f, a speech verb, an adverbial participle (обвиняя,
 * отметив, пожаловавшись)? */
int
tok_gerund(const char *f)
{
	return strlen(f) >= 8 && (tok_ends(f, "в") || tok_ends(f, "я") ||
	    tok_ends(f, "вшись") || tok_ends(f, "ясь"));
}

/* Is token i a word of time: a month, a day of the week, год, время? */
int
tok_time(const struct ex *x, size_t i)
{
	static const char *const w[] = {
		"январ", "феврал", "март", "апрел", "мае", "мая", "май", "июн",
		"июл", "август", "сентябр", "октябр", "ноябр", "декабр",
		"понедельник", "вторник", "сред", "четверг", "пятниц", "суббот",
		"воскресень", "году", "года", "время", "ходе", "прошлом",
		"этом", "начале", "конце", "середине", NULL
	};
	size_t	k;

	if (i >= x->sg->n || x->sg->t[i].type != SEG_WORD)
		return 0;
	for (k = 0; w[k] != NULL; k++)
		if (strncmp(x->w[i], w[k], strlen(w[k])) == 0)
			return 1;
	return 0;
}

/* Is folded word f a noun of kinship or counsel, which takes the person
 * it relates to in the genitive (муж Биби, адвокат Биби)? */
int
tok_kin(const char *f)
{
	static const char *const kin[] = {
		"муж", "жена", "сын", "дочь", "отец", "мать", "брат", "сестра",
		"дядя", "тетя", "вдова", "вдовец", "супруг", "супруга",
		"адвокат", "адвокаты", "защитник", "родственник",
		"родственники", "родители", "дети", "внук", "внучка",
		"племянник", "племянница", "семья", "пресс-секретарь",
		"представитель", "помощник", "советник", NULL
	};

	return str_in(f, kin);
}

/* Is token i a common word: lower case, or capitalised only because it
 * opens a sentence? */
int
tok_common(const struct ex *x, size_t i)
{
	const struct token	*t;

	if (i >= x->sg->n)
		return 0;
	t = &x->sg->t[i];
	if (t->type != SEG_WORD || (t->flags & SEG_ALLCAPS))
		return 0;
	if (!(t->flags & SEG_CAP))
		return 1;
	return (t->flags & SEG_PARA) || i == 0 || tok_sentend(x, i - 1);
}

/* Is token i an adverb of manner (публично, постоянно, открыто, резко):
 * lower case, in -но, -ло, -ко, -то, -ро, and in no word list? */
int
tok_adverb(const struct ex *x, size_t i)
{
	const char	*f;

	if (i >= x->sg->n || x->sg->t[i].type != SEG_WORD ||
	    !tok_common(x, i))
		return 0;
	f = x->w[i];
	if (strlen(f) < 8 || tok_has(x, i, TF_ROLE) ||
	    tok_has(x, i, TF_GROUP) || tok_has(x, i, TF_INST))
		return 0;
	/* "Шевченко заявил": a surname in -нко opening a sentence. */
	if ((x->sg->t[i].flags & SEG_CAP) && tok_ends(f, "нко"))
		return 0;
	return tok_ends(f, "но") || tok_ends(f, "ло") || tok_ends(f, "ко") ||
	    tok_ends(f, "то") || tok_ends(f, "ро") || tok_ends(f, "ски");
}

/* Is folded role noun f in the plural ("демократы", "мэров", "послам")?
 * The genitive of nouns in -а (главы, судьи, коллеги) and of
 * feminine ones in -ка is singular, so those endings do not count. */
int
tok_role_plural(const char *f)
{
	size_t	l = strlen(f);

	if (l < 6)
		return 0;
	return tok_ends(f, "ов") || tok_ends(f, "ев") || tok_ends(f, "ам") ||
	    tok_ends(f, "ям") || tok_ends(f, "ами") || tok_ends(f, "ями") ||
	    tok_ends(f, "ах") || tok_ends(f, "ях") || ((tok_ends(f, "ы") ||
	    tok_ends(f, "и")) && !tok_ends(f, "вы") && !tok_ends(f, "ьи") &&
	    !tok_ends(f, "ки") && !tok_ends(f, "ги") && !tok_ends(f, "хи"));
}
