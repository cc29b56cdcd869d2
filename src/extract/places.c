/* Wards (phường, xã, thị trấn, đặc khu) and committees (party, state and
 * front bodies with their scope).
 *
 * One article at a time: every place phrase (unit word + name, or an
 * organ's scope) is collected first; the article's province and district
 * are then voted from the places the gazetteer can place; last, each ward
 * gets its parent and each committee its scope, and keys carry the resolved
 * place so that same-named bodies of different places stay apart. */
#include <string.h>
#include "extract/places.h"

static const char *const unit_words[U_KINDS] = {
    "", "tỉnh", "thành phố", "quận", "huyện", "thị xã", "phường", "xã", "thị trấn", "đặc khu"};

static int unit_level(wg_i_unit u)
{
    return u >= U_PHUONG ? LV_W : u >= U_QUAN ? LV_D : LV_P;
}

typedef struct {
    wg_i_unit unit;     /* written or implied unit; U_NONE: a bare name */
    int unit_written;
    size_t t0, t1;      /* the phrase */
    size_t n0, n1;      /* the name; n0 == WG_NONE: a bare unit word */
    int headline, acronym;
    int abbrev;         /* unit written "TP.", "Q.", "P." */
    char *bare;         /* folded name words */
    char *disp;         /* the name, headline capitals normalised */
    char *scope;        /* unit word + name as written in running text */
    char *paren;        /* "(TPHCM)" after a ward: folded */
    size_t gz;          /* resolved unit */
    char *prov;         /* folded province name it lies in, or NULL */
    int is_ward;        /* a ward mention (not only an organ's scope) */
} place;

typedef struct {
    size_t organ;
    size_t t0, t1;
    place p;            /* scope; p.unit == U_NONE && p.n0 == WG_NONE: none */
    int has_scope;
    size_t parent_tok;  /* dept: the token where its committee starts */
    int central_dept;   /* dept of "Trung ương" */
    char *code;         /* Chi bộ 10B */
} omention;

typedef struct {
    wg_i_ctx *c;
    const wg_i_places *pl;
    int eras;           /* bit 1: 2025-03 list, bit 2: 2025-07 list */
    int prefer;         /* 7: after the reform (new units first), 0: unknown */
    unsigned char *headline; /* per paragraph: 0 unknown, 1 no, 2 yes */
    size_t npara;
    wg_strmap seen;     /* bare names written in running text */
    place *pl_arr;
    size_t npl, plcap;
    omention *om;
    size_t nom, omcap;
    /* context */
    char *best_prov;    /* folded */
    size_t best_prov_gz;
    size_t best_tinh_gz;  /* the best province that is a tỉnh */
    size_t best_city_gz;  /* the best province that is a city */
    size_t best_dist_gz;
    size_t focus_ward;  /* index into pl_arr */
    char *article_tag;
} st;

static size_t organ_at(const wg_i_ctx *c, const wg_i_places *pl, size_t i, size_t *n);

static void place_free(place *p)
{
    free(p->bare);
    free(p->disp);
    free(p->scope);
    free(p->paren);
    free(p->prov);
}

static int is_surname(const wg_i_ctx *c, size_t k)
{
    return c->lex && wg_strmap_get(&c->lex->surnames, c->tok[k].fold, NULL);
}

static int era_ok(int eras, int era)
{
    return (eras & (era == 3 ? 1 : 2)) != 0;
}

/* Does gazetteer unit u fit a place written with unit word `unit`? */
static int unit_fits(const wg_i_gzunit *u, wg_i_unit unit)
{
    return unit == U_NONE || u->unit == unit;
}

/* The first unit named `bare` that fits, in the allowed eras, preferring
 * the province `prov` (folded) when given; *count gets how many fit. */
static size_t gz_find(const wg_i_places *pl, const char *bare, wg_i_unit unit, int eras, const char *prov,
                      size_t *count)
{
    size_t head, best = WG_NONE, n = 0;
    if (count)
        *count = 0;
    if (!pl || !bare || !wg_strmap_get(&pl->bare, bare, &head))
        return WG_NONE;
    for (size_t k = head; k != WG_NONE; k = pl->u[k].next) {
        const wg_i_gzunit *u = &pl->u[k];
        if (!unit_fits(u, unit) || !era_ok(eras, u->era))
            continue;
        if (prov && strcmp(pl->u[u->province].bare, prov) != 0)
            continue;
        /* the same unit in both lists counts once */
        int dup = 0;
        if (best != WG_NONE && pl->u[best].level == u->level &&
            strcmp(pl->u[pl->u[best].province].bare, pl->u[u->province].bare) == 0 &&
            (u->level != LV_W || (pl->u[best].district == WG_NONE || u->district == WG_NONE ||
                                  strcmp(pl->u[pl->u[best].district].bare, pl->u[u->district].bare) == 0)))
            dup = 1;
        if (!dup)
            n++;
        if (best == WG_NONE || (u->era == 3 && pl->u[best].era == 7 && dup))
            best = k;
    }
    if (count)
        *count = n;
    return best;
}

/* Acronym of a province or district: PRTC, HCM, TPHCM. */
static size_t gz_initials(const wg_i_places *pl, const char *fold, int eras)
{
    size_t head;
    if (!pl)
        return WG_NONE;
    if (strncmp(fold, "tp", 2) == 0 && strlen(fold) > 4)
        fold += 2;
    if (!wg_strmap_get(&pl->initials, fold, &head))
        return WG_NONE;
    size_t found = WG_NONE;
    for (size_t k = head; k != WG_NONE; k = pl->u[k].next_init) {
        if (!era_ok(eras, pl->u[k].era))
            continue;
        if (found != WG_NONE && strcmp(pl->u[found].bare, pl->u[k].bare) != 0)
            return WG_NONE; /* two places share the initials */
        if (found == WG_NONE)
            found = k;
    }
    return found;
}

/* The unit word at token i: sets *ntok (tokens it takes) and *abbrev. */
static wg_i_unit unit_at(const wg_i_ctx *c, size_t i, size_t *ntok, int *abbrev)
{
    static const struct { const char *w; wg_i_unit u; } two[] = {
        {"thành phố", U_TP}, {"thị xã", U_TX}, {"thị trấn", U_TT}, {"đặc khu", U_DK}};
    static const struct { const char *w; wg_i_unit u; } one[] = {
        {"tỉnh", U_TINH}, {"quận", U_QUAN}, {"huyện", U_HUYEN}, {"phường", U_PHUONG}, {"xã", U_XA}};
    static const struct { const char *w; wg_i_unit u; } abbr[] = {
        {"tp", U_TP}, {"tx", U_TX}, {"q", U_QUAN}, {"p", U_PHUONG}, {"tt", U_TT}, {"h", U_HUYEN}};
    *abbrev = 0;
    for (size_t k = 0; k < WG_ARRAY_LEN(two); k++)
        if (wg_i_tokens_are(c, i, two[k].w)) {
            *ntok = 2;
            return two[k].u;
        }
    for (size_t k = 0; k < WG_ARRAY_LEN(one); k++)
        if (strcmp(c->tok[i].fold, one[k].w) == 0) {
            *ntok = 1;
            return one[k].u;
        }
    /* abbreviations are written in capitals and followed by a dot or a name */
    if (!wg_i_allcaps(c, i) || i + 1 >= c->ntok)
        return U_NONE;
    for (size_t k = 0; k < WG_ARRAY_LEN(abbr); k++) {
        if (strcmp(c->tok[i].fold, abbr[k].w) != 0)
            continue;
        size_t gl;
        const char *g = wg_i_gap(c, i + 1, &gl);
        int dot = gl >= 1 && g[0] == '.' && (gl == 1 || (gl == 2 && g[1] == ' '));
        int tp_space = (abbr[k].u == U_TP || abbr[k].u == U_TX) && gl == 1 && g[0] == ' ';
        if ((dot || tp_space) && c->tok[i + 1].cap) {
            *ntok = 1;
            *abbrev = 1;
            return abbr[k].u;
        }
    }
    return U_NONE;
}

/* A paragraph in capitals is a headline: its capitals mark no names.
 * Worked out per paragraph on first use (titles ask about one only). */
static int headline_tok(const st *s, size_t k)
{
    const wg_i_ctx *c = s->c;
    size_t p = c->tok[k].paragraph;
    if (p >= s->npara || !s->headline)
        return 0;
    if (!s->headline[p]) {
        size_t a = k, b = k, words = 0, caps = 0;
        while (a > 0 && c->tok[a - 1].paragraph == p)
            a--;
        while (b + 1 < c->ntok && c->tok[b + 1].paragraph == p)
            b++;
        for (size_t q = a; q <= b; q++) {
            if (c->tok[q].digit)
                continue;
            words++;
            caps += (size_t)wg_i_allcaps(c, q);
        }
        s->headline[p] = words >= 3 && caps * 10 >= words * 8 ? 2 : 1;
    }
    return s->headline[p] == 2;
}

/* The text of tokens a..b as written, or capitalised in a headline. */
static char *disp_of(const st *s, size_t a, size_t b, int headline)
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
    const char *f = c->tok[i - 1].fold;
    return strcmp(f, "các") == 0 || strcmp(f, "những") == 0 || strcmp(f, "hai") == 0 || strcmp(f, "ba") == 0 ||
           c->tok[i - 1].digit;
}

/* How many tokens from j make the place name after unit word `unit`.
 * Running text: capitals mark the name and the gazetteer only trims a
 * person's name that follows it; headline capitals: the gazetteer or a name
 * written in the article's running text must say where the name ends. */
static size_t name_len(st *s, size_t j, wg_i_unit unit, int headline)
{
    const wg_i_ctx *c = s->c;
    size_t run = 0;
    while (j + run < c->ntok && run < 6 && c->tok[j + run].cap && !c->tok[j + run].digit &&
           (run == 0 || wg_i_gap_spaces(c, j + run)) && c->tok[j + run].sentence == c->tok[j].sentence)
        run++;
    if (!run)
        return 0;
    size_t gz = 0, seen = 0, maxw = s->pl ? s->pl->max_words : 4;
    /* "Phan Rang – Tháp Chàm": a known name may run across a dash */
    size_t lrun = run;
    while (j + lrun < c->ntok && lrun < maxw && c->tok[j + lrun].cap && !c->tok[j + lrun].digit &&
           c->tok[j + lrun].sentence == c->tok[j].sentence)
        lrun++;
    for (size_t m = lrun; m > run; m--) {
        char *f = wg_i_join_fold(c, j, m, 1);
        int hit = f && strchr(f, '.') == NULL && gz_find(s->pl, f, unit, s->eras | 3, NULL, NULL) != WG_NONE;
        free(f);
        if (hit)
            return m;
    }
    for (size_t m = run < maxw ? run : maxw; m >= 1 && !gz; m--) {
        char *f = wg_i_join_fold(c, j, m, 0);
        if (f && gz_find(s->pl, f, unit, s->eras | 3, NULL, NULL) != WG_NONE)
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

/* Parses a place at token i: unit word + name, or (with `implied`) a bare
 * name or number standing for a unit of that kind. Returns tokens taken. */
static size_t parse_place(st *s, size_t i, wg_i_unit implied, place *out)
{
    const wg_i_ctx *c = s->c;
    size_t ut = 0, j;
    int abbrev = 0;
    memset(out, 0, sizeof *out);
    out->gz = WG_NONE;
    out->n0 = WG_NONE;
    if (i >= c->ntok)
        return 0;
    out->headline = headline_tok(s, i);
    wg_i_unit u = unit_at(c, i, &ut, &abbrev);
    if (u != U_NONE) {
        out->unit = u;
        out->unit_written = 1;
        out->abbrev = abbrev;
        /* (a colon list below may reuse `abbrev` to accept its gap) */
        j = i + ut;
        /* "đảng ủy xã xã Tân Lập": the unit word written twice */
        size_t ut2;
        int ab2;
        if (j < c->ntok && wg_i_gap_spaces(c, j) && unit_at(c, j, &ut2, &ab2) == u) {
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
        if ((strcmp(c->tok[j].fold, "như") == 0 || strcmp(c->tok[j].fold, "gồm") == 0) && j + 1 < c->ntok &&
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
        n = 1;
    } else if (c->tok[j].cap) {
        n = name_len(s, j, u != U_NONE ? u : implied, out->headline);
        if (n == 1 && wg_i_allcaps(c, j) && !out->headline) {
            out->acronym = 1;
            char *f = wg_i_join_fold(c, j, 1, 0);
            int known = f && gz_find(s->pl, f, u != U_NONE ? u : implied, 3, NULL, NULL) != WG_NONE;
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
                wg_buf_puts(&b, unit_words[u]);
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

static int push_place(st *s, place *p)
{
    if (wg_i_grow(&s->pl_arr, &s->plcap, s->npl + 1, sizeof *s->pl_arr) < 0)
        return WG_ENOMEM;
    s->pl_arr[s->npl++] = *p;
    return 0;
}

/* Bodies are also listed with dashes: "Tỉnh ủy – HĐND – UBND tỉnh". */
static size_t list_next_dash(const wg_i_ctx *c, size_t last)
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
static size_t list_next(const wg_i_ctx *c, size_t last)
{
    size_t k = last + 1, gl;
    if (k >= c->ntok || c->tok[k].sentence != c->tok[last].sentence)
        return 0;
    const char *g = wg_i_gap(c, k, &gl);
    if (gl == 2 && g[0] == ',' && g[1] == ' ')
        return k;
    if (wg_i_gap_spaces(c, k) && strcmp(c->tok[k].fold, "và") == 0 && k + 1 < c->ntok && wg_i_gap_spaces(c, k + 1))
        return k + 1;
    return 0;
}

/* A place phrase at i and the list items that share its unit word. Adds
 * each to s->pl_arr; returns the tokens taken (0: none). */
static size_t places_at(st *s, size_t i, wg_i_unit implied, int ward_only, size_t *first, size_t *count)
{
    const wg_i_ctx *c = s->c;
    place p;
    size_t n = parse_place(s, i, implied, &p);
    *count = 0;
    *first = s->npl;
    if (!n)
        return 0;
    if (ward_only && (p.unit == U_NONE || unit_level(p.unit) != LV_W || p.n0 == WG_NONE)) {
        place_free(&p);
        return 0;
    }
    wg_i_unit u = p.unit;
    int headline = p.headline, plural = plural_before(c, i);
    size_t end = p.t1;
    int numeric = p.n0 != WG_NONE && c->tok[p.n0].digit;
    if (push_place(s, &p) < 0) {
        place_free(&p);
        return 0;
    }
    (*count)++;
    if (p.n0 == WG_NONE)
        return n;
    for (;;) {
        size_t k = list_next(c, end);
        if (!k)
            break;
        place q;
        memset(&q, 0, sizeof q);
        size_t ut, m = 0;
        int ab;
        if (unit_at(c, k, &ut, &ab) != U_NONE)
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
            int known = f && gz_find(s->pl, f, u, s->eras | 3, NULL, NULL) != WG_NONE;
            free(f);
            size_t first_words = s->pl_arr[*first].n1 - s->pl_arr[*first].n0 + 1;
            size_t on;
            int shaped = unit_level(u) == LV_W && s->pl_arr[*first].unit_written && m >= 2 && m == first_words &&
                         !wg_i_allcaps(c, k) && organ_at(c, s->pl, k, &on) == WG_NONE &&
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
            place_free(&q);
            break;
        }
        if (!headline) {
            wg_buf b = WG_BUF_INIT;
            if (!c->tok[k].digit) {
                wg_buf_puts(&b, unit_words[u]);
                wg_buf_putc(&b, ' ');
            } else {
                wg_buf_puts(&b, unit_words[u]);
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
            place_free(&q);
            break;
        }
        (*count)++;
        end = q.t1;
    }
    return end - i + 1;
}

/* ---- organs ---- */

/* "... các cấp", "UBND các xã", "HĐND cấp xã": every unit's body, none
 * in particular. */
static int generic_after(const wg_i_ctx *c, size_t e)
{
    size_t n, k = e + 1;
    int ab;
    if (k + 1 >= c->ntok || !wg_i_gap_spaces(c, k))
        return 0;
    const char *f = c->tok[k].fold;
    if (strcmp(f, "các") != 0 && strcmp(f, "cấp") != 0 && strcmp(f, "những") != 0)
        return 0;
    return wg_i_tokens_are(c, k, "các cấp") || unit_at(c, k + 1, &n, &ab) != U_NONE ||
           wg_i_tokens_are(c, k + 1, "cơ sở");
}

/* "các Huyện ủy", "các huyện, thị, thành ủy": every such body. */
static int plural_list_before(const wg_i_ctx *c, size_t i)
{
    for (size_t back = 1; back <= 5 && back <= i; back++) {
        const wg_i_token *t = &c->tok[i - back];
        if (t->sentence != c->tok[i].sentence)
            return 0;
        if (strcmp(t->fold, "các") == 0 || strcmp(t->fold, "những") == 0)
            return 1;
        /* only through a list of short words: "huyện, thị," */
        size_t gl;
        const char *g = wg_i_gap(c, i - back + 1, &gl);
        if (!(gl == 1 && g[0] == ' ') && !(gl == 2 && g[0] == ',' && g[1] == ' '))
            return 0;
        if (back > 1 && !(strcmp(t->fold, "huyện") == 0 || strcmp(t->fold, "thị") == 0 ||
                          strcmp(t->fold, "quận") == 0 || strcmp(t->fold, "thành") == 0 ||
                          strcmp(t->fold, "tỉnh") == 0 || strcmp(t->fold, "đảng") == 0 ||
                          strcmp(t->fold, "ủy") == 0))
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
static size_t organ_at(const wg_i_ctx *c, const wg_i_places *pl, size_t i, size_t *n)
{
    if (!pl || !wg_strmap_get(&pl->organ_first, c->tok[i].fold, NULL))
        return WG_NONE;
    size_t maxw = pl->max_organ_words;
    for (size_t w = maxw; w >= 1; w--) {
        if (i + w > c->ntok)
            continue;
        char *f = wg_i_join_fold(c, i, w, 1);
        size_t idx;
        int hit = f && wg_strmap_get(&pl->organ_forms, f, &idx);
        free(f);
        if (hit) {
            *n = w;
            return idx;
        }
    }
    return WG_NONE;
}

static wg_i_unit party_unit(const char *canon)
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

static const char *party_of_unit(wg_i_unit u)
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

/* Organ mentions at token i (a list gives several). Returns tokens taken
 * by the first organ word (scopes are parsed, lists are added). */
static int organs_at(st *s, size_t i, size_t *taken)
{
    const wg_i_ctx *c = s->c;
    size_t n, oi = organ_at(c, s->pl, i, &n);
    *taken = 0;
    if (oi == WG_NONE)
        return 0;
    const wg_i_organ *o = &s->pl->organs[oi];
    omention m;
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
        int after_head = i && strcmp(c->tok[i - 1].fold, "trưởng") == 0 && wg_i_gap_spaces(c, i);
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
            size_t pi = at < c->ntok ? organ_at(c, s->pl, at, &n2) : WG_NONE;
            if (pi != WG_NONE && (s->pl->organs[pi].cls == OC_PARTY || s->pl->organs[pi].cls == OC_DANG ||
                                  s->pl->organs[pi].cls == OC_STATE)) {
                m.parent_tok = at;
                break;
            }
            size_t k = list_next(c, last);
            if (!k || (pi = organ_at(c, s->pl, k, &n2)) == WG_NONE || s->pl->organs[pi].cls != OC_DEPT)
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
        wg_i_unit implied = o->cls == OC_PARTY ? party_unit(o->canon) : U_NONE;
        /* "Đảng ủy các xã Diễn Kim, Diễn Hải và Diễn Thành": one body per
         * ward of the list */
        size_t pj = j, un;
        int uab;
        if (spaced && j + 1 < c->ntok && (strcmp(c->tok[j].fold, "các") == 0 || c->tok[j].digit) &&
            wg_i_gap_spaces(c, j + 1) && unit_at(c, j + 1, &un, &uab) != U_NONE && o->cls != OC_PARTY)
            pj = j + 1;
        if (spaced) {
            size_t first, cnt;
            size_t took = places_at(s, pj, implied, 0, &first, &cnt);
            /* "BCH Đảng bộ xã Hàm Rồng và thị trấn Năm Căn": a second
             * unit word in the list names a second body */
            for (int more = 0; took && cnt && s->pl_arr[first].bare && more < 4 && o->cls != OC_PARTY; more++) {
                const place *lastp = &s->pl_arr[first + cnt - 1];
                size_t k = list_next(c, lastp->t1), f2, c2;
                wg_i_unit u2 = k ? unit_at(c, k, &un, &uab) : U_NONE;
                if (u2 == U_NONE || unit_level(u2) != unit_level(s->pl_arr[first].unit) ||
                    !places_at(s, k, U_NONE, 0, &f2, &c2) || !c2)
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
                    omention mq = m;
                    place *pp = &s->pl_arr[first + q];
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
        if (o->cls == OC_DANG && spaced && c->tok[j].cap && !c->tok[j].digit && !headline_tok(s, j))
            return 0; /* Đảng ủy Công an tỉnh: an agency's, not placed here */
        /* "Ban Chấp hành" alone may be any body's: only with its place */
        if (o->cls == OC_DANG && strcmp(c->tok[i].fold, "đảng") != 0 && !wg_i_tokens_are(c, i + n - 2, "đảng bộ"))
            return 0;
        if (generic_after(c, m.t1) || (o->cls == OC_DANG && agency_after(c, m.t1)) || plural_list_before(c, i))
            return 0;
        /* "HĐND, UBND tỉnh", "Huyện ủy, HĐND, UBND huyện Xuân Trường": the
         * bodies listed before a scope share it; "... các cấp" is no body */
        size_t end = m.t1;
        for (int hop = 0; hop < 4 && o->cls != OC_PARTY; hop++) {
            size_t k = list_next(c, end), n2, e2;
            if (!k)
                k = list_next_dash(c, end);
            if (!k)
                break;
            size_t oj = organ_at(c, s->pl, k, &n2);
            if (oj == WG_NONE || (s->pl->organs[oj].cls != OC_STATE && s->pl->organs[oj].cls != OC_DANG &&
                                  s->pl->organs[oj].cls != OC_PARTY))
                break;
            e2 = k + n2 - 1;
            if (generic_after(c, e2))
                return 0;
            if (e2 + 1 < c->ntok && wg_i_gap_spaces(c, e2 + 1) && unit_at(c, e2 + 1, &n2, &hop) != U_NONE) {
                place q;
                if (parse_place(s, e2 + 1, U_NONE, &q) && q.unit != U_NONE) {
                    m.p = q;
                    m.p.paren = NULL;
                    free(q.paren);
                    m.has_scope = 1;
                } else {
                    place_free(&q);
                }
                break;
            }
            end = e2;
        }
    }
    if (wg_i_grow(&s->om, &s->omcap, s->nom + 1, sizeof *s->om) < 0) {
        free(m.code);
        return WG_ENOMEM;
    }
    s->om[s->nom++] = m;
    return 0;
}

/* ---- context ---- */

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
static size_t prov_of(const st *s, size_t u)
{
    size_t p = s->pl->u[u].province;
    if (s->prefer == 7 && s->pl->u[p].era == 3 && s->pl->u[p].successor != WG_NONE)
        return s->pl->u[p].successor;
    return p;
}

/* Candidate gazetteer units of a place. */
static size_t place_cands(const st *s, const place *p, size_t *out, size_t max)
{
    size_t n = 0;
    if (!p->bare || !s->pl)
        return 0;
    if (p->acronym) {
        size_t g = gz_initials(s->pl, p->bare, s->eras);
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
static size_t paren_unit(const st *s, const char *f)
{
    size_t g = gz_initials(s->pl, f, s->eras), head;
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
static void infer_eras(st *s)
{
    const wg_i_ctx *c = s->c;
    int before = 0, after = 0;
    for (size_t k = 0; k < s->npl; k++) {
        const place *p = &s->pl_arr[k];
        if (p->unit != U_NONE && unit_level(p->unit) == LV_D)
            before++;
        if (!p->bare || p->acronym)
            continue;
        int dup = 0;
        for (size_t q = 0; q < k && !dup; q++)
            dup = s->pl_arr[q].bare && s->pl_arr[q].unit == p->unit && strcmp(s->pl_arr[q].bare, p->bare) == 0;
        size_t head;
        if (dup || !wg_strmap_get(&s->pl->bare, p->bare, &head))
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
        wg_i_unit u = party_unit(s->pl->organs[s->om[k].organ].canon);
        if (s->pl->organs[s->om[k].organ].cls == OC_PARTY && u != U_NONE && unit_level(u) == LV_D)
            before++;
    }
    for (size_t k = 1; k < c->ntok; k++) {
        size_t gl;
        const char *g = wg_i_gap(c, k, &gl);
        if (strcmp(c->tok[k].fold, "cũ") == 0 && gl && g[gl - 1] == '(')
            after += 100; /* "(cũ)": the names have changed since */
    }
    if (after > before)
        s->prefer = 7;
}

static int context(st *s)
{
    vote *pv = NULL, *dv = NULL;
    size_t npv = 0, pcap = 0, ndv = 0, dcap = 0;
    int err = 0;
    size_t cand[64];
    for (int pass = 0; pass < 2 && !err; pass++) {
        /* pass 0: provinces; pass 1: districts inside the chosen province */
        /* each place counts once, however often it is named */
        wg_strmap once = {NULL, NULL, 0, 0};
        for (size_t k = 0; k < s->npl && !err; k++) {
            const place *p = &s->pl_arr[k];
            if (!p->bare)
                continue;
            char ok[256];
            snprintf(ok, sizeof ok, "%d|%d|%s", (int)p->unit, p->acronym, p->bare);
            if (wg_strmap_get(&once, ok, NULL))
                continue;
            if ((err = wg_strmap_put(&once, ok, 1)) < 0)
                break;
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
static void resolve(st *s, place *p)
{
    size_t cand[64], n = place_cands(s, p, cand, WG_ARRAY_LEN(cand));
    p->gz = WG_NONE;
    if (p->paren) {
        size_t g = paren_unit(s, p->paren);
        if (g != WG_NONE) {
            const char *pn = s->pl->u[s->pl->u[g].province].bare;
            size_t cnt;
            size_t w = p->bare ? gz_find(s->pl, p->bare, p->unit, s->eras, pn, &cnt) : WG_NONE;
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

/* ---- keys and names ---- */

static void put_slug(wg_buf *b, const char *s)
{
    char *k = wg_i_make_key(WG_WARD, s);
    if (k)
        wg_buf_puts(b, k + strlen("ward:"));
    else
        b->failed = 1;
    free(k);
}

/* "phường-cầu-kho.hồ-chí-minh": a place in keys. */
static void put_place_key(const st *s, wg_buf *b, const place *p)
{
    if (p->gz != WG_NONE) {
        const wg_i_gzunit *u = &s->pl->u[p->gz];
        wg_buf b2 = WG_BUF_INIT;
        wg_buf_puts(&b2, unit_words[u->unit]);
        wg_buf_putc(&b2, ' ');
        wg_buf_puts(&b2, u->bare);
        char *t = wg_buf_detach(&b2);
        put_slug(b, t ? t : "");
        free(t);
        if (u->level != LV_P) {
            wg_buf_putc(b, '.');
            put_slug(b, s->pl->u[u->province].bare);
        }
        return;
    }
    wg_buf b2 = WG_BUF_INIT;
    wg_buf_puts(&b2, unit_words[p->unit]);
    wg_buf_putc(&b2, ' ');
    wg_buf_puts(&b2, p->bare ? p->bare : "");
    char *t = wg_buf_detach(&b2);
    put_slug(b, t ? t : "");
    free(t);
    if (p->prov && (p->unit == U_NONE || unit_level(p->unit) != LV_P)) {
        wg_buf_putc(b, '.');
        put_slug(b, p->prov);
    }
}

/* A place written in the article (in paragraph `para`, unless WG_NONE)
 * that the gazetteer resolved to gz. */
static const place *written_as(const st *s, size_t gz, size_t para)
{
    if (gz == WG_NONE)
        return NULL;
    for (size_t k = 0; k < s->npl + s->nom; k++) {
        const place *p = k < s->npl ? &s->pl_arr[k] : &s->om[k - s->npl].p;
        if (para != WG_NONE && (!p->bare || s->c->tok[p->t0].paragraph != para))
            continue;
        if (p->bare && !p->headline && p->gz != WG_NONE &&
            strcmp(s->pl->u[p->gz].bare, s->pl->u[gz].bare) == 0 && s->pl->u[p->gz].level == s->pl->u[gz].level)
            return p;
    }
    return NULL;
}

/* The article's place of a level for an organ written without its name. */
static size_t context_unit(const st *s, wg_i_unit u)
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

/* The place of that level the text names in the same sentence, else in
 * the same paragraph ("Thường vụ Huyện ủy, Phó Chủ tịch UBND huyện Tiểu
 * Cần"), when it names only one. */
static size_t near_unit(const st *s, wg_i_unit u, size_t tok)
{
    const wg_i_ctx *c = s->c;
    for (int scope = 0; scope < 2; scope++) {
        size_t found = WG_NONE;
        int many = 0;
        for (size_t k = 0; k < s->npl; k++) {
            const place *p = &s->pl_arr[k];
            if (p->gz == WG_NONE || p->headline)
                continue;
            const wg_i_gzunit *g = &s->pl->u[p->gz];
            int fits = u == U_TP ? g->unit == U_TP : u == U_TINH ? (g->level == LV_P && g->unit == U_TINH) : g->unit == u;
            if (!fits)
                continue;
            if (scope == 0 ? c->tok[p->t0].sentence != c->tok[tok].sentence
                           : c->tok[p->t0].paragraph != c->tok[tok].paragraph)
                continue;
            size_t gz = p->gz;
            /* after the reform an old province named is the new one */
            if (g->level == LV_P && s->prefer == 7 && g->era == 3 && g->successor != WG_NONE)
                gz = g->successor;
            if (found != WG_NONE && strcmp(s->pl->u[found].bare, s->pl->u[gz].bare) != 0)
                many = 1;
            found = gz;
        }
        if (found != WG_NONE && !many)
            return found;
        if (many)
            return WG_NONE;
    }
    return WG_NONE;
}

/* Does the article name a Tỉnh ủy and no district? */
static int mentions_tinh(const st *s)
{
    int tinh = 0;
    for (size_t k = 0; k < s->nom; k++) {
        wg_i_unit u = party_unit(s->pl->organs[s->om[k].organ].canon);
        if (s->pl->organs[s->om[k].organ].cls == OC_PARTY && u != U_NONE && unit_level(u) == LV_D)
            return 0;
        tinh |= s->pl->organs[s->om[k].organ].cls == OC_PARTY && u == U_TINH;
    }
    for (size_t k = 0; k < s->npl; k++)
        if (s->pl_arr[k].bare && s->pl_arr[k].unit != U_NONE && unit_level(s->pl_arr[k].unit) == LV_D)
            return 0;
    return tinh;
}

static char *ward_name(const place *p)
{
    wg_buf b = WG_BUF_INIT;
    wg_buf_puts(&b, unit_words[p->unit]);
    wg_buf_putc(&b, ' ');
    wg_buf_puts(&b, p->disp);
    return wg_buf_detach(&b);
}

/* "Quận 1", "huyện Tiểu Cần": a gazetteer unit's name in running text. */
static char *gz_display(const st *s, size_t gz)
{
    const wg_i_gzunit *u = &s->pl->u[gz];
    const char *sp = strchr(u->full, ' ');
    wg_buf b = WG_BUF_INIT;
    if (u->bare[0] >= '0' && u->bare[0] <= '9')
        wg_buf_puts(&b, u->full);
    else {
        wg_buf_puts(&b, unit_words[u->unit]);
        /* "Thành phố Hồ Chí Minh": the name after the unit word */
        size_t uw = 1;
        for (const char *q = unit_words[u->unit]; *q; q++)
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

/* Fills *out for the organ mention m (not a department). */
static int committee_name(const st *s, const omention *m, cname *out)
{
    const wg_i_organ *o = &s->pl->organs[m->organ];
    const place *p = m->has_scope ? &m->p : NULL;
    wg_buf name = WG_BUF_INIT, key = WG_BUF_INIT;
    const char *canon = o->canon;
    wg_i_unit lvunit = U_NONE;
    out->name = out->key = NULL;
    if (o->cls == OC_PARTY)
        lvunit = party_unit(canon);
    if (o->cls == OC_DANG && p && p->unit != U_NONE && unit_level(p->unit) != LV_W) {
        /* Đảng bộ huyện Yên Lập is the Huyện ủy Yên Lập */
        canon = party_of_unit(p->unit);
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
    put_slug(&key, canon);
    wg_buf_putc(&key, '.');
    if (o->cls == OC_CELL) {
        wg_buf_putc(&name, ' ');
        wg_buf_puts(&name, m->code);
        put_slug(&key, m->code);
        if (s->focus_ward != WG_NONE) {
            wg_buf_putc(&key, '.');
            put_place_key(s, &key, &s->pl_arr[s->focus_ward]);
        } else {
            wg_buf_putc(&key, '.');
            wg_buf_puts(&key, s->article_tag);
        }
    } else if (p && p->bare) {
        /* the scope is written: keep it as written */
        int party_like = o->cls == OC_PARTY || (o->cls == OC_DANG && lvunit != U_NONE);
        wg_buf_putc(&name, ' ');
        if (party_like && !p->unit_written && p->n0 != WG_NONE && s->c->tok[p->n0].digit &&
            (p->unit == U_QUAN || p->unit == U_PHUONG)) {
            /* "Quận ủy 3, 10 và Bình Thạnh": Quận ủy Quận 3 */
            wg_buf_putc(&name, p->unit == U_QUAN ? 'Q' : 'P');
            wg_buf_puts(&name, unit_words[p->unit] + 1);
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
                wg_buf_puts(&name, unit_words[p->unit]);
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
        const place *wp = NULL;
        if (u != U_NONE && unit_level(u) == LV_W) {
            if (s->focus_ward != WG_NONE)
                wp = &s->pl_arr[s->focus_ward];
        } else if (u != U_NONE) {
            gz = near_unit(s, u, m->t0);
            if (gz == WG_NONE)
                gz = context_unit(s, u);
        } else if (s->focus_ward != WG_NONE) {
            wp = &s->pl_arr[s->focus_ward];
        } else if (o->cls == OC_STATE) {
            gz = s->best_dist_gz != WG_NONE && written_as(s, s->best_dist_gz, WG_NONE) ? s->best_dist_gz
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
            const place *w = written_as(s, gz, WG_NONE);
            int party_like = o->cls == OC_PARTY || (o->cls == OC_DANG && lvunit != U_NONE);
            if (w) {
                int numbered = w->n0 != WG_NONE && s->c->tok[w->n0].digit;
                wg_buf_putc(&name, ' ');
                int tp_abbrev = w->abbrev && w->unit == U_TP;
                if ((numbered || tp_abbrev) && w->scope) {
                    wg_buf_puts(&name, w->scope); /* Quận 1, TP.HCM */
                } else if (w->acronym && strncmp(w->bare, "tp", 2) == 0) {
                    wg_buf_puts(&name, w->disp); /* TPHCM */
                } else if (party_like) {
                    wg_buf_puts(&name, w->disp);
                } else if (p && p->unit_written) {
                    wg_buf_puts(&name, unit_words[p->unit]);
                    wg_buf_putc(&name, ' ');
                    wg_buf_puts(&name, w->disp);
                } else if (w->scope && w->unit_written && !w->abbrev) {
                    wg_buf_puts(&name, w->scope);
                } else if (w->unit_written) {
                    /* "H. Châu Thành": the unit word in full */
                    wg_buf_puts(&name, unit_words[w->unit]);
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
                const wg_i_gzunit *g = &s->pl->u[gz];
                char *d = gz_display(s, gz);
                const char *bare = d ? d + strlen(unit_words[g->unit]) + 1 : "";
                int numbered = g->bare[0] >= '0' && g->bare[0] <= '9';
                wg_buf_putc(&name, ' ');
                if (numbered)
                    wg_buf_puts(&name, d ? d : "");
                else if (party_like && !(g->level == LV_P && g->unit == U_TP))
                    wg_buf_puts(&name, bare);
                else if (party_like) {
                    wg_buf_puts(&name, "Thành phố ");
                    wg_buf_puts(&name, bare);
                } else {
                    wg_buf_puts(&name, unit_words[p && p->unit_written ? p->unit : g->unit]);
                    wg_buf_putc(&name, ' ');
                    wg_buf_puts(&name, bare);
                }
                free(d);
            }
            place q;
            memset(&q, 0, sizeof q);
            q.gz = gz;
            put_place_key(s, &key, &q);
        } else {
            int party_like = o->cls == OC_PARTY || (o->cls == OC_DANG && lvunit != U_NONE);
            wg_i_unit shown = p && p->unit_written ? p->unit : U_NONE;
            /* a bare state body in an article about a province's bodies
             * (its Tỉnh ủy) is the province's: "Ủy ban MTTQ tỉnh" */
            if (shown == U_NONE && o->cls == OC_STATE && s->focus_ward == WG_NONE && mentions_tinh(s))
                shown = U_TINH;
            if (shown != U_NONE && !party_like) {
                wg_buf_putc(&name, ' ');
                wg_buf_puts(&name, unit_words[shown]);
                put_slug(&key, unit_words[shown]);
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

static int emit_committees(st *s)
{
    int err = 0;
    for (size_t k = 0; k < s->nom && !err; k++) {
        omention *m = &s->om[k];
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
                const omention *par = NULL;
                for (size_t q = 0; q < s->nom && !par; q++)
                    if (s->om[q].t0 == m->parent_tok && s->pl->organs[s->om[q].organ].cls != OC_DEPT)
                        par = &s->om[q];
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
                put_slug(&kb, o->canon);
                wg_buf_putc(&kb, '-');
                wg_buf_puts(&kb, pc.key + strlen("committee:"));
                cn.name = wg_buf_detach(&b);
                cn.key = wg_buf_detach(&kb);
                m->t1 = par->t1;
                cname_free(&pc);
            }
            if (!cn.name || !cn.key) {
                cname_free(&cn);
                return WG_ENOMEM;
            }
        } else if ((err = committee_name(s, m, &cn)) != 0) {
            err = err < 0 ? err : 0;
            continue;
        }
        err = wg_i_add_keyed(s->c, WG_COMMITTEE, cn.name, cn.key, NULL, m->t0, m->t1);
        cname_free(&cn);
    }
    return err;
}

static int emit_wards(st *s)
{
    int err = 0;
    for (size_t k = 0; k < s->npl && !err; k++) {
        const place *p = &s->pl_arr[k];
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

/* ---- the article ---- */

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

static void st_free(st *s)
{
    for (size_t k = 0; k < s->npl; k++)
        place_free(&s->pl_arr[k]);
    free(s->pl_arr);
    for (size_t k = 0; k < s->nom; k++) {
        place_free(&s->om[k].p);
        free(s->om[k].code);
    }
    free(s->om);
    free(s->headline);
    wg_strmap_free(&s->seen);
    free(s->best_prov);
    free(s->article_tag);
}

static int st_init(st *s, wg_i_ctx *c)
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
    s->npara = c->ntok ? c->tok[c->ntok - 1].paragraph + 1 : 0;
    if (s->npara && (s->headline = wg_i_calloc(s->npara, 1)) == NULL)
        return WG_ENOMEM;
    /* the tag that keeps an unplaced body to its article */
    const char *src = c->art && c->art->source ? c->art->source : "";
    const char *base = strrchr(src, '/');
    base = base ? base + 1 : src;
    wg_buf b = WG_BUF_INIT;
    wg_buf_puts(&b, "bài-");
    put_slug(&b, *base ? base : "x");
    s->article_tag = wg_buf_detach(&b);
    return s->article_tag ? 0 : WG_ENOMEM;
}

static int scan(st *s, int headline_pass)
{
    wg_i_ctx *c = s->c;
    for (size_t i = 0; i < c->ntok; i++) {
        if (headline_tok(s, i) != headline_pass)
            continue;
        size_t taken = 0;
        int err = organs_at(s, i, &taken);
        if (err < 0)
            return err;
        if (taken) {
            i += taken - 1;
            continue;
        }
        size_t first, cnt;
        size_t n = places_at(s, i, U_NONE, 0, &first, &cnt);
        for (size_t q = 0; q < cnt; q++) {
            place *p = &s->pl_arr[first + q];
            p->is_ward = p->unit != U_NONE && unit_level(p->unit) == LV_W && p->bare;
            if (!headline_pass && p->bare && wg_strmap_put(&s->seen, p->bare, 1) < 0)
                return WG_ENOMEM;
        }
        if (n)
            i += n - 1;
    }
    return 0;
}

int wg_i_find_places(wg_i_ctx *c)
{
    st s;
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
        infer_eras(&s);
    if (!err)
        err = context(&s);
    if (!err) {
        for (size_t k = 0; k < s.npl; k++)
            resolve(&s, &s.pl_arr[k]);
        for (size_t k = 0; k < s.nom; k++)
            if (s.om[k].has_scope && s.om[k].p.bare)
                resolve(&s, &s.om[k].p);
        /* one ward name, one place in an article */
        for (size_t k = 0; k < s.npl + s.nom; k++) {
            place *p = k < s.npl ? &s.pl_arr[k] : &s.om[k - s.npl].p;
            if (!p->bare || p->unit == U_NONE || unit_level(p->unit) != LV_W)
                continue;
            for (size_t q = 0; q < k && q < s.npl; q++) {
                place *w = &s.pl_arr[q];
                if (!w->is_ward || w->unit != p->unit || strcmp(w->bare, p->bare) != 0)
                    continue;
                free(p->prov);
                p->prov = w->prov ? wg_i_strdup(w->prov) : NULL;
                p->gz = w->gz;
                break;
            }
        }
        /* the article's own ward: the one its headline names, or the one it
         * names most (and more than any other) */
        size_t best = WG_NONE, bestn = 0, second = 0;
        for (size_t k = 0; k < s.npl; k++) {
            const place *p = &s.pl_arr[k];
            if (!p->is_ward || !p->bare)
                continue;
            if (c->tok[p->t0].paragraph == 0) {
                best = k;
                bestn = (size_t)-1;
                break;
            }
            size_t n = 0;
            for (size_t q = 0; q < s.npl; q++)
                n += s.pl_arr[q].is_ward && s.pl_arr[q].bare && strcmp(s.pl_arr[q].bare, p->bare) == 0;
            for (size_t q = 0; q < s.nom; q++)
                n += s.om[q].p.bare && s.om[q].p.unit == p->unit && strcmp(s.om[q].p.bare, p->bare) == 0;
            if (n > bestn) {
                if (best == WG_NONE || strcmp(s.pl_arr[best].bare, p->bare) != 0)
                    second = bestn;
                best = k;
                bestn = n;
            } else if (n > second && strcmp(s.pl_arr[best].bare, p->bare) != 0) {
                second = n;
            }
        }
        if (best != WG_NONE && bestn > second && bestn >= 2)
            s.focus_ward = best;
    }
    if (!err)
        err = emit_wards(&s);
    if (!err)
        err = emit_committees(&s);
    st_free(&s);
    return err;
}
