#!/bin/sh
# mkcorpus.sh: makes the seed corpora in fuzz/corpus/ from the project's
# own fixtures, all written for citata: the sample articles of
# data/articles (but 000-seed.txt, a real news item), tests/ui/articles,
# tests/extract, tests/cli, tests/search and tests/wrap, plus the queries
# of tests/t_search.c and tests/t_search.sh.  Run it from the top of the
# source tree with the path of a built citata; it replaces fuzz/corpus.
#
#   fuzz/mkcorpus.sh PATH/TO/citata
set -eu

if [ $# -ne 1 ] || [ ! -x "$1" ] || [ ! -d fuzz ]; then
	echo "usage: fuzz/mkcorpus.sh PATH/TO/citata (from the source top)" >&2
	exit 2
fi
citata=$1
out=fuzz/corpus
tmp=$(mktemp -d "${TMPDIR:-/tmp}/mkcorpus.XXXXXX")
trap 'rm -rf "$tmp"' EXIT
rm -rf "$out"
mkdir -p "$out/fuzz_import_text" "$out/fuzz_import_jsonl" \
    "$out/fuzz_extract" "$out/fuzz_text" "$out/fuzz_search"

articles=$(ls data/articles/[0-9][0-9]-*.txt tests/ui/articles/*.txt \
    tests/extract/*.txt tests/cli/*.in.txt tests/search/articles.txt)

# The importer: the article files as they are; for JSON Lines, the same
# articles as "citata export" writes them, one file per source file, and
# the JSON Lines fixtures.
for f in $articles; do
	name=$(echo "$f" | tr / _)
	cp "$f" "$out/fuzz_import_text/$name"
	CITATA_DATADIR=data "$citata" -d "$tmp/a.db" import "$f" \
	    >/dev/null 2>&1 || true
	CITATA_DATADIR=data "$citata" -d "$tmp/a.db" export \
	    >"$out/fuzz_import_jsonl/${name%.txt}.jsonl"
	rm -f "$tmp"/a.db*
done
cp tests/cli/jsonl.in.jsonl "$out/fuzz_import_jsonl/tests_cli_jsonl.jsonl"
for f in tests/extract/*.jsonl; do
	cp "$f" "$out/fuzz_import_jsonl/$(echo "$f" | tr / _)"
done

# The extractor: the text of each article, its header line cut off.
for f in $articles; do
	sed -e '1s/^ *date [0-9-]* *//' "$f" \
	    >"$out/fuzz_extract/$(echo "$f" | tr / _)"
done

# The text module: a width byte (cols = byte % 203 - 2) and a mode byte
# (odd: ASCII), then the text.
text_seed() {	# NAME COLS MODE FILE
	c=$(($2 + 2))
	{ printf "\\$(printf %o "$c")"; printf '%s' "$3"; cat "$4"; } \
	    >"$out/fuzz_text/$1"
}
for f in tests/wrap/*.txt; do
	n=$(basename "$f" .txt)
	text_seed "$n-w10" 10 0 "$f"
	text_seed "$n-w40" 40 0 "$f"
	text_seed "$n-w79" 79 0 "$f"
	text_seed "$n-w20-ascii" 20 1 "$f"
done
for n in 01-bridge 12-hostile; do
	text_seed "ui-$n-w60" 60 0 "tests/ui/articles/$n.txt"
	text_seed "ui-$n-w1" 1 0 "tests/ui/articles/$n.txt"
done
text_seed data-14-hostile-w120 120 0 data/articles/14-hostile.txt
text_seed data-07-theatre-w33-ascii 33 1 data/articles/07-culture-theatre.txt

# Search: a query, NUL, a paragraph to find its words in.
para=$(sed -n 3p tests/search/articles.txt)
i=0
while IFS= read -r q; do
	i=$((i + 1))
	{ printf '%s\0' "$q"; printf '%s\n' "$para"; } \
	    >"$out/fuzz_search/query-$i"
done <<'EOF'
конституция
Конституцию "круглый стол"
регион -молодёжь
новой source:orda.kz
новой since:2025-03-01
новой until:2025-03-01 -"круглый стол"
speaker:Булекпаева
speaker:"Е. Булекпаев" since:2025-01-01 until:2026-12-31
speaker:Тулегеновой молодежи
OR NEAR(a b) * ^x col:y
"новая конституция
мир speaker:"Е. Булекпаев
since:2026-02-30 мир
source:a source:b
  — ...
1200 МОЛОДЁЖИ школы
EOF
