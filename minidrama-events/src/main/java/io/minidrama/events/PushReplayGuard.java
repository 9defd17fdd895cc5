package io.minidrama.events;

import java.time.Duration;

/**
 * Remembers which pushes were already delivered, so that a push replayed inside the freshness
 * window is recognized (see {@link PushEventReceiver.Builder#replayGuard(PushReplayGuard)}).
 *
 * <p>The receiver calls {@link #firstSeen(String, Duration)} only for a push that passed every
 * other check (signature, freshness, decryption, decoding), so a forged request cannot mark a
 * genuine one as seen. The key is the SHA-1 hex of (token, timestamp, nonce), the value of the request's {@code signature} parameter, in every mode: one signed (timestamp,
 * nonce) pair is delivered once, whatever body or mode a replay carries. The platform retries an
 * unanswered push with a new nonce, hence a new key: a guard stops replays of one signed request,
 * not the platform's own retries, so event handlers must still be idempotent.
 *
 * <p>Implementations: {@link #inMemory()} for one instance; {@code RedisPushReplayGuard} in
 * {@code minidrama-adapter-redis} for several instances behind one push URL.
 */
public interface PushReplayGuard {

    /**
     * Records {@code key} for {@code ttl} unless it is recorded already.
     *
     * <p>Implementations MUST be atomic and thread-safe: of any number of concurrent calls with one
     * key, exactly one returns {@code true}. They MUST keep a recorded key for at least {@code ttl},
     * unless a documented bound on memory forces them to forget it earlier.
     *
     * @param key an ASCII key of at most 64 characters (40 hex digits from the receiver), not secret
     * @param ttl how long to remember the key; positive
     * @return {@code true} the first time {@code key} is seen within {@code ttl}, {@code false} for a repeat
     * @throws io.minidrama.domain.error.MiniDramaException (a {@code TransportException}) when a shared
     *                                                     store cannot be reached: the push is then not delivered
     */
    boolean firstSeen(String key, Duration ttl);

    /**
     * A guard in this JVM's memory, bounded to {@link InMemoryPushReplayGuard#DEFAULT_MAX_ENTRIES}
     * keys; see {@link InMemoryPushReplayGuard}.
     */
    static PushReplayGuard inMemory() {
        return InMemoryPushReplayGuard.builder().build();
    }
}
