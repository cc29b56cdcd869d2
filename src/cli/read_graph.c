/* Reading a GraphML network for a query command: what the reader changed
 * or left out is said on standard error before the answer. A large file
 * goes through its binary cache (PATH.wgcache): WARDGRAPH_CACHE=off turns
 * it off, WARDGRAPH_CACHE=N caches files of N bytes or more. */
#include <stdlib.h>
#include <string.h>
#include "cli/cli.h"

/* Below this a GraphML reads in well under a second: no cache file. */
#define CACHE_MIN_BYTES ((size_t)16 << 20)

int cli_read_graph(wg_graph **g, const char *path)
{
    const char *env = getenv("WARDGRAPH_CACHE");
    size_t min = CACHE_MIN_BYTES;
    int err;
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
