package io.minidrama.spring.boot;

import io.micrometer.observation.ObservationRegistry;
import io.minidrama.port.MiniDramaPlatform;
import io.minidrama.port.RetryingMiniDramaPlatform;
import io.minidrama.port.service.MiniDrama;
import io.minidrama.port.upload.FileUploadService;
import org.junit.jupiter.api.Test;
import org.springframework.boot.actuate.endpoint.SanitizableData;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The auto-configuration's conditions, without a whole application (no web server, no actuator endpoints). */
class StarterConfigurationTest {

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(MiniDramaAutoConfiguration.class, MiniDramaServicesAutoConfiguration.class,
                    MiniDramaEventsAutoConfiguration.class, MiniDramaActuatorAutoConfiguration.class));

    @Test
    void withoutAnAppid_thereIsNoPlatformNorFacade_onlyAnEmptyAppsRegistry() {
        runner.run(context -> {
            assertFalse(context.containsBean("miniDramaPlatform"));
            assertEquals(0, context.getBeanNamesForType(MiniDrama.class).length);
            assertEquals(0, context.getBeanNamesForType(FileUploadService.class).length);
            assertTrue(context.getBean(MiniDramaApps.class).names().isEmpty());
        });
    }

    @Test
    void withAnAppidAndSecret_thereIsAPlatformFacadeAndUploadService_retriedInOnePlace() {
        runner.withPropertyValues("minidrama.appid=wx0123456789abcdef", "minidrama.secret=s3cr3t-value").run(context -> {
            assertNotNull(context.getBean(MiniDrama.class));
            assertNotNull(context.getBean(FileUploadService.class));
            assertInstanceOf(RetryingMiniDramaPlatform.class, context.getBean(MiniDramaPlatform.class),
                    "no ObservationRegistry bean: not observed, retried by the ports' decorator");
        });
    }

    @Test
    void withoutMicrometerOnTheClassPath_nothingIsObserved_andTheStarterStillWorks() {
        runner.withClassLoader(new FilteredClassLoader(ObservationRegistry.class))
                .withPropertyValues("minidrama.appid=wx0123456789abcdef", "minidrama.secret=s3cr3t-value").run(context -> {
                    assertEquals(0, context.getBeanNamesForType(MiniDramaInstrumentation.class).length);
                    assertInstanceOf(RetryingMiniDramaPlatform.class, context.getBean(MiniDramaPlatform.class));
                });
    }

    @Test
    void withAnObservationRegistry_theWholeCallIsObserved() {
        runner.withBean(ObservationRegistry.class, ObservationRegistry::create)
                .withPropertyValues("minidrama.appid=wx0123456789abcdef", "minidrama.secret=s3cr3t-value").run(context ->
                        assertTrue(context.getBean(MiniDramaPlatform.class).toString().startsWith("Observed[RetryingMiniDramaPlatform[")));
    }

    @Test
    void anAppidWithoutItsSecret_failsAtStartup_namingTheProperty() {
        runner.withPropertyValues("minidrama.appid=wx0123456789abcdef").run(context -> {
            assertNotNull(context.getStartupFailure());
            Throwable root = context.getStartupFailure();
            while (root.getCause() != null) {
                root = root.getCause();
            }
            assertEquals("minidrama.secret is required (the mini program's AppSecret)", root.getMessage());
        });
    }

    @Test
    void sanitizer_masksEveryMiniDramaSecret_inEveryNotation_andNothingElse() {
        for (String key : new String[] {"minidrama.secret", "minidrama.apps.shop.secret", "minidrama.events.token",
                "minidrama.events.encoding-aes-key", "MINIDRAMA_SECRET", "MINIDRAMA_EVENTS_ENCODINGAESKEY", "MINIDRAMA_APPS_SHOP_SECRET"}) {
            assertEquals(SanitizableData.SANITIZED_VALUE, MiniDramaActuatorAutoConfiguration.sanitize(new SanitizableData(null, key, "v")).getValue(), key);
        }
        for (String key : new String[] {"minidrama.appid", "minidrama.base-url", "minidrama.events.webhook.path", "spring.application.name"}) {
            assertEquals("v", MiniDramaActuatorAutoConfiguration.sanitize(new SanitizableData(null, key, "v")).getValue(), key);
        }
        assertEquals(SanitizableData.SANITIZED_VALUE,
                MiniDramaActuatorAutoConfiguration.sanitize(new SanitizableData(null, "anything", MiniDramaSecret.of("x"))).getValue());
    }
}
