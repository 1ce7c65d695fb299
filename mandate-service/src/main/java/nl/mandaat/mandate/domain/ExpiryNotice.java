package nl.mandaat.mandate.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import nl.mandaat.core.Grant;
import nl.mandaat.core.Register;

/**
 * A grant in force that ends soon, so its grantor can renew it in time.
 *
 * @param validTo the last day of the grant's own window
 * @param daysLeft the days from today to {@code validTo}
 * @param notice 14 when it ends within 14 days, else 60
 */
public record ExpiryNotice(
    String grantId, String grantor, String holder, LocalDate validTo, long daysLeft, int notice) {

  /** The notice periods, longest first. */
  public static final int FIRST_NOTICE_DAYS = 60;

  public static final int LAST_NOTICE_DAYS = 14;

  /**
   * What makes a notice happen once only: the grant, the end date it warns of (a grant whose end
   * date changes is noticed again for the new date, never again for the old one) and its period.
   */
  public record Key(String grantId, LocalDate validTo, int notice) {}

  public Key key() {
    return new Key(grantId, validTo, notice);
  }

  /**
   * Every grant in force at {@code moment} that ends within 60 days, soonest first, each with the
   * one notice whose period it is in now: 14 from 14 days before its end on, 60 before that. So a
   * grant that already ends within 14 days is never given the 60-day notice.
   */
  public static List<ExpiryNotice> due(Register register, Instant moment) {
    LocalDate today = register.dateAt(moment);
    List<ExpiryNotice> notices = new ArrayList<>();
    for (Grant g : register.grantsInForce(moment)) {
      LocalDate end = g.window().to();
      if (end == null) {
        continue;
      }
      long days = ChronoUnit.DAYS.between(today, end);
      if (days <= FIRST_NOTICE_DAYS) {
        notices.add(
            new ExpiryNotice(
                g.id(),
                g.grantor(),
                g.holder(),
                end,
                days,
                days <= LAST_NOTICE_DAYS ? LAST_NOTICE_DAYS : FIRST_NOTICE_DAYS));
      }
    }
    notices.sort(Comparator.comparing(ExpiryNotice::validTo).thenComparing(ExpiryNotice::grantId));
    return notices;
  }

  /** Every grant in force at {@code moment} that ends within 60 days, by grantor, soonest first. */
  public static Map<String, List<ExpiryNotice>> byGrantor(Register register, Instant moment) {
    Map<String, List<ExpiryNotice>> byGrantor = new LinkedHashMap<>();
    for (ExpiryNotice n : due(register, moment)) {
      byGrantor.computeIfAbsent(n.grantor(), k -> new ArrayList<>()).add(n);
    }
    return byGrantor;
  }
}
