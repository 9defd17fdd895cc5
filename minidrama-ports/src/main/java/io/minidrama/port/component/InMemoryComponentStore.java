package io.minidrama.port.component;

import io.minidrama.port.AccessToken;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

/**
 * A {@link ComponentStore} in this process's memory: for one instance, or tests. Its state is lost
 * with the process (refresh tokens included: the platform's authorizer list can give them back, see
 * {@code ComponentTokens}); use the Redis store for several instances or durability. Thread-safe.
 */
public final class InMemoryComponentStore implements ComponentStore {
    private final Map<String, VerifyTicket> tickets = new ConcurrentHashMap<>();
    private final Map<String, AccessToken> componentTokens = new ConcurrentHashMap<>();
    private final Map<Key, AuthorizerGrant> grants = new ConcurrentHashMap<>();
    private final Map<Key, AccessToken> authorizerTokens = new ConcurrentHashMap<>();
    private final Map<Key, ReentrantLock> locks = new ConcurrentHashMap<>();
    private final Duration lockWait;

    private InMemoryComponentStore(Duration lockWait) {
        this.lockWait = lockWait;
    }

    /** A new empty store whose locks wait up to 30 seconds. */
    public static InMemoryComponentStore create() {
        return new InMemoryComponentStore(Duration.ofSeconds(30));
    }

    private record Key(String component, String name) {
        Key {
            Objects.requireNonNull(component, "componentAppId");
            Objects.requireNonNull(name, "name");
        }
    }

    @Override
    public void putTicket(String componentAppId, VerifyTicket ticket) {
        Objects.requireNonNull(ticket, "ticket");
        tickets.merge(Objects.requireNonNull(componentAppId, "componentAppId"), ticket,
                (held, offered) -> offered.isNewerThan(held) ? offered : held);
    }

    @Override
    public Optional<VerifyTicket> ticket(String componentAppId) {
        return Optional.ofNullable(tickets.get(componentAppId));
    }

    @Override
    public Optional<AccessToken> componentToken(String componentAppId) {
        return Optional.ofNullable(componentTokens.get(componentAppId));
    }

    @Override
    public void putComponentToken(String componentAppId, AccessToken token) {
        componentTokens.put(Objects.requireNonNull(componentAppId, "componentAppId"), Objects.requireNonNull(token, "token"));
    }

    @Override
    public void removeComponentToken(String componentAppId, AccessToken rejected) {
        componentTokens.remove(componentAppId, rejected);
    }

    @Override
    public Optional<AuthorizerGrant> grant(String componentAppId, String authorizerAppId) {
        return Optional.ofNullable(grants.get(new Key(componentAppId, authorizerAppId)));
    }

    @Override
    public void putGrant(String componentAppId, String authorizerAppId, AuthorizerGrant grant) {
        grants.put(new Key(componentAppId, authorizerAppId), Objects.requireNonNull(grant, "grant"));
    }

    @Override
    public List<String> authorizers(String componentAppId) {
        List<String> out = new ArrayList<>();
        grants.keySet().forEach(k -> {
            if (k.component().equals(componentAppId)) {
                out.add(k.name());
            }
        });
        out.sort(null);
        return List.copyOf(out);
    }

    @Override
    public Optional<AccessToken> authorizerToken(String componentAppId, String authorizerAppId) {
        return Optional.ofNullable(authorizerTokens.get(new Key(componentAppId, authorizerAppId)));
    }

    @Override
    public void putAuthorizerToken(String componentAppId, String authorizerAppId, AccessToken token) {
        authorizerTokens.put(new Key(componentAppId, authorizerAppId), Objects.requireNonNull(token, "token"));
    }

    @Override
    public void removeAuthorizerToken(String componentAppId, String authorizerAppId, AccessToken rejected) {
        authorizerTokens.remove(new Key(componentAppId, authorizerAppId), rejected);
    }

    @Override
    public <T> T locked(String componentAppId, String name, Supplier<T> action) {
        ReentrantLock lock = locks.computeIfAbsent(new Key(componentAppId, name), k -> new ReentrantLock());
        boolean held;
        try {
            held = lock.tryLock(lockWait.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            held = false;
        }
        if (!held) {
            throw ComponentAuthorizationException.lockTimeout("lock", componentAppId + "/" + name, lockWait);
        }
        try {
            return action.get();
        } finally {
            lock.unlock();
        }
    }

    @Override
    public String toString() {
        return "InMemoryComponentStore[components=" + tickets.size() + ", grants=" + grants.size() + "]";
    }
}
