package io.ltrr.engine.clicks.recovery;

import io.ltrr.engine.clicks.ClickSession;
import io.ltrr.engine.sim.ClickCoins;
import io.ltrr.engine.sim.ClickModel;
import io.ltrr.engine.sim.ClickModelSpec;
import io.ltrr.engine.sim.PositionBasedClickModel;
import io.ltrr.engine.sim.RandomStreams;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeSet;

/**
 * Click sessions of the simulator's users (its {@link ClickModel}s: cascade or position-based) on a
 * {@link ClickLogSetup}'s queries, with the truth they were drawn from.
 *
 * @param users       the simulator's click model the users follow
 * @param sessions    the sessions, in order
 * @param grades      query → item → true grade, for every candidate
 * @param examination the users' true examination probability per position, 1 first (position-based users); empty
 *                    for cascade users, whose examination depends on the items above
 */
public record SimulatedClickLog(ClickModelSpec users, List<ClickSession> sessions,
                                Map<String, Map<String, Integer>> grades, List<Double> examination) {
    private static final double[] GRADE_SHARES = {0.4, 0.3, 0.2, 0.1};

    public SimulatedClickLog {
        sessions = List.copyOf(sessions);
        grades = Collections.unmodifiableMap(new LinkedHashMap<>(grades));
        examination = List.copyOf(examination);
    }

    /**
     * Draws the log: the grades of query q and the ranker's errors about its items from the
     * {@link RandomStreams#POPULATION} stream of (seed, q), session
     * t's query and ranking noise from the {@link RandomStreams#TRAFFIC} stream of (seed, t), its clicks from the
     * click coins of (seed, t).
     */
    public static SimulatedClickLog simulate(ClickLogSetup setup, ClickModelSpec users) {
        ClickModel model = users.create();
        Map<String, Map<String, Integer>> grades = new LinkedHashMap<>();
        List<String> queries = new ArrayList<>();
        List<List<String>> candidates = new ArrayList<>();
        List<double[]> belief = new ArrayList<>();
        for (int q = 0; q < setup.queries(); q++) {
            SplittableRandom random = RandomStreams.of(setup.seed(), q, RandomStreams.POPULATION);
            String query = String.format("query %03d", q);
            Map<String, Integer> byItem = new LinkedHashMap<>();
            double[] scores = new double[setup.itemsPerQuery()];
            for (int i = 0; i < scores.length; i++) {
                int grade = drawGrade(random);
                byItem.put(String.format("q%03d-item%03d", q, i), grade);
                scores[i] = grade + setup.rankerError() * random.nextGaussian();
            }
            belief.add(scores);
            queries.add(query);
            candidates.add(List.copyOf(byItem.keySet()));
            grades.put(query, Collections.unmodifiableMap(byItem));
        }
        List<ClickSession> sessions = new ArrayList<>(setup.sessions());
        for (int t = 0; t < setup.sessions(); t++) {
            SplittableRandom random = RandomStreams.of(setup.seed(), t, RandomStreams.TRAFFIC);
            int q = random.nextInt(setup.queries());
            Map<String, Integer> truth = grades.get(queries.get(q));
            List<String> items = candidates.get(q);
            double[] score = belief.get(q).clone();
            for (int i = 0; i < score.length; i++) {
                score[i] += setup.sessionNoise() * random.nextGaussian();
            }
            List<Integer> order = new ArrayList<>();
            for (int i = 0; i < score.length; i++) {
                order.add(i);
            }
            order.sort(Comparator.comparingDouble((Integer i) -> -score[i]).thenComparingInt(i -> i));
            List<String> shown = order.subList(0, setup.shown()).stream().map(items::get).toList();
            Set<Integer> clicked = new TreeSet<>();
            for (int k : model.sample(shown, truth, new ClickCoins(setup.seed(), t))) {
                clicked.add(k + 1);
            }
            sessions.add(new ClickSession("session-" + t, queries.get(q), shown, clicked));
        }
        List<Double> examination = new ArrayList<>();
        if (model instanceof PositionBasedClickModel) {
            for (int k = 0; k < setup.shown(); k++) {
                examination.add(users.positionBias().at(k));
            }
        }
        return new SimulatedClickLog(users, sessions, grades, examination);
    }

    /** The true grade of a pair (0 for an item not among the query's candidates). */
    public int grade(String query, String itemId) {
        return grades.getOrDefault(query, Map.of()).getOrDefault(itemId, 0);
    }

    private static int drawGrade(SplittableRandom random) {
        double u = random.nextDouble();
        for (int g = 0; g < GRADE_SHARES.length - 1; g++) {
            u -= GRADE_SHARES[g];
            if (u < 0) {
                return g;
            }
        }
        return GRADE_SHARES.length - 1;
    }
}
