package io.minidrama.benchmarks;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What the upload benchmarks share: the project's emulator in a child JVM of its own (so that its
 * CPU is not the client's), and the generated file they upload.
 *
 * @param process the emulator's process
 * @param url     the base URL it printed when it started
 */
record ChildEmulator(Process process, URI url) {

    /**
     * Starts {@code io.minidrama.emulator.MiniDramaEmulator} on a free port with {@code javaBin} and
     * {@code classPath}, a 2 GB heap and the JDK server's small writes unbuffered; returns once it
     * printed its URL, and keeps draining its output so that the pipe never fills up.
     */
    static ChildEmulator start(String javaBin, String classPath) throws IOException {
        Process p = new ProcessBuilder(javaBin, "-Xmx2g", "-Dsun.net.httpserver.nodelay=true", "-cp", classPath,
                "io.minidrama.emulator.MiniDramaEmulator", "--port", "0").redirectErrorStream(true).start();
        BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
        String line = r.readLine();
        Matcher m = Pattern.compile("(http://\\S+)").matcher(line == null ? "" : line);
        if (!m.find()) {
            p.destroyForcibly();
            throw new IllegalStateException("emulator did not start: " + line);
        }
        Thread drain = new Thread(() -> {
            try {
                while (r.readLine() != null) {
                    // keep the child's output pipe from filling up
                }
            } catch (IOException ignored) {
                // the child ended
            }
        });
        drain.setDaemon(true);
        drain.start();
        return new ChildEmulator(p, URI.create(m.group(1)));
    }

    /** Writes {@code size} pseudo-random bytes (from {@code seed}) to {@code file}; returns their SHA-256 in hex. */
    static String writeFile(Path file, long size, long seed) throws Exception {
        MessageDigest sha = MessageDigest.getInstance("SHA-256");
        byte[] block = new byte[1 << 20];
        Random random = new Random(seed);
        try (OutputStream out = Files.newOutputStream(file)) {
            for (long left = size; left > 0; left -= block.length) {
                random.nextBytes(block);
                int n = (int) Math.min(block.length, left);
                out.write(block, 0, n);
                sha.update(block, 0, n);
            }
        }
        return HexFormat.of().formatHex(sha.digest());
    }
}
