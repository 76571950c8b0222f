package io.ltrr.app.gui;

import javafx.animation.PauseTransition;
import javafx.scene.Node;
import javafx.util.Duration;

/**
 * Keeps the status bar's store label true: asks the feedback store at once, then again after the status bar's
 * delay (a minute while it answers, a few seconds while it does not: each check of an offline store is a retry,
 * reconnecting once the server answers), on a worker of its own so searches never wait behind a check. An
 * operation that finds the store offline brings the next check forward. It stops when closed, or by itself once
 * its view is no longer in a showing window.
 */
final class StoreWatch implements AutoCloseable {
    private final StatusViewModel status;
    private final Node view;
    private final FxBackgroundRunner checker = new FxBackgroundRunner(1);
    private final PauseTransition pause = new PauseTransition();
    private boolean closed;

    /** @param view the status bar, whose window's life the watch follows */
    StoreWatch(StatusViewModel status, Node view) {
        this.status = status;
        this.view = view;
        pause.setOnFinished(e -> check());
        status.storeOfflineProperty().addListener((obs, was, offline) -> {
            if (offline) {
                arm();
            }
        });
    }

    /** Checks now, then keeps checking. */
    void start() {
        check();
    }

    private void check() {
        if (closed) {
            return;
        }
        if (view.getScene() == null || view.getScene().getWindow() == null
                || !view.getScene().getWindow().isShowing()) {
            close();
            return;
        }
        status.checkStore(checker, this::arm);
    }

    private void arm() {
        if (closed) {
            return;
        }
        pause.setDuration(Duration.millis(status.nextStoreCheck().toMillis()));
        pause.playFromStart();
    }

    /** Stops checking and lets a running check end (bounded). */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        pause.stop();
        checker.close();
    }
}
