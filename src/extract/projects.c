/* Projects: a trigger word (dự án, đề án, khu đô thị, ...) and the name after
 * it. A name is what marks itself as one: a quoted string, a code (Đề án
 * 06, khu đô thị K1), a capitalised run after at most three common nouns
 * (dự án chung cư Lô E Võ Văn Kiệt), a title written in sentence case
 * (dự án Xây dựng tuyến đường tránh chợ ...), or the words after a trigger
 * written with a capital inside a sentence (Chương trình mục tiêu quốc gia
 * ...) up to the clause's end, or a lower-case description of a built work
 * (a building verb, a head noun such as đường, kè, đê) up to its last proper
 * name or number ("nâng cấp đê biển Diễn Thành", "cải tạo đường tỉnh lộ
 * 158"). A plural trigger with a list after it names each item ("các dự án:
 * A, B và C"). Without a trigger, a verb of building or inspecting and the
 * head noun of a work name one too ("kiểm tra tiến độ nâng cấp Bến xe khách
 * phía Bắc", "khảo sát tuyến đường ĐT.741"). Anything else is a generic
 * phrase, not a project: a plural without names ("các công trình ..."), an
 * event served ("phục vụ Hội nghị ..."), an agenda ("chương trình làm
 * việc"), an administrative procedure ("đề án sáp nhập xã ..."). The words
 * are in project-triggers.tsv and project-words.tsv. */
#include <string.h>
#include "extract/places.h"

/* Classes of project-words.tsv and project-triggers.tsv (bits: a form may
 * have several). */
enum {
    PW_BUILD = 1, PW_INSPECT = 2, PW_BETWEEN = 4, PW_WORK = 8, PW_PLACE = 16, PW_NOT = 32,
    PW_TRIGGER = 64, PW_QUOTED = 128, PW_BUILT = 256
};

typedef struct {
    wg_strmap forms;  /* folded phrase -> PW_* bits */
    wg_strmap first;  /* first words of the forms: a quick "no" */
    size_t max_words;
} wg_i_projwords;

static int add_form(wg_i_projwords *pw, const char *written, unsigned bits)
{
    char *key = wg_i_phrase_key(written, strlen(written));
    size_t old = 0, words = 1;
    int err;
    if (!key)
        return WG_ENOMEM;
    if (!key[0] || strlen(key) >= 128) {
        free(key);
        return 0;
    }
    wg_strmap_get(&pw->forms, key, &old);
    err = wg_strmap_put(&pw->forms, key, old | bits);
    for (const char *p = key; *p; p++)
        words += *p == ' ';
    if (words > pw->max_words)
        pw->max_words = words;
    key[strcspn(key, " ")] = '\0';
    if (!err)
        err = wg_strmap_put(&pw->first, key, 1);
    free(key);
    return err;
}

static int add_word(void *ctx, char **fields, size_t nfields)
{
    static const struct { const char *name; unsigned bit; } cls[] = {
        {"build", PW_BUILD}, {"inspect", PW_INSPECT}, {"between", PW_BETWEEN},
        {"work", PW_WORK},   {"place", PW_PLACE},     {"not", PW_NOT}};
    for (size_t i = 0; nfields > 1 && i < WG_ARRAY_LEN(cls); i++)
        if (strcmp(fields[1], cls[i].name) == 0)
            return add_form(ctx, fields[0], cls[i].bit);
    return 0;
}

static int add_trigger(void *ctx, char **fields, size_t nfields)
{
    unsigned bits = PW_TRIGGER;
    if (nfields > 1 && strcmp(fields[1], "quoted") == 0)
        bits |= PW_QUOTED;
    if (nfields > 1 && strcmp(fields[1], "built") == 0)
        bits |= PW_BUILT;
    return add_form(ctx, fields[0], bits);
}

int wg_i_projects_index(wg_lexicon *lex)
{
    wg_i_projwords *pw = wg_i_calloc(1, sizeof *pw);
    int err;
    lex->projects = pw;
    if (!pw)
        return WG_ENOMEM;
    if ((err = wg_i_lexicon_each(lex, "project-triggers.tsv", add_trigger, pw)) < 0 ||
        (err = wg_i_lexicon_each(lex, "project-words.tsv", add_word, pw)) < 0)
        return err;
    return wg_i_lexicon_mark_firsts(lex, &pw->first, WG_FIRST_PROJECT);
}

void wg_i_projects_free(wg_lexicon *lex)
{
    wg_i_projwords *pw = lex->projects;
    if (!pw)
        return;
    wg_strmap_free(&pw->forms);
    wg_strmap_free(&pw->first);
    free(pw);
    lex->projects = NULL;
}

/* The longest form at token k whose bits meet `want`: its bits, and its
 * length in tokens in *n (0 when none). */
static unsigned word_at(const wg_i_ctx *c, const wg_i_projwords *pw, size_t k, unsigned want, size_t *n)
{
    char buf[256];
    size_t len = 0, best_n = 0;
    unsigned best = 0;
    uint64_t h = WG_HASH_INIT;
    *n = 0;
    if (k >= c->ntok || !wg_i_first_in(c, k, WG_FIRST_PROJECT, &pw->first))
        return 0;
    for (size_t w = 1; w <= pw->max_words && k + w <= c->ntok; w++) {
        const wg_i_token *t = &c->tok[k + w - 1];
        if (w > 1 && (!wg_i_gap_spaces(c, k + w - 1) || t->sentence != c->tok[k].sentence))
            break;
        if (len + t->flen + 2 > sizeof buf)
            break;
        if (w > 1) {
            buf[len++] = ' ';
            h = wg_hash_more(h, " ", 1);
        }
        memcpy(buf + len, t->fold, t->flen);
        len += t->flen;
        h = w > 1 ? wg_hash_more(h, t->fold, t->flen) : t->fhash;
        size_t bits;
        if (wg_strmap_geth(&pw->forms, buf, len, h, &bits) && (bits & want)) {
            best = (unsigned)bits;
            best_n = w;
        }
    }
    *n = best_n;
    return best;
}

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

static int in_list(const char *f, const char *const *w, size_t n)
{
    /* the first byte turns most words of the list away without a call */
    for (size_t i = 0; i < n; i++)
        if (w[i][0] == f[0] && strcmp(f, w[i]) == 0)
            return 1;
    return 0;
}

/* Words that end a name or show that a clause, not a name, follows. "ở"
 * and "thuộc" say where the work is ("... ở phường Mỹ Trà", "... thuộc xã
 * Châu Thới"), except "nhà ở" (housing). */
static int stop_word(const wg_i_ctx *c, size_t k)
{
    static const char *const w[] = {"của", "tại", "và", "với", "đã", "được", "trên", "cho", "này", "các",
                                    "những", "để", "theo", "là", "có", "nhằm", "do", "thì", "sẽ",
                                    "đang", "vào", "từ", "trong", "khi", "như", "gồm", "hoặc", "cũng",
                                    "đó", "nào", "mà", "bị", "phải", "cần", "nên", "hay", "vừa",
                                    "còn", "trước", "sau", "thuộc", "ở", "đạt", "nay", "qua",
                                    "phối", "góp", "đảm", "tới", "hiện", "giữa"};
    const char *f = c->tok[k].fold;
    if (wg_i_tok_is(&c->tok[k], "ở") && k > 0 && wg_i_tok_is(&c->tok[k - 1], "nhà"))
        return 0;
    /* "hiện nay", "hiện đang" end a name; "thực hiện", "thể hiện" are words */
    if (wg_i_tok_is(&c->tok[k], "hiện") && k > 0 && wg_i_gap_spaces(c, k) &&
        (wg_i_tok_is(&c->tok[k - 1], "thực") || wg_i_tok_is(&c->tok[k - 1], "thể") ||
         wg_i_tok_is(&c->tok[k - 1], "xuất") || wg_i_tok_is(&c->tok[k - 1], "phát")))
        return 0;
    return in_list(f, w, WG_ARRAY_LEN(w));
}

/* "thời gian qua", "năm qua": a time, the clause goes on after the name. */
static int time_phrase(const wg_i_ctx *c, size_t k)
{
    static const char *const w[] = {"thời", "năm", "tháng", "tuần", "ngày", "giai"};
    if (!in_list(c->tok[k].fold, w, WG_ARRAY_LEN(w)) || k + 1 >= c->ntok)
        return 0;
    size_t e = k + 1;
    if (wg_i_tok_is(&c->tok[k], "thời") || wg_i_tok_is(&c->tok[k], "giai"))
        e++; /* "thời gian", "giai đoạn" */
    return e < c->ntok && (wg_i_tok_is(&c->tok[e], "qua") || wg_i_tok_is(&c->tok[e], "tới") ||
                           wg_i_tok_is(&c->tok[e], "nay"));
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

/* "ĐT.741", "QL.1A", "TP.HCM": a code or an abbreviation, capitals, a
 * dot, a number or capitals. */
static int code_dot(const wg_i_ctx *c, size_t k)
{
    size_t n;
    const char *g = wg_i_gap(c, k, &n);
    return n == 1 && g[0] == '.' && k > 0 && wg_i_allcaps(c, k - 1) && !c->tok[k - 1].digit &&
           (c->tok[k].digit || wg_i_allcaps(c, k));
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

/* "các", "những", "2": the trigger is a plural. */
static int plural_before(const wg_i_ctx *c, size_t i)
{
    static const char *const q[] = {"các", "những", "nhiều", "mọi", "mỗi", "một", "số", "hai", "ba"};
    if (i == 0 || !wg_i_gap_spaces(c, i) || c->tok[i - 1].sentence != c->tok[i].sentence)
        return 0;
    return in_list(c->tok[i - 1].fold, q, WG_ARRAY_LEN(q)) ||
           (c->tok[i - 1].digit && c->tok[i - 1].end - c->tok[i - 1].start <= 2);
}

static char *text_of(const wg_i_ctx *c, size_t a, size_t b)
{
    return wg_i_strndup(c->doc->text + c->tok[a].start, c->tok[b].end - c->tok[a].start);
}

static int organ_start(const wg_i_ctx *c, const wg_i_places *pl, size_t k)
{
    if (!pl || !wg_i_first_in(c, k, WG_FIRST_ORGAN, &pl->organ_first))
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

/* The run of building verbs at j ("tu bổ, tôn tạo", "xây dựng và nâng
 * cấp"): the token after it (j when none). */
static size_t verbs_end(const wg_i_ctx *c, const wg_i_projwords *pw, size_t j)
{
    size_t k = j, n;
    while (k < c->ntok && k < j + 8 && (word_at(c, pw, k, PW_BUILD, &n) & PW_BUILD) &&
           c->tok[k].sentence == c->tok[j].sentence) {
        k += n;
        if (k >= c->ntok)
            break;
        /* "tu bổ, tôn tạo": a comma or "và" between two verbs */
        size_t nx = k;
        if (c->tok[k].gap == WG_GAP_COMMA || (c->tok[k].gap == (WG_GAP_COMMA | WG_GAP_SPACE)))
            nx = k;
        else if (wg_i_tok_is(&c->tok[k], "và") && wg_i_gap_spaces(c, k))
            nx = k + 1;
        else
            continue;
        size_t m;
        if (nx < c->ntok && (word_at(c, pw, nx, PW_BUILD, &m) & PW_BUILD) && (nx == k || wg_i_gap_spaces(c, nx)))
            k = nx;
        else
            break;
    }
    return k;
}

typedef struct {
    size_t e;         /* the last token of the clause's words */
    size_t firstcap, lastcap;
    size_t lastmark;  /* the last proper name or number after the head */
    size_t part;      /* a title's second part: the capital after "và" */
} scan_r;

/* The words from j on up to the clause's end: punctuation or a word that
 * starts a clause (của, tại, đã ...). `head`: the head noun (WG_NONE: none)
 * and `hn` its words; `vend`: the end of a verb run, inside which commas
 * are part of the name; `title`: a name written in sentence case, which
 * may say "cho" and join its parts with "và" ("Nhà thi đấu và Hội nghị
 * đa năng"). */
static void scan_name(const wg_i_ctx *c, const wg_i_projwords *pw, size_t j, size_t head, size_t hn, size_t vend,
                      int title, scan_r *r)
{
    int bracket = 0;
    r->e = j;
    r->firstcap = r->lastcap = r->lastmark = r->part = WG_NONE;
    size_t mark_from = head != WG_NONE ? head + hn : title ? j + 1 : WG_NONE;
    for (size_t k = j; k < c->ntok && k < j + 25; k++) {
        /* "Nghị quyết (NQ) 32": an abbreviation in brackets inside the name */
        if (k > j && k + 1 < c->ntok && wg_i_allcaps(c, k) && bracketed(c, k)) {
            bracket = 1;
            continue;
        }
        if (c->tok[k].sentence != c->tok[j].sentence)
            break;
        if (k > j && !bracket && !name_gap(c, k, 1) && !code_dot(c, k) &&
            !(k < vend && (c->tok[k].gap & WG_GAP_COMMA) && !(c->tok[k].gap & ~(WG_GAP_COMMA | WG_GAP_SPACE))))
            break;
        bracket = 0;
        if (!c->tok[k].cap && !c->tok[k].digit) {
            const char *f = c->tok[k].fold;
            if (k < vend && strcmp(f, "và") == 0)
                continue;
            if (title && strcmp(f, "cho") == 0)
                continue;
            /* "... và Hội nghị đa năng": a title's second part */
            if (title && strcmp(f, "và") == 0 && k + 1 < c->ntok && c->tok[k + 1].cap && wg_i_gap_spaces(c, k + 1) &&
                r->lastcap != WG_NONE && r->lastcap + 1 < k) {
                r->part = k + 1;
                continue;
            }
            /* "đường giao thông từ trung tâm xã A đi xã B": a road named
             * by its ends; one with a name of its own ends before "đoạn
             * từ ..." (a section of it) */
            if (head != WG_NONE && k > head && strcmp(f, "từ") == 0 && r->lastmark == WG_NONE)
                continue;
            if (r->lastmark != WG_NONE && strcmp(f, "đoạn") == 0)
                break;
            if (stop_word(c, k) || time_phrase(c, k))
                break;
            /* "hồ sơ dự án ...": another trigger starts another name */
            size_t tn;
            if (k > j && k != vend && (head == WG_NONE || k >= head + hn) &&
                (word_at(c, pw, k, PW_TRIGGER, &tn) & PW_TRIGGER))
                break;
        }
        if (c->tok[k].cap && r->firstcap == WG_NONE)
            r->firstcap = k;
        /* a number right after a capital is part of the name ("Rạch Miễu
         * 2"), so is one after a head noun written with a capital ("BOT
         * Quốc lộ 1") */
        size_t ln;
        if (c->tok[k].cap ||
            (c->tok[k].digit && r->lastcap != WG_NONE &&
             (r->lastcap + 1 == k ||
              ((word_at(c, pw, r->lastcap, PW_WORK | PW_PLACE, &ln) & (PW_WORK | PW_PLACE)) && r->lastcap + ln == k))))
            r->lastcap = k;
        if (mark_from != WG_NONE && k >= mark_from && (c->tok[k].cap || (c->tok[k].digit && !date_number(c, k))))
            r->lastmark = k;
        /* "trung tâm hành chính mới", "khu tái định cư mới" */
        if (head != WG_NONE && hn > 1 && k == head + hn && wg_i_tok_is(&c->tok[k], "mới"))
            r->lastmark = k;
        r->e = k;
    }
}

/* "Đề án phát triển A thành trung tâm dịch vụ, du lịch sinh thái biển.":
 * after a comma, lower-case words to the sentence's end with no word that
 * starts a clause are still the name's (an enumeration in it); returns
 * the name's last token. */
static size_t tail_after_comma(const wg_i_ctx *c, size_t e)
{
    size_t k = e + 1;
    if (k >= c->ntok || c->tok[k].gap != (WG_GAP_COMMA | WG_GAP_SPACE) || c->tok[k].sentence != c->tok[e].sentence)
        return e;
    for (; k < c->ntok && k < e + 12; k++) {
        if (k > e + 1 && !wg_i_gap_spaces(c, k))
            break;
        if (c->tok[k].cap || c->tok[k].digit || stop_word(c, k) || time_phrase(c, k))
            return e;
    }
    /* the sentence ends right after */
    if (k < c->ntok && !(c->tok[k].gap & (WG_GAP_STOP | WG_GAP_NL)))
        return e;
    return k - 1;
}

/* The project named at trigger tokens [i, j): sets *a, *b to its name's
 * tokens and *keep when the trigger is part of the name. 0: none. */
static int project_at(const wg_i_ctx *c, const wg_i_places *pl, const wg_i_projwords *pw, size_t i, size_t j,
                      unsigned bits, size_t *a, size_t *b, int *keep)
{
    size_t gl, n;
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
    if ((bits & PW_QUOTED) || !wg_i_gap_spaces(c, j))
        return 0;
    /* a headline in capitals shows no name's end */
    if (wg_i_allcaps(c, i) && wg_i_allcaps(c, j))
        return 0;
    /* "các công trình ...", "những dự án ...": a class of works (a list
     * of names after it is read by list_at) */
    if (plural_before(c, i) && !c->tok[i - 1].digit)
        return 0;
    /* "Ban Quản lý dự án ...": the trigger is inside an organ's name */
    if (i >= 3 && wg_i_tok_is(&c->tok[i - 1], "lý") && wg_i_tok_is(&c->tok[i - 2], "quản") &&
        (c->tok[i - 2].cap || wg_i_tok_is(&c->tok[i - 3], "ban")))
        return 0;
    /* "chương trình làm việc", "Chương trình Đại hội": an agenda */
    if (word_at(c, pw, j, PW_NOT, &n) & PW_NOT)
        return 0;
    /* "tại Trụ sở ...": a place unless a building verb is at work */
    if (bits & PW_BUILT) {
        int built = 0;
        for (size_t k = i > 4 ? i - 4 : 0; k < i && !built; k++)
            built = c->tok[k].sentence == c->tok[i].sentence && !c->tok[k].cap &&
                    (word_at(c, pw, k, PW_BUILD, &n) & PW_BUILD) && k + n <= i;
        if (!built)
            return 0;
    }
    /* "đề án sáp nhập xã ...": an administrative procedure, not a work */
    if (wg_i_tok_is(&c->tok[i], "đề") && !c->tok[i].cap && policy_verb(c, j))
        return 0;
    if (code_token(c, j)) {
        *a = i;
        *b = j;
        *keep = 1;
        return 1;
    }
    size_t head = WG_NONE, hn = 0, vend = verbs_end(c, pw, j);
    {
        size_t k = vend;
        /* "dự án đầu tư xây dựng công trình cầu A": the verbs' object is
         * another trigger word, then the head */
        unsigned tb = vend > j ? word_at(c, pw, k, PW_TRIGGER, &n) : 0;
        if ((tb & PW_TRIGGER) && !(tb & (PW_WORK | PW_PLACE)) && !c->tok[k].cap)
            k += n;
        /* "dự án thành phần 1 cao tốc ...": a component of a work */
        if (k + 2 < c->ntok && wg_i_tokens_are(c, k, "thành phần") && c->tok[k + 2].digit && !c->tok[k].cap)
            k += 3;
        /* after "trụ sở" the words name its owner ("trụ sở khu phố 8") */
        unsigned hb = k <= j + 6 ? word_at(c, pw, k, PW_WORK | PW_PLACE, &n) : 0;
        if (hb && !(bits & PW_BUILT) && (!c->tok[k].cap || vend > j))
            head = k, hn = n;
    }
    /* a title in sentence case: "dự án Xây dựng công trình ...", "công
     * trình Nhà thi đấu và Hội nghị đa năng" */
    int title = c->tok[j].cap && !wg_i_allcaps(c, j) && j + 1 < c->ntok && !c->tok[j + 1].cap &&
                (vend > j || word_at(c, pw, j, PW_WORK | PW_PLACE, &n));
    /* "Chương trình mục tiêu quốc gia ...": a trigger written with a
     * capital inside a sentence starts a name, all of it */
    int sentence_start = i == 0 || c->tok[i - 1].sentence != c->tok[i].sentence || !wg_i_gap_spaces(c, i);
    int captrig = c->tok[i].cap && !sentence_start && !wg_i_allcaps(c, i) && !title;
    scan_r r;
    scan_name(c, pw, j, head, hn, vend, title || captrig, &r);
    if (captrig && r.e >= j + 1) {
        /* ... but an administrative procedure with no proper name or
         * number after it is a description ("Đề án sáp nhập thôn") */
        if (!c->tok[j].cap && policy_verb(c, j)) {
            int mark = 0;
            for (size_t k = j; k <= r.e; k++)
                mark |= c->tok[k].cap || c->tok[k].digit;
            if (!mark)
                return 0;
        }
        /* "Dự án Cải tạo rạch Bến Nghé": a name that stands alone drops
         * the trigger; "Chương trình mục tiêu ..." needs it */
        int alone = c->tok[j].cap && !wg_i_allcaps(c, j); /* not "Chương trình MTQG ..." */
        *a = alone ? j : i;
        *b = tail_after_comma(c, r.e);
        *keep = !alone;
        return 1;
    }
    if (title && !organ_start(c, pl, j) && !event_at(c, j)) {
        *a = j;
        /* it ends at its last proper name or number, or, with none (or
         * only a second part's capital), at the clause's end */
        *b = r.lastmark != WG_NONE && r.lastmark != r.part ? r.lastmark : r.e;
        return *b > j;
    }
    /* else a name must show a capital soon: "dự án chung cư Lô E Võ Văn
     * Kiệt", "Dự án xây dựng đường nối cao tốc Nội Bài - Lào Cai ..."; the
     * lower-case words after its last capital are no longer the name */
    /* after a building verb the owner is part of the work's name ("dự án
     * sửa chữa trụ sở Đảng ủy – HĐND – UBND xã A") */
    if (head != WG_NONE && r.lastmark != WG_NONE &&
        (r.firstcap == WG_NONE || vend > j || !organ_start(c, pl, r.firstcap)) && (sentence_start || !c->tok[i].cap)) {
        *a = j;
        *b = r.lastmark;
        return 1;
    }
    if (bits & PW_BUILT)
        return 0;
    if (r.firstcap == WG_NONE || r.firstcap > j + 3 || organ_start(c, pl, r.firstcap) || event_at(c, r.firstcap))
        return 0;
    /* "mục tiêu Quốc gia": one capitalised syllable run on by a lower-case
     * word is a common noun written with a capital, not a name */
    size_t fc = r.firstcap;
    if (r.lastcap == fc && !c->tok[fc].digit && fc + 1 < c->ntok && c->tok[fc + 1].sentence == c->tok[fc].sentence &&
        wg_i_gap_spaces(c, fc + 1) && !c->tok[fc + 1].cap && !c->tok[fc + 1].digit && !stop_word(c, fc + 1))
        return 0;
    *a = j;
    *b = r.lastcap;
    return 1;
}

/* A work named at k without a trigger: a head noun and a proper name or
 * number ("cầu Rạch Miễu 2", "tuyến đường ĐT.741", "đường dây 220 kV A –
 * B"), or a capitalised name ("Khu di tích Nguyễn Sinh Sắc"). `place`: a
 * place head (a school, a market) is a work here too. */
static int work_at(const wg_i_ctx *c, const wg_i_places *pl, const wg_i_projwords *pw, size_t k, int place, size_t *b)
{
    size_t n;
    unsigned hb = word_at(c, pw, k, place ? PW_WORK | PW_PLACE : PW_WORK, &n);
    if (!hb || (hb & PW_TRIGGER) || plural_before(c, k))
        return 0;
    /* "trụ sở UBND xã": the owner, not the work's name */
    if (k + n < c->ntok && organ_start(c, pl, k + n))
        return 0;
    scan_r r;
    int title = c->tok[k].cap && k + n < c->ntok && !c->tok[k + n].cap;
    scan_name(c, pw, k, k, n, k, title, &r);
    if (r.lastmark == WG_NONE)
        return 0;
    *b = r.lastmark;
    return 1;
}

/* A verb of building or inspecting at k and the work it is done to:
 * "kiểm tra tiến độ nâng cấp Bến xe khách phía Bắc", "khởi công cầu X".
 * Sets *a, *b to the work's name. */
static int worked_at(const wg_i_ctx *c, const wg_i_places *pl, const wg_i_projwords *pw, size_t k, size_t *a,
                     size_t *b)
{
    size_t n, p;
    /* lower case, or capitalised as a sentence's first word */
    int first = k == 0 || c->tok[k - 1].sentence != c->tok[k].sentence;
    unsigned vb = c->tok[k].cap && !first ? 0 : word_at(c, pw, k, PW_BUILD | PW_INSPECT, &n);
    if (!(vb & (PW_BUILD | PW_INSPECT)))
        return 0;
    int built = (vb & PW_BUILD) != 0;
    p = k + n;
    for (int steps = 0; steps < 4 && p < c->ntok && wg_i_gap_spaces(c, p) &&
                        c->tok[p].sentence == c->tok[k].sentence && !c->tok[p].cap; steps++) {
        unsigned wb = word_at(c, pw, p, PW_BUILD | PW_BETWEEN | PW_INSPECT, &n);
        /* a trigger after the verb is the trigger's to read */
        if (!wb || (wb & PW_TRIGGER))
            break;
        built |= (wb & PW_BUILD) != 0;
        p += n;
    }
    if (p >= c->ntok || !wg_i_gap_spaces(c, p) || c->tok[p].sentence != c->tok[k].sentence)
        return 0;
    if (!work_at(c, pl, pw, p, built, b))
        return 0;
    *a = p;
    return 1;
}

/* "các dự án: A, B và C", "các công trình trọng điểm như cầu X, đường Y":
 * a plural trigger and a list of names. Calls add for each item; returns
 * the last token read (WG_NONE: no list). */
typedef struct { size_t a, b; } item;

static size_t list_at(const wg_i_ctx *c, const wg_i_places *pl, const wg_i_projwords *pw, size_t i, size_t j,
                      item *items, size_t max, size_t *nitems)
{
    size_t k = j, n;
    *nitems = 0;
    if (!plural_before(c, i) || wg_i_allcaps(c, i) || j >= c->ntok ||
        (!wg_i_gap_spaces(c, j) && !(c->tok[j].gap & WG_GAP_COLON)) || (c->tok[j].gap & WG_GAP_QUOTE))
        return WG_NONE;
    /* up to three lower-case modifiers, then ":" or "như" / "gồm" / "là" */
    int intro = 0;
    for (size_t m = 0; m < 4 && k < c->ntok && c->tok[k].sentence == c->tok[i].sentence; m++) {
        if (c->tok[k].gap & WG_GAP_COLON) {
            intro = 1;
            break;
        }
        static const char *const w[] = {"như", "gồm", "là", "bao"};
        if (wg_i_gap_spaces(c, k) && in_list(c->tok[k].fold, w, WG_ARRAY_LEN(w))) {
            k++;
            if (k < c->ntok && wg_i_tok_is(&c->tok[k - 1], "bao"))
                k++; /* "bao gồm" */
            intro = 1;
            break;
        }
        if (c->tok[k].cap || c->tok[k].digit || !wg_i_gap_spaces(c, k) || stop_word(c, k))
            break;
        k++;
    }
    if (!intro)
        k = j; /* "các dự án cầu X, đường Y": the names right after */
    size_t last = WG_NONE;
    /* items may be separated by ";", which ends a `sentence` */
    while (k < c->ntok && *nitems < max && c->tok[k].fsent == c->tok[i].fsent) {
        size_t s = k, b;
        unsigned tb = word_at(c, pw, s, PW_TRIGGER, &n);
        if ((tb & PW_TRIGGER) && !(tb & (PW_WORK | PW_PLACE)))
            s += n; /* "dự án A, dự án B" */
        if (s >= c->ntok)
            break;
        /* "nâng cấp Quốc lộ 14C": an item may start with its verbs */
        size_t v = verbs_end(c, pw, s);
        int named = v > s && v < c->ntok && work_at(c, pl, pw, v, 1, &b);
        if (!named && !work_at(c, pl, pw, s, 1, &b)) {
            if (!c->tok[s].cap || organ_start(c, pl, s) || event_at(c, s))
                break;
            scan_r r;
            scan_name(c, pw, s, WG_NONE, 0, s, 0, &r);
            if (r.lastcap == WG_NONE)
                break;
            b = r.lastcap;
        }
        items[(*nitems)++] = (item){s, b};
        last = b;
        /* the next item after ",", ";" or "và" */
        k = b + 1;
        if (k >= c->ntok)
            break;
        unsigned gp = c->tok[k].gap;
        if (wg_i_tok_is(&c->tok[k], "và") && wg_i_gap_spaces(c, k))
            k++;
        else if (!(gp & (WG_GAP_COMMA | WG_GAP_SEMI)) || (gp & (WG_GAP_STOP | WG_GAP_NL)))
            break;
        else if (k < c->ntok && wg_i_tok_is(&c->tok[k], "và"))
            k++;
    }
    /* without ":" or "như", one name after a plural is a part of the
     * class ("các công trình APEC"), not a list */
    return *nitems >= (intro ? 1u : 2u) ? last : WG_NONE;
}

typedef struct {
    char *name;
    size_t t0, t1, a; /* a: the name's first token */
} found;

static int push(found **f, size_t *nf, size_t *cap, const wg_i_ctx *c, size_t a, size_t b, size_t t0)
{
    if (wg_i_grow(f, cap, *nf + 1, sizeof **f) < 0)
        return WG_ENOMEM;
    char *name = text_of(c, a, b);
    if (!name)
        return WG_ENOMEM;
    (*f)[(*nf)++] = (found){name, t0, b, a};
    return 0;
}

/* Do tokens [a, a+n) and [k, k+n) spell the same words? */
static int same_words(const wg_i_ctx *c, size_t a, size_t k, size_t n)
{
    if (k + n > c->ntok)
        return 0;
    for (size_t t = 0; t < n; t++) {
        if (c->tok[a + t].flen != c->tok[k + t].flen || c->tok[a + t].fhash != c->tok[k + t].fhash ||
            strcmp(c->tok[a + t].fold, c->tok[k + t].fold) != 0)
            return 0;
        if (t && !wg_i_gap_spaces(c, k + t) && !wg_i_gap_spaces(c, a + t))
            return 0;
    }
    return 1;
}

/* One work written twice ("công trình xây dựng cầu X", "cầu X"): a name
 * that is another's after its building verbs is that one; so is one whose
 * bare words the text writes elsewhere. */
static int same_work(const wg_i_ctx *c, const wg_i_projwords *pw, found **fp, size_t *nfp, size_t *cap)
{
    size_t nf0 = *nfp;
    for (size_t i = 0; i < nf0; i++) {
        found *f = *fp;
        size_t nf = *nfp;
        size_t v = verbs_end(c, pw, f[i].a);
        if (v == f[i].a || v > f[i].t1)
            continue;
        char *bare = text_of(c, v, f[i].t1);
        if (!bare)
            return WG_ENOMEM;
        char *kb = wg_i_make_key(WG_PROJECT, bare);
        int hit = 0;
        for (size_t k = 0; kb && k < nf && !hit; k++) {
            if (k == i)
                continue;
            char *kk = wg_i_make_key(WG_PROJECT, f[k].name);
            hit = kk && strcmp(kk, kb) == 0;
            free(kk);
        }
        free(kb);
        size_t n = f[i].t1 + 1 - v, at = WG_NONE;
        for (size_t k = 0; !hit && k + n <= c->ntok; k++) {
            if (k == v || !same_words(c, v, k, n))
                continue;
            /* a whole name: not inside a longer run of capitals */
            if (k + n < c->ntok && c->tok[k + n].cap && wg_i_gap_spaces(c, k + n))
                continue;
            at = k;
            hit = 1;
        }
        if (hit) {
            free(f[i].name);
            f[i].name = bare;
            if (at != WG_NONE) {
                int err = push(fp, nfp, cap, c, at, at + n - 1, at);
                if (err < 0)
                    return err;
            }
        } else {
            free(bare);
        }
    }
    return 0;
}

static int add_project(wg_i_ctx *c, const char *name, size_t t0, size_t t1)
{
    char *key = wg_i_make_key(WG_PROJECT, name);
    int err = key ? wg_i_add_keyed(c, WG_PROJECT, name, key, NULL, t0, t1) : WG_ENOMEM;
    free(key);
    return err;
}

int wg_i_find_projects(wg_i_ctx *c)
{
    const wg_i_places *pl = c->lex ? c->lex->places : NULL;
    const wg_i_projwords *pw = c->lex ? c->lex->projects : NULL;
    found *f = NULL;
    size_t nf = 0, cap = 0;
    int err = 0;
    if (!pw)
        return 0;
    for (size_t i = 0; i < c->ntok && !err; i++) {
        size_t w, a, b;
        unsigned bits = word_at(c, pw, i, PW_TRIGGER, &w);
        if (bits & PW_TRIGGER) {
            item items[16];
            size_t ni, last = list_at(c, pl, pw, i, i + w, items, WG_ARRAY_LEN(items), &ni);
            if (last != WG_NONE) {
                for (size_t k = 0; k < ni && !err; k++)
                    err = push(&f, &nf, &cap, c, items[k].a, items[k].b, k ? items[k].a : i);
                i = last;
                continue;
            }
            int keep;
            if (project_at(c, pl, pw, i, i + w, bits, &a, &b, &keep)) {
                err = push(&f, &nf, &cap, c, a, b, i);
                i = b;
                continue;
            }
        }
        if (worked_at(c, pl, pw, i, &a, &b)) {
            err = push(&f, &nf, &cap, c, a, b, a);
            i = b;
        }
    }
    if (!err)
        err = same_work(c, pw, &f, &nf, &cap);
    for (size_t i = 0; i < nf; i++) {
        if (!err)
            err = add_project(c, f[i].name, f[i].t0, f[i].t1);
        free(f[i].name);
    }
    free(f);
    return err < 0 ? err : 0;
}
