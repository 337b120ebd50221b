/*
 * cmd_import.c: the commands that find quotes in articles: "import"
 * (articles from files into the archive, read and extracted on a second
 * thread while the main one writes),
 * "extract" (the quotes of files, no archive) and "reextract" (every
 * stored article again, after the extractor or its word lists changed).
 */
#include "config.h"

#include <pthread.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "article.h"
#include "db.h"
#include "export.h"
#include "import.h"
#include "lexicon.h"
#include "main.h"
#include "queue.h"
#include "quotes.h"
#include "util.h"

struct reextract_run;
static int	 reextract_mark(struct reextract_run *, long long);

/* The import run: each article is extracted and stored as it comes,
 * in one transaction or, with --batch, in one per batch articles. */
struct import_run {
	struct db		*db;
	struct lexicon		*lx;
	size_t			 stored, duplicates, quotes;
	long			 batch;		/* 0: one transaction */
	long			 pending;	/* stored since the last commit */
	size_t			 kept;		/* committed by earlier batches */
	int			 cancel_fd;	/* readable after a signal */
	char			*cause;
};

/*
 * The reading side of an import runs on a thread of its own: it reads
 * the files, parses them and finds each article's quotes, and hands
 * what it found to the main thread in input order, which writes the
 * archive (one connection, as SQLite wants) meanwhile.  The extractor
 * only reads the word lists, so both threads share them.  What is
 * handed over waits in a queue of at most QUEUE_ITEMS items and
 * QUEUE_BYTES of article text (one article alone may be larger), so
 * memory stays bounded by the largest record.
 */
enum item_kind {
	ITEM_ARTICLE,		/* a, with its quotes in ql */
	ITEM_DIAG,		/* a problem: file, line, col, reason */
	ITEM_MISSING,		/* a file that could not be opened */
	ITEM_FILE,		/* a file read to its end: res */
	ITEM_STOPPED,		/* a signal stopped the reading */
	ITEM_END		/* every file read */
};

struct item {
	struct queue_link	 link;		/* first: queue.c's */
	enum item_kind		 kind;
	struct article		*a;
	struct quote_list	 ql;
	char			*file, *reason;
	long			 line, col;
	struct import_result	 res;
};

#define QUEUE_ITEMS	64
#define QUEUE_BYTES	(4 * 1024 * 1024)

struct reading {
	struct queue		 q;
	const struct lexicon	*lx;
	char			**files;
	size_t			 nfiles;
	int			 cancel_fd;
	pthread_t		 thread;
};

static void
item_free(struct item *it)
{
	if (it->a != NULL) {
		quote_list_free(&it->ql);
		article_free(it->a);
	}
	free(it->file);
	free(it->reason);
	free(it);
}

static struct item *
item_new(enum item_kind kind)
{
	struct item	*it = xcalloc(1, sizeof(*it));

	it->kind = kind;
	return it;
}

/* queue.c's way to free an item. */
static void
item_unlink_free(struct queue_link *l)
{
	item_free((struct item *)l);
}

/* Reads one file into the queue; -1 when the reading must stop. */
static int
reading_file(struct reading *rd, const char *file)
{
	struct import_reader		*r;
	struct import_diag		 d;
	struct article			*a;
	struct item			*it;
	enum import_event		 ev;
	char				*cause = NULL;
	int				 rc = 0;

	/* Opening a FIFO waits for its writer; a signal ends the wait. */
	if ((r = import_reader_open(file, IMPORT_GUESS, &cause)) == NULL) {
		if (main_interrupted()) {
			free(cause);
			queue_put(&rd->q, &item_new(ITEM_STOPPED)->link, 1);
			return -1;
		}
		it = item_new(ITEM_MISSING);
		it->file = xstrdup(file);
		it->reason = cause;
		return queue_put(&rd->q, &it->link, 1);
	}
	import_reader_cancel(r, rd->cancel_fd);
	while (rc == 0 && (ev = import_next(r, &a, &d)) != IMPORT_END) {
		if (ev == IMPORT_STOPPED) {
			queue_put(&rd->q, &item_new(ITEM_STOPPED)->link, 1);
			rc = -1;
			break;
		}
		if (ev == IMPORT_DIAG) {
			it = item_new(ITEM_DIAG);
			it->file = xstrdup(d.file);
			it->line = d.line;
			it->col = d.col;
			it->reason = xstrdup(d.reason);
		} else {
			it = item_new(ITEM_ARTICLE);
			it->a = a;
			it->link.bytes = a->len;
			quote_list_init(&it->ql);
			quotes_extract(rd->lx, a, &it->ql);
		}
		rc = queue_put(&rd->q, &it->link, 1);
	}
	if (rc == 0) {
		it = item_new(ITEM_FILE);
		it->res = *import_reader_result(r);
		rc = queue_put(&rd->q, &it->link, 1);
	}
	import_reader_free(r);
	return rc;
}

static void *
reading_main(void *arg)
{
	struct reading	*rd = arg;
	size_t		 i;

	for (i = 0; i < rd->nfiles; i++)
		if (reading_file(rd, rd->files[i]) != 0)
			return NULL;
	queue_put(&rd->q, &item_new(ITEM_END)->link, 1);
	return NULL;
}

/*
 * Starts the reading thread.  Signals (SIGINT, SIGTERM, SIGHUP) go to
 * it, not to the writer: a read, or the open() of a FIFO without a
 * writer, is where the run may wait for ever, and a signal must end
 * that wait.  The writer sees main_interrupted() between articles.
 */
static void
reading_start(struct reading *rd, sigset_t *saved)
{
	sigset_t	set;
	int		err;

	queue_init(&rd->q, QUEUE_ITEMS, QUEUE_BYTES, item_unlink_free);
	if ((err = pthread_create(&rd->thread, NULL, reading_main, rd)) != 0)
		fatal("cannot start a thread: %s", strerror(err));
	sigemptyset(&set);
	sigaddset(&set, SIGINT);
	sigaddset(&set, SIGTERM);
	sigaddset(&set, SIGHUP);
	pthread_sigmask(SIG_BLOCK, &set, saved);
}

/* Stops the reading (when it has not ended), waits for the thread and
 * frees what it left; then signals come to this thread again. */
static void
reading_finish(struct reading *rd, const sigset_t *saved)
{
	queue_stop(&rd->q);
	/* A thread waiting for input stops as at a signal. */
	main_cancel_wake();
	pthread_join(rd->thread, NULL);
	queue_free(&rd->q);
	pthread_sigmask(SIG_SETMASK, saved, NULL);
}

/* Stores one article and its quotes; -1 when the run must stop. */
static int
import_store(struct import_run *run, struct article *a,
    const struct quote_list *ql)
{
	int	rc;

	rc = db_article_put(run->db, a, ql, &run->cause);
	if (rc == 1) {
		run->stored++;
		run->quotes += ql->n;
	} else if (rc == 0)
		run->duplicates++;
	if (rc == 1 && run->batch > 0 && ++run->pending >= run->batch) {
		/* The WAL and its index then restart at each checkpoint:
		 * memory and disk stay within a batch's size. */
		if (db_commit(run->db, &run->cause) != 0)
			return -1;
		run->kept = run->stored;
		run->pending = 0;
		if (db_begin(run->db, &run->cause) != 0)
			return -1;
	}
	return rc < 0 ? -1 : 0;
}

/* Writes what the reading thread hands over until it has read every
 * file.  Returns 0, or -1 when the run must stop (an archive error, a
 * signal). */
static int
import_write(struct import_run *run, struct reading *rd,
    struct import_result *res, size_t *missing)
{
	struct item	*it;
	int		 rc = 0;

	while (rc == 0) {
		it = (struct item *)queue_take(&rd->q);
		switch (it->kind) {
		case ITEM_ARTICLE:
			/* A signal stops the import at the next article,
			 * not at the end of a file of 100,000. */
			if (main_interrupted() ||
			    import_store(run, it->a, &it->ql) != 0)
				rc = -1;
			break;
		case ITEM_DIAG:
			main_diag(NULL, it->file, it->line, it->col,
			    it->reason);
			break;
		case ITEM_MISSING:
			main_diag(NULL, it->file, 0, 0, it->reason);
			(*missing)++;
			break;
		case ITEM_FILE:
			res->records += it->res.records;
			res->skipped += it->res.skipped;
			break;
		case ITEM_STOPPED:
			rc = -1;
			break;
		case ITEM_END:
			item_free(it);
			return 0;
		}
		item_free(it);
	}
	return rc;
}

/* Reports a run that failed for reason (main_escaped here): what of it is
 * stored, which without --batch is nothing. */
static void
import_failed(const struct import_run *run, const char *reason)
{
	char	*e = main_escaped(reason);

	if (run->kept == 0)
		warnx("%s; nothing was imported", e);
	else
		warnx("%s; the first %zu articles were imported, the rest "
		    "was not (importing the same paths again adds it)", e,
		    run->kept);
	free(e);
}

int
cmd_import(int argc, char **argv)
{
	struct sub_args		 sa = { .allow = SUB_ALLOW(SUB_BATCH) };
	struct import_run	 run = { 0 };
	struct import_result	 res = { 0, 0 };
	struct reading		 rd = { 0 };
	sigset_t		 saved;
	char			**files, *cause = NULL;
	size_t			 nfiles, i, missing = 0;
	int			 first, stopped, rc = EXIT_OK;

	if ((first = main_sub_parse(argc, argv, &sa)) < 0)
		return EXIT_FAIL;
	if (first >= argc) {
		warnx("import: no files given");
		main_cmd_usage(stderr);
		return EXIT_FAIL;
	}
	nfiles = import_expand(argv + first, (size_t)(argc - first), &files,
	    main_diag, NULL);
	for (i = (size_t)first; i < (size_t)argc; i++)
		if (strcmp(argv[i], "-") != 0 && access(argv[i], F_OK) != 0)
			missing++;

	/* An interrupted run must leave the archive as it was (or as the
	 * last batch left it): stop between articles, or while waiting for
	 * input, and roll back.  No SA_RESTART: a blocked open() returns. */
	run.cancel_fd = main_catch_signals();

	/* The word lists first: without them nothing is created. */
	run.lx = main_open_lexicon();
	run.db = main_open_db(DB_WRITE);
	db_set_lexicon(run.db, run.lx);
	run.batch = sa.batch;
	if (db_begin(run.db, &cause) != 0)
		main_fatal_cause(cause, "; nothing was imported");
	rd.lx = run.lx;
	rd.files = files;
	rd.nfiles = nfiles;
	rd.cancel_fd = run.cancel_fd;
	reading_start(&rd, &saved);
	stopped = import_write(&run, &rd, &res, &missing) != 0;
	reading_finish(&rd, &saved);
	if (stopped && !main_interrupted()) {
		import_failed(&run, run.cause != NULL ? run.cause :
		    "import stopped");
		rc = EXIT_FAIL;
	}
	if (rc == EXIT_OK && main_interrupted()) {
		import_failed(&run, "interrupted");
		rc = EXIT_FAIL;
	}
	if (rc == EXIT_OK && db_commit(run.db, &cause) != 0) {
		import_failed(&run, cause);
		rc = EXIT_FAIL;
	}
	if (rc == EXIT_OK) {
		printf("imported %zu, duplicates %zu, skipped %zu "
		    "(%zu quotes)\n", run.stored, run.duplicates,
		    res.skipped + missing, run.quotes);
		if (res.skipped + missing > 0)
			rc = EXIT_PARTIAL;
	} else
		db_rollback(run.db);
	for (i = 0; i < nfiles; i++)
		free(files[i]);
	free(files);
	free(cause);
	free(run.cause);
	lexicon_free(run.lx);
	db_close(run.db);
	main_release_signals();
	return rc;
}

/* The extract run: quotes of each article of one file. */
struct extract_run {
	struct lexicon	*lx;
	struct buf	 out;
	enum export_format	 format;
	const char	*file;
	long		 ordinal;
	size_t		 quotes;
};

static int
extract_one(void *ctx, struct article *a)
{
	struct extract_run	*run = ctx;
	struct quote_list	 ql;
	struct quote		*q;
	struct buf		*b = &run->out;
	size_t			 i;

	run->ordinal++;
	quote_list_init(&ql);
	quotes_extract(run->lx, a, &ql);
	for (i = 0; i < ql.n; i++) {
		q = &ql.q[i];
		if (q->end > a->len || q->start > q->end)
			continue;
		run->quotes++;
		export_quote_found(b, run->format, run->file, run->ordinal, a,
		    q);
	}
	main_out_flush(b, 0);
	quote_list_free(&ql);
	article_free(a);
	return 0;
}

int
cmd_extract(int argc, char **argv)
{
	struct sub_args		 sa = { .format = EXPORT_JSONL,
				    .allow = SUB_ALLOW(SUB_FORMAT) };
	struct extract_run	 run;
	struct import_result	 res = { 0, 0 };
	char			*data, *cause = NULL;
	size_t			 len;
	int			 first, i, failed = 0;

	if ((first = main_sub_parse(argc, argv, &sa)) < 0)
		return EXIT_FAIL;
	if (first >= argc) {
		warnx("extract: no files given");
		main_cmd_usage(stderr);
		return EXIT_FAIL;
	}
	memset(&run, 0, sizeof(run));
	run.lx = main_open_lexicon();
	run.format = sa.format;
	buf_init(&run.out);
	for (i = first; i < argc; i++) {
		if ((data = import_read_file(argv[i], &len, &cause)) == NULL) {
			main_diag(NULL, argv[i], 0, 0, cause);
			free(cause);
			cause = NULL;
			failed++;
			continue;
		}
		run.file = argv[i];
		run.ordinal = 0;
		import_parse(argv[i], data, len,
		    import_format_guess(argv[i], data, len), extract_one,
		    main_diag, &run, &res);
		free(data);
	}
	main_out_flush(&run.out, 1);
	buf_free(&run.out);
	lexicon_free(run.lx);
	return failed > 0 || res.skipped > 0 ? EXIT_PARTIAL : EXIT_OK;
}
/* Where an interrupted "reextract --batch" stopped: the id of the
 * last article of its last whole batch, so that the next run goes on
 * after it (and does not forget the speakers again). */
#define REEXTRACT_STATE_KEY	"reextract.done"

/*
 * The run.  As import, it uses both cores: the main thread reads each
 * article and writes its quotes; a second thread finds them meanwhile.
 * Articles go to it through one queue and come back, in the same order,
 * through another; at most QUEUE_ITEMS articles and QUEUE_BYTES of text
 * are in flight.
 */
struct reextract_run {
	struct db	*db;
	struct lexicon	*lx;
	size_t		 articles, quotes;
	long		 batch;		/* articles a transaction; 0: all */
	long		 inbatch;	/* in the current one */
	char		*cause;
	struct queue	 to, back;	/* to the extracting thread, back */
	size_t		 flying, flying_bytes;
	pthread_t	 thread;
};

static void *
reextract_thread(void *arg)
{
	struct reextract_run	*run = arg;
	struct item		*it;

	for (;;) {
		it = (struct item *)queue_take(&run->to);
		if (it->kind == ITEM_END) {
			item_free(it);
			return NULL;
		}
		quote_list_init(&it->ql);
		quotes_extract(run->lx, it->a, &it->ql);
		/* Once the writer has stopped, the rest is only freed. */
		queue_put(&run->back, &it->link, 0);
	}
}

/* Writes the quotes of the next article back from the thread. */
static int
reextract_write(struct reextract_run *run)
{
	struct item	*it = (struct item *)queue_take(&run->back);
	long long	 id = it->a->id;
	int		 rc;

	run->flying--;
	run->flying_bytes -= it->link.bytes;
	rc = db_quotes_replace(run->db, it->a, &it->ql, &run->cause);
	run->articles++;
	run->quotes += it->ql.n;
	item_free(it);
	if (rc != 0 || run->batch == 0 || ++run->inbatch < run->batch)
		return rc;
	/* A whole batch: committed with the place to go on from. */
	run->inbatch = 0;
	if (reextract_mark(run, id) != 0 ||
	    db_commit(run->db, &run->cause) != 0 ||
	    db_begin(run->db, &run->cause) != 0)
		return -1;
	return 0;
}

static int
reextract_one(void *ctx, long long id)
{
	struct reextract_run	*run = ctx;
	struct article		*a;
	struct item		*it;

	if ((a = db_article_get(run->db, id, &run->cause)) == NULL)
		return run->cause != NULL ? -1 : 0;
	while (run->flying > 0 && (run->flying >= QUEUE_ITEMS ||
	    run->flying_bytes + a->len > QUEUE_BYTES))
		if (reextract_write(run) != 0) {
			article_free(a);
			return -1;
		}
	it = item_new(ITEM_ARTICLE);
	it->a = a;
	it->link.bytes = a->len;
	run->flying++;
	run->flying_bytes += it->link.bytes;
	queue_put(&run->to, &it->link, 0);
	return 0;
}

/* Writes what is still in flight; -1 when the archive failed. */
static int
reextract_drain(struct reextract_run *run)
{
	while (run->flying > 0)
		if (reextract_write(run) != 0)
			return -1;
	return 0;
}

/* Stops the extracting thread and frees what is left. */
static void
reextract_stop(struct reextract_run *run)
{
	queue_stop(&run->back);
	queue_put(&run->to, &item_new(ITEM_END)->link, 0);
	pthread_join(run->thread, NULL);
	queue_free(&run->to);
	queue_free(&run->back);
}

/* Writes where the run is (0: done) in the current transaction. */
static int
reextract_mark(struct reextract_run *run, long long id)
{
	char	*v;
	int	 rc;

	v = id > 0 ? xasprintf("%lld", id) : NULL;
	rc = db_state_set(run->db, REEXTRACT_STATE_KEY, v, &run->cause);
	free(v);
	if (rc == 1)
		run->cause = xstrdup("the archive is locked by another "
		    "process");
	return rc != 0 ? -1 : 0;
}

int
cmd_reextract(int argc, char **argv)
{
	struct sub_args		 sa = { .allow = SUB_ALLOW(SUB_BATCH) };
	struct reextract_run	 run = { 0 };
	char			*cause = NULL, *v, *end;
	long long		 from = 0;
	const char		*kept;
	int			 err, failed;

	if (main_sub_parse_none(argc, argv, &sa) != 0)
		return EXIT_FAIL;
	run.lx = main_open_lexicon();
	run.db = main_open_db(DB_WRITE);
	run.batch = sa.batch;
	db_set_lexicon(run.db, run.lx);
	if ((v = db_state_get(run.db, REEXTRACT_STATE_KEY)) != NULL) {
		from = strtoll(v, &end, 10);
		if (*end != '\0' || from < 0)
			from = 0;
		free(v);
	}
	kept = run.batch > 0 ? "; the batches done are kept, and the same "
	    "command goes on from there" : "; nothing was changed";
	if (db_begin(run.db, &cause) != 0)
		main_fatal_cause(cause, "; nothing was changed");
	if (from > 0)
		warnx("reextract: going on after article %lld, where an "
		    "interrupted run stopped", from);
	/* Speakers are merged afresh, as the new extractor names them;
	 * not again when going on, or the articles done would lose
	 * theirs. */
	else if (db_speakers_forget_auto(run.db, &cause) != 0) {
		db_rollback(run.db);
		main_fatal_cause(cause, "; nothing was changed");
	}
	queue_init(&run.to, QUEUE_ITEMS, QUEUE_BYTES, item_unlink_free);
	queue_init(&run.back, QUEUE_ITEMS, QUEUE_BYTES, item_unlink_free);
	if ((err = pthread_create(&run.thread, NULL, reextract_thread,
	    &run)) != 0)
		fatal("cannot start a thread: %s", strerror(err));
	failed = db_article_ids(run.db, from, reextract_one, &run,
	    &cause) != 0 || run.cause != NULL || reextract_drain(&run) != 0;
	reextract_stop(&run);
	if (failed || ((from > 0 || run.batch > 0) &&
	    reextract_mark(&run, 0) != 0) || db_commit(run.db, &cause) != 0) {
		db_rollback(run.db);
		main_fatal_cause(run.cause != NULL ? run.cause : cause, kept);
	}
	printf("re-extracted %zu articles: %zu quotes\n", run.articles,
	    run.quotes);
	lexicon_free(run.lx);
	db_close(run.db);
	return EXIT_OK;
}
