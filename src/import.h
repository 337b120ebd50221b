#ifndef IMPORT_H
#define IMPORT_H

#include <stddef.h>

struct article;

/*
 * import.c: article files to struct article, with diagnostics.
 *
 * Two formats: the plain-text seed format (a record starts at a line
 * "[TITLE ]date YYYY-MM-DD FIRST-PARAGRAPH"; paragraphs are separated by
 * blank lines) and JSON Lines (one object per line with "text" and "date",
 * optional "title", "source", "url").
 */

enum import_format {
	IMPORT_TEXT,
	IMPORT_JSONL
};

/* Longest line accepted, in bytes; longer lines skip their record. */
#define IMPORT_MAX_LINE	(1024 * 1024)

/* Receives each good record; takes ownership of a. Returns 0 to go on,
 * -1 to stop parsing (the parser then returns -1). */
typedef int	(*import_emit_fn)(void *ctx, struct article *a);
/* Receives each problem: file, line and column (0 when none) and a
 * reason.  The strings are borrowed for the call. */
typedef void	(*import_diag_fn)(void *ctx, const char *file, long line,
		    long col, const char *reason);

struct import_result {
	size_t	records;	/* good records emitted */
	size_t	skipped;	/* records skipped for a diagnostic */
};

/* Chooses the format of a file: by extension (.jsonl, .json: JSON Lines;
 * anything else: text), or for standard input ("-") by the first
 * non-blank byte ('{' means JSON Lines). */
enum import_format import_format_guess(const char *name, const char *data,
	    size_t len);

/*
 * Parses data[0..len), the contents of the file called name, calling emit
 * for each article and diag for each problem.  Counts go to *res.
 * Returns 0, or -1 when emit asked to stop.
 */
int	import_parse(const char *name, const char *data, size_t len,
	    enum import_format fmt, import_emit_fn emit, import_diag_fn diag,
	    void *ctx, struct import_result *res);

/*
 * Expands the import arguments: a file stays itself, "-" stays "-", a
 * directory becomes its *.txt and *.jsonl files, recursively, sorted by
 * name.  Stores a new array of new strings in *files (the caller frees
 * both) and returns the count; on a missing or unreadable argument it
 * calls diag and goes on.
 */
size_t	import_expand(char **args, size_t nargs, char ***files,
	    import_diag_fn diag, void *ctx);

/* Reads a whole file ("-" is standard input) into a new buffer (the
 * caller frees it).  Returns NULL and sets *cause (caller frees) on
 * failure. */
char	*import_read_file(const char *path, size_t *len, char **cause);

/* Checks a YYYY-MM-DD calendar date; returns 0 when valid. */
int	import_date_valid(const char *s, size_t len);

/* Derives a title and a source from the first paragraph p[0..len): the
 * first sentence, with a trailing media attribution ("передает BAQ.KZ")
 * removed and returned as the source.  *title is never NULL; *source may
 * be.  The caller frees both. */
void	import_derive(const char *p, size_t len, char **title, char **source);

#endif /* IMPORT_H */
