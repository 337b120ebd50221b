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
/* Prints the usage line of command name on f. */
void	 main_usage(const char *name, FILE *f);

/* Catches SIGINT, SIGTERM and SIGHUP until main_release_signals():
 * main_interrupted() then says so, and the descriptor returned becomes
 * readable (for import_reader_cancel(), fetch_opts.cancel_fd). */
int	 main_catch_signals(void);
int	 main_interrupted(void);
void	 main_release_signals(void);

/* cmd_feed.c: "feeds" and "fetch". */
int	 cmd_feeds(int argc, char **argv);
int	 cmd_fetch(int argc, char **argv);

#endif /* MAIN_H */
