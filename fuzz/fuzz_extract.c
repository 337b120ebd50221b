/*
 * fuzz_extract.c: libFuzzer target for the extractor (segment.c,
 * quotes.c, speakers.c) with the word lists of data/lexicon.  The input
 * is an article's text; since import hands the extractor only valid UTF-8
 * without NUL bytes, the input is cut at its first invalid byte or NUL.
 *
 * Checked: tokens, sentences and paragraphs are in order and inside the
 * text, on character boundaries; every quote's spans (content, cue,
 * mention) are inside the text, on character boundaries, and the quotes
 * come in text order; names and roles are valid UTF-8, and a speaker is
 * the same person as itself.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "article.h"
#include "fold.h"
#include "fuzz.h"
#include "merge.h"
#include "quotes.h"
#include "segment.h"
#include "util.h"

static void	check_span(const char *, const char *, size_t, size_t, size_t);
static void	check_ranges(const char *, const struct seg_range *, size_t,
		    size_t);
static void	check_segments(const char *, size_t);
static void	check_name(const char *, const char *);
static void	check_quotes(const struct article *,
		    const struct quote_list *, size_t);

int
LLVMFuzzerInitialize(int *argc, char ***argv)
{
	(void)argc;
	(void)argv;
	fuzz_locale_setup();
	fuzz_lexicon();
	return 0;
}

/* [start, end) must lie in s[0..n) on character boundaries. */
static void
check_span(const char *what, const char *s, size_t n, size_t start,
    size_t end)
{
	if (start > end || end > n)
		fuzz_fail("%s span %zu-%zu outside the text (%zu bytes)", what,
		    start, end, n);
	if (!fuzz_char_start(s, n, start) || !fuzz_char_start(s, n, end))
		fuzz_fail("%s span %zu-%zu splits a character", what, start,
		    end);
}

/* Ranges of tokens: each inside [0, ntok], in order, not overlapping. */
static void
check_ranges(const char *what, const struct seg_range *r, size_t n,
    size_t ntok)
{
	size_t	i;

	for (i = 0; i < n; i++) {
		if (r[i].first >= r[i].last || r[i].last > ntok)
			fuzz_fail("%s %zu: tokens %zu-%zu of %zu", what, i,
			    r[i].first, r[i].last, ntok);
		if (i > 0 && r[i].first < r[i - 1].last)
			fuzz_fail("%s %zu starts at token %zu, inside the "
			    "previous one", what, i, r[i].first);
	}
}

static void
check_segments(const char *s, size_t n)
{
	struct segmentation	*sg = segment_text(s, n);
	const struct token	*t;
	const char		*f;
	size_t			 i;

	for (i = 0; i < sg->n; i++) {
		t = &sg->t[i];
		check_span("token", s, n, t->start, t->end);
		if (t->start == t->end)
			fuzz_fail("token %zu is empty", i);
		if (i > 0 && t->start < sg->t[i - 1].end)
			fuzz_fail("token %zu overlaps the one before", i);
		f = segment_fold(sg, i);
		if (strlen(f) != t->flen ||
		    fuzz_utf8_prefix(f, t->flen) != t->flen)
			fuzz_fail("folded token %zu is not valid UTF-8 of "
			    "its length", i);
	}
	check_ranges("sentence", sg->sent, sg->nsent, sg->n);
	check_ranges("paragraph", sg->para, sg->npara, sg->n);
	segment_free(sg);
}

static void
check_name(const char *what, const char *s)
{
	size_t	n;

	if (s == NULL)
		return;
	n = strlen(s);
	if (n == 0 || fuzz_utf8_prefix(s, n) != n)
		fuzz_fail("%s '%s' is empty or not valid UTF-8", what, s);
}

static void
check_quotes(const struct article *a, const struct quote_list *ql,
    size_t added)
{
	const struct quote	*q;
	struct merge_name	 r;
	char			*f;
	size_t			 i;

	if (added != ql->n)
		fuzz_fail("quotes_extract() says %zu quotes, the list has "
		    "%zu", added, ql->n);
	for (i = 0; i < ql->n; i++) {
		q = &ql->q[i];
		check_span("quote", a->text, a->len, q->start, q->end);
		check_span("cue", a->text, a->len, q->cue_start, q->cue_end);
		check_span("mention", a->text, a->len, q->mention_start,
		    q->mention_end);
		if (i > 0 && q->start < ql->q[i - 1].start)
			fuzz_fail("quote %zu starts before quote %zu", i,
			    i - 1);
		if (q->kind != QUOTE_DIRECT && q->kind != QUOTE_INDIRECT)
			fuzz_fail("quote %zu has kind %d", i, (int)q->kind);
		if (q->gender != GENDER_UNKNOWN && q->gender != GENDER_MALE &&
		    q->gender != GENDER_FEMALE)
			fuzz_fail("quote %zu has gender %d", i,
			    (int)q->gender);
		check_name("speaker", q->speaker);
		check_name("role", q->role);
		if (q->speaker == NULL)
			continue;
		f = fold_name(q->speaker);
		r.name = q->speaker;
		r.gender = q->gender;
		r.kind = q->speaker_kind;
		r.nquotes = 0;
		if (*f != '\0' && merge_pick(NULL, &r, &r, 1) != 0)
			fuzz_fail("speaker '%s' is not the same as itself",
			    q->speaker);
		free(merge_key(q->speaker, q->speaker_kind, 1));
		free(f);
	}
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct article		 a;
	struct quote_list	 ql;
	const char		*s = (const char *)data, *nul;
	size_t			 n, added;

	n = fuzz_utf8_prefix(s, size);
	if ((nul = memchr(s, '\0', n)) != NULL)
		n = (size_t)(nul - s);
	memset(&a, 0, sizeof(a));
	a.text = xstrndup(s, n);
	a.len = n;

	check_segments(a.text, a.len);
	quote_list_init(&ql);
	added = quotes_extract(fuzz_lexicon(), &a, &ql);
	check_quotes(&a, &ql, added);
	quote_list_free(&ql);
	free(a.text);
	return 0;
}
