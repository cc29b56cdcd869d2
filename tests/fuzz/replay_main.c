/* Replays every file of a fuzz corpus directory through the target, so the
 * corpus runs as an ordinary test (and under the sanitizers in CI). */
#include <dirent.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "util/util.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int main(int argc, char **argv)
{
    size_t runs = 0;
    for (int i = 1; i < argc; i++) {
        DIR *d = opendir(argv[i]);
        struct dirent *e;
        if (!d) {
            fprintf(stderr, "%s: cannot open corpus directory\n", argv[i]);
            return 1;
        }
        while ((e = readdir(d)) != NULL) {
            char path[4096];
            char *data;
            size_t len;
            if (e->d_name[0] == '.')
                continue;
            snprintf(path, sizeof path, "%s/%s", argv[i], e->d_name);
            if (wg_read_file(path, &data, &len) < 0) {
                fprintf(stderr, "%s\n", wg_error_last());
                closedir(d);
                return 1;
            }
            LLVMFuzzerTestOneInput((const uint8_t *)data, len);
            free(data);
            runs++;
        }
        closedir(d);
    }
    printf("%zu inputs replayed\n", runs);
    return runs ? 0 : 1;
}
