package io.minidrama.adapter.redis;

import io.lettuce.core.RedisClient;
import io.minidrama.port.AccessToken;

import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * Another instance of the fleet, in its own JVM, for {@link RedisAccessTokensTest}.
 *
 * <ul>
 *   <li>{@code share <port> <appid>}: says it is ready ({@code INCR test:ready}), waits for
 *       {@code test:go}, asks for the token and prints {@code TOKEN <value>}.</li>
 *   <li>{@code hold <port> <appid> <leaseMillis>}: takes the lock through the port with a source
 *       that prints {@code HOLDING} and never returns, to be killed while holding it.</li>
 * </ul>
 */
public final class TokenClientMain {
    private TokenClientMain() {
    }

    public static void main(String[] args) throws Exception {
        String mode = args[0];
        RedisClient client = RedisClient.create("redis://127.0.0.1:" + args[1]);
        String appId = args[2];
        if (mode.equals("share")) {
            try (CountingSource source = new CountingSource(client, Clock.systemUTC(), Duration.ofMillis(300));
                 RedisAccessTokens tokens = RedisAccessTokens.builder(client, appId, source).build();
                 var control = client.connect()) {
                control.sync().incr("test:ready");
                long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
                while (control.sync().exists("test:go") == 0 && System.nanoTime() < deadline) {
                    Thread.sleep(2);
                }
                AccessToken t = tokens.token();
                System.out.println("TOKEN " + t.value());
                System.out.flush();
            }
        } else if (mode.equals("hold")) {
            RedisAccessTokens tokens = RedisAccessTokens.builder(client, appId, () -> {
                System.out.println("HOLDING");
                System.out.flush();
                try {
                    Thread.sleep(Long.MAX_VALUE);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                throw new IllegalStateException("interrupted");
            }).lockLease(Duration.ofMillis(Long.parseLong(args[3]))).build();
            tokens.token();
        }
        client.shutdown();
    }
}
