package io.minidrama.micrometer;

import io.micrometer.observation.ObservationRegistry;
import io.micrometer.tracing.handler.DefaultTracingObservationHandler;
import io.micrometer.tracing.test.simple.SimpleSpan;
import io.micrometer.tracing.test.simple.SimpleTracer;
import io.minidrama.adapter.fake.InMemoryComponentPlatform;
import io.minidrama.adapter.fake.InMemoryMiniDramaPlatform;
import io.minidrama.domain.MediaId;
import io.minidrama.domain.error.PlatformException;
import io.minidrama.domain.media.MediaName;
import io.minidrama.port.AccessToken;
import io.minidrama.port.AccessTokenSource;
import io.minidrama.port.MiniDramaPlatform;
import io.minidrama.port.RetryPolicy;
import io.minidrama.port.RetryingMiniDramaPlatform;
import io.minidrama.port.component.Authorization;
import io.minidrama.port.component.ComponentPort;
import io.minidrama.port.upload.FileUploadCheckpoints;
import io.minidrama.port.upload.FileUploadRequest;
import io.minidrama.port.upload.FileUploadService;
import io.minidrama.testkit.MiniDramaFixtures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * The observations as Micrometer Tracing turns them into spans ({@link SimpleTracer} behind
 * {@link DefaultTracingObservationHandler}, as any tracing bridge is): names, parents and tags of
 * the spans of one upload and of a token fetch; no id, name, path or token in any tag.
 */
class SpanTest {
    private static final int PART = 5 * 1024 * 1024;

    private final SimpleTracer tracer = new SimpleTracer();
    private final ObservationRegistry observations = ObservationRegistry.create();
    private final InMemoryMiniDramaPlatform fake = InMemoryMiniDramaPlatform.builder().retryPolicy(RetryPolicy.none()).build();
    private final MiniDramaPlatform platform;

    SpanTest() {
        observations.observationConfig().observationHandler(new DefaultTracingObservationHandler(tracer));
        platform = MiniDramaObservations.observe(
                RetryingMiniDramaPlatform.wrap(fake, RetryPolicy.defaults(), wait -> { }, fake.clock(), () -> 0.0)
                        .withListener(MiniDramaObservations.retryListener(observations)),
                observations);
    }

    @Test
    void oneChunkedUpload_isOneSpanPerCall_namedByOperation_withTheRetryAsAChildSpan_andLowCardinalityTagsOnly(@TempDir Path dir)
            throws Exception {
        Path file = dir.resolve("secret-episode-file-name.mp4");
        Files.write(file, MiniDramaFixtures.bytes(2 * PART + 1000, 7));
        fake.control().failNext("uploadpart", 1, -1);
        MediaId id;
        try (FileUploadService uploads = FileUploadService.builder(platform, FileUploadCheckpoints.in(dir.resolve("checkpoints")))
                .singleUploadThreshold(0).partConcurrency(1).build()) {
            id = uploads.upload(FileUploadRequest.builder(file, MediaName.of(MiniDramaFixtures.DRAMA_NAME, 1)).build());
        }

        List<SimpleSpan> spans = List.copyOf(tracer.getSpans());
        Map<String, Long> names = spans.stream().collect(Collectors.groupingBy(SimpleSpan::getName, TreeMap::new, Collectors.counting()));
        assertEquals(Map.of("listmedia", 1L, "applyupload", 1L, "uploadpart", 3L, "commitupload", 1L, "uploadpart retry", 1L), names);

        for (SimpleSpan span : spans) {
            if (span.getName().endsWith(" retry")) {
                assertEquals(Map.of("operation", "uploadpart", "outcome", "platform_error", "errcode.class", "system_busy"), span.getTags());
            } else {
                assertEquals(Map.of("operation", span.getName(), "outcome", "success", "errcode.class", "none"), span.getTags(),
                        "exactly the low-cardinality tags, nothing of high cardinality");
                assertNull(span.getError());
            }
            assertNotNull(span.getEndTimestamp(), span.getName() + " ended");
        }

        SimpleSpan retry = spans.stream().filter(s -> s.getName().equals("uploadpart retry")).findFirst().orElseThrow();
        SimpleSpan parent = spans.stream().filter(s -> s.getSpanId().equals(retry.getParentId())).findFirst()
                .orElseThrow(() -> new AssertionError("the retry's span has no parent among the spans"));
        assertEquals("uploadpart", parent.getName(), "the retry is a child of the call it retried");
        assertEquals(parent.getTraceId(), retry.getTraceId());
        assertEquals(1, parent.getEvents().stream().filter(e -> e.getValue().equals(MiniDramaObservations.RETRY)).count(),
                "the retried call's span carries the retry event");

        assertNoneCarries(spans, Long.toString(id.value()), MiniDramaFixtures.DRAMA_NAME, "secret-episode-file-name", dir.toString());
    }

    @Test
    void aTokenFetch_isASpan_withItsReasonAndOutcome_neverTheToken() {
        AccessToken token = new AccessToken("TOKEN-VALUE-never-in-a-span", Instant.parse("2026-12-01T00:00:00Z"));
        AccessTokenSource observed = MiniDramaObservations.observe(() -> token, observations);

        observed.fetch();

        SimpleSpan span = tracer.onlySpan();
        assertEquals("token fetch", span.getName());
        assertEquals(Map.of("reason", "fetch", "outcome", "success", "errcode.class", "none"), span.getTags());
        assertNoneCarries(List.of(span), token.value());
    }

    @Test
    void aRefusedCall_isASpanWithTheError_andItsErrcodeClass_neverTheId() {
        fake.control().failNext("getmedia", 1, 10093030);

        assertThrows(PlatformException.class, () -> platform.getMedia(MediaId.of(987654321L)));

        SimpleSpan span = tracer.onlySpan();
        assertEquals("getmedia", span.getName());
        assertEquals(Map.of("operation", "getmedia", "outcome", "platform_error", "errcode.class", "resource_not_found"), span.getTags());
        assertInstanceOf(PlatformException.class, span.getError());
        assertNoneCarries(List.of(span), "987654321");
    }

    @Test
    void anAuthorizerTokenRefresh_isASpanNamedAfterItsOperation_neverTheAppidsOrTokens() {
        InMemoryComponentPlatform component = InMemoryComponentPlatform.builder("wxcomponentspan1", "component-secret-span").build();
        ComponentPort port = MiniDramaObservations.observe(component, observations);
        AccessToken componentToken = component.componentToken("wxcomponentspan1", "component-secret-span", component.issueTicket());
        Authorization auth = component.queryAuth("wxcomponentspan1", componentToken.value(),
                component.authorize("wxauthorizerspan1", Set.of(153)));

        port.authorizerToken("wxcomponentspan1", componentToken.value(), "wxauthorizerspan1", auth.token().refreshToken());

        SimpleSpan span = tracer.onlySpan();
        assertEquals("api_authorizer_token", span.getName());
        assertEquals(Map.of("operation", "api_authorizer_token", "outcome", "success", "errcode.class", "none"), span.getTags());
        assertNotNull(span.getEndTimestamp());
        List<String> secrets = new java.util.ArrayList<>(component.issuedSecrets());
        secrets.addAll(List.of("wxcomponentspan1", "component-secret-span", "wxauthorizerspan1"));
        assertNoneCarries(List.of(span), secrets.toArray(String[]::new));
    }

    private static void assertNoneCarries(List<SimpleSpan> spans, String... secrets) {
        for (SimpleSpan span : spans) {
            Set<String> texts = new java.util.HashSet<>(span.getTags().values());
            texts.add(span.getName());
            span.getEvents().forEach(e -> texts.add(e.getValue()));
            for (String secret : secrets) {
                texts.forEach(t -> assertFalse(t.contains(secret), span.getName() + " carries '" + secret + "': " + t));
            }
        }
    }
}
