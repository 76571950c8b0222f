-- Keys on query text by a digest of it (issue 20). A query may be 1000 characters of up to 4 bytes each (and an
-- imported judgment's query 4096 characters), more than a b-tree entry of PostgreSQL holds (2704 bytes). Every key
-- and index whose columns included a query text now holds a digest column instead: the MD5 of the text's UTF-8
-- bytes as 32 lower-case hex digits, computed by the database (a generated column), so no writer can get it
-- wrong. The PostgreSQL set computes the same value (md5(text) of its UTF8 database); the store binds it, computed
-- the same way (QueryKey), next to the text in every lookup, so reads use the index and compare the text too.
-- A digest key stands for its text: two texts with one MD5 would share a key (never met by chance; a deliberate
-- pair of such texts could at most merge two queries' rows).
-- H2 has no size limit on index entries, but takes the same schema, so both databases run the same statements.
-- H2 already orders text by code point (its default, no collation), which the PostgreSQL set has to declare.

ALTER TABLE searches ADD COLUMN normalized_query_key VARCHAR(32) NOT NULL
    GENERATED ALWAYS AS (RAWTOHEX(HASH('MD5', normalized_query)));
DROP INDEX searches_by_query;
CREATE INDEX searches_by_query ON searches (normalized_query_key);

ALTER TABLE judgments ADD COLUMN query_key VARCHAR(32) NOT NULL GENERATED ALWAYS AS (RAWTOHEX(HASH('MD5', query)));
DROP INDEX judgments_by_query;
ALTER TABLE judgments DROP PRIMARY KEY;
ALTER TABLE judgments ADD PRIMARY KEY (source, query_key, item_id);
CREATE INDEX judgments_by_query ON judgments (query_key, item_id);

ALTER TABLE q2e ADD COLUMN normalized_query_key VARCHAR(32) NOT NULL
    GENERATED ALWAYS AS (RAWTOHEX(HASH('MD5', normalized_query)));
ALTER TABLE q2e DROP PRIMARY KEY;
ALTER TABLE q2e ADD PRIMARY KEY (normalized_query_key, item_id);

-- H2 named V6's UNIQUE (set_id, query) itself, so it cannot be dropped by name: the table is rebuilt with the key.
CREATE TABLE query_set_queries_keyed (
    set_id     BIGINT        NOT NULL REFERENCES query_sets (set_id) ON DELETE CASCADE,
    position   INT           NOT NULL CHECK (position >= 1),
    query      VARCHAR(4096) NOT NULL,
    query_key  VARCHAR(32)   NOT NULL GENERATED ALWAYS AS (RAWTOHEX(HASH('MD5', query))),
    PRIMARY KEY (set_id, position),
    UNIQUE (set_id, query_key)
);
INSERT INTO query_set_queries_keyed (set_id, position, query) SELECT set_id, position, query FROM query_set_queries;
DROP TABLE query_set_queries;
ALTER TABLE query_set_queries_keyed RENAME TO query_set_queries;

-- No statement reads reformulations by from_query (the rewrite chain reads them whole, success is marked by
-- to_search_id): the index only cost writes, and on PostgreSQL it refused long queries.
DROP INDEX reformulations_by_from_query;
