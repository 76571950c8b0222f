-- PostgreSQL translation of db/migration/V1__feedback_log.sql (the H2 set): same version, description, tables, columns,
-- keys and indexes. Differences: TIMESTAMP(6) for H2's TIMESTAMP(9) (PostgreSQL keeps microseconds at most, and
-- rounds finer values: the store must truncate an Instant to microseconds before it binds it), TEXT for CLOB.

-- The feedback store: one row per search (round of the bandit) with everything needed to replay the
-- bandit's learning and to evaluate other policies off-line (propensities of every offered arm).
-- Times are TIMESTAMP(6) WITH TIME ZONE, PostgreSQL's finest: an Instant truncated to microseconds reads back
-- unchanged. JSON columns hold small documents the application reads whole; anything SQL should aggregate over is a real column.

CREATE SEQUENCE search_seq START WITH 1;
-- Clicks and ratings share one sequence so event ids give the commit order of all feedback.
CREATE SEQUENCE event_seq START WITH 1;
CREATE SEQUENCE session_seq START WITH 1;

CREATE TABLE sessions (
    session_id  VARCHAR(64)  NOT NULL PRIMARY KEY,
    user_id     VARCHAR(256) NOT NULL,
    started_at  TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    last_at     TIMESTAMP(6) WITH TIME ZONE NOT NULL
);
CREATE INDEX sessions_by_user ON sessions (user_id, last_at);

-- search_id is the number n of the id "s-n" shown to users.
CREATE TABLE searches (
    search_id         BIGINT        NOT NULL PRIMARY KEY,
    created_at        TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    session_id        VARCHAR(64)   NOT NULL,
    user_id           VARCHAR(256)  NOT NULL,
    query_text        VARCHAR(4096) NOT NULL,
    normalized_query  VARCHAR(4096) NOT NULL,
    context_json      VARCHAR(65536) NOT NULL,
    feature_names     VARCHAR(65536) NOT NULL,
    feature_values    VARCHAR(65536) NOT NULL,
    policy_id         VARCHAR(128)  NOT NULL,
    policy_round      BIGINT        NOT NULL
);
CREATE INDEX searches_by_time ON searches (created_at);
CREATE INDEX searches_by_session ON searches (session_id, created_at);
CREATE INDEX searches_by_query ON searches (normalized_query);

-- Every arm the policy was offered in a search: chosen ones carry k and their rank in S.
CREATE TABLE search_arms (
    search_id    BIGINT       NOT NULL REFERENCES searches (search_id),
    arm_id       VARCHAR(128) NOT NULL,
    arm_order    INT          NOT NULL,
    chosen       BOOLEAN      NOT NULL,
    chosen_rank  INT,
    k            INT,
    propensity   DOUBLE PRECISION CHECK (propensity BETWEEN 0 AND 1),
    mean         DOUBLE PRECISION,
    uncertainty  DOUBLE PRECISION,
    score        DOUBLE PRECISION,
    pulls        BIGINT,
    PRIMARY KEY (search_id, arm_id),
    CHECK (chosen = (k IS NOT NULL)),
    CHECK (chosen = (chosen_rank IS NOT NULL))
);

CREATE TABLE shown_items (
    search_id  BIGINT       NOT NULL REFERENCES searches (search_id),
    position   INT          NOT NULL CHECK (position >= 1),
    item_id    VARCHAR(512) NOT NULL,
    score      DOUBLE PRECISION NOT NULL,
    PRIMARY KEY (search_id, position),
    UNIQUE (search_id, item_id)
);

-- Which chosen arms held a shown item (and where): the basis of every arm reward.
CREATE TABLE item_provenance (
    search_id  BIGINT       NOT NULL,
    item_id    VARCHAR(512) NOT NULL,
    arm_id     VARCHAR(128) NOT NULL,
    arm_rank   INT          NOT NULL CHECK (arm_rank >= 1),
    arm_score  DOUBLE PRECISION NOT NULL,
    PRIMARY KEY (search_id, item_id, arm_id),
    FOREIGN KEY (search_id, item_id) REFERENCES shown_items (search_id, item_id)
);

CREATE TABLE clicks (
    click_id    BIGINT       NOT NULL PRIMARY KEY,
    search_id   BIGINT       NOT NULL REFERENCES searches (search_id),
    item_id     VARCHAR(512) NOT NULL,
    position    INT          NOT NULL,
    created_at  TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    FOREIGN KEY (search_id, item_id) REFERENCES shown_items (search_id, item_id)
);
CREATE INDEX clicks_by_search ON clicks (search_id);
CREATE INDEX clicks_by_time ON clicks (created_at);

CREATE TABLE ratings (
    rating_id   BIGINT       NOT NULL PRIMARY KEY,
    search_id   BIGINT       NOT NULL REFERENCES searches (search_id),
    item_id     VARCHAR(512) NOT NULL,
    grade       SMALLINT CHECK (grade BETWEEN 0 AND 3),
    cant_tell   BOOLEAN      NOT NULL,
    annotator   VARCHAR(256) NOT NULL,
    created_at  TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    CHECK (cant_tell = (grade IS NULL)),
    FOREIGN KEY (search_id, item_id) REFERENCES shown_items (search_id, item_id)
);
CREATE INDEX ratings_by_search ON ratings (search_id);
CREATE INDEX ratings_by_time ON ratings (created_at);

-- One row per arm of S per feedback event; event_id is a click_id or rating_id (same sequence).
CREATE TABLE arm_rewards (
    reward_id  BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    search_id  BIGINT       NOT NULL REFERENCES searches (search_id),
    arm_id     VARCHAR(128) NOT NULL,
    reward     DOUBLE PRECISION NOT NULL CHECK (reward BETWEEN 0 AND 1),
    source     VARCHAR(8)   NOT NULL CHECK (source IN ('click', 'rating')),
    event_id   BIGINT       NOT NULL,
    UNIQUE (event_id, arm_id)
);
CREATE INDEX arm_rewards_by_search ON arm_rewards (search_id);

-- Q2E memory: predicted score from catalog metadata, replaced by observed evidence as it grows.
CREATE TABLE q2e (
    normalized_query  VARCHAR(4096) NOT NULL,
    item_id           VARCHAR(512)  NOT NULL,
    predicted         DOUBLE PRECISION NOT NULL CHECK (predicted BETWEEN 0 AND 1),
    impressions       BIGINT NOT NULL CHECK (impressions >= 0),
    clicks            BIGINT NOT NULL CHECK (clicks >= 0),
    updated_at        TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    PRIMARY KEY (normalized_query, item_id)
);

CREATE TABLE policy_snapshots (
    snapshot_id   BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    policy_id     VARCHAR(128) NOT NULL,
    policy_round  BIGINT NOT NULL,
    snapshot      TEXT   NOT NULL,
    created_at    TIMESTAMP(6) WITH TIME ZONE NOT NULL
);
CREATE INDEX policy_snapshots_by_policy ON policy_snapshots (policy_id, snapshot_id);

CREATE TABLE ranker_state (
    ranker_id   VARCHAR(128) NOT NULL,
    version     BIGINT NOT NULL,
    model       TEXT   NOT NULL,
    created_at  TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    PRIMARY KEY (ranker_id, version)
);
