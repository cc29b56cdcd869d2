/* wardgraph ego: one node's neighbourhood as a GraphML file of its own. */
#include <getopt.h>
#include <string.h>
#include "cli/cli.h"

enum { OPT_DEPTH = 1000 };

static void help(void)
{
    printf("usage: wardgraph ego GRAPH NAME [--depth K] -o FILE\n\n"
           "Writes the ego network of NAME, every node within K hops and every edge\n"
           "among them with all their attributes, as GraphML for Gephi. NAME is a key\n"
           "or a label, matched case- and accent-insensitively.\n\n"
           "  --depth K         hops (default 1)\n"
           "  -o, --output FILE where to write (required)\n"
           "  -h, --help        this help\n");
}

int cmd_ego(int argc, char **argv)
{
    static const struct option longopts[] = {
        {"depth", required_argument, NULL, OPT_DEPTH},
        {"output", required_argument, NULL, 'o'},
        {"help", no_argument, NULL, 'h'},
        {NULL, 0, NULL, 0}};
    const char *output = NULL;
    size_t depth = 1, node = 0;
    wg_graph *g = NULL, *ego = NULL;
    int opt, rc = EXIT_OK;
    long n;

    optind = 1;
    opterr = 0;
    while ((opt = getopt_long(argc, argv, ":ho:", longopts, NULL)) != -1) {
        switch (opt) {
        case 'h': help(); return EXIT_OK;
        case 'o': output = optarg; break;
        case OPT_DEPTH:
            if ((n = cli_parse_count(optarg)) < 1)
                return cli_usage("ego ", "invalid --depth '%s' (a positive number)", optarg);
            depth = (size_t)n;
            break;
        case ':': return cli_usage("ego ", "option '%s' needs a value", argv[optind - 1]);
        default: return cli_usage("ego ", "unknown option '%s'", argv[optind - 1]);
        }
    }
    if (optind + 2 != argc)
        return cli_usage("ego ", optind == argc ? "no GRAPH given"
                                 : optind + 1 == argc ? "no NAME given" : "GRAPH and one NAME only");
    if (!output)
        return cli_usage("ego ", "-o FILE is required");
    if (cli_read_graph(&g, argv[optind]) < 0 || wg_graph_find_node(g, argv[optind + 1], &node) < 0 ||
        wg_graph_ego(&ego, g, node, depth) < 0 || wg_graph_write(ego, output, WG_FORMAT_GRAPHML) < 0) {
        cli_error("%s", wg_error_last());
        rc = EXIT_FAIL;
    } else {
        fprintf(stderr, "wardgraph: wrote %s: ego network of %s within %zu hop%s, %zu nodes, %zu edges\n", output,
                wg_graph_node_label(g, node), depth, depth == 1 ? "" : "s", wg_graph_node_count(ego),
                wg_graph_edge_count(ego));
    }
    wg_graph_free(ego);
    wg_graph_free(g);
    return rc;
}
