/* Unicode and Vietnamese normalisation (SPEC section 2):
 * NFC; one tone placement (tone on the first vowel of a final oa/oe/uy, not
 * after q: "uỷ" -> "ủy", "hoà" -> "hòa"); every kind of space -> ' ';
 * zero-width characters dropped; CR LF and CR -> LF. */
#include <string.h>
#include <unicode/uchar.h>
#include <unicode/unorm2.h>
#include <unicode/ustring.h>
#include "text/text.h"

static int is_tone(UChar c)
{
    return c == 0x0300 || c == 0x0301 || c == 0x0303 || c == 0x0309 || c == 0x0323;
}

static UChar lower_ascii(UChar c) { return (c >= 'A' && c <= 'Z') ? (UChar)(c + 32) : c; }

/* In NFD `w` (n units): if the word ends in oa/oe/uy with the tone on the
 * last vowel, move it to the vowel before. */
static void fix_tone(UChar *w, int32_t n)
{
    int32_t last = -1, prev = -1, before = -1, tone = -1;
    for (int32_t i = 0; i < n; i++) {
        if (is_tone(w[i])) {
            tone = i;
        } else if (!u_getCombiningClass(w[i])) {
            before = prev;
            prev = last;
            last = i;
        }
    }
    if (tone < 0 || prev < 0 || tone < last)
        return;
    UChar a = lower_ascii(w[prev]), b = lower_ascii(w[last]);
    if (!((a == 'o' && (b == 'a' || b == 'e')) || (a == 'u' && b == 'y')))
        return;
    /* the vowels must be bare (no hat or horn): "ơa" is not this pattern */
    for (int32_t i = prev + 1; i < last; i++)
        if (!is_tone(w[i]))
            return;
    if (a == 'u' && before >= 0 && lower_ascii(w[before]) == 'q')
        return;
    UChar mark = w[tone];
    memmove(&w[prev + 2], &w[prev + 1], (size_t)(tone - prev - 1) * sizeof *w);
    w[prev + 1] = mark;
}

static int is_word_cp(uint32_t cp)
{
    return u_isalpha((UChar32)cp) || u_getCombiningClass((UChar32)cp) != 0 ||
           u_charType((UChar32)cp) == U_NON_SPACING_MARK;
}

/* NFD -> tone fix -> NFC of one word, appended to out. */
static int normalize_word(wg_buf *out, const char *s, size_t n)
{
    UErrorCode st = U_ZERO_ERROR;
    const UNormalizer2 *nfd = unorm2_getNFDInstance(&st);
    const UNormalizer2 *nfc = unorm2_getNFCInstance(&st);
    UChar src[128], dec[256], comp[256];
    int32_t nsrc, ndec, ncomp, n8;

    if (U_FAILURE(st) || n > 120)
        return wg_buf_put(out, s, n); /* absurdly long "word": leave it */
    u_strFromUTF8(src, WG_ARRAY_LEN(src), &nsrc, s, (int32_t)n, &st);
    ndec = unorm2_normalize(nfd, src, nsrc, dec, WG_ARRAY_LEN(dec), &st);
    if (U_FAILURE(st))
        return wg_buf_put(out, s, n);
    fix_tone(dec, ndec);
    ncomp = unorm2_normalize(nfc, dec, ndec, comp, WG_ARRAY_LEN(comp), &st);
    if (U_FAILURE(st))
        return wg_buf_put(out, s, n);
    if (wg_buf_grow(out, (size_t)ncomp * 3) < 0)
        return WG_ENOMEM;
    u_strToUTF8(out->ptr + out->len, (int32_t)(out->cap - out->len), &n8, comp, ncomp, &st);
    if (U_FAILURE(st))
        return wg_buf_put(out, s, n);
    out->len += (size_t)n8;
    out->ptr[out->len] = '\0';
    return 0;
}

static int map_put(size_t **map, size_t *cap, size_t at, size_t value)
{
    if (wg_i_grow(map, cap, at + 1, sizeof **map) < 0)
        return WG_ENOMEM;
    (*map)[at] = value;
    return 0;
}

int wg_i_normalize(wg_buf *out, size_t **mapp, const char *s, size_t n, size_t base)
{
    size_t i = 0, mapcap = 0, start_len = out->len;
    size_t *map = NULL;

    while (i < n) {
        uint32_t cp;
        size_t k = wg_utf8_decode(s + i, &cp);
        size_t out_before = out->len;
        if (is_word_cp(cp)) {
            /* a word: one with non-ASCII letters is normalised whole */
            size_t j = i;
            int ascii = 1;
            while (j < n) {
                uint32_t c2;
                size_t k2 = wg_utf8_decode(s + j, &c2);
                if (!(is_word_cp(c2)))
                    break;
                ascii &= c2 < 0x80;
                j += k2;
            }
            if ((ascii ? wg_buf_put(out, s + i, j - i) : normalize_word(out, s + i, j - i)) < 0)
                goto nomem;
            if (mapp) {
                size_t produced = out->len - out_before;
                for (size_t b = 0; b < produced; b++)
                    if (map_put(&map, &mapcap, out_before - start_len + b,
                                base + i + (produced == j - i ? b : 0)) < 0)
                        goto nomem;
            }
            i = j;
            continue;
        }
        if (cp == '\r') {
            wg_buf_putc(out, '\n');
            if (i + 1 < n && s[i + 1] == '\n')
                k = 2;
        } else if (cp == 0x00A0 || cp == '\t' || cp == '\v' || cp == '\f' || (cp >= 0x2000 && cp <= 0x200A) ||
                   cp == 0x202F || cp == 0x205F || cp == 0x3000) {
            wg_buf_putc(out, ' ');
        } else if (cp == 0x200B || cp == 0x200C || cp == 0x200D || cp == 0xFEFF || cp == 0x00AD) {
            /* invisible: dropped */
        } else if (cp == 0x2028 || cp == 0x2029) {
            wg_buf_putc(out, '\n');
        } else {
            wg_buf_put(out, s + i, k);
        }
        if (out->failed)
            goto nomem;
        if (mapp)
            for (size_t b = out_before; b < out->len; b++)
                if (map_put(&map, &mapcap, b - start_len, base + i) < 0)
                    goto nomem;
        i += k;
    }
    if (mapp) {
        if (map_put(&map, &mapcap, out->len - start_len, base + n) < 0)
            goto nomem;
        *mapp = map;
    }
    if (!out->ptr && wg_buf_grow(out, 0) < 0)
        goto nomem;
    return 0;
nomem:
    free(map);
    return WG_ENOMEM;
}

char *wg_i_fold(const char *s, size_t n)
{
    wg_buf norm = WG_BUF_INIT;
    UErrorCode st = U_ZERO_ERROR;
    UChar *u = NULL, *f = NULL;
    int32_t nu, nf, n8;
    char *res = NULL;

    if (wg_i_normalize(&norm, NULL, s, n, 0) < 0)
        return NULL;
    u_strFromUTF8(NULL, 0, &nu, norm.ptr, (int32_t)norm.len, &st);
    st = U_ZERO_ERROR;
    if ((u = wg_i_malloc(((size_t)nu + 1) * sizeof *u)) == NULL ||
        (f = wg_i_malloc(((size_t)nu * 3 + 1) * sizeof *f)) == NULL)
        goto done;
    u_strFromUTF8(u, nu + 1, &nu, norm.ptr, (int32_t)norm.len, &st);
    nf = u_strFoldCase(f, nu * 3 + 1, u, nu, U_FOLD_CASE_DEFAULT, &st);
    if (U_FAILURE(st))
        goto done;
    u_strToUTF8(NULL, 0, &n8, f, nf, &st);
    st = U_ZERO_ERROR;
    if ((res = wg_i_malloc((size_t)n8 + 1)) == NULL)
        goto done;
    u_strToUTF8(res, n8 + 1, &n8, f, nf, &st);
    if (U_FAILURE(st)) {
        free(res);
        res = NULL;
    }
done:
    free(u);
    free(f);
    wg_buf_free(&norm);
    return res;
}
