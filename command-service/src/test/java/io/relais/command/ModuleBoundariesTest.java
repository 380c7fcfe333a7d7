package io.relais.command;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

@AnalyzeClasses(packages = "io.relais", importOptions = ImportOption.DoNotIncludeTests.class)
class ModuleBoundariesTest {

    @ArchTest
    static final ArchRule commandServiceImportsNoOtherService = noClasses()
            .that().resideInAPackage("io.relais.command..")
            .should().dependOnClassesThat().resideInAnyPackage("io.relais.query..", "io.relais.kpi..");

    /** Aggregates decide from their own state; any I/O belongs to adapters around them. */
    @ArchTest
    static final ArchRule aggregatesDoNoIo = noClasses()
            .that().resideInAPackage("io.relais.command.task..")
            .and().haveSimpleNameNotEndingWith("Controller")
            .should().dependOnClassesThat().resideInAnyPackage("java.sql..", "javax.sql..", "org.springframework.jdbc..",
                    "org.apache.kafka..", "java.net.http..");

    @ArchTest
    static final ArchRule aggregatesDoNotReadTheClock = noClasses()
            .that().resideInAPackage("io.relais.command.task..")
            .should().callMethod(java.time.Instant.class, "now")
            .orShould().callMethod(java.time.Clock.class, "systemUTC");

    /** Every aggregate (tasks, procedures, engagements, access grants): no I/O, no clock, no registry lookups. */
    @ArchTest
    static final ArchRule everyAggregateDecidesFromItsCommandsAndState = noClasses()
            .that().areAnnotatedWith(org.axonframework.spring.stereotype.Aggregate.class)
            .should().dependOnClassesThat().resideInAnyPackage("java.sql..", "javax.sql..", "org.springframework.jdbc..",
                    "org.apache.kafka..", "java.net.http..")
            .orShould().dependOnClassesThat().haveSimpleNameEndingWith("Registry")
            .orShould().dependOnClassesThat().haveSimpleNameEndingWith("Catalog")
            .orShould().callMethod(java.time.Instant.class, "now")
            .orShould().callMethod(java.time.Clock.class, "systemUTC");
}
