#!/bin/sh
# t_cli.sh: golden tests of the command line.  For each tests/cli/NAME.in.*
# the file is imported into a new archive; what import prints, its exit
# status, `list --format=tsv` and `show --width=40` of every article must
# equal tests/cli/NAME.golden.  To accept a new output after checking it
# by eye: CITATA_BLESS=1 make check.
. "${top_srcdir:-.}/tests/lib.sh"

dir="$top_srcdir/tests/cli"
for in in "$dir"/*.in.*; do
	name=$(basename "$in")
	base=${name%%.in.*}
	db="$TMPD/$base.db"
	out="$TMPD/$base.out"
	(
		cd "$dir" || exit 1
		"$CITATA" -d "$db" import "$name" >"$TMPD/stdout" 2>"$TMPD/stderr"
		echo "exit $?"
		echo "--- stdout"
		sed 's/ ([0-9]* quotes)$//' "$TMPD/stdout"
		echo "--- stderr"
		cat "$TMPD/stderr"
		echo "--- list"
		"$CITATA" -d "$db" list --format=tsv
		for id in $("$CITATA" -d "$db" list --format=tsv | cut -f1 | sort -n); do
			echo "--- show $id"
			"$CITATA" -d "$db" show --width=40 "$id"
		done
	) >"$out" 2>&1
	if [ -n "${CITATA_BLESS:-}" ]; then
		cp "$out" "$dir/$base.golden"
	fi
	same "$out" "$dir/$base.golden" "import, list and show of $name"
done

# Usage errors: exit 2 and a message naming the problem.
"$CITATA" frobnicate >"$TMPD/o" 2>&1
ok $(( $? != 2 )) "an unknown command exits 2"
contains "$TMPD/o" "unknown command 'frobnicate'" "and names it"
"$CITATA" -d "$TMPD/none.db" list >"$TMPD/o" 2>&1
ok $(( $? != 2 )) "listing a missing archive exits 2"
contains "$TMPD/o" "no such archive" "and says so"
"$CITATA" -d "$TMPD/basic.db" show 999 >"$TMPD/o" 2>&1
ok $(( $? != 1 )) "showing a missing article exits 1"
"$CITATA" -d "$TMPD/basic.db" show --width=0 1 >"$TMPD/o" 2>&1
ok $(( $? != 2 )) "a bad width exits 2"
"$CITATA" -d "$TMPD/basic.db" list --format=xml >"$TMPD/o" 2>&1
ok $(( $? != 2 )) "an unknown format exits 2"
contains "$TMPD/o" "unknown format 'xml'" "and names it"
# The default archive's directory is made when an import creates it.
(unset CITATA_DB; XDG_DATA_HOME="$TMPD/xdg" "$CITATA" import \
    "$top_srcdir/tests/cli/basic.in.txt" >"$TMPD/o" 2>&1)
ok $? "import into the default archive, its directory missing"
ok $([ -s "$TMPD/xdg/citata/citata.db" ]; echo $?) \
    "  makes \$XDG_DATA_HOME/citata/citata.db"

# Empty arguments are quoted as empty, not as '(null)'.
"$CITATA" '' >"$TMPD/o" 2>&1
ok $(( $? != 2 )) "an empty command exits 2"
contains "$TMPD/o" "unknown command ''" "and quotes it empty"
"$CITATA" -d "$TMPD/basic.db" show '' >"$TMPD/o" 2>&1
ok $(( $? != 2 )) "show '' exits 2"
contains "$TMPD/o" "show: bad article id ''" "and quotes it empty"
"$CITATA" -d "$TMPD/basic.db" quotes --speaker='' >"$TMPD/o" 2>&1
ok $(( $? != 1 )) "quotes --speaker='' exits 1"
contains "$TMPD/o" "quotes: no speaker ''" "and quotes it empty"
"$CITATA" --version >"$TMPD/o"
contains "$TMPD/o" "citata " "--version prints the version"
"$CITATA" import --help >"$TMPD/o"
contains "$TMPD/o" "usage: citata [-d DB] import [--batch=N] PATH..." "command --help"

# A file name with an escape sequence is escaped in diagnostics.
esc=$(printf 'evil\033]0;x\007.txt')
printf 'no header here\n' >"$TMPD/$esc"
(cd "$TMPD" && "$CITATA" -d "$TMPD/e.db" import "$esc") >"$TMPD/o" 2>&1
ok $(( $? != 1 )) "a file with no record exits 1"
if grep -q "$(printf '\033')" "$TMPD/o"; then st=1; else st=0; fi
ok $st "no ESC byte in diagnostics"
contains "$TMPD/o" 'evil\x1b]0;x\x07.txt:1: error: text before the first' \
    "the file name is escaped"

# Standard input, and output with hostile bytes stays free of ESC.
printf '{"date":"2025-01-01","title":"\\u001b[2Jx","text":"a\\u009bb"}\n' |
    "$CITATA" -d "$TMPD/s.db" import - >/dev/null
ok $? "import from standard input"
for f in text tsv jsonl; do
	"$CITATA" -d "$TMPD/s.db" list --format=$f >"$TMPD/o"
	if LC_ALL=C grep -q "$(printf '\033')\|$(printf '\302\233')" "$TMPD/o"; then
		st=1
	else
		st=0
	fi
	ok $st "list --format=$f has no ESC or C1 byte"
done
# quotes --format=cite: one citation a line, the hostile article's too
# without a control byte; other commands refuse it.
"$CITATA" -d "$TMPD/basic.db" quotes --speaker='Ахметов' --format=cite \
    >"$TMPD/o"
printf '%s%s\n' '«Мы закончили работы на месяц раньше срока», — ' \
    'Нурлан Ахметов, подрядчик (BAQ.KZ, 2025-10-01)' >"$TMPD/want"
same "$TMPD/o" "$TMPD/want" "quotes --format=cite: the citation"
"$CITATA" -d "$TMPD/basic.db" list --format=cite >"$TMPD/o" 2>&1
ok $(( $? != 2 )) "list --format=cite exits 2"
contains "$TMPD/o" "unknown format 'cite' (use text, tsv or jsonl)" \
    "and says which formats list takes"
"$CITATA" -d "$TMPD/h.db" import "$top_srcdir/data/articles/14-hostile.txt" \
    >/dev/null 2>&1
"$CITATA" -d "$TMPD/h.db" quotes --format=cite >"$TMPD/o"
ok $(( $(wc -l <"$TMPD/o") < 3 )) "the hostile article's quotes cited"
if LC_ALL=C grep -q "$(printf '\033')\|$(printf '\302\233')\|$(printf '\342\200\256')" \
    "$TMPD/o"; then st=1; else st=0; fi
ok $st "with no ESC, C1 byte or RLO"
"$CITATA" -d "$TMPD/s.db" show 1 >"$TMPD/o"
if LC_ALL=C grep -q "$(printf '\033')" "$TMPD/o"; then st=1; else st=0; fi
ok $st "show has no ESC byte"
# A quote's text comes from its row of the quotes' full-text index, and
# from its article when that row is missing: the same text either way.
"$CITATA" -d "$TMPD/q.db" import "$top_srcdir/data/articles" >/dev/null 2>&1
"$CITATA" -d "$TMPD/q.db" quotes --format=tsv >"$TMPD/q1"
sqlite3 "$TMPD/q.db" "DELETE FROM quotes_fts_content" 2>/dev/null
ok $(( $(sqlite3 "$TMPD/q.db" "SELECT count(*) FROM quotes_fts_content") != 0 )) \
    "the index rows are gone"
"$CITATA" -d "$TMPD/q.db" quotes --format=tsv >"$TMPD/q2"
ok $(( $(wc -l <"$TMPD/q1") < 5 )) "quotes listed"
ok $(cmp -s "$TMPD/q1" "$TMPD/q2"; echo $?) \
    "the same quote texts read from the articles"
# show wraps every sample article, the hostile one too, within N columns
# as wcswidth() counts them, and no control byte reaches the output.
mw="${top_builddir:-.}/tests/maxwidth"
if [ -x "$mw" ]; then
	"$CITATA" -d "$TMPD/d.db" import "$top_srcdir/data/articles" >/dev/null 2>&1
	for w in 1 7 20 40 79 132; do
		worst=0
		bad=0
		for id in $("$CITATA" -d "$TMPD/d.db" list --format=tsv | cut -f1); do
			m=$("$CITATA" -d "$TMPD/d.db" show --width=$w "$id" | "$mw") || bad=1
			[ "$m" -gt "$worst" ] && worst=$m
		done
		ok $(( worst > w || bad )) "show --width=$w: widest line $worst, no control byte"
	done
else
	echo "# $mw not built: width checks skipped"
fi
done_testing
