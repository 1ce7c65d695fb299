package nl.mandaat.core;

import java.util.Objects;

/** Who makes a change to the register: a person, possibly a register administrator. */
public record Actor(String username, boolean registerAdministrator) {
  public Actor {
    Objects.requireNonNull(username, "username");
  }

  public static Actor person(String username) {
    return new Actor(username, false);
  }

  public static Actor administrator(String username) {
    return new Actor(username, true);
  }
}
