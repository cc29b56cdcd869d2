/* wardgraph communities: groups of nodes that meet more among themselves. */
#include <getopt.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include "cli/cli.h"
#include "util/util.h"

enum { OPT_METHOD = 1000, OPT_RESOLUTION, OPT_SEED, OPT_UNWEIGHTED, OPT_MIN_WEIGHT, OPT_MEMBERS, OPT_TOP, OPT_FORMAT, OPT_WRITE };

static void help(void)
{
    printf("usage: wardgraph communities GRAPH [--method leiden|louvain] [--resolution R]\n"
           "                             [--seed N] [--members M] [--write FILE] [OPTIONS]\n\n"
           "Splits GRAPH into communities that maximise modularity and lists each with\n"
           "its most central members (highest strength: meetings shared). Communities\n"
           "are numbered from 0, largest first; the same seed gives the same result.\n\n"
           "  --method M        leiden (default) or louvain\n"
           "  --resolution R    above 1: more, smaller communities (default 1)\n"
           "  --seed N          random seed (default 1)\n"
           "  --unweighted      every tie weighs 1\n"
           "  --min-weight W    leave out ties of fewer than W meetings\n"
           "  --members M       members listed per community (default 5; 0: all)\n"
           "  --top N           only the N largest communities\n"
           "  --format F        table (default), tsv (one row per node: key, label, type,\n"
           "                    community, strength) or json\n"
           "  --write FILE      also write GRAPH with a node attribute 'community' as\n"
           "                    GraphML (in Gephi: Appearance > Partition > community)\n"
           "  -h, --help        this help\n");
}

static void print_table(const wg_graph *g, const wg_communities *c, const wg_community_options *co, size_t top,
                        size_t members)
{
    size_t shown = 0, singles = 0;
    printf("%zu communities (%s, resolution %g, seed %lu), modularity %.4f\n", c->ncommunities, co->method,
           co->resolution, co->seed, c->modularity);
    for (size_t k = 0; k < c->ncommunities; k++) {
        size_t lim = members && members < c->size[k] ? members : c->size[k];
        if (c->size[k] == 1) {
            singles++;
            continue;
        }
        if (top && shown >= top)
            continue;
        shown++;
        printf("\ncommunity %zu: %zu nodes\n", k, c->size[k]);
        for (size_t i = 0; i < lim; i++) {
            size_t v = c->members[k][i];
            printf("  %s (%s, %g)\n", wg_graph_node_label(g, v), wg_graph_node_type(g, v), c->strength[v]);
        }
        if (lim < c->size[k])
            printf("  … and %zu more\n", c->size[k] - lim);
    }
    if (singles)
        printf("\n%zu node%s alone in a community of one%s\n", singles, singles == 1 ? "" : "s",
               singles == 1 ? "" : " each");
}

static void print_json(const wg_graph *g, const wg_communities *c, const wg_community_options *co, size_t top,
                       size_t members)
{
    wg_buf b = WG_BUF_INIT;
    wg_buf_puts(&b, "{\"method\":");
    wg_json_put_string(&b, co->method);
    wg_buf_printf(&b, ",\"resolution\":%.17g,\"seed\":%lu,\"modularity\":", co->resolution, co->seed);
    if (isfinite(c->modularity))
        wg_buf_printf(&b, "%.17g", c->modularity);
    else
        wg_buf_puts(&b, "null");
    wg_buf_printf(&b, ",\"count\":%zu,\"communities\":[", c->ncommunities);
    for (size_t k = 0; k < c->ncommunities && (!top || k < top); k++) {
        size_t lim = members && members < c->size[k] ? members : c->size[k];
        wg_buf_printf(&b, "%s\n {\"community\":%zu,\"size\":%zu,\"members\":[", k ? "," : "", k, c->size[k]);
        for (size_t i = 0; i < lim; i++) {
            size_t v = c->members[k][i];
            wg_buf_puts(&b, i ? ",{\"key\":" : "{\"key\":");
            wg_json_put_string(&b, wg_graph_node_key(g, v));
            wg_buf_puts(&b, ",\"label\":");
            wg_json_put_string(&b, wg_graph_node_label(g, v));
            wg_buf_puts(&b, ",\"type\":");
            wg_json_put_string(&b, wg_graph_node_type(g, v));
            wg_buf_printf(&b, ",\"strength\":%.17g}", c->strength[v]);
        }
        wg_buf_puts(&b, "]}");
    }
    wg_buf_puts(&b, "]}\n");
    if (b.ptr)
        fputs(b.ptr, stdout);
    wg_buf_free(&b);
}

int cmd_communities(int argc, char **argv)
{
    static const struct option longopts[] = {
        {"method", required_argument, NULL, OPT_METHOD},
        {"resolution", required_argument, NULL, OPT_RESOLUTION},
        {"seed", required_argument, NULL, OPT_SEED},
        {"unweighted", no_argument, NULL, OPT_UNWEIGHTED},
        {"min-weight", required_argument, NULL, OPT_MIN_WEIGHT},
        {"members", required_argument, NULL, OPT_MEMBERS},
        {"top", required_argument, NULL, OPT_TOP},
        {"format", required_argument, NULL, OPT_FORMAT},
        {"write", required_argument, NULL, OPT_WRITE},
        {"help", no_argument, NULL, 'h'},
        {NULL, 0, NULL, 0}};
    wg_community_options co = WG_COMMUNITY_OPTIONS_INIT;
    const char *format = "table", *write = NULL;
    size_t top = 0, members = 5;
    wg_graph *g = NULL;
    wg_communities *c = NULL;
    int opt, rc = EXIT_OK;
    long n;

    optind = 1;
    opterr = 0;
    while ((opt = getopt_long(argc, argv, ":h", longopts, NULL)) != -1) {
        switch (opt) {
        case 'h': help(); return EXIT_OK;
        case OPT_METHOD:
            if (strcmp(optarg, "leiden") && strcmp(optarg, "louvain"))
                return cli_usage("communities ", "unknown method '%s' (leiden or louvain)", optarg);
            co.method = optarg;
            break;
        case OPT_RESOLUTION:
            if (cli_parse_number(optarg, &co.resolution) < 0 || co.resolution == 0)
                return cli_usage("communities ", "invalid --resolution '%s' (a number > 0)", optarg);
            break;
        case OPT_SEED:
            if ((n = cli_parse_count(optarg)) < 0)
                return cli_usage("communities ", "invalid --seed '%s'", optarg);
            co.seed = (unsigned long)n;
            break;
        case OPT_UNWEIGHTED: co.unweighted = 1; break;
        case OPT_MIN_WEIGHT:
            if (cli_parse_number(optarg, &co.min_weight) < 0)
                return cli_usage("communities ", "invalid --min-weight '%s' (a number >= 0)", optarg);
            break;
        case OPT_MEMBERS:
            if ((n = cli_parse_count(optarg)) < 0)
                return cli_usage("communities ", "invalid --members '%s'", optarg);
            members = (size_t)n;
            break;
        case OPT_TOP:
            if ((n = cli_parse_count(optarg)) < 1)
                return cli_usage("communities ", "invalid --top '%s' (a positive number)", optarg);
            top = (size_t)n;
            break;
        case OPT_FORMAT:
            if (strcmp(optarg, "table") && strcmp(optarg, "tsv") && strcmp(optarg, "json"))
                return cli_usage("communities ", "unknown format '%s' (table, tsv or json)", optarg);
            format = optarg;
            break;
        case OPT_WRITE: write = optarg; break;
        case ':': return cli_usage("communities ", "option '%s' needs a value", argv[optind - 1]);
        default: return cli_usage("communities ", "unknown option '%s'", argv[optind - 1]);
        }
    }
    if (optind + 1 != argc)
        return cli_usage("communities ", optind == argc ? "no GRAPH given" : "one GRAPH only");
    if (cli_read_graph(&g, argv[optind]) < 0 || wg_communities_find(&c, g, &co) < 0 ||
        (write && (wg_graph_set_communities(g, c) < 0 || wg_graph_write(g, write, WG_FORMAT_GRAPHML) < 0))) {
        cli_error("%s", wg_error_last());
        rc = EXIT_FAIL;
        goto done;
    }
    if (strcmp(format, "tsv") == 0) {
        printf("key\tlabel\ttype\tcommunity\tstrength\n");
        for (size_t k = 0; k < c->ncommunities && (!top || k < top); k++)
            for (size_t i = 0; i < c->size[k]; i++) {
                size_t v = c->members[k][i];
                printf("%s\t%s\t%s\t%zu\t%.17g\n", wg_graph_node_key(g, v), wg_graph_node_label(g, v),
                       wg_graph_node_type(g, v), k, c->strength[v]);
            }
    } else if (strcmp(format, "json") == 0) {
        print_json(g, c, &co, top, members);
    } else {
        print_table(g, c, &co, top, members);
    }
    if (write)
        fprintf(stderr, "wardgraph: wrote %s with a 'community' node attribute\n", write);
done:
    wg_communities_free(c);
    wg_graph_free(g);
    return rc;
}
