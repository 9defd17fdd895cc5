package io.minidrama.testkit.reliability;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A fault-injecting HTTP/1.1 proxy on 127.0.0.1 between the adapter and the emulator. It parses
 * requests and responses just enough to know their boundaries (Content-Length bodies, which is
 * what the JDK client and the emulator send) and which operation each one belongs to, and can:
 * reset the connection (RST) after some bytes of a request body, delay a response, cut a response
 * short, replace it (5xx, an HTML page, malformed JSON), or answer 40001 to calls that carry a
 * given token while the token endpoint keeps handing it out.
 *
 * <p>Faults are consumed in order, per operation ({@code uploadpart}, {@code stable_token}...).
 * Every socket has a read timeout and the proxy closes itself after {@code lifetime} seconds at
 * the latest, so no test can leave it running.
 */
final class FaultProxy implements AutoCloseable {

    /** What to do to one exchange. */
    sealed interface Fault permits Reset, Delay, Truncate, Replace {
    }

    /** Forward the request head and {@code afterBodyBytes} of its body, then reset both connections. */
    record Reset(long afterBodyBytes) implements Fault {
    }

    /** Forward, then hold the response for {@code millis}. */
    record Delay(long millis) implements Fault {
    }

    /** Forward, then send the response head and only half of its body, and close. */
    record Truncate() implements Fault {
    }

    /** Forward (so the server acts), then answer {@code status} with {@code body} instead. */
    record Replace(int status, String contentType, String body) implements Fault {
        static Replace json(int status, String body) {
            return new Replace(status, "application/json; charset=utf-8", body);
        }

        static Replace html(int status) {
            return new Replace(status, "text/html", "<html><head><title>502 Bad Gateway</title></head><body><center><h1>"
                    + status + " Service Unavailable</h1></center><hr><center>nginx</center></body></html>");
        }
    }

    private record Pending(String operation, String token, Fault fault) {
    }

    private final ServerSocket server;
    private final InetSocketAddress upstream;
    private final long deadlineNanos;
    private final Set<Socket> sockets = ConcurrentHashMap.newKeySet();
    private final ConcurrentHashMap<String, Deque<Fault>> faults = new ConcurrentHashMap<>();
    private final Set<String> rejectedTokens = ConcurrentHashMap.newKeySet();
    private final List<String> log = new CopyOnWriteArrayList<>();
    private final AtomicInteger connections = new AtomicInteger();
    private final Thread acceptor;
    private volatile boolean closed;

    private FaultProxy(URI target, int lifetimeSeconds) throws IOException {
        this.upstream = new InetSocketAddress(target.getHost(), target.getPort());
        this.server = new ServerSocket(0, 128, InetAddress.getByName("127.0.0.1"));
        this.server.setSoTimeout(200);
        this.deadlineNanos = System.nanoTime() + TimeUnit.SECONDS.toNanos(lifetimeSeconds);
        this.acceptor = new Thread(this::acceptLoop, "fault-proxy-accept");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    /** A proxy in front of {@code target} that stops by itself after 5 minutes. */
    static FaultProxy to(URI target) {
        try {
            return new FaultProxy(target, 300);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    URI baseUrl() {
        return URI.create("http://127.0.0.1:" + server.getLocalPort());
    }

    /** Applies {@code fault} to the next {@code times} exchanges of {@code operation}. */
    FaultProxy inject(String operation, int times, Fault fault) {
        Deque<Fault> q = faults.computeIfAbsent(operation, k -> new ArrayDeque<>());
        synchronized (q) {
            for (int i = 0; i < times; i++) {
                q.add(fault);
            }
        }
        return this;
    }

    /** Answers 40001 to every API call carrying {@code token}; the token endpoints are left alone. */
    void rejectToken(String token) {
        rejectedTokens.add(token);
    }

    /** What the proxy did, one line per injected fault. */
    List<String> log() {
        return List.copyOf(log);
    }

    int connectionsAccepted() {
        return connections.get();
    }

    private Fault next(String operation) {
        Deque<Fault> q = faults.get(operation);
        if (q == null) {
            return null;
        }
        synchronized (q) {
            return q.poll();
        }
    }

    private boolean expired() {
        return closed || System.nanoTime() > deadlineNanos;
    }

    private void acceptLoop() {
        while (!expired()) {
            try {
                Socket client = server.accept();
                connections.incrementAndGet();
                Socket up = new Socket();
                up.connect(upstream, 2000);
                for (Socket s : List.of(client, up)) {
                    s.setSoTimeout(1000);
                    s.setTcpNoDelay(true);
                    sockets.add(s);
                }
                BlockingQueue<Pending> pending = new LinkedBlockingQueue<>();
                start("fault-proxy-req", () -> requests(client, up, pending));
                start("fault-proxy-resp", () -> responses(client, up, pending));
            } catch (SocketTimeoutException e) {
                // poll the deadline
            } catch (IOException e) {
                if (!expired()) {
                    log.add("accept failed: " + e);
                }
            }
        }
        close();
    }

    private static void start(String name, Runnable r) {
        Thread t = new Thread(r, name);
        t.setDaemon(true);
        t.start();
    }

    private void requests(Socket client, Socket up, BlockingQueue<Pending> pending) {
        try (client; up) {
            InputStream in = new BufferedInputStream(client.getInputStream(), 64 * 1024);
            OutputStream out = up.getOutputStream();
            while (!expired()) {
                byte[] head = readHead(in);
                if (head == null) {
                    return;
                }
                String text = new String(head, StandardCharsets.ISO_8859_1);
                String requestLine = text.substring(0, text.indexOf("\r\n"));
                String target = requestLine.split(" ")[1];
                String path = target.contains("?") ? target.substring(0, target.indexOf('?')) : target;
                String operation = path.substring(path.lastIndexOf('/') + 1);
                String token = target.contains("access_token=") ? target.substring(target.indexOf("access_token=") + 13) : "";
                long length = contentLength(text);
                Fault fault = next(operation);
                if (fault instanceof Reset r) {
                    out.write(head);
                    long cut = Math.min(r.afterBodyBytes(), length / 2);
                    copy(in, out, cut);
                    out.flush();
                    log.add(operation + ": reset after " + cut + " of " + length + " body bytes");
                    reset(client);
                    reset(up);
                    return;
                }
                pending.add(new Pending(operation, token, fault));
                out.write(head);
                copy(in, out, length);
                out.flush();
            }
        } catch (IOException e) {
            // the peer closed or reset: the other pump notices on its own
        }
    }

    private void responses(Socket client, Socket up, BlockingQueue<Pending> pending) {
        try (client; up) {
            InputStream in = new BufferedInputStream(up.getInputStream(), 64 * 1024);
            OutputStream out = client.getOutputStream();
            while (!expired()) {
                byte[] head = readHead(in);
                if (head == null) {
                    return;
                }
                String text = new String(head, StandardCharsets.ISO_8859_1);
                byte[] body = in.readNBytes((int) contentLength(text));
                Pending p = pending.poll(5, TimeUnit.SECONDS);
                Fault fault = p == null ? null : p.fault();
                if (p != null && fault == null && !p.token().isEmpty() && rejectedTokens.contains(p.token())) {
                    fault = Replace.json(200, "{\"errcode\":40001,\"errmsg\":\"invalid credential, access_token is invalid or not latest\"}");
                    log.add(p.operation() + ": answered 40001 for a rejected token");
                }
                if (fault instanceof Delay d) {
                    log.add(p.operation() + ": response held " + d.millis() + " ms");
                    sleep(d.millis());
                    if (client.isClosed()) {
                        return;
                    }
                    out.write(head);
                    out.write(body);
                } else if (fault instanceof Truncate) {
                    log.add(p.operation() + ": response cut after " + body.length / 2 + " of " + body.length + " bytes");
                    out.write(head);
                    out.write(body, 0, body.length / 2);
                    out.flush();
                    return;
                } else if (fault instanceof Replace r) {
                    if (!r.body().contains("40001")) {
                        log.add(p.operation() + ": response replaced by HTTP " + r.status() + " " + r.contentType());
                    }
                    byte[] b = r.body().getBytes(StandardCharsets.UTF_8);
                    out.write(("HTTP/1.1 " + r.status() + " Injected\r\nContent-Type: " + r.contentType() + "\r\nContent-Length: "
                            + b.length + "\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
                    out.write(b);
                } else {
                    out.write(head);
                    out.write(body);
                }
                out.flush();
            }
        } catch (IOException e) {
            // the peer closed or reset
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void sleep(long millis) throws InterruptedException {
        long end = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(millis);
        while (!expired() && System.nanoTime() < end) {
            Thread.sleep(Math.min(50, Math.max(1, TimeUnit.NANOSECONDS.toMillis(end - System.nanoTime()))));
        }
    }

    /** Reads up to and including the blank line; null at a clean end of stream. Waits across read timeouts. */
    private byte[] readHead(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream(512);
        int matched = 0;
        while (matched < 4) {
            int b;
            try {
                b = in.read();
            } catch (SocketTimeoutException e) {
                if (expired()) {
                    return null;
                }
                continue;
            }
            if (b < 0) {
                return null;
            }
            head.write(b);
            matched = (b == '\r' && (matched == 0 || matched == 2)) || (b == '\n' && (matched == 1 || matched == 3)) ? matched + 1
                    : b == '\r' ? 1 : 0;
            if (head.size() > 64 * 1024) {
                throw new IOException("header too large");
            }
        }
        return head.toByteArray();
    }

    private static long contentLength(String head) throws IOException {
        for (String line : head.split("\r\n")) {
            String l = line.toLowerCase(Locale.ROOT);
            if (l.startsWith("transfer-encoding:") && l.contains("chunked")) {
                throw new IOException("the fault proxy does not handle chunked bodies");
            }
            if (l.startsWith("content-length:")) {
                return Long.parseLong(line.substring(15).strip());
            }
        }
        return 0;
    }

    private void copy(InputStream in, OutputStream out, long n) throws IOException {
        byte[] buf = new byte[64 * 1024];
        long left = n;
        while (left > 0) {
            int r;
            try {
                r = in.read(buf, 0, (int) Math.min(buf.length, left));
            } catch (SocketTimeoutException e) {
                if (expired()) {
                    throw e;
                }
                continue;
            }
            if (r < 0) {
                throw new IOException("end of stream inside a body");
            }
            out.write(buf, 0, r);
            left -= r;
        }
    }

    private static void reset(Socket s) {
        try {
            s.setSoLinger(true, 0);
            s.close();
        } catch (IOException e) {
            // already gone
        }
    }

    @Override
    public void close() {
        closed = true;
        try {
            server.close();
        } catch (IOException e) {
            // closing anyway
        }
        for (Socket s : sockets) {
            try {
                s.close();
            } catch (IOException e) {
                // closing anyway
            }
        }
        sockets.clear();
    }
}
