/* GraphML -> wg_graph through igraph's reader (its C attribute handler),
 * then copied into our attribute tables so that queries and exports see
 * one structure whatever wrote the file. */
#include <errno.h>
#include <string.h>
#include <strings.h>
#include <libxml/parser.h>
#include <libxml/xmlreader.h>
#include "query/query.h"

static int copy_attrs(wg_table *t, const igraph_t *ig, const igraph_strvector_t *names,
                      const igraph_vector_int_t *types, int vertices)
{
    igraph_integer_t n = vertices ? igraph_vcount(ig) : igraph_ecount(ig);
    t->nrows = (size_t)n;
    for (igraph_integer_t a = 0; a < igraph_strvector_size(names); a++) {
        const char *name = igraph_strvector_get(names, a);
        igraph_attribute_type_t ty = (igraph_attribute_type_t)VECTOR(*types)[a];
        wg_column *c;
        if (ty == IGRAPH_ATTRIBUTE_STRING) {
            if ((c = wg_table_add(t, name, WG_ATTR_STRING)) == NULL)
                return WG_ENOMEM;
            for (igraph_integer_t i = 0; i < n; i++) {
                const char *s = vertices ? VAS(ig, name, i) : EAS(ig, name, i);
                if (wg_column_set_string(c, (size_t)i, s) < 0)
                    return WG_ENOMEM;
            }
        } else if (ty == IGRAPH_ATTRIBUTE_NUMERIC || ty == IGRAPH_ATTRIBUTE_BOOLEAN) {
            if ((c = wg_table_add(t, name, WG_ATTR_DOUBLE)) == NULL)
                return WG_ENOMEM;
            for (igraph_integer_t i = 0; i < n; i++) {
                if (ty == IGRAPH_ATTRIBUTE_NUMERIC)
                    c->d[i] = vertices ? VAN(ig, name, i) : EAN(ig, name, i);
                else
                    c->d[i] = (vertices ? VAB(ig, name, i) : EAB(ig, name, i)) ? 1.0 : 0.0;
            }
        }
    }
    return 0;
}

/* Gephi and other tools may capitalise the attributes we look for
 * ("Label", "Weight"): take such a column under our name when ours is missing. */
static int canonical_names(wg_table *t, const char *const *names)
{
    for (; *names; names++) {
        if (wg_table_find(t, *names))
            continue;
        for (size_t i = 0; i < t->ncols; i++)
            if (strcasecmp(t->cols[i]->name, *names) == 0) {
                char *n = wg_i_strdup(*names);
                if (!n)
                    return WG_ENOMEM;
                free(t->cols[i]->name);
                t->cols[i]->name = n;
                break;
            }
    }
    return 0;
}

/* The structure alone, undirected (queries read ties), same vertex and edge
 * order. Made while igraph's attribute table is unset, so that the graph
 * owns no attribute record: it is destroyed later without that table. The
 * read graph `ig` is destroyed here, with the table still set. */
static int bare_copy(igraph_t *ig, igraph_t *out, igraph_attribute_table_t *old)
{
    igraph_vector_int_t el;
    igraph_integer_t n = igraph_vcount(ig);
    igraph_error_t rc = igraph_vector_int_init(&el, 0);
    if (rc == IGRAPH_SUCCESS && (rc = igraph_get_edgelist(ig, &el, 0)) != IGRAPH_SUCCESS)
        igraph_vector_int_destroy(&el);
    igraph_destroy(ig);
    igraph_set_attribute_table(old);
    if (rc != IGRAPH_SUCCESS)
        return WG_EGRAPH;
    if (igraph_create(out, &el, n, IGRAPH_UNDIRECTED) != IGRAPH_SUCCESS) {
        igraph_vector_int_destroy(&el);
        return WG_EGRAPH;
    }
    igraph_vector_int_destroy(&el);
    return 0;
}

/* libxml2 first, for a line number on malformed XML; a streaming read, so
 * a large file is never held as a tree. No network, no external entities
 * or DTDs are loaded. */
static int check_well_formed(const char *path)
{
    xmlTextReaderPtr r;
    int ret, root_seen = 0;
    xmlResetLastError();
    r = xmlReaderForFile(path, NULL, XML_PARSE_NONET | XML_PARSE_NOWARNING | XML_PARSE_NOERROR | XML_PARSE_HUGE);
    if (!r)
        return wg_i_error_set(WG_EIO, "%s: cannot read", path);
    while ((ret = xmlTextReaderRead(r)) == 1) {
        /* the root must be <graphml>: igraph's own complaint about another
         * document is cryptic */
        if (!root_seen && xmlTextReaderNodeType(r) == XML_READER_TYPE_ELEMENT) {
            const xmlChar *name = xmlTextReaderConstLocalName(r);
            root_seen = 1;
            if (!name || xmlStrcmp(name, BAD_CAST "graphml") != 0) {
                xmlNodePtr node = xmlTextReaderCurrentNode(r);
                int line = node ? (int)xmlGetLineNo(node) : xmlTextReaderGetParserLineNumber(r);
                char what[64];
                snprintf(what, sizeof what, "%s", name ? (const char *)name : "?");
                xmlFreeTextReader(r);
                return wg_i_error_set(WG_EPARSE, "%s:%d: not GraphML: the root element is <%s>, not <graphml>", path,
                                      line, what);
            }
        }
    }
    xmlFreeTextReader(r);
    if (ret < 0) {
        const xmlError *e = xmlGetLastError();
        char msg[256] = "not well-formed XML";
        if (e && e->message) {
            snprintf(msg, sizeof msg, "%s", e->message);
            msg[strcspn(msg, "\n")] = '\0';
        }
        return wg_i_error_set(WG_EPARSE, "%s:%d: %s", path, e ? e->line : 0, msg);
    }
    return 0;
}

int wg_graph_read_graphml(wg_graph **out, const char *path)
{
    FILE *fp;
    wg_graph *g = NULL;
    igraph_t ig;
    igraph_strvector_t gn, vn, en;
    igraph_vector_int_t gt, vt, et;
    igraph_attribute_table_t *old;
    int err = 0;

    *out = NULL;
    if ((fp = fopen(path, "rb")) == NULL)
        return wg_i_error_set(WG_EIO, "%s: %s", path, strerror(errno));
    if ((err = check_well_formed(path)) < 0) {
        fclose(fp);
        return err;
    }
    old = igraph_set_attribute_table(&igraph_cattribute_table);
    if (igraph_read_graph_graphml(&ig, fp, 0) != IGRAPH_SUCCESS) {
        char why[512];
        snprintf(why, sizeof why, "%s", wg_error_last());
        err = wg_i_error_set(WG_EPARSE, "%s: not a GraphML graph: %s", path, why);
        fclose(fp);
        igraph_set_attribute_table(old);
        return err;
    }
    fclose(fp);
    if ((err = wg_graph_new(&g, NULL)) < 0)
        goto done_ig;
    igraph_strvector_init(&gn, 0);
    igraph_strvector_init(&vn, 0);
    igraph_strvector_init(&en, 0);
    igraph_vector_int_init(&gt, 0);
    igraph_vector_int_init(&vt, 0);
    igraph_vector_int_init(&et, 0);
    if (igraph_cattribute_list(&ig, &gn, &gt, &vn, &vt, &en, &et) != IGRAPH_SUCCESS)
        err = WG_EGRAPH;
    if (!err)
        err = copy_attrs(&g->nodes, &ig, &vn, &vt, 1);
    if (!err)
        err = copy_attrs(&g->edges, &ig, &en, &et, 0);
    igraph_strvector_destroy(&gn);
    igraph_strvector_destroy(&vn);
    igraph_strvector_destroy(&en);
    igraph_vector_int_destroy(&gt);
    igraph_vector_int_destroy(&vt);
    igraph_vector_int_destroy(&et);
    if (!err) {
        static const char *const node_names[] = {"label", "type", NULL};
        static const char *const edge_names[] = {"weight", "meetings", "relation", NULL};
        err = canonical_names(&g->nodes, node_names);
        if (!err)
            err = canonical_names(&g->edges, edge_names);
    }
    if (!err && !wg_table_find(&g->nodes, "id"))
        err = wg_i_error_set(WG_EPARSE, "%s: nodes have no id", path);
    if (err)
        goto done_ig;
    /* keep the structure; attributes now live in our tables */
    if ((err = bare_copy(&ig, &g->ig, old)) < 0) {
        wg_graph_free(g); /* ig is gone and the table restored either way */
        return err;
    }
    g->has_ig = 1;
    *out = g;
    return 0;
done_ig:
    igraph_destroy(&ig);
    igraph_set_attribute_table(old);
    wg_graph_free(g);
    return err;
}
