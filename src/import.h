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
 * optional "title", "source", "url" and "time", HH:MM:SS).
 */

enum import_format {
	IMPORT_TEXT,
	IMPORT_JSONL,
	IMPORT_GUESS		/* by the name, and for "-" by the first
				   non-blank byte: import_format_guess() */
};

/* Longest line accepted, in bytes; longer lines skip their record. */
#define IMPORT_MAX_LINE		(1024 * 1024)
/* Longest article text accepted, in bytes; a longer one is skipped.  A
 * reader holds at most one record, so this bounds its memory. */
#define IMPORT_MAX_RECORD	(64 * 1024 * 1024)

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

/* A problem found by a reader: where and why.  Borrowed; valid until the
 * next import_next() or import_reader_free(). */
struct import_diag {
	const char	*file;
	long		 line;		/* from 1; 0 for the whole file */
	long		 col;		/* from 1 (bytes); 0 when none */
	const char	*reason;
};

/* What import_next() found. */
enum import_event {
	IMPORT_END,		/* the input is used up */
	IMPORT_ARTICLE,		/* an article, which the caller frees */
	IMPORT_DIAG,		/* a problem, in the diagnostic */
	IMPORT_STOPPED		/* the cancel descriptor became readable */
};

/*
 * A reader takes an input as a stream, a record at a time: it holds the
 * record being read and at most IMPORT_MAX_LINE bytes more, whatever the
 * size of the input, so a file, a pipe, a terminal or a buffer in memory
 * are read alike.  Lines end at LF, CR LF or a lone CR; a UTF-8 byte
 * order mark at the start is skipped; an input that starts with NUL
 * bytes is refused as binary, or as UTF-16 when it looks like it.
 */
struct import_reader;

/* Opens path ("-" is standard input, which is not closed) for reading
 * in format fmt.  Returns NULL and sets *cause (the caller frees it)
 * when it cannot be opened. */
struct import_reader *import_reader_open(const char *path,
	    enum import_format fmt, char **cause);
/* A reader of the open descriptor fd, which the caller closes after
 * import_reader_free(); name is used in diagnostics (copied). */
struct import_reader *import_reader_fd(const char *name, int fd,
	    enum import_format fmt);
/* A reader of data[0..len), borrowed until import_reader_free(). */
struct import_reader *import_reader_mem(const char *name, const char *data,
	    size_t len, enum import_format fmt);
/* Makes the reader stop with IMPORT_STOPPED as soon as fd is readable,
 * even while it waits for input: give it the read end of a pipe that a
 * signal handler writes to. */
void	import_reader_cancel(struct import_reader *r, int fd);
/* Reads at most n bytes at a time (default 64 KiB).  For tests: what
 * the reader finds must not depend on it. */
void	import_reader_chunk(struct import_reader *r, size_t n);
/*
 * The next article or problem of the input: stores a new article in *a
 * (the caller frees it) or fills *d, and says which.  After IMPORT_END
 * it gives IMPORT_END again.  A read error is a diagnostic, and the rest
 * of the input is skipped.
 */
enum import_event import_next(struct import_reader *r, struct article **a,
	    struct import_diag *d);
/* The counts so far.  Borrowed; valid until import_reader_free(). */
const struct import_result *import_reader_result(
	    const struct import_reader *r);
/* Closes what the reader opened and frees it; NULL does nothing. */
void	import_reader_free(struct import_reader *r);

/* Chooses the format of a file: by extension (.jsonl, .json: JSON Lines;
 * anything else: text), or for standard input ("-") by the first
 * non-blank byte ('{' means JSON Lines). */
enum import_format import_format_guess(const char *name, const char *data,
	    size_t len);

/*
 * Parses data[0..len), the contents of the file called name, calling emit
 * for each article and diag for each problem: import_next() on a reader
 * of memory.  Adds the counts to *res.  Returns 0, or -1 when emit asked
 * to stop.
 */
int	import_parse(const char *name, const char *data, size_t len,
	    enum import_format fmt, import_emit_fn emit, import_diag_fn diag,
	    void *ctx, struct import_result *res);

/*
 * Expands the import arguments: a file stays itself, "-" stays "-", a
 * directory becomes its *.txt and *.jsonl files, recursively, sorted by
 * name; a directory reached twice (by a symbolic link) is read once, and
 * diag says what was left out.  Stores a new array of new strings in
 * *files (the caller frees both) and returns the count; on a missing or
 * unreadable argument it calls diag and goes on.
 */
size_t	import_expand(char **args, size_t nargs, char ***files,
	    import_diag_fn diag, void *ctx);

/* Reads a whole file ("-" is standard input) into a new buffer (the
 * caller frees it).  Returns NULL and sets *cause (caller frees) on
 * failure.  Memory grows with the file: import reads a stream instead
 * (import_reader_open()). */
char	*import_read_file(const char *path, size_t *len, char **cause);

/* What every article gets before it is stored, whatever it came from
 * (a file, a feed): its strings in NFC, and when it has none, a title
 * and a source derived from the first paragraph (import_derive()). */
void	import_normalize(struct article *a);

/* Checks an HH:MM:SS time of day; returns 0 when valid. */
int	import_time_valid(const char *s);

/* Checks a YYYY-MM-DD calendar date; returns 0 when valid. */
int	import_date_valid(const char *s, size_t len);

/* Derives a title and a source from the first paragraph p[0..len): the
 * first sentence, with a trailing media attribution ("передает BAQ.KZ")
 * removed and returned as the source.  *title is never NULL; *source may
 * be.  The caller frees both. */
void	import_derive(const char *p, size_t len, char **title, char **source);

#endif /* IMPORT_H */
