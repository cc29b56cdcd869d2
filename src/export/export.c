/* Format dispatch, atomic output, and the ids every format shares. */
#include <string.h>
#include "export/export.h"

int wg_format_parse(const char *name)
{
    static const char *const names[] = {"graphml", "gexf", "csv", "json"};
    for (size_t i = 0; i < WG_ARRAY_LEN(names); i++)
        if (strcmp(name, names[i]) == 0)
            return (int)i;
    return -1;
}

int wg_i_is_visual(const char *c)
{
    static const char *const names[] = {"size", "r", "g", "b", "x", "y"};
    for (size_t i = 0; i < WG_ARRAY_LEN(names); i++)
        if (strcmp(c, names[i]) == 0)
            return 1;
    return 0;
}

static int channel(const wg_graph *g, const char *name, size_t v, int *out)
{
    const wg_column *c = wg_table_find(&g->nodes, name);
    double d;
    if (!c || c->kind == WG_ATTR_STRING)
        return 0;
    d = c->kind == WG_ATTR_INT ? (double)c->i[v] : c->d[v];
    *out = d < 0 ? 0 : d > 255 ? 255 : (int)d;
    return 1;
}

const char *wg_i_node_color(const wg_graph *g, size_t v, char buf[8])
{
    int r, gg, b;
    if (!channel(g, "r", v, &r) || !channel(g, "g", v, &gg) || !channel(g, "b", v, &b))
        return NULL;
    snprintf(buf, 8, "#%02x%02x%02x", r, gg, b);
    return buf;
}

/* Takes `want`, or want_2, want_3, ... if it is taken; records it. */
static char *unique(wg_strmap *used, const char *want)
{
    wg_buf b = WG_BUF_INIT;
    size_t dummy;
    char *id;
    wg_buf_puts(&b, want);
    for (unsigned k = 2; !b.failed && wg_strmap_get(used, b.ptr, &dummy); k++) {
        b.len = 0;
        wg_buf_printf(&b, "%s_%u", want, k);
    }
    if (b.failed || (id = wg_buf_detach(&b)) == NULL)
        return NULL;
    if (wg_strmap_put(used, id, 0) < 0) {
        free(id);
        return NULL;
    }
    return id;
}

/* Does `id` read prefix + decimal digits? */
static int numbered(const char *id, const char *prefix)
{
    size_t l = strlen(prefix);
    if (strncmp(id, prefix, l) != 0 || !id[l])
        return 0;
    for (id += l; *id; id++)
        if (*id < '0' || *id > '9')
            return 0;
    return 1;
}

const char *wg_i_edge_id(const wg_i_ids *ids, size_t e, char buf[48])
{
    snprintf(buf, 48, "%s%zu", ids->eprefix, e);
    return buf;
}

void wg_i_ids_free(wg_i_ids *ids, const wg_graph *g)
{
    if (ids->node)
        for (size_t i = 0; i < g->nodes.nrows; i++)
            free(ids->node[i]);
    if (ids->vattr)
        for (size_t i = 0; i < g->nodes.ncols; i++)
            free(ids->vattr[i]);
    if (ids->eattr)
        for (size_t i = 0; i < g->edges.ncols; i++)
            free(ids->eattr[i]);
    free(ids->node);
    free(ids->vattr);
    free(ids->eattr);
    memset(ids, 0, sizeof *ids);
}

int wg_i_ids_make(wg_i_ids *ids, const wg_graph *g, const char *vprefix, const char *eprefix)
{
    wg_strmap used = {0};
    const wg_column *key = wg_table_find(&g->nodes, "id");
    size_t n = g->nodes.nrows, m = g->edges.nrows, dummy;
    int err = 0;

    memset(ids, 0, sizeof *ids);
    if (!(ids->node = wg_i_calloc(n + 1, sizeof *ids->node)) ||
        !(ids->vattr = wg_i_calloc(g->nodes.ncols + 1, sizeof *ids->vattr)) ||
        !(ids->eattr = wg_i_calloc(g->edges.ncols + 1, sizeof *ids->eattr))) {
        wg_i_ids_free(ids, g);
        return WG_ENOMEM;
    }
    /* the GraphML graph's own id */
    if (wg_strmap_put(&used, "wardgraph", 0) < 0)
        err = WG_ENOMEM;
    /* node ids first: they are the entity keys and must stay as they are */
    for (size_t v = 0; v < n && !err; v++) {
        char fallback[32];
        snprintf(fallback, sizeof fallback, "n%zu", v);
        const char *k = key ? key->s[v] : fallback;
        /* built graphs' keys are names already; a file from elsewhere may need encoding */
        if ((ids->node[v] = wg_i_is_xml_name(k) ? wg_i_strdup(k) : wg_i_xml_name(k)) == NULL)
            err = WG_ENOMEM;
        else if (wg_strmap_get(&used, ids->node[v], &dummy))
            err = wg_i_error_set(WG_EINVAL, "two nodes have the id '%s'", ids->node[v]);
        else if (wg_strmap_put(&used, ids->node[v], v) < 0)
            err = WG_ENOMEM;
    }
    for (int side = 0; side < 2 && !err; side++) {
        const wg_table *t = side ? &g->edges : &g->nodes;
        char **out = side ? ids->eattr : ids->vattr;
        for (size_t c = 0; c < t->ncols && !err; c++) {
            wg_buf want = WG_BUF_INIT;
            char *name;
            if (!side && strcmp(t->cols[c]->name, "id") == 0) {
                out[c] = wg_i_strdup("");
            } else {
                wg_buf_printf(&want, "%s%s", side ? eprefix : vprefix, t->cols[c]->name);
                name = want.failed ? NULL : wg_i_xml_name(want.ptr);
                out[c] = name ? unique(&used, name) : NULL;
                free(name);
            }
            wg_buf_free(&want);
            if (!out[c])
                err = WG_ENOMEM;
        }
    }
    /* Edge ids are "e0", "e1", ... unless some node or attribute id already
     * reads like that; then another prefix. No per-edge strings: a graph
     * may have millions of edges. */
    for (unsigned k = 0; !err; k++) {
        int clash = 0;
        if (k == 0)
            snprintf(ids->eprefix, sizeof ids->eprefix, "e");
        else
            snprintf(ids->eprefix, sizeof ids->eprefix, "edge%u_", k);
        for (size_t i = 0; i < used.cap && !clash; i++)
            clash = used.slots[i].key && numbered(used.slots[i].key, ids->eprefix);
        if (!clash)
            break;
    }
    (void)m;
    wg_strmap_free(&used);
    if (err)
        wg_i_ids_free(ids, g);
    return err;
}

/* CSV is two files: PATH.nodes.csv and PATH.edges.csv. */
static int write_csv(const wg_graph *g, const char *path)
{
    wg_atomic nodes, edges;
    wg_buf pn = WG_BUF_INIT, pe = WG_BUF_INIT;
    int err;
    wg_buf_printf(&pn, "%s.nodes.csv", path);
    wg_buf_printf(&pe, "%s.edges.csv", path);
    if (pn.failed || pe.failed) {
        wg_buf_free(&pn);
        wg_buf_free(&pe);
        return WG_ENOMEM;
    }
    if ((err = wg_atomic_open(&nodes, pn.ptr)) < 0)
        goto done;
    if ((err = wg_atomic_open(&edges, pe.ptr)) < 0) {
        wg_atomic_abort(&nodes);
        goto done;
    }
    if ((err = wg_i_write_csv_nodes(g, nodes.fp, pn.ptr)) < 0 || (err = wg_i_write_csv_edges(g, edges.fp, pe.ptr)) < 0) {
        wg_atomic_abort(&nodes);
        wg_atomic_abort(&edges);
        goto done;
    }
    if ((err = wg_atomic_commit(&nodes)) < 0) {
        wg_atomic_abort(&edges);
        goto done;
    }
    err = wg_atomic_commit(&edges);
done:
    wg_buf_free(&pn);
    wg_buf_free(&pe);
    return err;
}

static const wg_i_writer writers[] = {wg_i_write_graphml, wg_i_write_gexf, NULL, wg_i_write_json,
                                     wg_i_write_html};

static int check_opts(const wg_graph *g, wg_format fmt, const wg_write_options *o)
{
    if (!g->has_ig)
        return wg_i_error_set(WG_EINVAL, "graph is not finished");
    if ((unsigned)fmt >= WG_ARRAY_LEN(writers))
        return wg_i_error_set(WG_EINVAL, "unknown format");
    if (o->gexf_minor != 2 && o->gexf_minor != 3)
        return wg_i_error_set(WG_EINVAL, "GEXF version 1.%d: 1.2 or 1.3 only", o->gexf_minor);
    return 0;
}

int wg_graph_write_stream_opts(const wg_graph *g, FILE *fp, wg_format fmt, const wg_write_options *opts)
{
    static const wg_write_options defaults = WG_WRITE_OPTIONS_INIT;
    const wg_write_options *o = opts ? opts : &defaults;
    int err = check_opts(g, fmt, o);
    if (err < 0)
        return err;
    if (!writers[fmt])
        return wg_i_error_set(WG_EINVAL, "CSV is two files: give -o PATH");
    if ((err = writers[fmt](g, fp, "standard output", o)) < 0)
        return err;
    return fflush(fp) == 0 ? 0 : wg_i_error_set(WG_EIO, "standard output: write error");
}

int wg_graph_write_stream(const wg_graph *g, FILE *fp, wg_format fmt)
{
    return wg_graph_write_stream_opts(g, fp, fmt, NULL);
}

int wg_graph_write_opts(const wg_graph *g, const char *path, wg_format fmt, const wg_write_options *opts)
{
    static const wg_write_options defaults = WG_WRITE_OPTIONS_INIT;
    const wg_write_options *o = opts ? opts : &defaults;
    wg_atomic out;
    int err = check_opts(g, fmt, o);
    if (err < 0)
        return err;
    if (fmt == WG_FORMAT_CSV)
        return write_csv(g, path);
    if ((err = wg_atomic_open(&out, path)) < 0)
        return err;
    if ((err = writers[fmt](g, out.fp, path, o)) < 0) {
        wg_atomic_abort(&out);
        return err;
    }
    return wg_atomic_commit(&out);
}

int wg_graph_write(const wg_graph *g, const char *path, wg_format fmt)
{
    return wg_graph_write_opts(g, path, fmt, NULL);
}

xmlTextWriterPtr wg_i_xml_writer(FILE *fp)
{
    xmlOutputBufferPtr ob = xmlOutputBufferCreateFile(fp, NULL);
    xmlTextWriterPtr w = ob ? xmlNewTextWriter(ob) : NULL;
    if (!w) {
        if (ob)
            xmlOutputBufferClose(ob);
        wg_i_error_set(WG_ENOMEM, "out of memory");
        return NULL;
    }
    xmlTextWriterSetIndent(w, 1);
    xmlTextWriterSetIndentString(w, BAD_CAST "  ");
    if (xmlTextWriterStartDocument(w, "1.0", "UTF-8", NULL) < 0) {
        xmlFreeTextWriter(w);
        wg_i_error_set(WG_EIO, "cannot write XML");
        return NULL;
    }
    return w;
}
