package io.minidrama.protocol.component;

import io.minidrama.domain.error.ErrorCode;
import io.minidrama.domain.error.PlatformException;
import io.minidrama.port.AccessToken;
import io.minidrama.port.AccessTokenPort;
import io.minidrama.port.AccessTokenSource;
import io.minidrama.port.PlatformOperation;
import io.minidrama.port.component.Authorization;
import io.minidrama.port.component.AuthorizerEntry;
import io.minidrama.port.component.AuthorizerGrant;
import io.minidrama.port.component.AuthorizerInfo;
import io.minidrama.port.component.AuthorizerPage;
import io.minidrama.port.component.AuthorizerToken;
import io.minidrama.port.component.ComponentAuthorizationException;
import io.minidrama.port.component.ComponentPort;
import io.minidrama.port.component.ComponentStore;
import io.minidrama.port.component.PreAuthCode;
import io.minidrama.port.component.VerifyTicket;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * A third-party platform's tokens (API.md section 10): keeps the latest verify ticket, fetches the
 * component token, runs the authorization flow, and renews every authorizer's access token with its
 * refresh token. All state lives in a {@link ComponentStore}, so several instances of a service
 * given the same (Redis) store share tickets, tokens and refresh tokens and refresh each token
 * once.
 *
 * <ul>
 *   <li><b>Ticket</b>: {@link #acceptTicket} keeps the pushed ticket with its time; the newest always
 *       wins. A ticket is used as long as it is under 12 hours old, and a stale one is reported with
 *       its age ({@link ComponentAuthorizationException.Reason#TICKET_EXPIRED}), never silently reused.</li>
 *   <li><b>Component token</b>: fetched under the store's lock {@code component} (one fetch across
 *       instances), kept until its expiry minus the {@link Builder#margin margin}; a token the platform
 *       refuses (40001 / 42001 / 40014) is replaced once.</li>
 *   <li><b>Authorizer tokens</b>: renewed under the store's lock of the authorizer appid with
 *       {@code api_authorizer_token} (the component token is made fresh before that lock is taken, so
 *       that no appid's lock is held while waiting for the component's); the refresh token that comes back is written to the store
 *       before the access token. On 61023 the refresh token is re-pulled from
 *       {@code api_get_authorizer_list} and the renewal tried once more; without one the error says
 *       the merchant must authorize again ({@link ComponentAuthorizationException.Reason#REAUTHORIZATION_REQUIRED}).
 *       An authorizer the store does not know (a store lost or new) is looked up in the list too.</li>
 *   <li><b>Revocation</b>: {@link #revoke} (on an {@code unauthorized} event, or a 61003 answer) marks
 *       the appid revoked: its tokens fail fast, without a network call, until {@link #authorize} runs
 *       for it again.</li>
 * </ul>
 *
 * <p>Thread-safe. The component secret, tickets, tokens and refresh tokens never appear in a message
 * or in {@link #toString()}.
 */
public final class ComponentTokens {
    private static final System.Logger LOG = System.getLogger(ComponentTokens.class.getName());
    /** The lock name of the component token. */
    static final String COMPONENT_LOCK = "component";
    /** The page of the authorization flow; {@code auth_type=2}: mini programs only. */
    public static final URI DEFAULT_LOGIN_PAGE = URI.create("https://mp.weixin.qq.com/cgi-bin/componentloginpage");

    private final String componentAppId;
    private final String componentSecret;
    private final ComponentPort port;
    private final ComponentStore store;
    private final Clock clock;
    private final Duration margin;
    private final URI loginPage;

    private ComponentTokens(Builder b) {
        this.componentAppId = b.componentAppId;
        this.componentSecret = b.componentSecret;
        this.port = b.port;
        this.store = b.store;
        this.clock = b.clock;
        this.margin = b.margin;
        this.loginPage = b.loginPage;
    }

    /**
     * A builder for the platform {@code componentAppId} with its secret; {@link Builder#port} and
     * {@link Builder#store} are required.
     */
    public static Builder builder(String componentAppId, String componentSecret) {
        return new Builder(componentAppId, componentSecret);
    }

    /** The platform's appid. */
    public String componentAppId() {
        return componentAppId;
    }

    /** The store this platform's state lives in. */
    public ComponentStore store() {
        return store;
    }

    // ------------------------------------------------------------------ ticket

    /**
     * Keeps a pushed {@code component_verify_ticket} (give it the decrypted push's
     * {@code ComponentVerifyTicket} and {@code CreateTime}); an older ticket than the one held is
     * ignored. Cheap: the component token is not fetched here.
     */
    public void acceptTicket(String ticket, Instant createdAt) {
        store.putTicket(componentAppId, new VerifyTicket(ticket, createdAt, clock.instant()));
    }

    /** The latest ticket's age, if one was received. */
    public Optional<Duration> ticketAge() {
        return store.ticket(componentAppId).map(t -> t.age(clock.instant()));
    }

    // ------------------------------------------------------------------ component token

    /**
     * A valid component access token: the one held, or a new one fetched with the latest ticket
     * (one fetch at a time across instances).
     *
     * @throws ComponentAuthorizationException TICKET_MISSING or TICKET_EXPIRED (with the ticket's age)
     * @throws PlatformException               another errcode (61004: this host's IP is not whitelisted)
     */
    public AccessToken componentToken() {
        Optional<AccessToken> held = store.componentToken(componentAppId).filter(this::fresh);
        if (held.isPresent()) {
            return held.get();
        }
        return store.locked(componentAppId, COMPONENT_LOCK, () -> {
            Optional<AccessToken> now = store.componentToken(componentAppId).filter(this::fresh);
            return now.orElseGet(this::fetchComponentToken);
        });
    }

    private AccessToken fetchComponentToken() {
        VerifyTicket ticket = store.ticket(componentAppId).orElseThrow(() -> ComponentAuthorizationException.ticketMissing(
                HttpComponentPort.TOKEN, "no component_verify_ticket has been received for " + componentAppId));
        Duration age = ticket.age(clock.instant());
        if (age.compareTo(VerifyTicket.LIFETIME) >= 0) {
            throw ComponentAuthorizationException.ticketExpired(HttpComponentPort.TOKEN, age);
        }
        AccessToken token;
        try {
            token = port.componentToken(componentAppId, componentSecret, ticket.value());
        } catch (PlatformException e) {
            if (e.rawErrcode() == 61005) {
                throw ComponentAuthorizationException.ticketExpired(HttpComponentPort.TOKEN, age);
            }
            if (e.rawErrcode() == 61006) {
                throw ComponentAuthorizationException.ticketMissing(HttpComponentPort.TOKEN,
                        "the platform refused the latest component_verify_ticket (61006, received " + describe(age) + " ago)");
            }
            throw e;
        }
        store.putComponentToken(componentAppId, token);
        LOG.log(System.Logger.Level.DEBUG, () -> "component token of " + componentAppId + " fetched, valid until " + token.expiresAt());
        return token;
    }

    /** Forgets {@code rejected} if it is still the component token held. */
    public void invalidateComponentToken(AccessToken rejected) {
        store.removeComponentToken(componentAppId, rejected);
    }

    /** Runs a component call with the component token, replacing a refused token once. */
    private <T> T withComponentToken(Function<String, T> call) {
        AccessToken token = componentToken();
        try {
            return call.apply(token.value());
        } catch (PlatformException e) {
            if (!(e instanceof ComponentAuthorizationException) && e.errorCode().isTokenInvalid()) {
                invalidateComponentToken(token);
                return call.apply(componentToken().value());
            }
            throw e;
        }
    }

    // ------------------------------------------------------------------ authorization

    /** A new pre-authorization code ({@code api_create_preauthcode}). */
    public PreAuthCode preAuthCode() {
        return withComponentToken(t -> port.createPreAuthCode(componentAppId, t));
    }

    /**
     * The authorization page for a merchant's administrator (mini programs, {@code auth_type=2}),
     * with a new pre-authorization code; WeChat redirects to {@code redirectUri} with
     * {@code auth_code} once confirmed: give it to {@link #authorize}.
     */
    public URI authorizeUrl(URI redirectUri) {
        return authorizeUrl(redirectUri, 2, null, List.of());
    }

    /**
     * The authorization page with the options the page takes: {@code auth_type} (the accounts
     * offered: 1 official accounts, 2 mini programs, 3 both), {@code biz_appid} (only that account's
     * administrator may authorize; {@code null} for any) and {@code category_id_list} (the permission
     * sets asked for, such as 153 and 157; empty for every set the platform published).
     *
     * @throws IllegalArgumentException for an {@code authType} other than 1..3 or a set id under 1,
     *                                  before any call
     */
    public URI authorizeUrl(URI redirectUri, int authType, String bizAppId, java.util.Collection<Integer> permissionSets) {
        Objects.requireNonNull(redirectUri, "redirectUri");
        Objects.requireNonNull(permissionSets, "permissionSets");
        if (authType < 1 || authType > 3) {
            throw new IllegalArgumentException("auth_type is 1 (official accounts), 2 (mini programs) or 3 (both), got " + authType);
        }
        for (Integer set : permissionSets) {
            if (set == null || set < 1) {
                throw new IllegalArgumentException("a permission set id is a positive number, got " + set);
            }
        }
        PreAuthCode code = preAuthCode();
        StringBuilder url = new StringBuilder(loginPage + "?component_appid=" + enc(componentAppId) + "&pre_auth_code="
                + enc(code.value()) + "&redirect_uri=" + enc(redirectUri.toString()) + "&auth_type=" + authType);
        if (bizAppId != null && !bizAppId.isBlank()) {
            url.append("&biz_appid=").append(enc(bizAppId.strip()));
        }
        if (!permissionSets.isEmpty()) {
            url.append("&category_id_list=").append(enc(new java.util.TreeSet<>(permissionSets).stream().map(String::valueOf)
                    .collect(java.util.stream.Collectors.joining("|"))));
        }
        return URI.create(url.toString());
    }

    /**
     * Exchanges an authorization code ({@code auth_code} of the redirect, or {@code AuthorizationCode}
     * of an {@code authorized} / {@code updateauthorized} event) with {@code api_query_auth}, and keeps
     * the refresh token, the granted permission sets and the first access token; clears a revocation.
     */
    public Authorization authorize(String authorizationCode) {
        Authorization auth = withComponentToken(t -> port.queryAuth(componentAppId, t, authorizationCode));
        String appId = auth.authorizerAppId();
        store.locked(componentAppId, appId, () -> {
            store.putGrant(componentAppId, appId, AuthorizerGrant.of(auth.token().refreshToken(), auth.permissionSets()));
            store.putAuthorizerToken(componentAppId, appId, auth.token().accessToken());
            return null;
        });
        return auth;
    }

    /**
     * Marks {@code authorizerAppId} revoked (its {@code unauthorized} event): its tokens are dropped
     * and every later call for it fails with {@link ComponentAuthorizationException.Reason#REVOKED}
     * without a network call, until it authorizes again.
     */
    public void revoke(String authorizerAppId, Instant at) {
        Objects.requireNonNull(at, "at");
        store.locked(componentAppId, authorizerAppId, () -> {
            AuthorizerGrant grant = store.grant(componentAppId, authorizerAppId).orElse(AuthorizerGrant.of("", java.util.Set.of()));
            store.putGrant(componentAppId, authorizerAppId, grant.revokedAt(at));
            store.authorizerToken(componentAppId, authorizerAppId)
                    .ifPresent(t -> store.removeAuthorizerToken(componentAppId, authorizerAppId, t));
            return null;
        });
    }

    /**
     * The account of {@code authorizerAppId} and the permission sets it grants now
     * ({@code api_get_authorizer_info}); nothing is stored.
     */
    public AuthorizerInfo authorizerInfo(String authorizerAppId) {
        Objects.requireNonNull(authorizerAppId, "authorizerAppId");
        return withComponentToken(t -> port.authorizerInfo(componentAppId, t, authorizerAppId));
    }

    /**
     * Re-reads the permission sets {@code authorizerAppId} grants ({@code api_get_authorizer_info})
     * and keeps them with its grant (the refresh token and a revocation are left as they are): for a
     * merchant who granted a set after the authorization the store knows, or a grant re-pulled from
     * the authorizer list without its sets. A 61003 answer marks the appid revoked.
     *
     * @return the sets granted now
     * @throws ComponentAuthorizationException REVOKED on a 61003 answer
     */
    public Set<Integer> refreshPermissionSets(String authorizerAppId) {
        AuthorizerInfo info;
        try {
            info = authorizerInfo(authorizerAppId);
        } catch (ComponentAuthorizationException e) {
            throw e;
        } catch (PlatformException e) {
            if (e.rawErrcode() == 61003) {
                revoke(authorizerAppId, clock.instant());
                throw ComponentAuthorizationException.revoked(HttpComponentPort.AUTHORIZER_INFO, authorizerAppId);
            }
            throw e;
        }
        store.locked(componentAppId, authorizerAppId, () -> {
            store.grant(componentAppId, authorizerAppId).filter(g -> !g.revoked())
                    .ifPresent(g -> store.putGrant(componentAppId, authorizerAppId, g.withPermissionSets(info.permissionSets())));
            return null;
        });
        return info.permissionSets();
    }

    /** What the store knows about {@code authorizerAppId}. */
    public Optional<AuthorizerGrant> grant(String authorizerAppId) {
        return store.grant(componentAppId, authorizerAppId);
    }

    /**
     * Checks, without a network call, that {@code operation} may be called for
     * {@code authorizerAppId}: not revoked, and its permission set granted (when the grant's sets are
     * known).
     *
     * @throws ComponentAuthorizationException REVOKED or PERMISSION_SET_MISSING
     */
    public void checkCall(String authorizerAppId, PlatformOperation operation) {
        Optional<AuthorizerGrant> grant = store.grant(componentAppId, authorizerAppId);
        if (grant.isEmpty()) {
            return;
        }
        if (grant.get().revoked()) {
            throw ComponentAuthorizationException.revoked(operation.wireName(), authorizerAppId);
        }
        int set = operation.permissionSet();
        if (!grant.get().permissionSets().isEmpty() && !grant.get().permissionSets().contains(set)) {
            throw ComponentAuthorizationException.permissionSetMissing(operation.wireName(), authorizerAppId, set);
        }
    }

    /** One page of the platform's authorizer list ({@code api_get_authorizer_list}). */
    public AuthorizerPage authorizerList(int offset, int count) {
        return withComponentToken(t -> port.authorizerList(componentAppId, t, offset, count));
    }

    /**
     * Writes every refresh token of the platform's authorizer list into the store (for a store
     * restored from an old backup, or lost): authorizers not revoked here get the list's token.
     *
     * @return how many grants were written
     */
    public int syncAuthorizers() {
        int written = 0;
        int offset = 0;
        while (true) {
            AuthorizerPage page = authorizerList(offset, 500);
            for (AuthorizerEntry e : page.entries()) {
                if (adopt(e)) {
                    written++;
                }
            }
            offset += page.entries().size();
            if (page.entries().isEmpty() || offset >= page.totalCount()) {
                return written;
            }
        }
    }

    private boolean adopt(AuthorizerEntry e) {
        return store.locked(componentAppId, e.authorizerAppId(), () -> {
            Optional<AuthorizerGrant> held = store.grant(componentAppId, e.authorizerAppId());
            if (held.isPresent() && (held.get().revoked() || held.get().refreshToken().equals(e.refreshToken()))) {
                return false;
            }
            store.putGrant(componentAppId, e.authorizerAppId(), held.map(g -> g.withRefreshToken(e.refreshToken()))
                    .orElse(AuthorizerGrant.of(e.refreshToken(), java.util.Set.of())));
            return true;
        });
    }

    // ------------------------------------------------------------------ authorizer tokens

    /**
     * A valid access token of {@code authorizerAppId}: the one held in the store, else a renewal.
     *
     * @throws ComponentAuthorizationException REVOKED, NOT_AUTHORIZED, REAUTHORIZATION_REQUIRED, or a ticket problem
     */
    public AccessToken authorizerToken(String authorizerAppId) {
        failIfRevoked(authorizerAppId);
        Optional<AccessToken> held = store.authorizerToken(componentAppId, authorizerAppId).filter(this::fresh);
        return held.isPresent() ? held.get() : renew(authorizerAppId, null);
    }

    /**
     * Renews the access token of {@code authorizerAppId} unless another caller already replaced
     * {@code rejected} (or, with {@code null}, unless a fresh one is held).
     */
    AccessToken renew(String authorizerAppId, AccessToken rejected) {
        failIfRevoked(authorizerAppId);
        // The component token first, outside the appid's lock: waiting for the component lock (up to its
        // lease when its holder died) while holding the appid's lock let that lease lapse, and a second
        // instance renewed the same appid (a double fetch; with a rotated refresh token, a 61023).
        componentToken();
        return store.locked(componentAppId, authorizerAppId, () -> {
            Optional<AccessToken> held = store.authorizerToken(componentAppId, authorizerAppId)
                    .filter(this::fresh).filter(t -> !t.equals(rejected));
            if (held.isPresent()) {
                return held.get();
            }
            AuthorizerGrant grant = store.grant(componentAppId, authorizerAppId).orElse(null);
            if (grant != null && grant.revoked()) {
                throw ComponentAuthorizationException.revoked(HttpComponentPort.AUTHORIZER_TOKEN, authorizerAppId);
            }
            if (grant == null || grant.refreshToken().isEmpty()) {
                AuthorizerEntry found = find(authorizerAppId)
                        .orElseThrow(() -> ComponentAuthorizationException.notAuthorized(HttpComponentPort.AUTHORIZER_TOKEN, authorizerAppId));
                grant = AuthorizerGrant.of(found.refreshToken(), java.util.Set.of());
                store.putGrant(componentAppId, authorizerAppId, grant);
            }
            AuthorizerToken fresh;
            try {
                fresh = refresh(authorizerAppId, grant.refreshToken());
            } catch (PlatformException e) {
                if (e.rawErrcode() == 61003) {
                    store.putGrant(componentAppId, authorizerAppId, grant.revokedAt(clock.instant()));
                    throw ComponentAuthorizationException.revoked(HttpComponentPort.AUTHORIZER_TOKEN, authorizerAppId);
                }
                if (e.rawErrcode() != 61023) {
                    throw e;
                }
                String lost = grant.refreshToken();
                LOG.log(System.Logger.Level.WARNING, "the refresh token of " + authorizerAppId
                        + " is invalid (61023); looking for the current one in api_get_authorizer_list");
                Optional<AuthorizerEntry> found = find(authorizerAppId).filter(x -> !x.refreshToken().equals(lost));
                if (found.isEmpty()) {
                    throw ComponentAuthorizationException.reauthorizationRequired(HttpComponentPort.AUTHORIZER_TOKEN, authorizerAppId);
                }
                grant = grant.withRefreshToken(found.get().refreshToken());
                store.putGrant(componentAppId, authorizerAppId, grant);
                try {
                    fresh = refresh(authorizerAppId, grant.refreshToken());
                } catch (PlatformException again) {
                    if (again.rawErrcode() == 61023) {
                        throw ComponentAuthorizationException.reauthorizationRequired(HttpComponentPort.AUTHORIZER_TOKEN, authorizerAppId);
                    }
                    throw again;
                }
            }
            // the refresh token first: a process dying between the two writes loses a token, never the account
            if (!fresh.refreshToken().equals(grant.refreshToken())) {
                store.putGrant(componentAppId, authorizerAppId, grant.withRefreshToken(fresh.refreshToken()));
            }
            store.putAuthorizerToken(componentAppId, authorizerAppId, fresh.accessToken());
            return fresh.accessToken();
        });
    }

    private AuthorizerToken refresh(String authorizerAppId, String refreshToken) {
        return withComponentToken(t -> port.authorizerToken(componentAppId, t, authorizerAppId, refreshToken));
    }

    private Optional<AuthorizerEntry> find(String authorizerAppId) {
        int offset = 0;
        while (true) {
            AuthorizerPage page = authorizerList(offset, 500);
            for (AuthorizerEntry e : page.entries()) {
                if (e.authorizerAppId().equals(authorizerAppId)) {
                    return Optional.of(e);
                }
            }
            offset += page.entries().size();
            if (page.entries().isEmpty() || offset >= page.totalCount()) {
                return Optional.empty();
            }
        }
    }

    private void failIfRevoked(String authorizerAppId) {
        Objects.requireNonNull(authorizerAppId, "authorizerAppId");
        if (store.grant(componentAppId, authorizerAppId).map(AuthorizerGrant::revoked).orElse(false)) {
            throw ComponentAuthorizationException.revoked(HttpComponentPort.AUTHORIZER_TOKEN, authorizerAppId);
        }
    }

    /**
     * The access tokens of {@code authorizerAppId} as an {@link AccessTokenPort} over the shared
     * store, for {@code MiniDramaClient.builder().accessTokens(..)}: every instance uses the token in
     * the store, and a rejected token is renewed once across instances.
     */
    public AccessTokenPort accessTokens(String authorizerAppId) {
        Objects.requireNonNull(authorizerAppId, "authorizerAppId");
        return new AccessTokenPort() {
            @Override
            public AccessToken token() {
                return authorizerToken(authorizerAppId);
            }

            @Override
            public void invalidate(AccessToken rejected) {
                store.removeAuthorizerToken(componentAppId, authorizerAppId, rejected);
            }

            @Override
            public String toString() {
                return "AuthorizerAccessTokens[component=" + componentAppId + ", authorizer=" + authorizerAppId + "]";
            }
        };
    }

    /**
     * The access tokens of {@code authorizerAppId} as an {@link AccessTokenSource}, for
     * {@code MiniDramaClient.builder().tokenSource(..)} (which caches it per process). A fetch
     * answers the store's token while it is fresh (another instance renewed it), else renews it.
     */
    public AccessTokenSource tokenSource(String authorizerAppId) {
        Objects.requireNonNull(authorizerAppId, "authorizerAppId");
        return new AccessTokenSource() {
            @Override
            public AccessToken fetch() {
                return authorizerToken(authorizerAppId);
            }

            @Override
            public AccessToken fetchReplacing(AccessToken rejected) {
                return renew(authorizerAppId, rejected);
            }

            @Override
            public String toString() {
                return "AuthorizerTokenSource[component=" + componentAppId + ", authorizer=" + authorizerAppId + "]";
            }
        };
    }

    /** The appids of the authorizers in the store, revoked ones included. */
    public List<String> authorizers() {
        return store.authorizers(componentAppId);
    }

    /** Now, by this manager's clock. */
    Instant now() {
        return clock.instant();
    }

    private boolean fresh(AccessToken token) {
        return token.validAt(clock.instant(), margin);
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    private static String describe(Duration d) {
        return d.toHours() + " h " + d.toMinutesPart() + " min";
    }

    @Override
    public String toString() {
        return "ComponentTokens[componentAppId=" + componentAppId + ", store=" + store + ", margin=" + margin + "]";
    }

    /**
     * Builder of {@link ComponentTokens}. Not thread-safe; {@code null} is refused.
     */
    public static final class Builder {
        private final String componentAppId;
        private final String componentSecret;
        private ComponentPort port;
        private ComponentStore store;
        private Clock clock = Clock.systemUTC();
        private Duration margin = Duration.ofMinutes(5);
        private URI loginPage = DEFAULT_LOGIN_PAGE;

        private Builder(String componentAppId, String componentSecret) {
            this.componentAppId = text(componentAppId, "componentAppId");
            this.componentSecret = text(componentSecret, "componentSecret");
        }

        /** The component API, such as {@link HttpComponentPort} (required). */
        public Builder port(ComponentPort port) {
            this.port = Objects.requireNonNull(port, "port");
            return this;
        }

        /** Where tickets, tokens and refresh tokens are kept (required): in memory, or Redis for several instances. */
        public Builder store(ComponentStore store) {
            this.store = Objects.requireNonNull(store, "store");
            return this;
        }

        /** The clock for ticket ages and token expiry (default UTC system clock). */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /** A token is replaced this long before it expires (default 5 minutes). */
        public Builder margin(Duration margin) {
            Objects.requireNonNull(margin, "margin");
            if (margin.isNegative()) {
                throw new IllegalArgumentException("margin must not be negative, got " + margin);
            }
            this.margin = margin;
            return this;
        }

        /** The authorization page (default {@link #DEFAULT_LOGIN_PAGE}). */
        public Builder loginPage(URI loginPage) {
            this.loginPage = Objects.requireNonNull(loginPage, "loginPage");
            return this;
        }

        /**
         * Builds the token manager.
         *
         * @throws IllegalStateException without a port or a store
         */
        public ComponentTokens build() {
            if (port == null || store == null) {
                throw new IllegalStateException("port(..) and store(..) are required");
            }
            return new ComponentTokens(this);
        }

        private static String text(String s, String name) {
            Objects.requireNonNull(s, name);
            if (s.isBlank()) {
                throw new IllegalArgumentException(name + " must not be blank");
            }
            return s;
        }

        @Override
        public String toString() {
            return "ComponentTokens.Builder[componentAppId=" + componentAppId + "]";
        }
    }
}
