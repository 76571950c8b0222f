package io.ltrr.engine.store.jdbc;

import io.ltrr.engine.store.FeedbackStore;
import io.ltrr.engine.store.FeedbackStoreConfig;
import java.nio.file.Path;
import java.time.Clock;
import org.junit.jupiter.api.io.TempDir;

/** The store's roles on the embedded H2 file of a data folder. */
class H2FeedbackStoreContractTest extends FeedbackStoreContract {
    @TempDir
    Path data;

    @Override
    FeedbackStore open(Clock clock) {
        return H2FeedbackStore.open(data, FeedbackStoreConfig.defaults(), clock);
    }
}
