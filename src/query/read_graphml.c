/* GraphML -> wg_graph in one streaming pass (libxml2's xmlTextReader: no
 * tree of the document, no entity expansion). Node ids, the edge list and
 * every <data> value go straight into growable arrays, which become
 * igraph's edge vector and our attribute tables at the end: igraph's own
 * reader copied each attribute several times, was quadratic in a long
 * value, and silently dropped what it could not use.
 *
 * What it reads is what igraph read (keys for nodes and edges with their
 * <default>, the first <graph>, node ids as the "id" column, edge ids as
 * the edge "id" column, vertex ids in order of first appearance) with
 * these differences: an edge weight must be a finite number > 0 (an error
 * naming FILE:LINE otherwise), an edge without one weighs 1 (one warning);
 * a DTD that declares entities is refused, and so is a reference to an
 * undeclared entity, instead of losing their text; keys for="all" are
 * read. */
#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <string.h>
#include <strings.h>
#include <libxml/parser.h>
#include <libxml/xmlreader.h>
#include "query/query.h"

#define GRAPHML_NS "http://graphml.graphdrawing.org/xmlns"
#define MAX_WARNINGS 8

enum { FOR_NODE = 1, FOR_EDGE = 2 };
enum { KIND_STRING, KIND_NUMBER, KIND_BOOL };

typedef struct {
    char *id, *name;
    int domain;     /* FOR_NODE, FOR_EDGE or both */
    int kind;
    int is_weight;
    int has_default;
    double ddef;    /* numbers and booleans */
    char *sdef;     /* strings */
    char *deftext;  /* the <default> as written, and its line: checked */
    long defline;   /* again once the key turns out to be the weight */
    wg_column *col[2]; /* its column in the node and the edge table */
    char *sdefcell[2]; /* the string default, as stored in each table */
} key;

static _Thread_local char *warnings[MAX_WARNINGS];
static _Thread_local size_t nwarnings;

size_t wg_graph_read_warning_count(void) { return nwarnings; }
const char *wg_graph_read_warning(size_t i) { return i < nwarnings ? warnings[i] : NULL; }

typedef struct {
    const char *path;
    FILE *fp;
    /* prolog scan (see read_cb) */
    int prolog_done, in_comment, in_pi, refused;
    unsigned char window[9];
    size_t wlen;
    long line, refused_line;
    /* the XML declaration, for its encoding: libxml2 stops at the first
     * byte outside a declared US-ASCII and then reports the truncation
     * ("Extra content at the end"), not the byte */
    char decl[256];
    size_t decl_len;
    int ascii;                /* the declared encoding is US-ASCII */
    long high_line;           /* the line of the first byte >= 0x80, when ascii */
    unsigned high_byte;
    /* the first XML error */
    char xml_msg[256];
    int xml_line, xml_failed;
} source;

typedef struct {
    source src;
    xmlTextReaderPtr r;
    wg_graph *g;          /* the values go straight into its tables */
    size_t rowcap[2];     /* rows allocated in every column of nodes, edges */
    wg_column *edge_id;   /* edge ids, when the file has them */
    int edge_id_key;      /* an edge key is named "id": edge ids are not kept (as igraph) */
    int edge_weighted;    /* the current edge had its weight */
    key *keys;
    size_t nkeys, keycap;
    wg_strmap node_keys, edge_keys; /* key id -> index in keys (igraph: one namespace per element kind) */
    struct slot { uint64_t hash; size_t v; } *slots; /* node id -> vertex: open addressing, */
    size_t nslots;        /* the id itself in node_ids, for one cache miss per lookup, not three */
    wg_buf node_ids;      /* the ids, NUL-separated, in vertex order */
    size_t *node_id_off;
    size_t nnodes, node_cap;
    igraph_integer_t *ends; /* 2 per edge, source then target */
    size_t endcap;
    size_t nedges;
    wg_buf text;          /* the <data> or <default> being read */
    long last_line;       /* of the last text node: where a large file's element is */
    size_t missing_weight;
    long missing_line;
    size_t unknown_keys, hyperedges, declared_nodes, nested_graphs, other_graphs;
    size_t undeclared_nodes;
    long undeclared_line;
    char *undeclared_first;
    size_t duplicate_nodes;
    long duplicate_line;
    unsigned char *declared; /* per vertex: a <node> declared it */
    size_t declared_cap;
} reader;

static void warn(const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 1, 2)))
#endif
    ;
static void warn(const char *fmt, ...)
{
    va_list ap;
    char buf[1024];
    if (nwarnings == MAX_WARNINGS)
        return;
    va_start(ap, fmt);
    vsnprintf(buf, sizeof buf, fmt, ap);
    va_end(ap);
    if ((warnings[nwarnings] = wg_i_strdup(buf)) != NULL)
        nwarnings++;
}

static void clear_warnings(void)
{
    for (size_t i = 0; i < nwarnings; i++)
        free(warnings[i]);
    nwarnings = 0;
}

void wg_i_read_warnings_set(const char *const *msgs, size_t n)
{
    clear_warnings();
    for (size_t i = 0; i < n && nwarnings < MAX_WARNINGS; i++)
        if ((warnings[nwarnings] = wg_i_strdup(msgs[i])) != NULL)
            nwarnings++;
}

/* ---- input: the prolog is scanned before libxml2 sees it ----
 *
 * A DTD that declares entities is refused before the parser reads the
 * declaration, so no entity (internal, external, parameter) is ever
 * defined, let alone expanded. NUL bytes are skipped by the scan so that
 * UTF-16 and UTF-32 prologs read as ASCII. The scan ends at the root
 * element's '<'. */
static void scan_prolog(source *s, const unsigned char *p, size_t n)
{
    for (size_t i = 0; i < n && !s->prolog_done && !s->refused; i++) {
        unsigned char c = p[i];
        if (c == 0)
            continue;
        if (c == '\n')
            s->line++;
        if (s->wlen == sizeof s->window - 1) {
            memmove(s->window, s->window + 1, s->wlen - 1);
            s->wlen--;
        }
        s->window[s->wlen++] = c;
        s->window[s->wlen] = '\0';
#define ENDS(lit) (s->wlen >= sizeof lit - 1 && memcmp(s->window + s->wlen - (sizeof lit - 1), lit, sizeof lit - 1) == 0)
        if (s->in_pi && s->decl_len < sizeof s->decl - 1 && s->line == 1)
            s->decl[s->decl_len++] = (char)c;
        if (s->in_comment) {
            if (ENDS("-->"))
                s->in_comment = 0, s->wlen = 0;
        } else if (s->in_pi) {
            if (ENDS("?>"))
                s->in_pi = 0, s->wlen = 0;
        } else if (ENDS("<!--")) {
            s->in_comment = 1;
        } else if (ENDS("<?")) {
            s->in_pi = 1;
        } else if (ENDS("<!ENTITY")) {
            s->refused = 1;
            s->refused_line = s->line;
        } else if (s->wlen >= 2 && s->window[s->wlen - 2] == '<' && c != '!' && c != '?') {
            s->prolog_done = 1;
        }
#undef ENDS
    }
}

/* Is the encoding in the XML declaration US-ASCII? */
static int declares_ascii(const char *decl)
{
    const char *e = strstr(decl, "encoding");
    char name[32];
    size_t k = 0;
    if (!e || strncmp(decl, "xml", 3) != 0)
        return 0;
    e += 8;
    while (*e == ' ' || *e == '=' || *e == '"' || *e == '\'')
        e++;
    while (k < sizeof name - 1 && e[k] && e[k] != '"' && e[k] != '\'')
        name[k] = e[k], k++;
    name[k] = '\0';
    return !strcasecmp(name, "US-ASCII") || !strcasecmp(name, "ASCII") || !strcasecmp(name, "ISO646-US");
}

static void find_high_byte(source *s, const unsigned char *p, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        if (p[i] == '\n')
            s->line++;
        else if (p[i] >= 0x80) {
            s->high_line = s->line;
            s->high_byte = p[i];
            return;
        }
    }
}

static int read_cb(void *ctx, char *buf, int len)
{
    source *s = ctx;
    size_t n = fread(buf, 1, (size_t)len, s->fp);
    if (n == 0 && ferror(s->fp))
        return -1;
    if (!s->prolog_done) {
        long line = s->line;
        scan_prolog(s, (const unsigned char *)buf, n);
        if (s->refused)
            return -1;
        if (s->prolog_done && (s->ascii = declares_ascii(s->decl)) != 0)
            s->line = line; /* counted again below, with the whole buffer */
    }
    if (s->ascii && !s->high_line)
        find_high_byte(s, (const unsigned char *)buf, n);
    return (int)n;
}

static int close_cb(void *ctx)
{
    (void)ctx;
    return 0;
}

static void error_cb(void *ctx, const xmlError *e)
{
    source *s = ctx;
    if (s->xml_failed || !e || e->level < XML_ERR_ERROR)
        return;
    /* the first error says what is wrong; later ones ("Extra content at
     * the end of the document") are its consequences */
    s->xml_failed = 1;
    s->xml_line = e->line;
    snprintf(s->xml_msg, sizeof s->xml_msg, "%s", e->message ? e->message : "not well-formed XML");
    s->xml_msg[strcspn(s->xml_msg, "\n")] = '\0';
}

/* ---- values ---- */

static long node_line(reader *rd, xmlNodePtr n)
{
    long l = n ? xmlGetLineNo(n) : -1;
    /* element lines stop at 65535 in libxml2; text nodes keep theirs */
    if (l <= 0 || l >= 65535)
        l = rd->last_line > 0 ? rd->last_line : xmlTextReaderGetParserLineNumber(rd->r);
    return l;
}

static int parse_error(reader *rd, long line, const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 3, 4)))
#endif
    ;
static int parse_error(reader *rd, long line, const char *fmt, ...)
{
    char msg[768];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);
    return wg_i_error_set(WG_EPARSE, "%s:%ld: %s", rd->src.path, line, msg);
}

/* A value as a short quoted excerpt for a message. */
static const char *excerpt(const char *s, char out[48])
{
    size_t n = strlen(s);
    if (n <= 40) {
        snprintf(out, 48, "'%s'", s);
    } else {
        size_t k = 40;
        while (k > 0 && ((unsigned char)s[k] & 0xC0) == 0x80)
            k--; /* whole characters only */
        snprintf(out, 48, "'%.*s...'", (int)k, s);
    }
    return out;
}

/* Leading and trailing XML white space do not belong to a number. */
static int parse_number(const char *s, double *out)
{
    char *end;
    while (*s == ' ' || *s == '\t' || *s == '\n' || *s == '\r')
        s++;
    if (!*s)
        return 0;
    errno = 0;
    *out = strtod(s, &end);
    if (end == s)
        return -1;
    while (*end == ' ' || *end == '\t' || *end == '\n' || *end == '\r')
        end++;
    return *end ? -1 : 1;
}

static int parse_bool(const char *s, double *out)
{
    char buf[8];
    size_t n;
    while (*s == ' ' || *s == '\t' || *s == '\n' || *s == '\r')
        s++;
    n = strcspn(s, " \t\r\n");
    if (n == 0)
        return 0;
    if (n >= sizeof buf)
        return -1;
    memcpy(buf, s, n);
    buf[n] = '\0';
    if (!strcasecmp(buf, "true") || !strcasecmp(buf, "yes") || !strcmp(buf, "1"))
        *out = 1;
    else if (!strcasecmp(buf, "false") || !strcasecmp(buf, "no") || !strcmp(buf, "0"))
        *out = 0;
    else
        return -1;
    return 1;
}

/* Checks and converts the text of a <data> or <default> of key `k`:
 * 1 with *d set (numbers, booleans), 0 when empty (the default applies),
 * or an error. */
static int convert(reader *rd, const key *k, const char *text, long line, double *d)
{
    char ex[48];
    int got;
    if (k->kind == KIND_STRING)
        return 1;
    got = k->kind == KIND_BOOL ? parse_bool(text, d) : parse_number(text, d);
    if (k->is_weight) {
        if (got == 0)
            return parse_error(rd, line, "empty edge weight (a number > 0 is needed)");
        if (got < 0)
            return parse_error(rd, line, "edge weight %s is not a number", excerpt(text, ex));
        if (!isfinite(*d))
            return parse_error(rd, line, "edge weight %s is not finite", excerpt(text, ex));
        if (!(*d > 0))
            return parse_error(rd, line, "edge weight %s is not > 0", excerpt(text, ex));
        return 1;
    }
    if (got < 0)
        return parse_error(rd, line, "%s %s is not a %s", k->name, excerpt(text, ex),
                           k->kind == KIND_BOOL ? "boolean" : "number");
    return got;
}

static wg_table *table_of(reader *rd, int dom) { return dom ? &rd->g->edges : &rd->g->nodes; }

/* Cells past the rows read hold the key's default ("" / NaN / false). */
static void fill_defaults(const key *k, int dom, wg_column *c, size_t from, size_t to)
{
    for (size_t i = from; i < to; i++) {
        if (c->kind == WG_ATTR_STRING)
            c->s[i] = k && k->sdefcell[dom] ? k->sdefcell[dom] : (char *)"";
        else
            c->d[i] = k ? k->ddef : NAN;
    }
}

static int grow_column(wg_column *c, size_t cap)
{
    void *p = c->kind == WG_ATTR_STRING ? wg_i_realloc(c->s, cap * sizeof *c->s) : wg_i_realloc(c->d, cap * sizeof *c->d);
    if (!p)
        return WG_ENOMEM;
    if (c->kind == WG_ATTR_STRING)
        c->s = p;
    else
        c->d = p;
    return 0;
}

static const key *key_of_column(const reader *rd, const wg_column *c, int dom)
{
    for (size_t i = 0; i < rd->nkeys; i++)
        if (rd->keys[i].col[dom] == c)
            return &rd->keys[i];
    return NULL;
}

/* Makes room for row `row` in every column of the table. */
static int need_row(reader *rd, int dom, size_t row)
{
    wg_table *t = table_of(rd, dom);
    size_t old = rd->rowcap[dom], cap = old ? old : 1024;
    if (row < old)
        return 0;
    while (cap <= row)
        cap *= 2;
    for (size_t i = 0; i < t->ncols; i++) {
        wg_column *c = t->cols[i];
        if (grow_column(c, cap) < 0)
            return WG_ENOMEM;
        fill_defaults(key_of_column(rd, c, dom), dom, c, old, cap);
    }
    rd->rowcap[dom] = cap;
    return 0;
}

/* The column of key `k` in one table, made when first needed. */
static int key_column(reader *rd, key *k, int dom)
{
    wg_table *t = table_of(rd, dom);
    wg_column *c;
    size_t nrows = t->nrows;
    if (k->col[dom])
        return 0;
    if ((c = wg_table_find(t, k->name)) != NULL) {
        /* a second key of the same name: one column, as igraph had */
        if (c->kind != (k->kind == KIND_STRING ? WG_ATTR_STRING : WG_ATTR_DOUBLE))
            return wg_i_error_set(WG_EPARSE, "%s: two keys named '%s' of different types", rd->src.path, k->name);
        k->col[dom] = c;
        return 0;
    }
    t->nrows = 0; /* allocated here, with rowcap rows */
    c = wg_table_add(t, k->name, k->kind == KIND_STRING ? WG_ATTR_STRING : WG_ATTR_DOUBLE);
    t->nrows = nrows;
    if (!c || (rd->rowcap[dom] && grow_column(c, rd->rowcap[dom]) < 0))
        return WG_ENOMEM;
    k->col[dom] = c;
    if (k->sdef) {
        if (wg_column_set_string(c, 0, k->sdef) < 0)
            return WG_ENOMEM;
        k->sdefcell[dom] = c->s[0];
    }
    fill_defaults(k, dom, c, 0, rd->rowcap[dom]);
    return 0;
}

static int set_value(reader *rd, key *k, int dom, size_t row, const char *text, double d)
{
    wg_column *c = k->col[dom];
    if (k->kind == KIND_STRING)
        return wg_column_set_string(c, row, text);
    (void)rd;
    c->d[row] = d;
    return 0;
}

/* ---- elements ---- */

static const char *attr(xmlNodePtr n, const char *name)
{
    for (xmlAttrPtr a = n->properties; a; a = a->next)
        if ((!a->ns || xmlStrEqual(a->ns->href, BAD_CAST GRAPHML_NS)) && xmlStrEqual(a->name, BAD_CAST name))
            return a->children && a->children->type == XML_TEXT_NODE && !a->children->next
                       ? (const char *)a->children->content
                       : "";
    return NULL;
}

static int add_key(reader *rd, xmlNodePtr n, long line, key **out)
{
    const char *id = attr(n, "id"), *forv = attr(n, "for"), *name = attr(n, "attr.name"),
               *type = attr(n, "attr.type");
    key *k;
    int domain, kind;
    *out = NULL;
    if (!id)
        return parse_error(rd, line, "<key> without an id");
    if (!forv || !strcmp(forv, "node"))
        domain = forv ? FOR_NODE : 0;
    else if (!strcmp(forv, "edge"))
        domain = FOR_EDGE;
    else if (!strcmp(forv, "all"))
        domain = FOR_NODE | FOR_EDGE;
    else
        domain = 0; /* graph, graphml, hyperedge, port, endpoint: not read */
    if (!forv)
        return parse_error(rd, line, "<key id=\"%s\"> has no 'for'", id);
    if (!type || !domain)
        return 0; /* yEd's graphics and the like, graph attributes: not read, as igraph did not */
    if (!strcmp(type, "string"))
        kind = KIND_STRING;
    else if (!strcmp(type, "boolean"))
        kind = KIND_BOOL;
    else if (!strcmp(type, "int") || !strcmp(type, "long") || !strcmp(type, "float") || !strcmp(type, "double"))
        kind = KIND_NUMBER;
    else
        return parse_error(rd, line, "<key id=\"%s\">: unknown attr.type '%s'", id, type);
    if (((domain & FOR_NODE) && wg_strmap_get(&rd->node_keys, id, NULL)) ||
        ((domain & FOR_EDGE) && wg_strmap_get(&rd->edge_keys, id, NULL)))
        return parse_error(rd, line, "a second <key id=\"%s\"> for the same element", id);
    if (wg_i_grow(&rd->keys, &rd->keycap, rd->nkeys + 1, sizeof *rd->keys) < 0 ||
        ((domain & FOR_NODE) && wg_strmap_put(&rd->node_keys, id, rd->nkeys) < 0) ||
        ((domain & FOR_EDGE) && wg_strmap_put(&rd->edge_keys, id, rd->nkeys) < 0))
        return WG_ENOMEM;
    k = &rd->keys[rd->nkeys++];
    memset(k, 0, sizeof *k);
    k->domain = domain;
    k->kind = kind;
    k->ddef = kind == KIND_NUMBER ? NAN : 0;
    if ((k->id = wg_i_strdup(id)) == NULL || (k->name = wg_i_strdup(name ? name : id)) == NULL)
        return WG_ENOMEM;
    if ((domain & FOR_EDGE) && !strcmp(k->name, "id"))
        rd->edge_id_key = 1;
    *out = k;
    return 0;
}

/* The columns of the keys, in key order, when the graph starts (the
 * weight is known then); a key declared later gets its column at its end. */
static int key_columns(reader *rd, key *k)
{
    int err = 0;
    if ((k->domain & FOR_NODE) && (err = key_column(rd, k, 0)) < 0)
        return err;
    if ((k->domain & FOR_EDGE) && (err = key_column(rd, k, 1)) < 0)
        return err;
    return 0;
}

/* The edge key named weight (any case, ours first) is the one checked,
 * its <default> too: read before the key was known to be the weight, a
 * default of 0, -3 or inf would otherwise weigh every edge without data. */
static int find_weight(reader *rd)
{
    key *found = NULL;
    for (size_t i = 0; i < rd->nkeys && !found; i++)
        if ((rd->keys[i].domain & FOR_EDGE) && !strcmp(rd->keys[i].name, "weight"))
            found = &rd->keys[i];
    for (size_t i = 0; i < rd->nkeys && !found; i++)
        if ((rd->keys[i].domain & FOR_EDGE) && !strcasecmp(rd->keys[i].name, "weight"))
            found = &rd->keys[i];
    if (found) {
        found->is_weight = 1;
        if (found->kind == KIND_STRING) {
            found->kind = KIND_NUMBER; /* a weight is a number whatever its declared type */
            found->ddef = NAN;
            found->has_default = 0;
        }
        double d;
        if (found->has_default && found->deftext) {
            int err = convert(rd, found, found->deftext, found->defline, &d);
            if (err < 0)
                return err;
        }
    }
    return 0;
}

/* The slot of `id` (hash h): its vertex + 1, or 0 where it would go. */
static struct slot *find_slot(reader *rd, const char *id, uint64_t h)
{
    size_t mask = rd->nslots - 1, j = (size_t)h & mask;
    for (;; j = (j + 1) & mask) {
        struct slot *sl = &rd->slots[j];
        if (!sl->v || (sl->hash == h && strcmp(rd->node_ids.ptr + rd->node_id_off[sl->v - 1], id) == 0))
            return sl;
    }
}

static int grow_slots(reader *rd)
{
    size_t n = rd->nslots ? rd->nslots * 2 : 1024;
    struct slot *old = rd->slots;
    size_t oldn = rd->nslots;
    if ((rd->slots = wg_i_calloc(n, sizeof *rd->slots)) == NULL) {
        rd->slots = old;
        return WG_ENOMEM;
    }
    rd->nslots = n;
    for (size_t i = 0; i < oldn; i++)
        if (old[i].v) {
            size_t j = (size_t)old[i].hash & (n - 1);
            while (rd->slots[j].v)
                j = (j + 1) & (n - 1);
            rd->slots[j] = old[i];
        }
    free(old);
    return 0;
}

static int vertex(reader *rd, const char *id, int declare, long line, size_t *out)
{
    size_t v, len = strlen(id);
    uint64_t h = wg_hash(id, len);
    struct slot *sl;
    if ((rd->nnodes + 1) * 2 > rd->nslots && grow_slots(rd) < 0)
        return WG_ENOMEM;
    sl = find_slot(rd, id, h);
    if (sl->v) {
        v = sl->v - 1;
        if (declare && rd->declared[v]) {
            if (!rd->duplicate_nodes++)
                rd->duplicate_line = line;
        }
    } else {
        v = rd->nnodes;
        if (wg_i_grow(&rd->node_id_off, &rd->node_cap, v + 1, sizeof *rd->node_id_off) < 0 ||
            wg_i_grow(&rd->declared, &rd->declared_cap, v + 1, 1) < 0)
            return WG_ENOMEM;
        rd->node_id_off[v] = rd->node_ids.len;
        if (wg_buf_put(&rd->node_ids, id, len + 1) < 0)
            return WG_ENOMEM;
        sl->hash = h;
        sl->v = v + 1;
        rd->declared[v] = 0;
        if (need_row(rd, 0, v) < 0)
            return WG_ENOMEM;
        rd->nnodes++;
        if (!declare && !rd->undeclared_nodes++) {
            rd->undeclared_line = line;
            if ((rd->undeclared_first = wg_i_strdup(id)) == NULL)
                return WG_ENOMEM;
        }
    }
    if (declare) {
        if (!rd->declared[v])
            rd->declared_nodes++;
        rd->declared[v] = 1;
    }
    *out = v;
    return 0;
}

static int add_edge(reader *rd, xmlNodePtr n, long line)
{
    const char *s = attr(n, "source"), *t = attr(n, "target"), *id = attr(n, "id");
    size_t a, b, e = rd->nedges;
    int err;
    if (!s || !t)
        return parse_error(rd, line, "<edge> without a %s", s ? "target" : "source");
    if ((err = vertex(rd, s, 0, line, &a)) < 0 || (err = vertex(rd, t, 0, line, &b)) < 0)
        return err;
    if (wg_i_grow(&rd->ends, &rd->endcap, 2 * e + 2, sizeof *rd->ends) < 0)
        return WG_ENOMEM;
    rd->ends[2 * e] = (igraph_integer_t)a;
    rd->ends[2 * e + 1] = (igraph_integer_t)b;
    if ((err = need_row(rd, 1, e)) < 0)
        return err;
    if (id && !rd->edge_id_key) {
        if (!rd->edge_id) {
            size_t nrows = rd->g->edges.nrows;
            rd->g->edges.nrows = 0;
            rd->edge_id = wg_table_add(&rd->g->edges, "id", WG_ATTR_STRING);
            rd->g->edges.nrows = nrows;
            if (!rd->edge_id || grow_column(rd->edge_id, rd->rowcap[1]) < 0)
                return WG_ENOMEM;
            fill_defaults(NULL, 1, rd->edge_id, 0, rd->rowcap[1]);
        }
        if (wg_column_set_string(rd->edge_id, e, id) < 0)
            return WG_ENOMEM;
    }
    rd->edge_weighted = 0;
    rd->nedges++;
    return 0;
}

/* The weight of the edge just closed: its data, the key's default, or 1. */
static int edge_done(reader *rd, long line)
{
    for (size_t i = 0; i < rd->nkeys; i++) {
        key *k = &rd->keys[i];
        if (!k->is_weight || rd->edge_weighted)
            continue;
        if (k->has_default)
            return 0; /* the cell holds it */
        if (!rd->missing_weight++)
            rd->missing_line = line;
        k->col[1]->d[rd->nedges - 1] = 1.0;
    }
    return 0;
}

/* ---- the document ---- */

enum { ST_START, ST_GRAPHML, ST_KEY, ST_DEFAULT, ST_GRAPH, ST_NODE, ST_EDGE, ST_DATA, ST_DONE };

static int read_doc(reader *rd)
{
    xmlTextReaderPtr r = rd->r;
    int st = ST_START, data_from = ST_NODE, ret, graphs = 0;
    int skip_depth = -1;        /* inside an element we do not read */
    key *data_key = NULL;       /* the key of the <data> or <default> being read */
    size_t row = 0;             /* the vertex of the current node */
    long data_line = 0;
    int err;

    while ((ret = xmlTextReaderRead(r)) == 1) {
        int type = xmlTextReaderNodeType(r);
        xmlNodePtr n;
        if (type == XML_READER_TYPE_SIGNIFICANT_WHITESPACE || type == XML_READER_TYPE_WHITESPACE ||
            type == XML_READER_TYPE_TEXT || type == XML_READER_TYPE_CDATA) {
            n = xmlTextReaderCurrentNode(r);
            if (n) {
                long l = xmlGetLineNo(n);
                if (l > 0)
                    rd->last_line = l;
            }
            if (skip_depth < 0 && (st == ST_DATA || st == ST_DEFAULT) && n && n->content &&
                wg_buf_puts(&rd->text, (const char *)n->content) < 0)
                return WG_ENOMEM;
            continue;
        }
        if (type == XML_READER_TYPE_ENTITY_REFERENCE) {
            n = xmlTextReaderCurrentNode(r);
            return parse_error(rd, node_line(rd, n), "reference to the undeclared entity &%s; (its text would be lost)",
                               n && n->name ? (const char *)n->name : "?");
        }
        if (type == XML_READER_TYPE_DOCUMENT_TYPE) {
            /* the node, not xmlTextReaderCurrentDoc(), which would make the
             * document ours to free */
            xmlNodePtr dn = xmlTextReaderCurrentNode(r);
            xmlDtdPtr dtd = dn && dn->type == XML_DTD_NODE ? (xmlDtdPtr)dn : NULL;
            if (dtd && (dtd->entities || dtd->pentities))
                return wg_i_error_set(WG_EPARSE, "%s: the DTD declares entities: refused (their text would not be read)",
                                      rd->src.path);
            continue;
        }
        if (type == XML_READER_TYPE_END_ELEMENT) {
            int depth = xmlTextReaderDepth(r);
            if (skip_depth >= 0) {
                if (depth == skip_depth)
                    skip_depth = -1;
                continue;
            }
            goto end_element;
        }
        if (type != XML_READER_TYPE_ELEMENT || skip_depth >= 0)
            continue;

        n = xmlTextReaderCurrentNode(r);
        {
            const char *name = n ? (const char *)n->name : "";
            int empty = xmlTextReaderIsEmptyElement(r);
            long line = node_line(rd, n);
            int ours = !n->ns || xmlStrEqual(n->ns->href, BAD_CAST GRAPHML_NS);
            int known = 0;
            if (st == ST_START) {
                if (strcmp(name, "graphml") != 0) {
                    char what[64];
                    snprintf(what, sizeof what, "%s", name);
                    return parse_error(rd, line, "not GraphML: the root element is <%s>, not <graphml>", what);
                }
                st = ST_GRAPHML;
                known = 1;
            } else if (!ours) {
                known = 0;
            } else if (st == ST_GRAPHML && !strcmp(name, "key")) {
                if ((err = add_key(rd, n, line, &data_key)) < 0)
                    return err;
                st = ST_KEY;
                known = 1;
            } else if (st == ST_KEY && !strcmp(name, "default") && data_key) {
                rd->text.len = 0;
                data_line = line;
                st = ST_DEFAULT;
                known = 1;
            } else if (st == ST_GRAPHML && !strcmp(name, "graph")) {
                if (graphs++) {
                    rd->other_graphs++;
                } else { /* the first graph, as igraph read */
                    if ((err = find_weight(rd)) < 0)
                        return err;
                    for (size_t i = 0; i < rd->nkeys; i++)
                        if ((err = key_columns(rd, &rd->keys[i])) < 0)
                            return err;
                    st = ST_GRAPH;
                    known = 1;
                }
            } else if (st == ST_GRAPH && !strcmp(name, "node")) {
                const char *id = attr(n, "id");
                if (!id)
                    return parse_error(rd, line, "<node> without an id");
                if ((err = vertex(rd, id, 1, line, &row)) < 0)
                    return err;
                st = ST_NODE;
                known = 1;
            } else if (st == ST_GRAPH && !strcmp(name, "edge")) {
                if ((err = add_edge(rd, n, line)) < 0)
                    return err;
                st = ST_EDGE;
                known = 1;
            } else if (st == ST_GRAPH && !strcmp(name, "hyperedge")) {
                rd->hyperedges++;
            } else if ((st == ST_NODE || st == ST_EDGE) && !strcmp(name, "graph")) {
                rd->nested_graphs++;
            } else if ((st == ST_NODE || st == ST_EDGE) && !strcmp(name, "data")) {
                const char *kid = attr(n, "key");
                size_t ki;
                data_key = NULL;
                if (kid && wg_strmap_get(st == ST_NODE ? &rd->node_keys : &rd->edge_keys, kid, &ki))
                    data_key = &rd->keys[ki];
                else
                    rd->unknown_keys++;
                rd->text.len = 0;
                data_line = line;
                data_from = st;
                st = ST_DATA;
                known = 1;
            }
            if (!known) {
                if (!empty)
                    skip_depth = xmlTextReaderDepth(r);
                continue;
            }
            if (!empty)
                continue;
            /* an empty element ends here */
        }
    end_element:
        switch (st) {
        case ST_GRAPHML: st = ST_DONE; break;
        case ST_KEY:
            if (graphs && data_key && (err = key_columns(rd, data_key)) < 0)
                return err;
            data_key = NULL;
            st = ST_GRAPHML;
            break;
        case ST_GRAPH: st = ST_GRAPHML; break;
        case ST_NODE: st = ST_GRAPH; break;
        case ST_EDGE:
            if ((err = edge_done(rd, node_line(rd, xmlTextReaderCurrentNode(r)))) < 0)
                return err;
            st = ST_GRAPH;
            break;
        case ST_DEFAULT:
        case ST_DATA: {
            const char *text = rd->text.len ? rd->text.ptr : "";
            long line = rd->last_line > data_line ? rd->last_line : data_line;
            double d = 0;
            int got;
            if (!rd->text.len)
                line = data_line;
            if (data_key) {
                if ((got = convert(rd, data_key, text, line, &d)) < 0)
                    return got;
                if (st == ST_DEFAULT) {
                    if (got > 0) {
                        data_key->has_default = 1;
                        data_key->ddef = d;
                        free(data_key->sdef); /* a second <default>: the last one counts */
                        data_key->sdef = NULL;
                        free(data_key->deftext);
                        data_key->defline = line;
                        if ((data_key->deftext = wg_i_strdup(text)) == NULL)
                            return WG_ENOMEM;
                        if (data_key->kind == KIND_STRING && (data_key->sdef = wg_i_strdup(text)) == NULL)
                            return WG_ENOMEM; /* cells get copies in the table (make_graph) */
                    }
                } else if (got > 0 || data_key->kind == KIND_STRING) {
                    int dom = data_from == ST_NODE ? 0 : 1;
                    if ((err = key_column(rd, data_key, dom)) < 0 ||
                        (err = set_value(rd, data_key, dom, dom ? rd->nedges - 1 : row, text, d)) < 0)
                        return err;
                    if (dom && data_key->is_weight)
                        rd->edge_weighted = 1;
                }
            }
            st = st == ST_DEFAULT ? ST_KEY : data_from;
            break;
        }
        default: break;
        }
    }
    if (ret < 0 || rd->src.xml_failed || rd->src.refused) {
        if (rd->src.refused)
            return wg_i_error_set(WG_EPARSE,
                                  "%s:%ld: the DTD declares entities: refused (their text would not be read)",
                                  rd->src.path, rd->src.refused_line);
        if (rd->src.high_line)
            return wg_i_error_set(WG_EPARSE,
                                  "%s:%ld: byte 0x%02X is not US-ASCII, the encoding the file declares "
                                  "(declare its real encoding, e.g. UTF-8)",
                                  rd->src.path, rd->src.high_line, rd->src.high_byte);
        if (rd->src.xml_failed)
            return wg_i_error_set(WG_EPARSE, "%s:%d: %s", rd->src.path, rd->src.xml_line, rd->src.xml_msg);
        if (ferror(rd->src.fp))
            return wg_i_error_set(WG_EIO, "%s: read error", rd->src.path);
        return wg_i_error_set(WG_EPARSE, "%s: not well-formed XML", rd->src.path);
    }
    if (st == ST_START)
        return wg_i_error_set(WG_EPARSE, "%s: no root element", rd->src.path);
    if (!graphs)
        return wg_i_error_set(WG_EPARSE, "%s: no <graph> in the file", rd->src.path);
    return 0;
}

/* ---- the tables ---- */

/* Gephi and other tools may capitalise the attributes we look for
 * ("Label", "Weight"): take such a column under our name when ours is missing. */
static int canonical_names(wg_table *t, const char *const *names)
{
    for (; *names; names++) {
        if (wg_table_find(t, *names))
            continue;
        for (size_t i = 0; i < t->ncols; i++)
            if (strcasecmp(t->cols[i]->name, *names) == 0) {
                char *n = wg_i_strdup(*names);
                if (!n)
                    return WG_ENOMEM;
                free(t->cols[i]->name);
                t->cols[i]->name = n;
                break;
            }
    }
    return 0;
}

static int make_graph(reader *rd, wg_graph *g)
{
    static const char *const node_names[] = {"label", "type", NULL};
    static const char *const edge_names[] = {"weight", "meetings", "relation", NULL};
    int err, node_id_key = 0;
    wg_column *c;

    g->nodes.nrows = rd->nnodes;
    g->edges.nrows = rd->nedges;
    /* the key columns are filled; node ids come last, as igraph's reader gave them */
    for (size_t i = 0; i < rd->nkeys; i++)
        node_id_key |= (rd->keys[i].domain & FOR_NODE) && !strcmp(rd->keys[i].name, "id");
    if (!node_id_key) {
        if ((c = wg_table_add(&g->nodes, "id", WG_ATTR_STRING)) == NULL)
            return WG_ENOMEM;
        for (size_t v = 0; v < rd->nnodes; v++)
            if (wg_column_set_string(c, v, rd->node_ids.ptr + rd->node_id_off[v]) < 0)
                return WG_ENOMEM;
    }
    if ((err = canonical_names(&g->nodes, node_names)) < 0 || (err = canonical_names(&g->edges, edge_names)) < 0)
        return err;
    /* undirected whatever the file says: queries read ties */
    igraph_vector_int_t edges;
    igraph_vector_int_view(&edges, rd->ends, (igraph_integer_t)(2 * rd->nedges));
    if (igraph_create(&g->ig, &edges, (igraph_integer_t)rd->nnodes, IGRAPH_UNDIRECTED) != IGRAPH_SUCCESS)
        return WG_EGRAPH;
    g->has_ig = 1;
    return 0;
}

static void report(reader *rd)
{
    const char *path = rd->src.path;
    if (rd->missing_weight)
        warn("%s:%ld: %zu edge%s without a weight (the first here): read as weight 1", path, rd->missing_line,
             rd->missing_weight, rd->missing_weight == 1 ? "" : "s");
    if (rd->undeclared_nodes)
        warn("%s:%ld: %zu edge end%s not declared as <node> (the first '%s' here): added as nodes", path,
             rd->undeclared_line, rd->undeclared_nodes, rd->undeclared_nodes == 1 ? " is" : "s are",
             rd->undeclared_first);
    if (rd->duplicate_nodes)
        warn("%s:%ld: %zu <node> id%s declared twice (the first here): read as one node each", path,
             rd->duplicate_line, rd->duplicate_nodes, rd->duplicate_nodes == 1 ? "" : "s");
    if (rd->unknown_keys)
        warn("%s: %zu <data> with an undeclared key, or one declared for another element: ignored", path,
             rd->unknown_keys);
    if (rd->hyperedges)
        warn("%s: %zu <hyperedge> ignored (not a network of pairs)", path, rd->hyperedges);
    if (rd->nested_graphs)
        warn("%s: %zu <graph> nested in a node or edge ignored, with their nodes", path, rd->nested_graphs);
    if (rd->other_graphs)
        warn("%s: the file holds %zu <graph> elements: only the first is read", path, rd->other_graphs + 1);
}

static void reader_free(reader *rd)
{
    for (size_t i = 0; i < rd->nkeys; i++) {
        key *k = &rd->keys[i];
        free(k->id);
        free(k->name);
        free(k->sdef);
        free(k->deftext);
    }
    free(rd->keys);
    wg_strmap_free(&rd->node_keys);
    wg_strmap_free(&rd->edge_keys);
    free(rd->slots);
    wg_buf_free(&rd->node_ids);
    free(rd->node_id_off);
    free(rd->declared);
    free(rd->ends);
    wg_buf_free(&rd->text);
    free(rd->undeclared_first);
    if (rd->r)
        xmlFreeTextReader(rd->r);
}

int wg_graph_read_graphml(wg_graph **out, const char *path)
{
    reader rd;
    wg_graph *g = NULL;
    int err;

    *out = NULL;
    clear_warnings();
    wg_i_error_clear();
    memset(&rd, 0, sizeof rd);
    rd.src.path = path;
    rd.src.line = 1;
    if ((rd.src.fp = fopen(path, "rb")) == NULL)
        return wg_i_error_set(WG_EIO, "%s: %s", path, strerror(errno));
    /* no network, no DTD loaded, entities left unexpanded (refused above);
     * HUGE: a long label is data, not an attack, and reads in linear time */
    rd.r = xmlReaderForIO(read_cb, close_cb, &rd.src, path, NULL,
                          XML_PARSE_NONET | XML_PARSE_NOWARNING | XML_PARSE_NOERROR | XML_PARSE_HUGE |
                              XML_PARSE_BIG_LINES | XML_PARSE_COMPACT);
    if (!rd.r) {
        err = wg_i_error_set(WG_EIO, "%s: cannot read", path);
        goto done;
    }
    xmlTextReaderSetStructuredErrorHandler(rd.r, (xmlStructuredErrorFunc)error_cb, &rd.src);
    if ((err = wg_graph_new(&g, NULL)) < 0)
        goto done;
    rd.g = g;
    if ((err = read_doc(&rd)) < 0 || (err = make_graph(&rd, g)) < 0)
        goto done;
    report(&rd);
    *out = g;
    g = NULL;
done:
    if (err < 0 && err != WG_EPARSE && err != WG_EIO && !*wg_error_last())
        wg_i_error_set(err, "%s: out of memory", path);
    reader_free(&rd);
    fclose(rd.src.fp);
    wg_graph_free(g);
    return err < 0 ? err : 0;
}
