/* Officials: keys — one person per name and province (SPEC section 2,
 * official; section 3). */
#include <string.h>
#include <unicode/uchar.h>
#include "extract/officials.h"

/* ---- keys: one person per name and province ---- */

/* A national post: its holder is the same person in every province. */
static int national(const wg_entity *e)
{
    static const char *const words[] = {"trung ương", "bộ chính trị", "chính phủ", "thủ tướng", "ban bí thư",
                                        "bộ trưởng", "thứ trưởng", "tổng bí thư", "chủ tịch nước", "chủ tịch quốc hội"};
    for (size_t t = 0; t < e->ntitles; t++) {
        char *f = wg_i_fold(e->titles[t], strlen(e->titles[t]));
        int hit = 0;
        for (size_t w = 0; f && w < WG_ARRAY_LEN(words) && !hit; w++)
            hit = strstr(f, words[w]) != NULL;
        free(f);
        if (hit)
            return 1;
    }
    return 0;
}

/* The province of a ward or committee key ("ward:phường-x.cà-mau",
 * "committee:tỉnh-ủy.tỉnh-cà-mau"), or NULL. */
static const char *key_province(const wg_entity *e, size_t *len)
{
    const char *dot = strrchr(e->key, '.');
    if (!dot || (e->type != WG_WARD && e->type != WG_COMMITTEE))
        return NULL;
    /* a body the article could not place is keyed by the article ("….bài-x.txt") */
    if (strstr(e->key, ".bài-"))
        return NULL;
    dot++;
    if (e->type == WG_COMMITTEE) {
        /* only committees whose scope names a province or a city under the centre */
        if (strncmp(dot, "tỉnh-", strlen("tỉnh-")) == 0)
            dot += strlen("tỉnh-");
        else if (strncmp(dot, "thành-phố-", strlen("thành-phố-")) == 0 && strchr(e->key, '.') != strrchr(e->key, '.'))
            dot += strlen("thành-phố-");
        else if (strchr(e->key, '.') == strrchr(e->key, '.'))
            return NULL;
    }
    *len = strlen(dot);
    return *len ? dot : NULL;
}

/* Two officials of the same name in different provinces are two people
 * (SPEC section 3: merge only on evidence). The article's province is the
 * one its wards name most (committees when it names no ward); a holder of
 * a national post keeps the bare name. Runs after the places recogniser. */
int wg_i_scope_officials(wg_i_ctx *c)
{
    wg_article *a = c->art;
    const char *best = NULL;
    size_t bestlen = 0, bestn = 0;
    for (int pass = 0; pass < 2 && !best; pass++) {
        for (size_t i = 0; i < a->nentities; i++) {
            size_t l, n = 0;
            const char *p;
            if (a->entities[i].type != (pass == 0 ? WG_WARD : WG_COMMITTEE) ||
                (p = key_province(&a->entities[i], &l)) == NULL)
                continue;
            for (size_t j = 0; j < a->nentities; j++) {
                size_t l2;
                const char *q;
                if (a->entities[j].type == a->entities[i].type && (q = key_province(&a->entities[j], &l2)) != NULL &&
                    l2 == l && memcmp(p, q, l) == 0)
                    n += a->entities[j].nmentions;
            }
            if (n > bestn) {
                best = p;
                bestlen = l;
                bestn = n;
            }
        }
    }
    if (!best)
        return 0;
    char *prov = wg_i_strndup(best, bestlen);
    if (!prov)
        return WG_ENOMEM;
    for (size_t i = 0; i < a->nentities; i++) {
        wg_entity *e = &a->entities[i];
        if (e->type != WG_OFFICIAL || national(e))
            continue;
        wg_buf b = WG_BUF_INIT;
        wg_buf_puts(&b, e->key);
        wg_buf_putc(&b, '.');
        wg_buf_puts(&b, prov);
        char *k = wg_buf_detach(&b);
        if (!k) {
            free(prov);
            return WG_ENOMEM;
        }
        free(e->key);
        e->key = k;
    }
    free(prov);
    return 0;
}
