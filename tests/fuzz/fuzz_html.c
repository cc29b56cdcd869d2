/* Any bytes as an HTML page through the text stage and extraction: must
 * never crash, leak or read out of bounds; the text must be valid UTF-8
 * and every offset (the map, the mentions) must stay inside the input as
 * read. The first byte picks the options (forced HTML or sniffed, an ICU
 * encoding), so one corpus covers them. */
#include <stdint.h>
#include <stdlib.h>
#include "text/text.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static wg_lexicon *lex;
    wg_read_options opts = WG_READ_OPTIONS_INIT;
    wg_doc *doc = NULL;
    wg_article *a = NULL;
    if (!lex) {
        wg_init();
        if (wg_lexicon_new(&lex) < 0)
            abort();
    }
    if (size && (data[0] & 3) == 1)
        opts.encoding = "windows-1258";
    else if (size && (data[0] & 3) == 2)
        opts.kind = WG_INPUT_AUTO;
    else
        opts.kind = WG_INPUT_HTML;
    if (wg_doc_new(&doc, "fuzz.html", (const char *)data, size, &opts) < 0) {
        if (wg_doc_skip_reason() == WG_SKIP_NONE)
            abort(); /* a refusal always says why */
        return 0;
    }
    for (size_t i = 0; i < doc->text_len;) {
        size_t k = wg_utf8_valid_len((const unsigned char *)doc->text + i, doc->text_len - i);
        if (!k || doc->text[i] == '\0')
            abort();
        i += k;
    }
    for (size_t i = 0; i <= doc->text_len; i++)
        if (doc->map[i] > doc->orig_len)
            abort();
    if (doc->body_start > doc->text_len || doc->body_end > doc->text_len)
        abort();
    if (wg_extract(&a, doc, lex) == 0) {
        char *json = wg_article_to_jsonl(a);
        for (size_t i = 0; i < a->nentities; i++)
            for (size_t m = 0; m < a->entities[i].nmentions; m++)
                if (a->entities[i].mentions[m].start > a->entities[i].mentions[m].end ||
                    a->entities[i].mentions[m].end > doc->orig_len)
                    abort();
        free(json);
    }
    wg_article_free(a);
    wg_doc_free(doc);
    return 0;
}
