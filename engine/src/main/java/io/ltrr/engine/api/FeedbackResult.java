package io.ltrr.engine.api;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * A committed click or rating and what it means for the bandit. Feedback is not a pull by itself: a search is
 * one pull, made when it closes, with each arm's best signal (ADR 0009); {@code rewards} are this event's signals.
 *
 * @param eventId    "c-…" for a click, "r-…" for a rating
 * @param searchId   the search it refers to
 * @param itemId     the item clicked or rated
 * @param chosenArms the arms chosen in that search, in the selection's order (so output is stable)
 * @param rewards    reward of every chosen arm, in the same order (empty for a can't-tell rating: nothing learned)
 * @param policyId   the policy that was updated (the one that made the selection)
 * @param updated    whether the active policy learns from it: the search is open, was made by the active policy,
 *                   and the event is a signal (a click, or a rating while ratings train); it is learned in the
 *                   search's one pull when the search closes (ADR 0009). False for a can't-tell rating, a repeated
 *                   click, a search of another policy or a closed search (only the log has it then)
 * @param repeat     a click on an item already clicked in that search: logged, but learned from once only
 * @param pending    the search is still open: its one pull (each arm's best signal) is made when it closes, at
 *                   the next search of the user or after the timeout (ADR 0009); false when it was closed already
 *                   (late feedback: logged only)
 */
public record FeedbackResult(String eventId, String searchId, String itemId, Set<String> chosenArms,
                             Map<String, Double> rewards, String policyId, boolean updated,
                             boolean repeat, boolean pending) {
    public FeedbackResult {
        chosenArms = Collections.unmodifiableSet(new LinkedHashSet<>(chosenArms));
        rewards = Collections.unmodifiableMap(new LinkedHashMap<>(rewards));
    }

    /** Feedback that is not waiting for its search to close. */
    public FeedbackResult(String eventId, String searchId, String itemId, Set<String> chosenArms,
                          Map<String, Double> rewards, String policyId, boolean updated, boolean repeat) {
        this(eventId, searchId, itemId, chosenArms, rewards, policyId, updated, repeat, false);
    }

    /** A first event on its item. */
    public FeedbackResult(String eventId, String searchId, String itemId, Set<String> chosenArms,
                          Map<String, Double> rewards, String policyId, boolean updated) {
        this(eventId, searchId, itemId, chosenArms, rewards, policyId, updated, false);
    }

    /**
     * What the bandit makes of this event, in words, for the command line and the window alike.
     *
     * @param ratingsSetting how the user turns on training from ratings (named in the sentence)
     */
    public String learning(String ratingsSetting) {
        if (repeat) {
            return "already clicked in this search: logged, counted once (nothing learned again)";
        }
        if (cantTell()) {
            return "can't tell: logged, nothing learned";
        }
        String signals = "signals " + new TreeMap<>(rewards);
        if (pending && updated) {
            return signals + "; the search counts once, with each arm's best signal, when it closes (the next "
                    + "search of this user, or after 30 minutes)";
        }
        if (pending && eventId.startsWith("r-")) {
            return signals + "; logged: ratings do not train the live policy (" + ratingsSetting + ")";
        }
        if (pending) {
            return signals + " (the search was made by policy " + policyId + ", which is no longer active: logged only)";
        }
        return signals + "; the search was closed already: logged only";
    }

    /** A can't-tell rating: logged, nothing for any policy to learn. */
    public boolean cantTell() {
        return rewards.isEmpty() && !repeat && eventId.startsWith("r-");
    }
}
