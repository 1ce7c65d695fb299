package nl.mandaat.testsupport;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import java.util.List;

/**
 * The layer rules every service obeys (STYLE.md): the domain knows no framework and no Reactor, the
 * application layer knows no Spring, and neither depends on an adapter.
 *
 * <p>Each rule allows an empty layer, so a service that has no domain yet still passes.
 */
public final class LayerRules {

  private LayerRules() {}

  /** The production classes of the service under {@code basePackage}, tests excluded. */
  public static JavaClasses importService(String basePackage) {
    return new ClassFileImporter()
        .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
        .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_JARS)
        .importPackages(basePackage);
  }

  /** {@code ..domain..} imports nothing from Spring and nothing from Reactor. */
  public static ArchRule domainIsFreeOfFrameworks(String basePackage) {
    return noClasses()
        .that()
        .resideInAPackage(basePackage + ".domain..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage("org.springframework..", "reactor..")
        .allowEmptyShould(true)
        .because("the domain is plain, synchronous Java (STYLE.md)");
  }

  /** {@code ..application..} imports nothing from Spring (Reactor is allowed). */
  public static ArchRule applicationIsFreeOfSpring(String basePackage) {
    return noClasses()
        .that()
        .resideInAPackage(basePackage + ".application..")
        .should()
        .dependOnClassesThat()
        .resideInAPackage("org.springframework..")
        .allowEmptyShould(true)
        .because("use cases are wired by config, not by Spring annotations (STYLE.md)");
  }

  /** Nothing in {@code ..domain..} or {@code ..application..} depends on {@code ..adapter..}. */
  public static ArchRule coreDoesNotDependOnAdapters(String basePackage) {
    return noClasses()
        .that()
        .resideInAnyPackage(basePackage + ".domain..", basePackage + ".application..")
        .should()
        .dependOnClassesThat()
        .resideInAPackage(basePackage + ".adapter..")
        .allowEmptyShould(true)
        .because("adapters depend on the core, never the other way round");
  }

  /** Every rule above, for {@code basePackage}. */
  public static List<ArchRule> all(String basePackage) {
    return List.of(
        domainIsFreeOfFrameworks(basePackage),
        applicationIsFreeOfSpring(basePackage),
        coreDoesNotDependOnAdapters(basePackage));
  }
}
