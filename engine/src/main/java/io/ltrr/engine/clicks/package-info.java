/**
 * Clicks as click models see them: {@link io.ltrr.engine.clicks.ClickSession}s (a shown list and the positions
 * clicked) read from the workbench's own log, an imported UBI log or a simulation, and the models fitted on them.
 */
package io.ltrr.engine.clicks;
