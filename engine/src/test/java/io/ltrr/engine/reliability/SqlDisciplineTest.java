package io.ltrr.engine.reliability;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * SQL lives in the store package only, and every statement there is a prepared statement over constant text with
 * its values bound as parameters: no user text can ever become SQL.
 */
class SqlDisciplineTest {
    private static final Path MAIN = locate("src/main/java");
    private static final Path STORE = MAIN.resolve("io/ltrr/engine/store");

    /** Non-constant statement texts that are built from constants only, each with the reason it is safe. */
    private static final Map<String, String> BUILT_FROM_CONSTANTS = Map.ofEntries(
            Map.entry("Dialect.java:nextValuePrefix + sequence + nextValueSuffix",
                    "a constant prefix and suffix around a sequence name that is a literal at every call site"),
            Map.entry("Q2eTable.java:dialect.pick(UPSERT_PREDICTED, UPSERT_PREDICTED_POSTGRESQL",
                    "chooses between two constants by the database"),
            Map.entry("Q2eTable.java:dialect.pick(OBSERVE, OBSERVE_POSTGRESQL",
                    "chooses between two constants by the database"),
            Map.entry("H2ProfileStore.java:db.dialect().pick(UPSERT, UPSERT_POSTGRESQL",
                    "chooses between two constants by the database"),
            Map.entry("H2QuerySets.java:db.dialect().pick(LOGGED, LOGGED_POSTGRESQL",
                    "chooses between two constants by the database"),
            Map.entry("Jdbc.java:sql", "count() is called with literal COUNT queries only"),
            Map.entry("EventLog.java:sql", "recent() joins constant branch texts; the filter text is bound as a parameter"),
            Map.entry("StateTables.java:sql", "clear() loops over an array of two constant DELETE statements"),
            Map.entry("H2Sessions.java:sql", "one() is called with the constants BY_ID and PREVIOUS only"),
            Map.entry("FeatureTable.java:search == null ? SELECT_ALL : SELECT_SEARCH", "chooses between two constants"),
            Map.entry("H2QuerySets.java:INSERT_SET, Statement.RETURN_GENERATED_KEYS", "a constant, asking for its key"),
            Map.entry("H2QuerySets.java:INSERT_RUN, Statement.RETURN_GENERATED_KEYS", "a constant, asking for its key"),
            Map.entry("StoreMigration.java:t.select", "SELECT of a table and its columns from the fixed TABLES list"),
            Map.entry("StoreMigration.java:t.insert", "INSERT into a table of the fixed TABLES list; values bound"),
            Map.entry("StoreMigration.java:t.count", "COUNT(*) of a table of the fixed TABLES list"),
            Map.entry("StoreMigration.java:sql", "setValue() gets PG_SET_SEQUENCE or PG_SET_IDENTITY; names bound"),
            Map.entry("H2QuerySets.java:sql", "read() and readRuns() get SELECT_SET or SELECT_RUN with a literal WHERE "
                    + "or ORDER BY clause; names and ids are bound as parameters"));

    private static Path locate(String dir) {
        // Maven runs tests in the module folder; an IDE may run them from the repository root.
        Path here = Path.of(dir);
        return Files.isDirectory(here.resolve("io/ltrr/engine")) ? here : Path.of("engine").resolve(dir);
    }

    @Test
    void noClassOutsideTheStoreUsesJdbc() {
        noClasses().that().resideOutsideOfPackage("io.ltrr.engine.store..")
                .should().dependOnClassesThat().resideInAPackage("java.sql..")
                .because("SQL lives only in the feedback-store package")
                .check(new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                        .importPackages("io.ltrr.engine"));
    }

    @Test
    void noSourceOutsideTheStoreMentionsJavaSql() throws IOException {
        assertThat(sources(MAIN).filter(p -> !p.startsWith(STORE))
                .filter(p -> read(p).contains("java.sql")).map(Path::toString).toList()).isEmpty();
    }

    @Test
    void theStoreNeverSendsSqlTextAtExecutionTime() throws IOException {
        Pattern unprepared = Pattern.compile("createStatement\\s*\\(|prepareCall\\s*\\("
                + "|\\.(execute|executeQuery|executeUpdate|executeLargeUpdate|addBatch)\\s*\\(\\s*[^)\\s]");
        List<String> offences = new ArrayList<>();
        sources(STORE).forEach(p -> {
            Matcher m = unprepared.matcher(read(p));
            while (m.find()) {
                offences.add(p.getFileName() + ": " + m.group());
            }
        });
        assertThat(offences).as("plain Statement use or SQL passed at execution").isEmpty();
    }

    @Test
    void everyPreparedStatementIsConstantTextOrBuiltFromConstants() throws IOException {
        Pattern prepare = Pattern.compile("prepareStatement\\(([^;{]*?)\\)\\s*[;)]");
        List<String> offences = new ArrayList<>();
        sources(STORE).forEach(p -> {
            String source = read(p);
            Matcher m = prepare.matcher(source);
            while (m.find()) {
                String arg = m.group(1).trim();
                String key = p.getFileName() + ":" + arg;
                boolean constant = arg.matches("[A-Z][A-Z0-9_]*")
                        && source.matches("(?s).*static final String " + arg + "\\s*=.*");
                if (!constant && !BUILT_FROM_CONSTANTS.containsKey(key)) {
                    offences.add(key);
                }
            }
        });
        assertThat(offences).as("statement texts that are neither constants nor reviewed").isEmpty();
    }

    @Test
    void theJdbcHelpersTakingSqlTextAreCalledWithLiteralsOnly() throws IOException {
        Pattern call = Pattern.compile(
                "(?<!long )\\b(?:nextValue|count)\\(\\s*\\w+\\s*,\\s*(\"(?:[^\"\\\\]|\\\\.)*\"|[^,)]+)\\s*\\)");
        int[] calls = {0};
        List<String> offences = new ArrayList<>();
        sources(STORE).forEach(p -> {
            Matcher m = call.matcher(read(p));
            while (m.find()) {
                calls[0]++;
                if (!m.group(1).startsWith("\"")) {
                    offences.add(p.getFileName() + ": " + m.group());
                }
            }
        });
        assertThat(calls[0]).as("helper calls found (the scan itself works)").isGreaterThanOrEqualTo(6);
        assertThat(offences).isEmpty();
    }

    private static Stream<Path> sources(Path root) throws IOException {
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(f -> f.toString().endsWith(".java")).toList().stream();
        }
    }

    private static String read(Path p) {
        try {
            return Files.readString(p);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
