/*
 * people.c: the article's table of people, groups and institutions.
 * Each mention of a candidate is resolved to one of them: a name to the
 * person of that surname, a pronoun to the last person of its gender, a
 * role noun to the person who holds the role, so that every quote gets
 * the fullest form of its speaker's name.  No I/O.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistr.h>

#include "extract.h"
#include "lexicon.h"
#include "segment.h"
#include "speakers.h"
#include "util.h"

static char	*span_text(const struct ex *, size_t, size_t, int);
static char	*group_text(const struct ex *, size_t, size_t);
static char	*word_nominative(const struct ex *, size_t);
static char	*np_nominative(const struct ex *, size_t, size_t);
static char	*loc_nominative(const struct ex *, size_t, size_t);
static char	*plural_nominative(const struct ex *, size_t, size_t);
static char	*conjoined_text(const struct ex *, const struct mention *);
static int	 ent_person(struct ex *, const struct mention *, enum agr,
		    size_t, int);
static char	*ent_surname(const char *);
static int	 role_before(const struct ex *, size_t, size_t, size_t *);
static char	*role_span(const struct ex *, size_t, size_t, int);
static int	 proper_noun(const struct ex *, size_t);
static char	*name_stem(const char *);
static void	 name_words(const char *, char **, char **, char **);
static int	 name_first_same(const char *, const char *);
static int	 name_lead_word(const struct ex *, size_t, const char *,
		    const char *, enum agr);
static int	 name_sentence_word(const struct ex *, size_t, enum agr);
static int	 name_sentence_start(const struct ex *, size_t);
static size_t	 loc_prep(const struct ex *, size_t);
static int	 name_capital_inside(const struct ex *, size_t, int);
static int	 name_quality(const struct ex *, const struct mention *,
		    enum agr, int);
static char	*name_merge(const char *, int, const char *, int);
static struct ent *ent_new(struct ex *);
static size_t	 ent_first_name(const struct ex *, const char *, enum gender);
static void	 ent_add_role(struct ent *, const char *);
static int	 ent_has_role(const char *, const char *);
static int	 past_sg(const struct ex *, size_t);
static void	 people_agencies(struct ex *);
static int	 ent_agency(const struct ex *, const struct cand *);
static char	*noun_gen_nominative(const char *);
static int	 lone_surname_role(const struct ex *, size_t);
static int	 lone_surname_subject(const struct ex *, size_t);
static int	 ent_literal(struct ex *, const char *, enum speaker_kind,
		    size_t);
static int	 ent_recent(const struct ex *, enum gender, int, int,
		    const struct cand *);
static unsigned	 ent_sal(const struct ex *, const struct ent *, size_t);
static void	 ent_touch(struct ex *, int, size_t, unsigned);
static int	 name_surname_like(const char *);
static void	 people_bodies(struct ex *);
static void	 people_groups(struct ex *);
static int	 body_noun(const char *);
static int	 country(const struct ex *, size_t);
static char	*adjectives_nominative(const struct ex *, size_t, const char *);
struct passing_seen {
	const char	*literal;	/* a body's nominative, of the lists */
	const char	*country;	/* folded */
	int		 ok;
};
static int	 passing_ok(const struct ex *, size_t, size_t, const char *,
		    struct passing_seen *, size_t);
static int	 business_noun(const char *);
static int	 ent_named_body(const struct ent *);
static int	 legal_suffix(const char *);
static size_t	 role_start(const struct ex *, size_t);
static int	 ent_named(const struct ex *, const char *);
static int	 ent_next(struct ex *, size_t, enum agr);
static int	 new_referent(const char *);
static int	 mention_court(const struct ex *, const struct mention *);
static int	 mention_medium(const struct ex *, const struct mention *);
static int	 media_form(const struct ex *, const char *, int *);
static int	 ent_medium(const struct ex *, const struct ent *);
static int	 role_oblique(const struct ex *, const char *);
static int	 other_office(const char *, const char *);
static int	 place_name(const struct ex *, size_t, size_t);
static int	 ent_next_here(struct ex *, size_t, enum agr);
static int	 roles_word(const char *, const char *, int);
static void	 adjective_agree(const struct ex *, size_t, size_t, char *);
static struct cand *body_cand(struct ex *, size_t, size_t, size_t);
static enum gender role_gender(const struct ex *, size_t, size_t,
		    enum gender);
static int	 surname_seen(const struct ex *, size_t, const size_t *,
		    size_t);
static int	 role_plural(const struct ex *, const struct cand *);
static int	 role_person(struct ex *, const struct cand *, size_t,
		    enum gender);

/*
 * Salience, in the manner of Lappin and Leass: every mention of an entity
 * adds a weight, and what it has halves with each sentence that passes,
 * so a pronoun or a role noun finds the person the text is about rather
 * than the last name it passed.
 */
#define SAL_MENTION	100	/* any mention */
#define SAL_SUBJECT	80	/* ... in subject position */
#define SAL_SPEAKER	50	/* the speaker of a quote */

/* Where the role phrase before the name that starts at token first
 * begins, so that the role is the person's; first when there is none. */
static size_t
role_start(const struct ex *x, size_t first)
{
	size_t	rs;

	return role_before(x, first > 10 ? first - 10 : 0, first, &rs) ?
	    rs : first;
}

/* Does folded word w end like a surname in the nominative? */
static int
name_surname_like(const char *w)
{
	static const char *const end[] = {
		"ов", "ев", "ёв", "ин", "ын", "ова", "ева", "ина", "ына",
		"ский", "цкий", "ская", "цкая", "енко", "ко", "ук", "юк",
		"ян", "дзе", "швили", "улы", "кызы", "ич", "ль", NULL
	};
	size_t	k, lw = strlen(w);

	for (k = 0; end[k] != NULL; k++) {
		size_t	le = strlen(end[k]);

		if (lw > le + 2 && memcmp(w + lw - le, end[k], le) == 0)
			return 1;
	}
	return 0;
}

/* Is token i a verb in the past, masculine or feminine singular
 * (прибыл, позвонила), in lower case? */
static int
past_sg(const struct ex *x, size_t i)
{
	return i < x->sg->n && x->sg->t[i].type == SEG_WORD &&
	    tok_common(x, i) && strlen(x->w[i]) >= 8 &&
	    (tok_ends(x->w[i], "л") || tok_ends(x->w[i], "ла")) &&
	    !tok_ends(x->w[i], "ль") && tok_agr(x->w[i]) != AGR_NONE;
}

/* Is lone name word i after a role noun in lower case (or first in its
 * sentence): "министр Ахметов", "Министр Ахметов"? */
static int
lone_surname_role(const struct ex *x, size_t i)
{
	return i > 0 && tok_has(x, i - 1, TF_ROLE) && tok_common(x, i - 1);
}

/*
 * Is lone name word i the subject of a verb in the past: right before a
 * masculine or feminine form ("Токаев прибыл"), or right after one and
 * last in its clause, with a suffix no oblique case has ("прибыл
 * Токаев.")?
 */
static int
lone_surname_subject(const struct ex *x, size_t i)
{
	if (past_sg(x, i + 1))
		return !(tok_agr(x->w[i + 1]) == AGR_M &&
		    (tok_ends(x->w[i], "ова") || tok_ends(x->w[i], "ева") ||
		    tok_ends(x->w[i], "ина") || tok_ends(x->w[i], "ская")));
	return i > 0 && i + 1 < x->sg->n && past_sg(x, i - 1) &&
	    (tok_sentend(x, i + 1) || tok_punct(x, i + 1, ',')) &&
	    (tok_ends(x->w[i], "ов") || tok_ends(x->w[i], "ев") ||
	    tok_ends(x->w[i], "ин") || tok_ends(x->w[i], "ский"));
}

/*
 * Is lone name word i the last word of one of the names seen[0..n)
 * (token indices) in another case: the two share all but their last two
 * letters, and neither is shorter than four ("Керри", "Джонсона" after
 * "Бориса Джонсона", "Джонсон")?
 */
static int
surname_seen(const struct ex *x, size_t i, const size_t *seen, size_t n)
{
	const char	*a = x->w[i];
	size_t		 k, la = strlen(a);

	for (k = 0; k < n; k++) {
		const char	*b = x->w[seen[k]];
		size_t		 lb = strlen(b), p = 0, lo = la < lb ? la : lb;

		while (p < lo && a[p] == b[p])
			p++;
		while (p > 0 && ((unsigned char)a[p] & 0xc0) == 0x80)
			p--;
		if (u8_mbsnlen((const uint8_t *)a, p) >= 4 &&
		    u8_mbsnlen((const uint8_t *)a + p, la - p) <= 2 &&
		    u8_mbsnlen((const uint8_t *)b + p, lb - p) <= 2)
			return 1;
	}
	return 0;
}

/* Is folded word w the legal form after a company's name? */
static int
legal_suffix(const char *w)
{
	static const char *const sfx[] = {
		"holdings", "holding", "plc", "inc", "ltd", "llc", "ag", "sa",
		"corp", "corporation", "group", "gmbh", "co", "nv", "se", NULL
	};

	return str_in(w, sfx);
}

/* Was e named by the body scan, with a generic noun of its own? */
static int
ent_named_body(const struct ent *e)
{
	return e->roles != NULL;
}

/*
 * Records every group named as the subject of a plural verb ("Жители
 * остались довольны"), so that "по их словам" finds it.
 */
static void
people_groups(struct ex *x)
{
	const struct lex_entry	*le;
	size_t			 i, s;

	for (i = 0; i + 1 < x->sg->n; i++) {
		struct cand	*c;

		if (x->mask[i] || !tok_has(x, i, TF_GROUP) ||
		    (le = lexicon_word(x->lx, LEX_GROUPS, x->w[i])) == NULL ||
		    strcmp(le->tag, x->w[i]) != 0 ||
		    tok_agr(x->w[i + 1]) != AGR_PL || !tok_common(x, i))
			continue;
		for (s = i; s > 0 && tok_adjective(x, s - 1) &&
		    tok_common(x, s - 1); s--)
			;
		c = quotes_cand_add(x);
		c->is_quote = 0;
		c->order = i;
		c->m.type = MEN_GROUP;
		c->m.s = c->m.ns = s;
		c->m.e = c->m.ne = i + 1;
		c->m.subj = 1;
	}
}

/* Is folded word w a noun of a body that bears a name of its own
 * (компания, холдинг, партия, банк, фонд, ...)? */
static int
body_noun(const char *w)
{
	static const char *const noun[] = {
		"компани", "авиакомпани", "холдинг", "концерн", "корпораци",
		"банк", "фонд", "парти", "движени", "организаци", "клуб",
		"театр", "музе", "университет", "агентств", "издательств",
		"телеканал", "радиостанци", "газет", "журнал", "сервис",
		"сеть", "сети", "производител", "перевозчик", "группа",
		"групп", "ассоциаци", "союз", "профсоюз", "альянс",
		"авиаперевозчик", "ритейлер", "оператор", "провайдер",
		"стартап", "разработчик", "платформ", "автоконцерн",
		"автопроизводител", "застройщик", "операто", NULL
	};
	size_t	k;

	for (k = 0; noun[k] != NULL; k++)
		if (strncmp(w, noun[k], strlen(noun[k])) == 0)
			return 1;
	return 0;
}

/*
 * Records every body named by a generic noun and its proper name
 * ("авиакомпания Ryanair", "холдинг «Газпром-Медиа»", "компания Apple"),
 * so that a later "авиакомпания заявила" finds it.
 */
static void
people_bodies(struct ex *x)
{
	size_t	i, s, e, k;

	for (i = 0; i + 1 < x->sg->n; i++) {
		/* Only nouns of a body with a name of its own; "пресс-служба
		 * МВД" and "полиция Спрингфилда" are genitives. */
		if (x->sg->t[i].type != SEG_WORD || x->mask[i] ||
		    !(tok_open_quote(x, i + 1) ||
		    (x->sg->t[i + 1].flags & SEG_LATIN)) ||
		    proper_noun(x, i) || !body_noun(x->w[i]))
			continue;
		s = i + 1;
		if (tok_open_quote(x, s)) {
			/* A name in quotation marks: "холдинг «Газпром»". */
			s++;
			for (e = s; e < x->sg->n && e < s + 5 &&
			    !tok_close_quote(x, e) && !tok_sentend(x, e); e++)
				;
			if (e == s || !tok_close_quote(x, e) ||
			    !(x->sg->t[s].flags & (SEG_CAP | SEG_ALLCAPS)))
				continue;
		} else {
			/* A Latin name: "авиакомпания Ryanair". */
			for (e = s; e < x->sg->n && e < s + 4 &&
			    x->sg->t[e].type == SEG_WORD &&
			    (x->sg->t[e].flags & SEG_LATIN) &&
			    (x->sg->t[e].flags & (SEG_CAP | SEG_ALLCAPS)); e++)
				;
			if (e == s)
				continue;
			/* "Ryanair Holdings Plc" is Ryanair. */
			while (e > s + 1 && legal_suffix(x->w[e - 1]))
				e--;
		}
		body_cand(x, i, s, e);
		i = e;
	}
	/* "Ryanair отменила рейсы", "Google объявил": a name in Latin
	 * letters, no medium's and no person's, as the subject of a verb
	 * in the past, so that "авиакомпания" after it finds it. */
	for (i = 0; i + 1 < x->sg->n; i++) {
		if (x->mask[i] || x->sg->t[i].type != SEG_WORD ||
		    !(x->sg->t[i].flags & SEG_LATIN) ||
		    !(x->sg->t[i].flags & (SEG_CAP | SEG_ALLCAPS)) ||
		    (i > 0 && x->sg->t[i - 1].type == SEG_WORD &&
		    (x->sg->t[i - 1].flags & SEG_LATIN)))
			continue;
		for (e = i; e < x->sg->n && e < i + 3 &&
		    x->sg->t[e].type == SEG_WORD &&
		    (x->sg->t[e].flags & SEG_LATIN) &&
		    (x->sg->t[e].flags & (SEG_CAP | SEG_ALLCAPS)); e++)
			;
		/* Its verb right after it, or past a few words in lower
		 * case ("Ryanair из-за забастовки отменил"). */
		for (k = e; k < x->sg->n && k < e + 4 &&
		    x->sg->t[k].type == SEG_WORD && tok_common(x, k) &&
		    !(x->sg->t[k].flags & SEG_CAP) && !tok_finite_past(x, k);
		    k++)
			;
		if (k >= x->sg->n || !tok_finite_past(x, k) ||
		    tok_has(x, i, TF_MEDIA) || tok_has(x, i, TF_FIRST) ||
		    (i > 0 && body_noun(x->w[i - 1])))
			continue;
		body_cand(x, i, i, e);
		i = e;
	}
}

/* A candidate that is no quote: the body named by tokens [ns, e), its
 * mention starting at s, in order at ns. */
static struct cand *
body_cand(struct ex *x, size_t s, size_t ns, size_t e)
{
	struct cand	*c = quotes_cand_add(x);

	c->is_quote = 0;
	c->order = ns;
	c->m.type = MEN_INST;
	c->m.s = s;
	c->m.ns = ns;
	c->m.e = c->m.ne = e;
	return c;
}

/*
 * Records every body of the word lists with a name of its own that is
 * the subject of a verb ("Следственный комитет возбудил дело", "Госдеп
 * США выразил"), so that "в ведомстве" after it finds it.
 */
static void
people_agencies(struct ex *x)
{
	const struct lex_entry	*le;
	size_t			 i, k, e;
	int			 subj;
	struct passing_seen	 seen[16];

	memset(seen, 0, sizeof(seen));

	for (i = 0; i + 1 < x->sg->n; i++) {
		struct cand	*c;

		if (x->mask[i] || x->sg->t[i].type != SEG_WORD ||
		    !(x->sg->t[i].flags & (SEG_CAP | SEG_ALLCAPS)) ||
		    (le = lexicon_match(x->lx, LEX_INSTITUTIONS, x->w + i,
		    x->sg->n - i, &k)) == NULL ||
		    !segment_starts_upper(le->tag) ||
		    strcmp(le->value, "court") == 0)
			continue;
		/* Its complement in capitals ("США", "России"), then the
		 * verb. */
		for (e = i + k; e < x->sg->n && e < i + k + 2 &&
		    x->sg->t[e].type == SEG_WORD &&
		    (x->sg->t[e].flags & (SEG_CAP | SEG_ALLCAPS)); e++)
			;
		subj = e < x->sg->n && tok_common(x, e) &&
		    tok_agr(x->w[e]) != AGR_NONE && !tok_gerund(x->w[e]);
		/* Else named in passing with its country ("группировки
		 * Минобороны России"), so that a later "в Минобороны"
		 * finds the full name. */
		if (!subj && !(e > i + k && country(x, i + k) &&
		    passing_ok(x, i, i + k, le->tag, seen,
		    sizeof(seen) / sizeof(seen[0]))))
			continue;
		c = body_cand(x, i, i, e);
		c->m.literal = le->tag;
		c->m.cs = i + k;
		c->m.ce = e;
		c->m.subj = subj;
		c->passing = !subj;
		i = e;
	}
}

/*
 * May the body of the lists at token i, named with the country at token
 * ci, stand for every bare mention of it (literal, its nominative)?  Not
 * when it is the complement of another body or role ("пресс-служба МВД
 * Киргизии" speaks, not the МВД), nor when the article names that body
 * of another country too ("российский МИД", "МИД Франции").  The
 * article is read once for each body and country (cache, of n slots).
 */
static int
passing_ok(const struct ex *x, size_t i, size_t ci, const char *literal,
    struct passing_seen *cache, size_t n)
{
	const struct lex_entry	*le;
	size_t			 j, k, slot;
	int			 ok = 1;

	if (i > 0 && (tok_has(x, i - 1, TF_ROLE) || tok_has(x, i - 1,
	    TF_INST) || (i > 1 && tok_prep(x, i - 1) &&
	    tok_has(x, i - 2, TF_ROLE))))
		return 0;	/* and "собеседник в МИД ФРГ" */
	for (slot = 0; slot < n && cache[slot].literal != NULL; slot++)
		if (strcmp(cache[slot].literal, literal) == 0 &&
		    strcmp(cache[slot].country, x->w[ci]) == 0)
			return cache[slot].ok;
	if (slot == n)
		return 0;	/* a text of many bodies: none stands in */
	for (j = 0; j < x->sg->n && ok; j++) {
		if (x->sg->t[j].type != SEG_WORD ||
		    (le = lexicon_match(x->lx, LEX_INSTITUTIONS, x->w + j,
		    x->sg->n - j, &k)) == NULL || strcmp(le->tag, literal) != 0)
			continue;
		if (j + k < x->sg->n && country(x, j + k)) {
			if (strcmp(x->w[j + k], x->w[ci]) != 0)
				ok = 0;	/* another country's */
		} else if (j > 0 && tok_adjective(x, j - 1) &&
		    tok_common(x, j - 1))
			ok = 0;	/* "в российском МИДе" */
	}
	cache[slot].literal = literal;
	cache[slot].country = x->w[ci];
	cache[slot].ok = ok;
	return ok;
}

/* Is token i a country of the word lists in an oblique case or in
 * capitals ("России", "США", "Германии")? */
static int
country(const struct ex *x, size_t i)
{
	const struct lex_entry	*le;
	char			*f = NULL;
	int			 oblique;

	if (x->sg->t[i].type != SEG_WORD ||
	    (le = lexicon_word(x->lx, LEX_INSTITUTIONS, x->w[i])) == NULL ||
	    !segment_starts_upper(le->tag))
		return 0;
	if (x->sg->t[i].flags & SEG_ALLCAPS)
		return 1;
	segment_fold_string(le->tag, strlen(le->tag), &f);
	oblique = strcmp(f, x->w[i]) != 0;
	free(f);
	return oblique;
}

/*
 * Records every mention of a person seen anywhere, so that later
 * surname-only mentions find the full form and pronouns the person the
 * text is about: a known first name and a surname; two name words inside
 * a sentence (Даррен Битти); a surname after a role noun (скульптор
 * Франгулян).  Names in quotation marks are titles, not people.
 */
void
people_names(struct ex *x)
{
	size_t	i, n, first, last, seen[64], nseen = 0;

	people_bodies(x);
	people_groups(x);
	people_agencies(x);
	for (i = 0; i < x->sg->n; i++) {
		struct cand	*c;
		int		 known = 0;

		if (!tok_name(x, i) || (i > 0 && tok_name(x, i - 1)) ||
		    x->mask[i] || (x->sg->t[i].flags & SEG_LATIN))
			continue;
		for (last = i; last + 1 < x->sg->n && last < i + 3;) {
			size_t	p = last + 1;

			/* "Урсула фон дер Ляйен" */
			while (p < x->sg->n && p < last + 3 &&
			    mention_particle(x, p))
				p++;
			if (p >= x->sg->n || !tok_name(x, p))
				break;
			last = p;
		}
		first = mention_name_run(x, i, last, &n);
		if (n == 0)
			continue;
		/* A first name inside the run starts the name: "Отставка
		 * Бориса Джонсона". */
		for (; first < last; first++)
			if (tok_has(x, first, TF_FIRST) ||
			    tok_oblique_first(x, first) != SPEAKERS_NOM) {
				known = 1;
				break;
			}
		if (!known)
			first = last + 1 - n;
		n = last + 1 - first;
		if (first > 0 && tok_open_quote(x, first - 1))
			continue;
		if (n >= 2 && !known) {
			/* Two unknown words: a name inside a sentence, and
			 * not an adjective and its noun (Северная Корея). */
			if (tok_adjective(x, first) ||
			    x->sg->t[first].flags & SEG_PARA ||
			    (first > 0 && tok_sentend(x, first - 1)))
				continue;
		} else if (n == 1) {
			/* A lone word shaped like a surname (not "президент
			 * России") after a role noun, or the subject of a
			 * verb in the past ("Токаев прибыл", "прибыл
			 * Токаев."), so that a pronoun after it finds it;
			 * so too the subject that is the last word of a
			 * name seen before in any case ("Джона Керри ...
			 * Керри сыграл"). */
			int	like = name_surname_like(x->w[first]);

			if (!(like && lone_surname_role(x, first)) &&
			    !(lone_surname_subject(x, first) && (like ||
			    surname_seen(x, first, seen, nseen))))
				continue;
		} else if (nseen < sizeof(seen) / sizeof(seen[0]))
			seen[nseen++] = last;
		c = quotes_cand_add(x);
		c->is_quote = 0;
		c->order = first;
		c->m.type = MEN_NAME;
		c->m.s = role_start(x, first);
		c->m.ns = first;
		c->m.e = c->m.ne = last + 1;
		c->m.cas = mention_name_case(x, first);
		c->m.subj = c->m.cas == SPEAKERS_NOM &&
		    !(first > 0 && tok_prep(x, first - 1));
		i = last;
	}
}

/* Text of tokens [s, e) as written, words joined by one space; when
 * lower, the first letter is lowered (a role or a group). */
static char *
span_text(const struct ex *x, size_t s, size_t e, int lower)
{
	struct buf	b;
	size_t		i;

	buf_init(&b);
	for (i = s; i < e; i++) {
		const struct token	*t = &x->sg->t[i];

		if (i > s && (t->flags & SEG_SPACE))
			buf_addc(&b, ' ');
		if (i == s && lower && t->type == SEG_WORD &&
		    !(t->flags & SEG_ALLCAPS) && !(t->flags & SEG_LATIN)) {
			char	*f = NULL;
			size_t	 fl;
			int	 n = 0;

			/* The folded first character, then the rest. */
			fl = segment_fold_string(x->text + t->start,
			    t->end - t->start, &f);
			(void)fl;
			while (f[n] != '\0' && ((unsigned char)f[n + 1] & 0xc0)
			    == 0x80)
				n++;
			buf_add(&b, f, (size_t)n + 1);
			free(f);
			n = 1;
			while (t->start + n < t->end &&
			    ((unsigned char)x->text[t->start + n] & 0xc0) ==
			    0x80)
				n++;
			buf_add(&b, x->text + t->start + n,
			    t->end - t->start - n);
			continue;
		}
		buf_add(&b, x->text + t->start, t->end - t->start);
	}
	return buf_steal(&b);
}

/*
 * The role phrase before a name that starts at token first, not before
 * lo: from the leftmost role noun of the chain, with its adjectives, to
 * the name ("Младший брат", "заместитель акима", "посол Ирландии в
 * США", "лидер «Лиги»").  Returns 0 when there is none.
 */
static int
role_before(const struct ex *x, size_t lo, size_t first, size_t *rs)
{
	static const char *const nom_adj[] = { "ий", "ый", "ой", "ая", "ое",
	    "ые", "ие", NULL };
	size_t	i, found = first;

	for (i = first; i > lo && first - i < 9; i--) {
		const struct token	*t = &x->sg->t[i - 1];

		if (t->type == SEG_PUNCT) {
			if (tok_open_quote(x, i - 1) || tok_close_quote(x, i - 1))
				continue;
			break;
		}
		if (tok_has(x, i - 1, TF_ROLE) || (found < first &&
		    people_role_shape(x, i - 1) && !tok_finite_past(x, i - 1) &&
		    /* not "умер старейший житель" */
		    !(tok_adjective(x, i) && tok_ends_any(x->w[i], nom_adj)))) {
			/* "биограф знаменитого инженера Фредерик Олесси":
			 * the head before a role in the genitive. */
			found = i - 1;
			continue;
		}
		/* "посол Ирландии в США", "комитета по безопасности", but
		 * not "леди в интервью телеведущей". */
		if (tok_prep(x, i - 1) && !tok_is(x, i - 1, "по") &&
		    !tok_is(x, i - 1, "при") && !((tok_is(x, i - 1, "в") ||
		    tok_is(x, i - 1, "во")) && i < first &&
		    (x->sg->t[i].flags & (SEG_CAP | SEG_ALLCAPS))))
			break;
		/* "... назначен 39-летний X": a short participle is the
		 * predicate, no part of a role. */
		if (tok_verb(x, i - 1, x->sg->n, NULL, NULL) ||
		    tok_is(x, i - 1, "и") ||
		    tok_is(x, i - 1, "а") || tok_is(x, i - 1, "что") ||
		    (!tok_has(x, i - 1, TF_ROLE) && tok_common(x, i - 1) &&
		    strlen(x->w[i - 1]) >= 12 &&
		    (tok_ends(x->w[i - 1], "ен") ||
		    tok_ends(x->w[i - 1], "ена") ||
		    tok_ends(x->w[i - 1], "ены"))))
			break;
		/* A capitalised word is a complement only in the genitive
		 * ("Украины"), as an abbreviation or in Latin letters
		 * ("директор компании Microsoft"). */
		if ((t->flags & SEG_CAP) &&
		    !(t->flags & (SEG_ALLCAPS | SEG_LATIN)) &&
		    !tok_has(x, i - 1, TF_ROLE) && !tok_oblique(x->w[i - 1]) &&
		    !tok_ends(x->w[i - 1], "а") && !tok_ends(x->w[i - 1], "ы") &&
		    !tok_ends(x->w[i - 1], "и") && !tok_ends(x->w[i - 1], "я") &&
		    found == first)
			break;
	}
	/* A noun the lists do not know, right before the name:
	 * "биограф Фредерик Олесси"; in the nominative, so the name is
	 * too ("вручил детонатор Мишелю Барнье"). */
	if (found == first && first > lo && people_role_shape(x, first - 1) &&
	    mention_name_case(x, first) == SPEAKERS_NOM)
		found = first - 1;
	if (found == first)
		return 0;
	/* "семья Джо Байдена": a family is no one's role. */
	if (strncmp(x->w[found], "семь", 8) == 0)
		return 0;
	/* Its adjectives: "Младший брат", "генеральный секретарь". */
	while (found > lo && tok_adjective(x, found - 1) &&
	    !tok_stop(x, found - 1) && !tok_has(x, found - 1, TF_ROLE))
		found--;
	/* Acting: "и. о. главы центра". */
	if (found >= lo + 4 && tok_is(x, found - 4, "и") &&
	    tok_punct(x, found - 3, '.') && tok_is(x, found - 2, "о") &&
	    tok_punct(x, found - 1, '.'))
		found -= 4;
	*rs = found;
	return 1;
}

/* Could token i, a word no list knows, be a noun naming a person's
 * occupation in the nominative, right before a name ("биограф")? */
int
people_role_shape(const struct ex *x, size_t i)
{
	const char	*f = x->w[i];
	size_t		 l = strlen(f);

	if (x->sg->t[i].type != SEG_WORD || !tok_common(x, i) ||
	    tok_stop(x, i) || tok_prep(x, i) || tok_adjective(x, i) ||
	    tok_verb(x, i, x->sg->n, NULL, NULL) || l < 8 ||
	    tok_agr(f) != AGR_NONE || tok_oblique(f))
		return 0;
	/* "приговор", "договор", "выбор": a thing done, no one's
	 * occupation. */
	if (tok_ends(f, "говор") || tok_ends(f, "бор"))
		return 0;
	return tok_ends(f, "ор") || tok_ends(f, "ер") || tok_ends(f, "ист") ||
	    tok_ends(f, "ант") || tok_ends(f, "ент") || tok_ends(f, "ик") ||
	    tok_ends(f, "ог") || tok_ends(f, "аф") || tok_ends(f, "тель") ||
	    tok_ends(f, "арь") || tok_ends(f, "ец") || tok_ends(f, "ер") ||
	    tok_ends(f, "ница") || tok_ends(f, "истка") || tok_ends(f, "ка");
}


/*
 * Is folded role noun f in an oblique case: a case ending whose removal
 * leaves another form of a role noun, bare or with -ь, -й, -а
 * (президенту, представителю, главы, демократов)?
 */
static int
role_oblique(const struct ex *x, const char *f)
{
	static const char *const end[] = {
		"ами", "ом", "ем", "ой", "ей", "ов", "ев", "ам", "ах", "у",
		"ю", "е", "ы", "и", "а", "я", NULL
	};
	static const char *const add[] = { "", "ь", "й", "а", NULL };
	const struct lex_entry	*le;
	size_t			 k, j, l = strlen(f);
	int			 hit = 0;

	if ((le = lexicon_word(x->lx, LEX_ROLES, f)) != NULL &&
	    strcmp(le->tag, "form") == 0)
		return 1;	/* "посла" */
	/* "замглавы" is a nominative of its own. */
	if (strncmp(f, "зам", strlen("зам")) == 0 && l > strlen("главы") &&
	    strcmp(f + l - strlen("главы"), "главы") == 0)
		return 0;
	for (k = 0; end[k] != NULL && !hit; k++) {
		size_t	el = strlen(end[k]);

		if (l <= el + 4 || strcmp(f + l - el, end[k]) != 0)
			continue;
		for (j = 0; add[j] != NULL && !hit; j++) {
			char	*st = xasprintf("%.*s%s", (int)(l - el), f,
				    add[j]);

			hit = strcmp(st, f) != 0 &&
			    lexicon_word(x->lx, LEX_ROLES, st) != NULL;
			free(st);
		}
	}
	return hit;
}

/* The text of a role in tokens [s, e): trailing punctuation dropped but
 * a closing quotation mark whose opening one is inside kept. */
static char *
role_span(const struct ex *x, size_t s, size_t e, int oblique)
{
	size_t	i;
	int	open = 0;

	for (i = s; i < e; i++)
		if (tok_open_quote(x, i) && !tok_close_quote(x, i))
			open++;
		else if (tok_close_quote(x, i) && open > 0)
			open--;
	while (e > s && x->sg->t[e - 1].type == SEG_PUNCT &&
	    !(open == 0 && tok_close_quote(x, e - 1) && e - 1 > s &&
	    !tok_open_quote(x, e - 1)))
		e--;
	if (e <= s)
		return NULL;
	/* A verb in it: no role of the name ("республиканец обошел
	 * демократку X", "победитель выборов станет X"). */
	for (i = s + 1; i < e; i++) {
		if (tok_has(x, i, TF_INST) || tok_has(x, i, TF_ROLE) ||
		    tok_has(x, i, TF_GROUP))
			continue;	/* "филиала" is no past tense */
		/* Not "-ала": "филиала" is a noun. */
		if ((tok_finite_past(x, i) && !tok_ends(x->w[i], "а")) ||
		    tok_is(x, i, "стал") ||
		    tok_is(x, i, "стала") || tok_is(x, i, "был") ||
		    tok_is(x, i, "была") || tok_is(x, i, "является") ||
		    (x->sg->t[i].type == SEG_WORD &&
		    (tok_verb(x, i, e, NULL, NULL) || (tok_common(x, i) &&
		    tok_agr(x->w[i]) == AGR_SG && strlen(x->w[i]) >= 8))))
			return NULL;
	}
	/* "победой Президент России": a capitalised role or adjective
	 * within the sentence starts it, when no role noun is before. */
	for (i = s + 1; i < e; i++) {
		if (tok_has(x, i - 1, TF_ROLE))
			break;
		if ((x->sg->t[i].flags & SEG_CAP) &&
		    !(x->sg->t[i].flags & SEG_ALLCAPS) &&
		    (tok_has(x, i, TF_ROLE) || tok_adjective(x, i))) {
			s = i;
			break;
		}
	}
	/* "бывший аким Тараза демократ", "экс-госсекретарь США
	 * демократ": a role noun in the nominative after a complement
	 * is another apposition; the role ends before it.  When the
	 * name is oblique, so is the apposition, in the head's case. */
	{
		size_t	j, h;

		for (h = s; h < e && !tok_has(x, h, TF_ROLE); h++)
			;
		for (j = s + 1; j < e; j++) {
			const char	*f = x->w[j], *hf;
			size_t		 fl = strlen(f), hl;

			if (x->sg->t[j].type != SEG_WORD ||
			    !tok_has(x, j, TF_ROLE) || tok_role_plural(f) ||
			    x->sg->t[j - 1].type != SEG_WORD ||
			    tok_adjective(x, j - 1) || tok_prep(x, j - 1))
				continue;
			if (!oblique && (role_oblique(x, f) ||
			    tok_role_genitive(x, j)))
				continue;
			if (oblique) {
				/* Same last letter as the head. */
				if (h >= j || tok_has(x, j - 1, TF_ROLE))
					continue;
				hf = x->w[h];
				hl = strlen(hf);
				if (fl < 2 || hl < 2 ||
				    strcmp(f + fl - 2, hf + hl - 2) != 0)
					continue;
			}
			e = j;
			break;
		}
	}
	/* The head: the first role noun.  One person holds no plural
	 * role ("демократов", "мэры Москвы"); one in the instrumental
	 * ("новым министром") is read in the nominative. */
	for (i = s; i < e && !tok_has(x, i, TF_ROLE); i++)
		;
	if (i < e && tok_role_plural(x->w[i]))
		return NULL;
	/* A role in the genitive before a name in the nominative is
	 * another's ("супруг президента США"): none of this person's. */
	if (i < e && !oblique && tok_role_genitive(x, i))
		return NULL;
	/* "при Президенте РФ": a role in the prepositional is a place. */
	if (i < e && i > s && tok_prep(x, i - 1))
		return NULL;
	if (i == s && i > 0 && tok_prep(x, i - 1) && tok_ends(x->w[i], "е"))
		return NULL;
	if (i < e && !oblique && (tok_ends(x->w[i], "ом") ||
	    tok_ends(x->w[i], "ем") || tok_ends(x->w[i], "ой")))
		oblique = 1;
	/* "президенту Ерлану Сапарову", the name read as a subject: the
	 * head's own ending tells the case. */
	if (i < e && !oblique && role_oblique(x, x->w[i]))
		oblique = 1;
	if (oblique)
		return np_nominative(x, s, e);
	return span_text(x, s, e, !proper_noun(x, s));
}

/* The role words of a name mention: the role phrase before the name
 * ("министр иностранных дел Сергей Лавров"), or one after it in commas
 * ("Анна Соколовская, профессор МГУ,").  The caller frees the result;
 * NULL when there is none. */
char *
people_role_text(const struct ex *x, const struct mention *m)
{
	size_t	s, i, e, lim;

	if (m->ns > m->s && role_before(x, m->s, m->ns, &s)) {
		size_t	h;

		/* "адвокат Асии Биби": a name in the genitive after a
		 * role in the nominative is whom the role serves. */
		for (h = s; h < m->ns && !tok_has(x, h, TF_ROLE); h++)
			;
		if (m->cas == SPEAKERS_GEN && h < m->ns &&
		    !tok_role_genitive(x, h) && !tok_ends(x->w[h], "ы") &&
		    !tok_ends(x->w[h], "и"))
			return NULL;
		return role_span(x, s, m->ns, m->cas != SPEAKERS_NOM);
	}
	/* Or after it, in commas: within the mention, or closed by a
	 * comma after it ("Бауыржан Байбек, аким Алматы, заявил"). */
	lim = m->e;
	if (m->ne == m->e && tok_punct(x, m->ne, ','))
		lim = x->sg->n;
	s = m->ne;
	if (s < lim && tok_punct(x, s, ','))
		s++;
	for (i = s; i < lim && i < s + 3; i++)
		if (tok_has(x, i, TF_ROLE))
			break;
	if (i >= lim || i >= s + 3)
		return NULL;
	for (e = s; e < lim && e < s + 8 && !tok_punct(x, e, ',') &&
	    !tok_punct(x, e, '(') && !tok_sentend(x, e); e++)
		;
	/* "Женщина, назвавшаяся матерью X,": a participle is no
	 * role. */
	if (lim != m->e && (!(e < lim && (tok_punct(x, e, ',') ||
	    tok_punct(x, e, '('))) ||
	    (tok_participle_active(x->w[s]) &&
	    !tok_has(x, s, TF_ROLE))))
		return NULL;
	return role_span(x, s, e, 0);
}

/* Adds role (as written; may be NULL) to e's folded roles. */
/* Does the space-separated list of folded roles hold role, whole
 * words? */
static int
ent_has_role(const char *roles, const char *role)
{
	size_t		 n = strlen(role);
	const char	*p;

	for (p = roles; (p = strstr(p, role)) != NULL; p++)
		if ((p == roles || p[-1] == ' ') && (p[n] == '\0' ||
		    p[n] == ' '))
			return 1;
	return 0;
}

static void
ent_add_role(struct ent *e, const char *role)
{
	char	*f = NULL, *all;

	if (role == NULL)
		return;
	segment_fold_string(role, strlen(role), &f);
	if (e->roles == NULL)
		e->roles = f;
	else if (*f == '\0' || ent_has_role(e->roles, f))
		free(f);	/* a role said again: the list stays short */
	else {
		all = xasprintf("%s %s", e->roles, f);
		free(e->roles);
		free(f);
		e->roles = all;
	}
}

/* The one person whose first name is folded word w (a stem match),
 * of a compatible gender; (size_t)-1 when none or several. */
static size_t
ent_first_name(const struct ex *x, const char *w, enum gender g)
{
	size_t	j, found = (size_t)-1;
	char	*ws = name_stem(w), *first, *last, *stem, *fs;

	for (j = 0; j < x->ne; j++) {
		const struct ent	*e = &x->e[j];

		if (e->kind != SPEAKER_PERSON || !segment_starts_upper(e->name) ||
		    (g != GENDER_UNKNOWN && e->g != GENDER_UNKNOWN && e->g != g))
			continue;
		name_words(e->name, &first, &last, &stem);
		fs = first != NULL ? name_stem(first) : NULL;
		if (fs != NULL && strlen(first) > 4 && strcmp(fs, ws) == 0) {
			if (found != (size_t)-1 && found != j) {
				free(fs);
				free(first);
				free(last);
				free(stem);
				found = (size_t)-1;
				break;
			}
			found = j;
		}
		free(fs);
		free(first);
		free(last);
		free(stem);
	}
	free(ws);
	return found;
}

/* Appends a zeroed entity; borrowed until the next append. */
static struct ent *
ent_new(struct ex *x)
{
	struct ent	*e;

	if (x->ne == x->cape) {
		x->cape = x->cape * 2 + 8;
		x->e = xreallocarray(x->e, x->cape, sizeof(*x->e));
	}
	e = &x->e[x->ne++];
	memset(e, 0, sizeof(*e));
	return e;
}

/*
 * The stem of folded word f: f without a case ending, so that the forms
 * of one name share it (Камменос, Камменоса; Обама, Обамы; Захарова,
 * Захаровой).  At least three letters stay.  The caller frees it.
 */
static char *
name_stem(const char *f)
{
	static const char *const end[] = {
		"ого", "его", "ому", "ему", "ыми", "ими", "ой", "ей", "ий",
		"ый", "ая", "яя", "ую", "юю", "ом", "ем", "ым", "им", "ою",
		"ею", "а", "я", "у", "ю", "е", "ы", "и", "ь", NULL
	};
	size_t	l = strlen(f), k;

	for (k = 0; end[k] != NULL; k++) {
		size_t	le = strlen(end[k]);

		if (l >= le + 6 && memcmp(f + l - le, end[k], le) == 0)
			return xstrndup(f, l - le);
	}
	return xstrdup(f);
}

/* The folded first and last words of a name, and the last one's stem;
 * *first is NULL for a one-word name.  The caller frees all three. */
static void
name_words(const char *name, char **first, char **last, char **stem)
{
	char	*f = speakers_fold(name), *sp = strrchr(f, ' ');

	*last = xstrdup(sp != NULL ? sp + 1 : f);
	*first = sp != NULL ? xstrndup(f, (size_t)(strchr(f, ' ') - f)) :
	    NULL;
	*stem = name_stem(speakers_particle_skip(*last));
	free(f);
}

/* May first names a and b (folded, NULL when absent) be one person's?
 * Absent, an initial of the other, the same stem, or two spellings of
 * it (Асия, Азия). */
static int
name_first_same(const char *a, const char *b)
{
	char	*sa, *sb;
	int	 same, ia, ib;

	if (a == NULL || b == NULL)
		return 1;
	ia = strlen(a) <= 3 && strchr(a, '.') != NULL;
	ib = strlen(b) <= 3 && strchr(b, '.') != NULL;
	if (ia || ib)
		return u8_mblen((const uint8_t *)a, strlen(a)) ==
		    u8_mblen((const uint8_t *)b, strlen(b)) &&
		    memcmp(a, b, (size_t)u8_mblen((const uint8_t *)a,
		    strlen(a))) == 0;
	sa = name_stem(a);
	sb = name_stem(b);
	same = strcmp(sa, sb) == 0 || speakers_first_variant(a, b) ||
	    speakers_first_variant(sa, sb);
	free(sa);
	free(sb);
	return same;
}

/*
 * Is token i, the first word of a person's name that normalized to name
 * (its last word written surname), a word its sentence opens with
 * rather than a first name: it opens a sentence, it is no first name
 * the list knows, no initial and no role noun, the article never writes
 * the word (in any case form) with a capital inside a sentence, and a
 * person of the name's surname, written as he is (not "Пресс-агент
 * Гибсона", the agent of Гибсон), of no gender the verb's agreement a
 * denies ("Прислуга X дала"), with another first name or none, is in
 * the table already ("Одновременно Сапаров" after "Ерлан Сапаров")?
 */
static int
name_lead_word(const struct ex *x, size_t i, const char *name,
    const char *surname, enum agr a)
{
	enum gender	 g = a == AGR_M ? GENDER_MALE : a == AGR_F ?
			    GENDER_FEMALE : GENDER_UNKNOWN;
	char	*first, *last, *stem, *ef, *el, *es, *sf;
	size_t	 j;
	int	 known = 0;

	if (!name_sentence_start(x, i))
		return 0;
	if (tok_has(x, i, TF_FIRST) || tok_has(x, i, TF_ROLE) ||
	    (i + 1 < x->sg->n && tok_punct(x, i + 1, '.')) ||
	    name_capital_inside(x, i, 1))
		return 0;
	name_words(name, &first, &last, &stem);
	sf = speakers_fold(surname);
	for (j = 0; j < x->ne && !known; j++) {
		const struct ent	*e = &x->e[j];

		if (e->kind != SPEAKER_PERSON ||
		    strcmp(e->surname, stem) != 0 ||
		    !segment_starts_upper(e->name) || (g != GENDER_UNKNOWN &&
		    e->g != GENDER_UNKNOWN && e->g != g))
			continue;
		name_words(e->name, &ef, &el, &es);
		known = strcmp(el, sf) == 0 && (ef == NULL || first == NULL ||
		    strcmp(ef, first) != 0);
		free(ef);
		free(el);
		free(es);
	}
	free(sf);
	free(first);
	free(last);
	free(stem);
	return known;
}

/*
 * The token of в, во, на, о or об right before token i, or before a
 * word in -ом, -ем or -ой right before it ("в том числе"); else -1.
 */
static size_t
loc_prep(const struct ex *x, size_t i)
{
	size_t	p;

	for (p = i; p-- > 0 && p + 2 >= i;) {
		if (tok_is(x, p, "в") || tok_is(x, p, "во") ||
		    tok_is(x, p, "на") || tok_is(x, p, "о") ||
		    tok_is(x, p, "об"))
			return p;
		if (x->sg->t[p].type != SEG_WORD || !(tok_ends(x->w[p], "ом") ||
		    tok_ends(x->w[p], "ем") || tok_ends(x->w[p], "ой")))
			return (size_t)-1;
	}
	return (size_t)-1;
}

/* Does token i open a sentence (or a paragraph)? */
static int
name_sentence_start(const struct ex *x, size_t i)
{
	return i == 0 || (x->sg->t[i].flags & SEG_PARA) ||
	    tok_sentend(x, i - 1);
}

/*
 * Does the article write token i's word with a capital inside a
 * sentence, as itself or, when stem is set, in any case form of it?
 * Only the 4,000 tokens either side are read (an article of news is
 * shorter), so that a text of many thousand such words is no quadratic
 * work.
 */
static int
name_capital_inside(const struct ex *x, size_t i, int stem)
{
	char	*si = stem ? name_stem(x->w[i]) : NULL, *sj;
	size_t	 j, end = x->sg->n - i > 4000 ? i + 4000 : x->sg->n;
	int	 found = 0;

	for (j = i > 4000 ? i - 4000 : 1; j < end && !found; j++) {
		if (j == i || x->sg->t[j].type != SEG_WORD ||
		    !(x->sg->t[j].flags & SEG_CAP) || name_sentence_start(x, j))
			continue;
		if (strcmp(x->w[j], x->w[i]) == 0)
			found = 1;
		else if (si != NULL && strncmp(x->w[j], si, strlen(si)) == 0) {
			sj = name_stem(x->w[j]);
			found = strcmp(si, sj) == 0;
			free(sj);
		}
	}
	free(si);
	return found;
}

/*
 * Is token i, a name of one word, rather a common word its sentence
 * opens with: no noun its verb's agreement a fits, no first name the
 * list knows, no initial, not in capitals, with no surname's ending
 * (-ов, -ский, ...), and the article writes it with a capital nowhere inside a
 * sentence, in no case form, and has no person of that surname?
 */
static int
name_sentence_word(const struct ex *x, size_t i, enum agr a)
{
	const char	*f = x->w[i];
	char		*stem;
	size_t		 j;
	int		 known = 0, vowel;

	/* "Газпром заявил", "Государь сказал": a noun its verb agrees
	 * with may be a name. */
	vowel = tok_ends(f, "а") || tok_ends(f, "я") || tok_ends(f, "о") ||
	    tok_ends(f, "е") || tok_ends(f, "у") || tok_ends(f, "ю") ||
	    tok_ends(f, "ы") || tok_ends(f, "и");
	if ((a == AGR_M && !vowel) || (a == AGR_F && (tok_ends(f, "а") ||
	    tok_ends(f, "я"))))
		return 0;
	if (!name_sentence_start(x, i) || tok_has(x, i, TF_FIRST) ||
	    (x->sg->t[i].flags & SEG_ALLCAPS) || name_surname_like(x->w[i]) ||
	    (i + 1 < x->sg->n && tok_punct(x, i + 1, '.')) ||
	    name_capital_inside(x, i, 1))
		return 0;
	stem = ent_surname(x->w[i]);
	for (j = 0; j < x->ne && !known; j++)
		known = x->e[j].kind == SPEAKER_PERSON &&
		    strcmp(x->e[j].surname, stem) == 0;
	free(stem);
	return !known;
}

/*
 * How sure the nominative of a name mention is: 2 when a first name, the
 * agreement of its verb or the construction (по словам X) says which
 * case the name stands in; 1 when it is only not seen to be oblique; 0
 * when an oblique case was guessed.
 */
static int
name_quality(const struct ex *x, const struct mention *m, enum agr a,
    int is_quote)
{
	/* A form as written in the nominative, sure of its case, beats
	 * one an ending rule made ("Бараку Обаме" gave "Барак Обаме";
	 * "Барак Обама заявил" is it). */
	if (is_quote)
		return m->cas != SPEAKERS_NOM ? 2 : a == AGR_M || a == AGR_F ?
		    3 : 1;
	if (m->cas != SPEAKERS_NOM)
		return tok_oblique_first(x, m->ns) != SPEAKERS_NOM ? 2 : 0;
	if (m->ne > m->ns + 1 && tok_has(x, m->ns, TF_FIRST) &&
	    !mention_first_indeclinable(x, m->ns))
		return 3;
	if (m->subj && (a == AGR_M || a == AGR_F))
		return 3;
	return 1;
}

/*
 * The name of a person seen as old (quality oq) and now as new (quality
 * nq): the fuller one, and between forms of the same length the surer.
 * When the surer form has only the surname, the other's first name
 * loses the ending its surname lost ("Паноса Камменоса" and "Камменос"
 * give "Панос Камменос").  The caller frees the result.
 */
static char *
name_merge(const char *old, int oq, const char *new, int nq)
{
	const char	*full, *sure, *sp;
	size_t		 lf, ls, cut;

	if ((strchr(old, ' ') != NULL) == (strchr(new, ' ') != NULL))
		return xstrdup(nq > oq ? new : old);
	full = strchr(old, ' ') != NULL ? old : new;
	sure = full == old ? new : old;
	if ((full == old ? oq : nq) >= (full == old ? nq : oq))
		return xstrdup(full);
	/* The surer surname, and the first name cut the same way. */
	sp = strrchr(full, ' ');
	lf = strlen(sp + 1);
	ls = strlen(sure);
	if (lf <= ls || strncmp(sp + 1, sure, 2) != 0)
		return xstrdup(full);
	cut = lf - ls;
	if ((size_t)(sp - full) > cut + 4 &&
	    memcmp(sp - cut, sp + 1 + ls, cut) == 0)
		return xasprintf("%.*s %s", (int)(sp - full - cut), full,
		    sure);
	return xasprintf("%.*s %s", (int)(sp - full), full, sure);
}

/*
 * A group's name in the nominative from tokens [s, e): its head noun as
 * groups.txt gives it, the adjectives before it in the nominative plural,
 * what follows as written ("российских общественных деятелей" ->
 * "российские общественные деятели", "пользователей Tumblr" ->
 * "пользователи Tumblr").  NULL when no word of groups.txt is there.
 * The caller frees the result.
 */
static char *
group_text(const struct ex *x, size_t s, size_t e)
{
	const struct lex_entry	*le = NULL;
	struct buf		 b;
	size_t			 h, i;
	char			*rest;

	for (h = s; h < e; h++)
		if (x->sg->t[h].type == SEG_WORD &&
		    (le = lexicon_word(x->lx, LEX_GROUPS, x->w[h])) != NULL &&
		    le->tag[0] != '\0')
			break;
	if (h >= e)
		return NULL;
	/* Only the head's own adjectives before it: not "после
	 * приговора прибывшие поддержать его". */
	for (i = h; i > s && (tok_adjective(x, i - 1) ||
	    (tok_ends(x->w[i - 1], "о") && i < h && strlen(x->w[i - 1]) > 8));
	    i--)
		;
	s = i;
	buf_init(&b);
	for (i = s; i < h; i++) {
		const char	*f = x->w[i];
		size_t		 l = strlen(f);

		if (x->sg->t[i].type != SEG_WORD)
			continue;
		if (b.len > 0)
			buf_addc(&b, ' ');
		if (l > 4 && (tok_ends(f, "ых") || tok_ends(f, "ым"))) {
			buf_add(&b, f, l - 4);
			buf_adds(&b, "ые");
		} else if (l > 4 && (tok_ends(f, "их") || tok_ends(f, "им"))) {
			buf_add(&b, f, l - 4);
			buf_adds(&b, "ие");
		} else
			buf_adds(&b, f);
	}
	if (b.len > 0)
		buf_addc(&b, ' ');
	buf_adds(&b, le->tag);
	/* Genitives and "в X" stay; another preposition ends it:
	 * "пользователи интернета по этому поводу". */
	for (i = h + 1; i < e; i++)
		if ((tok_prep(x, i) && !tok_is(x, i, "в") &&
		    !tok_is(x, i, "во") && !tok_is(x, i, "из") &&
		    !tok_is(x, i, "при")) ||
		    /* a verb: "демонстранты перекрывают дороги" */
		    (x->sg->t[i].type == SEG_WORD &&
		    !(x->sg->t[i].flags & SEG_CAP) &&
		    (tok_verb(x, i, e, NULL, NULL) ||
		    tok_finite_past(x, i) || tok_ends(x->w[i], "ют") ||
		    tok_ends(x->w[i], "ются") || tok_ends(x->w[i], "ят") ||
		    tok_ends(x->w[i], "ятся"))))
			break;
	e = i;
	if (h + 1 < e) {
		rest = span_text(x, h + 1, e, 0);
		buf_addc(&b, ' ');
		buf_adds(&b, rest);
		free(rest);
	}
	return buf_steal(&b);
}

/*
 * The names of a conjoined mention, each in the nominative, joined as
 * the article joins them: "Мэттью Хьюлетт и Калеб Тюрон".  The caller
 * frees the result.
 */
static char *
conjoined_text(const struct ex *x, const struct mention *m)
{
	struct buf	 b;
	const char	*w[8];
	char		*words[8], *name;
	size_t		 i, n = 0, k;
	enum gender	 g;

	buf_init(&b);
	for (i = m->ns; i <= m->ne; i++) {
		if (i < m->ne && x->sg->t[i].type == SEG_WORD &&
		    !tok_is(x, i, "и") && n < 8) {
			/* "и посол Моника Штайн": the role is not named. */
			if (n == 0 && !(x->sg->t[i].flags & SEG_CAP) &&
			    i + 1 < m->ne && (tok_has(x, i, TF_ROLE) ||
			    tok_adjective(x, i)))
				continue;
			words[n] = xstrndup(x->text + x->sg->t[i].start,
			    x->sg->t[i].end - x->sg->t[i].start);
			w[n] = words[n];
			n++;
			continue;
		}
		if (n == 0)
			continue;
		g = GENDER_UNKNOWN;
		name = speakers_normalize(x->lx, w, n, SPEAKERS_NOM, &g);
		buf_adds(&b, name);
		free(name);
		for (k = 0; k < n; k++)
			free(words[k]);
		n = 0;
		if (i < m->ne)
			buf_adds(&b, tok_is(x, i, "и") ? " и " : ", ");
	}
	return buf_steal(&b);
}

/*
 * The adjectives before a body's noun at token ns, in the nominative of
 * its gender ("в избирательной комиссии" -> "избирательная", "в
 * российском министерстве" -> "российское"), the noun's nominative
 * being literal; NULL when there are none, or when the gender leaves
 * the ending in doubt (a masculine noun: "областном" is "областной",
 * "российском" is "российский").  The caller frees the result.
 */
static char *
adjectives_nominative(const struct ex *x, size_t ns, const char *literal)
{
	static const char *const obl[] = { "ого", "его", "ому", "ему", "ым",
	    "им", "ом", "ем", "ой", "ей", "ую", "юю", NULL };
	struct buf	 b;
	size_t		 k = ns, i, l, n;
	char		*f = NULL;
	int		 fem, neut;

	segment_fold_string(literal, strlen(literal), &f);
	fem = tok_ends(f, "а") || tok_ends(f, "я") || tok_ends(f, "ь");
	neut = tok_ends(f, "о") || tok_ends(f, "е");
	free(f);
	if (!fem && !neut)
		return NULL;
	while (k > 0 && (tok_adjective(x, k - 1) ||
	    tok_ends(x->w[k - 1], "ском")) && tok_common(x, k - 1) &&
	    !tok_has(x, k - 1, TF_ROLE) && !tok_stop(x, k - 1) && ns - k < 3)
		k--;
	if (k == ns)
		return NULL;
	buf_init(&b);
	for (i = k; i < ns; i++) {
		const char	*w = x->w[i];
		const char	*const *e;
		int		 soft;

		for (e = obl; *e != NULL && !tok_ends(w, *e); e++)
			;
		if (*e == NULL) {
			free(buf_steal(&b));
			return NULL;
		}
		l = strlen(w);
		n = strlen(*e);
		soft = (*e)[0] == (char)0xd0 && ((*e)[1] == (char)0xb5 ||
		    (*e)[1] == (char)0xb8);	/* е-, и-: "синей" */
		/* after к, г, х, ж, ш, ч, щ the ending is -ая, -ое too */
		if (b.len > 0)
			buf_addc(&b, ' ');
		buf_add(&b, w, l - n);
		buf_adds(&b, fem ? (soft ? "яя" : "ая") : (soft ? "ее" : "ое"));
	}
	return buf_steal(&b);
}

/*
 * The nominative of one folded word standing in an oblique case, when
 * it is the head of a role or a body or an adjective before it:
 * "губернатора" -> "губернатор", "председателя" -> "председатель",
 * "главного" -> "главный", "пресс-службы" -> "пресс-служба".  Word
 * lists give bodies and groups; other nouns follow the commonest
 * endings.  The caller frees the result.
 */
static char *
word_nominative(const struct ex *x, size_t i)
{
	static const struct {
		const char	*end, *nom;
	} adj[] = {
		{ "ского", "ский" }, { "ской", "ская" }, { "скому", "ский" },
		{ "ским", "ский" }, { "ского", "ский" }, { "ного", "ный" },
		{ "ному", "ный" }, { "ным", "ный" }, { "ной", "ная" },
		{ "его", "ий" }, { "ему", "ий" }, { "ого", "ый" },
		{ "ому", "ый" }, { "ым", "ый" }, { "им", "ий" }, { "ей", "яя" },
		{ "ой", "ая" }, { NULL, NULL }
	}, noun[] = {
		{ "теля", "тель" }, { "телю", "тель" }, { "телем", "тель" },
		{ "аря", "арь" }, { "арю", "арь" }, { "арем", "арь" },
		{ "ом", "" }, { "ем", "ь" }, { "ой", "а" },
		{ "а", "" }, { "у", "" }, { "е", "" }, { "ы", "а" },
		{ "ю", "ь" }, { "я", "ь" }, { "у", "а" }, { "е", "а" },
		{ NULL, NULL }
	};
	const struct lex_entry	*le;
	const char		*f = x->w[i];
	size_t			 k, l = strlen(f), le2;

	if ((le = lexicon_word(x->lx, LEX_INSTITUTIONS, f)) != NULL &&
	    le->tag[0] != '\0') {
		const struct token	*t = &x->sg->t[i];
		int			 n1 = u8_mblen((const uint8_t *)
					    x->text + t->start,
					    t->end - t->start);
		int			 n2 = u8_mblen((const uint8_t *)
					    le->tag, strlen(le->tag));

		/* "Министерства" within a sentence keeps its capital. */
		if ((t->flags & SEG_CAP) && !tok_common(x, i) && n1 > 0 &&
		    n2 > 0 && !segment_starts_upper(le->tag))
			return xasprintf("%.*s%s", n1, x->text + t->start,
			    le->tag + n2);
		return xstrdup(le->tag);
	}
	if ((le = lexicon_word(x->lx, LEX_GROUPS, f)) != NULL &&
	    le->tag[0] != '\0')
		return xstrdup(le->tag);
	/* "посла": a role's nominative the list gives. */
	if ((le = lexicon_word(x->lx, LEX_ROLES, f)) != NULL &&
	    strcmp(le->tag, "form") == 0 && le->value[0] != '\0')
		return xstrdup(le->value);
	/* "главой" is a role noun, not an adjective.  One with a capital
	 * inside the sentence keeps it ("Нобелевского" -> "Нобелевский"):
	 * its first letter as the text has it. */
	if (tok_adjective(x, i) && !tok_has(x, i, TF_ROLE)) {
		const struct token	*t = &x->sg->t[i];
		int			 cap = (t->flags & SEG_CAP) &&
					    !tok_common(x, i);
		int			 n1 = u8_mblen((const uint8_t *)
					    x->text + t->start,
					    t->end - t->start);
		int			 n2 = u8_mblen((const uint8_t *)f, l);

		if (!cap || n1 <= 0 || n2 <= 0)
			n1 = n2 = 0;
		for (k = 0; adj[k].end != NULL; k++) {
			le2 = strlen(adj[k].end);
			if (l > le2 + 4 && tok_ends(f, adj[k].end))
				return xasprintf("%.*s%.*s%s", n1, x->text +
				    t->start, (int)(l - le2) - n2, f + n2,
				    adj[k].nom);
		}
		return xasprintf("%.*s%s", n1, x->text + t->start, f + n2);
	}
	/* Not a plural: "источники", "эксперты" stay. */
	if (tok_has(x, i, TF_ROLE) && !tok_ends(f, "ель") &&
	    !tok_ends(f, "арь") && !tok_ends(f, "ики") && !tok_ends(f, "ты") &&
	    !tok_ends(f, "ры") && !tok_ends(f, "ги")) {
		/* The first rule whose result is a role noun the list
		 * knows (главу: глава, not глав); -у and -е back to -а
		 * only for a noun with an -ой form (главой, not
		 * владельцу).  None: the word as written. */
		for (k = 0; noun[k].end != NULL; k++) {
			char	*r;
			int	 fem = strcmp(noun[k].nom, "а") == 0 &&
				    strcmp(noun[k].end, "ы") != 0 &&
				    strcmp(noun[k].end, "ой") != 0;

			le2 = strlen(noun[k].end);
			if (l <= le2 + 6 || !tok_ends(f, noun[k].end))
				continue;
			r = xasprintf("%.*s%s", (int)(l - le2), f,
			    noun[k].nom);
			if (lexicon_word(x->lx, LEX_ROLES, r) != NULL) {
				char	*ins = xasprintf("%.*sой",
					    (int)(l - le2), f);
				int	 ok = !fem || lexicon_word(x->lx,
					    LEX_ROLES, ins) != NULL;

				free(ins);
				if (ok)
					return r;
			}
			free(r);
		}
	}
	return xstrdup(f);
}

/*
 * The nominative of the phrase in tokens [s, e) that stands in an
 * oblique case: its heads (roles, bodies, groups, joined by и) and
 * their adjectives turned back, their complements as written
 * ("пресс-секретаря акима" -> "пресс-секретарь акима", "правительства и
 * губернатора Оренбургской области" -> "правительство и губернатор
 * Оренбургской области").  The caller frees the result.
 */
static char *
np_nominative(const struct ex *x, size_t s, size_t e)
{
	struct buf	 b;
	size_t		 i, head = s;
	char		*w, *rest;
	int		 first = 1;

	/* The heads: adjectives and a noun, more of them after "и";
	 * what follows is their complement ("пресс-секретаря акима"). */
	for (;;) {
		i = head;
		/* "Нобелевского комитета": an adjective with a capital
		 * inside the sentence before a body's noun too. */
		while (i < e && tok_adjective(x, i) && (tok_common(x, i) ||
		    (i + 1 < e && tok_has(x, i + 1, TF_INST))) &&
		    !tok_has(x, i, TF_ROLE) && !tok_has(x, i, TF_INST))
			i++;
		/* A body's noun may be written with a capital
		 * ("Министерства иностранных дел"). */
		if (i >= e || !(tok_common(x, i) || (tok_has(x, i, TF_INST) &&
		    !(x->sg->t[i].flags & SEG_ALLCAPS))) ||
		    !(tok_has(x, i, TF_ROLE) || tok_has(x, i, TF_GROUP) ||
		    tok_has(x, i, TF_INST)))
			break;
		head = i + 1;
		if (head + 1 < e && tok_is(x, head, "и"))
			head++;
		else
			break;
	}
	if (head > s && tok_is(x, head - 1, "и"))
		head--;
	if (head == s && tok_common(x, s) && (w = noun_gen_nominative(x->w[s]))
	    != NULL) {
		/* "таксиста", "хозяина квартиры": a noun no list knows,
		 * in the genitive singular. */
		buf_init(&b);
		buf_adds(&b, w);
		free(w);
		if (s + 1 < e) {
			rest = span_text(x, s + 1, e, 0);
			buf_addc(&b, ' ');
			buf_adds(&b, rest);
			free(rest);
		}
		return buf_steal(&b);
	}
	if (head == s)
		return span_text(x, s, e, !proper_noun(x, s));
	buf_init(&b);
	for (i = s; i < head; i++) {
		if (x->sg->t[i].type != SEG_WORD)
			continue;
		if (!first)
			buf_addc(&b, ' ');
		first = 0;
		if (tok_is(x, i, "и"))
			buf_adds(&b, "и");
		else {
			w = word_nominative(x, i);
			if (tok_adjective(x, i) && !tok_has(x, i, TF_ROLE) &&
			    !tok_has(x, i, TF_INST))
				adjective_agree(x, i, head, w);
			buf_adds(&b, w);
			free(w);
		}
	}
	if (head < e) {
		rest = span_text(x, head, e, 0);
		buf_addc(&b, ' ');
		buf_adds(&b, rest);
		free(rest);
	}
	return buf_steal(&b);
}

/*
 * Adjective w, token i's nominative in the masculine, made neuter when
 * its noun (the first word after it before head that is none) is one
 * ("федеральное агентство", "российское министерство"): -ый, -ой to
 * -ое, -ий to -ое after к, г, х and to -ее after the others.  In place:
 * both endings have the same length.
 */
static void
adjective_agree(const struct ex *x, size_t i, size_t head, char *w)
{
	char	*n;
	size_t	 j, l = strlen(w);
	int	 neuter;

	for (j = i + 1; j < head && tok_adjective(x, j) &&
	    !tok_has(x, j, TF_ROLE) && !tok_has(x, j, TF_INST); j++)
		;
	if (j >= head || l < 6)
		return;
	n = word_nominative(x, j);
	neuter = tok_ends(n, "о") || tok_ends(n, "е");
	free(n);
	if (!neuter)
		return;
	if (tok_ends(w, "ый") || tok_ends(w, "ой") || (tok_ends(w, "ий") &&
	    (tok_ends(w, "кий") || tok_ends(w, "гий") || tok_ends(w, "хий"))))
		memcpy(w + l - 4, "ое", 4);
	else if (tok_ends(w, "ий"))
		memcpy(w + l - 4, "ее", 4);
}

/*
 * The nominative of folded noun f in the genitive singular, by its
 * ending: таксиста -> таксист, очевидца -> очевидец, пенсионерки ->
 * пенсионерка, водителя -> водитель, пострадавшего -> пострадавший.
 * NULL when no ending fits.  The caller frees the result.
 */
static char *
noun_gen_nominative(const char *f)
{
	static const struct {
		const char	*end, *nom;
	} tab[] = {
		{ "шего", "ший" }, { "щего", "щий" }, { "кого", "кий" },
		{ "гого", "гий" }, { "хого", "хий" }, { "ого", "ый" },
		{ "его", "ий" }, { "ца", "ец" }, { "ки", "ка" }, { "ги", "га" },
		{ "цы", "ца" }, { "ы", "а" }, { "я", "ь" }, { "а", "" },
		{ NULL, NULL }
	};
	size_t	k, l = strlen(f), el;

	for (k = 0; tab[k].end != NULL; k++) {
		el = strlen(tab[k].end);
		if (l > el + 4 && strcmp(f + l - el, tab[k].end) == 0)
			return xasprintf("%.*s%s", (int)(l - el), f,
			    tab[k].nom);
	}
	return NULL;
}

/*
 * A body named as a place, back from the locative: "в НАКе" -> НАК,
 * "в Скотланд-Ярде" -> Скотланд-Ярд, "в Еврокомиссии" -> Еврокомиссия;
 * a Latin or indeclinable name stays.  The caller frees the result.
 */
static char *
loc_nominative(const struct ex *x, size_t s, size_t e)
{
	const struct token	*t;
	const char		*w;
	size_t			 l;

	/* "канцелярии премьер-министра Анны Ким": the head back from
	 * the locative, its complement as written. */
	if (e != s + 1) {
		char	*h, *r, *rest;

		if (!tok_common(x, s))
			return span_text(x, s, e, 0);
		h = loc_nominative(x, s, s + 1);
		rest = span_text(x, s + 1, e, 0);
		r = xasprintf("%s %s", h, rest);
		free(h);
		free(rest);
		return r;
	}
	t = &x->sg->t[s];
	w = x->text + t->start;
	l = t->end - t->start;
	if (t->flags & SEG_LATIN)
		return xstrndup(w, l);
	/* "НАКе", "МИДе": an abbreviation with a case ending. */
	if (l > 2 && (unsigned char)w[l - 2] == 0xd0 &&
	    (unsigned char)w[l - 1] == 0xb5 && l >= 6 &&
	    segment_starts_upper(w + l - 4))
		return xstrndup(w, l - 2);
	if (tok_ends(x->w[s], "ии") && l > 8)
		return xasprintf("%.*sя", (int)(l - 2), w);
	/* "Скотланд-Ярде": a consonant and -е. */
	if (tok_ends(x->w[s], "е") && l > 6 &&
	    !tok_ends(x->w[s], "ее") && !tok_ends(x->w[s], "ие") &&
	    !tok_ends(x->w[s], "ое"))
		return xstrndup(w, l - 2);
	return xstrndup(w, l);
}

/*
 * A group in the genitive plural that no list knows, in the nominative:
 * "некоторых радикальных феминисток" -> "радикальные феминистки"
 * (многие, некоторые dropped, as the guidelines do).  The caller frees
 * the result.
 */
static char *
plural_nominative(const struct ex *x, size_t s, size_t e)
{
	static const struct {
		const char	*end, *nom;
	} tab[] = {
		{ "ых", "ые" }, { "их", "ие" }, { "ок", "ки" }, { "ек", "ки" },
		{ "ков", "ки" }, { "гов", "ги" }, { "хов", "хи" },
		{ "цев", "цы" }, { "ов", "ы" }, { "ев", "и" }, { "ей", "и" },
		{ NULL, NULL }
	};
	struct buf	 b;
	size_t		 i, k, l;
	const char	*f;
	char		*rest;

	/* "ряда российских деятелей": "ряд" and its genitive. */
	if (s + 1 < e && (tok_is(x, s, "ряда") || tok_is(x, s, "ряд"))) {
		rest = span_text(x, s + 1, e, 0);
		f = xasprintf("ряд %s", rest);
		free(rest);
		return (char *)f;
	}
	buf_init(&b);
	for (i = s; i < e; i++) {
		if (x->sg->t[i].type != SEG_WORD)
			continue;
		f = x->w[i];
		if (tok_is(x, i, "некоторых") || tok_is(x, i, "многих"))
			continue;
		if (b.len > 0)
			buf_addc(&b, ' ');
		l = strlen(f);
		for (k = 0; tab[k].end != NULL; k++)
			if (l > strlen(tab[k].end) + 4 &&
			    tok_ends(f, tab[k].end))
				break;
		if (tab[k].end == NULL) {
			buf_adds(&b, f);
			continue;
		}
		buf_add(&b, f, l - strlen(tab[k].end));
		buf_adds(&b, tab[k].nom);
	}
	return buf_steal(&b);
}

/* Finds or adds the person a name mention refers to. */
static int
ent_person(struct ex *x, const struct mention *m, enum agr a, size_t at,
    int is_quote)
{
	const char	*w[8];
	char		*words[8], *name, *role, *first, *last, *stem;
	size_t		 n = 0, i, j, i0 = 0, il = 0;
	struct ent	*ne;
	int		 q;
	enum gender	 g = a == AGR_M ? GENDER_MALE : a == AGR_F ?
			    GENDER_FEMALE : GENDER_UNKNOWN;

	for (i = m->ns; i < m->ne && n < 8; i++) {
		const struct token	*t = &x->sg->t[i];

		if (t->type != SEG_WORD)
			continue;
		if (n == 0)
			i0 = i;
		il = i;
		if (i + 1 < m->ne && tok_punct(x, i + 1, '.'))
			words[n] = xasprintf("%.*s.", (int)(t->end - t->start),
			    x->text + t->start);
		else
			words[n] = xstrndup(x->text + t->start,
			    t->end - t->start);
		w[n] = words[n];
		n++;
	}
	if (n == 0)
		return -1;
	/* "Позицию ... изложил", "Новости": one capitalised word a
	 * sentence opens with, and nothing else says it is a name. */
	if (n == 1 && name_sentence_word(x, i0, a)) {
		free(words[0]);
		return -1;
	}
	name = speakers_normalize(x->lx, w, n, m->cas, &g);
	/* "Одновременно Сапаров подчеркнул": a word a sentence opens with,
	 * before the surname of a person named already, is no first name
	 * of his. */
	if (n > 1 && name_lead_word(x, i0, name, w[n - 1], a)) {
		free(name);
		g = a == AGR_M ? GENDER_MALE : a == AGR_F ? GENDER_FEMALE :
		    GENDER_UNKNOWN;
		name = speakers_normalize(x->lx, w + 1, n - 1, m->cas, &g);
	}
	/* "Майкл Томаски Фото: из личного архива": a word of four
	 * letters or more after the name of a person named before is
	 * none of it ("Пак Кын Хе" is one name). */
	if (n >= 3 && !tok_has(x, il, TF_FIRST) &&
	    u8_mbsnlen((const uint8_t *)x->w[il], strlen(x->w[il])) >= 4) {
		enum gender	 g2 = g;
		char		*nm = speakers_normalize(x->lx, w, n - 1,
				    m->cas, &g2);

		for (j = 0; j < x->ne; j++)
			if (x->e[j].kind == SPEAKER_PERSON &&
			    strcmp(x->e[j].name, nm) == 0)
				break;
		if (j < x->ne) {
			free(name);
			name = nm;
			g = g2;
		} else
			free(nm);
	}
	for (i = 0; i < n; i++)
		free(words[i]);
	/* Every word was dropped (one letter, a patronymic alone): no
	 * name, so no person (fuzz_extract, "M счел, что ..."). */
	if (*name == '\0') {
		free(name);
		return -1;
	}
	q = name_quality(x, m, a, is_quote);
	role = people_role_text(x, m);
	name_words(name, &first, &last, &stem);
	for (j = x->ne; j-- > 0;) {
		struct ent	*e = &x->e[j];
		char		*ef, *el, *es;
		int		 same;

		/* Not a role as described ("адвокат Маркива"). */
		if (e->kind != SPEAKER_PERSON || strcmp(e->surname, stem) != 0 ||
		    !segment_starts_upper(e->name))
			continue;
		if (e->g != GENDER_UNKNOWN && g != GENDER_UNKNOWN && e->g != g)
			continue;
		name_words(e->name, &ef, &el, &es);
		same = name_first_same(ef, first);
		free(ef);
		free(el);
		free(es);
		if (!same)
			continue;
		ef = name_merge(e->name, e->q, name, q);
		free(e->name);
		e->name = ef;
		if (q > e->q)
			e->q = q;
		if (e->g == GENDER_UNKNOWN)
			e->g = g;
		ent_add_role(e, role);
		if (role != NULL && e->role == NULL) {
			e->role = role;
			role = NULL;
		}
		e->seen = at;
		free(name);
		free(role);
		free(first);
		free(last);
		free(stem);
		return (int)j;
	}
	/* "Хоакин" after "Хоакин Ортис": a lone first name of a person
	 * named in full before. */
	if ((first == NULL || speakers_is_patronymic(last)) &&
	    (j = ent_first_name(x, first != NULL ? first : last, g)) !=
	    (size_t)-1) {
		/* ... and "Тимур Муратович" after "Тимур Сулейменов":
		 * a first name and patronymic. */
		free(first);
		x->e[j].seen = at;
		free(name);
		free(role);
		free(last);
		free(stem);
		return (int)j;
	}
	ne = ent_new(x);
	ne->name = name;
	ne->surname = stem;
	ne->q = q;
	ent_add_role(ne, role);
	ne->role = role;
	ne->g = g;
	ne->kind = SPEAKER_PERSON;
	ne->seen = at;
	free(first);
	free(last);
	return (int)(ne - x->e);
}

/* The key under which entities of a name are found: the stem of its
 * folded last word.  The caller frees it. */
static char *
ent_surname(const char *name)
{
	char	*first, *last, *stem;

	name_words(name, &first, &last, &stem);
	free(first);
	free(last);
	return stem;
}

/*
 * Is token i a proper noun, to keep its capital in a group's or a body's
 * name: capitalised inside a sentence, or a body whose nominative in
 * institutions.txt is capitalised (Астана, Минск at a sentence's start).
 */
static int
proper_noun(const struct ex *x, size_t i)
{
	const struct lex_entry	*le;
	size_t			 k;

	if (!(x->sg->t[i].flags & SEG_CAP))
		return 0;
	if (!(x->sg->t[i].flags & SEG_PARA) && i > 0 && !tok_sentend(x, i - 1))
		return 1;
	le = lexicon_match(x->lx, LEX_INSTITUTIONS, x->w + i, x->sg->n - i,
	    &k);
	return le != NULL && segment_starts_upper(le->tag);
}

/* Finds or adds a group or institution by its text; -1 when the text
 * is empty (every word of it was dropped: "M счел, что ..."). */
static int
ent_literal(struct ex *x, const char *name, enum speaker_kind kind,
    size_t at)
{
	size_t		 j;
	struct ent	*e;

	if (name == NULL || *name == '\0')
		return -1;
	for (j = 0; j < x->ne; j++)
		if (x->e[j].kind == kind && strcmp(x->e[j].name, name) == 0) {
			x->e[j].seen = at;
			return (int)j;
		}
	e = ent_new(x);
	e->name = xstrdup(name);
	e->surname = ent_surname(name);
	e->kind = kind;
	e->seen = at;
	return (int)(e - x->e);
}

/* The salience of entity e at token at. */
static unsigned
ent_sal(const struct ex *x, const struct ent *e, size_t at)
{
	unsigned	s = e->sal, d;

	d = x->sg->t[at].sent - e->sal_sent;
	if (x->sg->t[at].sent < e->sal_sent)
		d = 0;
	for (; d > 0 && s > 0; d--)
		s /= 2;
	return s;
}

/* A mention of entity k at token at, of weight w. */
static void
ent_touch(struct ex *x, int k, size_t at, unsigned w)
{
	struct ent	*e = &x->e[k];

	e->sal = ent_sal(x, e, at) + w;
	e->sal_sent = x->sg->t[at].sent;
	e->seen = at;
}

/*
 * The most salient entity, for candidate c, of the kind (-1 any) and
 * gender; with person_only 1 a named person, with 2 any person, role or
 * name.  An entity named between c's mention and its cue is not one it
 * can refer to: "леди ... в интервью телеведущей Опре Уинфри ...
 * выразила" is not Oprah.
 */
static int
ent_recent(const struct ex *x, enum gender g, int kind, int person_only,
    const struct cand *c)
{
	size_t		j, seen = 0, xs, xe;
	unsigned	best = 0;
	int		found = -1;

	xs = c->m.ne > c->m.s ? c->m.s : c->order;
	/* A pronoun subject is nobody named in its own clause: "В
	 * обращении к Джереми Ханту он написал" is not Hunt. */
	if (c->m.type == MEN_PRON && c->m.ne > c->m.s) {
		while (xs > 0 && !tok_sentend(x, xs - 1) &&
		    !tok_punct(x, xs - 1, ',') && !tok_punct(x, xs - 1, ':') &&
		    !tok_dash(x, xs - 1) && !(x->sg->t[xs].flags & SEG_PARA))
			xs--;
	}
	/* No subject was found before the verb: nobody named in its
	 * clause is one. */
	if (c->m.type == MEN_NONE && c->ce > c->cs)
		xs = x->sg->sent[x->sg->t[c->cs].sent].first;
	if (c->ce > c->cs && c->cs < xs)
		xs = c->cs;
	xe = c->ce > c->cs ? c->ce : c->order;
	if (c->m.ne > c->m.s && c->m.e > xe)
		xe = c->m.e;
	for (j = 0; j < x->ne; j++) {
		const struct ent	*e = &x->e[j];
		unsigned		 s;

		/* "источники ... Собеседник агентства": with 2, unnamed
		 * people described as a group too. */
		if (person_only && e->kind != SPEAKER_PERSON &&
		    !(person_only == 2 && e->kind == SPEAKER_GROUP &&
		    !segment_starts_upper(e->name)))
			continue;
		/* A role as described is no antecedent. */
		if (person_only == 1 && !segment_starts_upper(e->name))
			continue;
		if (kind >= 0 && (int)e->kind != kind)
			continue;
		if (g != GENDER_UNKNOWN && e->g != GENDER_UNKNOWN && e->g != g)
			continue;
		if (e->seen >= xs && e->seen < xe)
			continue;
		s = ent_sal(x, e, c->order);
		if (found < 0 || s > best || (s == best && e->seen >= seen)) {
			found = (int)j;
			best = s;
			seen = e->seen;
		}
	}
	return found;
}

/* Are tokens [s, e) a generic noun of a body with adjectives before
 * it, all in lower case ("компания", "российской компании")? */
static int
generic_body(const struct ex *x, size_t s, size_t e)
{
	size_t	i;

	if (e <= s || e - s > 3)
		return 0;
	for (i = s; i < e; i++)
		if (proper_noun(x, i) || x->sg->t[i].type != SEG_WORD ||
		    (i + 1 < e && !tok_adjective(x, i)))
			return 0;
	return 1;
}

/* Is there a name among tokens [s, e)? */
static int
name_in(const struct ex *x, size_t s, size_t e)
{
	for (; s < e; s++)
		if (x->sg->t[s].type == SEG_WORD && tok_name(x, s))
			return 1;
	return 0;
}

/*
 * Is body e no body the generic noun (folded) may refer to: a medium
 * ("агентство «Казинформ»" relays, it is not "компания"), or one the
 * article named with a noun of the other kind -- a business against a
 * body of any other sort ("рейтинговое агентство Fitch" is no
 * "авиакомпания", "Ryanair" no "профсоюз")?
 */
static int
body_other(const struct ex *x, const struct ent *e, const char *noun)
{
	char	*all, *f = NULL, *w, *save = NULL;
	int	 media = 0, same = 0, other = 0, biz = business_noun(noun);

	all = xasprintf("%s %s", e->name, e->roles != NULL ? e->roles : "");
	segment_fold_string(all, strlen(all), &f);
	for (w = strtok_r(f, " «»\"-", &save); w != NULL;
	    w = strtok_r(NULL, " «»\"-", &save)) {
		if (lexicon_word(x->lx, LEX_MEDIA, w) != NULL &&
		    strncmp(w, "агентств", 16) != 0)
			media = 1;
		else if (strncmp(w, noun, 10) == 0)
			same = 1;
		else if (body_noun(w) && business_noun(w) != biz)
			other = 1;
	}
	free(all);
	free(f);
	return media || (other && !same);
}

/* Is folded noun f one of a business ("компания", "перевозчик")? */
static int
business_noun(const char *f)
{
	static const char *const noun[] = { "компани", "авиакомпани",
	    "холдинг", "концерн", "корпораци", "перевозчик",
	    "авиаперевозчик", "ритейлер", "оператор", "провайдер", "стартап",
	    "разработчик", "автоконцерн", "автопроизводител", "застройщик",
	    "производител", "сервис", "платформ", "сеть", "сети", "лоукостер",
	    NULL };
	size_t	k;

	for (k = 0; noun[k] != NULL; k++)
		if (strncmp(f, noun[k], strlen(noun[k])) == 0)
			return 1;
	return 0;
}

/*
 * The body a generic noun refers to ("в компании заявили"): the most
 * salient institution with a name of its own -- named with such a noun
 * ("авиакомпания Ryanair") or a proper name that is no state body of
 * the word lists ("Газпром", not "МИД").
 */
static int
ent_recent_body(const struct ex *x, const struct cand *c, const char *noun)
{
	size_t		 j;
	unsigned	 best = 0, sal;
	int		 found = -1;
	char		*f = NULL;

	for (j = 0; j < x->ne; j++) {
		const struct ent	*e = &x->e[j];
		char			*sp;

		if (e->kind != SPEAKER_INSTITUTION || e->seen >= c->order ||
		    body_other(x, e, noun))
			continue;
		if (!ent_named_body(e)) {
			if (!segment_starts_upper(e->name))
				continue;
			segment_fold_string(e->name, strlen(e->name), &f);
			if ((sp = strchr(f, ' ')) != NULL)
				*sp = '\0';
			if (lexicon_word(x->lx, LEX_INSTITUTIONS, f) != NULL ||
			    lexicon_word(x->lx, LEX_MEDIA, f) != NULL)
				continue;
		}
		sal = ent_sal(x, e, c->order);
		if (found < 0 || sal > best) {
			found = (int)j;
			best = sal;
		}
	}
	free(f);
	return found;
}

/*
 * The body "ведомство" refers to ("в ведомстве отметили", "внешне-
 * политическое ведомство заявило"): the most salient institution with
 * a name of its own, or -1.
 */
static int
ent_agency(const struct ex *x, const struct cand *c)
{
	size_t		 j;
	unsigned	 best = 0, sal;
	int		 found = -1;

	for (j = 0; j < x->ne; j++) {
		const struct ent	*e = &x->e[j];

		if (e->kind != SPEAKER_INSTITUTION || e->seen >= c->order ||
		    !segment_starts_upper(e->name))
			continue;
		sal = ent_sal(x, e, c->order);
		if (found < 0 || sal > best) {
			found = (int)j;
			best = sal;
		}
	}
	return found;
}

/* The last institution whose name holds the noun (folded) noun:
 * "в холдинге" after "холдинг «Газпром-Медиа»". */
static int
ent_named(const struct ex *x, const char *noun)
{
	size_t	j;
	int	found = -1;
	char	*f = NULL, *nf = NULL;

	segment_fold_string(noun, strlen(noun), &nf);
	/* Its first five letters, so that a case form finds it. */
	if (strlen(nf) > 10)
		nf[10] = '\0';
	for (j = 0; j < x->ne; j++) {
		if (x->e[j].kind != SPEAKER_INSTITUTION)
			continue;
		segment_fold_string(x->e[j].name, strlen(x->e[j].name), &f);
		if ((strstr(f, nf) != NULL && strncmp(f, nf, strlen(f)) != 0) ||
		    (x->e[j].roles != NULL &&
		    strstr(x->e[j].roles, nf) != NULL))
			found = (int)j;
	}
	free(f);
	free(nf);
	return found;
}

/*
 * The person named next after candidate ci (a pronoun or role noun
 * before the name: "— ..., — заявил он" with Калинкин named later).
 */
static int
ent_next(struct ex *x, size_t ci, enum agr a)
{
	const struct cand	*c = &x->c[ci];
	size_t			 k;
	int			 r;

	for (k = ci + 1; k < x->nc && k < ci + 8; k++) {
		const struct mention	*n = &x->c[k].m;

		/* "Министр заявила, что Андрей Санников ...": no one
		 * named inside the quote itself. */
		if (c->is_quote && n->ns >= c->ts && n->ns < c->te)
			continue;
		if (n->type == MEN_NAME && n->cas == SPEAKERS_NOM &&
		    (x->c[k].is_quote || n->ne - n->ns >= 2) &&
		    !place_name(x, n->ns, n->ne)) {
			r = ent_person(x, n, a, c->order, 0);
			if (r >= 0 && ((a == AGR_M && x->e[r].g ==
			    GENDER_FEMALE) || (a == AGR_F && x->e[r].g ==
			    GENDER_MALE)))
				return -1;
			return r;
		}
	}
	return -1;
}

/* The person named next after candidate ci in its sentence ("Об этом
 * сообщил министр ... Хорхе Арреаза"), or as the speaker of a quote
 * in the next ("Российский президент назвал ... — добавил Путин"),
 * else -1. */
static int
ent_next_here(struct ex *x, size_t ci, enum agr a)
{
	size_t	k, sent = x->sg->t[x->c[ci].order].sent, ks;

	for (k = ci + 1; k < x->nc && k < ci + 8; k++) {
		if (x->c[k].m.type != MEN_NAME)
			continue;
		ks = x->sg->t[x->c[k].m.ns].sent;
		if (ks == sent || (ks == sent + 1 && x->c[k].is_quote))
			return ent_next(x, ci, a);
		return -1;
	}
	return -1;
}

/* Does folded f introduce someone not named before: местный, другой,
 * некий, один, неназванный, анонимный (in any gender and case)? */
static int
new_referent(const char *f)
{
	static const char *const stem[] = {
		"местн", "друг", "неки", "неко", "один", "одн", "неназванн",
		"анонимн", NULL
	};
	size_t	k;

	for (k = 0; stem[k] != NULL; k++)
		if (strncmp(f, stem[k], strlen(stem[k])) == 0 &&
		    strlen(f) <= strlen(stem[k]) + 6)
			return 1;
	return 0;
}

/* An office a role noun may name: the stems of its forms, then its
 * nominatives (other_office()). */
struct office {
	const char	*stem[2];
	const char	*nom[2];
};

/* Does a word of roles (words parted by spaces) start with stem s, or
 * with exact set, equal it? */
static int
roles_word(const char *roles, const char *s, int exact)
{
	const char	*p = roles, *e;
	size_t		 l = strlen(s);

	while (*p != '\0') {
		while (*p == ' ')
			p++;
		if ((e = strchr(p, ' ')) == NULL)
			e = p + strlen(p);
		if ((size_t)(e - p) >= l && strncmp(p, s, l) == 0 &&
		    (!exact || (size_t)(e - p) == l))
			return 1;
		p = e;
	}
	return 0;
}

/*
 * Is folded role noun f an office (аким, президент, министр) that
 * roles, the roles of a person, show the person does not hold: another
 * office in the nominative, and none that f may stand for ("министр"
 * for "глава МИД", "президент" for "глава государства")?  "Аким города
 * подчеркнул" after "президент X" is someone else; "глава региона" or
 * "эксперт" may be anyone, and "глава кабинета министров" holds no
 * office of "министр".
 */
static int
other_office(const char *f, const char *roles)
{
	static const struct office office[] = {
		{ { "президент", NULL }, { "президент", NULL } },
		{ { "премьер", NULL }, { "премьер", "премьер-министр" } },
		{ { "министр", NULL }, { "министр", NULL } },
		{ { "губернатор", NULL }, { "губернатор", NULL } },
		{ { "аким", NULL }, { "аким", NULL } },
		{ { "мэр", NULL }, { "мэр", NULL } },
		{ { "судь", "судей" }, { "судья", NULL } },
		{ { "прокурор", "генпрокурор" },
		    { "прокурор", "генпрокурор" } },
		{ { "посол", "посл" }, { "посол", NULL } },
		{ { "депутат", NULL }, { "депутат", NULL } },
		{ { "сенатор", NULL }, { "сенатор", NULL } },
		{ { "канцлер", NULL }, { "канцлер", NULL } },
		{ { "тренер", NULL }, { "тренер", NULL } },
		{ { "адвокат", NULL }, { "адвокат", NULL } },
		{ { "пресс-секретар", NULL }, { "пресс-секретарь", NULL } },
	};
	/* Who holds an office second to another. */
	static const char *const second[] = { "заместитель", "замминистра",
	    "помощник", "советник", "вице-президент", "вице-премьер", NULL };
	static const char *const stands[] = { "мид", "ведомств",
	    "государства", "правительства", "кабинета", NULL };
	const size_t	n = sizeof(office) / sizeof(office[0]);
	size_t		a, b, k;

	if (roles == NULL)
		return 0;
	for (a = 0; a < n; a++) {
		for (k = 0; k < 2 && office[a].stem[k] != NULL; k++)
			if (strncmp(f, office[a].stem[k],
			    strlen(office[a].stem[k])) == 0)
				break;
		if (k < 2 && office[a].stem[k] != NULL)
			break;
	}
	if (a == n)
		return 0;
	for (k = 0; k < 2 && office[a].stem[k] != NULL; k++)
		if (roles_word(roles, office[a].stem[k], 0))
			return 0;
	/* "глава МИД", "глава государства", "глава кабинета". */
	for (k = 0; stands[k] != NULL; k++)
		if (roles_word(roles, stands[k], 0))
			return 0;
	for (b = 0; b < n; b++)
		for (k = 0; b != a && k < 2 && office[b].nom[k] != NULL; k++)
			if (roles_word(roles, office[b].nom[k], 1))
				return 1;
	for (k = 0; second[k] != NULL; k++)
		if (roles_word(roles, second[k], 1))
			return 1;
	return 0;
}

/* Are the words [s, e) all a place of places.txt, in any case
 * ("Канада", "Южной Кореи")? */
static int
place_name(const struct ex *x, size_t s, size_t e)
{
	size_t	k;

	return e > s && lexicon_match(x->lx, LEX_PLACES, x->w + s, e - s,
	    &k) != NULL && k == e - s;
}

/* The person a role noun refers to, or -1 (see people_resolve()). */
static int
role_person(struct ex *x, const struct cand *c, size_t ci, enum gender g)
{
	/* Who speaks for another ("пресс-секретарь президента") may be
	 * the one named before with that role. */
	static const char *const office[] = { "пресс-секретарь",
	    "представитель", "помощник", "советник", "адвокат", "адвокаты",
	    "защитник", NULL };
	const struct mention	*m = &c->m;
	const struct lex_entry	*le = NULL;
	size_t			 i, j;
	char			 stem[16];
	int			 r, found = -1;
	unsigned		 best = 0;

	for (i = m->ns; i < m->ne; i++)
		if ((le = lexicon_word(x->lx, LEX_ROLES, x->w[i])) != NULL)
			break;
	if (le == NULL) {
		/* A noun the lists do not know ("биограф"): a person the
		 * article gave it as a role, else one described so. */
		i = m->ne - 1;
		snprintf(stem, sizeof(stem), "%s", x->w[i]);
		if (strlen(stem) > 10)
			stem[10] = '\0';
		for (j = 0; j < x->ne; j++)
			if (x->e[j].kind == SPEAKER_PERSON &&
			    x->e[j].roles != NULL &&
			    strstr(x->e[j].roles, stem) != NULL)
				found = (int)j;
		/* In news such a noun mostly refers back to the person
		 * the text is about, when one was named just before. */
		if (found < 0 && (r = ent_recent(x, g, SPEAKER_PERSON, 1,
		    c)) >= 0 && x->e[r].sal_sent + 1 >=
		    x->sg->t[c->order].sent)
			found = r;
		return found;
	}
	if (strcmp(le->tag, "literal") == 0)
		return -1;
	/* The noun's first five letters find it in a stored role; among
	 * those who hold it, the one whose roles share most words with
	 * the mention ("президента США"), then the most salient. */
	snprintf(stem, sizeof(stem), "%s", x->w[i]);
	if (strlen(stem) > 10)
		stem[10] = '\0';
	for (j = 0; j < x->ne; j++) {
		const struct ent	*e = &x->e[j];
		unsigned		 score;

		size_t			 k;

		if (e->kind != SPEAKER_PERSON || e->roles == NULL ||
		    strstr(e->roles, stem) == NULL ||
		    !(g == GENDER_UNKNOWN || e->g == GENDER_UNKNOWN ||
		    e->g == g))
			continue;
		score = ent_sal(x, e, c->order) + 1;
		for (k = m->ns; k < m->ne; k++) {
			char	w[16];

			if (k == i || x->sg->t[k].type != SEG_WORD ||
			    strlen(x->w[k]) < 6)
				continue;
			snprintf(w, sizeof(w), "%s", x->w[k]);
			if (strlen(w) > 8)
				w[8] = '\0';
			if (strstr(e->roles, w) != NULL)
				score += 10000;
		}
		if (score > best) {
			best = score;
			found = (int)j;
		}
	}
	if (found >= 0)
		return found;
	/* "муж Биби", "собеседник в МИД ФРГ": a role tied to another
	 * name or body is its own person, not one seen before. */
	if (tok_kin(x->w[i]) && i + 1 < m->ne && (tok_name(x, i + 1) ||
	    (!str_in(x->w[i], office) && !name_in(x, i + 1, m->ne))))
		return -1;	/* "племянник долгожителя" too */
	/* "обозреватель Би-би-си": a journalist of a medium is someone
	 * of its own, not the person the article is about. */
	if (i + 1 < m->ne && tok_media(x, i + 1, i + 2) &&
	    (strncmp(x->w[i], "обозревател", 22) == 0 ||
	    strncmp(x->w[i], "корреспондент", 26) == 0 ||
	    strncmp(x->w[i], "журналист", 18) == 0 ||
	    strncmp(x->w[i], "комментатор", 22) == 0 ||
	    strncmp(x->w[i], "редактор", 16) == 0))
		return -1;
	if (strcmp(le->tag, "back") == 0 && i + 2 < m->ne &&
	    (tok_is(x, i + 1, "в") || tok_is(x, i + 1, "из")) &&
	    (x->sg->t[i + 2].flags & (SEG_CAP | SEG_ALLCAPS)))
		return -1;
	/* "Местный имам заявил", "другой дипломат": a role no one of the
	 * article holds, with a word that says so, is someone new. */
	if (i > m->ns && new_referent(x->w[i - 1]))
		return -1;
	/* "собеседник агентства" (tagged "back") may also be an unnamed
	 * speaker described before; other nouns want a named person. */
	if ((r = ent_recent(x, g, strcmp(le->tag, "back") == 0 ? -1 :
	    SPEAKER_PERSON, strcmp(le->tag, "back") == 0 ? 2 : 1, c)) >= 0)
		return m->cas != SPEAKERS_NOM || role_oblique(x, x->w[i]) ||
		    !other_office(x->w[i], x->e[r].roles) ? r :
		    ent_next_here(x, ci, c->agr);
	return ent_next(x, ci, c->agr);
}

/* The gender verb agreement g tells of the role in tokens [s, e):
 * only against the role noun's own gender ("глава ... отметил",
 * "пресс-секретарь ... сообщила"); a masculine noun with a masculine
 * verb ("источник сообщил") tells nothing. */
static enum gender
role_gender(const struct ex *x, size_t s, size_t e, enum gender g)
{
	size_t	i;
	int	fem;

	for (i = s; i < e && !tok_has(x, i, TF_ROLE); i++)
		;
	if (i >= e)
		return GENDER_UNKNOWN;
	fem = tok_ends(x->w[i], "а") || tok_ends(x->w[i], "я");
	if ((g == GENDER_MALE && fem) || (g == GENDER_FEMALE && !fem))
		return g;
	return GENDER_UNKNOWN;
}

/* Does the role noun of c's mention name several people ("источники",
 * "представители компании" with a plural verb)? */
static int
role_plural(const struct ex *x, const struct cand *c)
{
	const struct mention	*m = &c->m;
	size_t			 i;

	if (c->agr == AGR_PL)
		return 1;
	if (m->cas != SPEAKERS_NOM && m->cas != SPEAKERS_ACC)
		return 0;
	for (i = m->ns; i < m->ne && i < x->sg->n; i++)
		if (x->sg->t[i].type == SEG_WORD && !tok_adjective(x, i))
			return tok_has(x, i, TF_ROLE) && (tok_ends(x->w[i],
			    "ы") || tok_ends(x->w[i], "и"));
	return 0;
}

/* Is the head of mention m a court's noun (суд, трибунал)? */
static int
mention_court(const struct ex *x, const struct mention *m)
{
	const struct lex_entry	*le;
	size_t			 i;

	for (i = m->ns; i < m->ne && i < x->sg->n; i++) {
		if (x->sg->t[i].type != SEG_WORD || tok_adjective(x, i))
			continue;
		return (le = lexicon_word(x->lx, LEX_INSTITUTIONS,
		    x->w[i])) != NULL && strcmp(le->value, "court") == 0;
	}
	return 0;
}

/*
 * Resolves the mention of c to an entity, with *last the speaker of the
 * previous quote and *lastq the previous quote's entity for
 * continuations.  Returns the entity or -1.
 */
int
people_resolve(struct ex *x, size_t ci, int *last, int *lastq)
{
	struct cand	*c = &x->c[ci];
	struct mention	*m = &c->m;
	enum gender	 g = c->agr == AGR_M ? GENDER_MALE : c->agr == AGR_F ?
			    GENDER_FEMALE : GENDER_UNKNOWN;
	int		 r = -1;
	char		*s;
	size_t		 p;

	/* "суд постановил": a court rules, it is quoted by no one. */
	if (c->is_quote && (m->type == MEN_INST || m->type == MEN_ROLE) &&
	    mention_court(x, m))
		return -1;
	/* "уточнили Казинформу": the outlet told is not the speaker. */
	if (c->is_quote && (m->type == MEN_NAME || m->type == MEN_INST) &&
	    mention_medium(x, m))
		return -1;
	/* "В принципе это говорит", "сообщили в комитете", "в том
	 * числе": one noun the role list does not know, in -е after в, на
	 * or о (and a word in -ом, -ем, -ой), is in the prepositional, no
	 * subject's case: no one, or the body it names as a place. */
	if (m->type == MEN_ROLE && !m->one_of && m->ns > 0 &&
	    m->ne == m->ns + 1 && (p = loc_prep(x, m->ns)) != (size_t)-1 &&
	    tok_ends(x->w[m->ns], "е") && !tok_has(x, m->ns, TF_ROLE)) {
		const struct lex_entry	*le;

		if ((le = lexicon_word(x->lx, LEX_INSTITUTIONS,
		    x->w[m->ns])) == NULL || tok_is(x, p, "о") ||
		    tok_is(x, p, "об") || p + 1 != m->ns)
			return -1;
		if ((r = ent_named(x, x->w[m->ns])) < 0)
			r = ent_literal(x, le->tag, SPEAKER_INSTITUTION,
			    c->order);
		goto found;
	}
	switch (m->type) {
	case MEN_NAME:
		if (m->ns > 0 && (tok_is(x, m->ns - 1, "имени") ||
		    (m->ns > 1 && tok_punct(x, m->ns - 1, '.') &&
		    tok_is(x, m->ns - 2, "им")))) {
			/* "директор Центра имени (им.) Чокана Валиханова
			 * Ерлан Сапаров": the name a body bears is no
			 * speaker; the name that ends the phrase is. */
			struct mention	 mm = *m;

			mm.ns = mm.ne = m->e;
			while (mm.ns > m->ne && x->sg->t[mm.ns - 1].type ==
			    SEG_WORD && (x->sg->t[mm.ns - 1].flags & SEG_CAP) &&
			    !(x->sg->t[mm.ns - 1].flags & SEG_ALLCAPS))
				mm.ns--;
			if (mm.ne - mm.ns < 2 && !(mm.ne > mm.ns &&
			    tok_has(x, mm.ns, TF_FIRST)))
				return -1;
			mm.cas = SPEAKERS_NOM;
			r = ent_person(x, &mm, c->agr, c->order, c->is_quote);
			break;
		}
		/* "Канада предложила", "Южная Корея заявила": a country
		 * speaking for its government is a body, no woman; in an
		 * oblique case it is no one. */
		if (place_name(x, m->ns, m->ne)) {
			int	obl = m->cas != SPEAKERS_NOM ||
				    mention_place(x, m->ns, m->ne - m->ns);

			if (obl && !c->is_quote)
				return -1;	/* "в Южной Корее": where */
			if (!obl) {
				s = span_text(x, m->ns, m->ne, 0);
				r = ent_literal(x, s, SPEAKER_INSTITUTION,
				    c->order);
				free(s);
				break;
			}
		}
		r = ent_person(x, m, c->agr, c->order, c->is_quote);
		break;
	case MEN_PRON:
		if (tok_is(x, m->ns, "она") || tok_is(x, m->ns, "ее"))
			g = GENDER_FEMALE;
		else if (tok_is(x, m->ns, "он") || tok_is(x, m->ns, "его"))
			g = GENDER_MALE;
		if (tok_is(x, m->ns, "они") || tok_is(x, m->ns, "их")) {
			/* The most salient group or body, else the last
			 * speaker. */
			int	gr = ent_recent(x, GENDER_UNKNOWN,
			    SPEAKER_GROUP, 0, c);
			int	in = ent_recent(x, GENDER_UNKNOWN,
			    SPEAKER_INSTITUTION, 0, c);

			r = gr;
			if (in >= 0 && (r < 0 || ent_sal(x, &x->e[in],
			    c->order) > ent_sal(x, &x->e[r], c->order)))
				r = in;
			if (r < 0)
				r = *last;
			break;
		}
		/* "Компания извинилась ... Она заявила": a body whose
		 * verb agreed as the pronoun does, just before. */
		if (g != GENDER_UNKNOWN && *last >= 0 &&
		    x->e[*last].kind == SPEAKER_INSTITUTION &&
		    x->lastagr == (g == GENDER_FEMALE ? AGR_F : AGR_M) &&
		    x->e[*last].sal_sent + 1 >= x->sg->t[c->order].sent) {
			r = *last;
			break;
		}
		r = ent_recent(x, g, SPEAKER_PERSON, 1, c);
		/* "заявил представитель МИД. Он подчеркнул": with no
		 * one named, the one described who spoke last. */
		if (r < 0 && *last >= 0 &&
		    x->e[*last].kind == SPEAKER_PERSON &&
		    (g == GENDER_UNKNOWN || x->e[*last].g == GENDER_UNKNOWN ||
		    x->e[*last].g == g))
			r = *last;
		if (r < 0)
			r = ent_next(x, ci, c->agr);
		break;
	case MEN_ROLE:
		if (m->one_of) {
			/* "один из X": the one it says, X as written. */
			char	*rest = span_text(x, m->ns + 2, m->ne, 0);
			int	 fem = tok_ends(x->w[m->ns], "ой") ||
			    tok_is(x, m->ns, "одна") || tok_is(x, m->ns, "одну");

			s = xasprintf("%s из %s", fem ? "одна" : "один", rest);
			free(rest);
			r = ent_literal(x, s, SPEAKER_PERSON, c->order);
			free(s);
			break;
		}
		/* A role noun refers to a person of the article: one whose
		 * role has the same noun, else the last speaker, else the
		 * person named next.  Nouns tagged "literal" in roles.txt
		 * ("представитель пресс-службы посольства США") name an
		 * unnamed speaker as described. */
		/* "односельчанки обвинили": several people are no one
		 * person named before. */
		r = c->agr == AGR_PL && role_plural(x, c) ? -1 :
		    role_person(x, c, ci, g);
		if (r >= 0)
			break;
		/* "после чего односельчанки": a relative word or an
		 * adverb before the noun is none of it. */
		p = m->ns;
		while (p + 1 < m->ne && x->sg->t[p].type == SEG_WORD &&
		    (tok_stop(x, p) || tok_is(x, p, "чего") ||
		    tok_is(x, p, "чем")) && !tok_has(x, p, TF_ROLE))
			p++;
		s = m->cas != SPEAKERS_NOM ? np_nominative(x, p, m->ne) :
		    span_text(x, p, m->ne, 1);
		r = ent_literal(x, s, role_plural(x, c) ? SPEAKER_GROUP :
		    SPEAKER_PERSON, c->order);
		free(s);
		/* "глава государства отметил", "пресс-секретарь
		 * сообщила": the verb tells the gender of one described
		 * by a role when it agrees against the noun's own. */
		if (r >= 0 && x->e[r].kind == SPEAKER_PERSON &&
		    x->e[r].g == GENDER_UNKNOWN)
			x->e[r].g = role_gender(x, p, m->ne, g);
		break;
	case MEN_GROUP:
	case MEN_INST:
		if (m->conj) {
			s = conjoined_text(x, m);
			r = ent_literal(x, s, SPEAKER_GROUP, c->order);
			free(s);
		} else if (m->literal != NULL && m->ce > m->cs) {
			/* "в министерстве энергетики": the noun's
			 * nominative and its complement as written. */
			char	*rest = span_text(x, m->cs, m->ce, 0);
			char	*adj = adjectives_nominative(x, m->ns,
				    m->literal);

			s = xasprintf("%s%s%s %s", adj != NULL ? adj : "",
			    adj != NULL ? " " : "", m->literal, rest);
			free(rest);
			free(adj);
			r = ent_literal(x, s, SPEAKER_INSTITUTION, c->order);
			free(s);
		} else if (m->literal != NULL) {
			int	j = -1;

			/* "В холдинге уточнили": the institution named
			 * before, when the noun is generic. */
			if (m->ns < x->sg->n &&
			    !(x->sg->t[m->ns].flags & SEG_CAP) &&
			    (j = ent_named(x, m->literal)) < 0 &&
			    body_noun(x->w[m->ne - 1]))
				j = ent_recent_body(x, c,
				    x->w[m->ne - 1]);
			if (j < 0 && strcmp(m->literal, "ведомство") == 0)
				j = ent_agency(x, c);
			r = j >= 0 ? j : ent_literal(x, m->literal,
			    SPEAKER_INSTITUTION, c->order);
		} else {
			size_t	e = m->ne, k, b = m->ns;
			int	open = 0;

			/* "Тут же правоцентристы": an adverb before the
			 * noun is none of its name. */
			while (!m->loc && b + 1 < e &&
			    x->sg->t[b].type == SEG_WORD && tok_stop(x, b) &&
			    !tok_is(x, b, "ряд") &&
			    !tok_prep(x, b) && !tok_has(x, b, TF_GROUP) &&
			    !tok_has(x, b, TF_INST))
				b++;

			while (e > b && (x->sg->t[e - 1].type ==
			    SEG_PUNCT || (tok_stop(x, e - 1) &&
			    !(x->sg->t[e - 1].flags & (SEG_ALLCAPS |
			    SEG_CAP)))))
				e--;
			if (e <= b) {
				e = m->ne;
				b = m->ns;
			}
			/* "клуб «Спартак-Москва»" keeps its closing mark. */
			for (k = b; k < e; k++)
				if (tok_open_quote(x, k) &&
				    !tok_close_quote(x, k))
					open++;
				else if (tok_close_quote(x, k) && open > 0)
					open--;
			if (open > 0 && e < x->sg->n && tok_close_quote(x, e))
				e++;
			if (m->type == MEN_GROUP && b > 0 &&
			    tok_is(x, b - 1, "ряда"))
				s = plural_nominative(x, b - 1, e);
			else if (m->type == MEN_GROUP &&
			    (s = group_text(x, b, e)) != NULL)
				;
			else if (m->loc)
				s = loc_nominative(x, b, e);
			else if (m->type == MEN_GROUP && m->cas == SPEAKERS_GEN)
				s = plural_nominative(x, b, e);
			else if (m->cas != SPEAKERS_NOM)
				s = np_nominative(x, b, e);
			else
				s = span_text(x, b, e,
				    !proper_noun(x, b));
			/* "авиакомпания заявила": the body the article
			 * named so ("авиакомпания Ryanair"). */
			r = -1;
			if (m->type == MEN_INST && generic_body(x, b, e) &&
			    strncmp(x->w[e - 1], "ведомств", 16) == 0)
				r = ent_agency(x, c);
			else if ((m->type == MEN_INST || (m->type ==
			    MEN_GROUP && strncmp(x->w[e - 1], "групп",
			    10) == 0)) && generic_body(x, b, e) &&
			    (r = ent_named(x, x->w[e - 1])) < 0 &&
			    body_noun(x->w[e - 1]))
				/* "группа" alone: the band named so */
				r = ent_recent_body(x, c, x->w[e - 1]);
			if (r < 0)
				r = ent_literal(x, s, m->type == MEN_GROUP ?
				    SPEAKER_GROUP : SPEAKER_INSTITUTION,
				    c->order);
			free(s);
			/* "бортпроводники Ryanair": the body named after a
			 * group is one the article speaks of. */
			if (m->type == MEN_GROUP && e > b + 1 &&
			    (x->sg->t[e - 1].flags & SEG_LATIN) &&
			    (x->sg->t[e - 1].flags & (SEG_CAP |
			    SEG_ALLCAPS))) {
				k = e - 1;
				while (k > b + 1 && (x->sg->t[k - 1].flags &
				    SEG_LATIN))
					k--;
				s = span_text(x, k, e, 0);
				ent_literal(x, s, SPEAKER_INSTITUTION, c->order);
				free(s);
			}
			/* "авиакомпания Ryanair" seen in passing. */
			if (!c->is_quote && m->s < m->ns) {
				s = span_text(x, m->s, m->s + 1, 1);
				ent_add_role(&x->e[r], s);
				free(s);
			}
		}
		break;
	case MEN_CONT:
		r = *lastq;
		/* A quotation of its own continues only the quote of the
		 * sentence just before it, in its paragraph. */
		if (c->near && r >= 0 && (x->e[r].seen >= c->order ||
		    x->sg->t[x->e[r].seen].para != x->sg->t[c->order].para ||
		    x->sg->t[x->e[r].seen].sent + 1 <
		    x->sg->t[c->order].sent))
			r = -1;
		break;
	case MEN_SELF:
		r = -1;
		break;
	case MEN_NONE:
		/* "её критиковали": nobody named; but "Там добавили"
		 * after a body's statement is that body. */
		if (c->agr == AGR_PL && !(*last >= 0 &&
		    x->e[*last].kind != SPEAKER_PERSON &&
		    x->sg->t[c->order].sent <= x->e[*last].sal_sent + 2)) {
			r = -1;
			break;
		}
		if (*last >= 0 && (g == GENDER_UNKNOWN ||
		    x->e[*last].g == GENDER_UNKNOWN || x->e[*last].g == g ||
		    x->e[*last].kind != SPEAKER_PERSON))
			r = *last;
		else
			r = ent_recent(x, g, SPEAKER_PERSON, 1, c);
		/* "«Q», — говорится в сообщении" with no one quoted
		 * before: the body the article is about. */
		if (r < 0 && c->ce > c->cs && (tok_is(x, c->cs, "говорится") ||
		    tok_is(x, c->cs, "сказано")))
			r = ent_agency(x, c);
		break;
	}
found:
	/* "каждая партия" found an outlet seen in passing: no one. */
	if (r >= 0 && c->is_quote && ent_medium(x, &x->e[r]))
		r = -1;
	if (r >= 0) {
		/* One mention counts once: a quote's mention that the
		 * name scan counted already adds only the speaker's part. */
		if ((m->ne > m->ns && x->e[r].mention == m->ns + 1) ||
		    c->passing)
			ent_touch(x, r, c->order,
			    c->is_quote ? SAL_SPEAKER : 0);
		else
			ent_touch(x, r, c->order, SAL_MENTION +
			    (m->subj || c->is_quote ? SAL_SUBJECT : 0) +
			    (c->is_quote ? SAL_SPEAKER : 0));
		if (m->ne > m->ns)
			x->e[r].mention = m->ns + 1;
		if (c->is_quote) {
			x->e[r].nquotes++;
			*last = r;
			*lastq = r;
			x->lastagr = c->agr;
		}
	}
	return r;
}

/*
 * Is folded word f a medium of media.txt, in the nominative or in a case
 * ending (Казинформу, «Курсива», Курсивом)?  Sets *obl when only the case
 * ending made it one.
 */
static int
media_form(const struct ex *x, const char *f, int *obl)
{
	static const char *const end[] = {
		"ом", "ой", "у", "а", "е", "ы", "и", "ю", NULL
	};
	size_t	k, l = strlen(f);

	if (lexicon_word(x->lx, LEX_MEDIA, f) != NULL)
		return 1;
	for (k = 0; end[k] != NULL; k++) {
		size_t	el = strlen(end[k]);
		char	*st;
		int	hit;

		if (l <= el + 4 || strcmp(f + l - el, end[k]) != 0)
			continue;
		st = xasprintf("%.*s", (int)(l - el), f);
		hit = lexicon_word(x->lx, LEX_MEDIA, st) != NULL;
		if (!hit) {
			/* Медузы, Медузе: the nominative ends in -а. */
			char	*sa = xasprintf("%sа", st);

			hit = lexicon_word(x->lx, LEX_MEDIA, sa) != NULL;
			free(sa);
		}
		free(st);
		if (hit) {
			*obl = 1;
			return 1;
		}
	}
	return 0;
}

/*
 * Is the mention's name nothing but a medium, as a person's name or in a
 * case ending ("уточнили Казинформу", "вопрос «Курсива»")?  Such an
 * outlet is the one told or asking, never the speaker: a medium that
 * speaks is the newsroom relaying, which is no quote either.
 */
static int
mention_medium(const struct ex *x, const struct mention *m)
{
	size_t	i, nw = 0;
	int	obl = 0;

	if (m->ne <= m->ns || m->ne - m->ns > 3)
		return 0;
	for (i = m->ns; i < m->ne; i++) {
		if (x->sg->t[i].type != SEG_WORD)
			continue;
		if (!media_form(x, x->w[i], &obl))
			return 0;
		nw++;
	}
	if (nw == 0)
		return 0;
	return m->type == MEN_NAME || obl || m->cas != SPEAKERS_NOM;
}

/*
 * Is entity e a medium and nothing else (Медузы, «Курсив»)?  The table
 * keeps it, seen in passing ("прим. «Медузы»"), but it speaks no quote.
 */
static int
ent_medium(const struct ex *x, const struct ent *e)
{
	char	*f, *w, *save = NULL;
	int	 obl = 0, all = 1, n = 0;

	if (e->kind == SPEAKER_GROUP)
		return 0;
	f = speakers_fold(e->name);
	for (w = strtok_r(f, " ", &save); w != NULL && all;
	    w = strtok_r(NULL, " ", &save)) {
		all = media_form(x, w, &obl);
		n++;
	}
	free(f);
	return all && n > 0 && n <= 3;
}

/*
 * The fullest form of a group or institution: "посольство" is the
 * "посольство США" named before it, "участники" the "участники круглого
 * стола" of the same article.  Returns an entity index.
 */
int
people_full_name(const struct ex *x, int k)
{
	size_t		 j, l;
	int		 best = -1;
	const char	*n = x->e[k].name, *p;

	if (x->e[k].kind == SPEAKER_PERSON)
		return k;
	l = strlen(n);
	for (j = 0; j < x->ne; j++) {
		const char	*m = x->e[j].name;

		if ((int)j == k || x->e[j].kind != x->e[k].kind ||
		    strlen(m) <= l)
			continue;
		/* n as whole words inside m. */
		for (p = strstr(m, n); p != NULL; p = strstr(p + 1, n))
			if ((p == m || p[-1] == ' ') &&
			    (p[l] == '\0' || p[l] == ' '))
				break;
		if (p == NULL)
			continue;
		if (best < 0 || (int)j < k)
			best = (int)j;
	}
	return best >= 0 ? best : k;
}

void
people_free(struct ex *x)
{
	size_t	i;

	for (i = 0; i < x->ne; i++) {
		free(x->e[i].name);
		free(x->e[i].surname);
		free(x->e[i].role);
		free(x->e[i].roles);
	}
	free(x->e);
	x->e = NULL;
	x->ne = x->cape = 0;
}
