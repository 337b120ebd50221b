#!/bin/sh
# t_extract.sh: golden tests of the extractor.  For each
# tests/extract/NAME.txt, `citata extract --format=jsonl NAME.txt` must
# print exactly tests/extract/NAME.jsonl.  To accept a new output after
# checking it by eye: CITATA_BLESS=1 make check.
. "${top_srcdir:-.}/tests/lib.sh"

dir="$top_srcdir/tests/extract"
for txt in "$dir"/*.txt; do
	name=$(basename "$txt" .txt)
	out="$TMPD/$name.jsonl"
	(cd "$dir" && "$CITATA" extract --format=jsonl "$name.txt") \
	    >"$out" 2>"$TMPD/$name.err"
	rc=$?
	if [ -n "${CITATA_BLESS:-}" ]; then
		cp "$out" "$dir/$name.jsonl"
	fi
	ok $rc "$name: extract exits 0"
	same "$out" "$dir/$name.jsonl" "$name: quotes as expected"
done
done_testing
