/* The store stage: the time and place filter (dates widened, undated
 * articles in no window, province names in any spelling), and the store
 * API on a temporary file (put, known, copy, stale, replaced, each in
 * order, rollback, refusal of another schema version). */
#include <stdlib.h>
#include <unistd.h>
#include <sqlite3.h>
#include "harness.h"
#include "store/store.h"

static wg_article *article(const char *source, const char *date, const char *province, const char *hash)
{
    wg_article *a = calloc(1, sizeof *a);
    a->source = wg_i_strdup(source);
    a->title = wg_i_strdup("Họp");
    a->date = wg_i_strdup(date);
    a->date_source = wg_i_strdup("text");
    a->byline = wg_i_strdup("");
    a->province = province ? wg_i_strdup(province) : NULL;
    snprintf(a->hash, sizeof a->hash, "%s", hash);
    for (size_t k = 0; k < WG_MINHASH; k++)
        a->minhash[k] = (uint32_t)k * 7919u;
    a->nentities = 1;
    a->entities = calloc(1, sizeof *a->entities);
    a->entities[0].type = WG_OFFICIAL;
    a->entities[0].name = wg_i_strdup("Tô Thị Bích Châu");
    a->entities[0].key = wg_i_strdup("official:tô-thị-bích-châu");
    a->entities[0].roles = WG_ROLE_CHAIR | WG_ROLE_SPEAKER;
    a->entities[0].presence = WG_PRESENCE_PARTICIPANT;
    a->entities[0].ntitles = 1;
    a->entities[0].titles = calloc(1, sizeof(char *));
    a->entities[0].titles[0] = wg_i_strdup("Bí thư Quận ủy");
    a->entities[0].nmentions = 1;
    a->entities[0].mentions = calloc(1, sizeof(wg_mention));
    a->entities[0].mentions[0].start = 3;
    a->entities[0].mentions[0].end = 22;
    a->entities[0].mentions[0].text = wg_i_strdup("Tô Thị Bích Châu");
    a->entities[0].mentions[0].presence = WG_PRESENCE_PARTICIPANT;
    return a;
}

static void test_filter(void)
{
    wg_article_filter f = WG_ARTICLE_FILTER_INIT;
    wg_article *a = article("a.txt", "2023-02-24", "hồ-chí-minh", "01");
    wg_article *undated = article("b.txt", "--02-24", NULL, "02");
    char lo[11], hi[11];

    INT_EQ(wg_article_filter_match(&f, a), WG_FILTER_IN);
    INT_EQ(wg_article_filter_match(&f, undated), WG_FILTER_IN); /* no window: every article */
    f.since = "2023";
    f.until = "2023-02";
    INT_EQ(wg_article_filter_check(&f), 0);
    wg_i_filter_bounds(&f, lo, hi);
    STR_EQ(lo, "2023-01-01");
    STR_EQ(hi, "2023-02-31"); /* the month's last day as a bound: any day of it compares below */
    INT_EQ(wg_article_filter_match(&f, a), WG_FILTER_IN);
    INT_EQ(wg_article_filter_match(&f, undated), WG_FILTER_UNDATED);
    f.until = "2023-02-23";
    INT_EQ(wg_article_filter_match(&f, a), WG_FILTER_OUTSIDE);
    f.since = "2023-02-24";
    f.until = "2023-02-24";
    INT_EQ(wg_article_filter_match(&f, a), WG_FILTER_IN);
    static const char *const bad[] = {"2023-13", "23-01-01", "2023/01/01", "2023-02-30x", "", "2023-00-10"};
    for (size_t i = 0; i < WG_ARRAY_LEN(bad); i++) {
        wg_article_filter b = WG_ARTICLE_FILTER_INIT;
        b.since = bad[i];
        OK(wg_article_filter_check(&b) == WG_EINVAL, "'%s' is no ISO date", bad[i]);
    }
    f.since = "2024";
    f.until = "2023";
    OK(wg_article_filter_check(&f) == WG_EINVAL, "since after until");

    wg_article_filter p = WG_ARTICLE_FILTER_INIT;
    static const char *const hcm[] = {"Hồ Chí Minh", "ho chi minh", "TP.HCM", "TP. Hồ Chí Minh", "thành phố Hồ Chí Minh",
                                      "HCM", "hồ-chí-minh"};
    for (size_t i = 0; i < WG_ARRAY_LEN(hcm); i++) {
        p.province = hcm[i];
        OK(wg_article_filter_match(&p, a) == WG_FILTER_IN, "'%s' names the article's province", hcm[i]);
    }
    p.province = "Cà Mau";
    INT_EQ(wg_article_filter_match(&p, a), WG_FILTER_OTHER_PROVINCE);
    INT_EQ(wg_article_filter_match(&p, undated), WG_FILTER_OTHER_PROVINCE); /* no province: in none */
    char *s = wg_i_province_slug("tỉnh Đắk Lắk");
    STR_EQ(s, "dak-lak");
    free(s);
    wg_article_free(a);
    wg_article_free(undated);
}

typedef struct {
    char order[256];
} seen;

static int collect(void *ctx, const wg_article *a)
{
    seen *s = ctx;
    strcat(s->order, a->source);
    strcat(s->order, " ");
    return 0;
}

static void test_store(void)
{
    char path[] = "/tmp/wg-test-store-XXXXXX";
    int fd = mkstemp(path);
    wg_store *s = NULL;
    wg_store_outcome out;
    wg_filter_counts counts;
    size_t n = 0;
    seen got = {""};
    wg_article *a = article("a.txt", "2023-02-24", "hồ-chí-minh", "0a");
    wg_article *b = article("b.txt", "2022-02-17", "hồ-chí-minh", "0b");
    wg_article *a_copy = article("copy-of-a.html", "2023-02-24", "hồ-chí-minh", "0a");
    wg_article *c = article("c.txt", "--05-11", NULL, "0c");
    close(fd); /* an empty file becomes a store */

    INT_EQ(wg_store_open(&s, path, WG_STORE_WRITE), 0);
    OK(wg_store_put(s, a, "body", 4, "v1", 0, &out) == WG_EINVAL, "a put outside a transaction is refused");
    INT_EQ(wg_store_begin(s), 0);
    INT_EQ(wg_store_put(s, a, "Tô Thị Bích Châu chủ trì", strlen("Tô Thị Bích Châu chủ trì"), "v1", 0, &out), 0);
    INT_EQ(out, WG_STORE_ADDED);
    INT_EQ(wg_store_put(s, b, NULL, 0, "v1", 0, &out), 0);
    INT_EQ(out, WG_STORE_ADDED);
    INT_EQ(wg_store_put(s, a, NULL, 0, "v1", 0, &out), 0);
    INT_EQ(out, WG_STORE_KNOWN);
    INT_EQ(wg_store_put(s, a_copy, NULL, 0, "v1", 0, &out), 0);
    INT_EQ(out, WG_STORE_COPY);
    INT_EQ(wg_store_put(s, a_copy, NULL, 0, "v1", 0, &out), 0);
    INT_EQ(out, WG_STORE_KNOWN);
    INT_EQ(wg_store_commit(s), 0);

    /* a rolled-back batch leaves nothing */
    INT_EQ(wg_store_begin(s), 0);
    INT_EQ(wg_store_put(s, c, NULL, 0, "v1", 0, &out), 0);
    wg_store_rollback(s);
    INT_EQ(wg_store_count(s, &n), 0);
    INT_EQ(n, 2);

    INT_EQ(wg_store_begin(s), 0);
    INT_EQ(wg_store_put(s, c, NULL, 0, "v1", 0, &out), 0);
    INT_EQ(wg_store_put(s, b, NULL, 0, "v2", 0, &out), 0);
    INT_EQ(out, WG_STORE_STALE);
    INT_EQ(wg_store_put(s, b, NULL, 0, "v2", 1, &out), 0);
    INT_EQ(out, WG_STORE_REPLACED);
    INT_EQ(wg_store_commit(s), 0);
    wg_store_close(s);

    /* read back in the order read: the copy in its place */
    INT_EQ(wg_store_open(&s, path, WG_STORE_READ), 0);
    INT_EQ(wg_store_each(s, NULL, collect, &got, &counts), 0);
    STR_EQ(got.order, "a.txt b.txt copy-of-a.html c.txt ");
    INT_EQ(counts.in, 4);
    wg_article_filter f = WG_ARTICLE_FILTER_INIT;
    f.since = "2023";
    got.order[0] = '\0';
    INT_EQ(wg_store_each(s, &f, collect, &got, &counts), 0);
    STR_EQ(got.order, "a.txt copy-of-a.html ");
    INT_EQ(counts.in, 2);
    INT_EQ(counts.outside, 1);
    INT_EQ(counts.undated, 1);
    char first[11], last[11];
    INT_EQ(wg_store_dates(s, first, last), 1);
    STR_EQ(first, "2022-02-17");
    STR_EQ(last, "2023-02-24");
    OK(wg_store_begin(s) == WG_EINVAL, "a read-only store takes no writes");
    wg_store_close(s);

    /* another schema version: refused, with what to do */
    sqlite3 *db;
    OK(sqlite3_open(path, &db) == SQLITE_OK, "sqlite opens the store");
    sqlite3_exec(db, "PRAGMA user_version = 2", NULL, NULL, NULL);
    sqlite3_close(db);
    OK(wg_store_open(&s, path, WG_STORE_WRITE) == WG_EINPUT && !s, "schema 2 refused");
    OK(strstr(wg_error_last(), "schema version 2") && strstr(wg_error_last(), "newer wardgraph"), "%s",
       wg_error_last());

    char *v = wg_extractor_version(NULL);
    OK(v && strncmp(v, WG_VERSION "-", strlen(WG_VERSION) + 1) == 0, "extractor version %s", v ? v : "(null)");
    free(v);
    wg_article_free(a);
    wg_article_free(b);
    wg_article_free(a_copy);
    wg_article_free(c);
    unlink(path);
    for (const char *suffix = "-wal"; suffix; suffix = strcmp(suffix, "-wal") == 0 ? "-shm" : NULL) {
        char side[64];
        snprintf(side, sizeof side, "%s%s", path, suffix);
        unlink(side);
    }
}

int main(void)
{
    wg_init();
    test_filter();
    test_store();
    return HARNESS_DONE();
}
