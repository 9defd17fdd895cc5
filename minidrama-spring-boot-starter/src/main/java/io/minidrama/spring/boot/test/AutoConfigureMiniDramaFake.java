package io.minidrama.spring.boot.test;

import org.springframework.boot.autoconfigure.ImportAutoConfiguration;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Replaces the real platform with the in-memory fake in a Spring test context: the
 * {@code MiniDramaPlatform} bean (and so the {@code MiniDrama} facade and the
 * {@code FileUploadService}) is an {@code InMemoryMiniDramaPlatform}, no network is used, and the
 * fake's control surface is injectable ({@code @Autowired FakeControl platform}, or the fake itself).
 *
 * <pre>{@code
 * @SpringBootTest
 * @AutoConfigureMiniDramaFake
 * class PublisherTest {
 *     @Autowired SeasonPublisher publisher;
 *     @Autowired FakeControl platform;
 *     ...
 * }
 * }</pre>
 *
 * <p>The fake's upload and audit events are published to the application's
 * {@code @EventListener}s as the webhook would. Its state is reset after each test method, so test
 * classes sharing a cached context do not see each other's media and dramas. Needs
 * {@code minidrama-adapter-fake} on the test class path.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@ImportAutoConfiguration(MiniDramaFakeAutoConfiguration.class)
public @interface AutoConfigureMiniDramaFake {
}
