/*
 * t_segment.c: the extractor's segmentation: tokens and their byte
 * offsets, folded forms and flags, sentence ends (abbreviations,
 * initials, quotation marks, dashes), paragraphs, and odd input.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "segment.h"
#include "util.h"

#include "tap.h"

enum show {
	SHOW_SPAN,		/* "text@start-end" */
	SHOW_FOLD,		/* the folded form */
	SHOW_FLAGS		/* "text:FLAGS": W word (else punctuation),
				 * C capital, A all capitals, L Latin, D
				 * digit, S space before, P paragraph */
};

static char	*tokens(const char *, enum show);
static char	*toks(const char *);
static char	*folds(const char *);
static char	*flags(const char *);
static char	*ranges(const char *, int);
static char	*sents(const char *);
static char	*paras(const char *);
static void	 check(char *(*)(const char *), const char *, const char *,
		    const char *);

/* Every token of s shown as what says, one space between. */
static char *
tokens(const char *s, enum show what)
{
	struct segmentation	*sg = segment_text(s, strlen(s));
	struct buf		 b;
	size_t			 i;

	buf_init(&b);
	for (i = 0; i < sg->n; i++) {
		const struct token	*t = &sg->t[i];
		int			 len = (int)(t->end - t->start);

		if (i > 0)
			buf_addc(&b, ' ');
		switch (what) {
		case SHOW_SPAN:
			buf_printf(&b, "%.*s@%zu-%zu", len, s + t->start,
			    t->start, t->end);
			break;
		case SHOW_FOLD:
			if (strlen(segment_fold(sg, i)) != t->flen)
				buf_adds(&b, "(flen wrong)");
			buf_adds(&b, segment_fold(sg, i));
			break;
		case SHOW_FLAGS:
			buf_printf(&b, "%.*s:%s%s%s%s%s%s%s%s%s", len,
			    s + t->start, t->type == SEG_WORD ? "W" : "",
			    t->flags & SEG_CAP ? "C" : "",
			    t->flags & SEG_ALLCAPS ? "A" : "",
			    t->flags & SEG_LATIN ? "L" : "",
			    t->flags & SEG_DIGIT ? "D" : "",
			    t->flags & SEG_SPACE ? "S" : "",
			    t->flags & SEG_PARA ? "P" : "",
			    t->flags & SEG_GLUED ? "G" : "",
			    t->flags & SEG_NOEND ? "N" : "");
			break;
		}
	}
	segment_free(sg);
	return buf_steal(&b);
}

static char *
toks(const char *s)
{
	return tokens(s, SHOW_SPAN);
}

static char *
folds(const char *s)
{
	return tokens(s, SHOW_FOLD);
}

static char *
flags(const char *s)
{
	return tokens(s, SHOW_FLAGS);
}

/* Each sentence (or, with para, each paragraph) as "[tok tok ...]",
 * tokens as written; checks that the ranges tile the tokens, that each
 * token knows its range, and that only a paragraph's first token is
 * marked SEG_PARA. */
static char *
ranges(const char *s, int para)
{
	struct segmentation	*sg = segment_text(s, strlen(s));
	const struct seg_range	*r = para ? sg->para : sg->sent;
	size_t			 nr = para ? sg->npara : sg->nsent;
	struct buf		 b;
	size_t			 i, k, next = 0;

	buf_init(&b);
	for (k = 0; k < nr; k++) {
		if (r[k].first != next)
			buf_adds(&b, "(gap)");
		buf_adds(&b, "[");
		for (i = r[k].first; i < r[k].last; i++) {
			if ((para ? sg->t[i].para : sg->t[i].sent) != k)
				buf_adds(&b, "(index wrong)");
			if (para && ((sg->t[i].flags & SEG_PARA) != 0) !=
			    (i == r[k].first))
				buf_adds(&b, "(flag wrong)");
			buf_printf(&b, "%s%.*s", i > r[k].first ? " " : "",
			    (int)(sg->t[i].end - sg->t[i].start),
			    s + sg->t[i].start);
		}
		buf_adds(&b, "]");
		next = r[k].last;
	}
	if (next != sg->n)
		buf_adds(&b, "(tokens left over)");
	segment_free(sg);
	return buf_steal(&b);
}

static char *
sents(const char *s)
{
	return ranges(s, 0);
}

static char *
paras(const char *s)
{
	return ranges(s, 1);
}

static void
check(char *(*fn)(const char *), const char *in, const char *want,
    const char *name)
{
	char	*got = fn(in);

	is(got, want, name);
	free(got);
}

static void
test_tokens(void)
{
	check(toks, "Аким сказал: «Мост готов».",
	    "Аким@0-8 сказал@9-21 :@21-22 «@23-25 Мост@25-33 готов@34-44 "
	    "»@44-46 .@46-47",
	    "tokens keep byte offsets: Cyrillic two bytes, « and » two");
	check(toks, "COVID-19, Кот-д’Ивуар и O'Brien",
	    "COVID-19@0-8 ,@8-9 Кот-д’Ивуар@10-32 и@33-35 O'Brien@36-43",
	    "hyphens and apostrophes (' and ’) inside a word join it");
	check(toks, "3.5 и 12,5 млн, 1,2,3",
	    "3.5@0-3 и@4-6 12,5@7-11 млн@12-18 ,@18-19 1,2,3@20-25",
	    "a point or comma between digits joins a number");
	check(toks, "сайт kazinform.kz",
	    "сайт@0-8 kazinform.kz@9-21",
	    "a point between Latin letters joins a domain");
	check(toks, "т.е. и.о. министра, т.д, ст.5",
	    "т.е@0-5 .@5-6 и.о@7-12 .@12-13 министра@14-30 ,@30-31 "
	    "т.д@32-37 ,@37-38 ст@39-43 .@43-44 5@44-45",
	    "a point between Cyrillic letters joins, as between Latin ones: "
	    "the previous character is read, not the previous byte");
	check(toks, "за\xcc\x81.б", "за\xcc\x81.б@0-9",
	    "a stress mark before the point does not stop the join");
	check(folds, "Т.е. И.о", "т.е . и.о", "joined words fold whole");
	check(toks, "Страна.ua и ст.Ж", "Страна@0-12 .@12-13 ua@13-15 и@16-18 "
	    "ст@19-23 .@23-24 Ж@24-26",
	    "a point after a Cyrillic letter joins neither Latin nor a "
	    "capital");
	check(toks, "Алматы.Сегодня", "Алматы@0-12 .@12-13 Сегодня@13-27",
	    "a point before a capital does not join");
	check(toks, "Алма-Ата, Алма–Ата, слово- и -слово",
	    "Алма-Ата@0-15 ,@15-16 Алма@17-25 –@25-28 Ата@28-34 ,@34-35 "
	    "слово@36-46 -@46-47 и@48-50 -@51-52 слово@52-62",
	    "only a hyphen between word characters joins; an en dash does "
	    "not");
	check(toks, "да,нет", "да@0-4 ,@4-5 нет@5-11",
	    "a comma between letters does not join");
	check(toks, "U.S.A. и a.b", "U.S.A@0-5 .@5-6 и@7-9 a.b@10-13",
	    "a point between Latin letters joins, capitals too");
	check(toks, "зна\xcc\x81чит \xcc\x81x",
	    "зна\xcc\x81чит@0-14 \xcc\x81@15-17 x@17-18",
	    "a stress mark belongs to its word, and alone is punctuation");
}

static void
test_folds(void)
{
	check(folds, "ЁЛКА Ёж ёж ПРИВЕТ Мир", "елка еж еж привет мир",
	    "Russian capitals and ё fold: lower case, ё as е");
	check(folds,
	    "ӘӨҰҮ ҢҒҺІҚ әөұүңғһіқ Қазақстан Өскемен",
	    "әөұү ңғһіқ әөұүңғһіқ қазақстан өскемен",
	    "the Kazakh letters Ә Ө Ұ Ү Ң Ғ Һ І Қ fold to lower case");
	check(folds, "ЂЃЄЅЇЈЉЊЋЌЎЏ Ѐ Ѝ", "ђѓєѕїјљњћќўџ ѐ ѝ",
	    "the other Cyrillic capitals U+0400..U+040F fold");
	check(folds, "COVID-19 Straße ÉCOLE İ", "covid-19 straße école i",
	    "Latin folds through libunistring (simple mappings: İ to i)");
	check(folds, "зна\xcc\x81чит Пре\xc2\xadзидент",
	    "значит президент",
	    "a stress mark and a soft hyphen fold away");
	check(folds, "«Мост» — 5.", "« мост » — 5 .",
	    "punctuation folds to itself");
}

static void
test_flags(void)
{
	check(flags, "Аким ЦИК Kazinform COVID-19 5G рост — «Да»",
	    "Аким:WCSP ЦИК:WCAS Kazinform:WCLS COVID-19:WCALS 5G:WLDS "
	    "рост:WS —:S «:S Да:WC »:",
	    "flags: capital, all capitals, Latin, digit, space, paragraph");
	check(flags, "Қазақстан ӘКІМДІГІ", "Қазақстан:WCSP ӘКІМДІГІ:WCAS",
	    "Kazakh capitals count as capitals");
	check(flags, "Я", "Я:WCSP", "one capital letter is not all capitals");
	check(flags, "А. Ким из г. Тараза и т.д. ушёл. Все",
	    "А:WCSP .:N Ким:WCS из:WS г:WS .:N Тараза:WCS и:WS т.д:WS .:N "
	    "ушёл:WS .: Все:WCS",
	    "a point after an initial or an abbreviation ends no sentence");
	check(flags, "Ерлан пришёл рано Затем ушёл. Потом",
	    "Ерлан:WCSP пришёл:WS рано:WS Затем:WCS ушёл:WS .: Потом:WCS",
	    "a capitalised word that is no sentence opener is not flagged "
	    "glued");
	check(flags, "Ерлан пришёл рано Однако ушёл «Жить так Однако "
	    "надо» Он", "Ерлан:WCSP пришёл:WS рано:WS Однако:WCSG ушёл:WS "
	    "«:S Жить:WC так:WS Однако:WCS надо:WS »: Он:WCSG",
	    "the first word of a sentence run into the one before with no "
	    "point is flagged glued, not inside quotation marks");
}

static void
test_sentences(void)
{
	check(sents, "А. С. Пушкин приехал. Он сказал.",
	    "[А . С . Пушкин приехал .][Он сказал .]",
	    "initials do not end a sentence");
	check(sents, "Ә. Нұрланов приехал. Он сказал.",
	    "[Ә . Нұрланов приехал .][Он сказал .]",
	    "a Kazakh initial does not end a sentence");
	check(sents, "Он живёт в г. Алматы. Это город.",
	    "[Он живёт в г . Алматы .][Это город .]",
	    "г. does not end a sentence");
	check(sents, "Он живёт на ул. Абая, в с. Ушкын. Это далеко.",
	    "[Он живёт на ул . Абая , в с . Ушкын .][Это далеко .]",
	    "ул. and с. do not end a sentence");
	check(sents, "Пришли мэры и т. д. Все.",
	    "[Пришли мэры и т . д . Все .]",
	    "и т. д. ends no sentence, even before a capital");
	check(sents, "Пришли мэры и т. п. Все. Это т. е. Иван. Да.",
	    "[Пришли мэры и т . п . Все .][Это т . е . Иван .][Да .]",
	    "и т. п. and т. е. end no sentence");
	check(sents, "Это, т.е. Иван, ушёл. И т.д. Все. Да.",
	    "[Это , т.е . Иван , ушёл .][И т.д . Все .][Да .]",
	    "т.е. and т.д. written without spaces end no sentence");
	check(sents, "Храм XIX в. Его построили в Талгарском р-не. "
	    "Сарыагашский р-н. Там.",
	    "[Храм XIX в . Его построили в Талгарском р-не .]"
	    "[Сарыагашский р-н . Там .]",
	    "в. (век) and р-н. end no sentence");
	check(sents, "Это ГГ. Тогда ПРОФ. Иванов. Да.",
	    "[Это ГГ . Тогда ПРОФ . Иванов .][Да .]",
	    "abbreviations in capitals are abbreviations too");
	check(sents, "Он пришёл в шт. Всё.", "[Он пришёл в шт .][Всё .]",
	    "a word not in the list ends a sentence");
	check(sents, "Было 5 млн руб. Иванов из г. Москва. Больше.",
	    "[Было 5 млн руб . Иванов из г . Москва .][Больше .]",
	    "руб. and г. before a name end no sentence");
	check(sents, "Было 15 млрд. По закону в 2014 г. В мае.",
	    "[Было 15 млрд .][По закону в 2014 г .][В мае .]",
	    "a measure or a year before a word that opens sentences ends "
	    "one");
	check(sents, "Он ушёл. и всё", "[Он ушёл . и всё]",
	    "a point before a lower-case word ends no sentence");
	check(sents, "Он ушёл.Всё. Мы ждали!Да", "[Он ушёл .][Всё .]"
	    "[Мы ждали !][Да]",
	    "a point or ! with no space after it ends a sentence between a "
	    "word in lower case and a capital (a crawl lost the space)");
	check(sents, "Сервис Яндекс.Такси и сайт ria.Ru, г.Алматы, им.Абая, "
	    "ул.Жандосова, пос.Ушкын, в 5.Потом.", "[Сервис Яндекс . Такси "
	    "и сайт ria.Ru , г . Алматы , им . Абая , ул . Жандосова , "
	    "пос . Ушкын , в 5 . Потом .]",
	    "but not after a capitalised or Latin word, an abbreviation, "
	    "a short word or a number, nor before a Latin word");
	check(sents, "Он был в Астане.По его словам, всё. Дом в Таразе.Сейчас "
	    "тихо. Сервис Яндекс.Такси и Мега.Центр.",
	    "[Он был в Астане .][По его словам , всё .][Дом в Таразе .]"
	    "[Сейчас тихо .][Сервис Яндекс . Такси и Мега . Центр .]",
	    "after a capitalised word, a point with no space after it ends "
	    "a sentence only before a word that opens sentences");
	check(sents, "Санкции ЕС.В Минске (Беларусь).Он ушёл «домой».Так "
	    "сказал А.В.Петров.",
	    "[Санкции ЕС .][В Минске ( Беларусь ) .][Он ушёл « домой » .]"
	    "[Так сказал А . В . Петров .]",
	    "and so after capitals, a bracket or a quotation mark, but not "
	    "after an initial");
	check(sents, "Было 5. 10 человек пришли.",
	    "[Было 5 .][10 человек пришли .]",
	    "a sentence may start with a number");
	check(sents, "Сенат попросил помощи против засухи В Астане заявили "
	    "о ней. Было 5 тонн в 2020 Ранее сообщалось о 4. Книга «Как "
	    "жить» Он ушёл. Фильм \"Это мы\" Однако всё.",
	    "[Сенат попросил помощи против засухи][В Астане заявили о ней .]"
	    "[Было 5 тонн в 2020][Ранее сообщалось о 4 .]"
	    "[Книга « Как жить »][Он ушёл .][Фильм \" Это мы \"]"
	    "[Однако всё .]",
	    "a word that opens sentences and is never a name, glued to the "
	    "text before it with no point, starts a sentence (crawls drop "
	    "a headline's line break), but not inside quotation marks");
	check(sents, "Санкции против Казахстана В Астане заявили о них. "
	    "Визит в США Однако он отменён. Писатель Ли Он и Анна Так тоже.",
	    "[Санкции против Казахстана][В Астане заявили о них .]"
	    "[Визит в США][Однако он отменён .]"
	    "[Писатель Ли Он и Анна Так тоже .]",
	    "after a capitalised word, only a word that is never part of a "
	    "name starts a glued sentence");
	check(sents, "Писатель Эдгар По приехал. Ли На и Иван О. Ким тоже.",
	    "[Писатель Эдгар По приехал .][Ли На и Иван О . Ким тоже .]",
	    "such a word after a capitalised one is part of a name");
	check(sents, "Он ушёл! Куда? Туда… Всё",
	    "[Он ушёл !][Куда ?][Туда …][Всё]",
	    "! ? and … end sentences");
	check(sents, "Он ушёл. — Куда? — спросили.",
	    "[Он ушёл .][— Куда ?][— спросили .]",
	    "a sentence may start with a dash, also after ?");
	check(sents, "Он ушёл. «Куда?» Он молчал.",
	    "[Он ушёл .][« Куда ? »][Он молчал .]",
	    "a sentence may start with « and end after ?»");
	check(sents, "Он ушёл. \"Куда?\" Он молчал.",
	    "[Он ушёл .][\" Куда ? \"][Он молчал .]",
	    "and likewise with straight marks");
	check(sents, "Он ушёл. „Куда“ Он. “Так” Он.",
	    "[Он ушёл .][„ Куда “ Он .][“ Так ” Он .]",
	    "a sentence may start with „ or “");
}

static void
test_quotes(void)
{
	check(sents, "«Мы готовы. Всё сделано», — сказал он. Затем ушёл.",
	    "[« Мы готовы . Всё сделано » , — сказал он .][Затем ушёл .]",
	    "nothing inside «» ends a sentence");
	check(sents, "\"Мы готовы. Всё\", — сказал он. Затем ушёл.",
	    "[\" Мы готовы . Всё \" , — сказал он .][Затем ушёл .]",
	    "nothing inside straight marks ends a sentence");
	check(sents, "«Он сказал „Нет. Никогда“ и ушёл. Вот» и всё. Да.",
	    "[« Он сказал „ Нет . Никогда “ и ушёл . Вот » и всё .][Да .]",
	    "„“ nest inside «»");
	check(sents, "„Нет. Никогда“ Он. Да.",
	    "[„ Нет . Никогда “ Он .][Да .]",
	    "nothing inside „“ ends a sentence");
	check(sents, "«Мы готовы.» Он ушёл.",
	    "[« Мы готовы . »][Он ушёл .]",
	    "a sentence ends after .» before a capital");
	check(sents, "Он сказал: “Всё готово.” Затем ушёл.",
	    "[Он сказал : “ Всё готово . ”][Затем ушёл .]",
	    "a sentence ends after .” before a capital, as after .»");
	check(sents, "„Нет. Никогда.“ Он ушёл.",
	    "[„ Нет . Никогда . “][Он ушёл .]",
	    "and after .“ that closes „");
	check(sents, "„Нет. Никогда” и всё. Да.",
	    "[„ Нет . Никогда ” и всё .][Да .]",
	    "” closes „ too, so the sentences after it still end");
	check(sents, "«Он сказал „Нет. Никогда” и ушёл. Вот» и всё. Да.",
	    "[« Он сказал „ Нет . Никогда ” и ушёл . Вот » и всё .][Да .]",
	    "„” nest inside «»");
	check(sents, "‟Нет. Никогда” Он. Да.",
	    "[‟ Нет . Никогда ” Он .][Да .]",
	    "‟ opens like „");
	check(sents, "Он ушёл. ‚Туда‘ 'Сюда' ’Всё’. Да.",
	    "[Он ушёл . ‚ Туда ‘ ' Сюда ' ’ Всё ’ .][Да .]",
	    "single marks neither open, close nor start a sentence");
	check(sents, "Он ушёл. ‹Куда? Туда› и ''Что? Всё'' Он.",
	    "[Он ушёл .][‹ Куда ? Туда › и '' Что ? Всё '' Он .]",
	    "‹› are «», and two apostrophes are a double mark");
	check(toks, "a''b ''c''", "a@0-1 ''@1-3 b@3-4 ''@5-7 c@7-8 ''@8-10",
	    "two apostrophes are one token");
	check(sents, "“Мы готовы. Всё сделано”, — сказал он. Затем ушёл.",
	    "[“ Мы готовы . Всё сделано ” , — сказал он .][Затем ушёл .]",
	    "nothing inside English-style “” ends a sentence");
	check(sents, "«Он сказал “нет. Никогда” и ушёл. Вот» и всё. Да.",
	    "[« Он сказал “ нет . Никогда ” и ушёл . Вот » и всё .][Да .]",
	    "“” nest inside «»: the “ opens, it does not close «");
	check(sents, "„Мы готовы.“, — сказал он. Затем ушёл.",
	    "[„ Мы готовы . “ , — сказал он .][Затем ушёл .]",
	    "a “ after a point closes „ even when a comma is glued to it");
	check(sents, "Он сказал: «Мы готовы. Всё. Он ушёл. Да.",
	    "[Он сказал : « Мы готовы .][Всё .][Он ушёл .][Да .]",
	    "a « that nothing closes in its paragraph hides no sentence end");
	check(sents, "Фильм \"Мы. Всё\" и \"Он. Да. Нет.",
	    "[Фильм \" Мы . Всё \" и \" Он .][Да .][Нет .]",
	    "nor does a straight mark left open");
	check(sents, "«Мы готовы. «Всё сделано», — сказал он. Затем ушёл.",
	    "[« Мы готовы . « Всё сделано » , — сказал он .][Затем ушёл .]",
	    "a « after a sentence's end in an open quotation continues it "
	    "(a paragraph of the quote run into this one): after », the "
	    "sentences end again");
	check(sents, "«Раз «два. Три» четыре. Пять» шесть. Да.",
	    "[« Раз « два . Три » четыре . Пять » шесть .][Да .]",
	    "«» nest");
	check(toks, "\"«»„“”‟‘’‚‛‹›'",
	    "\"@0-1 «@1-3 »@3-5 „@5-8 “@8-11 ”@11-14 ‟@14-17 ‘@17-20 "
	    "’@20-23 ‚@23-26 ‛@26-29 ‹@29-32 ›@32-35 '@35-36",
	    "every quotation mark is a token of its own");
	check(flags, "«Да»", "«:SP Да:WC »:",
	    "« opens with a space before it, » follows its word");
}

static void
test_dashes(void)
{
	const char	*d[] = { "-", "–", "—", "‒", "―", "−" };
	struct segmentation	*sg;
	size_t		 i;
	int		 all = 1;

	for (i = 0; i < sizeof(d) / sizeof(d[0]); i++) {
		sg = segment_text(d[i], strlen(d[i]));
		if (sg->n != 1 || sg->t[0].type != SEG_PUNCT ||
		    !segment_is_dash(sg->t[0].uc)) {
			tap_diag("%s is not one dash token", d[i]);
			all = 0;
		}
		segment_free(sg);
	}
	ok(all, "- – — ‒ ― − are each one dash token");
	ok(!segment_is_dash('.') && !segment_is_dash(0xab) &&
	    !segment_is_dash(0x2010 + 0x100), "other marks are no dashes");
	check(sents, "Он ушёл. – Куда? – спросили. − Туда.",
	    "[Он ушёл .][– Куда ?][– спросили .][− Туда .]",
	    "a sentence may start with any dash");
}

static void
test_paragraphs(void)
{
	check(paras, "Один. Два.\n\nТри\nЧетыре.\r\n  Пять",
	    "[Один . Два .][Три][Четыре . Пять]",
	    "a blank line starts a paragraph; a line break after a line "
	    "with no point (a headline) too, but not after a sentence's end "
	    "where blank lines part the paragraphs");
	check(paras, "«Один», —\n\nсказал он.\n\n«Два»,\n\n— сказал он; "
	    "\n\nтри.", "[« Один » , — сказал он .][« Два » , — сказал он ; "
	    "три .]",
	    "no paragraph ends in a comma, a semicolon or a dash: a blank "
	    "line after one is the crawl's");
	check(paras, "Один.\nДва\nТри.\nЧетыре.\n— Пять.",
	    "[Один .][Два][Три .][Четыре .][— Пять .]",
	    "with no blank line in the text, each line is a paragraph");
	check(paras, "Аким заявил, что\nмост готов, и\nмы «рады».\n\nЕщё "
	    "в 2020\nгоду (по\nплану) начали.\n— Да.",
	    "[Аким заявил , что мост готов , и мы « рады » .]"
	    "[Ещё в 2020 году ( по плану ) начали .][— Да .]",
	    "a line break inside a sentence wraps the line: after a comma "
	    "or a bracket, or before a word in lower case; never before a "
	    "line of dialogue");
	check(paras, "Аким посетил Павлодар и\nЕкибастуз, а также\nкомбинат в\n"
	    "Аксу (по\nплану) и промышленно-\nаграрный район.\n\nАким\n"
	    "Павлодар.\n\nРаботы\n(второй этап)",
	    "[Аким посетил Павлодар и Екибастуз , а также комбинат в Аксу "
	    "( по плану ) и промышленно - аграрный район .][Аким]"
	    "[Павлодар .][Работы ( второй этап )]",
	    "where blank lines part the paragraphs, a line ending in a "
	    "preposition or a conjunction runs on into a capital, a word "
	    "broken at its hyphen and a word before a bracket run on; a "
	    "line of one word before a capital is a headline");
	check(paras, "Аким Ержан Абаев посетил\nзавод и передал привет "
	    "рабочим\nКарагандинской области.\n\nАким посетил завод\nВ "
	    "Павлодаре открыли цех.", "[Аким Ержан Абаев посетил завод и "
	    "передал привет рабочим Карагандинской области .]"
	    "[Аким посетил завод][В Павлодаре открыли цех .]",
	    "where blank lines part the paragraphs, a line of a paragraph "
	    "already wrapped runs on into a capital; its first line does "
	    "not (a headline)");
	check(paras, "Аким Ержан Абаев посетил новый завод рабочим\n"
	    "Карагандинской области передал привет.\n\nАким посетил\n"
	    "Павлодар.\n\nТекст абзаца здесь и тут тоже длинный очень\nтам.",
	    "[Аким Ержан Абаев посетил новый завод рабочим Карагандинской "
	    "области передал привет .][Аким посетил][Павлодар .]"
	    "[Текст абзаца здесь и тут тоже длинный очень там .]",
	    "a paragraph's first line as long as the text's longest wrapped "
	    "line, less 20 characters, runs on into a capital; a shorter "
	    "one is a headline");
	check(paras, "Аким посетил Павлодар и\nЕкибастуз. Это\nпромышленно-"
	    "\nаграрный район.", "[Аким посетил Павлодар и][Екибастуз . Это "
	    "промышленно -][аграрный район .]",
	    "but not with no blank line in the text");
	check(sents, "Один\n\nДва три.\nчетыре",
	    "[Один][Два три .][четыре]",
	    "a paragraph ends its sentence, whatever comes next");
	check(paras, "Аким говорил\n\n, что завод открыт.\n\nвыступая "
	    "перед рабочими.\n\nЗавод большой.",
	    "[Аким говорил , что завод открыт .][выступая перед рабочими .]"
	    "[Завод большой .]",
	    "a paragraph that opens with a comma runs on; one in lower case "
	    "runs on from no sentence's end");
	check(paras, "Он сказал:\n\nхотел бы предложить работу.",
	    "[Он сказал :][хотел бы предложить работу .]",
	    "nor from a colon: what it announces is a paragraph of its own");
	check(paras, "Комментарий удалят, если\n\nсодержит рекламу\n\n"
	    "оскорбляет других\n\nнарушает закон",
	    "[Комментарий удалят , если содержит рекламу][оскорбляет "
	    "других][нарушает закон]",
	    "but a list of items in lower case is no run-on: a paragraph "
	    "that began in lower case or ran on into it once does not");
	check(paras, "\n\n  Один \n \n", "[Один]",
	    "leading and trailing blank lines make no paragraph");
	check(toks, "a\xc2\xa0" "b\xe2\x80\x89" "c\xe2\x80\x8b"
	    "d\xef\xbb\xbf" "e",
	    "a@0-1 b@3-4 c@7-8 d@11-12 e@15-16",
	    "no-break, thin and zero-width spaces and U+FEFF separate words");
}

static void
test_odd(void)
{
	struct segmentation	*sg;

	sg = segment_text("", 0);
	ok(sg->n == 0 && sg->nsent == 0 && sg->npara == 0,
	    "empty text: no tokens, sentences or paragraphs");
	segment_free(sg);
	sg = segment_text(" \t\n\r\n ", 6);
	ok(sg->n == 0 && sg->nsent == 0 && sg->npara == 0,
	    "blank text: no tokens, sentences or paragraphs");
	segment_free(sg);
	segment_free(NULL);
	ok(1, "segment_free(NULL) does nothing");

	check(toks, "a\xff" "b\xd0", "a@0-1 \xff@1-2 b@2-3 \xd0@3-4",
	    "an invalid byte and a cut sequence are one-byte tokens");
	check(folds, "a\xff" "b\xd0", "a \xef\xbf\xbd b \xef\xbf\xbd",
	    "they fold to U+FFFD, so folded forms are valid UTF-8");
	sg = segment_text("a\0b", 3);
	ok(sg->n == 3 && sg->t[1].type == SEG_PUNCT && sg->t[1].end == 2,
	    "a NUL byte is a punctuation token, not the end");
	segment_free(sg);
	check(sents, ". . .", "[. . .]", "points alone end no sentence");
	check(sents, "Да.", "[Да .]", "a point at the end ends the text");
	check(toks, "ⅫⅩ 日本語 ١٢٣",
	    "ⅫⅩ@0-6 日本語@7-16 ١٢٣@17-23",
	    "letters and digits of other scripts make words");
	{
		struct buf	b;
		size_t		i;
		char		*f;

		buf_init(&b);
		for (i = 0; i < 5000; i++)
			buf_adds(&b, "Ж");
		sg = segment_text(b.data, b.len);
		ok(sg->n == 1 && sg->t[0].end == 10000 &&
		    sg->t[0].flen == 10000, "a word of 5,000 letters is one "
		    "token, folded whole");
		f = NULL;
		ok(segment_fold_string(b.data, b.len, &f) == 10000 &&
		    strncmp(f, "жж", 4) == 0, "segment_fold_string folds it "
		    "likewise");
		free(f);
		segment_free(sg);
		buf_free(&b);
	}
}

static void
test_classes(void)
{
	char	*f = xstrdup("old");

	ok(segment_starts_upper("Ёлка") && segment_starts_upper("Өскемен") &&
	    segment_starts_upper("Zed") && !segment_starts_upper("ёлка") &&
	    !segment_starts_upper("«Да") && !segment_starts_upper(""),
	    "segment_starts_upper: Ё Ө Z yes; ё « and empty no");
	ok(segment_is_letter('z') && segment_is_letter(0x4d9) &&
	    !segment_is_letter('5') && !segment_is_letter(0xab),
	    "segment_is_letter: z ә yes; 5 « no");
	ok(segment_fold_string("ЁЖ", 4, &f) == 4 && strcmp(f, "еж") == 0,
	    "segment_fold_string replaces what *out held");
	ok(segment_fold_string("ЁЖ", 2, &f) == 2 && strcmp(f, "е") == 0,
	    "segment_fold_string folds only len bytes");
	free(f);
}

int
main(void)
{
	test_tokens();
	test_folds();
	test_flags();
	test_sentences();
	test_quotes();
	test_dashes();
	test_paragraphs();
	test_odd();
	test_classes();
	return tap_done();
}
