-- PostgreSQL translation of db/migration/V8__query_text_keys.sql (the H2 set): same version, description, tables,
-- columns, keys and indexes. Differences: md5(text) for H2's RAWTOHEX(HASH('MD5', text)) (the same 32 hex digits
-- in a UTF8 database, which is therefore required), STORED generated columns, constraints dropped by PostgreSQL's
-- names (H2 rebuilds query_set_queries instead), and the text columns the store orders by compare by code point
-- (COLLATE "C"), as H2 compares all text, whatever the database's default collation.

-- Keys on query text by a digest of it (issue 20). A query may be 1000 characters of up to 4 bytes each (and an
-- imported judgment's query 4096 characters), more than a b-tree entry of PostgreSQL holds (2704 bytes): the insert
-- failed with "index row size exceeds btree maximum". Every key and index whose columns included a query text now
-- holds a digest column instead: the MD5 of the text's UTF-8 bytes as 32 lower-case hex digits, computed by the
-- database (a generated column), so no writer can get it wrong. The store binds it, computed the same way
-- (QueryKey), next to the text in every lookup, so reads use the index and compare the text too. A digest key
-- stands for its text: two texts with one MD5 would share a key (never met by chance; a deliberate pair of such
-- texts could at most merge two queries' rows).

-- md5(text) digests the database's encoding of the text; the store's keys are digests of UTF-8.
DO $$
BEGIN
    IF current_setting('server_encoding') <> 'UTF8' THEN
        RAISE EXCEPTION 'the feedback store needs a UTF8 database (this one is %): create it with ENCODING ''UTF8''',
            current_setting('server_encoding');
    END IF;
END
$$;

-- Text the store orders by (ORDER BY in its statements: judgments by source, query and item; Q2E ties by item;
-- query sets by name; reformulations by their queries; profiles by style; sessions and provenance ties by id)
-- compares by code point, as in H2, so lists, exports, ties cut by a limit and seeded samples are the same on
-- both databases whatever the database's default collation (an en_US database would order a < B < é < Z). The
-- collation changes before the digest columns are added: PostgreSQL cannot retype a column a generated column uses.
-- searches.query_text keeps the default collation: the log filter lower-cases it, which "C" does for ASCII only;
-- the one statement ordering by it (the logged-query counts) says COLLATE "C" itself.
ALTER TABLE judgments DROP CONSTRAINT judgments_pkey;
DROP INDEX judgments_by_query;
ALTER TABLE judgments
    ALTER COLUMN query TYPE VARCHAR(4096) COLLATE "C",
    ALTER COLUMN item_id TYPE VARCHAR(512) COLLATE "C",
    ALTER COLUMN source TYPE VARCHAR(256) COLLATE "C";
ALTER TABLE q2e DROP CONSTRAINT q2e_pkey;
ALTER TABLE q2e ALTER COLUMN item_id TYPE VARCHAR(512) COLLATE "C";
ALTER TABLE query_sets ALTER COLUMN name TYPE VARCHAR(256) COLLATE "C";
DROP INDEX reformulations_by_from_query;
ALTER TABLE reformulations
    ALTER COLUMN from_query TYPE VARCHAR(4096) COLLATE "C",
    ALTER COLUMN to_query TYPE VARCHAR(4096) COLLATE "C";
ALTER TABLE user_profiles ALTER COLUMN style TYPE VARCHAR(256) COLLATE "C";
ALTER TABLE sessions ALTER COLUMN session_id TYPE VARCHAR(64) COLLATE "C";
ALTER TABLE item_provenance ALTER COLUMN arm_id TYPE VARCHAR(128) COLLATE "C";

ALTER TABLE searches ADD COLUMN normalized_query_key VARCHAR(32) NOT NULL
    GENERATED ALWAYS AS (md5(normalized_query)) STORED;
DROP INDEX searches_by_query;
CREATE INDEX searches_by_query ON searches (normalized_query_key);

ALTER TABLE judgments ADD COLUMN query_key VARCHAR(32) NOT NULL GENERATED ALWAYS AS (md5(query)) STORED;
ALTER TABLE judgments ADD PRIMARY KEY (source, query_key, item_id);
CREATE INDEX judgments_by_query ON judgments (query_key, item_id);

ALTER TABLE q2e ADD COLUMN normalized_query_key VARCHAR(32) NOT NULL
    GENERATED ALWAYS AS (md5(normalized_query)) STORED;
ALTER TABLE q2e ADD PRIMARY KEY (normalized_query_key, item_id);

ALTER TABLE query_set_queries ADD COLUMN query_key VARCHAR(32) NOT NULL GENERATED ALWAYS AS (md5(query)) STORED;
ALTER TABLE query_set_queries DROP CONSTRAINT query_set_queries_set_id_query_key;
ALTER TABLE query_set_queries ADD UNIQUE (set_id, query_key);

-- reformulations_by_from_query is dropped above: no statement reads reformulations by from_query (the rewrite
-- chain reads them whole, success is marked by to_search_id); the index only cost writes.
