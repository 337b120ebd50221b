/*
 * startbench.c: how long a terminal program takes to show its first full
 * screen, and to quit, and how much memory it took: in a private tmux
 * server at a fixed size, as a person would see it over ssh.
 *
 *	startbench [-n runs] [-s COLSxROWS] [-q KEY] [-w TEXT] [-m LINES]
 *	    LABEL=COMMAND ...
 *
 * Each COMMAND (a shell command line, run with /usr/bin/time for its peak
 * RSS) is started in the tmux pane; the pane is read with capture-pane
 * until it shows TEXT and at least LINES non-blank lines (the options
 * before a LABEL=COMMAND apply to it and to those after).  Then KEY is
 * sent (default q) and the time until the program has exited is taken.
 * Runs are interleaved (one of each command, then again), so that a
 * change in the machine's load touches all alike; medians are printed,
 * and each command's start-up as a ratio to the first one's.
 */
#include "config.h"

#include <errno.h>
#include <signal.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "bench.h"
#include "util.h"

#define START_TIMEOUT	60.0	/* seconds: give up on a run */

struct spec {
	char		*label;
	char		*cmd;
	const char	*text;
	int		 lines;
	double		*start, *quit;
	long		*rss;
};

static char	 sock[64];
static char	 tmpf[64];

static void
sleep_ms(int ms)
{
	struct timespec	ts = { 0, ms * 1000000L };

	nanosleep(&ts, NULL);
}

/* Runs tmux on our socket with the arguments of the NULL-terminated
 * list; returns its exit status.  Output is thrown away. */
static int
tmux(const char *arg, ...)
{
	const char	*argv[16];
	va_list		 ap;
	pid_t		 pid;
	int		 n = 0, status;

	argv[n++] = "tmux";
	argv[n++] = "-L";
	argv[n++] = sock;
	argv[n++] = "-f";
	argv[n++] = "/dev/null";
	va_start(ap, arg);
	for (; arg != NULL && n < 15; arg = va_arg(ap, const char *))
		argv[n++] = arg;
	va_end(ap);
	argv[n] = NULL;
	if ((pid = fork()) == -1)
		fatal("fork: %s", strerror(errno));
	if (pid == 0) {
		if (freopen("/dev/null", "w", stdout) == NULL)
			_exit(127);
		execvp("tmux", (char *const *)argv);
		_exit(127);
	}
	if (waitpid(pid, &status, 0) == -1)
		return -1;
	return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

/* Reads the pane; returns a new string (the caller frees it). */
static char *
capture(const char *what)
{
	struct buf	 b;
	char		*cmd, tmp[4096];
	FILE		*f;
	size_t		 n;

	buf_init(&b);
	cmd = xasprintf("tmux -L %s %s -p -t b %s", sock, what,
	    strcmp(what, "display") == 0 ? "'#{pane_dead}'" : "");
	if ((f = popen(cmd, "r")) == NULL)
		fatal("popen: %s", strerror(errno));
	while ((n = fread(tmp, 1, sizeof(tmp), f)) > 0)
		buf_add(&b, tmp, n);
	pclose(f);
	free(cmd);
	buf_addc(&b, '\0');
	return buf_steal(&b);
}

/* Whether the screen s shows text and at least lines non-blank lines. */
static int
screen_full(const char *s, const char *text, int lines)
{
	const char	*p;
	int		 n = 0, blank = 1;

	if (text != NULL && strstr(s, text) == NULL)
		return 0;
	for (p = s; *p != '\0'; p++) {
		if (*p == '\n') {
			n += !blank;
			blank = 1;
		} else if (*p != ' ')
			blank = 0;
	}
	return n >= lines;
}

/* One run of sp; stores its times and RSS at index i.  Returns -1 when
 * it never showed a full screen or did not quit. */
static int
run(struct spec *sp, int i, const char *key)
{
	char	*cmd, *s;
	double	 t0, t1, t2;
	FILE	*f;
	long	 kb = -1;
	int	 full = 0, dead = 0, k;

	unlink(tmpf);
	cmd = xasprintf("exec /usr/bin/time -f %%M -o %s %s", tmpf, sp->cmd);
	t0 = bench_now();
	if (tmux("respawn-pane", "-k", "-t", "b", cmd, NULL) != 0)
		fatal("tmux respawn-pane failed");
	free(cmd);
	while (bench_now() - t0 < START_TIMEOUT) {
		s = capture("capture-pane");
		full = screen_full(s, sp->text, sp->lines);
		free(s);
		if (full)
			break;
		sleep_ms(1);
	}
	t1 = bench_now();
	if (!full) {
		s = capture("capture-pane");
		fprintf(stderr, "startbench: %s: no full screen after %.0f s; "
		    "the pane shows:\n%s", sp->label, START_TIMEOUT, s);
		free(s);
		return -1;
	}
	t2 = bench_now();
	tmux("send-keys", "-t", "b", key, NULL);
	while (bench_now() - t2 < START_TIMEOUT) {
		s = capture("display");
		dead = s[0] == '1';
		free(s);
		if (dead)
			break;
		sleep_ms(1);
	}
	sp->quit[i] = bench_now() - t2;
	sp->start[i] = t1 - t0;
	if (!dead) {
		fprintf(stderr, "startbench: %s did not quit\n", sp->label);
		return -1;
	}
	/* time(1) writes its file as the program ends. */
	for (k = 0; k < 1000 && kb < 0; k++) {
		if ((f = fopen(tmpf, "r")) != NULL) {
			if (fscanf(f, "%ld", &kb) != 1)
				kb = -1;
			fclose(f);
		}
		if (kb < 0)
			sleep_ms(2);
	}
	return (int)kb;
}

static int
cmp_double(const void *a, const void *b)
{
	double	x = *(const double *)a, y = *(const double *)b;

	return x < y ? -1 : x > y;
}

static double
median(double *v, int n)
{
	qsort(v, (size_t)n, sizeof(*v), cmp_double);
	return n % 2 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
}

static void
usage(void)
{
	fprintf(stderr, "usage: startbench [-n runs] [-s COLSxROWS] [-q KEY] "
	    "[-w TEXT] [-m LINES] LABEL=COMMAND ...\n");
	exit(2);
}

int
main(int argc, char **argv)
{
	struct spec	*sp = NULL;
	const char	*text = NULL, *key = "q";
	char		*eq, size[32], size2[32];
	double		 base = 0, st, qt, rs[64];
	size_t		 nsp = 0, i;
	int		 ch, runs = 5, cols = 120, rows = 40, lines = 0, r, kb;

	util_set_progname("startbench");
	while (optind < argc) {
		if ((ch = getopt(argc, argv, "+n:s:q:w:m:")) != -1) {
			switch (ch) {
			case 'n':
				runs = atoi(optarg);
				break;
			case 's':
				if (sscanf(optarg, "%dx%d", &cols, &rows) != 2)
					usage();
				break;
			case 'q':
				key = optarg;
				break;
			case 'w':
				text = optarg;
				break;
			case 'm':
				lines = atoi(optarg);
				break;
			default:
				usage();
			}
			continue;
		}
		if (optind >= argc)
			break;
		if ((eq = strchr(argv[optind], '=')) == NULL)
			usage();
		sp = xreallocarray(sp, nsp + 1, sizeof(*sp));
		sp[nsp].label = xstrndup(argv[optind],
		    (size_t)(eq - argv[optind]));
		sp[nsp].cmd = xstrdup(eq + 1);
		sp[nsp].text = text;
		sp[nsp].lines = lines;
		nsp++;
		optind++;
	}
	if (nsp == 0 || runs < 1 || runs > 64)
		usage();
	for (i = 0; i < nsp; i++) {
		sp[i].start = xcalloc((size_t)runs, sizeof(double));
		sp[i].quit = xcalloc((size_t)runs, sizeof(double));
		sp[i].rss = xcalloc((size_t)runs, sizeof(long));
	}

	snprintf(sock, sizeof(sock), "startbench-%ld", (long)getpid());
	snprintf(tmpf, sizeof(tmpf), "/tmp/startbench-%ld.rss",
	    (long)getpid());
	snprintf(size, sizeof(size), "%d", cols);
	snprintf(size2, sizeof(size2), "%d", rows);
	if (tmux("new-session", "-d", "-s", "b", "-x", size, "-y", size2,
	    "sleep 100000", NULL) != 0)
		fatal("cannot start tmux");
	tmux("set", "-g", "status", "off", NULL);
	tmux("set", "-g", "remain-on-exit", "on", NULL);
	tmux("resize-window", "-t", "b", "-x", size, "-y", size2, NULL);

	for (r = 0; r < runs; r++)
		for (i = 0; i < nsp; i++) {
			if ((kb = run(&sp[i], r, key)) < 0) {
				tmux("kill-server", NULL);
				return 1;
			}
			sp[i].rss[r] = kb;
		}
	tmux("kill-server", NULL);
	unlink(tmpf);

	printf("start-up to the first full screen, and quit, in tmux at "
	    "%dx%d; median of %d runs\n", cols, rows, runs);
	printf("  %-16s %10s %10s %10s %12s %8s\n", "", "start ms", "min ms",
	    "quit ms", "peak RSS MB", "ratio");
	for (i = 0; i < nsp; i++) {
		for (r = 0; r < runs; r++)
			rs[r] = (double)sp[i].rss[r];
		/* median() sorts: start[0] is then the fastest run. */
		st = median(sp[i].start, runs);
		qt = median(sp[i].quit, runs);
		if (i == 0)
			base = st;
		printf("  %-16s %10.1f %10.1f %10.1f %12.1f %8.2f\n",
		    sp[i].label, st * 1000, sp[i].start[0] * 1000, qt * 1000,
		    median(rs, runs) / 1024, st / base);
	}
	for (i = 0; i < nsp; i++) {
		free(sp[i].label);
		free(sp[i].cmd);
		free(sp[i].start);
		free(sp[i].quit);
		free(sp[i].rss);
	}
	free(sp);
	return 0;
}
