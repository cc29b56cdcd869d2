/* export: every format from one hand-made graph with hard strings (XML
 * specials, quotes, commas, control characters, decomposed accents, a key
 * that is no XML name), partial dates, typed relations, windows, min-weight
 * and the bipartite view. GraphML: well-formed, ids valid XML names and
 * unique across keys, nodes and edges, and an igraph round trip with the
 * same structure and attributes. GEXF: the spell rule. CSV and JSON:
 * quoting. Output bytes do not change between runs. */
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <libxml/parser.h>
#include <libxml/tree.h>
#include "harness.h"
#include "graph/graph.h"

static wg_entity ent(wg_entity_type t, const char *name, const char *key, unsigned roles, size_t sentence)
{
    wg_entity e = {0};
    static wg_mention ms[16];
    static size_t nm;
    e.type = t;
    e.name = (char *)name;
    e.key = (char *)key;
    e.roles = roles;
    ms[nm % 16].sentence = sentence;
    ms[nm % 16].paragraph = sentence / 2;
    e.mentions = &ms[nm++ % 16];
    e.nmentions = 1;
    return e;
}

/* The vertex with key `key`, or (size_t)-1. */
static size_t node_of(const wg_graph *g, const char *key)
{
    for (size_t v = 0; v < wg_graph_node_count(g); v++)
        if (strcmp(wg_i_node_str(g, "id", v), key) == 0)
            return v;
    return (size_t)-1;
}

/* The string of edge column `col` between keys a and b, or "(none)". */
static const char *edge_text(const wg_graph *g, const char *a, const char *b, const char *col)
{
    size_t u = node_of(g, a), v = node_of(g, b);
    const wg_column *c = wg_table_find(&g->edges, col);
    for (size_t e = 0; c && e < wg_graph_edge_count(g); e++) {
        size_t f, t;
        wg_i_edge_ends(g, e, &f, &t);
        if ((f == u && t == v) || (f == v && t == u))
            return c->s[e];
    }
    return "(none)";
}

static char *slurp(const char *path)
{
    char *s = NULL;
    size_t n;
    return wg_read_file(path, &s, &n) == 0 ? s : NULL;
}

static char *tmpname(char *buf)
{
    strcpy(buf, "/tmp/wg-test-export-XXXXXX");
    int fd = mkstemp(buf);
    close(fd);
    return buf;
}

static wg_entity a0[4], a1[3], a2[2];
static wg_article arts[3];

static wg_graph *build(wg_build_options o)
{
    wg_graph *g = NULL;
    if (wg_graph_new(&g, &o) < 0)
        return NULL;
    for (size_t i = 0; i < 3; i++)
        if (wg_graph_add_article(g, &arts[i]) < 0)
            break;
    if (wg_graph_finish(g) < 0) {
        wg_graph_free(g);
        return NULL;
    }
    return g;
}

/* Collects every id of <key>, <node>, <edge>: all valid names, none twice. */
static void check_ids(xmlNodePtr n, wg_strmap *seen, int *count)
{
    for (; n; n = n->next) {
        if (n->type != XML_ELEMENT_NODE)
            continue;
        if (!strcmp((const char *)n->name, "key") || !strcmp((const char *)n->name, "node") ||
            !strcmp((const char *)n->name, "edge")) {
            xmlChar *id = xmlGetProp(n, BAD_CAST "id");
            size_t dummy;
            OK(id && xmlValidateName(id, 0) == 0, "id is an XML name: %s", id ? (char *)id : "(none)");
            OK(id && !wg_strmap_get(seen, (const char *)id, &dummy), "id unique: %s", id ? (char *)id : "");
            if (id)
                wg_strmap_put(seen, (const char *)id, 0);
            (*count)++;
            xmlFree(id);
        }
        check_ids(n->children, seen, count);
    }
}

int main(void)
{
    char p1[128], p2[128];
    wg_build_options o = WG_BUILD_OPTIONS_INIT;
    wg_init();

    /* "Châu" decomposed, a control character, XML and CSV specials; a key with
     * characters no XML name may hold */
    a0[0] = ent(WG_OFFICIAL, "Tô Thị \"Bích\" <Cha\xcc\x82u> & Co, Ltd\x01", "official:tô-thị-bích-châu", WG_ROLE_CHAIR, 0);
    a0[1] = ent(WG_COMMITTEE, "Quận ủy Quận 1", "committee:quận-ủy-quận-1", 0, 0);
    a0[2] = ent(WG_WARD, "phường Cầu Kho", "ward:phường-cầu-kho", 0, 3);
    a0[3] = ent(WG_PROJECT, "mô hình “Dân vận khéo”", "project:mô-hình-“dân-vận-khéo”@x", 0, 5);
    a0[0].titles = (char *[]){"Bí thư Quận ủy Quận 1"};
    a0[0].ntitles = 1;
    a1[0] = ent(WG_OFFICIAL, "Tô Thị \"Bích\" <Châu> & Co, Ltd\x01", "official:tô-thị-bích-châu", WG_ROLE_SPEAKER | WG_ROLE_ATTENDEE, 0);
    a1[1] = ent(WG_COMMITTEE, "Quận ủy Quận 1", "committee:quận-ủy-quận-1", 0, 0);
    a1[2] = ent(WG_WARD, "phường Cầu Kho", "ward:phường-cầu-kho", 0, 1);
    a2[0] = ent(WG_OFFICIAL, "Tô Thị \"Bích\" <Châu> & Co, Ltd\x01", "official:tô-thị-bích-châu", 0, 0);
    a2[1] = ent(WG_WARD, "phường Cầu Kho", "ward:phường-cầu-kho", 0, 0);
    arts[0] = (wg_article){.source = "in/000.txt", .title = "Họp \"A\"", .date = "2023-02-24", .date_source = "text", .byline = "", .entities = a0, .nentities = 4};
    arts[1] = (wg_article){.source = "in/001.txt", .title = "Họp B", .date = "2023-05", .date_source = "text", .byline = "", .entities = a1, .nentities = 3};
    arts[2] = (wg_article){.source = "in/002.txt", .title = "Họp C", .date = "--04-13", .date_source = "text", .byline = "", .entities = a2, .nentities = 2};

    wg_graph *g = build(o);
    OK(g != NULL, "build: %s", wg_error_last());
    if (!g)
        return HARNESS_DONE();
    INT_EQ(wg_graph_node_count(g), 4);
    INT_EQ(wg_graph_edge_count(g), 6);
    /* the official-committee edge is typed and points from the official */
    const wg_column *rel = wg_table_find(&g->edges, "relation"), *w = wg_table_find(&g->edges, "weight");
    int typed = 0;
    for (size_t e = 0; e < g->edges.nrows; e++)
        if (strstr(rel->s[e], "holds_title_in")) {
            size_t from, to;
            typed++;
            wg_i_edge_ends(g, e, &from, &to);
            STR_EQ(wg_i_node_str(g, "type", from), "official");
            STR_EQ(wg_i_node_str(g, "type", to), "committee");
            OK(w->d[e] == 2.0, "typed edge counts both meetings: %g", w->d[e]);
        }
    INT_EQ(typed, 1);
    /* nodes in key order: committee, official, project, ward */
    STR_EQ(wg_i_node_str(g, "label", 1), "Tô Thị \"Bích\" <Châu> & Co, Ltd\xEF\xBF\xBD");
    STR_EQ(wg_i_node_str(g, "id", 2), "project:mô-hình-_x201C_dân-vận-khéo_x201D__x0040_x");

    /* GraphML: well-formed, ids */
    OK(wg_graph_write(g, tmpname(p1), WG_FORMAT_GRAPHML) == 0, "graphml: %s", wg_error_last());
    xmlDocPtr doc = xmlReadFile(p1, NULL, XML_PARSE_NONET);
    OK(doc != NULL, "GraphML is well-formed XML");
    if (doc) {
        wg_strmap seen = {0};
        int count = 0;
        check_ids(xmlDocGetRootElement(doc), &seen, &count);
        /* 17 node columns less the id, 9 edge columns, 4 nodes, 6 edges */
        INT_EQ(count, 16 + 9 + 4 + 6);
        wg_strmap_free(&seen);
        xmlFreeDoc(doc);
    }
    /* the same bytes again */
    OK(wg_graph_write(g, tmpname(p2), WG_FORMAT_GRAPHML) == 0, "graphml again");
    char *t1 = slurp(p1), *t2 = slurp(p2);
    OK(t1 && t2 && strcmp(t1, t2) == 0, "GraphML bytes are stable");
    OK(t1 && strstr(t1, "&lt;Châu&gt; &amp; Co") && !strchr(t1, '\x01'), "escaped, no control character");
    free(t2);
    unlink(p2);

    /* igraph's reader gives back the same graph */
    wg_graph *r = NULL;
    OK(wg_graph_read_graphml(&r, p1) == 0, "read back: %s", wg_error_last());
    if (r) {
        INT_EQ(wg_graph_node_count(r), wg_graph_node_count(g));
        INT_EQ(wg_graph_edge_count(r), wg_graph_edge_count(g));
        for (int side = 0; side < 2; side++) {
            const wg_table *a = side ? &g->edges : &g->nodes, *b = side ? &r->edges : &r->nodes;
            for (size_t c = 0; c < a->ncols; c++) {
                const wg_column *ca = a->cols[c], *cb = wg_table_find(b, ca->name);
                OK(cb != NULL, "column %s read back", ca->name);
                for (size_t i = 0; cb && i < a->nrows; i++) {
                    char x[64], y[64];
                    STR_EQ(wg_column_text(cb, i, y), wg_column_text(ca, i, x));
                }
            }
        }
        const wg_column *ida = wg_table_find(&g->nodes, "id"), *idb = wg_table_find(&r->nodes, "id");
        for (size_t e = 0; idb && e < g->edges.nrows; e++) {
            size_t fa, ta, fb, tb;
            wg_i_edge_ends(g, e, &fa, &ta);
            wg_i_edge_ends(r, e, &fb, &tb);
            OK((!strcmp(ida->s[fa], idb->s[fb]) && !strcmp(ida->s[ta], idb->s[tb])) ||
                   (!strcmp(ida->s[fa], idb->s[tb]) && !strcmp(ida->s[ta], idb->s[fb])),
               "edge %zu joins the same nodes", e);
        }
        wg_graph_free(r);
    }
    free(t1);
    unlink(p1);

    /* GEXF: full date -> one day; year-month -> the month; no year -> nothing */
    OK(wg_graph_write(g, tmpname(p1), WG_FORMAT_GEXF) == 0, "gexf: %s", wg_error_last());
    doc = xmlReadFile(p1, NULL, XML_PARSE_NONET);
    OK(doc != NULL, "GEXF is well-formed XML");
    xmlFreeDoc(doc);
    t1 = slurp(p1);
    OK(t1 && strstr(t1, "<spells>\n          <spell start=\"2023-02-24\" end=\"2023-02-24\"/>\n"
                        "          <spell start=\"2023-05-01\" end=\"2023-05-31\"/>\n        </spells>"),
       "official's spells: %s", t1 ? t1 : "");
    OK(t1 && !strstr(t1, "04-13\" end"), "a date without a year gives no spell");
    OK(t1 && strstr(t1, "<viz:color r=\"228\" g=\"26\" b=\"28\"/>") && strstr(t1, "<viz:position x="), "viz");
    OK(t1 && strstr(t1, "mode=\"dynamic\" timeformat=\"date\""), "dynamic graph");
    OK(t1 && strstr(t1, "xmlns=\"http://www.gexf.net/1.2draft\"") && strstr(t1, "version=\"1.2\"") &&
           !strstr(t1, "timerepresentation"),
       "GEXF 1.2 by default");
    free(t1);
    unlink(p1);
    {
        wg_write_options wo = WG_WRITE_OPTIONS_INIT;
        wo.gexf_minor = 3;
        OK(wg_graph_write_opts(g, tmpname(p1), WG_FORMAT_GEXF, &wo) == 0, "gexf 1.3: %s", wg_error_last());
        t1 = slurp(p1);
        OK(t1 && strstr(t1, "xmlns=\"http://gexf.net/1.3\"") && strstr(t1, "version=\"1.3\"") &&
               strstr(t1, "timeformat=\"date\" timerepresentation=\"interval\""),
           "GEXF 1.3 on request");
        free(t1);
        unlink(p1);
        wo.gexf_minor = 4;
        OK(wg_graph_write_opts(g, tmpname(p1), WG_FORMAT_GEXF, &wo) == WG_EINVAL, "GEXF 1.4 is refused");
        unlink(p1);
        /* HTML: the page and its data; text that could end the script element is escaped */
        wo = (wg_write_options)WG_WRITE_OPTIONS_INIT;
        wo.title = "a <b> & c";
        OK(wg_graph_write_opts(g, tmpname(p1), WG_FORMAT_HTML, &wo) == 0, "html: %s", wg_error_last());
        t1 = slurp(p1);
        OK(t1 && strncmp(t1, "<!DOCTYPE html>", 15) == 0 && strstr(t1, "<title>a &lt;b&gt; &amp; c</title>") &&
               strstr(t1, "<script type=\"application/json\" id=\"wg-data\">{\"title\":\"a \\u003cb\\u003e \\u0026 c\"") &&
               !strstr(t1, "@WG_"),
           "html page with its data");
        free(t1);
        unlink(p1);
    }

    /* CSV: RFC 4180 quoting; JSON: escaped strings */
    char base[64];
    tmpname(base);
    OK(wg_graph_write(g, base, WG_FORMAT_CSV) == 0, "csv: %s", wg_error_last());
    snprintf(p1, sizeof p1, "%s.nodes.csv", base);
    t1 = slurp(p1);
    OK(t1 && strstr(t1, "\r\nofficial:tô-thị-bích-châu,\"Tô Thị \"\"Bích\"\" <Châu> & Co, Ltd\xEF\xBF\xBD\",official,3,3,"),
       "nodes.csv row: %s", t1 ? t1 : "");
    free(t1);
    unlink(p1);
    snprintf(p1, sizeof p1, "%s.edges.csv", base);
    t1 = slurp(p1);
    OK(t1 && strncmp(t1, "Source,Target,Type,Id,Label,Weight,", 35) == 0, "edges.csv header");
    free(t1);
    unlink(p1);
    unlink(base);
    OK(wg_graph_write(g, tmpname(p1), WG_FORMAT_JSON) == 0, "json: %s", wg_error_last());
    t1 = slurp(p1);
    OK(t1 && strstr(t1, "\"label\":\"Tô Thị \\\"Bích\\\" <Châu> & Co, Ltd\xEF\xBF\xBD\""), "json label");
    OK(t1 && strstr(t1, "\"entity_type\":\"official\"") && strstr(t1, "\"color\":\"#e41a1c\""), "json type, colour");
    free(t1);
    unlink(p1);
    wg_graph_free(g);

    /* a graph from elsewhere whose node ids read like our edge ids: the
     * edges get other ids, all still unique */
    {
        FILE *fp = fopen(tmpname(p1), "w");
        if (fp) {
            fputs("<?xml version=\"1.0\"?>\n<graphml xmlns=\"http://graphml.graphdrawing.org/xmlns\">"
                  "<graph edgedefault=\"undirected\"><node id=\"e0\"/><node id=\"e1\"/>"
                  "<edge source=\"e0\" target=\"e1\"/></graph></graphml>\n", fp);
            fclose(fp);
        }
        OK(wg_graph_read_graphml(&r, p1) == 0, "read: %s", wg_error_last());
        if (r) {
            OK(wg_graph_write(r, tmpname(p2), WG_FORMAT_GRAPHML) == 0, "rewrite: %s", wg_error_last());
            doc = xmlReadFile(p2, NULL, XML_PARSE_NONET);
            OK(doc != NULL, "rewritten GraphML is well-formed");
            if (doc) {
                wg_strmap seen = {0};
                int count = 0;
                check_ids(xmlDocGetRootElement(doc), &seen, &count);
                OK(count >= 3, "ids checked: %d", count);
                wg_strmap_free(&seen);
                xmlFreeDoc(doc);
            }
            t1 = slurp(p2);
            OK(t1 && strstr(t1, "<edge id=\"edge1_0\" source="), "edge id: %s", t1 ? t1 : "");
            free(t1);
            unlink(p2);
            wg_graph_free(r);
        }
        unlink(p1);
    }

    /* windows and min-weight */
    o.layout = 0;
    o.relations = 0;
    o.window = WG_WINDOW_SENTENCE;
    g = build(o);
    /* sentence 0 joins official and committee (twice) and official and ward (article 002) */
    INT_EQ(g ? wg_graph_edge_count(g) : 0, 2);
    wg_graph_free(g);
    o.window = WG_WINDOW_PARAGRAPH;
    g = build(o);
    /* paragraph 0 (sentences 0, 1) adds the ward of article 001 to both; paragraphs 1 and 2 hold one entity each */
    INT_EQ(g ? wg_graph_edge_count(g) : 0, 3);
    wg_graph_free(g);
    o.window = WG_WINDOW_ARTICLE;
    o.min_weight = 2;
    g = build(o);
    /* official-committee (2), official-ward (3), committee-ward (2) */
    INT_EQ(g ? wg_graph_edge_count(g) : 0, 3);
    INT_EQ(g ? wg_graph_node_count(g) : 0, 4);
    wg_graph_free(g);

    /* bipartite: three meetings, each linked to what it mentions, with roles */
    o.min_weight = 0;
    o.bipartite = 1;
    g = build(o);
    OK(g != NULL, "bipartite: %s", wg_error_last());
    if (g) {
        INT_EQ(wg_graph_node_count(g), 7);
        INT_EQ(wg_graph_edge_count(g), 9);
        size_t m0 = node_of(g, "meeting:000");
        OK(m0 != (size_t)-1, "meeting node");
        if (m0 != (size_t)-1) {
            STR_EQ(wg_i_node_str(g, "type", m0), "meeting");
            STR_EQ(wg_i_node_str(g, "label", m0), "Họp \"A\"");
            STR_EQ(wg_i_node_str(g, "date", m0), "2023-02-24");
            STR_EQ(wg_i_node_str(g, "source", m0), "in/000.txt");
            STR_EQ(wg_i_node_str(g, "kind", m0), "meeting");
        }
        STR_EQ(edge_text(g, "meeting:000", "official:tô-thị-bích-châu", "role"), "chair");
        STR_EQ(edge_text(g, "meeting:000", "committee:quận-ủy-quận-1", "role"), "mentioned");
        STR_EQ(edge_text(g, "meeting:001", "official:tô-thị-bích-châu", "role"), "attendee;speaker");
        STR_EQ(edge_text(g, "meeting:001", "official:tô-thị-bích-châu", "presence"), "mentioned");
        wg_graph_free(g);
    }
    return HARNESS_DONE();
}
