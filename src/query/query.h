/* Query stage: reading a GraphML network and asking it questions. */
#ifndef WG_QUERY_H
#define WG_QUERY_H

#include "graph/graph.h"

/* The network as queries see it: simple and undirected, one tie per node
 * pair (the heaviest of its parallel edges), same vertex ids as the graph. */
typedef struct {
    igraph_t ig;
    igraph_vector_t weight;       /* per tie: meetings shared (1 when unweighted) */
    igraph_vector_t dist;         /* per tie: 1 / weight */
    igraph_vector_int_t edge;     /* per tie: the graph's heaviest edge for it */
    int weighted;
} wg_i_view;

int wg_i_view_init(wg_i_view *v, const wg_graph *g, double min_weight, int unweighted);
void wg_i_view_destroy(wg_i_view *v);

/* The edge attribute `meetings` of edge `e`, "" if none. */
const char *wg_i_edge_meetings(const wg_graph *g, size_t e);

/* The reader's warnings replaced by these (a graph loaded from its cache
 * says what its GraphML's reading said). */
void wg_i_read_warnings_set(const char *const *msgs, size_t n);

/* A small deterministic generator (splitmix64): sampled results must not
 * depend on igraph's global RNG state or on the platform. */
uint64_t wg_i_rand_next(uint64_t *state);

#endif
