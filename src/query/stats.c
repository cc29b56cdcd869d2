/* Summary of a network: what it holds, how it hangs together. */
#include <string.h>
#include "query/query.h"

/* Beyond this many nodes in the giant component the diameter is a lower
 * bound from BFS sweeps: the exact one costs a BFS per node. */
#define EXACT_DIAMETER_MAX 20000

static int count_add(wg_count **list, size_t *n, size_t *cap, const char *name)
{
    for (size_t i = 0; i < *n; i++)
        if (strcmp((*list)[i].name, name) == 0) {
            (*list)[i].count++;
            return 0;
        }
    if (wg_i_grow(list, cap, *n + 1, sizeof **list) < 0 || ((*list)[*n].name = wg_i_strdup(name)) == NULL)
        return WG_ENOMEM;
    (*list)[(*n)++].count = 1;
    return 0;
}

static int compare_counts(const void *pa, const void *pb)
{
    const wg_count *a = pa, *b = pb;
    if (a->count != b->count)
        return a->count < b->count ? 1 : -1;
    return strcmp(a->name, b->name);
}

/* The farthest node from `from` and its distance (BFS on `ig`). */
static igraph_error_t farthest(const igraph_t *ig, igraph_integer_t from, igraph_integer_t *to, igraph_real_t *d)
{
    igraph_matrix_t m;
    IGRAPH_CHECK(igraph_matrix_init(&m, 0, 0));
    IGRAPH_FINALLY(igraph_matrix_destroy, &m);
    IGRAPH_CHECK(igraph_distances(ig, &m, igraph_vss_1(from), igraph_vss_all(), IGRAPH_ALL));
    *to = from;
    *d = 0;
    for (igraph_integer_t v = 0; v < igraph_vcount(ig); v++)
        if (MATRIX(m, 0, v) > *d && MATRIX(m, 0, v) != IGRAPH_INFINITY) {
            *d = MATRIX(m, 0, v);
            *to = v;
        }
    igraph_matrix_destroy(&m);
    IGRAPH_FINALLY_CLEAN(1);
    return IGRAPH_SUCCESS;
}

static igraph_error_t giant_diameter(const wg_i_view *view, const igraph_vector_int_t *mem, igraph_integer_t giant,
                                     wg_stats *s)
{
    igraph_vector_int_t keep, map;
    igraph_t sub;
    igraph_real_t d = 0;
    igraph_integer_t from = 0, to = 0;

    IGRAPH_VECTOR_INT_INIT_FINALLY(&keep, 0);
    IGRAPH_VECTOR_INT_INIT_FINALLY(&map, 0);
    for (igraph_integer_t v = 0; v < igraph_vector_int_size(mem); v++)
        if (VECTOR(*mem)[v] == giant)
            IGRAPH_CHECK(igraph_vector_int_push_back(&keep, v));
    IGRAPH_CHECK(igraph_induced_subgraph_map(&view->ig, &sub, igraph_vss_vector(&keep), IGRAPH_SUBGRAPH_AUTO,
                                             NULL, &map));
    IGRAPH_FINALLY(igraph_destroy, &sub);
    if (igraph_vcount(&sub) <= EXACT_DIAMETER_MAX) {
        IGRAPH_CHECK(igraph_diameter(&sub, &d, &from, &to, NULL, NULL, IGRAPH_UNDIRECTED, 1));
        s->diameter_exact = 1;
    } else {
        /* double sweep, repeated from the far end: a tight lower bound in practice */
        igraph_integer_t a = 0, b = 0;
        igraph_real_t da = 0;
        for (int sweep = 0; sweep < 4; sweep++) {
            IGRAPH_CHECK(farthest(&sub, a, &b, &da));
            if (da > d || sweep == 0) {
                d = da;
                from = a;
                to = b;
            }
            a = b;
        }
        s->diameter_exact = 0;
    }
    s->diameter = (size_t)d;
    /* map: vertex of sub -> vertex of the view; igraph gives it as invmap */
    s->diameter_from = (size_t)VECTOR(keep)[from];
    s->diameter_to = (size_t)VECTOR(keep)[to];
    igraph_destroy(&sub);
    igraph_vector_int_destroy(&map);
    igraph_vector_int_destroy(&keep);
    IGRAPH_FINALLY_CLEAN(3);
    return IGRAPH_SUCCESS;
}

int wg_graph_stats(wg_stats **out, const wg_graph *g)
{
    size_t n = wg_graph_node_count(g), cap1 = 0, cap2 = 0;
    const wg_column *rel = wg_table_find(&g->edges, "relation");
    igraph_vector_int_t mem, csize, deg;
    igraph_integer_t nc = 0, giant = -1;
    wg_i_view view;
    wg_stats *s;
    int err = 0;

    *out = NULL;
    if ((s = wg_i_calloc(1, sizeof *s)) == NULL)
        return WG_ENOMEM;
    if ((err = wg_i_view_init(&view, g, 0.0, 0)) < 0) {
        free(s);
        return err;
    }
    igraph_vector_int_init(&mem, 0);
    igraph_vector_int_init(&csize, 0);
    igraph_vector_int_init(&deg, 0);
    s->nodes = n;
    s->edges = wg_graph_edge_count(g);
    s->ties = (size_t)igraph_ecount(&view.ig);
    for (size_t v = 0; v < n && !err; v++) {
        const char *t = wg_graph_node_type(g, v);
        err = count_add(&s->node_types, &s->nnode_types, &cap1, *t ? t : "(none)");
    }
    /* an edge carries every relation of its pair (';'-joined): each counts */
    for (size_t e = 0; rel && rel->kind == WG_ATTR_STRING && e < s->edges && !err; e++) {
        const char *p = rel->s[e];
        if (!*p) {
            err = count_add(&s->edge_relations, &s->nedge_relations, &cap2, "(none)");
            continue;
        }
        while (*p && !err) {
            const char *semi = strchr(p, ';');
            size_t l = semi ? (size_t)(semi - p) : strlen(p);
            char name[64];
            snprintf(name, sizeof name, "%.*s", (int)(l < 63 ? l : 63), p);
            err = count_add(&s->edge_relations, &s->nedge_relations, &cap2, name);
            p += l + (semi != NULL);
        }
    }
    if (err)
        goto done;
    if (s->nnode_types)
        qsort(s->node_types, s->nnode_types, sizeof *s->node_types, compare_counts);
    if (s->nedge_relations)
        qsort(s->edge_relations, s->nedge_relations, sizeof *s->edge_relations, compare_counts);
    s->density = n > 1 ? (double)s->ties / ((double)n * (double)(n - 1) / 2.0) : 0.0;
    s->mean_degree = n ? 2.0 * (double)s->ties / (double)n : 0.0;
    if (igraph_connected_components(&view.ig, &mem, &csize, &nc, IGRAPH_WEAK) != IGRAPH_SUCCESS ||
        igraph_degree(&view.ig, &deg, igraph_vss_all(), IGRAPH_ALL, IGRAPH_NO_LOOPS) != IGRAPH_SUCCESS) {
        err = WG_EGRAPH;
        goto done;
    }
    s->components = (size_t)nc;
    for (igraph_integer_t c = 0; c < nc; c++) {
        if (VECTOR(csize)[c] == 1)
            s->isolated++;
        if (giant < 0 || VECTOR(csize)[c] > VECTOR(csize)[giant])
            giant = c;
    }
    if (giant >= 0) {
        s->giant_nodes = (size_t)VECTOR(csize)[giant];
        for (igraph_integer_t e = 0; e < igraph_ecount(&view.ig); e++)
            if (VECTOR(mem)[IGRAPH_FROM(&view.ig, e)] == giant)
                s->giant_ties++;
        if (giant_diameter(&view, &mem, giant, s) != IGRAPH_SUCCESS) {
            err = WG_EGRAPH;
            goto done;
        }
    }
    /* top 3 by degree, ties by key: insertion into a sorted array of 3 */
    for (size_t v = 0; v < n; v++) {
        size_t pos = s->ntop, last;
        while (pos > 0 && (VECTOR(deg)[v] > VECTOR(deg)[s->top[pos - 1]] ||
                           (VECTOR(deg)[v] == VECTOR(deg)[s->top[pos - 1]] &&
                            strcmp(wg_graph_node_key(g, v), wg_graph_node_key(g, s->top[pos - 1])) < 0)))
            pos--;
        if (pos >= 3)
            continue;
        last = s->ntop < 3 ? s->ntop++ : 2;
        for (size_t i = last; i > pos; i--)
            s->top[i] = s->top[i - 1];
        s->top[pos] = v;
    }
    for (size_t i = 0; i < s->ntop; i++)
        s->top_degree[i] = (size_t)VECTOR(deg)[s->top[i]];
done:
    igraph_vector_int_destroy(&mem);
    igraph_vector_int_destroy(&csize);
    igraph_vector_int_destroy(&deg);
    wg_i_view_destroy(&view);
    if (err) {
        wg_stats_free(s);
        return err;
    }
    *out = s;
    return 0;
}

void wg_stats_free(wg_stats *s)
{
    if (!s)
        return;
    for (size_t i = 0; i < s->nnode_types; i++)
        free(s->node_types[i].name);
    for (size_t i = 0; i < s->nedge_relations; i++)
        free(s->edge_relations[i].name);
    free(s->node_types);
    free(s->edge_relations);
    free(s);
}
