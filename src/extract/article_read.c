/* A JSONL line back into a wg_article: the reduce side of `extract` (the
 * map), so that `build` and `add` can take what extract wrote on other
 * machines and link it exactly as if they had read the articles. */
#include <string.h>
#include "extract/extract.h"

typedef struct {
    int err; /* the first error: later reads are skipped */
} reading;

static int bad(reading *r, const char *field, const char *why)
{
    if (!r->err)
        r->err = wg_i_error_set(WG_EPARSE, "%s: %s", field, why);
    return r->err;
}

/* A string member: NULL when absent or null, "" kept; bad when another type. */
static char *opt_string(reading *r, const wg_json *obj, const char *name, int *missing)
{
    const wg_json *v = wg_json_get(obj, name);
    *missing = 0;
    if (!v || v->type == WG_JSON_NULL) {
        *missing = 1;
        return NULL;
    }
    if (v->type != WG_JSON_STRING) {
        bad(r, name, "not a string");
        return NULL;
    }
    char *s = wg_i_strdup(v->str);
    if (!s)
        r->err = WG_ENOMEM;
    return s;
}

/* A string member that defaults to "" (the writer writes "" for none). */
static char *string_or_empty(reading *r, const wg_json *obj, const char *name)
{
    int missing;
    char *s = opt_string(r, obj, name, &missing);
    if (!s && missing && !r->err && !(s = wg_i_strdup("")))
        r->err = WG_ENOMEM;
    return s;
}

static int count(reading *r, const wg_json *obj, const char *name, size_t *out, const char *field)
{
    const wg_json *v = wg_json_get(obj, name);
    if (!v) {
        *out = 0;
        return 0;
    }
    if (v->type != WG_JSON_NUMBER || v->num < 0 || v->num > 9007199254740992.0 || v->num != (double)(size_t)v->num)
        return bad(r, field, "not a non-negative integer");
    *out = (size_t)v->num;
    return 0;
}

static int parse_presence(reading *r, const wg_json *obj, wg_presence *out, const char *field)
{
    const wg_json *v = wg_json_get(obj, "presence");
    *out = WG_PRESENCE_MENTIONED;
    if (!v)
        return 0;
    for (int p = WG_PRESENCE_MENTIONED; p <= WG_PRESENCE_CITED; p++)
        if (v->type == WG_JSON_STRING && strcmp(v->str, wg_presence_name((wg_presence)p)) == 0) {
            *out = (wg_presence)p;
            return 0;
        }
    return bad(r, field, "presence is not participant, mentioned or cited");
}

static int parse_minhash(reading *r, const wg_json *obj, wg_article *a)
{
    const wg_json *v = wg_json_get(obj, "minhash");
    for (size_t k = 0; k < WG_MINHASH; k++)
        a->minhash[k] = UINT32_MAX; /* no signature: never a near copy */
    if (!v)
        return 0;
    if (v->type != WG_JSON_STRING || strlen(v->str) != 8 * WG_MINHASH)
        return bad(r, "minhash", "not 256 hex digits");
    for (size_t k = 0; k < WG_MINHASH; k++) {
        uint32_t x = 0;
        for (size_t i = 0; i < 8; i++) {
            char c = v->str[8 * k + i];
            unsigned d = c >= '0' && c <= '9' ? (unsigned)(c - '0') : c >= 'a' && c <= 'f' ? (unsigned)(c - 'a' + 10) : 16;
            if (d == 16)
                return bad(r, "minhash", "not 256 hex digits");
            x = x << 4 | d;
        }
        a->minhash[k] = x;
    }
    return 0;
}

static int parse_mention(reading *r, const wg_json *m, wg_mention *out, const char *field)
{
    const wg_json *t;
    if (m->type != WG_JSON_OBJECT)
        return bad(r, field, "a mention is not an object");
    if (count(r, m, "start", &out->start, field) || count(r, m, "end", &out->end, field) ||
        count(r, m, "paragraph", &out->paragraph, field) || count(r, m, "sentence", &out->sentence, field) ||
        parse_presence(r, m, &out->presence, field))
        return r->err;
    if (out->end < out->start)
        return bad(r, field, "end before start");
    if ((t = wg_json_get(m, "text")) && t->type != WG_JSON_STRING)
        return bad(r, field, "text is not a string");
    if (!(out->text = wg_i_strdup(t ? t->str : "")))
        return r->err = WG_ENOMEM;
    return 0;
}

static int parse_entity(reading *r, const wg_json *o, wg_entity *e, size_t index)
{
    char field[64];
    const wg_json *v;
    int missing;
    snprintf(field, sizeof field, "entities[%zu]", index);
    if (o->type != WG_JSON_OBJECT)
        return bad(r, field, "not an object");
    if (!(v = wg_json_get(o, "type")) || v->type != WG_JSON_STRING)
        return bad(r, field, "no type");
    e->type = WG_ENTITY_TYPES;
    for (int t = 0; t < WG_ENTITY_TYPES; t++)
        if (strcmp(v->str, wg_entity_type_name((wg_entity_type)t)) == 0)
            e->type = (wg_entity_type)t;
    if (e->type == WG_ENTITY_TYPES)
        return bad(r, field, "type is not official, ward, committee or project");
    e->name = opt_string(r, o, "name", &missing);
    if (!r->err && missing)
        return bad(r, field, "no name");
    e->key = opt_string(r, o, "key", &missing);
    if (!r->err && missing && !(e->key = wg_i_make_key(e->type, e->name)))
        r->err = WG_ENOMEM;
    if (!r->err)
        e->parent = opt_string(r, o, "parent", &missing);
    if (r->err || parse_presence(r, o, &e->presence, field))
        return r->err;
    if ((v = wg_json_get(o, "titles"))) {
        if (v->type != WG_JSON_ARRAY)
            return bad(r, field, "titles is not a list");
        if (v->n && !(e->titles = wg_i_calloc(v->n, sizeof *e->titles)))
            return r->err = WG_ENOMEM;
        for (size_t i = 0; i < v->n; i++, e->ntitles++) {
            if (v->items[i].type != WG_JSON_STRING)
                return bad(r, field, "a title is not a string");
            if (!(e->titles[i] = wg_i_strdup(v->items[i].str)))
                return r->err = WG_ENOMEM;
        }
    }
    if ((v = wg_json_get(o, "roles"))) {
        static const char *const names[] = {"chair", "attendee", "speaker"};
        if (v->type != WG_JSON_ARRAY)
            return bad(r, field, "roles is not a list");
        for (size_t i = 0; i < v->n; i++) {
            unsigned bit = 0;
            for (unsigned k = 0; k < 3 && v->items[i].type == WG_JSON_STRING; k++)
                if (strcmp(v->items[i].str, names[k]) == 0)
                    bit = 1u << k;
            if (!bit)
                return bad(r, field, "a role is not chair, attendee or speaker");
            e->roles |= bit;
        }
    }
    if ((v = wg_json_get(o, "mentions"))) {
        if (v->type != WG_JSON_ARRAY)
            return bad(r, field, "mentions is not a list");
        if (v->n && !(e->mentions = wg_i_calloc(v->n, sizeof *e->mentions)))
            return r->err = WG_ENOMEM;
        for (size_t i = 0; i < v->n; i++, e->nmentions++)
            if (parse_mention(r, &v->items[i], &e->mentions[i], field))
                return r->err;
    }
    return 0;
}

int wg_article_from_jsonl(wg_article **out, const char *line, size_t len, char **text)
{
    wg_json *root = NULL;
    size_t pos;
    const char *why;
    const wg_json *v;
    reading r = {0};
    wg_article *a;
    int missing;

    *out = NULL;
    if (text)
        *text = NULL;
    if (wg_json_parse(&root, line, len, &pos, &why) < 0)
        return wg_i_error_set(WG_EPARSE, "byte %zu: %s", pos + 1, why);
    if (root->type != WG_JSON_OBJECT) {
        wg_json_free(root);
        return wg_i_error_set(WG_EPARSE, "not a JSON object");
    }
    if (!(a = wg_i_calloc(1, sizeof *a))) {
        wg_json_free(root);
        return WG_ENOMEM;
    }
    a->source = opt_string(&r, root, "source", &missing);
    if (!r.err && missing)
        bad(&r, "source", "missing");
    if (!r.err)
        a->title = string_or_empty(&r, root, "title");
    if (!r.err)
        a->date = string_or_empty(&r, root, "date");
    if (!r.err)
        a->date_source = string_or_empty(&r, root, "date_source");
    if (!r.err)
        a->byline = string_or_empty(&r, root, "byline");
    if (!r.err && (v = wg_json_get(root, "kind"))) {
        if (v->type == WG_JSON_STRING && strcmp(v->str, "other") == 0)
            a->kind = WG_KIND_OTHER;
        else if (v->type != WG_JSON_STRING || strcmp(v->str, "meeting") != 0)
            bad(&r, "kind", "not meeting or other");
    }
    if (!r.err && (v = wg_json_get(root, "hash"))) {
        if (v->type != WG_JSON_STRING || strlen(v->str) >= sizeof a->hash)
            bad(&r, "hash", "not a string of at most 32 characters");
        else
            strcpy(a->hash, v->str);
    }
    if (!r.err) {
        a->province = opt_string(&r, root, "province", &missing);
        if (a->province && !*a->province) {
            free(a->province); /* "" is written for none */
            a->province = NULL;
        }
    }
    if (!r.err)
        parse_minhash(&r, root, a);
    if (!r.err && text && (v = wg_json_get(root, "text"))) {
        if (v->type != WG_JSON_STRING)
            bad(&r, "text", "not a string");
        else if (!(*text = wg_i_strdup(v->str)))
            r.err = WG_ENOMEM;
    }
    if (!r.err && (v = wg_json_get(root, "entities"))) {
        if (v->type != WG_JSON_ARRAY)
            bad(&r, "entities", "not a list");
        else if (v->n && !(a->entities = wg_i_calloc(v->n, sizeof *a->entities)))
            r.err = WG_ENOMEM;
        for (size_t i = 0; !r.err && i < v->n; i++) {
            a->nentities = i + 1; /* freed with the article even when half read */
            parse_entity(&r, &v->items[i], &a->entities[i], i);
        }
    }
    wg_json_free(root);
    if (r.err) {
        wg_article_free(a);
        if (text) {
            free(*text);
            *text = NULL;
        }
        return r.err;
    }
    *out = a;
    return 0;
}
