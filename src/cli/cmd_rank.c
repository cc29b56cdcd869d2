/* wardgraph rank: centrality of the nodes of a GraphML network. */
#include <getopt.h>
#include <string.h>
#include "cli/cli.h"
#include "util/util.h"

enum { OPT_BY = 1000, OPT_TYPE, OPT_TOP, OPT_FORMAT, OPT_UNWEIGHTED, OPT_NORMALIZED, OPT_MIN_WEIGHT, OPT_APPROX };

static void help(void)
{
    printf("usage: wardgraph rank GRAPH --by MEASURE [--type TYPE] [--top N] [--format table|tsv|json]\n\n"
           "Ranks the nodes of GRAPH (GraphML written by wardgraph build, or re-saved by\n"
           "Gephi), highest score first.\n\n"
           "  --by MEASURE      degree, betweenness, pagerank\n"
           "                    Weighted where the measure allows; for path-based measures\n"
           "                    a heavier tie is a shorter distance (1/weight).\n"
           "  --unweighted      ignore edge weights\n"
           "  --type TYPE       only official, ward, committee or project nodes\n"
           "  --top N           only the first N rows\n"
           "  --format F        table (default), tsv (key label type score) or json\n"
           "  -h, --help        this help\n");
}

int cmd_rank(int argc, char **argv)
{
    static const struct option longopts[] = {
        {"by", required_argument, NULL, OPT_BY},
        {"type", required_argument, NULL, OPT_TYPE},
        {"top", required_argument, NULL, OPT_TOP},
        {"format", required_argument, NULL, OPT_FORMAT},
        {"unweighted", no_argument, NULL, OPT_UNWEIGHTED},
        {"help", no_argument, NULL, 'h'},
        {NULL, 0, NULL, 0}};
    wg_rank_options ro = WG_RANK_OPTIONS_INIT;
    const char *format = "table";
    wg_graph *g = NULL;
    wg_ranking *r = NULL;
    int opt, by = 0;

    optind = 1;
    opterr = 0;
    while ((opt = getopt_long(argc, argv, ":h", longopts, NULL)) != -1) {
        switch (opt) {
        case 'h': help(); return EXIT_OK;
        case OPT_BY: ro.measure = optarg; by = 1; break;
        case OPT_TYPE: ro.type = optarg; break;
        case OPT_TOP: {
            long n = cli_parse_count(optarg);
            if (n < 1)
                return cli_usage("rank ", "invalid --top '%s'", optarg);
            ro.top = (size_t)n;
            break;
        }
        case OPT_FORMAT:
            if (strcmp(optarg, "table") && strcmp(optarg, "tsv") && strcmp(optarg, "json"))
                return cli_usage("rank ", "unknown format '%s' (table, tsv or json)", optarg);
            format = optarg;
            break;
        case OPT_UNWEIGHTED: ro.unweighted = 1; break;
        case ':': return cli_usage("rank ", "option '%s' needs a value", argv[optind - 1]);
        default: return cli_usage("rank ", "unknown option '%s'", argv[optind - 1]);
        }
    }
    if (optind + 1 != argc)
        return cli_usage("rank ", optind == argc ? "no GRAPH given" : "one GRAPH only");
    if (!by)
        return cli_usage("rank ", "--by MEASURE is required");
    if (wg_graph_read_graphml(&g, argv[optind]) < 0 || wg_rank(&r, g, &ro) < 0) {
        cli_error("%s", wg_error_last());
        wg_graph_free(g);
        return EXIT_FAIL;
    }
    if (strcmp(format, "tsv") == 0) {
        printf("key\tlabel\ttype\tscore\n");
        for (size_t i = 0; i < r->nrows; i++)
            printf("%s\t%s\t%s\t%.17g\n", r->rows[i].key, r->rows[i].label, r->rows[i].type, r->rows[i].score);
    } else if (strcmp(format, "json") == 0) {
        wg_buf b = WG_BUF_INIT;
        wg_buf_puts(&b, "[");
        for (size_t i = 0; i < r->nrows; i++) {
            wg_buf_puts(&b, i ? ",\n {\"key\":" : "{\"key\":");
            wg_json_put_string(&b, r->rows[i].key);
            wg_buf_puts(&b, ",\"label\":");
            wg_json_put_string(&b, r->rows[i].label);
            wg_buf_puts(&b, ",\"type\":");
            wg_json_put_string(&b, r->rows[i].type);
            wg_buf_printf(&b, ",\"score\":%.17g}", r->rows[i].score);
        }
        wg_buf_puts(&b, "]\n");
        fputs(b.ptr, stdout);
        wg_buf_free(&b);
    } else {
        printf("%4s  %-32s %-10s %12s\n", "rank", "label", "type", ro.measure);
        for (size_t i = 0; i < r->nrows; i++)
            printf("%4zu  %-32s %-10s %12.6g\n", i + 1, r->rows[i].label, r->rows[i].type, r->rows[i].score);
    }
    wg_ranking_free(r);
    wg_graph_free(g);
    return EXIT_OK;
}
