#ifndef UTIL_H
#define UTIL_H

#include <stdarg.h>
#include <stddef.h>
#include <string.h>

/*
 * Allocation that cannot fail: on exhaustion these print a message and
 * end the program.  The caller frees what they return.
 */
void	*xmalloc(size_t);
void	*xcalloc(size_t, size_t);
void	*xreallocarray(void *, size_t, size_t);
char	*xstrdup(const char *);
char	*xstrndup(const char *, size_t);
/* Whether s is one of the strings of list, which a NULL ends. */
int	 str_in(const char *s, const char *const *list);
char	*xasprintf(const char *, ...)
	    __attribute__((format(printf, 1, 2)));
char	*xvasprintf(const char *, va_list)
	    __attribute__((format(printf, 1, 0)));

/* The program name used in messages; set once by main(). */
void	 util_set_progname(const char *);
const char *util_progname(void);

/* Called by fatal() before it writes, so the UI can restore the terminal. */
void	 util_set_fatal_hook(void (*)(void));

/* "citata: MESSAGE" on standard error, then exit(2). */
void	 fatal(const char *, ...)
	    __attribute__((format(printf, 1, 2), noreturn));
/* "citata: MESSAGE" on standard error. */
void	 warnx(const char *, ...)
	    __attribute__((format(printf, 1, 2)));

/*
 * A growable byte buffer, always NUL-terminated after its len bytes:
 * data is a valid string from buf_init() on, "" before anything is added
 * (a shared empty string, with cap 0, until the first growth).
 * buf_free() releases the storage and leaves an empty buffer;
 * buf_steal() hands the storage to the caller, who frees it.
 */
struct buf {
	char	*data;
	size_t	 len;
	size_t	 cap;
};

void	 buf_init(struct buf *);
void	 buf_free(struct buf *);
void	 buf_reset(struct buf *);
void	 buf_grow(struct buf *, size_t);
void	 buf_add_grow(struct buf *, const void *, size_t);
/* Appends p[0..n); inline, with the growing out of line: tokenizers
 * and converters append a character at a time. */
static inline void
buf_add(struct buf *b, const void *p, size_t n)
{
	if (n < b->cap - b->len) {
		if (n > 0)
			memcpy(b->data + b->len, p, n);
		b->len += n;
		b->data[b->len] = '\0';
	} else
		buf_add_grow(b, p, n);
}
/* Appends one byte; inline, as byte-by-byte loops (HTML to text, JSON
 * escapes) call it for most of their bytes. */
static inline void
buf_addc(struct buf *b, char c)
{
	if (b->len + 1 < b->cap) {
		b->data[b->len++] = c;
		b->data[b->len] = '\0';
	} else
		buf_add_grow(b, &c, 1);
}
void	 buf_adds(struct buf *, const char *);
void	 buf_printf(struct buf *, const char *, ...)
	    __attribute__((format(printf, 2, 3)));
char	*buf_steal(struct buf *);

#endif /* UTIL_H */
