#!/bin/sh
# t_lint.sh: the man page lints clean, documents every command, and the
# sources (the fuzz targets too) use none of the banned calls.
. "${top_srcdir:-.}/tests/lib.sh"

man="$top_srcdir/man/citata.1"
if [ -n "${MANDOC:-}" ] && [ "$MANDOC" != ":" ]; then
	"$MANDOC" -Tlint -W warning "$man" >"$TMPD/lint" 2>&1
	st=$?
	[ -s "$TMPD/lint" ] && sed 's/^/# /' "$TMPD/lint"
	ok $st "mandoc -Tlint is clean"
else
	echo "ok 1 - mandoc -Tlint # SKIP mandoc not installed"
	tap_n=1
fi

"$CITATA" --help >"$TMPD/help"
for c in $(sed -n 's/^  \([a-z]*\)  .*/\1/p' "$TMPD/help"); do
	grep -q "^\.It Cm $c" "$man"
	ok $? "man page documents the '$c' command"
done

for f in "$top_srcdir"/src/*.c "$top_srcdir"/fuzz/*.c; do
	case $f in */util.c) continue ;; esac
	if grep -nE '\b(strcpy|strcat|sprintf|vsprintf|gets)\(|[^xa-z_](malloc|calloc|realloc|strdup)\(' "$f" >"$TMPD/banned"; then
		ok 1 "$(basename "$f") uses no banned call"
		sed 's/^/# /' "$TMPD/banned"
	else
		ok 0 "$(basename "$f") uses no banned call"
	fi
done

# Programs citata runs (a browser, a clipboard command) get their
# arguments as a vector, never a command line for a shell: nothing from
# an article can become a command.  The one exception is the reader's |,
# whose command line the user types (as in mutt): the line that runs it
# says so ("/* typed */"), and there is one such line, in ui_act.c.
if grep -nE '\b(system|popen)\(|"/bin/sh"|"sh", "-c"' "$top_srcdir"/src/*.c |
    grep -vE '^[^:]*/ui_act\.c:[0-9]+:.*/\* typed \*/$' >"$TMPD/shell"; then
	ok 1 "no command goes through a shell"
	sed 's/^/# /' "$TMPD/shell"
else
	ok 0 "no command goes through a shell"
fi
typed=$(grep -l '/\* typed \*/' "$top_srcdir"/src/*.c | wc -l)
if [ "$typed" -eq 1 ] && [ "$(grep -c '/\* typed \*/' \
    "$top_srcdir/src/ui_act.c")" -eq 1 ]; then
	ok 0 "one line runs a typed command through a shell, in ui_act.c"
else
	ok 1 "one line runs a typed command through a shell, in ui_act.c"
fi
done_testing
