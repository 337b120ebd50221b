/*
 * t_quotes.c: the extractor on short articles given as strings: which
 * quotes it finds, their kind, speaker and exact span, and what it must
 * leave alone.  The golden articles in tests/extract cover whole texts.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "article.h"
#include "fold.h"
#include "lexicon.h"
#include "quotes.h"
#include "speakers.h"
#include "tap.h"
#include "util.h"

static struct lexicon	*lx;

static size_t	extract(const char *, struct quote_list *);
static char	*span(const char *, size_t, size_t);
static void	check_role(const char *, const char *, const char *);
static void	check_one(const char *, size_t, enum quote_kind,
		    const char *, const char *, const char *);
static void	check_lexicon_errors(void);
static void	check_first_name_gender(void);
static void	check_messy(void);

/* Runs the extractor over text; the caller frees ql. */
static size_t
extract(const char *text, struct quote_list *ql)
{
	struct article	a;

	memset(&a, 0, sizeof(a));
	a.text = (char *)text;
	a.len = strlen(text);
	quote_list_init(ql);
	return quotes_extract(lx, &a, ql);
}

static char *
span(const char *text, size_t s, size_t e)
{
	return xstrndup(text + s, e - s);
}

/* Quote number k of text must have this kind, speaker and content. */
static void
check_one(const char *text, size_t k, enum quote_kind kind,
    const char *speaker, const char *content, const char *name)
{
	struct quote_list	 ql;
	char			*got;

	extract(text, &ql);
	if (!ok(ql.n > k, "%s: quote %zu found", name, k + 1)) {
		quote_list_free(&ql);
		return;
	}
	ok(ql.q[k].kind == kind, "%s: kind", name);
	is(ql.q[k].speaker, speaker, name);
	got = span(text, ql.q[k].start, ql.q[k].end);
	is(got, content, name);
	free(got);
	quote_list_free(&ql);
}

/* The one quote of text must have this role, or none when role is
 * NULL. */
static void
check_role(const char *text, const char *role, const char *name)
{
	struct quote_list	 ql;

	extract(text, &ql);
	if (ok(ql.n == 1, "%s: one quote", name)) {
		if (role != NULL)
			is(ql.q[0].role, role, name);
		else
			ok(ql.q[0].role == NULL, "%s: %s", name,
			    ql.q[0].role ? ql.q[0].role : "none");
	}
	quote_list_free(&ql);
}

/*
 * Messy text as crawls deliver it: other quotation marks than «», marks
 * nested in the English way, paragraphs run together.
 */
static void
check_messy(void)
{
	struct quote_list	 ql;
	const char		*t;

	check_one("«Мы сказали “нет” этому плану и не отступим», — заявил "
	    "Ерлан Сапаров.", 0, QUOTE_DIRECT, "Ерлан Сапаров",
	    "Мы сказали “нет” этому плану и не отступим",
	    "an inner “” inside «» does not close the quotation");
	check_one("“Мы готовы к переговорам. Всё уже сделано”, — сказал "
	    "Иван Петров.", 0, QUOTE_DIRECT, "Иван Петров",
	    "Мы готовы к переговорам. Всё уже сделано",
	    "English-style “” around two sentences");

	/* Paragraphs run together: the quote after "V:" ends where the
	 * report goes on in the past; a dash line of dialogue may hold
	 * several sentences, and so may its second part. */
	t = "Клуб «Жетысу» может исчезнуть. Главный тренер Асхат "
	    "Бекмуратов заявил: Нам сообщили, что клуб закрывается. "
	    "Скорее всего, следующий матч станет последним. 12 мая стало "
	    "известно, что клуб потерял спонсора. Команда была основана в "
	    "1995 году и дважды выигрывала кубок.";
	check_one(t, 0, QUOTE_DIRECT, "Асхат Бекмуратов",
	    "Нам сообщили, что клуб закрывается. Скорее всего, следующий "
	    "матч станет последним.",
	    "run-on paragraph: \"V: Text\" ends before a narrated sentence");
	t = "Суд начался в понедельник. — Работники могут отказаться от "
	    "прививки. Это их право, — говорит юрист Дана Сейтова. — Если "
	    "они только устраиваются, их могут не брать. Так записано в "
	    "законе. — Если же сотрудник продолжает работать, работодатель "
	    "заплатит штраф, — говорит юрист Марат Есенов.";
	check_one(t, 0, QUOTE_DIRECT, "Дана Сейтова",
	    "Работники могут отказаться от прививки. Это их право",
	    "run-on paragraph: a dash line of two sentences, then its "
	    "attribution");
	check_one(t, 1, QUOTE_DIRECT, "Дана Сейтова",
	    "Если они только устраиваются, их могут не брать. Так записано "
	    "в законе.",
	    "run-on paragraph: the part after the attribution runs to the "
	    "next dash");
	check_one(t, 2, QUOTE_DIRECT, "Марат Есенов",
	    "Если же сотрудник продолжает работать, работодатель заплатит "
	    "штраф",
	    "run-on paragraph: the next dash line is the next speaker's");

	/* Sentences run together with no point (a crawl lost a line
	 * break): the indirect pass and the subject search stop where
	 * the segmenter ends the sentence. */
	check_one("Айгуль Нурланова открыла школу для детей Как сообщила "
	    "она, ремонт завершен.", 0, QUOTE_INDIRECT, "Айгуль Нурланова",
	    "ремонт завершен",
	    "glued sentences: \"Как сообщила она\" opens the second one");
	check_one("Министр Ержан Сатпаев посетил новый завод.\n\n"
	    "Даурен Абаев провел встречу с рабочими Позже он заявил, что "
	    "зарплаты вырастут.", 0, QUOTE_INDIRECT, "Даурен Абаев",
	    "зарплаты вырастут",
	    "glued sentences: \"он\" is the subject of the sentence before");

	/* A point after an abbreviation ends no sentence for the subject
	 * search either. */
	check_one("Аким Ержан Сатпаев, родившийся в г. Темиртау, заявил, что "
	    "план выполнен.", 0, QUOTE_INDIRECT, "Ержан Сатпаев",
	    "план выполнен", "\"X, родившийся в г. Y, заявил\"");
	check_one("Айгуль Нурланова, директор школы в с. Ушкын, сообщила, "
	    "что ремонт завершен.", 0, QUOTE_INDIRECT, "Айгуль Нурланова",
	    "ремонт завершен", "\"X, директор школы в с. Y, сообщила\"");

	/* A quote paragraph and its attribution run together; a quote
	 * over two paragraphs run into one. */
	check_one("Совет собрался утром. «Перемен не будет. Мы продолжим "
	    "работу в прежнем составе...» заявил после заседания Нурлан "
	    "Сабитов. Затем он уехал.", 0, QUOTE_DIRECT, "Нурлан Сабитов",
	    "Перемен не будет. Мы продолжим работу в прежнем составе...",
	    "\"«Q.» заявил X\": the comma and the dash lost");
	t = "Совет собрался утром. «Перемен не будет, мы продолжим работу. "
	    "«Бюджет утвердят в мае, как и планировали», — сказал Нурлан "
	    "Сабитов. Затем он уехал в Астану.";
	check_one(t, 0, QUOTE_DIRECT, "Нурлан Сабитов",
	    "Перемен не будет, мы продолжим работу.",
	    "\"«Q1. «Q2», — V X\": the first part is X's");
	check_one(t, 1, QUOTE_DIRECT, "Нурлан Сабитов",
	    "Бюджет утвердят в мае, как и планировали",
	    "\"«Q1. «Q2», — V X\": and so is the second");
	ok(extract(t, &ql) == 2, "\"«Q1. «Q2», — V X\": two quotes, the "
	    "sentence after them none");
	quote_list_free(&ql);
	t = "Депутат Айгуль Серикова сказала: «Мы требуем отчёта. «Ответа "
	    "пока нет, но мы ждём его к марту». Заседание продолжится "
	    "завтра.";
	check_one(t, 0, QUOTE_DIRECT, "Айгуль Серикова", "Мы требуем отчёта",
	    "\"V: «Q1. «Q2».\": the first part after the colon");
	check_one(t, 1, QUOTE_DIRECT, "Айгуль Серикова",
	    "Ответа пока нет, но мы ждём его к марту",
	    "\"V: «Q1. «Q2».\": the second part continues it");

	/* A dash line in lower case after a quote is a footer. */
	t = "Пользователи сети пишут: «Это провал, и все это видят».\n\n"
	    "- оперативная информация о событиях в мире и комментарии к "
	    "ним.";
	ok(extract(t, &ql) == 1, "a dash line in lower case after a quote "
	    "continues no dialogue");
	quote_list_free(&ql);

	/* A quotation mark that does not close. */
	check_one("Совет собрался утром. Аким Ерлан Сапаров сказал: «Мост "
	    "построят к лету, деньги уже есть. Подрядчик выбран. 12 марта "
	    "стало известно, что подрядчик сменился. Работы начались в 2020 "
	    "году.", 0, QUOTE_DIRECT, "Ерлан Сапаров",
	    "Мост построят к лету, деньги уже есть. Подрядчик выбран.",
	    "\"V: «Q\" with no closing mark ends where the report goes on");
	check_one("«Мост построят к лету, деньги уже есть. Подрядчик уже "
	    "выбран.\n\n«Работы начнутся в марте», — сказал аким Ерлан "
	    "Сапаров.", 0, QUOTE_DIRECT, "Ерлан Сапаров",
	    "Мост построят к лету, деньги уже есть. Подрядчик уже выбран.",
	    "a quote over two paragraphs still takes the attribution of "
	    "the one that closes it");

	/* The attribution cut off into a paragraph of its own. */
	check_one("Строители вышли на объект.\n\n«Мост построят к лету, деньги "
	    "уже есть».\n\n— заявил аким района Ерлан Сапаров.", 0,
	    QUOTE_DIRECT, "Ерлан Сапаров",
	    "Мост построят к лету, деньги уже есть",
	    "\"«Q».\" then a paragraph \"— заявил X.\"");
	check_one("Строители вышли на объект.\n\n«Мост построят к лету, деньги "
	    "уже есть»,\n\n— заявил аким района Ерлан Сапаров.", 0,
	    QUOTE_DIRECT, "Ерлан Сапаров",
	    "Мост построят к лету, деньги уже есть",
	    "\"«Q»,\" then a paragraph \"— заявил X.\"");
	check_one("Строители вышли на объект.\n\n«Мост построят к лету, деньги "
	    "уже есть», —\n\nзаявил аким района Ерлан Сапаров.", 0,
	    QUOTE_DIRECT, "Ерлан Сапаров",
	    "Мост построят к лету, деньги уже есть",
	    "\"«Q», —\" then a paragraph \"заявил X.\"");

	/* Double marks written with single ones. */
	check_one("''Мы готовы к переговорам'', — сказал Иван Петров.", 0,
	    QUOTE_DIRECT, "Иван Петров", "Мы готовы к переговорам",
	    "two apostrophes are a double mark");
	check_one("‹Мы готовы к переговорам›, — сказал Иван Петров.", 0,
	    QUOTE_DIRECT, "Иван Петров", "Мы готовы к переговорам",
	    "‹› are «»");

	/* A medium relays a person, the two names in one run of
	 * capitals. */
	check_one("«Мы готовы к работе и ждём решения», — цитирует ИА Regnum "
	    "Минченко.", 0, QUOTE_DIRECT, "Минченко",
	    "Мы готовы к работе и ждём решения",
	    "\"— цитирует ИА Regnum X\": X after the medium's name");
	check_one("«Мы готовы к работе и ждём решения», — цитирует ТАСС "
	    "Евгения Минченко.", 0, QUOTE_DIRECT, "Евгений Минченко",
	    "Мы готовы к работе и ждём решения",
	    "\"— цитирует ТАСС X\": the same with a name in capitals");
	check_one("«Мы готовы к работе и ждём решения», — приводит «РИА "
	    "Новости» слова Ерлана Жаксыбекова.", 0, QUOTE_DIRECT,
	    "Ерлан Жаксыбеков", "Мы готовы к работе и ждём решения",
	    "\"— приводит «РИА Новости» слова X\": the medium's name in "
	    "marks is no person");

	/* Lines wrapped inside a paragraph. */
	t = "Аким области Ерлан Жаксыбеков заявил, что\nмост через реку "
	    "откроют\nв мае. Работы идут по плану, и\nподрядчик "
	    "успевает.\n\nДругой абзац.";
	check_one(t, 0, QUOTE_INDIRECT, "Ерлан Жаксыбеков",
	    "мост через реку откроют\nв мае",
	    "a clause wrapped over lines is whole");
}

/*
 * A speaker whose first name the list knows has that name's gender,
 * whatever verbs near the name say: below, a feminine verb in a relative
 * clause once made the minister female, and the archive then kept him
 * apart from his other quotes.
 */
static void
check_first_name_gender(void)
{
	static const char *const texts[] = {
		"Во время визита в Павлодар министр Ерлан Сейткали "
		"встретился с матерью студентки Айгуль Нурлановой, которая "
		"также попросила его о помощи семье.\n\n"
		"«Все вопросы решим», — сказал министр Ерлан Сейткали.",
		"«Музей откроется весной», — сообщила директор музея Динара "
		"Оспанова.\n\nПо словам Динары Оспановой, экспозиция "
		"готова."
	};
	struct quote_list	 ql;
	enum gender		 want;
	char			*f, *sp;
	size_t			 i, k, checked = 0, wrong = 0;

	for (i = 0; i < sizeof(texts) / sizeof(texts[0]); i++) {
		extract(texts[i], &ql);
		for (k = 0; k < ql.n; k++) {
			if (ql.q[k].speaker == NULL ||
			    strchr(ql.q[k].speaker, ' ') == NULL)
				continue;
			f = fold_name(ql.q[k].speaker);
			if ((sp = strchr(f, ' ')) != NULL)
				*sp = '\0';
			want = speakers_first_gender(lx, f);
			free(f);
			if (want == GENDER_UNKNOWN)
				continue;
			checked++;
			if (ql.q[k].gender != want) {
				wrong++;
				tap_diag("%s: %s", ql.q[k].speaker,
				    gender_name(ql.q[k].gender));
			}
		}
		quote_list_free(&ql);
	}
	ok(checked >= 3 && wrong == 0, "a known first name gives the "
	    "speaker's gender (%zu quotes checked, %zu wrong)", checked,
	    wrong);
}

/* A missing list is reported as FILE: reason, a malformed one as
 * FILE:LINE: reason. */
static void
check_lexicon_errors(void)
{
	struct lexicon	*bad;
	char		 dir[] = "/tmp/t_quotes.XXXXXX", *path, *cause = NULL;
	FILE		*f;

	bad = lexicon_load("/nonexistent/lexicon", &cause);
	ok(bad == NULL && cause != NULL && strstr(cause, "verbs.txt: ") !=
	    NULL, "a missing list is an error naming the file");
	free(cause);
	cause = NULL;
	if (mkdtemp(dir) == NULL)
		return;
	path = xasprintf("%s/verbs.txt", dir);
	if ((f = fopen(path, "w")) != NULL) {
		fputs("# a comment\nсказал\tc\nзаяв(ил|ила\tc\n", f);
		fclose(f);
	}
	bad = lexicon_load(dir, &cause);
	ok(bad == NULL && cause != NULL && strstr(cause, "verbs.txt:3: "
	    "unclosed (") != NULL, "a malformed line is reported with its "
	    "number");
	if (cause != NULL)
		tap_diag("%s", cause);
	free(cause);
	remove(path);
	rmdir(dir);
	free(path);
}

int
main(void)
{
	const char		*dir = getenv("CITATA_DATADIR");
	char			*path, *cause = NULL, *got;
	struct quote_list	 ql;
	const char		*t;
	size_t			 i, n, bad;

	path = xasprintf("%s/lexicon", dir != NULL ? dir : "data");
	if ((lx = lexicon_load(path, &cause)) == NULL) {
		printf("1..0 # SKIP no lexicon: %s\n", cause);
		free(cause);
		free(path);
		return 0;
	}
	free(path);

	check_one("«Работы идут по графику», — сказал аким района Марат "
	    "Ахметов.", 0, QUOTE_DIRECT, "Марат Ахметов",
	    "Работы идут по графику", "quote then dash and attribution");
	t = "— Школу откроем в сентябре, — подчеркнул Нурлан Жумабеков. "
	    "— Осталось немного.";
	check_one(t, 0, QUOTE_DIRECT, "Нурлан Жумабеков",
	    "Школу откроем в сентябре", "dash dialogue, first part");
	check_one(t, 1, QUOTE_DIRECT, "Нурлан Жумабеков", "Осталось немного.",
	    "dash dialogue, part after the attribution");
	check_one("Аким Ерлан Булатов отметил, что котельные готовы к зиме.",
	    0, QUOTE_INDIRECT, "Ерлан Булатов", "котельные готовы к зиме",
	    "что-clause without its final period");
	check_one("По словам Марии Захаровой, переговоры продолжатся.", 0,
	    QUOTE_INDIRECT, "Мария Захарова", "переговоры продолжатся",
	    "по словам with a genitive feminine name");
	check_one("Иван Петров рассказал о новых планах.\n\nМария Петрова "
	    "заявила, что планов нет.\n\nОн отметил, что планы есть.", 2,
	    QUOTE_INDIRECT, "Иван Петров", "планы есть",
	    "a pronoun agrees in gender with its person");
	check_one("Серик Беркамалов выступил на форуме.\n\n— Закон нужен "
	    "всем, — отметил он.", 0, QUOTE_DIRECT, "Серик Беркамалов",
	    "Закон нужен всем", "a pronoun refers to the person named before");
	check_one("Ерболат Закиров подчеркнул значение реформ для школ."
	    "\n\n— Молодёжь готова, — считает партийный деятель.", 1,
	    QUOTE_DIRECT,
	    "Ерболат Закиров", "Молодёжь готова",
	    "a role noun refers to the person named before");

	/* The article's people: one person under every form of the name,
	 * pronouns and role nouns resolved by who the text is about. */
	t = "Министр обороны Греции встретился с гостями. Встречу главы "
	    "ведомства Паноса Камменоса с послом описали коротко.\n\n"
	    "Ситуация сложная, сообщил Камменос.";
	check_one(t, 0, QUOTE_INDIRECT, "Панос Камменос", "Ситуация сложная",
	    "an oblique full name and a nominative surname make one "
	    "nominative name");
	t = "Первым об угрозе заговорил бывший советник Даррен Уэйд. Он "
	    "утверждал, что выборы сорвут. Такие планы, по мнению Уэйда, "
	    "знакомы по странам, где правили Виктор Орлов и Борис Ким. "
	    "Он утверждает, что всё повторится.";
	check_one(t, 2, QUOTE_INDIRECT, "Даррен Уэйд", "всё повторится",
	    "a pronoun finds the person the text is about, not the last "
	    "name it passed");
	t = "Это сказала Мишель Ларю.\n\nПервая леди в интервью "
	    "телеведущей Анне Орловой, показанном в эфире вчера, выразила "
	    "мнение, что эпоха завершилась.";
	check_one(t, 0, QUOTE_INDIRECT, "Мишель Ларю", "эпоха завершилась",
	    "a role noun is not a person named between it and its verb");
	t = "Как сообщил руководитель службы \"Первого канала\" Илья "
	    "Петров, сделка заключена.";
	extract(t, &ql);
	if (ok(ql.n == 1, "a quote after a title in straight quotes")) {
		got = span(t, ql.q[0].mention_start, ql.q[0].mention_end);
		is(got, "Илья Петров", "a straight quotation mark glued to the "
		    "word before closes: the name after it is the mention");
		free(got);
	}
	quote_list_free(&ql);
	/* Where a content ends, and cues of unseen kinds. */
	t = "Астана считает, что долг составляет сто миллионов, а Ташкент "
	    "уверен, что долга нет.";
	check_one(t, 0, QUOTE_INDIRECT, "Астана",
	    "долг составляет сто миллионов", "a clause ends before \"а\" "
	    "and another subject's cue");
	check_one(t, 1, QUOTE_INDIRECT, "Ташкент", "долга нет",
	    "and the second subject has its own quote");
	check_one("Министр Арман Сеитов рассказал о новых школах района и "
	    "посетил стройку.", 0, QUOTE_INDIRECT, "Арман Сеитов",
	    "новых школах района", "a topic ends before a coordinated verb");
	check_one("Президент Касым Ибраев поручил правительству разработать "
	    "план.", 0, QUOTE_INDIRECT, "Касым Ибраев",
	    "правительству разработать план", "поручил with an infinitive");
	check_one("Депутаты повторяют старые тезисы, обвиняя министров в "
	    "провале реформы.", 0, QUOTE_INDIRECT, "депутаты",
	    "министров в провале реформы", "a gerund shares the subject of "
	    "its clause");
	check_one("Вчера выступил министр Ержан Алиев, который заявил, что "
	    "школ хватит.", 0, QUOTE_INDIRECT, "Ержан Алиев", "школ хватит",
	    "the subject \"который\" is the noun before it");
	check_one("Агентство сообщило со ссылкой на источники в "
	    "правительстве Чили, что переговоры продолжатся.", 0,
	    QUOTE_INDIRECT, "источники в правительстве Чили",
	    "переговоры продолжатся", "\"сообщило со ссылкой на X\": X "
	    "speaks");
	t = "Участники митинга несли флаги и скандировали: «Земля наша!» "
	    "и «Нет свалке у реки!». Потом они разошлись.";
	check_one(t, 0, QUOTE_DIRECT, "участники митинга", "Земля наша!",
	    "a colon quote's speaker is the subject of the verb before it");
	check_one(t, 1, QUOTE_DIRECT, "участники митинга",
	    "Нет свалке у реки!", "quotes joined by \"и\" after a colon "
	    "have one source");
	check_one("Вот некоторые комментарии жителей района по этому поводу: "
	    "«Наконец-то построили дорогу».", 0, QUOTE_DIRECT,
	    "жители района", "Наконец-то построили дорогу",
	    "\"комментарии X:\" gives the words of X, in the nominative");
	check_one("Он напомнил об этом. \"Хватит говорить про \"руку "
	    "Москвы\", \"угрозы\" и прочее. Это уже опасно\", - написала "
	    "Айгуль Серикова.", 0, QUOTE_DIRECT, "Айгуль Серикова",
	    "Хватит говорить про \"руку Москвы\", \"угрозы\" и прочее. "
	    "Это уже опасно", "straight quotation marks nest");
	check_one("«Это мечта», — сказал один из зрителей, 60-летний Хоакин "
	    "Ортис.", 0, QUOTE_DIRECT, "Хоакин Ортис", "Это мечта",
	    "a name in apposition after a comma is the speaker");
	t = "Скульптор Тимур Ахметов открыл выставку в Костанае. Её "
	    "посетил аким города Нурлан Сеитов.\n\nПо мнению скульптора, "
	    "бронза долговечнее мрамора.";
	check_one(t, 0, QUOTE_INDIRECT, "Тимур Ахметов",
	    "бронза долговечнее мрамора", "a role noun finds the person "
	    "the article gave that role");
	check_role(t, "скульптор", "the role is the phrase before the "
	    "name");
	t = "Ранее министр Хайко Ланц заявил, что проект важен.\n\n"
	    "Президент Богдан Лысенко предостерег партнеров. В качестве "
	    "альтернативы он предложил модернизацию сети.";
	check_one(t, 1, QUOTE_INDIRECT, "Богдан Лысенко",
	    "модернизацию сети", "a pronoun is the subject of the sentence "
	    "before, not an earlier speaker");
	t = "Бюджетная авиакомпания AirAsta Holdings отменила рейсы. Как "
	    "сообщила авиакомпания, пассажиры получат деньги.";
	check_one(t, 0, QUOTE_INDIRECT, "AirAsta", "пассажиры получат деньги",
	    "a generic noun is the body the article named so, without its "
	    "legal form");
	check_one("Генсек ООН Пан Ги Мун выразил надежду на то, что выборы "
	    "пройдут мирно.", 0, QUOTE_INDIRECT, "Пан Ги Мун",
	    "выборы пройдут мирно", "three short words make one name; "
	    "\"надежду на то, что\" starts at что");
	check_one("Старт намечен на май, но как отметил министр Арман Сеитов, "
	    "сроки могут сместиться.", 0, QUOTE_INDIRECT, "Арман Сеитов",
	    "сроки могут сместиться", "\"но как отметил X, C\" reports C");
	check_one("Школьники Арман Бекбаев и Борис Ким сообщили о своем "
	    "открытии банку.", 0, QUOTE_INDIRECT, "Арман Бекбаев и Борис Ким",
	    "своем открытии банку", "names joined by \"и\" are one group "
	    "speaker");
	check_one("Представители Казахстана, Киргизии и Узбекистана объявили "
	    "о новом соглашении.", 0, QUOTE_INDIRECT, "представители "
	    "Казахстана, Киргизии и Узбекистана", "новом соглашении",
	    "an enumeration of countries stays in its group");
	check_one("Асия Ким вышла на свободу. Муж Ким признался, что семья "
	    "боится.", 0, QUOTE_INDIRECT, "муж Ким", "семья боится",
	    "\"муж X\" is the husband, not X");
	check_one("\"Мы уедем\", - заявил адвокат Саиф уль-Малук.", 0,
	    QUOTE_DIRECT, "Саиф уль-Малук", "Мы уедем", "a name keeps its "
	    "lower-case particle");
	check_role("По словам главного врача больницы Асылбека Нурланова, "
	    "мест хватит.", "главный врач больницы", "the role of an "
	    "oblique name in the nominative, its complement as written");
	check_role("По словам американского посла Джона Смита, визы выдадут.",
	    "американский посол", "\"посла\": a role whose nominative the "
	    "list gives");
	check_role("Рынок вырастет, сообщил генеральный директор компании "
	    "Kazakh Digital Ерлан Касымов.", "генеральный директор компании "
	    "Kazakh Digital", "a name in Latin letters is a complement of "
	    "the role");
	check_role("«Мы ждали мост пять лет», — рассказала жительница Алматы "
	    "Айгерим.", "жительница Алматы", "a first name in -им alone "
	    "after a role is the name, the role before it hers");
	check_role("Бауыржан Байбек, аким Алматы, заявил, что метро продлят.",
	    "аким Алматы", "a role in commas after the subject's name");
	check_role("Айгуль Серикова, назвавшаяся матерью погибшего, заявила, "
	    "что ждет суда.", NULL, "a participle in commas is no role");
	check_role("Директором фонда Digital Steppe назначен 39-летний Ерлан "
	    "Касымов. «Работы много», — сказал Касымов.", NULL, "a short "
	    "participle (\"назначен\") is the predicate, no part of a "
	    "role");
	check_role("Новым главой министерства стал Иван Котов. «Работы "
	    "много», — сказал Котов.", NULL, "\"новым главой министерства "
	    "стал\" is no role of the name");
	check_role("Демократы Иван Котов и Олег Смирнов выступили. «Мы "
	    "против», — сказал Котов.", NULL, "a plural role is no one's");
	t = "ФК «Кайрат» объявил об уходе тренера:\n\nВ заявлении клуба "
	    "говорится:\n\nТренер покинул клуб по собственному желанию.";
	check_one(t, 0, QUOTE_DIRECT, "клуб",
	    "Тренер покинул клуб по собственному желанию.",
	    "the last of two colon intros introduces the quote");
	t = "В министерстве сообщили о гибели командира:\n\nГибель "
	    "командира также подтвердили местные источники.";
	check_one(t, 0, QUOTE_INDIRECT, "местные источники",
	    "Гибель командира", "object, verb, subject: the content is "
	    "before the verb, and it is no quote of the intro before it");
	check_one("Тренер Юрген Клинсберг (Jurgen Klinsberg) назвал Ивана "
	    "Лемова первым вратарём.", 0, QUOTE_INDIRECT, "Юрген Клинсберг",
	    "Ивана Лемова первым вратарём", "a gloss in parentheses between "
	    "subject and verb");
	check_one("Клуб «Кайрат» считает решение тренера ошибочным, но "
	    "принимает его.", 0, QUOTE_INDIRECT, "клуб «Кайрат»",
	    "решение тренера ошибочным", "\"считает X Y\": an object and "
	    "its predicate, up to the contrast");
	t = "Аким Ерлан Булатов заявил, что дороги готовы: «Мы закончили "
	    "ремонт».";
	check_one(t, 0, QUOTE_INDIRECT, "Ерлан Булатов", "дороги готовы",
	    "\"заявил, что C: «Q»\" gives the indirect C");
	check_one(t, 1, QUOTE_DIRECT, "Ерлан Булатов", "Мы закончили ремонт",
	    "and the direct Q");
	t = "Обвиняемый признал себя виновным по всем эпизодам.";
	ok(extract(t, &ql) == 0, "\"признал себя виновным\" is a plea, "
	    "no quote");
	quote_list_free(&ql);
	t = "Отставку министра «Курсив» объяснил тем, что президент "
	    "Касым Ибраев поручил чиновникам уйти из советов директоров.";
	check_one(t, 0, QUOTE_INDIRECT, "Касым Ибраев",
	    "чиновникам уйти из советов директоров", "a medium relaying is "
	    "no speaker, the words it relays are a quote");
	check_one("После приговора прибывшие в зал студенты ответили, что "
	    "решение справедливо.", 0, QUOTE_INDIRECT, "студенты",
	    "решение справедливо", "\"После\" at a sentence's start is no "
	    "ambassador (посол)");
	t = "Генеральный директор Арман Жумабаев сказал, что деятельность "
	    "фонда прозрачна.";
	extract(t, &ql);
	if (ok(ql.n == 1, "one quote"))
		is(ql.q[0].role, "генеральный директор", "a role with its "
		    "adjective");
	quote_list_free(&ql);
	check_one("Прокуратура города Павлодар обвинила директора в "
	    "хищении.", 0, QUOTE_INDIRECT, "прокуратура города Павлодар",
	    "директора в хищении", "a place after a body's noun is its "
	    "complement, not the speaker");
	check_one("Адвокат Маркина заявил, что его подзащитный невиновен. "
	    "«Я невиновен», — сказал Маркин.", 0, QUOTE_INDIRECT, "адвокат Маркина",
	    "его подзащитный невиновен", "an unnamed speaker described by "
	    "another's name is not merged with that person");
	t = "«Это мечта», — сказал зритель Хоакин Ортис. «Я счастлив», — "
	    "добавил Хоакин.";
	check_one(t, 1, QUOTE_DIRECT, "Хоакин Ортис", "Я счастлив",
	    "a lone first name is the person named in full before");
	check_one("В ответ в НАКе сообщили, что решение временное.", 0,
	    QUOTE_INDIRECT, "НАК", "решение временное", "a body named as a "
	    "place comes back from the locative");
	t = "Бюджетная авиакомпания AirAsta сообщила о росте. Перевозчик "
	    "подчеркивает, что пассажиры довольны.";
	check_one(t, 0, QUOTE_INDIRECT, "AirAsta", "пассажиры довольны",
	    "\"перевозчик\" is the company named before");
	check_one("По словам Урсулы фон дер Ляйен, переговоры продолжатся.",
	    0, QUOTE_INDIRECT, "Урсула фон дер Ляйен",
	    "переговоры продолжатся", "a name keeps its particles");
	check_one("Президент Андрес Мануэль Лопес Обрадор заявил, что стена "
	    "не нужна.", 0, QUOTE_INDIRECT, "Андрес Мануэль Лопес Обрадор",
	    "стена не нужна", "four words after a known first name");
	t = "Аким Ерлан Ахметов пообещал отремонтировать дорогу. Жители "
	    "остались довольны. По их словам, дорогу ждали десять лет.";
	check_one(t, 1, QUOTE_INDIRECT, "жители", "дорогу ждали десять лет",
	    "\"их\" is the group named as a subject before");
	t = "Министр Арман Сеитов ответил на вопросы.\n\n— Как вы "
	    "оцениваете ситуацию?\n\n— Ситуация стабильная.\n\n— Когда "
	    "закончится ремонт?\n\n— К осени.";
	extract(t, &ql);
	ok(ql.n == 2, "an interview: the answers are quotes, the questions "
	    "not");
	if (ql.n == 2)
		is(ql.q[1].speaker, "Арман Сеитов", "an answer is the words "
		    "of the person interviewed");
	quote_list_free(&ql);
	check_one("Пара объявила о помолвке. По словам невесты Мако, "
	    "свадьба будет летом.", 0, QUOTE_INDIRECT, "Мако",
	    "свадьба будет летом", "a common noun opening a sentence "
	    "(\"Пара\") is no name");
	check_one("«Я хотел бы остаться», — заявил голландец.", 0,
	    QUOTE_DIRECT, "голландец", "Я хотел бы остаться", "a noun no "
	    "list knows, after the verb, is an unnamed speaker");
	check_one("Люди утверждают, что раньше было иначе.", 0,
	    QUOTE_INDIRECT, "люди", "раньше было иначе", "a plural noun no "
	    "list knows, before a plural verb");
	t = "Памятник открыл биограф инженера Фредерик Олесси. «Это был "
	    "потрясающий момент», — рассказал биограф.";
	check_one(t, 0, QUOTE_DIRECT, "Фредерик Олесси",
	    "Это был потрясающий момент", "such a noun is the person the "
	    "article gave it as a role");
	check_one("Путин публично заявил, что структура нуждается в "
	    "расширении прав.", 0, QUOTE_INDIRECT, "Путин",
	    "структура нуждается в расширении прав", "a name opening a "
	    "sentence before an adverb and a verb");
	check_one("Санкции не помогут. Об этом заявила РИА Новости "
	    "официальный представитель МИД Мария Захарова.", 0,
	    QUOTE_INDIRECT, "Мария Захарова", "Санкции не помогут",
	    "a medium after the verb is only its addressee");
	check_one("Эксперты уверены: санкции не помогут.", 0, QUOTE_INDIRECT,
	    "эксперты", "санкции не помогут", "a colon with no quotation "
	    "marks after it");
	check_one("По словам одного из советников губернатора, отставка "
	    "решена.", 0, QUOTE_INDIRECT, "один из советников губернатора",
	    "отставка решена", "\"один из X\" is one of them, X as "
	    "written");
	check_one("«Судьи ошиблись», — говорит одна из гимнасток.", 0,
	    QUOTE_DIRECT, "одна из гимнасток", "Судьи ошиблись",
	    "\"одна из X\" after the verb");
	check_one("Все это, по мнению некоторых радикальных феминисток, "
	    "несправедливо.", 0, QUOTE_INDIRECT, "радикальные феминистки",
	    "Все это, по мнению некоторых радикальных феминисток, "
	    "несправедливо", "a group no list knows, back in the nominative, "
	    "without \"некоторых\"");
	check_one("В своей речи депутаты постоянно подчеркивали, что закон "
	    "нужен.", 0, QUOTE_INDIRECT, "депутаты", "закон нужен",
	    "an adverb between subject and verb");
	check_one("Графиня Уварова, многолетний председатель общества, "
	    "говорила: «Наука требует денег».", 0, QUOTE_DIRECT,
	    "Графиня Уварова", "Наука требует денег", "a role in commas "
	    "between the subject and its verb");
	check_one("США неоднократно заявляли о желании продавать газ.", 0,
	    QUOTE_INDIRECT, "США", "желании продавать газ", "a country "
	    "abbreviation is a subject, not a word to skip");
	check_one("Страна провела испытание ракеты, о чем публично заявил "
	    "премьер-министр Нарендра Моди.", 0, QUOTE_INDIRECT,
	    "Нарендра Моди", "Страна провела испытание ракеты",
	    "\"A, о чем заявил X\": the clause before");
	check_one("«Как вам угодно», — с поклоном сказал швейцар.", 0,
	    QUOTE_DIRECT, "швейцар", "Как вам угодно", "a phrase of manner "
	    "between the dash and the verb");
	check_one("Государь улыбнулся и сказал: «Помню».", 0, QUOTE_DIRECT,
	    "Государь", "Помню", "one word after \"сказал:\"");
	t = "Её неоднократно критиковали за резкие слова.";
	ok(extract(t, &ql) == 0, "a plural verb without a subject names "
	    "nobody");
	quote_list_free(&ql);
	check_one("Участники круглого стола затронули вопросы экологии.", 0,
	    QUOTE_INDIRECT, "участники круглого стола", "вопросы экологии",
	    "a group speaks for itself, in lower case");

	check_one("Завод обещал снизить цены на сталь. Об этом рассказал "
	    "директор завода Олег Смирнов.", 0, QUOTE_INDIRECT,
	    "Олег Смирнов", "Завод обещал снизить цены на сталь",
	    "\"Об этом рассказал X\" after a body's speech act: X's");
	check_one("Губернатор Иван Котов посетил мечеть. Местный имам "
	    "заявил, что прихожане довольны.", 0, QUOTE_INDIRECT,
	    "местный имам", "прихожане довольны", "a role no one holds, "
	    "\"местный\": someone new, not the last person named");
	check_one("Накануне Котов заявил, что дорогу откроют в мае.", 0,
	    QUOTE_INDIRECT, "Котов", "дорогу откроют в мае",
	    "an adverb opening the sentence is no part of the name");

	check_one("Бондаренко заявил, что мост откроют в мае.", 0,
	    QUOTE_INDIRECT, "Бондаренко", "мост откроют в мае",
	    "a surname in -нко opening a sentence is no adverb");
	check_one("Как заявил и. о. главы района Олег Смирнов, дорогу "
	    "откроют в мае.", 0, QUOTE_INDIRECT, "Олег Смирнов",
	    "дорогу откроют в мае", "\"и. о.\" inside the role");
	check_one("Министр назвал это решение ошибкой.", 0, QUOTE_INDIRECT,
	    "министр", "это решение ошибкой", "\"назвал это X Y\" says "
	    "something of it");
	t = "Министр подтвердил это решение.";
	ok(extract(t, &ql) == 0, "\"подтвердил это решение\" is only "
	    "anaphoric");
	quote_list_free(&ql);
	check_one("Писатель отказался от премии, объяснив это тем, что "
	    "жюри пристрастно.", 0, QUOTE_INDIRECT, "писатель",
	    "жюри пристрастно", "a gerund after a comma shares the "
	    "subject of its clause");

	check_one("В опубликованном вчера заявлении Министерства финансов "
	    "Казахстана отмечается, что налоги не вырастут.", 0,
	    QUOTE_INDIRECT, "Министерство финансов Казахстана",
	    "налоги не вырастут", "\"В заявлении X отмечается, что\": X "
	    "in the nominative, with its capital and country");
	t = "В своем заявлении отмечается, что налоги не вырастут.";
	ok(extract(t, &ql) == 0, "a statement without its source names "
	    "nobody");
	quote_list_free(&ql);
	check_one("Профсоюз возлагал вину на дирекцию, настаивая, что "
	    "зарплаты задерживают.", 0, QUOTE_INDIRECT, "профсоюз",
	    "зарплаты задерживают", "\"настаивая, что\": a gerund of the "
	    "lists");
	check_one("По заявлениям самого тренера, команда готова к матчу.", 0,
	    QUOTE_INDIRECT, "тренер", "команда готова к матчу",
	    "\"по заявлениям самого X\"");

	check_one("Отставка министра говорит о начале кризиса, заявила "
	    "Анна Котова.", 0, QUOTE_INDIRECT, "Анна Котова",
	    "Отставка министра говорит о начале кризиса", "a thing that "
	    "\"говорит о\" speaks only figuratively");
	check_one("Иван Котов вышел к людям. «Прошу вас, расходитесь по "
	    "домам», — обратился он к собравшимся.", 0, QUOTE_DIRECT,
	    "Иван Котов", "Прошу вас, расходитесь по домам",
	    "\"обратился\" attributes a quotation");
	check_one("Еще одно признание Котова: «Я никогда не любил спорт».",
	    0, QUOTE_DIRECT, "Котов", "Я никогда не любил спорт",
	    "\"признание X:\" before a quotation");

	check_one("Говоря о бюджете, министр подчеркнул, что расходы "
	    "сократят.", 0, QUOTE_INDIRECT, "министр", "расходы сократят",
	    "a gerund opening the sentence is no cue; the verb after it is");
	check_one("Зеленский тогда заявил, что переговоры продолжатся.", 0,
	    QUOTE_INDIRECT, "Зеленский", "переговоры продолжатся",
	    "a surname shaped like an adjective, a stop word, the verb");
	check_one("«Ключи у меня», — сказал сторож и пошел к воротам.", 0,
	    QUOTE_DIRECT, "сторож", "Ключи у меня", "the speaker before "
	    "\"и\" and a second verb");
	check_one("«Это было красиво», — описала вечер зрительница.", 0,
	    QUOTE_DIRECT, "зрительница", "Это было красиво", "an object "
	    "between the verb and the speaker");
	check_one("Жители, хорошо помнившие старый мост, утверждают, что он "
	    "был шире.", 0, QUOTE_INDIRECT, "жители", "он был шире",
	    "an adverb opening a participial clause in commas");
	t = "Он сказал, что мост откроют в мае.";
	ok(extract(t, &ql) == 1 && ql.q[0].speaker == NULL,
	    "a pronoun with nobody before it: the quote, with no speaker");
	quote_list_free(&ql);

	t = "Источники в министерстве утверждают, что налоги снизят.";
	ok(extract(t, &ql) == 1 && ql.q[0].speaker_kind == SPEAKER_GROUP,
	    "sources, unnamed and several, are a group");
	quote_list_free(&ql);
	t = "Источники в министерстве утверждают, что налоги снизят. "
	    "Собеседник агентства добавил, что решение уже принято.";
	ok(extract(t, &ql) == 2 && ql.q[1].speaker != NULL &&
	    strcmp(ql.q[1].speaker, "источники в министерстве") == 0,
	    "\"собеседник агентства\" refers back to those sources");
	quote_list_free(&ql);
	t = "Иван Котов дал интервью.\n\n— Вы довольны?\n\n"
	    "— Да, вполне доволен итогами года.";
	ok(extract(t, &ql) == 1 && ql.q[0].speaker != NULL &&
	    strcmp(ql.q[0].speaker, "Иван Котов") == 0, "\"— Да, ...\" "
	    "is an answer, not an attribution line naming \"Да\"");
	quote_list_free(&ql);

	check_one("По словам его сестры Алии Маратовой он уехал в мае.", 0,
	    QUOTE_INDIRECT, "Алия Маратова", "он уехал в мае",
	    "\"по словам X\" without a comma: the source ends with its "
	    "name");
	t = "По словам Ивана Котова Казахстан готов.";
	ok(extract(t, &ql) == 0, "\"по словам\", a name and another "
	    "capital without a comma: no guess at where it ends");
	quote_list_free(&ql);

	check_one("В правоохранительных органах сообщили, что свидетелей "
	    "нет.", 0, QUOTE_INDIRECT, "правоохранительные органы",
	    "свидетелей нет", "plural bodies in the prepositional");
	check_one("Мост закроют на ремонт в мае. Аким района Иван Котов "
	    "сообщил об этом журналистам.", 0, QUOTE_INDIRECT, "Иван Котов",
	    "Мост закроют на ремонт в мае", "\"X сообщил об этом\": the "
	    "sentence before");
	check_one("Аким уведомил жителей о начале ремонта дороги.", 0,
	    QUOTE_INDIRECT, "аким", "начале ремонта дороги", "the topic "
	    "after an addressee");
	t = "Мост закроют на ремонт в мае. Аким подумал об этом.";
	ok(extract(t, &ql) == 0, "\"подумал об этом\" reports nothing");
	quote_list_free(&ql);

	check_one("Алия Маратова, в прошлом возглавлявшая банк Ивана "
	    "Котова, который уехал, заявила, что цены вырастут.", 0,
	    QUOTE_INDIRECT, "Алия Маратова", "цены вырастут", "two clauses "
	    "in commas between the subject and its verb");
	check_one("Вчера по радио выступил Иван Котов и рассказал, что мост "
	    "откроют.", 0, QUOTE_INDIRECT, "Иван Котов", "мост откроют",
	    "\"выступил X и рассказал\": X after the first verb");
	check_one("Президент поддержал сенатора Джона Керри. Ранее Керри "
	    "встречался с президентом Сирии Башаром Асадом.\n\nКерри сыграл "
	    "видную роль в переговорах.\n\n«Мы договоримся», — заявил он.",
	    0, QUOTE_DIRECT, "Джон Керри", "Мы договоримся", "a lone "
	    "subject that is the last word of a name seen before is a "
	    "mention of that person, so the pronoun finds him");
	check_one("Министр Алия Маратова заявила, что Ерлан Касымов уйдет, "
	    "в ответ Касымов назвал ее слова ошибкой.", 0, QUOTE_INDIRECT,
	    "Алия Маратова", "Ерлан Касымов уйдет", "\", в ответ X "
	    "назвал\": a new subject and its speech verb end the content");
	check_one("Министр Алия Маратова заявила, что Ерлан Касымов уйдет, "
	    "в ответ Касымов назвал ее слова ошибкой.", 1, QUOTE_INDIRECT,
	    "Ерлан Касымов", "ее слова ошибкой", "\", в ответ X назвал\": "
	    "and make a quote of their own");
	check_one("Министр Алия Маратова заявила, что Ерлан Касымов уйдет, "
	    "а Касымов назвал ее слова ошибкой.", 1, QUOTE_INDIRECT,
	    "Ерлан Касымов", "ее слова ошибкой", "\", а X назвал\" too");
	check_one("Прокурор требовал домашнего ареста (того же требовал и "
	    "адвокат), суд решил иначе.", 0, QUOTE_INDIRECT, "прокурор",
	    "домашнего ареста", "an object ends before a parenthesis with a "
	    "clause of its own, and \"и\" after the verb opens no object");
	ok(extract("Прокурор требовал домашнего ареста (того же требовал и "
	    "адвокат), суд решил иначе.", &ql) == 1,
	    "\"того же требовал и адвокат\" reports nothing more");
	quote_list_free(&ql);
	check_one("Аким Марат Оспанов объявил о своей отставке за несколько "
	    "часов до того, как сессия началась.", 0, QUOTE_INDIRECT,
	    "Марат Оспанов", "своей отставке", "a topic ends before \"за "
	    "несколько часов до\"");
	check_one("Цены на яблоки не вырастут, сообщил РИА Новости управляющий "
	    "партнер консалтингового агентства Fruit and Market Research "
	    "Сергей Петров.", 0, QUOTE_INDIRECT, "Сергей Петров", "Цены на "
	    "яблоки "
	    "не вырастут", "\"управляющий партнер\" of a company with a "
	    "Latin name, after the outlet told");
	check_one("«Мост откроют в мае», — отрезал аким.", 0, QUOTE_DIRECT,
	    "аким", "Мост откроют в мае", "after \"«Q», —\" a verb no "
	    "list knows, with a person after it, attributes Q");
	check_one("«Мост откроют в мае», — заключает Ерлан Касымов.", 0,
	    QUOTE_DIRECT, "Ерлан Касымов", "Мост откроют в мае", "so does "
	    "one in the present");
	check_one("Аким Ерлан Касымов завершил встречу с жителями, сказав «мы "
	    "откроем мост в мае, это точно».", 0, QUOTE_DIRECT, "Ерлан "
	    "Касымов", "мы откроем мост в мае, это точно", "a gerund of "
	    "speech right before the mark, no colon");
	check_one("Air Astana из-за непогоды отменила рейсы. Авиакомпания "
	    "сообщила, что пассажирам вернут деньги.", 0, QUOTE_INDIRECT,
	    "Air Astana", "пассажирам вернут деньги", "a name in Latin "
	    "letters as a verb's subject is the body a generic noun after "
	    "it refers to");
	ok(extract("Глава государства отметил, что экономика растет.", &ql) ==
	    1 && ql.q[0].gender == GENDER_MALE, "\"глава ... отметил\": "
	    "the verb tells a role's gender against the noun's");
	quote_list_free(&ql);
	ok(extract("Источник сообщил, что сделка закрыта.", &ql) == 1 &&
	    ql.q[0].gender == GENDER_UNKNOWN, "\"источник сообщил\" tells "
	    "none");
	quote_list_free(&ql);
	ok(extract("Каждая партия боится, что проиграет выборы.", &ql) == 0,
	    "\"каждая партия\" is anyone of a kind, no speaker");
	quote_list_free(&ql);
	check_one("«Мост откроют в мае», — сказал журналистам представитель "
	    "акимата.", 0, QUOTE_DIRECT, "представитель акимата", "Мост "
	    "откроют в мае", "those told after \"«Q», — сказал\" are no "
	    "speaker");
	check_one("«Мы ждали мост пять лет», — рассказала Айгерим.", 0,
	    QUOTE_DIRECT, "Айгерим", "Мы ждали мост пять лет", "a first "
	    "name in -им is no instrumental");
	check_one("«Мост откроют в мае», — аким отрезал.", 0, QUOTE_DIRECT,
	    "аким", "Мост откроют в мае", "and the person before such a "
	    "verb that ends the sentence");
	ok(extract("«Мост откроют в мае», — гласит надпись.", &ql) == 0,
	    "but a thing is no speaker (\"гласит надпись\")");
	quote_list_free(&ql);
	check_one("Уоррен Баффет пожертвовал деньги. В интервью CNN Баффет "
	    "заявил, что его семья довольна.", 0, QUOTE_INDIRECT, "Уоррен "
	    "Баффет", "его семья довольна", "\"В интервью CNN X заявил\": "
	    "the outlet is where it was said, X the subject");
	check_one("Министр Алия Маратова, которая в интервью телеканалу "
	    "Sky News уже сообщила, что мост откроют.", 0, QUOTE_INDIRECT,
	    "Алия Маратова", "мост откроют", "but an outlet's Latin name "
	    "is no subject");
	check_one("Министр Алия Маратова, которая в интервью уже сообщила, "
	    "что мост откроют.", 0, QUOTE_INDIRECT, "Алия Маратова", "мост "
	    "откроют", "\"X, которая в интервью сообщила\": the relative's "
	    "antecedent past where it was said");
	check_one("Подсудимая заявила (и продолжает заявлять), что "
	    "невиновна.", 0, QUOTE_INDIRECT, "подсудимая", "невиновна",
	    "a parenthesis between the verb and \", что\"");
	check_one("Профессор Ерлан Касымов рассказал в эфире радиостанции "
	    "«Говорит Астана», что тест нужен.", 0, QUOTE_INDIRECT, "Ерлан "
	    "Касымов", "тест нужен", "a name in quotation marks between "
	    "the verb and \", что\" holds no cue");
	check_one("Как отмечается в заявлении акимата, мост откроют в мае.", 0,
	    QUOTE_INDIRECT, "акимат", "мост откроют в мае", "\"Как "
	    "отмечается в заявлении X, C\"");
	check_one("Как говорится в опубликованном вчера сообщении "
	    "Нобелевского комитета, премию вручат в декабре.", 0,
	    QUOTE_INDIRECT, "Нобелевский комитет", "премию вручат в "
	    "декабре", "\"Как говорится в сообщении X, C\"; an adjective "
	    "with a capital before a body's noun goes to the nominative "
	    "with it");
	check_one("Шеф полиции Сан-Диего рассказал, что преступник задержан.",
	    0, QUOTE_INDIRECT, "шеф полиции Сан-Диего", "преступник "
	    "задержан", "a word of two capitalised parts after a body's "
	    "noun is a place, no name");
	check_one("«Цены не вырастут», — говорится в Telegram-канале министра "
	    "Ерлана Касымова.", 0, QUOTE_DIRECT, "Ерлан Касымов", "Цены не "
	    "вырастут", "a Telegram channel is a statement of its owner");
	check_one("Мост откроют в мае: об этом заявил аким Ерлан Касымов.", 0,
	    QUOTE_INDIRECT, "Ерлан Касымов", "Мост откроют в мае", "\"C: об "
	    "этом заявил X\" reports the clause before");
	check_one("Аким Ерлан Касымов поделился, что мост откроют в мае.", 0,
	    QUOTE_INDIRECT, "Ерлан Касымов", "мост откроют в мае",
	    "\"поделился, что\"");
	check_one("Мост откроют в мае, следует из заявления акима Ерлана "
	    "Касымова.", 0, QUOTE_INDIRECT, "Ерлан Касымов", "Мост откроют "
	    "в мае", "\"C, следует из заявления X\"");
	check_one("По словам федерального агентства, мост откроют в мае.", 0,
	    QUOTE_INDIRECT, "федеральное агентство", "мост откроют в мае",
	    "an adjective agrees with a neuter noun");
	check_one("В январе Иван Котов и Анна Котова объявили, что подадут "
	    "апелляцию; 17 марта суд рассмотрел дело.", 0, QUOTE_INDIRECT,
	    "Иван Котов и Анна Котова", "подадут апелляцию", "words of time "
	    "before two joined names; a chronicle's next entry after \";\" "
	    "ends the content");
	check_one("Патриарх Московский и всея Руси Кирилл заявил, что "
	    "церковь едина.", 0, QUOTE_INDIRECT, "Кирилл", "церковь едина",
	    "the word after \"всея\" is a place, no part of the name");
	check_one("Как заявил британской газете The Times Ерлан Касымов, "
	    "мост откроют в мае.", 0, QUOTE_INDIRECT, "Ерлан Касымов",
	    "мост откроют в мае", "an outlet told in the dative, with its "
	    "name, is no part of the source after it");
	check_one("Как рассказал агентству «Казинформ» аким Марат Оспанов, "
	    "мост откроют в мае.", 0, QUOTE_INDIRECT, "Марат Оспанов",
	    "мост откроют в мае", "nor is one with its name in quotation "
	    "marks");
	check_one("Депутат Арман Сейтов критиковал проект бюджета ещё до "
	    "заседания.", 0, QUOTE_INDIRECT, "Арман Сейтов", "проект "
	    "бюджета", "an object ends before when it was said (\"ещё "
	    "до\")");
	check_one("В ходе слушаний адвокаты обвиняемых заявили, что их "
	    "подзащитные невиновны.", 0, QUOTE_INDIRECT, "адвокаты "
	    "обвиняемых", "их подзащитные невиновны", "a genitive plural in "
	    "-аний (\"в ходе слушаний\") is no adjective of the subject");
	check_one("Аким Марат Оспанов выступил на сессии. Он поблагодарил "
	    "Сапарова и назвал его лучшим строителем.", 0, QUOTE_INDIRECT,
	    "Марат Оспанов", "его лучшим строителем", "\"он поблагодарил "
	    "Сапарова и назвал\": a man's object in -а is no subject of "
	    "the second verb");

	check_one("Министр заявил, что цены вырастут на 10%.", 0,
	    QUOTE_INDIRECT, "министр", "цены вырастут на 10%", "a percent "
	    "sign ends the content");
	check_one("Министр заявил, что цены вырастут (на треть).", 0,
	    QUOTE_INDIRECT, "министр", "цены вырастут (на треть)",
	    "a closing parenthesis that was opened stays");
	check_one("Как сказал аким, «мост откроют в мае».", 0,
	    QUOTE_INDIRECT, "аким", "мост откроют в мае", "no closing "
	    "quotation mark without the opening one");

	check_one("Мост закрыт. Газпром заявил, что цены вырастут.", 0,
	    QUOTE_INDIRECT, "Газпром", "цены вырастут", "a name in -ом "
	    "before a verb that agrees is no instrumental");
	t = "Мост закрыт. Ryanair заявила, что цены вырастут. В "
	    "авиакомпании заверили, что рейсы продолжатся.";
	ok(extract(t, &ql) == 2 &&
	    ql.q[0].speaker_kind == SPEAKER_INSTITUTION &&
	    ql.q[0].gender == GENDER_UNKNOWN && ql.q[1].speaker != NULL &&
	    strcmp(ql.q[1].speaker, "Ryanair") == 0, "one Latin word is a "
	    "body, and \"в авиакомпании\" is that body");
	quote_list_free(&ql);
	t = "Мост закрыт. Об этом пишет Global Times со ссылкой на "
	    "телеканал Ifeng.";
	ok(extract(t, &ql) == 0, "\"со ссылкой на телеканал X\": a medium "
	    "relays a medium");
	quote_list_free(&ql);

	t = "В Донецке убит командир ополчения, сообщил источник "
	    "агентства:\n\n«Его убили в подъезде дома».";
	ok(extract(t, &ql) == 2 && ql.q[0].kind == QUOTE_INDIRECT &&
	    ql.q[1].kind == QUOTE_DIRECT && ql.q[0].speaker != NULL &&
	    strcmp(ql.q[0].speaker, "источник агентства") == 0,
	    "\"A, сообщил X:\" and a quote after: two quotes");
	quote_list_free(&ql);
	check_one("О том, что мост закроют, Иван Котов заявлял и раньше.", 0,
	    QUOTE_INDIRECT, "Иван Котов", "мост закроют", "\"О том, что "
	    "C\" before the subject and its verb");
	check_one("О том, что мост закроют, сообщил аким района.", 0,
	    QUOTE_INDIRECT, "аким района", "мост закроют", "\"О том, что "
	    "C, сообщил X\"");

	check_one("Иван Котов приехал в Алматы. Там он, в частности, "
	    "прокомментировал отставку Петровых.", 0, QUOTE_INDIRECT,
	    "Иван Котов", "отставку Петровых", "\"он, в частности, V\": "
	    "a parenthetical phrase between the subject and its verb");
	t = "Иван Котов\n\nМитинг прошёл в мае. Котов заявил, что придёт "
	    "снова.";
	ok(extract(t, &ql) == 1 && ql.q[0].speaker != NULL &&
	    strstr(ql.q[0].speaker, "Митинг") == NULL, "a name does not "
	    "run over a paragraph's start");
	quote_list_free(&ql);
	t = "Коррупционный скандал затронул несколько стран.";
	ok(extract(t, &ql) == 0, "an adjective in -ный opening a "
	    "sentence is no name");
	quote_list_free(&ql);

	check_one("Коммунисты заявили и о подготовке провокации.", 0,
	    QUOTE_INDIRECT, "коммунисты", "подготовке провокации",
	    "\"заявили и о\": a particle before the topic");
	check_one("В Минздраве указывают и на сроки хранения вакцин.", 0,
	    QUOTE_INDIRECT, "Минздрав", "сроки хранения вакцин",
	    "\"указывают и на\"");
	check_one("Депутаты сочли доводы оппонентов слабыми.", 0,
	    QUOTE_INDIRECT, "депутаты", "доводы оппонентов слабыми",
	    "\"сочли X Y\" like \"считают X Y\"");

	check_one("Москва ответила на слова Ивана Котова о том, что мост "
	    "закроют.", 0, QUOTE_INDIRECT, "Иван Котов", "мост закроют",
	    "\"слова X о том, что C\": X's, not the verb's subject");
	check_one("Его заявление о том, что цены вырастут, удивило всех.", 0,
	    QUOTE_INDIRECT, NULL, "цены вырастут", "\"его заявление о том, "
	    "что C, V\": C ends before the sentence's verb");
	t = "Заявление военного руководства демонстрирует, что штаб занял "
	    "сторону правительства.";
	ok(extract(t, &ql) == 0, "\"заявление X V, что\" is no speech "
	    "of X");
	quote_list_free(&ql);

	t = "Оптимизма им добавляет тот факт, что цены падают.";
	ok(extract(t, &ql) == 0, "\"добавляет тот факт, что\": a fact "
	    "speaks for nobody");
	quote_list_free(&ql);

	check_one("Мост закрыт. Министр заявила, что Иван Котов уехал.", 0,
	    QUOTE_INDIRECT, "министр", "Иван Котов уехал", "a role is "
	    "nobody named inside its own quote");
	check_one("Мост закрыт. Судья заявила, что Котов виновен.", 0,
	    QUOTE_INDIRECT, "судья", "Котов виновен", "a judge speaks, "
	    "though a court only rules");

	check_one("Иван Котов рассказал про «план А» и «план Б» для "
	    "завода.", 0, QUOTE_INDIRECT, "Иван Котов", "«план А» и «план Б» "
	    "для завода", "\"рассказал про\", a title opening the topic "
	    "kept whole");
	check_one("О планах компании рассказал её директор Иван Котов.", 0,
	    QUOTE_INDIRECT, "Иван Котов", "планах компании", "the topic "
	    "first, the subject after the verb");
	t = "О своих планах Котов рассказал журналистам.";
	ok(extract(t, &ql) == 0, "the topic first and the subject before "
	    "the verb: not \"журналистам\"");
	quote_list_free(&ql);

	check_one("Мост закрыт. Министр подчеркнул, «если мост закроют, "
	    "город встанет».", 0, QUOTE_DIRECT, "министр", "если мост "
	    "закроют, город встанет", "\"подчеркнул, «Q»\": a comma for a "
	    "colon");

	check_one("Мост закрыт. Мост откроют в мае, сообщили в акимате.", 0,
	    QUOTE_INDIRECT, "акимат", "Мост откроют в мае", "\"C, "
	    "сообщили в X\": the body where it speaks");
	t = "Мост закрыт. Мост откроют в мае, сообщили в четверг.";
	ok(extract(t, &ql) == 0, "\"C, сообщили в четверг\": a time is "
	    "no body");
	quote_list_free(&ql);

	check_one("Защита наступает через три недели, - рассказал Котов."
	    "\n\nЧто за вакцину ставят медикам.", 0, QUOTE_INDIRECT,
	    "Котов", "Защита наступает через три недели", "\"Что\" opening "
	    "the next paragraph is no что-clause of the verb");
	check_one("Котов передумал уходить.\n\nИван Котов\n\nОб этом Котов "
	    "заявил по радио.", 0, QUOTE_INDIRECT, "Иван Котов", "Котов "
	    "передумал уходить", "\"Об этом заявил X\" past a caption "
	    "line");

	t = "Ангела Меркель и Урсула фон дер Ляйен приехали. Меркель "
	    "заявила, что газ нужен. Ляйен сказала, что газ не нужен.";
	ok(extract(t, &ql) == 2 && ql.q[0].gender == GENDER_FEMALE &&
	    ql.q[1].gender == GENDER_FEMALE, "Ангела and Урсула are women's "
	    "names");
	quote_list_free(&ql);

	check_one("КНДР запустила ракету, сообщило агентство со ссылкой на "
	    "южнокорейских военных.", 0, QUOTE_INDIRECT,
	    "южнокорейские военные", "КНДР запустила ракету", "a group's "
	    "name ends before a verb");
	t = "Больше всего антител класса G. Публикации говорят о том, что "
	    "они есть в крови.";
	ok(extract(t, &ql) == 0 || (ql.q[0].speaker != NULL &&
	    strcmp(ql.q[0].speaker, "G") != 0), "one letter alone is no "
	    "name");
	quote_list_free(&ql);
	/* Found by fuzz_extract (regress/fuzz_extract/one-letter-speaker):
	 * the letter dropped left a speaker named "". */
	t = "M счел,что 2 2";
	n = extract(t, &ql);
	for (i = 0, bad = 0; i < n; i++)
		bad += ql.q[i].speaker != NULL && ql.q[i].speaker[0] == '\0';
	ok(bad == 0, "a speaker whose every word is dropped is no speaker, "
	    "not one named \"\"");
	quote_list_free(&ql);
	/* Found by fuzz_extract (regress/fuzz_extract/instrumental-at-end):
	 * a name in "-ом" that ends the text read the token after it, past
	 * the end (AddressSanitizer, in the sanitized build). */
	n = extract("счел Е0ом", &ql);
	ok(n <= 1, "a name in the instrumental at the very end of a text");
	quote_list_free(&ql);

	check_one("Борис Джонсон ушёл. Обозреватель Би-би-си говорит, что "
	    "министры уйдут.", 0, QUOTE_INDIRECT, "обозреватель Би-би-си",
	    "министры уйдут", "a journalist of a medium speaks for "
	    "himself, not for the man the article is about");

	check_one("Мост откроют в мае. Такое заявление сделал аким района "
	    "Иван Котов.", 0, QUOTE_INDIRECT, "Иван Котов", "Мост откроют в "
	    "мае", "\"Такое заявление сделал X\": the sentence before");

	check_one("Аким рассказал о ремонте моста на встрече с жителями.", 0,
	    QUOTE_INDIRECT, "аким", "ремонте моста", "a topic ends before "
	    "where it was told");

	check_one("Министр объявил проект важнейшим для страны.", 0,
	    QUOTE_INDIRECT, "министр", "проект важнейшим для страны",
	    "\"объявил X Y\" like \"назвал X Y\"");
	t = "Профсоюз объявил забастовку на заводе.";
	ok(extract(t, &ql) == 0, "\"объявил забастовку\" says nothing");
	quote_list_free(&ql);

	t = "Мост закрыт. Royal Bank Canada сообщил, что мост откроют.";
	ok(extract(t, &ql) == 1 &&
	    ql.q[0].speaker_kind == SPEAKER_INSTITUTION, "Latin words with "
	    "no first name among them are a body");
	quote_list_free(&ql);
	t = "Мост закрыт. Los Angeles Times сообщила, что мост откроют.";
	ok(extract(t, &ql) == 0, "a newspaper of Latin words that tells "
	    "sources the news");
	quote_list_free(&ql);
	t = "Мост закрыт. Д заявил, что мост откроют.";
	ok(extract(t, &ql) == 0 || ql.q[0].speaker == NULL ||
	    strcmp(ql.q[0].speaker, "Д") != 0, "one Cyrillic letter is no "
	    "name");
	quote_list_free(&ql);
	check_one("Мост закрыт. Кремль якобы заявил, что мост откроют.", 0,
	    QUOTE_INDIRECT, "Кремль", "мост откроют", "\"якобы\" is no "
	    "part of a body's name");

	check_one("Мост закроют в мае, приводит слова Котова агентство.", 0,
	    QUOTE_INDIRECT, "Котов", "Мост закроют в мае", "\"приводит "
	    "слова X\": X in the genitive");
	check_one("Мост закроют в мае, цитирует Анну Ким агентство.", 0,
	    QUOTE_INDIRECT, "Анна Ким", "Мост закроют в мае", "\"цитирует "
	    "X\": X in the accusative");

	check_one("Мост закрыт. «Школа готова», — сказал Е. Котов на "
	    "открытии.", 0, QUOTE_DIRECT, "Е. Котов", "Школа готова", "an "
	    "initial's period does not end the attribution");

	/* An institution as a place keeps its complement in the
	 * genitive, and is not the body of the same noun named before. */
	t = "Министерство энергетики предупредило, что цены вырастут.\n\n"
	    "В министерстве здравоохранения сообщили, что вакцина "
	    "поступит в мае.";
	check_one(t, 1, QUOTE_INDIRECT, "министерство здравоохранения",
	    "вакцина поступит в мае", "\"в министерстве X сообщили\": "
	    "the ministry of X, not the ministry named before");
	check_one("Мост закрыт. В пресс-службе акимата уточнили, что работы "
	    "завершатся к лету.", 0, QUOTE_INDIRECT, "пресс-служба акимата",
	    "работы завершатся к лету", "\"в пресс-службе X\": the press "
	    "service, not X");
	check_one("Министерство энергетики в своём заявлении предупредило, "
	    "что цены вырастут.", 0, QUOTE_INDIRECT, "министерство "
	    "энергетики", "цены вырастут", "\"в своём заявлении\" is no "
	    "part of the speaker");

	check_one("Мост закрыт. В беседе с журналистами Аймагамбетов "
	    "подчеркнул, что мост откроют.", 0, QUOTE_INDIRECT,
	    "Аймагамбетов", "мост откроют", "a surname in -ов after a "
	    "role noun in the instrumental is the subject, not its "
	    "apposition");

	check_one("Ученики заявили, что программа хорошая.", 0,
	    QUOTE_INDIRECT, "ученики", "программа хорошая", "a plural in "
	    "-ики with a plural verb is a group of people, not a thing in "
	    "-ика");
	check_one("Мост закрыт.\n\nВодители жалуются, что объезд долгий.", 0,
	    QUOTE_INDIRECT, "водители", "объезд долгий", "a plural noun no "
	    "list knows, first in its sentence, is a group");

	check_one("Проезд подорожает. Об этом сообщила пресс-служба акимата "
	    "Алматы.", 0, QUOTE_INDIRECT, "пресс-служба акимата Алматы",
	    "Проезд подорожает", "a place after a body's noun is its "
	    "complement after the verb too");

	check_one("Руководство театра предлагало акимату разработать систему "
	    "скидок.", 0, QUOTE_INDIRECT, "руководство театра", "акимату "
	    "разработать систему скидок", "a body speaks in the neuter past "
	    "of every verb, not of some");
	check_one("Министр Арман Касымов отверг критику оппозиции.", 0,
	    QUOTE_INDIRECT, "Арман Касымов", "критику оппозиции", "the "
	    "masculine past of a verb in -г (отверг)");

	check_one("Суд оправдал Айжан Серикову. Сама она утверждала, что "
	    "невиновна.", 0, QUOTE_INDIRECT, "Айжан Серикова", "невиновна",
	    "a что-clause of one word is content");

	check_one("Аким пришёл. «Будем строить», — коротко ответил Досаев.", 0,
	    QUOTE_DIRECT, "Досаев", "Будем строить", "an adverb between "
	    "the dash and the verb");
	check_one("Аким пришёл. «Будем строить», — заявил в среду Досаев.", 0,
	    QUOTE_DIRECT, "Досаев", "Будем строить", "a time phrase "
	    "between the verb and a surname with no case ending");

	check_one("Вчера Токаев прибыл в Москву. Он сказал, что торговля "
	    "растёт.", 0, QUOTE_INDIRECT, "Токаев", "торговля растёт", "a "
	    "pronoun finds a lone surname, subject of a verb in the past");
	check_one("Вчера в Москву прибыл Токаев. Он сказал, что торговля "
	    "растёт.", 0, QUOTE_INDIRECT, "Токаев", "торговля растёт", "and "
	    "one after its verb, last in the clause");
	check_one("Министр Ахметов прибыл в Москву. Он сказал, что торговля "
	    "растёт.", 0, QUOTE_INDIRECT, "Ахметов", "торговля растёт", "a "
	    "lone surname after a role noun that opens the sentence");

	check_one("Министр Асет Исекешев доложил президенту, что посевная "
	    "завершена.", 0, QUOTE_INDIRECT, "Асет Исекешев", "посевная "
	    "завершена", "доложил: a report to a superior");
	check_one("Фермеры боятся, что урожай погибнет.", 0, QUOTE_INDIRECT,
	    "фермеры", "урожай погибнет", "боятся, что: a fear stated, like "
	    "опасаются");
	check_one("Аким Ерлан Жаканов дал понять, что мост не закроют.", 0,
	    QUOTE_INDIRECT, "Ерлан Жаканов", "мост не закроют", "дал понять, "
	    "что");

	check_one("Министр Зив Енсен в интервью газете Aftenposten отметила, "
	    "что дефицит сократится.", 0, QUOTE_INDIRECT, "Зив Енсен",
	    "дефицит сократится", "\"в интервью газете X\" between the "
	    "subject and the verb: X is no subject");
	check_one("Анна Ким в беседе с корреспондентом РИА Новости заявила, "
	    "что дефицит сократится.", 0, QUOTE_INDIRECT, "Анна Ким",
	    "дефицит сократится", "nor is a medium there the verb's "
	    "subject");
	check_one("Комиссар Евросоюза по бюджету Гюнтер Эттингер заявил, что "
	    "дефицит сократится.", 0, QUOTE_INDIRECT, "Гюнтер Эттингер",
	    "дефицит сократится", "a full name after a role's phrase is the "
	    "subject");

	t = "Лидер партии Йонас Стёре, который ранее критиковал "
	    "правительство за сокращение расходов, сказал журналистам, что "
	    "партия будет голосовать против.";
	check_one(t, 0, QUOTE_INDIRECT, "Йонас Стёре", "правительство за "
	    "сокращение расходов", "an object in a relative clause ends "
	    "before the main verb and its addressee");
	ok(extract(t, &ql) == 2 && strcmp(ql.q[1].start + t, "партия будет "
	    "голосовать против.") == 0, "and the main verb's clause is a "
	    "quote of its own");
	quote_list_free(&ql);

	check_one("Аким Ерлан Жаканов прибыл. Представитель компании, "
	    "Алексей Семенов, сообщил, что шахту закроют.", 0,
	    QUOTE_INDIRECT, "Алексей Семенов", "шахту закроют", "a full "
	    "name in commas after a role is the subject, not someone named "
	    "before");

	check_one("Переговоры продолжатся в марте, сообщил агентству "
	    "заместитель министра Иван Петров.", 0, QUOTE_INDIRECT, "Иван "
	    "Петров", "Переговоры продолжатся в марте", "\"C, сообщил "
	    "агентству X\": the medium is the addressee, X the source");
	check_one("Переговоры продолжатся в марте, сообщила телеканалу Анна "
	    "Ким.", 0, QUOTE_INDIRECT, "Анна Ким", "Переговоры продолжатся "
	    "в марте", "a full name after a medium's noun is a person");
	t = "Переговоры продолжатся в марте, сообщает агентство.";
	ok(extract(t, &ql) == 0, "\"C, сообщает агентство\" is still the "
	    "medium's sourcing");
	quote_list_free(&ql);

	check_one("Переговоры, как заявил Петров, продолжатся в марте.", 0,
	    QUOTE_INDIRECT, "Петров", "Переговоры, как заявил Петров, "
	    "продолжатся в марте", "\"A, как заявил X, B\": the whole "
	    "sentence, as for \"A, по словам X, B\"");

	check_one("В МИД Казахстана уверены, что переговоры продолжатся.", 0,
	    QUOTE_INDIRECT, "МИД Казахстана", "переговоры продолжатся", "a "
	    "place in the genitive completes the body it follows, even one "
	    "the stop list holds");

	check_one("Переговоры продолжатся в марте, сообщает ТАСС со ссылкой на "
	    "Анну Ким.", 0, QUOTE_INDIRECT, "Анна Ким", "Переговоры "
	    "продолжатся в марте", "\"со ссылкой на X\": X right after "
	    "the preposition of the phrase");
	check_one("Как сообщает ТАСС со ссылкой на пресс-службу министерства, "
	    "переговоры продолжатся в марте.", 0, QUOTE_INDIRECT,
	    "пресс-служба министерства", "переговоры продолжатся в марте",
	    "\"Как сообщает MEDIUM со ссылкой на X, C\": X in the "
	    "nominative");

	t = "Генерал Асет Байжанов рассказал о подготовке: по его словам, "
	    "задействовано пять тысяч военных.";
	check_one(t, 0, QUOTE_INDIRECT, "Асет Байжанов", "задействовано пять "
	    "тысяч военных", "a topic before a colon only introduces; the "
	    "framing after it starts its clause");
	ok(extract(t, &ql) == 1, "and the topic is no record of its own");
	quote_list_free(&ql);

	check_one("«Техника готова», — сказал Байжанов. — «Личный состав тоже "
	    "готов».", 1, QUOTE_DIRECT, "Байжанов", "Личный состав тоже "
	    "готов", "\"«Q1», — V X. — «Q2»\": the second part in marks of "
	    "its own");

	check_one("Аким пришёл. «Будем строить», — заявил в среду Е. Досаев.",
	    0, QUOTE_DIRECT, "Е. Досаев", "Будем строить", "a time phrase "
	    "before an initial and a surname with no case ending");
	check_one("Мост закрыт.\n\n«Изменений у нас не будет. Мы будем "
	    "работать, как и раньше».\n\nзаявил после встречи Ерлан Карин. "
	    "Слова внушают оптимизм.", 0, QUOTE_DIRECT, "Ерлан Карин",
	    "Изменений у нас не будет. Мы будем работать, как и раньше",
	    "a quote paragraph, and its attribution cut off into the next "
	    "paragraph, in lower case");

	check_one("В российском МИДе уход министра расценили как ошибку.", 0,
	    QUOTE_INDIRECT, "МИД", "как ошибку", "\"в МИДе\" names the "
	    "body; a singular role after it is no subject of a plural verb");
	check_one("В полиции РИА Новости сообщили, что задержанный молчит.", 0,
	    QUOTE_INDIRECT, "полиция", "задержанный молчит", "a medium "
	    "after a body as a place is addressed, no part of the body");
	check_one("В МИД Казахстана министра раскритиковали за ошибку.", 0,
	    QUOTE_INDIRECT, "МИД Казахстана", "за ошибку", "a role after a "
	    "body's complement is no part of it");

	check_one("Профсоюзы бастуют, но, как сказала авиакомпания Ryanair, "
	    "все рейсы будут выполнены.", 0, QUOTE_INDIRECT, "Ryanair", "все "
	    "рейсы будут выполнены", "\", но, как сказала X, C\": C, with a "
	    "comma after но");

	check_one("В «Казмунайгазе» сообщили, что директор уволен.", 0,
	    QUOTE_INDIRECT, "Казмунайгаз", "директор уволен", "a body in "
	    "quotation marks as a place");

	check_one("Астана обратилась к соседям с просьбой увеличить поставки "
	    "воды.", 0, QUOTE_INDIRECT, "Астана", "увеличить поставки воды",
	    "\"с просьбой\" and an infinitive: the request of the subject");
	t = "Адвокат обратился в суд с просьбой о помиловании.";
	ok(extract(t, &ql) == 0, "\"с просьбой о\" and a noun reports "
	    "nothing");
	quote_list_free(&ql);

	check_one("Министр Анна Ким выступила. С её точки зрения, реформа "
	    "запоздала.", 0, QUOTE_INDIRECT, "Анна Ким", "реформа "
	    "запоздала", "\"с её точки зрения\" like \"по её мнению\"");

	t = "Советник Иван Петров сказал об этом в эфире:\n\nКак сообщается, "
	    "авария произошла ночью.";
	ok(extract(t, &ql) == 0, "a paragraph after a colon in the "
	    "newsroom's voice is no quote the colon introduced");
	quote_list_free(&ql);
	t = "Анна Ким часто говорила:\n\nПодтверждением этих слов стала вся "
	    "её жизнь.";
	ok(extract(t, &ql) == 0, "nor one about \"these words\", whose "
	    "quote the crawl lost");
	quote_list_free(&ql);

	check_one("Концерт группы «Дос Мукасан» прошёл в Алматы.\n\n«Мы рады "
	    "играть для вас», — говорится в заявлении группы, опубликованном "
	    "перед концертом.", 0, QUOTE_DIRECT, "Дос Мукасан", "Мы рады "
	    "играть для вас", "the owner of a statement ends at a comma; "
	    "\"группа\" alone is the band named so");

	check_role("Сенатор уклонился от ответа на вопрос, поддерживает ли "
	    "он импичмент Ерлану Карину.\n\nЕрлан Карин призвал сторонников "
	    "действовать мирно.", NULL, "a noun shaped like a role before a "
	    "name in the dative is none of its role (\"импичмент Ерлану\")");

	check_one("Певица Айгуль Иманбаева снялась в рекламе. Компания Sunrise "
	    "Industrial извинилась за рекламу. Она заявила о поддержке "
	    "артистов.", 1, QUOTE_INDIRECT, "Sunrise Industrial", "поддержке "
	    "артистов", "\"она\" after a body whose verb agreed so is the "
	    "body");

	check_one("Франция поддержит пересмотр директивы, заявил на брифинге "
	    "представитель МИД страны.\n\nОн подчеркнул, что директива "
	    "будет применяться ко всем.", 1, QUOTE_INDIRECT, "представитель "
	    "МИД страны", "директива будет применяться ко всем", "with no "
	    "one named, \"он\" is the one described who spoke last");

	check_one("Президент Касым-Жомарт Токаев отметил, что правительство "
	    "справится.\n\nАким города подчеркнул, что строительство "
	    "завершится в срок.", 1, QUOTE_INDIRECT, "аким города",
	    "строительство завершится в срок", "an office the last person "
	    "does not hold, when he holds another, is someone else");
	check_one("Министр иностранных дел Мурат Нуртлеу подал в отставку. "
	    "«Премьер принял отставку», — отметил пресс-секретарь "
	    "правительства.", 0, QUOTE_DIRECT, "пресс-секретарь "
	    "правительства", "Премьер принял отставку", "a spokesman is no "
	    "minister named before");
	check_one("Глава МИД Мурат Нуртлеу прилетел в Астану.\n\nМинистр "
	    "заявил, что переговоры прошли успешно.", 0, QUOTE_INDIRECT,
	    "Мурат Нуртлеу", "переговоры прошли успешно", "\"министр\" may "
	    "stand for \"глава МИД\"");

	check_one("Аким призвал «Казахтелеком» снизить цены.", 0,
	    QUOTE_INDIRECT, "аким", "«Казахтелеком» снизить цены", "a name "
	    "in quotation marks opens the object of \"призвал\"");

	check_one("Свое решение судья Ерлан Ахметов мотивировал тем, что "
	    "обвиняемые опасны.", 0, QUOTE_INDIRECT, "Ерлан Ахметов",
	    "обвиняемые опасны", "\"мотивировал тем, что C\"");
	check_one("В официальном сообщении Нобелевского комитета было "
	    "сказано, что премия присуждается за смелость.", 0,
	    QUOTE_INDIRECT, "Нобелевский комитет", "премия присуждается за "
	    "смелость", "\"в сообщении X было сказано, что C\": the "
	    "auxiliary is no part of X");
	check_one("Кроме того, компания напомнила российскому холдингу о "
	    "выплате долга.", 0, QUOTE_INDIRECT, "компания", "выплате долга",
	    "\"напомнила X о Y\": the topic after an addressee");

	check_one("Депутаты, в том числе и Ерлан Ахметов, заявили, что закон "
	    "нужен.", 0, QUOTE_INDIRECT, "депутаты", "закон нужен", "who is "
	    "among the subject, in commas, is no part of it");

	check_one("Лоукостер Ryanair, столкнувшийся с забастовками пилотов, не "
	    "раз предупреждал, что переведет самолеты в другие страны.", 0,
	    QUOTE_INDIRECT, "Ryanair", "переведет самолеты в другие страны",
	    "a participle's clause in commas and \"не раз\" between subject "
	    "and verb");
	check_one("Генерал Майкл Флинн, серьёзный человек, не бросающий слов на "
	    "ветер, заявил, что шансы высоки.", 0, QUOTE_INDIRECT, "Майкл "
	    "Флинн", "шансы высоки", "and an apposition before the "
	    "participle's clause");

	check_one("Джон Богл основал фонд.\n\n«Выбирайте дешёвые фонды», — "
	    "писал инвестиционный управляющий в одной из своих книг.", 0,
	    QUOTE_DIRECT, "Джон Богл", "Выбирайте дешёвые фонды", "\"в одной "
	    "из своих книг\" is where, no one");

	check_one("ВОЗ заявила, что пандемия продолжается.", 0, QUOTE_INDIRECT,
	    "ВОЗ", "пандемия продолжается", "an abbreviation no list knows "
	    "right before the verb is a body");
	check_one("NASA сообщило, что запуск перенесен.", 0, QUOTE_INDIRECT,
	    "NASA", "запуск перенесен", "in Latin letters too");
	t = "ЕСПЧ признал гражданку виновной в оскорблении.";
	ok(extract(t, &ql) == 0, "the European court rules: no quote");
	quote_list_free(&ql);

	check_one("Выборы пройдут спокойно, утверждает американская разведка.",
	    0, QUOTE_INDIRECT, "американская разведка", "Выборы пройдут "
	    "спокойно", "\"разведка\" is a body");
	check_one("Персонал требует поднять зарплаты.", 0, QUOTE_INDIRECT,
	    "персонал", "поднять зарплаты", "\"персонал\" is a group");

	check_one("Холдинг «Медиа-Сервис» сменит директора. «Холдинг планирует "
	    "выдвинуть Павлову», — рассказали агентству. В холдинге уточнили, "
	    "что решение примут в мае.", 0, QUOTE_DIRECT, "Медиа-Сервис",
	    "Холдинг планирует выдвинуть Павлову", "\"— рассказали агентству. "
	    "В холдинге уточнили\": the source the next sentence names");

	check_one("Известный хореограф отметил, что балет жив.", 0,
	    QUOTE_INDIRECT, "известный хореограф", "балет жив", "a noun no "
	    "list knows, shaped like one of occupation, before the verb");
	check_one("В официальном оповещении Ryanair прибавила, что сожалеет о "
	    "неудобствах.", 0, QUOTE_INDIRECT, "Ryanair", "сожалеет о "
	    "неудобствах", "\"прибавила, что\"");

	check_one("Но польза от перчаток спорна, не без сарказма напоминает "
	    "Сергей Ермеков.", 0, QUOTE_INDIRECT, "Сергей Ермеков", "Но польза "
	    "от перчаток спорна", "\"C, не без сарказма напоминает X\": how "
	    "it was said before a postposed verb");
	check_one("«Всё будет хорошо», — не без иронии заметил Ерлан Карин.", 0,
	    QUOTE_DIRECT, "Ерлан Карин", "Всё будет хорошо", "and after a "
	    "quotation's dash");
	check_one("Ерлан Карин, со своей стороны, неоднократно критиковал "
	    "Айдоса Сарыма за его заявления.", 0, QUOTE_INDIRECT, "Ерлан Карин",
	    "Айдоса Сарыма за его заявления", "an adverb after a comma opens "
	    "no postposed attribution");

	check_one("«Казахтелеком» требует пересмотра тарифа и предварительно "
	    "оценивает свои потери в миллиард тенге.", 0, QUOTE_INDIRECT,
	    "Казахтелеком", "пересмотра тарифа", "an object ends before a "
	    "verb joined by \"и\"");

	check_one("В 1994 году писатель отказался принять от президента Бориса "
	    "Ельцина орден Дружбы народов, обосновав это тем, что «это уже не "
	    "поможет согласию».", 0, QUOTE_INDIRECT, "писатель", "это уже не "
	    "поможет согласию", "a gerund's subject after the finite verb "
	    "follows that verb at once; \"орден Дружбы\" is none");

	check_one("Цены вырастут, заявили депутаты Европарламента в "
	    "резолюции.", 0, QUOTE_INDIRECT, "депутаты Европарламента", "Цены "
	    "вырастут", "where it was said is no part of the speaker (\"в "
	    "резолюции\")");
	check_one("«Сиди в бункере!» — написала мэр города в ответ на "
	    "требование министра.", 0, QUOTE_DIRECT, "мэр города", "Сиди в "
	    "бункере!", "nor \"в ответ на ...\"");
	check_one("Пожары потушены, сообщило МЧС от 5 августа.", 0,
	    QUOTE_INDIRECT, "МЧС", "Пожары потушены", "nor a number after a "
	    "preposition");

	check_one("Журналист задал вопрос Бараку Обаме. Барак Обама заявил, что "
	    "всё хорошо.", 0, QUOTE_INDIRECT, "Барак Обама", "всё хорошо",
	    "a name written in the nominative beats one an ending rule made "
	    "(\"Бараку Обаме\" gave \"Барак Обаме\")");

	check_one("Трамп говорил с Джо Байденом. Джо Байден заявил, что всё "
	    "хорошо.", 0, QUOTE_INDIRECT, "Джо Байден", "всё хорошо", "a "
	    "man's first name in a vowel leaves the case to the surname: "
	    "\"с Джо Байденом\"");
	check_one("По словам Джо Байдена, всё хорошо.", 0, QUOTE_INDIRECT,
	    "Джо Байден", "всё хорошо", "\"по словам Джо Байдена\"");
	check_one("Путин встретился с Бараком Обамой. Барак Обама заявил, что "
	    "всё хорошо.", 0, QUOTE_INDIRECT, "Барак Обама", "всё хорошо",
	    "a man's surname in -ой in the instrumental ends in -а");

	check_one("Мишель Барнье заявил, что сделка возможна.", 0,
	    QUOTE_INDIRECT, "Мишель Барнье", "сделка возможна", "Мишель is "
	    "a man's name too");
	t = "Джонсон вручил детонатор Мишелю Барнье.\n\nОна заявила, что всё "
	    "хорошо.";
	extract(t, &ql);
	ok(ql.n == 1 && (ql.q[0].speaker == NULL ||
	    strcmp(ql.q[0].speaker, "Мишелю Барнье") != 0), "\"Мишелю\" is a "
	    "man, no antecedent of \"она\"");
	quote_list_free(&ql);

	check_one("Семья Ерлана Карина заявила, что им придется уехать.", 0,
	    QUOTE_INDIRECT, "семья Ерлана Карина", "им придется уехать",
	    "\"семья X\" is the family, not X");
	check_one("Офис премьер-министра объявил, что министр покинул пост.", 0,
	    QUOTE_INDIRECT, "офис премьер-министра", "министр покинул пост",
	    "\"офис\" is a body");
	check_one("Сеть нарушает закон, заявили пользователи во главе с "
	    "Максом Шремсом.", 0, QUOTE_INDIRECT, "пользователи", "Сеть "
	    "нарушает закон", "\"во главе с X\" is no part of the group");

	check_one("Франц Бекенбауэр отшучивается словами: «В моём возрасте "
	    "пора думать об удочке».", 0, QUOTE_DIRECT, "Франц Бекенбауэр",
	    "В моём возрасте пора думать об удочке", "\"X отшучивается "
	    "словами: «Q»\": any verb before \"словами:\"");

	t = "Южная Корея предложила обсудить вопросы торговли.";
	extract(t, &ql);
	ok(ql.n == 1 && ql.q[0].speaker_kind == SPEAKER_INSTITUTION &&
	    ql.q[0].gender == GENDER_UNKNOWN, "a country speaking for its "
	    "government is a body, no woman");
	quote_list_free(&ql);

	check_one("Аким Алматы заявил, что цены снизятся.", 0, QUOTE_INDIRECT,
	    "аким Алматы", "цены снизятся", "\"аким Алматы\": a city after a "
	    "role noun is the role's, no person named Алматы");
	check_role("Аким Шымкента Мурат Айтенов заявил, что дороги "
	    "отремонтируют.", "аким Шымкента", "and the role of the name "
	    "after it");

	t = "Аким Астаны Жениса Касымбека поблагодарили за работу.";
	ok(extract(t, &ql) == 0, "a role and a name in the accusative before "
	    "a plural verb with no subject: nobody named speaks");
	quote_list_free(&ql);

	t = "Радиостанции «Говорит Москва» добавляют: «Причина смерти — "
	    "аневризма».";
	extract(t, &ql);
	ok(ql.n == 1 && ql.q[0].cue_start > 0 &&
	    strncmp(t + ql.q[0].cue_start, "добавляют", 18) == 0,
	    "a verb that opens a name in quotation marks is no cue");
	quote_list_free(&ql);
	t = "Скандалом назвал то, что бывший канцлер работает на Кремль, "
	    "депутат Ребекка Хармс.";
	extract(t, &ql);
	ok(ql.n == 0 || ql.q[0].speaker == NULL ||
	    strcmp(ql.q[0].speaker, "Скандалом") != 0, "an instrumental "
	    "before a verb of naming is no name");
	quote_list_free(&ql);

	check_one("Минфин сообщил, что в публикациях были ошибки, и упомянул "
	    "неудачную попытку провести митинг.", 1, QUOTE_INDIRECT, "Минфин",
	    "неудачную попытку провести митинг", "\"упомянул X\" is a "
	    "speech act with its object");

	check_one("Одним из первых Ерлана Карина с победой поздравил президент "
	    "Касым-Жомарт Токаев.\n\nТокаев заявил, что рад победе.", 0,
	    QUOTE_INDIRECT, "Касым-Жомарт Токаев", "рад победе", "\"одним "
	    "из первых\" is no subject");

	t = "Представитель министерства выступил в Астане.\n\nОн заявил, что "
	    "мясо проверят.\n\nВ тот же день Южная Корея заявила, что "
	    "закроет импорт.";
	extract(t, &ql);
	ok(ql.n == 2 && (ql.q[0].speaker == NULL ||
	    strcmp(ql.q[0].speaker, "Южная Корея") != 0), "a country named "
	    "after \"он\" is no man it refers to");
	quote_list_free(&ql);

	/* A paragraph ending in a colon with no verb of speech, and the
	 * next one in the first person: the words of its subject. */
	check_one("Боксёр Аскар Мусин признался в употреблении допинга:\n\n"
	    "Я делал много глупостей. Мне стыдно перед болельщиками.", 0,
	    QUOTE_DIRECT, "Аскар Мусин", "Я делал много глупостей. Мне "
	    "стыдно перед болельщиками.", "\"X признался в Y:\" then words "
	    "in the first person");
	check_one("Сериал снимали два года.\n\nАйжан Нуртаева (продюсер):\n\n"
	    "Мы многое поняли за эти съёмки.", 0, QUOTE_DIRECT,
	    "Айжан Нуртаева", "Мы многое поняли за эти съёмки.",
	    "a name and a role in parentheses before a colon");
	check_one("Премьер-министр Марат Ахметов подал в отставку и призвал "
	    "к досрочным выборам:\n\nС этим парламентом я не могу "
	    "работать.", 0, QUOTE_DIRECT, "Марат Ахметов", "С этим "
	    "парламентом я не могу работать.", "\"X подал в отставку и "
	    "призвал к Y:\" shares the first verb's subject");
	check_one("Соглашение одобрил и президент Казахстана Касым-Жомарт "
	    "Токаев.\n\nСделка нашла одобрение президента Касым-Жомарта "
	    "Токаева:\n\nЭто хорошая сделка. Мы рассчитываем на инвестиции.",
	    0, QUOTE_DIRECT, "Касым-Жомарт Токаев", "Это хорошая сделка. Мы "
	    "рассчитываем на инвестиции.", "or the person named last, in any "
	    "case");
	t = "Фонд вложил миллион долларов в новые школы:\n\nЯ рад, что мы "
	    "помогли детям.";
	ok(extract(t, &ql) == 0, "a body before the colon does not say "
	    "\"я\"");
	quote_list_free(&ql);
	t = "Музыкант Кит Ларсен покончил с собой:\n\nМы не можем "
	    "поверить, что наш брат Кит ушёл.";
	ok(extract(t, &ql) == 0, "words that name the subject are about "
	    "him, in another's voice");
	quote_list_free(&ql);

	check_one("Пользователи Tumblr угрожали уйти, если сервис продадут, "
	    "указывая на его достоинства.", 0, QUOTE_INDIRECT, "пользователи "
	    "Tumblr", "уйти, если сервис продадут", "a name after a group's "
	    "noun completes the group; a content ends before a gerund of "
	    "speech");

	check_one("Аким Ерлан Жаканов объявил о покупке в своём микроблоге.",
	    0, QUOTE_INDIRECT, "Ерлан Жаканов", "покупке", "a topic of one "
	    "word, before where it was told");

	check_one("Следственный комитет возбудил дело. Как сообщили в "
	    "ведомстве, проверка продолжается.", 0, QUOTE_INDIRECT,
	    "Следственный комитет", "проверка продолжается", "\"в "
	    "ведомстве\" is the body with a name of its own spoken of last");
	check_one("Госдеп США выразил обеспокоенность. В заявлении "
	    "внешнеполитического ведомства говорится, что Вашингтон следит "
	    "за ситуацией.", 0, QUOTE_INDIRECT, "Госдеп США", "Вашингтон "
	    "следит за ситуацией", "so is \"внешнеполитическое ведомство\"");

	check_one("Цены вырастут. Такое мнение в беседе с корреспондентом "
	    "высказал экономист Алибек Куантыров.", 0, QUOTE_INDIRECT,
	    "Алибек Куантыров", "Цены вырастут", "\"Такое мнение ... "
	    "высказал X\": the sentence before");
	check_one("Цены вырастут. Об этом говорится в сообщении министерства "
	    "экономики.", 0, QUOTE_INDIRECT, "министерство экономики", "Цены "
	    "вырастут", "\"Об этом говорится в сообщении X\": the sentence "
	    "before, not \"Об этом\"");
	check_one("Цены вырастут. Об этом Алибек Куантыров заявил "
	    "журналистам.", 0, QUOTE_INDIRECT, "Алибек Куантыров", "Цены "
	    "вырастут", "\"Об этом X заявил журналистам\": X, not the "
	    "addressee");

	check_one("Айгуль Нурова вышла из дома.\n\n— Остались одни старики, — "
	    "вздыхает она.", 0, QUOTE_DIRECT, "Айгуль Нурова", "Остались "
	    "одни старики", "a verb of manner attributes a dash line "
	    "(вздыхает, улыбается)");

	check_one("Аким Ерлан Жаканов подчеркнул важность реформы.", 0,
	    QUOTE_INDIRECT, "Ерлан Жаканов", "реформы", "a topic phrase "
	    "and the one noun it governs");

	t = "Министр Панос Камменос выступил. Вормут попросила Афины "
	    "продолжить санкции, особенно в связи с Крымом, сообщил "
	    "Камменос.";
	check_one(t, 0, QUOTE_INDIRECT, "Панос Камменос", "Вормут попросила "
	    "Афины продолжить санкции, особенно в связи с Крымом", "\"X "
	    "попросила C, сообщил Y\": what Y reported, X's request in it");
	ok(extract(t, &ql) == 1, "and no second record of the request");
	quote_list_free(&ql);

	check_one("Женщины предложили Биби уйти, на что она, по словам "
	    "обвинения, ответила оскорблениями пророку Мухаммеду.", 0,
	    QUOTE_INDIRECT, "женщины", "она, по словам обвинения, ответила "
	    "оскорблениями пророку Мухаммеду", "a verb and a name in the "
	    "dative after a comma are no postposed attribution");

	check_one("«Мы хотим выставляться дома», — сказала куратор музея "
	    "Айгерим Жакупова.", 0, QUOTE_DIRECT, "Айгерим Жакупова", "Мы "
	    "хотим выставляться дома", "a full name with a first name after "
	    "a body's noun is a person, not the body's complement");

	t = "Посольство США считает случившееся «неприятным инцидентом» и "
	    "выражает надежду, что сотрудничество продолжится.";
	check_one(t, 0, QUOTE_INDIRECT, "посольство США", "случившееся "
	    "«неприятным инцидентом»", "\"считает X «Y»\": the predicate in "
	    "quotation marks; the что of the next verb is not this one's");
	check_one(t, 1, QUOTE_INDIRECT, "посольство США", "сотрудничество "
	    "продолжится", "and the next verb has its own");

	check_one("Куратор выставки Айгерим Жакупова пришла на открытие. "
	    "Директор музея Иван Петров тоже пришёл. Куратор сказала, что "
	    "выставка продлится месяц.", 0, QUOTE_INDIRECT, "Айгерим "
	    "Жакупова", "выставка продлится месяц", "\"куратор\" is a role "
	    "noun: the person the article gave that role");
	check_one("Историк Иван Петров пришёл на открытие. По словам "
	    "историка, выставка продлится месяц.", 0, QUOTE_INDIRECT, "Иван "
	    "Петров", "выставка продлится месяц", "so is \"историк\"");

	check_one("По словам таксиста, нападавших было трое.", 0,
	    QUOTE_INDIRECT, "таксист", "нападавших было трое", "\"по "
	    "словам\" and a person's noun no list knows, in the nominative");
	check_one("По словам хозяина квартиры, нападавших было трое.", 0,
	    QUOTE_INDIRECT, "хозяин квартиры", "нападавших было трое", "and "
	    "its complement as written");
	t = "По данным следствия, нападавших было трое.";
	ok(extract(t, &ql) == 0, "\"по данным X\" is still no cue");
	quote_list_free(&ql);

	t = "Завод запустят в мае. — Мы готовы к запуску, — сказал директор "
	    "Иван Петров. — Работы осталось немного. Анна Ким пришла.";
	check_one(t, 0, QUOTE_DIRECT, "Иван Петров", "Мы готовы к запуску",
	    "dash dialogue inside a paragraph (line breaks lost)");
	check_one(t, 1, QUOTE_DIRECT, "Иван Петров", "Работы осталось "
	    "немного.", "and its part after the attribution, to the end of "
	    "its sentence");

	/* Issue 14, kind 2: the nearest name is not the speaker. */
	check_one("Пресс-секретарь компании Kaspi сказал, что сервис "
	    "восстановлен.", 0, QUOTE_INDIRECT, "пресс-секретарь компании "
	    "Kaspi", "сервис восстановлен", "a company's name after a role "
	    "noun is the role's employer; the role is the source");
	check_one("Официальный представитель авиакомпании Air Astana пояснил, "
	    "что рейсы задерживаются.", 0, QUOTE_INDIRECT, "официальный "
	    "представитель авиакомпании Air Astana", "рейсы задерживаются",
	    "so with an adjective before the role");
	check_one("Аким Сауле Омарова считает, что ремонт необходим.\n\n"
	    "Эту информацию подтвердил депутат Нурлан Абдиров, отметив, что "
	    "вопрос на контроле.", 1, QUOTE_INDIRECT, "Нурлан Абдиров",
	    "вопрос на контроле", "a gerund's subject is its clause's, also "
	    "when it follows the finite verb");

	check_one("В пресс-службе премьер-министра Анны Ким сообщили, что "
	    "визит перенесён.", 0, QUOTE_INDIRECT, "пресс-служба "
	    "премьер-министра Анны Ким", "визит перенесён", "\"в пресс-службе "
	    "X\": the body, with the whole name of the person it serves");
	check_one("В канцелярии премьер-министра Анны Ким сообщили, что "
	    "визит перенесён.", 0, QUOTE_INDIRECT, "канцелярия "
	    "премьер-министра Анны Ким", "визит перенесён", "an office no "
	    "list of bodies knows (канцелярия, аппарат) is the body too, "
	    "not the person it serves");
	check_one("Аким Марат Оспанов уехал. В аппарате акима Алматы "
	    "сообщили, что работы продолжатся.", 0, QUOTE_INDIRECT, "аппарат "
	    "акима Алматы", "работы продолжатся", "nor the last person named");

	check_one("Цены вырастут. Так считает экономист Алибек Куантыров.", 0,
	    QUOTE_INDIRECT, "Алибек Куантыров", "Цены вырастут", "\"Так "
	    "считает X\": the sentence before, like \"Такое мнение\"");
	check_one("Аким Серик Досанов пришёл. «Ситуация под контролем». Так "
	    "прокомментировал происшествие пресс-секретарь Шынгыс Алекешев.",
	    0, QUOTE_DIRECT, "Шынгыс Алекешев", "Ситуация под контролем",
	    "\"Так прокомментировал X\" after a quote in marks: X's");
	t = "Аким Серик Досанов пришёл. Так, в 2019 году аким заявил, что "
	    "мост построят.";
	ok(extract(t, &ql) == 1, "\"Так,\" opening a sentence is no \"Так "
	    "V X\"");
	quote_list_free(&ql);

	/* Issue 14, kind 1: forms and framings the lists lacked. */
	check_one("Со слов очевидца Айдара Бекова, взрыв прогремел ночью.", 0,
	    QUOTE_INDIRECT, "Айдар Беков", "взрыв прогремел ночью", "\"со "
	    "слов X\" like \"по словам X\"");
	check_one("Министр Анна Ким выступила. На её взгляд, реформа "
	    "запоздала.", 0, QUOTE_INDIRECT, "Анна Ким", "реформа запоздала",
	    "\"на её взгляд\" like \"по её мнению\"");
	check_one("Министерство выразило опасение, что цены вырастут.", 0,
	    QUOTE_INDIRECT, "министерство", "цены вырастут", "\"выразило "
	    "опасение, что\"");
	check_one("Аким Ерлан Жаканов объявляет, что мост закроют.", 0,
	    QUOTE_INDIRECT, "Ерлан Жаканов", "мост закроют", "the "
	    "imperfective \"объявляет\"");
	check_one("Депутат Анна Ким согласна, что закон нужен.", 0,
	    QUOTE_INDIRECT, "Анна Ким", "закон нужен", "\"согласна, что\" "
	    "like \"уверена, что\"");
	check_one("Эксперт Марат Абенов возражает, что цены не вырастут.", 0,
	    QUOTE_INDIRECT, "Марат Абенов", "цены не вырастут", "the "
	    "imperfective \"возражает\"");
	check_one("Эксперт Марат Абенов заключил, что реформа провалилась.", 0,
	    QUOTE_INDIRECT, "Марат Абенов", "реформа провалилась",
	    "\"заключил, что\" takes a clause too");
	check_one("Аким Ерлан Жаканов поклялся, что мост построят.", 0,
	    QUOTE_INDIRECT, "Ерлан Жаканов", "мост построят", "\"поклялся, "
	    "что\"");

	check_one("Президент Касым Аманов встретился с премьер-министром "
	    "Турции Ахметом Йылмазом.\n\n«Мы удвоим товарооборот», — сказал "
	    "он.", 0, QUOTE_DIRECT, "Касым Аманов", "Мы удвоим товарооборот",
	    "a pronoun is the subject before, not a name in apposition to "
	    "a role in the instrumental, past the role's complement");

	check_one("Министр Рахим Жумабаев провёл встречу с министром Японии "
	    "Таро Коно.\n\n«Мы удвоим товарооборот», — сказал он.", 0,
	    QUOTE_DIRECT, "Рахим Жумабаев", "Мы удвоим товарооборот", "so "
	    "with a first name that does not decline");

	check_one("Аким Ерлан Жаканов пожаловался на нехватку кадров.", 0,
	    QUOTE_INDIRECT, "Ерлан Жаканов", "нехватку кадров", "a complaint "
	    "and its topic (\"пожаловался на\", \"посетовал на\")");

	t = "Депутаты раскритиковали министра Ерлана Карина. Ерлана Карина "
	    "назвали лучшим министром года. Её признали виновной в хищении.";
	ok(extract(t, &ql) == 1, "a person named as the object before a "
	    "plural verb with no subject (\"X назвали Y\", \"её признали\") "
	    "is no quote, neither X's nor the last speaker's");
	quote_list_free(&ql);

	/* A topic after an addressee in the dative, with any topic verb. */
	check_one("Министр Аскар Жумагалиев сообщил журналистам о планах "
	    "запустить спутник.", 0, QUOTE_INDIRECT, "Аскар Жумагалиев",
	    "планах запустить спутник", "\"сообщил журналистам о\": a "
	    "dative addressee before the topic");
	check_one("Асель Жанузакова рассказала депутатам о ходе реформы.", 0,
	    QUOTE_INDIRECT, "Асель Жанузакова", "ходе реформы",
	    "\"рассказала депутатам о\"");
	check_one("Депутат Асель Жанузакова рассказала корреспонденту о "
	    "ходе реформы.", 0, QUOTE_INDIRECT, "Асель Жанузакова",
	    "ходе реформы", "\"рассказала корреспонденту о\": a singular "
	    "addressee");

	/* A participial clause after the subject, opened by an adverb. */
	check_one("Ерлан Карин заявил, что реформа продолжится.\n\n"
	    "Нурлан Ногаев, ранее возглавлявший министерство, считает, что "
	    "проект окупится.", 1, QUOTE_INDIRECT, "Нурлан Ногаев",
	    "проект окупится", "\"X, ранее возглавлявший Y, считает\": "
	    "the subject before the clause, not the last speaker");
	check_one("Ерлан Карин заявил, что реформа продолжится.\n\n"
	    "Нурлан Ногаев, долго работавший в министерстве, считает, что "
	    "проект окупится.", 1, QUOTE_INDIRECT, "Нурлан Ногаев",
	    "проект окупится", "\"X, долго работавший в Y, считает\"");

	/* A quote over several paragraphs: each opens with a mark, only
	 * the last closes, and its attribution names the source of all. */
	t = "Ерлан Карин заявил, что реформа продолжится.\n\n"
	    "«Первая часть длинной цитаты, которая продолжается.\n\n"
	    "«Вторая часть той же цитаты, которая кончается здесь», — "
	    "сказал Мурат Абенов.";
	check_one(t, 1, QUOTE_DIRECT, "Мурат Абенов",
	    "Первая часть длинной цитаты, которая продолжается.",
	    "a quote paragraph left open takes the attribution of the "
	    "paragraph that closes it, not the last speaker");
	check_one(t, 2, QUOTE_DIRECT, "Мурат Абенов",
	    "Вторая часть той же цитаты, которая кончается здесь",
	    "the paragraph that closes the quote");
	check_one("Ерлан Карин заявил, что реформа продолжится.\n\n"
	    "\"Первая часть длинной цитаты, которая продолжается.\n\n"
	    "\"Вторая часть той же цитаты, которая кончается здесь\", - "
	    "сказала Айгуль Нурланова.", 1, QUOTE_DIRECT, "Айгуль Нурланова",
	    "Первая часть длинной цитаты, которая продолжается.",
	    "the same in straight marks");

	/* A transcript line: "Имя Фамилия: text" in one paragraph. */
	check_one("Айгуль Нурланова: Мы выполнили все обязательства перед "
	    "инвесторами.", 0, QUOTE_DIRECT, "Айгуль Нурланова",
	    "Мы выполнили все обязательства перед инвесторами.",
	    "\"Имя Фамилия: text\" is the person's quote");
	check_one("Министр финансов Ерлан Карин: Бюджет будет исполнен.", 0,
	    QUOTE_DIRECT, "Ерлан Карин", "Бюджет будет исполнен.",
	    "\"Role Имя Фамилия: text\"");
	t = "Итоги года: экономика выросла на пять процентов.\n\n"
	    "Астана: в городе открылся новый мост через реку.\n\n"
	    "Свидетельство о регистрации Эл № ФС77-1 Учредитель: "
	    "государственное предприятие «Медиа».";
	ok(extract(t, &ql) == 0, "a heading, a place or a footer before a "
	    "colon is no speaker");
	quote_list_free(&ql);

	/* A name in „“ marks inside a role, as one in «» is. */
	check_one("«Работники могут отказаться от прививки», — говорит член "
	    "Ассоциации юристов, партнер ТОО «Заң» Асель Бекова.", 0,
	    QUOTE_DIRECT, "Асель Бекова", "Работники могут отказаться от "
	    "прививки", "a role holding a company in «»");
	check_one("„Работники могут отказаться от прививки“, — говорит член "
	    "Ассоциации юристов, партнер ТОО „Заң“ Асель Бекова.", 0,
	    QUOTE_DIRECT, "Асель Бекова", "Работники могут отказаться от "
	    "прививки", "a role holding a company in „“");

	/* "V: Text" in one paragraph, no marks: the quote runs to the
	 * paragraph's end, as a paragraph after "V:" does. */
	check_one("В интервью агентству Аскар Мамин отметил: Мы выполнили все "
	    "обязательства. Реформа завершится в срок.", 0, QUOTE_DIRECT,
	    "Аскар Мамин", "Мы выполнили все обязательства. Реформа "
	    "завершится в срок.", "\"V: Text. Text.\" without marks");
	check_one("Айгуль Нурланова написала в соцсети: Скорблю вместе со "
	    "всеми. Мои соболезнования семьям.", 0, QUOTE_DIRECT,
	    "Айгуль Нурланова", "Скорблю вместе со всеми. Мои соболезнования "
	    "семьям.", "\"написала в соцсети: Text\"");
	check_one("Глава ведомства Ерлан Карин пояснил: цены останутся "
	    "прежними. Рынок стабилен.", 0, QUOTE_INDIRECT, "Ерлан Карин",
	    "цены останутся прежними", "\"V: text\" in lower case stays a "
	    "clause of one sentence");

	/* "Источник, знакомый с ситуацией, сообщил": an adjective and its
	 * complement set off by commas, like a participial clause. */
	check_one("Источник, знакомый с ситуацией, сообщил агентству, что "
	    "сделка отложена.", 0, QUOTE_INDIRECT, "источник",
	    "сделка отложена", "\"Источник, знакомый с ситуацией, "
	    "сообщил\"");
	check_one("Собеседник агентства, близкий к переговорам, рассказал, "
	    "что подозреваемых трое.", 0, QUOTE_INDIRECT,
	    "собеседник агентства", "подозреваемых трое",
	    "\"Собеседник агентства, близкий к переговорам, рассказал\"");

	/* A connective and a comma before the framing: the content is what
	 * follows the source, as at the sentence's start. */
	check_one("Однако, по словам Айдара Сулейменова, рост продолжится.", 0,
	    QUOTE_INDIRECT, "Айдар Сулейменов", "рост продолжится",
	    "\"Однако, по словам X, C\"");
	check_one("Вместе с тем, по мнению Асель Бековой, паники нет.", 0,
	    QUOTE_INDIRECT, "Асель Бекова", "паники нет",
	    "\"Вместе с тем, по мнению X, C\"");
	check_one("Рост, по словам Айдара Сулейменова, продолжится.", 0,
	    QUOTE_INDIRECT, "Айдар Сулейменов", "Рост, по словам Айдара "
	    "Сулейменова, продолжится", "a framing inside its content keeps "
	    "the whole sentence");

	/* A relative or participial clause after the framing's source. */
	check_one("По словам Айдара Сулейменова, который возглавляет центр, "
	    "рост продолжится.", 0, QUOTE_INDIRECT, "Айдар Сулейменов",
	    "рост продолжится", "\"По словам X, который ..., C\"");
	check_one("По мнению Асель Бековой, возглавляющей фонд, паники нет.",
	    0, QUOTE_INDIRECT, "Асель Бекова", "паники нет",
	    "\"По мнению X, возглавляющей Y, C\"");

	/* "Об этом" with a longer setting before the verb. */
	check_one("Вакцину закупят в Индии. Об этом в эфире телеканала «Хабар» "
	    "заявил заместитель министра Марат Карабаев.", 0, QUOTE_INDIRECT,
	    "Марат Карабаев", "Вакцину закупят в Индии",
	    "\"Об этом в эфире телеканала «Y» заявил X\"");

	/* A body as a place: a legal form and its name in marks. */
	check_one("В АО «КТЖ» сообщили, что поезда задерживаются.", 0,
	    QUOTE_INDIRECT, "АО «КТЖ»", "поезда задерживаются",
	    "\"В АО «КТЖ» сообщили\": the name in marks is the body's");
	check_one("В ТОО «Самрук-Энерго» пояснили, что тарифы не изменятся.", 0,
	    QUOTE_INDIRECT, "ТОО «Самрук-Энерго»", "тарифы не изменятся",
	    "\"В ТОО «Самрук-Энерго» пояснили\"");

	/* A body's name in marks as the subject, alone or after a legal
	 * form; a medium so named is still sourcing. */
	check_one("Ерлан Карин заявил, что реформа продолжится.\n\n"
	    "АО «Казахтелеком» сообщило, что связь восстановлена.", 1,
	    QUOTE_INDIRECT, "АО «Казахтелеком»", "связь восстановлена",
	    "\"АО «X» сообщило\" is the company's, not the last speaker's");
	check_one("Ерлан Карин заявил, что реформа продолжится.\n\n"
	    "«Алем» заявила, что завод откроется.", 1, QUOTE_INDIRECT,
	    "Алем", "завод откроется", "\"«X» заявила\"");
	t = "«Ведомости» сообщают, что телеканал закроется.";
	ok(extract(t, &ql) == 0, "a medium in marks reporting is no source");
	quote_list_free(&ql);

	/* "выступило с заявлением, в котором говорится, что C": the
	 * statement is its author's. */
	check_one("Погода была хорошей.\n\nМинистерство иностранных дел в "
	    "четверг выступило с заявлением, в котором говорится, что посол "
	    "будет вызван.", 0, QUOTE_INDIRECT,
	    "министерство иностранных дел", "посол будет вызван",
	    "\"X выступило с заявлением, в котором говорится, что C\"");
	check_one("Профсоюз учителей распространил обращение, в котором "
	    "отмечается, что забастовка продолжится.", 0, QUOTE_INDIRECT,
	    "профсоюз учителей", "забастовка продолжится",
	    "\"X распространил обращение, в котором отмечается, что C\"");

	/* A gerund's clause in -уя, -оря between subject and verb. */
	check_one("Айбек Смадияров сообщил, что посол вызван.\n\n"
	    "Ерлан Карин, комментируя слова министра, заявил, что цены не "
	    "вырастут.", 1, QUOTE_INDIRECT, "Ерлан Карин",
	    "цены не вырастут", "\"X, комментируя Y, заявил\"");
	check_one("Айбек Смадияров сообщил, что посол вызван.\n\n"
	    "Ерлан Карин, говоря о ценах, заявил, что рост замедлится.", 1,
	    QUOTE_INDIRECT, "Ерлан Карин", "рост замедлится",
	    "\"X, говоря о Y, заявил\"");

	/* "выступили против" is a position, not speech (corpus/train's
	 * annotators); "высказался за" is a reported topic. */
	t = "Депутаты Айдос Сарым и Ермурат Бапи выступили против "
	    "законопроекта.";
	ok(extract(t, &ql) == 0, "\"выступили против\" is no quote");
	quote_list_free(&ql);
	check_one("Ранее Мурат Абенов высказался за снижение налогов.", 0,
	    QUOTE_INDIRECT, "Мурат Абенов", "снижение налогов",
	    "\"высказался за\" is a reported topic");

	/* What is not a quote. */
	t = "Мост отремонтируют к лету, передает BAQ.KZ.\n\n"
	    "Напомним, что мост построили давно.\n\n"
	    "Работы начнутся в мае, сообщается на сайте.\n\n"
	    "Депутаты приняли закон «О дорожном движении».\n\n"
	    "Суд постановил, что компания выплатит штраф.";
	ok(extract(t, &ql) == 0, "media sourcing, newsroom voice, "
	    "impersonal reports, titles and court rulings are no quotes");
	quote_list_free(&ql);

	/* Spans are byte offsets into the text, in text order. */
	t = "«Первое предложение тут», — сказал Иван Петров. "
	    "«Второе предложение здесь», — добавил он.";
	extract(t, &ql);
	ok(ql.n == 2, "two quotes");
	for (i = 0; i + 1 < ql.n; i++)
		ok(ql.q[i].start < ql.q[i + 1].start, "quotes in text order");
	if (ql.n == 2) {
		got = span(t, ql.q[1].cue_start, ql.q[1].cue_end);
		is(got, "добавил", "cue span");
		free(got);
		got = span(t, ql.q[1].mention_start, ql.q[1].mention_end);
		is(got, "он", "mention span");
		free(got);
	}
	quote_list_free(&ql);

	ok(extract("", &ql) == 0, "an empty article has no quotes");
	quote_list_free(&ql);
	check_first_name_gender();
	check_messy();
	check_lexicon_errors();
	lexicon_free(lx);
	return tap_done();
}
