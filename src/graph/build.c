/* Building the network: articles stream in (input order), entities are
 * merged by key, co-mentions counted per meeting; wg_graph_finish turns the
 * accumulators into the igraph graph and its attribute tables. Memory grows
 * with the graph (nodes, linked pairs, and the meeting ids and dates that
 * each one lists), never with the text of the corpus.
 *
 * Resolution: one node per key, and only per key. Keys come from the
 * extraction (SPEC section 3: scoped so that two places' organs or two
 * people differ); here they are only made canonical (NFC, case and tone
 * placement folded, a valid XML name), so "hoà"/"hòa" variants of one key
 * meet while "Hùng"/"Hưng" stay two people. The alias file is the one way
 * to merge or split by hand. */
#include <math.h>
#include <string.h>
#include "graph/graph.h"
#include "text/text.h"

/* An edge carries every relation that links its pair (bits), so that a pair
 * that met keeps its co-mention weight and meetings whatever else links it. */
enum { REL_CO_MENTION = 0, REL_HOLDS_TITLE_IN, REL_COMMITTEE_OF, REL_CITES, REL_MENTIONS, REL_COUNT };
static const char *const relation_names[REL_COUNT] = {"co_mention", "holds_title_in", "committee_of", "cites",
                                                      "mentions"};

#define TYPE_MEETING ((int)WG_ENTITY_TYPES)

/* The articles (by input index) a node or edge appears in, ascending: the
 * first inline, as most pairs share a single meeting. */
typedef struct {
    uint32_t first, n, cap;
    uint32_t *more;
} artlist;

struct wg_i_node_acc {
    char *key, *label, *parent;
    char *title, *date, *source; /* meetings only (bipartite) */
    int type;                    /* wg_entity_type, or TYPE_MEETING */
    int label_from_alias;        /* replace the label by the first non-aliased one */
    int presence;                /* the strongest in any article (wg_presence) */
    int kind;                    /* meetings: wg_article_kind */
    long long mentions;
    wg_buf titles; /* "; "-separated, first-seen order */
    artlist arts;
};

struct wg_i_edge_acc {
    uint32_t u, v;     /* a typed relation's from and to; a co-mention's first seen */
    uint8_t rels;      /* 1 << REL_* */
    uint8_t roles;     /* bipartite: the entity's WG_ROLE_* in the meeting */
    uint8_t presence;  /* bipartite: the entity's wg_presence in the meeting */
    artlist arts;      /* the meetings in which the pair co-occurred (bipartite: the meeting) */
    artlist rarts;     /* the articles that state a typed relation */
    double newman;     /* sum over those meetings of 1 / (linked entities - 1) */
};

static uint32_t artlist_get(const artlist *l, uint32_t i) { return i == 0 ? l->first : l->more[i - 1]; }

/* Adds article `a` to the ascending list unless it is there (one meeting
 * counts once); *added says whether it was new. Articles come in order,
 * so this appends, except for a meeting reported again (dedup.c), which
 * goes to its first report's place. */
static int artlist_add(artlist *l, uint32_t a, int *added)
{
    uint32_t lo = 0, hi;
    *added = 0;
    if (l->n && artlist_get(l, l->n - 1) == a)
        return 0;
    if (l->n == 0) {
        l->first = a;
        l->n = 1;
        *added = 1;
        return 0;
    }
    hi = l->n;
    if (artlist_get(l, l->n - 1) < a) {
        lo = hi = l->n;
    } else {
        while (lo < hi) {
            uint32_t mid = lo + (hi - lo) / 2;
            if (artlist_get(l, mid) < a)
                lo = mid + 1;
            else
                hi = mid;
        }
        if (artlist_get(l, lo) == a)
            return 0;
    }
    if (l->n - 1 >= l->cap) {
        uint32_t cap = l->cap ? l->cap * 2 : 2;
        uint32_t *m = wg_i_realloc(l->more, (size_t)cap * sizeof *m);
        if (!m)
            return WG_ENOMEM;
        l->more = m;
        l->cap = cap;
    }
    /* insert at lo: the items from lo on move up one */
    if (lo == 0) {
        memmove(l->more + 1, l->more, (size_t)(l->n - 1) * sizeof *l->more);
        l->more[0] = l->first;
        l->first = a;
    } else {
        memmove(l->more + lo, l->more + lo - 1, (size_t)(l->n - lo) * sizeof *l->more);
        l->more[lo - 1] = a;
    }
    l->n++;
    *added = 1;
    return 0;
}

int wg_graph_new(wg_graph **out, const wg_build_options *opts)
{
    static const wg_build_options defaults = WG_BUILD_OPTIONS_INIT;
    wg_graph *g = wg_i_calloc(1, sizeof *g);
    *out = NULL;
    if (!g)
        return WG_ENOMEM;
    g->opts = opts ? *opts : defaults;
    *out = g;
    return 0;
}

static const char *art_meeting(const wg_graph *g, uint32_t a) { return g->art_text.ptr + g->art_off[3 * (size_t)a]; }
static const char *art_date(const wg_graph *g, uint32_t a) { return g->art_text.ptr + g->art_off[3 * (size_t)a + 1]; }
static const char *art_sources(const wg_graph *g, uint32_t a) { return g->art_text.ptr + g->art_off[3 * (size_t)a + 2]; }

/* Only full dates order a timeline; "--05-11" has no year to compare. */
static int full_date(const char *d) { return d && strlen(d) == 10 && d[0] != '-'; }

static int cmp_str(const void *a, const void *b) { return strcmp(*(char *const *)a, *(char *const *)b); }

/* The distinct dates of the articles in `l`, sorted, ";"-separated, and the
 * first and last full dates. `tmp` holds l->n pointers. */
static int list_dates(const wg_graph *g, const artlist *l, const char **tmp, wg_buf *dates, const char **first,
                      const char **last)
{
    size_t k = 0;
    *first = *last = "";
    dates->len = 0;
    if (dates->ptr)
        dates->ptr[0] = '\0';
    for (uint32_t i = 0; i < l->n; i++) {
        const char *d = art_date(g, artlist_get(l, i));
        if (*d && (!k || strcmp(tmp[k - 1], d) != 0))
            tmp[k++] = d;
    }
    if (k > 1)
        qsort(tmp, k, sizeof *tmp, cmp_str);
    for (size_t i = 0; i < k; i++) {
        if (i && strcmp(tmp[i], tmp[i - 1]) == 0)
            continue;
        if (dates->len)
            wg_buf_putc(dates, ';');
        wg_buf_puts(dates, tmp[i]);
        if (full_date(tmp[i])) {
            if (!**first)
                *first = tmp[i];
            *last = tmp[i];
        }
    }
    return dates->failed ? WG_ENOMEM : 0;
}

/* The meeting's id: the source's file name without directory or extension. */
static char *meeting_id(const char *source)
{
    const char *base = strrchr(source, '/');
    const char *dot;
    char *raw, *clean;
    base = base ? base + 1 : source;
    dot = strrchr(base, '.');
    raw = wg_i_strndup(base, dot && dot != base ? (size_t)(dot - base) : strlen(base));
    if (!raw)
        return NULL;
    /* ';' separates ids in the meetings lists */
    for (char *p = raw; *p; p++)
        if (*p == ';')
            *p = '_';
    clean = wg_i_clean_text(raw);
    free(raw);
    return clean;
}

static wg_i_node_acc *new_node(wg_graph *g, const char *key, size_t *out)
{
    wg_i_node_acc *n;
    if (wg_i_grow(&g->acc_nodes, &g->acc_nodes_cap, g->nacc_nodes + 1, sizeof *g->acc_nodes) < 0)
        return NULL;
    *out = g->nacc_nodes;
    n = &g->acc_nodes[g->nacc_nodes++];
    memset(n, 0, sizeof *n);
    n->presence = WG_PRESENCE_CITED; /* the weakest: any article's raises it */
    if ((n->key = wg_i_strdup(key)) == NULL || wg_strmap_put(&g->node_index, key, *out) < 0)
        return NULL;
    return n;
}

/* Words, then bytes: "Thành ủy Thành phố Hồ Chí Minh" says more than
 * "Thành ủy TP.HCM". */
static size_t words_in(const char *s)
{
    size_t n = 0;
    for (int in = 0; *s; s++) {
        if (*s == ' ')
            in = 0;
        else if (!in && (in = 1))
            n++;
    }
    return n;
}

/* Is `s` written with the canonical tone placement ("Hòa", not "Hoà")? */
static int canonical_tones(const char *s)
{
    wg_buf b = WG_BUF_INIT;
    int same;
    if (wg_i_normalize(&b, NULL, s, strlen(s), 0) < 0) {
        wg_buf_free(&b);
        return 0;
    }
    same = b.ptr && strcmp(b.ptr, s) == 0;
    wg_buf_free(&b);
    return same;
}

/* Is `a` the better label of one node than `b`? The most complete form,
 * then the canonical tone placement of the key, then bytes: the same
 * articles in any order give the same label. */
static int better_label(const char *a, const char *b)
{
    size_t wa = words_in(a), wb = words_in(b), la = strlen(a), lb = strlen(b);
    int ca, cb;
    if (wa != wb)
        return wa > wb;
    if (la != lb)
        return la > lb;
    if ((ca = canonical_tones(a)) != (cb = canonical_tones(b)))
        return ca > cb;
    return strcmp(a, b) < 0;
}

/* Offers `raw` as the label (or parent) kept in *slot. */
static int offer_label(char **slot, const char *raw)
{
    char *clean;
    if (*slot && strcmp(*slot, raw) == 0)
        return 0;
    if ((clean = wg_i_clean_text(raw)) == NULL)
        return WG_ENOMEM;
    if (!*slot || better_label(clean, *slot)) {
        free(*slot);
        *slot = clean;
    } else {
        free(clean);
    }
    return 0;
}

/* The node of entity `e` of meeting `meeting`, after the alias file. */
static int node_for(wg_graph *g, const wg_entity *e, const char *meeting, size_t *out)
{
    wg_i_alias *al = wg_i_alias_for(&g->aliases, meeting, e);
    char *key = NULL;
    int type = (int)e->type, err = 0;
    size_t idx = 0;
    wg_i_node_acc *n;

    /* without aliases a key written before leads to its node without the
     * Unicode work again: most entities of a corpus are seen many times */
    if (!g->aliases.n && wg_strmap_get(&g->raw_index, e->key, &idx)) {
        *out = idx;
        return offer_label(&g->acc_nodes[idx].label, e->name);
    }
    if (al) {
        al->used++;
        if ((key = wg_i_alias_key(al, e->type)) == NULL)
            return WG_ENOMEM;
        if (al->type >= 0)
            type = al->type;
    } else if ((key = wg_i_canonical_key(e->key)) == NULL) {
        return WG_ENOMEM;
    }
    if (wg_strmap_get(&g->node_index, key, &idx)) {
        n = &g->acc_nodes[idx];
        /* a node first met through an alias takes its own label when it shows up */
        if (n->label_from_alias && !al) {
            free(n->label);
            n->label = NULL;
            n->label_from_alias = 0;
        }
        if (!n->label_from_alias && !(al && al->canon_label))
            err = offer_label(&n->label, e->name);
    } else if ((n = new_node(g, key, &idx)) == NULL) {
        err = WG_ENOMEM;
    } else {
        n->type = type;
        n->label_from_alias = al && !al->canon_label;
        if ((n->label = wg_i_clean_text(al && al->canon_label ? al->canon_label : e->name)) == NULL)
            err = WG_ENOMEM;
    }
    free(key);
    *out = idx;
    if (!err && !g->aliases.n)
        err = wg_strmap_put(&g->raw_index, e->key, idx);
    return err;
}

static int add_title(wg_i_node_acc *n, const char *raw)
{
    /* titles are kept once each; wg_graph_finish sorts them */
    char *title = wg_i_clean_text(raw);
    const char *p = n->titles.ptr;
    size_t tl;
    int err = 0;
    if (!title)
        return WG_ENOMEM;
    tl = strlen(title);
    while (p && *p) {
        const char *sep = strstr(p, "; ");
        size_t l = sep ? (size_t)(sep - p) : strlen(p);
        if (l == tl && strncmp(p, title, l) == 0)
            goto done;
        p = sep ? sep + 2 : p + l;
    }
    if (n->titles.len)
        wg_buf_puts(&n->titles, "; ");
    wg_buf_puts(&n->titles, title);
    err = n->titles.failed ? WG_ENOMEM : 0;
done:
    free(title);
    return err;
}

static uint64_t pair_hash(size_t a, size_t b)
{
    uint64_t x = (uint64_t)a * 0x9E3779B97F4A7C15ull ^ ((uint64_t)b + 0x632BE59BD9B4E019ull);
    x ^= x >> 31;
    x *= 0xBF58476D1CE4E5B9ull;
    x ^= x >> 29;
    return x;
}

static int edge_index_grow(wg_graph *g)
{
    size_t ncap = g->edge_index_cap ? g->edge_index_cap * 2 : 1024;
    size_t *slots = wg_i_calloc(ncap, sizeof *slots);
    if (!slots)
        return WG_ENOMEM;
    for (size_t i = 0; i < g->nacc_edges; i++) {
        const wg_i_edge_acc *e = &g->acc_edges[i];
        size_t lo = e->u < e->v ? e->u : e->v, hi = e->u < e->v ? e->v : e->u;
        size_t j = (size_t)pair_hash(lo, hi) & (ncap - 1);
        while (slots[j])
            j = (j + 1) & (ncap - 1);
        slots[j] = i + 1;
    }
    free(g->edge_index);
    g->edge_index = slots;
    g->edge_index_cap = ncap;
    return 0;
}

/* One edge per unordered pair of nodes: an index keyed on the pair itself
 * (no formatted strings), linear probing, load at most 1/2. */
static int edge_for(wg_graph *g, size_t u, size_t v, size_t *out)
{
    size_t lo = u < v ? u : v, hi = u < v ? v : u, j;
    if ((g->nacc_edges + 1) * 2 > g->edge_index_cap && edge_index_grow(g) < 0)
        return WG_ENOMEM;
    j = (size_t)pair_hash(lo, hi) & (g->edge_index_cap - 1);
    while (g->edge_index[j]) {
        const wg_i_edge_acc *e = &g->acc_edges[g->edge_index[j] - 1];
        if ((e->u == lo && e->v == hi) || (e->u == hi && e->v == lo)) {
            *out = g->edge_index[j] - 1;
            return 0;
        }
        j = (j + 1) & (g->edge_index_cap - 1);
    }
    if (wg_i_grow(&g->acc_edges, &g->acc_edges_cap, g->nacc_edges + 1, sizeof *g->acc_edges) < 0)
        return WG_ENOMEM;
    *out = g->nacc_edges++;
    wg_i_edge_acc *e = &g->acc_edges[*out];
    memset(e, 0, sizeof *e);
    e->u = (uint32_t)lo;
    e->v = (uint32_t)hi;
    e->presence = WG_PRESENCE_CITED;
    g->edge_index[j] = *out + 1;
    return 0;
}

/* Counts meeting `article` for the pair (u, v) under `relation`. A typed
 * relation names the edge's direction (u = the official or body, v = what
 * it belongs to or cites); a co-mention adds `newman` once per meeting. */
static int count_edge(wg_graph *g, size_t u, size_t v, int relation, uint32_t article, double newman, size_t *out)
{
    size_t idx;
    int err, added;
    if (u == v)
        return 0;
    if ((err = edge_for(g, u, v, &idx)) < 0)
        return err;
    wg_i_edge_acc *e = &g->acc_edges[idx];
    if (out)
        *out = idx;
    if (relation == REL_CO_MENTION || relation == REL_MENTIONS) {
        if ((err = artlist_add(&e->arts, article, &added)) < 0)
            return err;
        if (added)
            e->newman += newman;
    } else {
        /* the strongest typed relation gives the direction, whichever
         * article came first: holds_title_in, then committee_of, then cites */
        unsigned typed = e->rels & ~(1u << REL_CO_MENTION | 1u << REL_MENTIONS), strongest = typed & (~typed + 1u);
        /* the same relation both ways (two bodies citing each other): from the smaller key */
        if (!typed || (1u << relation) < strongest ||
            ((1u << relation) == strongest && e->u != u && strcmp(g->acc_nodes[u].key, g->acc_nodes[e->u].key) < 0)) {
            e->u = (uint32_t)u;
            e->v = (uint32_t)v;
        }
        if ((err = artlist_add(&e->rarts, article, &added)) < 0)
            return err;
    }
    e->rels |= (uint8_t)(1u << relation);
    return 0;
}

/* Do two entities share a window (paragraph or sentence) in the article? */
static int together(const wg_entity *a, const wg_entity *b, wg_window w)
{
    if (w == WG_WINDOW_ARTICLE)
        return 1;
    for (size_t i = 0; i < a->nmentions; i++)
        for (size_t j = 0; j < b->nmentions; j++) {
            if (w == WG_WINDOW_PARAGRAPH && a->mentions[i].paragraph == b->mentions[j].paragraph)
                return 1;
            if (w == WG_WINDOW_SENTENCE && a->mentions[i].sentence == b->mentions[j].sentence)
                return 1;
        }
    return 0;
}

/* Does `name` end `s` after a space ("Bí thư Quận ủy Quận 1" / "Quận ủy Quận 1")? */
static int ends_with_name(const char *s, const char *name)
{
    size_t sl = strlen(s), nl = strlen(name);
    return sl > nl && strcmp(s + sl - nl, name) == 0 && s[sl - nl - 1] == ' ';
}

/* How well title `t` names committee `c`: 2 when it ends with the whole
 * name ("Bí thư Quận ủy Quận 1"), 1 when it ends with the organ that the
 * name scopes ("Bí thư Thành ủy" / "Thành ủy Bắc Kạn", "Chủ tịch UBND tỉnh"
 * / "UBND tỉnh Lâm Đồng": the committee mention resolved its scope from
 * the article), 0 not at all. A former post ("nguyên ...") names none. */
static int title_names(const char *t, const char *c)
{
    size_t cl = strlen(c);
    if (strncmp(t, "nguyên ", 7) == 0)
        return 0;
    if (ends_with_name(t, c))
        return 2;
    /* the title's last words are the committee name's first words, and
     * the name goes on with its scope */
    for (const char *sp = strchr(t, ' '); sp; sp = strchr(sp + 1, ' ')) {
        const char *tail = sp + 1;
        size_t tl = strlen(tail);
        if (tl < cl && strncmp(c, tail, tl) == 0 && c[tl] == ' ')
            return 1;
    }
    return 0;
}

/* The committee of the article that title `t` names, or (size_t)-1: the
 * best match, and only when no other committee matches as well. */
static size_t title_committee(const wg_article *a, const char *t)
{
    size_t best = (size_t)-1;
    int score = 0, tie = 0;
    for (size_t j = 0; j < a->nentities; j++) {
        const wg_entity *f = &a->entities[j];
        int s = f->type == WG_COMMITTEE ? title_names(t, f->name) : 0;
        if (s > score) {
            score = s;
            best = j;
            tie = 0;
        } else if (s && s == score) {
            tie = 1;
        }
    }
    return tie ? (size_t)-1 : best;
}

/* A headline is the meeting's label, cut at a word to a readable length;
 * page debris in its place (an image's file name and size) gives way to
 * the meeting id. */
static char *meeting_label(const char *title, const char *meeting)
{
    enum { MAX_LABEL = 120 };
    size_t n = title ? strlen(title) : 0, cut = n;
    char *raw, *clean;
    if (!n || (strstr(title, " KB)") || strstr(title, ".jpg") || strstr(title, ".png") || strstr(title, ".JPG")))
        return wg_i_clean_text(meeting);
    if (n > MAX_LABEL) {
        cut = MAX_LABEL;
        while (cut > 0 && title[cut] != ' ')
            cut--;
        if (cut == 0)
            cut = wg_text_fit(title, MAX_LABEL);
    }
    if ((raw = wg_i_malloc(cut + 4)) == NULL)
        return NULL;
    memcpy(raw, title, cut);
    strcpy(raw + cut, cut < n ? "…" : "");
    clean = wg_i_clean_text(raw);
    free(raw);
    return clean;
}

/* Bipartite view: the meeting as a node of its own. */
static int meeting_node(wg_graph *g, const wg_article *a, const char *meeting, uint32_t article, size_t *out)
{
    wg_buf key = WG_BUF_INIT;
    char *k;
    size_t idx;
    int added;
    wg_i_node_acc *n;

    wg_buf_printf(&key, "meeting:%s", meeting);
    if (key.failed || (k = wg_i_xml_name(key.ptr)) == NULL) {
        wg_buf_free(&key);
        return WG_ENOMEM;
    }
    wg_buf_free(&key);
    /* two inputs with one file name in different folders are two meetings */
    if (wg_strmap_get(&g->node_index, k, &idx)) {
        char *k2 = wg_i_malloc(strlen(k) + 24);
        if (k2)
            snprintf(k2, strlen(k) + 24, "%s-%lu", k, (unsigned long)article + 1);
        free(k);
        if ((k = k2) == NULL)
            return WG_ENOMEM;
    }
    if ((n = new_node(g, k, &idx)) == NULL) {
        free(k);
        return WG_ENOMEM;
    }
    free(k);
    n->type = TYPE_MEETING;
    n->kind = (int)a->kind;
    n->presence = WG_PRESENCE_PARTICIPANT;
    for (size_t i = 0; i < a->nentities; i++)
        n->mentions += (long long)a->entities[i].nmentions;
    if ((n->label = meeting_label(a->title, meeting)) == NULL || (n->title = wg_i_clean_text(a->title)) == NULL ||
        (n->date = wg_i_clean_text(a->date)) == NULL)
        return WG_ENOMEM;
    *out = idx;
    return artlist_add(&n->arts, article, &added);
}

/* Records the article's meeting id, date and source, which node and edge
 * lists refer to by index. */
static int add_article_row(wg_graph *g, const char *meeting, const char *date, const char *source, int kind)
{
    size_t a = g->narticles, cap = g->narticles;
    if (a >= UINT32_MAX)
        return wg_i_error_set(WG_EINVAL, "more than %lu articles", (unsigned long)UINT32_MAX - 1);
    if (wg_i_grow(&g->art_off, &g->art_off_cap, 3 * a + 3, sizeof *g->art_off) < 0 ||
        (a % 1024 == 0 && wg_i_grow(&g->art_kind, &cap, a + 1024, 1) < 0))
        return WG_ENOMEM;
    g->art_kind[a] = (unsigned char)kind;
    g->art_off[3 * a] = g->art_text.len;
    wg_buf_put(&g->art_text, meeting, strlen(meeting) + 1);
    g->art_off[3 * a + 1] = g->art_text.len;
    wg_buf_put(&g->art_text, date, strlen(date) + 1);
    g->art_off[3 * a + 2] = g->art_text.len;
    wg_buf_put(&g->art_text, source, strlen(source) + 1);
    return g->art_text.failed ? WG_ENOMEM : 0;
}

/* The article from `source` is a duplicate of kept article `d->of`: it adds its source to
 * that meeting's and is listed in the report. */
static int note_duplicate(wg_graph *g, const wg_i_duplicate *d, const char *source)
{
    static const char *const how[] = {"", "exact", "near", "same_meeting"};
    uint32_t of = d->of;
    size_t e = g->ndup, c1 = g->dup_cap, c2 = g->dup_cap;
    if (wg_i_grow(&g->dup_off, &c1, e + 1, sizeof *g->dup_off) < 0 ||
        wg_i_grow(&g->dup_next, &c2, e + 1, sizeof *g->dup_next) < 0)
        return WG_ENOMEM;
    g->dup_cap = c1 < c2 ? c1 : c2;
    if (of >= g->dup_tail_cap) {
        size_t old = g->dup_tail_cap;
        if (wg_i_grow(&g->dup_tail, &g->dup_tail_cap, g->narticles, sizeof *g->dup_tail) < 0)
            return WG_ENOMEM;
        memset(g->dup_tail + old, 0, (g->dup_tail_cap - old) * sizeof *g->dup_tail);
    }
    g->dup_off[e] = g->dup_text.len;
    wg_buf_put(&g->dup_text, source, strlen(source) + 1);
    if (g->dup_tail[of]) {
        size_t tail = g->dup_tail[of] - 1;
        g->dup_next[e] = g->dup_next[tail];
        g->dup_next[tail] = e;
    } else {
        g->dup_next[e] = e;
    }
    g->dup_tail[of] = e + 1;
    g->ndup++;
    /* the kept source is the first of the meeting's list */
    wg_buf_printf(&g->dups, "%s\t%.3f\t%s\t%s\t%s\n", how[d->how], d->similarity, art_meeting(g, of),
                  art_sources(g, of), source);
    g->summary.duplicates++;
    if (d->how == WG_DUP_EXACT)
        g->summary.exact++;
    else if (d->how == WG_DUP_NEAR)
        g->summary.near++;
    else
        g->summary.same_meeting++;
    return g->dup_text.failed || g->dups.failed ? WG_ENOMEM : 0;
}

/* The sources of kept article `a`: its own, then its duplicates' in input order, "; "-joined. */
static int meeting_sources(const wg_graph *g, uint32_t a, wg_buf *out)
{
    out->len = 0;
    if (out->ptr)
        out->ptr[0] = '\0';
    wg_buf_puts(out, art_sources(g, a));
    if (a < g->dup_tail_cap && g->dup_tail[a]) {
        size_t tail = g->dup_tail[a] - 1, e = tail;
        do {
            e = g->dup_next[e];
            wg_buf_puts(out, "; ");
            wg_buf_puts(out, g->dup_text.ptr + g->dup_off[e]);
        } while (e != tail);
    }
    return out->failed ? WG_ENOMEM : 0;
}

/* Is entity `e` linked by co-mention under the build's presence rule? */
static int links(const wg_graph *g, const wg_entity *e)
{
    switch (g->opts.link) {
    case WG_LINK_ALL: return 1;
    case WG_LINK_PARTICIPANT: return e->presence == WG_PRESENCE_PARTICIPANT;
    default: return e->presence != WG_PRESENCE_CITED;
    }
}

static size_t first_offset(const wg_entity *e) { return e->nmentions ? e->mentions[0].start : (size_t)-1; }

/* The article's host: the participant body named first (a committee
 * before a unit: "Ban Thường vụ Tỉnh ủy tổ chức hội nghị quán triệt ...").
 * It is the one that cites what the meeting cites, so a citation costs an
 * edge per cited body, not one per pair. (size_t)-1 if none. */
static size_t host_of(const wg_article *a)
{
    size_t best = (size_t)-1;
    for (int pass = 0; pass < 2 && best == (size_t)-1; pass++)
        for (size_t i = 0; i < a->nentities; i++) {
            const wg_entity *e = &a->entities[i];
            if (e->type != (pass ? WG_WARD : WG_COMMITTEE) || e->presence != WG_PRESENCE_PARTICIPANT)
                continue;
            if (best == (size_t)-1 || first_offset(e) < first_offset(&a->entities[best]))
                best = i;
        }
    return best;
}

/* The typed relations of one article: an official's posts to the bodies
 * they name, a ward's committees to the ward, and from the meeting's host
 * to what it only cites. */
static int add_relations(wg_graph *g, const wg_article *a, const size_t *ids, uint32_t article, int meeting)
{
    size_t host = meeting ? host_of(a) : (size_t)-1;
    int err = 0;
    for (size_t i = 0; i < a->nentities && !err; i++) {
        const wg_entity *e = &a->entities[i];
        if (e->type == WG_OFFICIAL) {
            for (size_t t = 0; t < e->ntitles && !err; t++) {
                size_t j = title_committee(a, e->titles[t]);
                if (j != (size_t)-1)
                    err = count_edge(g, ids[i], ids[j], REL_HOLDS_TITLE_IN, article, 0.0, NULL);
            }
            continue;
        }
        for (size_t j = 0; j < a->nentities && !err; j++) {
            const wg_entity *f = &a->entities[j];
            if (e->type == WG_COMMITTEE && f->type == WG_WARD && ends_with_name(e->name, f->name))
                err = count_edge(g, ids[i], ids[j], REL_COMMITTEE_OF, article, 0.0, NULL);
            else if (i == host && !links(g, f))
                err = count_edge(g, ids[i], ids[j], REL_CITES, article, 0.0, NULL);
        }
    }
    return err;
}

int wg_graph_add_article(wg_graph *g, const wg_article *a)
{
    uint32_t article;
    size_t *ids = NULL, mnode = 0, nlinked = 0;
    char *meeting = NULL, *date = NULL, *source = NULL;
    wg_i_duplicate dup = {WG_DUP_NONE, 0, 0.0};
    int err = 0, added, meeting_kind;

    if (g->has_ig)
        return wg_i_error_set(WG_EINVAL, "graph is already finished");
    if ((meeting = meeting_id(a->source ? a->source : "")) == NULL || (date = wg_i_clean_text(a->date)) == NULL ||
        (source = wg_i_clean_text(a->source ? a->source : "")) == NULL) {
        err = WG_ENOMEM;
        goto done;
    }
    if (g->opts.dedup && (err = wg_i_dedup_find(&g->dedup, a, &dup)) < 0)
        goto done;
    if (dup.how != WG_DUP_NONE) {
        if ((err = note_duplicate(g, &dup, source)) < 0 || dup.how != WG_DUP_SAME_MEETING)
            goto done;
        /* another outlet's report of a kept meeting: what it adds joins that meeting */
        article = dup.of;
    } else {
        if ((err = add_article_row(g, meeting, date, source, (int)a->kind)) < 0 ||
            (g->opts.dedup && (err = wg_i_dedup_add(g->dedup, a, (uint32_t)g->narticles)) < 0))
            goto done;
        article = (uint32_t)g->narticles++;
        g->summary.articles++;
        if (a->kind == WG_KIND_OTHER)
            g->summary.other++;
        else
            g->summary.meetings++;
    }
    meeting_kind = g->art_kind[article] == WG_KIND_MEETING || g->opts.all_kinds;
    if (a->nentities && (ids = wg_i_calloc(a->nentities, sizeof *ids)) == NULL) {
        err = WG_ENOMEM;
        goto done;
    }
    if (g->opts.bipartite && dup.how == WG_DUP_NONE && (err = meeting_node(g, a, meeting, article, &mnode)) < 0)
        goto done;
    for (size_t i = 0; i < a->nentities && !err; i++) {
        const wg_entity *e = &a->entities[i];
        if ((err = node_for(g, e, meeting, &ids[i])) < 0)
            break;
        wg_i_node_acc *n = &g->acc_nodes[ids[i]];
        if ((err = artlist_add(&n->arts, article, &added)) < 0)
            break;
        if (added || dup.how == WG_DUP_NONE)
            n->mentions += (long long)e->nmentions;
        if (wg_presence_rank(e->presence) > wg_presence_rank((wg_presence)n->presence))
            n->presence = (int)e->presence;
        for (size_t t = 0; t < e->ntitles && !err; t++)
            err = add_title(n, e->titles[t]);
        if (!err && e->parent && *e->parent)
            err = offer_label(&n->parent, e->parent);
        nlinked += links(g, e);
    }
    if (g->opts.bipartite) {
        if (dup.how != WG_DUP_NONE) {
            /* the kept meeting's node */
            char *k = NULL;
            wg_buf kb = WG_BUF_INIT;
            wg_buf_printf(&kb, "meeting:%s", art_meeting(g, article));
            if (kb.failed || (k = wg_i_xml_name(kb.ptr)) == NULL)
                err = WG_ENOMEM;
            else if (!wg_strmap_get(&g->node_index, k, &mnode))
                mnode = (size_t)-1; /* a renamed twin meeting (same file name): its entities stand alone */
            free(k);
            wg_buf_free(&kb);
        }
        for (size_t i = 0; i < a->nentities && !err && mnode != (size_t)-1; i++) {
            size_t idx;
            if ((err = count_edge(g, mnode, ids[i], REL_MENTIONS, article, 0.0, &idx)) < 0)
                break;
            g->acc_edges[idx].roles |= (uint8_t)a->entities[i].roles;
            if (wg_presence_rank(a->entities[i].presence) > wg_presence_rank((wg_presence)g->acc_edges[idx].presence))
                g->acc_edges[idx].presence = (uint8_t)a->entities[i].presence;
        }
        goto done;
    }
    if (meeting_kind) {
        /* Newman's collaboration weight: each of the n linked entities'
         * n - 1 partners in this meeting gets an equal share of one */
        double share = nlinked > 1 ? 1.0 / (double)(nlinked - 1) : 0.0;
        for (size_t i = 0; i < a->nentities && !err; i++) {
            if (!links(g, &a->entities[i]))
                continue;
            for (size_t j = i + 1; j < a->nentities && !err; j++)
                if (links(g, &a->entities[j]) && together(&a->entities[i], &a->entities[j], g->opts.window))
                    err = count_edge(g, ids[i], ids[j], REL_CO_MENTION, article, share, NULL);
        }
    }
    if (!err && g->opts.relations)
        err = add_relations(g, a, ids, article, meeting_kind);
done:
    free(ids);
    free(meeting);
    free(date);
    free(source);
    return err;
}

void wg_graph_get_summary(const wg_graph *g, wg_graph_summary *out) { *out = g->summary; }

/* Colour by type (ColorBrewer Set1, told apart by most colour-blind readers). */
static const unsigned char type_colors[][3] = {
    {228, 26, 28},   /* official: red */
    {77, 175, 74},   /* ward: green */
    {55, 126, 184},  /* committee: blue */
    {255, 127, 0},   /* project: orange */
    {153, 153, 153}, /* meeting: grey */
};

static const char *type_name(int t) { return t == TYPE_MEETING ? "meeting" : wg_entity_type_name((wg_entity_type)t); }

static int role_text(wg_buf *b, unsigned roles)
{
    static const char *const names[] = {"chair", "attendee", "speaker"};
    for (unsigned r = 0; r < 3; r++)
        if (roles & (1u << r)) {
            if (b->len)
                wg_buf_putc(b, ';');
            wg_buf_puts(b, names[r]);
        }
    if (!b->len)
        wg_buf_puts(b, "mentioned");
    return b->failed ? WG_ENOMEM : 0;
}

static int layout(wg_graph *g, wg_column *x, wg_column *y, const wg_column *weight)
{
    size_t n = g->nodes.nrows, m = g->edges.nrows;
    igraph_matrix_t pos;
    igraph_vector_t w;
    igraph_error_t rc;
    if (igraph_matrix_init(&pos, 0, 0) != IGRAPH_SUCCESS)
        return wg_i_error_set(WG_ENOMEM, "out of memory");
    igraph_vector_view(&w, weight->d, (igraph_integer_t)m);
    /* a fixed seed makes the layout, and so the exports, reproducible;
     * igraph's layouts run on one thread, so -j does not change them */
    igraph_rng_seed(igraph_rng_default(), 20250224);
    /* Fruchterman-Reingold on igraph's grid costs O(n + m) per iteration
     * (DrL measured slower here: minutes for 23k nodes and 0.9M edges);
     * very large graphs get fewer iterations */
    rc = igraph_layout_fruchterman_reingold(&g->ig, &pos, 0, n > 50000 ? 150 : 500, (igraph_real_t)sqrt((double)n),
                                            IGRAPH_LAYOUT_AUTOGRID, m ? &w : NULL, NULL, NULL, NULL, NULL);
    if (rc != IGRAPH_SUCCESS) {
        igraph_matrix_destroy(&pos);
        return WG_EGRAPH;
    }
    for (size_t v = 0; v < n; v++) {
        /* rounded so that the text form is stable across platforms' last bits */
        x->d[v] = round(MATRIX(pos, v, 0) * 1000.0) / 10.0;
        y->d[v] = round(MATRIX(pos, v, 1) * 1000.0) / 10.0;
    }
    igraph_matrix_destroy(&pos);
    return 0;
}

/* Sets a string cell, sharing the cell's text with the previous row's of
 * the same column when they are equal: most edges of a big graph repeat
 * their relation, label and dates. Arena strings are never changed. */
static int set_shared(wg_column *c, size_t row, const char *text)
{
    if (row && strcmp(c->s[row - 1], text ? text : "") == 0) {
        c->s[row] = c->s[row - 1];
        return 0;
    }
    return wg_column_set_string(c, row, text);
}

/* Typed relations stay whatever their weight; --min-weight thins co-mentions. */
static int keep_edge(const wg_graph *g, const wg_i_edge_acc *e)
{
    return (e->rels & ~(1u << REL_CO_MENTION | 1u << REL_MENTIONS)) || (double)e->arts.n >= g->opts.min_weight;
}

/* The edge's weight under the build's weighting: the meetings shared (or
 * Newman's share of them), or for a typed relation alone the articles
 * that state it. */
static double edge_weight(const wg_graph *g, const wg_i_edge_acc *e)
{
    if (!e->arts.n)
        return (double)e->rarts.n;
    if (g->opts.weighting == WG_WEIGHT_NEWMAN && !g->opts.bipartite)
        return round(e->newman * 1e9) / 1e9; /* the same text on every platform */
    return (double)e->arts.n;
}

static int cmp_title(const void *a, const void *b) { return strcmp(*(char *const *)a, *(char *const *)b); }

/* The "; "-separated titles sorted, so the order of the articles does not show. */
static int sort_titles(wg_buf *t)
{
    char **v = NULL, *copy;
    size_t n = 0, cap = 0;
    if (!t->len || !strstr(t->ptr, "; "))
        return 0;
    if ((copy = wg_i_strdup(t->ptr)) == NULL)
        return WG_ENOMEM;
    for (char *p = copy; p;) {
        char *sep = strstr(p, "; ");
        if (sep)
            *sep = '\0';
        if (wg_i_grow(&v, &cap, n + 1, sizeof *v) < 0) {
            free(v);
            free(copy);
            return WG_ENOMEM;
        }
        v[n++] = p;
        p = sep ? sep + 2 : NULL;
    }
    qsort(v, n, sizeof *v, cmp_title);
    t->len = 0;
    for (size_t i = 0; i < n; i++) {
        if (i)
            wg_buf_puts(t, "; ");
        wg_buf_puts(t, v[i]);
    }
    free(v);
    free(copy);
    return t->failed ? WG_ENOMEM : 0;
}

/* A body whose place the article could not name has an article-scoped key
 * (".bài-MEETING"): its label says which article's it is, "Tỉnh ủy (d06)",
 * so that no two nodes read as the same bare "Tỉnh ủy". */
static int set_label(const wg_graph *g, wg_column *col, size_t v, const wg_i_node_acc *a)
{
    const char *scoped = a->type == WG_COMMITTEE || a->type == WG_WARD ? strstr(a->key, ".bài-") : NULL;
    wg_buf b = WG_BUF_INIT;
    int err;
    if (!scoped || !a->arts.n || strchr(a->label, '('))
        return wg_column_set_string(col, v, a->label);
    wg_buf_printf(&b, "%s (%s)", a->label, art_meeting(g, a->arts.first));
    err = b.failed ? WG_ENOMEM : wg_column_set_string(col, v, b.ptr);
    wg_buf_free(&b);
    return err;
}

typedef struct {
    const char *key;
    size_t idx;
} keyed;

static int cmp_keyed(const void *a, const void *b) { return strcmp(((const keyed *)a)->key, ((const keyed *)b)->key); }

static int cmp_edge(const void *a, const void *b)
{
    const wg_i_edge_acc *x = a, *y = b;
    uint32_t xl = x->u < x->v ? x->u : x->v, xh = x->u < x->v ? x->v : x->u;
    uint32_t yl = y->u < y->v ? y->u : y->v, yh = y->u < y->v ? y->v : y->u;
    if (xl != yl)
        return xl < yl ? -1 : 1;
    return xh < yh ? -1 : xh > yh;
}

/* Nodes in key order, edges in the order of their nodes: the same articles
 * in any order give the same bytes (the layout too, as it follows the
 * vertex order). Keys are unique, so the order is total. */
static int canonical_order(wg_graph *g)
{
    size_t n = g->nacc_nodes;
    keyed *order = n ? wg_i_malloc(n * sizeof *order) : NULL;
    uint32_t *rank = n ? wg_i_malloc(n * sizeof *rank) : NULL;
    wg_i_node_acc *nodes = n ? wg_i_malloc(n * sizeof *nodes) : NULL;
    int err = 0;
    if (n && (!order || !rank || !nodes)) {
        free(order);
        free(rank);
        free(nodes);
        return WG_ENOMEM;
    }
    for (size_t i = 0; i < n; i++) {
        order[i].key = g->acc_nodes[i].key;
        order[i].idx = i;
    }
    if (n > 1)
        qsort(order, n, sizeof *order, cmp_keyed);
    for (size_t k = 0; k < n; k++) {
        rank[order[k].idx] = (uint32_t)k;
        nodes[k] = g->acc_nodes[order[k].idx];
    }
    if (n)
        memcpy(g->acc_nodes, nodes, n * sizeof *nodes);
    for (size_t k = 0; k < n && !err; k++)
        err = wg_strmap_put(&g->node_index, g->acc_nodes[k].key, k);
    for (size_t i = 0; i < g->nacc_edges; i++) {
        wg_i_edge_acc *e = &g->acc_edges[i];
        uint32_t u = rank[e->u], v = rank[e->v];
        /* an undirected co-mention runs from the smaller key; a typed
         * relation keeps its direction */
        int typed = (e->rels & ~(1u << REL_CO_MENTION | 1u << REL_MENTIONS)) != 0;
        e->u = typed || u < v ? u : v;
        e->v = typed || u < v ? v : u;
    }
    if (g->nacc_edges > 1)
        qsort(g->acc_edges, g->nacc_edges, sizeof *g->acc_edges, cmp_edge);
    /* the pair index and the raw keys point at the old order: building is over */
    free(g->edge_index);
    g->edge_index = NULL;
    g->edge_index_cap = 0;
    wg_strmap_free(&g->raw_index);
    free(order);
    free(rank);
    free(nodes);
    return err;
}

int wg_graph_finish(wg_graph *g)
{
    size_t n = g->nacc_nodes, m = 0, maxlist = 1;
    igraph_vector_int_t edges;
    wg_column *id, *label, *type, *mentions, *articles, *first, *last, *titles, *parent, *dates, *presence;
    wg_column *x, *y, *size, *r, *gg, *b, *mdate = NULL, *mtitle = NULL, *msource = NULL, *mkind = NULL;
    wg_column *weight, *elabel, *relation, *meetings, *efirst, *elast, *edates, *role = NULL, *epresence = NULL;
    wg_column *co_mentions = NULL, *newman = NULL;
    wg_buf text = WG_BUF_INIT, dl = WG_BUF_INIT;
    const char **tmp = NULL, *fd, *ld;
    int err = 0;

    if (g->has_ig)
        return wg_i_error_set(WG_EINVAL, "graph is already finished");
    if ((err = canonical_order(g)) < 0)
        return err;
    for (size_t i = 0; i < g->nacc_edges; i++) {
        const wg_i_edge_acc *e = &g->acc_edges[i];
        if (keep_edge(g, e))
            m++;
        if (e->arts.n > maxlist)
            maxlist = e->arts.n;
        if (e->rarts.n > maxlist)
            maxlist = e->rarts.n;
    }
    for (size_t v = 0; v < n; v++)
        if (g->acc_nodes[v].arts.n > maxlist)
            maxlist = g->acc_nodes[v].arts.n;
    if ((tmp = wg_i_malloc(maxlist * sizeof *tmp)) == NULL)
        return WG_ENOMEM;
    g->nodes.nrows = n;
    g->edges.nrows = m;
    /* column order is the order of the attributes in every export */
    if (!(id = wg_table_add(&g->nodes, "id", WG_ATTR_STRING)) ||
        !(label = wg_table_add(&g->nodes, "label", WG_ATTR_STRING)) ||
        !(type = wg_table_add(&g->nodes, "type", WG_ATTR_STRING)) ||
        !(mentions = wg_table_add(&g->nodes, "mentions", WG_ATTR_INT)) ||
        !(articles = wg_table_add(&g->nodes, "articles", WG_ATTR_INT)) ||
        !(first = wg_table_add(&g->nodes, "first_date", WG_ATTR_STRING)) ||
        !(last = wg_table_add(&g->nodes, "last_date", WG_ATTR_STRING)) ||
        !(dates = wg_table_add(&g->nodes, "dates", WG_ATTR_STRING)) ||
        !(titles = wg_table_add(&g->nodes, "titles", WG_ATTR_STRING)) ||
        !(parent = wg_table_add(&g->nodes, "parent", WG_ATTR_STRING)) ||
        !(presence = wg_table_add(&g->nodes, "presence", WG_ATTR_STRING)) ||
        (g->opts.bipartite && (!(mdate = wg_table_add(&g->nodes, "date", WG_ATTR_STRING)) ||
                               !(mtitle = wg_table_add(&g->nodes, "title", WG_ATTR_STRING)) ||
                               !(msource = wg_table_add(&g->nodes, "source", WG_ATTR_STRING)) ||
                               !(mkind = wg_table_add(&g->nodes, "kind", WG_ATTR_STRING)))) ||
        !(size = wg_table_add(&g->nodes, "size", WG_ATTR_DOUBLE)) ||
        !(r = wg_table_add(&g->nodes, "r", WG_ATTR_INT)) ||
        !(gg = wg_table_add(&g->nodes, "g", WG_ATTR_INT)) ||
        !(b = wg_table_add(&g->nodes, "b", WG_ATTR_INT)) ||
        !(x = wg_table_add(&g->nodes, "x", WG_ATTR_DOUBLE)) ||
        !(y = wg_table_add(&g->nodes, "y", WG_ATTR_DOUBLE)) ||
        !(weight = wg_table_add(&g->edges, "weight", WG_ATTR_DOUBLE)) ||
        !(elabel = wg_table_add(&g->edges, "label", WG_ATTR_STRING)) ||
        !(relation = wg_table_add(&g->edges, "relation", WG_ATTR_STRING)) ||
        (g->opts.bipartite && (!(role = wg_table_add(&g->edges, "role", WG_ATTR_STRING)) ||
                               !(epresence = wg_table_add(&g->edges, "presence", WG_ATTR_STRING)))) ||
        (!g->opts.bipartite && (!(co_mentions = wg_table_add(&g->edges, "co_mentions", WG_ATTR_INT)) ||
                                !(newman = wg_table_add(&g->edges, "newman", WG_ATTR_DOUBLE)))) ||
        !(meetings = wg_table_add(&g->edges, "meetings", WG_ATTR_STRING)) ||
        !(efirst = wg_table_add(&g->edges, "first_date", WG_ATTR_STRING)) ||
        !(elast = wg_table_add(&g->edges, "last_date", WG_ATTR_STRING)) ||
        !(edates = wg_table_add(&g->edges, "dates", WG_ATTR_STRING))) {
        free(tmp);
        return WG_ENOMEM;
    }
    for (size_t v = 0; v < n && !err; v++) {
        wg_i_node_acc *a = &g->acc_nodes[v];
        err = list_dates(g, &a->arts, tmp, &dl, &fd, &ld);
        if (!err) err = sort_titles(&a->titles);
        if (!err) err = wg_column_set_string(id, v, a->key);
        if (!err) err = set_label(g, label, v, a);
        if (!err) err = set_shared(type, v, type_name(a->type));
        if (!err) err = set_shared(first, v, fd);
        if (!err) err = set_shared(last, v, ld);
        if (!err) err = set_shared(dates, v, dl.ptr);
        if (!err) err = wg_column_set_string(titles, v, a->titles.ptr);
        if (!err) err = set_shared(parent, v, a->parent);
        if (!err) err = set_shared(presence, v, wg_presence_name((wg_presence)a->presence));
        if (!err && mdate) err = wg_column_set_string(mdate, v, a->date);
        if (!err && mtitle) err = wg_column_set_string(mtitle, v, a->title);
        if (!err && msource && a->type == TYPE_MEETING)
            err = meeting_sources(g, a->arts.first, &text);
        if (!err && msource)
            err = wg_column_set_string(msource, v, a->type == TYPE_MEETING && text.ptr ? text.ptr : "");
        if (!err && mkind)
            err = set_shared(mkind, v, a->type == TYPE_MEETING ? wg_article_kind_name((wg_article_kind)a->kind) : "");
        mentions->i[v] = a->mentions;
        articles->i[v] = a->arts.n;
        /* area grows with mentions, as the eye reads size */
        size->d[v] = round(400.0 + 400.0 * sqrt((double)a->mentions)) / 100.0;
        r->i[v] = type_colors[a->type][0];
        gg->i[v] = type_colors[a->type][1];
        b->i[v] = type_colors[a->type][2];
    }
    if (!err && (g->edge_ends = wg_i_calloc(2 * m + 1, sizeof *g->edge_ends)) == NULL)
        err = WG_ENOMEM;
    if (err || igraph_vector_int_init(&edges, (igraph_integer_t)(2 * m)) != IGRAPH_SUCCESS) {
        free(tmp);
        wg_buf_free(&dl);
        return err ? err : wg_i_error_set(WG_ENOMEM, "out of memory");
    }
    for (size_t i = 0, k = 0; i < g->nacc_edges && !err; i++) {
        wg_i_edge_acc *e = &g->acc_edges[i];
        const artlist *arts = e->arts.n ? &e->arts : &e->rarts;
        uint32_t w = arts->n;
        if (!keep_edge(g, e))
            continue;
        VECTOR(edges)[2 * k] = (igraph_integer_t)e->u;
        VECTOR(edges)[2 * k + 1] = (igraph_integer_t)e->v;
        g->edge_ends[2 * k] = e->u;
        g->edge_ends[2 * k + 1] = e->v;
        weight->d[k] = edge_weight(g, e);
        if (co_mentions) {
            co_mentions->i[k] = e->arts.n;
            newman->d[k] = round(e->newman * 1e9) / 1e9;
        }
        text.len = 0;
        if (role) {
            err = role_text(&text, e->roles);
            if (!err) err = set_shared(role, k, text.ptr);
            if (!err) err = set_shared(elabel, k, text.ptr);
            if (!err) err = set_shared(epresence, k, wg_presence_name((wg_presence)e->presence));
            if (!err) err = set_shared(relation, k, relation_names[REL_MENTIONS]);
        } else {
            /* Gephi shows the edge label: what links the pair and how often */
            char num[16];
            size_t nl = 0;
            for (int rel = 0; rel < REL_COUNT; rel++)
                if (e->rels & (1u << rel)) {
                    if (text.len)
                        wg_buf_putc(&text, ';');
                    wg_buf_puts(&text, relation_names[rel]);
                }
            err = text.failed ? WG_ENOMEM : set_shared(relation, k, text.ptr);
            for (uint32_t q = w; q || !nl; q /= 10)
                num[nl++] = (char)('0' + q % 10);
            wg_buf_puts(&text, ", ");
            while (nl)
                wg_buf_putc(&text, num[--nl]);
            wg_buf_puts(&text, w == 1 ? (e->arts.n ? " meeting" : " article") : (e->arts.n ? " meetings" : " articles"));
            if (!err) err = text.failed ? WG_ENOMEM : set_shared(elabel, k, text.ptr);
        }
        /* meeting ids sorted, not in input order */
        text.len = 0;
        for (uint32_t t = 0; t < w; t++)
            tmp[t] = art_meeting(g, artlist_get(arts, t));
        if (w > 1)
            qsort(tmp, w, sizeof *tmp, cmp_str);
        for (uint32_t t = 0; t < w; t++) {
            if (t)
                wg_buf_putc(&text, ';');
            wg_buf_puts(&text, tmp[t]);
        }
        if (!err) err = text.failed ? WG_ENOMEM : wg_column_set_string(meetings, k, text.ptr);
        if (!err) err = list_dates(g, arts, tmp, &dl, &fd, &ld);
        if (!err) err = set_shared(efirst, k, fd);
        if (!err) err = set_shared(elast, k, ld);
        if (!err) err = set_shared(edates, k, dl.ptr);
        /* the accumulators are done with: give their memory back as we go */
        free(e->arts.more);
        free(e->rarts.more);
        e->arts.more = e->rarts.more = NULL;
        k++;
    }
    free(tmp);
    wg_buf_free(&text);
    wg_buf_free(&dl);
    if (!err && igraph_create(&g->ig, &edges, (igraph_integer_t)n, IGRAPH_UNDIRECTED) != IGRAPH_SUCCESS)
        err = WG_EGRAPH;
    igraph_vector_int_destroy(&edges);
    if (err)
        return err;
    g->has_ig = 1;
    free(g->acc_edges);
    free(g->edge_index);
    g->acc_edges = NULL;
    g->edge_index = NULL;
    g->nacc_edges = g->acc_edges_cap = g->edge_index_cap = 0;
    wg_i_dedup_free(g->dedup);
    g->dedup = NULL;
    if (g->opts.layout && n > 0 && (err = layout(g, x, y, weight)) < 0)
        return err;
    return 0;
}

void wg_i_edge_ends(const wg_graph *g, size_t e, size_t *from, size_t *to)
{
    if (g->edge_ends) {
        *from = g->edge_ends[2 * e];
        *to = g->edge_ends[2 * e + 1];
    } else {
        *from = (size_t)IGRAPH_FROM(&g->ig, (igraph_integer_t)e);
        *to = (size_t)IGRAPH_TO(&g->ig, (igraph_integer_t)e);
    }
}

const char *wg_i_node_first_meeting(const wg_graph *g, size_t v)
{
    return v < g->nacc_nodes && g->acc_nodes[v].arts.n ? art_meeting(g, g->acc_nodes[v].arts.first) : "";
}

size_t wg_graph_node_count(const wg_graph *g) { return g->nodes.nrows; }
size_t wg_graph_edge_count(const wg_graph *g) { return g->edges.nrows; }

const char *wg_i_node_str(const wg_graph *g, const char *col, size_t v)
{
    const wg_column *c = wg_table_find(&g->nodes, col);
    return c && c->kind == WG_ATTR_STRING ? c->s[v] : "";
}

double wg_i_edge_weight(const wg_graph *g, size_t e)
{
    const wg_column *c = wg_table_find(&g->edges, "weight");
    if (!c)
        return 1.0;
    return c->kind == WG_ATTR_DOUBLE ? c->d[e] : c->kind == WG_ATTR_INT ? (double)c->i[e] : 1.0;
}

void wg_graph_free(wg_graph *g)
{
    if (!g)
        return;
    for (size_t i = 0; i < g->nacc_nodes; i++) {
        wg_i_node_acc *a = &g->acc_nodes[i];
        free(a->key);
        free(a->label);
        free(a->parent);
        free(a->title);
        free(a->date);
        free(a->source);
        free(a->arts.more);
        wg_buf_free(&a->titles);
    }
    free(g->acc_nodes);
    for (size_t i = 0; i < g->nacc_edges; i++) {
        free(g->acc_edges[i].arts.more);
        free(g->acc_edges[i].rarts.more);
    }
    free(g->acc_edges);
    wg_i_dedup_free(g->dedup);
    free(g->art_kind);
    wg_buf_free(&g->dups);
    free(g->edge_index);
    free(g->edge_ends);
    free(g->art_off);
    wg_buf_free(&g->art_text);
    wg_buf_free(&g->dup_text);
    free(g->dup_off);
    free(g->dup_next);
    free(g->dup_tail);
    wg_strmap_free(&g->node_index);
    wg_strmap_free(&g->raw_index);
    wg_i_aliases_free(&g->aliases);
    wg_table_free(&g->nodes);
    wg_table_free(&g->edges);
    if (g->has_ig)
        igraph_destroy(&g->ig);
    free(g);
}
