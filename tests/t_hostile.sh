#!/bin/sh
# t_hostile.sh: terminal safety.  Articles, titles, sources, URLs, speaker
# names and file names full of escape sequences (OSC 52 and OSC 8, CSI,
# DCS, a bare ESC, a full reset, C1 controls raw and as UTF-8, BEL and
# backspace) and bidi controls (an RLO shows "txt.exe" as "exe.txt") go
# through every command and the reader; nothing they hold may reach the
# terminal as a control.  tests/termsafe checks the bytes;
# the reader is checked on its raw output and on the screen, which must
# show U+FFFD where the controls were.  The fixtures are made here with
# printf, so no raw escape sits in the repository.
. "${top_srcdir:-.}/tests/lib.sh"

safe="${top_builddir:-.}/tests/termsafe"
[ -x "$safe" ] || skip_all "tests/termsafe not built"

# clean NAME FILE: FILE holds nothing a terminal takes as a control.
clean() {
	"$safe" <"$2" >"$TMPD/why"
	st=$?
	ok $st "$1: no control in the output"
	[ $st -ne 0 ] && sed 's/^/#   /' "$TMPD/why"
}

# run NAME COMMAND...: runs a citata command; its standard output and
# error must both be clean, and it must end by itself (exit 0 to 2).
run() {
	name=$1
	shift
	"$CITATA" "$@" >"$TMPD/out" 2>"$TMPD/err"
	rc=$?
	[ $rc -le 2 ]
	ok $? "$name: exit $rc"
	clean "$name, stdout" "$TMPD/out"
	clean "$name, stderr" "$TMPD/err"
}

osc52=$(printf '\033]52;c;aGVsbG8=\007')
osc8=$(printf '\033]8;;http://x.example/\033\\link\033]8;;\033\\')
csi=$(printf '\033[2J\033[31m')
dcs=$(printf '\033P+q544e\033\\')
ris=$(printf '\033c')
c1=$(printf '\302\233\302\235\302\220\302\234\302\205')	# U+009B ...
bel=$(printf '\007')
bs=$(printf '\010\010')
bidi=$(printf '\342\200\256\342\201\246\342\200\217\330\234')	# RLO LRI RLM ALM
all="$osc52$osc8$csi$dcs$ris$c1$bel$bs$bidi"

# Seed format: hostile title, paragraphs and quoted words.
cat >"$TMPD/text.txt" <<EOF
Мост$all через реку date 2025-05-01 В городе$all открыли новый мост.

«Мы$osc52 очень$csi довольны$all», — сказал аким города Иван Петров.

Инженер Мария Ковалёва рассказала: «Опоры$dcs выдержат$c1 двести тонн$bel$bs».
EOF
# JSON Lines: every field, the controls as \u escapes.
j='\u001b]52;c;aGVsbG8=\u0007\u001b]8;;http://x.example/\u001b\\l\u001b[2J'
j="$j"'\u001bP+q544e\u001b\\\u001bc\u009b\u009d\u0090\u009c\u0085\u0007\b'
j="$j"'\u202e\u2066\u200f\u061c'
printf '{"date":"2025-05-02","title":"Заголовок %s","source":"Источник %s","url":"http://x.example/%s","text":"Текст %s. «Это%s важно», — сказал министр Сергей Иванов."}\n' \
    "$j" "$j" "$j" "$j" "$j" >"$TMPD/json.jsonl"
# Raw 8-bit C1 bytes are not UTF-8: that record is skipped, the next kept.
printf ' date 2025-05-03 Плохая\233[2J запись\235.\n\n date 2025-05-04 Хорошая запись.\n' \
    >"$TMPD/raw8.txt"
# A file name with an OSC sequence, BEL and a raw C1 byte.
evil=$(printf 'evil\033]0;pwned\007\233.txt')
printf 'no header here\n' >"$TMPD/$evil"

db="$TMPD/h.db"
run "import seed format" -d "$db" import "$TMPD/text.txt"
run "import JSON Lines" -d "$db" import "$TMPD/json.jsonl"
run "import raw C1 bytes" -d "$db" import "$TMPD/raw8.txt"
contains "$TMPD/err" "raw8.txt:1:" "the record with raw C1 bytes is named"
(cd "$TMPD" && "$CITATA" -d "$db" import "$evil" "$TMPD/$all") \
    >"$TMPD/out" 2>"$TMPD/err"
clean "import, hostile file names, stderr" "$TMPD/err"
contains "$TMPD/err" 'evil\x1b]0;pwned\x07\x9b.txt:1: error:' \
    "a hostile file name is escaped in diagnostics"
n=$("$CITATA" -d "$db" list --format=tsv | wc -l)
ok $(( n != 3 )) "three articles stored ($n)"

# The archive is input too: a file from elsewhere may hold anything,
# invalid UTF-8 included.  The full-text triggers are set aside while
# sqlite3 writes, since it cannot load the "citata" tokenizer.
hex() {
	printf "$1" | od -An -tx1 | tr -d ' \n'
}
inject() {
	names=$(sqlite3 "$db" "SELECT name FROM sqlite_master
	    WHERE type = 'trigger' AND name LIKE '%fts%'")
	sqls=$(sqlite3 "$db" "SELECT sql || ';' FROM sqlite_master
	    WHERE type = 'trigger' AND name LIKE '%fts%'")
	{
		echo "BEGIN;"
		for t in $names; do echo "DROP TRIGGER $t;"; done
		echo "$1"
		echo "$sqls"
		echo "COMMIT;"
	} | sqlite3 "$db"
}
if command -v sqlite3 >/dev/null 2>&1; then
	x=$(hex '\033]0;pwned\007\233\235\220\302\233\033P1;2q\033\\\033c\007\010\342\200\256')
	inject "UPDATE speakers SET name = name || CAST(X'$x' AS TEXT)
	    || 'ов';
	    INSERT INTO speaker_roles SELECT s.id, q.article_id,
	    CAST(X'$x' AS TEXT) FROM speakers s JOIN quotes q
	    ON q.speaker_id = s.id;
	    UPDATE articles SET source = 'Src' || CAST(X'$x' AS TEXT),
	    url = 'http://' || CAST(X'$x' AS TEXT)
	    WHERE id = (SELECT min(id) FROM articles);
	    UPDATE articles SET title = title || CAST(X'$x' AS TEXT)
	    WHERE id = (SELECT max(id) FROM articles);
	    UPDATE quotes SET cue = CAST(X'$x' AS TEXT),
	    mention = CAST(X'$x' AS TEXT), role = CAST(X'$x' AS TEXT);"
	ok $? "hostile bytes written into the archive with sqlite3"
else
	echo "# sqlite3 not installed: the archive stays as imported"
fi

for f in text tsv jsonl; do
	run "list --format=$f" -d "$db" list --format=$f
	run "quotes --format=$f" -d "$db" quotes --format=$f
	run "speakers --format=$f" -d "$db" speakers --format=$f
	run "search --format=$f" -d "$db" search --format=$f мост
	ok $rc "  it finds the hostile article"
	run "search --quotes --format=$f" -d "$db" search --quotes \
	    --format=$f довольны
	ok $rc "  it finds the hostile quote"
done
for id in $("$CITATA" -d "$db" list --format=tsv | cut -f1); do
	for w in 1 40 200; do
		run "show --width=$w $id" -d "$db" show --width=$w "$id"
	done
done
"$CITATA" -d "$db" show --width=200 1 >"$TMPD/show1"
contains "$TMPD/show1" "Мост�]52;c;aGVsbG8=��]8;;http://x.example/�\\link" \
    "show puts U+FFFD where ESC and BEL were"
run "quotes --article=1" -d "$db" quotes --article=1
run "export" -d "$db" export
for f in jsonl text; do
	run "extract --format=$f" extract --format=$f "$TMPD/text.txt" \
	    "$TMPD/json.jsonl" "$TMPD/raw8.txt" "$TMPD/$evil"
done
speaker=$("$CITATA" -d "$db" speakers --format=tsv | head -1 | cut -f2)
run "quotes --speaker (escaped name)" -d "$db" quotes --speaker="$speaker"

# Diagnostics quote what they were given, escaped.
run "unknown command" "$all"
contains "$TMPD/err" "unknown command '\\x1b]52;c;" "  and it is escaped"
run "unknown option" "--x$all"
run "unknown subcommand option" -d "$db" list "--x$all"
run "bad format" -d "$db" list --format="$all"
run "bad width" -d "$db" show --width="$all" 1
run "bad id" -d "$db" show "$all"
run "bad limit" -d "$db" search --limit="$all" мост
run "bad article id" -d "$db" quotes --article="$all"
run "unexpected argument" -d "$db" list "$all"
run "unknown speaker" -d "$db" quotes --speaker="$all"
run "malformed query" -d "$db" search "\"$all"
run "missing archive" -d "$TMPD/$all.db" list
run "missing file" -d "$db" import "$TMPD/$all.txt"
run "missing file, extract" extract "$TMPD/$all.txt"
mkdir -p "$TMPD/$evil.d"
printf 'not an archive\n%.0s' $(seq 1 300) >"$TMPD/$evil.d/a.db"
run "not an archive" -d "$TMPD/$evil.d/a.db" list
cp "$db" "$TMPD/$evil.d/b.db"
sqlite3 "$TMPD/$evil.d/b.db" 'PRAGMA user_version = 99' 2>/dev/null
run "newer archive" -d "$TMPD/$evil.d/b.db" list
contains "$TMPD/err" 'evil\x1b]0;pwned\x07\x9b.txt.d/b.db: the archive has schema version 99' \
    "  the archive's name is escaped"
CITATA_DATADIR="$TMPD/$all" "$CITATA" extract "$TMPD/text.txt" \
    >"$TMPD/out" 2>"$TMPD/err"
clean "missing word lists under a hostile name" "$TMPD/err"
cp "$db" "$TMPD/$evil.d/c.db"
if command -v sqlite3 >/dev/null 2>&1; then
	sqlite3 "$TMPD/$evil.d/c.db" 'PRAGMA wal_checkpoint(TRUNCATE)' \
	    >/dev/null
	root=$(sqlite3 "$TMPD/$evil.d/c.db" "SELECT rootpage FROM
	    sqlite_master WHERE name = 'articles'")
	ps=$(sqlite3 "$TMPD/$evil.d/c.db" 'PRAGMA page_size')
	printf 'garbage!%.0s' $(seq 1 40) | dd of="$TMPD/$evil.d/c.db" \
	    bs=1 seek=$(( (root - 1) * ps + 8 )) conv=notrunc 2>/dev/null
	run "damaged archive" -d "$TMPD/$evil.d/c.db" list
	contains "$TMPD/err" 'evil\x1b]0;pwned\x07\x9b.txt.d/c.db: cannot read the archive: the archive is damaged' \
	    "  the archive's name is escaped"
fi

# --- The reader, in a private tmux server that would take OSC 52 into a
# paste buffer (set-clipboard on) and OSC 0/2 as the pane title; its raw
# output is piped to a file from the first byte.
tmux_private citata-hostile
if [ "$tmux" = ":" ] || ! command -v "$tmux" >/dev/null 2>&1; then
	echo "# tmux not installed: reader tests skipped"
	done_testing
fi
trap 'tmux_stop; rm -rf "$TMPD"' EXIT
uiterm=tmux-256color
infocmp "$uiterm" >/dev/null 2>&1 || uiterm=screen
cat >"$TMPD/run" <<EOS
#!/bin/sh
while [ ! -e "$TMPD/go" ]; do sleep 0.05; done
LANG=C.UTF-8 LC_ALL=C.UTF-8 NO_COLOR=1 TERM=$uiterm '$CITATA' -d '$db'
echo "exit \$?"
exec sleep 600
EOS
chmod +x "$TMPD/run"
T new-session -d -s ui -x 140 -y 40 "$TMPD/run" ||
    skip_all "tmux cannot start a server"
T set-option -g set-clipboard on
T set-option -g allow-rename on 2>/dev/null
title0=$(T display-message -p -t ui '#{pane_title}')
: >"$TMPD/raw"
T pipe-pane -t ui -o "cat >>'$TMPD/raw'"
touch "$TMPD/go"
settle
contains "$TMPD/cap" "Мост�]52;c;aGVsbG8=��]8" \
    "reader, list: U+FFFD where the controls were"
cp "$TMPD/cap" "$TMPD/screens"
# Wide: each article beside the list, its quotes and speakers; all the
# speakers with their quotes beside; one quote's article; help.
for keys in "j" "j" "Tab" "]" "Tab" "q" "q" "S" "j" "j" "Tab" "Enter" \
    "q" "q" "q" "?" "q"; do
	# shellcheck disable=SC2086
	T send-keys -t ui $keys
	settle
	cat "$TMPD/cap" >>"$TMPD/screens"
done
contains "$TMPD/screens" "«Опоры�P+q544e�\\" "reader, article: U+FFFD for DCS"
# U+0085 (NEL) is a line break, the other C1 controls U+FFFD.
contains "$TMPD/screens" " выдержат����  " "reader, article: U+FFFD for C1"
contains "$TMPD/screens" "Иван Петров�]0;pwned������P1;2" \
    "reader, speakers: the injected name shown with U+FFFD"
T send-keys -t ui q q q
settle_until "exit "
contains "$TMPD/cap" "exit 0" "the reader quits with 0"
T pipe-pane -t ui
sleep 0.2
clean "reader, the screens captured" "$TMPD/screens"
"$safe" -r <"$TMPD/raw" >"$TMPD/why"
st=$?
ok $st "reader, raw output: no OSC, DCS, APC, PM, SOS, reset, BEL or C1 ($(wc -c <"$TMPD/raw") bytes)"
[ $st -ne 0 ] && sed 's/^/#   /' "$TMPD/why"
if T show-buffer >/dev/null 2>&1; then st=1; else st=0; fi
ok $st "no OSC 52 reached the clipboard (no paste buffer)"
title=$(T display-message -p -t ui '#{pane_title}')
[ "$title" = "$title0" ]
ok $? "the pane title is unchanged ($title)"
done_testing
