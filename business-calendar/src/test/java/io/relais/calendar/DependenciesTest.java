package io.relais.calendar;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** The calendar runs inside the command side and inside Kafka Streams: it must not drag a framework along. */
@AnalyzeClasses(packages = "io.relais.calendar", importOptions = ImportOption.DoNotIncludeTests.class)
class DependenciesTest {

    @ArchTest
    static final ArchRule calendarDependsOnTheJdkOnly = classes()
            .that().resideInAPackage("io.relais.calendar..")
            .should().onlyDependOnClassesThat().resideInAnyPackage("io.relais.calendar..", "java..");
}
