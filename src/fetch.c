/*
 * fetch.c: many HTTP(S) documents at once with libcurl's multi
 * interface.  No printing, no files: every outcome, good or bad, goes
 * back to the caller as a struct fetch_res.
 *
 * Scheduling: at most o->jobs transfers are added to the one multi
 * handle at a time, and at most o->per_host of them to one host (scheme,
 * host and port of the request's URL).  A request whose host is busy
 * waits in our queue, not in libcurl's: a transfer that libcurl holds
 * back for CURLMOPT_MAX_HOST_CONNECTIONS would take a job slot that
 * another host could use, and its CURLOPT_TIMEOUT would run while it
 * waits.  CURLMOPT_MAX_HOST_CONNECTIONS is set all the same, for the
 * hosts that redirects lead to.
 */
#include "config.h"

#include "fetch.h"

#include <curl/curl.h>
#include <errno.h>
#include <poll.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <time.h>
#include <unistd.h>

#include "netlib.h"
#include "util.h"

#define FETCH_MIB	(1024 * 1024)
#define FETCH_REASON_MAX 80	/* bytes of a reason phrase kept */
#define FETCH_HEADER_MAX 1024	/* longest validator kept */

/* One transfer in flight. */
struct xfer {
	CURL			*easy;
	size_t			 i;		/* index into reqs */
	const struct fetch_opts	*o;
	char			*host;		/* of run.hosts, or NULL */
	struct curl_slist	*headers;	/* conditional request */
	struct buf		 body;
	int			 too_big;
	int			 encoded;	/* the response being read has
						   a Content-Encoding */
	long			 hop;		/* status of the response being
						   read, 0 before the first */
	int			 all_permanent;	/* every response left behind
						   was a 301 or a 308 */
	char			 reason[FETCH_REASON_MAX + 1];
	char			*etag;		/* these three: of the response
						   being read */
	char			*last_modified;
	char			*retry_after;
	double			 t0;
	char			 errbuf[CURL_ERROR_SIZE];
};

/* How many transfers run to one host. */
struct host_count {
	char	*host;
	int	 active;
};

/* The state of one fetch_run(). */
struct run {
	const struct fetch_req	*reqs;
	size_t			 n;
	const struct fetch_opts	*o;
	CURLM			*multi;
	unsigned char		*started;	/* n flags */
	char			**hosts;	/* n fetch_host_key()s,
						   NULL: no limit */
	size_t			 first;		/* every request before it has
						   started */
	struct host_count	*busy;		/* hosts with transfers */
	size_t			 nbusy;
	struct xfer		**live;		/* the transfers running */
	size_t			 nlive;
};

static double	 fetch_now(void);
static char	*fetch_clean(const char *, size_t, size_t);
static char	*fetch_value(const char *, size_t);
static char	*fetch_host_key(const char *);
static char	*fetch_host_name(const char *);
static int	 fetch_printable(const char *);
static size_t	 fetch_write(char *, size_t, size_t, void *);
static size_t	 fetch_header(char *, size_t, size_t, void *);
static void	 fetch_status_line(struct xfer *, const char *, size_t);
static const char *fetch_reason(long);
static long	 fetch_retry_after(const char *);
static char	*fetch_curl_error(struct xfer *, CURLcode);
static struct fetch_res *fetch_result(struct run *, struct xfer *,
		    CURLcode);
static struct fetch_res *fetch_res_new(void);
static struct fetch_res *fetch_res_failed(const char *);
static struct xfer *fetch_start(struct run *, size_t, struct fetch_res **);
static int	 fetch_header_add(struct xfer *, const char *);
static void	 fetch_xfer_free(struct run *, struct xfer *);
static int	 fetch_host_busy(struct run *, const char *);
static void	 fetch_host_add(struct run *, const char *, int);
static int	 fetch_fill(struct run *, fetch_done_fn, void *);
static int	 fetch_wake(const struct fetch_opts *, void *);
static int	 fetch_fail_rest(struct run *, const char *, fetch_done_fn,
		    void *);

void
fetch_opts_default(struct fetch_opts *o)
{
	memset(o, 0, sizeof(*o));
	o->jobs = 8;
	o->per_host = 2;
	o->timeout = 30;
	o->connect_timeout = 10;
	o->max_bytes = 16 * FETCH_MIB;
	o->max_redirects = 5;
	if (sizeof(PACKAGE_URL) > 1)
		o->user_agent = PACKAGE_NAME "/" PACKAGE_VERSION
		    " (+" PACKAGE_URL ")";
	else
		o->user_agent = PACKAGE_NAME "/" PACKAGE_VERSION;
	o->cancel_fd = -1;
	o->wake_fd = -1;
}

int
fetch_global_init(char **cause)
{
	CURLcode	rc;

	if (netlib_curl_check(cause) != 0)
		return -1;
	rc = curl_global_init(CURL_GLOBAL_DEFAULT);
	if (rc != CURLE_OK) {
		*cause = xasprintf("libcurl: %s", curl_easy_strerror(rc));
		return -1;
	}
	return 0;
}

void
fetch_global_cleanup(void)
{
	curl_global_cleanup();
}

void
fetch_res_free(struct fetch_res *res)
{
	if (res == NULL)
		return;
	free(res->body);
	free(res->charset);
	free(res->etag);
	free(res->last_modified);
	free(res->moved_to);
	free(res->final_url);
	free(res->error);
	free(res);
}

static double
fetch_now(void)
{
	struct timespec	ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec + ts.tv_nsec / 1e9;
}

/* A copy of the n bytes of s, at most max of them, with every byte that
 * is not printable ASCII made '?': for messages of one line. */
static char *
fetch_clean(const char *s, size_t n, size_t max)
{
	char	*d;
	size_t	 i;

	if (n > max)
		n = max;
	d = xstrndup(s, n);
	for (i = 0; d[i] != '\0'; i++)
		if ((unsigned char)d[i] < 0x20 || (unsigned char)d[i] > 0x7e)
			d[i] = '?';
	return d;
}

/* Whether s is all printable ASCII, so that it can go into a header. */
static int
fetch_printable(const char *s)
{
	for (; *s != '\0'; s++)
		if ((unsigned char)*s < 0x20 || (unsigned char)*s > 0x7e)
			return 0;
	return 1;
}

/*
 * A header's value (the n bytes after the colon) without surrounding
 * blanks, or NULL when it is empty, too long, or holds a byte that is not
 * printable ASCII: a value that will be sent back in a request header
 * must not smuggle a line break into it.
 */
static char *
fetch_value(const char *v, size_t n)
{
	char	*s;

	while (n > 0 && (*v == ' ' || *v == '\t')) {
		v++;
		n--;
	}
	while (n > 0 && (v[n - 1] == '\r' || v[n - 1] == '\n' ||
	    v[n - 1] == ' ' || v[n - 1] == '\t'))
		n--;
	if (n == 0 || n > FETCH_HEADER_MAX)
		return NULL;
	s = xstrndup(v, n);
	if (strlen(s) != n || !fetch_printable(s)) {
		free(s);
		return NULL;
	}
	return s;
}

/* "scheme://host:port" of url, lower case, or NULL for a file: URL or
 * one libcurl cannot parse (it fails on its own soon enough). */
static char *
fetch_host_key(const char *url)
{
	CURLU	*u;
	char	*scheme = NULL, *host = NULL, *port = NULL, *key = NULL;
	size_t	 i;

	if ((u = curl_url()) == NULL)
		return NULL;
	if (curl_url_set(u, CURLUPART_URL, url, 0) == CURLUE_OK &&
	    curl_url_get(u, CURLUPART_SCHEME, &scheme, 0) == CURLUE_OK &&
	    strcasecmp(scheme, "file") != 0 &&
	    curl_url_get(u, CURLUPART_HOST, &host, 0) == CURLUE_OK &&
	    curl_url_get(u, CURLUPART_PORT, &port, CURLU_DEFAULT_PORT) ==
	    CURLUE_OK) {
		key = xasprintf("%s://%s:%s", scheme, host, port);
		for (i = 0; key[i] != '\0'; i++)
			if (key[i] >= 'A' && key[i] <= 'Z')
				key[i] += 'a' - 'A';
	}
	curl_free(scheme);
	curl_free(host);
	curl_free(port);
	curl_url_cleanup(u);
	return key;
}

/* The host part of url, cleaned for a message; "?" when there is none. */
static char *
fetch_host_name(const char *url)
{
	CURLU	*u;
	char	*host = NULL, *s;

	if (url != NULL && (u = curl_url()) != NULL) {
		if (curl_url_set(u, CURLUPART_URL, url, 0) != CURLUE_OK ||
		    curl_url_get(u, CURLUPART_HOST, &host, 0) != CURLUE_OK)
			host = NULL;
		curl_url_cleanup(u);
	}
	if (host == NULL)
		return xstrdup("?");
	s = fetch_clean(host, strlen(host), 255);
	curl_free(host);
	return s;
}

/* libcurl's write callback: the body, up to o->max_bytes. */
static size_t
fetch_write(char *p, size_t size, size_t nmemb, void *arg)
{
	struct xfer	*x = arg;
	size_t		 n = size * nmemb;

	if (n > x->o->max_bytes - x->body.len) {
		x->too_big = 1;
		return 0;
	}
	buf_add(&x->body, p, n);
	return n;
}

/*
 * A status line: "HTTP/1.1 301 Moved Permanently" or "HTTP/2 200 ".
 * A final status after another one means libcurl followed the one
 * before, so that one was a redirect; informational ones (1xx) are
 * skipped.  The validators are those of the last response only.
 */
static void
fetch_status_line(struct xfer *x, const char *p, size_t n)
{
	size_t	i = 0, r;
	long	code = 0;
	int	digits = 0;

	while (i < n && p[i] != ' ')
		i++;
	while (i < n && p[i] == ' ')
		i++;
	while (i < n && p[i] >= '0' && p[i] <= '9' && digits < 3) {
		code = code * 10 + (p[i++] - '0');
		digits++;
	}
	if (digits != 3 || (code >= 100 && code < 200))
		return;
	if (x->hop != 0 && x->hop != 301 && x->hop != 308)
		x->all_permanent = 0;
	x->hop = code;
	while (i < n && p[i] == ' ')
		i++;
	for (r = 0; i < n && p[i] != '\r' && p[i] != '\n' &&
	    r < FETCH_REASON_MAX; i++)
		if (p[i] >= 0x20 && p[i] <= 0x7e)
			x->reason[r++] = p[i];
	while (r > 0 && x->reason[r - 1] == ' ')
		r--;
	x->reason[r] = '\0';
	free(x->etag);
	free(x->last_modified);
	free(x->retry_after);
	x->etag = x->last_modified = x->retry_after = NULL;
	x->encoded = 0;
}

/* libcurl's header callback, once for each line of every response on
 * the way, redirects included. */
static size_t
fetch_header(char *p, size_t size, size_t nmemb, void *arg)
{
	struct xfer	*x = arg;
	size_t		 n = size * nmemb, k;
	curl_off_t	 cl = -1;
	char		**slot = NULL;
	const char	*colon;

	if (n >= 5 && strncmp(p, "HTTP/", 5) == 0) {
		fetch_status_line(x, p, n);
		return n;
	}
	if (x->hop == 0)
		return n;
	if (p[0] == '\r' || p[0] == '\n') {
		/* The end of a response's headers: a body announced as
		 * too large is refused before a byte of it arrives.  The
		 * length of a compressed body is not that of the body
		 * decoded, which fetch_write() counts. */
		if (x->hop >= 200 && x->hop < 300 && !x->encoded &&
		    curl_easy_getinfo(x->easy,
		    CURLINFO_CONTENT_LENGTH_DOWNLOAD_T, &cl) == CURLE_OK &&
		    cl > 0 && (uintmax_t)cl > x->o->max_bytes) {
			x->too_big = 1;
			return 0;
		}
		return n;
	}
	if ((colon = memchr(p, ':', n)) == NULL)
		return n;
	k = colon - p;
	if (k == 4 && strncasecmp(p, "etag", k) == 0)
		slot = &x->etag;
	else if (k == 13 && strncasecmp(p, "last-modified", k) == 0)
		slot = &x->last_modified;
	else if (k == 11 && strncasecmp(p, "retry-after", k) == 0)
		slot = &x->retry_after;
	else if (k == 16 && strncasecmp(p, "content-encoding", k) == 0)
		x->encoded = 1;
	if (slot != NULL) {
		free(*slot);
		*slot = fetch_value(colon + 1, n - k - 1);
	}
	return n;
}

/* The reason phrase of the common statuses, for HTTP/2 and /3, whose
 * status lines have none. */
static const char *
fetch_reason(long code)
{
	static const struct {
		long		 code;
		const char	*reason;
	} reasons[] = {
		{ 300, "Multiple Choices" }, { 301, "Moved Permanently" },
		{ 302, "Found" }, { 303, "See Other" },
		{ 307, "Temporary Redirect" }, { 308, "Permanent Redirect" },
		{ 400, "Bad Request" }, { 401, "Unauthorized" },
		{ 403, "Forbidden" }, { 404, "Not Found" },
		{ 405, "Method Not Allowed" }, { 406, "Not Acceptable" },
		{ 408, "Request Timeout" }, { 410, "Gone" },
		{ 429, "Too Many Requests" },
		{ 451, "Unavailable For Legal Reasons" },
		{ 500, "Internal Server Error" }, { 501, "Not Implemented" },
		{ 502, "Bad Gateway" }, { 503, "Service Unavailable" },
		{ 504, "Gateway Timeout" }
	};
	size_t	i;

	for (i = 0; i < sizeof(reasons) / sizeof(reasons[0]); i++)
		if (reasons[i].code == code)
			return reasons[i].reason;
	return "";
}

/* Retry-After as seconds from now: delay-seconds or an HTTP-date; -1
 * when it is neither. */
static long
fetch_retry_after(const char *v)
{
	const char	*p;
	long		 s = 0;
	time_t		 t, now;

	for (p = v; *p >= '0' && *p <= '9'; p++) {
		if (s > 100000000)
			return -1;
		s = s * 10 + (*p - '0');
	}
	if (p != v && *p == '\0')
		return s;
	if ((t = curl_getdate(v, NULL)) == -1)
		return -1;
	now = time(NULL);
	return t > now ? (long)(t - now) : 0;
}

/* A short message for a transfer that libcurl ended with rc. */
static char *
fetch_curl_error(struct xfer *x, CURLcode rc)
{
	const struct fetch_opts	*o = x->o;
	char			*url = NULL, *host, *s, *t;
	const char		*why;
	long			 oserr = 0, ct = 0;

	curl_easy_getinfo(x->easy, CURLINFO_EFFECTIVE_URL, &url);
	switch (rc) {
	case CURLE_OPERATION_TIMEDOUT:
		/* libcurl says which of the two ran out only in its
		 * message; the time taken tells them apart well enough. */
		ct = o->connect_timeout;
		if (x->hop == 0 && ct > 0 && (o->timeout <= 0 ||
		    ct < o->timeout) && fetch_now() - x->t0 <
		    o->timeout - 0.5)
			return xasprintf("connection timed out after %ld s",
			    ct);
		return xasprintf("timed out after %ld s", o->timeout);
	case CURLE_COULDNT_RESOLVE_HOST:
		host = fetch_host_name(url);
		s = xasprintf("could not resolve host %s", host);
		free(host);
		return s;
	case CURLE_COULDNT_RESOLVE_PROXY:
		return xstrdup("could not resolve the proxy");
	case CURLE_COULDNT_CONNECT:
		curl_easy_getinfo(x->easy, CURLINFO_OS_ERRNO, &oserr);
		switch (oserr) {
		case ECONNREFUSED:
			why = ": connection refused";
			break;
		case ENETUNREACH:
			why = ": network unreachable";
			break;
		case EHOSTUNREACH:
			why = ": host unreachable";
			break;
		default:
			why = "";
			break;
		}
		host = fetch_host_name(url);
		s = xasprintf("could not connect to %s%s", host, why);
		free(host);
		return s;
	case CURLE_TOO_MANY_REDIRECTS:
		return xasprintf("too many redirects (%ld)",
		    o->max_redirects);
	case CURLE_WRITE_ERROR:
		if (x->too_big) {
			if (o->max_bytes % FETCH_MIB == 0)
				return xasprintf("response larger than %zu "
				    "MiB", o->max_bytes / FETCH_MIB);
			return xasprintf("response larger than %zu bytes",
			    o->max_bytes);
		}
		break;
	case CURLE_UNSUPPORTED_PROTOCOL:
		curl_easy_getinfo(x->easy, CURLINFO_REDIRECT_COUNT, &ct);
		if (ct > 0)
			return xstrdup("redirected to a URL that is not "
			    "http or https");
		return xstrdup("not an http, https or file URL");
	case CURLE_GOT_NOTHING:
		return xstrdup("the server closed the connection without "
		    "answering");
	case CURLE_PARTIAL_FILE:
		return xstrdup("the connection closed before the whole "
		    "response arrived");
	case CURLE_BAD_CONTENT_ENCODING:
		return xstrdup("could not decode the compressed response");
	case CURLE_SSL_CONNECT_ERROR:
	case CURLE_PEER_FAILED_VERIFICATION:
	case CURLE_SSL_CERTPROBLEM:
	case CURLE_SSL_CIPHER:
	case CURLE_SSL_CACERT_BADFILE:
	case CURLE_SSL_ENGINE_NOTFOUND:
	case CURLE_SSL_ENGINE_SETFAILED:
	case CURLE_SSL_ENGINE_INITFAILED:
	case CURLE_SSL_SHUTDOWN_FAILED:
	case CURLE_SSL_CRL_BADFILE:
	case CURLE_SSL_ISSUER_ERROR:
	case CURLE_SSL_PINNEDPUBKEYNOTMATCH:
	case CURLE_SSL_INVALIDCERTSTATUS:
	case CURLE_SSL_CLIENTCERT:
	case CURLE_USE_SSL_FAILED:
		why = x->errbuf[0] != '\0' ? x->errbuf :
		    curl_easy_strerror(rc);
		s = xasprintf("TLS: %s", why);
		t = fetch_clean(s, strlen(s), 200);
		free(s);
		return t;
	default:
		break;
	}
	why = x->errbuf[0] != '\0' ? x->errbuf : curl_easy_strerror(rc);
	return fetch_clean(why, strlen(why), 200);
}

static struct fetch_res *
fetch_res_new(void)
{
	struct fetch_res	*res = xcalloc(1, sizeof(*res));

	res->status = FETCH_FAILED;
	res->retry_after = -1;
	return res;
}

/* A failure before libcurl could start the transfer. */
static struct fetch_res *
fetch_res_failed(const char *error)
{
	struct fetch_res	*res = fetch_res_new();

	res->error = xstrdup(error);
	return res;
}

/*
 * The outcome of a finished transfer.  A 304 without validators of its
 * own keeps the request's: they are still the ones to send next time.
 */
static struct fetch_res *
fetch_result(struct run *r, struct xfer *x, CURLcode rc)
{
	const struct fetch_req	*req = &r->reqs[x->i];
	struct fetch_res	*res = fetch_res_new();
	char			*url = NULL, *type = NULL, *cs;
	const char		*reason;
	long			 redirects = 0, after;
	size_t			 n;

	res->seconds = fetch_now() - x->t0;
	curl_easy_getinfo(x->easy, CURLINFO_RESPONSE_CODE, &res->http);
	if (curl_easy_getinfo(x->easy, CURLINFO_EFFECTIVE_URL, &url) ==
	    CURLE_OK && url != NULL)
		res->final_url = xstrdup(url);
	if (rc != CURLE_OK) {
		res->error = fetch_curl_error(x, rc);
		return res;
	}
	if (res->http == 304) {
		res->status = FETCH_NOT_MODIFIED;
		if (x->etag == NULL && x->last_modified == NULL) {
			if (req->etag != NULL)
				x->etag = xstrdup(req->etag);
			if (req->last_modified != NULL)
				x->last_modified = xstrdup(req->last_modified);
		}
	} else if (res->http == 0 || (res->http >= 200 && res->http < 300)) {
		res->status = FETCH_OK;
		res->len = x->body.len;
		res->body = buf_steal(&x->body);
		if (curl_easy_getinfo(x->easy, CURLINFO_CONTENT_TYPE, &type) ==
		    CURLE_OK && type != NULL &&
		    (cs = strcasestr(type, "charset=")) != NULL) {
			cs += 8;
			if (*cs == '"')
				cs++;
			n = strcspn(cs, "\"; \t");
			if (n > 0 && n <= 40)
				res->charset = fetch_clean(cs, n, n);
		}
	} else {
		reason = x->reason[0] != '\0' ? x->reason :
		    fetch_reason(res->http);
		after = -1;
		if ((res->http == 429 || res->http == 503) &&
		    x->retry_after != NULL)
			after = fetch_retry_after(x->retry_after);
		res->retry_after = after;
		if (after >= 0)
			res->error = xasprintf("HTTP %ld%s%s, retry after "
			    "%ld s", res->http, *reason != '\0' ? " " : "",
			    reason, after);
		else
			res->error = xasprintf("HTTP %ld%s%s", res->http,
			    *reason != '\0' ? " " : "", reason);
		return res;
	}
	res->etag = x->etag;
	res->last_modified = x->last_modified;
	x->etag = x->last_modified = NULL;
	curl_easy_getinfo(x->easy, CURLINFO_REDIRECT_COUNT, &redirects);
	if (redirects > 0 && x->all_permanent && res->final_url != NULL)
		res->moved_to = xstrdup(res->final_url);
	return res;
}

/*
 * Makes request i a transfer and adds it to the multi handle.  When that
 * cannot be done, returns NULL and sets *failed to the result to hand
 * to done.
 */
static struct xfer *
fetch_start(struct run *r, size_t i, struct fetch_res **failed)
{
	const struct fetch_req	*req = &r->reqs[i];
	const struct fetch_opts	*o = r->o;
	struct xfer		*x;
	CURL			*e;
	char			*h;
	int			 bad = 0;

	*failed = NULL;
	if (req->url == NULL) {
		*failed = fetch_res_failed("no URL");
		return NULL;
	}
	if ((e = curl_easy_init()) == NULL) {
		*failed = fetch_res_failed("libcurl could not start a "
		    "transfer");
		return NULL;
	}
	x = xcalloc(1, sizeof(*x));
	x->easy = e;
	x->i = i;
	x->o = o;
	x->all_permanent = 1;
	buf_init(&x->body);
	/* A validator that is not one line of printable ASCII is not
	 * sent: it could not have come from a header. */
	if (req->etag != NULL && fetch_printable(req->etag)) {
		h = xasprintf("If-None-Match: %s", req->etag);
		bad |= fetch_header_add(x, h);
		free(h);
	}
	if (req->last_modified != NULL &&
	    fetch_printable(req->last_modified)) {
		h = xasprintf("If-Modified-Since: %s", req->last_modified);
		bad |= fetch_header_add(x, h);
		free(h);
	}

	bad |= curl_easy_setopt(e, CURLOPT_URL, req->url) != CURLE_OK;
	bad |= curl_easy_setopt(e, CURLOPT_PRIVATE, x) != CURLE_OK;
	bad |= curl_easy_setopt(e, CURLOPT_ERRORBUFFER, x->errbuf) !=
	    CURLE_OK;
	bad |= curl_easy_setopt(e, CURLOPT_NOSIGNAL, 1L) != CURLE_OK;
	/* A proxy's answer to CONNECT is no hop of the redirects. */
	bad |= curl_easy_setopt(e, CURLOPT_SUPPRESS_CONNECT_HEADERS, 1L) !=
	    CURLE_OK;
	bad |= curl_easy_setopt(e, CURLOPT_PROTOCOLS_STR,
	    "http,https,file") != CURLE_OK;
	bad |= curl_easy_setopt(e, CURLOPT_REDIR_PROTOCOLS_STR,
	    "http,https") != CURLE_OK;
	bad |= curl_easy_setopt(e, CURLOPT_FOLLOWLOCATION, 1L) != CURLE_OK;
	bad |= curl_easy_setopt(e, CURLOPT_MAXREDIRS, o->max_redirects) !=
	    CURLE_OK;
	bad |= curl_easy_setopt(e, CURLOPT_ACCEPT_ENCODING, "") != CURLE_OK;
	bad |= curl_easy_setopt(e, CURLOPT_TIMEOUT, o->timeout) != CURLE_OK;
	bad |= curl_easy_setopt(e, CURLOPT_CONNECTTIMEOUT,
	    o->connect_timeout) != CURLE_OK;
	if (o->user_agent != NULL)
		bad |= curl_easy_setopt(e, CURLOPT_USERAGENT, o->user_agent) !=
		    CURLE_OK;
	bad |= curl_easy_setopt(e, CURLOPT_WRITEFUNCTION, fetch_write) !=
	    CURLE_OK;
	bad |= curl_easy_setopt(e, CURLOPT_WRITEDATA, x) != CURLE_OK;
	bad |= curl_easy_setopt(e, CURLOPT_HEADERFUNCTION, fetch_header) !=
	    CURLE_OK;
	bad |= curl_easy_setopt(e, CURLOPT_HEADERDATA, x) != CURLE_OK;
	if (x->headers != NULL)
		bad |= curl_easy_setopt(e, CURLOPT_HTTPHEADER, x->headers) !=
		    CURLE_OK;
	if (bad) {
		*failed = fetch_res_new();
		if (x->errbuf[0] != '\0')
			(*failed)->error = fetch_clean(x->errbuf,
			    strlen(x->errbuf), 200);
		else
			(*failed)->error = xstrdup("libcurl refused an "
			    "option");
		fetch_xfer_free(NULL, x);
		return NULL;
	}
	x->t0 = fetch_now();
	if (curl_multi_add_handle(r->multi, e) != CURLM_OK) {
		*failed = fetch_res_failed("libcurl could not add a transfer");
		fetch_xfer_free(NULL, x);
		return NULL;
	}
	if (r->hosts[i] != NULL) {
		x->host = r->hosts[i];
		fetch_host_add(r, x->host, 1);
	}
	r->live[r->nlive++] = x;
	return x;
}

/* Adds a header line to x's request; returns 1 when libcurl could
 * not. */
static int
fetch_header_add(struct xfer *x, const char *line)
{
	struct curl_slist	*l;

	if ((l = curl_slist_append(x->headers, line)) == NULL)
		return 1;
	x->headers = l;
	return 0;
}

/* Frees x, after taking it out of r's multi handle when r is set. */
static void
fetch_xfer_free(struct run *r, struct xfer *x)
{
	size_t	i;

	if (r != NULL) {
		for (i = 0; i < r->nlive; i++)
			if (r->live[i] == x) {
				r->live[i] = r->live[--r->nlive];
				break;
			}
		curl_multi_remove_handle(r->multi, x->easy);
		if (x->host != NULL)
			fetch_host_add(r, x->host, -1);
	}
	curl_easy_cleanup(x->easy);
	curl_slist_free_all(x->headers);
	buf_free(&x->body);
	free(x->etag);
	free(x->last_modified);
	free(x->retry_after);
	free(x);
}

/* Whether host already has o->per_host transfers. */
static int
fetch_host_busy(struct run *r, const char *host)
{
	size_t	i;

	for (i = 0; i < r->nbusy; i++)
		if (strcmp(r->busy[i].host, host) == 0)
			return r->busy[i].active >= r->o->per_host;
	return 0;
}

/* Counts one transfer more (d 1) or less (d -1) to host; a host
 * without transfers leaves the table, so it never holds more than
 * o->jobs entries. */
static void
fetch_host_add(struct run *r, const char *host, int d)
{
	size_t	i;

	for (i = 0; i < r->nbusy; i++)
		if (strcmp(r->busy[i].host, host) == 0)
			break;
	if (i == r->nbusy) {
		if (d < 0)
			return;
		r->busy = xreallocarray(r->busy, r->nbusy + 1,
		    sizeof(*r->busy));
		r->busy[i].host = (char *)host;
		r->busy[i].active = 0;
		r->nbusy++;
	}
	r->busy[i].active += d;
	if (r->busy[i].active <= 0)
		r->busy[i] = r->busy[--r->nbusy];
}

/*
 * Starts waiting requests, first come first served, while there are
 * free jobs, skipping those whose host is busy.  Returns -1 when done
 * stopped the run (a request that could not start is handed to it at
 * once).
 */
static int
fetch_fill(struct run *r, fetch_done_fn done, void *ctx)
{
	struct fetch_res	*res;
	size_t			 i;

	while (r->first < r->n && r->started[r->first])
		r->first++;
	for (i = r->first; i < r->n && r->nlive < (size_t)r->o->jobs; i++) {
		if (r->started[i])
			continue;
		if (r->hosts[i] != NULL && fetch_host_busy(r, r->hosts[i]))
			continue;
		r->started[i] = 1;
		if (fetch_start(r, i, &res) == NULL &&
		    done(ctx, &r->reqs[i], res) == -1)
			return -1;
	}
	return 0;
}

/*
 * Hands every request not yet handed to done to it as failed with error:
 * those running, then those waiting.  Returns -1 when done stopped.
 */
static int
fetch_fail_rest(struct run *r, const char *error, fetch_done_fn done,
    void *ctx)
{
	struct fetch_res	*res;
	size_t			 i;
	int			 stop = 0;

	while (r->nlive > 0) {
		i = r->live[0]->i;
		fetch_xfer_free(r, r->live[0]);
		res = fetch_res_failed(error);
		if (!stop && done(ctx, &r->reqs[i], res) == -1)
			stop = 1;
		else if (stop)
			fetch_res_free(res);
	}
	for (i = r->first; i < r->n && !stop; i++)
		if (!r->started[i]) {
			r->started[i] = 1;
			if (done(ctx, &r->reqs[i], fetch_res_failed(error)) ==
			    -1)
				stop = 1;
		}
	return stop ? -1 : 0;
}

/* Drops what wakes the run (one read: more wakes it again) and calls
 * o->wake(). */
static int
fetch_wake(const struct fetch_opts *o, void *ctx)
{
	char	buf[256];

	if (read(o->wake_fd, buf, sizeof(buf)) < 0 && errno != EAGAIN &&
	    errno != EINTR)
		return -1;
	return o->wake(ctx);
}

int
fetch_run(const struct fetch_req *reqs, size_t n, const struct fetch_opts *o,
    fetch_done_fn done, void *ctx, char **cause)
{
	struct fetch_opts	 def;
	struct run		 r;
	struct curl_waitfd	 waitfd[2];
	struct xfer		*x;
	struct fetch_res	*res;
	CURLMsg			*msg;
	CURLMcode		 mc = CURLM_OK;
	size_t			 i;
	char			*error;
	int			 running, left, stop = 0, nwait = 0;
	int			 finished;

	if (o == NULL) {
		fetch_opts_default(&def);
		o = &def;
	} else if (o->jobs <= 0) {
		def = *o;
		def.jobs = 1;
		o = &def;
	}
	memset(&r, 0, sizeof(r));
	r.reqs = reqs;
	r.n = n;
	r.o = o;
	if ((r.multi = curl_multi_init()) == NULL) {
		*cause = xstrdup("libcurl could not start");
		return -1;
	}
	curl_multi_setopt(r.multi, CURLMOPT_MAX_HOST_CONNECTIONS,
	    (long)(o->per_host > 0 ? o->per_host : 0));
	curl_multi_setopt(r.multi, CURLMOPT_PIPELINING, CURLPIPE_MULTIPLEX);
	r.started = xcalloc(n == 0 ? 1 : n, 1);
	r.hosts = xcalloc(n == 0 ? 1 : n, sizeof(*r.hosts));
	r.live = xcalloc(o->jobs, sizeof(*r.live));
	for (i = 0; i < n; i++)
		if (reqs[i].url != NULL && o->per_host > 0)
			r.hosts[i] = fetch_host_key(reqs[i].url);
	memset(waitfd, 0, sizeof(waitfd));
	if (o->cancel_fd >= 0) {
		waitfd[nwait].fd = o->cancel_fd;
		waitfd[nwait++].events = CURL_WAIT_POLLIN;
	}
	if (o->wake_fd >= 0 && o->wake != NULL) {
		waitfd[nwait].fd = o->wake_fd;
		waitfd[nwait++].events = CURL_WAIT_POLLIN;
	}

	while (!stop) {
		if (fetch_fill(&r, done, ctx) == -1) {
			stop = 1;
			break;
		}
		if (r.nlive == 0)
			break;
		mc = curl_multi_perform(r.multi, &running);
		finished = 0;
		while (mc == CURLM_OK && !stop &&
		    (msg = curl_multi_info_read(r.multi, &left)) != NULL) {
			if (msg->msg != CURLMSG_DONE)
				continue;
			x = NULL;
			curl_easy_getinfo(msg->easy_handle, CURLINFO_PRIVATE,
			    (char **)&x);
			res = fetch_result(&r, x, msg->data.result);
			i = x->i;
			fetch_xfer_free(&r, x);	/* msg is gone now */
			finished++;
			if (done(ctx, &reqs[i], res) == -1)
				stop = 1;
		}
		if (stop)
			break;
		/* Free jobs: start more before waiting. */
		if (finished > 0)
			continue;
		waitfd[0].revents = waitfd[1].revents = 0;
		if (mc == CURLM_OK)
			mc = curl_multi_poll(r.multi, nwait > 0 ? waitfd : NULL,
			    (unsigned int)nwait, 1000, NULL);
		if (mc != CURLM_OK) {
			/* Not expected of a healthy libcurl: fail the rest
			 * rather than spin. */
			error = xasprintf("libcurl: %s",
			    curl_multi_strerror(mc));
			stop = fetch_fail_rest(&r, error, done, ctx) == -1;
			free(error);
			break;
		}
		for (i = 0; i < (size_t)nwait && !stop; i++) {
			if ((waitfd[i].revents & (CURL_WAIT_POLLIN |
			    CURL_WAIT_POLLPRI)) == 0)
				continue;
			if (waitfd[i].fd == o->cancel_fd)
				stop = 1;
			else
				stop = fetch_wake(o, ctx) == -1;
		}
	}

	/* What still runs is abandoned, its request not handed back. */
	while (r.nlive > 0)
		fetch_xfer_free(&r, r.live[0]);
	curl_multi_cleanup(r.multi);
	for (i = 0; i < n; i++)
		free(r.hosts[i]);
	free(r.hosts);
	free(r.started);
	free(r.busy);
	free(r.live);
	return stop ? 1 : 0;
}
