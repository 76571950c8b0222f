package io.ltrr.engine.catalog;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

class MojibakeRepairTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', textBlock = """
            Oâ€™sullivan                | O’sullivan
            SeÃ±or Acero               | Señor Acero
            Club de Jazz presentsâ€¦    | Club de Jazz presents…
            Best of FreiÂ² Disco        | Best of Frei² Disco
            CRÃ“!                      | CRÓ!
            ÐœÐ¸Ñ€                     | Мир
            """)
    void repairsUtf8ThatWasDecodedAsWindows1252(String garbled, String expected) {
        assertThat(MojibakeRepair.repair(garbled)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0} stays")
    @CsvSource(delimiter = '|', textBlock = """
            Señor Acero
            plain ascii
            Sigur Rós
            O’sullivan
            Тарелка
            """)
    void leavesTextAloneWhenTheRoundTripDoesNotDecode(String text) {
        assertThat(MojibakeRepair.repair(text)).isEqualTo(text);
    }

    @Test
    void mapsUndefinedWindows1252BytesThroughTheirC1Controls() {
        // "Á" is C3 81 in UTF-8; 0x81 is undefined in Windows-1252, lenient decoders made it U+0081.
        assertThat(MojibakeRepair.repair("Jenifer Ã\u0081vila")).isEqualTo("Jenifer Ávila");
    }

    @Test
    void repairsTextGarbledTwice() {
        assertThat(MojibakeRepair.repair("SeÃƒÂ±or")).isEqualTo("Señor");
    }

    @Test
    void cleanTrimsAndComposesAccents() {
        assertThat(MojibakeRepair.clean("  mi corazo\u0301n \t")).isEqualTo("mi corazón");
        assertThat(MojibakeRepair.clean(null)).isEmpty();
    }
}
