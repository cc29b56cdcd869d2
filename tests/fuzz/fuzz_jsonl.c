/* Any bytes as one line of `extract` JSONL (what `add` and `build` read
 * from a sharded run): never a crash, leak or out-of-bounds read; a
 * refusal always has a message; what is read writes back to a line that
 * reads back to the same line (the reader and the writer agree). */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include "wardgraph.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static int ready;
    wg_article *a = NULL, *b = NULL;
    char *text = NULL, *text2 = NULL, *line, *line2;
    if (!ready) {
        wg_init();
        ready = 1;
    }
    if (wg_article_from_jsonl(&a, (const char *)data, size, &text) < 0) {
        if (!*wg_error_last() || a || text)
            abort();
        return 0;
    }
    if (!(line = wg_article_to_jsonl_text(a, text, text ? strlen(text) : 0)))
        abort();
    if (wg_article_from_jsonl(&b, line, strlen(line), &text2) < 0)
        abort();
    if (!(line2 = wg_article_to_jsonl_text(b, text2, text2 ? strlen(text2) : 0)) || strcmp(line, line2) != 0)
        abort();
    free(line);
    free(line2);
    free(text);
    free(text2);
    wg_article_free(a);
    wg_article_free(b);
    return 0;
}
