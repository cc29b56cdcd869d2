/* The text stage's "done when": every variant of an article (saved portal
 * pages, windows-1258, UTF-16, a byte order mark, decomposed letters, the
 * other tone placement with CRLF and NBSP, stray invalid bytes) read the way
 * `wardgraph extract` reads it gives the same entities as the plain UTF-8
 * NFC text of the article, and every mention's offsets slice the input as
 * read to the mention's text.
 *
 * "The input as read" is checked independently of the library's decoder:
 * UTF-8 files are their own bytes (invalid bytes -> U+FFFD), other
 * encodings are converted here with ICU's one-shot ucnv_convert(). For HTML
 * the slice is compared after removing tags and decoding character
 * references (libxml2's entity table), as a user slicing the page would. */
#include <stdlib.h>
#include <unicode/ucnv.h>
#include <libxml/HTMLparser.h>
#include "harness.h"
#include "text/text.h"

typedef struct {
    const char *variant, *reference, *encoding;
} pair;

static const pair pairs[] = {
    {"html/quan1_caukho.html", "html/quan1_caukho.txt", NULL},
    {"html/backan_ducxuan.html", "html/backan_ducxuan.txt", NULL},
    {"html/ninhthuan_thanhson.html", "html/ninhthuan_thanhson.txt", NULL}, /* its <meta charset> */
    {"html/ninhthuan_thanhson.html", "html/ninhthuan_thanhson.txt", "windows-1258"},
    {"encodings/nguyenthaibinh.cp1258.txt", "encodings/nguyenthaibinh.txt", "windows-1258"},
    {"encodings/nguyenthaibinh.utf16le.txt", "encodings/nguyenthaibinh.txt", NULL},
    {"encodings/nguyenthaibinh.utf16be.txt", "encodings/nguyenthaibinh.txt", NULL},
    {"encodings/nguyenthaibinh.bom.txt", "encodings/nguyenthaibinh.txt", NULL},
    {"encodings/nguyenthaibinh.nfd.txt", "encodings/nguyenthaibinh.txt", NULL},
    {"encodings/nguyenthaibinh.oldtone-crlf.txt", "encodings/nguyenthaibinh.txt", NULL},
    {"encodings/nguyenthaibinh.invalid-utf8.txt", "encodings/nguyenthaibinh.txt", NULL},
};

static char *read_all(const char *rel, size_t *len)
{
    char path[1024], *data = NULL;
    snprintf(path, sizeof path, "%s/corpus/%s", WG_TEST_DATA, rel);
    if (wg_read_file(path, &data, len) < 0) {
        fprintf(stderr, "%s\n", wg_error_last());
        return NULL;
    }
    return data;
}

/* The path + wg_doc_new + wg_extract, as the CLI's pipeline does. */
static wg_article *extract(const wg_lexicon *lex, const char *rel, const char *encoding, char **input,
                           size_t *input_len, char **raw, size_t *raw_len)
{
    wg_read_options opts = WG_READ_OPTIONS_INIT;
    wg_doc *doc = NULL;
    wg_article *a = NULL;
    opts.encoding = encoding;
    *raw = read_all(rel, raw_len);
    if (!*raw)
        return NULL;
    if (wg_doc_new(&doc, rel, *raw, *raw_len, &opts) < 0) {
        fprintf(stderr, "%s: %s\n", rel, wg_error_last());
        return NULL;
    }
    if (wg_extract(&a, doc, lex) < 0)
        fprintf(stderr, "%s: %s\n", rel, wg_error_last());
    if (input) {
        const char *in = wg_doc_input(doc, input_len);
        *input = wg_i_strndup(in, *input_len);
    }
    wg_doc_free(doc);
    return a;
}

/* The input as read, computed here: UTF-8 with U+FFFD for invalid bytes
 * (a byte order mark kept), else ICU's plain conversion (BOM dropped). */
static char *as_read(const char *raw, size_t len, const char *encoding, size_t *out_len)
{
    const unsigned char *s = (const unsigned char *)raw;
    if (!encoding && len >= 2 && ((s[0] == 0xFF && s[1] == 0xFE) || (s[0] == 0xFE && s[1] == 0xFF))) {
        encoding = s[0] == 0xFF ? "UTF-16LE" : "UTF-16BE";
        raw += 2;
        len -= 2;
    }
    if (!encoding && !(len >= 3 && s[0] == 0xEF && s[1] == 0xBB && s[2] == 0xBF)) {
        /* not valid UTF-8 and declared in a <meta>: the page's charset */
        for (size_t i = 0; i < len;) {
            size_t k = wg_utf8_valid_len(s + i, len - i);
            if (!k) {
                if (wg_i_memfind(raw, len < 2048 ? len : 2048, "charset=windows-1258", 20))
                    encoding = "windows-1258";
                break;
            }
            i += k;
        }
    }
    if (encoding) {
        UErrorCode st = U_ZERO_ERROR;
        size_t cap = len * 4 + 4;
        char *out = malloc(cap);
        int32_t n = ucnv_convert("UTF-8", encoding, out, (int32_t)cap, raw, (int32_t)len, &st);
        OK(U_SUCCESS(st), "ucnv_convert %s", u_errorName(st));
        *out_len = U_SUCCESS(st) ? (size_t)n : 0;
        return out;
    }
    wg_buf b = WG_BUF_INIT;
    for (size_t i = 0; i < len;) {
        size_t k = wg_utf8_valid_len(s + i, len - i);
        if (!k) {
            wg_buf_put(&b, "\xEF\xBF\xBD", 3);
            i++;
        } else {
            wg_buf_put(&b, raw + i, k);
            i += k;
        }
    }
    *out_len = b.len;
    return wg_buf_detach(&b);
}

/* Tags removed, character references decoded: what the slice says. */
static char *html_slice_text(const char *s, size_t n)
{
    wg_buf b = WG_BUF_INIT;
    for (size_t i = 0; i < n;) {
        if (s[i] == '<') {
            while (i < n && s[i] != '>')
                i++;
            i++;
            continue;
        }
        if (s[i] == '&') {
            size_t j = i + 1;
            unsigned long cp = 0;
            if (j < n && s[j] == '#') {
                int hex = j + 1 < n && (s[j + 1] == 'x' || s[j + 1] == 'X');
                cp = strtoul(s + j + 1 + hex, NULL, hex ? 16 : 10);
                while (j < n && s[j] != ';')
                    j++;
            } else {
                char name[32];
                size_t k = 0;
                while (j < n && s[j] != ';' && k + 1 < sizeof name)
                    name[k++] = s[j++];
                name[k] = '\0';
                const htmlEntityDesc *e = htmlEntityLookup((const xmlChar *)name);
                cp = e ? e->value : 0;
            }
            if (cp && j < n) {
                char u[4];
                wg_buf_put(&b, u, wg_utf8_encode((uint32_t)cp, u));
                i = j + 1;
                continue;
            }
        }
        wg_buf_putc(&b, s[i] == '\r' || s[i] == '\n' || s[i] == '\t' ? ' ' : s[i]);
        i++;
    }
    return wg_buf_detach(&b);
}

static char *normalized(const char *s, size_t n)
{
    wg_buf b = WG_BUF_INIT;
    if (wg_i_normalize(&b, NULL, s, n, 0) < 0)
        return NULL;
    /* runs of spaces as the text stage makes them for HTML */
    size_t w = 0;
    for (size_t r = 0; r < b.len; r++)
        if (!(b.ptr[r] == ' ' && w && b.ptr[w - 1] == ' '))
            b.ptr[w++] = b.ptr[r];
    b.len = w;
    if (b.ptr)
        b.ptr[w] = '\0';
    return wg_buf_detach(&b);
}

static int cmp_entity(const void *a, const void *b)
{
    const wg_entity *x = a, *y = b;
    return x->type != y->type ? (int)x->type - (int)y->type : strcmp(x->key, y->key);
}

static void same_entities(const char *variant, wg_article *v, wg_article *r)
{
    qsort(v->entities, v->nentities, sizeof *v->entities, cmp_entity);
    qsort(r->entities, r->nentities, sizeof *r->entities, cmp_entity);
    OK(v->nentities == r->nentities, "%s: %zu entities, the plain text has %zu", variant, v->nentities,
       r->nentities);
    for (size_t i = 0, j = 0; i < v->nentities || j < r->nentities;) {
        int c = i >= v->nentities ? 1 : j >= r->nentities ? -1 : cmp_entity(&v->entities[i], &r->entities[j]);
        if (c < 0) {
            OK(0, "%s: extra %s", variant, v->entities[i].key);
            i++;
        } else if (c > 0) {
            OK(0, "%s: missing %s", variant, r->entities[j].key);
            j++;
        } else {
            const wg_entity *a = &v->entities[i], *b = &r->entities[j];
            OK(strcmp(a->name, b->name) == 0, "%s: %s named %s, not %s", variant, a->key, a->name, b->name);
            OK(a->nmentions == b->nmentions, "%s: %s mentioned %zu times, not %zu", variant, a->key,
               a->nmentions, b->nmentions);
            i++, j++;
        }
    }
}

static void slices_are_mentions(const char *variant, const wg_article *a, const char *input, size_t len, int html)
{
    size_t checked = 0, verbatim = 0;
    for (size_t i = 0; i < a->nentities; i++)
        for (size_t m = 0; m < a->entities[i].nmentions; m++) {
            const wg_mention *mn = &a->entities[i].mentions[m];
            OK(mn->start <= mn->end && mn->end <= len, "%s: mention %zu-%zu outside the input (%zu bytes)",
               variant, mn->start, mn->end, len);
            if (!(mn->start <= mn->end && mn->end <= len))
                continue;
            char *plain = html ? html_slice_text(input + mn->start, mn->end - mn->start)
                               : wg_i_strndup(input + mn->start, mn->end - mn->start);
            char *got = normalized(plain, strlen(plain));
            char *want = normalized(mn->text, strlen(mn->text));
            OK(got && want && strcmp(got, want) == 0, "%s: bytes %zu-%zu are \"%.*s\", the mention is \"%s\"",
               variant, mn->start, mn->end, (int)(mn->end - mn->start), input + mn->start, mn->text);
            char *raw = normalized(input + mn->start, mn->end - mn->start);
            verbatim += raw && want && strcmp(raw, want) == 0;
            free(raw);
            free(plain);
            free(got);
            free(want);
            checked++;
        }
    OK(checked > 0, "%s: no mentions to check", variant);
    /* the pages write most names verbatim (some with character references
     * or tags inside, by design): those slice to exactly their bytes */
    if (html)
        OK(verbatim * 2 >= checked, "%s: only %zu of %zu mentions verbatim", variant, verbatim, checked);
    else
        OK(verbatim == checked, "%s: %zu of %zu mentions verbatim", variant, verbatim, checked);
}

int main(void)
{
    wg_lexicon *lex = NULL;
    wg_init();
    OK(wg_lexicon_new(&lex) == 0, "lexicon: %s", wg_error_last());
    for (size_t p = 0; p < WG_ARRAY_LEN(pairs); p++) {
        char *input = NULL, *raw = NULL, *rraw = NULL, *expect = NULL;
        size_t input_len = 0, raw_len = 0, rraw_len = 0, expect_len = 0;
        wg_article *v = extract(lex, pairs[p].variant, pairs[p].encoding, &input, &input_len, &raw, &raw_len);
        wg_article *r = extract(lex, pairs[p].reference, NULL, NULL, NULL, &rraw, &rraw_len);
        OK(v && r, "%s read", pairs[p].variant);
        if (v && r) {
            int html = strstr(pairs[p].variant, ".html") != NULL;
            expect = as_read(raw, raw_len, pairs[p].encoding, &expect_len);
            OK(expect_len == input_len && memcmp(expect, input, input_len) == 0,
               "%s: the input as read is what a plain decoder gives (%zu vs %zu bytes)", pairs[p].variant,
               input_len, expect_len);
            same_entities(pairs[p].variant, v, r);
            slices_are_mentions(pairs[p].variant, v, expect, expect_len, html);
            OK(strcmp(v->title, r->title) == 0, "%s: title \"%s\" vs \"%s\"", pairs[p].variant, v->title, r->title);
            OK(strcmp(v->byline, r->byline) == 0, "%s: byline \"%s\" vs \"%s\"", pairs[p].variant, v->byline,
               r->byline);
            if (!html)
                OK(strcmp(v->date, r->date) == 0, "%s: date %s vs %s", pairs[p].variant, v->date, r->date);
        }
        wg_article_free(v);
        wg_article_free(r);
        free(input);
        free(raw);
        free(rraw);
        free(expect);
    }
    wg_lexicon_free(lex);
    return HARNESS_DONE();
}
