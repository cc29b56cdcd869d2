/* graph: what an analyst reads is who met whom, each meeting once. With
 * hand-made articles: presence (a cited body is joined by typed relations,
 * not co-mention), articles of kind `other`, Newman's weighting, titles
 * resolved to the committee they name, the same article twice (exact,
 * near copy, another outlet's report of one meeting), and labels that do
 * not depend on the order of the articles. */
#include <stdlib.h>
#include <string.h>
#include "harness.h"
#include "graph/graph.h"

static wg_entity ent(wg_entity_type t, const char *name, const char *key, wg_presence p)
{
    wg_entity e = {0};
    e.type = t;
    e.name = (char *)name;
    e.key = (char *)key;
    e.presence = p;
    return e;
}

/* An article with a fingerprint made from `seed`: equal seeds are copies,
 * `agree` of the signature's values shared with seed 1's. */
static wg_article art(const char *source, const char *date, wg_entity *e, size_t n, unsigned seed, int agree)
{
    wg_article a = {.source = (char *)source, .title = "Họp", .date = (char *)date, .date_source = "text",
                    .byline = "", .kind = WG_KIND_MEETING, .entities = e, .nentities = n};
    snprintf(a.hash, sizeof a.hash, "%016x%016x", seed * 2654435761u, seed + 7);
    for (int i = 0; i < WG_MINHASH; i++)
        a.minhash[i] = i < agree ? 1000u + (unsigned)i : seed * 100000u + (unsigned)i;
    return a;
}

static wg_graph *build(wg_article *arts, size_t n, wg_build_options o)
{
    wg_graph *g = NULL;
    o.layout = 0;
    if (wg_graph_new(&g, &o) < 0)
        return NULL;
    for (size_t i = 0; i < n; i++)
        if (wg_graph_add_article(g, &arts[i]) < 0) {
            wg_graph_free(g);
            return NULL;
        }
    if (wg_graph_finish(g) < 0) {
        wg_graph_free(g);
        return NULL;
    }
    return g;
}

static long node(const wg_graph *g, const char *key)
{
    const wg_column *id = wg_table_find(&g->nodes, "id");
    for (size_t v = 0; id && v < g->nodes.nrows; v++)
        if (strcmp(id->s[v], key) == 0)
            return (long)v;
    return -1;
}

/* The edge between two keys, or -1. */
static long edge(const wg_graph *g, const char *a, const char *b)
{
    long u = node(g, a), v = node(g, b);
    for (size_t e = 0; u >= 0 && v >= 0 && e < g->edges.nrows; e++) {
        size_t f, t;
        wg_i_edge_ends(g, e, &f, &t);
        if (((long)f == u && (long)t == v) || ((long)f == v && (long)t == u))
            return (long)e;
    }
    return -1;
}

static const char *edge_str(const wg_graph *g, long e, const char *col)
{
    const wg_column *c = wg_table_find(&g->edges, col);
    return c && e >= 0 ? c->s[e] : "(none)";
}

static double edge_num(const wg_graph *g, long e, const char *col)
{
    const wg_column *c = wg_table_find(&g->edges, col);
    if (!c || e < 0)
        return -1;
    return c->kind == WG_ATTR_DOUBLE ? c->d[e] : (double)c->i[e];
}

#define P WG_PRESENCE_PARTICIPANT
#define M WG_PRESENCE_MENTIONED
#define C WG_PRESENCE_CITED

int main(void)
{
    wg_build_options defaults = WG_BUILD_OPTIONS_INIT;

    /* presence: the cited Politburo is no co-mention; it hangs on the post
     * of the official who holds one, and on the body that cites it */
    {
        wg_entity e[4] = {ent(WG_OFFICIAL, "Lê Văn Hải", "official:lê-văn-hải", P),
                          ent(WG_COMMITTEE, "Đảng ủy xã An Phú", "committee:đảng-ủy-xã-an-phú", P),
                          ent(WG_COMMITTEE, "Bộ Chính trị", "committee:bộ-chính-trị", C),
                          ent(WG_WARD, "xã An Phú", "ward:xã-an-phú", M)};
        e[0].titles = (char *[]){"Ủy viên Bộ Chính trị", "nguyên Bí thư Đảng ủy xã An Phú"};
        e[0].ntitles = 2;
        wg_article a = art("in/a.txt", "2024-03-01", e, 4, 1, 0);
        wg_graph *g = build(&a, 1, defaults);
        OK(g != NULL, "build: %s", wg_error_last());
        if (g) {
            long t = edge(g, "official:lê-văn-hải", "committee:bộ-chính-trị");
            STR_EQ(edge_str(g, t, "relation"), "holds_title_in");
            STR_EQ(edge_str(g, edge(g, "committee:đảng-ủy-xã-an-phú", "committee:bộ-chính-trị"), "relation"), "cites");
            OK(edge(g, "ward:xã-an-phú", "committee:bộ-chính-trị") < 0, "a mentioned unit cites nothing");
            /* a former post names no body; the pair met all the same */
            STR_EQ(edge_str(g, edge(g, "official:lê-văn-hải", "committee:đảng-ủy-xã-an-phú"), "relation"),
                   "co_mention");
            STR_EQ(edge_str(g, edge(g, "committee:đảng-ủy-xã-an-phú", "ward:xã-an-phú"), "relation"),
                   "co_mention;committee_of");
            STR_EQ(wg_i_node_str(g, "presence", (size_t)node(g, "committee:bộ-chính-trị")), "cited");
            /* queries see no tie of typed relations only */
            wg_rank_options ro = WG_RANK_OPTIONS_INIT;
            wg_ranking *r = NULL;
            ro.measure = "degree";
            OK(wg_rank(&r, g, &ro) == 0, "rank");
            for (size_t i = 0; r && i < r->nrows; i++)
                if (strcmp(r->rows[i].key, "committee:bộ-chính-trị") == 0)
                    OK(r->rows[i].score == 0, "the cited body has no tie: %g", r->rows[i].score);
            wg_ranking_free(r);
            wg_graph_free(g);
        }
        /* --presence all: today's co-mention of everything */
        wg_build_options o = defaults;
        o.link = WG_LINK_ALL;
        g = build(&a, 1, o);
        OK(g && strstr(edge_str(g, edge(g, "ward:xã-an-phú", "committee:bộ-chính-trị"), "relation"), "co_mention"),
           "--presence all links cited bodies");
        wg_graph_free(g);
    }

    /* a title names the committee whose scope the article resolved; two
     * candidates of one organ name neither */
    {
        wg_entity e[4] = {ent(WG_OFFICIAL, "Hoàng Duy Chinh", "official:hoàng-duy-chinh", P),
                          ent(WG_COMMITTEE, "Thành ủy Bắc Kạn", "committee:thành-ủy-bắc-kạn", C),
                          ent(WG_COMMITTEE, "UBND xã Dương Quang", "committee:ubnd-xã-dương-quang", P),
                          ent(WG_COMMITTEE, "UBND xã Nông Thượng", "committee:ubnd-xã-nông-thượng", P)};
        e[0].titles = (char *[]){"Bí thư Thành ủy", "Chủ tịch UBND xã"};
        e[0].ntitles = 2;
        wg_article a = art("in/b.txt", "2024-05-02", e, 4, 2, 0);
        wg_graph *g = build(&a, 1, defaults);
        OK(g != NULL, "build");
        if (g) {
            STR_EQ(edge_str(g, edge(g, "official:hoàng-duy-chinh", "committee:thành-ủy-bắc-kạn"), "relation"),
                   "holds_title_in");
            STR_EQ(edge_str(g, edge(g, "official:hoàng-duy-chinh", "committee:ubnd-xã-dương-quang"), "relation"),
                   "co_mention");
            wg_graph_free(g);
        }
    }

    /* Newman: a meeting of n linked entities gives each pair 1/(n-1) */
    {
        wg_entity e3[3] = {ent(WG_OFFICIAL, "A A", "official:a", P), ent(WG_OFFICIAL, "B B", "official:b", P),
                           ent(WG_OFFICIAL, "C C", "official:c", M)};
        wg_entity e2[2] = {ent(WG_OFFICIAL, "A A", "official:a", P), ent(WG_OFFICIAL, "B B", "official:b", P)};
        wg_article a[2] = {art("in/c.txt", "2024-01-01", e3, 3, 3, 0), art("in/d.txt", "2024-01-02", e2, 2, 4, 0)};
        wg_build_options o = defaults;
        o.weighting = WG_WEIGHT_NEWMAN;
        wg_graph *g = build(a, 2, o);
        OK(g != NULL, "build");
        if (g) {
            long ab = edge(g, "official:a", "official:b"), ac = edge(g, "official:a", "official:c");
            OK(edge_num(g, ab, "weight") == 1.5, "A-B: 1/2 + 1/1 = %g", edge_num(g, ab, "weight"));
            OK(edge_num(g, ac, "weight") == 0.5, "A-C: 1/2 = %g", edge_num(g, ac, "weight"));
            OK(edge_num(g, ab, "co_mentions") == 2, "A-B met twice");
            wg_graph_free(g);
        }
        g = build(a, 2, defaults);
        OK(g && edge_num(g, edge(g, "official:a", "official:b"), "weight") == 2, "meetings: 2");
        OK(g && edge_num(g, edge(g, "official:a", "official:b"), "newman") == 1.5, "newman kept beside");
        wg_graph_free(g);
    }

    /* kind other: its entities are nodes, its posts typed relations, but
     * nobody met */
    {
        wg_entity e[2] = {ent(WG_OFFICIAL, "Đỗ Văn Long", "official:đỗ-văn-long", M),
                          ent(WG_COMMITTEE, "Huyện ủy Yên Lập", "committee:huyện-ủy-yên-lập", C)};
        e[0].titles = (char *[]){"Bí thư Huyện ủy Yên Lập"};
        e[0].ntitles = 1;
        wg_entity f[2] = {ent(WG_OFFICIAL, "Đỗ Văn Long", "official:đỗ-văn-long", M),
                          ent(WG_WARD, "xã Minh Hòa", "ward:xã-minh-hòa", M)};
        wg_article a[2] = {art("in/e.txt", "2024-02-01", e, 2, 5, 0), art("in/f.txt", "2024-02-03", f, 2, 6, 0)};
        a[1].kind = WG_KIND_OTHER;
        wg_graph *g = build(a, 2, defaults);
        OK(g != NULL, "build");
        if (g) {
            OK(node(g, "ward:xã-minh-hòa") >= 0, "the announcement's entities are nodes");
            OK(edge(g, "official:đỗ-văn-long", "ward:xã-minh-hòa") < 0, "but no co-mention");
            STR_EQ(edge_str(g, edge(g, "official:đỗ-văn-long", "committee:huyện-ủy-yên-lập"), "relation"),
                   "holds_title_in");
            wg_graph_summary s;
            wg_graph_get_summary(g, &s);
            INT_EQ(s.meetings, 1);
            INT_EQ(s.other, 1);
            wg_graph_free(g);
        }
        wg_build_options o = defaults;
        o.all_kinds = 1;
        g = build(a, 2, o);
        OK(g && edge(g, "official:đỗ-văn-long", "ward:xã-minh-hòa") >= 0, "--kind all links it");
        wg_graph_free(g);
    }

    /* each meeting once: a copy under another name, a near copy, another
     * outlet's report of the meeting; a meeting of other people on the
     * same day stays apart */
    {
        wg_entity e[3] = {ent(WG_OFFICIAL, "Vũ Thị Mai", "official:vũ-thị-mai", P),
                          ent(WG_WARD, "phường Đông Hải", "ward:phường-đông-hải", P),
                          ent(WG_COMMITTEE, "UBND phường Đông Hải", "committee:ubnd-phường-đông-hải", P)};
        wg_entity more[4] = {e[0], e[1], e[2], ent(WG_PROJECT, "khu tái định cư Đông Hải", "project:kđc", M)};
        wg_entity other[3] = {ent(WG_OFFICIAL, "Lý Văn Tú", "official:lý-văn-tú", P), e[1],
                              ent(WG_COMMITTEE, "Đảng ủy phường Đông Hải", "committee:đảng-ủy-phường-đông-hải", P)};
        wg_article a[5] = {art("in/g.txt", "2024-06-10", e, 3, 7, 0),
                           art("copy/g.txt", "2024-06-10", e, 3, 7, 0),      /* exact */
                           art("in/h.txt", "2024-06-10", e, 3, 8, 0),        /* near: see below */
                           art("in/i.txt", "2024-06-10", more, 4, 9, 10),    /* same meeting, other text */
                           art("in/j.txt", "2024-06-10", other, 3, 10, 10)}; /* other people */
        /* h: the signature of g, all but two values */
        memcpy(a[2].minhash, a[0].minhash, sizeof a[0].minhash);
        a[2].minhash[0] ^= 1;
        a[2].minhash[31] ^= 1;
        /* i shares ten values with g's signature: some text in common */
        for (int k = 0; k < 10; k++)
            a[3].minhash[k] = a[0].minhash[k];
        for (int k = 0; k < 10; k++)
            a[4].minhash[k] = a[0].minhash[k];
        wg_graph *g = build(a, 5, defaults);
        OK(g != NULL, "build: %s", wg_error_last());
        if (g) {
            wg_graph_summary s;
            long t = edge(g, "official:vũ-thị-mai", "ward:phường-đông-hải");
            wg_graph_get_summary(g, &s);
            INT_EQ(s.duplicates, 3);
            INT_EQ(s.exact, 1);
            INT_EQ(s.near, 1);
            INT_EQ(s.same_meeting, 1);
            OK(edge_num(g, t, "weight") == 1, "one meeting, counted once: %g", edge_num(g, t, "weight"));
            STR_EQ(edge_str(g, t, "meetings"), "g");
            /* what the second report adds joins the first's meeting */
            STR_EQ(edge_str(g, edge(g, "official:vũ-thị-mai", "project:kđc"), "meetings"), "g");
            OK(node(g, "official:lý-văn-tú") >= 0 && edge(g, "official:lý-văn-tú", "ward:phường-đông-hải") >= 0,
               "another meeting on the same day is its own");
            wg_graph_free(g);
        }
        wg_build_options o = defaults;
        o.dedup = 0;
        g = build(a, 5, o);
        OK(g && edge_num(g, edge(g, "official:vũ-thị-mai", "ward:phường-đông-hải"), "weight") == 4,
           "--keep-duplicates counts each copy");
        wg_graph_free(g);
    }

    /* labels: the most complete form, whatever the order */
    {
        wg_entity x[1] = {ent(WG_COMMITTEE, "Thành ủy TP.HCM", "committee:thành-ủy.hồ-chí-minh", P)};
        wg_entity y[1] = {ent(WG_COMMITTEE, "Thành ủy Thành phố Hồ Chí Minh", "committee:thành-ủy.hồ-chí-minh", P)};
        wg_article ab[2] = {art("in/k.txt", "2024-07-01", x, 1, 11, 0), art("in/l.txt", "2024-07-02", y, 1, 12, 0)};
        wg_article ba[2] = {ab[1], ab[0]};
        wg_graph *g1 = build(ab, 2, defaults), *g2 = build(ba, 2, defaults);
        OK(g1 && g2, "build");
        if (g1 && g2) {
            STR_EQ(wg_i_node_str(g1, "label", 0), "Thành ủy Thành phố Hồ Chí Minh");
            STR_EQ(wg_i_node_str(g2, "label", 0), "Thành ủy Thành phố Hồ Chí Minh");
        }
        wg_graph_free(g1);
        wg_graph_free(g2);
    }
    return HARNESS_DONE();
}
