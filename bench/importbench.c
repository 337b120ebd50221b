/*
 * importbench.c: "citata import" of a whole directory, as a user runs it,
 * timed, with its memory followed through the run.  The directory holds
 * the numbered JSON Lines files of archivegen; import reads them one by
 * one in name order, so the moment a file is opened (inotify) tells how
 * many articles are done, and the reader's resident memory is sampled
 * then, and every 100 ms in between.
 *
 *	importbench [-b N] [-c citata] [-d DB] DIR
 *
 * -b N runs "citata import --batch=N": a commit every N articles.
 * Prints throughput (articles/s and MB/s of input), peak RSS, and RSS at
 * each tenth of the articles, which shows whether memory follows N.
 * DB is removed first.  Exits 1 when the import fails.
 */
#include "config.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/inotify.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "bench.h"
#include "util.h"

struct file {
	char	*name;
	long	 articles;	/* lines */
	long	 before;	/* articles in the files before it */
};

static int
cmp_file(const void *a, const void *b)
{
	return strcmp(((const struct file *)a)->name,
	    ((const struct file *)b)->name);
}

/* VmRSS of pid in kB, or -1. */
static long
rss_kb(pid_t pid)
{
	char	 path[64], line[256];
	FILE	*f;
	long	 kb = -1;

	snprintf(path, sizeof(path), "/proc/%ld/status", (long)pid);
	if ((f = fopen(path, "r")) == NULL)
		return -1;
	while (fgets(line, sizeof(line), f) != NULL)
		if (strncmp(line, "VmRSS:", 6) == 0)
			kb = atol(line + 6);
	fclose(f);
	return kb;
}

/* Lists the .jsonl files of dir with their line counts; returns how
 * many, the total of articles in *total and of bytes in *bytes. */
static size_t
scan(const char *dir, struct file **out, long *total, double *bytes)
{
	DIR		*d;
	struct dirent	*e;
	struct file	*fs = NULL;
	size_t		 n = 0, i, len;
	char		*path, buf[65536];
	ssize_t		 r;
	int		 fd;

	if ((d = opendir(dir)) == NULL)
		fatal("%s: %s", dir, strerror(errno));
	while ((e = readdir(d)) != NULL) {
		len = strlen(e->d_name);
		if (len < 7 || strcmp(e->d_name + len - 6, ".jsonl") != 0)
			continue;
		fs = xreallocarray(fs, n + 1, sizeof(*fs));
		fs[n].name = xstrdup(e->d_name);
		fs[n].articles = 0;
		n++;
	}
	closedir(d);
	qsort(fs, n, sizeof(*fs), cmp_file);
	*total = 0;
	*bytes = 0;
	for (i = 0; i < n; i++) {
		path = xasprintf("%s/%s", dir, fs[i].name);
		if ((fd = open(path, O_RDONLY)) == -1)
			fatal("%s: %s", path, strerror(errno));
		while ((r = read(fd, buf, sizeof(buf))) > 0) {
			*bytes += (double)r;
			while (r-- > 0)
				if (buf[r] == '\n')
					fs[i].articles++;
		}
		close(fd);
		free(path);
		fs[i].before = *total;
		*total += fs[i].articles;
	}
	*out = fs;
	return n;
}

int
main(int argc, char **argv)
{
	const char	*citata = "./src/citata", *db = "/tmp/citata-import.db";
	char		*batch = NULL;
	struct file	*fs;
	struct rusage	 ru;
	struct pollfd	 pfd;
	struct stat	 sb;
	char		 ev[8192], *p;
	double		 t0, t, bytes, marks_t[11];
	long		 total, done, peak = 0, kb, marks_kb[11], marks_done[11];
	size_t		 nfiles, i;
	ssize_t		 r, off;
	pid_t		 pid;
	int		 ch, in, status, next = 1, k;

	util_set_progname("importbench");
	while ((ch = getopt(argc, argv, "b:c:d:")) != -1) {
		switch (ch) {
		case 'b':
			batch = xasprintf("--batch=%s", optarg);
			break;
		case 'c':
			citata = optarg;
			break;
		case 'd':
			db = optarg;
			break;
		default:
			fprintf(stderr, "usage: importbench [-b N] [-c citata] [-d DB] "
			    "DIR\n");
			return 2;
		}
	}
	if (optind != argc - 1)
		fatal("usage: importbench [-b N] [-c citata] [-d DB] DIR");
	nfiles = scan(argv[optind], &fs, &total, &bytes);
	if (total == 0)
		fatal("%s: no articles", argv[optind]);
	for (k = 0; k < 3; k++) {
		p = xasprintf("%s%s", db, k == 0 ? "" : k == 1 ? "-wal" :
		    "-shm");
		unlink(p);
		free(p);
	}
	if ((in = inotify_init1(IN_CLOEXEC)) == -1 ||
	    inotify_add_watch(in, argv[optind], IN_OPEN) == -1)
		fatal("inotify: %s", strerror(errno));

	t0 = bench_now();
	if ((pid = fork()) == -1)
		fatal("fork: %s", strerror(errno));
	if (pid == 0) {
		if (batch != NULL)
			execl(citata, citata, "-d", db, "import", batch,
			    argv[optind], (char *)NULL);
		else
			execl(citata, citata, "-d", db, "import", argv[optind],
			    (char *)NULL);
		_exit(127);
	}
	marks_kb[0] = 0;
	marks_done[0] = 0;
	marks_t[0] = 0;
	pfd.fd = in;
	pfd.events = POLLIN;
	for (;;) {
		if (waitpid(pid, &status, WNOHANG) == pid)
			break;
		kb = rss_kb(pid);
		if (kb > peak)
			peak = kb;
		if (poll(&pfd, 1, 100) <= 0)
			continue;
		r = read(in, ev, sizeof(ev));
		off = 0;
		kb = rss_kb(pid);
		t = bench_now() - t0;
		while (off < r) {
			struct inotify_event	*ie = (void *)(ev + off);
			struct file		 key, *f;

			off += (ssize_t)sizeof(*ie) + ie->len;
			if (ie->len == 0)
				continue;
			key.name = ie->name;
			if ((f = bsearch(&key, fs, nfiles, sizeof(*fs),
			    cmp_file)) == NULL)
				continue;
			done = f->before;
			while (next <= 10 && done >= total * next / 10) {
				marks_kb[next] = kb;
				marks_t[next] = t;
				marks_done[next] = done;
				next++;
			}
		}
	}
	t = bench_now() - t0;
	if (getrusage(RUSAGE_CHILDREN, &ru) == 0 && ru.ru_maxrss > peak)
		peak = ru.ru_maxrss;
	if (!WIFEXITED(status) || WEXITSTATUS(status) > 1) {
		printf("importbench: the import failed (status %d)\n", status);
		return 1;
	}
	marks_kb[10] = peak;
	marks_t[10] = t;
	marks_done[10] = total;
	printf("import of %ld articles (%.1f MB of JSON Lines in %zu files) "
	    "into %s\n", total, bytes / 1e6, nfiles, db);
	printf("  %.1f s: %.0f articles/s, %.2f MB/s, peak RSS %.1f MB\n",
	    t, (double)total / t, bytes / 1e6 / t, peak / 1024.0);
	printf("  RSS as the import goes (articles done, time, RSS):\n");
	for (k = 1; k <= 10; k++)
		if ((k < next && (k == 1 || marks_done[k] != marks_done[k - 1]))
		    || k == 10)
			printf("    %8ld %8.1f s %7.1f MB%s\n", marks_done[k],
			    marks_t[k], marks_kb[k] / 1024.0, k == 10 ?
			    " (peak of the whole run)" : "");
	if (stat(db, &sb) == 0)
		printf("  archive: %.1f MB\n", (double)sb.st_size / 1e6);
	for (i = 0; i < nfiles; i++)
		free(fs[i].name);
	free(fs);
	free(batch);
	return 0;
}
