package io.minidrama.events;

import io.minidrama.domain.error.InvalidRequestException;
import io.minidrama.domain.error.Rule;
import io.minidrama.domain.event.PushEvent;
import io.minidrama.events.PushRejectedException.Reason;
import io.minidrama.events.internal.Bodies;
import io.minidrama.events.internal.EventDecoder;
import io.minidrama.events.internal.Fields;
import io.minidrama.events.internal.MalformedBodyException;

import java.net.URLDecoder;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Receives the platform's push requests: verifies, decrypts and decodes them into domain
 * {@link PushEvent}s (API.md section 5). Framework-neutral: give it the query parameters and the
 * body of the HTTP request; see the module README for a JDK {@code HttpServer} wiring.
 *
 * <p>The mode is detected per request. {@code encrypt_type=aes} or a {@code msg_signature}
 * parameter means compatible or safe mode: {@code msg_signature} is checked over the
 * {@code Encrypt} value, which is then decrypted and its appid checked; only the decrypted message
 * is decoded (in compatible mode the unauthenticated plain copy beside it is ignored). Otherwise the
 * push is plain: {@code signature} is checked (it covers token, timestamp and nonce, not the body:
 * prefer safe mode). A receiver with an EncodingAESKey refuses plain pushes
 * ({@link Reason#UNENCRYPTED}) unless {@link Builder#allowPlainMode(boolean) allowPlainMode(true)}:
 * a safe-mode request carries a valid {@code signature} too, so without this anyone who saw one
 * safe-mode URL could drop its {@code msg_signature} and post any plain body with it. A receiver
 * without a key accepts plain pushes. XML or JSON is detected from the body. Every request is also refused when its
 * {@code timestamp} is further than {@link Builder#maxAge(Duration) maxAge} from the clock, in either
 * direction, and when the body exceeds {@link Builder#maxBodyBytes(int) maxBodyBytes}.
 *
 * <p>Checks run cheapest and least exposed first: size, parameters and mode, signature (before the body is
 * parsed in plain mode, before decryption in the other modes), freshness, decryption, appid, decoding.
 * Every body, and every decrypted message, is scanned once for its nesting depth (at most 32
 * levels) before a parser sees it; in the encrypted modes the outer body is parsed only to find
 * {@code Encrypt}, which the signature covers. Signatures and appids are compared in constant time.
 * XML is parsed without DTDs or entities. With a {@link Builder#replayGuard(PushReplayGuard) replay
 * guard}, a push that passed every check is recorded last (see {@link #receiveOnce(Map, byte[])}).
 *
 * <p>Instances are immutable and thread-safe: build one at start-up and share it.
 */
public final class PushEventReceiver {
    /** Default {@link Builder#maxAge(Duration)}: 5 minutes. */
    public static final Duration DEFAULT_MAX_AGE = Duration.ofMinutes(5);
    /** Default {@link Builder#maxBodyBytes(int)}: 64 KiB. */
    public static final int DEFAULT_MAX_BODY_BYTES = 64 * 1024;

    private final String token;
    private final String encodingAesKey;
    private final String appId;
    private final WeChatMessageCrypto crypto;
    private final Duration maxAge;
    private final int maxBodyBytes;
    private final Clock clock;
    private final PushReplayGuard replayGuard;
    private final boolean allowPlainMode;

    private PushEventReceiver(Builder b) {
        this.token = b.token;
        this.encodingAesKey = b.encodingAesKey;
        this.appId = b.appId;
        this.crypto = b.encodingAesKey == null ? null : WeChatMessageCrypto.create(b.encodingAesKey, b.appId);
        this.maxAge = b.maxAge;
        this.maxBodyBytes = b.maxBodyBytes;
        this.clock = b.clock;
        this.replayGuard = b.replayGuard;
        this.allowPlainMode = b.allowPlainMode;
    }

    /** A new builder; {@link Builder#token(String)} is required. */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder holding this receiver's configuration, to derive a changed copy. */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.token = token;
        b.encodingAesKey = encodingAesKey;
        b.appId = appId;
        b.maxAge = maxAge;
        b.maxBodyBytes = maxBodyBytes;
        b.clock = clock;
        b.replayGuard = replayGuard;
        b.allowPlainMode = allowPlainMode;
        return b;
    }

    /**
     * Verifies a push (the platform's POST) and decodes it.
     *
     * @param queryParameters the request's query parameters, decoded (see {@link #parseQuery(String)})
     * @param body            the request body, decoded as UTF-8 (strictly: prefer {@link #receive(Map, byte[])},
     *                        which decodes it for you)
     * @return the event: an {@link io.minidrama.domain.event.UploadEvent}, an
     *         {@link io.minidrama.domain.event.AuditEvent}, or an
     *         {@link io.minidrama.domain.event.UnknownEvent} with the raw (decrypted) body for any
     *         other type, never {@code null}
     * @throws PushRejectedException when the push must not be trusted or cannot be read; its
     *                               {@link PushRejectedException#reason() reason} says which check failed
     */
    public PushEvent receive(Map<String, String> queryParameters, String body) {
        Objects.requireNonNull(queryParameters, "queryParameters");
        Objects.requireNonNull(body, "body");
        checkSize(body);
        return deliveredOrRefused(verified(queryParameters, body));
    }

    /**
     * Verifies a push given as the raw bytes of the request body, which MUST be UTF-8, and decodes
     * it. The size limit applies to the bytes before they are decoded; decoding is strict.
     *
     * @param queryParameters the request's query parameters, decoded (see {@link #parseQuery(String)})
     * @param body            the request body's bytes, as received
     * @return the event, as {@link #receive(Map, String)} returns it
     * @throws PushRejectedException as {@link #receive(Map, String)}, and {@link Reason#MALFORMED}
     *                               when the body is not valid UTF-8
     */
    public PushEvent receive(Map<String, String> queryParameters, byte[] body) {
        Objects.requireNonNull(queryParameters, "queryParameters");
        return deliveredOrRefused(verified(queryParameters, decode(body)));
    }

    /**
     * Verifies and decodes a push like {@link #receive(Map, byte[])}, then records it in the
     * {@linkplain Builder#replayGuard(PushReplayGuard) replay guard}: the first time a genuine push
     * arrives it is {@link PushOutcome.Delivered Delivered}, a replay of it within twice
     * {@link #maxAge()} is a {@link PushOutcome.Duplicate Duplicate}. Answer {@code success} to
     * the platform for both, and hand only a delivered event to your handler. Of concurrent calls
     * with one push, exactly one gets {@code Delivered} (the guard is atomic).
     *
     * @param queryParameters the request's query parameters, decoded (see {@link #parseQuery(String)})
     * @param body            the request body's bytes, as received (decoded as strict UTF-8)
     * @return {@code Delivered} with the event, or {@code Duplicate}
     * @throws PushRejectedException as {@link #receive(Map, byte[])}
     * @throws IllegalStateException if this receiver has no replay guard
     */
    public PushOutcome receiveOnce(Map<String, String> queryParameters, byte[] body) {
        Objects.requireNonNull(queryParameters, "queryParameters");
        requireGuard();
        return outcome(verified(queryParameters, decode(body)));
    }

    /**
     * {@link #receiveOnce(Map, byte[])} for a body already decoded from UTF-8.
     *
     * @throws PushRejectedException as {@link #receive(Map, String)}
     * @throws IllegalStateException if this receiver has no replay guard
     */
    public PushOutcome receiveOnce(Map<String, String> queryParameters, String body) {
        Objects.requireNonNull(queryParameters, "queryParameters");
        Objects.requireNonNull(body, "body");
        requireGuard();
        checkSize(body);
        return outcome(verified(queryParameters, body));
    }

    /** Whether a replay guard is configured (see {@link Builder#replayGuard(PushReplayGuard)}). */
    public boolean guardsReplays() {
        return replayGuard != null;
    }

    private void requireGuard() {
        if (replayGuard == null) {
            throw new IllegalStateException("receiveOnce needs a replay guard: configure one with "
                    + "PushEventReceiver.builder().replayGuard(PushReplayGuard.inMemory()) (or a shared one)");
        }
    }

    private PushOutcome outcome(Verified push) {
        return replayGuard.firstSeen(push.replayKey(), maxAge.multipliedBy(2))
                ? new PushOutcome.Delivered(push.event(), push.replayKey())
                : new PushOutcome.Duplicate(push.replayKey());
    }

    private PushEvent deliveredOrRefused(Verified push) {
        if (replayGuard != null && !replayGuard.firstSeen(push.replayKey(), maxAge.multipliedBy(2))) {
            throw new PushRejectedException(Reason.REPLAYED, "this push (" + push.replayKey()
                    + ") was already delivered; use receiveOnce to answer a replay with success instead");
        }
        return push.event();
    }

    /** A genuine push and the key that identifies it. */
    private record Verified(PushEvent event, String replayKey) {
    }

    /**
     * The key of a push in every mode: its (timestamp, nonce) pair, as {@code signature} signs it
     * (SHA-1 over token, timestamp and nonce; public in the URL). Not {@code msg_signature}: the
     * {@code signature} of a safe-mode request also verifies as a plain push, so a replay stripped
     * of its {@code msg_signature} must be recognized too (where plain pushes are accepted).
     */
    private static String replayKey(String plainSignature) {
        return plainSignature;
    }

    private Verified verified(Map<String, String> queryParameters, String body) {
        String timestamp = required(queryParameters, "timestamp");
        String nonce = required(queryParameters, "nonce");
        boolean encrypted = "aes".equalsIgnoreCase(queryParameters.getOrDefault("encrypt_type", ""))
                || queryParameters.containsKey("msg_signature");
        try {
            if (encrypted) {
                return receiveEncrypted(queryParameters, body, timestamp, nonce);
            }
            if (!acceptsPlainPushes()) {
                // before the signature and the body: a valid signature proves nothing about a plain body
                throw new PushRejectedException(Reason.UNENCRYPTED, "this receiver has an EncodingAESKey and expects "
                        + "compatible or safe mode, but the query has no msg_signature and no encrypt_type=aes: the body "
                        + "must be encrypted, since a plain push's signature does not cover it. Set the console to safe "
                        + "mode, or accept plain pushes with PushEventReceiver.Builder.allowPlainMode(true)");
            }
            String signature = required(queryParameters, "signature");
            String expected = WeChatMessageCrypto.signature(token, timestamp, nonce);
            checkSignature(expected, signature, "signature");
            checkFresh(timestamp);
            Fields fields = Bodies.parse(body);
            if (fields.text("Encrypt").isPresent()) {
                throw new PushRejectedException(Reason.MISSING_PARAMETER,
                        "the body is encrypted but the query has no msg_signature (and no encrypt_type=aes)");
            }
            return new Verified(EventDecoder.decode(fields, body), replayKey(expected));
        } catch (MalformedBodyException e) {
            throw new PushRejectedException(Reason.MALFORMED, e.getMessage());
        }
    }

    private Verified receiveEncrypted(Map<String, String> query, String body, String timestamp, String nonce) {
        if (crypto == null) {
            throw new PushRejectedException(Reason.NOT_CONFIGURED,
                    "the push is encrypted but this receiver has no EncodingAESKey; configure encodingAesKey and appId");
        }
        String msgSignature = required(query, "msg_signature");
        Fields outer = Bodies.parse(body);
        String encrypted = outer.text("Encrypt")
                .filter(s -> !s.isBlank())
                .orElseThrow(() -> new MalformedBodyException("the body has no Encrypt field although the query says it is encrypted"));
        String expected = WeChatMessageCrypto.msgSignature(token, timestamp, nonce, encrypted);
        checkSignature(expected, msgSignature, "msg_signature");
        checkFresh(timestamp);
        String message = crypto.decrypt(encrypted);
        try {
            return new Verified(EventDecoder.decode(Bodies.parse(message), message),
                    replayKey(WeChatMessageCrypto.signature(token, timestamp, nonce)));
        } catch (MalformedBodyException e) {
            throw new MalformedBodyException("decrypted message: " + e.getMessage());
        }
    }

    /**
     * Answers the URL-verification handshake (the platform's GET when the push URL is saved in the
     * console): checks {@code signature} over token, timestamp and nonce, and the timestamp window.
     * The mini program platform signs this GET the same way in every encryption mode.
     *
     * @param queryParameters the request's query parameters, decoded
     * @return the {@code echostr} value, to be written back verbatim as a {@code text/plain} body
     * @throws PushRejectedException {@link Reason#MISSING_PARAMETER}, {@link Reason#BAD_SIGNATURE},
     *                               {@link Reason#STALE} or {@link Reason#MALFORMED} (non-numeric timestamp)
     */
    public String verifyUrl(Map<String, String> queryParameters) {
        Objects.requireNonNull(queryParameters, "queryParameters");
        String signature = required(queryParameters, "signature");
        String timestamp = required(queryParameters, "timestamp");
        String nonce = required(queryParameters, "nonce");
        String echostr = required(queryParameters, "echostr");
        checkSignature(WeChatMessageCrypto.signature(token, timestamp, nonce), signature, "signature");
        checkFresh(timestamp);
        return echostr;
    }

    /**
     * Splits a raw query string ({@code a=1&b=2}, as from {@code URI.getRawQuery()}) into decoded
     * parameters. The first occurrence of a repeated name wins; a name without {@code =} maps to "".
     *
     * @param rawQuery the raw query, possibly empty
     * @return an unmodifiable map in query order
     */
    public static Map<String, String> parseQuery(String rawQuery) {
        Objects.requireNonNull(rawQuery, "rawQuery");
        Map<String, String> params = new LinkedHashMap<>();
        for (String pair : rawQuery.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String name = eq < 0 ? pair : pair.substring(0, eq);
            String value = eq < 0 ? "" : pair.substring(eq + 1);
            try {
                params.putIfAbsent(URLDecoder.decode(name, StandardCharsets.UTF_8), URLDecoder.decode(value, StandardCharsets.UTF_8));
            } catch (IllegalArgumentException e) {
                throw new PushRejectedException(Reason.MALFORMED, "the query string has an invalid percent-escape");
            }
        }
        return Collections.unmodifiableMap(params);
    }

    /** The accepted distance between a push's {@code timestamp} and the clock. */
    public Duration maxAge() {
        return maxAge;
    }

    /** The largest body accepted, in UTF-8 bytes. */
    public int maxBodyBytes() {
        return maxBodyBytes;
    }

    /** Whether an EncodingAESKey is configured, so that compatible and safe mode pushes are accepted. */
    public boolean decryptsMessages() {
        return crypto != null;
    }

    /**
     * Whether plain pushes (only {@code signature}, which does not cover the body) are accepted:
     * always without an EncodingAESKey, with one only after {@link Builder#allowPlainMode(boolean)
     * allowPlainMode(true)}.
     */
    public boolean acceptsPlainPushes() {
        return crypto == null || allowPlainMode;
    }

    private void checkSize(String body) {
        // a char is at least one UTF-8 byte: a long string is refused before it is encoded
        if (body.length() > maxBodyBytes) {
            throw tooLarge();
        }
        ByteBuffer bytes;
        try {
            // strict: an unpaired surrogate is not silently turned into '?'
            bytes = StandardCharsets.UTF_8.newEncoder().encode(CharBuffer.wrap(body));
        } catch (CharacterCodingException e) {
            throw new PushRejectedException(Reason.MALFORMED, "the body is not valid Unicode (an unpaired surrogate)");
        }
        if (bytes.remaining() > maxBodyBytes) {
            throw tooLarge();
        }
    }

    private String decode(byte[] body) {
        Objects.requireNonNull(body, "body");
        if (body.length > maxBodyBytes) {
            throw tooLarge();
        }
        try {
            return StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(body)).toString();
        } catch (CharacterCodingException e) {
            throw new PushRejectedException(Reason.MALFORMED, "the body is not valid UTF-8");
        }
    }

    private PushRejectedException tooLarge() {
        return new PushRejectedException(Reason.TOO_LARGE, "the body is larger than " + maxBodyBytes + " bytes");
    }

    private static String required(Map<String, String> query, String name) {
        String value = query.get(name);
        if (value == null || value.isBlank()) {
            throw new PushRejectedException(Reason.MISSING_PARAMETER, "query parameter " + name + " is missing or empty");
        }
        return value;
    }

    private static void checkSignature(String expected, String received, String name) {
        if (!WeChatMessageCrypto.signatureMatches(expected, received.strip())) {
            throw new PushRejectedException(Reason.BAD_SIGNATURE,
                    name + " does not match: the push was not signed with the configured token");
        }
    }

    private void checkFresh(String timestamp) {
        long seconds;
        try {
            seconds = Long.parseLong(timestamp.strip());
        } catch (NumberFormatException e) {
            throw new PushRejectedException(Reason.MALFORMED, "query parameter timestamp must be Unix seconds");
        }
        Instant now = clock.instant();
        Duration skew;
        try {
            skew = Duration.between(Instant.ofEpochSecond(seconds), now);
        } catch (RuntimeException e) {
            throw new PushRejectedException(Reason.STALE, "timestamp is not a plausible time");
        }
        if (skew.abs().compareTo(maxAge) > 0) {
            throw new PushRejectedException(Reason.STALE, "timestamp is " + Math.abs(skew.toSeconds()) + " s "
                    + (skew.isNegative() ? "in the future" : "old") + "; the accepted window is " + maxAge.toSeconds() + " s");
        }
    }

    /** Shows the settings, never the token, key or appid. */
    @Override
    public String toString() {
        return "PushEventReceiver[decrypts=" + decryptsMessages() + ", acceptsPlain=" + acceptsPlainPushes() + ", maxAge=" + maxAge + ", maxBodyBytes=" + maxBodyBytes
                + ", guardsReplays=" + guardsReplays() + "]";
    }

    /**
     * Configuration for a {@link PushEventReceiver}. Not thread-safe; {@link #build()} validates and
     * copies, so a builder may be reused.
     *
     * <p>Configuration, not request data: a {@code null} argument to a setter throws
     * {@link NullPointerException} at once (a programming error; request builders such as
     * {@code FirstSubmission.Builder} report a {@code null} at {@code build()} instead).
     */
    public static final class Builder {
        private String token;
        private String encodingAesKey;
        private String appId;
        private Duration maxAge = DEFAULT_MAX_AGE;
        private int maxBodyBytes = DEFAULT_MAX_BODY_BYTES;
        private Clock clock = Clock.systemUTC();
        private PushReplayGuard replayGuard;
        private boolean allowPlainMode;

        private Builder() {
        }

        /** The Token from the console's message-push settings. Required. */
        public Builder token(String token) {
            this.token = Objects.requireNonNull(token, "token");
            return this;
        }

        /**
         * The EncodingAESKey (43 characters) and the mini program's appid, needed for compatible and
         * safe mode. Without them only plain pushes are accepted; with them only compatible and safe
         * mode pushes, unless {@link #allowPlainMode(boolean) allowPlainMode(true)}.
         */
        public Builder encryption(String encodingAesKey, String appId) {
            this.encodingAesKey = Objects.requireNonNull(encodingAesKey, "encodingAesKey");
            this.appId = Objects.requireNonNull(appId, "appId");
            return this;
        }

        /** Forgets a configured EncodingAESKey and appid: only plain pushes are accepted. */
        public Builder noEncryption() {
            this.encodingAesKey = null;
            this.appId = null;
            return this;
        }

        /**
         * WEAKENS the receiver: with an EncodingAESKey configured, also accept plain pushes, for a
         * console still set to plain mode. In plain mode the platform's {@code signature} covers token,
         * timestamp and nonce, not the body, and a safe-mode request carries the same
         * {@code signature}: anyone who sees one signed URL (a safe-mode one included) can post any
         * plain body with it while its timestamp is fresh ({@link #maxAge(Duration) maxAge}); a
         * {@link #replayGuard(PushReplayGuard) replay guard} stops that only if the genuine push
         * arrived first. Default {@code false}: a receiver with a key refuses plain pushes with
         * {@link Reason#UNENCRYPTED}. Without a key plain pushes are always accepted and this has no effect.
         */
        public Builder allowPlainMode(boolean allow) {
            this.allowPlainMode = allow;
            return this;
        }

        /** How far a push's timestamp may be from the clock, either way. Default 5 minutes; must be positive. */
        public Builder maxAge(Duration maxAge) {
            this.maxAge = Objects.requireNonNull(maxAge, "maxAge");
            return this;
        }

        /** The largest body accepted, in UTF-8 bytes. Default 64 KiB; must be positive. */
        public Builder maxBodyBytes(int maxBodyBytes) {
            this.maxBodyBytes = maxBodyBytes;
            return this;
        }

        /** The clock for the timestamp window. Default {@link Clock#systemUTC()}. */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /**
         * Remembers delivered pushes for twice {@link #maxAge(Duration) maxAge}, so that a replay
         * inside the window is recognized: {@link PushEventReceiver#receiveOnce(Map, byte[])} answers
         * it as a {@link PushOutcome.Duplicate}, {@link PushEventReceiver#receive(Map, byte[])} refuses
         * it with {@link Reason#REPLAYED}. Default: none (replays inside the window are accepted).
         * Use {@link PushReplayGuard#inMemory()} for one instance, a shared store (Redis) for several.
         */
        public Builder replayGuard(PushReplayGuard replayGuard) {
            this.replayGuard = Objects.requireNonNull(replayGuard, "replayGuard");
            return this;
        }

        /** Forgets a configured replay guard. */
        public Builder noReplayGuard() {
            this.replayGuard = null;
            return this;
        }

        /**
         * Builds the receiver.
         *
         * @throws InvalidRequestException if the token is missing or blank, the EncodingAESKey is not 43
         *                                 Base64 characters, the appid is blank, or maxAge / maxBodyBytes
         *                                 is not positive (secrets are never part of the message)
         */
        public PushEventReceiver build() {
            if (token == null || token.isBlank()) {
                throw InvalidRequestException.of("token", Rule.NONE, "(missing)", "the Token from the console's message-push settings is required");
            }
            if (maxAge.isZero() || maxAge.isNegative()) {
                throw InvalidRequestException.of("maxAge", Rule.NONE, maxAge, "the timestamp window must be positive");
            }
            if (maxBodyBytes <= 0) {
                throw InvalidRequestException.of("maxBodyBytes", Rule.NONE, maxBodyBytes, "the body limit must be positive");
            }
            return new PushEventReceiver(this);
        }
    }
}
