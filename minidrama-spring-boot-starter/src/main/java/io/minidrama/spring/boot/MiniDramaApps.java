package io.minidrama.spring.boot;

import io.minidrama.port.AccessTokenPort;
import io.minidrama.port.MiniDramaPlatform;
import io.minidrama.port.service.MiniDrama;

import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Set;

/**
 * The mini programs configured under {@code minidrama.apps.<name>.*}, by name. Each has its own
 * token cache and platform client over the shared transport, instrumented like the main one.
 * Immutable and thread-safe.
 */
public final class MiniDramaApps {

    /**
     * One configured mini program.
     *
     * @param name     the name under {@code minidrama.apps}
     * @param appId    its appid
     * @param platform its platform client (retries, observations)
     * @param tokens   its token cache
     * @param miniDrama the use cases over {@code platform}
     */
    public record App(String name, String appId, MiniDramaPlatform platform, AccessTokenPort tokens, MiniDrama miniDrama) {
        public App {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(appId, "appId");
            Objects.requireNonNull(platform, "platform");
            Objects.requireNonNull(tokens, "tokens");
            Objects.requireNonNull(miniDrama, "miniDrama");
        }
    }

    private final Map<String, App> apps;

    MiniDramaApps(Map<String, App> apps) {
        this.apps = Map.copyOf(apps);
    }

    /** The names configured. */
    public Set<String> names() {
        return apps.keySet();
    }

    /**
     * The mini program configured as {@code name}.
     *
     * @throws NoSuchElementException if there is none of that name
     */
    public App get(String name) {
        App app = apps.get(name);
        if (app == null) {
            throw new NoSuchElementException("no mini program named '" + name + "' under minidrama.apps; configured: " + apps.keySet());
        }
        return app;
    }

    /** Every configured mini program by name. */
    public Map<String, App> asMap() {
        return apps;
    }

    @Override
    public String toString() {
        return "MiniDramaApps" + apps.keySet();
    }
}
