/* Lexicons: embedded data files plus the user's additions. */
#include <dirent.h>
#include <string.h>
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

static int add_surname(void *ctx, char **fields, size_t nfields)
{
    wg_lexicon *lex = ctx;
    char *f = wg_i_fold(fields[0], strlen(fields[0]));
    int err;
    (void)nfields;
    if (!f)
        return WG_ENOMEM;
    err = wg_strmap_put(&lex->surnames, f, 1);
    free(f);
    return err;
}

static int add_title(void *ctx, char **fields, size_t nfields)
{
    wg_lexicon *lex = ctx;
    size_t cap = lex->ntitles, words = 1;
    char *f;
    (void)nfields;
    if (wg_i_grow(&lex->title_names, &cap, lex->ntitles + 1, sizeof *lex->title_names) < 0)
        return WG_ENOMEM;
    if ((lex->title_names[lex->ntitles] = wg_i_strdup(fields[0])) == NULL)
        return WG_ENOMEM;
    if ((f = wg_i_fold(fields[0], strlen(fields[0]))) == NULL)
        return WG_ENOMEM;
    for (const char *s = f; *s; s++)
        words += *s == ' ';
    if (words > lex->max_title_words)
        lex->max_title_words = words;
    int err = wg_strmap_put(&lex->titles, f, lex->ntitles++);
    free(f);
    return err;
}

int wg_i_lexicon_index(wg_lexicon *lex)
{
    int err;
    wg_strmap_free(&lex->surnames);
    wg_strmap_free(&lex->titles);
    for (size_t i = 0; i < lex->ntitles; i++)
        free(lex->title_names[i]);
    free(lex->title_names);
    lex->title_names = NULL;
    lex->ntitles = lex->max_title_words = 0;
    if ((err = wg_i_lexicon_each(lex, "surnames.txt", add_surname, lex)) < 0 ||
        (err = wg_i_lexicon_each(lex, "titles.txt", add_title, lex)) < 0)
        return err;
    wg_i_places_free(lex);
    return wg_i_places_index(lex);
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
    wg_strmap_free(&lex->surnames);
    wg_strmap_free(&lex->titles);
    for (size_t i = 0; i < lex->ntitles; i++)
        free(lex->title_names[i]);
    free(lex->title_names);
    wg_i_places_free(lex);
    free(lex);
}
