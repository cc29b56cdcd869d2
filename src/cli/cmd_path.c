/* wardgraph path: who connects two people, and in which meetings. */
#include <getopt.h>
#include <stdlib.h>
#include <string.h>
#include "cli/cli.h"
#include "util/util.h"

enum { OPT_UNWEIGHTED = 1000, OPT_FORMAT };

/* Meetings listed per hop in the table; the rest are counted. */
#define MEETINGS_SHOWN 8

static void help(void)
{
    printf("usage: wardgraph path GRAPH A B [--unweighted] [--format table|json]\n\n"
           "The shortest chain of ties from A to B, with the meetings behind each hop\n"
           "(the edge attribute 'meetings'). A heavier tie (more meetings shared) is a\n"
           "shorter distance, 1/weight, so the path prefers close collaborators; with\n"
           "--unweighted it has the fewest hops. A and B are keys or labels, matched\n"
           "case- and accent-insensitively. Exit status 1 when they are not connected.\n\n"
           "  --unweighted      fewest hops, whatever the weights\n"
           "  --format F        table (default) or json\n"
           "  -h, --help        this help\n");
}

static void put_meetings(const char *list)
{
    size_t shown = 0, total = 0;
    const char *p = list;
    while (*p) {
        size_t len = strcspn(p, ";");
        if (len) {
            if (shown < MEETINGS_SHOWN)
                printf("%s%.*s", shown ? ", " : "", (int)len, p), shown++;
            total++;
        }
        p += len + (p[len] == ';');
    }
    if (total > shown)
        printf(" and %zu more", total - shown);
}

int cmd_path(int argc, char **argv)
{
    static const struct option longopts[] = {
        {"unweighted", no_argument, NULL, OPT_UNWEIGHTED},
        {"format", required_argument, NULL, OPT_FORMAT},
        {"help", no_argument, NULL, 'h'},
        {NULL, 0, NULL, 0}};
    const char *format = "table";
    int opt, unweighted = 0, rc = EXIT_OK;
    size_t a = 0, b = 0, nhops = 0;
    wg_graph *g = NULL;
    wg_hop *hops = NULL;

    optind = 1;
    opterr = 0;
    while ((opt = getopt_long(argc, argv, ":h", longopts, NULL)) != -1) {
        switch (opt) {
        case 'h': help(); return EXIT_OK;
        case OPT_UNWEIGHTED: unweighted = 1; break;
        case OPT_FORMAT:
            if (strcmp(optarg, "table") && strcmp(optarg, "json"))
                return cli_usage("path ", "unknown format '%s' (table or json)", optarg);
            format = optarg;
            break;
        case ':': return cli_usage("path ", "option '%s' needs a value", argv[optind - 1]);
        default: return cli_usage("path ", "unknown option '%s'", argv[optind - 1]);
        }
    }
    if (optind + 3 != argc)
        return cli_usage("path ", optind == argc ? "no GRAPH given" : "GRAPH and two names A B are needed");
    if (cli_read_graph(&g, argv[optind]) < 0 || wg_graph_find_node(g, argv[optind + 1], &a) < 0 ||
        wg_graph_find_node(g, argv[optind + 2], &b) < 0 || wg_graph_path(&hops, &nhops, g, a, b, unweighted) < 0) {
        cli_error("%s", wg_error_last());
        rc = EXIT_FAIL;
        goto done;
    }
    if (strcmp(format, "json") == 0) {
        wg_buf out = WG_BUF_INIT;
        wg_buf_puts(&out, "{\"from\":");
        wg_json_put_string(&out, wg_graph_node_key(g, a));
        wg_buf_puts(&out, ",\"to\":");
        wg_json_put_string(&out, wg_graph_node_key(g, b));
        wg_buf_printf(&out, ",\"weighted\":%s,\"hops\":[", unweighted ? "false" : "true");
        for (size_t i = 0; i < nhops; i++) {
            const char *p = hops[i].meetings;
            int first = 1;
            wg_buf_puts(&out, i ? ",\n {\"from\":" : "\n {\"from\":");
            wg_json_put_string(&out, wg_graph_node_key(g, hops[i].from));
            wg_buf_puts(&out, ",\"from_label\":");
            wg_json_put_string(&out, wg_graph_node_label(g, hops[i].from));
            wg_buf_puts(&out, ",\"to\":");
            wg_json_put_string(&out, wg_graph_node_key(g, hops[i].to));
            wg_buf_puts(&out, ",\"to_label\":");
            wg_json_put_string(&out, wg_graph_node_label(g, hops[i].to));
            wg_buf_printf(&out, ",\"weight\":%.17g,\"meetings\":[", hops[i].weight);
            while (*p) {
                size_t len = strcspn(p, ";");
                if (len) {
                    char *m = wg_i_strndup(p, len);
                    if (!first)
                        wg_buf_putc(&out, ',');
                    wg_json_put_string(&out, m ? m : "");
                    free(m);
                    first = 0;
                }
                p += len + (p[len] == ';');
            }
            wg_buf_puts(&out, "]}");
        }
        wg_buf_puts(&out, "]}\n");
        if (out.ptr)
            fputs(out.ptr, stdout);
        wg_buf_free(&out);
    } else {
        printf("%s → %s: %zu hop%s\n", wg_graph_node_label(g, a), wg_graph_node_label(g, b), nhops,
               nhops == 1 ? "" : "s");
        for (size_t i = 0; i < nhops; i++) {
            printf("  %s (%s)\n", wg_graph_node_label(g, hops[i].from), wg_graph_node_type(g, hops[i].from));
            printf("    │ %g meeting%s", hops[i].weight, hops[i].weight == 1 ? "" : "s");
            if (*hops[i].meetings) {
                printf(": ");
                put_meetings(hops[i].meetings);
            }
            putchar('\n');
        }
        printf("  %s (%s)\n", wg_graph_node_label(g, b), wg_graph_node_type(g, b));
    }
done:
    free(hops);
    wg_graph_free(g);
    return rc;
}
