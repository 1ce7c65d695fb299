package nl.mandaat.core;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import org.junit.jupiter.api.Test;

/** mandate-core stays a plain library: no framework, no I/O, nothing outside java.*. */
class PurityTests {

  private static final JavaClasses CORE =
      new ClassFileImporter()
          .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
          .importPackages("nl.mandaat.core");

  @Test
  void theCoreImportsNoFrameworkAndDoesNoIo() {
    assertThat(CORE.size()).as("the rules see the core's classes").isGreaterThan(20);
    ArchRule rule =
        noClasses()
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage(
                "org.springframework..",
                "reactor..",
                "java.net..",
                "java.nio.file..",
                "java.sql..",
                "java.util.concurrent.locks..",
                "com.fasterxml..",
                "tools.jackson..");
    rule.check(CORE);
  }

  @Test
  void theCoreDependsOnlyOnTheJdkAndItself() {
    ArchRule rule =
        classes()
            .should()
            .onlyDependOnClassesThat()
            .resideInAnyPackage(
                "nl.mandaat.core..",
                "java.lang..",
                "java.util..",
                "java.math..",
                "java.time..",
                // EventChain's SHA-256 over UTF-8 text: computation, not I/O.
                "java.security..",
                "java.nio.charset..");
    rule.check(CORE);
  }

  @Test
  void theCoreUsesNoFilesStreamsOrConsoleOfJavaIo() {
    ArchRule rule =
        noClasses()
            .should()
            .dependOnClassesThat()
            .resideInAPackage("java.io..")
            .because("the core does no I/O");
    rule.check(CORE);
  }

  @Test
  void theCompiledFormsStayPackagePrivate() {
    ArchRule rule =
        classes()
            .that()
            .haveSimpleNameStartingWith("Compiled")
            .or()
            .haveSimpleName("ChainList")
            .or()
            .haveSimpleName("Amounts")
            .should()
            .notBePublic();
    rule.check(CORE);
  }
}
