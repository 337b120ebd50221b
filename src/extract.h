#ifndef EXTRACT_H
#define EXTRACT_H

/*
 * extract.h: what the stages of the extractor share.  Not a public
 * interface: quotes.h is that.  The stages, each a file:
 *
 *   tok.c       token classes: punctuation, names, verbs of speech,
 *               agreement, media (the word lists of data/lexicon)
 *   direct.c    candidates in quotation marks, dash dialogue and after
 *               a colon, with the attribution clause next to them
 *   indirect.c  candidates of reported speech: a cue (verb, framing
 *               phrase) and the content it governs
 *   mention.c   the mention of a cue's source: the subject before the
 *               verb, after it, or the object of a relaying verb
 *   people.c    the article's table of people, groups and bodies: each
 *               mention resolved to one of them (pronouns, role nouns,
 *               surnames), so every quote gets the fullest name
 *   quotes.c    the driver: runs the stages and writes the quotes
 *
 * Names in the nominative come from speakers.c; the merge of one person's
 * records across the archive is merge.c's, called by the archive.
 * No I/O, no curses, no SQL.
 */

#include <stddef.h>
#include <stdint.h>

#include "article.h"
#include "speakers.h"

struct lexicon;
struct segmentation;

/* Verb classes, from the tags of verbs.txt. */
#define VC_CLAUSE	0x01
#define VC_TOPIC	0x02
#define VC_OBJECT	0x04
#define VC_ATTR		0x08
#define VC_RELAY	0x10
#define VC_MEDIA	0x20
#define VC_NEG		0x40
#define VC_PHRASE	0x80	/* a topic phrase: content follows it */
#define VC_ADDR		0x100	/* the topic may follow an addressee */

/* Agreement of a verb form. */
enum agr {
	AGR_NONE,		/* gerund, short adjective without number */
	AGR_M,
	AGR_F,
	AGR_N,
	AGR_PL,
	AGR_SG			/* present tense singular */
};

/* What a mention is. */
enum men {
	MEN_NONE,		/* no source: the previous speaker */
	MEN_NAME,		/* a person's name */
	MEN_PRON,		/* он, она, они, его, её, их */
	MEN_ROLE,		/* a role noun without a name */
	MEN_GROUP,		/* a group: участники круглого стола */
	MEN_INST,		/* an institution: посольство США */
	MEN_CONT,		/* continues the previous quote */
	MEN_SELF		/* мы, я: the newsroom or the author */
};

struct mention {
	enum men		 type;
	size_t			 s, e;		/* tokens of the mention */
	size_t			 ns, ne;	/* tokens of the name */
	enum speakers_case	 cas;
	const char		*literal;	/* nominative from the lexicon;
						 * borrowed */
	size_t			 cs, ce;	/* its complement, as written:
						 * "в министерстве энергетики" */
	int			 subj;		/* in subject position */
	int			 conj;		/* names joined by и */
	int			 loc;		/* a place: "в НАКе сообщили" */
	int			 one_of;	/* "один из советников" */
};

/* A candidate quote or a name seen in passing (is_quote 0). */
struct cand {
	int			 is_quote;
	enum quote_kind		 kind;
	size_t			 ts, te;	/* content tokens [ts, te) */
	size_t			 cs, ce;	/* cue tokens, or 0 0 */
	int			 colon_cue;	/* cue is ":" or "—" */
	size_t			 cue_tok;	/* that token */
	enum agr		 agr;
	struct mention		 m;
	size_t			 order;		/* token used for ordering */
	int			 passing;	/* named in passing: no
						 * salience of its own */
	int			 near;		/* continues a quote of the
						 * sentence before, or none */
};

/* A person, group or institution of the article. */
struct ent {
	char			*name;
	char			*surname;	/* stem of the folded last word */
	int			 q;		/* how sure the name's case is */
	char			*role;		/* the first role, as written */
	char			*roles;		/* every role, folded */
	enum gender		 g;
	enum speaker_kind	 kind;
	size_t			 seen;		/* last mention, token */
	unsigned int		 nquotes;	/* quotes attributed so far */
	unsigned int		 sal;		/* salience at sentence sal_sent */
	unsigned int		 sal_sent;
	size_t			 mention;	/* last mention's token + 1 */
};

/* The state of one extraction; quotes.c owns it and every array. */
struct ex {
	const struct lexicon		*lx;
	const char			*text;
	struct segmentation		*sg;
	const char			**w;	/* folded form of each token */
	unsigned char			*mask;	/* 1: inside a direct quote */
	unsigned char			*ind;	/* 1: inside an indirect one */
	unsigned int			*tf;	/* TF_* of each token */
	unsigned char			*vlen;	/* tok_verb() length, cached */
	unsigned short			*vcls;	/* tok_verb() classes, cached */
	unsigned char			*ofirst; /* tok_oblique_first() + 1,
						  * cached; 0: not yet */
	struct cand			*c;
	size_t				 nc, capc;
	struct ent			*e;
	size_t				 ne, cape;
	enum agr			 lastagr; /* the last quote's verb */
};

/* Word-list memberships of a token, looked up once each (tok_has()):
 * for list k, bit 2k says it was looked up and bit 2k+1 the answer. */
#define TF_ROLE		0
#define TF_GROUP	1
#define TF_INST		2
#define TF_MEDIA	3
#define TF_STOP		4
#define TF_FIRST	5
#define TF_NAME		6	/* tok_name() */
#define TF_VERB		7	/* tok_verb() over the rest of the text */
#define TF_ADJ		8	/* tok_adjective() */
#define TF_PREP		9	/* tok_prep() */

/* Flags of mention_np(). */
#define MNP_LOC		0x01	/* "в Кремле" may name the institution */
#define MNP_LEFT	0x02	/* the leftmost name, not the rightmost */
#define MNP_COMMA	0x04	/* the phrase runs on past commas */
#define MNP_OBL		0x08	/* the name stands in an oblique case */
#define MNP_NONAME	0x10	/* look for no person's name */
#define MNP_AGR_M	0x20	/* the verb is masculine singular */
#define MNP_AGR_F	0x40	/* ... feminine singular */
#define MNP_AGR_PL	0x80	/* ... plural */

/* tok.c.  Token i may be out of range (then the answer is no). */
int		 tok_ends(const char *s, const char *end);
int		 tok_ends_any(const char *s, const char *const *end);
int		 tok_is(const struct ex *, size_t, const char *);
int		 tok_has(const struct ex *, size_t, int);
int		 tok_punct(const struct ex *, size_t, uint32_t);
int		 tok_dash(const struct ex *, size_t);
int		 tok_sentpoint(const struct ex *, size_t);
int		 tok_sentend(const struct ex *, size_t);
int		 tok_sentbreak(const struct ex *, size_t);
int		 tok_open_quote(const struct ex *, size_t);
int		 tok_close_quote(const struct ex *, size_t);
int		 tok_stop(const struct ex *, size_t);
int		 tok_name(const struct ex *, size_t);
int		 tok_prep(const struct ex *, size_t);
int		 tok_pronoun(const struct ex *, size_t, enum gender *);
int		 tok_adjective(const struct ex *, size_t);
/* The agreement of folded verb form f. */
enum agr	 tok_agr(const char *f);
/* A speech verb or topic phrase at token i, not past end: its length
 * in tokens in *len and its VC_* classes in *cls (either may be NULL). */
int		 tok_verb(const struct ex *, size_t i, size_t end, size_t *len,
		    unsigned *cls);
/* Is token i a past-tense verb, lower case (посетил)? */
int		 tok_finite_past(const struct ex *, size_t i);
int		 tok_initial_dot(const struct ex *, size_t i);
/* Is folded word f an adverbial participle (обвиняя, отметив)? */
int		 tok_gerund(const char *f);
int		 tok_participle(const char *f);
int		 tok_participle_active(const char *f);
int		 tok_role_genitive(const struct ex *, size_t);
/* Is token i a word of time (a month, a weekday, году)? */
int		 tok_time(const struct ex *, size_t i);
/* Is token i an adverb of manner (публично, постоянно)? */
int		 tok_adverb(const struct ex *, size_t i);
/* Does folded f end like a common noun (-ость, -ство, -ние, -ка)? */
int		 tok_common_noun_shape(const char *);
/* Is folded role noun f in a plural form no singular shares? */
int		 tok_role_plural(const char *);
/* Is token i lower case, or capitalised only as a sentence's first? */
int		 tok_common(const struct ex *, size_t i);
/* Is folded word f a noun of kin or counsel (муж, адвокат)? */
int		 tok_kin(const char *f);
/* Do tokens [s, e) name a medium? */
int		 tok_media(const struct ex *, size_t s, size_t e);
/* Does folded word f end like an oblique case? */
int		 tok_oblique(const char *f);
/* The oblique case of token i as a known first name, or SPEAKERS_NOM. */
enum speakers_case tok_oblique_first(const struct ex *, size_t i);

/* mention.c */
int		 mention_media(const struct ex *, const struct mention *);
/* The run of name words ending at token last, not before lo: returns
 * its first token, the number of tokens in *n (0: no name). */
int		 mention_particle(const struct ex *, size_t);
size_t		 mention_name_run(const struct ex *, size_t lo, size_t last,
		    size_t *n);
int		 mention_np(struct ex *, size_t s, size_t e, struct mention *,
		    int flags);
int		 mention_before(struct ex *, size_t lo, size_t v,
		    struct mention *, enum agr);
int		 mention_after(struct ex *, size_t i, size_t end,
		    struct mention *, size_t *stop, int flags);
/* Past those a statement is told to, at token i before end: "журналистам",
 * "британской газете The Times", "агентству «Интерфакс»"; i when none. */
size_t		 mention_skip_addressee(const struct ex *, size_t i,
		    size_t end);
/* The MNP_AGR_* flag of a verb's agreement, for mention_after(). */
int		 mention_agr(enum agr);
/* The case of the name that starts at token i, judged from its first
 * word and the word before it. */
enum speakers_case mention_name_case(const struct ex *, size_t i);
/* Is token i a first name that keeps its form in every case (Мишель)? */
int		 mention_first_indeclinable(const struct ex *, size_t i);
/* Is the name run of n tokens at first all a place (places.txt) in an
 * oblique case? */
int		 mention_place(const struct ex *, size_t first, size_t n);
int		 mention_subject_left(struct ex *, size_t lo, size_t v,
		    struct mention *, enum agr);

/* direct.c, indirect.c: add candidates to x->c. */
void		 direct_pass(struct ex *);
void		 indirect_pass(struct ex *);

/* people.c */
/* Adds a candidate (is_quote 0) for every full name in the text. */
void		 people_names(struct ex *);
/* Could token i, a word no list knows, be a noun of occupation in the
 * nominative ("биограф", "пианист")? */
int		 people_role_shape(const struct ex *, size_t);
/* The role words of a name mention; the caller frees them (NULL: none). */
char		*people_role_text(const struct ex *, const struct mention *);
/* The entity candidate ci refers to, or -1; *last is the speaker of the
 * previous quote, *lastq the entity of the previous quote. */
int		 people_resolve(struct ex *, size_t ci, int *last, int *lastq);
/* The fullest form of entity k among the article's. */
int		 people_full_name(const struct ex *, int k);
void		 people_free(struct ex *);

/* quotes.c */
/* Appends a zeroed candidate; borrowed until the next append. */
struct cand	*quotes_cand_add(struct ex *);

#endif /* EXTRACT_H */
