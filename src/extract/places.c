/* Wards (phường, xã, thị trấn, đặc khu) and committees (party, state and
 * front bodies with their scope), one article at a time.
 *
 * Every place phrase (unit word + name, or an organ's scope) is collected
 * first (places_units.c, places_organs.c); the article's province and
 * district are then voted from the places the gazetteer can place
 * (places_scope.c); last, each ward gets its parent and each committee its
 * scope, and keys carry the resolved place (places_names.c). */
#include <string.h>
#include "extract/places_article.h"

void wg_i_place_free(wg_i_place *p)
{
    free(p->bare);
    free(p->disp);
    free(p->scope);
    free(p->paren);
    free(p->prov);
}

static int eras_of(const char *date)
{
    /* an article dated after the July 2025 reform names the new units */
    if (date && strlen(date) >= 7 && date[0] != '-') {
        int y = atoi(date), mo = atoi(date + 5);
        if (y > 2025 || (y == 2025 && mo >= 7))
            return 2;
        return 1;
    }
    return 3;
}

static void st_free(wg_i_pst *s)
{
    for (size_t k = 0; k < s->npl; k++)
        wg_i_place_free(&s->pl_arr[k]);
    free(s->pl_arr);
    for (size_t k = 0; k < s->nom; k++) {
        wg_i_place_free(&s->om[k].p);
        free(s->om[k].code);
    }
    free(s->om);
    free(s->headline);
    wg_strmap_free(&s->seen);
    wg_strmap_free(&s->written);
    wg_strmap_free(&s->near_memo);
    free(s->near);
    free(s->best_prov);
    free(s->article_tag);
}

static int st_init(wg_i_pst *s, wg_i_ctx *c)
{
    memset(s, 0, sizeof *s);
    s->c = c;
    s->pl = c->lex ? c->lex->places : NULL;
    s->eras = eras_of(c->art ? c->art->date : NULL);
    /* after the reform old names still occur ("tỉnh Bạc Liêu (cũ)") */
    s->prefer = s->eras == 2 ? 7 : 0;
    if (s->eras == 2)
        s->eras = 3;
    s->best_prov_gz = s->best_dist_gz = s->focus_ward = WG_NONE;
    s->best_tinh_gz = s->best_city_gz = WG_NONE;
    s->former_of = s->former_gz = WG_NONE;
    s->npara = c->ntok ? c->tok[c->ntok - 1].paragraph + 1 : 0;
    if (s->npara && (s->headline = wg_i_calloc(s->npara, 1)) == NULL)
        return WG_ENOMEM;
    /* the tag that keeps an unplaced body to its article */
    const char *src = c->art && c->art->source ? c->art->source : "";
    const char *base = strrchr(src, '/');
    base = base ? base + 1 : src;
    wg_buf b = WG_BUF_INIT;
    wg_buf_puts(&b, "bài-");
    wg_i_put_slug(&b, *base ? base : "x");
    s->article_tag = wg_buf_detach(&b);
    return s->article_tag ? 0 : WG_ENOMEM;
}

static int scan(wg_i_pst *s, int headline_pass)
{
    wg_i_ctx *c = s->c;
    for (size_t i = 0; i < c->ntok; i++) {
        if (wg_i_headline_tok(s, i) != headline_pass)
            continue;
        size_t taken = 0;
        int err = wg_i_organs_at(s, i, &taken);
        if (err < 0)
            return err;
        if (taken) {
            i += taken - 1;
            continue;
        }
        size_t first, cnt;
        size_t n = wg_i_places_at(s, i, U_NONE, 0, &first, &cnt);
        for (size_t q = 0; q < cnt; q++) {
            wg_i_place *p = &s->pl_arr[first + q];
            p->is_ward = p->unit != U_NONE && unit_level(p->unit) == LV_W && p->bare;
            if (!headline_pass && p->bare && wg_strmap_put(&s->seen, p->bare, 1) < 0)
                return WG_ENOMEM;
        }
        if (n)
            i += n - 1;
    }
    return 0;
}

/* "unit|bare": a ward phrase's identity in the maps below. */
static char *ward_id(const wg_i_place *p, int with_unit)
{
    wg_buf b = WG_BUF_INIT;
    if (with_unit) {
        wg_buf_putc(&b, (char)('0' + (int)p->unit));
        wg_buf_putc(&b, '|');
    }
    wg_buf_puts(&b, p->bare);
    return wg_buf_detach(&b);
}

/* One ward name, one place in an article: every phrase of a ward takes
 * the unit its first mention as a ward resolved to. */
static int one_place_per_ward(wg_i_pst *s)
{
    wg_strmap first = {0};
    int err = 0;
    for (size_t k = 0; k < s->npl + s->nom && !err; k++) {
        wg_i_place *p = k < s->npl ? &s->pl_arr[k] : &s->om[k - s->npl].p;
        if (!p->bare || p->unit == U_NONE || unit_level(p->unit) != LV_W)
            continue;
        char *id = ward_id(p, 1);
        size_t q;
        if (!id) {
            err = WG_ENOMEM;
        } else if (wg_strmap_get(&first, id, &q)) {
            const wg_i_place *w = &s->pl_arr[q];
            free(p->prov);
            p->prov = w->prov ? wg_i_strdup(w->prov) : NULL;
            p->gz = w->gz;
        } else if (k < s->npl && p->is_ward) {
            err = wg_strmap_put(&first, id, k);
        }
        free(id);
    }
    wg_strmap_free(&first);
    return err;
}

/* The article's own ward: the one its headline names, or the one it names
 * most (and more than any other). Counts are kept per name, so this is one
 * pass over the phrases whatever their number. */
static int find_focus_ward(wg_i_pst *s)
{
    wg_strmap wards = {0}, scopes = {0};
    int err = 0;
    for (size_t pass = 0; pass < 2 && !err; pass++)
        for (size_t k = 0; k < (pass ? s->nom : s->npl) && !err; k++) {
            const wg_i_place *p = pass ? &s->om[k].p : &s->pl_arr[k];
            if (!p->bare || (!pass && !p->is_ward))
                continue;
            char *id = ward_id(p, (int)pass);
            size_t n = 0;
            wg_strmap *m = pass ? &scopes : &wards;
            if (!id)
                err = WG_ENOMEM;
            else {
                wg_strmap_get(m, id, &n); /* n stays 0 when new */
                err = wg_strmap_put(m, id, n + 1);
            }
            free(id);
        }
    size_t best = WG_NONE, bestn = 0, second = 0;
    for (size_t k = 0; k < s->npl && !err; k++) {
        const wg_i_place *p = &s->pl_arr[k];
        if (!p->is_ward || !p->bare)
            continue;
        if (s->c->tok[p->t0].paragraph == 0) {
            best = k;
            bestn = (size_t)-1;
            break;
        }
        size_t n = 0, m = 0;
        char *id = ward_id(p, 1);
        if (!id) {
            err = WG_ENOMEM;
            break;
        }
        wg_strmap_get(&wards, p->bare, &n);
        if (wg_strmap_get(&scopes, id, &m))
            n += m;
        free(id);
        if (n > bestn) {
            if (best == WG_NONE || strcmp(s->pl_arr[best].bare, p->bare) != 0)
                second = bestn;
            best = k;
            bestn = n;
        } else if (n > second && strcmp(s->pl_arr[best].bare, p->bare) != 0) {
            second = n;
        }
    }
    if (!err && best != WG_NONE && bestn > second && bestn >= 2)
        s->focus_ward = best;
    wg_strmap_free(&wards);
    wg_strmap_free(&scopes);
    return err;
}

int wg_i_find_places(wg_i_ctx *c)
{
    wg_i_pst s;
    int err;
    if (!c->lex || !c->lex->places)
        return 0;
    if ((err = st_init(&s, c)) < 0) {
        st_free(&s);
        return err;
    }
    /* district and province names of running text, also read in headlines */
    err = scan(&s, 0);
    if (!err) {
        for (size_t k = 0; k < s.nom && !err; k++)
            if (s.om[k].p.bare)
                err = wg_strmap_put(&s.seen, s.om[k].p.bare, 1);
    }
    if (!err)
        err = scan(&s, 1);
    if (!err && s.eras == 3 && !s.prefer)
        err = wg_i_infer_eras(&s);
    if (!err)
        err = wg_i_vote_context(&s);
    if (!err) {
        for (size_t k = 0; k < s.npl; k++)
            wg_i_resolve_place(&s, &s.pl_arr[k]);
        for (size_t k = 0; k < s.nom; k++)
            if (s.om[k].has_scope && s.om[k].p.bare)
                wg_i_resolve_place(&s, &s.om[k].p);
        err = one_place_per_ward(&s);
    }
    if (!err)
        err = find_focus_ward(&s);
    if (!err)
        err = wg_i_index_places(&s);
    if (!err)
        err = wg_i_emit_wards(&s);
    if (!err)
        err = wg_i_emit_committees(&s);
    st_free(&s);
    return err;
}
