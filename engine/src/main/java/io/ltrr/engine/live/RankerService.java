package io.ltrr.engine.live;

import io.ltrr.engine.api.RankerTraining;
import io.ltrr.engine.folder.WorkbenchState;
import io.ltrr.engine.ltr.FeatureExtractor;
import io.ltrr.engine.ltr.FeatureMatrix;
import io.ltrr.engine.ltr.LambdaMartRanker;
import io.ltrr.engine.ltr.PairwiseLinearRanker;
import io.ltrr.engine.ltr.PositionPropensities;
import io.ltrr.engine.ltr.RankerRegistry;
import io.ltrr.engine.ltr.RankingExample;
import io.ltrr.engine.ltr.SvmLightWriter;
import io.ltrr.engine.ltr.TrainableRanker;
import io.ltrr.engine.rank.RankedItem;
import io.ltrr.engine.rank.Ranker;
import io.ltrr.engine.rank.RrfRanker;
import io.ltrr.engine.store.FeatureLog;
import io.ltrr.engine.store.FeedbackStore;
import io.ltrr.engine.store.LearnedState;
import io.ltrr.engine.store.LoggedFeatures;
import io.ltrr.engine.store.RankerSnapshot;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.random.RandomGenerator;

/**
 * The live rankers behind the facade: the active one (or the one a search asks for) ranks each round through a
 * {@link RoundRanking}, which keeps the features it extracted so they are logged with that round's impression;
 * clicks train the pairwise ranker online, and models are versioned in the store. Callers synchronize (the
 * facade does).
 */
public final class RankerService {
    /** Positions whose examination propensity is estimated (deeper ones share the last value). */
    public static final int PROPENSITY_POSITIONS = 20;

    private final LearnedState learned;
    private final FeatureLog features;
    private final FeatureExtractor extractor;
    private final WorkbenchState state;
    private final long seed;
    private final Map<String, Ranker> rankers = new LinkedHashMap<>();
    /** The trainable rankers that have a model (restored, trained or learned online). */
    private final java.util.Set<String> modelled = new java.util.HashSet<>();
    /** The saved version each modelled ranker holds (a store shared with other workbenches may move past it). */
    private final Map<String, Long> heldVersions = new HashMap<>();
    private Boolean xgboostLoads;
    private Ranker active;

    public RankerService(FeedbackStore store, FeatureExtractor extractor, WorkbenchState state, long seed) {
        this.learned = store.learnedState();
        this.features = store.featureLog();
        this.extractor = extractor;
        this.state = state;
        this.seed = seed;
        load();
        this.active = known(state.ranker()) ? ranker(state.ranker()) : rankers.get(RrfRanker.ID);
    }

    /** Fresh rankers with their latest saved models. */
    private void load() {
        rankers.clear();
        modelled.clear();
        heldVersions.clear();
        for (String id : RankerRegistry.IDS) {
            Ranker r = RankerRegistry.create(id, extractor, seed);
            if (r instanceof TrainableRanker t) {
                learned.latestRankerState(id).ifPresent(s -> hold(t, s));
            }
            rankers.put(id, r);
        }
    }

    private void hold(TrainableRanker t, RankerSnapshot snapshot) {
        t.restore(snapshot.json());
        modelled.add(t.id());
        heldVersions.put(t.id(), snapshot.version());
    }

    /**
     * Takes the models other workbenches sharing the store saved since this one loaded or saved its own (ADR 0011):
     * called inside the transaction of a search or a click, which holds the store's write lock, so the model learned
     * next continues from the newest one and no workbench's learning overwrites another's. One small query when
     * nothing changed (always, on a folder's own store).
     */
    void refresh() {
        learned.latestRankerVersions().forEach((id, version) -> {
            if (rankers.get(id) instanceof TrainableRanker t && !version.equals(heldVersions.get(id))) {
                learned.latestRankerState(id).ifPresent(s -> hold(t, s));
            }
        });
    }
    /** The active ranker's id. */
    public String id() {
        return active.id();
    }

    public List<String> ids() {
        return List.copyOf(rankers.keySet());
    }

    /** The latest saved model version of each trainable ranker (0 when none). */
    public Map<String, Long> versions() {
        Map<String, Long> out = new LinkedHashMap<>();
        rankers.forEach((id, r) -> {
            if (r instanceof TrainableRanker) {
                out.put(id, learned.latestRankerState(id).map(s -> s.version()).orElse(0L));
            }
        });
        return out;
    }

    public void use(String id) {
        active = ranker(id);
        state.setRanker(id);
    }

    private boolean known(String id) {
        if (id == null) {
            return false;
        }
        try {
            RankerRegistry.requireKnown(id, false);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private Ranker ranker(String id) {
        Ranker r = rankers.get(id);
        if (r == null && io.ltrr.engine.rank.FusionConfig.isSpec(id)) {
            // a fusion spec (fusion:l2:geometric, weights an offline sweep found, …): made on first use, kept
            r = RankerRegistry.create(id, extractor, seed);
            rankers.put(id, r);
        }
        if (r == null) {
            throw new IllegalArgumentException("unknown ranker '" + id + "'; known: " + rankers.keySet());
        }
        return r;
    }

    /**
     * The ranking of one round by the active ranker, or by the one named. A trainable ranker that has no model
     * yet (never trained, or forgotten by a reset) or cannot run here would score every item the same and keep
     * the union's order; the round is ranked by RRF instead, with a warning saying why.
     */
    RoundRanking forRound(Optional<String> rankerId) {
        Ranker asked = rankerId.map(this::ranker).orElse(active);
        return unusable(asked).map(why -> new RoundRanking(rankers.get(RrfRanker.ID), extractor, List.of(
                        "ranker '" + asked.id() + "' " + why + "; ranked by " + RrfRanker.ID + " instead")))
                .orElseGet(() -> new RoundRanking(asked, extractor));
    }

    /**
     * The ranking of an interleaved round: the page interleaves the rankings of {@code pair.a()} (team A) and
     * {@code pair.b()} (team B) by team draft, with the round's coins. No fallback: a comparison with a ranker
     * standing in for another would credit the wrong one.
     *
     * @throws IllegalArgumentException when a ranker is unknown or cannot rank yet
     */
    RoundRanking forInterleaving(io.ltrr.engine.interleave.RankerPair pair, RandomGenerator coins) {
        return RoundRanking.interleaved(interleavable(pair.a()), interleavable(pair.b()), extractor, coins);
    }

    /** Checks that both rankers of a pair can rank (before a search's transaction begins). */
    void checkInterleavable(io.ltrr.engine.interleave.RankerPair pair) {
        interleavable(pair.a());
        interleavable(pair.b());
    }

    private Ranker interleavable(String id) {
        Ranker r = ranker(id);
        unusable(r).ifPresent(why -> {
            throw new IllegalArgumentException("cannot interleave: ranker '" + id + "' " + why);
        });
        return r;
    }

    /** Why a ranker cannot rank yet, or empty when it can. */
    Optional<String> unusable(Ranker r) {
        if (!(r instanceof TrainableRanker)) {
            return Optional.empty();
        }
        if (r instanceof LambdaMartRanker && !xgboostLoads()) {
            return Optional.of("cannot run here (XGBoost's native library does not load)");
        }
        if (!modelled.contains(r.id())) {
            return Optional.of("has no trained model yet (train it first: ltrr ranker train " + r.id() + ")");
        }
        return Optional.empty();
    }

    private boolean xgboostLoads() {
        if (xgboostLoads == null) {
            xgboostLoads = LambdaMartRanker.available();
        }
        return xgboostLoads;
    }

    /** Logs the features of a search's shown items, those its round's ranking extracted. */
    void logFeatures(String searchId, RoundRanking ranking, List<RankedItem> shown) {
        Optional<FeatureMatrix> extracted = ranking.features();
        if (extracted.isEmpty() || shown.isEmpty()) {
            return;
        }
        FeatureMatrix m = extracted.get();
        Map<String, double[]> rows = new LinkedHashMap<>();
        for (RankedItem r : shown) {
            if (!m.rows().containsKey(r.itemId())) {
                return;
            }
            rows.put(r.itemId(), m.row(r.itemId()));
        }
        features.recordFeatures(searchId, m.names(), rows);
    }

    /** A committed click trains the pairwise ranker online: the clicked item against the search's other shown items. */
    void learnClick(String searchId, String itemId) {
        List<RankingExample> shown = new ArrayList<>();
        features.forEachLoggedFeatures(searchId, row -> {
            RankingExample e = RankingExample.of(row);
            // Only this click counts as clicked here: earlier clicks of the search were learned when they came.
            shown.add(new RankingExample(e.qid(), e.itemId(), e.position(), e.x(), e.label(),
                    e.itemId().equals(itemId)));
        });
        if (shown.size() < 2 || shown.stream().noneMatch(RankingExample::clicked)) {
            return;
        }
        PairwiseLinearRanker pairwise = (PairwiseLinearRanker) rankers.get(PairwiseLinearRanker.ID);
        pairwise.learnClicks(shown);
        saved(PairwiseLinearRanker.ID, learned.saveRankerState(PairwiseLinearRanker.ID, pairwise.snapshot()));
    }

    private void saved(String id, long version) {
        modelled.add(id);
        heldVersions.put(id, version);
    }

    /** Trains a ranker from the whole feature log and saves the model as its next version. */
    public RankerTraining train(String id) {
        return train(id, List.of(), "");
    }

    /**
     * Trains a ranker from the whole feature log plus {@code judged} examples (imported judgments, position 0)
     * and saves the model as its next version.
     *
     * @param judgedFrom what the judged examples are, for the note ("" when there are none)
     */
    public RankerTraining train(String id, List<RankingExample> judged, String judgedFrom) {
        if (!(rankers.get(id) instanceof TrainableRanker t)) {
            throw new IllegalArgumentException("ranker '" + id + "' does not learn; trainable: "
                    + versions().keySet());
        }
        List<RankingExample> examples = new ArrayList<>();
        List<PositionPropensities.Observation> observations = new ArrayList<>();
        features.forEachLoggedFeatures(null, row -> {
            examples.add(RankingExample.of(row));
            observations.add(new PositionPropensities.Observation(row.normalizedQuery(), row.itemId(),
                    row.position(), row.clicked()));
        });
        if (t instanceof PairwiseLinearRanker p) {
            p.setPropensities(PositionPropensities.estimate(observations, PROPENSITY_POSITIONS));
        }
        int logged = examples.size();
        examples.addAll(judged);
        TrainableRanker.TrainSummary summary = t.train(examples);
        long version = learned.saveRankerState(id, t.snapshot());
        saved(id, version);
        String note = judged.isEmpty() ? summary.note() : summary.note() + "; " + logged + " logged and "
                + judged.size() + " judged examples (" + judgedFrom + ")";
        return new RankerTraining(id, version, summary.queries(), summary.examples(), note);
    }

    /** Writes the feature log in SVMlight format to a file; returns the number of lines (examples). */
    public long export(Path file) {
        try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            return export(w);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
        }
    }

    /** Writes the feature log in SVMlight format; returns the number of lines (examples). */
    public long export(Writer out) throws IOException {
        SvmLightWriter.writeHeader(out);
        long[] n = {0};
        IOException[] failure = {null};
        features.forEachLoggedFeatures(null, (LoggedFeatures row) -> {
            if (failure[0] == null) {
                try {
                    SvmLightWriter.writeLine(out, RankingExample.of(row), row.searchId() + " " + row.itemId());
                    n[0]++;
                } catch (IOException e) {
                    failure[0] = e;
                }
            }
        });
        if (failure[0] != null) {
            throw failure[0];
        }
        return n[0];
    }

    /** After the store forgot the models: fresh rankers, the active one kept. */
    void reset() {
        String id = active.id();
        load();
        active = ranker(id);
    }
}
