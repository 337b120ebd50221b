#!/bin/sh
# t_ui.sh: end-to-end tests of the reader.  Each tests/ui/NAME.keys is
# played in a private tmux server (its own socket, no config file) on a
# fresh copy of an archive imported from tests/ui/articles/, with
# LANG=C.UTF-8 and NO_COLOR; the screen at the end must equal
# tests/ui/NAME.screen, and at each "check N" step tests/ui/NAME.N.screen.
# See tests/ui/README for the steps.  To accept new screens after checking
# them by eye: CITATA_BLESS=1 make check.
. "${top_srcdir:-.}/tests/lib.sh"

tmux_private citata-test
[ "$tmux" = ":" ] && skip_all "tmux not installed"
command -v "$tmux" >/dev/null 2>&1 || skip_all "tmux not installed"
border=${top_builddir:-.}/tests/t_border
[ -x "$border" ] || skip_all "tests/t_border not built"

dir="$top_srcdir/tests/ui"
trap 'tmux_stop; rm -rf "$TMPD"' EXIT

# The terminal the reader is told it runs in.
uiterm=tmux-256color
infocmp "$uiterm" >/dev/null 2>&1 || uiterm=screen

# A session that outlives the tests' ones, so that the server does not
# exit (and race the next new-session) between two tests.
T new-session -d -s keep -x 20 -y 5 "exec sleep 3600" ||
    skip_all "tmux cannot start a server"

fixture="$TMPD/fixture.db"
"$CITATA" -d "$fixture" import "$dir/articles" >"$TMPD/import" 2>&1
rc=$?
if [ $rc -gt 1 ]; then
	sed 's/^/# /' "$TMPD/import"
	skip_all "cannot build the fixture archive"
fi

# run DB: the reader, then its exit status, then nothing until killed.
cat >"$TMPD/run" <<EOS
#!/bin/sh
trap '' INT	# ^C is for the reader; the reader sets its own handler
LANG=C.UTF-8 LC_ALL=C.UTF-8 NO_COLOR=1 CITATA_DATADIR='$CITATA_DATADIR' \\
    TERM=\${UI_TERM:-$uiterm} '$CITATA' -d "\$1"
echo "exit \$?"
exec sleep 600
EOS
chmod +x "$TMPD/run"


# attr_at SGR TEXT <capture: whether a run of text that starts with TEXT
# is drawn with exactly the attributes SGR ("1;4;7": bold, underline,
# reverse; "0": none).  capture-pane -e sends only the changes from one
# run to the next, so the attributes in force are followed along each
# line; colours are ignored.
attr_at() {
	awk -v want="$1" -v text="$2" '
	function norm(s,   n, a, i, o) {
		n = split(s, a, ";")
		o = ""
		for (i = 1; i <= n; i++)
			if (a[i] != "0" && a[i] != "")
				o = o ";" a[i]
		return o
	}
	BEGIN { want = norm(want); found = 0 }
	{
		delete on
		n = split($0, seg, "\033\\[")
		for (i = 1; i <= n; i++) {
			t = seg[i]
			if (i > 1) {
				m = index(t, "m")
				np = split(substr(t, 1, m - 1), p, ";")
				if (np == 0)
					delete on
				for (k = 1; k <= np; k++) {
					v = p[k] + 0
					if (v == 0)
						delete on
					else if (v == 1 || v == 2 || v == 4 ||
					    v == 7)
						on[v] = 1
					else if (v == 22) {
						delete on[1]
						delete on[2]
					} else if (v == 24 || v == 27)
						delete on[v - 20]
				}
				t = substr(t, m + 1)
			}
			have = ""
			for (v = 1; v <= 7; v++)
				if (v in on)
					have = have ";" v
			if (index(t, text) == 1 && have == want)
				found = 1
		}
	}
	END { exit !found }'
}

compare() {
	if [ -n "${CITATA_BLESS:-}" ]; then
		cp "$TMPD/cap" "$2"
	fi
	same "$TMPD/cap" "$2" "$1"
}

for keys in "$dir"/*.keys; do
	name=$(basename "$keys" .keys)
	db="$TMPD/$name.db"
	rm -f "$db" "$db-wal" "$db-shm"
	cp "$fixture" "$db"
	started=0
	term=
	while read -r cmd args; do
		case $cmd in
		''|'#'*)
			continue ;;
		term)
			term=$args ;;
		archive)
			# Another fixture archive, imported once from
			# tests/ui/NAME/ (before size starts the reader).
			other="$TMPD/fixture-$args.db"
			if [ ! -f "$other" ]; then
				"$CITATA" -d "$other" import "$dir/$args" \
				    >"$TMPD/import" 2>&1 ||
				    sed 's/^/# /' "$TMPD/import"
			fi
			rm -f "$db" "$db-wal" "$db-shm"
			cp "$other" "$db" ;;
		bigarticle)
			# An archive of one article of N paragraphs, each
			# with a direct and a reported quote (2N quotes),
			# made and imported once (before size).
			other="$TMPD/fixture-big-$args.db"
			if [ ! -f "$other" ]; then
				awk -v n="$args" 'BEGIN {
					print " date 2025-01-01 Статья о мосте."
					for (i = 0; i < n; i++)
						printf "\n«Пролёт номер %d " \
						    "готов», — сказал " \
						    "инженер Пётр Ивлев. По " \
						    "его словам, мост " \
						    "откроют летом.\n", i
				}' >"$TMPD/big.txt"
				"$CITATA" -d "$other" import "$TMPD/big.txt" \
				    >"$TMPD/import" 2>&1 ||
				    sed 's/^/# /' "$TMPD/import"
			fi
			rm -f "$db" "$db-wal" "$db-shm"
			cp "$other" "$db" ;;
		speakers)
			# An archive of N articles, each quoting one of N
			# people (ten first names, twenty surnames) one to
			# three times, made and imported once (before size).
			other="$TMPD/fixture-speakers-$args.db"
			if [ ! -f "$other" ]; then
				awk -v n="$args" 'BEGIN {
					split("Ерлан Болат Асхат Нурлан Тимур " \
					    "Арман Данияр Марат Серик Канат",
					    f, " ")
					split("Касымов Жумабаев Ахметов " \
					    "Сапаров Омаров Исаев Байжанов " \
					    "Мусин Нуров Ибраев Кенжебаев " \
					    "Садыков Абенов Бекмуханов " \
					    "Есенов Жакупов Искаков Калиев " \
					    "Рахимов Тулеев", s, " ")
					for (i = 0; i < n; i++) {
						printf " date 2025-02-%02d " \
						    "Новость %d.\n", 1 + i % 28, i
						for (j = 0; j <= i % 3; j++)
							printf "\n«Работа " \
							    "номер %d.%d идёт " \
							    "по плану», — " \
							    "сказал %s %s.\n",
							    i, j, f[1 + i % 10],
							    s[1 + int(i / 10) % 20]
						printf "\n"
					}
				}' >"$TMPD/speakers.txt"
				"$CITATA" -d "$other" import \
				    "$TMPD/speakers.txt" >"$TMPD/import" 2>&1 ||
				    sed 's/^/# /' "$TMPD/import"
			fi
			rm -f "$db" "$db-wal" "$db-shm"
			cp "$other" "$db" ;;
		size)
			set -- $args
			if [ $started -eq 0 ]; then
				T new-session -d -s ui -x "$1" -y "$2" \
				    "UI_TERM=$term $TMPD/run $db"
				started=1
			else
				T resize-window -t ui -x "$1" -y "$2"
			fi
			settle ;;
		keys)
			# shellcheck disable=SC2086
			T send-keys -t ui $args
			settle ;;
		type)
			T send-keys -t ui -l "$args"
			settle ;;
		repeat)
			# repeat N TEXT: send TEXT N times, literally.
			set -- $args
			n=$1
			shift
			T send-keys -t ui -l "$(awk -v n="$n" -v t="$*" \
			    'BEGIN { while (n-- > 0) printf "%s", t }')"
			settle ;;
		wait)
			# wait TEXT: until the screen shows TEXT (60 s at
			# most), for what takes long under a sanitizer.
			i=0
			while ! T capture-pane -p -t ui |
			    grep -qF -- "$args" && [ $i -lt 600 ]; do
				sleep 0.1
				i=$((i + 1))
			done
			settle ;;
		within)
			# within SECONDS KEY TEXT: after KEY the screen shows
			# TEXT within SECONDS (waited for up to 60 s).
			set -- $args
			lim=$1
			key=$2
			shift 2
			t0=$(date +%s.%N)
			T send-keys -t ui "$key"
			i=0
			while ! T capture-pane -p -t ui | grep -qF -- "$*" &&
			    [ $i -lt 1200 ]; do
				sleep 0.05
				i=$((i + 1))
			done
			secs=$(awk -v a="$t0" -v b="$(date +%s.%N)" \
			    'BEGIN { printf "%.2f", b - a }')
			awk -v s="$secs" -v l="$lim" 'BEGIN { exit !(s <= l) }'
			ok $? "$name: '$*' $secs s after $key (limit $lim s)"
			settle ;;
		restart)
			T respawn-pane -k -t ui "UI_TERM=$term $TMPD/run $db"
			settle ;;
		signal)
			# The reader is the only child of the pane's shell.
			pp=$(T display-message -p -t ui '#{pane_pid}')
			if command -v pkill >/dev/null 2>&1; then
				pkill -"$args" -P "$pp"
			else
				kill -"$args" $(ps -o pid= --ppid "$pp")
			fi
			settle ;;
		check)
			compare "$name: screen $args" \
			    "$dir/$name.$args.screen" ;;
		attr)
			# attr SGR TEXT: TEXT is drawn with exactly the
			# attributes SGR (e.g. 7 reverse, 1;4;7 also bold
			# and underlined), as capture-pane -e shows them.
			set -- $args
			T capture-pane -p -e -t ui >"$TMPD/attr"
			attr_at "$1" "$2" <"$TMPD/attr"
			ok $? "$name: '$2' drawn with attributes $1" ;;
		border)
			"$border" -c <"$TMPD/cap" >"$TMPD/border"
			st=$?
			[ $st -ne 0 ] && sed 's/^/# /' "$TMPD/border"
			ok $st "$name: borders in the same columns on every row"
			;;
		*)
			echo "# $name: unknown step '$cmd'"
			ok 1 "$name: steps" ;;
		esac
	done <"$keys"
	compare "$name" "$dir/$name.screen"
	T kill-session -t ui >/dev/null 2>&1
done
done_testing
