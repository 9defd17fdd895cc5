package io.minidrama.adapter.fake;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The fake's layout: one class per capability over a shared core, each small enough to read in
 * one sitting. Reads the module's main sources (Maven runs tests from the module's directory).
 */
class FakeLayoutTest {
    /** The most lines a main source file of the fake may have. */
    static final int MAX_LINES = 400;
    private static final Path MAIN = Path.of("src", "main", "java");
    private static final Path INTERNAL = MAIN.resolve(Path.of("io", "minidrama", "adapter", "fake", "internal"));
    /**
     * Files allowed to be longer, and why. The entry class implements every operation of the
     * platform port (one delegate each) and carries the public {@code Builder}: both are public API,
     * so it shrinks only when the port does. The test fails once an exception is no longer needed.
     */
    private static final Map<Path, String> EXEMPT = Map.of(
            MAIN.resolve(Path.of("io", "minidrama", "adapter", "fake", "InMemoryMiniDramaPlatform.java")),
            "the entry class: one delegate per port operation plus the public Builder");

    @Test
    void every_main_source_file_has_at_most_400_lines() throws IOException {
        Map<Path, Long> lines = lineCounts(MAIN);
        assertTrue(lines.keySet().stream().anyMatch(p -> p.endsWith("Engine.java")) && lines.size() >= 10,
                () -> "found too few sources under " + MAIN.toAbsolutePath() + ": " + lines.keySet() + " (the test would pass vacuously)");

        String tooLong = lines.entrySet().stream()
                .filter(e -> e.getValue() > MAX_LINES && !EXEMPT.containsKey(e.getKey()))
                .map(e -> e.getKey() + " has " + e.getValue() + " lines")
                .collect(Collectors.joining("\n  "));
        assertEquals("", tooLong, () -> "main source files of the fake have at most " + MAX_LINES
                + " lines; split a file by capability (see the module's README.md):\n  " + tooLong);
    }

    @Test
    void every_exemption_is_still_needed() throws IOException {
        Map<Path, Long> lines = lineCounts(MAIN);
        for (Path exempt : EXEMPT.keySet()) {
            assertTrue(lines.containsKey(exempt), () -> exempt + " is exempt but does not exist; drop it from EXEMPT");
            assertTrue(lines.get(exempt) > MAX_LINES, () -> exempt + " has " + lines.get(exempt) + " lines now; drop it from EXEMPT");
        }
    }

    @Test
    void the_internal_package_has_a_class_per_capability_and_no_exemption() throws IOException {
        Map<Path, Long> lines = lineCounts(INTERNAL);
        List<String> names = lines.keySet().stream().map(p -> p.getFileName().toString()).toList();
        for (String capability : List.of("Core.java", "Uploads.java", "Catalog.java", "Audits.java", "Maintenance.java",
                "Authorizations.java", "Packages.java", "Cdn.java", "DramaLifecycle.java")) {
            assertTrue(names.contains(capability), () -> "internal/ has no " + capability + ": " + names);
        }
        assertTrue(EXEMPT.keySet().stream().noneMatch(p -> p.startsWith(INTERNAL)), "no file of internal/ is exempt");
    }

    private static Map<Path, Long> lineCounts(Path root) throws IOException {
        Map<Path, Long> lines = new TreeMap<>();
        try (Stream<Path> files = Files.walk(root)) {
            for (Path p : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                try (Stream<String> l = Files.lines(p)) {
                    lines.put(p, l.count());
                }
            }
        }
        return lines;
    }
}
