/* Any bytes as a GraphML file through the reader and the queries on what
 * it read: must never crash, leak or read out of bounds; a refusal always
 * has a message, and what is read is a consistent graph (every edge weight
 * finite and > 0, one node row per vertex, one edge row per edge). The
 * reader takes a path, so each input goes through a temporary file. */
#ifndef _POSIX_C_SOURCE
#define _POSIX_C_SOURCE 200809L /* mkstemp; the libFuzzer build does not define it */
#endif
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include "query/query.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static char path[64];
    wg_graph *g = NULL;
    FILE *fp;
    if (!path[0]) {
        int fd;
        wg_init();
        snprintf(path, sizeof path, "/tmp/wg-fuzz-graphml-XXXXXX");
        if ((fd = mkstemp(path)) < 0)
            abort();
        close(fd);
    }
    if ((fp = fopen(path, "wb")) == NULL || fwrite(data, 1, size, fp) != size || fclose(fp) != 0)
        abort();
    if (wg_graph_read_graphml(&g, path) < 0) {
        if (!*wg_error_last() || g)
            abort();
        return 0;
    }
    for (size_t i = 0; i < wg_graph_read_warning_count(); i++)
        if (!wg_graph_read_warning(i) || !*wg_graph_read_warning(i))
            abort();
    if (g->nodes.nrows != wg_graph_node_count(g) || g->edges.nrows != wg_graph_edge_count(g))
        abort();
    for (size_t e = 0; e < wg_graph_edge_count(g); e++) {
        double w = wg_i_edge_weight(g, e);
        if (!isfinite(w) || !(w > 0))
            abort();
    }
    for (size_t v = 0; v < wg_graph_node_count(g); v++)
        if (!wg_graph_node_key(g, v) || !wg_graph_node_label(g, v))
            abort();
    {
        static const char *const measures[] = {"degree", "pagerank", "betweenness"};
        for (size_t i = 0; i < sizeof measures / sizeof *measures; i++) {
            wg_rank_options ro = WG_RANK_OPTIONS_INIT;
            wg_ranking *r = NULL;
            ro.measure = measures[i];
            if (wg_rank(&r, g, &ro) == 0) {
                for (size_t k = 0; k < r->nrows; k++)
                    if (isnan(r->rows[k].score) && strcmp(measures[i], "pagerank") == 0 && r->nrows > 1)
                        abort(); /* inf weights once made every pagerank NaN */
                wg_ranking_free(r);
            }
        }
    }
    wg_graph_free(g);
    return 0;
}
