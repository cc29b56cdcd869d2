/* The article's fingerprint, for finding the same article twice in a
 * corpus (the graph stage counts each meeting once): a 128-bit hash of its
 * words and a MinHash signature of its 5-word shingles. Words are the
 * tokens, case-folded, so layout, punctuation, tone placement and HTML
 * chrome that the reader already dropped do not change either. */
#include <string.h>
#include "extract/extract.h"

enum { SHINGLE = 5 };

static inline uint64_t mix(uint64_t x) { return wg_mix64(x); }

static uint64_t word_hash(const char *s) { return mix(wg_hash(s, strlen(s))); }

int wg_i_fingerprint(wg_i_ctx *c)
{
    wg_article *a = c->art;
    uint64_t h1 = 0x736F6D6570736575ull, h2 = 0x646F72616E646F6Dull;
    uint64_t *words = c->ntok ? wg_i_malloc(c->ntok * sizeof *words) : NULL;
    static const char hex[] = "0123456789abcdef";
    if (c->ntok && !words)
        return WG_ENOMEM;
    for (size_t i = 0; i < WG_MINHASH; i++)
        a->minhash[i] = UINT32_MAX;
    for (size_t i = 0; i < c->ntok; i++) {
        words[i] = word_hash(c->tok[i].fold);
        /* two independent running hashes make the 128 bits */
        h1 = mix(h1 ^ words[i]) + i;
        h2 = mix(h2 + words[i] * 0x9E3779B97F4A7C15ull) ^ (h1 >> 7);
    }
    /* a text shorter than a shingle is one shingle */
    for (size_t i = 0; i == 0 || i + SHINGLE <= c->ntok; i++) {
        uint64_t s = 0x51ED270B27D1A5ull;
        for (size_t j = i; j < i + SHINGLE && j < c->ntok; j++)
            s = mix(s ^ words[j]) + j - i;
        for (size_t k = 0; k < WG_MINHASH; k++) {
            uint32_t v = (uint32_t)(mix(s + 0x9E3779B97F4A7C15ull * (k + 1)) >> 32);
            if (v < a->minhash[k])
                a->minhash[k] = v;
        }
        if (!c->ntok)
            break;
    }
    for (int i = 0; i < 16; i++) {
        a->hash[i] = hex[(h1 >> (60 - 4 * i)) & 15];
        a->hash[16 + i] = hex[(h2 >> (60 - 4 * i)) & 15];
    }
    a->hash[32] = '\0';
    free(words);
    return 0;
}
