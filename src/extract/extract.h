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

/* A table of written phrases (folded; runs of spaces, dots and slashes are
 * one space, a dash is the word "-") -> canonical spelling and a tag. */
typedef struct {
    wg_strmap map;        /* phrase key -> index */
    wg_strmap prefixes;   /* every key's leading words ("ủy viên" of "ủy viên ban thường vụ"):
                             a match attempt stops as soon as it is no prefix */
    char **canon;         /* canonical spelling ("" = keep as written) */
    char **tag;           /* a second field, or "" */
    unsigned char *caps;  /* written in capitals ("TƯ", "Q"): matches capitals only */
    size_t n, cap;
    size_t max_words;
    unsigned bit;         /* this table's bit in wg_i_token.first */
} wg_i_phrases;

/* The phrase key of `s` (see wg_i_phrases); caller frees. */
char *wg_i_phrase_key(const char *s, size_t n);

struct wg_lexicon {
    wg_lexfile *files;
    size_t nfiles;
    wg_strmap surnames;   /* folded surname -> 1 (name_prefixes.txt -> 2) */
    wg_i_phrases titles;  /* titles.txt: positions ("Phó Bí thư") */
    wg_i_phrases honorifics;  /* honorifics.txt: "đồng chí", "ông", "đại tá" */
    wg_i_phrases title_words; /* title_words.txt: organ words inside a title */
    wg_i_phrases roles;       /* roles.txt: meeting-role phrases */
    wg_i_phrases not_person;  /* not_person.txt: words that make a name a place */
    wg_i_phrases documents;   /* documents.txt: kinds of document whose author is cited */
    wg_i_phrases meetings;    /* meetings.txt: words of a meeting (tag "meeting") or an announcement ("other") */
    wg_i_phrases figures;     /* figures.txt: historical figures, commemoration words */
    wg_strmap firsts;     /* the first word of every phrase key -> the bits of the
                             wg_i_phrases tables it begins (see wg_i_token.first) */
    void *places;         /* places.c's own tables (organs, gazetteer, triggers) */
    void *projects;       /* projects.c's own tables (triggers, head nouns, verbs) */
};

/* places.c builds and frees its tables; called by wg_i_lexicon_index / wg_lexicon_free. */
int wg_i_places_index(wg_lexicon *lex);
void wg_i_places_free(wg_lexicon *lex);
/* projects.c builds and frees its tables likewise. */
int wg_i_projects_index(wg_lexicon *lex);
void wg_i_projects_free(wg_lexicon *lex);
/* Calls fn for each entry line (comments and blank lines skipped) of every
 * lexicon file named `name`, fields split at tabs. */
int wg_i_lexicon_each(const wg_lexicon *lex, const char *name,
                      int (*fn)(void *ctx, char **fields, size_t nfields), void *ctx);

/* wg_i_token.first bits past the phrase tables' (index_firsts gives those
 * 1 << 0 .. 1 << 7): the first words of the organs and of the project words. */
enum { WG_FIRST_ORGAN = 1u << 8, WG_FIRST_PROJECT = 1u << 9 };
/* Marks every key of `words` (single words) with `bit` in lex->firsts. */
int wg_i_lexicon_mark_firsts(wg_lexicon *lex, const wg_strmap *words, unsigned bit);
/* wg_i_token.first of a folded word of n bytes, hash its wg_hash. */
unsigned wg_i_first_bits(const wg_lexicon *lex, const char *fold, size_t n, uint64_t hash);

/* Builds the lookup tables from the files; called after files change. */
int wg_i_lexicon_index(wg_lexicon *lex);

/* Makes the key "TYPE:folded-name" (spaces -> '-'); caller frees. */
char *wg_i_make_key(wg_entity_type type, const char *name);
/* Appends the folded-name part of a key ("cầu-kho"); on failure sets
 * b->failed. */
int wg_i_put_slug(wg_buf *b, const char *s);


/* ---- shared by the recognisers (token.c) ---- */

/* One word of the text. Tokens cover the whole text, title included:
 * headlines name wards and committees too. */
/* What separates a token from the one before it (bits). */
enum {
    WG_GAP_SPACE = 1u, WG_GAP_NL = 2u, WG_GAP_COMMA = 4u, WG_GAP_SEMI = 8u,
    WG_GAP_COLON = 16u, WG_GAP_DASH = 32u, WG_GAP_OPEN = 64u, WG_GAP_CLOSE = 128u,
    WG_GAP_QUOTE = 256u, WG_GAP_SLASH = 512u, WG_GAP_DOT = 1024u, /* a dot inside "TP.HCM", "đ.c" */
    WG_GAP_STOP = 2048u,  /* the end of a sentence */
    WG_GAP_OTHER = 4096u
};

typedef struct {
    size_t start, end;   /* bytes in doc->text */
    char *fold;          /* case-folded (in wg_i_ctx.folds) */
    size_t flen;         /* strlen(fold) */
    uint64_t fhash;      /* wg_hash(fold, flen): single-word look-ups need not hash again */
    int cap;             /* starts with an upper-case letter */
    int digit;           /* starts with a digit */
    int space_before;    /* separated from the previous token by one space only */
    unsigned gap;        /* WG_GAP_* bits between the previous token and this one */
    size_t paragraph, sentence; /* sentence: also ends at ';' */
    size_t fsent;        /* full sentence: ends at . ! ? and line breaks only */
    unsigned first;      /* the wg_i_phrases tables (bits) with a key that starts with this
                          * word: a match attempt at a token without the table's bit fails */
} wg_i_token;

typedef struct {
    const wg_doc *doc;
    const wg_lexicon *lex;
    wg_i_token *tok;
    size_t ntok, tokcap;
    char *folds;         /* every token's fold, each after the last with its NUL */
    wg_article *art;
    size_t entcap;
    wg_strmap keys;      /* entity key -> index, for art->entities[0, nkeyed) */
    size_t nkeyed;
    wg_strmap spans;     /* "key start end" of every mention: each span once */
} wg_i_ctx;

/* The index of the entity with `key` in c->art, or (size_t)-1. Entities
 * added by any recogniser are found. */
size_t wg_i_entity_index(wg_i_ctx *c, const char *key);
/* The article's entity with `key`, created (with `type` and `name`) on first
 * use; NULL when out of memory. */
wg_entity *wg_i_entity_get(wg_i_ctx *c, wg_entity_type type, const char *name, const char *key);
/* Adds tokens tfirst..tlast as a mention of `e` (once per span). */
int wg_i_push_mention(wg_i_ctx *c, wg_entity *e, size_t tfirst, size_t tlast);

int wg_i_tokenize(wg_i_ctx *c);
/* The folded words of tokens [i, i+n) joined by spaces, when the gaps
 * between them hold only spaces (and, with `loose`, dots and dashes). */
char *wg_i_join_fold(const wg_i_ctx *c, size_t i, size_t n, int loose);
/* The same joins for every n up to `max` at once, without allocating:
 * writes the join of the longest run of tokens from i (at most `max`,
 * gaps as for wg_i_join_fold) to buf, separated by spaces, and ends[n-1]
 * = the length of the join of n tokens. Returns that n; *cut is set when
 * buf or ends (room for `max`) ran out before a gap or the text's end
 * stopped the run, so longer joins are unknown. */
size_t wg_i_join_run(const wg_i_ctx *c, size_t i, size_t max, int loose, char *buf, size_t cap,
                     size_t *ends, uint64_t *hashes, int *cut);
/* Is the text between tokens k-1 and k only spaces? */
int wg_i_gap_spaces(const wg_i_ctx *c, size_t k);
/* The text between tokens k-1 and k. */
const char *wg_i_gap(const wg_i_ctx *c, size_t k, size_t *len);
/* No lower-case letter in the token (headline capitals, acronyms). */
int wg_i_allcaps(const wg_i_ctx *c, size_t k);
/* Adds a mention with an explicit key (the name alone may not tell two
 * same-named bodies of different places apart). */
int wg_i_add_keyed(wg_i_ctx *c, wg_entity_type type, const char *name, const char *key,
                   const char *parent, size_t t0, size_t t1);

/* Is the token's fold w? Inline, so that a literal's length is known and
 * turns most tokens away before any byte is compared. */
static inline int wg_i_tok_is(const wg_i_token *t, const char *w)
{
    size_t n = strlen(w);
    return t->flen == n && memcmp(t->fold, w, n) == 0;
}

/* Is token k's fold a key of `words`, the map marked with `bit` by
 * wg_i_lexicon_mark_firsts? Mostly answered by the token's bits alone. */
static inline int wg_i_first_in(const wg_i_ctx *c, size_t k, unsigned bit, const wg_strmap *words)
{
    const wg_i_token *t = &c->tok[k];
    return (t->first & bit) && (t->first != ~0u || wg_strmap_geth(words, t->fold, t->flen, t->fhash, NULL));
}

/* Do the tokens from i on spell the folded, space-separated phrase?
 * Returns how many tokens it took (0: no). */
int wg_i_tokens_are(const wg_i_ctx *c, size_t i, const char *phrase);
/* Tokens first..last, each word capitalised ("CẦU KHO" -> "Cầu Kho"); caller frees. */
char *wg_i_capitalised(const wg_i_ctx *c, size_t first, size_t last);
/* Adds a mention of tokens tfirst..tlast to the entity `name` of `type`
 * (created on first mention), with an optional title and role bits. */
int wg_i_add_mention(wg_i_ctx *c, wg_entity_type type, const char *name, size_t tfirst, size_t tlast,
                     const char *title, unsigned roles);

/* ---- recognisers, run in this order by wg_extract ---- */
int wg_i_find_officials(wg_i_ctx *c); /* officials.c */
/* officials_scope.c, after the others: officials' keys get their scope. */
int wg_i_scope_officials(wg_i_ctx *c);
int wg_i_find_places(wg_i_ctx *c);    /* places.c: wards and committees */
int wg_i_find_projects(wg_i_ctx *c);  /* projects.c */
/* presence.c, last: each mention's and entity's presence, the article's kind. */
int wg_i_find_presence(wg_i_ctx *c);
/* fingerprint.c: the article's body hash and shingle signature. */
int wg_i_fingerprint(wg_i_ctx *c);

#endif
