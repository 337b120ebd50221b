#!/bin/sh
# t_daily.sh: the reader as a daily tool, driven through tmux at 80x24.
# A configuration file (keys bound and unbound, a colour, the browser),
# and a bad one that stops the reader; the unread count; r, u and A
# (every article read at once); * and v (starred only) and list
# --starred; o with the configured browser, a script that records its
# arguments; | with a command that records its input; e (with Tab
# completion) and d on quotes, which reextract keeps.
. "${top_srcdir:-.}/tests/lib.sh"

tmux_private daily
command -v "$tmux" >/dev/null 2>&1 || skip_all "tmux not installed"
command -v sqlite3 >/dev/null 2>&1 || skip_all "sqlite3 not installed"
trap 'tmux_stop; rm -rf "$TMPD"' EXIT

db="$TMPD/d.db"
"$CITATA" -d "$db" import "$top_srcdir/data/articles" >/dev/null 2>&1
[ $? -le 1 ] || skip_all "cannot build the archive"
# The newest article, with a link that a shell would split and expand.
printf '%s\n' '{"date":"2026-12-01","title":"Статья со ссылкой","source":"Тест","url":"https://example.kz/a?x=1&y=$(id);z","text":"Первый абзац статьи со ссылкой."}' \
    >"$TMPD/link.jsonl"
"$CITATA" -d "$db" import "$TMPD/link.jsonl" >/dev/null 2>&1 ||
    skip_all "cannot import the linked article"
n=$("$CITATA" -d "$db" list --format=tsv | wc -l)
baq=$("$CITATA" -d "$db" list --format=tsv | awk -F'\t' '$3 == "BAQ.KZ" {
    print $1; exit }')
second=$("$CITATA" -d "$db" list --format=tsv | sed -n 2p | cut -f1)

# A configuration that rebinds, unbinds, colours and names a browser.
cat >"$TMPD/browser" <<EOF
#!/bin/sh
for a in "\$@"; do printf '%s\n' "\$a"; done >'$TMPD/browsed'
EOF
chmod +x "$TMPD/browser"
cat >"$TMPD/config" <<EOF
# citata's configuration, for the test
bind-key x down
unbind-key j
color quote-direct red default bold underline
set browser "'$TMPD/browser' --new-tab %u"
EOF

# A bad line: named, and the reader does not start.
printf 'bind-key x down\nbind-key z fly\n' >"$TMPD/bad"
CITATA_CONFIG="$TMPD/bad" "$CITATA" -d "$db" </dev/null >"$TMPD/o" 2>&1
ok $(( $? != 2 )) "a bad configuration line: exit 2"
contains "$TMPD/o" "$TMPD/bad:2: error: unknown action 'fly'" \
    "  naming the file, the line and the reason"
"$CITATA" -c "$TMPD/nothere" -d "$db" </dev/null >"$TMPD/o" 2>&1
ok $(( $? != 2 )) "-c with a missing file: exit 2"
contains "$TMPD/o" "$TMPD/nothere: error: No such file or directory" \
    "  saying so"
"$CITATA" -c "$TMPD/config" -d "$db" </dev/null >"$TMPD/o" 2>&1
contains "$TMPD/o" "the reader needs a terminal" \
    "a good one goes on to the terminal"

T new-session -d -s keep -x 20 -y 5 "exec sleep 600" ||
    skip_all "tmux cannot start a server"

# start [ENV...]: the reader on $db at 80x24 with the configuration.
start() {
	T kill-session -t ui 2>/dev/null
	T new-session -d -s ui -x 80 -y 24 "env LANG=C.UTF-8 LC_ALL=C.UTF-8 \
NO_COLOR=1 TERM=screen CITATA_DATADIR='$CITATA_DATADIR' \
CITATA_CONFIG='$TMPD/config' $* '$CITATA' -d '$db'; echo exit \$?; \
exec sleep 600"
	settle_until "Articles"
}

# press KEY TEXT: sends KEY, waits for TEXT on screen.
press() {
	T send-keys -t ui "$1"
	settle_until "$2"
}

# status: the status line, trimmed.
status() {
	tail -1 "$TMPD/cap" | sed 's/  *?:help *$//; s/^ *//'
}

start
contains "$TMPD/cap" "Articles 1/$n  $n unread" \
    "the status line counts the unread articles: $(status)"
press x "Articles 2/$n"
contains "$TMPD/cap" "Articles 2/$n" "bind-key x down: x moves down"
press j "not bound"
contains "$TMPD/cap" "Key j is not bound. Press ? for help." \
    "unbind-key j: j is not bound"
press '?' "Down"
contains "$TMPD/cap" "Down, x" "the help screen shows the keys as bound"
press q "Articles 2/$n"

# *, v and list --starred.
press '*' "starred"
contains "$TMPD/cap" "starred" "* stars the article: $(status)"
row=$(grep -c '^ *.!20' "$TMPD/cap")
ok $(( row != 1 )) "its row shows the star ($row)"
"$CITATA" -d "$db" list --starred --format=tsv >"$TMPD/o"
ok $(( $(wc -l <"$TMPD/o") != 1 )) "list --starred gives one article"
ok $(( $(cut -f1 "$TMPD/o") != second )) "  the one starred ($second)"
"$CITATA" -d "$db" list --format=jsonl >"$TMPD/o"
ok $(( $(grep -c '"starred":true' "$TMPD/o") != 1 )) \
    "list --format=jsonl says which is starred"
press v "starred articles only"
press k "Starred 1/1"
contains "$TMPD/cap" "Starred 1/1" "v shows the starred articles only"
ok $(( $(grep -c '20[0-9][0-9]-[0-1][0-9]-[0-3][0-9] ' "$TMPD/cap") != 1 )) "  one row"
press v "all articles"
press k "Articles 1/$n"
contains "$TMPD/cap" "Articles 1/$n" "v again shows all, from the top"

# r, u and A.
press x "Articles 2/$n"
press r "marked read"
press k "Articles 1/$n"
contains "$TMPD/cap" "$((n - 1)) unread" "r marks read: $(status)"
press u "Articles 3/$n"
contains "$TMPD/cap" "Articles 3/$n" "u skips the read article below"
press A "marked"
contains "$TMPD/cap" "marked $((n - 1)) articles read" \
    "A marks every article read: $(status)"
press x "Articles 4/$n"
if grep -q "unread" "$TMPD/cap"; then st=1; else st=0; fi
ok $st "the status line counts none: $(status)"
ok $(( $(sqlite3 "$db" "SELECT count(*) FROM unread") != 0 )) \
    "the archive has none unread"
press u "no unread article"
contains "$TMPD/cap" "no unread article" "u then says there is none"
press g "Articles 1/$n"
press r "marked unread"
press G "Articles $n/$n"
press u "Articles 1/$n"
contains "$TMPD/cap" "Articles 1/$n" "u goes round to the top"

# o: the configured browser, the link one argument.
press o "opened"
printf '%s\n' "--new-tab" 'https://example.kz/a?x=1&y=$(id);z' >"$TMPD/want"
same "$TMPD/browsed" "$TMPD/want" \
    "o runs the configured browser with the link as one argument"

# |: the article to a command.
press '|' "pipe the article to:"
T send-keys -t ui "cat >'$TMPD/piped'" Enter
settle_until "Press Enter"
contains "$TMPD/cap" "Press Enter to go back to citata." \
    "| gives the command the screen, then waits"
press Enter "piped the article"
contains "$TMPD/cap" "piped the article to cat" "  and says so after"
contains "$TMPD/piped" "Статья со ссылкой" "the command read the title"
contains "$TMPD/piped" "Первый абзац статьи со ссылкой." "  and the text"

# e and d on the quotes of the BAQ.KZ article.
rank=$("$CITATA" -d "$db" list --format=tsv | awk -F'\t' -v id="$baq" '
    $1 == id { print NR; exit }')
i=1
while [ $i -lt "$rank" ]; do
	T send-keys -t ui x
	i=$((i + 1))
done
settle_until "Articles $rank/$n"
press Enter "Quotes ("
press Tab "Quotes 1/"
"$CITATA" -d "$db" quotes --article="$baq" --format=jsonl >"$TMPD/q0"
q1=$(sed -n 1p "$TMPD/q0" | sed 's/^{"id":\([0-9]*\),.*/\1/')
q2=$(sed -n 2p "$TMPD/q0" | sed 's/^{"id":\([0-9]*\),.*/\1/')
nq=$(wc -l <"$TMPD/q0")
press '|' "pipe the quote to:"
T send-keys -t ui "cat >'$TMPD/qpiped'" Enter
settle_until "Press Enter"
press Enter "piped the quote"
"$CITATA" -d "$db" quotes --article="$baq" --format=cite | sed -n 1p \
    >"$TMPD/want"
same "$TMPD/qpiped" "$TMPD/want" "| in the quotes pipes the quote's citation"
press e "speaker:"
sp=$(sed -n 1p "$TMPD/q0" | sed 's/.*"speaker":"\([^"]*\)".*/\1/')
contains "$TMPD/cap" "speaker: $sp" "e starts from the speaker now ($sp)"
T send-keys -t ui C-u
T send-keys -t ui "Бер"
press Tab "Беркамалов"
contains "$TMPD/cap" "speaker: Серик Беркамалов" \
    "Tab completes a surname's start to a speaker's name"
press Enter "speaker set"
contains "$TMPD/cap" "speaker set: Серик Беркамалов" "Enter sets it"
contains "$TMPD/cap" "Серик Беркамалов: " "the quotes pane follows"
press x "Quotes 2/"
press d "rejected"
contains "$TMPD/cap" "rejected:" "d rejects the quote: $(status)"
contains "$TMPD/cap" "Quotes ($((nq - 1)))" "the pane has one quote less"

"$CITATA" -d "$db" reextract >/dev/null 2>&1
ok $? "reextract"
"$CITATA" -d "$db" quotes --article="$baq" --format=jsonl >"$TMPD/q1"
ok $(( $(wc -l <"$TMPD/q1") != nq - 1 )) \
    "after reextract the rejected quote stays away"
contains "$TMPD/q1" "{\"id\":$q1," "the corrected quote keeps its id"
grep "^{\"id\":$q1," "$TMPD/q1" >"$TMPD/l"
contains "$TMPD/l" '"speaker":"Серик Беркамалов"' "  and its speaker"
contains "$TMPD/l" '"origin":"manual"' "  as a manual decision"
if grep -q "^{\"id\":$q2," "$TMPD/q1"; then st=1; else st=0; fi
ok $st "the rejected quote's id is gone"

# color and mono lines reach the screen: the status line red and bold
# with colour, underlined without.
printf 'color status red default bold\nmono status underline\n' \
    >"$TMPD/colors"
T kill-session -t ui 2>/dev/null
# (make check sets NO_COLOR for every test: unset here.)
T new-session -d -s ui -x 80 -y 24 "env -u NO_COLOR LANG=C.UTF-8 \
LC_ALL=C.UTF-8 TERM=screen CITATA_DATADIR='$CITATA_DATADIR' '$CITATA' \
-c '$TMPD/colors' \
-d '$db'; exec sleep 600"
settle_until "?:help"
T capture-pane -p -e -t ui | tail -1 >"$TMPD/esc"
# The order of the attributes is tmux's: look for each.
ok $(( $(grep -c "$(printf '\033')\[31m" "$TMPD/esc") != 1 ||
    $(grep -c "$(printf '\033')\[1m" "$TMPD/esc") != 1 ||
    $(grep -c ' Articles' "$TMPD/esc") != 1 )) \
    "color status red default bold: the status line is red and bold"
T kill-session -t ui
T new-session -d -s ui -x 80 -y 24 "env LANG=C.UTF-8 LC_ALL=C.UTF-8 \
NO_COLOR=1 TERM=screen CITATA_DATADIR='$CITATA_DATADIR' '$CITATA' \
-c '$TMPD/colors' -d '$db'; exec sleep 600"
settle_until "?:help"
T capture-pane -p -e -t ui | tail -1 >"$TMPD/esc"
contains "$TMPD/esc" "$(printf '\033[4m Articles')" \
    "mono status underline: without colour, underlined"
done_testing
