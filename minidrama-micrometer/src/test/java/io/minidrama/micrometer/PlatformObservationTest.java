package io.minidrama.micrometer;

import io.micrometer.common.KeyValue;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.observation.DefaultMeterObservationHandler;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationHandler;
import io.micrometer.observation.tck.TestObservationRegistry;
import io.micrometer.observation.tck.TestObservationRegistryAssert;
import io.minidrama.adapter.fake.InMemoryMiniDramaPlatform;
import io.minidrama.domain.MediaId;
import io.minidrama.domain.error.PlatformException;
import io.minidrama.domain.error.TransportException;
import io.minidrama.domain.media.MediaName;
import io.minidrama.port.AccessToken;
import io.minidrama.port.AccessTokenSource;
import io.minidrama.port.MiniDramaPlatform;
import io.minidrama.port.RetryPolicy;
import io.minidrama.port.RetryingMiniDramaPlatform;
import io.minidrama.port.upload.FileUploadCheckpoints;
import io.minidrama.port.upload.FileUploadRequest;
import io.minidrama.port.upload.FileUploadService;
import io.minidrama.testkit.MiniDramaFixtures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PlatformObservationTest {

    private static final int PART = 5 * 1024 * 1024;

    private final TestObservationRegistry observations = TestObservationRegistry.create();
    private final MeterRegistry meters = new SimpleMeterRegistry();
    private final List<Observation.Context> handled = new ArrayList<>();
    private final InMemoryMiniDramaPlatform fake = InMemoryMiniDramaPlatform.builder().retryPolicy(RetryPolicy.none()).build();
    private final MiniDramaPlatform platform;

    PlatformObservationTest() {
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
        platform = MiniDramaObservations.observe(
                RetryingMiniDramaPlatform.wrap(fake, RetryPolicy.defaults(), wait -> { }, fake.clock(), () -> 0.0)
                        .withListener(MiniDramaObservations.retryListener(observations)),
                observations);
    }

    private List<Observation.Context> named(String name) {
        synchronized (handled) {
            return handled.stream().filter(c -> c.getName().equals(name)).toList();
        }
    }

    private static Map<String, String> tags(Observation.Context c) {
        Map<String, String> m = new TreeMap<>();
        for (KeyValue kv : c.getLowCardinalityKeyValues()) {
            m.put(kv.getKey(), kv.getValue());
        }
        return m;
    }

    @Test
    void oneChunkedUpload_withABusyPart_isObservedCallByCall_withOneRetry_andMeteredBytesAndParts(@TempDir Path dir) throws Exception {
        byte[] video = MiniDramaFixtures.bytes(2 * PART + 1000, 7);
        Path file = dir.resolve("ep1.mp4");
        Files.write(file, video);
        fake.control().failNext("uploadpart", 1, -1);
        MediaId id;
        try (FileUploadService uploads = FileUploadService.builder(platform, FileUploadCheckpoints.in(dir.resolve("checkpoints")))
                .singleUploadThreshold(0).partConcurrency(1).build()) {
            id = uploads.upload(FileUploadRequest.builder(file, MediaName.of(MiniDramaFixtures.DRAMA_NAME, 1))
                    .listener(MiniDramaObservations.uploadListener(meters)).build());
        }

        assertTrue(fake.control().storedMedia(id).isPresent());
        Map<String, Long> perOperation = named(MiniDramaObservations.CALL).stream()
                .collect(Collectors.groupingBy(c -> c.getContextualName(), TreeMap::new, Collectors.counting()));
        assertEquals(Map.of("listmedia", 1L, "applyupload", 1L, "uploadpart", 3L, "commitupload", 1L), perOperation, "namesakes looked up, then the chunked upload");
        TestObservationRegistryAssert.assertThat(observations)
                .hasNumberOfObservationsWithNameEqualTo(MiniDramaObservations.CALL, 6)
                .hasNumberOfObservationsWithNameEqualTo(MiniDramaObservations.RETRY, 1)
                .forAllObservationsWithNameEqualTo(MiniDramaObservations.CALL, call -> call
                        .hasLowCardinalityKeyValue(MiniDramaObservations.OUTCOME, "success")
                        .hasLowCardinalityKeyValue(MiniDramaObservations.ERRCODE, "none")
                        .doesNotHaveError());
        named(MiniDramaObservations.CALL).forEach(c -> assertEquals(c.getContextualName(), tags(c).get(MiniDramaObservations.OPERATION)));

        Observation.Context retry = named(MiniDramaObservations.RETRY).get(0);
        assertEquals(Map.of("operation", "uploadpart", "outcome", "platform_error", "errcode.class", "system_busy"), tags(retry));
        Observation.Context retriedCall = retry.getParentObservation().getContextView() instanceof Observation.Context c ? c : null;
        assertEquals("uploadpart", retriedCall == null ? null : retriedCall.getContextualName(), "the retry's span is a child of the call's");

        assertEquals(3, meters.get(MiniDramaObservations.CALL).tags("operation", "uploadpart", "outcome", "success").timer().count());
        assertEquals(1, meters.get(MiniDramaObservations.RETRY).tags("operation", "uploadpart").timer().count());
        assertEquals(1, meters.get(MiniDramaObservations.CALL + "." + MiniDramaObservations.RETRY).tags("operation", "uploadpart").counter().count());
        assertEquals(video.length, meters.get(MiniDramaObservations.UPLOAD_BYTES).counter().count());
        assertEquals(3, meters.get(MiniDramaObservations.UPLOAD_PARTS).counter().count());
        assertEquals(3, meters.get(MiniDramaObservations.UPLOAD_THROUGHPUT).summary().count());
    }

    @Test
    void aRefusedCall_isTaggedWithItsOutcomeAndErrcodeClass_neverItsIds() {
        fake.control().failNext("getmedia", 1, 10093030);

        assertThrows(PlatformException.class, () -> platform.getMedia(MediaId.of(987654321L)));

        Observation.Context call = named(MiniDramaObservations.CALL).get(0);
        assertEquals(Map.of("operation", "getmedia", "outcome", "platform_error", "errcode.class", "resource_not_found"), tags(call));
        assertTrue(call.getError() instanceof PlatformException);
        assertTrue(call.getHighCardinalityKeyValues().stream().noneMatch(kv -> kv.getValue().contains("987654321")));
        assertEquals(0, named(MiniDramaObservations.RETRY).size(), "10093030 is not retried");
    }

    @Test
    void aTransportFault_isTaggedTransportError_afterItsRetries() {
        fake.control().failNextWithTransportFault("getmedia", 4);

        assertThrows(TransportException.class, () -> platform.getMedia(MediaId.of(1)));

        assertEquals("transport_error", tags(named(MiniDramaObservations.CALL).get(0)).get(MiniDramaObservations.OUTCOME));
        assertEquals(3, named(MiniDramaObservations.RETRY).size());
        assertEquals(4.0, meters.get(MiniDramaObservations.RETRY).tags(Tags.of("outcome", "transport_error")).timer().count()
                + meters.get(MiniDramaObservations.CALL).tags("outcome", "transport_error").timer().count());
    }

    @Test
    void tokenFetches_areObserved_withReasonAndOutcome_andNoTokenOrSecretInAnyTag() {
        AccessToken token = new AccessToken("TOKEN-abcdef-0123456789", Instant.parse("2030-01-01T00:00:00Z"));
        boolean[] refuse = {false};
        AccessTokenSource source = () -> {
            if (refuse[0]) {
                throw new PlatformException("stable_token", 40125, "invalid appsecret", 200);
            }
            return token;
        };
        AccessTokenSource observed = MiniDramaObservations.observe(source, observations);

        assertSame(token, observed.fetch());
        assertSame(token, observed.fetchReplacing(token));
        refuse[0] = true;
        assertThrows(PlatformException.class, observed::fetch);

        List<Map<String, String>> fetches = named(MiniDramaObservations.TOKEN_FETCH).stream().map(PlatformObservationTest::tags).toList();
        assertEquals(List.of(
                Map.of("reason", "fetch", "outcome", "success", "errcode.class", "none"),
                Map.of("reason", "replace_rejected", "outcome", "success", "errcode.class", "none"),
                Map.of("reason", "fetch", "outcome", "platform_error", "errcode.class", "invalid_appsecret")), fetches);
        named(MiniDramaObservations.TOKEN_FETCH).forEach(c -> {
            assertFalse(c.toString().contains(token.value()));
            c.getAllKeyValues().forEach(kv -> assertFalse(kv.getValue().contains("TOKEN")));
        });
    }
}
