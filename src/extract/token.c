/* Tokens and mentions: the pieces every recogniser uses. */
#include <string.h>
#include "extract/extract.h"

static int is_word_byte(unsigned char c) { return c >= 0x80 || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9'); }

int wg_i_tokenize(wg_i_ctx *c)
{
    const char *t = c->doc->text;
    size_t i = c->doc->body_start, n = c->doc->body_end, para = 0, sent = 0;
    int spaced = 0;
    /* the title is text too: headlines name wards and committees */
    i = 0;
    while (i < n) {
        unsigned char ch = (unsigned char)t[i];
        if (!is_word_byte(ch)) {
            if (ch == '\n') {
                para++;
                sent++;
                spaced = 0;
            } else if (ch == '.' || ch == '!' || ch == '?' || ch == ';') {
                if (!(ch == '.' && i + 1 < n && is_word_byte((unsigned char)t[i + 1])))
                    sent++;
                spaced = 0;
            } else if (ch == ' ') {
                /* spaces keep adjacency */
            } else {
                spaced = 0;
            }
            if (ch == ' ' && (c->ntok == 0 || spaced == 0)) {
                /* a space directly after a word */
                if (c->ntok && c->tok[c->ntok - 1].end == i)
                    spaced = 1;
            }
            i++;
            continue;
        }
        size_t j = i;
        while (j < n) {
            uint32_t cp;
            size_t k = wg_utf8_decode(t + j, &cp);
            if (!is_word_byte((unsigned char)t[j]) || cp == 0x2013 || cp == 0x2014 || cp == 0x201C ||
                cp == 0x201D || cp == 0x2018 || cp == 0x2019 || cp == 0x2026 || cp == 0xFFFD)
                break;
            j += k;
        }
        if (j == i) {
            /* a non-letter non-ASCII symbol (dash, quote): a separator */
            uint32_t cp;
            i += wg_utf8_decode(t + i, &cp);
            spaced = 0;
            continue;
        }
        if (wg_i_grow(&c->tok, &c->tokcap, c->ntok + 1, sizeof *c->tok) < 0)
            return WG_ENOMEM;
        wg_i_token *k = &c->tok[c->ntok];
        k->start = i;
        k->end = j;
        k->fold = wg_i_fold(t + i, j - i);
        if (!k->fold)
            return WG_ENOMEM;
        k->cap = strncmp(k->fold, t + i, strlen(k->fold)) != 0;
        k->digit = t[i] >= '0' && t[i] <= '9';
        k->space_before = spaced && c->ntok && c->tok[c->ntok - 1].end + 1 == i;
        k->paragraph = para;
        k->sentence = sent;
        c->ntok++;
        spaced = 0;
        i = j;
    }
    return 0;
}

/* Do tokens [i, i+n) spell the folded phrase? */
int wg_i_tokens_are(const wg_i_ctx *c, size_t i, const char *phrase)
{
    const char *p = phrase;
    for (size_t k = i; k < c->ntok; k++) {
        size_t l = strlen(c->tok[k].fold);
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

int wg_i_add_mention(wg_i_ctx *c, wg_entity_type type, const char *name, size_t tfirst, size_t tlast,
                       const char *title, unsigned roles)
{
    wg_article *a = c->art;
    char *key = wg_i_make_key(type, name);
    wg_entity *e = NULL;
    size_t s = c->tok[tfirst].start, en = c->tok[tlast].end;
    if (!key)
        return WG_ENOMEM;
    for (size_t i = 0; i < a->nentities; i++)
        if (strcmp(a->entities[i].key, key) == 0)
            e = &a->entities[i];
    if (!e) {
        if (wg_i_grow(&a->entities, &c->entcap, a->nentities + 1, sizeof *a->entities) < 0) {
            free(key);
            return WG_ENOMEM;
        }
        e = &a->entities[a->nentities++];
        memset(e, 0, sizeof *e);
        e->type = type;
        e->key = key;
        if ((e->name = wg_i_strdup(name)) == NULL)
            return WG_ENOMEM;
    } else {
        free(key);
    }
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
    size_t mcap = e->nmentions;
    if (wg_i_grow(&e->mentions, &mcap, e->nmentions + 1, sizeof *e->mentions) < 0)
        return WG_ENOMEM;
    wg_mention *m = &e->mentions[e->nmentions];
    m->start = c->doc->map[s];
    m->end = c->doc->map[en];
    m->paragraph = c->tok[tfirst].paragraph;
    m->sentence = c->tok[tfirst].sentence;
    if ((m->text = wg_i_strndup(c->doc->text + s, en - s)) == NULL)
        return WG_ENOMEM;
    e->nmentions++;
    return 0;
}

/* Capitalised name words after tokens[i]: "Tô Thị Bích Châu" -> count. */
size_t wg_i_name_run(const wg_i_ctx *c, size_t i, size_t max)
{
    size_t n = 0;
    while (i + n < c->ntok && n < max && c->tok[i + n].cap && !c->tok[i + n].digit &&
           (n == 0 || c->tok[i + n].space_before))
        n++;
    return n;
}

/* Each word with a capital first letter, the rest as written. */
char *wg_i_capitalised(const wg_i_ctx *c, size_t first, size_t last)
{
    wg_buf b = WG_BUF_INIT;
    for (size_t k = first; k <= last; k++) {
        const char *w = c->doc->text + c->tok[k].start;
        size_t wl = c->tok[k].end - c->tok[k].start;
        uint32_t cp;
        size_t l1 = wg_utf8_decode(w, &cp);
        char *f = wg_i_fold(w + l1, wl - l1);
        if (k > first)
            wg_buf_putc(&b, ' ');
        wg_buf_put(&b, w, l1);
        wg_buf_puts(&b, f ? f : "");
        free(f);
    }
    return wg_buf_detach(&b);
}

