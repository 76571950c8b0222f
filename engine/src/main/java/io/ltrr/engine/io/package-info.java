/**
 * Reading the engine's input files, shared by the catalog loaders and the evaluation readers: files as strict
 * UTF-8 lines ({@link io.ltrr.engine.io.Utf8Lines}, which also drops a {@link io.ltrr.engine.io.ByteOrderMark} and
 * decompresses {@code .gz}), the bad lines they skip as {@link io.ltrr.engine.io.LoadProblem}s ("file:line: reason",
 * collected per file by {@link io.ltrr.engine.io.LoadProblems}), what a reader returns ({@link
 * io.ltrr.engine.io.ReadResult}), and the failure of a file that cannot be read at all ({@link
 * io.ltrr.engine.io.MalformedFileException}). Depends on nothing else in the engine.
 */
package io.ltrr.engine.io;
