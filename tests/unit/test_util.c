/* util: buffers, JSON escaping, UTF-8 validation, string map, atomic files. */
#include <stdlib.h>
#include <unistd.h>
#include <sys/stat.h>
#include <igraph.h>
#include "harness.h"
#include "util/util.h"

/* igraph's error handler must copy the reason before it runs igraph's
 * cleanup stack: here the reason is freed by that cleanup (as the GraphML
 * parser's message was), so reading it afterwards is a use-after-free. */
static void igraph_reason_freed_by_cleanup(void)
{
    char *reason = strdup("reason owned by the cleanup stack");
    IGRAPH_FINALLY(free, reason);
    igraph_error(reason, __FILE__, __LINE__, IGRAPH_EINVAL);
    STR_EQ(wg_error_last(), "igraph: reason owned by the cleanup stack (Invalid value)");
    OK(IGRAPH_FINALLY_STACK_SIZE() == 0, "igraph's cleanup stack unwound");
}

/* A message longer than the buffer ends on a whole character and says it
 * was cut, instead of splitting a UTF-8 sequence. */
static void long_message_cut_on_a_character(void)
{
    char name[3000];
    const char *msg;
    size_t len, i;
    for (i = 0; i + 3 < sizeof name; i += 3)
        memcpy(name + i, "\xe1\xbb\xa7", 3); /* ủ */
    name[i] = '\0';
    for (int shift = 0; shift < 3; shift++) {
        wg_i_error_set(WG_EIO, "%.*s%s: cannot read", shift, "ab", name);
        msg = wg_error_last();
        len = strlen(msg);
        OK(len > 1000 && len < 1024, "cut near the buffer's end: %zu", len);
        OK(strcmp(msg + len - 3, "...") == 0, "ends with ...");
        for (size_t k = 0; k < len;) {
            size_t n = wg_utf8_valid_len((const unsigned char *)msg + k, len - k);
            OK(n > 0, "valid UTF-8 at byte %zu (shift %d)", k, shift);
            k += n ? n : 1;
        }
    }
}

int main(void)
{
    wg_init();
    igraph_reason_freed_by_cleanup();
    long_message_cut_on_a_character();
    wg_buf b = WG_BUF_INIT;
    wg_json_put_string(&b, "a\"b\\c\n\x01ủy");
    STR_EQ(b.ptr, "\"a\\\"b\\\\c\\n\\u0001ủy\"");
    wg_buf_free(&b);

    INT_EQ(wg_utf8_valid_len((const unsigned char *)"\xc3\x28", 2), 0);
    INT_EQ(wg_utf8_valid_len((const unsigned char *)"\xe1\xbb\xa7", 3), 3);
    INT_EQ(wg_utf8_valid_len((const unsigned char *)"\xed\xa0\x80", 3), 0); /* surrogate */
    INT_EQ(wg_utf8_valid_len((const unsigned char *)"\xc0\xaf", 2), 0);     /* overlong */

    wg_strmap m = {0};
    char key[32];
    for (size_t i = 0; i < 1000; i++) {
        snprintf(key, sizeof key, "k%zu", i);
        OK(wg_strmap_put(&m, key, i) == 0, "put %s", key);
    }
    size_t v = 0;
    OK(wg_strmap_get(&m, "k777", &v) && v == 777, "get k777 -> %zu", v);
    OK(!wg_strmap_get(&m, "k1000", NULL), "k1000 absent");
    INT_EQ(m.count, 1000);
    wg_strmap_free(&m);

    /* atomic output: nothing at PATH until commit; abort leaves nothing */
    char path[] = "/tmp/wg-test-atomic-XXXXXX";
    int fd = mkstemp(path);
    close(fd);
    unlink(path);
    wg_atomic a;
    OK(wg_atomic_open(&a, path) == 0, "open");
    fputs("half", a.fp);
    OK(access(path, F_OK) != 0, "no file before commit");
    wg_atomic_abort(&a);
    OK(access(path, F_OK) != 0, "no file after abort");
    OK(wg_atomic_open(&a, path) == 0 && (fputs("whole", a.fp), wg_atomic_commit(&a) == 0), "commit");
    char *data;
    size_t len;
    OK(wg_read_file(path, &data, &len) == 0 && len == 5, "read back");
    free(data);
    /* a device is written to, never renamed over */
    struct stat st;
    OK(wg_atomic_open(&a, "/dev/null") == 0 && a.direct == WG_ATOMIC_DIRECT, "device written directly");
    fputs("x", a.fp);
    OK(wg_atomic_commit(&a) == 0, "commit to device");
    OK(stat("/dev/null", &st) == 0 && S_ISCHR(st.st_mode), "/dev/null is still a device");
    /* a symbolic link keeps being a link; its target gets the content */
    char link[] = "/tmp/wg-test-link-XXXXXX";
    fd = mkstemp(link);
    close(fd);
    unlink(link);
    OK(symlink(path, link) == 0, "symlink");
    OK(wg_atomic_open(&a, link) == 0 && (fputs("linked", a.fp), wg_atomic_commit(&a) == 0), "write via link");
    OK(lstat(link, &st) == 0 && S_ISLNK(st.st_mode), "link kept");
    OK(wg_read_file(path, &data, &len) == 0 && len == 6, "target replaced");
    free(data);
    unlink(link);
    unlink(path);
    OK(wg_read_file("/nonexistent/file", &data, &len) == WG_EIO, "missing file");
    STR_EQ(wg_error_last(), "/nonexistent/file: No such file or directory");
    return HARNESS_DONE();
}
