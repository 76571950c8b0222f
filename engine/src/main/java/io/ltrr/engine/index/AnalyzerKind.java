package io.ltrr.engine.index;

import java.util.Locale;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.miscellaneous.ASCIIFoldingFilter;
import org.apache.lucene.analysis.standard.StandardTokenizer;

/**
 * The text analysis applied to every text field of an index and to queries against it.
 *
 * <p>{@code FOLDING} suits a multilingual music catalog (names are not stemmed, accents fold so "Bjork" finds
 * "Björk"); {@code ENGLISH} is Lucene's EnglishAnalyzer (possessives, stop words, Porter stemming), the
 * configuration of Anserini's BEIR "flat" baseline.
 */
public enum AnalyzerKind {
    FOLDING, ENGLISH;

    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static AnalyzerKind fromKey(String key) {
        for (AnalyzerKind k : values()) {
            if (k.key().equalsIgnoreCase(key)) {
                return k;
            }
        }
        throw new IllegalArgumentException("unknown analyzer '" + key + "' (expected folding or english)");
    }

    /** A new analyzer of this kind; analyzers are thread-safe and meant to be reused. */
    public Analyzer newAnalyzer() {
        return switch (this) {
            case ENGLISH -> new EnglishAnalyzer();
            case FOLDING -> new Analyzer() {
                @Override
                protected TokenStreamComponents createComponents(String fieldName) {
                    StandardTokenizer tokenizer = new StandardTokenizer();
                    TokenStream stream = new LowerCaseFilter(tokenizer);
                    stream = new ASCIIFoldingFilter(stream);
                    return new TokenStreamComponents(tokenizer, stream);
                }

                @Override
                protected TokenStream normalize(String fieldName, TokenStream in) {
                    return new ASCIIFoldingFilter(new LowerCaseFilter(in));
                }
            };
        };
    }
}
