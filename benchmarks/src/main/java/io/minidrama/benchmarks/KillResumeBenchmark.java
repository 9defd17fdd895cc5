package io.minidrama.benchmarks;

import io.minidrama.domain.media.MediaName;
import io.minidrama.domain.media.UploadSession;
import io.minidrama.port.upload.FileUploadCheckpoints;
import io.minidrama.port.upload.FileUploadRequest;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A real crash mid-upload: a child JVM uploading a file ({@link io.minidrama.benchmarks.peers.SdkUpload},
 * checkpoints in a directory, 4 parts in flight) is killed with {@code SIGKILL} ({@code kill -9})
 * once the emulator has answered a given share of its part requests; a new child JVM then runs the
 * same upload and resumes from the checkpoint the first one left.
 *
 * <p>From the emulator's record of every call it reports, per run: the parts the platform had
 * answered before the kill, the parts in the checkpoint the killed process left, the part requests
 * the resuming process sent, how many of those were for a part in the checkpoint (must be 0), how
 * many for a part answered but not yet in the checkpoint (the answers in flight at the kill: the
 * killed process never recorded them, so they are sent again), whether any part was sent twice by
 * the resume, and whether the committed bytes match the file's SHA-256. Exits 1 if a resumed
 * upload re-sent a checkpointed part, the checkpoint held a part the platform had not answered, or
 * the bytes differ.
 *
 * <pre>java -cp benchmarks/target/benchmarks.jar io.minidrama.benchmarks.KillResumeBenchmark [sizeMb] [killAt,...] [transport,...]</pre>
 * Defaults: 500 MB, kills after 20 %, 50 % and 80 % of the parts were answered, transports
 * {@code jdk,apache}.
 */
public final class KillResumeBenchmark {
    private static final Pattern PART_CALL = Pattern.compile("\\{\"operation\":\"uploadpart\",\"at\":\\d+,\"errcode\":(-?\\d+),"
            + "\"transport_fault\":(true|false),\"injected\":(?:true|false),\"request\":\"PartUpload\\[uploadId=([^,]+), partNumber=(\\d+)");
    private final String javaBin = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    private final Path jar;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private URI base;

    private KillResumeBenchmark(Path jar) {
        this.jar = jar;
    }

    /** One part request as the emulator recorded it. */
    record PartCall(String uploadId, int part, boolean answered) {
    }

    public static void main(String[] args) throws Exception {
        int sizeMb = args.length > 0 ? Integer.parseInt(args[0]) : 500;
        double[] killAt = Arrays.stream((args.length > 1 ? args[1] : "0.2,0.5,0.8").split(",")).mapToDouble(Double::parseDouble).toArray();
        List<String> transports = Arrays.asList((args.length > 2 ? args[2] : "jdk,apache").split(","));
        Path jar = Path.of(System.getProperty("java.class.path").split(java.io.File.pathSeparator)[0]);
        Path work = Files.createTempDirectory("minidrama-kill-");
        KillResumeBenchmark bench = new KillResumeBenchmark(jar);
        ChildEmulator child = ChildEmulator.start(bench.javaBin, jar.toString());
        Process emulator = child.process();
        bench.base = child.url();
        boolean failed = false;
        try {
            Path file = work.resolve("episode.mp4");
            long size = sizeMb * 1024L * 1024L;
            String sha = ChildEmulator.writeFile(file, size, 20261130);
            int parts = (int) ((size + 5 * 1024 * 1024 - 1) / (5 * 1024 * 1024));
            System.out.printf(Locale.ROOT, "file: %d MB (%d parts), sha256 %s; emulator %s%n", sizeMb, parts, sha.substring(0, 16), bench.base);
            System.out.println("| transport | kill after | answered before the kill | in the checkpoint | resume sent | of them in the checkpoint"
                    + " | of them answered, not checkpointed | sent twice by the resume | bytes verified |");
            System.out.println("|---|---|---|---|---|---|---|---|---|");
            int n = 0;
            for (String transport : transports) {
                for (double at : killAt) {
                    failed |= !bench.killAndResume(work.resolve("run-" + ++n), file, "断点短剧 - 第" + n + "集", transport, parts, at, size, sha);
                }
            }
        } finally {
            emulator.destroy();
            emulator.waitFor(10, TimeUnit.SECONDS);
            Trees.delete(work);
        }
        if (failed) {
            System.out.println("FAILED: see the rows above");
            System.exit(1);
        }
    }

    private boolean killAndResume(Path dir, Path file, String name, String transport, int parts, double at, long size, String sha)
            throws Exception {
        Path checkpoints = Files.createDirectories(dir.resolve("checkpoints"));
        int callsBefore = partCalls().size();
        Process first = upload(dir, file, name, transport, "first.txt");
        int target = Math.max(1, (int) Math.round(parts * at));
        List<PartCall> seen = List.of();
        while (first.isAlive()) {
            seen = since(callsBefore);
            if (seen.stream().filter(PartCall::answered).count() >= target) {
                break;
            }
            Thread.sleep(10);
        }
        if (!first.isAlive()) {
            throw new IllegalStateException("the upload ended before the kill: " + Files.readString(dir.resolve("first.txt")));
        }
        new ProcessBuilder("kill", "-9", Long.toString(first.pid())).inheritIO().start().waitFor();
        first.waitFor();
        List<PartCall> beforeKill = since(callsBefore);
        Set<Integer> answered = new TreeSet<>();
        beforeKill.stream().filter(PartCall::answered).forEach(c -> answered.add(c.part));
        String key = FileUploadRequest.builder(file, MediaName.parse(name)).build().checkpointKey();
        UploadSession kept = FileUploadCheckpoints.in(checkpoints).load(key).orElseThrow(() -> new IllegalStateException("no checkpoint")).session();
        Set<Integer> checkpointed = new TreeSet<>();
        kept.recordedParts().forEach(p -> checkpointed.add(p.partNumber()));
        boolean checkpointTrue = answered.containsAll(checkpointed);

        int resumeFrom = partCalls().size();
        Process second = upload(dir, file, name, transport, "second.txt");
        int exit = second.waitFor();
        String out = Files.readString(dir.resolve("second.txt"));
        List<PartCall> resumed = since(resumeFrom);
        Map<Integer, Integer> perPart = new TreeMap<>();
        resumed.forEach(c -> perPart.merge(c.part, 1, Integer::sum));
        long inCheckpoint = resumed.stream().filter(c -> checkpointed.contains(c.part)).count();
        long answeredNotKept = resumed.stream().filter(c -> answered.contains(c.part) && !checkpointed.contains(c.part)).count();
        long twice = perPart.values().stream().filter(v -> v > 1).count();
        Matcher m = Pattern.compile("media_id=(\\d+)").matcher(out);
        boolean verified = exit == 0 && m.find() && get("/__emulator/media/" + m.group(1)).contains(sha)
                && get("/__emulator/media/" + m.group(1)).contains(Long.toString(size));
        System.out.printf(Locale.ROOT, "| %s | %.0f %% | %d | %d%s | %d | **%d** | %d | %d | %s |%n", transport, at * 100, answered.size(),
                checkpointed.size(), checkpointTrue ? "" : " (NOT all answered!)", resumed.size(), inCheckpoint, answeredNotKept, twice,
                verified ? "yes" : "NO: exit " + exit + " " + out.strip());
        return verified && inCheckpoint == 0 && checkpointTrue;
    }

    private Process upload(Path dir, Path file, String name, String transport, String output) throws IOException {
        return new ProcessBuilder(javaBin, "-Xmx64m", "-cp", jar.toString(), "io.minidrama.benchmarks.peers.SdkUpload", base.toString(),
                file.toString(), name, dir.resolve("checkpoints").toString(), transport, "4")
                .redirectErrorStream(true).redirectOutput(dir.resolve(output).toFile()).start();
    }

    private List<PartCall> since(int from) throws IOException, InterruptedException {
        List<PartCall> all = partCalls();
        return all.subList(from, all.size());
    }

    /** Every uploadpart call the emulator recorded so far, in order. */
    private List<PartCall> partCalls() throws IOException, InterruptedException {
        List<PartCall> calls = new ArrayList<>();
        Matcher m = PART_CALL.matcher(get("/__emulator/calls"));
        while (m.find()) {
            calls.add(new PartCall(m.group(3), Integer.parseInt(m.group(4)), m.group(1).equals("0") && m.group(2).equals("false")));
        }
        return calls;
    }

    private String get(String path) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(base.resolve(path)).GET().build(), HttpResponse.BodyHandlers.ofString()).body();
    }
}
