/* Around one node: its neighbourhood, a path to another node, and the ego
 * network as a graph of its own. */
#include <string.h>
#include "query/query.h"

/* Hop distances from `start` (SIZE_MAX: farther than `depth` or unreached). */
static int bfs(const wg_i_view *view, size_t start, size_t depth, size_t *dist, size_t **order, size_t *norder)
{
    igraph_integer_t n = igraph_vcount(&view->ig);
    igraph_adjlist_t adj;
    size_t head = 0, tail = 0, *queue;

    if ((queue = wg_i_malloc((size_t)n * sizeof *queue)) == NULL)
        return WG_ENOMEM;
    if (igraph_adjlist_init(&view->ig, &adj, IGRAPH_ALL, IGRAPH_NO_LOOPS, IGRAPH_NO_MULTIPLE) != IGRAPH_SUCCESS) {
        free(queue);
        return WG_EGRAPH;
    }
    for (igraph_integer_t v = 0; v < n; v++)
        dist[v] = SIZE_MAX;
    dist[start] = 0;
    queue[tail++] = start;
    while (head < tail) {
        size_t v = queue[head++];
        igraph_vector_int_t *nb = igraph_adjlist_get(&adj, v);
        if (dist[v] >= depth)
            continue;
        for (igraph_integer_t i = 0; i < igraph_vector_int_size(nb); i++) {
            size_t u = (size_t)VECTOR(*nb)[i];
            if (dist[u] == SIZE_MAX) {
                dist[u] = dist[v] + 1;
                queue[tail++] = u;
            }
        }
    }
    igraph_adjlist_destroy(&adj);
    *order = queue;
    *norder = tail;
    return 0;
}

static _Thread_local const wg_graph *sort_graph;

static int compare_neighbors(const void *pa, const void *pb)
{
    const wg_neighbor *a = pa, *b = pb;
    if (a->depth != b->depth)
        return a->depth < b->depth ? -1 : 1;
    if (a->weight != b->weight)
        return a->weight < b->weight ? 1 : -1;
    return strcmp(wg_graph_node_key(sort_graph, a->node), wg_graph_node_key(sort_graph, b->node));
}

int wg_graph_neighbors(wg_neighbor **out, size_t *nout, const wg_graph *g, size_t node, size_t depth,
                       double min_weight)
{
    size_t n = wg_graph_node_count(g), *dist = NULL, *order = NULL, norder = 0, k = 0;
    wg_neighbor *res = NULL;
    igraph_inclist_t inc;
    wg_i_view view;
    int err;

    *out = NULL;
    *nout = 0;
    if (node >= n)
        return wg_i_error_set(WG_EINVAL, "no such node");
    if ((err = wg_i_view_init(&view, g, min_weight, 0)) < 0)
        return err;
    if ((dist = wg_i_malloc(n * sizeof *dist)) == NULL || (err = bfs(&view, node, depth, dist, &order, &norder)) < 0)
        goto done;
    if (igraph_inclist_init(&view.ig, &inc, IGRAPH_ALL, IGRAPH_LOOPS_ONCE) != IGRAPH_SUCCESS) {
        err = WG_EGRAPH;
        goto done;
    }
    if ((res = wg_i_calloc(norder, sizeof *res)) == NULL) {
        igraph_inclist_destroy(&inc);
        err = WG_ENOMEM;
        goto done;
    }
    for (size_t i = 1; i < norder; i++) {
        size_t v = order[i];
        igraph_vector_int_t *ties = igraph_inclist_get(&inc, v);
        wg_neighbor *r = &res[k++];
        r->node = v;
        r->depth = dist[v];
        r->via = SIZE_MAX;
        /* the closer node with the heaviest tie (then the smaller key) */
        for (igraph_integer_t j = 0; j < igraph_vector_int_size(ties); j++) {
            igraph_integer_t e = VECTOR(*ties)[j];
            size_t u = (size_t)IGRAPH_OTHER(&view.ig, e, (igraph_integer_t)v);
            double w = VECTOR(view.weight)[e];
            if (dist[u] + 1 != dist[v])
                continue;
            if (r->via == SIZE_MAX || w > r->weight ||
                (w == r->weight && strcmp(wg_graph_node_key(g, u), wg_graph_node_key(g, r->via)) < 0)) {
                r->via = u;
                r->weight = w;
            }
        }
    }
    igraph_inclist_destroy(&inc);
    sort_graph = g;
    qsort(res, k, sizeof *res, compare_neighbors);
    *out = res;
    *nout = k;
    res = NULL;
done:
    free(res);
    free(dist);
    free(order);
    wg_i_view_destroy(&view);
    return err;
}

int wg_graph_path(wg_hop **out, size_t *nhops, const wg_graph *g, size_t a, size_t b, int unweighted)
{
    size_t n = wg_graph_node_count(g);
    igraph_vector_int_t vs, es;
    wg_hop *hops = NULL;
    wg_i_view view;
    int err;

    *out = NULL;
    *nhops = 0;
    if (a >= n || b >= n)
        return wg_i_error_set(WG_EINVAL, "no such node");
    if (a == b)
        return wg_i_error_set(WG_EINVAL, "'%s' and '%s' are the same node", wg_graph_node_label(g, a),
                              wg_graph_node_label(g, b));
    if ((err = wg_i_view_init(&view, g, 0.0, unweighted)) < 0)
        return err;
    igraph_vector_int_init(&vs, 0);
    igraph_vector_int_init(&es, 0);
    if (igraph_get_shortest_path_dijkstra(&view.ig, &vs, &es, (igraph_integer_t)a, (igraph_integer_t)b,
                                          view.weighted ? &view.dist : NULL, IGRAPH_ALL) != IGRAPH_SUCCESS) {
        err = WG_EGRAPH;
        goto done;
    }
    if (igraph_vector_int_size(&es) == 0) {
        err = wg_i_error_set(WG_ENOTFOUND, "no path between '%s' and '%s': they are in different components",
                             wg_graph_node_label(g, a), wg_graph_node_label(g, b));
        goto done;
    }
    if ((hops = wg_i_calloc((size_t)igraph_vector_int_size(&es), sizeof *hops)) == NULL) {
        err = WG_ENOMEM;
        goto done;
    }
    for (igraph_integer_t i = 0; i < igraph_vector_int_size(&es); i++) {
        igraph_integer_t e = VECTOR(es)[i];
        size_t ge = (size_t)VECTOR(view.edge)[e];
        hops[i].from = (size_t)VECTOR(vs)[i];
        hops[i].to = (size_t)VECTOR(vs)[i + 1];
        hops[i].weight = wg_i_edge_weight(g, ge);
        hops[i].meetings = wg_i_edge_meetings(g, ge);
    }
    *out = hops;
    *nhops = (size_t)igraph_vector_int_size(&es);
done:
    igraph_vector_int_destroy(&vs);
    igraph_vector_int_destroy(&es);
    wg_i_view_destroy(&view);
    return err;
}

/* Copies rows `keep` (in order) of `from` into the empty table `to`. */
static int copy_rows(wg_table *to, const wg_table *from, const size_t *keep, size_t nkeep)
{
    to->nrows = nkeep;
    for (size_t i = 0; i < from->ncols; i++) {
        const wg_column *src = from->cols[i];
        wg_column *dst = wg_table_add(to, src->name, src->kind);
        if (!dst)
            return WG_ENOMEM;
        for (size_t r = 0; r < nkeep; r++) {
            if (src->kind == WG_ATTR_STRING) {
                if (wg_column_set_string(dst, r, src->s[keep[r]]) < 0)
                    return WG_ENOMEM;
            } else if (src->kind == WG_ATTR_INT) {
                dst->i[r] = src->i[keep[r]];
            } else {
                dst->d[r] = src->d[keep[r]];
            }
        }
    }
    return 0;
}

int wg_graph_ego(wg_graph **out, const wg_graph *g, size_t node, size_t depth)
{
    size_t n = wg_graph_node_count(g), m = wg_graph_edge_count(g), *dist = NULL, *order = NULL, norder = 0;
    size_t *newid = NULL, *keep_v = NULL, *keep_e = NULL, nv = 0, ne = 0;
    igraph_vector_int_t edges;
    wg_graph *ego = NULL;
    wg_i_view view;
    int err;

    *out = NULL;
    if (node >= n)
        return wg_i_error_set(WG_EINVAL, "no such node");
    if ((err = wg_i_view_init(&view, g, 0.0, 0)) < 0)
        return err;
    igraph_vector_int_init(&edges, 0);
    if ((dist = wg_i_malloc(n * sizeof *dist)) == NULL || (newid = wg_i_malloc(n * sizeof *newid)) == NULL ||
        (keep_v = wg_i_malloc(n * sizeof *keep_v)) == NULL || (keep_e = wg_i_malloc((m ? m : 1) * sizeof *keep_e)) == NULL) {
        err = WG_ENOMEM;
        goto done;
    }
    if ((err = bfs(&view, node, depth, dist, &order, &norder)) < 0)
        goto done;
    /* keep the graph's vertex order: the output reads like the input */
    for (size_t v = 0; v < n; v++) {
        newid[v] = SIZE_MAX;
        if (dist[v] != SIZE_MAX) {
            newid[v] = nv;
            keep_v[nv++] = v;
        }
    }
    for (size_t e = 0; e < m; e++) {
        size_t a = (size_t)IGRAPH_FROM(&g->ig, e), b = (size_t)IGRAPH_TO(&g->ig, e);
        if (newid[a] == SIZE_MAX || newid[b] == SIZE_MAX)
            continue;
        keep_e[ne++] = e;
        if (igraph_vector_int_push_back(&edges, (igraph_integer_t)newid[a]) ||
            igraph_vector_int_push_back(&edges, (igraph_integer_t)newid[b])) {
            err = wg_i_error_set(WG_ENOMEM, "out of memory");
            goto done;
        }
    }
    if ((err = wg_graph_new(&ego, &g->opts)) < 0)
        goto done;
    if (igraph_create(&ego->ig, &edges, (igraph_integer_t)nv, IGRAPH_UNDIRECTED) != IGRAPH_SUCCESS) {
        err = WG_EGRAPH;
        goto done;
    }
    ego->has_ig = 1;
    if ((err = copy_rows(&ego->nodes, &g->nodes, keep_v, nv)) < 0 ||
        (err = copy_rows(&ego->edges, &g->edges, keep_e, ne)) < 0)
        goto done;
    *out = ego;
    ego = NULL;
done:
    wg_graph_free(ego);
    igraph_vector_int_destroy(&edges);
    free(dist);
    free(order);
    free(newid);
    free(keep_v);
    free(keep_e);
    wg_i_view_destroy(&view);
    return err;
}
