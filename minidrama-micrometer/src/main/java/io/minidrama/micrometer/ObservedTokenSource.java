package io.minidrama.micrometer;

import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import io.minidrama.port.AccessToken;
import io.minidrama.port.AccessTokenSource;

import java.util.Objects;
import java.util.function.Supplier;

/** One {@value MiniDramaObservations#TOKEN_FETCH} observation per token fetched from the delegate. */
final class ObservedTokenSource implements AccessTokenSource {
    private final AccessTokenSource delegate;
    private final ObservationRegistry registry;

    ObservedTokenSource(AccessTokenSource delegate, ObservationRegistry registry) {
        this.delegate = Objects.requireNonNull(delegate, "delegate");
        this.registry = Objects.requireNonNull(registry, "registry");
    }

    @Override
    public AccessToken fetch() {
        return observe("fetch", delegate::fetch);
    }

    @Override
    public AccessToken fetchReplacing(AccessToken rejected) {
        return observe("replace_rejected", () -> delegate.fetchReplacing(rejected));
    }

    private AccessToken observe(String reason, Supplier<AccessToken> fetch) {
        Observation observation = Observation.createNotStarted(MiniDramaObservations.TOKEN_FETCH, registry)
                .contextualName("token fetch")
                .lowCardinalityKeyValue(MiniDramaObservations.REASON, reason);
        return Outcome.observe(observation, fetch);
    }

    @Override
    public String toString() {
        return "Observed[" + delegate + "]";
    }
}
