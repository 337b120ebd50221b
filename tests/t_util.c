/*
 * t_util.c: the growable buffer and the allocating printf.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "util.h"

#include "tap.h"

int
main(void)
{
	struct buf	 b;
	char		*s;
	int		 i;

	buf_init(&b);
	ok(b.data != NULL && b.data[0] == '\0' && b.len == 0,
	    "a new buffer is a valid empty string");
	buf_grow(&b, 100);
	ok(b.data[0] == '\0', "a grown new buffer is an empty string");
	buf_free(&b);
	s = buf_steal(&b);
	is(s, "", "an empty buffer steals as an empty string");
	free(s);
	for (i = 0; i < 10000; i++)
		buf_adds(&b, "абв");
	ok(b.len == 60000 && strlen(b.data) == 60000,
	    "60,000 bytes appended, NUL-terminated");
	buf_reset(&b);
	ok(b.len == 0 && b.data[0] == '\0', "reset empties");
	buf_printf(&b, "%d-%s", 42, "x");
	buf_addc(&b, '!');
	buf_add(&b, "yz", 1);
	is(b.data, "42-x!y", "printf, addc, add");
	buf_free(&b);
	ok(b.data != NULL && b.data[0] == '\0' && b.len == 0,
	    "free leaves a valid empty buffer");
	buf_reset(&b);
	ok(b.data[0] == '\0', "reset of a new buffer");
	s = buf_steal(&b);
	is(s, "", "a new buffer steals as an empty string");
	free(s);
	s = xasprintf("%s %05.1f", "Қ", 2.5);
	is(s, "Қ 002.5", "xasprintf");
	free(s);
	s = xstrndup("abcdef", 3);
	is(s, "abc", "xstrndup");
	{
		static const char *const list[] = { "в", "однако", NULL };

		ok(str_in("однако", list) && !str_in("одна", list) &&
		    !str_in("", list), "str_in: whole strings of the list only");
	}
	free(s);
	return tap_done();
}
