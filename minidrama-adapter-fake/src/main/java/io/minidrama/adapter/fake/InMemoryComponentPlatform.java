package io.minidrama.adapter.fake;

import io.minidrama.domain.error.PlatformException;
import io.minidrama.port.AccessToken;
import io.minidrama.port.component.Authorization;
import io.minidrama.port.component.AuthorizerEntry;
import io.minidrama.port.component.AuthorizerInfo;
import io.minidrama.port.component.AuthorizerPage;
import io.minidrama.port.component.AuthorizerToken;
import io.minidrama.port.component.ComponentPort;
import io.minidrama.port.component.PreAuthCode;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * An in-memory, stateful fake of the platform's component API (API.md section 10) for one
 * third-party platform, with a control surface for tests: it issues verify tickets
 * ({@link #issueTicket()}), lets merchants authorize ({@link #authorize}) and revoke
 * ({@link #revoke}), rotates refresh tokens on cue, and answers 61003 / 61005 / 61006 / 61007 /
 * 61023 as the platform does, or any errcode on cue ({@link #failNext}).
 *
 * <p>Rules: a ticket lives 12 hours (an unknown one is 61006, an old one 61005); component and
 * authorizer tokens live 2 hours by default ({@link #tokenLifetime}; unknown 40001, expired 42001); an authorization code is used once;
 * each authorizer has one valid refresh token: a new authorization replaces it, and with
 * {@link #rotateRefreshTokens(boolean)} every renewal does; a revoked authorizer is 61003 and leaves
 * the authorizer list. Thread-safe (one lock). Every issued secret is recorded
 * ({@link #issuedSecrets()}) so tests can look for leaks.
 */
public final class InMemoryComponentPlatform implements ComponentPort {
    /** Lifetime of tickets. */
    public static final Duration TICKET_LIFETIME = Duration.ofHours(12);
    /** Lifetime of component and authorizer tokens. */
    public static final Duration TOKEN_LIFETIME = Duration.ofSeconds(7200);

    private static final SecureRandom RANDOM = new SecureRandom();

    private final String componentAppId;
    private final String componentSecret;
    private final Clock clock;
    private final Function<String, String> authorizerTokenIssuer;
    private final Map<String, Instant> tickets = new HashMap<>();
    private final Map<String, Instant> componentTokens = new HashMap<>();
    private final Map<String, Instant> preAuthCodes = new HashMap<>();
    private final Map<String, String> codes = new HashMap<>();
    private final Map<String, Authorizer> authorizers = new TreeMap<>();
    private final Map<String, String> tokenOwner = new HashMap<>();
    private final Map<String, Instant> authorizerTokens = new HashMap<>();
    private final Map<String, Deque<Integer>> faults = new HashMap<>();
    private final Map<String, Integer> calls = new LinkedHashMap<>();
    private final Map<String, Integer> renewals = new HashMap<>();
    private final Map<String, Integer> operationCalls = new HashMap<>();
    private final List<String> secrets = new ArrayList<>();
    private boolean rotate;
    private Duration tokenLifetime = TOKEN_LIFETIME;

    private static final class Authorizer {
        String refreshToken;
        Set<Integer> sets;
        boolean revoked;
        Instant authorizedAt;
    }

    private InMemoryComponentPlatform(Builder b) {
        this.componentAppId = b.componentAppId;
        this.componentSecret = b.componentSecret;
        this.clock = b.clock;
        this.authorizerTokenIssuer = b.authorizerTokenIssuer;
    }

    /** A builder for the platform {@code componentAppId} with {@code componentSecret}. */
    public static Builder builder(String componentAppId, String componentSecret) {
        return new Builder(componentAppId, componentSecret);
    }

    /** The platform's appid. */
    public String componentAppId() {
        return componentAppId;
    }

    // ----------------------------------------------------------------- control

    /** Issues a new verify ticket (the platform's push every 10 minutes): deliver its value to the service. */
    public synchronized String issueTicket() {
        String t = "ticket@@@" + random();
        tickets.put(t, clock.instant());
        secrets.add(t);
        return t;
    }

    /**
     * A merchant's administrator authorizes the platform for {@code authorizerAppId} with
     * {@code permissionSets}: a new refresh token replaces any earlier one (and clears a revocation).
     *
     * @return the authorization code (as the redirect's {@code auth_code} or the {@code authorized} event carry it)
     */
    public synchronized String authorize(String authorizerAppId, Set<Integer> permissionSets) {
        Objects.requireNonNull(authorizerAppId, "authorizerAppId");
        Authorizer a = authorizers.computeIfAbsent(authorizerAppId, k -> new Authorizer());
        a.refreshToken = "refreshtoken@@@" + random();
        secrets.add(a.refreshToken);
        a.sets = Set.copyOf(permissionSets);
        a.revoked = false;
        a.authorizedAt = clock.instant();
        String code = "queryauthcode@@@" + random();
        secrets.add(code);
        codes.put(code, authorizerAppId);
        return code;
    }

    /** The merchant revokes the platform: its tokens stop working, renewals answer 61003. */
    public synchronized void revoke(String authorizerAppId) {
        Optional.ofNullable(authorizers.get(authorizerAppId)).ifPresent(a -> a.revoked = true);
        authorizerTokens.keySet().removeIf(token -> authorizerAppId.equals(tokenOwner.get(token)));
    }

    /** Component and authorizer tokens issued from now on live {@code lifetime} (default {@link #TOKEN_LIFETIME}, 2 hours). */
    public synchronized void tokenLifetime(Duration lifetime) {
        this.tokenLifetime = Objects.requireNonNull(lifetime, "lifetime");
    }

    /** With {@code true}, every renewal answers a new refresh token and invalidates the one sent. */
    public synchronized void rotateRefreshTokens(boolean rotate) {
        this.rotate = rotate;
    }

    /** The next {@code times} calls of {@code operation} (such as {@code api_authorizer_token}) answer {@code errcode}. */
    public synchronized void failNext(String operation, int errcode, int times) {
        Deque<Integer> q = faults.computeIfAbsent(operation, k -> new ArrayDeque<>());
        for (int i = 0; i < times; i++) {
            q.add(errcode);
        }
    }

    /** The refresh token the platform currently accepts for {@code authorizerAppId}. */
    public synchronized Optional<String> currentRefreshToken(String authorizerAppId) {
        Authorizer a = authorizers.get(authorizerAppId);
        return a == null || a.revoked ? Optional.empty() : Optional.of(a.refreshToken);
    }

    /** The permission sets {@code authorizerAppId} granted (empty if unknown). */
    public synchronized Set<Integer> permissionSets(String authorizerAppId) {
        Authorizer a = authorizers.get(authorizerAppId);
        return a == null ? Set.of() : a.sets;
    }

    /** Whether {@code authorizerAppId} revoked the platform. */
    public synchronized boolean revoked(String authorizerAppId) {
        Authorizer a = authorizers.get(authorizerAppId);
        return a != null && a.revoked;
    }

    /**
     * Checks an authorizer access token for a call of an operation needing {@code permissionSet}:
     * the appid the token was issued for, or the platform's errcode (40001 unknown, 42001 expired,
     * 61003 revoked, 61007 set not granted).
     */
    public synchronized String checkAuthorizerToken(String token, int permissionSet) {
        String owner = tokenOwner.get(token);
        Instant exp = authorizerTokens.get(token);
        if (owner == null || exp == null) {
            throw error("authorizer_access_token", 40001, "invalid credential, access_token is invalid or not latest");
        }
        if (!clock.instant().isBefore(exp)) {
            throw error("authorizer_access_token", 42001, "access_token expired");
        }
        if (!live("authorizer_access_token", owner).sets.contains(permissionSet)) {
            throw error("authorizer_access_token", 61007, "api is unauthorized to component");
        }
        operationCalls.merge(owner, 1, Integer::sum);
        return owner;
    }

    /** The appid an authorizer access token was issued for. */
    public synchronized Optional<String> owner(String authorizerAccessToken) {
        return Optional.ofNullable(tokenOwner.get(authorizerAccessToken));
    }

    /** How many times each operation was answered (successes and errors), by operation name. */
    public synchronized Map<String, Integer> calls() {
        return Map.copyOf(calls);
    }

    /**
     * How many operations each authorizer's tokens were accepted for ({@link #checkAuthorizerToken}):
     * by the appid the token was issued for, so a call made with another app's token shows up here.
     */
    public synchronized Map<String, Integer> operationCallsByAuthorizer() {
        return Map.copyOf(operationCalls);
    }

    /** How many authorizer tokens were issued for {@code authorizerAppId} by {@code api_authorizer_token}. */
    public synchronized int renewals(String authorizerAppId) {
        return renewals.getOrDefault(authorizerAppId, 0);
    }

    /** Every ticket, token, code and refresh token issued so far: secrets tests can look for in logs. */
    public synchronized List<String> issuedSecrets() {
        return List.copyOf(secrets);
    }

    // ----------------------------------------------------------------- the port

    @Override
    public synchronized AccessToken componentToken(String appId, String secret, String verifyTicket) {
        enter("api_component_token");
        checkComponent(appId);
        if (!componentSecret.equals(secret)) {
            throw error("api_component_token", 40125, "invalid appsecret");
        }
        Instant at = tickets.get(verifyTicket);
        if (at == null) {
            throw error("api_component_token", 61006, "component ticket is invalid");
        }
        if (!clock.instant().isBefore(at.plus(TICKET_LIFETIME))) {
            throw error("api_component_token", 61005, "component ticket is expired");
        }
        String token = "componenttoken@@@" + random();
        secrets.add(token);
        Instant expires = clock.instant().plus(tokenLifetime);
        componentTokens.put(token, expires);
        return new AccessToken(token, expires);
    }

    @Override
    public synchronized PreAuthCode createPreAuthCode(String appId, String componentToken) {
        enter("api_create_preauthcode", appId, componentToken);
        String code = "preauthcode@@@" + random();
        secrets.add(code);
        preAuthCodes.put(code, clock.instant().plusSeconds(1800));
        return new PreAuthCode(code, preAuthCodes.get(code));
    }

    @Override
    public synchronized Authorization queryAuth(String appId, String componentToken, String authorizationCode) {
        enter("api_query_auth", appId, componentToken);
        String authorizer = codes.remove(authorizationCode);
        if (authorizer == null) {
            throw error("api_query_auth", 61010, "code is expired or used");
        }
        Authorizer a = live("api_query_auth", authorizer);
        return new Authorization(authorizer, new AuthorizerToken(issueAuthorizerToken(authorizer), a.refreshToken), a.sets);
    }

    @Override
    public synchronized AuthorizerToken authorizerToken(String appId, String componentToken, String authorizerAppId, String refreshToken) {
        enter("api_authorizer_token", appId, componentToken);
        Authorizer a = live("api_authorizer_token", authorizerAppId);
        if (!a.refreshToken.equals(refreshToken)) {
            throw error("api_authorizer_token", 61023, "refresh_token is invalid");
        }
        if (rotate) {
            a.refreshToken = "refreshtoken@@@" + random();
            secrets.add(a.refreshToken);
        }
        renewals.merge(authorizerAppId, 1, Integer::sum);
        return new AuthorizerToken(issueAuthorizerToken(authorizerAppId), a.refreshToken);
    }

    @Override
    public synchronized AuthorizerPage authorizerList(String appId, String componentToken, int offset, int count) {
        enter("api_get_authorizer_list", appId, componentToken);
        if (offset < 0 || count < 1 || count > 500) {
            throw error("api_get_authorizer_list", 40097, "invalid args: offset >= 0, count 1..500");
        }
        List<AuthorizerEntry> all = authorizers.entrySet().stream().filter(e -> !e.getValue().revoked)
                .map(e -> new AuthorizerEntry(e.getKey(), e.getValue().refreshToken, e.getValue().authorizedAt)).toList();
        int from = Math.min(offset, all.size());
        return new AuthorizerPage(all.size(), all.subList(from, Math.min(all.size(), from + count)));
    }

    /** {@inheritDoc} The fake's accounts are mini programs: nickname {@code "mini program <appid>"}, original id {@code gh_<appid>}. */
    @Override
    public synchronized AuthorizerInfo authorizerInfo(String appId, String componentToken, String authorizerAppId) {
        enter("api_get_authorizer_info", appId, componentToken);
        Authorizer a = live("api_get_authorizer_info", authorizerAppId);
        return new AuthorizerInfo(authorizerAppId, "mini program " + authorizerAppId, "gh_" + authorizerAppId, "emulated principal",
                true, a.sets, a.refreshToken);
    }

    private AccessToken issueAuthorizerToken(String authorizer) {
        String token = authorizerTokenIssuer == null ? "authorizertoken@@@" + random() : authorizerTokenIssuer.apply(authorizer);
        secrets.add(token);
        Instant exp = clock.instant().plus(tokenLifetime);
        tokenOwner.put(token, authorizer);
        authorizerTokens.put(token, exp);
        return new AccessToken(token, exp);
    }

    private void enter(String operation) {
        calls.merge(operation, 1, Integer::sum);
        Deque<Integer> q = faults.get(operation);
        Integer code = q == null ? null : q.poll();
        if (code != null) {
            throw error(operation, code, "injected");
        }
    }

    private void enter(String operation, String appId, String componentToken) {
        enter(operation);
        checkComponent(appId);
        checkComponentToken(operation, componentToken);
    }

    /** The authorizer, unless unknown or revoked (61003). */
    private Authorizer live(String operation, String authorizerAppId) {
        Authorizer a = authorizers.get(authorizerAppId);
        if (a == null || a.revoked) {
            throw error(operation, 61003, "component is not authorized by this account");
        }
        return a;
    }

    private void checkComponent(String appId) {
        if (!componentAppId.equals(appId)) {
            throw error("component", 61002, "the component appid is not this platform's (61002)");
        }
    }

    private void checkComponentToken(String operation, String token) {
        Instant exp = componentTokens.get(token);
        if (exp == null) {
            throw error(operation, 40001, "invalid credential, access_token is invalid or not latest");
        }
        if (!clock.instant().isBefore(exp)) {
            throw error(operation, 42001, "access_token expired");
        }
    }

    private static PlatformException error(String operation, int errcode, String errmsg) {
        return new PlatformException(operation, errcode, errmsg, PlatformException.NO_HTTP_STATUS);
    }

    private static String random() {
        byte[] raw = new byte[24];
        RANDOM.nextBytes(raw);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(raw);
    }

    @Override
    public synchronized String toString() {
        return "InMemoryComponentPlatform[componentAppId=" + componentAppId + ", authorizers=" + authorizers.size() + "]";
    }

    /** Builder of {@link InMemoryComponentPlatform}. Not thread-safe; {@code null} is refused. */
    public static final class Builder {
        private final String componentAppId;
        private final String componentSecret;
        private Clock clock = MutableClock.create();
        private Function<String, String> authorizerTokenIssuer;

        private Builder(String componentAppId, String componentSecret) {
            this.componentAppId = Objects.requireNonNull(componentAppId, "componentAppId");
            this.componentSecret = Objects.requireNonNull(componentSecret, "componentSecret");
        }

        /** The clock of tickets and tokens (default a new {@link MutableClock}). */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /**
         * Where authorizer access token values come from, given the authorizer appid (default:
         * random): the emulator registers them with its token table so that they call operations.
         */
        public Builder authorizerTokenIssuer(Function<String, String> issuer) {
            this.authorizerTokenIssuer = Objects.requireNonNull(issuer, "issuer");
            return this;
        }

        /** Builds the fake. */
        public InMemoryComponentPlatform build() {
            return new InMemoryComponentPlatform(this);
        }
    }
}
