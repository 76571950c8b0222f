package io.ltrr.engine.retrieval;

import static org.assertj.core.api.Assertions.assertThat;

import io.ltrr.engine.qu.Interpretation;
import io.ltrr.engine.qu.MatchKind;
import io.ltrr.engine.qu.QueryAnalysis;
import io.ltrr.engine.qu.QueryType;
import io.ltrr.engine.qu.Slot;
import io.ltrr.engine.qu.SlotType;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The lexical arms search the names the top reading recognised through a typo, beside the typed words. */
class LexicalCorrectionTest {
    private static QueryAnalysis reading(Slot... slots) {
        Interpretation top = new Interpretation(List.of(slots), List.of(), 0.6, "top");
        Interpretation free = new Interpretation(List.of(), List.of("tayler", "love"), 0.4, "free");
        return new QueryAnalysis("tayler love", "tayler love", List.of("tayler", "love"), List.of(top, free),
                QueryType.ENTITY, 0.6, Map.of());
    }

    @Test
    void aFuzzyArtistOrAlbumOfTheTopReadingIsAddedToTheTypedWords() {
        QueryAnalysis a = reading(Slot.phrase(SlotType.ARTIST, "Tyler Sanford", 0, 1, MatchKind.FUZZY, 0.8),
                Slot.phrase(SlotType.TITLE, "Love", 1, 2, MatchKind.EXACT, 1.0));
        assertThat(new RetrievalRequest("tayler love", a, 1).lexicalText()).isEqualTo("tayler love Tyler Sanford");
    }

    @Test
    void exactOrTopicalSlotsAndMissingAnalysesLeaveTheTextAsTyped() {
        QueryAnalysis exact = reading(Slot.phrase(SlotType.ARTIST, "Tyler Sanford", 0, 1, MatchKind.EXACT, 1.0));
        assertThat(new RetrievalRequest("tayler love", exact, 1).lexicalText()).isEqualTo("tayler love");
        QueryAnalysis style = reading(Slot.phrase(SlotType.STYLE, "Trip Hop", 0, 1, MatchKind.FUZZY, 0.8));
        assertThat(new RetrievalRequest("tayler love", style, 1).lexicalText()).isEqualTo("tayler love");
        assertThat(new RetrievalRequest("tayler love", 1).lexicalText()).isEqualTo("tayler love");
    }
}
