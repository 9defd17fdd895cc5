package io.minidrama.spring.boot;

import io.minidrama.port.MiniDramaPlatform;
import io.minidrama.port.UploadCheckpointPort;
import io.minidrama.port.service.MiniDrama;
import io.minidrama.port.upload.FileUploadCheckpoints;
import io.minidrama.port.upload.FileUploadService;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;

/**
 * The use cases over whichever {@link MiniDramaPlatform} bean there is (the client of
 * {@link MiniDramaAutoConfiguration}, the application's own, or the test slice's fake): the
 * {@link MiniDrama} facade, the {@link UploadCheckpointPort} (files in
 * {@code minidrama.uploads.checkpoint-directory}, unless the application declares one, such as the
 * Redis module's) and the {@link FileUploadService}, closed with the context.
 */
@AutoConfiguration(after = MiniDramaAutoConfiguration.class)
@ConditionalOnBean(MiniDramaPlatform.class)
public class MiniDramaServicesAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    MiniDrama miniDrama(MiniDramaPlatform platform) {
        return MiniDrama.create(platform);
    }

    @Bean
    @ConditionalOnMissingBean
    UploadCheckpointPort miniDramaUploadCheckpoints(MiniDramaProperties properties) {
        return FileUploadCheckpoints.in(properties.getUploads().getCheckpointDirectory());
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
