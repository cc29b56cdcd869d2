/* text: decoding, skipping bad input, metadata. */
#include <stdlib.h>
#include "harness.h"
#include "wardgraph.h"

static wg_doc *doc_of(const char *name, const char *bytes, size_t len)
{
    wg_doc *d = NULL;
    wg_doc_new(&d, name, bytes, len, NULL);
    return d;
}

int main(void)
{
    wg_doc *d;
    wg_init();

    OK(doc_of("empty.txt", "", 0) == NULL, "empty file skipped");
    STR_EQ(wg_error_last(), "empty.txt: empty file");
    OK(doc_of("bin.txt", "abc\0def", 7) == NULL, "binary file skipped");
    STR_EQ(wg_error_last(), "bin.txt: binary file (NUL byte at offset 3)");

    const char *bad = "TI\xc3\x8aU \xff\xfe\n\nNg\xc3\xa0y 24/2/2023, ...\n\nLong To\xc3\xa0n";
    d = doc_of("bad.txt", bad, strlen(bad));
    OK(d != NULL, "invalid UTF-8 is replaced, not fatal");
    if (d) {
        INT_EQ(wg_doc_warning_count(d), 2);
        INT_EQ(wg_doc_warning(d, 0)->offset, 6);
        STR_EQ(wg_doc_date(d), "2023-02-24");
        STR_EQ(wg_doc_byline(d), "Long Toàn");
        wg_doc_free(d);
    }

    /* UTF-16LE with BOM */
    const char u16[] = "\xff\xfe" "A\0\xb0\x01" "\n\0" "x\0";
    d = doc_of("u16.txt", u16, sizeof u16 - 1);
    OK(d != NULL, "UTF-16 decoded");
    if (d) {
        STR_EQ(wg_doc_title(d), "Aư");
        wg_doc_free(d);
    }

    const char *partial = "Tiêu đề\n\n18\n\nChiều 13/4, BTV Thành ủy làm việc.\n\nMinh Cường";
    d = doc_of("p.txt", partial, strlen(partial));
    OK(d != NULL, "partial date doc");
    if (d) {
        STR_EQ(wg_doc_title(d), "Tiêu đề");
        STR_EQ(wg_doc_date(d), "--04-13");
        STR_EQ(wg_doc_byline(d), "Minh Cường");
        wg_doc_free(d);
    }
    return HARNESS_DONE();
}
