/* Reading a GraphML network for a query command: what the reader changed
 * or left out is said on standard error before the answer. */
#include "cli/cli.h"

int cli_read_graph(wg_graph **g, const char *path)
{
    int err = wg_graph_read_graphml(g, path);
    if (err == 0)
        for (size_t i = 0; i < wg_graph_read_warning_count(); i++)
            cli_error("warning: %s", wg_graph_read_warning(i));
    return err;
}
