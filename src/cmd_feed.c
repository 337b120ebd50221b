/*
 * cmd_feed.c: the commands "feeds" (add, list, remove, import and export
 * the subscriptions) and "fetch" (every feed at once into the archive).
 */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <getopt.h>
#include <pthread.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "db.h"
#include "export.h"
#include "feed.h"
#include "feeds.h"
#include "fetch.h"
#include "import.h"
#include "lexicon.h"
#include "main.h"
#include "queue.h"
#include "util.h"

/* A subscription as the commands hold it: a copy of its row. */
struct sub {
	long long	 id;
	char		*url;
	char		*name;		/* the user's, or NULL */
	char		*title;		/* the feed's, or NULL */
	char		*etag;
	char		*last_modified;
	long long	 retry_until;
	long long	 narticles;
};

struct subs {
	struct sub	*v;
	size_t		 n, cap;
};

/* A fetch: the feeds asked for, and what became of them. */
struct fetch_run_state {
	struct db		*db;
	struct lexicon		*lx;
	struct sub		**feeds;	/* being fetched, by request */
	size_t			 nfeeds;
	char			 today[11];
	long long		 now;
	int			 progress;	/* a line on the terminal */
	int			 lines;		/* a line a feed on stdout */
	size_t			 done, failed, not_modified;
	struct feeds_counts	 total;
	char			*dberr;		/* the archive failed */
	/* The parsing thread: feeds fetched go to it by to, come back
	 * parsed, their quotes found, by back; inflight are on the way. */
	int			 threaded;
	pthread_t		 thread;
	struct queue		 to, back;
	size_t			 inflight;
	int			 wake[2];	/* a byte: one is back */
};

/* A feed fetched, on its way through the parsing thread. */
struct parsed {
	struct queue_link	 link;		/* first: queue.c's */
	struct sub		*u;
	struct fetch_res	*res;
	struct feed		*fd;		/* NULL when it did not parse */
	char			*cause;		/* why not */
	const char		*source;	/* the articles' */
	struct feeds_prep	 prep;
	int			 end;		/* none: the thread ends */
};

/* At most this many feeds wait for the parsing thread, and this many
 * bytes of them, before the transfers wait. */
#define PARSE_WAITING		8
#define PARSE_WAITING_BYTES	(64 * 1024 * 1024)
/* At most this many feeds are on the way, parsed or not, before a
 * transfer that ends waits for one to be stored. */
#define PARSE_INFLIGHT		16

enum {
	OPT_NAME = 256,
	OPT_FORMAT,
	OPT_JOBS,
	OPT_TIMEOUT
};

/* The options of the feeds subcommands and of fetch. */
struct feed_opts {
	const char		*name;		/* --name */
	enum export_format	 format;	/* --format */
	long			 jobs;		/* --jobs, 0 when not given */
	long			 timeout;	/* --timeout, likewise */
};

static int	 opts_parse(int, char **, const char *, struct feed_opts *);
static int	 subs_row(void *, const struct db_feed *);
static void	 subs_load(struct db *, struct subs *);
static void	 subs_free(struct subs *);
static const char *sub_shown(const struct sub *);
static struct sub *sub_find(struct subs *, const char *);
static int	 url_ok(const char *);
static int	 list_row(void *, const struct db_feed *);
static int	 feeds_add(int, char **);
static int	 feeds_list(int, char **);
static int	 feeds_remove(int, char **);
static int	 feeds_import(int, char **);
static int	 feeds_export(int, char **);
static void	 sub_diag(void *, long, const char *);
static void	 say(struct fetch_run_state *, const char *, ...)
		    __attribute__((format(printf, 2, 3)));
static void	 progress(struct fetch_run_state *, int);
static int	 fetch_done(void *, const struct fetch_req *,
		    struct fetch_res *);
static int	 fetch_failed(struct fetch_run_state *, struct sub *,
		    const char *, long long);
static void	 parse_feed(struct fetch_run_state *, struct parsed *);
static void	 parsed_free(struct queue_link *);
static void	*parse_thread(void *);
static int	 parse_drain(struct fetch_run_state *, size_t);
static int	 parse_wake(void *);
static int	 fetch_store(struct fetch_run_state *, struct parsed *);
static void	 item_diag(void *, long, const char *);

/*
 * Parses the options of "feeds SUB" or "fetch" (argv[0] is the
 * subcommand) into *o; allowed names the long options it takes ("name",
 * "format", "jobs", "timeout").  Returns the index of the first operand,
 * or -1 after a message.
 */
static int
opts_parse(int argc, char **argv, const char *allowed, struct feed_opts *o)
{
	static const struct option	opts[] = {
		{ "name", required_argument, NULL, OPT_NAME },
		{ "format", required_argument, NULL, OPT_FORMAT },
		{ "jobs", required_argument, NULL, OPT_JOBS },
		{ "timeout", required_argument, NULL, OPT_TIMEOUT },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 }
	};
	const char	*m;
	char		*e;
	int		 ch, i;

	memset(o, 0, sizeof(*o));
	o->format = EXPORT_TEXT;
	if ((m = main_permute(argc, argv, opts)) != NULL) {
		e = main_escaped(m);
		warnx("%s: option '%s' needs a value", argv[0], e);
		free(e);
		return -1;
	}
	optind = 1;
	opterr = 0;
	while ((ch = getopt_long(argc, argv, "+:h", opts, &i)) != -1) {
		if (ch == 'h') {
			main_usage(strcmp(argv[0], "fetch") == 0 ? "fetch" :
			    "feeds", stdout);
			exit(EXIT_OK);
		}
		if (ch == ':') {
			e = main_escaped(argv[optind - 1]);
			warnx("%s: option '%s' needs a value", argv[0], e);
			free(e);
			return -1;
		}
		if (ch == '?' || strstr(allowed, opts[i].name) == NULL) {
			e = main_escaped(argv[optind - 1]);
			warnx("%s: option '%s' does not apply", argv[0], e);
			free(e);
			return -1;
		}
		switch (ch) {
		case OPT_NAME:
			o->name = optarg;
			break;
		case OPT_FORMAT:
			if (main_parse_format(optarg, &o->format,
			    MAIN_FORMAT_TSV) != 0)
				return -1;
			break;
		case OPT_JOBS:
			if ((o->jobs = main_parse_count(argv[0], "jobs", optarg,
			    64)) < 0)
				return -1;
			break;
		case OPT_TIMEOUT:
			if ((o->timeout = main_parse_count(argv[0], "timeout",
			    optarg, 3600)) < 0)
				return -1;
			break;
		}
	}
	return optind;
}

static int
subs_row(void *ctx, const struct db_feed *f)
{
	struct subs	*s = ctx;
	struct sub	*u;

	if (s->n == s->cap) {
		s->cap = s->cap == 0 ? 16 : s->cap * 2;
		s->v = xreallocarray(s->v, s->cap, sizeof(*s->v));
	}
	u = &s->v[s->n++];
	u->id = f->id;
	u->url = xstrdup(f->url);
	u->name = f->name != NULL ? xstrdup(f->name) : NULL;
	u->title = f->title != NULL ? xstrdup(f->title) : NULL;
	u->etag = f->etag != NULL ? xstrdup(f->etag) : NULL;
	u->last_modified = f->last_modified != NULL ?
	    xstrdup(f->last_modified) : NULL;
	u->retry_until = f->retry_until;
	u->narticles = f->narticles;
	return 0;
}

static void
subs_load(struct db *db, struct subs *s)
{
	char	*cause = NULL;

	memset(s, 0, sizeof(*s));
	if (db_feeds(db, subs_row, s, &cause) != 0)
		main_fatal_cause(cause, "");
}

static void
subs_free(struct subs *s)
{
	size_t	i;

	for (i = 0; i < s->n; i++) {
		free(s->v[i].url);
		free(s->v[i].name);
		free(s->v[i].title);
		free(s->v[i].etag);
		free(s->v[i].last_modified);
	}
	free(s->v);
}

/* A feed as messages name it: the user's name, its title, its URL. */
static const char *
sub_shown(const struct sub *u)
{
	return u->name != NULL ? u->name : u->title != NULL ? u->title :
	    u->url;
}

/* The feed arg names: its number in "feeds list", its URL, or its name
 * as shown; NULL when none. */
static struct sub *
sub_find(struct subs *s, const char *arg)
{
	char		*end;
	long long	 id;
	size_t		 i;

	id = strtoll(arg, &end, 10);
	for (i = 0; i < s->n; i++)
		if ((*arg != '\0' && *end == '\0' && s->v[i].id == id) ||
		    strcmp(s->v[i].url, arg) == 0)
			return &s->v[i];
	for (i = 0; i < s->n; i++)
		if (strcmp(sub_shown(&s->v[i]), arg) == 0)
			return &s->v[i];
	return NULL;
}

/* Whether url is one fetch can read: http, https or file, with more
 * after the scheme. */
static int
url_ok(const char *url)
{
	static const char	*schemes[] = { "http://", "https://", "file://" };
	size_t			 i, n;

	for (i = 0; i < sizeof(schemes) / sizeof(schemes[0]); i++) {
		n = strlen(schemes[i]);
		if (strncasecmp(url, schemes[i], n) == 0 && url[n] != '\0')
			return 1;
	}
	return 0;
}

int
cmd_feeds(int argc, char **argv)
{
	static const struct {
		const char	*name;
		int		(*fn)(int, char **);
	} subs[] = {
		{ "add", feeds_add },
		{ "list", feeds_list },
		{ "remove", feeds_remove },
		{ "import", feeds_import },
		{ "export", feeds_export },
	};
	static char	 list[] = "list";
	char		*none[] = { list, NULL }, *e;
	size_t		 i;

	if (argc >= 2 && (strcmp(argv[1], "--help") == 0 ||
	    strcmp(argv[1], "-h") == 0)) {
		main_usage("feeds", stdout);
		return EXIT_OK;
	}
	if (argc < 2)
		return feeds_list(1, none);
	for (i = 0; i < sizeof(subs) / sizeof(subs[0]); i++)
		if (strcmp(argv[1], subs[i].name) == 0)
			return subs[i].fn(argc - 1, argv + 1);
	e = main_escaped(argv[1]);
	warnx("feeds: unknown subcommand '%s'", e);
	free(e);
	main_usage("feeds", stderr);
	return EXIT_FAIL;
}

static int
feeds_add(int argc, char **argv)
{
	struct db	*db;
	struct feed_opts o;
	const char	*name;
	char		*cause = NULL, *e;
	long long	 id;
	int		 first, i, rc;

	if ((first = opts_parse(argc, argv, "name", &o)) < 0)
		return EXIT_FAIL;
	name = o.name;
	if (first >= argc) {
		warnx("feeds add: no URL given");
		return EXIT_FAIL;
	}
	if (name != NULL && argc - first > 1) {
		warnx("feeds add: --name names one feed, not %d",
		    argc - first);
		return EXIT_FAIL;
	}
	if (name != NULL && *name == '\0')
		name = NULL;
	for (i = first; i < argc; i++)
		if (!url_ok(argv[i])) {
			e = main_escaped(argv[i]);
			warnx("feeds add: not an http, https or file URL: "
			    "'%s'", e);
			free(e);
			return EXIT_FAIL;
		}
	db = main_open_db(DB_WRITE);
	if (db_begin(db, &cause) != 0)
		main_fatal_cause(cause, "; nothing was added");
	for (i = first; i < argc; i++) {
		if ((rc = db_feed_add(db, argv[i], name, &id, &cause)) < 0) {
			db_rollback(db);
			main_fatal_cause(cause, "; nothing was added");
		}
		e = main_escaped(argv[i]);
		if (rc == 1)
			printf("added feed %lld: %s\n", id, e);
		else
			printf("already subscribed (feed %lld): %s\n", id, e);
		free(e);
	}
	if (db_commit(db, &cause) != 0)
		main_fatal_cause(cause, "; nothing was added");
	db_close(db);
	return EXIT_OK;
}

/* Where the rows of "feeds list" go. */
struct list_out {
	struct buf		b;
	enum export_format	format;
};

static int
list_row(void *ctx, const struct db_feed *f)
{
	struct list_out	*o = ctx;

	export_feed_row(&o->b, o->format, f);
	main_out_flush(&o->b, 0);
	return 0;
}

static int
feeds_list(int argc, char **argv)
{
	struct db	*db;
	struct list_out	 o;
	struct feed_opts fo;
	char		*cause = NULL;
	int		 first;

	if ((first = opts_parse(argc, argv, "format", &fo)) < 0)
		return EXIT_FAIL;
	o.format = fo.format;
	if (first < argc) {
		warnx("feeds list: unexpected argument");
		return EXIT_FAIL;
	}
	db = main_open_db(DB_READ);
	buf_init(&o.b);
	if (db_feeds(db, list_row, &o, &cause) != 0)
		main_fatal_cause(cause, "");
	main_out_flush(&o.b, 1);
	buf_free(&o.b);
	db_close(db);
	return EXIT_OK;
}

static int
feeds_remove(int argc, char **argv)
{
	struct db	*db;
	struct subs	 s;
	struct sub	*u;
	char		*cause = NULL, *e;
	int		 first, i;
	struct feed_opts	 fo;

	if ((first = opts_parse(argc, argv, "", &fo)) < 0)
		return EXIT_FAIL;
	if (first >= argc) {
		warnx("feeds remove: no feed given");
		return EXIT_FAIL;
	}
	db = main_open_db(DB_WRITE);
	subs_load(db, &s);
	for (i = first; i < argc; i++)
		if (sub_find(&s, argv[i]) == NULL) {
			e = main_escaped(argv[i]);
			warnx("feeds remove: no feed '%s' (see citata feeds "
			    "list); nothing was removed", e);
			free(e);
			subs_free(&s);
			db_close(db);
			return EXIT_FAIL;
		}
	if (db_begin(db, &cause) != 0)
		main_fatal_cause(cause, "; nothing was removed");
	for (i = first; i < argc; i++) {
		u = sub_find(&s, argv[i]);
		if (u->id == 0)
			continue;	/* named twice */
		if (db_feed_remove(db, u->id, &cause) != 0) {
			db_rollback(db);
			main_fatal_cause(cause, "; nothing was removed");
		}
		e = main_escaped(sub_shown(u));
		printf("removed feed %lld: %s (%lld articles stay in the "
		    "archive)\n", u->id, e, u->narticles);
		free(e);
		u->id = 0;
	}
	if (db_commit(db, &cause) != 0)
		main_fatal_cause(cause, "; nothing was removed");
	subs_free(&s);
	db_close(db);
	return EXIT_OK;
}

/* The file being imported, for sub_diag(). */
struct import_ctx {
	const char	*file;
	size_t		 skipped;
};

static void
sub_diag(void *ctx, long line, const char *reason)
{
	struct import_ctx	*ic = ctx;

	ic->skipped++;
	main_diag(NULL, ic->file, line, 0, reason);
}

static int
feeds_import(int argc, char **argv)
{
	struct import_ctx	 ic = { NULL, 0 };
	struct feed_sub		*subs;
	struct db		*db;
	char			*data, *cause = NULL, *e;
	size_t			 len, added = 0, had = 0;
	long			 n, i;
	long long		 id;
	int			 first, rc;
	struct feed_opts	 fo;

	if ((first = opts_parse(argc, argv, "", &fo)) < 0)
		return EXIT_FAIL;
	if (argc - first != 1) {
		warnx("feeds import: give one file (OPML or a newsboat urls "
		    "file)");
		return EXIT_FAIL;
	}
	ic.file = argv[first];
	if ((data = import_read_file(ic.file, &len, &cause)) == NULL) {
		main_diag(NULL, ic.file, 0, 0, cause);
		free(cause);
		return EXIT_FAIL;
	}
	n = feed_subs_parse(data, len, &subs, sub_diag, &ic, &cause);
	free(data);
	if (n < 0) {
		main_diag(NULL, ic.file, 0, 0, cause);
		free(cause);
		return EXIT_FAIL;
	}
	db = main_open_db(DB_WRITE);
	if (db_begin(db, &cause) != 0)
		main_fatal_cause(cause, "; nothing was imported");
	for (i = 0; i < n; i++) {
		if (!url_ok(subs[i].url)) {
			e = xasprintf("not an http, https or file URL: %s",
			    subs[i].url);
			sub_diag(&ic, 0, e);
			free(e);
			continue;
		}
		if ((rc = db_feed_add(db, subs[i].url, subs[i].name, &id,
		    &cause)) < 0) {
			db_rollback(db);
			main_fatal_cause(cause, "; nothing was imported");
		}
		if (rc == 1)
			added++;
		else
			had++;
	}
	if (db_commit(db, &cause) != 0)
		main_fatal_cause(cause, "; nothing was imported");
	printf("imported %zu feeds, already subscribed %zu, skipped %zu\n",
	    added, had, ic.skipped);
	feed_subs_free(subs, (size_t)n);
	db_close(db);
	return ic.skipped > 0 ? EXIT_PARTIAL : EXIT_OK;
}

static int
feeds_export(int argc, char **argv)
{
	struct db	*db;
	struct subs	 s;
	struct feed_sub	*fs;
	struct buf	 b;
	size_t		 i;
	int		 first;
	struct feed_opts	 fo;

	if ((first = opts_parse(argc, argv, "", &fo)) < 0)
		return EXIT_FAIL;
	if (first < argc) {
		warnx("feeds export: unexpected argument");
		return EXIT_FAIL;
	}
	db = main_open_db(DB_READ);
	subs_load(db, &s);
	fs = xcalloc(s.n + 1, sizeof(*fs));
	for (i = 0; i < s.n; i++) {
		fs[i].url = s.v[i].url;
		fs[i].name = (char *)sub_shown(&s.v[i]);
	}
	buf_init(&b);
	feed_opml_write(&b, "citata subscriptions", fs, s.n);
	main_out_flush(&b, 1);
	buf_free(&b);
	free(fs);
	subs_free(&s);
	db_close(db);
	return EXIT_OK;
}

/* A line for the person running fetch, on standard error, the progress
 * line cleared first. */
static void
say(struct fetch_run_state *run, const char *fmt, ...)
{
	va_list	ap;
	char	*m;

	va_start(ap, fmt);
	m = xvasprintf(fmt, ap);
	va_end(ap);
	if (run->progress)
		fprintf(stderr, "\r%-70s\r", "");
	warnx("%s", m);
	free(m);
	progress(run, 0);
}

/* The progress line on a terminal: feeds done of all, new articles,
 * failures; cleared for good when last. */
static void
progress(struct fetch_run_state *run, int last)
{
	if (!run->progress)
		return;
	if (last) {
		fprintf(stderr, "\r%-70s\r", "");
		return;
	}
	fprintf(stderr, "\rfetch: %zu/%zu feeds, %zu new articles, "
	    "%zu failed", run->done, run->nfeeds, run->total.added,
	    run->failed);
	fflush(stderr);
}

static void
item_diag(void *ctx, long line, const char *reason)
{
	struct fetch_run_state	*run = ((void **)ctx)[0];
	const struct sub	*u = ((void **)ctx)[1];
	char			*e = main_escaped(sub_shown(u));

	say(run, "fetch: %s: item at line %ld left out: %s", e, line,
	    reason);
	free(e);
}

/* Records that feed u failed for reason; the server asked to wait
 * retry seconds (0: it did not).  -1 when the archive failed. */
static int
fetch_failed(struct fetch_run_state *run, struct sub *u, const char *reason,
    long long retry)
{
	struct db_feed_fetch	 f = { 0 };
	char			*e, *r, *cause = NULL;

	run->failed++;
	f.status = reason;
	f.failed = 1;
	f.retry_until = retry > 0 ? run->now + retry : 0;
	e = main_escaped(sub_shown(u));
	r = main_escaped(reason);
	say(run, "fetch: %s: %s", e, r);
	free(e);
	free(r);
	if (db_begin(run->db, &cause) != 0 ||
	    db_feed_fetched(run->db, u->id, (long long)time(NULL), &f,
	    &cause) != 0 || db_commit(run->db, &cause) != 0) {
		db_rollback(run->db);
		run->dberr = cause;
		return -1;
	}
	return 0;
}

/* Parses the body of a fetched feed and finds the quotes of its items:
 * what needs no archive, on the parsing thread. */
static void
parse_feed(struct fetch_run_state *run, struct parsed *p)
{
	struct fetch_res	*res = p->res;
	struct sub		*u = p->u;

	if ((p->fd = feed_parse(res->body, res->len, res->final_url,
	    res->charset, &p->cause)) == NULL)
		return;
	p->source = u->name != NULL ? u->name : p->fd->title != NULL &&
	    *p->fd->title != '\0' ? p->fd->title : u->url;
	feeds_prepare(run->lx, u->id, p->source, p->fd, run->today,
	    &p->prep);
}

static void
parsed_free(struct queue_link *l)
{
	struct parsed	*p = (struct parsed *)l;

	feeds_prep_free(&p->prep);
	if (p->fd != NULL)
		feed_free(p->fd);
	if (p->res != NULL)
		fetch_res_free(p->res);
	free(p->cause);
	free(p);
}

/* The parsing thread: each feed from run->to back by run->back, parsed,
 * until the one that says the end. */
static void *
parse_thread(void *arg)
{
	struct fetch_run_state	*run = arg;
	struct parsed		*p;

	for (;;) {
		p = (struct parsed *)queue_take(&run->to);
		if (p->end) {
			parsed_free(&p->link);
			return NULL;
		}
		parse_feed(run, p);
		queue_put(&run->back, &p->link, 0);
		if (write(run->wake[1], "", 1) < 0) {
			/* Full (EAGAIN): it is readable already. */
		}
	}
}

/* Stores the feeds that came back parsed, waiting for more while more
 * than keep are on the way.  -1 when the archive failed. */
static int
parse_drain(struct fetch_run_state *run, size_t keep)
{
	struct parsed	*p;
	int		 rc = 0;

	while (run->inflight > 0) {
		if (run->inflight > keep)
			p = (struct parsed *)queue_take(&run->back);
		else if ((p = (struct parsed *)queue_poll(&run->back)) ==
		    NULL)
			break;
		run->inflight--;
		if (rc == 0 && run->dberr == NULL)
			rc = fetch_store(run, p);
		parsed_free(&p->link);
	}
	return rc;
}

/* fetch_run() was woken: a feed is back parsed. */
static int
parse_wake(void *ctx)
{
	return parse_drain(ctx, PARSE_INFLIGHT);
}

/* Stores parsed feed p, with the feed's new state, in one transaction.
 * -1 when the archive failed. */
static int
fetch_store(struct fetch_run_state *run, struct parsed *p)
{
	struct feeds_counts	 c = { 0 };
	struct db_feed_fetch	 f = { 0 };
	struct fetch_res	*res = p->res;
	struct sub		*u = p->u;
	void			*ctx[2] = { run, u };
	char			*cause = NULL, *e, *why;
	int			 rc;

	run->done++;
	if (p->fd == NULL) {
		rc = fetch_failed(run, u, p->cause, 0);
		progress(run, 0);
		return rc;
	}
	f.status = "ok";
	f.body = 1;
	f.title = p->fd->title;
	f.etag = res->etag;
	f.last_modified = res->last_modified;
	f.moved_to = res->moved_to;
	if (db_begin(run->db, &cause) != 0 ||
	    feeds_store(run->db, u->id, &p->prep, &c, item_diag, ctx,
	    &cause) != 0 ||
	    db_feed_fetched(run->db, u->id, (long long)time(NULL), &f,
	    &cause) != 0 || db_commit(run->db, &cause) != 0) {
		db_rollback(run->db);
		run->dberr = cause;
		return -1;
	}
	run->total.added += c.added;
	run->total.updated += c.updated;
	run->total.unchanged += c.unchanged;
	run->total.skipped += c.skipped;
	run->total.quotes += c.quotes;
	run->total.lost += c.lost;
	if (run->lines) {
		e = main_escaped(sub_shown(u));
		printf("%s: %zu new, %zu updated, %zu unchanged (%zu quotes)"
		    "\n", e, c.added, c.updated, c.unchanged, c.quotes);
		free(e);
	}
	if (c.lost > 0) {
		e = main_escaped(sub_shown(u));
		why = xasprintf("%zu manual quotes were removed: their words "
		    "are no longer in the changed articles", c.lost);
		say(run, "fetch: %s: %s", e, why);
		free(why);
		free(e);
	}
	if (res->moved_to != NULL) {
		e = main_escaped(sub_shown(u));
		why = main_escaped(res->moved_to);
		say(run, "fetch: %s: moved permanently; the feed's URL is now "
		    "%s", e, why);
		free(why);
		free(e);
	}
	progress(run, 0);
	if (run->lines)
		fflush(stdout);
	return 0;
}

/* A transfer ended.  A feed's body goes to the parsing thread (or is
 * parsed here when there is none) and is stored when it comes back;
 * the feeds back already are stored now. */
static int
fetch_done(void *ctx, const struct fetch_req *req, struct fetch_res *res)
{
	struct fetch_run_state	*run = ctx;
	struct sub		*u = req->user;
	struct db_feed_fetch	 f = { 0 };
	struct parsed		*p;
	char			*cause = NULL, *e;
	int			 rc = 0;

	switch (res->status) {
	case FETCH_FAILED:
		run->done++;
		rc = fetch_failed(run, u, res->error != NULL ? res->error :
		    "failed", res->retry_after > 0 ? res->retry_after : 0);
		break;
	case FETCH_NOT_MODIFIED:
		run->done++;
		run->not_modified++;
		f.status = "not modified";
		if (db_begin(run->db, &cause) != 0 ||
		    db_feed_fetched(run->db, u->id, (long long)time(NULL), &f,
		    &cause) != 0 || db_commit(run->db, &cause) != 0) {
			db_rollback(run->db);
			run->dberr = cause;
			rc = -1;
		} else if (run->lines) {
			e = main_escaped(sub_shown(u));
			printf("%s: not modified\n", e);
			free(e);
		}
		break;
	case FETCH_OK:
		p = xcalloc(1, sizeof(*p));
		p->u = u;
		p->res = res;
		p->link.bytes = res->len;
		if (!run->threaded) {
			parse_feed(run, p);
			rc = fetch_store(run, p);
			parsed_free(&p->link);
			return rc;
		}
		run->inflight++;
		queue_put(&run->to, &p->link, 1);
		return parse_drain(run, PARSE_INFLIGHT);
	}
	fetch_res_free(res);
	progress(run, 0);
	if (run->lines)
		fflush(stdout);
	if (rc == 0)
		rc = parse_drain(run, PARSE_INFLIGHT);
	return rc;
}

int
cmd_fetch(int argc, char **argv)
{
	struct fetch_run_state	 run;
	struct fetch_opts	 o;
	struct fetch_req	*reqs;
	struct subs		 s;
	struct sub		*u;
	struct tm		 tm;
	time_t			 now;
	char			*cause = NULL, *e, when[32];
	struct feed_opts	 fo;
	size_t			 i, n = 0, waiting = 0;
	int			 first, rc, status;

	if ((first = opts_parse(argc, argv, "jobs timeout", &fo)) < 0)
		return EXIT_FAIL;
	memset(&run, 0, sizeof(run));
	run.lx = main_open_lexicon();
	run.db = main_open_db(DB_WRITE);
	db_set_lexicon(run.db, run.lx);
	subs_load(run.db, &s);
	for (i = (size_t)first; i < (size_t)argc; i++)
		if (sub_find(&s, argv[i]) == NULL) {
			e = main_escaped(argv[i]);
			warnx("fetch: no feed '%s' (see citata feeds list)", e);
			free(e);
			subs_free(&s);
			db_close(run.db);
			lexicon_free(run.lx);
			return EXIT_FAIL;
		}
	if (s.n == 0) {
		warnx("fetch: no feeds (add one with: citata feeds add URL)");
		subs_free(&s);
		db_close(run.db);
		lexicon_free(run.lx);
		return EXIT_FAIL;
	}
	now = time(NULL);
	run.now = (long long)now;
	localtime_r(&now, &tm);
	strftime(run.today, sizeof(run.today), "%Y-%m-%d", &tm);
	run.progress = isatty(STDERR_FILENO);
	run.lines = !isatty(STDOUT_FILENO);
	reqs = xcalloc(s.n, sizeof(*reqs));
	run.feeds = xcalloc(s.n, sizeof(*run.feeds));
	for (i = 0; i < s.n; i++) {
		u = &s.v[i];
		if (first < argc) {
			int	j, named = 0;

			for (j = first; j < argc; j++)
				named |= sub_find(&s, argv[j]) == u;
			if (!named)
				continue;
		}
		if (u->retry_until > run.now) {
			time_t	t = (time_t)u->retry_until;

			localtime_r(&t, &tm);
			strftime(when, sizeof(when), "%Y-%m-%d %H:%M", &tm);
			e = main_escaped(sub_shown(u));
			warnx("fetch: %s: not fetched: the server asked to "
			    "wait until %s", e, when);
			free(e);
			waiting++;
			continue;
		}
		reqs[n].url = u->url;
		reqs[n].etag = u->etag;
		reqs[n].last_modified = u->last_modified;
		reqs[n].user = u;
		run.feeds[n++] = u;
	}
	run.nfeeds = n;

	fetch_opts_default(&o);
	if (fo.jobs > 0)
		o.jobs = (int)fo.jobs;
	if (fo.timeout > 0)
		o.timeout = fo.timeout;
	o.cancel_fd = main_catch_signals();
	if (fetch_global_init(&cause) != 0)
		main_fatal_cause(cause, "");
	progress(&run, 0);
	/* Feeds are parsed and their quotes found on a thread of their
	 * own while the next are fetched and stored. */
	queue_init(&run.to, PARSE_WAITING, PARSE_WAITING_BYTES, parsed_free);
	queue_init(&run.back, PARSE_WAITING, PARSE_WAITING_BYTES, parsed_free);
	run.wake[0] = run.wake[1] = -1;
	run.threaded = pipe2(run.wake, O_NONBLOCK | O_CLOEXEC) == 0 &&
	    pthread_create(&run.thread, NULL, parse_thread, &run) == 0;
	if (run.threaded) {
		o.wake_fd = run.wake[0];
		o.wake = parse_wake;
	}
	rc = fetch_run(reqs, n, &o, fetch_done, &run, &cause);
	/* Those fetched are stored, also when interrupted. */
	parse_drain(&run, 0);
	if (run.threaded) {
		struct parsed	*end = xcalloc(1, sizeof(*end));

		end->end = 1;
		queue_put(&run.to, &end->link, 0);
		pthread_join(run.thread, NULL);
	}
	queue_free(&run.to);
	queue_free(&run.back);
	if (run.wake[0] >= 0) {
		close(run.wake[0]);
		close(run.wake[1]);
	}
	progress(&run, 1);
	fetch_global_cleanup();
	main_release_signals();

	status = EXIT_OK;
	if (rc < 0) {
		e = main_escaped(cause);
		warnx("fetch: %s", e);
		free(e);
		free(cause);
		status = EXIT_FAIL;
	} else if (run.dberr != NULL) {
		e = main_escaped(run.dberr);
		warnx("fetch: %s; the %zu feeds before it were stored", e,
		    run.done - 1);
		free(e);
		free(run.dberr);
		status = EXIT_FAIL;
	} else if (main_interrupted() || rc == 1) {
		warnx("fetch: interrupted; %zu of %zu feeds were fetched and "
		    "stored, the rest were not", run.done, n);
		status = EXIT_FAIL;
	}
	if (status == EXIT_OK) {
		printf("fetched %zu feeds: %zu new articles, %zu updated, "
		    "%zu not modified, %zu failed (%zu quotes)\n", n,
		    run.total.added, run.total.updated, run.not_modified,
		    run.failed, run.total.quotes);
		if (n > 0 && run.failed == n && waiting == 0)
			status = EXIT_FAIL;
		else if (run.failed > 0 || waiting > 0)
			status = EXIT_PARTIAL;
	}
	free(reqs);
	free(run.feeds);
	subs_free(&s);
	db_close(run.db);
	lexicon_free(run.lx);
	return status;
}
