package io.minidrama.protocol.component;

import io.minidrama.domain.error.PlatformException;
import io.minidrama.port.ForwardingMiniDramaPlatform;
import io.minidrama.port.MiniDramaPlatform;
import io.minidrama.port.PlatformOperation;
import io.minidrama.port.component.ComponentAuthorizationException;

import java.util.Objects;
import java.util.function.Supplier;

/**
 * The platform of one authorizer, checked before every call: a revoked appid, or an operation
 * whose permission set (153 for {@code /wxa/sec/vod/*}, 157 for {@code /wxadrama/*}) was not
 * granted, fails with a {@link ComponentAuthorizationException} without a network call. A 61003
 * answer marks the appid revoked; a 61007 answer re-reads the granted sets once
 * ({@code api_get_authorizer_info}): if the set is granted now the call is made once more, otherwise
 * the error names the missing set.
 */
final class AuthorizerGuard extends ForwardingMiniDramaPlatform {
    private final MiniDramaPlatform delegate;
    private final ComponentTokens tokens;
    private final String authorizerAppId;

    AuthorizerGuard(MiniDramaPlatform delegate, ComponentTokens tokens, String authorizerAppId) {
        this.delegate = Objects.requireNonNull(delegate, "delegate");
        this.tokens = Objects.requireNonNull(tokens, "tokens");
        this.authorizerAppId = Objects.requireNonNull(authorizerAppId, "authorizerAppId");
    }

    @Override
    protected MiniDramaPlatform delegate() {
        return delegate;
    }

    @Override
    protected <T> T intercept(PlatformOperation op, Supplier<T> call) {
        tokens.checkCall(authorizerAppId, op);
        try {
            return call.get();
        } catch (ComponentAuthorizationException e) {
            throw e;
        } catch (PlatformException e) {
            if (e.rawErrcode() == 61003) {
                tokens.revoke(authorizerAppId, tokens.now());
                throw ComponentAuthorizationException.revoked(op.wireName(), authorizerAppId);
            }
            if (e.rawErrcode() == 61007) {
                java.util.Set<Integer> granted;
                try {
                    granted = tokens.refreshPermissionSets(authorizerAppId);
                } catch (ComponentAuthorizationException refused) {
                    throw refused;
                } catch (RuntimeException unread) {
                    // the sets could not be re-read: the platform's own answer stands
                    ComponentAuthorizationException missing = ComponentAuthorizationException.permissionSetMissing(op.wireName(),
                            authorizerAppId, op.permissionSet());
                    missing.addSuppressed(unread);
                    throw missing;
                }
                if (granted.contains(op.permissionSet())) {
                    return retryOnce(op, call);
                }
                throw ComponentAuthorizationException.permissionSetMissing(op.wireName(), authorizerAppId, op.permissionSet());
            }
            throw e;
        }
    }

    private <T> T retryOnce(PlatformOperation op, Supplier<T> call) {
        try {
            return call.get();
        } catch (ComponentAuthorizationException e) {
            throw e;
        } catch (PlatformException e) {
            if (e.rawErrcode() == 61007) {
                throw ComponentAuthorizationException.permissionSetMissing(op.wireName(), authorizerAppId, op.permissionSet());
            }
            throw e;
        }
    }

    @Override
    public String toString() {
        return "AuthorizerPlatform[authorizer=" + authorizerAppId + ", " + delegate + "]";
    }
}
