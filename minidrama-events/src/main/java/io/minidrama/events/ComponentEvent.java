package io.minidrama.events;

import java.time.Instant;
import java.util.Objects;

/**
 * A push to a third-party platform's authorization event URL (API.md section 10), decrypted and
 * verified by {@link ComponentEventReceiver}: the verify ticket every 10 minutes, and the
 * authorization events of its mini programs. Answer every one with the bare string
 * {@code success}. The {@code toString()} of each never shows a ticket or an authorization code.
 */
public sealed interface ComponentEvent
        permits ComponentEvent.Ticket, ComponentEvent.Authorized, ComponentEvent.UpdateAuthorized,
        ComponentEvent.Unauthorized, ComponentEvent.Unknown {

    /** The platform's appid ({@code AppId}). */
    String componentAppId();

    /** The push's {@code CreateTime}. */
    Instant createdAt();

    /** {@code InfoType}. */
    String infoType();

    /**
     * {@code component_verify_ticket}: give it to the component's token manager
     * ({@code ComponentTokens.acceptTicket(ticket, createdAt)}).
     *
     * @param componentAppId the platform's appid
     * @param createdAt      {@code CreateTime}
     * @param ticket         {@code ComponentVerifyTicket}; a secret
     */
    record Ticket(String componentAppId, Instant createdAt, String ticket) implements ComponentEvent {
        /** {@code InfoType} of this event. */
        public static final String TYPE = "component_verify_ticket";

        /** Validates. */
        public Ticket {
            Objects.requireNonNull(componentAppId, "componentAppId");
            Objects.requireNonNull(createdAt, "createdAt");
            Objects.requireNonNull(ticket, "ticket");
        }

        @Override
        public String infoType() {
            return TYPE;
        }

        @Override
        public String toString() {
            return "Ticket[componentAppId=" + componentAppId + ", createdAt=" + createdAt + ", ticket=redacted]";
        }
    }

    /**
     * {@code authorized}: a mini program authorized the platform; exchange the code
     * ({@code ComponentTokens.authorize(authorizationCode)}).
     *
     * @param componentAppId    the platform's appid
     * @param createdAt         {@code CreateTime}
     * @param authorizerAppId   {@code AuthorizerAppid}
     * @param authorizationCode {@code AuthorizationCode}; a secret
     * @param codeExpiresAt     {@code AuthorizationCodeExpiredTime}
     * @param preAuthCode       {@code PreAuthCode} (empty when absent); a secret
     */
    record Authorized(String componentAppId, Instant createdAt, String authorizerAppId, String authorizationCode,
                      Instant codeExpiresAt, String preAuthCode) implements ComponentEvent {
        /** {@code InfoType} of this event. */
        public static final String TYPE = "authorized";

        /** Validates. */
        public Authorized {
            requireGrant(componentAppId, createdAt, authorizerAppId, authorizationCode, codeExpiresAt, preAuthCode);
        }

        @Override
        public String infoType() {
            return TYPE;
        }

        @Override
        public String toString() {
            return describeGrant("Authorized", componentAppId, authorizerAppId, createdAt, codeExpiresAt);
        }
    }

    /**
     * {@code updateauthorized}: a mini program changed what it granted (permission sets); exchange
     * the code again to learn the new sets.
     *
     * @param componentAppId    the platform's appid
     * @param createdAt         {@code CreateTime}
     * @param authorizerAppId   {@code AuthorizerAppid}
     * @param authorizationCode {@code AuthorizationCode}; a secret
     * @param codeExpiresAt     {@code AuthorizationCodeExpiredTime}
     * @param preAuthCode       {@code PreAuthCode} (empty when absent); a secret
     */
    record UpdateAuthorized(String componentAppId, Instant createdAt, String authorizerAppId, String authorizationCode,
                            Instant codeExpiresAt, String preAuthCode) implements ComponentEvent {
        /** {@code InfoType} of this event. */
        public static final String TYPE = "updateauthorized";

        /** Validates. */
        public UpdateAuthorized {
            requireGrant(componentAppId, createdAt, authorizerAppId, authorizationCode, codeExpiresAt, preAuthCode);
        }

        @Override
        public String infoType() {
            return TYPE;
        }

        @Override
        public String toString() {
            return describeGrant("UpdateAuthorized", componentAppId, authorizerAppId, createdAt, codeExpiresAt);
        }
    }

    /**
     * {@code unauthorized}: a mini program revoked the platform; mark it revoked
     * ({@code ComponentTokens.revoke(authorizerAppId, createdAt)}).
     *
     * @param componentAppId  the platform's appid
     * @param createdAt       {@code CreateTime}
     * @param authorizerAppId {@code AuthorizerAppid}
     */
    record Unauthorized(String componentAppId, Instant createdAt, String authorizerAppId) implements ComponentEvent {
        /** {@code InfoType} of this event. */
        public static final String TYPE = "unauthorized";

        /** Validates. */
        public Unauthorized {
            Objects.requireNonNull(componentAppId, "componentAppId");
            Objects.requireNonNull(createdAt, "createdAt");
            Objects.requireNonNull(authorizerAppId, "authorizerAppId");
        }

        @Override
        public String infoType() {
            return TYPE;
        }
    }

    /**
     * Any other {@code InfoType} (such as {@code notify_third_fasteregister}), never dropped.
     *
     * @param componentAppId the platform's appid
     * @param createdAt      {@code CreateTime}
     * @param infoType       {@code InfoType}
     * @param rawMessage     the decrypted message, not shown by {@link #toString()}
     */
    record Unknown(String componentAppId, Instant createdAt, String infoType, String rawMessage) implements ComponentEvent {
        /** Validates. */
        public Unknown {
            Objects.requireNonNull(componentAppId, "componentAppId");
            Objects.requireNonNull(createdAt, "createdAt");
            Objects.requireNonNull(infoType, "infoType");
            Objects.requireNonNull(rawMessage, "rawMessage");
        }

        @Override
        public String toString() {
            return "Unknown[componentAppId=" + componentAppId + ", infoType=" + infoType + ", createdAt=" + createdAt
                    + ", " + rawMessage.length() + " chars]";
        }
    }

    /** The checks of {@link Authorized} and {@link UpdateAuthorized}, which carry the same fields. */
    private static void requireGrant(String componentAppId, Instant createdAt, String authorizerAppId, String authorizationCode,
                                     Instant codeExpiresAt, String preAuthCode) {
        Objects.requireNonNull(componentAppId, "componentAppId");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(authorizerAppId, "authorizerAppId");
        Objects.requireNonNull(authorizationCode, "authorizationCode");
        Objects.requireNonNull(codeExpiresAt, "codeExpiresAt");
        Objects.requireNonNull(preAuthCode, "preAuthCode");
    }

    /** The {@code toString()} of a grant event: the codes are secrets and never shown. */
    private static String describeGrant(String type, String componentAppId, String authorizerAppId, Instant createdAt,
                                        Instant codeExpiresAt) {
        return type + "[componentAppId=" + componentAppId + ", authorizerAppId=" + authorizerAppId
                + ", createdAt=" + createdAt + ", authorizationCode=redacted, codeExpiresAt=" + codeExpiresAt + "]";
    }
}
