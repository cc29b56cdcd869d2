/* Scope resolution: the article's province and district are voted from
 * the places the gazetteer can place; each place phrase is then placed,
 * and a body written without its place finds the one its sentence,
 * paragraph or article names. */
#include <string.h>
#include "extract/places_article.h"

typedef struct {
    char *name;
    double score;
    size_t gz;
} vote;

static int add_vote(vote **v, size_t *n, size_t *cap, const char *name, size_t gz, double w)
{
    for (size_t k = 0; k < *n; k++)
        if (strcmp((*v)[k].name, name) == 0) {
            (*v)[k].score += w;
            return 0;
        }
    if (wg_i_grow(v, cap, *n + 1, sizeof **v) < 0)
        return WG_ENOMEM;
    if (((*v)[*n].name = wg_i_strdup(name)) == NULL)
        return WG_ENOMEM;
    (*v)[*n].score = w;
    (*v)[*n].gz = gz;
    (*n)++;
    return 0;
}

/* The province of unit u as the article's time knows it: after the
 * reform an old province is the new one it went into. */
static size_t prov_of(const wg_i_pst *s, size_t u)
{
    size_t p = s->pl->u[u].province;
    if (s->prefer == 7 && s->pl->u[p].era == 3 && s->pl->u[p].successor != WG_NONE)
        return s->pl->u[p].successor;
    return p;
}

/* Candidate gazetteer units of a place. */
static size_t place_cands(const wg_i_pst *s, const wg_i_place *p, size_t *out, size_t max)
{
    size_t n = 0;
    if (!p->bare || !s->pl)
        return 0;
    if (p->acronym) {
        size_t g = wg_i_gz_initials(s->pl, p->bare, s->eras);
        if (g != WG_NONE && (p->unit == U_NONE || p->unit == U_TP || unit_fits(&s->pl->u[g], p->unit)))
            out[n++] = g;
        return n;
    }
    size_t head;
    if (!wg_strmap_get(&s->pl->bare, p->bare, &head))
        return 0;
    int pref = 0;
    for (size_t k = head; k != WG_NONE && n < max; k = s->pl->u[k].next)
        if (unit_fits(&s->pl->u[k], p->unit) && era_ok(s->eras, s->pl->u[k].era)) {
            out[n++] = k;
            pref |= s->prefer && s->pl->u[k].era == s->prefer;
        }
    /* a district upgraded since the text was written: "TX Đông Triều" is
     * now a city, "huyện" became "thị xã" */
    if (!n && (p->unit == U_TX || p->unit == U_HUYEN || p->unit == U_QUAN || p->unit == U_TP))
        for (size_t k = head; k != WG_NONE && n < max; k = s->pl->u[k].next)
            if (s->pl->u[k].level == LV_D && era_ok(s->eras, s->pl->u[k].era))
                out[n++] = k;
    /* after the reform a name of the new list means the new unit */
    if (pref) {
        size_t m = 0;
        for (size_t a = 0; a < n; a++)
            if (s->pl->u[out[a]].era == s->prefer)
                out[m++] = out[a];
        n = m;
    }
    return n;
}

/* "(TPHCM)", "(Xuân Trường)": a province or district, when only one
 * province has one of that name. */
static size_t paren_unit(const wg_i_pst *s, const char *f)
{
    size_t g = wg_i_gz_initials(s->pl, f, s->eras), head;
    if (g != WG_NONE)
        return g;
    if (!wg_strmap_get(&s->pl->bare, f, &head))
        return WG_NONE;
    for (size_t k = head; k != WG_NONE; k = s->pl->u[k].next) {
        const wg_i_gzunit *u = &s->pl->u[k];
        if (u->level == LV_W || !era_ok(s->eras, u->era))
            continue;
        if (g != WG_NONE && strcmp(s->pl->u[s->pl->u[g].province].bare, s->pl->u[u->province].bare) != 0)
            return WG_NONE;
        if (g == WG_NONE)
            g = k;
    }
    return g;
}

/* An undated article: before or after the July 2025 reform? Units that
 * exist only in one list, district-level bodies (abolished by the reform)
 * and "(cũ)" ("former") after a name tell. */
int wg_i_infer_eras(wg_i_pst *s)
{
    const wg_i_ctx *c = s->c;
    int before = 0, after = 0;
    wg_strmap once = {0}; /* each name counts once */
    for (size_t k = 0; k < s->npl; k++) {
        const wg_i_place *p = &s->pl_arr[k];
        if (p->unit != U_NONE && unit_level(p->unit) == LV_D)
            before++;
        if (!p->bare)
            continue;
        wg_buf id = WG_BUF_INIT;
        wg_buf_putc(&id, (char)('0' + (int)p->unit));
        wg_buf_puts(&id, p->bare);
        size_t head;
        int dup = id.ptr && wg_strmap_get(&once, id.ptr, &head);
        if (id.failed || (!dup && wg_strmap_put(&once, id.ptr, 1) < 0)) {
            wg_buf_free(&id);
            wg_strmap_free(&once);
            return WG_ENOMEM;
        }
        wg_buf_free(&id);
        if (p->acronym || dup || !wg_strmap_get(&s->pl->bare, p->bare, &head))
            continue;
        int in3 = 0, in7 = 0;
        for (size_t u = head; u != WG_NONE; u = s->pl->u[u].next)
            if (unit_fits(&s->pl->u[u], p->unit)) {
                in3 |= s->pl->u[u].era == 3;
                in7 |= s->pl->u[u].era == 7;
            }
        before += in3 && !in7;
        after += in7 && !in3;
    }
    for (size_t k = 0; k < s->nom; k++) {
        wg_i_unit u = wg_i_party_unit(s->pl->organs[s->om[k].organ].canon);
        if (s->pl->organs[s->om[k].organ].cls == OC_PARTY && u != U_NONE && unit_level(u) == LV_D)
            before++;
    }
    for (size_t k = 1; k < c->ntok; k++) {
        size_t gl;
        const char *g = wg_i_gap(c, k, &gl);
        if (wg_i_tok_is(&c->tok[k], "cũ") && gl && g[gl - 1] == '(')
            after += 100; /* "(cũ)": the names have changed since */
    }
    wg_strmap_free(&once);
    if (after > before)
        s->prefer = 7;
    return 0;
}

int wg_i_vote_context(wg_i_pst *s)
{
    vote *pv = NULL, *dv = NULL;
    size_t npv = 0, pcap = 0, ndv = 0, dcap = 0;
    int err = 0;
    size_t cand[64];
    for (int pass = 0; pass < 2 && !err; pass++) {
        /* pass 0: provinces; pass 1: districts inside the chosen province */
        /* each place counts once, however often it is named */
        wg_strmap once = {0};
        for (size_t k = 0; k < s->npl && !err; k++) {
            const wg_i_place *p = &s->pl_arr[k];
            if (!p->bare)
                continue;
            /* unit, acronym and name: one place (by hand: snprintf showed in the profile) */
            wg_buf ok = WG_BUF_INIT;
            wg_buf_put_size(&ok, (size_t)p->unit);
            wg_buf_putc(&ok, p->acronym ? '|' : ':');
            wg_buf_puts(&ok, p->bare);
            int seen = ok.ptr && wg_strmap_getn(&once, ok.ptr, ok.len, NULL);
            err = ok.failed ? WG_ENOMEM : seen ? 0 : wg_strmap_put(&once, ok.ptr, 1);
            wg_buf_free(&ok);
            if (err < 0)
                break;
            if (seen)
                continue;
            size_t n = place_cands(s, p, cand, WG_ARRAY_LEN(cand));
            /* undated: a unit of the 2025-07 list whose province took in
             * the province of a 2025-03 namesake is that unit renamed or
             * merged; the older reading stands for both */
            if (s->prefer != 7) {
                size_t m = 0;
                for (size_t a = 0; a < n; a++) {
                    int shadow = 0;
                    if (s->pl->u[cand[a]].era == 7)
                        for (size_t b = 0; b < n && !shadow; b++)
                            shadow = s->pl->u[cand[b]].era == 3 &&
                                     s->pl->u[s->pl->u[cand[b]].province].successor == s->pl->u[cand[a]].province;
                    if (!shadow)
                        cand[m++] = cand[a];
                }
                n = m;
            }
            if (p->paren && pass == 0) {
                size_t g = paren_unit(s, p->paren);
                if (g != WG_NONE)
                    err = add_vote(&pv, &npv, &pcap, s->pl->u[prov_of(s, g)].bare, prov_of(s, g), 2);
            }
            if (!n)
                continue;
            /* distinct provinces among the candidates */
            const char *provs[64];
            size_t np = 0;
            for (size_t a = 0; a < n; a++) {
                const char *pn = s->pl->u[prov_of(s, cand[a])].bare;
                int dup = 0;
                for (size_t b = 0; b < np; b++)
                    dup |= strcmp(provs[b], pn) == 0;
                if (!dup)
                    provs[np++] = pn;
            }
            double lvw = p->unit != U_NONE && unit_level(p->unit) == LV_W ? 1.0 : 2.0;
            if (pass == 0) {
                if (np > 4)
                    continue; /* a common name says nothing */
                for (size_t a = 0; a < n && !err; a++) {
                    const char *pn = s->pl->u[prov_of(s, cand[a])].bare;
                    int first = 1;
                    for (size_t b = 0; b < a; b++)
                        if (strcmp(s->pl->u[prov_of(s, cand[b])].bare, pn) == 0)
                            first = 0;
                    if (first)
                        err = add_vote(&pv, &npv, &pcap, pn, prov_of(s, cand[a]), lvw / (double)np);
                }
            } else if (s->best_prov) {
                size_t nd = 0, ds[64];
                for (size_t a = 0; a < n; a++) {
                    const wg_i_gzunit *u = &s->pl->u[cand[a]];
                    if (u->district == WG_NONE || strcmp(s->pl->u[prov_of(s, cand[a])].bare, s->best_prov) != 0)
                        continue;
                    ds[nd++] = u->district;
                }
                for (size_t a = 0; a < nd && !err; a++) {
                    char key[32];
                    snprintf(key, sizeof key, "%zu", ds[a]);
                    err = add_vote(&dv, &ndv, &dcap, key, ds[a], lvw / (double)nd);
                }
            }
        }
        wg_strmap_free(&once);
        if (pass == 0) {
            /* the article's province: at least one unambiguous place's
             * worth of evidence, and more than any other province has */
            size_t best = WG_NONE;
            double second = 0;
            for (size_t k = 0; k < npv; k++)
                if (best == WG_NONE || pv[k].score > pv[best].score) {
                    if (best != WG_NONE)
                        second = pv[best].score;
                    best = k;
                } else if (pv[k].score > second) {
                    second = pv[k].score;
                }
            if (best != WG_NONE && (pv[best].score < 0.999 || pv[best].score <= second + 1e-9))
                best = WG_NONE;
            if (best != WG_NONE) {
                s->best_prov = wg_i_strdup(pv[best].name);
                s->best_prov_gz = pv[best].gz;
            }
            double bt = 0, bc = 0;
            for (size_t k = 0; k < npv; k++) {
                int city = s->pl->u[pv[k].gz].unit == U_TP;
                if (city && pv[k].score > bc) {
                    bc = pv[k].score;
                    s->best_city_gz = pv[k].gz;
                } else if (!city && pv[k].score > bt) {
                    bt = pv[k].score;
                    s->best_tinh_gz = pv[k].gz;
                }
            }
        } else {
            size_t best = WG_NONE;
            double second = 0;
            for (size_t k = 0; k < ndv; k++)
                if (best == WG_NONE || dv[k].score > dv[best].score) {
                    if (best != WG_NONE)
                        second = dv[best].score;
                    best = k;
                } else if (dv[k].score > second) {
                    second = dv[k].score;
                }
            if (best != WG_NONE && dv[best].score > second + 1e-9)
                s->best_dist_gz = dv[best].gz;
        }
    }
    for (size_t k = 0; k < npv; k++)
        free(pv[k].name);
    for (size_t k = 0; k < ndv; k++)
        free(dv[k].name);
    free(pv);
    free(dv);
    return err;
}

/* Places one place: its gazetteer unit (if the article's province agrees
 * or the name is unique) and the province it lies in. */
void wg_i_resolve_place(wg_i_pst *s, wg_i_place *p)
{
    size_t cand[64], n = place_cands(s, p, cand, WG_ARRAY_LEN(cand));
    p->gz = WG_NONE;
    if (p->paren) {
        size_t g = paren_unit(s, p->paren);
        if (g != WG_NONE) {
            const char *pn = s->pl->u[s->pl->u[g].province].bare;
            size_t cnt;
            size_t w = p->bare ? wg_i_gz_find(s->pl, p->bare, p->unit, s->eras, pn, &cnt) : WG_NONE;
            p->gz = w;
            p->prov = wg_i_strdup(pn);
            return;
        }
    }
    const char *want = s->best_prov;
    size_t in_best = WG_NONE, nin = 0;
    for (size_t a = 0; a < n; a++) {
        const wg_i_gzunit *u = &s->pl->u[cand[a]];
        if (want && strcmp(s->pl->u[prov_of(s, cand[a])].bare, want) == 0) {
            /* prefer the one in the article's district */
            if (in_best == WG_NONE || (s->best_dist_gz != WG_NONE && u->district == s->best_dist_gz))
                in_best = cand[a];
            nin++;
        }
    }
    if (in_best != WG_NONE) {
        p->gz = in_best;
    } else if (n && (!want || p->acronym || (p->unit != U_NONE && unit_level(p->unit) != LV_W))) {
        /* a name only one place bears places itself; but a ward the
         * gazetteer lacks in the article's province (renamed, merged) is
         * not the namesake elsewhere */
        int one = 1;
        for (size_t a = 1; a < n; a++)
            one &= strcmp(s->pl->u[prov_of(s, cand[a])].bare, s->pl->u[prov_of(s, cand[0])].bare) == 0 &&
                    s->pl->u[cand[a]].level == s->pl->u[cand[0]].level;
        if (p->acronym || one)
            p->gz = cand[0];
    }
    if (p->gz != WG_NONE)
        p->prov = wg_i_strdup(s->pl->u[s->pl->u[p->gz].province].bare);
    else if (want && (p->unit == U_NONE || unit_level(p->unit) != LV_P))
        p->prov = wg_i_strdup(want);
}

/* The first place written in the article (not in a headline) that the
 * gazetteer resolved to a unit of gz's name and level: an index built once,
 * so that naming n bodies costs n look-ups, not n scans. */
const wg_i_place *wg_i_written_as(const wg_i_pst *s, size_t gz)
{
    size_t k;
    char key[32];
    if (gz == WG_NONE)
        return NULL;
    snprintf(key, sizeof key, "%d|", s->pl->u[gz].level);
    /* keys are "level|bare": look up through a small buffer */
    wg_buf b = WG_BUF_INIT;
    wg_buf_puts(&b, key);
    wg_buf_puts(&b, s->pl->u[gz].bare);
    int hit = b.ptr && wg_strmap_get(&s->written, b.ptr, &k);
    wg_buf_free(&b);
    if (!hit)
        return NULL;
    return k < s->npl ? &s->pl_arr[k] : &s->om[k - s->npl].p;
}

/* The article's place of a level for an organ written without its name. */
size_t wg_i_context_unit(const wg_i_pst *s, wg_i_unit u)
{
    if (u == U_NONE)
        return WG_NONE;
    int lv = unit_level(u);
    if (lv == LV_P && u == U_TINH)
        return s->best_tinh_gz;
    if (u == U_TP) {
        /* a city committee: the district-level city of the article, or
         * the province-level one */
        if (s->best_dist_gz != WG_NONE && s->pl->u[s->best_dist_gz].unit == U_TP)
            return s->best_dist_gz;
        if (s->best_prov_gz != WG_NONE && s->pl->u[s->best_prov_gz].unit == U_TP)
            return s->best_prov_gz;
        return WG_NONE;
    }
    if (lv == LV_D) {
        if (s->best_dist_gz != WG_NONE && s->pl->u[s->best_dist_gz].unit == u)
            return s->best_dist_gz;
        return WG_NONE;
    }
    return WG_NONE;
}

/* The unit of that level named in one sentence (level 0) or paragraph
 * (level 1) `id`: WG_NONE with *many = 0 when none, with *many = 1 when
 * two different ones. The placed phrases are sorted by token, so a
 * sentence's are found by binary search; each answer is kept. */
static size_t named_in(wg_i_pst *s, wg_i_unit u, int level, size_t id, int *many)
{
    const wg_i_ctx *c = s->c;
    char key[64];
    size_t v;
    snprintf(key, sizeof key, "%d|%zu|%d", level, id, (int)u);
    if (wg_strmap_get(&s->near_memo, key, &v)) {
        *many = v == 1;
        return v >= 2 ? v - 2 : WG_NONE;
    }
    size_t lo = 0, hi = s->nnear;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        const wg_i_token *t = &c->tok[s->pl_arr[s->near[mid]].t0];
        if ((level == 0 ? t->sentence : t->paragraph) < id)
            lo = mid + 1;
        else
            hi = mid;
    }
    size_t found = WG_NONE;
    *many = 0;
    for (size_t a = lo; a < s->nnear; a++) {
        const wg_i_place *p = &s->pl_arr[s->near[a]];
        const wg_i_token *t = &c->tok[p->t0];
        if ((level == 0 ? t->sentence : t->paragraph) != id)
            break;
        const wg_i_gzunit *g = &s->pl->u[p->gz];
        int fits = u == U_TP ? g->unit == U_TP : u == U_TINH ? (g->level == LV_P && g->unit == U_TINH) : g->unit == u;
        if (!fits)
            continue;
        size_t gz = p->gz;
        /* after the reform an old province named is the new one */
        if (g->level == LV_P && s->prefer == 7 && g->era == 3 && g->successor != WG_NONE)
            gz = g->successor;
        if (found != WG_NONE && strcmp(s->pl->u[found].bare, s->pl->u[gz].bare) != 0)
            *many = 1;
        found = gz;
    }
    /* out of memory only loses the memo */
    (void)wg_strmap_put(&s->near_memo, key, *many ? 1 : found == WG_NONE ? 0 : found + 2);
    return *many ? WG_NONE : found;
}

/* The place of that level the text names in the same sentence, else in
 * the same paragraph ("Thường vụ Huyện ủy, Phó Chủ tịch UBND huyện Tiểu
 * Cần"), when it names only one. */
size_t wg_i_near_unit(wg_i_pst *s, wg_i_unit u, size_t tok)
{
    int many;
    size_t g = named_in(s, u, 0, s->c->tok[tok].sentence, &many);
    if (g != WG_NONE || many)
        return g;
    return named_in(s, u, 1, s->c->tok[tok].paragraph, &many);
}

/* Does the article name a Tỉnh ủy and no district? */
static int mentions_tinh(const wg_i_pst *s)
{
    int tinh = 0;
    for (size_t k = 0; k < s->nom; k++) {
        wg_i_unit u = wg_i_party_unit(s->pl->organs[s->om[k].organ].canon);
        if (s->pl->organs[s->om[k].organ].cls == OC_PARTY && u != U_NONE && unit_level(u) == LV_D)
            return 0;
        tinh |= s->pl->organs[s->om[k].organ].cls == OC_PARTY && u == U_TINH;
    }
    for (size_t k = 0; k < s->npl; k++)
        if (s->pl_arr[k].bare && s->pl_arr[k].unit != U_NONE && unit_level(s->pl_arr[k].unit) == LV_D)
            return 0;
    return tinh;
}

static int by_token(const void *a, const void *b)
{
    const size_t *x = a, *y = b;
    return x[0] < y[0] ? -1 : x[0] > y[0] ? 1 : x[1] < y[1] ? -1 : x[1] > y[1];
}

int wg_i_index_places(wg_i_pst *s)
{
    int err = 0;
    wg_buf b = WG_BUF_INIT;
    for (size_t k = 0; k < s->npl + s->nom && !err; k++) {
        const wg_i_place *p = k < s->npl ? &s->pl_arr[k] : &s->om[k - s->npl].p;
        if (!p->bare || p->headline || p->gz == WG_NONE)
            continue;
        char lv[16];
        size_t have;
        snprintf(lv, sizeof lv, "%d|", s->pl->u[p->gz].level);
        b.len = 0;
        wg_buf_puts(&b, lv);
        wg_buf_puts(&b, s->pl->u[p->gz].bare);
        if (b.failed)
            err = WG_ENOMEM;
        else if (!wg_strmap_get(&s->written, b.ptr, &have))
            err = wg_strmap_put(&s->written, b.ptr, k);
    }
    wg_buf_free(&b);
    if (err < 0)
        return err;
    size_t (*pairs)[2] = s->npl ? wg_i_calloc(s->npl, sizeof *pairs) : NULL;
    if (s->npl && (!pairs || (s->near = wg_i_calloc(s->npl, sizeof *s->near)) == NULL)) {
        free(pairs);
        return WG_ENOMEM;
    }
    s->nnear = 0;
    for (size_t k = 0; k < s->npl; k++)
        if (s->pl_arr[k].gz != WG_NONE && !s->pl_arr[k].headline) {
            pairs[s->nnear][0] = s->pl_arr[k].t0;
            pairs[s->nnear][1] = k;
            s->nnear++;
        }
    if (s->nnear)
        qsort(pairs, s->nnear, sizeof *pairs, by_token);
    for (size_t a = 0; a < s->nnear; a++)
        s->near[a] = pairs[a][1];
    free(pairs);
    s->tinh_only = mentions_tinh(s);
    return 0;
}
