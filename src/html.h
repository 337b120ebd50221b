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
 *
 * Decisions within those rules: head, title, frame, embed, picture,
 * video, audio, canvas, map, math, input, select and textarea are
 * dropped too; two <br> in a row make a paragraph break; a table cell
 * after another in its row is set off by " | "; <pre> keeps its line
 * breaks but not its indentation; a no-break space (U+00A0, U+2007,
 * U+202F) between two words is kept as published, one beside other
 * white space or at either end of a line goes; tab, CR, NEL and the
 * Unicode spaces are white space; other C0 and C1 controls are dropped.
 * Markup nested deeper than libxml2's limit (256 elements) ends the
 * text there.
 */

/*
 * Returns the text of html[0..len) (new, NUL-terminated, valid UTF-8 in
 * NFC without controls other than "\n"; "" when there is none) and
 * stores its length in *outlen when outlen is not NULL.  charset names
 * the encoding of html, NULL for UTF-8 (an unknown one is read as
 * UTF-8; a byte that is not valid in it becomes U+FFFD; a <meta>
 * charset is ignored).  Input without markup (html_is_markup() false)
 * is read as html_plain_to_text() reads it.  Never fails: broken markup
 * is read the way a browser would.
 */
char	*html_to_text(const char *html, size_t len, const char *charset,
	    size_t *outlen);

/*
 * Returns the plain text s[0..len) (UTF-8; an invalid byte becomes
 * U+FFFD) the way html_to_text() returns text: paragraphs split at blank
 * lines and separated by "\n\n", a single line break inside a paragraph
 * joined as a space, white space collapsed, controls dropped, NFC.  Its
 * length goes in *outlen when outlen is not NULL; the caller frees it.
 * Nothing in s is markup: "<b>" stays "<b>".  (Added for Atom
 * type="text" and for one-line fields such as titles.)
 */
char	*html_plain_to_text(const char *s, size_t len, size_t *outlen);

/* Whether s[0..len) looks like HTML markup rather than plain text: it
 * holds a tag of a known HTML element or an entity reference.  Plain
 * text is kept as it is, paragraphs split at blank lines. */
int	html_is_markup(const char *s, size_t len);

#endif /* HTML_H */
