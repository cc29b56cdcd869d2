/* Small shared pieces: errors, growable buffers, JSON escaping, a string map,
 * atomic file output. Private to the library and the CLI. */
#ifndef WG_UTIL_H
#define WG_UTIL_H

#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include "wardgraph.h"

#define WG_ARRAY_LEN(a) (sizeof(a) / sizeof((a)[0]))

/* Records a message for wg_error_last() and returns `code`. */
int wg_i_error_set(int code, const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 2, 3)))
#endif
    ;
void wg_i_error_clear(void);

/* Allocation that reports ENOMEM through the error channel: NULL on failure. */
void *wg_i_malloc(size_t n);
void *wg_i_calloc(size_t n, size_t size);
void *wg_i_realloc(void *p, size_t n);
char *wg_i_strdup(const char *s);
char *wg_i_strndup(const char *s, size_t n);
/* Grows *items (of `size` bytes each) so that it holds at least `need`. */
int wg_i_grow_to(void *items, size_t *cap, size_t need, size_t size);
/* Inline: most calls find the room there, once per token or mention. */
static inline int wg_i_grow(void *items, size_t *cap, size_t need, size_t size)
{
    return need <= *cap ? 0 : wg_i_grow_to(items, cap, need, size);
}

/* A growable byte buffer, always NUL-terminated once non-empty. */
typedef struct {
    char *ptr;
    size_t len, cap;
    int failed; /* set when an allocation failed: later appends are no-ops */
} wg_buf;
#define WG_BUF_INIT { NULL, 0, 0, 0 }

int wg_buf_grow(wg_buf *b, size_t extra);
int wg_buf_put(wg_buf *b, const char *s, size_t n);
int wg_buf_puts(wg_buf *b, const char *s);
int wg_buf_putc(wg_buf *b, char c);
int wg_buf_printf(wg_buf *b, const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 2, 3)))
#endif
    ;
/* Appends v in decimal; v as eight lower-case hex digits. */
int wg_buf_put_size(wg_buf *b, size_t v);
int wg_buf_put_hex32(wg_buf *b, uint32_t v);
/* Takes the buffer's string (never NULL on success); the buffer is reset. */
char *wg_buf_detach(wg_buf *b);
void wg_buf_free(wg_buf *b);

/* Appends `s` as a JSON string literal with quotes. */
int wg_json_put_string(wg_buf *b, const char *s);

/* A JSON value read by wg_json_parse (json.c). */
typedef enum { WG_JSON_NULL, WG_JSON_BOOL, WG_JSON_NUMBER, WG_JSON_STRING, WG_JSON_ARRAY, WG_JSON_OBJECT } wg_json_type;
typedef struct wg_json {
    wg_json_type type;
    double num;            /* numbers; booleans are 0 or 1 */
    char *str;             /* strings: UTF-8, NUL-terminated */
    struct wg_json *items; /* arrays and objects: n values */
    char **keys;           /* objects: the key of each value */
    size_t n;
} wg_json;
/* Parses exactly one JSON value from s[0, len). WG_EPARSE with the byte
 * offset and a static reason on malformed input. */
int wg_json_parse(wg_json **out, const char *s, size_t len, size_t *errpos, const char **why);
/* An object's member, or NULL (also when `obj` is no object). */
const wg_json *wg_json_get(const wg_json *obj, const char *key);
void wg_json_free(wg_json *v);

/* UTF-8: the length of the valid sequence at s (1-4), or 0 if invalid. */
size_t wg_utf8_valid_len(const unsigned char *s, size_t avail);
/* Decodes the code point at s (assumed valid) and returns its length.
 * Inline: the tokenizer and the folds call it for every character. */
static inline size_t wg_utf8_decode(const char *str, uint32_t *cp)
{
    const unsigned char *s = (const unsigned char *)str;
    if (s[0] < 0x80) {
        *cp = s[0];
        return 1;
    }
    if (s[0] < 0xE0) {
        *cp = ((uint32_t)(s[0] & 0x1F) << 6) | (s[1] & 0x3F);
        return 2;
    }
    if (s[0] < 0xF0) {
        *cp = ((uint32_t)(s[0] & 0x0F) << 12) | ((uint32_t)(s[1] & 0x3F) << 6) | (s[2] & 0x3F);
        return 3;
    }
    *cp = ((uint32_t)(s[0] & 0x07) << 18) | ((uint32_t)(s[1] & 0x3F) << 12) | ((uint32_t)(s[2] & 0x3F) << 6) |
          (s[3] & 0x3F);
    return 4;
}
/* Inline too: every folded character is encoded again. */
static inline size_t wg_utf8_encode(uint32_t cp, char out[4])
{
    if (cp < 0x80) {
        out[0] = (char)cp;
        return 1;
    }
    if (cp < 0x800) {
        out[0] = (char)(0xC0 | (cp >> 6));
        out[1] = (char)(0x80 | (cp & 0x3F));
        return 2;
    }
    if (cp < 0x10000) {
        out[0] = (char)(0xE0 | (cp >> 12));
        out[1] = (char)(0x80 | ((cp >> 6) & 0x3F));
        out[2] = (char)(0x80 | (cp & 0x3F));
        return 3;
    }
    out[0] = (char)(0xF0 | (cp >> 18));
    out[1] = (char)(0x80 | ((cp >> 12) & 0x3F));
    out[2] = (char)(0x80 | ((cp >> 6) & 0x3F));
    out[3] = (char)(0x80 | (cp & 0x3F));
    return 4;
}

/* Open addressing map from strings to indices. Keys are copied; each
 * slot keeps its key's wg_hash. Zero-initialised is empty. */
typedef struct {
    char *key; /* NULL: empty */
    uint64_t hash;
    size_t value;
} wg_strmap_slot;
typedef struct {
    wg_strmap_slot *slots;
    size_t cap, count;
} wg_strmap;

int wg_strmap_put(wg_strmap *m, const char *key, size_t value);
/* Returns 1 and sets *value when found. */
int wg_strmap_get(const wg_strmap *m, const char *key, size_t *value);
/* The same for the n bytes at s (no NUL needed), and for those bytes when
 * the caller has their wg_hash(s, n) already. */
int wg_strmap_getn(const wg_strmap *m, const char *s, size_t n, size_t *value);
int wg_strmap_geth(const wg_strmap *m, const char *s, size_t n, uint64_t h, size_t *value);
void wg_strmap_free(wg_strmap *m);
/* FNV-1a of n bytes. */
uint64_t wg_hash(const char *s, size_t n);
/* The same hash grown by n more bytes: wg_hash(ab) =
 * wg_hash_more(wg_hash(a), b), and wg_hash("") = WG_HASH_INIT. Phrase
 * look-ups hash each longer join from the last one. */
#define WG_HASH_INIT 1469598103934665603ull
static inline uint64_t wg_hash_more(uint64_t h, const char *s, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        h ^= (unsigned char)s[i];
        h *= 1099511628211ull;
    }
    return h;
}
/* A 64-bit finaliser (splitmix64's): every input bit moves every output bit. */
static inline uint64_t wg_mix64(uint64_t x)
{
    /* inline: the MinHash signature takes WG_MINHASH of them per shingle */
    x ^= x >> 30;
    x *= 0xBF58476D1CE4E5B9ull;
    x ^= x >> 27;
    x *= 0x94D049BB133111EBull;
    x ^= x >> 31;
    return x;
}

/* Output files: writes go to PATH.tmp.XXXXXX and wg_atomic_commit renames
 * it over PATH, so a reader never sees half a file; wg_atomic_abort removes
 * it. "-" and /dev/stdout write to standard output, devices and FIFOs are
 * written directly, a link to a file keeps being a link. */
enum { WG_ATOMIC_RENAME = 0, WG_ATOMIC_DIRECT, WG_ATOMIC_STDOUT };
typedef struct {
    FILE *fp;
    char *path, *tmp;
    int direct;
} wg_atomic;
int wg_atomic_open(wg_atomic *a, const char *path);
int wg_atomic_commit(wg_atomic *a);
void wg_atomic_abort(wg_atomic *a);
/* Between begin and batch_commit, commits close their files and hold the
 * renames back; batch_commit renames them all at once (signals blocked),
 * batch_abort removes them: outputs that belong together (--all-formats)
 * are all new or all old. */
void wg_atomic_batch_begin(void);
int wg_atomic_batch_commit(void);
void wg_atomic_batch_abort(void);
/* Removes every temporary of an output not yet committed; safe in a
 * signal handler (SIGINT, SIGTERM). */
void wg_atomic_remove_temporaries(void);

/* Reads a whole file; "-" is standard input. */
int wg_read_file(const char *path, char **out, size_t *len);

#endif
