package nl.mandaat.launcher;

import java.nio.file.Path;

/** The checkout's realm file, the one Keycloak imports and the in-process issuer serves. */
final class RealmFixtures {

  private RealmFixtures() {}

  /** This checkout, or the one named by {@code -Dmandaat.root}. */
  static Path root() {
    String explicit = System.getProperty(RepositoryRoot.PROPERTY);
    if (explicit != null && !explicit.isBlank()) {
      return Path.of(explicit).toAbsolutePath().normalize();
    }
    return RepositoryRoot.walkUp(Path.of("")).orElseThrow();
  }

  static Realm realm() {
    return Realm.load(root().resolve(Realm.FILE));
  }
}
