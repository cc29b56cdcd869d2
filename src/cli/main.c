/* wardgraph: command dispatch. */
#include <errno.h>
#include <math.h>
#include <signal.h>
#include <string.h>
#include <stdarg.h>
#include <stdlib.h>
#include "cli/cli.h"
#include "util/util.h"

typedef struct {
    const char *name;
    int (*fn)(int argc, char **argv);
    const char *summary;
} command;

static const command commands[] = {
    {"extract", cmd_extract, "Find officials, wards, committees and projects in articles (JSONL/TSV)"},
    {"add", cmd_add, "Extract new articles into a store (an SQLite file) that grows"},
    {"build", cmd_build, "Build the meeting network of articles or a store: GraphML, GEXF, CSV, JSON"},
    {"rank", cmd_rank, "Rank the nodes of a GraphML network by a centrality measure"},
    {"communities", cmd_communities, "Find communities (Leiden or Louvain) and their central members"},
    {"neighbors", cmd_neighbors, "List the nodes within K hops of a node"},
    {"path", cmd_path, "Show who connects two nodes, with the meetings on each hop"},
    {"stats", cmd_stats, "Summarise a network: types, components, density, diameter"},
    {"ego", cmd_ego, "Write the ego network of a node as GraphML"},
    {"view", cmd_view, "Write one HTML page that draws the network (no Gephi needed)"},
};

void cli_error(const char *fmt, ...)
{
    va_list ap;
    fputs("wardgraph: ", stderr);
    va_start(ap, fmt);
    vfprintf(stderr, fmt, ap);
    va_end(ap);
    fputc('\n', stderr);
}

int cli_usage(const char *cmd, const char *fmt, ...)
{
    va_list ap;
    fputs("wardgraph: ", stderr);
    va_start(ap, fmt);
    vfprintf(stderr, fmt, ap);
    va_end(ap);
    fprintf(stderr, "\nTry 'wardgraph %s--help' for more information.\n", cmd ? cmd : "");
    return EXIT_USAGE;
}

long cli_parse_count(const char *s)
{
    char *end;
    long v;
    if (!s || !*s)
        return -1;
    errno = 0;
    v = strtol(s, &end, 10);
    return (*end || v < 0 || errno == ERANGE) ? -1 : v; /* too large is invalid, not clamped */
}

int cli_parse_number(const char *s, double *out)
{
    char *end;
    double v;
    if (!s || !*s)
        return -1;
    v = strtod(s, &end);
    if (*end || !isfinite(v) || v < 0)
        return -1;
    *out = v;
    return 0;
}

int cli_stdout_reported;

int cli_close_stdout(int status)
{
    int failed = ferror(stdout);
    errno = 0;
    if (fflush(stdout) != 0)
        failed = 1;
    if (fclose(stdout) != 0)
        failed = 1;
    if (failed) {
        if (!cli_stdout_reported)
            cli_error("cannot write standard output: %s", errno ? strerror(errno) : "write error");
        return EXIT_FAIL;
    }
    return status;
}

/* An interrupted run leaves no NAME.tmp.XXXXXX behind: the temporaries
 * go, then the signal does what it would have done. */
static void on_signal(int sig)
{
    wg_atomic_remove_temporaries();
    signal(sig, SIG_DFL);
    raise(sig);
}

static void remove_temporaries_on_signals(void)
{
    static const int sigs[] = {SIGINT, SIGTERM, SIGHUP, SIGQUIT};
    for (size_t i = 0; i < sizeof sigs / sizeof *sigs; i++) {
        struct sigaction sa;
        memset(&sa, 0, sizeof sa);
        sa.sa_handler = on_signal;
        sigemptyset(&sa.sa_mask);
        sigaction(sigs[i], &sa, NULL);
    }
}

static void usage(FILE *fp)
{
    fprintf(fp, "usage: wardgraph COMMAND [OPTIONS] ...\n\n"
                "Who meets whom in Vietnamese local-government news.\n\nCommands:\n");
    for (size_t i = 0; i < sizeof commands / sizeof commands[0]; i++)
        fprintf(fp, "  %-12s %s\n", commands[i].name, commands[i].summary);
    fprintf(fp, "\n'wardgraph COMMAND --help' describes a command.\n");
}

int main(int argc, char **argv)
{
    wg_init();
    remove_temporaries_on_signals();
    if (argc < 2)
        return usage(stderr), EXIT_USAGE;
    if (strcmp(argv[1], "--help") == 0 || strcmp(argv[1], "-h") == 0 || strcmp(argv[1], "help") == 0) {
        usage(stdout);
        return cli_close_stdout(EXIT_OK);
    }
    if (strcmp(argv[1], "--version") == 0) {
        printf("wardgraph %s\n", WG_VERSION);
        return cli_close_stdout(EXIT_OK);
    }
    for (size_t i = 0; i < sizeof commands / sizeof commands[0]; i++)
        if (strcmp(argv[1], commands[i].name) == 0)
            return cli_close_stdout(commands[i].fn(argc - 1, argv + 1));
    return cli_usage(NULL, "unknown command '%s'", argv[1]);
}
