/* The store stage: an SQLite file of extracted articles (store.c) and the
 * time and place filter shared with builds from raw articles (filter.c). */
#ifndef WG_STORE_STORE_H
#define WG_STORE_STORE_H

#include "wardgraph.h"
#include "util/util.h"

/* A province name as the keys write it, tones and case dropped; caller frees. */
char *wg_i_province_slug(const char *s);
/* The filter's window as full ISO dates, open ends 0000-01-01 and 9999-12-31. */
void wg_i_filter_bounds(const wg_article_filter *f, char lo[11], char hi[11]);

#endif
