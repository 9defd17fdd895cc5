package io.minidrama.samples.publisher;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;

/** Publishes {@code publisher.folder} at start-up when it is set; the application then waits for the audit event. */
@Component
class PublishOnStartup implements ApplicationRunner {
    private final SeasonPublisher publisher;
    private final SeasonProperties season;

    PublishOnStartup(SeasonPublisher publisher, SeasonProperties season) {
        this.publisher = publisher;
        this.season = season;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (season.folder() != null) {
            publisher.publish(season.folder(), SeasonPublisher.paperwork(season), season.name());
        }
    }
}
