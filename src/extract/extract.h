/* Extraction stage: normalised text -> entities (SPEC sections 2-4). */
#ifndef WG_EXTRACT_H
#define WG_EXTRACT_H

#include "wardgraph.h"
#include "util/util.h"
#include "text/text.h"

/* Lexicon file as shipped or added by --lexicon DIR: one entry per line,
 * '#' comments, fields separated by tabs. */
typedef struct {
    char *name;     /* file name, e.g. "surnames.txt" */
    char *data;     /* contents, NUL-terminated */
    size_t len;
} wg_lexfile;

struct wg_lexicon {
    wg_lexfile *files;
    size_t nfiles;
    wg_strmap surnames;   /* folded surname -> 1 */
    wg_strmap titles;     /* folded title phrase -> index in title_names */
    char **title_names;   /* canonical spelling */
    size_t ntitles;
    size_t max_title_words;
};

/* Builds the lookup tables from the files; called after files change. */
int wg_i_lexicon_index(wg_lexicon *lex);

/* Makes the key "TYPE:folded-name" (spaces -> '-'); caller frees. */
char *wg_i_make_key(wg_entity_type type, const char *name);

#endif
