/* A binary sidecar of a read GraphML network (PATH.wgcache), so that a
 * large file is parsed once, not by every query: parsing XML costs seconds
 * on a million edges, copying the arrays back a fraction of one.
 *
 * The cache is never trusted blindly. It is used only when it records the
 * GraphML's size, modification time and a checksum of its whole content
 * (read again at every load: a file rewritten within the same second or
 * with its mtime restored is not mistaken for the old one), when its own
 * checksum holds, and when every count and vertex id in it is in range.
 * Anything else (missing, stale, truncated, corrupt, another version, a
 * non-regular file) means the GraphML is read and the cache rewritten. It
 * is written to a temporary file renamed over the old one, so a reader
 * never sees half a cache; a failed write leaves the query unaffected.
 *
 * Layout, 64-bit native words: a header (magic, version, byte-order mark,
 * the GraphML's size, mtime seconds and nanoseconds, content checksum, the
 * payload's length and checksum), then the payload: nodes, edges,
 * warnings; the edge ends; the warnings; the node and edge tables, each
 * column as kind, name and cells (doubles or integers, or the strings
 * NUL-separated). Strings are padded to 8 bytes. */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>
#include "query/query.h"

#define CACHE_MAGIC 0x31484341434757ull /* "WGCACH1" */
/* Bump when the reader or this layout changes what a graph holds. */
#define CACHE_VERSION 2ull /* 2: a weight key's <default> is checked like its data */
#define BYTE_ORDER_MARK 0x0102030405060708ull
#define HEADER_WORDS 9

typedef struct {
    uint64_t size;
    int64_t mtime_s, mtime_ns;
} file_id;

static int stat_file(const char *path, file_id *id)
{
    struct stat st;
    if (stat(path, &st) != 0 || !S_ISREG(st.st_mode))
        return -1;
    id->size = (uint64_t)st.st_size;
    id->mtime_s = (int64_t)st.st_mtim.tv_sec;
    id->mtime_ns = (int64_t)st.st_mtim.tv_nsec;
    return 0;
}

/* A fast 64-bit checksum (not cryptographic: it detects a changed or
 * damaged file, it does not defend against a forged one, which the range
 * checks below make harmless). Four independent lanes keep the multiplier
 * busy; the length is mixed in. */
typedef struct {
    uint64_t lane[4];
    uint64_t len;
    unsigned char tail[32];
    size_t ntail;
} checksum;

#define CK_PRIME 0x9E3779B185EBCA87ull

static void ck_init(checksum *c)
{
    memset(c, 0, sizeof *c);
    for (int i = 0; i < 4; i++)
        c->lane[i] = 0x27D4EB2F165667C5ull * (uint64_t)(i + 1);
}

static inline uint64_t ck_round(uint64_t h, uint64_t w)
{
    h ^= w * 0xC2B2AE3D27D4EB4Full;
    h = (h << 31) | (h >> 33);
    return h * CK_PRIME;
}

static void ck_block(checksum *c, const unsigned char *p)
{
    uint64_t w[4];
    memcpy(w, p, sizeof w);
    for (int i = 0; i < 4; i++)
        c->lane[i] = ck_round(c->lane[i], w[i]);
}

static void ck_add(checksum *c, const void *data, size_t n)
{
    const unsigned char *p = data;
    c->len += n;
    if (c->ntail) {
        size_t k = 32 - c->ntail < n ? 32 - c->ntail : n;
        memcpy(c->tail + c->ntail, p, k);
        c->ntail += k;
        p += k;
        n -= k;
        if (c->ntail < 32)
            return;
        ck_block(c, c->tail);
        c->ntail = 0;
    }
    for (; n >= 32; p += 32, n -= 32)
        ck_block(c, p);
    memcpy(c->tail, p, n);
    c->ntail = n;
}

static uint64_t ck_final(const checksum *c)
{
    uint64_t h = c->len * CK_PRIME;
    for (int i = 0; i < 4; i++)
        h = ck_round(h, c->lane[i]);
    for (size_t i = 0; i < c->ntail; i++)
        h = ck_round(h, c->tail[i]);
    return wg_mix64(h);
}

static int checksum_file(const char *path, uint64_t *out)
{
    FILE *fp = fopen(path, "rb");
    unsigned char *buf = wg_i_malloc(1 << 20);
    checksum c;
    size_t n;
    if (!fp || !buf) {
        if (fp)
            fclose(fp);
        free(buf);
        return -1;
    }
    ck_init(&c);
    while ((n = fread(buf, 1, 1 << 20, fp)) > 0)
        ck_add(&c, buf, n);
    n = (size_t)ferror(fp);
    fclose(fp);
    free(buf);
    if (n)
        return -1;
    *out = ck_final(&c);
    return 0;
}

static char *cache_path(const char *path)
{
    size_t n = strlen(path);
    char *p = wg_i_malloc(n + sizeof ".wgcache");
    if (p) {
        memcpy(p, path, n);
        memcpy(p + n, ".wgcache", sizeof ".wgcache");
    }
    return p;
}

/* ---- loading: a cursor that never reads past the end ---- */

typedef struct {
    const unsigned char *p;
    size_t left;
    int bad;
} cursor;

static uint64_t get_word(cursor *c)
{
    uint64_t w = 0;
    if (c->left < 8) {
        c->bad = 1;
        return 0;
    }
    memcpy(&w, c->p, 8);
    c->p += 8;
    c->left -= 8;
    return w;
}

/* `n` bytes, padded to a word; NULL past the end. */
static const unsigned char *get_bytes(cursor *c, uint64_t n)
{
    const unsigned char *p = c->p;
    uint64_t padded = (n + 7) & ~(uint64_t)7;
    if (c->bad || n > c->left || padded > c->left) {
        c->bad = 1;
        return NULL;
    }
    c->p += padded;
    c->left -= (size_t)padded;
    return p;
}

/* A NUL-terminated string of `n` bytes (the NUL included). */
static const char *get_string(cursor *c)
{
    uint64_t n = get_word(c);
    const unsigned char *p = n ? get_bytes(c, n) : NULL;
    if (!p || p[n - 1] != '\0' || memchr(p, '\0', (size_t)n) != p + n - 1) {
        c->bad = 1;
        return NULL;
    }
    return (const char *)p;
}

static int load_table(cursor *c, wg_table *t, size_t nrows)
{
    uint64_t ncols = get_word(c);
    if (c->bad || ncols > 4096)
        return -1;
    t->nrows = nrows;
    for (uint64_t i = 0; i < ncols; i++) {
        uint64_t kind = get_word(c);
        const char *name = get_string(c);
        wg_column *col;
        if (c->bad || kind > WG_ATTR_DOUBLE || wg_table_find(t, name))
            return -1;
        if ((col = wg_table_add(t, name, (wg_attr_kind)kind)) == NULL)
            return WG_ENOMEM;
        if (kind == WG_ATTR_STRING) {
            uint64_t len = get_word(c);
            const char *s = (const char *)get_bytes(c, len), *end;
            if (!s)
                return -1;
            end = s + len;
            for (size_t r = 0; r < nrows; r++) {
                const char *nul = s < end ? memchr(s, '\0', (size_t)(end - s)) : NULL;
                if (!nul)
                    return -1;
                if (wg_column_set_string(col, r, s) < 0)
                    return WG_ENOMEM;
                s = nul + 1;
            }
            if (s != end)
                return -1;
        } else {
            const unsigned char *p = get_bytes(c, (uint64_t)nrows * 8);
            if (!p)
                return -1;
            memcpy(kind == WG_ATTR_INT ? (void *)col->i : (void *)col->d, p, nrows * 8);
        }
    }
    return 0;
}

/* The graph from the payload, or -1 if anything in it is out of range. */
static int load_payload(cursor *c, wg_graph *g)
{
    uint64_t nnodes = get_word(c), nedges = get_word(c), nwarn = get_word(c);
    const unsigned char *ends;
    char *warn[8];
    size_t nw = 0;
    int err;
    igraph_vector_int_t v;

    /* each edge takes 16 bytes of ends, each node at least a byte of id */
    if (c->bad || nnodes > c->left || nedges > c->left / 16 || nwarn > 8 || nnodes > (uint64_t)IGRAPH_INTEGER_MAX)
        return -1;
    if ((ends = get_bytes(c, nedges * 16)) == NULL)
        return -1;
    for (uint64_t e = 0; e < 2 * nedges; e++) {
        int64_t x;
        memcpy(&x, ends + 8 * e, 8);
        if (x < 0 || (uint64_t)x >= nnodes)
            return -1;
    }
    for (uint64_t i = 0; i < nwarn; i++) {
        const char *w = get_string(c);
        if (!w)
            return -1;
        warn[nw++] = (char *)w;
    }
    if ((err = load_table(c, &g->nodes, (size_t)nnodes)) != 0 || (err = load_table(c, &g->edges, (size_t)nedges)) != 0)
        return err;
    if (c->left != 0 || !wg_table_find(&g->nodes, "id"))
        return -1;
    if (sizeof(igraph_integer_t) == 8) {
        /* the ends are 8-byte words; igraph only reads the vector */
        igraph_integer_t *copy = wg_i_malloc((size_t)(nedges ? nedges : 1) * 16);
        if (!copy)
            return WG_ENOMEM;
        memcpy(copy, ends, (size_t)nedges * 16);
        igraph_vector_int_view(&v, copy, (igraph_integer_t)(2 * nedges));
        err = igraph_create(&g->ig, &v, (igraph_integer_t)nnodes, IGRAPH_UNDIRECTED) != IGRAPH_SUCCESS;
        free(copy);
        if (err)
            return WG_EGRAPH;
    } else {
        return -1;
    }
    g->has_ig = 1;
    wg_i_read_warnings_set((const char *const *)warn, nw);
    return 0;
}

/* 1 with *out the cached graph, 0 if there is no valid cache, or an error
 * (out of memory). */
static int load_cache(wg_graph **out, const char *path, const char *cpath)
{
    file_id id;
    struct stat st;
    uint64_t h[HEADER_WORDS], src_hash;
    unsigned char *map = MAP_FAILED;
    size_t maplen = 0;
    wg_graph *g = NULL;
    int fd = -1, ret = 0;
    checksum ck;

    *out = NULL;
    if (stat_file(path, &id) < 0 || lstat(cpath, &st) != 0 || !S_ISREG(st.st_mode) ||
        (size_t)st.st_size < sizeof h || (fd = open(cpath, O_RDONLY)) < 0)
        goto done;
    maplen = (size_t)st.st_size;
    if ((map = mmap(NULL, maplen, PROT_READ, MAP_PRIVATE, fd, 0)) == MAP_FAILED)
        goto done;
    memcpy(h, map, sizeof h);
    if (h[0] != CACHE_MAGIC || h[1] != CACHE_VERSION || h[2] != BYTE_ORDER_MARK || h[3] != id.size ||
        (int64_t)h[4] != id.mtime_s || (int64_t)h[5] != id.mtime_ns || h[7] != maplen - sizeof h)
        goto done;
    ck_init(&ck);
    ck_add(&ck, map + sizeof h, maplen - sizeof h);
    if (ck_final(&ck) != h[8] || checksum_file(path, &src_hash) < 0 || src_hash != h[6])
        goto done;
    if ((ret = wg_graph_new(&g, NULL)) < 0)
        goto done;
    {
        cursor c = {map + sizeof h, maplen - sizeof h, 0};
        ret = load_payload(&c, g);
    }
    if (ret == 0) {
        *out = g;
        g = NULL;
        ret = 1;
    } else if (ret == -1) {
        ret = 0; /* inconsistent: read the GraphML instead */
    }
done:
    if (map != MAP_FAILED)
        munmap(map, maplen);
    if (fd >= 0)
        close(fd);
    wg_graph_free(g);
    return ret;
}

/* ---- writing ---- */

typedef struct {
    FILE *fp;
    checksum ck;
    int failed;
} writer;

static void put(writer *w, const void *p, size_t n)
{
    static const unsigned char zeros[8];
    size_t pad = (8 - n % 8) % 8;
    if (w->failed)
        return;
    ck_add(&w->ck, p, n);
    ck_add(&w->ck, zeros, pad);
    if (fwrite(p, 1, n, w->fp) != n || fwrite(zeros, 1, pad, w->fp) != pad)
        w->failed = 1;
}

static void put_word(writer *w, uint64_t x) { put(w, &x, 8); }

static void put_string(writer *w, const char *s)
{
    size_t n = strlen(s) + 1;
    put_word(w, n);
    put(w, s, n);
}

static void put_table(writer *w, const wg_table *t)
{
    put_word(w, t->ncols);
    for (size_t i = 0; i < t->ncols; i++) {
        const wg_column *c = t->cols[i];
        put_word(w, (uint64_t)c->kind);
        put_string(w, c->name);
        if (c->kind == WG_ATTR_STRING) {
            uint64_t len = 0;
            static const unsigned char zeros[8];
            for (size_t r = 0; r < t->nrows; r++)
                len += strlen(c->s[r]) + 1;
            put_word(w, len);
            /* the cells one after another, padded once at the end */
            for (size_t r = 0; r < t->nrows && !w->failed; r++) {
                size_t n = strlen(c->s[r]) + 1;
                ck_add(&w->ck, c->s[r], n);
                if (fwrite(c->s[r], 1, n, w->fp) != n)
                    w->failed = 1;
            }
            if (!w->failed && len % 8) {
                ck_add(&w->ck, zeros, 8 - len % 8);
                if (fwrite(zeros, 1, 8 - len % 8, w->fp) != 8 - len % 8)
                    w->failed = 1;
            }
        } else {
            put(w, c->kind == WG_ATTR_INT ? (const void *)c->i : (const void *)c->d, t->nrows * 8);
        }
    }
}

/* Writes the cache of `g`, read from `path` whose identity was `before`;
 * silently gives up on any failure. */
static void save_cache(const wg_graph *g, const char *path, const char *cpath, const file_id *before)
{
    file_id after;
    uint64_t h[HEADER_WORDS] = {CACHE_MAGIC, CACHE_VERSION, BYTE_ORDER_MARK, before->size,
                                (uint64_t)before->mtime_s, (uint64_t)before->mtime_ns, 0, 0, 0};
    igraph_integer_t m = igraph_ecount(&g->ig);
    struct stat st;
    wg_atomic a;
    writer w;
    long end;

    /* a FIFO or device named like the cache is not ours to write */
    if (lstat(cpath, &st) == 0 && !S_ISREG(st.st_mode))
        return;
    if (checksum_file(path, &h[6]) < 0 || stat_file(path, &after) < 0 || after.size != before->size ||
        after.mtime_s != before->mtime_s || after.mtime_ns != before->mtime_ns)
        return; /* changed while being read: the next query caches it */
    if (wg_atomic_open(&a, cpath) < 0)
        return;
    memset(&w, 0, sizeof w);
    w.fp = a.fp;
    ck_init(&w.ck);
    if (fwrite(h, 1, sizeof h, w.fp) != sizeof h)
        w.failed = 1;
    put_word(&w, (uint64_t)igraph_vcount(&g->ig));
    put_word(&w, (uint64_t)m);
    put_word(&w, wg_graph_read_warning_count());
    for (igraph_integer_t e = 0; e < m && !w.failed; e++) {
        int64_t ends[2] = {(int64_t)IGRAPH_FROM(&g->ig, e), (int64_t)IGRAPH_TO(&g->ig, e)};
        put(&w, ends, sizeof ends);
    }
    for (size_t i = 0; i < wg_graph_read_warning_count(); i++)
        put_string(&w, wg_graph_read_warning(i));
    put_table(&w, &g->nodes);
    put_table(&w, &g->edges);
    /* the header's payload length and checksum, now known */
    if (!w.failed && ((end = ftell(w.fp)) < 0 || fseek(w.fp, 7 * 8, SEEK_SET) != 0))
        w.failed = 1;
    if (!w.failed) {
        h[7] = (uint64_t)end - sizeof h;
        h[8] = ck_final(&w.ck);
        if (fwrite(&h[7], 8, 2, w.fp) != 2)
            w.failed = 1;
    }
    if (w.failed)
        wg_atomic_abort(&a);
    else
        wg_atomic_commit(&a);
}

int wg_graph_read_graphml_cached(wg_graph **out, const char *path, size_t min_bytes)
{
    file_id before;
    char *cpath;
    int ret, have_id;

    *out = NULL;
    have_id = stat_file(path, &before) == 0;
    if (!have_id || before.size < min_bytes)
        return wg_graph_read_graphml(out, path);
    if ((cpath = cache_path(path)) == NULL)
        return wg_i_error_set(WG_ENOMEM, "%s: out of memory", path);
    wg_i_error_clear();
    if ((ret = load_cache(out, path, cpath)) != 0) {
        free(cpath);
        return ret < 0 ? wg_i_error_set(ret, "%s: out of memory", path) : 0;
    }
    if ((ret = wg_graph_read_graphml(out, path)) == 0) {
        save_cache(*out, path, cpath, &before);
        wg_i_error_clear(); /* a cache that could not be written is no error */
    }
    free(cpath);
    return ret;
}
