/* Committee recognition: the organ words of the lexicon (Đảng ủy, UBND,
 * Ban Tuyên giáo …) at a token, the scope that follows them, and the lists
 * of bodies that share one scope ("HĐND, UBND tỉnh"). */
#include <string.h>
#include "extract/places_article.h"

/* "... các cấp", "UBND các xã", "HĐND cấp xã": every unit's body, none
 * in particular. */
/* "HĐND xã, phường", "chủ tịch UBND xã, phường, đặc khu", "xã/phường":
 * unit words listed without a name are every such unit's body. */
static int unit_list_after(const wg_i_ctx *c, size_t e)
{
    size_t n, k = e + 1;
    int ab;
    if (k + 1 >= c->ntok || !wg_i_gap_spaces(c, k))
        return 0;
    if (wg_i_unit_at(c, k, &n, &ab) != U_NONE && !ab && k + n < c->ntok) {
        size_t k2 = wg_i_list_next(c, k + n - 1), n2;
        if (!k2 && k + n < c->ntok) {
            size_t gl;
            const char *g = wg_i_gap(c, k + n, &gl);
            if (gl == 1 && g[0] == '/')
                k2 = k + n; /* "xã/phường" */
        }
        if (k2 && wg_i_unit_at(c, k2, &n2, &ab) != U_NONE && !ab &&
            (k2 + n2 >= c->ntok || !c->tok[k2 + n2].cap || !wg_i_gap_spaces(c, k2 + n2)))
            return 1;
    }
    return 0;
}

static int generic_after(const wg_i_ctx *c, size_t e)
{
    size_t n, k = e + 1;
    int ab;
    if (k + 1 >= c->ntok || !wg_i_gap_spaces(c, k))
        return 0;
    if (unit_list_after(c, e))
        return 1;
    const wg_i_token *t = &c->tok[k];
    if (!wg_i_tok_is(t, "các") && !wg_i_tok_is(t, "cấp") && !wg_i_tok_is(t, "những"))
        return 0;
    return wg_i_tokens_are(c, k, "các cấp") || wg_i_unit_at(c, k + 1, &n, &ab) != U_NONE ||
           wg_i_tokens_are(c, k + 1, "cơ sở");
}

/* "các Huyện ủy", "các huyện, thị, thành ủy": every such body. */
static int plural_list_before(const wg_i_ctx *c, size_t i)
{
    for (size_t back = 1; back <= 5 && back <= i; back++) {
        const wg_i_token *t = &c->tok[i - back];
        if (t->sentence != c->tok[i].sentence)
            return 0;
        if (wg_i_tok_is(t, "các") || wg_i_tok_is(t, "những"))
            return 1;
        /* only through a list of short words: "huyện, thị," */
        size_t gl;
        const char *g = wg_i_gap(c, i - back + 1, &gl);
        if (!(gl == 1 && g[0] == ' ') && !(gl == 2 && g[0] == ',' && g[1] == ' '))
            return 0;
        if (back > 1 && !(wg_i_tok_is(t, "huyện") || wg_i_tok_is(t, "thị") ||
                          wg_i_tok_is(t, "quận") || wg_i_tok_is(t, "thành") ||
                          wg_i_tok_is(t, "tỉnh") || wg_i_tok_is(t, "đảng") ||
                          wg_i_tok_is(t, "ủy")))
            return 0;
    }
    return 0;
}

/* "Đảng ủy khối cơ quan", "Đảng ủy Quân sự tỉnh": an agency's committee,
 * not a place's. */
static int agency_after(const wg_i_ctx *c, size_t e)
{
    static const char *const w[] = {"khối", "quân sự", "công an", "cơ quan", "doanh nghiệp", "bộ đội",
                                    "biên phòng", "trường", "bệnh viện", "công ty", "tổng công ty"};
    if (e + 1 >= c->ntok || !wg_i_gap_spaces(c, e + 1))
        return 0;
    for (size_t i = 0; i < WG_ARRAY_LEN(w); i++)
        if (wg_i_tokens_are(c, e + 1, w[i]))
            return 1;
    return 0;
}

/* The organ written at token i (longest form): its index, *n tokens. */
size_t wg_i_organ_at(const wg_i_ctx *c, const wg_i_places *pl, size_t i, size_t *n)
{
    if (!pl || !wg_i_first_in(c, i, WG_FIRST_ORGAN, &pl->organ_first))
        return WG_NONE;
    size_t maxw = pl->max_organ_words;
    /* the joins of 1..maxw tokens at once, longest tried first */
    char buf[512];
    size_t ends[16];
    uint64_t hashes[16];
    int cut;
    size_t run = wg_i_join_run(c, i, maxw < 16 ? maxw : 16, 1, buf, sizeof buf, ends, hashes, &cut);
    cut |= maxw > 16;
    for (size_t w = maxw; w >= 1; w--) {
        if (i + w > c->ntok)
            continue;
        size_t idx;
        int hit;
        if (w <= run) {
            hit = wg_strmap_geth(&pl->organ_forms, buf, ends[w - 1], hashes[w - 1], &idx);
        } else if (!cut) {
            hit = 0; /* a gap stops the run before w tokens */
        } else {
            char *f = wg_i_join_fold(c, i, w, 1);
            hit = f && wg_strmap_get(&pl->organ_forms, f, &idx);
            free(f);
        }
        /* "Đảng ủy - UBND xã": a dash before another organ's first word
         * lists two bodies, it does not spell "Đảng ủy UBND" */
        for (size_t k = i + 1; hit && k < i + w; k++) {
            size_t gl;
            const char *g = wg_i_gap(c, k, &gl);
            int dash = 0;
            for (size_t b = 0; b < gl; b++)
                dash |= g[b] == '-' || (b + 2 < gl && (unsigned char)g[b] == 0xE2 && (unsigned char)g[b + 1] == 0x80 &&
                                        ((unsigned char)g[b + 2] == 0x93 || (unsigned char)g[b + 2] == 0x94));
            if (dash && wg_i_first_in(c, k, WG_FIRST_ORGAN, &pl->organ_first))
                hit = 0;
        }
        if (hit) {
            *n = w;
            return idx;
        }
    }
    return WG_NONE;
}

wg_i_unit wg_i_party_unit(const char *canon)
{
    if (strncmp(canon, "Tỉnh", strlen("Tỉnh")) == 0)
        return U_TINH;
    if (strncmp(canon, "Thành", strlen("Thành")) == 0)
        return U_TP;
    if (strncmp(canon, "Huyện", strlen("Huyện")) == 0)
        return U_HUYEN;
    if (strncmp(canon, "Quận", strlen("Quận")) == 0)
        return U_QUAN;
    if (strncmp(canon, "Thị", strlen("Thị")) == 0)
        return U_TX;
    return U_NONE;
}

const char *wg_i_party_of_unit(wg_i_unit u)
{
    switch (u) {
    case U_TINH: return "Tỉnh ủy";
    case U_TP: return "Thành ủy";
    case U_HUYEN: return "Huyện ủy";
    case U_QUAN: return "Quận ủy";
    case U_TX: return "Thị ủy";
    default: return "Đảng ủy";
    }
}

/* "cấp ủy, chính quyền, Ủy ban MTTQ và các đoàn thể": a body listed with
 * the generic words for every level's bodies is none in particular. */
static int generic_list_before(const wg_i_ctx *c, size_t i)
{
    for (size_t back = 2; back <= 8 && back <= i; back++) {
        size_t k = i - back;
        if (c->tok[k].sentence != c->tok[i].sentence)
            return 0;
        size_t gl;
        const char *g = wg_i_gap(c, k + 2, &gl);
        int item_end = (gl == 2 && g[0] == ',' && g[1] == ' ') ||
                       (k + 2 < c->ntok && wg_i_tok_is(&c->tok[k + 2], "và"));
        if (item_end && (wg_i_tokens_are(c, k, "cấp ủy") || wg_i_tokens_are(c, k, "chính quyền")))
            return 1;
    }
    return 0;
}

/* Organ mentions at token i (a list gives several). Returns tokens taken
 * by the first organ word (scopes are parsed, lists are added). */
int wg_i_organs_at(wg_i_pst *s, size_t i, size_t *taken)
{
    const wg_i_ctx *c = s->c;
    size_t n, oi = wg_i_organ_at(c, s->pl, i, &n);
    *taken = 0;
    if (oi == WG_NONE)
        return 0;
    const wg_i_organ *o = &s->pl->organs[oi];
    wg_i_omention m;
    memset(&m, 0, sizeof m);
    m.organ = oi;
    m.t0 = i;
    m.t1 = i + n - 1;
    m.parent_tok = WG_NONE;
    m.p.n0 = WG_NONE;
    m.p.gz = WG_NONE;
    size_t j = i + n;
    int spaced = j < c->ntok && wg_i_gap_spaces(c, j) && c->tok[j].sentence == c->tok[i].sentence;
    *taken = n;
    if (o->cls == OC_CENTRAL) {
        /* lower-case "chính phủ" in running text is not the Government's name */
        if (!c->tok[i].cap)
            return 0;
    } else if (o->cls == OC_CELL) {
        if (!c->tok[i].cap || !spaced || !(c->tok[j].digit || wg_i_allcaps(c, j)) ||
            c->tok[j].end - c->tok[j].start > 6)
            return 0;
        if ((m.code = wg_i_strndup(c->doc->text + c->tok[j].start, c->tok[j].end - c->tok[j].start)) == NULL)
            return WG_ENOMEM;
        m.t1 = j;
    } else if (o->cls == OC_DEPT) {
        size_t n2;
        /* a department names its committee: Ban Dân vận Quận ủy Quận 1;
         * "Trưởng ban Nội chính Tỉnh ủy" writes it in lower case */
        int after_head = i && wg_i_tok_is(&c->tok[i - 1], "trưởng") && wg_i_gap_spaces(c, i);
        if (!c->tok[i].cap && !after_head)
            return 0;
        /* "Ban Tổ chức, Ban Tuyên giáo và Ban Nội chính Tỉnh ủy": the
         * departments listed before a committee are all its */
        size_t at = j, last = m.t1;
        for (int hop = 0; hop < 6; hop++) {
            if (at < c->ntok && !wg_i_gap_spaces(c, at))
                at = c->ntok; /* not directly followed: look along the list */
            if (at < c->ntok && wg_i_tokens_are(c, at, "trung ương")) {
                m.central_dept = 1;
                if (wg_i_tokens_are(c, at, "trung ương đảng"))
                    m.central_dept = 2;
                if (hop == 0)
                    m.t1 = at + (size_t)m.central_dept;
                break;
            }
            size_t pi = at < c->ntok ? wg_i_organ_at(c, s->pl, at, &n2) : WG_NONE;
            if (pi != WG_NONE && (s->pl->organs[pi].cls == OC_PARTY || s->pl->organs[pi].cls == OC_DANG ||
                                  s->pl->organs[pi].cls == OC_STATE)) {
                m.parent_tok = at;
                break;
            }
            size_t k = wg_i_list_next(c, last);
            if (!k || (pi = wg_i_organ_at(c, s->pl, k, &n2)) == WG_NONE || s->pl->organs[pi].cls != OC_DEPT)
                return 0;
            last = k + n2 - 1;
            at = last + 1;
            if (at >= c->ntok || !wg_i_gap_spaces(c, at))
                return 0;
        }
        if (!m.central_dept && m.parent_tok == WG_NONE)
            return 0;
    } else {
        /* Prefixed forms are the same body: "Ban Thường vụ Thành ủy" */
        wg_i_unit implied = o->cls == OC_PARTY ? wg_i_party_unit(o->canon) : U_NONE;
        /* "Đảng ủy các xã Diễn Kim, Diễn Hải và Diễn Thành": one body per
         * ward of the list */
        size_t pj = j, un;
        int uab;
        if (spaced && j + 1 < c->ntok && (wg_i_tok_is(&c->tok[j], "các") || c->tok[j].digit) &&
            wg_i_gap_spaces(c, j + 1) && wg_i_unit_at(c, j + 1, &un, &uab) != U_NONE && o->cls != OC_PARTY)
            pj = j + 1;
        if (spaced && unit_list_after(c, m.t1))
            return 0;
        if (spaced) {
            size_t first, cnt;
            size_t took = wg_i_places_at(s, pj, implied, 0, &first, &cnt);
            /* "BCH Đảng bộ xã Hàm Rồng và thị trấn Năm Căn": a second
             * unit word in the list names a second body */
            for (int more = 0; took && cnt && s->pl_arr[first].bare && more < 4 && o->cls != OC_PARTY; more++) {
                const wg_i_place *lastp = &s->pl_arr[first + cnt - 1];
                size_t k = wg_i_list_next(c, lastp->t1), f2, c2;
                wg_i_unit u2 = k ? wg_i_unit_at(c, k, &un, &uab) : U_NONE;
                if (u2 == U_NONE || unit_level(u2) != unit_level(s->pl_arr[first].unit) ||
                    !wg_i_places_at(s, k, U_NONE, 0, &f2, &c2) || !c2)
                    break;
                if (!s->pl_arr[f2].bare)
                    break; /* "HĐND các xã, thị trấn": no name, no body */
                cnt += c2; /* places_at appends right after the first ones */
            }
            if (pj != j && !(took && cnt && s->pl_arr[first].bare))
                return 0; /* "UBND các xã": every ward's, none in particular */
            if (took && cnt) {
                /* a party organ's scope must fit its level: "Quận ủy Quận 1" */
                for (size_t q = 0; q < cnt; q++) {
                    wg_i_omention mq = m;
                    wg_i_place *pp = &s->pl_arr[first + q];
                    if (o->cls == OC_PARTY && pp->unit != implied && !(implied == U_TP && pp->unit == U_TINH))
                        continue;
                    if (o->cls == OC_DANG && pp->unit == U_NONE)
                        continue;
                    mq.p = *pp;
                    mq.p.bare = pp->bare ? wg_i_strdup(pp->bare) : NULL;
                    mq.p.disp = pp->disp ? wg_i_strdup(pp->disp) : NULL;
                    mq.p.scope = pp->scope ? wg_i_strdup(pp->scope) : NULL;
                    mq.p.paren = NULL;
                    mq.p.prov = NULL;
                    mq.has_scope = 1;
                    if (q == 0) {
                        mq.t1 = pp->t1;
                    } else {
                        mq.t0 = pp->t0;
                        mq.t1 = pp->t1;
                    }
                    if (wg_i_grow(&s->om, &s->omcap, s->nom + 1, sizeof *s->om) < 0)
                        return WG_ENOMEM;
                    s->om[s->nom++] = mq;
                }
                return 0;
            }
        }
        if (o->cls == OC_DANG && spaced && c->tok[j].cap && !c->tok[j].digit && !wg_i_headline_tok(s, j))
            return 0; /* Đảng ủy Công an tỉnh: an agency's, not placed here */
        /* "Ban Chấp hành" alone may be any body's: only with its place */
        if (o->cls == OC_DANG && !wg_i_tok_is(&c->tok[i], "đảng") && !wg_i_tokens_are(c, i + n - 2, "đảng bộ"))
            return 0;
        if (generic_after(c, m.t1) || (o->cls == OC_DANG && agency_after(c, m.t1)) || plural_list_before(c, i))
            return 0;
        /* "HĐND, UBND tỉnh", "Huyện ủy, HĐND, UBND huyện Xuân Trường": the
         * bodies listed before a scope share it; "... các cấp" is no body */
        size_t end = m.t1;
        for (int hop = 0; hop < 4 && o->cls != OC_PARTY; hop++) {
            size_t k = wg_i_list_next(c, end), n2, e2;
            if (!k)
                k = wg_i_list_next_dash(c, end);
            if (!k)
                break;
            size_t oj = wg_i_organ_at(c, s->pl, k, &n2);
            int others = 0;
            /* "UBND, MTTQ và các đoàn thể xã": the mass organisations
             * listed with the bodies share their scope too */
            if (oj == WG_NONE && ((others = wg_i_tokens_are(c, k, "các đoàn thể")) != 0 ||
                                  (others = wg_i_tokens_are(c, k, "đoàn thể")) != 0))
                n2 = (size_t)others;
            else if (oj == WG_NONE || (s->pl->organs[oj].cls != OC_STATE && s->pl->organs[oj].cls != OC_DANG &&
                                       s->pl->organs[oj].cls != OC_PARTY))
                break;
            e2 = k + n2 - 1;
            if (generic_after(c, e2))
                return 0;
            if (e2 + 1 < c->ntok && wg_i_gap_spaces(c, e2 + 1) && wg_i_unit_at(c, e2 + 1, &n2, &hop) != U_NONE) {
                wg_i_place q;
                if (wg_i_parse_place(s, e2 + 1, U_NONE, &q) && q.unit != U_NONE) {
                    m.p = q;
                    m.p.paren = NULL;
                    free(q.paren);
                    m.has_scope = 1;
                } else {
                    wg_i_place_free(&q);
                }
                break;
            }
            end = e2;
        }
    }
    if (!m.has_scope && (o->cls == OC_STATE || o->cls == OC_DANG) && generic_list_before(c, i)) {
        free(m.code);
        return 0;
    }
    if (wg_i_grow(&s->om, &s->omcap, s->nom + 1, sizeof *s->om) < 0) {
        free(m.code);
        return WG_ENOMEM;
    }
    s->om[s->nom++] = m;
    return 0;
}
