#!/bin/sh
# t_cite.sh: the reader's y copies the quote under the cursor as a
# citation, in the article's quotes, its text and a speaker's quotes.
# The reader runs in a private tmux server with set-clipboard on, so the
# OSC 52 it writes becomes a tmux paste buffer, decoded from base64 by
# tmux: show-buffer must give exactly what "quotes --format=cite" prints.
# The article is the hostile one (escape sequences in its text), with a
# link that holds one too: nothing may reach the terminal as a sequence,
# and the screen must be as it was but for the status line.  Then
# $CITATA_CLIPBOARD: a script that writes its standard input to the file
# named by its argument.
. "${top_srcdir:-.}/tests/lib.sh"

tmux_private cite
command -v "$tmux" >/dev/null 2>&1 || skip_all "tmux not installed"
trap 'tmux_stop; rm -rf "$TMPD"' EXIT

# The hostile article, with a link that sets the window title if it
# ever reaches the terminal raw.
# (Its second article, invalid UTF-8, is skipped: exit status 1.)
"$CITATA" -d "$TMPD/h.db" import "$top_srcdir/data/articles/14-hostile.txt" \
    >/dev/null 2>&1
[ $? -le 1 ] || skip_all "cannot import the hostile article"
"$CITATA" -d "$TMPD/h.db" export |
    sed 's|"url":null|"url":"https://hostile.example/a\\u001b]2;pwned\\u0007"|' \
    >"$TMPD/h.jsonl"
db="$TMPD/c.db"
"$CITATA" -d "$db" import "$TMPD/h.jsonl" >/dev/null 2>&1 ||
    skip_all "cannot build the archive"
id=$("$CITATA" -d "$db" list --format=tsv | cut -f1)
"$CITATA" -d "$db" quotes --article="$id" --format=cite >"$TMPD/cites"
"$CITATA" -d "$db" quotes --speaker='Әсем Жұмабаева' --format=cite \
    >"$TMPD/spcites"
ok $(( $(wc -l <"$TMPD/cites") != 5 )) "the hostile article has 5 quotes"

T new-session -d -s keep -x 20 -y 5 "exec sleep 600" ||
    skip_all "tmux cannot start a server"
T set-option -g set-clipboard on

# start [ENV...]: the reader on $db at 80x24, with ENV set.
start() {
	T kill-session -t ui 2>/dev/null
	T new-session -d -s ui -x 80 -y 24 "env LANG=C.UTF-8 LC_ALL=C.UTF-8 \
NO_COLOR=1 TERM=screen CITATA_DATADIR='$CITATA_DATADIR' $* '$CITATA' \
-d '$db'; echo exit \$?; exec sleep 600"
	settle_until "HostileNews"
}

# copied N FILE NAME: the tmux buffer is line N of FILE.
copied() {
	T show-buffer >"$TMPD/buf" 2>/dev/null && echo >>"$TMPD/buf"
	sed -n "$1p" "$2" >"$TMPD/want"
	same "$TMPD/buf" "$TMPD/want" "$3"
	T delete-buffer 2>/dev/null
}

# press KEY TEXT: sends KEY, waits for TEXT on screen.
press() {
	T send-keys -t ui "$1"
	settle_until "$2"
}

start
press Enter "Quotes (5)"
press Tab "Quotes 1/5"
cp "$TMPD/cap" "$TMPD/before"
press y "copied:"
copied 1 "$TMPD/cites" "y in the article's quotes: the citation, by OSC 52"
contains "$TMPD/cap" \
    "copied: «Мы хотели показать, что Семей — это город г…» — Әсем Жұмабаева" \
    "the status line says what was copied, cut to fit"
sed '$d' "$TMPD/before" >"$TMPD/b"
sed '$d' "$TMPD/cap" >"$TMPD/a"
same "$TMPD/a" "$TMPD/b" "the screen is intact but for the status line"
title=$(T display-message -p -t ui '#{pane_title}')
ok $(case $title in *pwned*) echo 1 ;; *) echo 0 ;; esac) \
    "the link's escape sequence did not reach the terminal ($title)"

T send-keys -t ui j j
settle_until "Quotes 3/5"
press y "copied: Әсем Жұмабаева: ме"
copied 3 "$TMPD/cites" "indirect speech in the reported form"
press Tab "quote 3/5"
press y "copied: Әсем Жұмабаева: ме"
copied 3 "$TMPD/cites" "y in the text: the current quote"
press Enter "Әсем Жұмабаева: 3 quotes"
T send-keys -t ui j
settle_until "Quotes 2/3"
press y "copied: Әсем Жұмабаева: в следующем"
copied 2 "$TMPD/spcites" "y in a speaker's quotes"
press '?' "copy the quote as a citation"
press y "y copies a quote"
ok $(T show-buffer >/dev/null 2>&1; echo $(( $? == 0 ))) \
    "elsewhere y copies nothing and says why"

# $CITATA_CLIPBOARD: a command, its words split, the citation on its
# standard input; the screen comes back.
printf '#!/bin/sh\ncat >"$1"\n' >"$TMPD/clip"
chmod +x "$TMPD/clip"
start "CITATA_CLIPBOARD='$TMPD/clip $TMPD/clip.out'"
press Enter "Quotes (5)"
press Tab "Quotes 1/5"
press y "copied:"
head -1 "$TMPD/cites" | tr -d '\n' >"$TMPD/want"
same "$TMPD/clip.out" "$TMPD/want" \
    "CITATA_CLIPBOARD gets the citation on its standard input"
sed '$d' "$TMPD/cap" >"$TMPD/a"
same "$TMPD/a" "$TMPD/b" "and the screen is back"
ok $(T show-buffer >/dev/null 2>&1; echo $(( $? == 0 ))) "with no OSC 52"
start "CITATA_CLIPBOARD=false"
press Enter "Quotes (5)"
press Tab "Quotes 1/5"
press y "false exited"
contains "$TMPD/cap" "false exited with status 1" "a failing command is told"
press q "Quotes"
press q "HostileNews"
press q "exit 0"
contains "$TMPD/cap" "exit 0" "the reader quits"
tmux_stop
done_testing
