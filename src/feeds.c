/*
 * feeds.c: the items of a parsed feed stored as articles, found again
 * when the feed sends them once more.
 */
#include "config.h"

#include "feeds.h"

#include <stdlib.h>
#include <string.h>

#include "article.h"
#include "db.h"
#include "feed.h"
#include "import.h"
#include "quotes.h"
#include "util.h"

static struct article	*item_article(const struct feed_item *, long long,
			    const char *, const char *);
static int		 stored_same(struct db *, const struct article *,
			    char **);

/* Whether stored article a->id has a's title and text already (the
 * usual case of a feed fetched again): 1, 0, or -1 with *cause set. */
static int
stored_same(struct db *db, const struct article *a, char **cause)
{
	struct article	*old;
	int		 same;

	if ((old = db_article_get(db, a->id, cause)) == NULL)
		return *cause != NULL ? -1 : 0;
	same = old->len == a->len && memcmp(old->text, a->text, a->len) == 0 &&
	    strcmp(old->title, a->title) == 0;
	article_free(old);
	return same;
}

/* The article item becomes, or NULL when it has neither a title nor a
 * text.  A headline without a body keeps its headline as the text. */
static struct article *
item_article(const struct feed_item *it, long long feed_id,
    const char *source, const char *today)
{
	struct article	*a;
	const char	*text = it->text;

	if (text == NULL || *text == '\0')
		text = it->title;
	if (text == NULL || *text == '\0')
		return NULL;
	a = article_new();
	a->date = xstrdup(it->date != NULL &&
	    import_date_valid(it->date, strlen(it->date)) == 0 ? it->date :
	    today);
	a->time = it->date != NULL && it->time != NULL ? xstrdup(it->time) :
	    NULL;
	a->title = it->title != NULL && *it->title != '\0' ?
	    xstrdup(it->title) : NULL;
	a->source = source != NULL ? xstrdup(source) : NULL;
	a->url = it->link != NULL ? xstrdup(it->link) : NULL;
	a->text = xstrdup(text);
	a->len = strlen(text);
	a->feed_id = feed_id;
	a->guid = it->guid != NULL ? xstrdup(it->guid) :
	    it->link != NULL ? xstrdup(it->link) : NULL;
	a->line = it->line;
	import_normalize(a);
	return a;
}

void
feeds_prepare(const struct lexicon *lx, long long feed_id,
    const char *source, const struct feed *f, const char *today,
    struct feeds_prep *p)
{
	struct feeds_prep_item	*pi;
	size_t			 i;

	p->n = f->n;
	p->items = xcalloc(f->n + 1, sizeof(*p->items));
	/* Feeds list the newest first. */
	for (i = 0; i < f->n; i++) {
		pi = &p->items[i];
		pi->it = &f->items[f->n - 1 - i];
		quote_list_init(&pi->ql);
		if ((pi->a = item_article(pi->it, feed_id, source, today)) !=
		    NULL)
			quotes_extract(lx, pi->a, &pi->ql);
	}
}

void
feeds_prep_free(struct feeds_prep *p)
{
	size_t	i;

	for (i = 0; i < p->n; i++) {
		quote_list_free(&p->items[i].ql);
		if (p->items[i].a != NULL)
			article_free(p->items[i].a);
	}
	free(p->items);
	p->items = NULL;
	p->n = 0;
}

int
feeds_store(struct db *db, long long feed_id, struct feeds_prep *p,
    struct feeds_counts *c,
    void (*diag)(void *ctx, long line, const char *reason), void *ctx,
    char **cause)
{
	struct feeds_prep_item	*pi;
	struct article		*a;
	long long		 id;
	size_t			 i, lost;
	int			 rc;

	for (i = 0; i < p->n; i++) {
		pi = &p->items[i];
		if ((a = pi->a) == NULL) {
			c->skipped++;
			if (diag != NULL)
				diag(ctx, pi->it->line,
				    "an item without a title or a text");
			continue;
		}
		id = db_article_find_item(db, feed_id, pi->it->guid, a->url,
		    cause);
		if (id < 0)
			return -1;
		a->id = id;
		if (id > 0 && (rc = stored_same(db, a, cause)) != 0) {
			if (rc < 0)
				return -1;
			c->unchanged++;
			continue;
		}
		if (id > 0) {
			rc = db_article_replace(db, a, &pi->ql, &lost, cause);
			if (rc == 1) {
				c->updated++;
				c->quotes += pi->ql.n;
				c->lost += lost;
			} else if (rc == 0)
				c->unchanged++;
		} else {
			rc = db_article_put(db, a, &pi->ql, cause);
			if (rc == 1) {
				c->added++;
				c->quotes += pi->ql.n;
			} else if (rc == 0)
				c->unchanged++;
		}
		if (rc < 0)
			return -1;
	}
	return 0;
}
