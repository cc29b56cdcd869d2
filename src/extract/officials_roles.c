/* Officials: meeting roles from the phrases of roles.txt and where the
 * officials stand around them in the sentence (SPEC section 2, roles). */
#include <string.h>
#include <unicode/uchar.h>
#include "extract/officials.h"

/* ---- pass 3: roles ---- */

static unsigned role_bit(const char *r)
{
    if (strcmp(r, "chair") == 0)
        return WG_ROLE_CHAIR;
    if (strcmp(r, "attendee") == 0)
        return WG_ROLE_ATTENDEE;
    if (strcmp(r, "speaker") == 0)
        return WG_ROLE_SPEAKER;
    return 0;
}

/* "dự" is also the first syllable of "dự án", "dự toán", "dự thảo" ... */
static int false_du(const ostate *st, size_t k, size_t w)
{
    static const char *const next[] = {"án", "toán", "thảo", "kiến", "báo", "trữ", "phòng", "định", "thi",
                                       "tuyển", "bị", "khuyết", "luật", "thầu", "đoán", "trù", "giờ", "tính"};
    if (w != 1 || !wg_i_tok_is(T(st, k), "dự"))
        return 0;
    if (k > 0 && (fold_is(st, k - 1, "vinh") || fold_is(st, k - 1, "can")) && soft(st, k))
        return 1;
    if (k + 1 < st->nb && soft(st, k + 1))
        for (size_t i = 0; i < WG_ARRAY_LEN(next); i++)
            if (fold_is(st, k + 1, next[i]))
                return 1;
    return 0;
}

/* "kết luận" as a noun: "kết luận của Thủ tướng", "Kết luận số 12". */
static int noun_ket_luan(const ostate *st, size_t k, size_t w)
{
    if (!wg_i_tokens_are(st->c, k, "kết luận") || w != 2)
        return 0;
    return k + 2 < st->nb && (fold_is(st, k + 2, "của") || fold_is(st, k + 2, "số") || T(st, k + 2)->digit ||
                              fold_is(st, k + 2, "thủ") || fold_is(st, k + 2, "thanh"));
}

int wg_i_officials_roles(ostate *st)
{
    const wg_i_phrases *ph = &st->lex->roles;
    size_t w;
    unsigned char *inext = wg_i_calloc(st->nb + 1, 1);
    if (!inext)
        return WG_ENOMEM;
    /* tokens of a name or its titles ("Trưởng đoàn ĐBQH" is no role) */
    for (size_t m = 0; m < st->nm; m++)
        for (size_t k = st->m[m].ext_first; k <= st->m[m].ext_last && k < st->nb; k++)
            inext[k] = 1;
    for (size_t t = 0; t < st->nb; t++) {
        size_t idx = inext[t] ? NONE : wg_i_o_phrase_at(st, ph, t, &w);
        if (idx == NONE || false_du(st, t, w) || noun_ket_luan(st, t, w))
            continue;
        unsigned bit = role_bit(ph->canon[idx]);
        const char *mode = ph->tag[idx];
        size_t fs = T(st, t)->fsent, te = t + w;
        /* the mentions of this sentence: [lo, hi) of the sorted mentions */
        size_t lo = 0, hi = st->nm;
        while (lo < hi) {
            size_t mid = lo + (hi - lo) / 2;
            if (T(st, st->m[mid].first)->fsent < fs)
                lo = mid + 1;
            else
                hi = mid;
        }
        hi = lo;
        while (hi < st->nm && T(st, st->m[hi].first)->fsent == fs)
            hi++;
        if (lo == hi)
            continue;
        /* the previous role phrase of this sentence bounds the subjects */
        size_t from = t;
        while (from > 0 && T(st, from - 1)->fsent == fs && t - from < 200)
            from--;
        for (size_t k = t; k-- > from;) {
            size_t w2;
            if (!inext[k] && wg_i_o_phrase_at(st, ph, k, &w2) != NONE && k + w2 <= t && !false_du(st, k, w2)) {
                from = k + w2;
                break;
            }
        }
        /* "... có [các đồng chí:] X, Y", "chủ trì, gồm các đồng chí: ...",
         * "Chủ tọa kỳ họp: ông A - ...; ông B - ...", "Chủ trì là đồng chí X":
         * everyone of the list */
        size_t co = NONE, first_after = NONE;
        for (size_t m = lo; m < hi; m++)
            if (st->m[m].ext_first >= te && T(st, st->m[m].ext_first)->fsent == fs &&
                (first_after == NONE || st->m[m].ext_first < st->m[first_after].ext_first))
                first_after = m;
        for (size_t k = te; k < st->nb && T(st, k)->fsent == fs && k < te + 200; k++) {
            if ((T(st, k)->gap & WG_GAP_COLON) && first_after != NONE && k <= st->m[first_after].ext_first) {
                co = k - 1;
                break;
            }
            if (first_after != NONE && k >= st->m[first_after].ext_first)
                break;
            if (fold_is(st, k, "có") || fold_is(st, k, "gồm") || fold_is(st, k, "là")) {
                co = k;
                break;
            }
        }
        int subject_before = 0;
        for (size_t m = lo; m < hi && !subject_before; m++)
            subject_before = st->m[m].ext_last < t && st->m[m].ext_first >= from;
        /* "Chủ trì buổi làm việc có các đồng chí: A, ...; B, ..." */
        if (first_after != NONE && co != NONE && (bit == WG_ROLE_ATTENDEE || !subject_before) &&
            strcmp(mode, "front") != 0) {
            for (size_t m = lo; m < hi; m++)
                if (st->m[m].ext_first > co && T(st, st->m[m].ext_first)->fsent == fs)
                    st->m[m].roles |= bit;
            continue;
        }
        if (strcmp(mode, "co") == 0)
            continue;
        if (strcmp(mode, "after") == 0) {
            for (size_t m = lo; m < hi; m++)
                if (st->m[m].ext_first >= te && T(st, st->m[m].ext_first)->fsent == fs)
                    st->m[m].roles |= bit;
            continue;
        }
        /* the subject written before the phrase */
        size_t near = NONE;
        for (size_t m = lo; m < hi; m++)
            if (st->m[m].ext_last < t && st->m[m].ext_first >= from &&
                (near == NONE || st->m[m].ext_last > st->m[near].ext_last))
                near = m;
        if (near != NONE && strcmp(mode, "front") != 0) {
            size_t gap = t - st->m[near].ext_last - 1, g0 = st->m[near].ext_last + 1;
            int listy = gap > 0 && ((T(st, g0)->gap & (WG_GAP_SEMI | WG_GAP_COMMA)) || fold_is(st, g0, "cùng") ||
                                    fold_is(st, g0, "và"));
            if (gap <= 14 || listy)
                for (size_t m = lo; m < hi; m++)
                    if (st->m[m].ext_last < t && st->m[m].ext_first >= from)
                        st->m[m].roles |= bit;
            continue;
        }
        if (near != NONE)
            continue;
        /* a phrase that opens the sentence: its subject follows the comma
         * ("Phát biểu tại hội nghị, đồng chí X ...") */
        if (first_after != NONE) {
            int comma = 0;
            for (size_t k = te; k <= st->m[first_after].ext_first && !comma; k++)
                comma = (T(st, k)->gap & WG_GAP_COMMA) != 0;
            if (comma)
                st->m[first_after].roles |= bit;
        }
    }
    free(inext);
    return 0;
}
