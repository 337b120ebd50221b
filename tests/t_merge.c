/*
 * t_merge.c: the archive's merge rule (merge.c): which records a
 * speaker's key gathers and which of them the speaker is.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "article.h"
#include "lexicon.h"
#include "merge.h"
#include "tap.h"
#include "util.h"

static struct lexicon	*lx;

static void	same_key(const char *, const char *, int, const char *);
static void	pick(const char *, enum gender, const char *const *, size_t,
		    long, const char *);

/* Do persons a and b get the same key (want 1) or not (want 0)? */
static void
same_key(const char *a, const char *b, int want, const char *what)
{
	char	*ka = merge_key(a, SPEAKER_PERSON, 1);
	char	*kb = merge_key(b, SPEAKER_PERSON, 1);

	ok((strcmp(ka, kb) == 0) == want, "%s (%s, %s)", what, ka, kb);
	free(ka);
	free(kb);
}

/* Picks among persons names[0..n) for name r of gender g; wants index
 * want (-1: someone new). */
static const unsigned long *counts;	/* the candidates' quotes, or NULL */
static const enum gender *genders;	/* the candidates' genders, or NULL */

static void
pick(const char *r, enum gender g, const char *const *names, size_t n,
    long want, const char *what)
{
	struct merge_name	 rn, c[8];
	size_t			 i;
	long			 got;

	rn.name = r;
	rn.gender = g;
	rn.kind = SPEAKER_PERSON;
	for (i = 0; i < n; i++) {
		c[i].name = names[i];
		c[i].gender = genders != NULL ? genders[i] : GENDER_UNKNOWN;
		c[i].kind = SPEAKER_PERSON;
		c[i].nquotes = counts != NULL ? counts[i] : 0;
	}
	got = merge_pick(lx, &rn, c, n);
	ok(got == want, "%s: got %ld", what, got);
}

int
main(void)
{
	const char	*dir = getenv("CITATA_DATADIR");
	char		*path, *cause = NULL, *k;
	const char	*one[] = { "Джо Байден" };
	const char	*two[] = { "Игорь Соколов", "Олег Соколов" };
	const char	*bare[] = { "Байден" };
	const char	*init[] = { "Е. Булекпаев" };
	const char	*mixed[] = { "Соколов", "Игорь Соколов" };
	const char	*fem[] = { "Анна Петрова" };

	path = xasprintf("%s/lexicon", dir != NULL ? dir : "data");
	if ((lx = lexicon_load(path, &cause)) == NULL) {
		printf("1..0 # SKIP no lexicon: %s\n", cause);
		free(cause);
		free(path);
		return 0;
	}
	free(path);

	/* Keys: case forms, ё, transliterations meet; others do not. */
	same_key("Джо Байден", "Джо Байдена", 1, "a case form");
	same_key("Барак Обама", "Барака Обамы", 1, "another case form");
	same_key("Хайко Маас", "Мас", 1, "a doubled letter");
	same_key("Пётр Королёв", "Петр Королев", 1, "ё and е");
	same_key("Нэнси Пелоси", "Ненси Пелоси", 1, "э and е");
	same_key("Гельмут Шмидт", "Хельмут Шмидт", 1, "the surname only");
	same_key("Анна Петрова", "Иван Петров", 1, "one surname, two "
	    "genders: told apart by the pick");
	same_key("Иван Петров", "Иван Сидоров", 0, "two surnames");
	same_key("Саиф уль-Хакк", "Хакк", 1, "an Arabic article joined to "
	    "the surname");
	same_key("Абу аль-Хакк", "Саиф уль-Хакка", 1, "... in any of its "
	    "spellings, and a case form");
	same_key("Ким Сон-Ир", "Ир", 0, "a hyphen after no article stays");
	same_key("Ким", "Кима", 1, "a short surname keeps three letters");
	k = merge_key("МИД России", SPEAKER_INSTITUTION, 7);
	is(k, "мид роси", "a body's key is every word of it");
	free(k);
	k = merge_key("компания", SPEAKER_INSTITUTION, 7);
	is(k, "компани#7", "a generic body is one per article");
	free(k);
	k = merge_key("местный имам", SPEAKER_PERSON, 12);
	is(k, "имам#12", "so is a person described, never named");
	free(k);
	k = merge_key("представитель Путина", SPEAKER_PERSON, 9);
	is(k, "путин#9", "a person described in lower case is one per "
	    "article, whatever name it holds");
	free(k);
	k = merge_key("власти США", SPEAKER_GROUP, 9);
	is(k, "власт сша", "a group in lower case is one across articles");
	free(k);
	ok(merge_generic("эксперты") && !merge_generic("власти США") &&
	    !merge_generic("Ryanair"), "generic: no capital letter");

	/* Picks. */
	pick("Джо Байден", GENDER_MALE, one, 1, 0, "the same name");
	pick("Джозеф Байден", GENDER_MALE, one, 1, 0,
	    "a short form of the first name (Джо, Джозеф)");
	pick("Хейко Маас", GENDER_MALE, (const char *[]){ "Хайко Маас" }, 1,
	    0, "one letter apart in a long first name");
	pick("Гайко Маас", GENDER_MALE, (const char *[]){ "Хайко Маас" }, 1,
	    0, "Г and Х at the start");
	pick("Барака Обама", GENDER_MALE, (const char *[]){ "Барак Обама" },
	    1, 0, "a first name left in the genitive");
	pick("Олег Соколов", GENDER_MALE, two, 2, 1,
	    "the brother with that first name");
	pick("Пётр Соколов", GENDER_MALE, two, 2, -1,
	    "a third first name is a third person");
	pick("Соколов", GENDER_MALE, two, 2, -1,
	    "a bare surname two people share is neither");
	pick("Байден", GENDER_MALE, one, 1, 0,
	    "a bare surname of one person is that person");
	counts = (const unsigned long[]){ 2, 309 };
	pick("Трамп", GENDER_MALE, (const char *[]){ "Эрик Трамп",
	    "Дональд Трамп" }, 2, 1, "a bare surname: the one quoted four "
	    "times as often as the others");
	counts = (const unsigned long[]){ 20, 30 };
	pick("Трамп", GENDER_MALE, (const char *[]){ "Эрик Трамп",
	    "Дональд Трамп" }, 2, -1, "but neither when none is");
	counts = NULL;
	pick("Маас", GENDER_MALE, (const char *[]){ "Ашик Масих",
	    "Хайко Маас" }, 2, 1, "the very surname counts, not another "
	    "under the same key (Масих)");
	pick("Джо Байдена", GENDER_MALE, (const char *[]){ "Джо Байден",
	    "Хантера Байдена" }, 2, 0, "a full name in a case form finds "
	    "its first name, whoever has that form");
	pick("Байдена", GENDER_MALE, one, 1, 0,
	    "a case form, with no record of its spelling, finds the one");
	pick("Джо Байден", GENDER_MALE, bare, 1, 0,
	    "a full name takes over a bare surname");
	pick("Олег Соколов", GENDER_MALE, mixed, 2, -1,
	    "but not when another person has that surname");
	pick("Ермаганбет Булекпаев", GENDER_MALE, init, 1, 0,
	    "a name joins its initial");
	pick("Игорь Петров", GENDER_MALE, fem, 1, -1,
	    "a man is not a woman of the same surname");
	pick("Игорь Соколов", GENDER_MALE, (const char *[]){ "Егор Соколов" },
	    1, -1, "short first names one letter apart stay apart");
	pick("Азия Сапарова", GENDER_FEMALE,
	    (const char *[]){ "Асия Сапарова" }, 1, 0,
	    "a voiced letter for a voiceless one inside a short first name");
	pick("Тина Сапарова", GENDER_FEMALE,
	    (const char *[]){ "Дина Сапарова" }, 1, -1,
	    "but not at its start: Тина is not Дина");
	pick("Алия Сапарова", GENDER_FEMALE,
	    (const char *[]){ "Асия Сапарова" }, 1, -1,
	    "nor two letters of no pair");
	pick("Хакк", GENDER_MALE, (const char *[]){ "Саиф уль-Хакк" }, 1, 0,
	    "a surname without its article is the person with it");
	pick("Мария Соколова", GENDER_FEMALE,
	    (const char *[]){ "Марина Соколова" }, 1, -1,
	    "Мария is not Марина");
	/* A name that tells no gender of its own: the gender a verb gave
	 * it ("премьер Ким заявил") does not keep it apart. */
	genders = (const enum gender[]){ GENDER_FEMALE };
	pick("А. Ким", GENDER_MALE, (const char *[]){ "Айгерим Ким" }, 1, 0,
	    "an initial and an indeclinable surname: the verb's gender "
	    "does not count");
	pick("Ким", GENDER_MALE, (const char *[]){ "Айгерим Ким" }, 1, 0,
	    "nor for a bare indeclinable surname");
	pick("Петров", GENDER_MALE, (const char *[]){ "Анна Петрова" }, 1, -1,
	    "a surname with a man's ending keeps its gender");
	pick("Азия Ким", GENDER_MALE, (const char *[]){ "Асия Ким" }, 1, 0,
	    "nor for a first name the list does not know");
	pick("Асия Ким", GENDER_MALE, (const char *[]){ "Асия Ким" }, 1, -1,
	    "but a known one keeps it");
	genders = (const enum gender[]){ GENDER_MALE };
	pick("Айгерим Ким", GENDER_FEMALE, (const char *[]){ "Ким" }, 1, 0,
	    "a full name takes over such a bare surname of the other gender");
	genders = (const enum gender[]){ GENDER_FEMALE, GENDER_MALE };
	pick("А. Ким", GENDER_MALE,
	    (const char *[]){ "Айгерим Ким", "Алибек Ким" }, 2, 1,
	    "but the one of its gender first");
	genders = NULL;
	{
		struct merge_name	r = { "Ryanair", GENDER_UNKNOWN,
					    SPEAKER_INSTITUTION, 0 };
		struct merge_name	c[2] = {
			{ "Ryanair", GENDER_UNKNOWN, SPEAKER_PERSON, 0 },
			{ "Ryanair", GENDER_UNKNOWN, SPEAKER_INSTITUTION, 0 }
		};
		ok(merge_pick(lx, &r, c, 2) == 1,
		    "a body is never a person of the same name");
	}
	lexicon_free(lx);
	return tap_done();
}
