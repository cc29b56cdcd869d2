/* File input and atomic output. */
#define _XOPEN_SOURCE 700 /* realpath */
#include <errno.h>
#include <pthread.h>
#include <signal.h>
#include <string.h>
#include <stdlib.h>
#include <unistd.h>
#include <fcntl.h>
#include <sys/stat.h>
#include "util.h"

/* A regular file is read into a buffer of its size at once (one read, and
 * one more that finds its end), without stdio; anything else in chunks. */
static int read_regular(int fd, const struct stat *st, const char *path, char **out, size_t *len)
{
    /* its size, a byte to find the end with, and the NUL */
    size_t cap = (size_t)st->st_size + 2, n = 0;
    char *p = wg_i_malloc(cap);
    if (!p) {
        close(fd);
        return wg_i_error_set(WG_ENOMEM, "%s: out of memory", path);
    }
    for (;;) {
        ssize_t r;
        if (n + 1 >= cap) {
            /* the file grew while read */
            char *q = cap > SIZE_MAX / 2 ? NULL : wg_i_realloc(p, cap * 2);
            if (!q) {
                free(p);
                close(fd);
                return wg_i_error_set(WG_ENOMEM, "%s: out of memory", path);
            }
            p = q;
            cap *= 2;
        }
        r = read(fd, p + n, cap - 1 - n);
        if (r < 0 && errno == EINTR)
            continue;
        if (r < 0) {
            int err = errno;
            free(p);
            close(fd);
            return wg_i_error_set(WG_EIO, "%s: %s", path, strerror(err));
        }
        if (r == 0)
            break;
        n += (size_t)r;
    }
    close(fd);
    p[n] = '\0';
    *out = p;
    *len = n;
    return 0;
}

int wg_read_file(const char *path, char **out, size_t *len)
{
    int is_stdin = strcmp(path, "-") == 0;
    FILE *fp = is_stdin ? stdin : NULL;
    wg_buf b = WG_BUF_INIT;
    char chunk[65536];
    size_t n;
    struct stat st;

    *out = NULL;
    *len = 0;
    if (!is_stdin) {
        int fd = open(path, O_RDONLY | O_CLOEXEC);
        if (fd < 0)
            return wg_i_error_set(WG_EIO, "%s: %s", path, strerror(errno));
        if (fstat(fd, &st) == 0 && S_ISREG(st.st_mode))
            return read_regular(fd, &st, path, out, len);
        close(fd);
        fp = fopen(path, "rb");
    }
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

/* Temporaries alive now, so that a signal can remove them
 * (wg_atomic_remove_temporaries), and the renames a batch holds back. */
#define MAX_LIVE 64
static char *volatile live[MAX_LIVE];
static pthread_mutex_t live_lock = PTHREAD_MUTEX_INITIALIZER;
static struct pending { char *tmp, *path; } *batch;
static size_t nbatch, batchcap;
static int batching;

static void live_add(char *tmp)
{
    pthread_mutex_lock(&live_lock);
    for (size_t i = 0; i < MAX_LIVE; i++)
        if (!live[i]) {
            live[i] = tmp;
            break;
        }
    pthread_mutex_unlock(&live_lock);
}

static void live_remove(const char *tmp)
{
    pthread_mutex_lock(&live_lock);
    for (size_t i = 0; i < MAX_LIVE; i++)
        if (live[i] == tmp)
            live[i] = NULL;
    pthread_mutex_unlock(&live_lock);
}

/* Async-signal-safe: unlink only, no lock (a signal handler cannot wait). */
void wg_atomic_remove_temporaries(void)
{
    for (size_t i = 0; i < MAX_LIVE; i++) {
        char *t = live[i];
        if (t)
            unlink(t);
    }
}

void wg_atomic_batch_begin(void)
{
    batching = 1;
    nbatch = 0;
}

static void batch_free(void)
{
    for (size_t i = 0; i < nbatch; i++) {
        live_remove(batch[i].tmp);
        free(batch[i].tmp);
        free(batch[i].path);
    }
    free(batch);
    batch = NULL;
    nbatch = batchcap = 0;
    batching = 0;
}

int wg_atomic_batch_commit(void)
{
    int err = 0;
    /* the signals that would leave some files renamed and others not wait */
    sigset_t block, old;
    sigemptyset(&block);
    sigaddset(&block, SIGINT);
    sigaddset(&block, SIGTERM);
    sigaddset(&block, SIGHUP);
    pthread_sigmask(SIG_BLOCK, &block, &old);
    for (size_t i = 0; i < nbatch && !err; i++)
        if (rename(batch[i].tmp, batch[i].path) != 0)
            err = wg_i_error_set(WG_EIO, "%s: %s", batch[i].path, strerror(errno));
        else
            live_remove(batch[i].tmp);
    for (size_t i = 0; i < nbatch && err; i++)
        unlink(batch[i].tmp); /* those not renamed */
    batch_free();
    pthread_sigmask(SIG_SETMASK, &old, NULL);
    return err;
}

void wg_atomic_batch_abort(void)
{
    for (size_t i = 0; i < nbatch; i++)
        unlink(batch[i].tmp);
    batch_free();
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
    live_add(a->tmp);
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
    if (a->direct == WG_ATOMIC_RENAME && !err && batching) {
        /* renamed with the others by wg_atomic_batch_commit */
        if (wg_i_grow(&batch, &batchcap, nbatch + 1, sizeof *batch) < 0) {
            err = WG_ENOMEM;
        } else {
            batch[nbatch].tmp = a->tmp;
            batch[nbatch++].path = a->path;
            a->path = a->tmp = NULL;
            return 0;
        }
    }
    if (a->direct == WG_ATOMIC_RENAME) {
        if (!err && rename(a->tmp, a->path) != 0)
            err = wg_i_error_set(WG_EIO, "%s: %s", a->path, strerror(errno));
        if (err)
            unlink(a->tmp);
        live_remove(a->tmp);
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
    if (a->tmp) {
        unlink(a->tmp);
        live_remove(a->tmp);
    }
    free(a->path);
    free(a->tmp);
    memset(a, 0, sizeof *a);
}
