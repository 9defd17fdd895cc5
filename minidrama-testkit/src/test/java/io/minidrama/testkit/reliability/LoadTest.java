package io.minidrama.testkit.reliability;

import io.minidrama.adapter.jdkhttp.JdkHttpMiniDramaAdapter;
import io.minidrama.domain.MediaId;
import io.minidrama.domain.media.MediaName;
import io.minidrama.domain.media.MediaQuery;
import io.minidrama.port.upload.FileUploadRequest;
import io.minidrama.port.upload.FileUploadService;
import io.minidrama.port.upload.SeasonResult;
import io.minidrama.port.upload.SeasonUploader;
import io.minidrama.emulator.MiniDramaEmulator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Load through one client: 64 threads on a cold token cache, then 8 seasons uploaded at once, then
 * no thread or connection left behind once the client is let go.
 */
class LoadTest {
    @RegisterExtension
    static final SecretWatch WATCH = new SecretWatch();
    private static final String[] LIBRARY_THREADS = {"minidrama-part-", "minidrama-upload-", "HttpClient-"};

    @TempDir
    Path dir;

    @Test
    void sharedClient_when64ThreadsCallOnAColdTokenCache_fetchesTheTokenOnce() throws Exception {
        WATCH.secret(Rig.SECRET);
        try (MiniDramaEmulator emulator = Rig.emulator()) {
            JdkHttpMiniDramaAdapter adapter = Rig.adapter(emulator.baseUrl()).build();
            ExecutorService pool = Executors.newFixedThreadPool(64);
            CyclicBarrier start = new CyclicBarrier(64);
            List<CompletableFuture<Integer>> calls = new ArrayList<>();
            long t0 = System.nanoTime();
            for (int i = 0; i < 64; i++) {
                calls.add(CompletableFuture.supplyAsync(() -> {
                    try {
                        start.await(10, TimeUnit.SECONDS);
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                    return adapter.listMedia(MediaQuery.all()).size();
                }, pool));
            }
            calls.forEach(CompletableFuture::join);
            pool.shutdown();
            assertEquals(1, emulator.tokenFetches());
            WATCH.secrets(emulator.issuedTokens());
            System.out.printf("[reliability] 64 threads, cold cache: %d token fetch, 64 calls in %d ms%n", emulator.tokenFetches(),
                    TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0));
        }
    }

    @Test
    void sharedClient_when8SeasonsUploadAtOnce_storesEveryEpisodeOnceAndLeaksNoThreadOrConnection() throws Exception {
        WATCH.secret(Rig.SECRET);
        Path single = Rig.randomFile(dir.resolve("ep1.mp4"), Rig.MB, 1);
        Path chunked = Rig.randomFile(dir.resolve("ep2.mp4"), 6 * Rig.MB + 12345, 2);
        Path small = Rig.randomFile(dir.resolve("ep3.mp4"), 2 * Rig.MB, 3);
        Map<Integer, String> sha = Map.of(1, Rig.sha256(single), 2, Rig.sha256(chunked), 3, Rig.sha256(small));
        try (MiniDramaEmulator emulator = Rig.emulator()) {
            int port = emulator.port();
            Map<String, Long> threadsBefore = libraryThreads();
            long t0 = System.nanoTime();
            int peakConnections = uploadEightSeasons(emulator, single, chunked, small, sha);
            long ms = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0);
            int openWhileHeld = establishedTo(port);

            // The client is let go: the JDK's HttpClient stops its selector thread and closes its pooled connections once unreachable.
            boolean threadsGone = eventually(() -> libraryThreads().entrySet().stream()
                    .allMatch(e -> e.getValue() <= threadsBefore.getOrDefault(e.getKey(), 0L)));
            boolean connectionsGone = eventually(() -> establishedTo(port) == 0);
            System.out.printf("[reliability] 8 seasons x 3 episodes at once through one client: %d ms, %d token fetch(es), "
                            + "peak %d connections to the emulator, %d open when done, %d after release; library threads before %s, after %s%n",
                    ms, emulator.tokenFetches(), peakConnections, openWhileHeld, establishedTo(port), threadsBefore, libraryThreads());
            assertTrue(threadsGone, "library threads left: " + libraryThreads() + " (before: " + threadsBefore + ")");
            assertTrue(connectionsGone, establishedTo(port) + " connections to the emulator still open");
            assertEquals(1, emulator.tokenFetches());
        }
    }

    private int uploadEightSeasons(MiniDramaEmulator emulator, Path single, Path chunked, Path small, Map<Integer, String> sha)
            throws Exception {
        JdkHttpMiniDramaAdapter adapter = Rig.adapter(emulator.baseUrl()).requestTimeout(java.time.Duration.ofSeconds(60))
                .callTimeout(java.time.Duration.ofSeconds(120)).build();
        int peak = 0;
        try (FileUploadService uploads = FileUploadService.builder(adapter, io.minidrama.port.upload.FileUploadCheckpoints.in(dir.resolve("cp")))
                .maxParallelParts(8).build()) {
            ExecutorService seasons = Executors.newFixedThreadPool(8);
            List<CompletableFuture<SeasonResult>> results = new ArrayList<>();
            for (int s = 1; s <= 8; s++) {
                String drama = "负载剧" + s;
                results.add(CompletableFuture.supplyAsync(() -> SeasonUploader.create(uploads, adapter, 3).uploadRequests(drama, List.of(
                        FileUploadRequest.builder(single, MediaName.of(drama, 1)).build(),
                        FileUploadRequest.builder(chunked, MediaName.of(drama, 2)).build(),
                        FileUploadRequest.builder(small, MediaName.of(drama, 3)).build())), seasons));
            }
            while (!CompletableFuture.allOf(results.toArray(CompletableFuture[]::new)).isDone()) {
                peak = Math.max(peak, establishedTo(emulator.port()));
                Thread.sleep(20);
            }
            seasons.shutdown();
            for (CompletableFuture<SeasonResult> f : results) {
                SeasonResult r = f.join();
                assertTrue(r.complete(), r.toString());
                for (SeasonResult.Episode e : r.episodes()) {
                    MediaId id = e.mediaId().orElseThrow();
                    assertEquals(sha.get(e.number()), Rig.storedSha256(emulator, id), r.dramaName() + " episode " + e.number());
                    assertEquals(1, Rig.mediaNamed(emulator, MediaName.of(r.dramaName(), e.number()).wire()).size());
                }
            }
            WATCH.secrets(emulator.issuedTokens());
        }
        return peak;
    }

    /** Live threads the library (and the JDK HttpClient it creates) runs, counted by name prefix. */
    private static Map<String, Long> libraryThreads() {
        return Thread.getAllStackTraces().keySet().stream().filter(Thread::isAlive).map(Thread::getName)
                .map(n -> {
                    for (String p : LIBRARY_THREADS) {
                        if (n.startsWith(p)) {
                            return p;
                        }
                    }
                    return "";
                })
                .filter(p -> !p.isEmpty())
                .collect(Collectors.groupingBy(p -> p, java.util.TreeMap::new, Collectors.counting()));
    }

    /** ESTABLISHED TCP connections whose remote end is {@code port} on this machine (client side), from /proc/net/tcp{,6}. */
    static int establishedTo(int port) {
        int n = 0;
        String hexPort = String.format(":%04X", port);
        for (String table : List.of("/proc/net/tcp", "/proc/net/tcp6")) {
            try {
                for (String line : Files.readAllLines(Path.of(table))) {
                    String[] f = line.trim().split("\\s+");
                    if (f.length > 3 && f[2].endsWith(hexPort) && f[3].equals("01")) {
                        n++;
                    }
                }
            } catch (IOException e) {
                return -1;
            }
        }
        return n;
    }

    private static boolean eventually(BooleanSupplier condition) throws InterruptedException {
        for (int i = 0; i < 100; i++) {
            if (condition.getAsBoolean()) {
                return true;
            }
            System.gc();
            Thread.sleep(100);
        }
        return condition.getAsBoolean();
    }
}
