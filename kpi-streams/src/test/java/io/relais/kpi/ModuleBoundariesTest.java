package io.relais.kpi;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import java.time.Clock;
import java.time.Instant;

@AnalyzeClasses(packages = "io.relais", importOptions = ImportOption.DoNotIncludeTests.class)
class ModuleBoundariesTest {

    private static final String[] TOPOLOGIES = {"io.relais.kpi.rolling..", "io.relais.kpi.sla.."};

    /** Services meet only through the contract and Kafka. */
    @ArchTest
    static final ArchRule kpiStreamsImportsNoOtherService = noClasses()
            .that().resideInAPackage("io.relais.kpi..")
            .should().dependOnClassesThat().resideInAnyPackage("io.relais.command..", "io.relais.query..");

    /**
     * Topologies are plain Kafka Streams code, and so is everything they use (serdes, time extractor,
     * re-delivery filter): the same classes run under TopologyTestDriver and in the service.
     */
    @ArchTest
    static final ArchRule topologiesDoNotDependOnSpring = noClasses()
            .that().resideInAnyPackage(TOPOLOGIES)
            .should().transitivelyDependOnClassesThat().resideInAPackage("org.springframework..");

    /**
     * Windows follow event time; a topology reading the wall clock would count differently on replay. The SLA
     * timers' only "now" is the punctuation timestamp Kafka Streams hands them (which TopologyTestDriver drives).
     */
    @ArchTest
    static final ArchRule topologiesDoNotReadTheClock = noClasses()
            .that().resideInAnyPackage(TOPOLOGIES)
            .should().callMethod(Instant.class, "now")
            .orShould().callMethod(System.class, "currentTimeMillis")
            .orShould().callMethod(System.class, "nanoTime")
            .orShould().dependOnClassesThat().areAssignableTo(Clock.class);
}
