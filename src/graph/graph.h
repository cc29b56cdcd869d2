/* Graph stage: per-article entities -> one igraph graph with node and edge
 * attribute tables. The same structure holds a graph read back from
 * GraphML, so exports and queries work on either. */
#ifndef WG_GRAPH_H
#define WG_GRAPH_H

#include <igraph.h>
#include "wardgraph.h"
#include "util/util.h"

typedef enum { WG_ATTR_STRING = 0, WG_ATTR_INT, WG_ATTR_DOUBLE } wg_attr_kind;

typedef struct wg_i_arena wg_i_arena;

typedef struct {
    char *name;
    wg_attr_kind kind;
    char **s;        /* WG_ATTR_STRING: strings owned by the table, never NULL ("" when unset) */
    long long *i;    /* WG_ATTR_INT */
    double *d;       /* WG_ATTR_DOUBLE */
    struct wg_table_s *table; /* whose arena holds the strings */
} wg_column;

typedef struct wg_table_s {
    wg_column **cols; /* pointers, so that a column stays put when others are added */
    size_t ncols, colcap;
    size_t nrows;
    wg_i_arena *arena; /* the strings of every cell: one allocation per block, not per cell */
} wg_table;

/* Adds a column of `kind` with nrows rows (zero / ""), or returns the
 * existing one of that name. NULL on allocation failure. */
wg_column *wg_table_add(wg_table *t, const char *name, wg_attr_kind kind);
wg_column *wg_table_find(const wg_table *t, const char *name);
/* Sets string cell (copies `value` into the table's arena). */
int wg_column_set_string(wg_column *c, size_t row, const char *value);
/* The cell as text ("" for unset strings); numbers in shortest round-trip form. */
const char *wg_column_text(const wg_column *c, size_t row, char buf[64]);
void wg_table_free(wg_table *t);

/* Per-entity and per-pair accumulation while articles stream in. */
typedef struct wg_i_node_acc wg_i_node_acc;
typedef struct wg_i_edge_acc wg_i_edge_acc;

/* The alias file (aliases.c): alias (key or label, optionally
 * "MEETING/" + key or label) -> canonical key and label. */
typedef struct {
    char *canon_key, *canon_label; /* canon_label NULL: the canonical node's own */
    int type;                      /* entity type of canon_key, or -1 */
    size_t line;
    long long used;                /* entities it rewrote */
    char *alias;
} wg_i_alias;

typedef struct {
    wg_strmap index; /* alias text -> entry */
    wg_i_alias *items;
    size_t n, cap;
    char *path;
} wg_i_aliases;

/* dedup.c: is an article another's copy, or another report of its meeting? */
typedef enum { WG_DUP_NONE = 0, WG_DUP_EXACT, WG_DUP_NEAR, WG_DUP_SAME_MEETING } wg_i_dup_how;
typedef struct {
    wg_i_dup_how how;
    uint32_t of;        /* the kept article (input index among kept ones) */
    double similarity;  /* shingle agreement (exact, near) or entity-key Jaccard (same meeting) */
} wg_i_duplicate;
typedef struct wg_i_dedup wg_i_dedup;
/* Looks `a` up among the articles added (creating *d on first use). */
int wg_i_dedup_find(wg_i_dedup **d, const wg_article *a, wg_i_duplicate *out);
/* Indexes kept article `a`, the `article`-th (0, 1, 2 ... in order). */
int wg_i_dedup_add(wg_i_dedup *d, const wg_article *a, uint32_t article);
void wg_i_dedup_free(wg_i_dedup *d);

struct wg_graph {
    wg_build_options opts;
    igraph_t ig;
    int has_ig;
    wg_table nodes; /* one row per vertex id: "id" (key), "label", "type", ... */
    wg_table edges; /* one row per edge id: "weight", "relation", ... */

    /* building */
    wg_strmap node_index;
    wg_i_node_acc *acc_nodes;
    size_t nacc_nodes, acc_nodes_cap;
    wg_i_edge_acc *acc_edges;
    size_t nacc_edges, acc_edges_cap;
    size_t *edge_index; /* open addressing on the node pair: acc_edges index + 1, 0 = empty */
    size_t edge_index_cap;
    size_t narticles;
    wg_buf art_text;   /* per article: its meeting id, date and sources, NUL-terminated */
    size_t *art_off;   /* 3 per article: offsets of those in art_text */
    unsigned char *art_kind; /* per article: wg_article_kind */
    wg_i_dedup *dedup;
    wg_buf dups;       /* per duplicate: "how\tsimilarity\tkept meeting\tkept source\tsource\n" */
    /* the sources of duplicates, per kept article a circular list (its
     * newest entry: dup_tail[a] - 1, 0 none), so that a meeting reported
     * k times costs k entries, not k copies of a growing list */
    wg_buf dup_text;    /* the sources, NUL-terminated */
    size_t *dup_off, *dup_next; /* per entry: offset in dup_text, the next entry */
    size_t ndup, dup_cap, *dup_tail, dup_tail_cap;
    wg_graph_summary summary;
    size_t art_off_cap;
    wg_strmap raw_index; /* keys as the articles wrote them -> node (no aliases) */
    wg_i_aliases aliases;
    size_t *edge_ends; /* built graphs: 2 per edge, source then target as
                          built (igraph reorders an undirected edge's ends) */
};

/* The string column value for node `v`, or "" if there is no such column. */
const char *wg_i_node_str(const wg_graph *g, const char *col, size_t v);
double wg_i_edge_weight(const wg_graph *g, size_t e);
/* The source and target of edge `e` as written in every export. */
void wg_i_edge_ends(const wg_graph *g, size_t e, size_t *from, size_t *to);
/* The id of the first meeting that mentioned built node `v` ("" if unknown). */
const char *wg_i_node_first_meeting(const wg_graph *g, size_t v);

/* names.c. Text for the graph: valid UTF-8, NFC, no control characters but
 * TAB and LF (others become U+FFFD). Caller frees; NULL on failure. */
char *wg_i_clean_text(const char *s);
/* Is `s` an XML 1.0 Name? */
int wg_i_is_xml_name(const char *s);
/* `s` made a valid XML Name, one-to-one (XmlConvert.EncodeName's _xHHHH_). */
char *wg_i_xml_name(const char *s);
/* A node key as the graph stores it: cleaned, case- and tone-folded like
 * the extraction's keys, spaces as '-', a valid XML Name. */
char *wg_i_canonical_key(const char *key);
/* Case-folded, without any diacritic (đ -> d): for the close-call report. */
char *wg_i_fold_letters(const char *s);

/* aliases.c */
void wg_i_aliases_free(wg_i_aliases *a);
/* The node key an alias gives an entity of `type`; caller frees. */
char *wg_i_alias_key(const wg_i_alias *al, wg_entity_type type);
/* The alias entry for entity `e` of `meeting`, or NULL. */
wg_i_alias *wg_i_alias_for(const wg_i_aliases *a, const char *meeting, const wg_entity *e);

#endif
