/* Entity finding. The text is tokenised into words with byte offsets; each
 * recogniser walks the tokens and proposes mentions; mentions of the same
 * key are gathered into one entity per article. */
#include <string.h>
#include "extract/extract.h"

typedef struct {
    size_t start, end;   /* bytes in doc->text */
    char *fold;          /* case-folded */
    int cap;             /* starts with an upper-case letter */
    int digit;           /* starts with a digit */
    int space_before;    /* separated from the previous token by spaces only */
    size_t paragraph, sentence;
} token;

typedef struct {
    const wg_doc *doc;
    const wg_lexicon *lex;
    token *tok;
    size_t ntok, tokcap;
    wg_article *art;
    size_t entcap;
} ctx;

static int is_word_byte(unsigned char c) { return c >= 0x80 || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9'); }

static int tokenize(ctx *c)
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
        token *k = &c->tok[c->ntok];
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
static int tokens_are(const ctx *c, size_t i, const char *phrase)
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

static int add_mention(ctx *c, wg_entity_type type, const char *name, size_t tfirst, size_t tlast,
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
static size_t name_run(const ctx *c, size_t i, size_t max)
{
    size_t n = 0;
    while (i + n < c->ntok && n < max && c->tok[i + n].cap && !c->tok[i + n].digit &&
           (n == 0 || c->tok[i + n].space_before))
        n++;
    return n;
}

/* Each word with a capital first letter, the rest as written. */
static char *capitalised(const ctx *c, size_t first, size_t last)
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

static int find_officials(ctx *c)
{
    for (size_t i = 0; i < c->ntok; i++) {
        token *t = &c->tok[i];
        if (!t->cap || !wg_strmap_get(&c->lex->surnames, t->fold, NULL))
            continue;
        size_t n = name_run(c, i, 4);
        if (n < 2)
            continue;
        /* evidence: a title phrase among the 8 words before, in the sentence */
        int evidence = 0;
        for (size_t back = 1; back <= 8 && back <= i && !evidence; back++) {
            size_t j = i - back;
            if (c->tok[j].sentence != t->sentence)
                break;
            for (size_t w = c->lex->max_title_words; w >= 1 && !evidence; w--) {
                wg_buf ph = WG_BUF_INIT;
                for (size_t k = j; k < j + w && k < i; k++) {
                    if (k > j)
                        wg_buf_putc(&ph, ' ');
                    wg_buf_puts(&ph, c->tok[k].fold);
                }
                if (ph.ptr && wg_strmap_get(&c->lex->titles, ph.ptr, NULL) && tokens_are(c, j, ph.ptr))
                    evidence = 1;
                wg_buf_free(&ph);
            }
        }
        if (!evidence)
            continue;
        char *name = capitalised(c, i, i + n - 1);
        unsigned roles = 0;
        for (size_t k = 0; k < c->ntok; k++) {
            if (c->tok[k].sentence != t->sentence)
                continue;
            if (k > i + n - 1 && tokens_are(c, k, "chủ trì"))
                roles |= WG_ROLE_CHAIR;
            if (tokens_are(c, k, "phát biểu") || tokens_are(c, k, "kết luận"))
                roles |= WG_ROLE_SPEAKER;
            if (k < i && (tokens_are(c, k, "tham dự") || tokens_are(c, k, "cùng đi")))
                roles |= WG_ROLE_ATTENDEE;
        }
        int err = name ? add_mention(c, WG_OFFICIAL, name, i, i + n - 1, NULL, roles) : WG_ENOMEM;
        free(name);
        if (err < 0)
            return err;
        i += n - 1;
    }
    return 0;
}

static int find_wards(ctx *c)
{
    static const char *const units[] = {"phường", "xã", "thị trấn", "đặc khu"};
    for (size_t i = 0; i < c->ntok; i++) {
        for (size_t u = 0; u < WG_ARRAY_LEN(units); u++) {
            int w = tokens_are(c, i, units[u]);
            if (!w)
                continue;
            size_t j = i + (size_t)w;
            size_t n = 0;
            if (j < c->ntok && c->tok[j].space_before && c->tok[j].digit)
                n = 1;
            else if (j < c->ntok && c->tok[j].space_before)
                n = name_run(c, j, 3);
            if (!n)
                continue;
            char *nm = capitalised(c, j, j + n - 1);
            wg_buf b = WG_BUF_INIT;
            wg_buf_puts(&b, units[u]);
            wg_buf_putc(&b, ' ');
            wg_buf_puts(&b, nm ? nm : "");
            free(nm);
            char *name = wg_buf_detach(&b);
            int err = name ? add_mention(c, WG_WARD, name, i, j + n - 1, NULL, 0) : WG_ENOMEM;
            free(name);
            if (err < 0)
                return err;
        }
    }
    return 0;
}

int wg_extract(wg_article **out, const wg_doc *doc, const wg_lexicon *lex)
{
    ctx c = {doc, lex, NULL, 0, 0, NULL, 0};
    int err = 0;
    *out = NULL;
    if ((c.art = wg_i_calloc(1, sizeof *c.art)) == NULL)
        return WG_ENOMEM;
    c.art->source = wg_i_strdup(doc->source);
    c.art->title = wg_i_strdup(wg_doc_title(doc));
    c.art->date = wg_i_strdup(wg_doc_date(doc));
    c.art->date_source = wg_i_strdup(wg_doc_date_source(doc));
    c.art->byline = wg_i_strdup(wg_doc_byline(doc));
    if (!c.art->source || !c.art->title || !c.art->date || !c.art->date_source || !c.art->byline)
        err = WG_ENOMEM;
    if (!err)
        err = tokenize(&c);
    if (!err)
        err = find_officials(&c);
    if (!err)
        err = find_wards(&c);
    for (size_t i = 0; i < c.ntok; i++)
        free(c.tok[i].fold);
    free(c.tok);
    if (err < 0) {
        wg_article_free(c.art);
        return err;
    }
    *out = c.art;
    return 0;
}
