/*
 * t_config.c: the configuration file, citata(5): each command, the
 * splitting of words, each error with its file and line, where the file
 * is looked for, the splitting of commands into an argument vector, and
 * that doc/config.example loads and man/citata.5 names every action and
 * every colour element.
 */
#include "config.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "configfile.h"
#include "keys.h"
#include "util.h"

#include "tap.h"

static char	*dir;		/* $TMPDIR/t_config.XXXXXX */
static char	*file;		/* dir/config, written by each case */

static void	 write_bytes(const char *, const char *, size_t);
static int	 load(struct config *, const char *, struct buf *);
static void	 load_ok(const char *, const char *);
static void	 load_err(const char *, const char *, const char *);
static int	 err_is(const struct buf *, const char *, const char *);
static void	 test_commands(void);
static void	 test_colors(void);
static void	 test_set(void);
static void	 test_words(void);
static void	 test_errors(void);
static void	 test_limits(void);
static void	 test_files(void);
static void	 test_path(void);
static int	 argv_is(const char *, const char *, const char *const *,
		    const char *);
static void	 test_argv(void);
static void	 test_example(const char *);
static void	 test_manual(const char *);

static void
write_bytes(const char *path, const char *s, size_t n)
{
	FILE	*f;

	if ((f = fopen(path, "w")) == NULL ||
	    fwrite(s, 1, n, f) != n || fclose(f) != 0) {
		printf("Bail out! cannot write %s\n", path);
		exit(1);
	}
}

/* Writes s to the file and loads it into c, explicitly. */
static int
load(struct config *c, const char *s, struct buf *err)
{
	write_bytes(file, s, strlen(s));
	return config_load(c, file, 1, err);
}

/* Loads s with the keys as they are by default, expecting no error. */
static void
load_ok(const char *s, const char *what)
{
	struct config	c;
	struct buf	err;

	keys_reset();
	config_init(&c);
	buf_init(&err);
	if (!ok(load(&c, s, &err) == 0 && err.len == 0, "%s", what))
		tap_diag("%s", err.data);
	config_free(&c);
	buf_free(&err);
}

/* Whether err is "FILE:where: error: reason". */
static int
err_is(const struct buf *err, const char *where, const char *reason)
{
	char	*want, *name;
	int	 same;

	want = xasprintf("%s:%s: error: %s", file, where, reason);
	name = xasprintf("error: %s", reason);
	same = is(err->data, want, name);
	free(name);
	free(want);
	return same;
}

/* Loads s, expecting the error "FILE:where: error: reason". */
static void
load_err(const char *s, const char *where, const char *reason)
{
	struct config	 c;
	struct buf	 err;
	char		*want, *name;

	keys_reset();
	config_init(&c);
	buf_init(&err);
	buf_adds(&err, "an earlier message");
	want = xasprintf("%s:%s: error: %s", file, where, reason);
	name = xasprintf("error: %s", reason);
	if (load(&c, s, &err) != -1)
		ok(0, "%s (loaded)", name);
	else
		is(err.data, want, name);
	free(name);
	free(want);
	config_free(&c);
	buf_free(&err);
}

static void
test_commands(void)
{
	struct config	c;
	struct buf	err;

	keys_reset();
	config_init(&c);
	buf_init(&err);
	ok(load(&c, "bind-key x quit\n"
	    "bind-key j up\n"
	    "unbind-key k\n"
	    "bind-key C-x fetch\n"
	    "bind-key F5 redraw\n"
	    "bind-key Space open\n"
	    "bind-key \xd0\xb6 down\n"
	    "unbind-key q\n"
	    "bind-key Q quit\n", &err) == 0, "bind-key and unbind-key load");
	ok(keys_lookup("x") == KEYS_QUIT, "bind-key x quit binds x");
	ok(keys_lookup("j") == KEYS_UP && keys_lookup("Down") == KEYS_DOWN,
	    "bind-key j up rebinds j and leaves Down");
	ok(keys_lookup("k") == KEYS_NONE && keys_lookup("Up") == KEYS_UP,
	    "unbind-key k unbinds k and leaves Up");
	ok(keys_lookup("C-x") == KEYS_FETCH && keys_lookup("F5") ==
	    KEYS_REDRAW && keys_lookup("Space") == KEYS_OPEN,
	    "C-x, F5 and Space are key names");
	ok(keys_lookup("\xd0\xb6") == KEYS_DOWN, "a Cyrillic letter is a key");
	ok(keys_lookup("q") == KEYS_NONE && keys_lookup("Q") == KEYS_QUIT,
	    "quit moves from q to Q");
	ok(c.browser == NULL && c.clipboard == NULL && !c.colors[0].set,
	    "key lines set nothing else");
	config_free(&c);

	keys_reset();
	ok(keys_lookup("x") == KEYS_NONE && keys_lookup("j") == KEYS_DOWN,
	    "keys_reset() puts the defaults back between cases");
	buf_free(&err);
}

static void
test_colors(void)
{
	struct config	 c;
	struct buf	 err;
	const int	 all = CONFIG_BOLD | CONFIG_UNDERLINE | CONFIG_REVERSE |
			    CONFIG_DIM | CONFIG_STANDOUT | CONFIG_BLINK |
			    CONFIG_ITALIC;
	int		 i, unset = 1;

	config_init(&c);
	for (i = 0; i < UI_COLOR_COUNT; i++)
		if (c.colors[i].set || c.colors[i].mono_set ||
		    c.colors[i].fg != -1 || c.colors[i].bg != -1)
			unset = 0;
	ok(unset, "config_init() leaves every colour unset and default");
	is(config_color_name(UI_NORMAL), "normal", "element 0 is normal");
	is(config_color_name(UI_DIRECT), "quote-direct",
	    "UI_DIRECT is quote-direct");
	is(config_color_name(UI_BORDER), "border", "UI_BORDER is border");
	ok(config_color_name(UI_COLOR_COUNT) == NULL &&
	    config_color_name(-1) == NULL, "no name past the table");

	buf_init(&err);
	ok(load(&c, "color header cyan default bold underline\n"
	    "color quote-direct color208 color0\n"
	    "color selected-idle white blue\n"
	    "color selected-idle black yellow reverse\n"
	    "mono quote-indirect underline italic\n"
	    "mono match normal\n"
	    "color border default default normal\n"
	    "color status black white " "bold underline reverse dim "
	    "standout blink italic\n", &err) == 0, "color and mono load");
	ok(c.colors[UI_HEADER].set && c.colors[UI_HEADER].fg == 6 &&
	    c.colors[UI_HEADER].bg == -1 && c.colors[UI_HEADER].attrs ==
	    (CONFIG_BOLD | CONFIG_UNDERLINE) && !c.colors[UI_HEADER].mono_set,
	    "color header cyan default bold underline");
	ok(c.colors[UI_DIRECT].fg == 208 && c.colors[UI_DIRECT].bg == 0 &&
	    c.colors[UI_DIRECT].attrs == 0, "colorN is colour N");
	ok(c.colors[UI_SELECTED_IDLE].fg == 0 &&
	    c.colors[UI_SELECTED_IDLE].bg == 3 &&
	    c.colors[UI_SELECTED_IDLE].attrs == CONFIG_REVERSE,
	    "the last color line of an element wins");
	ok(c.colors[UI_INDIRECT].mono_set && c.colors[UI_INDIRECT].mono ==
	    (CONFIG_UNDERLINE | CONFIG_ITALIC) && !c.colors[UI_INDIRECT].set &&
	    c.colors[UI_INDIRECT].fg == -1,
	    "mono sets the attributes without colour only");
	ok(c.colors[UI_MATCH].mono_set && c.colors[UI_MATCH].mono == 0,
	    "mono normal is no attribute");
	ok(c.colors[UI_BORDER].set && c.colors[UI_BORDER].fg == -1 &&
	    c.colors[UI_BORDER].bg == -1 && c.colors[UI_BORDER].attrs == 0,
	    "default default normal");
	ok(c.colors[UI_STATUS].fg == 0 && c.colors[UI_STATUS].bg == 7 &&
	    c.colors[UI_STATUS].attrs == all, "every attribute has its bit");
	ok(!c.colors[UI_NORMAL].set && !c.colors[UI_ERROR].set,
	    "elements no line named stay unset");
	config_free(&c);
	buf_free(&err);
}

static void
test_set(void)
{
	struct config	c;
	struct buf	err;

	config_init(&c);
	buf_init(&err);
	ok(load(&c, "set browser 'lynx %u'\n"
	    "set browser \"firefox --new-tab %u\"\n"
	    "set clipboard 'xclip -selection clipboard'\n", &err) == 0,
	    "set loads");
	is(c.browser, "firefox --new-tab %u",
	    "set browser keeps the command, the last one");
	is(c.clipboard, "xclip -selection clipboard", "set clipboard");
	config_free(&c);
	ok(c.browser == NULL && c.clipboard == NULL,
	    "config_free() leaves nothing set");
	ok(load(&c, "set clipboard wl-copy\n", &err) == 0 &&
	    c.browser == NULL, "a one-word command needs no quotes");
	is(c.clipboard, "wl-copy", "set clipboard wl-copy");
	config_free(&c);
	buf_free(&err);
}

static void
test_words(void)
{
	struct config	c;
	struct buf	err;

	keys_reset();
	config_init(&c);
	buf_init(&err);
	ok(load(&c, "# a comment\n"
	    "\n"
	    "   \t\n"
	    "\t  # an indented comment\n"
	    "bind-key x quit # a comment after a command\n"
	    "bind-key\t'#' help\n"
	    "bind-key \\; \"top\"\n"
	    "bind-key '\"' \"bot\"tom\n"
	    "  bind-key\t\tC-o   open-link  \t\n"
	    "bind-key \\\\ fetch\n"
	    "bind-key \"\\\\\" fetch\n"
	    "bind-key ' ' fetch\n"
	    "bind-key y cite#not-a-comment\r\n", &err) == -1,
	    "blanks, comments and quotes, up to a quoted blank on line 12");
	ok(keys_lookup("x") == KEYS_QUIT, "a comment after a command");
	ok(keys_lookup("#") == KEYS_HELP, "a quoted # is a key");
	ok(keys_lookup(";") == KEYS_TOP, "a backslash quotes a character");
	ok(keys_lookup("\"") == KEYS_BOTTOM,
	    "quotes inside a word join it");
	ok(keys_lookup("C-o") == KEYS_BROWSE, "tabs and runs of blanks");
	ok(keys_lookup("\\") == KEYS_FETCH, "\\\\ is a backslash");
	err_is(&err, "12", "unknown key name ' '");
	buf_reset(&err);
	ok(load(&c, "bind-key y cite#not-a-comment\r\n", &err) == -1,
	    "a # inside a word is not a comment");
	err_is(&err, "1", "unknown action 'cite#not-a-comment'");
	buf_reset(&err);
	ok(load(&c, "bind-key a down", &err) == 0 && keys_lookup("a") ==
	    KEYS_DOWN, "the last line needs no newline");
	ok(load(&c, "", &err) == 0, "an empty file loads");
	config_free(&c);
	buf_free(&err);
}

static void
test_errors(void)
{
	struct config	c;
	struct buf	err;

	load_err("frobnicate 1 2\n", "1", "unknown command 'frobnicate'");
	load_err("# ok\nbind-key x quit\nBind-key x quit\n", "3",
	    "unknown command 'Bind-key'");
	load_err("bind-key C-i down\n", "1", "unknown key name 'C-i'");
	load_err("bind-key F13 down\n", "1", "unknown key name 'F13'");
	load_err("bind-key jj down\n", "1", "unknown key name 'jj'");
	load_err("bind-key j fly\n", "1", "unknown action 'fly'");
	load_err("bind-key j none\n", "1", "unknown action 'none'");
	load_err("bind-key j\n", "1", "bind-key takes a key and an action");
	load_err("bind-key # down\n", "1",
	    "bind-key takes a key and an action");
	load_err("bind-key j down up\n", "1",
	    "bind-key takes a key and an action");
	load_err("unbind-key\n", "1", "unbind-key takes a key");
	load_err("unbind-key j k\n", "1", "unbind-key takes a key");
	load_err("unbind-key Foo\n", "1", "unknown key name 'Foo'");
	load_err("color quote cyan default\n", "1",
	    "unknown element 'quote'");
	load_err("color header purple default\n", "1",
	    "unknown color 'purple'");
	load_err("color header default Cyan\n", "1", "unknown color 'Cyan'");
	load_err("color header color256 default\n", "1",
	    "unknown color 'color256'");
	load_err("color header color-1 default\n", "1",
	    "unknown color 'color-1'");
	load_err("color header color default\n", "1", "unknown color 'color'");
	load_err("color header color1x default\n", "1",
	    "unknown color 'color1x'");
	load_err("color header red blue shiny\n", "1",
	    "unknown attribute 'shiny'");
	load_err("color header red\n", "1",
	    "color takes an element, a foreground and a background");
	load_err("mono header\n", "1", "mono takes an element and attributes");
	load_err("mono header red\n", "1", "unknown attribute 'red'");
	load_err("mono headers bold\n", "1", "unknown element 'headers'");
	load_err("set pager less\n", "1", "unknown option 'pager'");
	load_err("set browser\n", "1", "set takes an option and a value");
	load_err("set browser firefox %u\n", "1",
	    "set takes an option and a value");
	load_err("set browser \"firefox 'x\"\n", "1",
	    "browser: unterminated quote");
	load_err("set clipboard ''\n", "1", "clipboard: empty command");
	load_err("bind-key 'x quit\n", "1", "unterminated quote");
	load_err("bind-key \"x quit\n", "1", "unterminated quote");
	load_err("bind-key x\x1b[2J quit\n", "1",
	    "unknown key name 'x\\x1b[2J'");

	/* The first bad line stops the file; the lines before it hold. */
	keys_reset();
	config_init(&c);
	buf_init(&err);
	ok(load(&c, "bind-key x quit\nbind-key y fly\nbind-key z quit\n",
	    &err) == -1, "a bad line fails the file");
	ok(keys_lookup("x") == KEYS_QUIT && keys_lookup("z") == KEYS_NONE,
	    "lines before the bad one are applied, those after are not");
	config_free(&c);
	buf_free(&err);
}

static void
test_limits(void)
{
	struct config	 c;
	struct buf	 b, err;

	buf_init(&b);
	buf_adds(&b, "#");
	while (b.len < CONFIG_LINE_MAX)
		buf_addc(&b, 'x');
	buf_adds(&b, "\n");
	load_ok(b.data, "a line of 4096 bytes loads");
	b.len--;
	buf_adds(&b, "x\n");
	load_err(b.data, "1", "line longer than 4096 bytes");
	buf_reset(&b);
	buf_adds(&b, "bind-key x quit\n# ");
	while (b.len < 100000)
		buf_adds(&b, "long ");
	load_err(b.data, "2", "line longer than 4096 bytes");
	buf_free(&b);

	load_ok("# \xd0\x9a\xd0\xbe\xd0\xbc\xd0\xbc\xd0\xb5\xd0\xbd\xd1\x82"
	    "\n", "a UTF-8 comment loads");
	load_err("bind-key x quit\n# caf\xe9\n", "2", "invalid UTF-8");
	load_err("bind-key \xd0 down\n", "1", "invalid UTF-8");

	keys_reset();
	config_init(&c);
	buf_init(&err);
	write_bytes(file, "bind-key x quit\nbind-key Y\0 quit\n", 33);
	ok(config_load(&c, file, 0, &err) == -1 && keys_lookup("x") ==
	    KEYS_QUIT && keys_lookup("Y") == KEYS_NONE,
	    "a NUL fails its line, after the line before");
	err_is(&err, "2", "NUL byte in the line");
	config_free(&c);
	buf_free(&err);
}

static void
test_files(void)
{
	struct config	 c;
	struct buf	 err;
	char		*missing, *want;

	keys_reset();
	config_init(&c);
	buf_init(&err);
	missing = xasprintf("%s/nothing/config", dir);
	ok(config_load(&c, missing, 0, &err) == 0 && err.len == 0 &&
	    keys_lookup("j") == KEYS_DOWN,
	    "a missing file is fine when not named");
	want = xasprintf("%s: error: %s", missing, strerror(ENOENT));
	ok(config_load(&c, missing, 1, &err) == -1,
	    "a missing file is an error when named");
	is(err.data, want, "error: FILE: No such file or directory");
	free(want);
	free(missing);

	missing = xasprintf("%s/config/x", dir);
	write_bytes(file, "bind-key x quit\n", 16);
	ok(config_load(&c, missing, 0, &err) == 0,
	    "a file under a file is missing when not named");
	want = xasprintf("%s: error: %s", missing, strerror(ENOTDIR));
	ok(config_load(&c, missing, 1, &err) == -1,
	    "and an error when named");
	is(err.data, want, "error: FILE: Not a directory");
	free(want);
	free(missing);

	want = xasprintf("%s: error: %s", dir, strerror(EISDIR));
	ok(config_load(&c, dir, 0, &err) == -1, "a directory is an error");
	is(err.data, want, "error: FILE: Is a directory");
	free(want);

	if (geteuid() != 0) {
		write_bytes(file, "bind-key x quit\n", 16);
		chmod(file, 0);
		want = xasprintf("%s: error: %s", file, strerror(EACCES));
		ok(config_load(&c, file, 0, &err) == -1 && keys_lookup("x") ==
		    KEYS_NONE, "an unreadable file is an error");
		is(err.data, want, "error: FILE: Permission denied");
		free(want);
		chmod(file, 0600);
	} else
		tap_diag("root reads any file: no test of an unreadable one");
	config_free(&c);
	buf_free(&err);
}

static void
test_path(void)
{
	char	*p;
	int	 ex;

	setenv("CITATA_CONFIG", "/etc/citata.conf", 1);
	setenv("XDG_CONFIG_HOME", "/xdg", 1);
	setenv("HOME", "/home/u", 1);
	ex = 0;
	p = config_path("my.conf", &ex);
	ok(p != NULL && strcmp(p, "my.conf") == 0 && ex == 1,
	    "-c FILE comes first and is explicit");
	free(p);
	ex = 0;
	p = config_path(NULL, &ex);
	ok(p != NULL && strcmp(p, "/etc/citata.conf") == 0 && ex == 1,
	    "then $CITATA_CONFIG, explicit");
	free(p);
	setenv("CITATA_CONFIG", "", 1);
	ex = 1;
	p = config_path(NULL, &ex);
	ok(p != NULL && strcmp(p, "/xdg/citata/config") == 0 && ex == 0,
	    "an empty $CITATA_CONFIG is unset; then $XDG_CONFIG_HOME");
	free(p);
	unsetenv("CITATA_CONFIG");
	setenv("XDG_CONFIG_HOME", "relative", 1);
	ex = 1;
	p = config_path(NULL, &ex);
	ok(p != NULL && strcmp(p, "/home/u/.config/citata/config") == 0 &&
	    ex == 0, "a relative $XDG_CONFIG_HOME is ignored for $HOME");
	free(p);
	unsetenv("XDG_CONFIG_HOME");
	p = config_path(NULL, &ex);
	ok(p != NULL && strcmp(p, "/home/u/.config/citata/config") == 0,
	    "$HOME/.config/citata/config without $XDG_CONFIG_HOME");
	free(p);
	unsetenv("HOME");
	ex = 1;
	ok(config_path(NULL, &ex) == NULL && ex == 0,
	    "no file without HOME");
	setenv("HOME", "", 1);
	ex = 1;
	ok(config_path(NULL, &ex) == NULL, "nor with an empty HOME");
	p = config_path("-", &ex);
	ok(p != NULL && strcmp(p, "-") == 0 && ex == 1,
	    "-c needs no HOME");
	free(p);
}

/* Whether config_argv(cmd, url) gives want (NULL-ended). */
static int
argv_is(const char *cmd, const char *url, const char *const *want,
    const char *name)
{
	struct buf	  err;
	char		**v;
	size_t		  i;
	int		  same;

	buf_init(&err);
	v = config_argv(cmd, url, &err);
	same = v != NULL;
	for (i = 0; same && want[i] != NULL; i++)
		same = v[i] != NULL && strcmp(v[i], want[i]) == 0;
	if (same)
		same = v[i] == NULL;
	if (!ok(same, "%s", name)) {
		for (i = 0; v != NULL && v[i] != NULL; i++)
			tap_diag("got [%zu] '%s'", i, v[i]);
		if (v == NULL)
			tap_diag("got NULL: %s", err.data);
	}
	config_argv_free(v);
	buf_free(&err);
	return same;
}

static void
test_argv(void)
{
	static const char *const	 u = "https://example.kz/a?b=1&c=2";
	static const char *const	 evil =
		"http://x/a b'c\"d;rm -rf ~ $(id) `id` \\ %u %% *";
	const char			*w1[] = { "firefox", "--new-tab",
					    u, NULL };
	const char			*w2[] = { "xdg-open", u, NULL };
	const char			*w3[] = { "open", "-a",
					    "Google Chrome", u, NULL };
	const char			*w4[] = { "a \"b\" \\c", "d\\e",
					    NULL };
	const char			*w5[] = { "a b", "c", "'", NULL };
	const char			*w6[] = { "w3m", "--url=x", NULL };
	const char			*w7[] = { "echo", "100%", "%u", "%x",
					    "%", u, NULL };
	const char			*w8[] = { "browse", "--url=", "",
					    NULL };
	const char			*w9[] = { "a", "", "b", "#c", NULL };
	const char			*w10[] = { "printf", evil, NULL };
	const char			*w11[] = { "xclip", "-selection",
					    "clipboard", NULL };
	const char			*w12[] = { "a\\b", "$HOME", "*", NULL };
	const char			*w13[] = { "open", "[https://x/]",
					    "[https://x/]", NULL };
	struct buf			 err;
	char				**v;

	argv_is("firefox --new-tab %u", u, w1, "%u is the URL");
	argv_is("  xdg-open\t", u, w2, "without %u the URL comes last");
	argv_is("open -a 'Google Chrome'", u, w3,
	    "single quotes keep blanks");
	argv_is("\"a \\\"b\\\" \\\\c\" \"d\\e\"", NULL, w4,
	    "double quotes take \\\" and \\\\, other backslashes stay");
	argv_is("a\\ b c \\'", NULL, w5,
	    "a backslash outside quotes quotes the next character");
	argv_is("w3m --url='x'%u", "", w6, "an empty URL");
	argv_is("echo 100%% %%u %x % %u", u, w7,
	    "%% is %, other % are themselves");
	argv_is("browse --url=%u '%u'", NULL, w8,
	    "no URL: %u is empty and nothing is appended");
	argv_is("a '' b #c", NULL, w9,
	    "'' is an empty word and # is no comment");
	argv_is("printf %u", evil, w10,
	    "a URL with blanks, quotes, ; and %u stays one argument");
	argv_is("xclip -selection clipboard", NULL, w11,
	    "a clipboard command without a URL");
	argv_is("'a\\b' $HOME *", NULL, w12,
	    "no escapes in single quotes, no variables, no globbing");
	argv_is("open [%u] \"[%u]\"", "https://x/", w13,
	    "%u inside a word, twice");

	buf_init(&err);
	v = config_argv("firefox 'x", u, &err);
	ok(v == NULL, "an unterminated single quote fails");
	is(err.data, "unterminated quote", "error: unterminated quote");
	v = config_argv("firefox \"x\\\"", u, &err);
	ok(v == NULL && strcmp(err.data, "unterminated quote") == 0,
	    "an escaped double quote does not end the word");
	v = config_argv(" \t ", u, &err);
	ok(v == NULL, "a blank command fails");
	is(err.data, "empty command", "error: empty command");
	v = config_argv("'' %u", u, &err);
	ok(v == NULL && strcmp(err.data, "empty command") == 0,
	    "so does an empty program name");
	v = config_argv("", NULL, &err);
	ok(v == NULL && strcmp(err.data, "empty command") == 0,
	    "and an empty string");
	buf_free(&err);
}

/* Every line of the example loads; so does every command it shows
 * commented out ("# set clipboard wl-copy"), and it shows each. */
static void
test_example(const char *top)
{
	static const char *const	 cmds[] = { "bind-key ", "unbind-key ",
					    "color ", "mono ", "set browser ",
					    "set clipboard ", NULL };
	struct config			 c;
	struct buf			 err, off;
	FILE				*f;
	char				*path, line[CONFIG_LINE_MAX + 2];
	const char			*s;
	int				 seen[6] = { 0 }, i, all = 1;

	path = xasprintf("%s/doc/config.example", top);
	keys_reset();
	config_init(&c);
	buf_init(&err);
	if (!ok(config_load(&c, path, 1, &err) == 0,
	    "doc/config.example loads"))
		tap_diag("%s", err.data);
	ok(c.colors[UI_DIRECT].set && c.colors[UI_DIRECT].mono_set &&
	    keys_lookup("j") == KEYS_DOWN,
	    "the example sets colours and keeps the keys working");
	config_free(&c);

	buf_init(&off);
	if ((f = fopen(path, "r")) != NULL) {
		while (fgets(line, sizeof(line), f) != NULL) {
			s = line;
			if (s[0] == '#')
				s += strspn(s + 1, " ") + 1;
			for (i = 0; cmds[i] != NULL; i++) {
				if (strncmp(s, cmds[i], strlen(cmds[i])) != 0)
					continue;
				seen[i] = 1;
				if (s != line)
					buf_adds(&off, s);
			}
		}
		fclose(f);
	}
	for (i = 0; cmds[i] != NULL; i++)
		if (!seen[i]) {
			tap_diag("no '%s' line", cmds[i]);
			all = 0;
		}
	ok(all, "the example shows every command");
	keys_reset();
	config_init(&c);
	if (!ok(off.len > 0 && load(&c, off.data, &err) == 0,
	    "the commands commented out in the example load too"))
		tap_diag("%s", err.data);
	keys_reset();
	config_free(&c);
	buf_free(&off);
	buf_free(&err);
	free(path);
}

/* citata(5) lists every action as ".It Ic NAME" between the
 * actions-begin and actions-end comments, and nothing else there, and
 * every colour element as ".It Cm NAME". */
static void
test_manual(const char *top)
{
	const struct keys_binding	*b;
	FILE				*f;
	struct buf			 man;
	char				*path, line[1024], *p, *end;
	size_t				 n;
	int				 in = 0, i, all = 1, extra = 0;

	path = xasprintf("%s/man/citata.5", top);
	buf_init(&man);
	if ((f = fopen(path, "r")) != NULL) {
		buf_adds(&man, "\n");
		while (fgets(line, sizeof(line), f) != NULL) {
			if (strncmp(line, ".\\\" actions-begin", 17) == 0)
				in = 1;
			else if (strncmp(line, ".\\\" actions-end", 15) == 0)
				in = 0;
			else if (in && strncmp(line, ".It Ic ", 7) == 0) {
				p = line + 7;
				end = p + strcspn(p, " \n");
				*end = '\0';
				if (keys_action_named(p) == KEYS_NONE) {
					tap_diag("%s: no action '%s'", path,
					    p);
					extra = 1;
				}
				*end = ' ';
			}
			buf_adds(&man, line);
		}
		fclose(f);
	}
	ok(man.len > 0, "man/citata.5 is there");
	for (b = keys_table(); b->action != KEYS_NONE; b++) {
		p = xasprintf("\n.It Ic %s", b->name);
		n = strlen(p);
		end = strstr(man.data, p);
		if (end == NULL || (end[n] != ' ' && end[n] != '\n')) {
			tap_diag("no '.It Ic %s' in %s", b->name, path);
			all = 0;
		}
		free(p);
	}
	ok(all, "citata(5) lists every action");
	ok(!extra, "citata(5) lists no action that is not one");
	all = 1;
	for (i = 0; i < UI_COLOR_COUNT; i++) {
		p = xasprintf("\n.It Cm %s\n", config_color_name(i));
		if (strstr(man.data, p) == NULL) {
			tap_diag("no '.It Cm %s' in %s", config_color_name(i),
			    path);
			all = 0;
		}
		free(p);
	}
	ok(all, "citata(5) lists every colour element");
	buf_free(&man);
	free(path);
}

int
main(void)
{
	const char	*top = getenv("top_srcdir");

	if (top == NULL)
		top = ".";
	dir = xasprintf("%s/t_config.XXXXXX", getenv("TMPDIR") != NULL &&
	    *getenv("TMPDIR") != '\0' ? getenv("TMPDIR") : "/tmp");
	if (mkdtemp(dir) == NULL) {
		printf("1..0 # SKIP no temporary directory\n");
		return 0;
	}
	file = xasprintf("%s/config", dir);

	test_commands();
	test_colors();
	test_set();
	test_words();
	test_errors();
	test_limits();
	test_files();
	test_path();
	test_argv();
	test_example(top);
	test_manual(top);

	unlink(file);
	rmdir(dir);
	free(file);
	free(dir);
	return tap_done();
}
