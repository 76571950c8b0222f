package io.ltrr.engine.catalog;

import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.HexFormat;
import java.util.Locale;
import java.util.regex.Pattern;
import java.util.zip.CRC32;

/** URL- and log-friendly id parts: "Trip Hop" to "trip-hop", "Sigur Rós" to "sigur-ros". */
final class Slug {

    private static final Pattern MARKS = Pattern.compile("\\p{M}+");
    private static final Pattern NON_ALNUM = Pattern.compile("[^\\p{L}\\p{N}]+");

    private Slug() {
    }

    /**
     * Lower-case letters and digits of any script joined by "-", accents dropped. Names with no letter or digit
     * at all ("!!!") get "x" plus a checksum of the name, so that they still have a stable, non-empty slug.
     */
    static String of(String text) {
        String plain = MARKS.matcher(Normalizer.normalize(text, Normalizer.Form.NFKD)).replaceAll("");
        String slug = NON_ALNUM.matcher(plain.toLowerCase(Locale.ROOT)).replaceAll("-");
        slug = slug.replaceAll("^-+|-+$", "");
        if (!slug.isEmpty()) {
            return slug;
        }
        CRC32 crc = new CRC32();
        crc.update(text.getBytes(StandardCharsets.UTF_8));
        return "x" + HexFormat.of().toHexDigits((int) crc.getValue());
    }
}
