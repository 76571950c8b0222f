package io.ltrr.engine.sim;

import io.ltrr.engine.eval.BeirCollection;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.random.RandomGenerator;

/**
 * Intents from a BEIR test collection: a judged query of the split, uniformly, with its qrels as the truth.
 * Every intent is of kind {@link IntentKind#COLLECTION}; the requested kind is ignored.
 */
public final class BeirIntents implements IntentSource {
    private final List<String> ids = new ArrayList<>();
    private final List<String> texts = new ArrayList<>();
    private final List<Map<String, Integer>> grades = new ArrayList<>();

    public BeirIntents(BeirCollection collection) {
        collection.splitQueries().forEach((id, text) -> {
            Map<String, Integer> judged = collection.qrels().judgments(id);
            if (!text.isBlank() && collection.qrels().relevantCount(id) > 0) {
                ids.add(id);
                texts.add(text);
                grades.add(judged);
            }
        });
        if (ids.isEmpty()) {
            throw new IllegalArgumentException("collection " + collection.directory() + " split " + collection.split()
                    + " has no judged query with a relevant document");
        }
    }

    public int size() {
        return ids.size();
    }

    @Override
    public Intent draw(IntentKind requested, SimulatedUser user, RandomGenerator random) {
        int i = random.nextInt(ids.size());
        return new Intent(IntentKind.COLLECTION, "collection:" + ids.get(i), texts.get(i), "", grades.get(i));
    }
}
