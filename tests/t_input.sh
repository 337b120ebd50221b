#!/bin/sh
# t_input.sh: import reads its input as a stream.  Endless input
# (/dev/zero, a pipe from yes), a FIFO whose writer stays open, a
# terminal and a file far larger than memory needs: each ends by itself
# or at SIGINT within seconds, with memory bounded by one article; an
# article over the size limit is skipped with a message.  Then what the
# input may look like (a byte order mark, UTF-16, CR line ends) and
# directories with symbolic links, end to end.
. "${top_srcdir:-.}/tests/lib.sh"

command -v sqlite3 >/dev/null 2>&1 || skip_all "sqlite3 not installed"
command -v timeout >/dev/null 2>&1 || skip_all "timeout not installed"

tmux_private citata-input
cleanup() {
	tmux_stop
	[ -n "${wpid:-}" ] && kill "$wpid" 2>/dev/null
	rm -rf "$TMPD"
}
trap cleanup EXIT

count() {
	sqlite3 "$1" 'SELECT count(*) FROM articles' 2>/dev/null
}

# Peak memory allowed for an import that holds one small article: below
# what holding the 47 MB file below takes, far above what citata needs
# (about 7 MB; 36 MB under AddressSanitizer, whose shadow and quarantine
# take more).
limit=40000
if grep -q 'sanitize=address' "${top_builddir:-.}/config.log" 2>/dev/null
then
	limit=80000
fi

# interrupt PID: SIGINT to PID, then its exit status in st and the
# seconds it took to end in secs (99 when it did not end in 10 s).
interrupt() {
	kill -INT "$1"
	if ! gone "$1" 100; then
		kill -9 "$1"
		secs=99
	fi
	wait "$1"
	st=$?
}

# held FIFO TEXT: makes FIFO and a writer that writes TEXT into it, then
# holds it open for 30 s; its pid is in wpid.  released ends it.
held() {
	mkfifo "$1"
	(printf '%s' "$2"; exec sleep 30) >"$1" &
	wpid=$!
}
released() {
	kill "$wpid" 2>/dev/null
	wait "$wpid" 2>/dev/null
	wpid=
}

# started DB ARG...: "citata -d DB import ARG..." in the background, its
# output in $TMPD/o and $TMPD/e, its pid in pid.
started() {
	sdb=$1
	shift
	"$CITATA" -d "$sdb" import "$@" >"$TMPD/o" 2>"$TMPD/e" &
	pid=$!
}

# stops NAME: SIGINT, a second after it started, to an import waiting
# for input: it ends within 2 s, exit 2, and says it stored nothing.
stops() {
	sleep 1
	interrupt $pid
	ok $(( st != 2 || secs > 2 )) \
	    "$1: SIGINT ends import, exit 2 in $secs s (got $st)"
	contains "$TMPD/e" "interrupted; nothing was imported" "  and says so"
}

# --- Endless input.

# /dev/zero was read whole before a byte was looked at: 2 GB/s until the
# OOM killer.
peak timeout 20 "$CITATA" -d "$TMPD/z.db" import /dev/zero
ok $(( st != 1 )) "/dev/zero: import ends by itself, exit 1 (got $st)"
contains "$TMPD/e" "/dev/zero:1: error: binary data (NUL bytes), file skipped" \
    "  and says it is binary"
ok $(( kb > limit )) "  in bounded memory ($kb KiB, limit $limit)"
peak timeout 20 sh -c "cat /dev/zero | \"$CITATA\" -d \"$TMPD/z.db\" import -"
ok $(( st != 1 )) "/dev/zero through a pipe: exit 1 (got $st)"
contains "$TMPD/e" "-:1: error: binary data (NUL bytes), file skipped" \
    "  and says it is binary"

# Text without end on a pipe: memory stays flat, SIGINT ends it.
yes "строка без заголовка" | "$CITATA" -d "$TMPD/y.db" import - \
    >"$TMPD/o" 2>"$TMPD/e" &
pid=$!		# the last process of the pipeline
sleep 2
k1=$(sed -n 's/^VmHWM:[[:space:]]*\([0-9]*\) kB/\1/p' /proc/$pid/status 2>/dev/null)
sleep 1
k2=$(sed -n 's/^VmHWM:[[:space:]]*\([0-9]*\) kB/\1/p' /proc/$pid/status 2>/dev/null)
interrupt "$pid"
wait
ok $(( st != 2 || secs > 2 )) "yes | import -: SIGINT ends it, exit 2 in $secs s (got $st)"
contains "$TMPD/e" "interrupted; nothing was imported" "  and says so"
ok $(( ${k2:-0} == 0 || k2 > limit || k2 > ${k1:-0} + 1024 )) \
    "  memory flat while it reads (${k1:-?} KiB, then ${k2:-?} KiB)"

# --- A FIFO: the writer stays open after one article.  SIGINT was
# caught, but read() was retried on EINTR and the flag never looked at.
held "$TMPD/f1" ' date 2025-01-01 Статья из канала.

'
started "$TMPD/f.db" "$TMPD/f1"
stops "a FIFO held open (read() blocked)"
ok $(( $(count "$TMPD/f.db") != 0 )) "  and stored nothing"
released

# With --batch=1 articles are stored as they come through the FIFO,
# while its writer is still there.
held "$TMPD/f2" ' date 2025-01-01 Первая из канала.

 date 2025-01-02 Вторая из канала.

'
started "$TMPD/f2.db" --batch=1 "$TMPD/f2"
i=0
while [ "$(count "$TMPD/f2.db")" != 1 ] && [ $i -lt 100 ]; do
	sleep 0.1
	i=$((i + 1))
done
c=$(count "$TMPD/f2.db")
interrupt $pid
ok $(( c != 1 )) "a FIFO held open, --batch=1: the first article is stored as it comes ($c)"
contains "$TMPD/e" "interrupted; the first 1 articles were imported" \
    "  SIGINT keeps it and says so (exit $st)"
released

# A FIFO nobody opens for writing: import waits in open(); SIGINT ends it.
mkfifo "$TMPD/f3"
started "$TMPD/f3.db" "$TMPD/f3"
stops "a FIFO without a writer (open() blocked)"

# --- "citata import -" at a terminal: Ctrl-C was ignored until Ctrl-D.
if T new-session -d -s ui -x 80 -y 24 \
    "'$CITATA' -d '$TMPD/t.db' import -; echo EXIT=\$?; sleep 60" \
    2>/dev/null; then
	sleep 0.5
	T send-keys -t ui ' date 2025-01-01 Набрано в терминале.' Enter Enter
	sleep 0.5
	T send-keys -t ui C-c
	settle_until "EXIT="
	contains "$TMPD/cap" "EXIT=2" "a terminal: Ctrl-C ends import - at once"
	contains "$TMPD/cap" "interrupted; nothing was imported" "  and says so"
	T kill-session -t ui 2>/dev/null
	T new-session -d -s ui -x 80 -y 24 \
	    "'$CITATA' -d '$TMPD/t.db' import -; echo EXIT=\$?; sleep 60"
	sleep 0.5
	T send-keys -t ui ' date 2025-01-01 Набрано в терминале.' Enter Enter
	T send-keys -t ui C-d
	settle_until "EXIT="
	contains "$TMPD/cap" "imported 1, duplicates 0, skipped 0" \
	    "a terminal: Ctrl-D ends the input, the article is imported"
	T kill-session -t ui 2>/dev/null
else
	echo "ok $((tap_n = tap_n + 1)) - # SKIP tmux cannot start a server"
fi

# --- A file far larger than memory needs.  The whole file was held:
# 50 MB read for 50 MB, although --batch promises flat memory.

# words N: N lines of ten words, 110 bytes each.
words() {
	awk -v n="$1" 'BEGIN {
		l = "слово слово слово слово слово слово слово слово слово слово"
		for (i = 0; i < n; i++)
			print l
	}'
}
# news N WORD: N short articles, each its own.
news() {
	awk -v n="$1" -v w="$2" 'BEGIN {
		for (i = 0; i < n; i++)
			printf " date 2025-01-01 %s номер %d.\n\n", w, i
	}'
}

{
	news 25 Новость
	printf ' date 2025-13-01 Статья с плохой датой.\n\n'
	words 450000
	printf '\n'
	news 5 После
} >"$TMPD/big.txt"
mb=$(( $(wc -c <"$TMPD/big.txt") / 1048576 ))
peak timeout 60 "$CITATA" -d "$TMPD/big.db" import --batch=10 "$TMPD/big.txt"
ok $(( st != 1 )) "a $mb MB file, --batch=10: exit 1, the bad record skipped (got $st)"
contains "$TMPD/o" "imported 30, duplicates 0, skipped 1" "  the 30 good articles imported"
ok $(( kb > limit )) "  in memory for one article, not the file ($kb KiB, limit $limit)"

# An article longer than 64 MiB is skipped, and its text let go.
{
	printf ' date 2025-01-01 Статья длиннее предела.\n\n'
	words 650000
	printf '\n date 2025-01-02 Статья после неё.\n'
} >"$TMPD/huge.txt"
peak timeout 60 "$CITATA" -d "$TMPD/huge.db" import "$TMPD/huge.txt"
ok $(( st != 1 )) "an article over 64 MiB: exit 1 (got $st)"
contains "$TMPD/e" "huge.txt:1: error: article longer than 64 MiB, skipped" \
    "  with a message naming its line"
contains "$TMPD/o" "imported 1, duplicates 0, skipped 1" "  the next one imported"
ok $(( kb > 64 * 1024 + 2 * limit )) "  within the limit's memory ($kb KiB)"

# --- What the input looks like.
printf '\357\273\277 date 2025-01-01 Заголовок с меткой порядка.\n' \
    >"$TMPD/bom.txt"
printf '\357\273\277{"text":"Первая запись.","date":"2025-01-02"}\n' \
    >"$TMPD/bom.jsonl"
"$CITATA" -d "$TMPD/in.db" import "$TMPD/bom.txt" "$TMPD/bom.jsonl" \
    >"$TMPD/o" 2>"$TMPD/e"
ok $? "a byte order mark: both files import, exit 0"
t=$(sqlite3 "$TMPD/in.db" "SELECT count(*) FROM articles WHERE title IN
    ('Заголовок с меткой порядка', 'Первая запись')")
ok $(( t != 2 )) "  and it is in neither title ($t of 2)"
printf ' date 2025-01-03 Текст в UTF-16.\n' | iconv -f UTF-8 -t UTF-16 \
    >"$TMPD/u16.txt" 2>/dev/null
printf ' date 2025-01-03 Текст в UTF-16.\n' | iconv -f UTF-8 -t UTF-16BE \
    >"$TMPD/u16be.txt" 2>/dev/null
"$CITATA" -d "$TMPD/in.db" import "$TMPD/u16.txt" "$TMPD/u16be.txt" \
    >"$TMPD/o" 2>"$TMPD/e"
ok $(( $? != 1 )) "UTF-16: skipped, exit 1"
contains "$TMPD/e" "u16.txt:1: error: UTF-16 input, file skipped; convert it with iconv -f UTF-16LE -t UTF-8" \
    "  named, with the iconv command (with a BOM)"
contains "$TMPD/e" "u16be.txt:1: error: UTF-16 input, file skipped; convert it with iconv -f UTF-16BE -t UTF-8" \
    "  and without one, big-endian"
printf ' date 2025-01-04 Первая с CR.\r\rАбзац.\r\r date 2025-01-05 Вторая с CR.\r' \
    >"$TMPD/cr.txt"
"$CITATA" -d "$TMPD/in.db" import "$TMPD/cr.txt" >"$TMPD/o" 2>"$TMPD/e"
contains "$TMPD/o" "imported 2, duplicates 0, skipped 0" \
    "CR line ends: two articles, not one"

# --- Directories.  A link back up was followed 40 levels deep, every
# file imported again at each level (as duplicates), without a word.
d="$TMPD/news"
mkdir -p "$d/sub"
printf ' date 2025-02-01 Статья в каталоге.\n' >"$d/a.txt"
printf ' date 2025-02-02 Статья в подкаталоге.\n' >"$d/sub/b.txt"
ln -s .. "$d/sub/up"
ln -s sub "$d/again"
ln -s missing.txt "$d/dangling.txt"
timeout 20 "$CITATA" -d "$TMPD/dir.db" import "$d" >"$TMPD/o" 2>"$TMPD/e"
st=$?
ok $(( st != 0 )) "a directory with link loops: import ends, exit 0 (got $st)"
contains "$TMPD/o" "imported 2, duplicates 0, skipped 0" "  each file read once"
contains "$TMPD/e" "news/sub/up: error: the directory $d again (a symbolic link), skipped" \
    "  says which link leads back"
contains "$TMPD/e" "news/again: error: the directory $d/sub again (a symbolic link), skipped" \
    "  and which leads to a directory read already"
contains "$TMPD/e" "news/dangling.txt: error: No such file or directory, skipped" \
    "  and which link leads nowhere"
ln -s self "$d/self"
ln -s . "$d/sub/here"
timeout 20 "$CITATA" -d "$TMPD/dir.db" import "$d" >"$TMPD/o" 2>"$TMPD/e"
contains "$TMPD/e" "news/self: error: Too many levels of symbolic links, skipped" \
    "a link to itself is named"
contains "$TMPD/e" "news/sub/here: error: the directory $d/sub again (a symbolic link), skipped" \
    "  and a link to its own directory"
done_testing
