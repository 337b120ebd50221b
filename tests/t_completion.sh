#!/bin/sh
# t_completion.sh: the bash completion (completion/citata.bash) run in
# bash as bash-completion would, with COMP_WORDS and COMP_CWORD set:
# commands, options, speaker names from the archive after --speaker,
# feeds' subcommands and names.
. "${top_srcdir:-.}/tests/lib.sh"

command -v bash >/dev/null 2>&1 || skip_all "no bash"
mkdir -p "$TMPD/bin"
ln -s "$CITATA" "$TMPD/bin/citata"
db="$TMPD/c.db"
"$CITATA" -d "$db" import "$top_srcdir/data/articles" >/dev/null 2>&1
"$CITATA" -d "$db" feeds add --name=Шығыс http://shygys.example.kz/rss \
    >/dev/null

# comp WORD...: what completing the last word offers, one a line.
comp() {
	PATH="$TMPD/bin:$PATH" bash -c '
		. "$1"; shift
		COMP_WORDS=("$@"); COMP_CWORD=$(($# - 1))
		_citata
		printf "%s\n" "${COMPREPLY[@]}"' sh \
	    "$top_srcdir/completion/citata.bash" "$@" 2>&1
}

comp citata se >"$TMPD/o"
contains "$TMPD/o" "search" "a command"
ok $(( $(wc -l <"$TMPD/o") != 1 )) "only the commands that fit"
comp citata -d "$db" quotes --sp >"$TMPD/o"
contains "$TMPD/o" "--speaker=" "a command's options"
comp citata -d "$db" quotes "--speaker=Ер" >"$TMPD/o"
contains "$TMPD/o" "--speaker=Ермек Сарсенбаев" \
    "speakers of the archive named by -d"
ok $(grep -vc '^--speaker=Ер' "$TMPD/o") "and only those that fit"
comp citata -d "$db" list --format=t >"$TMPD/o"
contains "$TMPD/o" "--format=tsv" "formats"
comp citata -d "$db" list --st >"$TMPD/o"
contains "$TMPD/o" "--starred" "list --starred"
comp citata -c "$TMPD/conf" -d "$db" list --st >"$TMPD/o"
contains "$TMPD/o" "--starred" "  after -c FILE too"
comp citata --con >"$TMPD/o"
contains "$TMPD/o" "--config=" "the global --config"
comp citata -d "$db" feeds r >"$TMPD/o"
contains "$TMPD/o" "remove" "feeds' subcommands"
comp citata -d "$db" fetch Ш >"$TMPD/o"
contains "$TMPD/o" "Шығыс" "feed names after fetch"

done_testing
