#ifndef HTML_H
#define HTML_H

#include <stddef.h>

/*
 * html.c: HTML (a fragment or a whole page) to article text, with
 * libxml2's HTML parser, never with patterns.  Block elements (p, div,
 * li, h1-h6, blockquote, pre, tr, section ...) become paragraphs,
 * separated by "\n\n"; <br> is a line break ("\n"); list items are
 * paragraphs; entities are decoded; script, style, noscript, template,
 * iframe, object, img, svg, form, button, nav, header, footer and aside
 * are dropped with everything in them; a link keeps its text.  Runs of
 * white space become one space, lines are trimmed, empty paragraphs
 * vanish.  No I/O.
 */

/*
 * Returns the text of html[0..len) (new, NUL-terminated, valid UTF-8 in
 * NFC without controls other than "\n"; "" when there is none) and
 * stores its length in *outlen when outlen is not NULL.  charset names
 * the encoding of html, NULL for UTF-8.  Never fails: broken markup is
 * read the way a browser would.
 */
char	*html_to_text(const char *html, size_t len, const char *charset,
	    size_t *outlen);

/* Whether s[0..len) looks like HTML markup rather than plain text: it
 * holds a tag of a known HTML element or an entity reference.  Plain
 * text is kept as it is, paragraphs split at blank lines. */
int	html_is_markup(const char *s, size_t len);

#endif /* HTML_H */
