/* Names and keys of wards and committees: the canonical organ + its
 * scope as running text writes it, and keys that carry the resolved place
 * so that same-named bodies of different places stay apart. */
#include <string.h>
#include <unicode/uchar.h>
#include "extract/places_article.h"

/* "phường-cầu-kho.hồ-chí-minh": a place in keys. */
static void put_place_key(const wg_i_pst *s, wg_buf *b, const wg_i_place *p)
{
    if (p->gz != WG_NONE) {
        const wg_i_gzunit *u = &s->pl->u[p->gz];
        wg_buf b2 = WG_BUF_INIT;
        wg_buf_puts(&b2, wg_i_unit_words[u->unit]);
        wg_buf_putc(&b2, ' ');
        wg_buf_puts(&b2, u->bare);
        char *t = wg_buf_detach(&b2);
        wg_i_put_slug(b, t ? t : "");
        free(t);
        if (u->level != LV_P) {
            wg_buf_putc(b, '.');
            wg_i_put_slug(b, s->pl->u[u->province].bare);
        }
        return;
    }
    wg_buf b2 = WG_BUF_INIT;
    wg_buf_puts(&b2, wg_i_unit_words[p->unit]);
    wg_buf_putc(&b2, ' ');
    wg_buf_puts(&b2, p->bare ? p->bare : "");
    char *t = wg_buf_detach(&b2);
    wg_i_put_slug(b, t ? t : "");
    free(t);
    if (p->prov && (p->unit == U_NONE || unit_level(p->unit) != LV_P)) {
        wg_buf_putc(b, '.');
        wg_i_put_slug(b, p->prov);
    }
}

static char *ward_name(const wg_i_place *p)
{
    wg_buf b = WG_BUF_INIT;
    wg_buf_puts(&b, wg_i_unit_words[p->unit]);
    wg_buf_putc(&b, ' ');
    wg_buf_puts(&b, p->disp);
    return wg_buf_detach(&b);
}

/* "Quận 1", "huyện Tiểu Cần": a gazetteer unit's name in running text. */
static char *gz_display(const wg_i_pst *s, size_t gz)
{
    const wg_i_gzunit *u = &s->pl->u[gz];
    const char *sp = strchr(u->full, ' ');
    wg_buf b = WG_BUF_INIT;
    if (u->bare[0] >= '0' && u->bare[0] <= '9')
        wg_buf_puts(&b, u->full);
    else {
        wg_buf_puts(&b, wg_i_unit_words[u->unit]);
        /* "Thành phố Hồ Chí Minh": the name after the unit word */
        size_t uw = 1;
        for (const char *q = wg_i_unit_words[u->unit]; *q; q++)
            uw += *q == ' ';
        const char *rest = u->full;
        for (size_t w = 0; w < uw && rest; w++) {
            rest = strchr(rest, ' ');
            if (rest)
                rest++;
        }
        wg_buf_putc(&b, ' ');
        wg_buf_puts(&b, rest ? rest : (sp ? sp + 1 : u->full));
    }
    return wg_buf_detach(&b);
}

/* Emits one committee: name and key from the organ and its scope. */
typedef struct {
    char *name;
    char *key;   /* full key */
} cname;

static void cname_free(cname *n)
{
    free(n->name);
    free(n->key);
    n->name = n->key = NULL;
}

/* A city whose name reads as a person's ("Hồ Chí Minh": a surname and two
 * more syllables) is written by its initials after any organ, as the
 * press does: "Thành ủy TP.HCM", "UBND TP.HCM", never "Thành ủy Hồ Chí
 * Minh". */
static int reads_as_person(const wg_i_pst *s, const wg_i_gzunit *g)
{
    char first[64];
    size_t words = 1;
    for (const char *q = g->bare; *q; q++)
        words += *q == ' ';
    snprintf(first, sizeof first, "%.*s", (int)strcspn(g->bare, " "), g->bare);
    return g->unit == U_TP && g->level == LV_P && words == 3 && s->c->lex &&
           wg_strmap_get(&s->c->lex->surnames, first, NULL);
}

/* The canonical scope of gazetteer unit gz after an organ: one spelling
 * whatever the text wrote (TP.HCM, TPHCM, TP Hồ Chí Minh; Tp. Huế, TX, TT).
 * A party organ takes the bare name ("Thành ủy Huế", "Huyện ủy Yên Lập"),
 * another body the unit word in running-text case ("UBND thành phố Huế"),
 * a numbered unit its gazetteer form ("Quận 1"). `unit` is the unit word
 * the text wrote in full, if any (a district upgraded since keeps it);
 * `written` the name as the text wrote it in full, if it did. */
static void put_gz_scope(const wg_i_pst *s, wg_buf *name, size_t gz, int party_like, wg_i_unit unit,
                         const char *written)
{
    const wg_i_gzunit *g = &s->pl->u[gz];
    if (reads_as_person(s, g)) {
        wg_buf_puts(name, "TP.");
        for (const char *q = g->bare; *q;) {
            uint32_t cp;
            char up[4];
            wg_utf8_decode(q, &cp);
            wg_buf_put(name, up, wg_utf8_encode((uint32_t)u_toupper((UChar32)cp), up));
            while (*q && *q != ' ')
                q++;
            while (*q == ' ')
                q++;
        }
        return;
    }
    char *d = gz_display(s, gz);
    const char *bare = written ? written : d ? d + strlen(wg_i_unit_words[g->unit]) + 1 : "";
    if (g->bare[0] >= '0' && g->bare[0] <= '9')
        wg_buf_puts(name, d ? d : "");
    else if (party_like)
        wg_buf_puts(name, bare);
    else {
        wg_buf_puts(name, wg_i_unit_words[unit != U_NONE ? unit : g->unit]);
        wg_buf_putc(name, ' ');
        wg_buf_puts(name, bare);
    }
    free(d);
}

/* Is the written scope p one the canonical spelling replaces? An
 * abbreviated unit word (TP., Tp., TX, TT), a province's initials (TPHCM;
 * a district's, PRTC, stay as written), a city after a party organ
 * ("Thành ủy thành phố Huế": Thành ủy Huế), a city read as a person's. */
static int canonical_scope(const wg_i_pst *s, const wg_i_place *p, int party_like)
{
    if (p->gz == WG_NONE || s->pl->u[p->gz].level == LV_W)
        return 0;
    const wg_i_gzunit *g = &s->pl->u[p->gz];
    return p->abbrev || (p->acronym && g->level == LV_P) || (party_like && p->unit == U_TP && !p->acronym) ||
           reads_as_person(s, g);
}

/* "UBND tỉnh (cũ)", "Tỉnh ủy trước sáp nhập": a body marked former. */
static int marked_former(const wg_i_ctx *c, size_t t1)
{
    size_t k = t1 + 1, gl;
    if (k >= c->ntok || c->tok[k].sentence != c->tok[t1].sentence)
        return 0;
    const char *g = wg_i_gap(c, k, &gl);
    if (wg_i_tok_is(&c->tok[k], "cũ") && (wg_i_gap_spaces(c, k) || (gl && g[gl - 1] == '(')))
        return 1;
    return wg_i_gap_spaces(c, k) && wg_i_tokens_are(c, k, "trước sáp nhập");
}

/* After the reform, the old province that went into province gz and that
 * the article's places lie in: what a body marked former belongs to.
 * Worked out once per article. */
static size_t former_province(wg_i_pst *s, size_t gz)
{
    if (s->former_of == gz)
        return s->former_gz;
    s->former_of = gz;
    s->former_gz = WG_NONE;
    for (size_t k = 0; k < s->npl; k++) {
        const wg_i_place *p = &s->pl_arr[k];
        if (p->gz == WG_NONE)
            continue;
        size_t raw = s->pl->u[p->gz].province;
        if (s->pl->u[raw].era == 3 && s->pl->u[raw].successor == gz) {
            s->former_gz = raw;
            break;
        }
    }
    return s->former_gz;
}

/* Fills *out for the organ mention m (not a department). */
static int committee_name(wg_i_pst *s, const wg_i_omention *m, cname *out)
{
    const wg_i_organ *o = &s->pl->organs[m->organ];
    const wg_i_place *p = m->has_scope ? &m->p : NULL;
    wg_buf name = WG_BUF_INIT, key = WG_BUF_INIT;
    const char *canon = o->canon;
    wg_i_unit lvunit = U_NONE;
    out->name = out->key = NULL;
    if (o->cls == OC_PARTY)
        lvunit = wg_i_party_unit(canon);
    if (o->cls == OC_DANG && p && p->unit != U_NONE && unit_level(p->unit) != LV_W) {
        /* Đảng bộ huyện Yên Lập is the Huyện ủy Yên Lập */
        canon = wg_i_party_of_unit(p->unit);
        lvunit = p->unit;
    }
    if (o->cls == OC_CENTRAL) {
        wg_buf_puts(&name, canon);
        out->name = wg_buf_detach(&name);
        out->key = out->name ? wg_i_make_key(WG_COMMITTEE, out->name) : NULL;
        return out->key ? 0 : WG_ENOMEM;
    }
    wg_buf_puts(&name, canon);
    wg_buf_puts(&key, "committee:");
    wg_i_put_slug(&key, canon);
    wg_buf_putc(&key, '.');
    if (o->cls == OC_CELL) {
        wg_buf_putc(&name, ' ');
        wg_buf_puts(&name, m->code);
        wg_i_put_slug(&key, m->code);
        if (s->focus_ward != WG_NONE) {
            wg_buf_putc(&key, '.');
            put_place_key(s, &key, &s->pl_arr[s->focus_ward]);
        } else {
            wg_buf_putc(&key, '.');
            wg_buf_puts(&key, s->article_tag);
        }
    } else if (p && p->bare) {
        /* the scope is written: keep it as written, but an abbreviated
         * province or district (TP.HCM, TPHCM, TX, Tp.) in its one
         * canonical spelling */
        int party_like = o->cls == OC_PARTY || (o->cls == OC_DANG && lvunit != U_NONE);
        wg_buf_putc(&name, ' ');
        if (canonical_scope(s, p, party_like))
            put_gz_scope(s, &name, p->gz, party_like, p->abbrev || p->acronym ? U_NONE : p->unit,
                         p->acronym || p->headline ? NULL : p->disp);
        else if (p->abbrev && !party_like && !(p->n0 != WG_NONE && s->c->tok[p->n0].digit)) {
            wg_buf_puts(&name, wg_i_unit_words[p->unit]); /* "TT. Long Hải": thị trấn Long Hải */
            wg_buf_putc(&name, ' ');
            wg_buf_puts(&name, p->disp);
        } else if (party_like && !p->unit_written && p->n0 != WG_NONE && s->c->tok[p->n0].digit &&
            (p->unit == U_QUAN || p->unit == U_PHUONG)) {
            /* "Quận ủy 3, 10 và Bình Thạnh": Quận ủy Quận 3 */
            wg_buf_putc(&name, p->unit == U_QUAN ? 'Q' : 'P');
            wg_buf_puts(&name, wg_i_unit_words[p->unit] + 1);
            wg_buf_putc(&name, ' ');
            wg_buf_puts(&name, p->disp);
        } else if (party_like && !p->unit_written)
            wg_buf_puts(&name, p->disp);
        else if (party_like && p->scope && !(p->n0 != WG_NONE && s->c->tok[p->n0].digit) &&
                 !(p->unit == U_TP && p->abbrev))
            wg_buf_puts(&name, p->disp); /* Huyện ủy Yên Lập, not Huyện ủy huyện Yên Lập */
        else if (p->scope)
            wg_buf_puts(&name, p->scope);
        else {
            if (!(p->n0 != WG_NONE && s->c->tok[p->n0].digit) || !party_like) {
                wg_buf_puts(&name, wg_i_unit_words[p->unit]);
                wg_buf_putc(&name, ' ');
            } else if (p->n0 != WG_NONE && s->c->tok[p->n0].digit) {
                /* Quận 1 */
                char *cap = wg_i_capitalised(s->c, p->t0, p->t0);
                wg_buf_puts(&name, cap ? cap : "");
                wg_buf_putc(&name, ' ');
                free(cap);
            }
            wg_buf_puts(&name, p->disp);
        }
        put_place_key(s, &key, p);
    } else {
        /* no name written: the article's place of that level */
        wg_i_unit u = p ? p->unit : lvunit;
        size_t gz = WG_NONE;
        const wg_i_place *wp = NULL;
        if (u != U_NONE && unit_level(u) == LV_W) {
            if (s->focus_ward != WG_NONE)
                wp = &s->pl_arr[s->focus_ward];
        } else if (u != U_NONE) {
            gz = wg_i_near_unit(s, u, m->t0);
            if (gz == WG_NONE)
                gz = wg_i_context_unit(s, u);
            /* after the reform a bare body marked former is the old
             * province's, not the one that took it in */
            if (gz != WG_NONE && s->prefer == 7 && s->pl->u[gz].level == LV_P && s->pl->u[gz].era == 7 &&
                marked_former(s->c, m->t1) && former_province(s, gz) != WG_NONE)
                gz = former_province(s, gz);
        } else if (s->focus_ward != WG_NONE) {
            wp = &s->pl_arr[s->focus_ward];
        } else if (o->cls == OC_STATE) {
            gz = s->best_dist_gz != WG_NONE && wg_i_written_as(s, s->best_dist_gz) ? s->best_dist_gz
                                                                                      : s->best_prov_gz;
        } else {
            /* a bare Đảng ủy of an article without a ward: not placed */
            wg_buf_free(&name);
            wg_buf_free(&key);
            return 1;
        }
        if (wp) {
            char *wn = ward_name(wp);
            wg_buf_putc(&name, ' ');
            wg_buf_puts(&name, wn ? wn : "");
            free(wn);
            put_place_key(s, &key, wp);
        } else if (gz != WG_NONE) {
            /* the name takes the place only when the text names it nearby
             * (the same paragraph); the key takes it always */
            const wg_i_place *w = wg_i_written_as(s, gz);
            int party_like = o->cls == OC_PARTY || (o->cls == OC_DANG && lvunit != U_NONE);
            if (w) {
                int numbered = w->n0 != WG_NONE && s->c->tok[w->n0].digit;
                wg_buf_putc(&name, ' ');
                if (canonical_scope(s, w, party_like)) {
                    put_gz_scope(s, &name, gz, party_like, p && p->unit_written ? p->unit : U_NONE,
                                 w->acronym ? NULL : w->disp);
                } else if (numbered && w->scope) {
                    wg_buf_puts(&name, w->scope); /* Quận 1 */
                } else if (party_like) {
                    wg_buf_puts(&name, w->disp);
                } else if (p && p->unit_written) {
                    wg_buf_puts(&name, wg_i_unit_words[p->unit]);
                    wg_buf_putc(&name, ' ');
                    wg_buf_puts(&name, w->disp);
                } else if (w->scope && w->unit_written && !w->abbrev) {
                    wg_buf_puts(&name, w->scope);
                } else if (w->unit_written) {
                    /* "H. Châu Thành": the unit word in full */
                    wg_buf_puts(&name, wg_i_unit_words[w->unit]);
                    wg_buf_putc(&name, ' ');
                    wg_buf_puts(&name, w->disp);
                } else {
                    char *d = gz_display(s, gz);
                    wg_buf_puts(&name, d ? d : "");
                    free(d);
                }
            } else {
                /* the gazetteer's name: "Thành ủy" above phường Đức Xuân is
                 * the Thành ủy Bắc Kạn, "HĐND" of a district the "HĐND
                 * huyện Châu Thành" */
                wg_buf_putc(&name, ' ');
                put_gz_scope(s, &name, gz, party_like, p && p->unit_written ? p->unit : U_NONE, NULL);
            }
            wg_i_place q;
            memset(&q, 0, sizeof q);
            q.gz = gz;
            put_place_key(s, &key, &q);
        } else {
            int party_like = o->cls == OC_PARTY || (o->cls == OC_DANG && lvunit != U_NONE);
            wg_i_unit shown = p && p->unit_written ? p->unit : U_NONE;
            /* a bare state body in an article about a province's bodies
             * (its Tỉnh ủy) is the province's: "Ủy ban MTTQ tỉnh" */
            if (shown == U_NONE && o->cls == OC_STATE && s->focus_ward == WG_NONE && s->tinh_only)
                shown = U_TINH;
            if (shown != U_NONE && !party_like) {
                wg_buf_putc(&name, ' ');
                wg_buf_puts(&name, wg_i_unit_words[shown]);
                wg_i_put_slug(&key, wg_i_unit_words[shown]);
                wg_buf_putc(&key, '.');
            }
            /* unplaced: kept apart from every other article's */
            wg_buf_puts(&key, s->article_tag);
        }
    }
    out->name = wg_buf_detach(&name);
    out->key = wg_buf_detach(&key);
    if (!out->name || !out->key) {
        cname_free(out);
        return WG_ENOMEM;
    }
    return 0;
}

int wg_i_emit_committees(wg_i_pst *s)
{
    int err = 0;
    /* a department's committee: the first body that starts at its token */
    wg_strmap starts = {0};
    for (size_t k = 0; k < s->nom && !err; k++) {
        char tk[32];
        size_t have;
        snprintf(tk, sizeof tk, "%zu", s->om[k].t0);
        if (s->pl->organs[s->om[k].organ].cls != OC_DEPT && !wg_strmap_get(&starts, tk, &have))
            err = wg_strmap_put(&starts, tk, k);
    }
    for (size_t k = 0; k < s->nom && !err; k++) {
        wg_i_omention *m = &s->om[k];
        const wg_i_organ *o = &s->pl->organs[m->organ];
        cname cn = {NULL, NULL};
        if (o->cls == OC_DEPT) {
            if (m->central_dept) {
                wg_buf b = WG_BUF_INIT;
                wg_buf_puts(&b, o->canon);
                wg_buf_puts(&b, m->central_dept == 2 ? " Trung ương Đảng" : " Trung ương");
                cn.name = wg_buf_detach(&b);
                cn.key = cn.name ? wg_i_make_key(WG_COMMITTEE, cn.name) : NULL;
            } else {
                char tk[32];
                size_t q;
                snprintf(tk, sizeof tk, "%zu", m->parent_tok);
                const wg_i_omention *par = wg_strmap_get(&starts, tk, &q) ? &s->om[q] : NULL;
                cname pc;
                if (!par || (err = committee_name(s, par, &pc)) != 0) {
                    err = err < 0 ? err : 0;
                    continue;
                }
                wg_buf b = WG_BUF_INIT, kb = WG_BUF_INIT;
                wg_buf_puts(&b, o->canon);
                wg_buf_putc(&b, ' ');
                wg_buf_puts(&b, pc.name);
                wg_buf_puts(&kb, "committee:");
                wg_i_put_slug(&kb, o->canon);
                wg_buf_putc(&kb, '-');
                wg_buf_puts(&kb, pc.key + strlen("committee:"));
                cn.name = wg_buf_detach(&b);
                cn.key = wg_buf_detach(&kb);
                m->t1 = par->t1;
                cname_free(&pc);
            }
            if (!cn.name || !cn.key) {
                cname_free(&cn);
                err = WG_ENOMEM;
                break;
            }
        } else if ((err = committee_name(s, m, &cn)) != 0) {
            err = err < 0 ? err : 0;
            continue;
        }
        err = wg_i_add_keyed(s->c, WG_COMMITTEE, cn.name, cn.key, NULL, m->t0, m->t1);
        cname_free(&cn);
    }
    wg_strmap_free(&starts);
    return err;
}

int wg_i_emit_wards(wg_i_pst *s)
{
    int err = 0;
    for (size_t k = 0; k < s->npl && !err; k++) {
        const wg_i_place *p = &s->pl_arr[k];
        if (!p->is_ward || !p->bare)
            continue;
        char *name = ward_name(p);
        wg_buf key = WG_BUF_INIT;
        wg_buf_puts(&key, "ward:");
        put_place_key(s, &key, p);
        char *kk = wg_buf_detach(&key), *parent = NULL;
        if (p->gz != WG_NONE) {
            const wg_i_gzunit *u = &s->pl->u[p->gz];
            parent = gz_display(s, u->district != WG_NONE ? u->district : u->province);
        }
        if (!name || !kk)
            err = WG_ENOMEM;
        else
            err = wg_i_add_keyed(s->c, WG_WARD, name, kk, parent, p->t0, p->t1);
        free(name);
        free(kk);
        free(parent);
    }
    return err;
}
