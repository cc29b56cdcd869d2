/* Bytes -> valid UTF-8. UTF-8 is checked by hand (the common case, and we
 * want the byte offset of every bad sequence); other encodings go through
 * an ICU converter. */
#include <string.h>
#include <unicode/ucnv.h>
#include <unicode/ustring.h>
#include "text/text.h"

#define MAX_LISTED_WARNINGS 10

static int convert_with_icu(wg_doc *doc, wg_buf *out, const char *name,
                            const char *bytes, size_t len)
{
    UErrorCode status = U_ZERO_ERROR;
    UConverter *cnv = ucnv_open(name, &status);
    UChar *u16 = NULL;
    int32_t n16, n8;
    int err = 0;

    if (U_FAILURE(status))
        return wg_i_error_set(WG_EINVAL, "unknown encoding '%s'", name);
    if (len > INT32_MAX / 2) {
        ucnv_close(cnv);
        return wg_i_error_set(WG_EINPUT, "%s: input too large for encoding %s", doc->source, name);
    }
    /* Preflight, then convert; undecodable bytes become U+FFFD (ICU's default substitution). */
    n16 = ucnv_toUChars(cnv, NULL, 0, bytes, (int32_t)len, &status);
    if (status != U_BUFFER_OVERFLOW_ERROR && U_FAILURE(status)) {
        err = wg_i_error_set(WG_EINPUT, "%s: cannot decode as %s", doc->source, name);
        goto done;
    }
    status = U_ZERO_ERROR;
    if ((u16 = wg_i_malloc(((size_t)n16 + 1) * sizeof *u16)) == NULL) {
        err = WG_ENOMEM;
        goto done;
    }
    ucnv_toUChars(cnv, u16, n16 + 1, bytes, (int32_t)len, &status);
    if (U_FAILURE(status)) {
        err = wg_i_error_set(WG_EINPUT, "%s: cannot decode as %s", doc->source, name);
        goto done;
    }
    u_strToUTF8WithSub(NULL, 0, &n8, u16, n16, 0xFFFD, NULL, &status);
    status = U_ZERO_ERROR;
    if ((err = wg_buf_grow(out, (size_t)n8)) < 0)
        goto done;
    u_strToUTF8WithSub(out->ptr + out->len, n8 + 1, &n8, u16, n16, 0xFFFD, NULL, &status);
    if (U_FAILURE(status)) {
        err = wg_i_error_set(WG_EINPUT, "%s: cannot decode as %s", doc->source, name);
        goto done;
    }
    out->len += (size_t)n8;
    out->ptr[out->len] = '\0';
    {
        size_t bad = 0;
        for (size_t i = 0; i + 2 < out->len; i++)
            if (memcmp(out->ptr + i, "\xEF\xBF\xBD", 3) == 0)
                bad++;
        if (bad)
            wg_i_doc_warn(doc, 0, 0, "%zu characters not valid in %s replaced by U+FFFD", bad, name);
    }
done:
    free(u16);
    ucnv_close(cnv);
    return err;
}

/* Copies UTF-8, replacing each invalid sequence by U+FFFD with a warning. */
static int copy_utf8(wg_doc *doc, wg_buf *out, const char *bytes, size_t len)
{
    const unsigned char *s = (const unsigned char *)bytes;
    size_t i = 0, bad = 0, run = 0;

    if (wg_buf_grow(out, len) < 0)
        return WG_ENOMEM;
    while (i < len) {
        size_t k = wg_utf8_valid_len(s + i, len - i);
        if (k == 0) {
            if (bad < MAX_LISTED_WARNINGS)
                wg_i_doc_warn(doc, i, 0, "invalid UTF-8 byte 0x%02X replaced by U+FFFD", s[i]);
            bad++;
            wg_buf_put(out, "\xEF\xBF\xBD", 3);
            i++;
            continue;
        }
        if (s[i] == 0)
            return wg_i_error_set(WG_EINPUT, "%s: binary file (NUL byte at offset %zu)", doc->source, i);
        run = i + k;
        /* copy the longest valid run at once */
        while (run < len) {
            size_t k2 = wg_utf8_valid_len(s + run, len - run);
            if (k2 == 0 || s[run] == 0)
                break;
            run += k2;
        }
        wg_buf_put(out, bytes + i, run - i);
        i = run;
    }
    if (bad > MAX_LISTED_WARNINGS)
        wg_i_doc_warn(doc, 0, 0, "%zu more invalid UTF-8 bytes replaced by U+FFFD",
                      bad - MAX_LISTED_WARNINGS);
    /* Mostly undecodable: not text in UTF-8; better skipped than guessed. */
    if (bad * 10 > len && bad > 16)
        return wg_i_error_set(WG_EINPUT, "%s: not UTF-8 text (%zu of %zu bytes invalid); try --encoding",
                              doc->source, bad, len);
    return out->failed ? WG_ENOMEM : 0;
}

int wg_i_decode(wg_doc *doc, wg_buf *out, const char *bytes, size_t len,
                const wg_read_options *opts)
{
    const unsigned char *s = (const unsigned char *)bytes;
    if (len == 0)
        return wg_i_error_set(WG_EINPUT, "%s: empty file", doc->source);
    if (opts->encoding && *opts->encoding)
        return convert_with_icu(doc, out, opts->encoding, bytes, len);
    if (len >= 2 && ((s[0] == 0xFF && s[1] == 0xFE) || (s[0] == 0xFE && s[1] == 0xFF)))
        return convert_with_icu(doc, out, s[0] == 0xFF ? "UTF-16LE" : "UTF-16BE", bytes + 2, len - 2);
    if (len >= 3 && s[0] == 0xEF && s[1] == 0xBB && s[2] == 0xBF) {
        bytes += 3;
        len -= 3;
    }
    return copy_utf8(doc, out, bytes, len);
}
