/* Export stage: a finished wg_graph -> files for Gephi and other readers.
 * Every writer writes to an open FILE; wg_graph_write makes that atomic. */
#ifndef WG_EXPORT_H
#define WG_EXPORT_H

#include <stdio.h>
#include "graph/graph.h"

int wg_i_write_graphml(const wg_graph *g, FILE *fp, const char *path);

#endif
