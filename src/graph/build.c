/* Building the network: articles stream in (input order), entities are
 * merged by key, co-mentions counted per meeting; wg_graph_finish turns the
 * accumulators into the igraph graph and its attribute tables. Memory grows
 * with the graph, not with the corpus. */
#include <math.h>
#include <string.h>
#include "graph/graph.h"

enum { REL_CO_MENTION = 0, REL_HOLDS_TITLE_IN, REL_COMMITTEE_OF, REL_COUNT };
static const char *const relation_names[REL_COUNT] = {"co_mention", "holds_title_in", "committee_of"};

struct wg_i_node_acc {
    char *key, *label, *parent, *first_date, *last_date;
    wg_entity_type type;
    long long mentions, articles;
    wg_buf titles; /* "; "-separated, first-seen order */
    size_t last_article;
};

struct wg_i_edge_acc {
    size_t u, v;
    int relation;
    long long weight;
    wg_buf meetings;
    char *first_date, *last_date;
    size_t last_article;
};

int wg_graph_new(wg_graph **out, const wg_build_options *opts)
{
    static const wg_build_options defaults = WG_BUILD_OPTIONS_INIT;
    wg_graph *g = wg_i_calloc(1, sizeof *g);
    *out = NULL;
    if (!g)
        return WG_ENOMEM;
    g->opts = opts ? *opts : defaults;
    *out = g;
    return 0;
}

/* Only full dates order a timeline; "--05-11" has no year to compare. */
static int full_date(const char *d) { return d && strlen(d) == 10 && d[0] != '-'; }

static int widen_dates(char **first, char **last, const char *date)
{
    if (!full_date(date))
        return 0;
    if (!*first || strcmp(date, *first) < 0) {
        free(*first);
        if ((*first = wg_i_strdup(date)) == NULL)
            return WG_ENOMEM;
    }
    if (!*last || strcmp(date, *last) > 0) {
        free(*last);
        if ((*last = wg_i_strdup(date)) == NULL)
            return WG_ENOMEM;
    }
    return 0;
}

/* The meeting's id: the source's file name without directory or extension. */
static char *meeting_id(const char *source)
{
    const char *base = strrchr(source, '/');
    const char *dot;
    base = base ? base + 1 : source;
    dot = strrchr(base, '.');
    return wg_i_strndup(base, dot && dot != base ? (size_t)(dot - base) : strlen(base));
}

static int node_for(wg_graph *g, const wg_entity *e, size_t article, size_t *out)
{
    size_t idx;
    wg_i_node_acc *n;
    if (wg_strmap_get(&g->node_index, e->key, &idx)) {
        *out = idx;
        return 0;
    }
    if (wg_i_grow(&g->acc_nodes, &g->acc_nodes_cap, g->nacc_nodes + 1, sizeof *g->acc_nodes) < 0)
        return WG_ENOMEM;
    idx = g->nacc_nodes;
    n = &g->acc_nodes[idx];
    memset(n, 0, sizeof *n);
    n->type = e->type;
    n->last_article = (size_t)-1;
    if ((n->key = wg_i_strdup(e->key)) == NULL || (n->label = wg_i_strdup(e->name)) == NULL)
        return WG_ENOMEM;
    g->nacc_nodes++;
    (void)article;
    *out = idx;
    return wg_strmap_put(&g->node_index, e->key, idx);
}

static int add_title(wg_i_node_acc *n, const char *title)
{
    /* titles are kept once each, in the order first seen */
    const char *p = n->titles.ptr;
    size_t tl = strlen(title);
    while (p && *p) {
        const char *sep = strstr(p, "; ");
        size_t l = sep ? (size_t)(sep - p) : strlen(p);
        if (l == tl && strncmp(p, title, l) == 0)
            return 0;
        p = sep ? sep + 2 : p + l;
    }
    if (n->titles.len)
        wg_buf_puts(&n->titles, "; ");
    return wg_buf_puts(&n->titles, title);
}

static int edge_for(wg_graph *g, size_t u, size_t v, int relation, size_t *out)
{
    char key[80];
    size_t idx;
    wg_strmap *index;
    if (u > v && relation == REL_CO_MENTION) {
        size_t t = u;
        u = v;
        v = t;
    }
    if (!g->edge_index && (g->edge_index = wg_i_calloc(1, sizeof(wg_strmap))) == NULL)
        return WG_ENOMEM;
    index = g->edge_index;
    snprintf(key, sizeof key, "%zu,%zu,%d", u, v, relation);
    if (wg_strmap_get(index, key, &idx)) {
        *out = idx;
        return 0;
    }
    if (wg_i_grow(&g->acc_edges, &g->acc_edges_cap, g->nacc_edges + 1, sizeof *g->acc_edges) < 0)
        return WG_ENOMEM;
    idx = g->nacc_edges++;
    memset(&g->acc_edges[idx], 0, sizeof g->acc_edges[idx]);
    g->acc_edges[idx].u = u;
    g->acc_edges[idx].v = v;
    g->acc_edges[idx].relation = relation;
    g->acc_edges[idx].last_article = (size_t)-1;
    *out = idx;
    return wg_strmap_put(index, key, idx);
}

static int count_edge(wg_graph *g, size_t u, size_t v, int relation, size_t article,
                      const char *meeting, const char *date)
{
    size_t idx;
    int err;
    if (u == v)
        return 0;
    if ((err = edge_for(g, u, v, relation, &idx)) < 0)
        return err;
    wg_i_edge_acc *e = &g->acc_edges[idx];
    if (e->last_article == article)
        return 0; /* one meeting counts once */
    e->last_article = article;
    e->weight++;
    if (e->meetings.len)
        wg_buf_putc(&e->meetings, ';');
    wg_buf_puts(&e->meetings, meeting);
    if (e->meetings.failed)
        return WG_ENOMEM;
    return widen_dates(&e->first_date, &e->last_date, date);
}

/* Do two entities share a window (paragraph or sentence) in the article? */
static int together(const wg_entity *a, const wg_entity *b, wg_window w)
{
    if (w == WG_WINDOW_ARTICLE)
        return 1;
    for (size_t i = 0; i < a->nmentions; i++)
        for (size_t j = 0; j < b->nmentions; j++) {
            if (w == WG_WINDOW_PARAGRAPH && a->mentions[i].paragraph == b->mentions[j].paragraph)
                return 1;
            if (w == WG_WINDOW_SENTENCE && a->mentions[i].sentence == b->mentions[j].sentence)
                return 1;
        }
    return 0;
}

/* A title "Bí thư Quận ủy Quận 1" places its holder in the committee
 * "Quận ủy Quận 1" when the title ends with the committee's name. */
static int title_names_committee(const char *title, const char *committee)
{
    size_t tl = strlen(title), cl = strlen(committee);
    return tl > cl && strcmp(title + tl - cl, committee) == 0 && title[tl - cl - 1] == ' ';
}

int wg_graph_add_article(wg_graph *g, const wg_article *a)
{
    size_t article = g->narticles++;
    size_t *ids = NULL;
    char *meeting = NULL;
    int err = 0;

    if (a->nentities && (ids = wg_i_calloc(a->nentities, sizeof *ids)) == NULL)
        return WG_ENOMEM;
    if ((meeting = meeting_id(a->source)) == NULL) {
        free(ids);
        return WG_ENOMEM;
    }
    for (size_t i = 0; i < a->nentities && !err; i++) {
        const wg_entity *e = &a->entities[i];
        if ((err = node_for(g, e, article, &ids[i])) < 0)
            break;
        wg_i_node_acc *n = &g->acc_nodes[ids[i]];
        n->mentions += (long long)e->nmentions;
        if (n->last_article != article) {
            n->articles++;
            n->last_article = article;
        }
        for (size_t t = 0; t < e->ntitles && !err; t++)
            err = add_title(n, e->titles[t]);
        if (!err && e->parent && !n->parent && (n->parent = wg_i_strdup(e->parent)) == NULL)
            err = WG_ENOMEM;
        if (!err)
            err = widen_dates(&n->first_date, &n->last_date, a->date);
    }
    for (size_t i = 0; i < a->nentities && !err; i++)
        for (size_t j = i + 1; j < a->nentities && !err; j++)
            if (together(&a->entities[i], &a->entities[j], g->opts.window))
                err = count_edge(g, ids[i], ids[j], REL_CO_MENTION, article, meeting, a->date);
    if (g->opts.relations) {
        for (size_t i = 0; i < a->nentities && !err; i++) {
            const wg_entity *e = &a->entities[i];
            for (size_t j = 0; j < a->nentities && !err; j++) {
                const wg_entity *f = &a->entities[j];
                if (e->type == WG_OFFICIAL && f->type == WG_COMMITTEE) {
                    for (size_t t = 0; t < e->ntitles && !err; t++)
                        if (title_names_committee(e->titles[t], f->name)) {
                            err = count_edge(g, ids[i], ids[j], REL_HOLDS_TITLE_IN, article, meeting, a->date);
                            break;
                        }
                } else if (e->type == WG_COMMITTEE && f->type == WG_WARD &&
                           title_names_committee(e->name, f->name)) {
                    err = count_edge(g, ids[i], ids[j], REL_COMMITTEE_OF, article, meeting, a->date);
                }
            }
        }
    }
    free(ids);
    free(meeting);
    return err;
}

static const unsigned char type_colors[][3] = {
    {228, 26, 28},   /* official: red */
    {77, 175, 74},   /* ward: green */
    {55, 126, 184},  /* committee: blue */
    {255, 127, 0},   /* project: orange */
};

int wg_graph_finish(wg_graph *g)
{
    size_t n = g->nacc_nodes, m = 0;
    igraph_vector_int_t edges;
    wg_column *id, *label, *type, *mentions, *articles, *first, *last, *titles, *parent, *x, *y, *size, *r, *gg, *b;
    wg_column *weight, *relation, *meetings, *efirst, *elast;
    int err = 0;

    for (size_t i = 0; i < g->nacc_edges; i++)
        if (g->acc_edges[i].relation != REL_CO_MENTION || (double)g->acc_edges[i].weight >= g->opts.min_weight)
            m++;
    g->nodes.nrows = n;
    g->edges.nrows = m;
    if (!(id = wg_table_add(&g->nodes, "id", WG_ATTR_STRING)) ||
        !(label = wg_table_add(&g->nodes, "label", WG_ATTR_STRING)) ||
        !(type = wg_table_add(&g->nodes, "type", WG_ATTR_STRING)) ||
        !(mentions = wg_table_add(&g->nodes, "mentions", WG_ATTR_INT)) ||
        !(articles = wg_table_add(&g->nodes, "articles", WG_ATTR_INT)) ||
        !(first = wg_table_add(&g->nodes, "first_date", WG_ATTR_STRING)) ||
        !(last = wg_table_add(&g->nodes, "last_date", WG_ATTR_STRING)) ||
        !(titles = wg_table_add(&g->nodes, "titles", WG_ATTR_STRING)) ||
        !(parent = wg_table_add(&g->nodes, "parent", WG_ATTR_STRING)) ||
        !(size = wg_table_add(&g->nodes, "size", WG_ATTR_DOUBLE)) ||
        !(r = wg_table_add(&g->nodes, "r", WG_ATTR_INT)) ||
        !(gg = wg_table_add(&g->nodes, "g", WG_ATTR_INT)) ||
        !(b = wg_table_add(&g->nodes, "b", WG_ATTR_INT)) ||
        !(x = wg_table_add(&g->nodes, "x", WG_ATTR_DOUBLE)) ||
        !(y = wg_table_add(&g->nodes, "y", WG_ATTR_DOUBLE)) ||
        !(weight = wg_table_add(&g->edges, "weight", WG_ATTR_DOUBLE)) ||
        !(relation = wg_table_add(&g->edges, "relation", WG_ATTR_STRING)) ||
        !(meetings = wg_table_add(&g->edges, "meetings", WG_ATTR_STRING)) ||
        !(efirst = wg_table_add(&g->edges, "first_date", WG_ATTR_STRING)) ||
        !(elast = wg_table_add(&g->edges, "last_date", WG_ATTR_STRING)))
        return WG_ENOMEM;
    for (size_t v = 0; v < n && !err; v++) {
        wg_i_node_acc *a = &g->acc_nodes[v];
        err = wg_column_set_string(id, v, a->key);
        if (!err) err = wg_column_set_string(label, v, a->label);
        if (!err) err = wg_column_set_string(type, v, wg_entity_type_name(a->type));
        if (!err) err = wg_column_set_string(first, v, a->first_date);
        if (!err) err = wg_column_set_string(last, v, a->last_date);
        if (!err) err = wg_column_set_string(titles, v, a->titles.ptr);
        if (!err) err = wg_column_set_string(parent, v, a->parent);
        mentions->i[v] = a->mentions;
        articles->i[v] = a->articles;
        size->d[v] = 4.0 + 4.0 * sqrt((double)a->mentions);
        r->i[v] = type_colors[a->type][0];
        gg->i[v] = type_colors[a->type][1];
        b->i[v] = type_colors[a->type][2];
    }
    if (err)
        return err;
    if (igraph_vector_int_init(&edges, (igraph_integer_t)(2 * m)) != IGRAPH_SUCCESS)
        return wg_i_error_set(WG_ENOMEM, "out of memory");
    for (size_t i = 0, k = 0; i < g->nacc_edges && !err; i++) {
        wg_i_edge_acc *e = &g->acc_edges[i];
        if (e->relation == REL_CO_MENTION && (double)e->weight < g->opts.min_weight)
            continue;
        VECTOR(edges)[2 * k] = (igraph_integer_t)e->u;
        VECTOR(edges)[2 * k + 1] = (igraph_integer_t)e->v;
        weight->d[k] = (double)e->weight;
        err = wg_column_set_string(relation, k, relation_names[e->relation]);
        if (!err) err = wg_column_set_string(meetings, k, e->meetings.ptr);
        if (!err) err = wg_column_set_string(efirst, k, e->first_date);
        if (!err) err = wg_column_set_string(elast, k, e->last_date);
        k++;
    }
    if (!err && igraph_create(&g->ig, &edges, (igraph_integer_t)n, IGRAPH_UNDIRECTED) != IGRAPH_SUCCESS)
        err = WG_EGRAPH;
    igraph_vector_int_destroy(&edges);
    if (err)
        return err;
    g->has_ig = 1;
    if (g->opts.layout && n > 0) {
        igraph_matrix_t pos;
        igraph_vector_t w;
        if (igraph_matrix_init(&pos, 0, 0) != IGRAPH_SUCCESS)
            return wg_i_error_set(WG_ENOMEM, "out of memory");
        igraph_vector_view(&w, weight->d, (igraph_integer_t)m);
        /* a fixed seed makes the layout, and so the exports, reproducible */
        igraph_rng_seed(igraph_rng_default(), 20250224);
        if (igraph_layout_fruchterman_reingold(&g->ig, &pos, 0, 500, (igraph_real_t)sqrt((double)n), IGRAPH_LAYOUT_AUTOGRID,
                                               m ? &w : NULL, NULL, NULL, NULL, NULL) != IGRAPH_SUCCESS) {
            igraph_matrix_destroy(&pos);
            return WG_EGRAPH;
        }
        for (size_t v = 0; v < n; v++) {
            /* rounded so that the text form is stable across platforms' last bits */
            x->d[v] = round(MATRIX(pos, v, 0) * 1000.0) / 10.0;
            y->d[v] = round(MATRIX(pos, v, 1) * 1000.0) / 10.0;
        }
        igraph_matrix_destroy(&pos);
    }
    return 0;
}

size_t wg_graph_node_count(const wg_graph *g) { return g->nodes.nrows; }
size_t wg_graph_edge_count(const wg_graph *g) { return g->edges.nrows; }

const char *wg_i_node_str(const wg_graph *g, const char *col, size_t v)
{
    const wg_column *c = wg_table_find(&g->nodes, col);
    return c && c->kind == WG_ATTR_STRING ? c->s[v] : "";
}

double wg_i_edge_weight(const wg_graph *g, size_t e)
{
    const wg_column *c = wg_table_find(&g->edges, "weight");
    if (!c)
        return 1.0;
    return c->kind == WG_ATTR_DOUBLE ? c->d[e] : c->kind == WG_ATTR_INT ? (double)c->i[e] : 1.0;
}

void wg_graph_free(wg_graph *g)
{
    if (!g)
        return;
    for (size_t i = 0; i < g->nacc_nodes; i++) {
        wg_i_node_acc *a = &g->acc_nodes[i];
        free(a->key);
        free(a->label);
        free(a->parent);
        free(a->first_date);
        free(a->last_date);
        wg_buf_free(&a->titles);
    }
    free(g->acc_nodes);
    for (size_t i = 0; i < g->nacc_edges; i++) {
        wg_buf_free(&g->acc_edges[i].meetings);
        free(g->acc_edges[i].first_date);
        free(g->acc_edges[i].last_date);
    }
    free(g->acc_edges);
    if (g->edge_index) {
        wg_strmap_free(g->edge_index);
        free(g->edge_index);
    }
    wg_strmap_free(&g->node_index);
    wg_table_free(&g->nodes);
    wg_table_free(&g->edges);
    if (g->has_ig)
        igraph_destroy(&g->ig);
    free(g);
}
