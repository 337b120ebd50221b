/*
 * t_fetch.c: fetch.c against tests/feedserver on 127.0.0.1 (started
 * here, from the directory of this program, and stopped by closing its
 * standard input): validators and 304, gzip, redirects permanent or
 * not, HTTP and network failures, limits of time and size, concurrency
 * per host and in all, connection reuse, cancelling.  Nothing here
 * needs the internet.
 */
#include "config.h"

#include <sys/socket.h>
#include <sys/types.h>
#include <sys/wait.h>

#include <netinet/in.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "fetch.h"
#include "util.h"

#include "tap.h"

/* What done collected from one fetch_run(). */
struct got {
	const struct fetch_req	*reqs;
	struct fetch_res	**res;	/* by request */
	int			 calls;
	int			 stop;	/* done returns -1 on this call */
};

static char	 base[64];	/* "http://127.0.0.1:PORT" */
static char	*dir;		/* $TMPDIR/t_fetch.XXXXXX */
static char	*feed;		/* the content of feed.xml */

static double
now(void)
{
	struct timespec	ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec + ts.tv_nsec / 1e9;
}

static int
collect(void *ctx, const struct fetch_req *req, struct fetch_res *res)
{
	struct got	*g = ctx;

	g->res[req - g->reqs] = res;
	g->calls++;
	return g->calls == g->stop ? -1 : 0;
}

static void
opts(struct fetch_opts *o)
{
	fetch_opts_default(o);
	o->timeout = 10;
	o->connect_timeout = 5;
}

/* Whether s is a message of one line: no control character. */
static int
one_line(const char *s)
{
	if (s == NULL || *s == '\0')
		return 0;
	for (; *s != '\0'; s++)
		if ((unsigned char)*s < 0x20 || *s == 0x7f)
			return 0;
	return 1;
}

/* Fetches one URL; the caller frees the result. */
static struct fetch_res *
get(const char *url, const char *etag, const char *lm,
    const struct fetch_opts *o)
{
	struct fetch_opts	 def;
	struct fetch_req	 req = { url, etag, lm, NULL };
	struct fetch_res	*res = NULL;
	struct got		 g = { &req, &res, 0, 0 };
	char			*cause = NULL;

	if (o == NULL) {
		opts(&def);
		o = &def;
	}
	if (fetch_run(&req, 1, o, collect, &g, &cause) != 0 || g.calls != 1) {
		tap_diag("fetch_run failed: %s", cause ? cause : "?");
		free(cause);
		exit(1);
	}
	if (res->status == FETCH_FAILED && !one_line(res->error))
		tap_diag("error of %s is not one line", url);
	return res;
}

static struct fetch_res *
path(const char *p, const char *etag, const char *lm,
    const struct fetch_opts *o)
{
	struct fetch_res	*res;
	char			*url = xasprintf("%s%s", base, p);

	res = get(url, etag, lm, o);
	free(url);
	return res;
}

/* The server's counters since the last call. */
static void
count(long *requests, long *conns, long *concurrent)
{
	struct fetch_res	*res = path("/count", NULL, NULL, NULL);

	*requests = *conns = *concurrent = -1;
	if (res->status != FETCH_OK || sscanf(res->body, "requests %ld\n"
	    "connections %ld\nconcurrent %ld", requests, conns,
	    concurrent) != 3)
		tap_diag("/count: %s", res->error ? res->error : res->body);
	fetch_res_free(res);
}

/* Runs n requests to the same path; returns the seconds taken and how
 * many came back FETCH_OK. */
static double
many(const char *p, size_t n, const struct fetch_opts *o, int *nok)
{
	struct fetch_req	*reqs = xcalloc(n, sizeof(*reqs));
	struct fetch_res	**res = xcalloc(n, sizeof(*res));
	struct got		 g = { reqs, res, 0, 0 };
	char			*url = xasprintf("%s%s", base, p), *cause;
	double			 t0 = now(), t;
	size_t			 i;

	for (i = 0; i < n; i++)
		reqs[i].url = url;
	if (fetch_run(reqs, n, o, collect, &g, &cause) != 0)
		exit(1);
	t = now() - t0;
	for (i = 0, *nok = 0; i < n; i++) {
		*nok += res[i] != NULL && res[i]->status == FETCH_OK;
		fetch_res_free(res[i]);
	}
	free(url);
	free(res);
	free(reqs);
	return t;
}

/* Starts feedserver DIR; returns its pid and leaves the write end of
 * its standard input in *in (closing it stops the server). */
static pid_t
server_start(const char *prog, int *in)
{
	int	pin[2], pout[2];
	pid_t	pid;
	FILE	*f;
	int	port = 0;

	if (pipe(pin) == -1 || pipe(pout) == -1)
		return -1;
	if ((pid = fork()) == -1)
		return -1;
	if (pid == 0) {
		dup2(pin[0], 0);
		dup2(pout[1], 1);
		close(pin[0]);
		close(pin[1]);
		close(pout[0]);
		close(pout[1]);
		execl(prog, prog, dir, (char *)NULL);
		_exit(127);
	}
	close(pin[0]);
	close(pout[1]);
	*in = pin[1];
	if ((f = fdopen(pout[0], "r")) == NULL || fscanf(f, "%d", &port) != 1)
		port = 0;
	if (f != NULL)
		fclose(f);
	if (port == 0) {
		close(*in);
		waitpid(pid, NULL, 0);
		return -1;
	}
	snprintf(base, sizeof(base), "http://127.0.0.1:%d", port);
	return pid;
}

static void
write_file(const char *name, const char *s)
{
	char	*file = xasprintf("%s/%s", dir, name);
	FILE	*f = fopen(file, "w");

	if (f == NULL || fputs(s, f) == EOF || fclose(f) != 0) {
		printf("1..0 # SKIP cannot write %s\n", file);
		exit(0);
	}
	free(file);
}

static void
test_validators(void)
{
	struct fetch_res	*r, *r2;
	char			*url = xasprintf("%s/feed.xml", base);

	r = get(url, NULL, NULL, NULL);
	ok(r->status == FETCH_OK && r->http == 200 && r->body != NULL &&
	    r->len == strlen(feed) && strcmp(r->body, feed) == 0,
	    "200: the body, whole");
	ok(r->etag != NULL && r->etag[0] == '"' && r->last_modified != NULL &&
	    strstr(r->last_modified, " GMT") != NULL,
	    "200: ETag and Last-Modified");
	is(r->charset, "windows-1251", "charset from Content-Type, unquoted");
	is(r->final_url, url, "final_url is the URL asked for");
	ok(r->moved_to == NULL && r->error == NULL && r->retry_after == -1,
	    "no moved_to, error or retry_after");
	ok(r->seconds >= 0 && r->seconds < 5, "seconds taken: %.3f",
	    r->seconds);

	r2 = get(url, r->etag, r->last_modified, NULL);
	ok(r2->status == FETCH_NOT_MODIFIED && r2->http == 304 &&
	    r2->body == NULL, "with both validators: 304, not modified");
	is(r2->etag, r->etag, "the 304's ETag is the one to send again");
	fetch_res_free(r2);
	r2 = get(url, NULL, r->last_modified, NULL);
	ok(r2->status == FETCH_NOT_MODIFIED, "If-Modified-Since alone: 304");
	fetch_res_free(r2);
	r2 = get(url, "\"stale\"", NULL, NULL);
	ok(r2->status == FETCH_OK && r2->len == strlen(feed),
	    "another ETag: the body again");
	fetch_res_free(r2);
	r2 = get(url, "\"x\"\r\nX-Evil: 1", NULL, NULL);
	ok(r2->status == FETCH_OK, "a validator with a line break is "
	    "not sent");
	fetch_res_free(r2);
	fetch_res_free(r);
	free(url);

	r = path("/gzip/feed.xml", NULL, NULL, NULL);
	ok(r->status == FETCH_OK && r->len == strlen(feed) &&
	    strcmp(r->body, feed) == 0, "gzip: decoded");
	fetch_res_free(r);
}

static void
test_redirects(void)
{
	struct fetch_res	*r, *r2;
	char			*want = xasprintf("%s/feed.xml", base);

	r = path("/redirect/301/redirect/308/feed.xml", NULL, NULL, NULL);
	ok(r->status == FETCH_OK && r->len == strlen(feed),
	    "301 then 308: the body");
	is(r->moved_to, want, "301 then 308: moved_to the last URL");
	is(r->final_url, want, "and final_url too");
	r2 = path("/redirect/301/feed.xml", r->etag, NULL, NULL);
	ok(r2->status == FETCH_NOT_MODIFIED && r2->moved_to != NULL &&
	    strcmp(r2->moved_to, want) == 0, "301 then 304: moved_to set");
	fetch_res_free(r2);
	fetch_res_free(r);

	r = path("/redirect/302/feed.xml", NULL, NULL, NULL);
	ok(r->status == FETCH_OK && r->len == strlen(feed) &&
	    r->moved_to == NULL, "302: the body, moved_to NULL");
	is(r->final_url, want, "302: final_url is where the body came from");
	fetch_res_free(r);
	r = path("/redirect/301/redirect/307/redirect/308/feed.xml", NULL,
	    NULL, NULL);
	ok(r->status == FETCH_OK && r->moved_to == NULL,
	    "a 307 among 301s: moved_to NULL");
	fetch_res_free(r);

	r = path("/redirect/302/=file:///etc/passwd", NULL, NULL, NULL);
	is(r->error, "redirected to a URL that is not http or https",
	    "no redirect to file://");
	fetch_res_free(r);

	r = path("/loop", NULL, NULL, NULL);
	ok(r->status == FETCH_FAILED, "redirect loop fails");
	is(r->error, "too many redirects (5)", "redirect loop: message");
	fetch_res_free(r);
	free(want);
}

static void
test_http_errors(void)
{
	struct fetch_res	*r;

	r = path("/status/404", NULL, NULL, NULL);
	ok(r->status == FETCH_FAILED && r->http == 404 && r->body == NULL &&
	    r->retry_after == -1, "404 fails");
	is(r->error, "HTTP 404 Not Found", "404: message");
	fetch_res_free(r);
	r = path("/status/500", NULL, NULL, NULL);
	is(r->error, "HTTP 500 Internal Server Error", "500: message");
	fetch_res_free(r);
	r = path("/status/503", NULL, NULL, NULL);
	ok(r->status == FETCH_FAILED && r->retry_after == 120,
	    "503 with Retry-After: 120");
	is(r->error, "HTTP 503 Service Unavailable, retry after 120 s",
	    "503: message");
	fetch_res_free(r);
	r = path("/status/429", NULL, NULL, NULL);
	ok(r->status == FETCH_FAILED && r->retry_after >= 115 &&
	    r->retry_after <= 121, "429 with an HTTP-date: %ld s",
	    r->retry_after);
	ok(r->error != NULL && strncmp(r->error, "HTTP 429 Too Many Requests"
	    ", retry after 1", 41) == 0, "429: message (%s)",
	    r->error ? r->error : "null");
	fetch_res_free(r);
	r = path("/missing.xml", NULL, NULL, NULL);
	is(r->error, "HTTP 404 Not Found", "a missing file: 404");
	fetch_res_free(r);
}

static void
test_limits(void)
{
	struct fetch_opts	 o;
	struct fetch_res	*r;
	double			 t0;

	opts(&o);
	o.timeout = 2;
	t0 = now();
	r = path("/stall", NULL, NULL, &o);
	ok(r->status == FETCH_FAILED && now() - t0 < 5,
	    "/stall fails in time (%.1f s)", now() - t0);
	is(r->error, "timed out after 2 s", "/stall: message");
	fetch_res_free(r);

	opts(&o);
	o.max_bytes = 1024 * 1024;
	r = path("/big", NULL, NULL, &o);
	ok(r->status == FETCH_FAILED && r->body == NULL, "/big fails");
	is(r->error, "response larger than 1 MiB", "/big: message");
	fetch_res_free(r);
	r = path("/bigcl", NULL, NULL, &o);
	is(r->error, "response larger than 1 MiB",
	    "a Content-Length too large: same message");
	fetch_res_free(r);
	o.max_bytes = strlen(feed) - 1;
	r = path("/feed.xml", NULL, NULL, &o);
	is(r->error, "response larger than 4095 bytes",
	    "a limit in bytes, one below the body");
	fetch_res_free(r);
	o.max_bytes = strlen(feed);
	r = path("/gzip/feed.xml", NULL, NULL, &o);
	ok(r->status == FETCH_OK, "a body exactly at the limit");
	fetch_res_free(r);
}

static void
test_network(void)
{
	struct fetch_res	*r;
	struct sockaddr_in	 sin;
	socklen_t		 len = sizeof(sin);
	char			*url, *file;
	int			 s;

	r = get("http://nonexistent.invalid/feed.xml", NULL, NULL, NULL);
	ok(r->status == FETCH_FAILED && one_line(r->error),
	    "an unresolvable host fails with a message");
	tap_diag("%s", r->error ? r->error : "(null)");
	fetch_res_free(r);

	/* A port that was just free. */
	memset(&sin, 0, sizeof(sin));
	sin.sin_family = AF_INET;
	sin.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
	s = socket(AF_INET, SOCK_STREAM, 0);
	if (s == -1 || bind(s, (struct sockaddr *)&sin, sizeof(sin)) == -1 ||
	    getsockname(s, (struct sockaddr *)&sin, &len) == -1)
		exit(1);
	close(s);
	url = xasprintf("http://127.0.0.1:%d/", ntohs(sin.sin_port));
	r = get(url, NULL, NULL, NULL);
	ok(r->status == FETCH_FAILED && r->error != NULL &&
	    strstr(r->error, "connection refused") != NULL,
	    "a closed port: connection refused (%s)",
	    r->error ? r->error : "null");
	fetch_res_free(r);
	free(url);

	file = xasprintf("file://%s/feed.xml", dir);
	r = get(file, NULL, NULL, NULL);
	ok(r->status == FETCH_OK && r->http == 0 && r->len == strlen(feed) &&
	    strcmp(r->body, feed) == 0, "file:// works");
	fetch_res_free(r);
	free(file);
	r = get("ftp://127.0.0.1/feed.xml", NULL, NULL, NULL);
	ok(r->status == FETCH_FAILED && one_line(r->error),
	    "ftp:// is refused (%s)", r->error ? r->error : "null");
	fetch_res_free(r);
}

static void
test_concurrency(void)
{
	struct fetch_opts	 o;
	long			 req, conns, conc;
	double			 t;
	int			 nok;

	count(&req, &conns, &conc);
	opts(&o);
	o.jobs = 8;
	o.per_host = 2;
	t = many("/delay/100/x", 20, &o, &nok);
	count(&req, &conns, &conc);
	ok(nok == 20 && req == 20, "20 requests, all answered");
	ok(conc >= 1 && conc <= 2, "per_host 2: at most 2 connections at "
	    "once (%ld)", conc);
	ok(conns >= 1 && conns <= 2, "connections reused: %ld for 20 "
	    "requests", conns);
	ok(t >= 0.9, "per_host 2 holds them back: %.2f s for 20 x 0.1 s", t);

	opts(&o);
	o.jobs = 8;
	o.per_host = 16;
	t = many("/delay/200/x", 40, &o, &nok);
	count(&req, &conns, &conc);
	ok(nok == 40 && req == 40, "40 requests, all answered");
	ok(t < 4.0, "jobs 8: 40 x 0.2 s in %.2f s", t);
	ok(conc >= 2 && conc <= 8, "jobs 8: at most 8 connections at once "
	    "(%ld)", conc);
	ok(conns < 40, "connections reused: %ld for 40 requests", conns);
}

static int	wakes;

/* fetch_opts.wake: counts, and stops the run. */
static int
woken(void *ctx)
{
	(void)ctx;
	wakes++;
	return -1;
}

static void
test_stop(void)
{
	struct fetch_opts	 o;
	struct fetch_req	 reqs[5];
	struct fetch_res	*res[5] = { NULL };
	struct got		 g = { reqs, res, 0, 0 };
	char			*slow, *f, *cause;
	double			 t0, t;
	int			 fds[2], rc;
	size_t			 i;
	pid_t			 pid;

	/* The child that writes to the pipe allocates nothing, for
	 * valgrind's report on it. */
	if (pipe(fds) == -1 || (pid = fork()) == -1)
		exit(1);
	if (pid == 0) {
		usleep(300000);
		if (write(fds[1], "x", 1) != 1)
			_exit(1);
		_exit(0);
	}
	slow = xasprintf("%s/slow", base);
	f = xasprintf("%s/feed.xml", base);
	memset(reqs, 0, sizeof(reqs));
	for (i = 0; i < 5; i++)
		reqs[i].url = slow;
	opts(&o);
	o.cancel_fd = fds[0];
	t0 = now();
	rc = fetch_run(reqs, 5, &o, collect, &g, &cause);
	t = now() - t0;
	waitpid(pid, NULL, 0);
	ok(rc == 1 && g.calls == 0, "cancel_fd: returns 1, nothing handed "
	    "back");
	ok(t >= 0.25 && t < 1.0, "cancel_fd: stopped in %.2f s", t);
	close(fds[0]);
	close(fds[1]);

	/* wake_fd: readable, wake() is called in the run's thread (the
	 * byte read), at once, not at the poll's next second; its -1
	 * stops the run. */
	if (pipe(fds) == -1 || (pid = fork()) == -1)
		exit(1);
	if (pid == 0) {
		usleep(300000);
		if (write(fds[1], "xy", 2) != 2)
			_exit(1);
		_exit(0);
	}
	memset(&g, 0, sizeof(g));
	g.reqs = reqs;
	g.res = res;
	opts(&o);
	o.wake_fd = fds[0];
	o.wake = woken;
	wakes = 0;
	t0 = now();
	rc = fetch_run(reqs, 5, &o, collect, &g, &cause);
	t = now() - t0;
	waitpid(pid, NULL, 0);
	ok(rc == 1 && wakes == 1 && g.calls == 0, "wake_fd: wake() called "
	    "once (%d), its -1 stops the run", wakes);
	ok(t >= 0.25 && t < 0.9, "wake_fd: woken in %.2f s", t);
	close(fds[0]);
	close(fds[1]);

	for (i = 0; i < 5; i++)
		reqs[i].url = f;
	memset(&g, 0, sizeof(g));
	g.reqs = reqs;
	g.res = res;
	g.stop = 2;
	opts(&o);
	o.jobs = 1;
	rc = fetch_run(reqs, 5, &o, collect, &g, &cause);
	ok(rc == 1 && g.calls == 2, "done returning -1 stops the run (%d "
	    "calls)", g.calls);
	for (i = 0; i < 5; i++)
		fetch_res_free(res[i]);
	g.calls = 0;
	g.stop = 0;
	ok(fetch_run(reqs, 0, &o, collect, &g, &cause) == 0 && g.calls == 0,
	    "no requests: returns 0");
	free(slow);
	free(f);
}

int
main(int argc, char **argv)
{
	struct buf	 b;
	char		*prog, *slash, *cause = NULL, *file;
	pid_t		 pid;
	int		 in, i;

	(void)argc;
	signal(SIGPIPE, SIG_IGN);
	dir = xasprintf("%s/t_fetch.XXXXXX", getenv("TMPDIR") != NULL &&
	    *getenv("TMPDIR") != '\0' ? getenv("TMPDIR") : "/tmp");
	if (mkdtemp(dir) == NULL) {
		printf("1..0 # SKIP no temporary directory\n");
		return 0;
	}
	buf_init(&b);
	buf_adds(&b, "<?xml version=\"1.0\"?>\n<rss version=\"2.0\">"
	    "<channel>\n");
	for (i = 0; b.len < 4096 - 64; i++)
		buf_printf(&b, "<item><title>Item %d</title></item>\n", i);
	while (b.len < 4096 - 17)
		buf_addc(&b, ' ');
	buf_adds(&b, "</channel></rss>\n");
	feed = buf_steal(&b);
	write_file("feed.xml", feed);
	write_file("x", "x\n");

	slash = strrchr(argv[0], '/');
	prog = xasprintf("%.*sfeedserver", slash == NULL ? 0 :
	    (int)(slash - argv[0] + 1), argv[0]);
	if (access(prog, X_OK) != 0 || (pid = server_start(prog, &in)) == -1) {
		printf("1..0 # SKIP %s does not start\n", prog);
		return 0;
	}
	if (fetch_global_init(&cause) != 0) {
		printf("1..0 # SKIP %s\n", cause);
		return 0;
	}

	test_validators();
	test_redirects();
	test_http_errors();
	test_limits();
	test_network();
	test_concurrency();
	test_stop();

	fetch_global_cleanup();
	close(in);
	waitpid(pid, NULL, 0);
	file = xasprintf("%s/feed.xml", dir);
	unlink(file);
	free(file);
	file = xasprintf("%s/x", dir);
	unlink(file);
	free(file);
	rmdir(dir);
	free(dir);
	free(prog);
	free(feed);
	return tap_done();
}
