/* wardgraph add: articles (or their extract JSONL) -> the store. One run is
 * one transaction: a failed or killed run leaves the store as it was. */
#include <getopt.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include "cli/common.h"
#include "util/util.h"

enum { OPT_REEXTRACT = OPT_FIRST_COMMAND_SPECIFIC };

typedef struct {
    wg_store *store;
    char *extractor;
    int reextract, quiet;
    size_t by[WG_STORE_UPDATED + 1];
} add_ctx;

static int put(void *p, const wg_article *a, const char *text, size_t len)
{
    add_ctx *c = p;
    wg_store_outcome out;
    int err = wg_store_put(c->store, a, text, len, c->extractor, c->reextract, &out);
    if (err < 0)
        return err;
    c->by[out]++;
    if (out == WG_STORE_KNOWN && !c->quiet)
        cli_error("%s: already in the store (the same body); skipped", a->source);
    else if (out == WG_STORE_COPY && !c->quiet)
        cli_error("%s: already in the store under another name (the same body); kept as a copy", a->source);
    else if (out == WG_STORE_UPDATED && !c->quiet)
        cli_error("%s: another body under a name the store holds; it replaces the old one", a->source);
    return 0;
}

static void help(void)
{
    printf("usage: wardgraph add [--reextract] [OPTIONS] STORE INPUT...\n\n"
           "Extracts the articles that STORE (an SQLite file, created when missing)\n"
           "does not hold yet and adds them; `wardgraph build STORE` then builds the\n"
           "network without extracting again. An article whose body is in the store\n"
           "already (whatever its file name) is skipped and reported. INPUT may also be\n"
           "the JSONL of `wardgraph extract` (FILE.jsonl; with --text for full-text\n"
           "search), added exactly as the articles it came from. The run is one\n"
           "transaction: when it fails or is killed the store stays as it was.\n\n"
           "  --reextract        re-extract the articles that another version of the\n"
           "                     extractor (rules or lexicons) read; they keep their place\n" CLI_READER_HELP
           "  -h, --help         this help\n");
}

int cmd_add(int argc, char **argv)
{
    static const struct option longopts[] = {
        {"reextract", no_argument, NULL, OPT_REEXTRACT},
        {"help", no_argument, NULL, 'h'},
        CLI_READER_LONG_OPTIONS,
        {NULL, 0, NULL, 0}};
    cli_reader r;
    add_ctx c;
    const char *path;
    struct stat st;
    size_t total = 0;
    int opt, rc, existed;

    memset(&c, 0, sizeof c);
    cli_reader_init(&r);
    optind = 1;
    opterr = 0;
    while ((opt = getopt_long(argc, argv, ":j:qh", longopts, NULL)) != -1) {
        switch (opt) {
        case 'h': help(); return EXIT_OK;
        case OPT_REEXTRACT: c.reextract = 1; break;
        case ':': return cli_usage("add ", "option '%s' needs a value", argv[optind - 1]);
        case '?': return cli_usage("add ", "unknown option '%s'", argv[optind - 1]);
        default:
            if ((rc = cli_reader_option(&r, "add ", opt, optarg)) != 0)
                return rc < 0 ? EXIT_USAGE : rc;
        }
    }
    if (optind >= argc)
        return cli_usage("add ", "no store given");
    path = argv[optind++];
    if (strcmp(path, "-") == 0)
        return cli_usage("add ", "the store is a file: give its name first (add STORE INPUT...)");
    if ((existed = stat(path, &st) == 0) && S_ISDIR(st.st_mode))
        return cli_usage("add ", "%s is a directory: the store is a file (add STORE INPUT...)", path);
    c.quiet = r.opts.quiet;
    r.opts.keep_text = 1;
    if ((rc = cli_reader_start(&r, "add ", argc - optind, argv + optind)) != 0) {
        cli_reader_free(&r);
        return rc;
    }
    if (!(c.extractor = wg_extractor_version(r.lex)) || wg_store_open(&c.store, path, WG_STORE_WRITE) < 0 ||
        wg_store_begin(c.store) < 0) {
        cli_error("%s", wg_error_last());
        rc = EXIT_FAIL;
        goto done;
    }
    if (cli_reader_run(&r, put, &c) < 0) {
        cli_error("%s", wg_error_last());
        cli_error("%s: nothing added (the store is as it was)", path);
        wg_store_rollback(c.store);
        rc = EXIT_FAIL;
        goto done;
    }
    if (r.summary.read == 0 && !r.force) {
        /* as `build`: a run in which no input gave an article is a failure */
        cli_error("no input gave an article (%zu skipped): nothing added to %s", r.summary.skipped +
                  r.summary.not_articles + r.summary.not_regular, path);
        wg_store_rollback(c.store);
        rc = EXIT_FAIL;
        goto done;
    }
    if (wg_store_commit(c.store) < 0) {
        cli_error("%s", wg_error_last());
        cli_error("%s: nothing added (the store is as it was)", path);
        rc = EXIT_FAIL;
        goto done;
    }
    if (!r.opts.quiet) {
        wg_store_count(c.store, &total);
        char copies[96] = "";
        if (c.by[WG_STORE_COPY])
            snprintf(copies, sizeof copies, " (%zu of them copies under another name)", c.by[WG_STORE_COPY]);
        char updated[64] = "";
        if (c.by[WG_STORE_UPDATED])
            snprintf(updated, sizeof updated, ", %zu updated (a new body under a known name)",
                     c.by[WG_STORE_UPDATED]);
        cli_error("%s: %zu added, %zu already in the store%s%s, %zu re-extracted; %zu articles in the store", path,
                  c.by[WG_STORE_ADDED], c.by[WG_STORE_KNOWN] + c.by[WG_STORE_COPY], copies, updated,
                  c.by[WG_STORE_REPLACED], total);
    }
    if (c.by[WG_STORE_STALE]) /* said even when quiet: the store is not what this extractor would write */
        cli_error("%s: %zu articles were extracted by another version of the rules or lexicons and kept as they "
                  "were; `wardgraph add --reextract` re-extracts them", path, c.by[WG_STORE_STALE]);
    rc = cli_reader_status(&r);
done:
    wg_store_close(c.store);
    if (rc != EXIT_OK && !existed && wg_store_is_store(path)) {
        /* a first add that failed leaves no empty store behind */
        size_t n = 0;
        wg_store *s2 = NULL;
        if (wg_store_open(&s2, path, WG_STORE_READ) == 0 && wg_store_count(s2, &n) == 0 && n == 0) {
            wg_store_close(s2);
            s2 = NULL;
            unlink(path);
        }
        wg_store_close(s2);
    }
    free(c.extractor);
    cli_reader_free(&r);
    return rc;
}
