package io.ltrr.engine.index;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.ltrr.engine.catalog.Item;
import java.io.UncheckedIOException;

/** The JSON form of an item kept in the index's stored source field. */
public final class ItemJson {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private ItemJson() {
    }

    public static String write(Item item) {
        try {
            return MAPPER.writeValueAsString(item);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static Item read(String json) {
        try {
            return MAPPER.readValue(json, Item.class);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
