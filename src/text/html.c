/* HTML page -> article text, through libxml2's HTML parser (never the
 * network, never external entities: the HTML parser reads no DTD, and an
 * internal subset is blanked out before parsing).
 *
 * What is kept: the article's title (<h1>, og:title, <title>), its
 * publication date (<time datetime>, article:published_time and other meta
 * tags, JSON-LD datePublished), and the text of the element that holds the
 * article, minus page furniture (scripts, styles, navigation, menus,
 * headers, footers, forms, comment sections, related-article lists, share
 * buttons). Block elements end lines; <p>, <h1>-<h6> end paragraphs.
 *
 * Offsets: every byte of the text produced carries the byte offset in the
 * (decoded) HTML source of the character it came from. libxml2 does not
 * report positions, so the text nodes are located in the page's character
 * data (tags, comments, scripts and styles removed, entities decoded): text
 * that is written verbatim in the source (no entity, no tag inside) maps to
 * exactly its bytes there. Separators the extraction inserts (line breaks,
 * collapsed white space) map to the end of the character before them, so
 * that a mention's end offset is right after its last character. */
#include <ctype.h>
#include <string.h>
#include <strings.h>
#include <unicode/uchar.h>
#include <libxml/HTMLparser.h>
#include <libxml/tree.h>
#include "text/text.h"

/* ---- the page's character data, with source positions ---- */

typedef struct {
    char *s;            /* character data as UTF-8, in source order */
    size_t len, cap;
    size_t *start;      /* per byte of s: source offset of its character */
    size_t *end;        /* per byte of s: source offset after its character */
    size_t scap, ecap;
    int failed;
} chardata;

static void cd_put(chardata *c, const char *bytes, size_t n, size_t start, size_t end)
{
    if (c->failed)
        return;
    if ((c->len + n + 1 > c->cap && wg_i_grow(&c->s, &c->cap, c->len + n + 1, 1) < 0) ||
        (c->len + n + 1 > c->scap && wg_i_grow(&c->start, &c->scap, c->len + n + 1, sizeof *c->start) < 0) ||
        (c->len + n + 1 > c->ecap && wg_i_grow(&c->end, &c->ecap, c->len + n + 1, sizeof *c->end) < 0)) {
        c->failed = 1;
        return;
    }
    for (size_t i = 0; i < n; i++) {
        c->s[c->len] = bytes[i];
        c->start[c->len] = start;
        c->end[c->len] = end;
        c->len++;
    }
    c->s[c->len] = '\0';
}

static int is_xml_char(unsigned long v)
{
    return v == 0x9 || v == 0xA || v == 0xD || (v >= 0x20 && v <= 0xD7FF) || (v >= 0xE000 && v <= 0xFFFD) ||
           (v >= 0x10000 && v <= 0x10FFFF);
}

static int name_char(char c)
{
    return isalnum((unsigned char)c) || c == '_' || c == ':' || c == '.' || c == '-' || (unsigned char)c >= 0x80;
}

/* An entity or character reference at src[i] ('&'), decoded the way
 * libxml2's HTML parser does it: named references need ';' and must be
 * HTML 4 entities; numeric ones may omit ';' and vanish when invalid.
 * Returns the source length consumed (0: a literal '&') and sets *cp
 * (0: nothing is produced). */
static size_t entity_at(const char *src, size_t n, size_t i, uint32_t *cp)
{
    size_t j = i + 1;
    *cp = 0;
    if (j < n && src[j] == '#') {
        unsigned long v = 0;
        int hex = j + 1 < n && (src[j + 1] == 'x' || src[j + 1] == 'X');
        j += hex ? 2 : 1;
        while (j < n && src[j] != ';') {
            int d = hex ? (isxdigit((unsigned char)src[j]) ? (isdigit((unsigned char)src[j]) ? src[j] - '0'
                                                                   : (tolower((unsigned char)src[j]) - 'a' + 10))
                                                           : -1)
                        : (isdigit((unsigned char)src[j]) ? src[j] - '0' : -1);
            if (d < 0)
                break;
            v = v * (hex ? 16 : 10) + (unsigned long)d;
            if (v > 0x110000)
                v = 0x110000;
            j++;
        }
        if (j < n && src[j] == ';')
            j++;
        *cp = is_xml_char(v) ? (uint32_t)v : 0;
        return j - i;
    }
    size_t k = j;
    while (k < n && name_char(src[k]) && k - j < 32)
        k++;
    if (k == j || k >= n || src[k] != ';')
        return 0;
    char name[40];
    memcpy(name, src + j, k - j);
    name[k - j] = '\0';
    const htmlEntityDesc *e = htmlEntityLookup((const xmlChar *)name);
    if (!e || e->value == 0)
        return 0;
    *cp = e->value;
    return k + 1 - i;
}

static size_t skip_to(const char *src, size_t n, size_t i, char c)
{
    while (i < n && src[i] != c)
        i++;
    return i < n ? i + 1 : n;
}

/* Builds the character data of `src` the way libxml2's HTML tokenizer sees it. */
static void chardata_build(chardata *c, const char *src, size_t n)
{
    size_t i = 0;
    while (i < n && !c->failed) {
        char ch = src[i];
        if (ch == '<' && i + 1 < n) {
            char nx = src[i + 1];
            if (nx == '!' && i + 3 < n && src[i + 2] == '-' && src[i + 3] == '-') {
                const char *e = NULL;
                for (size_t k = i + 4; k + 2 < n + 0 && !e; k++)
                    if (src[k] == '-' && src[k + 1] == '-' && src[k + 2] == '>')
                        e = src + k;
                i = e ? (size_t)(e - src) + 3 : n;
                continue;
            }
            if (nx == '!' && i + 9 <= n && strncasecmp(src + i + 2, "doctype", 7) == 0) {
                i = skip_to(src, n, i, '>');
                continue;
            }
            if (nx == '?') {
                i = skip_to(src, n, i, '>');
                continue;
            }
            if (nx == '/' && i + 2 < n && isalpha((unsigned char)src[i + 2])) {
                i = skip_to(src, n, i, '>');
                continue;
            }
            if (nx == '/') {
                i += 2; /* "</" not followed by a name is dropped */
                continue;
            }
            if (isalpha((unsigned char)nx)) {
                size_t k = i + 1;
                char tag[16];
                size_t t = 0;
                while (k < n && (isalnum((unsigned char)src[k]) || src[k] == '-' || src[k] == ':')) {
                    if (t + 1 < sizeof tag)
                        tag[t++] = (char)tolower((unsigned char)src[k]);
                    k++;
                }
                tag[t] = '\0';
                /* attributes, with quoted values that may hold '>' */
                while (k < n && src[k] != '>') {
                    if (src[k] == '"' || src[k] == '\'') {
                        char q = src[k++];
                        while (k < n && src[k] != q)
                            k++;
                    }
                    if (k < n)
                        k++;
                }
                i = k < n ? k + 1 : n;
                if (strcmp(tag, "script") == 0 || strcmp(tag, "style") == 0 || strcmp(tag, "title") == 0) {
                    /* raw text up to the matching end tag (and the page's
                     * <title>, which repeats the headline: never a match) */
                    size_t tl = strlen(tag);
                    while (i < n && !(src[i] == '<' && i + 1 + tl < n && src[i + 1] == '/' &&
                                      strncasecmp(src + i + 2, tag, tl) == 0))
                        i++;
                }
                continue;
            }
        }
        if (ch == '&') {
            uint32_t cp;
            size_t used = entity_at(src, n, i, &cp);
            if (used) {
                if (cp) {
                    char u[4];
                    size_t k = wg_utf8_encode(cp, u);
                    cd_put(c, u, k, i, i + used);
                }
                i += used;
                continue;
            }
        }
        {
            uint32_t cp;
            size_t k = wg_utf8_decode(src + i, &cp);
            if (i + k > n)
                k = n - i;
            cd_put(c, src + i, k, i, i + k);
            i += k;
        }
    }
}

static void chardata_free(chardata *c)
{
    free(c->s);
    free(c->start);
    free(c->end);
}

/* ---- text output with a source offset per byte ---- */

typedef struct {
    wg_buf out;
    size_t *map;       /* per byte of out: source offset */
    size_t mapcap;
    size_t prev_end;   /* source offset after the last character written */
    const chardata *cd;
    size_t cursor;     /* where in cd the next text node is looked for */
    size_t budget;     /* bytes failed searches may still scan (bounds the time) */
} emitter;

static void emit(emitter *e, const char *bytes, size_t n, size_t src_start)
{
    size_t at = e->out.len;
    if (e->out.failed)
        return;
    if ((at + n + 1 > e->out.cap && wg_buf_grow(&e->out, n) < 0) ||
        (at + n + 1 > e->mapcap && wg_i_grow(&e->map, &e->mapcap, at + n + 1, sizeof *e->map) < 0)) {
        e->out.failed = 1;
        return;
    }
    memcpy(e->out.ptr + at, bytes, n);
    e->out.len += n;
    e->out.ptr[e->out.len] = '\0';
    for (size_t i = 0; i < n; i++)
        e->map[at + i] = src_start;
}

/* A separator we insert: it points just after the text before it. */
static void emit_sep(emitter *e, char c) { emit(e, &c, 1, e->prev_end); }

static char last_char(const emitter *e) { return e->out.len ? e->out.ptr[e->out.len - 1] : '\n'; }

static void end_line(emitter *e)
{
    while (e->out.len && e->out.ptr[e->out.len - 1] == ' ')
        e->out.ptr[--e->out.len] = '\0'; /* trailing spaces before a break carry nothing */
    if (e->out.len && last_char(e) != '\n')
        emit_sep(e, '\n');
}

static void end_paragraph(emitter *e)
{
    end_line(e);
    if (e->out.len >= 2 && e->out.ptr[e->out.len - 2] != '\n')
        emit_sep(e, '\n');
}

/* Where the node's text is in the character data: exact match from the
 * cursor; else, from the first place its beginning matches, character by
 * character, skipping what the source has and the node has not. `pos`
 * gets, per byte of text, an index into cd (or SIZE_MAX: not found). */
#define SEARCH_WINDOW ((size_t)1 << 18)
static void locate(emitter *e, const char *text, size_t n, size_t *pos)
{
    const chardata *cd = e->cd;
    size_t from = e->cursor, limit = cd->len - from > SEARCH_WINDOW ? from + SEARCH_WINDOW : cd->len;
    const char *hit;
    if (limit - from > e->budget)
        limit = from + e->budget;
    hit = n <= limit - from ? wg_i_memfind(cd->s + from, limit - from, text, n) : NULL;
    if (!hit)
        e->budget -= limit - from;
    if (hit) {
        size_t at = (size_t)(hit - cd->s);
        for (size_t i = 0; i < n; i++)
            pos[i] = at + i;
        e->cursor = at + n;
        return;
    }
    /* anchor on a prefix, then align greedily */
    size_t pre = n < 12 ? n : 12;
    if (limit - from > e->budget)
        limit = from + e->budget;
    hit = pre <= limit - from ? wg_i_memfind(cd->s + from, limit - from, text, pre) : NULL;
    e->budget -= hit ? (size_t)(hit - (cd->s + from)) : limit - from;
    size_t j = hit ? (size_t)(hit - cd->s) : SIZE_MAX;
    for (size_t i = 0; i < n;) {
        uint32_t cp;
        size_t k = wg_utf8_decode(text + i, &cp);
        if (i + k > n)
            k = n - i;
        size_t found = SIZE_MAX;
        if (j != SIZE_MAX)
            for (size_t t = j; t < cd->len && t < j + 64; t++)
                if (t + k <= cd->len && memcmp(cd->s + t, text + i, k) == 0) {
                    found = t;
                    break;
                }
        for (size_t b = 0; b < k; b++)
            pos[i + b] = found == SIZE_MAX ? SIZE_MAX : found + b;
        if (found != SIZE_MAX)
            j = found + k;
        i += k;
    }
    if (j != SIZE_MAX)
        e->cursor = j;
}

/* Writes a text node: white space collapsed (layout newlines are not
 * paragraph breaks), each character mapped to the source. */
static void emit_text(emitter *e, const char *text)
{
    size_t n = strlen(text), blank = 1;
    size_t *pos;
    for (size_t i = 0; i < n && blank; i++)
        blank = text[i] == ' ' || text[i] == '\n' || text[i] == '\r' || text[i] == '\t';
    if (blank) {
        if (n && last_char(e) != ' ' && last_char(e) != '\n')
            emit_sep(e, ' ');
        return;
    }
    if ((pos = wg_i_malloc((n + 1) * sizeof *pos)) == NULL) {
        e->out.failed = 1;
        return;
    }
    locate(e, text, n, pos);
    for (size_t i = 0; i < n;) {
        uint32_t cp;
        size_t k = wg_utf8_decode(text + i, &cp);
        if (i + k > n)
            k = n - i;
        int space = text[i] == ' ' || text[i] == '\n' || text[i] == '\r' || text[i] == '\t';
        size_t start = pos[i] != SIZE_MAX ? e->cd->start[pos[i]] : e->prev_end;
        size_t end = pos[i] != SIZE_MAX ? e->cd->end[pos[i]] : e->prev_end;
        if (space) {
            if (last_char(e) != ' ' && last_char(e) != '\n')
                emit_sep(e, ' ');
        } else {
            /* punctuation right after an inline tag ("<b>Tên</b>,") points
             * back to the text before the tag, so that a mention ending
             * there ends before the tag */
            if (start != e->prev_end && e->out.len && last_char(e) != ' ' && last_char(e) != '\n' &&
                !u_isalnum((UChar32)cp))
                start = e->prev_end;
            emit(e, text + i, k, start);
            e->prev_end = end;
        }
        i += k;
    }
    free(pos);
}

/* ---- what is page furniture ---- */

static const char *const skipped_tags[] = {
    "script", "style", "noscript", "nav", "header", "footer", "aside", "form", "iframe", "svg",
    "button", "select", "option", "textarea", "template", "object", "embed", "audio", "video",
    "canvas", "map", "head", "menu", "dialog", NULL};

/* class/id words that mark furniture: a whole word of the attribute (split
 * at spaces, '-' and '_') equal to one of these or starting with it */
static const char *const furniture_words[] = {
    "nav", "navbar", "menu", "submenu", "footer", "header", "sidebar", "breadcrumb", "breadcrumbs",
    "comment", "comments", "binhluan", "ykien", "related", "lienquan", "tinlienquan", "tinkhac",
    "cungchuyenmuc", "xemthem", "docthem", "share", "sharing", "social", "banner", "advert", "ads",
    "advertisement", "quangcao", "tags", "tag", "keyword", "keywords", "login", "search", "timkiem",
    "print", "toolbar", "pagination", "paging", "copyright", "widget", "popup", "modal", "cookie",
    "weather", "hotline", "mostview", "mostviewed", "docnhieu", "xemnhieu", "newsletter", "rating",
    "skip", "logo", "sitemap", NULL};

/* a sequence of words in the attribute ("tin-lien-quan", "other news") */
static const char *const furniture_phrases[] = {
    "tin lien quan", "bai lien quan", "tin khac", "tin cung chuyen muc", "cung chuyen muc", "other news",
    "more news", "xem them", "doc them", "binh luan", "y kien", "tin moi", "tin doc nhieu",
    "tin xem nhieu", "most read", "read more", "see also", NULL};

/* The attribute value as lower-case ASCII words separated by one space. */
static void attr_words(const char *v, char *out, size_t cap)
{
    size_t o = 0;
    int sep = 1;
    for (; *v && o + 2 < cap; v++) {
        unsigned char c = (unsigned char)*v;
        if (isalnum(c)) {
            if (sep && o)
                out[o++] = ' ';
            out[o++] = (char)tolower(c);
            sep = 0;
        } else {
            sep = 1;
        }
    }
    out[o] = '\0';
}

static int words_mark_furniture(const char *words)
{
    char padded[520];
    snprintf(padded, sizeof padded, " %s ", words);
    for (int i = 0; furniture_phrases[i]; i++) {
        char p[64];
        snprintf(p, sizeof p, " %s ", furniture_phrases[i]);
        if (strstr(padded, p))
            return 1;
    }
    for (const char *w = words; *w;) {
        const char *e = strchr(w, ' ');
        size_t len = e ? (size_t)(e - w) : strlen(w);
        for (int i = 0; furniture_words[i]; i++) {
            size_t m = strlen(furniture_words[i]);
            /* the word itself, or it followed by a plural or a number ("menu2", "tags") */
            if (len >= m && strncmp(w, furniture_words[i], m) == 0 &&
                (len == m || w[m] == 's' || isdigit((unsigned char)w[m]) ||
                 (m >= 5 && len > m)))
                return 1;
        }
        w += len;
        while (*w == ' ')
            w++;
    }
    return 0;
}

static int marked_as_furniture(xmlNode *n)
{
    static const char *const attrs[] = {"class", "id", "role", NULL};
    char words[512];
    for (int a = 0; attrs[a]; a++) {
        xmlChar *v = xmlGetProp(n, (const xmlChar *)attrs[a]);
        int hit = 0;
        if (v) {
            attr_words((const char *)v, words, sizeof words);
            /* role="main"/"article" is content whatever else the element says */
            hit = words_mark_furniture(words);
            xmlFree(v);
        }
        if (hit)
            return 1;
    }
    {
        xmlChar *hidden = xmlGetProp(n, (const xmlChar *)"hidden");
        xmlChar *aria = xmlGetProp(n, (const xmlChar *)"aria-hidden");
        int h = hidden != NULL || (aria && strcasecmp((const char *)aria, "true") == 0);
        xmlFree(hidden);
        xmlFree(aria);
        if (h)
            return 1;
    }
    return 0;
}

static int in_list(const char *name, const char *const *list)
{
    for (; *list; list++)
        if (strcasecmp(name, *list) == 0)
            return 1;
    return 0;
}

/* Inline elements are part of the sentence they sit in, whatever their
 * class says (a name linked to its tag page: <a class="tag-link">). */
static const char *const inline_tags[] = {
    "a", "span", "b", "strong", "i", "em", "u", "font", "small", "big", "sup", "sub", "abbr", "cite",
    "code", "mark", "q", "s", "time", "label", "var", "kbd", "samp", "dfn", "bdi", "bdo", "ins", "del", NULL};

static int is_furniture(xmlNode *n)
{
    if (n->type != XML_ELEMENT_NODE)
        return 0;
    if (in_list((const char *)n->name, skipped_tags))
        return 1;
    return !in_list((const char *)n->name, inline_tags) && marked_as_furniture(n);
}

/* A list whose items are mostly links: a menu or a related-articles list,
 * however it is marked up. */
static int is_link_list(xmlNode *n)
{
    const char *name = (const char *)n->name;
    size_t items = 0, linked = 0;
    if (strcasecmp(name, "ul") != 0 && strcasecmp(name, "ol") != 0)
        return 0;
    for (xmlNode *c = n->children; c; c = c->next) {
        if (c->type != XML_ELEMENT_NODE || strcasecmp((const char *)c->name, "li") != 0)
            continue;
        items++;
        /* an item that is only a link (maybe with a date or picture) */
        size_t text_total = 0, text_linked = 0;
        xmlNode *stack[64];
        int sp = 0;
        stack[sp++] = c->children;
        while (sp) {
            for (xmlNode *k = stack[--sp]; k; k = k->next) {
                if (k->type == XML_TEXT_NODE) {
                    size_t l = 0;
                    for (const xmlChar *p = k->content; p && *p; p++)
                        l += !isspace(*p);
                    text_total += l;
                    for (xmlNode *up = k->parent; up && up != c; up = up->parent)
                        if (up->type == XML_ELEMENT_NODE && strcasecmp((const char *)up->name, "a") == 0) {
                            text_linked += l;
                            break;
                        }
                } else if (k->type == XML_ELEMENT_NODE && k->children && sp < 63) {
                    stack[sp++] = k->children;
                }
            }
        }
        if (text_total && text_linked * 10 >= text_total * 8)
            linked++;
    }
    return items >= 2 && linked * 10 >= items * 8;
}

static const char *const block_tags[] = {
    "p", "div", "br", "h1", "h2", "h3", "h4", "h5", "h6", "li", "tr", "td", "th", "article", "section",
    "main", "blockquote", "figure", "figcaption", "pre", "table", "tbody", "thead", "ul", "ol", "dl",
    "dd", "dt", "hr", "address", "center", "caption", NULL};

static int is_paragraph_tag(const char *name)
{
    return strcasecmp(name, "p") == 0 || strcasecmp(name, "blockquote") == 0 || strcasecmp(name, "table") == 0 ||
           ((name[0] == 'h' || name[0] == 'H') && name[1] >= '1' && name[1] <= '6' && !name[2]);
}

/* Deeper than this the tree is not an article's (and recursion must stop). */
#define MAX_DEPTH 200

/* Is any element nested deeper than MAX_DEPTH? Iterative: the tree may
 * be as deep as libxml2 allows (256). */
static int too_deep(xmlNode *root)
{
    int depth = 0;
    for (xmlNode *n = root; n;) {
        if (n->type == XML_ELEMENT_NODE && depth > MAX_DEPTH)
            return 1;
        if (n->children && n->type == XML_ELEMENT_NODE) {
            n = n->children;
            depth++;
            continue;
        }
        while (n && !n->next && n != root) {
            n = n->parent;
            depth--;
        }
        if (!n || n == root)
            break;
        n = n->next;
    }
    return 0;
}

static void collect(emitter *e, xmlNode *n, xmlNode *skip, int depth)
{
    if (depth > MAX_DEPTH)
        return;
    for (; n; n = n->next) {
        if (n == skip)
            continue;
        if (n->type == XML_TEXT_NODE || n->type == XML_CDATA_SECTION_NODE) {
            if (n->content)
                emit_text(e, (const char *)n->content);
            continue;
        }
        if (n->type != XML_ELEMENT_NODE || is_furniture(n) || is_link_list(n))
            continue;
        const char *name = (const char *)n->name;
        if (strcasecmp(name, "br") == 0) {
            /* one <br> ends a line, two end a paragraph */
            if (e->out.len && last_char(e) == '\n' && (e->out.len < 2 || e->out.ptr[e->out.len - 2] != '\n'))
                emit_sep(e, '\n');
            else
                end_line(e);
            continue;
        }
        int block = in_list(name, block_tags);
        if (block)
            end_line(e);
        collect(e, n->children, skip, depth + 1);
        if (block) {
            if (is_paragraph_tag(name))
                end_paragraph(e);
            else
                end_line(e);
        }
    }
}

/* ---- finding things in the tree ---- */

typedef int (*node_test)(xmlNode *n, const void *arg);

/* First element in document order under `n` (siblings included) passing
 * `test`, not entering furniture when `avoid_furniture`. */
static xmlNode *find_first_at(xmlNode *n, node_test test, const void *arg, int avoid_furniture, int depth)
{
    if (depth > MAX_DEPTH)
        return NULL;
    for (; n; n = n->next) {
        if (n->type != XML_ELEMENT_NODE)
            continue;
        if (avoid_furniture && (marked_as_furniture(n) || is_link_list(n) ||
                                in_list((const char *)n->name, (const char *const[]){"nav", "footer", "aside",
                                                                                     "script", "style", "form",
                                                                                     NULL})))
            continue;
        if (test(n, arg))
            return n;
        xmlNode *r = find_first_at(n->children, test, arg, avoid_furniture, depth + 1);
        if (r)
            return r;
    }
    return NULL;
}

static xmlNode *find_first(xmlNode *n, node_test test, const void *arg, int avoid_furniture)
{
    return find_first_at(n, test, arg, avoid_furniture, 0);
}

static int is_tag(xmlNode *n, const void *tag) { return strcasecmp((const char *)n->name, tag) == 0; }

static int has_attr_value(xmlNode *n, const char *attr, const char *value)
{
    xmlChar *v = xmlGetProp(n, (const xmlChar *)attr);
    int hit = v && strcasecmp((const char *)v, value) == 0;
    xmlFree(v);
    return hit;
}

static int is_article_body(xmlNode *n, const void *arg)
{
    (void)arg;
    return has_attr_value(n, "itemprop", "articleBody");
}

/* class or id naming the article's body, as many CMSs write it */
static int is_marked_body(xmlNode *n, const void *arg)
{
    static const char *const marks[] = {"article body", "articlebody", "article content", "article detail",
                                        "news content", "news detail", "newsdetail", "detail content",
                                        "content detail", "post content", "entry content", "noidung",
                                        "noi dung", "chitiet", "chi tiet", "detail", "fulltext", "body text",
                                        "content", NULL};
    static const char *const attrs[] = {"class", "id", NULL};
    char words[512], padded[520];
    (void)arg;
    if (strcasecmp((const char *)n->name, "div") != 0 && strcasecmp((const char *)n->name, "section") != 0 &&
        strcasecmp((const char *)n->name, "td") != 0)
        return 0;
    for (int a = 0; attrs[a]; a++) {
        xmlChar *v = xmlGetProp(n, (const xmlChar *)attrs[a]);
        if (!v)
            continue;
        attr_words((const char *)v, words, sizeof words);
        xmlFree(v);
        snprintf(padded, sizeof padded, " %s ", words);
        for (int i = 0; marks[i]; i++) {
            char p[64];
            snprintf(p, sizeof p, " %s ", marks[i]);
            if (strstr(padded, p) && !words_mark_furniture(words))
                return 1;
        }
    }
    return 0;
}

static int contains(xmlNode *outer, xmlNode *inner)
{
    for (; inner; inner = inner->parent)
        if (inner == outer)
            return 1;
    return 0;
}

/* Visible text length of a subtree, furniture excluded. */
static size_t text_weight_at(xmlNode *n, int depth)
{
    size_t w = 0;
    if (depth > MAX_DEPTH)
        return 0;
    for (; n; n = n->next) {
        if (n->type == XML_TEXT_NODE) {
            for (const xmlChar *p = n->content; p && *p; p++)
                w += !isspace(*p);
        } else if (n->type == XML_ELEMENT_NODE && !is_furniture(n) && !is_link_list(n) &&
                   strcasecmp((const char *)n->name, "a") != 0) {
            w += text_weight_at(n->children, depth + 1);
        }
    }
    return w;
}

static size_t text_weight(xmlNode *n) { return text_weight_at(n, 0); }

/* The element whose paragraphs hold the most text (text in <p> children
 * counts fully for the parent, half for the grandparent). Scores are kept
 * in the nodes' _private field, which libxml2 leaves to applications. */
static void credit(xmlNode *n, size_t s) { n->_private = (void *)((uintptr_t)n->_private + s); }

static void score_paragraphs(xmlNode *n, int depth)
{
    if (depth > MAX_DEPTH)
        return;
    for (; n; n = n->next) {
        if (n->type != XML_ELEMENT_NODE || is_furniture(n) || is_link_list(n))
            continue;
        const char *name = (const char *)n->name;
        if (strcasecmp(name, "p") == 0) {
            size_t w = text_weight(n->children);
            if (w >= 20 && n->parent && n->parent->type == XML_ELEMENT_NODE) {
                credit(n->parent, w);
                if (n->parent->parent && n->parent->parent->type == XML_ELEMENT_NODE)
                    credit(n->parent->parent, w / 2);
            }
        } else if (strcasecmp(name, "div") == 0 || strcasecmp(name, "td") == 0) {
            /* running text without <p> (lines split by <br>): its own text nodes count */
            size_t w = 0;
            for (xmlNode *k = n->children; k; k = k->next)
                if (k->type == XML_TEXT_NODE)
                    for (const xmlChar *p = k->content; p && *p; p++)
                        w += !isspace(*p);
            if (w >= 80)
                credit(n, w);
        }
        score_paragraphs(n->children, depth + 1);
    }
}

static void best_scored(xmlNode *n, xmlNode **best, int depth)
{
    if (depth > MAX_DEPTH)
        return;
    for (; n; n = n->next) {
        if (n->type != XML_ELEMENT_NODE)
            continue;
        if ((uintptr_t)n->_private > (*best ? (uintptr_t)(*best)->_private : 0))
            *best = n;
        best_scored(n->children, best, depth + 1);
    }
}

static xmlNode *densest(xmlNode *root)
{
    xmlNode *best = NULL;
    score_paragraphs(root, 0);
    best_scored(root, &best, 0);
    return best;
}

/* The element holding the article: an articleBody, <article> or an element
 * marked as the content, when it holds the densest text; else the densest
 * text's element; else <body>. */
static xmlNode *article_root(xmlNode *root)
{
    xmlNode *dense = densest(root);
    xmlNode *marked = find_first(root, is_article_body, NULL, 1);
    if (!marked)
        marked = find_first(root, is_tag, "article", 1);
    if (!marked)
        marked = find_first(root, is_marked_body, NULL, 1);
    if (marked && !dense)
        return marked;
    if (marked && contains(marked, dense)) {
        /* the marked element, unless it is a page wrapper around much more */
        size_t wm = text_weight(marked->children), wd = text_weight(dense->children);
        return wm <= wd + wd / 2 + 300 ? marked : dense;
    }
    if (marked && contains(dense, marked)) {
        size_t wm = text_weight(marked->children), wd = text_weight(dense->children);
        return wm * 2 >= wd ? marked : dense;
    }
    if (dense)
        return dense;
    marked = find_first(root, is_tag, "body", 0);
    return marked ? marked : root;
}

/* <meta property|name|itemprop=WHICH content=...>, the first in `which` order. */
static char *meta_content(xmlNode *root, const char *const *which)
{
    for (int i = 0; which[i]; i++) {
        xmlNode *stack[128];
        int sp = 0;
        stack[sp++] = root;
        while (sp) {
            for (xmlNode *n = stack[--sp]; n; n = n->next) {
                if (n->type != XML_ELEMENT_NODE)
                    continue;
                if (strcasecmp((const char *)n->name, "meta") == 0 &&
                    (has_attr_value(n, "property", which[i]) || has_attr_value(n, "name", which[i]) ||
                     has_attr_value(n, "itemprop", which[i]))) {
                    xmlChar *c = xmlGetProp(n, (const xmlChar *)"content");
                    if (c && *c) {
                        char *r = wg_i_strdup((const char *)c);
                        xmlFree(c);
                        return r;
                    }
                    xmlFree(c);
                }
                if (n->children && sp < 127)
                    stack[sp++] = n->children;
            }
        }
    }
    return NULL;
}

static int is_time_with_datetime(xmlNode *n, const void *arg)
{
    xmlChar *v;
    int hit;
    (void)arg;
    if (strcasecmp((const char *)n->name, "time") != 0)
        return 0;
    v = xmlGetProp(n, (const xmlChar *)"datetime");
    hit = v && *v;
    xmlFree(v);
    return hit;
}

static int is_date_published(xmlNode *n, const void *arg)
{
    (void)arg;
    return strcasecmp((const char *)n->name, "meta") != 0 && has_attr_value(n, "itemprop", "datePublished");
}

/* "datePublished": "..." in a JSON-LD block. */
static int is_json_ld(xmlNode *n, const void *arg)
{
    (void)arg;
    return strcasecmp((const char *)n->name, "script") == 0 && has_attr_value(n, "type", "application/ld+json");
}

static char *json_ld_date(xmlNode *root)
{
    xmlNode *s = find_first(root, is_json_ld, NULL, 0);
    if (s) {
        xmlChar *t = xmlNodeGetContent(s);
        const char *p = t ? strstr((const char *)t, "\"datePublished\"") : NULL;
        char *r = NULL;
        if (p) {
            p += strlen("\"datePublished\"");
            while (*p == ' ' || *p == ':' || *p == '\t' || *p == '\n' || *p == '\r')
                p++;
            if (*p == '"') {
                const char *q = strchr(p + 1, '"');
                if (q && q - p < 64)
                    r = wg_i_strndup(p + 1, (size_t)(q - p - 1));
            }
        }
        xmlFree(t);
        return r;
    }
    return NULL;
}

static char *attr_or_text(xmlNode *n, const char *attr)
{
    xmlChar *v = xmlGetProp(n, (const xmlChar *)attr);
    char *r;
    if (!v || !*v) {
        xmlFree(v);
        v = xmlNodeGetContent(n);
    }
    r = v ? wg_i_strdup((const char *)v) : NULL;
    xmlFree(v);
    return r;
}

static char *find_date(xmlNode *root, xmlNode *body)
{
    static const char *const date_meta[] = {"article:published_time", "og:published_time", "datePublished",
                                            "pubdate", "publishdate", "publish-date", "date", "dc.date.issued",
                                            "dc.date", "dcterms.date", "dcterms.created", "citation_date",
                                            "article:modified_time", NULL};
    xmlNode *n;
    char *d;
    /* the article's own <time>, then the page's metadata, then any <time> */
    if ((n = find_first(body, is_time_with_datetime, NULL, 1)) != NULL ||
        (n = find_first(body, is_date_published, NULL, 1)) != NULL) {
        if ((d = attr_or_text(n, strcasecmp((const char *)n->name, "time") == 0 ? "datetime" : "content")) != NULL)
            return d;
    }
    if ((d = meta_content(root, date_meta)) != NULL || (d = json_ld_date(root)) != NULL)
        return d;
    if ((n = find_first(root, is_date_published, NULL, 1)) != NULL ||
        (n = find_first(root, is_time_with_datetime, NULL, 1)) != NULL)
        return attr_or_text(n, strcasecmp((const char *)n->name, "time") == 0 ? "datetime" : "content");
    return NULL;
}

/* An author element the article root does not contain ("tac-gia", itemprop=author). */
static int is_author(xmlNode *n, const void *arg)
{
    static const char *const marks[] = {"author", "tacgia", "tac gia", "byline", "nguoiviet", "signature", NULL};
    char words[512], padded[520];
    xmlChar *v;
    (void)arg;
    if (has_attr_value(n, "itemprop", "author") || has_attr_value(n, "rel", "author"))
        return strcasecmp((const char *)n->name, "meta") != 0 && strcasecmp((const char *)n->name, "link") != 0;
    if ((v = xmlGetProp(n, (const xmlChar *)"class")) == NULL)
        return 0;
    attr_words((const char *)v, words, sizeof words);
    xmlFree(v);
    snprintf(padded, sizeof padded, " %s ", words);
    for (int i = 0; marks[i]; i++) {
        char p[64];
        snprintf(p, sizeof p, " %s ", marks[i]);
        if (strstr(padded, p))
            return 1;
    }
    return 0;
}

/* Is n after `ref` in document order (and not inside it)? */
static int follows(xmlNode *ref, xmlNode *n)
{
    if (contains(ref, n) || contains(n, ref))
        return 0;
    for (xmlNode *a = ref; a; a = a->parent)
        for (xmlNode *s = a->next; s; s = s->next)
            if (contains(s, n))
                return 1;
    return 0;
}

/* Removes spaces and line breaks at both ends and turns inner line breaks
 * into spaces (a title is one line). */
static void one_line(emitter *e)
{
    size_t from = 0;
    while (from < e->out.len && (e->out.ptr[from] == ' ' || e->out.ptr[from] == '\n'))
        from++;
    if (from) {
        memmove(e->out.ptr, e->out.ptr + from, e->out.len - from + 1);
        memmove(e->map, e->map + from, (e->out.len - from) * sizeof *e->map);
        e->out.len -= from;
    }
    while (e->out.len && (e->out.ptr[e->out.len - 1] == ' ' || e->out.ptr[e->out.len - 1] == '\n'))
        e->out.ptr[--e->out.len] = '\0';
    for (size_t i = 0; i < e->out.len; i++)
        if (e->out.ptr[i] == '\n')
            e->out.ptr[i] = ' ';
}

/* Blanks (same length, offsets unchanged) what libxml2 should not see: a
 * byte order mark and a DOCTYPE's internal subset, whose entity
 * declarations are never to be read. */
static void defuse(char *s, size_t n)
{
    if (n >= 3 && (unsigned char)s[0] == 0xEF && (unsigned char)s[1] == 0xBB && (unsigned char)s[2] == 0xBF)
        memset(s, ' ', 3);
    for (size_t i = 0; i + 9 < n; i++) {
        if (s[i] != '<' || s[i + 1] != '!' || strncasecmp(s + i + 2, "doctype", 7) != 0)
            continue;
        size_t k = i + 9;
        while (k < n && s[k] != '>' && s[k] != '[')
            k++;
        if (k < n && s[k] == '[') {
            size_t end = k;
            while (end < n && !(s[end] == ']' && (end + 1 >= n || s[end + 1] == '>' || isspace((unsigned char)s[end + 1]))))
                end++;
            memset(s + k, ' ', (end < n ? end + 1 : n) - k);
        }
        break;
    }
}

int wg_i_html_to_text(wg_doc *doc, wg_buf *out, size_t **map, char **title, char **date,
                      const char *html, size_t len)
{
    static const char *const title_meta[] = {"og:title", "twitter:title", "title", NULL};
    htmlDocPtr hd = NULL;
    xmlNode *root, *body, *h1;
    chardata cd = {0};
    emitter t = {WG_BUF_INIT, NULL, 0, 0, NULL, 0, 0}, b = {WG_BUF_INIT, NULL, 0, 0, NULL, 0, 0};
    char *copy = NULL;
    int err = 0;
    int options = HTML_PARSE_NONET | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING | HTML_PARSE_RECOVER;

    *title = *date = NULL;
    *map = NULL;
    if (len > INT32_MAX)
        return wg_i_skip(WG_SKIP_OTHER, "%s: HTML file too large", doc->source);
    if ((copy = wg_i_strndup(html, len)) == NULL)
        return WG_ENOMEM;
    defuse(copy, len);
    hd = htmlReadMemory(copy, (int)len, NULL, "UTF-8", options);
    if (!hd || !(root = xmlDocGetRootElement(hd))) {
        err = wg_i_skip(WG_SKIP_NO_TEXT, "%s: cannot parse as HTML", doc->source);
        goto done;
    }
    chardata_build(&cd, copy, len);
    if (cd.failed) {
        err = WG_ENOMEM;
        goto done;
    }
    t.cd = b.cd = &cd;
    t.budget = b.budget = 16 * cd.len + ((size_t)1 << 20);
    body = article_root(root);

    /* title: the article's <h1>, og:title, the page's first <h1>, <title> */
    h1 = find_first(body, is_tag, "h1", 1);
    if (!h1) {
        *title = meta_content(root, title_meta);
        if (!*title || !**title) {
            free(*title);
            *title = NULL;
            h1 = find_first(root, is_tag, "h1", 1);
        }
    }
    if (!h1 && !*title) {
        xmlNode *tn = find_first(root, is_tag, "title", 0);
        xmlChar *v = tn ? xmlNodeGetContent(tn) : NULL;
        *title = v ? wg_i_strdup((const char *)v) : NULL;
        xmlFree(v);
    }
    if (h1) {
        collect(&t, h1->children, NULL, 0);
        one_line(&t);
    } else if (*title) {
        /* an attribute or the page's <title>: where it is written verbatim, if anywhere */
        const char *at = wg_i_memfind(copy, len, *title, strlen(*title));
        size_t off = at ? (size_t)(at - copy) : 0;
        for (size_t i = 0; (*title)[i]; i++) {
            char c = (*title)[i];
            if (c == '\n' || c == '\r' || c == '\t')
                c = ' ';
            emit(&t, &c, 1, at ? off + i : 0);
            t.prev_end = at ? off + i + 1 : 0;
        }
        one_line(&t);
    }
    free(*title);
    *title = t.out.len ? wg_i_strndup(t.out.ptr, t.out.len) : NULL;

    *date = find_date(root, body);

    /* the body, without the title's <h1> (it goes first) */
    if (body == root || body->type != XML_ELEMENT_NODE)
        collect(&b, body, h1, 0);
    else
        collect(&b, body->children, h1 && contains(body, h1) ? h1 : NULL, 0);
    {
        xmlNode *author = find_first(root, is_author, NULL, 0);
        if (author && follows(body, author)) {
            end_paragraph(&b);
            collect(&b, author->children, NULL, 0);
        }
    }
    end_line(&b);
    if (b.out.failed || t.out.failed || (*title == NULL && t.out.len)) {
        err = WG_ENOMEM;
        goto done;
    }
    {
        /* the headline first, unless the body already opens with it */
        size_t from = 0, line;
        while (from < b.out.len && (b.out.ptr[from] == '\n' || b.out.ptr[from] == ' '))
            from++;
        line = from;
        while (line < b.out.len && b.out.ptr[line] != '\n')
            line++;
        int opens = t.out.len && line - from == t.out.len && memcmp(b.out.ptr + from, t.out.ptr, t.out.len) == 0;
        if (t.out.len && !opens) {
            emit_sep(&t, '\n');
            emit_sep(&t, '\n');
        }
        if (t.out.len && !opens) {
            for (size_t i = 0; i < b.out.len; i++)
                emit(&t, b.out.ptr + i, 1, b.map[i]);
            t.prev_end = b.out.len ? b.prev_end : t.prev_end;
            emitter tmp = t;
            t = b;
            b = tmp;
        }
    }
    if (b.out.failed || wg_i_grow(&b.map, &b.mapcap, b.out.len + 1, sizeof *b.map) < 0) {
        err = WG_ENOMEM;
        goto done;
    }
    b.map[b.out.len] = b.prev_end;
    if (!b.out.ptr && wg_buf_grow(&b.out, 0) < 0) {
        err = WG_ENOMEM;
        goto done;
    }
    if (too_deep(root)) {
        /* say what was lost, rather than "no article text" */
        size_t i = 0;
        while (i < b.out.len && (unsigned char)b.out.ptr[i] <= ' ')
            i++;
        if (i == b.out.len) {
            err = wg_i_skip(WG_SKIP_NO_TEXT, "%s: HTML nested deeper than %d elements: its text is not read",
                            doc->source, MAX_DEPTH);
            goto done;
        }
        if ((err = wg_i_doc_warn(doc, 0, 0, "HTML nested deeper than %d elements: the text that deep is not read",
                                 MAX_DEPTH)) < 0)
            goto done;
    }
    *out = b.out;
    *map = b.map;
    b.out = (wg_buf)WG_BUF_INIT;
    b.map = NULL;
done:
    if (err) {
        free(*title);
        free(*date);
        *title = *date = NULL;
    }
    wg_buf_free(&t.out);
    free(t.map);
    wg_buf_free(&b.out);
    free(b.map);
    chardata_free(&cd);
    if (hd)
        xmlFreeDoc(hd);
    free(copy);
    return err;
}
