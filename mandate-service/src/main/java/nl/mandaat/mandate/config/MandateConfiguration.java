package nl.mandaat.mandate.config;

import java.time.Clock;
import java.util.List;
import nl.mandaat.core.Register;
import nl.mandaat.core.demo.DemoMunicipality;
import nl.mandaat.mandate.adapter.in.schedule.ExpiryNoticeSchedule;
import nl.mandaat.mandate.adapter.out.org.DemoOrganisation;
import nl.mandaat.mandate.adapter.out.org.StreamedOrganisation;
import nl.mandaat.mandate.application.CatchUp;
import nl.mandaat.mandate.application.ImportGrants;
import nl.mandaat.mandate.application.IssueExpiryNotices;
import nl.mandaat.mandate.application.LiveRegister;
import nl.mandaat.mandate.application.LoadRegister;
import nl.mandaat.mandate.application.ReadRevision;
import nl.mandaat.mandate.application.RecordGrant;
import nl.mandaat.mandate.application.RevokeGrant;
import nl.mandaat.mandate.application.SeedRegister;
import nl.mandaat.mandate.application.SerialWrites;
import nl.mandaat.mandate.application.VerifyChain;
import nl.mandaat.mandate.application.WritePath;
import nl.mandaat.mandate.application.port.Catalogue;
import nl.mandaat.mandate.application.port.ExpiryNotices;
import nl.mandaat.mandate.application.port.Grants;
import nl.mandaat.mandate.application.port.Organisation;
import nl.mandaat.mandate.application.port.RegisterEvents;
import nl.mandaat.mandate.application.port.RegisterWrites;
import nl.mandaat.mandate.application.port.Transactions;
import nl.mandaat.mandate.domain.CatalogueEntry;
import nl.mandaat.support.ServiceToken;
import nl.mandaat.support.events.PostgresNotifications;
import nl.mandaat.support.replica.EventFeed;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.ApplicationListener;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.core.env.Profiles;
import org.springframework.scheduling.support.CronExpression;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({OrganisationProperties.class, ExpiryNoticeProperties.class})
class MandateConfiguration {

  private static final Logger log = LoggerFactory.getLogger(MandateConfiguration.class);

  @Bean
  Clock clock() {
    return Clock.systemUTC();
  }

  @Bean
  ReadRevision readRevision(RegisterEvents events) {
    return new ReadRevision(events);
  }

  @Bean
  LiveRegister liveRegister() {
    return new LiveRegister();
  }

  @Bean
  SerialWrites serialWrites() {
    return new SerialWrites();
  }

  @Bean
  CatchUp catchUp(LiveRegister register, RegisterEvents events) {
    return new CatchUp(register, events);
  }

  @Bean
  WritePath writePath(
      LiveRegister register,
      SerialWrites writes,
      CatchUp catchUp,
      RegisterWrites store,
      RegisterEvents events,
      Clock clock) {
    return new WritePath(register, writes, catchUp, store, events, clock);
  }

  @Bean
  RecordGrant recordGrant(WritePath path, Grants grants) {
    return new RecordGrant(path, grants);
  }

  @Bean
  RevokeGrant revokeGrant(WritePath path) {
    return new RevokeGrant(path);
  }

  @Bean
  ImportGrants importGrants(WritePath path) {
    return new ImportGrants(path);
  }

  @Bean
  IssueExpiryNotices issueExpiryNotices(WritePath path, ExpiryNotices issued) {
    return new IssueExpiryNotices(path, issued);
  }

  @Bean
  ExpiryNoticeSchedule expiryNoticeSchedule(
      IssueExpiryNotices notices, ExpiryNoticeProperties properties) {
    return new ExpiryNoticeSchedule(
        notices::issue,
        CronExpression.parse(properties.cron()),
        properties.zone(),
        properties.initialDelay(),
        Schedulers.parallel());
  }

  /**
   * The schedule starts once the register is loaded ({@link #registerAtStartUp} has run): a run
   * against an empty live register would find nothing due.
   */
  @Bean
  ApplicationListener<ApplicationReadyEvent> expiryNoticesOnceStarted(
      ExpiryNoticeSchedule schedule, ExpiryNoticeProperties properties) {
    return ready -> {
      if (properties.enabled()) {
        schedule.start();
      }
    };
  }

  @Bean
  LoadRegister loadRegister(
      LiveRegister register, Catalogue catalogue, Grants grants, RegisterEvents events) {
    return new LoadRegister(register, catalogue, grants, events);
  }

  @Bean
  SeedRegister seedRegister(
      Transactions transactions, Catalogue catalogue, Grants grants, RegisterEvents events) {
    return new SeedRegister(transactions, catalogue, grants, events);
  }

  @Bean
  VerifyChain verifyChain(RegisterEvents events) {
    return new VerifyChain(events);
  }

  /**
   * Ready once the organisation has arrived (org-service's snapshot, or the demo municipality): a
   * write validated against no organisation would be refused for want of it. Down again, with the
   * reason, when the organisation can no longer be trusted ({@link Organisation#unavailable()}).
   */
  @Bean
  HealthIndicator organisationHealthIndicator(Organisation organisation) {
    return () -> {
      if (organisation.unavailable().isPresent()) {
        return Health.down().withDetail("organisation", organisation.unavailable().get()).build();
      }
      return !(organisation instanceof StreamedOrganisation streamed) || streamed.loaded()
          ? Health.up().build()
          : Health.down().withDetail("organisation", "org-service's snapshot not yet read").build();
    };
  }

  /**
   * The organisation writes are validated against: org-service's stream, or with {@code
   * mandaat.org.source=demo} (tests and development without org-service) the fixed demo
   * municipality.
   */
  @Bean
  Organisation organisation(OrganisationProperties properties, ServiceToken token) {
    return switch (properties.source()) {
      case DEMO -> new DemoOrganisation();
      case STREAM ->
          new StreamedOrganisation(
              EventFeed.of(
                  "org-service",
                  WebClient.builder(),
                  properties.uri(),
                  token,
                  properties.idleTimeout()));
    };
  }

  /**
   * At start-up, before the service reports ready: the demo seed (profile {@code demo}, once), the
   * register from storage, and from then on every new state of the organisation and every event
   * another instance commits (announced by NOTIFY, applied in order by {@link CatchUp}).
   */
  @Bean
  ApplicationRunner registerAtStartUp(
      Environment environment,
      SeedRegister seed,
      LoadRegister load,
      LiveRegister register,
      SerialWrites writes,
      CatchUp catchUp,
      PostgresNotifications notifications,
      ObjectProvider<Organisation> organisation) {
    return arguments -> {
      organisation.getObject().states().subscribe(register::organisation);
      Mono<Boolean> seeding = Mono.just(false);
      if (environment.acceptsProfiles(Profiles.of("demo"))) {
        Register demo = DemoMunicipality.register();
        List<CatalogueEntry> entries =
            demo.decisionTypes().values().stream()
                .map(type -> CatalogueEntry.of(type, DemoMunicipality.START))
                .toList();
        seeding =
            seed.seed(
                entries,
                List.copyOf(demo.grants().values()),
                DemoMunicipality.ADMINISTRATOR.username());
      }
      seeding
          .then(load.load())
          .then(
              Mono.fromRunnable(
                  () ->
                      notifications
                          .sequences()
                          .onBackpressureLatest()
                          .filter(sequence -> sequence > register.head().sequence())
                          .concatMap(
                              sequence ->
                                  writes
                                      .submit(catchUp.run())
                                      .onErrorResume(
                                          e -> {
                                            log.error("Catching up with the outbox failed", e);
                                            return Mono.empty();
                                          }),
                              1)
                          .subscribe()))
          // Whatever was committed between the load and the subscription.
          .then(writes.submit(catchUp.run()))
          .block();
    };
  }
}
