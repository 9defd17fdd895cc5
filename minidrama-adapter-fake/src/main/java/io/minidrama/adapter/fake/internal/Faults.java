package io.minidrama.adapter.fake.internal;

import io.minidrama.adapter.fake.RecordedCall;
import io.minidrama.domain.error.PlatformException;
import io.minidrama.domain.error.TransportException;
import io.minidrama.port.PlatformOperation;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/** Injected faults and latency, and the record of every call. Thread-safe. */
public final class Faults {
    /** Every operation name the fake answers, as on the wire: the catalogue {@link PlatformOperation}. */
    public static final Set<String> OPERATIONS = Arrays.stream(PlatformOperation.values())
            .map(PlatformOperation::wireName).collect(Collectors.toUnmodifiableSet());

    private enum Kind { ERRCODE, TRANSPORT_BEFORE, TRANSPORT_AFTER }

    private record Fault(Kind kind, int errcode, String errmsg) {
    }

    private final Clock clock;
    private final Map<String, Deque<Fault>> next = new ConcurrentHashMap<>();
    private final Map<String, Duration> latency = new ConcurrentHashMap<>();
    private volatile Duration latencyAll = Duration.ZERO;
    /** The call log keeps the most recent calls only, so a fake serving for hours does not grow with every call. */
    public static final int MAX_RECORDED_CALLS = 100_000;
    private final ArrayDeque<RecordedCall> calls = new ArrayDeque<>();

    public Faults(Clock clock) {
        this.clock = clock;
    }

    public static String checkOperation(String op) {
        if (!OPERATIONS.contains(op)) {
            throw new IllegalArgumentException("unknown operation '" + op + "'; expected one of " + new java.util.TreeSet<>(OPERATIONS));
        }
        return op;
    }

    public void failNext(String op, int times, int errcode, String errmsg) {
        add(op, times, new Fault(Kind.ERRCODE, errcode, errmsg));
    }

    public void failNextWithTransportFault(String op, int times, boolean afterProcessing) {
        add(op, times, new Fault(afterProcessing ? Kind.TRANSPORT_AFTER : Kind.TRANSPORT_BEFORE, 0, ""));
    }

    private void add(String op, int times, Fault f) {
        checkOperation(op);
        if (times < 1) {
            throw new IllegalArgumentException("times must be >= 1; got " + times);
        }
        Deque<Fault> q = next.computeIfAbsent(op, k -> new ArrayDeque<>());
        synchronized (q) {
            for (int i = 0; i < times; i++) {
                q.add(f);
            }
        }
    }

    public void latency(Duration d) {
        latencyAll = requireNonNegative(d);
    }

    public void latency(String op, Duration d) {
        latency.put(checkOperation(op), requireNonNegative(d));
    }

    private static Duration requireNonNegative(Duration d) {
        if (d.isNegative()) {
            throw new IllegalArgumentException("latency must not be negative; got " + d);
        }
        return d;
    }

    public void clear() {
        next.clear();
        latency.clear();
        latencyAll = Duration.ZERO;
    }

    public List<RecordedCall> calls() {
        synchronized (calls) {
            return List.copyOf(calls);
        }
    }

    public void clearCalls() {
        synchronized (calls) {
            calls.clear();
        }
    }

    private void record(RecordedCall call) {
        synchronized (calls) {
            if (calls.size() == MAX_RECORDED_CALLS) {
                calls.removeFirst();
            }
            calls.addLast(call);
        }
    }

    /** Runs {@code action} as operation {@code op}, applying latency and the next injected fault. */
    public <T> T call(String op, Object request, Supplier<T> action) {
        String summary = String.valueOf(request);
        sleep(op);
        Fault f = poll(op);
        if (f != null && f.kind == Kind.ERRCODE) {
            record(new RecordedCall(op, clock.instant(), summary, f.errcode, true));
            throw new PlatformException(op, f.errcode, f.errmsg, PlatformException.NO_HTTP_STATUS,
                    PlatformOperation.find(op).map(PlatformOperation::permissionSet).orElse(0));
        }
        if (f != null && f.kind == Kind.TRANSPORT_BEFORE) {
            record(new RecordedCall(op, clock.instant(), summary, RecordedCall.TRANSPORT_FAULT, true));
            throw new TransportException(op, "injected transport fault: connection reset before the request arrived", false, null);
        }
        T result;
        try {
            result = action.get();
        } catch (PlatformException e) {
            record(new RecordedCall(op, clock.instant(), summary, e.rawErrcode(), false));
            throw e;
        }
        if (f != null) {
            record(new RecordedCall(op, clock.instant(), summary, RecordedCall.TRANSPORT_FAULT, true));
            throw new TransportException(op, "injected transport fault: the request was processed but the answer was lost", true, null);
        }
        record(new RecordedCall(op, clock.instant(), summary, 0, false));
        return result;
    }

    private Fault poll(String op) {
        Deque<Fault> q = next.get(op);
        if (q == null) {
            return null;
        }
        synchronized (q) {
            return q.poll();
        }
    }

    private void sleep(String op) {
        Duration d = latency.getOrDefault(op, latencyAll);
        if (d.isZero()) {
            return;
        }
        try {
            Thread.sleep(d.toMillis(), d.toNanosPart() % 1_000_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TransportException(op, "interrupted while waiting", false, e);
        }
    }
}
