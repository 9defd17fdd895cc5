package io.minidrama.testkit.emulator;

import io.minidrama.emulator.MiniDramaEmulator;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;

/**
 * An emulator in a child JVM, for tests that need its own heap limit or JDK server properties.
 * Prints {@code URL <base>}; answers {@code threads} on stdin with {@code THREADS <n>} (its request
 * threads alive); ends when stdin closes. Argument: the number of request threads.
 */
public final class EmulatorChildMain {
    private EmulatorChildMain() {
    }

    public static void main(String[] args) throws Exception {
        try (MiniDramaEmulator emulator = MiniDramaEmulator.builder().threads(Integer.parseInt(args[0])).start()) {
            System.out.println("URL " + emulator.baseUrl());
            System.out.flush();
            BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
            for (String line; (line = in.readLine()) != null; ) {
                if (line.equals("threads")) {
                    long n = Thread.getAllStackTraces().keySet().stream()
                            .filter(t -> t.isAlive() && t.getName().matches("minidrama-emulator-\\d+")).count();
                    System.out.println("THREADS " + n);
                    System.out.flush();
                }
            }
        }
    }
}
