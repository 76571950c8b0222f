package io.ltrr.app.gui;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The simulation panel's settings: the pace a run is played at and what a run freezes. */
class SimulationSettingsTest {
    @Test
    void asFastAsPossibleIsAnInfinitePaceAndASlowSpeedIsFloored() {
        SimulationSettings s = new SimulationSettings();
        s.speedProperty().set(0);
        assertThat(s.effectiveSpeed()).isEqualTo(0.1);
        s.speedProperty().set(250);
        assertThat(s.effectiveSpeed()).isEqualTo(250);
        s.fastestProperty().set(true);
        assertThat(s.effectiveSpeed()).isInfinite();
    }

    @Test
    void aRunFreezesTheSettingsAsTheyAre() {
        SimulationSettings s = new SimulationSettings();
        s.scenarioProperty().set("synthetic-two-contexts");
        s.policyProperty().set("linucb");
        s.maxArmsProperty().set(2);
        s.seedProperty().set(7);
        s.limitProperty().set(500);
        s.speedProperty().set(40);
        SimulationSettings.Run run = s.run();
        s.seedProperty().set(8);
        assertThat(run).isEqualTo(new SimulationSettings.Run("synthetic-two-contexts", "linucb", 2, 7, 500, 40));
    }

    @Test
    void aScenarioFileIsAddedOnceAndSelected() {
        SimulationSettings s = new SimulationSettings();
        int shipped = s.scenarios().size();
        s.addScenarioFile("/tmp/mine.json");
        s.addScenarioFile("/tmp/mine.json");
        assertThat(s.scenarios()).hasSize(shipped + 1).endsWith("/tmp/mine.json");
        assertThat(s.scenarioProperty().get()).isEqualTo("/tmp/mine.json");
    }
}
