#!/bin/sh
# t_args.sh: command-line habits.  Options may come after operands, as
# GNU tools take them ("citata show 12 --width=72", the README's own
# example), "--" ends them, a word with one dash stays an operand (a
# search's exclusion), an option without its value says so; and the
# program of a build tree finds its word lists without CITATA_DATADIR.
. "${top_srcdir:-.}/tests/lib.sh"

db="$TMPD/a.db"
"$CITATA" -d "$db" import "$top_srcdir/data/articles" >/dev/null 2>&1
id=$("$CITATA" -d "$db" list --format=tsv | head -1 | cut -f1)

"$CITATA" -d "$db" show --width=40 "$id" >"$TMPD/before" 2>&1
"$CITATA" -d "$db" show "$id" --width=40 >"$TMPD/after" 2>&1
ok $? "show ID --width=N"
same "$TMPD/after" "$TMPD/before" "is show --width=N ID"
"$CITATA" -d "$db" show "$id" --width 40 >"$TMPD/after" 2>&1
same "$TMPD/after" "$TMPD/before" "and --width N takes its value"
"$CITATA" -d "$db" show -- "$id" >/dev/null 2>&1
ok $? "-- ends the options"

"$CITATA" -d "$db" search аким --limit=1 --format=tsv >"$TMPD/o" 2>&1
ok $(( $(wc -l <"$TMPD/o") != 1 )) "search WORD --limit=1 prints one result"
"$CITATA" -d "$db" search --format=tsv дорога >"$TMPD/all" 2>&1
"$CITATA" -d "$db" search дорога -Талдыкорган --format=tsv >"$TMPD/o" \
    2>"$TMPD/e"
ok $(( $? != 1 )) "a word with one dash is a search's exclusion, not an option"
ok $(( $(wc -l <"$TMPD/o") != 0 || $(wc -l <"$TMPD/all") != 1 )) \
    "and it excludes ($(wc -l <"$TMPD/o") of $(wc -l <"$TMPD/all"))"

"$CITATA" -d "$db" show "$id" --width >"$TMPD/o" 2>&1
ok $(( $? != 2 )) "an option without its value: exit 2"
contains "$TMPD/o" "show: option '--width' needs a value" "says so"
"$CITATA" -d "$db" list --nonesuch >"$TMPD/o" 2>&1
ok $(( $? != 2 )) "an unknown option: exit 2"
contains "$TMPD/o" "list: unknown option '--nonesuch'" "says so"

"$CITATA" -d "$db" feeds add http://feeds.example/rss --name=Пример \
    >"$TMPD/o" 2>&1
ok $? "feeds add URL --name=NAME"
"$CITATA" -d "$db" feeds list --format=tsv >"$TMPD/o"
contains "$TMPD/o" "	Пример	http://feeds.example/rss	" "names the feed"
"$CITATA" -d "$db" fetch --jobs >"$TMPD/o" 2>&1
contains "$TMPD/o" "fetch: option '--jobs' needs a value" \
    "fetch --jobs without a value says so"

# The program of this build tree, with no CITATA_DATADIR.
printf ' date 2026-12-06 Аким Ержан Сәрсенов сказал, что мост откроют.\n' \
    >"$TMPD/one.txt"
(unset CITATA_DATADIR; "$CITATA" extract --format=text "$TMPD/one.txt") \
    >"$TMPD/o" 2>&1
ok $? "the build's own program finds its word lists without CITATA_DATADIR"
contains "$TMPD/o" "Ержан Сәрсенов" "and extracts with them"

done_testing
