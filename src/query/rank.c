/* Centrality rankings. Path-based measures read a heavier tie as a shorter
 * distance (1/weight), unless unweighted. */
#include <math.h>
#include <string.h>
#include "query/query.h"

static int compare_rows(const void *pa, const void *pb)
{
    const wg_rank_row *a = pa, *b = pb;
    if (a->score != b->score)
        return a->score < b->score ? 1 : -1;
    return strcmp(a->key, b->key);
}

int wg_rank(wg_ranking **out, const wg_graph *g, const wg_rank_options *opts)
{
    igraph_vector_t scores, weights, dist;
    igraph_integer_t n = igraph_vcount(&g->ig), m = igraph_ecount(&g->ig);
    const char *measure = opts->measure;
    const wg_column *ids = wg_table_find(&g->nodes, "id");
    wg_ranking *r = NULL;
    igraph_error_t rc = IGRAPH_SUCCESS;
    int err = 0;

    *out = NULL;
    if (igraph_vector_init(&scores, n) || igraph_vector_init(&weights, m) || igraph_vector_init(&dist, m))
        return wg_i_error_set(WG_ENOMEM, "out of memory");
    for (igraph_integer_t e = 0; e < m; e++) {
        VECTOR(weights)[e] = opts->unweighted ? 1.0 : wg_i_edge_weight(g, (size_t)e);
        VECTOR(dist)[e] = 1.0 / VECTOR(weights)[e];
    }
    if (strcmp(measure, "degree") == 0) {
        igraph_vector_int_t deg;
        igraph_vector_int_init(&deg, n);
        rc = igraph_degree(&g->ig, &deg, igraph_vss_all(), IGRAPH_ALL, IGRAPH_LOOPS);
        for (igraph_integer_t v = 0; v < n; v++)
            VECTOR(scores)[v] = (double)VECTOR(deg)[v];
        igraph_vector_int_destroy(&deg);
    } else if (strcmp(measure, "betweenness") == 0) {
        rc = igraph_betweenness(&g->ig, &scores, igraph_vss_all(), IGRAPH_UNDIRECTED, &dist);
    } else if (strcmp(measure, "pagerank") == 0) {
        igraph_real_t value;
        rc = igraph_pagerank(&g->ig, IGRAPH_PAGERANK_ALGO_PRPACK, &scores, &value, igraph_vss_all(),
                             IGRAPH_UNDIRECTED, 0.85, &weights, NULL);
    } else {
        err = wg_i_error_set(WG_EINVAL, "unknown measure '%s'", measure);
        goto done;
    }
    if (rc != IGRAPH_SUCCESS) {
        err = WG_EGRAPH;
        goto done;
    }
    if ((r = wg_i_calloc(1, sizeof *r)) == NULL || (r->rows = wg_i_calloc((size_t)n, sizeof *r->rows)) == NULL) {
        err = WG_ENOMEM;
        goto done;
    }
    for (igraph_integer_t v = 0; v < n; v++) {
        const char *type = wg_i_node_str(g, "type", (size_t)v);
        if (opts->type && strcmp(type, opts->type) != 0)
            continue;
        wg_rank_row *row = &r->rows[r->nrows++];
        row->key = ids->s[v];
        row->label = wg_i_node_str(g, "label", (size_t)v);
        row->type = type;
        row->score = VECTOR(scores)[v];
    }
    qsort(r->rows, r->nrows, sizeof *r->rows, compare_rows);
    if (opts->top && r->nrows > opts->top)
        r->nrows = opts->top;
done:
    igraph_vector_destroy(&scores);
    igraph_vector_destroy(&weights);
    igraph_vector_destroy(&dist);
    if (err) {
        wg_ranking_free(r);
        return err;
    }
    *out = r;
    return 0;
}

void wg_ranking_free(wg_ranking *r)
{
    if (!r)
        return;
    free(r->rows);
    free(r);
}
