package com.example.seasons.test;

import io.minidrama.adapter.apache.ApacheHttpTransport;
import io.minidrama.domain.MediaId;
import io.minidrama.domain.media.Media;
import io.minidrama.emulator.MiniDramaEmulator;
import io.minidrama.protocol.MiniDramaClient;
import io.minidrama.testkit.MiniDramaFixtures;
import io.minidrama.testkit.MiniDramaTest;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The platform over Apache HttpClient 5 instead of {@code java.net.http}, as a modular application
 * builds it ({@code MiniDramaClient.builder().transport(ApacheHttpTransport...)}): the transport, the
 * protocol, Yasson and HttpClient's automatic modules resolved on the module path.
 */
@MiniDramaTest(emulator = true)
class ApacheTransportModuleTest {

    @Test
    void apacheTransport_onTheModulePath_uploadsAndReadsBackAnEpisode(MiniDramaEmulator emulator) {
        assertEquals("io.minidrama.adapter.apache", ApacheHttpTransport.class.getModule().getName());
        assertEquals("io.minidrama.protocol", MiniDramaClient.class.getModule().getName());
        try (ApacheHttpTransport transport = ApacheHttpTransport.builder().build()) {
            MiniDramaClient platform = MiniDramaClient.builder().transport(transport).baseUrl(emulator.baseUrl())
                    .credentials("wx0123456789abcdef", "any-secret").build();

            MediaId id = platform.uploadSingle(MiniDramaFixtures.anEpisode(1).build());
            Media media = platform.getMedia(id);

            assertEquals(MiniDramaFixtures.episode(1).wire(), media.name());
            assertEquals(MiniDramaFixtures.tinyVideo().length, media.fileSize());
        }
    }
}
