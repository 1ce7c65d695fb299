package nl.mandaat.org.domain;

import nl.mandaat.core.OrgUnit.Kind;

/** What an organisational unit is in the municipality's line organisation. */
public enum UnitKind {
  /** The municipality as a whole (gemeente). */
  MUNICIPALITY(Kind.GEMEENTE),
  /** A directie, headed by a directeur. */
  DIRECTORATE(Kind.DIRECTIE),
  /** An afdeling, headed by an afdelingshoofd. */
  DEPARTMENT(Kind.AFDELING),
  /** A team inside a large afdeling, led by a teammanager under ondermandaat. */
  TEAM(Kind.TEAM);

  private final Kind core;

  UnitKind(Kind core) {
    this.core = core;
  }

  /** The charter's name of this level, as mandate-core and the event payloads have it. */
  public Kind toCore() {
    return core;
  }

  /** The kind for mandate-core's level. */
  public static UnitKind of(Kind kind) {
    for (UnitKind k : values()) {
      if (k.core == kind) {
        return k;
      }
    }
    throw new IllegalArgumentException("Unknown kind " + kind);
  }
}
