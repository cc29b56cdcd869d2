/* Meeting metadata (SPEC section 1): title, date, byline, body range. */
#include <ctype.h>
#include <string.h>
#include "text/text.h"

typedef struct {
    const char *s;
    size_t len;
} span;

static int is_blank_line(const char *s, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (s[i] != ' ')
            return 0;
    return 1;
}

/* A counter under the headline ("18") is not text. */
static int is_number_line(const char *s, size_t n)
{
    int digits = 0;
    for (size_t i = 0; i < n; i++) {
        if (isdigit((unsigned char)s[i]))
            digits++;
        else if (s[i] != ' ')
            return 0;
    }
    return digits > 0;
}

static span trim(const char *s, size_t n)
{
    while (n && (*s == ' '))
        s++, n--;
    while (n && (s[n - 1] == ' '))
        n--;
    return (span){s, n};
}

static int starts_upper_or_digit(const char *s)
{
    uint32_t cp;
    wg_utf8_decode(s, &cp);
    if (cp < 0x80)
        return isupper((int)cp) || isdigit((int)cp);
    /* Latin letters with diacritics: upper-case forms sit at even code
     * points in Latin Extended Additional and in Latin-1/Extended-A ranges;
     * an approximation is enough here: reject lower-case by folding check. */
    char *f = wg_i_fold(s, wg_utf8_decode(s, &cp));
    int upper = f && strncmp(f, s, strlen(f)) != 0;
    free(f);
    return upper;
}

/* A signature: 1-5 short words, each capitalised or initials ("N.T"),
 * no sentence punctuation. */
static int looks_like_byline(span l)
{
    size_t words = 0;
    if (l.len == 0 || l.len > 60)
        return 0;
    for (size_t i = 0; i < l.len; i++) {
        char c = l.s[i];
        if (c == ',' || c == ';' || c == ':' || c == '!' || c == '?' || isdigit((unsigned char)c))
            return 0;
    }
    if (l.s[l.len - 1] == '.' && l.len > 4 && l.s[l.len - 2] != '.' && !isupper((unsigned char)l.s[l.len - 2]))
        return 0;
    for (size_t i = 0; i < l.len;) {
        while (i < l.len && (l.s[i] == ' ' || l.s[i] == '-' || l.s[i] == '(' || l.s[i] == ')'))
            i++;
        if (i >= l.len)
            break;
        if (!starts_upper_or_digit(l.s + i))
            return 0;
        words++;
        while (i < l.len && l.s[i] != ' ')
            i++;
    }
    return words >= 1 && words <= 5;
}

/* ---- dates ---- */

typedef struct {
    int y, m, d;
    int score; /* higher: more likely the meeting's date */
    size_t at;
    int stamp; /* a posting/publication stamp, not the meeting */
} date_hit;

static int read_int(const char *s, size_t n, size_t *i, int maxdigits)
{
    int v = 0, k = 0;
    while (*i < n && isdigit((unsigned char)s[*i]) && k < maxdigits) {
        v = v * 10 + (s[*i] - '0');
        (*i)++;
        k++;
    }
    if (k == 0 || (*i < n && isdigit((unsigned char)s[*i])))
        return -1;
    return v;
}

static int ends_with_ci(const char *s, size_t at, const char *word)
{
    size_t w = strlen(word);
    if (at < w)
        return 0;
    char *a = wg_i_fold(s + at - w, w);
    char *b = wg_i_fold(word, w);
    int eq = a && b && strcmp(a, b) == 0;
    free(a);
    free(b);
    return eq;
}

/* Looks at the words right before a date to judge what it dates. */
static void judge_context(const char *s, size_t at, date_hit *h)
{
    static const char *const meeting_words[] = {"sáng ", "chiều ", "tối ", "trưa ", "sáng ngày ",
                                               "chiều ngày ", "tối ngày ", "trưa ngày ", "sáng nay (",
                                               "chiều nay (", "tối nay (", "hôm nay (", "(", NULL};
    static const char *const doc_words[] = {"ngày đăng ", "đăng ngày ", "cập nhật ", "cập nhật: ",
                                            "ngày đăng: ", "xuất bản ", NULL};
    size_t p = at;
    h->score = 0;
    for (int i = 0; meeting_words[i]; i++)
        if (ends_with_ci(s, p, meeting_words[i]))
            h->score = i == 12 ? 1 : 3;
    if (ends_with_ci(s, p, "ngày ")) {
        h->score = 2;
        /* "Ngày 24/2/2023," at a line start opens the report */
        size_t q = p - strlen("ngày ");
        if (q == 0 || s[q - 1] == '\n')
            h->score = 4;
        /* "... số 17-CT/TU, ngày 13/10/2021 của ..." dates a document */
        size_t from = q > 40 ? q - 40 : 0;
        for (size_t k = from; k < q; k++)
            if (s[k] == '/' && k + 1 < q && isupper((unsigned char)s[k + 1]))
                h->score = 0;
    }
    for (int i = 0; doc_words[i]; i++)
        if (ends_with_ci(s, p, doc_words[i]))
            h->stamp = 1;
}

static size_t find_dates(const char *s, size_t n, date_hit *hits, size_t max)
{
    size_t count = 0;
    for (size_t i = 0; i < n && count < max; i++) {
        if (!isdigit((unsigned char)s[i]) || (i > 0 && (isdigit((unsigned char)s[i - 1]) ||
                                                        s[i - 1] == '/' || s[i - 1] == '.' ||
                                                        s[i - 1] == ',')))
            continue;
        size_t j = i;
        date_hit h = {0, 0, 0, 0, i, 0};
        int d = read_int(s, n, &j, 2), m = -1, y = 0;
        if (d < 1 || d > 31)
            continue;
        if (j < n && (s[j] == '/' || s[j] == '-')) {
            char sep = s[j++];
            m = read_int(s, n, &j, 2);
            if (j < n && s[j] == sep) {
                size_t k = j + 1;
                y = read_int(s, n, &k, 4);
                if (y >= 1945 && y <= 2100)
                    j = k;
                else
                    y = 0;
            }
            if (sep == '-' && !y)
                continue; /* "13-4" is a range, not a date */
            /* "16/11/2022 16:57": a time right after marks a posting stamp */
            if (y && j + 3 < n && s[j] == ' ' && isdigit((unsigned char)s[j + 1]) &&
                (s[j + 2] == ':' || (isdigit((unsigned char)s[j + 2]) && s[j + 3] == ':')))
                h.stamp = 1;
        } else if (j + 7 < n && strncmp(s + j, " tháng ", 8) == 0) {
            j += 8;
            m = read_int(s, n, &j, 2);
            if (m > 0 && j + 5 < n && strncmp(s + j, " năm ", 6) == 0) {
                size_t k = j + 6;
                y = read_int(s, n, &k, 4);
                if (y < 1945 || y > 2100)
                    y = 0;
                else
                    j = k;
            }
        } else {
            continue;
        }
        if (m < 1 || m > 12)
            continue;
        h.d = d;
        h.m = m;
        h.y = y;
        judge_context(s, i, &h);
        if (h.stamp || h.score > 0)
            hits[count++] = h;
        i = j;
    }
    return count;
}

static int parse_iso_year(const char *s)
{
    int y = 0;
    if (!s)
        return 0;
    for (; *s && !isdigit((unsigned char)*s); s++)
        ;
    for (int k = 0; k < 4 && isdigit((unsigned char)s[k]); k++)
        y = y * 10 + (s[k] - '0');
    return (y >= 1945 && y <= 2100) ? y : 0;
}

static int set_date(wg_doc *doc, const char *text, size_t n, const char *hint_date)
{
    date_hit hits[64];
    size_t nh = find_dates(text, n, hits, WG_ARRAY_LEN(hits));
    const date_hit *best = NULL, *stamp = NULL;
    char buf[32];
    const char *source = "text";
    int y;

    for (size_t i = 0; i < nh; i++) {
        if (hits[i].stamp) {
            if (!stamp)
                stamp = &hits[i];
        } else if (!best || hits[i].score > best->score) {
            best = &hits[i];
        }
    }
    if (!best && stamp) {
        best = stamp;
        source = "stamp";
    }
    if (!best) {
        int hy = parse_iso_year(hint_date);
        if (hint_date && hy && strlen(hint_date) >= 10) {
            snprintf(buf, sizeof buf, "%.10s", hint_date);
            doc->date = wg_i_strdup(buf);
            doc->date_source = wg_i_strdup("html");
            return doc->date && doc->date_source ? 0 : WG_ENOMEM;
        }
        doc->date = wg_i_strdup("");
        doc->date_source = wg_i_strdup("");
        return doc->date && doc->date_source ? 0 : WG_ENOMEM;
    }
    y = best->y;
    if (!y && stamp && stamp->y) {
        y = stamp->y;
        source = "stamp";
    } else if (!y && parse_iso_year(hint_date)) {
        y = parse_iso_year(hint_date);
        source = "html";
    }
    if (y)
        snprintf(buf, sizeof buf, "%04d-%02d-%02d", y, best->m, best->d);
    else {
        snprintf(buf, sizeof buf, "--%02d-%02d", best->m, best->d);
        source = "none";
    }
    doc->date = wg_i_strdup(buf);
    doc->date_source = wg_i_strdup(source);
    return doc->date && doc->date_source ? 0 : WG_ENOMEM;
}

int wg_i_meta(wg_doc *doc, const char *hint_title, const char *hint_date)
{
    const char *t = doc->text;
    size_t n = doc->text_len;
    span title = {NULL, 0}, last = {NULL, 0};
    size_t pos = 0, last_start = 0, title_end = 0;

    (void)hint_title; /* HTML titles are written as the text's first line */
    while (pos < n) {
        const char *nl = memchr(t + pos, '\n', n - pos);
        size_t end = nl ? (size_t)(nl - t) : n;
        span l = trim(t + pos, end - pos);
        if (!is_blank_line(t + pos, end - pos) && !is_number_line(t + pos, end - pos)) {
            if (!title.s) {
                title = l;
                title_end = end;
            } else {
                last = l;
                last_start = pos;
            }
        }
        pos = end + 1;
    }
    doc->body_start = title_end;
    doc->body_end = n;
    if (last.s && looks_like_byline(last)) {
        doc->byline = wg_i_strndup(last.s, last.len);
        doc->body_end = last_start;
    } else {
        doc->byline = wg_i_strdup("");
    }
    doc->title = title.s ? wg_i_strndup(title.s, title.len) : wg_i_strdup("");
    if (!doc->title || !doc->byline)
        return WG_ENOMEM;
    return set_date(doc, t, n, hint_date);
}
