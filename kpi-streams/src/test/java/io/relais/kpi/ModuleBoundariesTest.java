package io.relais.kpi;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

@AnalyzeClasses(packages = "io.relais", importOptions = ImportOption.DoNotIncludeTests.class)
class ModuleBoundariesTest {

    @ArchTest
    static final ArchRule kpiStreamsImportsNoOtherService = noClasses()
            .that().resideInAPackage("io.relais.kpi..")
            .should().dependOnClassesThat().resideInAnyPackage("io.relais.command..", "io.relais.query..");

    /** Topologies are plain Kafka Streams code: the same class runs under TopologyTestDriver and in the service. */
    @ArchTest
    static final ArchRule topologiesDoNotDependOnSpring = noClasses()
            .that().resideInAPackage("io.relais.kpi.requested..")
            .should().dependOnClassesThat().resideInAPackage("org.springframework..");

    @ArchTest
    static final ArchRule topologiesDoNotReadTheClock = noClasses()
            .that().resideInAPackage("io.relais.kpi.requested..")
            .should().callMethod(java.time.Instant.class, "now");
}
