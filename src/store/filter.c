/* Which articles a build keeps: --since/--until (ISO dates) and --province.
 * One function for raw articles and stored ones, so that both keep the same. */
#include <string.h>
#include <unicode/uchar.h>
#include <unicode/unorm2.h>
#include <unicode/ustring.h>
#include "store/store.h"

/* "YYYY", "YYYY-MM" or "YYYY-MM-DD" widened to a full date: the first day
 * (since) or the last (until) of the year or month. 0, or -1 when malformed. */
static int widen(const char *s, int last, char out[11])
{
    size_t n = strlen(s);
    int y, m = last ? 12 : 1, d = last ? 31 : 1;
    for (size_t i = 0; i < n; i++)
        if (!((s[i] >= '0' && s[i] <= '9') || (s[i] == '-' && (i == 4 || i == 7))))
            return -1;
    if (n != 4 && n != 7 && n != 10)
        return -1;
    y = (s[0] - '0') * 1000 + (s[1] - '0') * 100 + (s[2] - '0') * 10 + (s[3] - '0');
    if (n >= 7) {
        if (s[4] != '-')
            return -1;
        m = (s[5] - '0') * 10 + (s[6] - '0');
    }
    if (n == 10) {
        if (s[7] != '-')
            return -1;
        d = (s[8] - '0') * 10 + (s[9] - '0');
    }
    if (y < 1 || m < 1 || m > 12 || d < 1 || d > 31)
        return -1;
    snprintf(out, 11, "%04d-%02d-%02d", y % 10000, m % 100, d % 100);
    return 0;
}

int wg_article_filter_check(const wg_article_filter *f)
{
    char tmp[11], a[11], b[11];
    if (!f)
        return 0;
    if (f->since && widen(f->since, 0, tmp) < 0)
        return wg_i_error_set(WG_EINVAL, "--since '%s' is not an ISO date (YYYY-MM-DD, YYYY-MM or YYYY)", f->since);
    if (f->until && widen(f->until, 1, tmp) < 0)
        return wg_i_error_set(WG_EINVAL, "--until '%s' is not an ISO date (YYYY-MM-DD, YYYY-MM or YYYY)", f->until);
    if (f->since && f->until && widen(f->since, 0, a) == 0 && widen(f->until, 1, b) == 0 && strcmp(a, b) > 0)
        return wg_i_error_set(WG_EINVAL, "--since %s is after --until %s: no article could be kept", f->since,
                              f->until);
    if (f->province && !*f->province)
        return wg_i_error_set(WG_EINVAL, "--province needs a name");
    return 0;
}

/* A province name as the keys write it, tones and case dropped: "Cà Mau",
 * "tỉnh Cà Mau", "ca-mau" -> "ca-mau"; "TP.HCM", "TP Hồ Chí Minh" -> "ho-chi-minh".
 * Caller frees. */
char *wg_i_province_slug(const char *s)
{
    UErrorCode st = U_ZERO_ERROR;
    const UNormalizer2 *nfd = unorm2_getNFDInstance(&st);
    int32_t n16 = 0, nd;
    UChar *u16 = NULL, *d16 = NULL;
    wg_buf out = WG_BUF_INIT;
    if (U_FAILURE(st))
        return NULL;
    u_strFromUTF8WithSub(NULL, 0, &n16, s, -1, 0xfffd, NULL, &st);
    st = U_ZERO_ERROR;
    if (!(u16 = wg_i_malloc(((size_t)n16 + 1) * sizeof *u16)))
        return NULL;
    u_strFromUTF8WithSub(u16, n16 + 1, NULL, s, -1, 0xfffd, NULL, &st);
    nd = unorm2_normalize(nfd, u16, n16, NULL, 0, &st);
    st = U_ZERO_ERROR;
    if (!(d16 = wg_i_malloc(((size_t)nd + 1) * sizeof *d16))) {
        free(u16);
        return NULL;
    }
    unorm2_normalize(nfd, u16, n16, d16, nd + 1, &st);
    for (int32_t i = 0; i < nd && U_SUCCESS(st);) {
        UChar32 c;
        char enc[4];
        U16_NEXT(d16, i, nd, c);
        if (u_charType(c) == U_NON_SPACING_MARK)
            continue;
        if (c == 0x0110 || c == 0x0111)
            c = 'd';
        if (!u_isalnum(c))
            c = '-';
        c = u_tolower(c);
        if (c == '-' && (out.len == 0 || out.ptr[out.len - 1] == '-'))
            continue;
        wg_buf_put(&out, enc, wg_utf8_encode((uint32_t)c, enc));
    }
    free(u16);
    free(d16);
    if (out.len && out.ptr[out.len - 1] == '-')
        out.ptr[--out.len] = '\0';
    if (out.failed || U_FAILURE(st)) {
        wg_buf_free(&out);
        return NULL;
    }
    char *slug = out.ptr ? wg_buf_detach(&out) : wg_i_strdup("");
    if (!slug)
        return NULL;
    /* the level word is no part of the name; TP.HCM is how the city is written */
    static const char *const levels[] = {"tinh-", "thanh-pho-", "tp-"};
    for (size_t k = 0; k < WG_ARRAY_LEN(levels); k++) {
        size_t l = strlen(levels[k]);
        if (strncmp(slug, levels[k], l) == 0 && slug[l]) {
            memmove(slug, slug + l, strlen(slug + l) + 1);
            break;
        }
    }
    if (strcmp(slug, "hcm") == 0 || strcmp(slug, "tphcm") == 0 || strcmp(slug, "sai-gon") == 0) {
        free(slug);
        slug = wg_i_strdup("ho-chi-minh");
    }
    return slug;
}

void wg_i_filter_bounds(const wg_article_filter *f, char lo[11], char hi[11])
{
    if (!f || !f->since || widen(f->since, 0, lo) < 0)
        strcpy(lo, "0000-01-01");
    if (!f || !f->until || widen(f->until, 1, hi) < 0)
        strcpy(hi, "9999-12-31");
}

wg_filter_result wg_article_filter_match(const wg_article_filter *f, const wg_article *a)
{
    if (!f)
        return WG_FILTER_IN;
    if (f->since || f->until) {
        char lo[11], hi[11];
        const char *d = a->date ? a->date : "";
        /* a date without a year ("--02-24") or none at all is in no window */
        if (strlen(d) != 10 || d[0] < '0' || d[0] > '9')
            return WG_FILTER_UNDATED;
        if ((f->since && (widen(f->since, 0, lo) < 0 || strcmp(d, lo) < 0)) ||
            (f->until && (widen(f->until, 1, hi) < 0 || strcmp(d, hi) > 0)))
            return WG_FILTER_OUTSIDE;
    }
    if (f->province) {
        char *want = wg_i_province_slug(f->province);
        char *have = a->province ? wg_i_province_slug(a->province) : NULL;
        int same = want && have && strcmp(want, have) == 0;
        free(want);
        free(have);
        if (!same)
            return WG_FILTER_OTHER_PROVINCE;
    }
    return WG_FILTER_IN;
}
