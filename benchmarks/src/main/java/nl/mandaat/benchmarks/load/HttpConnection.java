package nl.mandaat.benchmarks.load;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.Closeable;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Locale;

/**
 * One keep-alive HTTP/1.1 connection, used by one thread at a time: write a request, read the whole
 * response (fixed length or chunked). Deliberately small, so that the generator spends its CPU on
 * sending rather than on a client library. Not thread-safe.
 */
public final class HttpConnection implements Closeable {

  /** A response's status and body. */
  public record Response(int status, byte[] body) {
    public String text() {
      return new String(body, StandardCharsets.UTF_8);
    }
  }

  private final Socket socket;
  private final InputStream in;
  private final OutputStream out;
  private boolean closeAfterResponse;

  public HttpConnection(URI base) throws IOException {
    this(base, Duration.ofMinutes(1));
  }

  /** A connection whose reads give up after {@code timeout}. */
  public HttpConnection(URI base, Duration timeout) throws IOException {
    socket = new Socket();
    socket.setTcpNoDelay(true);
    socket.setKeepAlive(true);
    socket.connect(new InetSocketAddress(base.getHost(), base.getPort()), 5_000);
    socket.setSoTimeout((int) timeout.toMillis());
    in = new BufferedInputStream(socket.getInputStream(), 16 * 1024);
    out = socket.getOutputStream();
  }

  /** Sends one encoded request and reads its response. */
  public Response exchange(byte[] request) throws IOException {
    send(request);
    return readResponse();
  }

  /** Sends without reading; for a stream whose response the caller reads with {@link #in()}. */
  public void send(byte[] request) throws IOException {
    out.write(request);
    out.flush();
  }

  /** Whether the server asked to close the connection after the last response. */
  public boolean closing() {
    return closeAfterResponse;
  }

  /** The response's head, for a caller that reads a streamed body itself; returns the status. */
  public int readHead() throws IOException {
    String status = readLine();
    if (!status.startsWith("HTTP/1.")) {
      throw new IOException("not an HTTP response: " + status);
    }
    int code = Integer.parseInt(status.substring(9, 12));
    contentLength = -1;
    chunked = false;
    closeAfterResponse = false;
    for (String line = readLine(); !line.isEmpty(); line = readLine()) {
      int colon = line.indexOf(':');
      if (colon < 0) {
        continue;
      }
      String name = line.substring(0, colon).trim().toLowerCase(Locale.ROOT);
      String value = line.substring(colon + 1).trim();
      switch (name) {
        case "content-length" -> contentLength = Long.parseLong(value);
        case "transfer-encoding" -> chunked = value.toLowerCase(Locale.ROOT).contains("chunked");
        case "connection" -> closeAfterResponse = value.equalsIgnoreCase("close");
        default -> {}
      }
    }
    return code;
  }

  private long contentLength;
  private boolean chunked;

  private Response readResponse() throws IOException {
    int code = readHead();
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    if (chunked) {
      for (long size = nextChunkSize(); size > 0; size = nextChunkSize()) {
        copy(size, body);
        readLine();
      }
      // trailers, then the empty line
      while (!readLine().isEmpty()) {}
    } else if (contentLength > 0) {
      copy(contentLength, body);
    }
    return new Response(code, body.toByteArray());
  }

  /** The size of the next chunk of a chunked body; 0 at its end. */
  public long nextChunkSize() throws IOException {
    String line = readLine();
    int extension = line.indexOf(';');
    return Long.parseLong(extension < 0 ? line.trim() : line.substring(0, extension).trim(), 16);
  }

  /** The raw input, for a caller that reads a streamed body. */
  public InputStream in() {
    return in;
  }

  private void copy(long length, ByteArrayOutputStream into) throws IOException {
    byte[] buffer = new byte[(int) Math.min(length, 8192)];
    long left = length;
    while (left > 0) {
      int read = in.read(buffer, 0, (int) Math.min(buffer.length, left));
      if (read < 0) {
        throw new EOFException("connection closed inside a body");
      }
      into.write(buffer, 0, read);
      left -= read;
    }
  }

  /** One CRLF-terminated line, without the CRLF. */
  public String readLine() throws IOException {
    ByteArrayOutputStream line = new ByteArrayOutputStream(64);
    int previous = -1;
    while (true) {
      int b = in.read();
      if (b < 0) {
        throw new EOFException("connection closed");
      }
      if (b == '\n') {
        byte[] bytes = line.toByteArray();
        int end = previous == '\r' ? bytes.length - 1 : bytes.length;
        return new String(bytes, 0, end, StandardCharsets.UTF_8);
      }
      line.write(b);
      previous = b;
    }
  }

  @Override
  public void close() {
    try {
      socket.close();
    } catch (IOException e) {
      // closing anyway
    }
  }
}
