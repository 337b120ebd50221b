/*
 * t_db.c: the archive layer on a temporary file: storing, duplicates,
 * quotes and the merging of speakers across articles.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "article.h"
#include "db.h"
#include "search.h"
#include "util.h"

#include "tap.h"

static struct article *
mk(const char *date, const char *text)
{
	struct article	*a = article_new();

	a->date = xstrdup(date);
	a->title = xstrdup("T");
	a->text = xstrdup(text);
	a->len = strlen(text);
	a->origin = xstrdup("test");
	return a;
}

/* Adds a quote of speaker over the first occurrence of words in a. */
static void
add(struct quote_list *ql, const struct article *a, const char *words,
    const char *speaker, const char *role, enum gender g)
{
	struct quote	*q = quote_list_add(ql);
	const char	*p = strstr(a->text, words);

	q->kind = QUOTE_DIRECT;
	q->start = (size_t)(p - a->text);
	q->end = q->start + strlen(words);
	q->speaker = xstrdup(speaker);
	q->role = role != NULL ? xstrdup(role) : NULL;
	q->gender = g;
	q->speaker_kind = SPEAKER_PERSON;
}

struct collect {
	struct buf	b;
	int		n;
	long long	min_id;
	long		nquotes;	/* of the last hit */
	int		is_read;
};

static int
hit_row(void *ctx, const struct db_hit *h)
{
	struct collect	*c = ctx;

	if (c->n == 0 || h->article_id < c->min_id)
		c->min_id = h->article_id;
	c->nquotes = h->nquotes;
	c->is_read = h->is_read;
	c->n++;
	return 0;
}

/* Each hit's quote and rank, to the last bit. */
static int
hit_rank(void *ctx, const struct db_hit *h)
{
	struct collect	*c = ctx;

	buf_printf(&c->b, "%lld:%.17g\n", h->quote_id, h->rank);
	c->n++;
	return 0;
}

static int
speaker_row(void *ctx, const struct db_speaker_row *r)
{
	struct collect	*c = ctx;

	buf_printf(&c->b, "%s|%ld|%s|%s|%s\n", r->name, r->nquotes,
	    speaker_kind_name(r->kind), r->gender != GENDER_UNKNOWN ?
	    gender_name(r->gender) : "-", r->roles != NULL ? r->roles : "-");
	c->n++;
	return 0;
}

static int
quote_row(void *ctx, const struct db_quote_row *r)
{
	struct collect	*c = ctx;

	buf_printf(&c->b, "%lld:%.*s:%s:%s:%s:%s\n", r->article_id,
	    (int)r->len, r->text, r->speaker != NULL ? r->speaker : "-",
	    r->kind == QUOTE_DIRECT ? "direct" : r->kind == QUOTE_INDIRECT ?
	    "indirect" : "?", r->origin == DB_ORIGIN_AUTO ? "auto" : "?",
	    r->url != NULL ? r->url : "-");
	c->n++;
	return 0;
}

/* The ids of quote rows in the order given, and the key of the last. */
struct pager {
	long long		ids[64];
	int			n;
	struct db_quote_key	last;
	int			check;		/* count rows out of order */
	int			disorder;
};

static int
page_row(void *ctx, const struct db_quote_row *r)
{
	struct pager	*pg = ctx;
	int		 c;

	if (pg->check && pg->n > 0) {
		c = strcmp(r->date, pg->last.date);
		if (c > 0 || (c == 0 && r->article_id > pg->last.article_id) ||
		    (c == 0 && r->article_id == pg->last.article_id &&
		    (r->start < pg->last.start || (r->start ==
		    pg->last.start && r->id < pg->last.id))))
			pg->disorder++;
	}
	if (pg->n < 64)
		pg->ids[pg->n++] = r->id;
	snprintf(pg->last.date, sizeof(pg->last.date), "%s", r->date);
	pg->last.article_id = r->article_id;
	pg->last.start = r->start;
	pg->last.id = r->id;
	return 0;
}

/* Whether a[0..n) and b[0..n) hold the same ids, b reversed if asked. */
static int
same_ids(const long long *a, const long long *b, int n, int reversed)
{
	int	i;

	for (i = 0; i < n; i++)
		if (a[i] != b[reversed ? n - 1 - i : i])
			return 0;
	return 1;
}

/*
 * Pages through speaker sid's quotes limit rows at a time, from an end
 * (older: from the first) chaining each page's last key, into *all in
 * the order the pages give them.  Returns the number of pages read, or
 * -1 when a page fails or is longer than limit.
 */
static int
page_all(struct db *db, long long sid, int older, int limit,
    struct pager *all)
{
	struct pager		 pg;
	struct db_quote_key	 key;
	char			*cause = NULL;
	long			 n;
	int			 pages = 0, i;

	memset(all, 0, sizeof(*all));
	do {
		memset(&pg, 0, sizeof(pg));
		n = db_speaker_quotes_page(db, sid, pages == 0 ? NULL : &key,
		    older, limit, page_row, &pg, &cause);
		if (n < 0 || n > limit || n != pg.n) {
			free(cause);
			return -1;
		}
		for (i = 0; i < pg.n && all->n < 64; i++)
			all->ids[all->n++] = pg.ids[i];
		key = pg.last;
		pages++;
	} while (n == limit && pages < 100);
	return pages;
}

static int
article_row(void *ctx, const struct db_article_row *r)
{
	struct collect	*c = ctx;

	buf_printf(&c->b, "%lld %s %ld\n", r->id, r->date, r->nquotes);
	c->n++;
	return 0;
}

static int
article_row_rd(void *ctx, const struct db_article_row *r)
{
	struct collect	*c = ctx;

	buf_printf(&c->b, "%lld %s %ld %s\n", r->id, r->date, r->nquotes,
	    r->is_read ? "read" : "unread");
	c->n++;
	return 0;
}

static int
hit_id(void *ctx, const struct db_hit *h)
{
	buf_printf(ctx, "%lld ", h->article_id);
	return 0;
}

/*
 * The order of citata_rank(): a word in the title (weight 4) before the
 * same word three times in a text, before it once; of two equal texts,
 * the shorter first; with two words, each counts the same.
 */
/* The ids and keys of speaker rows, in the order given. */
struct spk_pager {
	long long	 ids[256];
	long long	 nq[256];
	char		*fold[256];
	int		 n;
};

static int
spk_row(void *ctx, const struct db_speaker_row *r)
{
	struct spk_pager	*pg = ctx;

	if (pg->n < 256) {
		pg->ids[pg->n] = r->id;
		pg->nq[pg->n] = r->nquotes;
		pg->fold[pg->n] = xstrdup(r->fold != NULL ? r->fold : "");
		pg->n++;
	}
	return 0;
}

static void
spk_pager_free(struct spk_pager *pg)
{
	while (pg->n > 0)
		free(pg->fold[--pg->n]);
}

/* Pages through the list of speakers limit rows at a time, from an end
 * (down: from the first), each page from the last row of the one before,
 * into *pg in the order the pages give them. */
static void
spk_page_all(struct db *db, int down, int limit, struct spk_pager *pg)
{
	struct db_speaker_key	 key;
	char			*cause = NULL;
	int			 k;

	memset(pg, 0, sizeof(*pg));
	for (k = 0; k < 100; k++) {
		if (pg->n > 0) {
			key.nquotes = pg->nq[pg->n - 1];
			key.fold = pg->fold[pg->n - 1];
			key.id = pg->ids[pg->n - 1];
		}
		if (db_speakers_page(db, pg->n > 0 ? &key : NULL, down, limit,
		    spk_row, pg, &cause) < limit)
			break;
	}
	free(cause);
}

/*
 * The reader's list of speakers a page at a time: the same rows in the
 * same order as db_speakers() (most quoted, then the folded name, then
 * id), from either end and from any row, ranks counted right, and a
 * filter's matches in that order.  Thirty new speakers with one to
 * three quotes, names in upper and lower case, two with one name.
 */
static void
speakers_paging(struct db *db)
{
	static const char	*names[] = { "Айгуль Сатпаева", "ерлан",
				    "Болат Жаксылыков", "Ёлка Ахметова" };
	struct spk_pager	 full, pg;
	struct db_speaker_key	 key;
	struct quote_list	 ql;
	struct article		*x;
	char			*cause = NULL, *t, *w, *nm;
	long long		 want[3], rank, *ids = NULL;
	long			 n;
	int			 i, j, lim, bad, k;

	db_begin(db, &cause);
	for (i = 0; i < 30; i++) {
		t = xasprintf("«Раз %d» «Два %d» «Три %d»", i, i, i);
		x = mk("2026-06-01", t);
		quote_list_init(&ql);
		nm = xasprintf("%s %c", names[i % 4], 'A' + i % 13);
		for (j = 0; j <= i % 3; j++) {
			w = xasprintf("%s %d", j == 0 ? "Раз" : j == 1 ?
			    "Два" : "Три", i);
			add(&ql, x, w, nm, NULL, GENDER_UNKNOWN);
			free(w);
		}
		db_article_put(db, x, &ql, &cause);
		quote_list_free(&ql);
		article_free(x);
		free(nm);
		free(t);
	}
	ok(db_commit(db, &cause) == 0, "thirty articles for the speakers");

	memset(&full, 0, sizeof(full));
	db_speakers(db, spk_row, &full, &cause);
	ok(full.n > 20 && db_speakers_total(db, &cause) == full.n,
	    "the total is the number of speakers listed (%d)", full.n);
	for (bad = 0, i = 1; i < full.n; i++)
		bad += full.nq[i] > full.nq[i - 1] || (full.nq[i] ==
		    full.nq[i - 1] && strcmp(full.fold[i], full.fold[i - 1]) <
		    0);
	ok(bad == 0, "most quoted first, then by the folded name");

	for (lim = 1; lim <= 7; lim += 3) {
		spk_page_all(db, 1, lim, &pg);
		ok(pg.n == full.n && same_ids(pg.ids, full.ids, full.n, 0),
		    "down in pages of %d: the same rows in the same order",
		    lim);
		spk_pager_free(&pg);
		spk_page_all(db, 0, lim, &pg);
		ok(pg.n == full.n && same_ids(pg.ids, full.ids, full.n, 1),
		    "up in pages of %d from the end: the same rows, nearest "
		    "first", lim);
		spk_pager_free(&pg);
	}
	for (bad = 0, i = 0; i < full.n; i++) {
		key.nquotes = full.nq[i];
		key.fold = full.fold[i];
		key.id = full.ids[i];
		rank = db_speakers_rank(db, &key, &cause);
		memset(&pg, 0, sizeof(pg));
		db_speakers_page(db, &key, 1, 2, spk_row, &pg, &cause);
		bad += rank != i || pg.n != (i + 2 < full.n ? 2 :
		    full.n - i - 1) || (pg.n > 0 && pg.ids[0] != full.ids[i +
		    1]);
		spk_pager_free(&pg);
	}
	ok(bad == 0, "each row's rank is its place, and the rows after it "
	    "follow it");

	n = db_speakers_match(db, "сатпаев", &ids, &cause);
	for (bad = 0, j = 0, i = 0; i < full.n; i++)
		if (strstr(full.fold[i], "сатпаев") != NULL) {
			bad += j >= n || ids[j] != full.ids[i];
			j++;
		}
	ok(n == 8 && j == n && bad == 0,
	    "a filter's matches in the list's order (%ld)", n);
	free(ids);
	n = db_speakers_match(db, "а", &ids, &cause);
	k = (int)n;
	n = db_speakers_narrow(db, "сатпаев", ids, (size_t)n, &cause);
	for (bad = 0, j = 0, i = 0; i < full.n; i++)
		if (strstr(full.fold[i], "сатпаев") != NULL) {
			bad += j >= n || ids[j] != full.ids[i];
			j++;
		}
	ok(k > 8 && n == 8 && j == n && bad == 0, "a filter typed further "
	    "keeps those of the last matches that match, in order (%d, "
	    "then %ld)", k, n);
	free(ids);
	n = db_speakers_match(db, "елка", &ids, &cause);
	ok(n == 7, "ё folded in the names and the filter (%ld)", n);
	free(ids);
	n = db_speakers_match(db, "нет такого", &ids, &cause);
	ok(n == 0, "no match, none");
	free(ids);

	want[0] = full.ids[3];
	want[1] = 987654;
	want[2] = full.ids[1];
	memset(&pg, 0, sizeof(pg));
	ok(db_speakers_get(db, want, 3, spk_row, &pg, &cause) == 0 &&
	    pg.n == 2 && pg.ids[0] == want[0] && pg.ids[1] == want[2],
	    "speakers by id, in the order asked, a missing one skipped");
	spk_pager_free(&pg);
	spk_pager_free(&full);
}

static void
rank_order(struct db *db)
{
	const char		*texts[] = {
	    "Квазар упомянут однажды среди прочих слов о небе и звёздах.",
	    "Квазар, квазар и ещё квазар: о небе и звёздах здесь.",
	    "О небе и звёздах здесь, совсем о другом.",
	    "Квазар упомянут однажды среди прочих слов о небе и звёздах, "
	    "но текст этот длиннее всех прочих текстов, и намного." };
	const char		*titles[] = { "T", "T", "Квазар", "T" };
	struct search_query	*sq;
	struct article		*a;
	struct buf		 b;
	long long		 id[4];
	char			*cause = NULL, *want;
	int			 i;

	db_begin(db, &cause);
	for (i = 0; i < 4; i++) {
		a = mk("2026-05-01", texts[i]);
		free(a->title);
		a->title = xstrdup(titles[i]);
		db_article_put(db, a, NULL, &cause);
		id[i] = a->id;
		article_free(a);
	}
	db_commit(db, &cause);
	buf_init(&b);
	buf_adds(&b, "");
	sq = search_parse("квазары", &cause);
	db_search(db, sq, 0, 20, hit_id, &b, &cause);
	search_free(sq);
	want = xasprintf("%lld %lld %lld %lld ", id[2], id[1], id[0], id[3]);
	is(b.data, want, "ranked: the title, three times, once, once in a "
	    "longer text");
	free(want);
	buf_reset(&b);
	sq = search_parse("квазар небо", &cause);
	db_search(db, sq, 0, 20, hit_id, &b, &cause);
	search_free(sq);
	want = xasprintf("%lld %lld %lld %lld ", id[2], id[1], id[0], id[3]);
	is(b.data, want, "two words: the title's, then by how often");
	free(want);
	buf_free(&b);
}

int
main(void)
{
	char			 path[] = "/tmp/t_db.XXXXXX", *cause = NULL;
	char			*wal, *shm;
	struct db		*db;
	struct article		*a1, *a2, *a3, *dup, *got;
	struct quote_list	 ql;
	struct collect		 c;
	struct db_counts	 n;
	long long		*ids;
	long			 k;
	int			 fd;

	if ((fd = mkstemp(path)) == -1) {
		printf("1..0 # SKIP cannot make a temporary file\n");
		return 0;
	}
	close(fd);
	unlink(path);
	db = db_open(path, DB_READ, &cause);
	ok(db == NULL && cause != NULL &&
	    strstr(cause, "no such archive") != NULL,
	    "reading a missing archive says so");
	free(cause);
	cause = NULL;

	db = db_open(path, DB_WRITE, &cause);
	ok(db != NULL, "archive created");
	ok(db_begin(db, &cause) == 0, "transaction begins");

	a1 = mk("2026-03-11", "«Мы построим мост», — сказал Ермаганбет "
	    "Булекпаев.");
	quote_list_init(&ql);
	add(&ql, a1, "Мы построим мост", "Ермаганбет Булекпаев",
	    "аким области", GENDER_MALE);
	ok(db_article_put(db, a1, &ql, &cause) == 1 && a1->id > 0,
	    "article stored with its quote");
	quote_list_free(&ql);

	a2 = mk("2026-03-12", "«Работы начаты», — отметил Е. Булекпаев. "
	    "«Всё хорошо», — сказала Айгерим Тулегенова.");
	add(&ql, a2, "Работы начаты", "Е. Булекпаев", NULL, GENDER_MALE);
	add(&ql, a2, "Всё хорошо", "Айгерим Тулегенова", "эколог",
	    GENDER_FEMALE);
	ql.q[1].kind = QUOTE_INDIRECT;
	a2->url = xstrdup("https://example.kz/2");
	ok(db_article_put(db, a2, &ql, &cause) == 1, "second article stored");
	quote_list_free(&ql);

	a3 = mk("2026-03-10", "«Нет», — сказал Булекпаев. «Да», — сказал "
	    "Айдар Булекпаев.");
	add(&ql, a3, "Нет", "Булекпаев", NULL, GENDER_UNKNOWN);
	add(&ql, a3, "Да", "Айдар Булекпаев", NULL, GENDER_MALE);
	ok(db_article_put(db, a3, &ql, &cause) == 1, "third article stored");
	quote_list_free(&ql);

	dup = mk("2000-01-01", a1->text);
	ok(db_article_put(db, dup, NULL, &cause) == 0 && dup->id == a1->id,
	    "the same text again is a duplicate of the first");
	ok(db_commit(db, &cause) == 0, "transaction commits");

	memset(&c, 0, sizeof(c));
	buf_init(&c.b);
	db_speakers(db, speaker_row, &c, &cause);
	is(c.b.data, "Ермаганбет Булекпаев|3|person|male|аким области\n"
	    "Айгерим Тулегенова|1|person|female|эколог\n"
	    "Айдар Булекпаев|1|person|male|-\n",
	    "'Е. Булекпаев' and 'Булекпаев' merged into one speaker; "
	    "another first name stays apart");
	buf_free(&c.b);

	k = db_speaker_find(db, "ермаганбет булекпаев", &ids, &cause);
	ok(k == 1, "speaker found case-insensitively");
	free(ids);
	k = db_speaker_find(db, "Е. Булекпаев", &ids, &cause);
	ok(k == 1, "speaker found by initial and surname");
	free(ids);
	k = db_speaker_find(db, "Булекпаев", &ids, &cause);
	ok(k == 1, "a bare surname finds the alias it was stored as");
	free(ids);
	k = db_speaker_find(db, "Тулегеновой Айгерим", &ids, &cause);
	ok(k == 1, "surname first and declined: found through the index");
	free(ids);
	k = db_speaker_find(db, "Айгерим Сапарова", &ids, &cause);
	ok(k == 0, "another surname finds nothing");
	free(ids);

	memset(&c, 0, sizeof(c));
	buf_init(&c.b);
	db_quotes(db, 0, a2->id, quote_row, &c, &cause);
	is(c.b.data, "2:Работы начаты:Ермаганбет Булекпаев:direct:auto:"
	    "https://example.kz/2\n"
	    "2:Всё хорошо:Айгерим Тулегенова:indirect:auto:"
	    "https://example.kz/2\n",
	    "quotes of one article, text from byte offsets, the article's "
	    "link");
	buf_free(&c.b);

	memset(&c, 0, sizeof(c));
	buf_init(&c.b);
	db_articles(db, 0, article_row, &c, &cause);
	is(c.b.data, "2 2026-03-12 2\n1 2026-03-11 1\n3 2026-03-10 2\n",
	    "articles newest first with quote counts");
	buf_free(&c.b);

	/* Re-extraction replaces automatic quotes and fixes the counts. */
	db_begin(db, &cause);
	quote_list_init(&ql);
	ok(db_quotes_replace(db, a2, &ql, &cause) == 0, "quotes replaced");
	db_commit(db, &cause);
	ok(db_count(db, &n, &cause) == 0 && n.articles == 3 &&
	    n.quotes == 3 && n.speakers == 2,
	    "counts after replacing: 3 articles, 3 quotes, 2 speakers");

	/* Paging: newest first, from keys, both ways. */
	{
		struct db_article_key	 key;
		char			*v;

		memset(&key, 0, sizeof(key));	/* no time of day */
		memset(&c, 0, sizeof(c));
		buf_init(&c.b);
		ok(db_articles_page(db, NULL, 1, 2, 0, article_row, &c,
		    &cause) == 2, "first page of two");
		memcpy(key.date, "2026-03-11", 11);
		key.id = 1;
		db_articles_page(db, &key, 1, 10, 0, article_row, &c, &cause);
		db_articles_page(db, &key, 0, 10, 0, article_row, &c, &cause);
		db_articles_page(db, NULL, 0, 1, 0, article_row, &c, &cause);
		is(c.b.data, "2 2026-03-12 0\n1 2026-03-11 1\n"
		    "3 2026-03-10 2\n2 2026-03-12 0\n3 2026-03-10 2\n",
		    "pages: first two; older than 1; newer than 1; last one");
		buf_free(&c.b);
		ok(db_article_total(db, 0, &cause) == 3, "total of 3");
		ok(db_article_rank(db, &key, 0, &cause) == 1,
		    "one article is newer than the second");
		ok(db_state_get(db, "pos") == NULL, "no state yet");
		ok(db_state_set(db, "pos", "2026-03-11 1", &cause) == 0 &&
		    db_state_set(db, "pos", "x", &cause) == 0, "state set twice");
		v = db_state_get(db, "pos");
		is(v, "x", "state read back");
		free(v);
	}

	/* Read marks, stars, mark-all-read and the next unread article
	 * (schema 13).  The list runs 2 (03-12), 1 (03-11), 3 (03-10). */
	{
		struct db_article_key	 key, next;
		long long		 nr;

		memset(&key, 0, sizeof(key));
		ok(db_unread_total(db, &cause) == 3, "new articles are unread");
		ok(db_next_unread(db, NULL, &next, &cause) == 1 &&
		    next.id == 2, "the first unread from the top is 2");
		ok(db_article_set_read(db, 1, 1, &cause) == 0 &&
		    db_unread_total(db, &cause) == 2, "1 marked read: 2 unread");
		memcpy(key.date, "2026-03-12", 11);
		key.id = 2;
		ok(db_next_unread(db, &key, &next, &cause) == 1 &&
		    next.id == 3 && strcmp(next.date, "2026-03-10") == 0,
		    "below 2 the next unread skips the read 1: 3");
		memset(&c, 0, sizeof(c));
		buf_init(&c.b);
		db_articles(db, 0, article_row_rd, &c, &cause);
		is(c.b.data, "2 2026-03-12 0 unread\n1 2026-03-11 1 read\n"
		    "3 2026-03-10 2 unread\n", "the list says which are read");
		buf_free(&c.b);
		ok(db_article_set_read(db, 1, 0, &cause) == 0 &&
		    db_unread_total(db, &cause) == 3 &&
		    db_article_set_read(db, 1, 0, &cause) == 0 &&
		    db_unread_total(db, &cause) == 3,
		    "unread again, twice: counted once");
		ok(db_article_set_read(db, 99, 0, &cause) == 0 &&
		    db_unread_total(db, &cause) == 3,
		    "no article 99 to mark unread");
		ok(db_read_all(db, &nr, &cause) == 0 && nr == 3 &&
		    db_unread_total(db, &cause) == 0, "all read: 3 were unread");
		ok(db_next_unread(db, NULL, &next, &cause) == 0,
		    "no unread article is left");
		ok(db_article_set_read(db, 3, 0, &cause) == 0 &&
		    db_next_unread(db, &key, &next, &cause) == 1 &&
		    next.id == 3, "one marked unread is found again");

		ok(db_article_starred(db, 1, &cause) == 0 &&
		    db_article_total(db, DB_LIST_STARRED, &cause) == 0,
		    "nothing starred");
		ok(db_article_set_star(db, 1, 1, &cause) == 0 &&
		    db_article_set_star(db, 3, 1, &cause) == 0 &&
		    db_article_starred(db, 1, &cause) == 1 &&
		    db_article_total(db, DB_LIST_STARRED, &cause) == 2,
		    "two starred");
		memset(&c, 0, sizeof(c));
		buf_init(&c.b);
		db_articles(db, DB_LIST_STARRED, article_row_rd, &c, &cause);
		ok(db_articles_page(db, NULL, 1, 1, DB_LIST_STARRED,
		    article_row_rd, &c, &cause) == 1, "a page of one starred");
		memcpy(key.date, "2026-03-11", 11);
		key.id = 1;
		db_articles_page(db, &key, 1, 10, DB_LIST_STARRED,
		    article_row_rd, &c, &cause);
		is(c.b.data, "1 2026-03-11 1 read\n3 2026-03-10 2 unread\n"
		    "1 2026-03-11 1 read\n3 2026-03-10 2 unread\n",
		    "the starred ones only, whole and paged");
		buf_free(&c.b);
		ok(db_article_rank(db, &key, DB_LIST_STARRED, &cause) == 0 &&
		    db_article_rank(db, &key, 0, &cause) == 1,
		    "1 is first of the starred, second of all");
		ok(db_article_set_star(db, 1, 0, &cause) == 0 &&
		    db_article_total(db, DB_LIST_STARRED, &cause) == 1,
		    "a star taken away");
		db_article_set_star(db, 3, 0, &cause);
		db_read_all(db, &nr, &cause);
	}

	got = db_article_get(db, a1->id, &cause);
	ok(got != NULL && got->len == a1->len &&
	    memcmp(got->text, a1->text, a1->len) == 0 &&
	    strcmp(got->origin, "test") == 0, "article read back whole");
	article_free(got);
	got = db_article_get(db, 999, &cause);
	ok(got == NULL && cause == NULL, "a missing id is not an error");
	ok(db_article_set_read(db, a1->id, 1, &cause) == 0, "marked read");
	{
		struct search_query	*sq = search_parse("мосты", &cause);
		long			 nhits;

		memset(&c, 0, sizeof(c));
		nhits = db_search(db, sq, 0, 20, hit_row, &c, &cause);
		ok(nhits == 1 && c.is_read == 1 && c.nquotes == 1,
		    "a result says its article is read, with 1 quote "
		    "(%ld results: %d, %ld)", nhits, c.is_read, c.nquotes);
		search_free(sq);
		sq = search_parse("speaker:Ермаганбета построим", &cause);
		memset(&c, 0, sizeof(c));
		nhits = db_search(db, sq, 0, 20, hit_row, &c, &cause);
		ok(nhits == 1 && c.is_read == 1 && c.nquotes == 1,
		    "so does a quote's result (%ld results: %d, %ld)", nhits,
		    c.is_read, c.nquotes);
		/* The speaker's one quote was matched on its own; along the
		 * index and the window, the same. */
		db_search_few(db, -1, 0);
		memset(&c, 0, sizeof(c));
		nhits = db_search(db, sq, 0, 20, hit_row, &c, &cause);
		ok(nhits == 1 && c.nquotes == 1, "the same along the index");
		db_search_few(db, -1, -1);
		search_free(sq);
	}

	/* The reader's writes do not wait for another writer. */
	{
		struct db	*other, *third;

		other = db_open(path, DB_WRITE, &cause);
		ok(other != NULL && db_begin(other, &cause) == 0,
		    "a second connection holds the write lock");
		ok(db_article_set_read(db, a1->id, 0, &cause) == 1,
		    "marking read then says the archive is locked");
		ok(db_state_set(db, "pos", "y", &cause) == 1,
		    "and so does saving the state");
		db_busy_timeout_set(300);
		third = db_open(path, DB_WRITE, &cause);
		ok(third != NULL && db_begin(third, &cause) == -1 &&
		    cause != NULL && strstr(cause, "locked by another process "
		    "(gave up after 0.3 s)") != NULL,
		    "an import waits 0.3 s, then gives up, saying so");
		free(cause);
		cause = NULL;
		db_close(third);
		db_busy_timeout_set(DB_BUSY_TIMEOUT);
		db_rollback(other);
		db_close(other);
		ok(db_article_set_read(db, a1->id, 1, &cause) == 0,
		    "free again, it marks");
	}

	/* Search windows: 30 more articles, "редкость" only in the oldest,
	 * "новость" in all. */
	{
		struct search_query	*sq;
		struct article		*x;
		char			*t;
		long			 nh;
		int			 i;

		db_begin(db, &cause);
		for (i = 0; i < 30; i++) {
			t = xasprintf("Новость номер %d.%s", i, i == 0 ?
			    " Редкость." : "");
			x = mk("2026-04-01", t);
			db_article_put(db, x, NULL, &cause);
			article_free(x);
			free(t);
		}
		db_commit(db, &cause);
		db_search_window(db, 5);
		memset(&c, 0, sizeof(c));
		sq = search_parse("редкости", &cause);
		ok(db_search(db, sq, 0, 20, hit_row, &c, &cause) == 1,
		    "a rare word in the oldest article: the window grows "
		    "to find it");
		search_free(sq);
		sq = search_parse("новости", &cause);
		memset(&c, 0, sizeof(c));
		ok(db_search(db, sq, 0, 3, hit_row, &c, &cause) == 3,
		    "a common word: three results");
		ok(c.n == 3 && c.min_id >= 33 - 5,
		    "all from the newest window of 5 (lowest id %lld)",
		    c.min_id);
		search_free(sq);
		db_search_few(db, 0, 0);
		memset(&c, 0, sizeof(c));
		sq = search_parse("since:2026-04-01 новости", &cause);
		nh = db_search(db, sq, 0, 3, hit_row, &c, &cause);
		ok(nh == 3 && c.min_id >= 33 - 5,
		    "with a filter too (lowest id %lld)", c.min_id);
		search_free(sq);
		sq = search_parse("since:2026-04-01 редкости", &cause);
		ok(db_search(db, sq, 0, 20, hit_row, &c, &cause) == 1,
		    "and the window grows to find the rare word");
		search_free(sq);
		/* The 30 articles of the day matched one by one: the rare
		 * word's oldest article among them at once. */
		db_search_few(db, 30, -1);
		memset(&c, 0, sizeof(c));
		sq = search_parse("since:2026-04-01 редкости", &cause);
		ok(db_search(db, sq, 0, 20, hit_row, &c, &cause) == 1 &&
		    c.min_id == 4, "a day's few articles matched one by one");
		search_free(sq);
		memset(&c, 0, sizeof(c));
		sq = search_parse("until:2026-04-01 новости", &cause);
		ok(db_search(db, sq, 0, 3, hit_row, &c, &cause) == 3,
		    "  a common word among them: three results");
		search_free(sq);
		db_search_few(db, -1, -1);
		sq = search_parse("until:2000-01-01 новости", &cause);
		ok(db_search(db, sq, 0, 20, hit_row, &c, &cause) == 0 &&
		    cause == NULL, "no article in the dates: no result");
		search_free(sq);
		db_search_window(db, 0);
	}

	/* Total and rank from the counts per day: the 30 articles above
	 * share 2026-04-01, ids 4 to 33. */
	{
		struct db_article_key	 key;

		ok(db_article_total(db, 0, &cause) == 33, "total of 33");
		memset(&key, 0, sizeof(key));
		memcpy(key.date, "2026-04-01", 11);
		key.id = 4;
		ok(db_article_rank(db, &key, 0, &cause) == 29,
		    "rank within a day: 29 newer articles of the same day");
		key.id = 33;
		ok(db_article_rank(db, &key, 0, &cause) == 0,
		    "the newest article has rank 0");
		memcpy(key.date, "2026-03-12", 11);
		key.id = 2;
		ok(db_article_rank(db, &key, 0, &cause) == 30,
		    "rank across days: the 30 of a newer day");
		memcpy(key.date, "2026-03-09", 11);
		key.id = 99;
		ok(db_article_rank(db, &key, 0, &cause) == 33,
		    "a key older than every article ranks after all of them");
	}


	/*
	 * A speaker's quotes a page at a time: the same rows in the same
	 * order as db_quotes(), from either end and from a key in the
	 * middle.  Nine articles over three dates, three on each and
	 * stored out of date order, hold one to three quotes of Нурлан
	 * Сапаров each, one other speaker's, and in article 5 two of his
	 * that start at the same byte (ordered by id).
	 */
	{
		static const char	*dates[] = { "2026-05-02",
					    "2026-05-01", "2026-05-03" };
		struct pager		 full, all, pg;
		struct db_quote_key	 key;
		struct article		*x;
		long long		 sid = 0, *sids, total;
		char			*t, *w, *name = NULL;
		int			 i, j, m, nq, pages;

		db_begin(db, &cause);
		for (i = 0; i < 9; i++) {
			nq = 1 + i % 3;
			t = xasprintf("«Фраза %d.1» «Фраза %d.2» «Фраза %d.3» "
			    "«Чужое %d»", i, i, i, i);
			x = mk(dates[i % 3], t);
			quote_list_init(&ql);
			for (j = 1; j <= nq; j++) {
				w = xasprintf("Фраза %d.%d", i, j);
				add(&ql, x, w, "Нурлан Сапаров", NULL,
				    GENDER_MALE);
				free(w);
			}
			w = xasprintf("Чужое %d", i);
			add(&ql, x, w, "Гульнара Искакова", NULL,
			    GENDER_FEMALE);
			free(w);
			if (i == 5)
				add(&ql, x, "Фраза", "Нурлан Сапаров", NULL,
				    GENDER_MALE);
			db_article_put(db, x, &ql, &cause);
			quote_list_free(&ql);
			article_free(x);
			free(t);
		}
		ok(db_commit(db, &cause) == 0, "nine articles for paging");
		if (db_speaker_find(db, "Нурлан Сапаров", &sids, &cause) == 1)
			sid = sids[0];
		free(sids);
		total = db_speaker_quotes_total(db, sid, &name, &cause);
		ok(total == 19 && name != NULL &&
		    strcmp(name, "Нурлан Сапаров") == 0,
		    "the speaker's total and name from its row (%lld)", total);
		free(name);
		ok(db_speaker_quotes_total(db, 9999, &name, &cause) == 0 &&
		    name == NULL, "no such speaker: 0 quotes, no name");

		memset(&full, 0, sizeof(full));
		full.check = 1;
		db_quotes(db, sid, 0, page_row, &full, &cause);
		ok(full.n == 19, "db_quotes gives his 19 quotes");
		ok(full.disorder == 0, "newest date first, then the higher "
		    "article id, then text order, then id");
		for (m = 0, i = 1; i < full.n; i++)
			m += full.ids[i] == full.ids[i - 1];
		ok(m == 0, "each once");

		for (i = 1; i <= 4; i++) {
			pages = page_all(db, sid, 1, i, &all);
			ok(pages > 0 && all.n == full.n &&
			    same_ids(all.ids, full.ids, full.n, 0),
			    "forward in pages of %d: the same rows in the "
			    "same order (%d pages)", i, pages);
			pages = page_all(db, sid, 0, i, &all);
			ok(pages > 0 && all.n == full.n &&
			    same_ids(all.ids, full.ids, full.n, 1),
			    "backward in pages of %d from the end: the same "
			    "rows, nearest first (%d pages)", i, pages);
		}
		for (m = 0; m < full.n; m += 6) {
			memset(&pg, 0, sizeof(pg));
			db_quotes_get(db, &full.ids[m], 1, page_row, &pg,
			    &cause);
			key = pg.last;
			memset(&pg, 0, sizeof(pg));
			db_speaker_quotes_page(db, sid, &key, 1, 64, page_row,
			    &pg, &cause);
			ok(pg.n == full.n - m - 1 && same_ids(pg.ids,
			    full.ids + m + 1, pg.n, 0),
			    "older than row %d: the %d rows after it", m,
			    full.n - m - 1);
			memset(&pg, 0, sizeof(pg));
			db_speaker_quotes_page(db, sid, &key, 0, 64, page_row,
			    &pg, &cause);
			ok(pg.n == m && same_ids(pg.ids, full.ids, m, 1),
			    "newer than row %d: the %d rows before it, "
			    "nearest first", m, m);
		}
		memset(&pg, 0, sizeof(pg));
		ok(db_speaker_quotes_page(db, sid, NULL, 1, 0, page_row, &pg,
		    &cause) == 0 && pg.n == 0, "a page of 0 rows is empty");
		memset(&pg, 0, sizeof(pg));
		{
			long long	 want[3] = { full.ids[4], 987654,
					    full.ids[2] };

			ok(db_quotes_get(db, want, 3, page_row, &pg,
			    &cause) == 0 && pg.n == 2 &&
			    pg.ids[0] == want[0] && pg.ids[1] == want[2],
			    "quotes by id, in the order asked, a missing one "
			    "skipped");
		}
	}

	/* A speaker's few quotes matched by search.c's matcher give the
	 * quotes and ranks FTS5 gives along the index: repeated words,
	 * phrases that overlap, exclusions, any word form; and, asked for
	 * the best one only, the same one ("да да" twice in "Да да да",
	 * so it comes before the shorter "Да да, мосты"). */
	{
		static const char *const texts[] = {
		    "Мост и мост, и снова мост построим",
		    "Построим новый мост через реку",
		    "Новый мост новый мост",
		    "Реку перейдём вброд",
		    "Да да да, мосты",
		    "Да да, мосты"
		};
		static const char *const queries[] = {
		    "мост", "мосты реку", "\"новый мост\"", "мост -реку",
		    "\"да да\"", "построим -\"новый мост\"", "вброд мост"
		};
		static const int	 want[] = { 5, 1, 2, 4, 2, 1, 0 };
		struct search_query	*sq;
		struct collect		 c2;
		struct article		*x;
		size_t			 i;
		int			 lim, w;

		db_begin(db, &cause);
		for (i = 0; i < sizeof(texts) / sizeof(texts[0]); i++) {
			char	*t = xasprintf("«%s», — сказала Сауле "
			    "Омарова.", texts[i]);

			x = mk("2026-05-01", t);
			quote_list_init(&ql);
			add(&ql, x, texts[i], "Сауле Омарова", NULL,
			    GENDER_FEMALE);
			db_article_put(db, x, &ql, &cause);
			quote_list_free(&ql);
			article_free(x);
			free(t);
		}
		db_commit(db, &cause);
		for (i = 0; i < sizeof(queries) / sizeof(queries[0]); i++) {
			char	*q = xasprintf("speaker:\"Сауле Омарова\" %s",
			    queries[i]);

			sq = search_parse(q, &cause);
			for (lim = 20; lim > 0; lim -= 19) {
				w = want[i] < lim ? want[i] : lim;
				memset(&c, 0, sizeof(c));
				buf_init(&c.b);
				db_search(db, sq, 0, lim, hit_rank, &c,
				    &cause);
				db_search_few(db, -1, 0);
				memset(&c2, 0, sizeof(c2));
				buf_init(&c2.b);
				db_search(db, sq, 0, lim, hit_rank, &c2,
				    &cause);
				ok(c.n == w && c2.n == w &&
				    strcmp(c.b.data, c2.b.data) == 0,
				    "%s, at most %d: matched here as by FTS5 "
				    "(%d and %d quotes, %d wanted)", q, lim,
				    c.n, c2.n, w);
				/* Along the index, each match's quote looked
				 * up rather than the speaker's gathered. */
				db_search_speaker_set(db, 0);
				buf_reset(&c2.b);
				c2.n = 0;
				db_search(db, sq, 0, lim, hit_rank, &c2,
				    &cause);
				ok(c2.n == w && strcmp(c.b.data, c2.b.data) ==
				    0, "  and each match looked up (%d)",
				    c2.n);
				db_search_speaker_set(db, -1);
				db_search_few(db, -1, -1);
				buf_free(&c.b);
				buf_free(&c2.b);
			}
			search_free(sq);
			free(q);
		}
	}

	db_close(db);
	article_free(a1);
	article_free(a2);
	article_free(a3);
	article_free(dup);

	db = db_open(path, DB_READ, &cause);
	ok(db != NULL, "reopened for reading");
	db_close(db);
	db = db_open(path, DB_WRITE, &cause);
	rank_order(db);
	speakers_paging(db);
	db_close(db);
	wal = xasprintf("%s-wal", path);
	shm = xasprintf("%s-shm", path);
	unlink(path);
	unlink(wal);
	unlink(shm);
	free(wal);
	free(shm);
	return tap_done();
}
