/* One very long article: every body and place of a paragraph of thousands
 * of clauses is still found once per mention, and each scope is resolved
 * as in a short one. A correctness test at a size where naming each body
 * by scanning every place phrase (or each mention by scanning its
 * entity's earlier mentions) took minutes; with the indexes it takes a
 * second or two. The clause is written for the test. */
#include <stdlib.h>
#include <string.h>
#include "harness.h"
#include "wardgraph.h"

enum { REPEAT = 12000 };

static const wg_entity *find(const wg_article *a, wg_entity_type t, const char *name)
{
    for (size_t i = 0; a && i < a->nentities; i++)
        if (a->entities[i].type == t && strcmp(a->entities[i].name, name) == 0)
            return &a->entities[i];
    return NULL;
}

static size_t mentions(const wg_article *a, wg_entity_type t, const char *name)
{
    const wg_entity *e = find(a, t, name);
    return e ? e->nmentions : 0;
}

int main(void)
{
    static const char clause[] = "Đảng ủy phường Cầu Kho làm việc với UBND quận và Ban Dân vận Quận ủy Quận 1 "
                                 "tại phường Cầu Kho; ";
    wg_lexicon *lex = NULL;
    wg_doc *d = NULL;
    wg_article *a = NULL;
    wg_init();
    if (wg_lexicon_new(&lex) < 0) {
        fprintf(stderr, "no lexicon: %s\n", wg_error_last());
        return 1;
    }
    size_t cl = strlen(clause), n = 0;
    char *text = malloc(cl * REPEAT + 64);
    if (!text)
        return 1;
    n += (size_t)sprintf(text, "Hội nghị\n\n");
    for (int i = 0; i < REPEAT; i++, n += cl)
        memcpy(text + n, clause, cl);
    n += (size_t)sprintf(text + n, "\n\nMinh Cường\n");
    OK(wg_doc_new(&d, "big.txt", text, n, NULL) == 0, "doc: %s", wg_error_last());
    OK(d && wg_extract(&a, d, lex) == 0, "extract: %s", wg_error_last());
    /* the bare "UBND quận" of each clause takes the district its clause names */
    INT_EQ(mentions(a, WG_COMMITTEE, "UBND Quận 1"), REPEAT);
    INT_EQ(mentions(a, WG_COMMITTEE, "Đảng ủy phường Cầu Kho"), REPEAT);
    INT_EQ(mentions(a, WG_COMMITTEE, "Quận ủy Quận 1"), REPEAT);
    INT_EQ(mentions(a, WG_COMMITTEE, "Ban Dân vận Quận ủy Quận 1"), REPEAT);
    INT_EQ(mentions(a, WG_WARD, "phường Cầu Kho"), 2 * REPEAT);
    INT_EQ(a ? a->nentities : 0, 5);
    wg_article_free(a);
    wg_doc_free(d);
    free(text);
    wg_lexicon_free(lex);
    return HARNESS_DONE();
}
