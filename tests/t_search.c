/*
 * t_search.c: the search query language: its parts, the FTS5 expression
 * (always quoted), and every malformed query's message.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "search.h"
#include "stem.h"
#include "util.h"

#include "tap.h"

static void
bad(const char *q, const char *want)
{
	char			*cause = NULL;
	struct search_query	*sq = search_parse(q, &cause);

	ok(sq == NULL, "malformed: %s", q);
	is(cause, want, "  says why");
	search_free(sq);
	free(cause);
}

int
main(void)
{
	struct search_query	*sq;
	char			*cause, *e;

	sq = search_parse("конституция \"новая модель\" -референдум "
	    "speaker:\"Е. Булекпаев\" source:BAQ.KZ since:2025-01-01 "
	    "until:2026-12-31 -\"круглый стол\"", &cause);
	ok(sq != NULL, "a query with every part parses");
	ok(sq->nterms == 2 && strcmp(sq->terms[1], "новая модель") == 0,
	    "words and phrases are terms");
	ok(sq->nexcluded == 2 && strcmp(sq->excluded[1], "круглый стол") == 0,
	    "exclusions, word and phrase");
	is(sq->speaker, "Е. Булекпаев", "quoted speaker");
	is(sq->source, "BAQ.KZ", "source");
	is(sq->since, "2025-01-01", "since");
	is(sq->until, "2026-12-31", "until");
	e = search_fts_expr(sq);
	is(e, "\"конституция\" AND \"новая модель\" NOT \"референдум\" NOT "
	    "\"круглый стол\"", "FTS5 expression");
	free(e);
	search_free(sq);

	sq = search_parse("OR NEAR(a b) * ^x col:y", &cause);
	e = search_fts_expr(sq);
	is(e, "\"OR\" AND \"NEAR(a\" AND \"b)\" AND \"^x\" AND \"col:y\"",
	    "FTS5 syntax in the input stays literal");
	free(e);
	search_free(sq);

	sq = search_parse("speaker:Булекпаева", &cause);
	ok(sq != NULL && sq->nterms == 0 && search_fts_expr(sq) == NULL,
	    "a filter alone is a query without terms");
	search_free(sq);

	{
		struct stemmer		*st = stem_new();
		struct search_span	*sp;
		const char		*t = "Новая Конституция. О конституции "
					    "спорили, а стол был круглый.";
		size_t			 n;

		sq = search_parse("конституцию \"круглый стол\"", &cause);
		n = search_matches(st, sq, t, strlen(t), &sp);
		ok(n == 4, "four words of the text match (%zu)", n);
		ok(n == 4 && sp[0].start == 11 && sp[0].end == 33 &&
		    memcmp(t + sp[1].start, "конституции", 22) == 0 &&
		    memcmp(t + sp[2].start, "стол", 8) == 0 &&
		    memcmp(t + sp[3].start, "круглый", 14) == 0,
		    "their spans, in text order, any word form");
		free(sp);
		search_free(sq);
		stem_free(st);
	}

	/* Terms the index sees as one are searched for once. */
	sq = search_parse("а (а А а, Конституции б конституция "
	    "-\"в г\" -В -\"В, Г\" \"б а\"", &cause);
	e = search_fts_expr(sq);
	is(e, "\"а\" AND \"Конституции\" AND \"б\" AND \"б а\" NOT \"в г\" "
	    "NOT \"В\"", "a repeated word or form is left out, the first kept");
	free(e);
	search_free(sq);
	{
		struct buf	 q;
		size_t		 i;

		buf_init(&q);
		for (i = 0; i < 20000; i++)
			buf_adds(&q, i % 2 ? "а " : "(А ");
		sq = search_parse(q.data, &cause);
		ok(sq != NULL && sq->nterms == 1, "20,000 copies are one term");
		search_free(sq);
		buf_reset(&q);
		for (i = 0; i < SEARCH_MAX_WORDS; i++)
			buf_printf(&q, "w%zu ", i);
		sq = search_parse(q.data, &cause);
		ok(sq != NULL && sq->nterms == SEARCH_MAX_WORDS,
		    "%d different words are searched for", SEARCH_MAX_WORDS);
		search_free(sq);
		buf_adds(&q, "\"x y\"");
		sq = search_parse(q.data, &cause);
		ok(sq == NULL, "one more phrase of two words is too long");
		is(cause, "too long: 1002 different words, at most 1000",
		    "  says why");
		free(cause);
		buf_free(&q);
	}

	bad("", "nothing to search for");
	bad("  — ...", "nothing to search for");
	bad("-война", "only exclusions: say what to look for too");
	bad("\"новая конституция", "unbalanced '\"' at column 1");
	bad("мир speaker:\"Е. Булекпаев", "unbalanced '\"' at column 13");
	bad("speaker:", "'speaker:' needs a value");
	bad("since:2026-02-30 мир", "bad date '2026-02-30' after 'since:' "
	    "(want YYYY-MM-DD)");
	bad("source:a source:b", "'source:' given twice");
	bad("since:2026-01-02 until:2026-01-01 мир",
	    "since:2026-01-02 is after until:2026-01-01");
	return tap_done();
}
