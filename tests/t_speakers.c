/*
 * t_speakers.c: name normalization (oblique case to nominative,
 * patronymics, gender) of speakers.c; who is one person is t_merge.c's.
 * With $CITATA_NAMES (or ../shared/corpus/names beside the source tree)
 * naming person-forms.tsv, also checks how many real inflected names
 * come back right.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "article.h"
#include "lexicon.h"
#include "speakers.h"
#include "tap.h"
#include "util.h"

static struct lexicon	*lx;

static void	check(const char *, enum speakers_case, enum gender,
		    const char *, enum gender);
static void	check_forms(const char *);

/* Normalizes the words of name in case c with gender g known, and
 * compares with want and wantg. */
static void
check(const char *name, enum speakers_case c, enum gender g,
    const char *want, enum gender wantg)
{
	char		*copy = xstrdup(name), *p, *got;
	const char	*w[8];
	size_t		 n = 0;

	for (p = strtok(copy, " "); p != NULL && n < 8; p = strtok(NULL, " "))
		w[n++] = p;
	got = speakers_normalize(lx, w, n, c, &g);
	is(got, want, name);
	/* Unknown is checked too: "Шевченко" says nothing of a gender. */
	ok(g == wantg, "%s: gender %s", name, wantg == GENDER_UNKNOWN ?
	    "unknown" : gender_name(wantg));
	free(got);
	free(copy);
}

/*
 * Each row of person-forms.tsv is surface, nominative, source.  A row
 * counts as right when one of the oblique cases gives the nominative:
 * the extractor always knows the case from the construction.
 */
static void
check_forms(const char *path)
{
	static const enum speakers_case cases[] = {
		SPEAKERS_GEN, SPEAKERS_ACC, SPEAKERS_DAT, SPEAKERS_INS,
		SPEAKERS_PREP
	};
	FILE	*f;
	char	 line[1024];
	int	 n = 0, right = 0, all = 0, blind = 0;

	if ((f = fopen(path, "r")) == NULL) {
		tap_diag("no %s: names check skipped", path);
		return;
	}
	while (fgets(line, sizeof(line), f) != NULL) {
		char		*sur = strtok(line, "\t"), *nom, *p;
		char		 buf[512];
		const char	*w[8];
		size_t		 nw = 0, c;
		int		 hit = 0;

		nom = strtok(NULL, "\t");
		if (sur == NULL || nom == NULL || strcmp(sur, "surface") == 0)
			continue;
		snprintf(buf, sizeof(buf), "%s", sur);
		for (p = strtok(buf, " "); p != NULL && nw < 8;
		    p = strtok(NULL, " "))
			w[nw++] = p;
		/* Blind: the case untold (a subject as far as the
		 * construction knows), nominatives included. */
		{
			enum gender	 g = GENDER_UNKNOWN;
			char		*r = speakers_normalize(lx, w, nw,
					    SPEAKERS_NOM, &g);

			all++;
			blind += strcmp(r, nom) == 0;
			free(r);
		}
		if (strcmp(sur, nom) == 0)
			continue;
		for (c = 0; c < sizeof(cases) / sizeof(cases[0]); c++) {
			enum gender	 g = GENDER_UNKNOWN;
			char		*r = speakers_normalize(lx, w, nw,
					    cases[c], &g);

			hit |= strcmp(r, nom) == 0;
			free(r);
		}
		n++;
		right += hit;
	}
	fclose(f);
	tap_diag("person-forms.tsv: %d of %d inflected names right", right, n);
	tap_diag("person-forms.tsv, case untold: %d of %d forms right", blind,
	    all);
	ok(n > 0 && right * 100 >= n * 84,
	    "at least 84%% of real inflected names come back (the rest is "
	    "mostly noise in the list)");
}

int
main(void)
{
	const char	*dir = getenv("CITATA_DATADIR");
	const char	*names = getenv("CITATA_NAMES");
	char		*path, *cause = NULL, *f;

	path = xasprintf("%s/lexicon", dir != NULL ? dir : "data");
	if ((lx = lexicon_load(path, &cause)) == NULL) {
		printf("1..0 # SKIP no lexicon: %s\n", cause);
		free(cause);
		free(path);
		return 0;
	}
	free(path);

	check("Булекпаев", SPEAKERS_NOM, GENDER_UNKNOWN, "Булекпаев",
	    GENDER_MALE);
	check("Ермаганбета Булекпаева", SPEAKERS_GEN, GENDER_UNKNOWN,
	    "Ермаганбет Булекпаев", GENDER_MALE);
	check("Марии Захаровой", SPEAKERS_GEN, GENDER_UNKNOWN,
	    "Мария Захарова", GENDER_FEMALE);
	check("Евгения Минченко", SPEAKERS_GEN, GENDER_UNKNOWN,
	    "Евгений Минченко", GENDER_MALE);
	check("Светланы Орловой", SPEAKERS_GEN, GENDER_UNKNOWN,
	    "Светлана Орлова", GENDER_FEMALE);
	check("Анны Соколовской", SPEAKERS_GEN, GENDER_UNKNOWN,
	    "Анна Соколовская", GENDER_FEMALE);
	check("Сергея Лаврова", SPEAKERS_GEN, GENDER_UNKNOWN,
	    "Сергей Лавров", GENDER_MALE);
	check("Павла Колобкова", SPEAKERS_GEN, GENDER_UNKNOWN,
	    "Павел Колобков", GENDER_MALE);
	check("Алексея Навального", SPEAKERS_GEN, GENDER_UNKNOWN,
	    "Алексей Навальный", GENDER_MALE);
	check("Касым-Жомарта Токаева", SPEAKERS_GEN, GENDER_UNKNOWN,
	    "Касым-Жомарт Токаев", GENDER_MALE);
	check("Жанибека Алимханулы", SPEAKERS_GEN, GENDER_UNKNOWN,
	    "Жанибек Алимханулы", GENDER_MALE);
	check("Дональда Трампа", SPEAKERS_GEN, GENDER_UNKNOWN,
	    "Дональд Трамп", GENDER_MALE);
	check("Скрипаля", SPEAKERS_GEN, GENDER_MALE, "Скрипаль", GENDER_MALE);
	check("Шевченко", SPEAKERS_GEN, GENDER_UNKNOWN, "Шевченко",
	    GENDER_UNKNOWN);
	check("Терезу Мэй", SPEAKERS_ACC, GENDER_FEMALE, "Тереза Мэй",
	    GENDER_FEMALE);
	check("Айгерим Сейткали", SPEAKERS_GEN, GENDER_FEMALE,
	    "Айгерим Сейткали", GENDER_FEMALE);
	/* A surname in -ову after a first name that keeps its form is
	 * a woman's accusative, whatever case the construction guessed
	 * and whatever gender its verb had. */
	check("Айжан Серикову", SPEAKERS_GEN, GENDER_UNKNOWN,
	    "Айжан Серикова", GENDER_FEMALE);
	check("Айгерим Касымову", SPEAKERS_NOM, GENDER_MALE,
	    "Айгерим Касымова", GENDER_FEMALE);
	check("Айгерим Касымовой", SPEAKERS_NOM, GENDER_UNKNOWN,
	    "Айгерим Касымова", GENDER_FEMALE);
	check("Айдар Касымовым", SPEAKERS_NOM, GENDER_UNKNOWN,
	    "Айдар Касымов", GENDER_MALE);
	check("Айдару Касымову", SPEAKERS_DAT, GENDER_UNKNOWN,
	    "Айдар Касымов", GENDER_MALE);
	/* A man's surname in -ий: -ия in the genitive, never "-иь". */
	check("Федора Лапия", SPEAKERS_GEN, GENDER_UNKNOWN, "Федор Лапий",
	    GENDER_MALE);
	check("Булекпаеву", SPEAKERS_DAT, GENDER_MALE, "Булекпаев",
	    GENDER_MALE);
	check("Токаевым", SPEAKERS_INS, GENDER_MALE, "Токаев", GENDER_MALE);
	check("Владимир Владимирович Путин", SPEAKERS_NOM, GENDER_UNKNOWN,
	    "Владимир Путин", GENDER_MALE);
	check("Мария Ивановна", SPEAKERS_NOM, GENDER_UNKNOWN, "Мария",
	    GENDER_FEMALE);
	check("Е. Булекпаев", SPEAKERS_NOM, GENDER_UNKNOWN, "Е. Булекпаев",
	    GENDER_MALE);
	check("Серге\xcc\x81я Ивано\xcc\x81ва", SPEAKERS_GEN, GENDER_UNKNOWN,
	    "Сергей Иванов", GENDER_MALE);

	/* Endings that came back wrong: -ай names, Илья, adjectival
	 * surnames, ё kept, a male first name in -а. */
	check("Николая Сидорова", SPEAKERS_GEN, GENDER_UNKNOWN,
	    "Николай Сидоров", GENDER_MALE);
	check("Ильи Смирнова", SPEAKERS_GEN, GENDER_UNKNOWN,
	    "Илья Смирнов", GENDER_MALE);
	check("Игоря Королёва", SPEAKERS_GEN, GENDER_UNKNOWN,
	    "Игорь Королёв", GENDER_MALE);
	check("Сергею Бедному", SPEAKERS_DAT, GENDER_UNKNOWN,
	    "Сергей Бедный", GENDER_MALE);
	check("Олега Широкого", SPEAKERS_GEN, GENDER_UNKNOWN,
	    "Олег Широкий", GENDER_MALE);
	check("Никитой Петровым", SPEAKERS_INS, GENDER_UNKNOWN,
	    "Никита Петров", GENDER_MALE);
	check("Евгенией Белецкой", SPEAKERS_INS, GENDER_UNKNOWN,
	    "Евгения Белецкая", GENDER_FEMALE);

	/* The case untold (the construction took the name for a subject):
	 * a first name that is no known one but whose oblique form is
	 * tells the case of the whole name. */
	check("Ерлану Сапарову", SPEAKERS_NOM, GENDER_UNKNOWN,
	    "Ерлан Сапаров", GENDER_MALE);
	check("Нурлана Жумабаева", SPEAKERS_NOM, GENDER_UNKNOWN,
	    "Нурлан Жумабаев", GENDER_MALE);
	check("Айгуль Сапаровой", SPEAKERS_NOM, GENDER_UNKNOWN,
	    "Айгуль Сапарова", GENDER_FEMALE);
	check("Асию Кенжебаеву", SPEAKERS_NOM, GENDER_UNKNOWN,
	    "Асия Кенжебаева", GENDER_FEMALE);
	check("Бауыржаном Ахметовым", SPEAKERS_NOM, GENDER_UNKNOWN,
	    "Бауыржан Ахметов", GENDER_MALE);
	/* Neither name known, both a consonant and -у (-ом): a man's
	 * dative (instrumental); not when either word says otherwise. */
	check("Тлеужану Бекжолову", SPEAKERS_NOM, GENDER_UNKNOWN,
	    "Тлеужан Бекжолов", GENDER_MALE);
	check("Тлеужану Кенжебеку", SPEAKERS_NOM, GENDER_UNKNOWN,
	    "Тлеужан Кенжебек", GENDER_MALE);
	check("Тлеужаном Кенжебеком", SPEAKERS_NOM, GENDER_UNKNOWN,
	    "Тлеужан Кенжебек", GENDER_MALE);
	check("Тлеужан Кенжебеку", SPEAKERS_NOM, GENDER_UNKNOWN,
	    "Тлеужан Кенжебеку", GENDER_UNKNOWN);
	check("Камару Усману", SPEAKERS_NOM, GENDER_FEMALE,
	    "Камару Усману", GENDER_FEMALE);
	check("Силвану Перейру", SPEAKERS_NOM, GENDER_MALE,
	    "Силвану Перейру", GENDER_MALE);	/* a verb agreed */
	/* ... and a known first name in the nominative keeps it. */
	check("Ерлан Сапаров", SPEAKERS_NOM, GENDER_UNKNOWN,
	    "Ерлан Сапаров", GENDER_MALE);
	check("Тереза Мэй", SPEAKERS_NOM, GENDER_UNKNOWN, "Тереза Мэй",
	    GENDER_FEMALE);

	ok(speakers_is_patronymic("сергеевича"), "сергеевича is a patronymic");
	ok(!speakers_is_patronymic("булекпаев"), "булекпаев is not");

	f = speakers_fold("Ёлкин-Палкин,  А.");
	is(f, "елкин-палкин а", "fold: lower case, ё as е, punctuation gone");
	free(f);

	if (names != NULL)
		check_forms(names);
	else {
		const char	*top = getenv("top_srcdir");

		path = xasprintf("%s/../shared/corpus/names/person-forms.tsv",
		    top != NULL ? top : ".");
		check_forms(path);
		free(path);
	}
	lexicon_free(lx);
	return tap_done();
}
