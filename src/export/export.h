/* Export stage: a finished wg_graph -> files for Gephi and other readers.
 * Every writer writes to an open FILE; wg_graph_write makes that atomic. */
#ifndef WG_EXPORT_H
#define WG_EXPORT_H

#include <stdio.h>
#include <libxml/xmlwriter.h>
#include "graph/graph.h"

/* The ids one file uses: node ids (the keys, made valid XML names), edge
 * ids and attribute ids, all different from one another, as GraphML
 * readers require of ids across keys, nodes and edges. */
typedef struct {
    char **node;           /* per node */
    char **vattr, **eattr; /* per node / edge column ("" for the id column) */
    char eprefix[24];      /* edge e's id is eprefix + e: no other id has that form */
} wg_i_ids;

/* The id of edge `e` (in `buf`). */
const char *wg_i_edge_id(const wg_i_ids *ids, size_t e, char buf[48]);

int wg_i_ids_make(wg_i_ids *ids, const wg_graph *g, const char *vprefix, const char *eprefix);
void wg_i_ids_free(wg_i_ids *ids, const wg_graph *g);

/* Gephi's drawing attributes: written as its visual data, not as columns,
 * in the formats that have a place for them (GEXF viz:, JSON). */
int wg_i_is_visual(const char *column);
/* "#rrggbb" for node `v` from its r, g, b columns, or NULL if it has none. */
const char *wg_i_node_color(const wg_graph *g, size_t v, char buf[8]);

/* An indenting UTF-8 XML writer on `fp`, the document started; freeing it
 * flushes but does not close `fp`. NULL (error set) when out of memory. */
xmlTextWriterPtr wg_i_xml_writer(FILE *fp);

/* One writer per format; `path` names the output in messages. */
typedef int (*wg_i_writer)(const wg_graph *g, FILE *fp, const char *path, const wg_write_options *o);
int wg_i_write_graphml(const wg_graph *g, FILE *fp, const char *path, const wg_write_options *o);
int wg_i_write_gexf(const wg_graph *g, FILE *fp, const char *path, const wg_write_options *o);
int wg_i_write_csv_nodes(const wg_graph *g, FILE *fp, const char *path);
int wg_i_write_csv_edges(const wg_graph *g, FILE *fp, const char *path);
int wg_i_write_json(const wg_graph *g, FILE *fp, const char *path, const wg_write_options *o);
int wg_i_write_html(const wg_graph *g, FILE *fp, const char *path, const wg_write_options *o);

#endif
