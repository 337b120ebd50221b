#!/bin/sh
# scalebench.sh: the archive-scale figures of bench/README in one run:
# import throughput and memory, reader start-up at 1,000 and N articles
# (and newsboat's on the same articles), the cost of a key, and three
# commands on the big archive.  "make bench-scale" runs it.
#
#	scalebench.sh [-f] [-V] [-n N] [-p P] [-r runs] [-d DIR]
#
# -n N       the big archive (default 100000; 1000000 for the full run)
# -p P       newsboat is measured on 1,000 and P articles, and so is
#            citata (default: N, at most 100000)
# -d DIR     where archives and import sets go (default /tmp/citata-scale);
#            archives already there are used again, -f makes them anew
# -r runs    start-up runs per program (default 5)
# -V         instructions per key under callgrind too (slow)
#
# Environment: CITATA (the program), BENCH (the directory of the bench
# programs), top_srcdir, CITATA_DATADIR.
set -e
n=100000
peer=
dir=/tmp/citata-scale
runs=5
fresh=
kv=
while getopts fVn:p:r:d: o; do
	case $o in
	f) fresh=1 ;;
	V) kv=-V ;;
	n) n=$OPTARG ;;
	p) peer=$OPTARG ;;
	r) runs=$OPTARG ;;
	d) dir=$OPTARG ;;
	*) echo "usage: scalebench.sh [-f] [-V] [-n N] [-p P] [-r runs] [-d DIR]" >&2
	   exit 2 ;;
	esac
done
[ -n "$peer" ] || peer=$(( n < 100000 ? n : 100000 ))
sizes=$(printf '%s\n' 1000 "$peer" "$n" | sort -nu)
citata=$(cd "$(dirname "${CITATA:-./src/citata}")" && pwd)/$(basename "${CITATA:-./src/citata}")
bench=${BENCH:-./bench}
: "${top_srcdir:=.}"
export top_srcdir
pool=$top_srcdir/../shared/corpus/pool/articles.txt
mkdir -p "$dir"

echo "== import"
if [ -r "$pool" ]; then
	# The best of three, and its CPU time: the machine is shared.
	for i in 1 2 3; do
		rm -f "$dir/pool.db" "$dir/pool.db-wal" "$dir/pool.db-shm"
		/usr/bin/time -f '%e %U %S %M' -o "$dir/pool.time" \
		    "$citata" -d "$dir/pool.db" import "$pool" >/dev/null
		cat "$dir/pool.time"
	done | sort -n | head -1 | awk -v mb="$(wc -c <"$pool")" '{
		printf "pool: %.1f MB, 2,018 articles, imported in %.2f s " \
		    "(best of 3; CPU %.2f s; target 3 s), peak RSS %.0f MB\n",
		    mb / 1e6, $1, $2 + $3, $4 / 1024 }'
else
	echo "pool: $pool not found; the import sets come from data/articles"
fi
for k in $sizes; do
	if [ -n "$fresh" ] || [ ! -f "$dir/a$k.db" ]; then
		[ -d "$dir/gen$k" ] && [ -z "$fresh" ] ||
		    { rm -rf "$dir/gen$k"; "$bench/archivegen" -n "$k" -o "$dir/gen$k"; }
		"$bench/importbench" -b 10000 -c "$citata" -d "$dir/a$k.db" "$dir/gen$k"
	else
		echo "a$k: $dir/a$k.db is there already (-f to make it anew)"
	fi
done

echo "== newsboat caches"
have_nb=
if command -v newsboat >/dev/null 2>&1 && command -v sqlite3 >/dev/null 2>&1; then
	have_nb=1
	for k in $(printf '%s\n' 1000 "$peer" | sort -nu); do
		if [ -n "$fresh" ] || [ ! -f "$dir/nb$k/cache.db" ]; then
			sh "$top_srcdir/bench/nbcache.sh" "$dir/a$k.db" "$k" "$dir/nb$k"
		fi
	done
else
	echo "newsboat or sqlite3 missing: no peer measurement"
fi

echo "== start-up"
set -- -n "$runs" -s 120x40 -w "Articles " -m 40
for k in $sizes; do
	set -- "$@" "citata-$k=$citata -d $dir/a$k.db"
done
if [ -n "$have_nb" ]; then
	for k in $(printf '%s\n' 1000 "$peer" | sort -nu); do
		set -- "$@" -w "Your feeds" -m 39 "newsboat-$k=env HOME=$dir/nb$k newsboat -c $dir/nb$k/cache.db -u $dir/nb$k/urls -C $dir/nb$k/config"
	done
fi
"$bench/startbench" "$@"

echo "== keys"
"$bench/keybench" $kv -c "$citata" -s 120x40 -n 20 \
    "1000=$dir/a1000.db" "$n=$dir/a$n.db"

echo "== commands on $n articles (median of 5, warm cache; wall time and peak RSS)"
# The speaker most quoted in the small archive, and a word of the pool.
speaker=$("$citata" -d "$dir/a1000.db" speakers --format=tsv | head -1 | cut -f2)
timeit() {
	label=$1
	shift
	for i in 1 2 3 4 5; do
		t0=$(date +%s%N)
		/usr/bin/time -f '%M' -o "$dir/cmd.time" sh -c "$*" >/dev/null 2>&1 || true
		t1=$(date +%s%N)
		echo "$(( (t1 - t0) / 1000 )) $(cat "$dir/cmd.time")"
	done | sort -n | sed -n 3p |
	    awk -v l="$label" '{ printf "  %-44s %8.1f ms %6.1f MB\n", l, $1 / 1000, $2 / 1024 }'
}
timeit "citata list | head" "'$citata' -d '$dir/a$n.db' list | head"
timeit "citata quotes --speaker '$speaker'" "'$citata' -d '$dir/a$n.db' quotes --speaker='$speaker' | wc -l"
echo "  ($("$citata" -d "$dir/a$n.db" quotes --speaker="$speaker" | wc -l) lines of quotes)"
timeit "citata search правительство" "'$citata' -d '$dir/a$n.db' search правительство"
timeit "citata search --quotes заявил" "'$citata' -d '$dir/a$n.db' search --quotes заявил"
