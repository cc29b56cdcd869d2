/* Meeting metadata (SPEC section 1): title, date, byline, body range; and
 * counter lines (a number alone under the headline) dropped from the text.
 *
 * The meeting date is the date the report gives for its meeting: a day and
 * month (with or without a year) introduced as a time ("Sáng 11/5",
 * "Chiều ngày 12/6", "Sáng nay (31-7)", "thứ Hai (24/2)"), as the report's
 * opening ("Ngày 24/2/2023, ..."), or as "ngày ..." in running text, in the
 * forms D/M[/Y], D-M[-Y], D.M[.Y], "D tháng M [năm Y]", and day lists for a
 * meeting of several days ("Trong 2 ngày 6 và 7/8", "14-15/8",
 * "3,4 và 5/8/2020": the first day). Dates of documents ("Nghị quyết số
 * 26-NQ/TW ngày 3/11/2022"), deadlines ("đến ngày 31/12") and posting stamps
 * ("Ngày đăng 16/11/2022", "14/11/2022 16:57") are not the meeting's. The
 * surest kind of date wins (a time of day or the report's opening line;
 * then "ngày" in running text; then a date in parentheses, which must have
 * its year), the first of equally sure ones.
 *
 * A meeting date without a year takes it, in order, from: the same day and
 * month written with a year elsewhere in the text; a posting stamp or the
 * HTML publication date (the latest year that does not put the meeting
 * after the publication); the same month written with a year ("tháng
 * 7/2022"). date_source says which: "text" (the meeting date has its own
 * year), "context", "stamp", "html", "none" (no year known: --MM-DD); when
 * the text gives no meeting date a posting stamp ("stamp") or the HTML
 * publication date ("html") is the date; no date at all: "".
 *
 * The byline is the author's signature on the last line: one to five
 * capitalised words or initials ("Minh Cường", "N.T", "VỊ THANH"), after a
 * label ("Bài:", "BT:", "Tin và ảnh:") and before a photo credit ("+ HÌNH:
 * ...") if any; under a last line that is only a photo credit, the line
 * before. The body ends before it, so it is never an entity. */
#include <ctype.h>
#include <string.h>
#include <unicode/uchar.h>
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

/* Removes the contents of number-only lines from doc->text and doc->map. */
static void drop_counter_lines(wg_doc *doc)
{
    char *t = doc->text;
    size_t *map = doc->map, r = 0, w = 0, n = doc->text_len;
    while (r < n) {
        const char *nl = memchr(t + r, '\n', n - r);
        size_t end = nl ? (size_t)(nl - t) : n;
        if (is_number_line(t + r, end - r)) {
            r = end;
        }
        for (; r < end + (nl != NULL); r++, w++) {
            t[w] = t[r];
            map[w] = map[r];
        }
    }
    map[w] = map[n];
    t[w] = '\0';
    doc->text_len = w;
}

/* ---- words ---- */

/* The word that ends at s[end) after skipping spaces back: letters, or
 * digits, not both ("05/03/2022Ngày 4/3": the word before 4/3 is "Ngày");
 * returns its start, or SIZE_MAX. The scan is bounded (a word longer than
 * 48 bytes is no word these rules know) so that looking back from every
 * date of an article stays linear. */
static size_t word_before(const char *s, size_t end, size_t *wend)
{
    size_t i = end;
    while (i > 0 && end - i < 16 && s[i - 1] == ' ')
        i--;
    *wend = i;
    size_t j = i;
    int kind = 0; /* 1 letters, 2 digits */
    while (j > 0 && i - j < 48) {
        size_t k = j - 1;
        uint32_t cp;
        while (k > 0 && ((unsigned char)s[k] & 0xC0) == 0x80)
            k--;
        wg_utf8_decode(s + k, &cp);
        int kk = cp < 0x80 && isdigit((int)cp) ? 2 : 1;
        if (!(cp < 0x80 ? isalnum((int)cp) : (u_isalpha((UChar32)cp) || u_getCombiningClass((UChar32)cp) != 0)) ||
            (kind && kk != kind))
            break;
        kind = kk;
        j = k;
    }
    return j < i ? j : SIZE_MAX;
}

/* The n-th word back from `end` (0: the last), folded; "" if none.
 * Stops at punctuation other than spaces. */
static void nth_word_before(const char *s, size_t end, int n, char *out, size_t cap)
{
    size_t wend, ws = SIZE_MAX;
    out[0] = '\0';
    for (int k = 0; k <= n; k++) {
        ws = word_before(s, end, &wend);
        if (ws == SIZE_MAX)
            return;
        end = ws;
    }
    char *f = wg_i_fold(s + ws, wend - ws);
    if (f) {
        snprintf(out, cap, "%s", f);
        free(f);
    }
}

static int in_words(const char *w, const char *const *list)
{
    for (; *list; list++)
        if (strcmp(w, *list) == 0)
            return 1;
    return 0;
}

/* ---- dates ---- */

enum {
    CTX_NONE = 0,
    CTX_WEAK = 1,    /* "(24/2)" alone, "từ ngày" */
    CTX_NGAY = 2,    /* "ngày 24/2" in running text */
    CTX_TIME = 3     /* "Sáng 24/2", "Ngày 24/2/2023," opening a line, "hôm nay (24/2)" */
};

typedef struct {
    int y, m, d;
    size_t at, end;  /* bytes in the text where the date starts and ends */
    int ctx;         /* CTX_*: how surely it dates the meeting */
    int stamp;       /* a posting / publication stamp */
    int docref;      /* the date of a document, a deadline or a period */
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

static int starts_with(const char *s, size_t n, size_t i, const char *lit)
{
    size_t l = strlen(lit);
    return i + l <= n && memcmp(s + i, lit, l) == 0;
}

/* A separator between the days of a list: "," ", " " và " "-" " - " "–" " đến " ... */
static size_t list_sep(const char *s, size_t n, size_t i)
{
    static const char *const seps[] = {" và ngày ", " đến ngày ", " tới ngày ", ", ngày ", " và ", " đến ", " tới ",
                                       " – ", " - ", "–", "-", ", ", ",", NULL};
    for (int k = 0; seps[k]; k++)
        if (starts_with(s, n, i, seps[k]) && i + strlen(seps[k]) < n &&
            isdigit((unsigned char)s[i + strlen(seps[k])]))
            return strlen(seps[k]);
    return 0;
}

static int time_follows(const char *s, size_t n, size_t j);

/* " tháng M [năm Y]" or "/M[/Y]" (same separator) after a day; sets m, y and
 * the end. Returns 0 if there is no month. */
static int month_part(const char *s, size_t n, size_t j, int *m, int *y, size_t *end, char *sep_out)
{
    *y = 0;
    if (j < n && (s[j] == '/' || s[j] == '-' || s[j] == '.')) {
        char sep = s[j];
        size_t k = j + 1;
        *m = read_int(s, n, &k, 2);
        if (*m < 1 || *m > 12)
            return 0;
        /* "6-7/8" is a list, not June: another separator right after */
        if (k + 1 < n && (s[k] == '/' || s[k] == '-' || s[k] == '.') && s[k] != sep && isdigit((unsigned char)s[k + 1]))
            return 0;
        if (k < n && s[k] == sep) {
            size_t q = k + 1;
            int yy = read_int(s, n, &q, 4);
            if (yy >= 1900 && yy <= 2100 && q - k - 1 == 4) {
                *y = yy;
                k = q;
            } else if (yy >= 0 && q - k - 1 == 2 && time_follows(s, n, q)) {
                /* a posting stamp with a short year: "1-10-25 14:23" */
                *y = 2000 + yy;
                k = q;
            } else if (sep == '.' || isdigit((unsigned char)s[k + 1])) {
                return 0; /* "1.234.567", "24-2-99": a number, not a date */
            }
        } else if (sep == '.' && k < n && isdigit((unsigned char)s[k])) {
            return 0;
        }
        /* "24.12.2023" fine; "2.5%" or "3.5 tỷ" are not dates */
        if (sep == '.' && !*y && k < n && s[k] == '%')
            return 0;
        *end = k;
        *sep_out = sep;
        return 1;
    }
    if (starts_with(s, n, j, " tháng ")) {
        size_t k = j + strlen(" tháng ");
        *m = read_int(s, n, &k, 2);
        if (*m < 1 || *m > 12)
            return 0;
        if (starts_with(s, n, k, " năm ")) {
            size_t q = k + strlen(" năm ");
            int yy = read_int(s, n, &q, 4);
            if (yy >= 1900 && yy <= 2100) {
                *y = yy;
                k = q;
            }
        } else if (k + 1 < n && s[k] == '/' && isdigit((unsigned char)s[k + 1])) {
            size_t q = k + 1;
            int yy = read_int(s, n, &q, 4);
            if (yy >= 1900 && yy <= 2100) {
                *y = yy;
                k = q;
            }
        }
        *end = k;
        *sep_out = ' ';
        return 1;
    }
    return 0;
}

/* Parses a date (or a list of days) starting at s[i] (a digit). */
static int parse_date_at(const char *s, size_t n, size_t i, date_hit *h, size_t *end, char *sep)
{
    size_t j = i;
    int d = read_int(s, n, &j, 2), m, y;
    if (d < 1 || d > 31)
        return 0;
    if (month_part(s, n, j, &m, &y, end, sep)) {
        h->d = d;
        h->m = m;
        h->y = y;
        return 1;
    }
    /* a list of days: the meeting's first day */
    int last = d, days = 1;
    while (days < 8) {
        size_t k = list_sep(s, n, j);
        if (!k)
            return 0;
        size_t q = j + k;
        int dn = read_int(s, n, &q, 2);
        if (dn <= last || dn > 31)
            return 0;
        last = dn;
        days++;
        j = q;
        if (month_part(s, n, j, &m, &y, end, sep)) {
            h->d = d;
            h->m = m;
            h->y = y;
            return 1;
        }
    }
    return 0;
}

/* A time right after a date ("16/11/2022 16:57", "| 08:30") marks a posting stamp. */
static int time_follows(const char *s, size_t n, size_t j)
{
    while (j < n && (s[j] == ' ' || s[j] == ',' || s[j] == '-' || s[j] == '|' || s[j] == '(' ))
        j++;
    if (starts_with(s, n, j, "lúc "))
        j += strlen("lúc ");
    size_t k = j;
    int h = read_int(s, n, &k, 2);
    return h >= 0 && h < 24 && k < n && k > j && (s[k] == ':' || s[k] == 'h' || s[k] == 'g') &&
           k + 2 < n && isdigit((unsigned char)s[k + 1]) && isdigit((unsigned char)s[k + 2]);
}

/* A posting stamp by its line: "Cập nhật lúc 10:30 ngày 24/2/2023",
 * "Thứ Hai, 24/02/2023 - 10:30" (a short line with a clock time). */
static int stamp_line(const char *s, size_t n, size_t at, size_t end)
{
    static const char *const words[] = {"cập nhật", "ngày đăng", "đăng lúc", "đăng ngày", "xuất bản", "published",
                                        "updated", "posted", NULL};
    /* look no further than the 60 bytes either side: a longer line is no
     * stamp line, and a scan to the line's ends would make an article of
     * one long line quadratic */
    size_t ls = at, le = end;
    while (ls > 0 && at - ls <= 60 && s[ls - 1] != '\n')
        ls--;
    while (le < n && le - end <= 60 && s[le] != '\n')
        le++;
    size_t from = at - ls > 60 ? at - 60 : ls;
    while (from > ls && ((unsigned char)s[from] & 0xC0) == 0x80)
        from++; /* start on a character */
    char *f = wg_i_fold(s + from, at - from);
    int hit = 0;
    for (int i = 0; f && words[i] && !hit; i++)
        hit = strstr(f, words[i]) != NULL;
    free(f);
    if (hit)
        return 1;
    if (le - ls > 60)
        return 0;
    for (size_t i = ls; i + 2 < le; i++)
        if (isdigit((unsigned char)s[i]) && s[i + 1] == ':' && isdigit((unsigned char)s[i + 2]) && i + 3 < le &&
            isdigit((unsigned char)s[i + 3]))
            return 1;
    return 0;
}

/* Judges what the words right before a date say it dates. */
static void judge_context(const char *s, size_t n, size_t at, size_t end, date_hit *h)
{
    static const char *const times[] = {"sáng", "chiều", "tối", "trưa", "đêm", "khuya", "sớm", NULL};
    static const char *const weekdays2[] = {"hai", "ba", "tư", "năm", "sáu", "bảy", NULL};
    static const char *const stamp_words[] = {"đăng", "cập", "nhật", "bản", "print", "updated", "posted", NULL};
    /* documents: "Nghị quyết ... ngày", "Quyết định ... ngày", "ban hành ngày" */
    static const char *const doc_pairs[] = {"nghị quyết", "nghị định", "quyết định", "chỉ thị", "công văn",
                                            "kế hoạch", "thông báo", "kết luận", "thông tư", "tờ trình",
                                            "ban hành", "thông tri", "quy định", "hướng dẫn", "công điện", NULL};
    static const char *const doc_words[] = {"ký", "lệnh", "số", NULL};
    static const char *const not_meeting[] = {"đến", "tới", "trước", "sau", "hết", "từ", "kể", "tính",
                                              "đầu", "cuối", "giữa", "dịp", "hạn", NULL};
    char w0[32], w1[32], w2[32], w3[32], pair[72];
    size_t p = at;
    int paren = 0, comma = 0;

    h->ctx = CTX_NONE;
    /* skip "(", "," or ":" straight before the date */
    while (p > 0 && s[p - 1] == ' ')
        p--;
    if (p > 0 && s[p - 1] == '(') {
        paren = 1;
        p--;
    } else if (p > 0 && (s[p - 1] == ',' || s[p - 1] == ':' || s[p - 1] == '|')) {
        comma = 1;
        p--;
    }
    nth_word_before(s, p, 0, w0, sizeof w0);
    nth_word_before(s, p, 1, w1, sizeof w1);
    nth_word_before(s, p, 2, w2, sizeof w2);
    nth_word_before(s, p, 3, w3, sizeof w3);

    if (time_follows(s, n, end) || stamp_line(s, n, at, end)) {
        h->stamp = 1;
        return;
    }
    if (in_words(w0, stamp_words) || (strcmp(w0, "ngày") == 0 && in_words(w1, stamp_words))) {
        h->stamp = 1;
        return;
    }
    if (strcmp(w0, "ngày") == 0) {
        /* "Ngày 24/2/2023," opens the report */
        size_t ws, we;
        ws = word_before(s, p, &we);
        size_t q = ws;
        while (q > 0 && s[q - 1] == ' ')
            q--;
        /* a line's start, or right after a stamp glued to the word
         * ("05/03/2022Ngày 4/3": scraped page chrome, then the report) */
        int line_start = q == 0 || s[q - 1] == '\n' || isdigit((unsigned char)s[q - 1]);
        if (in_words(w1, times) || (strcmp(w2, "thứ") == 0 && in_words(w1, weekdays2)))
            h->ctx = CTX_TIME;
        else if (line_start && !paren)
            h->ctx = CTX_TIME;
        else if (in_words(w1, not_meeting))
            h->ctx = strcmp(w1, "từ") == 0 ? CTX_WEAK : CTX_NONE;
        else
            h->ctx = CTX_NGAY;
        snprintf(pair, sizeof pair, "%s %s", w2, w1);
        if (in_words(pair, doc_pairs) || in_words(w1, doc_words) || in_words(w2, doc_words)) {
            h->docref = 1;
        } else {
            snprintf(pair, sizeof pair, "%s %s", w3, w2);
            if (in_words(pair, doc_pairs))
                h->docref = 1;
        }
        /* "... số 17-CT/TU, ngày 13/10/2021 của ..." dates a document */
        size_t from = q > 48 ? q - 48 : 0;
        for (size_t k = from; k < q; k++)
            if (s[k] == '/' && k + 1 < q && isupper((unsigned char)s[k + 1]))
                h->docref = 1;
        if (starts_with(s, n, end, " của "))
            h->docref = 1;
        if (h->docref)
            h->ctx = CTX_NONE;
        return;
    }
    if (in_words(w0, times)) {
        h->ctx = CTX_TIME;
        return;
    }
    /* "sáng nay (31-7)", "hôm qua (23/2)", "vừa qua (23/2)"; without
     * brackets after a time of day: "Chiều nay 1/7", "hôm nay 5/3" */
    if ((paren && (strcmp(w0, "nay") == 0 || strcmp(w0, "qua") == 0)) ||
        (strcmp(w0, "nay") == 0 && (in_words(w1, times) || strcmp(w1, "hôm") == 0))) {
        h->ctx = CTX_TIME;
        return;
    }
    /* "thứ Hai (24/2)", "thứ Năm, 16/11", "Chủ nhật 24/2" */
    if ((strcmp(w1, "thứ") == 0 && in_words(w0, weekdays2)) || (strcmp(w1, "chủ") == 0 && strcmp(w0, "nhật") == 0)) {
        h->ctx = CTX_TIME;
        return;
    }
    if (paren) {
        h->ctx = CTX_WEAK;
    } else if (!comma && h->y) {
        /* a full date opening a line ("24/2/2023 - Thường trực ...") */
        size_t q = at;
        while (q > 0 && s[q - 1] == ' ')
            q--;
        if (q == 0 || s[q - 1] == '\n')
            h->ctx = CTX_TIME;
    }
}

static size_t find_dates(const char *s, size_t n, date_hit *hits, size_t max)
{
    size_t count = 0;
    for (size_t i = 0; i < n && count < max; i++) {
        if (!isdigit((unsigned char)s[i]))
            continue;
        if (i > 0 && (isdigit((unsigned char)s[i - 1]) || s[i - 1] == '/' || s[i - 1] == '.' ||
                      s[i - 1] == ',' || s[i - 1] == '-' || s[i - 1] == ':' || isalpha((unsigned char)s[i - 1]))) {
            while (i + 1 < n && isdigit((unsigned char)s[i + 1]))
                i++;
            continue;
        }
        date_hit h;
        size_t end = i;
        char sep = 0;
        memset(&h, 0, sizeof h);
        if (!parse_date_at(s, n, i, &h, &end, &sep)) {
            while (i + 1 < n && isdigit((unsigned char)s[i + 1]))
                i++;
            continue;
        }
        h.at = i;
        h.end = end;
        judge_context(s, n, i, end, &h);
        /* a date glued to the next word ("05/03/2022Ngày 4/3") is the
         * page's stamp run into the text, not a date the report writes */
        if (end < n && (isalpha((unsigned char)s[end]) || (unsigned char)s[end] >= 0xC0)) {
            h.stamp = h.y != 0;
            h.ctx = CTX_NONE;
        }
        if (count && h.ctx == CTX_NONE && !h.stamp) {
            /* the second date of a range ("3/2/1930 – 3/2/2023") is read as the first */
            const date_hit *prev = &hits[count - 1];
            size_t k = prev->end;
            while (k < i && (s[k] == ' ' || s[k] == '-' || (unsigned char)s[k] == 0xE2 ||
                             (unsigned char)s[k] == 0x80 || (unsigned char)s[k] == 0x93 ||
                             (unsigned char)s[k] == 0x94))
                k++;
            if (k == i && prev->end < i) {
                h.ctx = prev->ctx;
                h.docref = prev->docref;
            }
        }
        /* D-M and D.M without a year are dates only where a time says so */
        if ((sep == '-' || sep == '.') && !h.y && h.ctx < CTX_NGAY && !h.stamp)
            h.ctx = CTX_NONE;
        hits[count++] = h;
        i = end - 1;
    }
    return count;
}

/* "tháng 7/2022", "tháng 06 năm 2023", "Tháng 10-1962": a month with its year. */
static int month_year_for(const char *s, size_t n, int month)
{
    int best = 0;
    for (const char *p = s; (p = wg_i_memfind(p, (size_t)(s + n - p), "háng ", 6)) != NULL; p += 6) {
        size_t k = (size_t)(p - s) + 6;
        if (p == s || (p[-1] != 't' && p[-1] != 'T'))
            continue;
        int m = read_int(s, n, &k, 2), y = 0;
        if (m != month)
            continue;
        if (k + 1 < n && (s[k] == '/' || s[k] == '-') && isdigit((unsigned char)s[k + 1])) {
            size_t q = k + 1;
            y = read_int(s, n, &q, 4);
        } else if (starts_with(s, n, k, " năm ")) {
            size_t q = k + strlen(" năm ");
            y = read_int(s, n, &q, 4);
        }
        if (y >= 1900 && y <= 2100 && y > best)
            best = y;
    }
    return best;
}

static long days_from_civil(int y, int m, int d)
{
    y -= m <= 2;
    long era = (y >= 0 ? y : y - 399) / 400;
    long yoe = y - era * 400;
    long doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
    long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + doe - 719468;
}

/* The year that puts d/m last on or before the publication date (a week of
 * slack for reports published the day before or announced ahead). */
static int year_before(int m, int d, int py, int pm, int pd)
{
    long pub = days_from_civil(py, pm, pd);
    for (int y = py + 1; y >= py - 1; y--)
        if (days_from_civil(y, m, d) <= pub + 7)
            return y;
    return py;
}

/* "2023-02-24T10:00:00+07:00", "2023/02/24", "24/02/2023 10:30", "24-02-2023" */
static int parse_any_date(const char *s, int *y, int *m, int *d)
{
    size_t n, i = 0;
    if (!s)
        return 0;
    n = strlen(s);
    while (i < n && !isdigit((unsigned char)s[i]))
        i++;
    size_t j = i;
    int a = read_int(s, n, &j, 4);
    if (a >= 1900 && j - i == 4 && j + 1 < n && (s[j] == '-' || s[j] == '/' || s[j] == '.')) {
        size_t k = j + 1;
        *y = a;
        *m = read_int(s, n, &k, 2);
        if (k + 1 < n && (s[k] == '-' || s[k] == '/' || s[k] == '.')) {
            k++;
            *d = read_int(s, n, &k, 2);
            return *m >= 1 && *m <= 12 && *d >= 1 && *d <= 31;
        }
        return 0;
    }
    j = i;
    *d = read_int(s, n, &j, 2);
    if (*d >= 1 && *d <= 31 && j + 1 < n && (s[j] == '/' || s[j] == '-' || s[j] == '.')) {
        char sep = s[j++];
        *m = read_int(s, n, &j, 2);
        if (*m >= 1 && *m <= 12 && j + 1 < n && s[j] == sep) {
            j++;
            *y = read_int(s, n, &j, 4);
            return *y >= 1900 && *y <= 2100;
        }
    }
    return 0;
}

static int set_date(wg_doc *doc, const char *text, size_t n, const char *hint_date)
{
    date_hit hits[256];
    size_t nh = find_dates(text, n, hits, WG_ARRAY_LEN(hits));
    const date_hit *best = NULL, *stamp = NULL;
    int hy = 0, hm = 0, hd = 0, has_hint = parse_any_date(hint_date, &hy, &hm, &hd);
    char buf[32];
    const char *source = "text";
    int y, m, d;

    for (size_t i = 0; i < nh; i++) {
        if (hits[i].stamp) {
            if (!stamp && hits[i].y)
                stamp = &hits[i];
        } else if (hits[i].ctx >= CTX_WEAK && (!best || hits[i].ctx > best->ctx)) {
            best = &hits[i];
        } else if (best && hits[i].ctx == CTX_WEAK && best->ctx == CTX_WEAK &&
                   hits[i].y * 10000 + hits[i].m * 100 + hits[i].d > best->y * 10000 + best->m * 100 + best->d) {
            best = &hits[i]; /* "(3/2/1930 – 3/2/2023)": the anniversary, not the founding */
        }
    }
    /* a weak mention ("(24/2)", "từ ngày") dates the meeting only with a year */
    if (best && best->ctx == CTX_WEAK && !best->y)
        best = NULL;
    if (!best) {
        if (stamp) {
            y = stamp->y, m = stamp->m, d = stamp->d;
            source = "stamp";
        } else if (has_hint) {
            y = hy, m = hm, d = hd;
            source = "html";
        } else {
            doc->date = wg_i_strdup("");
            doc->date_source = wg_i_strdup("");
            return doc->date && doc->date_source ? 0 : WG_ENOMEM;
        }
    } else {
        y = best->y, m = best->m, d = best->d;
        if (!y) {
            /* the same day written with its year elsewhere: the latest such */
            for (size_t i = 0; i < nh; i++)
                if (!hits[i].stamp && !hits[i].docref && hits[i].m == m && hits[i].d == d && hits[i].y > y)
                    y = hits[i].y;
            source = "context";
        }
        if (!y && stamp) {
            y = year_before(m, d, stamp->y, stamp->m, stamp->d);
            source = "stamp";
        }
        if (!y && has_hint) {
            y = year_before(m, d, hy, hm, hd);
            source = "html";
        }
        if (!y && (y = month_year_for(text, n, m)) != 0)
            source = "context";
        if (!y)
            source = "none";
    }
    if (y)
        snprintf(buf, sizeof buf, "%04d-%02d-%02d", y, m, d);
    else
        snprintf(buf, sizeof buf, "--%02d-%02d", m, d);
    doc->date = wg_i_strdup(buf);
    doc->date_source = wg_i_strdup(source);
    return doc->date && doc->date_source ? 0 : WG_ENOMEM;
}

/* ---- bylines ---- */

static int is_upper_initial(const char *s)
{
    uint32_t cp;
    size_t k = wg_utf8_decode(s, &cp);
    if (cp < 0x80)
        return isupper((int)cp) != 0;
    char *f = wg_i_fold(s, k);
    int upper = f && strncmp(f, s, k) != 0;
    free(f);
    return upper;
}

/* A signature: 1-5 words, each capitalised ("Minh Cường", "VỊ THANH") or
 * initials ("N.T", "PV"), no sentence punctuation, no digits. */
static int looks_like_name(span l)
{
    size_t words = 0;
    if (l.len == 0 || l.len > 60)
        return 0;
    for (size_t i = 0; i < l.len; i++) {
        char c = l.s[i];
        if (c == ',' || c == ';' || c == ':' || c == '!' || c == '?' || c == '"' || isdigit((unsigned char)c))
            return 0;
    }
    if (l.s[l.len - 1] == '.' && l.len > 4 && l.s[l.len - 2] != '.' && !isupper((unsigned char)l.s[l.len - 2]))
        return 0;
    for (size_t i = 0; i < l.len;) {
        while (i < l.len && (l.s[i] == ' ' || l.s[i] == '-' || l.s[i] == '(' || l.s[i] == ')'))
            i++;
        if (i >= l.len)
            break;
        if (!is_upper_initial(l.s + i))
            return 0;
        words++;
        while (i < l.len && l.s[i] != ' ')
            i++;
    }
    return words >= 1 && words <= 5;
}

/* Labels before the author's name ("Bài:", "BT:", "Tin và ảnh:", "CTV:")
 * and the credits after it ("+ HÌNH: LÊ TÍNH", "- Ảnh: ..."). */
static const char *const author_labels[] = {"bài và ảnh", "bài, ảnh", "bài và hình", "bài/ảnh", "bài - ảnh",
                                            "tin và ảnh", "tin, ảnh", "tin/ảnh", "tin - ảnh", "tin – ảnh",
                                            "tin, bài", "bài", "tin", "bt", "tác giả", "nhóm tác giả",
                                            "nhóm phóng viên", "nhóm pv", "phóng viên", "pv", "ctv",
                                            "cộng tác viên", "thực hiện", "nhóm thực hiện", "người viết", NULL};
static const char *const credit_labels[] = {"ảnh", "hình", "video", "clip", "đồ họa", "nguồn", NULL};

/* If `l` starts with "LABEL:" from `labels`, the rest after it. */
static int strip_label(span *l, const char *const *labels)
{
    const char *colon = memchr(l->s, ':', l->len);
    if (!colon || colon - l->s > 24)
        return 0;
    char *f = wg_i_fold(l->s, (size_t)(colon - l->s));
    int hit = 0;
    if (f) {
        size_t fl = strlen(f);
        while (fl && f[fl - 1] == ' ')
            f[--fl] = '\0';
        hit = in_words(f, labels);
        free(f);
    }
    if (hit)
        *l = trim(colon + 1, l->len - (size_t)(colon + 1 - l->s));
    return hit;
}

/* Does the folded text start with one of `w` as whole words? */
static int starts_with_word(const char *f, const char *const *w)
{
    for (; *w; w++) {
        size_t l = strlen(*w);
        if (strncmp(f, *w, l) == 0 && (f[l] == '\0' || f[l] == ' ' || f[l] == ':' || f[l] == '-' || f[l] == ','))
            return 1;
    }
    return 0;
}

/* A line that names a unit, not a person: "Phòng Văn hóa – Thông tin
 * huyện", "Trung tâm Truyền thông xã", "Ban Tuyên giáo Huyện ủy": short,
 * no sentence. */
static int is_department(span l)
{
    static const char *const heads[] = {"phòng", "trung tâm", "ban", "văn phòng", "đài", "báo", "cổng thông tin",
                                        "ủy ban", "ubnd", "hội", "đoàn", "tòa soạn", "đảng ủy", "huyện ủy",
                                        "thành ủy", "tỉnh ủy", "công an", "bộ chỉ huy", NULL};
    if (l.len < 4 || l.len > 120 || !is_upper_initial(l.s))
        return 0;
    size_t words = 1;
    for (size_t i = 0; i < l.len; i++) {
        char c = l.s[i];
        if (c == ',' || c == ';' || c == ':' || c == '!' || c == '?' || c == '"')
            return 0;
        words += c == ' ';
    }
    if (words > 14 || l.s[l.len - 1] == '.')
        return 0;
    char *f = wg_i_fold(l.s, l.len);
    int hit = f && starts_with_word(f, heads);
    free(f);
    return hit;
}

/* "CTV", "PV": what the author is, after the name ("Hoàng Yến - CTV"). */
static int is_role(span l)
{
    static const char *const w[] = {"ctv", "pv", "ttv", "cộng tác viên", "phóng viên", NULL};
    char *f = wg_i_fold(l.s, l.len);
    int hit = f && in_words(f, w);
    free(f);
    return hit;
}

/* Page chrome under an article: sharing buttons, tags, related links,
 * counters, copyright ("Chia sẻ", "Từ khóa: ...", "Tin liên quan",
 * "Lượt xem: 120", "© Báo ..."), a bare address, a line of symbols. */
static int is_chrome(span l)
{
    static const char *const w[] = {"chia sẻ", "share", "tags", "tag", "từ khóa", "từ khoá", "bình luận",
                                    "ý kiến bạn đọc", "gửi bình luận", "gửi ý kiến", "in bài",
                                    "lượt xem", "tin liên quan", "bài liên quan", "tin cùng chuyên mục",
                                    "tin khác", "tin mới", "xem thêm", "đọc thêm", "quay lại", "trở lại",
                                    "về trang chủ", "lên đầu trang", "theo dõi", "bản quyền", "copyright",
                                    "facebook", "zalo", "twitter", "email", "print", "bài viết liên quan",
                                    "tải về", "xem tiếp", "các tin khác", "tin đã đưa", "tin đã đăng",
                                    "bài đã đăng", "đọc nhiều", "xem nhiều", "mới nhất", "bài viết khác",
                                    "tin tức khác", "cùng chuyên mục", "cùng chủ đề", "(còn nữa)", "(còn tiếp)",
                                    NULL};
    int letters = 0;
    for (size_t i = 0; i < l.len;) {
        uint32_t cp;
        size_t k = wg_utf8_decode(l.s + i, &cp);
        if (cp == 0xA9)
            return 1; /* © */
        letters |= cp < 0x80 ? isalnum((int)cp) != 0 : u_isalpha((UChar32)cp) != 0;
        i += k ? k : 1;
    }
    if (!letters || l.s[0] == '#') /* symbols; hashtags */
        return 1;
    if (wg_i_memfind(l.s, l.len, "http", 4) || wg_i_memfind(l.s, l.len, "www.", 4))
        return 1;
    /* a sentence that starts with such words is the report's */
    if (l.len > 120 || (l.s[l.len - 1] == '.' && memchr(l.s, ' ', l.len)))
        return 0;
    char *f = wg_i_fold(l.s, l.len);
    int hit = f && starts_with_word(f, w);
    free(f);
    return hit;
}

/* Cuts "NAME + HÌNH: X", "NAME - Ảnh: X", "NAME, ảnh: X" at the credit, and
 * "NAME (Trung tâm VH-TT huyện)", "NAME - Phòng Văn hóa – Thông tin" at the
 * author's unit. */
static void cut_credit(span *l)
{
    for (size_t i = 0; i < l->len; i++) {
        if (l->s[i] == '(' && i > 0) {
            span before = trim(l->s, i);
            if (before.len) {
                *l = before;
                return;
            }
        }
        if (l->s[i] != '+' && l->s[i] != '-' && l->s[i] != ',' && l->s[i] != '/' && l->s[i] != '|')
            continue;
        span rest = trim(l->s + i + 1, l->len - i - 1);
        if (strip_label(&rest, credit_labels) ||
            (i > 0 && (l->s[i - 1] == ' ' || l->s[i] == ',') && (is_department(rest) || is_role(rest)))) {
            *l = trim(l->s, i);
            return;
        }
    }
}

/* The byline in line `l`, or an empty span. */
static span byline_of(span l)
{
    span none = {NULL, 0};
    int labelled = strip_label(&l, author_labels);
    cut_credit(&l);
    if (!labelled) {
        span tmp = l;
        if (strip_label(&tmp, credit_labels))
            return none; /* a photo credit alone is not the author */
    }
    return looks_like_name(l) ? l : none;
}

/* The last lines of the text kept to find the signature among them. */
enum { TAIL = 10 };

/* The signature among the last lines: under page chrome, the last line;
 * under a last line that is only a photo credit or a source, the line
 * before; a unit's line ("Phòng Văn hóa – Thông tin") signs only when no
 * name does. Sets *from to where it starts. */
static span find_byline(const span *lines, const size_t *starts, size_t nl, size_t *from)
{
    span none = {NULL, 0};
    size_t i = nl;
    while (i > 0 && nl - i < TAIL - 2 && is_chrome(lines[i - 1]))
        i--;
    if (i == 0)
        return none;
    span l = lines[i - 1], b = byline_of(l);
    *from = starts[i - 1];
    if (b.s)
        return b;
    span tmp = l;
    int credit = strip_label(&tmp, credit_labels);
    if ((credit || is_department(l)) && i >= 2) {
        b = byline_of(lines[i - 2]);
        if (b.s) {
            *from = starts[i - 2];
            return b;
        }
    }
    if (!credit && is_department(l)) {
        strip_label(&l, author_labels);
        return l;
    }
    return none;
}

int wg_i_meta(wg_doc *doc, const char *hint_title, const char *hint_date)
{
    const char *t;
    size_t n;
    span title = {NULL, 0}, lines[TAIL];
    size_t starts[TAIL], nl = 0;
    size_t pos = 0, title_end = 0;

    (void)hint_title; /* HTML titles are written as the text's first line */
    drop_counter_lines(doc);
    t = doc->text;
    n = doc->text_len;
    while (pos < n) {
        const char *nlp = memchr(t + pos, '\n', n - pos);
        size_t end = nlp ? (size_t)(nlp - t) : n;
        span l = trim(t + pos, end - pos);
        if (!is_blank_line(t + pos, end - pos)) {
            if (!title.s) {
                title = l;
                title_end = end;
            } else {
                if (nl == TAIL) {
                    memmove(lines, lines + 1, (TAIL - 1) * sizeof *lines);
                    memmove(starts, starts + 1, (TAIL - 1) * sizeof *starts);
                    nl--;
                }
                lines[nl] = l;
                starts[nl++] = pos;
            }
        }
        pos = end + 1;
    }
    doc->body_start = title_end;
    doc->body_end = n;
    doc->byline = NULL;
    {
        size_t from = n;
        span b = find_byline(lines, starts, nl, &from);
        if (b.s) {
            doc->byline = wg_i_strndup(b.s, b.len);
            doc->body_end = from;
        }
    }
    if (!doc->byline)
        doc->byline = wg_i_strdup("");
    doc->title = title.s ? wg_i_strndup(title.s, title.len) : wg_i_strdup("");
    if (!doc->title || !doc->byline)
        return WG_ENOMEM;
    return set_date(doc, t, n, hint_date);
}
