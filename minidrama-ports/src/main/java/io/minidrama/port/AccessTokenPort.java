package io.minidrama.port;

/**
 * Supplies the access token every call carries, and learns when the platform rejected it.
 *
 * <p>Contract:
 * <ul>
 *   <li>MUST be thread-safe. Many concurrent callers on a cold or expired cache SHOULD cause
 *       exactly one fetch.</li>
 *   <li>{@link #invalidate} MUST discard the token only if it is still the one held (a newer
 *       token fetched meanwhile by another caller MUST be kept).</li>
 *   <li>Failures surface as {@link io.minidrama.domain.error.PlatformException} (for example a
 *       wrong appid or secret) or {@link io.minidrama.domain.error.TransportException}. Messages
 *       MUST NOT contain the secret or the token.</li>
 * </ul>
 */
public interface AccessTokenPort {

    /** A valid token, fetched only when none is held or the one held is about to expire. */
    AccessToken token();

    /** Tells the port the platform rejected {@code rejected} (errcode 40001, 40014 or 42001). */
    void invalidate(AccessToken rejected);
}
