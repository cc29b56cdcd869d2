/* Resolution by hand: the alias file (--aliases) and the report of close
 * calls (--report).
 *
 * An alias line is `alias<TAB>canonical`. Either side is a key
 * (`official:nguyễn-văn-an`, recognised by its type prefix) or a label
 * (`Nguyễn Văn An`, matched case- and tone-insensitively, never
 * accent-free: "Hùng" is not "Hưng"). `MEETING/alias` applies in one article
 * only (MEETING = its file name without extension): that splits a name
 * shared by two people. Chains are refused rather than followed, so that
 * each line says where its entities end up. */
#include <errno.h>
#include <string.h>
#include "graph/graph.h"
#include "extract/extract.h"
#include "text/text.h"

/* "official:..." and the like: the type, or -1. */
static int key_type(const char *s)
{
    for (int t = 0; t < (int)WG_ENTITY_TYPES; t++) {
        const char *name = wg_entity_type_name((wg_entity_type)t);
        size_t l = strlen(name);
        if (strncmp(s, name, l) == 0 && s[l] == ':')
            return t;
    }
    return -1;
}

/* Looks like "word:rest" without spaces: meant as a key. */
static int key_like(const char *s)
{
    const char *colon = strchr(s, ':');
    return colon && colon > s && !strpbrk(s, " \t");
}

/* The index text of an alias or canonical: "K\t" + canonical key, or
 * "L\t" + folded label; with "MEETING\t" before it when scoped. */
static char *index_text(const char *meeting, const char *s)
{
    wg_buf b = WG_BUF_INIT;
    char *v;
    int key = key_type(s) >= 0;
    if ((v = key ? wg_i_canonical_key(s) : wg_i_fold(s, strlen(s))) == NULL)
        return NULL;
    if (meeting)
        wg_buf_printf(&b, "%s\t", meeting);
    wg_buf_printf(&b, "%s\t%s", key ? "K" : "L", v);
    free(v);
    return b.failed ? NULL : wg_buf_detach(&b);
}

void wg_i_aliases_free(wg_i_aliases *a)
{
    for (size_t i = 0; i < a->n; i++) {
        free(a->items[i].canon_key);
        free(a->items[i].canon_label);
        free(a->items[i].alias);
    }
    free(a->items);
    free(a->path);
    wg_strmap_free(&a->index);
    memset(a, 0, sizeof *a);
}

char *wg_i_alias_key(const wg_i_alias *al, wg_entity_type type)
{
    char *made, *key;
    if (al->canon_key)
        return wg_i_strdup(al->canon_key);
    /* a label: the key the extraction would make for it */
    if ((made = wg_i_make_key(type, al->canon_label)) == NULL)
        return NULL;
    key = wg_i_canonical_key(made);
    free(made);
    return key;
}

wg_i_alias *wg_i_alias_for(const wg_i_aliases *a, const char *meeting, const wg_entity *e)
{
    char *key, *label;
    wg_i_alias *found = NULL;
    if (!a->n)
        return NULL;
    key = wg_i_canonical_key(e->key);
    label = wg_i_fold(e->name, strlen(e->name));
    if (key && label) {
        /* the narrowest line wins: this meeting's, then everywhere's; a key before a label */
        const char *kinds[4][2] = {{meeting, "K"}, {meeting, "L"}, {NULL, "K"}, {NULL, "L"}};
        for (int k = 0; k < 4 && !found; k++) {
            wg_buf b = WG_BUF_INIT;
            size_t idx;
            if (kinds[k][0])
                wg_buf_printf(&b, "%s\t", kinds[k][0]);
            wg_buf_printf(&b, "%s\t%s", kinds[k][1], kinds[k][1][0] == 'K' ? key : label);
            if (!b.failed && wg_strmap_get(&a->index, b.ptr, &idx))
                found = &a->items[idx];
            wg_buf_free(&b);
        }
    }
    free(key);
    free(label);
    return found;
}

static int parse_error(const char *path, size_t line, const char *fmt, const char *what)
{
    char msg[512];
    snprintf(msg, sizeof msg, fmt, what);
    return wg_i_error_set(WG_EPARSE, "%s:%zu: %s", path, line, msg);
}

/* One line, already split at its tab. */
static int add_line(wg_i_aliases *a, const char *path, size_t line, char *alias, char *canon)
{
    char *meeting = NULL, *slash = strchr(alias, '/'), *itext = NULL;
    wg_i_alias *it;
    size_t prev;
    int err = 0;

    if (!*alias)
        return parse_error(path, line, "%sempty alias before the tab", "");
    if (!*canon)
        return parse_error(path, line, "%sempty canonical name after the tab", "");
    if (slash && slash > alias && !memchr(alias, ' ', (size_t)(slash - alias))) {
        *slash = '\0';
        meeting = alias;
        alias = slash + 1;
        if (!*alias)
            return parse_error(path, line, "nothing after '%s/'", meeting);
    }
    if (key_like(alias) && key_type(alias) < 0)
        return parse_error(path, line, "'%s' has no entity type (official, ward, committee or project)", alias);
    if (key_like(canon) && key_type(canon) < 0)
        return parse_error(path, line, "'%s' has no entity type (official, ward, committee or project)", canon);
    if ((itext = index_text(meeting, alias)) == NULL)
        return WG_ENOMEM;
    if (wg_strmap_get(&a->index, itext, &prev)) {
        char msg[600];
        snprintf(msg, sizeof msg, "'%s' is already an alias (line %zu)", alias, a->items[prev].line);
        free(itext);
        return wg_i_error_set(WG_EPARSE, "%s:%zu: %s", path, line, msg);
    }
    if (wg_i_grow(&a->items, &a->cap, a->n + 1, sizeof *a->items) < 0) {
        free(itext);
        return WG_ENOMEM;
    }
    it = &a->items[a->n];
    memset(it, 0, sizeof *it);
    it->line = line;
    it->type = key_type(canon);
    if ((it->alias = wg_i_malloc(strlen(alias) + (meeting ? strlen(meeting) + 1 : 0) + 1)) != NULL)
        sprintf(it->alias, "%s%s%s", meeting ? meeting : "", meeting ? "/" : "", alias);
    if (!it->alias ||
        (it->type >= 0 ? (it->canon_key = wg_i_canonical_key(canon)) == NULL
                       : (it->canon_label = wg_i_clean_text(canon)) == NULL)) {
        free(it->alias);
        free(it->canon_key);
        free(itext);
        return WG_ENOMEM;
    }
    a->n++;
    err = wg_strmap_put(&a->index, itext, a->n - 1);
    free(itext);
    return err;
}

int wg_graph_load_aliases(wg_graph *g, const char *path)
{
    wg_i_aliases *a = &g->aliases;
    char *data = NULL, *p, *next;
    size_t len, line = 0;
    int err;

    if (g->narticles)
        return wg_i_error_set(WG_EINVAL, "aliases must be loaded before any article");
    if ((err = wg_read_file(path, &data, &len)) < 0)
        return err;
    if (memchr(data, '\0', len)) {
        free(data);
        return wg_i_error_set(WG_EPARSE, "%s: not a text file (NUL byte)", path);
    }
    for (p = data; p && *p && !err; p = next) {
        char *tab, *end;
        line++;
        next = strchr(p, '\n');
        if (next)
            *next++ = '\0';
        end = p + strlen(p);
        if (end > p && end[-1] == '\r')
            *--end = '\0';
        if (line == 1 && strncmp(p, "\xEF\xBB\xBF", 3) == 0)
            p += 3;
        for (size_t i = 0; p[i];) {
            size_t l = wg_utf8_valid_len((const unsigned char *)p + i, strlen(p + i));
            if (!l) {
                err = parse_error(path, line, "%snot valid UTF-8", "");
                break;
            }
            i += l;
        }
        if (err)
            break;
        while (*p == ' ')
            p++;
        if (!*p || *p == '#')
            continue;
        if ((tab = strchr(p, '\t')) == NULL) {
            err = parse_error(path, line, "%sexpected 'alias<TAB>canonical'", "");
            break;
        }
        *tab = '\0';
        if (strchr(tab + 1, '\t')) {
            err = parse_error(path, line, "%smore than two tab-separated fields", "");
            break;
        }
        /* spaces around the fields are a typing accident, not part of a name */
        for (char *s = tab; s > p && s[-1] == ' ';)
            *--s = '\0';
        char *canon = tab + 1;
        while (*canon == ' ')
            canon++;
        for (char *s = canon + strlen(canon); s > canon && s[-1] == ' ';)
            *--s = '\0';
        err = add_line(a, path, line, p, canon);
    }
    free(data);
    /* a canonical name that is itself an alias would make the result depend on the order of lines */
    for (size_t i = 0; i < a->n && !err; i++) {
        wg_i_alias *it = &a->items[i];
        char *t = index_text(NULL, it->canon_key ? it->canon_key : it->canon_label);
        size_t j;
        if (!t)
            return WG_ENOMEM;
        if (wg_strmap_get(&a->index, t, &j) && j != i) {
            char msg[600];
            snprintf(msg, sizeof msg, "canonical '%s' is itself an alias (line %zu): give the final name",
                     it->canon_key ? it->canon_key : it->canon_label, a->items[j].line);
            err = wg_i_error_set(WG_EPARSE, "%s:%zu: %s", path, it->line, msg);
        }
        free(t);
    }
    if (!err) {
        free(a->path); /* a second file adds to the first; the report names the last */
        if ((a->path = wg_i_strdup(path)) == NULL)
            err = WG_ENOMEM;
    }
    if (err)
        wg_i_aliases_free(a);
    return err;
}

/* ---- the report ---- */

typedef struct {
    char *fold;
    int type;
    size_t node;
} entry;

static int cmp_entry(const void *pa, const void *pb)
{
    const entry *a = pa, *b = pb;
    int c;
    if (a->type != b->type)
        return a->type < b->type ? -1 : 1;
    if ((c = strcmp(a->fold, b->fold)) != 0)
        return c;
    return a->node < b->node ? -1 : a->node > b->node;
}

/* TSV fields hold no tab or newline. */
static void put_field(FILE *fp, const char *s)
{
    for (; s && *s; s++)
        fputc(*s == '\t' || *s == '\n' ? ' ' : *s, fp);
}

static int report_groups(FILE *fp, const wg_graph *g, int letters, size_t *group)
{
    size_t n = g->nacc_nodes, k = 0;
    entry *es = wg_i_calloc(n ? n : 1, sizeof *es);
    const wg_column *ids = wg_table_find(&g->nodes, "id"), *labels = wg_table_find(&g->nodes, "label"),
                    *types = wg_table_find(&g->nodes, "type"), *arts = wg_table_find(&g->nodes, "articles"),
                    *dates = wg_table_find(&g->nodes, "dates");
    int err = 0;
    if (!es)
        return WG_ENOMEM;
    for (size_t v = 0; v < n && !err; v++) {
        const char *label = labels->s[v];
        if (strcmp(types->s[v], "meeting") == 0)
            continue;
        es[k].type = -1;
        es[k].node = v;
        for (int t = 0; t < (int)WG_ENTITY_TYPES; t++)
            if (strcmp(types->s[v], wg_entity_type_name((wg_entity_type)t)) == 0)
                es[k].type = t;
        es[k].fold = letters ? wg_i_fold_letters(label) : wg_i_fold(label, strlen(label));
        if (!es[k].fold)
            err = WG_ENOMEM;
        else
            k++;
    }
    if (!err)
        qsort(es, k, sizeof *es, cmp_entry);
    for (size_t i = 0; i < k && !err;) {
        size_t j = i + 1;
        int differ = 0;
        while (j < k && es[j].type == es[i].type && strcmp(es[j].fold, es[i].fold) == 0) {
            /* with letters only, a group is news only if its labels are not all the same */
            if (strcmp(labels->s[es[j].node], labels->s[es[i].node]) != 0)
                differ = 1;
            j++;
        }
        if (j - i > 1 && (!letters || differ)) {
            ++*group;
            for (size_t t = i; t < j; t++) {
                size_t v = es[t].node;
                fprintf(fp, "%zu\t%s\t%s\t", *group, letters ? "same_letters_without_tones" : "same_label",
                        types->s[v]);
                put_field(fp, ids->s[v]);
                fputc('\t', fp);
                put_field(fp, labels->s[v]);
                fprintf(fp, "\t%lld\t", arts->i[v]);
                put_field(fp, wg_i_node_first_meeting(g, v));
                fputc('\t', fp);
                put_field(fp, dates->s[v]);
                fputc('\n', fp);
            }
        }
        i = j;
    }
    for (size_t i = 0; i < k; i++)
        free(es[i].fold);
    free(es);
    return err;
}

int wg_graph_write_report(const wg_graph *g, const char *path)
{
    wg_atomic out;
    size_t group = 0;
    int err;
    if (!g->has_ig || g->nacc_nodes != g->nodes.nrows)
        return wg_i_error_set(WG_EINVAL, "the report needs a graph built from articles");
    if ((err = wg_atomic_open(&out, path)) < 0)
        return err;
    fprintf(out.fp, "# Close calls: nodes of one type under different keys whose labels are the same,\n"
                    "# or the same once tones and diacritics are dropped (different tones are\n"
                    "# different names: review, and merge with an --aliases line if they are one).\n"
                    "group\treason\ttype\tkey\tlabel\tarticles\tfirst_meeting\tdates\n");
    if ((err = report_groups(out.fp, g, 0, &group)) < 0 || (err = report_groups(out.fp, g, 1, &group)) < 0) {
        wg_atomic_abort(&out);
        return err;
    }
    fprintf(out.fp, "\n# Alias lines (%s) and how many entities each rewrote.\n"
                    "line\talias\tcanonical\tentities\n",
            g->aliases.path ? g->aliases.path : "none given");
    for (size_t i = 0; i < g->aliases.n; i++) {
        const wg_i_alias *a = &g->aliases.items[i];
        fprintf(out.fp, "%zu\t", a->line);
        put_field(out.fp, a->alias);
        fputc('\t', out.fp);
        put_field(out.fp, a->canon_key ? a->canon_key : a->canon_label);
        fprintf(out.fp, "\t%lld\n", a->used);
    }
    fprintf(out.fp, "\n# Duplicates: articles counted as another's meeting (exact copy, near copy:\n"
                    "# shingle agreement; same meeting: same date, entity-key overlap), each once.\n"
                    "how\tsimilarity\tmeeting\tkept\tduplicate\n");
    if (g->dups.len)
        fputs(g->dups.ptr, out.fp);
    if (ferror(out.fp)) {
        wg_atomic_abort(&out);
        return wg_i_error_set(WG_EIO, "%s: %s", path, strerror(errno));
    }
    return wg_atomic_commit(&out);
}
