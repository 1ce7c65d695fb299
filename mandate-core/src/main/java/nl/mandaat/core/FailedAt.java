package nl.mandaat.core;

/**
 * Where a deny failed: the grant (null when no grant was involved), the position that tried, and
 * the condition in words (e.g. {@code "ceiling 10000.00"}).
 */
public record FailedAt(String grantId, String position, String condition) {}
