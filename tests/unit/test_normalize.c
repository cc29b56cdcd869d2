/* text: NFC, tone placement, spaces, line ends, offset map. */
#include <stdlib.h>
#include "harness.h"
#include "text/text.h"

static void norm_is(const char *in, const char *want)
{
    wg_buf b = WG_BUF_INIT;
    OK(wg_i_normalize(&b, NULL, in, strlen(in), 0) == 0, "normalize %s", in);
    STR_EQ(b.ptr, want);
    wg_buf_free(&b);
}

/* Every byte of the output maps into the input, in order, and whole words
 * map to whole words: the output of a word starting at `out_at` starts at
 * the input's `in_at`. */
static void map_check(const char *in, const char *word_out, size_t in_at)
{
    wg_buf b = WG_BUF_INIT;
    size_t *map = NULL;
    OK(wg_i_normalize(&b, &map, in, strlen(in), 0) == 0, "normalize with map");
    const char *w = b.ptr ? strstr(b.ptr, word_out) : NULL;
    OK(w != NULL, "\"%s\" in \"%s\"", word_out, b.ptr ? b.ptr : "");
    if (w && map) {
        size_t at = (size_t)(w - b.ptr);
        INT_EQ(map[at], in_at);
        INT_EQ(map[b.len], strlen(in));
        for (size_t i = 1; i <= b.len; i++)
            OK(map[i - 1] <= map[i], "map is monotonic at %zu", i);
    }
    free(map);
    wg_buf_free(&b);
}

int main(void)
{
    /* the other tone placement -> tone on the first vowel of a final oa, oe,
     * uy: all five tones (huyền, sắc, hỏi, ngã, nặng) on each pair */
    norm_is("hoà hoá hoả hoã hoạ", "hòa hóa hỏa hõa họa");
    norm_is("khoè khoé khoẻ khoẽ khoẹ", "khòe khóe khỏe khõe khọe");
    norm_is("thuỳ thuý thuỷ thuỹ thuỵ", "thùy thúy thủy thũy thụy");
    /* upper case and title case */
    norm_is("HOÀ HOÁ HOẢ HOÃ HOẠ", "HÒA HÓA HỎA HÕA HỌA");
    norm_is("KHOÈ KHOÉ KHOẺ KHOẼ KHOẸ", "KHÒE KHÓE KHỎE KHÕE KHỌE");
    norm_is("THUỲ THUÝ THUỶ THUỸ THUỴ", "THÙY THÚY THỦY THŨY THỤY");
    norm_is("Quận uỷ Uỷ ban UỶ BAN Hoà Bình", "Quận ủy Ủy ban ỦY BAN Hòa Bình");
    /* already in place: unchanged */
    norm_is("hòa khỏe thủy Quận ủy", "hòa khỏe thủy Quận ủy");
    /* not after q: quý, quỳ, quỹ, quỵ, quỷ keep their tone on y */
    norm_is("quý Quý QUÝ quỳ quỹ quỵ quỷ", "quý Quý QUÝ quỳ quỹ quỵ quỷ");
    /* not when a letter follows the pair, nor other vowel pairs */
    norm_is("hoàng thuyết khoảng hoài tuổi", "hoàng thuyết khoảng hoài tuổi");
    norm_is("mùa của lúa", "mùa của lúa");

    /* NFD input -> NFC, with the tone fixed in the same pass */
    norm_is("Nguye\xcc\x82\xcc\x83n", "Nguyễn");
    norm_is("u\xcc\x89y", "ủy");
    norm_is("uy\xcc\x89", "ủy");          /* decomposed, the other placement */
    norm_is("ho\xcc\x80" "a", "hòa");     /* decomposed, already in place */
    norm_is("hoa\xcc\x80", "hòa");
    norm_is("qu\xcc\x81y", "qúy");        /* written so, kept as written after q */
    norm_is("quy\xcc\x81", "quý");
    /* windows-1258 style: precomposed vowel + combining tone */
    norm_is("Qu\xc3\xa2\xcc\xa3n u\xcc\x89y", "Quận ủy");
    /* mixed: NFC, NFD and both placements in one line */
    norm_is("Quận uỷ, Qua\xcc\x82\xcc\xa3n u\xcc\x89y, Quận ủy, hoà",
            "Quận ủy, Quận ủy, Quận ủy, hòa");

    /* spaces, invisibles, controls and line ends */
    norm_is("a\xc2\xa0" "b\xe2\x80\x83" "c\r\nd\re", "a b c\nd\ne");
    norm_is("x\xe2\x80\x8by z\xc2\xad" "w", "xy zw");        /* ZWSP, soft hyphen dropped */
    norm_is("a\xe2\x80\xa8" "b\xe2\x80\xa9" "c", "a\nb\nc"); /* LS, PS */
    norm_is("a\tb\x01" "c\x7f" "d", "a b c d");

    /* scraped text: a syllable broken by a stray space is joined again ... */
    norm_is("Bí thư Huyệ n ủy và Thườ ng trực Đả ng ủy", "Bí thư Huyện ủy và Thường trực Đảng ủy");
    norm_is("Phó Chủ tị ch UBND xã, họp lú c 8 giờ", "Phó Chủ tịch UBND xã, họp lúc 8 giờ");
    /* ... but not a real word, a plain-ASCII word, a number or a capital */
    norm_is("cao 3 m, rộng hơn m", "cao 3 m, rộng hơn m");
    norm_is("Vitamin C và nhóm T", "Vitamin C và nhóm T");
    norm_is("bà n là", "bàn là");
    norm_is("xã Tân Hà n", "xã Tân Hàn");
    norm_is("đi n a", "đi n a"); /* an unmarked vowel before it: no evidence */
    /* a line wrapped inside a sentence is one line; a title or short line is not */
    norm_is("Đồng chí Lê Văn Hải, Ủy viên Ban Thường vụ, Phó Chủ\ntịch UBND tỉnh kết luận.",
            "Đồng chí Lê Văn Hải, Ủy viên Ban Thường vụ, Phó Chủ tịch UBND tỉnh kết luận.");
    norm_is("Hội nghị\nsáng nay", "Hội nghị\nsáng nay");
    norm_is("Kết thúc hội nghị, đồng chí Bí thư phát biểu.\nsau đó", "Kết thúc hội nghị, đồng chí Bí thư phát biểu.\nsau đó");
    norm_is("Đồng chí Lê Văn Hải, Ủy viên Ban Thường vụ Tỉnh ủy\n\nxã Tân Phú", "Đồng chí Lê Văn Hải, Ủy viên Ban Thường vụ Tỉnh ủy\n\nxã Tân Phú");
    map_check("Bí thư Huyệ n ủy Yên Lập", "Yên", strlen("Bí thư Huyệ n ủy "));
    norm_is("\xef\xbb\xbfTi\xc3\xaau \xc4\x91\xe1\xbb\x81", "Tiêu đề"); /* BOM dropped */
    /* typographic quotes and dashes stay as written */
    norm_is("\xe2\x80\x9c" "Dân vận khéo" "\xe2\x80\x9d \xe2\x80\x93 a", "“Dân vận khéo” – a");

    /* the map points every normalised byte back into the input */
    const char *in = "Ban Th\xc6\xb0\xe1\xbb\x9dng v\xe1\xbb\xa5 Qu\xe1\xba\xadn u\xe1\xbb\xb7\xc2\xa0X";
    wg_buf b = WG_BUF_INIT;
    size_t *map = NULL;
    OK(wg_i_normalize(&b, &map, in, strlen(in), 0) == 0, "normalize with map");
    const char *u = strstr(b.ptr, "ủy");
    OK(u != NULL, "ủy in output");
    if (u) {
        size_t at = (size_t)(u - b.ptr);
        INT_EQ(map[at], (size_t)(strstr(in, "u\xe1\xbb\xb7") - in));
        INT_EQ(map[at + strlen("ủy")], (size_t)(strstr(in, "\xc2\xa0") - in)); /* end of the word */
        INT_EQ(map[b.len], strlen(in));
        INT_EQ(map[b.len - 1], strlen(in) - 1); /* "X" */
    }
    free(map);
    wg_buf_free(&b);
    /* decomposed words map whole: start and end of "Nguyễn" */
    map_check("Ông Nguye\xcc\x82\xcc\x83n Văn", "Nguyễn", strlen("Ông "));
    map_check("x\r\nQuận uỷ", "Quận", 3);
    map_check("\xef\xbb\xbfT\xc3\xb4", "Tô", 3);

    /* base offsets are added */
    b = (wg_buf)WG_BUF_INIT;
    map = NULL;
    OK(wg_i_normalize(&b, &map, "ab", 2, 100) == 0, "normalize with base");
    INT_EQ(map[0], 100);
    INT_EQ(map[2], 102);
    free(map);
    wg_buf_free(&b);

    char *f = wg_i_fold("Quận Uỷ QUẬN 1", strlen("Quận Uỷ QUẬN 1"));
    STR_EQ(f, "quận ủy quận 1");
    free(f);
    f = wg_i_fold("HOÀ Qua\xcc\x82\xcc\xa3n", strlen("HOÀ Qua\xcc\x82\xcc\xa3n"));
    STR_EQ(f, "hòa quận");
    free(f);
    return HARNESS_DONE();
}
