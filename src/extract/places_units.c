/* Place phrases: a unit word (phường, xã, huyện, TP., TT …) and the name
 * after it, and the list items that share one unit word ("các xã A, B và
 * C"). Each is appended to the article's place list for the scope pass. */
#include <string.h>
#include "extract/places_article.h"

static int is_surname(const wg_i_ctx *c, size_t k)
{
    return c->lex && wg_strmap_geth(&c->lex->surnames, c->tok[k].fold, c->tok[k].flen, c->tok[k].fhash, NULL);
}

/* The unit word at token i: sets *ntok (tokens it takes) and *abbrev. */
wg_i_unit wg_i_unit_at(const wg_i_ctx *c, size_t i, size_t *ntok, int *abbrev)
{
    static const struct { const char *w; wg_i_unit u; } two[] = {
        {"thành phố", U_TP}, {"thị xã", U_TX}, {"thị trấn", U_TT}, {"đặc khu", U_DK}};
    static const struct { const char *w; wg_i_unit u; } one[] = {
        {"tỉnh", U_TINH}, {"quận", U_QUAN}, {"huyện", U_HUYEN}, {"phường", U_PHUONG}, {"xã", U_XA}};
    static const struct { const char *w; wg_i_unit u; } abbr[] = {
        {"tp", U_TP}, {"tx", U_TX}, {"q", U_QUAN}, {"p", U_PHUONG}, {"tt", U_TT}, {"h", U_HUYEN}};
    *abbrev = 0;
    /* every unit word starts with t, q, h, p, x or đ: most tokens are none */
    unsigned char f0 = (unsigned char)c->tok[i].fold[0];
    if (!(f0 == 't' || f0 == 'q' || f0 == 'h' || f0 == 'p' || f0 == 'x' || f0 == 0xC4))
        return U_NONE;
    const wg_i_token *t = &c->tok[i];
    int two_first = wg_i_tok_is(t, "thành") || wg_i_tok_is(t, "thị") || wg_i_tok_is(t, "đặc");
    for (size_t k = 0; two_first && k < WG_ARRAY_LEN(two); k++)
        if (wg_i_tokens_are(c, i, two[k].w)) {
            *ntok = 2;
            return two[k].u;
        }
    for (size_t k = 0; k < WG_ARRAY_LEN(one); k++)
        if (wg_i_tok_is(&c->tok[i], one[k].w)) {
            *ntok = 1;
            return one[k].u;
        }
    /* abbreviations are written in capitals ("Tp.", "Tx." with a dot: only
     * their first letter) and followed by a dot or a name */
    int caps = wg_i_allcaps(c, i);
    if (!(caps || c->tok[i].cap) || i + 1 >= c->ntok)
        return U_NONE;
    for (size_t k = 0; k < WG_ARRAY_LEN(abbr); k++) {
        if (!wg_i_tok_is(&c->tok[i], abbr[k].w))
            continue;
        size_t gl;
        const char *g = wg_i_gap(c, i + 1, &gl);
        int dot = gl >= 1 && g[0] == '.' && (gl == 1 || (gl == 2 && g[1] == ' '));
        int short2 = c->tok[i].end - c->tok[i].start == 2;
        if (!caps && !(dot && short2))
            continue;
        /* "TP Huế", "TX Sơn Tây", "TT Long Hải"; not "TT HĐND" (Thường trực) */
        int spaced = caps && (abbr[k].u == U_TP || abbr[k].u == U_TX || abbr[k].u == U_TT) && gl == 1 &&
                     g[0] == ' ' && !(abbr[k].u == U_TT && wg_i_allcaps(c, i + 1));
        if ((dot || spaced) && c->tok[i + 1].cap) {
            *ntok = 1;
            *abbrev = 1;
            return abbr[k].u;
        }
        /* "Chủ tịch UBND TP, …", "UBND TX và": the unit word alone */
        int punct = gl >= 1 && (g[0] == ',' || g[0] == ';' || g[0] == ')' || g[0] == ':');
        if (caps && (abbr[k].u == U_TP || abbr[k].u == U_TX) &&
            (punct || (gl == 1 && g[0] == ' ' && !c->tok[i + 1].cap))) {
            *ntok = 1;
            return abbr[k].u;
        }
    }
    return U_NONE;
}

/* A paragraph in capitals is a headline: its capitals mark no names.
 * Worked out per paragraph on first use (titles ask about one only). */
int wg_i_headline_tok(const wg_i_pst *s, size_t k)
{
    const wg_i_ctx *c = s->c;
    size_t p = c->tok[k].paragraph;
    if (p >= s->npara || !s->headline)
        return 0;
    if (!s->headline[p]) {
        size_t a = k, b = k, words = 0, lower = 0;
        while (a > 0 && c->tok[a - 1].paragraph == p)
            a--;
        while (b + 1 < c->ntok && c->tok[b + 1].paragraph == p)
            b++;
        for (size_t q = a; q <= b; q++)
            words += !c->tok[q].digit;
        /* four in five words in capitals; most paragraphs fail at once */
        for (size_t q = a; q <= b && (words - lower) * 10 >= words * 8; q++)
            lower += !c->tok[q].digit && !wg_i_allcaps(c, q);
        s->headline[p] = words >= 3 && (words - lower) * 10 >= words * 8 ? 2 : 1;
    }
    return s->headline[p] == 2;
}

/* The text of tokens a..b as written, or capitalised in a headline. */
static char *disp_of(const wg_i_pst *s, size_t a, size_t b, int headline)
{
    if (headline)
        return wg_i_capitalised(s->c, a, b);
    return wg_i_strndup(s->c->doc->text + s->c->tok[a].start, s->c->tok[b].end - s->c->tok[a].start);
}

/* Is a plural word before the unit word ("các xã", "2 phường", "những")? */
static int plural_before(const wg_i_ctx *c, size_t i)
{
    if (i == 0)
        return 0;
    const wg_i_token *t = &c->tok[i - 1];
    return wg_i_tok_is(t, "các") || wg_i_tok_is(t, "những") || wg_i_tok_is(t, "hai") || wg_i_tok_is(t, "ba") ||
           t->digit;
}

/* How many tokens from j make the place name after unit word `unit`.
 * Running text: capitals mark the name and the gazetteer only trims a
 * person's name that follows it; headline capitals: the gazetteer or a name
 * written in the article's running text must say where the name ends. */
static size_t name_len(wg_i_pst *s, size_t j, wg_i_unit unit, int headline)
{
    const wg_i_ctx *c = s->c;
    size_t run = 0;
    while (j + run < c->ntok && run < 6 && c->tok[j + run].cap && !c->tok[j + run].digit &&
           (run == 0 || wg_i_gap_spaces(c, j + run)) && c->tok[j + run].sentence == c->tok[j].sentence)
        run++;
    if (!run)
        return 0;
    /* "xã Sơn Kim 2": a number the gazetteer writes as part of the name */
    if (j + run < c->ntok && c->tok[j + run].digit && c->tok[j + run].end - c->tok[j + run].start <= 2 &&
        wg_i_gap_spaces(c, j + run) && c->tok[j + run].sentence == c->tok[j].sentence) {
        char *f = wg_i_join_fold(c, j, run + 1, 0);
        int hit = f && wg_i_gz_find(s->pl, f, unit, 3, NULL, NULL) != WG_NONE;
        free(f);
        if (hit)
            return run + 1;
    }
    size_t gz = 0, seen = 0, maxw = s->pl ? s->pl->max_words : 4;
    /* "Phan Rang – Tháp Chàm": a known name may run across a dash */
    size_t lrun = run;
    while (j + lrun < c->ntok && lrun < maxw && c->tok[j + lrun].cap && !c->tok[j + lrun].digit &&
           c->tok[j + lrun].sentence == c->tok[j].sentence)
        lrun++;
    for (size_t m = lrun; m > run; m--) {
        char *f = wg_i_join_fold(c, j, m, 1);
        int hit = f && strchr(f, '.') == NULL && wg_i_gz_find(s->pl, f, unit, s->eras | 3, NULL, NULL) != WG_NONE;
        free(f);
        if (hit)
            return m;
    }
    for (size_t m = run < maxw ? run : maxw; m >= 1 && !gz; m--) {
        char *f = wg_i_join_fold(c, j, m, 0);
        if (f && wg_i_gz_find(s->pl, f, unit, s->eras | 3, NULL, NULL) != WG_NONE)
            gz = m;
        if (f && !seen && wg_strmap_get(&s->seen, f, NULL))
            seen = m;
        free(f);
    }
    if (headline)
        return gz > seen ? gz : seen;
    if (wg_i_allcaps(c, j) && c->tok[j].end - c->tok[j].start > 1 && !gz)
        return 1; /* an acronym stands alone: PRTC, "TPHCM Trần Lưu Quang" */
    if (gz == run)
        return gz;
    /* the gazetteer's name, written alone elsewhere in the article: what
     * follows it here is another word ("xã Sao Vàng Ho…", cut off) */
    if (gz && seen == gz)
        return gz;
    if (gz && (is_surname(c, j + gz) || wg_i_allcaps(c, j + gz)))
        return gz;
    if (seen == run || (seen && is_surname(c, j + seen)))
        return seen;
    if (!gz && !seen) {
        /* not a known place: a person's name after a title ("Chủ tịch UBND
         * tỉnh Nguyễn Văn An") or one capitalised word ("Phường Đô thị văn
         * minh") is no place name. Provinces and districts are all in the
         * gazetteer; wards not always (merged ones), and a ward's name is
         * rarely three syllables from a surname on. */
        if (is_surname(c, j) && (unit_level(unit) != LV_W || run >= 3))
            return 0;
        if (run == 1 && unit_level(unit) == LV_W && !wg_i_allcaps(c, j))
            return 0;
        /* a person's name after the place: "xã Tân Lập Nguyễn Văn An" */
        for (size_t k = 1; k + 1 < run; k++)
            if (is_surname(c, j + k))
                return k;
    }
    return run > 4 ? 4 : run;
}

/* Is the number at token j a count ("9 tháng", "3 nội dung", "2 người")
 * rather than a unit's number? A word of measure follows it. */
static int count_after(const wg_i_ctx *c, size_t j)
{
    static const char *const measure[] = {"tháng", "năm", "ngày", "tuần", "quý", "lần", "đợt", "nội dung",
                                          "chỉ tiêu", "tiêu chí", "nhiệm vụ", "vấn đề", "giải pháp", "người",
                                          "hộ", "đơn vị", "cuộc", "km", "ha", "tỷ", "triệu", "công trình",
                                          "dự án", "thôn", "ấp", "khu phố"};
    if (c->tok[j].end - c->tok[j].start > 3)
        return 1; /* "xã 2025": no ward has such a number */
    if (j + 1 >= c->ntok || !wg_i_gap_spaces(c, j + 1))
        return 0;
    for (size_t k = 0; k < WG_ARRAY_LEN(measure); k++)
        if (wg_i_tokens_are(c, j + 1, measure[k]))
            return 1;
    return 0;
}

/* Parses a place at token i: unit word + name, or (with `implied`) a bare
 * name or number standing for a unit of that kind. Returns tokens taken. */
size_t wg_i_parse_place(wg_i_pst *s, size_t i, wg_i_unit implied, wg_i_place *out)
{
    const wg_i_ctx *c = s->c;
    size_t ut = 0, j;
    int abbrev = 0;
    memset(out, 0, sizeof *out);
    out->gz = WG_NONE;
    out->n0 = WG_NONE;
    if (i >= c->ntok)
        return 0;
    out->headline = wg_i_headline_tok(s, i);
    wg_i_unit u = wg_i_unit_at(c, i, &ut, &abbrev);
    if (u != U_NONE) {
        out->unit = u;
        out->unit_written = 1;
        out->abbrev = abbrev;
        /* (a colon list below may reuse `abbrev` to accept its gap) */
        j = i + ut;
        /* "đảng ủy xã xã Tân Lập": the unit word written twice */
        size_t ut2;
        int ab2;
        if (j < c->ntok && wg_i_gap_spaces(c, j) && wg_i_unit_at(c, j, &ut2, &ab2) == u) {
            j += ut2;
            i += ut;
        }
    } else if (implied != U_NONE) {
        out->unit = implied;
        j = i;
    } else {
        return 0;
    }
    out->t0 = i;
    out->t1 = j ? j - 1 : 0;
    /* "5 phường: Thuận Phước, ...", "các xã như: Hà Mãn, ..." */
    if (u != U_NONE && plural_before(c, i) && j < c->ntok) {
        size_t gl;
        const char *g = wg_i_gap(c, j, &gl);
        if ((wg_i_tok_is(&c->tok[j], "như") || wg_i_tok_is(&c->tok[j], "gồm")) && j + 1 < c->ntok &&
            wg_i_gap_spaces(c, j)) {
            g = wg_i_gap(c, j + 1, &gl);
            if (gl == 2 && g[0] == ':' && g[1] == ' ') {
                j++;
                abbrev = 1;
            }
        } else if (gl == 2 && g[0] == ':' && g[1] == ' ') {
            abbrev = 1; /* the gap is fine */
        }
    }
    if (j >= c->ntok || (j > i && !(abbrev ? 1 : wg_i_gap_spaces(c, j))) ||
        c->tok[j].sentence != c->tok[i].sentence) {
        return j > i ? j - i : 0;
    }
    size_t n = 0;
    if (c->tok[j].digit) {
        /* "phường 9 tháng đầu năm", "xã 3 nội dung": a count, not a unit */
        n = count_after(c, j) ? 0 : 1;
    } else if (c->tok[j].cap) {
        n = name_len(s, j, u != U_NONE ? u : implied, out->headline);
        if (n == 1 && wg_i_tok_is(&c->tok[j], "ntm"))
            n = 0; /* "xã NTM": nông thôn mới, a rank, not a name */
        if (n == 1 && wg_i_allcaps(c, j) && !out->headline) {
            out->acronym = 1;
            char *f = wg_i_join_fold(c, j, 1, 0);
            int known = f && wg_i_gz_find(s->pl, f, u != U_NONE ? u : implied, 3, NULL, NULL) != WG_NONE;
            free(f);
            if (unit_level(u != U_NONE ? u : implied) == LV_W && !known)
                n = 0;
        }
    }
    if (!n)
        return j > i ? j - i : 0;
    out->n0 = j;
    out->acronym = out->acronym && n == 1;
    out->n1 = j + n - 1;
    out->t1 = out->n1;
    if ((out->bare = wg_i_join_fold(c, j, n, 1)) == NULL ||
        (out->disp = disp_of(s, j, out->n1, out->headline)) == NULL)
        return 0;
    if (!out->headline) {
        wg_buf b = WG_BUF_INIT;
        if (out->unit_written && !abbrev) {
            /* the unit word in lower case, except before a number: "Quận 1" */
            if (c->tok[j].digit)
                wg_buf_put(&b, c->doc->text + c->tok[i].start, c->tok[j].start - c->tok[i].start);
            else {
                wg_buf_puts(&b, wg_i_unit_words[u]);
                wg_buf_putc(&b, ' ');
            }
            wg_buf_puts(&b, out->disp);
        } else {
            wg_buf_put(&b, c->doc->text + c->tok[i].start, c->tok[out->n1].end - c->tok[i].start);
        }
        out->scope = wg_buf_detach(&b);
    }
    /* "xã Bình Mỹ (TPHCM)": the province in brackets */
    size_t k = out->n1 + 1, gl;
    if (k + 1 < c->ntok) {
        const char *g = wg_i_gap(c, k, &gl);
        size_t g2l;
        const char *g2 = k + 1 < c->ntok ? wg_i_gap(c, k + 1, &g2l) : NULL;
        if (gl >= 1 && g[gl - 1] == '(' && c->tok[k].cap) {
            size_t e = k;
            while (e + 1 < c->ntok && e < k + 3 && wg_i_gap_spaces(c, e + 1) && c->tok[e + 1].cap)
                e++;
            g2 = wg_i_gap(c, e + 1 < c->ntok ? e + 1 : e, &g2l);
            if (e + 1 < c->ntok && g2l >= 1 && g2[0] == ')')
                out->paren = wg_i_join_fold(c, k, e - k + 1, 0);
        }
    }
    return out->t1 - out->t0 + 1;
}

static int push_place(wg_i_pst *s, wg_i_place *p)
{
    if (wg_i_grow(&s->pl_arr, &s->plcap, s->npl + 1, sizeof *s->pl_arr) < 0)
        return WG_ENOMEM;
    s->pl_arr[s->npl++] = *p;
    return 0;
}

/* Bodies are also listed with dashes: "Tỉnh ủy – HĐND – UBND tỉnh". */
size_t wg_i_list_next_dash(const wg_i_ctx *c, size_t last)
{
    size_t k = last + 1, gl;
    if (k >= c->ntok || c->tok[k].sentence != c->tok[last].sentence)
        return 0;
    const char *g = wg_i_gap(c, k, &gl);
    int dashes = 0;
    for (size_t i = 0; i < gl;) {
        uint32_t cp;
        size_t l = wg_utf8_decode(g + i, &cp);
        if (cp == '-' || cp == 0x2013 || cp == 0x2014)
            dashes++;
        else if (cp != ' ')
            return 0;
        i += l;
    }
    return dashes == 1 ? k : 0;
}

/* After item tokens ending at `last`: ", X", " và X" starting a list
 * item? Returns the token of X or 0. */
size_t wg_i_list_next(const wg_i_ctx *c, size_t last)
{
    size_t k = last + 1, gl;
    if (k >= c->ntok || c->tok[k].sentence != c->tok[last].sentence)
        return 0;
    const char *g = wg_i_gap(c, k, &gl);
    if (gl == 2 && g[0] == ',' && g[1] == ' ')
        return k;
    if (wg_i_gap_spaces(c, k) && wg_i_tok_is(&c->tok[k], "và") && k + 1 < c->ntok && wg_i_gap_spaces(c, k + 1))
        return k + 1;
    return 0;
}

/* A place phrase at i and the list items that share its unit word. Adds
 * each to s->pl_arr; returns the tokens taken (0: none). */
/* "5 xã, phường gồm: Thanh Nưa, Mường Phăng, Mường Thanh", "Đảng bộ các
 * phường, xã: A, B, C": several unit words over one list. Each item takes
 * the unit word under which the gazetteer knows its name (the first one
 * when it knows it under several); an item it knows under none is skipped,
 * as nothing says which unit it is. Returns the tokens taken (0: no such
 * list at i). */
static size_t mixed_list_at(wg_i_pst *s, size_t i, size_t *count)
{
    const wg_i_ctx *c = s->c;
    wg_i_unit units[4];
    size_t nu = 0, k = i, ut;
    int ab;
    *count = 0;
    if (!plural_before(c, i))
        return 0;
    for (;;) {
        wg_i_unit u = wg_i_unit_at(c, k, &ut, &ab);
        if (u == U_NONE || ab || unit_level(u) != LV_W || nu == WG_ARRAY_LEN(units))
            return 0;
        units[nu++] = u;
        k += ut;
        if (k >= c->ntok)
            return 0;
        size_t nk = wg_i_list_next(c, k - 1);
        if (!nk || wg_i_unit_at(c, nk, &ut, &ab) == U_NONE)
            break;
        k = nk;
    }
    if (nu < 2)
        return 0;
    /* then "gồm:", "như:" or ":" */
    if (wg_i_gap_spaces(c, k) && (wg_i_tok_is(&c->tok[k], "gồm") || wg_i_tok_is(&c->tok[k], "như")) &&
        k + 1 < c->ntok)
        k++;
    size_t gl;
    const char *g = wg_i_gap(c, k, &gl);
    if (!(gl == 2 && g[0] == ':' && g[1] == ' ') || c->tok[k].sentence != c->tok[i].sentence)
        return 0;
    int headline = wg_i_headline_tok(s, i);
    size_t end = k - 1;
    for (size_t item = k; item; item = wg_i_list_next(c, end)) {
        if (!c->tok[item].cap || c->tok[item].digit)
            break;
        wg_i_unit pick = U_NONE;
        size_t m = 0;
        for (size_t a = 0; a < nu && pick == U_NONE; a++) {
            size_t ma = name_len(s, item, units[a], headline);
            char *f = ma ? wg_i_join_fold(c, item, ma, 1) : NULL;
            if (f && wg_i_gz_find(s->pl, f, units[a], s->eras | 3, NULL, NULL) != WG_NONE) {
                pick = units[a];
                m = ma;
            }
            free(f);
        }
        if (pick == U_NONE) {
            m = name_len(s, item, units[0], headline);
            if (!m)
                break;
            end = item + m - 1;
            continue;
        }
        wg_i_place q;
        memset(&q, 0, sizeof q);
        q.unit = pick;
        q.gz = WG_NONE;
        q.headline = headline;
        q.t0 = q.n0 = item;
        q.t1 = q.n1 = item + m - 1;
        q.bare = wg_i_join_fold(c, item, m, 1);
        q.disp = disp_of(s, item, q.n1, headline);
        if (q.bare && q.disp && !headline) {
            wg_buf b = WG_BUF_INIT;
            wg_buf_puts(&b, wg_i_unit_words[pick]);
            wg_buf_putc(&b, ' ');
            wg_buf_puts(&b, q.disp);
            q.scope = wg_buf_detach(&b);
        }
        if (!q.bare || !q.disp || (!headline && !q.scope) || push_place(s, &q) < 0) {
            wg_i_place_free(&q);
            break;
        }
        (*count)++;
        end = q.t1;
    }
    return *count ? end - i + 1 : 0;
}

size_t wg_i_places_at(wg_i_pst *s, size_t i, wg_i_unit implied, int ward_only, size_t *first, size_t *count)
{
    const wg_i_ctx *c = s->c;
    wg_i_place p;
    *first = s->npl;
    size_t mixed = mixed_list_at(s, i, count);
    if (mixed)
        return mixed;
    size_t n = wg_i_parse_place(s, i, implied, &p);
    *count = 0;
    *first = s->npl;
    if (!n)
        return 0;
    if (ward_only && (p.unit == U_NONE || unit_level(p.unit) != LV_W || p.n0 == WG_NONE)) {
        wg_i_place_free(&p);
        return 0;
    }
    wg_i_unit u = p.unit;
    int headline = p.headline, plural = plural_before(c, i);
    size_t end = p.t1;
    int numeric = p.n0 != WG_NONE && c->tok[p.n0].digit;
    if (push_place(s, &p) < 0) {
        wg_i_place_free(&p);
        return 0;
    }
    (*count)++;
    if (p.n0 == WG_NONE)
        return n;
    for (;;) {
        size_t k = wg_i_list_next(c, end);
        if (!k)
            break;
        wg_i_place q;
        memset(&q, 0, sizeof q);
        size_t ut, m = 0;
        int ab;
        if (wg_i_unit_at(c, k, &ut, &ab) != U_NONE)
            break; /* a new unit word starts its own phrase */
        if (c->tok[k].digit) {
            if (!numeric)
                break;
            m = 1;
        } else if (c->tok[k].cap) {
            m = name_len(s, k, u, headline);
            if (!m || (m == 1 && c->tok[k].end - c->tok[k].start <= 2))
                break; /* "Đ": a cut-off word */
            /* without "các" an item must be a known unit of that kind, or
             * have the first item's shape (two or more words, as many) */
            char *f = wg_i_join_fold(c, k, m, 1);
            int known = f && wg_i_gz_find(s->pl, f, u, s->eras | 3, NULL, NULL) != WG_NONE;
            free(f);
            size_t first_words = s->pl_arr[*first].n1 - s->pl_arr[*first].n0 + 1;
            size_t on;
            int shaped = unit_level(u) == LV_W && s->pl_arr[*first].unit_written && m >= 2 && m == first_words &&
                         !wg_i_allcaps(c, k) && wg_i_organ_at(c, s->pl, k, &on) == WG_NONE &&
                         !(k + m < c->ntok && c->tok[k + m].cap && wg_i_gap_spaces(c, k + m));
            if (!plural && !known && !shaped)
                break;
        } else {
            break;
        }
        q.unit = u;
        q.unit_written = 0;
        q.gz = WG_NONE;
        q.headline = headline;
        q.t0 = q.n0 = k;
        q.t1 = q.n1 = k + m - 1;
        q.bare = wg_i_join_fold(c, k, m, 1);
        q.disp = disp_of(s, k, q.n1, headline);
        if (!q.bare || !q.disp) {
            wg_i_place_free(&q);
            break;
        }
        if (!headline) {
            wg_buf b = WG_BUF_INIT;
            if (!c->tok[k].digit) {
                wg_buf_puts(&b, wg_i_unit_words[u]);
                wg_buf_putc(&b, ' ');
            } else {
                wg_buf_puts(&b, wg_i_unit_words[u]);
                wg_buf_putc(&b, ' ');
                /* "Quận 1, 3": the unit capitalised before numbers as the first was */
                if (s->pl_arr[*first].scope && s->pl_arr[*first].scope[0] != b.ptr[0]) {
                    wg_buf_free(&b);
                    wg_buf_put(&b, s->pl_arr[*first].scope,
                               strlen(s->pl_arr[*first].scope) - strlen(s->pl_arr[*first].disp));
                }
            }
            wg_buf_puts(&b, q.disp);
            q.scope = wg_buf_detach(&b);
        }
        if (push_place(s, &q) < 0) {
            wg_i_place_free(&q);
            break;
        }
        (*count)++;
        end = q.t1;
    }
    return end - i + 1;
}
