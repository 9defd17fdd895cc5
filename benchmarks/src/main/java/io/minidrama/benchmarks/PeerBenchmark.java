package io.minidrama.benchmarks;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The same chunked upload by this SDK and its peers, in one run (issue 15).
 *
 * <p>Starts the emulator in a child JVM, writes one random file, then for each round runs every
 * contender once, each in its own child process, in an order rotated every round (so no contender
 * always follows the same one). Each child runs under GNU {@code /usr/bin/time}, which reports the
 * whole process tree's wall time, user + sys CPU and peak RSS as the OS counted them (JIT, GC and
 * start-up included: what a user who uploads one episode per command pays). The emulator's own CPU
 * during each run is read from {@code /proc/PID/stat}. Every upload's stored bytes are checked on
 * the emulator against the file's SHA-256. Contenders:
 * <ul>
 *   <li>{@code wxjava}: WxJava 4.7.0 ({@code WxMaVodService}), one part at a time, each part copied
 *       to a temporary file first (its {@code uploadPart} takes only a {@code java.io.File});
 *       {@code wxjava-fast}: the same with {@code -XX:TieredStopAtLevel=1 -XX:+UseSerialGC}, the JVM
 *       options of {@code cli-fast} (WxJava has no archive of its own);</li>
 *   <li>{@code curl}: {@code benchmarks/curl-upload.sh}, one {@code curl -F} per part;</li>
 *   <li>{@code sdk-jdk}: {@code FileUploadService} over {@code JdkHttpMiniDramaAdapter}, 4 in flight;
 *       {@code sdk-jdk-1}: the same, 1 in flight;</li>
 *   <li>{@code sdk-apache}: the same over {@code ApacheHttpTransport} (Apache HttpClient 5), 4 in flight;
 *       {@code sdk-jdk-fast}, {@code sdk-apache-fast}: {@code sdk-jdk} and {@code sdk-apache} with
 *       {@code -XX:TieredStopAtLevel=1 -XX:+UseSerialGC} (what a library user can give a short-lived upload process);
 *       {@code sdk-jdk-cds}, {@code sdk-apache-cds}: the same plus an AppCDS archive of the application's class path
 *       ({@code -Xshare:on -XX:SharedArchiveFile}), made once per benchmark run, untimed, by a training upload
 *       ({@code sdkArchive}): what a library user deploying on JDK 17 can do for their own service;</li>
 *   <li>{@code cli}: {@code java -jar minidrama-cli/target/minidrama.jar upload}, 4 in flight, on the
 *       CLI's default transport (Apache HttpClient 5);
 *       {@code cli-fast}: the same with {@code -XX:TieredStopAtLevel=1 -XX:+UseSerialGC} and an AppCDS archive of
 *       the jar ({@code -Xshare:on}), made once per benchmark run, untimed, by a training upload of the CLI itself
 *       ({@code cliArchive}: what {@code minidrama-cli/bin/minidrama} records on its first upload);
 *       {@code cli-jdk-fast}: {@code cli-fast} with {@code --transport jdk} (and an archive trained on that transport).</li>
 * </ul>
 * JVM contenders run with {@code -Xmx64m}. Usage (after {@code mvn -B -ntp -q package -DskipTests}):
 * <pre>java -cp benchmarks/target/benchmarks.jar io.minidrama.benchmarks.PeerBenchmark [sizeMb] [rounds] [contender,...]</pre>
 * Prints one row per run, then per contender the medians and their ratios to WxJava's.
 */
public final class PeerBenchmark {
    private static final List<String> DEFAULT = List.of("wxjava", "wxjava-fast", "curl", "sdk-jdk", "sdk-jdk-1", "sdk-apache", "sdk-jdk-fast",
            "sdk-apache-fast", "sdk-jdk-cds", "sdk-apache-cds", "cli", "cli-fast", "cli-jdk-fast");
    private static final String HEAP = "-Xmx64m";
    /** The JVM options the README suggests for the CLI (plus its AppCDS archive): C1 only, the serial collector. */
    private static final List<String> FAST_CLI_OPTIONS = List.of("-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC");

    private final Path benchDir;   // benchmarks/
    private final Path jar;        // benchmarks/target/benchmarks.jar
    private final String javaBin = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    private final Path work;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private URI base;
    private long emulatorPid;
    private int runs;

    private PeerBenchmark(Path jar, Path work) {
        this.jar = jar;
        this.benchDir = jar.toAbsolutePath().getParent().getParent();
        this.work = work;
    }

    /** One measured run: what the OS reported for the child tree and the emulator. */
    record Run(String contender, int round, double wall, double cpu, double rssMb, double emulatorCpu, boolean verified, String note) {
    }

    public static void main(String[] args) throws Exception {
        int sizeMb = args.length > 0 ? Integer.parseInt(args[0]) : 500;
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 3;
        List<String> contenders = args.length > 2 ? Arrays.asList(args[2].split(",")) : DEFAULT;
        if (!Files.isExecutable(Path.of("/usr/bin/time"))) {
            throw new IllegalStateException("needs GNU time at /usr/bin/time (Debian/Ubuntu: apt-get install time)");
        }
        Path jar = Path.of(System.getProperty("java.class.path").split(java.io.File.pathSeparator)[0]);
        Path work = Files.createTempDirectory("minidrama-peers-");
        PeerBenchmark bench = new PeerBenchmark(jar, work);
        ChildEmulator child = ChildEmulator.start(bench.javaBin, bench.jar.toString());
        Process emulator = child.process();
        bench.base = child.url();
        bench.emulatorPid = emulator.pid();
        boolean failed;
        try {
            Path file = work.resolve("episode.mp4");
            long size = sizeMb * 1024L * 1024L;
            String sha = ChildEmulator.writeFile(file, size, 20261130);
            System.out.printf(Locale.ROOT, "file: %d MB, sha256 %s; emulator %s (pid %d, -Xmx2g); %d cores; load average %s; contenders %s%n",
                    sizeMb, sha.substring(0, 16), bench.base, bench.emulatorPid, Runtime.getRuntime().availableProcessors(),
                    loadAverage(), contenders);
            // Untimed: the AppCDS archives of the sdk-*-cds contenders, each from a training upload.
            for (String c : contenders) {
                if (c.startsWith("sdk-") && c.endsWith("-cds")) {
                    bench.sdkArchive(c.equals("sdk-jdk-cds") ? "jdk" : "apache", file);
                }
                if (c.startsWith("cli-") && c.endsWith("-fast")) {
                    bench.cliArchive(cliTransport(c), file);
                }
            }
            // Untimed: warms the emulator's JIT so the first contender of round 1 does not pay for it.
            Run warm = bench.run("curl", 0, file, size, sha);
            System.out.println("warm-up (not counted): " + format(warm));
            List<Run> all = new ArrayList<>();
            for (int round = 1; round <= rounds; round++) {
                for (int i = 0; i < contenders.size(); i++) {
                    String c = contenders.get((i + round - 1) % contenders.size());
                    Run r = bench.run(c, round, file, size, sha);
                    System.out.println(format(r));
                    all.add(r);
                }
            }
            System.out.println();
            System.out.println("| contender | round | wall s | CPU s (user+sys) | peak RSS MB | emulator CPU s | bytes verified |");
            System.out.println("|---|---|---|---|---|---|---|");
            all.forEach(r -> System.out.println(format(r)));
            summary(all, contenders, sizeMb, rounds);
            failed = all.stream().anyMatch(r -> !r.verified);
        } finally {
            emulator.destroy();
            emulator.waitFor(10, TimeUnit.SECONDS);
            Trees.delete(work);
        }
        if (failed) {
            System.out.println("FAILED: some uploads did not end with identical bytes on the emulator (rows marked NO)");
            System.exit(1);
        }
    }

    private static String format(Run r) {
        return String.format(Locale.ROOT, "| %s | %d | %.2f | %.2f | %.0f | %.2f | %s |", r.contender, r.round, r.wall, r.cpu, r.rssMb,
                r.emulatorCpu, r.verified ? "yes" : "NO: " + r.note);
    }

    private static void summary(List<Run> all, List<String> contenders, int sizeMb, int rounds) {
        Map<String, double[]> med = new LinkedHashMap<>();
        for (String c : contenders) {
            // A run whose bytes did not arrive intact measured nothing: medians of the verified runs only.
            List<Run> rs = all.stream().filter(r -> r.contender.equals(c) && r.verified).toList();
            med.put(c, new double[] {median(rs, Run::wall), median(rs, Run::cpu), median(rs, Run::rssMb), median(rs, Run::emulatorCpu),
                    rs.size(), all.stream().filter(r -> r.contender.equals(c)).count()});
        }
        double[] ref = med.get("wxjava");
        System.out.println();
        System.out.printf(Locale.ROOT, "%d MB, medians of %d rounds; ratios to WxJava's median%s:%n", sizeMb, rounds,
                ref == null ? " (no wxjava contender: ratios left out)" : "");
        System.out.println("| contender | wall s | × WxJava | CPU s (user+sys) | × WxJava | peak RSS MB | × WxJava | emulator CPU s | bytes verified |");
        System.out.println("|---|---|---|---|---|---|---|---|---|");
        med.forEach((c, m) -> System.out.printf(Locale.ROOT, "| %s | %.2f | %s | %.2f | %s | %.0f | %s | %.2f | %d/%d |%n", c, m[0],
                ratio(m[0], ref, 0), m[1], ratio(m[1], ref, 1), m[2], ratio(m[2], ref, 2), m[3], (long) m[4], (long) m[5]));
    }

    private static String ratio(double v, double[] ref, int i) {
        return ref == null ? "–" : String.format(Locale.ROOT, "%.2f", v / ref[i]);
    }

    private static double median(List<Run> rs, java.util.function.ToDoubleFunction<Run> f) {
        double[] v = rs.stream().mapToDouble(f).sorted().toArray();
        if (v.length == 0) {
            return Double.NaN;
        }
        return v.length % 2 == 1 ? v[v.length / 2] : (v[v.length / 2 - 1] + v[v.length / 2]) / 2;
    }

    /** Runs one contender in its own process tree under /usr/bin/time. */
    private Run run(String contender, int round, Path file, long size, String sha) throws Exception {
        int n = ++runs;
        String name = "基准短剧 - 第" + n + "集";
        Path dir = Files.createDirectories(work.resolve("run-" + n));
        Path timing = dir.resolve("time.txt");
        Path out = dir.resolve("out.txt");
        List<String> cmd = new ArrayList<>(List.of("/usr/bin/time", "-f", "%e %U %S %M", "-o", timing.toString()));
        cmd.addAll(command(contender, file, name, dir));
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(out.toFile());
        double emu0 = emulatorCpu();
        Process p = pb.start();
        int exit = p.waitFor();
        double emu = emulatorCpu() - emu0;
        String[] t = Files.readString(timing).strip().lines().reduce((a, b) -> b).orElse("").split(" ");
        String output = Files.readString(out);
        Matcher m = Pattern.compile("media_id=(\\d+)").matcher(output);
        Matcher json = Pattern.compile("\"media_id\"\\s*:\\s*(\\d+)").matcher(output);
        String mediaId = m.find() ? m.group(1) : json.find() ? json.group(1) : null;
        boolean verified = false;
        String note = "exit " + exit + ": " + tail(output);
        if (exit == 0 && mediaId != null) {
            String stored = get("/__emulator/media/" + mediaId);
            verified = stored.contains(sha) && stored.contains(Long.toString(size));
            note = verified ? "" : "stored " + tail(stored);
        }
        Trees.delete(dir);
        return new Run(contender, round, Double.parseDouble(t[0]), Double.parseDouble(t[1]) + Double.parseDouble(t[2]),
                Long.parseLong(t[3]) / 1024.0, emu, verified, note);
    }

    private List<String> command(String contender, Path file, String name, Path dir) throws IOException {
        String f = file.toString();
        switch (contender) {
            case "wxjava":
            case "wxjava-fast":
                Path cp = benchDir.resolve("target/wxjava.classpath");
                if (!Files.exists(cp)) {
                    throw new IllegalStateException(cp + " is missing: build with mvn -B -ntp -q package -DskipTests");
                }
                List<String> w = new ArrayList<>(List.of(javaBin, HEAP));
                if (contender.equals("wxjava-fast")) {
                    w.addAll(FAST_CLI_OPTIONS);
                }
                w.addAll(List.of("-cp", jar + java.io.File.pathSeparator + Files.readString(cp).strip(),
                        "io.minidrama.benchmarks.peers.WxJavaUpload", base.toString(), f, name));
                return w;
            case "curl":
                return List.of("bash", benchDir.resolve("curl-upload.sh").toString(), base.toString(), f, name);
            case "sdk-jdk":
            case "sdk-jdk-1":
            case "sdk-apache":
            case "sdk-jdk-fast":
            case "sdk-apache-fast":
            case "sdk-jdk-cds":
            case "sdk-apache-cds":
                String transport = contender.startsWith("sdk-jdk") ? "jdk" : "apache";
                List<String> s = new ArrayList<>(List.of(javaBin, HEAP));
                if (contender.endsWith("-fast") || contender.endsWith("-cds")) {
                    s.addAll(FAST_CLI_OPTIONS);
                }
                if (contender.endsWith("-cds")) {
                    // -Xshare:on: a run whose archive does not map (another class path, a rebuilt jar) fails instead of
                    // silently measuring no archive.
                    s.addAll(List.of("-Xshare:on", "-XX:SharedArchiveFile=" + sdkArchivePath(transport)));
                }
                s.addAll(sdkUpload(f, name, dir.resolve("checkpoints"), transport, contender.endsWith("-1") ? "1" : "4"));
                return s;
            case "cli":
            case "cli-fast":
            case "cli-jdk-fast":
                List<String> c = new ArrayList<>(List.of(javaBin, HEAP));
                if (contender.endsWith("-fast")) {
                    c.addAll(FAST_CLI_OPTIONS);
                    c.addAll(List.of("-Xshare:on", "-XX:SharedArchiveFile=" + cliArchivePath(cliTransport(contender))));
                }
                c.addAll(cliUpload(f, name, dir.resolve("checkpoints"), cliTransport(contender)));
                return c;
            default:
                throw new IllegalArgumentException("unknown contender " + contender + "; known: " + DEFAULT);
        }
    }

    /** The arguments that run {@code peers/SdkUpload} on this jar's class path (the same string for the archive and its users). */
    private List<String> sdkUpload(String file, String name, Path checkpoints, String transport, String concurrency) {
        return List.of("-cp", jar.toString(), "io.minidrama.benchmarks.peers.SdkUpload", base.toString(), file, name,
                checkpoints.toString(), transport, concurrency);
    }

    /** The transport a {@code cli*} contender asks for: {@code jdk} for {@code cli-jdk-*}, else the CLI's default. */
    private static String cliTransport(String contender) {
        return contender.startsWith("cli-jdk") ? "jdk" : "apache";
    }

    /** The arguments of {@code minidrama upload} (the default transport unless {@code jdk}: no {@code --transport} then). */
    private List<String> cliUpload(String file, String name, Path checkpoints, String transport) {
        List<String> c = new ArrayList<>(List.of("-jar", cliJar().toString(), "upload", file, "--name", name, "--base-url", base.toString(),
                "--appid", "wxbench000000000001", "--secret", "bench", "--checkpoint-dir", checkpoints.toString(), "--json"));
        if (transport.equals("jdk")) {
            c.addAll(List.of("--transport", "jdk"));
        }
        return c;
    }

    private Path cliArchivePath(String transport) {
        return work.resolve("cli-" + transport + ".jsa");
    }

    private Path sdkArchivePath(String transport) {
        return work.resolve("sdk-" + transport + ".jsa");
    }

    /**
     * The AppCDS archive a library user makes for their own service on JDK 17 (untimed set-up): a training run of
     * the same application on the same class path, JVM options and transport, {@code -XX:ArchiveClassesAtExit},
     * uploading a 3-part file (the first 12 MiB of the benchmark's file) to the emulator, so the archive holds the
     * classes of the whole upload path (first call, parts, commit). The JVM records the class path (each jar's
     * size and time) in the archive and refuses to map it on any other; with {@code -Xshare:on} the contender then
     * fails instead of running without it.
     */
    private void sdkArchive(String transport, Path file) throws IOException, InterruptedException {
        trainArchive("sdk-" + transport + "-cds", sdkArchivePath(transport), file,
                (train, dir) -> sdkUpload(train.toString(), "基准短剧训练 - 第1集", dir.resolve("checkpoints"), transport, "4"));
    }

    /**
     * The AppCDS archive of the {@code cli-*-fast} contenders, as {@link #sdkArchive} for the SDK's: a training
     * {@code minidrama upload} of 12 MiB on the same jar, JVM options and transport, untimed, once per run.
     */
    private void cliArchive(String transport, Path file) throws IOException, InterruptedException {
        trainArchive("cli-" + (transport.equals("jdk") ? "jdk-" : "") + "fast", cliArchivePath(transport), file,
                (train, dir) -> cliUpload(train.toString(), "基准短剧训练 - 第1集", dir.resolve("checkpoints"), transport));
    }

    /** Runs {@code app(trainingFile, dir)} once with {@code -XX:ArchiveClassesAtExit=jsa} on the first 12 MiB of {@code file}. */
    private void trainArchive(String contender, Path jsa, Path file, java.util.function.BiFunction<Path, Path, List<String>> app)
            throws IOException, InterruptedException {
        Path train = work.resolve("train-" + contender + ".mp4");
        try (var in = java.nio.channels.FileChannel.open(file); var out = java.nio.channels.FileChannel.open(train,
                java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.WRITE)) {
            in.transferTo(0, 12L * 1024 * 1024, out);
        }
        Path dir = Files.createDirectories(work.resolve("train-" + contender));
        List<String> cmd = new ArrayList<>(List.of(javaBin, HEAP));
        cmd.addAll(FAST_CLI_OPTIONS);
        cmd.add("-XX:ArchiveClassesAtExit=" + jsa);
        cmd.addAll(app.apply(train, dir));
        long t0 = System.nanoTime();
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(dir.resolve("out.txt").toFile()).start();
        if (p.waitFor() != 0 || !Files.exists(jsa)) {
            throw new IllegalStateException("could not make the CDS archive " + jsa + ": " + tail(Files.readString(dir.resolve("out.txt"))));
        }
        System.out.printf(Locale.ROOT, "AppCDS archive for %s (untimed): %s, %.1f MB, training upload of 12 MiB in %.1f s%n", contender,
                jsa.getFileName(), Files.size(jsa) / 1e6, (System.nanoTime() - t0) / 1e9);
        Files.delete(train);
    }

    private Path cliJar() {
        return benchDir.getParent().resolve("minidrama-cli/target/minidrama.jar");
    }

    /** The emulator's CPU so far (user + sys, seconds), from /proc/PID/stat. */
    private double emulatorCpu() throws IOException {
        String stat = Files.readString(Path.of("/proc/" + emulatorPid + "/stat"));
        String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return (Long.parseLong(f[11]) + Long.parseLong(f[12])) / 100.0; // utime, stime in clock ticks (USER_HZ = 100)
    }

    private String get(String path) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(base.resolve(path)).GET().build(), HttpResponse.BodyHandlers.ofString()).body();
    }

    private static String tail(String s) {
        String t = s.strip();
        return t.length() > 300 ? "..." + t.substring(t.length() - 300) : t;
    }

    private static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).split(" ", 4)[0];
        } catch (IOException e) {
            return "?";
        }
    }
}
