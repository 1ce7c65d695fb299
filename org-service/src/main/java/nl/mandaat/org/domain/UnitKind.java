package nl.mandaat.org.domain;

/** What an organisational unit is in the municipality's line organisation. */
public enum UnitKind {
  /** The municipality as a whole (gemeente). */
  MUNICIPALITY,
  /** A directie, headed by a directeur. */
  DIRECTORATE,
  /** An afdeling, headed by an afdelingshoofd. */
  DEPARTMENT,
  /** A team inside a large afdeling, led by a teammanager under ondermandaat. */
  TEAM
}
