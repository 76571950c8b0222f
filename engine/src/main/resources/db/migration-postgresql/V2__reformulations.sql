-- PostgreSQL translation of db/migration/V2__reformulations.sql (the H2 set): same version, description, tables, columns,
-- keys and indexes. Differences: TIMESTAMP(6) for TIMESTAMP(9).

-- Self-learning from implicit feedback (issue 7).
--
-- reformulations: one row per detected reformulation, a search without a click followed, in the same session
-- and within the detector's time window, by a related search. to_succeeded turns true when the later search
-- gets a click (it may arrive after the row was written). The rewrite chain aggregates these rows by
-- (from_query, to_query, to_succeeded), so the normalized texts are real columns.
CREATE TABLE reformulations (
    reformulation_id  BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    session_id        VARCHAR(64)   NOT NULL,
    user_id           VARCHAR(256)  NOT NULL,
    from_search_id    BIGINT        NOT NULL REFERENCES searches (search_id),
    to_search_id      BIGINT        NOT NULL REFERENCES searches (search_id),
    from_query        VARCHAR(4096) NOT NULL,
    to_query          VARCHAR(4096) NOT NULL,
    relation          VARCHAR(32)   NOT NULL,
    gap_millis        BIGINT        NOT NULL CHECK (gap_millis >= 0),
    to_succeeded      BOOLEAN       NOT NULL,
    created_at        TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    UNIQUE (from_search_id, to_search_id)
);
CREATE INDEX reformulations_by_to_search ON reformulations (to_search_id);
CREATE INDEX reformulations_by_from_query ON reformulations (from_query);

-- Stated preferences ("I like jazz", "less ambient"): a weight in [-1, 1] per user and style (or genre),
-- keyed by the style's display name as the catalog spells it.
CREATE TABLE user_profiles (
    user_id     VARCHAR(256) NOT NULL,
    style       VARCHAR(256) NOT NULL,
    weight      DOUBLE PRECISION NOT NULL CHECK (weight BETWEEN -1 AND 1),
    updated_at  TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    PRIMARY KEY (user_id, style)
);
