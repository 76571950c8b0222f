package io.ltrr.engine.ope.banditlog;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The rows of an Open Bandit Dataset campaign file (see {@link BanditLogFormat#OBD}). */
final class ObdRows implements LineParser {
    static final String ITEM = "item_id";
    static final String POSITION = "position";
    static final String CLICK = "click";
    static final String PROPENSITY = "propensity_score";
    static final String USER_FEATURE = "user_feature_";
    static final String AFFINITY = "user-item_affinity_";

    private final int columns;
    private final int item;
    private final int position;
    private final int click;
    private final int propensity;
    private final List<Integer> userFeatures = new ArrayList<>();
    private final List<Integer> affinities = new ArrayList<>();
    private final List<String> names = new ArrayList<>();
    private final List<String> declared = new ArrayList<>();

    ObdRows(String header) {
        String[] cells = Cells.split(header);
        columns = cells.length;
        for (int i = 0; i < cells.length; i++) {
            String name = cells[i].strip();
            names.add(name);
            if (name.startsWith(USER_FEATURE)) {
                userFeatures.add(i);
            } else if (name.startsWith(AFFINITY)) {
                affinities.add(i);
                declared.add(name.substring(AFFINITY.length()));
            }
        }
        item = names.indexOf(ITEM);
        position = names.indexOf(POSITION);
        click = names.indexOf(CLICK);
        propensity = names.indexOf(PROPENSITY);
        if (item < 0 || position < 0 || click < 0 || propensity < 0) {
            throw new IllegalArgumentException("an Open Bandit Dataset file needs a header with the columns item_id, "
                    + "position, click and propensity_score; the first line has " + names);
        }
    }

    @Override
    public Decision parse(long line, String text) throws RowException {
        String[] cells = Cells.split(text);
        if (cells.length != columns) {
            throw new RowException("has " + cells.length + " cells, the header " + columns);
        }
        String a = Cells.action(cells[item], ITEM);
        double r = Cells.number(cells[click], CLICK);
        if (r != 0 && r != 1) {
            throw new RowException("click must be 0 or 1, was " + cells[click].strip());
        }
        double p = Cells.propensity(Cells.number(cells[propensity], PROPENSITY), PROPENSITY);
        Map<String, Double> features = new LinkedHashMap<>();
        features.put(POSITION + "=" + Cells.action(cells[position], POSITION), 1.0);
        for (int i : userFeatures) {
            String v = cells[i].strip();
            if (!v.isEmpty()) {
                features.put(names.get(i) + "=" + v, 1.0);
            }
        }
        for (int i : affinities) {
            features.put(names.get(i), Cells.number(cells[i], names.get(i)));
        }
        return new Decision(line, features, a, List.of(), Map.of(a, p), r);
    }

    @Override
    public List<String> declaredActions() {
        return declared;
    }
}
