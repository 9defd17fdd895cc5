package io.minidrama.cli;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/**
 * The CLI ships as one jar: its classes run the emulator ({@code io.minidrama.emulator}) but never
 * reach the testkit or a test framework, so no JUnit class lands in {@code minidrama.jar}.
 */
@AnalyzeClasses(packages = "io.minidrama.cli", importOptions = {ImportOption.DoNotIncludeTests.class})
class CliArchitectureTest {
    /** Guards the rule below against passing vacuously: the CLI's classes are imported. */
    @ArchTest
    static void imports_the_cli(JavaClasses classes) {
        for (String name : new String[] {"io.minidrama.cli.MiniDramaCli", "io.minidrama.cli.EmulatorCommand", "io.minidrama.cli.DemoCommand"}) {
            if (!classes.contain(name)) {
                throw new AssertionError("ArchUnit did not import " + name + ": the rule would pass vacuously");
            }
        }
    }

    @ArchTest
    static final ArchRule cli_depends_on_the_emulator_not_the_testkit = noClasses()
            .that().resideInAPackage("io.minidrama.cli..")
            .should().dependOnClassesThat().resideInAnyPackage("io.minidrama.testkit..", "org.junit..", "org.opentest4j..")
            .because("the CLI's jar carries the emulator, not the testkit's JUnit glue");
}
