/* Graph stage: per-article entities -> one igraph graph with node and edge
 * attribute tables. The same structure holds a graph read back from
 * GraphML, so exports and queries work on either. */
#ifndef WG_GRAPH_H
#define WG_GRAPH_H

#include <igraph.h>
#include "wardgraph.h"
#include "util/util.h"

typedef enum { WG_ATTR_STRING = 0, WG_ATTR_INT, WG_ATTR_DOUBLE } wg_attr_kind;

typedef struct {
    char *name;
    wg_attr_kind kind;
    char **s;        /* WG_ATTR_STRING: owned strings, never NULL ("" when unset) */
    long long *i;    /* WG_ATTR_INT */
    double *d;       /* WG_ATTR_DOUBLE */
} wg_column;

typedef struct {
    wg_column **cols; /* pointers, so that a column stays put when others are added */
    size_t ncols, colcap;
    size_t nrows;
} wg_table;

/* Adds a column of `kind` with nrows rows (zero / ""), or returns the
 * existing one of that name. NULL on allocation failure. */
wg_column *wg_table_add(wg_table *t, const char *name, wg_attr_kind kind);
wg_column *wg_table_find(const wg_table *t, const char *name);
/* Sets string cell (copies `value`). */
int wg_column_set_string(wg_column *c, size_t row, const char *value);
/* The cell as text ("" for unset strings); numbers in shortest round-trip form. */
const char *wg_column_text(const wg_column *c, size_t row, char buf[64]);
void wg_table_free(wg_table *t);

/* Per-entity and per-pair accumulation while articles stream in. */
typedef struct wg_i_node_acc wg_i_node_acc;
typedef struct wg_i_edge_acc wg_i_edge_acc;

struct wg_graph {
    wg_build_options opts;
    igraph_t ig;
    int has_ig;
    wg_table nodes; /* one row per vertex id: "id" (key), "label", "type", ... */
    wg_table edges; /* one row per edge id: "weight", "relation", ... */

    /* building */
    wg_strmap node_index;
    wg_i_node_acc *acc_nodes;
    size_t nacc_nodes, acc_nodes_cap;
    wg_i_edge_acc *acc_edges;
    size_t nacc_edges, acc_edges_cap;
    void *edge_index; /* hash of (u, v, relation) -> acc_edges index */
    size_t edge_index_cap;
    size_t narticles;
};

/* The string column value for node `v`, or "" if there is no such column. */
const char *wg_i_node_str(const wg_graph *g, const char *col, size_t v);
double wg_i_edge_weight(const wg_graph *g, size_t e);

#endif
