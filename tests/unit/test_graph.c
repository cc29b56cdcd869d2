/* graph: merging by key, co-mention weights, meetings, dates; GraphML round trip. */
#include <stdlib.h>
#include <unistd.h>
#include "harness.h"
#include "graph/graph.h"

static wg_entity ent(wg_entity_type t, const char *name, const char *key)
{
    wg_entity e = {0};
    e.type = t;
    e.name = (char *)name;
    e.key = (char *)key;
    return e;
}

int main(void)
{
    wg_graph *g, *r;
    wg_entity a1[] = {ent(WG_OFFICIAL, "Tô Thị Bích Châu", "official:tô-thị-bích-châu"),
                      ent(WG_WARD, "phường Cầu Kho", "ward:phường-cầu-kho"),
                      ent(WG_COMMITTEE, "Quận ủy Quận 1", "committee:quận-ủy-quận-1")};
    wg_entity a2[] = {ent(WG_OFFICIAL, "Tô Thị Bích Châu", "official:tô-thị-bích-châu"),
                      ent(WG_COMMITTEE, "Quận ủy Quận 1", "committee:quận-ủy-quận-1")};
    wg_article art1 = {.source = "x/000.txt", .title = "t", .date = "2023-02-24", .date_source = "text", .byline = "", .entities = a1, .nentities = 3};
    wg_article art2 = {.source = "x/001.txt", .title = "t", .date = "2023-03-29", .date_source = "text", .byline = "", .entities = a2, .nentities = 2};
    wg_build_options o = WG_BUILD_OPTIONS_INIT;
    o.relations = 0;

    wg_init();
    OK(wg_graph_new(&g, &o) == 0, "new");
    OK(wg_graph_add_article(g, &art1) == 0 && wg_graph_add_article(g, &art2) == 0, "add");
    OK(wg_graph_finish(g) == 0, "finish: %s", wg_error_last());
    INT_EQ(wg_graph_node_count(g), 3);
    INT_EQ(wg_graph_edge_count(g), 3);
    /* the official-committee pair met twice */
    wg_column *w = wg_table_find(&g->edges, "weight");
    wg_column *mt = wg_table_find(&g->edges, "meetings");
    int found = 0;
    for (size_t e = 0; e < g->edges.nrows; e++)
        if (w->d[e] == 2.0) {
            found++;
            STR_EQ(mt->s[e], "000;001");
        }
    INT_EQ(found, 1);
    /* nodes come in key order: committee, official, ward */
    STR_EQ(wg_i_node_str(g, "id", 1), "official:tô-thị-bích-châu");
    STR_EQ(wg_i_node_str(g, "first_date", 1), "2023-02-24");
    STR_EQ(wg_i_node_str(g, "last_date", 1), "2023-03-29");

    char path[] = "/tmp/wg-test-graph-XXXXXX";
    int fd = mkstemp(path);
    close(fd);
    OK(wg_graph_write(g, path, WG_FORMAT_GRAPHML) == 0, "write: %s", wg_error_last());
    OK(wg_graph_read_graphml(&r, path) == 0, "read back: %s", wg_error_last());
    if (r) {
        INT_EQ(wg_graph_node_count(r), 3);
        INT_EQ(wg_graph_edge_count(r), 3);
        STR_EQ(wg_i_node_str(r, "id", 1), "official:tô-thị-bích-châu");
        STR_EQ(wg_i_node_str(r, "label", 1), "Tô Thị Bích Châu");
        wg_graph_free(r);
    }
    unlink(path);
    wg_graph_free(g);
    return HARNESS_DONE();
}
