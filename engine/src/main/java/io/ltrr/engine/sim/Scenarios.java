package io.ltrr.engine.sim;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads scenario files. A name resolves to an existing file path first, then to the shipped
 * {@code ltrr/scenarios/NAME.json} on the classpath. Unknown keys are rejected (a typo must not silently fall
 * back to a default); errors name the field.
 */
public final class Scenarios {
    /** Where shipped scenarios live on the classpath. */
    public static final String CLASSPATH_DIR = "ltrr/scenarios/";
    /** The shipped scenarios, for help texts. */
    public static final List<String> SHIPPED = List.of("synthetic-two-contexts", "synthetic-three-contexts",
            "synthetic-three-contexts-renamed", "music-default", "music-misspelled",
            "music-reformulating", "music-lexical-misspelled", "beir-scifact");

    private static final ObjectMapper JSON = new ObjectMapper();

    private Scenarios() {
    }

    /**
     * @throws IllegalArgumentException when neither a file nor a shipped scenario has that name, or it is invalid
     */
    public static Scenario load(String nameOrPath) {
        Path file = Path.of(nameOrPath);
        try {
            if (Files.isRegularFile(file)) {
                return parse(Files.readString(file, StandardCharsets.UTF_8), file.toString());
            }
            try (InputStream in = Scenarios.class.getClassLoader().getResourceAsStream(CLASSPATH_DIR + nameOrPath
                    + ".json")) {
                if (in == null) {
                    throw new IllegalArgumentException("scenario '" + nameOrPath + "' is neither a file nor a shipped "
                            + "scenario; shipped: " + SHIPPED);
                }
                return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8), nameOrPath);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read scenario " + nameOrPath + ": " + e.getMessage(), e);
        }
    }

    /** Parses a scenario document; {@code source} names it in error messages. */
    public static Scenario parse(String json, String source) {
        JsonNode root;
        try {
            root = JSON.readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("scenario " + source + " is not valid JSON: " + e.getOriginalMessage(), e);
        }
        try {
            return switch (root.path("kind").asText("")) {
                case "synthetic" -> synthetic(root);
                case "music" -> music(root);
                case "beir" -> beir(root);
                default -> throw new IllegalArgumentException("kind must be 'synthetic', 'music' or 'beir', was '"
                        + root.path("kind").asText("") + "'");
            };
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("scenario " + source + ": " + e.getMessage(), e);
        }
    }

    private static SyntheticScenario synthetic(JsonNode root) {
        allowOnly(root, "", "kind", "description", "arms", "max_arms", "contexts");
        List<SyntheticScenario.Context> contexts = new ArrayList<>();
        for (JsonNode c : array(root, "contexts")) {
            allowOnly(c, "contexts[].", "name", "frequency", "features", "rates");
            contexts.add(new SyntheticScenario.Context(c.path("name").asText(""), number(c, "frequency", 1.0),
                    numbers(c.path("features")), numbers(c.path("rates"))));
        }
        return new SyntheticScenario(root.path("description").asText(""), strings(root.path("arms")),
                (int) number(root, "max_arms", 1), contexts);
    }

    private static MusicScenario music(JsonNode root) {
        allowOnly(root, "", "kind", "description", "users", "voice_share", "arms", "max_arms", "total_candidates",
                "min_per_arm", "shown", "voice_depth", "intent_mix", "query_noise", "click_model", "frequent_styles", "reformulate",
                "spearfishing_head");
        JsonNode mix = root.path("intent_mix");
        allowOnly(mix, "intent_mix.", "screen", "voice");
        JsonNode noise = root.path("query_noise");
        allowOnly(noise, "query_noise.", "typo", "truncate", "reorder", "artist_title",
                "typo_habit");
        QueryNoise d = QueryNoise.defaults();
        return new MusicScenario(root.path("description").asText(""), (int) number(root, "users", 1000),
                number(root, "voice_share", 0.3), strings(root.path("arms")), (int) number(root, "max_arms", 2),
                (int) number(root, "total_candidates", 100), (int) number(root, "min_per_arm", 10),
                (int) number(root, "shown", 10), (int) number(root, "voice_depth", 2),
                mix(mix.path("screen"), "screen", new IntentMix(0.4, 0.3, 0.3)),
                mix(mix.path("voice"), "voice", new IntentMix(0.8, 0.15, 0.05)),
                new QueryNoise(number(noise, "typo", d.typo()), number(noise, "truncate", d.truncate()),
                        number(noise, "reorder", d.reorder()), number(noise, "artist_title", d.artistTitle()),
                        number(noise, "typo_habit", d.typoHabit())),
                clickModel(root.path("click_model")), (int) number(root, "frequent_styles", 40),
                reformulate(root.path("reformulate")), (int) number(root, "spearfishing_head", 0));
    }

    private static Reformulate reformulate(JsonNode node) {
        if (node.isMissingNode()) {
            return Reformulate.OFF;
        }
        allowOnly(node, "reformulate.", "probability", "window_seconds", "rewrite_arm");
        JsonNode arm = node.path("rewrite_arm");
        if (!arm.isMissingNode() && !arm.isBoolean()) {
            throw new IllegalArgumentException("reformulate.rewrite_arm must be true or false, was " + arm);
        }
        return new Reformulate(number(node, "probability", 0), (int) number(node, "window_seconds", 60),
                arm.asBoolean(true));
    }

    private static BeirScenario beir(JsonNode root) {
        allowOnly(root, "", "kind", "description", "collection", "split", "users", "voice_share", "arms", "max_arms",
                "total_candidates", "min_per_arm", "shown", "voice_depth", "click_model");
        return new BeirScenario(root.path("description").asText(""), root.path("collection").asText(""),
                root.path("split").asText(""), (int) number(root, "users", 1000), number(root, "voice_share", 0.3),
                strings(root.path("arms")), (int) number(root, "max_arms", 2),
                (int) number(root, "total_candidates", 100), (int) number(root, "min_per_arm", 10),
                (int) number(root, "shown", 10), (int) number(root, "voice_depth", 2),
                clickModel(root.path("click_model")));
    }

    private static IntentMix mix(JsonNode node, String group, IntentMix fallback) {
        if (node.isMissingNode()) {
            return fallback;
        }
        allowOnly(node, "intent_mix." + group + ".", "spearfishing", "topical", "ambiguous");
        return new IntentMix(number(node, "spearfishing", 0), number(node, "topical", 0), number(node, "ambiguous", 0));
    }

    private static ClickModelSpec clickModel(JsonNode node) {
        allowOnly(node, "click_model.", "kind", "attractiveness", "position_bias");
        Attractiveness a = Attractiveness.defaults();
        if (!node.path("attractiveness").isMissingNode()) {
            List<Double> values = new ArrayList<>();
            node.path("attractiveness").forEach(v -> values.add(v.asDouble(Double.NaN)));
            a = new Attractiveness(values);
        }
        PositionBias bias = PositionBias.defaults();
        JsonNode b = node.path("position_bias");
        if (!b.isMissingNode()) {
            allowOnly(b, "click_model.position_bias.", "kind", "parameter");
            bias = new PositionBias(b.path("kind").asText(""), number(b, "parameter", Double.NaN));
        }
        return new ClickModelSpec(node.path("kind").asText(CascadeClickModel.ID), a, bias);
    }

    private static void allowOnly(JsonNode node, String prefix, String... keys) {
        if (node.isMissingNode()) {
            return;
        }
        if (!node.isObject()) {
            throw new IllegalArgumentException(prefix.isEmpty() ? "the document must be a JSON object"
                    : prefix.substring(0, prefix.length() - 1) + " must be a JSON object");
        }
        List<String> known = List.of(keys);
        node.fieldNames().forEachRemaining(f -> {
            if (!known.contains(f)) {
                throw new IllegalArgumentException("unknown field '" + prefix + f + "'; known: " + known);
            }
        });
    }

    private static Iterable<JsonNode> array(JsonNode root, String field) {
        JsonNode a = root.path(field);
        if (!a.isArray()) {
            throw new IllegalArgumentException(field + " must be a JSON array");
        }
        return a;
    }

    private static double number(JsonNode node, String field, double fallback) {
        JsonNode v = node.path(field);
        if (v.isMissingNode()) {
            return fallback;
        }
        if (!v.isNumber()) {
            throw new IllegalArgumentException(field + " must be a number, was " + v);
        }
        return v.asDouble();
    }

    private static Map<String, Double> numbers(JsonNode node) {
        Map<String, Double> out = new LinkedHashMap<>();
        node.fields().forEachRemaining(e -> {
            if (!e.getValue().isNumber()) {
                throw new IllegalArgumentException(e.getKey() + " must be a number, was " + e.getValue());
            }
            out.put(e.getKey(), e.getValue().asDouble());
        });
        return out;
    }

    private static List<String> strings(JsonNode node) {
        List<String> out = new ArrayList<>();
        node.forEach(v -> out.add(v.asText()));
        return out;
    }
}
