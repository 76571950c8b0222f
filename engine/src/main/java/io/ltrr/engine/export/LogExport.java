package io.ltrr.engine.export;

import io.ltrr.engine.store.LoggedClick;
import io.ltrr.engine.store.LoggedRating;
import io.ltrr.engine.store.LoggedRound;
import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The log as flat files for tools outside the workbench (Spark, pandas): impressions (one row per search, with
 * the context vector, every offered arm's propensity, S with the per-arm round rewards, and the shown list),
 * clicks and ratings. Column names are stable snake_case.
 */
public final class LogExport {
    static final List<String> IMPRESSION_COLUMNS = List.of("search_id", "time", "user_id", "query", "normalized_query",
            "policy_id", "features", "propensities", "chosen", "rewards", "shown");
    static final List<String> CLICK_COLUMNS = List.of("click_id", "search_id", "time", "normalized_query", "item_id",
            "position");
    static final List<String> RATING_COLUMNS = List.of("rating_id", "search_id", "time", "normalized_query", "item_id",
            "grade", "annotator");

    private LogExport() {
    }

    /** One row per search; features and propensities as name → value objects, shown as a list of item ids. */
    public static void impressions(List<LoggedRound> rounds, ExportFormat format, Writer out) throws IOException {
        List<Map<String, Object>> rows = new ArrayList<>();
        for (LoggedRound r : rounds) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("search_id", r.searchId());
            row.put("time", r.at().toString());
            row.put("user_id", r.userId());
            row.put("query", r.query());
            row.put("normalized_query", r.normalizedQuery());
            row.put("policy_id", r.policyId());
            Map<String, Double> features = new LinkedHashMap<>();
            for (int i = 0; i < r.x().dimension(); i++) {
                features.put(r.x().names().get(i), r.x().get(i));
            }
            row.put("features", features);
            row.put("propensities", r.propensity());
            row.put("chosen", r.chosen());
            row.put("rewards", r.rewards());
            row.put("shown", r.shown().stream().map(LoggedRound.Shown::itemId).toList());
            rows.add(row);
        }
        TableWriter.write(IMPRESSION_COLUMNS, rows, format, out);
    }

    /** One row per click. */
    public static void clicks(List<LoggedClick> clicks, ExportFormat format, Writer out) throws IOException {
        List<Map<String, Object>> rows = new ArrayList<>();
        for (LoggedClick c : clicks) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("click_id", c.clickId());
            row.put("search_id", c.searchId());
            row.put("time", c.at().toString());
            row.put("normalized_query", c.normalizedQuery());
            row.put("item_id", c.itemId());
            row.put("position", c.position());
            rows.add(row);
        }
        TableWriter.write(CLICK_COLUMNS, rows, format, out);
    }

    /** One row per rating; a can't-tell rating has an empty (null) grade. */
    public static void ratings(List<LoggedRating> ratings, ExportFormat format, Writer out) throws IOException {
        List<Map<String, Object>> rows = new ArrayList<>();
        for (LoggedRating g : ratings) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("rating_id", g.ratingId());
            row.put("search_id", g.searchId());
            row.put("time", g.at().toString());
            row.put("normalized_query", g.normalizedQuery());
            row.put("item_id", g.itemId());
            row.put("grade", g.grade());
            row.put("annotator", g.annotator());
            rows.add(row);
        }
        TableWriter.write(RATING_COLUMNS, rows, format, out);
    }
}
