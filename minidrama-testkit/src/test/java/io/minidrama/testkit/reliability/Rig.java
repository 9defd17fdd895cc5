package io.minidrama.testkit.reliability;

import io.minidrama.adapter.fake.RecordedCall;
import io.minidrama.adapter.jdkhttp.JdkHttpMiniDramaAdapter;
import io.minidrama.port.RetryPolicy;
import io.minidrama.domain.MediaId;
import io.minidrama.domain.PageRequest;
import io.minidrama.domain.media.Media;
import io.minidrama.domain.media.MediaQuery;
import io.minidrama.port.upload.FileUploadCheckpoints;
import io.minidrama.port.upload.FileUploadService;
import io.minidrama.emulator.MiniDramaEmulator;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Shared pieces of the reliability tests: credentials, fast retry schedules, files and checks. */
final class Rig {
    static final String APPID = "wx-reliability-appid";
    static final String SECRET = "reliability-secret-7f3a9c1e5b";
    static final String AES_KEY = "RelIabiLitYKeY0123456789abcdefghijklmnopqrs";
    static final int MB = 1024 * 1024;

    /** The defaults' attempts and decisions, on a schedule of milliseconds (errcode -2's included). */
    static final RetryPolicy FAST = RetryPolicy.builder().maxAttempts(4).baseDelay(Duration.ofMillis(10))
            .maxDelay(Duration.ofMillis(50)).initializingBaseDelay(Duration.ofMillis(10)).initializingMaxDelay(Duration.ofMillis(50))
            .build();
    private static final Pattern PART_NUMBER = Pattern.compile("partNumber=(\\d+)");

    private Rig() {
    }

    static MiniDramaEmulator emulator() {
        return MiniDramaEmulator.builder().credentials(APPID, SECRET).start();
    }

    /** The HTTP adapter aimed at {@code baseUrl}, retrying fast. */
    static JdkHttpMiniDramaAdapter.Builder adapter(java.net.URI baseUrl) {
        return JdkHttpMiniDramaAdapter.builder().baseUrl(baseUrl).credentials(APPID, SECRET)
                .retryPolicy(FAST)
                .requestTimeout(Duration.ofSeconds(5)).callTimeout(Duration.ofSeconds(20));
    }

    static FileUploadService uploads(JdkHttpMiniDramaAdapter adapter, Path checkpoints) {
        return FileUploadService.builder(adapter, FileUploadCheckpoints.in(checkpoints)).build();
    }

    /** Writes {@code size} seeded random bytes to {@code file}. */
    static Path randomFile(Path file, long size, long seed) {
        Random r = new Random(seed);
        byte[] buf = new byte[MB];
        try (OutputStream out = Files.newOutputStream(file)) {
            for (long left = size; left > 0; left -= buf.length) {
                r.nextBytes(buf);
                out.write(buf, 0, (int) Math.min(buf.length, left));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return file;
    }

    static String sha256(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            MessageDigest d = MessageDigest.getInstance("SHA-256");
            byte[] buf = new byte[MB];
            for (int n; (n = in.read(buf)) > 0; ) {
                d.update(buf, 0, n);
            }
            return HexFormat.of().formatHex(d.digest());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Every media on the emulator named exactly {@code name}. */
    static List<Media> mediaNamed(MiniDramaEmulator emulator, String name) {
        return emulator.platform().listMedia(MediaQuery.builder().name(name).page(PageRequest.first()).build());
    }

    static String storedSha256(MiniDramaEmulator emulator, MediaId id) {
        return emulator.control().storedMedia(id).orElseThrow().sha256();
    }

    static int partNumber(RecordedCall call) {
        Matcher m = PART_NUMBER.matcher(call.request());
        if (!m.find()) {
            throw new AssertionError("no part number in " + call.request());
        }
        return Integer.parseInt(m.group(1));
    }

    static long count(MiniDramaEmulator emulator, String operation) {
        return emulator.control().recordedCalls(operation).size();
    }
}
