/* wg_article: keys, serialisation, ownership. */
#include <inttypes.h>
#include <string.h>
#include "extract/extract.h"

const char *wg_entity_type_name(wg_entity_type t)
{
    static const char *const names[] = {"official", "ward", "committee", "project"};
    return t < WG_ENTITY_TYPES ? names[t] : "unknown";
}

int wg_i_put_slug(wg_buf *b, const char *s)
{
    char *folded = wg_i_fold(s, strlen(s));
    size_t n = folded ? strlen(folded) : 0, start = b->len;
    int dash = 0;
    /* each '-' stands for a byte dropped: n bytes at most */
    if (!folded || wg_buf_grow(b, n) < 0) {
        free(folded);
        b->failed = 1;
        return WG_ENOMEM;
    }
    /* spaces and punctuation that cannot appear in an XML name become '-',
     * one for a run, none first or last */
    for (const unsigned char *p = (const unsigned char *)folded; *p; p++) {
        if (*p < 0x80 && !((*p >= 'a' && *p <= 'z') || (*p >= '0' && *p <= '9') || *p == '.' || *p == '_')) {
            dash = 1;
            continue;
        }
        if (dash && b->len > start)
            b->ptr[b->len++] = '-';
        dash = 0;
        b->ptr[b->len++] = (char)*p;
    }
    b->ptr[b->len] = '\0';
    free(folded);
    return 0;
}

char *wg_i_make_key(wg_entity_type type, const char *name)
{
    wg_buf b = WG_BUF_INIT;
    wg_buf_puts(&b, wg_entity_type_name(type));
    wg_buf_putc(&b, ':');
    wg_i_put_slug(&b, name);
    return wg_buf_detach(&b);
}

void wg_article_free(wg_article *a)
{
    if (!a)
        return;
    for (size_t i = 0; i < a->nentities; i++) {
        wg_entity *e = &a->entities[i];
        free(e->name);
        free(e->key);
        free(e->parent);
        for (size_t t = 0; t < e->ntitles; t++)
            free(e->titles[t]);
        free(e->titles);
        for (size_t m = 0; m < e->nmentions; m++)
            free(e->mentions[m].text);
        free(e->mentions);
    }
    free(a->entities);
    free(a->source);
    free(a->title);
    free(a->date);
    free(a->date_source);
    free(a->byline);
    free(a->province);
    free(a);
}

static void put_roles(wg_buf *b, unsigned roles)
{
    static const char *const names[] = {"chair", "attendee", "speaker"};
    int first = 1;
    wg_buf_putc(b, '[');
    for (unsigned r = 0; r < 3; r++) {
        if (!(roles & (1u << r)))
            continue;
        if (!first)
            wg_buf_putc(b, ',');
        wg_json_put_string(b, names[r]);
        first = 0;
    }
    wg_buf_putc(b, ']');
}

char *wg_article_to_jsonl(const wg_article *a) { return wg_article_to_jsonl_text(a, NULL, 0); }

char *wg_article_to_jsonl_text(const wg_article *a, const char *text, size_t len)
{
    wg_buf b = WG_BUF_INIT;
    wg_buf_puts(&b, "{\"source\":");
    wg_json_put_string(&b, a->source);
    wg_buf_puts(&b, ",\"title\":");
    wg_json_put_string(&b, a->title);
    wg_buf_puts(&b, ",\"date\":");
    wg_json_put_string(&b, a->date);
    wg_buf_puts(&b, ",\"date_source\":");
    wg_json_put_string(&b, a->date_source);
    wg_buf_puts(&b, ",\"byline\":");
    wg_json_put_string(&b, a->byline);
    wg_buf_puts(&b, ",\"kind\":");
    wg_json_put_string(&b, wg_article_kind_name(a->kind));
    wg_buf_puts(&b, ",\"hash\":");
    wg_json_put_string(&b, a->hash);
    wg_buf_puts(&b, ",\"province\":");
    wg_json_put_string(&b, a->province ? a->province : "");
    /* the shingle signature, so that a build from this line finds near
     * copies as a build from the text does */
    wg_buf_puts(&b, ",\"minhash\":\"");
    for (size_t k = 0; k < WG_MINHASH; k++)
        wg_buf_put_hex32(&b, a->minhash[k]);
    wg_buf_putc(&b, '"');
    if (text) {
        char *t = wg_i_strndup(text, len);
        wg_buf_puts(&b, ",\"text\":");
        if (!t) {
            wg_buf_free(&b);
            return NULL;
        }
        wg_json_put_string(&b, t);
        free(t);
    }
    wg_buf_puts(&b, ",\"entities\":[");
    for (size_t i = 0; i < a->nentities; i++) {
        const wg_entity *e = &a->entities[i];
        if (i)
            wg_buf_putc(&b, ',');
        wg_buf_puts(&b, "{\"type\":");
        wg_json_put_string(&b, wg_entity_type_name(e->type));
        wg_buf_puts(&b, ",\"name\":");
        wg_json_put_string(&b, e->name);
        wg_buf_puts(&b, ",\"key\":");
        wg_json_put_string(&b, e->key);
        if (e->parent) {
            wg_buf_puts(&b, ",\"parent\":");
            wg_json_put_string(&b, e->parent);
        }
        if (e->type == WG_OFFICIAL) {
            wg_buf_puts(&b, ",\"titles\":[");
            for (size_t t = 0; t < e->ntitles; t++) {
                if (t)
                    wg_buf_putc(&b, ',');
                wg_json_put_string(&b, e->titles[t]);
            }
            wg_buf_puts(&b, "],\"roles\":");
            put_roles(&b, e->roles);
        }
        wg_buf_puts(&b, ",\"presence\":");
        wg_json_put_string(&b, wg_presence_name(e->presence));
        wg_buf_puts(&b, ",\"mentions\":[");
        for (size_t m = 0; m < e->nmentions; m++) {
            if (m)
                wg_buf_putc(&b, ',');
            const wg_mention *mm = &e->mentions[m];
            wg_buf_puts(&b, "{\"start\":");
            wg_buf_put_size(&b, mm->start);
            wg_buf_puts(&b, ",\"end\":");
            wg_buf_put_size(&b, mm->end);
            wg_buf_puts(&b, ",\"text\":");
            wg_json_put_string(&b, mm->text);
            wg_buf_puts(&b, ",\"paragraph\":");
            wg_buf_put_size(&b, mm->paragraph);
            wg_buf_puts(&b, ",\"sentence\":");
            wg_buf_put_size(&b, mm->sentence);
            wg_buf_puts(&b, ",\"presence\":");
            wg_json_put_string(&b, wg_presence_name(mm->presence));
            wg_buf_putc(&b, '}');
        }
        wg_buf_puts(&b, "]}");
    }
    wg_buf_puts(&b, "]}\n");
    return wg_buf_detach(&b);
}

/* TSV fields cannot hold tabs or newlines: they become spaces. */
static void put_tsv_field(wg_buf *b, const char *s)
{
    for (; s && *s; s++)
        wg_buf_putc(b, (*s == '\t' || *s == '\n' || *s == '\r') ? ' ' : *s);
}

char *wg_article_to_tsv(const wg_article *a)
{
    wg_buf b = WG_BUF_INIT;
    for (size_t i = 0; i < a->nentities; i++) {
        const wg_entity *e = &a->entities[i];
        for (size_t m = 0; m < e->nmentions; m++) {
            put_tsv_field(&b, a->source);
            wg_buf_putc(&b, '\t');
            wg_buf_puts(&b, wg_entity_type_name(e->type));
            wg_buf_putc(&b, '\t');
            put_tsv_field(&b, e->key);
            wg_buf_putc(&b, '\t');
            put_tsv_field(&b, e->name);
            wg_buf_printf(&b, "\t%zu\t%zu\t", e->mentions[m].start, e->mentions[m].end);
            put_tsv_field(&b, e->mentions[m].text);
            wg_buf_putc(&b, '\n');
        }
    }
    if (!b.ptr)
        wg_buf_grow(&b, 0);
    return wg_buf_detach(&b);
}
