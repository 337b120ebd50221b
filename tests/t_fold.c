/*
 * t_fold.c: the one case fold (fold.c): characters, strings, names, and
 * the word lists, which fold as the tokens they are compared with.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "fold.h"
#include "lexicon.h"
#include "util.h"

#include "tap.h"

static void	 fold_is(const char *, const char *, const char *);
static void	 name_is(const char *, const char *, const char *);
static void	 test_chars(void);
static void	 test_strings(void);
static void	 test_names(void);
static void	 test_lexicon(void);

static void
fold_is(const char *in, const char *want, const char *name)
{
	char	*got = fold_string(in, strlen(in));

	is(got, want, name);
	free(got);
}

static void
name_is(const char *in, const char *want, const char *name)
{
	char	*got = fold_name(in);

	is(got, want, name);
	free(got);
}

static void
test_chars(void)
{
	static const struct {
		uint32_t	 c, want;
		const char	*what;
	} v[] = {
		{ 'A', 'a', "A" }, { 'z', 'z', "z" }, { '5', '5', "5" },
		{ 0x410, 0x430, "А" }, { 0x42f, 0x44f, "Я" },
		{ 0x44f, 0x44f, "я" }, { 0x401, 0x435, "Ё" },
		{ 0x451, 0x435, "ё" }, { 0x400, 0x450, "Ѐ" },
		{ 0x406, 0x456, "І" }, { 0x40e, 0x45e, "Ў" },
		{ 0x4d8, 0x4d9, "Ә" }, { 0x4e8, 0x4e9, "Ө" },
		{ 0x4b0, 0x4b1, "Ұ" }, { 0x4ae, 0x4af, "Ү" },
		{ 0x4a2, 0x4a3, "Ң" }, { 0x492, 0x493, "Ғ" },
		{ 0x4ba, 0x4bb, "Һ" }, { 0x49a, 0x49b, "Қ" },
		{ 0xc9, 0xe9, "É" }, { 0x1e9e, 0xdf, "ẞ" },
		{ 0x3a3, 0x3c3, "Σ" }, { 0xab, 0xab, "«" },
		{ 0x2014, 0x2014, "—" }, { 0x301, 0x301, "U+0301" },
		{ 0x1f600, 0x1f600, "an emoji" }
	};
	size_t	i;
	int	all = 1;

	for (i = 0; i < sizeof(v) / sizeof(v[0]); i++)
		if (fold_char(v[i].c) != v[i].want) {
			tap_diag("%s: U+%04X, want U+%04X", v[i].what,
			    (unsigned)fold_char(v[i].c), (unsigned)v[i].want);
			all = 0;
		}
	ok(all, "fold_char: ASCII, Russian, ё, Ѐ..Џ, Kazakh, Latin-1, "
	    "Greek; others unchanged");
	ok(fold_ignorable(0x301) && fold_ignorable(0xad) &&
	    !fold_ignorable(0x300) && !fold_ignorable(0x200b) &&
	    !fold_ignorable(' '), "fold_ignorable: the stress mark and the "
	    "soft hyphen, nothing else");
}

static void
test_strings(void)
{
	struct buf	b;

	fold_is("Ёлка ЁЖ ёж", "елка еж еж", "ё and Ё fold to е");
	fold_is("ҚАЗАҚСТАН Өскемен ӘКІМ", "қазақстан өскемен әкім",
	    "Kazakh capitals fold");
	fold_is("зна\xcc\x81чит Пре\xc2\xadзидент", "значит президент",
	    "a stress mark and a soft hyphen fold away");
	fold_is("и\xcc\x86 е\xcc\x88", "и\xcc\x86 е\xcc\x88",
	    "other combining marks stay: no normalization");
	fold_is("a\xe2\x80\x8b" "b c", "a\xe2\x80\x8b" "b c",
	    "a zero-width space stays, as spaces do");
	fold_is("«Мост» — 5,5%!", "«мост» — 5,5%!",
	    "punctuation and digits stay");
	fold_is("A\xff" "B\xd0", "a\xef\xbf\xbd" "b\xef\xbf\xbd",
	    "an invalid byte and a cut sequence fold to U+FFFD");
	fold_is("", "", "the empty string folds to itself");
	fold_is("\xc8\xba\xc8\xba\xc8\xba", "\xe2\xb1\xa5\xe2\xb1\xa5"
	    "\xe2\xb1\xa5", "a character whose lower case is longer (Ⱥ, ⱥ)");

	buf_init(&b);
	buf_adds(&b, "x:");
	fold_add(&b, "ДА нет", 4);
	ok(b.len == 6 && strcmp(b.data, "x:да") == 0,
	    "fold_add appends, and folds only len bytes");
	buf_free(&b);
}

static void
test_names(void)
{
	name_is("Ерлан Булекпаев", "ерлан булекпаев", "a name folds");
	name_is("  Ерлан  Қ. Булекпаев-Ли ", "ерлан қ булекпаев-ли",
	    "punctuation separates words; inner hyphens stay; one space");
	name_is("Пётр «Ёлкин»", "петр елкин", "ё folds; quotation marks go");
	name_is("Ива\xcc\x81нов Пре\xc2\xadзидент", "иванов президент",
	    "stress marks and soft hyphens fold away in names too");
	name_is("Иван\xe2\x80\x8bов", "иван ов",
	    "a zero-width space separates words, as in segmentation");
	name_is("-Ли -- Ким", "ли ким", "a hyphen starting a word goes");
	name_is("В. В. Путин", "в в путин", "initials");
	name_is("7 канал", "7 канал", "digits are part of a name");
	name_is("\xff" "Ким", "ким", "an invalid byte separates");
	name_is("", "", "an empty name folds to the empty string");
	name_is(" — ", "", "punctuation alone folds to the empty string");
}

/* The word lists fold their patterns as tokens fold: an entry with a
 * Kazakh capital or a stress mark matches the folded token. */
static void
test_lexicon(void)
{
	static const char *const files[] = {
		"verbs.txt", "phrases.txt", "roles.txt", "groups.txt",
		"institutions.txt", "media.txt", "firstnames.txt",
		"stopwords.txt", "endings.txt", "places.txt"
	};
	char			 dir[] = "/tmp/t_fold.XXXXXX";
	char			*path, *cause = NULL;
	struct lexicon		*lx;
	const struct lex_entry	*e;
	size_t			 i;
	FILE			*f;
	int			 made = 1;

	if (mkdtemp(dir) == NULL) {
		ok(0, "a temporary directory for word lists");
		return;
	}
	for (i = 0; i < sizeof(files) / sizeof(files[0]); i++) {
		path = xasprintf("%s/%s", dir, files[i]);
		if ((f = fopen(path, "w")) == NULL)
			made = 0;
		else {
			if (strcmp(files[i], "roles.txt") == 0)
				fputs("Әкім ОБЛЫСЫ\nзаме\xcc\x81ститель\n", f);
			if (fclose(f) != 0)
				made = 0;
		}
		free(path);
	}
	lx = made ? lexicon_load(dir, &cause) : NULL;
	ok(lx != NULL, "word lists load from %s", dir);
	if (lx != NULL) {
		const char	*w[] = { "әкім", "облысы" };
		size_t		 len = 0;

		e = lexicon_match(lx, LEX_ROLES, w, 2, &len);
		ok(e != NULL && len == 2, "\"Әкім ОБЛЫСЫ\" matches the "
		    "folded tokens \"әкім облысы\"");
		e = lexicon_word(lx, LEX_ROLES, "заместитель");
		ok(e != NULL, "a stress mark in a list folds away");
		lexicon_free(lx);
	}
	free(cause);
	for (i = 0; i < sizeof(files) / sizeof(files[0]); i++) {
		path = xasprintf("%s/%s", dir, files[i]);
		unlink(path);
		free(path);
	}
	rmdir(dir);
}

int
main(void)
{
	test_chars();
	test_strings();
	test_names();
	test_lexicon();
	return tap_done();
}
