/*
 * keybench.c: what one key costs the reader, on archives of different
 * sizes: CPU time, bytes written to the terminal and, with -V, machine
 * instructions (valgrind's callgrind).  A key whose cost grows with the
 * archive reads more of it than the screen needs.
 *
 *	keybench [-V] [-c citata] [-k kinds] [-s COLSxROWS] [-n keys]
 *	    LABEL=ARCHIVE ...
 *
 * The reader runs on a pseudo-terminal (TERM=xterm-256color, colour on)
 * on the archive itself, not a copy: the keys only move, and the one
 * article opened is marked read.  Three kinds of key, each n times,
 * waiting after each until the reader has been quiet for a while:
 *
 *	list step	j in the article list, from the top
 *	list page	Space in the article list, from the top
 *	article page	Space and b in turn in the first article longer
 *			than its pane
 *	quotes open	j and k in turn in the speakers view (S), on its
 *			first rows: each loads the quotes of the speaker
 *			under the cursor beside the list (on a wide
 *			terminal), the most quoted and the next
 *	quotes step	j in the quotes of the most quoted speaker
 *	quotes page	Space there
 *	quotes end	G and g in turn there
 *
 * CPU time is the reader's own (the first field of /proc/PID/schedstat,
 * in ns) from the key to the end of its output; RSS is its resident
 * memory (/proc/PID/status) after the keys of each kind.  With -V each
 * kind runs again under callgrind, once with n keys and once without,
 * and the difference of the instruction totals over n is the cost of one
 * key; startup and quit cancel out.  -k measures only the kinds named,
 * by their short names, separated by commas: step, page, article, qopen,
 * qstep, qpage, qend ("-k step,qpage": the goals of issue 18).
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

enum kind {
	KIND_STEP,
	KIND_PAGE,
	KIND_ARTICLE,
	KIND_QOPEN,
	KIND_QSTEP,
	KIND_QPAGE,
	KIND_QEND,
	KIND_COUNT
};

static const char *const kind_names[KIND_COUNT] = {
	"list step", "list page", "article page", "quotes open",
	"quotes step", "quotes page", "quotes end"
};

static const char *const kind_short[KIND_COUNT] = {
	"step", "page", "article", "qopen", "qstep", "qpage", "qend"
};

static int	kind_on[KIND_COUNT] = { 1, 1, 1, 1, 1, 1, 1 };

struct run {
	int	 fd;
	pid_t	 pid;
	int	 quiet_ms;
};

static const char	*citata = "./src/citata";
static int		 cols = 120, rows = 40;

static int
run_start(struct run *r, const char *db, const char *cgout)
{
	struct winsize	ws;

	memset(&ws, 0, sizeof(ws));
	ws.ws_col = (unsigned short)cols;
	ws.ws_row = (unsigned short)rows;
	r->quiet_ms = cgout != NULL ? 1500 : 150;
	if ((r->pid = forkpty(&r->fd, NULL, NULL, &ws)) < 0) {
		warnx("forkpty: %s", strerror(errno));
		return -1;
	}
	if (r->pid == 0) {
		char	*opt;

		setenv("TERM", "xterm-256color", 1);
		setenv("LC_ALL", "C.UTF-8", 1);
		unsetenv("NO_COLOR");
		if (cgout != NULL) {
			opt = xasprintf("--callgrind-out-file=%s", cgout);
			execlp("valgrind", "valgrind", "-q",
			    "--tool=callgrind", opt, citata, "-d", db,
			    (char *)NULL);
		} else
			execl(citata, citata, "-d", db, (char *)NULL);
		_exit(127);
	}
	return 0;
}

/* Reads until the reader has been quiet for a while after its first
 * output (waited for up to ten times as long, for a loaded machine);
 * returns the bytes read, or -1 when it went away. */
static long	run_drain_within(struct run *, int);

static long
run_drain(struct run *r)
{
	return run_drain_within(r, 10 * r->quiet_ms);
}

/* run_drain() that waits only first_ms for the first output: for keys
 * that may draw nothing (Esc or g where there is nothing to undo), which
 * would otherwise cost ten quiet times each (15 s under callgrind). */
static long
run_drain_within(struct run *r, int first_ms)
{
	struct pollfd	pfd;
	char		buf[65536];
	ssize_t		n;
	long		total = 0;

	pfd.fd = r->fd;
	pfd.events = POLLIN;
	for (;;) {
		if (poll(&pfd, 1, total == 0 ? first_ms : r->quiet_ms) <= 0)
			return total;
		if ((n = read(r->fd, buf, sizeof(buf))) <= 0)
			return total > 0 ? total : -1;
		total += (long)n;
	}
}

static long
run_key(struct run *r, const char *keys)
{
	if (write(r->fd, keys, strlen(keys)) != (ssize_t)strlen(keys))
		return -1;
	return run_drain(r);
}

/* A key that may draw nothing: see run_drain_within(). */
static long
run_key_maybe(struct run *r, const char *keys)
{
	if (write(r->fd, keys, strlen(keys)) != (ssize_t)strlen(keys))
		return -1;
	return run_drain_within(r, r->quiet_ms);
}

/* Goes back to the top of the list (so the next run starts there too)
 * and quits; returns the exit status, or -1. */
static int
run_stop(struct run *r)
{
	int	status, i, done = 0;

	for (i = 0; i < 12 && !done; i++) {
		if (waitpid(r->pid, &status, WNOHANG) == r->pid)
			done = 1;
		else if (run_key_maybe(r, i == 0 ? "\033" : i == 1 ? "g" :
		    "q") < 0)
			done = waitpid(r->pid, &status, 0) == r->pid;
	}
	if (!done) {
		warnx("the reader did not quit after q; killed");
		kill(r->pid, SIGTERM);
		waitpid(r->pid, &status, 0);
	} else if (!WIFEXITED(status) || WEXITSTATUS(status) != 0)
		warnx("the reader ended with status %d", status);
	close(r->fd);
	return done && WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

/* Resident memory of pid now, in kB, or 0. */
static long
rss_kb(pid_t pid)
{
	char	 path[64], line[256];
	FILE	*f;
	long	 kb = 0;

	snprintf(path, sizeof(path), "/proc/%ld/status", (long)pid);
	if ((f = fopen(path, "r")) == NULL)
		return 0;
	while (fgets(line, sizeof(line), f) != NULL)
		if (strncmp(line, "VmRSS:", 6) == 0)
			kb = atol(line + 6);
	fclose(f);
	return kb;
}

/* CPU time of pid so far, in ns. */
static long long
cpu_ns(pid_t pid)
{
	char		 path[64];
	FILE		*f;
	long long	 ns = 0;

	snprintf(path, sizeof(path), "/proc/%ld/schedstat", (long)pid);
	if ((f = fopen(path, "r")) == NULL)
		return 0;
	if (fscanf(f, "%lld", &ns) != 1)
		ns = 0;
	fclose(f);
	return ns;
}

/* How many rows down the list the first article is that is longer than
 * a screen, found in the first run; the article page is measured there. */
static int	long_row = -1;

/* Sends the keys that lead to where kind k is measured. */
static void
kind_prefix(struct run *r, enum kind k)
{
	int	i;

	if (k >= KIND_QOPEN) {
		/* Back to the article list from wherever the last kind
		 * left the reader, then the speakers view. */
		for (i = 0; i < 3; i++)
			run_key_maybe(r, "\033");
		run_key_maybe(r, "g");
		run_key(r, "S");
		run_key_maybe(r, "g");
		if (k != KIND_QOPEN)
			run_key(r, "\r");
		return;
	}
	run_key_maybe(r, "g");
	if (k != KIND_ARTICLE)
		return;
	for (i = 0; i < long_row; i++)
		run_key(r, "j");
	run_key(r, "\r");
}

/* Finds long_row: opens articles from the top until Space pages. */
static void
find_long(struct run *r)
{
	int	i;

	run_key(r, "g");
	for (i = 0; i < 100 && long_row < 0; i++) {
		run_key(r, "\r");
		if (run_key(r, " ") > 0)
			long_row = i;
		run_key(r, "\033");
		run_key(r, "j");
	}
	if (long_row < 0)
		long_row = 0;
}

static const char *
kind_key(enum kind k, int i)
{
	switch (k) {
	case KIND_STEP:
		return "j";
	case KIND_PAGE:
	case KIND_QPAGE:
		return " ";
	case KIND_QSTEP:
		return "j";
	case KIND_QOPEN:
		return i % 2 == 0 ? "j" : "k";
	case KIND_QEND:
		return i % 2 == 0 ? "G" : "g";
	default:
		return i % 2 == 0 ? " " : "b";
	}
}

/* Runs every kind natively: bytes and CPU per key, averaged over n. */
static int
bench_native(const char *label, const char *db, int n)
{
	struct run	 r;
	long long	 t0, cpu;
	long		 b, bytes, start;
	enum kind	 k;
	int		 i;

	if (run_start(&r, db, NULL) != 0)
		return -1;
	if ((start = run_drain(&r)) <= 0) {
		warnx("%s: no screen", label);
		run_stop(&r);
		return -1;
	}
	printf("  %-8s first screen %ld bytes\n", label, start);
	long_row = -1;
	if (kind_on[KIND_ARTICLE])
		find_long(&r);
	for (k = 0; k < KIND_COUNT; k++) {
		if (!kind_on[k])
			continue;
		run_key(&r, "\033");
		kind_prefix(&r, k);
		bytes = 0;
		cpu = 0;
		for (i = 0; i < n; i++) {
			t0 = cpu_ns(r.pid);
			b = run_key(&r, kind_key(k, i));
			cpu += cpu_ns(r.pid) - t0;
			bytes += b > 0 ? b : 0;
		}
		printf("  %-8s %-14s %8.0f bytes/key %8.1f us CPU/key "
		    "%7.1f MB RSS\n", label, kind_names[k],
		    (double)bytes / n, (double)cpu / n / 1000,
		    rss_kb(r.pid) / 1024.0);
	}
	if (run_stop(&r) != 0) {
		warnx("%s: the reader did not quit cleanly", label);
		return -1;
	}
	return 0;
}

/* Instructions of one run under callgrind with nkeys keys of kind k. */
static long long
bench_ir(const char *db, enum kind k, int nkeys)
{
	struct run	 r;
	char		 tmp[] = "/tmp/keybench.XXXXXX", line[512];
	FILE		*f;
	long long	 ir = -1;
	int		 fd, i;

	if ((fd = mkstemp(tmp)) == -1)
		return -1;
	close(fd);
	if (run_start(&r, db, tmp) != 0)
		return -1;
	run_drain(&r);
	kind_prefix(&r, k);
	for (i = 0; i < nkeys; i++)
		run_key(&r, kind_key(k, i));
	run_stop(&r);
	if ((f = fopen(tmp, "r")) != NULL) {
		while (fgets(line, sizeof(line), f) != NULL)
			if (strncmp(line, "totals:", 7) == 0 ||
			    strncmp(line, "summary:", 8) == 0)
				ir = atoll(line + (line[0] == 't' ? 7 : 8));
		fclose(f);
	}
	unlink(tmp);
	return ir;
}

/* Measures only the kinds named in list, "step,qpage". */
static void
kinds_choose(const char *list)
{
	const char	*p = list;
	size_t		 n;
	int		 k, found;

	for (k = 0; k < KIND_COUNT; k++)
		kind_on[k] = 0;
	while (*p != '\0') {
		n = strcspn(p, ",");
		for (k = 0, found = 0; k < KIND_COUNT; k++)
			if (strlen(kind_short[k]) == n &&
			    strncmp(p, kind_short[k], n) == 0)
				kind_on[k] = found = 1;
		if (!found)
			fatal("no kind of key '%.*s' (step, page, article, "
			    "qopen, qstep, qpage, qend)", (int)n, p);
		p += n + (p[n] == ',');
	}
}

int
main(int argc, char **argv)
{
	const char	*db;
	char		*label;
	long long	 a, b;
	enum kind	 k;
	int		 ch, n = 20, valgrind = 0, fails = 0, i;

	util_set_progname("keybench");
	while ((ch = getopt(argc, argv, "Vc:k:s:n:")) != -1) {
		switch (ch) {
		case 'V':
			valgrind = 1;
			break;
		case 'c':
			citata = optarg;
			break;
		case 'k':
			kinds_choose(optarg);
			break;
		case 's':
			if (sscanf(optarg, "%dx%d", &cols, &rows) != 2)
				fatal("bad size '%s'", optarg);
			break;
		case 'n':
			n = atoi(optarg) > 0 ? atoi(optarg) : 1;
			break;
		default:
			fprintf(stderr, "usage: keybench [-V] [-c citata] "
			    "[-k kinds] [-s COLSxROWS] [-n keys] "
			    "LABEL=ARCHIVE ...\n");
			return 2;
		}
	}
	printf("cost of one key at %dx%d, xterm-256color (average of %d "
	    "keys)\n", cols, rows, n);
	for (i = optind; i < argc; i++) {
		if ((db = strchr(argv[i], '=')) == NULL)
			fatal("want LABEL=ARCHIVE, not '%s'", argv[i]);
		label = xstrndup(argv[i], (size_t)(db - argv[i]));
		db++;
		fails += bench_native(label, db, n) != 0;
		for (k = 0; valgrind && k < KIND_COUNT; k++) {
			if (!kind_on[k])
				continue;
			a = bench_ir(db, k, 0);
			b = bench_ir(db, k, n);
			if (a < 0 || b < 0) {
				warnx("%s: callgrind gave no totals", label);
				fails++;
				break;
			}
			printf("  %-8s %-14s %10.0f instructions/key "
			    "(callgrind)\n", label, kind_names[k],
			    (double)(b - a) / n);
		}
		free(label);
	}
	return fails > 0;
}
