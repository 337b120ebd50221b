#!/bin/sh
# t_feeds.sh: the feeds and fetch commands on feeds of our own: adding,
# listing, removing, OPML and newsboat urls files; fetching into the
# archive from file:// URLs (no network), items found again by guid and
# replaced when the feed changes them, manual quotes kept; a broken feed
# named with its reason while the others are stored.  Over HTTP, against
# tests/feedserver on 127.0.0.1: 304, errors, Retry-After, a permanent
# redirect, the per-host limit, and an interrupted fetch.
. "${top_srcdir:-.}/tests/lib.sh"

dir="$top_srcdir/tests/fetch"
db="$TMPD/feeds.db"
C() { "$CITATA" -d "$db" "$@"; }

# --- subscriptions
C feeds >"$TMPD/o" 2>&1
ok $(( $? != 2 )) "feeds without an archive: exit 2"
contains "$TMPD/o" "no such archive" "and says so"
cp "$dir/news.xml" "$TMPD/news.xml"
C feeds add --name='Шығыс' "file://$TMPD/news.xml" >"$TMPD/o" 2>&1
ok $? "feeds add"
contains "$TMPD/o" "added feed 1: file://$TMPD/news.xml" "says what it added"
C feeds add "file://$TMPD/news.xml" >"$TMPD/o" 2>&1
ok $? "adding it again is no error"
contains "$TMPD/o" "already subscribed (feed 1)" "and says so"
C feeds add ftp://example.kz/x >"$TMPD/o" 2>&1
ok $(( $? != 2 )) "a URL that is not http, https or file is refused"
contains "$TMPD/o" "not an http, https or file URL: 'ftp://example.kz/x'" \
    "with the reason"
C feeds add --name=a http://a.example/ http://b.example/ >"$TMPD/o" 2>&1
ok $(( $? != 2 )) "--name with two URLs is refused"
C feeds list --format=tsv >"$TMPD/o"
ok $(( $(wc -l <"$TMPD/o") != 1 )) "nothing was added by the refusals"

# --- fetch from a file
C fetch >"$TMPD/o" 2>"$TMPD/e"
ok $? "fetch"
contains "$TMPD/o" "Шығыс: 3 new, 0 updated, 0 unchanged" \
    "a line for the feed in a pipe"
contains "$TMPD/o" "fetched 1 feeds: 3 new articles" "and a summary"
C list --format=tsv >"$TMPD/l"
ok $(( $(wc -l <"$TMPD/l") != 3 )) "three articles"
ok $(( $(cut -f3 "$TMPD/l" | sort -u | grep -c '^Шығыс$') != 1 )) \
    "their source is the feed's name"
cut -f2,4 "$TMPD/l" >"$TMPD/order"
cat >"$TMPD/want" <<'EOF'
2026-12-06	Школьники Риддера построили метеостанцию
2026-12-06	В Оскемене откроют новый мост через Иртыш
2026-12-05	В Семее прошёл турнир по тоғызқұмалақ
EOF
same "$TMPD/order" "$TMPD/want" "newest first, by time within a day"
id=$(grep 'мост' "$TMPD/l" | cut -f1)
C show --width=200 "$id" >"$TMPD/s"
contains "$TMPD/s" "https://shygys.example.kz/news/most" "the link is kept"
ok $(grep -c 'alert' "$TMPD/s") "a script in the HTML is not text"
contains "$TMPD/s" "«Мы успеем до холодов, подрядчик работает в три смены», — сказал аким." \
    "HTML paragraphs become paragraphs"
C quotes --format=tsv >"$TMPD/q"
contains "$TMPD/q" "Ержан Сәрсенов" "quotes are found in fetched articles"
contains "$TMPD/q" "Айгүл Қасымова" "in the description's HTML too"
C search --format=tsv метеостанция >"$TMPD/o"
ok $(( $(wc -l <"$TMPD/o") != 1 )) "and the search index has them"

# Export keeps the time of day, and import reads it back.
C export >"$TMPD/all.jsonl"
contains "$TMPD/all.jsonl" '"time":"11:40:00"' "export writes the time of day"
"$CITATA" -d "$TMPD/copy1.db" import "$TMPD/all.jsonl" >/dev/null 2>&1
"$CITATA" -d "$TMPD/copy1.db" list --format=tsv | cut -f2,4 >"$TMPD/order2"
same "$TMPD/order2" "$TMPD/want" "and a copy lists in the same order"
printf '{"date":"2026-12-06","time":"24:00:00","text":"Т."}\n' \
    >"$TMPD/badtime.jsonl"
"$CITATA" -d "$TMPD/copy1.db" import "$TMPD/badtime.jsonl" >/dev/null \
    2>"$TMPD/e"
contains "$TMPD/e" "badtime.jsonl:1: error: bad time '24:00:00' (want HH:MM:SS), article skipped" \
    "a bad time of day is named"

C fetch >"$TMPD/o" 2>&1
ok $? "fetch again"
contains "$TMPD/o" "Шығыс: 0 new, 0 updated, 3 unchanged" \
    "nothing new, nothing stored twice"
ok $(( $(C list --format=tsv | wc -l) != 3 )) "still three articles"

# A manual quote on the article the feed will change, on words that
# stay, and one on words that will go.
art=$(sqlite3 "$db" "SELECT id FROM articles WHERE guid = 'shygys-1001'")
pos=$(sqlite3 "$db" "SELECT instr(CAST(text AS BLOB),
    CAST('Мы успеем' AS BLOB)) - 1 FROM articles WHERE id = $art")
sqlite3 "$db" "INSERT INTO quotes (article_id, kind, start, \"end\",
    origin, date) VALUES ($art, 'direct', $pos, $pos + 17, 'manual',
    '2026-12-06')"
sqlite3 "$db" "INSERT INTO quotes (article_id, kind, start, \"end\",
    origin, date) VALUES ($art, 'direct', 0, 8, 'manual', '2026-12-06')"
cp "$dir/news-changed.xml" "$TMPD/news.xml"
C fetch >"$TMPD/o" 2>"$TMPD/e"
ok $? "fetch a changed feed"
contains "$TMPD/o" "Шығыс: 1 new, 1 updated, 2 unchanged" \
    "one new item, one changed"
ok $(( $(C list --format=tsv | wc -l) != 4 )) "four articles"
ok $(( $(sqlite3 "$db" "SELECT count(*) FROM articles
    WHERE guid = 'shygys-1001'") != 1 )) "the changed item is one article"
C show --width=200 "$art" >"$TMPD/s"
contains "$TMPD/s" "Обновлено: открытие перенесли на 28 декабря." \
    "with the new text"
q=$(sqlite3 "$db" "SELECT CAST(substr(CAST(a.text AS BLOB), q.start + 1,
    q.\"end\" - q.start) AS TEXT) FROM quotes q JOIN articles a
    ON a.id = q.article_id WHERE q.origin = 'manual'")
ok $(( $(printf '%s\n' "$q" | grep -cx 'Мы успеем' ) != 1 )) \
    "a manual quote still on its words ($q)"
# The first 8 bytes were "Аким" and stay; nothing is lost here.
ok $(( $(sqlite3 "$db" "SELECT count(*) FROM quotes
    WHERE origin = 'manual'") != 2 )) "both manual quotes kept"

# The words of one manual quote go: it goes, and fetch says so.
sed 's/Мы успеем до холодов, подрядчик/Подрядчик/' "$dir/news-changed.xml" \
    >"$TMPD/news.xml"
C fetch >"$TMPD/o" 2>"$TMPD/e"
contains "$TMPD/o" "Шығыс: 0 new, 1 updated, 3 unchanged" "changed again"
contains "$TMPD/e" "Шығыс: 1 manual quotes were removed" \
    "a manual quote whose words are gone is removed, and said"
ok $(( $(sqlite3 "$db" "SELECT count(*) FROM quotes
    WHERE origin = 'manual'") != 1 )) "the other stays"

C feeds list --format=jsonl >"$TMPD/o"
contains "$TMPD/o" '"name":"Шығыс","title":"Шығыс хабарлары"' \
    "the feed's own title is kept"
contains "$TMPD/o" '"articles":4' "its articles are counted"
contains "$TMPD/o" '"status":"ok","failed":false' "its status"
C feeds list >"$TMPD/o"
contains "$TMPD/o" "4 articles, fetched 20" "the text form"

# --- a broken feed among good ones
cp "$dir/broken.xml" "$TMPD/broken.xml"
C feeds add --name=Broken "file://$TMPD/broken.xml" >/dev/null
C fetch >"$TMPD/o" 2>"$TMPD/e"
ok $(( $? != 1 )) "a broken feed among good ones: exit 1"
contains "$TMPD/e" "fetch: Broken: " "the broken one is named"
contains "$TMPD/e" "line" "with the line of its XML"
contains "$TMPD/o" "Шығыс: 0 new, 0 updated, 4 unchanged" \
    "the good one is still fetched"
C fetch Broken >/dev/null 2>&1
ok $(( $? != 2 )) "fetching only the broken one: exit 2"
C feeds list --format=tsv >"$TMPD/o"
ok $(( $(grep -c '	Broken	.*	0	20.*	malformed\|	Broken	.*	0	20.*' "$TMPD/o") != 1 )) \
    "its failure is listed"
C fetch Nonesuch >"$TMPD/o" 2>&1
ok $(( $? != 2 )) "fetching a feed that does not exist: exit 2"
contains "$TMPD/o" "no feed 'Nonesuch'" "and says so"

# --- OPML and newsboat
C feeds export >"$TMPD/subs.opml"
ok $? "feeds export"
contains "$TMPD/subs.opml" '<opml version="2.0">' "is OPML 2.0"
"$CITATA" -d "$TMPD/copy.db" feeds import "$TMPD/subs.opml" >"$TMPD/o" 2>&1
ok $? "its OPML imports into another archive"
contains "$TMPD/o" "imported 2 feeds, already subscribed 0, skipped 0" \
    "every feed"
"$CITATA" -d "$TMPD/copy.db" feeds list --format=tsv | cut -f2,3 \
    >"$TMPD/a"
C feeds list --format=tsv | cut -f2,3 >"$TMPD/b"
same "$TMPD/a" "$TMPD/b" "with the same names and URLs"
"$CITATA" -d "$TMPD/copy.db" feeds import "$dir/urls" >"$TMPD/o" \
    2>"$TMPD/e"
ok $(( $? != 1 )) "a newsboat urls file with a query line: exit 1"
contains "$TMPD/o" "imported 3 feeds" "its feeds are imported"
contains "$TMPD/e" "urls:5: error:" "the query line is named"
"$CITATA" -d "$TMPD/copy.db" feeds list --format=tsv >"$TMPD/o"
contains "$TMPD/o" "	Шығыс хабарлары	https://shygys.example.kz/rss.xml" \
    "a ~name tag names the feed"
"$CITATA" -d "$TMPD/copy.db" feeds import "$TMPD/nonesuch" >"$TMPD/o" 2>&1
ok $(( $? != 2 )) "importing a missing file: exit 2"
contains "$TMPD/o" "nonesuch" "naming it"

C feeds remove Broken >"$TMPD/o" 2>&1
ok $? "feeds remove"
contains "$TMPD/o" "removed feed 2: Broken (0 articles stay in the archive)" \
    "says what it removed"
C feeds remove 1 >"$TMPD/o" 2>&1
contains "$TMPD/o" "(4 articles stay in the archive)" "by number"
ok $(( $(C list --format=tsv | wc -l) != 4 )) "its articles stay"
C feeds remove 1 >"$TMPD/o" 2>&1
ok $(( $? != 2 )) "removing it twice: exit 2"
ok $(( $(sqlite3 "$db" "PRAGMA integrity_check" | grep -cx ok) != 1 )) \
    "the archive is whole"
C feeds >"$TMPD/o" 2>&1
ok $? "feeds with none"
ok $(( $(wc -c <"$TMPD/o") != 0 )) "lists nothing"

# --- over HTTP, from tests/feedserver on 127.0.0.1
server="$top_builddir/tests/feedserver"
[ -x "$server" ] || server=./tests/feedserver
www="$TMPD/www"
mkdir -p "$www"
cp "$dir/news.xml" "$www/news.xml"
cp "$dir/news.xml" "$www/moved.xml"
printf '<!DOCTYPE html>\n<html><head><title>Басты бет</title></head><body><p>Жаңалықтар</p></body></html>\n' \
    >"$www/page.html"
# Ten feeds of their own items, for the per-host limit.
i=0
while [ $i -lt 10 ]; do
	sed "s|shygys.example.kz/news/|shygys.example.kz/f$i/|; s|shygys-10|f$i-|
	    s|</description>| (лента $i)</description>|
	    s|]]></content:encoded>|<p>Лента $i.</p>]]></content:encoded>|" \
	    "$dir/news.xml" >"$www/f$i.xml"
	i=$((i + 1))
done
mkfifo "$TMPD/srvin"
"$server" "$www" <"$TMPD/srvin" >"$TMPD/port" 2>"$TMPD/srverr" &
srvpid=$!
exec 9>"$TMPD/srvin"
n=0
while [ ! -s "$TMPD/port" ] && [ $n -lt 100 ]; do
	sleep 0.1
	n=$((n + 1))
done
port=$(cat "$TMPD/port")
u="http://127.0.0.1:$port"
hdb="$TMPD/http.db"
H() { "$CITATA" -d "$hdb" "$@"; }

H feeds add --name=News "$u/news.xml" >/dev/null
H fetch >"$TMPD/o" 2>"$TMPD/e"
ok $? "fetch over HTTP"
contains "$TMPD/o" "News: 3 new, 0 updated, 0 unchanged" "stores its items"
H fetch >"$TMPD/o" 2>"$TMPD/e"
ok $? "fetch it again"
contains "$TMPD/o" "News: not modified" "an unchanged feed is one 304"
H feeds list --format=jsonl >"$TMPD/o"
contains "$TMPD/o" '"status":"not modified"' "which the list shows"

H feeds add --name=Gone "$u/status/404" >/dev/null
H feeds add --name=Busy "$u/status/503" >/dev/null
H feeds add --name=Page "$u/page.html" >/dev/null
H feeds add --name=Moved "$u/redirect/301/moved.xml" >/dev/null
H fetch >"$TMPD/o" 2>"$TMPD/e"
ok $(( $? != 1 )) "some feeds fail: exit 1"
contains "$TMPD/e" "fetch: Gone: HTTP 404 Not Found" "a 404, named"
contains "$TMPD/e" "fetch: Busy: HTTP 503" "a 503, named"
contains "$TMPD/e" "retry after 120 s" "with its Retry-After"
contains "$TMPD/e" "fetch: Page: an HTML page, not a feed" \
    "an HTML page is not a feed"
contains "$TMPD/e" "fetch: Moved: moved permanently; the feed's URL is now $u/moved.xml" \
    "a permanent redirect is said"
contains "$TMPD/o" "Moved: 0 new, 0 updated, 3 unchanged" \
    "its items (the same links as News') are not stored twice"
contains "$TMPD/o" "News: not modified" "and the good feed is still fetched"
H feeds list --format=tsv >"$TMPD/o"
contains "$TMPD/o" "	Moved	$u/moved.xml	" "the moved feed has its new URL"
H fetch Busy >"$TMPD/o" 2>"$TMPD/e"
ok $(( $? != 1 )) "a feed that asked to wait is not fetched: exit 1"
contains "$TMPD/e" "fetch: Busy: not fetched: the server asked to wait until" \
    "and says until when"
H feeds remove Gone Busy Page Moved >/dev/null

# Hostile feeds: 50 MB, a redirect loop, an entity bomb.  Each is named
# with its reason, the good one is still fetched, nothing is stored.
cp "$top_srcdir/tests/feeds/bomb.xml" "$www/bomb.xml"
H feeds add --name=Big "$u/big" >/dev/null
H feeds add --name=Loop "$u/loop" >/dev/null
H feeds add --name=Bomb "$u/bomb.xml" >/dev/null
n0=$(sqlite3 "$hdb" 'SELECT count(*) FROM articles')
H fetch >"$TMPD/o" 2>"$TMPD/e"
ok $(( $? != 1 )) "hostile feeds: exit 1"
contains "$TMPD/e" "fetch: Big: response larger than 16 MiB" "50 MB is refused"
contains "$TMPD/e" "fetch: Loop: too many redirects (5)" \
    "an endless redirect stops"
contains "$TMPD/e" "fetch: Bomb: entity expansion refused" \
    "an entity bomb is refused"
contains "$TMPD/o" "News: not modified" "the good feed is still fetched"
ok $(( $(sqlite3 "$hdb" 'SELECT count(*) FROM articles') != n0 )) \
    "and nothing is stored from them"
H feeds remove Big Loop Bomb >/dev/null

# Ten feeds on one host: at most two connections at once.
i=0
while [ $i -lt 10 ]; do
	H feeds add "$u/delay/200/f$i.xml" >/dev/null
	i=$((i + 1))
done
curl -s "$u/count" >/dev/null 2>&1 || true
H fetch --jobs=8 >"$TMPD/o" 2>"$TMPD/e"
ok $? "ten feeds on one host"
contains "$TMPD/o" "fetched 11 feeds: 30 new articles" "all stored"
if command -v curl >/dev/null 2>&1; then
	curl -s "$u/count" >"$TMPD/count"
	c=$(sed -n 's/^concurrent //p' "$TMPD/count")
	ok $(( c < 1 || c > 2 )) "at most two connections to the host ($c)"
else
	ok 0 "at most two connections # SKIP no curl"
fi

# A timeout, and an interrupted fetch that keeps the finished feeds.
H feeds add --name=Stall "$u/stall" >/dev/null
H fetch --timeout=1 Stall >"$TMPD/o" 2>"$TMPD/e"
ok $(( $? != 2 )) "a feed that stalls, alone: exit 2"
contains "$TMPD/e" "fetch: Stall: timed out after 1 s" "it times out"
H feeds add --name=Slow1 "$u/slow" >/dev/null
H feeds add --name=Slow2 "$u/redirect/302/slow" >/dev/null
cp "$dir/news-changed.xml" "$www/news.xml"
"$CITATA" -d "$hdb" fetch News Slow1 Slow2 >"$TMPD/o" 2>"$TMPD/e" &
fpid=$!
n=0
while ! grep -q 'News:' "$TMPD/o" && [ $n -lt 100 ]; do
	sleep 0.1
	n=$((n + 1))
done
kill -INT $fpid
wait $fpid
ok $(( $? != 2 )) "fetch interrupted: exit 2"
contains "$TMPD/e" "fetch: interrupted; 1 of 3 feeds were fetched and stored" \
    "says what was stored"
ok $(( $(sqlite3 "$hdb" "SELECT count(*) FROM articles
    WHERE guid = 'shygys-1004'") != 1 )) "the finished feed is stored"
ok $(( $(sqlite3 "$hdb" "PRAGMA integrity_check" | grep -cx ok) != 1 )) \
    "the archive is whole"
# Killed (SIGKILL) while the slow ones run: the same.
cp "$dir/news.xml" "$www/news.xml"
sed 's|shygys.example.kz/news/|shygys.example.kz/k/|; s|shygys-10|k-|
    s|</description>| (k)</description>|
    s|]]></content:encoded>|<p>k</p>]]></content:encoded>|' \
    "$dir/news.xml" >"$www/k.xml"
H feeds add --name=K "$u/k.xml" >/dev/null
"$CITATA" -d "$hdb" fetch K Slow1 Slow2 >"$TMPD/o" 2>"$TMPD/e" &
fpid=$!
n=0
while ! grep -q 'K:' "$TMPD/o" && [ $n -lt 100 ]; do
	sleep 0.1
	n=$((n + 1))
done
kill -KILL $fpid
wait $fpid 2>/dev/null
ok $(( $(sqlite3 "$hdb" "SELECT count(*) FROM articles
    WHERE guid LIKE 'k-%'") != 3 )) "killed: the finished feed is stored"
ok $(( $(sqlite3 "$hdb" "PRAGMA integrity_check" | grep -cx ok) != 1 )) \
    "and the archive is whole"
H fetch K >"$TMPD/o" 2>&1
contains "$TMPD/o" "K: not modified" \
    "its validators were stored with its items"

# --- the reader: F fetches in the background; keys work meanwhile, and
# the new articles appear when it is done.
if command -v "${TMUX_BIN:-tmux}" >/dev/null 2>&1; then
	tmux_private feeds
	trap 'tmux_stop; rm -rf "$TMPD"' EXIT
	rdb="$TMPD/reader.db"
	cp "$dir/news.xml" "$www/slow.xml"
	"$CITATA" -d "$rdb" feeds add --name=Slow "$u/delay/4000/slow.xml" \
	    >/dev/null
	printf '#!/bin/sh\nprintf "%%s\\n" "$@" >"%s/args"\n' "$TMPD" \
	    >"$TMPD/browser"
	chmod +x "$TMPD/browser"
	T new-session -d -s ui -x 100 -y 40 "LANG=C.UTF-8 LC_ALL=C.UTF-8 \
NO_COLOR=1 TERM=screen CITATA_DATADIR='$CITATA_DATADIR' \
BROWSER='$TMPD/browser' '$CITATA' -d '$rdb'; echo exit \$?; \
exec sleep 600" 2>/dev/null
	settle
	ok $(grep -c 'Оскемен' "$TMPD/cap") "the reader starts with no articles"
	T send-keys -t ui F
	settle_until "fetching"
	contains "$TMPD/cap" "fetching the feeds in the background" \
	    "F starts a fetch and says so"
	T send-keys -t ui '?'
	settle_until "fetch every feed"
	contains "$TMPD/cap" "fetch every feed in the background" \
	    "keys work while it runs (the help screen, which lists F)"
	ok $(grep -c 'fetched 1 feeds' "$TMPD/cap") "before the fetch ends"
	T send-keys -t ui q
	i=0
	while [ $i -lt 100 ]; do
		T capture-pane -p -t ui >"$TMPD/cap"
		grep -q 'fetched 1 feeds' "$TMPD/cap" && break
		sleep 0.1
		i=$((i + 1))
	done
	contains "$TMPD/cap" "fetched 1 feeds: 3 new articles" \
	    "the end of the fetch is shown"
	contains "$TMPD/cap" "В Оскемене откроют новый мост через Иртыш" \
	    "and its articles are in the list"
	# o: the link, one argument of $BROWSER, never through a shell.
	T send-keys -t ui o
	i=0
	while [ ! -s "$TMPD/args" ] && [ $i -lt 50 ]; do
		sleep 0.1
		i=$((i + 1))
	done
	printf '%s\n' "https://shygys.example.kz/news/meteo" >"$TMPD/want"
	same "$TMPD/args" "$TMPD/want" "o opens the selected article's link"
	settle
	contains "$TMPD/cap" "opened https://shygys.example.kz/news/meteo" \
	    "and the screen is back"
	T send-keys -t ui q
	i=0
	while ! grep -q '^exit ' "$TMPD/cap" && [ $i -lt 50 ]; do
		sleep 0.1
		T capture-pane -p -t ui >"$TMPD/cap"
		i=$((i + 1))
	done
	contains "$TMPD/cap" "exit 0" "the reader quits"
	tmux_stop
else
	ok 0 "the reader # SKIP no tmux"
fi
exec 9>&-
wait $srvpid 2>/dev/null

done_testing
