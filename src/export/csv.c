/* CSV in Gephi's spreadsheet import format (Data Laboratory, "Import
 * spreadsheet"): a nodes table `Id,Label,...` and an edges table
 * `Source,Target,Type,Id,Label,Weight,...`, UTF-8 without BOM, RFC 4180
 * (CRLF line ends; a field with a comma, quote, CR or LF is quoted, quotes
 * doubled). Gephi's drawing columns (size, r, g, b, x, y) are left out: its
 * spreadsheet import would make plain columns of them, not a drawing. */
#include <string.h>
#include "export/export.h"

static void field(FILE *fp, const char *s)
{
    if (!strpbrk(s, ",\"\r\n")) {
        fputs(s, fp);
        return;
    }
    fputc('"', fp);
    for (; *s; s++) {
        if (*s == '"')
            fputc('"', fp);
        fputc(*s, fp);
    }
    fputc('"', fp);
}

static int skip_node_col(const char *name)
{
    return strcmp(name, "id") == 0 || strcmp(name, "label") == 0 || wg_i_is_visual(name);
}

static int skip_edge_col(const char *name) { return strcmp(name, "label") == 0 || strcmp(name, "weight") == 0; }

int wg_i_write_csv_nodes(const wg_graph *g, FILE *fp, const char *path)
{
    const wg_table *t = &g->nodes;
    const wg_column *label = wg_table_find(t, "label");
    wg_i_ids ids;
    int err;
    if ((err = wg_i_ids_make(&ids, g, "v_", "e_")) < 0)
        return err;
    fputs("Id,Label", fp);
    for (size_t c = 0; c < t->ncols; c++)
        if (!skip_node_col(t->cols[c]->name)) {
            fputc(',', fp);
            field(fp, t->cols[c]->name);
        }
    fputs("\r\n", fp);
    for (size_t v = 0; v < t->nrows; v++) {
        char buf[64];
        field(fp, ids.node[v]);
        fputc(',', fp);
        field(fp, label && label->kind == WG_ATTR_STRING ? label->s[v] : ids.node[v]);
        for (size_t c = 0; c < t->ncols; c++)
            if (!skip_node_col(t->cols[c]->name)) {
                fputc(',', fp);
                field(fp, wg_column_text(t->cols[c], v, buf));
            }
        fputs("\r\n", fp);
    }
    wg_i_ids_free(&ids, g);
    return ferror(fp) ? wg_i_error_set(WG_EIO, "%s: write error", path) : 0;
}

int wg_i_write_csv_edges(const wg_graph *g, FILE *fp, const char *path)
{
    const wg_table *t = &g->edges;
    const wg_column *label = wg_table_find(t, "label");
    wg_i_ids ids;
    int err;
    if ((err = wg_i_ids_make(&ids, g, "v_", "e_")) < 0)
        return err;
    fputs("Source,Target,Type,Id,Label,Weight", fp);
    for (size_t c = 0; c < t->ncols; c++)
        if (!skip_edge_col(t->cols[c]->name)) {
            fputc(',', fp);
            field(fp, t->cols[c]->name);
        }
    fputs("\r\n", fp);
    for (igraph_integer_t e = 0; e < igraph_ecount(&g->ig); e++) {
        size_t from, to;
        char eid[48];
        wg_i_edge_ends(g, (size_t)e, &from, &to);
        char buf[64];
        const wg_column *w = wg_table_find(t, "weight");
        field(fp, ids.node[from]);
        fputc(',', fp);
        field(fp, ids.node[to]);
        fputs(",Undirected,", fp);
        field(fp, wg_i_edge_id(&ids, (size_t)e, eid));
        fputc(',', fp);
        field(fp, label && label->kind == WG_ATTR_STRING ? label->s[e] : "");
        fputc(',', fp);
        field(fp, w && w->kind != WG_ATTR_STRING ? wg_column_text(w, (size_t)e, buf) : "1");
        for (size_t c = 0; c < t->ncols; c++)
            if (!skip_edge_col(t->cols[c]->name)) {
                fputc(',', fp);
                field(fp, wg_column_text(t->cols[c], (size_t)e, buf));
            }
        fputs("\r\n", fp);
    }
    wg_i_ids_free(&ids, g);
    return ferror(fp) ? wg_i_error_set(WG_EIO, "%s: write error", path) : 0;
}
