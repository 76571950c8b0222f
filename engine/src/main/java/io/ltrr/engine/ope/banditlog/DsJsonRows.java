package io.ltrr.engine.ope.banditlog;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The lines of a Vowpal Wabbit decision-service JSON log (see {@link BanditLogFormat#VW_DSJSON}). */
final class DsJsonRows implements LineParser {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    @Override
    public Decision parse(long line, String text) throws RowException {
        JsonNode event;
        try {
            event = MAPPER.readTree(text);
        } catch (JacksonException e) {
            throw new RowException("not JSON: " + e.getOriginalMessage());
        }
        if (event == null || !event.isObject()) {
            throw new RowException("not a JSON object");
        }
        double cost = number(event, "_label_cost");
        double labelP = Cells.propensity(number(event, "_label_probability"), "_label_probability");
        List<Integer> actions = new ArrayList<>();
        List<Double> probabilities = new ArrayList<>();
        JsonNode a = event.get("a");
        JsonNode p = event.get("p");
        if (a == null || !a.isArray() || a.isEmpty() || p == null || !p.isArray() || p.size() != a.size()) {
            throw new RowException("needs the arrays a (actions) and p (their probabilities) of the same length");
        }
        for (int i = 0; i < a.size(); i++) {
            if (!a.get(i).canConvertToInt() || !a.get(i).isIntegralNumber() || a.get(i).asInt() < 1) {
                throw new RowException("a[" + i + "] is not a 1-based action: " + a.get(i));
            }
            if (!p.get(i).isNumber() || !(p.get(i).asDouble() >= 0 && p.get(i).asDouble() <= 1)) {
                throw new RowException("p[" + i + "] is not a probability: " + p.get(i));
            }
            actions.add(a.get(i).asInt());
            probabilities.add(p.get(i).asDouble());
        }
        int chosen = chosen(event, actions.getFirst());
        if (!actions.contains(chosen)) {
            throw new RowException("the logged action " + chosen + " is not among a " + actions);
        }
        JsonNode context = event.get("c");
        int count = actions.stream().mapToInt(Integer::intValue).max().orElseThrow();
        if (context != null && context.get("_multi") instanceof JsonNode multi && multi.isArray()) {
            if (multi.size() < count) {
                throw new RowException("a names action " + count + " but c._multi has " + multi.size());
            }
            count = multi.size();
        }
        List<String> offered = new ArrayList<>();
        for (int i = 1; i <= count; i++) {
            offered.add(Integer.toString(i));
        }
        Map<String, Double> propensity = new HashMap<>();
        for (int i = 0; i < actions.size(); i++) {
            propensity.put(actions.get(i).toString(), probabilities.get(i));
        }
        propensity.put(Integer.toString(chosen), labelP);
        Map<String, Double> features = new LinkedHashMap<>();
        if (context != null) {
            flatten("", context, features);
        }
        return new Decision(line, features, Integer.toString(chosen), offered, propensity, -cost);
    }

    private static double number(JsonNode event, String field) throws RowException {
        JsonNode n = event.get(field);
        if (n == null || !n.isNumber() || !Double.isFinite(n.asDouble())) {
            throw new RowException(field + (n == null ? " is missing" : " is not a number: " + n));
        }
        return n.asDouble();
    }

    /** The 1-based logged action: _labelIndex + 1, else _label_Action, else the first of a. */
    private static int chosen(JsonNode event, int first) throws RowException {
        JsonNode index = event.get("_labelIndex");
        if (index != null) {
            if (!index.isIntegralNumber() || index.asInt() < 0) {
                throw new RowException("_labelIndex is not a 0-based index: " + index);
            }
            return index.asInt() + 1;
        }
        JsonNode action = event.get("_label_Action");
        if (action != null) {
            if (!action.isIntegralNumber() || action.asInt() < 1) {
                throw new RowException("_label_Action is not a 1-based action: " + action);
            }
            return action.asInt();
        }
        return first;
    }

    /**
     * The shared features of c: numbers and booleans by their path (namespace.feature), strings one-hot
     * ({@code path=value}); fields starting with '_' ({@code _multi}, {@code _text}, …) are left out.
     */
    private static void flatten(String path, JsonNode node, Map<String, Double> out) {
        if (node.isObject()) {
            for (Map.Entry<String, JsonNode> f : node.properties()) {
                if (!f.getKey().startsWith("_")) {
                    flatten(path.isEmpty() ? f.getKey() : path + "." + f.getKey(), f.getValue(), out);
                }
            }
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                JsonNode e = node.get(i);
                flatten(e.isValueNode() ? path + "[" + i + "]" : path, e, out);
            }
        } else if (node.isNumber() && Double.isFinite(node.asDouble())) {
            out.put(path, node.asDouble());
        } else if (node.isBoolean()) {
            out.put(path, node.asBoolean() ? 1.0 : 0.0);
        } else if (node.isTextual()) {
            out.put(path + "=" + node.asText(), 1.0);
        }
    }
}
