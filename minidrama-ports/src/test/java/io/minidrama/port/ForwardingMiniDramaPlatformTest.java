package io.minidrama.port;

import org.junit.jupiter.api.Test;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ForwardingMiniDramaPlatformTest {

    /** What the recording delegate saw: the method and its arguments. */
    private record Call(Method method, Object[] args) {
    }

    @Test
    void forwardsEveryMethodOfThePort_withItsArguments_andReturnsTheDelegatesAnswer() throws Exception {
        List<Call> calls = new ArrayList<>();
        List<Object> answers = new ArrayList<>();
        MiniDramaPlatform recording = (MiniDramaPlatform) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {MiniDramaPlatform.class}, (proxy, method, args) -> {
                    calls.add(new Call(method, args == null ? new Object[0] : args));
                    Object answer = dummy(method.getReturnType());
                    answers.add(answer);
                    return answer;
                });
        MiniDramaPlatform forwarding = new ForwardingMiniDramaPlatform() {
            @Override
            protected MiniDramaPlatform delegate() {
                return recording;
            }
        };

        List<Method> methods = Arrays.stream(MiniDramaPlatform.class.getMethods())
                .filter(m -> !Modifier.isStatic(m.getModifiers()))
                .filter(m -> !m.getName().equals("execute")) // what the player's typed methods call: checked through them
                .toList();
        assertTrue(methods.size() >= 30, "the port has " + methods.size() + " methods");
        for (Method m : methods) {
            calls.clear();
            answers.clear();
            Object[] args = Arrays.stream(m.getParameterTypes()).map(ForwardingMiniDramaPlatformTest::dummy).toArray();

            Object result;
            try {
                result = m.invoke(forwarding, args);
            } catch (InvocationTargetException e) {
                throw new AssertionError(m + " threw instead of forwarding", e.getCause());
            }

            assertEquals(1, calls.size(), m + " must call the delegate exactly once");
            assertEquals(m, calls.get(0).method(), m + " must forward to the same method");
            assertArrayEquals(args, calls.get(0).args(), m + " must pass its arguments unchanged");
            if (m.getReturnType() != void.class) {
                assertSame(answers.get(0), result, m + " must return the delegate's answer");
            }
        }
    }

    @Test
    void letsTheDelegatesExceptionPassUnchanged() {
        IllegalStateException boom = new IllegalStateException("boom");
        MiniDramaPlatform failing = (MiniDramaPlatform) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {MiniDramaPlatform.class}, (proxy, method, args) -> {
                    throw boom;
                });
        MiniDramaPlatform forwarding = new ForwardingMiniDramaPlatform() {
            @Override
            protected MiniDramaPlatform delegate() {
                return failing;
            }
        };

        assertSame(boom, org.junit.jupiter.api.Assertions.assertThrows(IllegalStateException.class, () -> forwarding.listPackages(null)));
    }

    @Test
    void intercept_seesEveryMethodOnce_withItsOwnOperation_andRunsTheDelegateOnlyThroughTheSupplier() throws Exception {
        List<Method> delegated = new ArrayList<>();
        MiniDramaPlatform recording = (MiniDramaPlatform) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {MiniDramaPlatform.class}, (proxy, method, args) -> {
                    delegated.add(method);
                    return dummy(method.getReturnType());
                });
        List<PlatformOperation> intercepted = new ArrayList<>();
        int[] delegatedBeforeSupplier = {-1};
        MiniDramaPlatform intercepting = new ForwardingMiniDramaPlatform() {
            @Override
            protected MiniDramaPlatform delegate() {
                return recording;
            }

            @Override
            protected <T> T intercept(PlatformOperation op, java.util.function.Supplier<T> call) {
                intercepted.add(op);
                delegatedBeforeSupplier[0] = delegated.size();
                T first = call.get();
                call.get();
                return first;
            }
        };

        java.util.Map<PlatformOperation, Method> byOperation = new java.util.HashMap<>();
        for (Method m : MiniDramaPlatform.class.getMethods()) {
            if (Modifier.isStatic(m.getModifiers()) || m.getName().equals("execute")) {
                continue; // execute(op, request) is what the typed methods of the player call: checked through them
            }
            intercepted.clear();
            delegated.clear();
            Object[] args = Arrays.stream(m.getParameterTypes()).map(ForwardingMiniDramaPlatformTest::dummy).toArray();

            m.invoke(intercepting, args);

            assertEquals(1, intercepted.size(), m + " must pass through intercept exactly once");
            assertEquals(0, delegatedBeforeSupplier[0], m + " must not call the delegate outside the supplier");
            assertEquals(List.of(m, m), delegated, m + ": each run of the supplier is one call of the delegate");
            Method before = byOperation.put(intercepted.get(0), m);
            assertEquals(null, before, m + " and " + before + " name the same operation " + intercepted.get(0));
        }
        assertEquals(java.util.Set.of(PlatformOperation.values()), byOperation.keySet(), "every operation has its method");
        assertEquals("uploadPart", byOperation.get(PlatformOperation.UPLOAD_PART).getName());
        assertEquals("submit", byOperation.get(PlatformOperation.AUDIT_DRAMA).getName());
        assertEquals("deleteMedia", byOperation.get(PlatformOperation.DELETE_MEDIA).getName());
        assertEquals("listPackages", byOperation.get(TrafficPackagePort.LIST_PACKAGES).getName(), "a typed vod operation, forwarded through execute");
        assertEquals("latestAudit", byOperation.get(DramaMaintenancePort.GET_DRAMA_LATEST_AUDIT_INFO).getName());
        assertEquals("getCdnLogs", byOperation.get(CdnPort.GET_CDN_LOGS).getName());
    }

    /** A distinct instance where the type allows one (interfaces, Optional, List), else null or a primitive's zero. */
    private static Object dummy(Class<?> type) {
        if (type == void.class) {
            return null;
        }
        if (type.isPrimitive()) {
            return type == boolean.class ? Boolean.FALSE : type == long.class ? 0L : type == int.class ? 0 : type == double.class ? 0.0 : null;
        }
        if (type.isEnum()) {
            return type.getEnumConstants()[0];
        }
        if (type == Optional.class) {
            return Optional.of(new Object());
        }
        if (type == List.class) {
            return List.of(new Object());
        }
        if (type.isInterface() && !type.isSealed()) {
            return Proxy.newProxyInstance(ForwardingMiniDramaPlatformTest.class.getClassLoader(), new Class<?>[] {type},
                    (proxy, method, args) -> switch (method.getName()) {
                        case "equals" -> proxy == args[0];
                        case "hashCode" -> System.identityHashCode(proxy);
                        case "toString" -> "dummy " + type.getSimpleName();
                        default -> null;
                    });
        }
        return null;
    }
}
