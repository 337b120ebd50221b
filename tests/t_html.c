/*
 * t_html.c: HTML to article text (html.c): paragraphs, line breaks,
 * entities, dropped elements, lists, tables, controls, charsets and
 * plain text.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "html.h"
#include "util.h"

#include "tap.h"

static char	*conv(const char *, const char *);
static char	*slurp(const char *, size_t *);
static void	 test_blocks(void);
static void	 test_drop(void);
static void	 test_controls(void);
static void	 test_plain(void);
static void	 test_markup(void);
static void	 test_hostile(void);

/* html_to_text() of the NUL-terminated s; the caller frees it. */
static char *
conv(const char *s, const char *charset)
{
	size_t	 n = 12345;
	char	*r = html_to_text(s, strlen(s), charset, &n);

	if (n != strlen(r))
		tap_diag("outlen %zu, strlen %zu", n, strlen(r));
	return r;
}

/* The fixture tests/feeds/NAME; the caller frees it. */
static char *
slurp(const char *name, size_t *len)
{
	char	rel[256];

	snprintf(rel, sizeof(rel), "tests/feeds/%s", name);
	return tap_slurp(rel, len);
}

#define IS(html, charset, want, name) do {				\
	char	*got_ = conv((html), (charset));			\
									\
	is(got_, (want), (name));					\
	free(got_);							\
} while (0)

static void
test_blocks(void)
{
	IS("<p>Первый абзац.</p><p>Второй   абзац.</p>", NULL,
	    "Первый абзац.\n\nВторой абзац.", "paragraphs split by \\n\\n");
	IS("\n\n  <p>  Аким   сказал  </p>\n\n<div></div>", NULL,
	    "Аким сказал", "spaces collapse, no blank lines at the ends");
	IS("<p>Строка один<br>строка два<br/>  строка три</p>", NULL,
	    "Строка один\nстрока два\nстрока три", "<br> is a line break");
	IS("<p>Абзац<br><br>новый абзац</p>", NULL,
	    "Абзац\n\nновый абзац", "two <br> make a paragraph break");
	IS("Текст до<div>блок</div>текст после", NULL,
	    "Текст до\n\nблок\n\nтекст после", "a block inside text");
	IS("<p>Акимат &laquo;Оскемена&raquo; &amp; &#1179;ала &#x049B;"
	    " &lt;тег&gt; &quot;q&quot;</p>", NULL,
	    "Акимат «Оскемена» & қала қ <тег> \"q\"", "entities decoded");
	IS("<p>5&nbsp;км и 12&#8239;400</p>", NULL,
	    "5\xc2\xa0км и 12\xe2\x80\xaf" "400",
	    "a no-break space between words is kept");
	IS("<p>&nbsp;&nbsp;Отступ &nbsp; и&nbsp; пробелы&nbsp;</p>"
	    "<p>&nbsp;</p>", NULL, "Отступ и пробелы",
	    "no-break spaces at the ends and beside spaces go");
	IS("<p>Читайте <a href=\"/news/1\">на <b>сайте</b></a>.</p>", NULL,
	    "Читайте на сайте.", "a link keeps its text");
	IS("<ul><li>Один<ul><li>Два</li><li>Три <i>курсив</i></li></ul>"
	    "</li><li>Четыре</li></ul>", NULL,
	    "Один\n\nДва\n\nТри курсив\n\nЧетыре",
	    "nested lists: an item a paragraph");
	IS("<table><tr><th>Район</th><th>Школ</th></tr>\n<tr><td>Ульбинский"
	    "</td> <td>12</td></tr><tr><td></td><td>7</td></tr></table>",
	    NULL, "Район | Школ\n\nУльбинский | 12\n\n7",
	    "a table row a paragraph, cells separated by \" | \"");
	IS("<table><tr><td><p>Вёрстка</p><p>таблицей</p></td></tr></table>",
	    NULL, "Вёрстка\n\nтаблицей",
	    "a layout table's cell holds paragraphs");
	IS("<p>До</p><blockquote>Цитата <p>внутри</p></blockquote>после",
	    NULL, "До\n\nЦитата\n\nвнутри\n\nпосле",
	    "blockquote is a paragraph");
	IS("<pre>строка 1\n  строка 2\r\n\nстрока 3</pre>", NULL,
	    "строка 1\nстрока 2\n\nстрока 3", "<pre> keeps its lines");
	IS("<h2>Заголовок</h2>Текст", NULL, "Заголовок\n\nТекст",
	    "a heading is a paragraph");
	IS("<p>и\xcc\x86 е\xcc\x88</p>", NULL, "й ё", "NFC");
	IS("<p>\xcf\xf0\xe8\xe2\xe5\xf2 &laquo;\xc0\xea\xe8\xec&raquo;</p>",
	    "windows-1251", "Привет «Аким»", "windows-1251");
	IS("<p>\xf0\xd2\xc9\xd7\xc5\xd4</p>", "KOI8-R", "Привет", "KOI8-R");
	IS("<meta charset=\"windows-1251\"><p>Привет</p>", NULL, "Привет",
	    "a <meta> charset does not override the one given");
	IS("<p>Сәлем</p>", "no-such-charset", "Сәлем",
	    "an unknown charset is read as UTF-8");
	IS("", NULL, "", "empty input gives \"\"");
	IS("<p> </p><div>&nbsp;</div><br><br>", NULL, "",
	    "blank markup gives \"\"");
}

static void
test_drop(void)
{
	IS("<p>Текст<script>var a = '<p>скрипт</p>';</script> и</p>"
	    "<style>p{}</style><noscript>нет</noscript>"
	    "<template><p>шаблон</p></template>"
	    "<iframe src=x>рамка</iframe><object>объект</object>"
	    "<img src=x alt=фото><svg><text>svg</text></svg>"
	    "<form>форма<button>кнопка</button></form>"
	    "<nav>меню</nav><header>шапка</header><footer>подвал</footer>"
	    "<aside>сбоку</aside><p>конец</p>", NULL, "Текст и\n\nконец",
	    "scripts, styles, frames, images, forms, navigation dropped");
	IS("<!DOCTYPE html><html><head><title>Заголовок окна</title>"
	    "<meta charset=utf-8></head><body><h1>Новость</h1>"
	    "<!-- комментарий --><p>Текст</p></body></html>", NULL,
	    "Новость\n\nТекст", "a whole page: the body, no comments");
}

static void
test_controls(void)
{
	char	*s, *r;
	size_t	 i;
	int	 clean = 1;

	IS("<p>a&#27;[31mb\x1b[0mc\xc2\x85" "d\te\x7f" "f\xc2\x9b" "g</p>",
	    NULL, "a[31mb[0mc d ef" "g", "C0 and C1 controls dropped, "
	    "tab and NEL are spaces");
	IS("<p>ab\xff\xfe" "cd \xd0</p>", NULL,
	    "ab\xef\xbf\xbd\xef\xbf\xbd" "cd \xef\xbf\xbd",
	    "invalid UTF-8 becomes U+FFFD");
	r = html_to_text("<p>a\0b</p>", 10, NULL, NULL);
	is(r, "ab", "a NUL byte is dropped");
	free(r);
	s = xmalloc(20000 * 5 + 32);
	memcpy(s, "<p>до</p>", 12);
	for (i = 0; i < 20000; i++)
		memcpy(s + 12 + i * 5, "<div>", 5);
	memcpy(s + 12 + i * 5, "x", 2);
	r = conv(s, NULL);
	is(r, "до", "20,000 nested <div> elements: the text ends at "
	    "libxml2's depth limit");
	free(r);
	free(s);
	s = xmalloc(256 + 1);
	for (i = 0; i < 256; i++)
		s[i] = (char)(i == 0 ? ' ' : i);
	s[256] = '\0';
	r = html_to_text(s, 256, "ISO-8859-1", NULL);
	for (i = 0; r[i] != '\0'; i++)
		if (((unsigned char)r[i] < 0x20 && r[i] != '\n') ||
		    r[i] == 0x7f || ((unsigned char)r[i] == 0xc2 &&
		    (unsigned char)r[i + 1] >= 0x80 &&
		    (unsigned char)r[i + 1] <= 0x9f))
			clean = 0;
	ok(clean, "every Latin-1 byte: no control comes out");
	free(r);
	free(s);
}

static void
test_plain(void)
{
	char	*r;

	IS("Первый абзац,\nего продолжение.\n\n  \nВторой абзац.\n", NULL,
	    "Первый абзац, его продолжение.\n\nВторой абзац.",
	    "plain text: paragraphs at blank lines");
	IS("Цены: 5 < 6 и 7 > 3, AT&T\r\n\r\nКонец", NULL,
	    "Цены: 5 < 6 и 7 > 3, AT&T\n\nКонец",
	    "plain text with < and & but no markup is kept");
	r = html_plain_to_text("a <b>  &amp;\tc\x1b", 14, NULL);
	is(r, "a <b> &amp; c", "html_plain_to_text() reads no markup");
	free(r);
	r = html_plain_to_text("", 0, NULL);
	is(r, "", "html_plain_to_text() of nothing");
	free(r);
}

static void
test_markup(void)
{
	static const char *const yes[] = {
		"<p>", "a<br/>b", "x</div>", "<A HREF=\"/\">a</A>", "&amp;",
		"5&nbsp;км", "&#1179;", "&#x49b;", "<!-- c -->", "<li\n>",
		"<!DOCTYPE html>", "<td>"
	};
	static const char *const no[] = {
		"", "просто текст", "5 < 6 и 7 > 3", "AT&T", "&;", "&#;",
		"<Оскемен>", "<pp>", "a < b > c", "&amp", "<br2>", "< p>",
		"x <- y"
	};
	size_t	i;
	int	all;

	for (i = 0, all = 1; i < sizeof(yes) / sizeof(yes[0]); i++)
		if (!html_is_markup(yes[i], strlen(yes[i]))) {
			tap_diag("'%s' is not taken for markup", yes[i]);
			all = 0;
		}
	ok(all, "tags of HTML elements, comments and references are markup");
	for (i = 0, all = 1; i < sizeof(no) / sizeof(no[0]); i++)
		if (html_is_markup(no[i], strlen(no[i]))) {
			tap_diag("'%s' is taken for markup", no[i]);
			all = 0;
		}
	ok(all, "other text is not");
	ok(!html_is_markup("<p>", 2), "only len bytes are read");
}

static void
test_hostile(void)
{
	char	*s, *r;
	size_t	 n;

	s = slurp("hostile.html", &n);
	r = html_to_text(s, n, NULL, NULL);
	is(r, "Акимат Оскемена «за» & «против»\n\n"
	    "Учитель Айгүл Сәрсенова сказала: «Мы\xc2\xa0готовы».\n\n"
	    "Escape: [31mкрасный[0m и ESC]0;title конец.\n\n"
	    "Первый пункт\n\nвложенный қ\n\nещё один\n\nВторой пункт\n\n"
	    "Район | Школ\n\nУльбинский | 12\n\nЦитата в блоке.",
	    "tests/feeds/hostile.html");
	free(r);
	free(s);
}

int
main(void)
{
	test_blocks();
	test_drop();
	test_controls();
	test_plain();
	test_markup();
	test_hostile();
	return tap_done();
}
