package io.ltrr.engine.qu;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * The span matcher passes over the phrase occurrences that cannot match (those a common word like "the" has by the
 * hundred thousand in a large catalog) and finds exactly what following every occurrence finds.
 */
class SpanMatcherProperties {
    private static final PhraseDictionary DICTIONARY = CatalogTagger.build(SmallCatalog.items()).dictionary();
    private static final SpanMatcher FAST = new SpanMatcher(DICTIONARY);
    private static final SpanMatcher EVERY_OCCURRENCE = new SpanMatcher(DICTIONARY, false);
    private static final QueryNormalizer NORMALIZER = new QueryNormalizer();

    @Property(tries = 3_000, seed = "20261207")
    void passingOverFindsWhatFollowingEveryOccurrenceFinds(@ForAll("queries") String query,
                                                          @ForAll boolean lastTokenOpen) {
        List<String> tokens = NORMALIZER.normalize(query).tokens();
        assertThat(FAST.match(tokens, lastTokenOpen)).isEqualTo(EVERY_OCCURRENCE.match(tokens, lastTokenOpen));
    }

    @Example
    void theCatalogsWordsAreFoundFromAStopwordAndThroughATypo() {
        List<String> tokens = NORMALIZER.normalize("the portishaed love").tokens();
        List<SlotCandidate> found = FAST.match(tokens, true);
        assertThat(found).isNotEmpty().isEqualTo(EVERY_OCCURRENCE.match(tokens, true));
    }

    @Provide
    Arbitrary<String> queries() {
        // the catalog's own words, stopwords, typos and prefixes of them, in any order
        List<String> vocabulary = new java.util.ArrayList<>();
        for (int id = 0; id < DICTIONARY.vocabulary().size(); id++) {
            vocabulary.add(DICTIONARY.vocabulary().token(id));
        }
        Arbitrary<String> word = Arbitraries.oneOf(
                Arbitraries.of(vocabulary),
                Arbitraries.of("the", "a", "of", "in", "and", "de", "la", "&"),
                Arbitraries.of(vocabulary).map(w -> w.length() > 4 ? w.substring(1) : w + "s"),
                Arbitraries.of(vocabulary).map(w -> w.length() > 3 ? w.substring(0, w.length() - 1) : w),
                Arbitraries.of(vocabulary).map(w -> w.length() > 4 ? w.charAt(1) + "" + w.charAt(0) + w.substring(2) : w));
        return word.list().ofMinSize(1).ofMaxSize(7).map(l -> String.join(" ", l));
    }
}
