/* Reading and extracting in parallel, emitting in input order.
 * Workers take the inputs in order from a ring of slots, each doing read +
 * decode + extract (a pure function of the text and the lexicon); the main
 * thread hands each result on as soon as it and all before it are done,
 * and while the next is not, extracts one of those after it itself. The
 * workers go on ahead at most a ring's length: memory holds that many
 * articles whatever the corpus size, the output is the same for any -j,
 * and the main thread's own work (writing JSONL, adding to the graph) runs
 * beside the extraction instead of between batches of it. A JSONL
 * input (lines of `extract`, the map step of a sharded run) is already
 * extracted: the main thread streams its lines in their place. */
#include <errno.h>
#include <pthread.h>
#include <stdatomic.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>
#include "cli/cli.h"
#include "util/util.h"

typedef struct {
    const char *path;
    wg_article *article;
    char *error;      /* why the input was skipped */
    int io_error;     /* could not be read at all */
    int too_large;    /* over CLI_MAX_ARTICLE_BYTES: skipped unread */
    wg_skip_reason reason;
    wg_buf warnings;  /* "path:offset: message\n" lines */
    size_t bytes;
    char *text;       /* the normalised text, when the options keep it, or
                         what opts->render made of the article */
    size_t textlen;
    int rendered;     /* text is opts->render's; article is NULL */
    int jsonl;        /* read by the main thread, line by line */
} slot;

/* The ring: slot k % cap holds input k once the main thread has handed on
 * input k - cap. `lock` guards done flags, `emitted` and `stop`. */
typedef struct {
    slot *slots;
    int *done;
    size_t cap, n;
    const char *const *paths;
    atomic_size_t next;
    size_t emitted;  /* inputs handed on (and their slots cleared) */
    int stop;        /* the main thread stopped early: workers end */
    pthread_mutex_t lock;
    pthread_cond_t ready; /* a slot is done */
    pthread_cond_t room;  /* a slot is free, or stop */
    const cli_pipeline_options *opts;
} ring;

/* How every line `extract` writes begins (see cli_is_jsonl). */
static const char jsonl_head[] = "{\"source\":";

static int jsonl_name(const char *path)
{
    size_t n = strlen(path);
    return n > 6 && strcmp(path + n - 6, ".jsonl") == 0;
}

static char *too_large_message(const char *path, unsigned long long size)
{
    char msg[512];
    snprintf(msg, sizeof msg, "%s: %.1f MB, over the %d MB limit for one article", path, (double)size / (1 << 20),
             CLI_MAX_ARTICLE_BYTES >> 20);
    return wg_i_strdup(msg);
}

static void process(slot *s, const cli_pipeline_options *opts)
{
    char *bytes = NULL;
    size_t len = 0;
    wg_doc *doc = NULL;
    int err;
    struct stat st;

    /* one article is one meeting's report: a file far larger is not one,
     * and is skipped before it is read */
    if (strcmp(s->path, "-") != 0 && stat(s->path, &st) == 0 && S_ISREG(st.st_mode) &&
        (unsigned long long)st.st_size > CLI_MAX_ARTICLE_BYTES) {
        if (cli_is_jsonl(s->path)) {
            s->jsonl = 1; /* a large file of extraction lines */
            return;
        }
        s->too_large = 1;
        s->error = too_large_message(s->path, (unsigned long long)st.st_size);
        return;
    }
    if ((err = wg_read_file(s->path, &bytes, &len)) < 0) {
        s->error = wg_i_strdup(wg_error_last());
        s->io_error = 1;
        return;
    }
    if (strcmp(s->path, "-") != 0 && len >= sizeof jsonl_head - 1 &&
        memcmp(bytes, jsonl_head, sizeof jsonl_head - 1) == 0) {
        free(bytes);
        s->jsonl = 1; /* lines of `extract`: the main thread reads them */
        return;
    }
    s->bytes = len;
    if (len > CLI_MAX_ARTICLE_BYTES) { /* standard input */
        free(bytes);
        s->too_large = 1;
        s->error = too_large_message(s->path, len);
        return;
    }
    err = wg_doc_new(&doc, s->path, bytes, len, &opts->read);
    free(bytes);
    if (err < 0) {
        s->error = wg_i_strdup(wg_error_last());
        s->reason = wg_doc_skip_reason();
        return;
    }
    for (size_t i = 0; i < wg_doc_warning_count(doc); i++) {
        const wg_warning *w = wg_doc_warning(doc, i);
        if (w->line)
            wg_buf_printf(&s->warnings, "wardgraph: %s:%zu: %s\n", s->path, w->line, w->message);
        else
            wg_buf_printf(&s->warnings, "wardgraph: %s: byte %zu: %s\n", s->path, w->offset, w->message);
    }
    if ((err = wg_extract(&s->article, doc, opts->lex)) < 0)
        s->error = wg_i_strdup(wg_error_last());
    else if (opts->keep_text) {
        const char *t = wg_doc_text(doc, &s->textlen);
        if (!(s->text = wg_i_strndup(t, s->textlen))) {
            wg_article_free(s->article);
            s->article = NULL;
        }
    }
    wg_doc_free(doc);
    if (s->article && opts->render) {
        char *out = opts->render(opts->render_ctx, s->article, s->text, s->textlen);
        wg_article_free(s->article);
        free(s->text);
        s->article = NULL;
        s->text = out;
        s->textlen = out ? strlen(out) : 0;
        s->rendered = out != NULL; /* else: out of memory, as for no article */
    }
}

/* Fills a cleared slot with input `path`. */
static void fill(slot *s, const char *path, const cli_pipeline_options *opts)
{
    s->path = path;
    /* by its name, or by its first bytes once read (process) */
    s->jsonl = jsonl_name(path);
    if (!s->jsonl)
        process(s, opts);
}

static void *worker(void *arg)
{
    ring *r = arg;
    size_t k;
    while ((k = atomic_fetch_add(&r->next, 1)) < r->n) {
        pthread_mutex_lock(&r->lock);
        while (!r->stop && k >= r->emitted + r->cap)
            pthread_cond_wait(&r->room, &r->lock);
        int stop = r->stop;
        pthread_mutex_unlock(&r->lock);
        if (stop)
            break;
        fill(&r->slots[k % r->cap], r->paths[k], r->opts);
        pthread_mutex_lock(&r->lock);
        r->done[k % r->cap] = 1;
        pthread_cond_signal(&r->ready);
        pthread_mutex_unlock(&r->lock);
    }
    return NULL;
}

void cli_summary_print(const cli_summary *sum)
{
    size_t skipped = sum->skipped + sum->not_articles + sum->not_regular;
    fprintf(stderr, "wardgraph: %zu inputs read (%.1f MB), %zu skipped", sum->read, (double)sum->bytes / 1e6,
            skipped);
    if (skipped) {
        /* by reason, in a fixed order */
        const char *sep = " (";
        for (int r = WG_SKIP_EMPTY; r <= WG_SKIP_OTHER; r++)
            if (sum->skipped_by[r]) {
                fprintf(stderr, "%s%zu %s", sep, sum->skipped_by[r], wg_skip_reason_name((wg_skip_reason)r));
                sep = ", ";
            }
        if (sum->too_large)
            fprintf(stderr, "%s%zu too large", sep, sum->too_large), sep = ", ";
        if (sum->bad_lines)
            fprintf(stderr, "%s%zu malformed JSONL line%s", sep, sum->bad_lines, sum->bad_lines == 1 ? "" : "s"),
                sep = ", ";
        if (sum->not_articles)
            fprintf(stderr, "%s%zu not .txt/.html/.htm", sep, sum->not_articles), sep = ", ";
        if (sum->not_regular)
            fprintf(stderr, "%s%zu not regular files", sep, sum->not_regular);
        fputc(')', stderr);
    }
    fprintf(stderr, ", %zu unreadable, %zu warnings\n", sum->failed, sum->warnings);
}

/* FILE.jsonl, or a file that begins as `extract` writes every line: the
 * parts Spark and Hadoop write (part-00000, ...) have no extension. */
int cli_is_jsonl(const char *path)
{
    char buf[sizeof jsonl_head - 1];
    size_t n;
    FILE *fp;
    if (jsonl_name(path))
        return 1;
    if (strcmp(path, "-") == 0 || !(fp = fopen(path, "rb")))
        return 0;
    n = fread(buf, 1, sizeof buf, fp);
    fclose(fp);
    return n == sizeof buf && memcmp(buf, jsonl_head, sizeof buf) == 0;
}

/* Hands on the articles of a JSONL file, one per line; a line that is none
 * is reported with its number and skipped. < 0 when fn stops the run. */
static int read_jsonl(const char *path, const cli_pipeline_options *opts, cli_article_fn fn, void *ctx,
                      cli_summary *sum)
{
    FILE *fp = strcmp(path, "-") == 0 ? stdin : fopen(path, "rb");
    char *line = NULL;
    size_t cap = 0, lineno = 0;
    ssize_t n;
    int err = 0;
    if (!fp) {
        cli_error("%s: %s", path, strerror(errno));
        sum->failed++;
        return 0;
    }
    while (!err && (n = getline(&line, &cap, fp)) >= 0) {
        wg_article *a = NULL;
        char *text = NULL;
        lineno++;
        sum->bytes += (size_t)n;
        while (n > 0 && (line[n - 1] == '\n' || line[n - 1] == '\r'))
            line[--n] = '\0';
        if (n == 0)
            continue;
        if (wg_article_from_jsonl(&a, line, (size_t)n, opts->keep_text ? &text : NULL) < 0) {
            cli_error("%s:%zu: %s; skipped", path, lineno, wg_error_last());
            sum->skipped++;
            sum->bad_lines++;
            continue;
        }
        sum->read++;
        if (fn(ctx, a, text, text ? strlen(text) : 0) < 0)
            err = -1;
        wg_article_free(a);
        free(text);
    }
    if (!err && ferror(fp)) {
        cli_error("%s:%zu: %s", path, lineno + 1, strerror(errno));
        sum->failed++;
    }
    free(line);
    if (fp != stdin)
        fclose(fp);
    return err;
}

/* ---- a progress line on a terminal ---- */

typedef struct {
    int on;            /* stderr is a terminal and we may write */
    int shown;         /* a line is on screen */
    struct timespec start;
} progress;

static double elapsed(const progress *p)
{
    struct timespec now;
    clock_gettime(CLOCK_MONOTONIC, &now);
    return (double)(now.tv_sec - p->start.tv_sec) + (double)(now.tv_nsec - p->start.tv_nsec) / 1e9;
}

static void progress_clear(progress *p)
{
    if (p->shown) {
        fputs("\r\033[K", stderr);
        p->shown = 0;
    }
}

/* Shown once the run has taken two seconds, then after every batch. */
static void progress_show(progress *p, size_t done, size_t total, const cli_summary *sum)
{
    double t;
    if (!p->on || done >= total || (t = elapsed(p)) < 2.0)
        return;
    fprintf(stderr, "\r\033[Kwardgraph: %zu/%zu inputs (%zu%%), %zu skipped, %.0f s", done, total,
            done * 100 / total, sum->skipped, t);
    fflush(stderr);
    p->shown = 1;
}

/* The main thread's turn at extracting while the input it is to hand on
 * next is not done: the next input not yet taken, when the ring has room
 * for it. 0 when there is none to take. */
static int help(ring *r)
{
    size_t k = atomic_load(&r->next);
    do {
        if (k >= r->n || k >= r->emitted + r->cap)
            return 0;
    } while (!atomic_compare_exchange_weak(&r->next, &k, k + 1));
    fill(&r->slots[k % r->cap], r->paths[k], r->opts);
    pthread_mutex_lock(&r->lock);
    r->done[k % r->cap] = 1;
    pthread_mutex_unlock(&r->lock);
    return 1;
}

/* Hands on one done slot in input order: its warnings, its error or its
 * article (or the lines of a JSONL input); then clears it. */
static void hand_on(slot *s, const cli_pipeline_options *opts, cli_article_fn fn, void *ctx, cli_summary *sum,
                    progress *prog, int *err)
{
    if (s->jsonl) {
        if (!*err && read_jsonl(s->path, opts, fn, ctx, sum) < 0)
            *err = -1;
        memset(s, 0, sizeof *s);
        return;
    }
    if ((s->warnings.len && !opts->quiet) || s->error)
        progress_clear(prog);
    if (s->warnings.len) {
        if (!opts->quiet)
            fputs(s->warnings.ptr, stderr);
        for (size_t k = 0; k < s->warnings.len; k++)
            sum->warnings += s->warnings.ptr[k] == '\n';
    }
    sum->bytes += s->bytes;
    if (s->error) {
        if (s->io_error) {
            cli_error("%s", s->error);
            sum->failed++;
        } else {
            cli_error("%s; skipped", s->error);
            sum->skipped++;
            if (s->too_large)
                sum->too_large++;
            else
                sum->skipped_by[s->reason <= WG_SKIP_OTHER && s->reason > WG_SKIP_NONE ? s->reason
                                                                                   : WG_SKIP_OTHER]++;
        }
    } else if (s->article || s->rendered) {
        sum->read++;
        if (!*err && fn(ctx, s->article, s->text, s->textlen) < 0)
            *err = -1;
    } else {
        sum->failed++;
        cli_error("%s: out of memory", s->path);
    }
    wg_article_free(s->article);
    free(s->text);
    free(s->error);
    wg_buf_free(&s->warnings);
    memset(s, 0, sizeof *s);
}

/* Shown every this many inputs. */
enum { PROGRESS_EVERY = 64 };

int cli_pipeline_run(const cli_inputs *in, const cli_pipeline_options *opts,
                     cli_article_fn fn, void *ctx, cli_summary *sum)
{
    int jobs = opts->jobs > 0 ? opts->jobs : 1;
    int err = 0;
    progress prog = {0, 0, {0, 0}};
    memset(sum, 0, sizeof *sum);
    sum->not_articles = in->not_articles;
    sum->failed = in->missing; /* arguments that could not be opened are unreadable inputs too */
    sum->not_regular = in->not_regular;
    prog.on = !opts->quiet && isatty(STDERR_FILENO);
    clock_gettime(CLOCK_MONOTONIC, &prog.start);
    if (wg_read_options_check(&opts->read) < 0)
        return WG_EINVAL;
    /* stdin cannot be shared between threads: one thread for a run with "-" */
    for (size_t i = 0; i < in->npaths && jobs > 1; i++)
        if (strcmp(in->paths[i], "-") == 0)
            jobs = 1;
    if (jobs == 1 || in->npaths < 2) {
        for (size_t i = 0; i < in->npaths && !err; i++) {
            slot s;
            memset(&s, 0, sizeof s);
            fill(&s, in->paths[i], opts);
            hand_on(&s, opts, fn, ctx, sum, &prog, &err);
            if ((i + 1) % PROGRESS_EVERY == 0)
                progress_show(&prog, i + 1, in->npaths, sum);
        }
        progress_clear(&prog);
        return err;
    }

    ring r;
    memset(&r, 0, sizeof r);
    r.cap = (size_t)jobs * 32;
    r.n = in->npaths;
    r.paths = (const char *const *)in->paths;
    r.opts = opts;
    atomic_init(&r.next, 0);
    r.slots = wg_i_calloc(r.cap, sizeof *r.slots);
    r.done = wg_i_calloc(r.cap, sizeof *r.done);
    pthread_t *threads = wg_i_calloc((size_t)jobs, sizeof *threads);
    if (!r.slots || !r.done || !threads) {
        free(r.slots);
        free(r.done);
        free(threads);
        return WG_ENOMEM;
    }
    pthread_mutex_init(&r.lock, NULL);
    pthread_cond_init(&r.ready, NULL);
    pthread_cond_init(&r.room, NULL);
    /* -j N: N - 1 workers and this thread, which hands on and helps */
    int started = 0;
    for (int t = 1; t < jobs; t++)
        if (pthread_create(&threads[t], NULL, worker, &r) == 0)
            started = t;
        else
            break;
    for (size_t i = 0; i < r.n && !err; i++) {
        slot *s = &r.slots[i % r.cap];
        for (;;) {
            pthread_mutex_lock(&r.lock);
            int done = r.done[i % r.cap];
            pthread_mutex_unlock(&r.lock);
            if (done)
                break;
            if (help(&r))
                continue;
            /* nothing to take: wait for the worker that has input i */
            pthread_mutex_lock(&r.lock);
            while (!r.done[i % r.cap])
                pthread_cond_wait(&r.ready, &r.lock);
            pthread_mutex_unlock(&r.lock);
            break;
        }
        hand_on(s, opts, fn, ctx, sum, &prog, &err);
        pthread_mutex_lock(&r.lock);
        r.done[i % r.cap] = 0;
        r.emitted = i + 1;
        r.stop = err != 0;
        pthread_cond_broadcast(&r.room);
        pthread_mutex_unlock(&r.lock);
        if ((i + 1) % PROGRESS_EVERY == 0)
            progress_show(&prog, i + 1, r.n, sum);
    }
    pthread_mutex_lock(&r.lock);
    r.stop = 1;
    pthread_cond_broadcast(&r.room);
    pthread_mutex_unlock(&r.lock);
    for (int t = 1; t <= started; t++)
        pthread_join(threads[t], NULL);
    /* what the workers did past a stop is dropped */
    for (size_t k = 0; k < r.cap; k++) {
        wg_article_free(r.slots[k].article);
        free(r.slots[k].text);
        free(r.slots[k].error);
        wg_buf_free(&r.slots[k].warnings);
    }
    pthread_cond_destroy(&r.room);
    pthread_cond_destroy(&r.ready);
    pthread_mutex_destroy(&r.lock);
    progress_clear(&prog);
    free(r.slots);
    free(r.done);
    free(threads);
    return err;
}
