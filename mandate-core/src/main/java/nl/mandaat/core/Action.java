package nl.mandaat.core;

/** What a subject wants to do with a decision type. */
public enum Action {
  /** Take the decision (in the body's name under mandate, in its own under delegation). */
  DECIDE,
  /** Sign a decision; a signature mandate permits only this (Awb 10:11). */
  SIGN,
  /** Grant a sub-mandate for the type (Awb 10:9); never by a substitute (rule 19). */
  SUB_MANDATE
}
