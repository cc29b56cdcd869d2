/* Communities: Leiden (modularity objective) or Louvain on the simple view,
 * numbered deterministically so that output and the `community` attribute
 * are stable for a given seed. */
#include <math.h>
#include <string.h>
#include "query/query.h"

typedef struct {
    const wg_graph *g;
    const double *strength;
    const size_t *size;
    const size_t *first;   /* per raw community: its smallest key's node */
} order_ctx;

static _Thread_local order_ctx ctx; /* qsort has no context argument in C11 */

static int compare_members(const void *pa, const void *pb)
{
    size_t a = *(const size_t *)pa, b = *(const size_t *)pb;
    if (ctx.strength[a] != ctx.strength[b])
        return ctx.strength[a] < ctx.strength[b] ? 1 : -1;
    return strcmp(wg_graph_node_key(ctx.g, a), wg_graph_node_key(ctx.g, b));
}

static int compare_communities(const void *pa, const void *pb)
{
    size_t a = *(const size_t *)pa, b = *(const size_t *)pb;
    if (ctx.size[a] != ctx.size[b])
        return ctx.size[a] < ctx.size[b] ? 1 : -1;
    return strcmp(wg_graph_node_key(ctx.g, ctx.first[a]), wg_graph_node_key(ctx.g, ctx.first[b]));
}

static igraph_error_t detect(const wg_i_view *view, const wg_community_options *opts, const igraph_vector_t *w,
                             igraph_vector_int_t *membership, igraph_real_t *q)
{
    igraph_integer_t n = igraph_vcount(&view->ig);
    igraph_rng_seed(igraph_rng_default(), (igraph_uint_t)opts->seed);
    if (strcmp(opts->method, "louvain") == 0) {
        IGRAPH_CHECK(igraph_community_multilevel(&view->ig, w, opts->resolution, membership, NULL, NULL));
    } else {
        /* modularity as the Leiden quality: node weights are strengths and
         * the resolution is scaled by 1/2m (igraph's documented recipe) */
        igraph_vector_t strength;
        igraph_integer_t nc;
        igraph_real_t quality, total;
        IGRAPH_VECTOR_INIT_FINALLY(&strength, n);
        IGRAPH_CHECK(igraph_strength(&view->ig, &strength, igraph_vss_all(), IGRAPH_ALL, IGRAPH_NO_LOOPS, w));
        total = igraph_vector_sum(&strength);
        IGRAPH_CHECK(igraph_community_leiden(&view->ig, w, &strength, total > 0 ? opts->resolution / total : 1.0,
                                             0.01, 0, -1, membership, &nc, &quality));
        igraph_vector_destroy(&strength);
        IGRAPH_FINALLY_CLEAN(1);
    }
    IGRAPH_CHECK(igraph_modularity(&view->ig, membership, w, opts->resolution, IGRAPH_UNDIRECTED, q));
    return IGRAPH_SUCCESS;
}

int wg_communities_find(wg_communities **out, const wg_graph *g, const wg_community_options *opts)
{
    static const wg_community_options defaults = WG_COMMUNITY_OPTIONS_INIT;
    size_t n = wg_graph_node_count(g), nraw = 0, *rank = NULL, *order = NULL, *first = NULL, *rawsize = NULL;
    double *strength = NULL;
    igraph_vector_int_t mem;
    igraph_vector_t s;
    igraph_real_t q = NAN;
    wg_i_view view;
    wg_communities *c = NULL;
    int err = 0;

    *out = NULL;
    if (!opts)
        opts = &defaults;
    if (strcmp(opts->method, "leiden") && strcmp(opts->method, "louvain"))
        return wg_i_error_set(WG_EINVAL, "unknown method '%s' (leiden or louvain)", opts->method);
    if (!(opts->resolution > 0))
        return wg_i_error_set(WG_EINVAL, "the resolution must be positive");
    if ((err = wg_i_view_init(&view, g, opts->min_weight, opts->unweighted)) < 0)
        return err;
    if (igraph_vector_int_init(&mem, (igraph_integer_t)n) || igraph_vector_init(&s, (igraph_integer_t)n)) {
        wg_i_view_destroy(&view);
        return wg_i_error_set(WG_ENOMEM, "out of memory");
    }
    if (igraph_ecount(&view.ig) == 0) {
        /* no ties: every node alone, modularity undefined (igraph's Leiden
         * would not return on an empty graph) */
        for (size_t v = 0; v < n; v++)
            VECTOR(mem)[v] = (igraph_integer_t)v;
    } else if (detect(&view, opts, view.weighted ? &view.weight : NULL, &mem, &q) != IGRAPH_SUCCESS) {
        err = WG_EGRAPH;
        goto done;
    }
    if (igraph_strength(&view.ig, &s, igraph_vss_all(), IGRAPH_ALL, IGRAPH_NO_LOOPS,
                        view.weighted ? &view.weight : NULL) != IGRAPH_SUCCESS) {
        err = WG_EGRAPH;
        goto done;
    }
    for (size_t v = 0; v < n; v++)
        if ((size_t)VECTOR(mem)[v] + 1 > nraw)
            nraw = (size_t)VECTOR(mem)[v] + 1;
    if (!(c = wg_i_calloc(1, sizeof *c)) || !(c->membership = wg_i_calloc(n, sizeof *c->membership)) ||
        !(c->size = wg_i_calloc(nraw, sizeof *c->size)) || !(c->members = wg_i_calloc(nraw, sizeof *c->members)) ||
        !(rank = wg_i_calloc(nraw, sizeof *rank)) || !(order = wg_i_calloc(nraw, sizeof *order)) ||
        !(first = wg_i_calloc(nraw, sizeof *first)) || !(rawsize = wg_i_calloc(nraw, sizeof *rawsize)) ||
        !(strength = c->strength = wg_i_calloc(n, sizeof *strength))) {
        err = WG_ENOMEM;
        goto done;
    }
    for (size_t k = 0; k < nraw; k++)
        first[k] = SIZE_MAX;
    for (size_t v = 0; v < n; v++) {
        size_t k = (size_t)VECTOR(mem)[v];
        strength[v] = VECTOR(s)[v];
        rawsize[k]++;
        if (first[k] == SIZE_MAX || strcmp(wg_graph_node_key(g, v), wg_graph_node_key(g, first[k])) < 0)
            first[k] = v;
    }
    for (size_t k = 0; k < nraw; k++)
        order[k] = k;
    ctx.g = g;
    ctx.strength = strength;
    ctx.size = rawsize;
    ctx.first = first;
    qsort(order, nraw, sizeof *order, compare_communities);
    c->ncommunities = nraw;
    for (size_t i = 0; i < nraw; i++) {
        rank[order[i]] = i;
        c->size[i] = rawsize[order[i]];
        if ((c->members[i] = wg_i_calloc(c->size[i], sizeof **c->members)) == NULL) {
            err = WG_ENOMEM;
            goto done;
        }
    }
    c->modularity = q;
    memset(rawsize, 0, nraw * sizeof *rawsize);
    for (size_t v = 0; v < n; v++) {
        size_t k = rank[VECTOR(mem)[v]];
        c->membership[v] = k;
        c->members[k][rawsize[k]++] = v;
    }
    for (size_t k = 0; k < nraw; k++)
        qsort(c->members[k], c->size[k], sizeof **c->members, compare_members);
done:
    igraph_vector_int_destroy(&mem);
    igraph_vector_destroy(&s);
    wg_i_view_destroy(&view);
    free(rank);
    free(order);
    free(first);
    free(rawsize);
    if (err) {
        wg_communities_free(c);
        return err;
    }
    *out = c;
    return 0;
}

void wg_communities_free(wg_communities *c)
{
    if (!c)
        return;
    if (c->members)
        for (size_t k = 0; k < c->ncommunities; k++)
            free(c->members[k]);
    free(c->members);
    free(c->size);
    free(c->membership);
    free(c->strength);
    free(c);
}

int wg_graph_set_communities(wg_graph *g, const wg_communities *c)
{
    wg_column *col = wg_table_add(&g->nodes, "community", WG_ATTR_INT);
    if (!col)
        return WG_ENOMEM;
    /* a file re-saved by Gephi may already have one, read back as a double */
    for (size_t v = 0; v < g->nodes.nrows; v++) {
        char buf[32];
        if (col->kind == WG_ATTR_INT)
            col->i[v] = (long long)c->membership[v];
        else if (col->kind == WG_ATTR_DOUBLE)
            col->d[v] = (double)c->membership[v];
        else if (snprintf(buf, sizeof buf, "%zu", c->membership[v]) < 0 || wg_column_set_string(col, v, buf) < 0)
            return WG_ENOMEM;
    }
    return 0;
}
