package io.ltrr.app.gui;

import io.ltrr.engine.context.Device;
import io.ltrr.engine.context.SearchContext;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/** Who searches, on what, when, and who annotates: the context controls of the query bar. */
public final class ContextViewModel {
    private final Clock clock;
    private final StringProperty user = new SimpleStringProperty(this, "user", "analyst");
    private final StringProperty profile = new SimpleStringProperty(this, "profile", "");
    private final ObjectProperty<Device> device = new SimpleObjectProperty<>(this, "device", Device.SCREEN);
    private final BooleanProperty timeNow = new SimpleBooleanProperty(this, "timeNow", true);
    private final IntegerProperty hour = new SimpleIntegerProperty(this, "hour", 12);
    private final StringProperty annotator = new SimpleStringProperty(this, "annotator", "analyst");

    /** @param clock gives "now" (a fixed clock in tests) */
    public ContextViewModel(Clock clock) {
        this.clock = clock;
    }

    public StringProperty userProperty() {
        return user;
    }

    /** Preferred styles, comma-separated. */
    public StringProperty profileProperty() {
        return profile;
    }

    public ObjectProperty<Device> deviceProperty() {
        return device;
    }

    /** True: the search happens now; false: today at {@link #hourProperty()}:00. */
    public BooleanProperty timeNowProperty() {
        return timeNow;
    }

    public IntegerProperty hourProperty() {
        return hour;
    }

    public StringProperty annotatorProperty() {
        return annotator;
    }

    /** The annotator name for ratings; "anonymous" when left blank. */
    public String annotatorName() {
        String a = annotator.get();
        return a == null || a.isBlank() ? "anonymous" : a.trim();
    }

    /** The context of a search made now with these settings. */
    public SearchContext context() {
        LocalDateTime now = LocalDateTime.now(clock);
        LocalDateTime at = timeNow.get() ? now
                : now.toLocalDate().atTime(LocalTime.of(Math.floorMod(hour.get(), 24), 0));
        String u = user.get() == null || user.get().isBlank() ? "anonymous" : user.get().trim();
        return new SearchContext(u, device.get() == null ? Device.SCREEN : device.get(), at, Locale.getDefault(),
                styles(profile.get()));
    }

    static List<String> styles(String text) {
        if (text == null) {
            return List.of();
        }
        return Arrays.stream(text.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
    }
}
