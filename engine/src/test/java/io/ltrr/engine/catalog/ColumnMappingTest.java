package io.ltrr.engine.catalog;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.EnumMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ColumnMappingTest {

    @Test
    void defaultsReadEveryFieldFromTheColumnOfTheSameName() {
        ColumnMapping m = ColumnMapping.defaults();
        for (CatalogField f : CatalogField.values()) {
            assertThat(m.column(f)).contains(f.key());
        }
        assertThat(m.listSeparator()).isEqualTo(",");
    }

    @Test
    void parseOverlaysTheSpecOnTheDefaults() {
        ColumnMapping m = ColumnMapping.parse(" id = track_id , title=name,artist=performer,text=");
        assertThat(m.column(CatalogField.ID)).contains("track_id");
        assertThat(m.column(CatalogField.TITLE)).contains("name");
        assertThat(m.column(CatalogField.ARTIST)).contains("performer");
        assertThat(m.column(CatalogField.ALBUM)).contains("album");
        assertThat(m.column(CatalogField.TEXT)).isEmpty();
        assertThat(m.isRemapped(CatalogField.ARTIST)).isTrue();
        assertThat(m.isRemapped(CatalogField.ALBUM)).isFalse();
    }

    @Test
    void parseReadsTheListSeparator() {
        assertThat(ColumnMapping.parse("separator=|").listSeparator()).isEqualTo("|");
        assertThat(ColumnMapping.parse("").listSeparator()).isEqualTo(",");
    }

    @ParameterizedTest(name = "rejects \"{0}\"")
    @ValueSource(strings = {"id", "id=a,id=b", "colour=red", "id=", "title= ", "separator=", "separator=a,separator=b"})
    void parseRejectsBadSpecsWithAMessage(String spec) {
        assertThatThrownBy(() -> ColumnMapping.parse(spec)).isInstanceOf(IllegalArgumentException.class).hasMessageNotContaining("null");
    }

    @Test
    void constructorRequiresIdAndTitle() {
        Map<CatalogField, String> onlyId = new EnumMap<>(Map.of(CatalogField.ID, "id"));
        assertThatThrownBy(() -> new ColumnMapping(onlyId, ","))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'title' is required");
    }

    @Property
    void toSpecParsesBackToTheSameMapping(@ForAll("mappings") ColumnMapping mapping) {
        assertThat(ColumnMapping.parse(mapping.toSpec())).isEqualTo(mapping);
    }

    @Property
    void parsedMappingsUseExactlyTheGivenColumns(@ForAll("columnNames") String idColumn, @ForAll("columnNames") String titleColumn) {
        ColumnMapping m = ColumnMapping.parse("title=" + titleColumn + ",id=" + idColumn);
        assertThat(m.column(CatalogField.ID)).contains(idColumn);
        assertThat(m.column(CatalogField.TITLE)).contains(titleColumn);
    }

    @Provide
    Arbitrary<String> columnNames() {
        // Anything without the spec's own delimiters and without edge whitespace (which the parser trims).
        return Arbitraries.strings().withChars("abcXYZ_ -.019éü").ofMinLength(1).ofMaxLength(12)
                .map(String::strip).filter(s -> !s.isEmpty());
    }

    @Provide
    Arbitrary<ColumnMapping> mappings() {
        Arbitrary<Map<CatalogField, String>> optional = Arbitraries.maps(
                Arbitraries.of(CatalogField.class).filter(f -> !f.required()), columnNames()).ofMaxSize(11);
        Arbitrary<String> separators = Arbitraries.of(",", ";", "|", "/", "::");
        return Combinators.combine(columnNames(), columnNames(), optional, separators).as((id, title, rest, sep) -> {
            Map<CatalogField, String> columns = new EnumMap<>(CatalogField.class);
            columns.putAll(rest);
            columns.put(CatalogField.ID, id);
            columns.put(CatalogField.TITLE, title);
            return new ColumnMapping(columns, sep);
        });
    }
}
