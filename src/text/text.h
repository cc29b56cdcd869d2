/* Text stage: bytes -> decoded UTF-8 -> normalised text with an offset map
 * back to the decoded input, plus the meeting's metadata (SPEC section 1). */
#ifndef WG_TEXT_H
#define WG_TEXT_H

#include <stddef.h>
#include "wardgraph.h"
#include "util/util.h"

struct wg_doc {
    char *source;
    char *orig;        /* the input as read, decoded to UTF-8: JSONL offsets point here */
    size_t orig_len;
    char *text;        /* normalised (NFC, one tone placement, plain spaces, LF) */
    size_t text_len;
    size_t *map;       /* text_len + 1 entries: byte of `text` -> byte of `orig` */
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

/* Decodes `bytes` to valid UTF-8 into `out` (BOM, UTF-16, or opts->encoding),
 * adding warnings to `doc` for replaced bytes. Fails on binary input. */
int wg_i_decode(wg_doc *doc, wg_buf *out, const char *bytes, size_t len,
                const wg_read_options *opts);

/* HTML page -> article text with paragraph breaks; title and date hints
 * from the markup (NULL when absent; caller frees). */
int wg_i_html_to_text(wg_doc *doc, wg_buf *out, char **title, char **date,
                      const char *html, size_t len);

/* Fills title, date, date_source, byline, body_start, body_end from `text`;
 * `hint_date` (HTML publication date, may be NULL) can supply a year. */
int wg_i_meta(wg_doc *doc, const char *hint_title, const char *hint_date);

int wg_i_doc_warn(wg_doc *doc, size_t offset, size_t line, const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 4, 5)))
#endif
    ;

#endif
