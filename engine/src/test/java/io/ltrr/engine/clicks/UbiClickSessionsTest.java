package io.ltrr.engine.clicks;

import static org.assertj.core.api.Assertions.assertThat;

import io.ltrr.engine.store.UbiEvent;
import io.ltrr.engine.store.UbiLog;
import io.ltrr.engine.store.UbiQuery;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Where a UBI click lands on the shown list. */
class UbiClickSessionsTest {
    private static final Instant T = Instant.parse("2025-03-01T10:00:00Z");
    private static final UbiQuery QUERY = new UbiQuery("q", "Blue  TRAIN!", null, T, null, null,
            List.of("a", "b", "a", "c"));

    private static UbiClickSessions clicks(UbiEvent... events) {
        return UbiClickSessions.of(new UbiLog(List.of(QUERY), List.of(events)));
    }

    private static UbiEvent click(String action, String objectId, Integer ordinal) {
        return new UbiEvent(action, "q", null, T, objectId, null, ordinal, null);
    }

    @Test
    void anObjectIdInTheShownListPlacesTheClickWhateverTheOrdinalSays() {
        assertThat(clicks(click("click", "c", 1)).sessions().getFirst().clicked()).containsExactly(4);
        assertThat(clicks(click("click", "c", null)).sessions().getFirst().clicked()).containsExactly(4);
        assertThat(clicks(click("click", "a", 3)).sessions().getFirst().clicked()).containsExactly(3);
        assertThat(clicks(click("click", "a", 2)).sessions().getFirst().clicked()).containsExactly(1);
    }

    @Test
    void theOrdinalPlacesAClickWhoseObjectIsNotInTheList() {
        assertThat(clicks(click("click", "other-id-field-42", 2), click("CLICK_THROUGH", null, 4)).sessions()
                .getFirst().clicked()).containsExactly(2, 4);
    }

    @Test
    void clicksThatCannotBePlacedOrHaveNoQueryAreCountedAndOtherActionsIgnored() {
        UbiClickSessions s = clicks(click("click", "zzz", null), click("click", null, 5),
                new UbiEvent("click", "elsewhere", null, T, "a", null, 1, null),
                new UbiEvent("click", null, null, T, "a", null, 1, null),
                click("impression", "a", 1), click("click", "b", 2), click("click", "b", 2));

        assertThat(s.sessions()).containsExactly(new ClickSession("q", "blue train", QUERY.hitIds(), Set.of(2)));
        assertThat(s.clicks()).isEqualTo(4);
        assertThat(s.unplaced()).isEqualTo(2);
        assertThat(s.unknownQuery()).isEqualTo(2);
        assertThat(ClickSessions.fromUbi(new UbiLog(List.of(QUERY), List.of()))).singleElement()
                .satisfies(c -> assertThat(c.clicked()).isEmpty());
    }
}
