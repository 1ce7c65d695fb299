package nl.mandaat.core;

import java.util.Objects;

/**
 * A person, identified by the token's {@code preferred_username}.
 *
 * @param sub the identity provider's subject id, may be null
 */
public record Person(String username, String sub, String displayName) {
  public Person {
    Objects.requireNonNull(username, "username");
    displayName = displayName == null ? username : displayName;
  }

  public static Person of(String username, String displayName) {
    return new Person(username, null, displayName);
  }
}
