#!/bin/sh
# t_correct.sh: a person's corrections of who said what, by the quote ids
# that "quotes --format=jsonl" prints: --set-speaker makes a quote
# manual with the speaker named, --reject deletes it and remembers its
# span; both last through reextract; the speakers' counts follow; a bad
# id changes nothing.
. "${top_srcdir:-.}/tests/lib.sh"

db="$TMPD/c.db"
"$CITATA" -d "$db" import "$top_srcdir/data/articles" >/dev/null 2>&1
"$CITATA" -d "$db" quotes --format=jsonl >"$TMPD/q"
# id, article, start, end of the first two quotes
field() { sed -n "${1}p" "$TMPD/q" | sed "s/.*\"$2\":\([0-9]*\).*/\1/"; }
q1=$(field 1 id); a1=$(field 1 article); s1=$(field 1 start); e1=$(field 1 end)
q2=$(field 2 id); a2=$(field 2 article); s2=$(field 2 start); e2=$(field 2 end)
n0=$(wc -l <"$TMPD/q")
nq=$(sqlite3 "$db" "SELECT nquotes FROM articles WHERE id = $a2")

"$CITATA" -d "$db" quotes --set-speaker='Иван Котов' "$q1" >"$TMPD/o" 2>&1
ok $? "quotes --set-speaker=NAME ID"
contains "$TMPD/o" "1 quote is now by Иван Котов" "says so"
"$CITATA" -d "$db" quotes --speaker='Котов' --format=jsonl >"$TMPD/o"
contains "$TMPD/o" "\"id\":$q1," "the quote is found by its new speaker"
contains "$TMPD/o" '"origin":"manual"' "and is manual"
"$CITATA" -d "$db" speakers --format=tsv >"$TMPD/o"
contains "$TMPD/o" "	Иван Котов	person		" "the speaker is in the index"
ok $(( $(grep '	Иван Котов	' "$TMPD/o" | cut -f6) != 1 )) \
    "with one quote"

"$CITATA" -d "$db" quotes --reject "$q2" >"$TMPD/o" 2>&1
ok $? "quotes --reject ID"
contains "$TMPD/o" "rejected 1 quote" "says so"
ok $(( $("$CITATA" -d "$db" quotes --format=jsonl | wc -l) != n0 - 1 )) \
    "the quote is gone"
ok $(( $(sqlite3 "$db" "SELECT nquotes FROM articles WHERE id = $a2") !=
    nq - 1 )) "its article counts one quote less"

"$CITATA" -d "$db" reextract >/dev/null 2>&1
ok $? "reextract"
ok $(( $(sqlite3 "$db" "SELECT count(*) FROM quotes q JOIN speakers s
    ON s.id = q.speaker_id WHERE q.article_id = $a1 AND q.start = $s1
    AND q.\"end\" = $e1 AND s.name = 'Иван Котов'
    AND q.origin = 'manual'") != 1 )) "the manual speaker stays"
ok $(( $(sqlite3 "$db" "SELECT count(*) FROM quotes WHERE article_id = $a1
    AND start = $s1 AND \"end\" = $e1") != 1 )) \
    "and no second quote comes on its span"
ok $(( $(sqlite3 "$db" "SELECT count(*) FROM quotes WHERE article_id = $a2
    AND start = $s2 AND \"end\" = $e2") != 0 )) \
    "the rejected quote does not come back"
ok $(( $("$CITATA" -d "$db" quotes --format=jsonl | wc -l) != n0 - 1 )) \
    "nor does any other change"

cp "$db" "$TMPD/before.db"
"$CITATA" -d "$db" quotes --reject "$q1" 999999 >"$TMPD/o" 2>&1
ok $(( $? != 2 )) "a quote id that does not exist: exit 2"
contains "$TMPD/o" "no quote 999999; nothing was changed" "says so"
ok $(( $(sqlite3 "$db" "SELECT count(*) FROM quotes WHERE id = $q1") != 1 )) \
    "and the other id is not rejected"
"$CITATA" -d "$db" quotes --reject --set-speaker=X "$q1" >"$TMPD/o" 2>&1
ok $(( $? != 2 )) "both corrections at once: exit 2"
"$CITATA" -d "$db" quotes --reject >"$TMPD/o" 2>&1
ok $(( $? != 2 )) "no ids: exit 2"
"$CITATA" -d "$db" quotes --set-speaker=' ' "$q1" >"$TMPD/o" 2>&1
ok $(( $? != 2 )) "an empty name: exit 2"
"$CITATA" -d "$db" quotes "$q1" >"$TMPD/o" 2>&1
ok $(( $? != 2 )) "an id without a correction: exit 2"

done_testing
