/*
 * import.c: article files to struct article, with diagnostics that name
 * the file, the line and the reason.  Two formats, the plain-text seed
 * format and JSON Lines; a bad record is skipped and reported, the rest
 * of the file still comes through.  Input is read as a stream, a line at
 * a time, so memory holds one record however long the input is.
 */
#include "config.h"

#include "import.h"

#include <ctype.h>
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <jansson.h>
#include <poll.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "abbrev.h"
#include "article.h"
#include "text.h"
#include "util.h"

/* Bytes looked at for NUL bytes (binary or UTF-16 input) before any
 * line is parsed. */
#define PROBE_LEN	8192
/* Bytes kept of a line longer than IMPORT_MAX_LINE: enough to see
 * whether it starts a record. */
#define HEAD_LEN	4096
/* Bytes read at a time. */
#define CHUNK_LEN	65536

/* State of the text-format parser for the record being read. */
struct record {
	int		 open;		/* a header has been seen */
	int		 bad;		/* a diagnostic was given: skip it */
	long		 line;		/* line of the header */
	char		*title;		/* from the header, NULL if none */
	char		*date;
	struct buf	 text;
	int		 para_break;	/* a blank line since the last text */
	int		 in_para;	/* the previous line had text */
};

/* A line of input, without its line end. */
struct line {
	const char	*s;	/* the line, or its head when too long */
	size_t		 n;	/* bytes at s */
	size_t		 len;	/* bytes in the line */
	int		 blank;	/* only blanks (all of it, when long) */
};

/* An article or a diagnostic waiting to be handed out. */
struct event {
	struct article	*a;	/* NULL for a diagnostic */
	long		 line;
	long		 col;
	char		*msg;
};

/*
 * The input window holds win[off..len) not yet parsed; a line longer
 * than IMPORT_MAX_LINE is not kept, only its head.  Parsing a line may
 * give several events (an article ends, the next one's date is bad), so
 * they wait in a queue until import_next() hands them out.
 */
struct import_reader {
	char			*name;
	enum import_format	 fmt;
	int			 fd;		/* -1: reading memory */
	int			 own_fd;	/* opened here: close it */
	int			 cancel_fd;	/* -1: none */
	const char		*mem;
	size_t			 memlen, memoff;
	size_t			 chunk;
	char			*win;
	size_t			 off, len, cap;
	size_t			 scan;		/* win[off..off+scan): no
						   line end */
	int			 eof;
	int			 stream;	/* a pipe, a terminal: no
						   waiting to fill the probe */
	int			 err;		/* errno of a failed read */
	int			 after_cr;	/* the last line ended in CR */
	int			 probed;
	int			 done;
	long			 lineno;
	struct buf		 head;		/* a long line's head */
	size_t			 long_len;	/* its bytes so far, or 0 */
	int			 long_blank;	/* all blanks so far */
	struct record		 rec;
	int			 prev_blank;
	long			 stray;
	struct event		*q;
	size_t			 qhead, qlen, qcap;
	char			*msg;		/* the last diagnostic out */
	struct import_result	 res;
};

static struct import_reader *reader_new(const char *, enum import_format);
static void	 reader_diag(struct import_reader *, long, long, const char *,
		    ...) __attribute__((format(printf, 4, 5)));
static void	 reader_push(struct import_reader *, struct article *, long,
		    long, char *);
static int	 reader_fill(struct import_reader *);
static int	 reader_wait(struct import_reader *);
static int	 reader_line(struct import_reader *, struct line *);
static int	 reader_probe(struct import_reader *);
static void	 reader_failed(struct import_reader *);
static int	 utf16_like(const unsigned char *, size_t);
static int	 line_blank(const char *, size_t);
static int	 header_parse(const char *, size_t, size_t *, size_t *,
		    size_t *, size_t *, int *);
static void	 record_begin(struct record *, const char *, size_t, long,
		    size_t, size_t, size_t);
static void	 record_add_line(struct import_reader *, const char *,
		    size_t);
static void	 record_end(struct import_reader *);
static void	 record_clear(struct record *);
static void	 nfc_replace(char **);
static void	 article_finish(struct import_reader *, struct article *,
		    long);
static void	 trim(const char **, size_t *);
static char	*normalize_newlines(const char *, size_t, size_t *);
static void	 text_line_parse(struct import_reader *, const struct line *);
static void	 jsonl_line_parse(struct import_reader *,
		    const struct line *);
static char	*json_opt_string(struct import_reader *, json_t *,
		    const char *, long, int *);
static int	 sentence_end(const char *, size_t, size_t);
static int	 attribution_find(const char *, size_t, size_t *, size_t *,
		    size_t *);
static char	*source_clean(const char *, size_t);
struct dir_seen;
static int	 expand_dir(const char *, const struct stat *, char ***,
		    size_t *, size_t *, struct dir_seen *, import_diag_fn,
		    void *);
static void	 files_add(char ***, size_t *, size_t *, char *);
static int	 name_cmp(const void *, const void *);
static int	 has_suffix(const char *, const char *);

/* ------------------------------------------------------------ reader */

static struct import_reader *
reader_new(const char *name, enum import_format fmt)
{
	struct import_reader	*r;

	r = xcalloc(1, sizeof(*r));
	r->name = xstrdup(name);
	r->fmt = fmt;
	if (fmt == IMPORT_GUESS && strcmp(name, "-") != 0)
		r->fmt = import_format_guess(name, NULL, 0);
	r->fd = -1;
	r->cancel_fd = -1;
	r->chunk = CHUNK_LEN;
	r->prev_blank = 1;
	buf_init(&r->head);
	buf_init(&r->rec.text);
	return r;
}

struct import_reader *
import_reader_open(const char *path, enum import_format fmt, char **cause)
{
	struct import_reader	*r;
	int			 fd;

	if (strcmp(path, "-") == 0)
		return import_reader_fd(path, STDIN_FILENO, fmt);
	/* A FIFO blocks here until a writer opens it; a signal then
	 * makes open() fail with EINTR, which the caller looks into. */
	if ((fd = open(path, O_RDONLY | O_CLOEXEC)) == -1) {
		*cause = xasprintf("%s", strerror(errno));
		return NULL;
	}
	r = import_reader_fd(path, fd, fmt);
	r->own_fd = 1;
	return r;
}

struct import_reader *
import_reader_fd(const char *name, int fd, enum import_format fmt)
{
	struct import_reader	*r = reader_new(name, fmt);
	struct stat		 st;

	r->fd = fd;
	r->stream = fstat(fd, &st) != 0 || !S_ISREG(st.st_mode);
	return r;
}

struct import_reader *
import_reader_mem(const char *name, const char *data, size_t len,
    enum import_format fmt)
{
	struct import_reader	*r = reader_new(name, fmt);

	r->mem = data;
	r->memlen = len;
	return r;
}

void
import_reader_cancel(struct import_reader *r, int fd)
{
	r->cancel_fd = fd;
}

void
import_reader_chunk(struct import_reader *r, size_t n)
{
	r->chunk = n > 0 ? n : 1;
}

const struct import_result *
import_reader_result(const struct import_reader *r)
{
	return &r->res;
}

void
import_reader_free(struct import_reader *r)
{
	size_t	i;

	if (r == NULL)
		return;
	if (r->own_fd)
		close(r->fd);
	for (i = r->qhead; i < r->qlen; i++) {
		article_free(r->q[i].a);
		free(r->q[i].msg);
	}
	free(r->q);
	free(r->msg);
	record_clear(&r->rec);
	buf_free(&r->rec.text);
	buf_free(&r->head);
	free(r->win);
	free(r->name);
	free(r);
}

static void
reader_push(struct import_reader *r, struct article *a, long line, long col,
    char *msg)
{
	struct event	*e;

	if (r->qlen == r->qcap) {
		r->qcap = r->qcap == 0 ? 4 : r->qcap * 2;
		r->q = xreallocarray(r->q, r->qcap, sizeof(*r->q));
	}
	e = &r->q[r->qlen++];
	e->a = a;
	e->line = line;
	e->col = col;
	e->msg = msg;
}

static void
reader_diag(struct import_reader *r, long line, long col, const char *fmt,
    ...)
{
	va_list	 ap;
	char	*msg;

	va_start(ap, fmt);
	msg = xvasprintf(fmt, ap);
	va_end(ap);
	reader_push(r, NULL, line, col, msg);
}

/*
 * Waits until the input can be read or the cancel descriptor is
 * readable.  Returns 0 to read, -1 when cancelled.  A signal that
 * interrupts poll() or read() has written to the cancel pipe, so it is
 * seen here whenever it comes.
 */
static int
reader_wait(struct import_reader *r)
{
	struct pollfd	pfd[2];
	nfds_t		n = 1;

	pfd[0].fd = r->fd;
	pfd[0].events = POLLIN;
	if (r->cancel_fd >= 0) {
		pfd[1].fd = r->cancel_fd;
		pfd[1].events = POLLIN;
		n = 2;
	}
	for (;;) {
		pfd[0].revents = 0;
		if (n == 2)
			pfd[1].revents = 0;
		if (poll(pfd, n, -1) == -1) {
			if (errno == EINTR || errno == EAGAIN)
				continue;
			return 0;	/* let read() say what is wrong */
		}
		if (n == 2 && pfd[1].revents != 0)
			return -1;
		if (pfd[0].revents != 0)
			return 0;
	}
}

/*
 * Reads more input into the window, moving what is left of it to the
 * start first when there is no room after it.  The window never holds
 * more than a line (at most IMPORT_MAX_LINE bytes) and a chunk, so it
 * stays under twice that.  Returns 0 (r->eof is set at the end), -1
 * when cancelled, -2 on a read error (in r->err).
 */
static int
reader_fill(struct import_reader *r)
{
	ssize_t	got;
	size_t	n;

	if (r->cap - r->len < r->chunk && r->off > 0) {
		memmove(r->win, r->win + r->off, r->len - r->off);
		r->len -= r->off;
		r->off = 0;
	}
	if (r->cap - r->len < r->chunk) {
		n = r->len + r->chunk;
		r->cap = n > 2 * r->cap ? n : 2 * r->cap;
		r->win = xreallocarray(r->win, r->cap, 1);
	}
	if (r->fd == -1) {
		n = r->memlen - r->memoff;
		if (n > r->chunk)
			n = r->chunk;
		memcpy(r->win + r->len, r->mem + r->memoff, n);
		r->memoff += n;
		r->len += n;
		if (n == 0)
			r->eof = 1;
		return 0;
	}
	for (;;) {
		if (r->cancel_fd >= 0 && reader_wait(r) != 0)
			return -1;
		got = read(r->fd, r->win + r->len, r->chunk);
		if (got > 0) {
			r->len += (size_t)got;
			return 0;
		}
		if (got == 0) {
			r->eof = 1;
			return 0;
		}
		if (errno == EINTR)
			continue;
		if (errno == EAGAIN || errno == EWOULDBLOCK) {
			/* A descriptor left non-blocking by someone else. */
			if (reader_wait(r) != 0)
				return -1;
			continue;
		}
		r->err = errno;
		return -2;
	}
}

/*
 * Stores the next line in *l: its bytes, or the first HEAD_LEN of them
 * when it is longer than IMPORT_MAX_LINE (the rest is read and dropped).
 * A line ends at LF, CR LF or CR.  Returns 1 with a line, 0 at the end
 * of the input, or what reader_fill() failed with.
 */
static int
reader_line(struct import_reader *r, struct line *l)
{
	size_t	i;
	int	rc;

	for (;;) {
		if (r->after_cr && r->off < r->len) {
			if (r->win[r->off] == '\n')
				r->off++;
			r->after_cr = 0;
		}
		for (i = r->off + r->scan; i < r->len; i++)
			if (r->win[i] == '\n' || r->win[i] == '\r')
				break;
		if (i < r->len ||
		    (r->eof && (i > r->off || r->long_len > 0))) {
			l->s = r->win + r->off;
			l->n = l->len = i - r->off;
			l->blank = line_blank(l->s, l->n);
			/* Only the head of a long line counts, however much
			 * of it the window happens to hold. */
			if (l->len > IMPORT_MAX_LINE)
				l->n = HEAD_LEN;
			if (r->long_len > 0) {
				l->len += r->long_len;
				l->blank = l->blank && r->long_blank;
				l->s = r->head.data;
				l->n = r->head.len;
				r->long_len = 0;
			}
			if (i < r->len) {
				r->after_cr = r->win[i] == '\r';
				i++;
			}
			r->off = i;
			r->scan = 0;
			r->lineno++;
			return 1;
		}
		if (r->eof)
			return 0;
		r->scan = r->len - r->off;
		if (r->long_len > 0 || r->scan > IMPORT_MAX_LINE) {
			/* Too long to keep: its head, and a count. */
			if (r->long_len == 0) {
				buf_reset(&r->head);
				buf_add(&r->head, r->win + r->off,
				    r->scan < HEAD_LEN ? r->scan : HEAD_LEN);
				r->long_blank = 1;
			}
			r->long_len += r->scan;
			r->long_blank = r->long_blank &&
			    line_blank(r->win + r->off, r->scan);
			r->off = r->len;
			r->scan = 0;
		}
		if ((rc = reader_fill(r)) != 0)
			return rc;
	}
}

/*
 * Whether the NUL bytes of p[0..n) fall all on odd or all on even
 * offsets, as in UTF-16 text in a Latin or Cyrillic script (NUL high
 * bytes of ASCII), never two in a row.
 */
static int
utf16_like(const unsigned char *p, size_t n)
{
	size_t	i, odd = 0, even = 0;

	for (i = 0; i < n; i++) {
		if (p[i] != '\0')
			continue;
		if (i + 1 < n && p[i + 1] == '\0')
			return 0;
		if (i % 2)
			odd++;
		else
			even++;
	}
	return (odd > 0) != (even > 0);
}

/*
 * Looks at the start of the input before any line is parsed: skips a
 * UTF-8 byte order mark, and refuses UTF-16 and binary input.  A file
 * or a buffer shows its first PROBE_LEN bytes; a pipe or a terminal what
 * came first (4 bytes or a line), since waiting for more would hold
 * back the articles already typed or sent.  Returns 0 to go on, 1 when
 * the input is refused (a diagnostic is queued), or what reader_fill()
 * failed with.
 */
static int
reader_probe(struct import_reader *r)
{
	const unsigned char	*p, *nul;
	size_t			 n;
	int			 rc, bom, le;

	while (!r->eof && r->len - r->off < PROBE_LEN && (!r->stream ||
	    (r->len - r->off < 4 && (r->len == r->off ||
	    memchr(r->win + r->off, '\n', r->len - r->off) == NULL))))
		if ((rc = reader_fill(r)) != 0)
			return rc;
	r->probed = 1;
	p = (const unsigned char *)r->win + r->off;
	n = r->len - r->off;
	if (n >= 3 && p[0] == 0xef && p[1] == 0xbb && p[2] == 0xbf) {
		r->off += 3;
		p += 3;
		n -= 3;
	}
	if (n > PROBE_LEN)
		n = PROBE_LEN;
	bom = n >= 2 && ((p[0] == 0xff && p[1] == 0xfe) ||
	    (p[0] == 0xfe && p[1] == 0xff));
	nul = memchr(p, '\0', n);
	if (bom || (nul != NULL && utf16_like(p, n))) {
		/* The byte order: the BOM's, else where the NUL high bytes
		 * of ASCII characters are: second in little-endian. */
		le = bom ? p[0] == 0xff : (nul - p) % 2 == 1;
		reader_diag(r, 1, 0, "UTF-16 input, file skipped; convert "
		    "it with iconv -f UTF-16%s -t UTF-8", le ? "LE" : "BE");
		r->res.skipped++;
		return 1;
	}
	if (nul != NULL) {
		reader_diag(r, 1, 0, "binary data (NUL bytes), file skipped");
		r->res.skipped++;
		return 1;
	}
	return 0;
}


/* A read failed: says so, and drops the rest with the open record. */
static void
reader_failed(struct import_reader *r)
{
	reader_diag(r, r->lineno + 1, 0, "cannot read: %s, the rest of the "
	    "file skipped", strerror(r->err));
	record_clear(&r->rec);
	r->res.skipped++;
	r->done = 1;
}

enum import_event
import_next(struct import_reader *r, struct article **a,
    struct import_diag *d)
{
	struct line	 l;
	struct event	 e;
	int		 rc;

	free(r->msg);
	r->msg = NULL;
	*a = NULL;
	memset(&l, 0, sizeof(l));
	while (r->qhead == r->qlen) {
		r->qhead = r->qlen = 0;
		if (r->done)
			return IMPORT_END;
		if (!r->probed) {
			if ((rc = reader_probe(r)) == 1)
				r->done = 1;	/* refused */
		} else if ((rc = reader_line(r, &l)) == 1) {
			if (r->fmt == IMPORT_GUESS && !l.blank)
				r->fmt = import_format_guess(r->name, l.s,
				    l.n);
			if (r->fmt == IMPORT_JSONL)
				jsonl_line_parse(r, &l);
			else if (r->fmt == IMPORT_TEXT)
				text_line_parse(r, &l);
		} else if (rc == 0) {
			if (r->fmt == IMPORT_TEXT)
				record_end(r);
			r->done = 1;
		}
		if (rc == -1)
			return IMPORT_STOPPED;
		if (rc == -2)
			reader_failed(r);
	}
	e = r->q[r->qhead++];
	if (e.a != NULL) {
		*a = e.a;
		return IMPORT_ARTICLE;
	}
	r->msg = e.msg;
	d->file = r->name;
	d->line = e.line;
	d->col = e.col;
	d->reason = e.msg;
	return IMPORT_DIAG;
}

/* ------------------------------------------------------------ records */

enum import_format
import_format_guess(const char *name, const char *data, size_t len)
{
	size_t	i;

	if (has_suffix(name, ".jsonl") || has_suffix(name, ".json"))
		return IMPORT_JSONL;
	if (strcmp(name, "-") != 0)
		return IMPORT_TEXT;
	for (i = 0; i < len; i++) {
		if (isspace((unsigned char)data[i]))
			continue;
		return data[i] == '{' ? IMPORT_JSONL : IMPORT_TEXT;
	}
	return IMPORT_TEXT;
}

int
import_parse(const char *name, const char *data, size_t len,
    enum import_format fmt, import_emit_fn emit, import_diag_fn diag,
    void *ctx, struct import_result *res)
{
	struct import_reader		*r;
	const struct import_result	*got;
	struct article			*a;
	struct import_diag		 d;
	enum import_event		 ev;
	int				 rc = 0;

	r = import_reader_mem(name, data, len, fmt);
	while ((ev = import_next(r, &a, &d)) != IMPORT_END) {
		if (ev == IMPORT_ARTICLE && emit(ctx, a) != 0) {
			rc = -1;
			break;
		}
		if (ev == IMPORT_DIAG && diag != NULL)
			diag(ctx, d.file, d.line, d.col, d.reason);
	}
	got = import_reader_result(r);
	res->records += got->records;
	res->skipped += got->skipped;
	import_reader_free(r);
	return rc;
}

static int
line_blank(const char *s, size_t n)
{
	size_t	i;

	for (i = 0; i < n; i++)
		if (s[i] != ' ' && s[i] != '\t' && s[i] != '\r' &&
		    s[i] != '\f' && s[i] != '\v')
			return 0;
	return 1;
}

int
import_date_valid(const char *s, size_t len)
{
	static const int	mdays[] = { 31, 29, 31, 30, 31, 30, 31, 31,
				    30, 31, 30, 31 };
	int			y, m, d;
	size_t			i;

	if (len != 10 || s[4] != '-' || s[7] != '-')
		return -1;
	for (i = 0; i < 10; i++)
		if (i != 4 && i != 7 && !isdigit((unsigned char)s[i]))
			return -1;
	y = (s[0] - '0') * 1000 + (s[1] - '0') * 100 + (s[2] - '0') * 10 +
	    (s[3] - '0');
	m = (s[5] - '0') * 10 + (s[6] - '0');
	d = (s[8] - '0') * 10 + (s[9] - '0');
	if (y < 1000 || m < 1 || m > 12 || d < 1 || d > mdays[m - 1])
		return -1;
	if (m == 2 && d == 29 && !(y % 4 == 0 && (y % 100 != 0 ||
	    y % 400 == 0)))
		return -1;
	return 0;
}

/*
 * Recognizes a record header in line s[0..n).  On success returns 1 and
 * sets the title span [*ts, *te), the date span at *ds (10 bytes, or the
 * bad token's length in *dl) and the start of the first paragraph *rest;
 * *bad_date is set when the line is plainly a header ("date" first) but
 * its date is not a valid YYYY-MM-DD.  Returns 0 for an ordinary line.
 */
static int
header_parse(const char *s, size_t n, size_t *ts, size_t *te, size_t *ds,
    size_t *rest, int *bad_date)
{
	size_t	i = 0, j, k;

	*bad_date = 0;
	while (i < n && (s[i] == ' ' || s[i] == '\t'))
		i++;
	/* Without a title: "date" comes first, whatever follows. */
	if (n - i >= 5 && memcmp(s + i, "date", 4) == 0 &&
	    (s[i + 4] == ' ' || s[i + 4] == '\t')) {
		j = i + 5;
		while (j < n && (s[j] == ' ' || s[j] == '\t'))
			j++;
		k = j;
		while (k < n && s[k] != ' ' && s[k] != '\t')
			k++;
		*ts = *te = i;
		*ds = j;
		if (import_date_valid(s + j, k - j) != 0)
			*bad_date = 1;
		while (k < n && (s[k] == ' ' || s[k] == '\t'))
			k++;
		*rest = k;
		return 1;
	}
	/* With a title: the first " date YYYY-MM-DD" with a valid date. */
	for (j = i; j + 16 <= n; j++) {
		if (memcmp(s + j, " date ", 6) != 0)
			continue;
		if (import_date_valid(s + j + 6, 10) != 0)
			continue;
		if (j + 16 < n && s[j + 16] != ' ' && s[j + 16] != '\t')
			continue;
		*ts = i;
		*te = j;
		*ds = j + 6;
		k = j + 16;
		while (k < n && (s[k] == ' ' || s[k] == '\t'))
			k++;
		*rest = k;
		return 1;
	}
	return 0;
}

static void
record_begin(struct record *r, const char *s, size_t n, long line,
    size_t ts, size_t te, size_t ds)
{
	const char	*t = s + ts;
	size_t		 tl = te - ts;

	r->open = 1;
	r->bad = 0;
	r->line = line;
	trim(&t, &tl);
	r->title = tl > 0 ? xstrndup(t, tl) : NULL;
	/* A bad date may be shorter, at the very end of the input. */
	r->date = xstrndup(s + ds, n - ds < 10 ? n - ds : 10);
	buf_reset(&r->text);
	r->para_break = 0;
	r->in_para = 0;
}

/* Adds one non-blank line: a new paragraph after a blank line, else a
 * hard line break inside the paragraph.  An article that grows past
 * IMPORT_MAX_RECORD is skipped, and its text let go at once. */
static void
record_add_line(struct import_reader *r, const char *s, size_t n)
{
	struct record	*rec = &r->rec;

	trim(&s, &n);
	if (n == 0 || rec->bad)
		return;
	if (rec->text.len + n + 2 > IMPORT_MAX_RECORD) {
		reader_diag(r, rec->line, 0, "article longer than %d MiB, "
		    "skipped", IMPORT_MAX_RECORD / (1024 * 1024));
		rec->bad = 1;
		buf_free(&rec->text);
		buf_init(&rec->text);
		return;
	}
	if (rec->text.len > 0)
		buf_adds(&rec->text, rec->para_break ? "\n\n" : "\n");
	buf_add(&rec->text, s, n);
	rec->para_break = 0;
	rec->in_para = 1;
}

static void
record_clear(struct record *rec)
{
	free(rec->title);
	free(rec->date);
	rec->title = rec->date = NULL;
	rec->open = 0;
	buf_reset(&rec->text);
}

/* Ends the open record, if any: an article, or a skip. */
static void
record_end(struct import_reader *r)
{
	struct record	*rec = &r->rec;
	struct article	*a;

	if (!rec->open)
		return;
	if (rec->bad) {
		r->res.skipped++;
	} else if (rec->text.len == 0) {
		reader_diag(r, rec->line, 0, "empty article, skipped");
		r->res.skipped++;
	} else {
		a = article_new();
		a->date = rec->date;
		a->title = rec->title;
		rec->date = rec->title = NULL;
		a->text = xstrndup(rec->text.data, rec->text.len);
		a->len = rec->text.len;
		article_finish(r, a, rec->line);
	}
	record_clear(rec);
}

/* Replaces the string *s, if any, with its NFC form. */
static void
nfc_replace(char **s)
{
	char	*t;
	size_t	 n;

	if (*s == NULL)
		return;
	t = text_nfc(*s, strlen(*s), &n);
	free(*s);
	*s = t;
}

void
import_normalize(struct article *a)
{
	char	*t, *title = NULL, *source = NULL;
	size_t	 n, para;

	t = text_nfc(a->text, a->len, &n);
	free(a->text);
	a->text = t;
	a->len = n;
	if (a->title == NULL || a->source == NULL) {
		para = n;
		if ((t = strstr(a->text, "\n\n")) != NULL)
			para = (size_t)(t - a->text);
		import_derive(a->text, para, &title, &source);
		if (a->title == NULL) {
			a->title = title;
			a->title_derived = 1;
			title = NULL;
		}
		if (a->source == NULL) {
			a->source = source;
			source = NULL;
		}
		free(title);
		free(source);
	}
	nfc_replace(&a->title);
	nfc_replace(&a->source);
	nfc_replace(&a->url);
}

/* Common end of both formats: import_normalize(), then the article
 * waits to be handed out. */
static void
article_finish(struct import_reader *r, struct article *a, long line)
{
	import_normalize(a);
	a->origin = xstrdup(r->name);
	a->line = line;
	r->res.records++;
	reader_push(r, a, line, 0, NULL);
}

static void
trim(const char **s, size_t *n)
{
	while (*n > 0 && isspace((unsigned char)**s))
		(*s)++, (*n)--;
	while (*n > 0 && isspace((unsigned char)(*s)[*n - 1]))
		(*n)--;
}

/* One line of the text format. */
static void
text_line_parse(struct import_reader *r, const struct line *l)
{
	struct record	*rec = &r->rec;
	const char	*s = l->s, *ls = l->s;
	size_t		 n = l->n, ts, te, ds, rest, bad;
	long		 line = r->lineno;
	int		 bad_date;

	if (l->blank) {
		r->prev_blank = 1;
		if (rec->open && rec->in_para)
			rec->para_break = 1, rec->in_para = 0;
		return;
	}
	if (l->len > IMPORT_MAX_LINE) {
		/* A header too long to keep still starts a record, so
		 * that its paragraphs are skipped with it. */
		if (r->prev_blank && header_parse(s, n, &ts, &te, &ds, &rest,
		    &bad_date)) {
			record_end(r);
			r->stray = 0;
			record_begin(rec, s, n, line, ts, te, ds);
		}
		reader_diag(r, line, 0, "line longer than 1 MiB (%zu bytes), "
		    "%s", l->len, rec->open ? "article skipped" :
		    "line skipped");
		if (rec->open)
			rec->bad = 1;
		r->prev_blank = 0;
		return;
	}
	if (r->prev_blank && header_parse(s, n, &ts, &te, &ds, &rest,
	    &bad_date)) {
		record_end(r);
		r->stray = 0;
		record_begin(rec, s, n, line, ts, te, ds);
		if (bad_date) {
			size_t	k = ds;

			while (k < n && s[k] != ' ' && s[k] != '\t')
				k++;
			reader_diag(r, line, (long)ds + 1, "bad date '%.*s' "
			    "(want YYYY-MM-DD), article skipped",
			    (int)(k - ds > 40 ? 40 : k - ds), s + ds);
			rec->bad = 1;
		}
		s += rest;
		n -= rest;
	}
	r->prev_blank = 0;
	/* The whole line: a header's title is kept too. */
	if (text_utf8_check(ls, (size_t)(s - ls) + n, &bad) != 0) {
		reader_diag(r, line, (long)(bad + 1), "invalid UTF-8, %s",
		    rec->open ? "article skipped" : "line skipped");
		if (rec->open)
			rec->bad = 1;
		return;
	}
	if (memchr(ls, '\0', (size_t)(s - ls) + n) != NULL) {
		reader_diag(r, line, 0, "NUL byte (binary data), %s",
		    rec->open ? "article skipped" : "line skipped");
		if (rec->open)
			rec->bad = 1;
		return;
	}
	if (!rec->open) {
		if (r->stray++ == 0) {
			reader_diag(r, line, 0, "text before the first "
			    "' date YYYY-MM-DD' header, skipped");
			r->res.skipped++;
		}
		return;
	}
	record_add_line(r, s, n);
}

static char *
normalize_newlines(const char *s, size_t n, size_t *outlen)
{
	struct buf	b;
	size_t		i;

	buf_init(&b);
	trim(&s, &n);
	for (i = 0; i < n; i++) {
		if (s[i] == '\r' && i + 1 < n && s[i + 1] == '\n')
			continue;
		buf_addc(&b, s[i] == '\r' ? '\n' : s[i]);
	}
	*outlen = b.len;
	return buf_steal(&b);
}

/* An optional string member: NULL when absent or null; a diagnostic and
 * *bad when it is of another type. */
static char *
json_opt_string(struct import_reader *r, json_t *o, const char *key,
    long line, int *bad)
{
	json_t		*v = json_object_get(o, key);
	const char	*s;
	size_t		 n;

	if (v == NULL || json_is_null(v))
		return NULL;
	if (!json_is_string(v)) {
		reader_diag(r, line, 0, "\"%s\" is not a string, "
		    "article skipped", key);
		*bad = 1;
		return NULL;
	}
	s = json_string_value(v);
	n = json_string_length(v);
	trim(&s, &n);
	if (n == 0)
		return NULL;
	if (memchr(s, '\0', n) != NULL) {
		reader_diag(r, line, 0, "\"%s\" holds a NUL byte, "
		    "article skipped", key);
		*bad = 1;
		return NULL;
	}
	return xstrndup(s, n);
}

/* One line of JSON Lines: one record. */
static void
jsonl_line_parse(struct import_reader *r, const struct line *l)
{
	struct article	*a = NULL;
	json_t		*o, *v;
	json_error_t	 err;
	const char	*str;
	long		 line = r->lineno;
	int		 bad = 0;

	if (l->blank)
		return;
	if (l->len > IMPORT_MAX_LINE) {
		reader_diag(r, line, 0, "line longer than 1 MiB (%zu bytes), "
		    "article skipped", l->len);
		r->res.skipped++;
		return;
	}
	o = json_loadb(l->s, l->n, JSON_REJECT_DUPLICATES, &err);
	if (o == NULL) {
		reader_diag(r, line, err.column > 0 ? err.column : 0,
		    "bad JSON: %s, article skipped", err.text);
		r->res.skipped++;
		return;
	}
	if (!json_is_object(o)) {
		reader_diag(r, line, 0, "not a JSON object, article skipped");
		bad = 1;
	} else if ((v = json_object_get(o, "text")) == NULL ||
	    !json_is_string(v)) {
		reader_diag(r, line, 0, "no \"text\" string, article skipped");
		bad = 1;
	} else if (memchr(json_string_value(v), '\0',
	    json_string_length(v)) != NULL) {
		reader_diag(r, line, 0, "\"text\" holds a NUL byte, "
		    "article skipped");
		bad = 1;
	} else {
		a = article_new();
		a->text = normalize_newlines(json_string_value(v),
		    json_string_length(v), &a->len);
		if (a->len == 0) {
			reader_diag(r, line, 0, "empty article, skipped");
			bad = 1;
		}
	}
	if (!bad) {
		v = json_object_get(o, "date");
		str = json_is_string(v) ? json_string_value(v) : NULL;
		if (str == NULL) {
			reader_diag(r, line, 0, "no \"date\" string, "
			    "article skipped");
			bad = 1;
		} else if (import_date_valid(str, strlen(str)) != 0) {
			reader_diag(r, line, 0, "bad date '%.40s' "
			    "(want YYYY-MM-DD), article skipped", str);
			bad = 1;
		} else
			a->date = xstrdup(str);
	}
	if (!bad) {
		a->title = json_opt_string(r, o, "title", line, &bad);
		a->source = json_opt_string(r, o, "source", line, &bad);
		a->url = json_opt_string(r, o, "url", line, &bad);
		a->time = json_opt_string(r, o, "time", line, &bad);
	}
	if (!bad && a->time != NULL && import_time_valid(a->time) != 0) {
		reader_diag(r, line, 0, "bad time '%.40s' (want HH:MM:SS), "
		    "article skipped", a->time);
		bad = 1;
	}
	json_decref(o);
	if (bad) {
		article_free(a);
		r->res.skipped++;
		return;
	}
	article_finish(r, a, line);
}

int
import_time_valid(const char *s)
{
	size_t	i;

	if (strlen(s) != 8 || s[2] != ':' || s[5] != ':')
		return -1;
	for (i = 0; i < 8; i++)
		if (i != 2 && i != 5 && !isdigit((unsigned char)s[i]))
			return -1;
	return (s[0] - '0') * 10 + s[1] - '0' <= 23 && s[3] <= '5' &&
	    s[6] <= '5' ? 0 : -1;
}

/* ------------------------------------------------- titles and sources */

/*
 * Whether the sentence ends at the mark at s[i]: the mark is followed by
 * white space or the end, and is not the point of an initial ("Е.") or a
 * common abbreviation ("г.", "ул.").
 */
static int
sentence_end(const char *s, size_t n, size_t i)
{
	size_t			 j, w;
	const char		*mark = s + i;

	if (*mark == '.' || *mark == '!' || *mark == '?')
		w = 1;
	else if (n - i >= 3 && memcmp(mark, "\xe2\x80\xa6", 3) == 0)
		w = 3;
	else
		return 0;
	if (i + w < n && s[i + w] != ' ' && s[i + w] != '\n')
		return 0;
	if (*mark != '.')
		return 1;
	/* The word before the point. */
	j = i;
	while (j > 0 && s[j - 1] != ' ' && s[j - 1] != '\n' &&
	    s[j - 1] != '(' && s[j - 1] != '.')
		j--;
	if (j == i)
		return 1;
	return abbrev_before_point(s + j, i - j) == ABBREV_NONE;
}

/*
 * Finds a media attribution ", передает SOURCE" that ends a sentence of
 * p[0..n).  Sets the span of ", передает SOURCE" [*as, *ae) and where the
 * source starts (*ss).  Returns 0 when found.
 */
static int
attribution_find(const char *p, size_t n, size_t *as, size_t *ae,
    size_t *ss)
{
	static const char	*verbs[] = { "передает", "передаёт", "передают",
				    "сообщает", "сообщают", "пишет", "пишут",
				    "информирует", NULL };
	size_t			 i, k, vl, e;

	for (i = 0; i + 2 < n; i++) {
		if (p[i] != ',' || p[i + 1] != ' ')
			continue;
		for (k = 0; verbs[k] != NULL; k++) {
			vl = strlen(verbs[k]);
			if (i + 2 + vl + 1 < n && memcmp(p + i + 2, verbs[k],
			    vl) == 0 && p[i + 2 + vl] == ' ')
				break;
		}
		if (verbs[k] == NULL)
			continue;
		/* The source runs to the end of the sentence. */
		for (e = i + 3 + vl; e < n; e++)
			if (p[e] == ',' || p[e] == ';' || p[e] == '(' ||
			    sentence_end(p, n, e))
				break;
		if (e < n && p[e] != '.' && p[e] != '!' && p[e] != '?')
			continue;
		*as = i;
		*ae = e;
		*ss = i + 3 + vl;
		return 0;
	}
	return -1;
}

/* The outlet's name from an attribution's tail ("корреспондент BAQ.KZ"):
 * NULL when it does not look like a name. */
static char *
source_clean(const char *s, size_t n)
{
	static const char	*lead[] = { "корреспондент ", "собственный ",
				    "корр. ", "сайт ", "портал ", "агентство ",
				    "информагентство ", "издание ", "газета ",
				    NULL };
	size_t			 k, l, words = 1, i;
	const char		*cut;

	trim(&s, &n);
	for (k = 0; lead[k] != NULL; k++) {
		l = strlen(lead[k]);
		if (n > l && memcmp(s, lead[k], l) == 0) {
			s += l;
			n -= l;
			k = (size_t)-1;		/* again from the start */
		}
	}
	cut = NULL;
	for (i = 0; i + 12 <= n; i++)
		if (memcmp(s + i, " со ссылкой", 12 - 1) == 0) {
			cut = s + i;
			break;
		}
	if (cut != NULL)
		n = (size_t)(cut - s);
	trim(&s, &n);
	for (i = 0; i < n; i++)
		if (s[i] == ' ')
			words++;
	if (n == 0 || n > 80 || words > 5)
		return NULL;
	return xstrndup(s, n);
}

void
import_derive(const char *p, size_t len, char **title, char **source)
{
	struct buf	 b;
	size_t		 i, end = len, as = 0, ae, ss, chars = 0, cut = 0;
	const char	*nl;

	*title = NULL;
	*source = NULL;
	if ((nl = memchr(p, '\n', len)) != NULL)
		end = len = (size_t)(nl - p);
	if (attribution_find(p, len, &as, &ae, &ss) == 0)
		*source = source_clean(p + ss, ae - ss);
	for (i = 0; i < len; i++)
		if (sentence_end(p, len, i)) {
			end = i;
			break;
		}
	buf_init(&b);
	if (*source != NULL && as < end)
		buf_add(&b, p, as);
	else
		buf_add(&b, p, end);
	/* Drop the closing point of a plain sentence; keep ! and ?. */
	if (end < len && p[end] != '.' && (*source == NULL || as >= end))
		buf_add(&b, p + end, p[end] == '\xe2' ? 3 : 1);
	/* No trailing blanks ("Конец ."): import trims a given title, so
	 * the exported article would come back with another one. */
	while (b.len > 0 && isspace((unsigned char)b.data[b.len - 1]))
		b.data[--b.len] = '\0';
	/* At most 160 characters, cut at a space. */
	for (i = 0; i < b.len; i++) {
		if (((unsigned char)b.data[i] & 0xc0) == 0x80)
			continue;
		if (b.data[i] == ' ' && chars <= 160)
			cut = i;
		if (++chars > 160)
			break;
	}
	if (chars > 160) {
		b.len = cut > 0 ? cut : i;
		b.data[b.len] = '\0';
		buf_adds(&b, "\xe2\x80\xa6");
	}
	if (b.len == 0)
		buf_adds(&b, "(untitled)");
	*title = buf_steal(&b);
}

static int
has_suffix(const char *s, const char *suffix)
{
	size_t	n = strlen(s), m = strlen(suffix);

	return n >= m && strcmp(s + n - m, suffix) == 0;
}

static void
files_add(char ***files, size_t *n, size_t *cap, char *f)
{
	if (*n == *cap) {
		*cap = *cap == 0 ? 16 : *cap * 2;
		*files = xreallocarray(*files, *cap, sizeof(**files));
	}
	(*files)[(*n)++] = f;
}

static int
name_cmp(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/*
 * The directories read so far, by device and inode, so that each is read
 * once however many links lead to it; and the links to directories met
 * on the way, followed after the directories themselves, so that a link
 * is what is named as skipped, not the directory it leads to.
 */
struct dir_seen {
	struct {
		dev_t	 dev;
		ino_t	 ino;
		char	*path;
	}		*v;
	size_t		 n, cap;
	char		**links;
	size_t		 nlinks, linkcap;
};

/* Adds the *.txt and *.jsonl files under dir (whose stat is st), sorted,
 * depth first, unless dir was read already. */
static int
expand_dir(const char *dir, const struct stat *st, char ***files,
    size_t *n, size_t *cap, struct dir_seen *seen, import_diag_fn diag,
    void *ctx)
{
	DIR		 *d;
	struct dirent	 *e;
	struct stat	  est;
	char		**names = NULL, *path, *msg;
	size_t		  nn = 0, ncap = 0, i;
	int		  is_link;

	for (i = 0; i < seen->n; i++) {
		if (seen->v[i].dev != st->st_dev ||
		    seen->v[i].ino != st->st_ino)
			continue;
		msg = xasprintf("the directory %s again (a symbolic link), "
		    "skipped", seen->v[i].path);
		diag(ctx, dir, 0, 0, msg);
		free(msg);
		return -1;
	}
	if ((d = opendir(dir)) == NULL) {
		msg = xasprintf("cannot open directory: %s", strerror(errno));
		diag(ctx, dir, 0, 0, msg);
		free(msg);
		return -1;
	}
	if (seen->n == seen->cap) {
		seen->cap = seen->cap == 0 ? 16 : seen->cap * 2;
		seen->v = xreallocarray(seen->v, seen->cap,
		    sizeof(*seen->v));
	}
	seen->v[seen->n].dev = st->st_dev;
	seen->v[seen->n].ino = st->st_ino;
	seen->v[seen->n++].path = xstrdup(dir);
	while ((e = readdir(d)) != NULL) {
		if (e->d_name[0] == '.')
			continue;
		files_add(&names, &nn, &ncap, xstrdup(e->d_name));
	}
	closedir(d);
	qsort(names, nn, sizeof(*names), name_cmp);
	for (i = 0; i < nn; i++) {
		path = xasprintf("%s%s%s", dir,
		    has_suffix(dir, "/") ? "" : "/", names[i]);
		free(names[i]);
		is_link = lstat(path, &est) == 0 && S_ISLNK(est.st_mode);
		if (stat(path, &est) != 0) {
			/* A dangling link, or a loop of links. */
			msg = xasprintf("%s, skipped", strerror(errno));
			diag(ctx, path, 0, 0, msg);
			free(msg);
			free(path);
		} else if (S_ISDIR(est.st_mode) && is_link)
			files_add(&seen->links, &seen->nlinks, &seen->linkcap,
			    path);
		else if (S_ISDIR(est.st_mode)) {
			expand_dir(path, &est, files, n, cap, seen, diag, ctx);
			free(path);
		} else if (S_ISREG(est.st_mode) &&
		    (has_suffix(path, ".txt") || has_suffix(path, ".jsonl")))
			files_add(files, n, cap, path);
		else
			free(path);
	}
	free(names);
	return 0;
}

size_t
import_expand(char **args, size_t nargs, char ***files, import_diag_fn diag,
    void *ctx)
{
	struct dir_seen	 seen;
	struct stat	 st;
	size_t		 i, j, n = 0, cap = 0;
	char		*msg;

	memset(&seen, 0, sizeof(seen));
	*files = NULL;
	for (i = 0; i < nargs; i++) {
		if (strcmp(args[i], "-") == 0) {
			files_add(files, &n, &cap, xstrdup("-"));
			continue;
		}
		if (stat(args[i], &st) != 0) {
			msg = xasprintf("%s", strerror(errno));
			diag(ctx, args[i], 0, 0, msg);
			free(msg);
			continue;
		}
		if (!S_ISDIR(st.st_mode)) {
			files_add(files, &n, &cap, xstrdup(args[i]));
			continue;
		}
		expand_dir(args[i], &st, files, &n, &cap, &seen, diag, ctx);
		/* The links met, and those met under them, in turn. */
		for (j = 0; j < seen.nlinks; j++) {
			if (stat(seen.links[j], &st) == 0)
				expand_dir(seen.links[j], &st, files, &n, &cap,
				    &seen, diag, ctx);
			free(seen.links[j]);
		}
		seen.nlinks = 0;
	}
	for (i = 0; i < seen.n; i++)
		free(seen.v[i].path);
	free(seen.v);
	free(seen.links);
	return n;
}

char *
import_read_file(const char *path, size_t *len, char **cause)
{
	struct buf	b;
	ssize_t		r;
	int		fd;

	if (strcmp(path, "-") == 0)
		fd = STDIN_FILENO;
	else if ((fd = open(path, O_RDONLY | O_CLOEXEC)) == -1) {
		*cause = xasprintf("%s", strerror(errno));
		return NULL;
	}
	buf_init(&b);
	for (;;) {
		buf_grow(&b, 65536);
		r = read(fd, b.data + b.len, b.cap - b.len - 1);
		if (r == 0)
			break;
		if (r < 0) {
			if (errno == EINTR)
				continue;
			*cause = xasprintf("%s", strerror(errno));
			if (fd != STDIN_FILENO)
				close(fd);
			buf_free(&b);
			return NULL;
		}
		b.len += (size_t)r;
		b.data[b.len] = '\0';
	}
	if (fd != STDIN_FILENO)
		close(fd);
	*len = b.len;
	return buf_steal(&b);
}
