/*
 * segment.c: paragraphs, sentences and tokens for the extractor.
 * Character classes come from libunistring, case folding from fold.c;
 * ASCII and Cyrillic take a fast path because they are nearly all the
 * text.
 * No I/O.
 */
#include "config.h"

#include "segment.h"

#include <stdlib.h>
#include <string.h>
#include <unictype.h>
#include <unistr.h>

#include "abbrev.h"
#include "fold.h"
#include "quotemark.h"
#include "util.h"

static uint32_t	seg_decode(const char *, size_t, size_t, int *);
static int	seg_is_space(uint32_t);
static int	seg_is_word(uint32_t);
static int	seg_is_mark(uint32_t);
static void	seg_add_fold(struct segmentation *, struct token *,
		    const char *);
static void	seg_sentences(struct segmentation *, const char *);
static int	seg_measure_end(const struct segmentation *, size_t,
		    const struct token *);
static int	seg_is_abbrev(const struct segmentation *, const char *,
		    size_t);
static int	seg_joins(uint32_t, uint32_t, uint32_t);
static int	seg_opens_only(uint32_t);
static int	seg_closes_curly(uint32_t);
static int	seg_opener(const struct segmentation *, const struct token *);
static int	seg_glued_start(const struct segmentation *, size_t);
static int	seg_never_name(const struct segmentation *,
		    const struct token *);
static unsigned char *seg_lone_marks(const struct segmentation *);
static int	seg_wrapped(const struct segmentation *, uint32_t, int, int,
		    int);
static size_t	seg_chars(const char *, size_t);
static size_t	seg_wrap_width(const char *, size_t);
static int	seg_function_word(const struct segmentation *,
		    const struct token *);
static int	seg_has_blank_line(const char *, size_t);
static int	seg_runs_on(const struct token *, uint32_t, int);
static int	seg_is_lower(uint32_t);
static int	seg_glued_end(const struct segmentation *, const char *,
		    size_t);

/* Decodes the character at s[off], never reading past len: ASCII and
 * two-byte characters (Cyrillic, Latin-1) inline, the rest through
 * libunistring. */
static uint32_t
seg_decode_slow(const char *s, size_t len, size_t off, int *n)
{
	ucs4_t	uc;
	int	k;

	k = u8_mbtouc(&uc, (const uint8_t *)s + off, len - off);
	*n = k > 0 ? k : 1;
	return uc;
}

static inline uint32_t
seg_decode(const char *s, size_t len, size_t off, int *n)
{
	const unsigned char	*u = (const unsigned char *)s + off;

	if (u[0] < 0x80) {
		*n = 1;
		return u[0];
	}
	if (u[0] >= 0xc2 && u[0] <= 0xdf && off + 1 < len &&
	    (u[1] & 0xc0) == 0x80) {
		*n = 2;
		return ((uint32_t)(u[0] & 0x1f) << 6) | (u[1] & 0x3f);
	}
	return seg_decode_slow(s, len, off, n);
}

static int
seg_is_space(uint32_t c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r' ||
	    c == 0xa0 || c == 0x2009 || c == 0x202f || c == 0x200b ||
	    c == 0x2002 || c == 0x2003 || c == 0xfeff || c == 0x200e ||
	    c == 0x200f;
}

/* Combining marks and invisible characters that belong to a word. */
static int
seg_is_mark(uint32_t c)
{
	if (c >= 0x300 && c <= 0x36f)
		return 1;
	return c == 0xad;
}

static int
seg_is_word(uint32_t c)
{
	if (c < 0x80)
		return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
		    (c >= '0' && c <= '9');
	if (c >= 0x400 && c <= 0x4ff)
		return c != 0x482 && !(c >= 0x483 && c <= 0x489);
	if (seg_is_mark(c))
		return 1;
	return uc_is_alpha(c) || uc_is_digit(c);
}

int
segment_is_letter(uint32_t c)
{
	if (c < 0x80)
		return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
	if (c >= 0x400 && c <= 0x4ff)
		return 1;
	return uc_is_alpha(c);
}

int
segment_is_upper(uint32_t c)
{
	if (c < 0x80)
		return c >= 'A' && c <= 'Z';
	if (c >= 0x410 && c <= 0x42f)
		return 1;
	if (c >= 0x430 && c <= 0x45f)
		return 0;
	return uc_is_upper(c);
}

int
segment_is_dash(uint32_t c)
{
	return c == '-' || c == 0x2013 || c == 0x2014 || c == 0x2012 ||
	    c == 0x2015 || c == 0x2212;
}

/* Does c open a quotation and never close one: « „ ‟? */
static int
seg_opens_only(uint32_t c)
{
	return quotemark_opens(c) && !quotemark_closes(c);
}

/* Does c close a quotation, other than the straight ": » “ ”? */
static int
seg_closes_curly(uint32_t c)
{
	return quotemark_closes(c) && c != '"';
}

/*
 * Does the “ at token i open a quotation, English-style (“Так”), rather
 * than close a „ (German-style „Так“)?  It opens when it is glued to a
 * word or a mark after it and stands after a space, at the text's start
 * or after punctuation that is no sentence end, comma or closing mark
 * („Так.“, — closes; сказал:“Так” opens).
 */
int
segment_curly_opens(const struct segmentation *sg, size_t i)
{
	const struct token	*t = &sg->t[i], *nx, *pv;

	if (t->type != SEG_PUNCT || t->uc != 0x201c || i + 1 >= sg->n)
		return 0;
	nx = &sg->t[i + 1];
	if ((nx->flags & SEG_SPACE) || (nx->type != SEG_WORD &&
	    !quotemark_opens(nx->uc)))
		return 0;
	if (i == 0 || (t->flags & (SEG_SPACE | SEG_PARA)))
		return 1;
	pv = &sg->t[i - 1];
	return pv->type == SEG_PUNCT && pv->uc != '.' && pv->uc != ',' &&
	    pv->uc != '!' && pv->uc != '?' && pv->uc != 0x2026 &&
	    pv->uc != ';' && !quotemark_closes(pv->uc);
}

int
segment_starts_upper(const char *s)
{
	int	n;

	if (*s == '\0')
		return 0;
	return segment_is_upper(seg_decode(s, strlen(s), 0, &n));
}

size_t
segment_fold_string(const char *s, size_t len, char **out)
{
	struct buf	b;
	size_t		n;

	buf_init(&b);
	fold_add(&b, s, len);
	free(*out);
	n = b.len;
	*out = buf_steal(&b);
	return n;
}

/* Appends the folded form of text[t->start..t->end) to the fold buffer. */
static void
seg_add_fold(struct segmentation *sg, struct token *t, const char *text)
{
	t->fold = sg->fold.len;
	fold_add(&sg->fold, text + t->start, t->end - t->start);
	t->flen = sg->fold.len - t->fold;
	buf_addc(&sg->fold, '\0');
}

const char *
segment_fold(const struct segmentation *sg, size_t i)
{
	return sg->fold.data + sg->t[i].fold;
}

/* Is token i of text an abbreviation or an initial, so that a period
 * after it does not end a sentence? */
static int
seg_is_abbrev(const struct segmentation *sg, const char *text, size_t i)
{
	const struct token	*t = &sg->t[i];

	return t->type == SEG_WORD && abbrev_before_point(text + t->start,
	    t->end - t->start) != ABBREV_NONE;
}

/* Is word token t, folded, one that opens sentences ("в", "однако",
 * "он"): one that is never part of a name, or one that may be after a
 * capitalised word ("Ли На", "Эдгар По")? */
static int
seg_opener(const struct segmentation *sg, const struct token *t)
{
	static const char *const opener[] = {
		"на", "по", "при", "об", "из", "со", "от", "до", "за", "как",
		"но", "это", "этот", "эта", "эти", "он", "она", "они", "мы",
		"его", "ее", "их", "там", "так", NULL
	};

	return seg_never_name(sg, t) || str_in(sg->fold.data + t->fold,
	    opener);
}

/*
 * Does token i start a sentence glued to the text before it, with no
 * point between: a capitalised word that opens sentences and is never a
 * name ("Ранее", "Однако", "В"), after a word in lower case, a number or
 * a closing quotation mark, or after a capitalised word one that is
 * never part of a name either (seg_never_name())?  Crawls drop a
 * headline's line break and the text of a link ("... России В Афинах
 * заявили", "July 19, 2018 Ранее сообщалось").  One letter followed by a
 * point is an initial.
 */
static int
seg_glued_start(const struct segmentation *sg, size_t i)
{
	const struct token	*t = &sg->t[i], *pv;

	if (i == 0 || t->type != SEG_WORD || !(t->flags & SEG_CAP) ||
	    (t->flags & SEG_ALLCAPS) || !(t->flags & SEG_SPACE) ||
	    t->flen > 20)
		return 0;
	pv = &sg->t[i - 1];
	if (pv->type != SEG_WORD && !seg_closes_curly(pv->uc) &&
	    pv->uc != '"')
		return 0;
	if (i + 1 < sg->n && sg->t[i + 1].type == SEG_PUNCT &&
	    sg->t[i + 1].uc == '.')
		return 0;
	if (pv->type == SEG_WORD && (pv->flags & (SEG_CAP | SEG_ALLCAPS)))
		return seg_never_name(sg, t);
	return seg_opener(sg, t);
}

/* Is word token t, folded, one that opens sentences and is never part
 * of a name, even after a capitalised word ("... Казахстана В Астане",
 * but "Эдгар По", "Ли На")? */
static int
seg_never_name(const struct segmentation *sg, const struct token *t)
{
	static const char *const word[] = {
		"в", "во", "для", "после", "перед", "однако", "ранее",
		"напомним", "кроме", "также", "тогда", "теперь", "сейчас",
		"позже", "впрочем", "причем", "поэтому", "кстати", "если",
		"когда", "хотя", "согласно", "накануне", "вчера", "сегодня",
		"между", "несмотря", "сообщается", "известно", NULL
	};
	return str_in(sg->fold.data + t->fold, word);
}

/*
 * Does the point after the abbreviation at token i end the sentence: a
 * measure or a year ("15 млрд.", "в 2014 г.", "и др.") before a word
 * that opens sentences ("По закону", "В")?  Not before a name ("г.
 * Москва").
 */
static int
seg_measure_end(const struct segmentation *sg, size_t i,
    const struct token *nx)
{
	static const char *const measure[] = { "млн", "млрд", "тыс", "руб",
	    "долл", "г", "гг", "др", NULL };

	return sg->t[i].type == SEG_WORD && !(sg->t[i].flags & SEG_CAP) &&
	    str_in(sg->fold.data + sg->t[i].fold, measure) &&
	    nx->type == SEG_WORD && (nx->flags & SEG_CAP) && seg_opener(sg, nx);
}

/*
 * Does the point (or ! ? …) at token i end a sentence although no space
 * follows it?  Crawls lose the space or the line break after a sentence
 * ("ушёл.Затем", "заявил он.По словам"): a word in lower case of three
 * letters or more before it, no abbreviation, and a capitalised word
 * that is not Latin after it ("kazinform.kz" and "т.Мэй" stay); or a
 * word of two letters or more, a bracket or a closing quotation mark
 * before it and a word that opens sentences after it ("в Астане.Сейчас",
 * "ЕС.В", "(Brexit).В", not "Яндекс.Такси" nor the initials "А.В").
 */
static int
seg_glued_end(const struct segmentation *sg, const char *text, size_t i)
{
	const struct token	*t = &sg->t[i], *pv, *nx;

	if (i == 0 || i + 1 >= sg->n || (t->uc != '.' && t->uc != '!' &&
	    t->uc != '?' && t->uc != 0x2026))
		return 0;
	pv = &sg->t[i - 1];
	nx = &sg->t[i + 1];
	if (pv->type == SEG_PUNCT)
		return (pv->uc == ')' || quotemark_closes(pv->uc)) &&
		    nx->type == SEG_WORD && (nx->flags & SEG_CAP) &&
		    !(nx->flags & SEG_LATIN) && seg_opener(sg, nx);
	if (pv->type != SEG_WORD || (pv->flags & (SEG_DIGIT | SEG_LATIN)) ||
	    pv->end - pv->start < 4 || nx->type != SEG_WORD ||
	    !(nx->flags & SEG_CAP) || (nx->flags & SEG_LATIN) ||
	    seg_is_abbrev(sg, text, i - 1))
		return 0;
	if (!(pv->flags & (SEG_CAP | SEG_ALLCAPS)) && pv->end - pv->start >= 6)
		return 1;
	return seg_opener(sg, nx);
}

/*
 * Which opening quotation marks does the sentence splitter pass over?
 * Returns an array of sg->n flags, which the caller frees: 1 for a mark
 * that nothing closes in its paragraph (a stray « or ", a quote whose
 * closing mark the crawl lost), which would otherwise hide every
 * sentence end to the paragraph's end; 1 too for a mark that opens the
 * next paragraph of a quotation still open, run into this one by the
 * crawl: the same mark after a sentence's end («Q1. «Q2», — сказал X),
 * which continues the quotation rather than nesting in it.
 */
static unsigned char *
seg_lone_marks(const struct segmentation *sg)
{
	unsigned char	*lone = xcalloc(sg->n + 1, 1);
	size_t		*stack = NULL, depth = 0, cap = 0, i, sidx = 0;
	int		 straight = 0;

	for (i = 0; i <= sg->n; i++) {
		const struct token	*t = i < sg->n ? &sg->t[i] : NULL;

		if (t == NULL || (t->flags & SEG_PARA)) {
			while (depth > 0)
				lone[stack[--depth]] = 1;
			if (straight)
				lone[sidx] = 1;
			straight = 0;
			if (t == NULL)
				break;
		}
		if (t->type != SEG_PUNCT)
			continue;
		if (seg_opens_only(t->uc) || segment_curly_opens(sg, i)) {
			const struct token	*pv = i > 0 ? &sg->t[i - 1] :
			    NULL;

			if (depth > 0 && sg->t[stack[depth - 1]].uc == t->uc &&
			    pv != NULL && pv->type == SEG_PUNCT &&
			    (pv->uc == '.' || pv->uc == '!' || pv->uc == '?' ||
			    pv->uc == 0x2026) && (t->flags & SEG_SPACE)) {
				lone[i] = 1;	/* the quotation goes on */
				continue;
			}
			if (depth == cap) {
				cap = cap * 2 + 8;
				stack = xreallocarray(stack, cap,
				    sizeof(*stack));
			}
			stack[depth++] = i;
		} else if (seg_closes_curly(t->uc) && depth > 0)
			depth--;
		else if (t->uc == '"') {
			straight = !straight;
			sidx = i;
		}
	}
	free(stack);
	return lone;
}

/*
 * Sentences end at . ! ? … when the next token starts a paragraph or is a
 * capitalised word, a digit, a dash or an opening quotation mark, and the
 * period does not follow an initial or an abbreviation.  Nothing inside
 * «» ends a sentence, so a quotation stays whole.
 */
static void
seg_sentences(struct segmentation *sg, const char *text)
{
	size_t		i, first = 0, cap = 0;
	int		depth = 0, straight = 0;
	unsigned int	sno = 0;
	unsigned char	*lone = seg_lone_marks(sg);

	sg->nsent = 0;
	for (i = 0; i < sg->n; i++) {
		struct token	*t = &sg->t[i];
		int		 end = 0;

		if (t->type == SEG_PUNCT && t->uc == '.' && i > 0 &&
		    !(t->flags & (SEG_SPACE | SEG_PARA)) &&
		    seg_is_abbrev(sg, text, i - 1))
			t->flags |= SEG_NOEND;
		if ((t->flags & SEG_PARA) && i > first) {
			end = 2;
		} else if (depth == 0 && !straight && i > first &&
		    seg_glued_start(sg, i)) {
			end = 2;
			t->flags |= SEG_GLUED;
		} else if (t->type == SEG_PUNCT && !lone[i]) {
			if (seg_opens_only(t->uc) || segment_curly_opens(sg, i))
				depth++;
			else if (seg_closes_curly(t->uc) && depth > 0)
				depth--;
			else if (t->uc == '"')
				straight = !straight;
		}
		if (end == 0 && t->type == SEG_PUNCT && depth == 0 &&
		    !straight && i + 1 < sg->n &&
		    (t->uc == '.' || t->uc == '!' || t->uc == '?' ||
		    t->uc == 0x2026 || quotemark_closes(t->uc))) {
			const struct token	*nx = &sg->t[i + 1];
			const struct token	*pv = i > 0 ? &sg->t[i - 1] :
			    NULL;
			int			 ok = 0;

			if (nx->flags & SEG_PARA)
				ok = 0;	/* the paragraph ends it anyway */
			else if (nx->type == SEG_WORD &&
			    (nx->flags & (SEG_CAP | SEG_DIGIT)))
				ok = 1;
			else if (nx->type == SEG_PUNCT &&
			    (segment_is_dash(nx->uc) ||
			    quotemark_opens(nx->uc)))
				ok = 1;
			if (!(nx->flags & SEG_SPACE) && !seg_glued_end(sg, text, i))
				ok = 0;
			if (ok && t->uc == '.' && pv != NULL &&
			    seg_is_abbrev(sg, text, i - 1) &&
			    !seg_measure_end(sg, i - 1, nx))
				ok = 0;
			if (ok && quotemark_closes(t->uc) &&
			    (pv == NULL || pv->type != SEG_PUNCT ||
			    (pv->uc != '.' && pv->uc != '!' &&
			    pv->uc != '?' && pv->uc != 0x2026)))
				ok = 0;
			if (ok)
				end = 1;
		}
		if (end == 2) {
			/* Close the sentence before this token. */
			if (sg->nsent == cap) {
				cap = cap * 2 + 16;
				sg->sent = xreallocarray(sg->sent, cap,
				    sizeof(*sg->sent));
			}
			sg->sent[sg->nsent].first = first;
			sg->sent[sg->nsent++].last = i;
			first = i;
			sno++;
			depth = straight = 0;
			if (t->type == SEG_PUNCT && !lone[i] &&
			    (seg_opens_only(t->uc) || segment_curly_opens(sg, i)))
				depth = 1;
			else if (t->type == SEG_PUNCT && !lone[i] && t->uc == '"')
				straight = 1;
		}
		t->sent = sno;
		if (end == 1) {
			if (sg->nsent == cap) {
				cap = cap * 2 + 16;
				sg->sent = xreallocarray(sg->sent, cap,
				    sizeof(*sg->sent));
			}
			sg->sent[sg->nsent].first = first;
			sg->sent[sg->nsent++].last = i + 1;
			first = i + 1;
			sno++;
		}
	}
	if (first < sg->n) {
		if (sg->nsent == cap) {
			cap = cap * 2 + 16;
			sg->sent = xreallocarray(sg->sent, cap,
			    sizeof(*sg->sent));
		}
		sg->sent[sg->nsent].first = first;
		sg->sent[sg->nsent++].last = sg->n;
	}
	free(lone);
}

/*
 * Does mark d between characters prev and e of a word join them into one
 * token?  A hyphen or an apostrophe joins any word characters
 * ("Кот-д’Ивуар", "O'Brien"); a comma joins digits ("12,5"); a point
 * joins digits ("3.5"), Latin letters ("kazinform.kz", "U.S.A"), a
 * Latin letter to a lower-case one, and a letter of another script to
 * a lower-case letter that is not Latin ("т.е", "и.о", "к.м.н").  prev
 * is the character before d, not the byte before it.
 */
static int
seg_joins(uint32_t prev, uint32_t d, uint32_t e)
{
	int	digits = prev >= '0' && prev <= '9' && e >= '0' && e <= '9';

	if (!seg_is_word(e) || seg_is_mark(e))
		return 0;
	switch (d) {
	case '-':
	case 0x2011:		/* non-breaking hyphen */
	case '\'':
	case 0x2019:		/* ’ as an apostrophe */
		return 1;
	case ',':
		return digits;
	case '.':
		if (digits)
			return 1;
		if (!segment_is_letter(prev) || !segment_is_letter(e))
			return 0;
		if (prev < 0x80)
			return e < 0x80 || !segment_is_upper(e);
		/* Not into Latin: "Страна.ua" is the outlet's name with
		 * its domain, "Богачев.nnПо" a crawler's lost break. */
		return e >= 0x80 && !segment_is_upper(e);
	default:
		return 0;
	}
}

/*
 * Does a single line break between token pv and the character c after
 * it only wrap a line inside a paragraph?  Paragraphs are separated by
 * blank lines, and a line break inside one is kept (import.h); but
 * some sources give a paragraph a line each.  So a single break is a
 * paragraph's end unless the text plainly runs on across it: after a
 * comma, a semicolon or an opening bracket, or from a word to a word in
 * lower case or a number ("заявил, что\nпроект").
 */
static int
seg_wrapped(const struct segmentation *sg, uint32_t c, int blank, int wraps,
    int full)
{
	const struct token	*pv = &sg->t[sg->n - 1];

	if (pv->type == SEG_PUNCT && (pv->uc == ',' || pv->uc == ';' ||
	    pv->uc == '('))
		return 1;
	if ((segment_is_letter(c) && !segment_is_upper(c)) ||
	    (c >= '0' && c <= '9')) {
		if (pv->type == SEG_WORD)
			return 1;
		/* "промышленно-\nаграрный": a word broken at its
		 * hyphen, where blank lines part the paragraphs. */
		return blank && pv->uc == '-' && !(pv->flags & SEG_SPACE) &&
		    sg->n >= 2 && sg->t[sg->n - 2].type == SEG_WORD;
	}
	if (!blank || segment_is_dash(c))
		return 0;
	/* Where blank lines part the paragraphs, a line runs on into a
	 * capital or a bracket from a preposition or a conjunction ("в\n
	 * Аксу"), a bracket after a word ("Ларионова\n(известный"), any
	 * line but the first of a paragraph already wrapped (wraps: the
	 * line breaks it ran on across), a first line about as long as the
	 * text's wrapped lines (full), and a line that ends a sentence into
	 * anything; not into a line of dialogue, nor from a shorter first
	 * line of a paragraph with no point (a headline). */
	if (pv->type == SEG_WORD)
		return seg_function_word(sg, pv) || c == '(' || wraps > 0 ||
		    full;
	return pv->uc == '.' || pv->uc == '!' || pv->uc == '?' ||
	    pv->uc == 0x2026 || pv->uc == ':' || quotemark_closes(pv->uc);
}

/* Is word token t a preposition or a conjunction in lower case, which
 * ends no headline? */
static int
seg_function_word(const struct segmentation *sg, const struct token *t)
{
	static const char *const fw[] = {
		"в", "во", "на", "и", "а", "но", "с", "со", "к", "ко", "о",
		"об", "от", "до", "за", "из", "по", "для", "при", "у", "без",
		"над", "под", "про", "через", "или", "как", "что", "между",
		"перед", "после", "также", NULL
	};
	const char	*f;

	if (t->flags & (SEG_CAP | SEG_ALLCAPS | SEG_DIGIT | SEG_LATIN))
		return 0;
	f = sg->fold.data + t->fold;
	return str_in(f, fw);
}

/* Does the text plainly run on from token pv to the character c after
 * it, even across a blank line: after a comma, a semicolon or a dash
 * ("«Q», —" and then "заявил X."), or into a comma or a word in lower
 * case from anything but a sentence's end or a colon ("X говорил" and
 * then ", что ...")?  No paragraph ends so; the crawl broke it.  But
 * not into lower case where the paragraph began so or ran on so already
 * (low): that is a list of items in lower case. */
static int
seg_runs_on(const struct token *pv, uint32_t c, int low)
{
	if (pv->type == SEG_PUNCT && (pv->uc == ',' || pv->uc == ';' ||
	    segment_is_dash(pv->uc)))
		return 1;
	if (c != ',' && (low || !seg_is_lower(c)))
		return 0;
	return pv->type != SEG_PUNCT || !(pv->uc == '.' || pv->uc == '!' ||
	    pv->uc == '?' || pv->uc == 0x2026 || pv->uc == ':');
}

/* Is c a letter in lower case? */
static int
seg_is_lower(uint32_t c)
{
	return segment_is_letter(c) && !segment_is_upper(c);
}

/* The number of characters in s[0..len), which is UTF-8. */
static size_t
seg_chars(const char *s, size_t len)
{
	size_t	i, n = 0;

	for (i = 0; i < len; i++)
		if (((unsigned char)s[i] & 0xc0) != 0x80)
			n++;
	return n;
}

/* The longest line of text[0..len), in characters, that a single line
 * break ends (the next line is not blank): the width text wrapped at a
 * fixed width was wrapped at. */
static size_t
seg_wrap_width(const char *text, size_t len)
{
	const char	*p = text, *end = text + len, *nl, *q;
	size_t		 w = 0, n;

	while ((nl = memchr(p, '\n', (size_t)(end - p))) != NULL) {
		for (q = nl + 1; q < end && (*q == ' ' || *q == '\t' ||
		    *q == '\r'); q++)
			;
		if (q < end && *q != '\n' &&
		    (n = seg_chars(p, (size_t)(nl - p))) > w)
			w = n;
		p = nl + 1;
	}
	return w;
}

/* Does text[0..len) part paragraphs with blank lines? */
static int
seg_has_blank_line(const char *text, size_t len)
{
	const char	*p = text, *end = text + len;

	while ((p = memchr(p, '\n', (size_t)(end - p))) != NULL) {
		for (p++; p < end && (*p == ' ' || *p == '\t' || *p == '\r');
		    p++)
			;
		if (p < end && *p == '\n')
			return 1;
	}
	return 0;
}

struct segmentation *
segment_text(const char *text, size_t len)
{
	struct segmentation	*sg;
	size_t			 off = 0, cap = 0, pcap = 0;
	int			 space = 1, para = 1, n, nl = 0, blank;
	int			 wraps = 0, full = 0, low = 0;
	size_t			 width, line = 0;
	unsigned int		 pno = 0;

	blank = seg_has_blank_line(text, len);
	width = blank ? seg_wrap_width(text, len) : 0;
	sg = xcalloc(1, sizeof(*sg));
	buf_init(&sg->fold);
	while (off < len) {
		uint32_t	 c = seg_decode(text, len, off, &n);
		struct token	*t;

		if (seg_is_space(c)) {
			if (c == '\n') {
				/* Is the line this ends a full one? */
				if (nl == 0)
					full = width >= 40 && seg_chars(text +
					    line, off - line) + 20 >= width;
				nl++;
				line = off + n;
			}
			space = 1;
			off += n;
			continue;
		}
		if (sg->n > 0 && nl == 1 &&
		    seg_wrapped(sg, c, blank, wraps, full))
			wraps++;
		else if (sg->n > 0 && nl >= 1 && (nl == 1 ||
		    !seg_runs_on(&sg->t[sg->n - 1], c, low))) {
			para = 1;
			pno++;
			wraps = 0;
			low = seg_is_lower(c);
		} else if (nl >= 2 && seg_is_lower(c))
			low = 1;
		nl = 0;
		if (sg->n == cap) {
			cap = cap * 2 + 256;
			sg->t = xreallocarray(sg->t, cap, sizeof(*sg->t));
		}
		t = &sg->t[sg->n];
		memset(t, 0, sizeof(*t));
		t->start = off;
		t->uc = c;
		t->para = pno;
		if (space)
			t->flags |= SEG_SPACE;
		if (para) {
			t->flags |= SEG_PARA;
			if (sg->npara == pcap) {
				pcap = pcap * 2 + 16;
				sg->para = xreallocarray(sg->para, pcap,
				    sizeof(*sg->para));
			}
			if (sg->npara > 0)
				sg->para[sg->npara - 1].last = sg->n;
			sg->para[sg->npara].first = sg->n;
			sg->para[sg->npara++].last = sg->n + 1;
		}
		space = para = 0;
		if (seg_is_word(c) && !seg_is_mark(c)) {
			int		upper = 0, lower = 0, latin = 0;
			size_t		p = off;
			uint32_t	prev = c;

			t->type = SEG_WORD;
			if (c < 0x80 && c >= '0' && c <= '9')
				t->flags |= SEG_DIGIT;
			else if (segment_is_upper(c))
				t->flags |= SEG_CAP;
			while (p < len) {
				uint32_t	d, e;
				int		m, m2;

				d = seg_decode(text, len, p, &m);
				if (seg_is_word(d)) {
					if (segment_is_upper(d))
						upper++;
					else if (segment_is_letter(d))
						lower++;
					if (d < 0x80 && segment_is_letter(d))
						latin = 1;
					if (!seg_is_mark(d))
						prev = d;
					p += m;
					continue;
				}
				if (p + m >= len)
					break;
				e = seg_decode(text, len, p + m, &m2);
				if (!seg_joins(prev, d, e))
					break;
				p += m;
			}
			t->end = p;
			if (upper >= 2 && lower == 0)
				t->flags |= SEG_ALLCAPS;
			if (latin)
				t->flags |= SEG_LATIN;
		} else {
			t->type = SEG_PUNCT;
			t->end = off + n;
			/* Double marks written with single ones: ''Так''
			 * (wiki markup) is "Так", ‹Так› is «Так». */
			if (c == '\'' && off + 1 < len && text[off + 1] == '\'') {
				t->end = off + 2;
				t->uc = '"';
			} else if (c == 0x2039)
				t->uc = 0xab;
			else if (c == 0x203a)
				t->uc = 0xbb;
		}
		seg_add_fold(sg, t, text);
		off = t->end;
		sg->n++;
	}
	if (sg->npara > 0)
		sg->para[sg->npara - 1].last = sg->n;
	seg_sentences(sg, text);
	return sg;
}

void
segment_free(struct segmentation *sg)
{
	if (sg == NULL)
		return;
	free(sg->t);
	buf_free(&sg->fold);
	free(sg->sent);
	free(sg->para);
	free(sg);
}
