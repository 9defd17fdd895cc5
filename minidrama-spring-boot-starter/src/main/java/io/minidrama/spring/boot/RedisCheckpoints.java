package io.minidrama.spring.boot;

import io.lettuce.core.AbstractRedisClient;
import io.lettuce.core.RedisClient;
import io.minidrama.adapter.redis.RedisUploadCheckpoints;
import io.minidrama.port.UploadCheckpointPort;
import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.boot.autoconfigure.condition.ConditionOutcome;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.SpringBootCondition;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.type.AnnotatedTypeMetadata;
import org.springframework.util.ClassUtils;

/**
 * Upload checkpoints in Redis ({@link RedisUploadCheckpoints}), over the application's Lettuce
 * {@link RedisClient} bean, else the native client of its Spring Data Redis
 * {@code LettuceConnectionFactory}: with {@code minidrama.uploads.checkpoint-store=redis}, or
 * {@code auto} (the default) when such a bean exists. The client stays the application's; the
 * store's connection is closed with the context.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnClass(name = {"io.minidrama.adapter.redis.RedisUploadCheckpoints", "io.lettuce.core.RedisClient"})
class RedisCheckpoints {
    static final String CONNECTION_FACTORY = "org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory";

    @Bean(destroyMethod = "close")
    @ConditionalOnMissingBean
    @Conditional(UseRedis.class)
    UploadCheckpointPort miniDramaUploadCheckpoints(MiniDramaProperties properties, ListableBeanFactory beans) {
        MiniDramaProperties.Redis redis = properties.getUploads().getRedis();
        return RedisUploadCheckpoints.builder(redisClient(beans, "minidrama.uploads.checkpoint-store"))
                .keyPrefix(redis.getKeyPrefix())
                .ttl(redis.getTtl())
                .build();
    }

    /**
     * The application's Lettuce {@link RedisClient} bean, else its {@code LettuceConnectionFactory}'s
     * client; failing, for the store {@code property} chooses, with what is missing.
     */
    static RedisClient redisClient(ListableBeanFactory beans, String property) {
        var clients = beans.getBeanProvider(RedisClient.class);
        RedisClient client = clients.getIfUnique();
        if (client != null) {
            return client;
        }
        if (ClassUtils.isPresent(CONNECTION_FACTORY, RedisCheckpoints.class.getClassLoader())) {
            AbstractRedisClient nativeClient = SpringDataRedis.nativeClient(beans);
            if (nativeClient instanceof RedisClient redisClient) {
                return redisClient;
            }
            if (nativeClient != null) {
                throw new IllegalStateException(property + ": the LettuceConnectionFactory's client is a "
                        + nativeClient.getClass().getSimpleName() + "; the SDK's Redis stores need a standalone Redis (a RedisClient):"
                        + " declare a RedisClient bean, or choose the local store with " + property);
            }
        }
        throw new IllegalStateException(property + "=redis needs one Lettuce RedisClient bean or one Spring Data Redis"
                + " LettuceConnectionFactory bean");
    }

    /** Kept apart so that Spring Data Redis is loaded only when present. */
    private static final class SpringDataRedis {
        static AbstractRedisClient nativeClient(ListableBeanFactory beans) {
            var factory = beans.getBeanProvider(org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory.class).getIfUnique();
            return factory == null ? null : factory.getNativeClient();
        }
    }

    /** {@code checkpoint-store=redis}, or {@code auto} with a RedisClient or LettuceConnectionFactory bean. */
    static final class UseRedis extends SpringBootCondition {
        @Override
        public ConditionOutcome getMatchOutcome(ConditionContext context, AnnotatedTypeMetadata metadata) {
            return redisChosen(context, "minidrama.uploads.checkpoint-store", "directory");
        }
    }

    /**
     * Whether {@code property} says {@code redis}, or {@code auto} (or nothing) while the application
     * has a Lettuce {@code RedisClient} or Spring Data Redis {@code LettuceConnectionFactory} bean.
     */
    static ConditionOutcome redisChosen(ConditionContext context, String property, String otherChoice) {
        String store = Binder.get(context.getEnvironment()).bind(property, String.class).orElse("auto").strip().toLowerCase(java.util.Locale.ROOT);
        if (store.equals("redis")) {
            return ConditionOutcome.match(property + "=redis");
        }
        if (store.equals(otherChoice)) {
            return ConditionOutcome.noMatch(property + "=" + otherChoice);
        }
        var beanFactory = context.getBeanFactory();
        if (beanFactory != null && beanFactory.getBeanNamesForType(RedisClient.class, true, false).length > 0) {
            return ConditionOutcome.match("a Lettuce RedisClient bean");
        }
        ClassLoader loader = context.getClassLoader();
        if (beanFactory != null && ClassUtils.isPresent(CONNECTION_FACTORY, loader)
                && beanFactory.getBeanNamesForType(ClassUtils.resolveClassName(CONNECTION_FACTORY, loader), true, false).length > 0) {
            return ConditionOutcome.match("a LettuceConnectionFactory bean");
        }
        return ConditionOutcome.noMatch("no Lettuce RedisClient nor LettuceConnectionFactory bean");
    }
}
