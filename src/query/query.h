/* Query stage: reading a GraphML network and asking it questions. */
#ifndef WG_QUERY_H
#define WG_QUERY_H

#include "graph/graph.h"

#endif
