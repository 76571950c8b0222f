package io.ltrr.app.arch;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The app reaches the engine through its facade and records only: no Lucene, no JDBC, no SQL. */
class AppLayeringTest {
    static JavaClasses app;

    @BeforeAll
    static void importApp() {
        app = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("io.ltrr.app");
    }

    @Test
    void appDoesNotTouchLuceneOrJdbc() {
        noClasses().should().dependOnClassesThat()
                .resideInAnyPackage("org.apache.lucene..", "java.sql..", "javax.sql..", "org.h2..", "org.flywaydb..")
                .check(app);
    }

    @Test
    void appDoesNotBuildEngineInternalsItself() {
        noClasses().should().dependOnClassesThat().haveSimpleNameEndingWith("Strategy").check(app);
        noClasses().should().dependOnClassesThat().haveNameMatching("io\\.ltrr\\.engine\\.index\\.CatalogIndex(er)?")
                .check(app);
        noClasses().should().dependOnClassesThat().resideInAPackage("io.ltrr.engine.embed..").check(app);
    }

    @Test
    void appUsesTheEngineApiNotItsServicesOrStore() {
        noClasses().should().dependOnClassesThat().resideInAnyPackage("io.ltrr.engine.live..",
                        "io.ltrr.engine.offline..", "io.ltrr.engine.store.jdbc..", "io.ltrr.engine.folder..",
                        "io.ltrr.engine.round..", "io.ltrr.engine.ltr..")
                .because("the app talks to the engine through the Workbench facade, its API records and the "
                        + "simulation facade; services, the JDBC store and the data-folder layout are the engine's own")
                .check(app);
        noClasses().should().dependOnClassesThat().haveNameMatching("io\\.ltrr\\.engine\\.store\\.(FeedbackStore|SearchLog|"
                        + "FeedbackLog|LearnedState|FeatureLog|ClickMemory|SessionLog|Judgments|QuerySets|LogReader|Transactions)")
                .because("the app reads the log through the facade, not through the store's roles")
                .check(app);
    }

    @Test
    void viewModelsUseNoControls() {
        noClasses().that().haveSimpleNameEndingWith("ViewModel")
                .should().dependOnClassesThat().resideInAnyPackage("javafx.scene..")
                .because("view models hold state and logic testable without a scene graph; views own the controls")
                .check(app);
    }
}
