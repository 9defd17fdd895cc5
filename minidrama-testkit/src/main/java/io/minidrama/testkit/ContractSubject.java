package io.minidrama.testkit;

import java.util.Objects;

/**
 * What a contract suite's factory hook returns: the port under test, the {@link PlatformControl}
 * of the platform behind it, and what to release after the test (an emulator to stop).
 *
 * @param <P> the port type
 */
public final class ContractSubject<P> implements AutoCloseable {
    private final P port;
    private final PlatformControl control;
    private final Runnable onClose;

    private ContractSubject(P port, PlatformControl control, Runnable onClose) {
        this.port = Objects.requireNonNull(port, "port");
        this.control = Objects.requireNonNull(control, "control");
        this.onClose = Objects.requireNonNull(onClose, "onClose");
    }

    /** A subject with nothing to release. */
    public static <P> ContractSubject<P> of(P port, PlatformControl control) {
        return new ContractSubject<>(port, control, () -> { });
    }

    /** A subject that runs {@code onClose} after the test. */
    public static <P> ContractSubject<P> of(P port, PlatformControl control, Runnable onClose) {
        return new ContractSubject<>(port, control, onClose);
    }

    /** The port under test. */
    public P port() {
        return port;
    }

    /** The control of the platform behind the port. */
    public PlatformControl control() {
        return control;
    }

    /** Releases the subject's resources. */
    @Override
    public void close() {
        onClose.run();
    }
}
