package io.minidrama.protocol.internal;

import io.minidrama.protocol.internal.dto.VodWire;
import io.minidrama.protocol.internal.dto.Wire;
import io.minidrama.domain.error.MiniDramaException;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.Function;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * Fuzzes the response decoding every call goes through ({@link ResponseReader} into the wire
 * DTOs, then {@link Mapping} into domain values): arbitrary and mutated bodies, any HTTP status,
 * give a value or a {@link MiniDramaException}, never another exception.
 */
class ResponseDecodingFuzzTest {

    /** A response type, a valid body of it, and the mapping the adapter applies to it. */
    private record Kind(Class<? extends Wire.Envelope> type, String valid, Function<Wire.Envelope, Object> mapping) {
        @Override
        public String toString() {
            return type.getSimpleName();
        }
    }

    private static final String MEDIA_INFO = "{\"media_id\":281,\"create_time\":1700000000,\"expire_time\":1800000000,\"drama_id\":7,"
            + "\"file_size\":\"9849163\",\"duration\":120,\"name\":\"剧 - 第1集\",\"description\":\"d\",\"cover_url\":\"https://c/x.jpg\","
            + "\"original_url\":\"https://o/x\",\"mp4_url\":\"https://m/x.mp4\",\"hls_url\":\"https://h/x.m3u8\","
            + "\"audit_detail\":{\"status\":3,\"create_time\":1700000000,\"audit_time\":1700000100,\"reason\":\"\","
            + "\"evidence_material_id_list\":[\"m1\"]}}";
    private static final String DRAMA_INFO = "{\"drama_id\":7,\"create_time\":1700000000,\"name\":\"剧\",\"playwright\":\"p\",\"producer\":\"q\","
            + "\"production_license\":\"l\",\"cover_url\":\"https://c/x.jpg\",\"media_count\":2,\"description\":\"d\","
            + "\"media_list\":[{\"media_id\":1},{\"media_id\":2}],\"audit_detail\":{\"status\":1,\"create_time\":1700000000,\"audit_time\":0},"
            + "\"expedited\":0,\"status\":1}";
    private static final String OK = "\"errcode\":0,\"errmsg\":\"ok\",";

    private static final List<Kind> KINDS = List.of(
            new Kind(Wire.TokenResponse.class, "{\"access_token\":\"T0KEN\",\"expires_in\":7200}", r -> r),
            new Kind(Wire.PullUploadResponse.class, "{" + OK + "\"task_id\":8}", r -> r),
            new Kind(Wire.TaskResponse.class, "{" + OK + "\"task_info\":{\"id\":8,\"task_type\":1,\"status\":3,\"errcode\":0,\"errmsg\":\"\","
                    + "\"create_time\":1700000000,\"finish_time\":1700000060,\"media_id\":281}}",
                    r -> Mapping.task(((Wire.TaskResponse) r).taskInfo, new io.minidrama.domain.TaskId(8))),
            new Kind(Wire.ApplyUploadResponse.class, "{" + OK + "\"upload_id\":\"9x8y\"}", r -> r),
            new Kind(Wire.UploadPartResponse.class, "{" + OK + "\"etag\":\"\\\"d8993f\\\"\"}", r -> r),
            new Kind(Wire.MediaIdResponse.class, "{" + OK + "\"media_id\":281}", r -> r),
            new Kind(Wire.ListMediaResponse.class, "{" + OK + "\"media_info_list\":[" + MEDIA_INFO + "]}",
                    r -> Mapping.mediaList(((Wire.ListMediaResponse) r).mediaInfoList)),
            new Kind(Wire.GetMediaResponse.class, "{" + OK + "\"media_info\":" + MEDIA_INFO + "}",
                    r -> Mapping.media(((Wire.GetMediaResponse) r).mediaInfo)),
            new Kind(Wire.EmptyResponse.class, "{\"errcode\":0,\"errmsg\":\"ok\"}", r -> r),
            new Kind(Wire.AuditDramaResponse.class, "{" + OK + "\"drama_id\":7}", r -> r),
            new Kind(Wire.ListDramasResponse.class, "{" + OK + "\"drama_info_list\":[" + DRAMA_INFO + "]}",
                    r -> Mapping.dramaList(((Wire.ListDramasResponse) r).dramaInfoList)),
            new Kind(Wire.GetDramaResponse.class, "{" + OK + "\"drama_info\":" + DRAMA_INFO + "}",
                    r -> Mapping.drama(((Wire.GetDramaResponse) r).dramaInfo)),
            new Kind(VodWire.CdnLogsResponse.class, "{" + OK + "\"total_count\":1,\"domestic_cdn_logs\":[{\"date\":20240101,\"name\":\"n\","
                    + "\"url\":\"https://l/x\",\"start_time\":1700000000,\"end_time\":1700003600}]}",
                    r -> VodWire.cdnLogs((VodWire.CdnLogsResponse) r)));

    /**
     * What the adapter does with a response: read, then map; a mapping failure is wrapped as
     * {@code UnexpectedResponseException} by the adapter, so here it must at least be a
     * {@link RuntimeException} thrown for a reason (checked below as "typed or mapped").
     */
    private static Object decode(Kind kind, int status, String body) {
        Wire.Envelope dto = ResponseReader.read("fuzz", false, new Exchange.Response(status, "application/json",
                body.getBytes(StandardCharsets.UTF_8)), kind.type(), "T0KEN");
        return dto;
    }

    private static final java.util.concurrent.ExecutorService WORKER = java.util.concurrent.Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "fuzz-decode");
        t.setDaemon(true);
        return t;
    });

    /** Decodes on a worker thread, so that a decoder that never returns fails the property instead of the build. */
    private static Object decodeWithin(Kind kind, int status, String body) {
        java.util.concurrent.Future<Object> f = WORKER.submit(() -> decode(kind, status, body));
        try {
            return f.get(5, java.util.concurrent.TimeUnit.SECONDS);
        } catch (java.util.concurrent.TimeoutException e) {
            f.cancel(true);
            throw new AssertionError(kind + " HTTP " + status + ": decoding did not return within 5 s: " + body);
        } catch (java.util.concurrent.ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            throw new AssertionError(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    private static void valueOrTyped(Kind kind, int status, String body) {
        try {
            decodeWithin(kind, status, body);
        } catch (MiniDramaException expected) {
            // a typed error
        } catch (RuntimeException e) {
            throw new AssertionError(kind + " HTTP " + status + " body " + body + " threw " + e, e);
        }
    }

    @Provide
    Arbitrary<Kind> kinds() {
        return Arbitraries.of(KINDS);
    }

    @Provide
    Arbitrary<Integer> statuses() {
        return Arbitraries.oneOf(Arbitraries.of(200, 200, 200, 400, 404, 500, 502, 503), Arbitraries.integers().between(100, 599));
    }

    @Provide
    Arbitrary<String> arbitraryBodies() {
        Arbitrary<String> jsonish = Arbitraries.strings().withChars("{}[]\":,0123456789.-+eEtruefalsn \\u\t\n").ofMaxLength(80);
        return Arbitraries.oneOf(Arbitraries.strings().ofMaxLength(200), jsonish, jsonish.map(s -> "{" + s));
    }

    /** A valid body with 1..4 edits: delete, insert, replace a span, truncate, or swap a value for another JSON type. */
    @Provide
    Arbitrary<String[]> mutatedBodies() {
        Arbitrary<String> pieces = Arbitraries.of("", "{", "}", "[", "]", "\"", ",", ":", "null", "true", "1e400", "-1",
                "9223372036854775808", "\"\"", "[]", "{}", "\"x\"", "0.5", "\\u0000", "\\", "\"errcode\":40001", "\"errcode\":\"-1\"");
        return Combinators.combine(kinds(), Arbitraries.integers().between(1, 4), Arbitraries.longs())
                .as((kind, edits, seed) -> {
                    java.util.Random r = new java.util.Random(seed);
                    StringBuilder b = new StringBuilder(kind.valid());
                    List<String> p = pieces.sampleStream().limit(edits).toList();
                    for (int i = 0; i < edits; i++) {
                        int at = r.nextInt(b.length() + 1);
                        switch (r.nextInt(4)) {
                            case 0 -> b.delete(at, Math.min(b.length(), at + 1 + r.nextInt(6)));
                            case 1 -> b.insert(at, p.get(i));
                            case 2 -> b.replace(at, Math.min(b.length(), at + r.nextInt(12)), p.get(i));
                            default -> b.setLength(at);
                        }
                    }
                    return new String[]{kind.type().getName(), b.toString()};
                });
    }

    private static Kind kindOf(String name) {
        return KINDS.stream().filter(k -> k.type().getName().equals(name)).findFirst().orElseThrow();
    }

    @Property(tries = 1500)
    void read_arbitraryBodies_giveAValueOrATypedError(@ForAll("kinds") Kind kind, @ForAll("statuses") int status,
                                                      @ForAll("arbitraryBodies") String body) {
        valueOrTyped(kind, status, body);
    }

    @Property(tries = 3000)
    void read_mutatedValidBodies_giveAValueOrATypedError(@ForAll("mutatedBodies") String[] mutated, @ForAll("statuses") int status) {
        valueOrTyped(kindOf(mutated[0]), status, mutated[1]);
    }

    @Property(tries = 1500)
    void readAndMap_mutatedValidBodies_giveADomainValueOrAnErrorTheAdapterWraps(@ForAll("mutatedBodies") String[] mutated) {
        Kind kind = kindOf(mutated[0]);
        Object dto;
        try {
            dto = decodeWithin(kind, 200, mutated[1]);
        } catch (MiniDramaException typed) {
            return;
        }
        try {
            kind.mapping().apply((Wire.Envelope) dto);
        } catch (MiniDramaException | IllegalArgumentException | NullPointerException | IllegalStateException
                 | java.time.DateTimeException | ArithmeticException e) {
            // JdkHttpMiniDramaAdapter.map wraps any RuntimeException of a mapping as UnexpectedResponseException
        }
    }

    @Example
    void validBodies_decode() {
        for (Kind k : KINDS) {
            k.mapping().apply(decode(k, 200, k.valid()) instanceof Wire.Envelope e ? e : null);
        }
    }

    @Example
    void read_whenEtagIsAnArrayOrNumber_isATypedErrorNotAnEtag() {
        for (String etag : List.of("[1,2]", "{\"a\":1}", "12", "true")) {
            String body = "{\"errcode\":0,\"errmsg\":\"ok\",\"etag\":" + etag + "}";
            assertThrows(MiniDramaException.class, () -> decode(KINDS.get(4), 200, body), body);
        }
    }

    @Example
    void read_whenUploadIdIsAnObject_isATypedError() {
        assertThrows(MiniDramaException.class, () -> decode(KINDS.get(3), 200, "{\"errcode\":0,\"upload_id\":{\"x\":1}}"));
        assertEquals("9x8y", ((Wire.ApplyUploadResponse) decode(KINDS.get(3), 200, KINDS.get(3).valid())).uploadId);
    }
}
