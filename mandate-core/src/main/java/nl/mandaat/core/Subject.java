package nl.mandaat.core;

import java.util.Objects;

/** Who asks: a person (by username), a position (by code) or an administrative body. */
public record Subject(Kind kind, String code) {

  /** The kinds of subject. */
  public enum Kind {
    PERSON,
    POSITION,
    BODY
  }

  public Subject {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(code, "code");
  }

  public static Subject person(String username) {
    return new Subject(Kind.PERSON, username);
  }

  public static Subject position(String code) {
    return new Subject(Kind.POSITION, code);
  }

  public static Subject body(String code) {
    return new Subject(Kind.BODY, code);
  }
}
