package nl.mandaat.core;

/** A text a person can read, in Dutch and English. */
public record LocalizedText(String nl, String en) {
  public static LocalizedText of(String nl, String en) {
    return new LocalizedText(nl, en);
  }
}
