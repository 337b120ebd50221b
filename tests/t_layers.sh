#!/bin/sh
# t_layers.sh: the module boundaries of STYLE.md, read from the sources.
#
#   1. Only the reader (src/ui*.c) includes curses.
#   2. Only the archive (src/db*.c) includes sqlite3.
#   3. Extraction includes neither the archive (db*.h, sqlite3) nor the
#      reader (ui*.h, curses): it does no I/O and is tested from strings.
#
# A file "includes" what it includes directly and what the project's
# headers it includes bring in, so a header that pulls in curses counts
# against every file that includes it.  Extraction is the files listed
# in EXTRACTION below (a listed file that is gone fails: update the
# list), and any other file of src/ that includes segment.h, quotes.h or
# speakers.h, but for those that use extraction without being part of
# it: the commands (main.c, cmd_*.c), feeds.c (which stores what it
# extracts from a feed, as import does), the archive (db*.c) and the
# reader (ui*.c).  Checked: the
# .c files of src/ and fuzz/; tests/ and bench/ hold harnesses
# (tests/boxdraw.c draws with curses on purpose).
. "${top_srcdir:-.}/tests/lib.sh"

EXTRACTION="segment.c quotes.c speakers.c lexicon.c merge.c"
src="$top_srcdir/src"
curses='<(ncursesw/|ncurses/)?(n?curses|term|panel|menu|form)\.h>'
sqlite='<sqlite3(ext)?\.h>'

# incl FILE: the headers FILE includes, one a line: <system.h> as is,
# "project.h" by its name.
incl() {
	sed -n 's/^[[:space:]]*#[[:space:]]*include[[:space:]]*//p' "$1" |
	    sed -n 's/^\([<"][^>"]*[>"]\).*/\1/p' | tr -d '"'
}

# closure FILE: what FILE includes, directly or through the headers of
# src/ and fuzz/, one a line, sorted.
closure() {
	: >"$TMPD/seen"
	printf '%s\n' "$1" >"$TMPD/todo"
	while [ -s "$TMPD/todo" ]; do
		cf=$(head -1 "$TMPD/todo")
		tail -n +2 "$TMPD/todo" >"$TMPD/todo2"
		mv "$TMPD/todo2" "$TMPD/todo"
		for h in $(incl "$cf"); do
			grep -qxF -- "$h" "$TMPD/seen" && continue
			echo "$h" >>"$TMPD/seen"
			for d in "$src" "$top_srcdir/fuzz"; do
				if [ -f "$d/$h" ]; then
					echo "$d/$h" >>"$TMPD/todo"
					break
				fi
			done
		done
	done
	sort "$TMPD/seen"
}

# forbid PATTERN WHAT: a check that $TMPD/cl, what the file includes,
# holds nothing that PATTERN matches.
forbid() {
	bad=$(grep -E "^($1)\$" "$TMPD/cl" | tr '\n' ' ')
	[ -z "$bad" ]
	ok $? "$2${bad:+ (it does: $bad)}"
}

# is_extraction FILE
is_extraction() {
	b=$(basename "$1")
	case $1 in
	*/fuzz/*) return 1 ;;
	esac
	for e in $EXTRACTION; do
		[ "$b" = "$e" ] && return 0
	done
	case $b in
	main.c|cmd_*.c|feeds.c|db*.c|ui*.c) return 1 ;;
	esac
	incl "$1" | grep -qxE 'segment\.h|quotes\.h|speakers\.h'
}

for e in $EXTRACTION; do
	[ -f "$src/$e" ]
	ok $? "extraction file src/$e exists (else update EXTRACTION)"
done

nfiles=0
for f in "$src"/*.c "$top_srcdir"/fuzz/*.c; do
	[ -f "$f" ] || continue
	nfiles=$((nfiles + 1))
	b=$(basename "$f")
	closure "$f" >"$TMPD/cl"
	case $f in
	*/src/ui*.c) ;;
	*)	forbid "$curses" "$b is not the reader and includes no curses" ;;
	esac
	case $f in
	*/src/db*.c) ;;
	*)	forbid "$sqlite" "$b is not the archive and includes no sqlite3" ;;
	esac
	if is_extraction "$f"; then
		forbid "db[^/]*\.h|ui[^/]*\.h|$sqlite|$curses" \
		    "$b is extraction and includes neither the archive nor the reader"
	fi
done
ok $(( nfiles < 10 )) "the sources were found ($nfiles files)"
done_testing
