/*
 * uibench.c: how many bytes the reader writes to the terminal for one key.
 * Runs citata on a pseudo-terminal of a fixed size, waits until the
 * screen is quiet after each key, and counts what came out: for a cursor
 * move in the article list and for a page down in an article.  Over a
 * slow ssh link these bytes are the latency.
 *
 *	uibench [-c citata] [-d archive] [-t TERM] [-n keys]
 *
 * The archive is copied first, so read marks and the remembered position
 * do not change it.  Exits 1 when the reader cannot be run or does not
 * quit cleanly.
 */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <pty.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/wait.h>
#include <unistd.h>

#include "util.h"

#define QUIET_MS	250	/* quiet this long: the screen is done */

struct run {
	int	 fd;
	pid_t	 pid;
};

static int	bench_start(struct run *, const char *, const char *,
		    const char *, int, int);
static long	bench_drain(struct run *);
static long	bench_key(struct run *, const char *);
static int	bench_stop(struct run *);
static int	bench_copy(const char *, const char *);
static int	bench_size(const char *, const char *, const char *, int, int,
		    int);

static int
bench_start(struct run *r, const char *citata, const char *db,
    const char *term, int cols, int rows)
{
	struct winsize	ws;

	memset(&ws, 0, sizeof(ws));
	ws.ws_col = (unsigned short)cols;
	ws.ws_row = (unsigned short)rows;
	if ((r->pid = forkpty(&r->fd, NULL, NULL, &ws)) < 0) {
		warnx("forkpty: %s", strerror(errno));
		return -1;
	}
	if (r->pid == 0) {
		setenv("TERM", term, 1);
		setenv("LC_ALL", "C.UTF-8", 1);
		unsetenv("NO_COLOR");
		execl(citata, citata, "-d", db, (char *)NULL);
		_exit(127);
	}
	return 0;
}

/* Reads until the reader has been quiet for QUIET_MS; returns the bytes
 * read, or -1 when the reader went away. */
static long
bench_drain(struct run *r)
{
	struct pollfd	pfd;
	char		buf[65536];
	ssize_t		n;
	long		total = 0;

	pfd.fd = r->fd;
	pfd.events = POLLIN;
	for (;;) {
		if (poll(&pfd, 1, QUIET_MS) <= 0)
			return total;
		if ((n = read(r->fd, buf, sizeof(buf))) <= 0)
			return total > 0 ? total : -1;
		total += (long)n;
	}
}

static long
bench_key(struct run *r, const char *keys)
{
	if (write(r->fd, keys, strlen(keys)) != (ssize_t)strlen(keys))
		return -1;
	return bench_drain(r);
}

/* Quits with q and returns the reader's exit status, or -1. */
static int
bench_stop(struct run *r)
{
	int	status, i, done = 0;

	for (i = 0; i < 5 && !done; i++) {
		if (waitpid(r->pid, &status, WNOHANG) == r->pid)
			done = 1;
		else if (write(r->fd, "q", 1) != 1 || bench_drain(r) < 0)
			done = waitpid(r->pid, &status, 0) == r->pid;
	}
	if (!done) {
		kill(r->pid, SIGTERM);
		waitpid(r->pid, &status, 0);
		close(r->fd);
		return -1;
	}
	close(r->fd);
	if (WIFSIGNALED(status))
		warnx("the reader was killed by signal %d", WTERMSIG(status));
	return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

static int
bench_copy(const char *from, const char *to)
{
	char	buf[65536];
	ssize_t	n;
	int	in, out, rc = 0;

	if ((in = open(from, O_RDONLY)) < 0)
		return -1;
	if ((out = open(to, O_WRONLY | O_CREAT | O_TRUNC, 0600)) < 0) {
		close(in);
		return -1;
	}
	while ((n = read(in, buf, sizeof(buf))) > 0)
		if (write(out, buf, (size_t)n) != n)
			rc = -1;
	if (n < 0 || close(out) != 0)
		rc = -1;
	close(in);
	return rc;
}

/* One terminal size: start, n list steps, open the second article, n
 * page downs, quit.  Prints the averages; returns 0 or -1. */
static int
bench_size(const char *citata, const char *db, const char *term, int cols,
    int rows, int n)
{
	struct run	r;
	long		start, step = 0, page = 0, line = 0, b;
	int		i, rc;

	if (bench_start(&r, citata, db, term, cols, rows) != 0)
		return -1;
	if ((start = bench_drain(&r)) <= 0) {
		warnx("%s: no output at %dx%d", citata, cols, rows);
		bench_stop(&r);
		return -1;
	}
	bench_key(&r, "g");
	for (i = 0; i < n; i++) {
		b = bench_key(&r, i % 2 == 0 ? "j" : "k");
		step += b > 0 ? b : 0;
	}
	bench_key(&r, "j\r");
	for (i = 0; i < n; i++) {
		b = bench_key(&r, i % 2 == 0 ? " " : "b");
		page += b > 0 ? b : 0;
	}
	for (i = 0; i < n; i++) {
		b = bench_key(&r, i % 2 == 0 ? "j" : "k");
		line += b > 0 ? b : 0;
	}
	rc = bench_stop(&r);
	printf("%dx%d %-14s  %6ld  %6.0f  %6.0f  %6.0f\n", cols, rows, term,
	    start, (double)step / n, (double)page / n, (double)line / n);
	if (rc != 0) {
		warnx("the reader did not quit cleanly (status %d)", rc);
		return -1;
	}
	return 0;
}

int
main(int argc, char **argv)
{
	const char	*citata = "./src/citata", *db = "./data/sample.db";
	const char	*term = "xterm-256color";
	char		 tmp[] = "/tmp/uibench.XXXXXX", *copy;
	int		 ch, n = 6, fails = 0;

	util_set_progname("uibench");
	while ((ch = getopt(argc, argv, "c:d:n:t:")) != -1) {
		switch (ch) {
		case 'c':
			citata = optarg;
			break;
		case 'd':
			db = optarg;
			break;
		case 'n':
			n = atoi(optarg) > 0 ? atoi(optarg) : 1;
			break;
		case 't':
			term = optarg;
			break;
		default:
			fprintf(stderr, "usage: uibench [-c citata] "
			    "[-d archive] [-t TERM] [-n keys]\n");
			return 2;
		}
	}
	if (mkdtemp(tmp) == NULL)
		fatal("mkdtemp: %s", strerror(errno));
	copy = xasprintf("%s/bench.db", tmp);
	if (bench_copy(db, copy) != 0)
		fatal("cannot copy %s", db);
	printf("bytes written to the terminal (per key: average of %d), "
	    "colour on\n", n);
	printf("%-22s  %6s  %6s  %6s  %6s\n", "size, TERM", "start",
	    "list", "page", "line");
	fails += bench_size(citata, copy, term, 80, 24, n) != 0;
	fails += bench_size(citata, copy, term, 132, 43, n) != 0;
	fails += bench_size(citata, copy, "vt220", 80, 24, n) != 0;
	unlink(copy);
	free(copy);
	copy = xasprintf("%s/bench.db-wal", tmp);
	unlink(copy);
	free(copy);
	copy = xasprintf("%s/bench.db-shm", tmp);
	unlink(copy);
	free(copy);
	rmdir(tmp);
	return fails > 0;
}
