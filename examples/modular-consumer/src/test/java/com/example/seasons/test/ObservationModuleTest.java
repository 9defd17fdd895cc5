package com.example.seasons.test;

import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.observation.DefaultMeterObservationHandler;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micrometer.observation.ObservationRegistry;
import io.minidrama.adapter.jdkhttp.JdkHttpMiniDramaAdapter;
import io.minidrama.domain.MediaId;
import io.minidrama.emulator.MiniDramaEmulator;
import io.minidrama.micrometer.MiniDramaObservations;
import io.minidrama.port.MiniDramaPlatform;
import io.minidrama.testkit.MiniDramaFixtures;
import io.minidrama.testkit.MiniDramaTest;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

/**
 * Micrometer observations of the platform as a modular application wires them: the
 * {@code io.minidrama.micrometer} module and Micrometer's automatic modules resolved on the module
 * path, one timer per call tagged with the operation and its outcome.
 */
@MiniDramaTest(emulator = true)
class ObservationModuleTest {

    @Test
    void observedPlatform_onTheModulePath_timesEachCallByOperationAndOutcome(MiniDramaEmulator emulator) {
        assertEquals("io.minidrama.micrometer", MiniDramaObservations.class.getModule().getName());
        SimpleMeterRegistry meters = new SimpleMeterRegistry();
        ObservationRegistry observations = ObservationRegistry.create();
        observations.observationConfig().observationHandler(new DefaultMeterObservationHandler(meters));
        MiniDramaPlatform platform = MiniDramaObservations.observe(JdkHttpMiniDramaAdapter.builder()
                .baseUrl(emulator.baseUrl()).credentials("wx0123456789abcdef", "any-secret").build(), observations);

        MediaId id = platform.uploadSingle(MiniDramaFixtures.anEpisode(1).build());
        platform.getMedia(id);

        Timer upload = meters.find(MiniDramaObservations.CALL).tag(MiniDramaObservations.OPERATION, "singlefileupload")
                .tag(MiniDramaObservations.OUTCOME, "success").timer();
        Timer read = meters.find(MiniDramaObservations.CALL).tag(MiniDramaObservations.OPERATION, "getmedia").timer();
        assertNotNull(upload, "a timer for singlefileupload: " + meters.getMetersAsString());
        assertEquals(1, upload.count());
        assertNotNull(read);
        assertEquals(1, read.count());
    }
}
