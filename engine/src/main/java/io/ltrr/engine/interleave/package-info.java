/**
 * Online comparison of two rankers by team-draft interleaving (Radlinski, Kurup and Joachims 2008): the shown
 * page merges both rankings, each item credited to the team (ranker) that drafted it; clicks credit teams, each
 * impression is a win, a loss or a tie, and a sign test says whether one ranker is preferred.
 */
package io.ltrr.engine.interleave;
