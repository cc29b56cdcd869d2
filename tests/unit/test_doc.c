/* text: decoding, skipping bad input (with its reason), warnings with
 * offsets, the input as read, metadata basics. */
#include <stdlib.h>
#include "harness.h"
#include "wardgraph.h"

static wg_doc *doc_enc(const char *name, const char *bytes, size_t len, const char *encoding)
{
    wg_doc *d = NULL;
    wg_read_options o = WG_READ_OPTIONS_INIT;
    o.encoding = encoding;
    wg_doc_new(&d, name, bytes, len, &o);
    return d;
}

static wg_doc *doc_of(const char *name, const char *bytes, size_t len) { return doc_enc(name, bytes, len, NULL); }

static void refused(const char *name, const char *bytes, size_t len, const char *encoding, wg_skip_reason why,
                    const char *message)
{
    wg_doc *d = doc_enc(name, bytes, len, encoding);
    OK(d == NULL, "%s refused", name);
    INT_EQ(wg_doc_skip_reason(), why);
    STR_EQ(wg_error_last(), message);
    wg_doc_free(d);
}

int main(void)
{
    wg_doc *d;
    size_t n;
    wg_init();

    /* ---- refused inputs, each with its reason ---- */
    refused("empty.txt", "", 0, NULL, WG_SKIP_EMPTY, "empty.txt: empty file");
    refused("bom-only.txt", "\xef\xbb\xbf", 3, NULL, WG_SKIP_EMPTY, "bom-only.txt: empty file");
    refused("bom16.txt", "\xff\xfe", 2, NULL, WG_SKIP_EMPTY, "bom16.txt: empty file");
    refused("bin.txt", "abc\0def", 7, NULL, WG_SKIP_BINARY, "bin.txt: binary file (NUL byte at offset 3)");
    refused("png.txt", "\x89PNG\r\n\x1a\n\0\0\0\rIHDR", 16, NULL, WG_SKIP_BINARY,
            "png.txt: binary file (NUL byte at offset 8)");
    refused("u16.txt", "T\0i\0\xea\0u\0 \0\x11\x01\xc1\x1e", 14, NULL, WG_SKIP_BINARY,
            "u16.txt: binary file (NUL byte at offset 1) (UTF-16 without a byte order mark? try --encoding UTF-16LE)");
    refused("u16nul.txt", "\xff\xfe" "a\0\0\0b\0", 8, NULL, WG_SKIP_BINARY,
            "u16nul.txt: binary file (NUL byte at offset 4)");
    refused("blank.txt", " \r\n\t\n\xc2\xa0\n", 8, NULL, WG_SKIP_NO_TEXT, "blank.txt: no text (only white space)");
    refused("page.html", "<html><body><script>x()</script><nav><a>Trang chủ</a></nav></body></html>", 75, NULL,
            WG_SKIP_NO_TEXT, "page.html: no article text in the page");
    {
        /* windows-1258 bytes read as UTF-8: mostly invalid */
        char latin[200];
        for (size_t i = 0; i < sizeof latin; i++)
            latin[i] = (char)(i % 2 ? 0xEC : 'a');
        refused("cp.txt", latin, sizeof latin, NULL, WG_SKIP_UNDECODABLE,
                "cp.txt: not UTF-8 text (100 of 200 bytes invalid); try --encoding NAME");
    }
    d = doc_enc("x.txt", "abc", 3, "no-such-encoding");
    OK(d == NULL, "unknown encoding refused");
    STR_EQ(wg_error_last(), "unknown encoding 'no-such-encoding'");
    {
        wg_read_options o = WG_READ_OPTIONS_INIT;
        INT_EQ(wg_read_options_check(&o), 0);
        o.encoding = "windows-1258";
        INT_EQ(wg_read_options_check(&o), 0);
        o.encoding = "latin-99";
        INT_EQ(wg_read_options_check(&o), WG_EINVAL);
        STR_EQ(wg_error_last(), "unknown encoding 'latin-99'");
    }
    STR_EQ(wg_skip_reason_name(WG_SKIP_BINARY), "binary");

    /* ---- invalid UTF-8: replaced, warned about with file offsets ---- */
    const char *bad = "TI\xc3\x8aU \xff\xfe\n\nNg\xc3\xa0y 24/2/2023, ...\xc3\n\nLong To\xc3\xa0n";
    d = doc_of("bad.txt", bad, strlen(bad));
    OK(d != NULL, "invalid UTF-8 is replaced, not fatal");
    INT_EQ(wg_doc_skip_reason(), WG_SKIP_NONE);
    if (d) {
        INT_EQ(wg_doc_warning_count(d), 2);
        INT_EQ(wg_doc_warning(d, 0)->offset, 6);
        STR_EQ(wg_doc_warning(d, 0)->message, "invalid UTF-8 (2 bytes: FF FE) replaced by U+FFFD");
        INT_EQ(wg_doc_warning(d, 1)->offset, (size_t)(strstr(bad, "\xc3\n") - bad));
        STR_EQ(wg_doc_warning(d, 1)->message, "invalid UTF-8 (1 byte: C3) replaced by U+FFFD");
        STR_EQ(wg_doc_title(d), "TIÊU \xef\xbf\xbd\xef\xbf\xbd");
        STR_EQ(wg_doc_date(d), "2023-02-24");
        STR_EQ(wg_doc_byline(d), "Long Toàn");
        /* the input as read has one U+FFFD per bad byte */
        const char *in = wg_doc_input(d, &n);
        INT_EQ(n, strlen(bad) + 3 * 2);
        OK(strncmp(in, "TI\xc3\x8aU \xef\xbf\xbd\xef\xbf\xbd\n", 13) == 0, "U+FFFD in the input as read");
        wg_doc_free(d);
    }
    {
        /* many runs: ten listed, then a count */
        char many[400];
        size_t k = 0;
        for (int i = 0; i < 12; i++)
            k += (size_t)snprintf(many + k, sizeof many - k, "Câu số %d là đúng.\xff ", i);
        d = doc_of("many.txt", many, k);
        OK(d != NULL, "some invalid bytes");
        if (d) {
            INT_EQ(wg_doc_warning_count(d), 11);
            STR_EQ(wg_doc_warning(d, 10)->message, "12 invalid UTF-8 bytes replaced by U+FFFD in all");
            wg_doc_free(d);
        }
    }

    /* ---- UTF-16 with a byte order mark, both orders ---- */
    const char u16le[] = "\xff\xfe" "A\0\xb0\x01" "\n\0" "x\0";
    d = doc_of("u16.txt", u16le, sizeof u16le - 1);
    OK(d != NULL, "UTF-16LE decoded");
    if (d) {
        STR_EQ(wg_doc_title(d), "Aư");
        STR_EQ(wg_doc_input(d, &n), "Aư\nx"); /* without the byte order mark */
        wg_doc_free(d);
    }
    const char u16be[] = "\xfe\xff" "\0A\x01\xb0" "\0\n" "\0x";
    d = doc_of("u16be.txt", u16be, sizeof u16be - 1);
    OK(d != NULL, "UTF-16BE decoded");
    if (d) {
        STR_EQ(wg_doc_title(d), "Aư");
        wg_doc_free(d);
    }
    /* an unpaired surrogate: U+FFFD with a warning at its file offset */
    const char u16bad[] = "\xff\xfe" "A\0\x00\xd8" "B\0";
    d = doc_of("u16bad.txt", u16bad, sizeof u16bad - 1);
    OK(d != NULL, "UTF-16 with a lone surrogate");
    if (d) {
        INT_EQ(wg_doc_warning_count(d), 1);
        INT_EQ(wg_doc_warning(d, 0)->offset, 4);
        STR_EQ(wg_doc_warning(d, 0)->message, "2 bytes not valid in UTF-16LE replaced by U+FFFD");
        STR_EQ(wg_doc_title(d), "A\xef\xbf\xbd" "B");
        wg_doc_free(d);
    }

    /* ---- UTF-8 with a byte order mark: kept in the input, offsets are file offsets ---- */
    const char bom[] = "\xef\xbb\xbfTi\xc3\xaau \xc4\x91\xe1\xbb\x81\n\nS\xc3\xa1ng 11/5, h\xe1\xbb\x8dp.";
    d = doc_of("bom.txt", bom, sizeof bom - 1);
    OK(d != NULL, "UTF-8 BOM");
    if (d) {
        STR_EQ(wg_doc_title(d), "Tiêu đề");
        INT_EQ(strlen(wg_doc_input(d, &n)), sizeof bom - 1);
        STR_EQ(wg_doc_date(d), "--05-11");
        wg_doc_free(d);
    }

    /* ---- windows-1258 through ICU: combining tone marks, NFC after ---- */
    /* "Quận ủy" as Vietnamese Windows wrote it: â + combining dot below, u + combining hook */
    const char cp[] = "Qu\xe2\xf2n u\xd2y\n\nChi\xea\xccu 13/4, ho\xf2p.\n\nMinh C\xfd\xf5\xccng";
    d = doc_enc("cp.txt", cp, sizeof cp - 1, "windows-1258");
    OK(d != NULL, "windows-1258 decoded");
    if (d) {
        STR_EQ(wg_doc_title(d), "Quận ủy");
        STR_EQ(wg_doc_byline(d), "Minh Cường");
        STR_EQ(wg_doc_date(d), "--04-13");
        /* the input as read: ICU's conversion, combining marks as written */
        STR_EQ(wg_doc_input(d, &n),
               "Qu\xc3\xa2\xcc\xa3n u\xcc\x89y\n\nChi\xc3\xaa\xcc\x80u 13/4, ho\xcc\xa3p.\n\nMinh C\xc6\xb0\xc6\xa1\xcc\x80ng");
        INT_EQ(wg_doc_warning_count(d), 0);
        wg_doc_free(d);
    }
    /* ICU maps every byte of windows-1258; a byte that US-ASCII lacks is
     * replaced by U+FFFD and warned about at its file offset */
    d = doc_enc("ascii-bad.txt", "Ti\xe9u \xf0\xea\xcc", 8, "US-ASCII");
    OK(d != NULL, "US-ASCII with high bytes");
    if (d) {
        INT_EQ(wg_doc_warning_count(d), 2);
        if (wg_doc_warning_count(d) == 2) {
            INT_EQ(wg_doc_warning(d, 0)->offset, 2);
            STR_EQ(wg_doc_warning(d, 0)->message, "1 byte not valid in US-ASCII replaced by U+FFFD");
            INT_EQ(wg_doc_warning(d, 1)->offset, 5);
            STR_EQ(wg_doc_warning(d, 1)->message, "3 bytes not valid in US-ASCII replaced by U+FFFD");
        }
        wg_doc_free(d);
    }
    /* a byte order mark wins over --encoding */
    d = doc_enc("bom-wins.txt", bom, sizeof bom - 1, "windows-1258");
    OK(d != NULL && strcmp(wg_doc_title(d), "Tiêu đề") == 0, "BOM decides");
    wg_doc_free(d);

    /* ---- an HTML page in a legacy encoding declared by its <meta> ---- */
    const char page[] = "<html><head><meta charset=\"windows-1258\"><title>x</title></head>"
                        "<body><h1>Qu\xe2\xf2n u\xd2y</h1><p>Chi\xea\xccu 13/4, ho\xf2p.</p></body></html>";
    d = doc_of("legacy.html", page, sizeof page - 1);
    OK(d != NULL, "legacy page decoded by its meta charset");
    if (d) {
        STR_EQ(wg_doc_title(d), "Quận ủy");
        STR_EQ(wg_doc_text(d, &n), "Quận ủy\n\nChiều 13/4, họp.\n\n");
        wg_doc_free(d);
    }

    /* ---- counter lines and metadata basics ---- */
    const char *partial = "Tiêu đề\n\n18\n\nChiều 13/4, BTV Thành ủy làm việc.\n\n 2023 \n\nMinh Cường";
    d = doc_of("p.txt", partial, strlen(partial));
    OK(d != NULL, "partial date doc");
    if (d) {
        STR_EQ(wg_doc_title(d), "Tiêu đề");
        STR_EQ(wg_doc_date(d), "--04-13");
        STR_EQ(wg_doc_date_source(d), "none");
        STR_EQ(wg_doc_byline(d), "Minh Cường");
        STR_EQ(wg_doc_text(d, &n), "Tiêu đề\n\n\n\nChiều 13/4, BTV Thành ủy làm việc.\n\n\n\nMinh Cường");
        wg_doc_free(d);
    }
    return HARNESS_DONE();
}
