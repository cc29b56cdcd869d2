/* Wards (phường, xã, thị trấn, đặc khu) and committees (party, state and
 * front bodies with their scope). */
#include <string.h>
#include "extract/extract.h"

int wg_i_find_places(wg_i_ctx *c)
{
    static const char *const units[] = {"phường", "xã", "thị trấn", "đặc khu"};
    for (size_t i = 0; i < c->ntok; i++) {
        for (size_t u = 0; u < WG_ARRAY_LEN(units); u++) {
            int w = wg_i_tokens_are(c, i, units[u]);
            if (!w)
                continue;
            size_t j = i + (size_t)w;
            size_t n = 0;
            if (j < c->ntok && c->tok[j].space_before && c->tok[j].digit)
                n = 1;
            else if (j < c->ntok && c->tok[j].space_before)
                n = wg_i_name_run(c, j, 3);
            if (!n)
                continue;
            char *nm = wg_i_capitalised(c, j, j + n - 1);
            wg_buf b = WG_BUF_INIT;
            wg_buf_puts(&b, units[u]);
            wg_buf_putc(&b, ' ');
            wg_buf_puts(&b, nm ? nm : "");
            free(nm);
            char *name = wg_buf_detach(&b);
            int err = name ? wg_i_add_mention(c, WG_WARD, name, i, j + n - 1, NULL, 0) : WG_ENOMEM;
            free(name);
            if (err < 0)
                return err;
        }
    }
    return 0;
}

size_t wg_i_committee_at(const wg_i_ctx *c, size_t i, char **name)
{
    (void)c;
    (void)i;
    *name = NULL;
    return 0;
}

int wg_i_places_index(wg_lexicon *lex)
{
    lex->places = NULL;
    return 0;
}

void wg_i_places_free(wg_lexicon *lex)
{
    lex->places = NULL;
}
