package io.minidrama.spring.boot;

import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationHandler;
import io.micrometer.observation.ObservationRegistry;
import io.micrometer.observation.tck.TestObservationRegistry;
import io.micrometer.observation.tck.TestObservationRegistryAssert;
import io.minidrama.emulator.MiniDramaEmulator;
import io.minidrama.events.ComponentEventReceiver;
import io.minidrama.micrometer.MiniDramaObservations;
import io.minidrama.port.component.ComponentAuthorizationException;
import io.minidrama.port.component.ComponentStore;
import io.minidrama.port.component.InMemoryComponentStore;
import io.minidrama.protocol.component.ComponentTokens;
import io.minidrama.protocol.component.MiniDramaClients;
import io.minidrama.spring.boot.componentapp.ComponentApplication;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A third-party platform's application with the starter and its {@code minidrama.component.*}
 * properties, against the emulator over HTTP: the emulator pushes tickets and authorization events
 * (encrypted) to the webhook, the store keeps them, the authorizer's client calls with its own
 * token, a revocation makes its calls fail fast; no secret in {@code env}, {@code configprops} or
 * the log.
 */
@SpringBootTest(classes = ComponentApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "management.endpoints.web.exposure.include=env,configprops",
        "management.endpoint.env.show-values=always",
        "management.endpoint.configprops.show-values=always",
        "logging.level.io.minidrama=DEBUG"})
@ExtendWith(OutputCaptureExtension.class)
class ComponentApplicationTest {
    private static final String COMPONENT = "wxcomponentboot01";
    private static final String SECRET = "component-secret-boot-0001";
    private static final String PUSH_TOKEN = "push-token-boot-0001";
    private static final String AES_KEY = "abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG";
    private static final MiniDramaEmulator EMULATOR = MiniDramaEmulator.builder().component(COMPONENT, SECRET).start();

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        registry.add("minidrama.base-url", () -> EMULATOR.baseUrl().toString());
        registry.add("minidrama.component.appid", () -> COMPONENT);
        registry.add("minidrama.component.secret", () -> SECRET);
        registry.add("minidrama.component.token", () -> PUSH_TOKEN);
        registry.add("minidrama.component.encoding-aes-key", () -> AES_KEY);
    }

    @LocalServerPort
    int port;
    @Autowired
    ComponentTokens tokens;
    @Autowired
    ComponentStore store;
    @Autowired
    MiniDramaClients clients;
    @Autowired
    ComponentApplication.ComponentInbox inbox;

    @AfterAll
    static void stopEmulator() {
        EMULATOR.close();
    }

    @BeforeEach
    void pushToTheWebhook() {
        EMULATOR.pushComponentEventsTo(URI.create("http://127.0.0.1:" + port + "/minidrama/component/events"), PUSH_TOKEN, AES_KEY);
    }

    @Test
    void ticketAndAuthorizedPushes_reachTheStore_theAuthorizerCalls_andUnauthorizedRevokes(CapturedOutput output) {
        EMULATOR.pushTicket();
        assertTrue(store.ticket(COMPONENT).isPresent(), "the ticket push was not kept: " + EMULATOR.componentPushLog());
        EMULATOR.authorizeComponent("wxauthorizer01", Set.of(153, 157));
        assertTrue(store.grant(COMPONENT, "wxauthorizer01").isPresent(), "the authorized push was not handled: " + EMULATOR.componentPushLog());

        clients.client("wxauthorizer01").authorizedApps();
        assertEquals(1, EMULATOR.component().operationCallsByAuthorizer().get("wxauthorizer01"), "the call ran with the authorizer's token");

        EMULATOR.revokeComponent("wxauthorizer01");
        assertTrue(store.grant(COMPONENT, "wxauthorizer01").orElseThrow().revoked(), "the unauthorized push revoked the grant");
        int callsBefore = EMULATOR.component().operationCallsByAuthorizer().get("wxauthorizer01");
        ComponentAuthorizationException revoked = assertThrows(ComponentAuthorizationException.class,
                () -> clients.client("wxauthorizer01").authorizedApps());
        assertEquals(ComponentAuthorizationException.Reason.REVOKED, revoked.reason());
        assertEquals(callsBefore, EMULATOR.component().operationCallsByAuthorizer().get("wxauthorizer01"), "failed fast, without a call");

        assertEquals(List.of("component_verify_ticket -> 200 success", "authorized -> 200 success", "unauthorized -> 200 success"),
                EMULATOR.componentPushLog().subList(EMULATOR.componentPushLog().size() - 3, EMULATOR.componentPushLog().size()));
        assertTrue(inbox.types().containsAll(List.of("component_verify_ticket", "authorized", "unauthorized")), inbox.types().toString());
        assertEquals(List.of(), EMULATOR.wireProblems());
        assertNoSecretIn(output.getAll(), "the log");
        assertNoSecretIn(revoked.getMessage() + tokens + store + clients, "messages and toString()");
    }

    @Test
    void aForgedPush_isRefused400_withItsReasonOnly() throws Exception {
        HttpResponse<String> response = post("/minidrama/component/events?timestamp=1&nonce=n&msg_signature=forged",
                "<xml><AppId>" + COMPONENT + "</AppId><Encrypt>AAAA</Encrypt></xml>");
        assertEquals(400, response.statusCode());
        assertTrue(response.body().startsWith("rejected: "), response.body());
        assertFalse(response.body().contains(PUSH_TOKEN) || response.body().contains(AES_KEY), response.body());
    }

    @Test
    void actuatorEnvAndConfigprops_showTheAppid_neverASecret() throws Exception {
        String env = get("/actuator/env");
        String configprops = get("/actuator/configprops");
        assertTrue(env.contains("minidrama.component.secret") && env.contains("minidrama.component.encoding-aes-key"), "the keys are listed");
        assertTrue(env.contains(COMPONENT) && configprops.contains(COMPONENT), "values are shown (show-values=always), so the test can fail");
        assertNoSecretIn(env, "/actuator/env");
        assertNoSecretIn(configprops, "/actuator/configprops");
    }

    // ------------------------------------------------------------------ conditions, without a web server

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(MiniDramaAutoConfiguration.class, MiniDramaComponentAutoConfiguration.class))
            .withPropertyValues("minidrama.component.appid=" + COMPONENT, "minidrama.component.secret=" + SECRET,
                    "minidrama.base-url=" + EMULATOR.baseUrl());

    @Test
    void withoutAComponentAppid_thereIsNoComponentBean() {
        new ApplicationContextRunner().withConfiguration(AutoConfigurations.of(MiniDramaAutoConfiguration.class,
                MiniDramaComponentAutoConfiguration.class)).run(context -> {
                    assertEquals(0, context.getBeanNamesForType(ComponentTokens.class).length);
                    assertEquals(0, context.getBeanNamesForType(MiniDramaClients.class).length);
                });
    }

    @Test
    void withoutAPushToken_theClientsButNoReceiver_andMemoryWithoutRedis() {
        runner.run(context -> {
            assertNotNull(context.getBean(MiniDramaClients.class));
            assertEquals(0, context.getBeanNamesForType(ComponentEventReceiver.class).length);
            assertInstanceOf(InMemoryComponentStore.class, context.getBean(ComponentStore.class));
        });
    }

    @Test
    void anAuthorizersCalls_areObservedLikeTheMainClients_withoutTheAppidAsATag() {
        TestObservationRegistry observations = TestObservationRegistry.create();
        runner.withBean(ObservationRegistry.class, () -> observations).run(context -> {
            ComponentTokens componentTokens = context.getBean(ComponentTokens.class);
            componentTokens.acceptTicket(EMULATOR.component().issueTicket(), Instant.now());
            componentTokens.authorize(EMULATOR.component().authorize("wxauthorizerobs1", Set.of(153, 157)));

            context.getBean(MiniDramaClients.class).client("wxauthorizerobs1").authorizedApps();

            TestObservationRegistryAssert.assertThat(observations)
                    .hasNumberOfObservationsWithNameEqualTo(MiniDramaObservations.CALL, 1)
                    .hasObservationWithNameEqualTo(MiniDramaObservations.CALL).that()
                    .hasLowCardinalityKeyValue("operation", "getauthorizeapps")
                    .hasLowCardinalityKeyValue("outcome", "success")
                    .doesNotHaveHighCardinalityKeyValueWithKey("appid")
                    .satisfies(call -> assertFalse(call.getAllKeyValues().toString().contains("wxauthorizerobs1"), call.getAllKeyValues().toString()));
        });
    }

    @Test
    void anAuthorizerTokenRefresh_isObservedAsAComponentCall_withItsOutcome_neverAnAppidOrToken() {
        TestObservationRegistry observations = TestObservationRegistry.create();
        List<Observation.Context> stopped = new ArrayList<>();
        observations.observationConfig().observationHandler(new ObservationHandler<>() {
            @Override
            public boolean supportsContext(Observation.Context context) {
                return true;
            }

            @Override
            public void onStop(Observation.Context context) {
                synchronized (stopped) {
                    stopped.add(context);
                }
            }
        });
        runner.withBean(ObservationRegistry.class, () -> observations).run(context -> {
            ComponentTokens componentTokens = context.getBean(ComponentTokens.class);
            ComponentStore componentStore = context.getBean(ComponentStore.class);
            componentTokens.acceptTicket(EMULATOR.component().issueTicket(), Instant.now());
            componentTokens.authorize(EMULATOR.component().authorize("wxauthorizerobs2", Set.of(153, 157)));
            // the held token rejected, and the kept refresh token lost (61023): the renewal finds the current one
            componentTokens.accessTokens("wxauthorizerobs2").invalidate(componentTokens.authorizerToken("wxauthorizerobs2"));
            String staleRefreshToken = "refreshtoken@@@stale-obs2";
            componentStore.putGrant(COMPONENT, "wxauthorizerobs2",
                    componentStore.grant(COMPONENT, "wxauthorizerobs2").orElseThrow().withRefreshToken(staleRefreshToken));

            context.getBean(MiniDramaClients.class).client("wxauthorizerobs2").authorizedApps();

            List<String> components;
            synchronized (stopped) {
                components = stopped.stream().filter(c -> c.getName().equals(MiniDramaObservations.COMPONENT_CALL))
                        .map(c -> c.getLowCardinalityKeyValue("operation").getValue() + " " + c.getLowCardinalityKeyValue("outcome").getValue()
                                + " " + c.getLowCardinalityKeyValue("errcode.class").getValue())
                        .toList();
            }
            assertEquals(List.of("api_component_token success none", "api_query_auth success none",
                    "api_authorizer_token platform_error refresh_token_invalid", "api_get_authorizer_list success none",
                    "api_authorizer_token success none"), components, "the token fetch, the authorization, then the refresh");
            TestObservationRegistryAssert.assertThat(observations)
                    .hasNumberOfObservationsWithNameEqualTo(MiniDramaObservations.COMPONENT_CALL, 5)
                    .hasNumberOfObservationsWithNameEqualTo(MiniDramaObservations.CALL, 1);
            List<String> forbidden = new ArrayList<>(List.of(COMPONENT, SECRET, "wxauthorizerobs2", staleRefreshToken));
            forbidden.addAll(EMULATOR.component().issuedSecrets());
            synchronized (stopped) {
                for (Observation.Context c : stopped) {
                    String text = c.getName() + " " + c.getContextualName() + " " + c.getAllKeyValues();
                    forbidden.forEach(f -> assertFalse(text.contains(f), text));
                }
            }
        });
    }

    @Test
    void aPushTokenWithoutTheAesKey_failsAtStartup_namingTheProperty_notTheToken() {
        runner.withPropertyValues("minidrama.component.token=" + PUSH_TOKEN).run(context -> {
            Throwable root = context.getStartupFailure();
            assertNotNull(root);
            while (root.getCause() != null) {
                root = root.getCause();
            }
            assertTrue(root.getMessage().startsWith("minidrama.component.encoding-aes-key is required"), root.getMessage());
            assertNoSecretIn(String.valueOf(context.getStartupFailure()), "the startup failure");
        });
    }

    @Test
    void aMissingSecret_failsAtStartup_namingTheProperty() {
        new ApplicationContextRunner().withConfiguration(AutoConfigurations.of(MiniDramaAutoConfiguration.class,
                MiniDramaComponentAutoConfiguration.class)).withPropertyValues("minidrama.component.appid=" + COMPONENT).run(context -> {
                    Throwable root = context.getStartupFailure();
                    assertNotNull(root);
                    while (root.getCause() != null) {
                        root = root.getCause();
                    }
                    assertEquals("minidrama.component.secret is required (the third-party platform's AppSecret)", root.getMessage());
                });
    }

    @Test
    void storeRedis_withoutAClient_failsAtStartup() {
        runner.withPropertyValues("minidrama.component.store=redis").run(context -> {
            Throwable root = context.getStartupFailure();
            assertNotNull(root, "must not fall back to memory silently");
            while (root.getCause() != null) {
                root = root.getCause();
            }
            assertTrue(root.getMessage().startsWith("minidrama.component.store=redis needs"), root.getMessage());
        });
    }

    private void assertNoSecretIn(String text, String where) {
        List<String> secrets = new ArrayList<>(EMULATOR.component().issuedSecrets());
        secrets.add(SECRET);
        secrets.add(PUSH_TOKEN);
        secrets.add(AES_KEY);
        for (String secret : secrets) {
            assertFalse(text.contains(secret), where + " shows a secret");
        }
    }

    private String get(String path) throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).GET().build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, response.statusCode(), path);
        return response.body();
    }

    private HttpResponse<String> post(String path, String body) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }
}
