/* Unicode and Vietnamese normalisation (SPEC section 2):
 * NFC; one tone placement (tone on the first vowel of a final oa/oe/uy, not
 * after q: "uỷ" -> "ủy", "hoà" -> "hòa"); every kind of space -> ' ';
 * zero-width characters dropped; other control characters -> ' '; CR LF,
 * CR, NEL, LS and PS -> LF. Typographic quotes and dashes are kept as
 * written (the tokenizer treats them as separators). Scraped text is
 * repaired: a syllable broken by a stray space ("Huyệ n ủy") is joined, and
 * a line wrapped inside a sentence ("Phó Chủ\ntịch") is one line again. */
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
    if (cp < 0x80)
        return (cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z');
    return u_isalpha((UChar32)cp) || u_getCombiningClass((UChar32)cp) != 0 ||
           u_charType((UChar32)cp) == U_NON_SPACING_MARK;
}

/* Precomposed Latin letters that NFC keeps as they are (Latin-1 letters,
 * Latin Extended-A, ơ/ư, Latin Extended Additional's Vietnamese block). */
static int nfc_stable_letter(uint32_t cp)
{
    return (cp >= 0xC0 && cp <= 0x17F && cp != 0xD7 && cp != 0xF7) || (cp >= 0x1A0 && cp <= 0x1B0) ||
           (cp >= 0x1EA0 && cp <= 0x1EF9);
}

/* a, e, y with a tone mark (precomposed): what a misplaced tone ends on */
static int toned_aey(uint32_t cp)
{
    static const uint32_t toned[] = {0xE0, 0xE1, 0x1EA3, 0xE3, 0x1EA1, 0xE8, 0xE9, 0x1EBB, 0x1EBD, 0x1EB9,
                                     0x1EF3, 0xFD, 0x1EF7, 0x1EF9, 0x1EF5, 0xC0, 0xC1, 0x1EA2, 0xC3, 0x1EA0,
                                     0xC8, 0xC9, 0x1EBA, 0x1EBC, 0x1EB8, 0x1EF2, 0xDD, 0x1EF6, 0x1EF8, 0x1EF4};
    for (size_t i = 0; i < WG_ARRAY_LEN(toned); i++)
        if (toned[i] == cp)
            return 1;
    return 0;
}

/* The word (UTF-8) is NFC with its tone in place, without asking ICU:
 * only NFC-stable letters, and not ending in o/u + toned a/e/y. */
static int plainly_normal(const char *s, size_t n)
{
    uint32_t cp = 0, prev = 0;
    for (size_t i = 0; i < n;) {
        prev = cp;
        i += wg_utf8_decode(s + i, &cp);
        if (cp >= 0x80 && !nfc_stable_letter(cp))
            return 0;
    }
    return !((prev == 'o' || prev == 'O' || prev == 'u' || prev == 'U') && toned_aey(cp));
}

/* Could the word need its tone moved? Only when it ends in a/e/y carrying a
 * tone (precomposed) right after o/u. Checked on NFC text. */
static int may_need_tone_fix(const UChar *w, int32_t n)
{
    UChar dec[4];
    UErrorCode st = U_ZERO_ERROR;
    const UNormalizer2 *nfd = unorm2_getNFDInstance(&st);
    int32_t k;
    if (n < 2 || U_FAILURE(st))
        return 0;
    k = unorm2_getDecomposition(nfd, w[n - 1], dec, 4, &st);
    if (U_FAILURE(st) || k < 2 || !is_tone(dec[k - 1]))
        return 0;
    UChar b = lower_ascii(dec[0]), a = lower_ascii(w[n - 2]);
    return (a == 'o' && (b == 'a' || b == 'e')) || (a == 'u' && b == 'y');
}

/* NFD -> tone fix -> NFC of one word, appended to out. Words already in
 * NFC (ICU's quick check) whose tone cannot be misplaced are copied. */
static int normalize_word(wg_buf *out, const char *s, size_t n)
{
    UErrorCode st = U_ZERO_ERROR;
    const UNormalizer2 *nfd, *nfc;
    UChar src[128], dec[256], comp[256];
    int32_t nsrc, ndec, ncomp, n8;

    if (n > 120 || plainly_normal(s, n))
        return wg_buf_put(out, s, n); /* (an absurdly long "word" is left as it is) */
    nfd = unorm2_getNFDInstance(&st);
    nfc = unorm2_getNFCInstance(&st);
    if (U_FAILURE(st))
        return wg_buf_put(out, s, n);
    u_strFromUTF8(src, WG_ARRAY_LEN(src), &nsrc, s, (int32_t)n, &st);
    if (U_FAILURE(st))
        return wg_buf_put(out, s, n);
    if (unorm2_quickCheck(nfc, src, nsrc, &st) == UNORM_YES && U_SUCCESS(st) && !may_need_tone_fix(src, nsrc))
        return wg_buf_put(out, s, n);
    st = U_ZERO_ERROR;
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
    if (at >= *cap && wg_i_grow(map, cap, at + 1, sizeof **map) < 0)
        return WG_ENOMEM;
    (*map)[at] = value;
    return 0;
}

/* A lower-case vowel letter with a Vietnamese mark (not plain ASCII). */
static int marked_vowel(uint32_t cp)
{
    static const char *const v = "àáâãèéêìíòóôõùúýăĩũơưÀÁÂÃÈÉÊÌÍÒÓÔÕÙÚÝĂĨŨƠƯ";
    if (cp >= 0x1EA0 && cp <= 0x1EF9)
        return 1;
    for (const char *p = v; *p;) {
        uint32_t c;
        p += wg_utf8_decode(p, &c);
        if (c == cp)
            return 1;
    }
    return 0;
}

/* The code point that ends at s[i] (exclusive); its first byte in *at. */
static uint32_t cp_before(const char *s, size_t i, size_t *at)
{
    uint32_t cp = 0;
    size_t j = i;
    while (j > 0 && ((unsigned char)s[j - 1] & 0xC0) == 0x80)
        j--;
    if (j > 0)
        j--;
    wg_utf8_decode(s + j, &cp);
    *at = j;
    return cp;
}

/* The final consonants of a syllable: written alone after a space they are
 * the broken-off end of the word before ("Huyệ n", "Thườ ng", "tị ch"). */
static int orphan_final(const char *s, size_t n)
{
    static const char *const f[] = {"n", "ng", "nh", "c", "ch", "t", "p", "m"};
    for (size_t i = 0; i < WG_ARRAY_LEN(f); i++)
        if (strlen(f[i]) == n && memcmp(s, f[i], n) == 0)
            return 1;
    return 0;
}

/* Repairs the scraped text in s[0, *n) in place (with its map, one entry
 * per byte plus one): drops the space of a broken syllable, and turns a
 * single line break after a long line (30 characters or more) ending in a
 * word or comma and before a lower-case letter into a space. */
static void repair(char *s, size_t *n, size_t *map)
{
    size_t o = 0, len = *n;
    for (size_t i = 0; i < len; i++) {
        char ch = s[i];
        if (ch == ' ' && o > 0) {
            size_t j = i + 1, at;
            /* a final is at most two letters: three end the look */
            while (j < len && j <= i + 3 && s[j] >= 'a' && s[j] <= 'z')
                j++;
            int ends = j == len || !(((unsigned char)s[j] >= 0x80) || (s[j] >= 'a' && s[j] <= 'z') ||
                                     (s[j] >= 'A' && s[j] <= 'Z') || (s[j] >= '0' && s[j] <= '9'));
            if (j > i + 1 && ends && orphan_final(s + i + 1, j - i - 1) && marked_vowel(cp_before(s, o, &at)))
                continue; /* the space goes; s[0, o) is the output so far */
        } else if (ch == '\n' && o > 0 && i + 1 < len && s[i + 1] != '\n' && s[o - 1] != '\n') {
            uint32_t next, prev;
            size_t at;
            wg_utf8_decode(s + i + 1, &next);
            prev = cp_before(s, o, &at);
            /* a wrapped line is a long one: a short line is a title or a list item */
            size_t from = o, chars = 0;
            while (from > 0 && s[from - 1] != '\n' && chars < 30)
                chars += ((unsigned char)s[--from] & 0xC0) != 0x80;
            if (chars >= 30 && u_islower((UChar32)next) && (prev == ',' || u_isalpha((UChar32)prev)))
                ch = ' ';
        }
        s[o] = ch;
        if (map)
            map[o] = map[i];
        o++;
    }
    if (map)
        map[o] = map[len];
    s[o] = '\0';
    *n = o;
}

int wg_i_normalize(wg_buf *out, size_t **mapp, const char *s, size_t n, size_t base)
{
    size_t i = 0, mapcap = 0, start_len = out->len;
    size_t *map = NULL;

    /* the output is about as long as the input */
    if (wg_buf_grow(out, n + n / 8) < 0 || (mapp && wg_i_grow(&map, &mapcap, n + n / 8 + 1, sizeof *map) < 0))
        goto nomem;

    while (i < n) {
        /* printable ASCII (and LF) goes through as it is, in runs; a word
         * running on into non-ASCII letters is left to the word path */
        size_t run = i;
        while (run < n && ((s[run] >= 0x20 && s[run] < 0x7F) || s[run] == '\n'))
            run++;
        if (run < n && (unsigned char)s[run] >= 0x80)
            while (run > i && ((s[run - 1] >= 'a' && s[run - 1] <= 'z') || (s[run - 1] >= 'A' && s[run - 1] <= 'Z')))
                run--;
        if (run > i) {
            size_t at = out->len - start_len;
            if (wg_buf_put(out, s + i, run - i) < 0)
                goto nomem;
            if (mapp) {
                if (at + (run - i) >= mapcap && wg_i_grow(&map, &mapcap, at + (run - i) + 1, sizeof *map) < 0)
                    goto nomem;
                for (size_t b = 0; b < run - i; b++)
                    map[at + b] = base + i + b;
            }
            i = run;
            continue;
        }
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
        } else if (cp == 0x2028 || cp == 0x2029 || cp == 0x0085) {
            wg_buf_putc(out, '\n');
        } else if ((cp < 0x20 && cp != '\n') || (cp >= 0x7F && cp < 0xA0)) {
            wg_buf_putc(out, ' '); /* other control characters carry nothing */
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
    if (mapp && map_put(&map, &mapcap, out->len - start_len, base + n) < 0)
        goto nomem;
    if (!out->ptr && wg_buf_grow(out, 0) < 0)
        goto nomem;
    {
        size_t len = out->len - start_len;
        repair(out->ptr + start_len, &len, mapp ? map : NULL);
        out->len = start_len + len;
    }
    if (mapp)
        *mapp = map;
    return 0;
nomem:
    free(map);
    return WG_ENOMEM;
}

/* Lower case of a code point where it equals the case fold and needs no
 * table: ASCII, Latin-1, the Latin Extended-A pairs and the Vietnamese
 * letters (Ơ, Ư, U+1EA0-U+1EF9). 0 for anything else. */
static inline uint32_t simple_lower(uint32_t cp)
{
    if (cp < 0x80)
        return (cp >= 'A' && cp <= 'Z') ? cp + 32 : cp;
    if (cp >= 0xC0 && cp <= 0xDE && cp != 0xD7)
        return cp + 0x20;
    if ((cp >= 0xDF && cp <= 0xFF && cp != 0xDF) || cp == 0xD7)
        return cp;
    if ((cp >= 0x100 && cp <= 0x12F) || (cp >= 0x14A && cp <= 0x177))
        return cp | 1;
    if (cp == 0x1A0 || cp == 0x1AF)
        return cp + 1;
    if (cp == 0x1A1 || cp == 0x1B0)
        return cp;
    if (cp >= 0x1EA0 && cp <= 0x1EF9)
        return cp | 1;
    return 0;
}

int wg_i_fold_normalized_put(wg_buf *b, const char *s, size_t n, uint64_t *hash)
{
    size_t i = 0, start = b->len;
    uint64_t h = WG_HASH_INIT;
    /* lower-casing these letters keeps their UTF-8 length: n bytes */
    if (wg_buf_grow(b, n) < 0)
        return WG_ENOMEM;
    while (i < n) {
        uint32_t cp, low;
        size_t k = wg_utf8_decode(s + i, &cp);
        if ((low = simple_lower(cp)) == 0) {
            char *f = wg_i_fold(s, n);
            int err;
            b->len = start;
            if (!f)
                return WG_ENOMEM;
            err = wg_buf_puts(b, f);
            *hash = wg_hash(f, strlen(f));
            free(f);
            return err;
        }
        /* hashed as it is written: the tokenizer needs both */
        size_t l = wg_utf8_encode(low, b->ptr + b->len);
        h = wg_hash_more(h, b->ptr + b->len, l);
        b->len += l;
        i += k;
    }
    b->ptr[b->len] = '\0';
    *hash = h;
    return 0;
}

UChar *wg_i_to_utf16(const char *s, size_t n, int32_t *len)
{
    UErrorCode st = U_ZERO_ERROR;
    int32_t nu = 0;
    UChar *u;
    if (n > INT32_MAX / 4) {
        wg_i_error_set(WG_EINPUT, "string too long");
        return NULL;
    }
    u_strFromUTF8WithSub(NULL, 0, &nu, s, (int32_t)n, 0xFFFD, NULL, &st);
    st = U_ZERO_ERROR;
    if ((u = wg_i_malloc(((size_t)nu + 1) * sizeof *u)) == NULL)
        return NULL;
    u_strFromUTF8WithSub(u, nu + 1, &nu, s, (int32_t)n, 0xFFFD, NULL, &st);
    if (U_FAILURE(st)) {
        free(u);
        wg_i_error_set(WG_EINPUT, "cannot convert a string to UTF-16");
        return NULL;
    }
    *len = nu;
    return u;
}

char *wg_i_to_utf8(const UChar *u, int32_t n)
{
    UErrorCode st = U_ZERO_ERROR;
    int32_t n8 = 0;
    char *res;
    u_strToUTF8(NULL, 0, &n8, u, n, &st);
    st = U_ZERO_ERROR;
    if ((res = wg_i_malloc((size_t)n8 + 1)) == NULL)
        return NULL;
    u_strToUTF8(res, n8 + 1, &n8, u, n, &st);
    if (U_FAILURE(st)) {
        free(res);
        wg_i_error_set(WG_EINPUT, "cannot convert a string to UTF-8");
        return NULL;
    }
    return res;
}

/* The fold of `s` without ICU when normalising would leave it as it is:
 * printable ASCII and precomposed letters whose lower case is their fold,
 * no word ending in o/u + toned a/e/y (a tone to move) and no broken
 * syllable for repair() to join. NULL with *plain = 0 otherwise (or with
 * *plain = 1 when out of memory). Most folds are of such short phrases. */
static char *fold_plain(const char *s, size_t n, int *plain)
{
    uint32_t prev = 0;
    *plain = 0;
    for (size_t i = 0; i < n;) {
        unsigned char ch = (unsigned char)s[i];
        uint32_t cp;
        size_t k;
        if (ch < 0x80) {
            if (ch < 0x20 || ch == 0x7F)
                return NULL;
            cp = ch;
            k = 1;
        } else {
            if ((k = wg_utf8_valid_len((const unsigned char *)s + i, n - i)) == 0)
                return NULL;
            wg_utf8_decode(s + i, &cp);
            if (!nfc_stable_letter(cp) || simple_lower(cp) == 0)
                return NULL;
            if ((prev == 'o' || prev == 'O' || prev == 'u' || prev == 'U') && toned_aey(cp)) {
                /* the word's last letter? (the next is no letter) */
                unsigned char nx = i + k < n ? (unsigned char)s[i + k] : 0;
                if (!(nx >= 0x80 || (nx >= 'a' && nx <= 'z') || (nx >= 'A' && nx <= 'Z')))
                    return NULL;
            }
        }
        if (ch == ' ' && i > 0) {
            /* repair()'s test for a broken syllable, on the unchanged text */
            size_t j = i + 1, at;
            while (j < n && s[j] >= 'a' && s[j] <= 'z')
                j++;
            int ends = j == n || !(((unsigned char)s[j] >= 0x80) || (s[j] >= 'a' && s[j] <= 'z') ||
                                   (s[j] >= 'A' && s[j] <= 'Z') || (s[j] >= '0' && s[j] <= '9'));
            if (j > i + 1 && ends && orphan_final(s + i + 1, j - i - 1) && marked_vowel(cp_before(s, i, &at)))
                return NULL;
        }
        prev = cp;
        i += k;
    }
    *plain = 1;
    char *out = wg_i_malloc(n + 1);
    if (!out)
        return NULL;
    /* lower-casing these letters keeps their UTF-8 length */
    for (size_t i = 0, o = 0; i < n;) {
        uint32_t cp;
        i += wg_utf8_decode(s + i, &cp);
        o += wg_utf8_encode(simple_lower(cp), out + o);
    }
    out[n] = '\0';
    return out;
}

char *wg_i_fold(const char *s, size_t n)
{
    int plain;
    char *quick = fold_plain(s, n, &plain);
    if (plain)
        return quick;
    wg_buf norm = WG_BUF_INIT;
    UErrorCode st = U_ZERO_ERROR;
    UChar *u = NULL, *f = NULL;
    int32_t nu, nf;
    char *res = NULL;

    if (wg_i_normalize(&norm, NULL, s, n, 0) < 0)
        return NULL;
    /* full case folding grows a string by at most 3 times */
    if ((u = wg_i_to_utf16(norm.ptr, norm.len, &nu)) == NULL ||
        (f = wg_i_malloc(((size_t)nu * 3 + 1) * sizeof *f)) == NULL)
        goto done;
    nf = u_strFoldCase(f, nu * 3 + 1, u, nu, U_FOLD_CASE_DEFAULT, &st);
    if (U_SUCCESS(st))
        res = wg_i_to_utf8(f, nf);
done:
    free(u);
    free(f);
    wg_buf_free(&norm);
    return res;
}
