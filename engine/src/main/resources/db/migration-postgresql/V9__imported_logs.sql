-- PostgreSQL translation of db/migration/V9__imported_logs.sql (the H2 set): same version, description, tables,
-- columns, keys and indexes. Differences: TIMESTAMP(6) for TIMESTAMP(9), and the source names compare by code point
-- (COLLATE "C", as in V8), as H2 compares all text: imported logs are listed by source.

-- Logs imported from outside (issue 21): a UBI (User Behavior Insights 1.x) log of queries and events, as
-- OpenSearch's UBI plugin writes them, kept under a source name (by default the file's name) so click models can be
-- fitted on it next to the workbench's own log. One row per source in imported_logs; its queries, their shown
-- hits and its events hang below it and go with it (ON DELETE CASCADE): re-importing a source replaces it whole.
-- query_seq and event_seq are the records' order in their files (1 = the first record imported).
-- No key or index holds a query text (user_query may be 4096 characters, more than a PostgreSQL b-tree entry
-- holds): rows are found by source and sequence, and queries by their id, which is at most 256 characters.
-- The attributes are the records' query_attributes / event_attributes objects as compact JSON, read whole.
CREATE TABLE imported_logs (
    source       VARCHAR(256) COLLATE "C" NOT NULL PRIMARY KEY,
    format       VARCHAR(16)  NOT NULL CHECK (format IN ('ubi')),
    imported_at  TIMESTAMP(6) WITH TIME ZONE NOT NULL
);

CREATE TABLE imported_ubi_queries (
    source             VARCHAR(256) COLLATE "C" NOT NULL REFERENCES imported_logs (source) ON DELETE CASCADE,
    query_seq          INT            NOT NULL CHECK (query_seq >= 1),
    query_id           VARCHAR(256)   NOT NULL,
    user_query         VARCHAR(4096)  NOT NULL,
    client_id          VARCHAR(256),
    queried_at         TIMESTAMP(6) WITH TIME ZONE,
    query_response_id  VARCHAR(256),
    attributes_json    VARCHAR(65536),
    PRIMARY KEY (source, query_seq),
    UNIQUE (source, query_id)
);

-- query_response_hit_ids: the ids shown for a query, in the order shown (position 1 first).
CREATE TABLE imported_ubi_hits (
    source     VARCHAR(256) COLLATE "C" NOT NULL,
    query_seq  INT          NOT NULL,
    position   INT          NOT NULL CHECK (position >= 1),
    item_id    VARCHAR(512) NOT NULL,
    PRIMARY KEY (source, query_seq, position),
    FOREIGN KEY (source, query_seq) REFERENCES imported_ubi_queries (source, query_seq) ON DELETE CASCADE
);

-- position is the event's 1-based position.ordinal (null when the event has none).
CREATE TABLE imported_ubi_events (
    source           VARCHAR(256) COLLATE "C" NOT NULL REFERENCES imported_logs (source) ON DELETE CASCADE,
    event_seq        INT            NOT NULL CHECK (event_seq >= 1),
    action_name      VARCHAR(256)   NOT NULL,
    query_id         VARCHAR(256),
    client_id        VARCHAR(256),
    occurred_at      TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    object_id        VARCHAR(512),
    object_id_field  VARCHAR(256),
    position         INT            CHECK (position >= 1),
    attributes_json  VARCHAR(65536),
    PRIMARY KEY (source, event_seq)
);
