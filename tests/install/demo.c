/* A program that uses the installed library: extract one article, build its network. */
#include <stdio.h>
#include <string.h>
#include <wardgraph.h>

int main(void)
{
    const char *text = "Ủy ban nhân dân phường Bến Nghé họp bàn dự án\n\n"
                       "Sáng 3/4/2024, Chủ tịch UBND phường Bến Nghé Nguyễn Văn An chủ trì cuộc họp "
                       "với Đảng ủy phường Bến Nghé về dự án cải tạo chợ.\n";
    wg_lexicon *lex = NULL;
    wg_doc *doc = NULL;
    wg_article *a = NULL;
    wg_graph *g = NULL;
    wg_read_options ro = WG_READ_OPTIONS_INIT;
    wg_build_options bo = WG_BUILD_OPTIONS_INIT;
    wg_init();
    if (wg_lexicon_new(&lex) < 0 || wg_doc_new(&doc, "demo.txt", text, strlen(text), &ro) < 0 ||
        wg_extract(&a, doc, lex) < 0 || wg_graph_new(&g, &bo) < 0 || wg_graph_add_article(g, a) < 0 ||
        wg_graph_finish(g) < 0)
        return fprintf(stderr, "demo: %s\n", wg_error_last()), 1;
    for (size_t i = 0; i < a->nentities; i++)
        printf("%s\t%s\n", wg_entity_type_name(a->entities[i].type), a->entities[i].name);
    printf("network: %zu nodes, %zu edges\n", wg_graph_node_count(g), wg_graph_edge_count(g));
    wg_graph_free(g);
    wg_article_free(a);
    wg_doc_free(doc);
    wg_lexicon_free(lex);
    return 0;
}
