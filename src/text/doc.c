/* wg_doc: one article, read and normalised. */
#include <string.h>
#include <strings.h>
#include "text/text.h"

static _Thread_local wg_skip_reason last_skip;

int wg_i_skip(wg_skip_reason reason, const char *fmt, ...)
{
    char msg[1024];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);
    last_skip = reason;
    return wg_i_error_set(WG_EINPUT, "%s", msg);
}

wg_skip_reason wg_doc_skip_reason(void) { return last_skip; }

const char *wg_skip_reason_name(wg_skip_reason r)
{
    switch (r) {
    case WG_SKIP_NONE: return "";
    case WG_SKIP_EMPTY: return "empty";
    case WG_SKIP_BINARY: return "binary";
    case WG_SKIP_UNDECODABLE: return "undecodable";
    case WG_SKIP_NO_TEXT: return "no text";
    default: return "other";
    }
}

int wg_i_doc_warn(wg_doc *doc, size_t offset, size_t line, const char *fmt, ...)
{
    char msg[512];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);
    if (wg_i_grow(&doc->warnings, &doc->warnings_cap, doc->nwarnings + 1, sizeof *doc->warnings) < 0)
        return WG_ENOMEM;
    wg_warning *w = &doc->warnings[doc->nwarnings];
    if ((w->message = wg_i_strdup(msg)) == NULL)
        return WG_ENOMEM;
    w->offset = offset;
    w->line = line;
    doc->nwarnings++;
    return 0;
}

static int looks_like_html(const char *source, const char *s, size_t n)
{
    static const char *const starts[] = {"<!doctype", "<html", "<head", "<body", "<meta", "<?xml", NULL};
    const char *dot = source ? strrchr(source, '.') : NULL;
    if (dot && (strcasecmp(dot, ".html") == 0 || strcasecmp(dot, ".htm") == 0 || strcasecmp(dot, ".xhtml") == 0))
        return 1;
    if (n >= 3 && memcmp(s, "\xEF\xBB\xBF", 3) == 0) {
        s += 3;
        n -= 3;
    }
    while (n && (*s == ' ' || *s == '\n' || *s == '\r' || *s == '\t')) {
        s++;
        n--;
    }
    for (int i = 0; starts[i]; i++) {
        size_t k = strlen(starts[i]);
        if (n >= k && strncasecmp(s, starts[i], k) == 0)
            return i < 5 || (n < 4096 ? wg_i_memfind(s, n, "<html", 5) : wg_i_memfind(s, 4096, "<html", 5)) != NULL;
    }
    return 0;
}

int wg_doc_new(wg_doc **out, const char *source, const char *bytes, size_t len,
               const wg_read_options *opts)
{
    static const wg_read_options defaults = WG_READ_OPTIONS_INIT;
    wg_doc *doc;
    wg_buf decoded = WG_BUF_INIT, html_text = WG_BUF_INIT, norm = WG_BUF_INIT;
    size_t *html_map = NULL;
    char *html_title = NULL, *html_date = NULL;
    int is_html, err;

    *out = NULL;
    last_skip = WG_SKIP_NONE;
    if (!opts)
        opts = &defaults;
    if ((doc = wg_i_calloc(1, sizeof *doc)) == NULL)
        return WG_ENOMEM;
    if ((doc->source = wg_i_strdup(source ? source : "-")) == NULL) {
        err = WG_ENOMEM;
        goto fail;
    }
    if ((err = wg_i_decode(doc, &decoded, bytes, len, opts)) < 0)
        goto fail;
    if (!decoded.ptr && (err = wg_buf_grow(&decoded, 0)) < 0)
        goto fail;
    is_html = opts->kind == WG_INPUT_HTML ||
              (opts->kind == WG_INPUT_AUTO && looks_like_html(source, decoded.ptr, decoded.len));
    if (is_html) {
        /* HTML: text with a map into the page's source */
        if ((err = wg_i_html_to_text(doc, &html_text, &html_map, &html_title, &html_date, decoded.ptr,
                                     decoded.len)) < 0)
            goto fail;
        if ((err = wg_i_normalize(&norm, &doc->map, html_text.ptr, html_text.len, 0)) < 0)
            goto fail;
        for (size_t i = 0; i <= norm.len; i++)
            doc->map[i] = html_map[doc->map[i]];
    } else if ((err = wg_i_normalize(&norm, &doc->map, decoded.ptr, decoded.len, 0)) < 0) {
        goto fail;
    }
    doc->orig_len = decoded.len;
    doc->orig = wg_buf_detach(&decoded);
    doc->text_len = norm.len;
    doc->text = wg_buf_detach(&norm);
    if (!doc->orig || !doc->text) {
        err = WG_ENOMEM;
        goto fail;
    }
    {
        /* An input with no letters or digits at all is not an article. */
        size_t i;
        for (i = 0; i < doc->text_len; i++)
            if ((unsigned char)doc->text[i] > ' ')
                break;
        if (i == doc->text_len) {
            err = wg_i_skip(WG_SKIP_NO_TEXT, is_html ? "%s: no article text in the page" : "%s: no text (only white space)",
                            doc->source);
            goto fail;
        }
    }
    if ((err = wg_i_meta(doc, html_title, html_date)) < 0)
        goto fail;
    wg_buf_free(&html_text);
    free(html_map);
    free(html_title);
    free(html_date);
    *out = doc;
    return 0;
fail:
    free(html_title);
    free(html_date);
    free(html_map);
    wg_buf_free(&html_text);
    wg_buf_free(&decoded);
    wg_buf_free(&norm);
    wg_doc_free(doc);
    if (last_skip == WG_SKIP_NONE)
        last_skip = WG_SKIP_OTHER;
    return err;
}

void wg_doc_free(wg_doc *doc)
{
    if (!doc)
        return;
    for (size_t i = 0; i < doc->nwarnings; i++)
        free((char *)doc->warnings[i].message);
    free(doc->warnings);
    free(doc->source);
    free(doc->orig);
    free(doc->text);
    free(doc->map);
    free(doc->title);
    free(doc->date);
    free(doc->date_source);
    free(doc->byline);
    free(doc);
}

const char *wg_doc_source(const wg_doc *doc) { return doc->source; }
const char *wg_doc_input(const wg_doc *doc, size_t *len)
{
    if (len)
        *len = doc->orig_len;
    return doc->orig;
}
const char *wg_doc_text(const wg_doc *doc, size_t *len)
{
    if (len)
        *len = doc->text_len;
    return doc->text;
}
const char *wg_doc_title(const wg_doc *doc) { return doc->title ? doc->title : ""; }
const char *wg_doc_date(const wg_doc *doc) { return doc->date ? doc->date : ""; }
const char *wg_doc_date_source(const wg_doc *doc) { return doc->date_source ? doc->date_source : ""; }
const char *wg_doc_byline(const wg_doc *doc) { return doc->byline ? doc->byline : ""; }
size_t wg_doc_warning_count(const wg_doc *doc) { return doc->nwarnings; }
const wg_warning *wg_doc_warning(const wg_doc *doc, size_t i)
{
    return i < doc->nwarnings ? &doc->warnings[i] : NULL;
}
