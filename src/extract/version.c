/* Which extractor read an article: the library version, a hash of the
 * extraction code (generated at build time) and one of the lexicons in use,
 * built-in and added, so that a user's lexicon change counts too. */
#include <inttypes.h>
#include <stdio.h>
#include <string.h>
#include "extract/extract.h"

extern const char wg_i_rules_hash[];

char *wg_extractor_version(const wg_lexicon *lex)
{
    uint64_t h = 0x9e3779b97f4a7c15u;
    char out[96];
    for (size_t i = 0; lex && i < lex->nfiles; i++) {
        h = wg_mix64(h ^ wg_hash(lex->files[i].name, strlen(lex->files[i].name)));
        h = wg_mix64(h ^ wg_hash(lex->files[i].data, lex->files[i].len));
    }
    snprintf(out, sizeof out, "%s-%s-%012" PRIx64, WG_VERSION, wg_i_rules_hash, h & 0xffffffffffffu);
    return wg_i_strdup(out);
}
