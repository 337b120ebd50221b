/*
 * t_abbrev.c: the one list of abbreviations and the initials before a
 * point (abbrev.c).
 */
#include "config.h"

#include <string.h>

#include "abbrev.h"

#include "tap.h"

static enum abbrev_kind
kind(const char *w)
{
	return abbrev_before_point(w, strlen(w));
}

int
main(void)
{
	static const char *const words[] = {
		"г", "гг", "в", "вв", "т", "е", "д", "п", "н", "э", "с", "р",
		"р-н", "ул", "им", "пр", "ст", "св", "обл", "пос", "корп",
		"стр", "см", "рис", "тел", "вкл", "зам", "ген", "мин", "проф",
		"акад", "напр", "прим", "тыс", "млн", "млрд", "руб", "долл",
		"др"
	};
	static const char *const not[] = {
		"шт", "город", "я", "к", "ул-", "гг.", "млн5", "Москва", "",
		"-", "т.", ".т", "т..е", "ab"
	};
	size_t	i;
	int	all;

	for (i = 0, all = 1; i < sizeof(words) / sizeof(words[0]); i++)
		if (kind(words[i]) != ABBREV_WORD) {
			tap_diag("%s is no abbreviation", words[i]);
			all = 0;
		}
	ok(all, "the %zu abbreviations of segment.c and import.c",
	    sizeof(words) / sizeof(words[0]));
	for (i = 0, all = 1; i < sizeof(not) / sizeof(not[0]); i++)
		if (kind(not[i]) != ABBREV_NONE) {
			tap_diag("'%s' is taken for one", not[i]);
			all = 0;
		}
	ok(all, "other words are none");
	ok(kind("Ул") == ABBREV_WORD && kind("ГГ") == ABBREV_WORD &&
	    kind("Млн") == ABBREV_WORD, "any case");
	ok(kind("у\xcc\x81л") == ABBREV_WORD && kind("у\xc2\xadл") ==
	    ABBREV_WORD, "stress marks and soft hyphens fold away");
	ok(kind("А") == ABBREV_INITIAL && kind("Ә") == ABBREV_INITIAL &&
	    kind("Ё") == ABBREV_INITIAL && kind("J") == ABBREV_INITIAL &&
	    kind("Ө") == ABBREV_INITIAL && kind("É") == ABBREV_INITIAL,
	    "one capital letter, any alphabet, is an initial");
	ok(kind("Г") == ABBREV_INITIAL, "a capital abbreviation of one "
	    "letter is an initial");
	ok(kind("5") == ABBREV_NONE && kind("«") == ABBREV_NONE &&
	    kind("AB") == ABBREV_NONE, "a digit, a mark, two capitals: none");
	ok(kind("т.е") == ABBREV_WORD && kind("т.д") == ABBREV_WORD &&
	    kind("и.о") == ABBREV_WORD && kind("н.э") == ABBREV_WORD,
	    "lower-case letters joined by points: т.е, т.д, и.о, н.э");
	ok(kind("U.S.A") == ABBREV_NONE && kind("т.ед") == ABBREV_NONE &&
	    kind("kazinform.kz") == ABBREV_NONE, "but not capitals, longer "
	    "words or domains");
	ok(abbrev_before_point("улица", 4) == ABBREV_WORD,
	    "only len bytes are read");
	return tap_done();
}
