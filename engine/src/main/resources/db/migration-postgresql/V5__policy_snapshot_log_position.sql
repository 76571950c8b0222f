-- PostgreSQL translation of db/migration/V5__policy_snapshot_log_position.sql (the H2 set): same version, description, tables, columns,
-- keys and indexes. No differences.

-- Where the log stood when a policy snapshot was saved: the newest search and the newest feedback event
-- (click or rating, one sequence) committed at that moment. A process that dies after committing an event but
-- before saving the policy leaves a snapshot older than the log; these two columns say which searches and
-- which feedback the snapshot has not seen, so the policy can catch up from the log on the next start.
-- NULL for snapshots saved before this migration: their position is unknown and they are used as they are.
ALTER TABLE policy_snapshots ADD COLUMN seen_search_id BIGINT;
ALTER TABLE policy_snapshots ADD COLUMN seen_event_id BIGINT;
