package io.minidrama.port;

import io.minidrama.domain.player.DramaRef;
import io.minidrama.domain.player.FinderEvent;
import io.minidrama.domain.player.FinderEventQuery;
import io.minidrama.port.Operation.NoRequest;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The generic call of the typed operations: the catalogue lists them, and decorators keep their typed overrides. */
class TypedOperationTest {

    private static final FinderEvent EVENT = new FinderEvent("event/1", "活动", "https://example.invalid/e",
            DramaRef.parse("wx4f3ca6d4c2407ccc", "1"));

    /** Answers finderEvents with one event; records every call. */
    private static final class Answering extends ForwardingMiniDramaPlatform {
        final List<String> calls = new ArrayList<>();
        final MiniDramaPlatform inner;

        Answering(MiniDramaPlatform inner) {
            this.inner = inner;
        }

        @Override
        protected MiniDramaPlatform delegate() {
            return inner;
        }

        @Override
        public List<FinderEvent> finderEvents(FinderEventQuery query) {
            calls.add("finderEvents");
            return List.of(EVENT);
        }
    }

    /** A platform that answers every call with an empty list (or null). */
    private static MiniDramaPlatform empty() {
        return (MiniDramaPlatform) java.lang.reflect.Proxy.newProxyInstance(TypedOperationTest.class.getClassLoader(),
                new Class<?>[] {MiniDramaPlatform.class}, (proxy, method, args) -> method.getName().equals("execute") ? List.of() : null);
    }

    @Test
    void aTypedOverrideDownTheChain_isCalled_whenAnOuterDecoratorRunsTheOperation() {
        Answering inner = new Answering(empty()); // answers finderEvents itself
        List<PlatformOperation> intercepted = new ArrayList<>();
        MiniDramaPlatform outer = new ForwardingMiniDramaPlatform() {
            @Override
            protected MiniDramaPlatform delegate() {
                return inner;
            }

            @Override
            protected <T> T intercept(PlatformOperation op, Supplier<T> call) {
                intercepted.add(op);
                return call.get();
            }
        };

        assertEquals(List.of(EVENT), outer.finderEvents(FinderEventQuery.all()));
        assertEquals(List.of(EVENT), outer.execute(DramaPlayerPort.GET_FINDER_EVENT, FinderEventQuery.all()));

        assertEquals(List.of("finderEvents", "finderEvents"), inner.calls);
        assertEquals(List.of(DramaPlayerPort.GET_FINDER_EVENT, DramaPlayerPort.GET_FINDER_EVENT), intercepted);
    }

    @Test
    void theCatalogue_listsThePortsTypedOperations_byNameAndWireName() {
        assertTrue(List.of(PlatformOperation.values()).contains(DramaPlayerPort.DEVELOPER_GET_IAA_DRAMA));
        assertSame(DramaPlayerPort.DEVELOPER_GET_IAA_DRAMA, PlatformOperation.valueOf("DEVELOPER_GET_IAA_DRAMA"));
        assertSame(DramaPlayerPort.GET_FINDER_EVENT, PlatformOperation.of("getfinderevent"));
        assertEquals("/wxadrama/getfinderevent", DramaPlayerPort.GET_FINDER_EVENT.path());
        assertEquals(PlatformOperation.PLAYER_PERMISSION_SET, DramaPlayerPort.GET_FINDER_EVENT.permissionSet());
        PlatformOperation[] all = PlatformOperation.values();
        for (int i = 0; i < all.length; i++) {
            assertEquals(i, all[i].ordinal(), all[i].name());
        }
        assertEquals("{}", NoRequest.INSTANCE.toString());
    }
}
