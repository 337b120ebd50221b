#!/bin/sh
# t_archive.sh: the archive as a whole: idempotent re-import, export round
# trip, schema migration, refusal of newer or foreign files, read-only
# use, and interrupted imports that leave nothing half-written.
. "${top_srcdir:-.}/tests/lib.sh"

articles="$top_srcdir/data/articles"
db="$TMPD/a.db"

count() {
	sqlite3 "$1" 'SELECT count(*) FROM articles' 2>/dev/null
}

"$CITATA" -d "$db" import "$articles" >"$TMPD/o1" 2>"$TMPD/e1"
st=$?
ok $(( st != 1 )) "sample articles import (exit 1: the hostile record is skipped)"
n=$(sed -n 's/^imported \([0-9]*\),.*/\1/p' "$TMPD/o1")
ok $(( n < 15 )) "at least 15 sample articles stored ($n)"
"$CITATA" -d "$db" import "$articles" >"$TMPD/o2" 2>/dev/null
contains "$TMPD/o2" "imported 0, duplicates $n, skipped 1" \
    "re-import stores nothing new"

# Export, import elsewhere, export again: the same bytes.
"$CITATA" -d "$db" export >"$TMPD/x1"
"$CITATA" -d "$TMPD/b.db" import - <"$TMPD/x1" >"$TMPD/o3"
contains "$TMPD/o3" "imported $n, duplicates 0, skipped 0" \
    "export imports whole into a new archive"
"$CITATA" -d "$TMPD/b.db" export >"$TMPD/x2"
same "$TMPD/x2" "$TMPD/x1" "export round-trips byte for byte"
"$CITATA" -d "$db" import - <"$TMPD/x1" >"$TMPD/o4"
contains "$TMPD/o4" "imported 0, duplicates $n" \
    "exported articles are duplicates of their originals"

# Commands that read never write.  An empty file is not an archive yet:
# each reading command says so, exits 2 and leaves it empty (it used to
# get a schema); import makes it an archive.
: >"$TMPD/empty.db"
for c in list "show 1" quotes speakers "search мост" export; do
	"$CITATA" -d "$TMPD/empty.db" $c >"$TMPD/o" 2>&1
	st=$?
	ok $(( st != 2 )) "$c on an empty file exits 2 (got $st)"
	contains "$TMPD/o" "$TMPD/empty.db: an empty file, not an archive" \
	    "  and says it is not an archive"
done
ok $([ ! -s "$TMPD/empty.db" ] && [ ! -e "$TMPD/empty.db-wal" ] &&
    [ ! -e "$TMPD/empty.db-journal" ]; echo $?) \
    "the empty file stays empty, with nothing beside it"
"$CITATA" -d "$TMPD/empty.db" import "$articles" >/dev/null 2>&1
ok $(( $? != 1 )) "import makes it an archive"
ok $(( $("$CITATA" -d "$TMPD/empty.db" list --format=tsv | wc -l) != n )) \
    "  that lists its $n articles"

# What is not a regular file is refused before SQLite opens it (as root,
# CITATA_DB=/dev/null once made /dev/null-journal): a directory, a FIFO
# (which would block), a character device (when mknod may make one).
mkdir "$TMPD/dir.db"
mkfifo "$TMPD/fifo.db"
nodes="dir.db fifo.db"
if mknod "$TMPD/null.db" c 1 3 2>/dev/null; then
	nodes="$nodes null.db"
else
	echo "# cannot make a device node here: /dev/null's case skipped"
fi
for f in $nodes; do
	for c in list import; do
		arg=
		[ $c = import ] && arg="$articles"
		CITATA_DB="$TMPD/$f" timeout 20 "$CITATA" $c $arg \
		    >"$TMPD/o" 2>&1
		st=$?
		ok $(( st != 2 )) "$c on $f exits 2 (got $st)"
		contains "$TMPD/o" "$TMPD/$f: not an archive: " \
		    "  and says it is not an archive"
	done
	ok $(ls "$TMPD" | grep -q "^$f-"; echo $(( $? == 0 ))) \
	    "  nothing is made beside $f"
done
case $nodes in *null.db)
	contains "$TMPD/o" "not an archive: a character device" \
	    "  and names what it is" ;;
esac

# An explicit archive's directory is not made: a mistyped -d is an error
# naming the directory (the default directory is made, see t_cli.sh).
"$CITATA" -d "$TMPD/no/such/x.db" import "$articles" >"$TMPD/o" 2>&1
ok $(( $? != 2 )) "import into -d in a missing directory exits 2"
contains "$TMPD/o" "$TMPD/no/such/x.db: cannot create the archive: no directory $TMPD/no/such" \
    "  and names the directory"
ok $([ ! -e "$TMPD/no" ]; echo $?) "  which is not made"
CITATA_DB="$TMPD/no/x.db" "$CITATA" import "$articles" >"$TMPD/o" 2>&1
ok $(( $? != 2 )) "so is CITATA_DB in a missing directory"
ok $([ ! -e "$TMPD/no" ]; echo $?) "  which is not made either"

if ! command -v sqlite3 >/dev/null 2>&1; then
	echo "# sqlite3 not installed: skipping the rest"
	done_testing
fi

# Migration from schema version 1.
sqlite3 "$TMPD/v1.db" <"$top_srcdir/tests/fixtures/schema-v1.sql"
"$CITATA" -d "$TMPD/v1.db" list --format=tsv >"$TMPD/o" 2>&1
ok $? "a version 1 archive opens"
contains "$TMPD/o" "Старая статья" "its articles are listed"
v=$(sqlite3 "$TMPD/v1.db" 'PRAGMA user_version')
ok $(( v != 17 )) "it was upgraded to version 17 ($v)"
days=$(sqlite3 "$TMPD/v1.db" "SELECT group_concat(date || '=' || n, ' ') FROM article_days")
ok $(( $(printf '%s' "$days" | grep -c '^2024-01-10=1 2024-01-11=1$') != 1 )) \
    "the upgrade counted the articles of each day ($days)"
r=$(sqlite3 "$TMPD/v1.db" "SELECT (id NOT IN (SELECT id FROM unread)) || nquotes FROM articles WHERE id = 1")
ok $(( r != 10 )) "read flag kept, quote count column added"
"$CITATA" -d "$TMPD/v1.db" import "$articles" >/dev/null 2>&1
ok $(( $(count "$TMPD/v1.db") != n + 2 )) "an upgraded archive takes imports"
d=$(sqlite3 "$TMPD/v1.db" 'SELECT sum(n) FROM article_days')
ok $(( d != n + 2 )) "and counts them by day ($d)"

# Each speaker's number of articles, kept by triggers (version 6): right
# after import, after re-extraction (quotes deleted and stored again),
# and made by the upgrade from version 5.
wrong_narticles() {
	sqlite3 "$1" "SELECT count(*) FROM speakers s WHERE narticles <>
	    (SELECT count(DISTINCT article_id) FROM quotes
	    WHERE speaker_id = s.id)"
}
ns=$(sqlite3 "$db" 'SELECT count(*) FROM speakers WHERE narticles > 1')
ok $(( $(wrong_narticles "$db") != 0 || ns == 0 )) \
    "speakers' article counts match their quotes ($ns in several articles)"
cp "$db" "$TMPD/re.db"
"$CITATA" -d "$TMPD/re.db" reextract >/dev/null 2>&1
ok $(( $(wrong_narticles "$TMPD/re.db") != 0 )) \
    "and still do after re-extraction"
# to_v7 DB: takes an archive back to schema 7, whose quotes had no date.
# The sqlite3 shell cannot drop the column (ALTER TABLE checks the
# triggers of the full-text tables, whose tokenizer it lacks), so the
# dates are emptied and the column taken out of the table's definition
# (it is the last one, so the rows still read right).
# to_v8 DB: back to schema 8, before speakers had merge.c's key and
# their forms a count: the key is spoiled and the count column taken out
# (the last one of speaker_aliases).
# to_v16 DB: back to schema 16, whose searches read each article's row
# for its date and source.
to_v16() {
	sqlite3 "$1" "BEGIN; DROP INDEX articles_filters;
PRAGMA user_version = 16; COMMIT;"
}

# to_v15 DB: back to schema 15, whose speakers were indexed by count
# and id.
to_v15() {
	to_v16 "$1"
	sqlite3 "$1" "BEGIN; DROP INDEX speakers_rank;
CREATE INDEX speakers_nquotes ON speakers(nquotes DESC, id);
PRAGMA user_version = 15; COMMIT;"
}

# to_v14 DB: back to schema 14, whose speakers were indexed for search
# by triggers.
to_v14() {
	to_v15 "$1"
	sqlite3 "$1" "BEGIN;
CREATE TRIGGER speakers_fts_ins AFTER INSERT ON speakers BEGIN
  INSERT INTO speakers_fts(rowid, name, roles) VALUES (NEW.id, NEW.name, '');
 END;
CREATE TRIGGER speakers_fts_alias AFTER INSERT ON speaker_aliases BEGIN
  UPDATE speakers_fts SET name = name || ' ' || NEW.alias
    WHERE rowid = NEW.speaker_id;
 END;
CREATE TRIGGER speakers_fts_role AFTER INSERT ON speaker_roles
 WHEN NOT EXISTS (SELECT 1 FROM speaker_roles
   WHERE speaker_id = NEW.speaker_id AND role = NEW.role
   AND article_id <> NEW.article_id)
 BEGIN
  UPDATE speakers_fts SET roles = roles || ' ' || NEW.role
    WHERE rowid = NEW.speaker_id;
 END;
PRAGMA user_version = 14; COMMIT;"
}

# to_v13 DB: back to schema 13, whose articles were indexed for search
# by a trigger.
to_v13() {
	to_v14 "$1"
	sqlite3 "$1" "BEGIN;
CREATE TRIGGER articles_fts_ins AFTER INSERT ON articles BEGIN
  INSERT INTO articles_fts(rowid, title, text)
    VALUES (NEW.id, NEW.title, NEW.text);
 END;
PRAGMA user_version = 13; COMMIT;"
}

# to_v12 DB: back to schema 12, whose read marks were the articles'
# column is_read and which had no index of the starred articles.
to_v12() {
	to_v13 "$1"
	sqlite3 "$1" "BEGIN;
UPDATE articles SET is_read = (id NOT IN (SELECT id FROM unread));
DROP TRIGGER unread_ins; DROP TRIGGER unread_del; DROP TABLE unread;
DROP INDEX articles_starred;
PRAGMA user_version = 12; COMMIT;"
}

# to_v11 DB: back to schema 11, before rejected quotes were kept.
to_v11() {
	to_v12 "$1"
	sqlite3 "$1" "BEGIN; DROP TABLE quote_rejects;
PRAGMA user_version = 11; COMMIT;"
}

# to_v10 DB: back to schema 10, before feeds: the feeds table and the
# new indexes dropped, the list's index as it was, and the articles'
# three new columns (the last ones) taken out of the definition.
to_v10() {
	to_v11 "$1"
	sqlite3 "$1" "BEGIN; DROP INDEX articles_feed_guid;
DROP INDEX articles_feed_url; DROP INDEX articles_date;
CREATE INDEX articles_date ON articles(date DESC, id DESC);
UPDATE articles SET feed_id = NULL; DROP TABLE feeds;
PRAGMA writable_schema = ON;
UPDATE sqlite_schema SET sql = substr(sql, 1, instr(sql, ', time TEXT') - 1)
  || ')' WHERE name = 'articles';
PRAGMA writable_schema = OFF;
PRAGMA user_version = 10; COMMIT;"
}

to_v8() {
	to_v10 "$1"
	sqlite3 "$1" "BEGIN; UPDATE speakers SET surname = 'x';
PRAGMA writable_schema = ON;
UPDATE sqlite_schema SET sql = replace(sql,
  ', n INTEGER NOT NULL DEFAULT 1', '') WHERE name = 'speaker_aliases';
PRAGMA writable_schema = OFF;
PRAGMA user_version = 8; COMMIT;"
}

to_v7() {
	to_v8 "$1"
	sqlite3 "$1" "BEGIN; DROP TRIGGER quotes_date_upd;
DROP INDEX quotes_speaker_date; UPDATE quotes SET date = '';
PRAGMA writable_schema = ON;
UPDATE sqlite_schema SET sql = replace(sql,
  ', date TEXT NOT NULL DEFAULT ''''', '') WHERE name = 'quotes';
PRAGMA writable_schema = OFF;
PRAGMA user_version = 7; COMMIT;"
}

# to_v5 DB: back to schema 5, whose speakers had no article count (in
# the same way: the counts are zeroed and the column taken out).
to_v5() {
	to_v7 "$1"
	sqlite3 "$1" "BEGIN; DROP TRIGGER speakers_narticles_ins;
DROP TRIGGER speakers_narticles_del; DROP TRIGGER speakers_narticles_upd;
DROP INDEX speaker_roles_recent;
CREATE INDEX speaker_roles_role ON speaker_roles(speaker_id, role);
UPDATE speakers SET narticles = 0;
PRAGMA writable_schema = ON;
UPDATE sqlite_schema SET sql = replace(sql,
  ', narticles INTEGER NOT NULL DEFAULT 0', '') WHERE name = 'speakers';
PRAGMA writable_schema = OFF;
PRAGMA user_version = 5; COMMIT;"
}

to_v5 "$TMPD/re.db"
ok $(( $(sqlite3 "$TMPD/re.db" "SELECT count(*)
    FROM pragma_table_info('speakers') WHERE name = 'narticles'") != 0 )) \
    "an archive taken back to 5 has no article counts"
"$CITATA" -d "$TMPD/re.db" speakers --format=tsv >"$TMPD/sp5" 2>&1
ok $? "a version 5 archive with quotes opens"
ok $(( $(sqlite3 "$TMPD/re.db" 'PRAGMA user_version') != 17 )) \
    "and is upgraded to 17"
"$CITATA" -d "$db" speakers --format=tsv >"$TMPD/sp6" 2>&1
same "$TMPD/sp5" "$TMPD/sp6" "its speakers list as before the upgrade"
ok $(( $(wrong_narticles "$TMPD/re.db") != 0 )) \
    "the upgrade counted each speaker's articles"

# Migration from schema version 6, whose triggers (from version 4)
# counted and indexed every quote on its own: an archive is taken back to
# version 6 (its triggers as they were), then upgraded by use; counts and the quotes'
# index must stay right for the articles imported after.
cp "$db" "$TMPD/v4.db"
to_v7 "$TMPD/v4.db"
sqlite3 "$TMPD/v4.db" "BEGIN;
DROP TRIGGER quotes_count_ins; DROP TRIGGER quotes_count_del;
CREATE TRIGGER quotes_count_ins AFTER INSERT ON quotes BEGIN
  UPDATE articles SET nquotes = nquotes + 1 WHERE id = NEW.article_id;
  UPDATE speakers SET nquotes = nquotes + 1 WHERE id = NEW.speaker_id;
END;
CREATE TRIGGER quotes_count_del AFTER DELETE ON quotes BEGIN
  UPDATE articles SET nquotes = nquotes - 1 WHERE id = OLD.article_id;
  UPDATE speakers SET nquotes = nquotes - 1 WHERE id = OLD.speaker_id;
END;
CREATE TRIGGER quotes_fts_ins AFTER INSERT ON quotes BEGIN
  INSERT INTO quotes_fts(rowid, text)
    SELECT NEW.id, CAST(substr(CAST(a.text AS BLOB), NEW.start + 1,
      NEW.\"end\" - NEW.start) AS TEXT)
    FROM articles a WHERE a.id = NEW.article_id;
END;
PRAGMA user_version = 6; COMMIT;"
"$CITATA" -d "$TMPD/v4.db" import "$top_srcdir/tests/ui/articles" \
    >/dev/null 2>&1
ok $(( $(sqlite3 "$TMPD/v4.db" 'PRAGMA user_version') != 17 )) \
    "a version 6 archive is upgraded to 17"
t=$(sqlite3 "$TMPD/v4.db" "SELECT count(*) FROM sqlite_master
    WHERE name = 'quotes_fts_ins' OR sql LIKE '%UPDATE articles%'")
ok $(( t != 0 )) "its per-quote triggers on articles are gone"
"$CITATA" -d "$TMPD/v4.db" reextract >/dev/null 2>&1
bad=$(sqlite3 "$TMPD/v4.db" "SELECT count(*) FROM articles a
    WHERE nquotes <> (SELECT count(*) FROM quotes WHERE article_id = a.id)")
ok $(( bad != 0 )) "every article's quote count is right after imports"
ok $(( $(sqlite3 "$TMPD/v4.db" 'SELECT count(*) FROM quotes_fts_docsize') \
    != $(sqlite3 "$TMPD/v4.db" 'SELECT count(*) FROM quotes') )) \
    "every quote has its row in the index"
"$CITATA" -d "$TMPD/v4.db" search --quotes --format=tsv мост >"$TMPD/o"
ok $? "and quotes imported after the upgrade are found"

# Migration from schema version 7, whose quotes had no date: the
# archive is taken back to version 7, then upgraded by use.  Every quote
# gets its article's date, the speakers' quotes are listed as before
# (now along the new index), and an article whose date changes takes its
# quotes' dates along.
wrong_dates() {
	sqlite3 "$1" "SELECT count(*) FROM quotes q JOIN articles a
	    ON a.id = q.article_id WHERE q.date IS NOT a.date"
}
nq=$(sqlite3 "$db" 'SELECT count(*) FROM quotes')
ok $(( $(wrong_dates "$db") != 0 || nq == 0 )) \
    "imported quotes carry their article's date ($nq quotes)"
top=$(sqlite3 "$db" 'SELECT name FROM speakers ORDER BY nquotes DESC LIMIT 1')
"$CITATA" -d "$db" quotes --speaker "$top" --format=tsv >"$TMPD/q8" 2>&1
cp "$db" "$TMPD/v7.db"
to_v7 "$TMPD/v7.db"
ok $(( $(sqlite3 "$TMPD/v7.db" "SELECT count(*)
    FROM pragma_table_info('quotes') WHERE name = 'date'") != 0 )) \
    "an archive taken back to 7 has no quote dates"
"$CITATA" -d "$TMPD/v7.db" quotes --speaker "$top" --format=tsv \
    >"$TMPD/q7" 2>&1
ok $? "a version 7 archive with quotes opens"
ok $(( $(sqlite3 "$TMPD/v7.db" 'PRAGMA user_version') != 17 )) \
    "and is upgraded to 17"
ok $(( $(wrong_dates "$TMPD/v7.db") != 0 )) \
    "the upgrade gave every quote its article's date"
ok $(( $(sqlite3 "$TMPD/v7.db" "SELECT count(*) FROM sqlite_master
    WHERE name = 'quotes_speaker_date'") != 1 )) "and made the index"
same "$TMPD/q7" "$TMPD/q8" "the quotes of $top are listed as before"
sqlite3 "$TMPD/v7.db" "UPDATE articles SET date = '2001-02-03'
    WHERE id = (SELECT article_id FROM quotes LIMIT 1)"
ok $(( $(wrong_dates "$TMPD/v7.db") != 0 )) \
    "a changed article date is copied to its quotes"

# Schema 9: the speakers' keys of merge.c, made by the upgrade from 8,
# so that a quote imported after it joins its speaker's record.
cp "$db" "$TMPD/v8.db"
to_v8 "$TMPD/v8.db"
"$CITATA" -d "$TMPD/v8.db" speakers --format=tsv >"$TMPD/sp8" 2>&1
ok $? "a version 8 archive opens"
ok $(( $(sqlite3 "$TMPD/v8.db" 'PRAGMA user_version') != 17 )) \
    "and is upgraded to 17"
ok $(( $(sqlite3 "$TMPD/v8.db" "SELECT count(*) FROM speakers
    WHERE surname = 'x'") != 0 )) "the upgrade keyed every speaker"
k=$(sqlite3 "$TMPD/v8.db" "SELECT surname FROM speakers
    WHERE name = 'Ермек Сарсенбаев'")
ok $(( $(printf '%s' "$k" | grep -cx 'сарсенбаев') != 1 )) \
    "by the surname spelled plainly ($k)"
ok $(( $(sqlite3 "$TMPD/v8.db" "SELECT count(*)
    FROM pragma_table_info('speaker_aliases') WHERE name = 'n'") != 1 )) \
    "and counts the uses of each form"
"$CITATA" -d "$db" speakers --format=tsv >"$TMPD/sp9" 2>&1
same "$TMPD/sp8" "$TMPD/sp9" "its speakers list as before the upgrade"

# Schema 10: a person described in lower case is keyed to no article.
cp "$db" "$TMPD/v9.db"
sqlite3 "$TMPD/v9.db" "UPDATE speakers SET name = 'представитель Котова',
    fold = 'представитель котова', surname = 'котов'
    WHERE id = (SELECT min(id) FROM speakers WHERE kind = 'person'
    AND name <> 'Ермек Сарсенбаев');"
to_v10 "$TMPD/v9.db"
sqlite3 "$TMPD/v9.db" "PRAGMA user_version = 9;"
"$CITATA" -d "$TMPD/v9.db" speakers --format=tsv >/dev/null 2>&1
ok $? "a version 9 archive opens"
ok $(( $(sqlite3 "$TMPD/v9.db" 'PRAGMA user_version') != 17 )) \
    "and is upgraded to 17"
k=$(sqlite3 "$TMPD/v9.db" "SELECT surname FROM speakers
    WHERE name = 'представитель Котова'")
ok $(( $(printf '%s' "$k" | grep -cx 'котов#0') != 1 )) \
    "a person described in lower case is keyed to no article ($k)"
k=$(sqlite3 "$TMPD/v9.db" "SELECT surname FROM speakers
    WHERE name = 'Ермек Сарсенбаев'")
ok $(( $(printf '%s' "$k" | grep -cx 'сарсенбаев') != 1 )) \
    "a name keeps its key ($k)"

# Schema 11: feeds, and the articles' time of day in the list's order.
# A version 10 archive lists its articles as before, and an article with
# a time of day comes before those of its day without one.
"$CITATA" -d "$db" list --format=tsv >"$TMPD/l11" 2>&1
cp "$db" "$TMPD/v10.db"
to_v10 "$TMPD/v10.db"
ok $(( $(sqlite3 "$TMPD/v10.db" "SELECT count(*)
    FROM pragma_table_info('articles') WHERE name = 'time'") != 0 )) \
    "an archive taken back to 10 has no times of day"
"$CITATA" -d "$TMPD/v10.db" list --format=tsv >"$TMPD/l10" 2>&1
ok $? "a version 10 archive opens"
ok $(( $(sqlite3 "$TMPD/v10.db" 'PRAGMA user_version') != 17 )) \
    "and is upgraded to 17"
same "$TMPD/l10" "$TMPD/l11" "its articles list as before the upgrade"
ok $(( $(sqlite3 "$TMPD/v10.db" "SELECT count(*) FROM feeds") != 0 )) \
    "with no feeds"
# Two articles on one day (the sample's are all on days of their own),
# the older by id given a time of day: it now comes first of its day.
d=$(sqlite3 "$TMPD/v10.db" "SELECT min(date) FROM articles")
sqlite3 "$TMPD/v10.db" "UPDATE articles SET date = '$d' WHERE id =
    (SELECT id FROM articles ORDER BY date, id LIMIT 1 OFFSET 1)"
t=$(sqlite3 "$TMPD/v10.db" "SELECT min(id) FROM articles WHERE date = '$d'")
sqlite3 "$TMPD/v10.db" "UPDATE articles SET time = '09:30:00' WHERE id = $t"
first=$("$CITATA" -d "$TMPD/v10.db" list --format=tsv |
    awk -F'\t' -v d="$d" '$2 == d { print $1; exit }')
ok $(( ${t:-0} == 0 || t != first )) \
    "an article with a time of day leads its day ($t, $first)"

# Schema 12: the spans of rejected quotes.
cp "$db" "$TMPD/v11.db"
to_v11 "$TMPD/v11.db"
"$CITATA" -d "$TMPD/v11.db" list --format=tsv >/dev/null 2>&1
ok $? "a version 11 archive opens"
ok $(( $(sqlite3 "$TMPD/v11.db" 'PRAGMA user_version') != 17 )) \
    "and is upgraded to 17"
ok $(( $(sqlite3 "$TMPD/v11.db" "SELECT count(*) FROM quote_rejects") != 0 )) \
    "with no rejected quotes"

# Schema 13: the unread articles in a table of their own, the starred
# ones in an index of their own.
cp "$db" "$TMPD/v12.db"
sqlite3 "$TMPD/v12.db" "DELETE FROM unread WHERE id IN
    (SELECT id FROM articles ORDER BY id LIMIT 2)"
to_v12 "$TMPD/v12.db"
r=$(sqlite3 "$TMPD/v12.db" "SELECT sum(is_read) FROM articles")
"$CITATA" -d "$TMPD/v12.db" list --format=jsonl >"$TMPD/o" 2>&1
ok $? "a version 12 archive opens"
ok $(( $(sqlite3 "$TMPD/v12.db" 'PRAGMA user_version') != 17 )) \
    "and is upgraded to 17"
u=$(sqlite3 "$TMPD/v12.db" "SELECT count(*) FROM unread")
ok $(( r != 2 || u != n - 2 )) \
    "its 2 read articles stay read, the $u others unread"
ok $(( $(grep -c '"read":true' "$TMPD/o") != 2 )) "and list says so"

# Schema 14: the full-text rows of new articles are written by the
# commit, not by a trigger; an upgraded archive indexes each new article
# once, searchable with the others.
cp "$db" "$TMPD/v13.db"
to_v13 "$TMPD/v13.db"
printf '%s\n' '{"date":"2026-11-30","title":"Сусликовая ферма","text":"Суслики Кызылорды пережили зиму, сообщил фермер."}' \
    >"$TMPD/new.jsonl"
"$CITATA" -d "$TMPD/v13.db" import "$TMPD/new.jsonl" >"$TMPD/o" 2>&1
ok $? "a version 13 archive takes an import"
ok $(( $(sqlite3 "$TMPD/v13.db" 'PRAGMA user_version') != 17 )) \
    "and is upgraded to 17"
ok $(( $(sqlite3 "$TMPD/v13.db" "SELECT count(*) FROM sqlite_schema
    WHERE name = 'articles_fts_ins'") != 0 )) "  its insert trigger gone"
"$CITATA" -d "$TMPD/v13.db" search --format=tsv суслик >"$TMPD/o"
ok $(( $(wc -l <"$TMPD/o") != 1 )) "the new article is found once by search"
"$CITATA" -d "$TMPD/v13.db" search --format=tsv Павлодар >"$TMPD/o"
"$CITATA" -d "$db" search --format=tsv Павлодар >"$TMPD/o2"
same "$TMPD/o" "$TMPD/o2" "and the old ones as before"
# Schema 15: the speakers' rows, made at the commit, find a speaker by a
# form of the name and by a role, after an upgrade and a new quote.
printf '%s\n' '{"date":"2026-11-29","title":"Фермер","text":"«Суслики вернулись», — сказал фермер Берик Кудайбергенов."}' \
    >"$TMPD/sp.jsonl"
"$CITATA" -d "$TMPD/v13.db" import "$TMPD/sp.jsonl" >/dev/null 2>&1
"$CITATA" -d "$TMPD/v13.db" search --format=tsv --quotes \
    'speaker:Кудайбергенова' >"$TMPD/o"
ok $(( $(wc -l <"$TMPD/o") != 1 )) "a new speaker is found by a form of the name"
"$CITATA" -d "$TMPD/v13.db" search --format=tsv --quotes \
    'speaker:Нуриева' >"$TMPD/o"
"$CITATA" -d "$db" search --format=tsv --quotes 'speaker:Нуриева' >"$TMPD/o2"
same "$TMPD/o" "$TMPD/o2" "  and an old one as before the upgrade"

# Schema 16: the reader's list of speakers walks an index in its order;
# an upgraded archive has it in place of the old one, and lists the
# speakers as before.
cp "$db" "$TMPD/v15.db"
to_v15 "$TMPD/v15.db"
"$CITATA" -d "$TMPD/v15.db" speakers --format=tsv >"$TMPD/o" 2>&1
ok $? "a version 15 archive opens"
ok $(( $(sqlite3 "$TMPD/v15.db" 'PRAGMA user_version') != 17 )) \
    "and is upgraded to 17"
ok $(( $(sqlite3 "$TMPD/v15.db" "SELECT count(*) FROM sqlite_schema
    WHERE name = 'speakers_rank'") != 1 )) "  with the index speakers_rank"
ok $(( $(sqlite3 "$TMPD/v15.db" "SELECT count(*) FROM sqlite_schema
    WHERE name = 'speakers_nquotes'") != 0 )) "  and not the old one"
"$CITATA" -d "$db" speakers --format=tsv >"$TMPD/o2"
same "$TMPD/o" "$TMPD/o2" "  its speakers listed as before"

# Schema 17: the filters of a search read an index of each article's
# date and source; an upgraded archive has it, and finds as before.
cp "$db" "$TMPD/v16.db"
to_v16 "$TMPD/v16.db"
src=$(sqlite3 "$db" "SELECT source FROM articles WHERE source <> ''
    GROUP BY source ORDER BY count(*) DESC LIMIT 1")
"$CITATA" -d "$TMPD/v16.db" search --format=tsv "source:\"$src\" и" \
    >"$TMPD/o" 2>&1
ok $? "a version 16 archive opens"
ok $(( $(sqlite3 "$TMPD/v16.db" 'PRAGMA user_version') != 17 )) \
    "and is upgraded to 17"
ok $(( $(sqlite3 "$TMPD/v16.db" "SELECT count(*) FROM sqlite_schema
    WHERE name = 'articles_filters'") != 1 )) \
    "  with the index articles_filters"
"$CITATA" -d "$db" search --format=tsv "source:\"$src\" и" >"$TMPD/o2"
ok $(( $(wc -l <"$TMPD/o") == 0 )) "  source:\"$src\" finds articles"
same "$TMPD/o" "$TMPD/o2" "  the same as in an archive made at 17"

# One person, one record (merge.c): the articles of tests/merge name
# people in several forms; the speakers must come out as speakers.tsv
# says, after the import and after re-extraction, which also merges
# records an older citata split.
"$CITATA" -d "$TMPD/merge.db" import "$top_srcdir/tests/merge/articles.txt" \
    >/dev/null 2>&1
"$CITATA" -d "$TMPD/merge.db" speakers --format=tsv | cut -f2-4,6,7 \
    >"$TMPD/merged"
same "$TMPD/merged" "$top_srcdir/tests/merge/speakers.tsv" \
    "one record per person across articles, generic speakers per article"
# Word lists without the short form Джо: "Джо Смитсон" is a record of
# its own, as an older citata would have left it.
rm -f "$TMPD/split.db"
cp -R "$CITATA_DATADIR" "$TMPD/olddata"
sed 's/^Джо	m	Джозеф$/Джо	m/' "$CITATA_DATADIR/lexicon/firstnames.txt" \
    >"$TMPD/olddata/lexicon/firstnames.txt"
CITATA_DATADIR="$TMPD/olddata" "$CITATA" -d "$TMPD/split.db" import \
    "$top_srcdir/tests/merge/articles.txt" >/dev/null 2>&1
nsplit=$(sqlite3 "$TMPD/split.db" "SELECT count(*) FROM speakers
    WHERE name LIKE '%Смитсон' AND nquotes > 0")
ok $(( nsplit != 2 )) "without the short form, two records ($nsplit)"
"$CITATA" -d "$TMPD/split.db" reextract >/dev/null 2>&1
"$CITATA" -d "$TMPD/split.db" speakers --format=tsv | cut -f2-4,6,7 \
    >"$TMPD/merged"
same "$TMPD/merged" "$top_srcdir/tests/merge/speakers.tsv" \
    "re-extraction merges it again"
ok $(( $(sqlite3 "$TMPD/split.db" "SELECT count(*) FROM speakers
    WHERE nquotes = 0") != 0 )) "and leaves no empty records"

# A newer schema is refused and left untouched.
cp "$db" "$TMPD/new.db"
sqlite3 "$TMPD/new.db" 'PRAGMA user_version = 99'
sum1=$(cksum <"$TMPD/new.db")
"$CITATA" -d "$TMPD/new.db" list >"$TMPD/o" 2>&1
ok $(( $? != 2 )) "a newer schema exits 2"
contains "$TMPD/o" "schema version 99, newer than this citata" "and says so"
"$CITATA" -d "$TMPD/new.db" import "$articles" >/dev/null 2>&1
ok $(( $? != 2 )) "import into a newer schema exits 2"
ok $([ "$(cksum <"$TMPD/new.db")" = "$sum1" ]; echo $?) "the file is untouched"

# Files that are not citata archives.
printf 'hello, I am text\n%.0s' $(seq 1 300) >"$TMPD/text.db"
"$CITATA" -d "$TMPD/text.db" list >"$TMPD/o" 2>&1
ok $(( $? != 2 )) "a text file as archive exits 2"
contains "$TMPD/o" "not an SQLite file" "and says it is not an archive"
sqlite3 "$TMPD/other.db" 'CREATE TABLE t(x); INSERT INTO t VALUES (1)'
"$CITATA" -d "$TMPD/other.db" import "$articles" >"$TMPD/o" 2>&1
ok $(( $? != 2 )) "another program's database exits 2"
contains "$TMPD/o" "not a citata archive" "and says so"
ok $(( $(sqlite3 "$TMPD/other.db" 'SELECT count(*) FROM sqlite_master') != 1 )) \
    "and is left as it was"

# A read-only archive can be read.  Root ignores file modes, so the
# commands then run as nobody.
ro="$TMPD/ro"
mkdir "$ro" && cp "$db" "$ro/r.db" && sqlite3 "$ro/r.db" 'PRAGMA wal_checkpoint(TRUNCATE)' >/dev/null
chmod 755 "$TMPD" "$ro"
chmod 444 "$ro/r.db"
as_user=""
if [ "$(id -u)" -eq 0 ]; then
	if command -v setpriv >/dev/null 2>&1; then
		as_user="setpriv --reuid=nobody --regid=nogroup --clear-groups"
	fi
fi
if [ "$(id -u)" -ne 0 ] || [ -n "$as_user" ]; then
	$as_user "$CITATA" -d "$ro/r.db" list --format=tsv >"$TMPD/o" 2>&1
	ok $? "a read-only archive lists"
	ok $(( $(wc -l <"$TMPD/o") != n )) "with all its articles"
	$as_user "$CITATA" -d "$ro/r.db" import "$articles" >"$TMPD/o" 2>&1
	ok $(( $? != 2 )) "importing into it exits 2"
	contains "$TMPD/o" "read-only" "and says it is read-only"
fi

# An interrupted import leaves the archive as it was: SIGKILL at several
# points of a large import, and SIGINT.
big="$TMPD/big.txt"
awk -v copies=1000 '
	{ line[n++] = (FNR == 1 ? "\001" : "") $0 }
	END {
		for (i = 0; i < copies; i++)
			for (j = 0; j < n; j++) {
				s = line[j]
				if (substr(s, 1, 1) == "\001")
					s = "\n" substr(s, 2) " Выпуск " i "."
				print s
			}
	}' "$articles"/0*.txt "$articles"/1[0-3]*.txt >"$big"
nbig=$(grep -c '^ date ' "$big")
base=$(count "$db")
for delay in 0.1 0.3 0.6; do
	"$CITATA" -d "$db" import "$big" >/dev/null 2>&1 &
	pid=$!
	sleep $delay
	if kill -9 $pid 2>/dev/null; then
		wait $pid 2>/dev/null
		ic=$(sqlite3 "$db" 'PRAGMA integrity_check')
		c=$(count "$db")
		ok $([ "$ic" = ok ] && [ "$c" -eq "$base" ]; echo $?) \
		    "SIGKILL after ${delay}s: integrity ok, $c articles (was $base)"
	else
		wait $pid
		echo "ok $((tap_n = tap_n + 1)) - # SKIP import ended before ${delay}s"
		base=$(count "$db")
	fi
done
"$CITATA" -d "$db" import "$big" >"$TMPD/o" 2>&1 &
pid=$!
sleep 0.3
if kill -INT $pid 2>/dev/null; then
	wait $pid
	st=$?
	ok $(( st != 2 )) "SIGINT: import exits 2"
	contains "$TMPD/o" "interrupted; nothing was imported" "and says so"
	ok $(( $(count "$db") != base )) "and stored nothing"
else
	wait $pid
fi

# With --batch=N each N articles are a transaction of their own: SIGINT
# once a batch is stored keeps the whole batches, says how many, and the
# same import run again adds the rest.
bdb="$TMPD/batch.db"
cp "$db" "$bdb"
"$CITATA" -d "$bdb" import --batch=100 "$big" >"$TMPD/o" 2>&1 &
pid=$!
i=0
while [ $i -lt 600 ] && [ "$(count "$bdb")" -lt $((base + 100)) ] &&
    kill -0 $pid 2>/dev/null; do
	sleep 0.05
	i=$((i + 1))
done
if kill -INT $pid 2>/dev/null; then
	wait $pid
	st=$?
	kept=$(( $(count "$bdb") - base ))
	ok $(( st != 2 )) "--batch, SIGINT: import exits 2"
	ok $(( kept < 100 || kept % 100 != 0 )) \
	    "  and keeps whole batches of 100 ($kept articles)"
	contains "$TMPD/o" "interrupted; the first $kept articles were imported, the rest was not" \
	    "  and says how many"
	ok $([ "$(sqlite3 "$bdb" 'PRAGMA integrity_check')" = ok ]; echo $?) \
	    "  integrity ok"
	"$CITATA" -d "$bdb" import --batch=100 "$big" >"$TMPD/o" 2>&1
	ok $? "  the same import again ends"
	contains "$TMPD/o" "imported $((nbig - kept)), duplicates $kept," \
	    "  adding the rest"
	ok $(( $(count "$bdb") != n + nbig )) "  all $nbig articles are there"
else
	wait $pid
	echo "ok $((tap_n = tap_n + 1)) - # SKIP --batch import ended too soon"
fi
"$CITATA" -d "$bdb" import --batch=0 "$big" >"$TMPD/o" 2>&1
ok $(( $? != 2 )) "--batch=0 is refused"
contains "$TMPD/o" "import: bad batch '0' (want 1 to 100000000)" \
    "  with a message"

"$CITATA" -d "$db" import "$big" >"$TMPD/o" 2>&1
ok $? "the large file imports when left alone"
ok $(( $(count "$db") != n + nbig )) "all $nbig of its articles"
done_testing
