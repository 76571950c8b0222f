package io.ltrr.engine.store;

/**
 * A relevance judgment of an item for a query, from outside the log (an imported qrels or CSV file) or derived
 * from the log's ratings.
 *
 * @param query  the normalized query text
 * @param itemId the judged item
 * @param grade  the relevance grade (usually 0..3; imported files may use other integers)
 * @param source where it came from (a file name, "ratings", …)
 */
public record Judgment(String query, String itemId, int grade, String source) {
    public Judgment {
        Values.requireText(query, "query");
        Values.requireText(itemId, "itemId");
        Values.requireText(source, "source");
    }
}
