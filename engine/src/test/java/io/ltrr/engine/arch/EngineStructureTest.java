package io.ltrr.engine.arch;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The engine's package structure: no cycles, the facade on top, the JDBC store and the bench harness beneath. */
class EngineStructureTest {
    static JavaClasses engine;

    @BeforeAll
    static void importEngine() {
        engine = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("io.ltrr.engine");
    }

    @Test
    void packagesAreFreeOfCycles() {
        slices().matching("io.ltrr.engine.(**)").should().beFreeOfCycles()
                .because("a package cycle ties modules together so that none can be understood, tested or replaced "
                        + "alone (the store once depended on ranking, which depended on the store)")
                .check(engine);
    }

    @Test
    void onlyTheFacadeDependsOnTheFacade() {
        noClasses().that().resideOutsideOfPackage("io.ltrr.engine")
                .and().resideOutsideOfPackage("io.ltrr.engine.compare..")
                .should().dependOnClassesThat().resideInAPackage("io.ltrr.engine")
                .because("the facade is the top layer: services beneath it must not call back up into it "
                        + "(snapshots are built on top of it)")
                .check(engine);
    }

    @Test
    void theJdbcStoreIsReachedThroughTheStoreRolesOnly() {
        noClasses().that().resideOutsideOfPackages("io.ltrr.engine.store.jdbc..", "io.ltrr.engine")
                .and().resideOutsideOfPackages("io.ltrr.engine.export..", "io.ltrr.engine.ope..",
                        "io.ltrr.engine.agreement..", "io.ltrr.engine.perf..")
                .should().dependOnClassesThat().resideInAPackage("io.ltrr.engine.store.jdbc..")
                .because("services depend on the store's role interfaces, so another database can stand in; only "
                        + "the places that open a store name its JDBC implementation (H2 or PostgreSQL), the "
                        + "store-write bench among them (it opens its writers as separate workbenches would)")
                .check(engine);
    }

    @Test
    void theStoreRolesDoNotDependOnTheirImplementation() {
        noClasses().that().resideInAPackage("io.ltrr.engine.store")
                .should().dependOnClassesThat().resideInAPackage("io.ltrr.engine.store.jdbc..")
                .because("the role interfaces and records are the contract; the JDBC store (H2, PostgreSQL) is one "
                        + "implementation of it")
                .check(engine);
    }

    @Test
    void theBenchmarkHarnessIsNotPartOfTheEngine() {
        noClasses().that().resideOutsideOfPackage("io.ltrr.engine.perf..")
                .should().dependOnClassesThat().resideInAPackage("io.ltrr.engine.perf..")
                .because("benchmark harness code is used by the bench command and JMH only, never by the engine")
                .check(engine);
    }

    @Test
    void theIoPackageStandsAlone() {
        noClasses().that().resideInAPackage("io.ltrr.engine.io")
                .should().dependOnClassesThat(resideInAPackage("io.ltrr.engine..")
                        .and(not(resideInAPackage("io.ltrr.engine.io"))))
                .because("line reading and load problems are shared by the catalog, evaluation and export readers, "
                        + "so they must not depend on any of them")
                .check(engine);
    }

    @Test
    void apiRecordsDoNotReachIntoServices() {
        classes().that().resideInAPackage("io.ltrr.engine.api")
                .should().onlyDependOnClassesThat().resideOutsideOfPackages("io.ltrr.engine.live..",
                        "io.ltrr.engine.offline..", "io.ltrr.engine.store.jdbc..", "io.ltrr.engine.folder..")
                .because("the API is values and interfaces that callers can hold without the services behind them")
                .check(engine);
    }
}
