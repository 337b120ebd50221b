/*
 * cmd_archive.c: the commands that read the archive, a row at a time in
 * the --format asked for (export.c writes each row): "list", "show",
 * "export", "quotes" (and its corrections, --set-speaker and --reject),
 * "speakers" and "search".
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "article.h"
#include "db.h"
#include "export.h"
#include "main.h"
#include "search.h"
#include "util.h"

struct out;
static void	 out_init(struct out *, enum export_format);
static void	 out_done(struct out *);
static int	 quotes_correct(const struct sub_args *, int, char **);

/* Where a command's rows go, and in what form. */
struct out {
	struct buf		 b;
	enum export_format	 format;
	int			 cols;	/* list: title column, 0 for no limit */
};

static void
out_init(struct out *o, enum export_format format)
{
	buf_init(&o->b);
	o->format = format;
	o->cols = 0;
}

/* Writes out what is left and frees the buffer. */
static void
out_done(struct out *o)
{
	main_out_flush(&o->b, 1);
	buf_free(&o->b);
}

static int
list_row(void *ctx, const struct db_article_row *r)
{
	struct out	*o = ctx;

	export_article_row(&o->b, o->format, r, o->cols);
	main_out_flush(&o->b, 0);
	return 0;
}

int
cmd_list(int argc, char **argv)
{
	struct sub_args	 sa = { .allow = SUB_ALLOW(SUB_FORMAT) |
			    SUB_ALLOW(SUB_STARRED) };
	struct out	 o;
	struct db	*db;
	char		*cause = NULL;

	if (main_sub_parse_none(argc, argv, &sa) != 0)
		return EXIT_FAIL;
	db = main_open_db(DB_READ);
	out_init(&o, sa.format);
	/* id, date, source and count take 6+2+10+2+16+1+3+2 columns. */
	o.cols = isatty(STDOUT_FILENO) ? main_terminal_width() - 42 : 0;
	if (isatty(STDOUT_FILENO) && o.cols < 10)
		o.cols = 10;
	if (db_articles(db, sa.starred ? DB_LIST_STARRED : 0, list_row, &o,
	    &cause) != 0)
		main_fatal_cause(cause, "");
	out_done(&o);
	db_close(db);
	return EXIT_OK;
}

int
cmd_show(int argc, char **argv)
{
	struct sub_args	 sa = { .allow = SUB_ALLOW(SUB_WIDTH) };
	struct db	*db;
	struct article	*a;
	struct buf	 b;
	char		*cause = NULL, *end, *e;
	long long	 id;
	int		 first;

	if ((first = main_sub_parse(argc, argv, &sa)) < 0)
		return EXIT_FAIL;
	if (first != argc - 1) {
		warnx("show: give one article id");
		main_cmd_usage(stderr);
		return EXIT_FAIL;
	}
	id = strtoll(argv[first], &end, 10);
	if (*argv[first] == '\0' || *end != '\0' || id < 1) {
		e = main_escaped(argv[first]);
		warnx("show: bad article id '%s'", e);
		free(e);
		return EXIT_FAIL;
	}
	if (sa.width == 0)
		sa.width = main_terminal_width();
	db = main_open_db(DB_READ);
	if ((a = db_article_get(db, id, &cause)) == NULL) {
		if (cause != NULL)
			main_fatal_cause(cause, "");
		warnx("show: no article %lld", id);
		db_close(db);
		return EXIT_PARTIAL;
	}
	buf_init(&b);
	export_article_text(&b, a, sa.width);
	main_out_flush(&b, 1);
	buf_free(&b);
	article_free(a);
	db_close(db);
	return EXIT_OK;
}

static int
export_one(void *ctx, const struct article *a)
{
	struct buf	*b = ctx;

	export_article_jsonl(b, a);
	main_out_flush(b, 0);
	return 0;
}

int
cmd_export(int argc, char **argv)
{
	struct sub_args	 sa = { 0 };
	struct db	*db;
	struct buf	 b;
	char		*cause = NULL, *e;
	int		 rc;

	if (main_sub_parse_none(argc, argv, &sa) != 0)
		return EXIT_FAIL;
	db = main_open_db(DB_READ);
	buf_init(&b);
	rc = db_export(db, export_one, &b, &cause);
	main_out_flush(&b, 1);
	buf_free(&b);
	if (rc != 0) {
		e = main_escaped(cause);
		warnx("%s", e);
		free(e);
		free(cause);
	}
	db_close(db);
	return rc != 0 ? EXIT_FAIL : EXIT_OK;
}


static int
quotes_row(void *ctx, const struct db_quote_row *r)
{
	struct out	*o = ctx;

	export_quote_row(&o->b, o->format, r);
	main_out_flush(&o->b, 0);
	return 0;
}

int
cmd_quotes(int argc, char **argv)
{
	struct sub_args		 sa = { .allow = SUB_ALLOW(SUB_FORMAT) |
				    SUB_ALLOW(SUB_SPEAKER) | SUB_ALLOW(SUB_ARTICLE) |
				    SUB_ALLOW(SUB_SET_SPEAKER) | SUB_ALLOW(SUB_REJECT) };
	struct out		 o;
	struct db		*db;
	long long		*ids = NULL;
	char			*cause = NULL, *e;
	long			 n = 0, i;
	int			 first;

	if ((first = main_sub_parse(argc, argv, &sa)) < 0)
		return EXIT_FAIL;
	if (sa.set_speaker != NULL || sa.reject)
		return quotes_correct(&sa, argc - first, argv + first);
	if (first < argc) {
		e = main_escaped(argv[first]);
		warnx("quotes: unexpected argument '%s'", e);
		free(e);
		main_cmd_usage(stderr);
		return EXIT_FAIL;
	}
	db = main_open_db(DB_READ);
	out_init(&o, sa.format);
	if (sa.speaker != NULL) {
		if ((n = db_speaker_find(db, sa.speaker, &ids, &cause)) < 0)
			main_fatal_cause(cause, "");
		if (n == 0) {
			e = main_escaped(sa.speaker);
			warnx("quotes: no speaker '%s'", e);
			free(e);
			free(ids);
			db_close(db);
			return EXIT_PARTIAL;
		}
		for (i = 0; i < n; i++)
			if (db_quotes(db, ids[i], sa.article, quotes_row, &o,
			    &cause) != 0)
				main_fatal_cause(cause, "");
	} else if (db_quotes(db, 0, sa.article, quotes_row, &o, &cause) != 0)
		main_fatal_cause(cause, "");
	out_done(&o);
	free(ids);
	db_close(db);
	return EXIT_OK;
}

/*
 * quotes --set-speaker=NAME ID... or --reject ID...: a person's
 * corrections, in one transaction: every id must name a quote, or
 * nothing is changed.
 */
static int
quotes_correct(const struct sub_args *sa, int n, char **ids)
{
	struct db	*db;
	char		*cause = NULL, *end, *e;
	long long	 id;
	int		 i, rc;

	if ((sa->set_speaker != NULL) == (sa->reject != 0)) {
		warnx("quotes: give --set-speaker=NAME or --reject, not both");
		return EXIT_FAIL;
	}
	if (sa->set_speaker != NULL && sa->set_speaker[strspn(sa->set_speaker,
	    " \t")] == '\0') {
		warnx("quotes: --set-speaker needs a name");
		return EXIT_FAIL;
	}
	if (n == 0) {
		warnx("quotes: no quote ids given (quotes --format=jsonl "
		    "prints them)");
		return EXIT_FAIL;
	}
	for (i = 0; i < n; i++) {
		id = strtoll(ids[i], &end, 10);
		if (*ids[i] == '\0' || *end != '\0' || id < 1) {
			e = main_escaped(ids[i]);
			warnx("quotes: bad quote id '%s'", e);
			free(e);
			return EXIT_FAIL;
		}
	}
	db = main_open_db(DB_WRITE);
	if (db_begin(db, &cause) != 0)
		main_fatal_cause(cause, "; nothing was changed");
	for (i = 0; i < n; i++) {
		id = strtoll(ids[i], NULL, 10);
		rc = sa->reject ? db_quote_reject(db, id, &cause) :
		    db_quote_set_speaker(db, id, sa->set_speaker, &cause);
		if (rc < 0) {
			db_rollback(db);
			main_fatal_cause(cause, "; nothing was changed");
		}
		if (rc == 0) {
			db_rollback(db);
			warnx("quotes: no quote %lld; nothing was changed", id);
			db_close(db);
			return EXIT_FAIL;
		}
	}
	if (db_commit(db, &cause) != 0)
		main_fatal_cause(cause, "; nothing was changed");
	e = main_escaped(sa->set_speaker);
	if (sa->reject)
		printf("rejected %d quote%s\n", n, n > 1 ? "s" : "");
	else
		printf("%d quote%s now by %s\n", n, n > 1 ? "s are" : " is", e);
	free(e);
	db_close(db);
	return EXIT_OK;
}

static int
speakers_row(void *ctx, const struct db_speaker_row *r)
{
	struct out	*o = ctx;

	export_speaker_row(&o->b, o->format, r);
	main_out_flush(&o->b, 0);
	return 0;
}

int
cmd_speakers(int argc, char **argv)
{
	struct sub_args		 sa = { .allow = SUB_ALLOW(SUB_FORMAT) };
	struct out		 o;
	struct db		*db;
	char			*cause = NULL;

	if (main_sub_parse_none(argc, argv, &sa) != 0)
		return EXIT_FAIL;
	db = main_open_db(DB_READ);
	out_init(&o, sa.format);
	if (db_speakers(db, speakers_row, &o, &cause) != 0)
		main_fatal_cause(cause, "");
	out_done(&o);
	db_close(db);
	return EXIT_OK;
}

static int
search_row(void *ctx, const struct db_hit *h)
{
	struct out	*o = ctx;

	export_hit(&o->b, o->format, h);
	main_out_flush(&o->b, 0);
	return 0;
}

int
cmd_search(int argc, char **argv)
{
	struct sub_args		 sa = { .allow = SUB_ALLOW(SUB_FORMAT) |
				    SUB_ALLOW(SUB_QUOTES) | SUB_ALLOW(SUB_LIMIT) };
	struct out		 o;
	struct search_query	*sq;
	struct db		*db;
	struct buf		 q;
	char			*cause = NULL, *e;
	long			 n;
	int			 first, i;

	if ((first = main_sub_parse(argc, argv, &sa)) < 0)
		return EXIT_FAIL;
	if (first >= argc) {
		warnx("search: no query given");
		main_cmd_usage(stderr);
		return EXIT_FAIL;
	}
	buf_init(&q);
	for (i = first; i < argc; i++) {
		if (i > first)
			buf_addc(&q, ' ');
		buf_adds(&q, argv[i]);
	}
	if ((sq = search_parse(q.data, &cause)) == NULL) {
		e = main_escaped(cause);
		warnx("search: malformed query: %s", e);
		free(e);
		free(cause);
		buf_free(&q);
		return EXIT_FAIL;
	}
	buf_free(&q);
	db = main_open_db(DB_READ);
	out_init(&o, sa.format);
	n = db_search(db, sq, sa.quotes, sa.limit > 0 ? sa.limit : 20,
	    search_row, &o, &cause);
	if (n < 0)
		main_fatal_cause(cause, "");
	out_done(&o);
	search_free(sq);
	db_close(db);
	return n > 0 ? EXIT_OK : EXIT_PARTIAL;
}

