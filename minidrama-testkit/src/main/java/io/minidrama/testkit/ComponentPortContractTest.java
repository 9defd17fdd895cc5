package io.minidrama.testkit;

import io.minidrama.adapter.fake.InMemoryComponentPlatform;
import io.minidrama.adapter.fake.MutableClock;
import io.minidrama.domain.error.PlatformException;
import io.minidrama.port.AccessToken;
import io.minidrama.port.component.Authorization;
import io.minidrama.port.component.AuthorizerEntry;
import io.minidrama.port.component.AuthorizerInfo;
import io.minidrama.port.component.AuthorizerPage;
import io.minidrama.port.component.AuthorizerToken;
import io.minidrama.port.component.ComponentPort;
import io.minidrama.port.component.PreAuthCode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

import java.time.Duration;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The contract of {@link ComponentPort} (API.md section 10), run against the in-memory fake and,
 * through {@code HttpComponentPort}, against the emulator: tickets (61005 / 61006), the component
 * token (40001), authorization codes (used once), refresh tokens (61023 once replaced; the one that
 * comes back is the one to keep), revocation (61003), the authorizer list, the authorizer's info
 * (the sets granted now), and errcodes on cue.
 * No secret appears in any failure's message.
 *
 * <p>Extend it and implement {@link #createSubject()}.
 */
public abstract class ComponentPortContractTest {
    /** The platform's appid in every subject. */
    protected static final String COMPONENT = "wxcomponent0001";
    /** The platform's secret in every subject. */
    protected static final String SECRET = "component-secret-0001";

    /**
     * A port and the fake state behind it.
     *
     * @param port     the port under test
     * @param platform the fake behind it (its control surface)
     * @param clock    the fake's clock
     */
    public record Subject(ComponentPort port, InMemoryComponentPlatform platform, MutableClock clock) {
    }

    private Subject s;

    /** A fresh platform {@link #COMPONENT} / {@link #SECRET} and the port reaching it. */
    protected abstract Subject createSubject();

    @BeforeEach
    final void open() {
        s = createSubject();
    }

    private String componentToken() {
        return s.port().componentToken(COMPONENT, SECRET, s.platform().issueTicket()).value();
    }

    private PlatformException refused(int errcode, Executable call) {
        PlatformException e = assertThrows(PlatformException.class, call);
        assertEquals(errcode, e.rawErrcode(), e.getMessage());
        for (String secret : s.platform().issuedSecrets()) {
            assertFalse(e.getMessage().contains(secret), "a secret in the message: " + e.getMessage());
        }
        assertFalse(e.getMessage().contains(SECRET));
        return e;
    }

    @Test
    void componentToken_withTheLatestTicket_isValidTwoHours() {
        AccessToken t = s.port().componentToken(COMPONENT, SECRET, s.platform().issueTicket());

        assertFalse(t.value().isBlank());
        assertEquals(s.clock().instant().plus(Duration.ofSeconds(7200)), t.expiresAt());
    }

    @Test
    void componentToken_withAnUnknownTicket_is61006() {
        refused(61006, () -> s.port().componentToken(COMPONENT, SECRET, "never-pushed"));
    }

    @Test
    void componentToken_withATicketOlderThan12Hours_is61005() {
        String ticket = s.platform().issueTicket();
        s.clock().advance(Duration.ofHours(12).plusSeconds(1));

        refused(61005, () -> s.port().componentToken(COMPONENT, SECRET, ticket));
    }

    @Test
    void componentToken_withAWrongSecret_isRefused_withoutTheSecretInTheMessage() {
        String ticket = s.platform().issueTicket();
        PlatformException e = refused(40125, () -> s.port().componentToken(COMPONENT, "wrong-secret-xyz", ticket));
        assertFalse(e.getMessage().contains("wrong-secret-xyz"));
    }

    @Test
    void calls_withAnUnknownComponentToken_are40001() {
        refused(40001, () -> s.port().createPreAuthCode(COMPONENT, "not-a-token"));
        refused(40001, () -> s.port().authorizerList(COMPONENT, "not-a-token", 0, 10));
    }

    @Test
    void calls_withAnExpiredComponentToken_are42001() {
        String token = componentToken();
        s.clock().advance(Duration.ofSeconds(7200));

        refused(42001, () -> s.port().createPreAuthCode(COMPONENT, token));
    }

    @Test
    void preAuthCode_isIssued() {
        PreAuthCode code = s.port().createPreAuthCode(COMPONENT, componentToken());

        assertFalse(code.value().isBlank());
        assertTrue(code.expiresAt().isAfter(s.clock().instant()));
        assertFalse(code.toString().contains(code.value()));
    }

    @Test
    void queryAuth_answersTheAuthorizer_itsTokens_andGrantedSets_once() {
        String code = s.platform().authorize("wxauthorizer01", Set.of(153, 157));
        String token = componentToken();

        Authorization a = s.port().queryAuth(COMPONENT, token, code);

        assertEquals("wxauthorizer01", a.authorizerAppId());
        assertEquals(Set.of(153, 157), a.permissionSets());
        assertEquals(s.platform().currentRefreshToken("wxauthorizer01").orElseThrow(), a.token().refreshToken());
        assertEquals("wxauthorizer01", s.platform().owner(a.token().accessToken().value()).orElseThrow());
        assertFalse(a.toString().contains(a.token().refreshToken()));
        assertFalse(a.toString().contains(a.token().accessToken().value()));
        refused(61010, () -> s.port().queryAuth(COMPONENT, token, code));
    }

    @Test
    void authorizerToken_withTheCurrentRefreshToken_isRenewed() {
        s.platform().authorize("wxauthorizer01", Set.of(153));
        String refresh = s.platform().currentRefreshToken("wxauthorizer01").orElseThrow();

        AuthorizerToken t = s.port().authorizerToken(COMPONENT, componentToken(), "wxauthorizer01", refresh);

        assertEquals(refresh, t.refreshToken());
        assertEquals("wxauthorizer01", s.platform().owner(t.accessToken().value()).orElseThrow());
        assertEquals(1, s.platform().renewals("wxauthorizer01"));
    }

    @Test
    void authorizerToken_answersTheRotatedRefreshToken_andTheOldOneIs61023() {
        s.platform().authorize("wxauthorizer01", Set.of(153));
        String old = s.platform().currentRefreshToken("wxauthorizer01").orElseThrow();
        s.platform().rotateRefreshTokens(true);
        String token = componentToken();

        AuthorizerToken t = s.port().authorizerToken(COMPONENT, token, "wxauthorizer01", old);

        assertNotEquals(old, t.refreshToken());
        refused(61023, () -> s.port().authorizerToken(COMPONENT, token, "wxauthorizer01", old));
        s.port().authorizerToken(COMPONENT, token, "wxauthorizer01", t.refreshToken());
    }

    @Test
    void authorizerToken_afterReauthorization_oldRefreshTokenIs61023() {
        s.platform().authorize("wxauthorizer01", Set.of(153));
        String old = s.platform().currentRefreshToken("wxauthorizer01").orElseThrow();
        s.platform().authorize("wxauthorizer01", Set.of(153, 157));

        refused(61023, () -> s.port().authorizerToken(COMPONENT, componentToken(), "wxauthorizer01", old));
    }

    @Test
    void authorizerToken_ofARevokedAuthorizer_is61003() {
        s.platform().authorize("wxauthorizer01", Set.of(153));
        String refresh = s.platform().currentRefreshToken("wxauthorizer01").orElseThrow();
        s.platform().revoke("wxauthorizer01");

        refused(61003, () -> s.port().authorizerToken(COMPONENT, componentToken(), "wxauthorizer01", refresh));
    }

    @Test
    void authorizerList_pagesThroughLiveAuthorizers_withTheirCurrentRefreshTokens() {
        for (int i = 1; i <= 5; i++) {
            s.platform().authorize("wxauthorizer0" + i, Set.of(153));
        }
        s.platform().revoke("wxauthorizer03");
        String token = componentToken();

        AuthorizerPage first = s.port().authorizerList(COMPONENT, token, 0, 3);
        AuthorizerPage second = s.port().authorizerList(COMPONENT, token, 3, 3);

        assertEquals(4, first.totalCount());
        assertEquals(3, first.entries().size());
        assertEquals(1, second.entries().size());
        List<String> ids = new java.util.ArrayList<>(first.entries().stream().map(AuthorizerEntry::authorizerAppId).toList());
        ids.addAll(second.entries().stream().map(AuthorizerEntry::authorizerAppId).toList());
        assertEquals(List.of("wxauthorizer01", "wxauthorizer02", "wxauthorizer04", "wxauthorizer05"), ids);
        for (AuthorizerEntry e : first.entries()) {
            assertEquals(s.platform().currentRefreshToken(e.authorizerAppId()).orElseThrow(), e.refreshToken());
        }
    }

    @Test
    void injectedErrcodes_areAnswered_once() {
        String token = componentToken();
        s.platform().authorize("wxauthorizer01", Set.of(153));
        String refresh = s.platform().currentRefreshToken("wxauthorizer01").orElseThrow();
        s.platform().failNext("api_authorizer_token", 61004, 1);

        refused(61004, () -> s.port().authorizerToken(COMPONENT, token, "wxauthorizer01", refresh));
        s.port().authorizerToken(COMPONENT, token, "wxauthorizer01", refresh);
    }

    @Test
    void authorizerInfo_answersTheGrantedSets_asTheyAreNow() {
        s.platform().authorize("wxauthorizer01", Set.of(153));
        String token = componentToken();

        AuthorizerInfo before = s.port().authorizerInfo(COMPONENT, token, "wxauthorizer01");
        s.platform().authorize("wxauthorizer01", Set.of(153, 157));
        AuthorizerInfo after = s.port().authorizerInfo(COMPONENT, token, "wxauthorizer01");

        assertEquals("wxauthorizer01", before.authorizerAppId());
        assertTrue(before.miniProgram());
        assertEquals(Set.of(153), before.permissionSets());
        assertEquals(Set.of(153, 157), after.permissionSets());
        after.currentRefreshToken().ifPresent(r -> {
            assertEquals(s.platform().currentRefreshToken("wxauthorizer01").orElseThrow(), r);
            assertFalse(after.toString().contains(r));
        });
    }

    @Test
    void authorizerInfo_ofARevokedOrUnknownAuthorizer_is61003() {
        s.platform().authorize("wxauthorizer01", Set.of(153));
        s.platform().revoke("wxauthorizer01");
        String token = componentToken();

        refused(61003, () -> s.port().authorizerInfo(COMPONENT, token, "wxauthorizer01"));
        refused(61003, () -> s.port().authorizerInfo(COMPONENT, token, "wxneverauthorized"));
        refused(40001, () -> s.port().authorizerInfo(COMPONENT, "not-a-token", "wxauthorizer01"));
    }
}
