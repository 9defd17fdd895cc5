package io.minidrama.protocol.component;

import io.minidrama.domain.error.PlatformException;
import io.minidrama.port.AccessToken;
import io.minidrama.port.component.Authorization;
import io.minidrama.port.component.AuthorizerEntry;
import io.minidrama.port.component.AuthorizerInfo;
import io.minidrama.port.component.AuthorizerPage;
import io.minidrama.port.component.AuthorizerToken;
import io.minidrama.port.component.ComponentPort;
import io.minidrama.port.component.PreAuthCode;
import io.minidrama.protocol.MiniDramaClient;
import io.minidrama.protocol.internal.Exchange;
import io.minidrama.protocol.internal.Json;
import io.minidrama.protocol.internal.Redaction;
import io.minidrama.protocol.internal.ResponseReader;
import io.minidrama.protocol.internal.dto.ComponentWire;
import io.minidrama.protocol.internal.dto.Wire;
import io.minidrama.protocol.spi.HttpTransport;
import io.minidrama.protocol.spi.RequestBody;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * The component API over HTTP ({@code POST /cgi-bin/component/*}, API.md section 10), through the
 * protocol's {@link HttpTransport} and JSON-B codec, one exchange per call, no retries and no
 * state. The component token travels in the query as {@code access_token} on every operation after
 * {@code api_component_token}, as the current official pages (oplatform/openApi/ticket-token/,
 * .../authorization-management/) write it; older pages and SDKs write {@code component_access_token}
 * for most of them (README, "Third-party platforms"). The name is kept in {@link #TOKEN_PARAMETER}
 * alone. Secrets, tickets, tokens and refresh tokens never appear in a message.
 *
 * <p>Thread-safe. Built with {@link #builder()}; a transport is required and is not closed here.
 */
public final class HttpComponentPort implements ComponentPort {
    static final String TOKEN = "api_component_token";
    static final String PRE_AUTH = "api_create_preauthcode";
    static final String QUERY_AUTH = "api_query_auth";
    static final String AUTHORIZER_TOKEN = "api_authorizer_token";
    static final String AUTHORIZER_LIST = "api_get_authorizer_list";
    static final String AUTHORIZER_INFO = "api_get_authorizer_info";
    /** The query parameter carrying the component token (the official pages' {@code access_token}). */
    static final String TOKEN_PARAMETER = "access_token";
    private static final String PATH = "/cgi-bin/component/";
    private static final String JSON = "application/json; charset=utf-8";

    private final Exchange exchange;
    private final Clock clock;
    private final URI baseUrl;

    private HttpComponentPort(Builder b) {
        this.exchange = new Exchange(b.transport, b.baseUrl, b.timeout);
        this.clock = b.clock;
        this.baseUrl = b.baseUrl;
    }

    /** A builder; {@link Builder#transport} is required. */
    public static Builder builder() {
        return new Builder();
    }

    @Override
    public AccessToken componentToken(String componentAppId, String componentSecret, String verifyTicket) {
        ComponentWire.ComponentTokenRequest body = new ComponentWire.ComponentTokenRequest();
        body.componentAppid = text(componentAppId, "componentAppId");
        body.componentAppsecret = text(componentSecret, "componentSecret");
        body.componentVerifyTicket = text(verifyTicket, "verifyTicket");
        Instant asked = clock.instant();
        Exchange.Response r = post(TOKEN, "", body);
        ComponentWire.ComponentTokenResponse dto = read(TOKEN, r, ComponentWire.ComponentTokenResponse.class,
                componentSecret, verifyTicket);
        return new AccessToken(need(dto.componentAccessToken, TOKEN, r, "component_access_token"),
                asked.plusSeconds(positive(dto.expiresIn, TOKEN, r)));
    }

    @Override
    public PreAuthCode createPreAuthCode(String componentAppId, String componentToken) {
        ComponentWire.PreAuthCodeRequest body = new ComponentWire.PreAuthCodeRequest();
        body.componentAppid = text(componentAppId, "componentAppId");
        Instant asked = clock.instant();
        Exchange.Response r = post(PRE_AUTH, tokenQuery(componentToken), body);
        ComponentWire.PreAuthCodeResponse dto = read(PRE_AUTH, r, ComponentWire.PreAuthCodeResponse.class, componentToken, "");
        return new PreAuthCode(need(dto.preAuthCode, PRE_AUTH, r, "pre_auth_code"), asked.plusSeconds(positive(dto.expiresIn, PRE_AUTH, r)));
    }

    @Override
    public Authorization queryAuth(String componentAppId, String componentToken, String authorizationCode) {
        ComponentWire.QueryAuthRequest body = new ComponentWire.QueryAuthRequest();
        body.componentAppid = text(componentAppId, "componentAppId");
        body.authorizationCode = text(authorizationCode, "authorizationCode");
        Instant asked = clock.instant();
        Exchange.Response r = post(QUERY_AUTH, tokenQuery(componentToken), body);
        ComponentWire.QueryAuthResponse dto = read(QUERY_AUTH, r, ComponentWire.QueryAuthResponse.class, componentToken, authorizationCode);
        ComponentWire.AuthorizationInfo info = dto.authorizationInfo;
        if (info == null) {
            throw ResponseReader.missing(QUERY_AUTH, r.status(), "authorization_info");
        }
        Set<Integer> sets = sets(info.funcInfo);
        AccessToken token = new AccessToken(need(info.authorizerAccessToken, QUERY_AUTH, r, "authorization_info.authorizer_access_token"),
                asked.plusSeconds(positive(info.expiresIn, QUERY_AUTH, r)));
        return new Authorization(need(info.authorizerAppid, QUERY_AUTH, r, "authorization_info.authorizer_appid"),
                new AuthorizerToken(token, need(info.authorizerRefreshToken, QUERY_AUTH, r, "authorization_info.authorizer_refresh_token")),
                sets);
    }

    @Override
    public AuthorizerToken authorizerToken(String componentAppId, String componentToken, String authorizerAppId, String refreshToken) {
        ComponentWire.AuthorizerTokenRequest body = new ComponentWire.AuthorizerTokenRequest();
        body.componentAppid = text(componentAppId, "componentAppId");
        body.authorizerAppid = text(authorizerAppId, "authorizerAppId");
        body.authorizerRefreshToken = text(refreshToken, "refreshToken");
        Instant asked = clock.instant();
        Exchange.Response r = post(AUTHORIZER_TOKEN, tokenQuery(componentToken), body);
        ComponentWire.AuthorizerTokenResponse dto = read(AUTHORIZER_TOKEN, r, ComponentWire.AuthorizerTokenResponse.class,
                componentToken, refreshToken);
        AccessToken token = new AccessToken(need(dto.authorizerAccessToken, AUTHORIZER_TOKEN, r, "authorizer_access_token"),
                asked.plusSeconds(positive(dto.expiresIn, AUTHORIZER_TOKEN, r)));
        // the platform may leave the refresh token out when it did not change: keep the one sent
        String next = dto.authorizerRefreshToken == null || dto.authorizerRefreshToken.isBlank() ? refreshToken : dto.authorizerRefreshToken;
        return new AuthorizerToken(token, next);
    }

    @Override
    public AuthorizerPage authorizerList(String componentAppId, String componentToken, int offset, int count) {
        if (offset < 0 || count < 1 || count > 500) {
            throw new IllegalArgumentException("offset must be >= 0 and count 1..500, got " + offset + ", " + count);
        }
        ComponentWire.AuthorizerListRequest body = new ComponentWire.AuthorizerListRequest();
        body.componentAppid = text(componentAppId, "componentAppId");
        body.offset = offset;
        body.count = count;
        Exchange.Response r = post(AUTHORIZER_LIST, tokenQuery(componentToken), body);
        ComponentWire.AuthorizerListResponse dto = read(AUTHORIZER_LIST, r, ComponentWire.AuthorizerListResponse.class, componentToken, "");
        List<AuthorizerEntry> entries = new ArrayList<>();
        if (dto.list != null) {
            for (ComponentWire.AuthorizerRow row : dto.list) {
                if (row == null) {
                    continue;
                }
                entries.add(new AuthorizerEntry(need(row.authorizerAppid, AUTHORIZER_LIST, r, "list[].authorizer_appid"),
                        need(row.refreshToken, AUTHORIZER_LIST, r, "list[].refresh_token"),
                        Instant.ofEpochSecond(row.authTime == null ? 0 : row.authTime)));
            }
        }
        long total = dto.totalCount == null ? entries.size() : dto.totalCount;
        return new AuthorizerPage((int) Math.min(Integer.MAX_VALUE, Math.max(0, total)), entries);
    }

    @Override
    public AuthorizerInfo authorizerInfo(String componentAppId, String componentToken, String authorizerAppId) {
        ComponentWire.AuthorizerInfoRequest body = new ComponentWire.AuthorizerInfoRequest();
        body.componentAppid = text(componentAppId, "componentAppId");
        body.authorizerAppid = text(authorizerAppId, "authorizerAppId");
        Exchange.Response r = post(AUTHORIZER_INFO, tokenQuery(componentToken), body);
        ComponentWire.AuthorizerInfoResponse dto = read(AUTHORIZER_INFO, r, ComponentWire.AuthorizerInfoResponse.class, componentToken, "");
        ComponentWire.AuthorizationInfo auth = dto.authorizationInfo;
        if (auth == null) {
            throw ResponseReader.missing(AUTHORIZER_INFO, r.status(), "authorization_info");
        }
        // older pages' example names it "appid"; the current table "authorizer_appid"
        String appId = auth.authorizerAppid != null ? auth.authorizerAppid : auth.appid;
        ComponentWire.AuthorizerAccount account = dto.authorizerInfo;
        return new AuthorizerInfo(need(appId, AUTHORIZER_INFO, r, "authorization_info.authorizer_appid"),
                account == null || account.nickName == null ? "" : account.nickName,
                account == null || account.userName == null ? "" : account.userName,
                account == null || account.principalName == null ? "" : account.principalName,
                account != null && account.miniProgramInfo != null,
                sets(auth.funcInfo),
                auth.authorizerRefreshToken == null ? "" : auth.authorizerRefreshToken);
    }

    private static Set<Integer> sets(List<ComponentWire.FuncInfo> funcInfo) {
        Set<Integer> sets = new LinkedHashSet<>();
        if (funcInfo != null) {
            for (ComponentWire.FuncInfo f : funcInfo) {
                if (f != null && f.funcscopeCategory != null && f.funcscopeCategory.id != null
                        && f.funcscopeCategory.id > 0 && f.funcscopeCategory.id <= Integer.MAX_VALUE) {
                    sets.add(f.funcscopeCategory.id.intValue());
                }
            }
        }
        return sets;
    }

    private static String tokenQuery(String componentToken) {
        return Exchange.param(TOKEN_PARAMETER, text(componentToken, "componentToken"));
    }

    private Exchange.Response post(String operation, String query, Object body) {
        return exchange.post(operation, PATH + operation, query, RequestBody.of(JSON, Json.toBytes(body)));
    }

    private static <R extends Wire.Envelope> R read(String operation, Exchange.Response r, Class<R> type, String secret, String other) {
        try {
            return ResponseReader.read(operation, false, r, type, secret);
        } catch (PlatformException e) {
            if (!other.isEmpty() && e.errmsg().contains(other)) {
                throw new PlatformException(operation, e.rawErrcode(), Redaction.clean(e.errmsg(), other), e.httpStatus());
            }
            throw e;
        }
    }

    private static String need(String value, String operation, Exchange.Response r, String field) {
        if (value == null || value.isBlank()) {
            throw ResponseReader.missing(operation, r.status(), field);
        }
        return value;
    }

    private static long positive(Long seconds, String operation, Exchange.Response r) {
        if (seconds == null || seconds <= 0) {
            throw ResponseReader.missing(operation, r.status(), "a positive expires_in");
        }
        return seconds;
    }

    private static String text(String value, String name) {
        Objects.requireNonNull(value, name);
        if (value.isBlank()) {
            throw new IllegalArgumentException(name + " must not be blank");
        }
        return value;
    }

    @Override
    public String toString() {
        return "HttpComponentPort[baseUrl=" + baseUrl + "]";
    }

    /** Builder of {@link HttpComponentPort}. Not thread-safe; {@code null} is refused. */
    public static final class Builder {
        private HttpTransport transport;
        private URI baseUrl = MiniDramaClient.DEFAULT_BASE_URL;
        private Duration timeout = Duration.ofSeconds(10);
        private Clock clock = Clock.systemUTC();

        private Builder() {
        }

        /** The transport every call goes through (required; not closed by the port). */
        public Builder transport(HttpTransport transport) {
            this.transport = Objects.requireNonNull(transport, "transport");
            return this;
        }

        /** The API host (default {@code https://api.weixin.qq.com}). */
        public Builder baseUrl(URI baseUrl) {
            this.baseUrl = Objects.requireNonNull(baseUrl, "baseUrl");
            return this;
        }

        /** The deadline of one call (default 10 s). */
        public Builder timeout(Duration timeout) {
            Objects.requireNonNull(timeout, "timeout");
            if (timeout.isZero() || timeout.isNegative()) {
                throw new IllegalArgumentException("timeout must be positive, got " + timeout);
            }
            this.timeout = timeout;
            return this;
        }

        /** The clock that dates expiries (default UTC system clock). */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /**
         * Builds the port.
         *
         * @throws IllegalStateException without a transport
         */
        public HttpComponentPort build() {
            if (transport == null) {
                throw new IllegalStateException("transport(..) is required: the HTTP transport the component API is called through");
            }
            return new HttpComponentPort(this);
        }
    }
}
