package io.ltrr.engine.sim;

import io.ltrr.engine.context.Device;
import io.ltrr.engine.context.SearchContext;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Locale;
import java.util.random.RandomGenerator;

/**
 * One simulated user: fixed device and taste, searching around a habitual hour.
 *
 * @param id       user id
 * @param device   screen or voice
 * @param profile  1 to 3 preferred styles
 * @param peakHour the hour the user usually searches at
 */
public record SimulatedUser(String id, Device device, List<String> profile, int peakHour) {
    /** Monday; a round's weekday is added to it. */
    private static final LocalDateTime WEEK_START = LocalDateTime.of(2024, 1, 1, 0, 0);

    public SimulatedUser {
        profile = List.copyOf(profile);
    }

    /** The context of one search: the habitual hour give or take a few, any weekday. */
    public SearchContext contextAt(RandomGenerator random) {
        int hour = Math.floorMod(peakHour + (int) Math.round(random.nextGaussian() * 2.5), 24);
        LocalDateTime at = WEEK_START.plusDays(random.nextInt(7)).withHour(hour).withMinute(random.nextInt(60));
        return new SearchContext(id, device, at, Locale.ROOT, profile);
    }
}
