package nl.mandaat.core;

import java.util.Objects;

/**
 * A bestuursorgaan (raad, college, burgemeester): the holder of powers by law.
 *
 * @param code the stable code, e.g. {@code "college"}
 * @param name a short name, e.g. "College van B&amp;W"
 * @param fullName the name used in a signature formula, with its article, e.g. "het college van
 *     burgemeester en wethouders van Zoetermeer" (Awb 10:10)
 */
public record AdministrativeBody(String code, String name, String fullName) {
  public AdministrativeBody {
    Objects.requireNonNull(code, "code");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(fullName, "fullName");
  }

  public static AdministrativeBody of(String code, String name, String fullName) {
    return new AdministrativeBody(code, name, fullName);
  }
}
