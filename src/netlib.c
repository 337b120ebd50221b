/*
 * netlib.c: libcurl and libxml2, loaded when a command first needs them.
 *
 * Linked into the program, the two libraries and theirs (TLS, Kerberos,
 * LDAP, ICU, ... 35 shared objects) were mapped and relocated at every
 * start of citata: 33 of the 42 ms an empty program linked like it took
 * to start, for every command and the reader, while only fetching and
 * reading feeds use them.  Instead these definitions stand for the
 * functions of theirs that citata calls (feed.c, fetch.c, html.c call
 * them by their own names, unchanged): the first call of each opens its
 * library with dlopen() and finds the function, later calls go straight
 * to it.  The headers are those the program was built with, so the
 * compiler checks every prototype here against them.
 *
 * A library that cannot be loaded is fatal, naming it, except through
 * netlib_curl_check(), which fetch_global_init() calls first so that
 * "citata fetch" reports it as any other failure.
 */
#include "config.h"

#define CURL_DISABLE_TYPECHECK	/* its macros would rename these */
#include <curl/curl.h>
#include <dlfcn.h>
#include <libxml/HTMLparser.h>
#include <libxml/parser.h>
#include <libxml/parserInternals.h>
#include <libxml/tree.h>
#include <libxml/uri.h>
#include <libxml/xmlerror.h>
#include <stdarg.h>
#include <string.h>

#include "netlib.h"
#include "util.h"

enum netlib_lib {
	NETLIB_CURL,
	NETLIB_XML
};

/* The names each library goes by, its ABI's first. */
static const char *const netlib_names[][3] = {
	[NETLIB_CURL] = { "libcurl.so.4", "libcurl-gnutls.so.4", "libcurl.so" },
	[NETLIB_XML] = { "libxml2.so.2", "libxml2.so", NULL }
};

static void	*netlib_handle[2];

/* Opens library lib once; NULL with *cause set when it cannot. */
static void *
netlib_open(enum netlib_lib lib, char **cause)
{
	void	*h = __atomic_load_n(&netlib_handle[lib], __ATOMIC_ACQUIRE);
	size_t	 i;

	if (h != NULL)
		return h;
	for (i = 0; i < 3 && netlib_names[lib][i] != NULL; i++)
		if ((h = dlopen(netlib_names[lib][i], RTLD_NOW |
		    RTLD_LOCAL)) != NULL)
			break;
	if (h == NULL) {
		*cause = xasprintf("cannot load %s: %s", netlib_names[lib][0],
		    dlerror());
		return NULL;
	}
	__atomic_store_n(&netlib_handle[lib], h, __ATOMIC_RELEASE);
	return h;
}

/* Function name of library lib, into *fn (a function pointer's bytes). */
static void
netlib_sym(enum netlib_lib lib, const char *name, void *fn, size_t size)
{
	char	*cause = NULL;
	void	*h, *p;

	if ((h = netlib_open(lib, &cause)) == NULL)
		fatal("%s (needed to fetch and read feeds)", cause);
	if ((p = dlsym(h, name)) == NULL)
		fatal("%s: no %s in %s", netlib_names[lib][0], name,
		    netlib_names[lib][0]);
	memcpy(fn, &p, size);	/* POSIX: a function's address */
}

int
netlib_curl_check(char **cause)
{
	return netlib_open(NETLIB_CURL, cause) != NULL ? 0 : -1;
}

/*
 * The pointer to name's function, found on the first call.  Two threads
 * may both look it up; they store the same value.
 */
#define NETLIB_FIND(lib, name, ptr) do {				\
	if (__atomic_load_n(&(ptr), __ATOMIC_ACQUIRE) == NULL) {	\
		__typeof__(ptr)	 f_;					\
									\
		netlib_sym(lib, #name, &f_, sizeof(f_));		\
		__atomic_store_n(&(ptr), f_, __ATOMIC_RELEASE);		\
	}								\
} while (0)

/* The same for a variable's address. */
#define NETLIB_FIND_DATA(lib, name, ptr) do {				\
	if (__atomic_load_n(&(ptr), __ATOMIC_ACQUIRE) == NULL) {	\
		__typeof__(ptr)	 p_;					\
									\
		netlib_sym(lib, #name, &p_, sizeof(p_));		\
		__atomic_store_n(&(ptr), p_, __ATOMIC_RELEASE);		\
	}								\
} while (0)

/* A function returning ret, with parameters params and arguments args. */
#define NETLIB_FN(lib, ret, name, params, args)				\
ret									\
name params								\
{									\
	static ret	(*fn) params;					\
									\
	NETLIB_FIND(lib, name, fn);					\
	return fn args;							\
}

#define NETLIB_VOID(lib, name, params, args)				\
void									\
name params								\
{									\
	static void	(*fn) params;					\
									\
	NETLIB_FIND(lib, name, fn);					\
	fn args;							\
}

/* libcurl */
NETLIB_FN(NETLIB_CURL, CURLcode, curl_global_init, (long flags), (flags))
NETLIB_VOID(NETLIB_CURL, curl_global_cleanup, (void), ())
NETLIB_FN(NETLIB_CURL, CURL *, curl_easy_init, (void), ())
NETLIB_VOID(NETLIB_CURL, curl_easy_cleanup, (CURL *h), (h))
NETLIB_FN(NETLIB_CURL, const char *, curl_easy_strerror, (CURLcode c), (c))
NETLIB_VOID(NETLIB_CURL, curl_free, (void *p), (p))
NETLIB_FN(NETLIB_CURL, time_t, curl_getdate,
    (const char *p, const time_t *unused), (p, unused))
NETLIB_FN(NETLIB_CURL, CURLM *, curl_multi_init, (void), ())
NETLIB_FN(NETLIB_CURL, CURLMcode, curl_multi_cleanup, (CURLM *m), (m))
NETLIB_FN(NETLIB_CURL, CURLMcode, curl_multi_add_handle, (CURLM *m, CURL *h),
    (m, h))
NETLIB_FN(NETLIB_CURL, CURLMcode, curl_multi_remove_handle,
    (CURLM *m, CURL *h), (m, h))
NETLIB_FN(NETLIB_CURL, CURLMsg *, curl_multi_info_read, (CURLM *m, int *n),
    (m, n))
NETLIB_FN(NETLIB_CURL, CURLMcode, curl_multi_perform, (CURLM *m, int *n),
    (m, n))
NETLIB_FN(NETLIB_CURL, CURLMcode, curl_multi_poll,
    (CURLM *m, struct curl_waitfd extra[], unsigned int nextra, int ms,
    int *n), (m, extra, nextra, ms, n))
NETLIB_FN(NETLIB_CURL, const char *, curl_multi_strerror, (CURLMcode c), (c))
NETLIB_FN(NETLIB_CURL, struct curl_slist *, curl_slist_append,
    (struct curl_slist *l, const char *s), (l, s))
NETLIB_VOID(NETLIB_CURL, curl_slist_free_all, (struct curl_slist *l), (l))
NETLIB_FN(NETLIB_CURL, CURLU *, curl_url, (void), ())
NETLIB_VOID(NETLIB_CURL, curl_url_cleanup, (CURLU *u), (u))
NETLIB_FN(NETLIB_CURL, CURLUcode, curl_url_get,
    (CURLU *u, CURLUPart what, char **part, unsigned int flags),
    (u, what, part, flags))
NETLIB_FN(NETLIB_CURL, CURLUcode, curl_url_set,
    (CURLU *u, CURLUPart what, const char *part, unsigned int flags),
    (u, what, part, flags))

/*
 * The variadic three take one more argument, whose type the option's
 * number tells, as libcurl itself reads it: a long below
 * CURLOPTTYPE_OBJECTPOINT, then a pointer, a function, a curl_off_t and,
 * from CURLOPTTYPE_BLOB, a pointer again.  curl_easy_getinfo() always
 * takes a pointer.
 */
#define NETLIB_OPTION(fn, h, opt, ap) do {				\
	if ((opt) < CURLOPTTYPE_OBJECTPOINT)				\
		rc = fn(h, opt, va_arg(ap, long));			\
	else if ((opt) < CURLOPTTYPE_FUNCTIONPOINT)			\
		rc = fn(h, opt, va_arg(ap, void *));			\
	else if ((opt) < CURLOPTTYPE_OFF_T)				\
		rc = fn(h, opt, va_arg(ap, void (*)(void)));		\
	else if ((opt) < CURLOPTTYPE_BLOB)				\
		rc = fn(h, opt, va_arg(ap, curl_off_t));		\
	else								\
		rc = fn(h, opt, va_arg(ap, void *));			\
} while (0)

CURLcode
curl_easy_setopt(CURL *h, CURLoption opt, ...)
{
	static CURLcode	(*fn)(CURL *, CURLoption, ...);
	CURLcode	rc;
	va_list		ap;

	NETLIB_FIND(NETLIB_CURL, curl_easy_setopt, fn);
	va_start(ap, opt);
	NETLIB_OPTION(fn, h, opt, ap);
	va_end(ap);
	return rc;
}

CURLMcode
curl_multi_setopt(CURLM *m, CURLMoption opt, ...)
{
	static CURLMcode (*fn)(CURLM *, CURLMoption, ...);
	CURLMcode	 rc;
	va_list		 ap;

	NETLIB_FIND(NETLIB_CURL, curl_multi_setopt, fn);
	va_start(ap, opt);
	NETLIB_OPTION(fn, m, opt, ap);
	va_end(ap);
	return rc;
}

CURLcode
curl_easy_getinfo(CURL *h, CURLINFO info, ...)
{
	static CURLcode	(*fn)(CURL *, CURLINFO, ...);
	CURLcode	rc;
	va_list		ap;

	NETLIB_FIND(NETLIB_CURL, curl_easy_getinfo, fn);
	va_start(ap, info);
	rc = fn(h, info, va_arg(ap, void *));
	va_end(ap);
	return rc;
}

/* libxml2 */
NETLIB_FN(NETLIB_XML, xmlStructuredErrorFunc *, __xmlStructuredError,
    (void), ())
NETLIB_FN(NETLIB_XML, void **, __xmlStructuredErrorContext, (void), ())
NETLIB_VOID(NETLIB_XML, xmlSetStructuredErrorFunc,
    (void *ctx, xmlStructuredErrorFunc fn_), (ctx, fn_))
NETLIB_FN(NETLIB_XML, xmlParserCtxtPtr, xmlNewParserCtxt, (void), ())
NETLIB_VOID(NETLIB_XML, xmlFreeParserCtxt, (xmlParserCtxtPtr c), (c))
NETLIB_FN(NETLIB_XML, xmlErrorPtr, xmlCtxtGetLastError, (void *c), (c))
NETLIB_FN(NETLIB_XML, xmlDocPtr, xmlCtxtReadMemory,
    (xmlParserCtxtPtr c, const char *buf, int size, const char *url,
    const char *enc, int opts), (c, buf, size, url, enc, opts))
NETLIB_FN(NETLIB_XML, htmlDocPtr, htmlReadMemory,
    (const char *buf, int size, const char *url, const char *enc, int opts),
    (buf, size, url, enc, opts))
NETLIB_FN(NETLIB_XML, const htmlEntityDesc *, htmlEntityLookup,
    (const xmlChar *name), (name))
NETLIB_VOID(NETLIB_XML, xmlFreeDoc, (xmlDocPtr d), (d))
NETLIB_FN(NETLIB_XML, xmlNodePtr, xmlDocGetRootElement, (const xmlDoc *d),
    (d))
NETLIB_FN(NETLIB_XML, long, xmlGetLineNo, (const xmlNode *n), (n))
NETLIB_FN(NETLIB_XML, xmlChar *, xmlGetNsProp,
    (const xmlNode *n, const xmlChar *name, const xmlChar *ns),
    (n, name, ns))
NETLIB_FN(NETLIB_XML, xmlChar *, xmlNodeGetBase,
    (const xmlDoc *d, const xmlNode *n), (d, n))
NETLIB_FN(NETLIB_XML, xmlChar *, xmlNodeListGetString,
    (xmlDocPtr d, const xmlNode *l, int inl), (d, l, inl))
NETLIB_FN(NETLIB_XML, xmlChar *, xmlBuildURI,
    (const xmlChar *uri, const xmlChar *base), (uri, base))
NETLIB_FN(NETLIB_XML, int, xmlCopyCharMultiByte, (xmlChar *out, int val),
    (out, val))
NETLIB_FN(NETLIB_XML, xmlBufferPtr, xmlBufferCreate, (void), ())
NETLIB_VOID(NETLIB_XML, xmlBufferFree, (xmlBufferPtr b), (b))
NETLIB_FN(NETLIB_XML, const xmlChar *, xmlBufferContent, (const xmlBuffer *b),
    (b))
NETLIB_FN(NETLIB_XML, int, xmlBufferLength, (const xmlBuffer *b), (b))
/* xmlFree is a variable: the library's own, called through. */
static void
netlib_xml_free(void *p)
{
	static xmlFreeFunc	*lib;

	NETLIB_FIND_DATA(NETLIB_XML, xmlFree, lib);
	(*lib)(p);
}

xmlFreeFunc	xmlFree = netlib_xml_free;

NETLIB_FN(NETLIB_XML, int, xmlNodeDump,
    (xmlBufferPtr b, xmlDocPtr d, xmlNodePtr n, int level, int format),
    (b, d, n, level, format))
