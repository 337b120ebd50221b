/*
 * fuzz_import_text.c: libFuzzer target for the plain-text seed format of
 * import.c; the input is the file.  The checks are in fuzz_import.c.
 */
#include "config.h"

#include <stddef.h>
#include <stdint.h>

#include "fuzz.h"
#include "import.h"

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	fuzz_import(data, size, IMPORT_TEXT);
	return 0;
}
