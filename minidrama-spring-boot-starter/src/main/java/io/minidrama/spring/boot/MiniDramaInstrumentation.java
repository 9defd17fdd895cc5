package io.minidrama.spring.boot;

import io.minidrama.port.AccessTokenSource;
import io.minidrama.port.MiniDramaPlatform;
import io.minidrama.port.RetryListener;
import io.minidrama.port.component.ComponentPort;

/**
 * How the starter instruments what it builds: Micrometer observations when
 * {@code minidrama-micrometer} and an {@code ObservationRegistry} bean are present, else
 * {@link #NONE}. Declare a bean of this type to instrument differently.
 */
public interface MiniDramaInstrumentation {

    /** Instruments nothing. */
    MiniDramaInstrumentation NONE = new MiniDramaInstrumentation() {
    };

    /** The platform as the application sees it (default: unchanged). */
    default MiniDramaPlatform platform(MiniDramaPlatform platform) {
        return platform;
    }

    /** The source tokens are fetched from (default: unchanged). */
    default AccessTokenSource tokenSource(AccessTokenSource source) {
        return source;
    }

    /**
     * A third-party platform's component API, whose calls fetch the component token and refresh
     * each authorizer's token (default: unchanged).
     */
    default ComponentPort componentPort(ComponentPort port) {
        return port;
    }

    /** Told of each retry (default: {@link RetryListener#NONE}). */
    default RetryListener retryListener() {
        return RetryListener.NONE;
    }
}
