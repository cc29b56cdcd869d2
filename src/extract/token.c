/* Tokens and mentions: the pieces every recogniser uses. */
#include <string.h>
#include <unicode/uchar.h>
#include "extract/extract.h"

static int is_word_byte(unsigned char c) { return c >= 0x80 || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9'); }

/* Code points that separate words although they are not ASCII. */
static unsigned separator_gap(uint32_t cp)
{
    switch (cp) {
    case 0x2010: case 0x2011: case 0x2012: case 0x2013: case 0x2014: case 0x2015: case 0x2212:
        return WG_GAP_DASH;
    case 0x201C: case 0x201D: case 0x2018: case 0x2019: case 0x00AB: case 0x00BB:
        return WG_GAP_QUOTE;
    case 0x2026:
        return WG_GAP_STOP;
    case 0xFFFD: case 0x2022: case 0x00B7: case 0x25CF:
        return WG_GAP_OTHER;
    default:
        return 0;
    }
}

/* A dot after these does not end a sentence: "TP.", "TT.", "Q.", "CT.", "đ.c". */
static int abbrev_before_dot(const char *fold)
{
    static const char *const abbr[] = {"tp", "tt", "tx", "q", "p", "h", "ct", "ub", "đ", "ths", "ts",
                                       "gs", "pgs", "tw", "bs", "ks", "uvt", "pct", "pbt", "uv", "tc"};
    for (size_t i = 0; i < WG_ARRAY_LEN(abbr); i++)
        if (strcmp(fold, abbr[i]) == 0)
            return 1;
    return 0;
}

static unsigned ascii_gap(unsigned char ch)
{
    switch (ch) {
    case ' ': case '\t': return WG_GAP_SPACE;
    case '\n': return WG_GAP_NL;
    case ',': return WG_GAP_COMMA;
    case ';': return WG_GAP_SEMI;
    case ':': return WG_GAP_COLON;
    case '-': return WG_GAP_DASH;
    case '(': case '[': return WG_GAP_OPEN;
    case ')': case ']': return WG_GAP_CLOSE;
    case '"': case '\'': return WG_GAP_QUOTE;
    case '/': return WG_GAP_SLASH;
    case '.': return WG_GAP_DOT;
    case '!': case '?': return WG_GAP_STOP;
    default: return WG_GAP_OTHER;
    }
}

/* Is the apostrophe at t[j] inside a word ("H'Hen Niê")? */
static size_t inner_apostrophe(const char *t, size_t j, size_t n)
{
    size_t l = 0;
    if (t[j] == '\'')
        l = 1;
    else if (j + 2 < n && (unsigned char)t[j] == 0xE2 && (unsigned char)t[j + 1] == 0x80 &&
             (unsigned char)t[j + 2] == 0x99)
        l = 3;
    if (l && j + l < n && is_word_byte((unsigned char)t[j + l]) && !(t[j + l] >= '0' && t[j + l] <= '9'))
        return l;
    return 0;
}

int wg_i_tokenize(wg_i_ctx *c)
{
    const char *t = c->doc->text;
    size_t i = 0, n = c->doc->text_len, para = 0, sent = 0, fsent = 0;
    unsigned gap = 0;
    /* the folds go to one buffer: one allocation per article, not per word */
    wg_buf folds = WG_BUF_INIT;
    size_t prev_at = 0; /* the last token's fold in it */
    /* the title is text too: headlines name wards and committees */
    while (i < n) {
        unsigned char ch = (unsigned char)t[i];
        if (!is_word_byte(ch)) {
            unsigned g = ascii_gap(ch);
            if (ch == '\n') {
                para++;
                sent++;
                fsent++;
            } else if (ch == ';') {
                sent++;
            } else if (ch == '.' || ch == '!' || ch == '?') {
                int ends = ch != '.' || !((i + 1 < n && is_word_byte((unsigned char)t[i + 1])) ||
                                          (c->ntok && c->tok[c->ntok - 1].end == i &&
                                           abbrev_before_dot(folds.ptr + prev_at)));
                if (ends) {
                    sent++;
                    fsent++;
                    g = WG_GAP_STOP;
                }
            }
            gap |= g;
            i++;
            continue;
        }
        uint32_t cp0;
        size_t l0 = wg_utf8_decode(t + i, &cp0);
        unsigned sg = ch >= 0x80 ? separator_gap(cp0) : 0;
        if (sg || (ch >= 0x80 && cp0 == 0xA0)) {
            if (sg == WG_GAP_STOP) {
                sent++;
                fsent++;
            }
            gap |= sg ? sg : WG_GAP_SPACE;
            i += l0;
            continue;
        }
        size_t j = i;
        while (j < n) {
            uint32_t cp;
            size_t k, ap;
            if (!is_word_byte((unsigned char)t[j])) {
                if (j > i && (ap = inner_apostrophe(t, j, n)) != 0) {
                    j += ap;
                    continue;
                }
                break;
            }
            k = wg_utf8_decode(t + j, &cp);
            if ((unsigned char)t[j] >= 0x80 && (separator_gap(cp) || cp == 0xA0)) {
                if (cp == 0x2019 && j > i && (ap = inner_apostrophe(t, j, n)) != 0) {
                    j += ap;
                    continue;
                }
                break;
            }
            j += k;
        }
        size_t at = folds.len;
        uint64_t h;
        if (wg_i_grow(&c->tok, &c->tokcap, c->ntok + 1, sizeof *c->tok) < 0 ||
            wg_i_fold_normalized_put(&folds, t + i, j - i, &h) < 0 || wg_buf_putc(&folds, '\0') < 0) {
            wg_buf_free(&folds);
            return WG_ENOMEM;
        }
        wg_i_token *k = &c->tok[c->ntok];
        const char *f = folds.ptr + at;
        k->start = i;
        k->end = j;
        k->fold = NULL; /* set below, once the buffer has stopped moving */
        prev_at = at;
        k->flen = folds.len - 1 - at;
        k->fhash = h;
        k->first = wg_i_first_bits(c->lex, f, k->flen, k->fhash);
        k->cap = strncmp(f, t + i, k->flen) != 0;
        k->digit = t[i] >= '0' && t[i] <= '9';
        k->gap = c->ntok ? gap : WG_GAP_NL;
        k->space_before = c->ntok && gap == WG_GAP_SPACE && c->tok[c->ntok - 1].end + 1 == i;
        k->paragraph = para;
        k->sentence = sent;
        k->fsent = fsent;
        c->ntok++;
        gap = 0;
        i = j;
    }
    c->folds = folds.ptr;
    for (size_t k = 0, at = 0; k < c->ntok; k++) {
        c->tok[k].fold = c->folds + at;
        at += c->tok[k].flen + 1;
    }
    return 0;
}

/* Do tokens [i, i+n) spell the folded phrase? */
int wg_i_tokens_are(const wg_i_ctx *c, size_t i, const char *phrase)
{
    const char *p = phrase;
    for (size_t k = i; k < c->ntok; k++) {
        size_t l = c->tok[k].flen;
        if (k > i) {
            if (*p != ' ' || !c->tok[k].space_before)
                return 0;
            p++;
        }
        if (strncmp(p, c->tok[k].fold, l) != 0)
            return 0;
        p += l;
        if (*p == '\0')
            return (int)(k - i + 1);
    }
    return 0;
}

size_t wg_i_entity_index(wg_i_ctx *c, const char *key)
{
    size_t v;
    /* index what the recognisers added since the last call */
    for (; c->nkeyed < c->art->nentities; c->nkeyed++) {
        size_t have;
        if (!wg_strmap_get(&c->keys, c->art->entities[c->nkeyed].key, &have) &&
            wg_strmap_put(&c->keys, c->art->entities[c->nkeyed].key, c->nkeyed) < 0)
            break; /* out of memory: fall back to the scan below */
    }
    if (wg_strmap_get(&c->keys, key, &v))
        return v;
    for (size_t i = c->nkeyed; i < c->art->nentities; i++)
        if (strcmp(c->art->entities[i].key, key) == 0)
            return i;
    return (size_t)-1;
}

wg_entity *wg_i_entity_get(wg_i_ctx *c, wg_entity_type type, const char *name, const char *key)
{
    wg_article *a = c->art;
    size_t at = wg_i_entity_index(c, key);
    wg_entity *e;
    if (at != (size_t)-1)
        return &a->entities[at];
    if (wg_i_grow(&a->entities, &c->entcap, a->nentities + 1, sizeof *a->entities) < 0)
        return NULL;
    e = &a->entities[a->nentities];
    memset(e, 0, sizeof *e);
    e->type = type;
    if ((e->key = wg_i_strdup(key)) == NULL || (e->name = wg_i_strdup(name)) == NULL) {
        free(e->key);
        return NULL;
    }
    a->nentities++;
    return e;
}

int wg_i_push_mention(wg_i_ctx *c, wg_entity *e, size_t tfirst, size_t tlast)
{
    size_t s = c->tok[tfirst].start, en = c->tok[tlast].end, mcap = e->nmentions, have;
    wg_mention *m;
    /* the same words found twice (a title and a list) are one mention; a
     * set of spans keeps this one look-up however many mentions there are */
    wg_buf id = WG_BUF_INIT;
    wg_buf_puts(&id, e->key);
    wg_buf_putc(&id, ' ');
    wg_buf_put_size(&id, s);
    wg_buf_putc(&id, ' ');
    wg_buf_put_size(&id, en);
    if (id.failed || !id.ptr) {
        wg_buf_free(&id);
        return WG_ENOMEM;
    }
    int dup = wg_strmap_get(&c->spans, id.ptr, &have);
    int err = dup ? 0 : wg_strmap_put(&c->spans, id.ptr, 1);
    wg_buf_free(&id);
    if (dup || err < 0)
        return err;
    if (wg_i_grow(&e->mentions, &mcap, e->nmentions + 1, sizeof *e->mentions) < 0)
        return WG_ENOMEM;
    m = &e->mentions[e->nmentions];
    m->start = c->doc->map[s];
    m->end = c->doc->map[en];
    m->paragraph = c->tok[tfirst].paragraph;
    m->sentence = c->tok[tfirst].sentence;
    if ((m->text = wg_i_strndup(c->doc->text + s, en - s)) == NULL)
        return WG_ENOMEM;
    e->nmentions++;
    return 0;
}

int wg_i_add_mention(wg_i_ctx *c, wg_entity_type type, const char *name, size_t tfirst, size_t tlast,
                     const char *title, unsigned roles)
{
    char *key = wg_i_make_key(type, name);
    wg_entity *e = key ? wg_i_entity_get(c, type, name, key) : NULL;
    free(key);
    if (!e)
        return WG_ENOMEM;
    e->roles |= roles;
    if (title) {
        int have = 0;
        for (size_t t = 0; t < e->ntitles; t++)
            have |= strcmp(e->titles[t], title) == 0;
        if (!have) {
            size_t cap = e->ntitles;
            if (wg_i_grow(&e->titles, &cap, e->ntitles + 1, sizeof *e->titles) < 0 ||
                (e->titles[e->ntitles] = wg_i_strdup(title)) == NULL)
                return WG_ENOMEM;
            e->ntitles++;
        }
    }
    return wg_i_push_mention(c, e, tfirst, tlast);
}

/* Each word with a capital first letter, the rest as written. */
char *wg_i_capitalised(const wg_i_ctx *c, size_t first, size_t last)
{
    wg_buf b = WG_BUF_INIT;
    for (size_t k = first; k <= last; k++) {
        /* fold the whole word (the tone of "quý" depends on its "q"), then
         * give the first letter its capital */
        const char *f = c->tok[k].fold;
        uint32_t cp;
        size_t l1 = wg_utf8_decode(f, &cp);
        char up[4];
        size_t ul = wg_utf8_encode((uint32_t)u_toupper((UChar32)cp), up);
        if (k > first)
            wg_buf_putc(&b, ' ');
        wg_buf_put(&b, up, ul);
        wg_buf_puts(&b, f + l1);
    }
    return wg_buf_detach(&b);
}

/* ---- the text between tokens, and keyed mentions ---- */

const char *wg_i_gap(const wg_i_ctx *c, size_t k, size_t *len)
{
    size_t from = k ? c->tok[k - 1].end : 0;
    *len = c->tok[k].start - from;
    return c->doc->text + from;
}

int wg_i_gap_spaces(const wg_i_ctx *c, size_t k)
{
    size_t n;
    const char *g = wg_i_gap(c, k, &n);
    if (!n)
        return 0;
    for (size_t i = 0; i < n; i++)
        if (g[i] != ' ')
            return 0;
    return 1;
}

/* Spaces, dots and dashes only: "UB.MTTQ", "Tuyên giáo – Dân vận". */
static int gap_loose(const wg_i_ctx *c, size_t k)
{
    size_t n;
    const char *g = wg_i_gap(c, k, &n);
    if (!n || n > 8 || memchr(g, '\n', n))
        return 0;
    for (size_t i = 0; i < n;) {
        uint32_t cp;
        size_t l = wg_utf8_decode(g + i, &cp);
        if (cp != ' ' && cp != '.' && cp != '-' && cp != 0x2013 && cp != 0x2014)
            return 0;
        i += l;
    }
    return 1;
}

char *wg_i_join_fold(const wg_i_ctx *c, size_t i, size_t n, int loose)
{
    wg_buf b = WG_BUF_INIT;
    if (i + n > c->ntok)
        return NULL;
    for (size_t k = i; k < i + n; k++) {
        if (k > i) {
            if (!(loose ? gap_loose(c, k) : wg_i_gap_spaces(c, k))) {
                wg_buf_free(&b);
                return NULL;
            }
            wg_buf_putc(&b, ' ');
        }
        wg_buf_puts(&b, c->tok[k].fold);
    }
    return wg_buf_detach(&b);
}

size_t wg_i_join_run(const wg_i_ctx *c, size_t i, size_t max, int loose, char *buf, size_t cap,
                     size_t *ends, uint64_t *hashes, int *cut)
{
    size_t len = 0, n = 0;
    uint64_t h = WG_HASH_INIT;
    *cut = 0;
    for (size_t k = i; k < c->ntok && n < max; k++) {
        size_t fl = c->tok[k].flen;
        if (k > i && !(loose ? gap_loose(c, k) : wg_i_gap_spaces(c, k)))
            break;
        if (len + (k > i) + fl + 1 > cap) {
            *cut = 1;
            break;
        }
        if (k > i) {
            buf[len++] = ' ';
            h = wg_hash_more(h, " ", 1);
        }
        memcpy(buf + len, c->tok[k].fold, fl + 1);
        h = k > i ? wg_hash_more(h, buf + len, fl) : c->tok[k].fhash;
        len += fl;
        hashes[n] = h;
        ends[n++] = len;
    }
    return n;
}

int wg_i_allcaps(const wg_i_ctx *c, size_t k)
{
    const char *r = c->doc->text + c->tok[k].start, *e = c->doc->text + c->tok[k].end;
    const char *f = c->tok[k].fold;
    int letters = 0;
    while (r < e && *f) {
        uint32_t a, b;
        r += wg_utf8_decode(r, &a);
        f += wg_utf8_decode(f, &b);
        if (a >= '0' && a <= '9')
            continue;
        if (a == b)
            return 0;
        letters++;
    }
    return letters > 0;
}

int wg_i_add_keyed(wg_i_ctx *c, wg_entity_type type, const char *name, const char *key,
                   const char *parent, size_t t0, size_t t1)
{
    wg_entity *e = wg_i_entity_get(c, type, name, key);
    if (!e)
        return WG_ENOMEM;
    if (parent && !e->parent && (e->parent = wg_i_strdup(parent)) == NULL)
        return WG_ENOMEM;
    return wg_i_push_mention(c, e, t0, t1);
}
