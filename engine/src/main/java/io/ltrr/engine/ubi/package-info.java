/**
 * User Behavior Insights (UBI 1.x, the o19s schemas OpenSearch's UBI plugin writes): reading query and event files
 * (NDJSON or a JSON array) into the store's {@link io.ltrr.engine.store.UbiLog} records with every skipped record
 * named by file and line, and writing the workbench's own log as UBI queries and events.
 */
package io.ltrr.engine.ubi;
