/* Each meeting once: portals republish and aggregators copy, so the same
 * report reaches a corpus under several names, and two outlets write up
 * one meeting. An article added to the graph is first looked up here:
 *
 * - exact: the same words (the extraction's 128-bit body hash);
 * - near: at least NEAR_AGREE of the WG_MINHASH shingle signature values
 *   agree (estimated Jaccard similarity of the 5-word shingles >= 0.8: the
 *   same body with other page chrome, a caption or a byline more or less),
 *   found through LSH bands so that no article is compared with all;
 * - same meeting: the same full date, entity keys with Jaccard similarity
 *   >= SAME_KEYS, and some shared text (signature agreement >=
 *   SAME_AGREE: another outlet's report quotes the same speeches), found
 *   through the article's officials and wards on that date.
 *
 * Memory is per kept article: its signature, hash, key set and index
 * entries (about 0.4 KB), never its text. */
#include <string.h>
#include "graph/graph.h"

enum { BANDS = 8, ROWS = WG_MINHASH / BANDS, NEAR_AGREE = 26, SAME_AGREE = 8 };
#define SAME_KEYS 0.6

/* A multimap from 64-bit keys to article indexes: chained entries, an
 * open-addressed table of chain heads. */
typedef struct {
    uint64_t *key;
    uint32_t *val, *next; /* next: entry index + 1, 0 ends the chain */
    size_t n, ecap;
    uint32_t *head;       /* entry index + 1 of the newest entry of a key, 0 empty */
    uint64_t *hkey;
    size_t hcap;
} multimap;

struct wg_i_dedup {
    multimap exact, bands, meets;
    uint32_t *sig;        /* WG_MINHASH per kept article */
    uint64_t *hash2;      /* second half of the body hash, per kept article */
    uint64_t *date;       /* hash of the full date, 0 none */
    size_t *koff;         /* key hashes of article a: keys[koff[a], koff[a + 1]) */
    uint32_t *keys;
    size_t nkeys, kcap, narts, acap;
};

static uint64_t mix(uint64_t x) { return wg_mix64(x); }

static uint64_t str_hash(const char *s)
{
    return wg_mix64(wg_hash(s, strlen(s))) | 1; /* never 0: 0 means "none" */
}

static int mm_rehash(multimap *m, size_t cap)
{
    uint32_t *head = wg_i_calloc(cap, sizeof *head);
    uint64_t *hkey = wg_i_calloc(cap, sizeof *hkey);
    if (!head || !hkey) {
        free(head);
        free(hkey);
        return WG_ENOMEM;
    }
    for (size_t i = 0; i < m->hcap; i++) {
        if (!m->head[i])
            continue;
        size_t j = (size_t)mix(m->hkey[i]) & (cap - 1);
        while (head[j])
            j = (j + 1) & (cap - 1);
        head[j] = m->head[i];
        hkey[j] = m->hkey[i];
    }
    free(m->head);
    free(m->hkey);
    m->head = head;
    m->hkey = hkey;
    m->hcap = cap;
    return 0;
}

/* The table slot of `key`: its chain's, or the empty one where it goes. */
static size_t mm_slot(const multimap *m, uint64_t key)
{
    size_t j = (size_t)mix(key) & (m->hcap - 1);
    while (m->head[j] && m->hkey[j] != key)
        j = (j + 1) & (m->hcap - 1);
    return j;
}

static int mm_put(multimap *m, uint64_t key, uint32_t val)
{
    size_t j;
    if ((m->n + 1) * 2 > m->hcap && mm_rehash(m, m->hcap ? m->hcap * 2 : 1024) < 0)
        return WG_ENOMEM;
    if (m->n >= UINT32_MAX - 1)
        return wg_i_error_set(WG_EINVAL, "too many articles to compare");
    if (m->n == m->ecap) {
        /* the three entry arrays grow together */
        size_t cap = m->ecap ? m->ecap * 2 : 1024, c1 = m->ecap, c2 = m->ecap, c3 = m->ecap;
        if (wg_i_grow(&m->key, &c1, cap, sizeof *m->key) < 0 || wg_i_grow(&m->val, &c2, cap, sizeof *m->val) < 0 ||
            wg_i_grow(&m->next, &c3, cap, sizeof *m->next) < 0)
            return WG_ENOMEM;
        m->ecap = cap;
    }
    j = mm_slot(m, key);
    m->key[m->n] = key;
    m->val[m->n] = val;
    m->next[m->n] = m->head[j];
    m->head[j] = (uint32_t)(m->n + 1);
    m->hkey[j] = key;
    m->n++;
    return 0;
}

/* The first entry of `key`'s chain (index + 1), 0 none. */
static uint32_t mm_first(const multimap *m, uint64_t key)
{
    if (!m->hcap)
        return 0;
    size_t j = mm_slot(m, key);
    return m->head[j];
}

static void mm_free(multimap *m)
{
    free(m->key);
    free(m->val);
    free(m->next);
    free(m->head);
    free(m->hkey);
}

static uint64_t hex64(const char *s)
{
    uint64_t v = 0;
    for (int i = 0; i < 16 && s[i]; i++)
        v = v << 4 | (uint64_t)(s[i] <= '9' ? s[i] - '0' : s[i] - 'a' + 10);
    return v;
}

static uint64_t band_key(const uint32_t *sig, size_t b)
{
    uint64_t h = mix(0x5BD1E995ull + b);
    for (size_t r = 0; r < ROWS; r++)
        h = mix(h ^ sig[b * ROWS + r]);
    return h;
}

static int agree(const uint32_t *a, const uint32_t *b)
{
    int n = 0;
    for (size_t i = 0; i < WG_MINHASH; i++)
        n += a[i] == b[i];
    return n;
}

static int full_date(const char *d) { return d && strlen(d) == 10 && d[0] != '-'; }

static int cmp_u32(const void *a, const void *b)
{
    uint32_t x = *(const uint32_t *)a, y = *(const uint32_t *)b;
    return x < y ? -1 : x > y;
}

/* The article's distinct entity keys, hashed and sorted, in *out (caller frees). */
static int key_set(const wg_article *a, uint32_t **out, size_t *n)
{
    uint32_t *k = a->nentities ? wg_i_malloc(a->nentities * sizeof *k) : NULL;
    size_t m = 0;
    if (a->nentities && !k)
        return WG_ENOMEM;
    for (size_t i = 0; i < a->nentities; i++)
        k[i] = (uint32_t)(str_hash(a->entities[i].key) >> 32);
    if (a->nentities > 1)
        qsort(k, a->nentities, sizeof *k, cmp_u32);
    for (size_t i = 0; i < a->nentities; i++)
        if (!m || k[m - 1] != k[i])
            k[m++] = k[i];
    *out = k;
    *n = m;
    return 0;
}

static double jaccard(const uint32_t *a, size_t na, const uint32_t *b, size_t nb)
{
    size_t i = 0, j = 0, both = 0;
    while (i < na && j < nb) {
        if (a[i] == b[j]) {
            both++;
            i++;
            j++;
        } else if (a[i] < b[j]) {
            i++;
        } else {
            j++;
        }
    }
    return na + nb ? (double)both / (double)(na + nb - both) : 0.0;
}

/* Officials and wards name a meeting more narrowly than the bodies that
 * meet every day; with the date they index "same meeting" candidates. */
static int names_meeting(const wg_entity *e) { return e->type == WG_OFFICIAL || e->type == WG_WARD; }

int wg_i_dedup_find(wg_i_dedup **dp, const wg_article *a, wg_i_duplicate *out)
{
    wg_i_dedup *d = *dp;
    uint64_t h1 = hex64(a->hash), h2 = hex64(a->hash + 16);
    uint32_t *keys = NULL;
    size_t nk = 0;
    int err;
    out->how = WG_DUP_NONE;
    if (!d) {
        if ((d = *dp = wg_i_calloc(1, sizeof *d)) == NULL)
            return WG_ENOMEM;
    }
    if (!h1 && !h2)
        return 0;
    for (uint32_t e = mm_first(&d->exact, h1); e; e = d->exact.next[e - 1])
        if (d->exact.key[e - 1] == h1 && d->hash2[d->exact.val[e - 1]] == h2) {
            out->how = WG_DUP_EXACT;
            out->of = d->exact.val[e - 1];
            out->similarity = 1.0;
            return 0;
        }
    for (size_t b = 0; b < BANDS; b++) {
        uint64_t k = band_key(a->minhash, b);
        for (uint32_t e = mm_first(&d->bands, k); e; e = d->bands.next[e - 1]) {
            uint32_t art = d->bands.val[e - 1];
            int n;
            if (d->bands.key[e - 1] != k || (n = agree(a->minhash, d->sig + (size_t)art * WG_MINHASH)) < NEAR_AGREE)
                continue;
            if (out->how == WG_DUP_NONE || n > (int)(out->similarity * WG_MINHASH + 0.5)) {
                out->how = WG_DUP_NEAR;
                out->of = art;
                out->similarity = (double)n / WG_MINHASH;
            }
        }
    }
    if (out->how != WG_DUP_NONE || !full_date(a->date))
        return 0;
    if ((err = key_set(a, &keys, &nk)) < 0)
        return err;
    uint64_t dh = str_hash(a->date);
    for (size_t i = 0; i < a->nentities; i++) {
        if (!names_meeting(&a->entities[i]))
            continue;
        uint64_t k = mix(dh ^ str_hash(a->entities[i].key));
        for (uint32_t e = mm_first(&d->meets, k); e; e = d->meets.next[e - 1]) {
            uint32_t art = d->meets.val[e - 1];
            if (d->meets.key[e - 1] != k || d->date[art] != dh)
                continue;
            double j = jaccard(keys, nk, d->keys + d->koff[art], d->koff[art + 1] - d->koff[art]);
            int n = agree(a->minhash, d->sig + (size_t)art * WG_MINHASH);
            if (j >= SAME_KEYS && n >= SAME_AGREE && (out->how == WG_DUP_NONE || j > out->similarity)) {
                out->how = WG_DUP_SAME_MEETING;
                out->of = art;
                out->similarity = j;
            }
        }
    }
    free(keys);
    return 0;
}

int wg_i_dedup_add(wg_i_dedup *d, const wg_article *a, uint32_t article)
{
    uint32_t *keys = NULL;
    size_t nk = 0;
    int err;
    if (article != d->narts)
        return wg_i_error_set(WG_EINVAL, "articles must be indexed in order");
    if (d->narts + 2 > d->acap) {
        /* the per-article arrays grow together, `acap` articles each */
        size_t n = d->acap ? d->acap * 2 : 1024, c1 = d->acap * WG_MINHASH, c2 = d->acap, c3 = d->acap, c4 = d->acap;
        if (wg_i_grow(&d->sig, &c1, n * WG_MINHASH, sizeof *d->sig) < 0 ||
            wg_i_grow(&d->hash2, &c2, n, sizeof *d->hash2) < 0 || wg_i_grow(&d->date, &c3, n, sizeof *d->date) < 0 ||
            wg_i_grow(&d->koff, &c4, n, sizeof *d->koff) < 0)
            return WG_ENOMEM;
        d->acap = n;
    }
    memcpy(d->sig + (size_t)article * WG_MINHASH, a->minhash, sizeof a->minhash);
    d->hash2[article] = hex64(a->hash + 16);
    d->date[article] = full_date(a->date) ? str_hash(a->date) : 0;
    if ((err = key_set(a, &keys, &nk)) < 0)
        return err;
    if (wg_i_grow(&d->keys, &d->kcap, d->nkeys + nk + 1, sizeof *d->keys) < 0) {
        free(keys);
        return WG_ENOMEM;
    }
    d->koff[article] = d->nkeys;
    if (nk)
        memcpy(d->keys + d->nkeys, keys, nk * sizeof *keys);
    d->nkeys += nk;
    d->koff[article + 1] = d->nkeys;
    free(keys);
    d->narts++;
    if ((err = mm_put(&d->exact, hex64(a->hash), article)) < 0)
        return err;
    for (size_t b = 0; b < BANDS; b++)
        if ((err = mm_put(&d->bands, band_key(a->minhash, b), article)) < 0)
            return err;
    for (size_t i = 0; d->date[article] && i < a->nentities; i++)
        if (names_meeting(&a->entities[i]) &&
            (err = mm_put(&d->meets, mix(d->date[article] ^ str_hash(a->entities[i].key)), article)) < 0)
            return err;
    return 0;
}

void wg_i_dedup_free(wg_i_dedup *d)
{
    if (!d)
        return;
    mm_free(&d->exact);
    mm_free(&d->bands);
    mm_free(&d->meets);
    free(d->sig);
    free(d->hash2);
    free(d->date);
    free(d->koff);
    free(d->keys);
    free(d);
}
