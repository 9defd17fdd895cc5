package io.minidrama.events;

import io.minidrama.domain.error.InvalidRequestException;
import io.minidrama.domain.error.Rule;
import io.minidrama.events.PushRejectedException.Reason;
import io.minidrama.events.internal.Bodies;
import io.minidrama.events.internal.Fields;
import io.minidrama.events.internal.MalformedBodyException;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Receives the pushes to a third-party platform's authorization event URL (API.md section 10):
 * the {@code component_verify_ticket} every 10 minutes and the {@code authorized},
 * {@code updateauthorized} and {@code unauthorized} events, all in safe mode (encrypted XML whose
 * outer element has {@code AppId} and {@code Encrypt}). Verifies {@code msg_signature} with the
 * platform's token before decrypting, checks the timestamp window, decrypts with the platform's
 * EncodingAESKey and checks the <em>component</em> appid inside (and the outer {@code AppId}),
 * then decodes a {@link ComponentEvent}. Answer {@code success} to every accepted push.
 *
 * <pre>{@code
 * ComponentEvent event = receiver.receive(PushEventReceiver.parseQuery(uri.getRawQuery()), body);
 * if (event instanceof ComponentEvent.Ticket t) {
 *     tokens.acceptTicket(t.ticket(), t.createdAt());
 * } else if (event instanceof ComponentEvent.Authorized a) {
 *     tokens.authorize(a.authorizationCode());
 * } else if (event instanceof ComponentEvent.UpdateAuthorized u) {
 *     tokens.authorize(u.authorizationCode());
 * } else if (event instanceof ComponentEvent.Unauthorized u) {
 *     tokens.revoke(u.authorizerAppId(), u.createdAt());
 * }
 * }</pre>
 *
 * <p>Immutable and thread-safe. The token, the key, tickets and codes never appear in a message.
 */
public final class ComponentEventReceiver {
    private final String token;
    private final String componentAppId;
    private final WeChatMessageCrypto crypto;
    private final Duration maxAge;
    private final int maxBodyBytes;
    private final Clock clock;

    private ComponentEventReceiver(Builder b) {
        this.token = b.token;
        this.componentAppId = b.componentAppId;
        this.crypto = WeChatMessageCrypto.create(b.encodingAesKey, b.componentAppId);
        this.maxAge = b.maxAge;
        this.maxBodyBytes = b.maxBodyBytes;
        this.clock = b.clock;
    }

    /** A builder; token, EncodingAESKey and component appid are required. */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Verifies, decrypts and decodes a push.
     *
     * @param queryParameters the request's decoded query parameters ({@code timestamp}, {@code nonce},
     *                        {@code msg_signature}; see {@link PushEventReceiver#parseQuery(String)})
     * @param body            the request body's bytes (UTF-8)
     * @return the event, never {@code null}
     * @throws PushRejectedException when the push must not be trusted or cannot be read
     */
    public ComponentEvent receive(Map<String, String> queryParameters, byte[] body) {
        Objects.requireNonNull(queryParameters, "queryParameters");
        Objects.requireNonNull(body, "body");
        if (body.length > maxBodyBytes) {
            throw new PushRejectedException(Reason.TOO_LARGE, "the body is larger than " + maxBodyBytes + " bytes");
        }
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(body)).toString();
        } catch (CharacterCodingException e) {
            throw new PushRejectedException(Reason.MALFORMED, "the body is not valid UTF-8");
        }
        return receive(queryParameters, text);
    }

    /** {@link #receive(Map, byte[])} for a body already decoded. */
    public ComponentEvent receive(Map<String, String> queryParameters, String body) {
        Objects.requireNonNull(queryParameters, "queryParameters");
        Objects.requireNonNull(body, "body");
        if (body.length() > maxBodyBytes) {
            throw new PushRejectedException(Reason.TOO_LARGE, "the body is larger than " + maxBodyBytes + " bytes");
        }
        String timestamp = required(queryParameters, "timestamp");
        String nonce = required(queryParameters, "nonce");
        String msgSignature = queryParameters.get("msg_signature");
        if (msgSignature == null || msgSignature.isBlank()) {
            throw new PushRejectedException(Reason.UNENCRYPTED, "a third-party platform's pushes are encrypted (safe mode): "
                    + "the query has no msg_signature");
        }
        try {
            Fields outer = Bodies.parse(body);
            String encrypted = outer.text("Encrypt").filter(s -> !s.isBlank())
                    .orElseThrow(() -> new MalformedBodyException("the body has no Encrypt field"));
            String expected = WeChatMessageCrypto.msgSignature(token, timestamp, nonce, encrypted);
            if (!WeChatMessageCrypto.signatureMatches(expected, msgSignature.strip())) {
                throw new PushRejectedException(Reason.BAD_SIGNATURE,
                        "msg_signature does not match: the push was not signed with the platform's token");
            }
            checkFresh(timestamp);
            Optional<String> outerAppId = outer.text("AppId").map(String::strip);
            if (outerAppId.isPresent() && !outerAppId.get().isEmpty() && !outerAppId.get().equals(componentAppId)) {
                throw new PushRejectedException(Reason.WRONG_APPID, "the push's AppId is not this platform's appid");
            }
            String message = crypto.decrypt(encrypted);
            return decode(Bodies.parse(message), message);
        } catch (MalformedBodyException e) {
            throw new PushRejectedException(Reason.MALFORMED, e.getMessage());
        }
    }

    private ComponentEvent decode(Fields f, String message) {
        String app = f.text("AppId").map(String::strip).orElse(componentAppId);
        if (!app.equals(componentAppId)) {
            throw new PushRejectedException(Reason.WRONG_APPID, "the message's AppId is not this platform's appid");
        }
        Instant created = instant(f, "CreateTime");
        String type = f.text("InfoType").map(String::strip).orElse("");
        return switch (type) {
            case ComponentEvent.Ticket.TYPE -> new ComponentEvent.Ticket(app, created, need(f, "ComponentVerifyTicket"));
            case ComponentEvent.Authorized.TYPE -> new ComponentEvent.Authorized(app, created, need(f, "AuthorizerAppid"),
                    need(f, "AuthorizationCode"), instant(f, "AuthorizationCodeExpiredTime"), f.text("PreAuthCode").orElse(""));
            case ComponentEvent.UpdateAuthorized.TYPE -> new ComponentEvent.UpdateAuthorized(app, created, need(f, "AuthorizerAppid"),
                    need(f, "AuthorizationCode"), instant(f, "AuthorizationCodeExpiredTime"), f.text("PreAuthCode").orElse(""));
            case ComponentEvent.Unauthorized.TYPE -> new ComponentEvent.Unauthorized(app, created, need(f, "AuthorizerAppid"));
            default -> new ComponentEvent.Unknown(app, created, type, message);
        };
    }

    private static String need(Fields f, String name) {
        return f.text(name).map(String::strip).filter(s -> !s.isEmpty())
                .orElseThrow(() -> new MalformedBodyException("decrypted message: " + name + " is missing"));
    }

    private static Instant instant(Fields f, String name) {
        Optional<String> text = f.text(name).map(String::strip).filter(s -> !s.isEmpty());
        if (text.isEmpty()) {
            return Instant.EPOCH;
        }
        try {
            return Instant.ofEpochSecond(Long.parseLong(text.get()));
        } catch (NumberFormatException | DateTimeException e) {
            throw new MalformedBodyException("decrypted message: " + name + " must be Unix seconds");
        }
    }

    private static String required(Map<String, String> query, String name) {
        String value = query.get(name);
        if (value == null || value.isBlank()) {
            throw new PushRejectedException(Reason.MISSING_PARAMETER, "query parameter " + name + " is missing or empty");
        }
        return value;
    }

    private void checkFresh(String timestamp) {
        long seconds;
        try {
            seconds = Long.parseLong(timestamp.strip());
        } catch (NumberFormatException e) {
            throw new PushRejectedException(Reason.MALFORMED, "query parameter timestamp must be Unix seconds");
        }
        Duration skew;
        try {
            skew = Duration.between(Instant.ofEpochSecond(seconds), clock.instant());
        } catch (RuntimeException e) {
            throw new PushRejectedException(Reason.STALE, "timestamp is not a plausible time");
        }
        if (skew.abs().compareTo(maxAge) > 0) {
            throw new PushRejectedException(Reason.STALE, "timestamp is " + Math.abs(skew.toSeconds()) + " s "
                    + (skew.isNegative() ? "in the future" : "old") + "; the accepted window is " + maxAge.toSeconds() + " s");
        }
    }

    /**
     * A push as the platform sends it, for emulators and tests: the outer XML
     * ({@code <xml><AppId>..</AppId><Encrypt>..</Encrypt></xml>}) and the query parameters
     * {@code timestamp}, {@code nonce}, {@code encrypt_type=aes}, {@code msg_signature} and
     * {@code signature}.
     *
     * @param token          the platform's token
     * @param encodingAesKey the platform's EncodingAESKey
     * @param componentAppId the platform's appid
     * @param message        the plain XML message
     * @param timestamp      Unix seconds
     * @param nonce          a random string
     * @return the signed push
     */
    public static SignedPush sign(String token, String encodingAesKey, String componentAppId, String message,
                                  long timestamp, String nonce) {
        String encrypted = WeChatMessageCrypto.create(encodingAesKey, componentAppId).encrypt(message);
        String ts = Long.toString(timestamp);
        String body = "<xml><AppId><![CDATA[" + componentAppId + "]]></AppId><Encrypt><![CDATA[" + encrypted + "]]></Encrypt></xml>";
        Map<String, String> query = new java.util.LinkedHashMap<>();
        query.put("signature", WeChatMessageCrypto.signature(token, ts, nonce));
        query.put("timestamp", ts);
        query.put("nonce", nonce);
        query.put("encrypt_type", "aes");
        query.put("msg_signature", WeChatMessageCrypto.msgSignature(token, ts, nonce, encrypted));
        return new SignedPush(query, body, PushFormat.XML);
    }

    /** Shows the settings, never the token, key or appid. */
    @Override
    public String toString() {
        return "ComponentEventReceiver[maxAge=" + maxAge + ", maxBodyBytes=" + maxBodyBytes + "]";
    }

    /**
     * Configuration for a {@link ComponentEventReceiver}. Not thread-safe; {@code null} is refused.
     */
    public static final class Builder {
        private String token;
        private String encodingAesKey;
        private String componentAppId;
        private Duration maxAge = PushEventReceiver.DEFAULT_MAX_AGE;
        private int maxBodyBytes = PushEventReceiver.DEFAULT_MAX_BODY_BYTES;
        private Clock clock = Clock.systemUTC();

        private Builder() {
        }

        /** The platform's message-check token (required). */
        public Builder token(String token) {
            this.token = Objects.requireNonNull(token, "token");
            return this;
        }

        /** The platform's EncodingAESKey (43 characters) and its appid (both required). */
        public Builder encryption(String encodingAesKey, String componentAppId) {
            this.encodingAesKey = Objects.requireNonNull(encodingAesKey, "encodingAesKey");
            this.componentAppId = Objects.requireNonNull(componentAppId, "componentAppId");
            return this;
        }

        /** How far a push's timestamp may be from the clock, either way (default 5 minutes). */
        public Builder maxAge(Duration maxAge) {
            this.maxAge = Objects.requireNonNull(maxAge, "maxAge");
            return this;
        }

        /** The largest body accepted, in bytes (default 64 KiB). */
        public Builder maxBodyBytes(int maxBodyBytes) {
            this.maxBodyBytes = maxBodyBytes;
            return this;
        }

        /** The clock of the timestamp window (default UTC system clock). */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /**
         * Builds the receiver.
         *
         * @throws InvalidRequestException listing what is missing or invalid (never a secret's value)
         */
        public ComponentEventReceiver build() {
            if (token == null || token.isBlank()) {
                throw InvalidRequestException.of("token", Rule.NONE, "(missing)", "the platform's message-check token is required");
            }
            if (encodingAesKey == null || !WeChatMessageCrypto.isValidEncodingAesKey(encodingAesKey)) {
                throw InvalidRequestException.of("encodingAesKey", Rule.NONE, "(redacted)",
                        "the platform's EncodingAESKey (43 Base64 characters) is required: its pushes are encrypted");
            }
            if (componentAppId.isBlank()) {
                throw InvalidRequestException.of("componentAppId", Rule.NONE, componentAppId, "the platform's appid is required");
            }
            if (maxAge.isZero() || maxAge.isNegative()) {
                throw InvalidRequestException.of("maxAge", Rule.NONE, maxAge, "the timestamp window must be positive");
            }
            if (maxBodyBytes <= 0) {
                throw InvalidRequestException.of("maxBodyBytes", Rule.NONE, maxBodyBytes, "the body limit must be positive");
            }
            return new ComponentEventReceiver(this);
        }
    }
}
