/* Officials (SPEC section 2): names with evidence, titles, roles, mentions
 * and the traps (places, streets, ideas, projects and bylines named after
 * people; two officials with the same given name). Every sentence here is
 * written for the test, in the shapes local news uses. */
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "officials_cases.h"

int main(void)
{
    wg_article *a;
    const wg_entity *e;
    wg_init();
    if (wg_lexicon_new(&lex) < 0) {
        fprintf(stderr, "no lexicon: %s\n", wg_error_last());
        return 1;
    }

    /* a title before the name, with its organ and scope; the chair */
    a = run("Sáng 3/5, Bí thư Huyện ủy Yên Lập Nguyễn Văn Hải chủ trì hội nghị.", NULL);
    OFFICIAL(a, "Nguyễn Văn Hải");
    TITLE(a, "Nguyễn Văn Hải", "Bí thư Huyện ủy Yên Lập");
    ROLES(a, "Nguyễn Văn Hải", WG_ROLE_CHAIR);
    INT_EQ(count_officials(a), 1);
    wg_article_free(a);

    /* lower-case titles after a comma, one tone placement or the other; a speaker */
    a = run("Đồng chí Lê Văn Hải, tỉnh uỷ viên, bí thư huyện uỷ, chủ tịch HĐND huyện phát biểu tại hội nghị.", NULL);
    TITLE(a, "Lê Văn Hải", "Tỉnh ủy viên");
    TITLE(a, "Lê Văn Hải", "Bí thư Huyện ủy");
    TITLE(a, "Lê Văn Hải", "Chủ tịch HĐND huyện");
    ROLES(a, "Lê Văn Hải", WG_ROLE_SPEAKER);
    e = official(a, "Lê Văn Hải");
    /* no place named: the key is the name alone, never the article's file */
    STR_EQ(e ? e->key : NULL, "official:lê-văn-hải");
    wg_article_free(a);

    /* a list after "có các đồng chí:", items split by semicolons */
    a = run("Tham dự có các đồng chí: Trần Văn Nam, Bí thư Tỉnh ủy; Phạm Thị Lan, Phó Bí thư Thường trực Tỉnh ủy; "
            "lãnh đạo các sở, ngành.", NULL);
    TITLE(a, "Trần Văn Nam", "Bí thư Tỉnh ủy");
    TITLE(a, "Phạm Thị Lan", "Phó Bí thư Thường trực Tỉnh ủy");
    ROLES(a, "Trần Văn Nam", WG_ROLE_ATTENDEE);
    ROLES(a, "Phạm Thị Lan", WG_ROLE_ATTENDEE);
    INT_EQ(count_officials(a), 2);
    wg_article_free(a);

    /* a title for the whole list before the colon */
    a = run("Dự lễ có các đồng chí Ủy viên Ban TVTU: Đỗ Văn Chiến, Trưởng Ban Tổ chức Tỉnh ủy; "
            "Mai Thị Hằng, Phó Chủ tịch UBND tỉnh.", NULL);
    TITLE(a, "Đỗ Văn Chiến", "Ủy viên Ban Thường vụ Tỉnh ủy");
    TITLE(a, "Đỗ Văn Chiến", "Trưởng Ban Tổ chức Tỉnh ủy");
    TITLE(a, "Mai Thị Hằng", "Ủy viên Ban Thường vụ Tỉnh ủy");
    ROLES(a, "Mai Thị Hằng", WG_ROLE_ATTENDEE);
    wg_article_free(a);

    /* names joined by a dash after a plural title */
    a = run("Cùng dự có các Phó Chủ tịch UBND tỉnh Trần Văn An- Phạm Thị Hoa.", NULL);
    TITLE(a, "Trần Văn An", "Phó Chủ tịch UBND tỉnh");
    TITLE(a, "Phạm Thị Hoa", "Phó Chủ tịch UBND tỉnh");
    ROLES(a, "Phạm Thị Hoa", WG_ROLE_ATTENDEE);
    wg_article_free(a);

    /* abbreviations are expanded; the member post takes the organ written after it */
    a = run("Đồng chí Hoàng Văn Minh – UVTV Tỉnh ủy, PCT UBND tỉnh về dự buổi làm việc. "
            "Ông Vũ Đức Thắng - Ủy viên Ban Thường vụ, Trưởng ban Dân vận Thành ủy Hải Phòng cùng đi.", NULL);
    TITLE(a, "Hoàng Văn Minh", "Ủy viên Ban Thường vụ Tỉnh ủy");
    TITLE(a, "Hoàng Văn Minh", "Phó Chủ tịch UBND tỉnh");
    ROLES(a, "Hoàng Văn Minh", WG_ROLE_ATTENDEE);
    TITLE(a, "Vũ Đức Thắng", "Ủy viên Ban Thường vụ Thành ủy Hải Phòng");
    ROLES(a, "Vũ Đức Thắng", WG_ROLE_ATTENDEE);
    wg_article_free(a);

    /* a ward, a street, an idea, a city and a project named after people */
    a = run("Đảng ủy phường Nguyễn Thái Bình lập lại trật tự trên tuyến đường Nguyễn Cảnh Chân, "
            "học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh; du khách đến Thành phố Hồ Chí Minh "
            "thăm chung cư Lô E Võ Văn Kiệt.", NULL);
    INT_EQ(count_officials(a), 0);
    wg_article_free(a);

    /* the city inside a title is not a person; the person after it is */
    a = run("Chủ tịch UBND Thành phố Hồ Chí Minh Phan Văn Mãi phát biểu khai mạc.", NULL);
    OFFICIAL(a, "Phan Văn Mãi");
    TITLE(a, "Phan Văn Mãi", "Chủ tịch UBND Thành phố Hồ Chí Minh");
    OK(official(a, "Hồ Chí Minh") == NULL, "the city is not an official");
    ROLES(a, "Phan Văn Mãi", WG_ROLE_SPEAKER);
    wg_article_free(a);

    /* a byline with the given name of an official: the byline is not one,
     * "đồng chí Cường" is the official */
    a = run("Đồng chí Cù Ngọc Cường – Bí thư Thành ủy chủ trì. Kết thúc buổi làm việc, đồng chí Cường đề nghị "
            "phường quan tâm công tác dân vận.", "Minh Cường");
    e = official(a, "Cù Ngọc Cường");
    OK(e && e->nmentions == 2, "two mentions of Cù Ngọc Cường");
    ROLES(a, "Cù Ngọc Cường", WG_ROLE_CHAIR | WG_ROLE_SPEAKER);
    OK(official(a, "Minh Cường") == NULL, "the byline is not an official");
    INT_EQ(count_officials(a), 1);
    wg_article_free(a);

    /* two officials with the same given name: "đồng chí Phú" stays unresolved */
    a = run("Đồng chí Bùi Văn Phú – Phó Bí thư Thường trực Thành ủy làm việc với phường. Cùng đi có đồng chí "
            "Nguyễn Thành Phú – Chủ tịch UBND thành phố. Đồng chí Phú đề nghị phường rà soát hồ sơ.", NULL);
    e = official(a, "Bùi Văn Phú");
    OK(e && e->nmentions == 1, "Bùi Văn Phú: one mention");
    e = official(a, "Nguyễn Thành Phú");
    OK(e && e->nmentions == 1, "Nguyễn Thành Phú: one mention");
    ROLES(a, "Nguyễn Thành Phú", WG_ROLE_ATTENDEE);
    ROLES(a, "Bùi Văn Phú", 0);
    INT_EQ(count_officials(a), 2);
    wg_article_free(a);

    /* one official with that given name: resolved */
    a = run("Tại đại hội, bà Tô Việt Thu, Ủy viên Ban Thường vụ Tỉnh ủy, Bí thư Đảng ủy phường Bạc Liêu cho biết "
            "phường đã hoàn thành các chỉ tiêu. Theo bà Thu, phường còn nhiều khó khăn.", NULL);
    e = official(a, "Tô Việt Thu");
    OK(e && e->nmentions == 2, "bà Thu is Tô Việt Thu");
    ROLES(a, "Tô Việt Thu", 0);
    TITLE(a, "Tô Việt Thu", "Bí thư Đảng ủy phường Bạc Liêu");
    wg_article_free(a);

    /* names of the Central Highlands peoples, with a title as evidence */
    a = run("Đồng chí Y Biêr Niê, Phó Chủ tịch UBND tỉnh, phát biểu tại buổi làm việc. Về phía tỉnh có các đồng chí: "
            "Ksor Phước Hà - Ủy viên Ban Thường vụ Tỉnh ủy; Rah Lan Chung-Phó Bí thư Tỉnh ủy.", NULL);
    ROLES(a, "Y Biêr Niê", WG_ROLE_SPEAKER);
    TITLE(a, "Ksor Phước Hà", "Ủy viên Ban Thường vụ Tỉnh ủy");
    ROLES(a, "Rah Lan Chung", WG_ROLE_ATTENDEE);
    wg_article_free(a);

    /* a former post keeps "nguyên"; a place name between the title and the person */
    a = run("Ông Nguyễn Văn Đông - nguyên Bí thư Thành ủy Thủ Dầu Một được chỉ định làm Bí thư Đảng ủy phường. "
            "Bí thư Tỉnh ủy Đắk Lắk Lương Nguyễn Minh Triết ghi nhận. Ông Lương Nguyễn Minh Triết đề nghị. "
            "Chủ tịch UBND tỉnh Hậu Giang Đồng Văn Thanh cùng dự.", NULL);
    TITLE(a, "Nguyễn Văn Đông", "nguyên Bí thư Thành ủy Thủ Dầu Một");
    TITLE(a, "Lương Nguyễn Minh Triết", "Bí thư Tỉnh ủy Đắk Lắk");
    e = official(a, "Lương Nguyễn Minh Triết");
    OK(e && e->nmentions == 2, "Lương Nguyễn Minh Triết: two mentions");
    TITLE(a, "Đồng Văn Thanh", "Chủ tịch UBND tỉnh Hậu Giang");
    INT_EQ(count_officials(a), 3);
    wg_article_free(a);

    /* a party secretary of a unit; abbreviated unit words */
    a = run("Ông Trần Quốc Trung, Bí thư phường Bình Trưng, đọc diễn văn khai mạc. Dự đại hội có ông Trương Tấn "
            "Sơn, Phó chủ tịch UBND Q.Tân Bình và ông Lê Minh Hoàng, Bí thư Đảng ủy TT.Long Hải.", NULL);
    TITLE(a, "Trần Quốc Trung", "Bí thư Đảng ủy phường Bình Trưng");
    ROLES(a, "Trần Quốc Trung", WG_ROLE_SPEAKER);
    TITLE(a, "Trương Tấn Sơn", "Phó Chủ tịch UBND quận Tân Bình");
    TITLE(a, "Lê Minh Hoàng", "Bí thư Đảng ủy thị trấn Long Hải");
    ROLES(a, "Lê Minh Hoàng", WG_ROLE_ATTENDEE);
    wg_article_free(a);

    /* roles written in other shapes, and verbs that give none */
    a = run("Chiều 26/7, dưới sự chủ trì của đồng chí Đinh Tiến Dũng - Chủ tịch UBND tỉnh, UBND tỉnh họp phiên "
            "thường kỳ. Đoàn công tác do ông Phùng Quốc Hiển – Giám đốc Sở Y tế dẫn đầu. Phát biểu kết luận, "
            "đồng chí Đinh Tiến Dũng yêu cầu các sở đẩy nhanh tiến độ dự án. Ông Hà Văn Tuấn, Chủ tịch UBND xã, "
            "cho biết xã đã giải ngân dự toán.", NULL);
    ROLES(a, "Đinh Tiến Dũng", WG_ROLE_CHAIR | WG_ROLE_SPEAKER);
    ROLES(a, "Phùng Quốc Hiển", WG_ROLE_CHAIR);
    TITLE(a, "Phùng Quốc Hiển", "Giám đốc Sở Y tế");
    ROLES(a, "Hà Văn Tuấn", 0);
    TITLE(a, "Hà Văn Tuấn", "Chủ tịch UBND xã");
    wg_article_free(a);

    /* a title with a dash in the place's name; mention offsets */
    {
        const char *body = "Ngày 6/8, đồng chí Châu Thị Thanh Hà, UVTV Tỉnh ủy, Bí thư Thành ủy Phan Rang – Tháp Chàm "
                           "tiếp xúc cử tri.";
        a = run(body, NULL);
        TITLE(a, "Châu Thị Thanh Hà", "Bí thư Thành ủy Phan Rang – Tháp Chàm");
        TITLE(a, "Châu Thị Thanh Hà", "Ủy viên Ban Thường vụ Tỉnh ủy");
        e = official(a, "Châu Thị Thanh Hà");
        OK(e && e->nmentions == 1, "one mention");
        if (e && e->nmentions == 1) {
            size_t want = strlen("Hội nghị\n\n") + (size_t)(strstr(body, "Châu Thị") - body);
            INT_EQ(e->mentions[0].start, want);
            INT_EQ(e->mentions[0].end, want + strlen("Châu Thị Thanh Hà"));
            STR_EQ(e->mentions[0].text, "Châu Thị Thanh Hà");
            OK(strncmp(e->key, "official:châu-thị-thanh-hà", strlen("official:châu-thị-thanh-hà")) == 0,
               "key %s", e->key);
        }
        wg_article_free(a);
    }

    /* a fronted "Chủ trì ... có" list; "và" between two officials joins no title */
    a = run("Chủ trì buổi làm việc có các đồng chí Lương Thanh Tú – Bí thư Thành ủy và Nguyễn Văn Lộc - Phó Bí thư "
            "Thành ủy, Chủ tịch UBND thành phố. Tham dự có đồng chí Y Kim Niê – Ủy viên BTV Thành ủy Buôn Ma Thuột, "
            "Trưởng Ban Dân vận Thành ủy.", NULL);
    ROLES(a, "Lương Thanh Tú", WG_ROLE_CHAIR);
    ROLES(a, "Nguyễn Văn Lộc", WG_ROLE_CHAIR);
    TITLE(a, "Lương Thanh Tú", "Bí thư Thành ủy");
    e = official(a, "Nguyễn Văn Lộc");
    OK(e && e->ntitles == 2, "Nguyễn Văn Lộc: two titles, got %zu", e ? e->ntitles : 0);
    TITLE(a, "Y Kim Niê", "Ủy viên Ban Thường vụ Thành ủy Buôn Ma Thuột");
    OK(official(a, "Ma Thuột") == NULL, "a city's name is not a person");
    INT_EQ(count_officials(a), 3);
    wg_article_free(a);

    /* "quý" keeps its tone after q; a hero of history is no official of the meeting */
    a = run("Đồng chí Trần Văn Quý, Bí thư Đảng ủy phường Trần Phú báo cáo. Xã là quê hương của Anh hùng "
            "Phan Ngọc Hiển; trường THPT Phan Ngọc Hiển khai giảng. Dự có đồng chí Nông Thị Bích, Chủ tịch "
            "Ủy ban MTTQ Việt Nam huyện.", NULL);
    OFFICIAL(a, "Trần Văn Quý");
    OK(official(a, "Phan Ngọc Hiển") == NULL, "Anh hùng Phan Ngọc Hiển is not an official");
    TITLE(a, "Nông Thị Bích", "Chủ tịch Ủy ban MTTQ huyện");
    INT_EQ(count_officials(a), 2);
    wg_article_free(a);

    /* an abbreviation only in capitals ("TƯ" is Trung ương, "Đầu tư" is not);
     * an institution's lower-case syllables; a long Ede name */
    a = run("Giám đốc Sở Kế hoạch và Đầu tư Trần Văn Bình cho biết. PGS.TS Hoàng Văn Phúc, Hiệu trưởng Trường "
            "Đại học Vinh, phát biểu. Đồng chí Y Thanh Hà Niê Kđăm, Ủy viên TƯ Đảng, Bí thư Tỉnh ủy dự. "
            "Tham dự có đồng chí Lý Thị Lan - HUV, Chủ tịch Hội LHPN huyện và đồng chí Đinh Văn Tư – Bí thư "
            "Chi bộ thôn 3.", NULL);
    TITLE(a, "Trần Văn Bình", "Giám đốc Sở Kế hoạch và Đầu tư");
    TITLE(a, "Hoàng Văn Phúc", "Hiệu trưởng Trường Đại học Vinh");
    TITLE(a, "Y Thanh Hà Niê Kđăm", "Ủy viên Trung ương Đảng");
    TITLE(a, "Lý Thị Lan", "Huyện ủy viên");
    TITLE(a, "Đinh Văn Tư", "Bí thư Chi bộ thôn 3");
    INT_EQ(count_officials(a), 5);
    wg_article_free(a);

    /* "ông"/"bà" alone are said of citizens too: a title is needed somewhere */
    a = run("Ông Phan Văn Tâm (65 tuổi, trú thôn 2) phản ánh việc cấp sổ đỏ chậm. Ông Tâm đề nghị xã giải quyết. "
            "Ông Nguyễn Văn Minh - Bí thư Đảng ủy, Chủ tịch HĐND xã Tân Lập cho biết, Ông Minh sẽ chỉ đạo.", NULL);
    OK(official(a, "Phan Văn Tâm") == NULL, "a citizen is not an official");
    e = official(a, "Nguyễn Văn Minh");
    OK(e && e->nmentions == 2, "Ông Minh is Nguyễn Văn Minh");
    INT_EQ(count_officials(a), 1);
    wg_article_free(a);

    /* a post in brackets; bare names after a plural honorific */
    a = run("Ông Lê Văn Sáu (Chủ tịch UBND xã Tân Phú) cho biết. Tham dự có các đồng chí Nguyễn Văn Tám, "
            "Trần Văn Chín và Lê Thị Mười. Ông Phạm Văn Bảy (65 tuổi, trú ấp 2) phản ánh.", NULL);
    TITLE(a, "Lê Văn Sáu", "Chủ tịch UBND xã Tân Phú");
    ROLES(a, "Nguyễn Văn Tám", WG_ROLE_ATTENDEE);
    ROLES(a, "Trần Văn Chín", WG_ROLE_ATTENDEE);
    ROLES(a, "Lê Thị Mười", WG_ROLE_ATTENDEE);
    OK(official(a, "Phạm Văn Bảy") == NULL, "a citizen in brackets is not an official");
    INT_EQ(count_officials(a), 4);
    wg_article_free(a);

    /* "là" + a post; an acting post */
    a = run("Ông Đỗ Văn Hai là Phó Chủ tịch UBND xã Tân Phú. Quyền Chủ tịch UBND huyện Võ Thị Ba phát biểu.", NULL);
    TITLE(a, "Đỗ Văn Hai", "Phó Chủ tịch UBND xã Tân Phú");
    TITLE(a, "Võ Thị Ba", "Quyền Chủ tịch UBND huyện");
    ROLES(a, "Võ Thị Ba", WG_ROLE_SPEAKER);
    wg_article_free(a);

    /* a bare "Phó Trưởng ban" heads the Ban the sentence names */
    a = run("Đoàn công tác của Ban Tuyên giáo Tỉnh ủy do Phó Trưởng ban Trịnh Văn Mạnh dẫn đầu. Đoàn công tác "
            "của Ban Dân vận Huyện ủy do đồng chí Tạ Thị Hà, Trưởng ban dẫn đầu.", NULL);
    TITLE(a, "Trịnh Văn Mạnh", "Phó Trưởng Ban Tuyên giáo Tỉnh ủy");
    ROLES(a, "Trịnh Văn Mạnh", WG_ROLE_CHAIR);
    TITLE(a, "Tạ Thị Hà", "Trưởng Ban Dân vận Huyện ủy");
    wg_article_free(a);

    /* a city after a committee, before a plural title, is not a person; a
     * citizen quoted with "ông" is not an official */
    a = run("Dự có lãnh đạo Ban Thường vụ Thành ủy Hà Nội, Chủ tịch UBND các quận. Theo ông Nguyễn Văn Tư, "
            "người dân khu phố 3, việc thu gom rác còn chậm.", NULL);
    INT_EQ(count_officials(a), 0);
    wg_article_free(a);

    /* no evidence, no official: a name alone, a name in a caption credit */
    a = run("Nguyễn Văn Bình và Trần Thị Mai đến thăm khu phố. Ảnh: Phạm Bằng", NULL);
    INT_EQ(count_officials(a), 0);
    wg_article_free(a);

    /* two officials of one name in two provinces are two people; the same
     * person in two articles of one province, and a holder of a national
     * post anywhere, keep one key */
    {
        wg_article *p1 = run("Ông Nguyễn Văn Hùng, Chủ tịch UBND xã Gio Mỹ, huyện Gio Linh, tỉnh Quảng Trị, cho biết.", NULL);
        wg_article *p2 = run("Ông Nguyễn Văn Hùng, Chủ tịch UBND thị trấn Năm Căn, huyện Năm Căn, tỉnh Cà Mau, dự.", NULL);
        wg_article *p3 = run("Đồng chí Nguyễn Văn Hùng, Chủ tịch UBND xã Gio Mỹ, huyện Gio Linh phát biểu.", NULL);
        wg_article *n1 = run("Thủ tướng Phạm Minh Chính làm việc với tỉnh Lào Cai và xã Bản Vược.", NULL);
        wg_article *n2 = run("Đồng chí Phạm Minh Chính, Ủy viên Bộ Chính trị, làm việc tại tỉnh Bạc Liêu.", NULL);
        const wg_entity *h1 = official(p1, "Nguyễn Văn Hùng"), *h2 = official(p2, "Nguyễn Văn Hùng"),
                        *h3 = official(p3, "Nguyễn Văn Hùng"), *c1 = official(n1, "Phạm Minh Chính"),
                        *c2 = official(n2, "Phạm Minh Chính");
        OK(h1 && h2 && strcmp(h1->key, h2->key) != 0, "Quảng Trị's and Cà Mau's Nguyễn Văn Hùng: %s, %s",
           h1 ? h1->key : "-", h2 ? h2->key : "-");
        OK(h1 && h3 && strcmp(h1->key, h3->key) == 0, "the same Nguyễn Văn Hùng: %s, %s", h1 ? h1->key : "-",
           h3 ? h3->key : "-");
        OK(c1 && c2 && strcmp(c1->key, c2->key) == 0, "a national post: %s, %s", c1 ? c1->key : "-",
           c2 ? c2->key : "-");
        wg_article_free(p1);
        wg_article_free(p2);
        wg_article_free(p3);
        wg_article_free(n1);
        wg_article_free(n2);
    }

    /* the same name in two articles gets the same key; diacritics keep people apart */
    {
        wg_article *b = run("Ông Nguyễn Văn Hưng, Chủ tịch UBND xã, dự.", NULL);
        wg_article *d = run("Ông Nguyễn Văn Hùng, Chủ tịch UBND xã, dự.", NULL);
        const wg_entity *x = official(b, "Nguyễn Văn Hưng"), *y = official(d, "Nguyễn Văn Hùng");
        OK(x && y && strcmp(x->key, y->key) != 0, "Hưng and Hùng are two people");
        wg_article_free(b);
        wg_article_free(d);
    }

    /* a user's lexicon adds a post the built-in one lacks */
    {
        char dir[] = "/tmp/wg_lexXXXXXX", path[64];
        const char *body = "Đồng chí Nguyễn Văn Sơn, Kiểm soát viên trưởng Ngân hàng tỉnh, dự hội nghị.";
        a = run(body, NULL);
        e = official(a, "Nguyễn Văn Sơn");
        OK(e && e->ntitles == 0, "no such post built in");
        wg_article_free(a);
        if (mkdtemp(dir)) {
            snprintf(path, sizeof path, "%s/titles.txt", dir);
            FILE *f = fopen(path, "w");
            if (f) {
                fputs("# a test\nKiểm soát viên trưởng\n", f);
                fclose(f);
            }
            INT_EQ(wg_lexicon_add_dir(lex, dir), 0);
            a = run(body, NULL);
            TITLE(a, "Nguyễn Văn Sơn", "Kiểm soát viên trưởng Ngân hàng tỉnh");
            wg_article_free(a);
            remove(path);
            rmdir(dir);
        }
    }

    wg_lexicon_free(lex);
    return HARNESS_DONE();
}
