/* wardgraph neighbors: who a node meets, and who they meet in turn. */
#include <getopt.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include "cli/cli.h"
#include "util/util.h"

enum { OPT_DEPTH = 1000, OPT_MIN_WEIGHT, OPT_TYPE, OPT_FORMAT };

static void help(void)
{
    printf("usage: wardgraph neighbors GRAPH NAME [--depth K] [OPTIONS]\n\n"
           "Lists the nodes within K hops of NAME, nearest first, then by the weight\n"
           "(meetings shared) of the tie that reaches them, with the node they are\n"
           "reached through. NAME is a key or a label, matched case- and\n"
           "accent-insensitively ('to thi bich chau' finds 'Tô Thị Bích Châu').\n\n"
           "  --depth K         hops (default 1)\n"
           "  --min-weight W    leave out ties of fewer than W meetings\n"
           "  --type TYPE       only list nodes of this type (paths may pass through others)\n"
           "  --format F        table (default), tsv (depth, key, label, type, weight, via)\n"
           "                    or json\n"
           "  -h, --help        this help\n");
}

static size_t prefix_width(const char *s, size_t n)
{
    char *t = wg_i_strndup(s, n);
    size_t w = t ? wg_text_width(t) : n;
    free(t);
    return w;
}

/* `s` in exactly `cols` columns: cut with an ellipsis or padded. */
static void put_cell(const char *s, size_t cols)
{
    size_t w = wg_text_width(s);
    if (w > cols) {
        size_t cut = wg_text_fit(s, cols - 1);
        printf("%.*s…%*s", (int)cut, s, (int)(cols - 1 - prefix_width(s, cut)), "");
    } else {
        printf("%s%*s", s, (int)(cols - w), "");
    }
}

int cmd_neighbors(int argc, char **argv)
{
    static const struct option longopts[] = {
        {"depth", required_argument, NULL, OPT_DEPTH},
        {"min-weight", required_argument, NULL, OPT_MIN_WEIGHT},
        {"type", required_argument, NULL, OPT_TYPE},
        {"format", required_argument, NULL, OPT_FORMAT},
        {"help", no_argument, NULL, 'h'},
        {NULL, 0, NULL, 0}};
    const char *format = "table", *type = NULL;
    size_t depth = 1, node = 0, nn = 0, shown = 0, lw = 5, tw = 4;
    double min_weight = 0;
    wg_neighbor *nb = NULL;
    wg_graph *g = NULL;
    wg_buf b = WG_BUF_INIT;
    int opt, rc = EXIT_OK;
    long n;

    optind = 1;
    opterr = 0;
    while ((opt = getopt_long(argc, argv, ":h", longopts, NULL)) != -1) {
        switch (opt) {
        case 'h': help(); return EXIT_OK;
        case OPT_DEPTH:
            if ((n = cli_parse_count(optarg)) < 1)
                return cli_usage("neighbors ", "invalid --depth '%s' (a positive number)", optarg);
            depth = (size_t)n;
            break;
        case OPT_MIN_WEIGHT:
            if (cli_parse_number(optarg, &min_weight) < 0)
                return cli_usage("neighbors ", "invalid --min-weight '%s' (a number >= 0)", optarg);
            break;
        case OPT_TYPE: type = optarg; break;
        case OPT_FORMAT:
            if (strcmp(optarg, "table") && strcmp(optarg, "tsv") && strcmp(optarg, "json"))
                return cli_usage("neighbors ", "unknown format '%s' (table, tsv or json)", optarg);
            format = optarg;
            break;
        case ':': return cli_usage("neighbors ", "option '%s' needs a value", argv[optind - 1]);
        default: return cli_usage("neighbors ", "unknown option '%s'", argv[optind - 1]);
        }
    }
    if (optind + 2 != argc)
        return cli_usage("neighbors ", optind == argc ? "no GRAPH given"
                                       : optind + 1 == argc ? "no NAME given" : "GRAPH and one NAME only");
    if (cli_read_graph(&g, argv[optind]) < 0 || wg_graph_find_node(g, argv[optind + 1], &node) < 0 ||
        wg_graph_neighbors(&nb, &nn, g, node, depth, min_weight) < 0) {
        cli_error("%s", wg_error_last());
        rc = EXIT_FAIL;
        goto done;
    }
    for (size_t i = 0; i < nn; i++) {
        size_t w = wg_text_width(wg_graph_node_label(g, nb[i].node)), t = strlen(wg_graph_node_type(g, nb[i].node));
        if (type && strcmp(type, wg_graph_node_type(g, nb[i].node)) != 0)
            continue;
        shown++;
        lw = w > lw ? (w > 40 ? 40 : w) : lw;
        tw = t > tw ? t : tw;
    }
    if (strcmp(format, "tsv") == 0) {
        printf("depth\tkey\tlabel\ttype\tweight\tvia\n");
        for (size_t i = 0; i < nn; i++)
            if (!type || strcmp(type, wg_graph_node_type(g, nb[i].node)) == 0)
                printf("%zu\t%s\t%s\t%s\t%.17g\t%s\n", nb[i].depth, wg_graph_node_key(g, nb[i].node),
                       wg_graph_node_label(g, nb[i].node), wg_graph_node_type(g, nb[i].node), nb[i].weight,
                       wg_graph_node_key(g, nb[i].via));
    } else if (strcmp(format, "json") == 0) {
        wg_buf_puts(&b, "{\"node\":");
        wg_json_put_string(&b, wg_graph_node_key(g, node));
        wg_buf_printf(&b, ",\"depth\":%zu,\"neighbors\":[", depth);
        for (size_t i = 0, k = 0; i < nn; i++) {
            if (type && strcmp(type, wg_graph_node_type(g, nb[i].node)) != 0)
                continue;
            wg_buf_printf(&b, "%s\n {\"depth\":%zu,\"key\":", k++ ? "," : "", nb[i].depth);
            wg_json_put_string(&b, wg_graph_node_key(g, nb[i].node));
            wg_buf_puts(&b, ",\"label\":");
            wg_json_put_string(&b, wg_graph_node_label(g, nb[i].node));
            wg_buf_puts(&b, ",\"type\":");
            wg_json_put_string(&b, wg_graph_node_type(g, nb[i].node));
            wg_buf_printf(&b, ",\"weight\":%.17g,\"via\":", nb[i].weight);
            wg_json_put_string(&b, wg_graph_node_key(g, nb[i].via));
            wg_buf_puts(&b, "}");
        }
        wg_buf_puts(&b, "]}\n");
        if (b.ptr)
            fputs(b.ptr, stdout);
    } else {
        printf("%s (%s): %zu node%s within %zu hop%s\n", wg_graph_node_label(g, node), wg_graph_node_key(g, node),
               shown, shown == 1 ? "" : "s", depth, depth == 1 ? "" : "s");
        if (shown) {
            printf("depth  ");
            put_cell("label", lw);
            printf("  %-*s  weight", (int)tw, "type");
            if (depth > 1)
                printf("  via");
            putchar('\n');
        }
        for (size_t i = 0; i < nn; i++) {
            if (type && strcmp(type, wg_graph_node_type(g, nb[i].node)) != 0)
                continue;
            printf("%5zu  ", nb[i].depth);
            put_cell(wg_graph_node_label(g, nb[i].node), lw);
            printf("  %-*s  %6g", (int)tw, wg_graph_node_type(g, nb[i].node), nb[i].weight);
            if (nb[i].depth > 1)
                printf("  %s", wg_graph_node_label(g, nb[i].via));
            putchar('\n');
        }
    }
done:
    wg_buf_free(&b);
    free(nb);
    wg_graph_free(g);
    return rc;
}
