package io.minidrama.adapter.fake;

import io.minidrama.domain.error.PlatformException;
import io.minidrama.port.PlatformOperation;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The fake knows every operation of the public catalogue, by the catalogue's wire names. */
class FakeOperationCatalogueTest {
    private final InMemoryMiniDramaPlatform platform = InMemoryMiniDramaPlatform.builder().clock(MutableClock.create()).build();
    private final FakeControl control = platform.control();

    @Test
    void operations_areTheCatalogueWireNames() {
        assertEquals(Arrays.stream(PlatformOperation.values()).map(PlatformOperation::wireName).collect(Collectors.toSet()),
                FakeControl.OPERATIONS);
        assertEquals(41, FakeControl.OPERATIONS.size());
    }

    @Test
    void everyCatalogueOperation_acceptsAnInjectedFault() {
        for (PlatformOperation op : PlatformOperation.values()) {
            control.failNext(op, 1, 10093030);
            control.failNext(op, 1, 10093030, "by catalogue");
            control.failNextWithTransportFault(op.wireName(), 1);
            control.latency(op.wireName(), java.time.Duration.ZERO);
        }
    }

    @Test
    void failNext_byCatalogueEntry_failsTheCallOfThatOperation_andRecordsItUnderItsWireName() {
        control.failNext(PlatformOperation.GET_AUTHORIZED_APPS, 1, 10090043, "no authorisation relation");

        PlatformException e = assertThrows(PlatformException.class, platform::receivedApps);

        assertEquals(10090043, e.rawErrcode());
        assertEquals(List.of(), platform.receivedApps());
        List<RecordedCall> calls = control.recordedCalls(PlatformOperation.GET_AUTHORIZED_APPS.wireName());
        assertEquals(2, calls.size());
        assertTrue(calls.get(0).injected());
        assertEquals(List.of(), control.recordedCalls(PlatformOperation.GET_AUTHORIZE_APPS.wireName()));
    }
}
