package nl.mandaat.testsupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.lang.ArchRule;
import org.junit.jupiter.api.Test;

class LayerRulesTests {

  private static final String CLEAN = "nl.mandaat.testsupport.fixture.clean";
  private static final String TANGLED = "nl.mandaat.testsupport.fixture.tangled";
  private static final JavaClasses FIXTURES =
      new ClassFileImporter().importPackages("nl.mandaat.testsupport.fixture");

  @Test
  void aServiceThatKeepsItsLayersPassesEveryRule() {
    for (ArchRule rule : LayerRules.all(CLEAN)) {
      assertThatCode(() -> rule.check(FIXTURES)).doesNotThrowAnyException();
    }
  }

  @Test
  void aDomainThatImportsSpringIsReported() {
    assertThat(LayerRules.domainIsFreeOfFrameworks(TANGLED).evaluate(FIXTURES).hasViolation())
        .isTrue();
  }

  @Test
  void anApplicationLayerThatImportsSpringIsReported() {
    assertThat(LayerRules.applicationIsFreeOfSpring(TANGLED).evaluate(FIXTURES).hasViolation())
        .isTrue();
  }

  @Test
  void aDomainThatDependsOnAnAdapterIsReported() {
    assertThat(LayerRules.coreDoesNotDependOnAdapters(TANGLED).evaluate(FIXTURES).hasViolation())
        .isTrue();
  }

  @Test
  void aServiceWithoutLayersYetPassesEveryRule() {
    JavaClasses none = new ClassFileImporter().importPackages("nl.mandaat.testsupport.nothing");
    for (ArchRule rule : LayerRules.all("nl.mandaat.testsupport.nothing")) {
      assertThatCode(() -> rule.check(none)).doesNotThrowAnyException();
    }
  }
}
