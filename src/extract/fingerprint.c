/* The article's fingerprint, for finding the same article twice in a
 * corpus (the graph stage counts each meeting once): a 128-bit hash of its
 * words and a MinHash signature of its 5-word shingles. Words are the
 * tokens, case-folded, so layout, punctuation, tone placement and HTML
 * chrome that the reader already dropped do not change either. */
#include <string.h>
#include "extract/extract.h"

enum { SHINGLE = 5 };

static inline uint64_t mix(uint64_t x) { return wg_mix64(x); }

/* Lowers each of the WG_MINHASH signature values to the shingles' own
 * where smaller. Cloned for AVX-512 where the compiler can (GCC on x86-64
 * ELF): its 64-bit multiplies take eight of the mixes at a time, the same
 * values as the plain clone, chosen at load time by the processor. */
#if defined(__GNUC__) && !defined(__clang__) && defined(__x86_64__) && defined(__ELF__) && \
    !defined(__SANITIZE_ADDRESS__)
__attribute__((target_clones("arch=x86-64-v4", "default")))
#endif
static void minhash_lower(uint32_t *restrict mh, const uint64_t *restrict shingles, size_t n)
{
    for (size_t i = 0; i < n; i++)
        for (size_t k = 0; k < WG_MINHASH; k++) {
            uint32_t v = (uint32_t)(mix(shingles[i] + 0x9E3779B97F4A7C15ull * (k + 1)) >> 32);
            mh[k] = v < mh[k] ? v : mh[k];
        }
}

int wg_i_fingerprint(wg_i_ctx *c)
{
    wg_article *a = c->art;
    uint64_t h1 = 0x736F6D6570736575ull, h2 = 0x646F72616E646F6Dull;
    /* the words' hashes, then each shingle's in the same array */
    uint64_t *words = wg_i_malloc((c->ntok ? c->ntok : 1) * sizeof *words);
    static const char hex[] = "0123456789abcdef";
    size_t nsh = 0;
    if (!words)
        return WG_ENOMEM;
    for (size_t i = 0; i < WG_MINHASH; i++)
        a->minhash[i] = UINT32_MAX;
    for (size_t i = 0; i < c->ntok; i++) {
        words[i] = mix(c->tok[i].fhash);
        /* two independent running hashes make the 128 bits */
        h1 = mix(h1 ^ words[i]) + i;
        h2 = mix(h2 + words[i] * 0x9E3779B97F4A7C15ull) ^ (h1 >> 7);
    }
    /* a text shorter than a shingle is one shingle; shingle i overwrites
     * word i, which no later shingle reads */
    for (size_t i = 0; i == 0 || i + SHINGLE <= c->ntok; i++) {
        uint64_t s = 0x51ED270B27D1A5ull;
        for (size_t j = i; j < i + SHINGLE && j < c->ntok; j++)
            s = mix(s ^ words[j]) + j - i;
        words[nsh++] = s;
        if (!c->ntok)
            break;
    }
    minhash_lower(a->minhash, words, nsh);
    for (int i = 0; i < 16; i++) {
        a->hash[i] = hex[(h1 >> (60 - 4 * i)) & 15];
        a->hash[16 + i] = hex[(h2 >> (60 - 4 * i)) & 15];
    }
    a->hash[32] = '\0';
    free(words);
    return 0;
}
