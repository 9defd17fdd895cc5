package io.minidrama.spring.boot;

import io.micrometer.observation.ObservationRegistry;
import io.minidrama.micrometer.MiniDramaObservations;
import io.minidrama.port.AccessTokenSource;
import io.minidrama.port.MiniDramaPlatform;
import io.minidrama.port.RetryListener;
import io.minidrama.port.component.ComponentPort;

/** {@link MiniDramaInstrumentation} through {@link MiniDramaObservations}; loaded only when Micrometer is present. */
final class ObservationInstrumentation implements MiniDramaInstrumentation {
    private final ObservationRegistry registry;

    ObservationInstrumentation(ObservationRegistry registry) {
        this.registry = registry;
    }

    @Override
    public MiniDramaPlatform platform(MiniDramaPlatform platform) {
        return MiniDramaObservations.observe(platform, registry);
    }

    @Override
    public AccessTokenSource tokenSource(AccessTokenSource source) {
        return MiniDramaObservations.observe(source, registry);
    }

    @Override
    public ComponentPort componentPort(ComponentPort port) {
        return MiniDramaObservations.observe(port, registry);
    }

    @Override
    public RetryListener retryListener() {
        return MiniDramaObservations.retryListener(registry);
    }
}
