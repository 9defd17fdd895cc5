package io.minidrama.events;

import io.minidrama.domain.error.InvalidRequestException;
import io.minidrama.domain.error.Rule;
import io.minidrama.domain.event.PushEvent;
import io.minidrama.events.internal.Bodies;
import io.minidrama.events.internal.MalformedBodyException;
import io.minidrama.events.internal.SafeJson;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonReader;

import java.io.StringReader;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Random;

/**
 * Produces push requests signed, and in compatible or safe mode encrypted, exactly as the platform
 * does (API.md section 5), so a fake platform, an HTTP emulator or a consumer's own tests can drive a
 * webhook built on {@link PushEventReceiver} end to end, offline.
 *
 * <p>Plain mode sends {@code signature, timestamp, nonce}; compatible and safe mode add
 * {@code encrypt_type=aes} and {@code msg_signature}. The timestamp comes from the clock, the nonce
 * (decimal digits) and the 16 leading random bytes of each encrypted frame from the random source,
 * so a seeded {@link Random} and a fixed clock give reproducible requests.
 *
 * <p>Instances are immutable and thread-safe (as long as the given {@link Random} is, which
 * {@link Random} and {@link SecureRandom} are).
 */
public final class PushEventSigner {
    private final String token;
    private final WeChatMessageCrypto crypto;
    private final PushMode mode;
    private final PushFormat format;
    private final Clock clock;
    private final Random random;

    private PushEventSigner(Builder b) {
        this.token = b.token;
        this.crypto = b.encodingAesKey == null ? null : WeChatMessageCrypto.create(b.encodingAesKey, b.appId);
        this.mode = b.mode;
        this.format = b.format;
        this.clock = b.clock;
        this.random = b.random;
    }

    /** A new builder; {@link Builder#token(String)} is required, and {@link Builder#encryption} for compatible and safe mode. */
    public static Builder builder() {
        return new Builder();
    }

    /** The mode this signer produces. */
    public PushMode mode() {
        return mode;
    }

    /** The body format this signer produces. */
    public PushFormat format() {
        return format;
    }

    /**
     * Signs (and encrypts) a push of {@code event}, written with {@link PushEventEncoder} in this
     * signer's format.
     */
    public SignedPush sign(PushEvent event) {
        return signMessage(PushEventEncoder.encode(Objects.requireNonNull(event, "event"), format));
    }

    /**
     * Signs (and encrypts) an arbitrary plain message, for events this library does not model or for
     * hand-made edge cases.
     *
     * @param message the plain message in this signer's format
     * @throws IllegalArgumentException in compatible mode, if the message is not one XML document or
     *                                  JSON object in this signer's format (the Encrypt field must be added to it)
     */
    public SignedPush signMessage(String message) {
        Objects.requireNonNull(message, "message");
        String timestamp = Long.toString(clock.instant().getEpochSecond());
        String nonce = nonce();
        Map<String, String> query = new LinkedHashMap<>();
        query.put("signature", WeChatMessageCrypto.signature(token, timestamp, nonce));
        query.put("timestamp", timestamp);
        query.put("nonce", nonce);
        if (mode == PushMode.PLAIN) {
            return new SignedPush(query, message, format);
        }
        byte[] random16 = new byte[16];
        random.nextBytes(random16);
        String encrypted = crypto.encrypt(message, random16);
        query.put("encrypt_type", "aes");
        query.put("msg_signature", WeChatMessageCrypto.msgSignature(token, timestamp, nonce, encrypted));
        String body = mode == PushMode.SAFE ? safeBody(message, encrypted) : compatibleBody(message, encrypted);
        return new SignedPush(query, body, format);
    }

    /**
     * The URL-verification GET the platform sends when the push URL is saved: {@code signature,
     * echostr, timestamp, nonce}, empty body.
     *
     * @param echostr the value the endpoint must echo
     */
    public SignedPush urlVerification(String echostr) {
        Objects.requireNonNull(echostr, "echostr");
        String timestamp = Long.toString(clock.instant().getEpochSecond());
        String nonce = nonce();
        Map<String, String> query = new LinkedHashMap<>();
        query.put("signature", WeChatMessageCrypto.signature(token, timestamp, nonce));
        query.put("echostr", echostr);
        query.put("timestamp", timestamp);
        query.put("nonce", nonce);
        return new SignedPush(query, "", format);
    }

    private String nonce() {
        return Integer.toString(1_000_000_000 + random.nextInt(1_000_000_000));
    }

    private String toUserName(String message) {
        try {
            return Bodies.parse(message).text("ToUserName").orElse("");
        } catch (MalformedBodyException e) {
            return "";
        }
    }

    private String safeBody(String message, String encrypted) {
        String to = toUserName(message);
        if (format == PushFormat.JSON) {
            return SafeJson.PROVIDER.createObjectBuilder().add("ToUserName", to).add("Encrypt", encrypted).build().toString();
        }
        return "<xml><ToUserName><![CDATA[" + to.replace("]]>", "]]]]><![CDATA[>") + "]]></ToUserName>"
                + "<Encrypt><![CDATA[" + encrypted + "]]></Encrypt></xml>";
    }

    private String compatibleBody(String message, String encrypted) {
        PushFormat actual;
        try {
            actual = Bodies.detect(message);
        } catch (MalformedBodyException e) {
            throw new IllegalArgumentException("compatible mode needs a message in " + format + ", got neither XML nor JSON");
        }
        if (actual != format) {
            throw new IllegalArgumentException("compatible mode needs a message in " + format + ", got " + actual);
        }
        if (format == PushFormat.JSON) {
            try (JsonReader reader = SafeJson.PROVIDER.createReader(new StringReader(message))) {
                JsonObjectBuilder json = SafeJson.PROVIDER.createObjectBuilder(reader.readObject());
                return json.add("Encrypt", encrypted).build().toString();
            } catch (RuntimeException e) {
                throw new IllegalArgumentException("compatible mode needs one JSON object", e);
            }
        }
        int end = message.lastIndexOf("</");
        if (end < 0) {
            throw new IllegalArgumentException("compatible mode needs one XML document with a closing root tag");
        }
        return message.substring(0, end) + "<Encrypt><![CDATA[" + encrypted + "]]></Encrypt>" + message.substring(end);
    }

    /** Shows the settings, never the token or key. */
    @Override
    public String toString() {
        return "PushEventSigner[mode=" + mode + ", format=" + format + "]";
    }

    /**
     * Configuration for a {@link PushEventSigner}. Not thread-safe; {@link #build()} copies.
     *
     * <p>Configuration, not request data: a {@code null} argument to a setter throws
     * {@link NullPointerException} at once (a programming error; request builders such as
     * {@code FirstSubmission.Builder} report a {@code null} at {@code build()} instead).
     */
    public static final class Builder {
        private String token;
        private String encodingAesKey;
        private String appId;
        private PushMode mode = PushMode.PLAIN;
        private PushFormat format = PushFormat.XML;
        private Clock clock = Clock.systemUTC();
        private Random random = new SecureRandom();

        private Builder() {
        }

        /** The Token shared with the receiver. Required. */
        public Builder token(String token) {
            this.token = Objects.requireNonNull(token, "token");
            return this;
        }

        /**
         * The EncodingAESKey and appid shared with the receiver; sets the mode to {@link PushMode#SAFE}
         * unless {@link #mode(PushMode)} is called afterwards.
         */
        public Builder encryption(String encodingAesKey, String appId) {
            this.encodingAesKey = Objects.requireNonNull(encodingAesKey, "encodingAesKey");
            this.appId = Objects.requireNonNull(appId, "appId");
            this.mode = PushMode.SAFE;
            return this;
        }

        /** The encryption mode. Default {@link PushMode#PLAIN}, or {@link PushMode#SAFE} after {@link #encryption}. */
        public Builder mode(PushMode mode) {
            this.mode = Objects.requireNonNull(mode, "mode");
            return this;
        }

        /** The body format. Default {@link PushFormat#XML}. */
        public Builder format(PushFormat format) {
            this.format = Objects.requireNonNull(format, "format");
            return this;
        }

        /** The clock for {@code timestamp}. Default {@link Clock#systemUTC()}. */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /** The source of nonces and of the random bytes in each encrypted frame. Default a {@link SecureRandom}. */
        public Builder random(Random random) {
            this.random = Objects.requireNonNull(random, "random");
            return this;
        }

        /**
         * Builds the signer.
         *
         * @throws InvalidRequestException if the token is missing or blank, or compatible/safe mode is
         *                                 chosen without a valid EncodingAESKey and appid
         */
        public PushEventSigner build() {
            if (token == null || token.isBlank()) {
                throw InvalidRequestException.of("token", Rule.NONE, "(missing)", "the Token shared with the receiver is required");
            }
            if (mode != PushMode.PLAIN && encodingAesKey == null) {
                throw InvalidRequestException.of("encodingAesKey", Rule.NONE, "(missing)", mode + " mode needs encryption(encodingAesKey, appId)");
            }
            return new PushEventSigner(this);
        }
    }
}
