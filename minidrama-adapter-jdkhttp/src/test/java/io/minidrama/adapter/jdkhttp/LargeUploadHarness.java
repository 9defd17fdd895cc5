package io.minidrama.adapter.jdkhttp;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.minidrama.domain.Etag;
import io.minidrama.domain.MediaId;
import io.minidrama.domain.UploadId;
import io.minidrama.domain.media.ApplyUpload;
import io.minidrama.domain.media.ByteSource;
import io.minidrama.domain.media.MediaName;
import io.minidrama.domain.media.PartPlan;
import io.minidrama.domain.media.PartUpload;
import io.minidrama.domain.media.ResourceType;
import io.minidrama.domain.media.UploadLimits;
import io.minidrama.domain.media.UploadSession;
import io.minidrama.domain.media.VideoFormat;
import io.minidrama.port.AccessToken;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Not a unit test: uploads a 500 MB file in 100 parts through the adapter to a local server that
 * streams and discards the bodies, and prints wall time, throughput and peak heap. Run it in a
 * small heap to show that uploads stream:
 *
 * <pre>java -Xmx64m -cp target/classes:target/test-classes:$(cat /tmp/cp.txt) \
 *     io.minidrama.adapter.jdkhttp.LargeUploadHarness [threads] [dir]</pre>
 */
public final class LargeUploadHarness {
    private static final Pattern PART_NUMBER = Pattern.compile("name=\"part_number\"\r\n\r\n(\\d+)\r\n");

    private LargeUploadHarness() {
    }

    public static void main(String[] args) throws Exception {
        int threads = args.length > 0 ? Integer.parseInt(args[0]) : 4;
        Path dir = args.length > 1 ? Path.of(args[1]) : Path.of(System.getProperty("java.io.tmpdir"));
        long size = UploadLimits.VIDEO_MAX;
        Path file = Files.createTempFile(dir, "harness-500mb-", ".mp4");
        try {
            writeFile(file, size);
            run(file, size, threads);
        } finally {
            Files.deleteIfExists(file);
        }
    }

    private static void writeFile(Path file, long size) throws IOException {
        byte[] block = new byte[1 << 20];
        new Random(42).nextBytes(block);
        try (OutputStream out = Files.newOutputStream(file)) {
            for (long written = 0; written < size; written += block.length) {
                block[0]++;
                out.write(block, 0, (int) Math.min(block.length, size - written));
            }
        }
    }

    private static void run(Path file, long size, int threads) throws Exception {
        System.setProperty("sun.net.httpserver.nodelay", "true");
        AtomicLong received = new AtomicLong();
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 64);
        server.setExecutor(Executors.newFixedThreadPool(threads + 2));
        server.createContext("/", ex -> handle(ex, received));
        server.start();

        List<MemoryPoolMXBean> heapPools = ManagementFactory.getMemoryPoolMXBeans().stream()
                .filter(p -> p.getType() == MemoryType.HEAP).toList();
        System.gc();
        heapPools.forEach(MemoryPoolMXBean::resetPeakUsage);
        AtomicLong sampledPeak = new AtomicLong();
        Thread sampler = new Thread(() -> {
            while (!Thread.currentThread().isInterrupted()) {
                Runtime rt = Runtime.getRuntime();
                sampledPeak.accumulateAndGet(rt.totalMemory() - rt.freeMemory(), Math::max);
                try {
                    Thread.sleep(20);
                } catch (InterruptedException e) {
                    return;
                }
            }
        });
        sampler.setDaemon(true);
        sampler.start();

        JdkHttpMiniDramaAdapter adapter = JdkHttpMiniDramaAdapter.builder()
                .baseUrl("http://127.0.0.1:" + server.getAddress().getPort())
                .tokenSource(() -> new AccessToken("HARNESS_TOKEN", Instant.now().plusSeconds(7200)))
                .build();
        ExecutorService pool = Executors.newFixedThreadPool(threads);

        long start = System.nanoTime();
        UploadId uploadId = adapter.applyUpload(ApplyUpload.of(MediaName.of("压测剧", 1), VideoFormat.MP4));
        UploadSession session = UploadSession.start(uploadId, size);
        List<Future<UploadSession.RecordedPart>> futures = new ArrayList<>();
        for (PartPlan plan : session.plan(ResourceType.VIDEO)) {
            futures.add(pool.submit(() -> {
                Etag etag = adapter.uploadPart(PartUpload.of(uploadId, plan, ByteSource.ofRegion(file, plan.offset(), plan.length())));
                return new UploadSession.RecordedPart(ResourceType.VIDEO, plan.partNumber(), etag);
            }));
        }
        for (Future<UploadSession.RecordedPart> f : futures) {
            UploadSession.RecordedPart p = f.get();
            session = session.recordPart(p.resourceType(), p.partNumber(), UploadLimits.partSize(size, p.partNumber()), p.etag());
        }
        MediaId mediaId = adapter.commitUpload(session.commitRequest());
        double seconds = (System.nanoTime() - start) / 1e9;

        sampler.interrupt();
        pool.shutdown();
        server.stop(0);
        ((ExecutorService) server.getExecutor()).shutdownNow();

        long poolPeak = heapPools.stream().mapToLong(p -> p.getPeakUsage().getUsed()).sum();
        double mb = size / (double) UploadLimits.MB;
        System.out.printf("uploaded %d bytes (%.0f MB) in %d parts with %d threads -> media_id %s%n",
                size, mb, session.recordedParts().size(), threads, mediaId);
        System.out.printf("request bytes received by the server: %d (%.1f MB incl. multipart framing)%n",
                received.get(), received.get() / (double) UploadLimits.MB);
        System.out.printf("wall time %.2f s, %.1f MB/s%n", seconds, mb / seconds);
        System.out.printf("max heap (-Xmx) %.0f MB; peak heap used: %.1f MB (sum of pool peaks), %.1f MB (sampled)%n",
                Runtime.getRuntime().maxMemory() / 1048576.0, poolPeak / 1048576.0, sampledPeak.get() / 1048576.0);
    }

    private static void handle(HttpExchange ex, AtomicLong received) throws IOException {
        String path = ex.getRequestURI().getPath();
        byte[] head = new byte[64 * 1024];
        int headLen = 0;
        long total = 0;
        try (InputStream in = ex.getRequestBody()) {
            byte[] buf = new byte[64 * 1024];
            int n;
            while ((n = in.read(buf)) > 0) {
                if (headLen < head.length) {
                    int copy = Math.min(n, head.length - headLen);
                    System.arraycopy(buf, 0, head, headLen, copy);
                    headLen += copy;
                }
                total += n;
            }
        }
        received.addAndGet(total);
        String reply;
        if (path.endsWith("/applyupload")) {
            reply = "{\"errcode\":0,\"errmsg\":\"ok\",\"upload_id\":\"harness-upload\"}";
        } else if (path.endsWith("/uploadpart")) {
            Matcher m = PART_NUMBER.matcher(new String(head, 0, headLen, StandardCharsets.ISO_8859_1));
            String part = m.find() ? m.group(1) : "0";
            reply = "{\"errcode\":0,\"errmsg\":\"ok\",\"etag\":\"\\\"etag-" + part + "-" + total + "\\\"\"}";
        } else if (path.endsWith("/commitupload")) {
            String body = new String(head, 0, headLen, StandardCharsets.UTF_8);
            boolean complete = body.contains("\"part_number\":100") && total <= head.length;
            reply = complete ? "{\"errcode\":0,\"errmsg\":\"ok\",\"media_id\":500500500}"
                    : "{\"errcode\":47003,\"errmsg\":\"incomplete commit\"}";
        } else {
            reply = "{\"errcode\":0,\"errmsg\":\"ok\"}";
        }
        byte[] bytes = reply.getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().add("Content-Type", "application/json");
        ex.sendResponseHeaders(200, bytes.length);
        try (OutputStream out = ex.getResponseBody()) {
            out.write(bytes);
        }
    }
}
