/* Presence and kind (SPEC section 4): how each entity is in the meeting,
 * and whether the article reports a meeting at all. Runs after every
 * recogniser, on their mentions and the article's tokens.
 *
 * A mention is `cited` when it only names the author of a document the
 * text refers to ("Nghị quyết số 18-NQ/TW của Bộ Chính trị", "Kết luận 127
 * của Bộ Chính trị, Ban Bí thư") or the organ of a position ("Thủ tướng
 * Chính phủ", "Ủy viên Ban Thường vụ Tỉnh ủy"): such bodies were not in the
 * room. It is `participant` when it is the body or unit the meeting is held
 * by or with (next to a meeting word: "làm việc với Đảng ủy phường X",
 * "Đại hội Đảng bộ xã Y", or named by the headline), or an official with a
 * role. Anything else is `mentioned`. */
#include <string.h>
#include "extract/extract.h"

const char *wg_presence_name(wg_presence p)
{
    static const char *const names[] = {"mentioned", "participant", "cited"};
    return (unsigned)p < 3 ? names[p] : "mentioned";
}

int wg_presence_rank(wg_presence p) { return p == WG_PRESENCE_CITED ? 0 : p == WG_PRESENCE_PARTICIPANT ? 2 : 1; }

const char *wg_article_kind_name(wg_article_kind k) { return k == WG_KIND_OTHER ? "other" : "meeting"; }

#define NONE ((size_t)-1)
/* How far a meeting word may stand from the body it is held with or by,
 * in tokens ("làm việc với tập thể Ban Thường vụ Đảng ủy phường"). */
enum { NEAR_MEETING = 6, DOC_REACH = 16 };

typedef struct {
    wg_i_ctx *c;
    size_t *owner;      /* per token: index + 1 of the committee or ward mentioned there, 0 none */
    unsigned char *meet; /* per token: 1 a meeting word starts or lies here, 2 an "other" word */
    unsigned char *part; /* per token: inside a participant body's mention */
    unsigned char *official; /* per token: inside an official's mention */
    size_t title_para, lead_para;
} pstate;

static const wg_i_token *T(const pstate *p, size_t k) { return &p->c->tok[k]; }

/* The folded words k..k+n-1 joined by single spaces, in buf; 0 if too long. */
static int words_key(const pstate *p, size_t k, size_t n, char *buf, size_t cap)
{
    size_t len = 0;
    for (size_t j = k; j < k + n; j++) {
        size_t fl = strlen(T(p, j)->fold);
        if (len + fl + 2 > cap)
            return 0;
        if (j > k)
            buf[len++] = ' ';
        memcpy(buf + len, T(p, j)->fold, fl + 1);
        len += fl;
    }
    return 1;
}

/* Is tokens k..k+n-1 one entry of `ph`, written without punctuation between? */
static size_t phrase_is(const pstate *p, const wg_i_phrases *ph, size_t k, size_t n)
{
    char key[256];
    size_t idx;
    if (!(T(p, k)->first & ph->bit))
        return NONE;
    for (size_t j = k + 1; j < k + n; j++)
        if (T(p, j)->gap & ~(unsigned)(WG_GAP_SPACE | WG_GAP_DOT | WG_GAP_SLASH))
            return NONE;
    if (!words_key(p, k, n, key, sizeof key) || !wg_strmap_get(&ph->map, key, &idx))
        return NONE;
    return idx;
}

/* The longest entry of `ph` starting at token k: its length in tokens (0 none), its index in *idx. */
static size_t phrase_from(const pstate *p, const wg_i_phrases *ph, size_t k, size_t *idx)
{
    size_t best = 0;
    if (k >= p->c->ntok || !(T(p, k)->first & ph->bit))
        return 0;
    for (size_t n = 1; n <= ph->max_words && k + n <= p->c->ntok; n++) {
        char key[256];
        size_t i;
        if (n > 1 && T(p, k + n - 1)->gap & ~(unsigned)(WG_GAP_SPACE | WG_GAP_DOT | WG_GAP_SLASH))
            break;
        if (!words_key(p, k, n, key, sizeof key))
            break;
        if (wg_strmap_get(&ph->map, key, &i)) {
            best = n;
            *idx = i;
        }
        if (!wg_strmap_get(&ph->prefixes, key, NULL))
            break;
    }
    return best;
}

/* Does a position of at least `min` words end at token `last`? "Ban
 * Thường vụ Tỉnh ủy" is the committee's own name, not the post "Thường vụ". */
static int title_ends(const pstate *p, size_t last, size_t min)
{
    const wg_i_phrases *ph = &p->c->lex->titles;
    for (size_t n = min; n <= ph->max_words && n <= last + 1; n++) {
        size_t s = last + 1 - n;
        if (phrase_is(p, ph, s, n) != NONE)
            return !(s > 0 && wg_i_tok_is(T(p, s - 1), "ban") && !(T(p, s)->gap & ~(unsigned)WG_GAP_SPACE));
    }
    return 0;
}

/* Is the mention at token a the organ of a position written right before
 * it ("Thủ tướng Chính phủ"), or of one that takes its first word
 * ("Trưởng Ban Dân vận Tỉnh ủy")? */
static int title_before(const pstate *p, size_t a)
{
    if (a > 0 && !(T(p, a)->gap & ~(unsigned)(WG_GAP_SPACE | WG_GAP_DOT)) && title_ends(p, a - 1, 1))
        return 1;
    for (size_t k = a; k < a + 3 && k < p->c->ntok; k++)
        if (title_ends(p, k, k - a + 2))
            return 1;
    return 0;
}

/* A code or a roman numeral: no lower-case ASCII letter (NQ, TW, QĐ, XII). */
static int is_code(const pstate *p, const wg_i_token *t)
{
    const char *s = p->c->doc->text;
    int upper = 0;
    for (size_t i = t->start; i < t->end; i++) {
        if (s[i] >= 'a' && s[i] <= 'z')
            return 0;
        upper |= s[i] >= 'A' && s[i] <= 'Z';
    }
    return upper;
}

/* Words that may stand between a document's name and its author: numbers
 * and codes (18-NQ/TW), dates, the session that passed it. */
static int document_filler(const pstate *p, const wg_i_token *t)
{
    static const char *const words[] = {"số", "ngày", "tháng", "năm", "hội", "nghị", "lần", "thứ", "khóa",
                                        "trung", "ương", "đại", "của", "kỳ", "họp", "phiên"};
    if (t->digit || is_code(p, t))
        return 1;
    for (size_t i = 0; i < WG_ARRAY_LEN(words); i++)
        if (wg_i_tok_is(t, words[i]))
            return 1;
    return 0;
}

/* Is the mention starting at token a the author of a document named just
 * before it? Walks back over the bodies listed with it ("của Bộ Chính trị,
 * Ban Bí thư"), then "của" or the document's number, to the document. */
static int in_document_reference(const pstate *p, size_t a)
{
    const wg_i_phrases *docs = &p->c->lex->documents;
    size_t k = a, steps = 0;
    int via_cua = 0;
    /* other bodies of the same list */
    while (k > 0 && steps < DOC_REACH) {
        size_t j = k - 1;
        if (T(p, j)->sentence != T(p, a)->sentence)
            return 0;
        if (p->owner[j] || wg_i_tok_is(T(p, j), "và")) {
            k = j;
            steps++;
            continue;
        }
        break;
    }
    for (size_t back = 0, free_words = 0; k > 0 && back < DOC_REACH; back++) {
        size_t j = k - 1, idx;
        const wg_i_token *t = T(p, j);
        if (t->sentence != T(p, a)->sentence)
            return 0;
        via_cua |= wg_i_tok_is(t, "của");
        /* the document word ends at j: try every start */
        for (size_t n = 1; n <= docs->max_words && n <= j + 1; n++) {
            size_t s = j + 1 - n;
            if ((idx = phrase_is(p, docs, s, n)) == NONE)
                continue;
            /* "Nghị quyết", "Kết luận số 127", "các nghị quyết": a name, a
             * number or a noun, not the verb "kết luận" */
            if (T(p, s)->cap || strcmp(docs->tag[idx], "noun") == 0 ||
                (j + 1 < a && (T(p, j + 1)->digit || wg_i_tok_is(T(p, j + 1), "số"))))
                return via_cua || j + 1 == k || document_filler(p, T(p, j + 1));
        }
        /* a few words describe the document before its author ("các nghị
         * quyết trụ cột của"): only lower-case nouns of one clause */
        if (!document_filler(p, t) && !t->cap && !(via_cua && ++free_words <= 3 && !(t->gap & WG_GAP_COMMA)))
            return 0;
        k = j;
    }
    return 0;
}

/* Does a person's title chain run up to the mention at token a, after a
 * comma or dash ("Đinh Văn Vượng - Vụ trưởng Vụ Địa phương 2, Văn phòng
 * Trung ương Đảng")? The chain starts with a post right after the
 * official's name and holds no word of another clause. */
static int in_title_chain(const pstate *p, size_t a)
{
    static const char *const clause[] = {"và", "cùng", "các", "lãnh", "đại", "với", "có", "tại", "những",
                                         "một", "đến", "dự", "tham", "của", "đã", "được"};
    if (a == 0 || !(T(p, a)->gap & (WG_GAP_COMMA | WG_GAP_DASH)))
        return 0;
    for (size_t k = a, steps = 0; k > 0 && steps < 12; k--, steps++) {
        size_t j = k - 1, idx;
        if (T(p, j)->sentence != T(p, a)->sentence || p->meet[j] == 1)
            return 0;
        if (p->official[j])
            return phrase_from(p, &p->c->lex->titles, k, &idx) > 0 && (T(p, k)->gap & (WG_GAP_COMMA | WG_GAP_DASH));
        for (size_t w = 0; w < WG_ARRAY_LEN(clause); w++)
            if (wg_i_tok_is(T(p, j), clause[w]))
                return 0;
    }
    return 0;
}

/* Marks the meeting words ("làm việc", "hội nghị", "đại hội", "kiểm tra")
 * and the words of an announcement ("vừa ban hành", "danh sách"). */
static void mark_meeting_words(pstate *p)
{
    const wg_i_phrases *ph = &p->c->lex->meetings;
    for (size_t k = 0; k < p->c->ntok;) {
        size_t idx = 0, n = phrase_from(p, ph, k, &idx);
        if (!n) {
            k++;
            continue;
        }
        for (size_t j = k; j < k + n; j++)
            p->meet[j] = strcmp(ph->tag[idx], "other") == 0 ? 2 : 1;
        k += n;
    }
}

/* Is a meeting word within NEAR_MEETING tokens of tokens a..b, in its sentence? */
static int near_meeting(const pstate *p, size_t a, size_t b)
{
    size_t lo = a > NEAR_MEETING ? a - NEAR_MEETING : 0, hi = b + NEAR_MEETING;
    for (size_t k = lo; k <= hi && k < p->c->ntok; k++)
        if (p->meet[k] == 1 && (k < a || k > b) && T(p, k)->sentence == T(p, a)->sentence)
            return 1;
    return 0;
}

/* Joins token j to the one before it: a list's comma, dash, "và" or space. */
static int list_glue(const pstate *p, size_t j)
{
    return !(T(p, j)->gap & ~(unsigned)(WG_GAP_SPACE | WG_GAP_COMMA | WG_GAP_DASH | WG_GAP_DOT));
}

/* Is the mention at a..b one item of a list (bodies and units joined by
 * commas, dashes or "và") one of whose items takes part? */
static int in_participant_list(const pstate *p, size_t a, size_t b)
{
    for (size_t j = a; j > 0 && list_glue(p, j); j--) {
        size_t k = j - 1;
        if (!p->owner[k] && !wg_i_tok_is(T(p, k), "và"))
            break;
        if (p->part[k])
            return 1;
    }
    for (size_t k = b + 1; k < p->c->ntok && list_glue(p, k); k++) {
        if (!p->owner[k] && !wg_i_tok_is(T(p, k), "và"))
            break;
        if (p->part[k])
            return 1;
    }
    return 0;
}

/* The first token at or after byte offset `start` of the input. */
static size_t token_at(const pstate *p, size_t start)
{
    size_t lo = 0, hi = p->c->ntok;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (p->c->doc->map[T(p, mid)->start] < start)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo;
}

static size_t token_end(const pstate *p, size_t a, size_t end)
{
    size_t b = a;
    while (b + 1 < p->c->ntok && p->c->doc->map[T(p, b + 1)->start] < end)
        b++;
    return b;
}

static wg_presence mention_presence(const pstate *p, const wg_entity *e, size_t a, size_t b)
{
    if (e->type == WG_OFFICIAL)
        return e->roles ? WG_PRESENCE_PARTICIPANT : WG_PRESENCE_MENTIONED;
    if (e->type == WG_PROJECT)
        return WG_PRESENCE_MENTIONED;
    if (title_before(p, a) || in_document_reference(p, a) || in_title_chain(p, a))
        return WG_PRESENCE_CITED;
    if (T(p, a)->paragraph == p->title_para || near_meeting(p, a, b))
        return WG_PRESENCE_PARTICIPANT;
    return WG_PRESENCE_MENTIONED;
}

/* The first word of the genre in the headline, else in the lead, decides:
 * "Ban Thường vụ vừa có quyết định thành lập các tổ công tác chỉ đạo đại
 * hội" announces, "tổ chức hội nghị công bố quyết định" meets. An official
 * with a role, or no such word at all, makes a meeting: a doubtful article
 * stays one, so that no real meeting loses its links. */
static wg_article_kind article_kind(const pstate *p)
{
    for (size_t i = 0; i < p->c->art->nentities; i++)
        if (p->c->art->entities[i].roles)
            return WG_KIND_MEETING;
    for (size_t k = 0; k < p->c->ntok; k++) {
        size_t para = T(p, k)->paragraph;
        if (para != p->title_para && para != p->lead_para)
            break;
        if (p->meet[k])
            return p->meet[k] == 2 ? WG_KIND_OTHER : WG_KIND_MEETING;
    }
    return WG_KIND_MEETING;
}

int wg_i_find_presence(wg_i_ctx *c)
{
    pstate p = {c, NULL, NULL, NULL, NULL, 0, 0};
    wg_article *art = c->art;
    if (c->ntok == 0) {
        art->kind = WG_KIND_MEETING;
        for (size_t i = 0; i < art->nentities; i++)
            art->entities[i].presence = WG_PRESENCE_MENTIONED;
        return 0;
    }
    if ((p.owner = wg_i_calloc(c->ntok, sizeof *p.owner)) == NULL ||
        (p.meet = wg_i_calloc(c->ntok, 1)) == NULL || (p.part = wg_i_calloc(c->ntok, 1)) == NULL ||
        (p.official = wg_i_calloc(c->ntok, 1)) == NULL) {
        free(p.owner);
        free(p.meet);
        free(p.part);
        return WG_ENOMEM;
    }
    p.title_para = c->tok[0].paragraph;
    p.lead_para = p.title_para;
    for (size_t k = 0; k < c->ntok; k++)
        if (c->tok[k].paragraph != p.title_para) {
            p.lead_para = c->tok[k].paragraph;
            break;
        }
    for (size_t i = 0; i < art->nentities; i++) {
        const wg_entity *e = &art->entities[i];
        if (e->type == WG_PROJECT)
            continue;
        for (size_t m = 0; m < e->nmentions; m++) {
            size_t a = token_at(&p, e->mentions[m].start), b = token_end(&p, a, e->mentions[m].end);
            for (size_t k = a; k <= b && k < c->ntok; k++) {
                if (e->type == WG_OFFICIAL)
                    p.official[k] = 1;
                else
                    p.owner[k] = i + 1;
            }
        }
    }
    mark_meeting_words(&p);
    for (size_t i = 0; i < art->nentities; i++) {
        wg_entity *e = &art->entities[i];
        for (size_t m = 0; m < e->nmentions; m++) {
            wg_mention *mm = &e->mentions[m];
            size_t a = token_at(&p, mm->start), b;
            if (a >= c->ntok) {
                mm->presence = WG_PRESENCE_MENTIONED;
                continue;
            }
            b = token_end(&p, a, mm->end);
            mm->presence = mention_presence(&p, e, a, b);
            if (mm->presence == WG_PRESENCE_PARTICIPANT && (e->type == WG_COMMITTEE || e->type == WG_WARD))
                memset(p.part + a, 1, b - a + 1);
        }
    }
    /* one meeting word carries a whole list: "làm việc với Đảng ủy, HĐND,
     * UBND xã", "tiếp xúc cử tri các xã A, B và C" */
    for (size_t i = 0; i < art->nentities; i++) {
        wg_entity *e = &art->entities[i];
        if (e->type != WG_COMMITTEE && e->type != WG_WARD)
            continue;
        for (size_t m = 0; m < e->nmentions; m++) {
            wg_mention *mm = &e->mentions[m];
            size_t a = token_at(&p, mm->start);
            if (mm->presence == WG_PRESENCE_MENTIONED && a < c->ntok &&
                in_participant_list(&p, a, token_end(&p, a, mm->end)))
                mm->presence = WG_PRESENCE_PARTICIPANT;
        }
    }
    for (size_t i = 0; i < art->nentities; i++) {
        wg_entity *e = &art->entities[i];
        e->presence = e->nmentions ? WG_PRESENCE_CITED : WG_PRESENCE_MENTIONED;
        for (size_t m = 0; m < e->nmentions; m++)
            if (wg_presence_rank(e->mentions[m].presence) > wg_presence_rank(e->presence))
                e->presence = e->mentions[m].presence;
    }
    art->kind = article_kind(&p);
    free(p.owner);
    free(p.meet);
    free(p.part);
    free(p.official);
    return 0;
}
