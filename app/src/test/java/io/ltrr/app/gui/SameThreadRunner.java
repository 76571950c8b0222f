package io.ltrr.app.gui;

import java.util.concurrent.Callable;
import java.util.function.Consumer;

/** Runs background work at once on the calling thread: ViewModel tests need no toolkit and no waiting. */
final class SameThreadRunner implements BackgroundRunner {
    @Override
    public <T> void run(String name, Callable<T> work, Consumer<T> onSuccess, Consumer<Throwable> onFailure) {
        T value;
        try {
            value = work.call();
        } catch (Exception e) {
            onFailure.accept(e);
            return;
        }
        onSuccess.accept(value);
    }

    @Override
    public void onUi(Runnable update) {
        update.run();
    }
}
