/* Benchmark: extraction, network building and queries of the wardgraph CLI,
 * each beside an anchor measured in the same run on the same input:
 * `cat FILES | wc -m` for extraction, python-igraph (Debian's
 * /usr/bin/python3) for reading a GraphML and ranking it.
 *
 * usage: bench_wardgraph --wardgraph EXE --seeds DIR [--gen-graph PY]
 *                        [--python PY] [--articles N,N...] [--nodes N,N...]
 *                        [--jobs J,J...] [--runs R] [--work DIR] [--keep]
 * The environment may say the same: WG_BENCH_ARTICLES, WG_BENCH_NODES
 * (a graph is NODES or NODES:MEETINGS; default 10000,100000,85551:281596,
 * the last the 1.86 M-tie network; add 1000000 for 10^6 nodes),
 * WG_BENCH_JOBS (the -j of extract and build, default 1,2), WG_BENCH_RUNS,
 * WG_BENCH_WORK (default /tmp).
 *
 * Every step is a child process (the CLI as a user runs it): its wall time,
 * CPU time (user + system, which another process on the machine does not
 * inflate) and peak memory (ru_maxrss from wait4) are printed. A step that
 * takes under 20 s is run --runs times (default 3) and its median printed.
 * The corpus is generated from the seed articles: each article a random
 * selection of their paragraphs, in random order, with generated sentences
 * naming officials and wards of a heavy-tailed popularity, so that the
 * network grows with the corpus and no two articles are copies of one
 * meeting (which the build would count once).
 * Not a test: the numbers depend on the machine. */
#define _DEFAULT_SOURCE /* wait4 */
#include <errno.h>
#include <fcntl.h>
#include <math.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/time.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>
#include <dirent.h>
#include "wardgraph.h"
#include "util/util.h"

/* Exact all-pairs measures (closeness, harmonic, betweenness) cost about
 * nodes x edges single-source steps: past this they are sampled (when the
 * CLI takes --approx for them) or skipped. About a minute each here. */
#define EXACT_LIMIT 1e9
/* Sampled measures take K sources, each a single-source pass of about m
 * steps: K = 256 while K x ties stays under this (about a minute each
 * here), fewer past it (at least 16), so that a large network costs
 * minutes, not hours. The K used is printed. */
#define SAMPLES 256
#define SAMPLED_LIMIT 1e8
#define MIN_SAMPLES 16
#define REPEAT_UNDER 20.0 /* seconds: steps shorter than this are repeated */
#define ANCHOR_TIMEOUT 600.0  /* python-igraph load + pagerank */
#define CUTOFF_TIMEOUT 120.0  /* python-igraph betweenness(cutoff=2): "over" past it */

typedef struct {
    double wall, cpu, peak_mb;
    int ok;      /* exited 0 */
    int runs;    /* how many runs the medians are of */
    int timeout; /* stopped after ANCHOR_TIMEOUT */
} result;

static const char *exe, *seeds_dir, *gen_graph, *python = "/usr/bin/python3", *work_root = "/tmp";
static int runs = 3;
static long jobs_list[8] = {1, 2};
static int njobs = 2;
static char work[4096];

static double now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static double tv(struct timeval t) { return (double)t.tv_sec + (double)t.tv_usec / 1e6; }

/* Runs argv once with stdout to `out` (NULL: /dev/null) and stderr to
 * `err` (NULL: inherited). */
static result run_once(char *const argv[], const char *out, const char *err, double timeout)
{
    result r = {0, 0, 0, 0, 1, 0};
    double t0 = now();
    pid_t pid = fork();
    if (pid < 0)
        return r;
    if (pid == 0) {
        int fd = open(out ? out : "/dev/null", O_WRONLY | O_CREAT | O_TRUNC, 0644);
        setpgid(0, 0); /* a pipeline is stopped as one on a timeout */
        if (fd >= 0)
            dup2(fd, 1);
        if (err && (fd = open(err, O_WRONLY | O_CREAT | O_TRUNC, 0644)) >= 0)
            dup2(fd, 2);
        execvp(argv[0], argv);
        fprintf(stderr, "bench: cannot run %s: %s\n", argv[0], strerror(errno));
        _exit(127);
    }
    int status = 0;
    struct rusage ru;
    for (;;) {
        pid_t w = wait4(pid, &status, timeout > 0 ? WNOHANG : 0, &ru);
        if (w == pid)
            break;
        if (w < 0 && errno != EINTR)
            return r;
        if (timeout > 0 && now() - t0 > timeout && !r.timeout) {
            kill(-pid, SIGKILL); /* the child's own process group */
            r.timeout = 1;
        }
        if (timeout > 0) {
            struct timespec ts = {0, 20000000};
            nanosleep(&ts, NULL);
        }
    }
    r.wall = now() - t0;
    /* wait4 reports the child with the descendants it waited for (a
     * shell's pipeline): CPU summed, ru_maxrss the largest of them */
    r.cpu = tv(ru.ru_utime) + tv(ru.ru_stime);
    r.peak_mb = (double)ru.ru_maxrss / 1024.0;
    r.ok = WIFEXITED(status) && WEXITSTATUS(status) == 0 && !r.timeout;
    return r;
}

static int cmp_double(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return x < y ? -1 : x > y;
}

/* Runs argv, again up to --runs times while it is short; medians of wall
 * and CPU time, the largest peak. */
static result run(char *const argv[], const char *out, const char *err, double timeout)
{
    double wall[16], cpu[16];
    result r = run_once(argv, out, err, timeout), one;
    int n = 1;
    wall[0] = r.wall;
    cpu[0] = r.cpu;
    while (r.ok && n < runs && n < 16 && r.wall < REPEAT_UNDER) {
        one = run_once(argv, out, err, timeout);
        if (!one.ok)
            break;
        wall[n] = one.wall;
        cpu[n] = one.cpu;
        if (one.peak_mb > r.peak_mb)
            r.peak_mb = one.peak_mb;
        n++;
    }
    qsort(wall, (size_t)n, sizeof *wall, cmp_double);
    qsort(cpu, (size_t)n, sizeof *cpu, cmp_double);
    r.wall = wall[n / 2];
    r.cpu = cpu[n / 2];
    r.runs = n;
    return r;
}

/* ---- output ---- */

static void header(const char *what)
{
    printf("\n%s\n", what);
    printf("%-46s %9s %9s %8s %8s %8s\n", "step", "wall s", "cpu s", "MB/s", "ratio", "peak MB");
}

/* One row; mbytes > 0 prints MB/s (of CPU time: see the note printed), ratio
 * > 0 the ratio to the anchor. */
static void row(const char *step, const result *r, double mbytes, double ratio)
{
    char mbs[32] = "", rat[32] = "", runs_note[32] = "";
    if (!r->ok) {
        printf("%-46s %s\n", step, r->timeout ? "stopped: over the time limit" : "failed");
        return;
    }
    if (mbytes > 0)
        snprintf(mbs, sizeof mbs, "%.1f", mbytes / r->cpu);
    if (ratio > 0)
        snprintf(rat, sizeof rat, "%.3f", ratio);
    if (r->runs > 1)
        snprintf(runs_note, sizeof runs_note, "  (median of %d)", r->runs);
    printf("%-46s %9.2f %9.2f %8s %8s %8.0f%s\n", step, r->wall, r->cpu, mbs, rat, r->peak_mb, runs_note);
    fflush(stdout);
}

static void note(const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 1, 2)))
#endif
    ;
static void note(const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    printf("  ");
    vprintf(fmt, ap);
    printf("\n");
    va_end(ap);
    fflush(stdout);
}

/* ---- the generated corpus ---- */

static const char *const surnames[] = {"Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Huỳnh", "Phan", "Vũ", "Võ", "Đặng", "Bùi", "Đỗ"};
static const char *const middles[] = {"Văn", "Thị", "Hữu", "Minh", "Thanh", "Quốc", "Ngọc", "Đức"};
static const char *const givens[] = {"An", "Bình", "Cường", "Dũng", "Hà", "Hải", "Hùng", "Lan", "Long", "Mai",
                                     "Nam", "Phúc", "Quang", "Sơn", "Tâm", "Thảo", "Trung", "Tuấn", "Vinh", "Yến"};
static const char *const place_a[] = {"Tân", "Hòa", "An", "Phú", "Long", "Thạnh", "Bình", "Đông", "Tây", "Vĩnh"};
static const char *const place_b[] = {"Phú", "Bình", "Lạc", "Mỹ", "Hưng", "Lộc", "Minh", "Thành", "Sơn", "Phước"};
static const char *const posts[] = {"Bí thư Đảng ủy phường", "Phó Bí thư Đảng ủy phường", "Chủ tịch UBND phường",
                                    "Phó Chủ tịch UBND phường", "Chủ tịch HĐND phường", "Chủ tịch Ủy ban MTTQ phường"};

static unsigned long long rng = 88172645463325252ull;
static unsigned pick(unsigned n)
{
    rng ^= rng << 13;
    rng ^= rng >> 7;
    rng ^= rng << 17;
    return (unsigned)(rng % n);
}

/* Popularity ~ a cube law: a few officials and wards in many meetings,
 * most in one or two. */
static unsigned pick_skewed(unsigned n)
{
    double u = (double)pick(1u << 20) / (double)(1u << 20);
    return (unsigned)((double)n * u * u * u);
}

typedef struct {
    char **para;
    size_t n;
    char *titles[64], *bylines[64];
    size_t nseeds;
} seed_pool;

static void add_para(seed_pool *p, const char *s, size_t len)
{
    p->para = realloc(p->para, (p->n + 1) * sizeof *p->para);
    p->para[p->n++] = strndup(s, len);
}

/* Title (the first paragraph), body paragraphs, byline (the last) of each seed. */
static int load_seeds(seed_pool *p, const char *dir)
{
    DIR *d = opendir(dir);
    struct dirent *e;
    char **names = NULL;
    size_t nn = 0;
    if (!d)
        return -1;
    while ((e = readdir(d)) != NULL)
        if (strstr(e->d_name, ".txt")) {
            names = realloc(names, (nn + 1) * sizeof *names);
            names[nn++] = strdup(e->d_name);
        }
    closedir(d);
    for (size_t i = 0; i < nn; i++) {
        char path[4096], *text;
        size_t len;
        snprintf(path, sizeof path, "%s/%s", dir, names[i]);
        if (p->nseeds < 64 && wg_read_file(path, &text, &len) == 0) {
            const char *s = text, *end = text + len, *paras[256];
            size_t lens[256], np = 0;
            while (s < end && np < 256) {
                const char *q = strstr(s, "\n\n");
                size_t l = q ? (size_t)(q - s) : (size_t)(end - s);
                while (l && (s[l - 1] == '\n' || s[l - 1] == ' '))
                    l--;
                if (l) {
                    paras[np] = s;
                    lens[np++] = l;
                }
                s = q ? q + 2 : end;
            }
            if (np >= 3) {
                p->titles[p->nseeds] = strndup(paras[0], lens[0]);
                p->bylines[p->nseeds++] = strndup(paras[np - 1], lens[np - 1]);
                for (size_t k = 1; k + 1 < np; k++)
                    if (lens[k] >= 80) /* body text, not a count or a caption */
                        add_para(p, paras[k], lens[k]);
            }
            free(text);
        }
        free(names[i]);
    }
    free(names);
    return p->n ? 0 : -1;
}

static void official(wg_buf *b)
{
    unsigned i = pick_skewed(12 * 8 * 8 * 20);
    wg_buf_printf(b, "%s %s %s %s", surnames[i % 12], middles[i / 12 % 8], middles[i / 96 % 8], givens[i / 768 % 20]);
}

static void ward(wg_buf *b)
{
    unsigned i = pick_skewed(100);
    wg_buf_printf(b, "%s %s", place_a[i % 10], place_b[i / 10]);
}

static void generated_sentence(wg_buf *b)
{
    static const char *const open[] = {"Tham dự có đồng chí ", "Đồng chí ", "Phát biểu tại buổi làm việc, đồng chí "};
    static const char *const close[] = {".", " báo cáo kết quả thực hiện nhiệm vụ trong năm.",
                                        " đề nghị các đơn vị tập trung triển khai các giải pháp trọng tâm."};
    unsigned k = pick(3);
    wg_buf_puts(b, open[k]);
    official(b);
    wg_buf_printf(b, ", %s ", posts[pick(6)]);
    ward(b);
    wg_buf_puts(b, close[k]);
}

/* One article of about `target` bytes. */
static void article(wg_buf *b, const seed_pool *p, size_t target)
{
    unsigned s = pick((unsigned)p->nseeds), extra = 4 + pick(5), placed = 0;
    wg_buf_printf(b, "%s\n\n", p->titles[s]);
    wg_buf_printf(b, "Ngày %u/%u/%u, Thường trực Quận ủy làm việc với Đảng ủy phường ", 1 + pick(28), 1 + pick(12),
                  2019 + pick(6));
    ward(b);
    wg_buf_puts(b, " về công tác lãnh đạo, chỉ đạo thực hiện nhiệm vụ trọng tâm.\n\n");
    while (b->len < target) {
        if (placed < extra && pick(3) == 0) {
            generated_sentence(b);
            placed++;
        } else {
            wg_buf_puts(b, p->para[pick((unsigned)p->n)]);
        }
        wg_buf_puts(b, "\n\n");
    }
    for (; placed < extra; placed++) {
        generated_sentence(b);
        wg_buf_puts(b, "\n\n");
    }
    wg_buf_puts(b, p->bylines[pick((unsigned)p->nseeds)]);
    wg_buf_putc(b, '\n');
}

/* Writes n articles under DIR/NNN/NNNNNNN.txt and their list; the total bytes. */
static double make_corpus(const seed_pool *p, long n, const char *dir, const char *list)
{
    FILE *lf = fopen(list, "w");
    double total = 0;
    if (!lf || mkdir(dir, 0755) < 0)
        return -1;
    rng = 88172645463325252ull; /* the same corpus for the same n */
    for (long i = 0; i < n; i++) {
        char path[4300];
        wg_buf b = WG_BUF_INIT;
        FILE *f;
        if (i % 1000 == 0) {
            snprintf(path, sizeof path, "%s/%03ld", dir, i / 1000);
            if (mkdir(path, 0755) < 0 && errno != EEXIST)
                return -1;
        }
        snprintf(path, sizeof path, "%s/%03ld/%07ld.txt", dir, i / 1000, i);
        article(&b, p, 4600 + pick(1000));
        if ((f = fopen(path, "w")) == NULL || fwrite(b.ptr, 1, b.len, f) != b.len || fclose(f) != 0)
            return -1;
        fprintf(lf, "%s\n", path);
        total += (double)b.len;
        wg_buf_free(&b);
    }
    return fclose(lf) == 0 ? total : -1;
}

/* ---- helpers ---- */

static long read_number(const char *path, const char *field)
{
    char *text;
    size_t len;
    long v = -1;
    if (wg_read_file(path, &text, &len) < 0)
        return -1;
    const char *p = strstr(text, field);
    if (p)
        v = atol(p + strlen(field));
    free(text);
    return v;
}

static int graph_size(const char *graph, long *nodes, long *edges)
{
    char out[4200];
    char *argv[] = {(char *)exe, "stats", (char *)graph, "--format", "json", NULL};
    snprintf(out, sizeof out, "%s/stats.json", work);
    result r = run_once(argv, out, NULL, 0);
    *nodes = read_number(out, "\"nodes\":");
    *edges = read_number(out, "\"ties\":");
    return r.ok && *nodes >= 0 ? 0 : -1;
}

/* Does the CLI take --approx for closeness and harmonic (a later option)? */
static int approx_closeness(void)
{
    char g[4200];
    FILE *f;
    snprintf(g, sizeof g, "%s/probe.graphml", work);
    if ((f = fopen(g, "w")) == NULL)
        return 0;
    fputs("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<graphml xmlns=\"http://graphml.graphdrawing.org/xmlns\">\n"
          "<key id=\"v_label\" for=\"node\" attr.name=\"label\" attr.type=\"string\"/>\n"
          "<key id=\"v_type\" for=\"node\" attr.name=\"type\" attr.type=\"string\"/>\n"
          "<key id=\"e_weight\" for=\"edge\" attr.name=\"weight\" attr.type=\"double\"/>\n"
          "<graph edgedefault=\"undirected\">\n"
          "<node id=\"a\"><data key=\"v_label\">A</data><data key=\"v_type\">ward</data></node>\n"
          "<node id=\"b\"><data key=\"v_label\">B</data><data key=\"v_type\">ward</data></node>\n"
          "<node id=\"c\"><data key=\"v_label\">C</data><data key=\"v_type\">ward</data></node>\n"
          "<edge source=\"a\" target=\"b\"><data key=\"e_weight\">1</data></edge>\n"
          "<edge source=\"b\" target=\"c\"><data key=\"e_weight\">2</data></edge>\n"
          "</graph>\n</graphml>\n",
          f);
    fclose(f);
    char err[4200];
    snprintf(err, sizeof err, "%s/probe.err", work);
    char *argv[] = {(char *)exe, "rank", g, "--by", "closeness", "--approx", "2", NULL};
    result r = run_once(argv, NULL, err, 0);
    return r.ok;
}

static int has_python_igraph(void)
{
    char *argv[] = {(char *)python, "-c", "import igraph", NULL};
    char err[4200];
    snprintf(err, sizeof err, "%s/python.err", work);
    return access(python, X_OK) == 0 && run_once(argv, NULL, err, 0).ok;
}

/* The queries a user runs on a network: every measure end to end
 * (reading the GraphML included), all-pairs ones exact up to EXACT_LIMIT. */
static long samples_for(long edges)
{
    double k = edges > 0 ? SAMPLED_LIMIT / (double)edges : SAMPLES;
    return k >= SAMPLES ? SAMPLES : k <= MIN_SAMPLES ? MIN_SAMPLES : (long)k;
}

static void rank_rows(const char *graph, long nodes, long edges, int approx_cl)
{
    static const char *const cheap[] = {"degree", "strength", "pagerank", "eigenvector", "coreness", "clustering"};
    static const char *const allpairs[] = {"closeness", "harmonic", "betweenness"};
    int exact = (double)nodes * (double)edges <= EXACT_LIMIT;
    char step[128], k[24];
    snprintf(k, sizeof k, "%ld", samples_for(edges));
    for (size_t i = 0; i < WG_ARRAY_LEN(cheap); i++) {
        char *argv[] = {(char *)exe, "rank", (char *)graph, "--by", (char *)cheap[i], "--top", "10", NULL};
        result r = run(argv, NULL, NULL, 0);
        snprintf(step, sizeof step, "rank --by %s", cheap[i]);
        row(step, &r, 0, 0);
    }
    for (size_t i = 0; i < WG_ARRAY_LEN(allpairs); i++) {
        int betw = strcmp(allpairs[i], "betweenness") == 0;
        if (exact) {
            char *argv[] = {(char *)exe, "rank", (char *)graph, "--by", (char *)allpairs[i], "--top", "10", NULL};
            result r = run(argv, NULL, NULL, 0);
            snprintf(step, sizeof step, "rank --by %s (exact)", allpairs[i]);
            row(step, &r, 0, 0);
        }
        if (betw || approx_cl) {
            char *argv[] = {(char *)exe, "rank", (char *)graph, "--by", (char *)allpairs[i], "--approx", k,
                            "--top", "10", NULL};
            result r = run(argv, NULL, NULL, 0);
            snprintf(step, sizeof step, "rank --by %s --approx %s", allpairs[i], k);
            row(step, &r, 0, 0);
        } else if (!exact) {
            note("rank --by %s skipped: exact past nodes x ties = %.0e, and this CLI has no --approx for it",
                 allpairs[i], EXACT_LIMIT);
        }
    }
    if (!exact)
        note("exact closeness, harmonic, betweenness skipped: nodes x ties = %.1e > %.0e", (double)nodes * (double)edges,
             EXACT_LIMIT);
}

/* ---- the two parts ---- */

static void corpus_part(const seed_pool *p, long n, int approx_cl)
{
    char dir[4200], list[4200], graph[4200], err[4200], head[256], step[160];
    double t0 = now(), bytes, mb;
    snprintf(dir, sizeof dir, "%s/a%ld", work, n);
    snprintf(list, sizeof list, "%s/a%ld.list", work, n);
    snprintf(graph, sizeof graph, "%s/a%ld.graphml", work, n);
    snprintf(err, sizeof err, "%s/a%ld.err", work, n);
    if ((bytes = make_corpus(p, n, dir, list)) < 0) {
        printf("bench: cannot write the corpus under %s\n", dir);
        return;
    }
    mb = bytes / 1e6;
    snprintf(head, sizeof head, "corpus: %ld articles, %.1f MB (%.1f KB each), generated in %.1f s", n, mb,
             bytes / (double)n / 1e3, now() - t0);
    header(head);

    /* the floor of any text tool: read every file, count its characters */
    char cmd[8500];
    snprintf(cmd, sizeof cmd, "xargs -a '%s' cat | LC_ALL=C.UTF-8 wc -m", list);
    char *wc_argv[] = {"/bin/sh", "-c", cmd, NULL};
    result wc = run(wc_argv, NULL, NULL, 0);
    row("cat FILES | wc -m (C.UTF-8)", &wc, mb, 1.0);
    double wc_rate = wc.ok ? mb / wc.cpu : 0;

    for (int ji = 0; ji < njobs; ji++) {
        int j = (int)jobs_list[ji];
        char jobs[8];
        snprintf(jobs, sizeof jobs, "%d", j);
        char *argv[] = {(char *)exe, "extract", "--quiet", "-j", jobs, "--inputs", list, NULL};
        result r = run(argv, NULL, NULL, 0);
        snprintf(step, sizeof step, "extract -j %d (JSONL)", j);
        /* one core: the ratio to wc's throughput; two: MB per wall second */
        row(step, &r, mb, r.ok && wc_rate > 0 ? mb / r.cpu / wc_rate : 0);
        if (j == 2 && r.ok)
            note("extract -j 2: %.1f MB/s of wall time", mb / r.wall);
    }
    for (int ji = 0; ji < njobs; ji++) {
        int j = (int)jobs_list[ji];
        char jobs[8];
        snprintf(jobs, sizeof jobs, "%d", j);
        char *argv[] = {(char *)exe, "build", "-j", jobs, "--inputs", list, "-o", graph, NULL};
        result r = run(argv, NULL, err, 0);
        snprintf(step, sizeof step, "build -j %d (GraphML)", j);
        row(step, &r, mb, r.ok && wc_rate > 0 ? mb / r.cpu / wc_rate : 0);
        if (j == 2 && r.ok)
            note("build -j 2: %.1f MB/s of wall time", mb / r.wall);
    }
    long nodes, edges;
    if (graph_size(graph, &nodes, &edges) < 0) {
        note("no network to query");
        return;
    }
    {
        char *text;
        size_t len;
        if (wg_read_file(err, &text, &len) == 0) {
            char *line = strstr(text, "network:");
            if (line)
                note("%.*s", (int)strcspn(line, "\n"), line);
            free(text);
        }
    }
    note("network: %ld nodes, %ld ties", nodes, edges);
    rank_rows(graph, nodes, edges, approx_cl);
}

static const char anchor_py[] =
    "import sys, time, igraph\n"
    "t = time.perf_counter()\n"
    "g = igraph.Graph.Read_GraphML(sys.argv[2])\n"
    "load = time.perf_counter() - t\n"
    "t = time.perf_counter()\n"
    "if sys.argv[1] == 'pagerank':\n"
    "    g.pagerank(weights='weight', directed=False)\n"
    "else:\n"
    "    g.betweenness(directed=False, cutoff=int(sys.argv[3]))\n"
    "print('load %.2f s, %s %.2f s' % (load, sys.argv[1], time.perf_counter() - t))\n";

static void anchor_note(const char *out)
{
    char *text;
    size_t len;
    if (wg_read_file(out, &text, &len) == 0) {
        note("python-igraph: %.*s", (int)strcspn(text, "\n"), text);
        free(text);
    }
}

/* A generated network of n nodes and (when > 0) `meetings` meetings,
 * gen_graph.py's default 0.6 n otherwise. */
static void graph_part(long n, long meetings, int py, int approx_cl)
{
    char graph[4200], head[256], out[4200];
    char nodes_s[32], meetings_s[32];
    double t0 = now();
    snprintf(graph, sizeof graph, "%s/g%ld_%ld.graphml", work, n, meetings);
    snprintf(out, sizeof out, "%s/anchor.out", work);
    snprintf(nodes_s, sizeof nodes_s, "%ld", n);
    snprintf(meetings_s, sizeof meetings_s, "%ld", meetings);
    char *gen[] = {(char *)python, (char *)gen_graph, nodes_s, graph, "--meetings", meetings_s, NULL};
    if (meetings <= 0)
        gen[4] = NULL;
    result g = run_once(gen, NULL, NULL, 0);
    struct stat st;
    long nodes, edges;
    if (!g.ok || stat(graph, &st) < 0 || graph_size(graph, &nodes, &edges) < 0) {
        printf("\nbench: gen_graph.py %ld failed\n", n);
        return;
    }
    snprintf(head, sizeof head, "graph: %ld nodes, %ld ties, %.0f MB of GraphML (gen_graph.py, %.0f s)", nodes, edges,
             (double)st.st_size / 1e6, now() - t0);
    header(head);

    char *pr[] = {(char *)exe, "rank", graph, "--by", "pagerank", "--top", "10", NULL};
    result ours = run(pr, NULL, NULL, 0);
    char *ppr[] = {(char *)python, "-c", (char *)anchor_py, "pagerank", graph, NULL};
    result theirs = {0, 0, 0, 0, 1, 0};
    if (py)
        theirs = run(ppr, out, NULL, ANCHOR_TIMEOUT);
    row("rank --by pagerank (read + rank)", &ours, 0, 0);
    if (py) {
        row("  python-igraph Read_GraphML + pagerank", &theirs, 0, ours.ok && theirs.ok ? ours.cpu / theirs.cpu : 0);
        anchor_note(out);
    } else {
        note("python-igraph: skipped: python-igraph not installed");
    }

    char k[24], step[128];
    snprintf(k, sizeof k, "%ld", samples_for(edges));
    snprintf(step, sizeof step, "rank --by betweenness --unweighted --approx %s", k);
    char *bt[] = {(char *)exe, "rank", graph, "--by", "betweenness", "--unweighted", "--approx", k, "--top",
                  "10", NULL};
    ours = run(bt, NULL, NULL, 0);
    row(step, &ours, 0, 0);
    if (py) {
        /* python-igraph 0.10 samples no sources; its estimate counts only
         * paths of up to `cutoff` hops from every source */
        char *pbt[] = {(char *)python, "-c", (char *)anchor_py, "betweenness", graph, "2", NULL};
        theirs = run(pbt, out, NULL, CUTOFF_TIMEOUT);
        if (theirs.timeout)
            note("python-igraph betweenness(cutoff=2): stopped after %.0f s (ratio < %.3f)", CUTOFF_TIMEOUT,
                 ours.cpu / CUTOFF_TIMEOUT);
        else
            row("  python-igraph betweenness(cutoff=2)", &theirs, 0, ours.ok && theirs.ok ? ours.cpu / theirs.cpu : 0);
        if (theirs.ok)
            anchor_note(out);
    }
    rank_rows(graph, nodes, edges, approx_cl);
}

/* "N,N,...": each N may be "NODES:MEETINGS" (second[] gets MEETINGS, else 0). */
static void parse_list2(const char *s, long *out, long *second, int *n)
{
    *n = 0;
    while (s && *s && *n < 8) {
        const char *colon = strchr(s, ':'), *comma = strchr(s, ',');
        if (second)
            second[*n] = colon && (!comma || colon < comma) ? atol(colon + 1) : 0;
        out[(*n)++] = atol(s);
        s = comma ? comma + 1 : NULL;
    }
}

static void parse_list(const char *s, long *out, int *n) { parse_list2(s, out, NULL, n); }

int main(int argc, char **argv)
{
    /* the third graph is the issue's: 85,551 nodes, 1.86 M ties */
    long articles[8] = {10000, 100000}, nodes[8] = {10000, 100000, 85551}, meetings[8] = {0, 0, 281596};
    int na = 2, nn = 3, keep = 0;
    const char *env;
    seed_pool pool;
    memset(&pool, 0, sizeof pool);

    if ((env = getenv("WG_BENCH_ARTICLES")) != NULL)
        parse_list(env, articles, &na);
    if ((env = getenv("WG_BENCH_NODES")) != NULL)
        parse_list2(env, nodes, meetings, &nn);
    if ((env = getenv("WG_BENCH_JOBS")) != NULL)
        parse_list(env, jobs_list, &njobs);
    if ((env = getenv("WG_BENCH_RUNS")) != NULL)
        runs = atoi(env);
    if ((env = getenv("WG_BENCH_WORK")) != NULL)
        work_root = env;
    for (int i = 1; i < argc; i++) {
        const char *a = argv[i], *v = i + 1 < argc ? argv[i + 1] : NULL;
        if (strcmp(a, "--keep") == 0) {
            keep = 1;
            continue;
        }
        if (!v) {
            fprintf(stderr, "bench: %s needs a value\n", a);
            return 2;
        }
        i++;
        if (strcmp(a, "--wardgraph") == 0)
            exe = v;
        else if (strcmp(a, "--seeds") == 0)
            seeds_dir = v;
        else if (strcmp(a, "--gen-graph") == 0)
            gen_graph = v;
        else if (strcmp(a, "--python") == 0)
            python = v;
        else if (strcmp(a, "--articles") == 0)
            parse_list(v, articles, &na);
        else if (strcmp(a, "--nodes") == 0)
            parse_list2(v, nodes, meetings, &nn);
        else if (strcmp(a, "--jobs") == 0)
            parse_list(v, jobs_list, &njobs);
        else if (strcmp(a, "--runs") == 0)
            runs = atoi(v);
        else if (strcmp(a, "--work") == 0)
            work_root = v;
        else {
            fprintf(stderr, "bench: unknown option %s\n", a);
            return 2;
        }
    }
    if (!exe || !seeds_dir) {
        fprintf(stderr, "usage: bench_wardgraph --wardgraph EXE --seeds DIR [--gen-graph PY] [--python PY]\n"
                        "       [--articles N,N...] [--nodes N,N...] [--jobs J,J...] [--runs R] [--work DIR] [--keep]\n");
        return 2;
    }
    if (runs < 1)
        runs = 1;
    wg_init();
    if (load_seeds(&pool, seeds_dir) < 0) {
        fprintf(stderr, "bench: no seed articles in %s\n", seeds_dir);
        return 1;
    }
    snprintf(work, sizeof work, "%s/wg-bench-XXXXXX", work_root);
    if (!mkdtemp(work)) {
        fprintf(stderr, "bench: cannot make a directory under %s\n", work_root);
        return 1;
    }
    double t0 = now();
    int py = has_python_igraph(), approx_cl = approx_closeness();
    printf("wardgraph bench: %ld CPUs; %s; data under %s\n", sysconf(_SC_NPROCESSORS_ONLN), exe, work);
    printf("MB/s and ratios are of CPU time (user + system of the step and its children), which another\n"
           "process on the machine does not inflate; steps under %.0f s are run %d times (median).\n",
           REPEAT_UNDER, runs);
    printf("closeness/harmonic --approx: %s; python-igraph: %s\n", approx_cl ? "accepted" : "not in this CLI",
           py ? python : "skipped: python-igraph not installed");
    for (int i = 0; i < na; i++)
        if (articles[i] > 0)
            corpus_part(&pool, articles[i], approx_cl);
    for (int i = 0; i < nn; i++)
        if (nodes[i] > 0 && gen_graph)
            graph_part(nodes[i], meetings[i], py, approx_cl);
    printf("\nwhole bench: %.0f s\n", now() - t0);
    if (!keep) {
        char cmd[8300];
        snprintf(cmd, sizeof cmd, "rm -rf '%s'", work);
        if (system(cmd) != 0)
            fprintf(stderr, "bench: could not remove %s\n", work);
    }
    for (size_t i = 0; i < pool.n; i++)
        free(pool.para[i]);
    free(pool.para);
    for (size_t i = 0; i < pool.nseeds; i++) {
        free(pool.titles[i]);
        free(pool.bylines[i]);
    }
    return 0;
}
