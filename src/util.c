/*
 * util.c: allocation that cannot fail, messages, and a growable buffer.
 * The only file allowed to call malloc(3) and friends directly.
 */
#include "config.h"

#include "util.h"

#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const char	*util_name = "citata";
static void		(*util_fatal_hook)(void);

/*
 * What a buffer with no storage of its own points to, so that a new
 * buffer is a valid empty string.  Only a NUL is ever written to it
 * (buf_reset(), and callers that terminate a buffer at its length).
 */
static char		 buf_empty[1];

static void	util_oom(void) __attribute__((noreturn));
static void	vwarnx(const char *, va_list)
	    __attribute__((format(printf, 1, 0)));

static void
util_oom(void)
{
	if (util_fatal_hook != NULL)
		util_fatal_hook();
	fprintf(stderr, "%s: out of memory\n", util_name);
	exit(2);
}

void *
xmalloc(size_t n)
{
	void	*p = malloc(n == 0 ? 1 : n);

	if (p == NULL)
		util_oom();
	return p;
}

void *
xcalloc(size_t n, size_t size)
{
	void	*p;

	if (n == 0 || size == 0)
		n = size = 1;
	if ((p = calloc(n, size)) == NULL)
		util_oom();
	return p;
}

void *
xreallocarray(void *old, size_t n, size_t size)
{
	void	*p;

	if (size != 0 && n > SIZE_MAX / size)
		util_oom();
	if (n == 0 || size == 0)
		n = size = 1;
	if ((p = realloc(old, n * size)) == NULL)
		util_oom();
	return p;
}

char *
xstrdup(const char *s)
{
	return xstrndup(s, strlen(s));
}

int
str_in(const char *s, const char *const *list)
{
	/* The first two bytes first: most words differ there, and the
	 * lists are asked a million times an article set. */
	for (; *list != NULL; list++)
		if ((*list)[0] == s[0] && (s[0] == '\0' ||
		    ((*list)[1] == s[1] && strcmp(s, *list) == 0)))
			return 1;
	return 0;
}

char *
xstrndup(const char *s, size_t n)
{
	char	*p = xmalloc(n + 1);

	memcpy(p, s, n);
	p[n] = '\0';
	return p;
}

char *
xvasprintf(const char *fmt, va_list ap)
{
	char	*p;
	int	 n;

	if ((n = vasprintf(&p, fmt, ap)) < 0)
		util_oom();
	return p;
}

char *
xasprintf(const char *fmt, ...)
{
	va_list	 ap;
	char	*p;

	va_start(ap, fmt);
	p = xvasprintf(fmt, ap);
	va_end(ap);
	return p;
}

void
util_set_progname(const char *name)
{
	const char	*slash = strrchr(name, '/');

	util_name = slash != NULL ? slash + 1 : name;
}

const char *
util_progname(void)
{
	return util_name;
}

void
util_set_fatal_hook(void (*hook)(void))
{
	util_fatal_hook = hook;
}

void
fatal(const char *fmt, ...)
{
	va_list	ap;

	if (util_fatal_hook != NULL)
		util_fatal_hook();
	va_start(ap, fmt);
	vwarnx(fmt, ap);
	va_end(ap);
	exit(2);
}

void
warnx(const char *fmt, ...)
{
	va_list	ap;

	va_start(ap, fmt);
	vwarnx(fmt, ap);
	va_end(ap);
}

/* "citata: MESSAGE" on standard error, after what standard output
 * holds. */
static void
vwarnx(const char *fmt, va_list ap)
{
	fflush(stdout);
	fprintf(stderr, "%s: ", util_name);
	vfprintf(stderr, fmt, ap);
	fputc('\n', stderr);
}

void
buf_init(struct buf *b)
{
	b->data = buf_empty;
	b->len = b->cap = 0;
}

void
buf_free(struct buf *b)
{
	if (b->cap > 0)
		free(b->data);
	buf_init(b);
}

void
buf_reset(struct buf *b)
{
	b->len = 0;
	if (b->cap > 0)
		b->data[0] = '\0';
}

/* Makes room for n more bytes plus the terminating NUL. */
void
buf_grow(struct buf *b, size_t n)
{
	size_t	 need;
	char	*old;

	if (n > SIZE_MAX - b->len - 1)
		util_oom();
	need = b->len + n + 1;
	if (need <= b->cap)
		return;
	old = b->cap > 0 ? b->data : NULL;
	if (b->cap == 0)
		b->cap = 64;
	while (b->cap < need)
		b->cap = b->cap > SIZE_MAX / 2 ? need : b->cap * 2;
	b->data = xreallocarray(old, b->cap, 1);
	b->data[b->len] = '\0';
}

/* buf_add() when b must grow first. */
void
buf_add_grow(struct buf *b, const void *p, size_t n)
{
	buf_grow(b, n);
	if (n > 0)
		memcpy(b->data + b->len, p, n);
	b->len += n;
	b->data[b->len] = '\0';
}

void
buf_adds(struct buf *b, const char *s)
{
	buf_add(b, s, strlen(s));
}

void
buf_printf(struct buf *b, const char *fmt, ...)
{
	va_list	 ap;
	char	*p;

	va_start(ap, fmt);
	p = xvasprintf(fmt, ap);
	va_end(ap);
	buf_adds(b, p);
	free(p);
}

char *
buf_steal(struct buf *b)
{
	char	*p;

	if (b->cap == 0)
		buf_grow(b, 0);
	p = b->data;
	buf_init(b);
	return p;
}
