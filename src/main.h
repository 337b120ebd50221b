#ifndef MAIN_H
#define MAIN_H

/*
 * main.h: what main.c lends the files of commands (cmd_*.c): exit
 * statuses, opening the archive and the word lists, messages, and the
 * signals that stop a long command.  Only command files include it.
 */

#include <stddef.h>
#include <stdio.h>

#include "db.h"
#include "export.h"

struct buf;
struct lexicon;

/* Exit statuses, documented in citata(1). */
#define EXIT_OK		0	/* everything done */
#define EXIT_PARTIAL	1	/* done, but input was skipped or not found,
				   or some feeds failed */
#define EXIT_FAIL	2	/* usage error or failure; nothing changed */

/* s as diagnostics quote it: controls and bytes that are not UTF-8 as
 * \xNN (export_escape()).  The caller frees it. */
char	*main_escaped(const char *s);
/* fatal() with a cause from another module, escaped; suffix as it is. */
void	 main_fatal_cause(const char *cause, const char *suffix)
	    __attribute__((noreturn));
/* The archive of -d (else the default), or a fatal message. */
struct db *main_open_db(enum db_mode mode);
/* The word lists of $CITATA_DATADIR, else the installed ones, or a fatal
 * message. */
struct lexicon *main_open_lexicon(void);
/* Writes b to standard output when it is large or when forced. */
void	 main_out_flush(struct buf *b, int force);
/* Prints "FILE:LINE:COL: error: REASON" on standard error, escaped. */
void	 main_diag(void *ctx, const char *file, long line, long col,
	    const char *reason);
/* What --format takes besides text and jsonl. */
#define MAIN_FORMAT_TSV		1
#define MAIN_FORMAT_CITE	2

/* Reads --format's argument into *f (tsv and cite only when their
 * MAIN_FORMAT_* bit is in allow); -1 after a message naming the command
 * when it is not a format. */
int	 main_parse_format(const char *arg, enum export_format *f,
	    int allow);
/*
 * Puts a command's options (argv[1..argc), options the long ones of
 * opts, "--NAME[=VALUE]", "--NAME VALUE" and "-h") before its operands,
 * keeping the order of each, so that options may come anywhere, as GNU
 * tools take them; "--" ends the options.  A word that starts with one
 * dash stays an operand ("-референдум" in a search).  Then getopt_long()
 * with "+" reads the options and stops at the first operand.  Returns
 * the first option that takes a value and has none (last, or before
 * "--"), else NULL.
 */
struct option;
const char *main_permute(int argc, char **argv, const struct option *opts);
/* The value of option what of command cmd, 1 to max; -1 after a
 * message when s is not one. */
long	 main_parse_count(const char *cmd, const char *what, const char *s,
	    long max);
/* Prints the usage line of command name on f. */
void	 main_usage(const char *name, FILE *f);

/* Catches SIGINT, SIGTERM and SIGHUP until main_release_signals():
 * main_interrupted() then says so, and the descriptor returned becomes
 * readable (for import_reader_cancel(), fetch_opts.cancel_fd). */
int	 main_catch_signals(void);
int	 main_interrupted(void);
/* Makes the descriptor readable as a signal does, without being one:
 * what waits on it stops. */
void	 main_cancel_wake(void);
void	 main_release_signals(void);

/*
 * The options of the archive commands, read by main_sub_parse(): each
 * command says in sub_args.allow which ones it takes (SUB_ALLOW(o) for
 * each); another one is "does not apply".
 */
enum sub_option {
	SUB_FORMAT = 256,
	SUB_WIDTH,
	SUB_SPEAKER,
	SUB_ARTICLE,
	SUB_QUOTES,
	SUB_LIMIT,
	SUB_BATCH,
	SUB_SET_SPEAKER,
	SUB_REJECT,
	SUB_STARRED
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
	int		 allow;		/* SUB_ALLOW() of the options it takes */
};

#define SUB_ALLOW(o)	(1 << ((o) - SUB_FORMAT))

/* Reads a command's options into *sa (-h prints its usage and exits);
 * returns the index of its first operand, or -1 after a message and the
 * usage on standard error. */
int	 main_sub_parse(int argc, char **argv, struct sub_args *sa);
/* main_sub_parse() for a command that takes no operands. */
int	 main_sub_parse_none(int argc, char **argv, struct sub_args *sa);
/* Prints the usage of the command being run on f. */
void	 main_cmd_usage(FILE *f);
/* Columns of the terminal on standard output, else $COLUMNS, else 80. */
int	 main_terminal_width(void);

/* cmd_import.c: "import", "extract" and "reextract". */
int	 cmd_import(int argc, char **argv);
int	 cmd_extract(int argc, char **argv);
int	 cmd_reextract(int argc, char **argv);

/* cmd_archive.c: "list", "show", "export", "quotes", "speakers" and
 * "search". */
int	 cmd_list(int argc, char **argv);
int	 cmd_show(int argc, char **argv);
int	 cmd_export(int argc, char **argv);
int	 cmd_quotes(int argc, char **argv);
int	 cmd_speakers(int argc, char **argv);
int	 cmd_search(int argc, char **argv);

/* cmd_feed.c: "feeds" and "fetch". */
int	 cmd_feeds(int argc, char **argv);
int	 cmd_fetch(int argc, char **argv);

#endif /* MAIN_H */
