package io.minidrama.spring.boot;

import org.springframework.boot.actuate.endpoint.SanitizableData;
import org.springframework.boot.actuate.endpoint.SanitizingFunction;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.context.annotation.Bean;

import java.util.Locale;

/**
 * With Spring Boot Actuator: a {@link SanitizingFunction} that masks every {@code minidrama} secret ({@code secret},
 * {@code token}, {@code encoding-aes-key}, at any depth) in {@code /actuator/env} and
 * {@code /actuator/configprops}, even with {@code show-values=always}.
 */
@AutoConfiguration(after = {MiniDramaAutoConfiguration.class, MiniDramaServicesAutoConfiguration.class})
@ConditionalOnClass(SanitizingFunction.class)
public class MiniDramaActuatorAutoConfiguration {

    @Bean
    SanitizingFunction miniDramaSecretsSanitizer() {
        return MiniDramaActuatorAutoConfiguration::sanitize;
    }

    static SanitizableData sanitize(SanitizableData data) {
        if (data.getValue() instanceof MiniDramaSecret || isSecretKey(data.getKey())) {
            return data.withValue(SanitizableData.SANITIZED_VALUE);
        }
        return data;
    }

    /** {@code minidrama.secret}, {@code minidrama.apps.x.secret}, {@code MINIDRAMA_EVENTS_TOKEN}, {@code minidrama.events.encoding-aes-key}... */
    static boolean isSecretKey(String key) {
        if (key == null) {
            return false;
        }
        String k = key.toLowerCase(Locale.ROOT).replace('_', '.').replace("-", "");
        if (!k.startsWith("minidrama.") && !k.equals("minidrama")) {
            return false;
        }
        return k.endsWith(".secret") || k.endsWith(".token") || k.endsWith(".encodingaeskey") || k.endsWith("secret");
    }
}
