#ifndef ARTICLE_H
#define ARTICLE_H

#include <stddef.h>

/*
 * The objects every module shares: an article as imported, and the quotes
 * and speakers the extractor finds in it.  Quotes refer to the article's
 * text by byte offset; only names and roles, which are normalized and so
 * differ from the text, are copies.
 */

/* One article.  All strings are owned by the article, UTF-8, NFC. */
struct article {
	long long	 id;		/* archive row id, 0 when not stored */
	char		*date;		/* YYYY-MM-DD */
	char		*time;		/* HH:MM:SS of the day, NULL when
					   unknown (a feed gives it) */
	char		*title;		/* never NULL once imported */
	char		*source;	/* NULL when unknown */
	char		*url;		/* NULL when unknown */
	char		*text;		/* paragraphs separated by "\n\n" */
	size_t		 len;		/* bytes of text */
	char		*origin;	/* file it came from ("-" for stdin) */
	long		 line;		/* line of origin where it starts */
	int		 title_derived;	/* title was made from the text */
	long long	 feed_id;	/* the feed it came from, 0 if none */
	char		*guid;		/* its id in that feed, NULL if none */
};

enum quote_kind {
	QUOTE_DIRECT,
	QUOTE_INDIRECT
};

enum speaker_kind {
	SPEAKER_PERSON,
	SPEAKER_GROUP,
	SPEAKER_INSTITUTION
};

enum gender {
	GENDER_UNKNOWN,
	GENDER_MALE,
	GENDER_FEMALE
};

/*
 * One quote.  start/end delimit the quoted words (direct) or the reported
 * content (indirect) in the article text, without the quotation marks.
 * cue_* and mention_* are spans of the speech verb and of the speaker as
 * written at the attribution; both are 0/0 when absent.
 */
struct quote {
	enum quote_kind		 kind;
	size_t			 start, end;
	size_t			 cue_start, cue_end;
	size_t			 mention_start, mention_end;
	char			*speaker;	/* nominative; owned, NULL if unknown */
	char			*role;		/* owned, NULL if none */
	enum gender		 gender;
	enum speaker_kind	 speaker_kind;
};

/* A growable array of quotes; it owns their strings. */
struct quote_list {
	struct quote	*q;
	size_t		 n, cap;
};

struct article	*article_new(void);
void		 article_free(struct article *);

void		 quote_list_init(struct quote_list *);
/* Appends a zeroed quote and returns it; borrowed, valid until the next
 * append or quote_list_free(). */
struct quote	*quote_list_add(struct quote_list *);
void		 quote_list_free(struct quote_list *);

const char	*quote_kind_name(enum quote_kind);
const char	*speaker_kind_name(enum speaker_kind);
const char	*gender_name(enum gender);	/* "male", "female" or NULL */

#endif /* ARTICLE_H */
