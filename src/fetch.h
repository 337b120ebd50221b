#ifndef FETCH_H
#define FETCH_H

#include <stddef.h>

/*
 * fetch.c: many HTTP(S) documents at once with libcurl's multi
 * interface.  It knows nothing of feeds or of the archive: it takes
 * requests, hands back each response as it completes, and never writes
 * to a terminal or a file.
 */

struct fetch_req {
	const char	*url;		/* http, https or file */
	const char	*etag;		/* from the last fetch, or NULL */
	const char	*last_modified;	/* likewise */
	void		*user;		/* the caller's, handed back */
};

enum fetch_status {
	FETCH_OK,		/* a 2xx with a body ("" when empty),
				   or a file: URL read */
	FETCH_NOT_MODIFIED,	/* 304: the stored copy is current */
	FETCH_FAILED		/* see error */
};

/* A response; fetch_res_free() frees what it owns. */
struct fetch_res {
	enum fetch_status status;
	long		 http;		/* last HTTP status, 0 when none
					   (file: URLs, no answer) */
	char		*body;		/* FETCH_OK: decoded (gzip, deflate,
					   br when libcurl has it) and
					   NUL-terminated; else NULL */
	size_t		 len;
	char		*charset;	/* charset= of Content-Type, or NULL */
	char		*etag;		/* the validators to send next time */
	char		*last_modified;	/* (NULL when the server sent none;
					   a 304 without any hands back the
					   request's; NULL when failed) */
	char		*moved_to;	/* every redirect on the way was
					   permanent (301, 308): the URL to
					   store instead of req->url; NULL
					   otherwise and when failed */
	char		*final_url;	/* where the body came from (the base
					   of relative links) */
	long		 retry_after;	/* 429 or 503 with Retry-After:
					   seconds to wait; -1 when none */
	char		*error;		/* FETCH_FAILED: one line, e.g.
					   "HTTP 404 Not Found", "timed out
					   after 30 s", "response larger than
					   16 MiB", "too many redirects (5)",
					   "could not resolve host x.example",
					   "TLS: ..." */
	double		 seconds;	/* how long it took */
};

struct fetch_opts {
	int		 jobs;		/* transfers at once (default 8;
					   below 1 counts as 1) */
	int		 per_host;	/* transfers and connections to one
					   host (2); 0 for no limit */
	long		 timeout;	/* seconds a transfer may take (30) */
	long		 connect_timeout; /* seconds to connect (10) */
	size_t		 max_bytes;	/* largest body once decoded
					   (16 MiB) */
	long		 max_redirects;	/* (5) */
	const char	*user_agent;	/* "citata/VERSION (+URL)", without
					   the URL while configure.ac's
					   AC_INIT names none */
	int		 cancel_fd;	/* readable means stop; -1 for none */
	int		 wake_fd;	/* readable means call wake(); -1 for
					   none */
	/* Called in fetch_run()'s thread when wake_fd is readable (up to
	 * 256 bytes there read and dropped, once): another thread has work
	 * for it.  -1 stops the run as done's -1 does. */
	int		(*wake)(void *ctx);
};

/* Fills o with the defaults above (user_agent from PACKAGE_VERSION,
 * cancel_fd and wake_fd -1). */
void	fetch_opts_default(struct fetch_opts *o);

/*
 * Called once a request is done, in the thread that called fetch_run(),
 * in the order they complete; res is the callee's to keep or free
 * (fetch_res_free()).  Returning -1 stops the run.
 */
typedef int	(*fetch_done_fn)(void *ctx, const struct fetch_req *req,
		    struct fetch_res *res);

/*
 * Fetches the n requests (o NULL: the defaults), at most o->jobs at a
 * time and o->per_host to one host (the others wait their turn, first
 * come first served), reusing connections, with conditional requests
 * (If-None-Match, If-Modified-Since), compressed transfer, redirects
 * only to http and https, and calls done for each; a request that
 * cannot even start is handed to done as failed.  Returns 0 when every
 * request was handed to done, 1 when the cancel descriptor became
 * readable or done stopped the run (the requests still running are
 * abandoned and not handed to done), -1 with *cause set when libcurl
 * could not start at all.
 */
int	fetch_run(const struct fetch_req *reqs, size_t n,
	    const struct fetch_opts *o, fetch_done_fn done, void *ctx,
	    char **cause);

void	fetch_res_free(struct fetch_res *res);

/* libcurl's global set-up and clean-up; once a program. */
int	fetch_global_init(char **cause);
void	fetch_global_cleanup(void);

#endif /* FETCH_H */
