package io.ltrr.app.gui;

import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import javafx.beans.property.StringProperty;

/**
 * The values of the settings dialogs' forms (File ▸ Retrieval backend…, File ▸ Feedback store…) as their
 * ViewModels read them: a field's stripped text, a password file checked readable (its content is read by the
 * engine only, never here), a failure's first line.
 */
final class FormValues {
    private FormValues() {
    }

    /** The field's text without surrounding blanks; "" for none. */
    static String text(StringProperty field) {
        return field.get() == null ? "" : field.get().strip();
    }

    /**
     * The password file the field names, checked readable now; null when the field is empty.
     *
     * @throws IllegalArgumentException "password file: …" when it is not a readable file
     */
    static Path passwordFile(StringProperty field) {
        String file = text(field);
        if (file.isEmpty()) {
            return null;
        }
        Path p;
        try {
            p = Path.of(file);
        } catch (InvalidPathException e) {
            throw new IllegalArgumentException("password file: not a file name: '" + file + "'");
        }
        if (!Files.isRegularFile(p) || !Files.isReadable(p)) {
            throw new IllegalArgumentException("password file: cannot read " + p);
        }
        return p;
    }

    /** The first line of a failure's message (its class name when it has none). */
    static String firstLine(Throwable e) {
        String m = e.getMessage() == null || e.getMessage().isBlank() ? e.getClass().getSimpleName()
                : e.getMessage().strip();
        int nl = m.indexOf('\n');
        return nl < 0 ? m : m.substring(0, nl).strip();
    }
}
