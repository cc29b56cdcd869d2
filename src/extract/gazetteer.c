/* The tables places.c and projects.c use, built once per lexicon: the
 * gazetteer of administrative units (two lists: before and after the July
 * 2025 reform), the organ lexicon and the project triggers; and the
 * gazetteer lookups by name and by initials. */
#include <string.h>
#include "extract/places.h"

const char *const wg_i_unit_words[U_KINDS] = {
    "", "tỉnh", "thành phố", "quận", "huyện", "thị xã", "phường", "xã", "thị trấn", "đặc khu"};

static int word_byte(unsigned char ch)
{
    return ch >= 0x80 || (ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z') || (ch >= '0' && ch <= '9');
}

/* Folded words of `s` joined by single spaces (punctuation dropped), as the
 * tokenizer would see them. Caller frees. */
static char *fold_words(const char *s)
{
    char *f = wg_i_fold(s, strlen(s));
    wg_buf b = WG_BUF_INIT;
    if (!f)
        return NULL;
    for (const char *p = f; *p;) {
        if (!word_byte((unsigned char)*p)) {
            p++;
            continue;
        }
        if (b.len)
            wg_buf_putc(&b, ' ');
        while (*p && word_byte((unsigned char)*p))
            wg_buf_putc(&b, *p++);
    }
    free(f);
    if (!b.ptr)
        wg_buf_grow(&b, 0);
    return wg_buf_detach(&b);
}

typedef struct {
    wg_i_places *pl;
    int era;
    size_t prov, dist;
} gz_load;

static int add_unit(void *ctx, char **fields, size_t nfields)
{
    gz_load *g = ctx;
    wg_i_places *pl = g->pl;
    int level;
    if (nfields < 2)
        return 0;
    level = fields[0][0] == 'P' ? LV_P : fields[0][0] == 'D' ? LV_D : fields[0][0] == 'W' ? LV_W : -1;
    if (level < 0)
        return 0;
    char *words = fold_words(fields[1]);
    if (!words)
        return WG_ENOMEM;
    wg_i_unit unit = U_NONE;
    const char *bare = words;
    for (int k = U_KINDS - 1; k > U_NONE; k--) {
        size_t l = strlen(wg_i_unit_words[k]);
        if (strncmp(words, wg_i_unit_words[k], l) == 0 && words[l] == ' ' &&
            (unit == U_NONE || l > strlen(wg_i_unit_words[unit]))) {
            unit = (wg_i_unit)k;
            bare = words + l + 1;
        }
    }
    if (unit == U_NONE || (level == LV_D && g->prov == WG_NONE) || (level == LV_W && g->prov == WG_NONE)) {
        free(words);
        return 0;
    }
    if (wg_i_grow(&pl->u, &pl->ucap, pl->nu + 1, sizeof *pl->u) < 0) {
        free(words);
        return WG_ENOMEM;
    }
    size_t idx = pl->nu;
    wg_i_gzunit *u = &pl->u[idx];
    memset(u, 0, sizeof *u);
    u->full = wg_i_strdup(fields[1]);
    u->bare = wg_i_strdup(bare);
    free(words);
    if (!u->full || !u->bare) {
        free(u->full);
        free(u->bare);
        return WG_ENOMEM;
    }
    pl->nu++;
    u->unit = unit;
    u->level = level;
    u->era = g->era;
    if (level == LV_P) {
        g->prov = idx;
        g->dist = WG_NONE;
    } else if (level == LV_D) {
        g->dist = idx;
    }
    u->province = g->prov;
    u->successor = WG_NONE;
    /* "P<TAB>Tỉnh Cà Mau<TAB>Tỉnh Bạc Liêu,Tỉnh Cà Mau": the old provinces
     * merged into a new one */
    if (level == LV_P && g->era == 7 && nfields > 2) {
        char *list = wg_i_strdup(fields[2]), *save = NULL;
        if (!list)
            return WG_ENOMEM;
        for (char *t = strtok_r(list, ",", &save); t; t = strtok_r(NULL, ",", &save)) {
            char *w = fold_words(t);
            size_t head;
            if (!w) {
                free(list);
                return WG_ENOMEM;
            }
            const char *b = strchr(w, ' ');
            /* drop the unit word: "tỉnh bạc liêu" -> "bạc liêu" */
            if (strncmp(w, "thành phố ", strlen("thành phố ")) == 0)
                b = w + strlen("thành phố");
            if (b && wg_strmap_get(&pl->bare, b + 1, &head))
                for (size_t k = head; k != WG_NONE; k = pl->u[k].next)
                    if (pl->u[k].level == LV_P && pl->u[k].era == 3)
                        pl->u[k].successor = idx;
            free(w);
        }
        free(list);
    }
    u->district = level == LV_W ? g->dist : level == LV_D ? idx : WG_NONE;
    size_t wc = 1;
    for (const char *p = u->bare; *p; p++)
        wc += *p == ' ';
    if (wc > pl->max_words)
        pl->max_words = wc;
    size_t head;
    u->next = wg_strmap_get(&pl->bare, u->bare, &head) ? head : WG_NONE;
    int err = wg_strmap_put(&pl->bare, u->bare, idx);
    /* "Phan Rang – Tháp Chàm" is written PRTC, "Hồ Chí Minh" HCM (TPHCM:
     * places.c drops the "tp"): initials of names of three or more
     * syllables (shorter ones clash). */
    u->next_init = WG_NONE;
    if (!err && level != LV_W && wc >= 3) {
        wg_buf ini = WG_BUF_INIT;
        for (const char *p = u->bare; *p;) {
            uint32_t cp;
            wg_buf_put(&ini, p, wg_utf8_decode(p, &cp));
            while (*p && *p != ' ')
                p++;
            while (*p == ' ')
                p++;
        }
        if (ini.failed || !ini.ptr) {
            wg_buf_free(&ini);
            return WG_ENOMEM;
        }
        size_t h2;
        u->next_init = wg_strmap_get(&pl->initials, ini.ptr, &h2) ? h2 : WG_NONE;
        err = wg_strmap_put(&pl->initials, ini.ptr, idx);
        wg_buf_free(&ini);
    }
    return err;
}

static int add_organ(void *ctx, char **fields, size_t nfields)
{
    wg_i_places *pl = ctx;
    static const char *const cls[] = {"party", "dang", "state", "dept", "central", "cell"};
    int k = -1;
    if (nfields < 3)
        return 0;
    for (int i = 0; i < (int)WG_ARRAY_LEN(cls); i++)
        if (strcmp(fields[2], cls[i]) == 0)
            k = i;
    if (k < 0)
        return 0;
    size_t cap = pl->norgans;
    if (wg_i_grow(&pl->organs, &cap, pl->norgans + 1, sizeof *pl->organs) < 0)
        return WG_ENOMEM;
    char *form = fold_words(fields[0]);
    char *canon = wg_i_strdup(fields[1]);
    if (!form || !canon) {
        free(form);
        free(canon);
        return WG_ENOMEM;
    }
    pl->organs[pl->norgans].canon = canon;
    pl->organs[pl->norgans].cls = k;
    size_t wc = 1;
    for (const char *p = form; *p; p++)
        wc += *p == ' ';
    if (wc > pl->max_organ_words)
        pl->max_organ_words = wc;
    int err = wg_strmap_put(&pl->organ_forms, form, pl->norgans++);
    char *sp = strchr(form, ' ');
    if (sp)
        *sp = '\0';
    if (!err)
        err = wg_strmap_put(&pl->organ_first, form, 1);
    free(form);
    return err;
}

static int add_trigger(void *ctx, char **fields, size_t nfields)
{
    wg_i_places *pl = ctx;
    size_t cap = pl->ntriggers;
    if (wg_i_grow(&pl->triggers, &cap, pl->ntriggers + 1, sizeof *pl->triggers) < 0)
        return WG_ENOMEM;
    char *form = fold_words(fields[0]);
    if (!form)
        return WG_ENOMEM;
    pl->triggers[pl->ntriggers].fold = form;
    pl->triggers[pl->ntriggers].quoted = nfields > 1 && strcmp(fields[1], "quoted") == 0;
    size_t wc = 1;
    for (const char *p = form; *p; p++)
        wc += *p == ' ';
    if (wc > pl->max_trigger_words)
        pl->max_trigger_words = wc;
    int err = wg_strmap_put(&pl->trigger_forms, form, pl->ntriggers++);
    char first[64];
    snprintf(first, sizeof first, "%.*s", (int)strcspn(form, " "), form);
    return err < 0 ? err : wg_strmap_put(&pl->trigger_first, first, 1);
}

int wg_i_places_index(wg_lexicon *lex)
{
    wg_i_places *pl = wg_i_calloc(1, sizeof *pl);
    int err;
    lex->places = NULL;
    if (!pl)
        return WG_ENOMEM;
    lex->places = pl;
    gz_load g = {pl, 3, WG_NONE, WG_NONE};
    if ((err = wg_i_lexicon_each(lex, "gazetteer-2025-03.tsv", add_unit, &g)) < 0)
        return err;
    g.era = 7;
    g.prov = g.dist = WG_NONE;
    if ((err = wg_i_lexicon_each(lex, "gazetteer-2025-07.tsv", add_unit, &g)) < 0 ||
        (err = wg_i_lexicon_each(lex, "organs.tsv", add_organ, pl)) < 0 ||
        (err = wg_i_lexicon_each(lex, "project-triggers.tsv", add_trigger, pl)) < 0)
        return err;
    return wg_i_lexicon_mark_firsts(lex, &pl->organ_first, WG_FIRST_ORGAN);
}

void wg_i_places_free(wg_lexicon *lex)
{
    wg_i_places *pl = lex->places;
    if (!pl)
        return;
    for (size_t i = 0; i < pl->nu; i++) {
        free(pl->u[i].full);
        free(pl->u[i].bare);
    }
    free(pl->u);
    wg_strmap_free(&pl->bare);
    wg_strmap_free(&pl->initials);
    for (size_t i = 0; i < pl->norgans; i++)
        free(pl->organs[i].canon);
    free(pl->organs);
    wg_strmap_free(&pl->organ_forms);
    wg_strmap_free(&pl->organ_first);
    for (size_t i = 0; i < pl->ntriggers; i++)
        free(pl->triggers[i].fold);
    free(pl->triggers);
    wg_strmap_free(&pl->trigger_forms);
    wg_strmap_free(&pl->trigger_first);
    free(pl);
    lex->places = NULL;
}

/* ---- lookups ---- */

/* The first unit named `bare` that fits, in the allowed eras, preferring
 * the province `prov` (folded) when given; *count gets how many fit. */
size_t wg_i_gz_find(const wg_i_places *pl, const char *bare, wg_i_unit unit, int eras, const char *prov,
                      size_t *count)
{
    size_t head, best = WG_NONE, n = 0;
    if (count)
        *count = 0;
    if (!pl || !bare || !wg_strmap_get(&pl->bare, bare, &head))
        return WG_NONE;
    for (size_t k = head; k != WG_NONE; k = pl->u[k].next) {
        const wg_i_gzunit *u = &pl->u[k];
        if (!unit_fits(u, unit) || !era_ok(eras, u->era))
            continue;
        if (prov && strcmp(pl->u[u->province].bare, prov) != 0)
            continue;
        /* the same unit in both lists counts once */
        int dup = 0;
        if (best != WG_NONE && pl->u[best].level == u->level &&
            strcmp(pl->u[pl->u[best].province].bare, pl->u[u->province].bare) == 0 &&
            (u->level != LV_W || (pl->u[best].district == WG_NONE || u->district == WG_NONE ||
                                  strcmp(pl->u[pl->u[best].district].bare, pl->u[u->district].bare) == 0)))
            dup = 1;
        if (!dup)
            n++;
        if (best == WG_NONE || (u->era == 3 && pl->u[best].era == 7 && dup))
            best = k;
    }
    if (count)
        *count = n;
    return best;
}

/* Acronym of a province or district: PRTC, HCM, TPHCM. */
size_t wg_i_gz_initials(const wg_i_places *pl, const char *fold, int eras)
{
    size_t head;
    if (!pl)
        return WG_NONE;
    if (strncmp(fold, "tp", 2) == 0 && strlen(fold) > 4)
        fold += 2;
    if (!wg_strmap_get(&pl->initials, fold, &head))
        return WG_NONE;
    size_t found = WG_NONE;
    for (size_t k = head; k != WG_NONE; k = pl->u[k].next_init) {
        if (!era_ok(eras, pl->u[k].era))
            continue;
        if (found != WG_NONE && strcmp(pl->u[found].bare, pl->u[k].bare) != 0)
            return WG_NONE; /* two places share the initials */
        if (found == WG_NONE)
            found = k;
    }
    return found;
}
