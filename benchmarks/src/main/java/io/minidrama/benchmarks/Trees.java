package io.minidrama.benchmarks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/** Removing a benchmark's working directory, the same way in every harness. */
final class Trees {
    private Trees() {
    }

    /** Deletes {@code root} and everything under it, deepest first; what cannot be deleted stays. */
    static void delete(Path root) throws IOException {
        try (Stream<Path> s = Files.walk(root)) {
            s.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }
}
