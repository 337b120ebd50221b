# lib.sh: TAP helpers for the shell tests; sourced, never run.
# Each test script calls ok/same/... and ends with `done_testing`.

tap_n=0
tap_failed=0

# ok STATUS NAME: a test point that passed when STATUS is 0.
ok() {
	tap_n=$((tap_n + 1))
	if [ "$1" -eq 0 ]; then
		echo "ok $tap_n - $2"
	else
		echo "not ok $tap_n - $2"
		tap_failed=$((tap_failed + 1))
	fi
}

# same GOT WANT NAME: files equal; shows diff -u when not.
same() {
	if cmp -s "$1" "$2"; then
		ok 0 "$3"
	else
		ok 1 "$3"
		diff -u "$2" "$1" | sed 's/^/# /' | head -60
	fi
}

# contains FILE STRING NAME
contains() {
	if grep -qF -- "$2" "$1"; then
		ok 0 "$3"
	else
		ok 1 "$3"
		echo "# '$2' not in:"
		sed 's/^/#   /' "$1" | head -20
	fi
}

done_testing() {
	echo "1..$tap_n"
	[ "$tap_failed" -eq 0 ]
	exit $?
}

skip_all() {
	echo "1..0 # SKIP $1"
	exit 0
}

# tmux_private NAME: a private tmux server for this test (its own socket
# NAME-PID, no config file): T runs a tmux command on it, tmux_stop stops
# it and removes its socket file, which kill-server leaves behind.
tmux_private() {
	tmux=${TMUX_BIN:-tmux}
	sock=$1-$$
	unset TMUX TMUX_PANE
}
T() {
	"$tmux" -L "$sock" -f /dev/null "$@"
}
tmux_stop() {
	T kill-server >/dev/null 2>&1
	rm -f "${TMUX_TMPDIR:-/tmp}/tmux-$(id -u)/$sock"
}

# settle: leaves the screen of the session "ui" in $TMPD/cap once it has
# stopped changing (and shows something), or after 5 s.
settle() {
	prev=
	i=0
	while [ $i -lt 50 ]; do
		sleep 0.1
		T capture-pane -p -t ui >"$TMPD/cap" 2>/dev/null
		cur=$(cksum <"$TMPD/cap")
		if grep -q . "$TMPD/cap" && [ "$cur" = "$prev" ]; then
			return 0
		fi
		prev=$cur
		i=$((i + 1))
	done
}

# settle_until TEXT: settle, then waits (up to 10 s more) until the
# screen shows TEXT: for what comes late under a sanitizer or valgrind.
settle_until() {
	settle
	i=0
	while ! grep -qF -- "$1" "$TMPD/cap" && [ $i -lt 100 ]; do
		sleep 0.1
		T capture-pane -p -t ui >"$TMPD/cap" 2>/dev/null
		i=$((i + 1))
	done
}

# gone PID TENTHS: waits up to TENTHS tenths of a second for PID to end;
# sets secs to the whole seconds waited.  Returns 0 when it has ended.
gone() {
	i=0
	while kill -0 "$1" 2>/dev/null && [ $i -lt "$2" ]; do
		sleep 0.1
		i=$((i + 1))
	done
	secs=$((i / 10))
	! kill -0 "$1" 2>/dev/null
}

# peak COMMAND...: runs COMMAND with its output in $TMPD/o and $TMPD/e;
# sets st to its exit status and kb to its peak resident memory in KiB,
# from GNU time when there is one, else from /proc as it runs (then the
# last moments may be missed; kb is 0 when nothing could be read).
peak() {
	if [ -x /usr/bin/time ]; then
		/usr/bin/time -f %M -o "$TMPD/peak" "$@" >"$TMPD/o" 2>"$TMPD/e"
		st=$?
		kb=$(tail -1 "$TMPD/peak")
		case $kb in
		''|*[!0-9]*) kb=0 ;;
		esac
		return
	fi
	"$@" >"$TMPD/o" 2>"$TMPD/e" &
	pk_pid=$!
	kb=0
	while kill -0 $pk_pid 2>/dev/null; do
		k=$(sed -n 's/^VmHWM:[[:space:]]*\([0-9]*\) kB/\1/p' \
		    /proc/$pk_pid/status 2>/dev/null)
		[ -n "$k" ] && kb=$k
		sleep 0.05
	done
	wait $pk_pid
	st=$?
}

: "${CITATA:?CITATA must name the binary}"
: "${top_srcdir:=.}"
TMPD=$(mktemp -d "${TMPDIR:-/tmp}/citata-test.XXXXXX")
trap 'rm -rf "$TMPD"' EXIT
