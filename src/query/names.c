/* Names typed on the command line: finding a node by key or label, case-
 * and accent-insensitively, and measuring text for aligned tables. */
#include <string.h>
#include <unicode/uchar.h>
#include <unicode/unorm2.h>
#include <unicode/ustring.h>
#include "query/query.h"

/* Zero-width: combining marks (a decomposed Vietnamese tone mark adds no
 * column), format characters and controls. */
static int char_width(UChar32 c)
{
    int8_t t = u_charType(c);
    if (c < 0x20 || (c >= 0x7f && c < 0xa0) || t == U_NON_SPACING_MARK || t == U_ENCLOSING_MARK ||
        t == U_FORMAT_CHAR || (c >= 0x1160 && c <= 0x11ff))
        return 0;
    switch (u_getIntPropertyValue(c, UCHAR_EAST_ASIAN_WIDTH)) {
    case U_EA_WIDE:
    case U_EA_FULLWIDTH:
        return 2;
    default:
        return 1;
    }
}

/* The code point at s[i] (U+FFFD for an invalid byte) and its length. */
static size_t next_char(const char *s, size_t avail, UChar32 *c)
{
    size_t n = wg_utf8_valid_len((const unsigned char *)s, avail);
    uint32_t cp;
    if (!n) {
        *c = 0xfffd;
        return 1;
    }
    wg_utf8_decode(s, &cp);
    *c = (UChar32)cp;
    return n;
}

size_t wg_text_width(const char *s)
{
    size_t w = 0, len = strlen(s);
    for (size_t i = 0; i < len;) {
        UChar32 c;
        i += next_char(s + i, len - i, &c);
        w += (size_t)char_width(c);
    }
    return w;
}

size_t wg_text_fit(const char *s, size_t cols)
{
    size_t w = 0, len = strlen(s), i = 0;
    while (i < len) {
        UChar32 c;
        size_t n = next_char(s + i, len - i, &c);
        int cw = char_width(c);
        if (cw && w + (size_t)cw > cols)
            break;
        w += (size_t)cw;
        i += n;
    }
    return i;
}

/* NFD, then (strip) marks dropped and đ -> d, case folded, '-' '_' and
 * spaces collapsed to one space. */
static char *fold(const char *s, int strip)
{
    UErrorCode st = U_ZERO_ERROR;
    const UNormalizer2 *nfd = unorm2_getNFDInstance(&st);
    int32_t n16 = 0, nd;
    UChar *u16 = NULL, *d16 = NULL;
    wg_buf out = WG_BUF_INIT;
    int space = 0;

    if (U_FAILURE(st))
        return NULL;
    u_strFromUTF8WithSub(NULL, 0, &n16, s, -1, 0xfffd, NULL, &st);
    if (st != U_BUFFER_OVERFLOW_ERROR && U_FAILURE(st))
        return NULL;
    st = U_ZERO_ERROR;
    if ((u16 = wg_i_malloc(((size_t)n16 + 1) * sizeof *u16)) == NULL)
        return NULL;
    u_strFromUTF8WithSub(u16, n16 + 1, NULL, s, -1, 0xfffd, NULL, &st);
    nd = unorm2_normalize(nfd, u16, n16, NULL, 0, &st);
    if (st != U_BUFFER_OVERFLOW_ERROR && U_FAILURE(st))
        goto fail;
    st = U_ZERO_ERROR;
    if ((d16 = wg_i_malloc(((size_t)nd + 1) * sizeof *d16)) == NULL)
        goto fail;
    unorm2_normalize(nfd, u16, n16, d16, nd + 1, &st);
    if (U_FAILURE(st))
        goto fail;
    for (int32_t i = 0; i < nd;) {
        UChar32 c;
        char enc[4];
        U16_NEXT(d16, i, nd, c);
        if (strip && char_width(c) == 0 && c >= 0x20)
            continue;
        if (strip && (c == 0x0110 || c == 0x0111))
            c = 'd';
        if (c == '-' || c == '_' || u_isUWhiteSpace(c)) {
            space = out.len > 0;
            continue;
        }
        if (space)
            wg_buf_putc(&out, ' ');
        space = 0;
        c = u_foldCase(c, U_FOLD_CASE_DEFAULT);
        wg_buf_put(&out, enc, wg_utf8_encode((uint32_t)c, enc));
    }
    free(u16);
    free(d16);
    if (out.failed)
        return wg_buf_free(&out), NULL;
    return out.ptr ? wg_buf_detach(&out) : wg_i_strdup("");
fail:
    free(u16);
    free(d16);
    wg_buf_free(&out);
    wg_i_error_set(WG_EINVAL, "cannot normalise text");
    return NULL;
}

char *wg_text_fold(const char *s) { return fold(s, 1); }

/* Levenshtein distance over bytes of two folded (mostly ASCII) strings. */
static size_t edit_distance(const char *a, const char *b, size_t *row)
{
    size_t la = strlen(a), lb = strlen(b);
    for (size_t j = 0; j <= lb; j++)
        row[j] = j;
    for (size_t i = 1; i <= la; i++) {
        size_t diag = row[0];
        row[0] = i;
        for (size_t j = 1; j <= lb; j++) {
            size_t up = row[j], best = diag + (a[i - 1] != b[j - 1]);
            if (up + 1 < best)
                best = up + 1;
            if (row[j - 1] + 1 < best)
                best = row[j - 1] + 1;
            row[j] = best;
            diag = up;
        }
    }
    return row[lb];
}

typedef struct {
    size_t node, score;
    const char *label;
} suggestion;

static int compare_suggestions(const void *pa, const void *pb)
{
    const suggestion *a = pa, *b = pb;
    if (a->score != b->score)
        return a->score < b->score ? -1 : 1;
    return strcmp(a->label, b->label);
}

/* Does `folded` (a node's key or label) match the folded query? The key
 * also matches without its "type:" prefix. */
static int matches(const char *query, const char *folded)
{
    const char *colon;
    if (strcmp(query, folded) == 0)
        return 1;
    colon = strchr(folded, ':');
    return colon && !strchr(query, ':') && strcmp(query, colon + 1) == 0;
}

static int report_ambiguous(const wg_graph *g, const char *name, const size_t *cand, size_t n)
{
    wg_buf b = WG_BUF_INIT;
    int err;
    for (size_t i = 0; i < n && i < 10; i++)
        wg_buf_printf(&b, "%s%s (%s)", i ? ", " : "", wg_graph_node_label(g, cand[i]), wg_graph_node_key(g, cand[i]));
    if (n > 10)
        wg_buf_printf(&b, " and %zu more", n - 10);
    err = wg_i_error_set(WG_EAMBIGUOUS, "'%s' is ambiguous: it names %zu nodes: %s; give the key", name, n,
                         b.ptr ? b.ptr : "");
    wg_buf_free(&b);
    return err;
}

static int report_unknown(const wg_graph *g, const char *name, char **labels)
{
    size_t n = wg_graph_node_count(g), ns = 0;
    char *q = fold(name, 1);
    size_t ql = q ? strlen(q) : 0, limit = ql / 3 > 2 ? ql / 3 : 2, *row = NULL, rowcap = 0;
    suggestion *s = NULL;
    wg_buf b = WG_BUF_INIT;
    int err;

    if (q && *q && (s = wg_i_malloc((n ? n : 1) * sizeof *s)) != NULL) {
        for (size_t v = 0; v < n; v++) {
            const char *l = labels[v];
            size_t d, ll;
            if (!l)
                continue;
            ll = strlen(l);
            if (strstr(l, q))
                d = 0; /* a part of the name: the likeliest meaning */
            else {
                if (ll + 1 > rowcap && wg_i_grow(&row, &rowcap, ll + 1, sizeof *row) < 0)
                    break;
                d = (ll > ql ? ll - ql : ql - ll) > limit ? limit + 1 : edit_distance(q, l, row);
                if (d > limit)
                    continue;
                d += 1;
            }
            s[ns].node = v;
            s[ns].score = d;
            s[ns].label = wg_graph_node_label(g, v);
            ns++;
        }
        qsort(s, ns, sizeof *s, compare_suggestions);
    }
    for (size_t i = 0; i < ns && i < 5; i++)
        wg_buf_printf(&b, "%s%s", i ? ", " : "", s[i].label);
    if (ns)
        err = wg_i_error_set(WG_ENOTFOUND, "no node named '%s'; did you mean: %s?", name, b.ptr);
    else
        err = wg_i_error_set(WG_ENOTFOUND, "no node named '%s'", name);
    wg_buf_free(&b);
    free(s);
    free(row);
    free(q);
    return err;
}

int wg_graph_find_node(const wg_graph *g, const char *name, size_t *out)
{
    size_t n = wg_graph_node_count(g), *cand = NULL, ncand = 0;
    char *q = NULL, **folded = NULL;
    int err = 0;

    if ((cand = wg_i_malloc((n ? n : 1) * sizeof *cand)) == NULL)
        return WG_ENOMEM;
    /* exact key, then exact label */
    for (int pass = 0; pass < 2 && !ncand; pass++)
        for (size_t v = 0; v < n; v++)
            if (strcmp(pass ? wg_graph_node_label(g, v) : wg_graph_node_key(g, v), name) == 0)
                cand[ncand++] = v;
    /* then case-insensitive, then accent-insensitive, on keys and labels */
    for (int strip = 0; strip < 2 && !ncand; strip++) {
        free(q);
        if ((q = fold(name, strip)) == NULL) {
            err = WG_ENOMEM;
            goto done;
        }
        if (!folded && (folded = wg_i_calloc(n ? n : 1, sizeof *folded)) == NULL) {
            err = WG_ENOMEM;
            goto done;
        }
        for (size_t v = 0; v < n; v++) {
            char *fk = fold(wg_graph_node_key(g, v), strip);
            free(folded[v]);
            folded[v] = fold(wg_graph_node_label(g, v), strip);
            if (!fk || !folded[v]) {
                free(fk);
                err = WG_ENOMEM;
                goto done;
            }
            if (*q && (matches(q, folded[v]) || matches(q, fk)))
                cand[ncand++] = v;
            free(fk);
        }
    }
    if (ncand == 1)
        *out = cand[0];
    else if (ncand > 1)
        err = report_ambiguous(g, name, cand, ncand);
    else
        err = report_unknown(g, name, folded);
done:
    if (folded)
        for (size_t v = 0; v < n; v++)
            free(folded[v]);
    free(folded);
    free(q);
    free(cand);
    return err;
}
