/* Officials: identity (SPEC section 2 "official", section 3) — the key's
 * scope comes from the posts, then the article's place; a national post
 * beside a provincial one keeps the provincial scope; historical and
 * revered figures are never officials. Every sentence is written for the
 * test. */
#include "officials_cases.h"

static const char *key_of(const wg_article *a, const char *name)
{
    const wg_entity *e = official(a, name);
    return e ? e->key : "-";
}

int main(void)
{
    wg_article *a, *b;
    wg_init();
    if (wg_lexicon_new(&lex) < 0) {
        fprintf(stderr, "no lexicon: %s\n", wg_error_last());
        return 1;
    }

    /* ---- scope from the posts ---- */
    /* a city's chairman visiting another province keeps his city */
    a = run("Chiều 4/6, tại tỉnh Tây Ninh, ông Đỗ Minh Khang, Chủ tịch UBND TP.HCM làm việc với UBND xã Hảo Đước "
            "và xã Phước Vinh của tỉnh Tây Ninh.", NULL);
    b = run("Sáng 2/6, ông Đỗ Minh Khang, Chủ tịch UBND TP.HCM kiểm tra phường Bến Thành và phường Sài Gòn.", NULL);
    STR_EQ(key_of(a, "Đỗ Minh Khang"), "official:đỗ-minh-khang.hồ-chí-minh");
    STR_EQ(key_of(a, "Đỗ Minh Khang"), key_of(b, "Đỗ Minh Khang"));
    wg_article_free(a);
    wg_article_free(b);
    /* a provincial secretary named with his province, in another province's article */
    a = run("Đồng chí Hầu Văn Lợi, Bí thư Tỉnh ủy Lai Châu dẫn đầu đoàn công tác thăm xã Mường Khương, tỉnh Lào Cai.", NULL);
    b = run("Đồng chí Hầu Văn Lợi, Bí thư Tỉnh ủy chủ trì hội nghị tại xã Tân Uyên, tỉnh Lai Châu.", NULL);
    STR_EQ(key_of(a, "Hầu Văn Lợi"), "official:hầu-văn-lợi.lai-châu");
    STR_EQ(key_of(a, "Hầu Văn Lợi"), key_of(b, "Hầu Văn Lợi"));
    wg_article_free(a);
    wg_article_free(b);
    /* a local post and no place in it: the article's province */
    a = run("Ông Mạc Văn Thiện, Chủ tịch UBND xã Hảo Đước phát biểu. Xã Hảo Đước thuộc tỉnh Tây Ninh.", NULL);
    STR_EQ(key_of(a, "Mạc Văn Thiện"), "official:mạc-văn-thiện.tây-ninh");
    wg_article_free(a);

    /* ---- a central post beside a provincial one ---- */
    a = run("Đồng chí Nghiêm Xuân Hòa, Ủy viên Trung ương Đảng, Bí thư Tỉnh ủy dự hội nghị tại xã Tân Uyên, tỉnh Lai Châu.", NULL);
    b = run("Đồng chí Nghiêm Xuân Hòa, Ủy viên Trung ương Đảng, Bí thư Tỉnh ủy Lai Châu làm việc tại tỉnh Điện Biên.", NULL);
    STR_EQ(key_of(a, "Nghiêm Xuân Hòa"), "official:nghiêm-xuân-hòa.lai-châu");
    STR_EQ(key_of(a, "Nghiêm Xuân Hòa"), key_of(b, "Nghiêm Xuân Hòa"));
    wg_article_free(a);
    wg_article_free(b);
    /* national posts alone: one person in every province */
    a = run("Bộ trưởng Bộ Nội vụ Thân Thị Hạnh làm việc với tỉnh Lai Châu.", NULL);
    b = run("Đồng chí Thân Thị Hạnh, Ủy viên Trung ương Đảng, Bộ trưởng Bộ Nội vụ thăm tỉnh Điện Biên.", NULL);
    STR_EQ(key_of(a, "Thân Thị Hạnh"), "official:thân-thị-hạnh");
    STR_EQ(key_of(b, "Thân Thị Hạnh"), "official:thân-thị-hạnh");
    wg_article_free(a);
    wg_article_free(b);

    /* ---- historical and revered figures ---- */
    a = run("Sáng 19/5, đồng chí Lục Văn Tiến, Bí thư Đảng ủy xã Tân Uyên dâng hương tưởng niệm Chủ tịch Hồ Chí Minh.", NULL);
    OFFICIAL(a, "Lục Văn Tiến");
    OK(official(a, "Hồ Chí Minh") == NULL, "Hồ Chí Minh is no official");
    INT_EQ(count_officials(a), 1);
    wg_article_free(a);
    a = run("Đoàn đã viếng Đại tướng Võ Nguyên Giáp và ôn lại lời dạy của Bác Hồ.", NULL);
    INT_EQ(count_officials(a), 0);
    wg_article_free(a);
    /* anyone remembered, not met */
    a = run("Các đại biểu thắp hương tại phần mộ liệt sĩ Bùi Văn Tâm. Hội nghị học tập tấm gương đồng chí Lưu Văn Đạt, "
            "nguyên Bí thư Huyện ủy.", NULL);
    OK(official(a, "Bùi Văn Tâm") == NULL, "a martyr is no official");
    OK(official(a, "Lưu Văn Đạt") == NULL, "an example remembered is no official");
    wg_article_free(a);
    a = run("Cán bộ thực hiện Di chúc của Chủ tịch Tôn Đức Thắng. Đồng chí Âu Văn Nhất, Chủ tịch UBND xã phát biểu.", NULL);
    OK(official(a, "Tôn Đức Thắng") == NULL, "a figure named in a testament");
    OFFICIAL(a, "Âu Văn Nhất");
    wg_article_free(a);
    /* a namesake of a figure with a post of today is an official */
    a = run("Ông Phạm Văn Đồng, Phó Chủ tịch UBND phường Tân Định cho biết phường đã hoàn thành kế hoạch.", NULL);
    OFFICIAL(a, "Phạm Văn Đồng");
    wg_article_free(a);
    /* a figure's name inside an institution's name stays in the title */
    a = run("Đồng chí Tào Văn Quyết, Giám đốc Học viện Chính trị quốc gia Hồ Chí Minh phát biểu.", NULL);
    TITLE(a, "Tào Văn Quyết", "Giám đốc Học viện Chính trị quốc gia Hồ Chí Minh");
    INT_EQ(count_officials(a), 1);
    wg_article_free(a);

    wg_lexicon_free(lex);
    return HARNESS_DONE();
}
