package io.minidrama.micrometer;

import io.micrometer.common.KeyValue;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.observation.DefaultMeterObservationHandler;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationHandler;
import io.micrometer.observation.tck.TestObservationRegistry;
import io.micrometer.observation.tck.TestObservationRegistryAssert;
import io.minidrama.adapter.fake.InMemoryComponentPlatform;
import io.minidrama.domain.error.PlatformException;
import io.minidrama.domain.error.TransportException;
import io.minidrama.port.AccessToken;
import io.minidrama.port.component.Authorization;
import io.minidrama.port.component.AuthorizerInfo;
import io.minidrama.port.component.AuthorizerPage;
import io.minidrama.port.component.AuthorizerToken;
import io.minidrama.port.component.ComponentPort;
import io.minidrama.port.component.PreAuthCode;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * A third-party platform's component calls observed as {@value MiniDramaObservations#COMPONENT_CALL}
 * (against the in-memory component platform): one observation per call named after its operation,
 * tagged with outcome and errcode class only; no appid, secret, ticket, code or token anywhere.
 */
class ComponentObservationTest {
    private static final String COMPONENT = "wxcomponentobs01";
    private static final String SECRET = "component-secret-obs-0001";
    private static final String AUTHORIZER = "wxauthorizerobs01";

    private final TestObservationRegistry observations = TestObservationRegistry.create();
    private final MeterRegistry meters = new SimpleMeterRegistry();
    private final List<Observation.Context> handled = new ArrayList<>();
    private final InMemoryComponentPlatform fake = InMemoryComponentPlatform.builder(COMPONENT, SECRET).build();
    private final List<String> secrets = new ArrayList<>(List.of(COMPONENT, SECRET, AUTHORIZER));

    ComponentObservationTest() {
        observations.observationConfig().observationHandler(new DefaultMeterObservationHandler(meters));
        observations.observationConfig().observationHandler(new ObservationHandler<Observation.Context>() {
            @Override
            public boolean supportsContext(Observation.Context context) {
                return true;
            }

            @Override
            public void onStop(Observation.Context context) {
                synchronized (handled) {
                    handled.add(context);
                }
            }
        });
    }

    @Test
    void everyComponentOperation_isOneObservation_namedAndTaggedByItsWireName_success() {
        ComponentPort port = MiniDramaObservations.observe(fake, observations);

        String ticket = fake.issueTicket();
        secrets.add(ticket);
        AccessToken componentToken = port.componentToken(COMPONENT, SECRET, ticket);
        PreAuthCode preAuth = port.createPreAuthCode(COMPONENT, componentToken.value());
        String code = fake.authorize(AUTHORIZER, Set.of(153, 157));
        secrets.add(code);
        Authorization auth = port.queryAuth(COMPONENT, componentToken.value(), code);
        AuthorizerToken refreshed = port.authorizerToken(COMPONENT, componentToken.value(), AUTHORIZER, auth.token().refreshToken());
        AuthorizerPage page = port.authorizerList(COMPONENT, componentToken.value(), 0, 10);
        AuthorizerInfo info = port.authorizerInfo(COMPONENT, componentToken.value(), AUTHORIZER);

        assertEquals(AUTHORIZER, auth.authorizerAppId(), "answers pass through");
        assertNotNull(preAuth.value());
        assertNotNull(refreshed.accessToken().value());
        assertEquals(1, page.totalCount());
        assertEquals(AUTHORIZER, info.authorizerAppId());
        assertEquals(List.of("api_component_token", "api_create_preauthcode", "api_query_auth", "api_authorizer_token",
                "api_get_authorizer_list", "api_get_authorizer_info"), named().stream().map(Observation.Context::getContextualName).toList());
        named().forEach(c -> assertEquals(Map.of("operation", c.getContextualName(), "outcome", "success", "errcode.class", "none"), tags(c)));
        TestObservationRegistryAssert.assertThat(observations)
                .hasNumberOfObservationsWithNameEqualTo(MiniDramaObservations.COMPONENT_CALL, 6)
                .hasNumberOfObservationsWithNameEqualTo(MiniDramaObservations.CALL, 0)
                .hasNumberOfObservationsWithNameEqualTo(MiniDramaObservations.TOKEN_FETCH, 0)
                .forAllObservationsWithNameEqualTo(MiniDramaObservations.COMPONENT_CALL, c -> c.doesNotHaveError());
        assertEquals(1, meters.get(MiniDramaObservations.COMPONENT_CALL)
                .tags("operation", "api_authorizer_token", "outcome", "success", "errcode.class", "none").timer().count());
        assertEquals(1, meters.get(MiniDramaObservations.COMPONENT_CALL)
                .tags("operation", "api_component_token", "outcome", "success").timer().count());
        assertNoSecretIn(fake.issuedSecrets());
    }

    @Test
    void aRefusedAuthorizerTokenRefresh_61023_isAPlatformError_withTheErrorAttached_andNoRefreshToken() {
        ComponentPort port = MiniDramaObservations.observe(fake, observations);
        String ticket = fake.issueTicket();
        secrets.add(ticket);
        AccessToken componentToken = port.componentToken(COMPONENT, SECRET, ticket);
        fake.authorize(AUTHORIZER, Set.of(153));
        String staleRefreshToken = "refreshtoken@@@stale-never-in-a-tag";
        secrets.add(staleRefreshToken);

        PlatformException refused = assertThrows(PlatformException.class,
                () -> port.authorizerToken(COMPONENT, componentToken.value(), AUTHORIZER, staleRefreshToken));

        assertEquals(61023, refused.rawErrcode());
        Observation.Context refresh = named().get(1);
        assertEquals(Map.of("operation", "api_authorizer_token", "outcome", "platform_error", "errcode.class", "refresh_token_invalid"), tags(refresh),
                "61023 is tagged by its ErrorCode's name, never the raw number");
        assertEquals("api_authorizer_token", refresh.getContextualName());
        assertInstanceOf(PlatformException.class, refresh.getError());
        assertEquals(1, meters.get(MiniDramaObservations.COMPONENT_CALL)
                .tags("operation", "api_authorizer_token", "outcome", "platform_error", "errcode.class", "refresh_token_invalid").timer().count());
        assertNoSecretIn(fake.issuedSecrets());
    }

    @Test
    void aTransportFailure_ofTheComponentTokenFetch_isTaggedTransportError() {
        ComponentPort unreachable = new ComponentPort() {
            @Override
            public AccessToken componentToken(String componentAppId, String componentSecret, String verifyTicket) {
                throw new TransportException("api_component_token", "connection refused", false, null);
            }

            @Override
            public PreAuthCode createPreAuthCode(String componentAppId, String componentToken) {
                throw new AssertionError("not called");
            }

            @Override
            public Authorization queryAuth(String componentAppId, String componentToken, String authorizationCode) {
                throw new AssertionError("not called");
            }

            @Override
            public AuthorizerToken authorizerToken(String componentAppId, String componentToken, String authorizerAppId, String refreshToken) {
                throw new AssertionError("not called");
            }

            @Override
            public AuthorizerPage authorizerList(String componentAppId, String componentToken, int offset, int count) {
                throw new AssertionError("not called");
            }

            @Override
            public AuthorizerInfo authorizerInfo(String componentAppId, String componentToken, String authorizerAppId) {
                throw new AssertionError("not called");
            }
        };
        ComponentPort port = MiniDramaObservations.observe(unreachable, observations);
        String ticket = "ticket@@@never-in-a-tag";
        secrets.add(ticket);

        assertThrows(TransportException.class, () -> port.componentToken(COMPONENT, SECRET, ticket));

        TestObservationRegistryAssert.assertThat(observations)
                .hasNumberOfObservationsWithNameEqualTo(MiniDramaObservations.COMPONENT_CALL, 1);
        Observation.Context fetch = named().get(0);
        assertEquals(Map.of("operation", "api_component_token", "outcome", "transport_error", "errcode.class", "none"), tags(fetch));
        assertInstanceOf(TransportException.class, fetch.getError());
        assertNoSecretIn(List.of());
    }

    private List<Observation.Context> named() {
        synchronized (handled) {
            return handled.stream().filter(c -> c.getName().equals(MiniDramaObservations.COMPONENT_CALL)).toList();
        }
    }

    private static Map<String, String> tags(Observation.Context c) {
        Map<String, String> m = new TreeMap<>();
        for (KeyValue kv : c.getLowCardinalityKeyValues()) {
            m.put(kv.getKey(), kv.getValue());
        }
        return m;
    }

    /** No appid, secret, ticket, code or token in any name, contextual name or key value, or in a meter's id. */
    private void assertNoSecretIn(List<String> issued) {
        List<String> all = new ArrayList<>(secrets);
        all.addAll(issued);
        List<String> texts = new ArrayList<>();
        synchronized (handled) {
            for (Observation.Context c : handled) {
                texts.add(c.getName());
                texts.add(c.getContextualName());
                c.getAllKeyValues().forEach(kv -> texts.add(kv.getKey() + "=" + kv.getValue()));
            }
        }
        meters.getMeters().forEach(m -> texts.add(m.getId().toString()));
        assertFalse(texts.isEmpty());
        for (String secret : all) {
            texts.forEach(t -> assertFalse(t.contains(secret), "'" + t + "' carries a secret or an id"));
        }
    }
}
