package io.ltrr.engine.facade;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.ltrr.engine.Workbench;
import io.ltrr.engine.api.CatalogSource;
import io.ltrr.engine.api.DataLayout;
import io.ltrr.engine.api.PolicyStart;
import io.ltrr.engine.api.ResetTarget;
import io.ltrr.engine.api.SearchResult;
import io.ltrr.engine.api.WorkbenchConfig;
import io.ltrr.engine.bandit.ArmDiagnostics;
import io.ltrr.engine.bandit.ContextVector;
import io.ltrr.engine.bandit.PolicyOptions;
import io.ltrr.engine.bandit.PolicyRegistry;
import io.ltrr.engine.bandit.SelectionBudget;
import io.ltrr.engine.bandit.SelectionPolicy;
import io.ltrr.engine.catalog.SampleCatalogWriter;
import io.ltrr.engine.context.ContextFeatures;
import io.ltrr.engine.context.SearchContext;
import io.ltrr.engine.index.AnalyzerKind;
import io.ltrr.engine.index.IndexSettings;
import io.ltrr.engine.prior.PolicyPrior;
import io.ltrr.engine.progress.CancellationToken;
import io.ltrr.engine.progress.ProgressListener;
import io.ltrr.engine.retrieval.ArmSettings;
import io.ltrr.engine.retrieval.TestCatalogs;
import io.ltrr.engine.sim.CatalogSimulation;
import io.ltrr.engine.sim.MusicScenario;
import io.ltrr.engine.sim.PriorLearning;
import io.ltrr.engine.sim.Scenarios;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The warm start (issue 23): a new folder's policy starts from the prior learned offline for it and its catalog,
 * {@code resetLearning(PRIOR)} returns to it, {@code resetLearning(UNIFORM)} to a uniform state, and a prior of another
 * catalog is not used (the start says why).
 */
class WarmStartTest {
    static final LocalDateTime NOON = LocalDateTime.of(2026, 11, 20, 12, 0);

    @TempDir
    Path dir;

    /** The tiny catalog's configuration on a folder. */
    WorkbenchConfig config(Path data) throws IOException {
        Path catalog = dir.resolve("catalog.jsonl");
        if (!Files.exists(catalog)) {
            SampleCatalogWriter.write(TestCatalogs.music().stream().filter(i -> i.text().isEmpty()).toList(), catalog);
        }
        return new WorkbenchConfig(data, CatalogSource.of(catalog), new IndexSettings(AnalyzerKind.FOLDING, false),
                ArmSettings.music(), 7L);
    }

    Workbench open(Path data) throws IOException {
        Workbench wb = Workbench.open(config(data));
        if (!wb.hasIndex()) {
            wb.index(false, ProgressListener.NONE, CancellationToken.none());
        }
        return wb;
    }

    /** A thompson prior learned on the tiny catalog's music-default users (indexed in a folder of its own). */
    PolicyPrior learnPrior() throws IOException {
        Path src = dir.resolve("learn");
        try (Workbench wb = open(src)) {
            assertThat(wb.hasIndex()).isTrue();
        }
        try (CatalogSimulation sim = CatalogSimulation.open(src, ArmSettings.music())) {
            return PriorLearning.learn(sim, (MusicScenario) Scenarios.load("music-default"), "music-default",
                    "thompson", 400, 3, "test");
        }
    }

    static void install(PolicyPrior prior, Path data) throws IOException {
        Path file = new DataLayout(data).priors().resolve(prior.policy() + ".json");
        Files.createDirectories(file.getParent());
        Files.writeString(file, prior.toJson());
    }

    /** Each arm's mean as the policy in {@code prior} would report it in this search's context. */
    static Map<String, ArmDiagnostics> priorDiagnostics(PolicyPrior prior, SearchResult r) {
        SelectionPolicy p = PolicyRegistry.standard().create(prior.policy(), 7L, ContextFeatures.NAMES,
                PolicyOptions.none());
        p.restore(prior.snapshot());
        ContextVector x = r.x();
        return p.select(x, r.selection().diagnostics().keySet().stream().sorted().toList(),
                SelectionBudget.defaults()).diagnostics();
    }

    static void assertMeansOf(SearchResult r, Map<String, ArmDiagnostics> expected) {
        r.selection().diagnostics().forEach((arm, d) -> {
            double want = expected.containsKey(arm) ? expected.get(arm).mean() : 0.5;
            assertThat(d.mean()).as("mean of %s", arm).isCloseTo(want, within(1e-12));
        });
    }

    static void assertUniform(SearchResult r) {
        assertThat(r.selection().diagnostics().values()).allSatisfy(d ->
                assertThat(d.mean()).isCloseTo(0.5, within(1e-12)));
    }

    @Test
    void aNewFolderStartsFromThePriorOfItsCatalogNotUniform() throws IOException {
        PolicyPrior prior = learnPrior();
        Path data = dir.resolve("d");
        install(prior, data);
        try (Workbench wb = open(data)) {
            PolicyStart start = wb.policyStart();
            assertThat(start.kind()).isEqualTo(PolicyStart.PRIOR);
            assertThat(start.source()).isEqualTo("folder priors/thompson.json");
            assertThat(start.note()).contains("music-default", "400 rounds");
            SearchResult r = wb.search("ambient", SearchContext.anonymous(NOON));
            assertThat(r.selection().round()).as("a new folder's first round").isZero();
            Map<String, ArmDiagnostics> expected = priorDiagnostics(prior, r);
            assertMeansOf(r, expected);
            assertThat(r.selection().diagnostics().values()).anySatisfy(d ->
                    assertThat(d.mean()).isNotCloseTo(0.5, within(0.05)));
        }
    }

    @Test
    void resetReturnsToThePriorAndResetColdToUniformAcrossRestarts() throws IOException {
        PolicyPrior prior = learnPrior();
        Path data = dir.resolve("d");
        install(prior, data);
        try (Workbench wb = open(data)) {
            for (int i = 0; i < 6; i++) {
                SearchResult r = wb.search("love song", SearchContext.anonymous(NOON));
                wb.click(r.searchId(), r.results().getFirst().itemId());
            }
            wb.resetLearning(ResetTarget.UNIFORM);
            assertThat(wb.policyStart().kind()).isEqualTo(PolicyStart.UNIFORM);
            assertThat(wb.policyStart().note()).contains("--cold");
            // The pulls of the searches before the reset stay in the log but are not learned again.
            assertUniform(wb.search("ambient", SearchContext.anonymous(NOON)));
        }
        try (Workbench wb = open(data)) {
            assertThat(wb.policyStart().kind()).as("a cold reset survives a restart").isEqualTo(PolicyStart.UNIFORM);
            SearchResult r = wb.search("ambient", SearchContext.anonymous(NOON.plusHours(2)));
            assertThat(r.selection().round()).isEqualTo(1);
            wb.resetLearning(ResetTarget.PRIOR);
            assertThat(wb.policyStart().kind()).isEqualTo(PolicyStart.PRIOR);
            SearchResult again = wb.search("ambient", SearchContext.anonymous(NOON.plusHours(4)));
            assertThat(again.selection().round()).isZero();
            assertMeansOf(again, priorDiagnostics(prior, again));
        }
    }

    @Test
    void aPriorOfAnotherCatalogIsNotUsedAndTheStartSaysWhy() throws IOException {
        PolicyPrior learned = learnPrior();
        PolicyPrior other = new PolicyPrior(learned.policy(), learned.scenario(), learned.rounds(), learned.seed(),
                "0".repeat(64), learned.indexFingerprint(), learned.arms(), learned.learnedWith(), learned.snapshot());
        Path data = dir.resolve("d");
        install(other, data);
        try (Workbench wb = open(data)) {
            PolicyStart start = wb.policyStart();
            assertThat(start.kind()).isEqualTo(PolicyStart.UNIFORM);
            assertThat(start.source()).isEqualTo("none");
            assertThat(start.note()).contains("folder priors/thompson.json was learned on another catalog",
                    "shipped ltrr/priors/thompson.json was learned on another catalog");
            assertUniform(wb.search("ambient", SearchContext.anonymous(NOON)));
        }
    }
}
