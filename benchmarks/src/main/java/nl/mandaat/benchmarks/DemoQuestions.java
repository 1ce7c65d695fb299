package nl.mandaat.benchmarks;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import nl.mandaat.core.Action;
import nl.mandaat.core.Question;

/** The questions a manager asks of the demo register, the same for mandaat and for jCasbin. */
final class DemoQuestions {

  static final Instant MOMENT = Instant.parse("2027-01-15T10:00:00Z");

  /** Each permitted with a chain of two to four links. */
  static final List<Question> PERMITTED =
      List.of(
          decide("tm-omgeving", "inkoop-overeenkomst", "vergunningen", "8000"),
          decide("ah-vergunningen", "omgevingsvergunning-regulier", "vergunningen", null),
          decide("dir-stad", "inkoop-overeenkomst", "vth", "100000"),
          decide("tm-uitkeringen", "bijzondere-bijstand", "uitkeringen", "2000"),
          decide("ah-subsidies", "subsidie-toekenning", "subsidies", "20000"),
          decide("tm-omgeving", "omgevingsvergunning-regulier", "omgevingsvergunningen", null),
          decide("dir-stad", "omgevingsvergunning-regulier", "vergunningen", null),
          decide("ah-publiek", "evenementenvergunning", "publiekszaken", null));

  /** Each denied: no mandate, above the ceiling, outside the units. */
  static final List<Question> DENIED =
      List.of(
          decide("mw-vergunningen", "inkoop-overeenkomst", "vergunningen", "8000"),
          decide("tm-omgeving", "inkoop-overeenkomst", "vergunningen", "10000.01"),
          decide("ah-subsidies", "subsidie-toekenning", "vergunningen", "100"),
          decide("tm-uitkeringen", "bijzondere-bijstand", "uitkeringen", "2500.01"));

  private DemoQuestions() {}

  static Question decide(String person, String decisionType, String unit, String amount) {
    Question.Builder b =
        Question.builder()
            .person(person)
            .action(Action.DECIDE)
            .decisionType(decisionType)
            .orgUnit(unit)
            .at(MOMENT);
    if (amount != null) {
      b.amount(new BigDecimal(amount));
    }
    return b.build();
  }
}
