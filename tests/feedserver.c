/*
 * feedserver.c: a small HTTP/1.1 server for the fetch tests, never run
 * as a test itself.  "feedserver DIR" listens on 127.0.0.1 on a port the
 * kernel picks, writes that port and a newline to standard output, and
 * serves the files of DIR until SIGTERM or until its standard input
 * closes (so it never outlives the test that started it).  One thread a
 * connection, keep-alive, GET only.
 *
 * Files have an ETag ("size-mtime") and a Last-Modified; a request whose
 * If-None-Match or If-Modified-Since is that very string gets a 304.
 * Special paths:
 *   /redirect/CODE/PATH	CODE (301, 302, 307, 308) to /PATH
 *   /redirect/CODE/=URL	CODE to URL
 *   /loop			302 to itself, forever
 *   /stall			headers promising 1000 bytes, then nothing
 *   /slow			no answer at all
 *   /big			50 MiB of body without a Content-Length
 *   /bigcl			a Content-Length of 50 MiB, then the body
 *   /status/NNN		status NNN; 503 with "Retry-After: 120",
 *				429 with an HTTP-date 120 s from now
 *   /gzip/PATH			PATH with Content-Encoding: gzip (stored
 *				deflate blocks: no zlib needed)
 *   /delay/MS/PATH		PATH after MS milliseconds
 *   /count			"requests N\nconnections N\nconcurrent N\n":
 *				requests and connections since the last
 *				/count, and the most connections open at
 *				once; /count itself is not counted, and
 *				the counters start again from zero.
 * Every client is 127.0.0.1, so "concurrent" is per client too.
 */
#include "config.h"

#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/types.h>

#include <arpa/inet.h>
#include <errno.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <pthread.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <time.h>
#include <unistd.h>

#define BIG	(50L * 1024 * 1024)
#define STALL	"HTTP/1.1 200 OK\r\nContent-Length: 1000\r\n\r\n"

struct conn {
	int	fd;
	int	counted;	/* in the counters of generation gen */
	long	gen;
};

static const char	*srv_dir;
static pthread_mutex_t	 srv_lock = PTHREAD_MUTEX_INITIALIZER;
static long		 srv_requests, srv_conns, srv_open, srv_max, srv_gen;

static void	*srv_stdin(void *);
static void	*srv_conn(void *);
static int	 srv_send(int, const void *, size_t);
static int	 srv_reply(int, int, const char *, const char *, const char *,
		    size_t);
static int	 srv_request(struct conn *, char *);
static int	 srv_file(int, const char *, const char *, const char *, int);
static char	*srv_slurp(const char *, size_t *);
static char	*srv_gzip(const char *, size_t, size_t *);
static uint32_t	 srv_crc32(const unsigned char *, size_t);
static void	 srv_date(time_t, char *, size_t);
static const char *srv_header(const char *, const char *, char *, size_t);

int
main(int argc, char **argv)
{
	struct sockaddr_in	 sin;
	socklen_t		 len = sizeof(sin);
	pthread_t		 t;
	struct conn		*c;
	int			 s, fd, one = 1;

	if (argc != 2) {
		fprintf(stderr, "usage: feedserver DIR\n");
		return 2;
	}
	srv_dir = argv[1];
	signal(SIGPIPE, SIG_IGN);
	if ((s = socket(AF_INET, SOCK_STREAM, 0)) == -1)
		return 1;
	setsockopt(s, SOL_SOCKET, SO_REUSEADDR, &one, sizeof(one));
	memset(&sin, 0, sizeof(sin));
	sin.sin_family = AF_INET;
	sin.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
	if (bind(s, (struct sockaddr *)&sin, sizeof(sin)) == -1 ||
	    listen(s, 64) == -1 ||
	    getsockname(s, (struct sockaddr *)&sin, &len) == -1) {
		perror("feedserver");
		return 1;
	}
	printf("%d\n", ntohs(sin.sin_port));
	fflush(stdout);
	if (pthread_create(&t, NULL, srv_stdin, NULL) != 0)
		return 1;
	pthread_detach(t);
	for (;;) {
		if ((fd = accept(s, NULL, NULL)) == -1) {
			if (errno == EINTR || errno == ECONNABORTED)
				continue;
			perror("feedserver: accept");
			return 1;
		}
		/* As web servers do on kept-alive connections: a response
		 * is written as its header, then its body, and with Nagle's
		 * algorithm the body would wait for the client's delayed
		 * ACK of the header, 40 ms a response on a reused
		 * connection (citata reuses them; a new connection is
		 * ACKed at once). */
		setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof(one));
		if ((c = calloc(1, sizeof(*c))) == NULL)
			return 1;
		c->fd = fd;
		if (pthread_create(&t, NULL, srv_conn, c) != 0) {
			close(fd);
			free(c);
			continue;
		}
		pthread_detach(t);
	}
}

/* Ends the server when standard input reaches its end. */
static void *
srv_stdin(void *arg)
{
	char	b[64];

	(void)arg;
	while (read(STDIN_FILENO, b, sizeof(b)) > 0 || errno == EINTR)
		;
	_exit(0);
}

/* One connection: requests one after another until the client closes. */
static void *
srv_conn(void *arg)
{
	struct conn	*c = arg;
	char		 req[8192], *end;
	size_t		 have = 0, n;
	ssize_t		 r;

	for (;;) {
		req[have] = '\0';
		while ((end = strstr(req, "\r\n\r\n")) == NULL) {
			if (have >= sizeof(req) - 1)
				goto out;
			r = recv(c->fd, req + have, sizeof(req) - 1 - have, 0);
			if (r <= 0)
				goto out;
			have += r;
			req[have] = '\0';
		}
		end[2] = '\0';
		if (srv_request(c, req) == -1)
			break;
		n = end + 4 - req;
		memmove(req, req + n, have - n);
		have -= n;
	}
out:
	pthread_mutex_lock(&srv_lock);
	if (c->counted && c->gen == srv_gen)
		srv_open--;
	pthread_mutex_unlock(&srv_lock);
	close(c->fd);
	free(c);
	return NULL;
}

static int
srv_send(int fd, const void *p, size_t n)
{
	const char	*b = p;
	ssize_t		 w;

	while (n > 0) {
		if ((w = send(fd, b, n, MSG_NOSIGNAL)) <= 0) {
			if (w == -1 && errno == EINTR)
				continue;
			return -1;
		}
		b += w;
		n -= w;
	}
	return 0;
}

/* Sends a whole response; extra holds more header lines ("" or lines
 * that end in \r\n).  Returns -1 when the client has gone. */
static int
srv_reply(int fd, int code, const char *extra, const char *type,
    const char *body, size_t len)
{
	char	h[2048];
	int	n;

	n = snprintf(h, sizeof(h), "HTTP/1.1 %d %s\r\n%s"
	    "Content-Type: %s\r\nContent-Length: %zu\r\n\r\n", code,
	    code == 200 ? "OK" : code == 304 ? "Not Modified" :
	    code == 404 ? "Not Found" : code == 429 ? "Too Many Requests" :
	    code == 500 ? "Internal Server Error" :
	    code == 503 ? "Service Unavailable" : code == 301 ?
	    "Moved Permanently" : code == 308 ? "Permanent Redirect" :
	    "Whatever", extra, type, code == 304 ? 0 : len);
	if (srv_send(fd, h, n) == -1)
		return -1;
	if (code == 304 || len == 0)
		return 0;
	return srv_send(fd, body, len);
}

/* Answers one request (its head, NUL-terminated); -1 ends the
 * connection. */
static int
srv_request(struct conn *c, char *req)
{
	char	 path[1024], hdr[512], body[256], inm[256], ims[256];
	char	*p, *q;
	long	 ms, code;
	int	 n;

	if (sscanf(req, "GET %1023s HTTP/1.1", path) != 1) {
		srv_reply(c->fd, 400, "Connection: close\r\n", "text/plain",
		    "bad request\n", 12);
		return -1;
	}
	pthread_mutex_lock(&srv_lock);
	if (strcmp(path, "/count") == 0) {
		n = snprintf(body, sizeof(body), "requests %ld\nconnections "
		    "%ld\nconcurrent %ld\n", srv_requests, srv_conns,
		    srv_max);
		srv_requests = srv_conns = srv_open = srv_max = 0;
		srv_gen++;
		pthread_mutex_unlock(&srv_lock);
		return srv_reply(c->fd, 200, "", "text/plain", body, n);
	}
	srv_requests++;
	if (!c->counted || c->gen != srv_gen) {
		c->counted = 1;
		c->gen = srv_gen;
		srv_conns++;
		if (++srv_open > srv_max)
			srv_max = srv_open;
	}
	pthread_mutex_unlock(&srv_lock);

	srv_header(req, "If-None-Match", inm, sizeof(inm));
	srv_header(req, "If-Modified-Since", ims, sizeof(ims));
	while (strncmp(path, "/delay/", 7) == 0) {
		ms = strtol(path + 7, &p, 10);
		if (*p != '/')
			return srv_reply(c->fd, 404, "", "text/plain", "", 0);
		usleep(ms * 1000);
		memmove(path, p, strlen(p) + 1);
	}
	if (strncmp(path, "/redirect/", 10) == 0) {
		code = strtol(path + 10, &p, 10);
		if (*p != '/')
			return srv_reply(c->fd, 404, "", "text/plain", "", 0);
		snprintf(hdr, sizeof(hdr), "Location: %s\r\n",
		    p[1] == '=' ? p + 2 : p);
		return srv_reply(c->fd, code, hdr, "text/plain", "moved\n", 6);
	}
	if (strcmp(path, "/loop") == 0)
		return srv_reply(c->fd, 302, "Location: /loop\r\n",
		    "text/plain", "again\n", 6);
	if (strcmp(path, "/stall") == 0 || strcmp(path, "/slow") == 0) {
		if (path[2] == 't')
			srv_send(c->fd, STALL, strlen(STALL));
		/* Until the client gives up. */
		while (recv(c->fd, body, sizeof(body), 0) > 0)
			;
		return -1;
	}
	if (strcmp(path, "/big") == 0 || strcmp(path, "/bigcl") == 0) {
		static char	chunk[65536];
		long		sent;

		memset(chunk, 'x', sizeof(chunk));
		if (path[4] == 'c')
			n = snprintf(hdr, sizeof(hdr), "HTTP/1.1 200 OK\r\n"
			    "Content-Length: %ld\r\n\r\n", BIG);
		else
			n = snprintf(hdr, sizeof(hdr), "HTTP/1.1 200 OK\r\n"
			    "Connection: close\r\n\r\n");
		if (srv_send(c->fd, hdr, n) == -1)
			return -1;
		for (sent = 0; sent < BIG; sent += sizeof(chunk))
			if (srv_send(c->fd, chunk, sizeof(chunk)) == -1)
				break;
		return -1;
	}
	if (strncmp(path, "/status/", 8) == 0) {
		code = strtol(path + 8, NULL, 10);
		hdr[0] = '\0';
		if (code == 503)
			snprintf(hdr, sizeof(hdr), "Retry-After: 120\r\n");
		else if (code == 429) {
			srv_date(time(NULL) + 120, ims, sizeof(ims));
			snprintf(hdr, sizeof(hdr), "Retry-After: %s\r\n",
			    ims);
		}
		n = snprintf(body, sizeof(body), "status %ld\n", code);
		return srv_reply(c->fd, code, hdr, "text/plain", body, n);
	}
	if (strncmp(path, "/gzip/", 6) == 0)
		return srv_file(c->fd, path + 5, inm, ims, 1);
	p = path;
	if ((q = strchr(p, '?')) != NULL)
		*q = '\0';
	return srv_file(c->fd, p, inm, ims, 0);
}

/* Serves DIR/PATH, gzipped when gz is set. */
static int
srv_file(int fd, const char *path, const char *inm, const char *ims, int gz)
{
	char		 file[2048], etag[64], lm[64], hdr[512], *data, *z;
	const char	*type;
	struct stat	 st;
	size_t		 len, zlen;
	int		 rc;

	if (strstr(path, "..") != NULL)
		return srv_reply(fd, 404, "", "text/plain", "no\n", 3);
	snprintf(file, sizeof(file), "%s%s", srv_dir, path);
	if (stat(file, &st) == -1 || !S_ISREG(st.st_mode) ||
	    (data = srv_slurp(file, &len)) == NULL)
		return srv_reply(fd, 404, "", "text/plain", "not found\n", 10);
	snprintf(etag, sizeof(etag), "\"%lld-%lld\"", (long long)st.st_size,
	    (long long)st.st_mtime);
	srv_date(st.st_mtime, lm, sizeof(lm));
	type = strstr(path, ".xml") != NULL ?
	    "application/rss+xml; charset=\"windows-1251\"" :
	    "text/plain; charset=utf-8";
	if (strcmp(inm, etag) == 0 || (*inm == '\0' && strcmp(ims, lm) == 0)) {
		free(data);
		snprintf(hdr, sizeof(hdr), "ETag: %s\r\n", etag);
		return srv_reply(fd, 304, hdr, type, "", 0);
	}
	snprintf(hdr, sizeof(hdr), "ETag: %s\r\nLast-Modified: %s\r\n%s",
	    etag, lm, gz ? "Content-Encoding: gzip\r\n" : "");
	if (gz) {
		z = srv_gzip(data, len, &zlen);
		rc = srv_reply(fd, 200, hdr, type, z, zlen);
		free(z);
	} else
		rc = srv_reply(fd, 200, hdr, type, data, len);
	free(data);
	return rc;
}

static char *
srv_slurp(const char *file, size_t *len)
{
	FILE	*f;
	char	*d;
	long	 n;

	if ((f = fopen(file, "rb")) == NULL)
		return NULL;
	fseek(f, 0, SEEK_END);
	n = ftell(f);
	rewind(f);
	if (n < 0 || (d = malloc(n + 1)) == NULL ||
	    fread(d, 1, n, f) != (size_t)n) {
		fclose(f);
		return NULL;
	}
	fclose(f);
	*len = n;
	return d;
}

/* A gzip member of the len bytes of p, in stored deflate blocks. */
static char *
srv_gzip(const char *p, size_t len, size_t *zlen)
{
	static const unsigned char	head[10] = { 0x1f, 0x8b, 8, 0, 0, 0, 0,
		0, 0, 255 };
	unsigned char	*z, *o;
	uint32_t	 crc = srv_crc32((const unsigned char *)p, len);
	size_t		 off = 0, k;

	z = malloc(10 + len + 5 * (len / 65535 + 1) + 8);
	if (z == NULL)
		abort();
	memcpy(z, head, 10);
	o = z + 10;
	do {
		k = len - off > 65535 ? 65535 : len - off;
		*o++ = off + k == len;	/* BFINAL, BTYPE 00 */
		*o++ = k & 0xff;
		*o++ = k >> 8;
		*o++ = ~k & 0xff;
		*o++ = (~k >> 8) & 0xff;
		memcpy(o, p + off, k);
		o += k;
		off += k;
	} while (off < len);
	for (k = 0; k < 4; k++)
		*o++ = (crc >> (8 * k)) & 0xff;
	for (k = 0; k < 4; k++)
		*o++ = ((uint32_t)len >> (8 * k)) & 0xff;
	*zlen = o - z;
	return (char *)z;
}

static uint32_t
srv_crc32(const unsigned char *p, size_t n)
{
	uint32_t	c = 0xffffffff;
	int		k;

	while (n-- > 0) {
		c ^= *p++;
		for (k = 0; k < 8; k++)
			c = (c >> 1) ^ (0xedb88320 & -(c & 1));
	}
	return ~c;
}

/* An HTTP-date: "Sun, 06 Nov 1994 08:49:37 GMT". */
static void
srv_date(time_t t, char *s, size_t size)
{
	static const char *const days[] = { "Sun", "Mon", "Tue", "Wed",
		"Thu", "Fri", "Sat" };
	static const char *const months[] = { "Jan", "Feb", "Mar", "Apr",
		"May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec" };
	struct tm	tm;

	gmtime_r(&t, &tm);
	snprintf(s, size, "%s, %02d %s %d %02d:%02d:%02d GMT",
	    days[tm.tm_wday], tm.tm_mday, months[tm.tm_mon],
	    tm.tm_year + 1900, tm.tm_hour, tm.tm_min, tm.tm_sec);
}

/* The value of header name in the request head req, "" without one. */
static const char *
srv_header(const char *req, const char *name, char *v, size_t size)
{
	const char	*p = req;
	size_t		 n = strlen(name), k;

	v[0] = '\0';
	while ((p = strstr(p, "\r\n")) != NULL) {
		p += 2;
		if (strncasecmp(p, name, n) == 0 && p[n] == ':') {
			p += n + 1;
			while (*p == ' ')
				p++;
			k = strcspn(p, "\r\n");
			if (k >= size)
				k = size - 1;
			memcpy(v, p, k);
			v[k] = '\0';
			break;
		}
	}
	return v;
}
