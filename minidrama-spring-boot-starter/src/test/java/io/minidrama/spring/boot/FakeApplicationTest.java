package io.minidrama.spring.boot;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.observation.ObservationRegistry;
import io.micrometer.observation.tck.TestObservationRegistry;
import io.micrometer.observation.tck.TestObservationRegistryAssert;
import io.minidrama.adapter.fake.FakeControl;
import io.minidrama.adapter.fake.InMemoryMiniDramaPlatform;
import io.minidrama.domain.DramaId;
import io.minidrama.domain.MediaId;
import io.minidrama.domain.event.AuditEvent;
import io.minidrama.domain.media.PlayLink;
import io.minidrama.events.PushEventSigner;
import io.minidrama.events.PushFormat;
import io.minidrama.events.PushMode;
import io.minidrama.events.SignedPush;
import io.minidrama.micrometer.MiniDramaObservations;
import io.minidrama.spring.boot.app.AuditInbox;
import io.minidrama.spring.boot.app.Publisher;
import io.minidrama.spring.boot.app.PublisherApplication;
import io.minidrama.spring.boot.test.AutoConfigureMiniDramaFake;
import io.minidrama.testkit.MiniDramaFixtures;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The same application on the fake (the test slice), as a web application with Actuator: events
 * through the fake and through the webhook, observations, and no secret in the actuator's output.
 * One context for all of it.
 */
@SpringBootTest(classes = PublisherApplication.class, properties = {
        "minidrama.appid=wx0123456789abcdef",
        "minidrama.secret=" + FakeApplicationTest.SECRET,
        "minidrama.base-url=http://127.0.0.1:9",
        "minidrama.events.token=" + FakeApplicationTest.PUSH_TOKEN,
        "minidrama.apps.second.appid=wxfedcba9876543210",
        "minidrama.apps.second.secret=" + FakeApplicationTest.SECOND_SECRET,
        "management.endpoints.web.exposure.include=env,configprops,health",
        "management.endpoint.env.show-values=always",
        "management.endpoint.configprops.show-values=always"})
@AutoConfigureMiniDramaFake
@AutoConfigureMockMvc
@Import(FakeApplicationTest.Observations.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class FakeApplicationTest {

    static final String SECRET = "main-app-secret-DO-NOT-SHOW";
    static final String SECOND_SECRET = "second-app-secret-DO-NOT-SHOW";
    static final String PUSH_TOKEN = "push-token-DO-NOT-SHOW";

    @TestConfiguration(proxyBeanMethods = false)
    static class Observations {
        @Bean
        ObservationRegistry observationRegistry() {
            return TestObservationRegistry.create();
        }
    }

    @Autowired
    Publisher publisher;
    @Autowired
    FakeControl platform;
    @Autowired
    InMemoryMiniDramaPlatform fake;
    @Autowired
    AuditInbox inbox;
    @Autowired
    MockMvc mvc;
    @Autowired
    ObservationRegistry observations;
    @Autowired
    MeterRegistry meters;
    @Autowired
    MiniDramaApps apps;

    @BeforeEach
    void clear() {
        inbox.clear();
        ((TestObservationRegistry) observations).clear();
    }

    private DramaId publish(Path dir) throws Exception {
        Path video = dir.resolve("ep1.mp4");
        Files.write(video, MiniDramaFixtures.tinyVideo());
        MediaId episode = publisher.upload(video, MiniDramaFixtures.episode(1));
        return publisher.submit(MiniDramaFixtures.aDrama(), List.of(episode));
    }

    @Test
    void onTheFake_uploadSubmitApprove_reachesTheAuditListener_andGetsAPlayLink(@TempDir Path dir) throws Exception {
        DramaId drama = publish(dir);

        platform.approveDrama(drama);
        PlayLink link = publisher.firstEpisodeLink(drama);

        assertFalse(link.mp4Url().isEmpty());
        assertEquals(1, inbox.audits().size());
        assertEquals(drama, inbox.audits().get(0).dramaId());
        assertTrue(inbox.audits().get(0).status().isApproved());
        assertEquals(List.of("singlefileupload"), platform.recordedCalls().stream().map(c -> c.operation())
                .filter(op -> op.contains("upload")).toList(), "the fake, not the network");
    }

    @Test
    void everyCallOnTheFake_isObserved_withOperationAndOutcome_andMetered(@TempDir Path dir) throws Exception {
        DramaId drama = publish(dir);
        platform.approveDrama(drama);
        publisher.firstEpisodeLink(drama);

        TestObservationRegistryAssert.assertThat((TestObservationRegistry) observations)
                .forAllObservationsWithNameEqualTo(MiniDramaObservations.CALL, o -> o.hasLowCardinalityKeyValue("outcome", "success"))
                .hasAnObservationWithAKeyValue("operation", "singlefileupload")
                .hasAnObservationWithAKeyValue("operation", "auditdrama")
                .hasAnObservationWithAKeyValue("operation", "getmedialink");
        assertTrue(meters.get(MiniDramaObservations.CALL).tags("operation", "auditdrama", "outcome", "success").timer().count() >= 1);
    }

    @Test
    void webhook_answersTheUrlCheck_deliversAPushOnce_andRefusesABadSignature() throws Exception {
        PushEventSigner signer = PushEventSigner.builder().token(PUSH_TOKEN).mode(PushMode.PLAIN).format(PushFormat.XML).build();
        SignedPush check = signer.urlVerification("echo-123");
        mvc.perform(get("/minidrama/events?" + check.queryString())).andExpect(status().isOk()).andExpect(content().string("echo-123"));

        DramaId drama = publish(Files.createTempDirectory("ep"));
        platform.approveDrama(drama);
        AuditEvent fromTheFake = inbox.audits().get(0);
        inbox.clear();
        SignedPush push = signer.sign(fromTheFake);
        for (int i = 0; i < 2; i++) {
            mvc.perform(post("/minidrama/events?" + push.queryString()).contentType(push.contentType()).content(push.body()))
                    .andExpect(status().isOk()).andExpect(content().string("success"));
        }
        SignedPush forged = PushEventSigner.builder().token("someone-else").mode(PushMode.PLAIN).format(PushFormat.XML).build().sign(fromTheFake);
        MvcResult refused = mvc.perform(post("/minidrama/events?" + forged.queryString()).contentType(forged.contentType()).content(forged.body()))
                .andExpect(status().isBadRequest()).andReturn();

        assertEquals(1, inbox.audits().size(), "delivered once: the replay is dropped");
        assertEquals(drama, inbox.audits().get(0).dramaId());
        assertEquals("rejected: BAD_SIGNATURE", refused.getResponse().getContentAsString());
    }

    @Test
    void secrets_neverAppearInActuatorEnvOrConfigprops_orInToStrings() throws Exception {
        String env = mvc.perform(get("/actuator/env")).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        String configprops = mvc.perform(get("/actuator/configprops")).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();

        assertTrue(env.contains("minidrama.secret") && env.contains("minidrama.apps.second.secret"), "the keys are listed");
        assertTrue(env.contains("wx0123456789abcdef"), "values are shown (show-values=always), so the test can fail");
        assertTrue(configprops.contains("wxfedcba9876543210"), "values are shown (show-values=always), so the test can fail");
        for (String secret : List.of(SECRET, SECOND_SECRET, PUSH_TOKEN)) {
            assertFalse(env.contains(secret), "env shows " + secret);
            assertFalse(configprops.contains(secret), "configprops shows " + secret);
        }
        assertEquals("******", MiniDramaSecret.of(SECRET).toString());
        assertFalse(apps.toString().contains(SECOND_SECRET));
        assertFalse(apps.get("second").platform().toString().contains(SECOND_SECRET));
    }

    @Test
    @Order(Integer.MAX_VALUE)
    void afterTheOtherTests_theFakeStartsEmpty_soTestsSharingTheContextDoNotSeeEachOther() {
        assertEquals(List.of(), platform.recordedCalls());
        assertEquals(List.of(), fake.listDramas(io.minidrama.domain.PageRequest.first()));
    }

    @Test
    void theSlice_replacesThePlatform_withTheFake_andKeepsTheOtherAppsReal() {
        assertSame(fake.control(), platform);
        assertEquals(java.util.Set.of("second"), apps.names());
        assertEquals("wxfedcba9876543210", apps.get("second").appId());
    }
}
