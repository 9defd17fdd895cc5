package io.minidrama.testkit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/**
 * The lifecycle every platform contract suite shares: before each test it asks the subclass for
 * a fresh {@link ContractSubject} (the port under test and the control of the platform behind it)
 * and closes it after the test.
 *
 * @param <P> the port type under test
 */
public abstract class PlatformContract<P> {
    private ContractSubject<P> subject;
    /** The port under test, set before each test. */
    protected P port;
    /** The control of the platform behind it, set before each test. */
    protected PlatformControl control;

    /** The port under test and its platform's control; a fresh platform for every test. */
    protected abstract ContractSubject<P> createSubject();

    @BeforeEach
    final void openSubject() {
        subject = createSubject();
        port = subject.port();
        control = subject.control();
    }

    @AfterEach
    final void closeSubject() {
        if (subject != null) {
            subject.close();
        }
    }
}
