/* Reading and extracting in parallel, emitting in input order.
 * Inputs go through in batches, so memory holds one batch of articles at a
 * time whatever the corpus size; each worker does read + decode + extract
 * (a pure function of the text and the lexicon); the main thread hands the
 * results on in input order, so the output is the same for any -j. */
#include <pthread.h>
#include <stdatomic.h>
#include <string.h>
#include "cli/cli.h"
#include "util/util.h"

typedef struct {
    const char *path;
    wg_article *article;
    char *error;      /* why the input was skipped */
    int io_error;     /* could not be read at all */
    wg_buf warnings;  /* "path:offset: message\n" lines */
    size_t bytes;
} slot;

typedef struct {
    slot *slots;
    size_t n;
    atomic_size_t next;
    const cli_pipeline_options *opts;
} batch;

static void process(slot *s, const cli_pipeline_options *opts)
{
    char *bytes = NULL;
    size_t len = 0;
    wg_doc *doc = NULL;
    int err;

    if ((err = wg_read_file(s->path, &bytes, &len)) < 0) {
        s->error = wg_i_strdup(wg_error_last());
        s->io_error = 1;
        return;
    }
    s->bytes = len;
    err = wg_doc_new(&doc, s->path, bytes, len, &opts->read);
    free(bytes);
    if (err < 0) {
        s->error = wg_i_strdup(wg_error_last());
        return;
    }
    for (size_t i = 0; i < wg_doc_warning_count(doc); i++) {
        const wg_warning *w = wg_doc_warning(doc, i);
        if (w->line)
            wg_buf_printf(&s->warnings, "%s:%zu: %s\n", s->path, w->line, w->message);
        else
            wg_buf_printf(&s->warnings, "%s: byte %zu: %s\n", s->path, w->offset, w->message);
    }
    if ((err = wg_extract(&s->article, doc, opts->lex)) < 0)
        s->error = wg_i_strdup(wg_error_last());
    wg_doc_free(doc);
}

static void *worker(void *arg)
{
    batch *b = arg;
    size_t i;
    while ((i = atomic_fetch_add(&b->next, 1)) < b->n)
        process(&b->slots[i], b->opts);
    return NULL;
}

void cli_summary_print(const cli_summary *sum)
{
    fprintf(stderr, "wardgraph: %zu inputs read (%.1f MB), %zu skipped, %zu unreadable, %zu warnings\n",
            sum->read, (double)sum->bytes / 1e6, sum->skipped, sum->failed, sum->warnings);
}

int cli_pipeline_run(const cli_inputs *in, const cli_pipeline_options *opts,
                     cli_article_fn fn, void *ctx, cli_summary *sum)
{
    int jobs = opts->jobs > 0 ? opts->jobs : 1;
    size_t per_batch = (size_t)jobs * 32;
    slot *slots = wg_i_calloc(per_batch, sizeof *slots);
    pthread_t *threads = wg_i_calloc((size_t)jobs, sizeof *threads);
    int err = 0;

    memset(sum, 0, sizeof *sum);
    if (!slots || !threads) {
        free(slots);
        free(threads);
        return WG_ENOMEM;
    }
    for (size_t start = 0; start < in->npaths && !err; start += per_batch) {
        batch b;
        b.n = in->npaths - start < per_batch ? in->npaths - start : per_batch;
        b.slots = slots;
        b.opts = opts;
        atomic_init(&b.next, 0);
        memset(slots, 0, b.n * sizeof *slots);
        for (size_t i = 0; i < b.n; i++)
            slots[i].path = in->paths[start + i];
        /* stdin cannot be shared between threads: one thread for a batch with "-" */
        int threads_here = jobs;
        for (size_t i = 0; i < b.n; i++)
            if (strcmp(slots[i].path, "-") == 0)
                threads_here = 1;
        int started = 0;
        for (int t = 1; t < threads_here; t++)
            if (pthread_create(&threads[t], NULL, worker, &b) == 0)
                started = t;
            else
                break;
        worker(&b);
        for (int t = 1; t <= started; t++)
            pthread_join(threads[t], NULL);
        for (size_t i = 0; i < b.n; i++) {
            slot *s = &slots[i];
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
                }
            } else if (s->article) {
                sum->read++;
                if (!err && fn(ctx, s->article) < 0)
                    err = -1;
            } else {
                sum->failed++;
                cli_error("%s: out of memory", s->path);
            }
            wg_article_free(s->article);
            free(s->error);
            wg_buf_free(&s->warnings);
        }
    }
    free(slots);
    free(threads);
    return err;
}
