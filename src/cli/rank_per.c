/* rank --per year|quarter|month: one network per period of a store, each
 * built from the articles of that period alone (as `build --since --until`
 * would), ranked, and printed one row per node and period, so that a rise
 * or a fall shows. A GraphML file keeps the dates of each tie, not of each
 * meeting, so only a store can say who met how often in a period. */
#include <math.h>
#include <stdio.h>
#include <string.h>
#include "cli/cli.h"
#include "store/store.h"
#include "util/util.h"

typedef struct {
    char name[24];         /* "2024", "2024-Q3", "2024-07" */
    char since[24], until[24];
} period;

static int days_in(int y, int m)
{
    static const int d[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    return m == 2 && ((y % 4 == 0 && y % 100 != 0) || y % 400 == 0) ? 29 : d[m - 1];
}

/* The period holding month m of year y. */
static void period_of(period *p, const char *per, int year, int m)
{
    int first = m, last = m;
    unsigned y = (unsigned)year % 10000;
    if (per[0] == 'y') {
        first = 1, last = 12;
        snprintf(p->name, sizeof p->name, "%04u", y);
    } else if (per[0] == 'q') {
        first = (m - 1) / 3 * 3 + 1, last = first + 2;
        snprintf(p->name, sizeof p->name, "%04u-Q%u", y, (unsigned)(m - 1) / 3 + 1);
    } else {
        snprintf(p->name, sizeof p->name, "%04u-%02u", y, (unsigned)m % 100);
    }
    snprintf(p->since, sizeof p->since, "%04u-%02u-01", y, (unsigned)first % 100);
    snprintf(p->until, sizeof p->until, "%04u-%02u-%02u", y, (unsigned)last % 100, (unsigned)days_in(year, last) % 100);
}

typedef struct {
    const char *per;
    wg_buf out;
    size_t rows;
} printer;

static void put_number(wg_buf *b, double d)
{
    if (isfinite(d))
        wg_buf_printf(b, "%.17g", d);
    else
        wg_buf_puts(b, "null");
}

static void print_rows(printer *pr, const period *p, const wg_ranking *r, const char *format)
{
    for (size_t i = 0; i < r->nrows; i++) {
        const wg_rank_row *row = &r->rows[i];
        if (strcmp(format, "json") == 0) {
            wg_buf_puts(&pr->out, pr->rows++ ? ",\n {\"period\":" : "\n {\"period\":");
            wg_json_put_string(&pr->out, p->name);
            wg_buf_puts(&pr->out, ",\"key\":");
            wg_json_put_string(&pr->out, row->key);
            wg_buf_puts(&pr->out, ",\"label\":");
            wg_json_put_string(&pr->out, row->label);
            wg_buf_puts(&pr->out, ",\"type\":");
            wg_json_put_string(&pr->out, row->type);
            wg_buf_puts(&pr->out, ",\"score\":");
            put_number(&pr->out, row->score);
            wg_buf_printf(&pr->out, ",\"rank\":%zu}", i + 1);
        } else if (strcmp(format, "tsv") == 0) {
            wg_buf_printf(&pr->out, "%s\t%s\t%s\t%s\t%.17g\t%zu\n", p->name, row->key, row->label, row->type,
                          row->score, i + 1);
        } else {
            wg_buf_printf(&pr->out, "%-8s  %4zu  %s  (%s)  %.6g\n", p->name, i + 1, row->label, row->type,
                          row->score);
        }
        pr->rows += strcmp(format, "json") != 0;
    }
}

/* The periods in which some article is dated, in order. */
typedef struct {
    const char *per;
    period *p;
    size_t n, cap;
} periods;

static int add_month(void *ctx, const char *month)
{
    periods *ps = ctx;
    period p;
    int y = atoi(month), m = atoi(month + 5);
    if (m < 1 || m > 12)
        return 0; /* "2023-00-10" dates no month */
    period_of(&p, ps->per, y, m);
    if (ps->n && strcmp(ps->p[ps->n - 1].name, p.name) == 0)
        return 0;
    if (wg_i_grow(&ps->p, &ps->cap, ps->n + 1, sizeof *ps->p) < 0)
        return WG_ENOMEM;
    ps->p[ps->n++] = p;
    return 0;
}

int cli_rank_per(const char *store, const char *per, const wg_article_filter *f, const wg_rank_options *ro,
                 const char *format)
{
    char lo[11], hi[11];
    wg_store *s = NULL;
    printer pr = {per, WG_BUF_INIT, 0};
    periods ps = {per, NULL, 0, 0};
    size_t ranked = 0, articles = 0;
    int err;

    if ((err = wg_article_filter_check(f)) < 0)
        return err;
    wg_i_filter_bounds(f, lo, hi);
    if ((err = wg_store_open(&s, store, WG_STORE_READ)) < 0)
        return err;
    err = wg_store_months(s, add_month, &ps);
    wg_store_close(s);
    if (err < 0) {
        free(ps.p);
        return err;
    }
    if (!ps.n)
        return wg_i_error_set(WG_EINPUT, "%s: no stored article has a year: no period to rank", store);
    if (strcmp(format, "json") == 0) {
        wg_buf_puts(&pr.out, "{\"measure\":");
        wg_json_put_string(&pr.out, ro->measure);
        wg_buf_puts(&pr.out, ",\"per\":");
        wg_json_put_string(&pr.out, per);
        wg_buf_puts(&pr.out, ",\"rows\":[");
    } else if (strcmp(format, "tsv") == 0) {
        wg_buf_puts(&pr.out, "period\tkey\tlabel\ttype\tscore\trank\n");
    } else {
        wg_buf_printf(&pr.out, "%-8s  %4s  %s  (%s)  %s\n", "period", "rank", "label", "type", ro->measure);
    }
    for (size_t i = 0; i < ps.n && !err; i++) {
        const period *p = &ps.p[i];
        wg_article_filter pf = *f;
        wg_filter_counts counts;
        wg_graph *g = NULL;
        wg_ranking *r = NULL;
        /* the period, within the user's window (full ISO dates compare as strings) */
        pf.since = strcmp(lo, p->since) > 0 ? lo : p->since;
        pf.until = strcmp(hi, p->until) < 0 ? hi : p->until;
        if (strcmp(pf.since, pf.until) > 0)
            continue;
        if ((err = cli_read_store_graph(&g, store, &pf, &counts)) < 0)
            break;
        if (counts.in && wg_graph_node_count(g)) {
            if ((err = wg_rank(&r, g, ro)) == 0) {
                print_rows(&pr, p, r, format);
                ranked++;
                articles += counts.in;
                wg_ranking_free(r);
            }
        }
        wg_graph_free(g);
    }
    free(ps.p);
    if (strcmp(format, "json") == 0)
        wg_buf_puts(&pr.out, "]}\n");
    if (!err && pr.out.failed)
        err = WG_ENOMEM;
    if (!err)
        fputs(pr.out.ptr, stdout);
    wg_buf_free(&pr.out);
    if (!err)
        cli_error("%s: %zu periods (%s) with meetings, from %zu dated articles", store, ranked, per, articles);
    return err;
}
