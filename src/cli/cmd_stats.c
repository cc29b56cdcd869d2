/* wardgraph stats: what a network holds and how it hangs together. */
#include <getopt.h>
#include <string.h>
#include "cli/cli.h"
#include "util/util.h"

enum { OPT_FORMAT = 1000 };

static void help(void)
{
    printf("usage: wardgraph stats GRAPH [--format table|json]\n\n"
           "Nodes by type and edges by relation (an edge with several relations\n"
           "counts under each), connected components, density (ties over node\n"
           "pairs; parallel edges between two nodes are one tie, and an edge of\n"
           "typed relations only, holds_title_in, committee_of or cites with no\n"
           "meeting, is none), the\n"
           "diameter of the largest component in hops (a lower bound, marked '>=',\n"
           "above 20000 nodes) and the three nodes of highest degree.\n\n"
           "  --format F        table (default) or json\n"
           "  -h, --help        this help\n");
}

static void json_counts(wg_buf *b, const wg_count *c, size_t n)
{
    wg_buf_putc(b, '{');
    for (size_t i = 0; i < n; i++) {
        if (i)
            wg_buf_putc(b, ',');
        wg_json_put_string(b, c[i].name);
        wg_buf_printf(b, ":%zu", c[i].count);
    }
    wg_buf_putc(b, '}');
}

int cmd_stats(int argc, char **argv)
{
    static const struct option longopts[] = {
        {"format", required_argument, NULL, OPT_FORMAT},
        {"help", no_argument, NULL, 'h'},
        {NULL, 0, NULL, 0}};
    const char *format = "table";
    wg_graph *g = NULL;
    wg_stats *s = NULL;
    int opt;

    optind = 1;
    opterr = 0;
    while ((opt = getopt_long(argc, argv, ":h", longopts, NULL)) != -1) {
        switch (opt) {
        case 'h': help(); return EXIT_OK;
        case OPT_FORMAT:
            if (strcmp(optarg, "table") && strcmp(optarg, "json"))
                return cli_usage("stats ", "unknown format '%s' (table or json)", optarg);
            format = optarg;
            break;
        case ':': return cli_usage("stats ", "option '%s' needs a value", argv[optind - 1]);
        default: return cli_usage("stats ", "unknown option '%s'", argv[optind - 1]);
        }
    }
    if (optind + 1 != argc)
        return cli_usage("stats ", optind == argc ? "no GRAPH given" : "one GRAPH only");
    if (cli_read_graph(&g, argv[optind]) < 0 || wg_graph_stats(&s, g) < 0) {
        cli_error("%s", wg_error_last());
        wg_graph_free(g);
        return EXIT_FAIL;
    }
    if (strcmp(format, "json") == 0) {
        wg_buf b = WG_BUF_INIT;
        wg_buf_printf(&b, "{\"nodes\":%zu,\"edges\":%zu,\"ties\":%zu,\"node_types\":", s->nodes, s->edges, s->ties);
        json_counts(&b, s->node_types, s->nnode_types);
        wg_buf_puts(&b, ",\"edge_relations\":");
        json_counts(&b, s->edge_relations, s->nedge_relations);
        wg_buf_printf(&b, ",\"components\":%zu,\"isolated\":%zu,\"giant_nodes\":%zu,\"giant_ties\":%zu,"
                          "\"density\":%.17g,\"mean_degree\":%.17g,\"diameter\":%zu,\"diameter_exact\":%s",
                      s->components, s->isolated, s->giant_nodes, s->giant_ties, s->density, s->mean_degree,
                      s->diameter, s->diameter_exact ? "true" : "false");
        if (s->giant_nodes) {
            wg_buf_puts(&b, ",\"diameter_ends\":[");
            wg_json_put_string(&b, wg_graph_node_key(g, s->diameter_from));
            wg_buf_putc(&b, ',');
            wg_json_put_string(&b, wg_graph_node_key(g, s->diameter_to));
            wg_buf_putc(&b, ']');
        }
        wg_buf_puts(&b, ",\"top_degree\":[");
        for (size_t i = 0; i < s->ntop; i++) {
            wg_buf_puts(&b, i ? ",{\"key\":" : "{\"key\":");
            wg_json_put_string(&b, wg_graph_node_key(g, s->top[i]));
            wg_buf_puts(&b, ",\"label\":");
            wg_json_put_string(&b, wg_graph_node_label(g, s->top[i]));
            wg_buf_printf(&b, ",\"degree\":%zu}", s->top_degree[i]);
        }
        wg_buf_puts(&b, "]}\n");
        if (b.ptr)
            fputs(b.ptr, stdout);
        wg_buf_free(&b);
    } else {
        printf("%s\n", argv[optind]);
        printf("  nodes       %zu:", s->nodes);
        for (size_t i = 0; i < s->nnode_types; i++)
            printf("%s %zu %s", i ? "," : "", s->node_types[i].count, s->node_types[i].name);
        printf("\n  edges       %zu", s->edges);
        for (size_t i = 0; i < s->nedge_relations; i++)
            printf("%s %zu %s", i ? "," : ":", s->edge_relations[i].count, s->edge_relations[i].name);
        printf("\n  ties        %zu (node pairs that met: typed-only edges are no tie)\n", s->ties);
        printf("  components  %zu (largest: %zu nodes, %zu ties; %zu isolated node%s)\n", s->components,
               s->giant_nodes, s->giant_ties, s->isolated, s->isolated == 1 ? "" : "s");
        printf("  density     %.4g (mean degree %.3g)\n", s->density, s->mean_degree);
        if (s->giant_nodes)
            printf("  diameter    %s%zu hops in the largest component (%s … %s)\n", s->diameter_exact ? "" : ">= ",
                   s->diameter, wg_graph_node_label(g, s->diameter_from), wg_graph_node_label(g, s->diameter_to));
        printf("  top degree ");
        for (size_t i = 0; i < s->ntop; i++)
            printf("%s %s (%zu)", i ? "," : "", wg_graph_node_label(g, s->top[i]), s->top_degree[i]);
        putchar('\n');
    }
    wg_stats_free(s);
    wg_graph_free(g);
    return EXIT_OK;
}
