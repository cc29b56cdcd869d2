/* Strings entering the graph: cleaned once here so that every export
 * writes the same, valid text.
 *
 * The rule for text (labels, titles, dates, sources): invalid UTF-8 bytes,
 * C0 controls other than TAB and LF, CR, DEL, C1 controls and the
 * non-characters U+FFFE/U+FFFF become U+FFFD, so that the loss stays visible
 * instead of silently joining words; XML 1.0 cannot carry them at all, and a
 * CR would come back as LF from any XML reader. The result is NFC. */
#include <string.h>
#include <unicode/uchar.h>
#include <unicode/unorm2.h>
#include <unicode/ustring.h>
#include "graph/graph.h"
#include "text/text.h"

static int bad_code_point(uint32_t cp)
{
    if (cp == '\t' || cp == '\n')
        return 0;
    return cp < 0x20 || (cp >= 0x7f && cp <= 0x9f) || cp == 0xfffe || cp == 0xffff;
}

/* To NFC through UTF-16; `s` is valid UTF-8. */
static char *to_nfc(const char *s, size_t n)
{
    UErrorCode st = U_ZERO_ERROR;
    const UNormalizer2 *nfc = unorm2_getNFCInstance(&st);
    UChar *u = NULL, *v = NULL;
    int32_t nu = 0, nv;
    char *res = NULL;

    if ((u = wg_i_to_utf16(s, n, &nu)) == NULL)
        return NULL;
    if (unorm2_isNormalized(nfc, u, nu, &st) && U_SUCCESS(st)) {
        free(u);
        return wg_i_strndup(s, n);
    }
    st = U_ZERO_ERROR;
    /* NFC never grows a string by more than 3 times in UTF-16 */
    if ((v = wg_i_malloc(((size_t)nu * 3 + 1) * sizeof *v)) == NULL)
        goto done;
    nv = unorm2_normalize(nfc, u, nu, v, nu * 3 + 1, &st);
    if (U_SUCCESS(st))
        res = wg_i_to_utf8(v, nv);
    else
        wg_i_error_set(WG_EINPUT, "cannot normalise a string to NFC");
done:
    free(u);
    free(v);
    return res;
}

char *wg_i_clean_text(const char *s)
{
    wg_buf b = WG_BUF_INIT;
    size_t n = s ? strlen(s) : 0;
    int plain = 1;
    char *res;

    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)s[i];
        if (c >= 0x80 || (c < 0x20 && c != '\t' && c != '\n') || c == 0x7f) {
            plain = 0;
            break;
        }
    }
    if (plain)
        return wg_i_strdup(s ? s : "");
    for (size_t i = 0; i < n;) {
        size_t l = wg_utf8_valid_len((const unsigned char *)s + i, n - i);
        uint32_t cp = 0xfffd;
        if (l)
            wg_utf8_decode(s + i, &cp);
        if (!l || bad_code_point(cp)) {
            wg_buf_puts(&b, "\xEF\xBF\xBD");
            i += l ? l : 1;
        } else {
            wg_buf_put(&b, s + i, l);
            i += l;
        }
    }
    if (b.failed)
        return NULL;
    res = to_nfc(b.ptr ? b.ptr : "", b.len);
    wg_buf_free(&b);
    return res;
}

/* XML 1.0 (fifth edition) NameStartChar and NameChar. */
static int name_start(uint32_t c)
{
    return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || c == ':' || c == '_' ||
           (c >= 0xC0 && c <= 0xD6) || (c >= 0xD8 && c <= 0xF6) || (c >= 0xF8 && c <= 0x2FF) ||
           (c >= 0x370 && c <= 0x37D) || (c >= 0x37F && c <= 0x1FFF) || (c >= 0x200C && c <= 0x200D) ||
           (c >= 0x2070 && c <= 0x218F) || (c >= 0x2C00 && c <= 0x2FEF) || (c >= 0x3001 && c <= 0xD7FF) ||
           (c >= 0xF900 && c <= 0xFDCF) || (c >= 0xFDF0 && c <= 0xFFFD) || (c >= 0x10000 && c <= 0xEFFFF);
}

static int name_char(uint32_t c)
{
    return name_start(c) || c == '-' || c == '.' || (c >= '0' && c <= '9') || c == 0xB7 ||
           (c >= 0x300 && c <= 0x36F) || (c >= 0x203F && c <= 0x2040);
}

int wg_i_is_xml_name(const char *s)
{
    size_t n = strlen(s);
    if (!n)
        return 0;
    for (size_t i = 0; i < n;) {
        uint32_t cp;
        size_t l = wg_utf8_valid_len((const unsigned char *)s + i, n - i);
        if (!l)
            return 0;
        wg_utf8_decode(s + i, &cp);
        if (i == 0 ? !name_start(cp) : !name_char(cp))
            return 0;
        i += l;
    }
    return 1;
}

/* Whether s[i..] reads "_xHHHH_" (the escape below), which must itself be
 * escaped to keep the encoding one-to-one. */
static int looks_escaped(const char *s)
{
    if (s[0] != '_' || s[1] != 'x')
        return 0;
    for (int k = 2; k < 6; k++)
        if (!((s[k] >= '0' && s[k] <= '9') || (s[k] >= 'A' && s[k] <= 'F')))
            return 0;
    return s[6] == '_';
}

char *wg_i_xml_name(const char *s)
{
    wg_buf b = WG_BUF_INIT;
    size_t n = strlen(s);
    if (wg_i_is_xml_name(s) && !strstr(s, "_x"))
        return wg_i_strdup(s);
    /* The convention of .NET's XmlConvert.EncodeName: a character that may
     * not stand at its place becomes _xHHHH_ (_xHHHHHHHH_ above the BMP). */
    for (size_t i = 0; i < n;) {
        uint32_t cp = 0xfffd;
        size_t l = wg_utf8_valid_len((const unsigned char *)s + i, n - i);
        if (l)
            wg_utf8_decode(s + i, &cp);
        int ok = l && (b.len == 0 ? name_start(cp) : name_char(cp)) && !looks_escaped(s + i);
        if (ok)
            wg_buf_put(&b, s + i, l);
        else if (cp > 0xffff)
            wg_buf_printf(&b, "_x%08X_", (unsigned)cp);
        else
            wg_buf_printf(&b, "_x%04X_", (unsigned)cp);
        i += l ? l : 1;
    }
    if (!b.len)
        wg_buf_puts(&b, "_");
    return b.failed ? NULL : wg_buf_detach(&b);
}

char *wg_i_canonical_key(const char *key)
{
    char *clean = wg_i_clean_text(key), *folded, *name;
    if (!clean)
        return NULL;
    /* the same fold as the extraction's keys: case and tone placement */
    folded = wg_i_fold(clean, strlen(clean));
    free(clean);
    if (!folded)
        return NULL;
    for (char *p = folded; *p; p++)
        if (*p == ' ' || *p == '\t' || *p == '\n')
            *p = '-';
    name = wg_i_xml_name(folded);
    free(folded);
    return name;
}

char *wg_i_fold_letters(const char *s)
{
    UErrorCode st = U_ZERO_ERROR;
    const UNormalizer2 *nfd = unorm2_getNFDInstance(&st);
    UChar *u = NULL, *d = NULL, *f = NULL;
    int32_t nu = 0, nd, nf, k = 0;
    char *res = NULL;

    if ((u = wg_i_to_utf16(s, strlen(s), &nu)) == NULL ||
        (d = wg_i_malloc(((size_t)nu * 4 + 1) * sizeof *d)) == NULL ||
        (f = wg_i_malloc(((size_t)nu * 12 + 1) * sizeof *f)) == NULL)
        goto done;
    nd = unorm2_normalize(nfd, u, nu, d, nu * 4 + 1, &st);
    if (U_FAILURE(st))
        goto done;
    /* drop every combining mark (tones, hats, horns); đ is a letter of its own in NFD */
    for (int32_t i = 0; i < nd; i++) {
        if (u_getCombiningClass(d[i]) || u_charType(d[i]) == U_NON_SPACING_MARK)
            continue;
        d[k++] = (d[i] == 0x0111 || d[i] == 0x0110) ? (UChar)'d' : d[i];
    }
    nf = u_strFoldCase(f, nu * 12 + 1, d, k, U_FOLD_CASE_DEFAULT, &st);
    if (U_SUCCESS(st))
        res = wg_i_to_utf8(f, nf);
done:
    free(u);
    free(d);
    free(f);
    return res;
}
