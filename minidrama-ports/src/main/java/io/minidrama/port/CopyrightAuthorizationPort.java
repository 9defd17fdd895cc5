package io.minidrama.port;

import io.minidrama.domain.authz.AuthorizationResult;
import io.minidrama.domain.authz.CopyrightAuthorization;
import io.minidrama.domain.authz.CopyrightDeauthorization;
import io.minidrama.domain.authz.CopyrightGrantQuery;
import io.minidrama.domain.authz.CopyrightGrants;
import io.minidrama.domain.authz.CopyrightReceivedQuery;

import java.util.List;

/**
 * Licenses the copyright of dramas that applied for copyright protection to companies or mini
 * programs ({@code authorizecopyright}, {@code deauthorizecopyright},
 * {@code getcopyrightauthorizationlist}, {@code getcopyrightauthorizedlist}).
 *
 * <p>Implementations MUST be thread-safe and MUST NOT accept {@code null}. Per-drama outcomes are
 * values; a call refused as a whole is a {@link io.minidrama.domain.error.PlatformException}.
 */
public interface CopyrightAuthorizationPort {

    /** Grants copyright use; one result per drama. */
    List<AuthorizationResult> authorizeCopyright(CopyrightAuthorization request);

    /** Withdraws copyright use; one result per drama. */
    List<AuthorizationResult> deauthorizeCopyright(CopyrightDeauthorization request);

    /** The grantor's view. */
    CopyrightGrants grantedCopyrights(CopyrightGrantQuery query);

    /** The grantee's view. */
    CopyrightGrants receivedCopyrights(CopyrightReceivedQuery query);
}
