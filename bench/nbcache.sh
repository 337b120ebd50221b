#!/bin/sh
# nbcache.sh: a newsboat cache holding the same articles as a citata
# archive, for the peer start-up measurement of startbench.
#
#	nbcache.sh ARCHIVE N DIR
#
# Writes DIR/urls (one feed per source of the archive, at file:// URLs
# that do not exist, so nothing is ever fetched), DIR/config (no reload
# at start) and DIR/cache.db, newsboat's own SQLite cache made by
# newsboat itself, then filled with the first N articles: one item per
# article, its paragraphs as HTML <p>, unread.  Needs newsboat and
# sqlite3; says so and exits 0 when either is missing.
set -e
archive=$1
n=$2
dir=$3
if [ -z "$dir" ]; then
	echo "usage: nbcache.sh ARCHIVE N DIR" >&2
	exit 2
fi
for p in newsboat sqlite3; do
	if ! command -v $p >/dev/null 2>&1; then
		echo "nbcache.sh: $p not installed; skipped"
		exit 0
	fi
done
mkdir -p "$dir"
rm -f "$dir/cache.db" "$dir/cache.db.lock"
sqlite3 "$archive" "SELECT 'file:///nonexistent/citata-bench/' || hex(source)
    || '.xml' FROM articles WHERE id <= $n AND source IS NOT NULL
    GROUP BY source ORDER BY source" >"$dir/urls"
printf 'auto-reload no\nshow-read-feeds yes\n' >"$dir/config"
# newsboat makes its schema; then the rows go in.
HOME=$dir newsboat -c "$dir/cache.db" -u "$dir/urls" -C "$dir/config" \
    -x print-unread >/dev/null
sqlite3 "$dir/cache.db" <<EOF
ATTACH '$archive' AS c;
BEGIN;
INSERT INTO rss_feed (rssurl, url, title)
  SELECT 'file:///nonexistent/citata-bench/' || hex(source) || '.xml',
    'https://example.org/' || hex(source), source
  FROM c.articles WHERE id <= $n AND source IS NOT NULL GROUP BY source;
INSERT INTO rss_item (guid, title, author, url, feedurl, pubDate, content,
    unread)
  SELECT 'citata-' || id, title, '', 'https://example.org/a/' || id,
    'file:///nonexistent/citata-bench/' || hex(source) || '.xml',
    CAST(strftime('%s', date) AS INTEGER),
    '<p>' || replace(text, char(10) || char(10), '</p><p>') || '</p>', 1
  FROM c.articles WHERE id <= $n AND source IS NOT NULL;
COMMIT;
EOF
echo "nbcache.sh: $(sqlite3 "$dir/cache.db" 'SELECT count(*) FROM rss_item') items in $(wc -l <"$dir/urls") feeds, $dir/cache.db"
