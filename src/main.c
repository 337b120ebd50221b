/*
 * main.c: options, locale, and choosing a mode: the reader, or one of the
 * scripting commands (import, list, show, export, extract, quotes,
 * speakers, reextract).
 */
#include "config.h"

#include <errno.h>
#include <getopt.h>
#include <locale.h>
#include <malloc.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/stat.h>
#include <unistd.h>

#include "article.h"
#include "configfile.h"
#include "db.h"
#include "export.h"
#include "import.h"
#include "lexicon.h"
#include "main.h"
#include "quotes.h"
#include "search.h"
#include "text.h"
#include "ui.h"
#include "util.h"


struct cmd {
	const char	*name;
	int		(*fn)(int, char **);
	const char	*usage;
	const char	*help;
};

static int	 cmd_import(int, char **);
static int	 cmd_list(int, char **);
static int	 cmd_show(int, char **);
static int	 cmd_export(int, char **);
static int	 cmd_extract(int, char **);
static int	 cmd_quotes(int, char **);
struct sub_args;
static int	 quotes_correct(const struct sub_args *, int, char **);
static int	 cmd_speakers(int, char **);
static int	 cmd_reextract(int, char **);
struct reextract_run;
static int	 reextract_mark(struct reextract_run *, long long);
static int	 cmd_search(int, char **);
static void	 usage(FILE *);
static void	 cmd_usage(const struct cmd *, FILE *);
static const struct cmd *cmd_find(const char *);
static char	*db_path_default(void);
static void	 busy_timeout_setup(void);
static int	 terminal_width(void);
struct out;
static void	 out_init(struct out *, enum export_format);
static void	 out_done(struct out *);

static const char	*db_path;	/* from -d, else the default */
static int		 db_path_ours;	/* the XDG default: make its dirs */
static const struct cmd	*cmd_current;

static const struct cmd cmds[] = {
	{ "import", cmd_import, "[--batch=N] PATH...",
	  "add articles from files, directories or - (standard input)" },
	{ "list", cmd_list, "[--starred] [--format=text|tsv|jsonl]",
	  "list articles (or the starred ones), newest first" },
	{ "show", cmd_show, "[--width=N] ID",
	  "print one article wrapped to N columns" },
	{ "export", cmd_export, "",
	  "write every article as JSON Lines, in the form import reads" },
	{ "extract", cmd_extract, "[--format=jsonl|text] FILE...",
	  "print the quotes found in article files; no archive is used" },
	{ "quotes", cmd_quotes,
	  "[--speaker=NAME] [--article=ID] [--format=text|tsv|jsonl|cite]\n"
	  "           | --set-speaker=NAME ID... | --reject ID...",
	  "list stored quotes, or correct them by id" },
	{ "speakers", cmd_speakers, "[--format=text|tsv|jsonl]",
	  "list speakers, most quoted first" },
	{ "search", cmd_search,
	  "[--quotes] [--limit=N] [--format=text|tsv|jsonl] QUERY...",
	  "full-text search of articles or quotes, any word form" },
	{ "reextract", cmd_reextract, "[--batch=N]",
	  "find quotes again after the word lists changed; manual ones stay" },
	{ "feeds", cmd_feeds,
	  "[add [--name=NAME] URL... | list [--format=text|tsv|jsonl] |\n"
	  "           remove FEED... | import FILE | export]",
	  "manage the RSS and Atom subscriptions (FEED: number, URL or name)" },
	{ "fetch", cmd_fetch, "[--jobs=N] [--timeout=SECONDS] [FEED...]",
	  "fetch every feed (or the ones named) into the archive" },
	{ NULL, NULL, NULL, NULL }
};

static void
usage(FILE *f)
{
	const struct cmd	*c;

	fprintf(f, "usage: %s [-c FILE] [-d DB] [COMMAND [ARGS]]\n\n"
	    "With no command, open the reader on the archive.\n\n"
	    "Commands:\n", util_progname());
	for (c = cmds; c->name != NULL; c++)
		fprintf(f, "  %-10s %s\n", c->name, c->help);
	fprintf(f, "\nOptions:\n"
	    "  -c, --config=FILE  the reader's configuration file (default:\n"
	    "                     $CITATA_CONFIG, else\n"
	    "                     $XDG_CONFIG_HOME/citata/config); citata(5)\n"
	    "  -d, --db=DB        the archive (default: $CITATA_DB, else\n"
	    "                     $XDG_DATA_HOME/citata/citata.db)\n"
	    "  -h, --help         show this help (COMMAND --help for a "
	    "command)\n"
	    "  -V, --version      show the version\n\n"
	    "Exit status: 0 done; 1 done, but some input was skipped or not\n"
	    "found, or some feeds failed; 2 usage error or failure.  See\n"
	    "citata(1).\n");
}

static void
cmd_usage(const struct cmd *c, FILE *f)
{
	fprintf(f, "usage: %s [-d DB] %s %s\n%s.\n", util_progname(),
	    c->name, c->usage, c->help);
}

const char *
main_permute(int argc, char **argv, const struct option *opts)
{
	const char *missing = NULL;
	char	**o, **rest;
	size_t	  no = 0, nr = 0, len;
	int	  i, j, k;

	o = xcalloc((size_t)argc, sizeof(*o));
	rest = xcalloc((size_t)argc, sizeof(*rest));
	for (i = 1; i < argc; i++) {
		if (strcmp(argv[i], "--") == 0) {
			/* The end of the options: it stays before the
			 * operands, where getopt_long() takes it away. */
			o[no++] = argv[i];
			while (++i < argc)
				rest[nr++] = argv[i];
			break;
		}
		if (strcmp(argv[i], "-h") == 0) {
			o[no++] = argv[i];
			continue;
		}
		if (strncmp(argv[i], "--", 2) != 0) {
			rest[nr++] = argv[i];
			continue;
		}
		o[no++] = argv[i];
		/* "--width 72": the value goes with its option. */
		len = strcspn(argv[i] + 2, "=");
		if (argv[i][2 + len] == '=')
			continue;
		for (k = 0; opts[k].name != NULL; k++)
			if (strlen(opts[k].name) == len &&
			    strncmp(opts[k].name, argv[i] + 2, len) == 0)
				break;
		if (opts[k].name == NULL || opts[k].has_arg !=
		    required_argument)
			continue;
		if (i + 1 < argc && strcmp(argv[i + 1], "--") != 0)
			o[no++] = argv[++i];
		else if (missing == NULL)
			missing = argv[i];
	}
	j = 1;
	for (k = 0; k < (int)no; k++)
		argv[j++] = o[k];
	for (k = 0; k < (int)nr; k++)
		argv[j++] = rest[k];
	free(o);
	free(rest);
	return missing;
}

void
main_usage(const char *name, FILE *f)
{
	const struct cmd	*c = cmd_find(name);

	if (c != NULL)
		cmd_usage(c, f);
}

static const struct cmd *
cmd_find(const char *name)
{
	const struct cmd	*c;

	for (c = cmds; c->name != NULL; c++)
		if (strcmp(c->name, name) == 0)
			return c;
	return NULL;
}

/* $CITATA_DB, else $XDG_DATA_HOME/citata/citata.db, else
 * ~/.local/share/citata/citata.db; in those two cases the directories
 * may be made (db_path_ours).  The caller frees it. */
static char *
db_path_default(void)
{
	const char	*env;

	if ((env = getenv("CITATA_DB")) != NULL && *env != '\0')
		return xstrdup(env);
	db_path_ours = 1;
	if ((env = getenv("XDG_DATA_HOME")) != NULL && *env == '/')
		return xasprintf("%s/citata/citata.db", env);
	if ((env = getenv("HOME")) == NULL || *env == '\0')
		fatal("cannot find the archive: set CITATA_DB or HOME, "
		    "or use -d");
	return xasprintf("%s/.local/share/citata/citata.db", env);
}

/* Makes the directories above path, like mkdir -p. */
static void
make_parents(const char *path)
{
	char	*dir = xstrdup(path), *p;

	for (p = dir + 1; (p = strchr(p, '/')) != NULL; p++) {
		*p = '\0';
		if (mkdir(dir, 0700) != 0 && errno != EEXIST)
			break;
		*p = '/';
	}
	free(dir);
}

/* $CITATA_BUSY_TIMEOUT: seconds to wait for another process's lock, to
 * the millisecond ("2", "0.25"); read by hand, since strtod() would take
 * a decimal comma in some locales. */
static void
busy_timeout_setup(void)
{
	const char	*env = getenv("CITATA_BUSY_TIMEOUT"), *p;
	long		 ms = 0, unit = 1000;

	if (env == NULL || *env == '\0')
		return;
	for (p = env; *p >= '0' && *p <= '9' && ms <= 3600000; p++)
		ms = ms * 10 + (*p - '0') * 1000;
	if (*p == '.' && p > env)
		for (p++; *p >= '0' && *p <= '9'; p++)
			ms += (*p - '0') * (unit /= 10);
	if (*p != '\0' || p == env || ms > 3600000) {
		warnx("ignoring CITATA_BUSY_TIMEOUT: want seconds, 0 to 3600");
		return;
	}
	db_busy_timeout_set((int)ms);
}

/*
 * s as diagnostics quote it: controls and bytes that are not UTF-8 as
 * \xNN (export_escape()), since a path, an argument or an archive's
 * content may hold escape sequences.  The caller frees it.
 */
char *
main_escaped(const char *s)
{
	struct buf	b;

	buf_init(&b);
	export_escape(&b, s != NULL ? s : "");
	return buf_steal(&b);
}

/* fatal() with a cause from another module (it may quote a path or a
 * name), escaped; suffix follows as it is. */
void
main_fatal_cause(const char *cause, const char *suffix)
{
	fatal("%s%s", main_escaped(cause), suffix);
}

struct db *
main_open_db(enum db_mode mode)
{
	struct db	*db;
	char		*cause = NULL;

	/* A path the user gave names a directory that must exist. */
	if (mode == DB_WRITE && db_path_ours)
		make_parents(db_path);
	if ((db = db_open(db_path, mode, &cause)) == NULL)
		main_fatal_cause(cause, "");
	return db;
}

/* $CITATA_DATADIR/lexicon, else, for the program of a build tree run
 * without installing, its source tree's, else the installed word
 * lists. */
struct lexicon *
main_open_lexicon(void)
{
	struct lexicon	*lx;
	const char	*env = getenv("CITATA_DATADIR");
	const char	*data = PKGDATADIR;
	char		*dir, *cause = NULL;

	if (env != NULL && *env != '\0')
		data = env;
#if defined(BUILD_EXE) && defined(SOURCE_DATADIR)
	else {
		char	self[4096];
		ssize_t	n;

		n = readlink("/proc/self/exe", self, sizeof(self) - 1);
		if (n > 0) {
			self[n] = '\0';
			if (strcmp(self, BUILD_EXE) == 0)
				data = SOURCE_DATADIR;
		}
	}
#endif
	dir = xasprintf("%s/lexicon", data);
	if ((lx = lexicon_load(dir, &cause)) == NULL)
		fatal("cannot load the word lists: %s (CITATA_DATADIR names "
		    "the directory that holds lexicon/)", main_escaped(cause));
	free(dir);
	return lx;
}

int
main_parse_format(const char *arg, enum export_format *f, int allow)
{
	char	*e;

	if (strcmp(arg, "text") == 0)
		*f = EXPORT_TEXT;
	else if (strcmp(arg, "jsonl") == 0)
		*f = EXPORT_JSONL;
	else if ((allow & MAIN_FORMAT_TSV) && strcmp(arg, "tsv") == 0)
		*f = EXPORT_TSV;
	else if ((allow & MAIN_FORMAT_CITE) && strcmp(arg, "cite") == 0)
		*f = EXPORT_CITE;
	else {
		e = main_escaped(arg);
		warnx("%s: unknown format '%s' (use text%s%s or jsonl)",
		    cmd_current->name, e, allow & MAIN_FORMAT_TSV ? ", tsv" :
		    "", allow & MAIN_FORMAT_CITE ? ", cite" : "");
		free(e);
		return -1;
	}
	return 0;
}

/* Columns of the terminal on standard output, else $COLUMNS, else 80. */
static int
terminal_width(void)
{
	struct winsize	 ws;
	const char	*env;
	long		 n;

	if (isatty(STDOUT_FILENO) && ioctl(STDOUT_FILENO, TIOCGWINSZ,
	    &ws) == 0 && ws.ws_col > 0)
		return ws.ws_col;
	if ((env = getenv("COLUMNS")) != NULL && (n = atol(env)) > 0 &&
	    n < 10000)
		return (int)n;
	return 80;
}

/* Writes out the buffer when it is large or when forced. */
void
main_out_flush(struct buf *b, int force)
{
	if (b->len == 0 || (!force && b->len < 65536))
		return;
	if (fwrite(b->data, 1, b->len, stdout) != b->len) {
		if (errno == EPIPE)
			exit(EXIT_OK);
		fatal("cannot write: %s", strerror(errno));
	}
	buf_reset(b);
}

/* Prints "FILE:LINE:COL: error: REASON", the file name escaped. */
void
main_diag(void *ctx, const char *file, long line, long col,
    const char *reason)
{
	struct buf	b;

	(void)ctx;
	buf_init(&b);
	export_escape(&b, file);
	if (line > 0)
		buf_printf(&b, ":%ld", line);
	if (col > 0)
		buf_printf(&b, ":%ld", col);
	buf_adds(&b, ": error: ");
	export_escape(&b, reason);
	fflush(stdout);
	fprintf(stderr, "%s\n", b.data);
	buf_free(&b);
}

/* Options common to the subcommands. */
enum {
	OPT_FORMAT = 256,
	OPT_WIDTH,
	OPT_SPEAKER,
	OPT_ARTICLE,
	OPT_QUOTES,
	OPT_LIMIT,
	OPT_BATCH,
	OPT_SET_SPEAKER,
	OPT_REJECT,
	OPT_STARRED
};

static const struct option sub_options[] = {
	{ "format", required_argument, NULL, OPT_FORMAT },
	{ "width", required_argument, NULL, OPT_WIDTH },
	{ "speaker", required_argument, NULL, OPT_SPEAKER },
	{ "article", required_argument, NULL, OPT_ARTICLE },
	{ "quotes", no_argument, NULL, OPT_QUOTES },
	{ "limit", required_argument, NULL, OPT_LIMIT },
	{ "batch", required_argument, NULL, OPT_BATCH },
	{ "set-speaker", required_argument, NULL, OPT_SET_SPEAKER },
	{ "reject", no_argument, NULL, OPT_REJECT },
	{ "starred", no_argument, NULL, OPT_STARRED },
	{ "help", no_argument, NULL, 'h' },
	{ NULL, 0, NULL, 0 }
};

struct sub_args {
	enum export_format	 format;
	int		 width;
	const char	*speaker;
	long long	 article;
	int		 quotes;
	int		 limit;
	long		 batch;
	const char	*set_speaker;	/* quotes --set-speaker */
	int		 reject;	/* quotes --reject */
	int		 starred;	/* list --starred */
	int		 allow;		/* OPT_* bits this command takes */
};

#define ALLOW(o)	(1 << ((o) - OPT_FORMAT))

/* The value of a numeric option, 1 to max; -1 after a message naming
 * it (what) when it is not one. */
static long
parse_count(const char *s, const char *what, long max)
{
	char	*end, *e;
	long	 n;

	n = strtol(s, &end, 10);
	if (*s != '\0' && *end == '\0' && n >= 1 && n <= max)
		return n;
	e = main_escaped(s);
	warnx("%s: bad %s '%s' (want 1 to %ld)", cmd_current->name, what, e,
	    max);
	free(e);
	return -1;
}

/* Parses a subcommand's options; returns the index of the first operand,
 * or -1 after a usage message. */
static int
sub_parse(int argc, char **argv, struct sub_args *sa)
{
	const char	*m;
	char		*end, *e = NULL;
	long		 n;
	int		 ch;

	if ((m = main_permute(argc, argv, sub_options)) != NULL) {
		e = main_escaped(m);
		warnx("%s: option '%s' needs a value", cmd_current->name, e);
		goto bad;
	}
	optind = 1;
	opterr = 0;
	while ((ch = getopt_long(argc, argv, "+:h", sub_options, NULL)) != -1) {
		if (ch == 'h') {
			cmd_usage(cmd_current, stdout);
			exit(EXIT_OK);
		}
		if (ch == ':') {
			e = main_escaped(argv[optind - 1]);
			warnx("%s: option '%s' needs a value", cmd_current->name,
			    e);
			goto bad;
		}
		if (ch >= OPT_FORMAT && !(sa->allow & ALLOW(ch))) {
			e = main_escaped(argv[optind - 1]);
			warnx("%s: option '%s' does not apply", cmd_current->name,
			    e);
			goto bad;
		}
		switch (ch) {
		case OPT_FORMAT:
			if (main_parse_format(optarg, &sa->format,
			    (strcmp(cmd_current->name, "extract") != 0 ?
			    MAIN_FORMAT_TSV : 0) |
			    (strcmp(cmd_current->name, "quotes") == 0 ?
			    MAIN_FORMAT_CITE : 0)) != 0)
				goto bad;
			break;
		case OPT_WIDTH:
			if ((n = parse_count(optarg, "width", 10000)) < 0)
				goto bad;
			sa->width = (int)n;
			break;
		case OPT_SPEAKER:
			sa->speaker = optarg;
			break;
		case OPT_SET_SPEAKER:
			sa->set_speaker = optarg;
			break;
		case OPT_REJECT:
			sa->reject = 1;
			break;
		case OPT_STARRED:
			sa->starred = 1;
			break;
		case OPT_QUOTES:
			sa->quotes = 1;
			break;
		case OPT_LIMIT:
			if ((n = parse_count(optarg, "limit", 1000000)) < 0)
				goto bad;
			sa->limit = (int)n;
			break;
		case OPT_BATCH:
			if ((n = parse_count(optarg, "batch", 100000000)) < 0)
				goto bad;
			sa->batch = n;
			break;
		case OPT_ARTICLE:
			n = strtol(optarg, &end, 10);
			if (*optarg == '\0' || *end != '\0' || n < 1) {
				e = main_escaped(optarg);
				warnx("%s: bad article id '%s'",
				    cmd_current->name, e);
				goto bad;
			}
			sa->article = n;
			break;
		default:
			e = main_escaped(argv[optind - 1]);
			warnx("%s: unknown option '%s'", cmd_current->name,
			    e);
			goto bad;
		}
	}
	return optind;
bad:
	free(e);
	cmd_usage(cmd_current, stderr);
	return -1;
}

/* sub_parse() for a command that takes no operands. */
static int
sub_parse_none(int argc, char **argv, struct sub_args *sa)
{
	char	*e;
	int	 first;

	if ((first = sub_parse(argc, argv, sa)) < 0)
		return -1;
	if (first < argc) {
		e = main_escaped(argv[first]);
		warnx("%s: unexpected argument '%s'", cmd_current->name, e);
		free(e);
		return -1;
	}
	return 0;
}

/* The import run: each article is extracted and stored as it comes,
 * in one transaction or, with --batch, in one per batch articles. */
struct import_run {
	struct db		*db;
	struct lexicon		*lx;
	size_t			 stored, duplicates, quotes;
	long			 batch;		/* 0: one transaction */
	long			 pending;	/* stored since the last commit */
	size_t			 kept;		/* committed by earlier batches */
	char			*cause;
};

/* Set by SIGINT, SIGTERM and SIGHUP during an import or a fetch, which
 * also write a byte to the pipe whose read end is cancel_pipe[0]: a
 * reader waiting for input (a terminal, a FIFO) or transfers waiting
 * for the network see it and stop at once. */
static volatile sig_atomic_t	interrupted;
static int			cancel_pipe[2] = { -1, -1 };

static int
import_one(void *ctx, struct article *a)
{
	struct import_run	*run = ctx;
	struct quote_list	 ql;
	int			 rc;

	/* A signal stops the import at the next article, not at the end
	 * of a file that may hold 100,000 of them. */
	if (interrupted) {
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

static void
on_signal(int sig)
{
	int	saved = errno;
	ssize_t	n = 0;

	(void)sig;
	/* One byte: the pipe never fills, so write() never blocks. */
	if (!interrupted && cancel_pipe[1] != -1)
		n = write(cancel_pipe[1], "", 1);
	(void)n;
	interrupted = 1;
	errno = saved;
}

int
main_catch_signals(void)
{
	struct sigaction	act;

	if (pipe(cancel_pipe) != 0)
		fatal("cannot make a pipe: %s", strerror(errno));
	memset(&act, 0, sizeof(act));
	act.sa_handler = on_signal;
	sigaction(SIGINT, &act, NULL);
	sigaction(SIGTERM, &act, NULL);
	sigaction(SIGHUP, &act, NULL);
	return cancel_pipe[0];
}

int
main_interrupted(void)
{
	return interrupted != 0;
}

void
main_release_signals(void)
{
	close(cancel_pipe[0]);
	close(cancel_pipe[1]);
	cancel_pipe[0] = cancel_pipe[1] = -1;
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
		if (!interrupted) {
			main_diag(NULL, file, 0, 0, cause);
			(*missing)++;
		}
		free(cause);
		return interrupted ? -1 : 0;
	}
	import_reader_cancel(r, cancel_pipe[0]);
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

static int
cmd_import(int argc, char **argv)
{
	struct sub_args		 sa = { .allow = ALLOW(OPT_BATCH) };
	struct import_run	 run = { 0 };
	struct import_result	 res = { 0, 0 };
	char			**files, *cause = NULL;
	size_t			 nfiles, i, missing = 0;
	int			 first, rc = EXIT_OK;

	if ((first = sub_parse(argc, argv, &sa)) < 0)
		return EXIT_FAIL;
	if (first >= argc) {
		warnx("import: no files given");
		cmd_usage(cmd_current, stderr);
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
	main_catch_signals();

	/* The word lists first: without them nothing is created. */
	run.lx = main_open_lexicon();
	run.db = main_open_db(DB_WRITE);
	db_set_lexicon(run.db, run.lx);
	run.batch = sa.batch;
	if (db_begin(run.db, &cause) != 0)
		main_fatal_cause(cause, "; nothing was imported");
	for (i = 0; i < nfiles && !interrupted && rc == EXIT_OK; i++)
		if (import_file(&run, files[i], &res, &missing) != 0 &&
		    !interrupted) {
			import_failed(&run, run.cause != NULL ? run.cause :
			    "import stopped");
			rc = EXIT_FAIL;
		}
	if (rc == EXIT_OK && interrupted) {
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

static int
cmd_list(int argc, char **argv)
{
	struct sub_args	 sa = { .allow = ALLOW(OPT_FORMAT) |
			    ALLOW(OPT_STARRED) };
	struct out	 o;
	struct db	*db;
	char		*cause = NULL;

	if (sub_parse_none(argc, argv, &sa) != 0)
		return EXIT_FAIL;
	db = main_open_db(DB_READ);
	out_init(&o, sa.format);
	/* id, date, source and count take 6+2+10+2+16+1+3+2 columns. */
	o.cols = isatty(STDOUT_FILENO) ? terminal_width() - 42 : 0;
	if (isatty(STDOUT_FILENO) && o.cols < 10)
		o.cols = 10;
	if (db_articles(db, sa.starred ? DB_LIST_STARRED : 0, list_row, &o,
	    &cause) != 0)
		main_fatal_cause(cause, "");
	out_done(&o);
	db_close(db);
	return EXIT_OK;
}

static int
cmd_show(int argc, char **argv)
{
	struct sub_args	 sa = { .allow = ALLOW(OPT_WIDTH) };
	struct db	*db;
	struct article	*a;
	struct buf	 b;
	char		*cause = NULL, *end, *e;
	long long	 id;
	int		 first;

	if ((first = sub_parse(argc, argv, &sa)) < 0)
		return EXIT_FAIL;
	if (first != argc - 1) {
		warnx("show: give one article id");
		cmd_usage(cmd_current, stderr);
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
		sa.width = terminal_width();
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

static int
cmd_export(int argc, char **argv)
{
	struct sub_args	 sa = { 0 };
	struct db	*db;
	struct buf	 b;
	char		*cause = NULL, *e;
	int		 rc;

	if (sub_parse_none(argc, argv, &sa) != 0)
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

static int
cmd_extract(int argc, char **argv)
{
	struct sub_args		 sa = { .format = EXPORT_JSONL,
				    .allow = ALLOW(OPT_FORMAT) };
	struct extract_run	 run;
	struct import_result	 res = { 0, 0 };
	char			*data, *cause = NULL;
	size_t			 len;
	int			 first, i, failed = 0;

	if ((first = sub_parse(argc, argv, &sa)) < 0)
		return EXIT_FAIL;
	if (first >= argc) {
		warnx("extract: no files given");
		cmd_usage(cmd_current, stderr);
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

static int
quotes_row(void *ctx, const struct db_quote_row *r)
{
	struct out	*o = ctx;

	export_quote_row(&o->b, o->format, r);
	main_out_flush(&o->b, 0);
	return 0;
}

static int
cmd_quotes(int argc, char **argv)
{
	struct sub_args		 sa = { .allow = ALLOW(OPT_FORMAT) |
				    ALLOW(OPT_SPEAKER) | ALLOW(OPT_ARTICLE) |
				    ALLOW(OPT_SET_SPEAKER) | ALLOW(OPT_REJECT) };
	struct out		 o;
	struct db		*db;
	long long		*ids = NULL;
	char			*cause = NULL, *e;
	long			 n = 0, i;
	int			 first;

	if ((first = sub_parse(argc, argv, &sa)) < 0)
		return EXIT_FAIL;
	if (sa.set_speaker != NULL || sa.reject)
		return quotes_correct(&sa, argc - first, argv + first);
	if (first < argc) {
		e = main_escaped(argv[first]);
		warnx("quotes: unexpected argument '%s'", e);
		free(e);
		cmd_usage(cmd_current, stderr);
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

static int
cmd_speakers(int argc, char **argv)
{
	struct sub_args		 sa = { .allow = ALLOW(OPT_FORMAT) };
	struct out		 o;
	struct db		*db;
	char			*cause = NULL;

	if (sub_parse_none(argc, argv, &sa) != 0)
		return EXIT_FAIL;
	db = main_open_db(DB_READ);
	out_init(&o, sa.format);
	if (db_speakers(db, speakers_row, &o, &cause) != 0)
		main_fatal_cause(cause, "");
	out_done(&o);
	db_close(db);
	return EXIT_OK;
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

static int
cmd_reextract(int argc, char **argv)
{
	struct sub_args		 sa = { .allow = ALLOW(OPT_BATCH) };
	struct reextract_run	 run = { 0 };
	char			*cause = NULL, *v, *end;
	long long		 from = 0;
	const char		*kept;

	if (sub_parse_none(argc, argv, &sa) != 0)
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

static int
search_row(void *ctx, const struct db_hit *h)
{
	struct out	*o = ctx;

	export_hit(&o->b, o->format, h);
	main_out_flush(&o->b, 0);
	return 0;
}

static int
cmd_search(int argc, char **argv)
{
	struct sub_args		 sa = { .allow = ALLOW(OPT_FORMAT) |
				    ALLOW(OPT_QUOTES) | ALLOW(OPT_LIMIT) };
	struct out		 o;
	struct search_query	*sq;
	struct db		*db;
	struct buf		 q;
	char			*cause = NULL, *e;
	long			 n;
	int			 first, i;

	if ((first = sub_parse(argc, argv, &sa)) < 0)
		return EXIT_FAIL;
	if (first >= argc) {
		warnx("search: no query given");
		cmd_usage(cmd_current, stderr);
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

/*
 * The reader, with its configuration file (-c FILE, $CITATA_CONFIG, or
 * the XDG one when there is one): a bad line is named and the reader
 * does not start, as a half-applied configuration would surprise more.
 */
static int
run_reader(const char *config_arg)
{
	struct config	 cfg;
	struct buf	 err;
	struct db	*db;
	char		*path;
	int		 rc, explicit = 0;

	config_init(&cfg);
	buf_init(&err);
	path = config_path(config_arg, &explicit);
	if (path != NULL && config_load(&cfg, path, explicit, &err) != 0) {
		fprintf(stderr, "%s\n", err.data);
		buf_free(&err);
		free(path);
		config_free(&cfg);
		return EXIT_FAIL;
	}
	buf_free(&err);
	free(path);
	db = main_open_db(DB_READ);
	rc = ui_run(db, db_path, &cfg);
	db_close(db);
	config_free(&cfg);
	return rc;
}

int
main(int argc, char **argv)
{
	static const struct option	opts[] = {
		{ "config", required_argument, NULL, 'c' },
		{ "db", required_argument, NULL, 'd' },
		{ "help", no_argument, NULL, 'h' },
		{ "version", no_argument, NULL, 'V' },
		{ NULL, 0, NULL, 0 }
	};
	char		*path = NULL, *note = NULL;
	const char	*config_arg = NULL;
	int		 ch, rc;

	util_set_progname(argv[0]);
#ifdef M_TRIM_THRESHOLD
	/* SQLite frees the pages of a temporary table at the end of each
	 * statement that made one (an UPDATE of a full-text index does,
	 * once per quote's speaker); glibc then gave the top of the heap
	 * back to the kernel and took it again, a system call and page
	 * faults each time: more than half the time of an import. */
	mallopt(M_TRIM_THRESHOLD, 64 << 20);
#endif
	setlocale(LC_ALL, "");
	text_locale_setup(&note);
	free(note);		/* only the reader tells */
	signal(SIGPIPE, SIG_DFL);
	/* Past a file size limit (ulimit -f) write() then fails with EFBIG
	 * and the import rolls back with a message, instead of dying. */
	signal(SIGXFSZ, SIG_IGN);

	opterr = 0;
	while ((ch = getopt_long(argc, argv, "+:c:d:hV", opts, NULL)) != -1) {
		switch (ch) {
		case 'c':
			config_arg = optarg;
			break;
		case 'd':
			db_path = optarg;
			break;
		case ':':
			note = main_escaped(argv[optind - 1]);
			warnx("option '%s' needs a value", note);
			free(note);
			usage(stderr);
			return EXIT_FAIL;
		case 'h':
			usage(stdout);
			return EXIT_OK;
		case 'V':
			printf("%s %s\n", PACKAGE_NAME, PACKAGE_VERSION);
			return EXIT_OK;
		default:
			note = main_escaped(argv[optind - 1]);
			warnx("unknown option '%s'", note);
			free(note);
			usage(stderr);
			return EXIT_FAIL;
		}
	}
	if (db_path == NULL)
		db_path = path = db_path_default();
	busy_timeout_setup();
	if (optind >= argc) {
		rc = run_reader(config_arg);
		free(path);
		return rc;
	}
	if ((cmd_current = cmd_find(argv[optind])) == NULL) {
		note = main_escaped(argv[optind]);
		warnx("unknown command '%s'", note);
		free(note);
		usage(stderr);
		free(path);
		return EXIT_FAIL;
	}
	rc = cmd_current->fn(argc - optind, argv + optind);
	free(path);
	return rc;
}
