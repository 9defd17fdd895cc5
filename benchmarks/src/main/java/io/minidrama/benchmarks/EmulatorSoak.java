package io.minidrama.benchmarks;

import io.minidrama.adapter.jdkhttp.JdkHttpMiniDramaAdapter;
import io.minidrama.domain.Etag;
import io.minidrama.domain.MediaId;
import io.minidrama.domain.UploadId;
import io.minidrama.domain.media.ApplyUpload;
import io.minidrama.domain.media.ByteSource;
import io.minidrama.domain.media.CommitUpload;
import io.minidrama.domain.media.MediaName;
import io.minidrama.domain.media.PartInfo;
import io.minidrama.domain.media.PartUpload;
import io.minidrama.domain.media.ResourceType;
import io.minidrama.domain.media.UploadLimits;
import io.minidrama.domain.media.VideoFormat;

import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Soak of a running emulator ({@code minidrama emulator}): uploads one file again and again in
 * 5 MB parts, 4 in flight; every third upload sends all its parts and is never committed
 * (abandoned). After each upload it prints the emulator process's RSS, peak RSS and CPU time (from
 * {@code /proc/PID/}); at the end it checks the SHA-256 the emulator stored for the last committed
 * media against the file's.
 *
 * <pre>
 * java -jar minidrama-cli/target/minidrama.jar emulator --port 18080 &amp;
 * java -cp benchmarks/target/benchmarks.jar io.minidrama.benchmarks.EmulatorSoak http://127.0.0.1:18080 $! 100 500
 * </pre>
 * Arguments: base URL, the emulator's process id, uploads, file size in MB.
 */
public final class EmulatorSoak {
    private EmulatorSoak() {
    }

    public static void main(String[] args) throws Exception {
        URI base = URI.create(args[0]);
        long pid = Long.parseLong(args[1]);
        int uploads = Integer.parseInt(args[2]);
        long size = Long.parseLong(args[3]) * UploadLimits.MB;
        Path file = Files.createTempFile("emulator-soak-", ".mp4");
        try {
            String sha = write(file, size);
            JdkHttpMiniDramaAdapter client = JdkHttpMiniDramaAdapter.builder().baseUrl(base).credentials("wx-soak", "soak")
                    .requestTimeout(Duration.ofSeconds(60)).build();
            ExecutorService pool = Executors.newFixedThreadPool(4);
            int parts = UploadLimits.partCount(size);
            double cpu0 = cpuSeconds(pid);
            long t0 = System.nanoTime();
            MediaId last = null;
            System.out.println("upload,abandoned,seconds,rss_mb,peak_rss_mb,emulator_cpu_s");
            for (int u = 1; u <= uploads; u++) {
                long t = System.nanoTime();
                UploadId id = client.applyUpload(ApplyUpload.of(MediaName.of("soak", u), VideoFormat.MP4));
                List<Future<Etag>> etags = new ArrayList<>();
                for (int p = 1; p <= parts; p++) {
                    long offset = (p - 1L) * UploadLimits.PART_SIZE;
                    long length = Math.min(UploadLimits.PART_SIZE, size - offset);
                    int n = p;
                    etags.add(pool.submit(() -> client.uploadPart(new PartUpload(id, n, ResourceType.VIDEO,
                            ByteSource.ofRegion(file, offset, length)))));
                }
                List<PartInfo> infos = new ArrayList<>();
                for (int p = 1; p <= parts; p++) {
                    infos.add(new PartInfo(p, etags.get(p - 1).get()));
                }
                boolean abandoned = u % 3 == 0;
                if (!abandoned) {
                    last = client.commitUpload(new CommitUpload(id, infos, List.of()));
                }
                System.out.printf("%d,%s,%.1f,%d,%d,%.1f%n", u, abandoned, (System.nanoTime() - t) / 1e9, status(pid, "VmRSS:") / 1024,
                        status(pid, "VmHWM:") / 1024, cpuSeconds(pid) - cpu0);
            }
            pool.shutdown();
            System.out.printf("total: %d uploads of %d MB in %.0f s; emulator CPU %.1f s (%.2f s per upload); RSS %d MB, peak %d MB%n",
                    uploads, size / UploadLimits.MB, (System.nanoTime() - t0) / 1e9, cpuSeconds(pid) - cpu0,
                    (cpuSeconds(pid) - cpu0) / uploads, status(pid, "VmRSS:") / 1024, status(pid, "VmHWM:") / 1024);
            if (last != null) {
                HttpResponse<String> stored = HttpClient.newHttpClient().send(HttpRequest.newBuilder(base.resolve("/__emulator/media/"
                        + last.value())).build(), HttpResponse.BodyHandlers.ofString());
                System.out.println("last committed media " + last.value() + ": " + stored.body() + "; file sha256 " + sha
                        + (stored.body().contains("\"" + sha + "\"") ? " (identical)" : " (DIFFERENT)"));
            }
        } finally {
            Files.deleteIfExists(file);
        }
    }

    private static String write(Path file, long size) throws Exception {
        MessageDigest sha = MessageDigest.getInstance("SHA-256");
        byte[] buf = new byte[1 << 20];
        Random r = new Random(1);
        try (OutputStream out = Files.newOutputStream(file)) {
            for (long left = size; left > 0; left -= buf.length) {
                r.nextBytes(buf);
                int n = (int) Math.min(buf.length, left);
                out.write(buf, 0, n);
                sha.update(buf, 0, n);
            }
        }
        return HexFormat.of().formatHex(sha.digest());
    }

    /** A {@code /proc/PID/status} field in kB. */
    private static long status(long pid, String field) throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
            if (line.startsWith(field)) {
                return Long.parseLong(line.substring(field.length()).replace("kB", "").strip());
            }
        }
        return -1;
    }

    /** User + system CPU seconds of the process (clock ticks of 1/100 s). */
    private static double cpuSeconds(long pid) throws IOException {
        String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
        String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return (Long.parseLong(f[11]) + Long.parseLong(f[12])) / 100.0;
    }
}
