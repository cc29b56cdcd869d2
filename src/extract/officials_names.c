/* Officials: the words of a personal name — where a name starts and ends
 * in a run of capitalised words, which words are surnames, honorifics and
 * lexicon phrases, and the names written with unambiguous evidence. */
#include <string.h>
#include <unicode/uchar.h>
#include "extract/officials.h"

/* Longest phrase of `ph` starting at token i; returns its index or NONE and
 * sets *w to the tokens it covers. Dashes between tokens only match a
 * phrase that has one ("Tuyên giáo – Dân vận"). */
size_t wg_i_o_phrase_at(const ostate *st, const wg_i_phrases *ph, size_t i, size_t *w)
{
    char key[512];
    size_t len = 0, best = NONE, idx;
    uint64_t h = WG_HASH_INIT;
    *w = 0;
    if (!ph->n || i >= st->nb || !(T(st, i)->first & ph->bit))
        return NONE;
    for (size_t k = i, words = 0; k < st->nb && words < ph->max_words; k++) {
        const wg_i_token *t = T(st, k);
        size_t fl = t->flen;
        if (k > i) {
            /* the words so far must begin some phrase, or no longer one can match */
            if (!wg_strmap_geth(&ph->prefixes, key, len, h, NULL))
                break;
            unsigned g = t->gap;
            if (g & (HARD_GAP & ~WG_GAP_DASH))
                break;
            if (g & WG_GAP_DASH) {
                if (len + 2 >= sizeof key)
                    break;
                memcpy(key + len, " -", 2);
                h = wg_hash_more(h, " -", 2);
                len += 2;
                words++;
            }
            if (len + 1 >= sizeof key)
                break;
            key[len++] = ' ';
            h = wg_hash_more(h, " ", 1);
        }
        if (len + fl >= sizeof key)
            break;
        memcpy(key + len, t->fold, fl + 1);
        h = k > i ? wg_hash_more(h, t->fold, fl) : t->fhash;
        len += fl;
        words++;
        if (wg_strmap_geth(&ph->map, key, len, h, &idx)) {
            int ok = 1;
            for (size_t j = i; ph->caps[idx] && j <= k && ok; j++)
                ok = wg_i_o_allcaps(st, j);
            if (ok) {
                best = idx;
                *w = k - i + 1;
            }
        }
    }
    return best;
}
/* No lower-case letter: an acronym or headline capitals. */
int wg_i_o_allcaps(const ostate *st, size_t k)
{
    const char *s = st->c->doc->text + T(st, k)->start, *e = st->c->doc->text + T(st, k)->end;
    while (s < e) {
        uint32_t cp;
        s += wg_utf8_decode(s, &cp);
        if (u_islower((UChar32)cp))
            return 0;
    }
    return 1;
}

/* A word that can be part of a personal name. */
int wg_i_o_name_tok(const ostate *st, size_t k)
{
    const wg_i_token *t = T(st, k);
    if (k >= st->nb || !t->cap || t->digit)
        return 0;
    /* capitals are acronyms or headlines, except one-letter words ("Y Biêr") */
    uint32_t cp;
    return !wg_i_o_allcaps(st, k) || wg_utf8_decode(st->c->doc->text + t->start, &cp) == t->end - t->start;
}

size_t wg_i_o_surname_kind(const ostate *st, size_t k)
{
    size_t v = 0;
    if (k >= st->nb || !wg_i_o_name_tok(st, k))
        return 0;
    if (!wg_strmap_get(&st->lex->surnames, T(st, k)->fold, &v))
        return 0;
    return v;
}

/* How many name words follow one another from k (one space between them),
 * stopping before a position word. */
size_t wg_i_o_run_len(const ostate *st, size_t k, size_t max)
{
    size_t n = 0, w;
    while (k + n < st->nb && n < max && wg_i_o_name_tok(st, k + n) && (n == 0 || T(st, k + n)->space_before)) {
        if (n > 0 && wg_i_o_phrase_at(st, &st->lex->titles, k + n, &w) != NONE)
            break;
        n++;
    }
    return n;
}

char *wg_i_o_folded_span(const ostate *st, size_t a, size_t b)
{
    wg_buf buf = WG_BUF_INIT;
    for (size_t k = a; k <= b; k++) {
        if (k > a)
            wg_buf_putc(&buf, ' ');
        wg_buf_puts(&buf, T(st, k)->fold);
    }
    if (!buf.ptr)
        wg_buf_grow(&buf, 0);
    return wg_buf_detach(&buf);
}

/* 2: written after an honorific; 1: before a title; 0: neither. */
static size_t is_strong(const ostate *st, size_t a, size_t b)
{
    char *f = wg_i_o_folded_span(st, a, b);
    size_t v = 0;
    if (f && !wg_strmap_get(&st->strong, f, &v))
        v = 0;
    free(f);
    return v;
}

/* Where, in the run of n name words at k, does the person's name start?
 * The name is a suffix of the run (a place may come first: "Bí thư Tỉnh ủy
 * Đắk Lắk Lương Nguyễn Minh Triết"). NONE: no name. `after_unit`: the run
 * follows a unit word ("tỉnh"), so a two-word run is a place ("huyện Lâm Hà"). */
size_t wg_i_o_choose_split(const ostate *st, size_t k, size_t n, int after_unit)
{
    size_t cand[6], nc = 0;
    for (size_t s = 0; s + 2 <= n && nc < 6; s++) {
        size_t len = n - s, kind = wg_i_o_surname_kind(st, k + s);
        /* minority names run longer: "Y Thanh Hà Niê Kđăm" */
        if (len > (kind == 2 ? 5u : 4u) || !kind)
            continue;
        /* "Thành ủy Buôn Ma Thuột", "huyện Lâm Hà": a place; but two words
         * after a place of two or more are a name ("tỉnh Quảng Trị Trần Phong") */
        if (len == 2 && after_unit && s < 2)
            continue;
        cand[nc++] = s;
    }
    if (nc == 0)
        return NONE;
    if (nc == 1)
        return cand[0];
    for (size_t i = 0; i < nc; i++)
        if (is_strong(st, k + cand[i], k + n - 1))
            return cand[i];
    /* a minority name prefix starts the name it is in */
    for (size_t i = 0; i < nc; i++)
        if (wg_i_o_surname_kind(st, k + cand[i]) == 2)
            return cand[i];
    /* a run of four words whose second is a surname too is one name with
     * both parents' surnames: "Lương Nguyễn Minh Triết" */
    if (n == 4 && nc >= 2 && cand[0] == 0 && cand[1] == 1)
        return 0;
    static const size_t pref[] = {3, 4, 2};
    for (size_t p = 0; p < 3; p++)
        for (size_t i = 0; i < nc; i++)
            if (n - cand[i] == pref[p])
                return cand[i];
    return cand[0];
}

/* The name that starts at k when nothing before it says where it starts.
 * Sets *len; returns the first token or NONE. */
size_t wg_i_o_name_from(const ostate *st, size_t k, size_t *len, int need_known_start)
{
    size_t n = wg_i_o_run_len(st, k, 5);
    *len = 0;
    if (n < 2)
        return NONE;
    /* a suffix seen elsewhere with clear evidence wins ("Đồng Phan Minh Tuấn", a typo) */
    for (size_t s = 1; s + 2 <= n; s++)
        if (n - s <= 4 && wg_i_o_surname_kind(st, k + s) && is_strong(st, k + s, k + n - 1) > is_strong(st, k, k + n - 1)) {
            *len = n - s;
            return k + s;
        }
    /* minority names may be longer: "Y Thanh Hà Niê Kđăm" */
    if (n > (wg_i_o_surname_kind(st, k) == 2 ? 5u : 4u) || (need_known_start && !wg_i_o_surname_kind(st, k)))
        return NONE;
    *len = n;
    return k;
}

/* Appends tokens a..b as written. */
void wg_i_o_put_written(const ostate *st, wg_buf *b, size_t a, size_t z)
{
    if (b->len)
        wg_buf_putc(b, ' ');
    wg_buf_put(b, st->c->doc->text + T(st, a)->start, T(st, z)->end - T(st, a)->start);
}
/* Honorifics from i ("đồng chí", "Đ/c", "đồng chí Thượng tướng"); the
 * first token after them (i when none). */
size_t wg_i_o_skip_honorifics(const ostate *st, size_t i)
{
    size_t k = i, w;
    while (k < st->nb && (k == i || soft(st, k)) && wg_i_o_phrase_at(st, &st->lex->honorifics, k, &w) != NONE)
        k += w;
    return k;
}

/* ---- pass 0: names written with unambiguous evidence ---- */

int wg_i_o_collect_strong(ostate *st)
{
    size_t w;
    for (size_t i = 0; i < st->nb; i++) {
        size_t k = wg_i_o_skip_honorifics(st, i), n;
        if (k > i && k < st->nb && soft(st, k) && wg_i_o_surname_kind(st, k)) {
            n = wg_i_o_run_len(st, k, 6);
            if (n >= 2 && n <= (wg_i_o_surname_kind(st, k) == 2 ? 5u : 4u)) {
                char *f = wg_i_o_folded_span(st, k, k + n - 1);
                int err = f ? wg_strmap_put(&st->strong, f, 2) : WG_ENOMEM;
                free(f);
                if (err < 0)
                    return err;
            }
            continue;
        }
        if (wg_i_o_surname_kind(st, i) && !(i > 0 && soft(st, i) && wg_i_o_name_tok(st, i - 1))) {
            n = wg_i_o_run_len(st, i, 5);
            size_t e = i + n;
            if (n >= 2 && n <= 4 && e < st->nb && (T(st, e)->gap & CHAIN_GAP) &&
                !(T(st, e)->gap & CHAIN_STOP) &&
                (wg_i_o_phrase_at(st, &st->lex->titles, e, &w) != NONE ||
                 (fold_is(st, e, "nguyên") && wg_i_o_phrase_at(st, &st->lex->titles, e + 1, &w) != NONE))) {
                char *f = wg_i_o_folded_span(st, i, e - 1);
                size_t have = 0;
                int err = f ? (wg_strmap_get(&st->strong, f, &have) ? 0 : wg_strmap_put(&st->strong, f, 1)) : WG_ENOMEM;
                free(f);
                if (err < 0)
                    return err;
            }
        }
    }
    return 0;
}

/* Is the name at a written as a place, street or idea ("đường Nguyễn Huệ")? */
int wg_i_o_not_person_before(const ostate *st, size_t a)
{
    size_t w;
    for (size_t back = 1; back <= 3 && back <= a; back++) {
        if (!soft(st, a - back + 1))
            break;
        if (wg_i_o_phrase_at(st, &st->lex->not_person, a - back, &w) != NONE && a - back + w == a)
            return 1;
    }
    return 0;
}
