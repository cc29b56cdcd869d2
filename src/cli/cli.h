/* The command-line front end: one cmd_<name>.c per subcommand. */
#ifndef WG_CLI_H
#define WG_CLI_H

#include <stdio.h>
#include "wardgraph.h"

enum { EXIT_OK = 0, EXIT_FAIL = 1, EXIT_USAGE = 2 };

int cmd_extract(int argc, char **argv);
int cmd_add(int argc, char **argv);
int cmd_build(int argc, char **argv);
int cmd_rank(int argc, char **argv);
int cmd_communities(int argc, char **argv);
int cmd_neighbors(int argc, char **argv);
int cmd_path(int argc, char **argv);
int cmd_stats(int argc, char **argv);
int cmd_ego(int argc, char **argv);
int cmd_view(int argc, char **argv);

/* "wardgraph: " + message on stderr. */
void cli_error(const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 1, 2)))
#endif
    ;
/* A usage error: message and a hint line; returns EXIT_USAGE. */
int cli_usage(const char *cmd, const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 2, 3)))
#endif
    ;

/* wg_graph_read_graphml, and its warnings on stderr; or, for a store, the
 * network `build STORE` writes (read_graph.c). */
int cli_read_graph(wg_graph **g, const char *path);
/* The network of the stored articles that the filter keeps (NULL: all). */
int cli_read_store_graph(wg_graph **g, const char *path, const wg_article_filter *f, wg_filter_counts *counts);
/* rank --per: a ranking per year, quarter or month of a store (rank_per.c). */
int cli_rank_per(const char *store, const char *per, const wg_article_filter *f, const wg_rank_options *ro,
                 const char *format);
/* Flushes and closes standard output: `status`, or EXIT_FAIL with a
 * message when what was written could not be (a full disk, a closed pipe). */
int cli_close_stdout(int status);
/* Set by a command that has already said that standard output failed. */
extern int cli_stdout_reported;

/* Parses a non-negative integer option value; -1 if invalid. */
long cli_parse_count(const char *s);
/* Parses a finite number >= 0 (a weight, a resolution); -1 if invalid. */
int cli_parse_number(const char *s, double *out);

/* ---- reading many articles (inputs.c, pipeline.c) ---- */

typedef struct {
    char **paths;      /* files to read, in order ("-" for stdin) */
    size_t npaths, cap;
    size_t missing;    /* arguments that could not be opened: reported already */
    size_t not_articles; /* files in directories that are not .txt/.html/.htm: skipped */
    size_t not_regular;  /* FIFOs, sockets, devices in directories: skipped, never opened */
    int refused;         /* an argument is a network or a store, not articles: said already */
    void *seen;        /* directories visited (inputs.c) */
    size_t nseen, seencap;
} cli_inputs;

/* Expands INPUT arguments (files, directories read recursively for
 * .txt/.html/.htm in name order, "-") and the lines of --inputs FILE.
 * A file ending .jsonl holds `extract` lines, read as the articles they
 * were extracted from. A network (GraphML, GEXF, JSON) or a store named
 * as an input is refused with what to do instead (in->refused). */
int cli_inputs_add(cli_inputs *in, const char *arg, int quiet);
int cli_inputs_add_list(cli_inputs *in, const char *listfile, int quiet);
void cli_inputs_free(cli_inputs *in);

/* The largest input read as one article (8 MiB; a report is some KB):
 * larger files are skipped with a message naming them, and counted. */
#define CLI_MAX_ARTICLE_BYTES (8 << 20)

typedef struct {
    wg_read_options read;
    const wg_lexicon *lex;
    int jobs;          /* worker threads; the output does not depend on it */
    int quiet;
    int keep_text;     /* hand each article's normalised text to fn too */
    /* Optional, for a command that only writes each article out: run by the
     * thread that extracted the article, it turns it (and its text) into the
     * bytes to write (malloc'd; NULL when out of memory). That thread then
     * frees the article, and fn gets the bytes as `text` with a NULL
     * article. The writing stays in input order; the work on the article is
     * done where it is in the cache and its memory was allocated. */
    char *(*render)(void *render_ctx, const wg_article *a, const char *text, size_t len);
    void *render_ctx;
} cli_pipeline_options;

/* Called once per article in input order, with its normalised text when
 * the options keep it (else NULL, and for JSONL lines without "text"), or
 * with a NULL article and the bytes opts->render made of it; return < 0 to
 * stop. */
typedef int (*cli_article_fn)(void *ctx, const wg_article *a, const char *text, size_t len);

/* Does the input name JSONL lines of `extract` (a name ending .jsonl)? */
int cli_is_jsonl(const char *path);

typedef struct {
    size_t read, skipped, warnings, failed;
    size_t bytes;
    size_t skipped_by[WG_SKIP_OTHER + 1]; /* skipped inputs by wg_skip_reason */
    size_t not_articles;                  /* files in directories that are not articles */
    size_t not_regular;                   /* FIFOs, sockets, devices met in directories */
    size_t too_large;                     /* inputs over CLI_MAX_ARTICLE_BYTES (also in skipped) */
    size_t bad_lines;                     /* JSONL lines that are no article (also in skipped) */
} cli_summary;

/* Reads, decodes and extracts every input (in parallel), handing the
 * articles to fn in input order. Every skipped input is reported on stderr
 * (even when quiet); warnings too unless quiet, and a progress line when
 * stderr is a terminal and the run takes more than two seconds. */
int cli_pipeline_run(const cli_inputs *in, const cli_pipeline_options *opts,
                     cli_article_fn fn, void *ctx, cli_summary *sum);
void cli_summary_print(const cli_summary *sum);

#endif
