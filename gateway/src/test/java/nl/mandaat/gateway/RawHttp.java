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
}
