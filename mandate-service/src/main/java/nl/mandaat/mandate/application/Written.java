package nl.mandaat.mandate.application;

import java.util.List;

/**
 * What a committed write answers.
 *
 * @param id the grant written or revoked
 * @param revision the register revision the write produced
 * @param revoked for a revocation: the grant and every sub-grant it took down; else empty
 */
public record Written(String id, long revision, List<String> revoked) {
  public Written {
    revoked = List.copyOf(revoked);
  }
}
