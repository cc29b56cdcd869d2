/* Any bytes through the whole text + extraction path: must never crash,
 * leak or read out of bounds, and offsets must stay inside the input. */
#include <stdint.h>
#include <stdlib.h>
#include "wardgraph.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static wg_lexicon *lex;
    wg_doc *doc = NULL;
    wg_article *a = NULL;
    if (!lex) {
        wg_init();
        if (wg_lexicon_new(&lex) < 0)
            abort();
    }
    if (wg_doc_new(&doc, size && data[0] == '<' ? "fuzz.html" : "fuzz.txt", (const char *)data, size, NULL) < 0)
        return 0;
    if (wg_extract(&a, doc, lex) == 0) {
        char *json = wg_article_to_jsonl(a);
        size_t text_len;
        (void)wg_doc_text(doc, &text_len);
        for (size_t i = 0; i < a->nentities; i++)
            for (size_t m = 0; m < a->entities[i].nmentions; m++)
                if (a->entities[i].mentions[m].start > a->entities[i].mentions[m].end)
                    abort();
        free(json);
    }
    wg_article_free(a);
    wg_doc_free(doc);
    return 0;
}
