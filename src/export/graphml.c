/* GraphML through libxml2's xmlTextWriter: node ids are entity keys (igraph's
 * own writer would name them n0, n1, ...), every attribute is declared once
 * with its type, ids are unique across keys, nodes and edges, and Gephi's
 * reserved names (label, size, r, g, b, x, y on nodes; label, weight on
 * edges) carry its visual attributes. Strings were cleaned when they entered
 * the graph (graph/names.c); the writer escapes them. */
#include <string.h>
#include <libxml/xmlwriter.h>
#include "export/export.h"

static const char *graphml_type(wg_attr_kind k)
{
    return k == WG_ATTR_STRING ? "string" : k == WG_ATTR_INT ? "int" : "double";
}

static int declare_keys(xmlTextWriterPtr w, const wg_table *t, const char *domain, char **attr_ids)
{
    for (size_t i = 0; i < t->ncols; i++) {
        const wg_column *c = t->cols[i];
        if (!*attr_ids[i])
            continue; /* the node id column is the id itself */
        if (xmlTextWriterStartElement(w, BAD_CAST "key") < 0 ||
            xmlTextWriterWriteAttribute(w, BAD_CAST "id", BAD_CAST attr_ids[i]) < 0 ||
            xmlTextWriterWriteAttribute(w, BAD_CAST "for", BAD_CAST domain) < 0 ||
            xmlTextWriterWriteAttribute(w, BAD_CAST "attr.name", BAD_CAST c->name) < 0 ||
            xmlTextWriterWriteAttribute(w, BAD_CAST "attr.type", BAD_CAST graphml_type(c->kind)) < 0 ||
            xmlTextWriterEndElement(w) < 0)
            return -1;
    }
    return 0;
}

static int write_data(xmlTextWriterPtr w, const wg_table *t, size_t row, char **attr_ids)
{
    for (size_t i = 0; i < t->ncols; i++) {
        const wg_column *c = t->cols[i];
        char buf[64];
        const char *text;
        if (!*attr_ids[i])
            continue;
        text = wg_column_text(c, row, buf);
        if (c->kind == WG_ATTR_STRING && !*text)
            continue; /* unset: the reader's default "" */
        if (xmlTextWriterStartElement(w, BAD_CAST "data") < 0 ||
            xmlTextWriterWriteAttribute(w, BAD_CAST "key", BAD_CAST attr_ids[i]) < 0 ||
            xmlTextWriterWriteString(w, BAD_CAST text) < 0 || xmlTextWriterEndElement(w) < 0)
            return -1;
    }
    return 0;
}

int wg_i_write_graphml(const wg_graph *g, FILE *fp, const char *path, const wg_write_options *o)
{
    xmlTextWriterPtr w;
    wg_i_ids ids;
    int bad = 0, err;

    if ((err = wg_i_ids_make(&ids, g, "v_", "e_")) < 0)
        return err;
    if ((w = wg_i_xml_writer(fp)) == NULL) {
        wg_i_ids_free(&ids, g);
        return WG_ENOMEM;
    }
    bad |= xmlTextWriterStartElement(w, BAD_CAST "graphml") < 0;
    bad |= xmlTextWriterWriteAttribute(w, BAD_CAST "xmlns", BAD_CAST "http://graphml.graphdrawing.org/xmlns") < 0;
    bad |= xmlTextWriterWriteAttribute(w, BAD_CAST "xmlns:xsi", BAD_CAST "http://www.w3.org/2001/XMLSchema-instance") < 0;
    bad |= xmlTextWriterWriteAttribute(w, BAD_CAST "xsi:schemaLocation",
                                       BAD_CAST "http://graphml.graphdrawing.org/xmlns "
                                                "http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd") < 0;
    bad |= declare_keys(w, &g->nodes, "node", ids.vattr) < 0;
    bad |= declare_keys(w, &g->edges, "edge", ids.eattr) < 0;
    bad |= xmlTextWriterStartElement(w, BAD_CAST "graph") < 0;
    bad |= xmlTextWriterWriteAttribute(w, BAD_CAST "id", BAD_CAST "wardgraph") < 0;
    bad |= xmlTextWriterWriteAttribute(w, BAD_CAST "edgedefault", BAD_CAST "undirected") < 0;
    for (size_t v = 0; v < g->nodes.nrows && !bad; v++) {
        bad |= xmlTextWriterStartElement(w, BAD_CAST "node") < 0;
        bad |= xmlTextWriterWriteAttribute(w, BAD_CAST "id", BAD_CAST ids.node[v]) < 0;
        bad |= write_data(w, &g->nodes, v, ids.vattr) < 0;
        bad |= xmlTextWriterEndElement(w) < 0;
    }
    for (igraph_integer_t e = 0; e < igraph_ecount(&g->ig) && !bad; e++) {
        size_t from, to;
        char eid[48];
        wg_i_edge_ends(g, (size_t)e, &from, &to);
        bad |= xmlTextWriterStartElement(w, BAD_CAST "edge") < 0;
        bad |= xmlTextWriterWriteAttribute(w, BAD_CAST "id", BAD_CAST wg_i_edge_id(&ids, (size_t)e, eid)) < 0;
        bad |= xmlTextWriterWriteAttribute(w, BAD_CAST "source", BAD_CAST ids.node[from]) < 0;
        bad |= xmlTextWriterWriteAttribute(w, BAD_CAST "target", BAD_CAST ids.node[to]) < 0;
        bad |= write_data(w, &g->edges, (size_t)e, ids.eattr) < 0;
        bad |= xmlTextWriterEndElement(w) < 0;
    }
    bad |= xmlTextWriterEndDocument(w) < 0;
    xmlFreeTextWriter(w); /* also closes the output buffer, not the FILE */
    wg_i_ids_free(&ids, g);
    if (bad)
        return wg_i_error_set(WG_EIO, "%s: cannot write GraphML", path);
    return 0;
}
