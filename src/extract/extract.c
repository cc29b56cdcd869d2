/* wg_extract: one article in, its entities out. Pure: the result depends
 * only on the document and the lexicon, so articles can be extracted in
 * parallel. */
#include <string.h>
#include "extract/extract.h"

int wg_extract(wg_article **out, const wg_doc *doc, const wg_lexicon *lex)
{
    wg_i_ctx c = {.doc = doc, .lex = lex};
    int err = 0;
    *out = NULL;
    if ((c.art = wg_i_calloc(1, sizeof *c.art)) == NULL)
        return WG_ENOMEM;
    c.art->source = wg_i_strdup(doc->source);
    c.art->title = wg_i_strdup(wg_doc_title(doc));
    c.art->date = wg_i_strdup(wg_doc_date(doc));
    c.art->date_source = wg_i_strdup(wg_doc_date_source(doc));
    c.art->byline = wg_i_strdup(wg_doc_byline(doc));
    if (!c.art->source || !c.art->title || !c.art->date || !c.art->date_source || !c.art->byline)
        err = WG_ENOMEM;
    if (!err)
        err = wg_i_tokenize(&c);
    if (!err)
        err = wg_i_find_officials(&c);
    if (!err)
        err = wg_i_find_places(&c);
    if (!err)
        err = wg_i_find_projects(&c);
    if (!err)
        err = wg_i_scope_officials(&c);
    if (!err)
        err = wg_i_find_presence(&c);
    if (!err)
        err = wg_i_fingerprint(&c);
    free(c.folds);
    free(c.tok);
    wg_strmap_free(&c.keys);
    wg_strmap_free(&c.spans);
    if (err < 0) {
        wg_article_free(c.art);
        return err;
    }
    *out = c.art;
    return 0;
}
