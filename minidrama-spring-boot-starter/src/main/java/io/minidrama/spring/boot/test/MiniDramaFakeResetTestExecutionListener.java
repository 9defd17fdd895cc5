package io.minidrama.spring.boot.test;

import org.springframework.context.ApplicationContext;
import org.springframework.core.Ordered;
import org.springframework.test.context.TestContext;
import org.springframework.test.context.TestExecutionListener;
import org.springframework.util.ClassUtils;

/**
 * Resets the fake of {@link AutoConfigureMiniDramaFake} after each test method (its state,
 * recorded calls and pending faults; listeners and the clock stay). Registered through
 * {@code META-INF/spring.factories}; does nothing in a context without the fake.
 */
public class MiniDramaFakeResetTestExecutionListener implements TestExecutionListener, Ordered {

    private static final boolean FAKE_PRESENT = ClassUtils.isPresent("io.minidrama.adapter.fake.FakeControl",
            MiniDramaFakeResetTestExecutionListener.class.getClassLoader());

    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE - 100;
    }

    @Override
    public void afterTestMethod(TestContext testContext) {
        if (FAKE_PRESENT && testContext.hasApplicationContext()) {
            Resetter.reset(testContext.getApplicationContext());
        }
    }

    /** Holds the fake's types away from the listener, which loads without them. */
    private static final class Resetter {
        static void reset(ApplicationContext context) {
            for (io.minidrama.adapter.fake.FakeControl control
                    : context.getBeansOfType(io.minidrama.adapter.fake.FakeControl.class, false, false).values()) {
                control.reset();
            }
        }
    }
}
