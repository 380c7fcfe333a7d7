package io.relais.contract;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** Subscribers take the contract as it is: it must not drag a framework along. */
@AnalyzeClasses(packages = "io.relais.contract", importOptions = ImportOption.DoNotIncludeTests.class)
class ContractDependenciesTest {

    @ArchTest
    static final ArchRule contractDependsOnTheJdkOnly = classes()
            .that().resideInAPackage("io.relais.contract..")
            .should().onlyDependOnClassesThat()
            .resideInAnyPackage("io.relais.contract..", "java..", "javax.crypto..");
}
