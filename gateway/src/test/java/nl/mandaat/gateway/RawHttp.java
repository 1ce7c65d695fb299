package nl.mandaat.gateway;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/**
 * Sends a request line exactly as given, for targets no URI class lets through (a raw backslash, a
 * leading double slash), and returns the whole response as text.
 */
final class RawHttp {

  private RawHttp() {}

  static String get(int port, String target, String bearerToken) {
    try (Socket socket = new Socket("localhost", port)) {
      socket.setSoTimeout(30_000);
      String request =
          "GET "
              + target
              + " HTTP/1.1\r\nHost: localhost:"
              + port
              + "\r\nAuthorization: Bearer "
              + bearerToken
              + "\r\nConnection: close\r\n\r\n";
      OutputStream out = socket.getOutputStream();
      out.write(request.getBytes(StandardCharsets.ISO_8859_1));
      out.flush();
      InputStream in = socket.getInputStream();
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * A POST as curl sends a body over 1 KB: headers with {@code Expect: 100-continue} first, the
   * body only after the server's interim {@code 100 Continue}. Returns the interim status line and
   * the final response, or only the final response when the server answered at once.
   */
  static String postExpectingContinue(int port, String target, String bearerToken, String body) {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    try (Socket socket = new Socket("localhost", port)) {
      socket.setSoTimeout(30_000);
      String head =
          "POST "
              + target
              + " HTTP/1.1\r\nHost: localhost:"
              + port
              + "\r\nAuthorization: Bearer "
              + bearerToken
              + "\r\nContent-Type: application/json\r\nContent-Length: "
              + bytes.length
              + "\r\nExpect: 100-continue\r\nConnection: close\r\n\r\n";
      OutputStream out = socket.getOutputStream();
      out.write(head.getBytes(StandardCharsets.ISO_8859_1));
      out.flush();
      InputStream in = socket.getInputStream();
      StringBuilder interim = new StringBuilder();
      while (!interim.toString().endsWith("\r\n\r\n")) {
        int c = in.read();
        if (c < 0) {
          return interim.toString();
        }
        interim.append((char) c);
      }
      if (!interim.toString().startsWith("HTTP/1.1 100")) {
        return interim + new String(in.readAllBytes(), StandardCharsets.UTF_8);
      }
      out.write(bytes);
      out.flush();
      return interim + new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
