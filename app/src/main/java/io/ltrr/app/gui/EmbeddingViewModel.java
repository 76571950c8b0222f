package io.ltrr.app.gui;

import io.ltrr.engine.index.VectorStatus;
import io.ltrr.engine.progress.CancellationToken;
import io.ltrr.engine.progress.ProgressListener;
import java.util.Locale;
import java.util.concurrent.CancellationException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.function.LongSupplier;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/**
 * The background embedding of the catalog's vectors (ADR 0013), shown in the status bar: after the first start's
 * lexical index the window is usable at once and the vectors follow on a worker of their own; this tells how far
 * they are (phase, count, items/s, ETA) and when the {@code dense} arm joins. A run that stops (window closed,
 * cancelled) resumes at the next start where it stopped.
 */
public final class EmbeddingViewModel {
    private record Tick(String phase, long done, long total, double rate) {
    }

    private final WorkbenchService service;
    private final BackgroundRunner ui;
    private final LongSupplier nanoTime;
    private final Consumer<String> message;
    private final ReadOnlyStringWrapper text = new ReadOnlyStringWrapper(this, "text", "");
    private final ReadOnlyDoubleWrapper progress = new ReadOnlyDoubleWrapper(this, "progress", -1);
    private final ReadOnlyBooleanWrapper active = new ReadOnlyBooleanWrapper(this, "active");
    private final AtomicReference<Tick> latest = new AtomicReference<>();
    private final AtomicBoolean updatePending = new AtomicBoolean();
    private CancellationToken token = CancellationToken.none();
    /** Asked to start while a run was still ending (a store switch closed its workbench): start again after it. */
    private BackgroundRunner again;

    /**
     * @param ui       hands progress to the UI thread (the window's runner)
     * @param nanoTime the clock for items/s and ETA ({@code System::nanoTime}; a fake in tests)
     * @param message  the status bar's message line, told when the vectors are complete or stop
     */
    public EmbeddingViewModel(WorkbenchService service, BackgroundRunner ui, LongSupplier nanoTime,
                              Consumer<String> message) {
        this.service = service;
        this.ui = ui;
        this.nanoTime = nanoTime;
        this.message = message;
    }

    /** "embedding 1,234 / 30,417 · 410 items/s · ETA 1m11s · dense arm when done"; empty when nothing runs. */
    public ReadOnlyStringProperty textProperty() {
        return text.getReadOnlyProperty();
    }

    /** Fraction of the current phase done, in [0, 1], or -1 while unknown. */
    public ReadOnlyDoubleProperty progressProperty() {
        return progress.getReadOnlyProperty();
    }

    /** True while the vectors are being embedded (the status bar shows the indicator only then). */
    public ReadOnlyBooleanProperty activeProperty() {
        return active.getReadOnlyProperty();
    }

    /**
     * Embeds what is missing of the vectors on {@code worker} — a worker of its own, so searches on the window's
     * runner go on meanwhile; does nothing visible when they are complete or not wanted.
     */
    public void start(BackgroundRunner worker) {
        if (active.get()) {
            again = worker;
            return;
        }
        token = new CancellationToken();
        CancellationToken mine = token;
        latest.set(null);
        progress.set(-1);
        text.set("embeddings: starting…");
        active.set(true);
        worker.run("embeddings", () -> service.embedVectors(listener(), mine), this::finished, this::stopped);
    }

    /** Stops the embedding between two batches; what was embedded is kept for the next start. */
    public void cancel() {
        token.cancel();
    }

    private void finished(VectorStatus status) {
        active.set(false);
        text.set("");
        again = null;
        if (status.complete() && latest.get() != null) {
            message.accept(String.format(Locale.ROOT,
                    "embeddings complete (%,d items): the dense arm is offered from the next search", status.total()));
        }
    }

    private void stopped(Throwable e) {
        active.set(false);
        text.set("");
        if (again != null && e instanceof CancellationException) {
            BackgroundRunner worker = again;
            again = null;
            start(worker); // the run a store switch stopped goes on, on the reopened workbench
            return;
        }
        message.accept(e instanceof CancellationException
                ? "embeddings paused: they resume where they stopped at the next start"
                : "embeddings failed (searches go on without the dense arm): " + FormValues.firstLine(e));
    }

    private ProgressListener listener() {
        long[] phaseStart = {nanoTime.getAsLong()};
        long[] phaseFrom = {0};
        String[] lastPhase = {""};
        return (ph, done, total) -> {
            long now = nanoTime.getAsLong();
            if (!ph.equals(lastPhase[0])) {
                lastPhase[0] = ph;
                phaseStart[0] = now; // rate and ETA are of this run's part of the current phase
                phaseFrom[0] = done;
            }
            double seconds = (now - phaseStart[0]) / 1e9;
            latest.set(new Tick(ph, done, total, seconds < 0.2 ? 0 : (done - phaseFrom[0]) / seconds));
            if (updatePending.compareAndSet(false, true)) {
                ui.onUi(this::publish);
            }
        };
    }

    private void publish() {
        updatePending.set(false);
        Tick t = latest.get();
        if (t == null || !active.get()) {
            return;
        }
        progress.set(t.total() > 0 ? Math.min(1.0, (double) t.done() / t.total()) : -1);
        String eta = t.total() > 0 && t.rate() > 0 ? IndexingViewModel.seconds((t.total() - t.done()) / t.rate()) : "?";
        text.set(String.format(Locale.ROOT, "%s %,d / %,d · %,.0f items/s · ETA %s · dense arm when done",
                t.phase(), t.done(), t.total(), t.rate(), eta));
    }
}
