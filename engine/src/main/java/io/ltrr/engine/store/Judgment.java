package io.ltrr.engine.store;

/**
 * A relevance judgment of an item for a query, from outside the log (an imported qrels or CSV file) or derived
 * from the log's ratings.
 *
 * @param query  the normalized query text
 * @param itemId the judged item
 * @param grade  the relevance grade, 0..3 (the workbench's rating scale; imports outside it are refused)
 * @param source where it came from (a file name, "ratings", …)
 */
public record Judgment(String query, String itemId, int grade, String source) {
    /** The rating scale: 0 (not relevant) to 3 (perfect). */
    public static final int MIN_GRADE = 0;
    public static final int MAX_GRADE = 3;
    /** Longest query, item id and source name the store keeps. */
    public static final int MAX_QUERY_CHARS = 4096;
    public static final int MAX_ITEM_CHARS = 512;
    public static final int MAX_SOURCE_CHARS = 256;

    public Judgment {
        Values.requireText(query, "query");
        Values.requireText(itemId, "itemId");
        Values.requireText(source, "source");
    }

    /** Why a judgment with these fields cannot be stored, or null when it can: for import problems by line. */
    public static String problem(String query, String itemId, int grade) {
        if (grade < MIN_GRADE || grade > MAX_GRADE) {
            return "grade " + grade + " is outside the scale " + MIN_GRADE + ".." + MAX_GRADE;
        }
        if (query.length() > MAX_QUERY_CHARS) {
            return "query is " + query.length() + " characters long (at most " + MAX_QUERY_CHARS + ")";
        }
        if (itemId.length() > MAX_ITEM_CHARS) {
            return "item id is " + itemId.length() + " characters long (at most " + MAX_ITEM_CHARS + ")";
        }
        return null;
    }

    /** Checks a source name before anything is read: not blank, at most {@value #MAX_SOURCE_CHARS} characters. */
    public static String checkSource(String source) {
        Values.requireText(source, "source");
        if (source.length() > MAX_SOURCE_CHARS) {
            throw new IllegalArgumentException("the source name is " + source.length() + " characters long (at most "
                    + MAX_SOURCE_CHARS + ")");
        }
        return source;
    }
}
