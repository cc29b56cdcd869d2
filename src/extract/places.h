/* Private to places.c, gazetteer.c and projects.c: the gazetteer, the organ
 * lexicon and the project triggers, built once per lexicon. */
#ifndef WG_PLACES_H
#define WG_PLACES_H

#include "extract/extract.h"

#define WG_NONE ((size_t)-1)

/* Unit words, as the gazetteer writes them (folded). */
typedef enum {
    U_NONE = 0, U_TINH, U_TP, U_QUAN, U_HUYEN, U_TX, U_PHUONG, U_XA, U_TT, U_DK, U_KINDS
} wg_i_unit;

enum { LV_P = 0, LV_D = 1, LV_W = 2 };

typedef struct {
    char *full;        /* as in the gazetteer: "Phường Cầu Kho" */
    char *bare;        /* folded words after the unit word: "cầu kho", "1" */
    wg_i_unit unit;
    int level, era;    /* era: 3 (2025-03 list) or 7 (2025-07 list) */
    size_t province;   /* index of its province (itself for a province) */
    size_t district;   /* index of its district or WG_NONE */
    size_t next;       /* next unit with the same bare name */
    size_t next_init;  /* next unit with the same initials */
    size_t successor;  /* a 2025-03 province: the 2025-07 one it went into */
} wg_i_gzunit;

enum { OC_PARTY, OC_DANG, OC_STATE, OC_DEPT, OC_CENTRAL, OC_CELL };

typedef struct {
    char *canon;
    int cls;
} wg_i_organ;

typedef struct {
    char *fold;
    int quoted;
} wg_i_trigger;

typedef struct {
    wg_i_gzunit *u;
    size_t nu, ucap;
    wg_strmap bare;      /* bare name -> first unit */
    wg_strmap initials;  /* "prtc", "hcm", "tphcm" -> first unit */
    size_t max_words;    /* longest bare name, in words */
    wg_i_organ *organs;
    size_t norgans;
    wg_strmap organ_forms; /* folded written form -> organ index */
    wg_strmap organ_first; /* first words of the forms: a quick "no" */
    size_t max_organ_words;
    wg_i_trigger *triggers;
    size_t ntriggers;
    wg_strmap trigger_forms;
    wg_strmap trigger_first;
    size_t max_trigger_words;
} wg_i_places;

/* Phường, xã … are wards; quận … thị xã districts; tỉnh, thành phố provinces. */
static inline int unit_level(wg_i_unit u)
{
    return u >= U_PHUONG ? LV_W : u >= U_QUAN ? LV_D : LV_P;
}

/* eras: bit 1 the 2025-03 list, bit 2 the 2025-07 list. */
static inline int era_ok(int eras, int era)
{
    return (eras & (era == 3 ? 1 : 2)) != 0;
}

/* Does gazetteer unit u fit a place written with unit word `unit`? */
static inline int unit_fits(const wg_i_gzunit *u, wg_i_unit unit)
{
    return unit == U_NONE || u->unit == unit;
}

/* "", "tỉnh", "thành phố" …: the unit words as running text writes them. */
extern const char *const wg_i_unit_words[U_KINDS];
/* The first unit named `bare` (folded) that fits unit word `unit` in the
 * allowed eras (bit 1: 2025-03 list, bit 2: 2025-07 list), in province
 * `prov` (folded) when given; *count gets how many distinct units fit. */
size_t wg_i_gz_find(const wg_i_places *pl, const char *bare, wg_i_unit unit, int eras, const char *prov,
                      size_t *count);
/* The one province or district whose initials are `fold` (PRTC, HCM,
 * TPHCM), or WG_NONE. */
size_t wg_i_gz_initials(const wg_i_places *pl, const char *fold, int eras);

#endif
