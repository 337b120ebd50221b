/*
 * config.c: the reader's configuration file, citata(5), read line by
 * line into a struct config and the key table, and the splitting of the
 * commands it names into argument vectors.  No curses, no shell.
 */
#include "config.h"

#include "configfile.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistr.h>

#include "keys.h"
#include "util.h"

/* The words of a line or a command, owned. */
struct config_words {
	char	**v;
	size_t	  n, cap;
};

static void	 config_words_add(struct config_words *, char *);
static void	 config_words_free(struct config_words *);
static void	 config_add(struct buf *, const char **, int, const char *,
		    int *);
static int	 config_split(const char *, int, int, const char *, int *,
		    struct config_words *);
static void	 config_quote(struct buf *, const char *);
static int	 config_color_named(const char *);
static int	 config_shade(const char *, short *);
static int	 config_attrs(char **, size_t, int *, struct buf *);
static int	 config_bind_key(struct config *, char **, size_t,
		    struct buf *);
static int	 config_unbind_key(struct config *, char **, size_t,
		    struct buf *);
static int	 config_color(struct config *, char **, size_t, struct buf *);
static int	 config_mono(struct config *, char **, size_t, struct buf *);
static int	 config_set(struct config *, char **, size_t, struct buf *);
static int	 config_line(struct config *, const char *, struct buf *);

/* Indexed by enum ui_color. */
static const char *const config_color_names[UI_COLOR_COUNT] = {
	[UI_NORMAL] = "normal",
	[UI_SELECTED] = "selected",
	[UI_SELECTED_IDLE] = "selected-idle",
	[UI_HEADER] = "header",
	[UI_DIM] = "dim",
	[UI_UNREAD] = "unread",
	[UI_DIRECT] = "quote-direct",
	[UI_INDIRECT] = "quote-indirect",
	[UI_CURRENT] = "quote-current",
	[UI_MATCH] = "match",
	[UI_MATCH_CURRENT] = "match-current",
	[UI_STATUS] = "status",
	[UI_ERROR] = "error",
	[UI_BORDER] = "border"
};

/* The eight colours of curses, in its order (COLOR_BLACK is 0). */
static const char *const config_shades[] = {
	"black", "red", "green", "yellow", "blue", "magenta", "cyan",
	"white", NULL
};

static const struct {
	const char	*name;
	int		 bit;
} config_attr_names[] = {
	{ "normal", 0 },
	{ "bold", CONFIG_BOLD },
	{ "underline", CONFIG_UNDERLINE },
	{ "reverse", CONFIG_REVERSE },
	{ "dim", CONFIG_DIM },
	{ "standout", CONFIG_STANDOUT },
	{ "blink", CONFIG_BLINK },
	{ "italic", CONFIG_ITALIC },
	{ NULL, 0 }
};

static const struct {
	const char	*name;
	int		(*fn)(struct config *, char **, size_t, struct buf *);
} config_commands[] = {
	{ "bind-key", config_bind_key },
	{ "unbind-key", config_unbind_key },
	{ "color", config_color },
	{ "mono", config_mono },
	{ "set", config_set },
	{ NULL, NULL }
};

void
config_init(struct config *c)
{
	int	i;

	memset(c, 0, sizeof(*c));
	for (i = 0; i < UI_COLOR_COUNT; i++)
		c->colors[i].fg = c->colors[i].bg = -1;
}

void
config_free(struct config *c)
{
	free(c->browser);
	free(c->clipboard);
	config_init(c);
}

const char *
config_color_name(int i)
{
	if (i < 0 || i >= UI_COLOR_COUNT)
		return NULL;
	return config_color_names[i];
}

char *
config_path(const char *arg, int *explicit)
{
	const char	*s;

	*explicit = 1;
	if (arg != NULL)
		return xstrdup(arg);
	if ((s = getenv("CITATA_CONFIG")) != NULL && *s != '\0')
		return xstrdup(s);
	*explicit = 0;
	if ((s = getenv("XDG_CONFIG_HOME")) != NULL && *s == '/')
		return xasprintf("%s/citata/config", s);
	if ((s = getenv("HOME")) != NULL && *s != '\0')
		return xasprintf("%s/.config/citata/config", s);
	return NULL;
}

static void
config_words_add(struct config_words *w, char *s)
{
	if (w->n == w->cap) {
		w->cap = w->cap == 0 ? 8 : w->cap * 2;
		w->v = xreallocarray(w->v, w->cap, sizeof(*w->v));
	}
	w->v[w->n++] = s;
}

static void
config_words_free(struct config_words *w)
{
	size_t	i;

	for (i = 0; i < w->n; i++)
		free(w->v[i]);
	free(w->v);
	w->v = NULL;
	w->n = w->cap = 0;
}

/*
 * Adds the character at *p to word and steps over it.  With subst, "%u"
 * adds url (nothing when NULL) and sets *had_u, and "%%" adds one "%".
 */
static void
config_add(struct buf *word, const char **p, int subst, const char *url,
    int *had_u)
{
	const char	*s = *p;

	if (subst && s[0] == '%' && s[1] == 'u') {
		if (url != NULL)
			buf_adds(word, url);
		*had_u = 1;
		*p += 2;
	} else if (subst && s[0] == '%' && s[1] == '%') {
		buf_addc(word, '%');
		*p += 2;
	} else {
		buf_addc(word, s[0]);
		*p += 1;
	}
}

/*
 * Splits s into words appended to w, as config_argv() says; with
 * comments, a "#" where a word would begin ends the line.  With subst,
 * "%u" and "%%" are replaced as config_add() does.  Returns 0, or -1 for
 * an unterminated quote.
 */
static int
config_split(const char *s, int comments, int subst, const char *url,
    int *had_u, struct config_words *w)
{
	struct buf	 word;
	const char	*p = s;

	buf_init(&word);
	for (;;) {
		while (*p == ' ' || *p == '\t')
			p++;
		if (*p == '\0' || (comments && *p == '#'))
			break;
		buf_reset(&word);
		while (*p != '\0' && *p != ' ' && *p != '\t') {
			if (*p == '\'') {
				p++;
				while (*p != '\'') {
					if (*p == '\0')
						goto unterminated;
					config_add(&word, &p, subst, url,
					    had_u);
				}
				p++;
			} else if (*p == '"') {
				p++;
				while (*p != '"') {
					if (*p == '\0')
						goto unterminated;
					if (p[0] == '\\' && (p[1] == '"' ||
					    p[1] == '\\')) {
						buf_addc(&word, p[1]);
						p += 2;
					} else
						config_add(&word, &p, subst,
						    url, had_u);
				}
				p++;
			} else if (p[0] == '\\' && p[1] != '\0') {
				buf_addc(&word, p[1]);
				p += 2;
			} else
				config_add(&word, &p, subst, url, had_u);
		}
		config_words_add(w, xstrndup(word.data, word.len));
	}
	buf_free(&word);
	return 0;

unterminated:
	buf_free(&word);
	return -1;
}

char **
config_argv(const char *cmd, const char *url, struct buf *err)
{
	struct config_words	w = { NULL, 0, 0 };
	int			had_u = 0;

	buf_reset(err);
	if (config_split(cmd, 0, 1, url, &had_u, &w) != 0) {
		config_words_free(&w);
		buf_adds(err, "unterminated quote");
		return NULL;
	}
	if (w.n == 0 || w.v[0][0] == '\0') {
		config_words_free(&w);
		buf_adds(err, "empty command");
		return NULL;
	}
	if (url != NULL && !had_u)
		config_words_add(&w, xstrdup(url));
	config_words_add(&w, NULL);
	return w.v;
}

void
config_argv_free(char **argv)
{
	size_t	i;

	if (argv == NULL)
		return;
	for (i = 0; argv[i] != NULL; i++)
		free(argv[i]);
	free(argv);
}

/* Appends 'word' to err, its control characters as \xNN, so that a
 * message cannot move the cursor of the terminal it is printed on. */
static void
config_quote(struct buf *err, const char *word)
{
	const unsigned char	*p;

	buf_addc(err, '\'');
	for (p = (const unsigned char *)word; *p != '\0'; p++)
		if (*p < 0x20 || *p == 0x7f)
			buf_printf(err, "\\x%02x", *p);
		else
			buf_addc(err, (char)*p);
	buf_addc(err, '\'');
}

/* The colour table entry called name, or -1. */
static int
config_color_named(const char *name)
{
	int	i;

	for (i = 0; i < UI_COLOR_COUNT; i++)
		if (strcmp(config_color_names[i], name) == 0)
			return i;
	return -1;
}

/* Sets *v to the colour called name: -1 for "default", 0 to 7 for the
 * eight named ones, N for "colorN" (0 to 255).  0, or -1 when name is
 * none of them. */
static int
config_shade(const char *name, short *v)
{
	size_t	i, n;

	if (strcmp(name, "default") == 0) {
		*v = -1;
		return 0;
	}
	for (i = 0; config_shades[i] != NULL; i++)
		if (strcmp(config_shades[i], name) == 0) {
			*v = (short)i;
			return 0;
		}
	if (strncmp(name, "color", 5) != 0)
		return -1;
	name += 5;
	n = strspn(name, "0123456789");
	if (n == 0 || n > 3 || name[n] != '\0' || atoi(name) > 255)
		return -1;
	*v = (short)atoi(name);
	return 0;
}

/* Sets *bits to the CONFIG_* bits of the n attributes named in av.  0,
 * or -1 with the reason in err. */
static int
config_attrs(char **av, size_t n, int *bits, struct buf *err)
{
	size_t	i, j;

	*bits = 0;
	for (i = 0; i < n; i++) {
		for (j = 0; config_attr_names[j].name != NULL; j++)
			if (strcmp(config_attr_names[j].name, av[i]) == 0)
				break;
		if (config_attr_names[j].name == NULL) {
			buf_adds(err, "unknown attribute ");
			config_quote(err, av[i]);
			return -1;
		}
		*bits |= config_attr_names[j].bit;
	}
	return 0;
}

/*
 * The commands: each takes the words of its line after its name, av[0]
 * to av[n - 1], does what they say, and returns 0, or -1 with the reason
 * in err (empty on entry).
 */

static int
config_bind_key(struct config *c, char **av, size_t n, struct buf *err)
{
	enum keys_action	act;

	(void)c;
	if (n != 2) {
		buf_adds(err, "bind-key takes a key and an action");
		return -1;
	}
	if (!keys_key_valid(av[0])) {
		buf_adds(err, "unknown key name ");
		config_quote(err, av[0]);
		return -1;
	}
	if ((act = keys_action_named(av[1])) == KEYS_NONE) {
		buf_adds(err, "unknown action ");
		config_quote(err, av[1]);
		return -1;
	}
	if (keys_bind(av[0], act) != 0) {
		buf_adds(err, "too many keys bound");
		return -1;
	}
	return 0;
}

static int
config_unbind_key(struct config *c, char **av, size_t n, struct buf *err)
{
	(void)c;
	if (n != 1) {
		buf_adds(err, "unbind-key takes a key");
		return -1;
	}
	if (!keys_key_valid(av[0])) {
		buf_adds(err, "unknown key name ");
		config_quote(err, av[0]);
		return -1;
	}
	if (keys_bind(av[0], KEYS_NONE) != 0) {
		buf_adds(err, "too many keys bound");
		return -1;
	}
	return 0;
}

static int
config_color(struct config *c, char **av, size_t n, struct buf *err)
{
	struct config_color	*cc;
	short			 fg, bg;
	int			 i, bits;

	if (n < 3) {
		buf_adds(err,
		    "color takes an element, a foreground and a background");
		return -1;
	}
	if ((i = config_color_named(av[0])) == -1) {
		buf_adds(err, "unknown element ");
		config_quote(err, av[0]);
		return -1;
	}
	if (config_shade(av[1], &fg) != 0) {
		buf_adds(err, "unknown color ");
		config_quote(err, av[1]);
		return -1;
	}
	if (config_shade(av[2], &bg) != 0) {
		buf_adds(err, "unknown color ");
		config_quote(err, av[2]);
		return -1;
	}
	if (config_attrs(av + 3, n - 3, &bits, err) != 0)
		return -1;
	cc = &c->colors[i];
	cc->set = 1;
	cc->fg = fg;
	cc->bg = bg;
	cc->attrs = bits;
	return 0;
}

static int
config_mono(struct config *c, char **av, size_t n, struct buf *err)
{
	int	i, bits;

	if (n < 2) {
		buf_adds(err, "mono takes an element and attributes");
		return -1;
	}
	if ((i = config_color_named(av[0])) == -1) {
		buf_adds(err, "unknown element ");
		config_quote(err, av[0]);
		return -1;
	}
	if (config_attrs(av + 1, n - 1, &bits, err) != 0)
		return -1;
	c->colors[i].mono_set = 1;
	c->colors[i].mono = bits;
	return 0;
}

/* Both options are commands, split when they run; a command that would
 * not split fails here, when the file is read, and not at the first
 * key that runs it. */
static int
config_set(struct config *c, char **av, size_t n, struct buf *err)
{
	struct buf	  why;
	char		**v, **opt;

	if (n != 2) {
		buf_adds(err, "set takes an option and a value");
		return -1;
	}
	if (strcmp(av[0], "browser") == 0)
		opt = &c->browser;
	else if (strcmp(av[0], "clipboard") == 0)
		opt = &c->clipboard;
	else {
		buf_adds(err, "unknown option ");
		config_quote(err, av[0]);
		return -1;
	}
	buf_init(&why);
	if ((v = config_argv(av[1], NULL, &why)) == NULL) {
		buf_printf(err, "%s: %s", av[0], why.data);
		buf_free(&why);
		return -1;
	}
	buf_free(&why);
	config_argv_free(v);
	free(*opt);
	*opt = xstrdup(av[1]);
	return 0;
}

/* Does what line (without its newline) says.  0, or -1 with the reason
 * in err. */
static int
config_line(struct config *c, const char *line, struct buf *err)
{
	struct config_words	w = { NULL, 0, 0 };
	size_t			i;
	int			rc = -1;

	if (config_split(line, 1, 0, NULL, NULL, &w) != 0) {
		buf_adds(err, "unterminated quote");
		goto out;
	}
	if (w.n == 0) {
		rc = 0;
		goto out;
	}
	for (i = 0; config_commands[i].name != NULL; i++)
		if (strcmp(config_commands[i].name, w.v[0]) == 0)
			break;
	if (config_commands[i].name == NULL) {
		buf_adds(err, "unknown command ");
		config_quote(err, w.v[0]);
		goto out;
	}
	rc = config_commands[i].fn(c, w.v + 1, w.n - 1, err);
out:
	config_words_free(&w);
	return rc;
}

int
config_load(struct config *c, const char *path, int explicit,
    struct buf *err)
{
	FILE		*f;
	struct buf	 reason;
	char		*line = NULL;
	size_t		 cap = 0, n, lineno = 0;
	ssize_t		 len;
	int		 rc = 0;

	buf_reset(err);
	if ((f = fopen(path, "r")) == NULL) {
		if (!explicit && (errno == ENOENT || errno == ENOTDIR))
			return 0;
		buf_printf(err, "%s: error: %s", path, strerror(errno));
		return -1;
	}
	buf_init(&reason);
	while ((len = getline(&line, &cap, f)) != -1) {
		lineno++;
		n = (size_t)len;
		if (n > 0 && line[n - 1] == '\n')
			n--;
		if (n > 0 && line[n - 1] == '\r')
			n--;
		if (n > CONFIG_LINE_MAX)
			buf_printf(&reason, "line longer than %d bytes",
			    CONFIG_LINE_MAX);
		else if (memchr(line, '\0', n) != NULL)
			buf_adds(&reason, "NUL byte in the line");
		else if (u8_check((const uint8_t *)line, n) != NULL)
			buf_adds(&reason, "invalid UTF-8");
		else {
			line[n] = '\0';
			if (config_line(c, line, &reason) == 0)
				continue;
		}
		buf_printf(err, "%s:%zu: error: %s", path, lineno, reason.data);
		rc = -1;
		break;
	}
	if (rc == 0 && ferror(f)) {
		buf_printf(err, "%s: error: %s", path, strerror(errno));
		rc = -1;
	}
	fclose(f);
	free(line);
	buf_free(&reason);
	return rc;
}
