#!/bin/sh
# t_reextract.sh: reextract in one transaction and in batches
# (--batch=N) gives the same archive; a batched run killed part way
# keeps its whole batches and says where it stopped, and the same
# command goes on from there to the same archive as an uninterrupted
# run.
. "${top_srcdir:-.}/tests/lib.sh"

command -v sqlite3 >/dev/null 2>&1 || skip_all "sqlite3 not installed"

# 1,500 articles: the sample's 15, each in 100 copies made different.
db="$TMPD/r.db"
"$CITATA" -d "$TMPD/s.db" import "$top_srcdir/data/articles" >/dev/null 2>&1
"$CITATA" -d "$TMPD/s.db" export >"$TMPD/s.jsonl" ||
    skip_all "cannot export the sample"
i=0
while [ $i -lt 100 ]; do
	sed "s/\"text\":\"/\"text\":\"Выпуск $i. /" "$TMPD/s.jsonl"
	i=$((i + 1))
done >"$TMPD/many.jsonl"
"$CITATA" -d "$db" import --batch=500 "$TMPD/many.jsonl" >"$TMPD/o" 2>&1
[ $? -le 1 ] || skip_all "cannot import the copies"
n=$(sqlite3 "$db" "SELECT count(*) FROM articles")
ok $(( n != 1500 )) "1500 articles to re-extract ($n)"

# dump DB: every quote with its article, span, kind and speaker.
dump() {
	"$CITATA" -d "$1" quotes --format=tsv | sort
}

cp "$db" "$TMPD/one.db"
"$CITATA" -d "$TMPD/one.db" reextract >"$TMPD/o" 2>&1
ok $? "reextract in one transaction"
dump "$TMPD/one.db" >"$TMPD/one"
cp "$db" "$TMPD/b.db"
"$CITATA" -d "$TMPD/b.db" reextract --batch=100 >"$TMPD/o" 2>&1
ok $? "reextract --batch=100"
contains "$TMPD/o" "re-extracted 1500 articles" "  says how many"
dump "$TMPD/b.db" >"$TMPD/b"
same "$TMPD/b" "$TMPD/one" "the same quotes and speakers as in one transaction"
ok $(( $(sqlite3 "$TMPD/b.db" "SELECT count(*) FROM state
    WHERE key = 'reextract.done' AND value IS NOT NULL") != 0 )) \
    "  and no place to go on from"
"$CITATA" -d "$TMPD/b.db" reextract --batch=0 >"$TMPD/o" 2>&1
ok $(( $? != 2 )) "--batch=0 is refused"

# Killed once some batches are in: the place it stopped is kept.
cp "$db" "$TMPD/k.db"
"$CITATA" -d "$TMPD/k.db" reextract --batch=1 >"$TMPD/ko" 2>&1 &
pid=$!
i=0
done_id=
while [ $i -lt 200 ] && [ -z "$done_id" ]; do
	done_id=$(sqlite3 "$TMPD/k.db" "SELECT value FROM state
	    WHERE key = 'reextract.done'" 2>/dev/null)
	[ -n "$done_id" ] || sleep 0.05
	i=$((i + 1))
done
kill -9 $pid 2>/dev/null
wait $pid 2>/dev/null
if grep -q "re-extracted" "$TMPD/ko"; then
	skip_rest=1
else
	skip_rest=0
fi
ok $(( skip_rest != 0 || ${done_id:-0} < 1 )) \
    "a run killed part way left where it stopped (after article $done_id)"
left=$(sqlite3 "$TMPD/k.db" "SELECT value FROM state
    WHERE key = 'reextract.done'")
ok $(( ${left:-0} < done_id )) "  a whole batch: $left"
ok $(( $(sqlite3 "$TMPD/k.db" 'PRAGMA integrity_check' | grep -c '^ok$') \
    != 1 )) "  the archive is whole"
"$CITATA" -d "$TMPD/k.db" reextract --batch=100 >"$TMPD/o" 2>&1
ok $? "the same command again"
contains "$TMPD/o" "reextract: going on after article $left, where an interrupted run stopped" \
    "  goes on where the first stopped"
dump "$TMPD/k.db" >"$TMPD/k"
same "$TMPD/k" "$TMPD/one" "  to the same quotes and speakers"
ok $(( $(sqlite3 "$TMPD/k.db" "SELECT count(*) FROM state
    WHERE key = 'reextract.done' AND value IS NOT NULL") != 0 )) \
    "  and forgets the place"

done_testing
