package io.minidrama.testkit.component;

import io.minidrama.adapter.jdkhttp.JdkHttpTransport;
import io.minidrama.emulator.MiniDramaEmulator;
import io.minidrama.protocol.component.HttpComponentPort;
import io.minidrama.testkit.ComponentPortContractTest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The component port contract through {@link HttpComponentPort} and the JDK transport against the emulator. */
class EmulatorComponentPortContractTest extends ComponentPortContractTest {
    private static JdkHttpTransport transport;
    private MiniDramaEmulator emulator;

    @BeforeAll
    static void transport() {
        transport = JdkHttpTransport.create();
    }

    @AfterAll
    static void closeTransport() {
        transport.close();
    }

    @Override
    protected Subject createSubject() {
        emulator = MiniDramaEmulator.builder().component(COMPONENT, SECRET).start();
        HttpComponentPort port = HttpComponentPort.builder().transport(transport).baseUrl(emulator.baseUrl())
                .clock(emulator.clock()).build();
        return new Subject(port, emulator.component(), emulator.clock());
    }

    @AfterEach
    void stop() {
        try {
            assertEquals(java.util.List.of(), emulator.wireProblems(), "the client sent what the pages do not document");
        } finally {
            emulator.close();
        }
    }
}
