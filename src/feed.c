/*
 * feed.c: RSS 2.0, RSS 1.0 and Atom 1.0 documents to items, OPML and
 * newsboat urls files to subscriptions, and subscriptions to OPML, with
 * libxml2's XML parser.  No I/O.  Elements are recognised by namespace
 * URI and local name, never by prefix.
 */
#include "config.h"

#include "feed.h"

#include <ctype.h>
#include <libxml/HTMLparser.h>
#include <libxml/parser.h>
#include <libxml/parserInternals.h>
#include <libxml/tree.h>
#include <libxml/uri.h>
#include <libxml/xmlerror.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "html.h"
#include "text.h"
#include "util.h"

/* Bytes a field may grow by through entities declared in the document,
 * and how deep they may nest: libxml2 refuses the exponential bombs, this
 * bounds what is left. */
#define ENTITY_BUDGET	(1024 * 1024)
#define ENTITY_DEPTH	8
/* Bytes of an error message kept in a cause. */
#define CAUSE_MSG_LEN	160

#define NS_ATOM		"http://www.w3.org/2005/Atom"
#define NS_ATOM03	"http://purl.org/atom/ns#"
#define NS_CONTENT	"http://purl.org/rss/1.0/modules/content/"
#define NS_DC		"http://purl.org/dc/elements/1.1/"
#define NS_RDF		"http://www.w3.org/1999/02/22-rdf-syntax-ns#"
#define NS_YANDEX	"http://news.yandex.ru"

/* No network, no DTD, no entity substitution, no messages on stderr;
 * line numbers above 65535 kept. */
#define XML_OPTIONS	(XML_PARSE_NONET | XML_PARSE_NOERROR | \
			    XML_PARSE_NOWARNING | XML_PARSE_BIG_LINES)

/* How a field's text is read. */
enum field_kind {
	FIELD_PLAIN,		/* plain text (Atom type="text") */
	FIELD_HTML,		/* HTML, or plain text when it holds no
				   markup (html_is_markup()) */
	FIELD_NONE		/* a kind of content that is not text */
};

/* What the quiet error handler saw while parsing. */
struct quiet {
	int	encoding_error;
};

/* The child elements of an RSS item or Atom entry that matter. */
struct item_els {
	xmlNodePtr	title, link, guid, desc, date, dcdate, author;
	xmlNodePtr	creator, content, fulltext, published, updated;
	xmlNodePtr	summary, atom_author, about;
};

static void	quiet_error(void *, xmlErrorPtr);
static int	has_prefix_ci(const char *, size_t, const char *);
static size_t	skip_prolog(const char *, size_t);
static int	looks_html(const char *, size_t);
static int	has_encoding_decl(const char *, size_t, char *, size_t);
static int	is_utf16(const char *, size_t);
static int	is_utf8_name(const char *);
static size_t	utf8_bad_len(const char *, size_t);
static void	repair(struct buf *, const char *, size_t, int);
static char	*clean_msg(const char *);
static xmlDocPtr xml_read(const char *, size_t, const char *, const char *,
		    char **);
static int	is_el(xmlNodePtr, const char *, const char *);
static int	same_ns(xmlNodePtr, xmlNodePtr);
static void	gather(struct buf *, xmlNodePtr, int, size_t *);
static int	has_elements(xmlNodePtr);
static void	serialize(struct buf *, xmlNodePtr);
static enum field_kind kind_of(xmlNodePtr);
static char	*field_text(xmlNodePtr, enum field_kind);
static char	*one_line(char *);
static char	*field_line(xmlNodePtr, enum field_kind);
static char	*attr_get(xmlNodePtr, const char *);
static char	*resolve(xmlNodePtr, const char *);
static int	days_in(int, int);
static int	digits(const char **, int, int, int *);
static int	date_iso(const char *, int *);
static int	date_rfc822(const char *, int *);
static void	date_set(struct feed_item *, const char *);
static char	*atom_link(xmlNodePtr);
static char	*atom_author(xmlNodePtr);
static void	item_collect(xmlNodePtr, struct item_els *);
static void	item_text(struct feed_item *, const struct item_els *);
static void	item_read(struct feed *, xmlNodePtr, char *);
static void	items_add(struct feed *, xmlNodePtr, const char *, int,
		    char *);
static int	is_feed_url(const char *);
static void	subs_add(struct feed_sub **, size_t *, char *, char *);
static long	subs_opml(xmlDocPtr, struct feed_sub **,
		    void (*)(void *, long, const char *), void *, char **);
static int	next_token(const char **, const char *, struct buf *);
static long	subs_urls(const char *, size_t, struct feed_sub **,
		    void (*)(void *, long, const char *), void *);
static void	attr_escape(struct buf *, const char *);

/* Records what libxml2 reports while a document is parsed, so that
 * nothing reaches stderr; the parser context keeps the last error. */
static void
quiet_error(void *ctx, xmlErrorPtr e)
{
	struct quiet	*q = ctx;

	if (e != NULL && (e->domain == XML_FROM_I18N ||
	    (e->domain == XML_FROM_IO && e->code == XML_IO_ENCODER)))
		q->encoding_error = 1;
}

static int
has_prefix_ci(const char *s, size_t len, const char *prefix)
{
	size_t	n = strlen(prefix);

	return len >= n && strncasecmp(s, prefix, n) == 0;
}

/* The offset of the first markup after a BOM, white space, comments and
 * the XML declaration. */
static size_t
skip_prolog(const char *s, size_t len)
{
	size_t		 off = 0;
	const char	*e;

	if (len >= 3 && memcmp(s, "\xef\xbb\xbf", 3) == 0)
		off = 3;
	for (;;) {
		while (off < len && isspace((unsigned char)s[off]))
			off++;
		if (has_prefix_ci(s + off, len - off, "<!--"))
			e = memmem(s + off, len - off, "-->", 3);
		else if (has_prefix_ci(s + off, len - off, "<?"))
			e = memmem(s + off, len - off, "?>", 2);
		else
			return off;
		if (e == NULL)
			return len;
		off = (size_t)(e - s) + 2 + (*e == '-');
	}
}

/* Whether s[0..len) starts the way an HTML page does. */
static int
looks_html(const char *s, size_t len)
{
	size_t	off = skip_prolog(s, len);

	return has_prefix_ci(s + off, len - off, "<!doctype html") ||
	    has_prefix_ci(s + off, len - off, "<html") ||
	    has_prefix_ci(s + off, len - off, "<head") ||
	    has_prefix_ci(s + off, len - off, "<body");
}

/* Whether the document starts with an XML declaration that names an
 * encoding; the name goes in enc[0..size). */
static int
has_encoding_decl(const char *s, size_t len, char *enc, size_t size)
{
	size_t		 off = 0, n = 0;
	const char	*end, *p;
	char		 q;

	if (len >= 3 && memcmp(s, "\xef\xbb\xbf", 3) == 0)
		off = 3;
	if (len - off < 5 || memcmp(s + off, "<?xml", 5) != 0 ||
	    (end = memmem(s + off, len - off, "?>", 2)) == NULL)
		return 0;
	p = memmem(s + off, (size_t)(end - s) - off, "encoding", 8);
	if (p == NULL)
		return 0;
	p += 8;
	while (p < end && (*p == ' ' || *p == '=' || *p == '\t'))
		p++;
	if (p >= end || (*p != '"' && *p != '\''))
		return 0;
	q = *p++;
	while (p < end && *p != q && n + 1 < size)
		enc[n++] = *p++;
	enc[n] = '\0';
	return 1;
}

/* Whether the document is in UTF-16 or UTF-32 (a BOM or NUL bytes in
 * its first characters). */
static int
is_utf16(const char *s, size_t len)
{
	return len >= 2 && (s[0] == '\0' || s[1] == '\0' ||
	    (s[0] == '\xfe' && s[1] == '\xff') ||
	    (s[0] == '\xff' && s[1] == '\xfe'));
}

static int
is_utf8_name(const char *enc)
{
	return strcasecmp(enc, "UTF-8") == 0 || strcasecmp(enc, "UTF8") == 0;
}

/* The bytes one U+FFFD replaces at s, where an invalid sequence starts:
 * a lead byte and the continuation bytes that follow it, up to the
 * length it announces (the "maximal subpart"), else one byte. */
static size_t
utf8_bad_len(const char *s, size_t len)
{
	const unsigned char	*u = (const unsigned char *)s;
	size_t			 want, n = 1;

	want = u[0] >= 0xf0 && u[0] <= 0xf4 ? 4 : u[0] >= 0xe0 &&
	    u[0] <= 0xef ? 3 : u[0] >= 0xc2 && u[0] <= 0xdf ? 2 : 1;
	while (n < want && n < len && (u[n] & 0xc0) == 0x80)
		n++;
	return n;
}

/*
 * Appends s[0..len) to b with the C0 controls XML forbids (all but tab,
 * LF and CR) left out, and, when is_utf8, every byte that is not part of
 * a valid character as U+FFFD.  A stray byte of either kind would
 * otherwise make libxml2 refuse the whole feed.
 */
static void
repair(struct buf *b, const char *s, size_t len, int is_utf8)
{
	size_t	off = 0, bad, i, start = b->len;

	while (is_utf8 && off < len) {
		if (text_utf8_check(s + off, len - off, &bad) == 0) {
			buf_add(b, s + off, len - off);
			off = len;
		} else {
			buf_add(b, s + off, bad);
			buf_add(b, "\xef\xbf\xbd", 3);
			off += bad + utf8_bad_len(s + off + bad,
			    len - off - bad);
		}
	}
	if (!is_utf8)
		buf_add(b, s, len);
	for (i = off = start; i < b->len; i++)
		if ((unsigned char)b->data[i] >= 0x20 || b->data[i] == '\t' ||
		    b->data[i] == '\n' || b->data[i] == '\r')
			b->data[off++] = b->data[i];
	b->len = off;
	b->data[off] = '\0';
}

/* A libxml2 message as part of a cause: one line of UTF-8 without
 * controls, from its first CAUSE_MSG_LEN bytes.  The caller frees it. */
static char *
clean_msg(const char *msg)
{
	char	*r, *t;
	size_t	 n;

	if (msg == NULL)
		return xstrdup("unknown error");
	t = html_plain_to_text(msg, strnlen(msg, CAUSE_MSG_LEN), &n);
	r = one_line(t);
	return r != NULL ? r : xstrdup("unknown error");
}

/*
 * Parses data[0..len) as XML, url as the document's base, charset (from
 * HTTP) as its encoding when it declares none.  Returns the document, or
 * NULL with *cause set.
 */
static xmlDocPtr
xml_read(const char *data, size_t len, const char *url, const char *charset,
    char **cause)
{
	xmlParserCtxtPtr	 ctxt;
	xmlDocPtr		 doc;
	xmlErrorPtr		 e;
	xmlStructuredErrorFunc	 old_fn = xmlStructuredError;
	void			*old_ctx = xmlStructuredErrorContext;
	struct quiet		 q = { 0 };
	struct buf		 b;
	char			 enc[64], *msg;
	const char		*use = NULL;
	int			 utf8, line;

	if (skip_prolog(data, len) >= len) {
		*cause = xstrdup("empty document");
		return NULL;
	}
	if (len > INT_MAX) {
		*cause = xstrdup("document too large");
		return NULL;
	}
	if (has_encoding_decl(data, len, enc, sizeof(enc)))
		utf8 = is_utf8_name(enc);
	else if (len >= 3 && memcmp(data, "\xef\xbb\xbf", 3) == 0)
		utf8 = 1;
	else {
		use = charset;
		utf8 = charset == NULL || is_utf8_name(charset);
	}
	buf_init(&b);
	if (is_utf16(data, len))
		buf_add(&b, data, len);
	else
		repair(&b, data, len, utf8);
	if ((ctxt = xmlNewParserCtxt()) == NULL)
		fatal("out of memory");
	xmlSetStructuredErrorFunc(&q, quiet_error);
	doc = xmlCtxtReadMemory(ctxt, b.data, (int)b.len, url, use,
	    XML_OPTIONS);
	xmlSetStructuredErrorFunc(old_ctx, old_fn);
	buf_free(&b);
	if (doc != NULL && ctxt->wellFormed) {
		xmlFreeParserCtxt(ctxt);
		return doc;
	}
	xmlFreeDoc(doc);
	e = xmlCtxtGetLastError(ctxt);
	line = e != NULL ? e->line : 0;
	msg = clean_msg(e != NULL ? e->message : NULL);
	if (e != NULL && e->code == XML_ERR_ENTITY_LOOP)
		*cause = xasprintf("entity expansion refused at line %d: %s",
		    line, msg);
	else if (looks_html(data, len))
		*cause = xstrdup("an HTML page, not a feed");
	else if (q.encoding_error)
		*cause = xasprintf("malformed XML at line %d: bytes not valid "
		    "in the document's encoding", line);
	else
		*cause = xasprintf("malformed XML at line %d: %s", line, msg);
	free(msg);
	xmlFreeParserCtxt(ctxt);
	return NULL;
}

/* Whether n is the element name in namespace ns (NULL: none, "*": any). */
static int
is_el(xmlNodePtr n, const char *ns, const char *name)
{
	if (n == NULL || n->type != XML_ELEMENT_NODE ||
	    strcmp((const char *)n->name, name) != 0)
		return 0;
	if (ns != NULL && strcmp(ns, "*") == 0)
		return 1;
	if (ns == NULL || n->ns == NULL || n->ns->href == NULL)
		return ns == NULL && (n->ns == NULL || n->ns->href == NULL);
	return strcmp((const char *)n->ns->href, ns) == 0;
}

/* Whether elements a and b are in the same namespace. */
static int
same_ns(xmlNodePtr a, xmlNodePtr b)
{
	const char	*na = a->ns != NULL ? (const char *)a->ns->href : NULL;
	const char	*nb = b->ns != NULL ? (const char *)b->ns->href : NULL;

	if (na == NULL || nb == NULL)
		return na == nb;
	return strcmp(na, nb) == 0;
}

/*
 * Appends the text of the nodes from n on (text, CDATA, the content of
 * entities the document declares, HTML's named entities where one is
 * not declared) to b.  Elements are walked into.  *budget bounds what
 * entities may add.
 */
static void
gather(struct buf *b, xmlNodePtr n, int depth, size_t *budget)
{
	const htmlEntityDesc	*h;
	size_t			 before;
	char			 u[8];
	int			 k;

	for (; n != NULL; n = n->next)
		switch (n->type) {
		case XML_TEXT_NODE:
		case XML_CDATA_SECTION_NODE:
			if (n->content != NULL)
				buf_adds(b, (const char *)n->content);
			break;
		case XML_ELEMENT_NODE:
			if (depth < 256)
				gather(b, n->children, depth + 1, budget);
			break;
		case XML_ENTITY_REF_NODE:
			if (n->children != NULL &&
			    n->children->type == XML_ENTITY_DECL) {
				if (depth >= ENTITY_DEPTH || *budget == 0)
					break;
				before = b->len;
				gather(b, n->children->children, depth + 1,
				    budget);
				if (b->len - before > *budget) {
					b->len = before;
					b->data[b->len] = '\0';
					*budget = 0;
				} else
					*budget -= b->len - before;
			} else if ((h = htmlEntityLookup(n->name)) != NULL &&
			    (k = xmlCopyCharMultiByte((xmlChar *)u,
			    (int)h->value)) > 0)
				buf_add(b, u, (size_t)k);
			break;
		default:
			break;
		}
}

/* Whether el holds child elements (markup not escaped in the feed). */
static int
has_elements(xmlNodePtr el)
{
	xmlNodePtr	n;

	for (n = el->children; n != NULL; n = n->next)
		if (n->type == XML_ELEMENT_NODE)
			return 1;
	return 0;
}

/* Appends the children of el as markup to b. */
static void
serialize(struct buf *b, xmlNodePtr el)
{
	xmlBufferPtr	xb;
	xmlNodePtr	n;

	if ((xb = xmlBufferCreate()) == NULL)
		fatal("out of memory");
	for (n = el->children; n != NULL; n = n->next)
		if (xmlNodeDump(xb, el->doc, n, 0, 0) < 0)
			break;
	buf_add(b, xmlBufferContent(xb), (size_t)xmlBufferLength(xb));
	xmlBufferFree(xb);
}

/* How an Atom text construct or content element is to be read. */
static enum field_kind
kind_of(xmlNodePtr el)
{
	char		*type = attr_get(el, "type");
	enum field_kind	 k = FIELD_NONE;

	if (type == NULL || strcasecmp(type, "text") == 0 ||
	    strncasecmp(type, "text/plain", 10) == 0)
		k = FIELD_PLAIN;
	else if (strcasecmp(type, "html") == 0 ||
	    strcasecmp(type, "xhtml") == 0 ||
	    strncasecmp(type, "text/html", 9) == 0 ||
	    strncasecmp(type, "application/xhtml+xml", 21) == 0)
		k = FIELD_HTML;
	else if (strncasecmp(type, "text/", 5) == 0)
		k = FIELD_PLAIN;
	free(type);
	return k;
}

/* The article text of el read as kind: never NULL.  The caller frees
 * it. */
static char *
field_text(xmlNodePtr el, enum field_kind kind)
{
	struct buf	 b;
	size_t		 budget = ENTITY_BUDGET;
	char		*r;

	if (el == NULL || kind == FIELD_NONE)
		return xstrdup("");
	buf_init(&b);
	if (has_elements(el)) {
		/* XHTML (Atom type="xhtml") or markup left unescaped. */
		serialize(&b, el);
		kind = FIELD_HTML;
	} else
		gather(&b, el->children, 0, &budget);
	if (kind == FIELD_PLAIN)
		r = html_plain_to_text(b.data, b.len, NULL);
	else
		r = html_to_text(b.data, b.len, NULL, NULL);
	buf_free(&b);
	return r;
}

/* s with its lines joined by one space; NULL (s freed) when empty. */
static char *
one_line(char *s)
{
	size_t	i, n = 0;

	for (i = 0; s[i] != '\0'; i++) {
		if (s[i] != '\n')
			s[n++] = s[i];
		else if (n > 0 && s[n - 1] != ' ')
			s[n++] = ' ';
	}
	s[n] = '\0';
	if (n == 0) {
		free(s);
		return NULL;
	}
	return s;
}

/* The text of el as one line, NULL when none.  The caller frees it. */
static char *
field_line(xmlNodePtr el, enum field_kind kind)
{
	if (el == NULL)
		return NULL;
	return one_line(field_text(el, kind));
}

/* The attribute name (no namespace, any case) of el, NULL when absent.
 * The caller frees it. */
static char *
attr_get(xmlNodePtr el, const char *name)
{
	xmlAttrPtr	 a;
	xmlChar		*v;
	char		*r;

	for (a = el->properties; a != NULL; a = a->next)
		if (a->ns == NULL &&
		    strcasecmp((const char *)a->name, name) == 0)
			break;
	if (a == NULL || (v = xmlNodeListGetString(el->doc, a->children,
	    1)) == NULL)
		return NULL;
	r = xstrdup((const char *)v);
	xmlFree(v);
	return r;
}

/* The URL s, trimmed and made absolute against the base of el (xml:base
 * and the document's URL).  Takes s (NULL is fine); the caller frees
 * what it returns. */
static char *
resolve(xmlNodePtr el, const char *s)
{
	xmlChar	*base, *abs;
	char	*t, *r;

	if (s == NULL)
		return NULL;
	t = html_plain_to_text(s, strlen(s), NULL);
	if ((t = one_line(t)) == NULL)
		return NULL;
	base = xmlNodeGetBase(el->doc, el);
	abs = xmlBuildURI((const xmlChar *)t, base);
	xmlFree(base);
	if (abs == NULL)
		return t;
	free(t);
	t = html_plain_to_text((const char *)abs, strlen((char *)abs), NULL);
	xmlFree(abs);
	r = one_line(t);
	return r;
}

static int
days_in(int y, int m)
{
	static const int	days[12] = {
		31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31
	};

	if (m == 2 && ((y % 4 == 0 && y % 100 != 0) || y % 400 == 0))
		return 29;
	return days[m - 1];
}

/* Reads min..max digits at *p into *v; returns how many, 0 when too few. */
static int
digits(const char **p, int min, int max, int *v)
{
	int	n = 0;

	*v = 0;
	while (n < max && isdigit((unsigned char)**p)) {
		*v = *v * 10 + (**p - '0');
		(*p)++;
		n++;
	}
	return n >= min ? n : 0;
}

/*
 * RFC 3339 / ISO 8601: "2026-12-06T14:05:00+05:00", "2026-12-06 14:05",
 * "2026-12-06".  Fills v[0..5] (year, month, day, hour, minute, second;
 * -1 for a missing time); returns 0 when s is not one.
 */
static int
date_iso(const char *s, int *v)
{
	const char	*p = s;

	v[3] = v[4] = v[5] = -1;
	if (!digits(&p, 4, 4, &v[0]) || *p++ != '-' ||
	    !digits(&p, 2, 2, &v[1]) || *p++ != '-' ||
	    !digits(&p, 2, 2, &v[2]))
		return 0;
	if (*p == '\0')
		return 1;
	if (*p != 'T' && *p != 't' && *p != ' ')
		return 0;
	p++;
	if (!digits(&p, 2, 2, &v[3]) || *p++ != ':' ||
	    !digits(&p, 2, 2, &v[4]))
		return 0;
	v[5] = 0;
	if (*p == ':') {
		p++;
		if (!digits(&p, 2, 2, &v[5]))
			return 0;
		if (*p == '.' || *p == ',') {
			int	frac;

			p++;
			if (!digits(&p, 1, 9, &frac))
				return 0;
		}
	}
	while (*p == ' ')
		p++;
	if (*p == '\0' || ((*p == 'Z' || *p == 'z') && p[1] == '\0'))
		return 1;
	if (*p == '+' || *p == '-') {
		int	z;

		p++;
		if (!digits(&p, 2, 2, &z))
			return 0;
		if (*p == ':')
			p++;
		digits(&p, 2, 2, &z);
		return *p == '\0';
	}
	return 0;
}

/*
 * RFC 822 / 2822: "Sun, 06 Dec 2026 14:05:00 +0500", with the weekday,
 * the seconds or the time left out, a two-digit year (00-49 are 20xx),
 * any zone ("GMT", "MSK", "+0300") or none.  As date_iso().
 */
static int
date_rfc822(const char *s, int *v)
{
	static const char	*months[12] = {
		"jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep",
		"oct", "nov", "dec"
	};
	const char		*p = s;
	int			 n, i;

	v[3] = v[4] = v[5] = -1;
	if (isalpha((unsigned char)*p)) {
		while (isalpha((unsigned char)*p))
			p++;
		if (*p == ',')
			p++;
		while (*p == ' ')
			p++;
	}
	if (!digits(&p, 1, 2, &v[2]) || (*p != ' ' && *p != '-'))
		return 0;
	while (*p == ' ' || *p == '-')
		p++;
	for (i = 0; i < 12; i++)
		if (strncasecmp(p, months[i], 3) == 0)
			break;
	if (i == 12)
		return 0;
	v[1] = i + 1;
	while (isalpha((unsigned char)*p))
		p++;
	if (*p == '.')
		p++;
	if (*p != ' ' && *p != '-')
		return 0;
	while (*p == ' ' || *p == '-')
		p++;
	if ((n = digits(&p, 2, 4, &v[0])) == 3)
		return 0;
	if (n == 2)
		v[0] += v[0] < 50 ? 2000 : 1900;
	while (*p == ' ')
		p++;
	if (*p == '\0')
		return 1;
	if (!digits(&p, 1, 2, &v[3]) || *p++ != ':' ||
	    !digits(&p, 2, 2, &v[4]))
		return 0;
	v[5] = 0;
	if (*p == ':' && (p++, !digits(&p, 2, 2, &v[5])))
		return 0;
	/* The zone, if any, is not looked at: no conversion. */
	return *p == '\0' || *p == ' ' || *p == '+' || *p == '-' ||
	    isalpha((unsigned char)*p);
}

/* Sets it->date and it->time from s when s is a valid date. */
static void
date_set(struct feed_item *it, const char *s)
{
	int	v[6];
	char	*t;

	if (s == NULL)
		return;
	t = xstrdup(s);
	if ((date_iso(t, v) || date_rfc822(t, v)) && v[0] >= 1900 &&
	    v[0] <= 2999 && v[1] >= 1 && v[1] <= 12 && v[2] >= 1 &&
	    v[2] <= days_in(v[0], v[1]) && v[3] <= 23 && v[4] <= 59 &&
	    v[5] <= 59) {
		it->date = xasprintf("%04d-%02d-%02d", v[0], v[1], v[2]);
		if (v[3] >= 0)
			it->time = xasprintf("%02d:%02d:%02d", v[3], v[4],
			    v[5]);
	}
	free(t);
}

/* The href of the Atom element's alternate link (a text/html one
 * first), absolute; NULL when none. */
static char *
atom_link(xmlNodePtr el)
{
	xmlNodePtr	 n, best = NULL;
	char		*rel, *type, *href, *r;
	int		 score, best_score = 0;

	for (n = el->children; n != NULL; n = n->next) {
		if (n->type != XML_ELEMENT_NODE || !same_ns(n, el) ||
		    strcmp((const char *)n->name, "link") != 0)
			continue;
		rel = attr_get(n, "rel");
		type = attr_get(n, "type");
		score = 0;
		if (rel == NULL || strcmp(rel, "alternate") == 0)
			score = type == NULL ||
			    strncasecmp(type, "text/html", 9) == 0 ? 2 : 1;
		free(rel);
		free(type);
		if (score > best_score) {
			best = n;
			best_score = score;
		}
	}
	if (best == NULL || (href = attr_get(best, "href")) == NULL)
		return NULL;
	r = resolve(best, href);
	free(href);
	return r;
}

/* The name of the Atom element's author, NULL when none. */
static char *
atom_author(xmlNodePtr el)
{
	xmlNodePtr	n;

	for (n = el->children; n != NULL; n = n->next)
		if (n->type == XML_ELEMENT_NODE && same_ns(n, el) &&
		    strcmp((const char *)n->name, "author") == 0)
			break;
	if (n == NULL)
		return NULL;
	for (n = n->children; n != NULL; n = n->next)
		if (n->type == XML_ELEMENT_NODE && same_ns(n, el) &&
		    strcmp((const char *)n->name, "name") == 0)
			return field_line(n, FIELD_PLAIN);
	return NULL;
}

/* Finds the first of each child element of the item or entry. */
static void
item_collect(xmlNodePtr item, struct item_els *e)
{
	xmlNodePtr	 n;
	const char	*name;

	memset(e, 0, sizeof(*e));
	for (n = item->children; n != NULL; n = n->next) {
		xmlNodePtr	*slot = NULL;

		if (n->type != XML_ELEMENT_NODE)
			continue;
		name = (const char *)n->name;
		if (same_ns(n, item)) {
			if (strcmp(name, "title") == 0)
				slot = &e->title;
			else if (strcmp(name, "link") == 0)
				slot = &e->link;
			else if (strcmp(name, "guid") == 0 ||
			    strcmp(name, "id") == 0)
				slot = &e->guid;
			else if (strcmp(name, "description") == 0)
				slot = &e->desc;
			else if (strcmp(name, "pubDate") == 0)
				slot = &e->date;
			else if (strcmp(name, "author") == 0)
				slot = &e->author;
			else if (strcmp(name, "content") == 0)
				slot = &e->content;
			else if (strcmp(name, "summary") == 0)
				slot = &e->summary;
			else if (strcmp(name, "published") == 0 ||
			    strcmp(name, "issued") == 0)
				slot = &e->published;
			else if (strcmp(name, "updated") == 0 ||
			    strcmp(name, "modified") == 0)
				slot = &e->updated;
		}
		if (slot == NULL) {
			if (is_el(n, NS_DC, "creator"))
				slot = &e->creator;
			else if (is_el(n, NS_DC, "date"))
				slot = &e->dcdate;
			else if (is_el(n, NS_CONTENT, "encoded"))
				slot = &e->content;
			else if (is_el(n, NS_YANDEX, "full-text") ||
			    is_el(n, "*", "full-text"))
				slot = &e->fulltext;
		}
		if (slot != NULL && *slot == NULL)
			*slot = n;
	}
}

/* Sets it->text and it->full: the first non-empty of the full text, the
 * content and the summary. */
static void
item_text(struct feed_item *it, const struct item_els *e)
{
	xmlNodePtr	 els[3];
	int		 full[3] = { 1, 1, 0 }, i;
	char		*t;

	els[0] = e->fulltext;
	els[1] = e->content;
	els[2] = e->desc != NULL ? e->desc : e->summary;
	for (i = 0; i < 3; i++) {
		enum field_kind	k = FIELD_HTML;

		if (els[i] == NULL)
			continue;
		if (els[i]->ns != NULL && els[i]->ns->href != NULL &&
		    (strcmp((const char *)els[i]->ns->href, NS_ATOM) == 0 ||
		    strcmp((const char *)els[i]->ns->href, NS_ATOM03) == 0)) {
			char	*src = attr_get(els[i], "src");

			k = src != NULL ? FIELD_NONE : kind_of(els[i]);
			free(src);
		}
		t = field_text(els[i], k);
		if (*t != '\0') {
			it->text = t;
			it->full = full[i];
			return;
		}
		free(t);
	}
	it->text = xstrdup("");
}

/* Reads the item or entry el into a new item of f; author is the
 * feed's (Atom), NULL when none. */
static void
item_read(struct feed *f, xmlNodePtr el, char *author)
{
	struct feed_item	*it = &f->items[f->n++];
	struct item_els		 e;
	char			*s;
	xmlChar			*x;
	int			 atom = f->kind == FEED_ATOM;

	memset(it, 0, sizeof(*it));
	it->line = xmlGetLineNo(el);
	item_collect(el, &e);
	it->guid = field_line(e.guid, FIELD_PLAIN);
	if (it->guid == NULL && (x = xmlGetNsProp(el, BAD_CAST "about",
	    BAD_CAST NS_RDF)) != NULL) {
		it->guid = one_line(html_plain_to_text((const char *)x,
		    strlen((const char *)x), NULL));
		xmlFree(x);
	}
	it->title = field_line(e.title, atom && e.title != NULL ?
	    kind_of(e.title) : FIELD_HTML);
	if (atom)
		it->link = atom_link(el);
	else if (e.link != NULL) {
		s = field_line(e.link, FIELD_PLAIN);
		it->link = resolve(e.link, s);
		free(s);
	} else if (e.guid != NULL && it->guid != NULL &&
	    is_feed_url(it->guid)) {
		/* A guid that is a permalink is the link (RSS 2.0). */
		s = attr_get(e.guid, "isPermaLink");
		if (s == NULL || strcasecmp(s, "false") != 0)
			it->link = resolve(e.guid, it->guid);
		free(s);
	}
	if (atom) {
		it->author = atom_author(el);
		if (it->author == NULL && author != NULL)
			it->author = xstrdup(author);
	} else {
		it->author = field_line(e.creator, FIELD_PLAIN);
		if (it->author == NULL)
			it->author = field_line(e.author, FIELD_PLAIN);
	}
	s = field_line(e.published != NULL ? e.published :
	    e.updated != NULL ? e.updated :
	    e.date != NULL ? e.date : e.dcdate, FIELD_PLAIN);
	date_set(it, s);
	free(s);
	item_text(it, &e);
}

/* Adds the children of parent named name, in parent's namespace unless
 * any_ns, as items, up to FEED_MAX_ITEMS; author as item_read(). */
static void
items_add(struct feed *f, xmlNodePtr parent, const char *name, int any_ns,
    char *author)
{
	xmlNodePtr	n;
	size_t		cap = f->n;

	for (n = parent->children; n != NULL && f->n < FEED_MAX_ITEMS;
	    n = n->next) {
		if (n->type != XML_ELEMENT_NODE ||
		    strcmp((const char *)n->name, name) != 0 ||
		    (!any_ns && !same_ns(n, parent)))
			continue;
		if (f->n == cap) {
			cap = cap == 0 ? 16 : cap * 2;
			if (cap > FEED_MAX_ITEMS)
				cap = FEED_MAX_ITEMS;
			f->items = xreallocarray(f->items, cap,
			    sizeof(*f->items));
		}
		item_read(f, n, author);
	}
}

struct feed *
feed_parse(const char *data, size_t len, const char *url,
    const char *charset, char **cause)
{
	xmlDocPtr	 doc;
	xmlNodePtr	 root, ch = NULL;
	struct feed	*f;
	struct item_els	 e;
	char		*author = NULL, *s, *name;
	const char	*rootname;

	*cause = NULL;
	if ((doc = xml_read(data, len, url, charset, cause)) == NULL)
		return NULL;
	if ((root = xmlDocGetRootElement(doc)) == NULL) {
		*cause = xstrdup("empty document");
		xmlFreeDoc(doc);
		return NULL;
	}
	rootname = (const char *)root->name;
	f = xcalloc(1, sizeof(*f));
	if (is_el(root, "*", "rss")) {
		/* A namespace on <rss> (userland's RSS 2.0) is tolerated. */
		f->kind = FEED_RSS2;
		for (ch = root->children; ch != NULL; ch = ch->next)
			if (is_el(ch, "*", "channel"))
				break;
	} else if (is_el(root, NS_RDF, "RDF")) {
		f->kind = FEED_RSS1;
		for (ch = root->children; ch != NULL; ch = ch->next)
			if (is_el(ch, "*", "channel"))
				break;
	} else if (is_el(root, NS_ATOM, "feed") ||
	    is_el(root, NS_ATOM03, "feed")) {
		f->kind = FEED_ATOM;
		ch = root;
	} else {
		if (strcasecmp(rootname, "html") == 0)
			*cause = xstrdup("an HTML page, not a feed");
		else {
			s = html_plain_to_text(rootname, strnlen(rootname, 40),
			    NULL);
			name = one_line(s);
			*cause = xasprintf("not RSS or Atom (root element "
			    "<%s>)", name != NULL ? name : "");
			free(name);
		}
		free(f);
		xmlFreeDoc(doc);
		return NULL;
	}
	if (ch != NULL) {
		item_collect(ch, &e);
		f->title = field_line(e.title, f->kind == FEED_ATOM &&
		    e.title != NULL ? kind_of(e.title) : FIELD_HTML);
		if (f->kind == FEED_ATOM) {
			f->link = atom_link(ch);
			author = atom_author(ch);
		} else if (e.link != NULL) {
			s = field_line(e.link, FIELD_PLAIN);
			f->link = resolve(e.link, s);
			free(s);
		}
	}
	switch (f->kind) {
	case FEED_RSS2:
		if (ch != NULL)
			items_add(f, ch, "item", 0, NULL);
		items_add(f, root, "item", 0, NULL);
		break;
	case FEED_RSS1:
		items_add(f, root, "item", 1, NULL);
		break;
	case FEED_ATOM:
		items_add(f, root, "entry", 0, author);
		break;
	}
	free(author);
	xmlFreeDoc(doc);
	return f;
}

void
feed_free(struct feed *f)
{
	size_t	i;

	if (f == NULL)
		return;
	for (i = 0; i < f->n; i++) {
		free(f->items[i].guid);
		free(f->items[i].link);
		free(f->items[i].title);
		free(f->items[i].author);
		free(f->items[i].date);
		free(f->items[i].time);
		free(f->items[i].text);
	}
	free(f->items);
	free(f->title);
	free(f->link);
	free(f);
}

/* Whether s is an http, https or file URL (without blanks). */
static int
is_feed_url(const char *s)
{
	if (strchr(s, ' ') != NULL || strchr(s, '\t') != NULL)
		return 0;
	return (strncasecmp(s, "http://", 7) == 0 && s[7] != '\0') ||
	    (strncasecmp(s, "https://", 8) == 0 && s[8] != '\0') ||
	    (strncasecmp(s, "file://", 7) == 0 && s[7] != '\0');
}

/* Appends a subscription; takes url and name.  A name that is only the
 * URL is none (feed_opml_write() writes the URL as the text then). */
static void
subs_add(struct feed_sub **subs, size_t *n, char *url, char *name)
{
	if (name != NULL && strcmp(name, url) == 0) {
		free(name);
		name = NULL;
	}
	if ((*n & (*n - 1)) == 0)	/* 0, 1, 2, 4 ...: grow */
		*subs = xreallocarray(*subs, *n == 0 ? 1 : *n * 2,
		    sizeof(**subs));
	(*subs)[*n].url = url;
	(*subs)[*n].name = name;
	(*n)++;
}

/* The outlines of an OPML document; as feed_subs_parse(). */
static long
subs_opml(xmlDocPtr doc, struct feed_sub **subs,
    void (*diag)(void *, long, const char *), void *ctx, char **cause)
{
	xmlNodePtr	 root = xmlDocGetRootElement(doc), n;
	size_t		 count = 0;
	char		*url, *name, *s;

	if (root == NULL ||
	    strcasecmp((const char *)root->name, "opml") != 0) {
		s = root == NULL ? NULL : one_line(html_plain_to_text(
		    (const char *)root->name,
		    strnlen((const char *)root->name, 40), NULL));
		*cause = xasprintf("not OPML (root element <%s>)",
		    s != NULL ? s : "");
		free(s);
		return -1;
	}
	/* Every element at any depth, without recursion. */
	for (n = root; n != NULL; ) {
		if (n->type == XML_ELEMENT_NODE &&
		    strcasecmp((const char *)n->name, "outline") == 0 &&
		    (s = attr_get(n, "xmlUrl")) != NULL) {
			url = one_line(html_plain_to_text(s, strlen(s), NULL));
			free(s);
			if (url == NULL || !is_feed_url(url)) {
				if (diag != NULL)
					diag(ctx, xmlGetLineNo(n),
					    url == NULL ? "an outline with "
					    "an empty xmlUrl" : "not an "
					    "http(s) or file URL");
				free(url);
			} else {
				if ((s = attr_get(n, "title")) == NULL ||
				    *s == '\0') {
					free(s);
					s = attr_get(n, "text");
				}
				name = s == NULL ? NULL : one_line(
				    html_plain_to_text(s, strlen(s), NULL));
				free(s);
				subs_add(subs, &count, url, name);
			}
		}
		if (n->type == XML_ELEMENT_NODE && n->children != NULL) {
			n = n->children;
			continue;
		}
		while (n != NULL && n != root && n->next == NULL)
			n = n->parent;
		n = n == NULL || n == root ? NULL : n->next;
	}
	return (long)count;
}

/*
 * Reads the next token of a urls line at *p (before end) into b: a run
 * of non-blanks, or a "quoted" string (\" and \\ escaped).  Returns 0 at
 * the end of the line.
 */
static int
next_token(const char **p, const char *end, struct buf *b)
{
	const char	*s = *p;

	buf_reset(b);
	while (s < end && (*s == ' ' || *s == '\t'))
		s++;
	if (s == end) {
		*p = s;
		return 0;
	}
	if (*s == '"') {
		for (s++; s < end && *s != '"'; s++) {
			if (*s == '\\' && s + 1 < end)
				s++;
			buf_addc(b, *s);
		}
		if (s < end)
			s++;
	} else
		while (s < end && *s != ' ' && *s != '\t')
			buf_addc(b, *s++);
	*p = s;
	return 1;
}

/* A newsboat urls file; as feed_subs_parse(). */
static long
subs_urls(const char *data, size_t len, struct feed_sub **subs,
    void (*diag)(void *, long, const char *), void *ctx)
{
	const char	*p = data, *end = data + len, *eol, *q;
	struct buf	 tok;
	size_t		 count = 0, bad, i;
	long		 line = 0;
	char		*url, *name;
	const char	*why;

	buf_init(&tok);
	if (len >= 3 && memcmp(p, "\xef\xbb\xbf", 3) == 0)
		p += 3;
	for (; p < end; p = eol + 1) {
		line++;
		if ((eol = memchr(p, '\n', (size_t)(end - p))) == NULL)
			eol = end;
		q = eol;
		if (q > p && q[-1] == '\r')
			q--;
		why = NULL;
		if (text_utf8_check(p, (size_t)(q - p), &bad) != 0)
			why = "invalid UTF-8, line skipped";
		for (i = 0; why == NULL && p + i < q; i++)
			if ((unsigned char)p[i] < 0x20 && p[i] != '\t')
				why = "control character, line skipped";
		if (why != NULL) {
			if (diag != NULL)
				diag(ctx, line, why);
			continue;
		}
		while (p < q && (*p == ' ' || *p == '\t'))
			p++;
		if (p == q || *p == '#' || !next_token(&p, q, &tok))
			continue;
		url = one_line(html_plain_to_text(tok.data, tok.len, NULL));
		if (url == NULL)
			why = "not an http(s) or file URL";
		else if (strncmp(tok.data, "query:", 6) == 0)
			why = "query feeds are not supported";
		else if (strncmp(tok.data, "exec:", 5) == 0)
			why = "exec feeds are not supported";
		else if (strncmp(tok.data, "filter:", 7) == 0)
			why = "filter feeds are not supported";
		else if (!is_feed_url(url))
			why = "not an http(s) or file URL";
		if (why != NULL) {
			if (diag != NULL)
				diag(ctx, line, why);
			free(url);
			continue;
		}
		name = NULL;
		while (next_token(&p, q, &tok))
			if (name == NULL && tok.data[0] == '~')
				name = one_line(html_plain_to_text(
				    tok.data + 1, tok.len - 1, NULL));
		subs_add(subs, &count, url, name);
	}
	buf_free(&tok);
	return (long)count;
}

long
feed_subs_parse(const char *data, size_t len, struct feed_sub **subs,
    void (*diag)(void *ctx, long line, const char *reason),
    void *ctx, char **cause)
{
	xmlDocPtr	doc;
	size_t		off = 0;
	long		n;

	*subs = NULL;
	*cause = NULL;
	if (len >= 3 && memcmp(data, "\xef\xbb\xbf", 3) == 0)
		off = 3;
	while (off < len && isspace((unsigned char)data[off]))
		off++;
	if (off < len && data[off] == '<') {
		if ((doc = xml_read(data, len, NULL, NULL, cause)) == NULL)
			return -1;
		n = subs_opml(doc, subs, diag, ctx, cause);
		xmlFreeDoc(doc);
	} else if (memchr(data, '\0', len) != NULL) {
		*cause = xstrdup("neither OPML nor a urls file (NUL bytes)");
		n = -1;
	} else
		n = subs_urls(data, len, subs, diag, ctx);
	if (n < 0) {
		free(*subs);
		*subs = NULL;
	}
	return n;
}

void
feed_subs_free(struct feed_sub *subs, size_t n)
{
	size_t	i;

	for (i = 0; i < n; i++) {
		free(subs[i].url);
		free(subs[i].name);
	}
	free(subs);
}

/* Appends s to out as the value of a double-quoted XML attribute: valid
 * UTF-8, markup and line breaks escaped, other controls left out. */
static void
attr_escape(struct buf *out, const char *s)
{
	struct buf	 b;
	const char	*p;

	buf_init(&b);
	repair(&b, s, strlen(s), 1);
	for (p = b.data; *p != '\0'; p++)
		switch (*p) {
		case '&':
			buf_adds(out, "&amp;");
			break;
		case '<':
			buf_adds(out, "&lt;");
			break;
		case '>':
			buf_adds(out, "&gt;");
			break;
		case '"':
			buf_adds(out, "&quot;");
			break;
		case '\t':
			buf_adds(out, "&#9;");
			break;
		case '\n':
			buf_adds(out, "&#10;");
			break;
		case '\r':
			buf_adds(out, "&#13;");
			break;
		default:
			if (*p == '\x7f' || (p[0] == '\xc2' &&
			    (unsigned char)p[1] >= 0x80 &&
			    (unsigned char)p[1] <= 0x9f)) {
				p += *p == '\x7f' ? 0 : 1;
				break;
			}
			buf_addc(out, *p);
		}
	buf_free(&b);
}

void
feed_opml_write(struct buf *out, const char *title,
    const struct feed_sub *subs, size_t n)
{
	size_t	i;

	buf_adds(out, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
	    "<opml version=\"2.0\">\n  <head>\n    <title>");
	attr_escape(out, title != NULL ? title : "");
	buf_adds(out, "</title>\n  </head>\n  <body>\n");
	for (i = 0; i < n; i++) {
		buf_adds(out, "    <outline type=\"rss\" text=\"");
		attr_escape(out, subs[i].name != NULL ? subs[i].name :
		    subs[i].url);
		if (subs[i].name != NULL) {
			buf_adds(out, "\" title=\"");
			attr_escape(out, subs[i].name);
		}
		buf_adds(out, "\" xmlUrl=\"");
		attr_escape(out, subs[i].url);
		buf_adds(out, "\"/>\n");
	}
	buf_adds(out, "  </body>\n</opml>\n");
}
