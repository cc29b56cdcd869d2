/* Centrality rankings on the simple undirected view (query.h). Path-based
 * measures read a heavier tie as a shorter distance (1/weight), unless
 * unweighted. */
#include <math.h>
#include <string.h>
#include "query/query.h"

const char *const wg_rank_measures[] = {"degree",  "strength",  "betweenness", "closeness",
                                        "harmonic", "pagerank",  "eigenvector", "hub",
                                        "authority", "coreness", "clustering",  NULL};

typedef struct {
    wg_rank_row row;
    double order; /* the score to 12 significant digits */
} sort_row;

/* Scores equal but for floating-point noise (the same structural position
 * reached by a different sum order) tie, and ties go by key, so the order
 * does not depend on the platform's last bits. */
static double order_key(double d)
{
    char buf[32];
    if (!isfinite(d) || d == 0)
        return d;
    snprintf(buf, sizeof buf, "%.12g", d);
    return strtod(buf, NULL);
}

static int compare_rows(const void *pa, const void *pb)
{
    const sort_row *a = pa, *b = pb;
    int na = isnan(a->order), nb = isnan(b->order);
    if (na != nb)
        return na - nb;
    if (!na && a->order != b->order)
        return a->order < b->order ? 1 : -1;
    return strcmp(a->row.key, b->row.key);
}

/* `k` of the n nodes, chosen by a seeded partial Fisher-Yates shuffle:
 * the same seed, the same sample, on every platform. */
static igraph_error_t sample_sources(igraph_integer_t n, size_t k, uint64_t seed, igraph_vector_int_t *sources)
{
    igraph_vector_int_t perm;

    IGRAPH_CHECK(igraph_vector_int_init_range(&perm, 0, n));
    IGRAPH_FINALLY(igraph_vector_int_destroy, &perm);
    for (igraph_integer_t i = 0; i < (igraph_integer_t)k; i++) {
        igraph_integer_t j = i + (igraph_integer_t)(wg_i_rand_next(&seed) % (uint64_t)(n - i));
        igraph_integer_t t = VECTOR(perm)[i];
        VECTOR(perm)[i] = VECTOR(perm)[j];
        VECTOR(perm)[j] = t;
    }
    IGRAPH_CHECK(igraph_vector_int_init(sources, (igraph_integer_t)k));
    for (igraph_integer_t i = 0; i < (igraph_integer_t)k; i++)
        VECTOR(*sources)[i] = VECTOR(perm)[i];
    igraph_vector_int_destroy(&perm);
    IGRAPH_FINALLY_CLEAN(1);
    return IGRAPH_SUCCESS;
}

/* Betweenness from `k` sampled sources, scaled by n/k: an unbiased
 * estimate of the exact value (Brandes and Pich 2007). */
static igraph_error_t approx_betweenness(const wg_i_view *view, igraph_vector_t *scores, size_t k,
                                         uint64_t seed, const igraph_vector_t *dist)
{
    igraph_integer_t n = igraph_vcount(&view->ig);
    igraph_vector_int_t sources;
    igraph_error_t rc;

    IGRAPH_CHECK(sample_sources(n, k, seed, &sources));
    IGRAPH_FINALLY(igraph_vector_int_destroy, &sources);
    rc = igraph_betweenness_subset(&view->ig, scores, igraph_vss_all(), IGRAPH_UNDIRECTED,
                                   igraph_vss_vector(&sources), igraph_vss_all(), dist);
    if (rc != IGRAPH_SUCCESS)
        return rc;
    /* igraph already halves undirected dependencies, as in the exact sum */
    igraph_vector_scale(scores, (double)n / (double)k);
    igraph_vector_int_destroy(&sources);
    IGRAPH_FINALLY_CLEAN(1);
    return IGRAPH_SUCCESS;
}

/* Closeness or harmonic centrality from `k` sampled sources (Eppstein and
 * Wang 2004): distances are symmetric, so the k shortest-path trees from
 * the sources give every node its distance to each source. Harmonic:
 * (n/k) x the sum of 1/d(s, v) over the sources s != v, an unbiased
 * estimate of the sum over all nodes. Closeness: 1 / ((n/k) x the sum of
 * d(s, v) over the sources that reach v), the inverse of an unbiased
 * estimate of the total distance to the nodes v reaches; normalized, the
 * sources reached over that sum (the estimated mean distance, inverted).
 * A node that reaches no sampled source scores 0. The trees are grown a
 * few at a time: k x n distances at once would not fit at 10^6 nodes. */
#define TREES_AT_ONCE 16
static igraph_error_t approx_distances(const wg_i_view *view, igraph_vector_t *scores, size_t k, uint64_t seed,
                                       const igraph_vector_t *dist, int harmonic, int normalized)
{
    igraph_integer_t n = igraph_vcount(&view->ig);
    igraph_vector_int_t sources, chunk;
    igraph_vector_t reached;
    igraph_matrix_t d;
    double scale = (double)n / (double)k;

    IGRAPH_CHECK(sample_sources(n, k, seed, &sources));
    IGRAPH_FINALLY(igraph_vector_int_destroy, &sources);
    IGRAPH_VECTOR_INT_INIT_FINALLY(&chunk, 0);
    IGRAPH_VECTOR_INIT_FINALLY(&reached, n);
    IGRAPH_MATRIX_INIT_FINALLY(&d, 0, 0);
    igraph_vector_null(scores);
    for (igraph_integer_t from = 0; from < (igraph_integer_t)k; from += TREES_AT_ONCE) {
        igraph_integer_t to = from + TREES_AT_ONCE < (igraph_integer_t)k ? from + TREES_AT_ONCE : (igraph_integer_t)k;
        IGRAPH_CHECK(igraph_vector_int_resize(&chunk, to - from));
        for (igraph_integer_t i = from; i < to; i++)
            VECTOR(chunk)[i - from] = VECTOR(sources)[i];
        IGRAPH_CHECK(igraph_distances_dijkstra(&view->ig, &d, igraph_vss_vector(&chunk), igraph_vss_all(), dist,
                                               IGRAPH_ALL));
        for (igraph_integer_t v = 0; v < n; v++)
            for (igraph_integer_t i = 0; i < to - from; i++) {
                double x = MATRIX(d, i, v);
                if (VECTOR(chunk)[i] == v || !isfinite(x) || !(x > 0))
                    continue;
                VECTOR(*scores)[v] += harmonic ? 1.0 / x : x;
                VECTOR(reached)[v] += 1.0;
            }
    }
    for (igraph_integer_t v = 0; v < n; v++) {
        double sum = VECTOR(*scores)[v];
        if (harmonic)
            VECTOR(*scores)[v] = sum * scale / (normalized && n > 1 ? (double)(n - 1) : 1.0);
        else if (!(sum > 0))
            VECTOR(*scores)[v] = 0.0;
        else
            VECTOR(*scores)[v] = normalized ? VECTOR(reached)[v] / sum : 1.0 / (sum * scale);
    }
    igraph_matrix_destroy(&d);
    igraph_vector_destroy(&reached);
    igraph_vector_int_destroy(&chunk);
    igraph_vector_int_destroy(&sources);
    IGRAPH_FINALLY_CLEAN(4);
    return IGRAPH_SUCCESS;
}

static int has_meetings(const wg_graph *g)
{
    for (size_t v = 0; v < wg_graph_node_count(g); v++)
        if (strcmp(wg_graph_node_type(g, v), "meeting") == 0)
            return 1;
    return 0;
}

/* HITS on the bipartite meeting view: each meeting points at what it
 * mentions, so meetings get hub scores and entities authority scores. */
static igraph_error_t hits(const wg_graph *g, const wg_i_view *view, igraph_vector_t *scores, int hub)
{
    igraph_integer_t m = igraph_ecount(&view->ig), n = igraph_vcount(&view->ig);
    igraph_vector_int_t edges;
    igraph_vector_t w, other;
    igraph_t d;
    igraph_real_t value;

    IGRAPH_VECTOR_INT_INIT_FINALLY(&edges, 0);
    IGRAPH_VECTOR_INIT_FINALLY(&w, 0);
    IGRAPH_VECTOR_INIT_FINALLY(&other, n);
    for (igraph_integer_t e = 0; e < m; e++) {
        igraph_integer_t a = IGRAPH_FROM(&view->ig, e), b = IGRAPH_TO(&view->ig, e);
        int ma = strcmp(wg_graph_node_type(g, (size_t)a), "meeting") == 0;
        int mb = strcmp(wg_graph_node_type(g, (size_t)b), "meeting") == 0;
        if (ma == mb)
            continue; /* entity-entity relations are not part of the meeting view */
        IGRAPH_CHECK(igraph_vector_int_push_back(&edges, ma ? a : b));
        IGRAPH_CHECK(igraph_vector_int_push_back(&edges, ma ? b : a));
        IGRAPH_CHECK(igraph_vector_push_back(&w, VECTOR(view->weight)[e]));
    }
    IGRAPH_CHECK(igraph_create(&d, &edges, n, IGRAPH_DIRECTED));
    IGRAPH_FINALLY(igraph_destroy, &d);
    IGRAPH_CHECK(igraph_hub_and_authority_scores(&d, hub ? scores : &other, hub ? &other : scores, &value, 1,
                                                 igraph_vector_size(&w) ? &w : NULL, NULL));
    igraph_destroy(&d);
    igraph_vector_destroy(&other);
    igraph_vector_destroy(&w);
    igraph_vector_int_destroy(&edges);
    IGRAPH_FINALLY_CLEAN(4);
    return IGRAPH_SUCCESS;
}

static int compute(const wg_graph *g, const wg_i_view *view, const wg_rank_options *opts, igraph_vector_t *scores,
                   wg_ranking *r)
{
    const char *measure = opts->measure;
    igraph_integer_t n = igraph_vcount(&view->ig);
    const igraph_vector_t *w = view->weighted ? &view->weight : NULL;
    const igraph_vector_t *dist = view->weighted ? &view->dist : NULL;
    igraph_error_t rc = IGRAPH_SUCCESS;
    double scale = 1.0;

    if (strcmp(measure, "degree") == 0 || strcmp(measure, "coreness") == 0) {
        igraph_vector_int_t deg;
        if (igraph_vector_int_init(&deg, n))
            return wg_i_error_set(WG_ENOMEM, "out of memory");
        if (measure[0] == 'd')
            rc = igraph_degree(&view->ig, &deg, igraph_vss_all(), IGRAPH_ALL, IGRAPH_NO_LOOPS);
        else
            rc = igraph_coreness(&view->ig, &deg, IGRAPH_ALL);
        for (igraph_integer_t v = 0; rc == IGRAPH_SUCCESS && v < n; v++)
            VECTOR(*scores)[v] = (double)VECTOR(deg)[v];
        igraph_vector_int_destroy(&deg);
        r->weighted = 0;
        if (measure[0] == 'd' && opts->normalized && n > 1)
            scale = 1.0 / (double)(n - 1);
    } else if (strcmp(measure, "strength") == 0) {
        rc = igraph_strength(&view->ig, scores, igraph_vss_all(), IGRAPH_ALL, IGRAPH_NO_LOOPS, w);
        if (opts->normalized && n > 1)
            scale = 1.0 / (double)(n - 1);
    } else if (strcmp(measure, "betweenness") == 0) {
        if (opts->approx && (igraph_integer_t)opts->approx < n) {
            rc = approx_betweenness(view, scores, opts->approx, opts->seed, dist);
            r->approximate = 1;
            r->sources = opts->approx;
        } else {
            rc = igraph_betweenness(&view->ig, scores, igraph_vss_all(), IGRAPH_UNDIRECTED, dist);
        }
        if (opts->normalized && n > 2)
            scale = 2.0 / ((double)(n - 1) * (double)(n - 2));
    } else if ((strcmp(measure, "closeness") == 0 || strcmp(measure, "harmonic") == 0) && opts->approx &&
               (igraph_integer_t)opts->approx < n) {
        rc = approx_distances(view, scores, opts->approx, opts->seed, dist, measure[0] == 'h', opts->normalized != 0);
        r->approximate = 1;
        r->sources = opts->approx;
    } else if (strcmp(measure, "closeness") == 0) {
        rc = igraph_closeness(&view->ig, scores, NULL, NULL, igraph_vss_all(), IGRAPH_ALL, dist,
                              opts->normalized != 0);
        /* igraph leaves an isolated node NaN; it reaches nobody: 0 */
        for (igraph_integer_t v = 0; rc == IGRAPH_SUCCESS && v < n; v++)
            if (isnan(VECTOR(*scores)[v]))
                VECTOR(*scores)[v] = 0.0;
    } else if (strcmp(measure, "harmonic") == 0) {
        rc = igraph_harmonic_centrality(&view->ig, scores, igraph_vss_all(), IGRAPH_ALL, dist,
                                        opts->normalized != 0);
    } else if (strcmp(measure, "pagerank") == 0) {
        igraph_real_t value;
        rc = igraph_pagerank(&view->ig, IGRAPH_PAGERANK_ALGO_PRPACK, scores, &value, igraph_vss_all(),
                             IGRAPH_UNDIRECTED, 0.85, w, NULL);
    } else if (strcmp(measure, "eigenvector") == 0) {
        igraph_real_t value;
        rc = igraph_eigenvector_centrality(&view->ig, scores, &value, IGRAPH_UNDIRECTED, 1, w, NULL);
    } else if (strcmp(measure, "hub") == 0 || strcmp(measure, "authority") == 0) {
        if (!has_meetings(g))
            return wg_i_error_set(WG_EINVAL,
                                  "%s scores need meeting nodes (the bipartite view): build the graph with "
                                  "'wardgraph build --bipartite'",
                                  measure);
        rc = hits(g, view, scores, measure[0] == 'h');
    } else if (strcmp(measure, "clustering") == 0) {
        if (w)
            rc = igraph_transitivity_barrat(&view->ig, scores, igraph_vss_all(), w, IGRAPH_TRANSITIVITY_ZERO);
        else
            rc = igraph_transitivity_local_undirected(&view->ig, scores, igraph_vss_all(),
                                                      IGRAPH_TRANSITIVITY_ZERO);
    } else {
        wg_buf b = WG_BUF_INIT;
        int err;
        for (size_t i = 0; wg_rank_measures[i]; i++)
            wg_buf_printf(&b, "%s%s", i ? ", " : "", wg_rank_measures[i]);
        err = wg_i_error_set(WG_EINVAL, "unknown measure '%s' (%s)", measure, b.ptr ? b.ptr : "");
        wg_buf_free(&b);
        return err;
    }
    if (rc != IGRAPH_SUCCESS)
        return WG_EGRAPH;
    if (strcmp(measure, "eigenvector") == 0 || strcmp(measure, "hub") == 0 || strcmp(measure, "authority") == 0) {
        /* scaled to a maximum of 1: what is left off the dominant component
         * is solver noise (1e-17), not a score; print it as 0 */
        for (igraph_integer_t v = 0; v < n; v++)
            if (fabs(VECTOR(*scores)[v]) < 1e-10)
                VECTOR(*scores)[v] = 0.0;
    }
    if (scale != 1.0)
        igraph_vector_scale(scores, scale);
    return 0;
}

int wg_rank(wg_ranking **out, const wg_graph *g, const wg_rank_options *opts)
{
    igraph_vector_t scores;
    igraph_integer_t n = igraph_vcount(&g->ig);
    wg_i_view view;
    wg_ranking *r = NULL;
    sort_row *sorted = NULL;
    int err = 0;

    *out = NULL;
    if ((err = wg_i_view_init(&view, g, opts->min_weight, opts->unweighted)) < 0)
        return err;
    if (igraph_vector_init(&scores, n)) {
        wg_i_view_destroy(&view);
        return wg_i_error_set(WG_ENOMEM, "out of memory");
    }
    if ((r = wg_i_calloc(1, sizeof *r)) == NULL || (r->rows = wg_i_calloc((size_t)n, sizeof *r->rows)) == NULL) {
        err = WG_ENOMEM;
        goto done;
    }
    r->weighted = view.weighted;
    if ((err = compute(g, &view, opts, &scores, r)) < 0)
        goto done;
    for (igraph_integer_t v = 0; v < n; v++) {
        const char *type = wg_graph_node_type(g, (size_t)v);
        wg_rank_row *row;
        if (opts->type && strcmp(type, opts->type) != 0)
            continue;
        row = &r->rows[r->nrows++];
        row->node = (size_t)v;
        row->key = wg_graph_node_key(g, (size_t)v);
        row->label = wg_graph_node_label(g, (size_t)v);
        row->type = type;
        row->score = VECTOR(scores)[v];
    }
    if (opts->type && r->nrows == 0) {
        err = wg_i_error_set(WG_EINVAL, "no node of type '%s' in this graph", opts->type);
        goto done;
    }
    if ((sorted = wg_i_malloc((r->nrows ? r->nrows : 1) * sizeof *sorted)) == NULL) {
        err = WG_ENOMEM;
        goto done;
    }
    for (size_t i = 0; i < r->nrows; i++) {
        sorted[i].row = r->rows[i];
        sorted[i].order = order_key(r->rows[i].score);
    }
    qsort(sorted, r->nrows, sizeof *sorted, compare_rows);
    for (size_t i = 0; i < r->nrows; i++)
        r->rows[i] = sorted[i].row;
    if (opts->top && r->nrows > opts->top)
        r->nrows = opts->top;
done:
    free(sorted);
    igraph_vector_destroy(&scores);
    wg_i_view_destroy(&view);
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
