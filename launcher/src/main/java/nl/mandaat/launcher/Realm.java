package nl.mandaat.launcher;

import com.nimbusds.jose.util.JSONObjectUtils;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.ParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The parts of a Keycloak realm export ({@code infra/keycloak/mandaat-realm.json}) that the
 * in-process issuer serves: users with their password and realm roles, clients with their grants
 * and audience. Users and roles live once, in that file.
 *
 * @param name the realm's name, {@code mandaat}
 * @param accessTokenLifespanSeconds how long an access token is valid
 * @param roles the realm roles
 * @param users the users, service-account users included
 * @param clients the clients
 */
public record Realm(
    String name,
    long accessTokenLifespanSeconds,
    List<String> roles,
    List<User> users,
    List<Client> clients) {

  /** The realm file's place in the checkout. */
  public static final String FILE = "infra/keycloak/mandaat-realm.json";

  public static Realm load(Path file) {
    try {
      return parse(Files.readString(file, StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new LaunchException("cannot read the realm file " + file + ": " + e.getMessage(), e);
    }
  }

  /**
   * Parses a realm export; throws {@link LaunchException} when it is not valid JSON of that shape.
   */
  public static Realm parse(String json) {
    try {
      Map<String, Object> realm = JSONObjectUtils.parse(json);
      String name = JSONObjectUtils.getString(realm, "realm");
      if (name == null) {
        throw new LaunchException("the realm file has no \"realm\" name");
      }
      long lifespan = realm.get("accessTokenLifespan") instanceof Number n ? n.longValue() : 300;
      List<String> roles = new ArrayList<>();
      Map<String, Object> roleSets = JSONObjectUtils.getJSONObject(realm, "roles");
      if (roleSets != null) {
        for (Map<String, Object> role : objects(roleSets.get("realm"))) {
          roles.add(JSONObjectUtils.getString(role, "name"));
        }
      }
      List<User> users = new ArrayList<>();
      for (Map<String, Object> user : objects(realm.get("users"))) {
        users.add(User.of(user));
      }
      List<Client> clients = new ArrayList<>();
      for (Map<String, Object> client : objects(realm.get("clients"))) {
        clients.add(Client.of(client));
      }
      return new Realm(
          name, lifespan, List.copyOf(roles), List.copyOf(users), List.copyOf(clients));
    } catch (ParseException | ClassCastException e) {
      throw new LaunchException("the realm file is not a valid realm export: " + e.getMessage(), e);
    }
  }

  /**
   * The realm export with the gateway's address moved by the port offset, so browser redirects
   * still match.
   */
  public static String withPorts(String json, SuitePorts ports) {
    return json.replace("http://localhost:8080", ports.gateway().toString());
  }

  public Optional<User> user(String username) {
    return users.stream().filter(u -> u.username().equals(username)).findFirst();
  }

  public Optional<Client> client(String clientId) {
    return clients.stream().filter(c -> c.clientId().equals(clientId)).findFirst();
  }

  /** The service-account user of a client with client credentials enabled. */
  public Optional<User> serviceAccount(String clientId) {
    return users.stream()
        .filter(u -> clientId.equals(u.serviceAccountClientId().orElse(null)))
        .findFirst();
  }

  /**
   * A user of the realm.
   *
   * @param id the stable id, the token's {@code sub}
   * @param password the password credential; empty for service accounts
   * @param serviceAccountClientId the client whose service account this is, if any
   */
  public record User(
      String id,
      String username,
      boolean enabled,
      Optional<String> firstName,
      Optional<String> lastName,
      Optional<String> email,
      boolean emailVerified,
      Optional<String> password,
      List<String> realmRoles,
      Optional<String> serviceAccountClientId) {

    static User of(Map<String, Object> json) throws ParseException {
      String password = null;
      for (Map<String, Object> credential : objects(json.get("credentials"))) {
        if ("password".equals(credential.get("type"))) {
          password = JSONObjectUtils.getString(credential, "value");
        }
      }
      String username = JSONObjectUtils.getString(json, "username");
      String id = JSONObjectUtils.getString(json, "id");
      return new User(
          id != null
              ? id
              : java.util
                  .UUID
                  .nameUUIDFromBytes(username.getBytes(StandardCharsets.UTF_8))
                  .toString(),
          username,
          !Boolean.FALSE.equals(json.get("enabled")),
          Optional.ofNullable(JSONObjectUtils.getString(json, "firstName")),
          Optional.ofNullable(JSONObjectUtils.getString(json, "lastName")),
          Optional.ofNullable(JSONObjectUtils.getString(json, "email")),
          Boolean.TRUE.equals(json.get("emailVerified")),
          Optional.ofNullable(password),
          strings(json.get("realmRoles")),
          Optional.ofNullable(JSONObjectUtils.getString(json, "serviceAccountClientId")));
    }

    /**
     * First and last name as Keycloak's {@code name} claim joins them; empty when neither is set.
     */
    public Optional<String> fullName() {
      String joined = (firstName.orElse("") + " " + lastName.orElse("")).trim();
      return joined.isEmpty() ? Optional.empty() : Optional.of(joined);
    }
  }

  /**
   * A client of the realm.
   *
   * @param secret the client secret of a confidential client
   * @param audiences the values audience mappers add to {@code aud}
   * @param pkceMethod the required PKCE challenge method ({@code S256}), if any
   */
  public record Client(
      String clientId,
      boolean publicClient,
      Optional<String> secret,
      boolean standardFlow,
      boolean directAccessGrants,
      boolean serviceAccounts,
      List<String> redirectUris,
      List<String> audiences,
      Optional<String> pkceMethod) {

    static Client of(Map<String, Object> json) throws ParseException {
      List<String> audiences = new ArrayList<>();
      for (Map<String, Object> mapper : objects(json.get("protocolMappers"))) {
        if ("oidc-audience-mapper".equals(mapper.get("protocolMapper"))) {
          Map<String, Object> config = JSONObjectUtils.getJSONObject(mapper, "config");
          if (config != null && config.get("included.custom.audience") instanceof String a) {
            audiences.add(a);
          }
        }
      }
      Map<String, Object> attributes = JSONObjectUtils.getJSONObject(json, "attributes");
      String pkce =
          attributes == null
              ? null
              : JSONObjectUtils.getString(attributes, "pkce.code.challenge.method");
      return new Client(
          JSONObjectUtils.getString(json, "clientId"),
          Boolean.TRUE.equals(json.get("publicClient")),
          Optional.ofNullable(JSONObjectUtils.getString(json, "secret")),
          !Boolean.FALSE.equals(json.get("standardFlowEnabled")),
          Boolean.TRUE.equals(json.get("directAccessGrantsEnabled")),
          Boolean.TRUE.equals(json.get("serviceAccountsEnabled")),
          strings(json.get("redirectUris")),
          List.copyOf(audiences),
          Optional.ofNullable(pkce).filter(s -> !s.isBlank()));
    }

    /**
     * True when {@code uri} matches a redirect URI, where a trailing {@code *} matches any rest.
     */
    public boolean allowsRedirect(String uri) {
      for (String allowed : redirectUris) {
        if (allowed.endsWith("*")
            ? uri.startsWith(allowed.substring(0, allowed.length() - 1))
            : uri.equals(allowed)) {
          return true;
        }
      }
      return false;
    }
  }

  @SuppressWarnings("unchecked")
  private static List<Map<String, Object>> objects(Object value) {
    if (value == null) {
      return List.of();
    }
    List<Map<String, Object>> objects = new ArrayList<>();
    for (Object item : (List<Object>) value) {
      objects.add((Map<String, Object>) item);
    }
    return objects;
  }

  @SuppressWarnings("unchecked")
  private static List<String> strings(Object value) {
    if (value == null) {
      return List.of();
    }
    List<String> strings = new ArrayList<>();
    for (Object item : (List<Object>) value) {
      strings.add((String) item);
    }
    return List.copyOf(strings);
  }
}
