/**
 * Logged-bandit files from outside the workbench, read into {@link io.ltrr.engine.store.LoggedRound}s so that the
 * off-policy estimators of {@code io.ltrr.engine.ope} evaluate targets on them: a generic CSV layout, the Open
 * Bandit Dataset's per-campaign CSV and Vowpal Wabbit's decision-service JSON lines (see
 * {@link io.ltrr.engine.ope.banditlog.BanditLogFormat}). Each row is one decision: one chosen action, its logged
 * propensity and its reward. Malformed rows are reported with their line numbers and left out.
 */
package io.ltrr.engine.ope.banditlog;
