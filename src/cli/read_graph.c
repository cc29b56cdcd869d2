/* Reading the network for a query command: a GraphML file, whose reader's
 * changes and omissions are said on standard error before the answer, or
 * a store, whose articles are built into the network `build STORE` writes. */
#include "cli/cli.h"

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
    wg_filter_counts counts;
    if (wg_store_is_store(path))
        return cli_read_store_graph(g, path, NULL, &counts);
    int err = wg_graph_read_graphml(g, path);
    if (err == 0)
        for (size_t i = 0; i < wg_graph_read_warning_count(); i++)
            cli_error("warning: %s", wg_graph_read_warning(i));
    return err;
}
