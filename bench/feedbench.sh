#!/bin/sh
# feedbench.sh: fetching many feeds, citata against newsboat, on the same
# feeds served from 127.0.0.1 in the same run.
#
#	feedbench.sh [-f FEEDS] [-i ITEMS] [-j JOBS]
#
# Makes FEEDS feeds (default 200) of ITEMS items each (default 50) from
# the paragraphs of data/articles (our own text; every item a different
# mix, with its quotes), serves them with tests/feedserver, and times:
#   citata fetch --jobs=JOBS into a new archive (parse, extract, store),
#   the same again (every feed unchanged: all 304),
#   newsboat -x reload with reload-threads JOBS and a new cache, and its
#   second reload,
# each with GNU time: wall clock, CPU (user + system), peak memory.
# Needs a build (CITATA, FEEDSERVER) and GNU time; newsboat is skipped
# when it is not installed.
set -eu
feeds=200
items=50
jobs=8
while getopts f:i:j: opt; do
	case $opt in
	f)	feeds=$OPTARG ;;
	i)	items=$OPTARG ;;
	j)	jobs=$OPTARG ;;
	*)	echo "usage: feedbench.sh [-f feeds] [-i items] [-j jobs]" >&2
		exit 2 ;;
	esac
done
: "${top_srcdir:=.}"
: "${CITATA:=./src/citata}"
: "${FEEDSERVER:=./tests/feedserver}"
: "${CITATA_DATADIR:=$top_srcdir/data}"
export CITATA_DATADIR
if [ ! -x /usr/bin/time ]; then
	echo "feedbench: needs GNU time (/usr/bin/time)" >&2
	exit 2
fi
tmp=$(mktemp -d "${TMPDIR:-/tmp}/citata-feedbench.XXXXXX")
trap 'exec 9>&- 2>/dev/null; rm -rf "$tmp"' EXIT
www=$tmp/www
mkdir -p "$www"

# The paragraphs of the sample articles, one a line, without the
# header line of each record.
for f in "$top_srcdir"/data/articles/[01][0-9]-*.txt; do
	case $f in *hostile*) continue ;; esac
	awk 'BEGIN { RS = "" } { gsub(/\n/, " "); sub(/^.* date [0-9-]+ /, "");
	    print }' "$f"
done >"$tmp/paras"

# FEEDS feeds: item j of feed i takes three paragraphs chosen by i and j,
# so no two items are the same text.
awk -v feeds="$feeds" -v items="$items" -v www="$www" '
function esc(s) { gsub(/&/, "\\&amp;", s); gsub(/</, "\\&lt;", s);
    gsub(/>/, "\\&gt;", s); return s }
{ p[n++] = $0 }
END {
	split("Mon Tue Wed Thu Fri Sat Sun", wd, " ")
	for (i = 0; i < feeds; i++) {
		f = www "/feed" i ".xml"
		printf "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n" \
		    "<rss version=\"2.0\"><channel><title>Лента %d</title>" \
		    "<link>http://bench.example/%d/</link>" \
		    "<description>feedbench</description>\n", i, i >f
		for (j = 0; j < items; j++) {
			k = (i * 7 + j * 13) % n
			day = 1 + (j % 28)
			printf "<item><title>Новость %d-%d: %s</title>" \
			    "<link>http://bench.example/%d/%d</link>" \
			    "<guid>bench-%d-%d</guid>" \
			    "<pubDate>%s, %02d Nov 2026 %02d:%02d:00 +0500" \
			    "</pubDate><description>&lt;p&gt;%s&lt;/p&gt;" \
			    "&lt;p&gt;%s&lt;/p&gt;&lt;p&gt;%s (%d, %d)" \
			    "&lt;/p&gt;</description></item>\n", i, j,
			    esc(substr(p[k], 1, 60)), i, j, i, j,
			    wd[1 + (day % 7)], day, j % 24, (i + j) % 60,
			    esc(p[k]), esc(p[(k + 1) % n]),
			    esc(p[(k + 2) % n]), i, j >f
		}
		printf "</channel></rss>\n" >f
		close(f)
	}
}' "$tmp/paras"

mkfifo "$tmp/srvin"
"$FEEDSERVER" "$www" <"$tmp/srvin" >"$tmp/port" &
exec 9>"$tmp/srvin"
while [ ! -s "$tmp/port" ]; do sleep 0.1; done
port=$(cat "$tmp/port")
i=0
while [ $i -lt "$feeds" ]; do
	echo "http://127.0.0.1:$port/feed$i.xml"
	i=$((i + 1))
done >"$tmp/urls"
bytes=$(cat "$www"/*.xml | wc -c)

# run NAME COMMAND...: one timed run, its line of the table.
run() {
	name=$1
	shift
	/usr/bin/time -f '%e %U %S %M' -o "$tmp/t" "$@" >"$tmp/out" 2>&1 ||
	    { echo "feedbench: $name failed:"; cat "$tmp/out"; exit 1; }
	set -- $(cat "$tmp/t")
	printf '%-28s %8.2f %8.2f %9.1f\n' "$name" "$1" \
	    "$(echo "$2 + $3" | bc)" "$(echo "scale=1; $4 / 1024" | bc)"
}

echo "feedbench: $feeds feeds x $items items ($((bytes / 1024)) KiB of" \
    "XML) from 127.0.0.1, $jobs at a time"
printf '%-28s %8s %8s %9s\n' "" "wall s" "CPU s" "peak MB"
db=$tmp/bench.db
"$CITATA" -d "$db" feeds import "$tmp/urls" >/dev/null
run "citata fetch" "$CITATA" -d "$db" fetch --jobs="$jobs"
tail -1 "$tmp/out" | sed 's/^/    /'
run "citata fetch, unchanged" "$CITATA" -d "$db" fetch --jobs="$jobs"
tail -1 "$tmp/out" | sed 's/^/    /'
if command -v newsboat >/dev/null 2>&1; then
	printf 'reload-threads %s\n' "$jobs" >"$tmp/nbconfig"
	run "newsboat -x reload" newsboat -u "$tmp/urls" -c "$tmp/nb.db" \
	    -C "$tmp/nbconfig" -x reload
	n=$(sqlite3 "$tmp/nb.db" 'SELECT count(*) FROM rss_item' 2>/dev/null ||
	    echo '?')
	echo "    newsboat stored $n items"
	run "newsboat -x reload, again" newsboat -u "$tmp/urls" \
	    -c "$tmp/nb.db" -C "$tmp/nbconfig" -x reload
else
	echo "newsboat not installed: skipped"
fi
