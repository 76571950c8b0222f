package io.ltrr.engine.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.ltrr.engine.SharedData;
import io.ltrr.engine.eval.BeirCollection;
import java.nio.file.Files;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class BeirIntentsTest {
    @Test
    void collectionIntentsAreJudgedQueriesWithTheirQrels() throws Exception {
        assumeTrue(Files.isDirectory(SharedData.scifact()), "needs ../shared/data/scifact-dev");
        BeirCollection scifact = BeirCollection.load(SharedData.scifact());
        BeirIntents intents = new BeirIntents(scifact);
        assertTrue(intents.size() > 0);
        SimulatedUser user = new SimulatedUser("u0", io.ltrr.engine.context.Device.SCREEN, List.of(), 12);
        for (long seed = 0; seed < 20; seed++) {
            Intent a = intents.draw(IntentKind.TOPICAL, user, new SplittableRandom(seed));
            assertEquals(a, intents.draw(IntentKind.TOPICAL, user, new SplittableRandom(seed)), "seed " + seed);
            assertEquals(IntentKind.COLLECTION, a.kind());
            String qid = a.label().substring("collection:".length());
            assertEquals(scifact.queries().get(qid), a.text());
            assertEquals(scifact.qrels().judgments(qid), a.grades());
        }
    }
}
