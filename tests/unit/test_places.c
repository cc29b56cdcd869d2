/* Wards and committees (SPEC sections 2-3): unit words with names and
 * numbers, headline capitals, lists, units written twice, the July 2025
 * units, organs and their abbreviations, scopes resolved from the article,
 * and keys that keep same-named bodies of different places apart. Every
 * sentence is written for the test, in the shapes local news uses. */
#include <stdlib.h>
#include <string.h>
#include "harness.h"
#include "wardgraph.h"

static wg_lexicon *lex;

static wg_article *run2(const char *title, const char *body, const char *source)
{
    char text[8192];
    wg_doc *d = NULL;
    wg_article *a = NULL;
    snprintf(text, sizeof text, "%s\n\n%s\n\nMinh Cường\n", title, body);
    if (wg_doc_new(&d, source, text, strlen(text), NULL) < 0)
        return NULL;
    if (wg_extract(&a, d, lex) < 0)
        a = NULL;
    wg_doc_free(d);
    return a;
}

static wg_article *run(const char *body)
{
    return run2("Hội nghị", body, "t.txt");
}

static const wg_entity *find(const wg_article *a, wg_entity_type t, const char *name)
{
    for (size_t i = 0; a && i < a->nentities; i++)
        if (a->entities[i].type == t && strcmp(a->entities[i].name, name) == 0)
            return &a->entities[i];
    return NULL;
}

static size_t count(const wg_article *a, wg_entity_type t)
{
    size_t n = 0;
    for (size_t i = 0; a && i < a->nentities; i++)
        n += a->entities[i].type == t;
    return n;
}

static const char *key(const wg_article *a, wg_entity_type t, const char *name)
{
    const wg_entity *e = find(a, t, name);
    return e ? e->key : "(none)";
}

#define HAS(a, t, name) OK(find((a), (t), (name)) != NULL, "no %s '%s'", wg_entity_type_name(t), (name))
#define HASNT(a, t, name) OK(find((a), (t), (name)) == NULL, "unexpected %s '%s'", wg_entity_type_name(t), (name))
#define KEY_HAS(a, t, name, part)                                                                  \
    OK(strstr(key((a), (t), (name)), (part)) != NULL, "key of '%s' is %s, want ...%s...", (name), \
       key((a), (t), (name)), (part))

int main(void)
{
    wg_article *a, *b;
    wg_init();
    if (wg_lexicon_new(&lex) < 0) {
        fprintf(stderr, "no lexicon: %s\n", wg_error_last());
        return 1;
    }

    /* headline capitals: the name ends where the gazetteer or the running
     * text says, not at the next capital word */
    a = run2("PHƯỜNG CẦU KHO TẬP TRUNG PHÁT TRIỂN KINH TẾ - XÃ HỘI",
             "Sáng nay, Đảng ủy phường Cầu Kho họp phiên thường kỳ.", "t.txt");
    HAS(a, WG_WARD, "phường Cầu Kho");
    HASNT(a, WG_WARD, "phường Cầu Kho Tập");
    HASNT(a, WG_WARD, "xã Hội");
    HAS(a, WG_COMMITTEE, "Đảng ủy phường Cầu Kho");
    INT_EQ(count(a, WG_WARD), 1);
    wg_article_free(a);

    /* a headline ward the running text writes too */
    a = run2("ĐẢNG BỘ XÃ PHÚ LỘC ĐẠI HỘI NHIỆM KỲ MỚI", "Đại hội Đảng bộ xã Phú Lộc diễn ra trong hai ngày.",
             "t.txt");
    HAS(a, WG_WARD, "xã Phú Lộc");
    HASNT(a, WG_WARD, "xã Phú Lộc Đại");
    wg_article_free(a);

    /* "xã hội" (society) and generic phrases are no wards */
    a = run("Công tác an sinh xã hội được quan tâm; Xã hội hóa giáo dục; xây dựng phường văn minh, "
            "đạt chuẩn “Phường Đô thị văn minh”.");
    INT_EQ(count(a, WG_WARD), 0);
    wg_article_free(a);

    /* lists under one unit word, named and numbered */
    a = run("Đoàn làm việc tại các xã Hoằng Ngọc, Hoằng Cát và Thiệu Nguyên. Sáp nhập các phường 1, 2 và 7 "
            "của thành phố Bạc Liêu.");
    HAS(a, WG_WARD, "xã Hoằng Ngọc");
    HAS(a, WG_WARD, "xã Hoằng Cát");
    HAS(a, WG_WARD, "xã Thiệu Nguyên");
    HAS(a, WG_WARD, "phường 1");
    HAS(a, WG_WARD, "phường 2");
    HAS(a, WG_WARD, "phường 7");
    INT_EQ(count(a, WG_WARD), 6);
    wg_article_free(a);

    /* a list after a colon, and one item less: a cut-off word is no ward */
    a = run("Phường mới hợp nhất 3 phường: Thuận Phước, Thanh Bình, Thạch Thang. Phụ trách các xã Cái Nước, Đ");
    HAS(a, WG_WARD, "phường Thuận Phước");
    HAS(a, WG_WARD, "phường Thạch Thang");
    HASNT(a, WG_WARD, "xã Đ");
    wg_article_free(a);

    /* without "các" an item after a comma must be a known unit: a person
     * is not a ward */
    a = run("Đồng chí công tác tại xã Tân Lập, Nguyễn Văn Hùng phát biểu.");
    HAS(a, WG_WARD, "xã Tân Lập");
    HASNT(a, WG_WARD, "xã Nguyễn Văn Hùng");
    INT_EQ(count(a, WG_WARD), 1);
    wg_article_free(a);

    /* the unit word written twice */
    a = run("Ban Thường vụ làm việc với đảng ủy xã xã Tân Lập về công tác cán bộ.");
    HAS(a, WG_WARD, "xã Tân Lập");
    HAS(a, WG_COMMITTEE, "Đảng ủy xã Tân Lập");
    INT_EQ(count(a, WG_WARD), 1);
    wg_article_free(a);

    /* a ward named after a person; the official after it is not in it */
    a = run("Chủ tịch UBND phường Nguyễn Thái Bình Trần Văn An báo cáo. Phường Nguyễn Thái Bình có nhiều mô hình.");
    HAS(a, WG_WARD, "phường Nguyễn Thái Bình");
    HAS(a, WG_COMMITTEE, "UBND phường Nguyễn Thái Bình");
    INT_EQ(count(a, WG_WARD), 1);
    wg_article_free(a);

    /* a person after a province's organ is no scope */
    a = run("Phó Chủ tịch UBND tỉnh Nguyễn Văn An dự họp cùng lãnh đạo tỉnh Long An.");
    HASNT(a, WG_COMMITTEE, "UBND tỉnh Nguyễn Văn An");
    OK(count(a, WG_COMMITTEE) == 1, "one committee, got %zu", count(a, WG_COMMITTEE));
    wg_article_free(a);

    /* abbreviated unit words */
    a = run("Tham dự có Bí thư Đảng ủy P.Giá Rai và Bí thư Đảng ủy TT. Long Hải.");
    HAS(a, WG_WARD, "phường Giá Rai");
    HAS(a, WG_WARD, "thị trấn Long Hải");
    wg_article_free(a);

    /* the July 2025 units, placed by the province in brackets */
    a = run("Ngày 12/8/2025, Đảng ủy xã Bình Mỹ (TPHCM) tổ chức đại hội. Xã Bình Mỹ có 40 nghìn dân.");
    HAS(a, WG_WARD, "xã Bình Mỹ");
    KEY_HAS(a, WG_WARD, "xã Bình Mỹ", "hồ-chí-minh");
    KEY_HAS(a, WG_COMMITTEE, "Đảng ủy xã Bình Mỹ", "hồ-chí-minh");
    wg_article_free(a);

    /* a commune name many provinces share: apart, by the article's province */
    a = run("Lãnh đạo tỉnh Bình Phước thăm xã Tân Lập. Xã Tân Lập có 5 ấp.");
    b = run("Lãnh đạo tỉnh Kon Tum thăm xã Tân Lập. Xã Tân Lập có 7 thôn.");
    KEY_HAS(a, WG_WARD, "xã Tân Lập", "bình-phước");
    KEY_HAS(b, WG_WARD, "xã Tân Lập", "kon-tum");
    OK(strcmp(key(a, WG_WARD, "xã Tân Lập"), key(b, WG_WARD, "xã Tân Lập")) != 0, "two Tân Lập share a key");
    wg_article_free(a);
    wg_article_free(b);

    /* committees: scope written, resolved from the article, abbreviations */
    a = run("Ngày 24/2/2023, Thường trực Quận ủy – UBND quận làm việc với Đảng ủy phường Cầu Kho. Bí thư "
            "Quận ủy Quận 1 chủ trì. Đảng ủy phường đã ban hành 5 nghị quyết. Ban Dân vận Quận ủy cần quan "
            "tâm công tác dân tộc.");
    HAS(a, WG_COMMITTEE, "UBND Quận 1");
    HAS(a, WG_COMMITTEE, "Quận ủy Quận 1");
    HAS(a, WG_COMMITTEE, "Đảng ủy phường Cầu Kho");
    HAS(a, WG_COMMITTEE, "Ban Dân vận Quận ủy Quận 1");
    HASNT(a, WG_COMMITTEE, "UBND quận");
    HASNT(a, WG_COMMITTEE, "Quận ủy");
    OK(find(a, WG_COMMITTEE, "Đảng ủy phường Cầu Kho") && find(a, WG_COMMITTEE, "Đảng ủy phường Cầu Kho")->nmentions == 2,
       "Đảng ủy phường is the ward's");
    INT_EQ(count(a, WG_COMMITTEE), 4);
    wg_article_free(a);

    a = run("Giám sát của UB.MTTQ Việt Nam phường Đức Xuân; Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh Bắc Kạn; "
            "HĐND, UBND tỉnh Bắc Kạn; cấp ủy, HĐND, UBND, MTTQ Việt Nam các cấp; tập thể Chi bộ 10B.");
    HAS(a, WG_COMMITTEE, "Ủy ban MTTQ phường Đức Xuân");
    HAS(a, WG_COMMITTEE, "Ủy ban MTTQ tỉnh Bắc Kạn");
    HAS(a, WG_COMMITTEE, "HĐND tỉnh Bắc Kạn");
    HAS(a, WG_COMMITTEE, "UBND tỉnh Bắc Kạn");
    HAS(a, WG_COMMITTEE, "Chi bộ 10B");
    HASNT(a, WG_COMMITTEE, "HĐND");
    HASNT(a, WG_COMMITTEE, "UBND");
    INT_EQ(count(a, WG_COMMITTEE), 5);
    wg_article_free(a);

    /* Đảng bộ of a district or province is that level's committee */
    a = run("Đại hội Đảng bộ huyện Yên Lập lần thứ XXIV; Ban Chấp hành Đảng bộ tỉnh Long An họp.");
    HAS(a, WG_COMMITTEE, "Huyện ủy Yên Lập");
    HAS(a, WG_COMMITTEE, "Tỉnh ủy Long An");
    INT_EQ(count(a, WG_COMMITTEE), 2);
    wg_article_free(a);

    /* a department names its committee too; lists of departments and of
     * committees */
    a = run("Trưởng Ban Tổ chức Tỉnh ủy Thanh Hóa phát biểu. Lãnh đạo Ban Tuyên giáo, Ban Dân vận Tỉnh ủy "
            "Thanh Hóa dự. Đại diện Quận ủy 3, 10 và Bình Thạnh.");
    HAS(a, WG_COMMITTEE, "Ban Tổ chức Tỉnh ủy Thanh Hóa");
    HAS(a, WG_COMMITTEE, "Tỉnh ủy Thanh Hóa");
    HAS(a, WG_COMMITTEE, "Ban Tuyên giáo Tỉnh ủy Thanh Hóa");
    HAS(a, WG_COMMITTEE, "Ban Dân vận Tỉnh ủy Thanh Hóa");
    HAS(a, WG_COMMITTEE, "Quận ủy Quận 3");
    HAS(a, WG_COMMITTEE, "Quận ủy Quận 10");
    HAS(a, WG_COMMITTEE, "Quận ủy Bình Thạnh");
    wg_article_free(a);

    /* the acronym of a district city; its province places the bare Tỉnh ủy */
    a = run("Thường trực Thành ủy PRTC làm việc với Đảng ủy phường Thanh Sơn; chỉ thị của Ban Thường vụ "
            "Tỉnh ủy. Chủ tịch UBND thành phố PRTC dự.");
    HAS(a, WG_COMMITTEE, "Thành ủy PRTC");
    HAS(a, WG_COMMITTEE, "UBND thành phố PRTC");
    /* not written, so named from the gazetteer */
    HAS(a, WG_COMMITTEE, "Tỉnh ủy Ninh Thuận");
    KEY_HAS(a, WG_COMMITTEE, "Tỉnh ủy Ninh Thuận", "ninh-thuận");
    KEY_HAS(a, WG_COMMITTEE, "Thành ủy PRTC", "phan-rang-tháp-chàm");
    wg_article_free(a);

    /* two cities' bare Thành ủy: never one key */
    a = run2("Làm việc tại phường Cầu Kho", "Ủy viên Ban Thường vụ Thành ủy, Bí thư Quận ủy Quận 1 dự. "
             "Đảng ủy phường Cầu Kho báo cáo.", "a.txt");
    b = run2("Làm việc tại phường Đức Xuân", "Ban Thường vụ Thành ủy làm việc với Đảng ủy phường Đức "
             "Xuân. Thành ủy giao nhiệm vụ.", "b.txt");
    HAS(a, WG_COMMITTEE, "Thành ủy TP.HCM");
    HAS(b, WG_COMMITTEE, "Thành ủy Bắc Kạn");
    OK(strcmp(key(a, WG_COMMITTEE, "Thành ủy TP.HCM"), key(b, WG_COMMITTEE, "Thành ủy Bắc Kạn")) != 0,
       "two Thành ủy merged");
    KEY_HAS(a, WG_COMMITTEE, "Thành ủy TP.HCM", "hồ-chí-minh");
    KEY_HAS(b, WG_COMMITTEE, "Thành ủy Bắc Kạn", "bắc-kạn");
    /* a Thành ủy written with its city in a third article is the same */
    wg_article_free(b);
    b = run("Ban Thường vụ Thành ủy Bắc Kạn làm việc.");
    STR_EQ(key(b, WG_COMMITTEE, "Thành ủy Bắc Kạn"), "committee:thành-ủy.thành-phố-bắc-kạn.bắc-kạn");
    wg_article_free(a);
    wg_article_free(b);

    /* Hồ Chí Minh the idea places nothing: an unplaced bare Tỉnh ủy stays
     * its article's, and two such articles keep two keys */
    a = run2("Học tập", "Học tập tư tưởng Hồ Chí Minh theo chỉ đạo của Tỉnh ủy.", "x1.txt");
    b = run2("Học tập", "Học tập tư tưởng Hồ Chí Minh theo chỉ đạo của Tỉnh ủy.", "x2.txt");
    HAS(a, WG_COMMITTEE, "Tỉnh ủy");
    OK(strstr(key(a, WG_COMMITTEE, "Tỉnh ủy"), "hồ-chí-minh") == NULL, "idea placed: %s", key(a, WG_COMMITTEE, "Tỉnh ủy"));
    OK(strcmp(key(a, WG_COMMITTEE, "Tỉnh ủy"), key(b, WG_COMMITTEE, "Tỉnh ủy")) != 0, "unplaced bodies merged");
    INT_EQ(count(a, WG_WARD), 0);
    wg_article_free(a);
    wg_article_free(b);

    /* a unique commune places the bare Huyện ủy (SPEC section 3), and the
     * same body written in full in another article gets the same key */
    a = run("Huyện ủy chỉ đạo xã Hoằng Ngọc tập trung làm đường.");
    b = run("Ban Thường vụ Huyện ủy Hoằng Hóa kiểm tra.");
    KEY_HAS(a, WG_COMMITTEE, "Huyện ủy Hoằng Hóa", "hoằng-hóa");
    STR_EQ(key(a, WG_COMMITTEE, "Huyện ủy Hoằng Hóa"), key(b, WG_COMMITTEE, "Huyện ủy Hoằng Hóa"));
    {
        const wg_entity *w = find(a, WG_WARD, "xã Hoằng Ngọc");
        STR_EQ(w ? w->parent : NULL, "huyện Hoằng Hóa");
    }
    wg_article_free(a);
    wg_article_free(b);

    /* after the reform: an old province is the new one it went into */
    a = run("Phường Bạc Liêu được thành lập từ các phường của TP Bạc Liêu, tỉnh Bạc Liêu (cũ). Ban Thường "
            "vụ Tỉnh ủy chỉ đạo Đảng ủy phường Bạc Liêu.");
    KEY_HAS(a, WG_WARD, "phường Bạc Liêu", "cà-mau");
    KEY_HAS(a, WG_COMMITTEE, "Tỉnh ủy Cà Mau", "cà-mau");
    wg_article_free(a);

    /* a gazetteer name across a dash; bodies listed with dashes share the
     * scope after the last; a body after a scope's comma is no list item */
    a = run("Bí thư Thành ủy Phan Rang – Tháp Chàm dự. Lãnh đạo Tỉnh ủy – HĐND – UBND - Ủy ban MTTQ Việt Nam "
            "tỉnh Đồng Nai. Tin từ Văn phòng Tỉnh ủy Cà Mau, Ban Thường vụ Tỉnh ủy đã họp.");
    HAS(a, WG_COMMITTEE, "Thành ủy Phan Rang – Tháp Chàm");
    HAS(a, WG_COMMITTEE, "HĐND tỉnh Đồng Nai");
    HAS(a, WG_COMMITTEE, "UBND tỉnh Đồng Nai");
    HAS(a, WG_COMMITTEE, "Ủy ban MTTQ tỉnh Đồng Nai");
    HAS(a, WG_COMMITTEE, "Tỉnh ủy Cà Mau");
    HASNT(a, WG_COMMITTEE, "Tỉnh ủy Ban Thường");
    wg_article_free(a);

    /* a bare body takes the place its own sentence names, not the
     * article's most named one */
    a = run("Đoàn công tác của huyện Tháp Mười, tỉnh Đồng Tháp đến thăm. Tiếp đoàn có đồng chí Thường vụ "
            "Huyện ủy, Chủ tịch UBND huyện Tiểu Cần. Huyện Tháp Mười có 12 xã; lãnh đạo huyện Tháp Mười cảm ơn.");
    KEY_HAS(a, WG_COMMITTEE, "Huyện ủy Tiểu Cần", "tiểu-cần");
    HASNT(a, WG_COMMITTEE, "Huyện ủy Tháp Mười");
    wg_article_free(a);

    /* bodies of every unit and agencies' committees are none of the
     * article's ward */
    a = run("Đảng ủy phường Hòa Thành họp. Đảng ủy phường Hòa Thành giao Chủ tịch UBND các xã, HĐND cấp xã và "
            "Đảng ủy khối cơ quan rà soát.");
    HAS(a, WG_COMMITTEE, "Đảng ủy phường Hòa Thành");
    HASNT(a, WG_COMMITTEE, "UBND phường Hòa Thành");
    HASNT(a, WG_COMMITTEE, "HĐND phường Hòa Thành");
    INT_EQ(count(a, WG_COMMITTEE), 1);
    wg_article_free(a);

    /* a commune name two provinces share, and nothing else: no province,
     * so the bare body stays its article's */
    a = run("Thị ủy chỉ đạo các xã như: Xuân Lâm, Hà Mãn.");
    HAS(a, WG_COMMITTEE, "Thị ủy");
    KEY_HAS(a, WG_COMMITTEE, "Thị ủy", "bài-");
    wg_article_free(a);

    /* one organ over a list of wards, and over a second unit word */
    a = run("Thường trực Huyện ủy làm việc với Đảng ủy các xã Diễn Kim, Diễn Hải và Diễn Thành; BCH Đảng bộ xã "
            "Hàm Rồng và thị trấn Năm Căn báo cáo; UBND thành phố Long Xuyên và phường Mỹ Bình khen thưởng.");
    HAS(a, WG_COMMITTEE, "Đảng ủy xã Diễn Kim");
    HAS(a, WG_COMMITTEE, "Đảng ủy xã Diễn Hải");
    HAS(a, WG_COMMITTEE, "Đảng ủy xã Diễn Thành");
    HAS(a, WG_COMMITTEE, "Đảng ủy xã Hàm Rồng");
    HAS(a, WG_COMMITTEE, "Đảng ủy thị trấn Năm Căn");
    HAS(a, WG_COMMITTEE, "UBND thành phố Long Xuyên");
    HASNT(a, WG_COMMITTEE, "UBND phường Mỹ Bình");
    HAS(a, WG_WARD, "phường Mỹ Bình");
    HASNT(a, WG_COMMITTEE, "Đảng ủy xã");
    wg_article_free(a);

    /* "các huyện, thị, thành ủy" is every such body; a bare front body in
     * an article about a province's bodies is the province's */
    a = run("Dự có lãnh đạo các cơ quan giúp việc Tỉnh ủy; lãnh đạo Ủy ban Mặt trận Tổ quốc; Thường trực các "
            "huyện, thị, thành ủy và các Huyện ủy.");
    HAS(a, WG_COMMITTEE, "Tỉnh ủy");
    HAS(a, WG_COMMITTEE, "Ủy ban MTTQ tỉnh");
    HASNT(a, WG_COMMITTEE, "Thành ủy");
    HASNT(a, WG_COMMITTEE, "Huyện ủy");
    INT_EQ(count(a, WG_COMMITTEE), 2);
    wg_article_free(a);

    /* "xã A và B": an item of the first one's shape is a ward too */
    a = run("Ban Chấp hành xã Thạch Đỉnh và Thạch Bàn tổ chức hội nghị.");
    HAS(a, WG_WARD, "xã Thạch Đỉnh");
    HAS(a, WG_WARD, "xã Thạch Bàn");
    HAS(a, WG_COMMITTEE, "Đảng ủy xã Thạch Bàn");
    wg_article_free(a);

    /* central bodies have no scope; lower-case "chính phủ" is no name */
    a = run("Theo Kết luận của Bộ Chính trị và Nghị quyết của Chính phủ, chính quyền điện tử, chính phủ số.");
    HAS(a, WG_COMMITTEE, "Bộ Chính trị");
    HAS(a, WG_COMMITTEE, "Chính phủ");
    INT_EQ(count(a, WG_COMMITTEE), 2);
    wg_article_free(a);

    /* one spelling for a province-level city however it is written:
     * initials, "TP.", in full; a city named like a person by its initials */
    a = run("Thường trực Thành ủy TPHCM làm việc với UBND Thành phố Hồ Chí Minh; lãnh đạo HĐND TP.HCM và "
            "Ủy ban MTTQ TP Hồ Chí Minh cùng dự.");
    HAS(a, WG_COMMITTEE, "Thành ủy TP.HCM");
    HAS(a, WG_COMMITTEE, "UBND TP.HCM");
    HAS(a, WG_COMMITTEE, "HĐND TP.HCM");
    HAS(a, WG_COMMITTEE, "Ủy ban MTTQ TP.HCM");
    INT_EQ(count(a, WG_COMMITTEE), 4);
    wg_article_free(a);
    a = run("Đoàn công tác của Thành ủy thành phố Huế làm việc với UBND Tp. Huế và Đảng ủy TT. Long Hải, "
            "UBND TT Long Hải.");
    HAS(a, WG_COMMITTEE, "Thành ủy Huế");
    HAS(a, WG_COMMITTEE, "UBND thành phố Huế");
    HAS(a, WG_COMMITTEE, "Đảng ủy thị trấn Long Hải");
    HAS(a, WG_COMMITTEE, "UBND thị trấn Long Hải");
    HAS(a, WG_WARD, "thị trấn Long Hải");
    wg_article_free(a);
    /* "TT HĐND" is the standing body (Thường trực), not a town */
    a = run("Ông Trần Văn Nam, Phó Chủ tịch TT HĐND tỉnh, dự họp.");
    INT_EQ(count(a, WG_WARD), 0);
    wg_article_free(a);
    /* the same body written two ways in two articles is one key */
    a = run("UBND TPHCM chỉ đạo phường Bến Thành.");
    b = run("Ủy ban nhân dân Thành phố Hồ Chí Minh chỉ đạo phường Bến Thành.");
    OK(strcmp(key(a, WG_COMMITTEE, "UBND TP.HCM"), key(b, WG_COMMITTEE, "UBND TP.HCM")) == 0, "keys %s / %s",
       key(a, WG_COMMITTEE, "UBND TP.HCM"), key(b, WG_COMMITTEE, "UBND TP.HCM"));
    wg_article_free(a);
    wg_article_free(b);

    /* the bodies the 2025 reform created, with the unit after them */
    a = run2("Hội nghị", "Sáng 2/8/2025, Ban Thường vụ Đảng ủy UBND tỉnh Gia Lai họp; Bí thư Đảng ủy các cơ "
             "quan Đảng tỉnh Gia Lai và Đảng bộ Công an tỉnh Gia Lai dự. Chi bộ các cơ quan Đảng xã báo cáo.",
             "r.txt");
    HAS(a, WG_COMMITTEE, "Đảng ủy UBND tỉnh Gia Lai");
    HAS(a, WG_COMMITTEE, "Đảng ủy các cơ quan Đảng tỉnh Gia Lai");
    HAS(a, WG_COMMITTEE, "Đảng ủy Công an tỉnh Gia Lai");
    HASNT(a, WG_COMMITTEE, "UBND tỉnh Gia Lai");
    wg_article_free(a);

    /* unit words listed without names are every such unit's body; a number
     * of months or items after a unit word is a count; NTM is a rank */
    a = run("Tỉnh Nghệ An chỉ đạo HĐND xã, phường rà soát; chủ tịch UBND xã, phường, đặc khu dự. Kết quả của "
            "phường 9 tháng đầu năm và xã 3 nội dung khá tốt; xã NTM nâng cao được công nhận.");
    HASNT(a, WG_COMMITTEE, "HĐND xã");
    HASNT(a, WG_COMMITTEE, "UBND xã");
    HASNT(a, WG_WARD, "phường 9");
    HASNT(a, WG_WARD, "xã 3");
    HASNT(a, WG_WARD, "xã NTM");
    INT_EQ(count(a, WG_WARD), 0);
    wg_article_free(a);

    /* a numbered name the gazetteer knows; a known name followed by a cut-off word */
    a = run("Đoàn kiểm tra khu vực bỏ phiếu tại xã Sơn Kim 2 và xã Sơn Tây, tỉnh Hà Tĩnh.");
    HAS(a, WG_WARD, "xã Sơn Kim 2");
    HASNT(a, WG_WARD, "xã Sơn Kim");
    wg_article_free(a);
    a = run("Đảng bộ xã Sao Vàng họp. Phát biểu tại hội nghị, Bí thư Đảng ủy xã Sao Vàng Ho");
    HAS(a, WG_WARD, "xã Sao Vàng");
    HASNT(a, WG_WARD, "xã Sao Vàng Ho");
    wg_article_free(a);

    /* mass organisations listed with the bodies share their scope; the
     * front's written forms with VN */
    a = run("Lãnh đạo UBND, MTTQ và các đoàn thể xã Tân Phú cùng dự; Chủ tịch UBMTTQVN xã Tân Phú phát biểu.");
    HAS(a, WG_COMMITTEE, "UBND xã Tân Phú");
    HAS(a, WG_COMMITTEE, "Ủy ban MTTQ xã Tân Phú");
    wg_article_free(a);

    /* several unit words over one list: each item takes the one the
     * gazetteer knows it under; an unknown item is skipped */
    a = run2("Hội nghị", "Ngày 5/9/2025, tỉnh Hà Tĩnh kiểm tra 4 phường, xã gồm: Thành Sen, Can Lộc, Cẩm Xuyên và "
             "Bình Yên Mới. Ban Thường vụ Tỉnh ủy làm việc với Đảng bộ các phường, xã: Sông Trí, Kỳ Xuân.",
             "m.txt");
    HAS(a, WG_WARD, "phường Thành Sen");
    HAS(a, WG_WARD, "xã Can Lộc");
    HAS(a, WG_WARD, "xã Cẩm Xuyên");
    HASNT(a, WG_WARD, "phường Bình Yên Mới");
    HASNT(a, WG_WARD, "xã Bình Yên Mới");
    HAS(a, WG_COMMITTEE, "Đảng ủy phường Sông Trí");
    HAS(a, WG_COMMITTEE, "Đảng ủy xã Kỳ Xuân");
    wg_article_free(a);

    /* a body listed with "cấp ủy, chính quyền" is every level's */
    a = run("Công tác bầu cử được cấp ủy, chính quyền, Ủy ban MTTQ và các đoàn thể quan tâm.");
    INT_EQ(count(a, WG_COMMITTEE), 0);
    wg_article_free(a);

    /* across the July 2025 reform: a bare body of an article dated after it
     * is the new province's (old Nam Định communes: Ninh Bình); one the text
     * names keeps its name, one marked former is the old province's */
    a = run("Ngày 10/9/2025, Thường trực Tỉnh ủy làm việc tại xã Giao Hương và xã Giao Thiện. UBND tỉnh chỉ "
            "đạo; lãnh đạo HĐND tỉnh Nam Định (cũ) và Ủy ban MTTQ tỉnh trước sáp nhập cùng dự.");
    HAS(a, WG_COMMITTEE, "Tỉnh ủy Ninh Bình");
    HAS(a, WG_COMMITTEE, "UBND tỉnh Ninh Bình");
    HAS(a, WG_COMMITTEE, "HĐND tỉnh Nam Định");
    HAS(a, WG_COMMITTEE, "Ủy ban MTTQ tỉnh Nam Định");
    wg_article_free(a);
    a = run("Ngày 10/9/2024, Thường trực Tỉnh ủy làm việc tại xã Giao Hương và xã Giao Thiện.");
    HAS(a, WG_COMMITTEE, "Tỉnh ủy Nam Định");
    wg_article_free(a);
    /* undated, with communes only the 2025-07 list has: after the reform */
    a = run("Thường trực Tỉnh ủy làm việc với Đảng ủy xã Nam Xang và xã Bắc Lý.");
    HAS(a, WG_COMMITTEE, "Tỉnh ủy Ninh Bình");
    wg_article_free(a);

    /* "UBND TP," is the city's body: the unit word alone after an organ */
    a = run("Chiều 12-3, ông Trương Văn Tuyên, Chủ tịch UBND TP, Phó Ban chỉ đạo bầu cử TP Cần Thơ đi kiểm tra "
            "tại phường Long Tuyền và phường Bình Thủy, phường Long Tuyền.");
    HAS(a, WG_COMMITTEE, "UBND thành phố Cần Thơ");
    HASNT(a, WG_COMMITTEE, "UBND phường Long Tuyền");
    wg_article_free(a);

    /* hyphen-joined organs are both organs, and share the scope after them */
    a = run("Lãnh đạo Văn phòng HĐND-UBND huyện Yên Lập dự. Đảng ủy - UBND xã Tân Lập tổ chức.");
    HAS(a, WG_COMMITTEE, "HĐND huyện Yên Lập");
    HAS(a, WG_COMMITTEE, "UBND huyện Yên Lập");
    HAS(a, WG_COMMITTEE, "Đảng ủy xã Tân Lập");
    HAS(a, WG_COMMITTEE, "UBND xã Tân Lập");
    HASNT(a, WG_COMMITTEE, "Đảng ủy UBND xã Tân Lập");
    wg_article_free(a);

    wg_lexicon_free(lex);
    return HARNESS_DONE();
}
