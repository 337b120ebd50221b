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

: "${CITATA:?CITATA must name the binary}"
: "${top_srcdir:=.}"
TMPD=$(mktemp -d "${TMPDIR:-/tmp}/citata-test.XXXXXX")
trap 'rm -rf "$TMPD"' EXIT
