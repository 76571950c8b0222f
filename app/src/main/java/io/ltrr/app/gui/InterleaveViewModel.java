package io.ltrr.app.gui;

import io.ltrr.engine.interleave.InterleavingComparison;
import io.ltrr.engine.interleave.RankerPair;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The interleaving switch: when on, searches show the team-draft interleaving of two chosen rankers (an online
 * comparison), and the running score — wins of each, ties, impressions, the sign test's p-value — is read from the
 * log after every search and click.
 */
public final class InterleaveViewModel {
    private final WorkbenchService service;
    private final BackgroundRunner runner;
    private final BooleanProperty on = new SimpleBooleanProperty(this, "on");
    private final ObjectProperty<String> rankerA = new SimpleObjectProperty<>(this, "rankerA");
    private final ObjectProperty<String> rankerB = new SimpleObjectProperty<>(this, "rankerB");
    private final ObservableList<String> rankers = FXCollections.observableArrayList();
    private final StringProperty score = new SimpleStringProperty(this, "score", "");

    public InterleaveViewModel(WorkbenchService service, BackgroundRunner runner) {
        this.service = service;
        this.runner = runner;
        on.addListener((obs, o, n) -> refresh());
        rankerA.addListener((obs, o, n) -> refresh());
        rankerB.addListener((obs, o, n) -> refresh());
    }

    /** Whether searches interleave the two rankers. */
    public BooleanProperty onProperty() {
        return on;
    }

    public ObjectProperty<String> rankerAProperty() {
        return rankerA;
    }

    public ObjectProperty<String> rankerBProperty() {
        return rankerB;
    }

    /** The rankers to choose from. */
    public ObservableList<String> rankers() {
        return rankers;
    }

    /** The running score of the chosen pair, in one line; empty while the switch is off. */
    public StringProperty scoreProperty() {
        return score;
    }

    /** Loads the rankers: A is the active one, B the next one. */
    public void load() {
        runner.run("rankers", () -> new Rankers(service.rankerIds(), service.rankerId()), r -> {
            rankers.setAll(r.ids());
            if (rankerA.get() == null) {
                rankerA.set(r.active());
            }
            if (rankerB.get() == null) {
                rankerB.set(r.ids().stream().filter(id -> !id.equals(r.active())).findFirst().orElse(r.active()));
            }
        }, e -> score.set("rankers not read: " + e.getMessage()));
    }

    private record Rankers(List<String> ids, String active) {
    }

    /** The pair a search now interleaves; empty while the switch is off or a ranker is not chosen. */
    public Optional<RankerPair> pair() {
        if (!on.get() || rankerA.get() == null || rankerB.get() == null) {
            return Optional.empty();
        }
        return Optional.of(new RankerPair(rankerA.get(), rankerB.get()));
    }

    /** Reads the running score of the chosen pair (after a search or a click). */
    public void refresh() {
        Optional<RankerPair> pair = pair();
        if (pair.isEmpty()) {
            score.set("");
            return;
        }
        runner.run("interleaving", () -> service.interleaving(pair.get()), c -> {
            if (pair.equals(pair())) {
                score.set(text(c));
            }
        }, e -> score.set("score not read: " + e.getMessage()));
    }

    /** "A rrf 5 · B pairwise 2 · 3 ties · 10 impressions · p = 0.453: neither preferred". */
    static String text(InterleavingComparison c) {
        String verdict = c.preferred(InterleavingComparison.ALPHA).map(t -> c.rankers().of(t) + " preferred")
                .orElse("neither preferred yet");
        return String.format(Locale.ROOT, "A %s %d · B %s %d · %d tie%s · %d impression%s · p = %.3g (sign test): %s",
                c.rankers().a(), c.aWins(), c.rankers().b(), c.bWins(), c.ties(), c.ties() == 1 ? "" : "s",
                c.impressions(), c.impressions() == 1 ? "" : "s", c.pValue(), verdict);
    }
}
