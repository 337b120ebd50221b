#ifndef SEGMENT_H
#define SEGMENT_H

#include <stddef.h>
#include <stdint.h>

#include "util.h"

/*
 * segment.c: cut an article's text into paragraphs, sentences and tokens
 * for the extractor.  Tokens keep byte offsets into the text; their folded
 * forms (fold.h: lower case, ё as е, stress marks dropped) live in one
 * buffer owned by the segmentation.  No I/O.
 */

enum seg_type {
	SEG_WORD,		/* letters and digits, with inner - . ' */
	SEG_PUNCT		/* one punctuation character */
};

/* Token flags. */
#define SEG_CAP		0x01	/* first letter is upper case */
#define SEG_ALLCAPS	0x02	/* two or more letters, all upper case */
#define SEG_PARA	0x04	/* first token of a paragraph */
#define SEG_SPACE	0x08	/* white space before the token */
#define SEG_LATIN	0x10	/* contains a Latin letter */
#define SEG_DIGIT	0x20	/* starts with a digit */
#define SEG_GLUED	0x40	/* opens a sentence run into the one before
				 * it with no point ("... посетил завод В
				 * акимате заявили") */
#define SEG_NOEND	0x80	/* a point after an abbreviation or an
				 * initial ("г.", "т.д.", "А. Ким"), which
				 * ends no sentence */

struct token {
	size_t		 start, end;	/* bytes of the article text */
	size_t		 fold;		/* offset of the folded form */
	size_t		 flen;		/* bytes of the folded form */
	uint32_t	 uc;		/* first character (punctuation); for
					 * '' the " it stands for, for ‹ › the
					 * « » */
	unsigned int	 sent;		/* sentence index */
	unsigned int	 para;		/* paragraph index */
	unsigned char	 type;		/* enum seg_type */
	unsigned char	 flags;
};

/* A run of tokens [first, last). */
struct seg_range {
	size_t	first, last;
};

struct segmentation {
	struct token		*t;
	size_t			 n;
	struct buf		 fold;		/* folded forms, NUL-ended */
	struct seg_range	*sent;
	size_t			 nsent;
	struct seg_range	*para;
	size_t			 npara;
};

/* Segments text[0..len), which must be valid UTF-8.  The caller frees the
 * result with segment_free(). */
struct segmentation	*segment_text(const char *text, size_t len);
void			 segment_free(struct segmentation *);

/* The folded form of token i, NUL-terminated; borrowed, valid until
 * segment_free(). */
const char	*segment_fold(const struct segmentation *, size_t i);

/* Sets *out to the folded form of s[0..len) (fold_add() of fold.h), which
 * the caller frees, and frees what *out held (it may be NULL); returns
 * the folded form's length. */
size_t		 segment_fold_string(const char *s, size_t len, char **out);

/* Character classes, for callers that must look at raw text. */
int		 segment_is_letter(uint32_t);
int		 segment_is_upper(uint32_t);
int		 segment_is_dash(uint32_t);
/* Does the “ at token i open a quotation (“Так”) rather than close one
 * („Так“)?  0 for any other token. */
int		 segment_curly_opens(const struct segmentation *, size_t i);
/* Does NUL-terminated s start with an upper-case letter? */
int		 segment_starts_upper(const char *s);

#endif /* SEGMENT_H */
