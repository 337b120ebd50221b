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
awk -v copies=60 '
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
mnt="$TMPD/mnt"
mkdir "$mnt"
if [ "$(id -u)" -eq 0 ] &&
    mount -t tmpfs -o size=768k tmpfs "$mnt" 2>/dev/null; then
	trap 'umount "$mnt" 2>/dev/null; rm -rf "$TMPD"' EXIT
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

done_testing
