/* Benchmark: extraction throughput, graph build, and query times on a
 * generated corpus large enough to matter.
 *
 * usage: bench_wardgraph SEED_DIR [ARTICLES]
 * The corpus is made from the seed articles, each copy with added sentences
 * naming generated officials and wards, so that the network grows with the
 * corpus the way a real one does. Prints MB/s, articles/s, peak memory and
 * the time of each query. Not a test: numbers depend on the machine. */
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <sys/resource.h>
#include <unistd.h>
#include "wardgraph.h"
#include "util/util.h"

static double now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static long peak_rss_mb(void)
{
    struct rusage ru;
    getrusage(RUSAGE_SELF, &ru);
    return ru.ru_maxrss / 1024;
}

static const char *const surnames[] = {"Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Huỳnh", "Phan", "Vũ", "Võ", "Đặng", "Bùi", "Đỗ"};
static const char *const middles[] = {"Văn", "Thị", "Hữu", "Minh", "Thanh", "Quốc", "Ngọc", "Đức"};
static const char *const givens[] = {"An", "Bình", "Cường", "Dũng", "Hà", "Hải", "Hùng", "Lan", "Long", "Mai", "Nam", "Phúc", "Quang", "Sơn", "Tâm", "Thảo", "Trung", "Tuấn", "Vinh", "Yến"};
static const char *const places[] = {"Tân Phú", "Hòa Bình", "An Lạc", "Phú Mỹ", "Long Hưng", "Thạnh Lộc", "Bình Minh", "Đông Hòa", "Tây Sơn", "Vĩnh Phước"};

static unsigned long rng = 88172645463325252ul;
static unsigned pick(unsigned n)
{
    rng ^= rng << 13;
    rng ^= rng >> 7;
    rng ^= rng << 17;
    return (unsigned)(rng % n);
}

int main(int argc, char **argv)
{
    const char *dir = argc > 1 ? argv[1] : "tests/corpus/seeds";
    long narticles = argc > 2 ? atol(argv[2]) : 10000;
    char *seeds[64];
    size_t seedlen[64], nseeds = 0, total = 0;
    DIR *d = opendir(dir);
    struct dirent *e;
    wg_lexicon *lex;
    wg_graph *g;
    double t0, t_extract = 0, t_add = 0;

    wg_init();
    if (!d) {
        fprintf(stderr, "bench: cannot open %s\n", dir);
        return 1;
    }
    while ((e = readdir(d)) != NULL && nseeds < 64) {
        char path[4096];
        if (!strstr(e->d_name, ".txt"))
            continue;
        snprintf(path, sizeof path, "%s/%s", dir, e->d_name);
        if (wg_read_file(path, &seeds[nseeds], &seedlen[nseeds]) == 0)
            nseeds++;
    }
    closedir(d);
    if (!nseeds || wg_lexicon_new(&lex) < 0 || wg_graph_new(&g, NULL) < 0)
        return 1;
    /* Officials: 12*8*20 = 1920 names x 10 places as scope = a graph of some thousands of nodes. */
    for (long i = 0; i < narticles; i++) {
        wg_buf b = WG_BUF_INIT;
        wg_doc *doc;
        wg_article *a;
        char source[64];
        size_t s = (size_t)i % nseeds;
        /* the seed, minus its byline line, then generated sentences, then the byline */
        wg_buf_put(&b, seeds[s], seedlen[s]);
        for (int k = 0; k < 4; k++)
            wg_buf_printf(&b, "\n\nTham dự có đồng chí %s %s %s, Bí thư Đảng ủy phường %s.",
                          surnames[pick(12)], middles[pick(8)], givens[pick(20)], places[pick(10)]);
        wg_buf_puts(&b, "\n\nPV");
        snprintf(source, sizeof source, "gen/%06ld.txt", i);
        total += b.len;
        t0 = now();
        if (wg_doc_new(&doc, source, b.ptr, b.len, NULL) < 0 || wg_extract(&a, doc, lex) < 0) {
            fprintf(stderr, "bench: %s\n", wg_error_last());
            return 1;
        }
        t_extract += now() - t0;
        t0 = now();
        if (wg_graph_add_article(g, a) < 0)
            return 1;
        t_add += now() - t0;
        wg_article_free(a);
        wg_doc_free(doc);
        wg_buf_free(&b);
    }
    t0 = now();
    if (wg_graph_finish(g) < 0) {
        fprintf(stderr, "bench: %s\n", wg_error_last());
        return 1;
    }
    double t_finish = now() - t0;
    printf("corpus      %ld articles, %.1f MB (generated from %zu seeds)\n", narticles, (double)total / 1e6, nseeds);
    printf("extract     %.2f s  %.1f MB/s  %.0f articles/s (one thread)\n", t_extract,
           (double)total / 1e6 / t_extract, (double)narticles / t_extract);
    printf("graph add   %.2f s; finish (igraph + layout) %.2f s: %zu nodes, %zu edges\n", t_add, t_finish,
           wg_graph_node_count(g), wg_graph_edge_count(g));
    {
        char path[] = "/tmp/wg-bench-XXXXXX";
        int fd = mkstemp(path);
        if (fd >= 0) {
            close(fd);
            t0 = now();
            wg_graph_write(g, path, WG_FORMAT_GRAPHML);
            printf("graphml     %.2f s write\n", now() - t0);
            wg_graph *r;
            t0 = now();
            if (wg_graph_read_graphml(&r, path) == 0) {
                printf("graphml     %.2f s read\n", now() - t0);
                const char *measures[] = {"degree", "strength", "pagerank", "eigenvector", "coreness",
                                          "clustering", "closeness", "harmonic", "betweenness"};
                for (size_t m = 0; m < WG_ARRAY_LEN(measures) + 1; m++) {
                    wg_rank_options ro = WG_RANK_OPTIONS_INIT;
                    wg_ranking *rk;
                    int approx = m == WG_ARRAY_LEN(measures);
                    ro.measure = approx ? "betweenness" : measures[m];
                    ro.approx = approx ? 256 : 0;
                    ro.top = 10;
                    t0 = now();
                    if (wg_rank(&rk, r, &ro) == 0) {
                        printf("rank        %-12s%s %.3f s\n", ro.measure, approx ? " --approx 256" : "", now() - t0);
                        wg_ranking_free(rk);
                    } else {
                        printf("rank        %-12s failed: %s\n", ro.measure, wg_error_last());
                    }
                }
                wg_graph_free(r);
            }
            unlink(path);
        }
    }
    printf("peak memory %ld MB\n", peak_rss_mb());
    wg_graph_free(g);
    wg_lexicon_free(lex);
    for (size_t i = 0; i < nseeds; i++)
        free(seeds[i]);
    return 0;
}
