/* Thread-local error messages, and the handlers that stop igraph and
 * libxml2 from aborting or printing. */
#include <errno.h>
#include <string.h>
#include <igraph.h>
#include <libxml/parser.h>
#include <libxml/xmlerror.h>
#include "util.h"

static _Thread_local char last_error[1024];

const char *wg_error_last(void) { return last_error; }

int wg_i_error_set(int code, const char *fmt, ...)
{
    va_list ap;
    int n;
    va_start(ap, fmt);
    n = vsnprintf(last_error, sizeof last_error, fmt, ap);
    va_end(ap);
    if (n >= (int)sizeof last_error) {
        /* cut before the last whole character, and say so */
        size_t end = sizeof last_error - 4, p = end;
        while (p > 0 && ((unsigned char)last_error[p] & 0xC0) == 0x80)
            p--;
        if (wg_utf8_valid_len((const unsigned char *)last_error + p, end - p) == 0)
            end = p;
        memcpy(last_error + end, "...", 4);
    }
    return code;
}

void wg_i_error_clear(void) { last_error[0] = '\0'; }

/* igraph: remember the innermost message and unwind igraph's own cleanup
 * stack; the caller sees the igraph error code and turns it into WG_EGRAPH. */
static void igraph_error_to_message(const char *reason, const char *file, int line,
                                    igraph_error_t err)
{
    (void)file;
    (void)line;
    /* copy first: `reason` may live in memory that the cleanup frees (the
     * GraphML parser's state holds its message) */
    wg_i_error_set(WG_EGRAPH, "igraph: %s (%s)", reason, igraph_strerror(err));
    IGRAPH_FINALLY_FREE();
}

static void igraph_warning_ignore(const char *reason, const char *file, int line)
{
    (void)reason; (void)file; (void)line;
}

/* libxml2 reports through this instead of printing; callers that parse keep
 * the first error themselves via xmlGetLastError(). */
static void xml_error_quiet(void *ctx, const xmlError *err)
{
    (void)ctx;
    (void)err;
}

void wg_init(void)
{
    igraph_set_error_handler(igraph_error_to_message);
    igraph_set_warning_handler(igraph_warning_ignore);
    xmlInitParser();
    xmlSetStructuredErrorFunc(NULL, (xmlStructuredErrorFunc)xml_error_quiet);
}

void *wg_i_malloc(size_t n)
{
    void *p = malloc(n ? n : 1);
    if (!p)
        wg_i_error_set(WG_ENOMEM, "out of memory");
    return p;
}

void *wg_i_calloc(size_t n, size_t size)
{
    void *p = calloc(n ? n : 1, size ? size : 1);
    if (!p)
        wg_i_error_set(WG_ENOMEM, "out of memory");
    return p;
}

void *wg_i_realloc(void *p, size_t n)
{
    void *q = realloc(p, n ? n : 1);
    if (!q)
        wg_i_error_set(WG_ENOMEM, "out of memory");
    return q;
}

char *wg_i_strndup(const char *s, size_t n)
{
    char *p = wg_i_malloc(n + 1);
    if (p) {
        memcpy(p, s, n);
        p[n] = '\0';
    }
    return p;
}

char *wg_i_strdup(const char *s) { return s ? wg_i_strndup(s, strlen(s)) : NULL; }

int wg_i_grow_to(void *items, size_t *cap, size_t need, size_t size)
{
    void **pp = items;
    size_t ncap;
    void *p;
    if (need <= *cap)
        return 0;
    ncap = *cap ? *cap : 8;
    while (ncap < need)
        ncap *= 2;
    if (ncap > SIZE_MAX / size)
        return wg_i_error_set(WG_ENOMEM, "out of memory");
    if ((p = wg_i_realloc(*pp, ncap * size)) == NULL)
        return WG_ENOMEM;
    *pp = p;
    *cap = ncap;
    return 0;
}
