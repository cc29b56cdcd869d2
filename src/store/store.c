/* The store: one SQLite file per corpus. Each article is kept twice: as
 * tables a person reads in any SQLite browser (articles, entities,
 * mentions, titles, roles, a full-text index) and as its extraction line
 * (articles.extraction, the JSONL of `extract`), which a build reads back,
 * so that a build from the store links exactly as one from the texts. */
#include <errno.h>
#include <inttypes.h>
#include <string.h>
#include <sqlite3.h>
#include "store/store.h"

/* "WGST": PRAGMA application_id, so that another program's SQLite file is
 * told apart from a store */
#define APP_ID 0x57475354

enum {
    Q_FIND, Q_FIND_SOURCE, Q_DEL_COPY_SOURCE, Q_ARTICLE, Q_UPDATE, Q_FTS, Q_FTS_UPDATE, Q_ENTITY, Q_ENTITY_ID, Q_ARTICLE_ENTITY, Q_MENTION,
    Q_TITLE, Q_ROLE, Q_COPY_FIND, Q_COPY, Q_COPY_UPDATE, Q_DEL_AE, Q_DEL_MENTIONS, Q_DEL_TITLES, Q_DEL_ROLES, NQ
};

static const char *const sql_of[NQ] = {
    [Q_FIND] = "SELECT id, extractor, source FROM articles WHERE hash = ?1",
    [Q_ARTICLE] = "INSERT INTO articles(source, hash, title, date, year, date_source, byline, kind, province,"
                  " extractor, minhash, extraction) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12)",
    [Q_FIND_SOURCE] = "SELECT id FROM articles WHERE source = ?1",
    [Q_DEL_COPY_SOURCE] = "DELETE FROM copies WHERE source = ?1",
    [Q_UPDATE] = "UPDATE articles SET source = ?1, hash = ?2, title = ?3, date = ?4, year = ?5, date_source = ?6, byline = ?7,"
                 " kind = ?8, province = ?9, extractor = ?10, minhash = ?11, extraction = ?12 WHERE id = ?13",
    [Q_FTS] = "INSERT INTO articles_fts(rowid, title, body) VALUES (?1, ?2, ?3)",
    [Q_FTS_UPDATE] = "UPDATE articles_fts SET title = ?2, body = coalesce(?3, body) WHERE rowid = ?1",
    [Q_ENTITY] = "INSERT OR IGNORE INTO entities(key, type, label) VALUES (?1, ?2, ?3)",
    [Q_ENTITY_ID] = "SELECT id FROM entities WHERE key = ?1",
    [Q_ARTICLE_ENTITY] = "INSERT INTO article_entities(article, ord, entity, name, parent, presence)"
                         " VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
    [Q_MENTION] = "INSERT INTO mentions(article, entity_ord, ord, entity, start_byte, end_byte, text, paragraph,"
                  " sentence, presence) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)",
    [Q_TITLE] = "INSERT INTO titles(article, entity_ord, ord, entity, title) VALUES (?1, ?2, ?3, ?4, ?5)",
    [Q_ROLE] = "INSERT INTO roles(article, entity_ord, entity, role) VALUES (?1, ?2, ?3, ?4)",
    [Q_COPY_FIND] = "SELECT extractor FROM copies WHERE article = ?1 AND source = ?2",
    [Q_COPY] = "INSERT INTO copies(article, after, source, extractor, extraction, date)"
               " VALUES (?1, (SELECT max(id) FROM articles), ?2, ?3, ?4, ?5)",
    [Q_COPY_UPDATE] = "UPDATE copies SET extractor = ?3, extraction = ?4, date = ?5 WHERE article = ?1 AND source = ?2",
    [Q_DEL_AE] = "DELETE FROM article_entities WHERE article = ?1",
    [Q_DEL_MENTIONS] = "DELETE FROM mentions WHERE article = ?1",
    [Q_DEL_TITLES] = "DELETE FROM titles WHERE article = ?1",
    [Q_DEL_ROLES] = "DELETE FROM roles WHERE article = ?1",
};

static const char schema[] =
    "CREATE TABLE meta(key TEXT PRIMARY KEY, value TEXT NOT NULL);\n"
    "CREATE TABLE articles(\n"
    "  id INTEGER PRIMARY KEY,          -- the order articles were added in\n"
    "  source TEXT NOT NULL,            -- the file it was first read from\n"
    "  hash TEXT NOT NULL UNIQUE,       -- content hash of the normalised body\n"
    "  title TEXT NOT NULL, date TEXT NOT NULL, year INTEGER, date_source TEXT NOT NULL,\n"
    "  byline TEXT NOT NULL, kind TEXT NOT NULL, province TEXT,\n"
    "  extractor TEXT NOT NULL,         -- wardgraph version and hashes of rules and lexicons\n"
    "  minhash BLOB NOT NULL,           -- shingle signature: near copies\n"
    "  extraction TEXT NOT NULL);       -- the JSONL line of `wardgraph extract`\n"
    "CREATE TABLE entities(id INTEGER PRIMARY KEY, key TEXT NOT NULL UNIQUE, type TEXT NOT NULL,\n"
    "  label TEXT NOT NULL);\n"
    "CREATE TABLE article_entities(article INTEGER NOT NULL REFERENCES articles(id), ord INTEGER NOT NULL,\n"
    "  entity INTEGER NOT NULL REFERENCES entities(id), name TEXT NOT NULL, parent TEXT,\n"
    "  presence TEXT NOT NULL, PRIMARY KEY(article, ord)) WITHOUT ROWID;\n"
    "CREATE TABLE mentions(article INTEGER NOT NULL, entity_ord INTEGER NOT NULL, ord INTEGER NOT NULL,\n"
    "  entity INTEGER NOT NULL REFERENCES entities(id), start_byte INTEGER NOT NULL, end_byte INTEGER NOT NULL,\n"
    "  text TEXT NOT NULL, paragraph INTEGER NOT NULL, sentence INTEGER NOT NULL, presence TEXT NOT NULL,\n"
    "  PRIMARY KEY(article, entity_ord, ord)) WITHOUT ROWID;\n"
    "CREATE TABLE titles(article INTEGER NOT NULL, entity_ord INTEGER NOT NULL, ord INTEGER NOT NULL,\n"
    "  entity INTEGER NOT NULL REFERENCES entities(id), title TEXT NOT NULL,\n"
    "  PRIMARY KEY(article, entity_ord, ord)) WITHOUT ROWID;\n"
    "CREATE TABLE roles(article INTEGER NOT NULL, entity_ord INTEGER NOT NULL, role TEXT NOT NULL,\n"
    "  entity INTEGER NOT NULL REFERENCES entities(id), PRIMARY KEY(article, entity_ord, role)) WITHOUT ROWID;\n"
    "CREATE TABLE copies(\n"
    "  id INTEGER PRIMARY KEY,\n"
    "  article INTEGER NOT NULL REFERENCES articles(id), -- the stored article of the same body\n"
    "  after INTEGER NOT NULL,          -- the last article id when it was read: its place\n"
    "  source TEXT NOT NULL, date TEXT NOT NULL, extractor TEXT NOT NULL,\n"
    "  extraction TEXT NOT NULL,        -- its own JSONL line (an HTML copy may date otherwise)\n"
    "  UNIQUE(article, source));\n"
    "CREATE VIRTUAL TABLE articles_fts USING fts5(title, body, tokenize = 'unicode61 remove_diacritics 2');\n"
    "CREATE INDEX articles_date ON articles(date);\n"
    "CREATE INDEX articles_source ON articles(source);\n"
    "CREATE INDEX articles_province_date ON articles(province, date);\n"
    "CREATE INDEX article_entities_entity ON article_entities(entity);\n"
    "CREATE INDEX mentions_entity ON mentions(entity);\n";

struct wg_store {
    sqlite3 *db;
    char *path;
    int writable, in_tx;
    int rc; /* the result of the last pragma_int that failed */
    sqlite3_stmt *q[NQ];
};

static int db_error(wg_store *s, const char *what)
{
    return wg_i_error_set(WG_EIO, "%s: %s: %s", s->path, what, sqlite3_errmsg(s->db));
}

static int exec(wg_store *s, const char *sql)
{
    char *msg = NULL;
    if (sqlite3_exec(s->db, sql, NULL, NULL, &msg) != SQLITE_OK) {
        int err = wg_i_error_set(WG_EIO, "%s: %s", s->path, msg ? msg : sqlite3_errmsg(s->db));
        sqlite3_free(msg);
        return err;
    }
    return 0;
}

/* One integer of `sql` (a PRAGMA), or -1. */
static long long pragma_int(wg_store *s, const char *sql)
{
    sqlite3_stmt *st;
    long long v = -1;
    int rc;
    /* the code is kept: sqlite3_errmsg says "not an error" once st is finalized */
    if ((rc = sqlite3_prepare_v2(s->db, sql, -1, &st, NULL)) != SQLITE_OK) {
        s->rc = rc;
        return -1;
    }
    if ((rc = sqlite3_step(st)) == SQLITE_ROW)
        v = sqlite3_column_int64(st, 0);
    else
        s->rc = rc;
    sqlite3_finalize(st);
    return v;
}

int wg_store_is_store(const char *path)
{
    char head[16];
    FILE *fp = fopen(path, "rb");
    size_t n;
    if (!fp)
        return 0;
    n = fread(head, 1, sizeof head, fp);
    fclose(fp);
    return n == sizeof head && memcmp(head, "SQLite format 3", 16) == 0;
}

static int create(wg_store *s)
{
    char sql[256];
    int err;
    if ((err = exec(s, "BEGIN IMMEDIATE")) < 0)
        return err;
    /* another writer may have created it while we waited for the lock */
    if (pragma_int(s, "PRAGMA application_id") == APP_ID)
        return exec(s, "COMMIT");
    snprintf(sql, sizeof sql,
             "PRAGMA application_id = %d; PRAGMA user_version = %d;"
             "INSERT INTO meta VALUES ('schema_version', '%d'), ('created_by', 'wardgraph %s');",
             APP_ID, WG_STORE_SCHEMA, WG_STORE_SCHEMA, WG_VERSION);
    if ((err = exec(s, schema)) < 0 || (err = exec(s, sql)) < 0 || (err = exec(s, "COMMIT")) < 0) {
        exec(s, "ROLLBACK");
        return err;
    }
    return 0;
}

/* Is the open file a store of our schema? Creates the schema in an empty
 * file opened for writing. */
static int check(wg_store *s)
{
    long long app = pragma_int(s, "PRAGMA application_id");
    long long version = pragma_int(s, "PRAGMA user_version");
    long long tables = pragma_int(s, "SELECT count(*) FROM sqlite_master");
    if (app < 0 || version < 0 || tables < 0) {
        if ((s->rc & 0xff) == SQLITE_BUSY || (s->rc & 0xff) == SQLITE_LOCKED)
            return wg_i_error_set(WG_EIO, "%s: locked by another process (another `wardgraph add`?) for longer "
                                  "than 10 s: try again when it has ended", s->path);
        return wg_i_error_set(WG_EINPUT, "%s: not a wardgraph store (%s)", s->path, sqlite3_errstr(s->rc));
    }
    if (app == 0 && tables == 0 && version == 0) {
        if (!s->writable)
            return wg_i_error_set(WG_EINPUT, "%s: an empty database, not a wardgraph store: make one with "
                                  "`wardgraph add %s INPUT...`", s->path, s->path);
        return create(s);
    }
    if (app != APP_ID)
        return wg_i_error_set(WG_EINPUT, "%s: an SQLite database of another program, not a wardgraph store; "
                              "give `add` a new file name", s->path);
    if (version != WG_STORE_SCHEMA)
        return wg_i_error_set(WG_EINPUT, "%s: a store of schema version %lld, and this wardgraph %s reads "
                              "version %d: make a new store with `wardgraph add NEW.sqlite` from the articles "
                              "(or their `extract` JSONL)%s", s->path, version, WG_VERSION, WG_STORE_SCHEMA,
                              version > WG_STORE_SCHEMA ? ", or use a newer wardgraph" : "");
    return 0;
}

int wg_store_open(wg_store **out, const char *path, int mode)
{
    wg_store *s;
    int err, flags = mode == WG_STORE_WRITE ? SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE : SQLITE_OPEN_READONLY;
    *out = NULL;
    /* a file that exists and is something else is never turned into a store */
    FILE *fp = fopen(path, "rb");
    if (fp) {
        int c = fgetc(fp);
        fclose(fp);
        if (c != EOF && !wg_store_is_store(path))
            return wg_i_error_set(WG_EINPUT, "%s: not a wardgraph store (not an SQLite database)", path);
    } else if (mode != WG_STORE_WRITE) {
        return wg_i_error_set(WG_EIO, "%s: cannot open: %s", path, strerror(errno));
    }
    if (!(s = wg_i_calloc(1, sizeof *s)) || !(s->path = wg_i_strdup(path))) {
        free(s);
        return WG_ENOMEM;
    }
    s->writable = mode == WG_STORE_WRITE;
    if (sqlite3_open_v2(path, &s->db, flags | SQLITE_OPEN_NOMUTEX, NULL) != SQLITE_OK) {
        err = wg_i_error_set(WG_EIO, "%s: cannot open: %s", path, s->db ? sqlite3_errmsg(s->db) : "out of memory");
        wg_store_close(s);
        return err;
    }
    sqlite3_busy_timeout(s->db, 10000);
    sqlite3_extended_result_codes(s->db, 1);
    if ((err = check(s)) < 0 ||
        (s->writable && (err = exec(s, "PRAGMA journal_mode = WAL; PRAGMA cache_size = -65536;")) < 0)) {
        wg_store_close(s);
        return err;
    }
    *out = s;
    return 0;
}

void wg_store_close(wg_store *s)
{
    if (!s)
        return;
    if (s->in_tx)
        wg_store_rollback(s);
    for (int i = 0; i < NQ; i++)
        sqlite3_finalize(s->q[i]);
    /* WAL while a writer runs (a kill loses only its batch); one file at
     * rest, which a reader on a read-only disk or a copy by mail can open.
     * A reader still open keeps WAL: no harm. */
    if (s->writable && s->db)
        sqlite3_exec(s->db, "PRAGMA journal_mode = DELETE", NULL, NULL, NULL);
    sqlite3_close(s->db);
    free(s->path);
    free(s);
}

int wg_store_begin(wg_store *s)
{
    int err;
    if (!s->writable)
        return wg_i_error_set(WG_EINVAL, "%s: opened read-only", s->path);
    if ((err = exec(s, "BEGIN IMMEDIATE")) < 0)
        return err;
    s->in_tx = 1;
    return 0;
}

int wg_store_commit(wg_store *s)
{
    int err = exec(s, "COMMIT");
    if (err < 0) {
        wg_store_rollback(s);
        return err;
    }
    s->in_tx = 0;
    return 0;
}

void wg_store_rollback(wg_store *s)
{
    sqlite3_exec(s->db, "ROLLBACK", NULL, NULL, NULL);
    s->in_tx = 0;
}

/* The prepared statement `q`, reset and unbound. */
static sqlite3_stmt *stmt(wg_store *s, int q)
{
    if (!s->q[q]) {
        if (sqlite3_prepare_v3(s->db, sql_of[q], -1, SQLITE_PREPARE_PERSISTENT, &s->q[q], NULL) != SQLITE_OK)
            return NULL;
    } else {
        sqlite3_reset(s->q[q]);
        sqlite3_clear_bindings(s->q[q]);
    }
    return s->q[q];
}

static int text(sqlite3_stmt *st, int i, const char *v)
{
    return v ? sqlite3_bind_text(st, i, v, -1, SQLITE_STATIC) : sqlite3_bind_null(st, i);
}

/* Steps an INSERT/UPDATE/DELETE to its end. */
static int run(wg_store *s, sqlite3_stmt *st, const char *what)
{
    return !st || sqlite3_step(st) != SQLITE_DONE ? db_error(s, what) : 0;
}

static int bind_article(sqlite3_stmt *st, const wg_article *a, const char *extractor, const char *line,
                        const unsigned char *sig)
{
    const char *d = a->date ? a->date : "";
    int year = strlen(d) >= 4 && d[0] >= '0' && d[0] <= '9' ? atoi(d) : 0;
    int rc = text(st, 1, a->source ? a->source : "");
    rc |= text(st, 2, a->hash);
    rc |= text(st, 3, a->title ? a->title : "");
    rc |= text(st, 4, d);
    rc |= year ? sqlite3_bind_int(st, 5, year) : sqlite3_bind_null(st, 5);
    rc |= text(st, 6, a->date_source ? a->date_source : "");
    rc |= text(st, 7, a->byline ? a->byline : "");
    rc |= text(st, 8, wg_article_kind_name(a->kind));
    rc |= text(st, 9, a->province);
    rc |= text(st, 10, extractor);
    rc |= sqlite3_bind_blob(st, 11, sig, 4 * WG_MINHASH, SQLITE_STATIC);
    /* the line without its newline */
    rc |= sqlite3_bind_text(st, 12, line, (int)strcspn(line, "\n"), SQLITE_STATIC);
    return rc;
}

/* The entities table's id of `e`, inserting it when new. */
static int entity_id(wg_store *s, const wg_entity *e, sqlite3_int64 *id)
{
    sqlite3_stmt *st = stmt(s, Q_ENTITY);
    int err;
    if (!st)
        return db_error(s, "entities");
    text(st, 1, e->key);
    text(st, 2, wg_entity_type_name(e->type));
    text(st, 3, e->name);
    if ((err = run(s, st, "entities")) < 0)
        return err;
    if (sqlite3_changes(s->db) == 1) {
        *id = sqlite3_last_insert_rowid(s->db);
        return 0;
    }
    if (!(st = stmt(s, Q_ENTITY_ID)))
        return db_error(s, "entities");
    text(st, 1, e->key);
    if (sqlite3_step(st) != SQLITE_ROW)
        return db_error(s, "entities");
    *id = sqlite3_column_int64(st, 0);
    return 0;
}

static const char *const role_names[] = {"chair", "attendee", "speaker"};

/* The readable rows of one article: its entities, mentions, titles, roles. */
static int put_rows(wg_store *s, sqlite3_int64 art, const wg_article *a)
{
    int err = 0;
    for (size_t i = 0; i < a->nentities && !err; i++) {
        const wg_entity *e = &a->entities[i];
        sqlite3_int64 ent = 0;
        sqlite3_stmt *st;
        if ((err = entity_id(s, e, &ent)) < 0)
            break;
        if (!(st = stmt(s, Q_ARTICLE_ENTITY)))
            return db_error(s, "article_entities");
        sqlite3_bind_int64(st, 1, art);
        sqlite3_bind_int64(st, 2, (sqlite3_int64)i);
        sqlite3_bind_int64(st, 3, ent);
        text(st, 4, e->name);
        text(st, 5, e->parent);
        text(st, 6, wg_presence_name(e->presence));
        if ((err = run(s, st, "article_entities")) < 0)
            break;
        for (size_t m = 0; m < e->nmentions && !err; m++) {
            const wg_mention *mm = &e->mentions[m];
            if (!(st = stmt(s, Q_MENTION)))
                return db_error(s, "mentions");
            sqlite3_bind_int64(st, 1, art);
            sqlite3_bind_int64(st, 2, (sqlite3_int64)i);
            sqlite3_bind_int64(st, 3, (sqlite3_int64)m);
            sqlite3_bind_int64(st, 4, ent);
            sqlite3_bind_int64(st, 5, (sqlite3_int64)mm->start);
            sqlite3_bind_int64(st, 6, (sqlite3_int64)mm->end);
            text(st, 7, mm->text ? mm->text : "");
            sqlite3_bind_int64(st, 8, (sqlite3_int64)mm->paragraph);
            sqlite3_bind_int64(st, 9, (sqlite3_int64)mm->sentence);
            text(st, 10, wg_presence_name(mm->presence));
            err = run(s, st, "mentions");
        }
        for (size_t t = 0; t < e->ntitles && !err; t++) {
            if (!(st = stmt(s, Q_TITLE)))
                return db_error(s, "titles");
            sqlite3_bind_int64(st, 1, art);
            sqlite3_bind_int64(st, 2, (sqlite3_int64)i);
            sqlite3_bind_int64(st, 3, (sqlite3_int64)t);
            sqlite3_bind_int64(st, 4, ent);
            text(st, 5, e->titles[t]);
            err = run(s, st, "titles");
        }
        for (size_t r = 0; r < WG_ARRAY_LEN(role_names) && !err; r++) {
            if (!(e->roles & (1u << r)))
                continue;
            if (!(st = stmt(s, Q_ROLE)))
                return db_error(s, "roles");
            sqlite3_bind_int64(st, 1, art);
            sqlite3_bind_int64(st, 2, (sqlite3_int64)i);
            sqlite3_bind_int64(st, 3, ent);
            text(st, 4, role_names[r]);
            err = run(s, st, "roles");
        }
    }
    return err;
}

static int delete_rows(wg_store *s, sqlite3_int64 art)
{
    static const int dels[] = {Q_DEL_AE, Q_DEL_MENTIONS, Q_DEL_TITLES, Q_DEL_ROLES};
    for (size_t k = 0; k < WG_ARRAY_LEN(dels); k++) {
        sqlite3_stmt *st = stmt(s, dels[k]);
        int err;
        if (st)
            sqlite3_bind_int64(st, 1, art);
        if ((err = run(s, st, "delete")) < 0)
            return err;
    }
    return 0;
}

/* The same body read from another file: the stored article stays, and the
 * copy is kept in its place of the input order with its own extraction, so
 * that a build lists its source with the meeting's as a build of the files
 * does (and --keep-duplicates counts it). */
static int put_copy(wg_store *s, sqlite3_int64 id, const wg_article *a, const char *extractor, int reextract,
                    wg_store_outcome *outcome)
{
    sqlite3_stmt *st = stmt(s, Q_COPY_FIND);
    char *line;
    int known = 0, stale = 0, err;
    if (!st)
        return db_error(s, "copies");
    sqlite3_bind_int64(st, 1, id);
    text(st, 2, a->source);
    switch (sqlite3_step(st)) {
    case SQLITE_ROW:
        known = 1;
        stale = strcmp((const char *)sqlite3_column_text(st, 0), extractor) != 0;
        break;
    case SQLITE_DONE: break;
    default: return db_error(s, "copies");
    }
    sqlite3_reset(st);
    if (known && (!stale || !reextract)) {
        *outcome = stale ? WG_STORE_STALE : WG_STORE_KNOWN;
        return 0;
    }
    if (!(line = wg_article_to_jsonl(a)))
        return WG_ENOMEM;
    if (!(st = stmt(s, known ? Q_COPY_UPDATE : Q_COPY))) {
        free(line);
        return db_error(s, "copies");
    }
    sqlite3_bind_int64(st, 1, id);
    text(st, 2, a->source);
    text(st, 3, extractor);
    sqlite3_bind_text(st, 4, line, (int)strcspn(line, "\n"), SQLITE_STATIC);
    text(st, 5, a->date ? a->date : "");
    err = run(s, st, "copies");
    sqlite3_reset(st);
    free(line);
    *outcome = known ? WG_STORE_REPLACED : WG_STORE_COPY;
    return err;
}

int wg_store_put(wg_store *s, const wg_article *a, const char *body, size_t len, const char *extractor,
                 int reextract, wg_store_outcome *outcome)
{
    sqlite3_stmt *st;
    sqlite3_int64 id = 0;
    unsigned char sig[4 * WG_MINHASH];
    char *line = NULL;
    int err, found = 0, replace = 0, copy = 0, edited = 0;

    if (!s->in_tx)
        return wg_i_error_set(WG_EINVAL, "%s: wg_store_put outside wg_store_begin/commit", s->path);
    /* every article without one would be taken for the first one's copy */
    if (!a->hash[0])
        return wg_i_error_set(WG_EINVAL, "%s: no content hash (an `extract` JSONL line without \"hash\"): "
                              "give `add` the articles, or the JSONL as `wardgraph extract` writes it",
                              a->source ? a->source : "an article");
    if (!(st = stmt(s, Q_FIND)))
        return db_error(s, "articles");
    text(st, 1, a->hash);
    switch (sqlite3_step(st)) {
    case SQLITE_ROW:
        found = 1;
        id = sqlite3_column_int64(st, 0);
        replace = strcmp((const char *)sqlite3_column_text(st, 1), extractor) != 0;
        copy = strcmp((const char *)sqlite3_column_text(st, 2), a->source ? a->source : "") != 0;
        break;
    case SQLITE_DONE:
        break;
    default:
        return db_error(s, "articles");
    }
    sqlite3_reset(st);
    if (copy)
        return put_copy(s, id, a, extractor, reextract, outcome);
    if (found && (!replace || !reextract)) {
        *outcome = replace ? WG_STORE_STALE : WG_STORE_KNOWN;
        return 0;
    }
    /* a new body under a name the store knows (a page corrected, a file
     * rewritten): it takes the old one's place, as the files now read */
    if (!found && a->source && *a->source && strcmp(a->source, "-") != 0) {
        if (!(st = stmt(s, Q_DEL_COPY_SOURCE)))
            return db_error(s, "copies");
        text(st, 1, a->source);
        if ((err = run(s, st, "copies")) < 0)
            return err;
        if (!(st = stmt(s, Q_FIND_SOURCE)))
            return db_error(s, "articles");
        text(st, 1, a->source);
        if ((err = sqlite3_step(st)) == SQLITE_ROW) {
            found = edited = 1;
            id = sqlite3_column_int64(st, 0);
        } else if (err != SQLITE_DONE) {
            return db_error(s, "articles");
        }
        sqlite3_reset(st);
    }
    for (size_t k = 0; k < WG_MINHASH; k++) /* big-endian: the hex of the JSONL */
        for (int b = 0; b < 4; b++)
            sig[4 * k + (size_t)b] = (unsigned char)(a->minhash[k] >> (24 - 8 * b));
    if (!(line = wg_article_to_jsonl(a)))
        return WG_ENOMEM;
    if (!(st = stmt(s, found ? Q_UPDATE : Q_ARTICLE)) || bind_article(st, a, extractor, line, sig) != SQLITE_OK ||
        (found && sqlite3_bind_int64(st, 13, id) != SQLITE_OK)) {
        free(line);
        return db_error(s, "articles");
    }
    err = run(s, st, "articles");
    sqlite3_reset(st); /* the statement held `line` */
    free(line);
    if (err < 0)
        return err;
    if (found) {
        if ((err = delete_rows(s, id)) < 0)
            return err;
    } else {
        id = sqlite3_last_insert_rowid(s->db);
    }
    if (!(st = stmt(s, found ? Q_FTS_UPDATE : Q_FTS)))
        return db_error(s, "articles_fts");
    sqlite3_bind_int64(st, 1, id);
    text(st, 2, a->title ? a->title : "");
    if (body)
        sqlite3_bind_text(st, 3, body, (int)len, SQLITE_STATIC);
    else if (!found || edited) /* re-extracted from JSONL without text: the same body, kept */
        sqlite3_bind_text(st, 3, "", 0, SQLITE_STATIC);
    if ((err = run(s, st, "articles_fts")) < 0 || (err = put_rows(s, id, a)) < 0)
        return err;
    *outcome = edited ? WG_STORE_UPDATED : found ? WG_STORE_REPLACED : WG_STORE_ADDED;
    return 0;
}

int wg_store_count(wg_store *s, size_t *n)
{
    long long v = pragma_int(s, "SELECT count(*) FROM articles");
    if (v < 0)
        return db_error(s, "articles");
    *n = (size_t)v;
    return 0;
}

/* Parses one stored line and hands it to fn if the filter keeps it. */
static int emit(wg_store *s, const char *table, sqlite3_stmt *st, const wg_article_filter *f,
                int (*fn)(void *ctx, const wg_article *a), void *ctx, wg_filter_counts *counts)
{
    wg_article *a = NULL;
    const char *line = (const char *)sqlite3_column_text(st, 1);
    size_t n = (size_t)sqlite3_column_bytes(st, 1);
    int err = 0;
    if (wg_article_from_jsonl(&a, line ? line : "", n, NULL) < 0)
        return wg_i_error_set(WG_EPARSE, "%s: %s %lld: %s", s->path, table, (long long)sqlite3_column_int64(st, 0),
                              wg_error_last());
    switch (wg_article_filter_match(f, a)) {
    case WG_FILTER_IN:
        counts->in++;
        err = fn(ctx, a) < 0 ? -1 : 0;
        break;
    case WG_FILTER_OUTSIDE: counts->outside++; break;
    case WG_FILTER_UNDATED: counts->undated++; break;
    case WG_FILTER_OTHER_PROVINCE: counts->other_province++; break;
    }
    wg_article_free(a);
    return err;
}

/* A stored date is in some window: a full date, not "--MM-DD" (as wg_article_filter_match) */
#define DATED "(length(date) = 10 AND substr(date, 1, 1) BETWEEN '0' AND '9')"

/* The rows a window leaves out are only counted, never parsed: a build
 * per period reads only its period's articles (through articles(date)). */
static int count_left_out(wg_store *s, const char *lo, const char *hi, wg_filter_counts *counts)
{
    static const char sql[] =
        "SELECT sum(NOT " DATED "), sum(" DATED " AND (date < ?1 OR date > ?2)) FROM"
        " (SELECT date FROM articles UNION ALL SELECT date FROM copies)";
    sqlite3_stmt *st;
    if (sqlite3_prepare_v2(s->db, sql, -1, &st, NULL) != SQLITE_OK)
        return db_error(s, "articles");
    text(st, 1, lo);
    text(st, 2, hi);
    if (sqlite3_step(st) != SQLITE_ROW) {
        sqlite3_finalize(st);
        return db_error(s, "articles");
    }
    counts->undated = (size_t)sqlite3_column_int64(st, 0);
    counts->outside = (size_t)sqlite3_column_int64(st, 1);
    sqlite3_finalize(st);
    return 0;
}

int wg_store_each(wg_store *s, const wg_article_filter *f, int (*fn)(void *ctx, const wg_article *a), void *ctx,
                  wg_filter_counts *counts)
{
    static const char *const sql[2][2] = {
        {"SELECT id, extraction FROM articles ORDER BY id",
         "SELECT id, extraction, after FROM copies ORDER BY after, id"},
        {"SELECT id, extraction FROM articles WHERE " DATED " AND date BETWEEN ?1 AND ?2 ORDER BY id",
         "SELECT id, extraction, after FROM copies WHERE " DATED " AND date BETWEEN ?1 AND ?2 ORDER BY after, id"}};
    sqlite3_stmt *art = NULL, *cp = NULL;
    int window = f && (f->since || f->until), rc = SQLITE_DONE, crc = SQLITE_DONE, err = 0;
    char lo[11], hi[11];
    memset(counts, 0, sizeof *counts);
    if ((err = wg_article_filter_check(f)) < 0)
        return err;
    wg_i_filter_bounds(f, lo, hi);
    if (window && (err = count_left_out(s, lo, hi, counts)) < 0)
        return err;
    /* the articles and their copies, merged in the order they were read */
    if (sqlite3_prepare_v2(s->db, sql[window][0], -1, &art, NULL) != SQLITE_OK ||
        sqlite3_prepare_v2(s->db, sql[window][1], -1, &cp, NULL) != SQLITE_OK) {
        sqlite3_finalize(art);
        return db_error(s, "articles");
    }
    if (window) {
        text(art, 1, lo);
        text(art, 2, hi);
        text(cp, 1, lo);
        text(cp, 2, hi);
    }
    crc = sqlite3_step(cp);
    while (!err && (rc = sqlite3_step(art)) == SQLITE_ROW) {
        sqlite3_int64 id = sqlite3_column_int64(art, 0);
        err = emit(s, "article", art, f, fn, ctx, counts);
        for (; !err && crc == SQLITE_ROW && sqlite3_column_int64(cp, 2) <= id; crc = sqlite3_step(cp))
            err = emit(s, "copy", cp, f, fn, ctx, counts);
    }
    /* copies read after the last article the window keeps */
    for (; !err && rc == SQLITE_DONE && crc == SQLITE_ROW; crc = sqlite3_step(cp))
        err = emit(s, "copy", cp, f, fn, ctx, counts);
    if (!err && (rc != SQLITE_DONE || (crc != SQLITE_DONE && crc != SQLITE_ROW)))
        err = db_error(s, "articles");
    sqlite3_finalize(art);
    sqlite3_finalize(cp);
    return err;
}

int wg_store_dates(wg_store *s, char first[11], char last[11])
{
    static const char sql[] = "SELECT min(date), max(date) FROM"
                              " (SELECT date FROM articles UNION ALL SELECT date FROM copies) WHERE " DATED;
    sqlite3_stmt *st;
    int found = 0;
    if (sqlite3_prepare_v2(s->db, sql, -1, &st, NULL) != SQLITE_OK)
        return db_error(s, "articles");
    if (sqlite3_step(st) == SQLITE_ROW && sqlite3_column_type(st, 0) == SQLITE_TEXT) {
        snprintf(first, 11, "%s", (const char *)sqlite3_column_text(st, 0));
        snprintf(last, 11, "%s", (const char *)sqlite3_column_text(st, 1));
        found = 1;
    }
    sqlite3_finalize(st);
    return found;
}

int wg_store_months(wg_store *s, int (*fn)(void *ctx, const char *month), void *ctx)
{
    static const char sql[] = "SELECT DISTINCT substr(date, 1, 7) FROM"
                              " (SELECT date FROM articles UNION ALL SELECT date FROM copies) WHERE " DATED
                              " ORDER BY 1";
    sqlite3_stmt *st;
    int rc, err = 0;
    if (sqlite3_prepare_v2(s->db, sql, -1, &st, NULL) != SQLITE_OK)
        return db_error(s, "articles");
    while (!err && (rc = sqlite3_step(st)) == SQLITE_ROW)
        err = fn(ctx, (const char *)sqlite3_column_text(st, 0)) < 0 ? -1 : 0;
    if (!err && rc != SQLITE_DONE)
        err = db_error(s, "articles");
    sqlite3_finalize(st);
    return err;
}
