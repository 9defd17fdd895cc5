package io.minidrama.events;

/** The message encryption mode chosen in the WeChat console. */
public enum PushMode {
    /** No encryption: the body is plain and only {@code signature} (over token, timestamp, nonce) is sent. */
    PLAIN,
    /** The plain fields and an {@code Encrypt} element side by side, with {@code msg_signature}. */
    COMPATIBLE,
    /** Only {@code ToUserName} and {@code Encrypt} in the body, with {@code msg_signature}. Recommended. */
    SAFE
}
