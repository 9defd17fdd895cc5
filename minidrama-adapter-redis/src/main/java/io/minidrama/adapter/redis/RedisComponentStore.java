package io.minidrama.adapter.redis;

import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisException;
import io.lettuce.core.SetArgs;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;
import io.minidrama.adapter.redis.internal.Script;
import io.minidrama.domain.error.TransportException;
import io.minidrama.port.AccessToken;
import io.minidrama.port.component.AuthorizerGrant;
import io.minidrama.port.component.ComponentAuthorizationException;
import io.minidrama.port.component.ComponentStore;
import io.minidrama.port.component.VerifyTicket;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * A {@link ComponentStore} in Redis, shared by every instance of a service (API.md section 10).
 *
 * <p><b>Keys</b>, all under {@code <prefix>:component:{<componentAppId>}:} (the hash tag keeps one
 * platform's keys in one cluster slot, and two platforms never share a key):
 * <ul>
 *   <li>{@code ticket}: hash {@code value}, {@code created_ms}, {@code received_ms}; replaced only by a
 *       newer ticket (a Lua script compares), no TTL (its age is reported, never guessed);</li>
 *   <li>{@code component-token}: {@code <expiry ms>|<token>}, TTL to its expiry;</li>
 *   <li>{@code grant:<authorizerAppId>}: hash {@code refresh_token}, {@code sets} ({@code 153,157}),
 *       {@code revoked_ms}; <b>no TTL</b>: refresh tokens never expire by themselves, and Redis
 *       persistence (AOF or RDB) keeps them over a restart; {@code grants}: the set of their appids;</li>
 *   <li>{@code token:<authorizerAppId>}: {@code <expiry ms>|<token>}, TTL to its expiry;</li>
 *   <li>{@code lock:<name>}: the lock of an authorizer appid (or {@code component}), {@code SET NX PX}
 *       with a random owner, released by compare-and-delete.</li>
 * </ul>
 *
 * <p><b>Durability.</b> Run Redis with {@code appendonly yes} ({@code appendfsync everysec} loses at
 * most a second) and a {@code maxmemory-policy} of {@code noeviction} or a {@code volatile-*} one
 * (grants have no TTL, so {@code volatile-*} never evicts them). Back the grants up elsewhere with
 * {@link #exportGrants(String)} (refresh tokens included: keep the backup as secret as the tokens)
 * and {@link #putGrant} to restore; a backup older than a re-authorization holds a replaced refresh
 * token, which {@code ComponentTokens} recovers from {@code api_get_authorizer_list} on 61023.
 *
 * <p>Thread-safe. Close it to close its connection (the {@link RedisClient} stays open). Redis
 * failures surface as {@link TransportException}; no message carries a ticket or a token.
 */
public final class RedisComponentStore implements ComponentStore, AutoCloseable {
    private static final String OPERATION = "component_store";

    /** {@code KEYS[1]} ticket hash; {@code ARGV} value, created ms, received ms: stores only a newer ticket. */
    private static final Script PUT_TICKET = Script.of("""
            local c = redis.call('hget', KEYS[1], 'created_ms')
            local r = redis.call('hget', KEYS[1], 'received_ms')
            if c then
              local nc = tonumber(ARGV[2])
              local oc = tonumber(c)
              if nc < oc or (nc == oc and tonumber(ARGV[3]) <= tonumber(r)) then
                return 0
              end
            end
            redis.call('hset', KEYS[1], 'value', ARGV[1], 'created_ms', ARGV[2], 'received_ms', ARGV[3])
            return 1
            """);

    /** {@code KEYS[1]} grant hash, {@code KEYS[2]} grants set; {@code ARGV[1]} appid, then field/value pairs. */
    private static final Script PUT_GRANT = Script.of("""
            redis.call('del', KEYS[1])
            redis.call('hset', KEYS[1], unpack(ARGV, 2))
            redis.call('sadd', KEYS[2], ARGV[1])
            return 1
            """);

    private final String prefix;
    private final StatefulRedisConnection<String, String> connection;
    private final RedisCommands<String, String> redis;
    private final Clock clock;
    private final Duration lease;
    private final Duration waitTimeout;

    private RedisComponentStore(Builder b) {
        this.prefix = b.prefix;
        this.clock = b.clock;
        this.lease = b.lease;
        this.waitTimeout = b.waitTimeout;
        try {
            this.connection = b.client.connect();
        } catch (RedisException e) {
            throw new TransportException(OPERATION, "cannot connect to Redis: " + e.getMessage(), false, e);
        }
        this.redis = connection.sync();
    }

    /** A builder over {@code client} (which the store does not close). */
    public static Builder builder(RedisClient client) {
        return new Builder(client);
    }

    private String key(String componentAppId, String suffix) {
        return prefix + ":component:{" + Objects.requireNonNull(componentAppId, "componentAppId") + "}:" + suffix;
    }

    @Override
    public void putTicket(String componentAppId, VerifyTicket ticket) {
        Objects.requireNonNull(ticket, "ticket");
        run(() -> PUT_TICKET.run(redis, new String[]{key(componentAppId, "ticket")}, ticket.value(),
                Long.toString(ticket.createdAt().toEpochMilli()), Long.toString(ticket.receivedAt().toEpochMilli())));
    }

    @Override
    public Optional<VerifyTicket> ticket(String componentAppId) {
        Map<String, String> h = run(() -> redis.hgetall(key(componentAppId, "ticket")));
        if (h == null || !h.containsKey("value")) {
            return Optional.empty();
        }
        return Optional.of(new VerifyTicket(h.get("value"), Instant.ofEpochMilli(Long.parseLong(h.get("created_ms"))),
                Instant.ofEpochMilli(Long.parseLong(h.get("received_ms")))));
    }

    @Override
    public Optional<AccessToken> componentToken(String componentAppId) {
        return token(key(componentAppId, "component-token"));
    }

    @Override
    public void putComponentToken(String componentAppId, AccessToken token) {
        putToken(key(componentAppId, "component-token"), token);
    }

    @Override
    public void removeComponentToken(String componentAppId, AccessToken rejected) {
        removeToken(key(componentAppId, "component-token"), rejected);
    }

    @Override
    public Optional<AuthorizerGrant> grant(String componentAppId, String authorizerAppId) {
        Map<String, String> h = run(() -> redis.hgetall(key(componentAppId, "grant:" + authorizerAppId)));
        if (h == null || !h.containsKey("refresh_token")) {
            return Optional.empty();
        }
        Set<Integer> sets = h.getOrDefault("sets", "").isEmpty() ? Set.of()
                : Arrays.stream(h.get("sets").split(",")).map(Integer::valueOf).collect(Collectors.toSet());
        String revoked = h.get("revoked_ms");
        return Optional.of(AuthorizerGrant.restore(h.get("refresh_token"), sets,
                revoked == null || revoked.isEmpty() ? null : Instant.ofEpochMilli(Long.parseLong(revoked))));
    }

    @Override
    public void putGrant(String componentAppId, String authorizerAppId, AuthorizerGrant grant) {
        Objects.requireNonNull(authorizerAppId, "authorizerAppId");
        Objects.requireNonNull(grant, "grant");
        List<String> args = new ArrayList<>(List.of(authorizerAppId, "refresh_token", grant.refreshToken(),
                "sets", new TreeSet<>(grant.permissionSets()).stream().map(String::valueOf).collect(Collectors.joining(","))));
        grant.revokedAt().ifPresent(at -> {
            args.add("revoked_ms");
            args.add(Long.toString(at.toEpochMilli()));
        });
        run(() -> PUT_GRANT.run(redis, new String[]{key(componentAppId, "grant:" + authorizerAppId), key(componentAppId, "grants")},
                args.toArray(String[]::new)));
    }

    @Override
    public List<String> authorizers(String componentAppId) {
        Set<String> members = run(() -> redis.smembers(key(componentAppId, "grants")));
        return members == null ? List.of() : members.stream().sorted().toList();
    }

    /**
     * Every grant of {@code componentAppId}, refresh tokens included, for a backup kept elsewhere
     * (as secret as the tokens); restore with {@link #putGrant}.
     */
    public Map<String, AuthorizerGrant> exportGrants(String componentAppId) {
        Map<String, AuthorizerGrant> out = new LinkedHashMap<>();
        for (String app : authorizers(componentAppId)) {
            grant(componentAppId, app).ifPresent(g -> out.put(app, g));
        }
        return out;
    }

    @Override
    public Optional<AccessToken> authorizerToken(String componentAppId, String authorizerAppId) {
        return token(key(componentAppId, "token:" + authorizerAppId));
    }

    @Override
    public void putAuthorizerToken(String componentAppId, String authorizerAppId, AccessToken token) {
        putToken(key(componentAppId, "token:" + authorizerAppId), token);
    }

    @Override
    public void removeAuthorizerToken(String componentAppId, String authorizerAppId, AccessToken rejected) {
        removeToken(key(componentAppId, "token:" + authorizerAppId), rejected);
    }

    @Override
    public <T> T locked(String componentAppId, String name, Supplier<T> action) {
        String lockKey = key(componentAppId, "lock:" + Objects.requireNonNull(name, "name"));
        String owner = UUID.randomUUID().toString();
        long deadline = System.nanoTime() + waitTimeout.toNanos();
        long pause = 10;
        while (!"OK".equals(run(() -> redis.set(lockKey, owner, SetArgs.Builder.nx().px(lease.toMillis()))))) {
            if (System.nanoTime() > deadline) {
                throw ComponentAuthorizationException.lockTimeout("lock", name, waitTimeout);
            }
            try {
                Thread.sleep(ThreadLocalRandom.current().nextLong(pause / 2, pause + 1));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new TransportException(OPERATION, "interrupted while waiting for the lock " + name, false, e);
            }
            pause = Math.min(200, pause * 2);
        }
        try {
            return action.get();
        } finally {
            run(() -> Script.COMPARE_AND_DELETE.run(redis, new String[]{lockKey}, owner));
        }
    }

    private Optional<AccessToken> token(String key) {
        String v = run(() -> redis.get(key));
        if (v == null) {
            return Optional.empty();
        }
        int bar = v.indexOf('|');
        if (bar < 1) {
            return Optional.empty();
        }
        AccessToken t = new AccessToken(v.substring(bar + 1), Instant.ofEpochMilli(Long.parseLong(v.substring(0, bar))));
        return clock.instant().isBefore(t.expiresAt()) ? Optional.of(t) : Optional.empty();
    }

    private void putToken(String key, AccessToken token) {
        long ttl = Duration.between(clock.instant(), token.expiresAt()).toMillis();
        if (ttl <= 0) {
            return;
        }
        run(() -> redis.set(key, encode(token), SetArgs.Builder.px(ttl)));
    }

    private void removeToken(String key, AccessToken rejected) {
        run(() -> Script.COMPARE_AND_DELETE.run(redis, new String[]{key}, encode(rejected)));
    }

    private static String encode(AccessToken token) {
        return token.expiresAt().toEpochMilli() + "|" + token.value();
    }

    private static <T> T run(Supplier<T> command) {
        try {
            return command.get();
        } catch (RedisException e) {
            throw new TransportException(OPERATION, "Redis failed: " + e.getClass().getSimpleName(), true, null);
        }
    }

    /** Closes this store's connection. */
    @Override
    public void close() {
        connection.close();
    }

    @Override
    public String toString() {
        return "RedisComponentStore[prefix=" + prefix + "]";
    }

    /** Builder of {@link RedisComponentStore}. Not thread-safe; {@code null} is refused. */
    public static final class Builder {
        private final RedisClient client;
        private String prefix = RedisAccessTokens.DEFAULT_PREFIX;
        private Clock clock = Clock.systemUTC();
        private Duration lease = Duration.ofSeconds(60);
        private Duration waitTimeout = Duration.ofSeconds(60);

        private Builder(RedisClient client) {
            this.client = Objects.requireNonNull(client, "client");
        }

        /** The key prefix (default {@code minidrama}). */
        public Builder prefix(String prefix) {
            this.prefix = Objects.requireNonNull(prefix, "prefix");
            return this;
        }

        /** The clock that judges token expiry (default UTC system clock). */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /**
         * How long a lock is held at most (default 60 s): longer than a renewal's calls (the
         * component token, {@code api_authorizer_token}, maybe the authorizer list), and how long an
         * instance that died holding it delays the others.
         */
        public Builder lockLease(Duration lease) {
            this.lease = positive(lease, "lease");
            return this;
        }

        /** How long {@link RedisComponentStore#locked} waits for a lock (default 60 s). */
        public Builder lockWait(Duration wait) {
            this.waitTimeout = positive(wait, "wait");
            return this;
        }

        private static Duration positive(Duration d, String name) {
            Objects.requireNonNull(d, name);
            if (d.isZero() || d.isNegative()) {
                throw new IllegalArgumentException(name + " must be positive");
            }
            return d;
        }

        /**
         * Builds the store and connects.
         *
         * @throws TransportException when Redis cannot be reached
         */
        public RedisComponentStore build() {
            return new RedisComponentStore(this);
        }
    }
}
