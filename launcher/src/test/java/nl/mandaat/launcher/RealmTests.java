package nl.mandaat.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class RealmTests {

  private static final List<String> DEMO_USERS =
      List.of(
          "burgemeester",
          "wethouder",
          "raadslid",
          "secretaris",
          "dir-bv",
          "dir-stad",
          "dir-sam",
          "ah-vergunningen",
          "ah-vth",
          "ah-mo",
          "ah-wi",
          "ah-publiek",
          "ah-subsidies",
          "ah-juridisch",
          "ah-financien",
          "ah-inkoop",
          "ah-hr",
          "tm-omgeving",
          "tm-uitkeringen",
          "mw-vergunningen",
          "mw-wi",
          "auditor",
          "beheer");

  private static final Set<String> MANAGERS =
      Set.of(
          "secretaris",
          "dir-bv",
          "dir-stad",
          "dir-sam",
          "ah-vergunningen",
          "ah-vth",
          "ah-mo",
          "ah-wi",
          "ah-publiek",
          "ah-subsidies",
          "ah-juridisch",
          "ah-financien",
          "ah-inkoop",
          "ah-hr",
          "tm-omgeving",
          "tm-uitkeringen");

  private final Realm realm = RealmFixtures.realm();

  @Test
  void theRealmIsMandaatWithTheFiveRealmRoles() {
    assertThat(realm.name()).isEqualTo("mandaat");
    assertThat(realm.roles())
        .containsExactlyInAnyOrder(
            "medewerker", "manager", "register-beheer", "auditor", "pdp-client");
  }

  @Test
  void everyDemoUserHasPasswordDemoAndACompleteProfile() {
    for (String username : DEMO_USERS) {
      Realm.User user = realm.user(username).orElseThrow(() -> new AssertionError(username));
      assertThat(user.password()).as(username).contains("demo");
      assertThat(user.enabled()).as(username).isTrue();
      // Keycloak 26 refuses the password grant for an incomplete profile ("Account is not fully set
      // up").
      assertThat(user.email()).as(username).hasValueSatisfying(e -> assertThat(e).contains("@"));
      assertThat(user.firstName()).as(username).isPresent();
      assertThat(user.lastName()).as(username).isPresent();
      assertThat(user.id()).as(username).hasSize(36);
    }
  }

  @Test
  void everybodyIsMedewerkerAndTheLineManagersAreManager() {
    for (String username : DEMO_USERS) {
      List<String> roles = realm.user(username).orElseThrow().realmRoles();
      assertThat(roles).as(username).contains("medewerker");
      assertThat(roles.contains("manager")).as(username).isEqualTo(MANAGERS.contains(username));
    }
  }

  @Test
  void theAdministratorAndTheAuditorHaveTheirOwnRole() {
    assertThat(realm.user("beheer").orElseThrow().realmRoles()).contains("register-beheer");
    assertThat(realm.user("auditor").orElseThrow().realmRoles()).contains("auditor");
    List<String> others =
        realm.users().stream()
            .filter(
                u ->
                    u.realmRoles().contains("register-beheer")
                        || u.realmRoles().contains("auditor"))
            .map(Realm.User::username)
            .collect(Collectors.toList());
    assertThat(others).containsExactlyInAnyOrder("beheer", "auditor");
  }

  @Test
  void theCliClientIsPublicWithDirectAccessGrantsAndTheMandaatAudience() {
    Realm.Client cli = realm.client("mandaat-cli").orElseThrow();

    assertThat(cli.publicClient()).isTrue();
    assertThat(cli.directAccessGrants()).isTrue();
    assertThat(cli.audiences()).containsExactly("mandaat");
  }

  @Test
  void theGatewayClientIsConfidentialWithCodeFlowPkceAndTheGatewayRedirect() {
    Realm.Client gateway = realm.client("mandaat-gateway").orElseThrow();

    assertThat(gateway.publicClient()).isFalse();
    assertThat(gateway.secret()).isPresent();
    assertThat(gateway.standardFlow()).isTrue();
    assertThat(gateway.directAccessGrants()).isFalse();
    assertThat(gateway.pkceMethod()).contains("S256");
    assertThat(gateway.allowsRedirect("http://localhost:8080/login/oauth2/code/keycloak")).isTrue();
    assertThat(gateway.allowsRedirect("http://evil.example/")).isFalse();
    assertThat(gateway.audiences()).containsExactly("mandaat");
  }

  @Test
  void internalApplicationsHaveAServiceAccountWithPdpClient() {
    Realm.Client internal = realm.client("mandaat-internal").orElseThrow();

    assertThat(internal.serviceAccounts()).isTrue();
    assertThat(realm.serviceAccount("mandaat-internal").orElseThrow().realmRoles())
        .containsExactly("pdp-client");
  }

  @Test
  void thePortOffsetMovesTheGatewayRedirects() {
    String json = "{\"redirectUris\":[\"http://localhost:8080/*\"]}";

    assertThat(Realm.withPorts(json, new SuitePorts(100)))
        .isEqualTo("{\"redirectUris\":[\"http://localhost:8180/*\"]}");
  }

  @Test
  void aFileThatIsNotJsonIsRefusedWithOneLine() {
    assertThatThrownBy(() -> Realm.parse("not json"))
        .isInstanceOf(LaunchException.class)
        .hasMessageStartingWith("the realm file is not a valid realm export");
    assertThatThrownBy(() -> Realm.parse("{}")).hasMessage("the realm file has no \"realm\" name");
  }
}
