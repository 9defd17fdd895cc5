package io.minidrama.spring.boot;

import io.minidrama.events.PushEventReceiver;
import io.minidrama.events.PushReplayGuard;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.function.RouterFunction;
import org.springframework.web.servlet.function.ServerResponse;

/**
 * Push events, with {@code minidrama.events.token}: the {@link PushEventReceiver} (and
 * {@code minidrama.events.encoding-aes-key} for compatible and safe mode), and in a Spring MVC
 * application a webhook at {@code minidrama.events.webhook.path} (default
 * {@code /minidrama/events}) that answers the console's URL check and hands each verified event
 * ({@code UploadEvent}, {@code AuditEvent}, {@code UnknownEvent}) to the application's
 * {@code @EventListener}s, once (replays are dropped by the {@link PushReplayGuard} bean, if the
 * application declares one shared by its instances, else by one in memory).
 */
@AutoConfiguration(after = MiniDramaAutoConfiguration.class)
@ConditionalOnProperty(prefix = "minidrama.events", name = "token")
public class MiniDramaEventsAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    PushEventReceiver miniDramaPushEventReceiver(MiniDramaProperties properties, ObjectProvider<PushReplayGuard> replayGuard) {
        MiniDramaProperties.Events events = properties.getEvents();
        PushEventReceiver.Builder b = PushEventReceiver.builder()
                .token(events.getToken().reveal())
                .allowPlainMode(events.isAllowPlainMode())
                .maxAge(events.getMaxAge())
                .replayGuard(replayGuard.getIfAvailable(PushReplayGuard::inMemory));
        if (events.getEncodingAesKey() != null) {
            if (properties.getAppid() == null) {
                throw new IllegalStateException("minidrama.events.encoding-aes-key needs minidrama.appid (sealed into every encrypted push)");
            }
            b.encryption(events.getEncodingAesKey().reveal(), properties.getAppid());
        }
        return b.build();
    }

    /** The webhook, in a servlet web application. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
    @ConditionalOnClass(RouterFunction.class)
    @ConditionalOnProperty(prefix = "minidrama.events.webhook", name = "enabled", matchIfMissing = true)
    static class Webhook {

        @Bean
        RouterFunction<ServerResponse> miniDramaWebhook(PushEventReceiver receiver, ApplicationEventPublisher publisher,
                                                        MiniDramaProperties properties) {
            return new MiniDramaWebhook(receiver, publisher).routes(properties.getEvents().getWebhook().getPath());
        }
    }
}
