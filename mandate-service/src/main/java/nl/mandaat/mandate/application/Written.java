package nl.mandaat.mandate.application;

import java.util.List;

/**
 * What a committed write answers.
 *
 * @param id the grant written or revoked
 * @param revision the register revision the write produced
 * @param ids for a revocation: the grant and every sub-grant it took down; for an import: the
 *     grants imported; else empty
 */
public record Written(String id, long revision, List<String> ids) {
  public Written {
    ids = List.copyOf(ids);
  }
}
