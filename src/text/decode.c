/* Bytes -> valid UTF-8.
 *
 * Which decoding, in order: a byte order mark (UTF-8, UTF-16LE/BE) always
 * wins; then --encoding NAME (any ICU converter); then UTF-8 when the bytes
 * are valid UTF-8; then, for HTML, the page's own <meta charset>; then UTF-8
 * with every invalid byte replaced by U+FFFD.
 *
 * Offsets: the decoded text is "the input as read" that JSONL offsets point
 * into. A UTF-8 byte order mark is kept in it (as U+FEFF, dropped later by
 * normalisation), so for UTF-8 files those offsets are file offsets; UTF-16
 * and legacy encodings are offsets into the file converted to UTF-8 without
 * its byte order mark (what `iconv -t UTF-8` or Python's decode() give).
 * Warnings always name byte offsets in the file itself. */
#include <ctype.h>
#include <string.h>
#include <strings.h>
#include <unicode/ucnv.h>
#include <unicode/ucnv_err.h>
#include <unicode/ustring.h>
#include "text/text.h"

#define MAX_LISTED_WARNINGS 10

/* More than this share of replaced characters: not text in that encoding. */
static int mostly_invalid(size_t bad, size_t total)
{
    return (bad * 10 > total && bad > 16) || (bad && bad * 2 > total);
}

static int binary_error(wg_doc *doc, size_t at, const char *hint)
{
    return wg_i_skip(WG_SKIP_BINARY, "%s: binary file (NUL byte at offset %zu)%s", doc->source, at, hint);
}

/* ---- legacy encodings and UTF-16 through ICU ---- */

typedef struct {
    size_t bad;            /* bytes replaced */
    size_t events;         /* substitutions made */
    int32_t len[64];       /* lengths of the first ones */
} icu_ctx;

/* Counts the bytes ICU cannot convert, then substitutes U+FFFD. */
static void U_CALLCONV on_bad_bytes(const void *context, UConverterToUnicodeArgs *args,
                                    const char *units, int32_t n, UConverterCallbackReason reason,
                                    UErrorCode *status)
{
    icu_ctx *c = (icu_ctx *)context;
    if (reason == UCNV_UNASSIGNED || reason == UCNV_ILLEGAL || reason == UCNV_IRREGULAR) {
        if (c->events < WG_ARRAY_LEN(c->len))
            c->len[c->events] = n;
        c->events++;
        c->bad += (size_t)n;
    }
    UCNV_TO_U_CALLBACK_SUBSTITUTE(NULL, args, units, n, reason, status);
}

static int convert_with_icu(wg_doc *doc, wg_buf *out, const char *name, const char *bytes, size_t len,
                            size_t skipped)
{
    UErrorCode status = U_ZERO_ERROR;
    UConverter *cnv = ucnv_open(name, &status);
    UChar *u16 = NULL;
    int32_t *offsets = NULL;
    size_t cap16;
    int32_t n8 = 0, n16;
    icu_ctx ctx;
    int err = 0;

    memset(&ctx, 0, sizeof ctx);
    if (U_FAILURE(status)) {
        ucnv_close(cnv);
        return wg_i_error_set(WG_EINVAL, "unknown encoding '%s'", name);
    }
    if (len > INT32_MAX / 4) {
        ucnv_close(cnv);
        return wg_i_skip(WG_SKIP_OTHER, "%s: input too large for encoding %s", doc->source, name);
    }
    ucnv_setToUCallBack(cnv, on_bad_bytes, &ctx, NULL, NULL, &status);
    /* Two UTF-16 units per byte is more than any converter produces (+1 for NUL). */
    cap16 = 2 * len + 2;
    if ((u16 = wg_i_malloc(cap16 * sizeof *u16)) == NULL ||
        (offsets = wg_i_malloc(cap16 * sizeof *offsets)) == NULL) {
        err = WG_ENOMEM;
        goto done;
    }
    {
        UChar *target = u16;
        const char *source = bytes;
        ucnv_toUnicode(cnv, &target, u16 + cap16 - 1, &source, bytes + len, offsets, 1, &status);
        if (U_FAILURE(status)) {
            err = wg_i_skip(WG_SKIP_OTHER, "%s: cannot decode as %s", doc->source, name);
            goto done;
        }
        n16 = (int32_t)(target - u16);
    }
    /* Substitutions come out in order: the k-th U+FFFD is the k-th bad
     * sequence. Neighbouring ones are reported as one run. */
    {
        size_t run_at = 0, run_len = 0, runs = 0;
        for (int32_t i = 0, k = 0; i <= n16; i++) {
            size_t at = i < n16 ? skipped + (offsets[i] >= 0 ? (size_t)offsets[i] : 0) : SIZE_MAX;
            int bad = i < n16 && u16[i] == 0xFFFD && (size_t)k < ctx.events;
            if (i < n16 && u16[i] == 0) {
                err = binary_error(doc, at, "");
                goto done;
            }
            if (bad && run_len && at == run_at + run_len) {
                run_len += (size_t)k < WG_ARRAY_LEN(ctx.len) ? (size_t)ctx.len[k] : 1;
                k++;
                continue;
            }
            if (run_len) {
                if (runs < MAX_LISTED_WARNINGS)
                    wg_i_doc_warn(doc, run_at, 0, "%zu byte%s not valid in %s replaced by U+FFFD", run_len,
                                  run_len == 1 ? "" : "s", name);
                runs++;
                run_len = 0;
            }
            if (bad) {
                run_at = at;
                run_len = (size_t)k < WG_ARRAY_LEN(ctx.len) ? (size_t)ctx.len[k] : 1;
                k++;
            }
        }
        if (runs > MAX_LISTED_WARNINGS)
            wg_i_doc_warn(doc, skipped, 0, "%zu bytes not valid in %s replaced by U+FFFD in all", ctx.bad, name);
    }
    if (mostly_invalid(ctx.bad, len)) {
        err = wg_i_skip(WG_SKIP_UNDECODABLE, "%s: not %s text (%zu of %zu bytes invalid)", doc->source, name,
                             ctx.bad, len);
        goto done;
    }
    status = U_ZERO_ERROR;
    u_strToUTF8WithSub(NULL, 0, &n8, u16, n16, 0xFFFD, NULL, &status);
    status = U_ZERO_ERROR;
    if ((err = wg_buf_grow(out, (size_t)n8)) < 0)
        goto done;
    u_strToUTF8WithSub(out->ptr + out->len, n8 + 1, &n8, u16, n16, 0xFFFD, NULL, &status);
    if (U_FAILURE(status)) {
        err = wg_i_skip(WG_SKIP_OTHER, "%s: cannot decode as %s", doc->source, name);
        goto done;
    }
    out->len += (size_t)n8;
    out->ptr[out->len] = '\0';
done:
    free(u16);
    free(offsets);
    ucnv_close(cnv);
    return err;
}

/* ---- UTF-8 ---- */

static int is_valid_utf8(const unsigned char *s, size_t len)
{
    for (size_t i = 0; i < len;) {
        if (s[i] < 0x80) {
            i++;
            continue;
        }
        size_t k = wg_utf8_valid_len(s + i, len - i);
        if (!k)
            return 0;
        i += k;
    }
    return 1;
}

/* Copies UTF-8, replacing each invalid byte by U+FFFD; one warning per run
 * of invalid bytes (the first MAX_LISTED_WARNINGS runs, then a count). */
static int copy_utf8(wg_doc *doc, wg_buf *out, const char *bytes, size_t len, size_t skipped)
{
    const unsigned char *s = (const unsigned char *)bytes;
    size_t i = 0, bad = 0, runs = 0;

    if (wg_buf_grow(out, len) < 0)
        return WG_ENOMEM;
    while (i < len) {
        size_t k = wg_utf8_valid_len(s + i, len - i);
        if (k == 0) {
            size_t run = i;
            char shown[3 * 4 + 1] = "";
            while (run < len && wg_utf8_valid_len(s + run, len - run) == 0) {
                if (run - i < 4)
                    snprintf(shown + 3 * (run - i), 4, " %02X", s[run]);
                wg_buf_put(out, "\xEF\xBF\xBD", 3);
                run++;
            }
            if (runs < MAX_LISTED_WARNINGS)
                wg_i_doc_warn(doc, skipped + i, 0, "invalid UTF-8 (%zu byte%s:%s%s) replaced by U+FFFD",
                              run - i, run - i == 1 ? "" : "s", shown, run - i > 4 ? " ..." : "");
            runs++;
            bad += run - i;
            i = run;
            continue;
        }
        if (s[i] == 0) {
            /* every other byte NUL: UTF-16 written without its byte order mark */
            size_t nul = 0, odd = 0, probe = len < 512 ? len : 512;
            for (size_t j = 0; j < probe; j++)
                if (s[j] == 0) {
                    nul++;
                    odd += j & 1;
                }
            /* ASCII in UTF-16LE has its NUL second ("a\0"), in UTF-16BE first */
            return binary_error(doc, skipped + i,
                                !(nul * 3 > probe && nul * 5 < probe * 3) ? ""
                                : odd * 2 >= nul ? " (UTF-16 without a byte order mark? try --encoding UTF-16LE)"
                                                 : " (UTF-16 without a byte order mark? try --encoding UTF-16BE)");
        }
        size_t run = i + k;
        while (run < len) {
            if (s[run] != 0 && s[run] < 0x80) {
                run++; /* ASCII, most of any text: no call */
                continue;
            }
            size_t k2 = wg_utf8_valid_len(s + run, len - run);
            if (k2 == 0 || s[run] == 0)
                break;
            run += k2;
        }
        wg_buf_put(out, bytes + i, run - i);
        i = run;
    }
    if (runs > MAX_LISTED_WARNINGS)
        wg_i_doc_warn(doc, skipped, 0, "%zu invalid UTF-8 bytes replaced by U+FFFD in all", bad);
    if (mostly_invalid(bad, len))
        return wg_i_skip(WG_SKIP_UNDECODABLE, "%s: not UTF-8 text (%zu of %zu bytes invalid); try --encoding NAME",
                              doc->source, bad, skipped + len);
    return out->failed ? WG_ENOMEM : 0;
}

/* The charset an HTML page declares in its first bytes (<meta charset=X>
 * or <meta http-equiv=Content-Type content="...; charset=X">), or "". */
static void sniff_meta_charset(const char *bytes, size_t len, char *name, size_t cap)
{
    size_t n = len < 4096 ? len : 4096;
    name[0] = '\0';
    for (size_t i = 0; i + 5 < n; i++) {
        if (strncasecmp(bytes + i, "<meta", 5) != 0)
            continue;
        size_t end = i;
        while (end < n && bytes[end] != '>')
            end++;
        for (size_t j = i; j + 8 <= end; j++) {
            if (strncasecmp(bytes + j, "charset=", 8) != 0)
                continue;
            size_t k = j + 8, o = 0;
            while (k < end && (bytes[k] == '"' || bytes[k] == '\'' || bytes[k] == ' '))
                k++;
            while (k < end && o + 1 < cap && (isalnum((unsigned char)bytes[k]) || bytes[k] == '-' ||
                                              bytes[k] == '_' || bytes[k] == '.' || bytes[k] == ':'))
                name[o++] = bytes[k++];
            name[o] = '\0';
            if (o)
                return;
        }
    }
}

int wg_i_decode(wg_doc *doc, wg_buf *out, const char *bytes, size_t len, const wg_read_options *opts)
{
    const unsigned char *s = (const unsigned char *)bytes;
    if (len == 0)
        return wg_i_skip(WG_SKIP_EMPTY, "%s: empty file", doc->source);
    if (len >= 2 && ((s[0] == 0xFF && s[1] == 0xFE) || (s[0] == 0xFE && s[1] == 0xFF))) {
        if (len == 2)
            return wg_i_skip(WG_SKIP_EMPTY, "%s: empty file", doc->source);
        return convert_with_icu(doc, out, s[0] == 0xFF ? "UTF-16LE" : "UTF-16BE", bytes + 2, len - 2, 2);
    }
    if (len >= 3 && s[0] == 0xEF && s[1] == 0xBB && s[2] == 0xBF) {
        /* kept: U+FEFF decodes to itself and offsets stay file offsets */
        if (len == 3)
            return wg_i_skip(WG_SKIP_EMPTY, "%s: empty file", doc->source);
        return copy_utf8(doc, out, bytes, len, 0);
    }
    if (opts->encoding && *opts->encoding)
        return convert_with_icu(doc, out, opts->encoding, bytes, len, 0);
    if (!is_valid_utf8(s, len) && opts->kind != WG_INPUT_TEXT) {
        char name[64];
        sniff_meta_charset(bytes, len, name, sizeof name);
        if (*name && strcasecmp(name, "utf-8") != 0 && strcasecmp(name, "utf8") != 0) {
            UErrorCode st = U_ZERO_ERROR;
            UConverter *probe = ucnv_open(name, &st);
            ucnv_close(probe);
            if (U_SUCCESS(st))
                return convert_with_icu(doc, out, name, bytes, len, 0);
            wg_i_doc_warn(doc, 0, 0, "unknown charset '%s' declared by the page; read as UTF-8", name);
        }
    }
    return copy_utf8(doc, out, bytes, len, 0);
}

int wg_read_options_check(const wg_read_options *opts)
{
    if (opts && opts->encoding && *opts->encoding) {
        UErrorCode st = U_ZERO_ERROR;
        UConverter *cnv = ucnv_open(opts->encoding, &st);
        ucnv_close(cnv);
        if (U_FAILURE(st))
            return wg_i_error_set(WG_EINVAL, "unknown encoding '%s'", opts->encoding);
    }
    return 0;
}
