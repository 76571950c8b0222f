/**
 * IR evaluation that reproduces trec_eval / Anserini / BEIR figures: relevance judgments ({@link
 * io.ltrr.engine.eval.Qrels}), BEIR collections ({@link io.ltrr.engine.eval.BeirCollection}), runs
 * ({@link io.ltrr.engine.eval.Run}, {@link io.ltrr.engine.eval.TrecRun}), the measures ({@link
 * io.ltrr.engine.eval.Metrics}) and their aggregation over queries ({@link io.ltrr.engine.eval.Evaluator}).
 *
 * <p>Readers never stop at the first bad line: they load every well-formed line and return the rest as
 * {@link io.ltrr.engine.io.LoadProblem}s (file, 1-based line, reason) in a {@link
 * io.ltrr.engine.io.ReadResult}. Only I/O failures (missing file, unreadable bytes) throw.
 */
package io.ltrr.engine.eval;

