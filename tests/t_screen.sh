#!/bin/sh
# t_screen.sh: the screen test of text.c.  tests/boxdraw draws our hostile
# strings and the 99 width vectors (tests/vectors), fitted by
# text_pad(), in a bordered box through ncursesw inside a private tmux
# server; the captured screen must be exactly the box as it should be, at
# every width, so the right border is in the same column on every row.
# One run uses the ASCII (transliterating) mode.  A last run draws the
# strings raw and must be caught misaligned, which shows that the
# comparison can fail.

: "${top_srcdir:=.}" "${top_builddir:=.}"
tmux=${TMUX_BIN:-tmux}
box="$top_builddir/tests/boxdraw"
vectors="$top_srcdir/tests/vectors/width-vectors.tsv"
if [ ! -r "$vectors" ]; then
	echo "not ok 1 - the width vectors: cannot read $vectors"
	echo "1..1"
	exit 1
fi

if [ "$tmux" = ":" ] || ! command -v "$tmux" >/dev/null 2>&1; then
	echo "1..0 # SKIP tmux not found"
	exit 0
fi
if [ ! -x "$box" ]; then
	echo "1..0 # SKIP $box not built"
	exit 0
fi

LANG=C.UTF-8 LC_ALL=C.UTF-8
export LANG LC_ALL
unset TMUX
sock="citata-t-screen-$$"	# private: never the user's server
tmpd=$(mktemp -d "${TMPDIR:-/tmp}/t_screen.XXXXXX") || exit 1
# kill-server leaves the socket file behind; remove it too.
sockfile="${TMUX_TMPDIR:-/tmp}/tmux-$(id -u)/$sock"
trap '"$tmux" -L "$sock" kill-server >/dev/null 2>&1; rm -rf "$tmpd";
    rm -f "$sockfile"' EXIT INT TERM

n=0
failed=0

# A session that outlives the drawings' ones, so that the server does not
# exit between two drawings and race the next new-session (which then
# failed now and then with "server exited unexpectedly").
if ! "$tmux" -L "$sock" -u -f /dev/null new-session -d -s keep -x 20 \
    -y 5 "exec sleep 3600"; then
	echo "1..0 # SKIP tmux cannot start a server"
	exit 0
fi

# draw WIDTH [-r | -a]: runs boxdraw in a fresh pane, leaves the capture in
# $tmpd/cap; returns non-zero if the drawing never finished.
draw() {
	"$tmux" -L "$sock" -u -f /dev/null new-session -d -s draw -x 100 \
	    -y 130 "$box -w $1 $2 $vectors" || return 1
	i=0
	while [ $i -lt 300 ]; do	# 30 s at most: CI machines are slow
		"$tmux" -L "$sock" capture-pane -p -t draw > "$tmpd/cap" \
		    2>/dev/null
		if grep -q '^END' "$tmpd/cap"; then
			"$tmux" -L "$sock" kill-session -t draw >/dev/null 2>&1
			return 0
		fi
		sleep 0.1
		i=$((i + 1))
	done
	"$tmux" -L "$sock" kill-session -t draw >/dev/null 2>&1
	return 1
}

for w in 1 2 5 12 20 33 79; do
	n=$((n + 1))
	rm -f "$tmpd/out"
	if draw $w && "$box" -c $w $vectors < "$tmpd/cap" > "$tmpd/out"; then
		echo "ok $n - width $w: border in the same column on every" \
		    "row ($(tail -n 1 "$tmpd/out"))"
		grep '^row' "$tmpd/out" | sed 's/^/# /'

	else
		echo "not ok $n - width $w: box drawn as expected"
		[ -s "$tmpd/out" ] || echo "# the drawing did not finish"
		sed 's/^/# /' "$tmpd/out" 2>/dev/null | head -40
		failed=$((failed + 1))
	fi
done

n=$((n + 1))
rm -f "$tmpd/out"
if draw 20 -a && "$box" -a -c 20 $vectors < "$tmpd/cap" > "$tmpd/out"; then
	echo "ok $n - ASCII mode, width 20: border in the same column" \
	    "($(tail -n 1 "$tmpd/out"))"
else
	echo "not ok $n - ASCII mode, width 20: box drawn as expected"
	sed 's/^/# /' "$tmpd/out" 2>/dev/null | head -40
	failed=$((failed + 1))
fi

n=$((n + 1))
if draw 40 -r && ! "$box" -c 40 $vectors < "$tmpd/cap" > "$tmpd/out"; then
	echo "ok $n - raw strings are caught misaligned" \
	    "($(tail -n 1 "$tmpd/out"))"
else
	echo "not ok $n - raw strings are caught misaligned"
	failed=$((failed + 1))
fi

echo "1..$n"
[ $failed -eq 0 ]
