package nl.mandaat.org.config;

import java.time.Clock;
import java.time.ZoneId;
import java.util.Map;
import nl.mandaat.core.demo.DemoMunicipality;
import nl.mandaat.org.application.HeldPositionsView;
import nl.mandaat.org.application.ImportOrganisation;
import nl.mandaat.org.application.ListUnits;
import nl.mandaat.org.application.Organisation;
import nl.mandaat.org.application.ReadOrganisation;
import nl.mandaat.org.application.RecordAssignment;
import nl.mandaat.org.application.RecordBody;
import nl.mandaat.org.application.RecordPerson;
import nl.mandaat.org.application.RecordPosition;
import nl.mandaat.org.application.RecordSubstitution;
import nl.mandaat.org.application.RecordUnit;
import nl.mandaat.org.application.SeedOrganisation;
import nl.mandaat.org.application.TakeSnapshot;
import nl.mandaat.org.application.port.Assignments;
import nl.mandaat.org.application.port.Bodies;
import nl.mandaat.org.application.port.Events;
import nl.mandaat.org.application.port.Persons;
import nl.mandaat.org.application.port.Positions;
import nl.mandaat.org.application.port.Substitutions;
import nl.mandaat.org.application.port.Transactions;
import nl.mandaat.org.application.port.Units;
import nl.mandaat.support.DatabaseProperties;
import nl.mandaat.support.events.PostgresNotifications;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

@Configuration(proxyBeanMethods = false)
class OrgConfiguration {

  /** Dates in the register are Dutch calendar dates. */
  static final ZoneId MUNICIPALITY_ZONE = ZoneId.of("Europe/Amsterdam");

  private static final Logger log = LoggerFactory.getLogger(OrgConfiguration.class);

  @Bean
  @ConditionalOnMissingBean
  Clock clock() {
    return Clock.system(MUNICIPALITY_ZONE);
  }

  @Bean
  ListUnits listUnits(Units units) {
    return new ListUnits(units);
  }

  @Bean
  Organisation organisation(
      Bodies bodies,
      Units units,
      Positions positions,
      Persons persons,
      Assignments assignments,
      Substitutions substitutions,
      Events events,
      Transactions transactions,
      Clock clock,
      HeldPositionsView heldPositions) {
    return new Organisation(
        bodies,
        units,
        positions,
        persons,
        assignments,
        substitutions,
        events,
        transactions,
        clock,
        heldPositions);
  }

  /** Who holds which position when, in memory, from the outbox (docs/events.md). */
  @Bean
  HeldPositionsView heldPositionsView(Events events, JsonMapper json) {
    return new HeldPositionsView(
        events, payload -> json.readValue(payload, new TypeReference<Map<String, Object>>() {}));
  }

  /**
   * Loads the read model before the service reports ready, then follows the outbox until the
   * context stops.
   */
  @Bean
  SmartLifecycle heldPositionsFollower(HeldPositionsView view) {
    return new OutboxFollower(view);
  }

  @Bean
  ReadOrganisation readOrganisation(Organisation org) {
    return new ReadOrganisation(org);
  }

  @Bean
  RecordBody recordBody(Organisation org) {
    return new RecordBody(org);
  }

  @Bean
  RecordUnit recordUnit(Organisation org) {
    return new RecordUnit(org);
  }

  @Bean
  RecordPosition recordPosition(Organisation org) {
    return new RecordPosition(org);
  }

  @Bean
  RecordPerson recordPerson(Organisation org) {
    return new RecordPerson(org);
  }

  @Bean
  RecordAssignment recordAssignment(Organisation org) {
    return new RecordAssignment(org);
  }

  @Bean
  RecordSubstitution recordSubstitution(Organisation org) {
    return new RecordSubstitution(org);
  }

  @Bean
  ImportOrganisation importOrganisation(Organisation org) {
    return new ImportOrganisation(org);
  }

  /** Wakes the event streams: each append NOTIFYs the schema's channel on commit. */
  @Bean
  PostgresNotifications eventNotifications(DatabaseProperties database, Environment environment) {
    // A connection outside the pool, so that listening never takes one from the queries.
    return new PostgresNotifications(
        PostgresNotifications.ownConnections(environment), database.schema() + "_events");
  }

  @Bean
  TakeSnapshot takeSnapshot(Organisation org) {
    return new TakeSnapshot(org);
  }

  /**
   * Under profile {@code demo}: the demo municipality of mandate-core (record once, use
   * everywhere), written through the write path when the store is empty. Runs before the service
   * reports ready.
   */
  @Bean
  @ConditionalOnProperty(name = "mandaat.org.seed-demo", havingValue = "true")
  ApplicationRunner demoSeed(Organisation org) {
    return arguments -> {
      Boolean seeded =
          new SeedOrganisation(org)
              .seed(
                  DemoMunicipality.register(),
                  DemoMunicipality.START,
                  DemoMunicipality.ADMINISTRATOR.username())
              .block();
      log.info(
          Boolean.TRUE.equals(seeded)
              ? "Seeded the demo municipality"
              : "The organisation is already recorded; no demo seed");
    };
  }
}
