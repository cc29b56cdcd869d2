#include <string.h>
#include "util.h"

uint64_t wg_hash(const char *s, size_t n) { return wg_hash_more(WG_HASH_INIT, s, n); }

/* wg_hash of a NUL-terminated string and its length, in one pass. */
static uint64_t hash_str(const char *s, size_t *len)
{
    uint64_t h = WG_HASH_INIT;
    const char *p = s;
    for (; *p; p++) {
        h ^= (unsigned char)*p;
        h *= 1099511628211ull;
    }
    *len = (size_t)(p - s);
    return h;
}

static int rehash(wg_strmap *m, size_t ncap)
{
    wg_strmap_slot *slots = wg_i_calloc(ncap, sizeof *slots);
    if (!slots)
        return WG_ENOMEM;
    for (size_t i = 0; i < m->cap; i++) {
        if (!m->slots[i].key)
            continue;
        size_t j = m->slots[i].hash & (ncap - 1);
        while (slots[j].key)
            j = (j + 1) & (ncap - 1);
        slots[j] = m->slots[i];
    }
    free(m->slots);
    m->slots = slots;
    m->cap = ncap;
    return 0;
}

/* The slot holding the n bytes at s (hash h), or the empty slot where they
 * would go. A slot holds its key's hash beside the key: a probe compares
 * hashes, and reads a key's bytes only when they match (strncmp: a shorter
 * key ends the comparison at its NUL). */
static size_t slot(const wg_strmap *m, const char *s, size_t n, uint64_t h)
{
    size_t j = h & (m->cap - 1);
    const wg_strmap_slot *t;
    while ((t = &m->slots[j])->key && !(t->hash == h && strncmp(t->key, s, n) == 0 && t->key[n] == '\0'))
        j = (j + 1) & (m->cap - 1);
    return j;
}

int wg_strmap_put(wg_strmap *m, const char *key, size_t value)
{
    size_t n, j;
    uint64_t h = hash_str(key, &n);
    if ((m->count + 1) * 2 > m->cap && rehash(m, m->cap ? m->cap * 2 : 64) < 0)
        return WG_ENOMEM;
    j = slot(m, key, n, h);
    if (!m->slots[j].key) {
        if ((m->slots[j].key = wg_i_strndup(key, n)) == NULL)
            return WG_ENOMEM;
        m->slots[j].hash = h;
        m->count++;
    }
    m->slots[j].value = value;
    return 0;
}

int wg_strmap_geth(const wg_strmap *m, const char *s, size_t n, uint64_t h, size_t *value)
{
    size_t j;
    if (!m->cap)
        return 0;
    j = slot(m, s, n, h);
    if (!m->slots[j].key)
        return 0;
    if (value)
        *value = m->slots[j].value;
    return 1;
}

int wg_strmap_getn(const wg_strmap *m, const char *s, size_t n, size_t *value)
{
    return m->cap ? wg_strmap_geth(m, s, n, wg_hash(s, n), value) : 0;
}

int wg_strmap_get(const wg_strmap *m, const char *key, size_t *value)
{
    size_t n;
    uint64_t h;
    if (!m->cap)
        return 0;
    h = hash_str(key, &n);
    return wg_strmap_geth(m, key, n, h, value);
}

void wg_strmap_free(wg_strmap *m)
{
    for (size_t i = 0; i < m->cap; i++)
        free(m->slots[i].key);
    free(m->slots);
    memset(m, 0, sizeof *m);
}
