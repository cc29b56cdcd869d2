/* File input and atomic output. */
#define _XOPEN_SOURCE 700 /* realpath */
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

/* Output is atomic (temporary file beside PATH, then rename) for ordinary
 * files, but a rename must never replace something that is not one:
 * "-" and /dev/stdout are this process's standard output, a device or FIFO
 * is written directly, and a symbolic link to a file keeps being a link
 * (its target is replaced atomically). */
int wg_atomic_open(wg_atomic *a, const char *path)
{
    struct stat st;
    char *real = NULL;
    const char *target = path;
    int fd = -1;

    memset(a, 0, sizeof *a);
    if (strcmp(path, "-") == 0 || strcmp(path, "/dev/stdout") == 0) {
        a->fp = stdout;
        a->direct = WG_ATOMIC_STDOUT;
        return 0;
    }
    if (lstat(path, &st) == 0 && S_ISLNK(st.st_mode) && stat(path, &st) == 0 && S_ISREG(st.st_mode))
        target = real = realpath(path, NULL);
    if (!real && stat(path, &st) == 0 && !S_ISREG(st.st_mode)) {
        if (S_ISDIR(st.st_mode))
            return wg_i_error_set(WG_EIO, "%s: Is a directory", path);
        if ((a->fp = fopen(path, "wb")) == NULL)
            return wg_i_error_set(WG_EIO, "%s: %s", path, strerror(errno));
        a->direct = WG_ATOMIC_DIRECT;
        a->path = wg_i_strdup(path);
        return a->path ? 0 : WG_ENOMEM;
    }
    a->path = wg_i_strdup(target);
    a->tmp = wg_i_malloc(strlen(target) + 16);
    free(real);
    if (!a->path || !a->tmp) {
        free(a->path);
        free(a->tmp);
        a->path = a->tmp = NULL;
        return WG_ENOMEM;
    }
    sprintf(a->tmp, "%s.tmp.XXXXXX", a->path);
    if ((fd = mkstemp(a->tmp)) < 0 || (a->fp = fdopen(fd, "wb")) == NULL) {
        int err = errno;
        if (fd >= 0) {
            close(fd);
            unlink(a->tmp);
        }
        free(a->tmp);
        a->tmp = NULL;
        wg_i_error_set(WG_EIO, "%s: %s", path, strerror(err));
        free(a->path);
        a->path = NULL;
        return WG_EIO;
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
    const char *name = a->path ? a->path : "standard output";
    if (fflush(a->fp) != 0 || ferror(a->fp))
        err = wg_i_error_set(WG_EIO, "%s: %s", name, strerror(errno ? errno : EIO));
    if (a->direct != WG_ATOMIC_STDOUT && fclose(a->fp) != 0 && !err)
        err = wg_i_error_set(WG_EIO, "%s: %s", name, strerror(errno));
    a->fp = NULL;
    if (a->direct == WG_ATOMIC_RENAME) {
        if (!err && rename(a->tmp, a->path) != 0)
            err = wg_i_error_set(WG_EIO, "%s: %s", a->path, strerror(errno));
        if (err)
            unlink(a->tmp);
    }
    free(a->path);
    free(a->tmp);
    a->path = a->tmp = NULL;
    return err;
}

void wg_atomic_abort(wg_atomic *a)
{
    if (a->fp && a->direct != WG_ATOMIC_STDOUT)
        fclose(a->fp);
    if (a->tmp)
        unlink(a->tmp);
    free(a->path);
    free(a->tmp);
    memset(a, 0, sizeof *a);
}
