/*
 * merge.c: one person, one record across the archive.  The key that
 * gathers the records a speaker may be (the surname, its ending and its
 * spelling made plain) and the rule that picks one of them (first names
 * that agree, genders that do not clash).  No I/O.
 */
#include "config.h"

#include "merge.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unicase.h>
#include <unistr.h>

#include "fold.h"
#include "lexicon.h"
#include "speakers.h"
#include "util.h"

static size_t	 merge_letters(const char *);
static int	 merge_lower_start(const char *);
static char	*merge_surname(const char *);
static long	 merge_dominant(const struct merge_name *,
		    const struct merge_name *, size_t, const char *);
static char	*merge_stem(const char *);
static char	*merge_plain(const char *);
static char	*merge_first(const char *);
static int	 merge_near(const char *, const char *);
static char	*merge_full_form(const struct lexicon *, const char *);
static int	 merge_first_same(const struct lexicon *, const char *,
		    const char *);
static int	 merge_gender_ok(enum gender, enum gender);
static int	 merge_weak_gender(const struct lexicon *, const char *);
static long	 merge_pick_pass(const struct lexicon *,
		    const struct merge_name *, const struct merge_name *,
		    size_t);

int
merge_generic(const char *name)
{
	const uint8_t	*p = (const uint8_t *)name;
	size_t		 left = strlen(name);
	ucs4_t		 c;
	int		 n;

	while (left > 0) {
		n = u8_mbtouc(&c, p, left);
		if (n <= 0)
			n = 1;
		if (uc_toupper(c) == c && uc_tolower(c) != c)
			return 0;
		p += n;
		left -= (size_t)n;
	}
	return 1;
}

/* Does name open with a lower-case letter? */
static int
merge_lower_start(const char *name)
{
	ucs4_t	c;

	return *name != '\0' && u8_mbtouc(&c, (const uint8_t *)name,
	    strlen(name)) > 0 && uc_tolower(c) == c && uc_toupper(c) != c;
}

/* The number of characters of UTF-8 s. */
static size_t
merge_letters(const char *s)
{
	return u8_mbsnlen((const uint8_t *)s, strlen(s));
}

/* Folded word f without a case ending, when three letters stay. */
static char *
merge_stem(const char *f)
{
	static const char *const end[] = {
		"ыми", "ими", "ого", "его", "ому", "ему", "ой", "ей", "ом",
		"ем", "ым", "им", "ых", "их", "ую", "юю", "ая", "яя", "ый",
		"ий", "ах", "ях", "ам", "ям", "а", "я", "у", "ю", "е", "ы",
		"и", NULL
	};
	size_t	l = strlen(f), k, le;

	for (k = 0; end[k] != NULL; k++) {
		le = strlen(end[k]);
		if (l > le && memcmp(f + l - le, end[k], le) == 0) {
			char	*s = xstrndup(f, l - le);

			if (merge_letters(s) >= 3)
				return s;
			free(s);
		}
	}
	return xstrdup(f);
}

/*
 * Folded f spelled plainly, so that transliterations meet: ё and э as е,
 * й as и, no ь or ъ, a doubled letter once, г at the start as х (Гайко,
 * Хайко).
 */
static char *
merge_plain(const char *f)
{
	struct buf	 b;
	const uint8_t	*p = (const uint8_t *)f;
	size_t		 left = strlen(f);
	ucs4_t		 c, prev = 0;
	uint8_t		 enc[6];
	int		 n, start = 1;

	buf_init(&b);
	while (left > 0) {
		n = u8_mbtouc(&c, p, left);
		if (n <= 0)
			n = 1;
		p += n;
		left -= (size_t)n;
		if (c == 0x451 || c == 0x44d)		/* ё, э */
			c = 0x435;
		else if (c == 0x439)			/* й */
			c = 0x438;
		else if (c == 0x44c || c == 0x44a)	/* ь, ъ */
			continue;
		else if (c == 0x433 && start)		/* г */
			c = 0x445;
		start = c == ' ' || c == '-';
		if (c == prev && !start)
			continue;
		prev = c;
		n = u8_uctomb(enc, c, sizeof(enc));
		if (n > 0)
			buf_add(&b, enc, (size_t)n);
	}
	return buf_steal(&b);
}

char *
merge_key(const char *name, enum speaker_kind kind, long long article)
{
	char	*f = fold_name(name), *w, *save = NULL, *s, *p;
	char	*last;
	struct buf	 b;

	buf_init(&b);
	if (kind == SPEAKER_PERSON) {
		last = strrchr(f, ' ');
		last = last != NULL ? last + 1 : f;
		last = (char *)speakers_particle_skip(last);
		memmove(f, last, strlen(last) + 1);
	}
	for (w = strtok_r(f, " ", &save); w != NULL;
	    w = strtok_r(NULL, " ", &save)) {
		s = merge_stem(w);
		p = merge_plain(s);
		if (b.len > 0)
			buf_addc(&b, ' ');
		buf_adds(&b, p);
		free(p);
		free(s);
	}
	/* "представитель Путина": a person described in lower case is
	 * no name, whatever name it holds. */
	if (merge_generic(name) || (kind == SPEAKER_PERSON &&
	    merge_lower_start(name)))
		buf_printf(&b, "#%lld", article);
	free(f);
	return buf_steal(&b);
}

/* The folded words of a person's name before the surname, or NULL. */
static char *
merge_first(const char *name)
{
	char	*f = fold_name(name), *sp = strrchr(f, ' '), *r;

	if (sp == NULL) {
		free(f);
		return NULL;
	}
	r = xstrndup(f, (size_t)(sp - f));
	free(f);
	return r;
}

/* Are plain a and b, the longer of five letters or more, at most one
 * letter apart (one changed, added or dropped)? */
static int
merge_near(const char *a, const char *b)
{
	uint32_t	*ua, *ub;
	size_t		 la, lb, i, j, diff = 0;

	ua = u8_to_u32((const uint8_t *)a, strlen(a), NULL, &la);
	ub = u8_to_u32((const uint8_t *)b, strlen(b), NULL, &lb);
	if (ua == NULL || ub == NULL || (la < 5 && lb < 5) ||
	    (la > lb ? la - lb : lb - la) > 1) {
		free(ua);
		free(ub);
		return 0;
	}
	for (i = j = 0; i < la && j < lb && diff <= 1;) {
		if (ua[i] == ub[j]) {
			i++;
			j++;
			continue;
		}
		diff++;
		if (la > lb)
			i++;
		else if (lb > la)
			j++;
		else {
			i++;
			j++;
		}
	}
	diff += (la - i) + (lb - j);
	free(ua);
	free(ub);
	return diff <= 1;
}

/* The full form the first-name list gives folded first name f (Джо:
 * Джозеф), folded, or NULL.  The caller frees it. */
static char *
merge_full_form(const struct lexicon *lx, const char *f)
{
	const struct lex_entry	*e;

	if (lx == NULL || strchr(f, ' ') != NULL ||
	    (e = lexicon_word(lx, LEX_FIRSTNAMES, f)) == NULL ||
	    e->value[0] == '\0')
		return NULL;
	return fold_name(e->value);
}

/* May folded first names a and b be one person's? */
static int
merge_first_same(const struct lexicon *lx, const char *a, const char *b)
{
	char	*pa, *pb, *fa, *fb;
	int	 same;

	/* An initial: "Е. Булекпаев" folds to "е булекпаев". */
	if (merge_letters(a) == 1 || merge_letters(b) == 1) {
		int	la = u8_mblen((const uint8_t *)a, strlen(a));
		int	lb = u8_mblen((const uint8_t *)b, strlen(b));

		return la > 0 && la == lb && memcmp(a, b, (size_t)la) == 0;
	}
	pa = merge_plain(a);
	pb = merge_plain(b);
	same = strcmp(pa, pb) == 0 || merge_near(pa, pb) ||
	    speakers_first_variant(pa, pb);
	free(pa);
	free(pb);
	if (same)
		return 1;
	/* Short forms: Джо and Джозеф, Билл and Уильям. */
	fa = merge_full_form(lx, a);
	fb = merge_full_form(lx, b);
	same = (fa != NULL && strcmp(fa, b) == 0) ||
	    (fb != NULL && strcmp(fb, a) == 0) ||
	    (fa != NULL && fb != NULL && strcmp(fa, fb) == 0);
	free(fa);
	free(fb);
	return same;
}

static int
merge_gender_ok(enum gender a, enum gender b)
{
	return a == GENDER_UNKNOWN || b == GENDER_UNKNOWN || a == b;
}

/*
 * Does a person's name tell no gender of its own: no first name but an
 * initial at most, or one the first-name list does not know, and a
 * surname with no man's or woman's ending (Мэй, Ким, Шевченко, Азия
 * Биби)?  Its gender came from a verb, which agrees with a role noun as
 * often as with the person ("премьер Мэй заявил").
 */
static int
merge_weak_gender(const struct lexicon *lx, const char *name)
{
	static const char *const end[] = {
		"ов", "ев", "ин", "ын", "ий", "ый", "ой", "ова", "ева", "ина",
		"ына", "ая", "яя", NULL
	};
	char	*first = merge_first(name), *f = fold_name(name), *last;
	size_t	 k, l;
	int	 weak;

	weak = first == NULL || merge_letters(first) <= 1 || (lx != NULL &&
	    strchr(first, ' ') == NULL &&
	    lexicon_word(lx, LEX_FIRSTNAMES, first) == NULL);
	free(first);
	last = strrchr(f, ' ');
	last = last != NULL ? last + 1 : f;
	l = strlen(last);
	for (k = 0; end[k] != NULL && weak; k++)
		if (l > strlen(end[k]) &&
		    strcmp(last + l - strlen(end[k]), end[k]) == 0)
			weak = 0;
	free(f);
	return weak;
}

long
merge_pick(const struct lexicon *lx, const struct merge_name *r,
    const struct merge_name *c, size_t n)
{
	struct merge_name	 rr, *cc;
	size_t			 i;
	long			 pick;
	int			 weak = 0;

	if ((pick = merge_pick_pass(lx, r, c, n)) >= 0 ||
	    r->kind != SPEAKER_PERSON)
		return pick;
	/* None of its gender: a name that tells no gender of its own,
	 * on either side, is read without the gender it was given. */
	rr = *r;
	if (merge_weak_gender(lx, r->name)) {
		rr.gender = GENDER_UNKNOWN;
		weak = 1;
	}
	cc = xcalloc(n, sizeof(*cc));
	for (i = 0; i < n; i++) {
		cc[i] = c[i];
		if (c[i].kind == SPEAKER_PERSON &&
		    merge_weak_gender(lx, c[i].name)) {
			cc[i].gender = GENDER_UNKNOWN;
			weak = 1;
		}
	}
	if (weak)
		pick = merge_pick_pass(lx, &rr, cc, n);
	free(cc);
	return pick;
}

static long
merge_pick_pass(const struct lexicon *lx, const struct merge_name *r,
    const struct merge_name *c, size_t n)
{
	char	*fr, *rf, *cf, *rs;
	size_t	 i, nfull = 0, nbare = 0, bare = 0, full = 0;
	long	 pick = -1;
	int	 exact = 0;

	if (n == 0)
		return -1;
	fr = fold_name(r->name);
	for (i = 0; i < n && pick < 0; i++) {
		char	*fc = fold_name(c[i].name);

		if (strcmp(fc, fr) == 0 && c[i].kind == r->kind &&
		    merge_gender_ok(c[i].gender, r->gender))
			pick = (long)i;
		free(fc);
	}
	free(fr);
	if (pick >= 0 || r->kind != SPEAKER_PERSON) {
		/* A body or group: its key is its whole name. */
		for (i = 0; i < n && pick < 0; i++)
			if (c[i].kind == r->kind)
				pick = (long)i;
		return pick;
	}
	rf = merge_first(r->name);
	/* The key gathers case forms too ("Байдена"); when some record has
	 * a bare surname's very surname, spelled plainly, only those
	 * count, so that "Маас" is not "Масих" (both "мас").  A full name
	 * has its first name to tell them apart. */
	rs = merge_surname(r->name);
	for (i = 0; i < n && !exact && rf == NULL; i++) {
		char	*cs = merge_surname(c[i].name);

		exact = c[i].kind == SPEAKER_PERSON && strcmp(cs, rs) == 0;
		free(cs);
	}
	for (i = 0; i < n; i++) {
		if (c[i].kind != SPEAKER_PERSON ||
		    !merge_gender_ok(c[i].gender, r->gender))
			continue;
		if (exact) {
			char	*cs = merge_surname(c[i].name);
			int	 other = strcmp(cs, rs) != 0;

			free(cs);
			if (other)
				continue;
		}
		cf = merge_first(c[i].name);
		if (cf == NULL) {
			nbare++;
			bare = i;
		} else {
			nfull++;
			full = i;
			if (rf != NULL && pick < 0 &&
			    merge_first_same(lx, rf, cf))
				pick = (long)i;
		}
		free(cf);
	}
	if (pick < 0 && rf == NULL) {
		/* A bare surname: the one person of that surname, or the
		 * one the archive quotes four times as often as all the
		 * others together ("Трамп" is Дональд, not Эрик). */
		if (nfull == 1)
			pick = (long)full;
		else if (nfull == 0 && nbare == 1)
			pick = (long)bare;
		else if (nfull > 1)
			pick = merge_dominant(r, c, n, exact ? rs : NULL);
	} else if (pick < 0 && nbare == 1 && nfull == 0)
		pick = (long)bare;	/* "Байден" so far, now "Джо Байден" */
	free(rf);
	free(rs);
	return pick;
}

/*
 * Among the full names of c that r may be (its gender, its surname when
 * surname is set), the one with four times the quotes of the others
 * together, and at least 5; else -1.
 */
static long
merge_dominant(const struct merge_name *r, const struct merge_name *c,
    size_t n, const char *surname)
{
	unsigned long	 best = 0, rest = 0;
	long		 pick = -1;
	size_t		 i;

	for (i = 0; i < n; i++) {
		char	*cf, *cs;
		int	 skip;

		if (c[i].kind != SPEAKER_PERSON ||
		    !merge_gender_ok(c[i].gender, r->gender))
			continue;
		cf = merge_first(c[i].name);
		cs = merge_surname(c[i].name);
		skip = cf == NULL || (surname != NULL &&
		    strcmp(cs, surname) != 0);
		free(cf);
		free(cs);
		if (skip)
			continue;
		if (pick < 0 || c[i].nquotes > best) {
			if (pick >= 0)
				rest += best;
			best = c[i].nquotes;
			pick = (long)i;
		} else
			rest += c[i].nquotes;
	}
	return best >= 5 && best >= 4 * rest ? pick : -1;
}

/* The last word of a person's name, folded and spelled plainly. */
static char *
merge_surname(const char *name)
{
	char	*f = fold_name(name), *last, *p;

	last = strrchr(f, ' ');
	last = last != NULL ? last + 1 : f;
	last = (char *)speakers_particle_skip(last);
	memmove(f, last, strlen(last) + 1);
	p = merge_plain(f);
	free(f);
	return p;
}
