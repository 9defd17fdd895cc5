package io.minidrama.port.component;

import io.minidrama.domain.error.PlatformException;

import java.time.Duration;
import java.util.Optional;

/**
 * A call for an authorizer (or for the component itself) refused because of the third-party
 * platform's state, usually before anything was sent: the merchant revoked the platform, a
 * permission set is not granted, the refresh token is lost, the verify ticket is missing or stale.
 * A {@link PlatformException} with the platform's errcode for the same refusal, so that retry
 * policies and errcode handling treat both alike; {@link #reason()} says which, and the message
 * says what to do. Never carries a token, ticket or secret.
 */
public final class ComponentAuthorizationException extends PlatformException {
    private static final long serialVersionUID = 1L;

    /** Why the call was refused. */
    public enum Reason {
        /** The merchant revoked the platform ({@code unauthorized} event, or errcode 61003): authorize again. */
        REVOKED(61003),
        /** The authorizer never authorized this platform (no refresh token is known and the authorizer list lacks it). */
        NOT_AUTHORIZED(61003),
        /** The operation needs a permission set the merchant did not grant (61007). */
        PERMISSION_SET_MISSING(61007),
        /** The refresh token is invalid and the authorizer list had no other (61023): authorize again. */
        REAUTHORIZATION_REQUIRED(61023),
        /** No verify ticket has been received yet, or the platform found it invalid (61006). */
        TICKET_MISSING(61006),
        /** The latest ticket is older than 12 hours, or the platform found it expired (61005). */
        TICKET_EXPIRED(61005),
        /** The store's lock of an appid could not be taken in time. */
        LOCK_TIMEOUT(-1);

        private final int errcode;

        Reason(int errcode) {
            this.errcode = errcode;
        }

        /** The platform's errcode for this refusal ({@code -1}: none). */
        public int errcode() {
            return errcode;
        }
    }

    private final Reason reason;
    private final String authorizerAppId;
    private final int permissionSet;
    private final transient Duration ticketAge;

    private ComponentAuthorizationException(String operation, Reason reason, String authorizerAppId, int permissionSet,
                                            Duration ticketAge, String message) {
        super(operation, reason.errcode(), message, NO_HTTP_STATUS);
        this.reason = reason;
        this.authorizerAppId = authorizerAppId;
        this.permissionSet = permissionSet;
        this.ticketAge = ticketAge;
    }

    /** The merchant of {@code authorizerAppId} revoked the platform. */
    public static ComponentAuthorizationException revoked(String operation, String authorizerAppId) {
        return new ComponentAuthorizationException(operation, Reason.REVOKED, authorizerAppId, 0, null,
                "mini program " + authorizerAppId + " revoked this third-party platform (unauthorized); no call is made "
                        + "for it until its administrator authorizes the platform again");
    }

    /** {@code authorizerAppId} is not known to have authorized the platform. */
    public static ComponentAuthorizationException notAuthorized(String operation, String authorizerAppId) {
        return new ComponentAuthorizationException(operation, Reason.NOT_AUTHORIZED, authorizerAppId, 0, null,
                "mini program " + authorizerAppId + " has not authorized this third-party platform (no refresh token in the "
                        + "store, none in api_get_authorizer_list): its administrator must authorize it (authorize URL)");
    }

    /** {@code operation} needs {@code permissionSet}, which {@code authorizerAppId} did not grant. */
    public static ComponentAuthorizationException permissionSetMissing(String operation, String authorizerAppId, int permissionSet) {
        return new ComponentAuthorizationException(operation, Reason.PERMISSION_SET_MISSING, authorizerAppId, permissionSet, null,
                operation + " needs permission set " + permissionSet + ", which mini program " + authorizerAppId
                        + " did not grant this platform: its administrator must authorize again with set " + permissionSet);
    }

    /** The refresh token of {@code authorizerAppId} is invalid and no other could be found. */
    public static ComponentAuthorizationException reauthorizationRequired(String operation, String authorizerAppId) {
        return new ComponentAuthorizationException(operation, Reason.REAUTHORIZATION_REQUIRED, authorizerAppId, 0, null,
                "the refresh token of mini program " + authorizerAppId + " is invalid (61023) and api_get_authorizer_list "
                        + "has no other: the merchant must authorize the platform again");
    }

    /** No ticket, or the platform refused it as invalid. */
    public static ComponentAuthorizationException ticketMissing(String operation, String detail) {
        return new ComponentAuthorizationException(operation, Reason.TICKET_MISSING, "", 0, null,
                detail + "; the platform pushes component_verify_ticket every 10 minutes to the authorization event URL: "
                        + "check that the URL reaches this service (or call api_start_push_ticket)");
    }

    /** The latest ticket is {@code age} old. */
    public static ComponentAuthorizationException ticketExpired(String operation, Duration age) {
        return new ComponentAuthorizationException(operation, Reason.TICKET_EXPIRED, "", 0, age,
                "the latest component_verify_ticket is " + describe(age) + " old (a ticket lives 12 h, a new one is pushed "
                        + "every 10 minutes): the pushes no longer reach this service; check the authorization event URL");
    }

    /** The lock {@code name} could not be taken within {@code waited}. */
    public static ComponentAuthorizationException lockTimeout(String operation, String name, Duration waited) {
        return new ComponentAuthorizationException(operation, Reason.LOCK_TIMEOUT, "", 0, null,
                "the lock " + name + " was held by another caller for more than " + describe(waited));
    }

    private static String describe(Duration d) {
        return d == null ? "?" : d.toHours() + " h " + d.toMinutesPart() + " min";
    }

    /** Why the call was refused. */
    public Reason reason() {
        return reason;
    }

    /** The authorizer concerned; empty for the component's own refusals. */
    public String authorizerAppId() {
        return authorizerAppId;
    }

    /** The permission set missing, for {@link Reason#PERMISSION_SET_MISSING}; else 0. */
    public int permissionSet() {
        return permissionSet;
    }

    /** The age of the stale ticket, for {@link Reason#TICKET_EXPIRED}. */
    public Optional<Duration> ticketAge() {
        return Optional.ofNullable(ticketAge);
    }

    /** Whether the fix is a new authorization by the merchant. */
    public boolean merchantMustAuthorize() {
        return reason == Reason.REVOKED || reason == Reason.NOT_AUTHORIZED || reason == Reason.REAUTHORIZATION_REQUIRED
                || reason == Reason.PERMISSION_SET_MISSING;
    }

}
