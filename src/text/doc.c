/* wg_doc: one article, read and normalised. */
#include <string.h>
#include <strings.h>
#include "text/text.h"

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
    const char *dot = source ? strrchr(source, '.') : NULL;
    if (dot && (strcasecmp(dot, ".html") == 0 || strcasecmp(dot, ".htm") == 0))
        return 1;
    while (n && (*s == ' ' || *s == '\n' || *s == '\r' || *s == '\t')) {
        s++;
        n--;
    }
    return n >= 5 && (strncasecmp(s, "<!doc", 5) == 0 || strncasecmp(s, "<html", 5) == 0);
}

int wg_doc_new(wg_doc **out, const char *source, const char *bytes, size_t len,
               const wg_read_options *opts)
{
    static const wg_read_options defaults = WG_READ_OPTIONS_INIT;
    wg_doc *doc;
    wg_buf decoded = WG_BUF_INIT, norm = WG_BUF_INIT;
    char *html_title = NULL, *html_date = NULL;
    int err;

    *out = NULL;
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
    if (opts->kind == WG_INPUT_HTML ||
        (opts->kind == WG_INPUT_AUTO && looks_like_html(source, decoded.ptr, decoded.len))) {
        wg_buf text = WG_BUF_INIT;
        if ((err = wg_i_html_to_text(doc, &text, &html_title, &html_date, decoded.ptr, decoded.len)) < 0) {
            wg_buf_free(&text);
            goto fail;
        }
        wg_buf_free(&decoded);
        decoded = text;
    }
    if ((err = wg_i_normalize(&norm, &doc->map, decoded.ptr ? decoded.ptr : "", decoded.len, 0)) < 0)
        goto fail;
    doc->orig_len = decoded.len;
    if ((doc->orig = wg_buf_detach(&decoded)) == NULL ||
        (doc->text_len = norm.len, doc->text = wg_buf_detach(&norm)) == NULL) {
        err = WG_ENOMEM;
        goto fail;
    }
    {
        /* An input with no letters at all is not an article. */
        size_t i;
        for (i = 0; i < doc->text_len; i++)
            if ((unsigned char)doc->text[i] > ' ')
                break;
        if (i == doc->text_len) {
            err = wg_i_error_set(WG_EINPUT, "%s: empty input", doc->source);
            goto fail;
        }
    }
    if ((err = wg_i_meta(doc, html_title, html_date)) < 0)
        goto fail;
    free(html_title);
    free(html_date);
    *out = doc;
    return 0;
fail:
    free(html_title);
    free(html_date);
    wg_buf_free(&decoded);
    wg_buf_free(&norm);
    wg_doc_free(doc);
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
