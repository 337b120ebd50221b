/*
 * speakers.c: speaker names: the nominative of an inflected mention,
 * patronymics, gender, and matching one person's names across articles.
 * The case endings come from the lexicon (endings.txt).  No I/O.
 */
#include "config.h"

#include "speakers.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <unistr.h>

#include "fold.h"
#include "lexicon.h"
#include "segment.h"
#include "util.h"

static int	 spk_ends(const char *, const char *);
static int	 spk_is_vowel_before(const char *, size_t);
static char	*spk_clean(const char *);
static char	*spk_inflect(const struct lexicon *, const char *,
		    enum speakers_case, enum gender *, int);
static enum gender spk_surname_gender(const char *);
static enum speakers_case spk_first_case(const struct lexicon *,
		    const char *);
static int	 spk_cons_ending(const char *, const char *);
static enum speakers_case spk_surname_case(const char *, const char *,
		    enum speakers_case, enum gender *);

static const char *const spk_case_names[] = {
	"nom", "gen", "acc", "dat", "ins", "prep"
};

/* Does folded s end with folded e? */
static int
spk_ends(const char *s, const char *e)
{
	size_t	ls = strlen(s), le = strlen(e);

	return ls >= le && memcmp(s + ls - le, e, le) == 0;
}

/* Is the character that ends at byte off of folded s a vowel (or soft
 * or hard sign)?  Consonant-only rules use this. */
static int
spk_is_vowel_before(const char *s, size_t off)
{
	static const char *const v[] = {
		"а", "е", "ё", "и", "о", "у", "ы", "э", "ю", "я", "ь", "ъ",
		"й", "a", "e", "i", "o", "u", "y", NULL
	};
	size_t	k;

	if (off == 0)
		return 1;
	for (k = 0; v[k] != NULL; k++) {
		size_t	l = strlen(v[k]);

		if (off >= l && memcmp(s + off - l, v[k], l) == 0)
			return 1;
	}
	return 0;
}

/* A copy of word w without stress marks and soft hyphens. */
static char *
spk_clean(const char *w)
{
	struct buf	b;
	size_t		i;

	buf_init(&b);
	for (i = 0; w[i] != '\0'; i++) {
		if ((unsigned char)w[i] == 0xcc &&
		    (unsigned char)w[i + 1] == 0x81) {
			i++;
			continue;
		}
		if ((unsigned char)w[i] == 0xc2 &&
		    (unsigned char)w[i + 1] == 0xad) {
			i++;
			continue;
		}
		buf_addc(&b, w[i]);
	}
	return buf_steal(&b);
}

int
speakers_is_patronymic(const char *w)
{
	static const char *const end[] = {
		"ович", "евич", "ьич", "вна", "ична", "инична",
		"овича", "евича", "ьича", "овичу", "евичу", "овичем",
		"евичем", "овиче", "евиче", "овны", "евны", "ичны", "овне",
		"евне", "ичне", "овну", "евну", "ичну", "овной", "евной",
		"ичной", NULL
	};
	size_t	k;

	for (k = 0; end[k] != NULL; k++)
		if (spk_ends(w, end[k]))
			return 1;
	return 0;
}

enum gender
speakers_first_gender(const struct lexicon *lx, const char *w)
{
	const struct lex_entry	*e = lexicon_word(lx, LEX_FIRSTNAMES, w);

	if (e == NULL)
		return GENDER_UNKNOWN;
	if (e->tag[0] == 'f')
		return GENDER_FEMALE;
	if (e->tag[0] == 'm')
		return GENDER_MALE;
	return GENDER_UNKNOWN;
}

/* Gender told by a nominative surname's ending, if any. */
static enum gender
spk_surname_gender(const char *f)
{
	static const char *const fem[] = {
		"ова", "ева", "ёва", "ина", "ына", "ская", "цкая", "ая",
		NULL
	};
	static const char *const masc[] = {
		"ов", "ев", "ёв", "ин", "ын", "ский", "цкий", "ий", "ый",
		NULL
	};
	size_t	k;

	for (k = 0; fem[k] != NULL; k++)
		if (spk_ends(f, fem[k]))
			return GENDER_FEMALE;
	for (k = 0; masc[k] != NULL; k++)
		if (spk_ends(f, masc[k]))
			return GENDER_MALE;
	return GENDER_UNKNOWN;
}

/*
 * Inflects one cleaned word back to the nominative by the first rule of
 * endings.txt that fits its case, gender and place (first name or
 * surname).  For a first name a rule whose result is a known first name
 * wins over an earlier one.  Returns a new string; *g may be set from the
 * rule when it was unknown.
 */
static char *
spk_inflect(const struct lexicon *lx, const char *w, enum speakers_case c,
    enum gender *g, int first)
{
	const struct lex_entry	*e;
	size_t			 n, i, fl;
	char			*f = NULL, *best = NULL;
	enum gender		 bestg = *g;

	if (c == SPEAKERS_NOM)
		return xstrdup(w);
	fl = segment_fold_string(w, strlen(w), &f);
	if (fl != strlen(w)) {
		/* Case folding changed the length: leave the word alone. */
		free(f);
		return xstrdup(w);
	}
	e = lexicon_entries(lx, LEX_ENDINGS, &n);
	for (i = 0; i < n; i++) {
		const char	*end, *tag = e[i].tag, *rep = e[i].value;
		int		 cons = 0;
		size_t		 el, pl;
		enum gender	 rg;
		char		*out;

		/* The case names differ in their first letter. */
		if (e[i].nwords != 2 ||
		    e[i].words[0][0] != spk_case_names[c][0])
			continue;
		end = e[i].words[1];
		if (*end == '+') {
			cons = 1;
			end++;
		}
		rg = tag[0] == 'm' ? GENDER_MALE : tag[0] == 'f' ?
		    GENDER_FEMALE : GENDER_UNKNOWN;
		if (*g != GENDER_UNKNOWN && rg != GENDER_UNKNOWN && rg != *g)
			continue;
		/* tag is "G WHICH": WHICH is first, sur or any. */
		if (tag[0] != '\0' && tag[1] == ' ') {
			if (tag[2] == 'f' && !first)
				continue;
			if (tag[2] == 's' && first)
				continue;
		}
		if (!spk_ends(f, end))
			continue;
		el = strlen(end);
		if (strlen(f) <= el + 2)
			continue;	/* too short to be a stem */
		if (cons && spk_is_vowel_before(f, strlen(f) - el))
			continue;
		if (strcmp(rep, "-") == 0)
			rep = "";
		/* Keep the letters the ending and its replacement share as
		 * the text has them: ё (Щеголёва -> Щеголёв), capitals. */
		for (pl = 0; end[pl] != '\0';) {
			int	cl = u8_mblen((const uint8_t *)end + pl,
				    strlen(end + pl));

			if (cl <= 0 || strncmp(end + pl, rep + pl,
			    (size_t)cl) != 0)
				break;
			pl += (size_t)cl;
		}
		out = xasprintf("%.*s%s", (int)(strlen(w) - el + pl), w,
		    rep + pl);
		if (!first) {
			free(f);
			if (*g == GENDER_UNKNOWN)
				*g = rg;
			return out;
		}
		{
			char	*of = NULL;

			segment_fold_string(out, strlen(out), &of);
			if (lexicon_word(lx, LEX_FIRSTNAMES, of) != NULL) {
				if (*g == GENDER_UNKNOWN)
					*g = speakers_first_gender(lx, of);
				if (*g == GENDER_UNKNOWN)
					*g = rg;
				free(of);
				free(best);
				free(f);
				return out;
			}
			free(of);
		}
		if (best == NULL) {
			best = out;
			bestg = rg;
		} else
			free(out);
	}
	free(f);
	if (best != NULL) {
		/* An unknown first name: trust the word as written when it
		 * is itself a known name, else the first rule. */
		char	*wf = NULL;

		segment_fold_string(w, strlen(w), &wf);
		if (lexicon_word(lx, LEX_FIRSTNAMES, wf) != NULL) {
			free(wf);
			free(best);
			return xstrdup(w);
		}
		free(wf);
		if (*g == GENDER_UNKNOWN)
			*g = bestg;
		return best;
	}
	return xstrdup(w);
}

/*
 * The case a first name w shows when the construction told none: the
 * first oblique case whose nominative is a known first name, when w is
 * no known first name itself (Ерлану, Асию, Нурланом); else the
 * nominative.
 */
static enum speakers_case
spk_first_case(const struct lexicon *lx, const char *w)
{
	static const enum speakers_case obl[] = {
		SPEAKERS_GEN, SPEAKERS_ACC, SPEAKERS_DAT, SPEAKERS_INS,
		SPEAKERS_PREP
	};
	enum speakers_case	 c = SPEAKERS_NOM;
	char			*f = NULL;
	size_t			 k, l = strlen(w);

	if (l == 0 || w[l - 1] == '.')
		return SPEAKERS_NOM;
	segment_fold_string(w, l, &f);
	if (lexicon_word(lx, LEX_FIRSTNAMES, f) != NULL) {
		free(f);
		return SPEAKERS_NOM;
	}
	free(f);
	for (k = 0; k < sizeof(obl) / sizeof(obl[0]) &&
	    c == SPEAKERS_NOM; k++) {
		enum gender	 t = GENDER_UNKNOWN;
		char		*out = spk_inflect(lx, w, obl[k], &t, 1);
		char		*of = NULL;

		segment_fold_string(out, strlen(out), &of);
		if (strcmp(out, w) != 0 &&
		    lexicon_word(lx, LEX_FIRSTNAMES, of) != NULL)
			c = obl[k];
		free(of);
		free(out);
	}
	return c;
}

/*
 * The case of a full name whose surname has an ending no nominative
 * has: -ову, -еву, -ину after a first name that keeps its form (a
 * woman in the accusative, whatever case c the construction told), and
 * -овой (a woman), -овым (a man) told in the nominative.  Else c.  Sets *g when the
 * ending tells it.
 */
/* Does folded w end in a Cyrillic consonant and then e, with three
 * letters or more before e? */
static int
spk_cons_ending(const char *w, const char *e)
{
	size_t	l = strlen(w), le = strlen(e);

	return l >= le + 6 && strcmp(w + l - le, e) == 0 &&
	    ((unsigned char)w[l - le - 2] == 0xd0 ||
	    (unsigned char)w[l - le - 2] == 0xd1) &&
	    !spk_is_vowel_before(w, l - le);
}

static enum speakers_case
spk_surname_case(const char *first, const char *last, enum speakers_case c,
    enum gender *g)
{
	char			*f = NULL, *ff = NULL;

	segment_fold_string(last, strlen(last), &f);
	segment_fold_string(first, strlen(first), &ff);
	if (strlen(f) < 10)
		;
	else if (spk_ends(f, "ову") || spk_ends(f, "еву") ||
	    spk_ends(f, "ину")) {
		/* "Айдару Серикову", "Анну Серикову": a first name that
		 * declines tells the case itself (the caller's). */
		if (!spk_ends(ff, "у") && !spk_ends(ff, "ю")) {
			c = SPEAKERS_ACC;
			*g = GENDER_FEMALE;
		} else if (c == SPEAKERS_NOM && spk_cons_ending(ff, "у") &&
		    *g == GENDER_UNKNOWN) {
			/* ... and one the list does not know, in -у: a
			 * man's dative. */
			c = SPEAKERS_DAT;
			*g = GENDER_MALE;
		}
	} else if (c != SPEAKERS_NOM)
		;
	else if ((spk_ends(f, "овой") || spk_ends(f, "евой") ||
	    spk_ends(f, "иной")) && *g != GENDER_MALE) {
		c = SPEAKERS_GEN;
		*g = GENDER_FEMALE;
	} else if ((spk_ends(f, "овым") || spk_ends(f, "евым") ||
	    spk_ends(f, "иным")) && *g != GENDER_FEMALE) {
		c = SPEAKERS_INS;
		*g = GENDER_MALE;
	} else if (spk_cons_ending(ff, "у") && spk_cons_ending(f, "у") &&
	    *g == GENDER_UNKNOWN) {
		/* "Руперту Мердоку": a first name the list does not know
		 * and its surname, both a consonant and -у, are a man's
		 * dative, unless a verb agrees with them ("Криштиану
		 * Роналду забил"). */
		c = SPEAKERS_DAT;
		*g = GENDER_MALE;
	} else if (spk_cons_ending(ff, "ом") && spk_cons_ending(f, "ом") &&
	    *g == GENDER_UNKNOWN) {
		c = SPEAKERS_INS;	/* "Рупертом Мердоком" */
		*g = GENDER_MALE;
	}
	free(f);
	free(ff);
	return c;
}

char *
speakers_normalize(const struct lexicon *lx, const char *const *w,
    size_t n, enum speakers_case c, enum gender *g)
{
	struct buf	 b;
	char		*words[8];
	size_t		 nw = 0, i;

	/* Keep first name and surname; drop patronymics in the middle and
	 * a feminine one after a first name (Мария Ивановна). */
	for (i = 0; i < n && nw < 8; i++) {
		char	*cw = spk_clean(w[i]), *f = NULL;

		segment_fold_string(cw, strlen(cw), &f);
		if (n >= 2 && i > 0 && speakers_is_patronymic(f) &&
		    (i + 1 < n || spk_ends(f, "вна") || spk_ends(f, "ична") ||
		    spk_ends(f, "вны") || spk_ends(f, "вной"))) {
			free(f);
			free(cw);
			continue;
		}
		free(f);
		words[nw++] = cw;
	}
	if (nw == 0)
		return xstrdup("");
	/* "Айгерим Касымову", "Айжан Сериковой": a surname in -ову,
	 * -овой, -овым (-ев-, -ин-) is in no nominative, whatever the
	 * construction said. */
	/* The case untold: a first name in an oblique form tells it. */
	if (nw >= 2 && c == SPEAKERS_NOM)
		c = spk_first_case(lx, words[0]);
	if (nw >= 2)
		c = spk_surname_case(words[0], words[nw - 1], c, g);
	/* Gender: the first name's, else the verb's, else the surname's.
	 * A verb near the name may be someone else's ("встретился с
	 * матерью Y, которая попросила"); a known first name is not. */
	if (nw >= 2) {
		enum gender	 t = GENDER_UNKNOWN, fg;
		char		*fn = spk_inflect(lx, words[0], c, &t, 1);
		char		*ff = NULL;

		segment_fold_string(fn, strlen(fn), &ff);
		if ((fg = speakers_first_gender(lx, ff)) != GENDER_UNKNOWN)
			*g = fg;
		free(ff);
		free(fn);
	}
	if (*g == GENDER_UNKNOWN && c == SPEAKERS_NOM) {
		char	*ff = NULL;

		segment_fold_string(words[nw - 1], strlen(words[nw - 1]),
		    &ff);
		*g = spk_surname_gender(ff);
		if (*g == GENDER_UNKNOWN && nw == 1)
			*g = speakers_first_gender(lx, ff);
		free(ff);
	}
	buf_init(&b);
	for (i = 0; i < nw; i++) {
		char	*out;
		int	 first = nw >= 2 && i + 1 < nw;
		size_t	 l = strlen(words[i]);

		/* Initials (Е.) stay as they are. */
		if (l <= 3 && l > 0 && words[i][l - 1] == '.')
			out = xstrdup(words[i]);
		else if (nw == 1 && c != SPEAKERS_NOM) {
			/* A lone word: a first name when its nominative
			 * is a known one (Ольги), else a surname. */
			enum gender	 t = *g;
			char		*ff = NULL;

			out = spk_inflect(lx, words[i], c, &t, 1);
			segment_fold_string(out, strlen(out), &ff);
			if (strcmp(out, words[i]) != 0 &&
			    lexicon_word(lx, LEX_FIRSTNAMES, ff) != NULL)
				*g = t;
			else {
				free(out);
				out = spk_inflect(lx, words[i], c, g, 0);
			}
			free(ff);
		} else
			out = spk_inflect(lx, words[i], c, g, first);
		if (i > 0)
			buf_addc(&b, ' ');
		buf_adds(&b, out);
		free(out);
		free(words[i]);
	}
	return buf_steal(&b);
}

const char *
speakers_particle_skip(const char *w)
{
	static const char *const part[] = {
		"аль-", "эль-", "уль-", "ал-", "ад-", "аз-", "ан-", "ар-",
		"ас-", "ат-", "аш-", "эд-", "эн-", "эр-", "эс-", "эт-",
		"эш-", NULL
	};
	size_t	 k, l;

	for (k = 0; part[k] != NULL; k++) {
		l = strlen(part[k]);
		if (strncmp(w, part[k], l) == 0 && w[l] != '\0' &&
		    strchr(w + l, '-') == NULL)
			return w + l;
	}
	return w;
}

int
speakers_first_variant(const char *a, const char *b)
{
	/* Voiced and voiceless pairs: б п, в ф, г к, д т, ж ш, з с. */
	static const uint32_t	pair[][2] = {
		{ 0x431, 0x43f }, { 0x432, 0x444 }, { 0x433, 0x43a },
		{ 0x434, 0x442 }, { 0x436, 0x448 }, { 0x437, 0x441 }
	};
	uint32_t	*ua, *ub;
	size_t		 la, lb, i, k, at = 0, diff = 0;
	int		 same = 0;

	ua = u8_to_u32((const uint8_t *)a, strlen(a), NULL, &la);
	ub = u8_to_u32((const uint8_t *)b, strlen(b), NULL, &lb);
	if (ua != NULL && ub != NULL && la == lb && la >= 3) {
		for (i = 0; i < la; i++)
			if (ua[i] != ub[i]) {
				diff++;
				at = i;
			}
		for (k = 0; diff == 1 && at > 0 &&
		    k < sizeof(pair) / sizeof(pair[0]); k++)
			if ((ua[at] == pair[k][0] && ub[at] == pair[k][1]) ||
			    (ua[at] == pair[k][1] && ub[at] == pair[k][0]))
				same = 1;
	}
	free(ua);
	free(ub);
	return same;
}

char *
speakers_fold(const char *name)
{
	return fold_name(name);
}
