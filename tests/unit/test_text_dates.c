/* text: the meeting date (SPEC section 1), each form the reports use, and
 * where its year comes from. */
#include <stdlib.h>
#include <time.h>
#include "harness.h"
#include "wardgraph.h"

static void date_is(const char *name, const char *text, const char *date, const char *source)
{
    wg_doc *d = NULL;
    OK(wg_doc_new(&d, name, text, strlen(text), NULL) == 0, "%s: %s", name, wg_error_last());
    if (!d)
        return;
    OK(strcmp(wg_doc_date(d), date) == 0, "%s: date \"%s\", want \"%s\"", name, wg_doc_date(d), date);
    OK(strcmp(wg_doc_date_source(d), source) == 0, "%s: date_source \"%s\", want \"%s\"", name,
       wg_doc_date_source(d), source);
    wg_doc_free(d);
}


/* An article of one line of about `mb` MB: the meeting date at its start,
 * then filler with `dated` sentences spread over it that each carry a date
 * (of a document: never the meeting's) or, when !dated, the same sentence
 * with a plain number. */
static char *big_article(size_t mb, int dated, size_t *len)
{
    const char *head = "Tiêu đề\n\nSáng 5/3, Đảng ủy phường họp bàn công tác quý. ";
    const char *fill = "Người dân góp ý kiến xây dựng khu phố văn minh, sạch đẹp. ";
    const char *with = "Theo Kế hoạch ngày 3/11/2022 của phường, tổ dân phố rà soát. ";
    const char *without = "Theo Kế hoạch số 311/2022 của phường, tổ dân phố rà soát. ";
    size_t cap = mb * 1024 * 1024 + 4096, n = 0, fl = strlen(fill);
    char *t = malloc(cap);
    if (!t)
        return NULL;
    n += (size_t)snprintf(t, cap, "%s", head);
    size_t every = (cap - 4096) / fl / 300 + 1, k = 0;
    while (n + fl + 200 < cap - 4096) {
        memcpy(t + n, fill, fl);
        n += fl;
        if (++k % every == 0)
            n += (size_t)snprintf(t + n, cap - n, "%s", dated ? with : without);
    }
    n += (size_t)snprintf(t + n, cap - n, "\n\nMinh Cường\n");
    *len = n;
    return t;
}

/* CPU seconds to read the article (best of 3: the machine is shared). */
static double read_time(const char *t, size_t n, const char *want_date)
{
    double best = 1e9;
    for (int r = 0; r < 3; r++) {
        wg_doc *d = NULL;
        clock_t c0 = clock();
        int err = wg_doc_new(&d, "big.txt", t, n, NULL);
        double s = (double)(clock() - c0) / CLOCKS_PER_SEC;
        OK(err == 0, "big article: %s", wg_error_last());
        if (d && want_date)
            OK(strcmp(wg_doc_date(d), want_date) == 0, "big article: date \"%s\", want \"%s\"", wg_doc_date(d),
               want_date);
        wg_doc_free(d);
        if (s < best)
            best = s;
    }
    return best;
}

/* Reading one article is linear: 300 dates in a 6 MB line cost about
 * what 300 plain numbers do. (Each date once looked along its whole line
 * for a posting stamp: 256 scans of the line, three times the cost of
 * reading the article here, minutes for an article of hundreds of MB.) */
static void big_article_is_linear(void)
{
    size_t n1, n2;
    char *with = big_article(6, 1, &n1), *without = big_article(6, 0, &n2);
    OK(with && without, "out of memory");
    if (with && without) {
        double t1 = read_time(with, n1, "--03-05"), t0 = read_time(without, n2, "--03-05");
        OK(t1 < 2.0 * t0 + 0.05, "dates cost %.2fs over a plain article's %.2fs", t1, t0);
    }
    free(with);
    free(without);
}

int main(void)
{
    wg_init();

    /* ---- the forms of SPEC section 1 ---- */
    date_is("ngay-full", "Tiêu đề\n\nNgày 24/2/2023, Thường trực Quận ủy làm việc với Đảng ủy phường.",
            "2023-02-24", "text");
    date_is("ngay-words", "Tiêu đề\n\nHội nghị diễn ra ngày 24 tháng 2 năm 2023 tại hội trường.", "2023-02-24",
            "text");
    date_is("ngay-words-no-year", "Tiêu đề\n\nSáng ngày 2 tháng 10, Đảng bộ phường tổ chức lễ.", "--10-02", "none");
    date_is("sang-ngay", "Tiêu đề\n\nSáng ngày 11/5, đồng chí Bùi Văn Phú làm việc.", "--05-11", "none");
    date_is("chieu", "Tiêu đề\n\nChiều 13/4, BTV Thành ủy làm việc.", "--04-13", "none");
    date_is("dashes", "Tiêu đề\n\nNgày 24-2-2023, Ban Thường vụ họp.", "2023-02-24", "text");
    date_is("dashes-no-year", "Tiêu đề\n\nChiều 14-8, Đảng bộ phường Bình Trưng tổ chức Đại hội.", "--08-14", "none");
    date_is("dots", "Tiêu đề\n\nBuổi tiếp nhận diễn ra chiều 22.12, tại Hội trường.", "--12-22", "none");
    date_is("ngay-dots", "Tiêu đề\n\nNgày 6.7, tin từ Văn phòng Tỉnh ủy.", "--07-06", "none");
    date_is("full-date-opens", "Tiêu đề\n\n24/2/2023 - Thường trực Quận ủy làm việc.", "2023-02-24", "text");
    date_is("chieu-nay", "Tiêu đề\n\nChiều nay (4/12), Ban Chấp hành họp.", "--12-04", "none");
    date_is("sang-nay-dash", "Tiêu đề\n\nSáng nay (31-7), đoàn công tác làm việc.", "--07-31", "none");
    date_is("hom-qua", "Tiêu đề\n\nHôm qua (23/2), Quận ủy tổ chức hội nghị.", "--02-23", "none");
    date_is("weekday", "Tiêu đề\n\nSáng thứ Hai (24/2), Quận ủy tổ chức hội nghị.", "--02-24", "none");
    date_is("weekday-ngay", "Tiêu đề\n\nVào thứ Năm ngày 16/11, Quận ủy họp.", "--11-16", "none");
    date_is("ngay-midsentence", "Tiêu đề\n\nĐảng ủy phường đã họp ngày 5/3 để bàn.", "--03-05", "none");

    /* ---- a meeting of several days: its first day ---- */
    date_is("two-days", "Tiêu đề\n\nTrong 2 ngày 6 và 7/8, Đảng bộ phường tổ chức Đại hội.", "--08-06", "none");
    date_is("day-range", "Tiêu đề\n\nNgày 14-15/8, Đảng bộ phường tổ chức Đại hội.", "--08-14", "none");
    date_is("day-list", "Tiêu đề\n\nTrong 03 ngày, 3,4 và 5/8/2020, Đảng bộ huyện tổ chức Đại hội.", "2020-08-03",
            "text");
    date_is("tu-den", "Tiêu đề\n\nTừ ngày 14 đến ngày 16/8/2023, Đảng bộ tỉnh tổ chức Đại hội.", "2023-08-14", "text");

    /* ---- what is not the meeting's date ---- */
    date_is("document", "Tiêu đề\n\nThực hiện Nghị quyết số 26-NQ/TW ngày 3/11/2022 của Bộ Chính trị, "
                        "sáng 5/12 Tỉnh ủy họp.", "--12-05", "none");
    date_is("document-only", "Tiêu đề\n\nTheo Quyết định ngày 3/11/2022 của UBND tỉnh, phường được thành lập.", "", "");
    date_is("deadline", "Tiêu đề\n\nPhường phải hoàn thành trước ngày 31/12 theo kế hoạch.", "", "");
    date_is("numbers", "Tiêu đề\n\nĐạt 12/14 chỉ tiêu, tỷ lệ 2.5%, thu 3.124.335 đồng, 3/4 số hộ.", "", "");
    date_is("paren-no-year", "Tiêu đề\n\nKỷ niệm ngày thành lập (3/2) được tổ chức trọng thể.", "", "");
    date_is("nothing", "Tiêu đề\n\nĐảng ủy phường làm việc với các chi bộ.", "", "");
    /* the first of equally sure dates: the opening one */
    date_is("first", "Tiêu đề\n\nNgày 24/2/2023, Quận ủy làm việc.\n\nChiều 25/2, đoàn đi thực tế.", "2023-02-24",
            "text");
    /* a time of day beats a date in passing */
    date_is("time-beats-ngay", "Tiêu đề\n\nSau hội nghị ngày 2/3, chiều 5/3 Quận ủy làm việc.", "--03-05", "none");

    /* ---- posting stamps: the date only without a meeting date; a year for a partial one ---- */
    date_is("stamp-only", "Tiêu đề\n\nNgày đăng 16/11/2022\n\nĐảng ủy phường làm việc với các chi bộ.",
            "2022-11-16", "stamp");
    date_is("stamp-time", "Tiêu đề\n\n14/11/2022 16:57\n\nĐảng ủy phường làm việc với các chi bộ.", "2022-11-14",
            "stamp");
    date_is("stamp-year", "Tiêu đề\n\n14/11/2022 16:57\n\nChiều 13/11, Đảng ủy phường làm việc.", "2022-11-13",
            "stamp");
    date_is("stamp-cap-nhat", "Tiêu đề\n\nCập nhật: 14/04/2023\n\nChiều 13/4, Thành ủy làm việc.", "2023-04-13",
            "stamp");
    /* published in January about a December meeting: the year before */
    date_is("stamp-new-year", "Tiêu đề\n\nNgày đăng 05/01/2023\n\nSáng 28/12, Đảng ủy phường tổng kết năm.",
            "2022-12-28", "stamp");
    date_is("stamp-print", "Print Thứ Bảy, 26/01/2019 19:26\n\nNgày 22-8, tại Trung tâm hội nghị thành phố, ...",
            "2018-08-22", "stamp");
    date_is("stamp-words-before", "Tiêu đề\n\nCập nhật lúc 10:30 ngày 24/2/2023\n\nĐảng ủy phường làm việc.",
            "2023-02-24", "stamp");
    date_is("stamp-short-line", "Tiêu đề\n\nThứ Hai, 24/02/2023 - 10:30\n\nSáng 23/2, Đảng ủy phường làm việc.",
            "2023-02-23", "stamp");
    date_is("time-in-sentence", "Tiêu đề\n\nVào lúc 14:00 ngày 24/2/2023, Đảng ủy phường tổ chức hội nghị "
                                "tổng kết công tác năm.", "2023-02-24", "text");
    date_is("anniversary", "Tiêu đề\n\nKỷ niệm 93 năm Ngày thành lập Đảng (3/2/1930 – 3/2/2023), Đảng ủy "
                           "phường tổ chức hội nghị.", "2023-02-03", "text");
    /* the meeting's own date wins over a stamp */
    date_is("stamp-loses", "Tiêu đề\n\nNgày đăng 16/11/2022\n\nNgày 14/11/2022, Quận ủy làm việc.", "2022-11-14",
            "text");

    /* ---- the year from elsewhere in the text ---- */
    date_is("same-day", "Tiêu đề\n\nSáng 16-10, Đảng bộ xã kỷ niệm 60 năm Ngày thành lập "
                        "(16-10-1962 – 16-10-2022).", "2022-10-16", "context");
    date_is("same-month", "Tiêu đề\n\nChiều 26/7, UBND tỉnh tổ chức phiên họp thường kỳ tháng 7/2022.",
            "2022-07-26", "context");
    date_is("same-month-words", "Tiêu đề\n\nChiều ngày 12/6, Đảng ủy xã đánh giá nhiệm vụ tháng 06 năm 2023.",
            "2023-06-12", "context");
    date_is("other-month", "Tiêu đề\n\nChiều 26/7, UBND tỉnh bàn kế hoạch tháng 8/2022.", "--07-26", "none");

    /* ---- HTML: the publication date ---- */
    date_is("html-year.html",
            "<html><head><meta property=\"article:published_time\" content=\"2023-04-14T08:00:00+07:00\">"
            "</head><body><h1>Tiêu đề</h1><p>Chiều 13/4, BTV Thành ủy làm việc.</p></body></html>",
            "2023-04-13", "html");
    date_is("html-only.html",
            "<html><head><meta property=\"article:published_time\" content=\"2023-04-14T08:00:00+07:00\">"
            "</head><body><h1>Tiêu đề</h1><p>Thành ủy làm việc với phường.</p></body></html>",
            "2023-04-14", "html");
    date_is("html-time.html",
            "<html><body><article><h1>Tiêu đề</h1><time datetime=\"2022-05-12\">12/5</time>"
            "<p>Sáng ngày 11/5, Thành ủy làm việc.</p></article></body></html>",
            "2022-05-11", "html");
    date_is("html-vn-meta.html",
            "<html><head><meta name=\"pubdate\" content=\"05/01/2023\"></head><body><h1>Tiêu đề</h1>"
            "<p>Sáng 28/12, Đảng ủy phường tổng kết năm.</p></body></html>",
            "2022-12-28", "html");
    date_is("html-jsonld.html",
            "<html><head><script type=\"application/ld+json\">{\"@type\":\"NewsArticle\",\"datePublished\":"
            "\"2024-08-07T10:00:00Z\"}</script></head><body><h1>Tiêu đề</h1>"
            "<p>Trong 2 ngày 6 và 7/8, Đảng bộ phường tổ chức Đại hội.</p></body></html>",
            "2024-08-06", "html");
    /* a year written in the text beats the page's metadata */
    date_is("html-text-wins.html",
            "<html><head><meta property=\"article:published_time\" content=\"2024-01-01\"></head><body>"
            "<h1>Tiêu đề</h1><p>Ngày 24/2/2023, Quận ủy làm việc.</p></body></html>",
            "2023-02-24", "text");

    /* ---- what scraped pages add: short-year stamps, stamps glued to the text ---- */
    date_is("chieu-nay-bare", "Tiêu đề\n\nChiều nay 2/8, Thường trực Đảng ủy xã làm việc với các thôn.", "--08-02",
            "none");
    date_is("hom-nay-bare", "Tiêu đề\n\nHôm nay 19/9, Ủy ban MTTQ phường tổ chức hội nghị.", "--09-19", "none");
    date_is("stamp-short-year", "Thứ Năm, 4-9-25 08:15:02\n\nTiêu đề\n\nSáng 3/9, Đảng ủy xã làm việc.",
            "2025-09-03", "stamp");
    date_is("stamp-glued", "Tiêu đề\n\n12/06/2023Ngày 11/6, Đảng ủy phường tổ chức hội nghị giao ban.", "2023-06-11",
            "stamp");
    date_is("stamp-glued-only", "Tiêu đề\n\n12/06/2023Đảng ủy phường tổ chức hội nghị giao ban.", "2023-06-12",
            "stamp");
    date_is("dots-full-ngay", "Tiêu đề\n\nNgày 21.10.2024, Hội đồng nhân dân xã họp kỳ thứ 8.", "2024-10-21", "text");
    date_is("dots-full-sang", "Tiêu đề\n\nHội nghị diễn ra sáng 07.03.2024 tại hội trường xã.", "2024-03-07", "text");
    date_is("dots-full-stamp", "Tiêu đề\n\nCập nhật: 08.03.2024 09:30\n\nSáng 7.3, Đảng ủy xã họp.", "2024-03-07",
            "stamp");
    date_is("dots-document", "Tiêu đề\n\nThực hiện Kế hoạch số 12 ngày 02.01.2024 của Huyện ủy, chiều 7.3 Đảng "
                             "ủy xã họp.", "--03-07", "none");
    big_article_is_linear();
    return HARNESS_DONE();
}
