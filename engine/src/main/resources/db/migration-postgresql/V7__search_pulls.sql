-- PostgreSQL translation of db/migration/V7__search_pulls.sql (the H2 set): same version, description, tables, columns,
-- keys and indexes. Differences: TIMESTAMP(6) for TIMESTAMP(9); nextval('event_seq') for
-- NEXT VALUE FOR event_seq and CURRENT_TIMESTAMP for CURRENT_TIMESTAMP(9) in the back-fill (PostgreSQL evaluates
-- a volatile select-list function after ORDER BY, so the close ids follow search_id as in H2).

-- Reward accounting (ADR 0009): a search is one pull of the bandit, made once, when the search closes (at the
-- next search of the same user, or at any later search once it is older than the timeout). The close takes its
-- id from event_seq, so closes, clicks and ratings share one commit order (a policy snapshot's seen_event_id
-- covers them all). counted is false when the close made no pull: a search only annotators rated while their
-- ratings do not train the live policy, or a search logged before this migration (its feedback was learned
-- event by event then; reason 'migrated').
CREATE TABLE search_closes (
    search_id  BIGINT      NOT NULL PRIMARY KEY REFERENCES searches (search_id),
    close_id   BIGINT      NOT NULL UNIQUE,
    closed_at  TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    reason     VARCHAR(16) NOT NULL CHECK (reason IN ('next_search', 'timeout', 'migrated')),
    counted    BOOLEAN     NOT NULL,
    CHECK (reason <> 'migrated' OR NOT counted)
);
CREATE INDEX search_closes_by_close ON search_closes (close_id);

-- The pull of a counted close: every chosen arm's reward, the best signal of the search for it (click 1,
-- rating grade/3 when ratings train), 0 when nothing it held got one.
CREATE TABLE search_pulls (
    search_id  BIGINT       NOT NULL REFERENCES search_closes (search_id),
    arm_id     VARCHAR(128) NOT NULL,
    reward     DOUBLE PRECISION NOT NULL CHECK (reward BETWEEN 0 AND 1),
    PRIMARY KEY (search_id, arm_id)
);

-- The searches not closed yet: a handful (every search closes its user's and the stale ones), so closing reads
-- this small table instead of the whole log. A row is written with its search and deleted by its close.
CREATE TABLE open_searches (
    search_id   BIGINT       NOT NULL PRIMARY KEY REFERENCES searches (search_id),
    user_id     VARCHAR(256) NOT NULL,
    created_at  TIMESTAMP(6) WITH TIME ZONE NOT NULL
);
CREATE INDEX open_searches_by_user ON open_searches (user_id);

INSERT INTO search_closes (search_id, close_id, closed_at, reason, counted)
SELECT search_id, nextval('event_seq'), CURRENT_TIMESTAMP, 'migrated', FALSE FROM searches ORDER BY search_id;
