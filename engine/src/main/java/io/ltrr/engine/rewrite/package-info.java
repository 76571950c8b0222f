/**
 * Self-learning from implicit feedback: reformulations detected in sessions ({@link
 * io.ltrr.engine.rewrite.ReformulationDetector}) feed an absorbing Markov chain over queries ({@link
 * io.ltrr.engine.rewrite.RewriteModel}) whose solution gives, for a query that fails, the rewrite most likely to
 * succeed. The {@code rewrite} arm searches with it.
 */
package io.ltrr.engine.rewrite;
