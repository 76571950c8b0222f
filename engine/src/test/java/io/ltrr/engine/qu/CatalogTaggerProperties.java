package io.ltrr.engine.qu;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** The tagger's invariants hold for any input, catalog words mixed with noise included. */
class CatalogTaggerProperties {

    private static final CatalogTagger TAGGER = CatalogTagger.build(SmallCatalog.items());

    @Property(tries = 400, seed = "20260206")
    void everyAnalysisIsWellFormed(@ForAll("queries") String query) {
        QueryAnalysis a = TAGGER.analyze(query);

        assertThat(a.interpretations()).hasSizeBetween(1, CatalogTagger.MAX_INTERPRETATIONS);
        assertThat(a.interpretations().stream().mapToDouble(Interpretation::likelihood).sum()).isCloseTo(1.0, within(1e-9));
        assertThat(a.interpretations()).filteredOn(Interpretation::isFreeText).hasSize(1);
        assertThat(a.confidence()).isEqualTo(a.top().likelihood());
        assertThat(a.interpretations()).allSatisfy(i -> assertThat(i.slots())
                .allSatisfy(s -> assertThat(s.end()).isLessThanOrEqualTo(a.tokens().size())));
        assertThat(a.features().values()).allSatisfy(v -> assertThat(v).isFinite().isNotNegative());
    }

    @Provide
    Arbitrary<String> queries() {
        Arbitrary<String> words = Arbitraries.of("taylor", "tayler", "swift", "love", "trip", "hop", "90s", "ambient",
                "album", "radio", "portishaed", "the", "2009", "aphex", "twn", "xtal", "nineties", "sw", "&", "'");
        Arbitrary<String> phrase = words.list().ofMaxSize(8).map(l -> String.join(" ", l));
        Arbitrary<String> noise = Arbitraries.strings().all().ofMaxLength(200);
        return Arbitraries.oneOf(phrase, phrase, noise);
    }
}
