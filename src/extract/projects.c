/* Projects: a trigger word (dự án, đề án, khu đô thị, ...) and the name after it. */
#include <string.h>
#include "extract/extract.h"

int wg_i_find_projects(wg_i_ctx *c)
{
    (void)c;
    return 0;
}
