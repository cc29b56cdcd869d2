/* Presence and kind (SPEC section 4): who was in the room, who is only
 * cited, and whether an article reports a meeting. Every sentence is
 * written for the test, in the shapes local news uses; none is taken from
 * a real article. */
#include <stdlib.h>
#include <string.h>
#include "harness.h"
#include "wardgraph.h"

static wg_lexicon *lex;

static wg_article *run(const char *title, const char *body)
{
    char text[8192];
    wg_doc *d = NULL;
    wg_article *a = NULL;
    snprintf(text, sizeof text, "%s\n\n%s\n\nThanh Hà\n", title, body);
    if (wg_doc_new(&d, "t.txt", text, strlen(text), NULL) < 0)
        return NULL;
    if (wg_extract(&a, d, lex) < 0)
        a = NULL;
    wg_doc_free(d);
    return a;
}

/* The presence of the entity named `name`, or "(none)". */
static const char *presence(const wg_article *a, const char *name)
{
    for (size_t i = 0; a && i < a->nentities; i++)
        if (strcmp(a->entities[i].name, name) == 0)
            return wg_presence_name(a->entities[i].presence);
    return "(none)";
}

#define PRESENCE(a, name, want)                                                                     \
    OK(strcmp(presence((a), (name)), (want)) == 0, "'%s' is %s, want %s", (name), presence((a), (name)), \
       (want))

int main(void)
{
    wg_article *a;
    OK(wg_lexicon_new(&lex) == 0, "lexicon: %s", wg_error_last());
    if (!lex)
        return HARNESS_DONE();

    /* the bodies a working session is held by and with take part; the
     * organ of a post, and the author of a resolution, do not */
    a = run("Ban Thường vụ Huyện ủy Kim Sơn làm việc với Đảng ủy xã Lai Thành",
            "Sáng 12/3, Ban Thường vụ Huyện ủy Kim Sơn làm việc với Đảng ủy xã Lai Thành về kết quả "
            "thực hiện Nghị quyết số 57-NQ/TW của Bộ Chính trị. Đồng chí Phạm Quang Vinh, Ủy viên Ban "
            "Chấp hành Trung ương Đảng, Bí thư Huyện ủy chủ trì buổi làm việc.");
    OK(a != NULL, "extract");
    PRESENCE(a, "Đảng ủy xã Lai Thành", "participant");
    PRESENCE(a, "Bộ Chính trị", "cited");
    PRESENCE(a, "Ban Chấp hành Trung ương Đảng", "cited");
    PRESENCE(a, "Phạm Quang Vinh", "participant");
    OK(a && a->kind == WG_KIND_MEETING, "a working session is a meeting");
    wg_article_free(a);

    /* a list of authors after "của", and a lower-case plural of documents
     * with words between it and its author */
    a = run("Hội nghị quán triệt",
            "Chiều 4/6, Đảng ủy phường Hòa Khánh tổ chức hội nghị quán triệt Kết luận số 127-KL/TW "
            "ngày 28/2/2025 của Bộ Chính trị, Ban Bí thư. Các đại biểu thảo luận các nghị quyết quan "
            "trọng của Chính phủ về phát triển kinh tế.");
    OK(a != NULL, "extract");
    PRESENCE(a, "Bộ Chính trị", "cited");
    PRESENCE(a, "Ban Bí thư", "cited");
    PRESENCE(a, "Chính phủ", "cited");
    PRESENCE(a, "Đảng ủy phường Hòa Khánh", "participant");
    wg_article_free(a);

    /* "Thủ tướng Chính phủ": the government is the organ of a post; a
     * body named in the running text is mentioned */
    a = run("Tiếp đoàn công tác",
            "Ngày 9/10, Thủ tướng Chính phủ Lê Văn Thành kiểm tra tiến độ tại huyện Đông Anh. Báo cáo "
            "cho biết, UBND huyện Đông Anh đã giải ngân 80% vốn được giao.");
    OK(a != NULL, "extract");
    PRESENCE(a, "Chính phủ", "cited");
    wg_article_free(a);

    /* a title chain after the name runs up to a body after a comma */
    a = run("Đại hội",
            "Dự đại hội có đồng chí Trần Văn Lâm - Phó Vụ trưởng Vụ Địa phương 1, Văn phòng Trung ương "
            "Đảng.");
    OK(a != NULL, "extract");
    PRESENCE(a, "Văn phòng Trung ương Đảng", "cited");
    wg_article_free(a);

    /* one meeting word carries a list of units */
    a = run("Tiếp xúc cử tri",
            "Sáng 2/5, các đại biểu HĐND tỉnh tiếp xúc cử tri các xã Tân Lập, Tân Hòa và Tân Phong.");
    OK(a != NULL, "extract");
    PRESENCE(a, "xã Tân Lập", "participant");
    PRESENCE(a, "xã Tân Phong", "participant");
    wg_article_free(a);

    /* an announcement: the first word of the genre in the lead is a
     * decision, nobody is given a role */
    a = run("Thành lập 5 tổ công tác",
            "Ban Thường vụ Tỉnh ủy Hà Tĩnh vừa có quyết định thành lập 5 tổ công tác chỉ đạo đại hội "
            "Đảng bộ cấp xã. Tổ 1 do ông Nguyễn Hồng Lĩnh, Trưởng ban Tổ chức Tỉnh ủy, làm tổ trưởng.");
    OK(a != NULL, "extract");
    OK(a && a->kind == WG_KIND_OTHER, "an announcement of working groups is no meeting");
    wg_article_free(a);

    /* a conference that announces a decision is a meeting */
    a = run("Công bố quyết định",
            "Chiều 1/7, Ban Thường vụ Tỉnh ủy tổ chức hội nghị công bố quyết định thành lập Đảng bộ "
            "xã Hòa Bình.");
    OK(a != NULL, "extract");
    OK(a && a->kind == WG_KIND_MEETING, "a conference is a meeting");
    wg_article_free(a);

    /* the fingerprint ignores case and punctuation, not words */
    {
        wg_article *x = run("Họp", "Sáng nay, UBND xã Phú Lộc họp bàn kế hoạch năm.");
        wg_article *y = run("HỌP", "Sáng nay UBND xã Phú Lộc họp bàn kế hoạch năm!");
        wg_article *z = run("Họp", "Chiều nay, UBND xã Phú Lộc họp bàn kế hoạch năm.");
        OK(x && y && z, "extract");
        if (x && y && z) {
            STR_EQ(x->hash, y->hash);
            OK(strcmp(x->hash, z->hash) != 0, "another word, another hash");
            OK(strlen(x->hash) == 32, "128 bits in hex");
        }
        wg_article_free(x);
        wg_article_free(y);
        wg_article_free(z);
    }
    wg_lexicon_free(lex);
    return HARNESS_DONE();
}
