package io.ltrr.app.gui;

import io.ltrr.engine.api.IndexReport;
import io.ltrr.engine.progress.CancellationToken;
import io.ltrr.engine.progress.ProgressListener;
import java.util.Locale;
import java.util.concurrent.CancellationException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.function.LongSupplier;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * A catalog build in the background with progress (fraction, items/s, ETA) and a Cancel command: the first
 * start's index, or the build in another retrieval backend before switching to it. The worker reports often; the
 * UI gets at most one pending update at a time.
 */
public final class IndexingViewModel {
    /** A build that reports progress and stops when cancelled: {@link WorkbenchService#index} or a backend switch. */
    @FunctionalInterface
    public interface Build {
        IndexReport run(ProgressListener progress, CancellationToken cancel);
    }

    private record Tick(String phase, long done, long total, double rate) {
    }

    private final WorkbenchService service;
    private final BackgroundRunner runner;
    private final LongSupplier nanoTime;
    private final DoubleProperty progress = new SimpleDoubleProperty(this, "progress", -1);
    private final StringProperty phase = new SimpleStringProperty(this, "phase", "preparing");
    private final StringProperty detail = new SimpleStringProperty(this, "detail", "");
    private final BooleanProperty running = new SimpleBooleanProperty(this, "running");
    private final AtomicReference<Tick> latest = new AtomicReference<>();
    private final AtomicBoolean updatePending = new AtomicBoolean();
    private CancellationToken token = CancellationToken.none();

    /** @param nanoTime the clock for items/s and ETA ({@code System::nanoTime}; a fake in tests) */
    public IndexingViewModel(WorkbenchService service, BackgroundRunner runner, LongSupplier nanoTime) {
        this.service = service;
        this.runner = runner;
        this.nanoTime = nanoTime;
    }

    /** Fraction done in [0, 1], or -1 while the total is unknown. */
    public DoubleProperty progressProperty() {
        return progress;
    }

    public StringProperty phaseProperty() {
        return phase;
    }

    /** "1,234 / 30,000 · 850 items/s · ETA 34s". */
    public StringProperty detailProperty() {
        return detail;
    }

    public BooleanProperty runningProperty() {
        return running;
    }

    /**
     * Starts the build; {@code onDone} gets the report, or {@code onStopped} the reason it stopped
     * ({@link CancellationException} when cancelled).
     */
    public void start(Consumer<IndexReport> onDone, Consumer<Throwable> onStopped) {
        start("index", service::index, onDone, onStopped);
    }

    /** As {@link #start(Consumer, Consumer)}, with another build (named {@code name} on the worker thread). */
    public void start(String name, Build build, Consumer<IndexReport> onDone, Consumer<Throwable> onStopped) {
        token = new CancellationToken();
        CancellationToken mine = token;
        latest.set(null);
        progress.set(-1);
        phase.set("preparing");
        detail.set("");
        running.set(true);
        runner.run(name, () -> build.run(listener(), mine), report -> {
            running.set(false);
            onDone.accept(report);
        }, e -> {
            running.set(false);
            onStopped.accept(e);
        });
    }

    public void cancel() {
        token.cancel();
        phase.set("cancelling…");
    }

    private ProgressListener listener() {
        long[] phaseStart = {nanoTime.getAsLong()};
        String[] lastPhase = {""};
        return (ph, done, total) -> {
            long now = nanoTime.getAsLong();
            if (!ph.equals(lastPhase[0])) {
                lastPhase[0] = ph;
                phaseStart[0] = now; // rate and ETA are of the current phase
            }
            double seconds = (now - phaseStart[0]) / 1e9;
            latest.set(new Tick(ph, done, total, seconds < 0.2 ? 0 : done / seconds));
            if (updatePending.compareAndSet(false, true)) {
                runner.onUi(this::publish);
            }
        };
    }

    private void publish() {
        updatePending.set(false);
        Tick t = latest.get();
        if (t == null || !running.get()) {
            return;
        }
        phase.set(t.phase());
        progress.set(t.total() > 0 ? Math.min(1.0, (double) t.done() / t.total()) : -1);
        String eta = t.total() > 0 && t.rate() > 0 ? seconds((t.total() - t.done()) / t.rate()) : "?";
        detail.set(String.format(Locale.ROOT, "%,d / %s · %,.0f items/s · ETA %s", t.done(),
                t.total() < 0 ? "?" : String.format(Locale.ROOT, "%,d", t.total()), t.rate(), eta));
    }

    static String seconds(double s) {
        long secs = Math.round(s);
        return secs >= 60 ? String.format(Locale.ROOT, "%dm%02ds", secs / 60, secs % 60) : secs + "s";
    }
}
