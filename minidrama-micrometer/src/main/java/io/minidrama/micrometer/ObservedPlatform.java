package io.minidrama.micrometer;

import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import io.minidrama.port.ForwardingMiniDramaPlatform;
import io.minidrama.port.MiniDramaPlatform;
import io.minidrama.port.PlatformOperation;

import java.util.Objects;
import java.util.function.Supplier;

/** One {@value MiniDramaObservations#CALL} observation around every call of the delegate. */
final class ObservedPlatform extends ForwardingMiniDramaPlatform {
    private final MiniDramaPlatform delegate;
    private final ObservationRegistry registry;

    ObservedPlatform(MiniDramaPlatform delegate, ObservationRegistry registry) {
        this.delegate = Objects.requireNonNull(delegate, "delegate");
        this.registry = Objects.requireNonNull(registry, "registry");
    }

    @Override
    protected MiniDramaPlatform delegate() {
        return delegate;
    }

    @Override
    protected <T> T intercept(PlatformOperation op, Supplier<T> call) {
        Observation observation = Observation.createNotStarted(MiniDramaObservations.CALL, registry)
                .contextualName(op.wireName())
                .lowCardinalityKeyValue(MiniDramaObservations.OPERATION, op.wireName());
        return Outcome.observe(observation, call);
    }

    @Override
    public String toString() {
        return "Observed[" + delegate + "]";
    }
}
