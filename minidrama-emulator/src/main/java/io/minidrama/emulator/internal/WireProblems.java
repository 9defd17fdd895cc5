package io.minidrama.emulator.internal;

import io.minidrama.emulator.WireProblem;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;

/**
 * The wire problems the emulator found, oldest first; the latest {@value #CAPACITY} are kept, so an
 * emulator that runs for hours stays bounded. Thread-safe.
 */
public final class WireProblems {
    /** How many problems are kept. */
    static final int CAPACITY = 1000;

    private final Deque<WireProblem> problems = new ArrayDeque<>();

    synchronized void record(WireProblem p) {
        if (problems.size() == CAPACITY) {
            problems.removeFirst();
        }
        problems.addLast(p);
    }

    /** The problems recorded so far, oldest first. */
    public synchronized List<WireProblem> list() {
        return List.copyOf(problems);
    }

    /** Forgets every problem recorded so far. */
    public synchronized void clear() {
        problems.clear();
    }
}
