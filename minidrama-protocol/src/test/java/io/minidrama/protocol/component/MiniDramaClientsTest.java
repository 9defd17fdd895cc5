package io.minidrama.protocol.component;

import io.minidrama.port.ForwardingMiniDramaPlatform;
import io.minidrama.port.MiniDramaPlatform;
import io.minidrama.protocol.MiniDramaClient;
import io.minidrama.protocol.spi.HttpTransport;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** {@link MiniDramaClients.Builder#decorate}: what {@code client(appId)} hands out. No call is made. */
class MiniDramaClientsTest {
    private static final HttpTransport NO_CALLS = request -> {
        throw new AssertionError("no call expected");
    };

    @Test
    void decorate_wrapsEachClientOnce_whenCreated_knowingItsAppid() {
        List<String> decorated = new CopyOnWriteArrayList<>();
        MiniDramaClients clients = MiniDramaClients.builder().transport(NO_CALLS)
                .app("wxapp00000000001", "secret-one").app("wxapp00000000002", "secret-two")
                .decorate((appId, client) -> {
                    decorated.add(appId);
                    return new Decorated(appId, client);
                })
                .build();

        MiniDramaPlatform first = clients.client("wxapp00000000001");
        Decorated wrapped = assertInstanceOf(Decorated.class, first);
        assertEquals("wxapp00000000001", wrapped.appId);
        assertInstanceOf(MiniDramaClient.class, wrapped.delegate(), "the decorator gets the client built for the appid");
        assertSame(first, clients.client("wxapp00000000001"), "created and decorated once, then shared");
        clients.client("wxapp00000000002");
        assertEquals(List.of("wxapp00000000001", "wxapp00000000002"), decorated);
    }

    @Test
    void withoutDecorate_theClientItself() {
        MiniDramaClients clients = MiniDramaClients.builder().transport(NO_CALLS).app("wxapp00000000001", "secret-one").build();
        assertInstanceOf(MiniDramaClient.class, clients.client("wxapp00000000001"));
    }

    @Test
    void aDecoratorReturningNull_isRefused_andNoClientIsKept() {
        MiniDramaClients clients = MiniDramaClients.builder().transport(NO_CALLS).app("wxapp00000000001", "secret-one")
                .decorate((appId, client) -> null).build();
        NullPointerException refused = assertThrows(NullPointerException.class, () -> clients.client("wxapp00000000001"));
        assertEquals("decorate(..) returned null", refused.getMessage());
        assertEquals(Set.of(), clients.created());
        assertThrows(NullPointerException.class, () -> MiniDramaClients.builder().decorate(null));
    }

    private static final class Decorated extends ForwardingMiniDramaPlatform {
        private final String appId;
        private final MiniDramaPlatform delegate;

        Decorated(String appId, MiniDramaPlatform delegate) {
            this.appId = appId;
            this.delegate = delegate;
        }

        @Override
        protected MiniDramaPlatform delegate() {
            return delegate;
        }
    }
}
