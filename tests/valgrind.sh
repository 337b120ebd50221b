#!/bin/sh
# valgrind.sh PROGRAM...: runs each unit test program under valgrind and
# prints TAP, one test point per program: it passes when the program
# passes and valgrind reports no memory error and no definite or
# indirect leak.  Run by "make check-valgrind", with the environment of
# "make check"; a build with sanitizers cannot run under valgrind, so it
# is skipped (SAN_CFLAGS is set by the makefile).  Each program's
# valgrind report is left in PROGRAM.valgrind.log.

if [ -n "${SAN_CFLAGS:-}" ]; then
	echo "1..0 # SKIP built with sanitizers, which valgrind cannot run"
	exit 0
fi
if ! command -v valgrind >/dev/null 2>&1; then
	echo "1..0 # SKIP valgrind not installed"
	exit 0
fi

n=0
failed=0
for p in "$@"; do
	n=$((n + 1))
	log="$p.valgrind.log"
	valgrind -q --leak-check=full --errors-for-leak-kinds=definite,indirect \
	    --error-exitcode=99 --log-file="$log" "./$p" >"$p.valgrind.out" 2>&1
	st=$?
	if [ $st -eq 0 ]; then
		echo "ok $n - $p: no memory error, no leak"
		continue
	fi
	failed=$((failed + 1))
	if [ $st -eq 99 ]; then
		echo "not ok $n - $p: valgrind reports errors or leaks"
		sed 's/^/# /' "$log" | head -40
	else
		echo "not ok $n - $p: the program failed under valgrind ($st)"
		grep -v '^ok' "$p.valgrind.out" | sed 's/^/# /' | head -20
	fi
done
echo "1..$n"
[ $failed -eq 0 ]
