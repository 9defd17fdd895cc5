package io.minidrama.port;

import io.minidrama.domain.AppId;
import io.minidrama.domain.authz.AppAuthorization;
import io.minidrama.domain.authz.AppGrant;
import io.minidrama.domain.authz.AuthorizationResult;
import io.minidrama.domain.authz.DramaAuthorization;
import io.minidrama.domain.authz.DramaDeauthorization;
import io.minidrama.domain.authz.DramaGrants;
import io.minidrama.domain.authz.GrantedDramasQuery;
import io.minidrama.domain.authz.ReceivedAppGrant;
import io.minidrama.domain.authz.ReceivedDramasQuery;

import java.util.List;

/**
 * Licenses dramas to other mini programs: single dramas ({@code authorizedrama},
 * {@code deauthorizedrama}, {@code getauthorizeobjects}, {@code getauthorizedobjects}) or the
 * whole catalogue ({@code authorizeapp}, {@code deauthorizeapp}, {@code getauthorizeapps},
 * {@code getauthorizedapps}).
 *
 * <p>Implementations MUST be thread-safe and MUST NOT accept {@code null}. Per-drama outcomes are
 * values ({@link AuthorizationResult}), not exceptions: a call can partly succeed. A call the
 * platform refuses as a whole surfaces as {@link io.minidrama.domain.error.PlatformException}.
 */
public interface DramaAuthorizationPort {

    /** Authorises dramas to a mini program; one result per drama. */
    List<AuthorizationResult> authorizeDramas(DramaAuthorization request);

    /** Withdraws dramas from a mini program; one result per drama. */
    List<AuthorizationResult> deauthorizeDramas(DramaDeauthorization request);

    /** The grantor's view: dramas this mini program authorised. */
    DramaGrants grantedDramas(GrantedDramasQuery query);

    /** The grantee's view: dramas authorised to this mini program. */
    DramaGrants receivedDramas(ReceivedDramasQuery query);

    /** Authorises every drama, present and future, to a mini program. */
    void authorizeApp(AppAuthorization request);

    /** Withdraws a whole-catalogue authorisation. */
    void deauthorizeApp(AppId authorizedAppId);

    /** The grantor's view: the whole-catalogue authorisations this mini program granted ({@code getauthorizeapps}). */
    List<AppGrant> authorizedApps();

    /**
     * The grantee's view: the whole-catalogue authorisations other mini programs granted to this
     * one ({@code getauthorizedapps}), one per authorizer, expired ones left out by the platform.
     * An empty list when there are none.
     */
    List<ReceivedAppGrant> receivedApps();
}
