/* Attribute tables: named, typed columns of equal length. The strings of
 * all cells live in one arena per table (blocks of 1 MiB or more): a graph
 * of millions of edges has several string cells per edge, and a malloc per
 * cell would cost more than the text. */
#include <math.h>
#include <string.h>
#include "graph/graph.h"

struct wg_i_arena {
    wg_i_arena *next;
    size_t used, cap;
    char data[];
};

static char empty[1] = "";

static char *arena_copy(wg_table *t, const char *s, size_t n)
{
    wg_i_arena *a = t->arena;
    char *p;
    if (!a || a->cap - a->used < n + 1) {
        size_t cap = n + 1 > ((size_t)1 << 20) ? n + 1 : ((size_t)1 << 20);
        if ((a = wg_i_malloc(sizeof *a + cap)) == NULL)
            return NULL;
        a->next = t->arena;
        a->used = 0;
        a->cap = cap;
        t->arena = a;
    }
    p = a->data + a->used;
    memcpy(p, s, n);
    p[n] = '\0';
    a->used += n + 1;
    return p;
}

wg_column *wg_table_find(const wg_table *t, const char *name)
{
    for (size_t i = 0; i < t->ncols; i++)
        if (strcmp(t->cols[i]->name, name) == 0)
            return t->cols[i];
    return NULL;
}

wg_column *wg_table_add(wg_table *t, const char *name, wg_attr_kind kind)
{
    wg_column *c = wg_table_find(t, name);
    if (c)
        return c;
    if (wg_i_grow(&t->cols, &t->colcap, t->ncols + 1, sizeof *t->cols) < 0)
        return NULL;
    if ((c = wg_i_calloc(1, sizeof *c)) == NULL)
        return NULL;
    c->kind = kind;
    if ((c->name = wg_i_strdup(name)) == NULL)
        goto fail;
    switch (kind) {
    case WG_ATTR_STRING:
        if ((c->s = wg_i_calloc(t->nrows ? t->nrows : 1, sizeof *c->s)) == NULL)
            goto fail;
        for (size_t r = 0; r < t->nrows; r++)
            c->s[r] = empty;
        break;
    case WG_ATTR_INT:
        if ((c->i = wg_i_calloc(t->nrows ? t->nrows : 1, sizeof *c->i)) == NULL)
            goto fail;
        break;
    case WG_ATTR_DOUBLE:
        if ((c->d = wg_i_calloc(t->nrows ? t->nrows : 1, sizeof *c->d)) == NULL)
            goto fail;
        break;
    }
    c->table = t;
    t->cols[t->ncols++] = c;
    return c;
fail:
    free(c->s);
    free(c->name);
    free(c);
    return NULL;
}

int wg_column_set_string(wg_column *c, size_t row, const char *value)
{
    size_t n = value ? strlen(value) : 0;
    char *v = n ? arena_copy(c->table, value, n) : empty;
    if (!v)
        return WG_ENOMEM;
    c->s[row] = v;
    return 0;
}

const char *wg_column_text(const wg_column *c, size_t row, char buf[64])
{
    switch (c->kind) {
    case WG_ATTR_STRING:
        return c->s[row];
    case WG_ATTR_INT:
        snprintf(buf, 64, "%lld", c->i[row]);
        return buf;
    case WG_ATTR_DOUBLE:
    default: {
        double d = c->d[row];
        if (isnan(d))
            return "NaN";
        if (isinf(d))
            return d > 0 ? "INF" : "-INF";
        /* the shortest text that reads back to the same double */
        for (int prec = 1; prec <= 17; prec++) {
            snprintf(buf, 64, "%.*g", prec, d);
            if (strtod(buf, NULL) == d)
                break;
        }
        return buf;
    }
    }
}

void wg_table_free(wg_table *t)
{
    for (size_t i = 0; i < t->ncols; i++) {
        wg_column *c = t->cols[i];
        free(c->s);
        free(c->i);
        free(c->d);
        free(c->name);
        free(c);
    }
    free(t->cols);
    while (t->arena) {
        wg_i_arena *next = t->arena->next;
        free(t->arena);
        t->arena = next;
    }
    memset(t, 0, sizeof *t);
}
