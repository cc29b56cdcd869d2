/* wardgraph build: articles -> meeting network -> GraphML/GEXF/CSV/JSON. */
#include <getopt.h>
#include <string.h>
#include "cli/common.h"
#include "util/util.h"

enum {
    OPT_FORMAT = OPT_FIRST_COMMAND_SPECIFIC,
    OPT_ALL_FORMATS,
    OPT_WINDOW,
    OPT_MIN_WEIGHT,
    OPT_BIPARTITE,
    OPT_NO_RELATIONS,
    OPT_NO_LAYOUT,
    OPT_ALIASES,
    OPT_REPORT,
    OPT_PRESENCE,
    OPT_WEIGHT,
    OPT_KIND,
    OPT_KEEP_DUPLICATES,
    OPT_GEXF_VERSION,
    OPT_SINCE,
    OPT_UNTIL,
    OPT_PROVINCE
};

static const char *const format_ext[] = {".graphml", ".gexf", ".csv", ".json"};

/* The graph and the articles the filter left out, for the summary. */
typedef struct {
    wg_graph *g;
    const wg_article_filter *filter;
    wg_filter_counts counts;
} build_ctx;

static int add(void *p, const wg_article *a, const char *text, size_t len)
{
    build_ctx *c = p;
    switch (wg_article_filter_match(c->filter, a)) {
    case WG_FILTER_IN: c->counts.in++; return wg_graph_add_article(c->g, a);
    case WG_FILTER_OUTSIDE: c->counts.outside++; return 0;
    case WG_FILTER_UNDATED: c->counts.undated++; return 0;
    case WG_FILTER_OTHER_PROVINCE: c->counts.other_province++; return 0;
    }
    return 0;
}

static int add_stored(void *g, const wg_article *a) { return wg_graph_add_article(g, a); }

/* "kept 12 of 40 articles: 20 outside 2023-01-01..2023-12-31, 8 without a year" */
static void print_filtered(const wg_article_filter *f, const wg_filter_counts *n)
{
    size_t total = n->in + n->outside + n->undated + n->other_province;
    if (!f->since && !f->until && !f->province)
        return;
    fprintf(stderr, "wardgraph: kept %zu of %zu articles", n->in, total);
    if (f->since || f->until)
        fprintf(stderr, "; %zu outside %s..%s, %zu without a year (outside every window)", n->outside,
                f->since ? f->since : "", f->until ? f->until : "", n->undated);
    if (f->province)
        fprintf(stderr, "; %zu of another province than %s", n->other_province, f->province);
    fputc('\n', stderr);
}

/* Reads the articles of `path`, a store, into the graph. */
static int build_from_store(const char *path, build_ctx *c)
{
    wg_store *s;
    int err = wg_store_open(&s, path, WG_STORE_READ);
    if (err == 0)
        err = wg_store_each(s, c->filter, add_stored, c->g, &c->counts);
    wg_store_close(s);
    return err;
}

static void help(void)
{
    printf("usage: wardgraph build [-o FILE] [--format graphml|gexf|csv|json] [--all-formats]\n"
           "                       [--since DATE] [--until DATE] [--province NAME]\n"
           "                       [OPTIONS] INPUT...|STORE\n\n"
           "Links everything mentioned in the same meeting (article) into one network,\n"
           "from articles (or the JSONL of `extract`) or from a store that `add` filled.\n"
           "Nodes are entities (id = key, label, type, mentions, articles, first_date,\n"
           "last_date, dates, titles, parent) with Gephi's size, r, g, b, x, y; edges\n"
           "carry weight, label, relation (co_mention, holds_title_in, committee_of,\n"
           "cites; ';'-joined when several link the pair), co_mentions, newman,\n"
           "meetings, first_date, last_date and dates. GEXF adds spells\n"
           "for Gephi's timeline; --all-formats -o DIR/NAME.graphml writes all four.\n\n"
           "  -o, --output FILE   write to FILE (default: standard output); the format\n"
           "                      follows its extension unless --format is given\n"
           "  --format NAME       graphml (default), gexf, csv (FILE.nodes.csv and\n"
           "                      FILE.edges.csv) or json (graphology)\n"
           "  --gexf-version V    1.2 (default: every reader takes it) or 1.3\n"
           "  --all-formats       with -o: also write every other format beside FILE,\n"
           "                      the extension replaced (CSV: FILE without it +\n"
           "                      .nodes.csv and .edges.csv)\n"
           "  --window W          article (default), paragraph or sentence: which\n"
           "                      mentions count as together\n"
           "  --min-weight N      drop co-mention edges of fewer than N meetings\n"
           "  --presence P        which entities co-mention links: mentioned (default:\n"
           "                      participants and entities named in the running\n"
           "                      text), participant, or all (cited ones too: bodies\n"
           "                      named only in a document reference or a post)\n"
           "  --weight W          meetings (default: meetings shared) or newman (each\n"
           "                      meeting of n linked entities adds 1/(n-1) per pair)\n"
           "  --kind K            meeting (default: only meetings link; an announcement\n"
           "                      or list adds its entities and typed relations) or all\n"
           "  --keep-duplicates   count an article given twice (a copy, a near copy,\n"
           "                      another outlet's report of the same meeting) twice\n"
           "  --bipartite         meeting nodes linked to what each meeting mentions\n"
           "  --no-relations      no holds_title_in / committee_of / cites edges\n"
           "  --no-layout         no x, y positions\n"
           "  --aliases FILE      merge or split by hand: TSV lines alias<TAB>canonical,\n"
           "                      each a key or a label; MEETING/alias for one article\n"
           "  --report FILE       write the close calls (same label or same letters\n"
           "                      without tones under different keys) and the\n"
           "                      duplicates counted once as TSV\n"
           "  --since DATE        only articles of DATE or later (YYYY-MM-DD, YYYY-MM or\n"
           "                      YYYY); an article without a year is in no window\n"
           "  --until DATE        only articles of DATE or earlier\n"
           "  --province NAME     only articles about this province (\"Cà Mau\", \"ca mau\")\n" CLI_READER_HELP
           "  -h, --help          this help\n");
}

/* Replaces the extension of `path` by `ext`. */
static char *with_ext(const char *path, const char *ext)
{
    const char *slash = strrchr(path, '/');
    const char *dot = strrchr(path, '.');
    size_t base = (dot && (!slash || dot > slash)) ? (size_t)(dot - path) : strlen(path);
    char *s = wg_i_malloc(base + strlen(ext) + 1);
    if (s) {
        memcpy(s, path, base);
        strcpy(s + base, ext);
    }
    return s;
}

/* The CSV base of an output name: without ".nodes.csv", ".edges.csv" or
 * any other extension. */
static char *csv_base(const char *path)
{
    size_t l = strlen(path);
    static const char *const ends[] = {".nodes.csv", ".edges.csv"};
    for (size_t i = 0; i < WG_ARRAY_LEN(ends); i++) {
        size_t e = strlen(ends[i]);
        if (l > e && strcmp(path + l - e, ends[i]) == 0)
            return wg_i_strndup(path, l - e);
    }
    return with_ext(path, "");
}

static int format_of(const char *path)
{
    const char *dot = strrchr(path, '.');
    for (int f = 0; dot && f < (int)WG_ARRAY_LEN(format_ext); f++)
        if (strcmp(dot, format_ext[f]) == 0)
            return f;
    return WG_FORMAT_GRAPHML;
}

int cmd_build(int argc, char **argv)
{
    static const struct option longopts[] = {
        {"output", required_argument, NULL, 'o'},
        {"format", required_argument, NULL, OPT_FORMAT},
        {"all-formats", no_argument, NULL, OPT_ALL_FORMATS},
        {"window", required_argument, NULL, OPT_WINDOW},
        {"min-weight", required_argument, NULL, OPT_MIN_WEIGHT},
        {"bipartite", no_argument, NULL, OPT_BIPARTITE},
        {"no-relations", no_argument, NULL, OPT_NO_RELATIONS},
        {"no-layout", no_argument, NULL, OPT_NO_LAYOUT},
        {"aliases", required_argument, NULL, OPT_ALIASES},
        {"report", required_argument, NULL, OPT_REPORT},
        {"presence", required_argument, NULL, OPT_PRESENCE},
        {"weight", required_argument, NULL, OPT_WEIGHT},
        {"kind", required_argument, NULL, OPT_KIND},
        {"keep-duplicates", no_argument, NULL, OPT_KEEP_DUPLICATES},
        {"gexf-version", required_argument, NULL, OPT_GEXF_VERSION},
        {"since", required_argument, NULL, OPT_SINCE},
        {"until", required_argument, NULL, OPT_UNTIL},
        {"province", required_argument, NULL, OPT_PROVINCE},
        {"help", no_argument, NULL, 'h'},
        CLI_READER_LONG_OPTIONS,
        {NULL, 0, NULL, 0}};
    wg_build_options bo = WG_BUILD_OPTIONS_INIT;
    wg_write_options wo = WG_WRITE_OPTIONS_INIT;
    wg_article_filter filter = WG_ARTICLE_FILTER_INIT;
    build_ctx c;
    cli_reader r;
    const char *output = NULL, *aliases = NULL, *report = NULL, *store = NULL;
    int format = -1, all = 0, opt, rc;
    wg_graph *g = NULL;

    memset(&c, 0, sizeof c);
    c.filter = &filter;
    cli_reader_init(&r);
    optind = 1;
    opterr = 0;
    while ((opt = getopt_long(argc, argv, ":o:j:qh", longopts, NULL)) != -1) {
        switch (opt) {
        case 'o': output = optarg; break;
        case 'h': help(); return EXIT_OK;
        case OPT_FORMAT:
            if ((format = wg_format_parse(optarg)) < 0)
                return cli_usage("build ", "unknown format '%s' (graphml, gexf, csv or json)", optarg);
            break;
        case OPT_ALL_FORMATS: all = 1; break;
        case OPT_WINDOW:
            if (strcmp(optarg, "article") == 0) bo.window = WG_WINDOW_ARTICLE;
            else if (strcmp(optarg, "paragraph") == 0) bo.window = WG_WINDOW_PARAGRAPH;
            else if (strcmp(optarg, "sentence") == 0) bo.window = WG_WINDOW_SENTENCE;
            else return cli_usage("build ", "unknown window '%s' (article, paragraph or sentence)", optarg);
            break;
        case OPT_MIN_WEIGHT:
            if (cli_parse_number(optarg, &bo.min_weight) < 0)
                return cli_usage("build ", "invalid --min-weight '%s'", optarg);
            break;
        case OPT_BIPARTITE: bo.bipartite = 1; break;
        case OPT_NO_RELATIONS: bo.relations = 0; break;
        case OPT_NO_LAYOUT: bo.layout = 0; break;
        case OPT_ALIASES: aliases = optarg; break;
        case OPT_REPORT: report = optarg; break;
        case OPT_PRESENCE:
            if (strcmp(optarg, "mentioned") == 0) bo.link = WG_LINK_MENTIONED;
            else if (strcmp(optarg, "participant") == 0) bo.link = WG_LINK_PARTICIPANT;
            else if (strcmp(optarg, "all") == 0) bo.link = WG_LINK_ALL;
            else return cli_usage("build ", "unknown presence '%s' (mentioned, participant or all)", optarg);
            break;
        case OPT_WEIGHT:
            if (strcmp(optarg, "meetings") == 0) bo.weighting = WG_WEIGHT_MEETINGS;
            else if (strcmp(optarg, "newman") == 0) bo.weighting = WG_WEIGHT_NEWMAN;
            else return cli_usage("build ", "unknown weight '%s' (meetings or newman)", optarg);
            break;
        case OPT_KIND:
            if (strcmp(optarg, "meeting") == 0) bo.all_kinds = 0;
            else if (strcmp(optarg, "all") == 0) bo.all_kinds = 1;
            else return cli_usage("build ", "unknown kind '%s' (meeting or all)", optarg);
            break;
        case OPT_KEEP_DUPLICATES: bo.dedup = 0; break;
        case OPT_GEXF_VERSION:
            if (strcmp(optarg, "1.2") && strcmp(optarg, "1.3"))
                return cli_usage("build ", "unknown GEXF version '%s' (1.2 or 1.3)", optarg);
            wo.gexf_minor = optarg[2] - '0';
            break;
        case OPT_SINCE: filter.since = optarg; break;
        case OPT_UNTIL: filter.until = optarg; break;
        case OPT_PROVINCE: filter.province = optarg; break;
        case ':': return cli_usage("build ", "option '%s' needs a value", argv[optind - 1]);
        case '?': return cli_usage("build ", "unknown option '%s'", argv[optind - 1]);
        default:
            if ((rc = cli_reader_option(&r, "build ", opt, optarg)) != 0)
                return rc < 0 ? EXIT_USAGE : rc;
        }
    }
    if (all && !output)
        return cli_usage("build ", "--all-formats needs -o FILE");
    if (format < 0)
        format = output ? format_of(output) : WG_FORMAT_GRAPHML;
    if (format == WG_FORMAT_CSV && !output)
        return cli_usage("build ", "CSV is two files (PATH.nodes.csv, PATH.edges.csv): give -o PATH");
    if (wg_article_filter_check(&filter) < 0)
        return cli_usage("build ", "%s", wg_error_last());
    /* a store is read alone: its articles and raw ones would mix two orders */
    for (int i = optind; i < argc; i++)
        if (strcmp(argv[i], "-") != 0 && wg_store_is_store(argv[i])) {
            if (argc - optind > 1 || r.list)
                return cli_usage("build ", "%s is a store: build reads one store alone, or articles "
                                 "(`wardgraph add %s` them first)", argv[i], argv[i]);
            store = argv[i];
        }
    if (wg_graph_new(&g, &bo) < 0 || (aliases && wg_graph_load_aliases(g, aliases) < 0)) {
        cli_error("%s", wg_error_last());
        rc = EXIT_FAIL;
        goto done;
    }
    c.g = g;
    if (store) {
        if (build_from_store(store, &c) < 0 || wg_graph_finish(g) < 0) {
            cli_error("%s", wg_error_last());
            rc = EXIT_FAIL;
            goto done;
        }
        if (!r.opts.quiet)
            cli_error("%s: %zu articles read from the store", store,
                      c.counts.in + c.counts.outside + c.counts.undated + c.counts.other_province);
    } else {
        if ((rc = cli_reader_start(&r, "build ", argc - optind, argv + optind)) != 0)
            goto done;
        if (cli_reader_run(&r, add, &c) < 0 || wg_graph_finish(g) < 0) {
            cli_error("%s", wg_error_last());
            rc = EXIT_FAIL;
            goto done;
        }
    }
    if (!r.opts.quiet)
        print_filtered(&filter, &c.counts);
    if (output && (store || r.summary.read > 0) && c.counts.in == 0 && !r.force) {
        cli_error("no article in the window: %s not replaced (--force replaces it)", output);
        rc = EXIT_FAIL;
        goto done;
    }
    if (!store && (rc = cli_reader_keep_output(&r, output)) != 0)
        goto done;
    if (!output && wg_graph_write_stream_opts(g, stdout, (wg_format)format, &wo) < 0) {
        cli_error("%s", wg_error_last());
        rc = EXIT_FAIL;
        goto done;
    }
    /* every format to a temporary first, renamed together at the end */
    wg_atomic_batch_begin();
    for (int f = 0; output && f < (int)WG_ARRAY_LEN(format_ext); f++) {
        if (f != format && !all)
            continue;
        /* CSV takes the path without extension and adds .nodes.csv / .edges.csv */
        char *path = f == WG_FORMAT_CSV ? csv_base(output)
                     : f == format      ? wg_i_strdup(output)
                                        : with_ext(output, format_ext[f]);
        if (!path || wg_graph_write_opts(g, path, (wg_format)f, &wo) < 0) {
            cli_error("%s", wg_error_last());
            rc = EXIT_FAIL;
            free(path);
            wg_atomic_batch_abort();
            goto done;
        }
        free(path);
    }
    if (wg_atomic_batch_commit() < 0) {
        cli_error("%s", wg_error_last());
        rc = EXIT_FAIL;
        goto done;
    }
    if (report && wg_graph_write_report(g, report) < 0) {
        cli_error("%s", wg_error_last());
        rc = EXIT_FAIL;
        goto done;
    }
    if (!r.opts.quiet) {
        wg_graph_summary sum;
        wg_graph_get_summary(g, &sum);
        if (sum.other && !bo.all_kinds)
            cli_error("network: %zu nodes, %zu edges from %zu meetings; %zu other article%s (announcements, lists) "
                      "not linked by co-mention (--kind all links them)",
                      wg_graph_node_count(g), wg_graph_edge_count(g), sum.meetings, sum.other, sum.other == 1 ? "" : "s");
        else
            cli_error("network: %zu nodes, %zu edges from %zu meetings%s", wg_graph_node_count(g),
                      wg_graph_edge_count(g), sum.meetings + (bo.all_kinds ? sum.other : 0),
                      bo.all_kinds && sum.other ? " and other articles" : "");
        if (sum.duplicates)
            cli_error("%zu duplicate articles counted once (%zu exact, %zu near copies, %zu same meeting)%s",
                      sum.duplicates, sum.exact, sum.near, sum.same_meeting,
                      report ? "; listed in the report" : "; --report FILE lists them");
    }
    rc = store ? EXIT_OK : cli_reader_status(&r);
done:
    wg_graph_free(g);
    cli_reader_free(&r);
    return rc;
}
