package io.ltrr.app.gui;

import static org.assertj.core.api.Assertions.assertThat;

import io.ltrr.engine.api.SearchResult;
import io.ltrr.engine.context.Device;
import io.ltrr.engine.store.LogEvent;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The search window's ViewModel on a real workbench, without a toolkit: search, click, rate. */
class MainViewModelTest {
    @TempDir
    Path dir;
    WorkbenchService service;
    MainViewModel vm;

    @BeforeEach
    void open() throws Exception {
        service = new EngineWorkbenchService(GuiFixtures.workbench(dir, true));
        vm = new MainViewModel(service, new SameThreadRunner(), GuiFixtures.NOON);
        vm.start();
    }

    @AfterEach
    void close() {
        service.close();
    }

    private void search(String q) {
        vm.queryProperty().set(q);
        vm.search();
    }

    @Test
    void aSearchShowsResultsWithTheArmsThatRetrievedThem() {
        search("love song");
        SearchResult r = vm.resultProperty().get();
        assertThat(vm.rows()).isNotEmpty();
        assertThat(vm.rows()).allSatisfy(row -> assertThat(r.selection().chosen()).containsAll(row.arms()));
        assertThat(vm.rows().getFirst().arms()).isNotEmpty();
        assertThat(vm.selection().arms()).extracting(SelectionViewModel.ArmRow::arm)
                .containsExactlyInAnyOrderElementsOf(r.selection().propensity().keySet())
                .startsWith(r.selection().chosen().toArray(String[]::new));
        assertThat(vm.selection().features()).extracting(SelectionViewModel.FeatureRow::name)
                .containsExactlyElementsOf(r.x().names());
        assertThat(vm.explain().interpretations()).isNotEmpty();
        assertThat(vm.status().eventsProperty().get()).contains("1 searches");
        assertThat(vm.log().events()).extracting(row -> row.event().kind()).containsExactly(LogEvent.Kind.SEARCH);
    }

    @Test
    void theContextControlsReachTheRound() {
        vm.context().deviceProperty().set(Device.VOICE);
        vm.context().timeNowProperty().set(false);
        vm.context().hourProperty().set(22);
        vm.context().profileProperty().set("Ambient, Trip Hop");
        search("ambient");
        SearchResult r = vm.resultProperty().get();
        assertThat(r.context().device()).isEqualTo(Device.VOICE);
        assertThat(r.context().localTime().getHour()).isEqualTo(22);
        assertThat(r.context().profile()).containsExactly("Ambient", "Trip Hop");
    }

    @Test
    void aStatedPreferenceIsRememberedAndShapesTheNextSearch() {
        vm.context().userProperty().set("ana");
        vm.preferenceProperty().set("I like trip hop, less ambient");
        vm.statePreference();
        assertThat(vm.status().messageProperty().get())
                .isEqualTo("profile of ana: Trip Hop +0.50, Ambient -0.25 (used from the next search)");
        assertThat(vm.preferenceProperty().get()).as("cleared once learnt").isEmpty();

        search("love song");
        SearchResult r = vm.resultProperty().get();
        assertThat(r.context().profile()).containsExactly("Trip Hop");
        assertThat(r.x().value("profile.present")).isEqualTo(1.0);

        vm.context().userProperty().set("bo");
        search("love song");
        assertThat(vm.resultProperty().get().x().value("profile.present")).as("another user").isEqualTo(0.0);
    }

    @Test
    void aPreferenceNamingNoKnownStyleIsRefusedAndKeptForEditing() {
        vm.preferenceProperty().set("I like polka");
        vm.statePreference();
        assertThat(vm.status().messageProperty().get()).startsWith("preference not learnt: ")
                .contains("no known style");
        assertThat(vm.preferenceProperty().get()).isEqualTo("I like polka");
    }

    @Test
    void aClickRecordsARewardAndTheSelectionPanelShowsIt() {
        search("love song");
        ResultRow top = vm.rows().getFirst();
        vm.click(top);
        assertThat(top.feedbackProperty().get()).isEqualTo("clicked");
        List<SelectionViewModel.ArmRow> chosen = vm.selection().arms().stream()
                .filter(SelectionViewModel.ArmRow::chosen).toList();
        assertThat(chosen).allSatisfy(a -> assertThat(a.reward())
                .isEqualTo(top.arms().contains(a.arm()) ? 1.0 : 0.0));
        assertThat(vm.selection().learnedProperty().get()).contains("the search counts once", "when it closes");
        assertThat(vm.status().eventsProperty().get()).contains("1 clicks");
        assertThat(vm.metrics().dataProperty().get().rewardRate()).isNotEmpty();
    }

    @Test
    void theNextSearchShowsTheMeansTheClickMoved() {
        search("love song");
        String arm = vm.rows().getFirst().arms().getFirst();
        double before = mean(arm);
        vm.click(vm.rows().getFirst());
        search("love song");
        assertThat(mean(arm)).isNotEqualTo(before);
    }

    private double mean(String arm) {
        return vm.selection().arms().stream().filter(a -> a.arm().equals(arm)).findFirst().orElseThrow().mean();
    }

    @Test
    void aRepeatedQueryShowsThisAnnotatorsEarlierGradeAndOthersByName() {
        vm.context().annotatorProperty().set("ana");
        search("love song");
        ResultRow first = vm.rows().getFirst();
        vm.rate(first, 3);
        vm.context().annotatorProperty().set("bo");
        vm.rate(vm.rows().get(1), null);
        vm.context().annotatorProperty().set("ana");
        search("love song");
        ResultRow again = vm.rows().stream().filter(r -> r.itemId().equals(first.itemId())).findFirst().orElseThrow();
        assertThat(again.ratingProperty().get()).isNull();
        assertThat(again.shown("ana")).contains(new ResultRow.Rated(3, true));
        assertThat(again.shown("bo")).isEmpty();
        assertThat(JudgmentNotes.note(again.earlierProperty().get(), "ana")).isEmpty(); // ana's is on the chips
        assertThat(JudgmentNotes.note(again.earlierProperty().get(), "bo")).isEqualTo("ana 3");
        ResultRow other = vm.rows().stream().filter(r -> r.itemId().equals(vm.rows().get(1).itemId())).findFirst()
                .orElseThrow();
        assertThat(JudgmentNotes.tooltip(other.earlierProperty().get(), "ana", GradeScale.defaults()))
                .contains("? can't tell — bo in s-");
    }

    @Test
    void afterARatingTheKeyboardMovesToTheNextRowNotYetJudged() {
        search("ambient");
        assertThat(vm.rows().size()).as("rows of %s", vm.rows().stream().map(ResultRow::itemId).toList())
                .isGreaterThanOrEqualTo(3);
        vm.rate(vm.rows().get(1), 2);
        assertThat(vm.nextToRate(0)).isEqualTo(2);
        int last = vm.rows().size() - 1;
        assertThat(vm.nextToRate(last)).isZero();
    }

    @Test
    void aRatingCarriesTheAnnotatorIntoTheLog() {
        vm.context().annotatorProperty().set("maria");
        search("ambient");
        ResultRow row = vm.rows().getFirst();
        vm.rate(row, 2);
        vm.rate(row, null);
        assertThat(row.ratingProperty().get()).isEqualTo(new ResultRow.Rated(null, false));
        List<LogEvent> ratings = service.recentEvents(10, LogEvent.Kind.RATING, null);
        assertThat(ratings).extracting(LogEvent::detail)
                .anySatisfy(d -> assertThat(d).startsWith("grade 2 by maria"))
                .anySatisfy(d -> assertThat(d).startsWith("can't tell by maria"));
        assertThat(vm.selection().learnedProperty().get()).contains("can't tell");
    }

    @Test
    void theLogFiltersByKindAndText() {
        search("love song");
        vm.click(vm.rows().getFirst());
        search("ambient");
        vm.log().kindProperty().set(LogEvent.Kind.SEARCH);
        assertThat(vm.log().events()).hasSize(2);
        vm.log().textProperty().set("ambient");
        assertThat(vm.log().events()).singleElement()
                .satisfies(e -> assertThat(e.event().detail()).contains("ambient"));
        vm.log().kindProperty().set(LogEvent.Kind.CLICK);
        assertThat(vm.log().events()).isEmpty();
        assertThat(vm.log().emptyTextProperty().get()).isEqualTo("nothing matches the filter (clicks, \"ambient\")");
    }

    @Test
    void theLogShowsTitlesBesideIdsAndFiltersOnTitles() {
        assertThat(vm.log().emptyTextProperty().get()).isEqualTo("nothing logged yet");
        search("love song");
        ResultRow top = vm.rows().getFirst();
        vm.click(top);
        search("ambient");
        vm.click(vm.rows().stream().filter(r -> r.title().equals("Orange Horizon")).findFirst().orElseThrow());
        vm.log().textProperty().set("orange hor");
        assertThat(vm.log().events()).singleElement().satisfies(r -> {
            assertThat(r.event().kind()).isEqualTo(LogEvent.Kind.CLICK);
            assertThat(r.event().itemId()).isEqualTo("t3");
            assertThat(r.title()).isEqualTo("Orange Horizon — Valliam");
        });
        vm.log().textProperty().set("");
        assertThat(vm.log().events()).filteredOn(r -> r.event().itemId() != null)
                .allSatisfy(r -> assertThat(r.title()).isNotBlank());
        vm.log().textProperty().set("no such title");
        assertThat(vm.log().events()).isEmpty();
        assertThat(vm.log().emptyTextProperty().get()).isEqualTo("nothing matches the filter (\"no such title\")");
    }

    @Test
    void ratingsTrainTheLivePolicyOnlyWhenTheStatusBarSaysSo() {
        vm.start();
        assertThat(vm.status().ratingsTrainProperty().get()).isFalse();
        search("love song");
        vm.rate(vm.rows().getFirst(), 3);
        assertThat(vm.selection().learnedProperty().get()).contains("ratings do not train the live policy",
                "ratings train");

        vm.status().ratingsTrainProperty().set(true);
        assertThat(service.ratingsTrain()).isTrue();
        assertThat(vm.status().messageProperty().get()).contains("ratings train the live policy");
        search("ambient");
        vm.rate(vm.rows().getFirst(), 3);
        assertThat(vm.selection().learnedProperty().get()).contains("the search counts once");
    }

    @Test
    void aRankerWithoutAModelWarnsInTheStatusBarAndExplorationRanksAreMarked() {
        vm.start();
        vm.status().rankerProperty().set("lambdamart");
        search("love song");
        assertThat(vm.status().messageProperty().get()).startsWith("⚠").contains("lambdamart");
        assertThat(vm.resultProperty().get().warnings()).isNotEmpty();

        var explored = new io.ltrr.engine.rank.RankedItem("t1", 4, 0.1, java.util.Map.of(), null, true);
        var merits = new io.ltrr.engine.rank.RankedItem("t2", 5, 0.1, java.util.Map.of(), null);
        assertThat(new ResultRow(explored, GuiFixtures.catalog().getFirst()).positionLabel()).isEqualTo("4*");
        assertThat(new ResultRow(merits, GuiFixtures.catalog().getFirst()).positionLabel()).isEqualTo("5");
    }

    @Test
    void switchingThePolicyReachesTheEngine() {
        assertThat(vm.status().policies()).hasSizeGreaterThan(1);
        String other = vm.status().policies().stream()
                .filter(p -> !p.equals(vm.status().policyProperty().get())).findFirst().orElseThrow();
        vm.status().policyProperty().set(other);
        assertThat(service.policyId()).isEqualTo(other);
        search("ambient");
        assertThat(vm.resultProperty().get().selection().policyId()).isEqualTo(other);
    }

    @Test
    void selectingAResultExplainsItPerArm() {
        search("love song");
        ResultRow top = vm.rows().getFirst();
        vm.selectedProperty().set(top);
        assertThat(vm.explain().provenance()).extracting(ExplainViewModel.ProvenanceRow::arm)
                .containsExactlyElementsOf(vm.resultProperty().get().selection().chosen());
        var tree = vm.explain().treeProperty().get();
        assertThat(tree.details().getFirst().description()).startsWith("ranker ");
        assertThat(tree.details()).extracting(e -> e.description()).anySatisfy(d -> assertThat(d).startsWith("arm "));
    }

    @Test
    void aSearchTheRewriteArmServedSaysWhatTheQueryWasRewrittenAs() {
        // A failed search reformulated into a clicked one teaches the rewrite 'pearl tailor' -> 'pearl taylor'.
        search("pearl tailor");
        search("Pearl Taylor");
        vm.click(vm.rows().getFirst());
        // The uniform policy picks the rewrite arm in some rounds (seeded, so always the same ones).
        service.switchPolicy("uniform");
        List<String> notices = new java.util.ArrayList<>();
        boolean rewriteChosen = false;
        for (int i = 0; i < 40 && !rewriteChosen; i++) {
            search("pearl tailor");
            rewriteChosen = vm.resultProperty().get().selection().chosen().contains("rewrite");
            notices.add(vm.rewriteProperty().get());
            if (!rewriteChosen) {
                assertThat(vm.rewriteProperty().get()).as("rewrite arm not chosen").isEmpty();
            }
        }
        assertThat(rewriteChosen).as("the rewrite arm was chosen within 40 uniform rounds").isTrue();
        assertThat(vm.rewriteProperty().get()).startsWith("\"pearl tailor\" rewritten as 'pearl taylor' (p=0.50)")
                .containsPattern("— [1-9]\\d* of \\d+ shown results from the rewrite");
        search("avalon");
        assertThat(vm.rewriteProperty().get()).as("no rewrite known for that query").isEmpty();
    }
}
