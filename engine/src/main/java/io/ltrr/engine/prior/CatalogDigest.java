package io.ltrr.engine.prior;

import io.ltrr.engine.catalog.Item;
import io.ltrr.engine.index.ItemJson;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

/**
 * A digest of a catalog's items alone (SHA-256 of the items' stored JSON, sorted, so the order a backend lists them in
 * does not matter): what a prior was learned on.
 * Unlike the index fingerprint it ignores how the catalog is indexed (embeddings or not, the index format), which a
 * prior learned by simulating the lexical, structured, explore and memory arms does not depend on.
 */
public final class CatalogDigest {
    private CatalogDigest() {
    }

    public static String of(List<Item> items) {
        MessageDigest digest;
        try {
            digest = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
        for (String json : items.stream().map(ItemJson::write).sorted().toList()) {
            digest.update(json.getBytes(StandardCharsets.UTF_8));
            digest.update((byte) '\n');
        }
        return HexFormat.of().formatHex(digest.digest());
    }
}
