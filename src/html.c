/*
 * html.c: HTML to article text with libxml2's HTML parser.  The input is
 * first made valid UTF-8 (converted from its charset, invalid bytes as
 * U+FFFD), parsed, and the tree walked into a stream of text, spaces,
 * line breaks and cell marks; a last pass trims and joins the lines
 * into paragraphs.  No I/O.
 */
#include "config.h"

#include "html.h"

#include <ctype.h>
#include <errno.h>
#include <iconv.h>
#include <libxml/HTMLparser.h>
#include <libxml/tree.h>
#include <limits.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <unistr.h>

#include "text.h"
#include "util.h"

/* Stands for a table cell boundary in the stream; document text never
 * holds it, since every C0 control is dropped on the way in. */
#define CELL	'\001'

/* Options of the HTML parser: no network, no messages, the encoding is
 * ours (the input is UTF-8 by then, whatever a <meta> says). */
#define HTML_OPTIONS	(HTML_PARSE_NONET | HTML_PARSE_NOERROR | \
			    HTML_PARSE_NOWARNING | HTML_PARSE_RECOVER | \
			    HTML_PARSE_IGNORE_ENC)

/* The tree walk's output, before lines are trimmed and joined. */
struct walk {
	struct buf	out;
	int		pre;	/* depth of <pre> elements */
};

static size_t	utf8_decode(const unsigned char *, size_t, uint32_t *);
static void	put_fffd(struct buf *);
static void	to_utf8(struct buf *, const char *, size_t, const char *);
static int	is_named(const char *, const char *const *);
static int	is_dropped(const char *);
static int	is_block(const char *);
static void	add_text(struct walk *, const char *, size_t);
static int	walk_enter(struct walk *, xmlNodePtr);
static void	walk_leave(struct walk *, xmlNodePtr);
static void	walk_tree(struct walk *, xmlDocPtr);
static size_t	gap_len(const char *, size_t, size_t, int *, int *);
static void	join_lines(struct buf *, const char *, size_t);
static char	*finish(struct buf *, size_t *);
static int	is_tag_at(const char *, size_t, size_t);
static int	is_entity_at(const char *, size_t, size_t);

/* Dropped with everything in them. */
static const char *const dropped[] = {
	"script", "style", "noscript", "template", "iframe", "frame",
	"frameset", "object", "embed", "applet", "img", "picture", "video",
	"audio", "canvas", "map", "svg", "math", "form", "button", "input",
	"select", "textarea", "nav", "header", "footer", "aside", "head",
	"title", NULL
};

/* Paragraphs of their own. */
static const char *const blocks[] = {
	"address", "article", "blockquote", "body", "caption", "center",
	"dd", "details", "dir", "div", "dl", "dt", "fieldset", "figcaption",
	"figure", "h1", "h2", "h3", "h4", "h5", "h6", "hgroup", "hr", "html",
	"legend", "li", "listing", "main", "menu", "ol", "p", "plaintext",
	"pre", "section", "summary", "table", "tbody", "tfoot", "thead",
	"tr", "ul", "xmp", NULL
};

/* Element names html_is_markup() knows, besides the two lists above. */
static const char *const inline_names[] = {
	"a", "abbr", "acronym", "b", "bdi", "bdo", "big", "br", "cite",
	"code", "col", "colgroup", "data", "del", "dfn", "em", "font", "i",
	"ins", "kbd", "label", "link", "mark", "meta", "option", "param",
	"q", "rp", "rt", "ruby", "s", "samp", "small", "source", "span",
	"strike", "strong", "sub", "sup", "td", "th", "time", "track", "tt",
	"u", "var", "wbr", NULL
};

/* The code point of the valid UTF-8 character at s[0..n) in *c; returns
 * its length, 0 when s does not start a valid character (libunistring's
 * decoder: no overlong forms, surrogates or code points past U+10FFFF). */
static size_t
utf8_decode(const unsigned char *s, size_t n, uint32_t *c)
{
	ucs4_t	uc;
	int	len;

	if (n == 0 || (len = u8_mbtoucr(&uc, s, n)) <= 0)
		return 0;
	*c = uc;
	return (size_t)len;
}

static void
put_fffd(struct buf *b)
{
	buf_add(b, "\xef\xbf\xbd", 3);
}

/*
 * Appends s[0..len), in charset (NULL for UTF-8), to b as valid UTF-8
 * without NUL bytes: a byte that is not part of a valid character
 * becomes U+FFFD.  An unknown charset is read as UTF-8.
 */
static void
to_utf8(struct buf *b, const char *s, size_t len, const char *charset)
{
	iconv_t	 cd = (iconv_t)-1;
	size_t	 off = 0, n;
	uint32_t c;

	if (charset != NULL && strcasecmp(charset, "UTF-8") != 0 &&
	    strcasecmp(charset, "UTF8") != 0)
		cd = iconv_open("UTF-8", charset);
	if (cd != (iconv_t)-1) {
		char	 chunk[4096], *in = (char *)s, *o;
		size_t	 inleft = len, oleft;

		while (inleft > 0) {
			o = chunk;
			oleft = sizeof(chunk);
			if (iconv(cd, &in, &inleft, &o, &oleft) ==
			    (size_t)-1 && errno != E2BIG) {
				buf_add(b, chunk, (size_t)(o - chunk));
				put_fffd(b);
				in++;	/* EILSEQ or EINVAL: skip a byte */
				inleft--;
				continue;
			}
			buf_add(b, chunk, (size_t)(o - chunk));
		}
		iconv_close(cd);
		/* The converter's output is valid; its NULs go below. */
		s = b->data;
		len = b->len;
		for (off = n = 0; off < len; off++)
			if (s[off] != '\0')
				b->data[n++] = s[off];
		b->len = n;
		b->data[n] = '\0';
		return;
	}
	while (off < len) {
		n = utf8_decode((const unsigned char *)s + off, len - off, &c);
		if (n == 0) {
			/* One U+FFFD for a lead byte and the continuation
			 * bytes it announced (the "maximal subpart"). */
			unsigned char	lead = (unsigned char)s[off];
			size_t		want = lead >= 0xf5 ? 1 :
			    lead >= 0xf0 ? 4 : lead >= 0xe0 ? 3 :
			    lead >= 0xc2 ? 2 : 1;

			put_fffd(b);
			for (n = 1, off++; n < want && off < len &&
			    ((unsigned char)s[off] & 0xc0) == 0x80; n++)
				off++;
		} else {
			if (c != 0)
				buf_add(b, s + off, n);
			off += n;
		}
	}
}

static int
is_named(const char *name, const char *const *list)
{
	for (; *list != NULL; list++)
		if (strcmp(name, *list) == 0)
			return 1;
	return 0;
}

static int
is_dropped(const char *name)
{
	return is_named(name, dropped);
}

static int
is_block(const char *name)
{
	return is_named(name, blocks);
}

/*
 * Appends document text to the stream: white space becomes one space
 * (inside <pre> a line break stays one), NO-BREAK SPACE and its kin are
 * kept for join_lines() to judge, other controls are dropped.
 */
static void
add_text(struct walk *w, const char *s, size_t len)
{
	const unsigned char	*u = (const unsigned char *)s;
	size_t			 off = 0, n;
	uint32_t		 c;

	while (off < len) {
		n = utf8_decode(u + off, len - off, &c);
		if (n == 0) {
			put_fffd(&w->out);
			off++;
			continue;
		}
		if (c == '\n' || c == 0x2028 || c == 0x2029 || c == 0x85)
			buf_addc(&w->out, w->pre > 0 ? '\n' : ' ');
		else if (c == '\r') {
			if (w->pre == 0)
				buf_addc(&w->out, ' ');
		}
		else if (c == ' ' || c == '\t' || c == '\f' || c == '\v' ||
		    c == 0x1680 || (c >= 0x2000 && c <= 0x200a &&
		    c != 0x2007) ||
		    c == 0x205f || c == 0x3000)
			buf_addc(&w->out, ' ');
		else if (c >= 0x20 && (c < 0x7f || c > 0x9f))
			buf_add(&w->out, s + off, n);
		/* else: a control, dropped */
		off += n;
	}
}

/* Called on entering a node; returns whether to walk its children. */
static int
walk_enter(struct walk *w, xmlNodePtr n)
{
	const char	*name = (const char *)n->name;

	switch (n->type) {
	case XML_TEXT_NODE:
	case XML_CDATA_SECTION_NODE:
		if (n->content != NULL)
			add_text(w, (const char *)n->content,
			    strlen((const char *)n->content));
		return 0;
	case XML_ELEMENT_NODE:
		break;
	default:
		return 0;
	}
	if (name == NULL || is_dropped(name))
		return 0;
	if (strcmp(name, "br") == 0)
		buf_addc(&w->out, '\n');
	else if (strcmp(name, "td") == 0 || strcmp(name, "th") == 0)
		buf_addc(&w->out, CELL);
	else if (is_block(name)) {
		buf_adds(&w->out, "\n\n");
		if (strcmp(name, "pre") == 0 || strcmp(name, "listing") == 0 ||
		    strcmp(name, "xmp") == 0 || strcmp(name, "plaintext") == 0)
			w->pre++;
	}
	return 1;
}

/* Called on leaving a node, after its children. */
static void
walk_leave(struct walk *w, xmlNodePtr n)
{
	const char	*name = (const char *)n->name;

	if (n->type != XML_ELEMENT_NODE || name == NULL || is_dropped(name))
		return;
	if (is_block(name)) {
		buf_adds(&w->out, "\n\n");
		if (strcmp(name, "pre") == 0 || strcmp(name, "listing") == 0 ||
		    strcmp(name, "xmp") == 0 || strcmp(name, "plaintext") == 0)
			w->pre--;
	}
}

/* Walks the tree without recursion: a page may nest elements deeper than
 * the stack would take. */
static void
walk_tree(struct walk *w, xmlDocPtr doc)
{
	xmlNodePtr	n = doc->children;

	while (n != NULL) {
		if (walk_enter(w, n) && n->children != NULL) {
			n = n->children;
			continue;
		}
		for (;;) {
			walk_leave(w, n);
			if (n->next != NULL) {
				n = n->next;
				break;
			}
			n = n->parent;
			if (n == NULL || n == (xmlNodePtr)doc) {
				n = NULL;
				break;
			}
		}
	}
}

/*
 * The length of the run of white space, no-break spaces and cell marks
 * at s[off..len) of a line; *has_space and *has_cell say whether it holds
 * a plain space and a cell mark.
 */
static size_t
gap_len(const char *s, size_t len, size_t off, int *has_space,
    int *has_cell)
{
	size_t	start = off;

	*has_space = *has_cell = 0;
	while (off < len) {
		if (s[off] == ' ')
			*has_space = 1;
		else if (s[off] == CELL)
			*has_cell = 1;
		else if (len - off >= 2 &&
		    memcmp(s + off, "\xc2\xa0", 2) == 0) {
			off += 2;
			continue;
		} else if (len - off >= 3 &&
		    (memcmp(s + off, "\xe2\x80\xaf", 3) == 0 ||
		    memcmp(s + off, "\xe2\x80\x87", 3) == 0)) {
			off += 3;
			continue;
		} else
			break;
		off++;
	}
	return off - start;
}

/*
 * Appends the stream s[0..len) to out as paragraphs: each line trimmed,
 * a gap inside it one space (" | " between table cells, the first
 * no-break space when it holds only those), lines joined with "\n", an
 * empty line (one or more) a paragraph break.
 */
static void
join_lines(struct buf *out, const char *s, size_t len)
{
	size_t	 off = 0, eol, g, start;
	int	 pending = 0, has_space, has_cell;
	char	*nl;

	while (off <= len) {
		nl = memchr(s + off, '\n', len - off);
		eol = nl != NULL ? (size_t)(nl - s) : len;
		off += gap_len(s, eol, off, &has_space, &has_cell);
		start = out->len;
		if (off < eol && out->len > 0)
			buf_adds(out, pending == 2 ? "\n\n" : "\n");
		while (off < eol) {
			g = gap_len(s, eol, off, &has_space, &has_cell);
			if (g == 0) {
				buf_addc(out, s[off++]);
				continue;
			}
			if (off + g < eol) {
				if (has_cell)
					buf_adds(out, " | ");
				else if (has_space)
					buf_addc(out, ' ');
				else
					buf_add(out, s + off,
					    s[off] == '\xc2' ? 2 : 3);
			}
			off += g;
		}
		if (out->len > start)
			pending = 1;
		else if (pending == 1)
			pending = 2;
		off = eol + 1;
	}
}

/* The stream in b as the text html_to_text() promises; frees b. */
static char *
finish(struct buf *b, size_t *outlen)
{
	struct buf	 out;
	char		*r;
	size_t		 n;

	buf_init(&out);
	join_lines(&out, b->data, b->len);
	buf_free(b);
	r = text_nfc(out.data, out.len, &n);
	buf_free(&out);
	if (outlen != NULL)
		*outlen = n;
	return r;
}

char *
html_to_text(const char *html, size_t len, const char *charset,
    size_t *outlen)
{
	struct buf	in;
	struct walk	w;
	htmlDocPtr	doc;

	buf_init(&in);
	to_utf8(&in, html, len, charset);
	if (!html_is_markup(in.data, in.len)) {
		char	*r = html_plain_to_text(in.data, in.len, outlen);

		buf_free(&in);
		return r;
	}
	buf_init(&w.out);
	w.pre = 0;
	doc = htmlReadMemory(in.data, in.len > INT_MAX ? INT_MAX :
	    (int)in.len, NULL, "UTF-8", HTML_OPTIONS);
	buf_free(&in);
	if (doc != NULL) {
		walk_tree(&w, doc);
		xmlFreeDoc(doc);
	}
	return finish(&w.out, outlen);
}

char *
html_plain_to_text(const char *s, size_t len, size_t *outlen)
{
	struct buf	in;
	struct walk	w;
	size_t		i;

	buf_init(&in);
	to_utf8(&in, s, len, NULL);
	buf_init(&w.out);
	w.pre = 1;		/* keep the line breaks ... */
	add_text(&w, in.data, in.len);
	buf_free(&in);
	/* ... but a single one joins two lines of a paragraph. */
	for (i = 0; i < w.out.len; i++)
		if (w.out.data[i] == '\n' &&
		    (i == 0 || w.out.data[i - 1] != '\n') &&
		    (i + 1 == w.out.len || w.out.data[i + 1] != '\n')) {
			size_t	j = i;

			/* A line of blanks counts as a blank line. */
			while (j + 1 < w.out.len && w.out.data[j + 1] == ' ')
				j++;
			if (j + 1 < w.out.len && w.out.data[j + 1] == '\n')
				continue;
			j = i;
			while (j > 0 && w.out.data[j - 1] == ' ')
				j--;
			if (j > 0 && w.out.data[j - 1] == '\n')
				continue;
			w.out.data[i] = ' ';
		}
	return finish(&w.out, outlen);
}

/* Whether s[off..len) starts a tag, end tag or comment of HTML. */
static int
is_tag_at(const char *s, size_t len, size_t off)
{
	char	name[16];
	size_t	n = 0;

	off++;			/* '<' */
	if (len - off >= 3 && memcmp(s + off, "!--", 3) == 0)
		return 1;
	if (len - off >= 8 && strncasecmp(s + off, "!doctype", 8) == 0)
		return 1;
	if (off < len && s[off] == '/')
		off++;
	while (off < len && n < sizeof(name) - 1 &&
	    isalnum((unsigned char)s[off]))
		name[n++] = (char)tolower((unsigned char)s[off++]);
	name[n] = '\0';
	if (n == 0 || n == sizeof(name) - 1)
		return 0;
	if (off >= len || (s[off] != '>' && s[off] != '/' && s[off] != ' ' &&
	    s[off] != '\t' && s[off] != '\n' && s[off] != '\r'))
		return 0;
	return is_named(name, dropped) || is_named(name, blocks) ||
	    is_named(name, inline_names);
}

/* Whether s[off..len) starts an entity or character reference. */
static int
is_entity_at(const char *s, size_t len, size_t off)
{
	size_t	n = 0;

	off++;			/* '&' */
	if (off < len && s[off] == '#') {
		off++;
		if (off < len && (s[off] == 'x' || s[off] == 'X')) {
			off++;
			while (off < len && isxdigit((unsigned char)s[off]) &&
			    n < 8)
				off++, n++;
		} else
			while (off < len && isdigit((unsigned char)s[off]) &&
			    n < 8)
				off++, n++;
	} else
		while (off < len && isalnum((unsigned char)s[off]) && n < 32)
			off++, n++;
	return n > 0 && off < len && s[off] == ';';
}

int
html_is_markup(const char *s, size_t len)
{
	size_t	off;

	for (off = 0; off < len; off++)
		if ((s[off] == '<' && is_tag_at(s, len, off)) ||
		    (s[off] == '&' && is_entity_at(s, len, off)))
			return 1;
	return 0;
}
