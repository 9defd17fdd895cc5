package io.minidrama.spring.boot;

import io.minidrama.port.AccessToken;
import io.minidrama.port.AccessTokenPort;
import org.springframework.boot.actuate.health.AbstractHealthIndicator;
import org.springframework.boot.actuate.health.Health;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * UP when an access token is obtainable for every configured mini program (from the cache, or
 * fetched), with each token's expiry; DOWN naming the mini program and the failure's type and
 * message (which never carries the secret or a token). Clock skew is not checked.
 */
final class MiniDramaHealthIndicator extends AbstractHealthIndicator {
    private final Map<String, AccessTokenPort> tokens;

    MiniDramaHealthIndicator(Map<String, AccessTokenPort> tokens) {
        super("mini-drama platform health check failed");
        this.tokens = Map.copyOf(tokens);
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) {
        Map<String, Object> details = new LinkedHashMap<>();
        boolean up = true;
        for (Map.Entry<String, AccessTokenPort> e : new java.util.TreeMap<>(tokens).entrySet()) {
            try {
                AccessToken token = e.getValue().token();
                details.put(e.getKey(), Map.of("token", "obtainable", "expiresAt", token.expiresAt().toString()));
            } catch (RuntimeException failure) {
                up = false;
                details.put(e.getKey(), Map.of("token", "unobtainable", "error", failure.getClass().getSimpleName() + ": " + failure.getMessage()));
            }
        }
        (up ? builder.up() : builder.down()).withDetails(details);
    }
}
