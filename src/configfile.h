#ifndef CONFIGFILE_H
#define CONFIGFILE_H

/*
 * config.c: the reader's configuration file, citata(5), in the line
 * format of newsboat and mutt: "bind-key j down", "color header cyan
 * default bold", "set browser 'firefox %u'".  This header is not called
 * config.h because every source file includes the config.h of
 * configure first, and "config.h" would find this one in src/.
 *
 * Only words here: the keys go to keys_bind(), colours and attributes
 * come back as numbers and CONFIG_* bits for the UI to give to curses,
 * and commands are split into an argument vector that no shell reads.
 */

#include "ui.h"

struct buf;

/* Attribute bits, independent of curses. */
#define CONFIG_BOLD		0x01
#define CONFIG_UNDERLINE	0x02
#define CONFIG_REVERSE		0x04
#define CONFIG_DIM		0x08
#define CONFIG_STANDOUT		0x10
#define CONFIG_BLINK		0x20
#define CONFIG_ITALIC		0x40

/* The longest line a file may hold, without its newline. */
#define CONFIG_LINE_MAX		4096

/* One entry of the colour table as the file set it.  The last color
 * line of an element wins, and the last mono line; an element that no
 * line named keeps the UI's default. */
struct config_color {
	int	set;		/* a color line named it */
	short	fg, bg;		/* -1 default, 0..7 named colours,
				 * 0..255 colorN */
	int	attrs;		/* CONFIG_* bits for a colour terminal */
	int	mono_set;	/* a mono line named it */
	int	mono;		/* CONFIG_* bits without colour */
};

/* What the file set; the strings are owned, config_free() frees them. */
struct config {
	char			*browser;	/* set browser, or NULL */
	char			*clipboard;	/* set clipboard, or NULL */
	struct config_color	 colors[UI_COLOR_COUNT];
};

/* Sets c to nothing set: no commands, every colour unset with fg and bg
 * -1. */
void		 config_init(struct config *c);

/* Frees what c holds and sets it as config_init() does. */
void		 config_free(struct config *c);

/* The name of colour table entry i in the file ("quote-direct"), or
 * NULL when i is not below UI_COLOR_COUNT; borrowed, static. */
const char	*config_color_name(int i);

/*
 * The file to read: arg (-c FILE) when not NULL, else $CITATA_CONFIG
 * when set and not empty, else $XDG_CONFIG_HOME/citata/config when
 * XDG_CONFIG_HOME is an absolute path, else $HOME/.config/citata/config.
 * *explicit is 1 for the first two (a missing file is then an error),
 * else 0.  NULL when there is no HOME either (unset or empty).  The
 * caller frees it.
 */
char		*config_path(const char *arg, int *explicit);

/*
 * Reads the file path into c, and binds and unbinds keys with
 * keys_bind() as its lines say, in order.  A missing file is fine when
 * explicit is 0: it returns 0 and nothing changes.  Returns 0, or -1
 * with err reset to one message, "FILE:LINE: error: REASON", or
 * "FILE: error: REASON" (strerror) when the file cannot be read.  It
 * stops at the first bad line; the lines before it have been applied.
 */
int		 config_load(struct config *c, const char *path, int explicit,
		    struct buf *err);

/*
 * Splits cmd into words as a shell would, without running one: blanks
 * (space, tab) separate words, '...' is literal, "..." takes \" and \\
 * as escapes, a backslash outside quotes takes the next character
 * literally; no globbing, no variables, no comments.  Every "%u" in a
 * word becomes url (the empty string when url is NULL), which stays part
 * of its word whatever it holds; when url is not NULL and no word had
 * "%u", url is appended as the last word.  "%%" is one "%"; any other
 * "%" is itself.
 *
 * Returns a NULL-ended vector (the caller frees each word and the
 * array, for example with config_argv_free()), or NULL with err reset to
 * "unterminated quote" or "empty command" (no words, or an empty first
 * word).
 */
char		**config_argv(const char *cmd, const char *url,
		    struct buf *err);

/* Frees a vector from config_argv(); NULL does nothing. */
void		 config_argv_free(char **argv);

#endif /* CONFIGFILE_H */
