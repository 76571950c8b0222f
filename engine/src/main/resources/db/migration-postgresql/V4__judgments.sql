-- PostgreSQL translation of db/migration/V4__judgments.sql (the H2 set): same version, description, tables, columns,
-- keys and indexes. No differences.

-- Relevance judgments imported from outside (TREC qrels, Quepid-style CSV), for evaluation and ranker training.
-- query is the normalized query text (the key ratings and Q2E use); source names the file or tool they came
-- from, so re-importing one source replaces its rows without touching another's.
CREATE TABLE judgments (
    query       VARCHAR(4096) NOT NULL,
    item_id     VARCHAR(512)  NOT NULL,
    grade       INT           NOT NULL,
    source      VARCHAR(256)  NOT NULL,
    PRIMARY KEY (source, query, item_id)
);
CREATE INDEX judgments_by_query ON judgments (query, item_id);
