package io.minidrama.spring.boot;

import org.springframework.boot.actuate.health.AbstractHealthIndicator;
import org.springframework.boot.actuate.health.Health;

/**
 * Spring Boot 3's face of {@link PlatformHealthCheck}: UP when an access token is obtainable for
 * every configured mini program and the clock skew is within {@code minidrama.health.max-clock-skew};
 * DOWN otherwise, with the details.
 */
final class MiniDramaHealthIndicator extends AbstractHealthIndicator {
    private final PlatformHealthCheck check;

    MiniDramaHealthIndicator(PlatformHealthCheck check) {
        super("mini-drama platform health check failed");
        this.check = check;
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) {
        PlatformHealthCheck.Result result = check.run();
        (result.up() ? builder.up() : builder.down()).withDetails(result.details());
    }
}
