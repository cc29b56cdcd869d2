/* Building the network: articles stream in (input order), entities are
 * merged by key, co-mentions counted per meeting; wg_graph_finish turns the
 * accumulators into the igraph graph and its attribute tables. Memory grows
 * with the graph (nodes, linked pairs, and the meeting ids and dates that
 * each one lists), never with the text of the corpus.
 *
 * Resolution: one node per key, and only per key. Keys come from the
 * extraction (SPEC section 3: scoped so that two places' organs or two
 * people differ); here they are only made canonical (NFC, case and tone
 * placement folded, a valid XML name), so "hoà"/"hòa" variants of one key
 * meet while "Hùng"/"Hưng" stay two people. The alias file is the one way
 * to merge or split by hand. */
#include <math.h>
#include <string.h>
#include "graph/graph.h"

enum { REL_CO_MENTION = 0, REL_HOLDS_TITLE_IN, REL_COMMITTEE_OF, REL_MENTIONS, REL_COUNT };
static const char *const relation_names[REL_COUNT] = {"co_mention", "holds_title_in", "committee_of", "mentions"};

#define TYPE_MEETING ((int)WG_ENTITY_TYPES)

/* The articles (by input index) a node or edge appears in, ascending: the
 * first inline, as most pairs share a single meeting. */
typedef struct {
    uint32_t first, n, cap;
    uint32_t *more;
} artlist;

struct wg_i_node_acc {
    char *key, *label, *parent;
    char *title, *date, *source; /* meetings only (bipartite) */
    int type;                    /* wg_entity_type, or TYPE_MEETING */
    int label_from_alias;        /* replace the label by the first non-aliased one */
    long long mentions;
    wg_buf titles; /* "; "-separated, first-seen order */
    artlist arts;
};

struct wg_i_edge_acc {
    uint32_t u, v;
    uint8_t relation;
    uint8_t roles; /* bipartite: the entity's WG_ROLE_* in the meeting */
    artlist arts;  /* weight = arts.n */
};

static uint32_t artlist_get(const artlist *l, uint32_t i) { return i == 0 ? l->first : l->more[i - 1]; }

static int artlist_has_last(const artlist *l, uint32_t a) { return l->n && artlist_get(l, l->n - 1) == a; }

/* Appends article `a` unless it is the last one already (one meeting counts once). */
static int artlist_add(artlist *l, uint32_t a)
{
    if (artlist_has_last(l, a))
        return 0;
    if (l->n == 0) {
        l->first = a;
    } else {
        if (l->n - 1 >= l->cap) {
            uint32_t cap = l->cap ? l->cap * 2 : 2;
            uint32_t *m = wg_i_realloc(l->more, (size_t)cap * sizeof *m);
            if (!m)
                return WG_ENOMEM;
            l->more = m;
            l->cap = cap;
        }
        l->more[l->n - 1] = a;
    }
    l->n++;
    return 0;
}

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

static const char *art_meeting(const wg_graph *g, uint32_t a) { return g->art_text.ptr + g->art_off[2 * (size_t)a]; }
static const char *art_date(const wg_graph *g, uint32_t a) { return g->art_text.ptr + g->art_off[2 * (size_t)a + 1]; }

/* Only full dates order a timeline; "--05-11" has no year to compare. */
static int full_date(const char *d) { return d && strlen(d) == 10 && d[0] != '-'; }

static int cmp_str(const void *a, const void *b) { return strcmp(*(char *const *)a, *(char *const *)b); }

/* The distinct dates of the articles in `l`, sorted, ";"-separated, and the
 * first and last full dates. `tmp` holds l->n pointers. */
static int list_dates(const wg_graph *g, const artlist *l, const char **tmp, wg_buf *dates, const char **first,
                      const char **last)
{
    size_t k = 0;
    *first = *last = "";
    dates->len = 0;
    if (dates->ptr)
        dates->ptr[0] = '\0';
    for (uint32_t i = 0; i < l->n; i++) {
        const char *d = art_date(g, artlist_get(l, i));
        if (*d && (!k || strcmp(tmp[k - 1], d) != 0))
            tmp[k++] = d;
    }
    if (k > 1)
        qsort(tmp, k, sizeof *tmp, cmp_str);
    for (size_t i = 0; i < k; i++) {
        if (i && strcmp(tmp[i], tmp[i - 1]) == 0)
            continue;
        if (dates->len)
            wg_buf_putc(dates, ';');
        wg_buf_puts(dates, tmp[i]);
        if (full_date(tmp[i])) {
            if (!**first)
                *first = tmp[i];
            *last = tmp[i];
        }
    }
    return dates->failed ? WG_ENOMEM : 0;
}

/* The meeting's id: the source's file name without directory or extension. */
static char *meeting_id(const char *source)
{
    const char *base = strrchr(source, '/');
    const char *dot;
    char *raw, *clean;
    base = base ? base + 1 : source;
    dot = strrchr(base, '.');
    raw = wg_i_strndup(base, dot && dot != base ? (size_t)(dot - base) : strlen(base));
    if (!raw)
        return NULL;
    /* ';' separates ids in the meetings lists */
    for (char *p = raw; *p; p++)
        if (*p == ';')
            *p = '_';
    clean = wg_i_clean_text(raw);
    free(raw);
    return clean;
}

static wg_i_node_acc *new_node(wg_graph *g, const char *key, size_t *out)
{
    wg_i_node_acc *n;
    if (wg_i_grow(&g->acc_nodes, &g->acc_nodes_cap, g->nacc_nodes + 1, sizeof *g->acc_nodes) < 0)
        return NULL;
    *out = g->nacc_nodes;
    n = &g->acc_nodes[g->nacc_nodes++];
    memset(n, 0, sizeof *n);
    if ((n->key = wg_i_strdup(key)) == NULL || wg_strmap_put(&g->node_index, key, *out) < 0)
        return NULL;
    return n;
}

/* The node of entity `e` of meeting `meeting`, after the alias file. */
static int node_for(wg_graph *g, const wg_entity *e, const char *meeting, size_t *out)
{
    wg_i_alias *al = wg_i_alias_for(&g->aliases, meeting, e);
    char *key = NULL, *label = NULL;
    int type = (int)e->type, err = 0;
    size_t idx = 0;
    wg_i_node_acc *n;

    /* without aliases a key written before leads to its node without the
     * Unicode work again: most entities of a corpus are seen many times */
    if (!g->aliases.n && wg_strmap_get(&g->raw_index, e->key, &idx)) {
        *out = idx;
        return 0;
    }
    if (al) {
        al->used++;
        if ((key = wg_i_alias_key(al, e->type)) == NULL)
            return WG_ENOMEM;
        if (al->type >= 0)
            type = al->type;
    } else if ((key = wg_i_canonical_key(e->key)) == NULL) {
        return WG_ENOMEM;
    }
    if (wg_strmap_get(&g->node_index, key, &idx)) {
        n = &g->acc_nodes[idx];
        /* a node first met through an alias takes its own label when it shows up */
        if (n->label_from_alias && !al) {
            if ((label = wg_i_clean_text(e->name)) == NULL) {
                err = WG_ENOMEM;
            } else {
                free(n->label);
                n->label = label;
                n->label_from_alias = 0;
            }
        }
    } else if ((n = new_node(g, key, &idx)) == NULL) {
        err = WG_ENOMEM;
    } else {
        n->type = type;
        n->label_from_alias = al && !al->canon_label;
        if ((n->label = wg_i_clean_text(al && al->canon_label ? al->canon_label : e->name)) == NULL)
            err = WG_ENOMEM;
    }
    free(key);
    *out = idx;
    if (!err && !g->aliases.n)
        err = wg_strmap_put(&g->raw_index, e->key, idx);
    return err;
}

static int add_title(wg_i_node_acc *n, const char *raw)
{
    /* titles are kept once each, in the order first seen */
    char *title = wg_i_clean_text(raw);
    const char *p = n->titles.ptr;
    size_t tl;
    int err = 0;
    if (!title)
        return WG_ENOMEM;
    tl = strlen(title);
    while (p && *p) {
        const char *sep = strstr(p, "; ");
        size_t l = sep ? (size_t)(sep - p) : strlen(p);
        if (l == tl && strncmp(p, title, l) == 0)
            goto done;
        p = sep ? sep + 2 : p + l;
    }
    if (n->titles.len)
        wg_buf_puts(&n->titles, "; ");
    wg_buf_puts(&n->titles, title);
    err = n->titles.failed ? WG_ENOMEM : 0;
done:
    free(title);
    return err;
}

static uint64_t pair_hash(size_t a, size_t b)
{
    uint64_t x = (uint64_t)a * 0x9E3779B97F4A7C15ull ^ ((uint64_t)b + 0x632BE59BD9B4E019ull);
    x ^= x >> 31;
    x *= 0xBF58476D1CE4E5B9ull;
    x ^= x >> 29;
    return x;
}

static int edge_index_grow(wg_graph *g)
{
    size_t ncap = g->edge_index_cap ? g->edge_index_cap * 2 : 1024;
    size_t *slots = wg_i_calloc(ncap, sizeof *slots);
    if (!slots)
        return WG_ENOMEM;
    for (size_t i = 0; i < g->nacc_edges; i++) {
        const wg_i_edge_acc *e = &g->acc_edges[i];
        size_t lo = e->u < e->v ? e->u : e->v, hi = e->u < e->v ? e->v : e->u;
        size_t j = (size_t)pair_hash(lo, hi) & (ncap - 1);
        while (slots[j])
            j = (j + 1) & (ncap - 1);
        slots[j] = i + 1;
    }
    free(g->edge_index);
    g->edge_index = slots;
    g->edge_index_cap = ncap;
    return 0;
}

/* One edge per unordered pair of nodes: an index keyed on the pair itself
 * (no formatted strings), linear probing, load at most 1/2. */
static int edge_for(wg_graph *g, size_t u, size_t v, size_t *out)
{
    size_t lo = u < v ? u : v, hi = u < v ? v : u, j;
    if ((g->nacc_edges + 1) * 2 > g->edge_index_cap && edge_index_grow(g) < 0)
        return WG_ENOMEM;
    j = (size_t)pair_hash(lo, hi) & (g->edge_index_cap - 1);
    while (g->edge_index[j]) {
        const wg_i_edge_acc *e = &g->acc_edges[g->edge_index[j] - 1];
        if ((e->u == lo && e->v == hi) || (e->u == hi && e->v == lo)) {
            *out = g->edge_index[j] - 1;
            return 0;
        }
        j = (j + 1) & (g->edge_index_cap - 1);
    }
    if (wg_i_grow(&g->acc_edges, &g->acc_edges_cap, g->nacc_edges + 1, sizeof *g->acc_edges) < 0)
        return WG_ENOMEM;
    *out = g->nacc_edges++;
    wg_i_edge_acc *e = &g->acc_edges[*out];
    memset(e, 0, sizeof *e);
    e->u = (uint32_t)lo;
    e->v = (uint32_t)hi;
    e->relation = REL_CO_MENTION;
    g->edge_index[j] = *out + 1;
    return 0;
}

/* Counts meeting `article` for the pair (u, v). A typed relation names the
 * edge (u = the official or committee, v = what it belongs to); the weight
 * stays the number of meetings that link the pair, each counted once. */
static int count_edge(wg_graph *g, size_t u, size_t v, int relation, uint32_t article, size_t *out)
{
    size_t idx;
    int err;
    if (u == v)
        return 0;
    if ((err = edge_for(g, u, v, &idx)) < 0)
        return err;
    wg_i_edge_acc *e = &g->acc_edges[idx];
    if (relation != REL_CO_MENTION && e->relation == REL_CO_MENTION) {
        e->relation = (uint8_t)relation;
        e->u = (uint32_t)u;
        e->v = (uint32_t)v;
    }
    if (out)
        *out = idx;
    return artlist_add(&e->arts, article);
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

/* Bipartite view: the meeting as a node of its own. */
static int meeting_node(wg_graph *g, const wg_article *a, const char *meeting, uint32_t article, size_t *out)
{
    wg_buf key = WG_BUF_INIT;
    char *k;
    size_t idx;
    wg_i_node_acc *n;

    wg_buf_printf(&key, "meeting:%s", meeting);
    if (key.failed || (k = wg_i_xml_name(key.ptr)) == NULL) {
        wg_buf_free(&key);
        return WG_ENOMEM;
    }
    wg_buf_free(&key);
    /* two inputs with one file name in different folders are two meetings */
    if (wg_strmap_get(&g->node_index, k, &idx)) {
        char *k2 = wg_i_malloc(strlen(k) + 24);
        if (k2)
            snprintf(k2, strlen(k) + 24, "%s-%lu", k, (unsigned long)article + 1);
        free(k);
        if ((k = k2) == NULL)
            return WG_ENOMEM;
    }
    if ((n = new_node(g, k, &idx)) == NULL) {
        free(k);
        return WG_ENOMEM;
    }
    free(k);
    n->type = TYPE_MEETING;
    for (size_t i = 0; i < a->nentities; i++)
        n->mentions += (long long)a->entities[i].nmentions;
    if ((n->label = wg_i_clean_text(a->title && *a->title ? a->title : meeting)) == NULL ||
        (n->title = wg_i_clean_text(a->title)) == NULL || (n->date = wg_i_clean_text(a->date)) == NULL ||
        (n->source = wg_i_clean_text(a->source)) == NULL)
        return WG_ENOMEM;
    *out = idx;
    return artlist_add(&n->arts, article);
}

/* Records the article's meeting id and date, which node and edge lists refer to by index. */
static int add_article_row(wg_graph *g, const char *meeting, const char *date)
{
    size_t a = g->narticles;
    if (a >= UINT32_MAX)
        return wg_i_error_set(WG_EINVAL, "more than %lu articles", (unsigned long)UINT32_MAX - 1);
    if (wg_i_grow(&g->art_off, &g->art_off_cap, 2 * a + 2, sizeof *g->art_off) < 0)
        return WG_ENOMEM;
    g->art_off[2 * a] = g->art_text.len;
    wg_buf_put(&g->art_text, meeting, strlen(meeting) + 1);
    g->art_off[2 * a + 1] = g->art_text.len;
    wg_buf_put(&g->art_text, date, strlen(date) + 1);
    return g->art_text.failed ? WG_ENOMEM : 0;
}

int wg_graph_add_article(wg_graph *g, const wg_article *a)
{
    uint32_t article;
    size_t *ids = NULL, mnode = 0;
    char *meeting = NULL, *date = NULL;
    int err = 0;

    if (g->has_ig)
        return wg_i_error_set(WG_EINVAL, "graph is already finished");
    if ((meeting = meeting_id(a->source ? a->source : "")) == NULL || (date = wg_i_clean_text(a->date)) == NULL ||
        (err = add_article_row(g, meeting, date)) < 0) {
        free(meeting);
        free(date);
        return err < 0 ? err : WG_ENOMEM;
    }
    article = (uint32_t)g->narticles++;
    if (a->nentities && (ids = wg_i_calloc(a->nentities, sizeof *ids)) == NULL) {
        err = WG_ENOMEM;
        goto done;
    }
    if (g->opts.bipartite && (err = meeting_node(g, a, meeting, article, &mnode)) < 0)
        goto done;
    for (size_t i = 0; i < a->nentities && !err; i++) {
        const wg_entity *e = &a->entities[i];
        if ((err = node_for(g, e, meeting, &ids[i])) < 0)
            break;
        wg_i_node_acc *n = &g->acc_nodes[ids[i]];
        n->mentions += (long long)e->nmentions;
        if ((err = artlist_add(&n->arts, article)) < 0)
            break;
        for (size_t t = 0; t < e->ntitles && !err; t++)
            err = add_title(n, e->titles[t]);
        if (!err && e->parent && *e->parent && !n->parent && (n->parent = wg_i_clean_text(e->parent)) == NULL)
            err = WG_ENOMEM;
    }
    if (g->opts.bipartite) {
        for (size_t i = 0; i < a->nentities && !err; i++) {
            size_t idx;
            if ((err = count_edge(g, mnode, ids[i], REL_MENTIONS, article, &idx)) < 0)
                break;
            g->acc_edges[idx].roles |= (uint8_t)a->entities[i].roles;
        }
        goto done;
    }
    for (size_t i = 0; i < a->nentities && !err; i++)
        for (size_t j = i + 1; j < a->nentities && !err; j++)
            if (together(&a->entities[i], &a->entities[j], g->opts.window))
                err = count_edge(g, ids[i], ids[j], REL_CO_MENTION, article, NULL);
    if (g->opts.relations) {
        for (size_t i = 0; i < a->nentities && !err; i++) {
            const wg_entity *e = &a->entities[i];
            for (size_t j = 0; j < a->nentities && !err; j++) {
                const wg_entity *f = &a->entities[j];
                if (e->type == WG_OFFICIAL && f->type == WG_COMMITTEE) {
                    for (size_t t = 0; t < e->ntitles && !err; t++)
                        if (title_names_committee(e->titles[t], f->name)) {
                            err = count_edge(g, ids[i], ids[j], REL_HOLDS_TITLE_IN, article, NULL);
                            break;
                        }
                } else if (e->type == WG_COMMITTEE && f->type == WG_WARD &&
                           title_names_committee(e->name, f->name)) {
                    err = count_edge(g, ids[i], ids[j], REL_COMMITTEE_OF, article, NULL);
                }
            }
        }
    }
done:
    free(ids);
    free(meeting);
    free(date);
    return err;
}

/* Colour by type (ColorBrewer Set1, told apart by most colour-blind readers). */
static const unsigned char type_colors[][3] = {
    {228, 26, 28},   /* official: red */
    {77, 175, 74},   /* ward: green */
    {55, 126, 184},  /* committee: blue */
    {255, 127, 0},   /* project: orange */
    {153, 153, 153}, /* meeting: grey */
};

static const char *type_name(int t) { return t == TYPE_MEETING ? "meeting" : wg_entity_type_name((wg_entity_type)t); }

static int role_text(wg_buf *b, unsigned roles)
{
    static const char *const names[] = {"chair", "attendee", "speaker"};
    for (unsigned r = 0; r < 3; r++)
        if (roles & (1u << r)) {
            if (b->len)
                wg_buf_putc(b, ';');
            wg_buf_puts(b, names[r]);
        }
    if (!b->len)
        wg_buf_puts(b, "mentioned");
    return b->failed ? WG_ENOMEM : 0;
}

static int layout(wg_graph *g, wg_column *x, wg_column *y, const wg_column *weight)
{
    size_t n = g->nodes.nrows, m = g->edges.nrows;
    igraph_matrix_t pos;
    igraph_vector_t w;
    igraph_error_t rc;
    if (igraph_matrix_init(&pos, 0, 0) != IGRAPH_SUCCESS)
        return wg_i_error_set(WG_ENOMEM, "out of memory");
    igraph_vector_view(&w, weight->d, (igraph_integer_t)m);
    /* a fixed seed makes the layout, and so the exports, reproducible;
     * igraph's layouts run on one thread, so -j does not change them */
    igraph_rng_seed(igraph_rng_default(), 20250224);
    /* Fruchterman-Reingold on igraph's grid costs O(n + m) per iteration
     * (DrL measured slower here: minutes for 23k nodes and 0.9M edges);
     * very large graphs get fewer iterations */
    rc = igraph_layout_fruchterman_reingold(&g->ig, &pos, 0, n > 50000 ? 150 : 500, (igraph_real_t)sqrt((double)n),
                                            IGRAPH_LAYOUT_AUTOGRID, m ? &w : NULL, NULL, NULL, NULL, NULL);
    if (rc != IGRAPH_SUCCESS) {
        igraph_matrix_destroy(&pos);
        return WG_EGRAPH;
    }
    for (size_t v = 0; v < n; v++) {
        /* rounded so that the text form is stable across platforms' last bits */
        x->d[v] = round(MATRIX(pos, v, 0) * 1000.0) / 10.0;
        y->d[v] = round(MATRIX(pos, v, 1) * 1000.0) / 10.0;
    }
    igraph_matrix_destroy(&pos);
    return 0;
}

/* Sets a string cell, sharing the cell's text with the previous row's of
 * the same column when they are equal: most edges of a big graph repeat
 * their relation, label and dates. Arena strings are never changed. */
static int set_shared(wg_column *c, size_t row, const char *text)
{
    if (row && strcmp(c->s[row - 1], text ? text : "") == 0) {
        c->s[row] = c->s[row - 1];
        return 0;
    }
    return wg_column_set_string(c, row, text);
}

int wg_graph_finish(wg_graph *g)
{
    size_t n = g->nacc_nodes, m = 0, maxlist = 1;
    igraph_vector_int_t edges;
    wg_column *id, *label, *type, *mentions, *articles, *first, *last, *titles, *parent, *dates;
    wg_column *x, *y, *size, *r, *gg, *b, *mdate = NULL, *mtitle = NULL, *msource = NULL;
    wg_column *weight, *elabel, *relation, *meetings, *efirst, *elast, *edates, *role = NULL;
    wg_buf text = WG_BUF_INIT, dl = WG_BUF_INIT;
    const char **tmp = NULL, *fd, *ld;
    int err = 0;

    if (g->has_ig)
        return wg_i_error_set(WG_EINVAL, "graph is already finished");
    for (size_t i = 0; i < g->nacc_edges; i++) {
        const wg_i_edge_acc *e = &g->acc_edges[i];
        if (e->relation != REL_CO_MENTION || (double)e->arts.n >= g->opts.min_weight)
            m++;
        if (e->arts.n > maxlist)
            maxlist = e->arts.n;
    }
    for (size_t v = 0; v < n; v++)
        if (g->acc_nodes[v].arts.n > maxlist)
            maxlist = g->acc_nodes[v].arts.n;
    if ((tmp = wg_i_malloc(maxlist * sizeof *tmp)) == NULL)
        return WG_ENOMEM;
    g->nodes.nrows = n;
    g->edges.nrows = m;
    /* column order is the order of the attributes in every export */
    if (!(id = wg_table_add(&g->nodes, "id", WG_ATTR_STRING)) ||
        !(label = wg_table_add(&g->nodes, "label", WG_ATTR_STRING)) ||
        !(type = wg_table_add(&g->nodes, "type", WG_ATTR_STRING)) ||
        !(mentions = wg_table_add(&g->nodes, "mentions", WG_ATTR_INT)) ||
        !(articles = wg_table_add(&g->nodes, "articles", WG_ATTR_INT)) ||
        !(first = wg_table_add(&g->nodes, "first_date", WG_ATTR_STRING)) ||
        !(last = wg_table_add(&g->nodes, "last_date", WG_ATTR_STRING)) ||
        !(dates = wg_table_add(&g->nodes, "dates", WG_ATTR_STRING)) ||
        !(titles = wg_table_add(&g->nodes, "titles", WG_ATTR_STRING)) ||
        !(parent = wg_table_add(&g->nodes, "parent", WG_ATTR_STRING)) ||
        (g->opts.bipartite && (!(mdate = wg_table_add(&g->nodes, "date", WG_ATTR_STRING)) ||
                               !(mtitle = wg_table_add(&g->nodes, "title", WG_ATTR_STRING)) ||
                               !(msource = wg_table_add(&g->nodes, "source", WG_ATTR_STRING)))) ||
        !(size = wg_table_add(&g->nodes, "size", WG_ATTR_DOUBLE)) ||
        !(r = wg_table_add(&g->nodes, "r", WG_ATTR_INT)) ||
        !(gg = wg_table_add(&g->nodes, "g", WG_ATTR_INT)) ||
        !(b = wg_table_add(&g->nodes, "b", WG_ATTR_INT)) ||
        !(x = wg_table_add(&g->nodes, "x", WG_ATTR_DOUBLE)) ||
        !(y = wg_table_add(&g->nodes, "y", WG_ATTR_DOUBLE)) ||
        !(weight = wg_table_add(&g->edges, "weight", WG_ATTR_DOUBLE)) ||
        !(elabel = wg_table_add(&g->edges, "label", WG_ATTR_STRING)) ||
        !(relation = wg_table_add(&g->edges, "relation", WG_ATTR_STRING)) ||
        (g->opts.bipartite && !(role = wg_table_add(&g->edges, "role", WG_ATTR_STRING))) ||
        !(meetings = wg_table_add(&g->edges, "meetings", WG_ATTR_STRING)) ||
        !(efirst = wg_table_add(&g->edges, "first_date", WG_ATTR_STRING)) ||
        !(elast = wg_table_add(&g->edges, "last_date", WG_ATTR_STRING)) ||
        !(edates = wg_table_add(&g->edges, "dates", WG_ATTR_STRING))) {
        free(tmp);
        return WG_ENOMEM;
    }
    for (size_t v = 0; v < n && !err; v++) {
        wg_i_node_acc *a = &g->acc_nodes[v];
        err = list_dates(g, &a->arts, tmp, &dl, &fd, &ld);
        if (!err) err = wg_column_set_string(id, v, a->key);
        if (!err) err = wg_column_set_string(label, v, a->label);
        if (!err) err = set_shared(type, v, type_name(a->type));
        if (!err) err = set_shared(first, v, fd);
        if (!err) err = set_shared(last, v, ld);
        if (!err) err = set_shared(dates, v, dl.ptr);
        if (!err) err = wg_column_set_string(titles, v, a->titles.ptr);
        if (!err) err = set_shared(parent, v, a->parent);
        if (!err && mdate) err = wg_column_set_string(mdate, v, a->date);
        if (!err && mtitle) err = wg_column_set_string(mtitle, v, a->title);
        if (!err && msource) err = wg_column_set_string(msource, v, a->source);
        mentions->i[v] = a->mentions;
        articles->i[v] = a->arts.n;
        /* area grows with mentions, as the eye reads size */
        size->d[v] = round(400.0 + 400.0 * sqrt((double)a->mentions)) / 100.0;
        r->i[v] = type_colors[a->type][0];
        gg->i[v] = type_colors[a->type][1];
        b->i[v] = type_colors[a->type][2];
    }
    if (!err && (g->edge_ends = wg_i_calloc(2 * m + 1, sizeof *g->edge_ends)) == NULL)
        err = WG_ENOMEM;
    if (err || igraph_vector_int_init(&edges, (igraph_integer_t)(2 * m)) != IGRAPH_SUCCESS) {
        free(tmp);
        wg_buf_free(&dl);
        return err ? err : wg_i_error_set(WG_ENOMEM, "out of memory");
    }
    for (size_t i = 0, k = 0; i < g->nacc_edges && !err; i++) {
        wg_i_edge_acc *e = &g->acc_edges[i];
        uint32_t w = e->arts.n;
        if (e->relation == REL_CO_MENTION && (double)w < g->opts.min_weight)
            continue;
        VECTOR(edges)[2 * k] = (igraph_integer_t)e->u;
        VECTOR(edges)[2 * k + 1] = (igraph_integer_t)e->v;
        g->edge_ends[2 * k] = e->u;
        g->edge_ends[2 * k + 1] = e->v;
        weight->d[k] = (double)w;
        text.len = 0;
        if (role) {
            err = role_text(&text, e->roles);
            if (!err) err = set_shared(role, k, text.ptr);
            if (!err) err = set_shared(elabel, k, text.ptr);
        } else {
            /* Gephi shows the edge label: what links the pair and how often */
            char num[16];
            size_t nl = 0;
            for (uint32_t q = w; q || !nl; q /= 10)
                num[nl++] = (char)('0' + q % 10);
            wg_buf_puts(&text, relation_names[e->relation]);
            wg_buf_puts(&text, ", ");
            while (nl)
                wg_buf_putc(&text, num[--nl]);
            wg_buf_puts(&text, w == 1 ? " meeting" : " meetings");
            err = text.failed ? WG_ENOMEM : set_shared(elabel, k, text.ptr);
        }
        if (!err) err = set_shared(relation, k, relation_names[e->relation]);
        text.len = 0;
        for (uint32_t t = 0; t < w; t++) {
            if (t)
                wg_buf_putc(&text, ';');
            wg_buf_puts(&text, art_meeting(g, artlist_get(&e->arts, t)));
        }
        if (!err) err = text.failed ? WG_ENOMEM : wg_column_set_string(meetings, k, text.ptr);
        if (!err) err = list_dates(g, &e->arts, tmp, &dl, &fd, &ld);
        if (!err) err = set_shared(efirst, k, fd);
        if (!err) err = set_shared(elast, k, ld);
        if (!err) err = set_shared(edates, k, dl.ptr);
        /* the accumulators are done with: give their memory back as we go */
        free(e->arts.more);
        e->arts.more = NULL;
        k++;
    }
    free(tmp);
    wg_buf_free(&text);
    wg_buf_free(&dl);
    if (!err && igraph_create(&g->ig, &edges, (igraph_integer_t)n, IGRAPH_UNDIRECTED) != IGRAPH_SUCCESS)
        err = WG_EGRAPH;
    igraph_vector_int_destroy(&edges);
    if (err)
        return err;
    g->has_ig = 1;
    free(g->acc_edges);
    free(g->edge_index);
    g->acc_edges = NULL;
    g->edge_index = NULL;
    g->nacc_edges = g->acc_edges_cap = g->edge_index_cap = 0;
    if (g->opts.layout && n > 0 && (err = layout(g, x, y, weight)) < 0)
        return err;
    return 0;
}

void wg_i_edge_ends(const wg_graph *g, size_t e, size_t *from, size_t *to)
{
    if (g->edge_ends) {
        *from = g->edge_ends[2 * e];
        *to = g->edge_ends[2 * e + 1];
    } else {
        *from = (size_t)IGRAPH_FROM(&g->ig, (igraph_integer_t)e);
        *to = (size_t)IGRAPH_TO(&g->ig, (igraph_integer_t)e);
    }
}

const char *wg_i_node_first_meeting(const wg_graph *g, size_t v)
{
    return v < g->nacc_nodes && g->acc_nodes[v].arts.n ? art_meeting(g, g->acc_nodes[v].arts.first) : "";
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
        free(a->title);
        free(a->date);
        free(a->source);
        free(a->arts.more);
        wg_buf_free(&a->titles);
    }
    free(g->acc_nodes);
    for (size_t i = 0; i < g->nacc_edges; i++)
        free(g->acc_edges[i].arts.more);
    free(g->acc_edges);
    free(g->edge_index);
    free(g->edge_ends);
    free(g->art_off);
    wg_buf_free(&g->art_text);
    wg_strmap_free(&g->node_index);
    wg_strmap_free(&g->raw_index);
    wg_i_aliases_free(&g->aliases);
    wg_table_free(&g->nodes);
    wg_table_free(&g->edges);
    if (g->has_ig)
        igraph_destroy(&g->ig);
    free(g);
}
