package nl.mandaat.core.demo;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import nl.mandaat.core.Actor;
import nl.mandaat.core.AdministrativeBody;
import nl.mandaat.core.Assignment;
import nl.mandaat.core.CoSign;
import nl.mandaat.core.DecisionType;
import nl.mandaat.core.Grant;
import nl.mandaat.core.GrantKind;
import nl.mandaat.core.OrgUnit;
import nl.mandaat.core.OrgUnit.Kind;
import nl.mandaat.core.Person;
import nl.mandaat.core.Position;
import nl.mandaat.core.Register;
import nl.mandaat.core.Substitution;
import nl.mandaat.core.Window;

/**
 * The demo municipality of DOMAIN.md (modelled on Zoetermeer): the seed every service and test
 * starts from. Everything is in force from 2026-01-01 (recorded at 2026-01-01T00:00
 * Europe/Amsterdam) with no end date, except the substitution of {@code ah-vth} for {@code
 * afdelingshoofd-vergunningen} from 2026-12-01 to 2026-12-31, both days included.
 *
 * <p>Grant ids are stable: {@code G<row>-<holder>}, e.g. {@code G02-directeur-stad}.
 */
public final class DemoMunicipality {

  /** Zoetermeer's RSIN, on every Besluit. */
  public static final String RSIN = "001108738";

  /** The first day of the seed. */
  public static final LocalDate START = LocalDate.of(2026, 1, 1);

  /** When the seed was recorded: 2026-01-01T00:00 Europe/Amsterdam. */
  public static final Instant SEEDED_AT =
      ZonedDateTime.of(2026, 1, 1, 0, 0, 0, 0, Register.DEFAULT_ZONE).toInstant();

  /** The register administrator who recorded the seed. */
  public static final Actor ADMINISTRATOR = Actor.administrator("beheer");

  /** The mandaatbesluit every college mandate references (Awb 10:5). */
  public static final String MANDAATBESLUIT = "Mandaatbesluit gemeente Zoetermeer 2019";

  /** The ondermandaatbesluit every sub-mandate references. */
  public static final String ONDERMANDAATBESLUIT = "Ondermandaatbesluit gemeente Zoetermeer 2019";

  /** The directies with their afdelingen. */
  public static final Map<String, List<String>> AFDELINGEN = afdelingen();

  private static Map<String, List<String>> afdelingen() {
    Map<String, List<String>> m = new LinkedHashMap<>();
    m.put("bedrijfsvoering", List.of("juridische-zaken", "financien", "inkoop", "hr"));
    m.put("stad", List.of("vergunningen", "vth"));
    m.put("samenleving", List.of("mo", "wi", "publiekszaken", "subsidies"));
    return Collections.unmodifiableMap(m);
  }

  /** The demo users and the positions they hold. */
  public static final Map<String, String> USERS =
      Map.ofEntries(
          Map.entry("burgemeester", "burgemeester"),
          Map.entry("wethouder", "wethouder"),
          Map.entry("raadslid", "raadslid"),
          Map.entry("secretaris", "gemeentesecretaris"),
          Map.entry("dir-bv", "directeur-bedrijfsvoering"),
          Map.entry("dir-stad", "directeur-stad"),
          Map.entry("dir-sam", "directeur-samenleving"),
          Map.entry("ah-vergunningen", "afdelingshoofd-vergunningen"),
          Map.entry("ah-vth", "afdelingshoofd-vth"),
          Map.entry("ah-mo", "afdelingshoofd-mo"),
          Map.entry("ah-wi", "afdelingshoofd-wi"),
          Map.entry("ah-publiek", "afdelingshoofd-publiekszaken"),
          Map.entry("ah-subsidies", "afdelingshoofd-subsidies"),
          Map.entry("ah-juridisch", "afdelingshoofd-juridische-zaken"),
          Map.entry("ah-financien", "afdelingshoofd-financien"),
          Map.entry("ah-inkoop", "afdelingshoofd-inkoop"),
          Map.entry("ah-hr", "afdelingshoofd-hr"),
          Map.entry("tm-omgeving", "teammanager-omgeving"),
          Map.entry("tm-uitkeringen", "teammanager-uitkeringen"),
          Map.entry("mw-vergunningen", "medewerker-vergunningen"),
          Map.entry("mw-wi", "medewerker-wi"),
          Map.entry("auditor", "concerncontroller"),
          Map.entry("beheer", "registerbeheerder"));

  private static final String[][] USER_NAMES = {
    {"burgemeester", "Burgemeester"},
    {"wethouder", "Wethouder"},
    {"raadslid", "Raadslid"},
    {"secretaris", "Gemeentesecretaris"},
    {"dir-bv", "Directeur Bedrijfsvoering"},
    {"dir-stad", "Directeur Stad"},
    {"dir-sam", "Directeur Samenleving"},
    {"ah-vergunningen", "Afdelingshoofd Vergunningen"},
    {"ah-vth", "Afdelingshoofd Toezicht & Handhaving"},
    {"ah-mo", "Afdelingshoofd Maatschappelijke Ondersteuning"},
    {"ah-wi", "Afdelingshoofd Werk & Inkomen"},
    {"ah-publiek", "Afdelingshoofd Publiekszaken"},
    {"ah-subsidies", "Afdelingshoofd Samenleving & Subsidies"},
    {"ah-juridisch", "Afdelingshoofd Juridische Zaken"},
    {"ah-financien", "Afdelingshoofd Financien"},
    {"ah-inkoop", "Afdelingshoofd Inkoop"},
    {"ah-hr", "Afdelingshoofd HR"},
    {"tm-omgeving", "Teammanager Omgevingsvergunningen"},
    {"tm-uitkeringen", "Teammanager Uitkeringen"},
    {"mw-vergunningen", "Medewerker Vergunningen"},
    {"mw-wi", "Medewerker Werk & Inkomen"},
    {"auditor", "Concerncontroller"},
    {"beheer", "Registerbeheerder"},
  };

  private DemoMunicipality() {}

  /** The seed register at revision 1. */
  public static Register register() {
    Register.Builder b = Register.builder().revision(1);
    bodies(b);
    units(b);
    positions(b);
    persons(b);
    decisionTypes(b);
    grants(b);
    return b.build();
  }

  private static void bodies(Register.Builder b) {
    b.body(AdministrativeBody.of("raad", "Gemeenteraad", "de gemeenteraad van Zoetermeer"));
    b.body(
        AdministrativeBody.of(
            "college",
            "College van burgemeester en wethouders",
            "het college van burgemeester en wethouders van Zoetermeer"));
    b.body(AdministrativeBody.of("burgemeester", "Burgemeester", "de burgemeester van Zoetermeer"));
  }

  private static void units(Register.Builder b) {
    b.unit(OrgUnit.of("gemeente", "Gemeente Zoetermeer", null, Kind.GEMEENTE, 1300));
    b.unit(OrgUnit.of("bedrijfsvoering", "Bedrijfsvoering", "gemeente", Kind.DIRECTIE, 320));
    b.unit(OrgUnit.of("stad", "Stad", "gemeente", Kind.DIRECTIE, 380));
    b.unit(OrgUnit.of("samenleving", "Samenleving", "gemeente", Kind.DIRECTIE, 520));
    b.unit(OrgUnit.of("vergunningen", "Vergunningen", "stad", Kind.AFDELING, 60));
    b.unit(
        OrgUnit.of(
            "omgevingsvergunningen", "Omgevingsvergunningen", "vergunningen", Kind.TEAM, 30));
    b.unit(OrgUnit.of("vth", "Toezicht & Handhaving", "stad", Kind.AFDELING, 45));
    b.unit(OrgUnit.of("mo", "Maatschappelijke Ondersteuning", "samenleving", Kind.AFDELING, 90));
    b.unit(OrgUnit.of("wi", "Werk & Inkomen", "samenleving", Kind.AFDELING, 140));
    b.unit(OrgUnit.of("uitkeringen", "Uitkeringen", "wi", Kind.TEAM, 60));
    b.unit(OrgUnit.of("publiekszaken", "Publiekszaken", "samenleving", Kind.AFDELING, 80));
    b.unit(OrgUnit.of("subsidies", "Samenleving & Subsidies", "samenleving", Kind.AFDELING, 40));
    b.unit(
        OrgUnit.of("juridische-zaken", "Juridische Zaken", "bedrijfsvoering", Kind.AFDELING, 35));
    b.unit(OrgUnit.of("financien", "Financien", "bedrijfsvoering", Kind.AFDELING, 70));
    b.unit(OrgUnit.of("inkoop", "Inkoop", "bedrijfsvoering", Kind.AFDELING, 25));
    b.unit(OrgUnit.of("hr", "HR", "bedrijfsvoering", Kind.AFDELING, 40));
  }

  private static void positions(Register.Builder b) {
    Window always = Window.from(START);
    b.position(new Position("burgemeester", "Burgemeester", "gemeente", null, true, false, always));
    b.position(new Position("wethouder", "Wethouder", "gemeente", null, false, false, always));
    b.position(new Position("raadslid", "Raadslid", "gemeente", null, false, false, always));
    b.position(
        new Position(
            "gemeentesecretaris",
            "Gemeentesecretaris / algemeen directeur",
            "gemeente",
            null,
            true,
            false,
            always));
    for (var directie : AFDELINGEN.keySet()) {
      String directeur = "directeur-" + directie;
      b.position(
          new Position(
              directeur,
              "Directeur " + directie,
              directie,
              "gemeentesecretaris",
              true,
              false,
              always));
      for (String afdeling : AFDELINGEN.get(directie)) {
        b.position(
            new Position(
                "afdelingshoofd-" + afdeling,
                "Afdelingshoofd " + afdeling,
                afdeling,
                directeur,
                true,
                false,
                always));
      }
    }
    b.position(
        new Position(
            "teammanager-omgeving",
            "Teammanager Omgevingsvergunningen",
            "omgevingsvergunningen",
            "afdelingshoofd-vergunningen",
            true,
            false,
            always));
    b.position(
        new Position(
            "teammanager-uitkeringen",
            "Teammanager Uitkeringen",
            "uitkeringen",
            "afdelingshoofd-wi",
            true,
            false,
            always));
    b.position(
        new Position(
            "medewerker-vergunningen",
            "Medewerker Vergunningen",
            "omgevingsvergunningen",
            "teammanager-omgeving",
            false,
            false,
            always));
    b.position(
        new Position(
            "medewerker-wi",
            "Medewerker Werk & Inkomen",
            "uitkeringen",
            "teammanager-uitkeringen",
            false,
            false,
            always));
    b.position(
        new Position(
            "concerncontroller",
            "Concerncontroller",
            "gemeente",
            "gemeentesecretaris",
            true,
            false,
            always));
    b.position(
        new Position(
            "registerbeheerder",
            "Beheerder mandaatregister",
            "juridische-zaken",
            "afdelingshoofd-juridische-zaken",
            false,
            false,
            always));
  }

  private static void persons(Register.Builder b) {
    for (String[] user : USER_NAMES) {
      b.person(Person.of(user[0], user[1]));
      b.assignment(
          Assignment.of(
              "A-" + user[0], user[0], USERS.get(user[0]), Window.from(START), SEEDED_AT));
    }
    b.substitution(
        Substitution.of(
            "S-ah-vth-vergunningen-2026-12",
            "ah-vth",
            "afdelingshoofd-vergunningen",
            Window.of(LocalDate.of(2026, 12, 1), LocalDate.of(2026, 12, 31)),
            SEEDED_AT));
  }

  private static void decisionTypes(Register.Builder b) {
    b.decisionType(
        new DecisionType(
            "uitwerkingsplan",
            "Uitwerkingsplan",
            "raad",
            "Gemeentewet art. 156; Wet ruimtelijke ordening art. 3.6",
            true,
            null,
            true,
            false));
    b.decisionType(
        DecisionType.mandatable(
            "inkoop-overeenkomst", "Inkoopovereenkomst", "college", "Gemeentewet art. 160(1)(e)"));
    b.decisionType(
        DecisionType.mandatable(
            "omgevingsvergunning-regulier",
            "Omgevingsvergunning (reguliere procedure)",
            "college",
            "Omgevingswet art. 5.8"));
    b.decisionType(
        DecisionType.mandatable(
            "handhavingsbesluit-dwangsom",
            "Last onder dwangsom",
            "college",
            "Gemeentewet art. 125; Awb art. 5:32"));
    b.decisionType(
        DecisionType.mandatable(
            "subsidie-toekenning", "Subsidieverlening", "college", "Awb art. 4:23"));
    b.decisionType(
        DecisionType.mandatable(
            "bijzondere-bijstand", "Bijzondere bijstand", "college", "Participatiewet art. 35"));
    b.decisionType(
        DecisionType.mandatable(
            "wmo-maatwerkvoorziening",
            "Wmo-maatwerkvoorziening",
            "college",
            "Wet maatschappelijke ondersteuning 2015 art. 2.3.5"));
    b.decisionType(
        DecisionType.mandatable(
            "evenementenvergunning",
            "Evenementenvergunning (laag en middel risico)",
            "burgemeester",
            "Gemeentewet art. 174; APV art. 2:25"));
    b.decisionType(
        DecisionType.mandatable(
            "beslissing-op-bezwaar", "Beslissing op bezwaar", "college", "Awb art. 7:11"));
    b.decisionType(
        DecisionType.mandatable(
            "woo-besluit", "Besluit op een Woo-verzoek", "college", "Wet open overheid art. 4.1"));
    b.decisionType(
        DecisionType.mandatable(
            "aanstelling-personeel",
            "Aanstelling personeel (tot en met schaal 11)",
            "college",
            "Gemeentewet art. 160(1)(d)"));
    b.decisionType(
        DecisionType.mandatable(
            "bestuurlijke-boete", "Bestuurlijke boete", "college", "Awb art. 5:40"));
    b.decisionType(
        new DecisionType(
            "verordening-vaststellen",
            "Verordening vaststellen",
            "raad",
            "Gemeentewet art. 147",
            false,
            "Algemeen verbindend voorschrift (Awb 10:3(2))",
            false,
            false));
    b.decisionType(
        new DecisionType(
            "begroting-vaststellen",
            "Programmabegroting vaststellen",
            "raad",
            "Gemeentewet art. 189",
            false,
            "Voorbehouden aan de raad (Gemeentewet 156(2))",
            false,
            true));
  }

  private static Grant.Builder grant(String id, GrantKind kind, String grantor, String holder) {
    return Grant.builder()
        .id(id)
        .kind(kind)
        .grantor(grantor)
        .holder(holder)
        .window(Window.from(START))
        .recordedAt(SEEDED_AT)
        .grantDecisionRef(kind == GrantKind.SUB_MANDATE ? ONDERMANDAATBESLUIT : MANDAATBESLUIT);
  }

  private static void grants(Register.Builder b) {
    b.grant(
        grant("G01-college", GrantKind.DELEGATION, "raad", "college")
            .decisionTypes("uitwerkingsplan")
            .legalBasis("Gemeentewet art. 156")
            .grantDecisionRef("Delegatiebesluit uitwerkingsplannen gemeenteraad Zoetermeer")
            .condition("binnen het kader dat de raad heeft gesteld")
            .build());
    List<String> directies = List.copyOf(AFDELINGEN.keySet());
    for (String directie : directies) {
      b.grant(
          grant("G02-directeur-" + directie, GrantKind.MANDATE, "college", "directeur-" + directie)
              .decisionTypes("inkoop-overeenkomst")
              .ceiling(new BigDecimal("250000.00"))
              .coSign(CoSign.above("inkoop", new BigDecimal("50000.00")))
              .subMandateAllowed(true)
              .build());
    }
    for (String directie : directies) {
      for (String afdeling : AFDELINGEN.get(directie)) {
        b.grant(
            grant(
                    "G03-afdelingshoofd-" + afdeling,
                    GrantKind.SUB_MANDATE,
                    "directeur-" + directie,
                    "afdelingshoofd-" + afdeling)
                .parent("G02-directeur-" + directie)
                .decisionTypes("inkoop-overeenkomst")
                .ceiling(new BigDecimal("50000.00"))
                .condition("binnen het toegekende budget")
                .subMandateAllowed(true)
                .build());
      }
    }
    b.grant(
        grant(
                "G04-teammanager-omgeving",
                GrantKind.SUB_MANDATE,
                "afdelingshoofd-vergunningen",
                "teammanager-omgeving")
            .parent("G03-afdelingshoofd-vergunningen")
            .decisionTypes("inkoop-overeenkomst")
            // The team acts for the whole afdeling (as in API.md's sub-mandate example).
            .orgUnits("vergunningen")
            .ceiling(new BigDecimal("10000.00"))
            .build());
    b.grant(
        grant(
                "G05-afdelingshoofd-vergunningen",
                GrantKind.MANDATE,
                "college",
                "afdelingshoofd-vergunningen")
            .decisionTypes("omgevingsvergunning-regulier")
            .condition("niet buiten het omgevingsplan")
            .instruction("politiek gevoelige aanvragen worden aan het college voorgelegd")
            .subMandateAllowed(true)
            .build());
    b.grant(
        grant(
                "G06-teammanager-omgeving",
                GrantKind.SUB_MANDATE,
                "afdelingshoofd-vergunningen",
                "teammanager-omgeving")
            .parent("G05-afdelingshoofd-vergunningen")
            .decisionTypes("omgevingsvergunning-regulier")
            // The team acts for the whole afdeling (as in API.md's sub-mandate example).
            .orgUnits("vergunningen")
            .build());
    b.grant(
        grant("G07-afdelingshoofd-vth", GrantKind.MANDATE, "college", "afdelingshoofd-vth")
            .decisionTypes("handhavingsbesluit-dwangsom")
            .ceiling(new BigDecimal("25000.00"))
            .coSign(CoSign.always("juridische-zaken"))
            .subMandateAllowed(true)
            .build());
    b.grant(
        grant(
                "G08-afdelingshoofd-subsidies",
                GrantKind.MANDATE,
                "college",
                "afdelingshoofd-subsidies")
            .decisionTypes("subsidie-toekenning")
            .ceiling(new BigDecimal("25000.00"))
            .condition("geen precedentwerking")
            .subMandateAllowed(true)
            .build());
    b.grant(
        grant("G09-afdelingshoofd-wi", GrantKind.MANDATE, "college", "afdelingshoofd-wi")
            .decisionTypes("bijzondere-bijstand")
            .ceiling(new BigDecimal("5000.00"))
            .condition("binnen de beleidsregels bijzondere bijstand")
            .subMandateAllowed(true)
            .build());
    b.grant(
        grant(
                "G10-teammanager-uitkeringen",
                GrantKind.SUB_MANDATE,
                "afdelingshoofd-wi",
                "teammanager-uitkeringen")
            .parent("G09-afdelingshoofd-wi")
            .decisionTypes("bijzondere-bijstand")
            .ceiling(new BigDecimal("2500.00"))
            .build());
    b.grant(
        grant("G11-afdelingshoofd-mo", GrantKind.MANDATE, "college", "afdelingshoofd-mo")
            .decisionTypes("wmo-maatwerkvoorziening")
            .condition("afwijken wegens hardheid alleen door de directeur Samenleving")
            .escalationTarget("directeur-samenleving")
            .subMandateAllowed(true)
            .build());
    b.grant(
        grant(
                "G12-afdelingshoofd-publiekszaken",
                GrantKind.MANDATE,
                "burgemeester",
                "afdelingshoofd-publiekszaken")
            .decisionTypes("evenementenvergunning")
            .condition(
                "alleen evenementen met laag of middel risico; hoog risico blijft bij de burgemeester")
            .subMandateAllowed(true)
            .build());
    b.grant(
        grant(
                "G13-afdelingshoofd-juridische-zaken",
                GrantKind.MANDATE,
                "college",
                "afdelingshoofd-juridische-zaken")
            .decisionTypes("beslissing-op-bezwaar")
            .condition("nooit wanneer het college het primaire besluit zelf nam")
            .build());
    for (String directie : directies) {
      for (String afdeling : AFDELINGEN.get(directie)) {
        b.grant(
            grant(
                    "G14-afdelingshoofd-" + afdeling,
                    GrantKind.MANDATE,
                    "college",
                    "afdelingshoofd-" + afdeling)
                .decisionTypes("woo-besluit")
                .coSign(CoSign.always("juridische-zaken"))
                .instruction("een politiek gevoelige weigering wordt aan het college voorgelegd")
                .subMandateAllowed(true)
                .build());
      }
    }
    for (String directie : directies) {
      b.grant(
          grant("G15-directeur-" + directie, GrantKind.MANDATE, "college", "directeur-" + directie)
              .decisionTypes("aanstelling-personeel")
              .coSign(CoSign.always("hr"))
              .condition("tot en met schaal 11")
              .subMandateAllowed(true)
              .build());
    }
  }
}
