/* A tiny test harness: checks count, failures print file:line and go on. */
#ifndef WG_TEST_HARNESS_H
#define WG_TEST_HARNESS_H

#include <stdio.h>
#include <string.h>

static int harness_checks, harness_failures;

#define OK(cond, ...)                                                          \
    do {                                                                       \
        harness_checks++;                                                      \
        if (!(cond)) {                                                         \
            harness_failures++;                                                \
            fprintf(stderr, "%s:%d: FAIL: %s: ", __FILE__, __LINE__, #cond);   \
            fprintf(stderr, __VA_ARGS__);                                      \
            fputc('\n', stderr);                                               \
        }                                                                      \
    } while (0)

#define INT_EQ(got, want)                                                              \
    do {                                                                               \
        long long g_ = (long long)(got), w_ = (long long)(want);                       \
        OK(g_ == w_, "got %lld, want %lld", g_, w_);                                   \
    } while (0)

#define STR_EQ(got, want)                                                              \
    do {                                                                               \
        const char *g_ = (got), *w_ = (want);                                          \
        OK(g_ && w_ && strcmp(g_, w_) == 0, "got \"%s\", want \"%s\"", g_ ? g_ : "(null)", w_); \
    } while (0)

/* Ends main(): a summary line and the exit status. */
#define HARNESS_DONE()                                                                \
    (printf("%d checks, %d failed\n", harness_checks, harness_failures),              \
     harness_failures ? 1 : 0)

#endif
