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

#include "extract.h"
#include "lexicon.h"
#include "segment.h"
#include "speakers.h"
#include "util.h"

static char	*span_text(const struct ex *, size_t, size_t, int);
static void	 group_nominative(char **);
static int	 ent_person(struct ex *, const struct mention *, enum agr,
		    size_t);
static char	*ent_surname(const char *);
static int	 ent_literal(struct ex *, const char *, enum speaker_kind,
		    size_t);
static int	 ent_recent(const struct ex *, enum gender, int, int);
static int	 ent_named(const struct ex *, const char *);
static int	 ent_next(struct ex *, size_t, enum agr);
static int	 role_person(struct ex *, const struct cand *, size_t,
		    enum gender);

/* Records every full name (a known first name and a surname) seen
 * anywhere, so later surname-only mentions find the full form. */
void
people_names(struct ex *x)
{
	size_t	i, n;

	for (i = 0; i + 1 < x->sg->n; i++) {
		struct cand		*c;
		size_t			 first;
		enum speakers_case	 cas;

		if (!tok_name(x, i + 1) ||
		    (!(x->sg->t[i].flags & SEG_CAP)))
			continue;
		first = mention_name_run(x, 0, i + 1, &n);
		if (n < 2 || first != i)
			continue;
		/* A full name starts with a first name, in the nominative
		 * or in the case the construction gave it. */
		cas = SPEAKERS_NOM;
		if (!tok_has(x, first, TF_FIRST) &&
		    (cas = tok_oblique_first(x, first)) == SPEAKERS_NOM)
			continue;
		c = quotes_cand_add(x);
		c->is_quote = 0;
		c->order = first;
		c->m.type = MEN_NAME;
		c->m.s = c->m.ns = first;
		c->m.e = c->m.ne = i + 2;
		c->m.cas = cas;
		i++;
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

/* The role words of a name mention: the phrase before the name. */
char *
people_role_text(const struct ex *x, const struct mention *m)
{
	size_t	s = m->s, e = m->ns, i;

	for (i = s; i < e; i++)
		if (tok_has(x, i, TF_ROLE))
			break;
	if (i >= e) {
		/* Or after it, in commas. */
		s = m->ne;
		if (s < m->e && tok_punct(x, s, ','))
			s++;
		for (i = s; i < m->e; i++)
			if (tok_has(x, i, TF_ROLE))
				break;
		if (i >= m->e)
			return NULL;
		e = m->e;
		while (e > i && x->sg->t[e - 1].type == SEG_PUNCT)
			e--;
		return span_text(x, i, e, 1);
	}
	while (e > i && x->sg->t[e - 1].type == SEG_PUNCT)
		e--;
	if (e <= i)
		return NULL;
	return span_text(x, i, e, 1);
}

/*
 * "по мнению экспертов": the head noun of a group back to the
 * nominative plural (экспертов -> эксперты, врачей -> врачи).  *s is
 * replaced.
 */
static void
group_nominative(char **s)
{
	static const char *const velar[] = {
		"к", "г", "х", "ж", "ш", "ч", "щ", NULL
	};
	char	*sp = strchr(*s, ' '), *out;
	size_t	 hl = sp != NULL ? (size_t)(sp - *s) : strlen(*s), k;
	const char *rep = NULL;
	size_t	 cut = 0;

	if (hl > 6 && (memcmp(*s + hl - 4, "ов", 4) == 0 ||
	    memcmp(*s + hl - 4, "ев", 4) == 0)) {
		cut = 4;
		rep = "ы";
		for (k = 0; velar[k] != NULL; k++)
			if (memcmp(*s + hl - 6, velar[k], 2) == 0)
				rep = "и";
		if (memcmp(*s + hl - 4, "ев", 4) == 0)
			rep = "и";
	} else if (hl > 6 && memcmp(*s + hl - 4, "ей", 4) == 0) {
		cut = 4;
		rep = "и";
	}
	if (rep == NULL)
		return;
	out = xasprintf("%.*s%s%s", (int)(hl - cut), *s, rep, *s + hl);
	free(*s);
	*s = out;
}

/* Finds or adds the person a name mention refers to. */
static int
ent_person(struct ex *x, const struct mention *m, enum agr a, size_t at)
{
	const char	*w[8];
	char		*words[8], *name, *role, *sur;
	size_t		 n = 0, i, j;
	enum gender	 g = a == AGR_M ? GENDER_MALE : a == AGR_F ?
			    GENDER_FEMALE : GENDER_UNKNOWN;

	for (i = m->ns; i < m->ne && n < 8; i++) {
		const struct token	*t = &x->sg->t[i];

		if (t->type != SEG_WORD)
			continue;
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
	name = speakers_normalize(x->lx, w, n, m->cas, &g);
	for (i = 0; i < n; i++)
		free(words[i]);
	role = people_role_text(x, m);
	/* speakers_same() wants the same surname first: compared here
	 * folded once, not folded again for every person of a long
	 * article (quadratic with thousands of speakers). */
	sur = ent_surname(name);
	for (j = x->ne; j-- > 0;) {
		struct ent	*e = &x->e[j];

		if (e->kind != SPEAKER_PERSON || strcmp(e->surname, sur) != 0 ||
		    !speakers_same(e->name, name))
			continue;
		if (e->g != GENDER_UNKNOWN && g != GENDER_UNKNOWN && e->g != g)
			continue;
		/* The fuller form wins; the first full one stays. */
		if (strchr(e->name, ' ') == NULL &&
		    strchr(name, ' ') != NULL) {
			free(e->name);
			e->name = name;
			name = NULL;
		}
		if (e->g == GENDER_UNKNOWN)
			e->g = g;
		if (role != NULL && e->role == NULL) {
			e->role = role;
			role = NULL;
		}
		e->seen = at;
		free(name);
		free(role);
		free(sur);
		return (int)j;
	}
	if (x->ne == x->cape) {
		x->cape = x->cape * 2 + 8;
		x->e = xreallocarray(x->e, x->cape, sizeof(*x->e));
	}
	x->e[x->ne].name = name;
	x->e[x->ne].surname = sur;
	x->e[x->ne].role = role;
	x->e[x->ne].g = g;
	x->e[x->ne].kind = SPEAKER_PERSON;
	x->e[x->ne].seen = at;
	return (int)x->ne++;
}

/* The folded last word of name, which speakers_same() compares first.
 * The caller frees it. */
static char *
ent_surname(const char *name)
{
	char	*f = speakers_fold(name), *s = strrchr(f, ' '), *r;

	r = xstrdup(s != NULL ? s + 1 : f);
	free(f);
	return r;
}

/* Finds or adds a group or institution by its text; takes name. */
static int
ent_literal(struct ex *x, const char *name, enum speaker_kind kind,
    size_t at)
{
	size_t	j;

	for (j = 0; j < x->ne; j++)
		if (x->e[j].kind == kind && strcmp(x->e[j].name, name) == 0) {
			x->e[j].seen = at;
			return (int)j;
		}
	if (x->ne == x->cape) {
		x->cape = x->cape * 2 + 8;
		x->e = xreallocarray(x->e, x->cape, sizeof(*x->e));
	}
	x->e[x->ne].name = xstrdup(name);
	x->e[x->ne].surname = ent_surname(name);
	x->e[x->ne].role = NULL;
	x->e[x->ne].g = GENDER_UNKNOWN;
	x->e[x->ne].kind = kind;
	x->e[x->ne].seen = at;
	return (int)x->ne++;
}

/* The most recently seen entity of the kind (-1 any) and gender; with
 * person_only 1 a named person, with 2 any person, role or name. */
static int
ent_recent(const struct ex *x, enum gender g, int kind, int person_only)
{
	size_t	j, best = 0;
	int	found = -1;

	for (j = 0; j < x->ne; j++) {
		const struct ent	*e = &x->e[j];

		if (person_only && e->kind != SPEAKER_PERSON)
			continue;
		/* A role as described is no antecedent. */
		if (person_only == 1 && !segment_starts_upper(e->name))
			continue;
		if (kind >= 0 && (int)e->kind != kind)
			continue;
		if (g != GENDER_UNKNOWN && e->g != GENDER_UNKNOWN && e->g != g)
			continue;
		if (found < 0 || e->seen >= best) {
			found = (int)j;
			best = e->seen;
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
	for (j = 0; j < x->ne; j++) {
		if (x->e[j].kind != SPEAKER_INSTITUTION)
			continue;
		segment_fold_string(x->e[j].name, strlen(x->e[j].name), &f);
		if (strstr(f, nf) != NULL && strcmp(f, nf) != 0)
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
	size_t	k;

	for (k = ci + 1; k < x->nc && k < ci + 8; k++)
		if (x->c[k].m.type == MEN_NAME &&
		    x->c[k].m.cas == SPEAKERS_NOM &&
		    (x->c[k].is_quote || x->c[k].m.ne - x->c[k].m.ns >= 2))
			return ent_person(x, &x->c[k].m, a, x->c[ci].order);
	return -1;
}

/* The person a role noun refers to, or -1 (see people_resolve()). */
static int
role_person(struct ex *x, const struct cand *c, size_t ci, enum gender g)
{
	const struct mention	*m = &c->m;
	const struct lex_entry	*le = NULL;
	size_t			 i, j;
	char			 stem[16];
	int			 r;

	for (i = m->ns; i < m->ne; i++)
		if ((le = lexicon_word(x->lx, LEX_ROLES, x->w[i])) != NULL)
			break;
	if (le == NULL || strcmp(le->tag, "literal") == 0)
		return -1;
	/* The noun's first five letters find it in a stored role. */
	snprintf(stem, sizeof(stem), "%s", x->w[i]);
	if (strlen(stem) > 10)
		stem[10] = '\0';
	for (j = x->ne; j-- > 0;)
		if (x->e[j].kind == SPEAKER_PERSON && x->e[j].role != NULL &&
		    strstr(x->e[j].role, stem) != NULL &&
		    (g == GENDER_UNKNOWN || x->e[j].g == GENDER_UNKNOWN ||
		    x->e[j].g == g))
			return (int)j;
	/* "собеседник агентства" (tagged "back") may also be an unnamed
	 * speaker described before; other nouns want a named person. */
	if ((r = ent_recent(x, g, SPEAKER_PERSON,
	    strcmp(le->tag, "back") == 0 ? 2 : 1)) >= 0)
		return r;
	return ent_next(x, ci, c->agr);
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

	switch (m->type) {
	case MEN_NAME:
		r = ent_person(x, m, c->agr, c->order);
		break;
	case MEN_PRON:
		if (tok_is(x, m->ns, "она") || tok_is(x, m->ns, "ее"))
			g = GENDER_FEMALE;
		else if (tok_is(x, m->ns, "он") || tok_is(x, m->ns, "его"))
			g = GENDER_MALE;
		if (tok_is(x, m->ns, "они") || tok_is(x, m->ns, "их")) {
			if (*last >= 0 && x->e[*last].kind != SPEAKER_PERSON)
				r = *last;
			else
				r = ent_recent(x, GENDER_UNKNOWN,
				    SPEAKER_GROUP, 0);
			if (r < 0)
				r = *last;
			break;
		}
		if (*last >= 0 && x->e[*last].kind == SPEAKER_PERSON &&
		    (x->e[*last].g == g || x->e[*last].g == GENDER_UNKNOWN))
			r = *last;
		else
			r = ent_recent(x, g, SPEAKER_PERSON, 1);
		if (r < 0)
			r = ent_next(x, ci, c->agr);
		break;
	case MEN_ROLE:
		/* A role noun refers to a person of the article: one whose
		 * role has the same noun, else the last speaker, else the
		 * person named next.  Nouns tagged "literal" in roles.txt
		 * ("представитель пресс-службы посольства США") name an
		 * unnamed speaker as described. */
		r = role_person(x, c, ci, g);
		if (r >= 0)
			break;
		s = span_text(x, m->ns, m->ne, 1);
		r = ent_literal(x, s, SPEAKER_PERSON, c->order);
		free(s);
		break;
	case MEN_GROUP:
	case MEN_INST:
		if (m->literal != NULL) {
			int	j = -1;

			/* "В холдинге уточнили": the institution named
			 * before, when the noun is generic. */
			if (m->ns < x->sg->n &&
			    !(x->sg->t[m->ns].flags & SEG_CAP))
				j = ent_named(x, m->literal);
			r = j >= 0 ? j : ent_literal(x, m->literal,
			    SPEAKER_INSTITUTION, c->order);
		} else {
			size_t	e = m->ne;

			while (e > m->ns && (x->sg->t[e - 1].type ==
			    SEG_PUNCT || tok_stop(x, e - 1)))
				e--;
			if (e <= m->ns)
				e = m->ne;
			s = span_text(x, m->ns, e, 1);
			if (m->type == MEN_GROUP && m->cas != SPEAKERS_NOM)
				group_nominative(&s);
			r = ent_literal(x, s, m->type == MEN_GROUP ?
			    SPEAKER_GROUP : SPEAKER_INSTITUTION, c->order);
			free(s);
		}
		break;
	case MEN_CONT:
		r = *lastq;
		break;
	case MEN_SELF:
		r = -1;
		break;
	case MEN_NONE:
		if (c->agr == AGR_PL && *last >= 0 &&
		    x->e[*last].kind == SPEAKER_PERSON) {
			r = -1;		/* "попросили": nobody named */
			break;
		}
		if (*last >= 0 && (g == GENDER_UNKNOWN ||
		    x->e[*last].g == GENDER_UNKNOWN || x->e[*last].g == g ||
		    x->e[*last].kind != SPEAKER_PERSON))
			r = *last;
		else
			r = ent_recent(x, g, SPEAKER_PERSON, 1);
		break;
	}
	if (r >= 0) {
		x->e[r].seen = c->order;
		if (c->is_quote) {
			*last = r;
			*lastq = r;
		}
	}
	return r;
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
	}
	free(x->e);
	x->e = NULL;
	x->ne = x->cape = 0;
}
