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

int cli_rank_per(const char *store, const char *per, const wg_article_filter *f, const wg_rank_options *ro,
                 const char *format)
{
    char first[11], last[11], lo[11], hi[11];
    wg_store *s = NULL;
    printer pr = {per, WG_BUF_INIT, 0};
    size_t periods = 0, articles = 0;
    int err, found, y, m;

    if ((err = wg_store_open(&s, store, WG_STORE_READ)) < 0)
        return err;
    found = wg_store_dates(s, first, last);
    wg_store_close(s);
    if (found < 0)
        return found;
    if (!found)
        return wg_i_error_set(WG_EINPUT, "%s: no stored article has a year: no period to rank", store);
    /* the user's window narrows the periods' span */
    if ((err = wg_article_filter_check(f)) < 0)
        return err;
    wg_i_filter_bounds(f, lo, hi);
    if (strcmp(lo, first) > 0)
        memcpy(first, lo, sizeof first);
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
    y = atoi(first);
    m = atoi(first + 5);
    for (;;) {
        period p;
        wg_article_filter pf = *f;
        wg_filter_counts counts;
        wg_graph *g = NULL;
        wg_ranking *r = NULL;
        period_of(&p, per, y, m);
        if (strcmp(p.since, last) > 0)
            break;
        /* the next period's first month */
        m += per[0] == 'y' ? 12 - m + 1 : per[0] == 'q' ? 3 - (m - 1) % 3 : 1;
        if (m > 12)
            m -= 12, y++;
        /* the period, within the user's window (full ISO dates compare as strings) */
        pf.since = strcmp(lo, p.since) > 0 ? lo : p.since;
        pf.until = strcmp(hi, p.until) < 0 ? hi : p.until;
        if (strcmp(pf.since, pf.until) > 0) {
            if (strcmp(p.since, hi) > 0)
                break;
            continue;
        }
        if ((err = cli_read_store_graph(&g, store, &pf, &counts)) < 0)
            break;
        if (counts.in && wg_graph_node_count(g)) {
            if ((err = wg_rank(&r, g, ro)) < 0) {
                wg_graph_free(g);
                break;
            }
            print_rows(&pr, &p, r, format);
            periods++;
            articles += counts.in;
            wg_ranking_free(r);
        }
        wg_graph_free(g);
    }
    if (strcmp(format, "json") == 0)
        wg_buf_puts(&pr.out, "]}\n");
    if (!err && pr.out.failed)
        err = WG_ENOMEM;
    if (!err)
        fputs(pr.out.ptr, stdout);
    wg_buf_free(&pr.out);
    if (!err)
        cli_error("%s: %zu periods (%s) with meetings, from %zu dated articles", store, periods, per, articles);
    return err;
}
