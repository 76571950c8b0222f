package io.ltrr.engine.ope.banditlog;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The rows of the generic CSV layout (see {@link BanditLogFormat#CSV}). */
final class GenericCsvRows implements LineParser {
    static final String ACTION = "action";
    static final String REWARD = "reward";
    static final String PROPENSITY = "propensity";

    private final List<String> columns = new ArrayList<>();
    private final int action;
    private final int reward;
    private final int propensity;

    GenericCsvRows(String header) {
        Set<String> seen = new HashSet<>();
        for (String c : Cells.split(header)) {
            String name = c.strip();
            if (name.isEmpty()) {
                throw new IllegalArgumentException("the header's column " + (columns.size() + 1) + " has no name");
            }
            if (!seen.add(name)) {
                throw new IllegalArgumentException("the header names the column '" + name + "' twice");
            }
            columns.add(name);
        }
        action = columns.indexOf(ACTION);
        reward = columns.indexOf(REWARD);
        propensity = columns.indexOf(PROPENSITY);
        if (action < 0 || reward < 0 || propensity < 0) {
            throw new IllegalArgumentException("a csv bandit log needs a header with the columns action, reward and "
                    + "propensity (the other columns are context features); the first line has " + columns);
        }
    }

    @Override
    public Decision parse(long line, String text) throws RowException {
        String[] cells = Cells.split(text);
        if (cells.length != columns.size()) {
            throw new RowException("has " + cells.length + " cells, the header " + columns.size());
        }
        String a = Cells.action(cells[action], ACTION);
        double r = Cells.number(cells[reward], REWARD);
        double p = Cells.propensity(Cells.number(cells[propensity], PROPENSITY), PROPENSITY);
        Map<String, Double> features = new LinkedHashMap<>();
        for (int i = 0; i < cells.length; i++) {
            if (i != action && i != reward && i != propensity) {
                feature(features, columns.get(i), cells[i].strip());
            }
        }
        return new Decision(line, features, a, List.of(), Map.of(a, p), r);
    }

    /** A number is a numeric feature, anything else a one-hot {@code column=value}; an empty cell is absent. */
    static void feature(Map<String, Double> features, String column, String value) {
        if (value.isEmpty()) {
            return;
        }
        try {
            double d = Double.parseDouble(value);
            if (Double.isFinite(d)) {
                features.put(column, d);
                return;
            }
        } catch (NumberFormatException e) {
            // not a number: categorical
        }
        features.put(column + "=" + value, 1.0);
    }
}
