package nl.mandaat.gateway;

import java.time.Duration;
import nl.mandaat.core.demo.DemoMunicipality;
import nl.mandaat.support.testing.RegisterOwners;
import nl.mandaat.support.testing.StubOwner;
import nl.mandaat.testsupport.TestDatabase;
import nl.mandaat.testsupport.TestIssuer;
import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * What a gateway test runs against: the embedded database, the test issuer, stub upstreams for
 * every route, and stand-in org- and mandate-services serving the demo municipality's streams.
 */
final class StandIns {

  private final Upstreams upstreams = new Upstreams();
  private final StubOwner organisation;
  private final StubOwner mandates;

  /** Stand-ins whose streams send a heartbeat every {@code heartbeat}. */
  StandIns(Duration heartbeat) {
    this.organisation = RegisterOwners.organisation(DemoMunicipality.register(), heartbeat);
    this.mandates = RegisterOwners.mandates(DemoMunicipality.register(), heartbeat);
  }

  /** Points the gateway at all of them, for a {@code @DynamicPropertySource} method. */
  void register(DynamicPropertyRegistry registry) {
    TestDatabase.registerProperties(registry);
    TestIssuer.registerProperties(registry);
    for (String name : Upstreams.NAMES) {
      registry.add("mandaat.routes." + name + "-uri", () -> upstreams.uri(name));
    }
    registry.add("mandaat.replica.organisation-uri", organisation::uri);
    registry.add("mandaat.replica.register-uri", mandates::uri);
  }

  Upstreams upstreams() {
    return upstreams;
  }

  StubOwner mandates() {
    return mandates;
  }

  void stop() {
    upstreams.stop();
    organisation.close();
    mandates.close();
  }
}
