package io.minidrama.samples.publisher;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;

/**
 * Uploads a season, submits it for audit, and reacts to the audit event: everything the platform
 * needs comes from the starter ({@code MiniDrama}, {@code FileUploadService}, the webhook).
 *
 * <pre>
 * MINIDRAMA_APPID=wx... MINIDRAMA_SECRET=... MINIDRAMA_EVENTS_TOKEN=... \
 *   java -jar spring-boot-publisher.jar --publisher.folder=/data/season1 --publisher.name=我的短剧 ...
 * </pre>
 */
@SpringBootApplication
@EnableConfigurationProperties(SeasonProperties.class)
public class PublisherApplication {

    public static void main(String[] args) {
        SpringApplication.run(PublisherApplication.class, args);
    }
}
