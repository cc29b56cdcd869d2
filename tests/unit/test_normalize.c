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

int main(void)
{
    /* new-style -> old-style tone placement, all five tones on oa, oe, uy */
    norm_is("hoà hoá hoả hoã hoạ", "hòa hóa hỏa hõa họa");
    norm_is("khoè khoé khoẻ khoẽ khoẹ", "khòe khóe khỏe khõe khọe");
    norm_is("thuỳ thuý thuỷ thuỹ thuỵ", "thùy thúy thủy thũy thụy");
    norm_is("Quận uỷ UỶ BAN HOÀ", "Quận ủy ỦY BAN HÒA");
    /* not after q, and not when a letter follows */
    norm_is("quý Quý quỳ", "quý Quý quỳ");
    norm_is("hoàng thuyết khoảng", "hoàng thuyết khoảng");
    /* NFD input -> NFC */
    norm_is("Nguye\xcc\x82\xcc\x83n", "Nguyễn");
    norm_is("u\xcc\x89y", "ủy");
    /* spaces and line ends */
    norm_is("a\xc2\xa0" "b\xe2\x80\x83" "c\r\nd\re", "a b c\nd\ne");
    norm_is("x\xe2\x80\x8by", "xy");

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
        INT_EQ(map[b.len], strlen(in));
        INT_EQ(map[b.len - 1], strlen(in) - 1); /* "X" */
    }
    free(map);
    wg_buf_free(&b);

    char *f = wg_i_fold("Quận Uỷ QUẬN 1", strlen("Quận Uỷ QUẬN 1"));
    STR_EQ(f, "quận ủy quận 1");
    free(f);
    return HARNESS_DONE();
}
