package io.minidrama.spring.boot;

import io.minidrama.port.UploadCheckpointPort;
import io.minidrama.port.upload.FileUploadCheckpoints;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Checkpoint files in {@code minidrama.uploads.checkpoint-directory}, when no other store was
 * configured (imported after {@link RedisCheckpoints}; not nested, so that it is not registered first).
 */
@Configuration(proxyBeanMethods = false)
class DirectoryCheckpoints {

    @Bean
    @ConditionalOnMissingBean
    UploadCheckpointPort miniDramaUploadCheckpoints(MiniDramaProperties properties) {
        if (properties.getUploads().getCheckpointStore() == MiniDramaProperties.CheckpointStore.REDIS) {
            throw new IllegalStateException("minidrama.uploads.checkpoint-store=redis needs io.minidrama:minidrama-adapter-redis"
                    + " and Lettuce on the class path, and a Lettuce RedisClient or Spring Data Redis LettuceConnectionFactory bean");
        }
        return FileUploadCheckpoints.in(properties.getUploads().getCheckpointDirectory());
    }
}
