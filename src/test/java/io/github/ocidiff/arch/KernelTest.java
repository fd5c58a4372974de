package io.github.ocidiff.arch;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

@AnalyzeClasses(packages = "io.github.ocidiff", importOptions = ProductionClasses.class)
class KernelTest {

    /** The simulator is shipped to users as a stand-in for OCI: it must not lean on ocidiff's own code. */
    @ArchTest
    static final ArchRule simulatorDependsOnlyOnTheJdkAndJson = noClasses().that().resideInAPackage("io.github.ocidiff.sim..")
            .should().dependOnClassesThat().resideInAnyPackage("com.oracle.bmc..", "picocli..", "io.github.ocidiff.config..",
                    "io.github.ocidiff.oci..");

    /** Only the cli layer exits the process or prints; the rest return values and throw. */
    @ArchTest
    static final ArchRule onlyTheCliExits = noClasses().that().resideOutsideOfPackage("io.github.ocidiff.cli..")
            .should().callMethod(System.class, "exit", int.class);
}
