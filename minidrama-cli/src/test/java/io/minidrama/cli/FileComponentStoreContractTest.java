package io.minidrama.cli;

import io.minidrama.port.component.ComponentStore;
import io.minidrama.testkit.ComponentStoreContractTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** The component store contract on the CLI's directory store, plus what a directory adds. */
class FileComponentStoreContractTest extends ComponentStoreContractTest {
    @TempDir
    Path dir;

    @Override
    protected ComponentStore createStore() {
        return new FileComponentStore(dir, Duration.ofSeconds(10));
    }

    @Test
    void aSecondStoreOnTheSameDirectory_seesTheState_asASecondRunOfTheToolWould() {
        store.putGrant("wxc1", "wxa", io.minidrama.port.component.AuthorizerGrant.of("refresh-1", Set.of(153, 157)));
        store.putTicket("wxc1", new io.minidrama.port.component.VerifyTicket("ticket-1", Instant.ofEpochSecond(1000), Instant.ofEpochSecond(1001)));

        FileComponentStore again = new FileComponentStore(dir, Duration.ofSeconds(10));

        assertEquals(store.grant("wxc1", "wxa"), again.grant("wxc1", "wxa"));
        assertEquals("ticket-1", again.ticket("wxc1").orElseThrow().value());
        assertEquals(java.util.List.of("wxa"), again.authorizers("wxc1"));
    }

    @Test
    void filesHoldingSecrets_areReadableByTheirOwnerOnly() throws Exception {
        store.putGrant("wxc1", "wxa", io.minidrama.port.component.AuthorizerGrant.of("refresh-1", Set.of(153)));
        Path grant = dir.resolve("wxc1").resolve("grant-wxa");
        assertEquals(Set.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE), Files.getPosixFilePermissions(grant));
    }

    @Test
    void anAppidThatIsNotAName_isRefused_beforeAnyFileIsTouched() {
        assertThrows(IllegalArgumentException.class, () -> store.grant("wxc1", "../../etc/passwd"));
        assertThrows(IllegalArgumentException.class, () -> store.ticket("../x"));
    }
}
