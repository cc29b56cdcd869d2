/* wardgraph rank: centrality of the nodes of a GraphML network. */
#include <getopt.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include "cli/cli.h"
#include "util/util.h"

enum { OPT_BY = 1000, OPT_TYPE, OPT_TOP, OPT_FORMAT, OPT_UNWEIGHTED, OPT_NORMALIZED, OPT_MIN_WEIGHT, OPT_APPROX, OPT_SEED,
       OPT_PER, OPT_SINCE, OPT_UNTIL, OPT_PROVINCE };

/* Labels wider than this are cut with an ellipsis in tables. */
#define LABEL_COLS_MAX 40

/* Exact path-based measures grow as nodes x ties: one shortest-path tree
 * per node. Above this many nodes they take hours; the warning says so. */
#define WARN_NODES 50000
/* Shortest-path steps (node x tie) per second, measured for exact
 * betweenness on a 6,000-node, 24,101-tie graph on a 2-core machine of
 * 2026 (13 s): a rough guide, not a promise. */
#define STEPS_PER_SECOND 1.1e7

static void help(void)
{
    printf("usage: wardgraph rank GRAPH|STORE --by MEASURE [--type TYPE] [--top N] [--format table|tsv|json]\n"
           "                      [--per year|quarter|month] [OPTIONS]\n\n"
           "Ranks the nodes of GRAPH (GraphML written by wardgraph build, or re-saved by\n"
           "Gephi), or of the network of a STORE, highest score first, ties by key.\n\n"
           "  --by MEASURE      degree       distinct neighbours\n"
           "                    strength     sum of tie weights (meetings shared)\n"
           "                    betweenness  shortest paths through the node\n"
           "                    closeness    1 / total distance to the nodes it reaches\n"
           "                    harmonic     sum of 1 / distance to every other node\n"
           "                    pagerank     damping 0.85\n"
           "                    eigenvector  scaled to a maximum of 1\n"
           "                    hub, authority  HITS on the meeting view: each meeting\n"
           "                                 points at what it mentions (meetings are\n"
           "                                 hubs, entities authorities); needs a graph\n"
           "                                 built with --bipartite\n"
           "                    coreness     k-core number (ignores weights)\n"
           "                    clustering   local clustering coefficient (Barrat's\n"
           "                                 weighted form; 0 below two neighbours)\n"
           "  Weights: a tie's weight is the number of meetings it stands for (parallel\n"
           "  edges count once, at their largest weight). strength, pagerank,\n"
           "  eigenvector, hub, authority and clustering use it as a weight; the\n"
           "  path-based measures (betweenness, closeness, harmonic) read a heavier tie\n"
           "  as a SHORTER distance, 1/weight.\n"
           "  --unweighted      every tie weighs 1 (paths count hops)\n"
           "  --min-weight W    leave out ties of fewer than W meetings\n"
           "  --normalized      degree, strength / (n-1); betweenness / ((n-1)(n-2)/2);\n"
           "                    closeness x the number of other nodes reached;\n"
           "                    harmonic / (n-1); the others are already scaled\n"
           "  --approx K        betweenness, closeness, harmonic from K sampled source\n"
           "                    nodes, scaled by n/K (fast on large graphs; the output\n"
           "                    says it is approximate); exact, they warn above %d nodes\n"
           "  --seed N          the sample for --approx (default 1): same N, same result\n"
           "  --type TYPE       only nodes of this type (official, ward, committee,\n"
           "                    project, meeting); scores are computed on the whole graph\n"
           "  --top N           only the first N rows (per period with --per)\n"
           "  --per P           STORE: one ranking per year, quarter or month, each of the\n"
           "                    network of that period's articles alone; rows gain a\n"
           "                    period (\"2024\", \"2024-Q3\", \"2024-07\") and their rank\n"
           "  --since DATE, --until DATE, --province NAME\n"
           "                    STORE: only these articles, as `build` takes them\n"
           "  --format F        table (default, aligned for the terminal), tsv (key,\n"
           "                    label, type, score with a header line) or json\n"
           "  -h, --help        this help\n",
           WARN_NODES);
}

static int is_path_measure(const char *m)
{
    return !strcmp(m, "betweenness") || !strcmp(m, "closeness") || !strcmp(m, "harmonic");
}

/* The bound assumes one component: smaller ones cost less, hence "up to". */
static void warn_if_slow(const wg_graph *g, const wg_rank_options *ro)
{
    size_t n = wg_graph_node_count(g), m = wg_graph_edge_count(g);
    double secs;
    char when[64];
    if (ro->approx || !is_path_measure(ro->measure) || n <= WARN_NODES)
        return;
    secs = (double)n * (double)m / STEPS_PER_SECOND;
    if (secs < 120)
        snprintf(when, sizeof when, "about %.0f seconds", secs < 1 ? 1 : secs);
    else if (secs < 2 * 3600)
        snprintf(when, sizeof when, "about %.0f minutes", secs / 60);
    else
        snprintf(when, sizeof when, "about %.0f hours", secs / 3600);
    cli_error("warning: exact %s on %zu nodes and %zu edges takes time growing as nodes x edges, up to %s on a "
              "2-core machine; --approx K samples K source nodes instead (--approx 256 takes seconds)",
              ro->measure, n, m, when);
}

static size_t prefix_width(const char *s, size_t n)
{
    char *t = wg_i_strndup(s, n);
    size_t w = t ? wg_text_width(t) : n;
    free(t);
    return w;
}

static void print_table(const wg_ranking *r, const char *measure)
{
    size_t lw = 5, tw = 4, sw = strlen(measure);
    char buf[64];
    for (size_t i = 0; i < r->nrows; i++) {
        size_t w = wg_text_width(r->rows[i].label), t = strlen(r->rows[i].type);
        if (w > lw)
            lw = w > LABEL_COLS_MAX ? LABEL_COLS_MAX : w;
        if (t > tw)
            tw = t;
        if ((size_t)snprintf(buf, sizeof buf, "%.6g", r->rows[i].score) > sw)
            sw = strlen(buf);
    }
    printf("%4s  %s%*s  %-*s  %*s\n", "rank", "label", (int)(lw - 5), "", (int)tw, "type", (int)sw, measure);
    for (size_t i = 0; i < r->nrows; i++) {
        const char *l = r->rows[i].label;
        size_t w = wg_text_width(l);
        if (w > lw) {
            size_t cut = wg_text_fit(l, lw - 1);
            printf("%4zu  %.*s…%*s", i + 1, (int)cut, l, (int)(lw - 1 - prefix_width(l, cut)), "");
        } else {
            printf("%4zu  %s%*s", i + 1, l, (int)(lw - w), "");
        }
        printf("  %-*s  %*.6g\n", (int)tw, r->rows[i].type, (int)sw, r->rows[i].score);
    }
}

static void put_number(wg_buf *b, double d)
{
    if (isfinite(d))
        wg_buf_printf(b, "%.17g", d);
    else
        wg_buf_puts(b, "null");
}

static void print_json(const wg_ranking *r, const wg_rank_options *ro)
{
    wg_buf b = WG_BUF_INIT;
    wg_buf_puts(&b, "{\"measure\":");
    wg_json_put_string(&b, ro->measure);
    wg_buf_printf(&b, ",\"weighted\":%s,\"normalized\":%s,\"approximate\":%s", r->weighted ? "true" : "false",
                  ro->normalized ? "true" : "false", r->approximate ? "true" : "false");
    if (r->approximate)
        wg_buf_printf(&b, ",\"sources\":%zu,\"seed\":%lu", r->sources, ro->seed);
    wg_buf_puts(&b, ",\"rows\":[");
    for (size_t i = 0; i < r->nrows; i++) {
        wg_buf_printf(&b, "%s\n {\"rank\":%zu,\"key\":", i ? "," : "", i + 1);
        wg_json_put_string(&b, r->rows[i].key);
        wg_buf_puts(&b, ",\"label\":");
        wg_json_put_string(&b, r->rows[i].label);
        wg_buf_puts(&b, ",\"type\":");
        wg_json_put_string(&b, r->rows[i].type);
        wg_buf_puts(&b, ",\"score\":");
        put_number(&b, r->rows[i].score);
        wg_buf_puts(&b, "}");
    }
    wg_buf_puts(&b, "]}\n");
    if (b.ptr)
        fputs(b.ptr, stdout);
    wg_buf_free(&b);
}

int cmd_rank(int argc, char **argv)
{
    static const struct option longopts[] = {
        {"by", required_argument, NULL, OPT_BY},
        {"type", required_argument, NULL, OPT_TYPE},
        {"top", required_argument, NULL, OPT_TOP},
        {"format", required_argument, NULL, OPT_FORMAT},
        {"unweighted", no_argument, NULL, OPT_UNWEIGHTED},
        {"normalized", no_argument, NULL, OPT_NORMALIZED},
        {"normalised", no_argument, NULL, OPT_NORMALIZED},
        {"min-weight", required_argument, NULL, OPT_MIN_WEIGHT},
        {"approx", required_argument, NULL, OPT_APPROX},
        {"seed", required_argument, NULL, OPT_SEED},
        {"per", required_argument, NULL, OPT_PER},
        {"since", required_argument, NULL, OPT_SINCE},
        {"until", required_argument, NULL, OPT_UNTIL},
        {"province", required_argument, NULL, OPT_PROVINCE},
        {"help", no_argument, NULL, 'h'},
        {NULL, 0, NULL, 0}};
    wg_rank_options ro = WG_RANK_OPTIONS_INIT;
    wg_article_filter filter = WG_ARTICLE_FILTER_INIT;
    wg_filter_counts counts;
    const char *format = "table", *per = NULL;
    wg_graph *g = NULL;
    wg_ranking *r = NULL;
    int opt, by = 0;
    long n;

    optind = 1;
    opterr = 0;
    while ((opt = getopt_long(argc, argv, ":h", longopts, NULL)) != -1) {
        switch (opt) {
        case 'h': help(); return EXIT_OK;
        case OPT_BY: ro.measure = optarg; by = 1; break;
        case OPT_TYPE: ro.type = optarg; break;
        case OPT_TOP:
            if ((n = cli_parse_count(optarg)) < 1)
                return cli_usage("rank ", "invalid --top '%s' (a positive number)", optarg);
            ro.top = (size_t)n;
            break;
        case OPT_FORMAT:
            if (strcmp(optarg, "table") && strcmp(optarg, "tsv") && strcmp(optarg, "json"))
                return cli_usage("rank ", "unknown format '%s' (table, tsv or json)", optarg);
            format = optarg;
            break;
        case OPT_UNWEIGHTED: ro.unweighted = 1; break;
        case OPT_NORMALIZED: ro.normalized = 1; break;
        case OPT_MIN_WEIGHT:
            if (cli_parse_number(optarg, &ro.min_weight) < 0)
                return cli_usage("rank ", "invalid --min-weight '%s' (a number >= 0)", optarg);
            break;
        case OPT_APPROX:
            if ((n = cli_parse_count(optarg)) < 1)
                return cli_usage("rank ", "invalid --approx '%s' (a positive number of sources)", optarg);
            ro.approx = (size_t)n;
            break;
        case OPT_SEED:
            if ((n = cli_parse_count(optarg)) < 0)
                return cli_usage("rank ", "invalid --seed '%s'", optarg);
            ro.seed = (unsigned long)n;
            break;
        case OPT_PER:
            if (strcmp(optarg, "year") && strcmp(optarg, "quarter") && strcmp(optarg, "month"))
                return cli_usage("rank ", "unknown period '%s' (year, quarter or month)", optarg);
            per = optarg;
            break;
        case OPT_SINCE: filter.since = optarg; break;
        case OPT_UNTIL: filter.until = optarg; break;
        case OPT_PROVINCE: filter.province = optarg; break;
        case ':': return cli_usage("rank ", "option '%s' needs a value", argv[optind - 1]);
        default: return cli_usage("rank ", "unknown option '%s'", argv[optind - 1]);
        }
    }
    if (optind + 1 != argc)
        return cli_usage("rank ", optind == argc ? "no GRAPH given" : "one GRAPH only");
    if (!by)
        return cli_usage("rank ", "--by MEASURE is required");
    if (ro.approx && !is_path_measure(ro.measure))
        return cli_usage("rank ", "--approx is for --by betweenness, closeness or harmonic only");
    if ((per || filter.since || filter.until || filter.province) && !wg_store_is_store(argv[optind]))
        return cli_usage("rank ", "--per, --since, --until and --province need a STORE (a GraphML file keeps the "
                         "dates of each tie, not of each meeting): `wardgraph add STORE` the articles");
    if (wg_article_filter_check(&filter) < 0)
        return cli_usage("rank ", "%s", wg_error_last());
    if (per) {
        if (cli_rank_per(argv[optind], per, &filter, &ro, format) < 0) {
            cli_error("%s", wg_error_last());
            return EXIT_FAIL;
        }
        return EXIT_OK;
    }
    if ((wg_store_is_store(argv[optind]) ? cli_read_store_graph(&g, argv[optind], &filter, &counts)
                                         : cli_read_graph(&g, argv[optind])) == 0)
        warn_if_slow(g, &ro);
    if (!g || wg_rank(&r, g, &ro) < 0) {
        cli_error("%s", wg_error_last());
        wg_graph_free(g);
        return EXIT_FAIL;
    }
    if (strcmp(format, "tsv") == 0) {
        printf("key\tlabel\ttype\tscore\n");
        for (size_t i = 0; i < r->nrows; i++)
            printf("%s\t%s\t%s\t%.17g\n", r->rows[i].key, r->rows[i].label, r->rows[i].type, r->rows[i].score);
        if (r->approximate)
            cli_error("note: approximate %s, from %zu sampled sources of %zu (seed %lu)", ro.measure, r->sources,
                      wg_graph_node_count(g), ro.seed);
    } else if (strcmp(format, "json") == 0) {
        print_json(r, &ro);
    } else {
        print_table(r, ro.measure);
        if (r->approximate)
            printf("(approximate: %s from %zu sampled sources of %zu, seed %lu)\n", ro.measure, r->sources,
                   wg_graph_node_count(g), ro.seed);
    }
    wg_ranking_free(r);
    wg_graph_free(g);
    return EXIT_OK;
}
