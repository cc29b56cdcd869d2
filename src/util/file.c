/* File input and atomic output. */
#include <errno.h>
#include <string.h>
#include <stdlib.h>
#include <unistd.h>
#include <sys/stat.h>
#include "util.h"

int wg_read_file(const char *path, char **out, size_t *len)
{
    int is_stdin = strcmp(path, "-") == 0;
    FILE *fp = is_stdin ? stdin : fopen(path, "rb");
    wg_buf b = WG_BUF_INIT;
    char chunk[65536];
    size_t n;
    struct stat st;

    *out = NULL;
    *len = 0;
    if (!fp)
        return wg_i_error_set(WG_EIO, "%s: %s", path, strerror(errno));
    if (!is_stdin && fstat(fileno(fp), &st) == 0 && S_ISDIR(st.st_mode)) {
        fclose(fp);
        return wg_i_error_set(WG_EIO, "%s: Is a directory", path);
    }
    while ((n = fread(chunk, 1, sizeof chunk, fp)) > 0) {
        if (wg_buf_put(&b, chunk, n) < 0)
            break;
    }
    if (ferror(fp) || b.failed) {
        int err = errno;
        if (!is_stdin)
            fclose(fp);
        wg_buf_free(&b);
        return b.failed ? wg_i_error_set(WG_ENOMEM, "%s: out of memory", path)
                        : wg_i_error_set(WG_EIO, "%s: %s", path, strerror(err));
    }
    if (!is_stdin)
        fclose(fp);
    *len = b.len;
    if ((*out = wg_buf_detach(&b)) == NULL)
        return wg_i_error_set(WG_ENOMEM, "%s: out of memory", path);
    return 0;
}

int wg_atomic_open(wg_atomic *a, const char *path)
{
    int fd;
    memset(a, 0, sizeof *a);
    if ((a->path = wg_i_strdup(path)) == NULL)
        return WG_ENOMEM;
    if ((a->tmp = wg_i_malloc(strlen(path) + 16)) == NULL) {
        free(a->path);
        return WG_ENOMEM;
    }
    sprintf(a->tmp, "%s.tmp.XXXXXX", path);
    if ((fd = mkstemp(a->tmp)) < 0 || (a->fp = fdopen(fd, "wb")) == NULL) {
        int err = errno;
        if (fd >= 0) {
            close(fd);
            unlink(a->tmp);
        }
        free(a->path);
        free(a->tmp);
        a->path = a->tmp = NULL;
        return wg_i_error_set(WG_EIO, "%s: %s", path, strerror(err));
    }
    /* mkstemp creates 0600; an export is an ordinary file. */
    {
        mode_t mask = umask(0);
        umask(mask);
        fchmod(fd, 0666 & ~mask);
    }
    return 0;
}

int wg_atomic_commit(wg_atomic *a)
{
    int err = 0;
    if (fflush(a->fp) != 0 || ferror(a->fp))
        err = wg_i_error_set(WG_EIO, "%s: %s", a->path, strerror(errno));
    if (fclose(a->fp) != 0 && !err)
        err = wg_i_error_set(WG_EIO, "%s: %s", a->path, strerror(errno));
    a->fp = NULL;
    if (!err && rename(a->tmp, a->path) != 0)
        err = wg_i_error_set(WG_EIO, "%s: %s", a->path, strerror(errno));
    if (err)
        unlink(a->tmp);
    free(a->path);
    free(a->tmp);
    a->path = a->tmp = NULL;
    return err;
}

void wg_atomic_abort(wg_atomic *a)
{
    if (a->fp)
        fclose(a->fp);
    if (a->tmp)
        unlink(a->tmp);
    free(a->path);
    free(a->tmp);
    memset(a, 0, sizeof *a);
}
