package io.ltrr.engine.context;

import java.time.LocalDateTime;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * Who searches, how and when.
 *
 * @param userId    stable user id ("anonymous" when unknown)
 * @param device    screen or voice
 * @param localTime the user's local date and time
 * @param locale    the user's locale
 * @param profile   styles the user prefers (their profile), possibly empty
 */
public record SearchContext(String userId, Device device, LocalDateTime localTime, Locale locale, List<String> profile) {
    /** Longest user id the feedback log keeps. */
    public static final int MAX_USER_CHARS = 256;

    public SearchContext {
        if (userId == null || userId.isBlank()) {
            throw new IllegalArgumentException("userId must not be blank");
        }
        if (userId.length() > MAX_USER_CHARS) {
            throw new IllegalArgumentException("the user id is " + userId.length() + " characters long (at most "
                    + MAX_USER_CHARS + ")");
        }
        Objects.requireNonNull(device, "device");
        Objects.requireNonNull(localTime, "localTime");
        locale = locale == null ? Locale.ROOT : locale;
        profile = profile == null ? List.of() : List.copyOf(profile);
    }

    /** An anonymous screen user at the given time. */
    public static SearchContext anonymous(LocalDateTime at) {
        return new SearchContext("anonymous", Device.SCREEN, at, Locale.ROOT, List.of());
    }

    public SearchContext withDevice(Device d) {
        return new SearchContext(userId, d, localTime, locale, profile);
    }

    public SearchContext withProfile(List<String> styles) {
        return new SearchContext(userId, device, localTime, locale, styles);
    }
}
