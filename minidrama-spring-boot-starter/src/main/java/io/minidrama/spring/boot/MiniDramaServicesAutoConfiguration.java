package io.minidrama.spring.boot;

import io.minidrama.port.MiniDramaPlatform;
import io.minidrama.port.UploadCheckpointPort;
import io.minidrama.port.service.MiniDrama;
import io.minidrama.port.upload.FileUploadService;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;

/**
 * The use cases over whichever {@link MiniDramaPlatform} bean there is (the client of
 * {@link MiniDramaAutoConfiguration}, the application's own, or the test slice's fake): the
 * {@link MiniDrama} facade, the {@link UploadCheckpointPort} (unless the application declares one:
 * in Redis when {@code minidrama-adapter-redis} and a Lettuce {@code RedisClient} or Spring Data
 * Redis {@code LettuceConnectionFactory} bean are present, else files in
 * {@code minidrama.uploads.checkpoint-directory}; {@code minidrama.uploads.checkpoint-store}
 * chooses) and the {@link FileUploadService}, closed with the context.
 */
@AutoConfiguration(after = MiniDramaAutoConfiguration.class, afterName = {
        "org.springframework.boot.autoconfigure.data.redis.RedisAutoConfiguration",
        "org.springframework.boot.data.redis.autoconfigure.DataRedisAutoConfiguration"})
@ConditionalOnBean(MiniDramaPlatform.class)
// in this order: the directory's bean is the fallback
@Import({RedisCheckpoints.class, DirectoryCheckpoints.class})
public class MiniDramaServicesAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    MiniDrama miniDrama(MiniDramaPlatform platform) {
        return MiniDrama.create(platform);
    }

    @Bean(destroyMethod = "close")
    @ConditionalOnMissingBean
    FileUploadService miniDramaFileUploadService(MiniDramaPlatform platform, UploadCheckpointPort checkpoints,
                                                 MiniDramaProperties properties) {
        return FileUploadService.builder(platform, checkpoints)
                .catalog(platform)
                .partConcurrency(properties.getUploads().getPartConcurrency())
                .build();
    }
}
