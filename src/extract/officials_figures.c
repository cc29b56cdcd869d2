/* Officials: historical and revered figures are never officials (SPEC
 * section 2, official): a name of figures.txt ("Hồ Chí Minh", "Võ Nguyên
 * Giáp"), and anyone the text remembers rather than meets — named in the
 * clause of a commemoration word ("thắp hương tưởng niệm Chủ tịch X",
 * "học tập tấm gương đồng chí X", "Di chúc của Chủ tịch X"). A namesake
 * of a figure with a local post is a living official. */
#include <string.h>
#include "extract/officials.h"

/* How far before a name's honorific and titles a commemoration word may stand. */
#define MEMORIAL_REACH 4

size_t wg_i_o_figure_at(const ostate *st, size_t k)
{
    size_t w, idx = wg_i_o_phrase_at(st, &st->lex->figures, k, &w);
    if (!tag_is(&st->lex->figures, idx, "figure") || !T(st, k)->cap)
        return 0;
    /* the whole name, not the start of a longer one */
    if (k + w < st->nb && soft(st, k + w) && wg_i_o_name_tok(st, k + w))
        return 0;
    return w;
}

/* Is a commemoration word in the clause just before token `from`? */
static int remembered(const ostate *st, size_t from)
{
    for (size_t k = from; k-- > 0 && from - k <= MEMORIAL_REACH + 3;) {
        size_t w, idx = wg_i_o_phrase_at(st, &st->lex->figures, k, &w);
        if (tag_is(&st->lex->figures, idx, "memorial") && k + w <= from && from - (k + w) <= MEMORIAL_REACH) {
            int clause = 1;
            for (size_t j = k + 1; j <= from && clause; j++)
                clause = !(T(st, j)->gap & (HARD_GAP & ~WG_GAP_QUOTE));
            if (clause)
                return 1;
        }
        if (T(st, k + 1)->gap & (WG_GAP_STOP | WG_GAP_NL | WG_GAP_SEMI))
            break;
    }
    return 0;
}

/* A post of today's local government: a namesake of a figure who holds
 * one ("Phạm Văn Đồng, Chủ tịch UBND phường ...") is a living official. */
static int local_post(const char *title)
{
    static const char *const w[] = {"ubnd", "hđnd", "ủy", "phường", "xã", "huyện", "tỉnh", "quận", "trấn",
                                    "sở", "mttq", "đảng", "khu"};
    char *f = wg_i_fold(title, strlen(title));
    int hit = 0;
    for (const char *p = f; p && *p && !hit;) {
        size_t n = strcspn(p, " ");
        for (size_t i = 0; i < WG_ARRAY_LEN(w) && !hit; i++)
            hit = strlen(w[i]) == n && memcmp(p, w[i], n) == 0;
        p += n + (p[n] == ' ');
    }
    free(f);
    return hit;
}

int wg_i_officials_drop_figures(ostate *st)
{
    wg_strmap gone = {0}, living = {0};
    size_t out = 0, v;
    int err = 0;
    for (size_t m = 0; m < st->nm && !err; m++)
        for (size_t t = 0; t < st->m[m].titles.n && !err; t++)
            if (local_post(st->m[m].titles.v[t]))
                err = wg_strmap_put(&living, st->m[m].name, 1);
    for (size_t m = 0; m < st->nm && !err; m++) {
        const omention *o = &st->m[m];
        if ((wg_i_o_figure_at(st, o->first) == o->last - o->first + 1 && !wg_strmap_get(&living, o->name, &v)) ||
            remembered(st, o->ext_first))
            err = wg_strmap_put(&gone, o->name, 1);
    }
    wg_strmap_free(&living);
    for (size_t m = 0; m < st->nm; m++) {
        if (!err && wg_strmap_get(&gone, st->m[m].name, &v)) {
            free(st->m[m].name);
            wg_i_o_sv_free(&st->m[m].titles);
            continue;
        }
        st->m[out++] = st->m[m];
    }
    st->nm = out;
    wg_strmap_free(&gone);
    return err;
}
