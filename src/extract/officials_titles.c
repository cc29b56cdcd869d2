/* Officials: titles — a position from titles.txt and its organ and scope
 * words, chains of titles ("Bí thư Tỉnh ủy, Chủ tịch HĐND tỉnh"), and the
 * titles written after a name. */
#include <string.h>
#include <unicode/uchar.h>
#include "extract/officials.h"
#include "extract/places.h"

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
    char *f = wg_i_o_folded_span(st, k, k + w - 1), *g = wg_i_fold(canon, strlen(canon));
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
    if (k >= st->nb || (T(st, k)->gap & ~(WG_GAP_DASH | WG_GAP_SPACE)) || !wg_i_o_name_tok(st, k) || wg_i_o_allcaps(st, k))
        return 0;
    if (wg_i_o_phrase_at(st, &st->lex->titles, k, &w) != NONE || wg_i_o_phrase_at(st, &st->lex->title_words, k, &w) != NONE)
        return 0;
    n = wg_i_o_run_len(st, k, 4);
    return n >= 1 && n <= 3 && wg_i_o_choose_split(st, k, n, 0) == NONE;
}

/* The most tokens from k (at most n) that spell a unit's name in the
 * gazetteer ("trần văn thời"), or 0. */
static size_t gazetteer_prefix(const ostate *st, size_t k, size_t n)
{
    const wg_i_places *pl = st->lex->places;
    size_t best = 0;
    if (!pl)
        return 0;
    for (size_t len = 1; len <= n && len <= pl->max_words; len++) {
        char *f = wg_i_o_folded_span(st, k, k + len - 1);
        if (!f)
            return 0;
        if (wg_strmap_get(&pl->bare, f, NULL))
            best = len;
        free(f);
    }
    return best;
}

/* Capitalised words that open an institution's name, whose later syllables
 * may be lower-case ("Trường Đại học Vinh", "Viện Kiểm sát"). */
static int is_dept_fold(const char *f)
{
    static const char *const d[] = {"trường", "viện", "học viện", "bệnh viện", "sở", "bộ", "ban", "cục", "chi cục",
                                    "hội", "trung tâm", "tòa án", "công ty", "ngân hàng", "kho bạc", "báo", "đài",
                                    "vụ", "tổ", "đoàn", "phòng", "văn phòng", "ủy ban", "hội đồng"};
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
    int numbered;    /* ... unless the delegation has a number: "Trưởng đoàn kiểm tra số 13" */
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
    int num_ok = 1; /* a number may follow: right after the position or an organ word */
    size_t n_fig;
    memset(t, 0, sizeof *t);
    t->name_at = NONE;
    t->party_at = NONE;
    t->start = i;
    if (fold_is(st, k, "nguyên") && soft(st, k + 1)) {
        wg_buf_puts(&b, "nguyên");
        k++;
    }
    if (k >= st->nb || (idx = wg_i_o_phrase_at(st, &lex->titles, k, &w)) == NONE) {
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
        wg_i_o_put_written(st, &b, k, k + w - 1);
    dept = is_dept_word(lex->titles.canon[idx]) || ends_with_ban(lex->titles.canon[idx]);
    k += w;
    tail_from = b.len;
    /* a numbered delegation is a post: "Trưởng đoàn kiểm tra số 13" */
    if (t->chair) {
        size_t j = k;
        while (j < st->nb && j < k + 3 && soft(st, j) && !T(st, j)->cap && !T(st, j)->digit && !fold_is(st, j, "số"))
            j++;
        if (fold_is(st, j, "số") && soft(st, j) && j + 1 < st->nb && soft(st, j + 1) && T(st, j + 1)->digit) {
            wg_i_o_put_written(st, &b, k, j + 1);
            t->numbered = 1;
            k = j + 2;
            t->end = k;
            t->text = wg_buf_detach(&b);
            return t->text ? 1 : WG_ENOMEM;
        }
    }
    int in_place = 0;
    while (k < st->nb && (soft(st, k) || (in_place && dash_place(st, k)))) {
        if (!soft(st, k)) {
            /* "Thành ủy Phan Rang – Tháp Chàm" */
            size_t n = wg_i_o_run_len(st, k, 4);
            wg_buf_puts(&b, " –");
            wg_i_o_put_written(st, &b, k, k + n - 1);
            k += n;
            in_place = 0;
            continue;
        }
        size_t ti = wg_i_o_phrase_at(st, &lex->title_words, k, &w);
        /* a verb or a term ends the title: "... UBND thành phố kiểm tra",
         * "Bí thư Thành ủy nhiệm kỳ 2020 – 2025" */
        if (tag_is(&lex->title_words, ti, "stop") && !T(st, k)->cap)
            break;
        /* an organ word that is also a verb ("kiểm tra", "tổ chức") is the
         * organ only when capitalised or after "Ban" ("Ban Tổ chức") */
        if (tag_is(&lex->title_words, ti, "verb") && !T(st, k)->cap && !(k > 0 && fold_is(st, k - 1, "ban")))
            break;
        if (ti != NONE && tag_is(&lex->title_words, ti, "stop"))
            ti = NONE;
        if (ti != NONE) {
            /* "Tuyên giáo và Dân vận" joins, "Bí thư Thành ủy và Nguyễn Văn Lộc" does not */
            if (tag_is(&lex->title_words, ti, "link") &&
                !(k + w < st->nb && soft(st, k + w) && T(st, k + w)->cap &&
                  !(wg_i_o_surname_kind(st, k + w) && wg_i_o_choose_split(st, k + w, wg_i_o_run_len(st, k + w, 6), 0) == 0)))
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
                wg_i_o_put_written(st, &b, k, k + w - 1);
            } else if (lex->title_words.canon[ti][0])
                wg_buf_puts(&b, lex->title_words.canon[ti]);
            else
                wg_i_o_put_written(st, &b, k, k + w - 1);
            after_unit = tag_is(&lex->title_words, ti, "unit") || is_party_word(lex->title_words.canon[ti]) ||
                         strcmp(lex->title_words.canon[ti], "UBND") == 0 ||
                         strcmp(lex->title_words.canon[ti], "HĐND") == 0;
            if (is_dept_word(lex->title_words.canon[ti]))
                dept = 1;
            else if (!tag_is(&lex->title_words, ti, "link"))
                dept = 0;
            lower_run = 0;
            num_ok = 1;
            k += w;
            continue;
        }
        const wg_i_token *tk = T(st, k);
        /* a number belongs to the unit or organ word before it ("Quận 1",
         * "Quận ủy 3"); after a name it is a date or a posting stamp */
        if (tk->digit) {
            if (!num_ok)
                break;
            wg_i_o_put_written(st, &b, k, k);
            after_unit = 0;
            num_ok = 0;
            k++;
            continue;
        }
        /* a numbered team: "Trưởng đoàn kiểm tra số 13", "Tổ công tác số 1" */
        if (fold_is(st, k, "số") && k + 1 < st->nb && soft(st, k + 1) && T(st, k + 1)->digit && b.len > tail_from) {
            wg_i_o_put_written(st, &b, k, k + 1);
            k += 2;
            break;
        }
        /* a figure's name inside an institution's: "Học viện Chính trị quốc gia Hồ Chí Minh" */
        if (tk->cap && b.len > tail_from && (n_fig = wg_i_o_figure_at(st, k)) > 0) {
            wg_i_o_put_written(st, &b, k, k + n_fig - 1);
            k += n_fig;
            after_unit = 0;
            continue;
        }
        if (tk->cap) {
            size_t n = wg_i_o_run_len(st, k, 6);
            size_t s = n ? wg_i_o_choose_split(st, k, n, after_unit) : NONE;
            /* after a unit word, a place the gazetteer knows comes first, even
             * one named after a person ("HĐND huyện Trần Văn Thời") */
            size_t gp = after_unit && n ? gazetteer_prefix(st, k, n) : 0;
            if (gp == n)
                s = NONE;
            else if (gp > 0 && n - gp >= 2 && wg_i_o_surname_kind(st, k + gp))
                s = gp;
            if (s != NONE) {
                if (s > 0)
                    wg_i_o_put_written(st, &b, k, k + s - 1);
                t->name_at = k + s;
                t->name_len = n - s;
                k += s;
                break;
            }
            if (!n)
                n = 1; /* an acronym: "XIV", "HCM" */
            wg_i_o_put_written(st, &b, k, k + n - 1);
            if (!dept && is_dept_fold(T(st, k)->fold))
                dept = 1;
            /* two-word openings: "Ngân hàng", "Công ty", "Tòa án" */
            if (!dept && k + 1 < st->nb && soft(st, k + 1)) {
                char *two = wg_i_o_folded_span(st, k, k + 1);
                dept = two && is_dept_fold(two);
                free(two);
            }
            in_place = after_unit && !wg_i_o_allcaps(st, k);
            k += n;
            after_unit = 0;
            lower_run = 0;
            num_ok = 0;
            continue;
        }
        /* the lower-case syllables of a department's name: "Ban Tổ chức", or
         * all of it in a title written in lower case: "trưởng ban pháp chế" */
        if (dept && lower_run < 2 && k > i && (T(st, k - 1)->cap || !T(st, i)->cap)) {
            wg_i_o_put_written(st, &b, k, k);
            lower_run++;
            num_ok = 0;
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
size_t wg_i_o_parse_chain(const ostate *st, size_t i, strvec *out, int *chair, size_t *name_at,
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
        if (t.chair && t.numbered)
            *chair = 1;
        if (t.chair && !t.numbered) {
            *chair = 1;
            /* its description ("Trưởng đoàn công tác của Ban Thường vụ ...
             * phụ trách xã ...") runs to the next dash */
            size_t j = t.end;
            size_t hw;
            while (j < st->nb && j < t.end + 25 && !(T(st, j)->gap & (WG_GAP_DASH | CHAIN_STOP)) &&
                   wg_i_o_phrase_at(st, &st->lex->honorifics, j, &hw) == NONE &&
                   !(wg_i_o_surname_kind(st, j) && wg_i_o_run_len(st, j, 5) >= 3))
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
        if (wg_i_o_sv_push(out, t.text) < 0) {
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


/* "Đoàn công tác của Ban Dân vận Trung ương do Phó Trưởng ban X dẫn đầu":
 * a bare "(Phó) Trưởng ban" heads the Ban the sentence named before it. */
int wg_i_o_ban_from_context(const ostate *st, size_t at, strvec *titles)
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
            wg_i_o_put_written(st, &b, k + 1, e - 1);
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
/* Titles written after the name ending at b: "(…)", then ", T1, T2" or
 * " – T1"; or "làm / giữ chức / được bầu giữ chức T". Returns the first
 * token after them. */
size_t wg_i_o_titles_after(const ostate *st, size_t b, strvec *titles, int *chair, int *via_verb, int *err)
{
    size_t k = b + 1, na, nl, ls;
    int chained = 0; /* after a chain only a verb of appointment adds a post ("làm tổ trưởng" is a role) */
    *via_verb = 0;
    if (k < st->nb && (T(st, k)->gap & WG_GAP_OPEN) && !(T(st, k)->gap & (WG_GAP_STOP | WG_GAP_NL))) {
        size_t j = k;
        while (j < st->nb && j < k + 30 && !(T(st, j)->gap & (WG_GAP_CLOSE | WG_GAP_STOP | WG_GAP_NL)))
            j++;
        if (j < st->nb && (T(st, j)->gap & WG_GAP_CLOSE)) {
            /* a post in brackets: "(nguyên Phó Chủ tịch TP Thủ Đức)", "(Chủ tịch UBND xã)" */
            size_t n0 = titles->n;
            size_t e = wg_i_o_parse_chain(st, k, titles, chair, &na, &nl, &ls, err);
            if (e < j && titles->n > n0 && !(T(st, e)->gap & (WG_GAP_CLOSE | CHAIN_GAP)))
                while (titles->n > n0) /* more than a title in the brackets: not a post */
                    free(titles->v[--titles->n]);
            k = j;
        }
    }
    if (k < st->nb && (T(st, k)->gap & CHAIN_GAP) && !(T(st, k)->gap & CHAIN_STOP)) {
        size_t n0 = titles->n;
        size_t e = wg_i_o_parse_chain(st, k, titles, chair, &na, &nl, &ls, err);
        if (na != NONE && titles->n > n0) {
            /* the last title introduces the next name: "A, B, Bí thư Thành ủy C" */
            free(titles->v[--titles->n]);
            e = ls;
        }
        if (e > k)
            k = e;
        if (na != NONE)
            return k;
        chained = 1;
    } else if (k < st->nb && soft(st, k) && T(st, k)->cap &&
               wg_i_o_phrase_at(st, &st->lex->titles, k, &nl) != NONE) {
        /* a capitalised title right after the name: "Trần Văn Nam Phó Bí thư Tỉnh ủy" */
        size_t n0 = titles->n;
        size_t e = wg_i_o_parse_chain(st, k, titles, chair, &na, &nl, &ls, err);
        if (na != NONE && titles->n > n0) {
            free(titles->v[--titles->n]);
            e = ls;
        }
        return e > k ? e : k;
    }
    /* a post the person is given: "... được chỉ định giữ chức Bí thư Đảng ủy ..." */
    static const char *const verbs[] = {"được bầu giữ chức", "được bầu làm", "được bầu", "được chỉ định giữ chức",
                                        "được chỉ định làm", "được chỉ định", "được bổ nhiệm giữ chức",
                                        "được bổ nhiệm làm", "được bổ nhiệm", "được điều động giữ chức",
                                        "được phân công giữ chức", "được giao giữ chức", "được giao nhiệm vụ",
                                        "nhận nhiệm vụ", "đảm nhận chức vụ", "đảm nhận", "giữ chức vụ", "giữ chức",
                                        "tái đắc cử", "cùng làm", "làm", "hiện là", "nguyên là", "là"};
    /* after a chain the verb may follow its comma: "X, Phó Chủ tịch UBND huyện, nhận nhiệm vụ ..." */
    if (k < st->nb && (soft(st, k) || (chained && (T(st, k)->gap & WG_GAP_COMMA) && !(T(st, k)->gap & CHAIN_STOP)))) {
        for (size_t v = 0; v < WG_ARRAY_LEN(verbs) && !(chained && strcmp(verbs[v], "cùng làm") == 0); v++) {
            int w = wg_i_tokens_are(st->c, k, verbs[v]);
            if (w && k + (size_t)w < st->nb && soft(st, k + (size_t)w)) {
                size_t e = wg_i_o_parse_chain(st, k + (size_t)w, titles, chair, &na, &nl, &ls, err);
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

/* A title folded for comparison, "TP" read as "thành phố" (the text
 * writes both for one post); caller frees. */
char *wg_i_o_title_fold(const char *t)
{
    char *f = wg_i_fold(t, strlen(t));
    wg_buf b = WG_BUF_INIT;
    if (!f)
        return NULL;
    for (const char *p = f; *p;) {
        const char *e = strchr(p, ' ');
        size_t n = e ? (size_t)(e - p) : strlen(p);
        if (b.len)
            wg_buf_putc(&b, ' ');
        if (n == 2 && memcmp(p, "tp", 2) == 0)
            wg_buf_puts(&b, "thành phố");
        else
            wg_buf_put(&b, p, n);
        p += n + (e != NULL);
    }
    free(f);
    if (!b.ptr)
        wg_buf_grow(&b, 0);
    return wg_buf_detach(&b);
}
