package nl.mandaat.mandate;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.LongStream;
import nl.mandaat.mandate.application.LiveRegister;
import nl.mandaat.testsupport.TestDatabase;
import nl.mandaat.testsupport.TestIssuer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

/**
 * Two instances of the service on one database and schema: each validates every write against every
 * change either committed, and each follows the other's changes for reads.
 */
class ReplicasIntegrationTests {

  static ConfigurableApplicationContext a;
  static ConfigurableApplicationContext b;

  static ConfigurableApplicationContext start() {
    TestDatabase.Coordinates db = TestDatabase.coordinates();
    return new SpringApplicationBuilder(MandateServiceApplication.class)
        .profiles("demo")
        .run(
            "--server.port=0",
            "--mandaat.org.source=demo",
            // No expiry notices between the writes whose revisions are counted.
            "--mandaat.expiry-notices.enabled=false",
            "--mandaat.db.host=" + db.host(),
            "--mandaat.db.port=" + db.port(),
            "--mandaat.db.name=" + db.name(),
            "--mandaat.db.username=" + db.username(),
            "--mandaat.db.password=" + db.password(),
            "--mandaat.db.schema=mandate_replicas",
            "--mandaat.security.issuer-uri=" + TestIssuer.issuerUri(),
            "--mandaat.security.jwk-set-uri=" + TestIssuer.issuerUri() + "/jwks",
            "--mandaat.security.audience=" + TestIssuer.AUDIENCE);
  }

  @BeforeAll
  static void twoInstances() {
    a = start();
    b = start();
  }

  @AfterAll
  static void stop() {
    if (b != null) {
      b.close();
    }
    if (a != null) {
      a.close();
    }
  }

  static String port(ConfigurableApplicationContext context) {
    return context.getEnvironment().getProperty("local.server.port");
  }

  static WebTestClient web(ConfigurableApplicationContext context) {
    return WebTestClient.bindToServer()
        .baseUrl("http://localhost:" + port(context))
        .responseTimeout(Duration.ofSeconds(30))
        .build();
  }

  static WebClient client(ConfigurableApplicationContext context) {
    return WebClient.create("http://localhost:" + port(context));
  }

  static String beheer() {
    return TestIssuer.token("beheer", "register-beheer");
  }

  @SuppressWarnings("unchecked")
  static Map<String, Object> created(
      ConfigurableApplicationContext on, String token, Map<String, Object> body) {
    return web(on)
        .post()
        .uri("/api/v1/grants")
        .headers(h -> h.setBearerAuth(token))
        .bodyValue(body)
        .exchange()
        .expectStatus()
        .isCreated()
        .expectBody(Map.class)
        .returnResult()
        .getResponseBody();
  }

  static long revision(Map<String, Object> answer) {
    return ((Number) answer.get("revision")).longValue();
  }

  @Test
  void aSubMandateOnOneInstanceIsValidatedAgainstTheParentJustGrantedOnTheOther() {
    Map<String, Object> root =
        GrantsIntegrationTests.mandate("college", "afdelingshoofd-vergunningen", "woo-besluit");
    root.put("ceiling", 30000);
    Map<String, Object> parent = created(a, beheer(), root);
    // Right away, before any notification needs to have arrived at b.
    Map<String, Object> sub =
        GrantsIntegrationTests.subMandate((String) parent.get("id"), "teammanager-omgeving");
    sub.put("decisionTypes", List.of("woo-besluit"));
    sub.put("ceiling", 30000);
    Map<String, Object> child = created(b, GrantsIntegrationTests.person("ah-vergunningen"), sub);
    assertThat(revision(child)).isEqualTo(revision(parent) + 1);
    // And above the ceiling b refuses, knowing the parent.
    sub.put("ceiling", 30000.01);
    web(b)
        .post()
        .uri("/api/v1/grants")
        .headers(h -> h.setBearerAuth(GrantsIntegrationTests.person("ah-vergunningen")))
        .bodyValue(sub)
        .exchange()
        .expectStatus()
        .isEqualTo(422)
        .expectBody()
        .jsonPath("$.code")
        .isEqualTo("EXCEEDS_PARENT_CEILING");
  }

  @Test
  void aGrantWrittenOnOneInstanceIsReadOnTheOtherWithoutAnyWriteThere() {
    Map<String, Object> answer =
        created(
            a,
            beheer(),
            GrantsIntegrationTests.mandate("college", "directeur-stad", "inkoop-overeenkomst"));
    String id = (String) answer.get("id");
    LiveRegister onB = b.getBean(LiveRegister.class);
    Mono.fromCallable(() -> onB.current().grants().containsKey(id))
        .repeatWhen(again -> again.delayElements(Duration.ofMillis(50)))
        .takeUntil(Boolean::booleanValue)
        .last()
        .timeout(Duration.ofSeconds(10))
        .as(StepVerifier::create)
        .expectNext(true)
        .verifyComplete();
    assertThat(onB.current().revision()).isGreaterThanOrEqualTo(revision(answer));
    web(b)
        .get()
        .uri("/api/v1/grants/{id}", id)
        .headers(h -> h.setBearerAuth(beheer()))
        .exchange()
        .expectStatus()
        .isOk();
  }

  @Test
  @SuppressWarnings("unchecked")
  void concurrentWritesOnBothInstancesGetEveryRevisionOnceAndKeepOneChain() {
    String token = beheer();
    Flux<Long> writes =
        Flux.range(0, 30)
            .flatMap(
                i ->
                    client(i % 2 == 0 ? a : b)
                        .post()
                        .uri("/api/v1/grants")
                        .headers(h -> h.setBearerAuth(token))
                        .bodyValue(
                            GrantsIntegrationTests.mandate(
                                "college", "directeur-stad", "inkoop-overeenkomst"))
                        .retrieve()
                        .bodyToMono(Map.class)
                        .map(answer -> revision(answer)),
                30);
    writes
        .collectSortedList()
        .as(StepVerifier::create)
        .assertNext(
            revisions -> {
              long first = revisions.get(0);
              assertThat(revisions).isEqualTo(LongStream.range(first, first + 30).boxed().toList());
            })
        .verifyComplete();
    for (ConfigurableApplicationContext instance : List.of(a, b)) {
      web(instance)
          .get()
          .uri("/api/v1/register/verification")
          .headers(h -> h.setBearerAuth(token))
          .exchange()
          .expectBody()
          .jsonPath("$.valid")
          .isEqualTo(true);
    }
  }

  record Outcome(int status, long revision, String code, boolean revocation) {}

  @Test
  @SuppressWarnings("unchecked")
  void subMandatesOnOneInstanceRacingARevocationOnTheOtherNeverLandAfterIt() {
    Map<String, Object> root =
        GrantsIntegrationTests.mandate("college", "afdelingshoofd-vergunningen", "woo-besluit");
    root.put("ceiling", 30000);
    String parent = (String) created(a, beheer(), root).get("id");
    String holder = GrantsIntegrationTests.person("ah-vergunningen");
    Flux<Outcome> subMandates =
        Flux.range(1, 16)
            .flatMap(
                i -> {
                  Map<String, Object> body =
                      GrantsIntegrationTests.subMandate(parent, "teammanager-omgeving");
                  body.put("decisionTypes", List.of("woo-besluit"));
                  body.put("ceiling", i * 3000);
                  return client(b)
                      .post()
                      .uri("/api/v1/grants")
                      .headers(h -> h.setBearerAuth(holder))
                      .bodyValue(body)
                      .exchangeToMono(
                          response ->
                              response
                                  .bodyToMono(Map.class)
                                  .map(
                                      answer ->
                                          new Outcome(
                                              response.statusCode().value(),
                                              answer.get("revision") instanceof Number n
                                                  ? n.longValue()
                                                  : -1,
                                              (String) answer.get("code"),
                                              false)));
                },
                16);
    Mono<Outcome> revocation =
        client(a)
            .post()
            .uri("/api/v1/grants/{id}/revocation", parent)
            .headers(h -> h.setBearerAuth(beheer()))
            .bodyValue(Map.of("reason", "test", "decisionRef", "Intrekking"))
            .retrieve()
            .bodyToMono(Map.class)
            .map(answer -> new Outcome(200, revision(answer), null, true));
    Flux.merge(subMandates, revocation.delaySubscription(Duration.ofMillis(30)))
        .collectList()
        .as(StepVerifier::create)
        .assertNext(
            outcomes -> {
              Outcome revoked = outcomes.stream().filter(Outcome::revocation).findFirst().get();
              List<Outcome> others = new ArrayList<>(outcomes);
              others.remove(revoked);
              assertThat(others).hasSize(16);
              assertThat(others)
                  .allSatisfy(
                      o -> {
                        if (o.status() == 201) {
                          assertThat(o.revision()).isLessThan(revoked.revision());
                        } else {
                          assertThat(o.status()).isEqualTo(422);
                          assertThat(o.code())
                              .isIn("EXCEEDS_PARENT_CEILING", "PARENT_NOT_IN_FORCE");
                        }
                      });
              // Ceilings of 3,000 to 30,000 fit; 33,000 and above never do.
              assertThat(others.stream().filter(o -> o.status() == 201).count())
                  .isLessThanOrEqualTo(10);
            })
        .verifyComplete();
  }
}
