#ifndef NETLIB_H
#define NETLIB_H

/*
 * netlib.c: libcurl and libxml2, loaded with dlopen() when a command
 * first calls one of their functions, not at every start of citata.
 * feed.c, fetch.c and html.c call the libraries by their own names;
 * netlib.c defines those names.
 */

/* Whether libcurl can be loaded: 0, or -1 with *cause set (the caller
 * frees it). */
int	netlib_curl_check(char **cause);

#endif /* NETLIB_H */
