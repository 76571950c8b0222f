package io.ltrr.engine.qu;

import static org.assertj.core.api.Assertions.assertThat;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.StringLength;

/** Robustness of the normalizer on arbitrary input: it never throws and its output respects its bounds. */
class QueryNormalizerProperties {

    private final QueryNormalizer normalizer = new QueryNormalizer();

    @Property(tries = 500, seed = "20260203")
    void neverThrowsAndStaysWithinBounds(@ForAll("anyText") String raw) {
        NormalizedQuery q = normalizer.normalize(raw);

        assertThat(q.tokens()).hasSizeLessThanOrEqualTo(QueryNormalizer.MAX_TOKENS);
        assertThat(q.text().length()).isLessThanOrEqualTo(QueryNormalizer.MAX_CHARS);
        assertThat(q.tokens()).allSatisfy(t -> assertThat(t).isNotBlank().doesNotContain(" "));
        assertThat(String.join(" ", q.tokens())).isEqualTo(q.text());
    }

    @Property(tries = 300, seed = "20260204")
    void isIdempotent(@ForAll("anyText") String raw) {
        String once = normalizer.normalize(raw).text();

        assertThat(normalizer.normalize(once).text()).isEqualTo(once);
    }

    @Property(tries = 50, seed = "20260205")
    void handlesLongPastedText(@ForAll @StringLength(min = 5_000, max = 12_000) String raw) {
        assertThat(normalizer.normalize(raw).tokens()).hasSizeLessThanOrEqualTo(QueryNormalizer.MAX_TOKENS);
    }

    @Provide
    Arbitrary<String> anyText() {
        Arbitrary<String> unicode = Arbitraries.strings().all().ofMaxLength(300);
        Arbitrary<String> tricky = Arbitraries.strings()
                .withChars("aéÖß' &|!(){}[]^\"~*?:\\/+-\u0000\u200F\u202E\uD83C\uDFB5\uD800ﬁＡ٠١ـ")
                .ofMaxLength(80);
        Arbitrary<String> emoji = Arbitraries.strings().withCharRange('\uD800', '\uDFFF').ofMaxLength(40);
        return Arbitraries.oneOf(unicode, tricky, emoji);
    }
}
