/* wardgraph view: the network as one HTML page that draws it, for a reader
 * without Gephi. */
#include <getopt.h>
#include <string.h>
#include "cli/cli.h"
#include "util/util.h"

enum { OPT_TITLE = 1000 };

static void help(void)
{
    printf("usage: wardgraph view GRAPH [-o FILE.html] [--title TEXT]\n\n"
           "Writes one self-contained HTML page (its data and code inside, nothing\n"
           "fetched) that draws the network with its layout (x, y), nodes coloured by\n"
           "type and sized by mentions. Pan and zoom; hover or click a node for its\n"
           "label, type, titles, mentions and meetings; search names with or without\n"
           "accents; filter by type, minimum weight and meeting dates.\n\n"
           "  -o, --output FILE where to write (default: standard output)\n"
           "  --title TEXT      the page's title (default: GRAPH's name)\n"
           "  -h, --help        this help\n");
}

/* "exports/seeds.graphml" -> "seeds" */
static char *base_name(const char *path)
{
    const char *slash = strrchr(path, '/'), *b = slash ? slash + 1 : path, *dot = strrchr(b, '.');
    return wg_i_strndup(b, dot && dot > b ? (size_t)(dot - b) : strlen(b));
}

int cmd_view(int argc, char **argv)
{
    static const struct option longopts[] = {
        {"output", required_argument, NULL, 'o'},
        {"title", required_argument, NULL, OPT_TITLE},
        {"help", no_argument, NULL, 'h'},
        {NULL, 0, NULL, 0}};
    wg_write_options wo = WG_WRITE_OPTIONS_INIT;
    const char *output = NULL, *title = NULL;
    char *name = NULL;
    wg_graph *g = NULL;
    int opt, rc = EXIT_OK;

    optind = 1;
    opterr = 0;
    while ((opt = getopt_long(argc, argv, ":ho:", longopts, NULL)) != -1) {
        switch (opt) {
        case 'h': help(); return EXIT_OK;
        case 'o': output = optarg; break;
        case OPT_TITLE: title = optarg; break;
        case ':': return cli_usage("view ", "option '%s' needs a value", argv[optind - 1]);
        default: return cli_usage("view ", "unknown option '%s'", argv[optind - 1]);
        }
    }
    if (optind + 1 != argc)
        return cli_usage("view ", optind == argc ? "no GRAPH given" : "one GRAPH only");
    if (!title && (title = name = base_name(argv[optind])) == NULL) {
        cli_error("out of memory");
        return EXIT_FAIL;
    }
    wo.title = title;
    if (wg_graph_read_graphml(&g, argv[optind]) < 0 ||
        (output ? wg_graph_write_opts(g, output, WG_FORMAT_HTML, &wo)
                : wg_graph_write_stream_opts(g, stdout, WG_FORMAT_HTML, &wo)) < 0) {
        cli_error("%s", wg_error_last());
        rc = EXIT_FAIL;
    } else if (output) {
        fprintf(stderr, "wardgraph: wrote %s: %zu nodes, %zu edges\n", output, wg_graph_node_count(g),
                wg_graph_edge_count(g));
    }
    wg_graph_free(g);
    free(name);
    return rc;
}
