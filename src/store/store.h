/* The store stage: an SQLite file of extracted articles (store.c) and the
 * time and place filter shared with builds from raw articles (filter.c). */
#ifndef WG_STORE_STORE_H
#define WG_STORE_STORE_H

#include "wardgraph.h"
#include "util/util.h"

/* A province name as the keys write it, tones and case dropped; caller frees. */
char *wg_i_province_slug(const char *s);

#endif
