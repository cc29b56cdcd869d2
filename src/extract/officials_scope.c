/* Officials: keys — one person per name and scope (SPEC section 2,
 * official; section 3). The scope is the province of the posts the
 * article gives the person (the organ and place of a title: "Chủ tịch UBND
 * TP.HCM" is TP.HCM's in an article from any province), else the
 * article's province; a holder of national posts only keeps the bare name,
 * and one with a national post beside a local one keeps the local scope. */
#include <string.h>
#include "extract/officials.h"
#include "extract/places.h"

/* ---- keys: one person per name and province ---- */

/* A national post: its holder is the same person in every province. */
static int national(const char *title)
{
    static const char *const words[] = {"trung ương", "bộ chính trị", "chính phủ", "thủ tướng", "ban bí thư",
                                        "bộ trưởng", "thứ trưởng", "tổng bí thư", "chủ tịch nước", "chủ tịch quốc hội",
                                        "vụ trưởng"};
    char *f = wg_i_fold(title, strlen(title));
    int hit = 0;
    for (size_t w = 0; f && w < WG_ARRAY_LEN(words) && !hit; w++)
        hit = strstr(f, words[w]) != NULL;
    free(f);
    return hit;
}

/* Every post of `e` is national (and there is one): no province in the key.
 * "Trưởng đoàn ĐBQH tỉnh" names a province: "tỉnh" words make a post local. */
static int national_only(const wg_entity *e)
{
    for (size_t t = 0; t < e->ntitles; t++) {
        char *f = wg_i_fold(e->titles[t], strlen(e->titles[t]));
        int local = !f || strstr(f, "tỉnh") || strstr(f, "thành phố") || strstr(f, "huyện") || strstr(f, "xã") ||
                    strstr(f, "phường") || !national(e->titles[t]);
        free(f);
        if (local)
            return 0;
    }
    return e->ntitles > 0;
}

/* Is the slug ("hồ-chí-minh") the bare name of a province of the gazetteer? */
static int province_slug(const wg_lexicon *lex, const char *slug, size_t len)
{
    const wg_i_places *pl = lex->places;
    char name[256];
    size_t idx;
    if (!pl || len >= sizeof name)
        return 0;
    for (size_t i = 0; i < len; i++)
        name[i] = slug[i] == '-' ? ' ' : slug[i];
    name[len] = '\0';
    if (!wg_strmap_get(&pl->bare, name, &idx))
        return 0;
    for (size_t u = idx; u != WG_NONE && u < pl->nu; u = pl->u[u].next)
        if (pl->u[u].level == LV_P)
            return 1;
    return 0;
}

/* The province of a ward or committee key ("ward:phường-x.cà-mau",
 * "committee:tỉnh-ủy.tỉnh-cà-mau", "committee:ubnd.thành-phố-hồ-chí-minh"),
 * or NULL. */
static const char *key_province(const wg_lexicon *lex, const wg_entity *e, size_t *len)
{
    const char *dot = strrchr(e->key, '.');
    if (!dot || (e->type != WG_WARD && e->type != WG_COMMITTEE))
        return NULL;
    /* a body the article could not place is keyed by the article ("….bài-x.txt") */
    if (strstr(e->key, ".bài-"))
        return NULL;
    dot++;
    if (e->type == WG_COMMITTEE && strchr(e->key, '.') == dot - 1) {
        /* one scope: a province ("tỉnh-"), or a city under the centre */
        if (strncmp(dot, "tỉnh-", strlen("tỉnh-")) == 0)
            dot += strlen("tỉnh-");
        else if (strncmp(dot, "thành-phố-", strlen("thành-phố-")) == 0 &&
                 province_slug(lex, dot + strlen("thành-phố-"), strlen(dot + strlen("thành-phố-"))))
            dot += strlen("thành-phố-");
        else
            return NULL;
    }
    *len = strlen(dot);
    return *len ? dot : NULL;
}

/* The article's province: the one its wards name most (committees when it
 * names no ward); NULL when none. */
static const char *article_province(const wg_i_ctx *c, size_t *len)
{
    const wg_article *a = c->art;
    const char *best = NULL;
    size_t bestn = 0;
    *len = 0;
    for (int pass = 0; pass < 2 && !best; pass++) {
        for (size_t i = 0; i < a->nentities; i++) {
            size_t l, n = 0;
            const char *p;
            if (a->entities[i].type != (pass == 0 ? WG_WARD : WG_COMMITTEE) ||
                (p = key_province(c->lex, &a->entities[i], &l)) == NULL)
                continue;
            for (size_t j = 0; j < a->nentities; j++) {
                size_t l2;
                const char *q;
                if (a->entities[j].type == a->entities[i].type &&
                    (q = key_province(c->lex, &a->entities[j], &l2)) != NULL && l2 == l && memcmp(p, q, l) == 0)
                    n += a->entities[j].nmentions;
            }
            if (n > bestn) {
                best = p;
                *len = l;
                bestn = n;
            }
        }
    }
    return best;
}

/* Does folded title `t` end with, or contain followed by a comma-free
 * continuation, the folded organ `o` ("chủ tịch ubnd tp.hcm" / "ubnd tp.hcm")? */
static int title_names(const char *t, const char *o)
{
    size_t lt = strlen(t), lo = strlen(o);
    for (const char *p = strstr(t, o); p; p = strstr(p + 1, o))
        if ((p == t || p[-1] == ' ') && (p[lo] == '\0' || p[lo] == ' ') && (size_t)(p - t) + lo <= lt)
            return 1;
    return 0;
}

/* The folded name of each of the article's committees that has a
 * province (NULL for other entities): folded once for all its officials. */
static int committee_folds(const wg_i_ctx *c, char ***out)
{
    const wg_article *a = c->art;
    char **f = wg_i_calloc(a->nentities + 1, sizeof *f);
    if (!f)
        return WG_ENOMEM;
    for (size_t i = 0; i < a->nentities; i++) {
        size_t l;
        if (a->entities[i].type != WG_COMMITTEE || key_province(c->lex, &a->entities[i], &l) == NULL)
            continue;
        if ((f[i] = wg_i_o_title_fold(a->entities[i].name)) == NULL) {
            for (size_t j = 0; j < i; j++)
                free(f[j]);
            free(f);
            return WG_ENOMEM;
        }
    }
    *out = f;
    return 0;
}

/* The province the titles of `e` name: that of the longest committee of
 * the article a title names; NULL when none does. `*folds` is made by
 * committee_folds on first use. */
static const char *title_province(const wg_i_ctx *c, const wg_entity *e, size_t *len, int *err, char ***folds)
{
    const wg_article *a = c->art;
    const char *best = NULL;
    size_t bestlen = 0;
    if (e->ntitles && !*folds && (*err = committee_folds(c, folds)) < 0)
        return NULL;
    for (size_t t = 0; t < e->ntitles && !*err; t++) {
        char *ft = wg_i_o_title_fold(e->titles[t]);
        if (!ft) {
            *err = WG_ENOMEM;
            break;
        }
        for (size_t i = 0; i < a->nentities; i++) {
            const wg_entity *o = &a->entities[i];
            size_t l;
            const char *p;
            if (o->type != WG_COMMITTEE || (p = key_province(c->lex, o, &l)) == NULL)
                continue;
            const char *fo = (*folds)[i];
            size_t lo = strlen(fo);
            if (lo > bestlen && title_names(ft, fo)) {
                best = p;
                *len = l;
                bestlen = lo;
            }
        }
        free(ft);
    }
    return best;
}

/* Two officials of the same name in different provinces are two people
 * (SPEC section 3: merge only on evidence). Runs after the places
 * recogniser, whose committees place the organs of the titles. */
int wg_i_scope_officials(wg_i_ctx *c)
{
    wg_article *a = c->art;
    char **folds = NULL;
    size_t artlen;
    const char *art = article_province(c, &artlen);
    int err = 0;
    /* the article's own scope is kept too: the store and --province filter on it */
    if (art && !(a->province = wg_i_strndup(art, artlen)))
        return WG_ENOMEM;
    for (size_t i = 0; i < a->nentities && !err; i++) {
        wg_entity *e = &a->entities[i];
        size_t len = 0;
        const char *prov;
        if (e->type != WG_OFFICIAL)
            continue;
        prov = title_province(c, e, &len, &err, &folds);
        if (!prov && !err && !national_only(e)) {
            prov = art;
            len = artlen;
        }
        if (!prov || err)
            continue;
        wg_buf b = WG_BUF_INIT;
        wg_buf_puts(&b, e->key);
        wg_buf_putc(&b, '.');
        wg_buf_put(&b, prov, len);
        char *k = wg_buf_detach(&b);
        if (!k) {
            err = WG_ENOMEM;
            break;
        }
        free(e->key);
        e->key = k;
    }
    for (size_t i = 0; folds && i < a->nentities; i++)
        free(folds[i]);
    free(folds);
    return err;
}
