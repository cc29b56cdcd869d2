/* Projects: a trigger word (dự án, đề án, khu đô thị, ...) and the name after
 * it. A name is what marks itself as one: a quoted string, a code (Đề án
 * 06, khu đô thị K1), a capitalised run after at most three common nouns
 * (dự án chung cư Lô E Võ Văn Kiệt), or the words after a trigger written
 * with a capital inside a sentence (Chương trình mục tiêu quốc gia ...) up to
 * the clause's end, or a lower-case description of a built work (a
 * building verb, a head noun such as đường, kè, đê) up to its last proper
 * name or number ("nâng cấp đê biển Diễn Thành", "cải tạo đường tỉnh lộ
 * 158"). Anything else is a generic phrase, not a project: a plural ("các
 * công trình ..."), an event served ("phục vụ Hội nghị ..."), an
 * administrative procedure ("đề án sáp nhập xã ..."). */
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

static int in_list(const char *f, const char *const *w, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (strcmp(f, w[i]) == 0)
            return 1;
    return 0;
}

/* Do the two words at k spell one of `w` ("hỗ trợ")? */
static int pair_in(const wg_i_ctx *c, size_t k, const char *const *w, size_t n)
{
    if (k + 1 >= c->ntok || !wg_i_gap_spaces(c, k + 1))
        return 0;
    char *f = wg_i_join_fold(c, k, 2, 1);
    int hit = f && in_list(f, w, n);
    free(f);
    return hit;
}

/* Head nouns of a built thing (đường, cầu, kè ...): after one, a
 * description in lower case up to a proper name or a number is the name of
 * the work ("kè chống sạt lở sông Cần Thơ", "đường tỉnh lộ 158"). */
static int infra_head(const wg_i_ctx *c, size_t k)
{
    static const char *const two[] = {"chung cư", "công viên", "nhà máy", "bãi rác", "lò đốt"};
    static const char *const w[] = {"đường", "cầu", "kè", "đê", "trường", "nhà", "chợ", "hồ", "kênh",
                                    "trụ", "tuyến", "nút", "cống", "cảng", "bệnh", "trạm", "sân",
                                    "khu", "đập", "mương", "hầm", "bến", "nghĩa"};
    return in_list(c->tok[k].fold, w, WG_ARRAY_LEN(w)) || pair_in(c, k, two, WG_ARRAY_LEN(two));
}

/* Verbs of building work that may open such a name ("nâng cấp đê ..."). */
static int build_verb(const wg_i_ctx *c, size_t k)
{
    static const char *const w[] = {"xây", "dựng", "cải", "tạo", "nâng", "cấp", "sửa", "chữa", "mở",
                                    "rộng", "làm", "mới", "khắc", "phục", "nạo", "vét", "gia", "cố",
                                    "hoàn", "thiện", "chỉnh", "trang", "đầu", "tư"};
    return !c->tok[k].cap && in_list(c->tok[k].fold, w, WG_ARRAY_LEN(w));
}

/* Administrative procedures: "Đề án sáp nhập thôn" says what a plan does
 * to units, it names no undertaking unless a proper name follows. */
static int policy_verb(const wg_i_ctx *c, size_t k)
{
    static const char *const w[] = {"sáp nhập", "sắp xếp", "chia tách", "thành lập", "giải thể",
                                    "điều chỉnh"};
    return pair_in(c, k, w, WG_ARRAY_LEN(w));
}

/* Events a work serves ("phục vụ Hội nghị APEC"): a meeting, not a project. */
static int event_at(const wg_i_ctx *c, size_t k)
{
    static const char *const w[] = {"hội nghị", "đại hội", "hội thảo", "hội thi", "diễn đàn", "tuần lễ",
                                    "lễ hội", "hội chợ", "giải đấu"};
    return pair_in(c, k, w, WG_ARRAY_LEN(w));
}

/* A number that dates rather than names: a year, "năm 2023", "giai đoạn 2". */
static int date_number(const wg_i_ctx *c, size_t k)
{
    static const char *const w[] = {"năm", "tháng", "ngày", "quý", "đợt", "đoạn", "kỳ"};
    size_t len = c->tok[k].end - c->tok[k].start;
    const char *t = c->doc->text + c->tok[k].start;
    if (len == 4 && (t[0] == '1' || t[0] == '2'))
        return 1;
    return k > 0 && in_list(c->tok[k - 1].fold, w, WG_ARRAY_LEN(w));
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
    /* "các công trình ...", "những dự án ...": a class of works */
    if (i > 0 && wg_i_gap_spaces(c, i) && c->tok[i - 1].sentence == c->tok[i].sentence) {
        static const char *const q[] = {"các", "những", "nhiều", "mọi", "mỗi", "một", "số"};
        if (in_list(c->tok[i - 1].fold, q, WG_ARRAY_LEN(q)))
            return 0;
    }
    /* "đề án sáp nhập xã ...": an administrative procedure, not a work */
    if (strcmp(c->tok[i].fold, "đề") == 0 && !c->tok[i].cap && policy_verb(c, j))
        return 0;
    if (code_token(c, j)) {
        *a = i;
        *b = j;
        *keep = 1;
        return 1;
    }
    /* the words up to the clause's end: punctuation or a word that
     * starts a clause (của, tại, đã ...) */
    size_t e = j, firstcap = WG_NONE, lastcap = WG_NONE, head = WG_NONE, lastmark = WG_NONE;
    int bracket = 0;
    {
        size_t k = j;
        while (k < j + 4 && k < c->ntok && build_verb(c, k))
            k++;
        /* after "trụ sở" the words name its owner ("trụ sở khu phố 8"),
         * and "khu phố" is a unit, not a work */
        if (k < c->ntok && k <= j + 4 && !c->tok[k].cap && infra_head(c, k) && strcmp(c->tok[i].fold, "trụ") != 0 &&
            !(strcmp(c->tok[k].fold, "khu") == 0 && k + 1 < c->ntok && strcmp(c->tok[k + 1].fold, "phố") == 0))
            head = k;
    }
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
        if (head != WG_NONE && k > head && (c->tok[k].cap || (c->tok[k].digit && !date_number(c, k))))
            lastmark = k;
        e = k;
    }
    /* "Chương trình mục tiêu quốc gia ...": a trigger written with a
     * capital inside a sentence starts a name, all of it */
    int sentence_start = i == 0 || c->tok[i - 1].sentence != c->tok[i].sentence || !wg_i_gap_spaces(c, i);
    if (c->tok[i].cap && !sentence_start && !wg_i_allcaps(c, i) && e >= j + 1) {
        /* ... but an administrative procedure with no proper name or
         * number after it is a description ("Đề án sáp nhập thôn") */
        if (!c->tok[j].cap && policy_verb(c, j)) {
            int mark = 0;
            for (size_t k = j; k <= e; k++)
                mark |= c->tok[k].cap || c->tok[k].digit;
            if (!mark)
                return 0;
        }
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
    if (head != WG_NONE && lastmark != WG_NONE && (firstcap == WG_NONE || !organ_start(c, pl, firstcap)) &&
        (sentence_start || !c->tok[i].cap)) {
        *a = j;
        *b = lastmark;
        return 1;
    }
    if (firstcap == WG_NONE || firstcap > j + 3 || organ_start(c, pl, firstcap) || event_at(c, firstcap))
        return 0;
    /* "mục tiêu Quốc gia": one capitalised syllable run on by a lower-case
     * word is a common noun written with a capital, not a name */
    if (lastcap == firstcap && !c->tok[firstcap].digit && firstcap + 1 < c->ntok &&
        c->tok[firstcap + 1].sentence == c->tok[firstcap].sentence && wg_i_gap_spaces(c, firstcap + 1) &&
        !c->tok[firstcap + 1].cap && !c->tok[firstcap + 1].digit && !stop_word(c->tok[firstcap + 1].fold))
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
