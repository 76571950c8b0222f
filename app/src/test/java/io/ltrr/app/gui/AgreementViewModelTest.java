package io.ltrr.app.gui;

import static org.assertj.core.api.Assertions.assertThat;

import io.ltrr.engine.api.SearchResult;
import io.ltrr.engine.Workbench;
import io.ltrr.engine.context.SearchContext;
import java.nio.file.Path;
import java.time.LocalDateTime;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The agreement ViewModel on a real workbench's ratings, without a toolkit. The grades are those of the CLI
 * test (DataCommandsTest): Cohen's κ of alice and bob is 5/9, Fleiss' κ of the three is 31/58.
 */
class AgreementViewModelTest {
    static final String[] QUERIES = {"love song", "orange horizon", "quiet morning", "tokyo rain", "bass weight",
            "avalon"};
    static final int[] ALICE = {3, 2, 0, 1, 3, 0};
    static final int[] BOB = {3, 2, 1, 1, 0, 0};
    static final int[] CAROL = {3, 1, 1, 1, 0, 0};

    @TempDir
    Path dir;
    Workbench wb;
    AgreementViewModel vm;

    @BeforeEach
    void open() throws Exception {
        wb = GuiFixtures.workbench(dir, true);
        vm = new AgreementViewModel(AnalysisWindows.agreementSource(() -> wb), new SameThreadRunner());
    }

    @AfterEach
    void close() {
        wb.close();
    }

    private void rate() {
        for (int i = 0; i < QUERIES.length; i++) {
            SearchResult r = wb.search(QUERIES[i], SearchContext.anonymous(LocalDateTime.of(2026, 11, 20, 12, 0)));
            String item = r.results().getFirst().itemId();
            wb.rate(r.searchId(), item, ALICE[i], "alice");
            wb.rate(r.searchId(), item, BOB[i], "bob");
            wb.rate(r.searchId(), item, CAROL[i], "carol");
        }
    }

    @Test
    void everyoneIsComparedByDefault() {
        rate();
        vm.refresh();
        assertThat(vm.comparedProperty().get()).isEqualTo("alice, bob, carol");
        assertThat(vm.sharedItemsProperty().get()).isEqualTo("6");
        assertThat(vm.fleissProperty().get()).isEqualTo(String.format(java.util.Locale.ROOT, "%.3f", 31.0 / 58));
        assertThat(vm.cohenProperty().get()).isEqualTo(AgreementViewModel.NOT_TWO);
        assertThat(vm.observedProperty().get()).isEqualTo("0.500");
        assertThat(vm.pairs()).extracting(p -> p.a() + "-" + p.b())
                .containsExactly("alice-bob", "alice-carol", "bob-carol");
        assertThat(vm.pairs().getFirst().kappa()).isCloseTo(5.0 / 9, org.assertj.core.data.Offset.offset(1e-12));
        assertThat(vm.pairs()).allSatisfy(p -> assertThat(p.sharedItems()).isEqualTo(6));
        assertThat(vm.statusProperty().get()).contains("3 annotators, 6 items");
    }

    @Test
    void twoNamedAnnotatorsGetCohensKappa() {
        rate();
        vm.annotatorsProperty().set(" bob , alice,");
        vm.refresh();
        assertThat(vm.comparedProperty().get()).isEqualTo("alice, bob");
        assertThat(vm.cohenProperty().get()).isEqualTo("0.556");
        assertThat(vm.pairs()).hasSize(1);
    }

    @Test
    void twoAnnotatorsGetTheWeightedKappaAndTheirDisagreementsBiggestSpreadFirst() {
        rate();
        vm.annotatorsProperty().set("alice, bob");
        vm.refresh();
        assertThat(vm.weightedProperty().get()).isEqualTo("0.412");
        assertThat(vm.pairs().getFirst().weightedKappaText()).isEqualTo("0.412");
        assertThat(vm.disagreements()).extracting(AgreementViewModel.DisagreementRow::query)
                .containsExactly("bass weight", "quiet morning");
        assertThat(vm.disagreements().getFirst().grades()).isEqualTo("alice 3 · bob 0");
        assertThat(vm.disagreements().getFirst().spread()).isEqualTo(3);
        java.util.List<String> opened = new java.util.ArrayList<>();
        QueryOpener opener = (query, itemId) -> opened.add(query + " / " + itemId);
        vm.setOpenQuery(opener);
        vm.open(vm.disagreements().getFirst());
        assertThat(opened).containsExactly("bass weight / " + vm.disagreements().getFirst().itemId());
    }

    @Test
    void tooFewAnnotatorsIsAMessageAndClearsTheFigures() {
        rate();
        vm.refresh();
        vm.annotatorsProperty().set("alice, zed");
        vm.refresh();
        assertThat(vm.statusProperty().get()).contains("'zed'");
        assertThat(vm.pairs()).isEmpty();
        assertThat(vm.fleissProperty().get()).isEmpty();
        assertThat(vm.disagreements()).isEmpty();
        assertThat(vm.runningProperty().get()).isFalse();
    }

    @Test
    void anUnratedLogSaysTwoAnnotatorsAreNeeded() {
        vm.refresh();
        assertThat(vm.statusProperty().get()).contains("at least two annotators");
        assertThat(vm.pairs()).isEmpty();
    }

    @Test
    void annotatorListsAreTrimmedAndDeduplicated() {
        assertThat(AgreementViewModel.parse(" a, b ,,a ")).containsExactly("a", "b");
        assertThat(AgreementViewModel.parse("  ")).isEmpty();
        assertThat(AgreementViewModel.kappa(Double.NaN)).isEqualTo("undefined");
    }
}
