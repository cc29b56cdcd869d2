/* The places tables (src/extract/gazetteer.c): the shipped gazetteers,
 * acronyms, the reform's province successors, the organ lexicon and the
 * project triggers, and a user's additions through --lexicon DIR. */
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include "harness.h"
#include "extract/places.h"

/* The first unit named `bare` at `level` in `era`, or WG_NONE. */
static size_t unit(const wg_i_places *pl, const char *bare, int level, int era)
{
    size_t h;
    if (!wg_strmap_get(&pl->bare, bare, &h))
        return WG_NONE;
    for (size_t k = h; k != WG_NONE; k = pl->u[k].next)
        if (pl->u[k].level == level && pl->u[k].era == era)
            return k;
    return WG_NONE;
}

static const char *key_of(const wg_lexicon *lex, const char *body, wg_entity_type t, const char *name, char *out,
                          size_t n)
{
    wg_doc *d = NULL;
    wg_article *a = NULL;
    char text[2048];
    snprintf(text, sizeof text, "Tin\n\n%s\n\nMinh Cường\n", body);
    snprintf(out, n, "(none)");
    if (wg_doc_new(&d, "t.txt", text, strlen(text), NULL) == 0 && wg_extract(&a, d, lex) == 0)
        for (size_t i = 0; i < a->nentities; i++)
            if (a->entities[i].type == t && strcmp(a->entities[i].name, name) == 0)
                snprintf(out, n, "%s", a->entities[i].key);
    wg_article_free(a);
    wg_doc_free(d);
    return out;
}

int main(void)
{
    wg_lexicon *lex;
    wg_init();
    if (wg_lexicon_new(&lex) < 0) {
        fprintf(stderr, "no lexicon: %s\n", wg_error_last());
        return 1;
    }
    const wg_i_places *pl = lex->places;
    OK(pl != NULL, "no places tables");
    if (!pl)
        return HARNESS_DONE();
    /* both lists are in: 63 + 34 provinces, every ward of both */
    size_t prov3 = 0, prov7 = 0, wards3 = 0, wards7 = 0;
    for (size_t i = 0; i < pl->nu; i++) {
        prov3 += pl->u[i].level == LV_P && pl->u[i].era == 3;
        prov7 += pl->u[i].level == LV_P && pl->u[i].era == 7;
        wards3 += pl->u[i].level == LV_W && pl->u[i].era == 3;
        wards7 += pl->u[i].level == LV_W && pl->u[i].era == 7;
    }
    INT_EQ(prov3, 63);
    INT_EQ(prov7, 34);
    INT_EQ(wards3, 10047);
    INT_EQ(wards7, 3321);

    /* names are folded words without the unit word; units know their place */
    size_t ck = unit(pl, "cầu kho", LV_W, 3);
    OK(ck != WG_NONE, "no phường Cầu Kho");
    if (ck != WG_NONE) {
        INT_EQ(pl->u[ck].unit, U_PHUONG);
        STR_EQ(pl->u[pl->u[ck].district].full, "Quận 1");
        STR_EQ(pl->u[pl->u[ck].province].bare, "hồ chí minh");
    }
    /* either tone placement: Hoà Bình is Hòa Bình */
    OK(unit(pl, "hòa bình", LV_P, 3) != WG_NONE, "Tỉnh Hoà Bình not folded");
    /* "Phan Rang-Tháp Chàm": the dash is no word */
    size_t pr = unit(pl, "phan rang tháp chàm", LV_D, 3);
    OK(pr != WG_NONE, "no Phan Rang-Tháp Chàm");

    /* acronyms of names of three syllables or more */
    size_t h;
    OK(wg_strmap_get(&pl->initials, "prtc", &h) && h == pr, "PRTC");
    OK(wg_strmap_get(&pl->initials, "hcm", &h) && strcmp(pl->u[h].bare, "hồ chí minh") == 0, "HCM");
    OK(!wg_strmap_get(&pl->initials, "hn", &h), "two-syllable names have no acronym");

    /* the reform: old provinces point to the new ones */
    size_t bl = unit(pl, "bạc liêu", LV_P, 3), cm = unit(pl, "cà mau", LV_P, 7);
    OK(bl != WG_NONE && cm != WG_NONE && pl->u[bl].successor == cm, "Bạc Liêu -> Cà Mau");
    size_t hn = unit(pl, "hà nội", LV_P, 3);
    OK(hn != WG_NONE && pl->u[hn].successor == unit(pl, "hà nội", LV_P, 7), "Hà Nội -> Hà Nội");

    /* organs and triggers */
    OK(wg_strmap_get(&pl->organ_forms, "ub mttq", &h) && strcmp(pl->organs[h].canon, "Ủy ban MTTQ") == 0, "UB.MTTQ");
    OK(wg_strmap_get(&pl->organ_forms, "đảng bộ", &h) && pl->organs[h].cls == OC_DANG, "Đảng bộ");
    OK(wg_strmap_get(&pl->trigger_forms, "mô hình", &h) && pl->triggers[h].quoted, "mô hình needs quotes");
    OK(wg_strmap_get(&pl->trigger_forms, "dự án", &h) && !pl->triggers[h].quoted, "dự án");

    /* a user's lexicon directory adds units and organs */
    char dir[] = "/tmp/wg-gaz-XXXXXX", path[256], buf[128];
    OK(mkdtemp(dir) != NULL, "mkdtemp");
    snprintf(path, sizeof path, "%s/gazetteer-2025-07.tsv", dir);
    FILE *f = fopen(path, "w");
    if (f) {
        fputs("P\tTỉnh Thử Nghiệm\nW\tXã Hư Cấu\n", f);
        fclose(f);
    }
    snprintf(path, sizeof path, "%s/organs.tsv", dir);
    f = fopen(path, "w");
    if (f) {
        fputs("Đảng đoàn Quốc hội\tĐảng đoàn Quốc hội\tcentral\n", f);
        fclose(f);
    }
    key_of(lex, "Thăm xã Hư Cấu.", WG_WARD, "xã Hư Cấu", buf, sizeof buf);
    OK(strstr(buf, "thử-nghiệm") == NULL, "placed before the addition: %s", buf);
    INT_EQ(wg_lexicon_add_dir(lex, dir), 0);
    key_of(lex, "Thăm xã Hư Cấu.", WG_WARD, "xã Hư Cấu", buf, sizeof buf);
    STR_EQ(buf, "ward:xã-hư-cấu.thử-nghiệm");
    key_of(lex, "Theo chỉ đạo của Đảng đoàn Quốc hội.", WG_COMMITTEE, "Đảng đoàn Quốc hội", buf, sizeof buf);
    STR_EQ(buf, "committee:đảng-đoàn-quốc-hội");
    unlink(path);
    snprintf(path, sizeof path, "%s/gazetteer-2025-07.tsv", dir);
    unlink(path);
    rmdir(dir);
    wg_lexicon_free(lex);
    return HARNESS_DONE();
}
