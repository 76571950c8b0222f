package io.ltrr.app.gui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.ltrr.engine.retrieval.ArmSettings;
import io.ltrr.engine.sim.Scenarios;
import io.ltrr.engine.sim.SimulatedWorld;
import io.ltrr.engine.sim.SimulationMetrics;
import io.ltrr.engine.sim.SimulationPolicies;
import io.ltrr.engine.sim.SimulationWorlds;
import io.ltrr.engine.sim.Simulator;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The simulation panel's ViewModel without a toolkit: the worker and the UI thread are the test's thread, and
 * the runner's clock moves a second per read, so every round hands a snapshot to the UI (deterministic).
 */
class SimulationViewModelTest {
    static final String SYNTHETIC = "synthetic-two-contexts";
    static final long SEED = 42;

    @TempDir
    Path dir;
    SimulationSources sources;
    SimulationViewModel vm;

    @BeforeEach
    void open() {
        sources = new SimulationSources(dir, ArmSettings.music());
        long[] clock = {0};
        vm = new SimulationViewModel(sources, Runnable::run, new SameThreadRunner(), () -> clock[0] += 1_000_000_000L);
        vm.settings().scenarioProperty().set(SYNTHETIC);
        vm.settings().policyProperty().set("thompson");
        vm.settings().seedProperty().set(SEED);
        vm.settings().fastestProperty().set(true);
    }

    @AfterEach
    void close() {
        sources.close();
    }

    private long rounds() {
        return vm.charts().chartDataProperty().get().rounds();
    }

    private static SimulationMetrics simulator(long rounds) {
        SimulatedWorld world = SimulationWorlds.create(Scenarios.load(SYNTHETIC), SEED, 0, () -> null);
        return new Simulator(world).run(SimulationPolicies.create("thompson", SEED, world.featureNames()), rounds);
    }

    @Test
    void aPolicyWhoseBucketFeaturesTheScenarioLacksIsWarnedAboutUntilReset() {
        vm.step(); // the two-context scenario has one of thompson's three default bucket features
        assertThat(vm.contextWarningProperty().get()).contains("policy 'thompson' buckets on")
                .contains("the context lacks [bucket.qu.entity, bucket.qu.topical]").contains("its buckets ignore them");
        vm.reset();
        assertThat(vm.contextWarningProperty().get()).isEmpty();
        vm.settings().scenarioProperty().set("synthetic-three-contexts-renamed");
        vm.step();
        assertThat(vm.contextWarningProperty().get()).contains("every context falls in one bucket")
                .contains("bucketFeatures");
        vm.reset();
        assertThat(vm.contextWarningProperty().get()).isEmpty();
        vm.settings().policyProperty().set("thompson(bucketFeatures=ctx.voice+ctx.entity+ctx.topical)");
        vm.step();
        assertThat(vm.stateProperty().get()).isEqualTo(SimulationViewModel.State.PAUSED);
        assertThat(vm.contextWarningProperty().get()).isEmpty();
    }

    @Test
    void startPlaysToTheLimitWithTrueRegretInTheCharts() {
        vm.settings().limitProperty().set(300);
        vm.start();
        assertThat(vm.stateProperty().get()).isEqualTo(SimulationViewModel.State.FINISHED);
        ChartData d = vm.charts().chartDataProperty().get();
        assertThat(d.rounds()).isEqualTo(300);
        assertThat(d.regretLabel()).contains("true regret");
        assertThat(d.arms()).containsExactly("bm25", "structured", "dense");
        assertThat(d.regret()[d.points() - 1]).isCloseTo(simulator(300).cumulativeRegret(), within(1e-9));
        for (int i = 0; i < d.points(); i++) {
            int t = i;
            assertThat(d.arms().stream().mapToDouble(a -> d.share().get(a)[t]).sum()).isCloseTo(1.0, within(1e-9));
        }
        assertThat(vm.charts().progressProperty().get()).isEqualTo(1.0);
        assertThat(vm.charts().roundsTextProperty().get()).contains("round 300 of 300");
    }

    @Test
    void pauseStopsTheRoundsAndStartResumesWhereItStopped() {
        vm.settings().limitProperty().set(500);
        boolean[] paused = {false};
        vm.charts().snapshotProperty().addListener((obs, o, s) -> {
            if (s != null && s.roundsPlayed() == 40 && !paused[0]) {
                paused[0] = true;
                vm.pause();
            }
        });
        vm.start();
        assertThat(vm.stateProperty().get()).isEqualTo(SimulationViewModel.State.PAUSED);
        assertThat(rounds()).isEqualTo(40);
        vm.start();
        assertThat(vm.stateProperty().get()).isEqualTo(SimulationViewModel.State.FINISHED);
        assertThat(rounds()).isEqualTo(500);
        assertThat(vm.charts().snapshotProperty().get().metrics()).isEqualTo(simulator(500));
    }

    @Test
    void stepPlaysExactlyOneRound() {
        vm.step();
        assertThat(vm.stateProperty().get()).isEqualTo(SimulationViewModel.State.PAUSED);
        assertThat(rounds()).isEqualTo(1);
        vm.step();
        vm.step();
        assertThat(rounds()).isEqualTo(3);
        assertThat(vm.charts().chartDataProperty().get().points()).isEqualTo(3);
        vm.settings().limitProperty().set(10);
        vm.start();
        assertThat(rounds()).isEqualTo(10);
        vm.step();
        assertThat(rounds()).isEqualTo(11);
        assertThat(vm.charts().snapshotProperty().get().metrics()).isEqualTo(simulator(11));
    }

    @Test
    void resetClearsTheChartsAndThePolicy() {
        vm.settings().limitProperty().set(200);
        vm.start();
        double[] first = vm.charts().chartDataProperty().get().regret();
        vm.reset();
        assertThat(vm.stateProperty().get()).isEqualTo(SimulationViewModel.State.IDLE);
        assertThat(vm.charts().chartDataProperty().get().points()).isZero();
        assertThat(vm.charts().snapshotProperty().get()).isNull();
        assertThat(vm.charts().progressProperty().get()).isZero();
        vm.start();
        // a fresh world and policy of the same seed: the same rounds again (a kept policy would differ)
        assertThat(vm.charts().chartDataProperty().get().regret()).containsExactly(first);
    }

    @Test
    void theDemoSpeedsUpAndCaptionsWhatItLearned() {
        List<Double> speeds = new ArrayList<>();
        vm.settings().speedProperty().addListener((obs, o, n) -> speeds.add(n.doubleValue()));
        List<String> captions = new ArrayList<>();
        vm.captionProperty().addListener((obs, o, n) -> captions.add(n));
        vm.playDemo(SYNTHETIC);
        assertThat(vm.stateProperty().get()).isEqualTo(SimulationViewModel.State.FINISHED);
        assertThat(rounds()).isEqualTo(DemoScript.ROUNDS);
        assertThat(vm.demoProperty().get()).as("the demo ends with its run").isFalse();
        assertThat(speeds).contains(30.0, 150.0);
        assertThat(captions).anySatisfy(c -> assertThat(c).contains("exploring"));
        String last = vm.captionProperty().get();
        assertThat(last).startsWith("Round 3,000:").contains("of the recent picks").contains("Regret per round");
        // In the synthetic world dense serves 70 % of the users best: the bandit learns to pick it most.
        assertThat(last).contains("dense gets");
        assertThat(vm.summaryProperty().get()).startsWith("Summary after 3,000 rounds")
                .contains("Learned policy (thompson)").contains("Best single arm (dense").contains("Uniform")
                .contains("not separate runs");
    }

    @Test
    void theDemoSaysWhatSettingsItChangesAndResetBringsThemBack() {
        vm.settings().limitProperty().set(20_000);
        List<String> messages = new ArrayList<>();
        vm.messageProperty().addListener((obs, o, n) -> messages.add(n));
        vm.playDemo(SYNTHETIC);
        assertThat(messages).anySatisfy(m -> assertThat(m).contains("Rounds 20,000 → 3,000"));
        assertThat(messages).as("still said once the demo runs (the 'running' line does not hide it)")
                .anySatisfy(m -> assertThat(m).startsWith("running").contains("Rounds 20,000 → 3,000"));
        assertThat(vm.settings().limitProperty().get()).isEqualTo(DemoScript.ROUNDS);
        vm.reset();
        assertThat(vm.settings().limitProperty().get()).isEqualTo(20_000);
        assertThat(vm.settings().fastestProperty().get()).as("the user's as-fast-as-possible is back").isTrue();
        assertThat(vm.summaryProperty().get()).isEmpty();
        assertThat(vm.messageProperty().get()).contains("settings from before the demo are back");
    }

    @Test
    void aStepShowsThatRoundsQueryContextArmsAndReward() {
        vm.step();
        String d = vm.stepDetailsProperty().get();
        assertThat(d).startsWith("Round 1 — user ").contains("Query:").contains("Context: ")
                .contains("Chosen arms: ").contains("reward ").contains("Shown list");
        assertThat(vm.runInProgress()).as("a stepped round is a run in progress").isTrue();
        vm.reset();
        assertThat(vm.stepDetailsProperty().get()).isEmpty();
        assertThat(vm.runInProgress()).isFalse();
    }

    @Test
    void theMeasuredSpeedIsRoundsOverTheClockWhileRunning() {
        vm.settings().limitProperty().set(50);
        List<String> measured = new ArrayList<>();
        vm.measuredProperty().addListener((obs, o, n) -> measured.add(n));
        vm.start();
        // the test clock moves a second per read: the rounds between two snapshots over about a second
        assertThat(measured).anySatisfy(m -> assertThat(m).matches("measured [0-9,]+ rounds/s"));
        assertThat(vm.measuredProperty().get()).as("nothing measured once it stopped").isEmpty();
    }

    @Test
    void chartDataHasTheRollingRegretPerRoundAndCtrAgainstBaselines() {
        vm.settings().limitProperty().set(400);
        vm.start();
        ChartData d = vm.charts().chartDataProperty().get();
        assertThat(d.ctr()).extracting(ChartData.Line::label)
                .containsExactly("policy", "best single arm: dense", SimulationChartModel.UNIFORM_LINE);
        assertThat(d.ctr().get(0).values()[d.points() - 1]).isCloseTo(simulator(400).ctr(), within(1e-12));
        double[] rolling = ChartData.rollingRegret(d.round(), d.regret(), 100);
        int n = d.points();
        // the last value is the regret gained since the earliest point at most 100 rounds back, per round
        int from = 0;
        while (d.round()[n - 1] - d.round()[from] > 100) {
            from++;
        }
        assertThat(rolling[n - 1]).isCloseTo((d.regret()[n - 1] - d.regret()[from])
                / (d.round()[n - 1] - d.round()[from]), within(1e-12));
    }

    @Test
    void rollingRegretIsTheSlopeOverTheWindow() {
        double[] round = {1, 2, 3, 4, 5, 6};
        double[] regret = {1, 2, 2.5, 3, 3, 3};
        assertThat(ChartData.rollingRegret(round, regret, 2))
                .containsExactly(new double[] {1, 1, 0.75, 0.5, 0.25, 0}, within(1e-12));
    }

    @Test
    void anUnknownScenarioFailsWithItsName() {
        vm.settings().scenarioProperty().set("no-such-scenario");
        vm.start();
        assertThat(vm.stateProperty().get()).isEqualTo(SimulationViewModel.State.FAILED);
        assertThat(vm.messageProperty().get()).contains("no-such-scenario");
        vm.settings().scenarioProperty().set(SYNTHETIC);
        vm.settings().limitProperty().set(5);
        vm.start();
        assertThat(vm.stateProperty().get()).isEqualTo(SimulationViewModel.State.FINISHED);
    }

    @Test
    void aMusicScenarioPlaysOnTheDataFoldersCatalog() throws Exception {
        Path data;
        try (var wb = GuiFixtures.workbench(dir.resolve("music"), true)) {
            data = wb.config().dataDir();
        }
        try (SimulationSources music = new SimulationSources(data, ArmSettings.music())) {
            long[] clock = {0};
            SimulationViewModel m = new SimulationViewModel(music, Runnable::run, new SameThreadRunner(),
                    () -> clock[0] += 1_000_000_000L);
            m.settings().scenarioProperty().set("music-default");
            m.settings().fastestProperty().set(true);
            m.settings().limitProperty().set(30);
            m.start();
            assertThat(m.stateProperty().get()).as(m.messageProperty().get())
                    .isEqualTo(SimulationViewModel.State.FINISHED);
            assertThat(m.charts().chartDataProperty().get().rounds()).isEqualTo(30);
            assertThat(m.charts().chartDataProperty().get().arms()).contains("bm25", "structured", "memory");
        }
    }
}
