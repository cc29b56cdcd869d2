/* Text stage: bytes -> decoded UTF-8 -> normalised text with an offset map
 * back to the decoded input, plus the meeting's metadata (SPEC section 1). */
#ifndef WG_TEXT_H
#define WG_TEXT_H

#include <stddef.h>
#include <unicode/utypes.h>
#include <string.h>
#include "wardgraph.h"
#include "util/util.h"

struct wg_doc {
    char *source;
    char *orig;        /* the input as read, decoded to UTF-8 (for HTML: the page's
                        * source): JSONL offsets point here */
    size_t orig_len;
    char *text;        /* normalised (NFC, one tone placement, plain spaces, LF) */
    size_t text_len;
    size_t *map;       /* text_len + 1 entries: byte of `text` -> byte of `orig`.
                        * A mention text[s, e) is orig[map[s], map[e]); that
                        * slice normalises to the mention's text whenever
                        * the input writes it verbatim (always for plain text). */
    size_t body_start; /* the article body within `text`: after the title, */
    size_t body_end;   /* before the byline */
    char *title, *date, *date_source, *byline;
    wg_warning *warnings;
    size_t nwarnings, warnings_cap;
};

/* Normalises UTF-8 `s` (valid) into `out`; when `map` is not NULL it gets
 * one entry per output byte plus one, each the offset in `s` it came from,
 * plus `base`. Words are normalised as wholes, so offsets at word
 * boundaries are exact. */
int wg_i_normalize(wg_buf *out, size_t **map, const char *s, size_t n, size_t base);

/* Case-folded, tone-normalised copy of `s` (for keys and matching); caller frees. */
char *wg_i_fold(const char *s, size_t n);

/* UTF-8 `s` (n bytes; invalid bytes become U+FFFD) as a malloc'd,
 * NUL-terminated UTF-16 string; *len gets its length. NULL (error set) on failure. */
UChar *wg_i_to_utf16(const char *s, size_t n, int32_t *len);
/* UTF-16 `u` (n units) as a malloc'd UTF-8 string; NULL on failure. */
char *wg_i_to_utf8(const UChar *u, int32_t n);
/* wg_i_fold of text already normalised by wg_i_normalize (a doc's tokens),
 * without ICU for Vietnamese and Latin letters, appended to b (its NUL
 * after it, not counted in b->len); *hash gets its wg_hash. */
int wg_i_fold_normalized_put(wg_buf *b, const char *s, size_t n, uint64_t *hash);

/* Decodes `bytes` to valid UTF-8 into `out` (a BOM, opts->encoding, UTF-8,
 * an HTML page's <meta charset>: see decode.c), adding warnings to `doc`
 * for replaced bytes. Refuses (wg_i_skip) empty, binary and mostly
 * undecodable input. */
int wg_i_decode(wg_doc *doc, wg_buf *out, const char *bytes, size_t len,
                const wg_read_options *opts);

/* HTML page (`html`, decoded) -> article text in `out` with paragraph
 * breaks, the headline as its first line. `*map` (malloc'd, out->len + 1
 * entries) gives for each byte of `out` the byte of `html` it came from (see
 * html.c for the rule). Title and publication date hints from the markup
 * (NULL when absent); the caller frees all three. */
int wg_i_html_to_text(wg_doc *doc, wg_buf *out, size_t **map, char **title, char **date,
                      const char *html, size_t len);

/* Drops counter lines from doc->text (keeping doc->map in step), then fills
 * title, date, date_source, byline, body_start, body_end. `hint_date` (the
 * HTML publication date, may be NULL) is used as a posting stamp. */
int wg_i_meta(wg_doc *doc, const char *hint_title, const char *hint_date);

/* memmem(), which strict POSIX builds do not declare. */
static inline const char *wg_i_memfind(const char *hay, size_t n, const char *needle, size_t m)
{
    if (m == 0)
        return hay;
    for (const char *p = hay, *end = hay + n; (size_t)(end - p) >= m;) {
        const char *q = memchr(p, needle[0], (size_t)(end - p) - m + 1);
        if (!q)
            return NULL;
        if (memcmp(q, needle, m) == 0)
            return q;
        p = q + 1;
    }
    return NULL;
}

/* Refuses an input: records `reason` for wg_doc_skip_reason() and the
 * message for wg_error_last(); returns WG_EINPUT. */
int wg_i_skip(wg_skip_reason reason, const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 2, 3)))
#endif
    ;

int wg_i_doc_warn(wg_doc *doc, size_t offset, size_t line, const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 4, 5)))
#endif
    ;

#endif
