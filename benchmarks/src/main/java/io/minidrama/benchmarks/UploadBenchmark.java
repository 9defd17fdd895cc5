package io.minidrama.benchmarks;

import io.minidrama.adapter.jdkhttp.JdkHttpMiniDramaAdapter;
import io.minidrama.domain.MediaId;
import io.minidrama.domain.media.MediaName;
import io.minidrama.domain.media.UploadLimits;
import io.minidrama.port.upload.FileUploadCheckpoints;
import io.minidrama.port.upload.FileUploadRequest;
import io.minidrama.port.upload.FileUploadService;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The 500 MB chunked-upload benchmark (issue 5, benchmark 1).
 *
 * <p>Starts the emulator in a child JVM (so its memory is not counted here), writes a random
 * file, then alternates two runs of the same 100 parts, each {@code concurrency} at a time:
 * <ul>
 *   <li><b>bare</b>: a minimal {@link HttpClient} loop with no library logic (hand-written JSON,
 *       a multipart body streamed from the file region), the upper bound on this machine;</li>
 *   <li><b>library</b>: {@link FileUploadService} over {@link JdkHttpMiniDramaAdapter}, with
 *       rule checks, checkpoints written after every part, retries armed and progress.</li>
 * </ul>
 * Each run reports wall time, the CPU time (user + sys) this JVM spent during it, MB/s, peak heap (sum of heap pools' peaks, reset before the run)
 * and the process's peak RSS; each upload's bytes on the emulator are checked against the
 * file's SHA-256. Run it in a small heap:
 * <pre>java -Xmx64m -cp benchmarks/target/benchmarks.jar io.minidrama.benchmarks.UploadBenchmark [sizeMb] [concurrency] [rounds] [library]</pre>
 * With {@code library} as the fourth argument only the library rows run (for a profiler).
 */
public final class UploadBenchmark {
    private static final Pattern JSON_STRING = Pattern.compile("\"%s\"\\s*:\\s*\"((?:[^\"\\\\]|\\\\.)*)\"");
    private static final Pattern JSON_NUMBER = Pattern.compile("\"%s\"\\s*:\\s*\"?(-?\\d+)");

    private final URI base;
    private HttpClient http = newClient();
    private final String token;

    private static HttpClient newClient() {
        return HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(10)).build();
    }

    private UploadBenchmark(URI base) {
        this.base = base;
        this.token = field(post("/cgi-bin/stable_token", "{\"grant_type\":\"client_credential\",\"appid\":\"wxbench000000000001\",\"secret\":\"bench\"}"),
                "access_token", JSON_STRING);
    }

    public static void main(String[] args) throws Exception {
        int sizeMb = args.length > 0 ? Integer.parseInt(args[0]) : 500;
        int concurrency = args.length > 1 ? Integer.parseInt(args[1]) : 4;
        int rounds = args.length > 2 ? Integer.parseInt(args[2]) : 2;
        // "library" runs only the library rows (no bare loop, faults or resume): for profiling one path
        boolean libraryOnly = args.length > 3 && args[3].equals("library");
        Path dir = Files.createTempDirectory("minidrama-bench-");
        ChildEmulator child = ChildEmulator.start(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                System.getProperty("java.class.path"));
        Process emulator = child.process();
        try {
            URI base = child.url();
            Path file = dir.resolve("episode.mp4");
            long size = sizeMb * UploadLimits.MB;
            String sha = ChildEmulator.writeFile(file, size, 20261124);
            System.out.printf(Locale.ROOT, "file: %d MB (%d bytes), sha256 %s; emulator %s; JVM max heap %d MB; %d cores%n",
                    sizeMb, size, sha.substring(0, 16), base, Runtime.getRuntime().maxMemory() >> 20,
                    Runtime.getRuntime().availableProcessors());
            UploadBenchmark bench = new UploadBenchmark(base);
            List<String> rows = new ArrayList<>();
            for (int round = 1; round <= rounds; round++) {
                if (!libraryOnly) {
                    rows.add(bench.measure("bare", round, size, sha, () -> bench.bare(file, size, concurrency, "bare")));
                }
                rows.add(bench.measure("library", round, size, sha, () -> bench.library(file, dir, concurrency)));
            }
            if (libraryOnly) {
                printTable(rows);
                return;
            }
            int faultsBefore = bench.transportFaults();
            rows.add(bench.measure("library, 10% of parts fail once", 1, size, sha, () -> bench.withFaults(file, dir, concurrency, size)));
            System.out.println("  (part requests failed by the emulator in that run: " + (bench.transportFaults() - faultsBefore) + ", all retried)");
            bench.resume(file, dir, concurrency, size, sha);
            printTable(rows);
        } finally {
            emulator.destroy();
            emulator.waitFor(10, TimeUnit.SECONDS);
            Trees.delete(dir);
        }
    }

    private static void printTable(List<String> rows) {
        System.out.println();
        System.out.println("| run | round | wall s | CPU s (user+sys, this JVM) | MB/s | peak heap MB | peak RSS MB | bytes verified |");
        System.out.println("|---|---|---|---|---|---|---|---|");
        rows.forEach(System.out::println);
    }

    private interface Upload {
        long run() throws Exception;
    }

    private String measure(String name, int round, long size, String sha, Upload upload) throws Exception {
        System.gc();
        List<MemoryPoolMXBean> heap = ManagementFactory.getMemoryPoolMXBeans().stream().filter(p -> p.getType() == MemoryType.HEAP).toList();
        heap.forEach(MemoryPoolMXBean::resetPeakUsage);
        long cpu0 = processCpuNanos();
        long t0 = System.nanoTime();
        long mediaId = upload.run();
        double secs = (System.nanoTime() - t0) / 1e9;
        double cpuSecs = (processCpuNanos() - cpu0) / 1e9;
        long peakHeap = heap.stream().mapToLong(p -> p.getPeakUsage().getUsed()).sum();
        http = newClient();
        String stored = get("/__emulator/media/" + mediaId);
        boolean verified = stored.contains(sha) && stored.contains(Long.toString(size));
        String row = String.format(Locale.ROOT, "| %s | %d | %.2f | %.2f | %.1f | %.1f | %.1f | %s |", name, round, secs,
                cpuSecs, size / 1048576.0 / secs, peakHeap / 1048576.0, rssPeakMb(), verified ? "yes" : "NO: " + stored);
        System.out.println(row);
        return row;
    }

    /** The library path: what a user writes. */
    private long library(Path file, Path dir, int concurrency) {
        JdkHttpMiniDramaAdapter platform = JdkHttpMiniDramaAdapter.builder().baseUrl(base)
                .credentials("wxbench000000000001", "bench").build();
        try (FileUploadService uploads = FileUploadService.builder(platform, FileUploadCheckpoints.in(dir.resolve("checkpoints")))
                .partConcurrency(concurrency).maxParallelParts(concurrency).build()) {
            MediaId id = uploads.upload(FileUploadRequest.builder(file, MediaName.of("基准短剧", 1))
                    .checkpointKey("bench-" + System.nanoTime()).build());
            return id.value();
        }
    }

    /** The library with the emulator failing one part request in ten (the connection closes unanswered). */
    private long withFaults(Path file, Path dir, int concurrency, long size) throws Exception {
        int parts = (int) ((size + UploadLimits.PART_SIZE - 1) / UploadLimits.PART_SIZE);
        post("/__emulator/faults", "{\"operation\":\"uploadpart\",\"times\":" + Math.max(1, parts / 10) + ",\"transport\":\"before\"}");
        return library(file, dir, concurrency);
    }

    /**
     * Resume: cancels an upload after 40 % of its parts, then a new service (as after a restart)
     * resumes it; counts the part requests the resume sends and checks none was in the checkpoint.
     */
    private void resume(Path file, Path dir, int concurrency, long size, String sha) throws Exception {
        int parts = (int) ((size + UploadLimits.PART_SIZE - 1) / UploadLimits.PART_SIZE);
        Path checkpoints = dir.resolve("resume-checkpoints");
        String key = "bench-resume";
        JdkHttpMiniDramaAdapter platform = JdkHttpMiniDramaAdapter.builder().baseUrl(base).credentials("wxbench000000000001", "bench").build();
        FileUploadRequest.Builder request = FileUploadRequest.builder(file, MediaName.of("基准短剧", 3)).checkpointKey(key);
        try (FileUploadService first = FileUploadService.builder(platform, FileUploadCheckpoints.in(checkpoints))
                .partConcurrency(concurrency).maxParallelParts(concurrency).build()) {
            java.util.concurrent.atomic.AtomicReference<io.minidrama.port.upload.UploadHandle> handle = new java.util.concurrent.atomic.AtomicReference<>();
            io.minidrama.port.upload.UploadHandle h = first.start(request.listener(p -> {
                if (p.partsDone() >= parts * 4 / 10 && handle.get() != null) {
                    handle.get().cancel();
                }
            }).build());
            handle.set(h);
            try {
                h.join();
            } catch (java.util.concurrent.CancellationException | java.util.concurrent.CompletionException expected) {
                // cancelled, as intended
            }
        }
        var kept = FileUploadCheckpoints.in(checkpoints).load(key).orElseThrow().session();
        java.util.Set<Integer> recorded = new java.util.HashSet<>();
        kept.recordedParts().forEach(p -> recorded.add(p.partNumber()));
        int callsBefore = partCalls().size();
        long t0 = System.nanoTime();
        long mediaId;
        try (FileUploadService second = FileUploadService.builder(platform, FileUploadCheckpoints.in(checkpoints))
                .partConcurrency(concurrency).maxParallelParts(concurrency).build()) {
            mediaId = second.upload(request.listener(io.minidrama.port.upload.UploadListener.NONE).build()).value();
        }
        double secs = (System.nanoTime() - t0) / 1e9;
        List<Integer> resent = partCalls().subList(callsBefore, partCalls().size());
        long overlap = resent.stream().filter(recorded::contains).count();
        boolean verified = get("/__emulator/media/" + mediaId).contains(sha);
        System.out.printf(Locale.ROOT, "resume: cancelled with %d/%d parts in the checkpoint; the resume sent %d part requests in %.2f s, "
                + "%d of them for parts already in the checkpoint; bytes verified: %s%n", recorded.size(), parts, resent.size(), secs,
                overlap, verified ? "yes" : "NO");
    }

    /** How many calls the emulator has failed with an injected transport fault so far. */
    private int transportFaults() throws IOException, InterruptedException {
        http = newClient();
        Matcher m = Pattern.compile("\"transport_fault\":true").matcher(get("/__emulator/calls"));
        int n = 0;
        while (m.find()) {
            n++;
        }
        return n;
    }

    /** Part numbers of every uploadpart call the emulator recorded, in order. */
    private List<Integer> partCalls() throws IOException, InterruptedException {
        http = newClient();
        String calls = get("/__emulator/calls");
        List<Integer> parts = new ArrayList<>();
        Matcher m = Pattern.compile("\"operation\":\"uploadpart\"[^}]*?partNumber=(\\d+)").matcher(calls);
        while (m.find()) {
            parts.add(Integer.parseInt(m.group(1)));
        }
        return parts;
    }

    /** The upper bound: the same requests with nothing but HttpClient. */
    private long bare(Path file, long size, int concurrency, String label) throws Exception {
        // A fresh client per run, like the library run's fresh adapter: no stale keep-alive connections.
        http = newClient();
        String uploadId = field(post("/wxa/sec/vod/applyupload?access_token=" + token,
                "{\"media_name\":\"基准短剧 - 第2集\",\"media_type\":\"MP4\"}"), "upload_id", JSON_STRING);
        int parts = (int) ((size + UploadLimits.PART_SIZE - 1) / UploadLimits.PART_SIZE);
        String[] etags = new String[parts];
        ExecutorService pool = Executors.newFixedThreadPool(concurrency);
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (int i = 1; i <= parts; i++) {
                int part = i;
                futures.add(pool.submit(() -> {
                    long offset = (part - 1L) * UploadLimits.PART_SIZE;
                    long length = Math.min(UploadLimits.PART_SIZE, size - offset);
                    etags[part - 1] = uploadPart(file, uploadId, part, offset, length);
                    return null;
                }));
            }
            for (Future<?> f : futures) {
                f.get();
            }
        } finally {
            pool.shutdown();
        }
        StringBuilder commit = new StringBuilder("{\"upload_id\":\"").append(uploadId).append("\",\"media_part_infos\":[");
        for (int i = 0; i < parts; i++) {
            commit.append(i == 0 ? "" : ",").append("{\"part_number\":").append(i + 1).append(",\"etag\":\"").append(etags[i]).append("\"}");
        }
        commit.append("]}");
        return Long.parseLong(field(post("/wxa/sec/vod/commitupload?access_token=" + token, commit.toString()), "media_id", JSON_NUMBER));
    }

    private String uploadPart(Path file, String uploadId, int part, long offset, long length) throws IOException, InterruptedException {
        String boundary = "----bench" + part;
        String head = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"upload_id\"\r\n\r\n" + uploadId + "\r\n"
                + "--" + boundary + "\r\nContent-Disposition: form-data; name=\"part_number\"\r\n\r\n" + part + "\r\n"
                + "--" + boundary + "\r\nContent-Disposition: form-data; name=\"resource_type\"\r\n\r\n1\r\n"
                + "--" + boundary + "\r\nContent-Disposition: form-data; name=\"data\"; filename=\"test.mp4\"\r\n"
                + "Content-Type: application/octet-stream\r\n\r\n";
        byte[] headBytes = head.getBytes(StandardCharsets.UTF_8);
        byte[] tail = ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8);
        HttpRequest.BodyPublisher region = HttpRequest.BodyPublishers.fromPublisher(HttpRequest.BodyPublishers.ofInputStream(() -> {
            try {
                FileChannel ch = FileChannel.open(file, StandardOpenOption.READ);
                ch.position(offset);
                return new io.minidrama.benchmarks.Bounded(Channels.newInputStream(ch), length);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }), length);
        HttpRequest req = HttpRequest.newBuilder(base.resolve("/wxa/sec/vod/uploadpart?access_token=" + token))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.concat(HttpRequest.BodyPublishers.ofByteArray(headBytes), region,
                        HttpRequest.BodyPublishers.ofByteArray(tail)))
                .build();
        String body = http.send(req, HttpResponse.BodyHandlers.ofString()).body();
        // Kept JSON-escaped: it goes back into the commit's JSON as it came.
        return rawField(body, "etag");
    }

    private String post(String path, String json) {
        try {
            HttpRequest req = HttpRequest.newBuilder(base.resolve(path)).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(json)).build();
            return http.send(req, HttpResponse.BodyHandlers.ofString()).body();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private String get(String path) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(base.resolve(path)).GET().build(), HttpResponse.BodyHandlers.ofString()).body();
    }

    private static String rawField(String json, String name) {
        Matcher m = Pattern.compile(String.format(JSON_STRING.pattern(), Pattern.quote(name))).matcher(json);
        if (!m.find()) {
            throw new IllegalStateException("no " + name + " in " + json);
        }
        return m.group(1);
    }

    private static String field(String json, String name, Pattern pattern) {
        Matcher m = Pattern.compile(String.format(pattern.pattern(), Pattern.quote(name))).matcher(json);
        if (!m.find()) {
            throw new IllegalStateException("no " + name + " in " + json);
        }
        return m.group(1).replace("\\\"", "\"");
    }

    /** CPU time (user + sys) of this whole process so far: every thread, GC and JIT included. */
    private static long processCpuNanos() {
        if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
            return os.getProcessCpuTime();
        }
        return 0;
    }

    private static double rssPeakMb() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("VmHWM:")) {
                    return Long.parseLong(line.replaceAll("\\D+", "")) / 1024.0;
                }
            }
        } catch (IOException | NumberFormatException ignored) {
            // not on Linux
        }
        return Double.NaN;
    }
}
