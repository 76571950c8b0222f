package io.ltrr.engine.qu;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Enumerates the most likely interpretations of a query with a beam search over token positions: at each
 * position a token is either left as free text or starts one candidate slot, with at most one slot per slot
 * type except styles and genres, which combine ("minimal tech house"). A path's score is the product of its
 * slot scores and {@link LikelihoodModel#freeToken} per free token; the best paths are normalized to likelihoods that sum to 1. The all-free-text reading is always
 * among them.
 */
final class InterpretationSearch {

    /** Paths kept per token position. */
    private static final int BEAM = 24;

    /** One partial reading of the tokens before a position, as a linked list back to the start. */
    private record Path(Path previous, Slot slot, String freeToken, double score, int usedTypes, int seq) {
    }

    /**
     * Orders paths by score, ties by creation order. Paths are created in a fixed order (positions, then
     * candidates in the matcher's sorted order), so ties break the same way on every run.
     */
    private static final Comparator<Path> BEST_FIRST =
            Comparator.comparingDouble(Path::score).reversed().thenComparingInt(Path::seq);

    private final int maxInterpretations;

    InterpretationSearch(int maxInterpretations) {
        if (maxInterpretations < 1) {
            throw new IllegalArgumentException("maxInterpretations must be >= 1, was " + maxInterpretations);
        }
        this.maxInterpretations = maxInterpretations;
    }

    /**
     * Interpretations of {@code tokens} using {@code candidates}, sorted by likelihood, highest first.
     *
     * @param freeWeights the weight of leaving each token free, see {@link LikelihoodModel#freeToken}
     */
    List<Interpretation> search(List<String> tokens, double[] freeWeights, List<SlotCandidate> candidates) {
        int n = tokens.size();
        List<List<SlotCandidate>> byStart = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            byStart.add(new ArrayList<>());
        }
        candidates.forEach(c -> byStart.get(c.slot().start()).add(c));

        List<List<Path>> beams = new ArrayList<>();
        for (int i = 0; i <= n; i++) {
            beams.add(new ArrayList<>());
        }
        int seq = 0;
        beams.getFirst().add(new Path(null, null, null, 1.0, 0, seq++));
        for (int i = 0; i < n; i++) {
            List<Path> here = prune(beams.get(i), BEAM);
            for (Path p : here) {
                beams.get(i + 1).add(new Path(p, null, tokens.get(i), p.score() * freeWeights[i], p.usedTypes(), seq++));
                for (SlotCandidate c : byStart.get(i)) {
                    int bit = exclusiveBit(c.slot().type());
                    if ((p.usedTypes() & bit) == 0 && !holds(p, c.slot())) {
                        beams.get(c.slot().end()).add(
                                new Path(p, c.slot(), null, p.score() * c.score(), p.usedTypes() | bit, seq++));
                    }
                }
            }
        }
        return normalize(finalPaths(beams.get(n), tokens, freeWeights));
    }

    /** The bit a slot type takes in a path's used set; 0 for the types that may occur more than once. */
    private static int exclusiveBit(SlotType type) {
        return type == SlotType.STYLE || type == SlotType.GENRE ? 0 : 1 << type.ordinal();
    }

    private List<Path> finalPaths(List<Path> ends, List<String> tokens, double[] freeWeights) {
        List<Path> best = prune(ends, maxInterpretations);
        if (best.stream().noneMatch(InterpretationSearch::allFree)) {
            Path free = new Path(null, null, null, 1.0, 0, Integer.MAX_VALUE);
            for (int i = 0; i < tokens.size(); i++) {
                free = new Path(free, null, tokens.get(i), free.score() * freeWeights[i], 0, Integer.MAX_VALUE);
            }
            if (best.size() == maxInterpretations) {
                best.removeLast();
            }
            best.add(free);
        }
        return best;
    }

    private static List<Interpretation> normalize(List<Path> paths) {
        double total = paths.stream().mapToDouble(Path::score).sum();
        List<Interpretation> out = new ArrayList<>(paths.size());
        for (Path p : paths) {
            List<Slot> slots = new ArrayList<>();
            List<String> free = new ArrayList<>();
            for (Path q = p; q != null && q.previous() != null; q = q.previous()) {
                if (q.slot() != null) {
                    slots.addFirst(q.slot());
                } else {
                    free.addFirst(q.freeToken());
                }
            }
            double likelihood = total > 0 ? p.score() / total : 1.0 / paths.size();
            out.add(new Interpretation(slots, free, Math.min(1.0, likelihood), Interpretation.describe(slots, free)));
        }
        out.sort(Comparator.comparingDouble(Interpretation::likelihood).reversed()
                .thenComparing(Interpretation::description));
        return out;
    }

    /** The best {@code limit} paths. */
    private static List<Path> prune(List<Path> paths, int limit) {
        List<Path> sorted = new ArrayList<>(paths);
        sorted.sort(BEST_FIRST);
        return new ArrayList<>(sorted.subList(0, Math.min(limit, sorted.size())));
    }

    /** Whether the path already reads some span as the same value ("Trip Hop" from "trip" and from "hop"). */
    private static boolean holds(Path p, Slot slot) {
        for (Path q = p; q != null; q = q.previous()) {
            if (q.slot() != null && q.slot().type() == slot.type() && q.slot().value().equals(slot.value())) {
                return true;
            }
        }
        return false;
    }

    private static boolean allFree(Path p) {
        for (Path q = p; q != null; q = q.previous()) {
            if (q.slot() != null) {
                return false;
            }
        }
        return true;
    }
}
