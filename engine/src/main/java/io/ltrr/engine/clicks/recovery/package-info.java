/**
 * How well the click models of {@link io.ltrr.engine.clicks} recover relevance that is known: click logs of the
 * simulator's users on synthetic queries with graded items, rank correlations between estimates and the truth, and
 * the report {@code ltrr judgments validate} prints.
 */
package io.ltrr.engine.clicks.recovery;
