/* wardgraph extract: articles -> JSONL (SPEC section 4) or TSV. */
#include <errno.h>
#include <getopt.h>
#include <string.h>
#include "cli/common.h"
#include "util/util.h"

enum { OPT_FORMAT = OPT_FIRST_COMMAND_SPECIFIC, OPT_TEXT };

typedef struct {
    FILE *out;
    const char *name; /* for messages: the -o file or "standard output" */
    int tsv;
} extract_ctx;

/* The article as its JSONL line or TSV rows (the pipeline's render: run
 * by the thread that extracted it). */
static char *render(void *p, const wg_article *a, const char *text, size_t len)
{
    const extract_ctx *c = p;
    return c->tsv ? wg_article_to_tsv(a) : wg_article_to_jsonl_text(a, text, len);
}

static int emit(void *p, const wg_article *a, const char *text, size_t len)
{
    extract_ctx *c = p;
    /* an article read from JSONL input comes whole; the others rendered */
    char *s = a ? render(c, a, text, len) : NULL;
    if (a && !s)
        return WG_ENOMEM;
    errno = 0;
    fputs(a ? s : text, c->out);
    free(s);
    if (ferror(c->out))
        return wg_i_error_set(WG_EIO, "cannot write %s: %s", c->name, errno ? strerror(errno) : "write error");
    return 0;
}

static void help(void)
{
    printf("usage: wardgraph extract [-o FILE] [--format jsonl|tsv] [--text] [OPTIONS] INPUT...\n\n"
           "Finds the officials, wards, committees and projects of each article and\n"
           "prints one JSON object per article (SPEC section 4), in input order.\n\n"
           "  -o, --output FILE  write to FILE (atomically) instead of standard output\n"
           "  --format jsonl|tsv jsonl (default) or one TSV row per mention:\n"
           "                     source type key name start end text\n"
           "  --text             JSONL: also each article's normalised text (\"text\"), so\n"
           "                     that `wardgraph add` of the JSONL indexes it for search\n" CLI_READER_HELP
           "  -h, --help         this help\n");
}

int cmd_extract(int argc, char **argv)
{
    static const struct option longopts[] = {
        {"output", required_argument, NULL, 'o'},
        {"format", required_argument, NULL, OPT_FORMAT},
        {"text", no_argument, NULL, OPT_TEXT},
        {"help", no_argument, NULL, 'h'},
        CLI_READER_LONG_OPTIONS,
        {NULL, 0, NULL, 0}};
    cli_reader r;
    extract_ctx c = {stdout, "standard output", 0};
    const char *output = NULL;
    wg_atomic atomic = {0};
    int opt, rc;

    cli_reader_init(&r);
    optind = 1;
    opterr = 0;
    while ((opt = getopt_long(argc, argv, ":o:j:qh", longopts, NULL)) != -1) {
        switch (opt) {
        case 'o': output = optarg; break;
        case 'h': help(); return EXIT_OK;
        case OPT_FORMAT:
            if (strcmp(optarg, "jsonl") == 0) c.tsv = 0;
            else if (strcmp(optarg, "tsv") == 0) c.tsv = 1;
            else return cli_usage("extract ", "unknown format '%s' (jsonl or tsv)", optarg);
            break;
        case OPT_TEXT: r.opts.keep_text = 1; break;
        case ':': return cli_usage("extract ", "option '%s' needs a value", argv[optind - 1]);
        case '?': return cli_usage("extract ", "unknown option '%s'", argv[optind - 1]);
        default:
            if ((rc = cli_reader_option(&r, "extract ", opt, optarg)) != 0)
                return rc < 0 ? EXIT_USAGE : rc;
        }
    }
    if ((rc = cli_reader_start(&r, "extract ", argc - optind, argv + optind)) != 0) {
        cli_reader_free(&r);
        return rc;
    }
    if (output) {
        if (wg_atomic_open(&atomic, output) < 0) {
            cli_error("%s", wg_error_last());
            cli_reader_free(&r);
            return EXIT_FAIL;
        }
        c.out = atomic.fp;
        c.name = output;
    }
    if (c.tsv)
        fputs("source\ttype\tkey\tname\tstart\tend\ttext\n", c.out);
    r.opts.render = render;
    r.opts.render_ctx = &c;
    if (cli_reader_run(&r, emit, &c) < 0) {
        cli_error("%s", wg_error_last());
        if (output)
            wg_atomic_abort(&atomic);
        else
            cli_stdout_reported = 1; /* main need not say it again */
        cli_reader_free(&r);
        return EXIT_FAIL;
    }
    rc = cli_reader_status(&r);
    if (output && cli_reader_keep_output(&r, output) != 0) {
        wg_atomic_abort(&atomic);
        rc = EXIT_FAIL;
    } else if (output && wg_atomic_commit(&atomic) < 0) {
        cli_error("%s", wg_error_last());
        rc = EXIT_FAIL;
    } /* standard output is checked by main (cli_close_stdout) */
    cli_reader_free(&r);
    return rc;
}
