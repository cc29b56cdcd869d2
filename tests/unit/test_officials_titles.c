/* Officials: titles and names (issue classes "titles and names" and
 * "roles not linked to their person"). Every sentence is written for the
 * test, in the shapes local news uses. */
#include "officials_cases.h"

static int no_title_with(const wg_entity *e, const char *word)
{
    for (size_t i = 0; e && i < e->ntitles; i++)
        if (strstr(e->titles[i], word))
            return 0;
    return e != NULL;
}

int main(void)
{
    wg_article *a;
    const wg_entity *e;
    wg_init();
    if (wg_lexicon_new(&lex) < 0) {
        fprintf(stderr, "no lexicon: %s\n", wg_error_last());
        return 1;
    }

    /* ---- titles end at their organ and scope ---- */
    /* a verb of the report after the place is not part of the title */
    a = run("Ông Đặng Văn Lâm, Chủ tịch UBND tỉnh Bình Phước kiểm tra tiến độ dự án.", NULL);
    TITLE(a, "Đặng Văn Lâm", "Chủ tịch UBND tỉnh Bình Phước");
    wg_article_free(a);
    a = run("Bà Vũ Thị Lan, Phó Chủ tịch UBND phường báo cáo kết quả 6 tháng.", NULL);
    TITLE(a, "Vũ Thị Lan", "Phó Chủ tịch UBND phường");
    wg_article_free(a);
    /* ... but an organ that is also a verb stays after "Ban", or capitalised */
    a = run("Đồng chí Lý Thị Mai, Trưởng ban Tổ chức Huyện ủy, phát biểu.", NULL);
    TITLE(a, "Lý Thị Mai", "Trưởng Ban Tổ chức Huyện ủy");
    wg_article_free(a);
    a = run("Đồng chí Hà Văn Tú, Chủ nhiệm Ủy ban Kiểm tra Tỉnh ủy dự họp.", NULL);
    TITLE(a, "Hà Văn Tú", "Chủ nhiệm Ủy ban Kiểm tra Tỉnh ủy");
    wg_article_free(a);
    /* a term, a date or a posting stamp after the scope is no part of it */
    a = run("Đồng chí Phan Văn Hòa, Bí thư Thành ủy Vĩnh Yên nhiệm kỳ 2025 – 2030 phát biểu.", NULL);
    TITLE(a, "Phan Văn Hòa", "Bí thư Thành ủy Vĩnh Yên");
    wg_article_free(a);
    a = run("Bí thư Đảng ủy phường Tân Định Hồ Thị Mai 12 07 2025 09 dự lễ.", NULL);
    e = official(a, "Hồ Thị Mai");
    OK(no_title_with(e, "2025"), "no date in the title");
    wg_article_free(a);
    a = run("Đồng chí Trịnh Văn Sơn, Bí thư Đảng ủy phường Bến Thành 14 06 2025 08:30 phát biểu.", NULL);
    e = official(a, "Trịnh Văn Sơn");
    OK(no_title_with(e, "14"), "no posting stamp in the title");
    TITLE(a, "Trịnh Văn Sơn", "Bí thư Đảng ủy phường Bến Thành");
    wg_article_free(a);
    /* numbered units and teams keep their numbers */
    a = run("Đồng chí Mai Văn Hải, Bí thư Quận ủy Quận 3, Tổ trưởng Tổ công tác số 2 dự họp.", NULL);
    TITLE(a, "Mai Văn Hải", "Bí thư Quận ủy Quận 3");
    TITLE(a, "Mai Văn Hải", "Tổ trưởng Tổ công tác số 2");
    wg_article_free(a);
    /* a numbered delegation is a post, and its head leads */
    a = run("Đồng chí Lưu Văn Khánh – Phó Chủ tịch UBND tỉnh, Trưởng đoàn giám sát số 4 làm việc với xã Yên Hòa.", NULL);
    TITLE(a, "Lưu Văn Khánh", "Trưởng đoàn giám sát số 4");
    ROLES(a, "Lưu Văn Khánh", WG_ROLE_CHAIR);
    wg_article_free(a);
    /* a department's name runs on in lower case */
    a = run("Ông Tạ Văn Phúc, Phó Vụ trưởng Vụ Địa phương, Ban Dân vận Trung ương dự.", NULL);
    TITLE(a, "Tạ Văn Phúc", "Phó Vụ trưởng Vụ Địa phương");
    wg_article_free(a);
    /* "TP" as written, one title when the text writes both forms */
    a = run("Ông Lâm Văn Tài, Chủ tịch HĐND TP Cần Thơ dự. Ông Lâm Văn Tài, Chủ tịch HĐND thành phố Cần Thơ cho biết thêm.", NULL);
    e = official(a, "Lâm Văn Tài");
    OK(e && e->ntitles == 1, "one title for TP and thành phố: %zu", e ? e->ntitles : 0);
    TITLE(a, "Lâm Văn Tài", "Chủ tịch HĐND TP Cần Thơ");
    wg_article_free(a);

    /* ---- posts given after the name ---- */
    a = run("Đồng chí Kiều Văn Minh được bầu giữ chức Chủ tịch HĐND xã Hòa Tiến nhiệm kỳ 2021 – 2026.", NULL);
    TITLE(a, "Kiều Văn Minh", "Chủ tịch HĐND xã Hòa Tiến");
    wg_article_free(a);
    a = run("Đồng chí Lương Thị Hạnh, Phó Chủ tịch UBND huyện, nhận nhiệm vụ Bí thư Đảng ủy xã Phú Lộc.", NULL);
    TITLE(a, "Lương Thị Hạnh", "Phó Chủ tịch UBND huyện");
    TITLE(a, "Lương Thị Hạnh", "Bí thư Đảng ủy xã Phú Lộc");
    wg_article_free(a);
    a = run("Phó Bí thư Tỉnh ủy Cao Văn Thắng được chỉ định giữ chức Bí thư Đảng ủy các cơ quan Đảng tỉnh.", NULL);
    TITLE(a, "Cao Văn Thắng", "Phó Bí thư Tỉnh ủy");
    TITLE(a, "Cao Văn Thắng", "Bí thư Đảng ủy các cơ quan Đảng tỉnh");
    wg_article_free(a);
    /* "làm tổ trưởng" after the posts leads a team: no post */
    a = run("Tổ 2 do ông Đinh Văn Bảo, Phó Chủ tịch UBND tỉnh làm tổ trưởng, phụ trách các xã.", NULL);
    e = official(a, "Đinh Văn Bảo");
    OK(e && e->ntitles == 1, "one post: %zu", e ? e->ntitles : 0);
    wg_article_free(a);

    /* ---- names ---- */
    /* a title before a dash and a name, in a list */
    a = run("Tham dự có các đồng chí: Bí thư Huyện ủy – Nông Văn Chiến; Chủ tịch HĐND huyện – Lục Thị Duyên; "
            "Chủ tịch UBND huyện – Hoàng Văn Thạch.", NULL);
    TITLE(a, "Nông Văn Chiến", "Bí thư Huyện ủy");
    TITLE(a, "Lục Thị Duyên", "Chủ tịch HĐND huyện");
    TITLE(a, "Hoàng Văn Thạch", "Chủ tịch UBND huyện");
    wg_article_free(a);
    /* a name followed by a capitalised title with no comma */
    a = run("Đồng chí Trần Quang Vinh Phó Bí thư Thường trực Huyện ủy phát biểu tại hội nghị.", NULL);
    OFFICIAL(a, "Trần Quang Vinh");
    TITLE(a, "Trần Quang Vinh", "Phó Bí thư Thường trực Huyện ủy");
    wg_article_free(a);
    /* four words, the second a surname too: one name with both parents' surnames */
    a = run("Bí thư Thành ủy Đoàn Nguyễn Minh Khoa chủ trì hội nghị.", NULL);
    OFFICIAL(a, "Đoàn Nguyễn Minh Khoa");
    OK(official(a, "Nguyễn Minh Khoa") == NULL, "not cut to three words");
    wg_article_free(a);
    /* a minority name of five words after the title */
    a = run("Bí thư Tỉnh ủy Y Hoa Byă Niê Kdăm dự lễ. Đồng chí Y Hoa Byă Niê Kdăm phát biểu.", NULL);
    OFFICIAL(a, "Y Hoa Byă Niê Kdăm");
    INT_EQ(count_officials(a), 1);
    wg_article_free(a);
    /* two words after a place of two words are the name */
    a = run("Phó Bí thư Tỉnh ủy, Chủ tịch UBND tỉnh Quảng Bình Lê Hào làm việc với xã.", NULL);
    OFFICIAL(a, "Lê Hào");
    wg_article_free(a);
    /* ... but "Thành ủy Buôn Ma Thuột" stays a place */
    a = run("Đồng chí Phùng Văn Kỳ, Bí thư Thành ủy Buôn Ma Thuột dự.", NULL);
    TITLE(a, "Phùng Văn Kỳ", "Bí thư Thành ủy Buôn Ma Thuột");
    OK(official(a, "Ma Thuột") == NULL, "Ma Thuột is a place");
    wg_article_free(a);
    /* a place named after a person, known to the gazetteer, is the place */
    a = run("Ông Trịnh Văn Lộc, phó chủ tịch UBND huyện Trần Văn Thời, cùng bà Quan Thị Ly, trưởng ban kinh tế "
            "xã hội HĐND huyện, dự.", NULL);
    OK(official(a, "Trần Văn Thời") == NULL, "Trần Văn Thời is a district");
    TITLE(a, "Quan Thị Ly", "Trưởng ban kinh tế xã hội HĐND huyện");
    TITLE(a, "Trịnh Văn Lộc", "Phó Chủ tịch UBND huyện Trần Văn Thời");
    wg_article_free(a);
    a = run("Phó Chủ tịch UBND thị trấn Trần Văn Thời Hứa Văn Đạt phát biểu.", NULL);
    OFFICIAL(a, "Hứa Văn Đạt");
    OK(official(a, "Trần Văn Thời") == NULL, "the town, not a person");
    wg_article_free(a);
    /* an organ word ending in "đoàn" is followed by its place */
    a = run("Nguyên Bí thư Tỉnh đoàn Hà Giang được bầu làm Phó Chủ tịch UBND tỉnh.", NULL);
    OK(official(a, "Hà Giang") == NULL, "Hà Giang is a place");
    wg_article_free(a);

    /* ---- roles ---- */
    /* co-chairs after a colon or "gồm" */
    a = run("Chủ trì hội nghị gồm các đồng chí: Lò Văn Hùng, Bí thư Huyện ủy; Vì Thị Thu, Chủ tịch UBND huyện.", NULL);
    ROLES(a, "Lò Văn Hùng", WG_ROLE_CHAIR);
    ROLES(a, "Vì Thị Thu", WG_ROLE_CHAIR);
    wg_article_free(a);
    a = run("Chủ tọa kỳ họp: ông Quách Văn Đông - Chủ tịch HĐND xã; bà Tống Thị Mơ - Phó Chủ tịch HĐND xã.", NULL);
    ROLES(a, "Quách Văn Đông", WG_ROLE_CHAIR);
    ROLES(a, "Tống Thị Mơ", WG_ROLE_CHAIR);
    wg_article_free(a);
    /* the role verb before the names */
    a = run("Tham gia cùng đoàn có ông Lã Văn Tình, Phó Giám đốc Sở Nội vụ.", NULL);
    ROLES(a, "Lã Văn Tình", WG_ROLE_ATTENDEE);
    wg_article_free(a);
    a = run("Kết luận hội nghị, đồng chí Ninh Văn Quý, Bí thư Đảng ủy xã yêu cầu các chi bộ sớm triển khai.", NULL);
    ROLES(a, "Ninh Văn Quý", WG_ROLE_SPEAKER);
    wg_article_free(a);
    a = run("Đoàn công tác do đồng chí Khổng Minh Đức, Phó Chủ tịch UBND tỉnh làm trưởng đoàn đã làm việc với xã.", NULL);
    ROLES(a, "Khổng Minh Đức", WG_ROLE_CHAIR);
    wg_article_free(a);
    a = run("Chủ trì hội nghị là đồng chí Đàm Văn Thuận, Bí thư Huyện ủy.", NULL);
    ROLES(a, "Đàm Văn Thuận", WG_ROLE_CHAIR);
    wg_article_free(a);
    a = run("Đoàn công tác của tỉnh do đồng chí Giáp Văn Lực, Phó Bí thư Tỉnh ủy dẫn đầu đã thăm xã Tân Sơn.", NULL);
    ROLES(a, "Giáp Văn Lực", WG_ROLE_CHAIR);
    wg_article_free(a);
    /* a person named only by a title: the one official who holds it */
    a = run("Đồng chí Vương Thị Ngọc, Bí thư Đảng ủy phường Hòa Bình chủ trì hội nghị. Dự có ông Chu Văn Khải, "
            "Chủ tịch UBND phường. Kết thúc hội nghị, đồng chí Bí thư Đảng ủy phường kết luận.", NULL);
    ROLES(a, "Vương Thị Ngọc", WG_ROLE_CHAIR | WG_ROLE_SPEAKER);
    ROLES(a, "Chu Văn Khải", WG_ROLE_ATTENDEE);
    wg_article_free(a);
    /* ... not when two officials hold it, nor a plural post */
    a = run("Ông Chung Văn An, Phó Chủ tịch UBND xã và bà Âu Thị Bích, Phó Chủ tịch UBND xã dự. "
            "Phát biểu tại buổi làm việc, Phó Chủ tịch UBND xã đề nghị tăng cường kiểm tra.", NULL);
    ROLES(a, "Chung Văn An", WG_ROLE_ATTENDEE);
    ROLES(a, "Âu Thị Bích", WG_ROLE_ATTENDEE);
    wg_article_free(a);

    wg_lexicon_free(lex);
    return HARNESS_DONE();
}
