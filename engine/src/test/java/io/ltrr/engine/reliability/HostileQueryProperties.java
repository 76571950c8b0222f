package io.ltrr.engine.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import io.ltrr.engine.api.ArmSearch;
import io.ltrr.engine.api.QueryLimits;
import io.ltrr.engine.api.SearchResult;
import io.ltrr.engine.Workbench;
import io.ltrr.engine.context.SearchContext;
import io.ltrr.engine.retrieval.Bm25Strategy;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.ShrinkingMode;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

/**
 * Hostile queries never make a search throw or hang: 100 000 in all (issue 10), 98 000 through query
 * understanding and the BM25 arm and 2 000 through every arm and the full logged bandit round. A query over the
 * limit is refused with its own clear message. Calls run in batches, each under a generous bound, so a hang fails
 * the test instead of the build; the bound is about hangs, not speed. Both properties have fixed seeds, so every
 * run sends the same queries; jqwik prints the seed of a failing run.
 */
class HostileQueryProperties {
    /** The count issue 10 asked for, over both properties together. */
    private static final int TOTAL_QUERIES = 100_000;
    /** A logged round over every arm costs tens of times one BM25 search, so fewer queries take that path. */
    private static final int ROUND_BATCH = 100;
    private static final int ROUND_TRIES = 20;
    private static final int BM25_BATCH = 1_000;
    /** The rest of the total; a constant expression, so the annotation below always sums to the total. */
    private static final int BM25_TRIES = (TOTAL_QUERIES - ROUND_TRIES * ROUND_BATCH) / BM25_BATCH;
    private static final Duration BATCH_BOUND = Duration.ofSeconds(120);
    private static final SearchContext CONTEXT = SearchContext.anonymous(LocalDateTime.of(2026, 2, 2, 20, 0));
    private static Path dir;
    private static Workbench wb;

    @BeforeContainer
    static void openWorkbench() throws IOException {
        dir = Files.createTempDirectory("ltrr-hostile");
        wb = SmallWorkbench.open(SmallWorkbench.config(dir, dir.resolve("data")));
    }

    @AfterContainer
    static void closeWorkbench() throws IOException {
        wb.close();
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    @Provide
    Arbitrary<List<String>> bm25Batch() {
        return HostileQueries.any().list().ofSize(BM25_BATCH);
    }

    @Provide
    Arbitrary<List<String>> roundBatch() {
        return HostileQueries.any().list().ofSize(ROUND_BATCH);
    }

    @Property(tries = BM25_TRIES, seed = "20260201", shrinking = ShrinkingMode.OFF)
    void theBm25ArmAnswersEveryQueryOrRefusesItAsTooLong(@ForAll("bm25Batch") List<String> batch) {
        assertTimeoutPreemptively(BATCH_BOUND, () -> {
            for (String q : batch) {
                if (tooLong(q)) {
                    assertRefused(() -> wb.searchArms(q, List.of(Bm25Strategy.ID), 10), q);
                } else {
                    ArmSearch r = wb.searchArms(q, List.of(Bm25Strategy.ID), 10);
                    assertThat(r.lists().get(Bm25Strategy.ID).candidates()).hasSizeLessThanOrEqualTo(10);
                }
            }
        });
    }

    @Property(tries = ROUND_TRIES, seed = "20260202", shrinking = ShrinkingMode.OFF)
    void everyArmAndTheLoggedRoundAnswerEveryQueryOrRefuseItAsTooLong(@ForAll("roundBatch") List<String> batch) {
        assertTimeoutPreemptively(BATCH_BOUND, () -> {
            for (String q : batch) {
                if (tooLong(q)) {
                    long before = wb.logCounts().get("searches");
                    assertRefused(() -> wb.search(q, CONTEXT), q);
                    assertRefused(() -> wb.searchArms(q, List.of(), 10), q);
                    assertThat(wb.logCounts().get("searches")).isEqualTo(before);
                } else {
                    assertThat(wb.searchArms(q, List.of(), 10).lists()).isNotEmpty();
                    SearchResult r = wb.search(q, CONTEXT);
                    assertThat(wb.impression(r.searchId()).orElseThrow().query()).isEqualTo(q);
                    if (!r.results().isEmpty()) {
                        wb.click(r.searchId(), r.results().getFirst().itemId());
                    }
                }
            }
        });
    }

    private static boolean tooLong(String q) {
        return q.codePointCount(0, q.length()) > QueryLimits.MAX_QUERY_CHARS;
    }

    private static void assertRefused(org.assertj.core.api.ThrowableAssert.ThrowingCallable call, String q) {
        assertThatThrownBy(call).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("query is too long: " + q.codePointCount(0, q.length()) + " characters (at most "
                        + QueryLimits.MAX_QUERY_CHARS + ")");
    }
}
