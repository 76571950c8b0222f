package io.ltrr.engine.rewrite;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.ltrr.engine.api.ArmSearch;
import io.ltrr.engine.api.CatalogSource;
import io.ltrr.engine.api.SearchResult;
import io.ltrr.engine.Workbench;
import io.ltrr.engine.api.WorkbenchConfig;
import io.ltrr.engine.catalog.SampleCatalogWriter;
import io.ltrr.engine.context.SearchContext;
import io.ltrr.engine.index.AnalyzerKind;
import io.ltrr.engine.index.IndexSettings;
import io.ltrr.engine.prefs.ProfileUpdate;
import io.ltrr.engine.progress.CancellationToken;
import io.ltrr.engine.progress.ProgressListener;
import io.ltrr.engine.retrieval.ArmSettings;
import io.ltrr.engine.retrieval.Candidate;
import io.ltrr.engine.retrieval.QueryRewriter.Rewrite;
import io.ltrr.engine.retrieval.TestCatalogs;
import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Reformulations and stated preferences through the facade, on the H2 store, across a reopen. */
class SelfLearningFacadeTest {
    static final LocalDateTime NOON = LocalDateTime.of(2026, 11, 20, 12, 0);

    @TempDir
    Path dir;

    private Workbench open() throws IOException {
        Path catalog = dir.resolve("catalog.jsonl");
        SampleCatalogWriter.write(TestCatalogs.music().stream().filter(i -> i.text().isEmpty()).toList(), catalog);
        Workbench wb = Workbench.open(new WorkbenchConfig(dir.resolve("data"), CatalogSource.of(catalog),
                new IndexSettings(AnalyzerKind.FOLDING, false), ArmSettings.music(), 7L));
        if (!wb.hasIndex()) {
            wb.index(false, ProgressListener.NONE, CancellationToken.none());
        }
        return wb;
    }

    private static SearchContext user(String id) {
        return new SearchContext(id, io.ltrr.engine.context.Device.SCREEN, NOON, Locale.ROOT, List.of());
    }

    @Test
    void aFailedSearchReformulatedIntoAClickBecomesARewrite() throws IOException {
        try (Workbench wb = open()) {
            wb.search("pearl tailor", user("u1"));
            SearchResult fixed = wb.search("Pearl Taylor", user("u1"));
            assertThat(wb.rewriteOf("pearl tailor")).as("the follow-up has no click yet").isEmpty();
            String clicked = fixed.results().getFirst().itemId();
            wb.click(fixed.searchId(), clicked);

            Rewrite r = wb.rewriteOf("Pearl Tailor").orElseThrow();
            assertThat(r.query()).isEqualTo("pearl taylor");
            assertThat(r.probability()).isCloseTo(0.5, within(1e-12));

            ArmSearch arm = wb.searchArms("pearl tailor", List.of("rewrite"), 10);
            assertThat(arm.lists().get("rewrite").note()).isEqualTo("rewritten as 'pearl taylor' (p=0.50)");
            assertThat(arm.lists().get("rewrite").candidates()).extracting(Candidate::itemId).contains("t2");
            assertThat(wb.searchArms("avalon", List.of("rewrite"), 10).lists().get("rewrite").candidates()).isEmpty();

            SearchResult again = wb.search("pearl tailor", user("u2"));
            assertThat(again.x().value("rewrite.p")).isCloseTo(0.5, within(1e-12));
        }
        try (Workbench wb = open()) {
            assertThat(wb.rewriteOf("pearl tailor")).as("rebuilt from the log").map(Rewrite::query)
                    .contains("pearl taylor");
        }
    }

    @Test
    void aClickOnTheFirstQueryOrAnUnrelatedFollowUpLearnsNothing() throws IOException {
        try (Workbench wb = open()) {
            SearchResult first = wb.search("love song", user("u1"));
            wb.click(first.searchId(), first.results().getFirst().itemId());
            SearchResult second = wb.search("love songs", user("u1"));
            wb.click(second.searchId(), second.results().getFirst().itemId());
            wb.search("bass weight", user("u2"));
            SearchResult other = wb.search("avalon", user("u2"));
            wb.click(other.searchId(), other.results().getFirst().itemId());
            assertThat(wb.rewriteOf("love song")).isEmpty();
            assertThat(wb.rewriteOf("bass weight")).isEmpty();
        }
    }

    @Test
    void statedPreferencesPersistAndShapeTheNextSearch() throws IOException {
        try (Workbench wb = open()) {
            ProfileUpdate u = wb.statePreference("u1", "I like trip hop");
            assertThat(u.statements()).hasSize(1);
            assertThat(u.profile()).containsExactly(java.util.Map.entry("Trip Hop", 0.5));
            wb.statePreference("u1", "more trip hop, less ambient");
            assertThat(wb.profile("u1")).containsExactly(java.util.Map.entry("Trip Hop", 0.75),
                    java.util.Map.entry("Ambient", -0.25));
            assertThatThrownBy(() -> wb.statePreference("u1", "I like polka"))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("no known style");
        }
        try (Workbench wb = open()) {
            assertThat(wb.profile("u1")).containsExactly(java.util.Map.entry("Trip Hop", 0.75),
                    java.util.Map.entry("Ambient", -0.25));
            SearchResult r = wb.search("trip hop", user("u1"));
            assertThat(r.context().profile()).containsExactly("Trip Hop");
            assertThat(r.x().value("profile.present")).isEqualTo(1.0);
            assertThat(r.x().value("profile.affinity")).isGreaterThan(0.0);
            assertThat(wb.search("trip hop", user("u2")).x().value("profile.present")).isEqualTo(0.0);
        }
    }
}
