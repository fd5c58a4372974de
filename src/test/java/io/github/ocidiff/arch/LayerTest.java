package io.github.ocidiff.arch;

import static com.tngtech.archunit.library.Architectures.layeredArchitecture;

import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * Packages are layers (DESIGN.md) and import downward only. The root package holds what every layer
 * may use (the user-facing exception) and depends on none of them.
 */
@AnalyzeClasses(packages = "io.github.ocidiff", importOptions = ProductionClasses.class)
class LayerTest {

    @ArchTest
    static final ArchRule layersImportDownwardOnly = layeredArchitecture()
            .consideringOnlyDependenciesInAnyPackage("io.github.ocidiff..")
            .optionalLayer("cli").definedBy("io.github.ocidiff.cli..")
            .optionalLayer("job").definedBy("io.github.ocidiff.job..")
            .optionalLayer("publish").definedBy("io.github.ocidiff.publish..")
            .optionalLayer("report").definedBy("io.github.ocidiff.report..")
            .optionalLayer("audit").definedBy("io.github.ocidiff.audit..")
            .optionalLayer("diff").definedBy("io.github.ocidiff.diff..")
            .optionalLayer("store").definedBy("io.github.ocidiff.store..")
            .optionalLayer("crawl").definedBy("io.github.ocidiff.crawl..")
            .optionalLayer("oci").definedBy("io.github.ocidiff.oci..")
            .optionalLayer("config").definedBy("io.github.ocidiff.config..")
            .optionalLayer("sim").definedBy("io.github.ocidiff.sim..")
            .layer("kernel").definedBy("io.github.ocidiff")
            .whereLayer("cli").mayNotBeAccessedByAnyLayer()
            .whereLayer("job").mayOnlyBeAccessedByLayers("cli")
            .whereLayer("publish").mayOnlyBeAccessedByLayers("cli", "job")
            .whereLayer("report").mayOnlyBeAccessedByLayers("cli", "job", "publish")
            .whereLayer("audit").mayOnlyBeAccessedByLayers("cli", "job", "publish", "report")
            .whereLayer("diff").mayOnlyBeAccessedByLayers("cli", "job", "publish", "report", "audit")
            .whereLayer("store").mayOnlyBeAccessedByLayers("cli", "job", "publish", "report", "audit", "diff")
            .whereLayer("crawl").mayOnlyBeAccessedByLayers("cli", "job", "store", "diff", "audit", "report", "publish")
            .whereLayer("oci").mayOnlyBeAccessedByLayers("cli", "job", "publish", "audit", "crawl")
            .whereLayer("config").mayOnlyBeAccessedByLayers("cli", "job", "publish", "report", "audit", "diff", "store",
                    "crawl", "oci")
            .whereLayer("sim").mayOnlyBeAccessedByLayers("cli", "job")
            .whereLayer("kernel").mayOnlyBeAccessedByLayers("cli", "job", "publish", "report", "audit", "diff", "store",
                    "crawl", "oci", "config", "sim");
}
