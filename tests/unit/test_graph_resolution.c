/* graph: resolution across articles at the graph level, with hand-made
 * articles: the traps of SPEC section 3 (same name in two provinces, the
 * bare "Thành ủy" of two cities, tone variants of one name, different
 * tones = different people), the alias file (merge, split, errors with
 * FILE:LINE) and the close-call report. */
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include "harness.h"
#include "graph/graph.h"

static wg_entity ent(wg_entity_type t, const char *name, const char *key)
{
    wg_entity e = {0};
    e.type = t;
    e.name = (char *)name;
    e.key = (char *)key;
    return e;
}

static long find(const wg_graph *g, const char *key)
{
    const wg_column *id = wg_table_find(&g->nodes, "id");
    for (size_t v = 0; id && v < g->nodes.nrows; v++)
        if (strcmp(id->s[v], key) == 0)
            return (long)v;
    return -1;
}

static char *slurp(const char *path)
{
    char *s = NULL;
    size_t n;
    return wg_read_file(path, &s, &n) == 0 ? s : NULL;
}

static void write_text(const char *path, const char *text)
{
    FILE *fp = fopen(path, "wb");
    if (fp) {
        fputs(text, fp);
        fclose(fp);
    }
}

/* Builds a graph from `arts` with an alias file holding `aliases` (or none). */
static wg_graph *build(wg_article *arts, size_t n, const char *aliases, int *alias_err)
{
    wg_build_options o = WG_BUILD_OPTIONS_INIT;
    wg_graph *g = NULL;
    o.layout = 0;
    *alias_err = 0;
    if (wg_graph_new(&g, &o) < 0)
        return NULL;
    if (aliases) {
        char path[] = "/tmp/wg-test-aliases-XXXXXX";
        int fd = mkstemp(path);
        close(fd);
        write_text(path, aliases);
        *alias_err = wg_graph_load_aliases(g, path);
        unlink(path);
        if (*alias_err < 0) {
            wg_graph_free(g);
            return NULL;
        }
    }
    for (size_t i = 0; i < n; i++)
        if (wg_graph_add_article(g, &arts[i]) < 0) {
            wg_graph_free(g);
            return NULL;
        }
    if (wg_graph_finish(g) < 0) {
        wg_graph_free(g);
        return NULL;
    }
    return g;
}

int main(void)
{
    int aerr;
    wg_init();

    /* The traps, one article each. Keys as the extraction makes them: a
     * scope keeps two provinces' namesakes and two cities' bare organs apart. */
    wg_entity a0[] = {ent(WG_OFFICIAL, "Nguyễn Văn An", "official:nguyễn-văn-an.tỉnh-long-an"),
                      ent(WG_COMMITTEE, "Thành ủy", "committee:thành-ủy.quận-1"),
                      ent(WG_OFFICIAL, "Nguyễn Văn Hòa", "official:nguyễn-văn-hòa"),
                      ent(WG_OFFICIAL, "Nguyễn Văn Hùng", "official:nguyễn-văn-hùng")};
    /* the same person with the other tone placement, upper case, decomposed */
    wg_entity a1[] = {ent(WG_OFFICIAL, "Nguyễn Văn An", "official:nguyễn-văn-an.tỉnh-thanh-hóa"),
                      ent(WG_COMMITTEE, "Thành ủy", "committee:thành-uỷ.phường-đức-xuân"),
                      ent(WG_OFFICIAL, "Nguyễn Văn Hoà", "official:Nguyễn-Văn-Hoà"),
                      ent(WG_OFFICIAL, "Nguyễn Văn Hưng", "official:nguyễn-văn-hưng")};
    wg_entity a2[] = {ent(WG_OFFICIAL, "Nguyễn Văn Hoà", "official:nguye\xcc\x82\xcc\x83n-va\xcc\x86n-hoa\xcc\x80"),
                      ent(WG_OFFICIAL, "Nguyễn Văn Hứng", "official:nguyễn-văn-hứng")};
    wg_article arts[] = {{.source = "c/000.txt", .title = "t0", .date = "2023-02-24", .date_source = "text", .byline = "", .entities = a0, .nentities = 4},
                         {.source = "c/001.txt", .title = "t1", .date = "2023-03-01", .date_source = "text", .byline = "", .entities = a1, .nentities = 4},
                         {.source = "c/002.txt", .title = "t2", .date = "--04-13", .date_source = "text", .byline = "", .entities = a2, .nentities = 2}};
    wg_graph *g = build(arts, 3, NULL, &aerr);
    OK(g != NULL, "build: %s", wg_error_last());
    if (!g)
        return HARNESS_DONE();
    /* An, An, Thành ủy, Thành ủy, Hòa (once), Hùng, Hưng, Hứng */
    INT_EQ(wg_graph_node_count(g), 8);
    OK(find(g, "official:nguyễn-văn-an.tỉnh-long-an") >= 0 && find(g, "official:nguyễn-văn-an.tỉnh-thanh-hóa") >= 0,
       "namesakes of two provinces stay two nodes");
    OK(find(g, "committee:thành-ủy.quận-1") >= 0 && find(g, "committee:thành-ủy.phường-đức-xuân") >= 0,
       "two cities' Thành ủy stay two nodes, the key's tone placement made canonical");
    long hoa = find(g, "official:nguyễn-văn-hòa");
    OK(hoa >= 0, "tone variants meet under the canonical key");
    if (hoa >= 0) {
        const wg_column *arts_col = wg_table_find(&g->nodes, "articles");
        INT_EQ(arts_col->i[hoa], 3);
        STR_EQ(wg_i_node_str(g, "label", (size_t)hoa), "Nguyễn Văn Hòa");
        /* a date without a year is listed but does not move first/last */
        STR_EQ(wg_i_node_str(g, "dates", (size_t)hoa), "--04-13;2023-02-24;2023-03-01");
        STR_EQ(wg_i_node_str(g, "last_date", (size_t)hoa), "2023-03-01");
    }
    OK(find(g, "official:nguyễn-văn-hùng") >= 0 && find(g, "official:nguyễn-văn-hưng") >= 0 &&
           find(g, "official:nguyễn-văn-hứng") >= 0,
       "Hùng, Hưng and Hứng are three people");

    /* the report shows the close calls for review */
    char rpath[] = "/tmp/wg-test-report-XXXXXX";
    int fd = mkstemp(rpath);
    close(fd);
    OK(wg_graph_write_report(g, rpath) == 0, "report: %s", wg_error_last());
    char *rep = slurp(rpath);
    OK(rep && strstr(rep, "\tsame_label\tofficial\tofficial:nguyễn-văn-an.tỉnh-long-an\tNguyễn Văn An\t1\t000\t"),
       "same label, two keys: %s", rep ? rep : "");
    OK(rep && strstr(rep, "\tsame_label\tcommittee\tcommittee:thành-ủy.phường-đức-xuân\t"), "two Thành ủy reported");
    OK(rep && strstr(rep, "\tsame_letters_without_tones\tofficial\tofficial:nguyễn-văn-hứng\tNguyễn Văn Hứng\t"),
       "Hùng/Hưng/Hứng reported as letters-only: %s", rep ? rep : "");
    OK(rep && !strstr(rep, "\tofficial:nguyễn-văn-hòa\t"), "one node is no close call");
    free(rep);
    unlink(rpath);
    wg_graph_free(g);

    /* Aliases: merge by label, merge by key, and split one article's namesake. */
    g = build(arts, 3,
              "# merge the two An by label: a label alias matches every entity with that name\n"
              "Nguyễn Văn An\tofficial:nguyễn-văn-an.tỉnh-long-an\n"
              "002/official:nguyễn-văn-hoà\tofficial:nguyễn-văn-hòa.khác\n"
              "official:nguyễn-văn-hưng  \t  Nguyễn Văn Hưng (Sóc Trăng)\r\n",
              &aerr);
    OK(g != NULL, "aliases: %s", wg_error_last());
    if (g) {
        /* the alias is matched, but a label alias rewrites the An of Long An to its own key: one node */
        OK(find(g, "official:nguyễn-văn-an.tỉnh-thanh-hóa") < 0, "the two An merged");
        long an = find(g, "official:nguyễn-văn-an.tỉnh-long-an");
        OK(an >= 0, "merged An keeps the canonical key");
        if (an >= 0)
            INT_EQ(wg_table_find(&g->nodes, "articles")->i[an], 2);
        long hoa2 = find(g, "official:nguyễn-văn-hòa.khác");
        OK(hoa2 >= 0 && find(g, "official:nguyễn-văn-hòa") >= 0, "article 002's Hòa split off");
        if (hoa2 >= 0) {
            INT_EQ(wg_table_find(&g->nodes, "articles")->i[hoa2], 1);
            /* first met only through the alias: it keeps the article's name */
            STR_EQ(wg_i_node_str(g, "label", (size_t)hoa2), "Nguyễn Văn Hoà");
        }
        long hung = find(g, "official:nguyễn-văn-hưng-sóc-trăng");
        OK(hung >= 0, "a label as canonical makes the key");
        if (hung >= 0)
            STR_EQ(wg_i_node_str(g, "label", (size_t)hung), "Nguyễn Văn Hưng (Sóc Trăng)");
        wg_graph_free(g);
    }

    /* malformed alias files fail with FILE:LINE */
    static const struct {
        const char *text, *want;
    } bad[] = {
        {"# ok\n\nno tab here\n", ":3: expected 'alias<TAB>canonical'"},
        {"a\tb\tc\n", ":1: more than two tab-separated fields"},
        {"\tb\n", ":1: empty alias"},
        {"a\t\n", ":1: empty canonical"},
        {"a\tfoo:bar\n", ":1: 'foo:bar' has no entity type"},
        {"a\tb\nA\tc\n", ":2: 'A' is already an alias (line 1)"},
        {"a\tb\nb\tc\n", ":1: canonical 'b' is itself an alias (line 2)"},
        {"a\t\xff\n", ":1: not valid UTF-8"},
    };
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        g = build(arts, 0, bad[i].text, &aerr);
        INT_EQ(aerr, WG_EPARSE);
        OK(strstr(wg_error_last(), bad[i].want) != NULL && strstr(wg_error_last(), "/tmp/wg-test-aliases-"),
           "case %zu: got \"%s\", want \"%s\"", i, wg_error_last(), bad[i].want);
        wg_graph_free(g);
    }
    return HARNESS_DONE();
}
