/* Officials: a personal name with evidence that it is an official (an
 * honorific or a title before it, a title after it, membership of a list of
 * officials, or an earlier full mention), every title the article gives the
 * person, and the person's roles in the meeting (SPEC section 2).
 *
 * Three passes over the tokens of the body (the byline is never searched):
 *   1. names with their evidence and titles;
 *   2. later mentions of an accepted name: the full name again, or an
 *      honorific with the given name ("đồng chí Phú") when only one official
 *      of the article has it;
 *   3. roles from the phrases of roles.txt and where the officials stand
 *      around them in the sentence.
 * Everything lives in a per-call state: extraction stays pure. */
#include <string.h>
#include <unicode/uchar.h>
#include "extract/extract.h"

#define NONE ((size_t)-1)
/* Gaps that end a name or a title. */
#define HARD_GAP (WG_GAP_NL | WG_GAP_COMMA | WG_GAP_SEMI | WG_GAP_COLON | WG_GAP_DASH | WG_GAP_OPEN | \
                  WG_GAP_CLOSE | WG_GAP_QUOTE | WG_GAP_STOP | WG_GAP_OTHER)
/* Gaps that separate the titles of one chain ("X, Bí thư Tỉnh ủy, Chủ tịch ..."). */
#define CHAIN_GAP (WG_GAP_COMMA | WG_GAP_DASH)
#define CHAIN_STOP (WG_GAP_SEMI | WG_GAP_STOP | WG_GAP_NL | WG_GAP_COLON | WG_GAP_OPEN | WG_GAP_QUOTE)

typedef struct {
    char **v;
    size_t n, cap;
} strvec;

typedef struct {
    size_t first, last;         /* the name's tokens */
    size_t ext_first, ext_last; /* with its honorific and titles */
    char *name;
    strvec titles;
    unsigned roles;
    int weak;                   /* 1: only "ông"/"bà" before it, kept if the person has a title;
                                 * 2: a later mention, no evidence of its own */
} omention;

typedef struct {
    wg_i_ctx *c;
    const wg_lexicon *lex;
    size_t nb;                  /* tokens before the byline */
    omention *m;
    size_t nm, mcap;
    unsigned char *used;        /* tokens of an accepted name */
    wg_strmap strong;           /* folded names written with unambiguous evidence */
    wg_strmap accepted;         /* folded name -> index of its first mention */
} ostate;

/* ---- small helpers ---- */

static int sv_push(strvec *v, const char *s)
{
    for (size_t i = 0; i < v->n; i++)
        if (strcmp(v->v[i], s) == 0)
            return 0;
    if (wg_i_grow(&v->v, &v->cap, v->n + 1, sizeof *v->v) < 0 || (v->v[v->n] = wg_i_strdup(s)) == NULL)
        return WG_ENOMEM;
    v->n++;
    return 0;
}

static void sv_free(strvec *v)
{
    for (size_t i = 0; i < v->n; i++)
        free(v->v[i]);
    free(v->v);
    memset(v, 0, sizeof *v);
}

static int sv_copy(strvec *to, const strvec *from)
{
    for (size_t i = 0; i < from->n; i++)
        if (sv_push(to, from->v[i]) < 0)
            return WG_ENOMEM;
    return 0;
}

static const wg_i_token *T(const ostate *st, size_t k) { return &st->c->tok[k]; }

/* Tokens k-1 and k are joined by spaces, dots or slashes only. */
static int soft(const ostate *st, size_t k)
{
    return k > 0 && k < st->nb && !(T(st, k)->gap & HARD_GAP);
}

static int fold_is(const ostate *st, size_t k, const char *w)
{
    return k < st->nb && strcmp(T(st, k)->fold, w) == 0;
}

static int allcaps(const ostate *st, size_t k);

/* Longest phrase of `ph` starting at token i; returns its index or NONE and
 * sets *w to the tokens it covers. Dashes between tokens only match a
 * phrase that has one ("Tuyên giáo – Dân vận"). */
static size_t phrase_at(const ostate *st, const wg_i_phrases *ph, size_t i, size_t *w)
{
    char key[512];
    size_t len = 0, best = NONE, idx;
    *w = 0;
    if (!ph->n)
        return NONE;
    for (size_t k = i, words = 0; k < st->nb && words < ph->max_words; k++) {
        const char *fold = T(st, k)->fold;
        size_t fl = strlen(fold);
        if (k > i) {
            /* the words so far must begin some phrase, or no longer one can match */
            if (!wg_strmap_get(&ph->prefixes, key, NULL))
                break;
            unsigned g = T(st, k)->gap;
            if (g & (HARD_GAP & ~WG_GAP_DASH))
                break;
            if (g & WG_GAP_DASH) {
                if (len + 2 >= sizeof key)
                    break;
                memcpy(key + len, " -", 2);
                len += 2;
                words++;
            }
            if (len + 1 >= sizeof key)
                break;
            key[len++] = ' ';
        }
        if (len + fl >= sizeof key)
            break;
        memcpy(key + len, fold, fl + 1);
        len += fl;
        words++;
        if (wg_strmap_get(&ph->map, key, &idx)) {
            int ok = 1;
            for (size_t j = i; ph->caps[idx] && j <= k && ok; j++)
                ok = allcaps(st, j);
            if (ok) {
                best = idx;
                *w = k - i + 1;
            }
        }
    }
    return best;
}

static int tag_is(const wg_i_phrases *ph, size_t idx, const char *tag)
{
    return idx != NONE && strcmp(ph->tag[idx], tag) == 0;
}

/* No lower-case letter: an acronym or headline capitals. */
static int allcaps(const ostate *st, size_t k)
{
    const char *s = st->c->doc->text + T(st, k)->start, *e = st->c->doc->text + T(st, k)->end;
    while (s < e) {
        uint32_t cp;
        s += wg_utf8_decode(s, &cp);
        if (u_islower((UChar32)cp))
            return 0;
    }
    return 1;
}

/* A word that can be part of a personal name. */
static int name_tok(const ostate *st, size_t k)
{
    const wg_i_token *t = T(st, k);
    if (k >= st->nb || !t->cap || t->digit)
        return 0;
    /* capitals are acronyms or headlines, except one-letter words ("Y Biêr") */
    uint32_t cp;
    return !allcaps(st, k) || wg_utf8_decode(st->c->doc->text + t->start, &cp) == t->end - t->start;
}

static size_t surname_kind(const ostate *st, size_t k)
{
    size_t v = 0;
    if (k >= st->nb || !name_tok(st, k))
        return 0;
    if (!wg_strmap_get(&st->lex->surnames, T(st, k)->fold, &v))
        return 0;
    return v;
}

/* How many name words follow one another from k (one space between them),
 * stopping before a position word. */
static size_t run_len(const ostate *st, size_t k, size_t max)
{
    size_t n = 0, w;
    while (k + n < st->nb && n < max && name_tok(st, k + n) && (n == 0 || T(st, k + n)->space_before)) {
        if (n > 0 && phrase_at(st, &st->lex->titles, k + n, &w) != NONE)
            break;
        n++;
    }
    return n;
}

static char *folded_span(const ostate *st, size_t a, size_t b)
{
    wg_buf buf = WG_BUF_INIT;
    for (size_t k = a; k <= b; k++) {
        if (k > a)
            wg_buf_putc(&buf, ' ');
        wg_buf_puts(&buf, T(st, k)->fold);
    }
    if (!buf.ptr)
        wg_buf_grow(&buf, 0);
    return wg_buf_detach(&buf);
}

/* 2: written after an honorific; 1: before a title; 0: neither. */
static size_t is_strong(const ostate *st, size_t a, size_t b)
{
    char *f = folded_span(st, a, b);
    size_t v = 0;
    if (f && !wg_strmap_get(&st->strong, f, &v))
        v = 0;
    free(f);
    return v;
}

/* Where, in the run of n name words at k, does the person's name start?
 * The name is a suffix of the run (a place may come first: "Bí thư Tỉnh ủy
 * Đắk Lắk Lương Nguyễn Minh Triết"). NONE: no name. `after_unit`: the run
 * follows a unit word ("tỉnh"), so a two-word run is a place ("huyện Lâm Hà"). */
static size_t choose_split(const ostate *st, size_t k, size_t n, int after_unit)
{
    size_t cand[6], nc = 0;
    for (size_t s = 0; s + 2 <= n && nc < 6; s++) {
        size_t len = n - s;
        if (len > 4 || !surname_kind(st, k + s))
            continue;
        if (len == 2 && after_unit)
            continue; /* "Thành ủy Buôn Ma Thuột", "huyện Lâm Hà": a place */
        cand[nc++] = s;
    }
    if (nc == 0)
        return NONE;
    if (nc == 1)
        return cand[0];
    for (size_t i = 0; i < nc; i++)
        if (is_strong(st, k + cand[i], k + n - 1))
            return cand[i];
    static const size_t pref[] = {3, 4, 2};
    for (size_t p = 0; p < 3; p++)
        for (size_t i = 0; i < nc; i++)
            if (n - cand[i] == pref[p])
                return cand[i];
    return cand[0];
}

/* The name that starts at k when nothing before it says where it starts.
 * Sets *len; returns the first token or NONE. */
static size_t name_from(const ostate *st, size_t k, size_t *len, int need_known_start)
{
    size_t n = run_len(st, k, 5);
    *len = 0;
    if (n < 2)
        return NONE;
    /* a suffix seen elsewhere with clear evidence wins ("Đồng Phan Minh Tuấn", a typo) */
    for (size_t s = 1; s + 2 <= n; s++)
        if (n - s <= 4 && surname_kind(st, k + s) && is_strong(st, k + s, k + n - 1) > is_strong(st, k, k + n - 1)) {
            *len = n - s;
            return k + s;
        }
    /* minority names may be longer: "Y Thanh Hà Niê Kđăm" */
    if (n > (surname_kind(st, k) == 2 ? 5u : 4u) || (need_known_start && !surname_kind(st, k)))
        return NONE;
    *len = n;
    return k;
}

/* Appends tokens a..b as written. */
static void put_written(const ostate *st, wg_buf *b, size_t a, size_t z)
{
    if (b->len)
        wg_buf_putc(b, ' ');
    wg_buf_put(b, st->c->doc->text + T(st, a)->start, T(st, z)->end - T(st, a)->start);
}

static const char *const party_words[] = {"Tỉnh ủy", "Thành ủy", "Huyện ủy", "Quận ủy", "Thị ủy", "Đảng ủy"};

static int is_party_word(const char *w)
{
    for (size_t i = 0; i < WG_ARRAY_LEN(party_words); i++)
        if (strcmp(w, party_words[i]) == 0)
            return 1;
    return 0;
}

/* Department-like words after which a capitalised word may be followed by
 * its lower-case syllables ("Ban Tổ chức", "Sở Xây dựng", "Bộ Nội vụ"). */
static int is_dept_word(const char *canon)
{
    static const char *const d[] = {"Ban", "Sở", "Bộ", "Văn phòng", "Ủy ban", "Cục", "Vụ", "Tổ", "Phòng",
                                    "Hội đồng", "Trung tâm", "Chi cục", "Hội", "Đoàn"};
    for (size_t i = 0; i < WG_ARRAY_LEN(d); i++)
        if (strcmp(canon, d[i]) == 0)
            return 1;
    return 0;
}

static int ends_with_ban(const char *canon)
{
    size_t l = strlen(canon);
    return l >= 4 && strcmp(canon + l - 4, " ban") == 0;
}

/* The party committee of a unit word: "phường" -> "Đảng ủy", "huyện" -> "Huyện ủy". */
static const char *party_of_unit(const char *unit)
{
    static const char *const m[][2] = {{"phường", "Đảng ủy"}, {"xã", "Đảng ủy"}, {"thị trấn", "Đảng ủy"},
                                       {"đặc khu", "Đảng ủy"}, {"huyện", "Huyện ủy"}, {"quận", "Quận ủy"},
                                       {"thị xã", "Thị ủy"}, {"tỉnh", "Tỉnh ủy"}, {"thành phố", "Thành ủy"}};
    for (size_t i = 0; i < WG_ARRAY_LEN(m); i++)
        if (strcmp(unit, m[i][0]) == 0)
            return m[i][1];
    return NULL;
}

/* Are tokens k..k+w-1 the canonical words themselves, not an abbreviation? */
static int written_as_canon(const ostate *st, size_t k, size_t w, const char *canon)
{
    char *f = folded_span(st, k, k + w - 1), *g = wg_i_fold(canon, strlen(canon));
    int r = f && g && strcmp(f, g) == 0;
    free(f);
    free(g);
    return r;
}

/* A dash between two parts of one place name: the part after it is
 * capitalised, not a position, not an acronym, and not a personal name. */
static int dash_place(const ostate *st, size_t k)
{
    size_t w, n;
    if (k >= st->nb || (T(st, k)->gap & ~(WG_GAP_DASH | WG_GAP_SPACE)) || !name_tok(st, k) || allcaps(st, k))
        return 0;
    if (phrase_at(st, &st->lex->titles, k, &w) != NONE || phrase_at(st, &st->lex->title_words, k, &w) != NONE)
        return 0;
    n = run_len(st, k, 4);
    return n >= 1 && n <= 3 && choose_split(st, k, n, 0) == NONE;
}

/* Capitalised words that open an institution's name, whose later syllables
 * may be lower-case ("Trường Đại học Vinh", "Viện Kiểm sát"). */
static int is_dept_fold(const char *f)
{
    static const char *const d[] = {"trường", "viện", "học viện", "bệnh viện", "sở", "bộ", "ban", "cục", "chi cục",
                                    "hội", "trung tâm", "tòa án", "công ty", "ngân hàng", "kho bạc", "báo", "đài"};
    for (size_t i = 0; i < WG_ARRAY_LEN(d); i++)
        if (strcmp(f, d[i]) == 0)
            return 1;
    return 0;
}

typedef struct {
    char *text;      /* canonical title, or NULL for a chair marker */
    size_t end;      /* first token after the title */
    size_t name_at;  /* a personal name starts here, right after the title */
    size_t name_len;
    int chair;       /* "Trưởng đoàn (công tác)": leads the delegation, not a title */
    int member;      /* "Ủy viên Ban Thường vụ" without its organ */
    size_t start;    /* its first token */
    size_t party_at; /* byte offset in text of its party committee word, or NONE */
} otitle;

/* A title at token i: ["nguyên"] position [organ words, capitalised words,
 * numbers]. Returns 1 and fills *t, or 0. */
static int parse_title(const ostate *st, size_t i, otitle *t)
{
    const wg_lexicon *lex = st->lex;
    size_t k = i, w, idx;
    wg_buf b = WG_BUF_INIT;
    int after_unit = 0, dept = 0, lower_run = 0;
    memset(t, 0, sizeof *t);
    t->name_at = NONE;
    t->party_at = NONE;
    t->start = i;
    if (fold_is(st, k, "nguyên") && soft(st, k + 1)) {
        wg_buf_puts(&b, "nguyên");
        k++;
    }
    if (k >= st->nb || (idx = phrase_at(st, &lex->titles, k, &w)) == NONE) {
        wg_buf_free(&b);
        return 0;
    }
    /* "Ban Thường vụ Thành ủy" is the body, not a member's post */
    if (fold_is(st, k, "thường") && k > 0 && fold_is(st, k - 1, "ban") && soft(st, k)) {
        wg_buf_free(&b);
        return 0;
    }
    t->chair = tag_is(&lex->titles, idx, "chair");
    int party_post = tag_is(&lex->titles, idx, "party");
    size_t tail_from;
    if (b.len)
        wg_buf_putc(&b, ' ');
    if (lex->titles.canon[idx][0])
        wg_buf_puts(&b, lex->titles.canon[idx]);
    else
        put_written(st, &b, k, k + w - 1);
    dept = is_dept_word(lex->titles.canon[idx]) || ends_with_ban(lex->titles.canon[idx]);
    k += w;
    tail_from = b.len;
    int in_place = 0;
    while (k < st->nb && (soft(st, k) || (in_place && dash_place(st, k)))) {
        if (!soft(st, k)) {
            /* "Thành ủy Phan Rang – Tháp Chàm" */
            size_t n = run_len(st, k, 4);
            wg_buf_puts(&b, " –");
            put_written(st, &b, k, k + n - 1);
            k += n;
            in_place = 0;
            continue;
        }
        size_t ti = phrase_at(st, &lex->title_words, k, &w);
        if (ti != NONE) {
            /* "Tuyên giáo và Dân vận" joins, "Bí thư Thành ủy và Nguyễn Văn Lộc" does not */
            if (tag_is(&lex->title_words, ti, "link") &&
                !(k + w < st->nb && soft(st, k + w) && T(st, k + w)->cap &&
                  !(surname_kind(st, k + w) && choose_split(st, k + w, run_len(st, k + w, 6), 0) == 0)))
                break;
            if (b.len && lex->title_words.canon[ti][0])
                wg_buf_putc(&b, ' ');
            /* "Bí thư phường X" is the secretary of the ward's Đảng ủy,
             * "Bí thư huyện X" of the Huyện ủy */
            if (party_post && b.len == tail_from + 1 && tag_is(&lex->title_words, ti, "unit") &&
                lex->title_words.canon[ti][0]) {
                const char *organ = party_of_unit(lex->title_words.canon[ti]);
                if (organ && strcmp(organ, "Đảng ủy") == 0) {
                    t->party_at = b.len;
                    wg_buf_puts(&b, "Đảng ủy ");
                } else if (organ) {
                    t->party_at = b.len;
                    wg_buf_puts(&b, organ);
                    k += w;
                    after_unit = 1;
                    dept = 0;
                    continue;
                }
            }
            if (is_party_word(lex->title_words.canon[ti]) && t->party_at == NONE)
                t->party_at = b.len;
            /* a numbered unit keeps its capital ("Quận ủy Quận 1"), and so does a
             * capitalised unit word that starts a name ("Thành ủy Buôn Ma Thuột") */
            if (tag_is(&lex->title_words, ti, "unit") && T(st, k)->cap && !lex->title_words.caps[ti] &&
                written_as_canon(st, k, w, lex->title_words.canon[ti]) &&
                ((w == 1 && k + w < st->nb && soft(st, k + w) && T(st, k + w)->digit) || after_unit)) {
                b.len -= b.len && b.ptr[b.len - 1] == ' ';
                put_written(st, &b, k, k + w - 1);
            } else if (lex->title_words.canon[ti][0])
                wg_buf_puts(&b, lex->title_words.canon[ti]);
            else
                put_written(st, &b, k, k + w - 1);
            after_unit = tag_is(&lex->title_words, ti, "unit") || is_party_word(lex->title_words.canon[ti]) ||
                         strcmp(lex->title_words.canon[ti], "UBND") == 0 ||
                         strcmp(lex->title_words.canon[ti], "HĐND") == 0;
            if (is_dept_word(lex->title_words.canon[ti]))
                dept = 1;
            else if (!tag_is(&lex->title_words, ti, "link"))
                dept = 0;
            lower_run = 0;
            k += w;
            continue;
        }
        const wg_i_token *tk = T(st, k);
        if (tk->digit) {
            put_written(st, &b, k, k);
            after_unit = 0;
            k++;
            continue;
        }
        if (tk->cap) {
            size_t n = run_len(st, k, 6);
            size_t s = n ? choose_split(st, k, n, after_unit) : NONE;
            if (s != NONE) {
                if (s > 0)
                    put_written(st, &b, k, k + s - 1);
                t->name_at = k + s;
                t->name_len = n - s;
                k += s;
                break;
            }
            if (!n)
                n = 1; /* an acronym: "XIV", "HCM" */
            put_written(st, &b, k, k + n - 1);
            if (!dept && is_dept_fold(T(st, k)->fold))
                dept = 1;
            /* two-word openings: "Ngân hàng", "Công ty", "Tòa án" */
            if (!dept && k + 1 < st->nb && soft(st, k + 1)) {
                char *two = folded_span(st, k, k + 1);
                dept = two && is_dept_fold(two);
                free(two);
            }
            in_place = after_unit && !allcaps(st, k);
            k += n;
            after_unit = 0;
            lower_run = 0;
            continue;
        }
        /* the lower-case syllables of a department's name: "Ban Tổ chức" */
        if (dept && lower_run < 2 && k > i && T(st, k - 1)->cap) {
            put_written(st, &b, k, k);
            lower_run++;
            k++;
            continue;
        }
        break;
    }
    t->end = k;
    t->member = tag_is(&lex->titles, idx, "member") && b.len == tail_from;
    /* "Trưởng ban" + a department's name: "Trưởng Ban Tổ chức" */
    if (!b.failed && b.len > tail_from + 1 && tail_from >= 4 && strncmp(b.ptr + tail_from - 4, " ban", 4) == 0) {
        uint32_t cp;
        wg_utf8_decode(b.ptr + tail_from + 1, &cp);
        if (u_isupper((UChar32)cp))
            b.ptr[tail_from - 3] = 'B';
    }
    if (b.failed) {
        wg_buf_free(&b);
        return WG_ENOMEM;
    }
    t->text = wg_buf_detach(&b);
    return t->text ? 1 : WG_ENOMEM;
}

/* A title chain at i: titles separated by commas, dashes or "kiêm".
 * Collects the titles into *out (chair markers set *chair); returns the
 * first token after it, with *name_at / *name_len when a name follows the
 * last title directly. Returns i when no title starts at i. */
static size_t parse_chain(const ostate *st, size_t i, strvec *out, int *chair, size_t *name_at,
                          size_t *name_len, size_t *last_start, int *err)
{
    size_t k = i, member_from = NONE;
    *last_start = i;
    *name_at = NONE;
    *name_len = 0;
    for (;;) {
        otitle t;
        int r = parse_title(st, k, &t);
        if (r < 0) {
            *err = r;
            return i;
        }
        if (r == 0)
            break;
        if (t.chair) {
            *chair = 1;
            /* its description ("Trưởng đoàn công tác của Ban Thường vụ ...
             * phụ trách xã ...") runs to the next dash */
            size_t j = t.end;
            size_t hw;
            while (j < st->nb && j < t.end + 25 && !(T(st, j)->gap & (WG_GAP_DASH | CHAIN_STOP)) &&
                   phrase_at(st, &st->lex->honorifics, j, &hw) == NONE &&
                   !(surname_kind(st, j) && run_len(st, j, 5) >= 3))
                j++;
            free(t.text);
            if (j < st->nb && (T(st, j)->gap & WG_GAP_DASH) && !(T(st, j)->gap & CHAIN_STOP)) {
                k = j;
                continue;
            }
            k = t.end;
            break;
        }
        /* "Ủy viên Ban Thường vụ, Trưởng ban ... Thành ủy X": the member's organ
         * is the committee the next title names */
        if (member_from != NONE && t.party_at != NONE) {
            for (size_t m = member_from; m < out->n; m++) {
                wg_buf nb = WG_BUF_INIT;
                wg_buf_puts(&nb, out->v[m]);
                wg_buf_putc(&nb, ' ');
                wg_buf_puts(&nb, t.text + t.party_at);
                char *s = wg_buf_detach(&nb);
                if (!s) {
                    free(t.text);
                    *err = WG_ENOMEM;
                    return i;
                }
                free(out->v[m]);
                out->v[m] = s;
            }
            member_from = NONE;
        }
        if (t.member && t.party_at == NONE && member_from == NONE)
            member_from = out->n;
        if (sv_push(out, t.text) < 0) {
            free(t.text);
            *err = WG_ENOMEM;
            return i;
        }
        free(t.text);
        k = t.end;
        *last_start = t.start;
        if (t.name_at != NONE) {
            *name_at = t.name_at;
            *name_len = t.name_len;
            return k;
        }
        if (k < st->nb && (T(st, k)->gap & CHAIN_GAP) && !(T(st, k)->gap & CHAIN_STOP))
            continue;
        if (k + 1 < st->nb && fold_is(st, k, "kiêm") && soft(st, k) && soft(st, k + 1)) {
            k++;
            continue;
        }
        break;
    }
    return k;
}

/* Honorifics from i ("đồng chí", "Đ/c", "đồng chí Thượng tướng"); the
 * first token after them (i when none). */
static size_t skip_honorifics(const ostate *st, size_t i)
{
    size_t k = i, w;
    while (k < st->nb && (k == i || soft(st, k)) && phrase_at(st, &st->lex->honorifics, k, &w) != NONE)
        k += w;
    return k;
}

/* ---- pass 0: names written with unambiguous evidence ---- */

static int collect_strong(ostate *st)
{
    size_t w;
    for (size_t i = 0; i < st->nb; i++) {
        size_t k = skip_honorifics(st, i), n;
        if (k > i && k < st->nb && soft(st, k) && surname_kind(st, k)) {
            n = run_len(st, k, 5);
            if (n >= 2 && n <= 4) {
                char *f = folded_span(st, k, k + n - 1);
                int err = f ? wg_strmap_put(&st->strong, f, 2) : WG_ENOMEM;
                free(f);
                if (err < 0)
                    return err;
            }
            continue;
        }
        if (surname_kind(st, i) && !(i > 0 && soft(st, i) && name_tok(st, i - 1))) {
            n = run_len(st, i, 5);
            size_t e = i + n;
            if (n >= 2 && n <= 4 && e < st->nb && (T(st, e)->gap & CHAIN_GAP) &&
                !(T(st, e)->gap & CHAIN_STOP) &&
                (phrase_at(st, &st->lex->titles, e, &w) != NONE ||
                 (fold_is(st, e, "nguyên") && phrase_at(st, &st->lex->titles, e + 1, &w) != NONE))) {
                char *f = folded_span(st, i, e - 1);
                size_t have = 0;
                int err = f ? (wg_strmap_get(&st->strong, f, &have) ? 0 : wg_strmap_put(&st->strong, f, 1)) : WG_ENOMEM;
                free(f);
                if (err < 0)
                    return err;
            }
        }
    }
    return 0;
}

/* ---- pass 1 ---- */

/* "Đoàn công tác của Ban Dân vận Trung ương do Phó Trưởng ban X dẫn đầu":
 * a bare "(Phó) Trưởng ban" heads the Ban the sentence named before it. */
static int ban_from_context(const ostate *st, size_t at, strvec *titles)
{
    for (size_t t = 0; t < titles->n; t++) {
        const char *ti = titles->v[t];
        size_t l = strlen(ti);
        if (l < 4 || strcmp(ti + l - 4, " ban") != 0)
            continue;
        for (size_t k = at; k-- > 0 && at - k < 30 && T(st, k)->fsent == T(st, at)->fsent;) {
            if (!fold_is(st, k, "ban") || !T(st, k)->cap || !(k + 1 < st->nb && soft(st, k + 1) && T(st, k + 1)->cap))
                continue;
            size_t e = k + 1;
            while (e < at && soft(st, e) && (T(st, e)->cap || (T(st, e - 1)->cap && e - 1 > k)))
                e++;
            wg_buf b = WG_BUF_INIT;
            wg_buf_put(&b, ti, l - 3);
            wg_buf_puts(&b, "Ban");
            put_written(st, &b, k + 1, e - 1);
            char *nt = wg_buf_detach(&b);
            if (!nt)
                return WG_ENOMEM;
            free(titles->v[t]);
            titles->v[t] = nt;
            break;
        }
    }
    return 0;
}

static int add_omention(ostate *st, size_t a, size_t b, size_t ext_first, size_t ext_last,
                        const strvec *titles, unsigned roles)
{
    omention *m;
    if (wg_i_grow(&st->m, &st->mcap, st->nm + 1, sizeof *st->m) < 0)
        return WG_ENOMEM;
    m = &st->m[st->nm];
    memset(m, 0, sizeof *m);
    m->first = a;
    m->last = b;
    m->ext_first = ext_first;
    m->ext_last = ext_last;
    m->roles = roles;
    if ((m->name = wg_i_capitalised(st->c, a, b)) == NULL)
        return WG_ENOMEM;
    st->nm++;
    if (titles && sv_copy(&m->titles, titles) < 0)
        return WG_ENOMEM;
    for (size_t k = a; k <= b; k++)
        st->used[k] = 1;
    char *f = folded_span(st, a, b);
    size_t have;
    int err = 0;
    if (!f)
        return WG_ENOMEM;
    if (!wg_strmap_get(&st->accepted, f, &have))
        err = wg_strmap_put(&st->accepted, f, st->nm - 1);
    free(f);
    return err;
}

/* Titles written after the name ending at b: "(…)", then ", T1, T2" or
 * " – T1"; or "làm / giữ chức / được bầu giữ chức T". Returns the first
 * token after them. */
static size_t titles_after(const ostate *st, size_t b, strvec *titles, int *chair, int *via_verb, int *err)
{
    size_t k = b + 1, na, nl, ls;
    *via_verb = 0;
    if (k < st->nb && (T(st, k)->gap & WG_GAP_OPEN) && !(T(st, k)->gap & (WG_GAP_STOP | WG_GAP_NL))) {
        size_t j = k;
        while (j < st->nb && j < k + 30 && !(T(st, j)->gap & (WG_GAP_CLOSE | WG_GAP_STOP | WG_GAP_NL)))
            j++;
        if (j < st->nb && (T(st, j)->gap & WG_GAP_CLOSE)) {
            /* a post in brackets: "(nguyên Phó Chủ tịch TP Thủ Đức)", "(Chủ tịch UBND xã)" */
            size_t n0 = titles->n;
            size_t e = parse_chain(st, k, titles, chair, &na, &nl, &ls, err);
            if (e < j && titles->n > n0 && !(T(st, e)->gap & (WG_GAP_CLOSE | CHAIN_GAP)))
                while (titles->n > n0) /* more than a title in the brackets: not a post */
                    free(titles->v[--titles->n]);
            k = j;
        }
    }
    if (k < st->nb && (T(st, k)->gap & CHAIN_GAP) && !(T(st, k)->gap & CHAIN_STOP)) {
        size_t n0 = titles->n;
        size_t e = parse_chain(st, k, titles, chair, &na, &nl, &ls, err);
        if (na != NONE && titles->n > n0) {
            /* the last title introduces the next name: "A, B, Bí thư Thành ủy C" */
            free(titles->v[--titles->n]);
            e = ls;
        }
        if (e > k)
            k = e;
        return k;
    }
    static const char *const verbs[] = {"được bầu giữ chức", "được bầu làm", "được chỉ định làm",
                                        "được bổ nhiệm làm", "được bổ nhiệm giữ chức", "giữ chức",
                                        "cùng làm", "làm", "hiện là", "nguyên là", "là"};
    if (k < st->nb && soft(st, k)) {
        for (size_t v = 0; v < WG_ARRAY_LEN(verbs); v++) {
            int w = wg_i_tokens_are(st->c, k, verbs[v]);
            if (w && k + (size_t)w < st->nb && soft(st, k + (size_t)w)) {
                size_t e = parse_chain(st, k + (size_t)w, titles, chair, &na, &nl, &ls, err);
                if (e > k + (size_t)w) {
                    *via_verb = 1;
                    return e;
                }
                break;
            }
        }
    }
    return k;
}

/* Is the name at a written as a place, street or idea ("đường Nguyễn Huệ")? */
static int not_person_before(const ostate *st, size_t a)
{
    size_t w;
    for (size_t back = 1; back <= 3 && back <= a; back++) {
        if (!soft(st, a - back + 1))
            break;
        if (phrase_at(st, &st->lex->not_person, a - back, &w) != NONE && a - back + w == a)
            return 1;
    }
    return 0;
}

static int pass_names(ostate *st)
{
    strvec list_titles = {0};
    size_t list_fsent = NONE;
    int err = 0;
    for (size_t i = 0; i < st->nb && !err; i++) {
        if (st->used[i])
            continue;
        if (list_fsent != NONE && T(st, i)->fsent != list_fsent) {
            sv_free(&list_titles);
            list_fsent = NONE;
        }
        strvec titles = {0};
        int chair = 0;
        size_t a = NONE, len = 0, na, nl, ls;
        size_t h = skip_honorifics(st, i), hw;
        int hon = h > i;
        /* "ông", "bà" are said of anyone: they need a title somewhere */
        int weak_hon = hon && tag_is(&st->lex->honorifics, phrase_at(st, &st->lex->honorifics, i, &hw), "weak") &&
                       i + hw == h;
        int plural = i > 0 && (fold_is(st, i - 1, "các") || fold_is(st, i - 1, "hai") || fold_is(st, i - 1, "ba"));
        size_t ce = (h < st->nb && (!hon || soft(st, h))) ? parse_chain(st, h, &titles, &chair, &na, &nl, &ls, &err) : h;
        if (err)
            break;
        if (ce > h && na != NONE) {
            a = na;
            len = nl;
        } else if (ce > h && na == NONE && ce < st->nb && (T(st, ce)->gap & WG_GAP_DASH) &&
                   !(T(st, ce)->gap & CHAIN_STOP) && surname_kind(st, ce) &&
                   (a = name_from(st, ce, &len, 1)) != NONE && !not_person_before(st, a)) {
            /* "Phó Chủ tịch UBND huyện Tháp Mười - Lê Văn Ngọt đã tiếp" */
        } else if (ce > h && na == NONE) {
            /* a title for the list that follows: "các đồng chí Ủy viên Ban TVTU: A, ...; B, ..." */
            if (ce < st->nb && (T(st, ce)->gap & WG_GAP_COLON)) {
                sv_free(&list_titles);
                list_titles = titles;
                memset(&titles, 0, sizeof titles);
                list_fsent = T(st, ce)->fsent;
            }
            sv_free(&titles);
            i = ce - 1;
            continue;
        } else if (hon && h < st->nb && soft(st, h) && name_tok(st, h)) {
            a = name_from(st, h, &len, 0);
        } else if (!hon && surname_kind(st, i) && !(i > 0 && soft(st, i) && name_tok(st, i - 1))) {
            a = name_from(st, i, &len, 1);
        }
        if (a == NONE || len < 2) {
            sv_free(&titles);
            continue;
        }
        size_t b = a + len - 1;
        size_t before = titles.n;
        int via_verb = 0;
        size_t after_end = titles_after(st, b, &titles, &chair, &via_verb, &err);
        if (err) {
            sv_free(&titles);
            break;
        }
        if (!err && titles.n)
            err = ban_from_context(st, i, &titles);
        int has_after = titles.n > before || chair;
        int in_list = list_fsent != NONE && T(st, a)->fsent == list_fsent &&
                      (T(st, i)->gap & (WG_GAP_SEMI | WG_GAP_COLON));
        int evidence = before > 0 || has_after || in_list || (hon && surname_kind(st, a));
        int weak_only = weak_hon && before == 0 && !has_after && !in_list;
        if (!hon && before == 0 && not_person_before(st, a))
            evidence = 0;
        if (!evidence) {
            sv_free(&titles);
            continue;
        }
        if (in_list && sv_copy(&titles, &list_titles) < 0)
            err = WG_ENOMEM;
        size_t ext_last = after_end > b + 1 ? after_end - 1 : b;
        if (!err)
            err = add_omention(st, a, b, i, ext_last, &titles, chair ? WG_ROLE_CHAIR : 0);
        if (!err)
            st->m[st->nm - 1].weak = weak_only;
        /* "bà A và bà B cùng làm Phó Bí thư ...": the post is both's */
        if (!err && via_verb && st->nm >= 2) {
            omention *p = &st->m[st->nm - 2];
            if (p->last + 1 < i && fold_is(st, p->last + 1, "và") && p->last + 2 == i)
                err = sv_copy(&p->titles, &titles);
        }
        /* names sharing the titles before them: "các Phó Chủ tịch Trần Văn An- Phạm Thị Hoa" */
        size_t k = b + 1;
        /* and bare names after a plural honorific: "các đồng chí A, B và C" */
        while (!err && plural && (before > 0 || (hon && !weak_hon)) && !has_after && k < st->nb &&
               ((T(st, k)->gap & (WG_GAP_DASH | WG_GAP_COMMA)) || fold_is(st, k, "và"))) {
            size_t s = fold_is(st, k, "và") ? k + 1 : k, l2;
            size_t a2 = surname_kind(st, s) ? name_from(st, s, &l2, 1) : NONE;
            if (a2 == NONE)
                break;
            size_t e2 = a2 + l2;
            if (e2 < st->nb && (T(st, e2)->gap & CHAIN_GAP) && phrase_at(st, &st->lex->titles, e2, &na) != NONE)
                break; /* it has titles of its own */
            err = add_omention(st, a2, e2 - 1, s, e2 - 1, &titles, 0);
            k = e2;
            ext_last = e2 - 1;
        }
        sv_free(&titles);
        if (ext_last > i)
            i = ext_last;
    }
    sv_free(&list_titles);
    return err;
}

/* ---- pass 2: later mentions ---- */

static int pass_repeats(ostate *st)
{
    size_t nfirst = st->nm;
    int err = 0;
    /* the folded names of pass 1, and which ones are a short name's
     * candidates: a map from the last syllable to the first mention with it,
     * or nfirst when two different people share it */
    char **folded = wg_i_calloc(nfirst + 1, sizeof *folded);
    if (!folded)
        return WG_ENOMEM;
    for (size_t m = 0; m < nfirst; m++)
        if ((folded[m] = wg_i_fold(st->m[m].name, strlen(st->m[m].name))) == NULL)
            err = WG_ENOMEM;
    for (size_t i = 0; i < st->nb && !err; i++) {
        if (st->used[i] || !name_tok(st, i))
            continue;
        /* an honorific right before: "Ông Minh" is "ông" + "Minh" */
        int hon = 0;
        for (size_t back = 1; back <= 3 && back <= i && !hon; back++) {
            size_t w;
            if (phrase_at(st, &st->lex->honorifics, i - back, &w) != NONE && i - back + w == i && soft(st, i))
                hon = 1;
        }
        if (!hon && i > 0 && soft(st, i) && name_tok(st, i - 1))
            continue;
        size_t n = run_len(st, i, 5), idx;
        int done = 0;
        /* the full name again, or with a stray word before it */
        for (size_t s = 0; s < n && !done; s++) {
            if (n - s < 2 || n - s > 4 || st->used[i + s])
                continue;
            char *f = folded_span(st, i + s, i + n - 1);
            if (!f) {
                err = WG_ENOMEM;
                break;
            }
            if (wg_strmap_get(&st->accepted, f, &idx) && !not_person_before(st, i + s)) {
                err = add_omention(st, i + s, i + n - 1, i + s, i + n - 1, NULL, 0);
                if (!err)
                    st->m[st->nm - 1].weak = 2;
                done = 1;
            }
            free(f);
        }
        if (done || err || n == 0 || n > 2)
            continue;
        /* an honorific and the given name: "đồng chí Phú", "bà Thu" */
        if (!hon)
            continue;
        char *f = folded_span(st, i, i + n - 1);
        size_t fl = f ? strlen(f) : 0, found = NONE;
        int ambiguous = 0;
        if (!f) {
            err = WG_ENOMEM;
            break;
        }
        for (size_t m = 0; m < nfirst && !ambiguous; m++) {
            const char *full = folded[m];
            size_t ll = strlen(full);
            if (ll > fl && strcmp(full + ll - fl, f) == 0 && full[ll - fl - 1] == ' ') {
                if (found != NONE && strcmp(folded[found], full) != 0)
                    ambiguous = 1;
                found = m;
            }
        }
        free(f);
        if (found != NONE && !ambiguous) {
            omention *m;
            if (wg_i_grow(&st->m, &st->mcap, st->nm + 1, sizeof *st->m) < 0) {
                err = WG_ENOMEM;
                break;
            }
            m = &st->m[st->nm];
            memset(m, 0, sizeof *m);
            m->first = m->ext_first = i;
            m->last = m->ext_last = i + n - 1;
            m->weak = 2;
            if ((m->name = wg_i_strdup(st->m[found].name)) == NULL) {
                err = WG_ENOMEM;
                break;
            }
            st->nm++;
            for (size_t k = i; k < i + n; k++)
                st->used[k] = 1;
        }
    }
    for (size_t m = 0; m < nfirst; m++)
        free(folded[m]);
    free(folded);
    return err;
}

/* ---- pass 3: roles ---- */

static unsigned role_bit(const char *r)
{
    if (strcmp(r, "chair") == 0)
        return WG_ROLE_CHAIR;
    if (strcmp(r, "attendee") == 0)
        return WG_ROLE_ATTENDEE;
    if (strcmp(r, "speaker") == 0)
        return WG_ROLE_SPEAKER;
    return 0;
}

/* "dự" is also the first syllable of "dự án", "dự toán", "dự thảo" ... */
static int false_du(const ostate *st, size_t k, size_t w)
{
    static const char *const next[] = {"án", "toán", "thảo", "kiến", "báo", "trữ", "phòng", "định", "thi",
                                       "tuyển", "bị", "khuyết", "luật", "thầu", "đoán", "trù", "giờ", "tính"};
    if (w != 1 || strcmp(T(st, k)->fold, "dự") != 0)
        return 0;
    if (k > 0 && (fold_is(st, k - 1, "vinh") || fold_is(st, k - 1, "can")) && soft(st, k))
        return 1;
    if (k + 1 < st->nb && soft(st, k + 1))
        for (size_t i = 0; i < WG_ARRAY_LEN(next); i++)
            if (fold_is(st, k + 1, next[i]))
                return 1;
    return 0;
}

/* "kết luận" as a noun: "kết luận của Thủ tướng", "Kết luận số 12". */
static int noun_ket_luan(const ostate *st, size_t k, size_t w)
{
    if (!wg_i_tokens_are(st->c, k, "kết luận") || w != 2)
        return 0;
    return k + 2 < st->nb && (fold_is(st, k + 2, "của") || fold_is(st, k + 2, "số") || T(st, k + 2)->digit ||
                              fold_is(st, k + 2, "thủ") || fold_is(st, k + 2, "thanh"));
}

static int pass_roles(ostate *st)
{
    const wg_i_phrases *ph = &st->lex->roles;
    size_t w;
    unsigned char *inext = wg_i_calloc(st->nb + 1, 1);
    if (!inext)
        return WG_ENOMEM;
    /* tokens of a name or its titles ("Trưởng đoàn ĐBQH" is no role) */
    for (size_t m = 0; m < st->nm; m++)
        for (size_t k = st->m[m].ext_first; k <= st->m[m].ext_last && k < st->nb; k++)
            inext[k] = 1;
    for (size_t t = 0; t < st->nb; t++) {
        size_t idx = inext[t] ? NONE : phrase_at(st, ph, t, &w);
        if (idx == NONE || false_du(st, t, w) || noun_ket_luan(st, t, w))
            continue;
        unsigned bit = role_bit(ph->canon[idx]);
        const char *mode = ph->tag[idx];
        size_t fs = T(st, t)->fsent, te = t + w;
        /* the mentions of this sentence: [lo, hi) of the sorted mentions */
        size_t lo = 0, hi = st->nm;
        while (lo < hi) {
            size_t mid = lo + (hi - lo) / 2;
            if (T(st, st->m[mid].first)->fsent < fs)
                lo = mid + 1;
            else
                hi = mid;
        }
        hi = lo;
        while (hi < st->nm && T(st, st->m[hi].first)->fsent == fs)
            hi++;
        if (lo == hi)
            continue;
        /* the previous role phrase of this sentence bounds the subjects */
        size_t from = t;
        while (from > 0 && T(st, from - 1)->fsent == fs && t - from < 200)
            from--;
        for (size_t k = t; k-- > from;) {
            size_t w2;
            if (!inext[k] && phrase_at(st, ph, k, &w2) != NONE && k + w2 <= t && !false_du(st, k, w2)) {
                from = k + w2;
                break;
            }
        }
        /* "... có [các đồng chí:] X, Y": everyone after "có" */
        size_t co = NONE, first_after = NONE;
        for (size_t m = lo; m < hi; m++)
            if (st->m[m].ext_first >= te && T(st, st->m[m].ext_first)->fsent == fs &&
                (first_after == NONE || st->m[m].ext_first < st->m[first_after].ext_first))
                first_after = m;
        for (size_t k = te; k < st->nb && T(st, k)->fsent == fs && k < te + 200; k++) {
            if (first_after != NONE && k >= st->m[first_after].ext_first)
                break;
            if (fold_is(st, k, "có")) {
                co = k;
                break;
            }
        }
        int subject_before = 0;
        for (size_t m = lo; m < hi && !subject_before; m++)
            subject_before = st->m[m].ext_last < t && st->m[m].ext_first >= from;
        /* "Chủ trì buổi làm việc có các đồng chí: A, ...; B, ..." */
        if (first_after != NONE && co != NONE && (bit == WG_ROLE_ATTENDEE || !subject_before) &&
            strcmp(mode, "front") != 0) {
            for (size_t m = lo; m < hi; m++)
                if (st->m[m].ext_first > co && T(st, st->m[m].ext_first)->fsent == fs)
                    st->m[m].roles |= bit;
            continue;
        }
        if (strcmp(mode, "co") == 0)
            continue;
        if (strcmp(mode, "after") == 0) {
            for (size_t m = lo; m < hi; m++)
                if (st->m[m].ext_first >= te && T(st, st->m[m].ext_first)->fsent == fs)
                    st->m[m].roles |= bit;
            continue;
        }
        /* the subject written before the phrase */
        size_t near = NONE;
        for (size_t m = lo; m < hi; m++)
            if (st->m[m].ext_last < t && st->m[m].ext_first >= from &&
                (near == NONE || st->m[m].ext_last > st->m[near].ext_last))
                near = m;
        if (near != NONE && strcmp(mode, "front") != 0) {
            size_t gap = t - st->m[near].ext_last - 1, g0 = st->m[near].ext_last + 1;
            int listy = gap > 0 && ((T(st, g0)->gap & (WG_GAP_SEMI | WG_GAP_COMMA)) || fold_is(st, g0, "cùng") ||
                                    fold_is(st, g0, "và"));
            if (gap <= 14 || listy)
                for (size_t m = lo; m < hi; m++)
                    if (st->m[m].ext_last < t && st->m[m].ext_first >= from)
                        st->m[m].roles |= bit;
            continue;
        }
        if (near != NONE)
            continue;
        /* a phrase that opens the sentence: its subject follows the comma
         * ("Phát biểu tại hội nghị, đồng chí X ...") */
        if (first_after != NONE) {
            int comma = 0;
            for (size_t k = te; k <= st->m[first_after].ext_first && !comma; k++)
                comma = (T(st, k)->gap & WG_GAP_COMMA) != 0;
            if (comma)
                st->m[first_after].roles |= bit;
        }
    }
    free(inext);
    return 0;
}

/* ---- output ---- */

/* Drops a title that another title of the person extends ("Bí thư" beside
 * "Bí thư Thành ủy TPHCM"). */
static int redundant(const strvec *v, size_t i)
{
    char *a = wg_i_fold(v->v[i], strlen(v->v[i]));
    int r = 0;
    size_t la = a ? strlen(a) : 0;
    for (size_t j = 0; j < v->n && a && !r; j++) {
        if (j == i)
            continue;
        char *b = wg_i_fold(v->v[j], strlen(v->v[j]));
        if (b) {
            size_t lb = strlen(b);
            r = (lb > la && strncmp(a, b, la) == 0 && b[la] == ' ') || (lb == la && strcmp(a, b) == 0 && j < i);
        }
        free(b);
    }
    free(a);
    return r;
}

static int emit(ostate *st)
{
    wg_i_ctx *c = st->c;
    size_t first_ent = c->art->nentities;
    strvec *per = NULL;
    int err = 0;
    if ((per = wg_i_calloc(st->nm + 1, sizeof *per)) == NULL)
        return WG_ENOMEM;
    for (size_t i = 0; i < st->nm && !err; i++) {
        omention *m = &st->m[i];
        char *key = wg_i_make_key(WG_OFFICIAL, m->name);
        if (!key) {
            err = WG_ENOMEM;
            break;
        }
        err = wg_i_add_mention(c, WG_OFFICIAL, m->name, m->first, m->last, NULL, m->roles);
        size_t e = err ? NONE : wg_i_entity_index(c, key);
        free(key);
        if (!err && e != NONE && e >= first_ent && e - first_ent <= st->nm)
            err = sv_copy(&per[e - first_ent], &m->titles);
    }
    for (size_t e = first_ent; e < c->art->nentities && !err; e++) {
        wg_entity *ent = &c->art->entities[e];
        strvec *all = &per[e - first_ent];
        if (ent->type != WG_OFFICIAL || e - first_ent > st->nm)
            continue;
        for (size_t i = 0; i < all->n && !err; i++) {
            if (redundant(all, i))
                continue;
            size_t cap = ent->ntitles;
            if (wg_i_grow(&ent->titles, &cap, ent->ntitles + 1, sizeof *ent->titles) < 0 ||
                (ent->titles[ent->ntitles] = wg_i_strdup(all->v[i])) == NULL)
                err = WG_ENOMEM;
            else
                ent->ntitles++;
        }
    }
    for (size_t i = 0; i <= st->nm; i++)
        sv_free(&per[i]);
    free(per);
    return err;
}

/* "ông X" with no title anywhere in the article is a citizen, not an official. */
static int drop_weak(ostate *st)
{
    wg_strmap titled = {0};
    size_t v, out = 0;
    int err = 0;
    for (size_t m = 0; m < st->nm && !err; m++)
        if (st->m[m].weak == 0 || st->m[m].titles.n)
            err = wg_strmap_put(&titled, st->m[m].name, 1);
    for (size_t m = 0; m < st->nm; m++) {
        if (!err && !wg_strmap_get(&titled, st->m[m].name, &v)) {
            free(st->m[m].name);
            sv_free(&st->m[m].titles);
            continue;
        }
        st->m[out++] = st->m[m];
    }
    st->nm = out;
    wg_strmap_free(&titled);
    return err;
}

static int by_position(const void *x, const void *y)
{
    const omention *a = x, *b = y;
    return a->first < b->first ? -1 : a->first > b->first;
}

int wg_i_find_officials(wg_i_ctx *c)
{
    ostate st;
    int err;
    memset(&st, 0, sizeof st);
    st.c = c;
    st.lex = c->lex;
    while (st.nb < c->ntok && c->tok[st.nb].start < c->doc->body_end)
        st.nb++;
    if ((st.used = wg_i_calloc(st.nb + 1, 1)) == NULL)
        return WG_ENOMEM;
    err = collect_strong(&st);
    if (!err)
        err = pass_names(&st);
    if (!err)
        err = pass_repeats(&st);
    if (!err)
        err = drop_weak(&st);
    if (!err && st.nm > 1)
        qsort(st.m, st.nm, sizeof *st.m, by_position);
    if (!err)
        err = pass_roles(&st);
    if (!err)
        err = emit(&st);
    for (size_t i = 0; i < st.nm; i++) {
        free(st.m[i].name);
        sv_free(&st.m[i].titles);
    }
    free(st.m);
    free(st.used);
    wg_strmap_free(&st.strong);
    wg_strmap_free(&st.accepted);
    return err;
}

/* ---- keys: one person per name and province ---- */

/* A national post: its holder is the same person in every province. */
static int national(const wg_entity *e)
{
    static const char *const words[] = {"trung ương", "bộ chính trị", "chính phủ", "thủ tướng", "ban bí thư",
                                        "bộ trưởng", "thứ trưởng", "tổng bí thư", "chủ tịch nước", "chủ tịch quốc hội"};
    for (size_t t = 0; t < e->ntitles; t++) {
        char *f = wg_i_fold(e->titles[t], strlen(e->titles[t]));
        int hit = 0;
        for (size_t w = 0; f && w < WG_ARRAY_LEN(words) && !hit; w++)
            hit = strstr(f, words[w]) != NULL;
        free(f);
        if (hit)
            return 1;
    }
    return 0;
}

/* The province of a ward or committee key ("ward:phường-x.cà-mau",
 * "committee:tỉnh-ủy.tỉnh-cà-mau"), or NULL. */
static const char *key_province(const wg_entity *e, size_t *len)
{
    const char *dot = strrchr(e->key, '.');
    if (!dot || (e->type != WG_WARD && e->type != WG_COMMITTEE))
        return NULL;
    /* a body the article could not place is keyed by the article ("….bài-x.txt") */
    if (strstr(e->key, ".bài-"))
        return NULL;
    dot++;
    if (e->type == WG_COMMITTEE) {
        /* only committees whose scope names a province or a city under the centre */
        if (strncmp(dot, "tỉnh-", strlen("tỉnh-")) == 0)
            dot += strlen("tỉnh-");
        else if (strncmp(dot, "thành-phố-", strlen("thành-phố-")) == 0 && strchr(e->key, '.') != strrchr(e->key, '.'))
            dot += strlen("thành-phố-");
        else if (strchr(e->key, '.') == strrchr(e->key, '.'))
            return NULL;
    }
    *len = strlen(dot);
    return *len ? dot : NULL;
}

/* Two officials of the same name in different provinces are two people
 * (SPEC section 3: merge only on evidence). The article's province is the
 * one its wards name most (committees when it names no ward); a holder of
 * a national post keeps the bare name. Runs after the places recogniser. */
int wg_i_scope_officials(wg_i_ctx *c)
{
    wg_article *a = c->art;
    const char *best = NULL;
    size_t bestlen = 0, bestn = 0;
    for (int pass = 0; pass < 2 && !best; pass++) {
        for (size_t i = 0; i < a->nentities; i++) {
            size_t l, n = 0;
            const char *p;
            if (a->entities[i].type != (pass == 0 ? WG_WARD : WG_COMMITTEE) ||
                (p = key_province(&a->entities[i], &l)) == NULL)
                continue;
            for (size_t j = 0; j < a->nentities; j++) {
                size_t l2;
                const char *q;
                if (a->entities[j].type == a->entities[i].type && (q = key_province(&a->entities[j], &l2)) != NULL &&
                    l2 == l && memcmp(p, q, l) == 0)
                    n += a->entities[j].nmentions;
            }
            if (n > bestn) {
                best = p;
                bestlen = l;
                bestn = n;
            }
        }
    }
    if (!best)
        return 0;
    char *prov = wg_i_strndup(best, bestlen);
    if (!prov)
        return WG_ENOMEM;
    for (size_t i = 0; i < a->nentities; i++) {
        wg_entity *e = &a->entities[i];
        if (e->type != WG_OFFICIAL || national(e))
            continue;
        wg_buf b = WG_BUF_INIT;
        wg_buf_puts(&b, e->key);
        wg_buf_putc(&b, '.');
        wg_buf_puts(&b, prov);
        char *k = wg_buf_detach(&b);
        if (!k) {
            free(prov);
            return WG_ENOMEM;
        }
        free(e->key);
        e->key = k;
    }
    free(prov);
    return 0;
}
