package io.minidrama.testkit.reliability;

import io.minidrama.adapter.fake.RecordedCall;
import io.minidrama.domain.media.UploadSession;
import io.minidrama.port.UploadCheckpoint;
import io.minidrama.port.upload.FileUploadCheckpoints;
import io.minidrama.emulator.MiniDramaEmulator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A child JVM uploading a 100+ MB file is killed ({@code destroyForcibly}) at random points; each
 * re-run resumes from the checkpoint, never re-sends a part the checkpoint holds, and the last run
 * completes with identical bytes and one media. {@code -Dreliability.kills}, {@code
 * -Dreliability.killFileMb} and {@code -Dreliability.seed} change the run (the soak profile sets
 * more kills and a bigger file).
 */
class KillResumeTest {
    @RegisterExtension
    static final SecretWatch WATCH = new SecretWatch();
    private static final String KEY = "kill-test";

    @TempDir
    Path dir;

    @Test
    void upload_whenTheUploadingJvmIsKilledAtRandomPoints_resumesWithoutResendingRecordedPartsAndStoresIdenticalBytes() throws Exception {
        int kills = Integer.getInteger("reliability.kills", 3);
        long sizeMb = Long.getLong("reliability.killFileMb", 105);
        long seed = Long.getLong("reliability.seed", System.nanoTime());
        System.out.println("[reliability] kill test: seed=" + seed + " (re-run with -Dreliability.seed=" + seed + "), kills=" + kills
                + ", file=" + sizeMb + " MB");
        Random random = new Random(seed);
        Path video = Rig.randomFile(dir.resolve("big.mp4"), sizeMb * Rig.MB, seed);
        String sha = Rig.sha256(video);
        Path checkpoints = dir.resolve("checkpoints");
        FileUploadCheckpoints store = FileUploadCheckpoints.in(checkpoints);
        WATCH.secret(Rig.SECRET);
        long t0 = System.nanoTime();
        try (MiniDramaEmulator emulator = Rig.emulator()) {
            int total = (int) ((sizeMb * Rig.MB + UploadSessionParts.PART - 1) / UploadSessionParts.PART);
            int done = 0;
            List<String> runs = new ArrayList<>();
            // Kill points: distinct random part counts in 1..total-1, in order, spread over the whole upload.
            List<Integer> targets = random.ints(1, total).distinct().limit(kills).sorted().boxed().toList();
            System.out.println("[reliability] kill test: kill after recorded parts " + targets + " of " + total);
            for (int k = 0; k <= kills; k++) {
                Set<Integer> before = store.load(KEY).map(c -> recorded(c.session())).orElse(Set.of());
                String uploadBefore = store.load(KEY).map(c -> c.session().uploadId().value()).orElse("");
                int callsBefore = emulator.control().recordedCalls("uploadpart").size();
                boolean last = k == kills;
                int killAt = last ? Integer.MAX_VALUE : Math.max(done + 1, targets.get(k));
                Child child = Child.start(emulator, video, checkpoints);
                boolean killed = child.awaitParts(killAt, last ? 300 : 120);
                if (!last) {
                    assertTrue(killed, "the child finished before reaching part " + killAt);
                    child.process.destroyForcibly();
                }
                assertTrue(child.process.waitFor(120, TimeUnit.SECONDS), "the child did not end");
                Thread.sleep(200);
                child.output.forEach(line -> WATCH.text("child stdout", line));
                List<RecordedCall> calls = emulator.control().recordedCalls("uploadpart");
                List<Integer> sentThisRun = calls.subList(callsBefore, calls.size()).stream().map(Rig::partNumber).toList();
                List<Integer> resent = sentThisRun.stream().filter(before::contains).toList();
                assertEquals(List.of(), resent, "run " + (k + 1) + " re-sent parts the checkpoint held");
                Optional<UploadCheckpoint> after = store.load(KEY);
                if (!uploadBefore.isEmpty() && after.isPresent()) {
                    assertEquals(uploadBefore, after.get().session().uploadId().value(), "the re-run started a new upload");
                }
                done = after.map(c -> c.session().recordedParts().size()).orElse(total);
                runs.add("run " + (k + 1) + ": checkpoint held " + before.size() + " parts, sent " + sentThisRun.size()
                        + (last ? ", completed (exit " + child.process.exitValue() + ")" : ", killed after part " + child.lastParts.get()
                        + " (target " + killAt + "), checkpoint now " + done));
                if (last) {
                    assertEquals(0, child.process.exitValue(), String.join("\n", child.output));
                    assertTrue(child.output.stream().anyMatch(l -> l.startsWith("DONE ")), String.join("\n", child.output));
                }
            }
            var media = Rig.mediaNamed(emulator, "杀进程 - 第1集");
            assertEquals(1, media.size(), "exactly one media");
            assertEquals(sha, Rig.storedSha256(emulator, media.get(0).id()), "bytes on the server differ from the file");
            assertTrue(store.load(KEY).isEmpty(), "the checkpoint is removed after the commit");
            WATCH.secrets(emulator.issuedTokens());
            System.out.printf("[reliability] kill test: %d parts, %d uploadpart calls in all (%d re-sent after kills, never a recorded part), "
                            + "%d s, sha256 identical; %s%n", total, emulator.control().recordedCalls("uploadpart").size(),
                    emulator.control().recordedCalls("uploadpart").size() - total,
                    TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - t0), runs);
        }
    }

    private static Set<Integer> recorded(UploadSession s) {
        return s.recordedParts().stream().map(UploadSession.RecordedPart::partNumber).collect(Collectors.toSet());
    }

    /** Part size, to count the parts of the file. */
    private static final class UploadSessionParts {
        static final long PART = 5L * Rig.MB;
    }

    private static final class Child {
        final Process process;
        final List<String> output = new CopyOnWriteArrayList<>();
        final AtomicInteger lastParts = new AtomicInteger();
        private final Object lock = new Object();

        private Child(Process p) {
            this.process = p;
            Thread reader = new Thread(() -> {
                try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
                    for (String line; (line = r.readLine()) != null; ) {
                        output.add(line);
                        if (line.startsWith("PARTS ")) {
                            lastParts.set(Integer.parseInt(line.substring(6, line.indexOf('/'))));
                        }
                        synchronized (lock) {
                            lock.notifyAll();
                        }
                    }
                } catch (IOException e) {
                    output.add("(output closed: " + e + ")");
                }
                synchronized (lock) {
                    lock.notifyAll();
                }
            }, "kill-test-child-output");
            reader.setDaemon(true);
            reader.start();
        }

        static Child start(MiniDramaEmulator emulator, Path video, Path checkpoints) throws IOException {
            String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
            ProcessBuilder pb = new ProcessBuilder(java, "-Xmx256m", "-cp", System.getProperty("java.class.path"),
                    UploadWorkerMain.class.getName(), emulator.baseUrl().toString(), video.toString(), checkpoints.toString(),
                    "杀进程", "1", KEY).redirectErrorStream(true);
            return new Child(pb.start());
        }

        /** Waits until the child reported {@code parts} recorded parts (true) or ended (false). */
        boolean awaitParts(int parts, int timeoutSeconds) throws InterruptedException {
            long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(timeoutSeconds);
            synchronized (lock) {
                while (lastParts.get() < parts && process.isAlive() && System.nanoTime() < end) {
                    lock.wait(50);
                }
            }
            return lastParts.get() >= parts;
        }
    }
}
