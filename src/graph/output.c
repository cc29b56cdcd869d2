/* Output files: atomic (temporary file, then rename) for ordinary files,
 * but never a rename over something that is not one, which would replace
 * it instead of writing to it: /dev/stdout (or "-") is this process's
 * standard output, whatever it points to; a device or FIFO is written
 * directly; a symbolic link to a file has its target replaced atomically
 * and stays a link. */
#define _XOPEN_SOURCE 700 /* realpath */
#include <errno.h>
#include <limits.h>
#include <string.h>
#include <sys/stat.h>
#include "graph/graph.h"

int wg_i_out_open(wg_i_out *o, const char *path)
{
    struct stat st;
    char *real = NULL;
    int err;
    memset(o, 0, sizeof *o);
    if (strcmp(path, "-") == 0 || strcmp(path, "/dev/stdout") == 0) {
        o->fp = stdout;
        o->direct = 2;
        return 0;
    }
    if (lstat(path, &st) == 0 && S_ISLNK(st.st_mode) && stat(path, &st) == 0 && S_ISREG(st.st_mode))
        real = realpath(path, NULL);
    if (!real && stat(path, &st) == 0 && !S_ISREG(st.st_mode)) {
        if (S_ISDIR(st.st_mode))
            return wg_i_error_set(WG_EIO, "%s: Is a directory", path);
        if ((o->fp = fopen(path, "wb")) == NULL)
            return wg_i_error_set(WG_EIO, "%s: %s", path, strerror(errno));
        o->direct = 1;
        return 0;
    }
    err = wg_atomic_open(&o->at, real ? real : path);
    free(real);
    if (err < 0)
        return err;
    o->fp = o->at.fp;
    return 0;
}

int wg_i_out_commit(wg_i_out *o, const char *path)
{
    int e;
    if (!o->direct)
        return wg_atomic_commit(&o->at);
    if (fflush(o->fp) != 0 || ferror(o->fp)) {
        e = errno;
        if (o->direct == 1)
            fclose(o->fp);
        return wg_i_error_set(WG_EIO, "%s: %s", path, strerror(e));
    }
    if (o->direct == 1 && fclose(o->fp) != 0)
        return wg_i_error_set(WG_EIO, "%s: %s", path, strerror(errno));
    return 0;
}

void wg_i_out_abort(wg_i_out *o)
{
    if (o->direct == 1)
        fclose(o->fp);
    else if (!o->direct)
        wg_atomic_abort(&o->at);
}
