/*
 * ui_fetch.c: "citata fetch" run from the reader in the background: a
 * child process in its own process group, whose lines the reader reads
 * as they come, so the screen never waits for the network and a slow
 * feed never freezes a key.  The child writes the archive through its
 * own connection; the reader reads it again when the child is done.
 */
#include "config.h"

#include <sys/types.h>
#include <sys/wait.h>

#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "ui.h"
#include "util.h"

struct ui_fetch {
	pid_t		 pid;
	int		 fd;		/* the child's stdout and stderr */
	struct buf	 line;		/* a line not yet ended */
	struct ui_fetch_state st;
};

static void	fetch_line(struct ui_fetch *, const char *, size_t);

struct ui_fetch *
ui_fetch_start(const char *dbpath, char **cause)
{
	struct ui_fetch	*f;
	char		 self[4096];
	ssize_t		 n;
	int		 p[2], null;
	pid_t		 pid;

	if ((n = readlink("/proc/self/exe", self, sizeof(self) - 1)) <= 0)
		snprintf(self, sizeof(self), "%s", util_progname());
	else
		self[n] = '\0';
	if (pipe(p) != 0) {
		*cause = xasprintf("cannot make a pipe: %s", strerror(errno));
		return NULL;
	}
	if ((pid = fork()) < 0) {
		*cause = xasprintf("cannot start fetch: %s", strerror(errno));
		close(p[0]);
		close(p[1]);
		return NULL;
	}
	if (pid == 0) {
		/* Its own process group: C-c in the reader is the reader's;
		 * the reader stops the child itself (ui_fetch_stop()). */
		setpgid(0, 0);
		signal(SIGINT, SIG_DFL);
		signal(SIGTERM, SIG_DFL);
		signal(SIGHUP, SIG_DFL);
		if ((null = open("/dev/null", O_RDONLY)) >= 0) {
			dup2(null, STDIN_FILENO);
			close(null);
		}
		dup2(p[1], STDOUT_FILENO);
		dup2(p[1], STDERR_FILENO);
		close(p[0]);
		close(p[1]);
		execl(self, "citata", "-d", dbpath, "fetch", (char *)NULL);
		execlp(self, "citata", "-d", dbpath, "fetch", (char *)NULL);
		dprintf(STDERR_FILENO, "citata: cannot run %s: %s\n", self,
		    strerror(errno));
		_exit(2);
	}
	close(p[1]);
	fcntl(p[0], F_SETFL, fcntl(p[0], F_GETFL) | O_NONBLOCK);
	fcntl(p[0], F_SETFD, FD_CLOEXEC);
	f = xcalloc(1, sizeof(*f));
	f->pid = pid;
	f->fd = p[0];
	buf_init(&f->line);
	return f;
}

int
ui_fetch_fd(const struct ui_fetch *f)
{
	return f->fd;
}

/*
 * One line of the child: "NAME: 3 new, ..." or "NAME: not modified"
 * for a feed done, "citata: fetch: ..." for a problem, "fetched ..." to
 * end.
 */
static void
fetch_line(struct ui_fetch *f, const char *s, size_t n)
{
	struct ui_fetch_state	*st = &f->st;
	const char		*p;
	char			*l = xstrndup(s, n);
	long			 k;

	if (strncmp(l, "citata: fetch: ", 15) == 0) {
		if (strstr(l, " left out: ") == NULL &&
		    strstr(l, " moved permanently;") == NULL &&
		    strstr(l, " manual quotes were removed") == NULL) {
			st->failed++;
			free(st->problem);
			st->problem = xstrdup(l + 15);
		}
	} else if (strncmp(l, "citata: ", 8) == 0) {
		free(st->problem);
		st->problem = xstrdup(l + 8);
	} else if (strncmp(l, "fetched ", 8) == 0) {
		free(st->summary);
		st->summary = xstrdup(l);
	} else if ((p = strstr(l, ": ")) != NULL) {
		st->feeds++;
		if (sscanf(p + 2, "%ld new", &k) == 1 && k > 0)
			st->added += (size_t)k;
	}
	free(l);
}

int
ui_fetch_read(struct ui_fetch *f)
{
	char	 b[4096], *nl;
	size_t	 used;
	ssize_t	 n;
	int	 status;

	for (;;) {
		n = read(f->fd, b, sizeof(b));
		if (n > 0) {
			buf_add(&f->line, b, (size_t)n);
			while ((nl = memchr(f->line.data, '\n',
			    f->line.len)) != NULL) {
				used = (size_t)(nl + 1 - f->line.data);
				fetch_line(f, f->line.data, used - 1);
				memmove(f->line.data, nl + 1,
				    f->line.len - used + 1);
				f->line.len -= used;
			}
			continue;
		}
		if (n < 0 && errno == EINTR)
			continue;
		if (n < 0)
			return 0;	/* EAGAIN: nothing more for now */
		break;			/* end of file: the child is done */
	}
	if (f->line.len > 0)
		fetch_line(f, f->line.data, f->line.len);
	buf_reset(&f->line);
	while (waitpid(f->pid, &status, 0) < 0 && errno == EINTR)
		;
	f->st.status = WIFEXITED(status) ? WEXITSTATUS(status) : 2;
	f->pid = -1;
	return 1;
}

const struct ui_fetch_state *
ui_fetch_state(const struct ui_fetch *f)
{
	return &f->st;
}

void
ui_fetch_stop(struct ui_fetch *f)
{
	int	status;

	if (f == NULL)
		return;
	if (f->pid > 0) {
		kill(f->pid, SIGTERM);
		while (waitpid(f->pid, &status, 0) < 0 && errno == EINTR)
			;
	}
	close(f->fd);
	buf_free(&f->line);
	free(f->st.summary);
	free(f->st.problem);
	free(f);
}
