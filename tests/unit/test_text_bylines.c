/* text: the byline (the author's signature on the last line or lines),
 * the title, and the body range that keeps the byline out of extraction. */
#include <stdlib.h>
#include "harness.h"
#include "text/text.h"

static void byline_is(const char *name, const char *text, const char *byline)
{
    wg_doc *d = NULL;
    OK(wg_doc_new(&d, name, text, strlen(text), NULL) == 0, "%s: %s", name, wg_error_last());
    if (!d)
        return;
    OK(strcmp(wg_doc_byline(d), byline) == 0, "%s: byline \"%s\", want \"%s\"", name, wg_doc_byline(d), byline);
    if (*byline) {
        /* never inside the body */
        const char *at = strstr(d->text + d->body_start, byline);
        OK(d->body_end <= d->text_len && (!at || (size_t)(at - d->text) >= d->body_end),
           "%s: the byline is after the body", name);
    }
    wg_doc_free(d);
}

static void seed_is(const char *prefix, const char *title, const char *byline)
{
    char path[1024];
    char *data = NULL;
    size_t len = 0;
    wg_doc *d = NULL;
    snprintf(path, sizeof path, "%s/corpus/seeds/%s", WG_TEST_DATA, prefix);
    OK(wg_read_file(path, &data, &len) == 0, "%s", wg_error_last());
    if (data && wg_doc_new(&d, path, data, len, NULL) == 0) {
        STR_EQ(wg_doc_byline(d), byline);
        STR_EQ(wg_doc_title(d), title);
        wg_doc_free(d);
    }
    free(data);
}

int main(void)
{
    wg_lexicon *lex = NULL;
    wg_init();

    /* each seed's signature (the second after a no-break space) */
    seed_is("000_5684c0fd25eaeaaa.txt",
            "PHƯỜNG CẦU KHO TẬP TRUNG LÃNH ĐẠO PHÁT TRIỂN KINH TẾ- VĂN HÓA- XÃ HỘI, ĐẢM BẢO AN NINH QUỐC PHÒNG",
            "Long Toàn");
    seed_is("001_9916a2e6d5f99fc3.txt", "ĐẢNG BỘ PHƯỜNG CÔ GIANG TIẾP TỤC TẬP TRUNG CÔNG TÁC XÂY DỰNG ĐẢNG", "N.T");
    seed_is("002_2e0777b07d56535b.txt",
            "PHƯỜNG NGUYỄN THÁI BÌNH NHIỀU HOẠT ĐỘNG NỔI BẬT TRONG PHONG TRÀO THI ĐUA YÊU NƯỚC", "Ngọc Tiến");
    seed_is("003_be9e75f00004d690.txt", "Thường trực Thành ủy PRTC làm việc với Đảng ủy phường Thanh Sơn",
            "Xuân Thoa");
    seed_is("004_9e5efd48ea74ce59.txt", "Ban Thường vụ Thành ủy làm việc với tập thể Đảng ủy phường Đức Xuân",
            "Minh Cường");

    /* names, initials, capitals, after a no-break space */
    byline_is("name", "Tiêu đề\n\nChiều 13/4, Thành ủy làm việc.\n\nMinh Cường", "Minh Cường");
    byline_is("nbsp", "Tiêu đề\n\nChiều 13/4, Thành ủy làm việc.\n\n\xc2\xa0N.T", "N.T");
    byline_is("initials-dot", "Tiêu đề\n\nChiều 13/4, Thành ủy làm việc.\n\nQ.H.", "Q.H.");
    byline_is("caps", "Tiêu đề\n\nChiều 13/4, Thành ủy làm việc.\n\nVỊ THANH", "VỊ THANH");
    byline_is("pv", "Tiêu đề\n\nChiều 13/4, Thành ủy làm việc.\n\nPV", "PV");
    byline_is("trailing-blank", "Tiêu đề\n\nThành ủy làm việc.\n\nThành Nhân\n\n\n", "Thành Nhân");
    /* labels and credits */
    byline_is("label-credit", "Tiêu đề\n\nThành ủy làm việc.\n\nBT: NGUYỄN THU + HÌNH: LÊ TÍNH", "NGUYỄN THU");
    byline_is("bai-anh", "Tiêu đề\n\nThành ủy làm việc.\n\nBài và ảnh: Minh Cường", "Minh Cường");
    byline_is("tin-anh", "Tiêu đề\n\nThành ủy làm việc.\n\nTin, ảnh: Ngọc Tiến", "Ngọc Tiến");
    byline_is("name-dash-photo", "Tiêu đề\n\nThành ủy làm việc.\n\nLong Toàn - Ảnh: Ngọc Tiến", "Long Toàn");
    byline_is("photo-line-after", "Tiêu đề\n\nThành ủy làm việc.\n\nLong Toàn\n\nẢnh: Ngọc Tiến", "Long Toàn");
    /* more labels: CTV, Nhóm PV, Thực hiện */
    byline_is("ctv", "Tiêu đề\n\nThành ủy làm việc.\n\nCTV: Hoàng Yến", "Hoàng Yến");
    byline_is("nhom-pv", "Tiêu đề\n\nThành ủy làm việc.\n\nNhóm PV", "Nhóm PV");
    byline_is("thuc-hien", "Tiêu đề\n\nThành ủy làm việc.\n\nThực hiện: Quốc Bảo - Thu Hà", "Quốc Bảo - Thu Hà");
    byline_is("tin-anh-dash", "Tiêu đề\n\nThành ủy làm việc.\n\nTin - ảnh: Văn Sơn", "Văn Sơn");
    /* page chrome under the signature */
    byline_is("chrome-share", "Tiêu đề\n\nThành ủy làm việc.\n\nHoàng Yến\n\nChia sẻ\n\nTừ khóa: Thành ủy, hội nghị",
              "Hoàng Yến");
    byline_is("chrome-related", "Tiêu đề\n\nThành ủy làm việc.\n\nTin, ảnh: Văn Sơn\n\nTin liên quan\n\n"
              "Lượt xem: 1.204\n\n© Bản quyền thuộc Báo Điện tử tỉnh", "Văn Sơn");
    byline_is("chrome-link", "Tiêu đề\n\nThành ủy làm việc.\n\nQuốc Bảo\n\nhttps://example.vn/bai-viet\n\n* * *",
              "Quốc Bảo");
    byline_is("chrome-follow", "Tiêu đề\n\nThành ủy làm việc.\n\nN.H\n\nTheo dõi Báo Điện tử tỉnh trên Google News",
              "N.H");
    /* a last paragraph that starts like chrome is still the report's */
    byline_is("chrome-sentence", "Tiêu đề\n\nThành ủy làm việc.\n\nHoàng Yến\n\nTheo dõi sát tình hình, các xã "
              "báo cáo kịp thời.", "");
    /* indented, and with the author's unit in brackets or after a dash */
    byline_is("indented", "Tiêu đề\n\nThành ủy làm việc.\n\n\t   Hoàng Yến", "Hoàng Yến");
    byline_is("unit-brackets", "Tiêu đề\n\nThành ủy làm việc.\n\nHoàng Yến (Trung tâm Văn hóa - Thông tin xã)",
              "Hoàng Yến");
    byline_is("label-unit-brackets", "Tiêu đề\n\nThành ủy làm việc.\n\nTin, ảnh: Văn Sơn (CTV)", "Văn Sơn");
    byline_is("unit-dash", "Tiêu đề\n\nThành ủy làm việc.\n\nQuốc Bảo - Phòng Văn hóa - Thông tin huyện",
              "Quốc Bảo");
    byline_is("unit-comma", "Tiêu đề\n\nThành ủy làm việc.\n\nThu Hà, Trung tâm Truyền thông huyện", "Thu Hà");
    byline_is("role-dash", "Tiêu đề\n\nThành ủy làm việc.\n\nHoàng Yến - CTV", "Hoàng Yến");
    byline_is("chrome-hashtags", "Tiêu đề\n\nThành ủy làm việc.\n\nQuốc Bảo\n\n#Thành ủy #hội nghị\n\nCác tin khác",
              "Quốc Bảo");
    /* a unit's line signs only when no name does */
    byline_is("dept-under-name", "Tiêu đề\n\nThành ủy làm việc.\n\nHoàng Yến\n\nPhòng Văn hóa – Thông tin",
              "Hoàng Yến");
    byline_is("dept-alone", "Tiêu đề\n\nThành ủy làm việc.\n\nPhòng Văn hóa – Thông tin",
              "Phòng Văn hóa – Thông tin");
    byline_is("dept-sentence", "Tiêu đề\n\nThành ủy làm việc.\n\nBan Tổ chức trao giải cho các đội xuất sắc.", "");
    /* not a signature */
    byline_is("photo-only", "Tiêu đề\n\nThành ủy làm việc.\n\nẢnh: Ngọc Tiến", "");
    byline_is("source", "Tiêu đề\n\nThành ủy làm việc.\n\nNguồn: Báo Nhân Dân", "");
    byline_is("sentence", "Tiêu đề\n\nThành ủy làm việc.\n\nĐồng chí Bí thư phát biểu kết luận hội nghị.", "");
    byline_is("reader-comments", "Tiêu đề\n\nThành ủy làm việc.\n\nÝ kiến bạn đọc", "");
    byline_is("heading", "Tiêu đề\n\nThành ủy làm việc.\n\nRõ thành tựu, hạn chế", "");
    byline_is("number", "Tiêu đề\n\nThành ủy làm việc.\n\nTổ 4 do ông Phan Thanh Duy làm tổ trưởng", "");
    byline_is("title-only", "Tiêu đề duy nhất", "");

    /* a signature that is a full personal name is still no official */
    {
        const char *t = "Thành ủy làm việc với phường Đức Xuân\n\nChiều 13/4, đồng chí Cù Ngọc Cường, Bí thư "
                        "Thành ủy, chủ trì buổi làm việc với Đảng ủy phường Đức Xuân.\n\nNguyễn Văn Minh";
        wg_doc *d = NULL;
        wg_article *a = NULL;
        OK(wg_lexicon_new(&lex) == 0, "lexicon");
        OK(wg_doc_new(&d, "signed.txt", t, strlen(t), NULL) == 0, "doc");
        if (d && lex && wg_extract(&a, d, lex) == 0) {
            STR_EQ(a->byline, "Nguyễn Văn Minh");
            for (size_t i = 0; i < a->nentities; i++)
                OK(strcmp(a->entities[i].name, "Nguyễn Văn Minh") != 0, "the byline is not an entity");
        }
        wg_article_free(a);
        wg_doc_free(d);
        wg_lexicon_free(lex);
    }
    return HARNESS_DONE();
}
