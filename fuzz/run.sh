#!/bin/sh
# run.sh: runs the libFuzzer targets and says, one line a target, how many
# inputs it ran, how fast, how much code it reached, how much memory it
# took, and whether it crashed.  Each target starts from a copy of its
# seed corpus (so the committed corpus never grows) plus the inputs kept
# in regress/, which are all run first; its log, and the input of a
# crash, stay in BINDIR/logs.
#
#   fuzz/run.sh [-b BINDIR] [-c FUZZDIR] [-k KEEPDIR]
#               [-r RUNS [-S SEED] | -s SECONDS] [TARGET...]
#
# Two ways to run:
#   -r RUNS     a check: exactly RUNS inputs a target from seed SEED
#               (default 1), the same inputs every time for the same
#               code, so a failure comes from the code under test.  CI
#               runs this.
#   -s SECONDS  a campaign (the default, 30 s): a random seed, for as long
#               as asked.  What it finds goes, once fixed with a unit
#               test, into regress/ (fuzz/README).  With -k the corpus
#               it grows is kept in KEEPDIR/TARGET, and the next campaign
#               with the same -k goes on from there.
# BINDIR holds the built targets ("make fuzz" puts them in fuzz/ of the
# build directory; default ./fuzz), FUZZDIR the corpus/, dict/ and
# regress/ directories (default: where this script is).  A TARGET is a
# name such as fuzz_text; the default is all six.  Exit status: 0 when
# no target crashed, 1 when one did, 2 on a usage error.  The CPU time a
# target took is measured by GNU time when there is one.
set -u

bindir=./fuzz
fuzzdir=$(dirname "$0")
secs=30
runs=
seed=1
keep=
while getopts b:c:k:r:s:S: opt; do
	case $opt in
	b)	bindir=$OPTARG ;;
	c)	fuzzdir=$OPTARG ;;
	k)	keep=$OPTARG ;;
	r)	runs=$OPTARG ;;
	s)	secs=$OPTARG ;;
	S)	seed=$OPTARG ;;
	*)	echo "usage: run.sh [-b bindir] [-c fuzzdir] [-k keepdir]" \
		    "[-r runs [-S seed] | -s seconds] [target ...]" >&2
		exit 2 ;;
	esac
done
shift $((OPTIND - 1))
if [ $# -eq 0 ]; then
	set -- fuzz_import_text fuzz_import_jsonl fuzz_extract fuzz_text \
	    fuzz_search fuzz_feed
fi
# A check is the same every time: a fixed seed and number of runs, no
# rereading of the corpus directory on a timer (-reload, which made runs
# differ), and when setarch can turn address randomization off, the same
# addresses in the comparisons libFuzzer learns from.
norand=
if [ -n "$runs" ]; then
	how="-runs=$runs -seed=$seed -reload=0"
	what="$runs runs from seed $seed"
	if setarch "$(uname -m)" -R true 2>/dev/null; then
		norand="setarch $(uname -m) -R"
	fi
else
	how="-max_total_time=$secs"
	what="$secs s"
fi

# The longest input each target is given: whole files for the importer,
# an article for the extractor and the text module, a query for search.
max_len() {
	case $1 in
	fuzz_import_*|fuzz_feed)	echo 65536 ;;
	fuzz_search)	echo 4096 ;;
	*)		echo 16384 ;;
	esac
}

logs=$bindir/logs
mkdir -p "$logs" || exit 2
crashed=0
for t in "$@"; do
	bin=$bindir/$t
	if [ ! -x "$bin" ]; then
		echo "$t: not built (make fuzz)"
		crashed=$((crashed + 1))
		continue
	fi
	if [ -n "$keep" ] && [ -d "$keep/$t" ]; then
		work=$keep/$t
	else
		work=$(mktemp -d "${TMPDIR:-/tmp}/citata-fuzz.XXXXXX") ||
		    exit 2
		if [ -d "$fuzzdir/corpus/$t" ]; then
			cp "$fuzzdir/corpus/$t"/* "$work"/ 2>/dev/null
		fi
	fi
	# The corpus directories, as arguments (the list of targets was
	# expanded when the loop began).
	set -- "$work"
	if [ -d "$fuzzdir/regress/$t" ]; then
		set -- "$@" "$fuzzdir/regress/$t"
	fi
	dict=
	if [ -f "$fuzzdir/dict/$t.dict" ]; then
		dict=-dict=$fuzzdir/dict/$t.dict
	fi
	log=$logs/$t.log
	rm -f "$logs/$t"-crash-* "$logs/$t"-leak-* "$logs/$t"-timeout-* \
	    "$logs/$t"-oom-*
	timer=
	rm -f "$logs/$t.time"
	if [ -x /usr/bin/time ]; then
		timer="/usr/bin/time -f %U+%S -o $logs/$t.time"
	fi
	# shellcheck disable=SC2086
	$timer $norand "$bin" $how -max_len="$(max_len "$t")" \
	    -timeout=10 -rss_limit_mb=2048 -print_final_stats=1 \
	    -artifact_prefix="$logs/$t-" $dict "$@" >"$log" 2>&1
	st=$?
	if [ -n "$keep" ] && [ "$work" != "$keep/$t" ]; then
		mkdir -p "$keep" && mv "$work" "$keep/$t"
	elif [ -z "$keep" ]; then
		rm -rf "$work"
	fi
	cpu=
	if [ -s "$logs/$t.time" ]; then
		cpu=$(tail -1 "$logs/$t.time" | awk -F+ '$2 != "" {
			printf "%.0f", $1 + $2 }')
	fi

	execs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log")
	speed=$(sed -n 's/^stat::average_exec_per_sec: *//p' "$log")
	rss=$(sed -n 's/^stat::peak_rss_mb: *//p' "$log")
	last=$(grep ' cov: ' "$log" | tail -1)
	cov=$(echo "$last" | sed -n 's/.* cov: \([0-9]*\).*/\1/p')
	ft=$(echo "$last" | sed -n 's/.* ft: \([0-9]*\).*/\1/p')
	corp=$(echo "$last" | sed -n 's/.* corp: \([0-9]*\).*/\1/p')
	if [ "$st" -eq 0 ]; then
		echo "$t: $what${cpu:+ (cpu $cpu s)}, ${execs:-?} execs" \
		    "(${speed:-?}/s), cov ${cov:-?}, ft ${ft:-?}," \
		    "corpus ${corp:-?}, rss ${rss:-?} MB: ok"
	else
		crashed=$((crashed + 1))
		input=$(sed -n 's/.*Test unit written to \(.*\)/\1/p' "$log" |
		    tail -1)
		why=$(grep -m1 -E \
		    '^fuzz: invariant broken|ERROR: |runtime error' "$log")
		echo "$t: CRASH (status $st) after ${execs:-?} execs:" \
		    "${why:-see the log}"
		echo "$t:   input ${input:-none written}, log $log"
	fi
done
[ "$crashed" -eq 0 ]
