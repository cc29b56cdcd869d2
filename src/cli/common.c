/* Options shared by the commands that read articles (extract, build). */
#include <string.h>
#include <unistd.h>
#include "cli/common.h"

void cli_reader_init(cli_reader *r)
{
    memset(r, 0, sizeof *r);
    r->opts.read = (wg_read_options)WG_READ_OPTIONS_INIT;
    long n = sysconf(_SC_NPROCESSORS_ONLN);
    r->opts.jobs = n > 0 ? (int)(n < 16 ? n : 16) : 1;
}

int cli_reader_option(cli_reader *r, const char *cmd, int opt, const char *arg)
{
    switch (opt) {
    case OPT_JOBS: {
        long j = cli_parse_count(arg);
        if (j < 1 || j > 256)
            return cli_usage(cmd, "invalid --jobs '%s' (1-256)", arg);
        r->opts.jobs = (int)j;
        return 0;
    }
    case OPT_ENCODING:
        r->opts.read.encoding = arg;
        if (wg_read_options_check(&r->opts.read) < 0)
            return cli_usage(cmd, "%s", wg_error_last());
        return 0;
    case OPT_INPUTS:
        r->list = arg;
        return 0;
    case OPT_LEXICON:
        r->lexdir = arg;
        return 0;
    case OPT_QUIET:
        r->opts.quiet = 1;
        return 0;
    case OPT_FORCE:
        r->force = 1;
        return 0;
    default:
        return -1;
    }
}

int cli_reader_start(cli_reader *r, const char *cmd, int argc, char **argv)
{
    if (argc == 0 && !r->list)
        return cli_usage(cmd, "no input given");
    for (int i = 0; i < argc; i++)
        if (cli_inputs_add(&r->inputs, argv[i], r->opts.quiet) < 0) {
            cli_error("%s", wg_error_last());
            return EXIT_FAIL;
        }
    if (r->list && cli_inputs_add_list(&r->inputs, r->list, r->opts.quiet) < 0) {
        cli_error("%s", wg_error_last());
        return EXIT_FAIL;
    }
    if (r->inputs.refused)
        return EXIT_USAGE; /* nothing read, nothing written */
    if (wg_lexicon_new(&r->lex) < 0 || (r->lexdir && wg_lexicon_add_dir(r->lex, r->lexdir) < 0)) {
        cli_error("%s", wg_error_last());
        return EXIT_FAIL;
    }
    r->opts.lex = r->lex;
    return 0;
}

int cli_reader_run(cli_reader *r, cli_article_fn fn, void *ctx)
{
    int err = cli_pipeline_run(&r->inputs, &r->opts, fn, ctx, &r->summary);
    if (!r->opts.quiet)
        cli_summary_print(&r->summary);
    return err;
}

int cli_reader_status(const cli_reader *r)
{
    return (r->inputs.missing || r->summary.failed) ? EXIT_FAIL : EXIT_OK;
}

void cli_reader_free(cli_reader *r)
{
    cli_inputs_free(&r->inputs);
    wg_lexicon_free(r->lex);
}

int cli_reader_keep_output(const cli_reader *r, const char *output)
{
    if (!output || strcmp(output, "-") == 0 || r->summary.read > 0)
        return 0;
    if (r->inputs.missing || r->summary.failed) {
        cli_error("no input could be read: %s not replaced", output);
        return EXIT_FAIL;
    }
    if (r->force)
        return 0;
    cli_error("no input gave an article (%zu skipped): %s not replaced (--force replaces it)",
              r->summary.skipped + r->summary.not_articles + r->summary.not_regular, output);
    return EXIT_FAIL;
}
