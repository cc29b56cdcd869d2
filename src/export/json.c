/* JSON in graphology's serialisation (graph.export() / Graph.from()), which
 * Gephi Lite and sigma.js load:
 *   {"attributes": {...}, "options": {"type": "undirected", "multi": false,
 *    "allowSelfLoops": false}, "nodes": [{"key", "attributes"}],
 *    "edges": [{"key", "source", "target", "undirected", "attributes"}]}
 * Node attributes carry sigma's drawing names: label, x, y, size and color
 * ("#rrggbb" from r, g, b). The entity type is written as "entity_type":
 * sigma reads a node's "type" as the name of the program that draws it and
 * refuses unknown ones. Edge ids and node keys are those of the GraphML. */
#include <math.h>
#include <string.h>
#include "export/export.h"

static void put_value(wg_buf *b, const wg_column *c, size_t row)
{
    char buf[64];
    if (c->kind == WG_ATTR_STRING)
        wg_json_put_string(b, c->s[row]);
    else if (c->kind == WG_ATTR_DOUBLE && !isfinite(c->d[row]))
        wg_buf_puts(b, "null"); /* JSON has no NaN or infinity */
    else
        wg_buf_puts(b, wg_column_text(c, row, buf));
}

static void put_attrs(wg_buf *b, const wg_table *t, size_t row, int nodes)
{
    int first = 1;
    for (size_t i = 0; i < t->ncols; i++) {
        const wg_column *c = t->cols[i];
        const char *name = c->name;
        if (nodes && (strcmp(name, "id") == 0 || strcmp(name, "r") == 0 || strcmp(name, "g") == 0 ||
                      strcmp(name, "b") == 0))
            continue;
        if (c->kind == WG_ATTR_STRING && !*c->s[row])
            continue;
        if (nodes && strcmp(name, "type") == 0)
            name = "entity_type";
        if (!first)
            wg_buf_putc(b, ',');
        first = 0;
        wg_json_put_string(b, name);
        wg_buf_putc(b, ':');
        put_value(b, c, row);
    }
}

int wg_i_write_json(const wg_graph *g, FILE *fp, const char *path, const wg_write_options *o)
{
    wg_buf b = WG_BUF_INIT;
    wg_i_ids ids;
    int err;
    if ((err = wg_i_ids_make(&ids, g, "v_", "e_")) < 0)
        return err;
    wg_buf_puts(&b, "{\"attributes\":{\"name\":\"wardgraph\"},"
                    "\"options\":{\"type\":\"undirected\",\"multi\":false,\"allowSelfLoops\":false},\n\"nodes\":[");
    for (size_t v = 0; v < g->nodes.nrows; v++) {
        char color[8];
        wg_buf_puts(&b, v ? ",\n" : "\n");
        wg_buf_puts(&b, "{\"key\":");
        wg_json_put_string(&b, ids.node[v]);
        wg_buf_puts(&b, ",\"attributes\":{");
        put_attrs(&b, &g->nodes, v, 1);
        if (wg_i_node_color(g, v, color)) {
            wg_buf_puts(&b, b.ptr[b.len - 1] == '{' ? "" : ",");
            wg_buf_printf(&b, "\"color\":\"%s\"", color);
        }
        wg_buf_puts(&b, "}}");
        /* flush as we go: memory stays one node's worth */
        if (b.failed || fwrite(b.ptr, 1, b.len, fp) != b.len)
            goto fail;
        b.len = 0;
    }
    wg_buf_puts(&b, "\n],\n\"edges\":[");
    for (igraph_integer_t e = 0; e < igraph_ecount(&g->ig); e++) {
        size_t from, to;
        char eid[48];
        wg_i_edge_ends(g, (size_t)e, &from, &to);
        wg_buf_puts(&b, e ? ",\n" : "\n");
        wg_buf_puts(&b, "{\"key\":");
        wg_json_put_string(&b, wg_i_edge_id(&ids, (size_t)e, eid));
        wg_buf_puts(&b, ",\"source\":");
        wg_json_put_string(&b, ids.node[from]);
        wg_buf_puts(&b, ",\"target\":");
        wg_json_put_string(&b, ids.node[to]);
        wg_buf_puts(&b, ",\"undirected\":true,\"attributes\":{");
        put_attrs(&b, &g->edges, (size_t)e, 0);
        wg_buf_puts(&b, "}}");
        if (b.failed || fwrite(b.ptr, 1, b.len, fp) != b.len)
            goto fail;
        b.len = 0;
    }
    wg_buf_puts(&b, "\n]}\n");
    if (b.failed || fwrite(b.ptr, 1, b.len, fp) != b.len)
        goto fail;
    wg_buf_free(&b);
    wg_i_ids_free(&ids, g);
    return 0;
fail:
    wg_buf_free(&b);
    wg_i_ids_free(&ids, g);
    return b.failed ? WG_ENOMEM : wg_i_error_set(WG_EIO, "%s: write error", path);
}
