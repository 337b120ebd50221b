#ifndef EXPORT_H
#define EXPORT_H

#include <stddef.h>

/*
 * export.c: the stable machine-readable output of citata: JSON Lines
 * and TSV fields, and escaping that keeps control bytes of the archive's
 * text away from a terminal.  Everything appends to a struct buf.
 */

struct article;
struct buf;

/* Appends s[0..len) as a JSON string literal: controls as \uXXXX (so no
 * ESC byte is ever written), invalid UTF-8 bytes as U+FFFD.  A NULL s
 * appends null. */
void	export_json_string(struct buf *, const char *s, size_t len);
/* The same for a NUL-terminated string or NULL. */
void	export_json_str(struct buf *, const char *s);

/* Appends one TSV field: tab, newline, carriage return and backslash
 * become \t \n \r \\, other controls and invalid bytes \xNN.  NULL is
 * an empty field. */
void	export_tsv_field(struct buf *, const char *s, size_t len);

/* Appends s with every control byte (C0, DEL, C1 in UTF-8) and invalid
 * UTF-8 byte written as \xNN: for file names and strings quoted in
 * diagnostics. */
void	export_escape(struct buf *, const char *s);

/* Appends a as one JSON object and a newline: date, title, source, url,
 * text.  The form import reads back. */
void	export_article_jsonl(struct buf *, const struct article *a);

#endif /* EXPORT_H */
