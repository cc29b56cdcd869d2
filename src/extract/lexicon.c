/* Lexicons: embedded data files plus the user's additions. */
#include <dirent.h>
#include <string.h>
#include <unicode/uchar.h>
#include "extract/extract.h"

struct wg_i_embedded { const char *name; const char *data; size_t len; };
extern const struct wg_i_embedded wg_i_embedded_lexicons[];

static int add_file(wg_lexicon *lex, const char *name, const char *data, size_t len)
{
    size_t cap = lex->nfiles;
    wg_lexfile *f;
    if (wg_i_grow(&lex->files, &cap, lex->nfiles + 1, sizeof *lex->files) < 0)
        return WG_ENOMEM;
    f = &lex->files[lex->nfiles];
    if ((f->name = wg_i_strdup(name)) == NULL)
        return WG_ENOMEM;
    if ((f->data = wg_i_strndup(data, len)) == NULL) {
        free(f->name);
        return WG_ENOMEM;
    }
    f->len = len;
    lex->nfiles++;
    return 0;
}

/* Calls fn for each entry line (comments and blank lines skipped) of every
 * file named `name`. */
int wg_i_lexicon_each(const wg_lexicon *lex, const char *name,
                      int (*fn)(void *ctx, char **fields, size_t nfields), void *ctx)
{
    for (size_t f = 0; f < lex->nfiles; f++) {
        if (strcmp(lex->files[f].name, name) != 0)
            continue;
        const char *p = lex->files[f].data, *end = p + lex->files[f].len;
        while (p < end) {
            const char *nl = memchr(p, '\n', (size_t)(end - p));
            size_t n = nl ? (size_t)(nl - p) : (size_t)(end - p);
            char line[1024], *fields[16];
            size_t nfields = 0;
            if (n && p[n - 1] == '\r')
                n--;
            if (n && n < sizeof line && p[0] != '#') {
                memcpy(line, p, n);
                line[n] = '\0';
                char *s = line;
                fields[nfields++] = s;
                while ((s = strchr(s, '\t')) != NULL && nfields < 16) {
                    *s++ = '\0';
                    fields[nfields++] = s;
                }
                int err = fn(ctx, fields, nfields);
                if (err < 0)
                    return err;
            }
            p += n + (nl ? 1 : 0) + (n < (size_t)(end - p) && p[n] == '\r' ? 1 : 0);
        }
    }
    return 0;
}

/* Folded, with runs of spaces, dots and slashes as one space and every
 * dash as the word "-", so that "TP.HCM", "TP HCM" and "Tuyên giáo – Dân vận"
 * are found however they are written. */
char *wg_i_phrase_key(const char *s, size_t n)
{
    char *f = wg_i_fold(s, n);
    wg_buf b = WG_BUF_INIT;
    int sep = 0;
    if (!f)
        return NULL;
    for (const char *p = f; *p;) {
        uint32_t cp;
        size_t l = wg_utf8_decode(p, &cp);
        if (cp == ' ' || cp == '.' || cp == '/' || cp == '\t' || cp == 0xA0) {
            sep = 1;
        } else if (cp == '-' || cp == 0x2013 || cp == 0x2014 || cp == 0x2012) {
            if (b.len)
                wg_buf_puts(&b, " -");
            sep = 1;
        } else {
            if (sep && b.len)
                wg_buf_putc(&b, ' ');
            sep = 0;
            wg_buf_put(&b, p, l);
        }
        p += l;
    }
    free(f);
    if (!b.ptr)
        wg_buf_grow(&b, 0);
    return wg_buf_detach(&b);
}

static void phrases_free(wg_i_phrases *ph)
{
    wg_strmap_free(&ph->map);
    wg_strmap_free(&ph->prefixes);
    for (size_t i = 0; i < ph->n; i++) {
        free(ph->canon[i]);
        free(ph->tag[i]);
    }
    free(ph->canon);
    free(ph->tag);
    free(ph->caps);
    memset(ph, 0, sizeof *ph);
}

/* One line: written form, canonical spelling (default: the written form;
 * "=" keeps the text as written), tag. A later line for the same written
 * form replaces the earlier one, so --lexicon can correct a built-in entry. */
static int add_phrase(void *ctx, char **fields, size_t nfields)
{
    wg_i_phrases *ph = ctx;
    char *key = wg_i_phrase_key(fields[0], strlen(fields[0]));
    const char *canon = nfields > 1 && fields[1][0] ? fields[1] : fields[0];
    size_t idx, words = 1;
    int err;
    if (!key)
        return WG_ENOMEM;
    if (!key[0]) {
        free(key);
        return 0;
    }
    if (strcmp(canon, "=") == 0)
        canon = "";
    if (wg_strmap_get(&ph->map, key, &idx)) {
        free(ph->canon[idx]);
        free(ph->tag[idx]);
    } else {
        idx = ph->n;
        if (wg_i_grow(&ph->canon, &ph->cap, ph->n + 1, sizeof *ph->canon) < 0) {
            free(key);
            return WG_ENOMEM;
        }
        size_t cap2 = ph->n, cap3 = ph->n;
        if (wg_i_grow(&ph->tag, &cap2, ph->n + 1, sizeof *ph->tag) < 0 ||
            wg_i_grow(&ph->caps, &cap3, ph->n + 1, sizeof *ph->caps) < 0) {
            free(key);
            return WG_ENOMEM;
        }
        ph->n++;
    }
    /* an abbreviation written in capitals is not the word it spells ("TƯ", "tư") */
    {
        char *low = wg_i_fold(fields[0], strlen(fields[0]));
        int letters = 0, upper = low && strcmp(low, fields[0]) != 0;
        for (const char *p = fields[0]; low && *p; p++)
            letters |= (*p >= 'A' && *p <= 'Z') || (*p >= 'a' && *p <= 'z') || (unsigned char)*p >= 0x80;
        /* every letter upper-case: lower-casing changes each one */
        for (const char *p = fields[0]; upper && *p; p++)
            if (*p >= 'a' && *p <= 'z')
                upper = 0;
        if (upper) {
            /* non-ASCII lower-case letters: compare with the fold byte for byte is not enough; look for any */
            const char *p = fields[0];
            while (*p) {
                uint32_t cp;
                p += wg_utf8_decode(p, &cp);
                if (cp >= 0x80 && u_islower((UChar32)cp))
                    upper = 0;
            }
        }
        ph->caps[idx] = (unsigned char)(letters && upper);
        free(low);
    }
    ph->canon[idx] = wg_i_strdup(canon);
    ph->tag[idx] = wg_i_strdup(nfields > 2 ? fields[2] : "");
    for (const char *p = key; *p; p++)
        words += *p == ' ';
    if (words > ph->max_words)
        ph->max_words = words;
    err = (!ph->canon[idx] || !ph->tag[idx]) ? WG_ENOMEM : wg_strmap_put(&ph->map, key, idx);
    for (char *sp = strchr(key, ' '); sp && !err; sp = strchr(sp + 1, ' ')) {
        *sp = '\0';
        err = wg_strmap_put(&ph->prefixes, key, 0);
        *sp = ' ';
    }
    free(key);
    return err;
}

struct surname_ctx { wg_lexicon *lex; size_t kind; };

static int add_surname(void *ctx, char **fields, size_t nfields)
{
    struct surname_ctx *sc = ctx;
    char *f = wg_i_fold(fields[0], strlen(fields[0]));
    int err;
    (void)nfields;
    if (!f)
        return WG_ENOMEM;
    err = f[0] ? wg_strmap_put(&sc->lex->surnames, f, sc->kind) : 0;
    free(f);
    return err;
}

static void officials_free(wg_lexicon *lex)
{
    wg_strmap_free(&lex->surnames);
    phrases_free(&lex->titles);
    phrases_free(&lex->honorifics);
    phrases_free(&lex->title_words);
    phrases_free(&lex->roles);
    phrases_free(&lex->not_person);
    phrases_free(&lex->documents);
    phrases_free(&lex->meetings);
    phrases_free(&lex->figures);
    wg_strmap_free(&lex->firsts);
}

/* Gives each phrase table its bit and records the tables each first word
 * begins; built once, read-only while articles are extracted. */
static int index_firsts(wg_lexicon *lex)
{
    wg_i_phrases *const t[] = {&lex->titles, &lex->honorifics, &lex->title_words, &lex->roles,
                               &lex->not_person, &lex->documents, &lex->meetings, &lex->figures};
    for (size_t b = 0; b < WG_ARRAY_LEN(t); b++) {
        t[b]->bit = 1u << b;
        for (size_t i = 0; i < t[b]->map.cap; i++) {
            const char *k = t[b]->map.slots[i].key;
            size_t bits = 0;
            if (!k)
                continue;
            char *w = wg_i_strndup(k, strcspn(k, " "));
            if (!w)
                return WG_ENOMEM;
            wg_strmap_get(&lex->firsts, w, &bits);
            int err = wg_strmap_put(&lex->firsts, w, bits | t[b]->bit);
            free(w);
            if (err < 0)
                return err;
        }
    }
    return 0;
}

int wg_i_lexicon_mark_firsts(wg_lexicon *lex, const wg_strmap *words, unsigned bit)
{
    for (size_t i = 0; i < words->cap; i++) {
        size_t bits = 0;
        const char *k = words->slots[i].key;
        int err;
        if (!k)
            continue;
        wg_strmap_get(&lex->firsts, k, &bits);
        if ((err = wg_strmap_put(&lex->firsts, k, bits | bit)) < 0)
            return err;
    }
    return 0;
}

unsigned wg_i_first_bits(const wg_lexicon *lex, const char *fold, size_t n, uint64_t hash)
{
    size_t bits = 0;
    /* a key's first word ends at its first space: a token with a space
     * (or none at all) might begin any */
    if (!n || memchr(fold, ' ', n))
        return ~0u;
    wg_strmap_geth(&lex->firsts, fold, n, hash, &bits);
    return (unsigned)bits;
}

int wg_i_lexicon_index(wg_lexicon *lex)
{
    struct surname_ctx s1 = {lex, 1}, s2 = {lex, 2};
    int err;
    officials_free(lex);
    if ((err = wg_i_lexicon_each(lex, "surnames.txt", add_surname, &s1)) < 0 ||
        (err = wg_i_lexicon_each(lex, "name_prefixes.txt", add_surname, &s2)) < 0 ||
        (err = wg_i_lexicon_each(lex, "titles.txt", add_phrase, &lex->titles)) < 0 ||
        (err = wg_i_lexicon_each(lex, "honorifics.txt", add_phrase, &lex->honorifics)) < 0 ||
        (err = wg_i_lexicon_each(lex, "title_words.txt", add_phrase, &lex->title_words)) < 0 ||
        (err = wg_i_lexicon_each(lex, "roles.txt", add_phrase, &lex->roles)) < 0 ||
        (err = wg_i_lexicon_each(lex, "not_person.txt", add_phrase, &lex->not_person)) < 0 ||
        (err = wg_i_lexicon_each(lex, "documents.txt", add_phrase, &lex->documents)) < 0 ||
        (err = wg_i_lexicon_each(lex, "meetings.txt", add_phrase, &lex->meetings)) < 0 ||
        (err = wg_i_lexicon_each(lex, "figures.txt", add_phrase, &lex->figures)) < 0 ||
        (err = index_firsts(lex)) < 0)
        return err;
    wg_i_places_free(lex);
    wg_i_projects_free(lex);
    if ((err = wg_i_places_index(lex)) < 0)
        return err;
    return wg_i_projects_index(lex);
}

int wg_lexicon_new(wg_lexicon **out)
{
    wg_lexicon *lex = wg_i_calloc(1, sizeof *lex);
    int err = 0;
    *out = NULL;
    if (!lex)
        return WG_ENOMEM;
    for (const struct wg_i_embedded *e = wg_i_embedded_lexicons; e->name; e++)
        if ((err = add_file(lex, e->name, e->data, e->len)) < 0)
            break;
    if (!err)
        err = wg_i_lexicon_index(lex);
    if (err < 0) {
        wg_lexicon_free(lex);
        return err;
    }
    *out = lex;
    return 0;
}

int wg_lexicon_add_dir(wg_lexicon *lex, const char *dir)
{
    DIR *d = opendir(dir);
    struct dirent *e;
    int err = 0, found = 0;
    if (!d)
        return wg_i_error_set(WG_EIO, "%s: cannot open lexicon directory", dir);
    while ((e = readdir(d)) != NULL && !err) {
        int known = 0;
        for (const struct wg_i_embedded *k = wg_i_embedded_lexicons; k->name; k++)
            if (strcmp(k->name, e->d_name) == 0)
                known = 1;
        if (!known)
            continue;
        char path[4096];
        char *data;
        size_t len;
        snprintf(path, sizeof path, "%s/%s", dir, e->d_name);
        if ((err = wg_read_file(path, &data, &len)) < 0)
            break;
        err = add_file(lex, e->d_name, data, len);
        free(data);
        found++;
    }
    closedir(d);
    if (!err && !found)
        return wg_i_error_set(WG_EINPUT, "%s: no lexicon files (see src/extract/lexicon/README.md)", dir);
    return err ? err : wg_i_lexicon_index(lex);
}

void wg_lexicon_free(wg_lexicon *lex)
{
    if (!lex)
        return;
    for (size_t i = 0; i < lex->nfiles; i++) {
        free(lex->files[i].name);
        free(lex->files[i].data);
    }
    free(lex->files);
    officials_free(lex);
    wg_i_places_free(lex);
    wg_i_projects_free(lex);
    free(lex);
}
