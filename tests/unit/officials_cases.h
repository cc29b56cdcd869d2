/* Shared by the officials tests: extract one article written for the test
 * and look at its officials. */
#ifndef WG_TEST_OFFICIALS_H
#define WG_TEST_OFFICIALS_H

#include <stdlib.h>
#include <string.h>
#include "harness.h"
#include "wardgraph.h"

static wg_lexicon *lex;

/* Extracts "Tiêu đề\n\nBODY\n\nBYLINE". */
static inline wg_article *run(const char *body, const char *byline)
{
    char text[8192];
    wg_doc *d = NULL;
    wg_article *a = NULL;
    snprintf(text, sizeof text, "Hội nghị\n\n%s\n\n%s\n", body, byline ? byline : "Minh Cường");
    if (wg_doc_new(&d, "t.txt", text, strlen(text), NULL) < 0)
        return NULL;
    if (wg_extract(&a, d, lex) < 0)
        a = NULL;
    wg_doc_free(d);
    return a;
}

static inline size_t count_officials(const wg_article *a)
{
    size_t n = 0;
    for (size_t i = 0; a && i < a->nentities; i++)
        n += a->entities[i].type == WG_OFFICIAL;
    return n;
}

static inline const wg_entity *official(const wg_article *a, const char *name)
{
    for (size_t i = 0; a && i < a->nentities; i++)
        if (a->entities[i].type == WG_OFFICIAL && strcmp(a->entities[i].name, name) == 0)
            return &a->entities[i];
    return NULL;
}

static inline int has_title(const wg_entity *e, const char *t)
{
    for (size_t i = 0; e && i < e->ntitles; i++)
        if (strcmp(e->titles[i], t) == 0)
            return 1;
    return 0;
}

#define OFFICIAL(a, name)                                                   \
    do {                                                                    \
        OK(official((a), (name)) != NULL, "no official '%s'", (name));      \
    } while (0)
#define TITLE(a, name, t)                                                   \
    do {                                                                    \
        OK(has_title(official((a), (name)), (t)), "'%s' lacks title '%s'", (name), (t)); \
    } while (0)
#define ROLES(a, name, bits)                                                \
    do {                                                                    \
        const wg_entity *e_ = official((a), (name));                        \
        OK(e_ && e_->roles == (bits), "'%s' roles %u, want %u", (name), e_ ? e_->roles : 99u, (unsigned)(bits)); \
    } while (0)

#endif
