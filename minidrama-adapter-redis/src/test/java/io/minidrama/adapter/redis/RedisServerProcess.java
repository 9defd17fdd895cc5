package io.minidrama.adapter.redis;

import redis.embedded.core.ExecutableProvider;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * A throw-away {@code redis-server} on a free loopback port, without persistence, for one test
 * class. Never a system service, never a mock.
 *
 * <p>The binary is the {@code redis-server} on the {@code PATH} when there is one; otherwise the
 * one that {@code com.github.codemonstur:embedded-redis} ships inside its jar (from Maven Central:
 * Redis 6.2 for Linux and macOS, 5.0 for Windows), extracted once per JVM to a temporary directory
 * deleted on exit. Either way it is a real Redis server, started and stopped here.
 */
final class RedisServerProcess implements AutoCloseable {
    private static Path binary;

    private final Process process;
    private final int port;
    private final Path log;

    private RedisServerProcess(Process process, int port, Path log) {
        this.process = process;
        this.port = port;
        this.log = log;
    }

    /** Starts a server and waits until it answers PING. */
    static RedisServerProcess start() {
        IllegalStateException last = null;
        for (int attempt = 1; attempt <= 3; attempt++) {
            int port = freePort();
            Path log = null;
            Process p;
            try {
                log = Files.createTempFile("redis-test-", ".log");
                p = new ProcessBuilder(List.of(binary().toString(), "--port", Integer.toString(port), "--bind", "127.0.0.1",
                        "--save", "", "--appendonly", "no", "--daemonize", "no", "--protected-mode", "yes"))
                        .redirectErrorStream(true).redirectOutput(log.toFile()).start();
            } catch (IOException e) {
                deleteQuietly(log);
                throw new IllegalStateException("cannot start " + binary() + ": these tests need a real Redis server", e);
            }
            RedisServerProcess server = new RedisServerProcess(p, port, log);
            if (server.awaitPong(5_000)) {
                return server;
            }
            last = new IllegalStateException("redis-server did not answer on port " + port + ": " + server.logTail());
            server.close();
        }
        throw last;
    }

    int port() {
        return port;
    }

    /** The {@code redis-server} these tests run, found (and if need be extracted) once per JVM. */
    static synchronized Path binary() {
        if (binary == null) {
            binary = locate(System.getenv().getOrDefault("PATH", ""));
            System.getLogger(RedisServerProcess.class.getName()).log(System.Logger.Level.INFO, "Redis tests run " + binary);
        }
        return binary;
    }

    /**
     * The {@code redis-server} to run: the first executable one in {@code path} (the {@code PATH}
     * variable's format), else the one embedded-redis ships for this OS and architecture.
     */
    static Path locate(String path) {
        Optional<Path> onPath = onPath(path);
        if (onPath.isPresent()) {
            return onPath.get();
        }
        try {
            return ExecutableProvider.newJarResourceProvider().get().toPath();
        } catch (IOException | RuntimeException e) {
            throw new IllegalStateException("no redis-server on the PATH, and embedded-redis has none for this OS and architecture"
                    + " or could not extract it; install Redis so that redis-server is on the PATH", e);
        }
    }

    private static Optional<Path> onPath(String path) {
        boolean windows = System.getProperty("os.name", "").startsWith("Windows");
        for (String dir : path.split(File.pathSeparator)) {
            if (dir.isBlank()) {
                continue;
            }
            Path candidate = Path.of(dir, windows ? "redis-server.exe" : "redis-server");
            if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }

    String uri() {
        return "redis://127.0.0.1:" + port;
    }

    private boolean awaitPong(long millis) {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(millis);
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                return false;
            }
            try (Socket s = new Socket()) {
                s.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 200);
                OutputStream out = s.getOutputStream();
                out.write("PING\r\n".getBytes(StandardCharsets.US_ASCII));
                out.flush();
                InputStream in = s.getInputStream();
                byte[] buf = new byte[7];
                int n = in.readNBytes(buf, 0, 7);
                if (n == 7 && new String(buf, StandardCharsets.US_ASCII).startsWith("+PONG")) {
                    return true;
                }
            } catch (IOException notYet) {
                // still starting
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return false;
    }

    private String logTail() {
        try {
            String s = Files.readString(log);
            return s.length() > 2000 ? s.substring(s.length() - 2000) : s;
        } catch (IOException e) {
            return "(no log: " + e + ")";
        }
    }

    private static int freePort() {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            s.setReuseAddress(true);
            return s.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException("no free loopback port", e);
        }
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(5, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
        deleteQuietly(log);
    }

    private static void deleteQuietly(Path file) {
        if (file == null) {
            return;
        }
        try {
            Files.deleteIfExists(file);
        } catch (IOException ignored) {
            // a temp file
        }
    }
}
