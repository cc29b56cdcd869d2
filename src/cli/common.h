/* Options and set-up shared by the commands that read articles. */
#ifndef WG_CLI_COMMON_H
#define WG_CLI_COMMON_H

#include "cli/cli.h"

enum {
    OPT_JOBS = 'j',
    OPT_QUIET = 'q',
    OPT_ENCODING = 1000,
    OPT_INPUTS,
    OPT_LEXICON,
    OPT_FORCE,
    OPT_FIRST_COMMAND_SPECIFIC = 1100
};

#define CLI_READER_LONG_OPTIONS                                     \
    {"jobs", required_argument, NULL, OPT_JOBS},                    \
    {"quiet", no_argument, NULL, OPT_QUIET},                        \
    {"encoding", required_argument, NULL, OPT_ENCODING},            \
    {"inputs", required_argument, NULL, OPT_INPUTS},                \
    {"lexicon", required_argument, NULL, OPT_LEXICON},            \
    {"force", no_argument, NULL, OPT_FORCE}

#define CLI_READER_HELP                                                              \
    "  INPUT            a file, a directory (read recursively: .txt .html .htm) or -\n" \
    "  --inputs FILE    also read the paths listed in FILE, one per line\n"           \
    "  --encoding NAME  decode inputs with this ICU converter (e.g. windows-1258);\n" \
    "                   default: UTF-8, or UTF-16 when the file has a BOM\n"          \
    "  --lexicon DIR    add the lexicon files in DIR to the built-in ones\n"          \
    "  -j, --jobs N     worker threads (default: the number of CPUs); the output\n"   \
    "                   is the same for every N\n"                                    \
    "  -q, --quiet      no summary of inputs read, skipped and warned about\n"        \
    "  --force          replace -o FILE even when no input gave an article\n"

typedef struct {
    cli_pipeline_options opts;
    cli_inputs inputs;
    const char *list, *lexdir;
    wg_lexicon *lex;
    cli_summary summary;
    int force;
} cli_reader;

void cli_reader_init(cli_reader *r);
/* Handles a shared option: 0 if taken, EXIT_USAGE on a bad value, -1 if not ours. */
int cli_reader_option(cli_reader *r, const char *cmd, int opt, const char *arg);
/* Expands the inputs and loads the lexicons: 0, or an exit code. */
int cli_reader_start(cli_reader *r, const char *cmd, int argc, char **argv);
int cli_reader_run(cli_reader *r, cli_article_fn fn, void *ctx);
/* EXIT_FAIL when an input could not be read at all. */
int cli_reader_status(const cli_reader *r);
void cli_reader_free(cli_reader *r);
/* After the run, before -o OUTPUT is replaced: 0 if it may be; else says
 * why not (no input could be read; none gave an article and no --force)
 * and returns EXIT_FAIL. A failed run never wipes a good old output. */
int cli_reader_keep_output(const cli_reader *r, const char *output);

#endif
