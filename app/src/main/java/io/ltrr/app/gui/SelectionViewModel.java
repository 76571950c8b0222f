package io.ltrr.app.gui;

import io.ltrr.engine.api.FeedbackResult;
import io.ltrr.engine.api.SearchResult;
import io.ltrr.engine.bandit.ArmDiagnostics;
import io.ltrr.engine.bandit.ContextVector;
import io.ltrr.engine.bandit.Selection;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The policy's decision of the current round: every arm with its estimate, uncertainty, propensity, k_a and
 * whether it was chosen, the named context features it saw, and the rewards of the latest feedback.
 */
public final class SelectionViewModel {
    /**
     * One arm of the round.
     *
     * @param reward the reward the latest feedback gave it, null when none (not chosen, or no feedback yet)
     */
    public record ArmRow(String arm, boolean chosen, int k, double propensity, double mean, double uncertainty,
                         double score, long pulls, Double reward) {
    }

    /** One named context feature. */
    public record FeatureRow(String name, double value) {
    }

    private final ObservableList<ArmRow> arms = FXCollections.observableArrayList();
    private final ObservableList<FeatureRow> features = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper header = new ReadOnlyStringWrapper(this, "header", "no search yet");
    private final ReadOnlyStringWrapper learned = new ReadOnlyStringWrapper(this, "learned", "");
    private String searchId;

    public ObservableList<ArmRow> arms() {
        return arms;
    }

    public ObservableList<FeatureRow> features() {
        return features;
    }

    /** Policy, round and query type of the round shown. */
    public ReadOnlyStringProperty headerProperty() {
        return header.getReadOnlyProperty();
    }

    /** What the latest feedback taught the policy. */
    public ReadOnlyStringProperty learnedProperty() {
        return learned.getReadOnlyProperty();
    }

    /** Shows no round, as before the first search (its round was logged in a store no longer used). */
    public void clear() {
        searchId = null;
        arms.clear();
        features.clear();
        header.set("no search yet");
        learned.set("");
    }

    /** Shows a new round. */
    public void show(SearchResult r) {
        searchId = r.searchId();
        Selection s = r.selection();
        List<ArmRow> rows = new ArrayList<>();
        s.propensity().forEach((arm, p) -> {
            ArmDiagnostics d = s.diagnostics().get(arm);
            rows.add(new ArmRow(arm, s.isChosen(arm), s.candidates().getOrDefault(arm, 0), p,
                    d == null ? Double.NaN : d.mean(), d == null ? Double.NaN : d.uncertainty(),
                    d == null ? Double.NaN : d.score(), d == null ? 0 : d.pulls(), null));
        });
        arms.setAll(chosenFirst(rows, List.copyOf(s.chosen())));
        ContextVector x = r.x();
        List<FeatureRow> fs = new ArrayList<>();
        for (int i = 0; i < x.dimension(); i++) {
            fs.add(new FeatureRow(x.names().get(i), x.get(i)));
        }
        features.setAll(fs);
        header.set(String.format(Locale.ROOT, "%s · round %d · %s query · %s", s.policyId(), s.round(),
                r.analysis().type().name().toLowerCase(Locale.ROOT), r.searchId()));
        learned.set("");
    }

    /** The chosen arms in the selection's order, then the others by falling propensity (ties by id). */
    static List<ArmRow> chosenFirst(List<ArmRow> rows, List<String> chosen) {
        List<ArmRow> out = new ArrayList<>(rows);
        out.sort(java.util.Comparator.<ArmRow>comparingInt(a -> a.chosen() && chosen.contains(a.arm())
                        ? chosen.indexOf(a.arm()) : chosen.size())
                .thenComparing(ArmRow::propensity, java.util.Comparator.reverseOrder())
                .thenComparing(ArmRow::arm));
        return out;
    }

    /** Shows the rewards of feedback on the round shown; the new means appear with the next search. */
    public void applyFeedback(FeedbackResult f) {
        if (!f.searchId().equals(searchId)) {
            return;
        }
        Map<String, Double> rewards = f.rewards();
        arms.replaceAll(a -> new ArmRow(a.arm(), a.chosen(), a.k(), a.propensity(), a.mean(), a.uncertainty(),
                a.score(), a.pulls(), rewards.containsKey(a.arm()) ? rewards.get(a.arm()) : a.reward()));
        learned.set(f.learning("tick \"ratings train\" in the status bar"));
    }
}
