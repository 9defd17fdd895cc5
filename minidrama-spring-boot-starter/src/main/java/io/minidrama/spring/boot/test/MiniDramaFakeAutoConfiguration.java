package io.minidrama.spring.boot.test;

import io.minidrama.adapter.fake.FakeControl;
import io.minidrama.adapter.fake.InMemoryMiniDramaPlatform;
import io.minidrama.port.MiniDramaPlatform;
import io.minidrama.port.service.MiniDrama;
import io.minidrama.spring.boot.MiniDramaAutoConfiguration;
import io.minidrama.spring.boot.MiniDramaInstrumentation;
import io.minidrama.spring.boot.MiniDramaServicesAutoConfiguration;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/**
 * The beans of {@link AutoConfigureMiniDramaFake}: the fake, its control, the platform (the fake,
 * instrumented like a real client) and the facade on the fake's clock. Ordered before the
 * starter's own configuration, whose client then backs off.
 */
@AutoConfiguration(before = {MiniDramaAutoConfiguration.class, MiniDramaServicesAutoConfiguration.class})
public class MiniDramaFakeAutoConfiguration {

    @Bean
    InMemoryMiniDramaPlatform miniDramaFake(ApplicationEventPublisher publisher) {
        InMemoryMiniDramaPlatform fake = InMemoryMiniDramaPlatform.create();
        fake.control().onUploadEvent(publisher::publishEvent);
        fake.control().onAuditEvent(publisher::publishEvent);
        return fake;
    }

    @Bean
    FakeControl miniDramaFakeControl(InMemoryMiniDramaPlatform fake) {
        return fake.control();
    }

    @Bean
    @Primary
    MiniDramaPlatform miniDramaPlatform(InMemoryMiniDramaPlatform fake, ObjectProvider<MiniDramaInstrumentation> instrumentation) {
        return instrumentation.getIfAvailable(() -> MiniDramaInstrumentation.NONE).platform(fake);
    }

    @Bean
    MiniDrama miniDrama(MiniDramaPlatform platform, InMemoryMiniDramaPlatform fake) {
        return MiniDrama.create(platform, fake.clock());
    }
}
