package io.relais.query;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

@AnalyzeClasses(packages = "io.relais", importOptions = ImportOption.DoNotIncludeTests.class)
class ModuleBoundariesTest {

    /** The services meet only through the contract's topics, never through each other's code. */
    @ArchTest
    static final ArchRule queryServiceImportsNoOtherService = noClasses()
            .that().resideInAPackage("io.relais.query..")
            .should().dependOnClassesThat().resideInAnyPackage("io.relais.command..", "io.relais.kpi..");

    /**
     * A read model never writes to the event side: no producer, no Axon. The one producer is the projections' error
     * handler, which copies records it cannot project to their dead-letter topics (never to an event topic).
     */
    @ArchTest
    static final ArchRule queryServiceNeverProduces = noClasses()
            .that().resideInAPackage("io.relais.query..")
            .and().doNotHaveFullyQualifiedName("io.relais.query.projection.ProjectionKafkaSupport")
            .and().doNotHaveFullyQualifiedName("io.relais.query.projection.DeadLetterValueSerializer")
            .should().dependOnClassesThat().resideInAnyPackage("org.axonframework..")
            .orShould().dependOnClassesThat().haveNameMatching("org\\.springframework\\.kafka\\.core\\.KafkaTemplate")
            .orShould().dependOnClassesThat().haveNameMatching("org\\.apache\\.kafka\\.clients\\.producer\\..*");

    /** Features share the projection infrastructure, not each other's internals. */
    @ArchTest
    static final ArchRule featuresAreIndependent = slices()
            .matching("io.relais.query.(task|kpi|process|engagement|access|audit|webhook)..")
            .should().notDependOnEachOther();
}
