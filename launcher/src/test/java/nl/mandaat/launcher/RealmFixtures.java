package nl.mandaat.launcher;

import java.nio.file.Path;

/** The checkout's realm file, the one Keycloak imports and the in-process issuer serves. */
final class RealmFixtures {

  private RealmFixtures() {}

  static Path root() {
    return RepositoryRoot.walkUp(Path.of("")).orElseThrow();
  }

  static Realm realm() {
    return Realm.load(root().resolve(Realm.FILE));
  }
}
