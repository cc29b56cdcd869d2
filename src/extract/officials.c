/* Officials: a Vietnamese personal name with evidence that it is an
 * official (a title before or after it), their titles and meeting roles. */
#include <string.h>
#include "extract/extract.h"

int wg_i_find_officials(wg_i_ctx *c)
{
    for (size_t i = 0; i < c->ntok; i++) {
        wg_i_token *t = &c->tok[i];
        if (!t->cap || !wg_strmap_get(&c->lex->surnames, t->fold, NULL))
            continue;
        size_t n = wg_i_name_run(c, i, 4);
        if (n < 2)
            continue;
        /* evidence: a title phrase among the 8 words before, in the sentence */
        int evidence = 0;
        for (size_t back = 1; back <= 8 && back <= i && !evidence; back++) {
            size_t j = i - back;
            if (c->tok[j].sentence != t->sentence)
                break;
            for (size_t w = c->lex->max_title_words; w >= 1 && !evidence; w--) {
                wg_buf ph = WG_BUF_INIT;
                for (size_t k = j; k < j + w && k < i; k++) {
                    if (k > j)
                        wg_buf_putc(&ph, ' ');
                    wg_buf_puts(&ph, c->tok[k].fold);
                }
                if (ph.ptr && wg_strmap_get(&c->lex->titles, ph.ptr, NULL) && wg_i_tokens_are(c, j, ph.ptr))
                    evidence = 1;
                wg_buf_free(&ph);
            }
        }
        if (!evidence)
            continue;
        char *name = wg_i_capitalised(c, i, i + n - 1);
        unsigned roles = 0;
        for (size_t k = 0; k < c->ntok; k++) {
            if (c->tok[k].sentence != t->sentence)
                continue;
            if (k > i + n - 1 && wg_i_tokens_are(c, k, "chủ trì"))
                roles |= WG_ROLE_CHAIR;
            if (wg_i_tokens_are(c, k, "phát biểu") || wg_i_tokens_are(c, k, "kết luận"))
                roles |= WG_ROLE_SPEAKER;
            if (k < i && (wg_i_tokens_are(c, k, "tham dự") || wg_i_tokens_are(c, k, "cùng đi")))
                roles |= WG_ROLE_ATTENDEE;
        }
        int err = name ? wg_i_add_mention(c, WG_OFFICIAL, name, i, i + n - 1, NULL, roles) : WG_ENOMEM;
        free(name);
        if (err < 0)
            return err;
        i += n - 1;
    }
    return 0;
}

