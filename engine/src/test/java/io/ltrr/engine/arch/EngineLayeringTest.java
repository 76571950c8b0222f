package io.ltrr.engine.arch;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The engine is a headless library: no GUI toolkit, no dependency on the app module. */
class EngineLayeringTest {
    static JavaClasses engine;

    @BeforeAll
    static void importEngine() {
        engine = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("io.ltrr.engine");
    }

    @Test
    void engineHasNoGuiTypes() {
        noClasses().should().dependOnClassesThat()
                .resideInAnyPackage("javafx..", "java.awt..", "javax.swing..", "org.jfree..", "org.controlsfx..")
                .check(engine);
    }

    @Test
    void engineDoesNotDependOnTheApp() {
        noClasses().should().dependOnClassesThat().resideInAPackage("io.ltrr.app..").check(engine);
    }

    @Test
    void engineUsesNoUnseededRandomness() {
        noClasses().should().callConstructor(java.util.Random.class)
                .orShould().callMethod(Math.class, "random")
                .check(engine);
    }
}
