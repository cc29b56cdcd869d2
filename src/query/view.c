/* The simple undirected view that every query works on, and node attributes
 * for display. */
#include <math.h>
#include <string.h>
#include "query/query.h"

/* The ties: for each node pair (u < v) its heaviest edge (the first in
 * edge order among equals). Two stable counting sorts, by v then by u,
 * order the edges by pair and keep edge order within a pair: linear in
 * edges and nodes, which matters at millions of edges. */
static double weight_of(const wg_column *wc, igraph_integer_t e)
{
    return !wc ? 1.0 : wc->kind == WG_ATTR_DOUBLE ? wc->d[e] : (double)wc->i[e];
}

static void sort_by(const igraph_integer_t *key, const igraph_integer_t *in, igraph_integer_t *out,
                    igraph_integer_t k, igraph_integer_t *count, igraph_integer_t n)
{
    igraph_integer_t sum = 0;
    memset(count, 0, ((size_t)n + 1) * sizeof *count);
    for (igraph_integer_t i = 0; i < k; i++)
        count[key[in[i]]]++;
    for (igraph_integer_t x = 0; x <= n; x++) {
        igraph_integer_t c = count[x];
        count[x] = sum;
        sum += c;
    }
    for (igraph_integer_t i = 0; i < k; i++)
        out[count[key[in[i]]]++] = in[i];
}

/* Is `rel` (a ';'-joined relation list) only typed relations, with no
 * meeting in it? Such an edge says who holds a post in or cites a body
 * that was not in the room: drawn for Gephi, but no tie of who met whom,
 * or one cited body would bridge every province that cites it. */
static int typed_only(const char *rel)
{
    static const char *const typed[] = {"holds_title_in", "committee_of", "cites"};
    if (!rel || !*rel)
        return 0;
    for (const char *p = rel; *p;) {
        const char *semi = strchr(p, ';');
        size_t l = semi ? (size_t)(semi - p) : strlen(p);
        int is_typed = 0;
        for (size_t i = 0; i < sizeof typed / sizeof *typed; i++)
            is_typed |= strlen(typed[i]) == l && strncmp(p, typed[i], l) == 0;
        if (!is_typed)
            return 0;
        p += l + (semi != NULL);
    }
    return 1;
}

int wg_i_view_init(wg_i_view *view, const wg_graph *g, double min_weight, int unweighted)
{
    igraph_integer_t n = igraph_vcount(&g->ig), m = igraph_ecount(&g->ig), k = 0, t = 0;
    const wg_column *wc = wg_table_find(&g->edges, "weight");
    const wg_column *relation = wg_table_find(&g->edges, "relation");
    igraph_integer_t *pu, *pv, *pe, *ord, *tmp, *count;
    igraph_vector_int_t edges;
    int err = 0;

    memset(view, 0, sizeof *view);
    view->weighted = !unweighted;
    if (wc && wc->kind == WG_ATTR_STRING)
        wc = NULL; /* not a number: every tie weighs 1, as wg_i_edge_weight says */
    pu = wg_i_malloc(((size_t)m + 1) * sizeof *pu);
    pv = wg_i_malloc(((size_t)m + 1) * sizeof *pv);
    pe = wg_i_malloc(((size_t)m + 1) * sizeof *pe);
    ord = wg_i_malloc(((size_t)m + 1) * sizeof *ord);
    tmp = wg_i_malloc(((size_t)m + 1) * sizeof *tmp);
    count = wg_i_malloc(((size_t)n + 1) * sizeof *count);
    if (!pu || !pv || !pe || !ord || !tmp || !count) {
        err = WG_ENOMEM;
        goto done;
    }
    for (igraph_integer_t e = 0; e < m; e++) {
        igraph_integer_t a = IGRAPH_FROM(&g->ig, e), b = IGRAPH_TO(&g->ig, e);
        double w = weight_of(wc, e);
        if (a == b || !(w > 0) || w < min_weight)
            continue; /* loops and ties that share nothing are no ties */
        if (relation && relation->kind == WG_ATTR_STRING && typed_only(relation->s[e]))
            continue;
        pu[k] = a < b ? a : b;
        pv[k] = a < b ? b : a;
        pe[k] = e;
        ord[k] = k;
        k++;
    }
    sort_by(pv, ord, tmp, k, count, n);
    sort_by(pu, tmp, ord, k, count, n);
    /* count ties first: the vectors are allocated once */
    for (igraph_integer_t i = 0; i < k; i++)
        if (!i || pu[ord[i]] != pu[ord[i - 1]] || pv[ord[i]] != pv[ord[i - 1]])
            t++;
    if (t == m) {
        /* every edge is a tie of its own (a simple graph, as a file written
         * by wardgraph build usually is): the graph itself, in its edge
         * order, is the view, and igraph's copy keeps its index instead of
         * sorting millions of edges again */
        if (igraph_copy(&view->ig, &g->ig) != IGRAPH_SUCCESS) {
            err = WG_EGRAPH;
            goto done;
        }
        if (igraph_vector_init(&view->weight, m) || igraph_vector_init(&view->dist, m) ||
            igraph_vector_int_init(&view->edge, m)) {
            igraph_destroy(&view->ig);
            igraph_vector_destroy(&view->weight);
            igraph_vector_destroy(&view->dist);
            igraph_vector_int_destroy(&view->edge);
            err = wg_i_error_set(WG_ENOMEM, "out of memory");
            goto done;
        }
        for (igraph_integer_t e = 0; e < m; e++) {
            double w = unweighted ? 1.0 : weight_of(wc, e);
            VECTOR(view->weight)[e] = w;
            VECTOR(view->dist)[e] = 1.0 / w;
            VECTOR(view->edge)[e] = e;
        }
        goto done;
    }
    if (igraph_vector_int_init(&edges, 2 * t)) {
        err = wg_i_error_set(WG_ENOMEM, "out of memory");
        goto done;
    }
    if (igraph_vector_init(&view->weight, t) || igraph_vector_init(&view->dist, t) ||
        igraph_vector_int_init(&view->edge, t)) {
        err = wg_i_error_set(WG_ENOMEM, "out of memory");
        goto fail;
    }
    for (igraph_integer_t i = 0, j = 0; i < k; j++) {
        igraph_integer_t first = ord[i], best = first;
        double w;
        for (i++; i < k && pu[ord[i]] == pu[first] && pv[ord[i]] == pv[first]; i++)
            if (weight_of(wc, pe[ord[i]]) > weight_of(wc, pe[best]))
                best = ord[i]; /* strictly heavier: the first heaviest represents the tie */
        w = unweighted ? 1.0 : weight_of(wc, pe[best]);
        VECTOR(edges)[2 * j] = pu[first];
        VECTOR(edges)[2 * j + 1] = pv[first];
        VECTOR(view->weight)[j] = w;
        VECTOR(view->dist)[j] = 1.0 / w;
        VECTOR(view->edge)[j] = pe[best];
    }
    if (igraph_create(&view->ig, &edges, n, IGRAPH_UNDIRECTED) != IGRAPH_SUCCESS)
        err = WG_EGRAPH;
fail:
    igraph_vector_int_destroy(&edges);
    if (err) {
        igraph_vector_destroy(&view->weight);
        igraph_vector_destroy(&view->dist);
        igraph_vector_int_destroy(&view->edge);
    }
done:
    free(pu);
    free(pv);
    free(pe);
    free(ord);
    free(tmp);
    free(count);
    return err;
}

void wg_i_view_destroy(wg_i_view *view)
{
    igraph_destroy(&view->ig);
    igraph_vector_destroy(&view->weight);
    igraph_vector_destroy(&view->dist);
    igraph_vector_int_destroy(&view->edge);
}

const char *wg_i_edge_meetings(const wg_graph *g, size_t e)
{
    const wg_column *c = wg_table_find(&g->edges, "meetings");
    return c && c->kind == WG_ATTR_STRING ? c->s[e] : "";
}

uint64_t wg_i_rand_next(uint64_t *state)
{
    uint64_t z = (*state += 0x9e3779b97f4a7c15ull);
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ull;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebull;
    return z ^ (z >> 31);
}

const char *wg_graph_node_key(const wg_graph *g, size_t v)
{
    return wg_i_node_str(g, "id", v);
}

const char *wg_graph_node_label(const wg_graph *g, size_t v)
{
    const char *l = wg_i_node_str(g, "label", v);
    return *l ? l : wg_graph_node_key(g, v);
}

const char *wg_graph_node_type(const wg_graph *g, size_t v)
{
    return wg_i_node_str(g, "type", v);
}
