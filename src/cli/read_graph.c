/* Reading the network for a query command: a GraphML file, whose reader's
 * changes and omissions are said on standard error before the answer, or
 * a store, whose articles are built into the network `build STORE` writes.
 * A large GraphML goes through its binary cache (PATH.wgcache):
 * WARDGRAPH_CACHE=off turns it off, WARDGRAPH_CACHE=N caches files of N
 * bytes or more. */
#include <stdlib.h>
#include <string.h>
#include "cli/cli.h"

/* Below this a GraphML reads in well under a second: no cache file. */
#define CACHE_MIN_BYTES ((size_t)16 << 20)

static int add_stored(void *g, const wg_article *a) { return wg_graph_add_article(g, a); }
int cli_read_store_graph(wg_graph **out, const char *path, const wg_article_filter *f, wg_filter_counts *counts)
{
    wg_build_options bo = WG_BUILD_OPTIONS_INIT;
    wg_store *s = NULL;
    wg_graph *g = NULL;
    int err;
    bo.layout = 0; /* positions change no query's answer */
    *out = NULL;
    if ((err = wg_store_open(&s, path, WG_STORE_READ)) == 0 && (err = wg_graph_new(&g, &bo)) == 0 &&
        (err = wg_store_each(s, f, add_stored, g, counts)) == 0)
        err = wg_graph_finish(g);
    wg_store_close(s);
    if (err < 0)
        wg_graph_free(g);
    else
        *out = g;
    return err;
}

int cli_read_graph(wg_graph **g, const char *path)
{
    const char *env = getenv("WARDGRAPH_CACHE");
    size_t min = CACHE_MIN_BYTES;
    wg_filter_counts counts;
    int err;
    if (wg_store_is_store(path))
        return cli_read_store_graph(g, path, NULL, &counts);
    if (env && *env) {
        char *end;
        unsigned long long n = strtoull(env, &end, 10);
        if (strcmp(env, "off") == 0 || strcmp(env, "no") == 0 || *end || env[0] == '-')
            min = (size_t)-1; /* off, or not a size: no cache */
        else
            min = (size_t)n;
    }
    err = min == (size_t)-1 ? wg_graph_read_graphml(g, path) : wg_graph_read_graphml_cached(g, path, min);
    if (err == 0)
        for (size_t i = 0; i < wg_graph_read_warning_count(); i++)
            cli_error("warning: %s", wg_graph_read_warning(i));
    return err;
}
