package io.minidrama.spring.boot;

import io.minidrama.port.AccessToken;
import io.minidrama.port.AccessTokenPort;
import io.minidrama.port.component.VerifyTicket;
import io.minidrama.protocol.component.ComponentTokens;
import org.springframework.beans.factory.ObjectProvider;

import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The health of the platform as this application sees it, whichever Actuator asks (Spring Boot 3's
 * {@code MiniDramaHealthIndicator} or Spring Boot 4's {@code MiniDramaBoot4HealthIndicator}): an
 * access token is obtainable for every configured mini program (from the cache, or fetched), and
 * this machine's clock is within {@code minidrama.health.max-clock-skew} of the platform's, and, with
 * a third-party platform ({@code minidrama.component.*}), its component token is obtainable. Details
 * carry each token's expiry or the failure's type and message (which never carry a secret or a
 * token), the skew, and the component's verify ticket's age against its 12-hour life.
 */
final class PlatformHealthCheck {

    /**
     * The verdict.
     *
     * @param up      whether everything checked is fine
     * @param details what was found, by mini program name, and {@code clockSkew}
     */
    record Result(boolean up, Map<String, Object> details) {
    }

    private final Map<String, AccessTokenPort> tokens;
    private final ClockSkew clockSkew;
    private final Duration maxClockSkew;
    private final Optional<ComponentTokens> component;

    PlatformHealthCheck(Map<String, AccessTokenPort> tokens, ClockSkew clockSkew, Duration maxClockSkew, Optional<ComponentTokens> component) {
        this.tokens = new TreeMap<>(tokens);
        this.clockSkew = Objects.requireNonNull(clockSkew, "clockSkew");
        this.maxClockSkew = Objects.requireNonNull(maxClockSkew, "maxClockSkew");
        this.component = Objects.requireNonNull(component, "component");
    }

    /**
     * The check over the main mini program's tokens (if any), each of {@code minidrama.apps}, the
     * clock skew seen, and the third-party platform (if configured).
     */
    static PlatformHealthCheck of(ObjectProvider<AccessTokenPort> mainTokens, ObjectProvider<MiniDramaApps> apps,
                                  ObjectProvider<ClockSkew> clockSkew, ObjectProvider<ComponentTokens> component,
                                  MiniDramaProperties properties) {
        Map<String, AccessTokenPort> tokens = new LinkedHashMap<>();
        mainTokens.ifUnique(t -> tokens.put("main", t));
        apps.ifAvailable(a -> a.asMap().forEach((name, app) -> tokens.put(name, app.tokens())));
        return new PlatformHealthCheck(tokens, clockSkew.getIfAvailable(() -> new ClockSkew(Clock.systemUTC())),
                properties.getHealth().getMaxClockSkew(), Optional.ofNullable(component.getIfUnique()));
    }

    Result run() {
        Map<String, Object> details = new LinkedHashMap<>();
        boolean up = true;
        for (Map.Entry<String, AccessTokenPort> e : tokens.entrySet()) {
            try {
                AccessToken token = e.getValue().token();
                details.put(e.getKey(), Map.of("token", "obtainable", "expiresAt", token.expiresAt().toString()));
            } catch (RuntimeException failure) {
                up = false;
                details.put(e.getKey(), Map.of("token", "unobtainable", "error", failure.getClass().getSimpleName() + ": " + failure.getMessage()));
            }
        }
        if (component.isPresent()) {
            up &= component(component.get(), details);
        }
        // After the token checks: a token fetched just now brought a fresh Date header.
        var sample = clockSkew.last();
        if (sample.isEmpty()) {
            details.put("clockSkew", Map.of("status", "unknown", "reason", "no platform response with a Date header seen yet"));
        } else {
            Duration skew = sample.get().skew();
            boolean tooLarge = skew.abs().compareTo(maxClockSkew) > 0;
            up &= !tooLarge;
            details.put("clockSkew", Map.of(
                    "status", tooLarge ? "too large" : "ok",
                    "seconds", skew.toSeconds(),
                    "max", maxClockSkew.toString(),
                    "observedAt", sample.get().observedAt().toString()));
        }
        return new Result(up, details);
    }

    /**
     * {@code component}: the verify ticket's age (the platform pushes one every 10 minutes; a ticket
     * over 12 hours old fetches no component token), and whether a component token is obtainable
     * (held, or fetched with the ticket), which decides the status: authorizers' tokens need it.
     */
    private static boolean component(ComponentTokens tokens, Map<String, Object> details) {
        Map<String, Object> state = new LinkedHashMap<>();
        state.put("appid", tokens.componentAppId());
        Optional<Duration> age = tokens.ticketAge();
        state.put("ticket", age.map(a -> Map.<String, Object>of(
                        "status", a.compareTo(VerifyTicket.LIFETIME) < 0 ? "ok" : "expired",
                        "age", a.withNanos(0).toString(),
                        "max", VerifyTicket.LIFETIME.toString()))
                .orElse(Map.of("status", "missing", "reason", "no component_verify_ticket received yet (pushed every 10 minutes)")));
        boolean up;
        try {
            AccessToken token = tokens.componentToken();
            state.put("token", "obtainable");
            state.put("expiresAt", token.expiresAt().toString());
            up = true;
        } catch (RuntimeException failure) {
            state.put("token", "unobtainable");
            state.put("error", failure.getClass().getSimpleName() + ": " + failure.getMessage());
            up = false;
        }
        details.put("component", state);
        return up;
    }
}
