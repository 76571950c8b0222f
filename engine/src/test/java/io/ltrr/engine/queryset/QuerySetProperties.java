package io.ltrr.engine.queryset;

import static org.assertj.core.api.Assertions.assertThat;

import io.ltrr.engine.api.QuerySampling;
import io.ltrr.engine.io.ReadResult;
import io.ltrr.engine.store.QueryCount;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/** Invariants of the sampler and the query-file reader over generated logs and files (fixed seeds). */
class QuerySetProperties {
    @Property(tries = 300, seed = "18")
    void aSampleIsDistinctQueriesOfTheLogAsManyAsAskedOrAllAndTheSameForASeed(
            @ForAll("logs") Map<String, Long> log, @ForAll QuerySampling strategy,
            @ForAll @IntRange(min = 1, max = 40) int size, @ForAll long seed) {
        List<QueryCount> counts = log.entrySet().stream().map(e -> new QueryCount(e.getKey(), e.getValue())).toList();

        List<String> sample = QuerySampler.sample(counts, strategy, size, seed);

        assertThat(sample).hasSize(Math.min(size, log.size())).doesNotHaveDuplicates();
        assertThat(log.keySet()).containsAll(sample);
        assertThat(QuerySampler.sample(counts.reversed(), strategy, size, seed)).isEqualTo(sample);
    }

    @Provide
    Arbitrary<Map<String, Long>> logs() {
        return Arbitraries.maps(Arbitraries.strings().alpha().ofMinLength(1).ofMaxLength(8),
                Arbitraries.longs().between(1, 1000)).ofMinSize(0).ofMaxSize(30);
    }

    @Property(tries = 200, seed = "18")
    void aFileOfQueriesOnePerLineReadsBackOnceEachInOrder(@ForAll("queryLines") List<String> queries)
            throws IOException {
        Path file = Files.createTempFile("queries", ".txt");
        try {
            Files.writeString(file, String.join("\n", queries) + "\n", StandardCharsets.UTF_8);

            ReadResult<List<String>> read = QueryFileReader.read(file);

            List<String> expected = new ArrayList<>(new LinkedHashSet<>(queries.stream().map(String::strip).toList()));
            assertThat(read.value()).isEqualTo(expected);
            assertThat(read.problems()).hasSize(queries.size() - expected.size());
            Set<Long> lines = new HashSet<>();
            read.problems().forEach(p -> assertThat(lines.add(p.line())).isTrue());
        } finally {
            Files.deleteIfExists(file);
        }
    }

    /** Queries that are neither blank, comments nor a CSV header: letters, digits, spaces and punctuation. */
    @Provide
    Arbitrary<List<String>> queryLines() {
        Arbitrary<String> query = Arbitraries.strings().withChars("abcxyzé 12,;'\"-").ofMinLength(1).ofMaxLength(12)
                .map(s -> "q" + s);
        return query.list().ofMinSize(1).ofMaxSize(20);
    }
}
