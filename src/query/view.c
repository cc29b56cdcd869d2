/* The simple undirected view that every query works on, and node attributes
 * for display. */
#include <math.h>
#include <string.h>
#include "query/query.h"

typedef struct {
    igraph_integer_t u, v, e;
    double w;
} pair;

static int compare_pairs(const void *pa, const void *pb)
{
    const pair *a = pa, *b = pb;
    if (a->u != b->u)
        return a->u < b->u ? -1 : 1;
    if (a->v != b->v)
        return a->v < b->v ? -1 : 1;
    if (a->w != b->w)
        return a->w > b->w ? -1 : 1; /* heaviest first: it represents the tie */
    return a->e < b->e ? -1 : a->e > b->e;
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
    const wg_column *relation = wg_table_find(&g->edges, "relation");
    igraph_integer_t n = igraph_vcount(&g->ig), m = igraph_ecount(&g->ig), k = 0;
    igraph_vector_int_t edges;
    pair *p = NULL;
    int err = 0;

    memset(view, 0, sizeof *view);
    view->weighted = !unweighted;
    if (m && (p = wg_i_malloc((size_t)m * sizeof *p)) == NULL)
        return WG_ENOMEM;
    for (igraph_integer_t e = 0; e < m; e++) {
        igraph_integer_t a = IGRAPH_FROM(&g->ig, e), b = IGRAPH_TO(&g->ig, e);
        double w = wg_i_edge_weight(g, (size_t)e);
        if (a == b || !(w > 0) || w < min_weight)
            continue; /* loops and ties that share nothing are no ties */
        if (relation && relation->kind == WG_ATTR_STRING && typed_only(relation->s[e]))
            continue;
        p[k].u = a < b ? a : b;
        p[k].v = a < b ? b : a;
        p[k].e = e;
        p[k].w = w;
        k++;
    }
    if (k)
        qsort(p, (size_t)k, sizeof *p, compare_pairs);
    if (igraph_vector_int_init(&edges, 0) || igraph_vector_init(&view->weight, 0) ||
        igraph_vector_init(&view->dist, 0) || igraph_vector_int_init(&view->edge, 0)) {
        err = wg_i_error_set(WG_ENOMEM, "out of memory");
        goto done;
    }
    for (igraph_integer_t i = 0; i < k; i++) {
        double w;
        if (i && p[i].u == p[i - 1].u && p[i].v == p[i - 1].v)
            continue;
        w = unweighted ? 1.0 : p[i].w;
        if (igraph_vector_int_push_back(&edges, p[i].u) || igraph_vector_int_push_back(&edges, p[i].v) ||
            igraph_vector_push_back(&view->weight, w) || igraph_vector_push_back(&view->dist, 1.0 / w) ||
            igraph_vector_int_push_back(&view->edge, p[i].e)) {
            err = wg_i_error_set(WG_ENOMEM, "out of memory");
            goto done;
        }
    }
    if (igraph_create(&view->ig, &edges, n, IGRAPH_UNDIRECTED) != IGRAPH_SUCCESS)
        err = WG_EGRAPH;
done:
    free(p);
    igraph_vector_int_destroy(&edges);
    if (err) {
        igraph_vector_destroy(&view->weight);
        igraph_vector_destroy(&view->dist);
        igraph_vector_int_destroy(&view->edge);
    }
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
