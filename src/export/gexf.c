/* GEXF 1.2 (or 1.3 on request), Gephi's own format: viz:color by type, viz:size by mentions,
 * viz:position from the layout, and time, so that Gephi's timeline
 * animates the network.
 *
 * Time rule (partial dates handled honestly): each node and edge gets one
 * spell per meeting date it has (the "dates" attribute), as closed
 * intervals of days (timeformat="date"). A full date YYYY-MM-DD is the
 * one-day spell [d, d]; a date known only to the month (YYYY-MM) or year
 * (YYYY) spans that whole month or year, since the meeting happened
 * somewhere in it; a date without a year (--MM-DD) cannot be placed on a
 * timeline and gives no spell. Overlapping spells are merged (Gephi
 * refuses overlaps). A node or edge with no spell at all carries no
 * <spells> and so, as GEXF says, exists at all times: it is never hidden
 * for want of a date. */
#include <string.h>
#include <libxml/xmlwriter.h>
#include "export/export.h"

typedef struct {
    char start[24], end[24]; /* "YYYY-MM-DD"; room for what the compiler cannot bound */
} spell;

static int digits(const char *s, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (s[i] < '0' || s[i] > '9')
            return 0;
    return 1;
}

static int days_in_month(int y, int m)
{
    static const int days[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    if (m == 2 && ((y % 4 == 0 && y % 100 != 0) || y % 400 == 0))
        return 29;
    return days[m - 1];
}

/* The spell of one ISO 8601 date (n bytes), or 0 when it has no year. */
static int date_spell(const char *d, size_t n, spell *out)
{
    int y, m;
    if (n < 4 || !digits(d, 4))
        return 0;
    y = (d[0] - '0') * 1000 + (d[1] - '0') * 100 + (d[2] - '0') * 10 + (d[3] - '0');
    if (n == 4) {
        snprintf(out->start, sizeof out->start, "%04d-01-01", y);
        snprintf(out->end, sizeof out->end, "%04d-12-31", y);
        return 1;
    }
    if ((n != 7 && n != 10) || d[4] != '-' || !digits(d + 5, 2))
        return 0;
    m = (d[5] - '0') * 10 + (d[6] - '0');
    if (m < 1 || m > 12)
        return 0;
    if (n == 7) {
        snprintf(out->start, sizeof out->start, "%04d-%02d-01", y, m);
        snprintf(out->end, sizeof out->end, "%04d-%02d-%02d", y, m, days_in_month(y, m));
        return 1;
    }
    if (d[7] != '-' || !digits(d + 8, 2))
        return 0;
    int day = (d[8] - '0') * 10 + (d[9] - '0');
    if (day < 1 || day > days_in_month(y, m))
        return 0;
    memcpy(out->start, d, 10);
    out->start[10] = '\0';
    memcpy(out->end, out->start, 11);
    return 1;
}

static int cmp_spell(const void *a, const void *b)
{
    const spell *x = a, *y = b;
    int c = strcmp(x->start, y->start);
    return c ? c : strcmp(x->end, y->end);
}

/* The merged spells of a ";"-separated list of dates; *n = 0 if none. */
static spell *spells_of(const char *dates, size_t *n)
{
    size_t cap = 1, k = 0;
    spell *s;
    *n = 0;
    if (!dates || !*dates)
        return NULL;
    for (const char *p = dates; *p; p++)
        cap += *p == ';';
    if ((s = wg_i_calloc(cap, sizeof *s)) == NULL)
        return NULL;
    for (const char *p = dates; *p;) {
        size_t l = strcspn(p, ";");
        if (date_spell(p, l, &s[k]))
            k++;
        p += l;
        if (*p == ';')
            p++;
    }
    qsort(s, k, sizeof *s, cmp_spell);
    size_t m = 0;
    for (size_t i = 0; i < k; i++) {
        if (m && strcmp(s[i].start, s[m - 1].end) <= 0) {
            if (strcmp(s[i].end, s[m - 1].end) > 0)
                memcpy(s[m - 1].end, s[i].end, sizeof s[i].end);
        } else {
            s[m++] = s[i];
        }
    }
    *n = m;
    return s;
}

static int write_spells(xmlTextWriterPtr w, const wg_table *t, size_t row)
{
    const wg_column *dates = wg_table_find(t, "dates");
    size_t n;
    spell *s;
    int bad = 0;
    if (!dates || dates->kind != WG_ATTR_STRING)
        return 0;
    if ((s = spells_of(dates->s[row], &n)) == NULL || !n) {
        free(s);
        return 0;
    }
    bad |= xmlTextWriterStartElement(w, BAD_CAST "spells") < 0;
    for (size_t i = 0; i < n; i++) {
        bad |= xmlTextWriterStartElement(w, BAD_CAST "spell") < 0;
        bad |= xmlTextWriterWriteAttribute(w, BAD_CAST "start", BAD_CAST s[i].start) < 0;
        bad |= xmlTextWriterWriteAttribute(w, BAD_CAST "end", BAD_CAST s[i].end) < 0;
        bad |= xmlTextWriterEndElement(w) < 0;
    }
    bad |= xmlTextWriterEndElement(w) < 0;
    free(s);
    return bad ? -1 : 0;
}

/* Columns that GEXF carries in its own attributes or viz: elements. */
static int builtin(const char *name, int edges)
{
    if (strcmp(name, "label") == 0)
        return 1;
    return edges ? strcmp(name, "weight") == 0 : strcmp(name, "id") == 0 || wg_i_is_visual(name);
}

static int declare(xmlTextWriterPtr w, const wg_table *t, int edges)
{
    int bad = 0;
    bad |= xmlTextWriterStartElement(w, BAD_CAST "attributes") < 0;
    bad |= xmlTextWriterWriteAttribute(w, BAD_CAST "class", BAD_CAST(edges ? "edge" : "node")) < 0;
    bad |= xmlTextWriterWriteAttribute(w, BAD_CAST "mode", BAD_CAST "static") < 0;
    for (size_t i = 0; i < t->ncols; i++) {
        const wg_column *c = t->cols[i];
        if (builtin(c->name, edges))
            continue;
        bad |= xmlTextWriterStartElement(w, BAD_CAST "attribute") < 0;
        bad |= xmlTextWriterWriteAttribute(w, BAD_CAST "id", BAD_CAST c->name) < 0;
        bad |= xmlTextWriterWriteAttribute(w, BAD_CAST "title", BAD_CAST c->name) < 0;
        bad |= xmlTextWriterWriteAttribute(w, BAD_CAST "type",
                                           BAD_CAST(c->kind == WG_ATTR_STRING ? "string"
                                                    : c->kind == WG_ATTR_INT  ? "integer"
                                                                              : "double")) < 0;
        bad |= xmlTextWriterEndElement(w) < 0;
    }
    bad |= xmlTextWriterEndElement(w) < 0;
    return bad ? -1 : 0;
}

static int attvalues(xmlTextWriterPtr w, const wg_table *t, size_t row, int edges)
{
    int bad = 0, open = 0;
    for (size_t i = 0; i < t->ncols && !bad; i++) {
        const wg_column *c = t->cols[i];
        char buf[64];
        const char *text;
        if (builtin(c->name, edges))
            continue;
        text = wg_column_text(c, row, buf);
        if (c->kind == WG_ATTR_STRING && !*text)
            continue;
        if (!open++)
            bad |= xmlTextWriterStartElement(w, BAD_CAST "attvalues") < 0;
        bad |= xmlTextWriterStartElement(w, BAD_CAST "attvalue") < 0;
        bad |= xmlTextWriterWriteAttribute(w, BAD_CAST "for", BAD_CAST c->name) < 0;
        bad |= xmlTextWriterWriteAttribute(w, BAD_CAST "value", BAD_CAST text) < 0;
        bad |= xmlTextWriterEndElement(w) < 0;
    }
    if (open)
        bad |= xmlTextWriterEndElement(w) < 0;
    return bad ? -1 : 0;
}

static const char *num(const wg_graph *g, const char *col, size_t v, char buf[64])
{
    const wg_column *c = wg_table_find(&g->nodes, col);
    return c && c->kind != WG_ATTR_STRING ? wg_column_text(c, v, buf) : NULL;
}

static int viz(xmlTextWriterPtr w, const wg_graph *g, size_t v)
{
    char b1[64], b2[64], color[8];
    const char *size = num(g, "size", v, b1), *x, *y;
    int bad = 0;
    if (wg_i_node_color(g, v, color)) {
        char rgb[3][8];
        unsigned r, gg, b;
        sscanf(color, "#%02x%02x%02x", &r, &gg, &b);
        snprintf(rgb[0], 8, "%u", r);
        snprintf(rgb[1], 8, "%u", gg);
        snprintf(rgb[2], 8, "%u", b);
        bad |= xmlTextWriterStartElement(w, BAD_CAST "viz:color") < 0;
        bad |= xmlTextWriterWriteAttribute(w, BAD_CAST "r", BAD_CAST rgb[0]) < 0;
        bad |= xmlTextWriterWriteAttribute(w, BAD_CAST "g", BAD_CAST rgb[1]) < 0;
        bad |= xmlTextWriterWriteAttribute(w, BAD_CAST "b", BAD_CAST rgb[2]) < 0;
        bad |= xmlTextWriterEndElement(w) < 0;
    }
    if (size) {
        bad |= xmlTextWriterStartElement(w, BAD_CAST "viz:size") < 0;
        bad |= xmlTextWriterWriteAttribute(w, BAD_CAST "value", BAD_CAST size) < 0;
        bad |= xmlTextWriterEndElement(w) < 0;
    }
    x = num(g, "x", v, b1);
    y = num(g, "y", v, b2);
    if (x && y) {
        bad |= xmlTextWriterStartElement(w, BAD_CAST "viz:position") < 0;
        bad |= xmlTextWriterWriteAttribute(w, BAD_CAST "x", BAD_CAST x) < 0;
        bad |= xmlTextWriterWriteAttribute(w, BAD_CAST "y", BAD_CAST y) < 0;
        bad |= xmlTextWriterWriteAttribute(w, BAD_CAST "z", BAD_CAST "0") < 0;
        bad |= xmlTextWriterEndElement(w) < 0;
    }
    return bad ? -1 : 0;
}

int wg_i_write_gexf(const wg_graph *g, FILE *fp, const char *path, const wg_write_options *o)
{
    xmlTextWriterPtr w;
    wg_i_ids ids;
    const wg_column *vlabel = wg_table_find(&g->nodes, "label"), *elabel = wg_table_find(&g->edges, "label");
    int bad = 0, err, v13 = o->gexf_minor == 3;

    if ((err = wg_i_ids_make(&ids, g, "v_", "e_")) < 0)
        return err;
    if ((w = wg_i_xml_writer(fp)) == NULL) {
        wg_i_ids_free(&ids, g);
        return WG_ENOMEM;
    }
    bad |= xmlTextWriterStartElement(w, BAD_CAST "gexf") < 0;
    /* 1.2 is what every reader takes (networkx 2 reads nothing newer); 1.3
     * differs here only in its namespace and timerepresentation */
    bad |= xmlTextWriterWriteAttribute(w, BAD_CAST "xmlns", BAD_CAST(v13 ? "http://gexf.net/1.3"
                                                                         : "http://www.gexf.net/1.2draft")) < 0;
    bad |= xmlTextWriterWriteAttribute(w, BAD_CAST "xmlns:viz", BAD_CAST(v13 ? "http://gexf.net/1.3/viz"
                                                                             : "http://www.gexf.net/1.2draft/viz")) < 0;
    bad |= xmlTextWriterWriteAttribute(w, BAD_CAST "xmlns:xsi", BAD_CAST "http://www.w3.org/2001/XMLSchema-instance") < 0;
    bad |= xmlTextWriterWriteAttribute(w, BAD_CAST "xsi:schemaLocation",
                                       BAD_CAST(v13 ? "http://gexf.net/1.3 http://gexf.net/1.3/gexf.xsd"
                                                    : "http://www.gexf.net/1.2draft "
                                                      "http://www.gexf.net/1.2draft/gexf.xsd")) < 0;
    bad |= xmlTextWriterWriteAttribute(w, BAD_CAST "version", BAD_CAST(v13 ? "1.3" : "1.2")) < 0;
    /* no lastmodifieddate: the same input must give the same bytes */
    bad |= xmlTextWriterStartElement(w, BAD_CAST "meta") < 0;
    bad |= xmlTextWriterWriteElement(w, BAD_CAST "creator", BAD_CAST "wardgraph " WG_VERSION) < 0;
    bad |= xmlTextWriterWriteElement(w, BAD_CAST "description",
                                     BAD_CAST "Who meets whom: entities linked by the meetings that mention them") < 0;
    bad |= xmlTextWriterEndElement(w) < 0;
    bad |= xmlTextWriterStartElement(w, BAD_CAST "graph") < 0;
    bad |= xmlTextWriterWriteAttribute(w, BAD_CAST "defaultedgetype", BAD_CAST "undirected") < 0;
    bad |= xmlTextWriterWriteAttribute(w, BAD_CAST "mode", BAD_CAST "dynamic") < 0;
    bad |= xmlTextWriterWriteAttribute(w, BAD_CAST "timeformat", BAD_CAST "date") < 0;
    if (v13)
        bad |= xmlTextWriterWriteAttribute(w, BAD_CAST "timerepresentation", BAD_CAST "interval") < 0;
    bad |= declare(w, &g->nodes, 0) < 0;
    bad |= declare(w, &g->edges, 1) < 0;
    bad |= xmlTextWriterStartElement(w, BAD_CAST "nodes") < 0;
    for (size_t v = 0; v < g->nodes.nrows && !bad; v++) {
        bad |= xmlTextWriterStartElement(w, BAD_CAST "node") < 0;
        bad |= xmlTextWriterWriteAttribute(w, BAD_CAST "id", BAD_CAST ids.node[v]) < 0;
        bad |= xmlTextWriterWriteAttribute(w, BAD_CAST "label",
                                           BAD_CAST(vlabel && vlabel->kind == WG_ATTR_STRING ? vlabel->s[v] : ids.node[v])) < 0;
        bad |= attvalues(w, &g->nodes, v, 0) < 0;
        bad |= write_spells(w, &g->nodes, v) < 0;
        bad |= viz(w, g, v) < 0;
        bad |= xmlTextWriterEndElement(w) < 0;
    }
    bad |= xmlTextWriterEndElement(w) < 0;
    bad |= xmlTextWriterStartElement(w, BAD_CAST "edges") < 0;
    for (igraph_integer_t e = 0; e < igraph_ecount(&g->ig) && !bad; e++) {
        size_t from, to;
        char eid[48];
        wg_i_edge_ends(g, (size_t)e, &from, &to);
        char buf[64];
        bad |= xmlTextWriterStartElement(w, BAD_CAST "edge") < 0;
        bad |= xmlTextWriterWriteAttribute(w, BAD_CAST "id", BAD_CAST wg_i_edge_id(&ids, (size_t)e, eid)) < 0;
        bad |= xmlTextWriterWriteAttribute(w, BAD_CAST "source", BAD_CAST ids.node[from]) < 0;
        bad |= xmlTextWriterWriteAttribute(w, BAD_CAST "target", BAD_CAST ids.node[to]) < 0;
        {
            /* the shortest text that reads back to the same weight */
            double d = wg_i_edge_weight(g, (size_t)e);
            for (int prec = 1; prec <= 17; prec++) {
                snprintf(buf, sizeof buf, "%.*g", prec, d);
                if (strtod(buf, NULL) == d)
                    break;
            }
        }
        bad |= xmlTextWriterWriteAttribute(w, BAD_CAST "weight", BAD_CAST buf) < 0;
        if (elabel && elabel->kind == WG_ATTR_STRING && *elabel->s[e])
            bad |= xmlTextWriterWriteAttribute(w, BAD_CAST "label", BAD_CAST elabel->s[e]) < 0;
        bad |= attvalues(w, &g->edges, (size_t)e, 1) < 0;
        bad |= write_spells(w, &g->edges, (size_t)e) < 0;
        bad |= xmlTextWriterEndElement(w) < 0;
    }
    bad |= xmlTextWriterEndElement(w) < 0;
    bad |= xmlTextWriterEndDocument(w) < 0;
    xmlFreeTextWriter(w);
    wg_i_ids_free(&ids, g);
    if (bad)
        return wg_i_error_set(WG_EIO, "%s: cannot write GEXF", path);
    return 0;
}
