#include <string.h>
#include "util.h"

int wg_buf_grow(wg_buf *b, size_t extra)
{
    size_t need;
    if (b->failed)
        return WG_ENOMEM;
    need = b->len + extra + 1;
    if (need <= b->cap)
        return 0;
    /* most buffers are short phrases and keys: start past malloc's
     * smallest sizes instead of doubling up through them */
    if (!b->cap && need < 32)
        need = 32;
    if (wg_i_grow(&b->ptr, &b->cap, need, 1) < 0) {
        b->failed = 1;
        return WG_ENOMEM;
    }
    return 0;
}

int wg_buf_put(wg_buf *b, const char *s, size_t n)
{
    if ((b->failed || b->len + n + 1 > b->cap) && wg_buf_grow(b, n) < 0)
        return WG_ENOMEM;
    if (n)
        memcpy(b->ptr + b->len, s, n);
    b->len += n;
    b->ptr[b->len] = '\0';
    return 0;
}

int wg_buf_puts(wg_buf *b, const char *s) { return wg_buf_put(b, s, strlen(s)); }

int wg_buf_putc(wg_buf *b, char c)
{
    if (b->failed || b->len + 2 > b->cap)
        return wg_buf_put(b, &c, 1);
    b->ptr[b->len++] = c;
    b->ptr[b->len] = '\0';
    return 0;
}

int wg_buf_printf(wg_buf *b, const char *fmt, ...)
{
    va_list ap;
    int n;
    size_t room = b->failed ? 0 : b->cap - b->len; /* the NUL included */
    /* one pass when it fits the room there is, a second after growing */
    va_start(ap, fmt);
    n = vsnprintf(room ? b->ptr + b->len : NULL, room, fmt, ap);
    va_end(ap);
    if (n < 0)
        return WG_ENOMEM;
    if ((size_t)n >= room) {
        if (wg_buf_grow(b, (size_t)n) < 0)
            return WG_ENOMEM;
        va_start(ap, fmt);
        vsnprintf(b->ptr + b->len, (size_t)n + 1, fmt, ap);
        va_end(ap);
    }
    b->len += (size_t)n;
    return 0;
}

int wg_buf_put_size(wg_buf *b, size_t v)
{
    char d[24];
    size_t n = sizeof d;
    do
        d[--n] = (char)('0' + v % 10);
    while (v /= 10);
    return wg_buf_put(b, d + n, sizeof d - n);
}

int wg_buf_put_hex32(wg_buf *b, uint32_t v)
{
    static const char hex[] = "0123456789abcdef";
    char d[8];
    for (int i = 7; i >= 0; i--, v >>= 4)
        d[i] = hex[v & 15];
    return wg_buf_put(b, d, 8);
}

char *wg_buf_detach(wg_buf *b)
{
    char *p;
    if (b->failed) {
        wg_buf_free(b);
        return NULL;
    }
    if (!b->ptr && wg_buf_grow(b, 0) < 0)
        return NULL;
    b->ptr[b->len] = '\0';
    p = b->ptr;
    b->ptr = NULL;
    b->len = b->cap = 0;
    return p;
}

void wg_buf_free(wg_buf *b)
{
    free(b->ptr);
    b->ptr = NULL;
    b->len = b->cap = 0;
    b->failed = 0;
}

int wg_json_put_string(wg_buf *b, const char *s)
{
    static const char hex[] = "0123456789abcdef";
    const unsigned char *p = (const unsigned char *)(s ? s : ""), *run = p;
    wg_buf_putc(b, '"');
    for (;; p++) {
        /* bytes that need no escape are copied a run at a time */
        if (*p >= 0x20 && *p != '"' && *p != '\\')
            continue;
        wg_buf_put(b, (const char *)run, (size_t)(p - run));
        run = p + 1;
        switch (*p) {
        case '\0': return wg_buf_putc(b, '"');
        case '"': wg_buf_put(b, "\\\"", 2); break;
        case '\\': wg_buf_put(b, "\\\\", 2); break;
        case '\n': wg_buf_put(b, "\\n", 2); break;
        case '\r': wg_buf_put(b, "\\r", 2); break;
        case '\t': wg_buf_put(b, "\\t", 2); break;
        default: {
            char esc[6] = {'\\', 'u', '0', '0', hex[*p >> 4], hex[*p & 15]};
            wg_buf_put(b, esc, 6);
        }
        }
    }
}

size_t wg_utf8_valid_len(const unsigned char *s, size_t avail)
{
    unsigned c = s[0];
    if (c < 0x80)
        return 1;
    if (c >= 0xC2 && c <= 0xDF)
        return avail >= 2 && (s[1] & 0xC0) == 0x80 ? 2 : 0;
    if (c >= 0xE0 && c <= 0xEF) {
        if (avail < 3 || (s[1] & 0xC0) != 0x80 || (s[2] & 0xC0) != 0x80)
            return 0;
        if (c == 0xE0 && s[1] < 0xA0)
            return 0; /* overlong */
        if (c == 0xED && s[1] >= 0xA0)
            return 0; /* surrogate */
        return 3;
    }
    if (c >= 0xF0 && c <= 0xF4) {
        if (avail < 4 || (s[1] & 0xC0) != 0x80 || (s[2] & 0xC0) != 0x80 || (s[3] & 0xC0) != 0x80)
            return 0;
        if (c == 0xF0 && s[1] < 0x90)
            return 0;
        if (c == 0xF4 && s[1] >= 0x90)
            return 0;
        return 4;
    }
    return 0;
}

