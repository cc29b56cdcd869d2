/* The network as one self-contained HTML page (`wardgraph view`): the page
 * (view/page.html with view/view.css and view/view.js, embedded at build
 * time by embed_view.cmake) with the graph as JSON in a <script
 * type="application/json"> element. Nothing is fetched when it opens.
 *
 * The data is column-oriented, a compact form for 10^4 nodes and 10^5 edges:
 *   {"nodes": {"count": N, "key": [...], "color": ["#rrggbb" | null, ...],
 *              "columns": {"label": [...], "type": [...], "x": [...], ...}},
 *    "edges": {"count": M, "source": [node index...], "target": [...],
 *              "columns": {"weight": [...], "relation": [...], ...}}}
 * Every node column but id (the key) and r, g, b (the colour) is carried;
 * edge label, first_date and last_date are left out (the page derives what
 * it shows from weight and dates). */
#include <math.h>
#include <string.h>
#include "export/export.h"

extern const char wg_i_view_page[];
extern const size_t wg_i_view_page_len;

/* A JSON string safe inside <script>: '<', '>', '&' and the line
 * separators U+2028/9 as \u escapes, so that no "</script>" or "<!--" can
 * end or change the element. */
static void put_string(wg_buf *b, const char *s)
{
    static const char hex[] = "0123456789abcdef";
    const unsigned char *p = (const unsigned char *)s;
    wg_buf_putc(b, '"');
    for (; *p; p++) {
        if (*p == '"' || *p == '\\') {
            wg_buf_putc(b, '\\');
            wg_buf_putc(b, (char)*p);
        } else if (*p < 0x20 || *p == '<' || *p == '>' || *p == '&') {
            char esc[6] = {'\\', 'u', '0', '0', hex[*p >> 4], hex[*p & 15]};
            wg_buf_put(b, esc, 6);
        } else if (p[0] == 0xe2 && p[1] == 0x80 && (p[2] == 0xa8 || p[2] == 0xa9)) {
            wg_buf_puts(b, p[2] == 0xa8 ? "\\u2028" : "\\u2029");
            p += 2;
        } else {
            wg_buf_putc(b, (char)*p);
        }
    }
    wg_buf_putc(b, '"');
}

static void put_value(wg_buf *b, const wg_column *c, size_t row)
{
    char buf[64];
    if (c->kind == WG_ATTR_STRING)
        put_string(b, c->s[row]);
    else if (c->kind == WG_ATTR_DOUBLE && !isfinite(c->d[row]))
        wg_buf_puts(b, "null");
    else
        wg_buf_puts(b, wg_column_text(c, row, buf));
}

/* Writes and empties `b` once it holds a good amount: memory stays small. */
static int flush(wg_buf *b, FILE *fp, int force)
{
    if (b->failed)
        return WG_ENOMEM;
    if ((force || b->len > 1 << 16) && b->len) {
        if (fwrite(b->ptr, 1, b->len, fp) != b->len)
            return WG_EIO;
        b->len = 0;
    }
    return 0;
}

static int put_columns(wg_buf *b, FILE *fp, const wg_table *t, const char *const *skip, size_t nskip)
{
    int first = 1, err = 0;
    wg_buf_puts(b, "\"columns\":{");
    for (size_t i = 0; i < t->ncols && !err; i++) {
        const wg_column *c = t->cols[i];
        size_t k = 0;
        while (k < nskip && strcmp(c->name, skip[k]) != 0)
            k++;
        if (k < nskip)
            continue;
        if (!first)
            wg_buf_putc(b, ',');
        first = 0;
        put_string(b, c->name);
        wg_buf_puts(b, ":[");
        for (size_t r = 0; r < t->nrows && !err; r++) {
            if (r)
                wg_buf_putc(b, ',');
            put_value(b, c, r);
            err = flush(b, fp, 0);
        }
        wg_buf_putc(b, ']');
    }
    wg_buf_putc(b, '}');
    return err;
}

static int put_data(wg_buf *b, FILE *fp, const wg_graph *g, const char *title)
{
    static const char *const node_skip[] = {"id", "r", "g", "b"};
    static const char *const edge_skip[] = {"label", "first_date", "last_date"};
    const wg_column *id = wg_table_find(&g->nodes, "id");
    size_t n = g->nodes.nrows, m = (size_t)igraph_ecount(&g->ig);
    int err = 0;

    wg_buf_puts(b, "{\"title\":");
    put_string(b, title);
    wg_buf_printf(b, ",\n\"nodes\":{\"count\":%zu,\"key\":[", n);
    for (size_t v = 0; v < n && !err; v++) {
        char fallback[32];
        snprintf(fallback, sizeof fallback, "n%zu", v);
        if (v)
            wg_buf_putc(b, ',');
        put_string(b, id && id->kind == WG_ATTR_STRING ? id->s[v] : fallback);
        err = flush(b, fp, 0);
    }
    wg_buf_puts(b, "],\n\"color\":[");
    for (size_t v = 0; v < n && !err; v++) {
        char color[8];
        if (v)
            wg_buf_putc(b, ',');
        if (wg_i_node_color(g, v, color))
            wg_buf_printf(b, "\"%s\"", color);
        else
            wg_buf_puts(b, "null");
        err = flush(b, fp, 0);
    }
    wg_buf_puts(b, "],\n");
    if (!err)
        err = put_columns(b, fp, &g->nodes, node_skip, WG_ARRAY_LEN(node_skip));
    wg_buf_printf(b, "},\n\"edges\":{\"count\":%zu,\"source\":[", m);
    for (int side = 0; side < 2 && !err; side++) {
        if (side)
            wg_buf_puts(b, "],\n\"target\":[");
        for (size_t e = 0; e < m && !err; e++) {
            size_t from, to;
            wg_i_edge_ends(g, e, &from, &to);
            wg_buf_printf(b, e ? ",%zu" : "%zu", side ? to : from);
            err = flush(b, fp, 0);
        }
    }
    wg_buf_puts(b, "],\n");
    if (!err)
        err = put_columns(b, fp, &g->edges, edge_skip, WG_ARRAY_LEN(edge_skip));
    wg_buf_puts(b, "}}");
    return err ? err : flush(b, fp, 1);
}

/* The title as HTML text. */
static void put_html_text(wg_buf *b, const char *s)
{
    for (; *s; s++) {
        switch (*s) {
        case '<': wg_buf_puts(b, "&lt;"); break;
        case '>': wg_buf_puts(b, "&gt;"); break;
        case '&': wg_buf_puts(b, "&amp;"); break;
        case '"': wg_buf_puts(b, "&quot;"); break;
        default: wg_buf_putc(b, *s);
        }
    }
}

int wg_i_write_html(const wg_graph *g, FILE *fp, const char *path, const wg_write_options *o)
{
    static const char title_mark[] = "@WG_TITLE@", data_mark[] = "@WG_DATA@";
    const char *title = o->title && *o->title ? o->title : "wardgraph";
    const char *p = wg_i_view_page, *end = wg_i_view_page + wg_i_view_page_len;
    wg_buf b = WG_BUF_INIT;
    char *clean = wg_i_clean_text(title); /* the title may come from a file name */
    int err = clean ? 0 : WG_ENOMEM;

    while (!err && p < end) {
        const char *t = strstr(p, title_mark), *d = strstr(p, data_mark);
        const char *next = t && (!d || t < d) ? t : d;
        if (!next) {
            wg_buf_put(&b, p, (size_t)(end - p));
            break;
        }
        wg_buf_put(&b, p, (size_t)(next - p));
        if (next == t) {
            put_html_text(&b, clean);
            p = next + sizeof title_mark - 1;
        } else {
            err = put_data(&b, fp, g, clean);
            p = next + sizeof data_mark - 1;
        }
    }
    if (!err)
        err = flush(&b, fp, 1);
    wg_buf_free(&b);
    free(clean);
    if (err == WG_ENOMEM)
        return wg_i_error_set(WG_ENOMEM, "out of memory");
    return err ? wg_i_error_set(WG_EIO, "%s: write error", path) : 0;
}
