/*
 * main.c: options, locale, and choosing a mode: the reader, or one of the
 * scripting commands (cmd_import.c, cmd_archive.c, cmd_feed.c), with
 * what they share: options, the archive and the word lists opened,
 * messages, and the signals that stop a long command.
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

#include "configfile.h"
#include "db.h"
#include "export.h"
#include "lexicon.h"
#include "main.h"
#include "text.h"
#include "ui.h"
#include "util.h"


struct cmd {
	const char	*name;
	int		(*fn)(int, char **);
	const char	*usage;
	const char	*help;
};

static void	 usage(FILE *);
static void	 cmd_usage(const struct cmd *, FILE *);
static const struct cmd *cmd_find(const char *);
static char	*db_path_default(void);
static void	 busy_timeout_setup(void);

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

void
main_cmd_usage(FILE *f)
{
	cmd_usage(cmd_current, f);
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

int
main_terminal_width(void)
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


static const struct option sub_options[] = {
	{ "format", required_argument, NULL, SUB_FORMAT },
	{ "width", required_argument, NULL, SUB_WIDTH },
	{ "speaker", required_argument, NULL, SUB_SPEAKER },
	{ "article", required_argument, NULL, SUB_ARTICLE },
	{ "quotes", no_argument, NULL, SUB_QUOTES },
	{ "limit", required_argument, NULL, SUB_LIMIT },
	{ "batch", required_argument, NULL, SUB_BATCH },
	{ "set-speaker", required_argument, NULL, SUB_SET_SPEAKER },
	{ "reject", no_argument, NULL, SUB_REJECT },
	{ "starred", no_argument, NULL, SUB_STARRED },
	{ "help", no_argument, NULL, 'h' },
	{ NULL, 0, NULL, 0 }
};

long
main_parse_count(const char *cmd, const char *what, const char *s,
    long max)
{
	char	*end, *e;
	long	 n;

	n = strtol(s, &end, 10);
	if (*s != '\0' && *end == '\0' && n >= 1 && n <= max)
		return n;
	e = main_escaped(s);
	warnx("%s: bad %s '%s' (want 1 to %ld)", cmd, what, e, max);
	free(e);
	return -1;
}

/* Parses a subcommand's options; returns the index of the first operand,
 * or -1 after a usage message. */
int
main_sub_parse(int argc, char **argv, struct sub_args *sa)
{
	const char	*cmd = cmd_current->name, *m;
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
		if (ch >= SUB_FORMAT && !(sa->allow & SUB_ALLOW(ch))) {
			e = main_escaped(argv[optind - 1]);
			warnx("%s: option '%s' does not apply", cmd_current->name,
			    e);
			goto bad;
		}
		switch (ch) {
		case SUB_FORMAT:
			if (main_parse_format(optarg, &sa->format,
			    (strcmp(cmd_current->name, "extract") != 0 ?
			    MAIN_FORMAT_TSV : 0) |
			    (strcmp(cmd_current->name, "quotes") == 0 ?
			    MAIN_FORMAT_CITE : 0)) != 0)
				goto bad;
			break;
		case SUB_WIDTH:
			if ((n = main_parse_count(cmd, "width", optarg,
			    10000)) < 0)
				goto bad;
			sa->width = (int)n;
			break;
		case SUB_SPEAKER:
			sa->speaker = optarg;
			break;
		case SUB_SET_SPEAKER:
			sa->set_speaker = optarg;
			break;
		case SUB_REJECT:
			sa->reject = 1;
			break;
		case SUB_STARRED:
			sa->starred = 1;
			break;
		case SUB_QUOTES:
			sa->quotes = 1;
			break;
		case SUB_LIMIT:
			if ((n = main_parse_count(cmd, "limit", optarg,
			    1000000)) < 0)
				goto bad;
			sa->limit = (int)n;
			break;
		case SUB_BATCH:
			if ((n = main_parse_count(cmd, "batch", optarg,
			    100000000)) < 0)
				goto bad;
			sa->batch = n;
			break;
		case SUB_ARTICLE:
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

/* main_sub_parse() for a command that takes no operands. */
int
main_sub_parse_none(int argc, char **argv, struct sub_args *sa)
{
	char	*e;
	int	 first;

	if ((first = main_sub_parse(argc, argv, sa)) < 0)
		return -1;
	if (first < argc) {
		e = main_escaped(argv[first]);
		warnx("%s: unexpected argument '%s'", cmd_current->name, e);
		free(e);
		return -1;
	}
	return 0;
}

/* Set by SIGINT, SIGTERM and SIGHUP during an import or a fetch, which
 * also write a byte to the pipe whose read end is cancel_pipe[0]: a
 * reader waiting for input (a terminal, a FIFO) or transfers waiting
 * for the network see it and stop at once. */
static volatile sig_atomic_t	interrupted;
static int			cancel_pipe[2] = { -1, -1 };

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
main_cancel_wake(void)
{
	ssize_t	n = 0;

	if (cancel_pipe[1] != -1)
		n = write(cancel_pipe[1], "", 1);
	(void)n;
}

void
main_release_signals(void)
{
	close(cancel_pipe[0]);
	close(cancel_pipe[1]);
	cancel_pipe[0] = cancel_pipe[1] = -1;
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
