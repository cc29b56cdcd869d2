/* wardgraph: who meets whom in Vietnamese local-government news.
 *
 * The pipeline, one section of this header per stage:
 *   bytes --wg_doc_new--> wg_doc (decoded, normalised text + metadata)
 *         --wg_extract--> wg_article (entities with keys, titles, roles, mentions)
 *         --wg_graph_add_article / wg_graph_finish--> wg_graph (igraph + attributes)
 *         --wg_graph_write--> GraphML / GEXF / CSV / JSON
 *   GraphML --wg_graph_read_graphml--> wg_graph --wg_rank--> wg_ranking
 *
 * Conventions: fallible calls return 0 or a negative wg_error and leave a
 * message for wg_error_last(); the library never prints and never aborts.
 * Objects from `_new` are released with their `_free`; `_free(NULL)` is a no-op.
 * Extraction (wg_doc_new, wg_extract) is pure and thread-safe once
 * wg_init() has run.
 */
#ifndef WARDGRAPH_H
#define WARDGRAPH_H

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#ifdef __cplusplus
extern "C" {
#endif

#define WG_VERSION "0.1.0"

/** ## Errors */
typedef enum {
    WG_OK = 0,
    WG_ENOMEM = -1,    /* out of memory */
    WG_EIO = -2,       /* a file could not be read or written */
    WG_EINVAL = -3,    /* a bad argument or option value */
    WG_EINPUT = -4,    /* input that cannot be used (binary, empty, undecodable) */
    WG_EPARSE = -5,    /* malformed GraphML, lexicon or alias file */
    WG_ENOTFOUND = -6, /* a name that matches nothing */
    WG_EAMBIGUOUS = -7,/* a name that matches several things */
    WG_EGRAPH = -8     /* igraph reported an error */
} wg_error;

/** The message of the last failure in this thread ("" if none). Valid until
 * the next failing call in the same thread. */
const char *wg_error_last(void);

/** Installs igraph's and libxml2's error handlers so that neither aborts nor
 * prints, and initialises libxml2. Call once, before starting threads. */
void wg_init(void);

/** ## Text: reading and normalising one article
 *
 * Decoding: a byte order mark decides (UTF-8, UTF-16LE, UTF-16BE); else
 * `encoding` (any ICU converter name, e.g. "windows-1258"); else UTF-8, or
 * for an HTML page that is not valid UTF-8 the charset its <meta> declares.
 * Invalid bytes become U+FFFD with a warning naming their byte offset in the
 * file. Refused, with a message saying why (see wg_doc_skip_reason()): an
 * empty file, a binary one (a NUL byte), one mostly invalid in its encoding,
 * one with no text (for HTML: no article text).
 *
 * Offsets ("the input as read"): mention offsets are byte offsets into the
 * input decoded to UTF-8 (wg_doc_input()). For UTF-8 files that is the file
 * itself (a byte order mark included); for UTF-16 and legacy encodings it
 * is the file converted character by character, without its byte order
 * mark (what Python's bytes.decode() gives; glibc's iconv recomposes
 * windows-1258 and does not). For HTML it is the page's source: text written
 * verbatim there (no entity, no tag inside) slices to exactly its bytes;
 * otherwise the slice still starts at the mention's first character and ends
 * after its last, and holds the mention once tags are removed and entities
 * decoded. The normalised text (NFC, one tone placement) of the slice is the
 * mention's text.
 *
 * Normalisation (wg_doc_text()): NFC; the tone mark of a final oa/oe/uy on
 * its first vowel ("uỷ" -> "ủy", "hoà" -> "hòa"; "quý" unchanged); NBSP and
 * other spaces -> ' '; zero-width characters and soft hyphens dropped; CRLF,
 * CR, U+2028/9 -> LF; other control characters -> ' '; lines that are only
 * a number (a view counter under the headline) dropped. */

typedef enum { WG_INPUT_AUTO = 0, WG_INPUT_TEXT, WG_INPUT_HTML } wg_input_kind;

typedef struct {
    int version;
    const char *encoding; /* ICU converter name, or NULL: UTF-8/UTF-16 by BOM */
    wg_input_kind kind;   /* AUTO: HTML when the name ends .htm/.html or the bytes look like HTML */
} wg_read_options;
#define WG_READ_OPTIONS_INIT { 1, NULL, WG_INPUT_AUTO }

/** 0 if the options can be used (the encoding is one ICU knows), else
 * WG_EINVAL with a message ("unknown encoding 'x'"). */
int wg_read_options_check(const wg_read_options *opts);

typedef struct wg_doc wg_doc; /* opaque */

/** One problem found while reading: `offset` is a byte offset in the input
 * file (or its line, when `line` > 0). */
typedef struct {
    size_t offset;
    size_t line;
    const char *message;
} wg_warning;

/** Decodes and normalises the article in `bytes` (`len` bytes) read from
 * `source` (a name used in messages and the JSONL `source`). On failure
 * (*out is NULL) the input must be skipped: the message says why, and
 * wg_doc_skip_reason() classifies it. The doc keeps no pointer into
 * `bytes`. Free with wg_doc_free(). */
int wg_doc_new(wg_doc **out, const char *source, const char *bytes, size_t len,
               const wg_read_options *opts);
void wg_doc_free(wg_doc *doc);

typedef enum {
    WG_SKIP_NONE = 0,    /* the last wg_doc_new() in this thread did not refuse its input */
    WG_SKIP_EMPTY,       /* no bytes at all */
    WG_SKIP_BINARY,      /* a NUL byte: not text */
    WG_SKIP_UNDECODABLE, /* mostly invalid in its encoding */
    WG_SKIP_NO_TEXT,     /* only white space; an HTML page without article text */
    WG_SKIP_OTHER        /* anything else (see wg_error_last()) */
} wg_skip_reason;

/** Why the last wg_doc_new() in this thread refused its input. */
wg_skip_reason wg_doc_skip_reason(void);
/** "empty", "binary", "undecodable", "no text", "other". */
const char *wg_skip_reason_name(wg_skip_reason r);

const char *wg_doc_source(const wg_doc *doc);
/** The input as read, decoded to UTF-8: what mention offsets point into. */
const char *wg_doc_input(const wg_doc *doc, size_t *len);
/** The normalised text (see above), NUL-terminated. */
const char *wg_doc_text(const wg_doc *doc, size_t *len);
/** Metadata per SPEC section 1; "" when absent. The title is the first
 * line of the text (for HTML: the article's <h1>, og:title or <title>).
 * The date is the meeting's, ISO 8601, "--MM-DD" when no year is known. */
const char *wg_doc_title(const wg_doc *doc);
const char *wg_doc_date(const wg_doc *doc);
/** Where the date's year came from: "text" (the meeting date as written),
 * "context" (the same day or month written with its year elsewhere in the
 * text), "stamp" (a posting stamp in the text: "Ngày đăng 16/11/2022",
 * "14/11/2022 16:57"), "html" (the page's publication date), "none" (no
 * year: a partial date), "" (no date). With "stamp" or "html" the whole
 * date comes from there when the text gives no meeting date. */
const char *wg_doc_date_source(const wg_doc *doc);
/** The author's signature on the last line(s) ("Long Toàn", "N.T"),
 * without labels such as "Bài:" or photo credits. */
const char *wg_doc_byline(const wg_doc *doc);
size_t wg_doc_warning_count(const wg_doc *doc);
const wg_warning *wg_doc_warning(const wg_doc *doc, size_t i);

/** ## Extraction */

typedef struct wg_lexicon wg_lexicon; /* opaque, read-only once built: share between threads */

/** The built-in lexicons (surnames, titles, organs, project triggers, gazetteer). */
int wg_lexicon_new(wg_lexicon **out);
/** Adds the lexicon files found in `dir` (same names and format as the
 * built-in ones, see src/extract/lexicon/README.md) to `lex`. */
int wg_lexicon_add_dir(wg_lexicon *lex, const char *dir);
void wg_lexicon_free(wg_lexicon *lex);

typedef enum {
    WG_OFFICIAL = 0,
    WG_WARD,
    WG_COMMITTEE,
    WG_PROJECT,
    WG_ENTITY_TYPES
} wg_entity_type;

/** "official", "ward", "committee", "project". */
const char *wg_entity_type_name(wg_entity_type t);

enum { WG_ROLE_CHAIR = 1u, WG_ROLE_ATTENDEE = 2u, WG_ROLE_SPEAKER = 4u };

/** How an entity is in the meeting (SPEC section 4). Zero is `mentioned`,
 * so that an article built by hand links as before. */
typedef enum {
    WG_PRESENCE_MENTIONED = 0, /* named in the running text */
    WG_PRESENCE_PARTICIPANT,   /* has a role, or is the unit or body the meeting is held by or with */
    WG_PRESENCE_CITED          /* only inside a document reference or another person's title */
} wg_presence;

/** Orders presences, weakest first (cited 0, mentioned 1, participant 2):
 * the strongest of an entity's mentions is its presence. */
int wg_presence_rank(wg_presence p);

/** "cited", "mentioned", "participant". */
const char *wg_presence_name(wg_presence p);

/** What the article reports (SPEC section 4): a meeting (people were
 * together) or something else (an announcement, a list, a decision). */
typedef enum { WG_KIND_MEETING = 0, WG_KIND_OTHER } wg_article_kind;

/** "meeting", "other". */
const char *wg_article_kind_name(wg_article_kind k);

/** Shingle signature size of wg_article.minhash. */
#define WG_MINHASH 32

typedef struct {
    size_t start, end;   /* byte offsets in the input as read (UTF-8 after decoding) */
    char *text;          /* the mention as written in the normalised text */
    size_t paragraph;    /* 0-based paragraph and sentence of the article */
    size_t sentence;
    wg_presence presence;
} wg_mention;

typedef struct {
    wg_entity_type type;
    char *name;          /* canonical name (SPEC section 2) */
    char *key;           /* graph node id (SPEC section 3) */
    char *parent;        /* wards: containing district or city, or NULL */
    char **titles;       /* officials: canonical titles */
    size_t ntitles;
    unsigned roles;      /* WG_ROLE_* bits */
    wg_presence presence; /* the strongest of its mentions' */
    wg_mention *mentions;
    size_t nmentions;
} wg_entity;

typedef struct {
    char *source, *title, *date, *date_source, *byline;
    wg_article_kind kind;
    /* The body's fingerprint, for finding the same article twice: a hash of
     * its words (case-folded, punctuation and layout ignored; 32 hex
     * digits) and a MinHash signature of its 5-word shingles. */
    char hash[33];
    uint32_t minhash[WG_MINHASH];
    /* The province the article is about, as in keys ("hồ-chí-minh", "cà-mau"):
     * the one its wards (else committees) name most; NULL when none does. */
    char *province;
    wg_entity *entities;
    size_t nentities;
} wg_article;

/** Finds the entities of `doc`. Pure: depends only on `doc` and `lex`. The
 * article keeps no pointer into either. Free with wg_article_free(). */
int wg_extract(wg_article **out, const wg_doc *doc, const wg_lexicon *lex);
void wg_article_free(wg_article *a);

/** The article as one line of SPEC section 4 JSONL (with "\n"); malloc'd,
 * caller frees. Beyond SPEC it carries what a later build needs to link
 * exactly as from the text: `province`, `minhash` (the signature, 8 hex digits a
 * value), and each mention's paragraph, sentence and presence. */
char *wg_article_to_jsonl(const wg_article *a);
/** The same with the article's normalised text as a `text` field (NULL: none),
 * so that a store fed from JSONL can index it for full-text search. */
char *wg_article_to_jsonl_text(const wg_article *a, const char *text, size_t len);
/** Reads one line written by wg_article_to_jsonl back into an article
 * (fields it does not know are ignored; SPEC's optional ones default).
 * WG_EPARSE with "byte N: why" or "FIELD: why" when it is not one. When
 * `text` is not NULL it receives a copy of a `text` field, or NULL. */
int wg_article_from_jsonl(wg_article **out, const char *line, size_t len, char **text);
/** The article as TSV rows `source type key name start end text` (with "\n"); caller frees. */
char *wg_article_to_tsv(const wg_article *a);

/** ## The network */

typedef enum { WG_WINDOW_ARTICLE = 0, WG_WINDOW_PARAGRAPH, WG_WINDOW_SENTENCE } wg_window;

/** Which entities of an article co-mention edges link: participants and
 * mentioned ones (default: a body cited in a document reference or a post's
 * title was not in the room), participants only, or all (cited too). */
typedef enum { WG_LINK_MENTIONED = 0, WG_LINK_PARTICIPANT, WG_LINK_ALL } wg_link;

/** What an edge's `weight` counts: the meetings the pair shared, or the
 * collaboration weight of co-authorship networks (Newman 2001: a meeting
 * of n linked entities adds 1/(n-1) to each of its pairs, so a large
 * meeting weighs no more per entity than a small one). */
typedef enum { WG_WEIGHT_MEETINGS = 0, WG_WEIGHT_NEWMAN } wg_weighting;

typedef struct {
    int version;
    wg_window window;      /* which mentions count as together */
    double min_weight;     /* drop co-mention edges lighter than this */
    int bipartite;         /* meeting nodes and meeting-entity edges instead of co-mention */
    int relations;         /* add holds_title_in / committee_of / cites edges */
    int layout;            /* compute x, y (deterministic) */
    wg_link link;          /* which entities co-mention links */
    wg_weighting weighting;
    int all_kinds;         /* 0: only meetings link (an article of kind `other` adds
                              its entities and typed relations, no co-mentions) */
    int dedup;             /* count a meeting written twice (copies, near copies,
                              two outlets' reports of one meeting) once */
} wg_build_options;
#define WG_BUILD_OPTIONS_INIT { 1, WG_WINDOW_ARTICLE, 0.0, 0, 1, 1, WG_LINK_MENTIONED, WG_WEIGHT_MEETINGS, 0, 1 }

typedef struct wg_graph wg_graph; /* opaque */

int wg_graph_new(wg_graph **out, const wg_build_options *opts);
/** Reads an alias file into `g`, before any article is added: UTF-8 lines
 * `alias<TAB>canonical` (`#` comments and blank lines skipped). `alias` is
 * a key (`official:nguyễn-văn-an`) or a label (`Nguyễn Văn An`), optionally
 * prefixed `MEETING/` (the article's file name without extension) to apply
 * in that article only, which is how a name shared by two people is split;
 * `canonical` is a key (`type:name`) or a label (the key is then made from
 * it). A malformed line fails with WG_EPARSE and "FILE:LINE: why". */
int wg_graph_load_aliases(wg_graph *g, const char *path);
/** Adds one article's entities. Call in input order: the result depends on it. */
int wg_graph_add_article(wg_graph *g, const wg_article *a);
/** Builds the igraph graph and its attributes from the articles added. */
int wg_graph_finish(wg_graph *g);
void wg_graph_free(wg_graph *g);

size_t wg_graph_node_count(const wg_graph *g);
size_t wg_graph_edge_count(const wg_graph *g);

/** What the articles added so far came to: meetings linked, articles of
 * kind `other` (not linked by co-mention), and duplicates counted once. */
typedef struct {
    size_t articles, meetings, other;
    size_t duplicates, exact, near, same_meeting;
} wg_graph_summary;
void wg_graph_get_summary(const wg_graph *g, wg_graph_summary *out);

/** After wg_graph_finish: writes the close calls for review to `path` as
 * TSV: groups of nodes of one type with the same label, or the same letters
 * once tones and diacritics are dropped, under different keys; every
 * alias line with the number of entities it rewrote; and every article
 * counted as another's duplicate, with why. */
int wg_graph_write_report(const wg_graph *g, const char *path);

typedef enum {
    WG_FORMAT_GRAPHML = 0,
    WG_FORMAT_GEXF,
    WG_FORMAT_CSV,   /* PATH.nodes.csv and PATH.edges.csv (PATH without .csv) */
    WG_FORMAT_JSON,
    WG_FORMAT_HTML   /* one self-contained page that draws the network (wardgraph view) */
} wg_format;

/** Parses "graphml", "gexf", "csv", "json" (the formats of `wardgraph
 * build`); -1 if unknown. */
int wg_format_parse(const char *name);

typedef struct {
    int version;
    int gexf_minor;     /* GEXF 1.2 (2: what every reader takes, networkx 2 included) or 1.3 (3) */
    const char *title;  /* HTML: the page's title, or NULL for "wardgraph" */
} wg_write_options;
#define WG_WRITE_OPTIONS_INIT { 1, 2, NULL }

/** Writes `g` to `path` atomically (temporary file, then rename), with the
 * default options. */
int wg_graph_write(const wg_graph *g, const char *path, wg_format fmt);
/** The same with options (NULL: the defaults); WG_EINVAL for a GEXF version other than 1.2 or 1.3. */
int wg_graph_write_opts(const wg_graph *g, const char *path, wg_format fmt, const wg_write_options *opts);
/** Writes `g` to an open stream (standard output); not for CSV, which is two files. */
int wg_graph_write_stream(const wg_graph *g, FILE *fp, wg_format fmt);
int wg_graph_write_stream_opts(const wg_graph *g, FILE *fp, wg_format fmt, const wg_write_options *opts);

/** Reads a GraphML file written by wardgraph, networkx or igraph, or
 * re-saved by Gephi, in one streaming pass. An edge weight that is not a
 * finite number > 0 fails with WG_EPARSE and "FILE:LINE: why"; so do a
 * DTD that declares entities and a reference to an undeclared entity
 * (their text is never silently lost). */
int wg_graph_read_graphml(wg_graph **out, const char *path);
/** What the last wg_graph_read_graphml() in this thread read but changed
 * or left out ("FILE:LINE: 3 edges without a weight ...: read as weight 1"):
 * the number of such warnings and each message. */
size_t wg_graph_read_warning_count(void);
const char *wg_graph_read_warning(size_t i);
/** wg_graph_read_graphml through a binary cache beside the file,
 * PATH.wgcache, for files of at least `min_bytes`: the cache is used only
 * if it records PATH's size, mtime and content checksum and its own
 * checksum and ranges hold; otherwise PATH is read and the cache rewritten
 * (temporary file + rename; a failed write is not an error). Same graph,
 * same warnings. */
int wg_graph_read_graphml_cached(wg_graph **out, const char *path, size_t min_bytes);

/** ## Which articles: a time window and a province
 *
 * Shared by `build` from raw articles and from a store, so both keep the
 * same ones. Dates are ISO (`YYYY-MM-DD`, or `YYYY-MM`, `YYYY`: the first
 * or last day of it for since and until); an article whose date has no
 * year (`--02-24`) or no date is outside every window. */
typedef struct {
    int version;
    const char *since, *until; /* inclusive; NULL: open */
    const char *province;      /* a province's name, any case, with or without tones
                                  and "tỉnh"/"thành phố" ("Cà Mau", "ca mau", "TP.HCM"); NULL: all */
} wg_article_filter;
#define WG_ARTICLE_FILTER_INIT { 1, NULL, NULL, NULL }

typedef enum { WG_FILTER_IN = 0, WG_FILTER_OUTSIDE, WG_FILTER_UNDATED, WG_FILTER_OTHER_PROVINCE } wg_filter_result;
/** Checks the filter's values: WG_EINVAL with a message for a bad date. */
int wg_article_filter_check(const wg_article_filter *f);
/** Where the article falls: in, outside the window, without a year (when a
 * window is set), or of another province. */
wg_filter_result wg_article_filter_match(const wg_article_filter *f, const wg_article *a);

/** ## The store: one SQLite file for a corpus that grows
 *
 * `wardgraph add` extracts new articles into it, `build` reads it without
 * extracting again. Tables (schema version WG_STORE_SCHEMA, also in
 * `PRAGMA user_version`, and `PRAGMA application_id` 0x57475354):
 *
 *   meta(key, value)            schema_version, created_by
 *   articles(id, source, hash, title, date, year, date_source, byline,
 *            kind, province, extractor, minhash, extraction)
 *                               one row per distinct body (hash: the content
 *                               hash of the normalised body, unique); id is
 *                               the order articles were added in; extraction
 *                               is the article's `extract` JSONL line, which
 *                               a build reads back
 *   copies(id, article, after, source, date, extractor, extraction)
 *                               the same body read from another file: kept
 *                               in its place (after article id `after`) so
 *                               that a build lists its source as a build of
 *                               the files does
 *   entities(id, key, type, label)   one row per key; label as first seen
 *   article_entities(article, ord, entity, name, parent, presence)
 *   mentions(article, entity_ord, ord, entity, start_byte, end_byte, text,
 *            paragraph, sentence, presence)
 *   titles(article, entity_ord, ord, entity, title)
 *   roles(article, entity_ord, role, entity)   chair, attendee, speaker
 *   articles_fts(title, body)   FTS5, rowid = articles.id, tones optional
 *                               in queries (unicode61 remove_diacritics 2)
 *
 * Indexes: articles(date), articles(source), articles(province, date), article_entities(entity),
 * mentions(entity). Writes go in one transaction per wg_store_begin/commit
 * (WAL journal while a writer has it open, so a killed writer leaves the
 * store as before the batch; one file again once the writer closes it). */
#define WG_STORE_SCHEMA 1

typedef struct wg_store wg_store; /* opaque; one thread at a time */
enum { WG_STORE_READ = 0, WG_STORE_WRITE = 1 /* created when missing */ };

/** Does the file at `path` begin like an SQLite database? */
int wg_store_is_store(const char *path);
/** Opens (WRITE: creates) the store. WG_EINPUT when the file is no store or
 * has another schema version, with a message that says what to do. */
int wg_store_open(wg_store **out, const char *path, int mode);
void wg_store_close(wg_store *s);
int wg_store_begin(wg_store *s);
int wg_store_commit(wg_store *s);
/** Drops everything put since wg_store_begin. */
void wg_store_rollback(wg_store *s);

typedef enum {
    WG_STORE_ADDED = 0, /* a new body */
    WG_STORE_KNOWN,     /* the same body is there: nothing written */
    WG_STORE_STALE,     /* the same body, extracted by another extractor: kept */
    WG_STORE_REPLACED,  /* the same body, re-extracted (`reextract`) */
    WG_STORE_COPY,      /* the same body from another source: kept as a copy (table copies) */
    WG_STORE_UPDATED    /* another body under a source the store holds: it replaces the old one in place */
} wg_store_outcome;

/** Puts one extracted article (and its normalised text for full-text
 * search, or NULL) into the store, unless its body is there already.
 * `extractor` is wg_extractor_version()'s string; with `reextract` an
 * article of another extractor is replaced in place (same id, same order). */
int wg_store_put(wg_store *s, const wg_article *a, const char *text, size_t len, const char *extractor,
                 int reextract, wg_store_outcome *outcome);

/** How many articles the store holds. */
int wg_store_count(wg_store *s, size_t *n);

typedef struct {
    size_t in, outside, undated, other_province;
} wg_filter_counts;

/** Calls fn with each stored article that the filter keeps (NULL: all), in
 * the order they were added; fn's article is freed after the call. Stops
 * when fn returns < 0. */
int wg_store_each(wg_store *s, const wg_article_filter *f, int (*fn)(void *ctx, const wg_article *a), void *ctx,
                  wg_filter_counts *counts);

/** The first and last full date of the stored articles: 1, or 0 when none
 * has a year (< 0 on error). */
int wg_store_dates(wg_store *s, char first[11], char last[11]);

/** Calls fn with each month ("YYYY-MM") in which some stored article is
 * dated, in order; stops when fn returns < 0. */
int wg_store_months(wg_store *s, int (*fn)(void *ctx, const char *month), void *ctx);

/** The version of the extraction rules and lexicons (built-in and added):
 * "0.1.0-CODE-LEXICON", hashes; a store records it per article. Caller frees. */
char *wg_extractor_version(const wg_lexicon *lex);

/** ## Queries
 *
 * Every query sees the network as simple and undirected: parallel edges
 * between two nodes (a co-mention and a typed relation) are one tie whose
 * weight is the largest of theirs (meetings shared), loops are ignored, and
 * ties lighter than `min_weight` (or of weight <= 0) are left out, and so
 * are edges whose `relation` is only typed relations (holds_title_in,
 * committee_of, cites: a post in or a citation of a body that was not in
 * the room is no meeting, and would make every cited body a bridge). A
 * directed file (re-saved by Gephi) is read as undirected. Path-based
 * measures read a heavier tie as a shorter distance, 1/weight. */

typedef struct {
    int version;
    const char *measure;   /* degree, strength, betweenness, closeness, harmonic, pagerank,
                              eigenvector, hub, authority, coreness, clustering */
    const char *type;      /* only nodes of this type, or NULL */
    size_t top;            /* 0: all */
    int unweighted;
    int normalized;
    double min_weight;
    size_t approx;         /* betweenness from this many sampled sources; 0: exact */
    unsigned long seed;    /* for the --approx sample */
} wg_rank_options;
#define WG_RANK_OPTIONS_INIT { 1, "degree", NULL, 0, 0, 0, 0.0, 0, 1 }

/** The measures wg_rank knows, NULL-terminated. */
extern const char *const wg_rank_measures[];

typedef struct {
    const char *key, *label, *type; /* point into the graph */
    double score;
    size_t node;                    /* vertex id */
} wg_rank_row;

typedef struct {
    wg_rank_row *rows;
    size_t nrows;
    int approximate;   /* scores estimated from `sources` sampled sources */
    size_t sources;
    int weighted;      /* whether edge weights were used */
} wg_ranking;

/** Ranks the nodes of `g`, highest score first, ties by key (NaN last).
 * Free with wg_ranking_free(). */
int wg_rank(wg_ranking **out, const wg_graph *g, const wg_rank_options *opts);
void wg_ranking_free(wg_ranking *r);

/** Node attributes for display: the key (GraphML id), the label (the key
 * when the file has none) and the type ("" when unknown). */
const char *wg_graph_node_key(const wg_graph *g, size_t v);
const char *wg_graph_node_label(const wg_graph *g, size_t v);
const char *wg_graph_node_type(const wg_graph *g, size_t v);

/** Finds the node a user means by `name`: its key, its label, then either
 * case-insensitively, then accent-insensitively (`to thi bich chau` finds
 * `Tô Thị Bích Châu`). WG_EAMBIGUOUS lists the candidates in the message,
 * WG_ENOTFOUND suggests the closest labels. */
int wg_graph_find_node(const wg_graph *g, const char *name, size_t *out);

/** The accent- and case-free form of UTF-8 `s` used for that matching
 * (NFD, marks removed, đ -> d, case folded, '-' '_' and runs of spaces as
 * one space); malloc'd, caller frees; NULL on failure. */
char *wg_text_fold(const char *s);

/** Terminal columns `s` takes: combining marks none, East Asian wide and
 * full-width characters two. */
size_t wg_text_width(const char *s);
/** The longest prefix of `s` (whole characters, with their marks) that fits
 * in `cols` columns: its length in bytes. */
size_t wg_text_fit(const char *s, size_t cols);

typedef struct {
    int version;
    const char *method;   /* leiden (modularity) or louvain */
    double resolution;
    unsigned long seed;
    int unweighted;
    double min_weight;
} wg_community_options;
#define WG_COMMUNITY_OPTIONS_INIT { 1, "leiden", 1.0, 1, 0, 0.0 }

typedef struct {
    size_t ncommunities;
    size_t *membership;   /* per node: its community, 0 the largest */
    size_t *size;         /* per community */
    size_t **members;     /* per community: its nodes, highest strength first */
    double *strength;     /* per node: the sum of its tie weights (its degree when unweighted) */
    double modularity;    /* of `membership` at the given resolution */
} wg_communities;

/** Communities numbered by size (largest first, ties by smallest key).
 * Deterministic for a given seed. Free with wg_communities_free(). */
int wg_communities_find(wg_communities **out, const wg_graph *g, const wg_community_options *opts);
void wg_communities_free(wg_communities *c);
/** Stores the communities as the integer node attribute `community`. */
int wg_graph_set_communities(wg_graph *g, const wg_communities *c);

typedef struct {
    size_t node;
    size_t depth;    /* hops from the start */
    size_t via;      /* the neighbour one hop closer (the start for depth 1) */
    double weight;   /* of the tie between via and node */
} wg_neighbor;

/** Nodes within `depth` hops of `node` (not itself), nearest first, then
 * heaviest tie, then key. `via` is the closer node with the heaviest tie.
 * *out is malloc'd (caller frees). */
int wg_graph_neighbors(wg_neighbor **out, size_t *n, const wg_graph *g, size_t node, size_t depth,
                       double min_weight);

typedef struct {
    size_t from, to;
    double weight;
    const char *meetings; /* ";"-separated meeting ids of the heaviest edge, "" if none */
} wg_hop;

/** The shortest path from `a` to `b` (ties at 1/weight, or hops when
 * unweighted): *nhops hops in *out (malloc'd, caller frees).
 * WG_ENOTFOUND when they are not connected. */
int wg_graph_path(wg_hop **out, size_t *nhops, const wg_graph *g, size_t a, size_t b, int unweighted);

typedef struct {
    char *name;
    size_t count;
} wg_count;

typedef struct {
    size_t nodes, edges, ties;   /* ties: node pairs joined by an edge */
    wg_count *node_types;        /* by count, then name */
    size_t nnode_types;
    wg_count *edge_relations;
    size_t nedge_relations;
    size_t components, isolated;
    size_t giant_nodes, giant_ties;
    double density;              /* ties / (n (n - 1) / 2) */
    double mean_degree;
    size_t diameter;             /* of the giant component, in hops */
    int diameter_exact;          /* 0: a lower bound (giant component too large) */
    size_t diameter_from, diameter_to;
    size_t top[3];               /* highest degree first */
    size_t top_degree[3];
    size_t ntop;
} wg_stats;

int wg_graph_stats(wg_stats **out, const wg_graph *g);
void wg_stats_free(wg_stats *s);

/** The subgraph of the nodes within `depth` hops of `node`, all attributes
 * kept, every edge among them. Free with wg_graph_free(). */
int wg_graph_ego(wg_graph **out, const wg_graph *g, size_t node, size_t depth);

#ifdef __cplusplus
}
#endif
#endif
