/* Projects (SPEC section 2): a trigger word and a name that stops at the
 * name's end, never a clause; generic phrases are no projects. Every
 * sentence is written for the test. */
#include <stdlib.h>
#include <string.h>
#include "harness.h"
#include "wardgraph.h"

static wg_lexicon *lex;

static wg_article *run(const char *body)
{
    char text[8192];
    wg_doc *d = NULL;
    wg_article *a = NULL;
    snprintf(text, sizeof text, "Hội nghị\n\n%s\n\nMinh Cường\n", body);
    if (wg_doc_new(&d, "t.txt", text, strlen(text), NULL) < 0)
        return NULL;
    if (wg_extract(&a, d, lex) < 0)
        a = NULL;
    wg_doc_free(d);
    return a;
}

static size_t projects(const wg_article *a)
{
    size_t n = 0;
    for (size_t i = 0; a && i < a->nentities; i++)
        n += a->entities[i].type == WG_PROJECT;
    return n;
}

static int has(const wg_article *a, const char *name)
{
    for (size_t i = 0; a && i < a->nentities; i++)
        if (a->entities[i].type == WG_PROJECT && strcmp(a->entities[i].name, name) == 0)
            return 1;
    return 0;
}

/* The body has exactly the one project `name` (or none when NULL). */
static void one(const char *body, const char *name, int line)
{
    wg_article *a = run(body);
    if (name)
        OK(has(a, name) && projects(a) == 1, "line %d: want project '%s' only (%zu found)", line, name, projects(a));
    else
        OK(projects(a) == 0, "line %d: want no project, %zu found", line, projects(a));
    for (size_t i = 0; a && i < a->nentities; i++)
        if (a->entities[i].type == WG_PROJECT && (!name || strcmp(a->entities[i].name, name) != 0))
            fprintf(stderr, "  found '%s'\n", a->entities[i].name);
    wg_article_free(a);
}


/* The body has exactly the projects in `names` (NULL-terminated). */
static void all(const char *body, const char *const *names, int line)
{
    wg_article *a = run(body);
    size_t want = 0;
    for (; names[want]; want++)
        OK(has(a, names[want]), "line %d: want project '%s'", line, names[want]);
    OK(projects(a) == want, "line %d: want %zu projects, %zu found", line, want, projects(a));
    for (size_t i = 0; a && harness_failures && i < a->nentities; i++)
        if (a->entities[i].type == WG_PROJECT)
            fprintf(stderr, "  found '%s'\n", a->entities[i].name);
    wg_article_free(a);
}

int main(void)
{
    wg_init();
    if (wg_lexicon_new(&lex) < 0) {
        fprintf(stderr, "no lexicon: %s\n", wg_error_last());
        return 1;
    }
    /* a capitalised name after common nouns; the clause after it is not in it */
    one("Đề nghị UBND quận quan tâm dự án chung cư Lô E Võ Văn Kiệt; vận động các quán phối hợp.",
        "chung cư Lô E Võ Văn Kiệt", __LINE__);
    one("Kiểm tra tiến độ dự án Cảng hàng không Sa Pa; khu vực biên giới.", "Cảng hàng không Sa Pa", __LINE__);
    one("Ông đề nghị đẩy nhanh dự án đường Nguyễn Văn Linh đã được phê duyệt.", "đường Nguyễn Văn Linh", __LINE__);
    one("Hoàn thành Dự án Cải tạo rạch Bến Nghé (giai đoạn 2) trong năm nay.", "Cải tạo rạch Bến Nghé", __LINE__);
    /* codes: the trigger stays in the name */
    one("Thanh niên tình nguyện tiên phong trong thực hiện đề án 06; công tác giảm nghèo.", "đề án 06", __LINE__);
    one("Tập trung quản lý khu đô thị K1 về vấn đề vệ sinh môi trường.", "khu đô thị K1", __LINE__);
    /* quoted names, straight or curly, even with a stray space */
    one("Toàn phường xây dựng mô hình “ Dân vận khéo” tiêu biểu.", "Dân vận khéo", __LINE__);
    one("Thực hiện Cuộc vận động “Toàn dân đoàn kết xây dựng nông thôn mới, đô thị văn minh”.",
        "Toàn dân đoàn kết xây dựng nông thôn mới, đô thị văn minh", __LINE__);
    one("Phát động phong trào \"Ngày thứ bảy tình nguyện\" trong đoàn viên.", "Ngày thứ bảy tình nguyện", __LINE__);
    /* a trigger written with a capital inside a sentence names a programme */
    one("Huyện triển khai Chương trình mục tiêu quốc gia xây dựng nông thôn mới, đạt 19 tiêu chí.",
        "Chương trình mục tiêu quốc gia xây dựng nông thôn mới", __LINE__);
    /* an enumeration after a comma that runs to the sentence's end is the name's */
    one("Tỉnh triển khai Đề án phát triển huyện đảo thành trung tâm kinh tế biển, du lịch sinh thái.",
        "Đề án phát triển huyện đảo thành trung tâm kinh tế biển, du lịch sinh thái", __LINE__);
    one("Tỉnh triển khai Chương trình mục tiêu quốc gia giảm nghèo bền vững, huyện đã hỗ trợ 300 hộ.",
        "Chương trình mục tiêu quốc gia giảm nghèo bền vững", __LINE__);
    /* an abbreviation in brackets does not end the name; "của" does */
    one("Góp ý Đề án tổng kết 15 năm thực hiện Nghị quyết (NQ) 32 của Bộ Chính trị.",
        "Đề án tổng kết 15 năm thực hiện Nghị quyết (NQ) 32", __LINE__);
    /* a clause starts at "còn"; a headline in capitals names no project */
    one("Dự án khu đô thị Bắc Nguyễn Du còn 6 hạng mục chưa xong.", "khu đô thị Bắc Nguyễn Du", __LINE__);
    {
        wg_doc *d = NULL;
        wg_article *a = NULL;
        const char *t = "ĐẨY NHANH DỰ ÁN TRỌNG ĐIỂM\n\nCác dự án được đôn đốc.\n\nMinh Cường\n";
        if (wg_doc_new(&d, "h.txt", t, strlen(t), NULL) == 0 && wg_extract(&a, d, lex) == 0)
            INT_EQ(projects(a), 0);
        wg_article_free(a);
        wg_doc_free(d);
    }
    /* a building verb and a head noun (đường, kè, đê, trường ...) open a
     * lower-case description; a proper name or a number in it makes it a
     * name, which ends at its last capital or number */
    one("Huyện đề nghị bố trí vốn cho dự án nâng cấp đê sông Lam Hưng Nguyên, các xã phối hợp.",
        "nâng cấp đê sông Lam Hưng Nguyên", __LINE__);
    one("Phường đôn đốc nhà thầu thi công công trình kè chắn sóng biển Cửa Tùng đang chậm tiến độ.",
        "kè chắn sóng biển Cửa Tùng", __LINE__);
    one("Người dân phản ánh dự án mở rộng đường huyện lộ 27 đoạn qua thôn còn vướng mặt bằng.",
        "mở rộng đường huyện lộ 27", __LINE__);
    one("Dự án xây dựng cầu dân sinh bản Nà Lừa đã khởi công.", "xây dựng cầu dân sinh bản Nà Lừa", __LINE__);
    one("Xã khánh thành công trình nhà văn hóa thôn Đông Sơn với tổng vốn 2 tỷ đồng.",
        "nhà văn hóa thôn Đông Sơn", __LINE__);
    /* a head noun with nothing proper after it is a generic work */
    one("Đề nghị sớm triển khai dự án cải tạo đường giao thông nội đồng để người dân sản xuất.", NULL, __LINE__);
    /* plural: a class of works, not one */
    one("Kiểm tra các công trình phục vụ Lễ hội Đền Hùng năm nay.", NULL, __LINE__);
    one("Đảm bảo tiến độ những dự án giao thông Bắc Nam trong năm.", NULL, __LINE__);
    /* an event a work serves is no project */
    one("Hoàn thành công trình phục vụ Đại hội Thể thao toàn quốc tại tỉnh.", NULL, __LINE__);
    /* one capitalised syllable run on by a lower-case word: a common noun */
    one("Phân bổ vốn chương trình mục tiêu Quốc gia đến từng xã.", NULL, __LINE__);
    /* administrative procedures: merging or founding units */
    one("Lấy ý kiến cử tri về đề án sáp nhập xã Hòa Bình với xã Hòa Lạc.", NULL, __LINE__);
    one("Thông qua Đề án sắp xếp tổ dân phố trên địa bàn phường.", NULL, __LINE__);
    one("Trình Quốc hội Đề án thành lập Khu kinh tế cửa khẩu Lào Cai trong kỳ họp tới.",
        "Đề án thành lập Khu kinh tế cửa khẩu Lào Cai", __LINE__);
    /* generic phrases */
    one("Tiến độ thực hiện các công trình dự án, phát triển kinh tế xã hội.", NULL, __LINE__);
    one("Vận động thành lập mô hình nhà vệ sinh miễn phí cho người dân.", NULL, __LINE__);
    one("Làm việc về chương trình công tác năm 2023 và 5 chương trình.", NULL, __LINE__);
    one("Phát động có hiệu quả các phong trào thi đua yêu nước trong khu dân cư.", NULL, __LINE__);
    one("Dự án được triển khai từ năm 2020 với tổng vốn 300 tỷ đồng.", NULL, __LINE__);
    /* an organ after "trụ sở" is the owner, not a name */
    one("Về kiến nghị sửa chữa trụ sở UBND phường, đồng chí yêu cầu rà soát.", NULL, __LINE__);
    one("Cử tri kiến nghị sửa chữa trụ sở thôn 5 bị dột.", NULL, __LINE__);
    one("Đề nghị đầu tư dự án khu phố 3 chưa có đèn chiếu sáng.", NULL, __LINE__);
    /* a list after one plural trigger names each item */
    {
        const char *const w[] = {"cầu Phú Lộc", "đường vành đai 3", "Khu tái định cư Hòa Thạnh", NULL};
        all("Tỉnh ưu tiên vốn cho các dự án: cầu Phú Lộc, đường vành đai 3 và Khu tái định cư Hòa Thạnh.", w,
            __LINE__);
    }
    {
        const char *const w[] = {"cầu Tân An", "kè sông Vàm Cỏ", NULL};
        all("Đoàn kiểm tra các công trình trọng điểm như cầu Tân An, kè sông Vàm Cỏ trong buổi sáng.", w, __LINE__);
    }
    {
        const char *const w[] = {"Khu dân cư Bình Minh", "Cụm công nghiệp Tân Phước", NULL};
        all("Huyện tháo gỡ vướng mắc cho 2 dự án Khu dân cư Bình Minh và Cụm công nghiệp Tân Phước.", w, __LINE__);
    }
    {
        const char *const w[] = {"mở rộng Quốc lộ 19", "xây dựng cầu Sông Côn", "kè chống sạt lở sông Kôn", NULL};
        all("Tỉnh ưu tiên các công trình: mở rộng Quốc lộ 19; xây dựng cầu Sông Côn và kè chống sạt lở sông Kôn.", w,
            __LINE__);
    }
    /* one name after a plural is a part of the class, not a list */
    one("Không để các công trình APEC chậm tiến độ.", NULL, __LINE__);
    one("Rà soát các dự án giao thông trên địa bàn xã.", NULL, __LINE__);
    /* works named without a trigger, after a verb of building or inspecting */
    one("Đoàn kiểm tra tiến độ nâng cấp Bến xe khách phía Nam và làm việc với nhà thầu.", "Bến xe khách phía Nam",
        __LINE__);
    one("Lãnh đạo tỉnh khảo sát tuyến đường ĐT.769 đoạn qua xã.", "tuyến đường ĐT.769", __LINE__);
    one("Ban chỉ đạo kiểm tra thực địa đường dây 110 kV Long Thành – Nhơn Trạch sáng nay.",
        "đường dây 110 kV Long Thành – Nhơn Trạch", __LINE__);
    one("Tỉnh khởi công xây dựng khu tái định cư Phước Hiệp để bố trí cho người dân.", "khu tái định cư Phước Hiệp",
        __LINE__);
    one("Xã đang xây dựng trung tâm hành chính mới trên khu đất cũ.", "trung tâm hành chính mới", __LINE__);
    one("Huyện nâng cấp Tỉnh lộ 15 đoạn qua thị trấn.", "Tỉnh lộ 15", __LINE__);
    /* a place people go to names a work only when it is being built */
    one("Đoàn kiểm tra chợ Phước Hải vào buổi chiều.", NULL, __LINE__);
    one("Cử tri đề nghị sớm sửa chữa chợ Phước Hải đã xuống cấp.", "chợ Phước Hải", __LINE__);
    one("Đại biểu bỏ phiếu tại Trụ sở Nhà văn hóa khu phố Tân Lập.", NULL, __LINE__);
    /* a name ends where a clause starts: where it is, a time, a verb */
    one("Đoàn làm việc tại dự án Khu lưu niệm nhà thơ Tố Hữu ở xã Quảng Thọ.", "Khu lưu niệm nhà thơ Tố Hữu", __LINE__);
    one("Tiến độ dự án Xây dựng đường tránh thị trấn Phong Điền thuộc huyện Phong Điền chậm.",
        "Xây dựng đường tránh thị trấn Phong Điền", __LINE__);
    one("Dự án cầu Cửa Đại thời gian qua gặp khó khăn về mặt bằng.", "cầu Cửa Đại", __LINE__);
    one("Các sở ngành và dự án cầu Cửa Đại phối hợp chặt chẽ.", "cầu Cửa Đại", __LINE__);
    /* a title in sentence case: its words, "cho" and a second part after "và" */
    one("Ông đề nghị hoàn thành công trình Nhà thi đấu và Hội nghị đa năng của tỉnh.",
        "Nhà thi đấu và Hội nghị đa năng", __LINE__);
    one("Đối với dự án Xây dựng nhà văn hóa cho đồng bào dân tộc xã Ea Tiêu, tiến độ đạt 80%.",
        "Xây dựng nhà văn hóa cho đồng bào dân tộc xã Ea Tiêu", __LINE__);
    /* building verbs joined by a comma; the owner after "trụ sở" */
    one("Tỉnh khảo sát dự án tu bổ, tôn tạo Khu di tích đình Tân Lân ở phường Hiệp Hòa.",
        "tu bổ, tôn tạo Khu di tích đình Tân Lân", __LINE__);
    one("Xã kiến nghị đầu tư dự án sửa chữa trụ sở Đảng ủy – HĐND – UBND xã Cư Pui.",
        "sửa chữa trụ sở Đảng ủy – HĐND – UBND xã Cư Pui", __LINE__);
    one("Huyện phê duyệt dự án đầu tư xây dựng công trình cầu Bến Súc trong năm.",
        "đầu tư xây dựng công trình cầu Bến Súc", __LINE__);
    one("Tỉnh kiến nghị tháo gỡ vướng mắc dự án BOT Quốc lộ 20 đoạn qua huyện.", "BOT Quốc lộ 20", __LINE__);
    one("Dự án Đường vành đai 4 TP.HCM đoạn qua tỉnh đang giải phóng mặt bằng.", "Đường vành đai 4 TP.HCM", __LINE__);
    one("Đoàn kiểm tra dự án thành phần 2 cao tốc Vạn Ninh – Cam Lộ.", "thành phần 2 cao tốc Vạn Ninh – Cam Lộ",
        __LINE__);
    /* one work written twice is one project */
    {
        const char *const w[] = {"cầu Hàm Luông 2", NULL};
        all("Đoàn kiểm tra công trình xây dựng cầu Hàm Luông 2. Tại cầu Hàm Luông 2, đoàn tặng quà công nhân.", w,
            __LINE__);
    }
    /* agendas, managing boards, roads of a description */
    one("Đại hội thông qua Chương trình làm việc và Quy chế làm việc.", NULL, __LINE__);
    one("Đoàn thông qua Chương trình Đại hội đại biểu Đảng bộ xã lần thứ I.", NULL, __LINE__);
    one("Ông Trần Văn Hòa, Giám đốc Ban Quản lý dự án khu vực Long Phú, báo cáo.", NULL, __LINE__);
    one("Tỉnh đầu tư dự án đường giao thông từ trung tâm xã Ia Dom đi xã Ia Nan.",
        "đường giao thông từ trung tâm xã Ia Dom đi xã Ia Nan", __LINE__);
    one("Đoàn hoàn thiện hồ sơ dự án nâng cấp đê Hữu Nhật trong tháng.", "nâng cấp đê Hữu Nhật", __LINE__);
    /* building a party is no work */
    one("Đảng bộ tập trung xây dựng Đảng và hệ thống chính trị trong sạch, vững mạnh.", NULL, __LINE__);
    wg_lexicon_free(lex);
    return HARNESS_DONE();
}
