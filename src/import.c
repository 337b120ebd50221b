/*
 * import.c: article files to struct article, with diagnostics that name
 * the file, the line and the reason.  Two formats, the plain-text seed
 * format and JSON Lines; a bad record is skipped and reported, the rest
 * of the file still comes through.
 */
#include "config.h"

#include "import.h"

#include <ctype.h>
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <jansson.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "article.h"
#include "text.h"
#include "util.h"

/* State of the text-format parser for the record being read. */
struct record {
	int		 open;		/* a header has been seen */
	int		 bad;		/* a diagnostic was given: skip it */
	long		 line;		/* line of the header */
	char		*title;		/* from the header, NULL if none */
	char		*date;
	struct buf	 text;
	int		 para_break;	/* a blank line since the last text */
	int		 in_para;	/* the previous line had text */
};

struct parser {
	const char		*name;
	import_emit_fn		 emit;
	import_diag_fn		 diag;
	void			*ctx;
	struct import_result	*res;
	int			 stopped;
};

static void	 parser_diag(struct parser *, long, long, const char *, ...)
		    __attribute__((format(printf, 4, 5)));
static int	 line_blank(const char *, size_t);
static int	 header_parse(const char *, size_t, size_t *, size_t *,
		    size_t *, size_t *, int *);
static void	 record_begin(struct record *, const char *, size_t, long,
		    size_t, size_t, size_t);
static void	 record_add_line(struct record *, const char *, size_t);
static void	 record_end(struct parser *, struct record *);
static void	 record_clear(struct record *);
static void	 nfc_replace(char **);
static int	 article_finish(struct parser *, struct article *, long);
static void	 trim(const char **, size_t *);
static char	*normalize_newlines(const char *, size_t, size_t *);
static void	 parse_text(struct parser *, const char *, size_t);
static void	 parse_jsonl(struct parser *, const char *, size_t);
static char	*json_opt_string(struct parser *, json_t *, const char *,
		    long, int *);
static int	 sentence_end(const char *, size_t, size_t);
static int	 attribution_find(const char *, size_t, size_t *, size_t *,
		    size_t *);
static char	*source_clean(const char *, size_t);
static int	 expand_dir(const char *, char ***, size_t *, size_t *,
		    import_diag_fn, void *);
static void	 files_add(char ***, size_t *, size_t *, char *);
static int	 name_cmp(const void *, const void *);
static int	 has_suffix(const char *, const char *);

static void
parser_diag(struct parser *p, long line, long col, const char *fmt, ...)
{
	va_list	 ap;
	char	*msg;

	va_start(ap, fmt);
	msg = xvasprintf(fmt, ap);
	va_end(ap);
	if (p->diag != NULL)
		p->diag(p->ctx, p->name, line, col, msg);
	free(msg);
}

enum import_format
import_format_guess(const char *name, const char *data, size_t len)
{
	size_t	i;

	if (has_suffix(name, ".jsonl") || has_suffix(name, ".json"))
		return IMPORT_JSONL;
	if (strcmp(name, "-") != 0)
		return IMPORT_TEXT;
	for (i = 0; i < len; i++) {
		if (isspace((unsigned char)data[i]))
			continue;
		return data[i] == '{' ? IMPORT_JSONL : IMPORT_TEXT;
	}
	return IMPORT_TEXT;
}

int
import_parse(const char *name, const char *data, size_t len,
    enum import_format fmt, import_emit_fn emit, import_diag_fn diag,
    void *ctx, struct import_result *res)
{
	struct parser	p;
	size_t		probe = len < 8192 ? len : 8192;

	p.name = name;
	p.emit = emit;
	p.diag = diag;
	p.ctx = ctx;
	p.res = res;
	p.stopped = 0;
	if (memchr(data, '\0', probe) != NULL) {
		parser_diag(&p, 1, 0, "binary data (NUL bytes), file skipped");
		res->skipped++;
		return 0;
	}
	if (fmt == IMPORT_JSONL)
		parse_jsonl(&p, data, len);
	else
		parse_text(&p, data, len);
	return p.stopped ? -1 : 0;
}

static int
line_blank(const char *s, size_t n)
{
	size_t	i;

	for (i = 0; i < n; i++)
		if (s[i] != ' ' && s[i] != '\t' && s[i] != '\r' &&
		    s[i] != '\f' && s[i] != '\v')
			return 0;
	return 1;
}

int
import_date_valid(const char *s, size_t len)
{
	static const int	mdays[] = { 31, 29, 31, 30, 31, 30, 31, 31,
				    30, 31, 30, 31 };
	int			y, m, d;
	size_t			i;

	if (len != 10 || s[4] != '-' || s[7] != '-')
		return -1;
	for (i = 0; i < 10; i++)
		if (i != 4 && i != 7 && !isdigit((unsigned char)s[i]))
			return -1;
	y = (s[0] - '0') * 1000 + (s[1] - '0') * 100 + (s[2] - '0') * 10 +
	    (s[3] - '0');
	m = (s[5] - '0') * 10 + (s[6] - '0');
	d = (s[8] - '0') * 10 + (s[9] - '0');
	if (y < 1000 || m < 1 || m > 12 || d < 1 || d > mdays[m - 1])
		return -1;
	if (m == 2 && d == 29 && !(y % 4 == 0 && (y % 100 != 0 ||
	    y % 400 == 0)))
		return -1;
	return 0;
}

/*
 * Recognizes a record header in line s[0..n).  On success returns 1 and
 * sets the title span [*ts, *te), the date span at *ds (10 bytes, or the
 * bad token's length in *dl) and the start of the first paragraph *rest;
 * *bad_date is set when the line is plainly a header ("date" first) but
 * its date is not a valid YYYY-MM-DD.  Returns 0 for an ordinary line.
 */
static int
header_parse(const char *s, size_t n, size_t *ts, size_t *te, size_t *ds,
    size_t *rest, int *bad_date)
{
	size_t	i = 0, j, k;

	*bad_date = 0;
	while (i < n && (s[i] == ' ' || s[i] == '\t'))
		i++;
	/* Without a title: "date" comes first, whatever follows. */
	if (n - i >= 5 && memcmp(s + i, "date", 4) == 0 &&
	    (s[i + 4] == ' ' || s[i + 4] == '\t')) {
		j = i + 5;
		while (j < n && (s[j] == ' ' || s[j] == '\t'))
			j++;
		k = j;
		while (k < n && s[k] != ' ' && s[k] != '\t')
			k++;
		*ts = *te = i;
		*ds = j;
		if (import_date_valid(s + j, k - j) != 0)
			*bad_date = 1;
		while (k < n && (s[k] == ' ' || s[k] == '\t'))
			k++;
		*rest = k;
		return 1;
	}
	/* With a title: the first " date YYYY-MM-DD" with a valid date. */
	for (j = i; j + 16 <= n; j++) {
		if (memcmp(s + j, " date ", 6) != 0)
			continue;
		if (import_date_valid(s + j + 6, 10) != 0)
			continue;
		if (j + 16 < n && s[j + 16] != ' ' && s[j + 16] != '\t')
			continue;
		*ts = i;
		*te = j;
		*ds = j + 6;
		k = j + 16;
		while (k < n && (s[k] == ' ' || s[k] == '\t'))
			k++;
		*rest = k;
		return 1;
	}
	return 0;
}

static void
record_begin(struct record *r, const char *s, size_t n, long line,
    size_t ts, size_t te, size_t ds)
{
	const char	*t = s + ts;
	size_t		 tl = te - ts;

	r->open = 1;
	r->bad = 0;
	r->line = line;
	trim(&t, &tl);
	r->title = tl > 0 ? xstrndup(t, tl) : NULL;
	/* A bad date may be shorter, at the very end of the input. */
	r->date = xstrndup(s + ds, n - ds < 10 ? n - ds : 10);
	buf_reset(&r->text);
	r->para_break = 0;
	r->in_para = 0;
}

/* Adds one non-blank line: a new paragraph after a blank line, else a
 * hard line break inside the paragraph.  A CR inside it is a line break
 * too. */
static void
record_add_line(struct record *r, const char *s, size_t n)
{
	size_t	i;

	trim(&s, &n);
	if (n == 0)
		return;
	if (r->text.len > 0)
		buf_adds(&r->text, r->para_break ? "\n\n" : "\n");
	/* A lone CR is a line break, as in JSON Lines text, so that an
	 * exported article imports again unchanged. */
	i = r->text.len;
	buf_add(&r->text, s, n);
	for (; i < r->text.len; i++)
		if (r->text.data[i] == '\r')
			r->text.data[i] = '\n';
	r->para_break = 0;
	r->in_para = 1;
}

static void
record_clear(struct record *r)
{
	free(r->title);
	free(r->date);
	r->title = r->date = NULL;
	r->open = 0;
	buf_reset(&r->text);
}

static void
record_end(struct parser *p, struct record *r)
{
	struct article	*a;

	if (!r->open)
		return;
	if (r->bad) {
		p->res->skipped++;
	} else if (r->text.len == 0) {
		parser_diag(p, r->line, 0, "empty article, skipped");
		p->res->skipped++;
	} else if (!p->stopped) {
		a = article_new();
		a->date = r->date;
		a->title = r->title;
		r->date = r->title = NULL;
		a->text = xstrndup(r->text.data, r->text.len);
		a->len = r->text.len;
		if (article_finish(p, a, r->line) != 0)
			p->stopped = 1;
	}
	record_clear(r);
}

/* Replaces the string *s, if any, with its NFC form. */
static void
nfc_replace(char **s)
{
	char	*t;
	size_t	 n;

	if (*s == NULL)
		return;
	t = text_nfc(*s, strlen(*s), &n);
	free(*s);
	*s = t;
}

/*
 * Common end of both formats: NFC for every string, derived title and
 * source, then the article goes to the caller.
 */
static int
article_finish(struct parser *p, struct article *a, long line)
{
	char	*t, *title = NULL, *source = NULL;
	size_t	 n, para;

	t = text_nfc(a->text, a->len, &n);
	free(a->text);
	a->text = t;
	a->len = n;
	if (a->title == NULL || a->source == NULL) {
		para = n;
		if ((t = strstr(a->text, "\n\n")) != NULL)
			para = (size_t)(t - a->text);
		import_derive(a->text, para, &title, &source);
		if (a->title == NULL) {
			a->title = title;
			a->title_derived = 1;
			title = NULL;
		}
		if (a->source == NULL) {
			a->source = source;
			source = NULL;
		}
		free(title);
		free(source);
	}
	nfc_replace(&a->title);
	nfc_replace(&a->source);
	nfc_replace(&a->url);
	a->origin = xstrdup(p->name);
	a->line = line;
	p->res->records++;
	return p->emit(p->ctx, a);
}

static void
trim(const char **s, size_t *n)
{
	while (*n > 0 && isspace((unsigned char)**s))
		(*s)++, (*n)--;
	while (*n > 0 && isspace((unsigned char)(*s)[*n - 1]))
		(*n)--;
}

static void
parse_text(struct parser *p, const char *data, size_t len)
{
	struct record	 r;
	size_t		 off = 0, n, ts, te, ds, rest, bad;
	long		 line = 0, stray = 0;
	int		 prev_blank = 1, bad_date;
	const char	*s, *ls, *nl;

	memset(&r, 0, sizeof(r));
	buf_init(&r.text);
	while (off < len && !p->stopped) {
		s = ls = data + off;
		nl = memchr(s, '\n', len - off);
		n = nl != NULL ? (size_t)(nl - s) : len - off;
		off += n + (nl != NULL);
		line++;
		if (n > 0 && s[n - 1] == '\r')
			n--;
		if (n > IMPORT_MAX_LINE) {
			/* A header too long to keep still starts a record,
			 * so that its paragraphs are skipped with it. */
			if (prev_blank && header_parse(s, 4096, &ts, &te, &ds,
			    &rest, &bad_date)) {
				record_end(p, &r);
				stray = 0;
				record_begin(&r, s, n, line, ts, te, ds);
			}
			parser_diag(p, line, 0,
			    "line longer than 1 MiB (%zu bytes), %s", n,
			    r.open ? "article skipped" : "line skipped");
			if (r.open)
				r.bad = 1;
			prev_blank = 0;
			continue;
		}
		if (line_blank(s, n)) {
			prev_blank = 1;
			if (r.open && r.in_para)
				r.para_break = 1, r.in_para = 0;
			continue;
		}
		if (prev_blank && header_parse(s, n, &ts, &te, &ds, &rest,
		    &bad_date)) {
			record_end(p, &r);
			stray = 0;
			if (p->stopped)
				break;
			record_begin(&r, s, n, line, ts, te, ds);
			if (bad_date) {
				size_t	k = ds;

				while (k < n && s[k] != ' ' && s[k] != '\t')
					k++;
				parser_diag(p, line, (long)ds + 1,
				    "bad date '%.*s' (want YYYY-MM-DD), "
				    "article skipped", (int)(k - ds > 40 ? 40 :
				    k - ds), s + ds);
				r.bad = 1;
			}
			s += rest;
			n -= rest;
		}
		prev_blank = 0;
		/* The whole line: a header's title is kept too. */
		if (text_utf8_check(ls, (size_t)(s - ls) + n, &bad) != 0) {
			parser_diag(p, line, (long)(bad + 1),
			    "invalid UTF-8, %s",
			    r.open ? "article skipped" : "line skipped");
			if (r.open)
				r.bad = 1;
			continue;
		}
		if (memchr(ls, '\0', (size_t)(s - ls) + n) != NULL) {
			parser_diag(p, line, 0, "NUL byte (binary data), %s",
			    r.open ? "article skipped" : "line skipped");
			if (r.open)
				r.bad = 1;
			continue;
		}
		if (!r.open) {
			if (stray++ == 0) {
				parser_diag(p, line, 0, "text before the first "
				    "' date YYYY-MM-DD' header, skipped");
				p->res->skipped++;
			}
			continue;
		}
		record_add_line(&r, s, n);
	}
	record_end(p, &r);
	record_clear(&r);
	buf_free(&r.text);
}

static char *
normalize_newlines(const char *s, size_t n, size_t *outlen)
{
	struct buf	b;
	size_t		i;

	buf_init(&b);
	trim(&s, &n);
	for (i = 0; i < n; i++) {
		if (s[i] == '\r' && i + 1 < n && s[i + 1] == '\n')
			continue;
		buf_addc(&b, s[i] == '\r' ? '\n' : s[i]);
	}
	*outlen = b.len;
	return buf_steal(&b);
}

/* An optional string member: NULL when absent or null; a diagnostic and
 * *bad when it is of another type. */
static char *
json_opt_string(struct parser *p, json_t *o, const char *key, long line,
    int *bad)
{
	json_t		*v = json_object_get(o, key);
	const char	*s;
	size_t		 n;

	if (v == NULL || json_is_null(v))
		return NULL;
	if (!json_is_string(v)) {
		parser_diag(p, line, 0, "\"%s\" is not a string, "
		    "article skipped", key);
		*bad = 1;
		return NULL;
	}
	s = json_string_value(v);
	n = json_string_length(v);
	trim(&s, &n);
	if (n == 0)
		return NULL;
	if (memchr(s, '\0', n) != NULL) {
		parser_diag(p, line, 0, "\"%s\" holds a NUL byte, "
		    "article skipped", key);
		*bad = 1;
		return NULL;
	}
	return xstrndup(s, n);
}

static void
parse_jsonl(struct parser *p, const char *data, size_t len)
{
	struct article	*a;
	json_t		*o, *v;
	json_error_t	 err;
	const char	*s, *nl, *str;
	size_t		 off = 0, n;
	long		 line = 0;
	int		 bad;

	while (off < len && !p->stopped) {
		s = data + off;
		nl = memchr(s, '\n', len - off);
		n = nl != NULL ? (size_t)(nl - s) : len - off;
		off += n + (nl != NULL);
		line++;
		if (line_blank(s, n))
			continue;
		if (n > IMPORT_MAX_LINE) {
			parser_diag(p, line, 0, "line longer than 1 MiB "
			    "(%zu bytes), article skipped", n);
			p->res->skipped++;
			continue;
		}
		o = json_loadb(s, n, JSON_REJECT_DUPLICATES, &err);
		if (o == NULL) {
			parser_diag(p, line, err.column > 0 ? err.column : 0,
			    "bad JSON: %s, article skipped", err.text);
			p->res->skipped++;
			continue;
		}
		bad = 0;
		a = NULL;
		if (!json_is_object(o)) {
			parser_diag(p, line, 0, "not a JSON object, "
			    "article skipped");
			bad = 1;
		} else if ((v = json_object_get(o, "text")) == NULL ||
		    !json_is_string(v)) {
			parser_diag(p, line, 0, "no \"text\" string, "
			    "article skipped");
			bad = 1;
		} else if (memchr(json_string_value(v), '\0',
		    json_string_length(v)) != NULL) {
			parser_diag(p, line, 0, "\"text\" holds a NUL byte, "
			    "article skipped");
			bad = 1;
		} else {
			a = article_new();
			a->text = normalize_newlines(json_string_value(v),
			    json_string_length(v), &a->len);
			if (a->len == 0) {
				parser_diag(p, line, 0, "empty article, "
				    "skipped");
				bad = 1;
			}
		}
		if (!bad) {
			v = json_object_get(o, "date");
			str = json_is_string(v) ? json_string_value(v) : NULL;
			if (str == NULL) {
				parser_diag(p, line, 0, "no \"date\" string, "
				    "article skipped");
				bad = 1;
			} else if (import_date_valid(str, strlen(str)) != 0) {
				parser_diag(p, line, 0, "bad date '%.40s' "
				    "(want YYYY-MM-DD), article skipped", str);
				bad = 1;
			} else
				a->date = xstrdup(str);
		}
		if (!bad) {
			a->title = json_opt_string(p, o, "title", line, &bad);
			a->source = json_opt_string(p, o, "source", line, &bad);
			a->url = json_opt_string(p, o, "url", line, &bad);
		}
		json_decref(o);
		if (bad) {
			article_free(a);
			p->res->skipped++;
			continue;
		}
		if (article_finish(p, a, line) != 0)
			p->stopped = 1;
	}
}

/*
 * Whether the sentence ends at the mark at s[i]: the mark is followed by
 * white space or the end, and is not the point of an initial ("Е.") or a
 * common abbreviation ("г.", "ул.").
 */
static int
sentence_end(const char *s, size_t n, size_t i)
{
	static const char	*abbr[] = { "г", "гг", "им", "ул", "пр", "д",
				    "св", "проф", "акад", "ген", "т", "н", "см",
				    "др", "р", "обл", "р-н", "ст", "тыс", "млн",
				    "млрд", "руб", "с", "вв", "в", NULL };
	size_t			 j, k, w;
	const char		*mark = s + i;

	if (*mark == '.' || *mark == '!' || *mark == '?')
		w = 1;
	else if (n - i >= 3 && memcmp(mark, "\xe2\x80\xa6", 3) == 0)
		w = 3;
	else
		return 0;
	if (i + w < n && s[i + w] != ' ' && s[i + w] != '\n')
		return 0;
	if (*mark != '.')
		return 1;
	/* The word before the point. */
	j = i;
	while (j > 0 && s[j - 1] != ' ' && s[j - 1] != '\n' &&
	    s[j - 1] != '(' && s[j - 1] != '.')
		j--;
	if (j == i)
		return 1;
	/* A single capital letter, Latin or Cyrillic: an initial. */
	if ((i - j == 1 && isupper((unsigned char)s[j])) ||
	    (i - j == 2 && (unsigned char)s[j] >= 0xd0 &&
	    (unsigned char)s[j] <= 0xd4 &&
	    ((unsigned char)s[j] == 0xd0 && (unsigned char)s[j + 1] >= 0x81 &&
	    (unsigned char)s[j + 1] <= 0xaf)))
		return 0;
	for (k = 0; abbr[k] != NULL; k++)
		if (strlen(abbr[k]) == i - j && memcmp(s + j, abbr[k],
		    i - j) == 0)
			return 0;
	return 1;
}

/*
 * Finds a media attribution ", передает SOURCE" that ends a sentence of
 * p[0..n).  Sets the span of ", передает SOURCE" [*as, *ae) and where the
 * source starts (*ss).  Returns 0 when found.
 */
static int
attribution_find(const char *p, size_t n, size_t *as, size_t *ae,
    size_t *ss)
{
	static const char	*verbs[] = { "передает", "передаёт", "передают",
				    "сообщает", "сообщают", "пишет", "пишут",
				    "информирует", NULL };
	size_t			 i, k, vl, e;

	for (i = 0; i + 2 < n; i++) {
		if (p[i] != ',' || p[i + 1] != ' ')
			continue;
		for (k = 0; verbs[k] != NULL; k++) {
			vl = strlen(verbs[k]);
			if (i + 2 + vl + 1 < n && memcmp(p + i + 2, verbs[k],
			    vl) == 0 && p[i + 2 + vl] == ' ')
				break;
		}
		if (verbs[k] == NULL)
			continue;
		/* The source runs to the end of the sentence. */
		for (e = i + 3 + vl; e < n; e++)
			if (p[e] == ',' || p[e] == ';' || p[e] == '(' ||
			    sentence_end(p, n, e))
				break;
		if (e < n && p[e] != '.' && p[e] != '!' && p[e] != '?')
			continue;
		*as = i;
		*ae = e;
		*ss = i + 3 + vl;
		return 0;
	}
	return -1;
}

/* The outlet's name from an attribution's tail ("корреспондент BAQ.KZ"):
 * NULL when it does not look like a name. */
static char *
source_clean(const char *s, size_t n)
{
	static const char	*lead[] = { "корреспондент ", "собственный ",
				    "корр. ", "сайт ", "портал ", "агентство ",
				    "информагентство ", "издание ", "газета ",
				    NULL };
	size_t			 k, l, words = 1, i;
	const char		*cut;

	trim(&s, &n);
	for (k = 0; lead[k] != NULL; k++) {
		l = strlen(lead[k]);
		if (n > l && memcmp(s, lead[k], l) == 0) {
			s += l;
			n -= l;
			k = (size_t)-1;		/* again from the start */
		}
	}
	cut = NULL;
	for (i = 0; i + 12 <= n; i++)
		if (memcmp(s + i, " со ссылкой", 12 - 1) == 0) {
			cut = s + i;
			break;
		}
	if (cut != NULL)
		n = (size_t)(cut - s);
	trim(&s, &n);
	for (i = 0; i < n; i++)
		if (s[i] == ' ')
			words++;
	if (n == 0 || n > 80 || words > 5)
		return NULL;
	return xstrndup(s, n);
}

void
import_derive(const char *p, size_t len, char **title, char **source)
{
	struct buf	 b;
	size_t		 i, end = len, as = 0, ae, ss, chars = 0, cut = 0;
	const char	*nl;

	*title = NULL;
	*source = NULL;
	if ((nl = memchr(p, '\n', len)) != NULL)
		end = len = (size_t)(nl - p);
	if (attribution_find(p, len, &as, &ae, &ss) == 0)
		*source = source_clean(p + ss, ae - ss);
	for (i = 0; i < len; i++)
		if (sentence_end(p, len, i)) {
			end = i;
			break;
		}
	buf_init(&b);
	if (*source != NULL && as < end)
		buf_add(&b, p, as);
	else
		buf_add(&b, p, end);
	/* Drop the closing point of a plain sentence; keep ! and ?. */
	if (end < len && p[end] != '.' && (*source == NULL || as >= end))
		buf_add(&b, p + end, p[end] == '\xe2' ? 3 : 1);
	/* No trailing blanks ("Конец ."): import trims a given title, so
	 * the exported article would come back with another one. */
	while (b.len > 0 && isspace((unsigned char)b.data[b.len - 1]))
		b.data[--b.len] = '\0';
	/* At most 160 characters, cut at a space. */
	for (i = 0; i < b.len; i++) {
		if (((unsigned char)b.data[i] & 0xc0) == 0x80)
			continue;
		if (b.data[i] == ' ' && chars <= 160)
			cut = i;
		if (++chars > 160)
			break;
	}
	if (chars > 160) {
		b.len = cut > 0 ? cut : i;
		b.data[b.len] = '\0';
		buf_adds(&b, "\xe2\x80\xa6");
	}
	if (b.len == 0)
		buf_adds(&b, "(untitled)");
	*title = buf_steal(&b);
}

static int
has_suffix(const char *s, const char *suffix)
{
	size_t	n = strlen(s), m = strlen(suffix);

	return n >= m && strcmp(s + n - m, suffix) == 0;
}

static void
files_add(char ***files, size_t *n, size_t *cap, char *f)
{
	if (*n == *cap) {
		*cap = *cap == 0 ? 16 : *cap * 2;
		*files = xreallocarray(*files, *cap, sizeof(**files));
	}
	(*files)[(*n)++] = f;
}

static int
name_cmp(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* Adds the *.txt and *.jsonl files under dir, sorted, depth first. */
static int
expand_dir(const char *dir, char ***files, size_t *n, size_t *cap,
    import_diag_fn diag, void *ctx)
{
	DIR		 *d;
	struct dirent	 *e;
	struct stat	  st;
	char		**names = NULL, *path;
	size_t		  nn = 0, ncap = 0, i;

	if ((d = opendir(dir)) == NULL) {
		char	*msg = xasprintf("cannot open directory: %s",
		    strerror(errno));

		diag(ctx, dir, 0, 0, msg);
		free(msg);
		return -1;
	}
	while ((e = readdir(d)) != NULL) {
		if (e->d_name[0] == '.')
			continue;
		files_add(&names, &nn, &ncap, xstrdup(e->d_name));
	}
	closedir(d);
	qsort(names, nn, sizeof(*names), name_cmp);
	for (i = 0; i < nn; i++) {
		path = xasprintf("%s%s%s", dir,
		    has_suffix(dir, "/") ? "" : "/", names[i]);
		free(names[i]);
		if (stat(path, &st) != 0) {
			free(path);
			continue;
		}
		if (S_ISDIR(st.st_mode)) {
			expand_dir(path, files, n, cap, diag, ctx);
			free(path);
		} else if (S_ISREG(st.st_mode) && (has_suffix(path, ".txt") ||
		    has_suffix(path, ".jsonl")))
			files_add(files, n, cap, path);
		else
			free(path);
	}
	free(names);
	return 0;
}

size_t
import_expand(char **args, size_t nargs, char ***files, import_diag_fn diag,
    void *ctx)
{
	struct stat	st;
	size_t		i, n = 0, cap = 0;
	char		*msg;

	*files = NULL;
	for (i = 0; i < nargs; i++) {
		if (strcmp(args[i], "-") == 0) {
			files_add(files, &n, &cap, xstrdup("-"));
			continue;
		}
		if (stat(args[i], &st) != 0) {
			msg = xasprintf("%s", strerror(errno));
			diag(ctx, args[i], 0, 0, msg);
			free(msg);
			continue;
		}
		if (S_ISDIR(st.st_mode))
			expand_dir(args[i], files, &n, &cap, diag, ctx);
		else
			files_add(files, &n, &cap, xstrdup(args[i]));
	}
	return n;
}

char *
import_read_file(const char *path, size_t *len, char **cause)
{
	struct buf	b;
	ssize_t		r;
	int		fd;

	if (strcmp(path, "-") == 0)
		fd = STDIN_FILENO;
	else if ((fd = open(path, O_RDONLY | O_CLOEXEC)) == -1) {
		*cause = xasprintf("%s", strerror(errno));
		return NULL;
	}
	buf_init(&b);
	for (;;) {
		buf_grow(&b, 65536);
		r = read(fd, b.data + b.len, b.cap - b.len - 1);
		if (r == 0)
			break;
		if (r < 0) {
			if (errno == EINTR)
				continue;
			*cause = xasprintf("%s", strerror(errno));
			if (fd != STDIN_FILENO)
				close(fd);
			buf_free(&b);
			return NULL;
		}
		b.len += (size_t)r;
		b.data[b.len] = '\0';
	}
	if (fd != STDIN_FILENO)
		close(fd);
	*len = b.len;
	return buf_steal(&b);
}
