/* HTML page -> article text, through libxml2's HTML parser (no network, no
 * external entities). Boilerplate (scripts, menus, footers, comments,
 * related-article lists) is dropped; block elements become line breaks. */
#include <string.h>
#include <strings.h>
#include <libxml/HTMLparser.h>
#include <libxml/tree.h>
#include "text/text.h"

static const char *const skipped_tags[] = {
    "script", "style", "noscript", "nav", "header", "footer", "aside", "form",
    "iframe", "svg", "button", "select", "template", "object", "head", NULL};

/* class or id fragments that mark page furniture rather than the article */
static const char *const skipped_marks[] = {
    "menu", "nav", "footer", "comment", "related", "sidebar", "breadcrumb", "share",
    "social", "banner", "advert", "tags", "lienquan", "tin-khac", "tinkhac", "other-news",
    "cungchuyenmuc", "login", "search", NULL};

static const char *const block_tags[] = {
    "p", "div", "br", "h1", "h2", "h3", "h4", "h5", "h6", "li", "tr", "td", "th",
    "article", "section", "main", "blockquote", "figcaption", "pre", "table", "ul", "ol",
    "dd", "dt", "hr", NULL};

static int in_list(const char *name, const char *const *list)
{
    for (; *list; list++)
        if (strcasecmp(name, *list) == 0)
            return 1;
    return 0;
}

static int marked_as_furniture(xmlNode *n)
{
    static const char *const attrs[] = {"class", "id", "role", NULL};
    for (int a = 0; attrs[a]; a++) {
        xmlChar *v = xmlGetProp(n, (const xmlChar *)attrs[a]);
        int hit = 0;
        if (v) {
            for (int i = 0; skipped_marks[i] && !hit; i++) {
                /* compare case-insensitively, as fragments of the attribute */
                size_t m = strlen(skipped_marks[i]);
                for (const char *p = (const char *)v; *p && !hit; p++)
                    if (strncasecmp(p, skipped_marks[i], m) == 0)
                        hit = 1;
            }
            xmlFree(v);
        }
        if (hit)
            return 1;
    }
    return 0;
}

static void end_line(wg_buf *out)
{
    if (out->len && out->ptr[out->len - 1] != '\n')
        wg_buf_putc(out, '\n');
}

static void collect_text(xmlNode *n, wg_buf *out)
{
    for (; n; n = n->next) {
        if (n->type == XML_TEXT_NODE || n->type == XML_CDATA_SECTION_NODE) {
            const char *s = (const char *)n->content;
            /* collapse source whitespace: layout newlines are not paragraph breaks */
            for (; s && *s; s++) {
                char c = *s;
                if (c == '\n' || c == '\r' || c == '\t')
                    c = ' ';
                if (c == ' ' && (!out->len || out->ptr[out->len - 1] == ' ' || out->ptr[out->len - 1] == '\n'))
                    continue;
                wg_buf_putc(out, c);
            }
            continue;
        }
        if (n->type != XML_ELEMENT_NODE)
            continue;
        const char *name = (const char *)n->name;
        if (in_list(name, skipped_tags) || marked_as_furniture(n))
            continue;
        int block = in_list(name, block_tags);
        if (block)
            end_line(out);
        collect_text(n->children, out);
        if (block) {
            /* trailing spaces before a break carry nothing */
            while (out->len && out->ptr[out->len - 1] == ' ')
                out->ptr[--out->len] = '\0';
            end_line(out);
            if (strcasecmp(name, "p") == 0 || name[0] == 'h')
                wg_buf_putc(out, '\n');
        }
    }
}

static xmlNode *find_element(xmlNode *n, const char *tag)
{
    for (; n; n = n->next) {
        if (n->type == XML_ELEMENT_NODE) {
            if (strcasecmp((const char *)n->name, tag) == 0)
                return n;
            xmlNode *r = find_element(n->children, tag);
            if (r)
                return r;
        }
    }
    return NULL;
}

/* <meta property|name=WHICH content=...> */
static char *meta_content(xmlNode *n, const char *const *which)
{
    for (; n; n = n->next) {
        if (n->type != XML_ELEMENT_NODE)
            continue;
        if (strcasecmp((const char *)n->name, "meta") == 0) {
            xmlChar *p = xmlGetProp(n, (const xmlChar *)"property");
            if (!p)
                p = xmlGetProp(n, (const xmlChar *)"name");
            if (!p)
                p = xmlGetProp(n, (const xmlChar *)"itemprop");
            if (p) {
                int hit = 0;
                for (int i = 0; which[i]; i++)
                    if (strcasecmp((const char *)p, which[i]) == 0)
                        hit = 1;
                xmlFree(p);
                if (hit) {
                    xmlChar *c = xmlGetProp(n, (const xmlChar *)"content");
                    if (c) {
                        char *r = wg_i_strdup((const char *)c);
                        xmlFree(c);
                        return r;
                    }
                }
            }
        }
        char *r = meta_content(n->children, which);
        if (r)
            return r;
    }
    return NULL;
}

static char *node_text(xmlNode *n)
{
    wg_buf b = WG_BUF_INIT;
    collect_text(n->children, &b);
    while (b.len && (b.ptr[b.len - 1] == '\n' || b.ptr[b.len - 1] == ' '))
        b.ptr[--b.len] = '\0';
    for (size_t i = 0; i < b.len; i++)
        if (b.ptr[i] == '\n')
            b.ptr[i] = ' ';
    return wg_buf_detach(&b);
}

/* The element holding the article: <article>, else a div whose class says
 * so, else <body>. */
static xmlNode *article_root(xmlNode *root)
{
    static const char *const marks[] = {"article", "content", "detail", "entry", "post", "news-body",
                                        "noidung", "chitiet", NULL};
    xmlNode *a = find_element(root, "article");
    if (a)
        return a;
    for (int i = 0; marks[i]; i++) {
        /* depth-first search for a div/section whose class or id contains the mark */
        xmlNode *stack[256];
        int sp = 0;
        stack[sp++] = root;
        while (sp) {
            xmlNode *n = stack[--sp];
            for (; n; n = n->next) {
                if (n->type != XML_ELEMENT_NODE)
                    continue;
                if (strcasecmp((const char *)n->name, "div") == 0 ||
                    strcasecmp((const char *)n->name, "section") == 0) {
                    xmlChar *c = xmlGetProp(n, (const xmlChar *)"class");
                    if (!c)
                        c = xmlGetProp(n, (const xmlChar *)"id");
                    int hit = c && strstr((const char *)c, marks[i]) && !marked_as_furniture(n);
                    if (c)
                        xmlFree(c);
                    if (hit)
                        return n;
                }
                if (n->children && sp < 255)
                    stack[sp++] = n->children;
            }
        }
    }
    a = find_element(root, "body");
    return a ? a : root;
}

int wg_i_html_to_text(wg_doc *doc, wg_buf *out, char **title, char **date,
                      const char *html, size_t len)
{
    static const char *const title_meta[] = {"og:title", "twitter:title", NULL};
    static const char *const date_meta[] = {"article:published_time", "og:published_time", "pubdate",
                                            "publishdate", "date", "dc.date", "dc.date.issued",
                                            "datePublished", NULL};
    htmlDocPtr hd;
    xmlNode *root, *n;
    int options = HTML_PARSE_NONET | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING | HTML_PARSE_RECOVER;

    *title = *date = NULL;
    if (len > INT32_MAX)
        return wg_i_error_set(WG_EINPUT, "%s: HTML file too large", doc->source);
    hd = htmlReadMemory(html, (int)len, doc->source, "UTF-8", options);
    if (!hd || !(root = xmlDocGetRootElement(hd))) {
        if (hd)
            xmlFreeDoc(hd);
        return wg_i_error_set(WG_EINPUT, "%s: cannot parse as HTML", doc->source);
    }
    if ((n = find_element(root, "h1")) != NULL)
        *title = node_text(n);
    if (!*title || !**title) {
        free(*title);
        *title = meta_content(root, title_meta);
    }
    if ((!*title || !**title) && (n = find_element(root, "title")) != NULL) {
        free(*title);
        *title = node_text(n);
    }
    if ((n = find_element(root, "time")) != NULL) {
        xmlChar *dt = xmlGetProp(n, (const xmlChar *)"datetime");
        if (dt) {
            *date = wg_i_strdup((const char *)dt);
            xmlFree(dt);
        }
    }
    if (!*date)
        *date = meta_content(root, date_meta);
    if (*title && **title) {
        wg_buf_puts(out, *title);
        wg_buf_puts(out, "\n\n");
    }
    {
        size_t before = out->len;
        xmlNode *body = article_root(root);
        collect_text(body->type == XML_ELEMENT_NODE ? body->children : body, out);
        /* the article's own <h1> repeats the title we already wrote */
        if (*title && **title) {
            size_t tl = strlen(*title);
            const char *p = out->ptr + before;
            while (*p == '\n' || *p == ' ')
                p++;
            if (strncmp(p, *title, tl) == 0) {
                size_t from = (size_t)(p - out->ptr), to = from + tl;
                memmove(out->ptr + from, out->ptr + to, out->len - to + 1);
                out->len -= tl;
            }
        }
    }
    xmlFreeDoc(hd);
    if (out->failed)
        return WG_ENOMEM;
    if (!out->ptr)
        wg_buf_grow(out, 0);
    return 0;
}
