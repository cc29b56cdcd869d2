/* Private to the places*.c files: one article's place phrases and organ
 * mentions, and the state the recognition, scope and naming passes share. */
#ifndef WG_PLACES_ARTICLE_H
#define WG_PLACES_ARTICLE_H

#include "extract/places.h"

typedef struct {
    wg_i_unit unit;     /* written or implied unit; U_NONE: a bare name */
    int unit_written;
    size_t t0, t1;      /* the phrase */
    size_t n0, n1;      /* the name; n0 == WG_NONE: a bare unit word */
    int headline, acronym;
    int abbrev;         /* unit written "TP.", "Q.", "P." */
    char *bare;         /* folded name words */
    char *disp;         /* the name, headline capitals normalised */
    char *scope;        /* unit word + name as written in running text */
    char *paren;        /* "(TPHCM)" after a ward: folded */
    size_t gz;          /* resolved unit */
    char *prov;         /* folded province name it lies in, or NULL */
    int is_ward;        /* a ward mention (not only an organ's scope) */
} wg_i_place;

typedef struct {
    size_t organ;
    size_t t0, t1;
    wg_i_place p;            /* scope; p.unit == U_NONE && p.n0 == WG_NONE: none */
    int has_scope;
    size_t parent_tok;  /* dept: the token where its committee starts */
    int central_dept;   /* dept of "Trung ương" */
    char *code;         /* Chi bộ 10B */
} wg_i_omention;

typedef struct {
    wg_i_ctx *c;
    const wg_i_places *pl;
    int eras;           /* bit 1: 2025-03 list, bit 2: 2025-07 list */
    int prefer;         /* 7: after the reform (new units first), 0: unknown */
    unsigned char *headline; /* per paragraph: 0 unknown, 1 no, 2 yes */
    size_t npara;
    wg_strmap seen;     /* bare names written in running text */
    wg_i_place *pl_arr;
    size_t npl, plcap;
    wg_i_omention *om;
    size_t nom, omcap;
    /* context */
    char *best_prov;    /* folded */
    size_t best_prov_gz;
    size_t best_tinh_gz;  /* the best province that is a tỉnh */
    size_t best_city_gz;  /* the best province that is a city */
    size_t best_dist_gz;
    size_t focus_ward;  /* index into pl_arr */
    /* indexes for naming (wg_i_index_places) */
    wg_strmap written;  /* "level|bare" of a resolved unit -> first place (pl_arr, then om) */
    size_t *near, nnear; /* pl_arr indexes of placed running-text phrases, by token */
    wg_strmap near_memo; /* "level|id|unit" -> near_unit's answer */
    int tinh_only;      /* the article names a Tỉnh ủy and no district */
    size_t former_of, former_gz; /* places_names.c: the old province of a new one */
    char *article_tag;
} wg_i_pst;

/* places.c */
void wg_i_place_free(wg_i_place *p);

/* places_units.c: place phrases and lists */
wg_i_unit wg_i_unit_at(const wg_i_ctx *c, size_t i, size_t *ntok, int *abbrev);
int wg_i_headline_tok(const wg_i_pst *s, size_t k);
size_t wg_i_parse_place(wg_i_pst *s, size_t i, wg_i_unit implied, wg_i_place *out);
size_t wg_i_list_next_dash(const wg_i_ctx *c, size_t last);
size_t wg_i_list_next(const wg_i_ctx *c, size_t last);
size_t wg_i_places_at(wg_i_pst *s, size_t i, wg_i_unit implied, int ward_only, size_t *first, size_t *count);

/* places_organs.c: organ mentions */
size_t wg_i_organ_at(const wg_i_ctx *c, const wg_i_places *pl, size_t i, size_t *n);
wg_i_unit wg_i_party_unit(const char *canon);
const char *wg_i_party_of_unit(wg_i_unit u);
int wg_i_organs_at(wg_i_pst *s, size_t i, size_t *taken);

/* places_scope.c: the article's places and each phrase's unit */
int wg_i_infer_eras(wg_i_pst *s);
int wg_i_vote_context(wg_i_pst *s);
void wg_i_resolve_place(wg_i_pst *s, wg_i_place *p);
/* After resolution: the indexes the naming pass looks places up in. */
int wg_i_index_places(wg_i_pst *s);
const wg_i_place *wg_i_written_as(const wg_i_pst *s, size_t gz);
size_t wg_i_context_unit(const wg_i_pst *s, wg_i_unit u);
size_t wg_i_near_unit(wg_i_pst *s, wg_i_unit u, size_t tok);

/* places_names.c: names, keys, entities */
int wg_i_emit_committees(wg_i_pst *s);
int wg_i_emit_wards(wg_i_pst *s);

#endif
