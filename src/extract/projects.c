/* Projects: a trigger word (dự án, đề án, khu đô thị, ...) and the name after
 * it. A name is what marks itself as one: a quoted string, a code (Đề án
 * 06, khu đô thị K1), a capitalised run after at most three common nouns
 * (dự án chung cư Lô E Võ Văn Kiệt), or the words after a trigger written
 * with a capital inside a sentence (Chương trình mục tiêu quốc gia ...) up to
 * the clause's end. Anything else is a generic phrase, not a project. */
#include <string.h>
#include "extract/places.h"

static int has_quote(const char *g, size_t n)
{
    for (size_t i = 0; i < n;) {
        uint32_t cp;
        size_t l = wg_utf8_decode(g + i, &cp);
        if (cp == '"' || cp == 0x201C || cp == 0x201D || cp == 0xAB || cp == 0xBB)
            return 1;
        i += l;
    }
    return 0;
}

/* Words that end a name or show that a clause, not a name, follows. */
static int stop_word(const char *f)
{
    static const char *const w[] = {"của", "tại", "và", "với", "đã", "được", "trên", "cho", "này", "các",
                                    "những", "để", "theo", "là", "có", "nhằm", "do", "thì", "sẽ",
                                    "đang", "vào", "từ", "trong", "khi", "như", "gồm", "hoặc", "cũng",
                                    "đó", "nào", "mà", "bị", "phải", "cần", "nên", "hay", "vừa",
                                    "còn", "trước", "sau"};
    for (size_t i = 0; i < WG_ARRAY_LEN(w); i++)
        if (strcmp(f, w[i]) == 0)
            return 1;
    return 0;
}

/* Is the gap before token k a plain space (or a dash between name parts)? */
static int name_gap(const wg_i_ctx *c, size_t k, int dash)
{
    size_t n;
    const char *g = wg_i_gap(c, k, &n);
    if (wg_i_gap_spaces(c, k))
        return 1;
    if (!dash || n > 5 || memchr(g, '\n', n))
        return 0;
    for (size_t i = 0; i < n;) {
        uint32_t cp;
        size_t l = wg_utf8_decode(g + i, &cp);
        if (cp != ' ' && cp != '-' && cp != 0x2013)
            return 0;
        i += l;
    }
    return 1;
}

/* Token k written "(NQ)" between spaces. */
static int bracketed(const wg_i_ctx *c, size_t k)
{
    size_t l1, l2;
    const char *g1 = wg_i_gap(c, k, &l1), *g2 = wg_i_gap(c, k + 1, &l2);
    return l1 == 2 && g1[0] == ' ' && g1[1] == '(' && l2 == 2 && g2[0] == ')' && g2[1] == ' ';
}

/* A code: 06, K1, 10B (not a year, not an amount). */
static int code_token(const wg_i_ctx *c, size_t k)
{
    size_t len = c->tok[k].end - c->tok[k].start;
    const char *t = c->doc->text + c->tok[k].start;
    int digits = 0, letters = 0;
    for (size_t i = 0; i < len; i++) {
        if (t[i] >= '0' && t[i] <= '9')
            digits++;
        else
            letters++;
    }
    if (!digits || len > 6)
        return 0;
    if (!letters)
        return len <= 3;
    return wg_i_allcaps(c, k) || c->tok[k].digit;
}

static int add_project(wg_i_ctx *c, const char *name, size_t t0, size_t t1)
{
    char *key = wg_i_make_key(WG_PROJECT, name);
    int err = key ? wg_i_add_keyed(c, WG_PROJECT, name, key, NULL, t0, t1) : WG_ENOMEM;
    free(key);
    return err;
}

static char *text_of(const wg_i_ctx *c, size_t a, size_t b)
{
    return wg_i_strndup(c->doc->text + c->tok[a].start, c->tok[b].end - c->tok[a].start);
}

static int organ_start(const wg_i_ctx *c, const wg_i_places *pl, size_t k)
{
    if (!wg_strmap_get(&pl->organ_first, c->tok[k].fold, NULL))
        return 0;
    for (size_t w = pl->max_organ_words; w >= 1; w--) {
        char *f = wg_i_join_fold(c, k, w, 1);
        int hit = f && wg_strmap_get(&pl->organ_forms, f, NULL);
        free(f);
        if (hit)
            return 1;
    }
    return 0;
}

/* The project named at trigger tokens [i, j): sets *a, *b to its name's
 * tokens and *keep when the trigger is part of the name. 0: none. */
static int project_at(const wg_i_ctx *c, const wg_i_places *pl, size_t i, size_t j, int quoted, size_t *a,
                      size_t *b, int *keep)
{
    size_t gl;
    *keep = 0;
    if (j >= c->ntok || c->tok[j].paragraph != c->tok[i].paragraph)
        return 0;
    const char *g = wg_i_gap(c, j, &gl);
    if (gl && gl <= 6 && has_quote(g, gl)) {
        size_t e = j;
        while (e + 1 < c->ntok && e < j + 30 && c->tok[e + 1].paragraph == c->tok[j].paragraph) {
            size_t l2;
            const char *g2 = wg_i_gap(c, e + 1, &l2);
            if (has_quote(g2, l2))
                break;
            e++;
        }
        size_t l3;
        const char *g3 = e + 1 < c->ntok ? wg_i_gap(c, e + 1, &l3) : NULL;
        if (e + 1 < c->ntok ? !has_quote(g3, l3) : !has_quote(c->doc->text + c->tok[e].end, 3))
            return 0;
        *a = j;
        *b = e;
        return 1;
    }
    if (quoted || !wg_i_gap_spaces(c, j))
        return 0;
    /* a headline in capitals shows no name's end */
    if (wg_i_allcaps(c, i) && wg_i_allcaps(c, j))
        return 0;
    if (code_token(c, j)) {
        *a = i;
        *b = j;
        *keep = 1;
        return 1;
    }
    /* the words up to the clause's end: punctuation or a word that
     * starts a clause (của, tại, đã ...) */
    size_t e = j, firstcap = WG_NONE, lastcap = WG_NONE;
    int bracket = 0;
    for (size_t k = j; k < c->ntok && k < j + 20; k++) {
        /* "Nghị quyết (NQ) 32": an abbreviation in brackets inside the name */
        if (k > j && k + 1 < c->ntok && wg_i_allcaps(c, k) && bracketed(c, k)) {
            bracket = 1;
            continue;
        }
        if ((k > j && !bracket && !name_gap(c, k, 1)) || c->tok[k].sentence != c->tok[i].sentence)
            break;
        bracket = 0;
        if (!c->tok[k].cap && stop_word(c->tok[k].fold))
            break;
        if (c->tok[k].cap && firstcap == WG_NONE)
            firstcap = k;
        if (c->tok[k].cap || (c->tok[k].digit && firstcap != WG_NONE))
            lastcap = k;
        e = k;
    }
    /* "Chương trình mục tiêu quốc gia ...": a trigger written with a
     * capital inside a sentence starts a name, all of it */
    int sentence_start = i == 0 || c->tok[i - 1].sentence != c->tok[i].sentence || !wg_i_gap_spaces(c, i);
    if (c->tok[i].cap && !sentence_start && !wg_i_allcaps(c, i) && e >= j + 1) {
        /* "Dự án Cải tạo rạch Bến Nghé": a name that stands alone drops
         * the trigger; "Chương trình mục tiêu ..." needs it */
        *a = c->tok[j].cap ? j : i;
        *b = e;
        *keep = !c->tok[j].cap;
        return 1;
    }
    /* else a name must show a capital soon: "dự án chung cư Lô E Võ Văn
     * Kiệt", "Dự án xây dựng đường nối cao tốc Nội Bài - Lào Cai ..."; the
     * lower-case words after its last capital are no longer the name */
    if (firstcap == WG_NONE || firstcap > j + 3 || organ_start(c, pl, firstcap))
        return 0;
    *a = j;
    *b = lastcap;
    return 1;
}

int wg_i_find_projects(wg_i_ctx *c)
{
    const wg_i_places *pl = c->lex ? c->lex->places : NULL;
    if (!pl || !pl->ntriggers)
        return 0;
    for (size_t i = 0; i < c->ntok; i++) {
        size_t w, idx = WG_NONE;
        if (!wg_strmap_get(&pl->trigger_first, c->tok[i].fold, NULL))
            continue;
        for (w = pl->max_trigger_words; w >= 1; w--) {
            char *f = wg_i_join_fold(c, i, w, 0);
            int hit = f && wg_strmap_get(&pl->trigger_forms, f, &idx);
            free(f);
            if (hit)
                break;
        }
        if (idx == WG_NONE || w == 0)
            continue;
        size_t a, b;
        int keep;
        if (!project_at(c, pl, i, i + w, pl->triggers[idx].quoted, &a, &b, &keep))
            continue;
        char *name = text_of(c, a, b);
        int err = name ? add_project(c, name, i, b) : WG_ENOMEM;
        free(name);
        if (err < 0)
            return err;
        i = b;
    }
    return 0;
}
