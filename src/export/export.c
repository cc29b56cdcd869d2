/* Format dispatch and atomic output. */
#include <string.h>
#include "export/export.h"

int wg_format_parse(const char *name)
{
    static const char *const names[] = {"graphml", "gexf", "csv", "json"};
    for (size_t i = 0; i < WG_ARRAY_LEN(names); i++)
        if (strcmp(name, names[i]) == 0)
            return (int)i;
    return -1;
}

int wg_graph_write(const wg_graph *g, const char *path, wg_format fmt)
{
    wg_atomic out;
    int err;
    if (!g->has_ig)
        return wg_i_error_set(WG_EINVAL, "graph is not finished");
    if (fmt != WG_FORMAT_GRAPHML)
        return wg_i_error_set(WG_EINVAL, "format not supported yet");
    if ((err = wg_atomic_open(&out, path)) < 0)
        return err;
    if ((err = wg_i_write_graphml(g, out.fp, path)) < 0) {
        wg_atomic_abort(&out);
        return err;
    }
    return wg_atomic_commit(&out);
}
