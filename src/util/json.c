/* A small JSON reader: one value (an object per JSONL line) into a tree.
 * Strict RFC 8259 (no comments, no trailing commas); strings must be
 * valid UTF-8 and \u escapes are decoded (surrogate pairs joined). Depth is
 * bounded so a hostile line cannot exhaust the stack. */
#include <stdlib.h>
#include <string.h>
#include "util/util.h"

#define MAX_DEPTH 64

typedef struct {
    const char *s, *end, *p;
    const char *why;
} reader;

static void skip_ws(reader *r)
{
    while (r->p < r->end && (*r->p == ' ' || *r->p == '\t' || *r->p == '\n' || *r->p == '\r'))
        r->p++;
}

static int fail(reader *r, const char *why)
{
    if (!r->why)
        r->why = why;
    return -1;
}

static int hex4(const char *p, unsigned *out)
{
    unsigned v = 0;
    for (int i = 0; i < 4; i++) {
        char c = p[i];
        v <<= 4;
        if (c >= '0' && c <= '9') v |= (unsigned)(c - '0');
        else if (c >= 'a' && c <= 'f') v |= (unsigned)(c - 'a' + 10);
        else if (c >= 'A' && c <= 'F') v |= (unsigned)(c - 'A' + 10);
        else return -1;
    }
    *out = v;
    return 0;
}

static void put_utf8(wg_buf *b, unsigned cp)
{
    char u[4];
    size_t n;
    if (cp < 0x80) u[0] = (char)cp, n = 1;
    else if (cp < 0x800) u[0] = (char)(0xC0 | cp >> 6), u[1] = (char)(0x80 | (cp & 0x3F)), n = 2;
    else if (cp < 0x10000)
        u[0] = (char)(0xE0 | cp >> 12), u[1] = (char)(0x80 | ((cp >> 6) & 0x3F)), u[2] = (char)(0x80 | (cp & 0x3F)), n = 3;
    else
        u[0] = (char)(0xF0 | cp >> 18), u[1] = (char)(0x80 | ((cp >> 12) & 0x3F)),
        u[2] = (char)(0x80 | ((cp >> 6) & 0x3F)), u[3] = (char)(0x80 | (cp & 0x3F)), n = 4;
    wg_buf_put(b, u, n);
}

static int utf8_valid(const char *s, size_t n)
{
    for (size_t i = 0, k; i < n; i += k)
        if ((k = wg_utf8_valid_len((const unsigned char *)s + i, n - i)) == 0)
            return 0;
    return 1;
}

static int parse_string(reader *r, char **out)
{
    wg_buf b = WG_BUF_INIT;
    r->p++; /* the opening quote */
    for (;;) {
        const char *start = r->p;
        while (r->p < r->end && *r->p != '"' && *r->p != '\\' && (unsigned char)*r->p >= 0x20)
            r->p++;
        wg_buf_put(&b, start, (size_t)(r->p - start));
        if (r->p >= r->end) {
            wg_buf_free(&b);
            return fail(r, "unterminated string");
        }
        if (*r->p == '"') {
            r->p++;
            break;
        }
        if ((unsigned char)*r->p < 0x20) {
            wg_buf_free(&b);
            return fail(r, "control character in a string");
        }
        /* an escape */
        if (r->end - r->p < 2) {
            wg_buf_free(&b);
            return fail(r, "unterminated string");
        }
        char c = r->p[1];
        r->p += 2;
        switch (c) {
        case '"': wg_buf_putc(&b, '"'); break;
        case '\\': wg_buf_putc(&b, '\\'); break;
        case '/': wg_buf_putc(&b, '/'); break;
        case 'b': wg_buf_putc(&b, '\b'); break;
        case 'f': wg_buf_putc(&b, '\f'); break;
        case 'n': wg_buf_putc(&b, '\n'); break;
        case 'r': wg_buf_putc(&b, '\r'); break;
        case 't': wg_buf_putc(&b, '\t'); break;
        case 'u': {
            unsigned cp, lo;
            if (r->end - r->p < 4 || hex4(r->p, &cp) < 0) {
                wg_buf_free(&b);
                return fail(r, "bad \\u escape");
            }
            r->p += 4;
            if (cp >= 0xD800 && cp <= 0xDBFF) {
                if (r->end - r->p < 6 || r->p[0] != '\\' || r->p[1] != 'u' || hex4(r->p + 2, &lo) < 0 || lo < 0xDC00 ||
                    lo > 0xDFFF) {
                    wg_buf_free(&b);
                    return fail(r, "unpaired surrogate in a \\u escape");
                }
                r->p += 6;
                cp = 0x10000 + ((cp - 0xD800) << 10) + (lo - 0xDC00);
            } else if (cp >= 0xDC00 && cp <= 0xDFFF) {
                wg_buf_free(&b);
                return fail(r, "unpaired surrogate in a \\u escape");
            }
            if (cp == 0) {
                wg_buf_free(&b);
                return fail(r, "NUL in a string");
            }
            put_utf8(&b, cp);
            break;
        }
        default: wg_buf_free(&b); return fail(r, "bad escape in a string");
        }
    }
    if (!b.ptr && wg_buf_put(&b, "", 0) < 0)
        return fail(r, "out of memory");
    if (b.failed || !utf8_valid(b.ptr, b.len)) {
        int oom = b.failed;
        wg_buf_free(&b);
        return fail(r, oom ? "out of memory" : "a string that is not UTF-8");
    }
    *out = wg_buf_detach(&b);
    return *out ? 0 : fail(r, "out of memory");
}

static int parse_number(reader *r, double *out)
{
    const char *p = r->p;
    char tmp[64];
    if (p < r->end && *p == '-')
        p++;
    if (p >= r->end || *p < '0' || *p > '9')
        return fail(r, "bad number");
    if (*p == '0')
        p++;
    else
        while (p < r->end && *p >= '0' && *p <= '9')
            p++;
    if (p < r->end && *p == '.') {
        p++;
        if (p >= r->end || *p < '0' || *p > '9')
            return fail(r, "bad number");
        while (p < r->end && *p >= '0' && *p <= '9')
            p++;
    }
    if (p < r->end && (*p == 'e' || *p == 'E')) {
        p++;
        if (p < r->end && (*p == '+' || *p == '-'))
            p++;
        if (p >= r->end || *p < '0' || *p > '9')
            return fail(r, "bad number");
        while (p < r->end && *p >= '0' && *p <= '9')
            p++;
    }
    if ((size_t)(p - r->p) >= sizeof tmp)
        return fail(r, "number too long");
    memcpy(tmp, r->p, (size_t)(p - r->p));
    tmp[p - r->p] = '\0';
    *out = strtod(tmp, NULL);
    r->p = p;
    return 0;
}

static int parse_value(reader *r, wg_json *v, int depth);

static int push_item(wg_json *v, size_t *cap)
{
    if (v->n == *cap) {
        size_t nc = *cap ? *cap * 2 : 4;
        wg_json *items = realloc(v->items, nc * sizeof *items);
        if (!items)
            return -1;
        v->items = items;
        if (v->type == WG_JSON_OBJECT) {
            char **keys = realloc(v->keys, nc * sizeof *keys);
            if (!keys)
                return -1;
            v->keys = keys;
        }
        *cap = nc;
    }
    memset(&v->items[v->n], 0, sizeof v->items[v->n]);
    if (v->type == WG_JSON_OBJECT)
        v->keys[v->n] = NULL;
    v->n++;
    return 0;
}

static int parse_container(reader *r, wg_json *v, int depth)
{
    char close = v->type == WG_JSON_OBJECT ? '}' : ']';
    size_t cap = 0;
    r->p++;
    skip_ws(r);
    if (r->p < r->end && *r->p == close) {
        r->p++;
        return 0;
    }
    for (;;) {
        skip_ws(r);
        if (push_item(v, &cap) < 0)
            return fail(r, "out of memory");
        if (v->type == WG_JSON_OBJECT) {
            if (r->p >= r->end || *r->p != '"')
                return fail(r, "expected a \"key\"");
            if (parse_string(r, &v->keys[v->n - 1]) < 0)
                return -1;
            skip_ws(r);
            if (r->p >= r->end || *r->p != ':')
                return fail(r, "expected ':'");
            r->p++;
        }
        if (parse_value(r, &v->items[v->n - 1], depth + 1) < 0)
            return -1;
        skip_ws(r);
        if (r->p < r->end && *r->p == ',') {
            r->p++;
            continue;
        }
        if (r->p < r->end && *r->p == close) {
            r->p++;
            return 0;
        }
        return fail(r, v->type == WG_JSON_OBJECT ? "expected ',' or '}'" : "expected ',' or ']'");
    }
}

static int literal(reader *r, const char *word)
{
    size_t n = strlen(word);
    if ((size_t)(r->end - r->p) < n || memcmp(r->p, word, n) != 0)
        return fail(r, "unexpected character");
    r->p += n;
    return 0;
}

static int parse_value(reader *r, wg_json *v, int depth)
{
    if (depth > MAX_DEPTH)
        return fail(r, "nested too deep");
    skip_ws(r);
    if (r->p >= r->end)
        return fail(r, "unexpected end");
    switch (*r->p) {
    case '{': v->type = WG_JSON_OBJECT; return parse_container(r, v, depth);
    case '[': v->type = WG_JSON_ARRAY; return parse_container(r, v, depth);
    case '"': v->type = WG_JSON_STRING; return parse_string(r, &v->str);
    case 't': v->type = WG_JSON_BOOL; v->num = 1; return literal(r, "true");
    case 'f': v->type = WG_JSON_BOOL; return literal(r, "false");
    case 'n': v->type = WG_JSON_NULL; return literal(r, "null");
    default: v->type = WG_JSON_NUMBER; return parse_number(r, &v->num);
    }
}

static void free_value(wg_json *v)
{
    for (size_t i = 0; i < v->n; i++) {
        free_value(&v->items[i]);
        if (v->keys)
            free(v->keys[i]);
    }
    free(v->items);
    free(v->keys);
    free(v->str);
}

int wg_json_parse(wg_json **out, const char *s, size_t len, size_t *errpos, const char **why)
{
    reader r = {s, s + len, s, NULL};
    wg_json *v = calloc(1, sizeof *v);
    *out = NULL;
    if (!v) {
        *errpos = 0;
        *why = "out of memory";
        return WG_ENOMEM;
    }
    if (parse_value(&r, v, 0) == 0) {
        skip_ws(&r);
        if (r.p == r.end) {
            *out = v;
            return 0;
        }
        r.why = "text after the value";
    }
    *errpos = (size_t)(r.p - s);
    *why = r.why;
    wg_json_free(v);
    return WG_EPARSE;
}

const wg_json *wg_json_get(const wg_json *obj, const char *key)
{
    if (!obj || obj->type != WG_JSON_OBJECT)
        return NULL;
    for (size_t i = 0; i < obj->n; i++)
        if (strcmp(obj->keys[i], key) == 0)
            return &obj->items[i];
    return NULL;
}

void wg_json_free(wg_json *v)
{
    if (!v)
        return;
    free_value(v);
    free(v);
}
