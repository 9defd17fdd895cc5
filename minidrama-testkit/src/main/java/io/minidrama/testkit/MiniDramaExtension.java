package io.minidrama.testkit;

import io.minidrama.adapter.fake.FakeControl;
import io.minidrama.adapter.fake.InMemoryMiniDramaPlatform;
import io.minidrama.port.RetryPolicy;
import io.minidrama.adapter.fake.MutableClock;
import io.minidrama.emulator.MiniDramaEmulator;
import io.minidrama.port.MiniDramaPlatform;
import io.minidrama.port.service.MiniDrama;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.platform.commons.support.AnnotationSupport;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Set;

/**
 * JUnit 5 extension behind {@link MiniDramaTest}: before each test it creates a
 * {@link MutableClock}, an {@link InMemoryMiniDramaPlatform} on it and, if asked, a
 * {@link MiniDramaEmulator}; after the test it stops the emulator.
 *
 * <p>Injected as test or lifecycle method parameters, and into the test instance's non-static,
 * non-final fields of these types that are still {@code null}: {@link InMemoryMiniDramaPlatform},
 * {@link MiniDramaPlatform} (the fake), {@link FakeControl}, {@link MutableClock},
 * {@link MiniDrama} (the use cases over the fake, on its clock), {@link PlatformControl} and, with
 * {@code emulator = true}, {@link MiniDramaEmulator}. Asking for the emulator without enabling it
 * fails with {@link ExtensionConfigurationException}. The fake retries failed calls with
 * {@link RetryPolicy#defaults()}, as the HTTP adapter does; with {@code emulator = true} it serves
 * the emulator and does not retry (the emulator's HTTP clients do).
 *
 * <p>Each test gets its own instances, so tests may run in parallel.
 */
public final class MiniDramaExtension implements BeforeEachCallback, AfterEachCallback, ParameterResolver {
    private static final ExtensionContext.Namespace NS = ExtensionContext.Namespace.create(MiniDramaExtension.class);
    private static final Set<Class<?>> TYPES = Set.of(InMemoryMiniDramaPlatform.class, MiniDramaPlatform.class, FakeControl.class,
            MutableClock.class, MiniDrama.class, PlatformControl.class, MiniDramaEmulator.class);

    /** Creates the extension; JUnit does this through {@link MiniDramaTest}. */
    public MiniDramaExtension() {
    }

    private record State(InMemoryMiniDramaPlatform platform, MutableClock clock, MiniDrama miniDrama, MiniDramaEmulator emulator) {
        Object get(Class<?> type) {
            if (type == MiniDramaEmulator.class) {
                if (emulator == null) {
                    throw new ExtensionConfigurationException("no emulator: annotate the test class with @MiniDramaTest(emulator = true)");
                }
                return emulator;
            }
            if (type == InMemoryMiniDramaPlatform.class || type == MiniDramaPlatform.class) {
                return platform;
            }
            if (type == FakeControl.class) {
                return platform.control();
            }
            if (type == MutableClock.class) {
                return clock;
            }
            if (type == MiniDrama.class) {
                return miniDrama;
            }
            return PlatformControl.of(platform);
        }
    }

    private static State state(ExtensionContext context) {
        return context.getStore(NS).getOrComputeIfAbsent(State.class, k -> create(context), State.class);
    }

    private static State create(ExtensionContext context) {
        MiniDramaTest config = context.getTestClass()
                .flatMap(c -> AnnotationSupport.findAnnotation(c, MiniDramaTest.class))
                .orElse(null);
        Instant start = config == null || config.clockStart().isEmpty()
                ? Instant.now().truncatedTo(ChronoUnit.SECONDS) : Instant.parse(config.clockStart());
        MutableClock clock = MutableClock.at(start);
        boolean served = config != null && config.emulator();
        // A fake served by the emulator answers once, as the platform does: its HTTP clients retry.
        InMemoryMiniDramaPlatform platform = InMemoryMiniDramaPlatform.builder().clock(clock)
                .retryPolicy(served ? RetryPolicy.none() : RetryPolicy.defaults()).build();
        MiniDramaEmulator emulator = served ? MiniDramaEmulator.builder().platform(platform).start() : null;
        return new State(platform, clock, MiniDrama.create(platform, clock), emulator);
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        State s = state(context);
        for (Object instance : context.getRequiredTestInstances().getAllInstances()) {
            for (Class<?> c = instance.getClass(); c != null && c != Object.class; c = c.getSuperclass()) {
                for (Field f : c.getDeclaredFields()) {
                    int m = f.getModifiers();
                    if (Modifier.isStatic(m) || Modifier.isFinal(m) || !TYPES.contains(f.getType())) {
                        continue;
                    }
                    inject(f, instance, s.get(f.getType()));
                }
            }
        }
    }

    private static void inject(Field f, Object instance, Object value) {
        try {
            f.setAccessible(true);
            if (f.get(instance) == null) {
                f.set(instance, value);
            }
        } catch (IllegalAccessException e) {
            throw new IllegalStateException("cannot inject " + f.getType().getSimpleName() + " into field " + f.getName()
                    + " of " + instance.getClass().getName() + ": open the test package to the testkit", e);
        }
    }

    @Override
    public void afterEach(ExtensionContext context) {
        State s = context.getStore(NS).remove(State.class, State.class);
        if (s != null && s.emulator() != null) {
            s.emulator().close();
        }
    }

    @Override
    public boolean supportsParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
        return TYPES.contains(parameterContext.getParameter().getType()) && extensionContext.getTestMethod().isPresent();
    }

    @Override
    public Object resolveParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
        return state(extensionContext).get(parameterContext.getParameter().getType());
    }
}
