/* text: HTML pages. What is kept (headline, article text, paragraph breaks,
 * decoded entities) and dropped (scripts, menus, related lists, comments,
 * footers), the title and date sources, external entities never read, and
 * offsets into the page's source. */
#include <stdlib.h>
#include <unistd.h>
#include "harness.h"
#include "text/text.h"

static wg_doc *page(const char *name, const char *html)
{
    wg_doc *d = NULL;
    if (wg_doc_new(&d, name, html, strlen(html), NULL) < 0)
        fprintf(stderr, "%s: %s\n", name, wg_error_last());
    return d;
}

static int has(const wg_doc *d, const char *s) { return strstr(d->text, s) != NULL; }

/* The source bytes a piece of the normalised text maps to. */
static void maps_to(const wg_doc *d, const char *in_text, const char *in_source)
{
    const char *t = strstr(d->text, in_text);
    OK(t != NULL, "\"%s\" in the text", in_text);
    if (!t)
        return;
    size_t s = (size_t)(t - d->text), e = s + strlen(in_text);
    size_t os = d->map[s], oe = d->map[e];
    OK(os <= oe && oe <= d->orig_len, "map in range");
    OK(oe - os == strlen(in_source) && memcmp(d->orig + os, in_source, oe - os) == 0,
       "\"%s\" maps to \"%.*s\", want \"%s\"", in_text, (int)(oe - os), d->orig + os, in_source);
}

int main(void)
{
    wg_doc *d;
    wg_init();

    /* ---- a portal page: furniture dropped, article kept ---- */
    const char *portal =
        "<!DOCTYPE html>\n<html><head><title>Tin tức | Cổng TTĐT Quận 1</title>\n"
        "<style>.menu{color:red} /* phường Bến Thành */</style>\n"
        "<script>var s = \"<p>Nguyễn Văn Script</p>\"; if (a < b) {}</script></head>\n"
        "<body><div id=\"header\"><h1 class=\"logo\">CỔNG THÔNG TIN ĐIỆN TỬ</h1></div>\n"
        "<ul class=\"main-menu\"><li><a href=\"/\">Trang chủ</a></li><li><a href=\"/t\">Tin tức</a></li></ul>\n"
        "<nav><a href=\"/a\">Phường Đa Kao</a></nav>\n"
        "<div class=\"breadcrumb\"><a href=\"/\">Trang chủ</a> » Xây dựng Đảng</div>\n"
        "<div class=\"detail\"><h1>Quận ủy làm việc với phường Cầu Kho</h1>\n"
        "<p>Ngày 24/2/2023, Thường trực Quận ủy làm việc với Đảng ủy phường Cầu Kho &amp; "
        "UBND phường. Bí thư <strong>Tô Thị Bích Châu</strong> chủ trì.</p>\n"
        "<!-- <p>Nguyễn Văn Comment</p> -->\n"
        "<p>Tham dự có đồng chí Nguyễn&nbsp;Văn&#160;Hiếu, Phó Bí thư, &ldquo;Dân vận khéo&rdquo;.</p>\n"
        "<p style=\"text-align:right\"><b>Long Toàn</b></p>\n"
        "<div class=\"box-tinlienquan\"><h3>Tin liên quan</h3><ul><li><a href=\"/1\">Phường Bến Nghé họp</a></li>"
        "<li><a href=\"/2\">Phường Tân Định họp</a></li></ul></div>\n"
        "<div class=\"fb-comments\">Bình luận của Trần Văn Đọc</div>\n"
        "</div>\n<div class=\"sidebar\"><p>Phường Cô Giang tổng kết năm với nhiều kết quả nổi bật.</p></div>\n"
        "<ul><li><a href=\"/x\">Xã Tân Phú ra mắt mô hình mới</a></li><li><a href=\"/y\">Xã Bình Mỹ tổng kết</a></li></ul>\n"
        "<div id=\"footer\">Địa chỉ: 47 Lê Duẩn, phường Bến Nghé</div></body></html>";
    d = page("portal.html", portal);
    OK(d != NULL, "portal page read");
    if (d) {
        STR_EQ(wg_doc_title(d), "Quận ủy làm việc với phường Cầu Kho");
        STR_EQ(wg_doc_date(d), "2023-02-24");
        STR_EQ(wg_doc_byline(d), "Long Toàn");
        OK(strncmp(d->text, "Quận ủy làm việc với phường Cầu Kho\n\nNgày 24/2/2023,", 60) == 0,
           "headline, then a paragraph break: %.80s", d->text);
        OK(has(d, "Cầu Kho & UBND"), "&amp; decoded");
        OK(has(d, "Nguyễn Văn Hiếu"), "&nbsp; and &#160; are spaces");
        OK(has(d, "“Dân vận khéo”"), "typographic quotes kept");
        OK(has(d, "chủ trì.\n\nTham dự"), "paragraphs stay paragraphs");
        static const char *const dropped[] = {"Script", "Comment", "CỔNG THÔNG TIN", "Trang chủ", "Đa Kao",
                                              "Bến Nghé", "Tân Định", "Trần Văn Đọc", "Cô Giang", "Tân Phú",
                                              "Bến Thành", "Tin tức", "Xây dựng Đảng", NULL};
        for (int i = 0; dropped[i]; i++)
            OK(!has(d, dropped[i]), "\"%s\" dropped", dropped[i]);
        /* offsets: verbatim text slices to its bytes; inside tags and entities still brackets the mention */
        maps_to(d, "Tô Thị Bích Châu", "Tô Thị Bích Châu");
        maps_to(d, "Đảng ủy phường Cầu Kho", "Đảng ủy phường Cầu Kho");
        maps_to(d, "Nguyễn Văn Hiếu", "Nguyễn&nbsp;Văn&#160;Hiếu");
        maps_to(d, "Bí thư Tô Thị Bích Châu", "Bí thư <strong>Tô Thị Bích Châu");
        maps_to(d, "Quận ủy làm việc với phường Cầu Kho", "Quận ủy làm việc với phường Cầu Kho");
        maps_to(d, "Long Toàn", "Long Toàn");
        wg_doc_free(d);
    }

    /* ---- an inline tag ends a name: the punctuation after it points back ---- */
    d = page("inline.html", "<html><body><p>Đồng chí <b>Cù Ngọc Cường</b>, Bí thư <a class=\"tag\" "
                            "href=\"/t\">Thành ủy</a>; chủ trì.</p></body></html>");
    OK(d != NULL, "inline page");
    if (d) {
        maps_to(d, "Cù Ngọc Cường", "Cù Ngọc Cường");
        maps_to(d, "Thành ủy", "Thành ủy");        /* a linked name is text, whatever its class */
        wg_doc_free(d);
    }

    /* ---- title sources: <h1> in the article, og:title, <title> ---- */
    d = page("og.html", "<html><head><title>Trang | Site</title><meta property=\"og:title\" content=\"Tiêu đề "
                        "từ og\"></head><body><div class=\"content\"><p>Nội dung bài viết đủ dài để là bài viết "
                        "chính của trang này.</p></div></body></html>");
    OK(d && strcmp(wg_doc_title(d), "Tiêu đề từ og") == 0, "og:title: %s", d ? wg_doc_title(d) : "");
    if (d)
        maps_to(d, "Tiêu đề từ og", "Tiêu đề từ og"); /* the attribute's bytes */
    wg_doc_free(d);
    d = page("title.html", "<html><head><title>Tiêu đề từ title</title></head><body><p>Nội dung bài viết "
                           "đủ dài để là bài viết chính của trang này.</p></body></html>");
    OK(d && strcmp(wg_doc_title(d), "Tiêu đề từ title") == 0, "<title>: %s", d ? wg_doc_title(d) : "");
    wg_doc_free(d);
    /* a headline repeated as the body's first line is written once */
    d = page("repeat.html", "<html><head><meta property=\"og:title\" content=\"Hội nghị Thành ủy\"></head><body>"
                            "<table><tr><td class=\"title\">Hội nghị Thành ủy</td></tr><tr><td>Chiều 13/4, Thành "
                            "ủy họp bàn nhiều nội dung quan trọng của thành phố.</td></tr></table></body></html>");
    OK(d && strncmp(d->text, "Hội nghị Thành ủy\nChiều 13/4", 30) == 0, "headline once: %s", d ? d->text : "");
    wg_doc_free(d);

    /* ---- <br> lines, two <br> a paragraph ---- */
    d = page("br.html", "<html><body><td>Dòng một của bài viết khá dài.<br>Dòng hai.<br><br>Đoạn hai của "
                        "bài.</td></body></html>");
    OK(d && has(d, "khá dài.\nDòng hai.\n\nĐoạn hai"), "br: %s", d ? d->text : "");
    wg_doc_free(d);

    /* ---- external entities are never read, the network never used ---- */
    {
        char path[] = "/tmp/wg-secret-XXXXXX";
        int fd = mkstemp(path);
        OK(fd >= 0, "temp file");
        if (fd >= 0) {
            const char *secret = "TOP-SECRET-CONTENT";
            OK(write(fd, secret, strlen(secret)) == (ssize_t)strlen(secret), "write");
            close(fd);
            char html[1024];
            snprintf(html, sizeof html,
                     "<!DOCTYPE html [\n<!ENTITY xxe SYSTEM \"file://%s\">\n<!ENTITY net SYSTEM "
                     "\"http://127.0.0.1:9/x\">\n<!ENTITY %% p SYSTEM \"file://%s\"> %%p;\n]>\n"
                     "<html><body><h1>Tiêu đề</h1><p>Đảng ủy phường &xxe; họp &net; bàn việc.</p>"
                     "<p>Tiếp &xxe;</p></body></html>",
                     path, path);
            d = page("xxe.html", html);
            OK(d != NULL, "page with external entities read");
            if (d) {
                OK(!has(d, "TOP-SECRET"), "the file is not read: %s", d->text);
                OK(!has(d, "]>"), "the internal subset does not leak into the text");
                STR_EQ(wg_doc_title(d), "Tiêu đề");
                OK(has(d, "Đảng ủy phường &xxe; họp &net; bàn việc."), "undeclared for HTML: left as written");
                wg_doc_free(d);
            }
            unlink(path);
        }
    }

    /* ---- broken markup is read, not refused ---- */
    d = page("broken.html", "<html><body><p>Đảng ủy <b>phường <i>Cầu Kho</b> họp</i> ngày 5/3<p>Đoạn < "
                            "hai & ba <!-- không đóng");
    OK(d && has(d, "Đảng ủy phường Cầu Kho họp ngày 5/3") && has(d, "Đoạn < hai & ba"), "broken: %s",
       d ? d->text : "");
    wg_doc_free(d);
    /* a .txt that is a page is read as HTML; HTML-looking text inside a .txt is not */
    d = page("saved.txt", "<!DOCTYPE html><html><body><p>Chiều 13/4, Thành ủy làm việc.</p></body></html>");
    OK(d && !has(d, "<p>"), "sniffed as HTML");
    wg_doc_free(d);
    d = page("note.txt", "Ghi chú\n\nDùng thẻ <p> để xuống dòng, ngày 5/3.");
    OK(d && has(d, "<p>"), "plain text stays text");
    wg_doc_free(d);
    return HARNESS_DONE();
}
