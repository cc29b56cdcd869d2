/* Query stage: every measure on small graphs with values worked out by
 * hand, name lookup, text width, and the commands' library calls on the
 * fixture graphs (written by wardgraph and re-saved Gephi-style). */
#include <math.h>
#include <string.h>
#include "harness.h"
#include "query/query.h"

#define NEAR(got, want)                                                                   \
    do {                                                                                  \
        double g_ = (got), w_ = (want);                                                   \
        OK(fabs(g_ - w_) <= 1e-9 * (fabs(w_) > 1 ? fabs(w_) : 1), "got %.17g, want %.17g", g_, w_); \
    } while (0)

/* A wg_graph from an edge list: node i has key "n<i>", label `labels[i]`
 * (or the key), type "official"; weights may be NULL. */
static wg_graph *make(size_t n, const int *edges, size_t m, const double *weights, const char *const *labels)
{
    wg_graph *g = NULL;
    igraph_vector_int_t el;
    wg_column *id, *label, *type, *w;
    igraph_vector_int_init(&el, (igraph_integer_t)(2 * m));
    for (size_t i = 0; i < 2 * m; i++)
        VECTOR(el)[i] = edges[i];
    wg_graph_new(&g, NULL);
    igraph_create(&g->ig, &el, (igraph_integer_t)n, IGRAPH_UNDIRECTED);
    igraph_vector_int_destroy(&el);
    g->has_ig = 1;
    g->nodes.nrows = n;
    g->edges.nrows = m;
    id = wg_table_add(&g->nodes, "id", WG_ATTR_STRING);
    label = wg_table_add(&g->nodes, "label", WG_ATTR_STRING);
    type = wg_table_add(&g->nodes, "type", WG_ATTR_STRING);
    for (size_t v = 0; v < n; v++) {
        char key[32];
        snprintf(key, sizeof key, "n%zu", v);
        wg_column_set_string(id, v, key);
        wg_column_set_string(label, v, labels ? labels[v] : key);
        wg_column_set_string(type, v, labels && strstr(labels[v], "meeting") ? "meeting" : "official");
    }
    w = wg_table_add(&g->edges, "weight", WG_ATTR_DOUBLE);
    for (size_t e = 0; e < m; e++)
        w->d[e] = weights ? weights[e] : 1.0;
    return g;
}

/* The score of node key "n<v>" under `measure`. */
static double score(const wg_graph *g, const char *measure, size_t v, int unweighted, int normalized)
{
    wg_rank_options ro = WG_RANK_OPTIONS_INIT;
    wg_ranking *r = NULL;
    char key[32];
    double s = NAN;
    ro.measure = measure;
    ro.unweighted = unweighted;
    ro.normalized = normalized;
    snprintf(key, sizeof key, "n%zu", v);
    if (wg_rank(&r, g, &ro) < 0) {
        fprintf(stderr, "wg_rank %s: %s\n", measure, wg_error_last());
        return NAN;
    }
    for (size_t i = 0; i < r->nrows; i++)
        if (strcmp(r->rows[i].key, key) == 0)
            s = r->rows[i].score;
    wg_ranking_free(r);
    return s;
}

static void test_path_graph(void)
{
    /* P4: 0 - 1 - 2 - 3 */
    static const int e[] = {0, 1, 1, 2, 2, 3};
    wg_graph *g = make(4, e, 3, NULL, NULL);
    NEAR(score(g, "degree", 0, 0, 0), 1);
    NEAR(score(g, "degree", 1, 0, 0), 2);
    NEAR(score(g, "degree", 1, 0, 1), 2.0 / 3);
    NEAR(score(g, "betweenness", 0, 0, 0), 0);
    NEAR(score(g, "betweenness", 1, 0, 0), 2);
    NEAR(score(g, "betweenness", 1, 0, 1), 2.0 / 3); /* / ((n-1)(n-2)/2) = 3 */
    NEAR(score(g, "closeness", 0, 0, 0), 1.0 / 6);
    NEAR(score(g, "closeness", 1, 0, 0), 1.0 / 4);
    NEAR(score(g, "closeness", 1, 0, 1), 3.0 / 4);
    NEAR(score(g, "harmonic", 0, 0, 0), 1 + 1.0 / 2 + 1.0 / 3);
    NEAR(score(g, "harmonic", 1, 0, 0), 2.5);
    NEAR(score(g, "harmonic", 1, 0, 1), 2.5 / 3);
    /* pagerank by symmetry: a = .0375 + .425 b, b = .0375 + .85 a + .425 b */
    NEAR(score(g, "pagerank", 1, 0, 0), 0.069375 / 0.21375);
    NEAR(score(g, "pagerank", 0, 0, 0), 0.0375 + 0.425 * 0.069375 / 0.21375);
    NEAR(score(g, "coreness", 2, 0, 0), 1);
    NEAR(score(g, "clustering", 1, 0, 0), 0);
    wg_graph_free(g);
}

static void test_weighted(void)
{
    /* triangle 0 1 2 with a pendant 3 on 2; a parallel 0-1 edge of weight 3
     * (a typed relation) makes the 0-1 tie weigh 3 */
    static const int e[] = {0, 1, 1, 2, 0, 2, 2, 3, 1, 0};
    static const double w[] = {1, 2, 4, 1, 3};
    wg_graph *g = make(4, e, 4, w, NULL), *gm = make(4, e, 5, w, NULL);
    NEAR(score(g, "strength", 0, 0, 0), 5);
    NEAR(score(g, "strength", 2, 0, 0), 7);
    NEAR(score(g, "strength", 2, 1, 0), 3);
    /* distances 1/w: 0-2-1 (0.75) beats 0-1 (1), so 2 is on (0,1), (0,3), (1,3) */
    NEAR(score(g, "betweenness", 2, 0, 0), 3);
    NEAR(score(g, "betweenness", 2, 1, 0), 2);
    NEAR(score(g, "betweenness", 0, 0, 0), 0);
    NEAR(score(g, "closeness", 2, 0, 0), 1 / 1.75);
    NEAR(score(g, "harmonic", 3, 0, 0), 1 + 1 / 1.25 + 1 / 1.5);
    /* Barrat: node 2, k = 3, s = 7, one triangle (0, 1): 2 x (4 + 2) / 2 */
    NEAR(score(g, "clustering", 2, 0, 0), 6.0 / 14);
    NEAR(score(g, "clustering", 2, 1, 0), 1.0 / 3);
    NEAR(score(g, "clustering", 0, 0, 0), 1);
    NEAR(score(g, "coreness", 0, 0, 0), 2);
    NEAR(score(g, "coreness", 3, 0, 0), 1);
    /* parallel edges: one tie at the largest weight */
    NEAR(score(gm, "degree", 0, 0, 0), 2);
    NEAR(score(gm, "strength", 0, 0, 0), 7);
    NEAR(score(gm, "betweenness", 2, 0, 0), 2); /* 0-1 direct now: 1/3 < 0.75 */
    {
        wg_rank_options ro = WG_RANK_OPTIONS_INIT;
        wg_ranking *r = NULL;
        ro.min_weight = 2;
        ro.measure = "degree";
        OK(wg_rank(&r, g, &ro) == 0, "%s", wg_error_last());
        INT_EQ(r->nrows, 4);
        STR_EQ(r->rows[3].key, "n3"); /* its only tie weighs 1 */
        NEAR(r->rows[3].score, 0);
        STR_EQ(r->rows[0].key, "n2");
        wg_ranking_free(r);
    }
    wg_graph_free(g);
    wg_graph_free(gm);
}

static void test_star_and_cycle(void)
{
    static const int star[] = {0, 1, 0, 2, 0, 3};
    static const int cyc[] = {0, 1, 1, 2, 2, 3, 3, 4, 4, 5, 5, 0};
    wg_graph *g = make(4, star, 3, NULL, NULL), *c = make(6, cyc, 6, NULL, NULL);
    wg_rank_options ro = WG_RANK_OPTIONS_INIT;
    wg_ranking *exact = NULL, *approx = NULL;
    NEAR(score(g, "eigenvector", 0, 0, 0), 1);
    NEAR(score(g, "eigenvector", 1, 0, 0), 1 / sqrt(3));
    NEAR(score(g, "betweenness", 0, 0, 0), 3);
    /* on a cycle every source contributes the same total dependency, so the
     * scaled sample of 2 of the 6 sources has the exact total */
    ro.measure = "betweenness";
    OK(wg_rank(&exact, c, &ro) == 0, "%s", wg_error_last());
    ro.approx = 2;
    ro.seed = 7;
    OK(wg_rank(&approx, c, &ro) == 0, "%s", wg_error_last());
    INT_EQ(approx->approximate, 1);
    INT_EQ(approx->sources, 2);
    INT_EQ(exact->approximate, 0);
    {
        double te = 0, ta = 0;
        for (size_t i = 0; i < 6; i++) {
            te += exact->rows[i].score;
            ta += approx->rows[i].score;
        }
        NEAR(ta, te);
    }
    NEAR(exact->rows[0].score, 2); /* C6: pairs at distance 2 (1 via) and 3 (2 ways, 1/2 each) */
    wg_ranking_free(exact);
    wg_ranking_free(approx);
    wg_graph_free(g);
    wg_graph_free(c);
}

static void test_hits(void)
{
    /* meeting 4 mentions n0 and n1, meeting 5 mentions n0: authority is the
     * principal eigenvector of [[2,1],[1,1]]: (1, 1/phi); hubs likewise */
    static const int e[] = {4, 0, 4, 1, 5, 0};
    static const char *const labels[] = {"a", "b", "c", "d", "meeting 1", "meeting 2"};
    wg_graph *g = make(6, e, 3, NULL, labels), *plain = make(6, e, 3, NULL, NULL);
    double phi = (1 + sqrt(5)) / 2;
    wg_rank_options ro = WG_RANK_OPTIONS_INIT;
    wg_ranking *r = NULL;
    NEAR(score(g, "authority", 0, 0, 0), 1);
    NEAR(score(g, "authority", 1, 0, 0), 1 / phi);
    NEAR(score(g, "authority", 4, 0, 0), 0);
    NEAR(score(g, "hub", 4, 0, 0), 1);
    NEAR(score(g, "hub", 5, 0, 0), 1 / phi);
    ro.measure = "hub";
    INT_EQ(wg_rank(&r, plain, &ro), WG_EINVAL);
    OK(strstr(wg_error_last(), "--bipartite") != NULL, "%s", wg_error_last());
    ro.measure = "fame";
    INT_EQ(wg_rank(&r, plain, &ro), WG_EINVAL);
    OK(strstr(wg_error_last(), "unknown measure 'fame'") != NULL, "%s", wg_error_last());
    ro.measure = "degree";
    ro.type = "ward";
    INT_EQ(wg_rank(&r, plain, &ro), WG_EINVAL);
    wg_graph_free(g);
    wg_graph_free(plain);
}

static void test_communities(void)
{
    /* two triangles joined by one edge: Q = 2 (3/7 - (7/14)^2) */
    static const int e[] = {0, 1, 1, 2, 0, 2, 3, 4, 4, 5, 3, 5, 2, 3};
    wg_graph *g = make(6, e, 7, NULL, NULL);
    wg_community_options co = WG_COMMUNITY_OPTIONS_INIT;
    for (int method = 0; method < 2; method++) {
        wg_communities *c = NULL;
        co.method = method ? "louvain" : "leiden";
        OK(wg_communities_find(&c, g, &co) == 0, "%s", wg_error_last());
        if (!c)
            continue;
        INT_EQ(c->ncommunities, 2);
        NEAR(c->modularity, 2 * (3.0 / 7 - 0.25));
        INT_EQ(c->membership[0], c->membership[1]);
        INT_EQ(c->membership[0], 0); /* equal sizes: the one with the smaller key first */
        INT_EQ(c->membership[5], 1);
        INT_EQ(c->members[0][0], 2); /* highest strength */
        INT_EQ(wg_graph_set_communities(g, c), 0);
        INT_EQ(wg_table_find(&g->nodes, "community")->i[4], 1);
        wg_communities_free(c);
    }
    co.method = "girvan";
    {
        wg_communities *c = NULL;
        INT_EQ(wg_communities_find(&c, g, &co), WG_EINVAL);
    }
    wg_graph_free(g);
}

static void test_names(void)
{
    static const int e[] = {0, 1, 1, 2};
    static const char *const labels[] = {"Tô Thị Bích Châu", "Nguyễn Văn Hùng", "Nguyễn Văn Hưng", "Lê Văn Đức"};
    wg_graph *g = make(4, e, 2, NULL, labels);
    size_t v = 99;
    char *f;
    INT_EQ(wg_graph_find_node(g, "n2", &v), 0);
    INT_EQ(v, 2);
    INT_EQ(wg_graph_find_node(g, "Nguyễn Văn Hưng", &v), 0);
    INT_EQ(v, 2);
    INT_EQ(wg_graph_find_node(g, "to thi bich chau", &v), 0);
    INT_EQ(v, 0);
    INT_EQ(wg_graph_find_node(g, "TÔ THỊ BÍCH CHÂU", &v), 0);
    INT_EQ(v, 0);
    /* decomposed input (tone marks as combining characters) */
    INT_EQ(wg_graph_find_node(g, "To\xcc\x82 Thi\xcc\xa3 Bi\xcc\x81\x63h Cha\xcc\x82u", &v), 0);
    INT_EQ(v, 0);
    INT_EQ(wg_graph_find_node(g, "le van duc", &v), 0);
    INT_EQ(v, 3);
    INT_EQ(wg_graph_find_node(g, "nguyễn văn hùng", &v), 0); /* case only: the accents decide */
    INT_EQ(v, 1);
    INT_EQ(wg_graph_find_node(g, "nguyen van hung", &v), WG_EAMBIGUOUS);
    OK(strstr(wg_error_last(), "Nguyễn Văn Hùng (n1)") && strstr(wg_error_last(), "Nguyễn Văn Hưng (n2)"), "%s",
       wg_error_last());
    INT_EQ(wg_graph_find_node(g, "to thi bich chao", &v), WG_ENOTFOUND);
    STR_EQ(wg_error_last(), "no node named 'to thi bich chao'; did you mean: Tô Thị Bích Châu?");
    INT_EQ(wg_graph_find_node(g, "zzzzzzzzzzzzzzzz", &v), WG_ENOTFOUND);
    STR_EQ(wg_error_last(), "no node named 'zzzzzzzzzzzzzzzz'");
    f = wg_text_fold("Đảng ủy phường Cầu-Kho");
    STR_EQ(f, "dang uy phuong cau kho");
    free(f);
    INT_EQ(wg_text_width("Tô Thị Bích Châu"), 16);
    INT_EQ(wg_text_width("To\xcc\x82 Thi\xcc\xa3"), 6);   /* combining marks take no column */
    INT_EQ(wg_text_width("\xe6\xbc\xa2\xe5\xad\x97"), 4); /* two wide CJK characters */
    INT_EQ(wg_text_fit("Tô Thị", 3), strlen("Tô "));
    INT_EQ(wg_text_fit("Tho\xcc\x82", 3), 5);              /* the mark stays with its letter */
    INT_EQ(wg_text_fit("\xe6\xbc\xa2\xe5\xad\x97", 3), 3);
    wg_graph_free(g);
}

static void test_fixtures(void)
{
    static const char *const files[] = {WG_TEST_DATA "/corpus/graphs/council.graphml",
                                        WG_TEST_DATA "/corpus/gephi/council_gephi.graphml",
                                        WG_TEST_DATA "/corpus/gephi/council_directed.graphml"};
    wg_ranking *first = NULL;
    wg_graph *first_graph = NULL; /* the first ranking points into it */
    for (size_t f = 0; f < 3; f++) {
        wg_graph *g = NULL, *ego = NULL;
        wg_rank_options ro = WG_RANK_OPTIONS_INIT;
        wg_ranking *r = NULL;
        wg_stats *s = NULL;
        wg_hop *hops = NULL;
        wg_neighbor *nb = NULL;
        size_t a = 0, b = 0, n = 0;
        OK(wg_graph_read_graphml(&g, files[f]) == 0, "%s", wg_error_last());
        if (!g)
            continue;
        STR_EQ(wg_graph_node_label(g, 0), "Tô Thị Bích Châu");
        STR_EQ(wg_graph_node_type(g, 0), "official");
        ro.measure = "betweenness";
        OK(wg_rank(&r, g, &ro) == 0, "%s", wg_error_last());
        NEAR(r->rows[0].score, 17 + 2.0 / 3);
        if (!first) {
            first = r;
        } else {
            INT_EQ(r->nrows, first->nrows);
            for (size_t i = 0; i < r->nrows && i < first->nrows; i++) {
                STR_EQ(r->rows[i].key, first->rows[i].key);
                NEAR(r->rows[i].score, first->rows[i].score);
            }
            wg_ranking_free(r);
        }
        OK(wg_graph_stats(&s, g) == 0, "%s", wg_error_last());
        INT_EQ(s->nodes, 13);
        INT_EQ(s->edges, 27);
        INT_EQ(s->ties, 25);
        INT_EQ(s->components, 3);
        INT_EQ(s->isolated, 1);
        INT_EQ(s->giant_nodes, 10);
        INT_EQ(s->diameter, 3);
        INT_EQ(s->diameter_exact, 1);
        STR_EQ(wg_graph_node_label(g, s->top[0]), "Tô Thị Bích Châu");
        INT_EQ(s->top_degree[0], 8);
        INT_EQ(s->nnode_types, 4);
        STR_EQ(s->node_types[0].name, "official");
        INT_EQ(s->node_types[0].count, 7);
        wg_stats_free(s);
        OK(wg_graph_find_node(g, "le van duc", &a) == 0, "%s", wg_error_last());
        OK(wg_graph_find_node(g, "Trần Thị Lan", &b) == 0, "%s", wg_error_last());
        OK(wg_graph_path(&hops, &n, g, a, b, 0) == 0, "%s", wg_error_last());
        INT_EQ(n, 3);
        if (n == 3) {
            STR_EQ(wg_graph_node_label(g, hops[0].to), "Tô Thị Bích Châu");
            STR_EQ(hops[0].meetings, "a02");
            STR_EQ(hops[2].meetings, "a04");
        }
        free(hops);
        OK(wg_graph_find_node(g, "pham minh tuan", &b) == 0, "%s", wg_error_last());
        INT_EQ(wg_graph_path(&hops, &n, g, a, b, 0), WG_ENOTFOUND);
        OK(wg_graph_neighbors(&nb, &n, g, 0, 1, 0) == 0, "%s", wg_error_last());
        INT_EQ(n, 8);
        STR_EQ(wg_graph_node_label(g, nb[0].node), "Nguyễn Văn Hùng");
        NEAR(nb[0].weight, 3);
        free(nb);
        OK(wg_graph_neighbors(&nb, &n, g, 0, 1, 2) == 0, "%s", wg_error_last());
        INT_EQ(n, 3); /* Hùng (3), Quận ủy (2), phường Cầu Kho (2) */
        free(nb);
        OK(wg_graph_ego(&ego, g, 0, 1) == 0, "%s", wg_error_last());
        INT_EQ(wg_graph_node_count(ego), 9);
        INT_EQ(wg_graph_edge_count(ego), 24);
        wg_graph_free(ego);
        if (!first_graph)
            first_graph = g;
        else
            wg_graph_free(g);
    }
    wg_ranking_free(first);
    wg_graph_free(first_graph);
}

int main(void)
{
    wg_init();
    test_path_graph();
    test_weighted();
    test_star_and_cycle();
    test_hits();
    test_communities();
    test_names();
    test_fixtures();
    return HARNESS_DONE();
}
