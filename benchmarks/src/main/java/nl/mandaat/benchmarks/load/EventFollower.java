package nl.mandaat.benchmarks.load;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * Follows an owner's event stream ({@code GET /internal/v1/events?after=}, docs/events.md) on its
 * own thread and hands each event to a consumer with the moment it arrived.
 */
public final class EventFollower implements AutoCloseable {

  /** One event as it arrived: its SSE type, its data line, and when it was read. */
  public record Arrival(String type, String data, Instant at, long nanoTime) {}

  private final Thread thread;
  private volatile Stream<String> lines;
  private volatile boolean closed;

  private EventFollower(Thread thread) {
    this.thread = thread;
  }

  /**
   * Starts following {@code base}'s stream after {@code sequence} with {@code bearerToken}; returns
   * once the stream's response has begun.
   */
  public static EventFollower start(
      URI base, long sequence, String bearerToken, Consumer<Arrival> consumer) {
    HttpClient client = HttpClient.newHttpClient();
    HttpRequest request =
        HttpRequest.newBuilder(base.resolve("/internal/v1/events?after=" + sequence))
            .header("Accept", "text/event-stream")
            .header("Authorization", "Bearer " + bearerToken)
            .build();
    HttpResponse<Stream<String>> response;
    try {
      response = client.send(request, HttpResponse.BodyHandlers.ofLines());
    } catch (IOException e) {
      throw new IllegalStateException("cannot follow " + base, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
    if (response.statusCode() != 200) {
      throw new IllegalStateException("the stream answered " + response.statusCode());
    }
    EventFollower[] self = new EventFollower[1];
    Thread thread =
        new Thread(
            () -> {
              String type = "message";
              try {
                for (String line : (Iterable<String>) response.body()::iterator) {
                  if (line.startsWith("event:")) {
                    type = line.substring(6).trim();
                  } else if (line.startsWith("data:")) {
                    consumer.accept(
                        new Arrival(
                            type, line.substring(5).trim(), Instant.now(), System.nanoTime()));
                  } else if (line.isEmpty()) {
                    type = "message";
                  }
                }
              } catch (RuntimeException e) {
                if (!self[0].closed) {
                  e.printStackTrace();
                }
              }
            },
            "event-follower");
    thread.setDaemon(true);
    self[0] = new EventFollower(thread);
    self[0].lines = response.body();
    thread.start();
    return self[0];
  }

  @Override
  public void close() {
    closed = true;
    lines.close();
    try {
      thread.join(Duration.ofSeconds(2).toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
