package com.example.seasons.test;

import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import redis.embedded.core.ExecutableProvider;

import java.io.File;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * A real {@code redis-server} on a free loopback port, without persistence: the one on the
 * {@code PATH}, else the one {@code embedded-redis} ships (Maven Central).
 */
final class LocalRedisServer implements AutoCloseable {
    private final Process process;
    private final RedisClient client;

    private final String uri;

    private LocalRedisServer(Process process, RedisClient client, String uri) {
        this.process = process;
        this.client = client;
        this.uri = uri;
    }

    static LocalRedisServer start() throws IOException, InterruptedException {
        int port;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        }
        Process process = new ProcessBuilder(binary().toString(), "--port", Integer.toString(port), "--bind", "127.0.0.1",
                "--save", "", "--appendonly", "no").redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        String uri = "redis://127.0.0.1:" + port;
        RedisClient client = RedisClient.create(uri);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (true) {
            try (StatefulRedisConnection<String, String> c = client.connect()) {
                c.sync().ping();
                return new LocalRedisServer(process, client, uri);
            } catch (RuntimeException notYet) {
                if (System.nanoTime() > deadline || !process.isAlive()) {
                    process.destroyForcibly();
                    client.shutdown();
                    throw notYet;
                }
                Thread.sleep(50);
            }
        }
    }

    RedisClient client() {
        return client;
    }

    String uri() {
        return uri;
    }

    private static Path binary() throws IOException {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            if (!dir.isEmpty()) {
                Path candidate = Path.of(dir, "redis-server");
                if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
                    return candidate;
                }
            }
        }
        return ExecutableProvider.newJarResourceProvider().get().toPath();
    }

    @Override
    public void close() {
        client.shutdown(Duration.ZERO, Duration.ofSeconds(2));
        process.destroy();
        try {
            if (!process.waitFor(5, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
    }
}
