/*
 * abbrev.c: abbreviations and initials before a point.
 */
#include "config.h"

#include "abbrev.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <unictype.h>
#include <unistr.h>

#include "fold.h"

static int	abbrev_dotted(const char *, size_t);

/*
 * Folded.  г, гг (год, годы; город), в, вв (век), н. э., т. е., т. д.,
 * т. п., с (село, страница), р (река, рубль), р-н (район), д (дом), ст
 * (статья, станция), пр (проспект, прочие), св (святой, свыше).
 */
static const char *const abbrev_words[] = {
	"акад", "в", "вв", "вкл", "г", "ген", "гг", "д", "долл", "др", "е",
	"зам", "им", "корп", "мин", "млн", "млрд", "н", "напр", "обл", "п",
	"пос", "пр", "прим", "проф", "р", "р-н", "рис", "руб", "с", "св",
	"см", "ст", "стр", "т", "тел", "тыс", "ул", "э"
};

/* Is w[0..len) one or more lower-case letters, each alone, joined by
 * points ("т.е", "и.о", "н.э")? */
static int
abbrev_dotted(const char *w, size_t len)
{
	const uint8_t	*p = (const uint8_t *)w;
	size_t		 off = 0;
	ucs4_t		 c;
	int		 n, letters = 0;

	while (off < len) {
		n = u8_mbtouc(&c, p + off, len - off);
		if (n <= 0 || !uc_is_alpha(c) || uc_is_upper(c))
			return 0;
		off += (size_t)n;
		letters++;
		if (off == len)
			break;
		if (w[off] != '.' || off + 1 == len)
			return 0;
		off++;
	}
	return letters >= 2;
}

enum abbrev_kind
abbrev_before_point(const char *w, size_t len)
{
	char		*f;
	ucs4_t		 c;
	size_t		 flen, i;
	int		 n, found = 0;

	if (len == 0 || len > 32)
		return ABBREV_NONE;
	f = fold_string(w, len);
	flen = strlen(f);
	n = u8_mbtouc(&c, (const uint8_t *)w, len);
	if (n > 0 && uc_is_upper(c) && (size_t)u8_mblen((const uint8_t *)f,
	    flen) == flen) {
		free(f);
		return ABBREV_INITIAL;
	}
	for (i = 0; !found && i < sizeof(abbrev_words) /
	    sizeof(abbrev_words[0]); i++)
		found = strcmp(f, abbrev_words[i]) == 0;
	free(f);
	if (found || abbrev_dotted(w, len))
		return ABBREV_WORD;
	return ABBREV_NONE;
}
