#ifndef MERGE_H
#define MERGE_H

/*
 * merge.c: one person, one record across the archive.  Pure functions
 * over speakers' names: the key under which the archive keeps the
 * records a speaker may be, and the rule that picks one of them.  The
 * archive (db_quote.c) calls them when it stores a quote.  No I/O.
 */

#include <stddef.h>

#include "article.h"

struct lexicon;

/* A speaker as the archive knows it. */
struct merge_name {
	const char		*name;		/* as shown: Джо Байден */
	enum gender		 gender;
	enum speaker_kind	 kind;
	unsigned long		 nquotes;	/* the record's quotes so far */
};

/*
 * Returns nonzero when name is generic: no capital letter in it
 * (компания, эксперты, местный имам).  Such a speaker is one per
 * article, never one record across the archive.
 */
int	 merge_generic(const char *name);

/*
 * Returns the key of a speaker: for a person, the surname (last word,
 * past an Arabic article: уль-Малук, Малук)
 * with its case ending gone and its spelling made plain (ё and э as е, й
 * as и, no ь or ъ, doubled letters single, a first г as х: Маасом,
 * Маас and Мас give "мас"); for a group or body every word so.  A
 * generic name's key ends in "#" and article.  Records that may be one
 * speaker share a key.  The caller frees it.
 */
char	*merge_key(const char *name, enum speaker_kind kind,
	    long long article);

/*
 * Among the n records c, all under r's key, returns the index of the
 * one r is, or -1 when r is someone new.  A person is the record with
 * the same first name (spelled plainly, one letter apart in a long
 * name, a voiced letter for a voiceless one inside a name: Асия, Азия;
 * an initial, or a short form the first-name list gives: Джо for
 * Джозеф) and no other gender; a bare surname is the one person of that
 * surname, and a full name joins a bare-surname record only when no
 * other person has that surname.  Different first names are never
 * merged.  A name that tells no gender of its own (an initial at most,
 * or a first name the list does not know, and a surname with no man's
 * or woman's ending: Т. Мэй, Ким, Азия Биби) joins a record of the
 * other gender when none of its own fits: a verb that agrees with a
 * role noun gave it.  lx may be NULL (no short forms).  Which form a
 * record shows is the archive's choice: its most used full form.
 */
long	 merge_pick(const struct lexicon *lx, const struct merge_name *r,
	    const struct merge_name *c, size_t n);

#endif /* MERGE_H */
