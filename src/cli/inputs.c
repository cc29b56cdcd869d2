/* Expanding INPUT arguments into a list of files, in a stable order:
 * a file is read whatever its name; a directory is read recursively, in
 * name order, for .txt, .html and .htm files (other files are skipped with
 * a note and counted; hidden entries are ignored; a directory reached twice
 * through links is read once); "-" is standard input. A list file
 * (--inputs FILE, "-" for standard input) holds one INPUT per line; blank
 * lines and lines starting with '#' are ignored, paths are relative to the
 * current directory. A network or a store named as an input is refused:
 * read as text it would give a "meeting" of every node label. */
#include <dirent.h>
#include <errno.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include "cli/cli.h"
#include "util/util.h"

typedef struct {
    dev_t dev;
    ino_t ino;
} dir_id;

static int push(cli_inputs *in, const char *path)
{
    if (wg_i_grow(&in->paths, &in->cap, in->npaths + 1, sizeof *in->paths) < 0)
        return WG_ENOMEM;
    if ((in->paths[in->npaths] = wg_i_strdup(path)) == NULL)
        return WG_ENOMEM;
    in->npaths++;
    return 0;
}

static int is_article_name(const char *name)
{
    const char *dot = strrchr(name, '.');
    return dot && (strcasecmp(dot, ".txt") == 0 || strcasecmp(dot, ".html") == 0 || strcasecmp(dot, ".htm") == 0);
}

static int cmp_str(const void *a, const void *b) { return strcmp(*(char *const *)a, *(char *const *)b); }

/* 1 if the directory was visited already (a link back up the tree). */
static int seen_before(cli_inputs *in, const struct stat *st, int *err)
{
    dir_id *ids = in->seen;
    for (size_t i = 0; i < in->nseen; i++)
        if (ids[i].dev == st->st_dev && ids[i].ino == st->st_ino)
            return 1;
    if (wg_i_grow(&in->seen, &in->seencap, in->nseen + 1, sizeof *ids) < 0) {
        *err = WG_ENOMEM;
        return 0;
    }
    ids = in->seen;
    ids[in->nseen].dev = st->st_dev;
    ids[in->nseen].ino = st->st_ino;
    in->nseen++;
    return 0;
}

static int add_dir(cli_inputs *in, const char *dir, const struct stat *dst, int quiet, int depth)
{
    DIR *d;
    struct dirent *e;
    char **names = NULL;
    size_t n = 0, cap = 0;
    int err = 0;

    if (seen_before(in, dst, &err))
        return 0;
    if (err)
        return err;
    if ((d = opendir(dir)) == NULL) {
        cli_error("%s: %s", dir, strerror(errno));
        in->missing++;
        return 0;
    }
    while ((e = readdir(d)) != NULL) {
        if (e->d_name[0] == '.')
            continue; /* hidden files and . .. */
        if (wg_i_grow(&names, &cap, n + 1, sizeof *names) < 0 || (names[n] = wg_i_strdup(e->d_name)) == NULL) {
            err = WG_ENOMEM;
            break;
        }
        n++;
    }
    closedir(d);
    if (!err && n)
        qsort(names, n, sizeof *names, cmp_str);
    for (size_t i = 0; i < n && !err; i++) {
        size_t len = strlen(dir) + strlen(names[i]) + 2;
        char *path = wg_i_malloc(len);
        struct stat st;
        if (!path) {
            err = WG_ENOMEM;
            break;
        }
        snprintf(path, len, "%s%s%s", dir, dir[strlen(dir) - 1] == '/' ? "" : "/", names[i]);
        if (stat(path, &st) != 0) {
            cli_error("%s: %s", path, strerror(errno));
            in->missing++;
        } else if (S_ISDIR(st.st_mode)) {
            if (depth >= 64)
                cli_error("%s: skipped: directories nested too deep", path);
            else
                err = add_dir(in, path, &st, quiet, depth + 1);
        } else if (!S_ISREG(st.st_mode)) {
            /* opening a FIFO would wait for a writer forever */
            in->not_regular++;
            cli_error("%s: skipped: not a regular file (a FIFO, socket or device)", path);
        } else if (is_article_name(names[i])) {
            err = push(in, path);
        } else {
            in->not_articles++;
            if (!quiet)
                cli_error("%s: skipped: not .txt, .html or .htm", path);
        }
        free(path);
    }
    for (size_t i = 0; i < n; i++)
        free(names[i]);
    free(names);
    return err;
}

/* What a file named as an input is when it is no article: "a GraphML
 * network" etc., or NULL. By name, then by its first bytes. */
static const char *not_article(const char *path)
{
    static const struct { const char *ext, *what; } exts[] = {
        {".graphml", "a GraphML network"}, {".gexf", "a GEXF network"}, {".json", "a JSON network"},
        {".wgcache", "a network cache"}};
    const char *dot = strrchr(path, '.');
    char head[1024];
    size_t n;
    FILE *fp;
    for (size_t i = 0; dot && i < WG_ARRAY_LEN(exts); i++)
        if (strcasecmp(dot, exts[i].ext) == 0)
            return exts[i].what;
    if (!(fp = fopen(path, "rb")))
        return NULL; /* the reader says why */
    n = fread(head, 1, sizeof head - 1, fp);
    fclose(fp);
    head[n] = '\0';
    if (n >= 16 && memcmp(head, "SQLite format 3", 16) == 0)
        return "an SQLite database (a wardgraph store)";
    if (strstr(head, "<graphml"))
        return "a GraphML network";
    if (strstr(head, "<gexf"))
        return "a GEXF network";
    return NULL;
}

int cli_inputs_add(cli_inputs *in, const char *arg, int quiet)
{
    const char *what;
    struct stat st;
    if (strcmp(arg, "-") == 0)
        return push(in, arg);
    if (stat(arg, &st) != 0) {
        cli_error("%s: %s", arg, strerror(errno));
        in->missing++;
        return 0;
    }
    if (S_ISDIR(st.st_mode))
        return add_dir(in, arg, &st, quiet, 0);
    if (S_ISREG(st.st_mode) && !cli_is_jsonl(arg) && (what = not_article(arg))) {
        cli_error("%s: %s, not an article: to grow a network, `wardgraph add STORE` the new articles "
                  "(or the JSONL of `wardgraph extract`) and `wardgraph build STORE`", arg, what);
        in->refused = 1;
        return 0;
    }
    return push(in, arg); /* a file named on the command line is read whatever its name */
}

int cli_inputs_add_list(cli_inputs *in, const char *listfile, int quiet)
{
    char *data;
    size_t len;
    int err = wg_read_file(listfile, &data, &len);
    if (err < 0) {
        cli_error("%s", wg_error_last());
        in->missing++;
        return 0;
    }
    for (char *p = data, *end = data + len; p < end && !err;) {
        char *nl = memchr(p, '\n', (size_t)(end - p));
        char *e = nl ? nl : end;
        *e = '\0';
        if (e > p && e[-1] == '\r')
            e[-1] = '\0';
        while (*p == ' ' || *p == '\t')
            p++;
        if (*p && *p != '#')
            err = cli_inputs_add(in, p, quiet);
        p = e + 1;
    }
    free(data);
    return err;
}

void cli_inputs_free(cli_inputs *in)
{
    for (size_t i = 0; i < in->npaths; i++)
        free(in->paths[i]);
    free(in->paths);
    free(in->seen);
    memset(in, 0, sizeof *in);
}
