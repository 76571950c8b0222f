-- PostgreSQL translation of db/migration/V3__ranker_features.sql (the H2 set): same version, description, tables, columns,
-- keys and indexes. Differences: TIMESTAMP(6) for TIMESTAMP(9).

-- Ranker features logged with every impression (as Solr LTR's feature logger does): the names of a
-- feature set are stored once, the values once per (search, shown item), in the feature set's order.
-- Values are a JSON array of doubles: rows are read whole (for training and export), never aggregated in SQL.

CREATE TABLE feature_sets (
    feature_set    VARCHAR(64)    NOT NULL PRIMARY KEY,
    feature_names  VARCHAR(65536) NOT NULL,
    created_at     TIMESTAMP(6) WITH TIME ZONE NOT NULL
);

CREATE TABLE item_features (
    search_id       BIGINT        NOT NULL,
    item_id         VARCHAR(512)  NOT NULL,
    feature_set     VARCHAR(64)   NOT NULL REFERENCES feature_sets (feature_set),
    feature_values  VARCHAR(65536) NOT NULL,
    PRIMARY KEY (search_id, item_id),
    FOREIGN KEY (search_id, item_id) REFERENCES shown_items (search_id, item_id)
);
