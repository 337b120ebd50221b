/*
 * ui_act.c: the reader's keys that act on an article or a quote beyond
 * the screen: o opens the link in a browser, y copies a quote as a
 * citation, | pipes the article or the quote to a command, e sets who
 * said a quote and d rejects one.  Programs run with the terminal
 * (ui_spawn(), at the end); a command is a list of words that no shell reads, but
 * for |, which is a shell command typed by the user, as in mutt.
 */
#include "config.h"

#include "ui.h"

#include <curses.h>
#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/wait.h>
#include <unistd.h>

#include "article.h"
#include "configfile.h"
#include "db.h"
#include "export.h"
#include "fold.h"
#include "text.h"
#include "util.h"

#define ACT_PIPE_COLS	1000000	/* "not wrapped" for | */

/* What y and | take from a quote, and what the status line says of
 * it. */
struct act_quote {
	struct buf	 text;		/* the citation, UTF-8 */
	char		*shown;		/* "«first words…» — Speaker" */
	char		*speaker;	/* may be NULL */
	long long	 article_id;
	int		 cols;		/* for the quote in shown */
	int		 ascii;		/* the screen shows ASCII */
};

/* What e completes from: the names found for the line last completed,
 * cycled by Tab. */
struct act_speaker {
	long long	 quote_id;
	long long	 article_id;
	char		*typed;		/* the line before the first Tab */
	char		**names;
	long		 n, next;
};

static int	 act_quote_row(void *, const struct db_quote_row *);
static long long act_quote_id(struct ui *, int);
static int	 act_quote_get(struct ui *, long long, struct act_quote *);
static void	 act_quote_free(struct act_quote *);
static int	 act_run_words(struct ui *, const char *, const char *,
		    const char *, const struct buf *);
static int	 act_pipe_done(struct ui *, const char *, void *);
static int	 act_speaker_done(struct ui *, const char *, void *);
static void	 act_speaker_complete(struct ui *, struct buf *, void *);
static int	 act_correct(struct ui *, long long, const char *);
static int	 act_corrected(struct ui *, long long);
static int	 act_writable(struct ui *, const char *);

/*
 * o: opens the link of the article on screen (else the list's selected
 * one) with the configuration's browser, else $BROWSER (its first
 * program, as the convention has it, its words as arguments, "%s"
 * standing for the link, else the link last), else xdg-open.  The link is
 * one argument of the program and never read by a shell; only http and
 * https links are opened, so that a link that starts with "-" or names a
 * local file is not.  The terminal is the program's until it ends (a
 * text browser), then the screen is drawn again.
 */
int
ui_browse(struct ui *ui)
{
	static char		 xdg[] = "xdg-open";
	const struct config	*cfg = ui_config(ui);
	struct article		*a;
	const char		*env = getenv("BROWSER");
	char			*cause = NULL, *prog, *w, *save = NULL;
	char			*argv[32];
	long long		 id;
	int			 argc = 0, put = 0;

	if ((id = ui_current_article(ui)) <= 0)
		return 0;
	if ((a = db_article_get(ui_db(ui), id, &cause)) == NULL) {
		ui_error(ui, "%s", cause != NULL ? cause : "no such article");
		free(cause);
		return REDRAW_STATUS;
	}
	if (a->url == NULL || (strncasecmp(a->url, "http://", 7) != 0 &&
	    strncasecmp(a->url, "https://", 8) != 0)) {
		ui_error(ui, a->url == NULL ? "this article has no link" :
		    "not an http or https link: not opened");
		article_free(a);
		return REDRAW_STATUS;
	}
	if (cfg != NULL && cfg->browser != NULL) {
		if (act_run_words(ui, "browser", cfg->browser, a->url,
		    NULL) == 0)
			ui_message(ui, "opened %s", a->url);
		article_free(a);
		return REDRAW_ALL;
	}
	prog = xstrdup(env != NULL && *env != '\0' ? env : "xdg-open");
	prog[strcspn(prog, ":")] = '\0';
	for (w = strtok_r(prog, " \t", &save); w != NULL && argc < 30;
	    w = strtok_r(NULL, " \t", &save)) {
		if (strcmp(w, "%s") == 0) {
			argv[argc++] = a->url;
			put = 1;
		} else
			argv[argc++] = w;
	}
	if (argc == 0)
		argv[argc++] = xdg;
	if (!put)
		argv[argc++] = a->url;
	argv[argc] = NULL;
	if (ui_spawn(ui, argv, NULL, 0, 0) == 0)
		ui_message(ui, "opened %s", a->url);
	free(prog);
	article_free(a);
	return REDRAW_ALL;
}

/*
 * Runs the command words cmd (config_argv(): quotes, "%u" for url),
 * named what in messages, with text on its standard input when text is
 * not NULL.  Returns 0, or -1 after showing what went wrong.
 */
static int
act_run_words(struct ui *ui, const char *what, const char *cmd,
    const char *url, const struct buf *text)
{
	struct buf	 err;
	char		**argv;
	int		 rc;

	buf_init(&err);
	if ((argv = config_argv(cmd, url, &err)) == NULL) {
		ui_error(ui, "%s: %s", what, err.data);
		buf_free(&err);
		return -1;
	}
	buf_free(&err);
	rc = ui_spawn(ui, argv, text != NULL ? text->data : NULL,
	    text != NULL ? text->len : 0, 0);
	config_argv_free(argv);
	return rc;
}

/* Puts quote r in ctx, a struct act_quote: its citation, and for the
 * status line its first words and speaker. */
static int
act_quote_row(void *ctx, const struct db_quote_row *r)
{
	struct act_quote	*c = ctx;
	const char		*sp = r->speaker;
	char			*t;
	int			 cols;

	/* The clipboard takes UTF-8 whatever the screen shows. */
	if (c->ascii)
		text_mode_set(TEXT_UTF8);
	export_quote_cite(&c->text, r);
	if (c->ascii)
		text_mode_set(TEXT_ASCII);
	/* The quote, « » or ": ", and " — " and the speaker. */
	cols = c->cols - 2 - (sp != NULL ? text_width(sp, strlen(sp)) + 3 :
	    0);
	t = text_fit(r->text, r->len, cols > 10 ? cols : 10, NULL);
	if (r->kind == QUOTE_DIRECT)
		c->shown = xasprintf("«%s»%s%s", t, sp != NULL ? " — " : "",
		    sp != NULL ? sp : "");
	else
		c->shown = xasprintf("%s%s%s", sp != NULL ? sp : "",
		    sp != NULL ? ": " : "", t);
	free(t);
	c->speaker = sp != NULL ? xstrdup(sp) : NULL;
	c->article_id = r->article_id;
	return 1;
}

/* The quote under the cursor: in the article's quotes, the current one
 * of its text (when text is set), in a speaker's quotes; or 0. */
static long long
act_quote_id(struct ui *ui, int text)
{
	enum ui_pane_id	focus = ui_focused(ui);

	if ((text && focus == PANE_TEXT) || focus == PANE_SIDE)
		return ui_article_quote(ui, focus);
	if (focus == PANE_SPQUOTES)
		return ui_speakers_quote(ui);
	return 0;
}

/* Reads quote id into c; 0, or -1 after showing an error. */
static int
act_quote_get(struct ui *ui, long long id, struct act_quote *c)
{
	char	*cause = NULL;

	memset(c, 0, sizeof(*c));
	buf_init(&c->text);
	/* Less " copied: " and the status line's right part, " ?:help ". */
	c->cols = ui_status_cols(ui) - 9 - 8;
	c->ascii = ui_ascii(ui);
	if (db_quotes_get(ui_db(ui), &id, 1, act_quote_row, c, &cause) != 0) {
		ui_error(ui, "%s", cause);
		free(cause);
		return -1;
	}
	if (c->shown == NULL) {
		ui_error(ui, "the quote is no longer in the archive");
		return -1;
	}
	return 0;
}

static void
act_quote_free(struct act_quote *c)
{
	free(c->shown);
	free(c->speaker);
	buf_free(&c->text);
}

/*
 * y: copies the quote under the cursor (in the article's quotes, the
 * current quote of its text, in a speaker's quotes) as a citation
 * (export_quote_cite()).  The configuration's clipboard command, else
 * $CITATA_CLIPBOARD, takes it on its standard input; else it goes to
 * the terminal's clipboard, as OSC 52 written after the next update.
 * Its payload is base64, so nothing in the quote can become a sequence.
 */
int
ui_cite(struct ui *ui)
{
	const struct config	*cfg = ui_config(ui);
	struct act_quote	 c;
	const char		*env = getenv("CITATA_CLIPBOARD"), *cmd = NULL;
	long long		 id;
	int			 bits = REDRAW_STATUS;

	if ((id = act_quote_id(ui, 1)) <= 0) {
		ui_message(ui, ui_focused(ui) == PANE_TEXT ? "] selects a "
		    "quote; y then copies it" : "y copies a quote: in an "
		    "article's quotes or a speaker's");
		return REDRAW_STATUS;
	}
	if (act_quote_get(ui, id, &c) != 0) {
		act_quote_free(&c);
		return REDRAW_STATUS;
	}
	if (cfg != NULL && cfg->clipboard != NULL)
		cmd = cfg->clipboard;
	else if (env != NULL && *env != '\0')
		cmd = env;
	if (cmd != NULL) {
		bits = REDRAW_ALL;
		if (act_run_words(ui, "clipboard", cmd, NULL, &c.text) == 0)
			ui_message(ui, "copied: %s", c.shown);
	} else {
		ui_osc52(ui, c.text.data, c.text.len);
		ui_message(ui, "copied: %s", c.shown);
	}
	act_quote_free(&c);
	return bits;
}

/*
 * |: asks for a shell command and pipes to it the quote under the
 * cursor in a quotes pane (its citation, as y copies it), else the
 * article on screen or selected (as citata show prints it, unwrapped).
 * The command has the terminal; then "Press Enter" shows what it
 * printed before the screen comes back.
 */
int
ui_pipe(struct ui *ui)
{
	long long	*target = xcalloc(2, sizeof(*target));

	/* target[0] a quote, else target[1] an article. */
	if ((target[0] = act_quote_id(ui, 0)) <= 0 &&
	    (target[1] = ui_current_article(ui)) <= 0) {
		free(target);
		return 0;
	}
	ui_prompt(ui, target[0] > 0 ? "pipe the quote to: " :
	    "pipe the article to: ", NULL, "Enter:run Esc:cancel",
	    act_pipe_done, NULL, target);
	return REDRAW_STATUS;
}

static int
act_pipe_done(struct ui *ui, const char *line, void *ctx)
{
	long long		*target = ctx;
	struct act_quote	 c;
	struct article		*a;
	struct buf		 text;
	char			*cause = NULL, *argv[4];
	/* The command line is the user's own, as mutt's | is. */
	static char		 sh[] = "/bin/sh", dashc[] = "-c"; /* typed */
	int			 rc;

	if (*line == '\0')
		return 0;
	buf_init(&text);
	if (target[0] > 0) {
		if (act_quote_get(ui, target[0], &c) != 0) {
			act_quote_free(&c);
			buf_free(&text);
			return REDRAW_STATUS;
		}
		buf_add(&text, c.text.data, c.text.len);
		buf_addc(&text, '\n');
		act_quote_free(&c);
	} else {
		if ((a = db_article_get(ui_db(ui), target[1], &cause)) ==
		    NULL) {
			ui_error(ui, "%s", cause != NULL ? cause :
			    "the article is no longer in the archive");
			free(cause);
			buf_free(&text);
			return REDRAW_STATUS;
		}
		/* Paragraphs whole: no line is that wide. */
		export_article_text(&text, a, ACT_PIPE_COLS);
		article_free(a);
	}
	argv[0] = sh;
	argv[1] = dashc;
	argv[2] = (char *)line;
	argv[3] = NULL;
	rc = ui_spawn(ui, argv, text.data, text.len, UI_SPAWN_WAIT |
	    UI_SPAWN_ANY_INPUT);
	buf_free(&text);
	if (rc == 0)
		ui_message(ui, "piped the %s to %s", target[0] > 0 ? "quote" :
		    "article", line);
	return REDRAW_ALL;
}

/* Whether the archive takes corrections; says why not when it does
 * not. */
static int
act_writable(struct ui *ui, const char *key)
{
	if (!db_readonly(ui_db(ui)))
		return 1;
	ui_message(ui, "the archive is read-only: %s changes nothing", key);
	return 0;
}

/*
 * e: asks who said the quote under the cursor, the line starting from
 * its speaker now; Tab completes from the archive's speakers by any
 * form of their names, the most quoted first, again for the next.  The
 * name is stored as a manual decision (db_quote_set_speaker()), which
 * re-extraction keeps.
 */
int
ui_set_speaker(struct ui *ui)
{
	struct act_speaker	*s;
	struct act_quote	 c;
	long long		 id;

	if ((id = act_quote_id(ui, 1)) <= 0) {
		ui_message(ui, "e sets the speaker of a quote: in an "
		    "article's quotes or a speaker's");
		return REDRAW_STATUS;
	}
	if (!act_writable(ui, "e"))
		return REDRAW_STATUS;
	if (act_quote_get(ui, id, &c) != 0) {
		act_quote_free(&c);
		return REDRAW_STATUS;
	}
	s = xcalloc(1, sizeof(*s));
	s->quote_id = id;
	s->article_id = c.article_id;
	ui_prompt(ui, "speaker: ", c.speaker, "Tab:complete Enter:set "
	    "Esc:cancel", act_speaker_done, act_speaker_complete, s);
	act_quote_free(&c);
	return REDRAW_STATUS;
}

static void
act_speaker_forget(struct act_speaker *s)
{
	long	i;

	for (i = 0; i < s->n; i++)
		free(s->names[i]);
	free(s->names);
	s->names = NULL;
	s->n = s->next = 0;
	free(s->typed);
	s->typed = NULL;
}

/* Tab: the next name that starts with what was typed. */
static void
act_speaker_complete(struct ui *ui, struct buf *line, void *ctx)
{
	struct act_speaker	*s = ctx;
	char			*cause = NULL;
	int			 again;

	/* The line is a name Tab put there: go on to the next one. */
	again = s->n > 0 && s->next > 0 && line->len > 0 &&
	    strcmp(line->data, s->names[s->next - 1]) == 0;
	if (!again) {
		act_speaker_forget(s);
		s->typed = xstrdup(line->len > 0 ? line->data : "");
		if ((s->n = db_speaker_complete(ui_db(ui), s->typed, 32,
		    &s->names, &cause)) < 0) {
			ui_error(ui, "%s", cause);
			free(cause);
			s->n = 0;
			return;
		}
	}
	if (s->n == 0) {
		ui_message(ui, "no speaker's name starts so");
		return;
	}
	if (s->next >= s->n)
		s->next = 0;
	buf_reset(line);
	buf_adds(line, s->names[s->next++]);
}

static int
act_speaker_done(struct ui *ui, const char *line, void *ctx)
{
	struct act_speaker	*s = ctx;
	int			 rc;

	if (*line == '\0') {
		act_speaker_forget(s);
		ui_message(ui, "no name: the speaker stays");
		return REDRAW_STATUS;
	}
	rc = act_correct(ui, s->quote_id, line);
	act_speaker_forget(s);
	if (rc <= 0)
		return REDRAW_STATUS;
	ui_message(ui, "speaker set: %s", line);
	return act_corrected(ui, s->article_id);
}

/* d: rejects the quote under the cursor: it is not one.  Stored as a
 * manual decision (db_quote_reject()): re-extraction does not bring it
 * back. */
int
ui_reject(struct ui *ui)
{
	struct act_quote	 c;
	long long		 id;
	int			 rc;

	if ((id = act_quote_id(ui, 1)) <= 0) {
		ui_message(ui, "d rejects a quote: in an article's quotes or "
		    "a speaker's");
		return REDRAW_STATUS;
	}
	if (!act_writable(ui, "d"))
		return REDRAW_STATUS;
	if (act_quote_get(ui, id, &c) != 0) {
		act_quote_free(&c);
		return REDRAW_STATUS;
	}
	if (act_correct(ui, id, NULL) <= 0) {
		act_quote_free(&c);
		return REDRAW_STATUS;
	}
	ui_message(ui, "rejected: %s", c.shown);
	rc = act_corrected(ui, c.article_id);
	act_quote_free(&c);
	return rc;
}

/* Gives quote id the speaker name, or rejects it when name is NULL, in
 * a transaction of its own: 1 when done, else 0 after showing why. */
static int
act_correct(struct ui *ui, long long id, const char *name)
{
	struct db	*db = ui_db(ui);
	char		*cause = NULL;
	int		 rc;

	if (db_begin(db, &cause) != 0)
		rc = -1;
	else if ((rc = name != NULL ? db_quote_set_speaker(db, id, name,
	    &cause) : db_quote_reject(db, id, &cause)) != 1 ||
	    db_commit(db, &cause) != 0) {
		db_rollback(db);
		rc = rc == 0 ? 0 : -1;
	}
	if (rc < 0)
		ui_error(ui, "%s", cause);
	else if (rc == 0)
		ui_error(ui, "the quote is no longer in the archive");
	free(cause);
	return rc > 0;
}

/* After a correction in article id: the panes that show its quotes or
 * the speakers read the archive again. */
static int
act_corrected(struct ui *ui, long long id)
{
	int	bits = REDRAW_ALL;

	if (ui_article_id(ui) == id)
		bits |= ui_article_reload(ui);
	return bits | ui_speakers_reload(ui);
}

/*
 * Runs argv[0] with the arguments argv (no shell reads them), with
 * in[0..inlen) on its standard input when in is not NULL, else the
 * terminal's; the terminal is the program's until it ends, then the
 * screen is drawn again.  Shows what went wrong in the status line.
 * Returns 0 when the program ran, read all its input and exited 0, else
 * -1.  With UI_SPAWN_WAIT the screen stays the program's until the user
 * presses Enter, as mutt does after a pipe, so that what it printed can
 * be read; UI_SPAWN_ANY_INPUT does not ask that all the input be read
 * (a pipe to head).
 */
int
ui_spawn(struct ui *ui, char *const argv[], const char *in, size_t inlen,
    int flags)
{
	char			 line[64];
	struct sigaction	 ign, old;
	size_t			 off = 0;
	ssize_t			 n;
	pid_t			 pid;
	int			 fd[2] = { -1, -1 }, status = 0;

	if (in != NULL && pipe(fd) != 0) {
		ui_error(ui, "cannot make a pipe: %s", strerror(errno));
		return -1;
	}
	/* A program that exits without reading must not end the reader. */
	memset(&ign, 0, sizeof(ign));
	ign.sa_handler = SIG_IGN;
	sigemptyset(&ign.sa_mask);
	sigaction(SIGPIPE, &ign, &old);
	def_prog_mode();
	endwin();
	if ((pid = fork()) == 0) {
		signal(SIGPIPE, SIG_DFL);
		if (in != NULL) {
			close(fd[1]);
			if (dup2(fd[0], STDIN_FILENO) < 0)
				_exit(127);
			close(fd[0]);
		}
		execvp(argv[0], argv);
		_exit(127);
	}
	if (in != NULL) {
		close(fd[0]);
		while (pid > 0 && off < inlen) {
			n = write(fd[1], in + off, inlen - off);
			if (n < 0 && errno == EINTR)
				continue;
			if (n <= 0)
				break;
			off += (size_t)n;
		}
		close(fd[1]);
	}
	if (pid > 0)
		while (waitpid(pid, &status, 0) < 0 && errno == EINTR)
			;
	sigaction(SIGPIPE, &old, NULL);
	if (flags & UI_SPAWN_WAIT) {
		fputs("\nPress Enter to go back to citata.", stdout);
		fflush(stdout);
		while (read(STDIN_FILENO, line, sizeof(line)) < 0 &&
		    errno == EINTR)
			;
	}
	reset_prog_mode();
	clearok(curscr, TRUE);
	if (pid < 0 || !WIFEXITED(status) || WEXITSTATUS(status) == 127)
		ui_error(ui, "could not run %s", argv[0]);
	else if (WEXITSTATUS(status) != 0)
		ui_error(ui, "%s exited with status %d", argv[0],
		    WEXITSTATUS(status));
	else if (in != NULL && off < inlen && !(flags & UI_SPAWN_ANY_INPUT))
		ui_error(ui, "%s did not read all its input", argv[0]);
	else
		return 0;
	return -1;
}
