/* Officials: a personal name with evidence that it is an official (an
 * honorific or a title before it, a title after it, membership of a list of
 * officials, or an earlier full mention), every title the article gives the
 * person, and the person's roles in the meeting (SPEC section 2).
 *
 * Three passes over the tokens of the body (the byline is never searched):
 *   1. names with their evidence and titles;
 *   2. later mentions of an accepted name: the full name again, or an
 *      honorific with the given name ("đồng chí Phú") when only one official
 *      of the article has it;
 *   3. roles from the phrases of roles.txt and where the officials stand
 *      around them in the sentence.
 * Names are officials_names.c, titles officials_titles.c, roles
 * officials_roles.c, keys officials_scope.c.
 * Everything lives in a per-call state: extraction stays pure. */
#include <string.h>
#include "extract/officials.h"

/* ---- lists of titles ---- */

int wg_i_o_sv_push(strvec *v, const char *s)
{
    for (size_t i = 0; i < v->n; i++)
        if (strcmp(v->v[i], s) == 0)
            return 0;
    if (wg_i_grow(&v->v, &v->cap, v->n + 1, sizeof *v->v) < 0 || (v->v[v->n] = wg_i_strdup(s)) == NULL)
        return WG_ENOMEM;
    v->n++;
    return 0;
}

void wg_i_o_sv_free(strvec *v)
{
    for (size_t i = 0; i < v->n; i++)
        free(v->v[i]);
    free(v->v);
    memset(v, 0, sizeof *v);
}

int wg_i_o_sv_copy(strvec *to, const strvec *from)
{
    for (size_t i = 0; i < from->n; i++)
        if (wg_i_o_sv_push(to, from->v[i]) < 0)
            return WG_ENOMEM;
    return 0;
}


static int add_omention(ostate *st, size_t a, size_t b, size_t ext_first, size_t ext_last,
                        const strvec *titles, unsigned roles)
{
    omention *m;
    if (wg_i_grow(&st->m, &st->mcap, st->nm + 1, sizeof *st->m) < 0)
        return WG_ENOMEM;
    m = &st->m[st->nm];
    memset(m, 0, sizeof *m);
    m->first = a;
    m->last = b;
    m->ext_first = ext_first;
    m->ext_last = ext_last;
    m->roles = roles;
    if ((m->name = wg_i_capitalised(st->c, a, b)) == NULL)
        return WG_ENOMEM;
    st->nm++;
    if (titles && wg_i_o_sv_copy(&m->titles, titles) < 0)
        return WG_ENOMEM;
    for (size_t k = a; k <= b; k++)
        st->used[k] = 1;
    char *f = wg_i_o_folded_span(st, a, b);
    size_t have;
    int err = 0;
    if (!f)
        return WG_ENOMEM;
    if (!wg_strmap_get(&st->accepted, f, &have))
        err = wg_strmap_put(&st->accepted, f, st->nm - 1);
    free(f);
    return err;
}


static int pass_names(ostate *st)
{
    strvec list_titles = {0};
    size_t list_fsent = NONE;
    int err = 0;
    for (size_t i = 0; i < st->nb && !err; i++) {
        if (st->used[i])
            continue;
        if (list_fsent != NONE && T(st, i)->fsent != list_fsent) {
            wg_i_o_sv_free(&list_titles);
            list_fsent = NONE;
        }
        strvec titles = {0};
        int chair = 0;
        size_t a = NONE, len = 0, na, nl, ls;
        size_t h = wg_i_o_skip_honorifics(st, i), hw;
        int hon = h > i;
        /* "ông", "bà" are said of anyone: they need a title somewhere */
        int weak_hon = hon && tag_is(&st->lex->honorifics, wg_i_o_phrase_at(st, &st->lex->honorifics, i, &hw), "weak") &&
                       i + hw == h;
        int plural = i > 0 && (fold_is(st, i - 1, "các") || fold_is(st, i - 1, "hai") || fold_is(st, i - 1, "ba"));
        size_t ce = (h < st->nb && (!hon || soft(st, h))) ? wg_i_o_parse_chain(st, h, &titles, &chair, &na, &nl, &ls, &err) : h;
        if (err)
            break;
        if (ce > h && na != NONE) {
            a = na;
            len = nl;
        } else if (ce > h && na == NONE && ce < st->nb && (T(st, ce)->gap & WG_GAP_DASH) &&
                   !(T(st, ce)->gap & CHAIN_STOP) && wg_i_o_surname_kind(st, ce) &&
                   (a = wg_i_o_name_from(st, ce, &len, 1)) != NONE && !wg_i_o_not_person_before(st, a)) {
            /* "Phó Chủ tịch UBND huyện Tháp Mười - Lê Văn Ngọt đã tiếp" */
        } else if (ce > h && na == NONE) {
            /* a title for the list that follows: "các đồng chí Ủy viên Ban TVTU: A, ...; B, ..." */
            if (ce < st->nb && (T(st, ce)->gap & WG_GAP_COLON)) {
                wg_i_o_sv_free(&list_titles);
                list_titles = titles;
                memset(&titles, 0, sizeof titles);
                list_fsent = T(st, ce)->fsent;
            } else if (!plural && titles.n == 1 && !(ce < st->nb && (fold_is(st, ce, "các") || fold_is(st, ce, "những"))) &&
                       !(i > 0 && (fold_is(st, i - 1, "của") || fold_is(st, i - 1, "với")))) {
                /* not a genitive or an object ("đoàn công tác của Bí thư Thành ủy"), nor
                 * the post of many ("Trưởng Ban Dân vận các huyện") */
                /* "đồng chí Bí thư Đảng ủy phường kết luận": who holds it is known later */
                if (wg_i_grow(&st->bare, &st->bcap, st->nbare + 1, sizeof *st->bare) < 0) {
                    wg_i_o_sv_free(&titles);
                    err = WG_ENOMEM;
                    break;
                }
                omention *m = &st->bare[st->nbare++];
                memset(m, 0, sizeof *m);
                m->first = h;
                m->last = m->ext_last = ce - 1;
                m->ext_first = i;
                m->titles = titles;
                memset(&titles, 0, sizeof titles);
            }
            wg_i_o_sv_free(&titles);
            i = ce - 1;
            continue;
        } else if (hon && h < st->nb && soft(st, h) && wg_i_o_name_tok(st, h)) {
            a = wg_i_o_name_from(st, h, &len, 0);
        } else if (!hon && wg_i_o_surname_kind(st, i) && !(i > 0 && soft(st, i) && wg_i_o_name_tok(st, i - 1))) {
            a = wg_i_o_name_from(st, i, &len, 1);
        }
        if (a == NONE || len < 2) {
            wg_i_o_sv_free(&titles);
            continue;
        }
        size_t b = a + len - 1;
        size_t before = titles.n;
        int via_verb = 0;
        size_t after_end = wg_i_o_titles_after(st, b, &titles, &chair, &via_verb, &err);
        if (err) {
            wg_i_o_sv_free(&titles);
            break;
        }
        if (!err && titles.n)
            err = wg_i_o_ban_from_context(st, i, &titles);
        int has_after = titles.n > before || chair;
        int in_list = list_fsent != NONE && T(st, a)->fsent == list_fsent &&
                      (T(st, i)->gap & (WG_GAP_SEMI | WG_GAP_COLON));
        int evidence = before > 0 || has_after || in_list || (hon && wg_i_o_surname_kind(st, a));
        int weak_only = weak_hon && before == 0 && !has_after && !in_list;
        if (!hon && before == 0 && wg_i_o_not_person_before(st, a))
            evidence = 0;
        if (!evidence) {
            wg_i_o_sv_free(&titles);
            continue;
        }
        if (in_list && wg_i_o_sv_copy(&titles, &list_titles) < 0)
            err = WG_ENOMEM;
        size_t ext_last = after_end > b + 1 ? after_end - 1 : b;
        if (!err)
            err = add_omention(st, a, b, i, ext_last, &titles, chair ? WG_ROLE_CHAIR : 0);
        if (!err)
            st->m[st->nm - 1].weak = weak_only;
        /* "bà A và bà B cùng làm Phó Bí thư ...": the post is both's */
        if (!err && via_verb && st->nm >= 2) {
            omention *p = &st->m[st->nm - 2];
            if (p->last + 1 < i && fold_is(st, p->last + 1, "và") && p->last + 2 == i)
                err = wg_i_o_sv_copy(&p->titles, &titles);
        }
        /* names sharing the titles before them: "các Phó Chủ tịch Trần Văn An- Phạm Thị Hoa" */
        size_t k = b + 1;
        /* and bare names after a plural honorific: "các đồng chí A, B và C" */
        while (!err && plural && (before > 0 || (hon && !weak_hon)) && !has_after && k < st->nb &&
               ((T(st, k)->gap & (WG_GAP_DASH | WG_GAP_COMMA)) || fold_is(st, k, "và"))) {
            size_t s = fold_is(st, k, "và") ? k + 1 : k, l2;
            size_t a2 = wg_i_o_surname_kind(st, s) ? wg_i_o_name_from(st, s, &l2, 1) : NONE;
            if (a2 == NONE)
                break;
            size_t e2 = a2 + l2;
            if (e2 < st->nb && (T(st, e2)->gap & CHAIN_GAP) && wg_i_o_phrase_at(st, &st->lex->titles, e2, &na) != NONE)
                break; /* it has titles of its own */
            err = add_omention(st, a2, e2 - 1, s, e2 - 1, &titles, 0);
            k = e2;
            ext_last = e2 - 1;
        }
        wg_i_o_sv_free(&titles);
        if (ext_last > i)
            i = ext_last;
    }
    wg_i_o_sv_free(&list_titles);
    return err;
}

/* ---- pass 2: later mentions ---- */

static int pass_repeats(ostate *st)
{
    size_t nfirst = st->nm;
    int err = 0;
    /* the folded names of pass 1, and which ones are a short name's
     * candidates: a map from the last syllable to the first mention with it,
     * or nfirst when two different people share it */
    char **folded = wg_i_calloc(nfirst + 1, sizeof *folded);
    if (!folded)
        return WG_ENOMEM;
    for (size_t m = 0; m < nfirst; m++)
        if ((folded[m] = wg_i_fold(st->m[m].name, strlen(st->m[m].name))) == NULL)
            err = WG_ENOMEM;
    for (size_t i = 0; i < st->nb && !err; i++) {
        if (st->used[i] || !wg_i_o_name_tok(st, i))
            continue;
        /* an honorific right before: "Ông Minh" is "ông" + "Minh" */
        int hon = 0;
        for (size_t back = 1; back <= 3 && back <= i && !hon; back++) {
            size_t w;
            if (wg_i_o_phrase_at(st, &st->lex->honorifics, i - back, &w) != NONE && i - back + w == i && soft(st, i))
                hon = 1;
        }
        if (!hon && i > 0 && soft(st, i) && wg_i_o_name_tok(st, i - 1))
            continue;
        size_t n = wg_i_o_run_len(st, i, 5), idx;
        int done = 0;
        /* the full name again, or with a stray word before it */
        for (size_t s = 0; s < n && !done; s++) {
            if (n - s < 2 || n - s > 4 || st->used[i + s])
                continue;
            char *f = wg_i_o_folded_span(st, i + s, i + n - 1);
            if (!f) {
                err = WG_ENOMEM;
                break;
            }
            if (wg_strmap_get(&st->accepted, f, &idx) && !wg_i_o_not_person_before(st, i + s)) {
                err = add_omention(st, i + s, i + n - 1, i + s, i + n - 1, NULL, 0);
                if (!err)
                    st->m[st->nm - 1].weak = 2;
                done = 1;
            }
            free(f);
        }
        if (done || err || n == 0 || n > 2)
            continue;
        /* an honorific and the given name: "đồng chí Phú", "bà Thu" */
        if (!hon)
            continue;
        char *f = wg_i_o_folded_span(st, i, i + n - 1);
        size_t fl = f ? strlen(f) : 0, found = NONE;
        int ambiguous = 0;
        if (!f) {
            err = WG_ENOMEM;
            break;
        }
        for (size_t m = 0; m < nfirst && !ambiguous; m++) {
            const char *full = folded[m];
            size_t ll = strlen(full);
            if (ll > fl && strcmp(full + ll - fl, f) == 0 && full[ll - fl - 1] == ' ') {
                if (found != NONE && strcmp(folded[found], full) != 0)
                    ambiguous = 1;
                found = m;
            }
        }
        free(f);
        if (found != NONE && !ambiguous) {
            omention *m;
            if (wg_i_grow(&st->m, &st->mcap, st->nm + 1, sizeof *st->m) < 0) {
                err = WG_ENOMEM;
                break;
            }
            m = &st->m[st->nm];
            memset(m, 0, sizeof *m);
            m->first = m->ext_first = i;
            m->last = m->ext_last = i + n - 1;
            m->weak = 2;
            if ((m->name = wg_i_strdup(st->m[found].name)) == NULL) {
                err = WG_ENOMEM;
                break;
            }
            st->nm++;
            for (size_t k = i; k < i + n; k++)
                st->used[k] = 1;
        }
    }
    for (size_t m = 0; m < nfirst; m++)
        free(folded[m]);
    free(folded);
    return err;
}

/* ---- output ---- */

/* Drops a title that another title of the person extends ("Bí thư" beside
 * "Bí thư Thành ủy TPHCM"); f: the titles, each folded by wg_i_o_title_fold
 * (NULL when that failed). */
static int redundant(char *const *f, size_t n, size_t i)
{
    const char *a = f[i];
    int r = 0;
    size_t la = a ? strlen(a) : 0;
    for (size_t j = 0; j < n && a && !r; j++) {
        const char *b = f[j];
        if (j == i || !b)
            continue;
        size_t lb = strlen(b);
        r = (lb > la && strncmp(a, b, la) == 0 && b[la] == ' ') || (lb == la && strcmp(a, b) == 0 && j < i);
    }
    return r;
}

static int emit(ostate *st)
{
    wg_i_ctx *c = st->c;
    size_t first_ent = c->art->nentities;
    strvec *per = NULL;
    int err = 0;
    if ((per = wg_i_calloc(st->nm + 1, sizeof *per)) == NULL)
        return WG_ENOMEM;
    for (size_t i = 0; i < st->nm && !err; i++) {
        omention *m = &st->m[i];
        char *key = wg_i_make_key(WG_OFFICIAL, m->name);
        if (!key) {
            err = WG_ENOMEM;
            break;
        }
        err = wg_i_add_mention(c, WG_OFFICIAL, m->name, m->first, m->last, NULL, m->roles);
        size_t e = err ? NONE : wg_i_entity_index(c, key);
        free(key);
        if (!err && e != NONE && e >= first_ent && e - first_ent <= st->nm)
            err = wg_i_o_sv_copy(&per[e - first_ent], &m->titles);
    }
    for (size_t e = first_ent; e < c->art->nentities && !err; e++) {
        wg_entity *ent = &c->art->entities[e];
        strvec *all = &per[e - first_ent];
        if (ent->type != WG_OFFICIAL || e - first_ent > st->nm)
            continue;
        /* each title folded once for the comparisons of all pairs */
        char **folded = wg_i_calloc(all->n + 1, sizeof *folded);
        if (!folded) {
            err = WG_ENOMEM;
            break;
        }
        for (size_t i = 0; i < all->n; i++)
            folded[i] = wg_i_o_title_fold(all->v[i]);
        for (size_t i = 0; i < all->n && !err; i++) {
            if (redundant(folded, all->n, i))
                continue;
            size_t cap = ent->ntitles;
            if (wg_i_grow(&ent->titles, &cap, ent->ntitles + 1, sizeof *ent->titles) < 0 ||
                (ent->titles[ent->ntitles] = wg_i_strdup(all->v[i])) == NULL)
                err = WG_ENOMEM;
            else
                ent->ntitles++;
        }
        for (size_t i = 0; i < all->n; i++)
            free(folded[i]);
        free(folded);
    }
    for (size_t i = 0; i <= st->nm; i++)
        wg_i_o_sv_free(&per[i]);
    free(per);
    return err;
}

/* Does the folded title `held` begin with the folded title `said` ("bí thư
 * đảng ủy phường hai bà trưng" / "bí thư đảng ủy phường")? */
static int title_covers(const char *held, const char *said)
{
    size_t l = strlen(said);
    return strncmp(held, said, l) == 0 && (held[l] == '\0' || held[l] == ' ');
}

/* A title written without a name is a mention of the one official of the
 * article who holds it; a post of several people, or of nobody named, or
 * without its organ ("Bí thư"), says nobody. */
static int resolve_bare_titles(ostate *st)
{
    int err = 0;
    for (size_t b = 0; b < st->nbare && !err; b++) {
        omention *bm = &st->bare[b];
        char *said = wg_i_o_title_fold(bm->titles.v[0]);
        size_t who = NONE, words = 1;
        int ambiguous = 0;
        if (!said)
            return WG_ENOMEM;
        for (const char *p = said; *p; p++)
            words += *p == ' ';
        for (size_t m = 0; m < st->nm && words >= 3 && !ambiguous; m++) {
            for (size_t t = 0; t < st->m[m].titles.n; t++) {
                char *held = wg_i_o_title_fold(st->m[m].titles.v[t]);
                int hit = held && title_covers(held, said);
                free(held);
                if (!hit)
                    continue;
                if (who != NONE && strcmp(st->m[who].name, st->m[m].name) != 0)
                    ambiguous = 1;
                who = m;
                break;
            }
        }
        free(said);
        if (who == NONE || ambiguous)
            continue;
        if (wg_i_grow(&st->m, &st->mcap, st->nm + 1, sizeof *st->m) < 0)
            return WG_ENOMEM;
        omention *m = &st->m[st->nm];
        memset(m, 0, sizeof *m);
        m->first = bm->first;
        m->last = bm->last;
        m->ext_first = bm->ext_first;
        m->ext_last = bm->ext_last;
        m->weak = 2;
        if ((m->name = wg_i_strdup(st->m[who].name)) == NULL)
            return WG_ENOMEM;
        st->nm++;
    }
    return err;
}

/* "ông X" with no title anywhere in the article is a citizen, not an official. */
static int drop_weak(ostate *st)
{
    wg_strmap titled = {0};
    size_t v, out = 0;
    int err = 0;
    for (size_t m = 0; m < st->nm && !err; m++)
        if (st->m[m].weak == 0 || st->m[m].titles.n)
            err = wg_strmap_put(&titled, st->m[m].name, 1);
    for (size_t m = 0; m < st->nm; m++) {
        if (!err && !wg_strmap_get(&titled, st->m[m].name, &v)) {
            free(st->m[m].name);
            wg_i_o_sv_free(&st->m[m].titles);
            continue;
        }
        st->m[out++] = st->m[m];
    }
    st->nm = out;
    wg_strmap_free(&titled);
    return err;
}

static int by_position(const void *x, const void *y)
{
    const omention *a = x, *b = y;
    return a->first < b->first ? -1 : a->first > b->first;
}

int wg_i_find_officials(wg_i_ctx *c)
{
    ostate st;
    int err;
    memset(&st, 0, sizeof st);
    st.c = c;
    st.lex = c->lex;
    while (st.nb < c->ntok && c->tok[st.nb].start < c->doc->body_end)
        st.nb++;
    if ((st.used = wg_i_calloc(st.nb + 1, 1)) == NULL)
        return WG_ENOMEM;
    err = wg_i_o_collect_strong(&st);
    if (!err)
        err = pass_names(&st);
    if (!err)
        err = pass_repeats(&st);
    if (!err)
        err = wg_i_officials_drop_figures(&st);
    if (!err)
        err = drop_weak(&st);
    if (!err)
        err = resolve_bare_titles(&st);
    if (!err && st.nm > 1)
        qsort(st.m, st.nm, sizeof *st.m, by_position);
    if (!err)
        err = wg_i_officials_roles(&st);
    if (!err)
        err = emit(&st);
    for (size_t i = 0; i < st.nm; i++) {
        free(st.m[i].name);
        wg_i_o_sv_free(&st.m[i].titles);
    }
    free(st.m);
    for (size_t i = 0; i < st.nbare; i++)
        wg_i_o_sv_free(&st.bare[i].titles);
    free(st.bare);
    free(st.used);
    wg_strmap_free(&st.strong);
    wg_strmap_free(&st.accepted);
    return err;
}
