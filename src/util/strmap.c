#include <string.h>
#include "util.h"

uint64_t wg_hash(const char *s, size_t n)
{
    uint64_t h = 1469598103934665603ull; /* FNV-1a */
    for (size_t i = 0; i < n; i++) {
        h ^= (unsigned char)s[i];
        h *= 1099511628211ull;
    }
    return h;
}

static int rehash(wg_strmap *m, size_t ncap)
{
    char **keys = wg_i_calloc(ncap, sizeof *keys);
    size_t *values = wg_i_calloc(ncap, sizeof *values);
    if (!keys || !values) {
        free(keys);
        free(values);
        return WG_ENOMEM;
    }
    for (size_t i = 0; i < m->cap; i++) {
        if (!m->keys[i])
            continue;
        size_t j = wg_hash(m->keys[i], strlen(m->keys[i])) & (ncap - 1);
        while (keys[j])
            j = (j + 1) & (ncap - 1);
        keys[j] = m->keys[i];
        values[j] = m->values[i];
    }
    free(m->keys);
    free(m->values);
    m->keys = keys;
    m->values = values;
    m->cap = ncap;
    return 0;
}

int wg_strmap_put(wg_strmap *m, const char *key, size_t value)
{
    size_t j;
    if ((m->count + 1) * 2 > m->cap && rehash(m, m->cap ? m->cap * 2 : 64) < 0)
        return WG_ENOMEM;
    j = wg_hash(key, strlen(key)) & (m->cap - 1);
    while (m->keys[j]) {
        if (strcmp(m->keys[j], key) == 0) {
            m->values[j] = value;
            return 0;
        }
        j = (j + 1) & (m->cap - 1);
    }
    if ((m->keys[j] = wg_i_strdup(key)) == NULL)
        return WG_ENOMEM;
    m->values[j] = value;
    m->count++;
    return 0;
}

int wg_strmap_get(const wg_strmap *m, const char *key, size_t *value)
{
    size_t j;
    if (!m->cap)
        return 0;
    j = wg_hash(key, strlen(key)) & (m->cap - 1);
    while (m->keys[j]) {
        if (strcmp(m->keys[j], key) == 0) {
            if (value)
                *value = m->values[j];
            return 1;
        }
        j = (j + 1) & (m->cap - 1);
    }
    return 0;
}

void wg_strmap_free(wg_strmap *m)
{
    for (size_t i = 0; i < m->cap; i++)
        free(m->keys[i]);
    free(m->keys);
    free(m->values);
    memset(m, 0, sizeof *m);
}
