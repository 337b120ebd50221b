#!/bin/sh
# t_faults.sh: what goes wrong around the archive and the terminal.  Each
# fault is checked for its exit status and message, and the archive must
# still pass PRAGMA integrity_check with nothing lost: a full disk, a
# file size limit, a read-only directory, a lock held by another writer,
# two imports at once, damaged files, missing word lists, closed pipes.
# (SIGKILL and SIGINT during an import, read-only files and newer schemas
# are in t_archive.sh.)
. "${top_srcdir:-.}/tests/lib.sh"

command -v sqlite3 >/dev/null 2>&1 || skip_all "sqlite3 not installed"

mnt="$TMPD/mnt"
tmux_private citata-faults
cleanup() {
	tmux_stop
	umount "$mnt" 2>/dev/null
	rm -rf "$TMPD"
}
trap cleanup EXIT

articles="$top_srcdir/data/articles"
uiarticles="$top_srcdir/tests/ui/articles"

count() {
	sqlite3 "$1" 'SELECT count(*) FROM articles' 2>/dev/null
}

# intact DB N NAME: integrity_check says ok and DB holds N articles.
intact() {
	ic=$(sqlite3 "$1" 'PRAGMA integrity_check' 2>&1)
	c=$(count "$1")
	[ "$ic" = ok ] && [ "$c" = "$2" ]
	ok $? "$3: integrity $ic, $c articles (want $2)"
}

# no_crash STATUS NAME: a status a program chose (0, 1 or 2), not death
# by a signal or a sanitizer's report.
no_crash() {
	[ "$1" -le 2 ] && ! grep -q 'Sanitizer\|runtime error' "$TMPD/e" \
	    2>/dev/null
	ok $? "$2 (exit $1)"
}

# The base archive: the sample articles (the hostile record is skipped).
base="$TMPD/base.db"
"$CITATA" -d "$base" import "$articles" >/dev/null 2>&1
sqlite3 "$base" 'PRAGMA wal_checkpoint(TRUNCATE)' >/dev/null
n=$(count "$base")
ok $(( n < 15 )) "base archive: $n articles"

# A file of many articles, each a distinct copy of a sample one.
big="$TMPD/big.txt"
awk -v copies=30 '
	{ line[n++] = (FNR == 1 ? "\001" : "") $0 }
	END {
		for (i = 0; i < copies; i++)
			for (j = 0; j < n; j++) {
				s = line[j]
				if (substr(s, 1, 1) == "\001")
					s = "\n" substr(s, 2) " Выпуск " i "."
				print s
			}
	}' "$articles"/0*.txt "$articles"/1[0-3]*.txt >"$big"
nbig=$(grep -c '^ date ' "$big")

# --- A full disk: the import fails as a whole, with a message.

# A file size limit (ulimit -f, in 1024-byte blocks) a little above the
# archive: SIGXFSZ must not kill citata, write() fails instead.
cp "$base" "$TMPD/f.db"
lim=$(( $(wc -c <"$TMPD/f.db") / 1024 + 64 ))
(ulimit -f "$lim" && exec "$CITATA" -d "$TMPD/f.db" import "$big") \
    >"$TMPD/o" 2>"$TMPD/e"
st=$?
ok $(( st != 2 )) "file size limit: import exits 2 (got $st)"
if grep -q 'file size limit was reached\|disk full' "$TMPD/e" &&
    grep -q 'nothing was imported' "$TMPD/e"; then st=0; else st=1; fi
ok $st "and says why: $(cat "$TMPD/e")"
intact "$TMPD/f.db" "$n" "file size limit"
"$CITATA" -d "$TMPD/f.db" list >/dev/null 2>&1
ok $? "and the archive still lists"

# A small tmpfs, when this system lets us mount one (root, not in a
# container that forbids it).
mkdir "$mnt"
if [ "$(id -u)" -eq 0 ] &&
    mount -t tmpfs -o size=768k tmpfs "$mnt" 2>/dev/null; then
	cp "$base" "$mnt/f.db"
	"$CITATA" -d "$mnt/f.db" import "$big" >"$TMPD/o" 2>"$TMPD/e"
	st=$?
	ok $(( st != 2 )) "full tmpfs: import exits 2 (got $st)"
	contains "$TMPD/e" "disk full; nothing was imported" "and says so"
	intact "$mnt/f.db" "$n" "full tmpfs"
	rm -f "$mnt"/*
	"$CITATA" -d "$mnt/new.db" import "$big" >"$TMPD/o" 2>"$TMPD/e"
	st=$?
	ok $(( st != 2 )) "full tmpfs, new archive: import exits 2 (got $st)"
	contains "$TMPD/e" "disk full; nothing was imported" "and says so"
	intact "$mnt/new.db" 0 "full tmpfs, new archive"
	umount "$mnt"
else
	echo "# cannot mount a tmpfs here: the file size limit stands for it"
fi

# --- A read-only directory.  Root ignores file modes, so the commands
# then run as nobody; the archive itself is nobody's and writable.
as_user=""
if [ "$(id -u)" -eq 0 ] && command -v setpriv >/dev/null 2>&1 &&
    id nobody >/dev/null 2>&1; then
	as_user="setpriv --reuid=nobody --regid=$(id -g nobody) --clear-groups"
fi
if [ "$(id -u)" -ne 0 ] || [ -n "$as_user" ]; then
	rod="$TMPD/rod"
	mkdir "$rod"
	cp "$base" "$rod/a.db"
	[ -n "$as_user" ] && chown nobody "$rod/a.db"
	chmod 755 "$TMPD"
	chmod 555 "$rod"
	$as_user "$CITATA" -d "$rod/a.db" list --format=tsv >"$TMPD/o" \
	    2>"$TMPD/e"
	st=$?
	ok $st "writable archive, read-only directory: list exits 0 (got $st)"
	ok $(( $(wc -l <"$TMPD/o") != n )) "and lists all $n articles"
	$as_user "$CITATA" -d "$rod/a.db" show 1 >"$TMPD/o" 2>"$TMPD/e"
	ok $? "and show works"
	$as_user "$CITATA" -d "$rod/a.db" quotes >"$TMPD/o" 2>"$TMPD/e"
	ok $? "and quotes works"
	$as_user "$CITATA" -d "$rod/a.db" import "$uiarticles" \
	    >"$TMPD/o" 2>"$TMPD/e"
	ok $(( $? != 2 )) "import there exits 2"
	contains "$TMPD/e" "cannot write in the archive's directory" \
	    "and says why"
	$as_user "$CITATA" -d "$rod/new.db" import "$uiarticles" \
	    >"$TMPD/o" 2>"$TMPD/e"
	ok $(( $? != 2 )) "a new archive there: import exits 2"
	contains "$TMPD/e" "cannot create the archive: its directory is not writable" \
	    "and says why"
	chmod 755 "$rod"
	intact "$rod/a.db" "$n" "read-only directory"
	ok $([ ! -e "$rod/new.db" ]; echo $?) "and no new file was made"
else
	echo "# no way to drop root here: read-only directory tests skipped"
fi

# --- A read-only archive, read: SQLite makes its -shm (and -wal) with
# the archive's mode, read-only, and leaves them.  Once the archive's
# mode is restored they must not keep it read-only.
if [ -n "$as_user" ] || [ "$(id -u)" -ne 0 ]; then
	rsh="$TMPD/rsh"
	mkdir "$rsh"
	cp "$base" "$rsh/a.db"
	[ -n "$as_user" ] && chown nobody "$rsh" "$rsh/a.db"
	chmod 755 "$TMPD"
	chmod 444 "$rsh/a.db"
	$as_user "$CITATA" -d "$rsh/a.db" list >/dev/null 2>"$TMPD/e"
	ok $? "a read-only archive lists"
	chmod 644 "$rsh/a.db"
	if [ -e "$rsh/a.db-shm" ] && ! $as_user test -w "$rsh/a.db-shm"; then
		$as_user "$CITATA" -d "$rsh/a.db" import "$uiarticles" \
		    >"$TMPD/o" 2>"$TMPD/e"
		st=$?
		ok $(( st > 1 )) "mode restored, read-only -shm left: import exits $st"
		[ $st -gt 1 ] && sed 's/^/#   /' "$TMPD/e"
		ok $(( $(count "$rsh/a.db") <= n )) "  and stores the articles"
		$as_user "$CITATA" -d "$rsh/a.db" list >/dev/null 2>"$TMPD/e"
		ok $? "  and the archive still lists"
	else
		echo "# SQLite left no read-only -shm: nothing to check"
	fi
fi

# --- Another writer holds the lock: sqlite3 in a transaction, fed from a
# fifo so the test decides when it ends.

# hold DB: starts sqlite3 holding DB's write lock; release ends it.
hold() {
	rm -f "$TMPD/fifo"
	mkfifo "$TMPD/fifo"
	sqlite3 -cmd ".timeout 10000" "$1" <"$TMPD/fifo" >/dev/null 2>&1 &
	holder=$!
	exec 3>"$TMPD/fifo"
	echo 'BEGIN IMMEDIATE;' >&3
	i=0
	while [ $i -lt 50 ] &&
	    sqlite3 -cmd '.timeout 0' "$1" 'BEGIN IMMEDIATE; ROLLBACK' \
	    >/dev/null 2>&1; do
		sleep 0.1
		i=$((i + 1))
	done
}
release() {
	echo 'ROLLBACK;' >&3
	exec 3>&-
	wait $holder
}

# elapsed COMMAND...: runs it, sets st and secs (whole seconds taken).
elapsed() {
	t0=$(date +%s)
	"$@"
	st=$?
	secs=$(( $(date +%s) - t0 ))
}

lk="$TMPD/lk.db"
cp "$base" "$lk"
hold "$lk"
elapsed "$CITATA" -d "$lk" import "$uiarticles" >"$TMPD/o" 2>"$TMPD/e"
ok $(( st != 2 )) "locked archive: import exits 2 (got $st)"
contains "$TMPD/e" "the archive is locked by another process (gave up after 5 s); nothing was imported" \
    "and says so"
ok $(( secs < 4 || secs > 9 )) "after the default busy timeout, 5 s ($secs s)"
CITATA_BUSY_TIMEOUT=0.5 elapsed "$CITATA" -d "$lk" import "$uiarticles" \
    >"$TMPD/o" 2>"$TMPD/e"
ok $(( st != 2 || secs > 3 )) \
    "CITATA_BUSY_TIMEOUT=0.5: exits 2 sooner ($secs s)"
contains "$TMPD/e" "(gave up after 0.5 s)" "and says how long it waited"
CITATA_BUSY_TIMEOUT=0 "$CITATA" -d "$lk" reextract >"$TMPD/o" 2>"$TMPD/e"
ok $(( $? != 2 )) "reextract on a locked archive exits 2"
contains "$TMPD/e" "locked by another process (gave up after 0 s)" \
    "and says so"
CITATA_BUSY_TIMEOUT=soon "$CITATA" -d "$lk" list >"$TMPD/o" 2>"$TMPD/e"
ok $? "reading is not blocked by the writer (WAL)"
ok $(( $(wc -l <"$TMPD/o") != n )) "and lists all $n articles"
contains "$TMPD/e" "ignoring CITATA_BUSY_TIMEOUT" "a bad timeout is named"
# The lock goes away while an import waits: the import then goes on.
CITATA_BUSY_TIMEOUT=30 "$CITATA" -d "$lk" import "$uiarticles" \
    >"$TMPD/o" 2>"$TMPD/e" &
waiter=$!
sleep 1
release
wait $waiter
st=$?
ok $st "an import waiting for the lock goes on when it is released ($st)"
nui=$(sed -n 's/^imported \([0-9]*\),.*/\1/p' "$TMPD/o")
intact "$lk" $((n + nui)) "after the lock"
# The writer dies holding the lock: the kernel drops it, the import goes on.
hold "$lk"
CITATA_BUSY_TIMEOUT=30 "$CITATA" -d "$lk" import "$big" \
    >"$TMPD/o" 2>"$TMPD/e" &
waiter=$!
sleep 1
kill -9 $holder
exec 3>&-
wait $holder 2>/dev/null
wait $waiter
st=$?
ok $st "an import waiting on a writer that is killed goes on ($st)"
intact "$lk" $((n + nui + nbig)) "after the killed writer"

# Two imports at once into one archive: the second waits for the first,
# both store everything.  (Patient: on a loaded machine the first may
# hold the lock longer than the default 5 s.)
cp "$base" "$TMPD/two.db"
sed 's/Выпуск/Номер/' "$big" >"$TMPD/big2.txt"
CITATA_BUSY_TIMEOUT=120 "$CITATA" -d "$TMPD/two.db" import "$big" \
    >"$TMPD/o1" 2>"$TMPD/e1" &
p1=$!
CITATA_BUSY_TIMEOUT=120 "$CITATA" -d "$TMPD/two.db" import \
    "$TMPD/big2.txt" >"$TMPD/o2" 2>"$TMPD/e2" &
p2=$!
wait $p1
s1=$?
wait $p2
s2=$?
ok $(( s1 || s2 )) "two imports at once: both exit 0 ($s1, $s2)"
[ $s1 -eq 0 ] && [ $s2 -eq 0 ] || sed 's/^/# /' "$TMPD/e1" "$TMPD/e2"
intact "$TMPD/two.db" $((n + 2 * nbig)) "two imports at once"
# And with no patience: one of them may give up, as a whole.
cp "$base" "$TMPD/two.db"
CITATA_BUSY_TIMEOUT=0 "$CITATA" -d "$TMPD/two.db" import "$big" \
    >"$TMPD/o1" 2>"$TMPD/e1" &
p1=$!
CITATA_BUSY_TIMEOUT=0 "$CITATA" -d "$TMPD/two.db" import "$TMPD/big2.txt" \
    >"$TMPD/o2" 2>"$TMPD/e2" &
p2=$!
wait $p1
s1=$?
wait $p2
s2=$?
want=$n
[ $s1 -eq 0 ] && want=$((want + nbig))
[ $s2 -eq 0 ] && want=$((want + nbig))
bad=0
for i in 1 2; do
	eval "s=\$s$i"
	if [ "$s" -ne 0 ] && ! grep -q "locked by another process" "$TMPD/e$i"
	then
		bad=1
		sed 's/^/# /' "$TMPD/e$i"
	fi
done
ok $bad "two impatient imports: each stores all or says it was locked ($s1, $s2)"
intact "$TMPD/two.db" $want "two impatient imports"

# --- Missing or unreadable word lists (data/lexicon): the commands that
# extract quotes stop before touching anything, the others do not care.
lexcopy() {
	rm -rf "$TMPD/data"
	mkdir -p "$TMPD/data"
	cp -R "$CITATA_DATADIR/lexicon" "$TMPD/data/lexicon"
	chmod -R u+w "$TMPD/data"
}
cp "$base" "$TMPD/lx.db"
nq=$(sqlite3 "$TMPD/lx.db" 'SELECT count(*) FROM quotes')
CITATA_DATADIR="$TMPD/none" "$CITATA" -d "$TMPD/new.db" import "$uiarticles" \
    >"$TMPD/o" 2>"$TMPD/e"
ok $(( $? != 2 )) "no word lists: import exits 2"
contains "$TMPD/e" "cannot load the word lists: $TMPD/none/lexicon/verbs.txt: No such file or directory" \
    "and names the missing file"
contains "$TMPD/e" "CITATA_DATADIR" "and the variable to set"
ok $([ ! -e "$TMPD/new.db" ]; echo $?) "and creates no archive"
CITATA_DATADIR="$TMPD/none" "$CITATA" -d "$TMPD/lx.db" import "$uiarticles" \
    >"$TMPD/o" 2>"$TMPD/e"
ok $(( $? != 2 )) "no word lists: import into an archive exits 2"
intact "$TMPD/lx.db" "$n" "no word lists"
CITATA_DATADIR="$TMPD/none" "$CITATA" -d "$TMPD/lx.db" reextract \
    >"$TMPD/o" 2>"$TMPD/e"
ok $(( $? != 2 )) "no word lists: reextract exits 2"
ok $(( $(sqlite3 "$TMPD/lx.db" 'SELECT count(*) FROM quotes') != nq )) \
    "and keeps all $nq quotes"
CITATA_DATADIR="$TMPD/none" "$CITATA" extract "$uiarticles/01-bridge.txt" \
    >"$TMPD/o" 2>"$TMPD/e"
ok $(( $? != 2 )) "no word lists: extract exits 2"
for c in list "show 1" quotes speakers "search Павлодар" export; do
	# shellcheck disable=SC2086
	CITATA_DATADIR="$TMPD/none" "$CITATA" -d "$TMPD/lx.db" $c \
	    >"$TMPD/o" 2>"$TMPD/e"
	st=$?
	ok $(( st > 1 )) "no word lists: $c still works (exit $st)"
done
lexcopy
rm "$TMPD/data/lexicon/roles.txt"
mkdir "$TMPD/data/lexicon/roles.txt"
CITATA_DATADIR="$TMPD/data" "$CITATA" extract "$uiarticles/01-bridge.txt" \
    >"$TMPD/o" 2>"$TMPD/e"
ok $(( $? != 2 )) "a directory for a word list: extract exits 2"
contains "$TMPD/e" "lexicon/roles.txt: Is a directory" "and says so"
if [ -n "$as_user" ]; then
	lexcopy
	chmod -R a+rX "$TMPD/data"
	chmod 000 "$TMPD/data/lexicon/verbs.txt"
	cp "$base" "$TMPD/data/lx.db"
	chown nobody "$TMPD/data" "$TMPD/data/lx.db"
	CITATA_DATADIR="$TMPD/data" $as_user "$CITATA" -d "$TMPD/data/lx.db" \
	    import "$uiarticles" >"$TMPD/o" 2>"$TMPD/e"
	ok $(( $? != 2 )) "an unreadable word list: import exits 2"
	contains "$TMPD/e" "lexicon/verbs.txt: Permission denied" "and says so"
	intact "$TMPD/data/lx.db" "$n" "an unreadable word list"
fi

# --- Damaged archives: a clear message, never a crash.  Garbage (a
# fixed pattern) over the header, over the root page of each table, and
# over one page after another through the whole file.
garbage() {
	# garbage FILE OFFSET BYTES
	awk -v n="$3" 'BEGIN { for (i = 0; i < n; i++) printf "%c", 33 + (i * 7) % 90 }' |
	    dd of="$1" bs=1 seek="$2" conv=notrunc 2>/dev/null
}
# damaged NAME DB: every command on DB ends by itself, any "damaged"
# message is the clear one.
damaged() {
	worst=0
	said=0
	for c in list "show 1" "show 5" quotes speakers "search Павлодар" \
	    "search --quotes мост" export reextract "import $uiarticles"; do
		cp "$2" "$TMPD/dmg.db"
		# shellcheck disable=SC2086
		"$CITATA" -d "$TMPD/dmg.db" $c >/dev/null 2>"$TMPD/e"
		st=$?
		[ $st -gt $worst ] && worst=$st
		if grep -q 'Sanitizer\|runtime error' "$TMPD/e"; then
			worst=99
			sed 's/^/# /' "$TMPD/e" | head -5
		fi
		if [ $st -eq 2 ]; then
			if grep -q 'damaged or not an SQLite file' "$TMPD/e"; then
				said=$((said + 1))
			else
				echo "# $1: $c: $(cat "$TMPD/e")"
				worst=98
			fi
		fi
	done
	ok $(( worst > 2 )) "$1: no crash, the damage is named ($said times)"
}
cp "$base" "$TMPD/d0.db"
garbage "$TMPD/d0.db" 16 84
damaged "garbage in the header" "$TMPD/d0.db"
psize=$(sqlite3 "$base" 'PRAGMA page_size')
npages=$(sqlite3 "$base" 'PRAGMA page_count')
for t in articles quotes speakers articles_fts; do
	root=$(sqlite3 "$base" "SELECT rootpage FROM sqlite_master WHERE name = '$t'")
	cp "$base" "$TMPD/d1.db"
	garbage "$TMPD/d1.db" $(( (root - 1) * psize + 8 )) 200
	damaged "garbage in the root page of $t" "$TMPD/d1.db"
done
cp "$base" "$TMPD/d1.db"
root=$(sqlite3 "$base" "SELECT rootpage FROM sqlite_master WHERE name = 'articles'")
garbage "$TMPD/d1.db" $(( (root - 1) * psize + 8 )) 200
"$CITATA" -d "$TMPD/d1.db" list >"$TMPD/o" 2>"$TMPD/e"
ok $(( $? != 2 )) "a damaged article table: list exits 2"
contains "$TMPD/e" "the archive is damaged or not an SQLite file" "and says so"
step=$(( npages / 12 + 1 ))
p=2
while [ $p -le "$npages" ]; do
	cp "$base" "$TMPD/d2.db"
	garbage "$TMPD/d2.db" $(( (p - 1) * psize + 100 )) 1000
	damaged "garbage in page $p of $npages" "$TMPD/d2.db"
	p=$((p + step))
done
head -c $(( psize * npages / 2 )) "$base" >"$TMPD/d3.db"
damaged "the archive cut in half" "$TMPD/d3.db"
: >"$TMPD/d4.db"
"$CITATA" -d "$TMPD/d4.db" list >"$TMPD/o" 2>"$TMPD/e"
ok $(( $? != 2 )) "an empty file is not an archive yet: list exits 2"
ok $([ ! -s "$TMPD/d4.db" ]; echo $?) "  and leaves it empty"

# --- Output to a closed pipe: no message, exit 0 or SIGPIPE's.
"$CITATA" -d "$big.db" import "$big" >/dev/null 2>&1
for c in list "list --format=jsonl" quotes speakers export \
    "search --limit=1000 Казахстан"; do
	# shellcheck disable=SC2086
	st=$( { "$CITATA" -d "$big.db" $c 2>"$TMPD/e"; echo $? >"$TMPD/st"; } |
	    head -c 10 >/dev/null; cat "$TMPD/st")
	[ "$st" -eq 0 ] || [ "$st" -eq 141 ]
	ok $? "$c | head -c 10: exit $st"
	[ ! -s "$TMPD/e" ]
	ok $? "and no message"
	[ -s "$TMPD/e" ] && sed 's/^/# /' "$TMPD/e" | head -3
done
"$CITATA" -d "$big.db" list | head -1 >"$TMPD/o" 2>"$TMPD/e"
ok $(( $(wc -l <"$TMPD/o") != 1 )) "list | head -1 prints one line"
{ "$CITATA" -d "$big.db" show 1 2>"$TMPD/e"; echo $? >"$TMPD/st"; } | true
st=$(cat "$TMPD/st")
[ "$st" -eq 0 ] || [ "$st" -eq 141 ]
ok $? "show into a pipe closed at once: exit $st"
# Started with SIGPIPE ignored (as some daemons leave it): the same.
st=$( (trap '' PIPE
	{ "$CITATA" -d "$big.db" export 2>"$TMPD/e"; echo $? >"$TMPD/st"; } |
	    head -c 10 >/dev/null); cat "$TMPD/st")
[ "$st" -eq 0 ] || [ "$st" -eq 141 ]
ok $? "SIGPIPE ignored by the parent: export exits $st"
[ ! -s "$TMPD/e" ]
ok $? "and says nothing"

# --- Inputs of extreme shape, smaller than bench/extreme.sh makes them:
# each must end by itself, with a sane status, in bounded time (limits
# far above today's times, far below what quadratic work took).

# timed NAME LIMIT COMMAND...: ok when COMMAND exits 0 or 1 within LIMIT
# seconds; its output is left in $TMPD/o and $TMPD/e.
timed() {
	name=$1
	lim=$2
	shift 2
	t0=$(date +%s.%N)
	"$@" >"$TMPD/o" 2>"$TMPD/e"
	st=$?
	secs=$(awk -v a="$t0" -v b="$(date +%s.%N)" \
	    'BEGIN { printf "%.2f", b - a }')
	[ $st -le 1 ] && awk -v s="$secs" -v l="$lim" 'BEGIN { exit !(s <= l) }'
	ok $? "$name: exit $st in $secs s (limit $lim s)"
}
x="$TMPD/x"
mkdir "$x"
para='«Мост номер %d построили за три года», — сказал аким города Асхат Нуриев. По его словам, движение откроют в апреле, а ремонт старого моста начнётся осенью.'
# A 3 MB article, two quotes in each of its 11,000 paragraphs: storing a
# quote rewrote the whole article row and reading one read the whole
# text, so both were quadratic; FTS5's snippet() is too.
awk -v n=11000 -v p="$para" 'BEGIN {
	print " date 2025-01-01 Большая статья о новом мосте через реку."
	for (i = 0; i < n; i++) { print ""; printf p "\n", i }
}' >"$x/big.txt"
timed "a 3 MB article with 22,000 quotes: import" 30 \
    "$CITATA" -d "$x/big.db" import "$x/big.txt"
contains "$TMPD/o" "imported 1, duplicates 0, skipped 0 (22000 quotes)" \
    "  all its quotes are found"
ok $(( $(sqlite3 "$x/big.db" 'SELECT nquotes FROM articles') != 22000 )) \
    "  and counted"
timed "  show" 10 "$CITATA" -d "$x/big.db" show --width=80 1
timed "  quotes --article" 10 "$CITATA" -d "$x/big.db" quotes --article=1
ok $(( $(wc -l <"$TMPD/o") != 22000 )) "  lists 22,000 quotes"
timed "  search" 10 "$CITATA" -d "$x/big.db" search мост
contains "$TMPD/o" "Большая статья" "  finds it"
timed "  search --quotes" 10 "$CITATA" -d "$x/big.db" search --quotes осенью
timed "  reextract" 30 "$CITATA" -d "$x/big.db" reextract
ok $(( $(sqlite3 "$x/big.db" 'SELECT nquotes FROM articles') != 22000 )) \
    "  the count is right after reextract"
# 10,000 quotes by 8,000 speakers: every speaker was compared with every
# other, folding both names each time.
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
}' >"$x/quotes.txt"
timed "10,000 quotes by 8,000 speakers: import" 20 \
    "$CITATA" -d "$x/q.db" import "$x/quotes.txt"
contains "$TMPD/o" "(10000 quotes)" "  all found"
timed "  speakers" 10 "$CITATA" -d "$x/q.db" speakers --format=tsv
ok $(( $(wc -l <"$TMPD/o") != 8000 )) "  8,000 speakers"
# 100,000 tiny articles in one file; SIGINT is answered at the next
# article, not at the end of the file.
awk -v n=100000 'BEGIN {
	for (i = 0; i < n; i++)
		printf " date 2025-01-01 Новость номер %d о погоде.\n\n", i
}' >"$x/tiny.txt"
"$CITATA" -d "$x/tiny.db" import "$x/tiny.txt" >"$TMPD/o" 2>"$TMPD/e" &
pid=$!
sleep 0.5
t0=$(date +%s.%N)
kill -INT $pid
wait $pid
st=$?
secs=$(awk -v a="$t0" -v b="$(date +%s.%N)" 'BEGIN { printf "%.2f", b - a }')
[ $st -eq 2 ] && awk -v s="$secs" 'BEGIN { exit !(s <= 2) }'
ok $? "100,000 tiny articles: SIGINT answered in $secs s (exit $st)"
contains "$TMPD/e" "interrupted; nothing was imported" "  and says so"
ok $(( $(count "$x/tiny.db") != 0 )) "  and stored nothing"
head -40000 "$x/tiny.txt" >"$x/tiny20k.txt"
timed "20,000 tiny articles: import" 30 \
    "$CITATA" -d "$x/tiny.db" import "$x/tiny20k.txt"
ok $(( $(count "$x/tiny.db") != 20000 )) "  all stored"
timed "  list" 10 "$CITATA" -d "$x/tiny.db" list
# A line of exactly 1 MiB is taken, one byte more is not.
for len in 1048576 1048577; do
	LC_ALL=C awk -v n=$len 'BEGIN {
		print " date 2025-01-01 Длинная строка номер " n "."
		print ""
		l = ""
		while (length(l) + 12 <= n) l = l "слово "
		while (length(l) < n) l = l "x"
		print l
	}' >"$x/line$len.txt"
done
timed "a line of 1 MiB: import" 10 \
    "$CITATA" -d "$x/line.db" import "$x/line1048576.txt"
contains "$TMPD/o" "imported 1," "  is taken"
"$CITATA" -d "$x/line.db" import "$x/line1048577.txt" >"$TMPD/o" 2>"$TMPD/e"
ok $(( $? != 1 )) "a line of 1 MiB and a byte: skipped, exit 1"
contains "$TMPD/e" "line1048577.txt:3: error: line longer than 1 MiB (1048577 bytes), article skipped" \
    "  with a message"
timed "  show of the 1 MiB line" 10 \
    "$CITATA" -d "$x/line.db" show --width=80 1
# Quotation marks nested 10,000 deep, and a speaker name of 10,000
# characters.
awk -v n=10000 'BEGIN {
	print " date 2025-01-01 Вложенные кавычки."
	print ""
	s = ""
	for (i = 0; i < n; i++) s = s (i % 2 ? "„" : "«")
	s = s "Слово"
	for (i = n - 1; i >= 0; i--) s = s (i % 2 ? "“" : "»")
	print s ", — сказал Иван Петров."
	print ""
	name = "Ас"
	for (i = 2; i < n; i++) name = name "а"
	print "«Мы построили мост», — сказал аким города Иван " name "."
}' >"$x/odd.txt"
timed "nested quotation marks, a long name: import" 10 \
    "$CITATA" -d "$x/odd.db" import "$x/odd.txt"
timed "  extract" 10 "$CITATA" extract "$x/odd.txt"
timed "  speakers" 10 "$CITATA" -d "$x/odd.db" speakers --format=tsv
l=$(cut -f2 "$TMPD/o" | awk '{ n = length($0) } END { print n + 0 }')
ok $(( l < 10000 )) "  the long name is kept whole ($l bytes)"
timed "  show" 10 "$CITATA" -d "$x/odd.db" show --width=80 1

# --- The reader open while an import runs: it goes on working, read
# marks wait for the import to end, and C-l or R shows the new articles.
if [ "$tmux" = ":" ] || ! command -v "$tmux" >/dev/null 2>&1; then
	echo "# tmux not installed: reader tests skipped"
	done_testing
fi
uiterm=tmux-256color
infocmp "$uiterm" >/dev/null 2>&1 || uiterm=screen
cat >"$TMPD/run" <<EOS
#!/bin/sh
LANG=C.UTF-8 LC_ALL=C.UTF-8 NO_COLOR=1 CITATA_DATADIR='$CITATA_DATADIR' \\
    TERM=$uiterm '$CITATA' -d "\$1"
echo "exit \$?"
exec sleep 600
EOS
chmod +x "$TMPD/run"

status() {
	tail -1 "$TMPD/cap" | sed 's/  *?:help *$//; s/^ *//'
}
is_read() {
	sqlite3 "$rd" "SELECT count(*) = 0 FROM unread WHERE id = $1"
}

# A session that outlives the others, so that the server does not exit
# (and race the next new-session) between two of them.
T new-session -d -s keep -x 20 -y 5 "exec sleep 3600" ||
    { echo "# tmux cannot start a server: reader tests skipped"; done_testing; }
rd="$TMPD/rd.db"
cp "$base" "$rd"
T new-session -d -s ui -x 80 -y 24 "$TMPD/run $rd"
settle
contains "$TMPD/cap" "Articles 1/$n" "the reader shows $n articles"
first=$(sqlite3 "$rd" 'SELECT id FROM articles ORDER BY date DESC, id DESC LIMIT 1')
second=$(sqlite3 "$rd" 'SELECT id FROM articles ORDER BY date DESC, id DESC LIMIT 1 OFFSET 1')
sqlite3 "$rd" "INSERT OR IGNORE INTO unread SELECT id FROM articles"
# An import holds the write lock (held here, so the test need not race
# a real one): keys are answered at once, the read mark waits.
hold "$rd"
t0=$(date +%s)
T send-keys -t ui Enter
settle
secs=$(( $(date +%s) - t0 ))
ok $(( secs > 3 )) "with the archive locked, Enter opens at once ($secs s)"
contains "$TMPD/cap" "another process is writing the archive: read marks wait for it" \
    "the status line says the read mark waits: $(status)"
if grep -q 'locked\|error\|cannot' "$TMPD/cap"; then st=1; else st=0; fi
ok $st "and shows no error"
T send-keys -t ui q j
settle
contains "$TMPD/cap" "Articles 2/$n" "the list still moves"
T send-keys -t ui r
settle
contains "$TMPD/cap" "marked read" "r marks the article"
ok $(( $(is_read "$first") + $(is_read "$second") )) \
    "nothing is written while the lock is held"
CITATA_BUSY_TIMEOUT=30 "$CITATA" -d "$rd" import "$big" \
    >"$TMPD/o" 2>"$TMPD/e" &
importer=$!
sleep 0.5
release
wait $importer
ok $? "the import waiting behind the lock ends well"
sleep 1.5
T send-keys -t ui k
settle
ok $(( $(is_read "$first") != 1 || $(is_read "$second") != 1 )) \
    "the two read marks are written when the lock is free"
contains "$TMPD/cap" "Articles 1/$n" "the list shows the old count until asked"
T send-keys -t ui R
settle
contains "$TMPD/cap" "$nbig new articles" "R says how many articles are new"
T send-keys -t ui j
settle
contains "$TMPD/cap" "Articles 2/$((n + nbig))" "and the list has them all"
# A real import, while the reader moves, opens and marks.
sed 's/Выпуск/Часть/' "$big" >"$TMPD/big3.txt"
"$CITATA" -d "$rd" import "$TMPD/big3.txt" >"$TMPD/o" 2>"$TMPD/e" &
importer=$!
for k in G Enter q g j Enter q r S j Enter q q; do
	T send-keys -t ui $k
	sleep 0.05
done
wait $importer
ok $? "an import while the reader is busy ends well"
T send-keys -t ui C-l
settle
contains "$TMPD/cap" "$nbig new articles" "C-l also reads the archive again"
if grep -q 'locked\|error\|cannot\|damaged' "$TMPD/cap"; then st=1; else st=0; fi
ok $st "no error on the screen: $(status)"
T send-keys -t ui q
settle_until "exit "
contains "$TMPD/cap" "exit 0" "the reader quits with 0"
intact "$rd" $((n + 2 * nbig)) "the reader and two imports"
T kill-session -t ui
# Quitting while the lock is still held: the marks are lost, with a word.
T new-session -d -s ui -x 80 -y 24 "$TMPD/run $rd"
settle
hold "$rd"
T send-keys -t ui Enter
settle
T send-keys -t ui q q
settle_until "exit "
contains "$TMPD/cap" "citata: 1 read mark was not saved: another process was writing the archive" \
    "quitting with a mark unsaved says so"
contains "$TMPD/cap" "exit 0" "and exits 0"
release
T kill-session -t ui

# No terminfo entry at all, neither $TERM's nor a fallback's: a clear
# message and exit 2.  The terminfo directories are hidden under empty
# tmpfs mounts in a private mount namespace, where the system allows it.
if unshare -m true 2>/dev/null; then
	cat >"$TMPD/run2" <<EOS
#!/bin/sh
for d in /usr/share/terminfo /lib/terminfo /etc/terminfo \\
    /usr/lib/terminfo "\$HOME/.terminfo"; do
	[ -d "\$d" ] && mount -t tmpfs none "\$d"
done
LANG=C.UTF-8 LC_ALL=C.UTF-8 TERMINFO= TERMINFO_DIRS= \\
    TERM="\$(printf 'no-such\\033]0;x\\007')" '$CITATA' -d "\$1"
echo "exit \$?"
exec sleep 600
EOS
	chmod +x "$TMPD/run2"
	T new-session -d -s ui -x 80 -y 24 "unshare -m $TMPD/run2 $rd"
	settle_until "exit "
	contains "$TMPD/cap" "citata: cannot start the terminal: no terminfo entry for TERM='no-such�]0;x�'" \
	    "no terminfo at all: a clear message, \$TERM shown safe"
	contains "$TMPD/cap" "exit 2" "and exit 2"
	T kill-session -t ui
else
	echo "# no private mount namespace here: no-terminfo test skipped"
fi

# The terminal goes away under the reader (the ssh connection drops, the
# window is closed): the reader must end, not spin on a dead terminal,
# and leave the archive whole with its place saved.
cat >"$TMPD/run1" <<EOS
#!/bin/sh
echo \$\$ >"$TMPD/pid"
LANG=C.UTF-8 LC_ALL=C.UTF-8 NO_COLOR=1 CITATA_DATADIR='$CITATA_DATADIR' \\
    TERM=$uiterm exec '$CITATA' -d "\$1"
EOS
chmod +x "$TMPD/run1"
for how in kill-pane kill-server; do
	rm -f "$TMPD/pid"
	sqlite3 "$rd" "DELETE FROM state"
	T new-session -d -s ui -x 80 -y 24 "$TMPD/run1 $rd"
	settle
	T send-keys -t ui j j j
	settle
	pid=$(cat "$TMPD/pid")
	if [ "$how" = kill-pane ]; then
		T kill-pane -t ui
	else
		T kill-server
	fi
	if gone "$pid" 50; then
		ok 0 "$how: the reader ends when its terminal closes"
	else
		ok 1 "$how: the reader ends when its terminal closes"
		kill -9 "$pid"
	fi
	intact "$rd" $((n + 2 * nbig)) "$how"
	pos=$(sqlite3 "$rd" "SELECT count(*) FROM state")
	ok $(( pos != 1 )) "$how: and its place in the list was saved"
done

done_testing
