/* Private to the officials recogniser (officials*.c): its per-article
 * state and the helpers its files share. */
#ifndef WG_OFFICIALS_H
#define WG_OFFICIALS_H

#include "extract/extract.h"

#define NONE ((size_t)-1)
/* Gaps that end a name or a title. */
#define HARD_GAP (WG_GAP_NL | WG_GAP_COMMA | WG_GAP_SEMI | WG_GAP_COLON | WG_GAP_DASH | WG_GAP_OPEN | \
                  WG_GAP_CLOSE | WG_GAP_QUOTE | WG_GAP_STOP | WG_GAP_OTHER)
/* Gaps that separate the titles of one chain ("X, Bí thư Tỉnh ủy, Chủ tịch ..."). */
#define CHAIN_GAP (WG_GAP_COMMA | WG_GAP_DASH)
#define CHAIN_STOP (WG_GAP_SEMI | WG_GAP_STOP | WG_GAP_NL | WG_GAP_COLON | WG_GAP_OPEN | WG_GAP_QUOTE)

typedef struct {
    char **v;
    size_t n, cap;
} strvec;

typedef struct {
    size_t first, last;         /* the name's tokens */
    size_t ext_first, ext_last; /* with its honorific and titles */
    char *name;
    strvec titles;
    unsigned roles;
    int weak;                   /* 1: only "ông"/"bà" before it, kept if the person has a title;
                                 * 2: a later mention, no evidence of its own */
} omention;

typedef struct {
    wg_i_ctx *c;
    const wg_lexicon *lex;
    size_t nb;                  /* tokens before the byline */
    omention *m;
    size_t nm, mcap;
    unsigned char *used;        /* tokens of an accepted name */
    wg_strmap strong;           /* folded names written with unambiguous evidence */
    wg_strmap accepted;         /* folded name -> index of its first mention */
    omention *bare;             /* titles written without a name ("đồng chí Bí thư Đảng ủy phường"), */
    size_t nbare, bcap;         /* name NULL until resolved to the one official who holds it */
} ostate;

static inline const wg_i_token *T(const ostate *st, size_t k) { return &st->c->tok[k]; }

/* Tokens k-1 and k are joined by spaces, dots or slashes only. */
static inline int soft(const ostate *st, size_t k)
{
    return k > 0 && k < st->nb && !(T(st, k)->gap & HARD_GAP);
}

static inline int fold_is(const ostate *st, size_t k, const char *w)
{
    return k < st->nb && wg_i_tok_is(T(st, k), w);
}

static inline int tag_is(const wg_i_phrases *ph, size_t idx, const char *tag)
{
    return idx != NONE && strcmp(ph->tag[idx], tag) == 0;
}

/* ---- strvec (officials.c) ---- */
int wg_i_o_sv_push(strvec *v, const char *s);
void wg_i_o_sv_free(strvec *v);
int wg_i_o_sv_copy(strvec *to, const strvec *from);

/* ---- names (officials_names.c) ---- */
/* Longest phrase of `ph` starting at token i: its index or NONE; *w = the
 * tokens it covers. A dash only matches a phrase written with one. */
size_t wg_i_o_phrase_at(const ostate *st, const wg_i_phrases *ph, size_t i, size_t *w);
/* No lower-case letter: an acronym or headline capitals. */
int wg_i_o_allcaps(const ostate *st, size_t k);
/* A word that can be part of a personal name. */
int wg_i_o_name_tok(const ostate *st, size_t k);
/* 1: a surname, 2: a minority name prefix ("Y", "Ksor"), 0: neither. */
size_t wg_i_o_surname_kind(const ostate *st, size_t k);
/* How many name words follow one another from k, stopping before a position word. */
size_t wg_i_o_run_len(const ostate *st, size_t k, size_t max);
/* Tokens a..b folded, one space between; caller frees. */
char *wg_i_o_folded_span(const ostate *st, size_t a, size_t b);
/* Where the person's name starts in the run of n name words at k (NONE: no
 * name); `after_unit`: the run follows a unit word, so two words are a place. */
size_t wg_i_o_choose_split(const ostate *st, size_t k, size_t n, int after_unit);
/* The name starting at k when nothing before it says where it starts; sets *len. */
size_t wg_i_o_name_from(const ostate *st, size_t k, size_t *len, int need_known_start);
/* Appends tokens a..z as written (a space first unless b is empty). */
void wg_i_o_put_written(const ostate *st, wg_buf *b, size_t a, size_t z);
/* The first token after the honorifics at i (i when none). */
size_t wg_i_o_skip_honorifics(const ostate *st, size_t i);
/* Pass 0: names written after an honorific or before a title (st->strong). */
int wg_i_o_collect_strong(ostate *st);
/* Is the name at a written as a place, street or idea ("đường Nguyễn Huệ")? */
int wg_i_o_not_person_before(const ostate *st, size_t a);

/* ---- titles (officials_titles.c) ---- */
/* A title chain at i into *out; the first token after it (i: none), with
 * *name_at / *name_len when a name follows the last title directly. */
size_t wg_i_o_parse_chain(const ostate *st, size_t i, strvec *out, int *chair, size_t *name_at,
                          size_t *name_len, size_t *last_start, int *err);
/* A bare "(Phó) Trưởng ban" heads the Ban the sentence named before `at`. */
int wg_i_o_ban_from_context(const ostate *st, size_t at, strvec *titles);
/* Titles written after the name ending at b; the first token after them. */
size_t wg_i_o_titles_after(const ostate *st, size_t b, strvec *titles, int *chair, int *via_verb, int *err);

/* A title folded for comparison, "TP" read as "thành phố"; caller frees. */
char *wg_i_o_title_fold(const char *t);

/* ---- figures (officials_figures.c) ---- */
/* The tokens of the name of a historical figure at k (0: none). */
size_t wg_i_o_figure_at(const ostate *st, size_t k);
/* Drops every person who is a figure or named in a commemoration. */
int wg_i_officials_drop_figures(ostate *st);

/* ---- roles (officials_roles.c) ---- */
/* Pass 3: sets the roles of the sorted mentions st->m. */
int wg_i_officials_roles(ostate *st);

#endif
