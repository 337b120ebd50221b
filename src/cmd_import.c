/*
 * cmd_import.c: the commands that find quotes in articles: "import"
 * (articles from files into the archive, extracted as they are read),
 * "extract" (the quotes of files, no archive) and "reextract" (every
 * stored article again, after the extractor or its word lists changed).
 */
#include "config.h"

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


static int
import_one(void *ctx, struct article *a)
{
	struct import_run	*run = ctx;
	struct quote_list	 ql;
	int			 rc;

	/* A signal stops the import at the next article, not at the end
	 * of a file that may hold 100,000 of them. */
	if (main_interrupted()) {
		article_free(a);
		return -1;
	}
	quote_list_init(&ql);
	quotes_extract(run->lx, a, &ql);
	rc = db_article_put(run->db, a, &ql, &run->cause);
	if (rc == 1) {
		run->stored++;
		run->quotes += ql.n;
	} else if (rc == 0)
		run->duplicates++;
	quote_list_free(&ql);
	article_free(a);
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
/* Imports one file of the run, article by article as they are read.
 * Returns 0, or -1 when the run must stop (an archive error, a signal). */
static int
import_file(struct import_run *run, const char *file,
    struct import_result *res, size_t *missing)
{
	struct import_reader		*r;
	const struct import_result	*got;
	struct import_diag		 d;
	struct article			*a;
	enum import_event		 ev;
	char				*cause = NULL;
	int				 rc = 0;

	/* Opening a FIFO waits for its writer; a signal ends the wait. */
	if ((r = import_reader_open(file, IMPORT_GUESS, &cause)) == NULL) {
		if (!main_interrupted()) {
			main_diag(NULL, file, 0, 0, cause);
			(*missing)++;
		}
		free(cause);
		return main_interrupted() ? -1 : 0;
	}
	import_reader_cancel(r, run->cancel_fd);
	while (rc == 0 && (ev = import_next(r, &a, &d)) != IMPORT_END) {
		if (ev == IMPORT_DIAG)
			main_diag(NULL, d.file, d.line, d.col, d.reason);
		else if (ev == IMPORT_STOPPED || import_one(run, a) != 0)
			rc = -1;
	}
	got = import_reader_result(r);
	res->records += got->records;
	res->skipped += got->skipped;
	import_reader_free(r);
	return rc;
}

int
cmd_import(int argc, char **argv)
{
	struct sub_args		 sa = { .allow = SUB_ALLOW(SUB_BATCH) };
	struct import_run	 run = { 0 };
	struct import_result	 res = { 0, 0 };
	char			**files, *cause = NULL;
	size_t			 nfiles, i, missing = 0;
	int			 first, rc = EXIT_OK;

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
	for (i = 0; i < nfiles && !main_interrupted() && rc == EXIT_OK; i++)
		if (import_file(&run, files[i], &res, &missing) != 0 &&
		    !main_interrupted()) {
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

struct reextract_run {
	struct db	*db;
	struct lexicon	*lx;
	size_t		 articles, quotes;
	long		 batch;		/* articles a transaction; 0: all */
	long		 inbatch;	/* in the current one */
	char		*cause;
};

static int
reextract_one(void *ctx, long long id)
{
	struct reextract_run	*run = ctx;
	struct article		*a;
	struct quote_list	 ql;
	int			 rc;

	if ((a = db_article_get(run->db, id, &run->cause)) == NULL)
		return run->cause != NULL ? -1 : 0;
	quote_list_init(&ql);
	quotes_extract(run->lx, a, &ql);
	rc = db_quotes_replace(run->db, a, &ql, &run->cause);
	run->articles++;
	run->quotes += ql.n;
	quote_list_free(&ql);
	article_free(a);
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
	if (db_article_ids(run.db, from, reextract_one, &run, &cause) != 0 ||
	    run.cause != NULL || ((from > 0 || run.batch > 0) &&
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
