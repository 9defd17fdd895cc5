package io.minidrama.emulator.internal;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The emulator's access tokens: issued by {@code /cgi-bin/token} and {@code /cgi-bin/stable_token},
 * valid 7200 seconds by the fake's clock. Thread-safe.
 */
public final class Tokens {
    /** {@code expires_in} of every token. */
    public static final Duration LIFETIME = Duration.ofSeconds(7200);
    private static final SecureRandom RANDOM = new SecureRandom();

    private final Clock clock;
    private final String appId;
    private final String secret;
    private final Map<String, Instant> expiry = new ConcurrentHashMap<>();
    private final Map<String, String> stableByApp = new ConcurrentHashMap<>();
    private final AtomicInteger fetches = new AtomicInteger();
    private final java.util.Set<String> issued = ConcurrentHashMap.newKeySet();

    /** A token store checking credentials when {@code appId}/{@code secret} are non-null. */
    public Tokens(Clock clock, String appId, String secret) {
        this.clock = clock;
        this.appId = appId;
        this.secret = secret;
    }

    /** A token and its remaining lifetime in seconds. */
    record Grant(String token, long expiresIn) {
    }

    Grant classic(String grantType, String app, String sec) {
        checkCredentials(grantType, app, sec);
        fetches.incrementAndGet();
        return issue(app);
    }

    synchronized Grant stable(String grantType, String app, String sec, boolean forceRefresh) {
        checkCredentials(grantType, app, sec);
        fetches.incrementAndGet();
        String current = stableByApp.get(app);
        Instant now = clock.instant();
        if (!forceRefresh && current != null && expiry.containsKey(current) && now.isBefore(expiry.get(current))) {
            return new Grant(current, Duration.between(now, expiry.get(current)).toSeconds());
        }
        Grant g = issue(app);
        stableByApp.put(app, g.token());
        return g;
    }

    private Grant issue(String app) {
        byte[] raw = new byte[48];
        RANDOM.nextBytes(raw);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(raw);
        expiry.put(token, clock.instant().plus(LIFETIME));
        issued.add(token);
        return new Grant(token, LIFETIME.toSeconds());
    }

    private void checkCredentials(String grantType, String app, String sec) {
        if (!"client_credential".equals(grantType)) {
            throw new WireError(40002, "invalid grant_type");
        }
        if (app == null || app.isEmpty()) {
            throw new WireError(41002, "appid missing");
        }
        if (sec == null || sec.isEmpty()) {
            throw new WireError(41004, "appsecret missing");
        }
        if (appId != null && !appId.equals(app)) {
            throw new WireError(40013, "invalid appid");
        }
        if (secret != null && !secret.equals(sec)) {
            throw new WireError(40125, "invalid appsecret");
        }
    }

    /**
     * Tokens issued elsewhere: a third-party platform's authorizer access tokens, which call the
     * operations like the tokens issued here.
     */
    public interface Authority {
        /** Whether {@code token} was issued by this authority. */
        boolean issued(String token);

        /** Throws the platform's answer when {@code token} may not call {@code operation}. */
        void check(String token, io.minidrama.port.PlatformOperation operation);
    }

    private volatile Authority authority;

    /** Accepts the tokens of {@code authority} too (the emulated third-party platform's). */
    public void authority(Authority authority) {
        this.authority = authority;
    }

    /** {@link #check(String)}, or the {@link Authority}'s check for a token it issued. */
    void check(String token, io.minidrama.port.PlatformOperation operation) {
        Authority a = authority;
        if (a != null && token != null && !expiry.containsKey(token) && a.issued(token)) {
            a.check(token, operation);
            return;
        }
        check(token);
    }

    /** Throws the platform's answer for a missing (41001), unknown (40001) or expired (42001) token. */
    void check(String token) {
        if (token == null || token.isEmpty()) {
            throw new WireError(41001, "access_token missing");
        }
        Instant exp = expiry.get(token);
        if (exp == null) {
            throw new WireError(40001, "invalid credential, access_token is invalid or not latest");
        }
        if (!clock.instant().isBefore(exp)) {
            throw new WireError(42001, "access_token expired");
        }
    }

    /** Makes every token issued so far invalid (answered with 40001). */
    public void revokeAll() {
        expiry.clear();
        stableByApp.clear();
    }

    /** How many token requests were answered with a token. */
    public int fetches() {
        return fetches.get();
    }

    /** Every token issued so far, revoked ones included (for tests that check tokens never leak). */
    public java.util.List<String> issued() {
        return java.util.List.copyOf(issued);
    }
}
