package io.minidrama.cli;

import io.minidrama.domain.error.InvalidRequestException;
import io.minidrama.domain.error.Rule;
import io.minidrama.port.component.ComponentStore;

import java.nio.file.Path;
import java.time.Duration;

/** {@code --component-store}: a Redis URI (the service's store) or a directory (this tool's own). */
final class ComponentStores {
    private ComponentStores() {
    }

    /** The default directory: ~/.minidrama/component. */
    static Path defaultDir() {
        return Path.of(System.getProperty("user.home"), ".minidrama", "component");
    }

    static ComponentStore open(String spec, String prefix) {
        String s = spec == null ? "" : spec.strip();
        if (s.startsWith("redis://") || s.startsWith("rediss://")) {
            return redis(s, prefix);
        }
        Path dir;
        try {
            dir = s.isEmpty() ? defaultDir() : Path.of(s.startsWith("file:") ? s.substring("file:".length()) : s);
        } catch (java.nio.file.InvalidPathException e) {
            throw InvalidRequestException.of("--component-store", Rule.NONE, s,
                    "a directory, or redis://[:PASSWORD@]HOST:PORT[/DB] (" + e.getReason() + ")");
        }
        return new FileComponentStore(dir, Duration.ofSeconds(60));
    }

    private static ComponentStore redis(String uri, String prefix) {
        io.lettuce.core.RedisURI parsed;
        try {
            parsed = io.lettuce.core.RedisURI.create(uri);
        } catch (IllegalArgumentException e) {
            throw InvalidRequestException.of("--component-store", Rule.NONE, redacted(uri),
                    "redis://[:PASSWORD@]HOST:PORT[/DB] (" + e.getMessage() + ")");
        }
        io.lettuce.core.RedisClient client = io.lettuce.core.RedisClient.create(parsed);
        return io.minidrama.adapter.redis.RedisComponentStore.builder(client).prefix(prefix == null || prefix.isBlank() ? "minidrama" : prefix)
                .build();
    }

    /** The URI without its password, for messages. */
    static String redacted(String uri) {
        return uri.replaceAll("(rediss?://)[^@/]*@", "$1(credentials not shown)@");
    }
}
