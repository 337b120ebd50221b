#!/bin/sh
# extreme.sh: citata on inputs of extreme shape, each made here in a
# temporary directory: a 50 MB article, a 1 MiB line, 100,000 tiny
# articles in one file, quotation marks nested 10,000 deep, 10,000
# quotes by 8,000 speakers in one article, a 10,000-character speaker
# name.  Each step (import, show, quotes, search, extract, ...) runs under
# /usr/bin/time; prints its wall time, maximum resident memory and exit
# status, and exits 1 when a step crashed (killed by a signal, or an exit
# status above 2).  Run by "make bench-extreme".
#
#	bench/extreme.sh [-s SCALE] CITATA
#
# SCALE divides the sizes (default 1); CITATA_DATADIR must name data/.

scale=1
if [ "${1:-}" = "-s" ]; then
	scale=$2
	shift 2
fi
citata=${1:?usage: extreme.sh [-s SCALE] CITATA}
case $citata in
/*) ;;
*) citata=$(pwd)/$citata ;;
esac
timer=/usr/bin/time
[ -x "$timer" ] || { echo "extreme.sh: needs GNU time as $timer" >&2; exit 2; }
: "${CITATA_DATADIR:?set CITATA_DATADIR to the data/ directory}"
export CITATA_DATADIR
LC_ALL=C.UTF-8
export LC_ALL
tmp=$(mktemp -d "${TMPDIR:-/tmp}/citata-extreme.XXXXXX") || exit 2
trap 'rm -rf "$tmp"' EXIT
crashed=0

# step CASE NAME ARGS...: runs citata ARGS under time, prints one row.
step() {
	c=$1
	name=$2
	shift 2
	"$timer" -f '%e %M' -o "$tmp/time" "$citata" "$@" >"$tmp/out" \
	    2>"$tmp/err"
	st=$?
	set -- $(tail -1 "$tmp/time")
	if [ $st -gt 2 ]; then
		crashed=1
		sed 's/^/    /' "$tmp/err" | head -5
	fi
	printf '%-13s %-22s %8s s %7d MB  exit %d\n' "$c" "$name" "$1" \
	    $(( ${2:-0} / 1024 )) $st
}

# The generators count in repetitions, not bytes, so awk's view of UTF-8
# does not matter.
para='«Мост номер %d построили за три года», — сказал аким города Асхат Нуриев. По его словам, движение откроют в апреле, а ремонт старого моста начнётся осенью.'

echo "citata on extreme inputs (scale 1/$scale), $(date +%Y-%m-%d)"
printf '%-13s %-22s %10s %10s\n' case step "wall" "max RSS"

# A 50 MB article: 184,000 paragraphs, each with two quotes.
awk -v n=$((184000 / scale)) -v p="$para" 'BEGIN {
	print " date 2025-01-01 Большая статья о новом мосте через реку."
	for (i = 0; i < n; i++) { print ""; printf p "\n", i }
}' >"$tmp/big.txt"
db="$tmp/big.db"
step big-article "import ($(( $(wc -c <"$tmp/big.txt") / 1048576 )) MB)" \
    -d "$db" import "$tmp/big.txt"
step big-article "show --width=80" -d "$db" show --width=80 1
step big-article "quotes --article=1" -d "$db" quotes --article=1
step big-article "search (a word)" -d "$db" search мост
step big-article "search --quotes" -d "$db" search --quotes мост
step big-article "export" -d "$db" export
step big-article "reextract" -d "$db" reextract
step big-article "extract (no archive)" extract "$tmp/big.txt"
rm -f "$db" "$db-wal" "$db-shm" "$tmp/big.txt"

# One line of exactly 1 MiB (accepted) and one a byte longer (skipped).
for n in 1048576 1048577; do
	LC_ALL=C awk -v n=$n 'BEGIN {
		print " date 2025-01-01 Длинная строка."
		print ""
		l = ""
		while (length(l) + 12 <= n) l = l "слово "
		while (length(l) < n) l = l "x"
		print l
	}' >"$tmp/line$n.txt"
	step line "import, $n bytes" -d "$tmp/line.db" import "$tmp/line$n.txt"
done
step line "show --width=80" -d "$tmp/line.db" show --width=80 1
step line "search (a word)" -d "$tmp/line.db" search слово

# 100,000 tiny articles in one file.
awk -v n=$((100000 / scale)) 'BEGIN {
	for (i = 0; i < n; i++)
		printf " date 2025-01-01 Новость номер %d о погоде.\n\n", i
}' >"$tmp/tiny.txt"
db="$tmp/tiny.db"
step tiny-100k "import" -d "$db" import "$tmp/tiny.txt"
step tiny-100k "list" -d "$db" list
step tiny-100k "search (a word)" -d "$db" search --limit=1000 погоде
step tiny-100k "export" -d "$db" export
step tiny-100k "import again (dups)" -d "$db" import "$tmp/tiny.txt"

# Quotation marks nested 10,000 deep.
awk -v n=10000 'BEGIN {
	print " date 2025-01-01 Вложенные кавычки."
	print ""
	s = ""
	for (i = 0; i < n; i++) s = s (i % 2 ? "„" : "«")
	s = s "Слово"
	for (i = n - 1; i >= 0; i--) s = s (i % 2 ? "“" : "»")
	print s ", — сказал Иван Петров."
}' >"$tmp/nested.txt"
step nested "import" -d "$tmp/nested.db" import "$tmp/nested.txt"
step nested "show --width=80" -d "$tmp/nested.db" show --width=80 1
step nested "extract (no archive)" extract "$tmp/nested.txt"

# 10,000 quotes in one article, by 8,000 different speakers.
awk -v n=10000 'BEGIN {
	split("ба ве га да жа за ка ла ма на па ра са та фа ха ца ча ша ща",
	    s, " ")
	print " date 2025-01-01 Десять тысяч цитат."
	for (i = 0; i < n; i++) {
		nm = "Ер" s[i % 20 + 1] s[int(i / 20) % 20 + 1] \
		    s[int(i / 400) % 20 + 1] "ов"
		printf "\n«Мы построили мост номер %d», — сказал аким города " \
		    "Иван %s.\n", i, nm
	}
}' >"$tmp/quotes.txt"
db="$tmp/quotes.db"
step quotes-10k "import" -d "$db" import "$tmp/quotes.txt"
step quotes-10k "quotes --article=1" -d "$db" quotes --article=1
step quotes-10k "speakers" -d "$db" speakers
step quotes-10k "search --quotes" -d "$db" search --quotes мост
step quotes-10k "reextract" -d "$db" reextract

# A speaker name of 10,000 characters, and one of 8,000 words.
awk -v n=10000 'BEGIN {
	print " date 2025-01-01 Очень длинное имя."
	name = "Ас"
	for (i = 2; i < n; i++) name = name "а"
	print ""
	print "«Мы построили мост», — сказал аким города Иван " name "."
	name = "Иван"
	for (i = 0; i < 8000; i++) name = name " Петров"
	print ""
	print "«Мы построили мост», — сказал аким города " name "."
}' >"$tmp/name.txt"
db="$tmp/name.db"
step long-name "import" -d "$db" import "$tmp/name.txt"
step long-name "speakers" -d "$db" speakers
step long-name "quotes" -d "$db" quotes
step long-name "search --quotes" -d "$db" search --quotes мост

[ $crashed -eq 0 ] || echo "extreme.sh: a step crashed" >&2
exit $crashed
