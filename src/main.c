/*
 * main.c: options, locale, and choosing a mode.
 */
#include "config.h"

#include <stdio.h>
#include <string.h>

#include "util.h"

int
main(int argc, char **argv)
{
	util_set_progname(argv[0]);
	if (argc > 1 && strcmp(argv[1], "--version") == 0) {
		printf("%s\n", PACKAGE_STRING);
		return 0;
	}
	return 0;
}
