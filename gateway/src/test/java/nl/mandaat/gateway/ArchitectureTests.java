package nl.mandaat.gateway;

import com.tngtech.archunit.core.domain.JavaClasses;
import nl.mandaat.testsupport.LayerRules;
import org.junit.jupiter.api.Test;

class ArchitectureTests {

  private static final String BASE = "nl.mandaat.gateway";
  private static final JavaClasses CLASSES = LayerRules.importService(BASE);

  @Test
  void theDomainImportsNeitherSpringNorReactor() {
    LayerRules.domainIsFreeOfFrameworks(BASE).check(CLASSES);
  }

  @Test
  void theApplicationLayerImportsNoSpring() {
    LayerRules.applicationIsFreeOfSpring(BASE).check(CLASSES);
  }

  @Test
  void neitherDomainNorApplicationDependsOnAnAdapter() {
    LayerRules.coreDoesNotDependOnAdapters(BASE).check(CLASSES);
  }
}
