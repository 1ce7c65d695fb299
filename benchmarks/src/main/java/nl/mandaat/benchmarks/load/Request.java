package nl.mandaat.benchmarks.load;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One HTTP/1.1 request as a load generator sends it. {@link #encode} is done once per distinct
 * request, so that sending costs a socket write and nothing else.
 *
 * @param method {@code GET}, {@code POST}, ...
 * @param path the path with its query string
 * @param headers extra headers ({@code Host} and {@code Content-Length} are added)
 * @param body the body; empty for none
 */
public record Request(String method, String path, Map<String, String> headers, byte[] body) {

  public static Request get(String path, String bearerToken) {
    return new Request("GET", path, Map.of("Authorization", "Bearer " + bearerToken), new byte[0]);
  }

  public static Request postJson(String path, String bearerToken, String json) {
    Map<String, String> headers = new LinkedHashMap<>();
    headers.put("Authorization", "Bearer " + bearerToken);
    headers.put("Content-Type", "application/json");
    return new Request("POST", path, headers, json.getBytes(StandardCharsets.UTF_8));
  }

  /** The bytes on the wire for a server at {@code host} (as the {@code Host} header names it). */
  public byte[] encode(String host) {
    StringBuilder head = new StringBuilder(256);
    head.append(method).append(' ').append(path).append(" HTTP/1.1\r\n");
    head.append("Host: ").append(host).append("\r\n");
    headers.forEach((name, value) -> head.append(name).append(": ").append(value).append("\r\n"));
    if (body.length > 0 || !"GET".equals(method)) {
      head.append("Content-Length: ").append(body.length).append("\r\n");
    }
    head.append("\r\n");
    ByteArrayOutputStream bytes = new ByteArrayOutputStream(head.length() + body.length);
    bytes.writeBytes(head.toString().getBytes(StandardCharsets.ISO_8859_1));
    bytes.writeBytes(body);
    return bytes.toByteArray();
  }
}
