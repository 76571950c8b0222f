package io.ltrr.engine.index;

import io.ltrr.engine.catalog.Item;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

/**
 * A digest of everything an index depends on: the index format version, the settings, the embedding model
 * and every item. An index whose stored fingerprint differs is rebuilt.
 */
public final class IndexFingerprint {
    /** Bump when fields or their analysis change in a way old indexes cannot serve. */
    public static final int FORMAT_VERSION = 6;

    private IndexFingerprint() {
    }

    public static String of(List<Item> items, IndexSettings settings, String embeddingModel) {
        Digest digest = start(settings, embeddingModel);
        for (Item item : items) {
            digest.add(ItemJson.write(item));
        }
        return digest.finish();
    }

    /** A fingerprint made item by item, from the JSON the index stores of each: equal to {@link #of}. */
    static Digest start(IndexSettings settings, String embeddingModel) {
        MessageDigest digest = sha256();
        update(digest, "format=" + FORMAT_VERSION);
        update(digest, "analyzer=" + settings.analyzer().key());
        update(digest, "embeddings=" + (settings.embeddings() ? embeddingModel : "none"));
        return new Digest(digest);
    }

    /** The fingerprint being made; add every item's {@link ItemJson#write JSON} in catalog order. */
    static final class Digest {
        private final MessageDigest digest;

        private Digest(MessageDigest digest) {
            this.digest = digest;
        }

        void add(String itemJson) {
            update(digest, itemJson);
        }

        String finish() {
            return HexFormat.of().formatHex(digest.digest());
        }
    }

    private static void update(MessageDigest digest, String s) {
        digest.update(s.getBytes(StandardCharsets.UTF_8));
        digest.update((byte) '\n');
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by the Java platform", e);
        }
    }
}
