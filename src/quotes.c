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

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "article.h"
#include "lexicon.h"
#include "segment.h"
#include "speakers.h"
#include "util.h"

/* Verb classes, from the tags of verbs.txt. */
#define VC_CLAUSE	0x01
#define VC_TOPIC	0x02
#define VC_OBJECT	0x04
#define VC_ATTR		0x08
#define VC_RELAY	0x10
#define VC_MEDIA	0x20
#define VC_NEG		0x40
#define VC_PHRASE	0x80	/* a topic phrase: content follows it */

/* Agreement of a verb form. */
enum agr {
	AGR_NONE,		/* gerund, short adjective without number */
	AGR_M,
	AGR_F,
	AGR_N,
	AGR_PL,
	AGR_SG			/* present tense singular */
};

/* What a mention is. */
enum men {
	MEN_NONE,		/* no source: the previous speaker */
	MEN_NAME,		/* a person's name */
	MEN_PRON,		/* он, она, они, его, её, их */
	MEN_ROLE,		/* a role noun without a name */
	MEN_GROUP,		/* a group: участники круглого стола */
	MEN_INST,		/* an institution: посольство США */
	MEN_CONT,		/* continues the previous quote */
	MEN_SELF		/* мы, я: the newsroom or the author */
};

struct mention {
	enum men		 type;
	size_t			 s, e;		/* tokens of the mention */
	size_t			 ns, ne;	/* tokens of the name */
	enum speakers_case	 cas;
	const char		*literal;	/* nominative from the lexicon;
						 * borrowed */
};

/* A candidate quote or a name seen in passing (is_quote 0). */
struct cand {
	int			 is_quote;
	enum quote_kind		 kind;
	size_t			 ts, te;	/* content tokens [ts, te) */
	size_t			 cs, ce;	/* cue tokens, or 0 0 */
	int			 colon_cue;	/* cue is ":" or "—" */
	size_t			 cue_tok;	/* that token */
	enum agr		 agr;
	struct mention		 m;
	size_t			 order;		/* token used for ordering */
};

/* A person, group or institution of the article. */
struct ent {
	char			*name;
	char			*surname;	/* folded last word */
	char			*role;
	enum gender		 g;
	enum speaker_kind	 kind;
	size_t			 seen;		/* last mention, token */
};

struct ex {
	const struct lexicon		*lx;
	const char			*text;
	struct segmentation		*sg;
	const char			**w;	/* folded form of each token */
	unsigned char			*mask;	/* 1: inside a direct quote */
	unsigned char			*ind;	/* 1: inside an indirect one */
	unsigned int			*tf;	/* TF_* of each token */
	unsigned char			*vlen;	/* verb_at() length, cached */
	unsigned char			*vcls;	/* verb_at() classes, cached */
	struct cand			*c;
	size_t				 nc, capc;
	struct ent			*e;
	size_t				 ne, cape;
};

static int	 str_ends(const char *, const char *);
static int	 tok_is(const struct ex *, size_t, const char *);
static int	 tok_has(const struct ex *, size_t, int);
static int	 tok_punct(const struct ex *, size_t, uint32_t);
static int	 tok_dash(const struct ex *, size_t);
static int	 tok_sentend(const struct ex *, size_t);
static int	 tok_open_quote(const struct ex *, size_t);
static int	 tok_close_quote(const struct ex *, size_t);
static int	 tok_stop(const struct ex *, size_t);
static int	 tok_name(const struct ex *, size_t);
static int	 tok_name_uncached(const struct ex *, size_t);
static int	 tok_prep(const struct ex *, size_t);
static int	 tok_pronoun(const struct ex *, size_t, enum gender *);
static int	 tok_adjective(const struct ex *, size_t);
static enum agr	 verb_agr(const char *);
static int	 verb_at(const struct ex *, size_t, size_t, size_t *,
		    unsigned *);
static int	 verb_find(const struct ex *, size_t, size_t, size_t *,
		    unsigned *);
static int	 is_media(const struct ex *, size_t, size_t);
static int	 mention_media(const struct ex *, const struct mention *);
static struct cand *cand_add(struct ex *);

/* Word-list memberships of a token, looked up once each (tok_has()):
 * for list k, bit 2k says it was looked up and bit 2k+1 the answer. */
#define TF_ROLE		0
#define TF_GROUP	1
#define TF_INST		2
#define TF_MEDIA	3
#define TF_STOP		4
#define TF_FIRST	5
#define TF_NAME		6	/* tok_name() */
#define TF_VERB		7	/* verb_at() over the rest of the text */

/* Flags of mention_np(). */
#define MNP_LOC		0x01	/* "в Кремле" may name the institution */
#define MNP_LEFT	0x02	/* the leftmost name, not the rightmost */
#define MNP_COMMA	0x04	/* the phrase runs on past commas */
#define MNP_OBL		0x08	/* the name stands in an oblique case */
#define MNP_NONAME	0x10	/* look for no person's name */
static size_t	 name_run_left(const struct ex *, size_t, size_t, size_t *);
static int	 mention_np(struct ex *, size_t, size_t, struct mention *,
		    int);
static int	 name_ok(const struct ex *, size_t, size_t, int);
static int	 word_oblique(const char *);
static enum speakers_case oblique_first(const struct ex *, size_t);
static int	 mention_before(struct ex *, size_t, size_t, struct mention *,
		    enum agr);
static int	 mention_after(struct ex *, size_t, size_t, struct mention *,
		    size_t *, int);
static int	 subject_left(struct ex *, size_t, size_t, struct mention *,
		    enum agr);
static int	 attribution(struct ex *, size_t, size_t, struct cand *,
		    size_t *);
static int	 find_split(struct ex *, size_t, size_t, size_t *, size_t *,
		    struct cand *);
static void	 add_direct(struct ex *, size_t, size_t, const struct cand *);
static int	 attr_line(struct ex *, size_t, struct cand *);
static int	 intro_name(const struct ex *, const struct mention *);
static void	 pass_direct(struct ex *);
static size_t	 content_end(const struct ex *, size_t, size_t);
static void	 add_indirect(struct ex *, size_t, size_t, size_t, size_t,
		    enum agr, const struct mention *);
static size_t	 indirect_at(struct ex *, size_t, size_t);
static void	 pass_indirect(struct ex *);
static void	 pass_names(struct ex *);
static int	 cand_cmp(const void *, const void *);
static int	 cand_pos_cmp(const void *, const void *);
static char	*ent_surname(const char *);
static int	 ent_person(struct ex *, const struct mention *, enum agr,
		    size_t);
static int	 ent_literal(struct ex *, const char *, enum speaker_kind,
		    size_t);
static int	 ent_recent(const struct ex *, enum gender, int, int);
static int	 resolve(struct ex *, size_t, int *, int *);
static int	 role_person(struct ex *, const struct cand *, size_t,
		    enum gender);
static int	 ent_next(struct ex *, size_t, enum agr);
static int	 ent_named(const struct ex *, const char *);
static char	*span_text(const struct ex *, size_t, size_t, int);
static char	*role_text(const struct ex *, const struct mention *);
static void	 group_nominative(char **);
static void	 emit(struct ex *, struct quote_list *, const int *);
static int	 full_name(const struct ex *, int);

/* Token helpers. */

static int
str_ends(const char *s, const char *end)
{
	size_t	ls = strlen(s), le = strlen(end);

	return ls >= le && memcmp(s + ls - le, end, le) == 0;
}

static int
tok_is(const struct ex *x, size_t i, const char *s)
{
	return i < x->sg->n && strcmp(x->w[i], s) == 0;
}

static int
tok_punct(const struct ex *x, size_t i, uint32_t c)
{
	return i < x->sg->n && x->sg->t[i].type == SEG_PUNCT &&
	    x->sg->t[i].uc == c;
}

static int
tok_dash(const struct ex *x, size_t i)
{
	return i < x->sg->n && x->sg->t[i].type == SEG_PUNCT &&
	    segment_is_dash(x->sg->t[i].uc);
}

static int
tok_sentend(const struct ex *x, size_t i)
{
	return tok_punct(x, i, '.') || tok_punct(x, i, '!') ||
	    tok_punct(x, i, '?') || tok_punct(x, i, 0x2026);
}

static int
tok_open_quote(const struct ex *x, size_t i)
{
	return tok_punct(x, i, 0xab) || tok_punct(x, i, 0x201e) ||
	    tok_punct(x, i, '"') || tok_punct(x, i, 0x201c);
}

static int
tok_close_quote(const struct ex *x, size_t i)
{
	return tok_punct(x, i, 0xbb) || tok_punct(x, i, 0x201c) ||
	    tok_punct(x, i, '"') || tok_punct(x, i, 0x201d);
}

/* Is token i in word list k (TF_ROLE ... TF_FIRST)?  Each answer is
 * looked up once per token. */
static int
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

static int
tok_stop(const struct ex *x, size_t i)
{
	return tok_has(x, i, TF_STOP);
}

/* Could token i be part of a person's name? */
static int
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

	if (t->type != SEG_WORD || !(t->flags & SEG_CAP) ||
	    (t->flags & (SEG_ALLCAPS | SEG_DIGIT)))
		return 0;
	if (tok_stop(x, i))
		return 0;
	if (tok_has(x, i, TF_ROLE) ||
	    tok_has(x, i, TF_GROUP) ||
	    tok_has(x, i, TF_INST) ||
	    tok_has(x, i, TF_MEDIA))
		return 0;
	if (verb_at(x, i, i + 1, NULL, NULL))
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
	    verb_agr(x->w[i + 1]) == AGR_NONE &&
	    !verb_at(x, i + 1, x->sg->n, NULL, NULL))
		return 0;
	/* The first word of a capitalised institution (Белый дом). */
	if (lexicon_match(x->lx, LEX_INSTITUTIONS, x->w + i, x->sg->n - i,
	    &k) != NULL && k > 1)
		return 0;
	/* An adjective before a noun: "Главный тренер", "Российский
	 * президент". */
	if (tok_adjective(x, i) && i + 1 < x->sg->n &&
	    !tok_has(x, i, TF_FIRST) && (tok_has(x, i + 1, TF_ROLE) ||
	    tok_has(x, i + 1, TF_INST) || tok_has(x, i + 1, TF_GROUP)))
		return 0;
	if (tok_adjective(x, i) && i + 1 < x->sg->n &&
	    x->sg->t[i + 1].type == SEG_WORD &&
	    !(x->sg->t[i + 1].flags & SEG_CAP) &&
	    verb_agr(x->w[i + 1]) == AGR_NONE &&
	    !tok_has(x, i, TF_FIRST))
		return 0;
	return 1;
}

static int
tok_prep(const struct ex *x, size_t i)
{
	static const char *const prep[] = {
		"в", "во", "на", "из", "от", "с", "со", "к", "ко", "по",
		"о", "об", "для", "при", "у", "за", "до", "под", "над",
		"перед", "после", "без", "через", "между", "про", "против",
		NULL
	};
	size_t	k;

	if (i >= x->sg->n || x->sg->t[i].type != SEG_WORD)
		return 0;
	for (k = 0; prep[k] != NULL; k++)
		if (strcmp(x->w[i], prep[k]) == 0)
			return 1;
	return 0;
}

/* Nominative personal pronouns; *g gets their gender. */
static int
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
static int
tok_adjective(const struct ex *x, size_t i)
{
	static const char *const end[] = {
		"ий", "ый", "ой", "ая", "яя", "ое", "ее", "ие", "ые", "ого",
		"его", "ому", "ему", "ым", "ых", "их", "ую", "юю", "ыми",
		NULL
	};
	size_t	k, l;

	if (x->sg->t[i].type != SEG_WORD)
		return 0;
	/* Nouns in -ние, -тие look like adjectives in -ие. */
	if (str_ends(x->w[i], "ние") || str_ends(x->w[i], "тие"))
		return 0;
	l = strlen(x->w[i]);
	for (k = 0; end[k] != NULL; k++)
		if (l > 4 && l > strlen(end[k]) &&
		    strcmp(x->w[i] + l - strlen(end[k]), end[k]) == 0)
			return 1;
	return 0;
}

static enum agr
verb_agr(const char *f)
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
static int
verb_at(const struct ex *x, size_t i, size_t end, size_t *len,
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
		if (verb_find(x, i, x->sg->n, &l, &k) && l < 256) {
			mx->vlen[i] = (unsigned char)l;
			mx->vcls[i] = (unsigned char)k;
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

/* verb_at() without the cache. */
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

/* Does tokens [s, e) name a medium? */
static int
is_media(const struct ex *x, size_t s, size_t e)
{
	size_t	i;

	for (i = s; i < e; i++) {
		const char	*f = x->w[i];

		if (x->sg->t[i].type != SEG_WORD)
			continue;
		if (lexicon_word(x->lx, LEX_MEDIA, f) != NULL)
			return 1;
		/* Domain names: baq.kz, ura.ru. */
		if (strchr(f, '.') != NULL && (x->sg->t[i].flags & SEG_LATIN))
			return 1;
	}
	return 0;
}

/* Is the source of a mention a medium (передает BAQ.KZ, сообщает
 * агентство Reuters)?  Looks at the head and the word before a name. */
static int
mention_media(const struct ex *x, const struct mention *m)
{
	size_t	s = m->ns;

	if (m->ne <= m->ns)
		return is_media(x, m->s, m->e);
	if (m->type != MEN_NAME)
		return is_media(x, s, s + 1);	/* the head noun */
	if (s > m->s)
		s--;
	return is_media(x, s, m->ne);
}

static struct cand *
cand_add(struct ex *x)
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

/*
 * The run of name words that ends at token last (inclusive), not before
 * token lo: up to a first name, an initial and a patronymic before the
 * surname.  Returns the first token; *n gets the number of tokens, 0 if
 * token last is no name.
 */
static size_t
name_run_left(const struct ex *x, size_t lo, size_t last, size_t *n)
{
	size_t	s = last, words = 1;

	*n = 0;
	if (!tok_name(x, last))
		return last;
	while (s > lo && words < 3) {
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

			if (words == 2 && !speakers_is_patronymic(x->w[s]))
				break;
			if (words == 1 && !speakers_is_patronymic(f) &&
			    lexicon_word(x->lx, LEX_FIRSTNAMES, f) == NULL) {
				size_t	l = strlen(f);

				/* A genitive place before a surname
				 * (Польши Чапутович) is no first name. */
				if (l > 4 && (str_ends(f, "ии") ||
				    str_ends(f, "ы") || str_ends(f, "ой") ||
				    str_ends(f, "ом")) &&
				    oblique_first(x, s - 1) == SPEAKERS_NOM)
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

/* Does a single folded word end like an oblique case (Великобритании,
 * Навального, Эрдоганом)? */
static int
word_oblique(const char *f)
{
	static const char *const end[] = {
		"ии", "ого", "ому", "ым", "им", "ими", "ыми", "ами", "ями",
		"ах", "ях", "ом", "ой", "ею", "ою", NULL
	};
	size_t	k, l = strlen(f);

	for (k = 0; end[k] != NULL; k++) {
		size_t	le = strlen(end[k]);

		if (l > le + 2 && strcmp(f + l - le, end[k]) == 0)
			return 1;
	}
	return 0;
}

/* The oblique case in which token i is a known first name (Марии,
 * Сергею), or SPEAKERS_NOM when it is none. */
static enum speakers_case
oblique_first(const struct ex *x, size_t i)
{
	static const enum speakers_case cases[] = {
		SPEAKERS_GEN, SPEAKERS_DAT, SPEAKERS_ACC, SPEAKERS_INS
	};
	size_t		 k;
	int		 known = 0;

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
		if (known)
			return cases[k];
	}
	return SPEAKERS_NOM;
}

/*
 * May the name run of n tokens at first be a speaker?  Not a title in
 * quotation marks, not the object of a preposition, and not a form that
 * is plainly oblique (Бориса Джонсона, Великобритании).
 */
static int
name_ok(const struct ex *x, size_t first, size_t n, int oblique)
{
	if (first > 0 && (tok_prep(x, first - 1) ||
	    tok_open_quote(x, first - 1)))
		return 0;
	if (oblique)
		return 1;
	if (word_oblique(x->w[first + n - 1]))
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
 * Reads the noun phrase in tokens [s, e) as a mention: a person's name
 * (the rightmost name run, or the leftmost with MNP_LEFT), else a
 * pronoun, a group, an institution or a role.  With MNP_LOC, "в Кремле"
 * counts as the institution.  Returns 0 when nothing in it can be a
 * source.
 */
static int
mention_np(struct ex *x, size_t s, size_t e, struct mention *m,
    int flags)
{
	size_t	i, n, first, k;
	enum gender g;
	int	allow_loc = flags & MNP_LOC;
	const struct lex_entry *le = NULL;

	memset(m, 0, sizeof(m[0]));
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
			while (last + 1 < e && last < i + 3 &&
			    (tok_name(x, last + 1) ||
			    (tok_punct(x, last + 1, '.') && last + 2 < e &&
			    tok_name(x, last + 2))))
				last += tok_punct(x, last + 1, '.') ? 2 : 1;
		} else
			last = e - 1 - k;
		first = name_run_left(x, s, last, &n);
		if ((flags & MNP_LEFT) && n > 0) {
			size_t	j;

			/* "сказал президент на заседании Госсовета": a
			 * name inside a prepositional phrase is no
			 * subject. */
			for (j = first; j > s; j--)
				if (tok_prep(x, j - 1) ||
				    tok_has(x, j - 1, TF_ROLE))
					break;
			/* A first name in the nominative makes it a
			 * subject after all ("в четверг Владимир Путин"). */
			if (j > s && tok_prep(x, j - 1) &&
			    !(n >= 2 && tok_has(x, first, TF_FIRST)))
				continue;
		}
		/* "президент Эквадора", "пресс-секретарь Трампа": one
		 * word in the genitive after a role is no name. */
		if (n == 1 && first > s && !(flags & MNP_OBL) &&
		    !(x->sg->t[first - 1].flags & (SEG_CAP | SEG_ALLCAPS)) &&
		    (tok_has(x, first - 1, TF_ROLE) ||
		    tok_has(x, first - 1, TF_INST)) &&
		    (str_ends(x->w[first], "а") || str_ends(x->w[first], "я")))
			continue;
		if (n > 0 && name_ok(x, first, n, flags & MNP_OBL)) {
			m->type = MEN_NAME;
			m->ns = first;
			m->ne = last + 1;
			return 1;
		}
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
			return 1;
		}
	for (i = s; i < e; i++)
		if (tok_pronoun(x, i, &g) || tok_is(x, i, "его") ||
		    tok_is(x, i, "ее") || tok_is(x, i, "их")) {
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
		else if (tok_has(x, i, TF_ROLE))
			type = str_ends(x->w[i], "ов") ||
			    str_ends(x->w[i], "ев") ||
			    str_ends(x->w[i], "ей") ? MEN_GROUP : MEN_ROLE;
		if (type == MEN_NONE)
			continue;
		for (st = i; st > s && !tok_stop(x, st - 1) &&
		    (tok_adjective(x, st - 1) || str_ends(x->w[st - 1], "ом") ||
		    str_ends(x->w[st - 1], "ем") ||
		    str_ends(x->w[st - 1], "ей")); st--)
			;
		if (st > s && (tok_is(x, st - 1, "в") ||
		    tok_is(x, st - 1, "во")) && allow_loc && le != NULL &&
		    type == MEN_INST) {
			m->type = MEN_INST;
			m->ns = i;
			m->ne = i + k;
			m->literal = le->tag;
			return 1;
		}
		if (i > s && tok_prep(x, i - 1))
			continue;
		m->type = type;
		m->ns = st;
		m->ne = e;
		return 1;
	}
	/* "Радикально настроенные мусульмане призывали": a plural noun
	 * phrase before a plural verb is a group. */
	if (allow_loc && e - s <= 4 && x->sg->t[e - 1].type == SEG_WORD &&
	    !tok_prep(x, s) && !tok_stop(x, e - 1) &&
	    !(x->sg->t[e - 1].flags & SEG_CAP)) {
		size_t		 l = strlen(x->w[e - 1]);
		const char	*f = x->w[e - 1];

		if (l > 6 && (str_ends(f, "е") || str_ends(f, "ы") ||
		    str_ends(f, "и"))) {
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
		    (tok_is(x, i - 1, "в") || tok_is(x, i - 1, "во"))) {
			size_t	j = i + 1;

			while (j < e && (x->sg->t[j].flags &
			    (SEG_CAP | SEG_ALLCAPS)))
				j++;
			m->type = MEN_INST;
			m->ns = i;
			m->ne = j;
			return 1;
		}
	return 0;
}

/*
 * The subject of the verb at token v, looked for in [lo, v): the noun
 * phrase right before it, past adverbs, back to a comma or the start.
 */
static int
mention_before(struct ex *x, size_t lo, size_t v, struct mention *m,
    enum agr a)
{
	size_t	e = v, s;

	/* Skip adverbs and short phrases between subject and verb. */
	while (e > lo && x->sg->t[e - 1].type == SEG_WORD &&
	    tok_stop(x, e - 1) && !tok_pronoun(x, e - 1, &(enum gender){0}) &&
	    !tok_is(x, e - 1, "и") && !tok_is(x, e - 1, "а") &&
	    !tok_is(x, e - 1, "но") && !tok_is(x, e - 1, "мы") &&
	    !tok_is(x, e - 1, "я"))
		e--;
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
			if (t->uc == 0xab || t->uc == 0xbb || t->uc == '"') {
				s--;
				continue;
			}
			break;
		}
		if (tok_is(x, s - 1, "что") || tok_is(x, s - 1, "который") ||
		    tok_is(x, s - 1, "которая") || tok_is(x, s - 1, "и") ||
		    tok_is(x, s - 1, "а") || tok_is(x, s - 1, "но") ||
		    verb_at(x, s - 1, v, NULL, NULL))
			break;
		s--;
	}
	if (!mention_np(x, s, e, m, a == AGR_PL ? MNP_LOC : 0))
		return 0;
	/* Agreement: a plural verb has no single person for subject
	 * ("Британцы высказались" is a group; "Биби попросили" has an
	 * object in front), a neuter one no person at all. */
	if (m->type == MEN_NAME && (a == AGR_PL || a == AGR_N)) {
		if (a == AGR_PL && m->ne == m->ns + 1 && m->ns == s &&
		    !tok_has(x, m->ns, TF_FIRST) &&
		    !(x->sg->t[m->ns].flags & SEG_LATIN) &&
		    (str_ends(x->w[m->ns], "ы") || str_ends(x->w[m->ns], "и") ||
		    str_ends(x->w[m->ns], "е"))) {
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
static int
subject_left(struct ex *x, size_t lo, size_t v, struct mention *m,
    enum agr a)
{
	size_t	u;

	if (a == AGR_NONE || a == AGR_SG)
		return 0;
	for (u = v; u-- > lo;) {
		if (x->sg->t[u].type != SEG_WORD || u + 1 == v)
			continue;
		if (tok_stop(x, u) || tok_name(x, u))
			continue;
		if (verb_agr(x->w[u]) == a && strlen(x->w[u]) > 4 &&
		    !tok_adjective(x, u))
			return mention_before(x, lo, u, m, a);
	}
	return 0;
}

/*
 * The subject after the verb (postposed: "заявил Булекпаев", "отметил
 * он", "считает партийный деятель"), from token i to a comma or the end
 * of the clause before end.  *stop gets the first token after it.
 */
static int
mention_after(struct ex *x, size_t i, size_t end, struct mention *m,
    size_t *stop, int flags)
{
	size_t	e = i;

	while (e < end) {
		const struct token	*t = &x->sg->t[e];

		if (t->type == SEG_PUNCT) {
			if (t->uc == '.' && e > i &&
			    x->sg->t[e - 1].end - x->sg->t[e - 1].start <= 2 &&
			    (x->sg->t[e - 1].flags & SEG_CAP) &&
			    e + 1 < end && (x->sg->t[e + 1].flags & SEG_CAP)) {
				e++;
				continue;
			}
			if ((t->uc == 0xab || t->uc == 0xbb || t->uc == '"') &&
			    e > i) {
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
		e++;
		if (e - i > ((flags & MNP_COMMA) ? 24 : 14))
			break;
	}
	*stop = e;
	if (e == i)
		return 0;
	return mention_np(x, i, e, m,
	    MNP_LEFT | (flags & (MNP_LOC | MNP_OBL)));
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

	while (s < e && (tok_dash(x, s) || tok_punct(x, s, ',')))
		s++;
	/* The clause ends at the end of the sentence. */
	for (*end = s; *end < e && !tok_sentend(x, *end) &&
	    !tok_punct(x, *end, ':') && !tok_punct(x, *end, ';'); (*end)++)
		if (*end > s && tok_dash(x, *end) &&
		    tok_punct(x, *end - 1, ','))
			break;
	e = *end;
	if ((le = lexicon_match(x->lx, LEX_PHRASES, x->w + s, e - s,
	    &k)) != NULL && strcmp(le->tag, "doc") == 0) {
		c->cs = s;
		c->ce = s + k;
		c->agr = AGR_NONE;
		if (!mention_np(x, s + k, e, &c->m, MNP_LEFT | MNP_OBL))
			c->m.type = MEN_NONE;	/* "— говорится в интервью" */
		c->m.cas = SPEAKERS_GEN;
		return 1;
	}
	for (i = s; i < e && i < s + 5; i++)
		if (verb_at(x, i, e, &len, &cls))
			break;
	if (i >= e || i >= s + 5)
		return 0;
	if (i > s && tok_is(x, i - 1, "не") && !(cls & VC_NEG))
		return 0;
	c->cs = i;
	c->ce = i + len;
	c->agr = verb_agr(x->w[i]);
	if (cls & VC_RELAY) {
		/* The speaker is the object: skip the medium. */
		size_t	j;

		for (j = i + len; j < e; j++) {
			size_t	n;

			if (tok_name(x, j + 1) && j + 1 < e)
				continue;	/* the run goes on */
			name_run_left(x, i + len, j, &n);
			if (n > 0 && !is_media(x,
			    j - n > i ? j - n : j + 1 - n, j + 1)) {
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
	if (i > s) {
		/* "— Калинкин заявил". */
		if (!mention_np(x, s, i, &c->m, 0))
			return 0;
	} else if (!mention_after(x, i + len, e, &c->m, &stop, MNP_COMMA |
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
		while (end < e && (tok_sentend(x, end) ||
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
	c = cand_add(x);
	*c = *proto;
	c->is_quote = 1;
	c->kind = QUOTE_DIRECT;
	c->ts = s;
	c->te = e;
	c->order = s;
	for (i = s; i < e; i++)
		x->mask[i] = 1;
	if (proto->ce > proto->cs)
		for (i = proto->cs; i < proto->ce; i++)
			x->mask[i] = 1;
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
	if ((role = role_text(x, m)) == NULL)
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
	for (i = s + 1; i < e; i++)
		if (verb_at(x, i, e, NULL, NULL))
			return 0;
	for (i = s + 1; i < e && x->sg->t[i].type == SEG_WORD; i++)
		;
	if (i == s + 1)
		return 0;
	name_run_left(x, s + 1, i - 1, &n);
	if (n == 0 || i - n != s + 1)
		return 0;
	if (i < e && !tok_punct(x, i, ',') && !tok_sentend(x, i))
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
 * Direct speech: quotation marks with an attribution after them or a
 * colon before, quotes split by their attribution, dash dialogue,
 * paragraphs introduced by a colon, quote paragraphs followed by a
 * "— Name, role" line, and runs of dialogue that continue a speaker.
 */
static void
pass_direct(struct ex *x)
{
	struct segmentation	*sg = x->sg;
	size_t			 p;
	int			 prev_quote = 0;	/* paragraph before */
	struct cand		 intro;
	int			 has_intro = 0;

	for (p = 0; p < sg->npara; p++) {
		size_t		ps = sg->para[p].first, pe = sg->para[p].last;
		size_t		i, q1e, q2s, end;
		struct cand	c;
		int		this_quote = 0;

		if (ps >= pe)
			continue;
		if (attr_line(x, p, &c)) {
			/* Attributes the quote paragraph above, if it is no
			 * quote of its own yet. */
			size_t	s = p > 0 ? sg->para[p - 1].first : 0;
			size_t	e = p > 0 ? sg->para[p - 1].last : 0;

			if (p > 0 && tok_open_quote(x, s))
				s++;
			if (e > s && tok_sentend(x, e - 1) &&
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
			} else if (prev_quote || has_intro) {
				if (has_intro)
					c = intro;
				else
					c.m.type = MEN_CONT;
				add_direct(x, ps + 1, pe, &c);
				this_quote = 1;
			}
			has_intro = 0;
			prev_quote = this_quote;
			continue;
		}
		if (has_intro) {
			/* A paragraph after "X сказал:" is the quote. */
			size_t	s = ps, e = pe;

			if (tok_open_quote(x, s))
				s++;
			if (e > s && tok_close_quote(x, e - 1))
				e--;
			add_direct(x, s, e, &intro);
			has_intro = 0;
			prev_quote = 1;
			continue;
		}
		/* Quotation marks. */
		for (i = ps; i < pe; i++) {
			size_t	o = i, cl, depth = 0, words = 0, k;
			int	straight = tok_punct(x, i, '"');
			int	sent_start, after_colon, attributed = 0;

			if (!(tok_punct(x, i, 0xab) ||
			    tok_punct(x, i, 0x201e) ||
			    tok_punct(x, i, 0x201c) || straight))
				continue;
			if (x->mask[i])
				continue;
			for (cl = o + 1; cl < pe; cl++) {
				if (straight) {
					if (tok_punct(x, cl, '"'))
						break;
					continue;
				}
				if (tok_punct(x, cl, 0xab) ||
				    tok_punct(x, cl, 0x201e))
					depth++;
				else if (tok_punct(x, cl, 0xbb) ||
				    tok_punct(x, cl, 0x201c) ||
				    tok_punct(x, cl, 0x201d)) {
					if (depth == 0)
						break;
					depth--;
				}
			}
			for (k = o + 1; k < cl; k++)
				if (sg->t[k].type == SEG_WORD)
					words++;
			sent_start = o == ps || tok_sentend(x, o - 1) ||
			    sg->t[o].sent != sg->t[o - 1].sent;
			after_colon = o > ps && tok_punct(x, o - 1, ':');
			memset(&c, 0, sizeof(c));
			if (words >= 3 && cl + 1 < pe &&
			    (tok_punct(x, cl + 1, ',') ||
			    tok_dash(x, cl + 1)) &&
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
			if (words >= 3 && after_colon) {
				/* "X сказал: «Q»" or "X: «Q»". */
				size_t	j = o - 1, v, len;
				unsigned cls;

				while (j > ps && !tok_sentend(x, j - 1) &&
				    !(sg->t[j].flags & SEG_PARA))
					j--;
				for (v = j; v < o - 1; v++)
					if (verb_at(x, v, o - 1, &len, &cls))
						break;
				memset(&c, 0, sizeof(c));
				if (v < o - 1) {
					c.cs = v;
					c.ce = v + len;
					c.agr = verb_agr(x->w[v]);
					if (!mention_before(x, j, v, &c.m,
					    c.agr) &&
					    !mention_after(x, v + len, o - 1,
					    &c.m, &end, 0))
						c.m.type = MEN_NONE;
					if (c.m.type == MEN_NONE &&
					    (v + len < o - 1 &&
					    tok_is(x, v + len, "что")))
						c.m.type = MEN_NONE;
				} else if (!mention_np(x, j, o - 1, &c.m, 0) ||
				    !intro_name(x, &c.m)) {
					continue;
				} else {
					c.colon_cue = 1;
					c.cue_tok = o - 1;
				}
				add_direct(x, o + 1, cl, &c);
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
			if (words >= 3 && sent_start && (prev_quote ||
			    this_quote || o == ps) && (cl + 1 >= pe ||
			    (cl + 2 == pe && tok_sentend(x, cl + 1)))) {
				/* A further quote of the same source. */
				c.m.type = MEN_CONT;
				add_direct(x, o + 1, cl, &c);
				this_quote = 1;
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
				if (verb_at(x, v, pe - 1, &len, &cls))
					break;
			if (v < pe - 1) {
				intro.cs = v;
				intro.ce = v + len;
				intro.agr = verb_agr(x->w[v]);
				if (!mention_before(x, j, v, &intro.m,
				    intro.agr) &&
				    !mention_after(x, v + len, pe - 1,
				    &intro.m, &end, 0))
					intro.m.type = MEN_NONE;
				has_intro = 1;
			} else if (mention_np(x, j, pe - 1, &intro.m, 0) &&
			    intro_name(x, &intro.m)) {
				intro.colon_cue = 1;
				intro.cue_tok = pe - 1;
				has_intro = 1;
			}
			if (has_intro)
				for (v = intro.cs; v < intro.ce; v++)
					x->mask[v] = 1;
		}
		prev_quote = this_quote;
	}
}

/*
 * Where the content that starts at token s ends: at the end of the
 * sentence, or before a coordinated clause with its own speech verb
 * ("..., но признал, что ...").  Returns the end token (exclusive).
 */
static size_t
content_end(const struct ex *x, size_t s, size_t e)
{
	size_t	i, len;
	unsigned cls;

	for (i = s; i < e; i++) {
		if (x->mask[i])
			return i;
		if (tok_is(x, i, "как") && i > s &&
		    verb_at(x, i + 1, e, &len, &cls)) {
			/* "..., но, как сказала X, ..." starts anew. */
			while (i > s && (tok_punct(x, i - 1, ',') ||
			    tok_is(x, i - 1, "но") || tok_is(x, i - 1, "а")))
				i--;
			return i;
		}
		if ((tok_punct(x, i, ',') || tok_is(x, i, "но") ||
		    tok_is(x, i, "а") || tok_is(x, i, "и")) && i + 1 < e) {
			size_t	j = i + 1;

			if (tok_is(x, j, "но") || tok_is(x, j, "а") ||
			    tok_is(x, j, "и") || tok_is(x, j, "также"))
				j++;
			if (tok_is(x, j, "также"))
				j++;
			if (verb_at(x, j, e, &len, &cls) &&
			    (cls & VC_CLAUSE) &&
			    j + len + 1 < e && (tok_is(x, j + len, "что") ||
			    (tok_punct(x, j + len, ',') &&
			    tok_is(x, j + len + 1, "что"))))
				return i;
		}
	}
	while (e > s && (tok_sentend(x, e - 1) || tok_punct(x, e - 1, ',') ||
	    tok_punct(x, e - 1, ':') || tok_punct(x, e - 1, ';')))
		e--;
	return e;
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
	c = cand_add(x);
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
				    content_end(x, j + 1, s1),
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
			if (verb_at(x, v, s1, &len, &cls))
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
		    verb_agr(x->w[v]), &m);
		i = stop > i ? stop - 1 : i;
		return i;
	}
	if (tok_is(x, i, "как") &&
	    verb_at(x, i + 1, s1, &len, &cls) &&
	    !(cls & VC_PHRASE)) {
		/* "Как пояснил X, C" / "C, как сообщил X" */
		size_t	v = i + 1;

		if (!mention_after(x, v + len, s1, &m, &stop, 0) ||
		    mention_media(x, &m)) {
			i = v + len - 1;
			return i;
		}
		a = verb_agr(x->w[v]);
		if (i == s0 || (i == s0 + 1 &&
		    sg->t[s0].type == SEG_WORD))
			add_indirect(x, stop, s1, i, v + len, a,
			    &m);
		else
			add_indirect(x, s0, i, i, v + len, a,
			    &m);
		i = stop > i ? stop - 1 : i;
		return i;
	}
	if (!verb_at(x, i, s1, &len, &cls))
		return i;
	if (i > s0 && tok_is(x, i - 1, "не") &&
	    !(cls & VC_NEG))
		return i;
	a = verb_agr(x->w[i]);
	memset(&m, 0, sizeof(m));
	stop = i + len;
	if (i > s0 && (tok_punct(x, i - 1, ',') ||
	    tok_dash(x, i - 1)) &&
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
		    !verb_at(x, stop + 1, s1, NULL, NULL)) {
			add_indirect(x, s0, s1, i, i + len, a,
			    &m);
		} else if (tok_is(x, stop + 1, "что") ||
		    tok_is(x, stop + 1, "чтобы")) {
			add_indirect(x, stop + 2,
			    content_end(x, stop + 2, s1), i,
			    i + len, a, &m);
		} else
			add_indirect(x, s0, ce, i, i + len, a,
			    &m);
		i = stop > i ? stop - 1 : i;
		return i;
	}
	memset(&m, 0, sizeof(m));
	if (!mention_before(x, s0, i, &m, a) &&
	    !subject_left(x, s0, i, &m, a)) {
		size_t	st;

		if (mention_after(x, i + len, s1, &m, &st, 0) &&
		    mention_media(x, &m))
			return i;	/* "отмечает издание «Лента.ру»" */
		if (m.type == MEN_NAME || m.type == MEN_PRON ||
		    m.type == MEN_INST || m.type == MEN_GROUP) {
			stop = st;
		} else {
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
		add_indirect(x, j + 1, content_end(x, j + 1, s1),
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
		add_indirect(x, j, content_end(x, j, s1), i,
		    i + len, a, &m);
		i = stop - 1;
		return i;
	}
	if ((cls & VC_TOPIC) && (tok_is(x, stop, "о") ||
	    tok_is(x, stop, "об") || tok_is(x, stop, "обо"))) {
		j = stop + 1;
		if (tok_is(x, j, "этом") || tok_is(x, j, "том"))
		{
			if (tok_punct(x, j + 1, ',') &&
			    tok_is(x, j + 2, "что"))
				j += 3;
			else
				return i;
		}
		add_indirect(x, j, content_end(x, j, s1), i,
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
		add_indirect(x, stop, content_end(x, stop, s1),
		    i, i + len, a, &m);
		i = stop - 1;
		return i;
	}
	if ((cls & VC_OBJECT) && stop < s1 &&
	    x->sg->t[stop].type == SEG_WORD &&
	    !tok_is(x, stop, "это") && !tok_is(x, stop, "этот") &&
	    !tok_is(x, stop, "эти") && !tok_is(x, stop, "эту")) {
		add_indirect(x, stop, content_end(x, stop, s1),
		    i, i + len, a, &m);
		i = stop - 1;
		return i;
	}
	return i;
}

static void
pass_indirect(struct ex *x)
{
	struct segmentation	*sg = x->sg;
	size_t			 si, i;

	for (si = 0; si < sg->nsent; si++)
		for (i = sg->sent[si].first; i < sg->sent[si].last; i++)
			i = indirect_at(x, si, i);
}

/* Records every full name (a known first name and a surname) seen
 * anywhere, so later surname-only mentions find the full form. */
static void
pass_names(struct ex *x)
{
	size_t	i, n;

	for (i = 0; i + 1 < x->sg->n; i++) {
		struct cand		*c;
		size_t			 first;
		enum speakers_case	 cas;

		if (!tok_name(x, i + 1) ||
		    (!(x->sg->t[i].flags & SEG_CAP)))
			continue;
		first = name_run_left(x, 0, i + 1, &n);
		if (n < 2 || first != i)
			continue;
		/* A full name starts with a first name, in the nominative
		 * or in the case the construction gave it. */
		cas = SPEAKERS_NOM;
		if (!tok_has(x, first, TF_FIRST) &&
		    (cas = oblique_first(x, first)) == SPEAKERS_NOM)
			continue;
		c = cand_add(x);
		c->is_quote = 0;
		c->order = first;
		c->m.type = MEN_NAME;
		c->m.s = c->m.ns = first;
		c->m.e = c->m.ne = i + 2;
		c->m.cas = cas;
		i++;
	}
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
static char *
role_text(const struct ex *x, const struct mention *m)
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
	role = role_text(x, m);
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
		if (person_only == 1 && !segment_starts_upper(e->name))
			continue;	/* a role as described is no antecedent */
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

/* The person a role noun refers to, or -1 (see resolve()). */
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
static int
resolve(struct ex *x, size_t ci, int *last, int *lastq)
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
static int
full_name(const struct ex *x, int k)
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

/* Turns the resolved candidates into quotes, in text order. */
static void
emit(struct ex *x, struct quote_list *ql, const int *who)
{
	size_t	i, j;

	for (i = 0; i < x->nc; i++) {
		const struct cand	*c = &x->c[i];
		struct quote		*q;
		const struct ent	*e;

		if (!c->is_quote || who[i] < 0 || c->ts >= c->te)
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
		e = &x->e[full_name(x, who[i])];
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
	x.vcls = xcalloc(x.sg->n, 1);

	pass_direct(&x);
	pass_indirect(&x);
	pass_names(&x);
	if (x.nc > 0)
		qsort(x.c, x.nc, sizeof(*x.c), cand_cmp);
	who = xcalloc(x.nc + 1, sizeof(*who));
	for (i = 0; i < x.nc; i++)
		who[i] = resolve(&x, i, &last, &lastq);
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
	for (i = 0; i < x.ne; i++) {
		free(x.e[i].name);
		free(x.e[i].surname);
		free(x.e[i].role);
	}
	free(x.e);
	free(x.c);
	free(who);
	free(x.w);
	free(x.mask);
	free(x.ind);
	free(x.tf);
	free(x.vlen);
	free(x.vcls);
	segment_free(x.sg);
	return ql->n - before;
}
