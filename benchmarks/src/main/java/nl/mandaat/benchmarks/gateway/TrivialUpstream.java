package nl.mandaat.benchmarks.gateway;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/** An application behind the gateway that does nothing: reads the request, answers 200 "ok". */
final class TrivialUpstream implements AutoCloseable {

  private static final byte[] OK = "{\"ok\":true}".getBytes(StandardCharsets.UTF_8);

  private final HttpServer server;
  private final ExecutorService threads;

  private TrivialUpstream(HttpServer server, ExecutorService threads) {
    this.server = server;
    this.threads = threads;
  }

  static TrivialUpstream start() throws IOException {
    // Without it every keep-alive answer waits on Nagle and delayed ACKs (~40 ms).
    System.setProperty("sun.net.httpserver.nodelay", "true");
    HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 256);
    ExecutorService threads = Executors.newFixedThreadPool(8);
    server.setExecutor(threads);
    server.createContext(
        "/",
        exchange -> {
          try (InputStream in = exchange.getRequestBody()) {
            in.readAllBytes();
          }
          exchange.getResponseHeaders().set("Content-Type", "application/json");
          exchange.sendResponseHeaders(200, OK.length);
          try (OutputStream out = exchange.getResponseBody()) {
            out.write(OK);
          }
        });
    server.start();
    return new TrivialUpstream(server, threads);
  }

  URI uri() {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
  }

  @Override
  public void close() {
    server.stop(0);
    threads.shutdownNow();
  }
}
