package io.ltrr.engine.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StoreChoiceTest {
    @TempDir
    Path dir;

    @Test
    void aPostgresqlUrlBecomesAJdbcUrl() {
        assertThat(StoreChoice.normalise("postgresql://db.example:5433/team"))
                .isEqualTo("jdbc:postgresql://db.example:5433/team");
        assertThat(StoreChoice.normalise("postgres://db/team")).isEqualTo("jdbc:postgresql://db/team");
        assertThat(StoreChoice.normalise("jdbc:postgresql://db:5432/team?sslmode=require"))
                .isEqualTo("jdbc:postgresql://db:5432/team?sslmode=require");
    }

    @Test
    void credentialsInTheUrlAreRefusedWithoutEchoingThem() {
        for (String url : new String[] {"postgresql://ann:s3cr3t-pw@db/team",
                "jdbc:postgresql://db/team?password=s3cr3t-pw", "jdbc:postgresql://db/team?ssl=true&password=s3cr3t-pw"}) {
            assertThatThrownBy(() -> StoreChoice.postgresql(url, "ann", null))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("credentials do not belong in the URL")
                    .satisfies(e -> assertThat(e.getMessage()).doesNotContain("s3cr3t-pw"));
        }
    }

    @Test
    void aUrlMustNameAPostgresqlDatabase() {
        assertThatThrownBy(() -> StoreChoice.normalise("mysql://db/team")).hasMessageStartingWith("--store:");
        assertThatThrownBy(() -> StoreChoice.normalise("postgresql://db:5432")).hasMessageContaining("DATABASE");
        assertThatThrownBy(() -> StoreChoice.postgresql("postgresql://db/team", " ", null))
                .hasMessageContaining("--store-user");
    }

    @Test
    void theChoiceRoundTripsThroughStoreJsonWithoutAPassword() throws IOException {
        Path pw = dir.resolve("pw");
        Files.writeString(pw, "the-password\nignored\n");
        StoreChoice choice = StoreChoice.parse("postgresql://db:5432/team", "ann", pw);
        Path file = new DataLayout(dir).store();
        choice.write(file);
        assertThat(StoreChoice.read(file)).contains(choice);
        assertThat(Files.readString(file)).doesNotContain("the-password");
        assertThat(choice.password()).isEqualTo("the-password");
        assertThat(choice.toString()).doesNotContain("the-password");
        assertThat(StoreChoice.read(dir.resolve("none.json"))).isEmpty();
        assertThat(StoreChoice.parse("H2", "ignored", null)).isEqualTo(StoreChoice.h2());
    }

    @Test
    void aDamagedStoreJsonNamesTheFix() throws IOException {
        Path file = new DataLayout(dir).store();
        Files.writeString(file, "{\"store\": \"oracle\"}");
        assertThatThrownBy(() -> StoreChoice.read(file)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("--store");
    }
}
