/*
 * lexicon.c: read the extractor's word lists from plain-text files and
 * answer look-ups by folded word.  The only I/O of the extractor happens
 * here, once, at start.
 */
#include "config.h"

#include "lexicon.h"

#include <errno.h>
#include <stdio.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "fold.h"
#include "util.h"

struct lex_table {
	struct lex_entry	*e;
	size_t			 n, cap;
	size_t			*next;		/* chain of entries per key */
	size_t			*slot;		/* entry + 1, or 0: empty */
	size_t			*hash;		/* full hash of each key */
	size_t			 nslot;
	int			 has_prefix;
	size_t			 maxprefix;	/* longest prefix key, bytes */
	size_t			 plen[64];	/* prefix lengths, desc. */
	size_t			 nplen;
};

struct lexicon {
	struct lex_table	 list[LEX_NLISTS];
};

static const char *const lexicon_files[LEX_NLISTS] = {
	"verbs.txt", "phrases.txt", "roles.txt", "groups.txt",
	"institutions.txt", "media.txt", "firstnames.txt", "stopwords.txt",
	"endings.txt", "places.txt"
};

static size_t	 lexicon_hash(const char *, size_t);
static const char *lexicon_key(const struct lex_entry *, size_t *);
static void	 lexicon_index(struct lex_table *);
static int	 lexicon_add(struct lex_table *, char *, const char *,
		    const char *, char **);
static int	 lexicon_read(struct lex_table *, const char *, char **);
static int	 lexicon_word_matches(const char *, const char *);

static size_t
lexicon_hash(const char *s, size_t len)
{
	uint64_t	h = 0x9e3779b97f4a7c15ull ^ len, v;

	/* Eight bytes at a time: folded words are mostly Cyrillic, two
	 * bytes a letter, and this is on every look-up. */
	while (len >= 8) {
		memcpy(&v, s, 8);
		h = (h ^ v) * 0xff51afd7ed558ccdull;
		h ^= h >> 32;
		s += 8;
		len -= 8;
	}
	v = 0;
	memcpy(&v, s, len);
	h = (h ^ v) * 0xc4ceb9fe1a85ec53ull;
	h ^= h >> 29;
	return (size_t)h;
}

/* The hash key of an entry: its first word, with the "*" of a prefix. */
static const char *
lexicon_key(const struct lex_entry *e, size_t *len)
{
	*len = strlen(e->words[0]);
	return e->words[0];
}

static void
lexicon_index(struct lex_table *t)
{
	size_t	i;

	t->nslot = 16;
	while (t->nslot < t->n * 2 + 1)
		t->nslot *= 2;
	t->slot = xcalloc(t->nslot, sizeof(*t->slot));
	t->next = xcalloc(t->n + 1, sizeof(*t->next));
	t->hash = xcalloc(t->n + 1, sizeof(*t->hash));
	/* Insert backwards so chains keep file order. */
	for (i = t->n; i-- > 0;) {
		size_t		 len, h;
		const char	*k = lexicon_key(&t->e[i], &len);

		t->hash[i] = lexicon_hash(k, len);
		h = t->hash[i] & (t->nslot - 1);
		for (;;) {
			size_t	j = t->slot[h];

			if (j == 0) {
				t->slot[h] = i + 1;
				break;
			}
			if (strcmp(t->e[j - 1].words[0], k) == 0) {
				t->next[i] = j;
				t->slot[h] = i + 1;
				break;
			}
			h = (h + 1) & (t->nslot - 1);
		}
		if (k[len - 1] == '*') {
			size_t	j;

			t->has_prefix = 1;
			if (len > t->maxprefix)
				t->maxprefix = len;
			for (j = 0; j < t->nplen && t->plen[j] != len - 1; j++)
				;
			if (j == t->nplen && t->nplen < 64)
				t->plen[t->nplen++] = len - 1;
		}
	}
	/* Longest prefixes first. */
	for (i = 1; i < t->nplen; i++) {
		size_t	v = t->plen[i], j = i;

		while (j > 0 && t->plen[j - 1] < v) {
			t->plen[j] = t->plen[j - 1];
			j--;
		}
		t->plen[j] = v;
	}
}

/*
 * Adds the entries of one pattern, expanding a "(a|b)" group in any of
 * its words.  Returns -1 with *why set (static text) when it is malformed.
 */
static int
lexicon_add(struct lex_table *t, char *pat, const char *tag,
    const char *value, char **why)
{
	char	*open, *close, *p, *alt;
	char	*words[16];
	size_t	 nw = 0, i;

	open = strchr(pat, '(');
	if (open != NULL) {
		close = strchr(open, ')');
		if (close == NULL) {
			*why = xstrdup("unclosed (");
			return -1;
		}
		*close = '\0';
		alt = open + 1;
		for (;;) {
			char	*bar = strchr(alt, '|');
			char	*one;

			if (bar != NULL)
				*bar = '\0';
			one = xasprintf("%.*s%s%s", (int)(open - pat), pat,
			    alt, close + 1);
			if (lexicon_add(t, one, tag, value, why) != 0) {
				free(one);
				return -1;
			}
			free(one);
			if (bar == NULL)
				break;
			alt = bar + 1;
		}
		return 0;
	}
	for (p = strtok(pat, " "); p != NULL; p = strtok(NULL, " ")) {
		if (nw == sizeof(words) / sizeof(words[0])) {
			*why = xstrdup("too many words");
			return -1;
		}
		words[nw++] = p;
	}
	if (nw == 0) {
		*why = xstrdup("empty pattern");
		return -1;
	}
	if (t->n == t->cap) {
		t->cap = t->cap * 2 + 64;
		t->e = xreallocarray(t->e, t->cap, sizeof(*t->e));
	}
	t->e[t->n].words = xcalloc(nw, sizeof(char *));
	for (i = 0; i < nw; i++)
		t->e[t->n].words[i] = fold_string(words[i],
		    strlen(words[i]));
	t->e[t->n].nwords = nw;
	t->e[t->n].tag = xstrdup(tag);
	t->e[t->n].value = xstrdup(value);
	t->n++;
	return 0;
}

static int
lexicon_read(struct lex_table *t, const char *path, char **cause)
{
	FILE	*f;
	char	*line = NULL, *why = NULL;
	size_t	 cap = 0;
	long	 lineno = 0;
	ssize_t	 got;

	if ((f = fopen(path, "r")) == NULL) {
		*cause = xasprintf("%s: %s", path, strerror(errno));
		return -1;
	}
	while ((got = getline(&line, &cap, f)) != -1) {
		char	*p, *tag = NULL, *value = NULL, *hash;

		lineno++;
		while (got > 0 && (line[got - 1] == '\n' ||
		    line[got - 1] == '\r'))
			line[--got] = '\0';
		if ((hash = strchr(line, '#')) != NULL)
			*hash = '\0';
		if ((tag = strchr(line, '\t')) != NULL) {
			*tag++ = '\0';
			while (*tag == '\t')
				tag++;
			if ((value = strchr(tag, '\t')) != NULL) {
				*value++ = '\0';
				while (*value == '\t')
					value++;
			}
		}
		for (p = line + strlen(line); p > line && p[-1] == ' ';)
			*--p = '\0';
		for (p = line; *p == ' '; p++)
			;
		if (*p == '\0') {
			if (tag != NULL && *tag != '\0') {
				*cause = xasprintf("%s:%ld: tag without a "
				    "pattern", path, lineno);
				goto fail;
			}
			continue;
		}
		if (lexicon_add(t, p, tag != NULL ? tag : "",
		    value != NULL ? value : "", &why) != 0) {
			*cause = xasprintf("%s:%ld: %s", path, lineno, why);
			free(why);
			goto fail;
		}
	}
	if (ferror(f)) {
		*cause = lineno == 0 ? xasprintf("%s: %s", path,
		    strerror(errno)) : xasprintf("%s:%ld: %s", path, lineno,
		    strerror(errno));
		goto fail;
	}
	free(line);
	fclose(f);
	lexicon_index(t);
	return 0;
fail:
	free(line);
	fclose(f);
	return -1;
}

struct lexicon *
lexicon_load(const char *dir, char **cause)
{
	struct lexicon	*lx;
	int		 i;

	lx = xcalloc(1, sizeof(*lx));
	for (i = 0; i < LEX_NLISTS; i++) {
		char	*path = xasprintf("%s/%s", dir, lexicon_files[i]);
		int	 rc = lexicon_read(&lx->list[i], path, cause);

		free(path);
		if (rc != 0) {
			lexicon_free(lx);
			return NULL;
		}
	}
	return lx;
}

void
lexicon_free(struct lexicon *lx)
{
	int	i;
	size_t	j, k;

	if (lx == NULL)
		return;
	for (i = 0; i < LEX_NLISTS; i++) {
		struct lex_table	*t = &lx->list[i];

		for (j = 0; j < t->n; j++) {
			for (k = 0; k < t->e[j].nwords; k++)
				free(t->e[j].words[k]);
			free(t->e[j].words);
			free((char *)t->e[j].tag);
			free((char *)t->e[j].value);
		}
		free(t->e);
		free(t->next);
		free(t->hash);
		free(t->slot);
	}
	free(lx);
}

/* Does folded word w match pattern word p ("x*" by prefix)? */
static int
lexicon_word_matches(const char *p, const char *w)
{
	size_t	lp = strlen(p);

	if (lp > 0 && p[lp - 1] == '*')
		return strncmp(p, w, lp - 1) == 0;
	return strcmp(p, w) == 0;
}

const struct lex_entry *
lexicon_match(const struct lexicon *lx, enum lex_list which,
    const char *const *w, size_t n, size_t *len)
{
	const struct lex_table	*t = &lx->list[which];
	const struct lex_entry	*best = NULL;
	size_t			 bestlen = 0, wl, k, pi;
	char			 key[128];

	if (n == 0 || t->n == 0)
		return NULL;
	wl = strlen(w[0]);
	/* Try the exact key, then each prefix of w[0] (itself included)
	 * followed by "*", for the prefix lengths the list has.  Slots
	 * are compared by full hash before their text. */
	for (pi = 0; pi <= t->nplen; pi++) {
		const char	*kp;
		size_t		 h, fh, klen;

		if (pi == 0) {
			kp = w[0];
			klen = wl;
		} else {
			k = t->plen[pi - 1];
			if (k > wl || k + 1 >= sizeof(key))
				continue;
			memcpy(key, w[0], k);
			key[k] = '*';
			key[k + 1] = '\0';
			kp = key;
			klen = k + 1;
		}
		fh = lexicon_hash(kp, klen);
		for (h = fh & (t->nslot - 1);; h = (h + 1) & (t->nslot - 1)) {
			size_t	j = t->slot[h];

			if (j == 0)
				break;
			if (t->hash[j - 1] != fh ||
			    strcmp(t->e[j - 1].words[0], kp) != 0)
				continue;
			for (; j != 0; j = t->next[j - 1]) {
				const struct lex_entry	*e = &t->e[j - 1];
				size_t			 m;

				if (e->nwords > n || e->nwords <= bestlen)
					continue;
				for (m = 1; m < e->nwords; m++)
					if (!lexicon_word_matches(e->words[m],
					    w[m]))
						break;
				if (m == e->nwords) {
					best = e;
					bestlen = e->nwords;
				}
			}
			break;
		}
	}
	if (len != NULL)
		*len = bestlen;
	return best;
}

const struct lex_entry *
lexicon_word(const struct lexicon *lx, enum lex_list which, const char *w)
{
	const struct lex_entry	*e;
	size_t			 len;

	e = lexicon_match(lx, which, &w, 1, &len);
	return e != NULL && e->nwords == 1 ? e : NULL;
}

const struct lex_entry *
lexicon_entries(const struct lexicon *lx, enum lex_list which, size_t *n)
{
	*n = lx->list[which].n;
	return lx->list[which].e;
}
