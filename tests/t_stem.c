/*
 * t_stem.c: the words the search index sees: folding, stemming, spans.
 */
#include "config.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unictype.h>
#include <unistr.h>

#include "stem.h"
#include "util.h"

#include "tap.h"

static int
collect(void *ctx, const char *tok, size_t len, size_t start, size_t end)
{
	struct buf	*b = ctx;

	buf_printf(b, "%.*s@%zu-%zu ", (int)len, tok, start, end);
	return 0;
}

/* Whether a and b stem to the same term. */
static int
same(struct stemmer *st, const char *a, const char *b)
{
	char	*x = stem_word(st, a), *y = stem_word(st, b);
	int	 r = strcmp(x, y) == 0;

	if (!r)
		tap_diag("%s -> %s, %s -> %s", a, x, b, y);
	free(x);
	free(y);
	return r;
}

/*
 * Every mark from U+0300 to U+052F (the stemmer's own test of these
 * blocks stands in for libunistring's) folds away inside a word, and
 * no other character of them does.
 */
static void
marks_fold(struct stemmer *st)
{
	char		 w[16], *x, *y = stem_word(st, "дама");
	uint8_t		 enc[4];
	ucs4_t		 c;
	int		 k, bad = 0, mark, gone;

	for (c = 0x0300; c <= 0x052f; c++) {
		k = u8_uctomb(enc, c, sizeof(enc));
		snprintf(w, sizeof(w), "да%.*sма", k, (char *)enc);
		x = stem_word(st, w);
		mark = uc_is_general_category(c, UC_CATEGORY_M);
		gone = strcmp(x, y) == 0;
		if (mark != gone && bad++ < 5)
			tap_diag("U+%04X: mark %d, folds away %d", (unsigned)c,
			    mark, gone);
		free(x);
	}
	free(y);
	ok(bad == 0, "the marks of U+0300..U+052F fold away, and only they");
}

int
main(void)
{
	struct stemmer	*st = stem_new();
	struct buf	 b;
	char		*w;

	ok(same(st, "Конституция", "конституцию"), "конституция ~ конституцию");
	ok(same(st, "Конституции", "конституцией"), "конституции ~ конституцией");
	ok(same(st, "регион", "регионов") && same(st, "регион", "регионе"),
	    "регион ~ регионов ~ регионе");
	ok(same(st, "молодёжь", "МОЛОДЕЖИ"), "ё and case fold: молодёжь ~ МОЛОДЕЖИ");
	ok(same(st, "Булекпаев", "Булекпаева"), "surname -ев ~ -ева");
	ok(same(st, "Тулегенова", "Тулегеновой"), "surname -ова ~ -овой");
	ok(same(st, "Өскемен", "Өскемене"), "Kazakh place name and its locative");
	ok(!same(st, "мост", "мэр"), "different words stay different");
	ok(same(st, "elections", "election"), "English words get the English stemmer");
	ok(same(st, "зна́чит", "значит"), "a stress mark folds away");
	marks_fold(st);

	buf_init(&b);
	buf_adds(&b, "");
	w = xstrdup("«Қазақстан» 2026 COVID-19, т.е.");
	stem_tokenize(st, w, strlen(w), 0, collect, &b);
	free(w);
	is(b.data, "қазақст@2-20 2026@23-27 covid@28-33 19@34-36 т@38-40 "
	    "е@41-43 ", "Kazakh letters, numbers, hyphens and spans");
	buf_reset(&b);
	stem_tokenize(st, "a\xff" "b", 3, 0, collect, &b);
	is(b.data, "a@0-1 b@2-3 ", "an invalid byte separates words");
	buf_reset(&b);
	w = xstrdup("«Қазақстан» 2026 COVID-19, т.е.");
	stem_tokenize(st, w, strlen(w), 1, collect, &b);
	free(w);
	is(b.data, "Қазақстан@2-20 2026@23-27 COVID@28-33 19@34-36 т@38-40 "
	    "е@41-43 ", "spans only: the same words, as written");
	buf_free(&b);
	w = stem_word(st, " — ");
	is(w, "", "no word in punctuation");
	free(w);
	stem_free(st);
	return tap_done();
}
