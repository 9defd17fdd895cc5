package io.minidrama.spring.boot;

import io.minidrama.adapter.redis.RedisComponentStore;
import io.minidrama.port.component.ComponentStore;
import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.boot.autoconfigure.condition.ConditionOutcome;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.SpringBootCondition;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.type.AnnotatedTypeMetadata;

/**
 * A third-party platform's state in Redis ({@link RedisComponentStore}), shared by every instance,
 * over the application's Lettuce {@code RedisClient} (or its {@code LettuceConnectionFactory}'s):
 * with {@code minidrama.component.store=redis}, or {@code auto} (the default) when there is one.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnClass(name = {"io.minidrama.adapter.redis.RedisComponentStore", "io.lettuce.core.RedisClient"})
class RedisComponentStoreConfiguration {

    @Bean(destroyMethod = "close")
    @ConditionalOnMissingBean
    @Conditional(UseRedis.class)
    ComponentStore miniDramaComponentStore(MiniDramaProperties properties, ListableBeanFactory beans) {
        return RedisComponentStore.builder(RedisCheckpoints.redisClient(beans, "minidrama.component.store")).prefix(properties.getComponent().getRedisKeyPrefix()).build();
    }

    /** {@code minidrama.component.store=redis}, or {@code auto} with a Lettuce client bean. */
    static final class UseRedis extends SpringBootCondition {
        @Override
        public ConditionOutcome getMatchOutcome(ConditionContext context, AnnotatedTypeMetadata metadata) {
            return RedisCheckpoints.redisChosen(context, "minidrama.component.store", "memory");
        }
    }
}
